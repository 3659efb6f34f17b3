/* store_check.c — checks on a stored database that work on both engines,
 * for the crash tests. */
#include "harness.h"
#include "store/db.h"
#include "store/pg/pg.h"
#include "store_check.h"

/* The count sql answers, on either engine: its one parameter is written $1,
 * which SQLite reads as a named parameter bound at index 1. -1 on failure. */
int th_count_where(st_db *db, const char *sql, const char *arg)
{
    if (db->pg) {
        st_pg_params p = {0};
        if (arg)
            st_pg_text(&p, arg);
        int64_t n = -1;
        return st_pg_int64(db, sql, &p, &n) == ST_OK ? (int)n : -1;
    }
    sqlite3_stmt *st = st_db_prepare(db, sql);
    int n = -1;
    if (st) {
        if (arg)
            sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(st) == SQLITE_ROW)
            n = sqlite3_column_int(st, 0);
    }
    sqlite3_finalize(st);
    return n;
}

/* The engine's own consistency check: SQLite's integrity_check, or on
 * PostgreSQL amcheck over every B-tree index of articles, with
 * heapallindexed (each row is found in each index). */
void th_check_integrity(st_db *db)
{
    if (db->pg) {
        CHECK_INT(st_pg_exec(db, "CREATE EXTENSION IF NOT EXISTS amcheck", NULL), ST_OK);
        CHECK(th_count_where(db,
                          "SELECT count(bt_index_check(i.indexrelid, true)) FROM pg_index i"
                          " JOIN pg_class c ON c.oid = i.indexrelid"
                          " JOIN pg_am am ON am.oid = c.relam"
                          " WHERE i.indrelid = 'articles'::regclass AND am.amname = 'btree'",
                          NULL) >= 5);
        return;
    }
    sqlite3_stmt *st = st_db_prepare(db, "PRAGMA integrity_check");
    CHECK(st && sqlite3_step(st) == SQLITE_ROW);
    if (st)
        CHECK_STR((const char *)sqlite3_column_text(st, 0), "ok");
    sqlite3_finalize(st);
}

