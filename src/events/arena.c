/* arena.c — bump allocation, a string map and growth for the dictionaries. */
#include <stdlib.h>
#include <string.h>

#include "events/dict.h"
#include "util/util.h"

struct ev_chunk {
    struct ev_chunk *next;
    size_t used, cap;
    _Alignas(16) char data[];
};

void *ev_alloc(ev_arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    struct ev_chunk *h = a->head;
    if (!h || h->cap - h->used < n) {
        size_t cap = n > 65536 ? n : 65536;
        h = malloc(sizeof *h + cap);
        if (!h)
            return NULL;
        h->next = a->head;
        h->used = 0;
        h->cap = cap;
        a->head = h;
    }
    void *p = h->data + h->used;
    h->used += n;
    return p;
}

char *ev_strndup(ev_arena *a, const char *s, size_t n)
{
    char *p = ev_alloc(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = 0;
    }
    return p;
}

void ev_arena_free(ev_arena *a)
{
    while (a->head) {
        struct ev_chunk *n = a->head->next;
        free(a->head);
        a->head = n;
    }
}

static size_t slot(const ev_map *m, const char *k, size_t klen)
{
    size_t i = (size_t)st_hash64(k, klen) & (m->cap - 1);
    while (m->keys[i] && (strncmp(m->keys[i], k, klen) || m->keys[i][klen]))
        i = (i + 1) & (m->cap - 1);
    return i;
}

int ev_map_get(const ev_map *m, const char *k, size_t klen)
{
    if (!m->cap)
        return -1;
    size_t i = slot(m, k, klen);
    return m->keys[i] ? m->vals[i] : -1;
}

static int rehash(ev_map *m)
{
    size_t ncap = m->cap ? m->cap * 2 : 1024;
    ev_map nm = {calloc(ncap, sizeof *nm.keys), calloc(ncap, sizeof *nm.vals), ncap, m->n};
    if (!nm.keys || !nm.vals) {
        free(nm.keys);
        free(nm.vals);
        return -1;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = slot(&nm, m->keys[i], strlen(m->keys[i]));
        nm.keys[j] = m->keys[i];
        nm.vals[j] = m->vals[i];
    }
    ev_map_free(m);
    *m = nm;
    return 0;
}

int ev_map_put(ev_map *m, ev_arena *a, const char *k, size_t klen, int val)
{
    if ((m->n + 1) * 2 > m->cap && rehash(m))
        return -1;
    size_t i = slot(m, k, klen);
    if (!m->keys[i]) {
        if (!(m->keys[i] = ev_strndup(a, k, klen)))
            return -1;
        m->n++;
    }
    m->vals[i] = val;
    return 0;
}

void ev_map_free(ev_map *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

int ev_grow(void **v, size_t *cap, size_t n, size_t sz)
{
    return st_grow(v, cap, n + 1, sz, 64) == ST_OK ? 0 : -1;
}

int ev_word_match(const ev_word *w, const char *t, size_t tn)
{
    size_t wn = strlen(w->w);
    if (tn < wn || strncmp(w->w, t, wn))
        return 0;
    if (tn == wn)
        return 1;
    /* Names take plurals only: PRISON [~COP] is not "prisoners". */
    if (w->noun)
        return !w->exact && ((tn - wn == 1 && t[wn] == 'S') ||
                             (tn - wn == 2 && t[wn] == 'E' && t[wn + 1] == 'S'));
    /* Stem match: a few more letters, and only for words long enough that
     * the prefix is still the same word (AID must not match AIDE). */
    return !w->exact && wn >= 4 && tn - wn <= 3;
}
