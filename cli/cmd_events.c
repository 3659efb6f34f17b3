/* cmd_events.c — CAMEO events: `events`, `export`, `eval-events`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void render_events(json_t *root)
{
    size_t i;
    json_t *e;
    json_array_foreach(root, i, e) {
        printf("%-10.10s  %-12s %-5s %-12s  %+5.1f q%lld  m%lld s%lld a%lld  story %lld%s%s\n",
               cli_str(e, "date"), cli_str(e, "source"), cli_str(e, "code"),
               cli_str(e, "target"), json_number_value(json_object_get(e, "goldstein")),
               cli_int(e, "quad_class"), cli_int(e, "mentions"), cli_int(e, "sources"),
               cli_int(e, "articles"), cli_int(e, "story"), *cli_str(e, "place") ? "  at " : "",
               cli_str(e, "place"));
        printf("            %s -> %s\n", cli_str(e, "source_name"), cli_str(e, "target_name"));
    }
    printf("%zu event%s\n", json_array_size(root), json_array_size(root) == 1 ? "" : "s");
}

static int run_events(cli_opts *o) { return cli_run_query(o, st_db_cameo_events_json, render_events); }

const cli_cmd cli_cmd_events = {
    "events", "CAMEO events (who did what to whom), per story", "[--story ID] [--json]",
    "--db --json --lang --since --until --story --limit --offset", run_events};

static int run_export(cli_opts *o)
{
    if (o->nargs != 1) {
        fprintf(stderr, "usage: storytrack export events|stories|articles --format gdelt|json|jsonl|csv\n");
        return CLI_USAGE;
    }
    st_db *db = cli_open_db(o);
    if (!db)
        return CLI_INTERNAL;
    char err[256] = "";
    int rc = st_export(db, o->args[0], o->format ? o->format : "json", &o->q, stdout, err,
                       sizeof err);
    st_db_close(db);
    if (rc != ST_OK)
        fprintf(stderr, "storytrack export: %s\n", err[0] ? err : st_strerror(rc));
    return cli_exit_code(rc);
}

const cli_cmd cli_cmd_export = {
    "export", "export events (GDELT 2.0 table), stories or articles",
    "events|stories|articles --format gdelt|json|jsonl|csv",
    "--db --format --lang --since --until --story --limit --offset", run_export};

static void render_eval(json_t *r)
{
    printf("%s: %lld sentences\n", cli_str(r, "file"), cli_int(r, "sentences"));
    const char *parts[] = {"full", "root"};
    for (int i = 0; i < 2; i++) {
        json_t *s = json_object_get(r, parts[i]);
        printf("  %-4s code: precision %.3f  recall %.3f  F1 %.3f  (%lld of %lld gold, %lld coded)\n",
               parts[i], json_number_value(json_object_get(s, "precision")),
               json_number_value(json_object_get(s, "recall")),
               json_number_value(json_object_get(s, "f1")), cli_int(s, "tp"), cli_int(s, "gold"),
               cli_int(s, "predicted"));
    }
}

static int run_eval_events(cli_opts *o)
{
    if (o->nargs != 1) {
        fprintf(stderr, "usage: storytrack eval-events FILE [--data DICTDIR] [--json]\n");
        return CLI_USAGE;
    }
    char *doc = NULL, err[256] = "";
    int rc = st_events_eval_file(o->args[0], o->data, &doc, err, sizeof err);
    if (rc != ST_OK) {
        fprintf(stderr, "storytrack eval-events: %s\n", err[0] ? err : st_strerror(rc));
        return cli_exit_code(rc == ST_EIO ? ST_EUSAGE : rc);
    }
    return cli_emit(o, doc, render_eval);
}

const cli_cmd cli_cmd_eval_events = {
    "eval-events", "score the CAMEO coder on a PETRARCH validation file", "FILE",
    "--json --data", run_eval_events};
