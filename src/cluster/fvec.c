/* fvec.c — sorted sparse vectors (see fvec.h). */
#include "cluster/fvec.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "storytrack.h"
#include "text/sort.h"
#include "util/util.h"

void st_fvec_free(st_fvec *v)
{
    free(v->e);
    memset(v, 0, sizeof *v);
}

/* Vectors keep 32-bit counts to stay small; st_grow counts in size_t. The
 * compare first keeps a push (once per feature) free of a call. */
static int reserve(st_fvec *v, uint32_t need)
{
    if (need <= v->cap) return ST_OK;
    size_t c = v->cap;
    if (st_grow(&v->e, &c, need, sizeof *v->e, 16) != ST_OK) return ST_ENOMEM;
    v->cap = (uint32_t)c;
    return ST_OK;
}

int st_fvec_push(st_fvec *v, uint64_t key, float w)
{
    if (reserve(v, v->n + 1) != ST_OK) return ST_ENOMEM;
    v->e[v->n++] = (st_fent){key, w};
    return ST_OK;
}

static int key_less(const st_fent *a, const st_fent *b) { return a->key < b->key; }

/* Vectors are sorted once per article each; equal keys are summed after, so
 * the sort need not be stable. */
ST_DEFINE_SORT(sort_by_key, st_fent, key_less)

static void renorm(st_fvec *v)
{
    double s = 0;
    for (uint32_t i = 0; i < v->n; i++) s += (double)v->e[i].w * v->e[i].w;
    v->norm = sqrt(s);
}

void st_fvec_finish(st_fvec *v)
{
    sort_by_key(v->e, v->n);
    uint32_t o = 0;
    for (uint32_t i = 0; i < v->n; i++) {
        if (o && v->e[o - 1].key == v->e[i].key) v->e[o - 1].w += v->e[i].w;
        else v->e[o++] = v->e[i];
    }
    uint32_t k = 0;
    for (uint32_t i = 0; i < o; i++)
        if (v->e[i].w != 0.0f) v->e[k++] = v->e[i];
    v->n = k;
    renorm(v);
}

void st_fvec_normalise(st_fvec *v)
{
    if (v->norm <= 0) return;
    float inv = (float)(1.0 / v->norm);
    for (uint32_t i = 0; i < v->n; i++) v->e[i].w *= inv;
    renorm(v);
}

/* A merge of the two key orders. The three-way branch of a textbook merge
 * is a coin toss for the predictor (an article against an event centroid
 * is the hot case); here both cursors advance by comparisons, leaving
 * one well-predicted test (a match is rare), and the sum and its order are
 * those of the textbook loop. */
double st_fvec_dot(const st_fvec *a, const st_fvec *b)
{
    double s = 0;
    uint32_t i = 0, j = 0;
    while (i < a->n && j < b->n) {
        uint64_t x = a->e[i].key, y = b->e[j].key;
        s += x == y ? (double)a->e[i].w * b->e[j].w : 0.0;
        i += x <= y;
        j += y <= x;
    }
    return s;
}

double st_fvec_cos(const st_fvec *a, const st_fvec *b)
{
    if (a->norm <= 0 || b->norm <= 0) return 0;
    return st_fvec_dot(a, b) / (a->norm * b->norm);
}

int st_fvec_add(st_fvec *dst, const st_fvec *src, float scale)
{
    st_fent *out = malloc(((size_t)dst->n + src->n + 1) * sizeof *out);
    if (!out) return ST_ENOMEM;
    uint32_t i = 0, j = 0, k = 0;
    while (i < dst->n || j < src->n) {
        if (j >= src->n || (i < dst->n && dst->e[i].key < src->e[j].key)) out[k++] = dst->e[i++];
        else if (i >= dst->n || src->e[j].key < dst->e[i].key) {
            /* j++ stays out of the initialiser: its evaluation order is unspecified */
            out[k++] = (st_fent){src->e[j].key, scale * src->e[j].w};
            j++;
        } else {
            out[k++] = (st_fent){dst->e[i].key, dst->e[i].w + scale * src->e[j].w};
            i++, j++;
        }
    }
    free(dst->e);
    dst->e = out;
    dst->n = k;
    dst->cap = k + 1;
    renorm(dst);
    return ST_OK;
}

/* The k-th largest of w[0..n) (1-based k), by quickselect; w is reordered. */
static float kth_largest(float *w, uint32_t n, uint32_t k)
{
    uint32_t lo = 0, hi = n - 1, target = k - 1;
    while (lo < hi) {
        float pivot = w[lo + (hi - lo) / 2];
        uint32_t i = lo, j = hi;
        while (i <= j) {
            while (w[i] > pivot) i++;
            while (w[j] < pivot) j--;
            if (i <= j) {
                float t = w[i];
                w[i] = w[j];
                w[j] = t;
                i++;
                if (j == 0) break;
                j--;
            }
        }
        if (target <= j) hi = j;
        else if (target >= i) lo = i;
        else break;
    }
    return w[target];
}

/* Selection instead of sorting: centroids are pruned often, and the kept
 * entries stay in key order. Ties at the cut keep the smaller keys. */
int st_fvec_prune(st_fvec *v, uint32_t keep)
{
    if (v->n <= keep) return ST_OK;
    if (!keep) { v->n = 0; renorm(v); return ST_OK; }
    float *w = malloc((size_t)v->n * sizeof *w);
    if (!w) return ST_ENOMEM;
    for (uint32_t i = 0; i < v->n; i++) w[i] = v->e[i].w;
    float cut = kth_largest(w, v->n, keep);
    free(w);
    uint32_t above = 0;
    for (uint32_t i = 0; i < v->n; i++) above += v->e[i].w > cut;
    uint32_t ties = keep - above, o = 0;
    for (uint32_t i = 0; i < v->n; i++) {
        if (v->e[i].w > cut) v->e[o++] = v->e[i];
        else if (v->e[i].w == cut && ties) { v->e[o++] = v->e[i]; ties--; }
    }
    v->n = o;
    renorm(v);
    return ST_OK;
}

/* Small k: repeated selection keeps this allocation-free and deterministic. */
static uint32_t top_select(const st_fvec *v, uint32_t k, uint64_t *out)
{
    uint32_t got = 0;
    float last_w = INFINITY;
    uint64_t last_key = 0;
    while (got < k) {
        int best = -1;
        for (uint32_t i = 0; i < v->n; i++) {
            const st_fent *e = &v->e[i];
            int after_last = e->w < last_w || (e->w == last_w && e->key > last_key);
            if (!after_last) continue;
            if (best < 0 || e->w > v->e[best].w || (e->w == v->e[best].w && e->key < v->e[best].key))
                best = (int)i;
        }
        if (best < 0) break;
        out[got++] = v->e[best].key;
        last_w = v->e[best].w;
        last_key = v->e[best].key;
    }
    return got;
}

/* The order of st_fvec_top: larger weight first, then smaller key. */
static int ranks_before(const st_fent *a, const st_fent *b)
{
    return a->w > b->w || (a->w == b->w && a->key < b->key);
}

#define TOP_INSERT_MAX 64

uint32_t st_fvec_top(const st_fvec *v, uint32_t k, uint64_t *out)
{
    /* One pass keeping the best k in order: most entries lose to the k-th at
     * once, so labels asking for a few dozen keys stay O(n). Same order as
     * the selection (keys are unique), which serves larger k. */
    if (k > TOP_INSERT_MAX) return top_select(v, k, out);
    if (!k) return 0;
    st_fent best[TOP_INSERT_MAX];
    uint32_t got = 0;
    for (uint32_t i = 0; i < v->n; i++) {
        const st_fent *e = &v->e[i];
        if (got == k && !ranks_before(e, &best[k - 1])) continue;
        uint32_t j = got < k ? got++ : k - 1;
        for (; j > 0 && ranks_before(e, &best[j - 1]); j--) best[j] = best[j - 1];
        best[j] = *e;
    }
    for (uint32_t i = 0; i < got; i++) out[i] = best[i].key;
    return got;
}
