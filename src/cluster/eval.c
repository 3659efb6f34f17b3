/* eval.c — BCubed and pairwise scores from the gold x predicted contingency table. */
#include "cluster/eval.h"

#include <stdlib.h>
#include <string.h>

#include "storytrack.h"

typedef struct pair {
    int64_t a, b;
} pair;

static int by_ab(const void *x, const void *y)
{
    const pair *p = x, *q = y;
    if (p->a != q->a) return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : p->b > q->b;
}

static int by_a(const void *x, const void *y)
{
    int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
    return a < b ? -1 : a > b;
}

/* Size of the cluster of each item, through a sorted copy of the labels. */
static size_t cluster_size(const int64_t *sorted, size_t n, int64_t label)
{
    const int64_t *lo = sorted, *hi = sorted + n;
    while (lo < hi) { /* lower bound */
        const int64_t *mid = lo + (hi - lo) / 2;
        if (*mid < label) lo = mid + 1;
        else hi = mid;
    }
    size_t k = 0;
    while (lo + k < sorted + n && lo[k] == label) k++;
    return k;
}

static size_t count_distinct(const int64_t *sorted, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!i || sorted[i] != sorted[i - 1]) k++;
    return k;
}

static double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

int st_eval_labels(const int64_t *gold, const int64_t *pred, size_t n, st_eval *out)
{
    memset(out, 0, sizeof *out);
    if (!n) return ST_OK;
    pair *cells = malloc(n * sizeof *cells);
    int64_t *gs = malloc(n * sizeof *gs), *ps = malloc(n * sizeof *ps);
    if (!cells || !gs || !ps) { free(cells); free(gs); free(ps); return ST_ENOMEM; }
    for (size_t i = 0; i < n; i++) {
        cells[i] = (pair){gold[i], pred[i]};
        gs[i] = gold[i];
        ps[i] = pred[i];
    }
    qsort(cells, n, sizeof *cells, by_ab);
    qsort(gs, n, sizeof *gs, by_a);
    qsort(ps, n, sizeof *ps, by_a);
    double bp = 0, br = 0, tp = 0, pp = 0, gp = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && cells[j].a == cells[i].a && cells[j].b == cells[i].b) j++;
        double nij = (double)(j - i);
        bp += nij * nij / (double)cluster_size(ps, n, cells[i].b);
        br += nij * nij / (double)cluster_size(gs, n, cells[i].a);
        tp += nij * (nij - 1) / 2;
        i = j;
    }
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && gs[j] == gs[i]) j++;
        gp += (double)(j - i) * (double)(j - i - 1) / 2;
        i = j;
    }
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && ps[j] == ps[i]) j++;
        pp += (double)(j - i) * (double)(j - i - 1) / 2;
        i = j;
    }
    out->n = n;
    out->gold_clusters = count_distinct(gs, n);
    out->pred_clusters = count_distinct(ps, n);
    out->bc_p = bp / (double)n;
    out->bc_r = br / (double)n;
    out->bc_f1 = f1(out->bc_p, out->bc_r);
    out->pw_p = pp > 0 ? tp / pp : 1.0;
    out->pw_r = gp > 0 ? tp / gp : 1.0;
    out->pw_f1 = f1(out->pw_p, out->pw_r);
    free(cells);
    free(gs);
    free(ps);
    return ST_OK;
}
