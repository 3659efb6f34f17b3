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
    st_text *tx; /* its own: st_text keeps caches */
    pthread_t th;
    int started;
} worker;

struct st_pool {
    st_prep_tools tools;
    char *data_dir;
    st_prepared *ring;
    unsigned char *state;
    size_t cap, head, count;
    pthread_mutex_t mu;
    pthread_cond_t work, ready;
    worker *w;
    size_t nw;
    int started; /* workers start at the first backlog: a one-article call never pays for them */
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
    /* Loaded here, so the workers load in parallel; a worker that cannot
     * load leaves the work to the others and the caller, who prepare the
     * same way. */
    if (st_text_new(q->data_dir, &w->tx, NULL, 0) != ST_OK)
        return NULL;
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

/* A thread that does not start is no loss: the caller prepares what is left. */
static void start_workers(struct st_pool *q)
{
    q->started = 1;
    for (size_t i = 0; i < q->nw; i++) {
        q->w[i].q = q;
        q->w[i].started = pthread_create(&q->w[i].th, NULL, work_loop, &q->w[i]) == 0;
    }
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
    q->data_dir = data_dir ? st_strdup(data_dir) : NULL;
    pthread_mutex_init(&q->mu, NULL);
    pthread_cond_init(&q->work, NULL);
    pthread_cond_init(&q->ready, NULL);
    if (!q->ring || !q->state || (q->nw && !q->w) || (data_dir && !q->data_dir)) {
        st_pool_free(q);
        return st_seterr(err, errlen, ST_ENOMEM, "out of memory");
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
    for (size_t i = 0; q->w && i < q->nw; i++) {
        if (q->w[i].started)
            pthread_join(q->w[i].th, NULL);
        st_text_free(q->w[i].tx);
    }
    while (q->count)
        st_pool_pop(q);
    pthread_cond_destroy(&q->work);
    pthread_cond_destroy(&q->ready);
    pthread_mutex_destroy(&q->mu);
    free(q->data_dir);
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
    if (prepare && !q->started && q->nw && q->count > 1)
        start_workers(q);
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
