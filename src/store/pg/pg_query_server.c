/* pg_query_server.c — STUB: being written; every function answers ST_EDB for now. */
#include "store/db.h"
#include "store/pg/pg.h"

int st_pg_qs_readonly(st_db *db)
{
    (void)db;
    return ST_EDB;
}

int st_pg_qs_version_json(st_db *db, char **out)
{
    (void)db;
    (void)out;
    return ST_EDB;
}

int st_pg_qs_data_version(st_db *db, int64_t *out)
{
    (void)db;
    (void)out;
    return ST_EDB;
}

int st_pg_qs_max_article_id(st_db *db, int64_t *out)
{
    (void)db;
    (void)out;
    return ST_EDB;
}

int st_pg_qs_articles_after_json(st_db *db, int64_t after, char **out)
{
    (void)db;
    (void)after;
    (void)out;
    return ST_EDB;
}

int64_t st_pg_qs_find_article(st_db *db, const char *ext_id, const char *url)
{
    (void)db;
    (void)ext_id;
    (void)url;
    return ST_EDB;
}

int st_pg_qs_stories_json(st_db *db, const st_query *q, char **out)
{
    (void)db;
    (void)q;
    (void)out;
    return ST_EDB;
}

int st_pg_qs_timeline_json(st_db *db, int64_t story, char **out)
{
    (void)db;
    (void)story;
    (void)out;
    return ST_EDB;
}

int st_pg_qs_story_exists(st_db *db, int64_t story)
{
    (void)db;
    (void)story;
    return ST_EDB;
}

int st_pg_qs_entity_json(st_db *db, int64_t id, char **out)
{
    (void)db;
    (void)id;
    (void)out;
    return ST_EDB;
}

int st_pg_qs_story_texts(st_db *db, int64_t story, st_qs_text **out, size_t *n)
{
    (void)db;
    (void)story;
    (void)out;
    (void)n;
    return ST_EDB;
}

