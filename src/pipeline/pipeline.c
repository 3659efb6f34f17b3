/* pipeline.c — one article through every stage, into the store.
 *
 * Order per article: analyse (language, sentences, terms) -> identity check
 * (URL, external id, normalised-content hash) -> store -> duplicates ->
 * clusters -> extraction. Articles are committed in batches: a crash loses at
 * most the open batch, and a re-run skips whatever was committed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline/parallel.h"
#include "pipeline/pipeline.h"
#include "store/store.h"
#include "util/util.h"

void st_config_default(st_config *c)
{
    memset(c, 0, sizeof *c);
    c->max_article_bytes = ST_MAX_ARTICLE_BYTES;
    c->batch_size = 64;
    c->dedup_window = 50000;
    c->restore_articles = 20000;
    c->near_threshold = 0.8;
    c->rewrite_threshold = 0.5;
}

/* Hash of the folded token stream of the body: two copies that differ only in
 * case, spacing, punctuation or Unicode form are the same content. */
static void content_hash(const char *body, char out[17])
{
    st_tokiter it;
    st_token tok;
    char buf[256];
    uint64_t h = 0x9e3779b97f4a7c15ULL;
    st_tokiter_init(&it, body, strlen(body));
    while (st_tokiter_next(&it, &tok)) {
        size_t n = st_token_fold(body, &tok, buf, sizeof buf);
        h = st_mix64(h ^ st_hash64(buf, n));
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

int st_pipeline_new(st_db *db, const st_config *cfg, const char *data_dir,
                    st_pipeline **out, char *err, size_t errlen)
{
    *out = NULL;
    st_pipeline *p = calloc(1, sizeof *p);
    if (!p)
        return st_seterr(err, errlen, ST_ENOMEM, "out of memory");
    p->db = db;
    if (cfg)
        p->cfg = *cfg;
    else
        st_config_default(&p->cfg);
    st_config def;
    st_config_default(&def);
    if (!p->cfg.batch_size)
        p->cfg.batch_size = def.batch_size;
    if (!p->cfg.dedup_window)
        p->cfg.dedup_window = def.dedup_window;
    if (!p->cfg.restore_articles)
        p->cfg.restore_articles = def.restore_articles;
    int rc = st_text_new(data_dir, &p->text, err, errlen);
    if (rc == ST_OK)
        rc = st_pipeline_stages_new(p, data_dir, 0, err, errlen);
    if (rc == ST_OK) {
        st_prep_tools tools;
        st_pipeline_stages_tools(p, &tools);
        rc = st_pool_new(&tools, data_dir, p->cfg.jobs, &p->pool, err, errlen);
    }
    /* Cluster inline only as the store's linker (link.c); a replay rebuilds
     * everything and must be alone. */
    if (rc == ST_OK)
        rc = st_pipeline_claim(p, p->cfg.replay, err, errlen);
    if (rc != ST_OK) {
        st_pipeline_free(p);
        return rc;
    }
    *out = p;
    return ST_OK;
}

int st_pipeline_commit(st_pipeline *p)
{
    /* Commit even an empty batch: the identity check of a duplicate opened
     * the write transaction too, and it must not hold the lock. */
    int rc = st_store_commit(p->db);
    p->in_batch = 0;
    p->writes++; /* out of the transaction: another writer may come in */
    if (rc == ST_OK)
        p->committed = p->stats;
    return rc;
}

/* The batch's commit, then others' articles: what storing calls when a batch
 * is full (st_pipeline_flush drains the articles in flight first). */
static int flush_batch(st_pipeline *p)
{
    int rc = st_pipeline_commit(p);
    size_t n;
    /* Others' articles waiting for the linker. A failure here is not the
     * batch's: its articles are committed, and linking is retried at the
     * next flush (from a rebuilt state). */
    if (rc == ST_OK && !p->cfg.replay)
        st_pipeline_link_backlog(p, (size_t)-1, &n, NULL, 0);
    return rc;
}

int st_pipeline_flush(st_pipeline *p)
{
    int rc = st_pipeline_drain(p);
    int fc = flush_batch(p);
    return rc != ST_OK ? rc : fc;
}

/* Stores a prepared article and runs the stages on it, inside the open
 * batch. With pp->id 0 the article is new and is inserted first (unless an
 * article submitted earlier turned out to be the same); otherwise it is a
 * stored article being replayed (recluster). msg gets the reason of a
 * failure, or a warning with ST_OK. */
static int store_prepared(st_pipeline *p, st_prepared *pp, char *msg, size_t msglen)
{
    int64_t id = pp->id;
    int rc = st_store_begin(p->db);
    /* Looked up again only when something was stored or committed since the
     * precheck's lookup: an article submitted just before, or another
     * writer's, may be this one. With one slot nothing ever is. */
    if (rc == ST_OK && id == 0 && pp->checked_at != p->writes) {
        int64_t seen = st_store_find_article(p->db, pp->a->url, pp->a->ext_id, pp->hash);
        if (seen != 0)
            return seen < 0 ? st_seterr(msg, msglen, ST_EDB, "database lookup failed") : ST_EDUP;
    }
    if (rc == ST_OK) {
        st_article_row row = {.a = pp->a, .language = pp->doc->lang,
                              .lang_conf = pp->doc->lang_conf, .content_hash = pp->hash};
        rc = st_pipeline_stages_sign_entry(p, pp->entry, &row);
        pp->entry = NULL; /* the stages own it now */
        if (rc == ST_OK && id == 0)
            rc = st_store_insert_article(p->db, &row, &id);
        if (rc == ST_OK)
            rc = st_pipeline_stages_run(p, id, pp, msg, msglen);
    }
    if (rc == ST_OK && pp->doc->lang_mismatch) {
        p->stats.lang_mismatches++;
        st_seterr(msg, msglen, ST_OK, "language metadata says '%s', the text reads as '%s' (%.2f)",
                  pp->a->language, pp->doc->lang, pp->doc->lang_conf);
    }
    if (rc == ST_OK) {
        p->stats.stored++;
        p->writes++;
        if (++p->in_batch >= p->cfg.batch_size)
            rc = flush_batch(p);
    } else if (rc != ST_EDUP && (!msg || !*msg)) {
        st_seterr(msg, msglen, rc, "%s", st_strerror(rc));
    }
    return rc;
}

/* The outcome of the article at the head of the ring, reported to its
 * caller; the article is then released. */
static int complete_head(st_pipeline *p)
{
    st_prepared *pp = st_pool_head(p->pool, p->text);
    char msg[256] = "";
    int rc = pp->rc;
    if (rc != ST_OK)
        snprintf(msg, sizeof msg, "%s", pp->msg);
    else
        rc = store_prepared(p, pp, msg, sizeof msg);
    if (rc == ST_EINPUT)
        p->stats.errors++;
    else if (rc == ST_EDUP)
        p->stats.duplicates++;
    else if (rc != ST_OK)
        p->failed = rc;
    if (pp->done)
        pp->done(pp->a, rc, msg, pp->ud);
    st_pool_pop(p->pool);
    return rc;
}

/* Articles in flight after a failure, or in a batch rolled back: not
 * stored, as if never read. */
static void drop_in_flight(st_pipeline *p)
{
    while (st_pool_count(p->pool))
        st_pool_pop(p->pool);
}

int st_pipeline_drain(st_pipeline *p)
{
    while (!p->failed && st_pool_count(p->pool))
        complete_head(p);
    drop_in_flight(p);
    /* Told once: the caller decides what comes next (a worker rolls back
     * and stores its batch again; the server answers 500 and goes on). */
    int rc = p->failed;
    p->failed = ST_OK;
    return rc;
}

int st_pipeline_abort_batch(st_pipeline *p)
{
    drop_in_flight(p);
    p->failed = ST_OK;
    int rc = st_store_rollback(p->db);
    p->in_batch = 0;
    p->stats = p->committed;
    return rc;
}

/* Checks that need no analysis, in input order: a rejected or already
 * stored article is not prepared. */
static int precheck(st_pipeline *p, st_prepared *pp)
{
    st_article *a = pp->a;
    size_t limit = p->cfg.max_article_bytes ? p->cfg.max_article_bytes : ST_MAX_ARTICLE_BYTES;
    if (!a->body || !*st_trim(a->body))
        return st_seterr(pp->msg, sizeof pp->msg, ST_EINPUT, "empty article body");
    if (strlen(a->body) > limit)
        return st_seterr(pp->msg, sizeof pp->msg, ST_EINPUT, "article exceeds the size limit");
    content_hash(a->body, pp->hash);
    /* The check runs inside the batch's write transaction, so a second
     * writer on the same file cannot store the same article in between;
     * store_prepared checks again for articles still in flight. */
    int rc = st_store_begin(p->db);
    if (rc != ST_OK)
        return st_seterr(pp->msg, sizeof pp->msg, rc, "cannot start a transaction");
    int64_t id = st_store_find_article(p->db, a->url, a->ext_id, pp->hash);
    pp->checked_at = p->writes;
    if (id != 0 && !p->in_batch && st_pool_count(p->pool) == 0)
        st_store_commit(p->db); /* nothing to keep: do not hold the write lock */
    if (id < 0)
        return st_seterr(pp->msg, sizeof pp->msg, ST_EDB, "database lookup failed");
    return id ? ST_EDUP : ST_OK;
}

/* The free slot at the ring's tail, storing from the head until one is;
 * NULL once the pipeline has failed. */
static st_prepared *free_slot(st_pipeline *p)
{
    st_prepared *pp = NULL;
    while (!p->failed && !(pp = st_pool_tail(p->pool)))
        complete_head(p);
    return p->failed ? NULL : pp;
}

/* Queues the filled tail slot; with one slot (jobs 1) it is stored now, as
 * st_pipeline_add always did. */
static int publish(st_pipeline *p, int prepare)
{
    st_pool_push(p->pool, prepare);
    while (!p->failed && st_pool_tail(p->pool) == NULL && st_pool_count(p->pool) == 1)
        complete_head(p);
    return p->failed;
}

int st_pipeline_submit(st_pipeline *p, st_article *a, st_pipeline_done_fn done, void *ud)
{
    st_prepared *pp = free_slot(p);
    if (!pp) {
        st_article_free(a);
        return p->failed;
    }
    pp->a = a;
    pp->owned = 1;
    pp->done = done;
    pp->ud = ud;
    pp->rc = precheck(p, pp);
    return publish(p, pp->rc == ST_OK);
}

/* st_pipeline_add's outcome, taken from its done call. */
typedef struct add_result {
    int rc;
    char *err;
    size_t errlen;
} add_result;

static void add_done(const st_article *a, int rc, const char *msg, void *ud)
{
    (void)a;
    add_result *r = ud;
    r->rc = rc;
    if (r->err && r->errlen)
        snprintf(r->err, r->errlen, "%s", msg);
}

int st_pipeline_add(st_pipeline *p, st_article *a, char *err, size_t errlen)
{
    if (err && errlen)
        *err = '\0';
    add_result r = {ST_OK, err, errlen};
    int rc = st_pipeline_submit(p, a, add_done, &r);
    if (rc == ST_OK)
        rc = st_pipeline_drain(p);
    return rc != ST_OK && r.rc == ST_OK ? rc : r.rc;
}

int st_pipeline_replay(st_pipeline *p, int64_t id, const st_article *a,
                       st_pipeline_done_fn done, void *ud)
{
    st_prepared *pp = free_slot(p);
    if (!pp)
        return p->failed;
    /* a copy: the store lends `a` only until it reads the next row */
    if (!(pp->a = st_article_dup(a)))
        return ST_ENOMEM;
    pp->owned = 1;
    pp->id = id;
    pp->done = done;
    pp->ud = ud;
    return publish(p, 1);
}

const st_ingest_stats *st_pipeline_stats(const st_pipeline *p) { return &p->stats; }

void st_pipeline_free(st_pipeline *p)
{
    if (!p)
        return;
    if (p->pool)
        st_pipeline_flush(p);
    st_pool_free(p->pool);
    st_pipeline_stages_free(p);
    st_text_free(p->text);
    free(p);
}
