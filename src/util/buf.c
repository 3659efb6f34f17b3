/* buf.c — growable buffer and string helpers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

void st_buf_free(st_buf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}

void st_buf_reset(st_buf *b)
{
    b->len = 0;
    if (b->s)
        b->s[0] = '\0';
}

int st_buf_reserve(st_buf *b, size_t extra)
{
    if (b->oom)
        return ST_ENOMEM;
    if (extra < b->cap - b->len)
        return ST_OK; /* room for extra and the NUL: the common case, no call */
    int fresh = !b->s;
    /* len + extra + 1 (the NUL) must not wrap into a small request. */
    if (extra >= SIZE_MAX - b->len ||
        st_grow(&b->s, &b->cap, b->len + extra + 1, 1, 64) != ST_OK) {
        b->oom = 1;
        return ST_ENOMEM;
    }
    if (fresh)
        b->s[0] = '\0'; /* a fresh buffer reads as "" even before any append */
    return ST_OK;
}

int st_buf_append(st_buf *b, const char *s, size_t n)
{
    if (st_buf_reserve(b, n) != ST_OK)
        return ST_ENOMEM;
    if (n)
        memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
    return ST_OK;
}

int st_buf_puts(st_buf *b, const char *s) { return st_buf_append(b, s, strlen(s)); }

int st_buf_putc(st_buf *b, char c) { return st_buf_append(b, &c, 1); }

int st_buf_printf(st_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || st_buf_reserve(b, (size_t)n) != ST_OK)
        return ST_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return ST_OK;
}

int st_buf_json_str(st_buf *b, const char *s)
{
    if (!s)
        return st_buf_puts(b, "null");
    st_buf_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': st_buf_puts(b, "\\\""); break;
        case '\\': st_buf_puts(b, "\\\\"); break;
        case '\n': st_buf_puts(b, "\\n"); break;
        case '\r': st_buf_puts(b, "\\r"); break;
        case '\t': st_buf_puts(b, "\\t"); break;
        default:
            if (*p < 0x20)
                st_buf_printf(b, "\\u%04x", *p);
            else
                st_buf_putc(b, (char)*p);
        }
    }
    return st_buf_putc(b, '"');
}

const char *st_buf_cstr(st_buf *b)
{
    if (!b->s && st_buf_reserve(b, 0) != ST_OK)
        return "";
    return b->s;
}

char *st_buf_take(st_buf *b)
{
    if (b->oom) {
        st_buf_free(b);
        return NULL;
    }
    if (!b->s && st_buf_reserve(b, 0) != ST_OK)
        return NULL;
    char *s = b->s;
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

char *st_strndup(const char *s, size_t n)
{
    if (!s)
        return NULL;
    char *d = malloc(n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *st_strdup(const char *s) { return s ? st_strndup(s, strlen(s)) : NULL; }

int st_seterr(char *err, size_t errlen, int code, const char *fmt, ...)
{
    if (err && errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    return code;
}

const char *st_strerror(int code)
{
    switch (code) {
    case ST_OK: return "success";
    case ST_ENOMEM: return "out of memory";
    case ST_EIO: return "input/output error";
    case ST_EINPUT: return "malformed input";
    case ST_EUSAGE: return "usage error";
    case ST_EDB: return "database error";
    case ST_ENOTFOUND: return "not found";
    case ST_ELIMIT: return "size limit exceeded";
    case ST_EINTERNAL: return "internal error";
    case ST_EDUP: return "already stored";
    default: return "unknown error";
    }
}

st_article *st_article_new(void) { return calloc(1, sizeof(st_article)); }

void st_article_free(st_article *a)
{
    if (!a)
        return;
    free(a->ext_id);
    free(a->url);
    free(a->source);
    free(a->title);
    free(a->body);
    free(a->language);
    free(a->published);
    free(a->authors);
    free(a->extra);
    free(a->origin);
    free(a);
}

st_article *st_article_dup(const st_article *a)
{
    st_article *c = st_article_new();
    if (!c)
        return NULL;
    const char *const from[] = {a->ext_id, a->url,     a->source,  a->title,  a->body,
                                a->language, a->published, a->authors, a->extra, a->origin};
    char **const to[] = {&c->ext_id, &c->url,       &c->source,  &c->title, &c->body,
                         &c->language, &c->published, &c->authors, &c->extra, &c->origin};
    for (size_t i = 0; i < sizeof from / sizeof *from; i++)
        if (from[i] && !(*to[i] = st_strdup(from[i]))) {
            st_article_free(c);
            return NULL;
        }
    return c;
}

char *st_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    st_buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        st_buf_append(&b, chunk, n);
    int failed = ferror(f);
    fclose(f);
    size_t total = b.len;
    char *s = st_buf_take(&b);
    if (failed) {
        free(s);
        return NULL;
    }
    if (s && len)
        *len = total;
    return s;
}
