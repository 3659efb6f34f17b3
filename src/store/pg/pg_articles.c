/* pg_articles.c — STUB: being written; every function answers ST_EDB for now. */
#include "store/db.h"
#include "store/pg/pg.h"

int st_pg_store_begin(st_db *db)
{
    (void)db;
    return ST_EDB;
}

int st_pg_store_commit(st_db *db)
{
    (void)db;
    return ST_EDB;
}

int st_pg_store_rollback(st_db *db)
{
    (void)db;
    return ST_EDB;
}

int64_t st_pg_store_find_article(st_db *db, const char *url, const char *ext_id,
                                 const char *content_hash)
{
    (void)db;
    (void)url;
    (void)ext_id;
    (void)content_hash;
    return ST_EDB;
}

int st_pg_store_insert_article(st_db *db, const st_article_row *r, int64_t *id)
{
    (void)db;
    (void)r;
    (void)id;
    return ST_EDB;
}

int st_pg_store_set_cluster(st_db *db, int64_t article, int64_t event, int64_t story,
                            int first_story)
{
    (void)db;
    (void)article;
    (void)event;
    (void)story;
    (void)first_story;
    return ST_EDB;
}

int st_pg_store_put_dup(st_db *db, int64_t a, int64_t b, const char *kind, double jaccard,
                        double containment, int simhash_dist)
{
    (void)db;
    (void)a;
    (void)b;
    (void)kind;
    (void)jaccard;
    (void)containment;
    (void)simhash_dist;
    return ST_EDB;
}

int st_pg_store_put_event(st_db *db, const st_cluster_row *r)
{
    (void)db;
    (void)r;
    return ST_EDB;
}

int st_pg_store_put_story(st_db *db, const st_cluster_row *r)
{
    (void)db;
    (void)r;
    return ST_EDB;
}

int st_pg_store_move_event(st_db *db, int64_t event, int64_t story)
{
    (void)db;
    (void)event;
    (void)story;
    return ST_EDB;
}

int st_pg_store_clear_derived(st_db *db)
{
    (void)db;
    return ST_EDB;
}

int st_pg_store_each_article(st_db *db, size_t newest, st_stored_fn fn, void *ud)
{
    (void)db;
    (void)newest;
    (void)fn;
    (void)ud;
    return ST_EDB;
}

int st_pg_store_each_dedup(st_db *db, size_t newest, st_blob_fn fn, void *ud)
{
    (void)db;
    (void)newest;
    (void)fn;
    (void)ud;
    return ST_EDB;
}

int st_pg_store_article_labels(st_db *db, const char *key, int64_t *event, int64_t *story,
                               char lang[8])
{
    (void)db;
    (void)key;
    (void)event;
    (void)story;
    (void)lang;
    return ST_EDB;
}

int64_t st_pg_store_count_articles(st_db *db)
{
    (void)db;
    return ST_EDB;
}

