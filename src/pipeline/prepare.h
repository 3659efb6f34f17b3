/* prepare.h — the work on one article that reads no store and no state that
 * other articles change: analysis, duplicate signatures, extraction, CAMEO
 * coding. It is most of an article's CPU time, so the pipeline runs it on
 * cfg.jobs threads ahead of the store (parallel.c), then stores, links and
 * clusters in input order on the caller's thread. Private. */
#ifndef ST_PREPARE_H
#define ST_PREPARE_H

#include "dedup/dedup.h"
#include "events/events.h"
#include "extract/extract.h"
#include "text/text.h"

/* Shared by every preparing thread; read-only while they run. */
typedef struct st_prep_tools {
    const st_dedup_params *dparams;
    const st_extract *extract;
    const st_cameo *cameo;
} st_prep_tools;

/* One article on its way through the pipeline. */
typedef struct st_prepared {
    st_article *a;   /* owned when `owned` (new articles), borrowed on replay */
    int owned;
    int64_t id;      /* 0: new; else the stored article being replayed */
    char hash[17];   /* normalised-content hash (new articles) */
    uint64_t checked_at; /* the pipeline's write count when the store was asked for it */
    int rc;          /* ST_OK, or why it is not stored (ST_EINPUT, ST_EDUP...) */
    char msg[256];   /* the reason, for rc != ST_OK */
    st_doc *doc;
    st_dedup_entry *entry;
    st_ex_result *ex;
    st_coded_article coded;
    st_pipeline_done_fn done; /* told the outcome, in input order */
    void *ud;
} st_prepared;

/* Fills doc, entry, ex and coded of pp from pp->a with the thread's own tx
 * (st_text keeps caches: one per thread). On failure pp->rc and pp->msg say
 * why. Returns pp->rc. */
int st_prepare(const st_prep_tools *t, st_text *tx, st_prepared *pp);
/* Frees what pp holds (the article too when owned) and zeroes it. */
void st_prepared_clear(st_prepared *pp);

#endif
