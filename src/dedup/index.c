/* index.c — the dedup index: entries by id, LSH band and sentence-fingerprint
 * buckets, and the candidate search run on each add. */
#include <stdlib.h>
#include <string.h>

#include "dedup/entry.h"
#include "dedup/table.h"
#include "util/util.h"

typedef struct slot {
    int64_t id;
    st_dedup_entry *e; /* NULL: free slot */
} slot;

struct st_dedup_index {
    st_dedup_params p;
    slot *slots;
    uint32_t nslots, cap;
    uint32_t *free_slots;
    uint32_t nfree;
    st_dedup_mm keys; /* band and sentence keys -> slot */
    st_dedup_mm ids;  /* st_mix64(id) -> slot */
    size_t count, entry_bytes;
};

int st_dedup_index_new(const st_dedup_params *p, st_dedup_index **out, char *err,
                       size_t errlen)
{
    *out = NULL;
    int rc = st_dedup_params_check(p, err, errlen);
    if (rc != ST_OK)
        return rc;
    st_dedup_index *ix = calloc(1, sizeof *ix);
    if (!ix)
        return st_seterr(err, errlen, ST_ENOMEM, "dedup: out of memory");
    ix->p = *p;
    *out = ix;
    return ST_OK;
}

void st_dedup_index_free(st_dedup_index *ix)
{
    if (!ix)
        return;
    for (uint32_t i = 0; i < ix->nslots; i++)
        st_dedup_entry_free(ix->slots[i].e);
    free(ix->slots);
    free(ix->free_slots);
    st_dedup_mm_free(&ix->keys);
    st_dedup_mm_free(&ix->ids);
    free(ix);
}

static uint64_t id_key(int64_t id) { return st_mix64((uint64_t)id ^ 0x6964ULL); }

static int find_slot(const st_dedup_index *ix, int64_t id, uint32_t *out)
{
    uint32_t v[64];
    size_t n = st_dedup_mm_get(&ix->ids, id_key(id), v, 64);
    for (size_t i = 0; i < n; i++)
        if (ix->slots[v[i]].e && ix->slots[v[i]].id == id) {
            *out = v[i];
            return 1;
        }
    return 0;
}

/* ------------------------------------------------------------ keys */

/* Every bucket key of an entry: one per LSH band, one per stored sentence
 * (the hash of its sorted word set, so word order does not matter).
 * *keys is malloc'd; empty texts get no keys and are never candidates. */
static int entry_keys(const st_dedup_index *ix, const st_dedup_entry *e, uint64_t **keys,
                      size_t *n)
{
    *keys = NULL;
    *n = 0;
    if (!e->has_shingles)
        return ST_OK;
    size_t cap = (size_t)ix->p.bands + e->nsents;
    uint64_t *k = malloc(cap * sizeof *k);
    if (!k)
        return ST_ENOMEM;
    size_t m = 0;
    for (int b = 0; b < ix->p.bands; b++)
        k[m++] = st_minhash_band_key(e->sig, b, ix->p.rows);
    for (uint32_t s = 0; s < e->nsents; s++) {
        uint32_t nw;
        const st_dedup_word *w = st_dedup_sent_words(e, s, &nw);
        k[m++] = st_hash64_seed(w, nw * sizeof *w, 0x73656e74ULL);
    }
    *keys = k;
    *n = m;
    return ST_OK;
}

static void unlink_keys(st_dedup_index *ix, uint32_t si, const uint64_t *keys, size_t n)
{
    for (size_t i = 0; i < n; i++)
        st_dedup_mm_del(&ix->keys, keys[i], si);
    st_dedup_mm_del(&ix->ids, id_key(ix->slots[si].id), si);
}

/* ------------------------------------------------------------ candidates */

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Slots sharing at least one key with the new entry, sorted and unique.
 * Each bucket gives at most max_bucket (its newest) slots. */
static int candidates(const st_dedup_index *ix, const uint64_t *keys, size_t nkeys,
                      uint32_t **out, size_t *n)
{
    size_t per = (size_t)ix->p.max_bucket;
    uint32_t *c = malloc((nkeys * per + 1) * sizeof *c);
    *out = c;
    *n = 0;
    if (!c)
        return ST_ENOMEM;
    size_t m = 0;
    for (size_t i = 0; i < nkeys; i++)
        m += st_dedup_mm_get(&ix->keys, keys[i], c + m, per);
    qsort(c, m, sizeof *c, cmp_u32);
    size_t u = 0;
    for (size_t i = 0; i < m; i++)
        if (u == 0 || c[u - 1] != c[i])
            c[u++] = c[i];
    *n = u;
    return ST_OK;
}

static int cmp_pair(const void *x, const void *y)
{
    const st_dedup_pair *a = x, *b = y;
    return (a->a > b->a) - (a->a < b->a);
}

/* Marks the sentences of e already held by boiler_df indexed articles; their
 * keys follow the band keys in keys[]. NULL when e has none (or no memory:
 * then nothing is treated as boilerplate). */
static unsigned char *boilerplate(const st_dedup_index *ix, const st_dedup_entry *e,
                                  const uint64_t *keys, size_t nkeys)
{
    size_t df = (size_t)ix->p.boiler_df, first = (size_t)ix->p.bands;
    uint32_t *buf = malloc(df * sizeof *buf);
    unsigned char *skip = NULL;
    int any = 0;
    if (buf && nkeys == first + e->nsents && (skip = calloc(e->nsents + 1, 1)))
        for (uint32_t s = 0; s < e->nsents; s++)
            any |= skip[s] = st_dedup_mm_get(&ix->keys, keys[first + s], buf, df) >= df;
    free(buf);
    if (!any) {
        free(skip);
        skip = NULL;
    }
    return skip;
}

static int classify(const st_dedup_index *ix, int64_t id, const st_dedup_entry *e,
                    const uint64_t *keys, size_t nkeys, st_dedup_pair **pairs, size_t *npairs)
{
    uint32_t *c;
    size_t nc;
    int rc = candidates(ix, keys, nkeys, &c, &nc);
    unsigned char *skip = rc == ST_OK && nc > 0 ? boilerplate(ix, e, keys, nkeys) : NULL;
    if (rc == ST_OK && nc > 0) {
        *pairs = malloc(nc * sizeof **pairs);
        if (!*pairs)
            rc = ST_ENOMEM;
    }
    for (size_t i = 0; rc == ST_OK && i < nc; i++) {
        const slot *s = &ix->slots[c[i]];
        if (s->e && st_dedup_compare_skip(s->e, e, &ix->p, skip, s->id, id, &(*pairs)[*npairs]))
            (*npairs)++;
    }
    free(c);
    free(skip);
    if (*npairs == 0 || rc != ST_OK) {
        free(*pairs);
        *pairs = NULL;
        *npairs = 0;
    } else {
        qsort(*pairs, *npairs, sizeof **pairs, cmp_pair);
    }
    return rc;
}

/* ------------------------------------------------------------ add / remove */

static int take_slot(st_dedup_index *ix, uint32_t *out)
{
    if (ix->nfree > 0) {
        *out = ix->free_slots[--ix->nfree];
        return ST_OK;
    }
    /* slots and free_slots share the 32-bit ix->cap: both grow from it to the
     * same capacity, and it moves only once both have. */
    size_t need = (size_t)ix->nslots + 1, cs = ix->cap, cf = ix->cap;
    if (st_grow(&ix->slots, &cs, need, sizeof *ix->slots, 256) != ST_OK ||
        st_grow(&ix->free_slots, &cf, need, sizeof *ix->free_slots, 256) != ST_OK)
        return ST_ENOMEM;
    ix->cap = (uint32_t)cf;
    *out = ix->nslots++;
    return ST_OK;
}

static int link_entry(st_dedup_index *ix, int64_t id, st_dedup_entry *e, const uint64_t *keys,
                      size_t nkeys)
{
    uint32_t si;
    int rc = take_slot(ix, &si);
    if (rc != ST_OK)
        return rc;
    ix->slots[si] = (slot){id, e};
    rc = st_dedup_mm_put(&ix->ids, id_key(id), si);
    for (size_t i = 0; rc == ST_OK && i < nkeys; i++)
        rc = st_dedup_mm_put(&ix->keys, keys[i], si);
    if (rc != ST_OK) {
        unlink_keys(ix, si, keys, nkeys); /* keys never put are simply not found */
        ix->slots[si].e = NULL;
        ix->free_slots[ix->nfree++] = si;
        return rc;
    }
    ix->count++;
    ix->entry_bytes += st_dedup_entry_bytes(e);
    return ST_OK;
}

int st_dedup_index_add(st_dedup_index *ix, int64_t id, st_dedup_entry *e,
                       st_dedup_pair **pairs, size_t *npairs)
{
    if (pairs) {
        *pairs = NULL;
        *npairs = 0;
    }
    uint32_t si;
    if (!e || e->num_perm != (uint32_t)ix->p.num_perm) {
        st_dedup_entry_free(e);
        return ST_EUSAGE;
    }
    if (find_slot(ix, id, &si)) {
        st_dedup_entry_free(e);
        return ST_EDUP;
    }
    st_dedup_entry_shrink(e);
    uint64_t *keys;
    size_t nkeys;
    int rc = entry_keys(ix, e, &keys, &nkeys);
    if (rc == ST_OK && pairs)
        rc = classify(ix, id, e, keys, nkeys, pairs, npairs);
    if (rc == ST_OK)
        rc = link_entry(ix, id, e, keys, nkeys);
    free(keys);
    if (rc != ST_OK) {
        st_dedup_entry_free(e);
        if (pairs) {
            free(*pairs);
            *pairs = NULL;
            *npairs = 0;
        }
    }
    return rc;
}

int st_dedup_index_remove(st_dedup_index *ix, int64_t id)
{
    uint32_t si;
    if (!find_slot(ix, id, &si))
        return ST_ENOTFOUND;
    st_dedup_entry *e = ix->slots[si].e;
    uint64_t *keys;
    size_t nkeys;
    int rc = entry_keys(ix, e, &keys, &nkeys);
    if (rc != ST_OK)
        return rc;
    unlink_keys(ix, si, keys, nkeys);
    free(keys);
    ix->count--;
    ix->entry_bytes -= st_dedup_entry_bytes(e);
    st_dedup_entry_free(e);
    ix->slots[si].e = NULL;
    ix->free_slots[ix->nfree++] = si;
    return ST_OK;
}

const st_dedup_entry *st_dedup_index_get(const st_dedup_index *ix, int64_t id)
{
    uint32_t si;
    return find_slot(ix, id, &si) ? ix->slots[si].e : NULL;
}

size_t st_dedup_index_count(const st_dedup_index *ix) { return ix->count; }

size_t st_dedup_index_bytes(const st_dedup_index *ix)
{
    return sizeof *ix + (size_t)ix->cap * (sizeof(slot) + sizeof(uint32_t)) +
           st_dedup_mm_bytes(&ix->keys) + st_dedup_mm_bytes(&ix->ids) + ix->entry_bytes;
}
