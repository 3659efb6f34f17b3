/* stages.c — the pipeline's calls into the stages after text analysis:
 * duplicates (src/dedup), clusters (src/cluster), extraction (src/extract)
 * and events (src/events). */
#include <stdlib.h>
#include <string.h>

#include "cluster/cluster.h"
#include "dedup/dedup.h"
#include "events/events.h"
#include "extract/extract.h"
#include "pipeline/pipeline.h"
#include "store/extract_store.h"
#include "util/util.h"

/* Ids in the duplicate index, oldest first, so the index keeps only the
 * newest cfg.dedup_window articles. */
typedef struct id_ring {
    int64_t *ids;
    size_t cap, head, count;
} id_ring;

struct st_stages {
    st_dedup_params dparams;
    st_dedup_index *dedup;
    id_ring window;
    st_dedup_entry *pending;     /* entry of the article being stored */
    unsigned char *minhash_blob; /* its signature blobs, alive until run */
    unsigned char *entry_blob;
    st_concepts *concepts;
    st_clusterer *clusterer;
    st_cameo *cameo;
    st_extract *extract;
};

static int ring_init(id_ring *r, size_t cap)
{
    r->cap = cap ? cap : 1;
    r->ids = malloc(r->cap * sizeof *r->ids);
    return r->ids ? ST_OK : ST_ENOMEM;
}

/* Adds id to the dedup index's window, dropping the oldest entry when full. */
static void window_push(struct st_stages *s, int64_t id)
{
    id_ring *r = &s->window;
    if (r->count == r->cap) {
        st_dedup_index_remove(s->dedup, r->ids[r->head]);
        r->head = (r->head + 1) % r->cap;
        r->count--;
    }
    r->ids[(r->head + r->count++) % r->cap] = id;
}

/* The duplicate index is rebuilt from the stored entry blobs: no text is
 * re-analysed. Blobs of another format version are skipped; `recluster`
 * rewrites every derived table and brings them back. */
static int restore_dedup(int64_t id, const void *blob, size_t n, void *ud)
{
    struct st_stages *s = ud;
    st_dedup_entry *e = NULL;
    if (st_dedup_entry_from_blob(&s->dparams, blob, n, &e) != ST_OK)
        return ST_OK;
    int rc = st_dedup_index_add(s->dedup, id, e, NULL, NULL);
    if (rc == ST_OK)
        window_push(s, id);
    return rc == ST_EDUP ? ST_OK : rc;
}

/* The clusterer is rebuilt by replaying the stored assignments in publish
 * order; the database stays the truth. */
static int restore_cluster(int64_t id, const st_article *a, int64_t event, int64_t story,
                           void *ud)
{
    st_pipeline *p = ud;
    if (event <= 0 || story <= 0)
        return ST_OK;
    st_doc *doc = NULL;
    int rc = st_doc_analyse(p->text, a->title, a->body, a->language, &doc);
    if (rc == ST_OK)
        rc = st_clusterer_restore(p->stages->clusterer, id, doc, a->published, event, story);
    st_doc_free(doc);
    return rc;
}

/* The duplicate index and the clusterer, empty. */
static int make_state(st_pipeline *p, char *err, size_t errlen)
{
    struct st_stages *s = p->stages;
    int rc = st_dedup_index_new(&s->dparams, &s->dedup, err, errlen);
    s->window.head = s->window.count = 0;
    if (rc == ST_OK) {
        st_cluster_params cp;
        st_cluster_params_from_config(&cp, &p->cfg);
        rc = st_clusterer_new(&cp, s->concepts, &s->clusterer);
    }
    return rc;
}

static void free_state(struct st_stages *s)
{
    st_dedup_index_free(s->dedup);
    st_clusterer_free(s->clusterer);
    s->dedup = NULL;
    s->clusterer = NULL;
}

int st_pipeline_stages_restore(st_pipeline *p, char *err, size_t errlen)
{
    struct st_stages *s = p->stages;
    free_state(s);
    int64_t max_event = 0, max_story = 0;
    int rc = make_state(p, err, errlen);
    if (rc == ST_OK &&
        (rc = st_store_each_dedup(p->db, p->cfg.dedup_window, restore_dedup, s)) != ST_OK)
        return st_seterr(err, errlen, rc, "cannot rebuild the duplicate index: %s",
                         st_strerror(rc));
    if (rc == ST_OK &&
        (rc = st_store_each_article(p->db, p->cfg.restore_articles, restore_cluster, p)) != ST_OK)
        return st_seterr(err, errlen, rc, "cannot rebuild the clusters: %s", st_strerror(rc));
    /* The replay window holds the newest articles by publish date; an event
     * opened for a late, old article may lie outside it, and its id must
     * still never be given again. */
    if (rc == ST_OK && (rc = st_store_max_cluster_ids(p->db, &max_event, &max_story)) == ST_OK)
        st_clusterer_reserve_ids(s->clusterer, max_event, max_story);
    return rc;
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
    if (rc == ST_OK && (rc = ring_init(&s->window, p->cfg.dedup_window)) != ST_OK)
        st_seterr(err, errlen, rc, "out of memory");
    if (rc == ST_OK)
        rc = st_concepts_load(NULL, &s->concepts, err, errlen);
    if (rc == ST_OK)
        rc = restore ? st_pipeline_stages_restore(p, err, errlen) : make_state(p, err, errlen);
    if (rc == ST_OK)
        rc = st_cameo_load_default(data_dir, &s->cameo, err, errlen);
    if (rc == ST_OK)
        rc = st_extract_load(data_dir, &s->extract, err, errlen);
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
    struct st_stages *s = p->stages;
    if (!s)
        return;
    drop_pending(s);
    free_state(s);
    free(s->window.ids);
    st_concepts_free(s->concepts);
    st_cameo_free(s->cameo);
    st_extract_free(s->extract);
    free(s);
}

int st_pipeline_stages_sign(st_pipeline *p, const st_doc *doc, st_article_row *row)
{
    st_dedup_entry *e = NULL;
    int rc = st_dedup_entry_from_doc(doc, p->text, &p->stages->dparams, &e);
    return rc == ST_OK ? st_pipeline_stages_sign_entry(p, e, row) : rc;
}

int st_pipeline_stages_sign_entry(st_pipeline *p, st_dedup_entry *e, st_article_row *row)
{
    struct st_stages *s = p->stages;
    drop_pending(s);
    s->pending = e;
    int nperm = 0;
    const uint32_t *sig = st_dedup_entry_minhash(s->pending, &nperm);
    size_t mlen = st_minhash_blob_size(nperm);
    if (!(s->minhash_blob = malloc(mlen)))
        return ST_ENOMEM;
    st_minhash_to_blob(sig, nperm, s->minhash_blob);
    int rc = st_dedup_entry_to_blob(s->pending, &s->entry_blob, &row->dedup_len);
    if (rc != ST_OK)
        return rc;
    row->minhash = s->minhash_blob;
    row->minhash_len = mlen;
    row->simhash = st_dedup_entry_simhash(s->pending);
    row->dedup = s->entry_blob;
    return ST_OK;
}

void st_pipeline_stages_tools(const st_pipeline *p, st_prep_tools *t)
{
    t->dparams = &p->stages->dparams;
    t->extract = p->stages->extract;
    t->cameo = p->stages->cameo;
}

static int run_dedup(st_pipeline *p, int64_t id)
{
    struct st_stages *s = p->stages;
    st_dedup_pair *pairs = NULL;
    size_t npairs = 0;
    st_dedup_entry *e = s->pending;
    s->pending = NULL; /* the index owns it now, whatever happens */
    int rc = st_dedup_index_add(s->dedup, id, e, &pairs, &npairs);
    if (rc == ST_OK)
        window_push(s, id);
    for (size_t i = 0; rc == ST_OK && i < npairs; i++)
        rc = st_store_put_dup(p->db, pairs[i].a, pairs[i].b, pairs[i].kind, pairs[i].jaccard,
                              pairs[i].containment, pairs[i].simhash_distance);
    if (npairs)
        p->stats.near_dups++;
    free(pairs);
    return rc;
}

/* ["w", ...] of a cluster's listed words into b, compact so both stores
 * hand the column out as the same JSON text. */
static const char *json_words(st_buf *b, char (*words)[ST_CLUSTER_WORD], size_t n)
{
    st_buf_putc(b, '[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            st_buf_putc(b, ',');
        st_buf_json_str(b, words[i]);
    }
    st_buf_putc(b, ']');
    return b->oom ? NULL : st_buf_cstr(b);
}

/* Writes the label, terms and entities of the event and story the article
 * joined, and moves the event's articles when the clusterer moved the event
 * to another story. */
static int store_clusters(st_pipeline *p, const st_assignment *as)
{
    struct st_stages *s = p->stages;
    st_cluster_info ev, st;
    st_buf js[4] = {{0}};
    int rc;
    if ((rc = st_clusterer_event_info_by_id(s->clusterer, as->event_id, &ev)) != ST_OK ||
        (rc = st_clusterer_story_info_by_id(s->clusterer, as->story_id, &st)) != ST_OK)
        return rc == ST_ENOTFOUND ? ST_EINTERNAL : rc;
    st_cluster_row erow = {.id = ev.id, .story_id = ev.story_id, .label = ev.label,
                           .terms_json = json_words(&js[0], ev.terms, ev.nterms),
                           .entities_json = json_words(&js[1], ev.entities, ev.nentities)};
    st_cluster_row srow = {.id = st.id, .label = st.label,
                           .terms_json = json_words(&js[2], st.terms, st.nterms),
                           .entities_json = json_words(&js[3], st.entities, st.nentities)};
    if (!erow.terms_json || !erow.entities_json || !srow.terms_json || !srow.entities_json)
        rc = ST_ENOMEM;
    if (rc == ST_OK && (rc = st_store_put_event(p->db, &erow)) == ST_OK &&
        (rc = st_store_put_story(p->db, &srow)) == ST_OK && !as->new_event)
        rc = st_store_move_event(p->db, ev.id, ev.story_id);
    for (int i = 0; i < 4; i++)
        st_buf_free(&js[i]);
    return rc;
}

static int run_cluster(st_pipeline *p, int64_t id, const st_article *a, const st_doc *doc)
{
    st_assignment as;
    int rc = st_clusterer_add(p->stages->clusterer, id, doc, a->published, a->source, &as);
    if (rc == ST_OK)
        rc = st_store_set_cluster(p->db, id, as.event_id, as.story_id, as.new_event);
    if (rc == ST_OK)
        rc = store_clusters(p, &as);
    return rc;
}

int st_pipeline_stages_link(st_pipeline *p, int64_t id, const st_article *a, const st_doc *doc,
                            char *err, size_t errlen)
{
    int rc = run_dedup(p, id);
    drop_pending(p->stages);
    if (rc != ST_OK)
        return st_seterr(err, errlen, rc, "duplicate detection failed: %s", st_strerror(rc));
    if ((rc = run_cluster(p, id, a, doc)) != ST_OK)
        return st_seterr(err, errlen, rc, "clustering failed: %s", st_strerror(rc));
    return ST_OK;
}

int st_pipeline_stages_run(st_pipeline *p, int64_t id, const st_prepared *pp, char *err,
                           size_t errlen)
{
    int rc = ST_OK;
    const st_doc *doc = pp->doc;
    if (!p->clusters_inline)
        drop_pending(p->stages);
    else if ((rc = st_pipeline_stages_link(p, id, pp->a, doc, err, errlen)) != ST_OK)
        return rc;
    if ((rc = st_extract_store(p->db, id, doc->text, doc->lang, pp->ex, err, errlen)) != ST_OK)
        return rc;
    return st_events_store_coded(p->db, id, pp->a, doc, &pp->coded, err, errlen);
}
