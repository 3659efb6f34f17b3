/* pipeline.c — one article through every stage, into the store.
 *
 * Order per article: analyse (language, sentences, terms) -> identity check
 * (URL, external id, normalised-content hash) -> store -> duplicates ->
 * clusters -> extraction. Articles are committed in batches: a crash loses at
 * most the open batch, and a re-run skips whatever was committed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    if (rc == ST_OK)
        p->committed = p->stats;
    return rc;
}

int st_pipeline_flush(st_pipeline *p)
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

int st_pipeline_abort_batch(st_pipeline *p)
{
    int rc = st_store_rollback(p->db);
    p->in_batch = 0;
    p->stats = p->committed;
    return rc;
}

static int reject(st_pipeline *p, int code, char *err, size_t errlen, const char *fmt,
                  const char *what)
{
    p->stats.errors++;
    return st_seterr(err, errlen, code, fmt, what);
}

/* Analyses `a` and runs every stage on it inside the open batch. With id 0 the
 * article is new and is inserted first; otherwise it is a stored article being
 * replayed (recluster). */
static int process(st_pipeline *p, const st_article *a, const char *hash, int64_t id,
                   char *err, size_t errlen)
{
    st_doc *doc = NULL;
    int rc = st_doc_analyse(p->text, a->title, a->body, a->language, &doc);
    if (rc == ST_OK)
        rc = st_store_begin(p->db);
    if (rc == ST_OK) {
        st_article_row row = {.a = a, .language = doc->lang, .lang_conf = doc->lang_conf,
                              .content_hash = hash};
        rc = st_pipeline_stages_sign(p, doc, &row);
        if (rc == ST_OK && id == 0)
            rc = st_store_insert_article(p->db, &row, &id);
        if (rc == ST_OK)
            rc = st_pipeline_stages_run(p, id, a, doc, err, errlen);
    }
    if (rc == ST_OK && doc->lang_mismatch) {
        p->stats.lang_mismatches++;
        st_seterr(err, errlen, ST_OK, "language metadata says '%s', the text reads as '%s' (%.2f)",
                  a->language, doc->lang, doc->lang_conf);
    }
    if (rc == ST_OK) {
        p->stats.stored++;
        if (++p->in_batch >= p->cfg.batch_size)
            rc = st_pipeline_flush(p);
    } else if (rc == ST_EDUP) {
        p->stats.duplicates++;
    } else {
        st_seterr(err, errlen, rc, "%s", st_strerror(rc));
    }
    st_doc_free(doc);
    return rc;
}

int st_pipeline_replay(st_pipeline *p, int64_t id, const st_article *a, char *err,
                       size_t errlen)
{
    return process(p, a, NULL, id, err, errlen);
}

int st_pipeline_add(st_pipeline *p, st_article *a, char *err, size_t errlen)
{
    int rc;
    if (err && errlen)
        *err = '\0';
    if (!a->body || !*st_trim(a->body)) {
        rc = reject(p, ST_EINPUT, err, errlen, "%s", "empty article body");
        st_article_free(a);
        return rc;
    }
    size_t limit = p->cfg.max_article_bytes ? p->cfg.max_article_bytes : ST_MAX_ARTICLE_BYTES;
    if (strlen(a->body) > limit) {
        rc = reject(p, ST_EINPUT, err, errlen, "%s", "article exceeds the size limit");
        st_article_free(a);
        return rc;
    }
    char hash[17];
    content_hash(a->body, hash);
    /* The check runs inside the batch's write transaction, so a second
     * writer on the same file cannot store the same article in between. */
    if ((rc = st_store_begin(p->db)) != ST_OK) {
        st_article_free(a);
        return st_seterr(err, errlen, rc, "cannot start a transaction");
    }
    int64_t id = st_store_find_article(p->db, a->url, a->ext_id, hash);
    if (id != 0) {
        if (!p->in_batch) /* nothing to keep: do not hold the write lock */
            st_store_commit(p->db);
        st_article_free(a);
        if (id < 0)
            return st_seterr(err, errlen, ST_EDB, "database lookup failed");
        p->stats.duplicates++;
        return ST_EDUP;
    }
    rc = process(p, a, hash, 0, err, errlen);
    st_article_free(a);
    return rc;
}

const st_ingest_stats *st_pipeline_stats(const st_pipeline *p) { return &p->stats; }

void st_pipeline_free(st_pipeline *p)
{
    if (!p)
        return;
    st_pipeline_flush(p);
    st_pipeline_stages_free(p);
    st_text_free(p->text);
    free(p);
}
