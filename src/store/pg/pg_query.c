/* pg_query.c — the PostgreSQL twins of query.c: the same documents, built by
 * PostgreSQL's JSON functions (json_build_object keeps key order) and
 * compacted to SQLite's spacing. Search is PostgreSQL's own text search. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/db.h"
#include "store/pg/pg_query.h"
#include "util/util.h"

void st_pg_json_compact(char *s)
{
    char *w = s;
    int in_str = 0;
    for (const char *r = s; *r; r++) {
        if (in_str) {
            *w++ = *r;
            if (*r == '\\' && r[1])
                *w++ = *++r;
            else if (*r == '"')
                in_str = 0;
        } else if (*r != ' ' && *r != '\n' && *r != '\t' && *r != '\r') {
            in_str = *r == '"';
            *w++ = *r;
        }
    }
    *w = 0;
}

int st_pg_filtered_doc(st_db *db, const char *sql, const st_query *q, const char *p7, char **out)
{
    st_pg_params p = {0};
    st_pg_query_params(&p, q);
    p.n = 6; /* $7 is the caller's, not necessarily q->text */
    st_pg_text(&p, p7);
    int rc = st_pg_doc(db, sql, &p, out);
    if (rc == ST_OK)
        st_pg_json_compact(*out);
    return rc;
}

#define ARTICLE_BRIEF                                                                      \
    "json_build_object('id', a.id, 'ext_id', a.ext_id, 'title', a.title, 'source', a.source," \
    " 'language', a.language, 'published', a.published, 'url', a.url,"                     \
    " 'event', a.event_id, 'story', a.story_id, 'lead', substr(a.body, 1, 120))"

#define ARTICLE_ORDER " ORDER BY a.published IS NULL, a.published, a.id"

int st_pg_articles_json(st_db *db, const st_query *q, char **out)
{
    return st_pg_filtered_doc(db,
                              ST_PG_TYPED_PARAMS "SELECT coalesce(json_agg(j), '[]') FROM ("
                              " SELECT " ARTICLE_BRIEF " AS j FROM articles a"
                              " WHERE " ST_PG_FILTER("a") ARTICLE_ORDER " LIMIT $5 OFFSET $6) t",
                              q, q ? q->text : NULL, out);
}

int st_pg_article_json(st_db *db, const char *id, char **out)
{
    /* $1 is the text form (external id or URL), $2 the numeric id. */
    char *end = NULL;
    long long n = id ? strtoll(id, &end, 10) : 0;
    if (!id || !end || *end)
        n = 0;
    st_pg_params p = {0};
    st_pg_text(&p, id ? id : "");
    st_pg_int(&p, n);
    int rc = st_pg_doc(
        db,
        "SELECT json_build_object('id', a.id, 'ext_id', a.ext_id, 'url', a.url,"
        " 'source', a.source, 'title', a.title, 'language', a.language,"
        " 'lang_meta', a.lang_meta, 'lang_conf', " ST_PG_REAL("a.lang_conf") ","
        /* SQLite's booleans are 0/1 (NULL when language is NULL) */
        " 'lang_mismatch', (a.lang_meta IS NOT NULL AND a.lang_meta <> a.language)::int,"
        " 'published', a.published, 'ingested', a.ingested,"
        " 'authors', coalesce(a.authors, 'null')::json, 'extra', coalesce(a.extra, 'null')::json,"
        " 'origin', a.origin, 'content_hash', a.content_hash,"
        /* printf('%016x') of NULL is zeros; to_hex prints the two's complement */
        " 'simhash', lpad(to_hex(coalesce(a.simhash, 0)), 16, '0'),"
        " 'event', a.event_id, 'story', a.story_id,"
        " 'first_story', (a.first_story = 1)::int, 'body', a.body,"
        " 'duplicates', (SELECT coalesce(json_agg(json_build_object('other',"
        "   CASE WHEN d.a = a.id THEN d.b ELSE d.a END, 'kind', d.kind,"
        "   'jaccard', " ST_PG_REAL("d.jaccard") ", 'containment', " ST_PG_REAL("d.containment") ","
        "   'simhash_dist', d.simhash_dist) ORDER BY d.a, d.b),"
        "   '[]') FROM dup_pairs d WHERE d.a = a.id OR d.b = a.id))"
        " FROM articles a WHERE a.id = $2 OR a.ext_id = $1 OR a.url = $1"
        " ORDER BY a.id = $2 DESC, a.id LIMIT 1",
        &p, out);
    if (rc == ST_OK)
        st_pg_json_compact(*out);
    return rc;
}

/* A character of an FTS5 bareword: ASCII letters and digits, '_', and
 * anything beyond ASCII. */
static int fts5_word_char(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
           c == '_' || c == 0x1a;
}

/* After a "phrase" (doubled quotes escape a quote), or NULL when unclosed. */
static const char *skip_phrase(const char *s)
{
    for (s++; *s; s++) {
        if (*s == '"' && s[1] != '"')
            return s + 1;
        if (*s == '"')
            s++;
    }
    return NULL;
}

/* Whether FTS5 would parse the query: websearch_to_tsquery forgives anything,
 * but both backends must answer FTS5's syntax errors ("don't", "(rate",
 * "rate AND") with ST_EUSAGE. Phrases, words, parentheses, the operators
 * AND OR NOT (between operands), prefix '*', '^', '+', and the filters
 * title: and body: (the columns of articles_fts). */
static int search_syntax_ok(const char *s)
{
    int depth = 0, need = 1; /* need: an operand must come next */
    int column = 0;          /* the last token was the word title or body */
    while (*s) {
        unsigned char c = (unsigned char)*s;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            s++;
            continue;
        }
        if (c == '"') {
            if (!(s = skip_phrase(s)))
                return 0;
            need = 0;
        } else if (fts5_word_char(c)) {
            const char *w = s;
            while (fts5_word_char((unsigned char)*s))
                s++;
            size_t n = (size_t)(s - w);
            int op = (n == 3 && (!strncmp(w, "AND", 3) || !strncmp(w, "NOT", 3))) ||
                     (n == 2 && !strncmp(w, "OR", 2));
            if (op && need)
                return 0;
            need = op;
            column = (n == 5 && !strncasecmp(w, "title", 5)) ||
                     (n == 4 && !strncasecmp(w, "body", 4));
            continue;
        } else if (c == '(' || c == '^') {
            depth += c == '(';
            need = 1;
            s++;
        } else if (c == ')' || c == '*') {
            if (need || (c == ')' && --depth < 0))
                return 0;
            s++;
        } else if (c == ':' || c == '+') {
            if (need || (c == ':' && !column))
                return 0;
            need = 1;
            s++;
        } else {
            return 0;
        }
        column = 0;
    }
    return !need && depth == 0;
}

/* The query parsed in every configuration (only the filter's language's and
 * 'simple' when there is one), OR'ed: a constant, so the GIN index on fts
 * finds the candidates that the per-article match below then checks (3-4x
 * faster than checking every article). */
#define ANY_CONFIG                                                                         \
    "(SELECT string_agg('(' || q::text || ')', ' | ')::tsquery FROM (SELECT"               \
    " websearch_to_tsquery(c.oid::regconfig, $7) AS q FROM pg_ts_config c"                 \
    " WHERE $1::text IS NULL OR c.oid IN (st_ts_config($1), 'simple'::regconfig)) x"        \
    " WHERE numnode(q) > 0)"

/* An article matches when the query, parsed in the article's own language
 * (stemmed as its fts column is) or in 'simple' (the words as written),
 * matches its fts column. rank is -ts_rank: lower is better, as bm25 in the
 * SQLite document; ts_rank has no column weights, so a title match does not
 * weigh 5x as there, and ranks (and the order of results) differ between the
 * backends. The snippet is ts_headline's, in the configuration that matched,
 * so its words may differ from FTS5's. Stemming also widens the matches
 * ("port" finds "ports", which FTS5's unicode61 does not), and a stop word of
 * the article's language matches nothing. */
int st_pg_search_json(st_db *db, const st_query *q, char **out)
{
    *out = NULL;
    if (!q || !q->text || !*q->text || !search_syntax_ok(q->text))
        return ST_EUSAGE;
    return st_pg_filtered_doc(
        db,
        ST_PG_TYPED_PARAMS
        "SELECT coalesce(json_agg(json_build_object('id', id, 'ext_id', ext_id, 'title', title,"
        "  'source', source, 'language', language, 'published', published,"
        "  'story', story_id, 'rank', " ST_PG_REAL("rank") ", 'snippet',"
        "  CASE WHEN starts_with(body, plain) THEN '' ELSE '…' END || h"
        "  || CASE WHEN right(body, length(plain)) = plain THEN '' ELSE '…' END)"
        "  ORDER BY rank, id), '[]') FROM ("
        " SELECT a.id, a.ext_id, a.title, a.source, a.language, a.published, a.story_id,"
        "  a.body, ql, qs, a.fts @@ ql AS stemmed,"
        "  -greatest(ts_rank(a.fts, ql), ts_rank(a.fts, qs)) AS rank"
        " FROM articles a CROSS JOIN LATERAL (SELECT"
        "  websearch_to_tsquery(st_ts_config(a.language), $7) AS ql,"
        "  websearch_to_tsquery('simple', $7) AS qs) t"
        " WHERE a.fts @@ " ANY_CONFIG " AND (a.fts @@ ql OR a.fts @@ qs) AND " ST_PG_FILTER("a")
        " ORDER BY rank, a.id LIMIT $5 OFFSET $6) r"
        " CROSS JOIN LATERAL (SELECT ts_headline(CASE WHEN stemmed THEN st_ts_config(language)"
        "  ELSE 'simple'::regconfig END, body, CASE WHEN stemmed THEN ql ELSE qs END,"
        "  'StartSel=[, StopSel=], MaxWords=16, MinWords=6, ShortWord=0, MaxFragments=1') AS h) hl"
        /* SQLite's snippet marks a fragment that is not the start or end with … */
        " CROSS JOIN LATERAL (SELECT replace(replace(h, '[', ''), ']', '') AS plain) pl",
        q, q->text, out);
}

int st_pg_dups_json(st_db *db, const st_query *q, char **out)
{
    /* round(numeric) as SQLite's round(x, 3) */
    return st_pg_filtered_doc(
        db,
        ST_PG_TYPED_PARAMS
        "SELECT coalesce(json_agg(j), '[]') FROM ("
        " SELECT json_build_object('a', d.a, 'a_ext_id', x.ext_id, 'b', d.b,"
        "  'b_ext_id', y.ext_id, 'kind', d.kind,"
        "  'jaccard', " ST_PG_REAL("round(d.jaccard::numeric, 3)::float8") ","
        "  'containment', " ST_PG_REAL("round(d.containment::numeric, 3)::float8") ","
        "  'simhash_dist', d.simhash_dist) AS j"
        " FROM dup_pairs d JOIN articles x ON x.id = d.a JOIN articles y ON y.id = d.b"
        " WHERE $4 = 0 OR x.story_id = $4 OR y.story_id = $4"
        " ORDER BY d.a, d.b LIMIT $5 OFFSET $6) t",
        q, NULL, out);
}

/* query.c's STORY_SUMMARY (languages and sources sorted), as the arguments
 * of a json_build_object. */
#define STORY_FIELDS                                                                  \
    "'id', s.id, 'label', s.label, 'terms', coalesce(s.terms, '[]')::json,"           \
    " 'entities', coalesce(s.entities, '[]')::json, 'articles', count(a.id),"         \
    " 'events', count(DISTINCT a.event_id), 'first', min(a.published),"               \
    " 'last', max(a.published),"                                                       \
    " 'languages', " ST_PG_SORTED_SET("a.language") ","                               \
    " 'sources', " ST_PG_SORTED_SET("a.source")

int st_pg_stories_json(st_db *db, const st_query *q, char **out)
{
    return st_pg_filtered_doc(
        db,
        ST_PG_TYPED_PARAMS
        "SELECT coalesce(json_agg(j), '[]') FROM ("
        " SELECT json_build_object(" STORY_FIELDS ") AS j, count(a.id) AS n,"
        "  max(a.published) AS last"
        " FROM stories s JOIN articles a ON a.story_id = s.id WHERE " ST_PG_FILTER("a")
        " AND ($7::text IS NULL OR" ST_PG_CONTAINS("s.label", "$7") ")"
        " GROUP BY s.id ORDER BY n DESC, last DESC NULLS LAST, s.id LIMIT $5 OFFSET $6) t",
        q, q ? q->text : NULL, out);
}

#define BRIEF_LIST(where)                                                            \
    "(SELECT coalesce(json_agg(aj), '[]') FROM (SELECT " ARTICLE_BRIEF " AS aj"       \
    " FROM articles a WHERE " where ARTICLE_ORDER ") al)"

int st_pg_story_json(st_db *db, int64_t id, char **out)
{
    st_pg_params p = {0};
    st_pg_int(&p, id);
    int rc = st_pg_doc(
        db,
        "SELECT json_build_object(" STORY_FIELDS ","
        " 'event_list', (SELECT coalesce(json_agg(ej), '[]') FROM ("
        "   SELECT json_build_object('id', e.id, 'label', e.label,"
        "    'terms', coalesce(e.terms, '[]')::json,"
        "    'articles', " BRIEF_LIST("a.event_id = e.id") ") AS ej"
        "   FROM events e WHERE e.story_id = s.id"
        "   ORDER BY (SELECT min(coalesce(published, '')) FROM articles WHERE event_id = e.id)"
        "   NULLS FIRST, e.id) el),"
        " 'article_list', " BRIEF_LIST("a.story_id = s.id") ")"
        " FROM stories s JOIN articles a ON a.story_id = s.id"
        " WHERE s.id = $1 GROUP BY s.id",
        &p, out);
    if (rc == ST_OK)
        st_pg_json_compact(*out);
    return rc;
}
