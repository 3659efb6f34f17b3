/* compare.c — classifying a candidate pair: exact, near or rewrite. */
#include <stdlib.h>

#include "dedup/entry.h"

/* Jaccard of two sorted unique arrays, or 0 when it cannot reach t: the
 * size ratio bounds Jaccard from above and skips most unrelated pairs. */
static double set_jaccard(const uint32_t *a, uint32_t na, const uint32_t *b, uint32_t nb,
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

/* Marks in mx / my the sentences of x / y with a close match on the other side. */
static void match_sentences(const st_dedup_entry *x, const st_dedup_entry *y, double t,
                            unsigned char *mx, unsigned char *my)
{
    for (uint32_t i = 0; i < x->nsents; i++) {
        uint32_t na;
        const uint32_t *a = st_dedup_sent_words(x, i, &na);
        for (uint32_t j = 0; j < y->nsents; j++) {
            if (mx[i] && my[j])
                continue;
            uint32_t nb;
            const uint32_t *b = st_dedup_sent_words(y, j, &nb);
            if (set_jaccard(a, na, b, nb, t) >= t)
                mx[i] = my[j] = 1;
        }
    }
}

static size_t count_marks(const unsigned char *m, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += m[i];
    return c;
}

double st_dedup_containment(const st_dedup_entry *x, const st_dedup_entry *y,
                            const st_dedup_params *p, size_t *matched)
{
    if (matched)
        *matched = 0;
    if (x->nsents == 0 || y->nsents == 0)
        return 0.0;
    unsigned char *m = calloc((size_t)x->nsents + y->nsents, 1);
    if (!m)
        return 0.0; /* out of memory: report no rewrite rather than fail the add */
    match_sentences(x, y, p->sent_threshold, m, m + x->nsents);
    size_t cx = count_marks(m, x->nsents), cy = count_marks(m + x->nsents, y->nsents);
    free(m);
    double sx = (double)cx / x->nsents, sy = (double)cy / y->nsents;
    if (matched)
        *matched = sx >= sy ? cx : cy;
    return sx >= sy ? sx : sy;
}

int st_dedup_compare(const st_dedup_entry *x, const st_dedup_entry *y,
                     const st_dedup_params *p, int64_t a, int64_t b, st_dedup_pair *out)
{
    if (x->num_perm != y->num_perm || !x->has_shingles || !y->has_shingles)
        return 0;
    out->a = a;
    out->b = b;
    out->jaccard = st_minhash_jaccard(x->sig, y->sig, (int)x->num_perm);
    out->simhash_distance = st_simhash_distance(x->simhash, y->simhash);
    size_t matched = 0;
    out->containment = st_dedup_containment(x, y, p, &matched);
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
