/* stream.c — entry lists, stream addresses, and the choice of transport. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stream/stream.h"
#include "util/util.h"

int st_stream_entries_push(st_stream_entries *e, const char *id, const char *article,
                           size_t len, int deleted)
{
    if (st_grow(&e->v, &e->cap, e->n + 1, sizeof *e->v, 16) != ST_OK)
        return ST_ENOMEM;
    st_stream_entry *x = &e->v[e->n];
    memset(x, 0, sizeof *x);
    x->id = st_strdup(id);
    x->article = article ? st_strndup(article, len) : NULL;
    x->len = article ? len : 0;
    x->deleted = deleted;
    if (!x->id || (article && !x->article)) {
        free(x->id);
        free(x->article);
        return ST_ENOMEM;
    }
    e->n++;
    return ST_OK;
}

void st_stream_entries_clear(st_stream_entries *e)
{
    for (size_t i = 0; i < e->n; i++) {
        free(e->v[i].id);
        free(e->v[i].article);
    }
    e->n = 0;
}

void st_stream_entries_free(st_stream_entries *e)
{
    st_stream_entries_clear(e);
    free(e->v);
    e->v = NULL;
    e->cap = 0;
}

/* Copies s[0..n) into dst[cap]; -1 when it does not fit or is empty. */
static int copy_part(char *dst, size_t cap, const char *s, size_t n)
{
    if (n == 0 || n >= cap)
        return -1;
    memcpy(dst, s, n);
    dst[n] = '\0';
    return 0;
}

static int parse_port(const char *s, size_t n, unsigned *out)
{
    unsigned v = 0;
    if (n == 0 || n > 5)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (unsigned)(s[i] - '0');
    }
    if (v == 0 || v > 65535)
        return -1;
    *out = v;
    return 0;
}

/* host[:port] of the authority part (no password). */
static int parse_hostport(const char *s, size_t n, st_stream_url *u)
{
    const char *colon = memchr(s, ':', n);
    if (!colon)
        return copy_part(u->host, sizeof u->host, s, n);
    if (copy_part(u->host, sizeof u->host, s, (size_t)(colon - s)) != 0)
        return -1;
    return parse_port(colon + 1, n - (size_t)(colon + 1 - s), &u->port);
}

int st_stream_url_parse(const char *url, st_stream_url *u, char *err, size_t errlen)
{
    memset(u, 0, sizeof *u);
    const char *sep = url ? strstr(url, "://") : NULL;
    if (!sep || copy_part(u->scheme, sizeof u->scheme, url, (size_t)(sep - url)) != 0)
        return st_seterr(err, errlen, ST_EUSAGE, "stream '%s': expected scheme://host:port/name",
                         url ? url : "");
    const char *auth = sep + 3;
    const char *slash = strchr(auth, '/');
    if (!slash || copy_part(u->name, sizeof u->name, slash + 1, strlen(slash + 1)) != 0 ||
        strchr(u->name, '/'))
        return st_seterr(err, errlen, ST_EUSAGE, "stream '%s': the stream name is missing", url);
    const char *at = memchr(auth, '@', (size_t)(slash - auth));
    if (at) {
        /* [user]:password@ — Redis before ACLs knows only a password. */
        const char *pw = memchr(auth, ':', (size_t)(at - auth));
        if (!pw || copy_part(u->password, sizeof u->password, pw + 1,
                             (size_t)(at - pw - 1)) != 0)
            return st_seterr(err, errlen, ST_EUSAGE, "stream '%s': bad password part", url);
        auth = at + 1;
    }
    if (parse_hostport(auth, (size_t)(slash - auth), u) != 0)
        return st_seterr(err, errlen, ST_EUSAGE, "stream '%s': bad host or port", url);
    return ST_OK;
}

static const st_stream_ops *const transports[] = {&st_stream_redis_ops};

int st_stream_open(const char *url, st_stream **out, char *err, size_t errlen)
{
    *out = NULL;
    st_stream_url u;
    int rc = st_stream_url_parse(url, &u, err, errlen);
    if (rc != ST_OK)
        return rc;
    const st_stream_ops *ops = NULL;
    for (size_t i = 0; i < sizeof transports / sizeof transports[0]; i++)
        if (strcmp(transports[i]->scheme, u.scheme) == 0)
            ops = transports[i];
    if (!ops)
        return st_seterr(err, errlen, ST_EUSAGE,
                         "stream '%s': unknown transport '%s' (this build has: redis)", url,
                         u.scheme);
    st_stream *s = calloc(1, sizeof *s);
    if (!s)
        return st_seterr(err, errlen, ST_ENOMEM, "out of memory");
    s->ops = ops;
    s->url = u;
    rc = ops->connect(s, err, errlen);
    if (rc != ST_OK) {
        st_stream_close(s);
        return rc;
    }
    *out = s;
    return ST_OK;
}

void st_stream_close(st_stream *s)
{
    if (!s)
        return;
    if (s->impl)
        s->ops->close(s);
    free(s);
}
