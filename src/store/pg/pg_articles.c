/* pg_articles.c — the PostgreSQL twins of articles.c: writing articles,
 * assignments and clusters, and streaming them back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/pg/pg.h"
#include "util/util.h"

/* Rows per FETCH when streaming: a million-row store is never held at once. */
#define PAGE_ROWS "1000"

int st_pg_store_begin(st_db *db)
{
    if (db->in_tx)
        return ST_OK;
    if (st_pg_exec(db, "BEGIN", NULL) != ST_OK)
        return ST_EDB;
    db->in_tx = 1;
    return ST_OK;
}

int st_pg_store_commit(st_db *db)
{
    if (!db->in_tx)
        return ST_OK;
    db->in_tx = 0;
    PGresult *res = st_pg_run(db, "COMMIT", NULL);
    if (!res)
        return ST_EDB;
    /* After a failed statement PostgreSQL answers COMMIT by rolling the
     * whole transaction back, with success: the batch is lost, say so. */
    int rc = strcmp(PQcmdStatus(res), "ROLLBACK") ? ST_OK : ST_EDB;
    if (rc != ST_OK)
        fprintf(stderr, "storytrack: sql: the transaction failed and was rolled back\n");
    PQclear(res);
    return rc;
}

int st_pg_store_rollback(st_db *db)
{
    if (!db->in_tx)
        return ST_OK;
    db->in_tx = 0;
    return st_pg_exec(db, "ROLLBACK", NULL) == ST_OK ? ST_OK : ST_EDB;
}

/* The readers repair their input; text from the library API may still
 * arrive unrepaired, and must not cost the batch. */
int st_pg_text_utf8(st_pg_params *p, const char *s, char **copy)
{
    size_t fixes;
    *copy = NULL;
    if (s && !st_utf8_valid(s, strlen(s)) && !(s = *copy = st_utf8_repair(s, strlen(s), &fixes)))
        return ST_ENOMEM;
    st_pg_text(p, s);
    return ST_OK;
}

/* One round trip for the three lookups, in SQLite's order of preference;
 * keys are repaired as insert_article repairs what it stores. */
int64_t st_pg_store_find_article(st_db *db, const char *url, const char *ext_id,
                                 const char *content_hash)
{
    st_pg_params p = {0};
    char *u = NULL, *e = NULL;
    int64_t id = ST_ENOMEM;
    if (st_pg_text_utf8(&p, url, &u) == ST_OK && st_pg_text_utf8(&p, ext_id, &e) == ST_OK) {
        st_pg_text(&p, content_hash);
        if (st_pg_int64(db,
                        "SELECT coalesce((SELECT id FROM articles WHERE url=$1),"
                        " (SELECT id FROM articles WHERE ext_id=$2),"
                        " (SELECT id FROM articles WHERE content_hash=$3), 0)",
                        &p, &id) != ST_OK)
            id = ST_EDB;
    }
    free(u);
    free(e);
    return id;
}

#define N_TEXT 11 /* the text columns first in INSERT_ARTICLE */

/* A constraint error would abort the whole batch's transaction: a
 * conflicting row is skipped instead, and no row back means ST_EDUP. */
#define INSERT_ARTICLE                                                                      \
    "INSERT INTO articles(ext_id, url, source, title, body, language, lang_meta, published," \
    " authors, extra, origin, lang_conf, ingested, content_hash, minhash, simhash, dedup)"  \
    " VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)"                  \
    " ON CONFLICT DO NOTHING RETURNING id"

static int insert_row(st_db *db, const char *const text[N_TEXT], const st_article_row *r,
                      int64_t *id)
{
    char now[32], *copies[N_TEXT] = {0};
    st_now_iso(now);
    st_pg_params p = {0};
    int rc = ST_OK;
    for (int i = 0; i < N_TEXT && rc == ST_OK; i++)
        rc = st_pg_text_utf8(&p, text[i], &copies[i]);
    PGresult *res = NULL;
    if (rc == ST_OK) {
        st_pg_double(&p, r->lang_conf);
        st_pg_text(&p, now);
        st_pg_text(&p, r->content_hash);
        st_pg_blob(&p, r->minhash, r->minhash_len);
        st_pg_int(&p, (int64_t)r->simhash);
        st_pg_blob(&p, r->dedup, r->dedup_len);
        rc = (res = st_pg_run(db, INSERT_ARTICLE, &p)) ? ST_EDUP : ST_EDB;
    }
    if (res && PQntuples(res) > 0) {
        *id = st_pg_value_int64(res, 0, 0);
        rc = ST_OK;
    }
    PQclear(res);
    for (int i = 0; i < N_TEXT; i++)
        free(copies[i]);
    return rc;
}

int st_pg_store_insert_article(st_db *db, const st_article_row *r, int64_t *id)
{
    const st_article *a = r->a;
    const char *const text[N_TEXT] = {
        a->ext_id,    a->url,     a->source, a->title, a->body ? a->body : "", r->language,
        a->language,  a->published, a->authors, a->extra, a->origin};
    return insert_row(db, text, r, id);
}

int st_pg_store_set_cluster(st_db *db, int64_t article, int64_t event, int64_t story,
                            int first_story)
{
    st_pg_params p = {0};
    st_pg_int(&p, event);
    st_pg_int(&p, story);
    st_pg_int(&p, first_story);
    st_pg_int(&p, article);
    return st_pg_exec(db, "UPDATE articles SET event_id=$1, story_id=$2, first_story=$3"
                          " WHERE id=$4",
                      &p);
}

int st_pg_store_put_dup(st_db *db, int64_t a, int64_t b, const char *kind, double jaccard,
                        double containment, int simhash_dist)
{
    st_pg_params p = {0};
    st_pg_int(&p, a < b ? a : b);
    st_pg_int(&p, a < b ? b : a);
    st_pg_text(&p, kind);
    st_pg_double(&p, jaccard);
    st_pg_double(&p, containment);
    st_pg_int(&p, simhash_dist);
    return st_pg_exec(db,
                      "INSERT INTO dup_pairs(a, b, kind, jaccard, containment, simhash_dist)"
                      " VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT(a, b) DO UPDATE SET"
                      " kind=excluded.kind, jaccard=excluded.jaccard,"
                      " containment=excluded.containment, simhash_dist=excluded.simhash_dist",
                      &p);
}

/* The columns not set here keep their defaults in both engines (nothing
 * writes them), so an upsert matches SQLite's INSERT OR REPLACE. */
static int put_cluster(st_db *db, const char *sql, const st_cluster_row *r, int with_story)
{
    st_pg_params p = {0};
    st_pg_int(&p, r->id);
    if (with_story)
        st_pg_int(&p, r->story_id);
    st_pg_text(&p, r->label);
    st_pg_text(&p, r->terms_json);
    st_pg_text(&p, r->entities_json);
    return st_pg_exec(db, sql, &p);
}

int st_pg_store_put_event(st_db *db, const st_cluster_row *r)
{
    return put_cluster(db,
                       "INSERT INTO events(id, story_id, label, terms, entities)"
                       " VALUES ($1,$2,$3,$4,$5) ON CONFLICT(id) DO UPDATE SET"
                       " story_id=excluded.story_id, label=excluded.label,"
                       " terms=excluded.terms, entities=excluded.entities",
                       r, 1);
}

int st_pg_store_put_story(st_db *db, const st_cluster_row *r)
{
    return put_cluster(db,
                       "INSERT INTO stories(id, label, terms, entities)"
                       " VALUES ($1,$2,$3,$4) ON CONFLICT(id) DO UPDATE SET"
                       " label=excluded.label, terms=excluded.terms,"
                       " entities=excluded.entities",
                       r, 0);
}

int st_pg_store_move_event(st_db *db, int64_t event, int64_t story)
{
    st_pg_params p = {0};
    st_pg_int(&p, story);
    st_pg_int(&p, event);
    int rc = st_pg_exec(db,
                        "UPDATE articles SET story_id=$1 WHERE event_id=$2"
                        " AND story_id IS DISTINCT FROM $1",
                        &p);
    if (rc != ST_OK)
        return rc;
    return st_pg_exec(db, "UPDATE events SET story_id=$1 WHERE id=$2", &p);
}

/* Runs several statements without parameters (st_pg_exec takes one). */
static int exec_script(st_db *db, const char *sql)
{
    char err[512];
    int rc = st_pg_exec_script(db, sql, err, sizeof err);
    if (rc != ST_OK)
        fprintf(stderr, "storytrack: sql: %s", err);
    return rc;
}

/* After the deletes, ids restart at 1 as SQLite's do on an emptied table, so a
 * recluster numbers entities, quotes, claims and events the same on both
 * engines. ALTER SEQUENCE ... RESTART is transactional (a rollback keeps the
 * old numbering) and holds off other writers' inserts until the commit. */
int st_pg_store_clear_derived(st_db *db)
{
    return exec_script(db,
                      "DELETE FROM dup_pairs; DELETE FROM events; DELETE FROM stories;"
                      "DELETE FROM mentions; DELETE FROM entity_aliases; DELETE FROM entities;"
                      "DELETE FROM quotes; DELETE FROM claims; DELETE FROM dates;"
                      "DELETE FROM cameo_events;"
                      "UPDATE articles SET event_id=NULL, story_id=NULL, first_story=0;"
                      "ALTER SEQUENCE entities_id_seq RESTART;"
                      "ALTER SEQUENCE quotes_id_seq RESTART;"
                      "ALTER SEQUENCE claims_id_seq RESTART;"
                      "ALTER SEQUENCE cameo_events_id_seq RESTART;");
}

/* Hands one row of a fetched page to the caller's fn (an st_stored_fn or
 * st_blob_fn, passed by address) and returns fn's answer. */
typedef int (*page_fn)(const PGresult *res, int row, void *fn, void *ud);

#define CURSOR "DECLARE st_each NO SCROLL CURSOR FOR "

/* Streams the rows of cursor_sql (with newest > 0, $1 = newest) through a cursor, one
 * page at a time. The cursor lives in the caller's transaction, or in one of
 * its own when there is none; fn must not end that transaction. */
static int each_row(st_db *db, const char *cursor_sql, size_t newest, page_fn row_fn, void *fn,
                    void *ud)
{
    int own_tx = !db->in_tx;
    if (own_tx && st_pg_exec(db, "BEGIN", NULL) != ST_OK)
        return ST_EDB;
    st_pg_params p = {0};
    if (newest)
        st_pg_int(&p, (int64_t)newest);
    int rc = st_pg_exec(db, cursor_sql, &p), failed = rc != ST_OK;
    while (rc == ST_OK) {
        PGresult *res = st_pg_run(db, "FETCH " PAGE_ROWS " FROM st_each", NULL);
        if (!res) {
            rc = ST_EDB;
            failed = 1;
            break;
        }
        int n = PQntuples(res);
        for (int i = 0; i < n && rc == ST_OK; i++)
            rc = row_fn(res, i, fn, ud);
        PQclear(res);
        if (n == 0)
            break;
    }
    /* After a failed statement the transaction is aborted and the cursor gone. */
    if (!failed && st_pg_exec(db, "CLOSE st_each", NULL) != ST_OK && rc == ST_OK)
        rc = ST_EDB;
    if (own_tx)
        st_pg_exec(db, failed ? "ROLLBACK" : "COMMIT", NULL);
    return rc;
}

static int article_row(const PGresult *res, int i, void *fn, void *ud)
{
    st_article a = {
        .ext_id = (char *)st_pg_value(res, i, 1),
        .url = (char *)st_pg_value(res, i, 2),
        .source = (char *)st_pg_value(res, i, 3),
        .title = (char *)st_pg_value(res, i, 4),
        .body = (char *)st_pg_value(res, i, 5),
        .language = (char *)st_pg_value(res, i, 6),
        .published = (char *)st_pg_value(res, i, 7),
        .authors = (char *)st_pg_value(res, i, 8),
        .extra = (char *)st_pg_value(res, i, 9),
        .origin = (char *)st_pg_value(res, i, 10),
    };
    st_stored_fn f = *(st_stored_fn *)fn;
    return f(st_pg_value_int64(res, i, 0), &a, st_pg_value_int64(res, i, 11),
             st_pg_value_int64(res, i, 12), ud);
}

#define ARTICLE_COLS                                                                  \
    "id, ext_id, url, source, title, body, lang_meta, published, authors, extra, origin," \
    " event_id, story_id"
#define PUB_ORDER "published IS NULL, published, id"

int st_pg_store_each_article(st_db *db, size_t newest, st_stored_fn fn, void *ud)
{
    /* Without a window the rows come straight off articles_pub_order: a
     * window wrapped around everything would sort the whole table first. */
    const char *all = CURSOR "SELECT " ARTICLE_COLS
                      " FROM articles ORDER BY " PUB_ORDER;
    const char *window = CURSOR "SELECT " ARTICLE_COLS
                         " FROM (SELECT * FROM articles ORDER BY published IS NULL DESC,"
                         " published DESC, id DESC LIMIT $1) t ORDER BY " PUB_ORDER;
    return each_row(db, newest ? window : all, newest, article_row, &fn, ud);
}

static int dedup_row(const PGresult *res, int i, void *fn, void *ud)
{
    size_t n = 0;
    unsigned char *blob = PQunescapeBytea((const unsigned char *)PQgetvalue(res, i, 1), &n);
    if (!blob)
        return ST_ENOMEM;
    st_blob_fn f = *(st_blob_fn *)fn;
    int rc = f(st_pg_value_int64(res, i, 0), blob, n, ud);
    PQfreemem(blob);
    return rc;
}

/* unlinked articles enter the index when the linker takes them */
#define LINKED_DEDUP "FROM articles WHERE dedup IS NOT NULL AND event_id IS NOT NULL"

int st_pg_store_each_dedup(st_db *db, size_t newest, st_blob_fn fn, void *ud)
{
    const char *all = CURSOR "SELECT id, dedup " LINKED_DEDUP
                      " ORDER BY id";
    const char *window = CURSOR "SELECT id, dedup FROM"
                         " (SELECT id, dedup " LINKED_DEDUP " ORDER BY id DESC LIMIT $1) t"
                         " ORDER BY id";
    return each_row(db, newest ? window : all, newest, dedup_row, &fn, ud);
}

int st_pg_store_article_labels(st_db *db, const char *key, int64_t *event, int64_t *story,
                               char lang[8])
{
    st_pg_params p = {0};
    char *copy;
    if (st_pg_text_utf8(&p, key, &copy) != ST_OK)
        return ST_ENOMEM;
    PGresult *res = st_pg_run(db,
                              "SELECT coalesce(event_id, 0), coalesce(story_id, 0),"
                              " coalesce(language, 'und') FROM articles"
                              " WHERE ext_id=$1 OR url=$1 LIMIT 1",
                              &p);
    free(copy);
    if (!res)
        return ST_EDB;
    int rc = ST_ENOTFOUND;
    if (PQntuples(res) > 0) {
        *event = st_pg_value_int64(res, 0, 0);
        *story = st_pg_value_int64(res, 0, 1);
        snprintf(lang, 8, "%s", PQgetvalue(res, 0, 2));
        rc = ST_OK;
    }
    PQclear(res);
    return rc;
}

int64_t st_pg_store_count_articles(st_db *db)
{
    int64_t n;
    return st_pg_int64(db, "SELECT count(*) FROM articles", NULL, &n) == ST_OK ? n : ST_EDB;
}
