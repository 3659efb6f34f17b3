/* entry_doc.c — the dedup entry of an analysed document: token hashes feed the
 * text hash and the shingles, sentence spans group content words. */
#include <math.h>
#include <stdlib.h>

#include "dedup/entry.h"
#include "util/util.h"

/* One folded token: its hash, where it starts, and whether it is a content
 * word for the sentence sets. */
typedef struct tokh {
    uint64_t h;
    size_t off;
    int content;
} tokh;

typedef struct tokvec {
    tokh *v;
    size_t n, cap;
} tokvec;

static int push(tokvec *t, tokh x)
{
    if (st_grow(&t->v, &t->cap, t->n + 1, sizeof *t->v, 256) != ST_OK)
        return ST_ENOMEM;
    t->v[t->n++] = x;
    return ST_OK;
}

static int is_content(st_text *t, const char *lang, const st_token *tok, const char *w, size_t n)
{
    if (tok->kind == ST_TOK_URL || tok->kind == ST_TOK_EMAIL)
        return 0;
    /* Function words would make any two sentences of a language look alike;
     * without a stoplist (t NULL, unknown language) every word counts. */
    return n > 0 && !st_stopword(t, lang, w, n);
}

static int tokenise(const st_doc *d, st_text *t, tokvec *out)
{
    st_tokiter it;
    st_token tok;
    char w[256];
    st_tokiter_init(&it, d->text, d->len);
    while (st_tokiter_next(&it, &tok)) {
        size_t n = st_token_fold(d->text, &tok, w, sizeof w);
        tokh x = {st_hash64(w, n), tok.off, is_content(t, d->lang, &tok, w, n)};
        if (push(out, x) != ST_OK)
            return ST_ENOMEM;
    }
    return ST_OK;
}

/* Order-sensitive hash of the whole folded token stream; never 0 for a
 * non-empty text, since 0 means "empty" to the comparison. */
static uint64_t stream_hash(const tokvec *t)
{
    if (t->n == 0)
        return 0;
    uint64_t h = 0x74657874ULL;
    for (size_t i = 0; i < t->n; i++)
        h = st_mix64(h ^ t->v[i].h) + i;
    return h ? h : 1;
}

static int add_shingles(st_dedup_entry *e, const tokvec *t, int k)
{
    if (t->n == 0)
        return ST_OK;
    size_t ns = t->n >= (size_t)k ? t->n - (size_t)k + 1 : 1;
    uint64_t *sh = malloc(ns * sizeof *sh);
    if (!sh)
        return ST_ENOMEM;
    for (size_t i = 0; i < ns; i++) {
        uint64_t h = 0x7368696eULL;
        for (size_t j = i; j < i + (size_t)k && j < t->n; j++)
            h = st_mix64(h ^ t->v[j].h);
        sh[i] = h;
    }
    st_dedup_entry_add_shingles(e, sh, ns);
    free(sh);
    return ST_OK;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Content terms weighted 1 + ln(tf). A doc without terms falls back on its
 * distinct content tokens, each counted once: with counts, "the" and "of"
 * would set most bits and make any two texts of a language look close. */
static int add_simhash(st_dedup_entry *e, const st_doc *d, const tokvec *t)
{
    size_t n = d->nterms ? d->nterms : t->n;
    uint64_t *h = malloc((n + 1) * sizeof *h);
    double *w = malloc((n + 1) * sizeof *w);
    if (!h || !w) {
        free(h);
        free(w);
        return ST_ENOMEM;
    }
    if (d->nterms) {
        for (size_t i = 0; i < n; i++) {
            h[i] = d->terms[i].hash;
            w[i] = 1.0 + log((double)(d->terms[i].count ? d->terms[i].count : 1));
        }
    } else {
        size_t m = 0;
        for (size_t i = 0; i < t->n; i++)
            if (t->v[i].content)
                h[m++] = t->v[i].h;
        qsort(h, m, sizeof *h, cmp_u64);
        n = 0;
        for (size_t i = 0; i < m; i++)
            if (n == 0 || h[n - 1] != h[i])
                h[n++] = h[i];
        for (size_t i = 0; i < n; i++)
            w[i] = 1.0;
    }
    st_dedup_entry_set_simhash(e, st_simhash(h, w, n));
    free(h);
    free(w);
    return ST_OK;
}

/* Tokens and sentences both come in text order: one walk assigns each
 * content token to the sentence span that holds it. */
static int add_sentences(st_dedup_entry *e, const st_doc *d, const tokvec *t)
{
    uint64_t *words = malloc((t->n + 1) * sizeof *words);
    if (!words)
        return ST_ENOMEM;
    size_t k = 0;
    int rc = ST_OK;
    for (size_t s = 0; s < d->nsents && rc == ST_OK; s++) {
        size_t lo = d->sents[s].off, hi = lo + d->sents[s].len, n = 0;
        while (k < t->n && t->v[k].off < lo)
            k++;
        for (; k < t->n && t->v[k].off < hi; k++)
            if (t->v[k].content)
                words[n++] = t->v[k].h;
        rc = st_dedup_entry_add_sentence(e, words, n);
    }
    free(words);
    return rc;
}

int st_dedup_entry_from_doc(const st_doc *d, st_text *t, const st_dedup_params *p,
                            st_dedup_entry **out)
{
    *out = NULL;
    st_dedup_entry *e;
    int rc = st_dedup_entry_new(p, &e);
    if (rc != ST_OK)
        return rc;
    tokvec tv = {0};
    if (d->text)
        rc = tokenise(d, t, &tv);
    if (rc == ST_OK)
        rc = add_shingles(e, &tv, p->shingle);
    if (rc == ST_OK)
        rc = add_simhash(e, d, &tv);
    if (rc == ST_OK)
        rc = add_sentences(e, d, &tv);
    st_dedup_entry_set_text_hash(e, stream_hash(&tv));
    free(tv.v);
    if (rc != ST_OK) {
        st_dedup_entry_free(e);
        return rc;
    }
    *out = e;
    return ST_OK;
}
