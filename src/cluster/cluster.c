/* cluster.c — single-pass event and story clustering (see cluster.h, params.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/cluster_int.h"

#define MAX_EVENT_KEYS 96
#define MAX_STORY_KEYS 128
#define EVICT_EVERY 128
#define MAX_LANGS 16

/* The languages of a cluster's articles (hashes), with how many articles
 * each wrote (labels take their terms from the main one). Once a language did
 * not fit (`more`), the set no longer knows whether it speaks one it does not
 * list: scores then take the better of the two ways of comparing. */
typedef struct langset {
    uint64_t l[MAX_LANGS];
    uint32_t cnt[MAX_LANGS];
    uint32_t n;
    uint32_t more;
} langset;

/* What an event needs only while it is in the index. Past events far
 * outnumber live ones in a long stream (110k against a few hundred at 1M
 * articles), so this goes when the event leaves and its record stays small. */
typedef struct event_live {
    st_fvec tv, nv, ttv, xv; /* sums of the articles' unit vectors */
    uint64_t *keys;
    uint32_t nkeys;
    uint64_t last_seq;
    langset langs;
} event_live;

typedef struct event {
    int64_t id;
    uint32_t story; /* index into stories */
    uint32_t n;
    double first, last, sum_days; /* over dated articles */
    uint32_t ndated;
    int live;
    event_live *h; /* NULL once out of the index */
    char *shown; /* label and lists (st_label_pack), kept when the event leaves the index */
} event;

typedef struct story {
    int64_t id;
    uint32_t nevents;
    size_t n;
    double first, last;
    uint32_t ndated;
    uint64_t last_seq;
    st_fvec tv, xv; /* terms, and names without common-term concepts */
    uint64_t *keys;
    uint32_t nkeys;
    langset langs;
    int live;
    char *shown;
} story;

struct st_clusterer {
    st_cluster_params p;
    const st_concepts *cs;
    st_vocab vocab;
    event *ev;
    size_t nev, capev;
    story *st;
    size_t nst, capst;
    st_hmap ev_by_id, st_by_id; /* id -> index */
    st_postings ev_index, st_index;
    uint32_t *live_ev, *live_st; /* indexes of live events and stories: eviction scans these */
    size_t nlive_ev, caplive_ev, nlive_st, caplive_st;
    int64_t next_event, next_story;
    double clock; /* latest publish day seen */
    uint64_t seq; /* articles added */
    size_t live_articles;
};

/* ------------------------------------------------------------ small helpers */

static double decay(double d, double grace, double tau)
{
    if (d <= grace) return 1.0;
    return tau > 0 ? exp(-(d - grace) / tau) : 0.0;
}

/* Distance from day t to the span [a, b]; 0 when either side is undated. */
static double span_dist(double t, double a, double b, uint32_t ndated)
{
    if (t == ST_NO_DATE || !ndated) return 0.0;
    if (t < a) return a - t;
    return t > b ? t - b : 0.0;
}

static int add_key(uint64_t **keys, uint32_t *n, uint32_t max, uint64_t k)
{
    for (uint32_t i = 0; i < *n; i++)
        if ((*keys)[i] == k) return 0;
    if (*n >= max) return 0;
    if (!*keys && !(*keys = malloc(max * sizeof **keys))) return -1;
    (*keys)[(*n)++] = k;
    return 1;
}

/* ------------------------------------------------------------ new / free */

int st_clusterer_new(const st_cluster_params *p, const st_concepts *cs, st_clusterer **out)
{
    st_clusterer *c = calloc(1, sizeof *c);
    if (!c) return ST_ENOMEM;
    if (p) c->p = *p;
    else st_cluster_params_default(&c->p);
    c->cs = cs;
    c->next_event = c->next_story = 1;
    c->clock = ST_NO_DATE;
    *out = c;
    return ST_OK;
}

static void event_drop(event *e)
{
    if (!e->h) return;
    st_fvec_free(&e->h->tv);
    st_fvec_free(&e->h->nv);
    st_fvec_free(&e->h->ttv);
    st_fvec_free(&e->h->xv);
    free(e->h->keys);
    free(e->h);
    e->h = NULL;
}

static void story_drop(story *s)
{
    st_fvec_free(&s->tv);
    st_fvec_free(&s->xv);
    free(s->keys);
    s->keys = NULL;
    s->nkeys = 0;
    s->langs.n = 0;
    s->langs.more = 0;
}

void st_clusterer_free(st_clusterer *c)
{
    if (!c) return;
    for (size_t i = 0; i < c->nev; i++) { event_drop(&c->ev[i]); free(c->ev[i].shown); }
    for (size_t i = 0; i < c->nst; i++) { story_drop(&c->st[i]); free(c->st[i].shown); }
    free(c->ev);
    free(c->st);
    free(c->live_ev);
    free(c->live_st);
    st_hmap_free(&c->ev_by_id);
    st_hmap_free(&c->st_by_id);
    st_postings_free(&c->ev_index);
    st_postings_free(&c->st_index);
    st_vocab_free(&c->vocab);
    free(c);
}

/* ------------------------------------------------------------ stories */

static int story_open(st_clusterer *c, int64_t id, uint32_t *out)
{
    if (st_grow(&c->st, &c->capst, c->nst + 1, sizeof *c->st, 64) != ST_OK) return ST_ENOMEM;
    if (st_grow(&c->live_st, &c->caplive_st, c->nlive_st + 1, sizeof *c->live_st, 64) != ST_OK)
        return ST_ENOMEM;
    c->live_st[c->nlive_st++] = (uint32_t)c->nst;
    if (!st_hmap_put(&c->st_by_id, (uint64_t)id, c->nst, NULL)) return ST_ENOMEM;
    story *s = &c->st[c->nst];
    memset(s, 0, sizeof *s);
    s->id = id;
    s->live = 1;
    s->first = s->last = ST_NO_DATE;
    if (id >= c->next_story) c->next_story = id + 1;
    *out = (uint32_t)c->nst++;
    return ST_OK;
}

static void span_add(double *first, double *last, uint32_t *ndated, double a, double b,
                     uint32_t k)
{
    if (!k) return;
    if (!*ndated || a < *first) *first = a;
    if (!*ndated || b > *last) *last = b;
    *ndated += k;
}

/* The index of lang in s, or -1. */
static int langset_find(const langset *s, uint64_t lang)
{
    for (uint32_t i = 0; i < s->n; i++)
        if (s->l[i] == lang) return (int)i;
    return -1;
}

static int langset_has(const langset *s, uint64_t lang) { return langset_find(s, lang) >= 0; }

/* Counts k more articles in lang. */
static void langset_add(langset *s, uint64_t lang, uint32_t k)
{
    int i = langset_find(s, lang);
    if (i >= 0) {
        s->cnt[i] += k;
        return;
    }
    if (s->n < MAX_LANGS) {
        s->l[s->n] = lang;
        s->cnt[s->n++] = k;
    } else s->more = 1;
}

/* The language most articles wrote; among equals English, the language of
 * the interface, else the first seen. 0 when none. */
static uint64_t langset_main(const langset *s)
{
    uint64_t en = st_hash64("en", 2);
    uint32_t best = 0;
    for (uint32_t i = 1; i < s->n; i++)
        if (s->cnt[i] > s->cnt[best] || (s->cnt[i] == s->cnt[best] && s->l[i] == en)) best = i;
    return s->n ? s->l[best] : 0;
}

/* Whether stems can match between clusters of these languages: 1 yes, 0 no,
 * -1 unknown (a set overflowed). */
static int langset_meet(const langset *a, const langset *b)
{
    for (uint32_t i = 0; i < b->n; i++)
        if (langset_has(a, b->l[i])) return 1;
    return a->more || b->more ? -1 : 0;
}

/* Adds vectors (an article's or a whole event's) to story si. */
static int story_absorb(st_clusterer *c, uint32_t si, const st_fvec *tv, const st_fvec *xv,
                        const langset *langs, const uint64_t *keys, size_t nkeys, double a,
                        double b, uint32_t ndated, size_t narticles)
{
    story *s = &c->st[si];
    for (uint32_t i = 0; i < langs->n; i++) langset_add(&s->langs, langs->l[i], langs->cnt[i]);
    int rc = st_fvec_add(&s->tv, tv, 1.0f);
    if (rc == ST_OK) rc = st_fvec_add(&s->xv, xv, 1.0f);
    if (rc != ST_OK) return rc;
    if (s->tv.n > (uint32_t)c->p.story_terms * 3 / 2) st_fvec_prune(&s->tv, (uint32_t)c->p.story_terms);
    if (s->xv.n > (uint32_t)c->p.story_names * 3 / 2) st_fvec_prune(&s->xv, (uint32_t)c->p.story_names);
    for (size_t i = 0; i < nkeys; i++) {
        int added = add_key(&s->keys, &s->nkeys, MAX_STORY_KEYS, keys[i]);
        if (added < 0) return ST_ENOMEM;
        if (added && st_postings_add(&c->st_index, keys[i], si) != ST_OK) return ST_ENOMEM;
    }
    span_add(&s->first, &s->last, &s->ndated, a, b, ndated);
    s->n += narticles;
    s->last_seq = c->seq;
    return ST_OK;
}

/* How a cluster is compared with an article or event. By terms and names
 * when they share a language; by names alone, which every language writes
 * alike, when they share none or when the cluster holds other languages too,
 * whose part of the term centroid the article's stems cannot match (three
 * German reports of a crash otherwise missed an event of two English ones
 * and one German). Both ways: the better score counts. */
enum { BY_TERMS = 1, BY_NAMES = 2 };

/* shared: 1 a language in common, 0 none, -1 unknown (a set overflowed). */
static int compare_ways(int shared, int mixed)
{
    int ways = shared != 0 ? BY_TERMS : 0;
    if (shared != 1 || mixed) ways |= BY_NAMES;
    return ways;
}

/* The highest score the ways allow, before the time decay. */
static double most_of(int ways, double by_terms, double by_names)
{
    double most = 0;
    if ((ways & BY_TERMS) && by_terms > most) most = by_terms;
    if ((ways & BY_NAMES) && by_names > most) most = by_names;
    return most;
}

/* As event_score: -1 when the time decay alone keeps the story below floor. */
static double story_score(const st_clusterer *c, const story *s, const st_fvec *tv,
                          const st_fvec *xv, const langset *langs, double a, double b,
                          uint32_t ndated, double floor)
{
    double d = 0;
    if (ndated && s->ndated) {
        d = span_dist(a, s->first, s->last, s->ndated);
        double d2 = span_dist(b, s->first, s->last, s->ndated);
        if (d2 < d) d = d2;
    }
    double dec = decay(d, 0.0, c->p.story_tau_days);
    /* not names alone for a mixed story: who-and-where recur across a story's
     * events, and on dev that merged stories (F1 0.906 -> 0.903) */
    int ways = compare_ways(langset_meet(&s->langs, langs), 0);
    double mono = c->p.story_w_terms + c->p.story_w_names;
    if (dec * most_of(ways, mono, c->p.crosslingual_scale) * (1.0 + 1e-6) < floor) return -1.0;
    double sim = 0, names = st_fvec_cos(xv, &s->xv);
    if (ways & BY_TERMS)
        sim = c->p.story_w_terms * st_fvec_cos(tv, &s->tv) + c->p.story_w_names * names;
    if ((ways & BY_NAMES) && c->p.crosslingual_scale * names > sim)
        sim = c->p.crosslingual_scale * names;
    return sim * dec;
}

/* Best live story for the given vectors, other than `except`; -1 when none. */
static int best_story(st_clusterer *c, const st_fvec *tv, const st_fvec *xv,
                      const langset *langs, const uint64_t *keys, size_t nkeys, double a,
                      double b, uint32_t ndated, int64_t except, double *score)
{
    st_cand *cand = NULL;
    size_t nc = 0;
    *score = 0;
    /* Stories share few keys with a new event: every candidate is scored. */
    if (st_postings_gather(&c->st_index, keys, nkeys, (size_t)c->p.max_candidates, 0, 1, &cand,
                           &nc) != ST_OK)
        return -2;
    int best = -1;
    for (size_t i = 0; i < nc; i++) {
        const story *s = &c->st[cand[i].id];
        if (!s->live || (int64_t)cand[i].id == except) continue;
        /* under the best so far it cannot win (ties keep the first) */
        double sc = story_score(c, s, tv, xv, langs, a, b, ndated, *score);
        if (sc > *score) { *score = sc; best = (int)cand[i].id; }
    }
    free(cand);
    return best;
}

static void story_unindex(st_clusterer *c, uint32_t si)
{
    story *s = &c->st[si];
    for (uint32_t i = 0; i < s->nkeys; i++) st_postings_remove(&c->st_index, s->keys[i], si);
    s->live = 0;
}

/* ------------------------------------------------------------ events */

static double event_days(const event *e)
{
    return e->ndated ? e->sum_days / e->ndated : ST_NO_DATE;
}

static int event_open(st_clusterer *c, int64_t id, uint32_t story_ix, uint32_t *out)
{
    if (st_grow(&c->ev, &c->capev, c->nev + 1, sizeof *c->ev, 64) != ST_OK) return ST_ENOMEM;
    if (st_grow(&c->live_ev, &c->caplive_ev, c->nlive_ev + 1, sizeof *c->live_ev, 64) != ST_OK)
        return ST_ENOMEM;
    event_live *h = calloc(1, sizeof *h);
    if (!h || !st_hmap_put(&c->ev_by_id, (uint64_t)id, c->nev, NULL)) {
        free(h);
        return ST_ENOMEM;
    }
    c->live_ev[c->nlive_ev++] = (uint32_t)c->nev;
    event *e = &c->ev[c->nev];
    memset(e, 0, sizeof *e);
    e->id = id;
    e->story = story_ix;
    e->live = 1;
    e->h = h;
    if (id >= c->next_event) c->next_event = id + 1;
    c->st[story_ix].nevents++;
    *out = (uint32_t)c->nev++;
    return ST_OK;
}

static int event_absorb(st_clusterer *c, uint32_t ei, const st_artfeat *f)
{
    event *e = &c->ev[ei];
    event_live *h = e->h;
    const st_cluster_params *p = &c->p;
    int rc = st_fvec_add(&h->tv, &f->tv, 1.0f);
    if (rc == ST_OK) rc = st_fvec_add(&h->nv, &f->nv, 1.0f);
    if (rc == ST_OK) rc = st_fvec_add(&h->ttv, &f->ttv, 1.0f);
    if (rc == ST_OK) rc = st_fvec_add(&h->xv, &f->xv, 1.0f);
    if (rc != ST_OK) return rc;
    if (h->tv.n > (uint32_t)p->centroid_terms * 3 / 2) st_fvec_prune(&h->tv, (uint32_t)p->centroid_terms);
    if (h->nv.n > (uint32_t)p->centroid_names * 3 / 2) st_fvec_prune(&h->nv, (uint32_t)p->centroid_names);
    if (h->ttv.n > 96) st_fvec_prune(&h->ttv, 64);
    if (h->xv.n > (uint32_t)p->centroid_names * 3 / 2) st_fvec_prune(&h->xv, (uint32_t)p->centroid_names);
    for (size_t i = 0; i < f->nkeys; i++) {
        int added = add_key(&h->keys, &h->nkeys, MAX_EVENT_KEYS, f->keys[i]);
        if (added < 0) return ST_ENOMEM;
        if (added && st_postings_add(&c->ev_index, f->keys[i], ei) != ST_OK) return ST_ENOMEM;
    }
    if (f->days != ST_NO_DATE) {
        span_add(&e->first, &e->last, &e->ndated, f->days, f->days, 1);
        e->sum_days += f->days;
    }
    langset_add(&h->langs, f->lang, 1);
    e->n++;
    h->last_seq = c->seq;
    c->live_articles++;
    langset one = {{f->lang}, {1}, 1, 0};
    return story_absorb(c, e->story, &f->tv, &f->xv, &one, f->keys, f->nkeys, f->days, f->days,
                        f->days != ST_NO_DATE, 1);
}

/* The score of an article against an event, or -1 when the time decay alone
 * keeps it below floor (cosines are at most 1): most candidates of a long
 * stream are days old, and this spares their three dot products. */
static double event_score(const st_clusterer *c, const event *e, const st_artfeat *f,
                          double floor)
{
    const st_cluster_params *p = &c->p;
    double d = 0;
    if (f->days != ST_NO_DATE && e->ndated) d = fabs(f->days - event_days(e));
    double dec = decay(d, p->event_grace_days, p->event_tau_days);
    int shared = langset_has(&e->h->langs, f->lang) ? 1 : e->h->langs.more ? -1 : 0;
    int ways = compare_ways(shared, e->h->langs.n > 1);
    double mono = p->w_terms + p->w_names + p->w_title;
    /* the margin covers float rounding */
    if (dec * most_of(ways, mono, p->crosslingual_scale) * (1.0 + 1e-6) < floor) return -1.0;
    double sim = 0, names = st_fvec_cos(&f->nv, &e->h->nv);
    if (ways & BY_TERMS)
        sim = p->w_terms * st_fvec_cos(&f->tv, &e->h->tv) + p->w_names * names +
              p->w_title * st_fvec_cos(&f->ttv, &e->h->ttv);
    if ((ways & BY_NAMES) && p->crosslingual_scale * names > sim) sim = p->crosslingual_scale * names;
    return sim * dec;
}

static int best_event(st_clusterer *c, const st_artfeat *f, double *score)
{
    st_cand *cand = NULL;
    size_t nc = 0;
    *score = 0;
    if (st_postings_gather(&c->ev_index, f->keys, f->nkeys, (size_t)c->p.max_candidates,
                           (unsigned)c->p.candidate_share_pct, 100, &cand, &nc) != ST_OK)
        return -2;
    int best = -1;
    for (size_t i = 0; i < nc; i++) {
        const event *e = &c->ev[cand[i].id];
        if (!e->live) continue;
        /* a candidate under the threshold is never joined, nor one under the best */
        double floor = *score > c->p.event_threshold ? *score : c->p.event_threshold;
        double sc = event_score(c, e, f, floor);
        if (sc < 0) continue;
        if (sc > *score || (sc == *score && best >= 0 && cand[i].id < (uint32_t)best)) {
            *score = sc;
            best = (int)cand[i].id;
        }
    }
    free(cand);
    return best;
}

/* A young event alone in its story looks again for an older story to join,
 * now that its centroid says more than its first article did. */
static int story_recheck(st_clusterer *c, uint32_t ei, double *score)
{
    event *e = &c->ev[ei];
    story *own = &c->st[e->story];
    if (e->n > (uint32_t)c->p.story_recheck || own->nevents != 1) return 0;
    if (e->n & (e->n - 1)) return 0; /* at 2, 4, 8... articles: the centroid changed enough */
    double a = e->first, b = e->last;
    const event_live *h = e->h;
    int si = best_story(c, &h->tv, &h->xv, &h->langs, h->keys, h->nkeys, a, b, e->ndated,
                        (int64_t)e->story, score);
    if (si == -2) return ST_ENOMEM;
    if (si < 0 || *score < c->p.story_threshold) return 0;
    uint32_t old = e->story;
    story_unindex(c, old);
    story_drop(&c->st[old]);
    c->st[old].nevents = 0;
    c->st[old].n = 0;
    e->story = (uint32_t)si;
    c->st[si].nevents++;
    int rc = story_absorb(c, (uint32_t)si, &h->tv, &h->xv, &h->langs, h->keys, h->nkeys,
                          e->first, e->last, e->ndated, e->n);
    return rc == ST_OK ? 1 : rc;
}

/* ------------------------------------------------------------ window */

static int idle(const st_clusterer *c, double last, uint32_t ndated, uint64_t last_seq,
                double window)
{
    uint64_t quiet = c->seq - last_seq;
    if (ndated) return c->clock - last > window && quiet > c->p.min_idle_articles;
    return quiet > c->p.live_articles;
}

/* What a leaving event or story will show: its label and lists, frozen. */
static char *freeze(const st_clusterer *c, const st_fvec *names, const st_fvec *terms,
                    const langset *langs)
{
    st_cluster_info info;
    st_label_fill(&c->vocab, c->cs, names, terms, langset_main(langs), &info);
    return st_label_pack(&info);
}

static void evict(st_clusterer *c)
{
    size_t k = 0;
    for (size_t j = 0; j < c->nlive_ev; j++) {
        uint32_t i = c->live_ev[j];
        event *e = &c->ev[i];
        if (!idle(c, e->last, e->ndated, e->h->last_seq, c->p.event_window_days)) {
            c->live_ev[k++] = i;
            continue;
        }
        if (c->p.keep_past_labels) e->shown = freeze(c, &e->h->nv, &e->h->tv, &e->h->langs);
        for (uint32_t q = 0; q < e->h->nkeys; q++) st_postings_remove(&c->ev_index, e->h->keys[q], i);
        event_drop(e);
        e->live = 0;
        c->live_articles -= e->n;
    }
    c->nlive_ev = k;
    k = 0;
    for (size_t j = 0; j < c->nlive_st; j++) {
        uint32_t i = c->live_st[j];
        story *s = &c->st[i];
        if (!s->live) continue; /* dissolved: its event moved */
        if (!idle(c, s->last, s->ndated, s->last_seq, c->p.story_window_days)) {
            c->live_st[k++] = i;
            continue;
        }
        if (c->p.keep_past_labels) s->shown = freeze(c, &s->xv, &s->tv, &s->langs);
        story_unindex(c, i);
        story_drop(s);
    }
    c->nlive_st = k;
}

/* ------------------------------------------------------------ add / restore */

static void tick(st_clusterer *c, const st_artfeat *f)
{
    c->seq++;
    if (f->days != ST_NO_DATE && f->days > c->clock) c->clock = f->days;
    if (c->seq % EVICT_EVERY == 0) evict(c);
}

static int open_event_and_story(st_clusterer *c, const st_artfeat *f, st_assignment *out,
                                uint32_t *ei)
{
    double ss = 0;
    langset one = {{f->lang}, {1}, 1, 0};
    int si = best_story(c, &f->tv, &f->xv, &one, f->keys, f->nkeys, f->days, f->days,
                        f->days != ST_NO_DATE, -1, &ss);
    if (si == -2) return ST_ENOMEM;
    uint32_t s;
    out->story_score = ss;
    out->best_story_id = si >= 0 ? c->st[si].id : 0;
    if (si >= 0 && ss >= c->p.story_threshold) {
        s = (uint32_t)si;
    } else {
        if (story_open(c, c->next_story, &s) != ST_OK) return ST_ENOMEM;
        out->new_story = 1;
    }
    out->new_event = 1;
    return event_open(c, c->next_event, s, ei);
}

int st_clusterer_prepare(const st_clusterer *c, const st_doc *doc, st_clprep **out)
{
    *out = malloc(sizeof **out);
    if (!*out) return ST_ENOMEM;
    int rc = st_clprep_build(*out, &c->p, c->cs, doc);
    if (rc != ST_OK) {
        free(*out);
        *out = NULL;
    }
    return rc;
}

void st_clprep_free(st_clprep *pr)
{
    if (!pr) return;
    st_clprep_clear(pr);
    free(pr);
}

int st_clusterer_add(st_clusterer *c, int64_t article_id, const st_doc *doc,
                     const char *published, const char *source, st_assignment *out)
{
    st_clprep pr;
    memset(out, 0, sizeof *out);
    int rc = st_clprep_build(&pr, &c->p, c->cs, doc);
    if (rc != ST_OK) return rc;
    rc = st_clusterer_add_prepared(c, article_id, &pr, published, source, out);
    st_clprep_clear(&pr);
    return rc;
}

int st_clusterer_add_prepared(st_clusterer *c, int64_t article_id, st_clprep *pr,
                              const char *published, const char *source, st_assignment *out)
{
    (void)article_id;
    (void)source;
    memset(out, 0, sizeof *out);
    st_artfeat f;
    int rc = st_artfeat_build(&f, &c->vocab, &c->p, pr, published);
    if (rc != ST_OK) return rc;
    tick(c, &f);
    double sc = 0;
    int best = best_event(c, &f, &sc);
    uint32_t ei;
    if (best == -2) rc = ST_ENOMEM;
    else if (best >= 0 && sc >= c->p.event_threshold) {
        ei = (uint32_t)best;
        out->score = sc;
    } else rc = open_event_and_story(c, &f, out, &ei);
    if (rc == ST_OK) rc = event_absorb(c, ei, &f);
    if (rc == ST_OK && !out->new_story) {
        double rs = 0;
        int moved = story_recheck(c, ei, &rs);
        if (moved < 0) rc = moved;
        if (moved > 0) out->story_score = rs;
    }
    if (rc == ST_OK) {
        out->event_id = c->ev[ei].id;
        out->story_id = c->st[c->ev[ei].story].id;
    }
    st_artfeat_free(&f);
    return rc;
}

/* A replayed article may belong to an event (or story) that already left the
 * window, when the stored order differs from the replay order: it comes back
 * with the centroid of its new articles rather than failing the rebuild. */
static int revive(st_clusterer *c, uint32_t ei)
{
    event *e = &c->ev[ei];
    story *s = &c->st[e->story];
    if (!s->live) {
        if (st_grow(&c->live_st, &c->caplive_st, c->nlive_st + 1, sizeof *c->live_st, 64) != ST_OK)
            return ST_ENOMEM;
        c->live_st[c->nlive_st++] = e->story;
        s->live = 1;
        free(s->shown);
        s->shown = NULL;
    }
    if (e->live) return ST_OK;
    if (st_grow(&c->live_ev, &c->caplive_ev, c->nlive_ev + 1, sizeof *c->live_ev, 64) != ST_OK ||
        !(e->h = calloc(1, sizeof *e->h)))
        return ST_ENOMEM;
    c->live_ev[c->nlive_ev++] = ei;
    c->live_articles += e->n;
    e->live = 1;
    free(e->shown);
    e->shown = NULL;
    return ST_OK;
}

int st_clusterer_restore(st_clusterer *c, int64_t article_id, const st_doc *doc,
                         const char *published, int64_t event_id, int64_t story_id)
{
    (void)article_id;
    if (event_id <= 0 || story_id <= 0) return ST_EUSAGE;
    st_clprep pr;
    st_artfeat f;
    int rc = st_clprep_build(&pr, &c->p, c->cs, doc);
    if (rc == ST_OK) rc = st_artfeat_build(&f, &c->vocab, &c->p, &pr, published);
    if (rc != ST_OK) {
        st_clprep_clear(&pr);
        return rc;
    }
    tick(c, &f);
    const uint64_t *eix = st_hmap_get(&c->ev_by_id, (uint64_t)event_id);
    uint32_t ei = eix ? (uint32_t)*eix : 0;
    if (!eix) {
        const uint64_t *six = st_hmap_get(&c->st_by_id, (uint64_t)story_id);
        uint32_t si = six ? (uint32_t)*six : 0;
        if (!six) rc = story_open(c, story_id, &si);
        if (rc == ST_OK) rc = event_open(c, event_id, si, &ei);
    }
    if (rc == ST_OK) rc = revive(c, ei);
    if (rc == ST_OK) rc = event_absorb(c, ei, &f);
    st_artfeat_free(&f);
    st_clprep_clear(&pr);
    return rc;
}

/* ------------------------------------------------------------ listing */

int64_t st_clusterer_event_story(const st_clusterer *c, int64_t event_id)
{
    const uint64_t *ix = st_hmap_get(&c->ev_by_id, (uint64_t)event_id);
    return ix ? c->st[c->ev[*ix].story].id : 0;
}

size_t st_clusterer_nevents(const st_clusterer *c) { return c->nev; }
size_t st_clusterer_nstories(const st_clusterer *c) { return c->nst; }
size_t st_clusterer_live_articles(const st_clusterer *c) { return c->live_articles; }

int st_clusterer_event_info(const st_clusterer *c, size_t i, st_cluster_info *out)
{
    if (i >= c->nev) return ST_ENOTFOUND;
    const event *e = &c->ev[i];
    memset(out, 0, sizeof *out);
    out->id = e->id;
    out->story_id = c->st[e->story].id;
    out->n_articles = e->n;
    out->first_days = e->ndated ? e->first : ST_NO_DATE;
    out->last_days = e->ndated ? e->last : ST_NO_DATE;
    out->live = e->live;
    if (e->live) st_label_fill(&c->vocab, c->cs, &e->h->nv, &e->h->tv, langset_main(&e->h->langs), out);
    else if (e->shown) st_label_unpack(e->shown, out);
    return ST_OK;
}

int st_clusterer_story_info(const st_clusterer *c, size_t i, st_cluster_info *out)
{
    if (i >= c->nst) return ST_ENOTFOUND;
    const story *s = &c->st[i];
    memset(out, 0, sizeof *out);
    out->id = out->story_id = s->id;
    out->n_articles = s->n;
    out->n_events = s->nevents;
    out->first_days = s->ndated ? s->first : ST_NO_DATE;
    out->last_days = s->ndated ? s->last : ST_NO_DATE;
    out->live = s->live;
    if (s->live) st_label_fill(&c->vocab, c->cs, &s->xv, &s->tv, langset_main(&s->langs), out);
    else if (s->shown) st_label_unpack(s->shown, out);
    return ST_OK;
}

int st_clusterer_event_info_by_id(const st_clusterer *c, int64_t id, st_cluster_info *out)
{
    const uint64_t *ix = st_hmap_get(&c->ev_by_id, (uint64_t)id);
    return ix ? st_clusterer_event_info(c, (size_t)*ix, out) : ST_ENOTFOUND;
}

int st_clusterer_story_info_by_id(const st_clusterer *c, int64_t id, st_cluster_info *out)
{
    const uint64_t *ix = st_hmap_get(&c->st_by_id, (uint64_t)id);
    return ix ? st_clusterer_story_info(c, (size_t)*ix, out) : ST_ENOTFOUND;
}

void st_clusterer_reserve_ids(st_clusterer *c, int64_t max_event, int64_t max_story)
{
    if (max_event >= c->next_event)
        c->next_event = max_event + 1;
    if (max_story >= c->next_story)
        c->next_story = max_story + 1;
}
