/* db.c — opening, configuring and migrating the SQLite database. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/db.h"
#include "store/pg/pg.h"
#include "store/store.h"
#include "store/schema.sql.h"
#include "util/util.h"

int st_db_schema_version(void) { return ST_SCHEMA_VERSION; }

sqlite3_stmt *st_db_prepare(st_db *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->conn, sql, -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "storytrack: sql: %s\n", sqlite3_errmsg(db->conn));
        return NULL;
    }
    return st;
}

int st_db_exec(st_db *db, const char *sql, char *err, size_t errlen)
{
    ST_ON_PG(db, st_pg_exec_script(db, sql, err, errlen));
    char *msg = NULL;
    if (sqlite3_exec(db->conn, sql, NULL, NULL, &msg) != SQLITE_OK) {
        st_seterr(err, errlen, ST_EDB, "%s", msg ? msg : "sqlite error");
        sqlite3_free(msg);
        return ST_EDB;
    }
    return ST_OK;
}

int st_db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
    return s ? sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i);
}

char *st_db_column_dup(sqlite3_stmt *st, int i)
{
    const unsigned char *s = sqlite3_column_text(st, i);
    return s ? st_strdup((const char *)s) : NULL;
}

void st_db_bind_query(sqlite3_stmt *st, const st_query *q)
{
    static const st_query none;
    if (!q)
        q = &none;
    st_db_bind_text(st, 1, q->language);
    st_db_bind_text(st, 2, q->since);
    st_db_bind_text(st, 3, q->until);
    sqlite3_bind_int64(st, 4, q->story);
    sqlite3_bind_int64(st, 5, q->limit ? (sqlite3_int64)q->limit : -1);
    sqlite3_bind_int64(st, 6, (sqlite3_int64)q->offset);
}

int st_db_step_doc(sqlite3_stmt *st, char **out)
{
    *out = NULL;
    if (!st)
        return ST_EDB;
    int rc = sqlite3_step(st), ret = ST_OK;
    if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
        *out = st_db_column_dup(st, 0);
        if (!*out)
            ret = ST_ENOMEM;
    } else if (rc == SQLITE_ROW || rc == SQLITE_DONE) {
        ret = ST_ENOTFOUND;
    } else {
        ret = ST_EDB;
    }
    sqlite3_finalize(st);
    return ret;
}

int st_db_query_int64(st_db *db, const char *sql, int64_t *out)
{
    ST_ON_PG(db, st_pg_int64(db, sql, NULL, out));
    *out = 0;
    sqlite3_stmt *st = st_db_prepare(db, sql);
    if (!st)
        return ST_EDB;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return (rc == SQLITE_ROW || rc == SQLITE_DONE) ? ST_OK : ST_EDB;
}

static int user_version(st_db *db)
{
    int64_t v;
    return st_db_query_int64(db, "PRAGMA user_version", &v) == ST_OK ? (int)v : -1;
}

/* Each migration runs in its own transaction with its version bump, so a
 * crash mid-migration leaves the previous version intact. The version is read
 * again under the write lock: two processes opening a new file at once must
 * not both run the same migration. */
static int migrate(st_db *db, char *err, size_t errlen)
{
    int v = user_version(db);
    if (v < 0)
        return st_seterr(err, errlen, ST_EDB, "%s: cannot read schema version", db->path);
    if (v > ST_SCHEMA_VERSION)
        return st_seterr(err, errlen, ST_EDB,
                         "%s: schema version %d is newer than this storytrack (%d)", db->path,
                         v, ST_SCHEMA_VERSION);
    while (v < ST_SCHEMA_VERSION) {
        char bump[64];
        if (st_db_exec(db, "BEGIN IMMEDIATE", err, errlen) != ST_OK)
            return ST_EDB;
        if ((v = user_version(db)) >= ST_SCHEMA_VERSION) {
            st_db_exec(db, "COMMIT", NULL, 0);
            break;
        }
        snprintf(bump, sizeof bump, "PRAGMA user_version=%d;", v + 1);
        if (st_db_exec(db, st_migrations[v], err, errlen) != ST_OK ||
            st_db_exec(db, bump, err, errlen) != ST_OK) {
            st_db_exec(db, "ROLLBACK", NULL, 0);
            return ST_EDB;
        }
        if (st_db_exec(db, "COMMIT", err, errlen) != ST_OK)
            return ST_EDB;
        v++;
    }
    return ST_OK;
}

void st_store_set_shared_writers(st_db *db, int on) { db->shared_writers = on; }

int st_store_transient(st_db *db)
{
    return db->pg && (!strcmp(db->pg_state, "40P01") || !strcmp(db->pg_state, "40001"));
}

int st_db_is_pg_url(const char *path)
{
    return !strncmp(path, "postgresql://", 13) || !strncmp(path, "postgres://", 11);
}

int st_db_open(const char *path, st_db **out, char *err, size_t errlen)
{
    *out = NULL;
    st_db *db = calloc(1, sizeof *db);
    if (!db || !(db->path = st_strdup(path))) {
        free(db);
        return st_seterr(err, errlen, ST_ENOMEM, "out of memory");
    }
    db->linker_fd = -1;
    if (st_db_is_pg_url(path)) {
        int rc = st_pg_open(path, db, err, errlen);
        if (rc != ST_OK)
            st_db_close(db);
        else
            *out = db;
        return rc;
    }
    if (sqlite3_open_v2(path, &db->conn, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
        SQLITE_OK) {
        st_seterr(err, errlen, ST_EDB, "%s: %s", path,
                  db->conn ? sqlite3_errmsg(db->conn) : "cannot open");
        st_db_close(db);
        return ST_EDB;
    }
    /* Readers (the server) and one writer share the file: WAL lets them run
     * together; busy_timeout waits out a concurrent writer instead of failing. */
    sqlite3_busy_timeout(db->conn, 10000);
    int rc = st_db_exec(db,
                        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                        "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;",
                        err, errlen);
    if (rc == ST_OK)
        rc = migrate(db, err, errlen);
    if (rc != ST_OK) {
        st_db_close(db);
        return rc;
    }
    *out = db;
    return ST_OK;
}

void st_db_close(st_db *db)
{
    if (!db)
        return;
    st_pg_close(db);
    if (db->linker_fd >= 0)
        close(db->linker_fd); /* releases the flock */
    if (db->in_tx && db->conn)
        st_db_exec(db, "COMMIT", NULL, 0);
    sqlite3_close_v2(db->conn);
    free(db->path);
    free(db);
}
