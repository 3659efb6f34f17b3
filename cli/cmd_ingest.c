/* cmd_ingest.c — storytrack ingest: read inputs, run the pipeline, report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

typedef struct ingest_run {
    st_pipeline *p;
    size_t input_errors; /* parse problems reported by the readers */
    size_t seen;
    int fatal;           /* an internal failure: stop */
    int progress;        /* stderr is a terminal */
    double started, last_draw;
} ingest_run;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A one-line progress bar, only once the work has lasted a second. */
static void draw_progress(ingest_run *r, int done)
{
    double t = now_s();
    if (!r->progress || t - r->started < 1.0 || (!done && t - r->last_draw < 0.1))
        return;
    r->last_draw = t;
    const st_ingest_stats *s = st_pipeline_stats(r->p);
    int spin = (int)(r->seen / 16) % 20;
    fprintf(stderr, "\r[%.*s#%.*s] %zu read, %zu stored, %.0f/s%s", spin,
            "--------------------", 19 - spin, "--------------------", r->seen, s->stored,
            r->seen / (t - r->started), done ? "\n" : "");
}

static void on_diag(const char *where, int severity, const char *msg, void *ud)
{
    ingest_run *r = ud;
    if (r->progress)
        fputs("\r\033[K", stderr);
    if (severity == ST_OK) {
        fprintf(stderr, "%s: warning: %s\n", where, msg);
    } else {
        fprintf(stderr, "%s: %s\n", where, msg);
        r->input_errors++;
    }
}

/* A reader's problem with the input: stored after the articles read before
 * it, so that messages come in input order whatever --jobs is. */
static void on_read_diag(const char *where, int severity, const char *msg, void *ud)
{
    ingest_run *r = ud;
    if (st_pipeline_drain(r->p) != ST_OK)
        r->fatal = 1;
    on_diag(where, severity, msg, r);
}

/* An article's outcome, in input order (st_pipeline_submit). */
static void on_done(const st_article *a, int rc, const char *msg, void *ud)
{
    ingest_run *r = ud;
    const char *where = a->origin ? a->origin : "-";
    if (rc == ST_OK && *msg) {
        on_diag(where, ST_OK, msg, r);
    } else if (rc == ST_EINPUT) {
        on_diag(where, ST_EINPUT, msg, r);
    } else if (rc != ST_OK && rc != ST_EDUP) {
        fprintf(stderr, "%s: internal: %s\n", where, msg);
        r->fatal = 1;
    }
}

static int on_article(st_article *a, void *ud)
{
    ingest_run *r = ud;
    r->seen++;
    int rc = st_pipeline_submit(r->p, a, on_done, r);
    draw_progress(r, 0);
    return rc;
}

static int run_ingest(cli_opts *o)
{
    if (o->to_stream)
        return cli_publish(o, o->to_stream, 0);
    if (o->nargs == 0) {
        fprintf(stderr, "usage: storytrack ingest [options] PATH...|URL...|-\n");
        return CLI_USAGE;
    }
    st_ingest_opts io = {.follow_links = o->follow};
    if (o->format && st_format_parse(o->format, &io.format) != ST_OK) {
        fprintf(stderr, "storytrack ingest: unknown format '%s' "
                        "(auto, text, jsonl, html, feed)\n", o->format);
        return CLI_USAGE;
    }
    st_config cfg;
    st_config_default(&cfg);
    if (o->max_bytes)
        cfg.max_article_bytes = io.max_article_bytes = o->max_bytes;
    if (o->near)
        cfg.near_threshold = o->near;
    if (o->rewrite)
        cfg.rewrite_threshold = o->rewrite;
    cfg.jobs = cli_jobs(o);
    st_db *db = cli_open_db(o);
    if (!db)
        return CLI_INTERNAL;
    ingest_run r = {.progress = !o->quiet && isatty(2), .started = now_s()};
    char err[512];
    if (st_pipeline_new(db, &cfg, o->data, &r.p, err, sizeof err) != ST_OK) {
        fprintf(stderr, "storytrack: %s\n", err);
        st_db_close(db);
        return CLI_INTERNAL;
    }
    io.on_diag = on_read_diag;
    io.ud = &r;
    for (int i = 0; i < o->nargs && !r.fatal; i++) {
        size_t before = r.input_errors;
        int rc = st_ingest_path(o->args[i], &io, on_article, &r, NULL);
        if (rc == ST_EIO && r.input_errors == before) {
            if (st_pipeline_drain(r.p) != ST_OK)
                r.fatal = 1;
            fprintf(stderr, "%s: cannot read\n", o->args[i]);
            r.input_errors++;
        }
    }
    draw_progress(&r, 1);
    int flush = st_pipeline_flush(r.p);
    const st_ingest_stats *s = st_pipeline_stats(r.p);
    size_t errors = r.input_errors;
    printf("ingested %zu, duplicates %zu, near-duplicates %zu, errors %zu\n", s->stored,
           s->duplicates, s->near_dups, errors);
    st_pipeline_free(r.p);
    st_db_close(db);
    if (r.fatal || flush != ST_OK)
        return CLI_INTERNAL;
    return errors ? CLI_USAGE : CLI_OK;
}

const cli_cmd cli_cmd_ingest = {
    "ingest", "read articles (text, JSON Lines, HTML, RSS/Atom, .gz, stdin, http(s) URLs) and store them",
    "[options] [--follow] PATH...|URL...|-",
    "--db --format --max-bytes --near --rewrite --jobs --data --quiet --to-stream --follow",
    run_ingest};
