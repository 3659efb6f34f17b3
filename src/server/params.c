/* params.c — the query string: only known names, each value checked, so a
 * typo gets a 400 that names it instead of a silently unfiltered answer. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server/server.h"

int64_t st_srv_parse_id(const char *s, size_t n)
{
    if (!n || n > 18)
        return 0;
    int64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

typedef struct qctx {
    const char *allowed;
    st_query *q;
    char *err;
    size_t errlen;
    int rc;
} qctx;

static int known(const char *allowed, const char *name)
{
    size_t n = strlen(name);
    if (!n)
        return 0; /* "?=x": an empty name would match everywhere, forever */
    for (const char *p = allowed; (p = strstr(p, name)); p += n)
        if ((p == allowed || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
            return 1;
    return 0;
}

static int parse_count(const char *v, size_t max, size_t *out)
{
    char *end;
    errno = 0;
    if (!v || !isdigit((unsigned char)*v))
        return -1;
    unsigned long long x = strtoull(v, &end, 10);
    if (errno || *end || x > max)
        return -1;
    *out = (size_t)x;
    return 0;
}

static int valid_lang(const char *v)
{
    size_t n = v ? strlen(v) : 0;
    if (n < 2 || n > 3)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!islower((unsigned char)v[i]))
            return 0;
    return 1;
}

/* since/until take dates the library can read; the value stays the
 * caller's text since the queries compare its first ten characters. */
static int valid_date(const char *v)
{
    char iso[32];
    return v && *v && strlen(v) <= 40 && st_date_normalise(v, iso) == 0 &&
           isdigit((unsigned char)v[0]);
}

static int set_param(qctx *c, const char *k, const char *v)
{
    st_query *q = c->q;
    size_t z;
    if (!strcmp(k, "limit")) {
        if (parse_count(v, ST_SRV_MAX_PAGE, &z) || z == 0)
            return -1;
        q->limit = z;
    } else if (!strcmp(k, "offset")) {
        if (parse_count(v, 100000000, &z))
            return -1;
        q->offset = z;
    } else if (!strcmp(k, "story")) {
        int64_t id = v ? st_srv_parse_id(v, strlen(v)) : 0;
        if (id <= 0)
            return -1;
        q->story = id;
    } else if (!strcmp(k, "lang")) {
        if (!valid_lang(v))
            return -1;
        q->language = v;
    } else if (!strcmp(k, "since") || !strcmp(k, "until")) {
        if (!valid_date(v))
            return -1;
        if (k[0] == 's')
            q->since = v;
        else
            q->until = v;
    } else if (!strcmp(k, "q") || !strcmp(k, "entity")) {
        if (!v || !*v || strlen(v) > ST_SRV_MAX_TEXT || !st_utf8_valid(v, strlen(v)))
            return -1;
        if (k[0] == 'q')
            q->text = v;
        else
            q->entity = v;
    }
    return 0;
}

static enum MHD_Result each_arg(void *cls, enum MHD_ValueKind kind, const char *k,
                                const char *v)
{
    qctx *c = cls;
    if (c->rc != ST_OK)
        return MHD_NO;
    if (!known(c->allowed, k)) {
        c->rc = st_seterr(c->err, c->errlen, ST_EUSAGE, "unknown parameter '%.64s' (known: %s)",
                          k, c->allowed);
    } else if (set_param(c, k, v) != 0) {
        c->rc = st_seterr(c->err, c->errlen, ST_EUSAGE, "bad value for '%s': '%.64s'", k,
                          v ? v : "");
    }
    return c->rc == ST_OK ? MHD_YES : MHD_NO;
}

int st_srv_query(st_req *r, const char *allowed, st_query *q, char *err, size_t errlen)
{
    memset(q, 0, sizeof *q);
    q->limit = ST_SRV_PAGE;
    qctx c = {allowed, q, err, errlen, ST_OK};
    MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, each_arg, &c);
    return c.rc;
}
