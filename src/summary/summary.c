/* summary.c — centroid + MMR extractive summaries, one per language. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "summary/summary.h"
#include "summary/vec.h"
#include "util/util.h"

/* Sentences shorter than this say too little to stand alone in a summary;
 * longer ones are usually run-ons from bad splitting. */
#define MIN_WORDS 6
#define MAX_WORDS 80
/* Bounds the quadratic-free but still linear work on huge stories. */
#define MAX_SENTS_PER_LANG 3000
/* News puts the gist first: the first sentence of an article gets a nudge. */
#define LEAD_BONUS 0.05

typedef struct sent {
    size_t art, pos; /* input index, sentence index in the body */
    size_t off, len; /* span of the body */
    st_svec v;
    double rel;
    int picked;
} sent;

typedef struct group {
    const char *lang;
    sent *s;
    size_t n, cap;
    size_t articles;
} group;

static const char *lang_of(const st_sum_input *a) { return a->lang && *a->lang ? a->lang : "und"; }

/* The content stems of one sentence as a bag of hashes; *words counts words. */
static int sentence_bag(st_text *t, const char *lang, const char *s, size_t n, uint64_t **out,
                        size_t *nout, size_t *words)
{
    st_tokiter it;
    st_token tok;
    char fold[256], stem[256];
    size_t cap = 16, k = 0;
    uint64_t *h = malloc(cap * sizeof *h);
    if (!h)
        return ST_ENOMEM;
    *words = 0;
    st_tokiter_init(&it, s, n);
    while (st_tokiter_next(&it, &tok)) {
        if (tok.kind != ST_TOK_WORD && tok.kind != ST_TOK_CJK)
            continue;
        ++*words;
        size_t fl = st_token_fold(s, &tok, fold, sizeof fold);
        if (!fl || st_stopword(t, lang, fold, fl))
            continue;
        size_t sl = st_stem(t, lang, fold, fl, stem, sizeof stem);
        if (st_grow(&h, &cap, k + 1, sizeof *h, 16) != ST_OK) {
            free(h);
            return ST_ENOMEM;
        }
        h[k++] = st_hash64(stem, sl);
    }
    *out = h;
    *nout = k;
    return ST_OK;
}

static int add_sentences(st_text *t, group *g, const st_sum_input *a, size_t art)
{
    if (!a->body)
        return ST_OK;
    st_span *sp = NULL;
    size_t ns = 0;
    int rc = st_sentences(a->body, strlen(a->body), g->lang, &sp, &ns);
    for (size_t i = 0; rc == ST_OK && i < ns && g->n < MAX_SENTS_PER_LANG; i++) {
        uint64_t *h = NULL;
        size_t nh = 0, words = 0;
        rc = sentence_bag(t, g->lang, a->body + sp[i].off, sp[i].len, &h, &nh, &words);
        if (rc != ST_OK)
            break;
        if (words < MIN_WORDS || words > MAX_WORDS || !nh) {
            free(h);
            continue;
        }
        if (st_grow(&g->s, &g->cap, g->n + 1, sizeof *g->s, 64) != ST_OK) {
            free(h);
            rc = ST_ENOMEM;
            break;
        }
        sent *s = &g->s[g->n];
        memset(s, 0, sizeof *s);
        s->art = art;
        s->pos = i;
        s->off = sp[i].off;
        s->len = sp[i].len;
        if ((rc = st_svec_from_bag(&s->v, h, nh)) != ST_OK) {
            st_svec_free(&s->v);
            break;
        }
        g->n++;
    }
    free(sp);
    return rc;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Turns counts into tf-idf weights over the group's sentences, unit length. */
static int weigh(group *g)
{
    size_t total = 0;
    for (size_t i = 0; i < g->n; i++)
        total += g->s[i].v.n;
    uint64_t *all = malloc((total ? total : 1) * sizeof *all);
    if (!all)
        return ST_ENOMEM;
    size_t k = 0;
    for (size_t i = 0; i < g->n; i++)
        for (size_t j = 0; j < g->s[i].v.n; j++)
            all[k++] = g->s[i].v.h[j];
    qsort(all, total, sizeof *all, cmp_u64);
    for (size_t i = 0; i < g->n; i++) {
        st_svec *v = &g->s[i].v;
        for (size_t j = 0; j < v->n; j++) {
            /* df = length of the run of this hash in the sorted list. */
            uint64_t *p = bsearch(&v->h[j], all, total, sizeof *all, cmp_u64);
            size_t lo = (size_t)(p - all), hi = lo;
            while (lo > 0 && all[lo - 1] == v->h[j])
                lo--;
            while (hi < total && all[hi] == v->h[j])
                hi++;
            double df = (double)(hi - lo);
            v->w[j] = (1.0 + log(v->w[j])) * log(1.0 + (double)g->n / df);
        }
        st_svec_normalise(v);
    }
    free(all);
    return ST_OK;
}

/* Maximal marginal relevance: each pick maximises
 * lambda * relevance - (1 - lambda) * (max similarity to the picks so far). */
static size_t pick(group *g, size_t want, double lambda)
{
    size_t got = 0;
    size_t *chosen = malloc((want ? want : 1) * sizeof *chosen);
    if (!chosen)
        return 0;
    while (got < want) {
        double best = -1e9;
        size_t bi = g->n;
        for (size_t i = 0; i < g->n; i++) {
            if (g->s[i].picked)
                continue;
            double red = 0;
            for (size_t j = 0; j < got; j++) {
                double d = st_svec_dot(&g->s[i].v, &g->s[chosen[j]].v);
                if (d > red)
                    red = d;
            }
            double score = lambda * g->s[i].rel - (1.0 - lambda) * red;
            if (score > best) {
                best = score;
                bi = i;
            }
        }
        if (bi == g->n)
            break;
        g->s[bi].picked = 1;
        chosen[got++] = bi;
    }
    free(chosen);
    return got;
}

static int score(group *g)
{
    int rc = weigh(g);
    st_svec c;
    const st_svec **vs = malloc(g->n * sizeof *vs);
    if (!vs)
        rc = ST_ENOMEM;
    for (size_t i = 0; rc == ST_OK && i < g->n; i++)
        vs[i] = &g->s[i].v;
    if (rc == ST_OK)
        rc = st_svec_mean(vs, g->n, &c);
    free(vs);
    if (rc != ST_OK)
        return rc;
    st_svec_normalise(&c);
    for (size_t i = 0; i < g->n; i++)
        g->s[i].rel = st_svec_dot(&g->s[i].v, &c) + (g->s[i].pos == 0 ? LEAD_BONUS : 0);
    st_svec_free(&c);
    return ST_OK;
}

static json_t *group_json(const group *g, const st_sum_input *in)
{
    json_t *arr = json_array();
    /* Sentences were collected in article order then position: reading order. */
    for (size_t i = 0; arr && i < g->n; i++) {
        const sent *s = &g->s[i];
        if (!s->picked)
            continue;
        const st_sum_input *a = &in[s->art];
        json_t *o = json_pack("{s:I, s:s?, s:s%, s:f}", "article", (json_int_t)a->article,
                              "title", a->title, "text", a->body + s->off, s->len, "score",
                              round(s->rel * 1000) / 1000);
        if (!o || json_array_append_new(arr, o)) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr ? json_pack("{s:s, s:I, s:o}", "lang", g->lang, "articles",
                           (json_int_t)g->articles, "sentences", arr)
               : NULL;
}

static void groups_free(group *gs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < gs[i].n; j++)
            st_svec_free(&gs[i].s[j].v);
        free(gs[i].s);
    }
    free(gs);
}

/* Languages present, the one with most articles first (ties: first seen). */
static group *make_groups(const st_sum_input *in, size_t n, size_t *ng)
{
    group *gs = calloc(n ? n : 1, sizeof *gs);
    if (!gs)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        size_t j = 0;
        while (j < k && strcmp(gs[j].lang, lang_of(&in[i])))
            j++;
        if (j == k)
            gs[k++].lang = lang_of(&in[i]);
        gs[j].articles++;
    }
    for (size_t i = 1; i < k; i++)
        for (size_t j = i; j > 0 && gs[j].articles > gs[j - 1].articles; j--) {
            group t = gs[j];
            gs[j] = gs[j - 1];
            gs[j - 1] = t;
        }
    *ng = k;
    return gs;
}

int st_summary_build(st_text *t, const st_sum_input *in, size_t n, const st_sum_opts *opts,
                     json_t **out)
{
    st_sum_opts o = {3, 5, 0.7};
    if (opts)
        o = *opts;
    if (!o.min_sents)
        o.min_sents = 3;
    if (o.max_sents < o.min_sents)
        o.max_sents = o.min_sents;
    if (o.lambda <= 0 || o.lambda > 1)
        o.lambda = 0.7;
    *out = NULL;
    size_t ng = 0;
    group *gs = make_groups(in, n, &ng);
    json_t *langs = json_array();
    int rc = gs && langs ? ST_OK : ST_ENOMEM;
    for (size_t gi = 0; rc == ST_OK && gi < ng; gi++) {
        group *g = &gs[gi];
        for (size_t i = 0; rc == ST_OK && i < n; i++)
            if (!strcmp(lang_of(&in[i]), g->lang))
                rc = add_sentences(t, g, &in[i], i);
        if (rc == ST_OK && g->n)
            rc = score(g);
        if (rc != ST_OK)
            break;
        /* Longer clusters earn longer summaries, within [min, max]. */
        size_t want = g->n / 6;
        want = want < o.min_sents ? o.min_sents : want > o.max_sents ? o.max_sents : want;
        pick(g, want, o.lambda);
        json_t *gj = group_json(g, in);
        if (!gj || json_array_append_new(langs, gj))
            rc = ST_ENOMEM;
    }
    if (rc == ST_OK) {
        *out = json_pack("{s:s?, s:O}", "main", ng ? gs[0].lang : NULL, "languages", langs);
        if (!*out)
            rc = ST_ENOMEM;
    }
    json_decref(langs);
    groups_free(gs, ng);
    return rc;
}
