/* compare.c — classifying a candidate pair: exact, near or rewrite. */
#include <stdlib.h>

#include "dedup/entry.h"

/* Jaccard of two sorted unique arrays, or 0 when it cannot reach t: the
 * size ratio bounds Jaccard from above and skips most unrelated pairs. */
static double set_jaccard(const st_dedup_word *a, uint32_t na, const st_dedup_word *b, uint32_t nb,
                          double t)
{
    uint32_t lo = na < nb ? na : nb, hi = na < nb ? nb : na;
    if (hi == 0 || (double)lo < t * hi)
        return 0.0;
    uint32_t i = 0, j = 0, inter = 0;
    while (i < na && j < nb) {
        if (a[i] == b[j]) {
            inter++;
            i++;
            j++;
        } else if (a[i] < b[j]) {
            i++;
        } else {
            j++;
        }
    }
    return (double)inter / (na + nb - inter);
}

enum { UNMATCHED = 0, MATCHED = 1, BOILER = 2 };

static int sent_match(const st_dedup_entry *x, uint32_t i, const st_dedup_entry *y, uint32_t j,
                      double t)
{
    uint32_t na, nb;
    const st_dedup_word *a = st_dedup_sent_words(x, i, &na);
    const st_dedup_word *b = st_dedup_sent_words(y, j, &nb);
    return set_jaccard(a, na, b, nb, t) >= t;
}

/* Marks in mx / my the sentences of x / y with a close match on the other
 * side. Sentences of y already marked BOILER pass that mark to the sentences
 * of x they match, so boilerplate leaves both sides' counts. */
static void match_sentences(const st_dedup_entry *x, const st_dedup_entry *y, double t,
                            unsigned char *mx, unsigned char *my)
{
    for (uint32_t j = 0; j < y->nsents; j++)
        for (uint32_t i = 0; my[j] == BOILER && i < x->nsents; i++)
            if (mx[i] != BOILER && sent_match(x, i, y, j, t))
                mx[i] = BOILER;
    for (uint32_t i = 0; i < x->nsents; i++)
        for (uint32_t j = 0; mx[i] != BOILER && j < y->nsents; j++)
            if (my[j] != BOILER && !(mx[i] && my[j]) && sent_match(x, i, y, j, t))
                mx[i] = my[j] = MATCHED;
}

/* Share of matched sentences among those that are not boilerplate. */
static double share(const unsigned char *m, size_t n, size_t *matched)
{
    size_t c = 0, boiler = 0;
    for (size_t i = 0; i < n; i++) {
        c += m[i] == MATCHED;
        boiler += m[i] == BOILER;
    }
    *matched = c;
    return n > boiler ? (double)c / (double)(n - boiler) : 0.0;
}

double st_dedup_containment_skip(const st_dedup_entry *x, const st_dedup_entry *y,
                                 const st_dedup_params *p, const unsigned char *skip_y,
                                 size_t *matched)
{
    if (matched)
        *matched = 0;
    if (x->nsents == 0 || y->nsents == 0)
        return 0.0;
    unsigned char *m = calloc((size_t)x->nsents + y->nsents, 1);
    if (!m)
        return 0.0; /* out of memory: report no rewrite rather than fail the add */
    for (uint32_t j = 0; skip_y && j < y->nsents; j++)
        m[x->nsents + j] = skip_y[j] ? BOILER : UNMATCHED;
    match_sentences(x, y, p->sent_threshold, m, m + x->nsents);
    size_t cx, cy;
    double sx = share(m, x->nsents, &cx), sy = share(m + x->nsents, y->nsents, &cy);
    free(m);
    if (matched)
        *matched = sx >= sy ? cx : cy;
    return sx >= sy ? sx : sy;
}

double st_dedup_containment(const st_dedup_entry *x, const st_dedup_entry *y,
                            const st_dedup_params *p, size_t *matched)
{
    return st_dedup_containment_skip(x, y, p, NULL, matched);
}

int st_dedup_compare_skip(const st_dedup_entry *x, const st_dedup_entry *y,
                          const st_dedup_params *p, const unsigned char *skip_y, int64_t a,
                          int64_t b, st_dedup_pair *out)
{
    if (x->num_perm != y->num_perm || !x->has_shingles || !y->has_shingles)
        return 0;
    out->a = a;
    out->b = b;
    out->jaccard = st_minhash_jaccard(x->sig, y->sig, (int)x->num_perm);
    out->simhash_distance = st_simhash_distance(x->simhash, y->simhash);
    size_t matched = 0;
    out->containment = st_dedup_containment_skip(x, y, p, skip_y, &matched);
    if (x->text_hash != 0 && x->text_hash == y->text_hash)
        out->kind = "exact";
    else if (out->jaccard >= p->near_threshold)
        out->kind = "near";
    else if (out->containment >= p->rewrite_threshold &&
             matched >= (size_t)p->min_sent_matches)
        out->kind = "rewrite";
    else
        return 0;
    return 1;
}

int st_dedup_compare(const st_dedup_entry *x, const st_dedup_entry *y,
                     const st_dedup_params *p, int64_t a, int64_t b, st_dedup_pair *out)
{
    return st_dedup_compare_skip(x, y, p, NULL, a, b, out);
}
