/* pg_query_events.c — STUB: being written; every function answers ST_EDB for now. */
#include "store/db.h"
#include "store/pg/pg.h"

int st_pg_cameo_events_json(st_db *db, const st_query *q, char **out)
{
    (void)db;
    (void)q;
    (void)out;
    return ST_EDB;
}

int st_pg_export_gdelt(st_db *db, const st_query *q, FILE *f)
{
    (void)db;
    (void)q;
    (void)f;
    return ST_EDB;
}

