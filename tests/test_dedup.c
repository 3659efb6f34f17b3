/* test_dedup.c — MinHash, SimHash, LSH index, sentence containment, and
 * exact / near / rewrite detection on copies of the seed articles. */
#include <dirent.h>
#include <math.h>

#include "dedup/dedup.h"
#include "harness.h"
#include "util/util.h"

static st_dedup_params params(void)
{
    st_dedup_params p;
    st_dedup_params_default(&p);
    return p;
}

/* Hashes of the integers [lo, hi), as a stand-in for shingle hashes. */
static size_t range_hashes(uint64_t *out, uint64_t lo, uint64_t hi)
{
    size_t n = 0;
    for (uint64_t i = lo; i < hi; i++)
        out[n++] = st_mix64(i * 0x9e3779b97f4a7c15ULL + 7);
    return n;
}

static double est_jaccard(uint64_t a0, uint64_t a1, uint64_t b0, uint64_t b1)
{
    static uint64_t h[4096];
    uint32_t x[128], y[128];
    st_minhash_init(x, 128);
    st_minhash_init(y, 128);
    st_minhash_update(x, 128, h, range_hashes(h, a0, a1));
    st_minhash_update(y, 128, h, range_hashes(h, b0, b1));
    return st_minhash_jaccard(x, y, 128);
}

static void t_minhash_estimate(void)
{
    /* true Jaccard of [0,1000) and [k, 1000 + k) is (1000 - k) / (1000 + k) */
    double worst = 0, sum = 0;
    int n = 0;
    for (uint64_t k = 0; k <= 1000; k += 50, n++) {
        double truth = (1000.0 - k) / (1000.0 + k);
        double err = est_jaccard(0, 1000, k, 1000 + k) - truth;
        err = err < 0 ? -err : err;
        sum += err;
        worst = err > worst ? err : worst;
    }
    CHECK(worst < 0.13); /* ~3 standard deviations at 128 permutations */
    CHECK(sum / n < 0.05);
    CHECK(est_jaccard(0, 500, 0, 500) == 1.0);
    CHECK(est_jaccard(0, 500, 500, 1000) < 0.05);
}

static void t_minhash_blob(void)
{
    uint64_t h[100];
    uint32_t sig[128], back[128];
    st_minhash_init(sig, 128);
    st_minhash_update(sig, 128, h, range_hashes(h, 0, 100));
    size_t n = st_minhash_blob_size(128);
    unsigned char *b = malloc(n);
    st_minhash_to_blob(sig, 128, b);
    CHECK_INT(st_minhash_from_blob(b, n, back, 128), ST_OK);
    CHECK(memcmp(sig, back, sizeof sig) == 0);
    CHECK_INT(st_minhash_from_blob(b, n - 1, back, 128), ST_EINPUT);
    CHECK_INT(st_minhash_from_blob(b, n, back, 64), ST_EINPUT);
    b[0] = 'X';
    CHECK_INT(st_minhash_from_blob(b, n, back, 128), ST_EINPUT);
    free(b);
}

static void t_simhash(void)
{
    uint64_t a[200], b[200], c[200];
    range_hashes(a, 0, 200);
    range_hashes(b, 0, 200);
    range_hashes(c, 5000, 5200);
    for (int i = 0; i < 200; i += 20) /* a near copy: 5% of the features differ */
        b[i] = st_mix64(b[i]);
    int near = st_simhash_distance(st_simhash(a, NULL, 200), st_simhash(b, NULL, 200));
    int far = st_simhash_distance(st_simhash(a, NULL, 200), st_simhash(c, NULL, 200));
    CHECK(near <= 10);
    CHECK(far >= 20);
    CHECK_INT(st_simhash_distance(0, ~0ULL), 64);
    /* a feature outweighing all others decides every bit; absurd weights
     * (NaN, huge, negative) neither crash nor overflow */
    uint64_t two[3] = {a[0], a[1], a[2]};
    double w[3] = {10.0, 1.0, 1.0}, odd[3] = {NAN, 1e300, -5.0};
    CHECK(st_simhash(two, w, 3) == a[0]);
    CHECK(st_simhash(two, odd, 3) == a[1]);
    CHECK_INT(st_simhash(NULL, NULL, 0), 0);
}

static void t_params(void)
{
    st_dedup_params p = params();
    char err[128] = "";
    CHECK_INT(st_dedup_params_check(&p, err, sizeof err), ST_OK);
    p.bands = 64; /* 64 x 3 > 128 */
    CHECK_INT(st_dedup_params_check(&p, err, sizeof err), ST_EUSAGE);
    CHECK_CONTAINS(err, "bands");
    st_dedup_index *ix;
    CHECK_INT(st_dedup_index_new(&p, &ix, NULL, 0), ST_EUSAGE);
    CHECK(ix == NULL);
}

/* ------------------------------------------------------------ synthetic index */

/* An entry from shingles [lo, hi) plus `extra` shingles from another range,
 * with one sentence per 10 shingles (words = the shingle hashes). */
static st_dedup_entry *synth(uint64_t lo, uint64_t hi, uint64_t extra_lo, uint64_t extra_n)
{
    st_dedup_params p = params();
    static uint64_t h[8192];
    st_dedup_entry *e = NULL;
    st_dedup_entry_new(&p, &e);
    size_t n = range_hashes(h, lo, hi);
    n += range_hashes(h + n, extra_lo, extra_lo + extra_n);
    st_dedup_entry_add_shingles(e, h, n);
    for (size_t i = 0; i + 10 <= n; i += 10)
        st_dedup_entry_add_sentence(e, h + i, 10);
    st_dedup_entry_set_text_hash(e, st_mix64(lo * 31 + hi + extra_lo * 7 + extra_n));
    return e;
}

static void t_lsh_index(void)
{
    st_dedup_params p = params();
    st_dedup_index *ix;
    CHECK_INT(st_dedup_index_new(&p, &ix, NULL, 0), ST_OK);
    st_dedup_pair *pairs;
    size_t n;
    for (int64_t id = 1; id <= 50; id++) { /* unrelated: disjoint ranges */
        uint64_t lo = (uint64_t)id * 10000;
        CHECK_INT(st_dedup_index_add(ix, id, synth(lo, lo + 300, 0, 0), &pairs, &n), ST_OK);
        CHECK_INT(n, 0);
        CHECK(pairs == NULL);
    }
    /* id 7's shingles with 10% replaced: Jaccard 270 / 330 = 0.82 */
    CHECK_INT(st_dedup_index_add(ix, 100, synth(70000, 70270, 900000, 30), &pairs, &n), ST_OK);
    CHECK_INT(n, 1);
    if (n == 1) {
        CHECK_INT(pairs[0].a, 7);
        CHECK_INT(pairs[0].b, 100);
        CHECK_STR(pairs[0].kind, "near");
        CHECK(pairs[0].jaccard > 0.7 && pairs[0].jaccard < 0.95);
    }
    free(pairs);
    CHECK_INT(st_dedup_index_count(ix), 51);
    CHECK(st_dedup_index_bytes(ix) > 51 * 512);
    st_dedup_index_free(ix);
}

/* Jaccard 0.25: no LSH band is likely to collide, but 40% of the sentences are
 * shared, which the sentence fingerprints find. */
static void t_sentence_candidates(void)
{
    st_dedup_params p = params();
    p.rewrite_threshold = 0.4;
    st_dedup_index *ix;
    st_dedup_index_new(&p, &ix, NULL, 0);
    st_dedup_pair *pairs;
    size_t n;
    CHECK_INT(st_dedup_index_add(ix, 1, synth(0, 200, 0, 0), &pairs, &n), ST_OK);
    CHECK_INT(st_dedup_index_add(ix, 2, synth(0, 80, 50000, 120), &pairs, &n), ST_OK);
    CHECK_INT(n, 1);
    if (n == 1) {
        CHECK_STR(pairs[0].kind, "rewrite");
        CHECK(pairs[0].containment > 0.39 && pairs[0].containment < 0.41);
        CHECK(pairs[0].jaccard < 0.5);
    }
    free(pairs);
    /* two shared sentences of twenty (a quote): a candidate, but no pair */
    CHECK_INT(st_dedup_index_add(ix, 3, synth(0, 20, 70000, 180), &pairs, &n), ST_OK);
    CHECK_INT(n, 0);
    st_dedup_containment(st_dedup_index_get(ix, 1), st_dedup_index_get(ix, 3), &p, &n);
    CHECK_INT(n, 2);
    st_dedup_index_free(ix);
}

/* Briefs sharing a 3-sentence footer: rewrites of each other until the footer
 * is in boiler_df (5) articles, then boilerplate that pairs nothing. */
static void t_boilerplate(void)
{
    st_dedup_params p = params();
    st_dedup_index *ix;
    st_dedup_index_new(&p, &ix, NULL, 0);
    for (int64_t id = 1; id <= 8; id++) {
        st_dedup_pair *pairs;
        size_t n;
        uint64_t lo = (uint64_t)id * 1000;
        CHECK_INT(st_dedup_index_add(ix, id, synth(lo, lo + 20, 500000, 30), &pairs, &n), ST_OK);
        CHECK_INT(n, id <= 5 ? id - 1 : 0);
        if (n > 0) {
            CHECK_STR(pairs[0].kind, "rewrite");
            CHECK(pairs[0].containment > 0.59 && pairs[0].containment < 0.61);
        }
        free(pairs);
    }
    st_dedup_index_free(ix);
}

static void t_remove_restore(void)
{
    st_dedup_params p = params();
    st_dedup_index *ix;
    st_dedup_index_new(&p, &ix, NULL, 0);
    st_dedup_pair *pairs;
    size_t n;
    CHECK_INT(st_dedup_index_add(ix, 1, synth(0, 300, 0, 0), NULL, NULL), ST_OK);
    CHECK_INT(st_dedup_index_add(ix, 1, synth(0, 300, 0, 0), NULL, NULL), ST_EDUP);
    CHECK(st_dedup_index_get(ix, 1) != NULL);
    CHECK_INT(st_dedup_index_remove(ix, 1), ST_OK);
    CHECK_INT(st_dedup_index_remove(ix, 1), ST_ENOTFOUND);
    CHECK(st_dedup_index_get(ix, 1) == NULL);
    CHECK_INT(st_dedup_index_count(ix), 0);
    /* a removed entry is no longer a candidate */
    CHECK_INT(st_dedup_index_add(ix, 2, synth(0, 300, 0, 0), &pairs, &n), ST_OK);
    CHECK_INT(n, 0);
    /* restore 1 through a blob, without reporting; then a copy pairs with both */
    st_dedup_entry *e = synth(0, 300, 0, 0), *back = NULL, *bad = NULL;
    unsigned char *blob;
    size_t len;
    CHECK_INT(st_dedup_entry_to_blob(e, &blob, &len), ST_OK);
    CHECK_INT(st_dedup_entry_from_blob(&p, blob, len, &back), ST_OK);
    CHECK_INT(st_dedup_entry_from_blob(&p, blob, len - 4, &bad), ST_EINPUT);
    CHECK(bad == NULL);
    free(blob);
    CHECK(back && st_dedup_entry_nsents(back) == 30);
    CHECK_INT(st_dedup_index_add(ix, 1, back, NULL, NULL), ST_OK);
    CHECK_INT(st_dedup_index_add(ix, 3, synth(0, 300, 0, 0), &pairs, &n), ST_OK);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_INT(pairs[0].a, 1);
        CHECK_INT(pairs[1].a, 2);
        CHECK_STR(pairs[0].kind, "exact");
        CHECK_INT(pairs[0].simhash_distance, 0);
    }
    free(pairs);
    st_dedup_entry_free(e);
    st_dedup_index_free(ix);
}

/* Many adds and removes in one bucket: the table must rehash and reuse nodes
 * without losing or inventing candidates. */
static void t_churn(void)
{
    st_dedup_params p = params();
    st_dedup_index *ix;
    st_dedup_index_new(&p, &ix, NULL, 0);
    for (int64_t id = 0; id < 2000; id++) {
        uint64_t lo = (uint64_t)id * 1000;
        CHECK_INT(st_dedup_index_add(ix, id, synth(lo, lo + 50, 0, 0), NULL, NULL), ST_OK);
    }
    for (int64_t id = 0; id < 2000; id += 2)
        CHECK_INT(st_dedup_index_remove(ix, id), ST_OK);
    CHECK_INT(st_dedup_index_count(ix), 1000);
    st_dedup_pair *pairs;
    size_t n;
    CHECK_INT(st_dedup_index_add(ix, 5000, synth(4000, 4050, 0, 0), &pairs, &n), ST_OK);
    CHECK_INT(n, 0); /* id 4 was removed */
    CHECK_INT(st_dedup_index_add(ix, 5001, synth(5000, 5050, 0, 0), &pairs, &n), ST_OK);
    CHECK_INT(n, 1);
    if (n == 1)
        CHECK_INT(pairs[0].a, 5);
    free(pairs);
    st_dedup_index_free(ix);
}

/* ------------------------------------------------------------ documents */

/* A doc over a malloc'd text (taken), with sentences from the splitter and no
 * terms: the dedup stage needs nothing else. */
static st_doc *make_doc(char *text)
{
    st_doc *d = calloc(1, sizeof *d);
    strcpy(d->lang, "id");
    d->text = text;
    d->len = strlen(text);
    st_sentences(text, d->len, d->lang, &d->sents, &d->nsents);
    return d;
}

static void drop_doc(st_doc *d)
{
    if (!d)
        return;
    free(d->text);
    free(d->sents);
    free(d);
}

/* The analyser, when the text stage can load its data: entries then use its
 * stopwords and terms, as in the pipeline. NULL means the bare splitter. */
static st_text *g_text;

static st_dedup_entry *entry_of(const char *text)
{
    st_dedup_params p = params();
    st_dedup_entry *e = NULL;
    if (g_text) {
        st_doc *d = NULL;
        CHECK_INT(st_doc_analyse(g_text, NULL, text, NULL, &d), ST_OK);
        if (d)
            CHECK_INT(st_dedup_entry_from_doc(d, g_text, &p, &e), ST_OK);
        st_doc_free(d);
        return e;
    }
    st_doc *d = make_doc(st_strdup(text));
    CHECK_INT(st_dedup_entry_from_doc(d, NULL, &p, &e), ST_OK);
    drop_doc(d);
    return e;
}

static void t_doc_exact_case(void)
{
    const char *a = "The minister met the envoy in Cairo on Monday. Talks will resume next week, "
                    "officials said. Both sides called the meeting constructive and useful.";
    const char *b = "THE MINISTER met the envoy in Cairo on Monday!  Talks will resume next "
                    "week -- officials said. Both sides called the meeting constructive and useful";
    st_dedup_entry *x = entry_of(a), *y = entry_of(b), *z = entry_of("");
    CHECK(st_dedup_entry_text_hash(x) != 0);
    CHECK(st_dedup_entry_text_hash(x) == st_dedup_entry_text_hash(y));
    CHECK_INT(st_dedup_entry_text_hash(z), 0);
    st_dedup_params p = params();
    st_dedup_pair pr;
    CHECK_INT(st_dedup_compare(x, y, &p, 1, 2, &pr), 1);
    CHECK_STR(pr.kind, "exact");
    CHECK_INT(st_dedup_compare(x, z, &p, 1, 3, &pr), 0);
    st_dedup_entry_free(x);
    st_dedup_entry_free(y);
    st_dedup_entry_free(z);
}

/* --- mutations of a seed text, made at run time (no seed text in the repo) */

static const char *const REPL[] = {"zorbel", "quintax", "mervolin", "pradika", "solvent"};

/* Appends sentence s[0..n) to b, replacing word tokens number r1, r2, r3
 * (-1: none) and swapping words sw and sw + 1 (-1: none). */
static void put_sentence(st_buf *b, const char *s, size_t n, int r1, int r2, int r3, int sw)
{
    st_tokiter it;
    st_token t[512];
    int nt = 0;
    st_tokiter_init(&it, s, n);
    while (nt < 512 && st_tokiter_next(&it, &t[nt]))
        nt++;
    size_t pos = 0;
    for (int w = 0; w < nt; w++) {
        st_buf_append(b, s + pos, t[w].off - pos);
        const st_token *src = &t[w];
        if (sw >= 0 && sw + 1 < nt && (w == sw || w == sw + 1))
            src = &t[w == sw ? sw + 1 : sw];
        if (w == r1 || w == r2 || w == r3)
            st_buf_puts(b, REPL[w % 5]);
        else
            st_buf_append(b, s + src->off, src->len);
        pos = t[w].off + t[w].len;
    }
    st_buf_append(b, s + pos, n - pos);
    st_buf_puts(b, "\n");
}

typedef struct sents {
    char *text;
    st_span *sp;
    size_t n;
} sents;

static sents split(char *text)
{
    sents s = {text, NULL, 0};
    st_sentences(text, strlen(text), "id", &s.sp, &s.n);
    return s;
}

/* Every 10th sentence with two words changed. */
static char *reword_tenth(const char *text)
{
    sents s = split(st_strdup(text));
    st_buf b = {0};
    for (size_t i = 0; i < s.n; i++)
        put_sentence(&b, s.text + s.sp[i].off, s.sp[i].len, i % 10 == 3 ? 1 : -1,
                     i % 10 == 3 ? 4 : -1, -1, -1);
    free(s.sp);
    free(s.text);
    return st_buf_take(&b);
}

/* Every second sentence paraphrased (two words replaced, two swapped), and
 * the sentences in another order (a fixed stride permutation). */
static char *rewrite_shuffle(const char *text)
{
    sents s = split(st_strdup(text));
    st_buf b = {0};
    size_t stride = 7;
    while (s.n > 1 && s.n % stride == 0)
        stride++;
    for (size_t k = 0; k < s.n; k++) {
        size_t i = (k * stride + 3) % s.n;
        int para = i % 2 == 0;
        put_sentence(&b, s.text + s.sp[i].off, s.sp[i].len, para ? 2 : -1, para ? 6 : -1,
                     -1, para ? 4 : -1);
    }
    free(s.sp);
    free(s.text);
    return st_buf_take(&b);
}

/* The seed files in name order; returns how many were read (at most 8). */
static size_t read_seeds(char *texts[8])
{
    DIR *dir = opendir(TH_SEEDS);
    char *names[64];
    size_t nn = 0, n = 0;
    struct dirent *de;
    if (!dir)
        return 0;
    while ((de = readdir(dir)) && nn < 64)
        if (strstr(de->d_name, ".txt"))
            names[nn++] = st_strdup(de->d_name);
    closedir(dir);
    for (size_t i = 0; i < nn; i++) /* insertion sort: a handful of names */
        for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    for (size_t i = 0; i < nn; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", TH_SEEDS, names[i]);
        if (n < 8 && (texts[n] = th_read_file(path, NULL)))
            n++;
        free(names[i]);
    }
    return n;
}

/* Adds text under id; returns the pairs (caller frees) and their count. */
static size_t add_text(st_dedup_index *ix, int64_t id, const char *text, st_dedup_pair **pairs)
{
    size_t n = 0;
    CHECK_INT(st_dedup_index_add(ix, id, entry_of(text), pairs, &n), ST_OK);
    return n;
}

static void expect_one(st_dedup_index *ix, int64_t id, const char *text, int64_t a,
                       const char *kind)
{
    st_dedup_pair *pairs = NULL;
    size_t n = add_text(ix, id, text, &pairs);
    CHECK_INT(n, 1);
    if (n == 1) {
        CHECK_INT(pairs[0].a, a);
        CHECK_STR(pairs[0].kind, kind);
        if (strcmp(kind, "rewrite") != 0)
            CHECK(pairs[0].simhash_distance <= 10);
    }
    for (size_t i = 0; i < n; i++)
        printf("#   %lld~%lld %s jaccard %.2f containment %.2f simhash %d\n",
               (long long)pairs[i].a, (long long)pairs[i].b, pairs[i].kind, pairs[i].jaccard,
               pairs[i].containment, pairs[i].simhash_distance);
    free(pairs);
}

static void seeds_run(void)
{
    if (!th_have_seeds()) {
        printf("# no seeds: skipped\n");
        return;
    }
    char *texts[8];
    size_t ns = read_seeds(texts);
    CHECK(ns >= 5);
    st_dedup_params p = params();
    st_dedup_index *ix;
    st_dedup_index_new(&p, &ix, NULL, 0);
    for (size_t i = 0; i < ns; i++) { /* distinct articles: never paired */
        st_dedup_pair *pairs;
        CHECK_INT(add_text(ix, (int64_t)i + 1, texts[i], &pairs), 0);
        free(pairs);
    }
    int closest = 64;
    for (size_t i = 0; i < ns; i++)
        for (size_t j = i + 1; j < ns; j++) {
            const st_dedup_entry *x = st_dedup_index_get(ix, (int64_t)i + 1),
                                 *y = st_dedup_index_get(ix, (int64_t)j + 1);
            int dist = st_simhash_distance(st_dedup_entry_simhash(x), st_dedup_entry_simhash(y));
            closest = dist < closest ? dist : closest;
        }
    printf("# closest simhash distance between two seeds: %d\n", closest);
    CHECK(closest >= 12);
    for (size_t i = 0; i < ns; i++) {
        char *near = reword_tenth(texts[i]), *re = rewrite_shuffle(texts[i]);
        CHECK(strcmp(near, texts[i]) != 0 && strcmp(re, texts[i]) != 0);
        int64_t base = 100 * ((int64_t)i + 1);
        expect_one(ix, base + 1, near, (int64_t)i + 1, "near");
        st_dedup_index_remove(ix, base + 1); /* so the next copy pairs only with its seed */
        expect_one(ix, base + 2, re, (int64_t)i + 1, "rewrite");
        st_dedup_index_remove(ix, base + 2);
        expect_one(ix, base + 3, texts[i], (int64_t)i + 1, "exact");
        st_dedup_index_remove(ix, base + 3);
        free(near);
        free(re);
    }
    printf("# %zu seeds: %zu bytes in the index, %zu per article\n", ns,
           st_dedup_index_bytes(ix), st_dedup_index_bytes(ix) / ns);
    st_dedup_index_free(ix);
    for (size_t i = 0; i < ns; i++)
        free(texts[i]);
}

/* The seeds through the bare splitter, then through the full analyser. */
static void t_seeds(void)
{
    seeds_run();
    char err[256] = "";
    if (st_text_new(NULL, &g_text, err, sizeof err) != ST_OK) {
        printf("# no text data (%s): analysed run skipped\n", err);
        return;
    }
    seeds_run();
    st_text_free(g_text);
    g_text = NULL;
}

/* A story syndicated verbatim to six outlets, then rewritten: its unchanged
 * sentences are boilerplate by then, and the paraphrased half alone must
 * still make the rewrite. */
static void t_syndicated(void)
{
    char *texts[8];
    size_t ns = th_have_seeds() ? read_seeds(texts) : 0;
    if (ns == 0) {
        printf("# no seeds: skipped\n");
        return;
    }
    st_dedup_params p = params();
    st_dedup_index *ix;
    st_dedup_index_new(&p, &ix, NULL, 0);
    st_dedup_pair *pairs;
    for (int64_t id = 1; id <= 6; id++) {
        CHECK_INT(add_text(ix, id, texts[0], &pairs), (size_t)id - 1);
        free(pairs);
    }
    char *re = rewrite_shuffle(texts[0]);
    size_t n = add_text(ix, 7, re, &pairs);
    CHECK_INT(n, 6);
    for (size_t i = 0; i < n; i++) {
        CHECK_STR(pairs[i].kind, "rewrite");
        CHECK(pairs[i].containment >= 0.5);
    }
    free(pairs);
    free(re);
    st_dedup_index_free(ix);
    for (size_t i = 0; i < ns; i++)
        free(texts[i]);
}

int main(void)
{
    RUN(t_minhash_estimate);
    RUN(t_minhash_blob);
    RUN(t_simhash);
    RUN(t_params);
    RUN(t_lsh_index);
    RUN(t_sentence_candidates);
    RUN(t_boilerplate);
    RUN(t_remove_restore);
    RUN(t_churn);
    RUN(t_doc_exact_case);
    RUN(t_seeds);
    RUN(t_syndicated);
    TEST_MAIN_END;
}
