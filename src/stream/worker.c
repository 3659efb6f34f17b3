/* worker.c — one consumer of a group: read a batch of entries, run their
 * articles through the pipeline, commit, then acknowledge.
 *
 * Order of work: first the entries this consumer name was given before and
 * never acknowledged (a restart after a crash), then entries other consumers
 * left pending longer than claim_idle_ms (they died), then new entries; the
 * claim is repeated every claim_every_ms. Acknowledging after the commit
 * means nothing is lost; the pipeline's identity check (URL, external id,
 * content) means a re-delivered entry stores nothing twice. One worker of
 * those sharing a store is its linker (src/pipeline/link.c) and clusters
 * what the others store: they never hand out the same event id. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pipeline/pipeline.h"
#include "store/store.h"
#include "stream/stream.h"
#include "util/util.h"

#define DEFAULT_COUNT 64
#define DEFAULT_BLOCK_MS 1000
#define MAX_BLOCK_MS 60000
#define DEFAULT_CLAIM_IDLE_MS 30000
#define DEFAULT_CLAIM_EVERY_MS 5000
#define MAX_ATTEMPTS 8 /* per batch, when transactions conflict */

typedef struct worker {
    const st_worker_opts *o;
    char consumer[300];
    size_t count;
    int block_ms;
    long claim_idle_ms, claim_every_ms;
    st_stream *s;
    st_db *db;
    st_pipeline *p;
    st_stream_entries batch;
    st_worker_stats st;
    double last_claim;
    char *err;
    size_t errlen;
} worker;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int stopped(const worker *w) { return w->o->stop && *w->o->stop; }

static void report(worker *w, const char *where, int severity, const char *msg)
{
    if (w->o->on_diag)
        w->o->on_diag(where, severity, msg, w->o->ud);
}

static void step(worker *w, const char *what)
{
    if (w->o->on_step)
        w->o->on_step(what, w->st.batches, w->o->ud);
}

/* One entry of the batch: its articles' outcomes arrive in order, possibly
 * after the next entries were read (cfg.jobs threads prepare ahead). */
typedef struct entry_run {
    worker *w;
    const char *id;
    size_t articles; /* parsed from it */
    size_t errors;   /* problems that reject it or one of its articles */
} entry_run;

/* The ingest reader's problems name the entry, not the reader's "name:line". */
static void on_ingest_diag(const char *where, int severity, const char *msg, void *ud)
{
    entry_run *er = ud;
    (void)where;
    report(er->w, er->id, severity, msg);
    if (severity != ST_OK)
        er->errors++;
}

static void on_done(const st_article *a, int rc, const char *msg, void *ud)
{
    entry_run *er = ud;
    (void)a;
    if (rc == ST_OK && *msg) {
        report(er->w, er->id, ST_OK, msg);
    } else if (rc == ST_EINPUT) {
        report(er->w, er->id, ST_EINPUT, msg);
        er->errors++;
    } else if (rc != ST_OK && rc != ST_EDUP) {
        st_seterr(er->w->err, er->w->errlen, rc, "entry %s: %s", er->id, msg);
    }
}

static int on_article(st_article *a, void *ud)
{
    entry_run *er = ud;
    er->articles++;
    return st_pipeline_submit(er->w->p, a, on_done, er);
}

/* An entry that can never succeed is reported and counted; the caller still
 * acknowledges it, or it would come back forever. */
static void malformed(worker *w, const char *id, const char *why)
{
    report(w, id, ST_EINPUT, why);
    w->st.errors++;
}

/* Reads the entry's articles into the pipeline; *counted tells whether its
 * outcome is already counted (a malformed entry). */
static int submit_entry(worker *w, const st_stream_entry *e, entry_run *er, int *counted)
{
    *er = (entry_run){.w = w, .id = e->id};
    *counted = 1;
    if (e->deleted) {
        malformed(w, e->id, "deleted from the stream while pending");
        return ST_OK;
    }
    if (!e->article) {
        malformed(w, e->id, "entry has no \"article\" field");
        return ST_OK;
    }
    *counted = 0;
    st_ingest_opts io = {.format = ST_FORMAT_JSONL, .on_diag = on_ingest_diag, .ud = er};
    int rc = st_ingest_buffer(e->id, e->article, e->len, &io, on_article, er, NULL);
    if (rc == ST_ENOMEM)
        return st_seterr(w->err, w->errlen, rc, "out of memory");
    return rc; /* another failure: on_done said why */
}

/* Every entry's articles submitted, then stored and committed; the entries
 * are counted once all their outcomes are in. */
static int store_entries(worker *w, entry_run *er, int *counted)
{
    int rc = ST_OK;
    for (size_t i = 0; i < w->batch.n && rc == ST_OK; i++)
        rc = submit_entry(w, &w->batch.v[i], &er[i], &counted[i]);
    /* a failure is not committed: the caller rolls the batch back */
    int dr = st_pipeline_drain(w->p);
    if (rc == ST_OK)
        rc = dr;
    if (rc == ST_OK && st_pipeline_flush(w->p) != ST_OK)
        rc = st_seterr(w->err, w->errlen, ST_EDB, "commit failed");
    for (size_t i = 0; i < w->batch.n && rc == ST_OK; i++) {
        if (counted[i])
            continue;
        if (er[i].errors)
            w->st.errors++;
        else if (er[i].articles == 0)
            malformed(w, er[i].id, "no article in the entry");
    }
    return rc;
}

static int store_batch(worker *w)
{
    entry_run *er = calloc(w->batch.n ? w->batch.n : 1, sizeof *er);
    int *counted = calloc(w->batch.n ? w->batch.n : 1, sizeof *counted);
    if (w->err && w->errlen)
        *w->err = '\0';
    int rc = er && counted ? store_entries(w, er, counted)
                           : st_seterr(w->err, w->errlen, ST_ENOMEM, "out of memory");
    free(er);
    free(counted);
    return rc;
}

/* Clusters what waits, when this worker is (or can become) the linker. A
 * failure here loses nothing: the articles stay stored, unlinked, for the
 * next pass or the next linker. */
static int link_pass(worker *w)
{
    size_t n = 0;
    return st_pipeline_link(w->p, (size_t)-1, &n, w->err, w->errlen);
}


/* Everything in w->batch: stored and committed, then acknowledged. Workers
 * sharing a PostgreSQL store write the same entity rows, in orders of their
 * own: a deadlock between two batches aborts one, which is stored again. */
static int process_batch(worker *w, int claimed)
{
    w->st.batches++;
    if (claimed)
        w->st.claimed += w->batch.n;
    step(w, "read");
    struct st_worker_stats before = w->st;
    int rc;
    for (int attempt = 1; (rc = store_batch(w)) != ST_OK; attempt++) {
        if (attempt >= MAX_ATTEMPTS || !st_store_transient(w->db))
            return rc;
        st_pipeline_abort_batch(w->p);
        w->st = before;
        report(w, "worker", ST_OK, "transaction conflict with another worker: batch stored again");
    }
    step(w, "committed");
    rc = w->s->ops->ack(w->s, w->o->group, &w->batch, w->err, w->errlen);
    if (rc != ST_OK)
        return rc;
    w->st.entries += w->batch.n;
    step(w, "acked");
    return link_pass(w);
}

/* Reads one batch (own pending entries, or new ones) and processes it.
 * *got tells whether there was anything. */
static int read_batch(worker *w, int own_pending, int *got)
{
    st_stream_entries_clear(&w->batch);
    int rc = w->s->ops->read_group(w->s, w->o->group, w->consumer, own_pending, w->count,
                                   w->block_ms, &w->batch, w->err, w->errlen);
    *got = rc == ST_OK && w->batch.n > 0;
    return *got ? process_batch(w, own_pending) : rc;
}

/* Takes over and processes every entry idle for claim_idle_ms. */
static int claim_pass(worker *w)
{
    w->last_claim = now_ms();
    while (!stopped(w)) {
        st_stream_entries_clear(&w->batch);
        int rc = w->s->ops->claim_stale(w->s, w->o->group, w->consumer, w->claim_idle_ms,
                                        w->count, &w->batch, w->err, w->errlen);
        if (rc != ST_OK || w->batch.n == 0)
            return rc;
        rc = process_batch(w, 1);
        if (rc != ST_OK)
            return rc;
    }
    return ST_OK;
}

/* Drain mode ends when the group has nothing new (the last read came back
 * empty) and nothing delivered but unacknowledged. */
static int drained(worker *w, int *done)
{
    size_t pending = 0;
    int rc = w->s->ops->pending(w->s, w->o->group, &pending, w->err, w->errlen);
    *done = rc == ST_OK && pending == 0;
    return rc;
}

static int consume(worker *w)
{
    int got = 1, rc = ST_OK;
    while (rc == ST_OK && got && !stopped(w))
        rc = read_batch(w, 1, &got);
    if (rc == ST_OK)
        rc = claim_pass(w);
    while (rc == ST_OK && !stopped(w)) {
        if (now_ms() - w->last_claim >= (double)w->claim_every_ms)
            rc = claim_pass(w);
        if (rc == ST_OK)
            rc = read_batch(w, 0, &got);
        if (rc == ST_OK && !got)
            rc = link_pass(w); /* others may have stored while this one idled */
        if (rc == ST_OK && !got && w->o->drain) {
            int done = 0;
            rc = drained(w, &done);
            if (done)
                break;
        }
    }
    /* Drained means every worker's last batch is committed: a linker passing
     * now leaves nothing unlinked behind it. */
    if (rc == ST_OK)
        rc = link_pass(w);
    return rc;
}

static void settle_options(worker *w, const st_worker_opts *o)
{
    w->o = o;
    w->count = o->count ? o->count : DEFAULT_COUNT;
    w->block_ms = o->block_ms > 0 ? o->block_ms : DEFAULT_BLOCK_MS;
    if (w->block_ms > MAX_BLOCK_MS)
        w->block_ms = MAX_BLOCK_MS;
    w->claim_idle_ms = o->claim_idle_ms > 0 ? o->claim_idle_ms : DEFAULT_CLAIM_IDLE_MS;
    w->claim_every_ms = o->claim_every_ms > 0 ? o->claim_every_ms : DEFAULT_CLAIM_EVERY_MS;
    if (o->consumer && *o->consumer) {
        snprintf(w->consumer, sizeof w->consumer, "%s", o->consumer);
    } else {
        char host[256] = "host";
        gethostname(host, sizeof host - 1);
        host[sizeof host - 1] = '\0';
        snprintf(w->consumer, sizeof w->consumer, "%s-%d", host, (int)getpid());
    }
}

static int open_all(worker *w)
{
    const st_worker_opts *o = w->o;
    int rc = st_stream_open(o->stream, &w->s, w->err, w->errlen);
    if (rc == ST_OK)
        rc = w->s->ops->create_group(w->s, o->group, w->err, w->errlen);
    if (rc == ST_OK)
        rc = st_db_open(o->db_path, &w->db, w->err, w->errlen);
    if (rc != ST_OK)
        return rc;
    st_store_set_shared_writers(w->db, 1);
    st_config cfg;
    if (o->cfg)
        cfg = *o->cfg;
    else
        st_config_default(&cfg);
    /* One commit per batch of entries: the pipeline never commits halfway. */
    if (cfg.batch_size <= w->count)
        cfg.batch_size = w->count + 1;
    return st_pipeline_new(w->db, &cfg, o->data_dir, &w->p, w->err, w->errlen);
}

int st_worker_run(const st_worker_opts *o, st_worker_stats *stats, char *err, size_t errlen)
{
    if (stats)
        memset(stats, 0, sizeof *stats);
    if (!o || !o->stream || !o->group || !*o->group || !o->db_path)
        return st_seterr(err, errlen, ST_EUSAGE, "a worker needs a stream, a group and a db");
    worker w = {.err = err, .errlen = errlen};
    settle_options(&w, o);
    int rc = open_all(&w);
    if (rc == ST_OK)
        rc = consume(&w);
    if (w.p) {
        const st_ingest_stats *ps = st_pipeline_stats(w.p);
        w.st.stored = ps->stored;
        w.st.duplicates = ps->duplicates;
        w.st.linked = ps->linked;
    }
    /* A failed batch's articles may be committed here, unacknowledged: a
     * re-delivery finds them stored. */
    st_pipeline_free(w.p);
    st_db_close(w.db);
    st_stream_close(w.s);
    st_stream_entries_free(&w.batch);
    if (stats)
        *stats = w.st;
    return rc;
}
