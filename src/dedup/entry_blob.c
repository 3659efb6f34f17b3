/* entry_blob.c — an entry as bytes for the store, so the index can be rebuilt
 * at open without re-analysing text.
 *
 * Layout, little-endian: "DE2\0", u32 num_perm, u64 text_hash, u64 simhash,
 * u32 has_shingles, u32 nsents, u32 nwords, then num_perm u32 MinHash values,
 * nsents u32 sentence ends, nwords u16 words. */
#include <stdlib.h>
#include <string.h>

#include "dedup/entry.h"
#include "util/util.h"

#define HEAD 36

static unsigned char *put32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
    return p + 4;
}

static unsigned char *put64(unsigned char *p, uint64_t v)
{
    return put32(put32(p, (uint32_t)v), (uint32_t)(v >> 32));
}

static uint32_t get32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t get64(const unsigned char *p) { return get32(p) | (uint64_t)get32(p + 4) << 32; }

static unsigned char *put_array(unsigned char *p, const uint32_t *v, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        p = put32(p, v[i]);
    return p;
}

int st_dedup_entry_to_blob(const st_dedup_entry *e, unsigned char **out, size_t *n)
{
    size_t len = HEAD + 4 * ((size_t)e->num_perm + e->nsents) + 2 * (size_t)e->nwords;
    unsigned char *b = malloc(len), *p = b;
    *out = NULL;
    *n = 0;
    if (!b)
        return ST_ENOMEM;
    memcpy(p, "DE2", 4);
    p = put32(p + 4, e->num_perm);
    p = put64(p, e->text_hash);
    p = put64(p, e->simhash);
    p = put32(p, e->has_shingles);
    p = put32(p, e->nsents);
    p = put32(p, e->nwords);
    p = put_array(p, e->sig, e->num_perm);
    p = put_array(p, e->sent_end, e->nsents);
    for (uint32_t w = 0; w < e->nwords; w++, p += 2) {
        p[0] = (unsigned char)e->words[w];
        p[1] = (unsigned char)(e->words[w] >> 8);
    }
    *out = b;
    *n = len;
    return ST_OK;
}

/* Sentence ends must rise and finish at nwords, or sentence spans would
 * point outside the word array. */
static int ends_valid(const st_dedup_entry *e)
{
    uint32_t prev = 0;
    for (uint32_t s = 0; s < e->nsents; s++) {
        if (e->sent_end[s] < prev || e->sent_end[s] > e->nwords)
            return 0;
        prev = e->sent_end[s];
    }
    return prev == e->nwords;
}

static int read_arrays(st_dedup_entry *e, const unsigned char *p)
{
    for (uint32_t i = 0; i < e->num_perm; i++, p += 4)
        e->sig[i] = get32(p);
    e->sent_end = malloc(((size_t)e->nsents + 1) * sizeof(uint32_t));
    e->words = malloc(((size_t)e->nwords + 1) * sizeof(st_dedup_word));
    if (!e->sent_end || !e->words)
        return ST_ENOMEM;
    e->cap_sents = e->nsents;
    e->cap_words = e->nwords;
    for (uint32_t s = 0; s < e->nsents; s++, p += 4)
        e->sent_end[s] = get32(p);
    for (uint32_t w = 0; w < e->nwords; w++, p += 2)
        e->words[w] = (st_dedup_word)(p[0] | p[1] << 8);
    return ends_valid(e) ? ST_OK : ST_EINPUT;
}

int st_dedup_entry_from_blob(const st_dedup_params *p, const void *blob, size_t n,
                             st_dedup_entry **out)
{
    const unsigned char *b = blob;
    *out = NULL;
    if (!b || n < HEAD || memcmp(b, "DE2", 4) != 0 || get32(b + 4) != (uint32_t)p->num_perm)
        return ST_EINPUT;
    uint64_t nsents = get32(b + 28), nwords = get32(b + 32);
    if (n != HEAD + 4 * ((uint64_t)p->num_perm + nsents) + 2 * nwords)
        return ST_EINPUT;
    st_dedup_entry *e;
    int rc = st_dedup_entry_new(p, &e);
    if (rc != ST_OK)
        return rc;
    e->text_hash = get64(b + 8);
    e->simhash = get64(b + 16);
    e->has_shingles = get32(b + 24);
    e->nsents = (uint32_t)nsents;
    e->nwords = (uint32_t)nwords;
    rc = read_arrays(e, b + HEAD);
    if (rc != ST_OK) {
        st_dedup_entry_free(e);
        return rc;
    }
    *out = e;
    return ST_OK;
}
