/* pg_query.c — STUB: being written; every function answers ST_EDB for now. */
#include "store/db.h"
#include "store/pg/pg.h"

int st_pg_articles_json(st_db *db, const st_query *q, char **out)
{
    (void)db;
    (void)q;
    (void)out;
    return ST_EDB;
}

int st_pg_article_json(st_db *db, const char *id, char **out)
{
    (void)db;
    (void)id;
    (void)out;
    return ST_EDB;
}

int st_pg_search_json(st_db *db, const st_query *q, char **out)
{
    (void)db;
    (void)q;
    (void)out;
    return ST_EDB;
}

int st_pg_dups_json(st_db *db, const st_query *q, char **out)
{
    (void)db;
    (void)q;
    (void)out;
    return ST_EDB;
}

int st_pg_stories_json(st_db *db, const st_query *q, char **out)
{
    (void)db;
    (void)q;
    (void)out;
    return ST_EDB;
}

int st_pg_story_json(st_db *db, int64_t id, char **out)
{
    (void)db;
    (void)id;
    (void)out;
    return ST_EDB;
}

