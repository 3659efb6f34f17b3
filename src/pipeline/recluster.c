/* recluster.c — rebuild every derived table from the stored articles.
 * Replaying in publish order (then id) with fresh stage state makes the
 * result a function of the stored articles alone: deterministic. The whole
 * rebuild is one transaction, so readers see the old clusters or the new. */
#include <stdio.h>

#include "pipeline/pipeline.h"
#include "util/util.h"

typedef struct replay_ctx {
    st_pipeline *p;
    int rc; /* the first failure an article reported */
    char *err;
    size_t errlen;
} replay_ctx;

/* A stored article is never a duplicate of itself: ST_EDUP is not a failure. */
static void replayed(const st_article *a, int rc, const char *msg, void *ud)
{
    replay_ctx *c = ud;
    if (rc == ST_OK || rc == ST_EDUP || c->rc != ST_OK)
        return;
    c->rc = rc;
    st_seterr(c->err, c->errlen, rc, "%s: %s", a->origin ? a->origin : "article", msg);
}

static int replay_one(int64_t id, const st_article *a, int64_t event, int64_t story, void *ud)
{
    (void)event;
    (void)story;
    replay_ctx *c = ud;
    int rc = st_pipeline_replay(c->p, id, a, replayed, c);
    return c->rc != ST_OK ? c->rc : rc;
}

int st_recluster(st_db *db, const st_config *cfg, const char *data_dir, char *err,
                 size_t errlen)
{
    st_config c;
    if (cfg)
        c = *cfg;
    else
        st_config_default(&c);
    c.replay = 1;
    c.batch_size = (size_t)-1; /* one transaction for the whole rebuild */
    st_pipeline *p = NULL;
    int rc = st_pipeline_new(db, &c, data_dir, &p, err, errlen);
    if (rc != ST_OK)
        return rc;
    rc = st_store_begin(db);
    if (rc == ST_OK)
        rc = st_store_clear_derived(db);
    if (rc == ST_OK) {
        replay_ctx ctx = {p, ST_OK, err, errlen};
        rc = st_store_each_article(db, 0, replay_one, &ctx);
        int dr = st_pipeline_drain(p);
        if (rc == ST_OK)
            rc = ctx.rc != ST_OK ? ctx.rc : dr;
    }
    if (rc == ST_OK)
        rc = st_pipeline_flush(p);
    else
        st_store_rollback(db);
    st_pipeline_free(p);
    return rc;
}
