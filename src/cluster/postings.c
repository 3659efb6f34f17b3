/* postings.c — key -> id lists with candidate counting (see postings.h). */
#include "cluster/postings.h"

#include <stdlib.h>

#include "storytrack.h"
#include "util/util.h"

void st_postings_free(st_postings *p)
{
    for (size_t i = 0; i < p->nlists; i++) free(p->lists[i].ids);
    free(p->lists);
    st_hmap_free(&p->map);
    *p = (st_postings){0};
}

int st_postings_add(st_postings *p, uint64_t key, uint32_t id)
{
    int added;
    uint64_t *ix = st_hmap_put(&p->map, key, p->nlists, &added);
    if (!ix) return ST_ENOMEM;
    if (added) {
        if (st_grow(&p->lists, &p->cap, p->nlists + 1, sizeof *p->lists, 256) != ST_OK)
            return ST_ENOMEM; /* the key maps to a list made on the next try */
        p->lists[p->nlists++] = (st_plist){0};
    }
    st_plist *l = &p->lists[*ix];
    size_t cap = l->cap; /* one list per key: 32-bit counts keep them small */
    if (st_grow(&l->ids, &cap, (size_t)l->n + 1, sizeof *l->ids, 4) != ST_OK) return ST_ENOMEM;
    l->cap = (uint32_t)cap;
    l->ids[l->n++] = id;
    return ST_OK;
}

const st_plist *st_postings_get(const st_postings *p, uint64_t key)
{
    const uint64_t *ix = st_hmap_get(&p->map, key);
    return ix ? &p->lists[*ix] : NULL;
}

void st_postings_remove(st_postings *p, uint64_t key, uint32_t id)
{
    const uint64_t *ix = st_hmap_get(&p->map, key);
    if (!ix) return;
    st_plist *l = &p->lists[*ix];
    for (uint32_t i = 0; i < l->n; i++) {
        if (l->ids[i] != id) continue;
        l->ids[i] = l->ids[--l->n];
        return;
    }
}

static int by_hits(const void *a, const void *b)
{
    const st_cand *x = a, *y = b;
    if (x->hits != y->hits) return x->hits > y->hits ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

int st_postings_gather(const st_postings *p, const uint64_t *keys, size_t nkeys, size_t max,
                       unsigned min_share_num, unsigned min_share_den, st_cand **out, size_t *nout)
{
    st_hmap seen = {0}; /* id -> slot in cands */
    st_cand *c = NULL;
    size_t n = 0, cap = 0;
    int rc = ST_OK;
    for (size_t k = 0; k < nkeys && rc == ST_OK; k++) {
        const st_plist *l = st_postings_get(p, keys[k]);
        for (uint32_t i = 0; l && i < l->n; i++) {
            int added;
            uint64_t *slot = st_hmap_put(&seen, l->ids[i], n, &added);
            if (!slot) { rc = ST_ENOMEM; break; }
            if (!added) { c[*slot].hits++; continue; }
            if (st_grow(&c, &cap, n + 1, sizeof *c, 32) != ST_OK) { rc = ST_ENOMEM; break; }
            c[n++] = (st_cand){l->ids[i], 1};
        }
    }
    st_hmap_free(&seen);
    if (rc != ST_OK) { free(c); return rc; }
    if (n > 1) qsort(c, n, sizeof *c, by_hits);
    /* A cluster sharing far fewer keys than the best one is not worth scoring. */
    size_t keep = n < max ? n : max;
    while (keep > 1 && (size_t)c[keep - 1].hits * min_share_den < (size_t)c[0].hits * min_share_num)
        keep--;
    *out = c;
    *nout = keep;
    return ST_OK;
}
