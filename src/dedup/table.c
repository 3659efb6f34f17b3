/* table.c — the dedup multimap (see table.h). */
#include <stdlib.h>

#include "dedup/table.h"
#include "storytrack.h"
#include "util/util.h"

#define NIL UINT32_MAX

static uint32_t tag_of(uint64_t key) { return (uint32_t)(key ^ (key >> 32)); }

/* Fibonacci hashing spreads the tag over the head array; the tag is already
 * a mixed hash, this only picks the top bits. */
static uint32_t bucket_of(const st_dedup_mm *m, uint32_t tag)
{
    return (uint32_t)((tag * 0x9E3779B1u) >> (32 - m->bits));
}

static int alloc_heads(st_dedup_mm *m, int bits)
{
    uint32_t *h = malloc(sizeof *h << bits);
    if (!h)
        return ST_ENOMEM;
    for (size_t i = 0; i < (size_t)1 << bits; i++)
        h[i] = NIL;
    free(m->heads);
    m->heads = h;
    m->bits = bits;
    return ST_OK;
}

/* Doubles the head array and relinks every live node; order within one key
 * is kept because each chain is walked and re-pushed back to front. */
static int rehash(st_dedup_mm *m)
{
    uint32_t *old = m->heads;
    size_t n_old = (size_t)1 << m->bits;
    m->heads = NULL;
    if (alloc_heads(m, m->bits + 1) != ST_OK) {
        m->heads = old;
        return ST_ENOMEM;
    }
    for (size_t b = 0; b < n_old; b++) {
        /* reverse the chain first so pushing restores newest-first order */
        uint32_t rev = NIL, i = old[b];
        while (i != NIL) {
            uint32_t nx = m->nodes[i].next;
            m->nodes[i].next = rev;
            rev = i;
            i = nx;
        }
        for (i = rev; i != NIL;) {
            uint32_t nx = m->nodes[i].next, nb = bucket_of(m, m->nodes[i].tag);
            m->nodes[i].next = m->heads[nb];
            m->heads[nb] = i;
            i = nx;
        }
    }
    free(old);
    return ST_OK;
}

static uint32_t new_node(st_dedup_mm *m)
{
    if (m->free_head != NIL) {
        uint32_t i = m->free_head;
        m->free_head = m->nodes[i].next;
        return i;
    }
    size_t c = m->cap; /* the table keeps a 32-bit capacity */
    if (st_grow(&m->nodes, &c, (size_t)m->used + 1, sizeof *m->nodes, 1024) != ST_OK)
        return NIL;
    m->cap = (uint32_t)c;
    return m->used++;
}

int st_dedup_mm_put(st_dedup_mm *m, uint64_t key, uint32_t val)
{
    if (!m->heads) {
        m->free_head = NIL;
        if (alloc_heads(m, 10) != ST_OK)
            return ST_ENOMEM;
    }
    if (m->live >= (1u << m->bits) && m->bits < 31 && rehash(m) != ST_OK)
        return ST_ENOMEM;
    uint32_t i = new_node(m);
    if (i == NIL)
        return ST_ENOMEM;
    uint32_t tag = tag_of(key), b = bucket_of(m, tag);
    m->nodes[i] = (st_dedup_mm_node){tag, val, m->heads[b]};
    m->heads[b] = i;
    m->live++;
    return ST_OK;
}

int st_dedup_mm_del(st_dedup_mm *m, uint64_t key, uint32_t val)
{
    if (!m->heads)
        return 0;
    uint32_t tag = tag_of(key);
    uint32_t *link = &m->heads[bucket_of(m, tag)];
    while (*link != NIL) {
        st_dedup_mm_node *n = &m->nodes[*link];
        if (n->tag == tag && n->val == val) {
            uint32_t i = *link;
            *link = n->next;
            n->next = m->free_head;
            m->free_head = i;
            m->live--;
            return 1;
        }
        link = &n->next;
    }
    return 0;
}

size_t st_dedup_mm_get(const st_dedup_mm *m, uint64_t key, uint32_t *vals, size_t max)
{
    if (!m->heads)
        return 0;
    uint32_t tag = tag_of(key);
    size_t k = 0;
    for (uint32_t i = m->heads[bucket_of(m, tag)]; i != NIL && k < max; i = m->nodes[i].next)
        if (m->nodes[i].tag == tag)
            vals[k++] = m->nodes[i].val;
    return k;
}

void st_dedup_mm_free(st_dedup_mm *m)
{
    free(m->heads);
    free(m->nodes);
    *m = (st_dedup_mm){0};
}

size_t st_dedup_mm_bytes(const st_dedup_mm *m)
{
    return (m->heads ? sizeof(uint32_t) << m->bits : 0) + (size_t)m->cap * sizeof(st_dedup_mm_node);
}
