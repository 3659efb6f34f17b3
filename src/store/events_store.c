/* events_store.c — inserts into cameo_events. */
#include "store/db.h"
#include "store/pg/pg.h"
#include "store/events_store.h"

int st_events_store_clear(st_db *db, int64_t article_id)
{
    ST_ON_PG(db, st_pg_events_store_clear(db, article_id));
    sqlite3_stmt *st = st_db_prepare(db, "DELETE FROM cameo_events WHERE article_id = ?1");
    if (!st)
        return ST_EDB;
    sqlite3_bind_int64(st, 1, article_id);
    int rc = sqlite3_step(st) == SQLITE_DONE ? ST_OK : ST_EDB;
    sqlite3_finalize(st);
    return rc;
}

int st_events_store_put(st_db *db, const st_cameo_row *r)
{
    ST_ON_PG(db, st_pg_events_store_put(db, r));
    sqlite3_stmt *st = st_db_prepare(
        db, "INSERT INTO cameo_events(article_id, sent_start, sent_end, date, source_actor,"
            " source_name, code, target_actor, target_name, place, goldstein, quad_class,"
            " negated, text) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)");
    if (!st)
        return ST_EDB;
    sqlite3_bind_int64(st, 1, r->article_id);
    sqlite3_bind_int64(st, 2, r->sent_start);
    sqlite3_bind_int64(st, 3, r->sent_end);
    st_db_bind_text(st, 4, r->date);
    st_db_bind_text(st, 5, r->source_actor);
    st_db_bind_text(st, 6, r->source_name);
    st_db_bind_text(st, 7, r->code);
    st_db_bind_text(st, 8, r->target_actor);
    st_db_bind_text(st, 9, r->target_name);
    st_db_bind_text(st, 10, r->place);
    sqlite3_bind_double(st, 11, r->goldstein);
    sqlite3_bind_int(st, 12, r->quad_class);
    sqlite3_bind_int(st, 13, r->negated);
    st_db_bind_text(st, 14, r->text);
    int rc = sqlite3_step(st) == SQLITE_DONE ? ST_OK : ST_EDB;
    sqlite3_finalize(st);
    return rc;
}
