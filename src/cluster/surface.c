/* surface.c — most frequent folded word per stemmed term key (see surface.h). */
#include "cluster/surface.h"

#include <stdlib.h>
#include <string.h>

void st_surface_free(st_surface *s)
{
    st_hmap_free(&s->by_key);
    st_hmap_free(&s->by_word);
    free(s->forms);
    st_buf_free(&s->arena);
    memset(s, 0, sizeof *s);
}

/* Offset + 1 of word in the arena, interning it on first sight; 0 on out of memory. */
static uint32_t intern(st_surface *s, const char *w, size_t n)
{
    uint64_t h = st_hash64(w, n);
    const uint64_t *o = st_hmap_get(&s->by_word, h);
    if (o) return (uint32_t)*o;
    size_t off = s->arena.len;
    if (off >= UINT32_MAX - n - 2) return 0; /* the arena is capped at 4 GB */
    if (st_buf_append(&s->arena, w, n) != ST_OK || st_buf_putc(&s->arena, 0) != ST_OK) return 0;
    return st_hmap_put(&s->by_word, h, off + 1, NULL) ? (uint32_t)(off + 1) : 0;
}

static st_surface_forms *forms_of(st_surface *s, uint64_t key)
{
    const uint64_t *ix = st_hmap_get(&s->by_key, key);
    if (ix) return &s->forms[*ix - 1];
    /* grown first: the map never names a missing slot */
    if (st_grow(&s->forms, &s->capforms, s->nforms + 1, sizeof *s->forms, 256) != ST_OK)
        return NULL;
    if (!st_hmap_put(&s->by_key, key, s->nforms + 1, NULL)) return NULL;
    st_surface_forms *f = &s->forms[s->nforms++];
    memset(f, 0, sizeof *f);
    return f;
}

int st_surface_add(st_surface *s, uint64_t key, const char *word, size_t n)
{
    return st_surface_add_n(s, key, word, n, 1);
}

int st_surface_add_n(st_surface *s, uint64_t key, const char *word, size_t n, uint32_t k)
{
    if (!n || !k) return ST_OK;
    uint32_t off = intern(s, word, n);
    if (!off) return ST_ENOMEM;
    st_surface_forms *f = forms_of(s, key);
    if (!f) return ST_ENOMEM;
    int rare = 0;
    for (int i = 0; i < ST_SURFACE_SLOTS; i++) {
        if (f->off[i] == off) { f->cnt[i] += k; return ST_OK; }
        if (!f->off[i]) { f->off[i] = off; f->cnt[i] = k; return ST_OK; }
        if (f->cnt[i] < f->cnt[rare]) rare = i;
    }
    /* as k sightings one by one: the first evicts, the others find it */
    f->off[rare] = off;
    f->cnt[rare] += k;
    return ST_OK;
}

const char *st_surface_get(const st_surface *s, uint64_t key)
{
    const uint64_t *ix = st_hmap_get(&s->by_key, key);
    if (!ix) return NULL;
    const st_surface_forms *f = &s->forms[*ix - 1];
    int best = -1;
    for (int i = 0; i < ST_SURFACE_SLOTS; i++)
        if (f->off[i] && (best < 0 || f->cnt[i] > f->cnt[best])) best = i;
    return best < 0 ? NULL : s->arena.s + (f->off[best] - 1);
}
