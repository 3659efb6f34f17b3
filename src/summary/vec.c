/* vec.c — sparse vectors: sorted hashes make dot products a linear merge. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "summary/vec.h"
#include "storytrack.h"

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

int st_svec_from_bag(st_svec *v, uint64_t *h, size_t n)
{
    memset(v, 0, sizeof *v);
    v->h = h;
    if (!n)
        return ST_OK;
    v->w = malloc(n * sizeof *v->w);
    if (!v->w)
        return ST_ENOMEM;
    qsort(h, n, sizeof *h, cmp_u64);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (k && h[k - 1] == h[i]) {
            v->w[k - 1] += 1.0;
        } else {
            h[k] = h[i];
            v->w[k++] = 1.0;
        }
    }
    v->n = k;
    return ST_OK;
}

void st_svec_free(st_svec *v)
{
    free(v->h);
    free(v->w);
    memset(v, 0, sizeof *v);
}

double st_svec_dot(const st_svec *a, const st_svec *b)
{
    double s = 0;
    size_t i = 0, j = 0;
    while (i < a->n && j < b->n) {
        if (a->h[i] == b->h[j])
            s += a->w[i++] * b->w[j++];
        else if (a->h[i] < b->h[j])
            i++;
        else
            j++;
    }
    return s;
}

void st_svec_normalise(st_svec *v)
{
    double norm = sqrt(st_svec_dot(v, v));
    if (norm <= 0)
        return;
    for (size_t i = 0; i < v->n; i++)
        v->w[i] /= norm;
}

int st_svec_mean(const st_svec *const *vs, size_t n, st_svec *out)
{
    memset(out, 0, sizeof *out);
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += vs[i]->n;
    if (!total)
        return ST_OK;
    /* Gather every (hash, weight) pair, sort by hash, then sum runs. */
    typedef struct pair {
        uint64_t h;
        double w;
    } pair;
    pair *p = malloc(total * sizeof *p);
    if (!p)
        return ST_ENOMEM;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < vs[i]->n; j++)
            p[k++] = (pair){vs[i]->h[j], vs[i]->w[j]};
    qsort(p, total, sizeof *p, cmp_u64); /* h is the first member */
    out->h = malloc(total * sizeof *out->h);
    out->w = malloc(total * sizeof *out->w);
    if (!out->h || !out->w) {
        free(p);
        st_svec_free(out);
        return ST_ENOMEM;
    }
    size_t m = 0;
    for (size_t i = 0; i < total; i++) {
        if (m && out->h[m - 1] == p[i].h) {
            out->w[m - 1] += p[i].w / (double)n;
        } else {
            out->h[m] = p[i].h;
            out->w[m++] = p[i].w / (double)n;
        }
    }
    out->n = m;
    free(p);
    return ST_OK;
}
