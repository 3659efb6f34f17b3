/* text.c — plain text: the whole file is one article, maybe with a headline. */
#include <string.h>

#include "ingest/ingest.h"
#include "util/util.h"

/* Longer first lines are a paragraph, not a headline. */
#define MAX_TITLE_BYTES 300
#define MAX_TITLE_WORDS 30

static size_t line_end(const char *s, size_t n, size_t from)
{
    const char *nl = memchr(s + from, '\n', n - from);
    return nl ? (size_t)(nl - s) : n;
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

/* Sentences end with these; headlines do not (UTF-8 for the non-ASCII ones:
 * the ellipsis, the CJK full stop and full-width ! ?). Closing quotes and
 * brackets after them are looked through. */
static int ends_like_sentence(const char *s, size_t n)
{
    static const char *closers[] = {"\"", "'", ")", "]", "\xe2\x80\x9d", "\xe2\x80\x99",
                                    "\xc2\xbb"};
    static const char *stops[] = {".", "!", "?", ":", ";", ",", "\xe2\x80\xa6",
                                  "\xe3\x80\x82", "\xef\xbc\x81", "\xef\xbc\x9f"};
    for (int again = 1; again && n;) {
        again = 0;
        for (size_t i = 0; i < sizeof closers / sizeof closers[0]; i++) {
            size_t k = strlen(closers[i]);
            if (n >= k && memcmp(s + n - k, closers[i], k) == 0) {
                n -= k;
                again = 1;
                break;
            }
        }
    }
    for (size_t i = 0; i < sizeof stops / sizeof stops[0]; i++) {
        size_t k = strlen(stops[i]);
        if (n >= k && memcmp(s + n - k, stops[i], k) == 0)
            return 1;
    }
    return 0;
}

static size_t words(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t'))
            w++;
    return w;
}

/* Length of the headline line at the start of data, or 0 when there is none:
 * short, not ending like a sentence, followed by a blank line and more text. */
static size_t headline_len(const char *data, size_t len)
{
    size_t e1 = line_end(data, len, 0);
    size_t n = e1;
    while (n && (data[n - 1] == '\r' || data[n - 1] == ' ' || data[n - 1] == '\t'))
        n--;
    if (!n || n > MAX_TITLE_BYTES || words(data, n) > MAX_TITLE_WORDS || blank(data, n) ||
        ends_like_sentence(data, n) || e1 >= len)
        return 0;
    size_t e2 = line_end(data, len, e1 + 1);
    if (!blank(data + e1 + 1, e2 - e1 - 1) || blank(data + e2, len - e2))
        return 0;
    return e1;
}

int st_ingest_text(st_ingest_ctx *ctx, const char *path, const char *name, const char *data,
                   size_t len)
{
    /* Leading blank lines say nothing about a headline. */
    while (len && (*data == '\n' || *data == '\r' || *data == ' ' || *data == '\t')) {
        data++;
        len--;
    }
    st_article *a = st_article_new();
    if (!a)
        return ctx->stop = ST_ENOMEM;
    size_t h = headline_len(data, len);
    a->ext_id = st_ingest_input_id(ctx, name);
    if (h)
        a->title = st_strndup(data, h);
    a->body = st_strndup(data + h, len - h);
    if (!a->ext_id || !a->body || (h && !a->title)) {
        st_article_free(a);
        return ctx->stop = ST_ENOMEM;
    }
    st_ingest_emit(ctx, a, path, 0);
    return ctx->stop;
}
