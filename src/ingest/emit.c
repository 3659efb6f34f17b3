/* emit.c — the one exit of every parser: diagnostics, and the checks and
 * normalisation each article passes before the caller sees it. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/ingest.h"
#include "util/util.h"

void st_ingest_ctx_init(st_ingest_ctx *ctx, const st_ingest_opts *opts, st_article_fn fn,
                        void *fn_ud)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->format = opts ? opts->format : ST_FORMAT_AUTO;
    ctx->max_article = (opts && opts->max_article_bytes) ? opts->max_article_bytes
                                                          : ST_MAX_ARTICLE_BYTES;
    ctx->max_file = ST_MAX_FILE_BYTES;
    ctx->on_diag = opts ? opts->on_diag : NULL;
    ctx->diag_ud = opts ? opts->ud : NULL;
    ctx->follow_links = opts ? opts->follow_links : 0;
    ctx->is_stored = opts ? opts->is_stored : NULL;
    ctx->validators = opts ? opts->validators : NULL;
    ctx->fn = fn;
    ctx->fn_ud = fn_ud;
}

static char *where_of(const char *path, size_t line)
{
    st_buf b = {0};
    if (line)
        st_buf_printf(&b, "%s:%zu", path, line);
    else
        st_buf_puts(&b, path);
    return st_buf_take(&b);
}

void st_ingest_diag(st_ingest_ctx *ctx, const char *path, size_t line, int severity,
                    const char *fmt, ...)
{
    if (severity != ST_OK)
        ctx->n_errors++;
    if (!ctx->on_diag)
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char *where = where_of(path, line);
    ctx->on_diag(where ? where : path, severity, msg, ctx->diag_ud);
    free(where);
}

/* Repairs one field in place; returns the number of replacements (0 when valid). */
static size_t repair_field(char **field, int *oom)
{
    if (!*field || st_utf8_valid(*field, strlen(*field)))
        return 0;
    size_t fixes = 0;
    char *fixed = st_utf8_repair(*field, strlen(*field), &fixes);
    if (!fixed) {
        *oom = 1;
        return 0;
    }
    free(*field);
    *field = fixed;
    return fixes;
}

static size_t repair_all(st_article *a, int *oom)
{
    char **fields[] = {&a->ext_id, &a->url,       &a->source,  &a->title,  &a->body,
                       &a->language, &a->published, &a->authors, &a->extra};
    size_t fixes = 0;
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        fixes += repair_field(fields[i], oom);
    return fixes;
}

/* A title is one line: every run of white space becomes one space. */
static void one_line(char *s)
{
    for (char *p = s; *p; p++)
        if (*p == '\n')
            *p = ' ';
    st_trim(st_squeeze_space(s));
}

static void drop_if_empty(char **s)
{
    if (*s && !**s) {
        free(*s);
        *s = NULL;
    }
}

/* "en-US" -> "en"; anything that is not a language tag is dropped, because a
 * wrong language would send the text through the wrong stemmer later. */
static void normalise_language(char **lang)
{
    if (!*lang)
        return;
    char *s = st_trim(*lang);
    size_t n = 0;
    while (isalpha((unsigned char)s[n]))
        n++;
    if (n < 2 || n > 3 || (s[n] && s[n] != '-' && s[n] != '_')) {
        free(*lang);
        *lang = NULL;
        return;
    }
    for (size_t i = 0; i < n; i++)
        s[i] = (char)tolower((unsigned char)s[i]);
    memmove(*lang, s, n);
    (*lang)[n] = '\0';
}

/* news-please's source_domain is sometimes "Host.com:443": lowercase, no port, no "www.". */
static void normalise_source(char *s)
{
    if (!s)
        return;
    s[strcspn(s, ":/")] = '\0';
    for (char *c = s; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    if (strncmp(s, "www.", 4) == 0 && s[4])
        memmove(s, s + 4, strlen(s + 4) + 1);
}

static void normalise(st_article *a)
{
    if (a->body)
        st_trim(st_squeeze_space(a->body));
    if (a->title)
        one_line(a->title);
    char **small[] = {&a->ext_id, &a->url, &a->source, &a->published, &a->authors, &a->extra};
    for (size_t i = 0; i < sizeof small / sizeof small[0]; i++)
        if (*small[i])
            st_trim(*small[i]);
    for (size_t i = 0; i < sizeof small / sizeof small[0]; i++)
        drop_if_empty(small[i]);
    drop_if_empty(&a->title);
    normalise_language(&a->language);
    normalise_source(a->source);
    drop_if_empty(&a->source);
}

static int fail_oom(st_ingest_ctx *ctx, st_article *a)
{
    st_article_free(a);
    ctx->stop = ST_ENOMEM;
    return ctx->stop;
}

int st_ingest_emit(st_ingest_ctx *ctx, st_article *a, const char *path, size_t line)
{
    if (!a)
        return fail_oom(ctx, a);
    int oom = 0;
    size_t fixes = repair_all(a, &oom);
    if (oom)
        return fail_oom(ctx, a);
    if (fixes)
        st_ingest_diag(ctx, path, line, ST_OK,
                       "invalid UTF-8: %zu sequence(s) replaced with U+FFFD", fixes);
    normalise(a);
    if (!a->body || !*a->body) {
        st_ingest_diag(ctx, path, line, ST_EINPUT, "empty body after extraction");
        st_article_free(a);
        return 0;
    }
    size_t n = strlen(a->body);
    if (n > ctx->max_article) {
        st_ingest_diag(ctx, path, line, ST_EINPUT, "article of %zu bytes exceeds limit %zu", n,
                       ctx->max_article);
        st_article_free(a);
        return 0;
    }
    if (!a->source && a->url)
        a->source = st_url_host(a->url);
    free(a->origin);
    a->origin = where_of(path, line);
    if (!a->origin)
        return fail_oom(ctx, a);
    int rc = ctx->fn(a, ctx->fn_ud);
    if (rc)
        ctx->stop = rc;
    return rc;
}

char *st_url_host(const char *url)
{
    if (!url)
        return NULL;
    const char *p = strstr(url, "://");
    if (!p)
        return NULL;
    p += 3;
    size_t n = strcspn(p, "/?#");
    const char *at = memchr(p, '@', n); /* user:password@host */
    if (at) {
        n -= (size_t)(at + 1 - p);
        p = at + 1;
    }
    size_t h = 0;
    while (h < n && p[h] != ':')
        h++;
    if (h > 4 && strncasecmp(p, "www.", 4) == 0) {
        p += 4;
        h -= 4;
    }
    if (!h)
        return NULL;
    char *host = st_strndup(p, h);
    for (char *c = host; c && *c; c++)
        *c = (char)tolower((unsigned char)*c);
    return host;
}
