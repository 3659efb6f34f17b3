/* cmd_worker.c — storytrack worker: one consumer of a stream's group, storing
 * what it reads into --db until SIGINT or SIGTERM (then it finishes the batch
 * at hand, commits, acknowledges and exits). */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void on_diag(const char *where, int severity, const char *msg, void *ud)
{
    const cli_opts *o = ud;
    if (severity == ST_OK && !o->quiet)
        fprintf(stderr, "%s: warning: %s\n", where, msg);
    else if (severity != ST_OK)
        fprintf(stderr, "%s: %s\n", where, msg);
}

/* --stream URL --group G [--consumer NAME] once cli_parse knows them (see
 * CLI_HAVE_STREAM_OPTS in cli.h); the positional form URL GROUP [NAME]
 * works either way. */
static int stream_args(const cli_opts *o, st_worker_opts *w)
{
#ifdef CLI_HAVE_STREAM_OPTS
    w->stream = o->stream;
    w->group = o->group;
    w->consumer = o->consumer;
#endif
    int i = 0;
    if (!w->stream && i < o->nargs)
        w->stream = o->args[i++];
    if (!w->group && i < o->nargs)
        w->group = o->args[i++];
    if (!w->consumer && i < o->nargs)
        w->consumer = o->args[i++];
    return w->stream && w->group && i == o->nargs ? 0 : -1;
}

static void print_stats(const cli_opts *o, const st_worker_stats *s)
{
    if (o->json)
        printf("{\"entries\":%zu,\"stored\":%zu,\"duplicates\":%zu,\"errors\":%zu,"
               "\"claimed\":%zu,\"batches\":%zu,\"linked\":%zu}\n",
               s->entries, s->stored, s->duplicates, s->errors, s->claimed, s->batches,
               s->linked);
    else
        printf("entries %zu, stored %zu, duplicates %zu, errors %zu, claimed %zu, linked %zu\n",
               s->entries, s->stored, s->duplicates, s->errors, s->claimed, s->linked);
}

static int run_worker(cli_opts *o)
{
    st_worker_opts w = {.db_path = o->db, .data_dir = o->data, .stop = &cli_stop,
                        .on_diag = on_diag, .ud = o};
    if (stream_args(o, &w) != 0) {
        fprintf(stderr, "usage: storytrack worker [options] --stream URL --group G "
                        "[--consumer NAME]\n   or: storytrack worker [options] URL GROUP [NAME]\n");
        return CLI_USAGE;
    }
    st_config cfg;
    st_config_default(&cfg);
    if (o->max_bytes)
        cfg.max_article_bytes = o->max_bytes;
    /* one thread by default: workers scale by their number */
    cfg.jobs = o->jobs ? o->jobs : 1;
    w.cfg = &cfg;
    cli_saved_signals saved;
    cli_catch_stop(0, &saved);
    st_worker_stats stats;
    char err[512] = "";
    int rc = st_worker_run(&w, &stats, err, sizeof err);
    cli_release_stop(&saved);
    print_stats(o, &stats);
    if (rc != ST_OK) {
        fprintf(stderr, "storytrack worker: %s\n", err);
        return rc == ST_EUSAGE ? CLI_USAGE : CLI_INTERNAL;
    }
    return CLI_OK;
}

#ifdef CLI_HAVE_STREAM_OPTS
#define WORKER_STREAM_OPTS " --stream --group --consumer"
#else
#define WORKER_STREAM_OPTS ""
#endif

const cli_cmd cli_cmd_worker = {
    "worker", "consume articles from a stream as one worker of a group, store them in --db",
    "[options] --stream redis://HOST:PORT/STREAM --group G [--consumer NAME]",
    "--db --data --max-bytes --jobs --json --quiet" WORKER_STREAM_OPTS, run_worker};
