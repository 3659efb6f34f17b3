/* dispatch.c — one input in memory: whole-input checks, then its parser. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"
#include "util/util.h"

static int all_space(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)s[i]))
            return 0;
    return 1;
}

static int parse(st_ingest_ctx *ctx, st_format f, const char *path, const char *name,
                 const char *data, size_t len)
{
    switch (f) {
    case ST_FORMAT_TEXT: return st_ingest_text(ctx, path, name, data, len);
    case ST_FORMAT_JSONL: return st_ingest_jsonl(ctx, path, name, data, len);
    case ST_FORMAT_HTML: return st_ingest_html(ctx, path, name, data, len);
    case ST_FORMAT_FEED: return st_ingest_feed(ctx, path, name, data, len);
    case ST_FORMAT_AUTO: break;
    }
    return ctx->stop;
}

int st_ingest_repair_utf8(st_ingest_ctx *ctx, const char *path, const char *data, size_t len,
                          char **fixed)
{
    *fixed = NULL;
    if (st_utf8_valid(data, len))
        return ST_OK;
    size_t fixes = 0;
    if (!(*fixed = st_utf8_repair(data, len, &fixes)))
        return ST_ENOMEM;
    st_ingest_diag(ctx, path, 0, ST_OK, "invalid UTF-8: %zu sequence(s) replaced with U+FFFD",
                   fixes);
    return ST_OK;
}

/* Repairs the whole input once, so that the XML/HTML parsers and the text
 * splitter only ever see valid UTF-8; JSON Lines repairs per line instead. */
static int repaired_parse(st_ingest_ctx *ctx, st_format f, const char *path, const char *name,
                          const char *data, size_t len)
{
    char *fixed = NULL;
    if (f != ST_FORMAT_JSONL && st_ingest_repair_utf8(ctx, path, data, len, &fixed) != ST_OK)
        return ctx->stop = ST_ENOMEM;
    int rc = fixed ? parse(ctx, f, path, name, fixed, strlen(fixed))
                   : parse(ctx, f, path, name, data, len);
    free(fixed);
    return rc;
}

static int checked_parse(st_ingest_ctx *ctx, const char *path, const char *name,
                         const char *data, size_t len)
{
    if (len > ctx->max_file) {
        st_ingest_diag(ctx, path, 0, ST_EINPUT,
                       "file of %zu bytes exceeds limit %zu", len, ctx->max_file);
        return ctx->stop;
    }
    if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
        data += 3;
        len -= 3;
    }
    if (all_space(data, len)) {
        st_ingest_diag(ctx, path, 0, ST_EINPUT, "empty file");
        return ctx->stop;
    }
    const char *why = st_ingest_binary_reason(data, len);
    if (why) {
        st_ingest_diag(ctx, path, 0, ST_EINPUT, "%s: not a text format", why);
        return ctx->stop;
    }
    st_format f = ctx->format != ST_FORMAT_AUTO ? ctx->format : st_ingest_detect(name, data, len);
    if (f == ST_FORMAT_AUTO) {
        st_ingest_diag(ctx, path, 0, ST_EINPUT,
                       "unknown format: name it with --format (text, jsonl, html, feed)");
        return ctx->stop;
    }
    return repaired_parse(ctx, f, path, name, data, len);
}

int st_ingest_bytes(st_ingest_ctx *ctx, const char *path, const char *name, const char *data,
                    size_t len)
{
    if (len >= 2 && (unsigned char)data[0] == 0x1f && (unsigned char)data[1] == 0x8b) {
        char *raw = NULL, err[256];
        size_t n = 0;
        int rc = st_ingest_gunzip(data, len, ctx->max_file, &raw, &n, err, sizeof err);
        if (rc == ST_ENOMEM)
            return ctx->stop = ST_ENOMEM;
        if (rc != ST_OK) {
            st_ingest_diag(ctx, path, 0, ST_EINPUT, "%s", err);
            return ctx->stop;
        }
        rc = n ? checked_parse(ctx, path, name, raw, n) : ctx->stop;
        if (!n)
            st_ingest_diag(ctx, path, 0, ST_EINPUT, "empty file");
        free(raw);
        return rc;
    }
    if (!len) {
        st_ingest_diag(ctx, path, 0, ST_EINPUT, "empty file");
        return ctx->stop;
    }
    return checked_parse(ctx, path, name, data, len);
}
