/* db.h — the store's private view of st_db. Only src/store speaks SQL. */
#ifndef ST_STORE_DB_H
#define ST_STORE_DB_H

#include <libpq-fe.h>
#include <sqlite3.h>

#include "storytrack.h"

/* One of conn (SQLite, the default) and pg (a postgresql:// URL) is set. */
struct st_db {
    sqlite3 *conn;
    PGconn *pg;
    PGconn *pg_side; /* autocommit connection for shared rows, opened on first use */
    struct st_pg_cache *pg_cache, *pg_side_cache; /* their prepared statements */
    char pg_state[8]; /* SQLSTATE of the last failed PostgreSQL statement */
    char *path;
    int in_tx; /* a write transaction is open */
    int linker_fd; /* SQLite: the locked "<path>-linker" file, or -1 */
    int shared_writers; /* st_store_set_shared_writers */
};

/* The first line of every store entry point: a PostgreSQL handle is answered
 * by the function's st_pg_* twin (store/pg/pg.h). */
#define ST_ON_PG(db, call)    \
    do {                      \
        if ((db)->pg)         \
            return (call);    \
    } while (0)

/* SQL pieces shared by the SQLite queries (query*.c). SORTED_AT: the array
 * at path of the JSON document j, sorted: values in byte order, null first
 * (pg_query.h's ST_PG_SORTED_SET is the PostgreSQL twin). SQLite before 3.44
 * has no ORDER BY inside an aggregate, and an aggregate cannot feed
 * json_each in its own query, so the sort is of the built document. */
#define SORTED_AT(j, path)                                                      \
    "(SELECT json(json_group_array(value)) FROM (SELECT value FROM json_each(" j \
    ", '" path "') ORDER BY value))"

/* j with its languages and sources sorted. */
#define SETS_SORTED(j)                                                               \
    "json_set(" j ", '$.languages', " SORTED_AT(j, "$.languages") ", '$.sources', " \
    SORTED_AT(j, "$.sources") ")"

/* Whether path names a PostgreSQL database (postgresql:// or postgres://). */
int st_db_is_pg_url(const char *path);

/* Prepares sql; on failure logs the SQLite message to stderr and returns NULL. */
sqlite3_stmt *st_db_prepare(st_db *db, const char *sql);
/* Runs statements without results; returns ST_OK or ST_EDB (message to err). */
int st_db_exec(st_db *db, const char *sql, char *err, size_t errlen);
/* Binds text or NULL. */
int st_db_bind_text(sqlite3_stmt *st, int i, const char *s);
/* Binds the common st_query filters that every listing query uses:
 * ?1 language, ?2 since, ?3 until, ?4 story (0 = any), ?5 limit (-1 = none),
 * ?6 offset. q may be NULL (no filters). Parameters from ?7 on are the
 * caller's. */
void st_db_bind_query(sqlite3_stmt *st, const st_query *q);
/* Steps a statement whose one row and column is a JSON document, puts a
 * malloc'd copy in *out and finalizes the statement. ST_ENOTFOUND when there
 * is no row or the value is NULL; ST_EDB when st is NULL or the step fails. */
int st_db_step_doc(sqlite3_stmt *st, char **out);
/* Runs a query without parameters whose first row's first column is an
 * integer, into *out (0 when there is no row). ST_OK or ST_EDB. */
int st_db_query_int64(st_db *db, const char *sql, int64_t *out);
/* Column text as a new malloc'd string (NULL for SQL NULL); caller frees. */
char *st_db_column_dup(sqlite3_stmt *st, int i);

#endif
