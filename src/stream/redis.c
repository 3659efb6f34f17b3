/* redis.c — the Redis Streams transport: XADD, consumer groups (XGROUP,
 * XREADGROUP, XACK), and XAUTOCLAIM (Redis >= 6.2) for the entries of dead
 * consumers. One blocking connection per st_stream. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stream/redis_api.h"
#include "stream/stream.h"
#include "util/util.h"

#ifdef ST_HAVE_HIREDIS

#define DEFAULT_PORT 6379
#define CONNECT_TIMEOUT_MS 5000
/* A command may wait this much longer than its own BLOCK before the socket
 * gives up: a broker that stops answering is a failure, not a wait. */
#define REPLY_GRACE_MS 10000
/* XAUTOCLAIM calls per claim_stale: bounds one scan of a huge pending list. */
#define MAX_CLAIM_CALLS 1000

typedef struct redis_conn {
    const st_hiredis *api;
    redisContext *c;
    char cursor[64]; /* XAUTOCLAIM position, "0-0" = from the start */
} redis_conn;

static struct timeval ms_tv(long ms)
{
    struct timeval tv = {ms / 1000, (ms % 1000) * 1000};
    return tv;
}

/* Runs one command. An error reply whose text starts with `tolerated` (may be
 * NULL) counts as success; the reply is then freed and *out set to NULL. */
static int run(redis_conn *r, int argc, const char **argv, const size_t *lens,
               const char *tolerated, redisReply **out, char *err, size_t errlen)
{
    *out = NULL;
    redisReply *rep = r->api->command(r->c, argc, argv, lens);
    if (!rep)
        return st_seterr(err, errlen, ST_EIO, "redis %s: %s", argv[0],
                         r->c->errstr[0] ? r->c->errstr : "no reply");
    if (rep->type == REDIS_REPLY_ERROR) {
        int ok = tolerated && strncmp(rep->str, tolerated, strlen(tolerated)) == 0;
        if (!ok)
            st_seterr(err, errlen, ST_EIO, "redis %s: %s", argv[0], rep->str);
        r->api->free_reply(rep);
        return ok ? ST_OK : ST_EIO;
    }
    *out = rep;
    return ST_OK;
}

/* Same, for commands whose reply only matters when it is an error. */
static int run_void(redis_conn *r, int argc, const char **argv, const char *tolerated,
                    char *err, size_t errlen)
{
    redisReply *rep;
    int rc = run(r, argc, argv, NULL, tolerated, &rep, err, errlen);
    if (rep)
        r->api->free_reply(rep);
    return rc;
}

static int r_connect(st_stream *s, char *err, size_t errlen)
{
    const st_hiredis *api = st_hiredis_get(err, errlen);
    if (!api)
        return ST_EIO;
    redis_conn *r = calloc(1, sizeof *r);
    if (!r)
        return st_seterr(err, errlen, ST_ENOMEM, "out of memory");
    r->api = api;
    strcpy(r->cursor, "0-0");
    s->impl = r;
    unsigned port = s->url.port ? s->url.port : DEFAULT_PORT;
    r->c = api->connect(s->url.host, (int)port, ms_tv(CONNECT_TIMEOUT_MS));
    if (!r->c || r->c->err)
        return st_seterr(err, errlen, ST_EIO, "redis %s:%u: %s", s->url.host, port,
                         r->c ? r->c->errstr : "out of memory");
    api->keep_alive(r->c);
    api->set_timeout(r->c, ms_tv(REPLY_GRACE_MS));
    if (s->url.password[0]) {
        const char *argv[] = {"AUTH", s->url.password};
        return run_void(r, 2, argv, NULL, err, errlen);
    }
    return ST_OK;
}

static void r_close(st_stream *s)
{
    redis_conn *r = s->impl;
    if (r->c)
        r->api->free_context(r->c);
    free(r);
    s->impl = NULL;
}

static int r_publish(st_stream *s, const char *const *articles, const size_t *lens, size_t n,
                     char *err, size_t errlen)
{
    redis_conn *r = s->impl;
    /* Pipelined: every XADD is sent before the first reply is read. */
    for (size_t i = 0; i < n; i++) {
        const char *argv[] = {"XADD", s->url.name, "*", "article", articles[i]};
        size_t alen[] = {4, strlen(s->url.name), 1, 7, lens[i]};
        if (r->api->append(r->c, 5, argv, alen) != REDIS_OK)
            return st_seterr(err, errlen, ST_EIO, "redis XADD: %s", r->c->errstr);
    }
    int rc = ST_OK;
    for (size_t i = 0; i < n; i++) {
        void *rep = NULL;
        if (r->api->get_reply(r->c, &rep) != REDIS_OK)
            return st_seterr(err, errlen, ST_EIO, "redis XADD: %s", r->c->errstr);
        redisReply *x = rep;
        if (x->type == REDIS_REPLY_ERROR && rc == ST_OK)
            rc = st_seterr(err, errlen, ST_EIO, "redis XADD: %s", x->str);
        r->api->free_reply(rep);
    }
    return rc;
}

static int r_create_group(st_stream *s, const char *group, char *err, size_t errlen)
{
    const char *argv[] = {"XGROUP", "CREATE", s->url.name, group, "0", "MKSTREAM"};
    return run_void(s->impl, 6, argv, "BUSYGROUP", err, errlen);
}

/* The value of field "article" among [field, value, ...], or NULL. */
static const redisReply *article_field(const redisReply *fields)
{
    for (size_t i = 0; i + 1 < fields->elements; i += 2) {
        const redisReply *k = fields->element[i];
        if (k->type == REDIS_REPLY_STRING && strcmp(k->str, "article") == 0 &&
            fields->element[i + 1]->type == REDIS_REPLY_STRING)
            return fields->element[i + 1];
    }
    return NULL;
}

/* One [id, [field, value, ...]] entry; [id, nil] is an entry deleted while
 * pending. A bare nil (Redis 6.2's deleted entries) has no id and is skipped. */
static int parse_entry(const redisReply *e, st_stream_entries *out)
{
    if (e->type != REDIS_REPLY_ARRAY || e->elements < 2 ||
        e->element[0]->type != REDIS_REPLY_STRING)
        return ST_OK;
    const char *id = e->element[0]->str;
    const redisReply *fields = e->element[1];
    if (fields->type != REDIS_REPLY_ARRAY)
        return st_stream_entries_push(out, id, NULL, 0, 1);
    const redisReply *v = article_field(fields);
    return st_stream_entries_push(out, id, v ? v->str : NULL, v ? v->len : 0, 0);
}

static int parse_entries(const redisReply *list, st_stream_entries *out)
{
    if (list->type != REDIS_REPLY_ARRAY)
        return ST_OK;
    for (size_t i = 0; i < list->elements; i++) {
        int rc = parse_entry(list->element[i], out);
        if (rc != ST_OK)
            return rc;
    }
    return ST_OK;
}

static int r_read_group(st_stream *s, const char *group, const char *consumer, int own_pending,
                        size_t count, int block_ms, st_stream_entries *out, char *err,
                        size_t errlen)
{
    redis_conn *r = s->impl;
    char n[32], ms[32];
    snprintf(n, sizeof n, "%zu", count);
    snprintf(ms, sizeof ms, "%d", block_ms);
    const char *argv[12] = {"XREADGROUP", "GROUP", group, consumer, "COUNT", n};
    int argc = 6;
    if (!own_pending) {
        argv[argc++] = "BLOCK";
        argv[argc++] = ms;
    }
    argv[argc++] = "STREAMS";
    argv[argc++] = s->url.name;
    argv[argc++] = own_pending ? "0" : ">";
    r->api->set_timeout(r->c, ms_tv((long)block_ms + REPLY_GRACE_MS));
    redisReply *rep;
    int rc = run(r, argc, argv, NULL, NULL, &rep, err, errlen);
    if (rc != ST_OK || !rep)
        return rc;
    /* [[stream, [entries...]], ...], or nil when the block timed out. */
    for (size_t i = 0; rep->type == REDIS_REPLY_ARRAY && i < rep->elements && rc == ST_OK; i++) {
        const redisReply *st = rep->element[i];
        if (st->type == REDIS_REPLY_ARRAY && st->elements == 2)
            rc = parse_entries(st->element[1], out);
    }
    r->api->free_reply(rep);
    return rc == ST_ENOMEM ? st_seterr(err, errlen, rc, "out of memory") : rc;
}

static int r_ack(st_stream *s, const char *group, const st_stream_entries *e, char *err,
                 size_t errlen)
{
    if (e->n == 0)
        return ST_OK;
    const char **argv = malloc((e->n + 3) * sizeof *argv);
    if (!argv)
        return st_seterr(err, errlen, ST_ENOMEM, "out of memory");
    argv[0] = "XACK";
    argv[1] = s->url.name;
    argv[2] = group;
    for (size_t i = 0; i < e->n; i++)
        argv[i + 3] = e->v[i].id;
    int rc = run_void(s->impl, (int)(e->n + 3), argv, NULL, err, errlen);
    free(argv);
    return rc;
}

/* One XAUTOCLAIM from the saved cursor: [next cursor, [entries], (deleted ids)]. */
static int claim_once(st_stream *s, const char *group, const char *consumer, const char *idle,
                      const char *count, st_stream_entries *out, char *err, size_t errlen)
{
    redis_conn *r = s->impl;
    const char *argv[] = {"XAUTOCLAIM", s->url.name, group, consumer, idle, r->cursor,
                          "COUNT", count};
    redisReply *rep;
    int rc = run(r, 8, argv, NULL, NULL, &rep, err, errlen);
    if (rc != ST_OK)
        return rc;
    if (rep->type != REDIS_REPLY_ARRAY || rep->elements < 2 ||
        rep->element[0]->type != REDIS_REPLY_STRING) {
        r->api->free_reply(rep);
        return st_seterr(err, errlen, ST_EIO, "redis XAUTOCLAIM: unexpected reply");
    }
    snprintf(r->cursor, sizeof r->cursor, "%s", rep->element[0]->str);
    rc = parse_entries(rep->element[1], out);
    r->api->free_reply(rep);
    return rc == ST_ENOMEM ? st_seterr(err, errlen, rc, "out of memory") : rc;
}

/* Scans on from where the last call stopped, until entries are found or the
 * scan wraps to the start ("0-0"): successive calls walk the whole list. */
static int r_claim_stale(st_stream *s, const char *group, const char *consumer,
                         long min_idle_ms, size_t count, st_stream_entries *out, char *err,
                         size_t errlen)
{
    redis_conn *r = s->impl;
    char idle[32], n[32];
    snprintf(idle, sizeof idle, "%ld", min_idle_ms);
    snprintf(n, sizeof n, "%zu", count);
    size_t before = out->n;
    for (int i = 0; i < MAX_CLAIM_CALLS; i++) {
        int rc = claim_once(s, group, consumer, idle, n, out, err, errlen);
        if (rc != ST_OK || out->n > before || strcmp(r->cursor, "0-0") == 0)
            return rc;
    }
    return ST_OK;
}

static int r_pending(st_stream *s, const char *group, size_t *n, char *err, size_t errlen)
{
    const char *argv[] = {"XPENDING", s->url.name, group};
    redisReply *rep;
    int rc = run(s->impl, 3, argv, NULL, NULL, &rep, err, errlen);
    if (rc != ST_OK)
        return rc;
    redis_conn *r = s->impl;
    int ok = rep->type == REDIS_REPLY_ARRAY && rep->elements >= 1 &&
             rep->element[0]->type == REDIS_REPLY_INTEGER;
    *n = ok ? (size_t)rep->element[0]->integer : 0;
    r->api->free_reply(rep);
    return ok ? ST_OK : st_seterr(err, errlen, ST_EIO, "redis XPENDING: unexpected reply");
}

const st_stream_ops st_stream_redis_ops = {
    "redis",        r_connect, r_publish, r_create_group, r_read_group, r_ack,
    r_claim_stale, r_pending, r_close};

#else /* no hiredis header at build time */

static int r_connect(st_stream *s, char *err, size_t errlen)
{
    return st_seterr(err, errlen, ST_EIO,
                     "storytrack was built without hiredis (install libhiredis-dev and rebuild)");
}

static void r_close(st_stream *s) { s->impl = NULL; }

const st_stream_ops st_stream_redis_ops = {"redis", r_connect, NULL, NULL, NULL,
                                           NULL,    NULL,      NULL, r_close};
#endif
