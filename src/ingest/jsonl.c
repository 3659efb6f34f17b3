/* jsonl.c — JSON Lines with news-please fields (and a JSON array of them). */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"
#include "util/util.h"

/* Keys moved into st_article fields; every other key goes to `extra`. */
#define MAX_USED 12
typedef struct used_keys {
    const char *k[MAX_USED];
    size_t n;
} used_keys;

/* Where a record came from, for ids and messages. */
typedef struct rec_pos {
    const char *path, *name;
    size_t line;  /* line in the file, or 0 inside a JSON array */
    size_t index; /* 1-based item of a JSON array, or 0 */
} rec_pos;

/* A diag for one record: array items are named in the message, since their
 * line is not known. */
static void rec_diag(st_ingest_ctx *ctx, const rec_pos *pos, int severity, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void rec_diag(st_ingest_ctx *ctx, const rec_pos *pos, int severity, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (pos->index)
        st_ingest_diag(ctx, pos->path, 0, severity, "item %zu: %s", pos->index, msg);
    else
        st_ingest_diag(ctx, pos->path, pos->line, severity, "%s", msg);
}

static void use(used_keys *u, const char *k)
{
    if (u->n < MAX_USED)
        u->k[u->n++] = k;
}

static int is_used(const used_keys *u, const char *k)
{
    for (size_t i = 0; i < u->n; i++)
        if (strcmp(u->k[i], k) == 0)
            return 1;
    return 0;
}

/* A copy of a non-empty string field, marking it used; NULL otherwise. */
static char *take_str(json_t *o, const char *k, used_keys *u, int *oom)
{
    const char *s = json_string_value(json_object_get(o, k));
    if (!s || !*s)
        return NULL;
    char *c = st_strdup(s);
    if (!c)
        *oom = 1;
    use(u, k);
    return c;
}

static char *json_text(json_t *v, int *oom)
{
    char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
    if (!s) {
        *oom = 1;
        return NULL;
    }
    /* jansson's allocator is malloc, but hand out our own copy to be explicit. */
    char *c = st_strdup(s);
    free(s);
    if (!c)
        *oom = 1;
    return c;
}

/* authors: an array is kept as JSON text; one name becomes a one-item array. */
static char *take_authors(json_t *o, used_keys *u, int *oom)
{
    json_t *v = json_object_get(o, "authors");
    if (json_is_string(v) && *json_string_value(v)) {
        json_t *arr = json_pack("[O]", v);
        char *s = arr ? json_text(arr, oom) : (*oom = 1, NULL);
        json_decref(arr);
        use(u, "authors");
        return s;
    }
    if (!json_is_array(v) || json_array_size(v) == 0)
        return NULL;
    use(u, "authors");
    return json_text(v, oom);
}

static char *take_id(json_t *o, const rec_pos *pos, used_keys *u, int *oom)
{
    json_t *v = json_object_get(o, "id");
    st_buf b = {0};
    if (json_is_string(v) && *json_string_value(v)) {
        use(u, "id");
        st_buf_puts(&b, json_string_value(v));
    } else if (json_is_integer(v)) {
        use(u, "id");
        st_buf_printf(&b, "%lld", (long long)json_integer_value(v));
    } else if (json_string_value(json_object_get(o, "url"))) {
        st_buf_puts(&b, json_string_value(json_object_get(o, "url")));
    } else {
        char *stem = st_ingest_stem(pos->name);
        st_buf_printf(&b, "%s:%zu", stem ? stem : "", pos->line ? pos->line : pos->index);
        free(stem);
    }
    if (b.oom || !b.s) {
        st_buf_free(&b);
        *oom = 1;
        return NULL;
    }
    return st_buf_take(&b);
}

static void take_date(st_ingest_ctx *ctx, json_t *o, const rec_pos *pos, st_article *a,
                      used_keys *u, int *oom)
{
    const char *s = json_string_value(json_object_get(o, "date_publish"));
    if (!s || !*s)
        return;
    char iso[32];
    if (st_date_normalise(s, iso) != 0) {
        rec_diag(ctx, pos, ST_OK, "unrecognised date_publish \"%.40s\": kept in extra", s);
        return;
    }
    a->published = st_strdup(iso);
    if (!a->published)
        *oom = 1;
    use(u, "date_publish");
}

static char *take_extra(json_t *o, const used_keys *u, int *oom)
{
    json_t *extra = json_object();
    if (!extra) {
        *oom = 1;
        return NULL;
    }
    const char *k;
    json_t *v;
    json_object_foreach(o, k, v)
    {
        if (!is_used(u, k) && !json_is_null(v) && json_object_set(extra, k, v) != 0)
            *oom = 1;
    }
    char *s = json_object_size(extra) ? json_text(extra, oom) : NULL;
    json_decref(extra);
    return s;
}

/* The body: maintext, else text, else description (a teaser is better than nothing). */
static char *take_body(json_t *o, used_keys *u, int *oom)
{
    static const char *keys[] = {"maintext", "text", "description"};
    for (size_t i = 0; i < 3; i++) {
        char *s = take_str(o, keys[i], u, oom);
        if (s || *oom)
            return s;
    }
    return NULL;
}

static int record(st_ingest_ctx *ctx, json_t *o, const rec_pos *pos)
{
    if (!json_is_object(o)) {
        rec_diag(ctx, pos, ST_EINPUT, "not a JSON object");
        return ctx->stop;
    }
    st_article *a = st_article_new();
    if (!a)
        return ctx->stop = ST_ENOMEM;
    used_keys u = {{0}, 0};
    int oom = 0;
    a->title = take_str(o, "title", &u, &oom);
    a->body = take_body(o, &u, &oom);
    a->language = take_str(o, "language", &u, &oom);
    a->url = take_str(o, "url", &u, &oom);
    a->source = take_str(o, "source_domain", &u, &oom);
    a->authors = take_authors(o, &u, &oom);
    a->ext_id = take_id(o, pos, &u, &oom);
    take_date(ctx, o, pos, a, &u, &oom);
    a->extra = take_extra(o, &u, &oom);
    if (oom) {
        st_article_free(a);
        return ctx->stop = ST_ENOMEM;
    }
    return st_ingest_emit(ctx, a, pos->path, pos->line);
}

static int whole_array(st_ingest_ctx *ctx, const char *path, const char *name, json_t *arr)
{
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v)
    {
        rec_pos pos = {path, name, 0, i + 1};
        if (record(ctx, v, &pos))
            break;
    }
    return ctx->stop;
}

static int one_line(st_ingest_ctx *ctx, const char *path, const char *name, const char *s,
                    size_t n, size_t line)
{
    if (n > ST_MAX_LINE_BYTES) {
        st_ingest_diag(ctx, path, line, ST_EINPUT, "line of %zu bytes exceeds limit %u", n,
                       ST_MAX_LINE_BYTES);
        return ctx->stop;
    }
    char *fixed = NULL;
    if (!st_utf8_valid(s, n)) {
        size_t fixes = 0;
        if (!(fixed = st_utf8_repair(s, n, &fixes)))
            return ctx->stop = ST_ENOMEM;
        st_ingest_diag(ctx, path, line, ST_OK,
                       "invalid UTF-8: %zu sequence(s) replaced with U+FFFD", fixes);
        s = fixed;
        n = strlen(fixed);
    }
    json_error_t err;
    json_t *o = json_loadb(s, n, 0, &err);
    if (!o) {
        st_ingest_diag(ctx, path, line, ST_EINPUT, "invalid JSON at column %d: %s",
                       err.column, err.text);
    } else {
        rec_pos pos = {path, name, line, 0};
        record(ctx, o, &pos);
        json_decref(o);
    }
    free(fixed);
    return ctx->stop;
}

static int lines(st_ingest_ctx *ctx, const char *path, const char *name, const char *data,
                 size_t len)
{
    size_t line = 0, i = 0;
    while (i < len && !ctx->stop) {
        const char *nl = memchr(data + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - data) : len, n = e - i;
        line++;
        const char *s = data + i;
        while (n && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
            n--;
        while (n && (*s == ' ' || *s == '\t')) {
            s++;
            n--;
        }
        if (n)
            one_line(ctx, path, name, s, n, line);
        i = e + 1;
    }
    return ctx->stop;
}

/* A document that is one JSON value: an array of records, or one object
 * pretty-printed over several lines. Returns 1 when data was such a document
 * (and has been handled), 0 to read it as lines. */
static int whole_document(st_ingest_ctx *ctx, const char *path, const char *name,
                          const char *data, size_t len)
{
    size_t i = 0;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
        i++;
    int array = i < len && data[i] == '[';
    if (!array && !(st_ingest_has_ext(name, ".json") && memchr(data, '\n', len)))
        return 0;
    if (!st_utf8_valid(data, len))
        return 0; /* the line reader repairs and names each line */
    json_error_t err;
    json_t *doc = json_loadb(data, len, 0, &err);
    if (!doc && !array)
        return 0;
    if (!doc) {
        st_ingest_diag(ctx, path, (size_t)(err.line > 0 ? err.line : 0), ST_EINPUT,
                       "invalid JSON array at column %d: %s", err.column, err.text);
        return 1;
    }
    if (json_is_array(doc)) {
        whole_array(ctx, path, name, doc);
    } else {
        rec_pos pos = {path, name, 0, 0};
        record(ctx, doc, &pos);
    }
    json_decref(doc);
    return 1;
}

int st_ingest_jsonl(st_ingest_ctx *ctx, const char *path, const char *name,
                    const char *data, size_t len)
{
    if (whole_document(ctx, path, name, data, len))
        return ctx->stop;
    return lines(ctx, path, name, data, len);
}
