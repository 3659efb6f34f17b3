/* bench/extract.c — precision and recall of the extractor on the hand-
 * annotated set tests/fixtures/extract/annotations.jsonl (entities, quotes
 * with speakers, numeric claims), next to a naive peer measured in the same
 * run: every capitalised run is an entity, every quoted span a quote, every
 * number with the word after it a claim. Prints the figures and ratios. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "extract/ex_int.h"
#include "extract/extract.h"
#include "text/text.h"

typedef struct pr {
    double tp_p, np; /* correct predictions, predictions */
    double tp_r, ng; /* found gold items, gold items */
} pr;

static void pr_add(pr *a, const pr *b)
{
    a->tp_p += b->tp_p;
    a->np += b->np;
    a->tp_r += b->tp_r;
    a->ng += b->ng;
}

static double prec(const pr *x) { return x->np ? x->tp_p / x->np : 0; }
static double rec(const pr *x) { return x->ng ? x->tp_r / x->ng : 0; }
static double f1(const pr *x)
{
    double p = prec(x), r = rec(x);
    return p + r ? 2 * p * r / (p + r) : 0;
}

/* Case- and accent-insensitive equality. */
static int same(const char *a, const char *b)
{
    char *fa = ex_fold(a, strlen(a)), *fb = ex_fold(b, strlen(b));
    int r = fa && fb && !strcmp(fa, fb);
    free(fa);
    free(fb);
    return r;
}

static int contains(const char *hay, const char *needle)
{
    char *fa = ex_fold(hay, strlen(hay)), *fb = ex_fold(needle, strlen(needle));
    int r = fa && fb && strstr(fa, fb) != NULL;
    free(fa);
    free(fb);
    return r;
}

/* Does any |-separated alternative of gold equal s? */
static int alt_match(const char *gold, const char *s)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", gold);
    char *save = NULL;
    for (char *t = strtok_r(buf, "|", &save); t; t = strtok_r(NULL, "|", &save))
        if (same(t, s))
            return 1;
    return 0;
}

static int entity_matches(const st_ex_entity *e, const char *gold)
{
    if (alt_match(gold, e->name))
        return 1;
    for (size_t k = 0; k < e->naliases; k++)
        if (alt_match(gold, e->aliases[k]))
            return 1;
    return 0;
}

/* ------------------------------------------------------------ ours */

static pr score_entities(const st_ex_result *r, json_t *gold)
{
    pr x = {0};
    size_t i;
    json_t *g;
    x.np = (double)r->nentities;
    x.ng = (double)json_array_size(gold);
    for (size_t k = 0; k < r->nentities; k++) {
        int ok = 0;
        json_array_foreach(gold, i, g) ok |= entity_matches(&r->entities[k], json_string_value(json_array_get(g, 0)));
        x.tp_p += ok;
    }
    json_array_foreach(gold, i, g) {
        int ok = 0;
        for (size_t k = 0; k < r->nentities && !ok; k++)
            ok = entity_matches(&r->entities[k], json_string_value(json_array_get(g, 0)));
        x.tp_r += ok;
    }
    return x;
}

static int speaker_ok(const st_ex_result *r, const st_ex_quote *q, const char *gold)
{
    if (!q->speaker)
        return 0;
    if (alt_match(gold, q->speaker))
        return 1;
    return q->speaker_entity >= 0 && entity_matches(&r->entities[q->speaker_entity], gold);
}

/* Quote detection (qd) and quote + speaker (qs). */
static void score_quotes(const st_ex_result *r, json_t *gold, pr *qd, pr *qs)
{
    size_t i;
    json_t *g;
    memset(qd, 0, sizeof *qd);
    memset(qs, 0, sizeof *qs);
    qd->np = qs->np = (double)r->nquotes;
    qd->ng = qs->ng = (double)json_array_size(gold);
    for (size_t k = 0; k < r->nquotes; k++) {
        int found = 0, spk = 0;
        json_array_foreach(gold, i, g) {
            if (contains(r->quotes[k].text, json_string_value(json_array_get(g, 0)))) {
                found = 1;
                spk |= speaker_ok(r, &r->quotes[k], json_string_value(json_array_get(g, 1)));
            }
        }
        qd->tp_p += found;
        qs->tp_p += spk;
    }
    json_array_foreach(gold, i, g) {
        int found = 0, spk = 0;
        for (size_t k = 0; k < r->nquotes; k++) {
            if (contains(r->quotes[k].text, json_string_value(json_array_get(g, 0)))) {
                found = 1;
                spk |= speaker_ok(r, &r->quotes[k], json_string_value(json_array_get(g, 1)));
            }
        }
        qd->tp_r += found;
        qs->tp_r += spk;
    }
}

/* Claims as a set of (value, unit) pairs on both sides. */
typedef struct vu {
    double v;
    char unit[64];
} vu;

static int vu_eq(const vu *a, const vu *b)
{
    return fabs(a->v - b->v) <= 0.005 * fmax(fabs(a->v), fabs(b->v)) && !strcmp(a->unit, b->unit);
}

static size_t vu_add(vu *set, size_t n, double v, const char *unit)
{
    vu x = {v, ""};
    snprintf(x.unit, sizeof x.unit, "%s", unit);
    char *sh = strstr(x.unit, " (share)");
    if (sh)
        *sh = 0;
    for (size_t i = 0; i < n; i++)
        if (vu_eq(&set[i], &x))
            return n;
    set[n] = x;
    return n + 1;
}

static pr score_sets(const vu *pred, size_t np, const vu *gold, size_t ng)
{
    pr x = {0, (double)np, 0, (double)ng};
    for (size_t i = 0; i < np; i++)
        for (size_t k = 0; k < ng; k++)
            if (vu_eq(&pred[i], &gold[k])) {
                x.tp_p++;
                break;
            }
    for (size_t k = 0; k < ng; k++)
        for (size_t i = 0; i < np; i++)
            if (vu_eq(&pred[i], &gold[k])) {
                x.tp_r++;
                break;
            }
    return x;
}

static size_t gold_claims(json_t *gold, vu *set)
{
    size_t n = 0, i;
    json_t *g;
    json_array_foreach(gold, i, g) n = vu_add(set, n, json_number_value(json_array_get(g, 0)),
                                              json_string_value(json_array_get(g, 1)));
    return n;
}

/* ------------------------------------------------------------ the peer */

static int is_cap_word(const ex_tok *t) { return (t->flags & EX_T_WORD) && (t->flags & EX_T_CAP); }

static pr peer_entities(const st_ex_input *in, json_t *gold)
{
    ex_tok *t = NULL;
    size_t n = 0;
    ex_tokenise(in->text, in->len, &t, &n);
    char *names[512];
    size_t nn = 0;
    for (size_t i = 0; i < n && nn < 512;) {
        if (!is_cap_word(&t[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && (is_cap_word(&t[j]) || (!strcmp(t[j].fold, "-") && j + 1 < n && is_cap_word(&t[j + 1]))))
            j++;
        int initial = i == 0 || (t[i - 1].flags & EX_T_PUNCT && strchr(".\n", t[i - 1].fold[0]));
        if (!(initial && j == i + 1)) {
            size_t a = t[i].off, b = t[j - 1].off + t[j - 1].len;
            char *s = malloc(b - a + 1);
            memcpy(s, in->text + a, b - a);
            s[b - a] = 0;
            int dup = 0;
            for (size_t k = 0; k < nn; k++)
                dup |= !strcmp(names[k], s);
            if (dup)
                free(s);
            else
                names[nn++] = s;
        }
        i = j;
    }
    ex_toks_free(t, n);
    pr x = {0, (double)nn, 0, (double)json_array_size(gold)};
    size_t i;
    json_t *g;
    for (size_t k = 0; k < nn; k++) {
        int ok = 0;
        json_array_foreach(gold, i, g) ok |= alt_match(json_string_value(json_array_get(g, 0)), names[k]);
        x.tp_p += ok;
    }
    json_array_foreach(gold, i, g) {
        int ok = 0;
        for (size_t k = 0; k < nn; k++)
            ok |= alt_match(json_string_value(json_array_get(g, 0)), names[k]);
        x.tp_r += ok;
    }
    for (size_t k = 0; k < nn; k++)
        free(names[k]);
    return x;
}

static pr peer_claims(const st_ex_input *in, json_t *gold)
{
    ex_tok *t = NULL;
    size_t n = 0;
    ex_tokenise(in->text, in->len, &t, &n);
    vu pred[512], gs[256];
    size_t np = 0;
    for (size_t i = 0; i + 1 < n && np < 500; i++) {
        if (!(t[i].flags & EX_T_NUM))
            continue;
        const char *u = t[i + 1].fold;
        np = vu_add(pred, np, ex_parse_number(t[i].fold), !strcmp(u, "%") ? "percent" : u);
    }
    ex_toks_free(t, n);
    return score_sets(pred, np, gs, gold_claims(gold, gs));
}

/* ------------------------------------------------------------ main */

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "tests/fixtures/extract/annotations.jsonl";
    st_extract *ex = NULL;
    char err[256];
    if (st_extract_load(NULL, &ex, err, sizeof err) != ST_OK) {
        fprintf(stderr, "extract: %s\n", err);
        return 1;
    }
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "extract: cannot open %s\n", path);
        return 1;
    }
    enum { ALL, EN, ID, CORPUS, OWN, NGROUP };
    const char *gname[] = {"all", "en", "id", "examples/corpus", "own"};
    pr ent[NGROUP] = {{0}}, qd[NGROUP] = {{0}}, qs[NGROUP] = {{0}}, cl[NGROUP] = {{0}};
    pr pent = {0}, pcl = {0}, pqd = {0};
    size_t narticles = 0, bytes = 0;
    double secs = 0;
    char line[65536];
    int verbose = getenv("EXTRACT_VERBOSE") != NULL;
    while (fgets(line, sizeof line, f)) {
        json_t *a = json_loads(line, 0, NULL);
        if (!a)
            continue;
        const char *text = json_string_value(json_object_get(a, "text"));
        const char *lang = json_string_value(json_object_get(a, "lang"));
        const char *origin = json_string_value(json_object_get(a, "origin"));
        st_span *sents = NULL;
        size_t ns = 0;
        size_t len = strlen(text);
        st_sentences(text, len, lang, &sents, &ns);
        const char *nl = strstr(text, "\n\n");
        st_ex_input in = {text, len, nl ? (size_t)(nl - text) : 0, lang,
                          json_string_value(json_object_get(a, "published")), sents, ns};
        st_ex_result *r = NULL;
        clock_t c0 = clock();
        if (st_extract_run(ex, &in, &r) != ST_OK) {
            fprintf(stderr, "extract: failed on %s\n", json_string_value(json_object_get(a, "id")));
            return 1;
        }
        secs += (double)(clock() - c0) / CLOCKS_PER_SEC;
        bytes += len;
        narticles++;
        pr e = score_entities(r, json_object_get(a, "entities")), d, s;
        score_quotes(r, json_object_get(a, "quotes"), &d, &s);
        vu pred[512], gs[256];
        size_t np = 0;
        for (size_t k = 0; k < r->nclaims && np < 500; k++)
            np = vu_add(pred, np, r->claims[k].value, r->claims[k].unit);
        pr c = score_sets(pred, np, gs, gold_claims(json_object_get(a, "claims"), gs));
        int groups[3] = {ALL, !strcmp(lang, "id") ? ID : EN, !strcmp(origin, "own") ? OWN : CORPUS};
        for (int k = 0; k < 3; k++) {
            pr_add(&ent[groups[k]], &e);
            pr_add(&qd[groups[k]], &d);
            pr_add(&qs[groups[k]], &s);
            pr_add(&cl[groups[k]], &c);
        }
        pr pe = peer_entities(&in, json_object_get(a, "entities"));
        pr pc = peer_claims(&in, json_object_get(a, "claims"));
        pr_add(&pent, &pe);
        pr_add(&pcl, &pc);
        pr pq = {d.tp_p, (double)r->nquotes, d.tp_r, d.ng}; /* the peer finds the same spans */
        pr_add(&pqd, &pq);
        if (verbose)
            printf("%-20s ent P %.2f R %.2f  quotes %g/%g speakers %g  claims P %.2f R %.2f\n",
                   json_string_value(json_object_get(a, "id")), prec(&e), rec(&e), d.tp_r, d.ng,
                   s.tp_r, prec(&c), rec(&c));
        st_ex_result_free(r);
        free(sents);
        json_decref(a);
    }
    fclose(f);
    printf("extraction on %zu hand-annotated articles (%s)\n\n", narticles, path);
    printf("%-16s %-22s %-22s %-22s %-22s\n", "group", "entities P/R/F1", "quotes P/R/F1",
           "quote+speaker P/R/F1", "claims P/R/F1");
    for (int k = 0; k < NGROUP; k++)
        printf("%-16s %.2f/%.2f/%.2f         %.2f/%.2f/%.2f         %.2f/%.2f/%.2f         "
               "%.2f/%.2f/%.2f\n",
               gname[k], prec(&ent[k]), rec(&ent[k]), f1(&ent[k]), prec(&qd[k]), rec(&qd[k]),
               f1(&qd[k]), prec(&qs[k]), rec(&qs[k]), f1(&qs[k]), prec(&cl[k]), rec(&cl[k]),
               f1(&cl[k]));
    printf("\npeer (capitalised runs; quoted spans without speakers; number + next word):\n");
    printf("%-16s %.2f/%.2f/%.2f         %.2f/%.2f/%.2f         %.2f/%.2f/%.2f         "
           "%.2f/%.2f/%.2f\n",
           "peer", prec(&pent), rec(&pent), f1(&pent), prec(&pqd), rec(&pqd), f1(&pqd), 0.0, 0.0,
           0.0, prec(&pcl), rec(&pcl), f1(&pcl));
    printf("\nF1 ratio ours/peer: entities %.2f, claims %.2f\n",
           f1(&pent) ? f1(&ent[ALL]) / f1(&pent) : 0, f1(&pcl) ? f1(&cl[ALL]) / f1(&pcl) : 0);
    printf("speed: %.0f articles/s, %.2f MB/s (extraction only, one core)\n",
           secs > 0 ? narticles / secs : 0, secs > 0 ? bytes / secs / 1e6 : 0);
    st_extract_free(ex);
    return 0;
}
