/* hmap.c — linear probing over st_mix64 of the key (see hmap.h). */
#include "util/hmap.h"

#include <stdlib.h>

#include "util/util.h"

void st_hmap_free(st_hmap *m)
{
    free(m->keys);
    free(m->vals);
    free(m->used);
    *m = (st_hmap){0};
}

static size_t slot_of(const st_hmap *m, uint64_t key)
{
    size_t mask = m->cap - 1, i = (size_t)st_mix64(key) & mask;
    while (m->used[i] && m->keys[i] != key) i = (i + 1) & mask;
    return i;
}

uint64_t *st_hmap_get(const st_hmap *m, uint64_t key)
{
    if (!m->cap) return NULL;
    size_t i = slot_of(m, key);
    return m->used[i] ? &m->vals[i] : NULL;
}

static int grow(st_hmap *m)
{
    st_hmap g = {0};
    g.cap = m->cap ? m->cap * 2 : 64;
    g.keys = malloc(g.cap * sizeof *g.keys);
    g.vals = malloc(g.cap * sizeof *g.vals);
    g.used = calloc(g.cap, 1);
    if (!g.keys || !g.vals || !g.used) { st_hmap_free(&g); return -1; }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->used[i]) continue;
        size_t j = slot_of(&g, m->keys[i]);
        g.used[j] = 1;
        g.keys[j] = m->keys[i];
        g.vals[j] = m->vals[i];
    }
    g.n = m->n;
    st_hmap_free(m);
    *m = g;
    return 0;
}

uint64_t *st_hmap_put(st_hmap *m, uint64_t key, uint64_t init, int *added)
{
    if (added) *added = 0;
    if ((m->n + 1) * 4 > m->cap * 3 && grow(m) != 0) return NULL;
    size_t i = slot_of(m, key);
    if (!m->used[i]) {
        m->used[i] = 1;
        m->keys[i] = key;
        m->vals[i] = init;
        m->n++;
        if (added) *added = 1;
    }
    return &m->vals[i];
}
