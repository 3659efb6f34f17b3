/* pipeline.h — the pipeline's state, shared by pipeline.c (the flow) and
 * stages.c (the calls into dedup, cluster, extract and events). Private. */
#ifndef ST_PIPELINE_H
#define ST_PIPELINE_H

#include "pipeline/prepare.h"
#include "store/store.h"
#include "text/text.h"

struct st_pipeline {
    st_db *db; /* borrowed */
    st_config cfg;
    st_text *text;
    struct st_stages *stages; /* owned by stages.c */
    size_t in_batch;          /* articles in the open transaction */
    int linker;               /* holds the store's linker lock, state restored */
    int clusters_inline;      /* dedup + clustering as each article is stored */
    st_ingest_stats stats;
    st_ingest_stats committed; /* stats as of the last commit */
    struct st_pool *pool;      /* articles in flight (parallel.h) */
    int failed;                /* an internal failure stopped the pipeline */
    uint64_t writes;           /* articles stored and commits made: see store_prepared */
};

/* link.c: takes the store's linker lock when free (then rebuilds the stage
 * state from the store); with `must`, failing to is an error (recluster). */
int st_pipeline_claim(st_pipeline *p, int must, char *err, size_t errlen);
/* As the linker, links up to max articles others stored unlinked; a no-op
 * (*linked 0) when another process holds the lock. */
int st_pipeline_link_backlog(st_pipeline *p, size_t max, size_t *linked, char *err,
                             size_t errlen);
/* pipeline.c: commits the open batch, without linking. */
int st_pipeline_commit(st_pipeline *p);

/* Rolls back the open batch and its counts, for a caller that will add the
 * same articles again (a transaction conflict between workers). Only for
 * pipelines with cfg.defer_clusters: their stages keep no state per batch. */
int st_pipeline_abort_batch(st_pipeline *p);

/* stages.c: create the later stages and, when `restore`, rebuild their state
 * from the store. */
int st_pipeline_stages_new(st_pipeline *p, const char *data_dir, int restore, char *err,
                           size_t errlen);
void st_pipeline_stages_free(st_pipeline *p);
/* Fills the row's signatures (MinHash, SimHash) before the article is stored. */
int st_pipeline_stages_sign(st_pipeline *p, const st_doc *doc, st_article_row *row);
/* The same from an entry already made (prepare.c); takes ownership of e. */
int st_pipeline_stages_sign_entry(st_pipeline *p, st_dedup_entry *e, st_article_row *row);
/* The read-only tools the preparing threads share. */
void st_pipeline_stages_tools(const st_pipeline *p, st_prep_tools *t);
/* Runs dedup and clustering (when p->clusters_inline) on a stored article,
 * then stores what preparation extracted and coded. */
int st_pipeline_stages_run(st_pipeline *p, int64_t id, const st_prepared *pp, char *err,
                           size_t errlen);
/* Dedup and clustering alone: the stateful stages, run by the linker on
 * articles stored unlinked (after st_pipeline_stages_sign). */
int st_pipeline_stages_link(st_pipeline *p, int64_t id, const st_article *a, const st_doc *doc,
                            char *err, size_t errlen);
/* Empties the duplicate index and the clusterer and rebuilds them from the
 * store's newest articles: at open, and when a process becomes the linker. */
int st_pipeline_stages_restore(st_pipeline *p, char *err, size_t errlen);

/* Queues an article already stored under id (a is copied) for every stage
 * after the store (recluster), prepared on cfg.jobs threads like a
 * submitted article; done is told its outcome in order (st_pipeline_drain
 * waits for the rest). The pipeline must have been made with cfg.replay set.
 * Returns a failure of an earlier article, or ST_ENOMEM. */
int st_pipeline_replay(st_pipeline *p, int64_t id, const st_article *a,
                       st_pipeline_done_fn done, void *ud);

#endif
