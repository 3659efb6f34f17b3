/* pg_db.c — connecting, migrating and running statements on PostgreSQL. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/pg/pg.h"
#include "store/pg/pg_schema.sql.h"
#include "util/util.h"

/* Any number: the key of the advisory lock that serialises migrations. */
#define MIGRATION_LOCK 7401001

/* The next parameter's slot; running out is a programming error:
 * ST_PG_MAXPARAMS is sized for our own statements. */
static int slot(st_pg_params *p)
{
    if (p->n >= ST_PG_MAXPARAMS)
        abort();
    return p->n++;
}

static void push(st_pg_params *p, const char *v, int len, int fmt)
{
    int i = slot(p);
    p->v[i] = v;
    p->len[i] = len;
    p->fmt[i] = fmt;
}

void st_pg_text(st_pg_params *p, const char *s) { push(p, s, 0, 0); }

static void push_num(st_pg_params *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void push_num(st_pg_params *p, const char *fmt, ...)
{
    int i = slot(p);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->num[i], sizeof p->num[i], fmt, ap);
    va_end(ap);
    p->v[i] = p->num[i];
    p->len[i] = 0;
    p->fmt[i] = 0;
}

void st_pg_int(st_pg_params *p, int64_t v) { push_num(p, "%" PRId64, v); }

/* %.17g round-trips a double exactly, as SQLite keeps it. */
void st_pg_double(st_pg_params *p, double v) { push_num(p, "%.17g", v); }

void st_pg_blob(st_pg_params *p, const void *b, size_t n) { push(p, b, (int)n, 1); }

void st_pg_query_params(st_pg_params *p, const st_query *q)
{
    static const st_query none;
    if (!q)
        q = &none;
    st_pg_text(p, q->language);
    st_pg_text(p, q->since);
    st_pg_text(p, q->until);
    st_pg_int(p, q->story);
    if (q->limit)
        st_pg_int(p, (int64_t)q->limit);
    else
        st_pg_text(p, NULL);
    st_pg_int(p, (int64_t)q->offset);
    st_pg_text(p, q->text);
}

/* Prepared statements of one connection, by the hash of their text: the
 * same few dozen statements run for every article, and parsing and planning
 * them each time was half the server's time. Bounded: dynamic texts past
 * CACHE_MAX run unprepared. */
#define CACHE_MAX 256

struct st_pg_cache {
    uint64_t hash[CACHE_MAX];
    char *sql[CACHE_MAX];
    int n;
};

void st_pg_cache_free(struct st_pg_cache *c)
{
    for (int i = 0; c && i < c->n; i++)
        free(c->sql[i]);
    free(c);
}

/* Only these can be prepared; DECLARE, SET and the like run as they are. */
static int preparable(const char *sql)
{
    static const char *const verbs[] = {"SELECT", "INSERT", "UPDATE", "DELETE", "WITH"};
    for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++)
        if (!strncmp(sql, verbs[i], strlen(verbs[i])))
            return 1;
    return 0;
}

/* The name of sql's prepared statement on conn ("" when it is not to be
 * prepared), preparing it on first use; NULL when preparing failed. */
static const char *prepared(PGconn *conn, struct st_pg_cache **cp, const char *sql,
                            char name[24], PGresult **fail)
{
    *name = '\0';
    if (!preparable(sql) || (!*cp && !(*cp = calloc(1, sizeof **cp))))
        return name;
    struct st_pg_cache *c = *cp;
    uint64_t h = st_hash64(sql, strlen(sql));
    for (int i = 0; i < c->n; i++)
        if (c->hash[i] == h && !strcmp(c->sql[i], sql)) {
            snprintf(name, 24, "st%d", i);
            return name;
        }
    if (c->n == CACHE_MAX)
        return name;
    snprintf(name, 24, "st%d", c->n);
    PGresult *res = PQprepare(conn, name, sql, 0, NULL);
    if (PQresultStatus(res) != PGRES_COMMAND_OK) {
        *fail = res;
        return NULL;
    }
    PQclear(res);
    if (!(c->sql[c->n] = st_strdup(sql))) {
        *name = '\0'; /* prepared but not remembered: harmless */
        return name;
    }
    c->hash[c->n++] = h;
    return name;
}

static PGresult *run_on(st_db *db, PGconn *conn, struct st_pg_cache **cache, const char *sql,
                        const st_pg_params *p)
{
    static const st_pg_params none;
    if (!p)
        p = &none;
    char namebuf[24];
    PGresult *res = NULL;
    const char *name = prepared(conn, cache, sql, namebuf, &res);
    if (name && *name)
        res = PQexecPrepared(conn, name, p->n, p->v, p->len, p->fmt, 0);
    else if (name)
        res = PQexecParams(conn, sql, p->n, NULL, p->v, p->len, p->fmt, 0);
    ExecStatusType s = PQresultStatus(res);
    if (s == PGRES_TUPLES_OK || s == PGRES_COMMAND_OK)
        return res;
    const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    /* A unique violation is an answer (ST_EDUP), and a deadlock or
     * serialization failure is retried by the caller (st_store_transient):
     * neither is a fault to print. */
    if (!state || (strcmp(state, "23505") && strcmp(state, "40P01") && strcmp(state, "40001")))
        fprintf(stderr, "storytrack: sql: %s", PQerrorMessage(conn));
    db->pg_state[0] = 0;
    if (state)
        snprintf(db->pg_state, sizeof db->pg_state, "%s", state);
    PQclear(res);
    return NULL;
}

PGresult *st_pg_run(st_db *db, const char *sql, const st_pg_params *p)
{
    return run_on(db, db->pg, &db->pg_cache, sql, p);
}

PGresult *st_pg_run_side(st_db *db, const char *sql, const st_pg_params *p)
{
    if (!db->pg_side) {
        db->pg_side = PQconnectdb(db->path);
        if (PQstatus(db->pg_side) != CONNECTION_OK) {
            fprintf(stderr, "storytrack: %s: %s", db->path, PQerrorMessage(db->pg_side));
            PQfinish(db->pg_side);
            db->pg_side = NULL;
            return NULL;
        }
        PQclear(PQexec(db->pg_side, "SET client_min_messages=warning"));
    }
    return run_on(db, db->pg_side, &db->pg_side_cache, sql, p);
}

int st_pg_exec(st_db *db, const char *sql, const st_pg_params *p)
{
    PGresult *res = st_pg_run(db, sql, p);
    if (!res)
        return strcmp(db->pg_state, "23505") ? ST_EDB : ST_EDUP;
    PQclear(res);
    return ST_OK;
}

const char *st_pg_value(const PGresult *res, int row, int col)
{
    return PQgetisnull(res, row, col) ? NULL : PQgetvalue(res, row, col);
}

int64_t st_pg_value_int64(const PGresult *res, int row, int col)
{
    const char *v = st_pg_value(res, row, col);
    return v ? strtoll(v, NULL, 10) : 0;
}

int st_pg_doc(st_db *db, const char *sql, const st_pg_params *p, char **out)
{
    *out = NULL;
    PGresult *res = st_pg_run(db, sql, p);
    if (!res)
        return ST_EDB;
    int rc = ST_ENOTFOUND;
    const char *v = PQntuples(res) > 0 ? st_pg_value(res, 0, 0) : NULL;
    if (v)
        rc = (*out = st_strdup(v)) ? ST_OK : ST_ENOMEM;
    PQclear(res);
    return rc;
}

int st_pg_int64(st_db *db, const char *sql, const st_pg_params *p, int64_t *out)
{
    *out = 0;
    PGresult *res = st_pg_run(db, sql, p);
    if (!res)
        return ST_EDB;
    if (PQntuples(res) > 0)
        *out = st_pg_value_int64(res, 0, 0);
    PQclear(res);
    return ST_OK;
}

int st_pg_exec_script(st_db *db, const char *sql, char *err, size_t errlen)
{
    PGresult *res = PQexec(db->pg, sql);
    ExecStatusType s = PQresultStatus(res);
    PQclear(res);
    if (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK)
        return ST_OK;
    return st_seterr(err, errlen, ST_EDB, "%s", PQerrorMessage(db->pg));
}

/* As db.c's migrate(): one transaction per migration with its version bump;
 * the advisory lock makes a second process wait and then find the work done. */
static int migrate(st_db *db, char *err, size_t errlen)
{
    for (;;) {
        int64_t v = -1;
        char sql[200];
        /* Even CREATE ... IF NOT EXISTS races with itself: lock first. */
        snprintf(sql, sizeof sql,
                 "BEGIN; SELECT pg_advisory_xact_lock(%d);"
                 "CREATE TABLE IF NOT EXISTS st_schema(version INTEGER NOT NULL);",
                 MIGRATION_LOCK);
        if (st_pg_exec_script(db, sql, err, errlen) != ST_OK ||
            st_pg_int64(db, "SELECT coalesce(max(version), 0) FROM st_schema", NULL, &v) != ST_OK) {
            st_pg_exec_script(db, "ROLLBACK", NULL, 0);
            return st_seterr(err, errlen, ST_EDB, "%s: cannot read schema version", db->path);
        }
        if (v > ST_PG_SCHEMA_VERSION) {
            st_pg_exec_script(db, "ROLLBACK", NULL, 0);
            return st_seterr(err, errlen, ST_EDB,
                             "%s: schema version %d is newer than this storytrack (%d)",
                             db->path, (int)v, ST_PG_SCHEMA_VERSION);
        }
        if (v == ST_PG_SCHEMA_VERSION)
            return st_pg_exec_script(db, "COMMIT", err, errlen);
        snprintf(sql, sizeof sql, "DELETE FROM st_schema; INSERT INTO st_schema VALUES (%d);",
                 (int)v + 1);
        if (st_pg_exec_script(db, st_pg_migrations[v], err, errlen) != ST_OK ||
            st_pg_exec_script(db, sql, err, errlen) != ST_OK ||
            st_pg_exec_script(db, "COMMIT", err, errlen) != ST_OK) {
            st_pg_exec_script(db, "ROLLBACK", NULL, 0);
            return ST_EDB;
        }
    }
}

int st_pg_open(const char *url, st_db *db, char *err, size_t errlen)
{
    db->pg = PQconnectdb(url);
    if (!db->pg)
        return st_seterr(err, errlen, ST_ENOMEM, "out of memory");
    if (PQstatus(db->pg) != CONNECTION_OK)
        return st_seterr(err, errlen, ST_EDB, "%s: %s", url, PQerrorMessage(db->pg));
    /* Quiet NOTICEs ("relation already exists, skipping") and pin the
     * formats the documents are compared in. */
    if (st_pg_exec_script(db,
                          "SET client_min_messages=warning; SET client_encoding=UTF8;"
                          "SET extra_float_digits=1; SET TIME ZONE 'UTC';",
                          err, errlen) != ST_OK)
        return ST_EDB;
    return migrate(db, err, errlen);
}

void st_pg_close(st_db *db)
{
    if (db->pg) {
        if (db->in_tx)
            st_pg_exec_script(db, "COMMIT", NULL, 0);
        PQfinish(db->pg);
        PQfinish(db->pg_side);
        db->pg = db->pg_side = NULL;
        st_pg_cache_free(db->pg_cache);
        st_pg_cache_free(db->pg_side_cache);
        db->pg_cache = db->pg_side_cache = NULL;
    }
}
