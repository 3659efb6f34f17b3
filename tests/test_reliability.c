/* test_reliability.c — pathological inputs finish in bounded time with a
 * sane result: 100k-deep HTML nesting, a million quote characters, a 100 MB
 * JSON Lines line, and text holding every Unicode code point. The bounds
 * (BOUND_S under ASan) are generous: they catch hangs and quadratic
 * blow-ups, not slowness; speed is measured in bench/. */
#include <time.h>

#include "events/events.h"
#include "extract/extract.h"
#include "harness.h"
#include "text/concepts.h"
#include "text/text.h"
#include "util/util.h"

#define BOUND_S 20.0

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

#define CHECK_FAST(t0, what)                                                          \
    do {                                                                              \
        double s_ = now_s() - (t0);                                                   \
        if (s_ > BOUND_S) {                                                           \
            fprintf(stderr, "  %s:%d: %s took %.1f s (bound %.0f s)\n", __FILE__,       \
                    __LINE__, what, s_, BOUND_S);                                     \
            th_failed_checks++;                                                       \
        }                                                                             \
    } while (0)

/* What one ingest produced: the articles kept, and the problems reported. */
typedef struct got {
    st_article *a[8];
    size_t n;
    st_buf diags;
} got;

static int keep(st_article *a, void *ud)
{
    got *g = ud;
    if (g->n < 8)
        g->a[g->n++] = a;
    else
        st_article_free(a);
    return 0;
}

static void note(const char *where, int severity, const char *msg, void *ud)
{
    got *g = ud;
    st_buf_printf(&g->diags, "%s|%d|%s\n", where, severity, msg);
}

static void got_free(got *g)
{
    for (size_t i = 0; i < g->n; i++)
        st_article_free(g->a[i]);
    st_buf_free(&g->diags);
    memset(g, 0, sizeof *g);
}

static int ingest(const char *name, st_format f, const char *s, size_t n, got *g,
                  size_t *errors)
{
    st_ingest_opts o = {.format = f, .on_diag = note, .ud = g};
    *errors = 0;
    return st_ingest_buffer(name, s, n, &o, keep, g, errors);
}

/* ------------------------------------------------------------ deep nesting */

static void t_html_deep_nesting(void)
{
    enum { DEPTH = 100000 };
    st_buf b = {0};
    st_buf_puts(&b, "<html><head><title>Deep page</title></head><body>");
    for (int i = 0; i < DEPTH; i++)
        st_buf_puts(&b, i % 2 ? "<div>" : "<span>");
    st_buf_puts(&b, "<p>The innermost paragraph holds the story text.</p>");
    for (int i = DEPTH - 1; i >= 0; i--)
        st_buf_puts(&b, i % 2 ? "</div>" : "</span>");
    st_buf_puts(&b, "<p>A paragraph after the nest is still read.</p></body></html>");
    CHECK(!b.oom);
    got g = {0};
    size_t errors = 0;
    double t0 = now_s();
    int rc = ingest("deep.html", ST_FORMAT_HTML, b.s, b.len, &g, &errors);
    CHECK_FAST(t0, "100k-deep HTML");
    CHECK_INT(rc, ST_OK);
    /* Either the page is read (some text survives) or it is refused with a
     * reason; never silence. */
    CHECK(g.n + errors == 1);
    if (g.n == 1)
        CHECK(strlen(g.a[0]->body) > 0);
    else
        CHECK(g.diags.len > 0);
    got_free(&g);
    st_buf_free(&b);
}

static void t_feed_deep_nesting(void)
{
    enum { DEPTH = 100000 };
    st_buf b = {0};
    st_buf_puts(&b, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item>"
                    "<title>Nested</title><description>");
    for (int i = 0; i < DEPTH; i++)
        st_buf_puts(&b, "<x>");
    for (int i = 0; i < DEPTH; i++)
        st_buf_puts(&b, "</x>");
    st_buf_puts(&b, "</description></item></channel></rss>");
    got g = {0};
    size_t errors = 0;
    double t0 = now_s();
    int rc = ingest("deep.xml", ST_FORMAT_FEED, b.s, b.len, &g, &errors);
    CHECK_FAST(t0, "100k-deep feed");
    CHECK(rc == ST_OK);
    CHECK(g.n <= 1);
    CHECK(g.n == 1 || errors >= 1); /* refused with a count, never silently */
    got_free(&g);
    st_buf_free(&b);
}

static void t_jsonl_deep_nesting(void)
{
    enum { DEPTH = 100000 };
    st_buf b = {0};
    st_buf_puts(&b, "{\"id\":\"deep\",\"maintext\":\"text\",\"extra\":");
    for (int i = 0; i < DEPTH; i++)
        st_buf_putc(&b, '[');
    for (int i = 0; i < DEPTH; i++)
        st_buf_putc(&b, ']');
    st_buf_puts(&b, "}\n{\"id\":\"next\",\"maintext\":\"The next record is kept.\"}\n");
    got g = {0};
    size_t errors = 0;
    double t0 = now_s();
    CHECK_INT(ingest("deep.jsonl", ST_FORMAT_JSONL, b.s, b.len, &g, &errors), ST_OK);
    CHECK_FAST(t0, "100k-deep JSON");
    /* jansson refuses nesting past its depth limit: that line is an error,
     * the next one is still read. */
    CHECK(g.n >= 1);
    CHECK_STR(g.n ? g.a[g.n - 1]->ext_id : NULL, "next");
    CHECK_INT(g.n + errors, 2);
    got_free(&g);
    st_buf_free(&b);
}

/* ------------------------------------------------------------ a million quotes */

static void t_million_quotes(void)
{
    enum { N = 1000000 };
    st_buf b = {0};
    st_buf_puts(&b, "Quotes everywhere, officials said.\n\n");
    for (int i = 0; i < N; i++)
        st_buf_putc(&b, '"');
    st_buf_puts(&b, " \"We will not stop,\" the minister said.");
    CHECK(!b.oom);
    got g = {0};
    size_t errors = 0;
    st_ingest_opts o = {.format = ST_FORMAT_TEXT, .max_article_bytes = 2 * N,
                        .on_diag = note, .ud = &g};
    double t0 = now_s();
    CHECK_INT(st_ingest_buffer("quotes.txt", b.s, b.len, &o, keep, &g, &errors), ST_OK);
    CHECK_INT(g.n, 1);
    st_text *text = NULL;
    st_extract *ex = NULL;
    st_cameo *cameo = NULL;
    CHECK_INT(st_text_new(NULL, &text, NULL, 0), ST_OK);
    CHECK_INT(st_extract_load(NULL, &ex, NULL, 0), ST_OK);
    CHECK_INT(st_cameo_load_default(NULL, &cameo, NULL, 0), ST_OK);
    st_doc *d = NULL;
    if (g.n == 1 && text)
        CHECK_INT(st_doc_analyse(text, g.a[0]->title, g.a[0]->body, "en", &d), ST_OK);
    if (d && ex) {
        st_ex_input in = {d->text, d->len, d->title_len, d->lang, NULL, d->sents, d->nsents};
        st_ex_result *r = NULL;
        CHECK_INT(st_extract_run(ex, &in, &r), ST_OK);
        /* The real quote at the end is still found, whatever came before. */
        int found = 0;
        for (size_t i = 0; r && i < r->nquotes; i++)
            found |= r->quotes[i].text && strstr(r->quotes[i].text, "We will not stop") != NULL;
        CHECK(found);
        st_ex_result_free(r);
    }
    if (d && cameo) {
        st_cameo_events ev = {0};
        for (size_t i = 0; i < d->nsents; i++)
            CHECK_INT(st_cameo_code_sentence(cameo, d->text + d->sents[i].off, d->sents[i].len,
                                             20240101, &ev),
                      ST_OK);
        st_cameo_events_free(&ev);
    }
    CHECK_FAST(t0, "a million quotes through ingest, text, extract, events");
    st_doc_free(d);
    st_cameo_free(cameo);
    st_extract_free(ex);
    st_text_free(text);
    got_free(&g);
    st_buf_free(&b);
}

/* ------------------------------------------------------------ a 100 MB line */

static void t_jsonl_100mb_line(void)
{
    size_t big = 100u * 1024u * 1024u;
    const char *head = "{\"id\":\"huge\",\"maintext\":\"";
    const char *tail = "\"}\n{\"id\":\"after\",\"maintext\":\"The record after the long line.\"}\n";
    size_t n = strlen(head) + big + strlen(tail);
    char *s = malloc(n);
    CHECK(s != NULL);
    if (!s)
        return;
    memcpy(s, head, strlen(head));
    memset(s + strlen(head), 'a', big);
    memcpy(s + strlen(head) + big, tail, strlen(tail));
    got g = {0};
    size_t errors = 0;
    double t0 = now_s();
    CHECK_INT(ingest("big.jsonl", ST_FORMAT_JSONL, s, n, &g, &errors), ST_OK);
    CHECK_FAST(t0, "a 100 MB JSON Lines line");
    /* Rejected as over ST_MAX_LINE_BYTES (not parsed), named in the report,
     * and the next record is kept. */
    CHECK_INT(errors, 1);
    CHECK_INT(g.n, 1);
    CHECK_STR(g.n ? g.a[0]->ext_id : NULL, "after");
    CHECK_CONTAINS(g.diags.s, "exceeds limit");
    CHECK_CONTAINS(g.diags.s, "big.jsonl:1");
    got_free(&g);
    /* A 100 MB plain text file is over the article limit: one error. */
    memset(s, 'b', n);
    t0 = now_s();
    CHECK_INT(ingest("big.txt", ST_FORMAT_TEXT, s, n, &g, &errors), ST_OK);
    CHECK_FAST(t0, "a 100 MB text line");
    CHECK_INT(g.n, 0);
    CHECK_INT(errors, 1);
    got_free(&g);
    free(s);
}

/* ------------------------------------------------------------ every code point */

/* Every Unicode scalar value from U+0001, in order, with a space after each
 * 64 so there are words and sentences to find. */
static char *all_code_points(size_t *len)
{
    st_buf b = {0};
    int k = 0;
    for (uint32_t c = 1; c <= 0x10FFFF; c++) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        char u[4];
        size_t n;
        if (c < 0x80) {
            u[0] = (char)c;
            n = 1;
        } else if (c < 0x800) {
            u[0] = (char)(0xC0 | c >> 6);
            u[1] = (char)(0x80 | (c & 0x3F));
            n = 2;
        } else if (c < 0x10000) {
            u[0] = (char)(0xE0 | c >> 12);
            u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
            u[2] = (char)(0x80 | (c & 0x3F));
            n = 3;
        } else {
            u[0] = (char)(0xF0 | c >> 18);
            u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
            u[2] = (char)(0x80 | ((c >> 6) & 0x3F));
            u[3] = (char)(0x80 | (c & 0x3F));
            n = 4;
        }
        st_buf_append(&b, u, n);
        if (++k % 64 == 0)
            st_buf_puts(&b, ". ");
    }
    *len = b.len;
    return st_buf_take(&b);
}

static int count_hit(const st_concept_hit *h, void *ud)
{
    (void)h;
    (*(size_t *)ud)++;
    return 0;
}

static void t_all_unicode(void)
{
    size_t n = 0;
    char *s = all_code_points(&n);
    CHECK(s != NULL && st_utf8_valid(s, n));
    if (!s)
        return;
    double t0 = now_s();
    st_tokiter it;
    st_token tok;
    size_t ntok = 0, last_end = 0;
    st_tokiter_init(&it, s, n);
    while (st_tokiter_next(&it, &tok)) {
        char folded[64];
        st_token_fold(s, &tok, folded, sizeof folded);
        CHECK(tok.off + tok.len <= n);
        last_end = tok.off + tok.len;
        ntok++;
    }
    CHECK(ntok > 1000);
    CHECK(last_end > n / 2); /* the scan reached the supplementary planes */
    st_span *sp = NULL;
    size_t ns = 0;
    CHECK_INT(st_sentences(s, n, NULL, &sp, &ns), ST_OK);
    CHECK(ns > 1000);
    free(sp);
    CHECK_FAST(t0, "tokens and sentences of every code point");

    /* The whole pipeline of analysis on it, as one article body. */
    t0 = now_s();
    got g = {0};
    size_t errors = 0;
    st_ingest_opts o = {.format = ST_FORMAT_TEXT, .max_article_bytes = n + 1024,
                        .on_diag = note, .ud = &g};
    CHECK_INT(st_ingest_buffer("unicode.txt", s, n, &o, keep, &g, &errors), ST_OK);
    CHECK_INT(g.n, 1);
    st_text *text = NULL;
    st_concepts *cs = NULL;
    st_extract *ex = NULL;
    CHECK_INT(st_text_new(NULL, &text, NULL, 0), ST_OK);
    CHECK_INT(st_concepts_load(NULL, &cs, NULL, 0), ST_OK);
    CHECK_INT(st_extract_load(NULL, &ex, NULL, 0), ST_OK);
    st_doc *d = NULL;
    if (g.n == 1 && text) {
        CHECK_INT(st_doc_analyse(text, g.a[0]->title, g.a[0]->body, NULL, &d), ST_OK);
        CHECK(d && d->nterms > 100);
    }
    if (d && cs) {
        size_t hits = 0;
        CHECK_INT(st_concepts_scan(cs, d->text, d->len, ST_SCAN_NAMES, count_hit, &hits), ST_OK);
    }
    if (d && ex) {
        st_ex_input in = {d->text, d->len, d->title_len, "en", "2024-01-01", d->sents, d->nsents};
        st_ex_result *r = NULL;
        CHECK_INT(st_extract_run(ex, &in, &r), ST_OK);
        st_ex_result_free(r);
    }
    CHECK_FAST(t0, "ingest, analysis, concepts and extraction of every code point");
    st_doc_free(d);
    st_extract_free(ex);
    st_concepts_free(cs);
    st_text_free(text);
    got_free(&g);
    free(s);
}

int main(void)
{
    RUN(t_html_deep_nesting);
    RUN(t_feed_deep_nesting);
    RUN(t_jsonl_deep_nesting);
    RUN(t_million_quotes);
    RUN(t_jsonl_100mb_line);
    RUN(t_all_unicode);
    TEST_MAIN_END;
}
