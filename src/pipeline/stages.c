/* stages.c — the pipeline's calls into the stages after text analysis:
 * duplicates (src/dedup), clusters (src/cluster), extraction and events. */
#include <stdlib.h>

#include "dedup/dedup.h"
#include "events/events.h"
#include "pipeline/pipeline.h"
#include "util/util.h"

struct st_stages {
    st_dedup_params dparams;
    st_dedup_index *dedup;
    st_dedup_entry *pending;        /* entry of the article being stored */
    unsigned char *minhash_blob;    /* its signature blobs, alive until run */
    unsigned char *entry_blob;
    st_cameo *cameo;                /* CAMEO dictionaries */
};

/* The index is rebuilt from the stored entry blobs: no text is re-analysed. */
static int restore_dedup(int64_t id, const void *blob, size_t n, void *ud)
{
    struct st_stages *s = ud;
    st_dedup_entry *e = NULL;
    if (st_dedup_entry_from_blob(&s->dparams, blob, n, &e) != ST_OK)
        return ST_OK; /* made with other parameters: that article is not indexed */
    int rc = st_dedup_index_add(s->dedup, id, e, NULL, NULL);
    return rc == ST_EDUP ? ST_OK : rc;
}

int st_pipeline_stages_new(st_pipeline *p, const char *data_dir, int restore, char *err,
                           size_t errlen)
{
    struct st_stages *s = p->stages = calloc(1, sizeof *p->stages);
    if (!s)
        return st_seterr(err, errlen, ST_ENOMEM, "out of memory");
    st_dedup_params_default(&s->dparams);
    s->dparams.near_threshold = p->cfg.near_threshold;
    s->dparams.rewrite_threshold = p->cfg.rewrite_threshold;
    int rc = st_dedup_params_check(&s->dparams, err, errlen);
    if (rc == ST_OK)
        rc = st_dedup_index_new(&s->dparams, &s->dedup, err, errlen);
    if (rc == ST_OK && restore && (rc = st_store_each_dedup(p->db, restore_dedup, s)) != ST_OK)
        st_seterr(err, errlen, rc, "cannot rebuild the duplicate index: %s", st_strerror(rc));
    if (rc == ST_OK)
        rc = st_cameo_load_default(data_dir, &s->cameo, err, errlen);
    return rc;
}

static void drop_pending(struct st_stages *s)
{
    st_dedup_entry_free(s->pending);
    free(s->minhash_blob);
    free(s->entry_blob);
    s->pending = NULL;
    s->minhash_blob = s->entry_blob = NULL;
}

void st_pipeline_stages_free(st_pipeline *p)
{
    if (!p->stages)
        return;
    drop_pending(p->stages);
    st_dedup_index_free(p->stages->dedup);
    st_cameo_free(p->stages->cameo);
    free(p->stages);
}

int st_pipeline_stages_sign(st_pipeline *p, const st_doc *doc, st_article_row *row)
{
    struct st_stages *s = p->stages;
    drop_pending(s);
    int rc = st_dedup_entry_from_doc(doc, p->text, &s->dparams, &s->pending);
    if (rc != ST_OK)
        return rc;
    int nperm = 0;
    const uint32_t *sig = st_dedup_entry_minhash(s->pending, &nperm);
    size_t mlen = st_minhash_blob_size(nperm);
    if (!(s->minhash_blob = malloc(mlen)))
        return ST_ENOMEM;
    st_minhash_to_blob(sig, nperm, s->minhash_blob);
    rc = st_dedup_entry_to_blob(s->pending, &s->entry_blob, &row->dedup_len);
    if (rc != ST_OK)
        return rc;
    row->minhash = s->minhash_blob;
    row->minhash_len = mlen;
    row->simhash = st_dedup_entry_simhash(s->pending);
    row->dedup = s->entry_blob;
    return ST_OK;
}

static int run_dedup(st_pipeline *p, int64_t id)
{
    struct st_stages *s = p->stages;
    st_dedup_pair *pairs = NULL;
    size_t npairs = 0;
    st_dedup_entry *e = s->pending;
    s->pending = NULL; /* the index owns it now, whatever happens */
    int rc = st_dedup_index_add(s->dedup, id, e, &pairs, &npairs);
    for (size_t i = 0; rc == ST_OK && i < npairs; i++)
        rc = st_store_put_dup(p->db, pairs[i].a, pairs[i].b, pairs[i].kind, pairs[i].jaccard,
                              pairs[i].containment, pairs[i].simhash_distance);
    if (npairs)
        p->stats.near_dups++;
    free(pairs);
    return rc;
}

int st_pipeline_stages_run(st_pipeline *p, int64_t id, const st_article *a, const st_doc *doc,
                           char *err, size_t errlen)
{
    int rc = run_dedup(p, id);
    drop_pending(p->stages);
    if (rc != ST_OK)
        return st_seterr(err, errlen, rc, "duplicate detection failed: %s", st_strerror(rc));
    return st_events_article(p->stages->cameo, p->db, id, a, doc, err, errlen);
}
