/* cmd_eval.c — storytrack eval: clustering scores against gold labels. */
#include <stdio.h>

#include "cli.h"

static void print_score(const char *what, json_t *s)
{
    printf("%-8s BCubed P %.3f R %.3f F1 %.3f | pairwise P %.3f R %.3f F1 %.3f | "
           "clusters gold %lld, predicted %lld\n",
           what, json_number_value(json_object_get(s, "bcubed_p")),
           json_number_value(json_object_get(s, "bcubed_r")),
           json_number_value(json_object_get(s, "bcubed_f1")),
           json_number_value(json_object_get(s, "pairwise_p")),
           json_number_value(json_object_get(s, "pairwise_r")),
           json_number_value(json_object_get(s, "pairwise_f1")),
           cli_int(s, "gold_clusters"), cli_int(s, "predicted_clusters"));
}

static void render_eval(json_t *r)
{
    printf("articles scored: %lld (gold ids not in the database: %lld)\n",
           cli_int(r, "matched"), cli_int(r, "missing"));
    print_score("events", json_object_get(r, "events"));
    print_score("stories", json_object_get(r, "stories"));
    const char *lang;
    json_t *l;
    printf("per language (BCubed F1):\n");
    json_object_foreach(json_object_get(r, "languages"), lang, l) {
        printf("  %-4s n=%-4lld events %.3f  stories %.3f\n", lang, cli_int(l, "n"),
               json_number_value(json_object_get(json_object_get(l, "events"), "bcubed_f1")),
               json_number_value(json_object_get(json_object_get(l, "stories"), "bcubed_f1")));
    }
}

static int run_eval(cli_opts *o)
{
    if (!o->gold || o->nargs) {
        fprintf(stderr, "usage: storytrack eval --gold FILE [--db F] [--json]\n");
        return CLI_USAGE;
    }
    st_db *db = cli_open_db(o);
    if (!db)
        return CLI_INTERNAL;
    char *doc = NULL, err[512] = "";
    int rc = st_eval_gold(db, o->gold, &doc, err, sizeof err);
    st_db_close(db);
    if (rc != ST_OK) {
        fprintf(stderr, "storytrack eval: %s\n", *err ? err : st_strerror(rc));
        return cli_exit_code(rc);
    }
    return cli_emit(o, doc, render_eval);
}

const cli_cmd cli_cmd_eval = {
    "eval", "score the stored events and stories against gold labels (BCubed, pairwise)",
    "--gold FILE", "--db --json --gold", run_eval};
