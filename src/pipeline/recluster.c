/* recluster.c — rebuild every derived table from the stored articles.
 * Replaying in publish order (then id) with fresh stage state makes the
 * result a function of the stored articles alone: deterministic. The whole
 * rebuild is one transaction, so readers see the old clusters or the new. */
#include <stdio.h>

#include "pipeline/pipeline.h"
#include "util/util.h"

typedef struct replay_ctx {
    st_pipeline *p;
    char *err;
    size_t errlen;
} replay_ctx;

static int replay_one(int64_t id, const st_article *a, int64_t event, int64_t story, void *ud)
{
    replay_ctx *c = ud;
    int rc = st_pipeline_replay(c->p, id, a, c->err, c->errlen);
    return rc == ST_EDUP ? ST_OK : rc;
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
        replay_ctx ctx = {p, err, errlen};
        rc = st_store_each_article(db, 0, replay_one, &ctx);
    }
    if (rc == ST_OK)
        rc = st_pipeline_flush(p);
    else
        st_store_rollback(db);
    st_pipeline_free(p);
    return rc;
}
