/* link.c — one linker per store: the pipeline that holds the store's linker
 * lock runs duplicates and clustering, for its own articles as it stores
 * them and, at each commit, for the articles other processes stored without
 * (workers, a CLI ingest beside a server). Those store their articles
 * unlinked and become the linker when the holder goes.
 *
 * Why one linker: event and story ids, the duplicate window and the
 * clusterer's centroids live in memory; two processes clustering into one
 * store would hand out the same event id for different events and split
 * every event between them. Extraction and event coding keep no shared state
 * and run in every process. The linker takes others' articles in commit
 * (id) order, which differs from their input order only by how batches of
 * different processes interleave. */
#include <stdlib.h>

#include "pipeline/pipeline.h"
#include "util/util.h"

typedef struct link_ctx {
    st_pipeline *p;
    size_t n;
    char *err;
    size_t errlen;
} link_ctx;

static int link_one(int64_t id, const st_article *a, void *ud)
{
    link_ctx *c = ud;
    st_doc *doc = NULL;
    int rc = st_doc_analyse(c->p->text, a->title, a->body, a->language, &doc);
    if (rc == ST_OK) {
        st_article_row row = {.a = a};
        rc = st_pipeline_stages_sign(c->p, doc, &row);
    }
    if (rc == ST_OK)
        rc = st_pipeline_stages_link(c->p, id, a, doc, c->err, c->errlen);
    st_doc_free(doc);
    if (rc == ST_OK)
        c->n++;
    return rc;
}

int st_pipeline_claim(st_pipeline *p, int must, char *err, size_t errlen)
{
    if (p->linker)
        return ST_OK;
    int held = 0, rc = st_store_linker_lock(p->db, &held);
    if (rc != ST_OK)
        return st_seterr(err, errlen, rc, "linker lock: %s", st_strerror(rc));
    if (!held)
        return must ? st_seterr(err, errlen, ST_EDB,
                                "another process is writing this store (it holds the linker"
                                " lock): stop it first")
                    : ST_OK;
    /* The state this process built before may be stale: another linker may
     * have run since. A replay starts from nothing on purpose. */
    if (!p->cfg.replay && (rc = st_pipeline_stages_restore(p, err, errlen)) != ST_OK)
        return rc;
    p->linker = 1;
    p->clusters_inline = p->cfg.replay || !p->cfg.defer_clusters;
    return ST_OK;
}

int st_pipeline_link_backlog(st_pipeline *p, size_t max, size_t *linked, char *err,
                             size_t errlen)
{
    *linked = 0;
    int rc = st_pipeline_claim(p, 0, err, errlen);
    if (rc != ST_OK || !p->linker)
        return rc;
    link_ctx c = {.p = p, .err = err, .errlen = errlen};
    size_t chunk = p->cfg.batch_size ? p->cfg.batch_size : 64;
    while (rc == ST_OK && c.n < max) {
        size_t before = c.n, want = max - c.n < chunk ? max - c.n : chunk;
        if ((rc = st_store_begin(p->db)) == ST_OK)
            rc = st_store_each_unlinked(p->db, want, link_one, &c);
        if (rc != ST_OK) {
            st_store_rollback(p->db);
            /* memory ran ahead of the store: rebuild it at the next claim */
            p->linker = p->clusters_inline = 0;
            c.n = before;
            break;
        }
        if ((rc = st_store_commit(p->db)) != ST_OK || c.n - before < want)
            break;
    }
    *linked = c.n;
    p->stats.linked += c.n;
    return rc;
}

int st_pipeline_link(st_pipeline *p, size_t max, size_t *linked, char *err, size_t errlen)
{
    *linked = 0;
    int rc = st_pipeline_commit(p);
    return rc == ST_OK ? st_pipeline_link_backlog(p, max, linked, err, errlen) : rc;
}
