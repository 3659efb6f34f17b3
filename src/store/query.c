/* query.c — read queries, each answered as one JSON document built by
 * SQLite's JSON functions: the escaping is SQLite's, and the CLI and the HTTP
 * API print the same documents. */
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/pg/pg.h"
#include "util/util.h"

/* The WHERE clause of article filters, on an `articles a`. */
#define ARTICLE_FILTER                                                \
    " (?1 IS NULL OR a.language = ?1)"                                \
    " AND (?2 IS NULL OR substr(a.published,1,10) >= substr(?2,1,10))" \
    " AND (?3 IS NULL OR substr(a.published,1,10) <= substr(?3,1,10))" \
    " AND (?4 = 0 OR a.story_id = ?4)"

#define ARTICLE_BRIEF                                                              \
    "json_object('id', a.id, 'ext_id', a.ext_id, 'title', a.title, 'source', a.source," \
    " 'language', a.language, 'published', a.published, 'url', a.url,"                \
    " 'event', a.event_id, 'story', a.story_id, 'lead', substr(a.body, 1, 120))"

/* Runs a query whose one value is the JSON document: by id (?1 text form,
 * ?2 number) when either is given, else with the st_query filters and ?7 =
 * the query's text. */
static int json_doc(st_db *db, const char *sql, const st_query *q, const char *id_text,
                    int64_t id, char **out)
{
    *out = NULL;
    sqlite3_stmt *st = st_db_prepare(db, sql);
    if (!st)
        return ST_EDB;
    if (id_text || id) {
        st_db_bind_text(st, 1, id_text);
        sqlite3_bind_int64(st, 2, id);
    } else {
        st_db_bind_query(st, q);
        st_db_bind_text(st, 7, q ? q->text : NULL);
    }
    return st_db_step_doc(st, out);
}

int st_db_articles_json(st_db *db, const st_query *q, char **out)
{
    ST_ON_PG(db, st_pg_articles_json(db, q, out));
    int rc = json_doc(db,
                      "SELECT coalesce(json_group_array(json(j)), '[]') FROM ("
                      " SELECT " ARTICLE_BRIEF " AS j FROM articles a WHERE " ARTICLE_FILTER
                      " ORDER BY a.published IS NULL, a.published, a.id LIMIT ?5 OFFSET ?6)",
                      q, NULL, 0, out);
    return rc;
}

int st_db_article_json(st_db *db, const char *id, char **out)
{
    ST_ON_PG(db, st_pg_article_json(db, id, out));
    /* ?1 is the text form (external id), ?2 the numeric id. */
    char *end = NULL;
    long long n = id ? strtoll(id, &end, 10) : 0;
    if (!id || !end || *end)
        n = 0;
    return json_doc(
        db,
        "SELECT json_object('id', a.id, 'ext_id', a.ext_id, 'url', a.url, 'source', a.source,"
        " 'title', a.title, 'language', a.language, 'lang_meta', a.lang_meta,"
        " 'lang_conf', a.lang_conf,"
        " 'lang_mismatch', a.lang_meta IS NOT NULL AND a.lang_meta <> a.language,"
        " 'published', a.published, 'ingested', a.ingested,"
        " 'authors', json(coalesce(a.authors, 'null')), 'extra', json(coalesce(a.extra, 'null')),"
        " 'origin', a.origin, 'content_hash', a.content_hash,"
        " 'simhash', printf('%016x', a.simhash), 'event', a.event_id, 'story', a.story_id,"
        " 'first_story', a.first_story = 1, 'body', a.body,"
        " 'duplicates', (SELECT json_group_array(json(dj)) FROM ("
        "   SELECT json_object('other', CASE WHEN d.a = a.id THEN d.b ELSE d.a END,"
        "   'kind', d.kind, 'jaccard', d.jaccard, 'containment', d.containment,"
        "   'simhash_dist', d.simhash_dist) AS dj"
        "   FROM dup_pairs d WHERE d.a = a.id OR d.b = a.id ORDER BY d.a, d.b)))"
        /* The numeric id wins; else the lowest id of the ext_id and URL matches. */
        " FROM articles a WHERE a.id = ?2 OR a.ext_id = ?1 OR a.url = ?1"
        " ORDER BY a.id = ?2 DESC, a.id LIMIT 1",
        NULL, id ? id : "", n, out);
}

int st_db_search_json(st_db *db, const st_query *q, char **out)
{
    ST_ON_PG(db, st_pg_search_json(db, q, out));
    if (!q || !q->text || !*q->text)
        return ST_EUSAGE;
    int rc = json_doc(
        db,
        "SELECT coalesce(json_group_array(json(j)), '[]') FROM ("
        " SELECT json_object('id', a.id, 'ext_id', a.ext_id, 'title', a.title,"
        "  'source', a.source, 'language', a.language, 'published', a.published,"
        "  'story', a.story_id, 'rank', bm25(articles_fts, 5.0, 1.0),"
        "  'snippet', snippet(articles_fts, 1, '[', ']', '…', 16)) AS j"
        " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
        " WHERE articles_fts MATCH ?7 AND " ARTICLE_FILTER
        " ORDER BY bm25(articles_fts, 5.0, 1.0), a.id LIMIT ?5 OFFSET ?6)",
        q, NULL, 0, out);
    /* A query that is not valid FTS5 syntax (a stray quote or operator) is a
     * usage error, not a database failure. */
    return rc == ST_EDB ? ST_EUSAGE : rc;
}

int st_db_dups_json(st_db *db, const st_query *q, char **out)
{
    ST_ON_PG(db, st_pg_dups_json(db, q, out));
    return json_doc(
        db,
        "SELECT coalesce(json_group_array(json(j)), '[]') FROM ("
        " SELECT json_object('a', d.a, 'a_ext_id', x.ext_id, 'b', d.b, 'b_ext_id', y.ext_id,"
        "  'kind', d.kind, 'jaccard', round(d.jaccard, 3), 'containment',"
        "  round(d.containment, 3), 'simhash_dist', d.simhash_dist) AS j"
        " FROM dup_pairs d JOIN articles x ON x.id = d.a JOIN articles y ON y.id = d.b"
        " WHERE ?4 = 0 OR x.story_id = ?4 OR y.story_id = ?4"
        " ORDER BY d.a, d.b LIMIT ?5 OFFSET ?6)",
        q, NULL, 0, out);
}

/* A story's summary over its articles `a`. Its languages and sources come
 * from json_group_array(DISTINCT), which lists values in the order SQLite's
 * plan meets the rows (an index's order, which a new index or SQLite version
 * may change): SETS_SORTED sorts them once the summary is built. */
#define STORY_SUMMARY                                                                    \
    "json_object('id', s.id, 'label', s.label, 'terms', json(coalesce(s.terms, '[]')),"   \
    " 'entities', json(coalesce(s.entities, '[]')), 'articles', count(a.id),"             \
    " 'events', count(DISTINCT a.event_id), 'first', min(a.published),"                   \
    " 'last', max(a.published), 'languages', json_group_array(DISTINCT a.language),"      \
    " 'sources', json_group_array(DISTINCT a.source))"

int st_db_stories_json(st_db *db, const st_query *q, char **out)
{
    ST_ON_PG(db, st_pg_stories_json(db, q, out));
    return json_doc(
        db,
        "SELECT coalesce(json_group_array(json(" SETS_SORTED("j") ")), '[]') FROM ("
        " SELECT " STORY_SUMMARY " AS j, count(a.id) AS n, max(a.published) AS last"
        " FROM stories s JOIN articles a ON a.story_id = s.id WHERE " ARTICLE_FILTER
        " AND (?7 IS NULL OR s.label LIKE '%' || ?7 || '%')"
        " GROUP BY s.id ORDER BY n DESC, last DESC, s.id LIMIT ?5 OFFSET ?6)",
        q, NULL, 0, out);
}

int st_db_story_json(st_db *db, int64_t id, char **out)
{
    ST_ON_PG(db, st_pg_story_json(db, id, out));
    return json_doc(
        db,
        "SELECT " SETS_SORTED("j") " FROM (SELECT json_patch(" STORY_SUMMARY ", json_object("
        " 'event_list', (SELECT json_group_array(json(ej)) FROM ("
        "   SELECT json_object('id', e.id, 'label', e.label,"
        "    'terms', json(coalesce(e.terms, '[]')),"
        "    'articles', (SELECT json_group_array(json(aj)) FROM ("
        "      SELECT " ARTICLE_BRIEF " AS aj FROM articles a WHERE a.event_id = e.id"
        "      ORDER BY a.published IS NULL, a.published, a.id))) AS ej"
        "   FROM events e WHERE e.story_id = s.id"
        "   ORDER BY (SELECT min(coalesce(published, '')) FROM articles WHERE event_id = e.id),"
        "   e.id)),"
        " 'article_list', (SELECT json_group_array(json(aj)) FROM ("
        "   SELECT " ARTICLE_BRIEF " AS aj FROM articles a WHERE a.story_id = s.id"
        "   ORDER BY a.published IS NULL, a.published, a.id)))) AS j"
        " FROM stories s JOIN articles a ON a.story_id = s.id"
        " WHERE s.id = ?2 AND ?1 IS NOT NULL GROUP BY s.id)",
        NULL, "", id, out);
}
