/* parallel.h — the articles in flight between st_pipeline_submit and their
 * storing, and the threads that prepare them (prepare.h). Private.
 *
 * A ring of slots in input order. The caller's thread fills the tail and
 * stores from the head; worker threads take queued slots in any order and
 * prepare them. When the head is still queued, the caller prepares it
 * itself rather than wait, so no thread idles while work is queued. */
#ifndef ST_PARALLEL_H
#define ST_PARALLEL_H

#include "pipeline/prepare.h"

typedef struct st_pool st_pool;

/* jobs: threads preparing, the caller's included (workers = jobs - 1; 0 or 1
 * = the caller alone, one slot). Workers start when a second article is
 * queued, each loading its own st_text from data_dir. tools are copied;
 * what they point to must outlive the pool. */
int st_pool_new(const st_prep_tools *tools, const char *data_dir, size_t jobs, st_pool **out,
                char *err, size_t errlen);
/* Stops and joins the workers; slots still held are cleared. */
void st_pool_free(st_pool *q);

size_t st_pool_count(const st_pool *q);
/* The free slot at the tail (zeroed), or NULL when the ring is full. */
st_prepared *st_pool_tail(st_pool *q);
/* Publishes the tail slot: queued for preparing, or ready as it is. */
void st_pool_push(st_pool *q, int prepare);
/* The head slot once prepared (prepared on this thread with tx when no
 * worker has taken it); NULL when the ring is empty. */
st_prepared *st_pool_head(st_pool *q, st_text *tx);
/* Clears the head slot and frees it. */
void st_pool_pop(st_pool *q);

#endif
