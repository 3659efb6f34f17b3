/* fvec.h — sparse feature vectors sorted by key, and the few operations the
 * clusterer needs on them (private to src/cluster). */
#ifndef ST_FVEC_H
#define ST_FVEC_H

#include <stddef.h>
#include <stdint.h>

typedef struct st_fent {
    uint64_t key;
    float w;
} st_fent;

/* Zero-initialise ({0}) for an empty vector; st_fvec_free releases it. */
typedef struct st_fvec {
    st_fent *e;
    uint32_t n, cap;
    double norm; /* L2 norm, kept current by the functions below */
} st_fvec;

void st_fvec_free(st_fvec *v);
/* Appends without ordering; call st_fvec_finish before any other use. */
int st_fvec_push(st_fvec *v, uint64_t key, float w);
/* Sorts by key, sums duplicate keys, drops zero weights, computes the norm. */
void st_fvec_finish(st_fvec *v);
/* Scales to unit norm (no-op for an empty vector). */
void st_fvec_normalise(st_fvec *v);
double st_fvec_dot(const st_fvec *a, const st_fvec *b);
/* dot / (|a| |b|), 0 when either is empty. */
double st_fvec_cos(const st_fvec *a, const st_fvec *b);
/* dst += scale * src. */
int st_fvec_add(st_fvec *dst, const st_fvec *src, float scale);
/* Keeps the `keep` largest weights (ties: smaller key first). */
int st_fvec_prune(st_fvec *v, uint32_t keep);
/* Copies the keys of the `k` largest weights into out (largest first); returns how many. */
uint32_t st_fvec_top(const st_fvec *v, uint32_t k, uint64_t *out);

#endif
