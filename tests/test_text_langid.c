/* test_text_langid.c — the fast language classifier against libexttextcat
 * itself: on every article of the gold dev split, the example corpus and the
 * seeds, and on made-up texts full of edge cases, textcat_ClassifyFull and
 * st_langfp_classify must give the same candidates with the same scores. */
#include <dirent.h>
#include <jansson.h>
#include <textcat.h>
#include <zlib.h>

#include "harness.h"
#include "text/langid_int.h"
#include "text/text.h"
#include "util/util.h"

#define TC_DIR "/usr/share/libexttextcat/"
#define GOLD_DEV "../shared/gold/dev.jsonl"
#define CUT 2048 /* langid.c's ST_LANG_MAX_BYTES */

typedef struct ref {
    void *tc;
    candidate_t *cand;
    st_langfp *fp;
    int texts, same_best, same_all;
} ref;

static int ref_open(ref *r)
{
    memset(r, 0, sizeof *r);
    r->tc = special_textcat_Init(TC_DIR "fpdb.conf", TC_DIR);
    CHECK(r->tc != NULL);
    if (!r->tc)
        return -1;
    r->cand = textcat_GetClassifyFullOutput(r->tc);
    char err[256] = "";
    int rc = st_langfp_load(TC_DIR "fpdb.conf", TC_DIR, &r->fp, err, sizeof err);
    if (rc != ST_OK)
        fprintf(stderr, "  st_langfp_load: %s\n", err);
    CHECK_INT(rc, ST_OK);
    return rc == ST_OK ? 0 : -1;
}

static void ref_close(ref *r)
{
    if (r->tc) {
        textcat_ReleaseClassifyFullOutput(r->tc, r->cand);
        textcat_Done(r->tc);
    }
    st_langfp_free(r->fp);
}

/* langid.c's cut: at most CUT bytes, not inside a UTF-8 sequence. */
static size_t cut_of(const char *s, size_t n)
{
    if (n <= CUT)
        return n;
    size_t m = CUT;
    while (m > 0 && ((unsigned char)s[m] & 0xC0) == 0x80)
        m--;
    return m;
}

/* s is NUL-terminated at len (textcat reads to the NUL). Compares the
 * classifications of s cut at n; 1 when they are identical. */
static int compare_at(ref *r, const char *s, size_t len, size_t n, const char *what)
{
    int k = textcat_ClassifyFull(r->tc, s, n, r->cand);
    st_lf_cand c[ST_LF_MAXCAND];
    int j = st_langfp_classify(r->fp, s, n, len, c);
    r->texts++;
    int same = j == k;
    for (int i = 0; same && i < k; i++)
        same = c[i].score == r->cand[i].score &&
               strcmp(r->fp->names[c[i].lang], r->cand[i].name) == 0;
    int best = (j <= 0 && k <= 0 && j == k) ||
               (j > 0 && k > 0 && strcmp(r->fp->names[c[0].lang], r->cand[0].name) == 0);
    r->same_all += same;
    r->same_best += best;
    if (!same) {
        fprintf(stderr, "  %s: textcat %d [%s %d], fast %d [%s %d]\n", what, k,
                k > 0 ? r->cand[0].name : "-", k > 0 ? r->cand[0].score : 0, j,
                j > 0 ? r->fp->names[c[0].lang] : "-", j > 0 ? c[0].score : 0);
    }
    return same;
}

static int compare(ref *r, const char *s, size_t len, const char *what)
{
    return compare_at(r, s, len, cut_of(s, len), what);
}

/* ------------------------------------------------------------ corpora */

static char *read_gz(const char *path, size_t *len)
{
    gzFile f = gzopen(path, "rb");
    if (!f)
        return NULL;
    st_buf b = {0};
    char chunk[65536];
    int k;
    while ((k = gzread(f, chunk, sizeof chunk)) > 0)
        st_buf_append(&b, chunk, (size_t)k);
    gzclose(f);
    *len = b.len;
    return st_buf_take(&b);
}

/* Compares the maintext of each line, and title + "\n\n" + maintext as
 * st_doc_analyse builds it; returns the number of articles. */
static int compare_jsonl(ref *r, const char *path)
{
    size_t len = 0;
    char *data = strstr(path, ".gz") ? read_gz(path, &len) : th_read_file(path, &len);
    CHECK(data != NULL);
    if (!data)
        return 0;
    int n = 0;
    for (char *line = data, *nl; line && *line; line = nl ? nl + 1 : NULL) {
        nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        json_t *j = json_loads(line, 0, NULL);
        const char *body = json_string_value(json_object_get(j, "maintext"));
        const char *title = json_string_value(json_object_get(j, "title"));
        if (body) {
            compare(r, body, strlen(body), path);
            st_buf b = {0};
            st_buf_puts(&b, title ? title : "");
            st_buf_puts(&b, "\n\n");
            st_buf_puts(&b, body);
            compare(r, st_buf_cstr(&b), b.len, path);
            st_buf_free(&b);
            n++;
        }
        json_decref(j);
    }
    free(data);
    return n;
}

static int compare_dir(ref *r, const char *dir, const char *ext)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t l = strlen(de->d_name), e = strlen(ext);
        if (l < e || strcmp(de->d_name + l - e, ext) != 0)
            continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        if (strstr(ext, "jsonl")) {
            n += compare_jsonl(r, path);
            continue;
        }
        size_t len = 0;
        char *s = th_read_file(path, &len);
        if (s) {
            compare(r, s, len, path);
            n++;
        }
        free(s);
    }
    closedir(d);
    return n;
}

static void report(const ref *r, const char *what)
{
    fprintf(stderr, "  %s: %d texts, best language agrees on %d (%.2f%%), all candidates "
                    "and scores on %d\n",
            what, r->texts, r->same_best, r->texts ? 100.0 * r->same_best / r->texts : 0.0,
            r->same_all);
}

static void t_gold_dev(void)
{
    ref r;
    if (ref_open(&r) == 0) {
        int n = compare_jsonl(&r, GOLD_DEV);
        CHECK(n >= 150);
        report(&r, "gold dev");
        CHECK(r.same_best * 100 >= r.texts * 99);
        CHECK_INT(r.same_all, r.texts);
    }
    ref_close(&r);
}

static void t_examples_and_seeds(void)
{
    ref r;
    if (ref_open(&r) == 0) {
        int n = compare_dir(&r, "examples/corpus/jsonl", ".jsonl") +
                compare_dir(&r, "examples/corpus/jsonl", ".jsonl.gz") +
                compare_dir(&r, "examples/corpus/text", ".txt");
        CHECK(n >= 20);
        if (th_have_seeds())
            CHECK_INT(compare_dir(&r, TH_SEEDS, ".txt"), 5);
        report(&r, "examples and seeds");
        CHECK(r.same_best * 100 >= r.texts * 99);
        CHECK_INT(r.same_all, r.texts);
    }
    ref_close(&r);
}

/* ------------------------------------------------------------ edge cases */

static void t_edges(void)
{
    static const char *const cases[] = {
        "", " ", "   \t\n ", "7", "2024 12 31", "_", "__", "a", "ab", "abc", "abcd",
        "abcde", "abcdef", "a b", " a", "a ", "a_b", "snake_case_words here",
        "x__y", "\xc3\xa9t\xc3\xa9", "na\xc3\xafve caf\xc3\xa9 ", "\xe4\xb8\xad\xe6\x96\x87",
        "\xf0\x9f\x98\x80 emoji \xf0\x9f\x98\x80", "bad \xc3 utf8 \xe0_ \xff\xfe end \xe0",
        "trailing lead \xf0", "\x80\x80 continuation", "tab\tand\vvertical\fform\rfeed",
    };
    ref r;
    if (ref_open(&r) == 0) {
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
            size_t len = strlen(cases[i]);
            for (size_t n = 0; n <= len; n++) /* every cut, incl. inside characters */
                compare_at(&r, cases[i], len, n, cases[i]);
        }
        CHECK_INT(r.same_all, r.texts);
        st_lf_cand c[ST_LF_MAXCAND];
        CHECK_INT(st_langfp_classify(r.fp, "abc", 0, 3, c), ST_LF_SHORT);
    }
    ref_close(&r);
}

/* Random texts over pieces chosen to hit every branch: separators, digits,
 * literal '_', broken UTF-8, repeated words (ties), long runs past the cut. */
static void t_random(void)
{
    static const char *const pieces[] = {
        " ", "  ", "\n\n", "7", "1999", "_", "a", "e", "the ", "and ", "tion", "ng",
        "\xc3\xa9", "\xc3", "\xe0", "\xe4\xb8\xad", "\xf0\x9f\x98\x80", "\x80", "\xff",
        "yang ", "dan ", "der ", "\xd0\xbf\xd1\x80", " \t ", "q", "zz",
    };
    const size_t np = sizeof pieces / sizeof pieces[0];
    ref r;
    if (ref_open(&r) == 0) {
        uint64_t x = 88172645463325252ull;
        for (int t = 0; t < 300; t++) {
            st_buf b = {0};
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            size_t want = (size_t)(x % (t % 10 == 0 ? 9000 : 600));
            while (b.len < want) {
                x ^= x << 13, x ^= x >> 7, x ^= x << 17;
                st_buf_puts(&b, pieces[x % np]);
            }
            const char *s = st_buf_cstr(&b);
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            size_t n = b.len > CUT ? CUT - (size_t)(x % 8) : b.len - (b.len ? x % 3 % b.len : 0);
            compare_at(&r, s, b.len, n, "random");
            st_buf_free(&b);
        }
        CHECK_INT(r.same_all, r.texts);
    }
    ref_close(&r);
}

/* Dropping the caches changes nothing. */
static void t_flush(void)
{
    ref r;
    if (ref_open(&r) == 0) {
        size_t len = 0;
        char *s = th_read_file(GOLD_DEV, &len);
        CHECK(s != NULL);
        if (s) {
            size_t n = cut_of(s, len);
            st_lf_cand a[ST_LF_MAXCAND], b[ST_LF_MAXCAND];
            int ka = st_langfp_classify(r.fp, s, n, len, a);
            CHECK(r.fp->nwords > 0);
            st_langfp_flush(r.fp);
            CHECK_INT(r.fp->nwords, 0);
            CHECK_INT(r.fp->ngrams, r.fp->nfixed);
            int kb = st_langfp_classify(r.fp, s, n, len, b);
            CHECK_INT(ka, kb);
            CHECK(ka > 0);
            CHECK(ka <= 0 || (a[0].score == b[0].score && a[0].lang == b[0].lang));
            compare_at(&r, s, len, n, "after flush");
            CHECK_INT(r.same_all, r.texts);
        }
        free(s);
    }
    ref_close(&r);
}

/* st_lang_detect: the seeds stay id/en with full confidence. */
static void t_detect_seeds(void)
{
    if (!th_have_seeds())
        return;
    st_text *t = NULL;
    char err[256] = "";
    CHECK_INT(st_text_new(NULL, &t, err, sizeof err), ST_OK);
    DIR *d = t ? opendir(TH_SEEDS) : NULL;
    struct dirent *de;
    int seen = 0;
    while (d && (de = readdir(d)) != NULL) {
        if (!strstr(de->d_name, ".txt"))
            continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", TH_SEEDS, de->d_name);
        size_t n = 0;
        char *s = th_read_file(path, &n);
        char lang[8];
        double conf = 0;
        CHECK_INT(st_lang_detect(t, s, n, lang, &conf), ST_OK);
        CHECK_STR(lang, strncmp(de->d_name, "000_", 4) == 0 ? "id" : "en");
        CHECK(conf >= 0.9);
        seen++;
        free(s);
    }
    if (d)
        closedir(d);
    CHECK_INT(seen, 5);
    st_text_free(t);
}

int main(void)
{
    RUN(t_gold_dev);
    RUN(t_examples_and_seeds);
    RUN(t_edges);
    RUN(t_random);
    RUN(t_flush);
    RUN(t_detect_seeds);
    TEST_MAIN_END;
}
