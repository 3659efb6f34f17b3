/* bench/dedup.c — MinHash + LSH dedup throughput and memory on generated
 * articles.
 *
 * usage: dedup [N [corpus_out [corpus_n]]]
 *   N          articles to index (default 100000)
 *   corpus_out when given, the first corpus_n (default 10000) texts are also
 *              written there, one per line, for the peer measured by dedup.sh
 *        dedup --gold dev.jsonl
 *   indexes the labelled gold articles (independent restatements of the same
 *   events) through the full analyser and prints every pair found: they are
 *   all false positives, since no gold article copies another.
 *
 * Articles are drawn from a generated vocabulary with Zipf-like word
 * frequencies (so common words recur as in real text); 3% are near copies
 * of an earlier article (two words changed in every 10th sentence) and 2%
 * rewrites (every second sentence paraphrased, sentence order shuffled). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "dedup/dedup.h"
#include "text/text.h"
#include "util/util.h"

#define VOCAB 30000
#define MAXW 40
#define MAXS 30

static char *vocab[VOCAB];
static double cdf[VOCAB];

static uint64_t rng_next(uint64_t *s)
{
    *s += 0x9e3779b97f4a7c15ULL;
    return st_mix64(*s);
}

static void make_vocab(void)
{
    static const char *syl[] = {"ka", "ri", "mo", "tan", "se", "lu", "pe", "dar", "no", "vi",
                                "gra", "shi", "ol", "ben", "tu", "ma", "kel", "sa", "dri", "in"};
    uint64_t r = 42;
    double sum = 0;
    for (int i = 0; i < VOCAB; i++) {
        /* the index in base 20, one syllable a digit: distinct, word-like */
        char w[32] = "";
        for (int v = i + 20 * (1 + (int)(rng_next(&r) % 3)); v > 0; v /= 20)
            strcat(w, syl[v % 20]);
        vocab[i] = st_strdup(w);
        sum += 1.0 / (i + 2.7);
        cdf[i] = sum;
    }
    for (int i = 0; i < VOCAB; i++)
        cdf[i] /= sum;
}

static int draw_word(uint64_t *r)
{
    double u = (double)(rng_next(r) >> 11) / 9007199254740992.0;
    int lo = 0, hi = VOCAB - 1;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (cdf[mid] < u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

typedef struct art {
    int ns;
    int nw[MAXS];
    int w[MAXS][MAXW];
} art;

static void gen_article(uint64_t seed, art *a)
{
    uint64_t r = seed * 7919 + 1;
    a->ns = 5 + (int)(rng_next(&r) % 20);
    for (int s = 0; s < a->ns; s++) {
        a->nw[s] = 8 + (int)(rng_next(&r) % 22);
        for (int k = 0; k < a->nw[s]; k++)
            a->w[s][k] = draw_word(&r);
    }
}

static void reword_tenth(art *a, uint64_t *r)
{
    for (int s = 3; s < a->ns; s += 10) {
        a->w[s][1] = draw_word(r);
        a->w[s][4] = draw_word(r);
    }
}

static void paraphrase_shuffle(art *a, uint64_t *r)
{
    for (int s = 0; s < a->ns; s += 2) {
        a->w[s][2] = draw_word(r);
        a->w[s][6] = draw_word(r);
        int t = a->w[s][4];
        a->w[s][4] = a->w[s][5];
        a->w[s][5] = t;
    }
    for (int s = a->ns - 1; s > 0; s--) {
        int j = (int)(rng_next(r) % (uint64_t)(s + 1));
        int nw = a->nw[s];
        int tmp[MAXW];
        memcpy(tmp, a->w[s], sizeof tmp);
        memcpy(a->w[s], a->w[j], sizeof tmp);
        memcpy(a->w[j], tmp, sizeof tmp);
        a->nw[s] = a->nw[j];
        a->nw[j] = nw;
    }
}

static void render(const art *a, st_buf *b)
{
    st_buf_reset(b);
    for (int s = 0; s < a->ns; s++) {
        for (int k = 0; k < a->nw[s]; k++) {
            const char *w = vocab[a->w[s][k]];
            if (k == 0)
                st_buf_putc(b, (char)(w[0] - 'a' + 'A'));
            st_buf_puts(b, k == 0 ? w + 1 : w);
            st_buf_puts(b, k + 1 < a->nw[s] ? " " : ". ");
        }
    }
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static long rss_kb(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = 0, rss = 0;
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &rss) != 2)
            rss = 0;
        fclose(f);
    }
    return rss * 4;
}

/* Kind of article i: 0 original, 1 near copy, 2 rewrite; *src its source. */
static int kind_of(uint64_t i, uint64_t *src)
{
    uint64_t r = i * 31 + 5;
    uint64_t x = rng_next(&r) % 100;
    if (i < 100 || x >= 5)
        return 0;
    *src = rng_next(&r) % i;
    return x < 3 ? 1 : 2;
}

/* The text of article i (copies regenerate and mutate their source). */
static void article_text(uint64_t i, art *a, st_buf *b)
{
    uint64_t src = 0, r = i * 131 + 9;
    int k = kind_of(i, &src);
    while (k != 0 && kind_of(src, &src) != 0) /* copy of a copy: go to the original */
        ;
    gen_article(k ? src : i, a);
    if (k == 1)
        reword_tenth(a, &r);
    else if (k == 2)
        paraphrase_shuffle(a, &r);
    render(a, b);
}

static uint64_t origin_of(uint64_t i)
{
    uint64_t src = 0;
    if (kind_of(i, &src) == 0)
        return i;
    while (kind_of(src, &src) != 0)
        ;
    return src;
}

static const char *jstr(json_t *o, const char *k)
{
    const char *v = json_string_value(json_object_get(o, k));
    return v ? v : "";
}

static int run_gold(const char *path)
{
    json_error_t jerr;
    FILE *f = fopen(path, "r");
    st_text *t = NULL;
    char err[256];
    if (!f || st_text_new(NULL, &t, err, sizeof err) != ST_OK) {
        fprintf(stderr, "gold: cannot open %s or load text data\n", path);
        if (f)
            fclose(f);
        return 1;
    }
    st_dedup_params p;
    st_dedup_params_default(&p);
    st_dedup_index *ix;
    st_dedup_index_new(&p, &ix, NULL, 0);
    char line[1 << 16], events[512][64];
    int64_t n = 0;
    size_t pairs_total = 0, same_event = 0;
    while (n < 512 && fgets(line, sizeof line, f)) {
        json_t *o = json_loads(line, 0, &jerr);
        if (!o)
            continue;
        st_doc *d = NULL;
        st_dedup_entry *e = NULL;
        snprintf(events[n], sizeof events[n], "%s", jstr(o, "event"));
        if (st_doc_analyse(t, jstr(o, "title"), jstr(o, "maintext"), jstr(o, "language"), &d) ==
                ST_OK &&
            st_dedup_entry_from_doc(d, t, &p, &e) == ST_OK) {
            st_dedup_pair *pairs;
            size_t np;
            if (st_dedup_index_add(ix, n, e, &pairs, &np) == ST_OK) {
                for (size_t i = 0; i < np; i++) {
                    int same = strcmp(events[pairs[i].a], events[n]) == 0;
                    same_event += same;
                    printf("pair %lld~%lld %s jaccard %.2f containment %.2f (%s event)\n",
                           (long long)pairs[i].a, (long long)n, pairs[i].kind, pairs[i].jaccard,
                           pairs[i].containment, same ? "same" : "other");
                }
                pairs_total += np;
                free(pairs);
            }
        }
        st_doc_free(d);
        json_decref(o);
        n++;
    }
    fclose(f);
    printf("gold articles       %lld, pairs reported %zu (same event %zu): all false positives\n",
           (long long)n, pairs_total, same_event);
    st_dedup_index_free(ix);
    st_text_free(t);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 2 && strcmp(argv[1], "--gold") == 0)
        return run_gold(argv[2]);
    size_t n = argc > 1 ? (size_t)atol(argv[1]) : 100000;
    const char *corpus = argc > 2 ? argv[2] : NULL;
    size_t corpus_n = argc > 3 ? (size_t)atol(argv[3]) : 10000;
    make_vocab();
    st_dedup_params p;
    st_dedup_params_default(&p);
    st_dedup_index *ix;
    if (st_dedup_index_new(&p, &ix, NULL, 0) != ST_OK)
        return 1;
    art *a = malloc(sizeof *a);
    st_buf b = {0};
    FILE *cf = corpus ? fopen(corpus, "w") : NULL;
    double t_gen = 0, t_entry = 0, t_add = 0, t_first = 0;
    size_t words = 0, copies = 0, found = 0, wrong = 0, pairs_total = 0;
    size_t kinds[3] = {0};
    long rss0 = rss_kb();
    for (size_t i = 0; i < n; i++) {
        double t0 = now();
        article_text(i, a, &b);
        st_doc d = {0};
        d.text = (char *)st_buf_cstr(&b);
        d.len = b.len;
        st_sentences(d.text, d.len, "en", &d.sents, &d.nsents);
        for (int s = 0; s < a->ns; s++)
            words += (size_t)a->nw[s];
        if (cf && i < corpus_n)
            fprintf(cf, "%s\n", d.text);
        double t1 = now();
        st_dedup_entry *e;
        if (st_dedup_entry_from_doc(&d, NULL, &p, &e) != ST_OK)
            return 1;
        double t2 = now();
        st_dedup_pair *pairs;
        size_t np;
        if (st_dedup_index_add(ix, (int64_t)i, e, &pairs, &np) != ST_OK)
            return 1;
        double t3 = now();
        t_gen += t1 - t0;
        t_entry += t2 - t1;
        t_add += t3 - t2;
        if (i + 1 == corpus_n)
            t_first = t_entry + t_add;
        uint64_t src = 0;
        int k = kind_of(i, &src);
        int hit = 0;
        for (size_t j = 0; j < np; j++) {
            int same = origin_of((uint64_t)pairs[j].a) == origin_of(i);
            hit |= same;
            wrong += !same;
            kinds[pairs[j].kind[0] == 'e' ? 0 : pairs[j].kind[0] == 'n' ? 1 : 2]++;
        }
        pairs_total += np;
        copies += k != 0;
        found += k != 0 && hit;
        free(pairs);
        free(d.sents);
    }
    if (cf)
        fclose(cf);
    long rss1 = rss_kb();
    double total = t_entry + t_add;
    printf("articles            %zu (%.0f words each on average)\n", n, (double)words / n);
    printf("dedup throughput    %.0f articles/s  (entry %.1f us + index add %.1f us per article)\n",
           n / total, 1e6 * t_entry / n, 1e6 * t_add / n);
    if (corpus_n <= n && t_first > 0)
        printf("first %zu           %.0f articles/s\n", corpus_n, corpus_n / t_first);
    printf("generation (excl.)  %.2f s\n", t_gen);
    printf("memory              %zu bytes/article in the index; RSS +%ld bytes/article\n",
           st_dedup_index_bytes(ix) / n, (rss1 - rss0) * 1024 / (long)n);
    printf("copies              %zu, found %zu (recall %.4f)\n", copies, found,
           copies ? (double)found / copies : 1.0);
    printf("pairs               %zu: exact %zu near %zu rewrite %zu; with unrelated articles %zu\n",
           pairs_total, kinds[0], kinds[1], kinds[2], wrong);
    st_dedup_index_free(ix);
    st_buf_free(&b);
    free(a);
    for (int i = 0; i < VOCAB; i++)
        free(vocab[i]);
    return 0;
}
