/* tune.c — evaluation and tuning driver for the clusterer.
 *
 *   tune [options] gold.jsonl
 *     --set name=value   override a parameter of params.h (repeatable)
 *     --shuffles N       also cluster N seeded shuffles (default 3)
 *     --quiet            one summary line (for parameter sweeps)
 *     --dump K           print each article's labels in order K (0 = file order)
 *     --nodates          ignore publish dates (content alone)
 *     --links            print how each new event linked to a story (file order)
 *
 * Reads JSON Lines with fields id, title, maintext, language, date_publish,
 * event, story; analyses each article (st_text_new + st_doc_analyse), clusters
 * them in file order and in shuffled orders, and prints event and story
 * BCubed / pairwise scores with a per-language breakdown. */
#include <jansson.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/cluster.h"
#include "cluster/eval.h"
#include "text/concepts.h"
#include "text/text.h"
#include "util/util.h"

typedef struct item {
    st_doc *doc;
    char *date, *lang, *title;
    int64_t gold_ev, gold_st;
} item;

typedef struct corpus {
    item *it;
    size_t n;
} corpus;

/* ------------------------------------------------------------ parameters */

typedef struct knob {
    const char *name;
    char kind; /* d = double, i = int, z = size_t */
    size_t off;
} knob;

#define KD(f) {#f, 'd', offsetof(st_cluster_params, f)}
#define KI(f) {#f, 'i', offsetof(st_cluster_params, f)}
#define KZ(f) {#f, 'z', offsetof(st_cluster_params, f)}
static const knob KNOBS[] = {
    KD(w_terms), KD(w_names), KD(w_title), KD(event_threshold), KD(crosslingual_scale), KD(event_grace_days),
    KD(event_tau_days), KD(event_window_days), KD(story_w_terms), KD(story_w_names),
    KD(story_threshold), KD(story_tau_days), KD(story_window_days), KI(story_recheck),
    KD(concept_weight), KD(term_concept_weight), KD(name_weight), KD(title_boost),
    KI(query_terms), KI(centroid_terms), KI(centroid_names), KI(story_terms), KI(story_names),
    KI(max_candidates), KI(candidate_share_pct), KZ(min_idle_articles), KZ(live_articles), KI(keep_past_labels),
};

static int set_knob(st_cluster_params *p, const char *arg)
{
    const char *eq = strchr(arg, '=');
    if (!eq) return -1;
    for (size_t i = 0; i < sizeof KNOBS / sizeof *KNOBS; i++) {
        if (strlen(KNOBS[i].name) != (size_t)(eq - arg) || strncmp(KNOBS[i].name, arg, (size_t)(eq - arg)))
            continue;
        char *base = (char *)p + KNOBS[i].off;
        if (KNOBS[i].kind == 'd') *(double *)base = atof(eq + 1);
        else if (KNOBS[i].kind == 'i') *(int *)base = atoi(eq + 1);
        else *(size_t *)base = (size_t)atol(eq + 1);
        return 0;
    }
    return -1;
}

/* ------------------------------------------------------------ reading */

static const char *jstr(json_t *o, const char *k)
{
    const char *s = json_string_value(json_object_get(o, k));
    return s ? s : NULL;
}

static int64_t label_of(const char *s) { return s ? (int64_t)(st_hash64(s, strlen(s)) >> 1) : -1; }

static int read_corpus(const char *path, st_text *tx, corpus *c)
{
    FILE *f = fopen(path, "r");
    if (!f) { fprintf(stderr, "tune: cannot open %s\n", path); return -1; }
    char *line = NULL;
    size_t cap = 0, alloc = 0;
    ssize_t k;
    while ((k = getline(&line, &cap, f)) > 0) {
        json_error_t je;
        json_t *o = json_loads(line, 0, &je);
        if (!o) continue;
        if (c->n == alloc) {
            alloc = alloc ? alloc * 2 : 256;
            c->it = realloc(c->it, alloc * sizeof *c->it);
        }
        item *it = &c->it[c->n];
        memset(it, 0, sizeof *it);
        const char *title = jstr(o, "title"), *body = jstr(o, "maintext");
        const char *lang = jstr(o, "language");
        if (st_doc_analyse(tx, title ? title : "", body ? body : "", lang, &it->doc) != ST_OK) {
            json_decref(o);
            continue;
        }
        it->date = st_strdup(jstr(o, "date_publish"));
        it->lang = st_strdup(lang ? lang : "und");
        it->title = st_strdup(title ? title : "");
        it->gold_ev = label_of(jstr(o, "event"));
        it->gold_st = label_of(jstr(o, "story"));
        c->n++;
        json_decref(o);
    }
    free(line);
    fclose(f);
    return 0;
}

static void free_corpus(corpus *c)
{
    for (size_t i = 0; i < c->n; i++) {
        st_doc_free(c->it[i].doc);
        free(c->it[i].date);
        free(c->it[i].lang);
        free(c->it[i].title);
    }
    free(c->it);
}

/* ------------------------------------------------------------ one run */

typedef struct run {
    int64_t *ev, *st; /* predicted per item (file index) */
    st_eval e_ev, e_st;
} run;

static uint64_t rng_next(uint64_t *s)
{
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return st_mix64(*s);
}

static void order_of(size_t n, uint64_t seed, size_t *ord)
{
    for (size_t i = 0; i < n; i++) ord[i] = i;
    if (!seed) return;
    uint64_t s = seed;
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(rng_next(&s) % i);
        size_t t = ord[i - 1];
        ord[i - 1] = ord[j];
        ord[j] = t;
    }
}

static int no_dates;   /* --nodates: cluster on content alone */
static int show_links; /* --links: how each new event linked to a story */

static void print_link(const corpus *c, const run *r, size_t k, const size_t *ord,
                       const st_assignment *a)
{
    const item *it = &c->it[ord[k]];
    const char *verdict = "none";
    if (a->best_story_id) { /* gold story of the first earlier article in the best story */
        verdict = "WRONG";
        for (size_t j = 0; j < k; j++)
            if (r->st[ord[j]] == a->best_story_id) {
                verdict = c->it[ord[j]].gold_st == it->gold_st ? "right" : "WRONG";
                break;
            }
    }
    printf("link %-5s %-6s %.3f %.10s %.60s\n", verdict, a->new_story ? "new" : "joined", a->story_score,
           it->date ? it->date : "-", it->title);
}

static int cluster_run(const corpus *c, const st_cluster_params *p, const st_concepts *cs,
                       uint64_t seed, run *r)
{
    size_t *ord = malloc(c->n * sizeof *ord);
    int64_t *gev = malloc(c->n * sizeof *gev), *gst = malloc(c->n * sizeof *gst);
    r->ev = malloc(c->n * sizeof *r->ev);
    r->st = malloc(c->n * sizeof *r->st);
    order_of(c->n, seed, ord);
    st_clusterer *cl = NULL;
    st_clusterer_new(p, cs, &cl);
    for (size_t k = 0; k < c->n; k++) {
        const item *it = &c->it[ord[k]];
        st_assignment a;
        if (st_clusterer_add(cl, (int64_t)ord[k], it->doc, no_dates ? NULL : it->date, NULL, &a) != ST_OK) return -1;
        r->ev[ord[k]] = a.event_id;
        r->st[ord[k]] = a.story_id;
        if (show_links && !seed && a.new_event) print_link(c, r, k, ord, &a);
    }
    for (size_t i = 0; i < c->n; i++) { /* stories as they stand at the end */
        r->st[i] = st_clusterer_event_story(cl, r->ev[i]);
        gev[i] = c->it[i].gold_ev;
        gst[i] = c->it[i].gold_st;
    }
    st_eval_labels(gev, r->ev, c->n, &r->e_ev);
    st_eval_labels(gst, r->st, c->n, &r->e_st);
    st_clusterer_free(cl);
    free(ord);
    free(gev);
    free(gst);
    return 0;
}

static void print_eval(const char *what, const st_eval *e)
{
    printf("  %-7s BCubed P %.3f R %.3f F1 %.3f | pairwise P %.3f R %.3f F1 %.3f | clusters %zu (gold %zu)\n",
           what, e->bc_p, e->bc_r, e->bc_f1, e->pw_p, e->pw_r, e->pw_f1, e->pred_clusters,
           e->gold_clusters);
}

/* Scores restricted to the articles of each language (within-language quality),
 * and how many of them share their predicted event with another language. */
static void per_language(const corpus *c, const run *r)
{
    const char *langs[64];
    size_t nl = 0;
    for (size_t i = 0; i < c->n && nl < 64; i++) {
        size_t j = 0;
        while (j < nl && strcmp(langs[j], c->it[i].lang)) j++;
        if (j == nl) langs[nl++] = c->it[i].lang;
    }
    int64_t *g = malloc(c->n * sizeof *g), *p = malloc(c->n * sizeof *p);
    printf("  per language: lang n | event BCubed F1 within language | event recall across all\n");
    for (size_t l = 0; l < nl; l++) {
        size_t m = 0;
        double rec = 0;
        for (size_t i = 0; i < c->n; i++) {
            if (strcmp(c->it[i].lang, langs[l])) continue;
            g[m] = c->it[i].gold_ev;
            p[m++] = r->ev[i];
            /* BCubed recall of item i over the whole corpus. */
            size_t same = 0, both = 0;
            for (size_t j = 0; j < c->n; j++) {
                if (c->it[j].gold_ev != c->it[i].gold_ev) continue;
                same++;
                both += r->ev[j] == r->ev[i];
            }
            rec += (double)both / (double)same;
        }
        st_eval e;
        st_eval_labels(g, p, m, &e);
        printf("    %-3s %3zu | %.3f | %.3f\n", langs[l], m, e.bc_f1, rec / (double)m);
    }
    free(g);
    free(p);
}

static void dump(const corpus *c, const run *r)
{
    for (size_t i = 0; i < c->n; i++)
        printf("%016llx %016llx ev %4lld st %4lld %s %.10s %.70s\n",
               (unsigned long long)c->it[i].gold_st, (unsigned long long)c->it[i].gold_ev,
               (long long)r->ev[i], (long long)r->st[i], c->it[i].lang,
               c->it[i].date ? c->it[i].date : "-", c->it[i].title);
}

static void free_run(run *r) { free(r->ev); free(r->st); }

int main(int argc, char **argv)
{
    st_cluster_params p;
    st_cluster_params_default(&p);
    int shuffles = 3, quiet = 0, dumpit = 0;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--set") && i + 1 < argc) {
            if (set_knob(&p, argv[++i]) != 0) { fprintf(stderr, "tune: unknown %s\n", argv[i]); return 2; }
        } else if (!strcmp(argv[i], "--shuffles") && i + 1 < argc) shuffles = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--quiet")) quiet = 1;
        else if (!strcmp(argv[i], "--dump") && i + 1 < argc) dumpit = 1 + atoi(argv[++i]);
        else if (!strcmp(argv[i], "--links")) show_links = 1;
        else if (!strcmp(argv[i], "--nodates")) no_dates = 1;
        else path = argv[i];
    }
    if (!path) { fprintf(stderr, "usage: tune [--set k=v]... [--shuffles N] [--quiet] gold.jsonl\n"); return 2; }
    char err[256] = "";
    st_text *tx = NULL;
    st_concepts *cs = NULL;
    if (st_text_new(NULL, &tx, err, sizeof err) != ST_OK || st_concepts_load(NULL, &cs, err, sizeof err) != ST_OK) {
        fprintf(stderr, "tune: %s\n", err);
        return 1;
    }
    corpus c = {0};
    if (read_corpus(path, tx, &c) != 0) return 1;
    double sum_ev = 0, sum_st = 0, min_ev = 1, min_st = 1;
    for (int s = 0; s <= shuffles; s++) {
        run r = {0};
        if (cluster_run(&c, &p, cs, s ? (uint64_t)s * 7919u : 0, &r) != 0) return 1;
        sum_ev += r.e_ev.bc_f1;
        sum_st += r.e_st.bc_f1;
        if (r.e_ev.bc_f1 < min_ev) min_ev = r.e_ev.bc_f1;
        if (r.e_st.bc_f1 < min_st) min_st = r.e_st.bc_f1;
        if (!quiet) {
            printf(s ? "shuffle %d (seed %d):\n" : "file order:\n", s, s * 7919);
            print_eval("events", &r.e_ev);
            print_eval("stories", &r.e_st);
            if (!s) per_language(&c, &r);
        }
        if (dumpit && s == dumpit - 1) dump(&c, &r);
        free_run(&r);
    }
    printf("%zu articles; mean over %d orders: event BCubed F1 %.3f (min %.3f), story BCubed F1 %.3f (min %.3f)\n",
           c.n, shuffles + 1, sum_ev / (shuffles + 1), min_ev, sum_st / (shuffles + 1), min_st);
    free_corpus(&c);
    st_concepts_free(cs);
    st_text_free(tx);
    return 0;
}
