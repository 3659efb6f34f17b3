/* reader.c — bytes from files, directories, stdin, http(s) URLs and gzip,
 * within the size limits; the public st_ingest_path / st_ingest_buffer entry
 * points. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "ingest/fetch.h"
#include "ingest/ingest.h"
#include "util/util.h"

/* Deeper trees are almost certainly a symlink loop. */
#define MAX_DEPTH 32

int st_ingest_gunzip(const char *data, size_t len, size_t max, char **out, size_t *out_len,
                     char *err, size_t errlen)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
        return st_seterr(err, errlen, ST_ENOMEM, "gzip: cannot start zlib");
    st_buf b = {0};
    zs.next_in = (Bytef *)(uintptr_t)data;
    zs.avail_in = (uInt)(len > UINT32_MAX ? UINT32_MAX : len);
    int rc = ST_OK, z = Z_OK;
    while (rc == ST_OK) {
        if (st_buf_reserve(&b, 65536) != 0) {
            rc = ST_ENOMEM;
            break;
        }
        zs.next_out = (Bytef *)b.s + b.len;
        zs.avail_out = (uInt)(b.cap - b.len - 1);
        z = inflate(&zs, Z_NO_FLUSH);
        b.len = (size_t)((char *)zs.next_out - b.s);
        if (b.len > max)
            rc = st_seterr(err, errlen, ST_ELIMIT,
                           "file exceeds limit %zu bytes when decompressed", max);
        else if (z == Z_STREAM_END && zs.avail_in > 0)
            z = inflateReset(&zs); /* concatenated gzip members, as `cat a.gz b.gz` makes */
        else if (z == Z_STREAM_END)
            break;
        else if (z == Z_BUF_ERROR && zs.avail_in == 0)
            rc = st_seterr(err, errlen, ST_EINPUT, "gzip: truncated data");
        else if (z != Z_OK && z != Z_BUF_ERROR)
            rc = st_seterr(err, errlen, ST_EINPUT, "gzip: corrupt data (%s)",
                           zs.msg ? zs.msg : "inflate failed");
    }
    inflateEnd(&zs);
    if (rc != ST_OK) {
        st_buf_free(&b);
        return rc;
    }
    b.s[b.len] = '\0';
    *out_len = b.len;
    *out = st_buf_take(&b);
    return *out ? ST_OK : ST_ENOMEM;
}

/* Reads fd to the end, at most max+1 bytes (one more tells "too big"). */
static int read_all(int fd, size_t max, st_buf *b)
{
    for (;;) {
        if (st_buf_reserve(b, 65536) != 0)
            return ST_ENOMEM;
        ssize_t r = read(fd, b->s + b->len, b->cap - b->len - 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return ST_EIO;
        if (r == 0)
            break;
        b->len += (size_t)r;
        if (b->len > max)
            break;
    }
    b->s[b->len] = '\0';
    return ST_OK;
}

/* The name used for detection and ids: ".gz" removed. */
static char *plain_name(const char *path)
{
    size_t n = strlen(path);
    return st_ingest_has_ext(path, ".gz") ? st_strndup(path, n - 3) : st_strdup(path);
}

static int ingest_fd(st_ingest_ctx *ctx, const char *path, int fd)
{
    st_buf b = {0};
    int rc = read_all(fd, ctx->max_file, &b);
    char *name = plain_name(path);
    if (rc == ST_ENOMEM || !name) {
        ctx->stop = ST_ENOMEM;
    } else if (rc != ST_OK) {
        st_ingest_diag(ctx, path, 0, ST_EIO, "cannot read: %s", strerror(errno));
    } else if (b.len > ctx->max_file) {
        st_ingest_diag(ctx, path, 0, ST_EINPUT, "file exceeds limit %zu bytes", ctx->max_file);
    } else {
        st_ingest_bytes(ctx, path, name, b.s ? b.s : "", b.len);
    }
    free(name);
    st_buf_free(&b);
    return ctx->stop;
}

/* Opens path and reads it as one input; a failure to open is reported. */
static int ingest_open(st_ingest_ctx *ctx, const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        st_ingest_diag(ctx, path, 0, ST_EIO, "cannot open: %s", strerror(errno));
        return ctx->stop;
    }
    ingest_fd(ctx, path, fd);
    close(fd);
    return ctx->stop;
}

static int ingest_file(st_ingest_ctx *ctx, const char *path, const struct stat *st)
{
    if ((size_t)st->st_size > ctx->max_file) {
        st_ingest_diag(ctx, path, 0, ST_EINPUT, "file of %lld bytes exceeds limit %zu",
                       (long long)st->st_size, ctx->max_file);
        return ctx->stop;
    }
    return ingest_open(ctx, path);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Visible entries of dir, sorted by byte order so that runs are repeatable. */
static int list_dir(const char *path, char ***names, size_t *n)
{
    DIR *d = opendir(path);
    if (!d)
        return ST_EIO;
    size_t cap = 0;
    int rc = ST_OK;
    *names = NULL;
    *n = 0;
    struct dirent *e;
    while (rc == ST_OK && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue; /* hidden files, "." and ".." */
        if (st_grow(names, &cap, *n + 1, sizeof **names, 32) != ST_OK) {
            rc = ST_ENOMEM;
            break;
        }
        if (!((*names)[*n] = st_strdup(e->d_name)))
            rc = ST_ENOMEM;
        else
            (*n)++;
    }
    closedir(d);
    if (*n)
        qsort(*names, *n, sizeof **names, cmp_names);
    return rc;
}

/* The directories being walked, outermost first: a symlink back to one of
 * them would read the same files again and again. */
typedef struct dir_stack {
    dev_t dev[MAX_DEPTH + 1];
    ino_t ino[MAX_DEPTH + 1];
    int n;
} dir_stack;

static int on_stack(const dir_stack *ds, const struct stat *st)
{
    for (int i = 0; i < ds->n; i++)
        if (ds->dev[i] == st->st_dev && ds->ino[i] == st->st_ino)
            return 1;
    return 0;
}

static int ingest_any(st_ingest_ctx *ctx, const char *path, dir_stack *ds);

static int ingest_dir(st_ingest_ctx *ctx, const char *path, const struct stat *st,
                      dir_stack *ds)
{
    if (on_stack(ds, st)) {
        st_ingest_diag(ctx, path, 0, ST_OK, "directory already being read (symlink loop): skipped");
        return ctx->stop;
    }
    if (ds->n > MAX_DEPTH) {
        st_ingest_diag(ctx, path, 0, ST_EINPUT, "directory nested deeper than %d: skipped",
                       MAX_DEPTH);
        return ctx->stop;
    }
    ds->dev[ds->n] = st->st_dev;
    ds->ino[ds->n++] = st->st_ino;
    char **names = NULL;
    size_t n = 0;
    int rc = list_dir(path, &names, &n);
    if (rc == ST_ENOMEM)
        ctx->stop = ST_ENOMEM;
    else if (rc != ST_OK)
        st_ingest_diag(ctx, path, 0, ST_EIO, "cannot read directory: %s", strerror(errno));
    for (size_t i = 0; i < n && !ctx->stop; i++) {
        st_buf child = {0};
        st_buf_printf(&child, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/",
                      names[i]);
        if (child.oom)
            ctx->stop = ST_ENOMEM;
        else
            ingest_any(ctx, child.s, ds);
        st_buf_free(&child);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    ds->n--;
    return ctx->stop;
}

static int ingest_any(st_ingest_ctx *ctx, const char *path, dir_stack *ds)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        st_ingest_diag(ctx, path, 0, ST_EIO, "cannot open: %s", strerror(errno));
        return ctx->stop;
    }
    if (S_ISDIR(st.st_mode))
        return ingest_dir(ctx, path, &st, ds);
    if (S_ISREG(st.st_mode))
        return ingest_file(ctx, path, &st);
    /* Inside a directory, sockets and devices are not inputs; named at the top
     * level (a FIFO, /dev/stdin) they are read as streams. */
    if (ds->n == 0 && (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)))
        return ingest_open(ctx, path);
    return ctx->stop;
}

/* A fetched input's name for detection and ids: its URL's path without
 * query, fragment and ".gz" ("http://h/a/feed.xml?x=1" -> "/a/feed.xml"). */
static char *url_name(const char *url)
{
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    p += strcspn(p, "/?#");
    size_t n = strcspn(p, "?#");
    char *path = n ? st_strndup(p, n) : st_strdup("/");
    char *name = path ? plain_name(path) : NULL;
    free(path);
    return name;
}

/* A conditional GET when ctx holds the path's validators. Whatever the last
 * read left pending is dropped first: only this read can be accepted. */
static int fetch_input(st_ingest_ctx *ctx, const char *url, st_fetched *f, char *err,
                       size_t errlen)
{
    st_validators *v = ctx->validators;
    st_validators_reject(v);
    st_fetch_cond cond = {v ? v->etag : NULL, v ? v->last_modified : NULL};
    int rc = st_fetch_conditional(url, &cond, ctx->max_file, ST_FETCH_TIMEOUT_S, f, err, errlen);
    if (v)
        v->unchanged = rc == ST_FETCH_NOT_MODIFIED;
    return rc;
}

/* The answer was read with no problem: its validators wait for the caller
 * to store what was read (st_validators_accept). Nothing waits when neither
 * the answer nor the last one had any. */
static void hold_validators(st_validators *v, st_fetched *f)
{
    v->new_etag = f->etag;
    v->new_last_modified = f->last_modified;
    f->etag = f->last_modified = NULL;
    v->pending = v->new_etag || v->new_last_modified || v->etag || v->last_modified;
}

/* Fetches url and reads the body as a file of the URL's name; messages and
 * origins name the URL as given, the page keeps the one redirects led to.
 * Not modified since the last read: nothing to read, nothing to report. */
static int ingest_url(st_ingest_ctx *ctx, const char *url)
{
    st_fetched f;
    char err[512];
    int rc = fetch_input(ctx, url, &f, err, sizeof err);
    if (rc == ST_FETCH_NOT_MODIFIED)
        return ST_OK;
    if (rc == ST_ENOMEM)
        return ctx->stop = ST_ENOMEM;
    if (rc != ST_OK) {
        st_ingest_diag(ctx, url, 0, ST_EINPUT, "cannot fetch: %s", err);
        return ST_EIO;
    }
    char *name = url_name(f.url);
    size_t errors = ctx->n_errors;
    if (!name) {
        ctx->stop = ST_ENOMEM;
    } else {
        ctx->page_url = f.url;
        st_ingest_bytes(ctx, url, name, f.body, f.len);
        ctx->page_url = NULL;
    }
    if (ctx->validators && !ctx->stop && ctx->n_errors == errors)
        hold_validators(ctx->validators, &f);
    free(name);
    st_fetched_free(&f);
    return ctx->stop;
}

int st_ingest_read_path(st_ingest_ctx *ctx, const char *path)
{
    if (strcmp(path, "-") == 0)
        return ingest_fd(ctx, "-", STDIN_FILENO);
    if (st_fetch_is_url(path))
        return ingest_url(ctx, path);
    struct stat st;
    if (stat(path, &st) != 0) {
        st_ingest_diag(ctx, path, 0, ST_EIO, "cannot open: %s", strerror(errno));
        return ST_EIO;
    }
    dir_stack ds;
    ds.n = 0;
    return ingest_any(ctx, path, &ds);
}

int st_ingest_path(const char *path, const st_ingest_opts *opts, st_article_fn fn,
                   void *fn_ud, size_t *n_errors)
{
    if (n_errors)
        *n_errors = 0;
    if (!path || !*path || !fn)
        return ST_EUSAGE;
    st_ingest_ctx ctx;
    st_ingest_ctx_init(&ctx, opts, fn, fn_ud);
    int rc = st_ingest_read_path(&ctx, path);
    if (n_errors)
        *n_errors = ctx.n_errors;
    return rc;
}

int st_ingest_buffer(const char *name, const char *data, size_t len,
                     const st_ingest_opts *opts, st_article_fn fn, void *fn_ud,
                     size_t *n_errors)
{
    if (n_errors)
        *n_errors = 0;
    if (!fn || (!data && len))
        return ST_EUSAGE;
    if (!name || !*name)
        name = "-";
    st_ingest_ctx ctx;
    st_ingest_ctx_init(&ctx, opts, fn, fn_ud);
    char *plain = plain_name(name);
    if (!plain)
        return ST_ENOMEM;
    int rc = st_ingest_bytes(&ctx, name, plain, data ? data : "", len);
    free(plain);
    if (n_errors)
        *n_errors = ctx.n_errors;
    return rc;
}
