/* features.c — from an analysed article to the clusterer's vectors.
 *
 * Three unit vectors per article, each TF-IDF weighted with document
 * frequencies counted as articles arrive (online IDF):
 *  - terms: the stemmed content terms of st_doc, boosted when in the headline;
 *  - names: concept ids (language-neutral) and capitalised words inside
 *    sentences (names spelled alike across languages: Hamas, Blinken);
 *  - title: the headline's terms and concepts.
 * Keys live in separate namespaces so a stem and a name never collide. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/cluster_int.h"
#include "text/sort.h"

#define NS_TERM 0x51ed270b27d3a1f9ULL
#define NS_CONCEPT 0x2545f4914f6cdd1dULL
#define NS_NAME 0x9e3779b97f4a7c15ULL
#define MAX_TITLE_PREFIXES 1024
/* Label words are looked for in the headline and this much of the body: the
 * top terms of an article nearly always occur there, and it bounds the cost. */
#define SURFACE_SCAN_BYTES 3000

void st_vocab_free(st_vocab *v)
{
    st_hmap_free(&v->df);
    st_hmap_free(&v->str);
    st_buf_free(&v->arena);
    st_surface_free(&v->surf);
    free(v->kdf);
}

const char *st_vocab_label(const st_vocab *v, uint64_t key)
{
    const char *w = st_surface_get(&v->surf, key);
    return w ? w : st_vocab_str(v, key);
}

const char *st_vocab_str(const st_vocab *v, uint64_t key)
{
    const uint64_t *o = st_hmap_get(&v->str, key);
    return o ? v->arena.s + (*o - 1) : NULL;
}

/* The df map's values hold a count in the low bits and, above it, one bit
 * per language (v->langs) that wrote the key: labels read the languages of a
 * key at no cost to the counting. */
#define DF_COUNT_MASK ((UINT64_C(1) << 40) - 1)

int st_vocab_has_lang(const st_vocab *v, uint64_t key, uint64_t lang)
{
    const uint64_t *d = st_hmap_get(&v->df, key);
    for (unsigned i = 0; d && i < v->nlangs; i++)
        if (v->langs[i] == lang) return (*d >> (40 + i)) & 1;
    return 0;
}

/* The df bit of lang; 0 once ST_VOCAB_LANGS languages have one. */
static uint64_t lang_bit(st_vocab *v, uint64_t lang)
{
    for (unsigned i = 0; i < v->nlangs; i++)
        if (v->langs[i] == lang) return UINT64_C(1) << (40 + i);
    if (v->nlangs == ST_VOCAB_LANGS) return 0;
    v->langs[v->nlangs++] = lang;
    return UINT64_C(1) << (40 + v->nlangs - 1);
}

static int vocab_name(st_vocab *v, uint64_t key, const char *s, size_t n)
{
    if (st_hmap_get(&v->str, key)) return ST_OK;
    size_t off = v->arena.len;
    if (st_buf_append(&v->arena, s, n) != ST_OK || st_buf_putc(&v->arena, 0) != ST_OK)
        return ST_ENOMEM;
    return st_hmap_put(&v->str, key, off + 1, NULL) ? ST_OK : ST_ENOMEM;
}

void st_artfeat_free(st_artfeat *f)
{
    if (!f->borrowed) {
        st_fvec_free(&f->tv);
        st_fvec_free(&f->nv);
        st_fvec_free(&f->ttv);
    }
    st_fvec_free(&f->xv);
    free(f->keys);
    memset(f, 0, sizeof *f);
}

/* ------------------------------------------------------------ headline terms */

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int u64_less(const uint64_t *a, const uint64_t *b) { return *a < *b; }
ST_DEFINE_SORT(sort_u64, uint64_t, u64_less)

/* Hashes of every prefix (3+ bytes) of every folded headline word: a stem is
 * (almost always) a prefix of its word, so this tells which terms are in the
 * headline without stemming it again. */
static size_t title_prefixes(const st_doc *d, uint64_t *out)
{
    size_t n = 0;
    for (size_t k = 0; k < d->nwords && d->words[k].end <= d->title_len && n < MAX_TITLE_PREFIXES; k++) {
        const char *w = d->words_text + d->words[k].off;
        for (size_t l = 3; l <= d->words[k].len && n < MAX_TITLE_PREFIXES; l++) out[n++] = st_hash64(w, l);
    }
    sort_u64(out, n);
    return n;
}

/* ------------------------------------------------------------ concepts and names */

typedef struct scan_ctx {
    st_clprep *pr;
    const st_cluster_params *p;
    const st_concepts *cs;
    const char *text; /* the scanned text: names are shown as written */
    size_t title_len;
    double name_w;
    int rc;
} scan_ctx;

/* Records the string a key is first shown as in this article. */
static int shown_as(st_clprep *pr, uint64_t key, const char *s, size_t n)
{
    if (st_grow(&pr->shown, &pr->capshown, pr->nshown + 1, sizeof *pr->shown, 64) != ST_OK)
        return ST_ENOMEM;
    pr->shown[pr->nshown] = (st_shown){key, s, (uint32_t)n, (uint32_t)pr->nshown};
    pr->nshown++;
    return ST_OK;
}

static int on_hit(const st_concept_hit *h, void *ud)
{
    scan_ctx *x = ud;
    st_clprep *pr = x->pr;
    int in_title = h->off < x->title_len;
    uint64_t key;
    float w;
    if (h->type == ST_CONCEPT_NAME) {
        if (in_title) return 0; /* headlines capitalise every word in English */
        key = st_mix64(st_hash64(h->folded, h->folded_len) ^ NS_NAME);
        w = (float)x->name_w;
        x->rc = shown_as(pr, key, x->text + h->off, h->len);
    } else {
        const char *id = st_concept_id(x->cs, h->concept);
        key = st_mix64(st_hash64(id, strlen(id)) ^ NS_CONCEPT);
        w = (float)(h->type == ST_CONCEPT_TERM ? x->p->term_concept_weight : x->p->concept_weight);
        if (h->type == ST_CONCEPT_TERM) x->rc = st_fvec_push(&pr->termkeys, key, 1.0f);
        const char *nm = st_concept_name(x->cs, h->concept);
        if (x->rc == ST_OK) x->rc = shown_as(pr, key, nm, strlen(nm));
        if (x->rc == ST_OK && in_title) x->rc = st_fvec_push(&pr->ttv, key, 1.0f);
        if (x->rc == ST_OK && in_title) x->rc = st_fvec_push(&pr->ttypes, key, w);
    }
    if (x->rc == ST_OK) x->rc = st_fvec_push(&pr->nv, key, 1.0f);
    if (x->rc == ST_OK) x->rc = st_fvec_push(&pr->ntypes, key, w);
    return x->rc;
}

/* ------------------------------------------------------------ weighting */

/* Counts each key of the article once (pr->shown holds them all, sorted by
 * key, first shown first); a key seen for the first time keeps its string.
 * v->kdf gets the keys and their counts. */
static int count_df(st_vocab *v, const st_clprep *pr, uint64_t lang)
{
    uint64_t bit = lang_bit(v, lang);
    v->nkdf = 0;
    for (size_t i = 0; i < pr->nshown; i++) {
        const st_shown *k = &pr->shown[i];
        if (i && k->key == pr->shown[i - 1].key) continue;
        uint64_t *d = st_hmap_put(&v->df, k->key, 0, NULL);
        if (!d) return ST_ENOMEM;
        if ((*d)++ == 0 && vocab_name(v, k->key, k->s, k->n) != ST_OK) return ST_ENOMEM;
        *d |= bit;
        if (st_grow(&v->kdf, &v->capkdf, v->nkdf + 1, sizeof *v->kdf, 64) != ST_OK)
            return ST_ENOMEM;
        v->kdf[v->nkdf++] = (struct st_keydf){k->key, *d & DF_COUNT_MASK};
    }
    v->ndocs++;
    return ST_OK;
}

/* vec holds counts (or tf weights when types is NULL); types holds, for the
 * same keys, count * type weight. Result: (1 + ln count) * type weight * idf,
 * scaled to unit length. Every key of vec is in v->kdf (count_df). */
static void weigh(st_fvec *vec, const st_vocab *v, const st_fvec *types)
{
    uint32_t j = 0;
    size_t k = 0;
    for (uint32_t i = 0; i < vec->n; i++) {
        double c = vec->e[i].w, w = c;
        if (types) {
            while (j < types->n && types->e[j].key < vec->e[i].key) j++;
            int found = j < types->n && types->e[j].key == vec->e[i].key;
            w = found ? (1.0 + log(c)) * (types->e[j].w / c) : 0.0;
        }
        while (k < v->nkdf && v->kdf[k].key < vec->e[i].key) k++;
        double df = k < v->nkdf && v->kdf[k].key == vec->e[i].key ? (double)v->kdf[k].df : 0.0;
        vec->e[i].w = (float)(w * (log(((double)v->ndocs + 1.0) / (df + 1.0)) + 1.0));
    }
    st_fvec_finish(vec);
    st_fvec_normalise(vec);
}

static int build_terms(st_clprep *pr, const st_cluster_params *p, const st_doc *doc,
                       const uint64_t *tp, size_t ntp)
{
    for (size_t i = 0; i < doc->nterms; i++) {
        const st_term *t = &doc->terms[i];
        uint64_t key = st_mix64(t->hash ^ NS_TERM);
        double w = 1.0 + log((double)(t->count ? t->count : 1));
        int in_title = bsearch(&t->hash, tp, ntp, sizeof *tp, cmp_u64) != NULL;
        if (in_title) w *= 1.0 + p->title_boost;
        if (st_fvec_push(&pr->tv, key, (float)w) != ST_OK) return ST_ENOMEM;
        if (in_title && st_fvec_push(&pr->ttv, key, 1.0f) != ST_OK) return ST_ENOMEM;
        if (in_title && st_fvec_push(&pr->ttypes, key, 1.0f) != ST_OK) return ST_ENOMEM;
        if (shown_as(pr, key, t->text, strlen(t->text)) != ST_OK) return ST_ENOMEM;
    }
    return ST_OK;
}

/* xv = nv without the keys of termkeys, at unit length. */
static int entity_vector(st_artfeat *f, const st_fvec *termkeys)
{
    uint32_t j = 0;
    for (uint32_t i = 0; i < f->nv.n; i++) {
        while (j < termkeys->n && termkeys->e[j].key < f->nv.e[i].key) j++;
        if (j < termkeys->n && termkeys->e[j].key == f->nv.e[i].key) continue;
        if (st_fvec_push(&f->xv, f->nv.e[i].key, f->nv.e[i].w) != ST_OK) return ST_ENOMEM;
    }
    st_fvec_finish(&f->xv);
    st_fvec_normalise(&f->xv);
    return ST_OK;
}

/* The forms of the words of the headline and the first SURFACE_SCAN_BYTES
 * after it that count for a term, each once with its count. Built with the
 * rest of the prep, off the clustering thread. Sorted by key, then by place
 * in the text (a pointer into the doc's words), which costs no strcmp. */
static int form_less(const st_form *a, const st_form *b)
{
    return a->key != b->key ? a->key < b->key : a->w < b->w;
}
ST_DEFINE_SORT(sort_forms, st_form, form_less)

/* Folds the same word of a key's run into its first sighting. */
static size_t merge_forms(st_form *f, size_t n)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        size_t j = m;
        while (j > 0 && f[j - 1].key == f[i].key && strcmp(f[j - 1].w, f[i].w)) j--;
        if (j > 0 && f[j - 1].key == f[i].key) f[j - 1].count++;
        else f[m++] = f[i];
    }
    return m;
}

static int collect_forms(st_clprep *pr, const st_doc *doc)
{
    size_t end = doc->title_len + SURFACE_SCAN_BYTES, n = 0;
    pr->forms = malloc((doc->nwords ? doc->nwords : 1) * sizeof *pr->forms);
    if (!pr->forms) return ST_ENOMEM;
    for (size_t k = 0; k < doc->nwords && doc->words[k].end <= end; k++) {
        const st_word *w = &doc->words[k];
        if (w->term)
            pr->forms[n++] = (st_form){st_mix64(w->term ^ NS_TERM), doc->words_text + w->off, w->len, 1};
    }
    sort_forms(pr->forms, n);
    pr->nforms = merge_forms(pr->forms, n);
    return ST_OK;
}

/* Counts the words the article's top terms were written as (keys[0..nt)). */
static int learn_forms(st_vocab *v, const st_clprep *pr, const uint64_t *keys, uint32_t nt)
{
    for (uint32_t k = 0; k < nt; k++) {
        size_t lo = 0, hi = pr->nforms;
        while (lo < hi) { /* the first form of keys[k] */
            size_t mid = lo + (hi - lo) / 2;
            if (pr->forms[mid].key < keys[k]) lo = mid + 1;
            else hi = mid;
        }
        for (; lo < pr->nforms && pr->forms[lo].key == keys[k]; lo++) {
            const st_form *f = &pr->forms[lo];
            if (st_surface_add_n(&v->surf, f->key, f->w, f->n, f->count) != ST_OK) return ST_ENOMEM;
        }
    }
    return ST_OK;
}

static int pick_keys(st_artfeat *f, st_vocab *v, const st_cluster_params *p, const st_clprep *pr)
{
    uint32_t qt = p->query_terms > 0 ? (uint32_t)p->query_terms : 0, qn = 16;
    f->keys = malloc(((size_t)qt + qn) * sizeof *f->keys);
    if (!f->keys) return ST_ENOMEM;
    uint32_t nt = st_fvec_top(&f->tv, qt, f->keys);
    f->nkeys = nt + st_fvec_top(&f->nv, qn, f->keys + nt);
    return learn_forms(v, pr, f->keys, nt);
}

static int shown_less(const st_shown *a, const st_shown *b)
{
    return a->key != b->key ? a->key < b->key : a->seq < b->seq;
}
ST_DEFINE_SORT(sort_shown, st_shown, shown_less)

void st_clprep_clear(st_clprep *pr)
{
    st_fvec_free(&pr->tv);
    st_fvec_free(&pr->nv);
    st_fvec_free(&pr->ttv);
    st_fvec_free(&pr->ntypes);
    st_fvec_free(&pr->ttypes);
    st_fvec_free(&pr->termkeys);
    free(pr->shown);
    free(pr->forms);
    memset(pr, 0, sizeof *pr);
}

int st_clprep_build(st_clprep *pr, const st_cluster_params *p, const st_concepts *cs,
                    const st_doc *doc)
{
    memset(pr, 0, sizeof *pr);
    pr->doc = doc;
    uint64_t *tp = malloc(MAX_TITLE_PREFIXES * sizeof *tp);
    if (!tp) return ST_ENOMEM;
    size_t ntp = title_prefixes(doc, tp);
    int rc = build_terms(pr, p, doc, tp, ntp);
    free(tp);
    if (rc == ST_OK && cs) {
        /* German capitalises every noun: its capitalised words say less. */
        double nw = p->name_weight * (strcmp(doc->lang, "de") == 0 ? 0.5 : 1.0);
        scan_ctx x = {.pr = pr, .p = p, .cs = cs, .text = doc->text, .title_len = doc->title_len,
                      .name_w = nw, .rc = ST_OK};
        rc = st_concepts_scan(cs, doc->text, doc->len, ST_SCAN_NAMES, on_hit, &x);
    }
    if (rc == ST_OK) {
        st_fvec_finish(&pr->tv);
        st_fvec_finish(&pr->nv);
        st_fvec_finish(&pr->ttv);
        st_fvec_finish(&pr->ntypes);
        st_fvec_finish(&pr->ttypes);
        st_fvec_finish(&pr->termkeys);
        sort_shown(pr->shown, pr->nshown);
        rc = collect_forms(pr, doc);
    }
    if (rc != ST_OK) st_clprep_clear(pr);
    return rc;
}

int st_artfeat_build(st_artfeat *f, st_vocab *v, const st_cluster_params *p, st_clprep *pr,
                     const char *published)
{
    const st_doc *doc = pr->doc;
    memset(f, 0, sizeof *f);
    f->days = published ? st_date_days(published) : ST_NO_DATE;
    if (f->days < -1e8) f->days = ST_NO_DATE;
    f->lang = st_hash64(doc->lang, strlen(doc->lang));
    int rc = count_df(v, pr, f->lang);
    /* f borrows the vectors; weights are applied in place */
    f->tv = pr->tv;
    f->nv = pr->nv;
    f->ttv = pr->ttv;
    f->borrowed = 1;
    if (rc == ST_OK) {
        weigh(&f->tv, v, NULL); /* already (1 + ln tf) * headline boost */
        weigh(&f->nv, v, &pr->ntypes);
        weigh(&f->ttv, v, &pr->ttypes);
        rc = entity_vector(f, &pr->termkeys);
    }
    if (rc == ST_OK) rc = pick_keys(f, v, p, pr);
    if (rc != ST_OK) st_artfeat_free(f);
    return rc;
}
