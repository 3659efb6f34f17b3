/* pg_extract.c — STUB: being written; every function answers ST_EDB for now. */
#include "store/db.h"
#include "store/pg/pg.h"

int st_pg_extract_store(st_db *db, int64_t article_id, const char *text, const char *lang,
                        const st_ex_result *r, char *err, size_t errlen)
{
    (void)db;
    (void)article_id;
    (void)text;
    (void)lang;
    (void)r;
    (void)err;
    (void)errlen;
    return ST_EDB;
}

int st_pg_events_store_clear(st_db *db, int64_t article_id)
{
    (void)db;
    (void)article_id;
    return ST_EDB;
}

int st_pg_events_store_put(st_db *db, const st_cameo_row *r)
{
    (void)db;
    (void)r;
    return ST_EDB;
}

