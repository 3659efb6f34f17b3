/* articles.c — writing articles, assignments and clusters. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/pg/pg.h"
#include "store/store.h"
#include "util/util.h"

int st_store_begin(st_db *db)
{
    ST_ON_PG(db, st_pg_store_begin(db));
    if (db->in_tx)
        return ST_OK;
    /* IMMEDIATE takes the write lock now, so a concurrent writer waits at
     * the start of a batch instead of failing half-way through it. */
    if (st_db_exec(db, "BEGIN IMMEDIATE", NULL, 0) != ST_OK)
        return ST_EDB;
    db->in_tx = 1;
    return ST_OK;
}

int st_store_commit(st_db *db)
{
    ST_ON_PG(db, st_pg_store_commit(db));
    if (!db->in_tx)
        return ST_OK;
    db->in_tx = 0;
    return st_db_exec(db, "COMMIT", NULL, 0);
}

int st_store_rollback(st_db *db)
{
    ST_ON_PG(db, st_pg_store_rollback(db));
    if (!db->in_tx)
        return ST_OK;
    db->in_tx = 0;
    return st_db_exec(db, "ROLLBACK", NULL, 0);
}

/* Runs a prepared statement to completion and finalizes it. */
static int step_done(sqlite3_stmt *st)
{
    if (!st)
        return ST_EDB;
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return (rc == SQLITE_DONE || rc == SQLITE_ROW) ? ST_OK : ST_EDB;
}

static int64_t find_by(st_db *db, const char *sql, const char *value)
{
    if (!value)
        return 0;
    sqlite3_stmt *st = st_db_prepare(db, sql);
    if (!st)
        return ST_EDB;
    st_db_bind_text(st, 1, value);
    int64_t id = 0;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0);
    else if (rc != SQLITE_DONE)
        id = ST_EDB;
    sqlite3_finalize(st);
    return id;
}

int64_t st_store_find_article(st_db *db, const char *url, const char *ext_id,
                              const char *content_hash)
{
    ST_ON_PG(db, st_pg_store_find_article(db, url, ext_id, content_hash));
    int64_t id = find_by(db, "SELECT id FROM articles WHERE url=?", url);
    if (id == 0)
        id = find_by(db, "SELECT id FROM articles WHERE ext_id=?", ext_id);
    if (id == 0)
        id = find_by(db, "SELECT id FROM articles WHERE content_hash=?", content_hash);
    return id;
}

int st_db_has_url(st_db *db, const char *url)
{
    int64_t id = url ? st_store_find_article(db, url, NULL, NULL) : 0;
    return id < 0 ? ST_EDB : id > 0;
}

int st_store_insert_article(st_db *db, const st_article_row *r, int64_t *id)
{
    ST_ON_PG(db, st_pg_store_insert_article(db, r, id));
    sqlite3_stmt *st = st_db_prepare(
        db, "INSERT INTO articles(ext_id, url, source, title, body, language, lang_meta,"
            " lang_conf, published, ingested, content_hash, authors, extra, origin, minhash,"
            " simhash, dedup) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!st)
        return ST_EDB;
    const st_article *a = r->a;
    char now[32];
    st_now_iso(now);
    st_db_bind_text(st, 1, a->ext_id);
    st_db_bind_text(st, 2, a->url);
    st_db_bind_text(st, 3, a->source);
    st_db_bind_text(st, 4, a->title);
    st_db_bind_text(st, 5, a->body ? a->body : "");
    st_db_bind_text(st, 6, r->language);
    st_db_bind_text(st, 7, a->language);
    sqlite3_bind_double(st, 8, r->lang_conf);
    st_db_bind_text(st, 9, a->published);
    st_db_bind_text(st, 10, now);
    st_db_bind_text(st, 11, r->content_hash);
    st_db_bind_text(st, 12, a->authors);
    st_db_bind_text(st, 13, a->extra);
    st_db_bind_text(st, 14, a->origin);
    if (r->minhash)
        sqlite3_bind_blob(st, 15, r->minhash, (int)r->minhash_len, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 16, (sqlite3_int64)r->simhash);
    if (r->dedup)
        sqlite3_bind_blob(st, 17, r->dedup, (int)r->dedup_len, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc == SQLITE_CONSTRAINT)
        return ST_EDUP;
    if (rc != SQLITE_DONE)
        return ST_EDB;
    *id = sqlite3_last_insert_rowid(db->conn);
    return ST_OK;
}

int st_store_set_cluster(st_db *db, int64_t article, int64_t event, int64_t story,
                         int first_story)
{
    ST_ON_PG(db, st_pg_store_set_cluster(db, article, event, story, first_story));
    sqlite3_stmt *st = st_db_prepare(
        db, "UPDATE articles SET event_id=?, story_id=?, first_story=? WHERE id=?");
    if (!st)
        return ST_EDB;
    sqlite3_bind_int64(st, 1, event);
    sqlite3_bind_int64(st, 2, story);
    sqlite3_bind_int(st, 3, first_story);
    sqlite3_bind_int64(st, 4, article);
    return step_done(st);
}

int st_store_put_dup(st_db *db, int64_t a, int64_t b, const char *kind, double jaccard,
                     double containment, int simhash_dist)
{
    ST_ON_PG(db, st_pg_store_put_dup(db, a, b, kind, jaccard, containment, simhash_dist));
    sqlite3_stmt *st = st_db_prepare(db, "INSERT OR REPLACE INTO dup_pairs(a, b, kind,"
                                         " jaccard, containment, simhash_dist)"
                                         " VALUES (?,?,?,?,?,?)");
    if (!st)
        return ST_EDB;
    sqlite3_bind_int64(st, 1, a < b ? a : b);
    sqlite3_bind_int64(st, 2, a < b ? b : a);
    st_db_bind_text(st, 3, kind);
    sqlite3_bind_double(st, 4, jaccard);
    sqlite3_bind_double(st, 5, containment);
    sqlite3_bind_int(st, 6, simhash_dist);
    return step_done(st);
}

static int put_cluster(st_db *db, const char *sql, const st_cluster_row *r, int with_story)
{
    sqlite3_stmt *st = st_db_prepare(db, sql);
    if (!st)
        return ST_EDB;
    int i = 1;
    sqlite3_bind_int64(st, i++, r->id);
    if (with_story)
        sqlite3_bind_int64(st, i++, r->story_id);
    st_db_bind_text(st, i++, r->label);
    st_db_bind_text(st, i++, r->terms_json);
    st_db_bind_text(st, i++, r->entities_json);
    return step_done(st);
}

int st_store_put_event(st_db *db, const st_cluster_row *r)
{
    ST_ON_PG(db, st_pg_store_put_event(db, r));
    return put_cluster(db,
                       "INSERT OR REPLACE INTO events(id, story_id, label, terms, entities)"
                       " VALUES (?,?,?,?,?)",
                       r, 1);
}

int st_store_put_story(st_db *db, const st_cluster_row *r)
{
    ST_ON_PG(db, st_pg_store_put_story(db, r));
    return put_cluster(db,
                       "INSERT OR REPLACE INTO stories(id, label, terms, entities)"
                       " VALUES (?,?,?,?)",
                       r, 0);
}

int st_store_move_event(st_db *db, int64_t event, int64_t story)
{
    ST_ON_PG(db, st_pg_store_move_event(db, event, story));
    sqlite3_stmt *st = st_db_prepare(
        db, "UPDATE articles SET story_id=?1 WHERE event_id=?2 AND story_id IS NOT ?1");
    if (!st)
        return ST_EDB;
    sqlite3_bind_int64(st, 1, story);
    sqlite3_bind_int64(st, 2, event);
    int rc = step_done(st);
    if (rc != ST_OK)
        return rc;
    st = st_db_prepare(db, "UPDATE events SET story_id=?1 WHERE id=?2");
    if (!st)
        return ST_EDB;
    sqlite3_bind_int64(st, 1, story);
    sqlite3_bind_int64(st, 2, event);
    return step_done(st);
}

int st_store_clear_derived(st_db *db)
{
    ST_ON_PG(db, st_pg_store_clear_derived(db));
    return st_db_exec(db,
                      "DELETE FROM dup_pairs; DELETE FROM events; DELETE FROM stories;"
                      "DELETE FROM mentions; DELETE FROM entity_aliases; DELETE FROM entities;"
                      "DELETE FROM quotes; DELETE FROM claims; DELETE FROM dates;"
                      "DELETE FROM cameo_events;"
                      "UPDATE articles SET event_id=NULL, story_id=NULL, first_story=0;",
                      NULL, 0);
}

int st_store_each_article(st_db *db, size_t newest, st_stored_fn fn, void *ud)
{
    ST_ON_PG(db, st_pg_store_each_article(db, newest, fn, ud));
    /* The inner query walks articles_pub_order backwards to pick the newest. */
    sqlite3_stmt *st = st_db_prepare(
        db, "SELECT id, ext_id, url, source, title, body, lang_meta, published, authors,"
            " extra, origin, event_id, story_id FROM (SELECT * FROM articles"
            "  ORDER BY published IS NULL DESC, published DESC, id DESC LIMIT ?1)"
            " ORDER BY published IS NULL, published, id");
    if (!st)
        return ST_EDB;
    sqlite3_bind_int64(st, 1, newest ? (sqlite3_int64)newest : -1);
    int rc = ST_OK, step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        st_article a = {
            .ext_id = (char *)sqlite3_column_text(st, 1),
            .url = (char *)sqlite3_column_text(st, 2),
            .source = (char *)sqlite3_column_text(st, 3),
            .title = (char *)sqlite3_column_text(st, 4),
            .body = (char *)sqlite3_column_text(st, 5),
            .language = (char *)sqlite3_column_text(st, 6),
            .published = (char *)sqlite3_column_text(st, 7),
            .authors = (char *)sqlite3_column_text(st, 8),
            .extra = (char *)sqlite3_column_text(st, 9),
            .origin = (char *)sqlite3_column_text(st, 10),
        };
        rc = fn(sqlite3_column_int64(st, 0), &a, sqlite3_column_int64(st, 11),
                sqlite3_column_int64(st, 12), ud);
        if (rc != ST_OK)
            break;
    }
    if (rc == ST_OK && step != SQLITE_DONE)
        rc = ST_EDB;
    sqlite3_finalize(st);
    return rc;
}

int64_t st_store_count_articles(st_db *db)
{
    ST_ON_PG(db, st_pg_store_count_articles(db));
    int64_t n;
    return st_db_query_int64(db, "SELECT count(*) FROM articles", &n) == ST_OK ? n : ST_EDB;
}

int st_store_each_dedup(st_db *db, size_t newest, st_blob_fn fn, void *ud)
{
    ST_ON_PG(db, st_pg_store_each_dedup(db, newest, fn, ud));
    sqlite3_stmt *st = st_db_prepare(
        db, "SELECT id, dedup FROM (SELECT id, dedup FROM articles WHERE dedup IS NOT NULL"
            /* unlinked articles enter the index when the linker takes them */
            " AND event_id IS NOT NULL"
            " ORDER BY id DESC LIMIT ?1) ORDER BY id");
    if (!st)
        return ST_EDB;
    sqlite3_bind_int64(st, 1, newest ? (sqlite3_int64)newest : -1);
    int rc = ST_OK, step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        rc = fn(sqlite3_column_int64(st, 0), sqlite3_column_blob(st, 1),
                (size_t)sqlite3_column_bytes(st, 1), ud);
        if (rc != ST_OK)
            break;
    }
    if (rc == ST_OK && step != SQLITE_DONE)
        rc = ST_EDB;
    sqlite3_finalize(st);
    return rc;
}

int st_store_article_labels(st_db *db, const char *key, int64_t *event, int64_t *story,
                            char lang[8])
{
    ST_ON_PG(db, st_pg_store_article_labels(db, key, event, story, lang));
    sqlite3_stmt *st = st_db_prepare(db, "SELECT coalesce(event_id, 0), coalesce(story_id, 0),"
                                         " coalesce(language, 'und') FROM articles"
                                         " WHERE ext_id=?1 OR url=?1 LIMIT 1");
    if (!st)
        return ST_EDB;
    st_db_bind_text(st, 1, key);
    int rc = sqlite3_step(st), ret = ST_ENOTFOUND;
    if (rc == SQLITE_ROW) {
        *event = sqlite3_column_int64(st, 0);
        *story = sqlite3_column_int64(st, 1);
        snprintf(lang, 8, "%s", (const char *)sqlite3_column_text(st, 2));
        ret = ST_OK;
    } else if (rc != SQLITE_DONE) {
        ret = ST_EDB;
    }
    sqlite3_finalize(st);
    return ret;
}
