/* detect.c — format names, detection from name and first bytes, binary check. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/ingest.h"
#include "util/util.h"

int st_format_parse(const char *name, st_format *out)
{
    static const struct {
        const char *name;
        st_format f;
    } names[] = {
        {"auto", ST_FORMAT_AUTO}, {"text", ST_FORMAT_TEXT},   {"txt", ST_FORMAT_TEXT},
        {"jsonl", ST_FORMAT_JSONL}, {"json", ST_FORMAT_JSONL}, {"ndjson", ST_FORMAT_JSONL},
        {"html", ST_FORMAT_HTML}, {"htm", ST_FORMAT_HTML},    {"feed", ST_FORMAT_FEED},
        {"rss", ST_FORMAT_FEED},  {"atom", ST_FORMAT_FEED},   {"rdf", ST_FORMAT_FEED},
        {"xml", ST_FORMAT_FEED},
    };
    if (!name || !out)
        return ST_EUSAGE;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcasecmp(name, names[i].name) == 0) {
            *out = names[i].f;
            return ST_OK;
        }
    }
    return ST_EUSAGE;
}

const char *st_format_name(st_format f)
{
    switch (f) {
    case ST_FORMAT_AUTO: return "auto";
    case ST_FORMAT_TEXT: return "text";
    case ST_FORMAT_JSONL: return "jsonl";
    case ST_FORMAT_HTML: return "html";
    case ST_FORMAT_FEED: return "feed";
    }
    return "unknown";
}

int st_ingest_has_ext(const char *name, const char *ext)
{
    size_t n = strlen(name), e = strlen(ext);
    return n > e && strcasecmp(name + n - e, ext) == 0;
}

static st_format from_name(const char *name)
{
    static const struct {
        const char *ext;
        st_format f;
    } exts[] = {
        {".txt", ST_FORMAT_TEXT},    {".text", ST_FORMAT_TEXT},  {".jsonl", ST_FORMAT_JSONL},
        {".json", ST_FORMAT_JSONL},  {".ndjson", ST_FORMAT_JSONL}, {".html", ST_FORMAT_HTML},
        {".htm", ST_FORMAT_HTML},    {".xhtml", ST_FORMAT_HTML}, {".rss", ST_FORMAT_FEED},
        {".atom", ST_FORMAT_FEED},   {".xml", ST_FORMAT_FEED},   {".rdf", ST_FORMAT_FEED},
    };
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        if (st_ingest_has_ext(name, exts[i].ext))
            return exts[i].f;
    return ST_FORMAT_AUTO;
}

/* Case-insensitive search in the first n bytes (the data need not be NUL-terminated). */
static int has_ci(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (strncasecmp(s + i, needle, k) == 0)
            return 1;
    return 0;
}

static st_format from_content(const char *data, size_t len)
{
    size_t i = 0;
    if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
        i = 3;
    while (i < len && isspace((unsigned char)data[i]))
        i++;
    if (i == len)
        return ST_FORMAT_AUTO;
    if (data[i] == '{' || data[i] == '[')
        return ST_FORMAT_JSONL;
    if (data[i] != '<')
        return ST_FORMAT_AUTO;
    /* The root element decides; a prolog, comments or a doctype may come first. */
    const char *s = data + i;
    size_t n = len - i < 2048 ? len - i : 2048;
    if (has_ci(s, n, "<rss") || has_ci(s, n, "<feed") || has_ci(s, n, "<rdf:rdf"))
        return ST_FORMAT_FEED;
    if (has_ci(s, n, "<!doctype html") || has_ci(s, n, "<html") || has_ci(s, n, "<body") ||
        has_ci(s, n, "<head"))
        return ST_FORMAT_HTML;
    return ST_FORMAT_AUTO;
}

st_format st_ingest_detect(const char *name, const char *data, size_t len)
{
    st_format f = name ? from_name(name) : ST_FORMAT_AUTO;
    return f != ST_FORMAT_AUTO ? f : from_content(data, len);
}

const char *st_ingest_binary_reason(const char *data, size_t len)
{
    if (memchr(data, '\0', len))
        return "binary content (NUL bytes)";
    /* A sample is enough: text in a legacy 8-bit encoding is mostly ASCII and
     * gets repaired; compressed or encrypted data is invalid almost everywhere. */
    size_t n = len < 65536 ? len : 65536, bad = 0;
    char *fixed = st_utf8_repair(data, n, &bad);
    free(fixed);
    if (n >= 16 && bad * 4 > n)
        return "binary content (mostly invalid UTF-8)";
    return NULL;
}

char *st_ingest_stem(const char *name)
{
    if (!name || strcmp(name, "-") == 0)
        return st_strdup("stdin");
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    const char *dot = strrchr(base, '.');
    size_t n = (dot && dot != base) ? (size_t)(dot - base) : strlen(base);
    return st_strndup(base, n);
}

char *st_ingest_input_id(const st_ingest_ctx *ctx, const char *name)
{
    return ctx->page_url ? st_strdup(ctx->page_url) : st_ingest_stem(name);
}
