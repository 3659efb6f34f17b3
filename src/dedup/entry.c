/* entry.c — building, inspecting and serialising one article's dedup entry. */
#include <stdlib.h>
#include <string.h>

#include "dedup/entry.h"
#include "util/util.h"

int st_dedup_entry_new(const st_dedup_params *p, st_dedup_entry **out)
{
    *out = NULL;
    if (st_dedup_params_check(p, NULL, 0) != ST_OK)
        return ST_EUSAGE;
    st_dedup_entry *e = calloc(1, sizeof *e + sizeof(uint32_t) * (size_t)p->num_perm);
    if (!e)
        return ST_ENOMEM;
    e->num_perm = (uint32_t)p->num_perm;
    e->max_sent_words = (uint32_t)p->max_sent_words;
    e->min_sent_words = (uint32_t)p->min_sent_words;
    st_minhash_init(e->sig, p->num_perm);
    *out = e;
    return ST_OK;
}

void st_dedup_entry_free(st_dedup_entry *e)
{
    if (!e)
        return;
    free(e->sent_end);
    free(e->words);
    free(e);
}

void st_dedup_entry_add_shingles(st_dedup_entry *e, const uint64_t *h, size_t n)
{
    if (n == 0)
        return;
    st_minhash_update(e->sig, (int)e->num_perm, h, n);
    e->has_shingles = 1;
}

static int cmp_word(const void *a, const void *b)
{
    st_dedup_word x = *(const st_dedup_word *)a, y = *(const st_dedup_word *)b;
    return (x > y) - (x < y);
}

/* Entries keep 32-bit capacities to stay small; st_grow counts in size_t. */
static int grow(void *p, uint32_t *cap, uint32_t need, size_t elem)
{
    size_t c = *cap;
    if (st_grow(p, &c, need, elem, 16) != ST_OK)
        return ST_ENOMEM;
    *cap = (uint32_t)c;
    return ST_OK;
}

/* Sorted unique values of tmp[0..n), in place; returns the new count. */
static size_t sort_unique(st_dedup_word *tmp, size_t n)
{
    qsort(tmp, n, sizeof *tmp, cmp_word);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (m == 0 || tmp[m - 1] != tmp[i])
            tmp[m++] = tmp[i];
    return m;
}

int st_dedup_entry_add_sentence(st_dedup_entry *e, const uint64_t *words, size_t n)
{
    if (n < e->min_sent_words)
        return ST_OK;
    st_dedup_word *tmp = malloc(n * sizeof *tmp);
    if (!tmp)
        return ST_ENOMEM;
    for (size_t i = 0; i < n; i++)
        tmp[i] = (st_dedup_word)(words[i] >> 48);
    size_t m = sort_unique(tmp, n);
    /* Keeping the smallest hashes is a bottom-k sample: two long sentences
     * keep comparable subsets, so their Jaccard estimate stays fair. */
    if (m > e->max_sent_words)
        m = e->max_sent_words;
    int rc = ST_OK;
    if (m >= e->min_sent_words) {
        rc = grow(&e->words, &e->cap_words, e->nwords + (uint32_t)m, sizeof *e->words);
        if (rc == ST_OK)
            rc = grow(&e->sent_end, &e->cap_sents, e->nsents + 1, sizeof *e->sent_end);
        if (rc == ST_OK) {
            memcpy(e->words + e->nwords, tmp, m * sizeof *tmp);
            e->nwords += (uint32_t)m;
            e->sent_end[e->nsents++] = e->nwords;
        }
    }
    free(tmp);
    return rc;
}

void st_dedup_entry_set_text_hash(st_dedup_entry *e, uint64_t h) { e->text_hash = h; }
void st_dedup_entry_set_simhash(st_dedup_entry *e, uint64_t h) { e->simhash = h; }

const uint32_t *st_dedup_entry_minhash(const st_dedup_entry *e, int *num_perm)
{
    if (num_perm)
        *num_perm = (int)e->num_perm;
    return e->sig;
}

uint64_t st_dedup_entry_text_hash(const st_dedup_entry *e) { return e->text_hash; }
uint64_t st_dedup_entry_simhash(const st_dedup_entry *e) { return e->simhash; }
size_t st_dedup_entry_nsents(const st_dedup_entry *e) { return e->nsents; }

size_t st_dedup_entry_bytes(const st_dedup_entry *e)
{
    return sizeof *e + sizeof(uint32_t) * ((size_t)e->num_perm + e->cap_sents) +
           sizeof(st_dedup_word) * e->cap_words;
}

void st_dedup_entry_shrink(st_dedup_entry *e)
{
    if (e->cap_words > e->nwords && e->nwords > 0) {
        st_dedup_word *w = realloc(e->words, e->nwords * sizeof *w);
        if (w) {
            e->words = w;
            e->cap_words = e->nwords;
        }
    }
    if (e->cap_sents > e->nsents && e->nsents > 0) {
        uint32_t *s = realloc(e->sent_end, e->nsents * sizeof *s);
        if (s) {
            e->sent_end = s;
            e->cap_sents = e->nsents;
        }
    }
}
