/* link.c — st_pipeline_link: duplicates and clusters for articles that
 * pipelines with cfg.defer_clusters stored, possibly in other processes.
 *
 * Why one linker: event and story ids, the duplicate window and the
 * clusterer's centroids live in memory; two processes clustering into one
 * store would hand out the same ids for different events. Extraction and
 * event coding need no shared state and stay with every worker. The linker
 * takes articles in commit (id) order, which differs from one process's
 * input order only by how the workers' batches interleave. */
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

/* Takes the lock if free; the state this process built before may be stale
 * (another linker ran since), so it is rebuilt from the store. */
static int become_linker(st_pipeline *p, int *held, char *err, size_t errlen)
{
    *held = p->linker;
    if (p->linker)
        return ST_OK;
    int rc = st_store_linker_lock(p->db, held);
    if (rc != ST_OK)
        return st_seterr(err, errlen, rc, "linker lock: %s", st_strerror(rc));
    if (*held && (rc = st_pipeline_stages_restore(p, err, errlen)) == ST_OK)
        p->linker = 1;
    return rc;
}

int st_pipeline_link(st_pipeline *p, size_t max, size_t *linked, char *err, size_t errlen)
{
    *linked = 0;
    int held = 0, rc = st_pipeline_flush(p);
    if (rc == ST_OK)
        rc = become_linker(p, &held, err, errlen);
    if (rc != ST_OK || !held)
        return rc;
    link_ctx c = {.p = p, .err = err, .errlen = errlen};
    size_t chunk = p->cfg.batch_size;
    while (rc == ST_OK && c.n < max) {
        size_t before = c.n, want = max - c.n < chunk ? max - c.n : chunk;
        if ((rc = st_store_begin(p->db)) == ST_OK)
            rc = st_store_each_unlinked(p->db, want, link_one, &c);
        if (rc != ST_OK) {
            st_store_rollback(p->db);
            /* memory ran ahead of the store: rebuild it on the next call */
            p->linker = 0;
            c.n = before;
            break;
        }
        if ((rc = st_store_commit(p->db)) != ST_OK || c.n - before < want)
            break;
    }
    *linked = c.n;
    return rc;
}
