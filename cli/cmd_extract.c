/* cmd_extract.c — the extraction commands: entities, quotes, claims,
 * conflicts. Each prints the library's JSON (--json) or a text rendering of
 * the same document. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define EXTRACT_OPTS "--db --json --story --lang --since --until --entity --limit --offset"

static void render_entities(json_t *root)
{
    size_t i;
    json_t *e;
    json_array_foreach(root, i, e) {
        printf("%5lld  %-6s %-34s %3lld mentions, %2lld articles  [", cli_int(e, "salience"),
               cli_str(e, "type"), cli_str(e, "name"), cli_int(e, "mentions"),
               cli_int(e, "articles"));
        cli_print_list("", json_object_get(e, "languages"), 8);
        printf("]\n");
        cli_print_list("       aka: ", json_object_get(e, "aliases"), 6);
        printf("\n");
    }
    printf("%zu entit%s\n", json_array_size(root), json_array_size(root) == 1 ? "y" : "ies");
}

static void render_quotes(json_t *root)
{
    size_t i;
    json_t *q;
    json_array_foreach(root, i, q) {
        const char *sp = cli_str(q, "speaker");
        printf("%5lld  %-10.10s %-18.18s %s:\n       \xe2\x80\x9c%s\xe2\x80\x9d\n",
               cli_int(q, "article"), cli_str(q, "published"), cli_str(q, "source"),
               *sp ? sp : "(unknown speaker)", cli_str(q, "text"));
    }
    printf("%zu quote%s\n", json_array_size(root), json_array_size(root) == 1 ? "" : "s");
}

static void print_claim(json_t *c)
{
    const char *qual = cli_str(c, "qualifier"), *subj = cli_str(c, "subject"),
               *attr = cli_str(c, "attribution");
    printf("%s%s%s %s%s%s%s", qual, *qual ? " " : "", cli_str(c, "value_text"),
           cli_str(c, "unit"), *subj ? " (" : "", subj, *subj ? ")" : "");
    if (*attr)
        printf(" -- %s", attr);
    const char *src = cli_str(c, "source");
    printf("  [article %lld%s%s, %s]", cli_int(c, "article"), *src ? ", " : "", src,
           *cli_str(c, "date") ? cli_str(c, "date") : "undated");
}

static void render_claims(json_t *root)
{
    size_t i;
    json_t *c;
    json_array_foreach(root, i, c) {
        printf("%5lld  ", cli_int(c, "id"));
        print_claim(c);
        printf("\n");
    }
    printf("%zu claim%s\n", json_array_size(root), json_array_size(root) == 1 ? "" : "s");
}

static void print_quote_side(json_t *q)
{
    printf("%s, in article %lld (%s): \xe2\x80\x9c%.80s\xe2\x80\x9d", cli_str(q, "speaker"),
           cli_int(q, "article"), cli_str(q, "source"), cli_str(q, "text"));
}

static void render_conflicts(json_t *root)
{
    size_t i;
    json_t *c;
    json_array_foreach(root, i, c) {
        int claim = !strcmp(cli_str(c, "kind"), "claim");
        printf("%s (%s)\n  A: ", claim ? cli_str(c, "unit") : "quote", cli_str(c, "reason"));
        (claim ? print_claim : print_quote_side)(json_object_get(c, "a"));
        printf("\n  B: ");
        (claim ? print_claim : print_quote_side)(json_object_get(c, "b"));
        printf("\n");
    }
    printf("%zu conflict%s\n", json_array_size(root), json_array_size(root) == 1 ? "" : "s");
}

static int run_entities(cli_opts *o)
{
    return cli_run_query(o, st_db_entities_json, render_entities);
}
static int run_quotes(cli_opts *o) { return cli_run_query(o, st_db_quotes_json, render_quotes); }
static int run_claims(cli_opts *o) { return cli_run_query(o, st_db_claims_json, render_claims); }
static int run_conflicts(cli_opts *o)
{
    return cli_run_query(o, st_db_conflicts_json, render_conflicts);
}

const cli_cmd cli_cmd_entities = {"entities", "people, organisations and places, most salient first",
                                  "[--story ID] [--json]", EXTRACT_OPTS, run_entities};
const cli_cmd cli_cmd_quotes = {"quotes", "direct quotes with their speakers",
                                "[--story ID] [--json]", EXTRACT_OPTS, run_quotes};
const cli_cmd cli_cmd_claims = {"claims", "numeric claims with qualifier, subject and source",
                                "[--story ID] [--json]", EXTRACT_OPTS, run_claims};
const cli_cmd cli_cmd_conflicts = {"conflicts", "claims and quotes on which sources disagree",
                                   "[--story ID] [--json]", EXTRACT_OPTS, run_conflicts};
