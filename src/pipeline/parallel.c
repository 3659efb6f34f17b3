/* parallel.c — the ring of articles in flight and its worker threads (see
 * parallel.h). One mutex guards the slot states, head and count; a slot's
 * contents belong to whoever moved it out of the shared states (the caller
 * fills the tail before pushing it; a worker owns a slot while BUSY), and
 * the mutex hands them over. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline/parallel.h"
#include "util/util.h"

enum { SLOT_FREE, SLOT_QUEUED, SLOT_BUSY, SLOT_READY };

/* Slots per preparing thread: enough read-ahead that a slow article does
 * not stall the others, little enough to bound memory. */
#define SLOTS_PER_JOB 4

typedef struct worker {
    struct st_pool *q;
    st_text *tx;
    pthread_t th;
    int started;
} worker;

struct st_pool {
    st_prep_tools tools;
    st_prepared *ring;
    unsigned char *state;
    size_t cap, head, count;
    pthread_mutex_t mu;
    pthread_cond_t work, ready;
    worker *w;
    size_t nw;
    int stop;
};

/* Under the lock: marks the first queued slot busy. */
static int take_queued(struct st_pool *q, size_t *ix)
{
    for (size_t k = 0; k < q->count; k++) {
        size_t i = (q->head + k) % q->cap;
        if (q->state[i] == SLOT_QUEUED) {
            q->state[i] = SLOT_BUSY;
            *ix = i;
            return 1;
        }
    }
    return 0;
}

static void *work_loop(void *arg)
{
    worker *w = arg;
    struct st_pool *q = w->q;
    pthread_mutex_lock(&q->mu);
    for (;;) {
        size_t i;
        while (!q->stop && !take_queued(q, &i))
            pthread_cond_wait(&q->work, &q->mu);
        if (q->stop)
            break;
        pthread_mutex_unlock(&q->mu);
        st_prepare(&q->tools, w->tx, &q->ring[i]);
        pthread_mutex_lock(&q->mu);
        q->state[i] = SLOT_READY;
        pthread_cond_broadcast(&q->ready);
    }
    pthread_mutex_unlock(&q->mu);
    return NULL;
}

static int start_workers(struct st_pool *q, const char *data_dir, char *err, size_t errlen)
{
    for (size_t i = 0; i < q->nw; i++) {
        worker *w = &q->w[i];
        w->q = q;
        int rc = st_text_new(data_dir, &w->tx, err, errlen);
        if (rc != ST_OK)
            return rc;
        if (pthread_create(&w->th, NULL, work_loop, w) != 0)
            return st_seterr(err, errlen, ST_EINTERNAL, "cannot start an analysis thread");
        w->started = 1;
    }
    return ST_OK;
}

int st_pool_new(const st_prep_tools *tools, const char *data_dir, size_t jobs, st_pool **out,
                char *err, size_t errlen)
{
    *out = NULL;
    struct st_pool *q = calloc(1, sizeof *q);
    if (!q)
        return st_seterr(err, errlen, ST_ENOMEM, "out of memory");
    q->tools = *tools;
    q->nw = jobs > 1 ? jobs - 1 : 0;
    q->cap = q->nw ? jobs * SLOTS_PER_JOB : 1;
    q->ring = calloc(q->cap, sizeof *q->ring);
    q->state = calloc(q->cap, 1);
    q->w = q->nw ? calloc(q->nw, sizeof *q->w) : NULL;
    pthread_mutex_init(&q->mu, NULL);
    pthread_cond_init(&q->work, NULL);
    pthread_cond_init(&q->ready, NULL);
    int rc = !q->ring || !q->state || (q->nw && !q->w)
                 ? st_seterr(err, errlen, ST_ENOMEM, "out of memory")
                 : start_workers(q, data_dir, err, errlen);
    if (rc != ST_OK) {
        st_pool_free(q);
        return rc;
    }
    *out = q;
    return ST_OK;
}

void st_pool_free(st_pool *q)
{
    if (!q)
        return;
    pthread_mutex_lock(&q->mu);
    q->stop = 1;
    pthread_cond_broadcast(&q->work);
    pthread_mutex_unlock(&q->mu);
    for (size_t i = 0; i < q->nw; i++) {
        if (q->w[i].started)
            pthread_join(q->w[i].th, NULL);
        st_text_free(q->w[i].tx);
    }
    while (q->count)
        st_pool_pop(q);
    pthread_cond_destroy(&q->work);
    pthread_cond_destroy(&q->ready);
    pthread_mutex_destroy(&q->mu);
    free(q->w);
    free(q->ring);
    free(q->state);
    free(q);
}

size_t st_pool_count(const st_pool *q) { return q->count; }

st_prepared *st_pool_tail(st_pool *q)
{
    if (q->count == q->cap)
        return NULL;
    st_prepared *pp = &q->ring[(q->head + q->count) % q->cap];
    memset(pp, 0, sizeof *pp);
    return pp;
}

void st_pool_push(st_pool *q, int prepare)
{
    pthread_mutex_lock(&q->mu);
    q->state[(q->head + q->count) % q->cap] = prepare ? SLOT_QUEUED : SLOT_READY;
    q->count++;
    if (prepare)
        pthread_cond_signal(&q->work);
    pthread_mutex_unlock(&q->mu);
}

st_prepared *st_pool_head(st_pool *q, st_text *tx)
{
    if (!q->count)
        return NULL;
    size_t i = q->head;
    pthread_mutex_lock(&q->mu);
    if (q->state[i] == SLOT_QUEUED) {
        q->state[i] = SLOT_BUSY;
        pthread_mutex_unlock(&q->mu);
        st_prepare(&q->tools, tx, &q->ring[i]);
        pthread_mutex_lock(&q->mu);
        q->state[i] = SLOT_READY;
    }
    while (q->state[i] != SLOT_READY)
        pthread_cond_wait(&q->ready, &q->mu);
    pthread_mutex_unlock(&q->mu);
    return &q->ring[i];
}

void st_pool_pop(st_pool *q)
{
    if (!q->count)
        return;
    pthread_mutex_lock(&q->mu);
    size_t i = q->head;
    q->state[i] = SLOT_FREE;
    q->head = (q->head + 1) % q->cap;
    q->count--;
    pthread_mutex_unlock(&q->mu);
    st_prepared_clear(&q->ring[i]);
}
