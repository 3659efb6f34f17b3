/* vec.h — sparse term vectors for the summariser (hash -> weight, sorted by
 * hash). Private to src/summary. */
#ifndef ST_SUMMARY_VEC_H
#define ST_SUMMARY_VEC_H

#include <stddef.h>
#include <stdint.h>

typedef struct st_svec {
    uint64_t *h;
    double *w;
    size_t n;
} st_svec;

/* Sorts a bag of term hashes and folds repeats into counts; takes the arrays
 * as the vector's own (h malloc'd with room for n; w is allocated here). */
int st_svec_from_bag(st_svec *v, uint64_t *h, size_t n);
void st_svec_free(st_svec *v);
double st_svec_dot(const st_svec *a, const st_svec *b);
/* Scales to unit length (no-op for the zero vector). */
void st_svec_normalise(st_svec *v);
/* The mean of *vs[0..n) into *out (a new vector). */
int st_svec_mean(const st_svec *const *vs, size_t n, st_svec *out);

#endif
