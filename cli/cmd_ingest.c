/* cmd_ingest.c — storytrack ingest: read inputs, run the pipeline, report;
 * with --every, again and again (a round each time) until SIGINT or SIGTERM. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

typedef struct ingest_run {
    st_pipeline *p;
    st_db *db;
    st_ingest_opts io;
    /* --every: one per argument, so that an unchanged URL is not read again;
     * freed by finish */
    st_validators *validators;
    size_t input_errors; /* parse problems reported by the readers */
    size_t unchanged;    /* --every: inputs whose server answered 304 */
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
/* --follow asks before fetching a feed item's page: a polled feed repeats
 * its items, and a stored one needs no page. */
static int is_stored(const char *url, void *ud)
{
    const ingest_run *r = ud;
    return st_db_has_url(r->db, url);
}

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

/* What has been done so far: the counts of a summary line. */
typedef struct tally {
    size_t stored, duplicates, near_dups, errors, unchanged;
} tally;

static tally tally_now(const ingest_run *r)
{
    const st_ingest_stats *s = st_pipeline_stats(r->p);
    return (tally){s->stored, s->duplicates, s->near_dups, r->input_errors, r->unchanged};
}

/* The summary line of what was done since `from`, after `lead`; unchanged
 * inputs only when there were any (only a poller has them). */
static void print_tally(const char *lead, tally now, tally from)
{
    printf("%singested %zu, duplicates %zu, near-duplicates %zu, errors %zu", lead,
           now.stored - from.stored, now.duplicates - from.duplicates,
           now.near_dups - from.near_dups, now.errors - from.errors);
    if (now.unchanged > from.unchanged)
        printf(", unchanged %zu", now.unchanged - from.unchanged);
    putchar('\n');
    fflush(stdout);
}

/* After an input read with validators: an unchanged one is counted; a new
 * answer's validators stay pending only when all it gave was stored without
 * a problem, which is known once its articles are drained (an earlier
 * input's late rejection counts here too: that costs a full fetch only). */
static void settle_validators(st_validators *v, size_t errors_before, ingest_run *r)
{
    r->unchanged += v->unchanged;
    if (!v->pending)
        return;
    if (st_pipeline_drain(r->p) != ST_OK)
        r->fatal = 1;
    if (r->fatal || r->input_errors != errors_before)
        st_validators_reject(v);
}

static void read_input(const char *path, st_validators *v, ingest_run *r)
{
    size_t before = r->input_errors;
    r->io.validators = v;
    int rc = st_ingest_path(path, &r->io, on_article, r, NULL);
    if (rc == ST_EIO && r->input_errors == before) {
        if (st_pipeline_drain(r->p) != ST_OK)
            r->fatal = 1;
        fprintf(stderr, "%s: cannot read\n", path);
        r->input_errors++;
    }
    if (v)
        settle_validators(v, before, r);
}

/* The round is committed: what the inputs' pending validators describe is
 * stored, so the next round may send them. */
static void accept_validators(const cli_opts *o, ingest_run *r)
{
    for (int i = 0; r->validators && i < o->nargs; i++)
        st_validators_accept(&r->validators[i]);
}

/* Reads every input once, then commits. A stop request (--every) ends the
 * reading after the input at hand; what was read is still committed. */
static void read_inputs(const cli_opts *o, ingest_run *r)
{
    r->seen = 0;
    r->started = now_s();
    for (int i = 0; i < o->nargs && !r->fatal && !cli_stop; i++)
        read_input(o->args[i], r->validators ? &r->validators[i] : NULL, r);
    draw_progress(r, 1);
    if (st_pipeline_flush(r->p) != ST_OK)
        r->fatal = 1;
    else
        accept_validators(o, r);
}

/* Waits `seconds`, less when SIGINT or SIGTERM comes: the sleep ends at once
 * when this thread takes the signal, within a step when another one (a
 * pipeline thread) does. */
static void wait_seconds(unsigned seconds)
{
    double end = now_s() + seconds;
    for (double left; !cli_stop && (left = end - now_s()) > 0;) {
        double step = left < 0.1 ? left : 0.1;
        nanosleep(&(struct timespec){0, (long)(step * 1e9)}, NULL);
    }
}

/* --every: rounds of read_inputs, a summary line each, until a signal or an
 * internal failure. A round's input errors were reported and do not stop it. */
static void poll_inputs(const cli_opts *o, unsigned every, ingest_run *r)
{
    cli_saved_signals saved;
    cli_catch_stop(1, &saved);
    for (unsigned long round = 1;; round++) {
        tally before = tally_now(r);
        read_inputs(o, r);
        char lead[40];
        snprintf(lead, sizeof lead, "round %lu: ", round);
        print_tally(lead, tally_now(r), before);
        if (r->fatal || cli_stop)
            break;
        wait_seconds(every);
        if (cli_stop)
            break;
    }
    if (cli_stop)
        fprintf(stderr, "storytrack ingest: %s, stopping\n",
                cli_stop == SIGINT ? "SIGINT" : "SIGTERM");
    cli_release_stop(&saved);
}

/* --every SECONDS: a whole number above 0, and inputs that can be read again. */
static int parse_every(const cli_opts *o, unsigned *every)
{
    const char *s = o->every;
    char *end;
    errno = 0;
    unsigned long v = s[0] >= '0' && s[0] <= '9' ? strtoul(s, &end, 10) : 0;
    if (errno || v == 0 || *end || v > INT_MAX) {
        fprintf(stderr, "storytrack ingest: --every needs a whole number of seconds above 0, "
                        "not '%s'\n", s);
        return CLI_USAGE;
    }
    if (o->to_stream) {
        fprintf(stderr, "storytrack ingest: --every does not work with --to-stream\n");
        return CLI_USAGE;
    }
    for (int i = 0; i < o->nargs; i++)
        if (!strcmp(o->args[i], "-")) {
            fprintf(stderr, "storytrack ingest: --every cannot poll - (stdin): "
                            "name files, directories or URLs\n");
            return CLI_USAGE;
        }
    *every = (unsigned)v;
    return CLI_OK;
}

/* The pipeline's settings and the readers' from the options. */
static int ingest_config(const cli_opts *o, st_config *cfg, st_ingest_opts *io)
{
    *io = (st_ingest_opts){.follow_links = o->follow};
    if (o->format && st_format_parse(o->format, &io->format) != ST_OK) {
        fprintf(stderr, "storytrack ingest: unknown format '%s' "
                        "(auto, text, jsonl, html, feed)\n", o->format);
        return CLI_USAGE;
    }
    st_config_default(cfg);
    if (o->max_bytes)
        cfg->max_article_bytes = io->max_article_bytes = o->max_bytes;
    if (o->near)
        cfg->near_threshold = o->near;
    if (o->rewrite)
        cfg->rewrite_threshold = o->rewrite;
    cfg->jobs = cli_jobs(o);
    return CLI_OK;
}

/* The totals line, then the exit code: input errors are a reason for 2 only
 * in a single pass; a poller reported each round's as they came. */
static int finish(const cli_opts *o, ingest_run *r, st_db *db, int polled)
{
    print_tally("", tally_now(r), (tally){0});
    st_pipeline_free(r->p);
    st_db_close(db);
    for (int i = 0; r->validators && i < o->nargs; i++)
        st_validators_clear(&r->validators[i]);
    free(r->validators);
    if (r->fatal)
        return CLI_INTERNAL;
    return r->input_errors && !polled ? CLI_USAGE : CLI_OK;
}

static int run_ingest(cli_opts *o)
{
    unsigned every = 0;
    if (o->every && parse_every(o, &every) != CLI_OK)
        return CLI_USAGE;
    if (o->to_stream)
        return cli_publish(o, o->to_stream, 0);
    if (o->nargs == 0) {
        fprintf(stderr, "usage: storytrack ingest [options] PATH...|URL...|-\n");
        return CLI_USAGE;
    }
    st_config cfg;
    ingest_run r = {.progress = !o->quiet && isatty(2)};
    if (ingest_config(o, &cfg, &r.io) != CLI_OK)
        return CLI_USAGE;
    r.io.on_diag = on_read_diag;
    r.io.is_stored = is_stored;
    r.io.ud = &r;
    st_db *db = r.db = cli_open_db(o);
    if (!db)
        return CLI_INTERNAL;
    char err[512];
    if (st_pipeline_new(db, &cfg, o->data, &r.p, err, sizeof err) != ST_OK) {
        fprintf(stderr, "storytrack: %s\n", err);
        st_db_close(db);
        return CLI_INTERNAL;
    }
    if (every && !(r.validators = calloc((size_t)o->nargs, sizeof *r.validators))) {
        fprintf(stderr, "storytrack: out of memory\n");
        r.fatal = 1;
    } else if (every) {
        poll_inputs(o, every, &r);
    } else {
        read_inputs(o, &r);
    }
    return finish(o, &r, db, every != 0);
}

const cli_cmd cli_cmd_ingest = {
    "ingest", "read articles (text, JSON Lines, HTML, RSS/Atom, .gz, stdin, http(s) URLs) and store them",
    "[options] [--follow] [--every SECONDS] PATH...|URL...|-",
    "--db --format --max-bytes --near --rewrite --jobs --data --quiet --to-stream --follow "
    "--every",
    run_ingest};
