/* query_server.c — read queries for the HTTP server and the summariser. Like
 * query.c, each document is built by SQLite's JSON functions. */
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/pg/pg.h"
#include "store/query_server.h"
#include "util/util.h"

/* A document whose only parameter is ?1 = id. */
static int id_doc(st_db *db, const char *sql, int64_t id, char **out)
{
    sqlite3_stmt *st = st_db_prepare(db, sql);
    if (st)
        sqlite3_bind_int64(st, 1, id);
    return st_db_step_doc(st, out);
}

int st_qs_readonly(st_db *db)
{
    ST_ON_PG(db, st_pg_qs_readonly(db));
    return st_db_exec(db, "PRAGMA query_only=1", NULL, 0);
}

int st_qs_version_json(st_db *db, char **out)
{
    ST_ON_PG(db, st_pg_qs_version_json(db, out));
    return id_doc(db,
                  "SELECT json_object('articles', (SELECT count(*) FROM articles),"
                  " 'stories', (SELECT count(*) FROM stories),"
                  " 'max_id', (SELECT coalesce(max(id), 0) FROM articles),"
                  /* The newest row's time, not max(): no scan of the table. */
                  " 'last_ingested', (SELECT ingested FROM articles ORDER BY id DESC LIMIT 1))",
                  0, out);
}

int st_qs_data_version(st_db *db, int64_t *out)
{
    ST_ON_PG(db, st_pg_qs_data_version(db, out));
    return st_db_query_int64(db, "PRAGMA data_version", out);
}

int st_qs_max_article_id(st_db *db, int64_t *out)
{
    ST_ON_PG(db, st_pg_qs_max_article_id(db, out));
    return st_db_query_int64(db, "SELECT coalesce(max(id), 0) FROM articles", out);
}

int st_qs_articles_after_json(st_db *db, int64_t after, char **out)
{
    ST_ON_PG(db, st_pg_qs_articles_after_json(db, after, out));
    return id_doc(db,
                  "SELECT coalesce(json_group_array(json(j)), '[]') FROM ("
                  " SELECT json_object('id', id, 'ext_id', ext_id, 'title', title,"
                  "  'story', story_id, 'event', event_id, 'language', language) AS j"
                  " FROM articles WHERE id > ?1 ORDER BY id)",
                  after, out);
}

int64_t st_qs_find_article(st_db *db, const char *ext_id, const char *url)
{
    ST_ON_PG(db, st_pg_qs_find_article(db, ext_id, url));
    sqlite3_stmt *st = st_db_prepare(
        db, "SELECT id FROM articles WHERE ext_id = ?1 OR url = ?2 ORDER BY id LIMIT 1");
    if (!st)
        return -1;
    st_db_bind_text(st, 1, ext_id);
    st_db_bind_text(st, 2, url);
    int rc = sqlite3_step(st);
    int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : rc == SQLITE_DONE ? 0 : -1;
    sqlite3_finalize(st);
    return id;
}

/* Filters bound as in query.c (?1 language ?2 since ?3 until ?5 limit
 * ?6 offset ?7 text) plus ?8 entity. */
int st_qs_stories_json(st_db *db, const st_query *q, char **out)
{
    ST_ON_PG(db, st_pg_qs_stories_json(db, q, out));
    static const st_query none;
    if (!q)
        q = &none;
    sqlite3_stmt *st = st_db_prepare(
        db,
        "SELECT coalesce(json_group_array(json(" SETS_SORTED("j") ")), '[]') FROM ("
        " SELECT json_object('id', s.id, 'label', s.label,"
        "  'terms', json(coalesce(s.terms, '[]')), 'entities', json(coalesce(s.entities, '[]')),"
        "  'articles', count(a.id), 'events', count(DISTINCT a.event_id),"
        "  'first', min(a.published), 'last', max(a.published), 'updated', max(a.ingested),"
        "  'languages', json_group_array(DISTINCT a.language),"
        "  'sources', json_group_array(DISTINCT a.source),"
        "  'days', (SELECT json_group_array(json_array(d, c)) FROM ("
        "    SELECT substr(x.published, 1, 10) AS d, count(*) AS c FROM articles x"
        "    WHERE x.story_id = s.id AND x.published IS NOT NULL GROUP BY d ORDER BY d))) AS j,"
        "  count(a.id) AS n, max(a.published) AS last"
        " FROM stories s JOIN articles a ON a.story_id = s.id"
        " WHERE (?1 IS NULL OR a.language = ?1)"
        "  AND (?2 IS NULL OR substr(a.published,1,10) >= substr(?2,1,10))"
        "  AND (?3 IS NULL OR substr(a.published,1,10) <= substr(?3,1,10))"
        "  AND (?7 IS NULL OR s.label LIKE '%' || ?7 || '%' OR s.terms LIKE '%' || ?7 || '%')"
        "  AND (?8 IS NULL OR s.entities LIKE '%' || ?8 || '%' OR EXISTS ("
        "   SELECT 1 FROM mentions m JOIN entities e ON e.id = m.entity_id"
        "   JOIN articles y ON y.id = m.article_id"
        "   WHERE y.story_id = s.id AND e.name LIKE '%' || ?8 || '%'))"
        " GROUP BY s.id ORDER BY n DESC, last DESC, s.id LIMIT ?5 OFFSET ?6)");
    if (st) {
        st_db_bind_text(st, 1, q->language);
        st_db_bind_text(st, 2, q->since);
        st_db_bind_text(st, 3, q->until);
        sqlite3_bind_int64(st, 5, q->limit ? (sqlite3_int64)q->limit : -1);
        sqlite3_bind_int64(st, 6, (sqlite3_int64)q->offset);
        st_db_bind_text(st, 7, q->text);
        st_db_bind_text(st, 8, q->entity);
    }
    return st_db_step_doc(st, out);
}

/* Events in order of their first article, then by id; their sources,
 * languages and CAMEO codes sorted. */
int st_qs_timeline_json(st_db *db, int64_t story, char **out)
{
    ST_ON_PG(db, st_pg_qs_timeline_json(db, story, out));
    return id_doc(
        db,
        "SELECT json_object("
        " 'days', (SELECT coalesce(json_group_array(json_object('date', d, 'count', c)), '[]')"
        "  FROM (SELECT substr(published, 1, 10) AS d, count(*) AS c FROM articles"
        "  WHERE story_id = ?1 AND published IS NOT NULL GROUP BY d ORDER BY d)),"
        " 'events', (SELECT coalesce(json_group_array(json(" SETS_SORTED("ej") ")), '[]') FROM ("
        "  SELECT json_object('id', e.id, 'label', e.label,"
        "   'first', min(a.published), 'last', max(a.published), 'articles', count(a.id),"
        "   'sources', json_group_array(DISTINCT a.source),"
        "   'languages', json_group_array(DISTINCT a.language),"
        "   'cameo', (SELECT coalesce(json_group_array(code), '[]') FROM (SELECT DISTINCT c.code"
        "     FROM cameo_events c JOIN articles x ON x.id = c.article_id"
        "     WHERE x.event_id = e.id ORDER BY c.code)),"
        "   'article_list', (SELECT json_group_array(json_object('id', x.id, 'title', x.title,"
        "     'source', x.source, 'language', x.language, 'published', x.published))"
        "     FROM (SELECT * FROM articles WHERE event_id = e.id"
        "     ORDER BY published IS NULL, published, id) x)) AS ej"
        "  FROM events e JOIN articles a ON a.event_id = e.id WHERE e.story_id = ?1"
        "  GROUP BY e.id ORDER BY min(coalesce(a.published, '9999')), e.id)))"
        " WHERE EXISTS (SELECT 1 FROM articles WHERE story_id = ?1)",
        story, out);
}

int st_qs_story_exists(st_db *db, int64_t story)
{
    ST_ON_PG(db, st_pg_qs_story_exists(db, story));
    sqlite3_stmt *st = st_db_prepare(db, "SELECT 1 FROM articles WHERE story_id = ?1 LIMIT 1");
    if (!st)
        return ST_EDB;
    sqlite3_bind_int64(st, 1, story);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : ST_EDB;
}

/* Aliases in byte order; stories by mentions, ties by id; articles newest
 * first (undated last: SQLite's NULL is the least value), ties by id. */
int st_qs_entity_json(st_db *db, int64_t id, char **out)
{
    ST_ON_PG(db, st_pg_qs_entity_json(db, id, out));
    return id_doc(
        db,
        "SELECT json_object('id', e.id, 'name', e.name, 'type', e.type, 'concept', e.concept,"
        " 'aliases', (SELECT coalesce(json_group_array(json_object('alias', alias, 'lang', lang)),"
        "  '[]') FROM (SELECT alias, lang FROM entity_aliases WHERE entity_id = e.id"
        "  ORDER BY alias)),"
        " 'mentions', (SELECT count(*) FROM mentions WHERE entity_id = e.id),"
        " 'stories', (SELECT coalesce(json_group_array(json(sj)), '[]') FROM ("
        "  SELECT json_object('id', s.id, 'label', s.label, 'mentions', count(*)) AS sj"
        "  FROM mentions m JOIN articles a ON a.id = m.article_id"
        "  JOIN stories s ON s.id = a.story_id WHERE m.entity_id = e.id"
        "  GROUP BY s.id ORDER BY count(*) DESC, s.id LIMIT 50)),"
        " 'articles', (SELECT coalesce(json_group_array(json(aj)), '[]') FROM ("
        "  SELECT json_object('id', a.id, 'title', a.title, 'source', a.source,"
        "   'language', a.language, 'published', a.published, 'story', a.story_id) AS aj"
        "  FROM articles a WHERE a.id IN (SELECT article_id FROM mentions WHERE entity_id = e.id)"
        "  ORDER BY a.published DESC, a.id LIMIT 50)))"
        " FROM entities e WHERE e.id = ?1",
        id, out);
}

void st_qs_texts_free(st_qs_text *t, size_t n)
{
    for (size_t i = 0; t && i < n; i++) {
        free(t[i].title);
        free(t[i].body);
        free(t[i].language);
        free(t[i].published);
        free(t[i].source);
    }
    free(t);
}

int st_qs_story_texts(st_db *db, int64_t story, st_qs_text **out, size_t *n)
{
    ST_ON_PG(db, st_pg_qs_story_texts(db, story, out, n));
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = st_db_prepare(
        db, "SELECT id, coalesce(event_id, 0), title, body, language, published, source"
            " FROM articles WHERE story_id = ?1 ORDER BY published IS NULL, published, id");
    if (!st)
        return ST_EDB;
    sqlite3_bind_int64(st, 1, story);
    st_qs_text *v = NULL;
    size_t cnt = 0, cap = 0;
    int rc, ret = ST_OK;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (st_grow(&v, &cap, cnt + 1, sizeof *v, 16) != ST_OK) {
            ret = ST_ENOMEM;
            break;
        }
        st_qs_text *t = &v[cnt++];
        t->id = sqlite3_column_int64(st, 0);
        t->event = sqlite3_column_int64(st, 1);
        t->title = st_db_column_dup(st, 2);
        t->body = st_db_column_dup(st, 3);
        t->language = st_db_column_dup(st, 4);
        t->published = st_db_column_dup(st, 5);
        t->source = st_db_column_dup(st, 6);
    }
    if (ret == ST_OK && rc != SQLITE_DONE)
        ret = ST_EDB;
    sqlite3_finalize(st);
    if (ret == ST_OK && !cnt)
        ret = ST_ENOTFOUND;
    if (ret != ST_OK) {
        st_qs_texts_free(v, cnt);
        return ret;
    }
    *out = v;
    *n = cnt;
    return ST_OK;
}
