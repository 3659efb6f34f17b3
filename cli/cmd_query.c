/* cmd_query.c — the read commands: articles, show, search, dups. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The first words of the body, for articles without a title. */
static const char *cli_lead(json_t *a)
{
    static char buf[96];
    const char *lead = cli_str(a, "lead");
    size_t n = strlen(lead) < 72 ? strlen(lead) : 72;
    while (n > 0 && n < strlen(lead) && ((unsigned char)lead[n] & 0xc0) == 0x80)
        n--; /* do not cut a UTF-8 sequence */
    snprintf(buf, sizeof buf, "%.*s%s", (int)n, lead, n < strlen(lead) ? "…" : "");
    for (char *p = buf; *p; p++)
        if (*p == '\n')
            *p = ' ';
    return buf;
}

static void render_articles(json_t *root)
{
    size_t i;
    json_t *a;
    json_array_foreach(root, i, a) {
        const char *title = cli_str(a, "title");
        printf("%5lld  %-3s %-10.10s  %-20.20s  %s\n", cli_int(a, "id"), cli_str(a, "language"),
               cli_str(a, "published"), *cli_str(a, "source") ? cli_str(a, "source") : cli_str(a, "ext_id"),
               *title ? title : cli_lead(a));
    }
    printf("%zu article%s\n", json_array_size(root), json_array_size(root) == 1 ? "" : "s");
}

static int run_articles(cli_opts *o) { return cli_run_query(o, st_db_articles_json, render_articles); }

const cli_cmd cli_cmd_articles = {
    "articles", "list stored articles in publish order", "[options]",
    "--db --json --lang --since --until --story --limit --offset", run_articles};

static void render_article(json_t *a)
{
    printf("article %lld  %s\n", cli_int(a, "id"), cli_str(a, "ext_id"));
    printf("title:     %s\n", cli_str(a, "title"));
    printf("source:    %s  %s\n", cli_str(a, "source"), cli_str(a, "url"));
    printf("language:  %s (metadata: %s)\n", cli_str(a, "language"), cli_str(a, "lang_meta"));
    /* a day taken from the text's dateline is not the outlet's own */
    const char *from = cli_str(json_object_get(a, "extra"), "published_from");
    printf("published: %s%s   ingested: %s\n", cli_str(a, "published"),
           !strcmp(from, "text") ? " (from its dateline)" : "", cli_str(a, "ingested"));
    printf("story:     %lld   event: %lld\n", cli_int(a, "story"), cli_int(a, "event"));
    size_t i;
    json_t *d;
    json_array_foreach(json_object_get(a, "duplicates"), i, d)
        printf("duplicate: %s of article %lld\n", cli_str(d, "kind"), cli_int(d, "other"));
    printf("\n%s\n", cli_str(a, "body"));
}

static void render_story(json_t *s);

static int run_show(cli_opts *o)
{
    if (o->nargs != 2 || (strcmp(o->args[0], "article") && strcmp(o->args[0], "story"))) {
        fprintf(stderr, "usage: storytrack show article|story ID [--json]\n");
        return CLI_USAGE;
    }
    int story = !strcmp(o->args[0], "story");
    char *end;
    long long id = strtoll(o->args[1], &end, 10);
    if (story && (*end || id <= 0)) {
        fprintf(stderr, "storytrack show: story id must be a positive number: '%s'\n", o->args[1]);
        return CLI_USAGE;
    }
    st_db *db = cli_open_db(o);
    if (!db)
        return CLI_INTERNAL;
    char *doc = NULL;
    int rc = story ? st_db_story_json(db, id, &doc) : st_db_article_json(db, o->args[1], &doc);
    st_db_close(db);
    if (rc == ST_ENOTFOUND) {
        fprintf(stderr, "storytrack: no %s '%s'\n", o->args[0], o->args[1]);
        return CLI_USAGE;
    }
    if (rc != ST_OK) {
        fprintf(stderr, "storytrack: query failed: %s\n", st_strerror(rc));
        return cli_exit_code(rc);
    }
    return cli_emit(o, doc, story ? render_story : render_article);
}

const cli_cmd cli_cmd_show = {"show", "show one article or story", "article|story ID",
                              "--db --json", run_show};

static void render_hits(json_t *root)
{
    size_t i;
    json_t *h;
    json_array_foreach(root, i, h) {
        printf("%5lld  %-3s %s\n       %s\n", cli_int(h, "id"), cli_str(h, "language"),
               cli_str(h, "title"), cli_str(h, "snippet"));
    }
    printf("%zu match%s\n", json_array_size(root), json_array_size(root) == 1 ? "" : "es");
}

static int run_search(cli_opts *o)
{
    if (o->nargs < 1) {
        fprintf(stderr, "usage: storytrack search QUERY [--json]\n");
        return CLI_USAGE;
    }
    /* Several words on the command line are one query. */
    size_t len = 1;
    for (int i = 0; i < o->nargs; i++)
        len += strlen(o->args[i]) + 1;
    char *text = calloc(len, 1);
    if (!text)
        return CLI_INTERNAL;
    for (int i = 0; i < o->nargs; i++) {
        if (i)
            strcat(text, " ");
        strcat(text, o->args[i]);
    }
    o->q.text = text;
    if (!o->q.limit)
        o->q.limit = 20;
    int rc = cli_run_query(o, st_db_search_json, render_hits);
    free(text);
    return rc;
}

const cli_cmd cli_cmd_search = {"search", "full-text search (ranked, with snippets; FTS5 or PostgreSQL text search)", "QUERY",
                                "--db --json --lang --since --until --story --limit --offset",
                                run_search};

static void render_dups(json_t *root)
{
    size_t i;
    json_t *d;
    json_array_foreach(root, i, d) {
        printf("%-8s %5lld %-24.24s %5lld %-24.24s jaccard %.2f containment %.2f simhash %lld\n",
               cli_str(d, "kind"), cli_int(d, "a"), cli_str(d, "a_ext_id"), cli_int(d, "b"),
               cli_str(d, "b_ext_id"), json_number_value(json_object_get(d, "jaccard")),
               json_number_value(json_object_get(d, "containment")), cli_int(d, "simhash_dist"));
    }
    printf("%zu pair%s\n", json_array_size(root), json_array_size(root) == 1 ? "" : "s");
}

static int run_dups(cli_opts *o) { return cli_run_query(o, st_db_dups_json, render_dups); }

const cli_cmd cli_cmd_dups = {"dups", "list duplicate and rewrite pairs with scores", "[options]",
                              "--db --json --story --limit --offset", run_dups};

/* ---- stories */

static void render_stories(json_t *root)
{
    size_t i;
    json_t *s;
    json_array_foreach(root, i, s) {
        printf("story %lld: %s\n", cli_int(s, "id"), cli_str(s, "label"));
        long long na = cli_int(s, "articles"), ne = cli_int(s, "events");
        printf("  %lld article%s, %lld event%s", na, na == 1 ? "" : "s", ne, ne == 1 ? "" : "s");
        cli_print_list("; languages: ", json_object_get(s, "languages"), 8);
        cli_print_list("; sources: ", json_object_get(s, "sources"), 5);
        const char *first = cli_str(s, "first"), *last = cli_str(s, "last");
        if (*first)
            printf("; %s .. %s", first, last);
        printf("\n");
    }
    printf("%zu stor%s\n", json_array_size(root), json_array_size(root) == 1 ? "y" : "ies");
}

/* "prefix a, b, c" on a line of its own; no line for an empty list (a
 * story stored before its terms were kept has none). */
static void print_list_line(const char *prefix, json_t *arr, size_t max)
{
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v) {
        const char *w = json_string_value(v);
        if (w && *w) {
            cli_print_list(prefix, arr, max);
            printf("\n");
            return;
        }
    }
}

static void render_story(json_t *s)
{
    printf("story %lld: %s\n", cli_int(s, "id"), cli_str(s, "label"));
    print_list_line("terms: ", json_object_get(s, "terms"), 10);
    print_list_line("entities: ", json_object_get(s, "entities"), 10);
    print_list_line("languages: ", json_object_get(s, "languages"), 12);
    print_list_line("sources: ", json_object_get(s, "sources"), 12);
    size_t i, j;
    json_t *e, *a;
    json_array_foreach(json_object_get(s, "event_list"), i, e) {
        printf("\n  event %lld: %s\n", cli_int(e, "id"), cli_str(e, "label"));
        json_array_foreach(json_object_get(e, "articles"), j, a) {
            const char *t = cli_str(a, "title");
            printf("    %5lld %-3s %-10.10s %s\n", cli_int(a, "id"), cli_str(a, "language"),
                   cli_str(a, "published"), *t ? t : cli_lead(a));
        }
    }
}

static int run_stories(cli_opts *o) { return cli_run_query(o, st_db_stories_json, render_stories); }

const cli_cmd cli_cmd_stories = {"stories", "list stories, largest first", "[options]",
                                 "--db --json --lang --since --until --limit --offset",
                                 run_stories};
