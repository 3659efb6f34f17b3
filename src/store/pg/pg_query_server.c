/* pg_query_server.c — the PostgreSQL twins of query_server.c: the read
 * queries of the HTTP server and the summariser.
 *
 * Lists of distinct values (languages, sources, CAMEO codes) are sorted as
 * query_server.c sorts them (ST_PG_SORTED_SET). SQLite's LIKE folds ASCII
 * case only and has no escape character: ST_PG_CONTAINS does the same. */
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/pg/pg_query.h"
#include "util/util.h"

/* A document whose only parameter is $1 = id. */
static int id_doc(st_db *db, const char *sql, int64_t id, char **out)
{
    st_pg_params p = {0};
    st_pg_int(&p, id);
    return st_pg_doc(db, sql, &p, out);
}

int st_pg_qs_readonly(st_db *db)
{
    return st_pg_exec(db, "SET default_transaction_read_only = on", NULL);
}

int st_pg_qs_version_json(st_db *db, char **out)
{
    return st_pg_doc(db,
                     "SELECT json_build_object('articles', (SELECT count(*) FROM articles),"
                     " 'stories', (SELECT count(*) FROM stories),"
                     " 'max_id', (SELECT coalesce(max(id), 0) FROM articles),"
                     " 'last_ingested', (SELECT ingested FROM articles ORDER BY id DESC LIMIT 1))",
                     NULL, out);
}

/* PRAGMA data_version's twin. A statement's snapshot (xmin, xmax and the
 * transactions in progress) fixes exactly which commits it sees, so equal
 * snapshots mean equal data: the number is a hash of it. xmax alone would
 * not do: it is one past the newest finished xid, so a writer that commits
 * after a newer one finished leaves it as it was (seen: a reader kept
 * xmax 1431 across such a commit). Any transaction of the cluster that
 * writes moves the hash too, which only costs a cache miss; read-only ones
 * take no xid and move nothing. */
int st_pg_qs_data_version(st_db *db, int64_t *out)
{
    return st_pg_int64(db,
                       "SELECT hashtextextended(pg_current_snapshot()::text, 0)"
                       " & 9223372036854775807",
                       NULL, out);
}

int st_pg_qs_max_article_id(st_db *db, int64_t *out)
{
    return st_pg_int64(db, "SELECT coalesce(max(id), 0) FROM articles", NULL, out);
}

int st_pg_qs_articles_after_json(st_db *db, int64_t after, char **out)
{
    return id_doc(db,
                  "SELECT coalesce(json_agg(json_build_object('id', id, 'ext_id', ext_id,"
                  "  'title', title, 'story', story_id, 'event', event_id, 'language', language)"
                  "  ORDER BY id), '[]')"
                  " FROM articles WHERE id > $1",
                  after, out);
}

int64_t st_pg_qs_find_article(st_db *db, const char *ext_id, const char *url)
{
    st_pg_params p = {0};
    st_pg_text(&p, ext_id);
    st_pg_text(&p, url);
    int64_t id;
    if (st_pg_int64(db,
                    "SELECT id FROM articles WHERE ext_id = $1::text OR url = $2::text"
                    " ORDER BY id LIMIT 1",
                    &p, &id) != ST_OK)
        return -1;
    return id;
}

/* $1 language, $2 since, $3 until, $4 limit (NULL = all), $5 offset,
 * $6 text, $7 entity: the story filter has no $4 story of
 * st_pg_query_params, and PostgreSQL refuses a parameter it cannot type. */
int st_pg_qs_stories_json(st_db *db, const st_query *q, char **out)
{
    static const st_query none;
    if (!q)
        q = &none;
    st_pg_params p = {0};
    st_pg_text(&p, q->language);
    st_pg_text(&p, q->since);
    st_pg_text(&p, q->until);
    if (q->limit)
        st_pg_int(&p, (int64_t)q->limit);
    else
        st_pg_text(&p, NULL);
    st_pg_int(&p, (int64_t)q->offset);
    st_pg_text(&p, q->text);
    st_pg_text(&p, q->entity);
    return st_pg_doc(
        db,
        "SELECT coalesce(json_agg(j ORDER BY n DESC, last DESC NULLS LAST, id), '[]') FROM ("
        " SELECT s.id, count(a.id) AS n, max(a.published) AS last,"
        "  json_build_object('id', s.id, 'label', s.label,"
        "  'terms', coalesce(s.terms, '[]')::json, 'entities', coalesce(s.entities, '[]')::json,"
        "  'articles', count(a.id), 'events', count(DISTINCT a.event_id),"
        "  'first', min(a.published), 'last', max(a.published), 'updated', max(a.ingested),"
        "  'languages', " ST_PG_SORTED_SET("a.language") ","
        "  'sources', " ST_PG_SORTED_SET("a.source") ","
        "  'days', (SELECT coalesce(json_agg(json_build_array(d, c) ORDER BY d), '[]') FROM ("
        "    SELECT substr(x.published, 1, 10) AS d, count(*) AS c FROM articles x"
        "    WHERE x.story_id = s.id AND x.published IS NOT NULL GROUP BY 1) dc)) AS j"
        " FROM stories s JOIN articles a ON a.story_id = s.id"
        " WHERE ($1::text IS NULL OR a.language = $1::text)"
        "  AND ($2::text IS NULL OR substr(a.published, 1, 10) >= substr($2::text, 1, 10))"
        "  AND ($3::text IS NULL OR substr(a.published, 1, 10) <= substr($3::text, 1, 10))"
        "  AND ($6::text IS NULL OR" ST_PG_CONTAINS("s.label", "$6::text")
        "   OR" ST_PG_CONTAINS("s.terms", "$6::text") ")"
        "  AND ($7::text IS NULL OR" ST_PG_CONTAINS("s.entities", "$7::text") " OR EXISTS ("
        "   SELECT 1 FROM mentions m JOIN entities e ON e.id = m.entity_id"
        "   JOIN articles y ON y.id = m.article_id"
        "   WHERE y.story_id = s.id AND" ST_PG_CONTAINS("e.name", "$7::text") "))"
        " GROUP BY s.id ORDER BY n DESC, last DESC NULLS LAST, s.id LIMIT $4 OFFSET $5) t",
        &p, out);
}

/* Events in order of their first article, then by id; their sources,
 * languages and CAMEO codes sorted, as in query_server.c. */
int st_pg_qs_timeline_json(st_db *db, int64_t story, char **out)
{
    return id_doc(
        db,
        "SELECT json_build_object("
        " 'days', (SELECT coalesce(json_agg(json_build_object('date', d, 'count', c)"
        "  ORDER BY d), '[]') FROM (SELECT substr(published, 1, 10) AS d, count(*) AS c"
        "  FROM articles WHERE story_id = $1 AND published IS NOT NULL GROUP BY 1) dc),"
        " 'events', (SELECT coalesce(json_agg(ej ORDER BY k, id), '[]') FROM ("
        "  SELECT e.id, min(coalesce(a.published, '9999')) AS k,"
        "   json_build_object('id', e.id, 'label', e.label,"
        "   'first', min(a.published), 'last', max(a.published), 'articles', count(a.id),"
        "   'sources', " ST_PG_SORTED_SET("a.source") ","
        "   'languages', " ST_PG_SORTED_SET("a.language") ","
        "   'cameo', (SELECT coalesce(" ST_PG_SORTED_SET("c.code") ", '[]')"
        "     FROM cameo_events c JOIN articles x ON x.id = c.article_id"
        "     WHERE x.event_id = e.id),"
        "   'article_list', (SELECT json_agg(json_build_object('id', x.id, 'title', x.title,"
        "     'source', x.source, 'language', x.language, 'published', x.published)"
        "     ORDER BY x.published IS NULL, x.published, x.id)"
        "     FROM articles x WHERE x.event_id = e.id)) AS ej"
        "  FROM events e JOIN articles a ON a.event_id = e.id WHERE e.story_id = $1"
        "  GROUP BY e.id) ev))"
        " WHERE EXISTS (SELECT 1 FROM articles WHERE story_id = $1)",
        story, out);
}

int st_pg_qs_story_exists(st_db *db, int64_t story)
{
    st_pg_params p = {0};
    st_pg_int(&p, story);
    int64_t n;
    if (st_pg_int64(db,
                    "SELECT count(*) FROM (SELECT 1 FROM articles WHERE story_id = $1 LIMIT 1) x",
                    &p, &n) != ST_OK)
        return ST_EDB;
    return n > 0;
}

/* The orders of query_server.c: aliases in byte order, stories by
 * mentions then id, articles newest first (undated last) then by id. */
int st_pg_qs_entity_json(st_db *db, int64_t id, char **out)
{
    return id_doc(
        db,
        "SELECT json_build_object('id', e.id, 'name', e.name, 'type', e.type,"
        " 'concept', e.concept,"
        " 'aliases', (SELECT coalesce(json_agg(json_build_object('alias', alias, 'lang', lang)"
        "  ORDER BY alias COLLATE \"C\"), '[]') FROM entity_aliases WHERE entity_id = e.id),"
        " 'mentions', (SELECT count(*) FROM mentions WHERE entity_id = e.id),"
        " 'stories', (SELECT coalesce(json_agg(sj ORDER BY n DESC, id), '[]') FROM ("
        "  SELECT s.id, count(*) AS n,"
        "   json_build_object('id', s.id, 'label', s.label, 'mentions', count(*)) AS sj"
        "  FROM mentions m JOIN articles a ON a.id = m.article_id"
        "  JOIN stories s ON s.id = a.story_id WHERE m.entity_id = e.id"
        "  GROUP BY s.id ORDER BY n DESC, s.id LIMIT 50) sl),"
        " 'articles', (SELECT coalesce(json_agg(aj ORDER BY p DESC NULLS LAST, id), '[]') FROM ("
        "  SELECT a.id, a.published AS p, json_build_object('id', a.id, 'title', a.title,"
        "   'source', a.source, 'language', a.language, 'published', a.published,"
        "   'story', a.story_id) AS aj"
        "  FROM articles a WHERE a.id IN (SELECT article_id FROM mentions WHERE entity_id = e.id)"
        "  ORDER BY a.published DESC NULLS LAST, a.id LIMIT 50) al))"
        " FROM entities e WHERE e.id = $1",
        id, out);
}

/* One result row as an st_qs_text; ST_ENOMEM when a copy fails. */
static int text_row(const PGresult *res, int row, st_qs_text *t)
{
    char **dst[] = {&t->title, &t->body, &t->language, &t->published, &t->source};
    memset(t, 0, sizeof *t);
    t->id = st_pg_value_int64(res, row, 0);
    t->event = st_pg_value_int64(res, row, 1);
    int rc = ST_OK;
    for (int c = 0; c < 5; c++) {
        const char *v = st_pg_value(res, row, c + 2);
        if (v && !(*dst[c] = st_strdup(v)))
            rc = ST_ENOMEM;
    }
    return rc;
}

int st_pg_qs_story_texts(st_db *db, int64_t story, st_qs_text **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    st_pg_params p = {0};
    st_pg_int(&p, story);
    PGresult *res = st_pg_run(
        db,
        "SELECT id, coalesce(event_id, 0), title, body, language, published, source"
        " FROM articles WHERE story_id = $1 ORDER BY published IS NULL, published, id",
        &p);
    if (!res)
        return ST_EDB;
    size_t rows = (size_t)PQntuples(res);
    st_qs_text *v = rows ? calloc(rows, sizeof *v) : NULL;
    int rc = !rows ? ST_ENOTFOUND : v ? ST_OK : ST_ENOMEM;
    size_t cnt = 0;
    for (; rc == ST_OK && cnt < rows; cnt++)
        rc = text_row(res, (int)cnt, &v[cnt]);
    PQclear(res);
    if (rc != ST_OK) {
        st_qs_texts_free(v, cnt);
        return rc;
    }
    *out = v;
    *n = cnt;
    return ST_OK;
}
