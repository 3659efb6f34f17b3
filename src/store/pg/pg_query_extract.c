/* pg_query_extract.c — STUB: being written; every function answers ST_EDB for now. */
#include "store/db.h"
#include "store/pg/pg.h"

int st_pg_entities_json(st_db *db, const st_query *q, char **out)
{
    (void)db;
    (void)q;
    (void)out;
    return ST_EDB;
}

int st_pg_quotes_json(st_db *db, const st_query *q, char **out)
{
    (void)db;
    (void)q;
    (void)out;
    return ST_EDB;
}

int st_pg_claims_json(st_db *db, const st_query *q, char **out)
{
    (void)db;
    (void)q;
    (void)out;
    return ST_EDB;
}

int st_pg_conflicts_json(st_db *db, const st_query *q, char **out)
{
    (void)db;
    (void)q;
    (void)out;
    return ST_EDB;
}

