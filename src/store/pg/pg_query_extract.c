/* pg_query_extract.c — the PostgreSQL twins of query_extract.c (entities,
 * quotes, claims, conflicts); $7 is the entity filter. */
#include "store/db.h"
#include "store/pg/pg_query.h"

static int extract_doc(st_db *db, const char *sql, const st_query *q, char **out)
{
    return st_pg_filtered_doc(db, sql, q, q && q->entity && *q->entity ? q->entity : NULL, out);
}

/* Bytes of the headline in the analysed text (title + "\n\n" + body). */
#define TITLE_BYTES "octet_length(coalesce(a.title, ''))"
#define IN_TITLE "sum((m.start < " TITLE_BYTES ")::int)"
#define SALIENCE "count(*) + 2 * count(DISTINCT m.article_id) + 3 * " IN_TITLE

/* Languages sorted; ties (one name, two types) in entity id order, as in
 * query_extract.c. */
int st_pg_entities_json(st_db *db, const st_query *q, char **out)
{
    return extract_doc(
        db,
        ST_PG_TYPED_PARAMS
        "SELECT coalesce(json_agg(j), '[]') FROM ("
        " SELECT json_build_object('id', e.id, 'name', e.name, 'type', e.type,"
        "  'concept', e.concept, 'mentions', count(*), 'articles', count(DISTINCT m.article_id),"
        "  'in_title', " IN_TITLE ", 'salience', " SALIENCE ","
        "  'aliases', (SELECT coalesce(json_agg(alias ORDER BY alias COLLATE \"C\"), '[]')"
        "     FROM (SELECT DISTINCT x.alias FROM entity_aliases x WHERE x.entity_id = e.id) al),"
        "  'languages', " ST_PG_SORTED_SET("a.language") ") AS j,"
        "  " SALIENCE " AS sal"
        " FROM mentions m JOIN entities e ON e.id = m.entity_id"
        " JOIN articles a ON a.id = m.article_id WHERE " ST_PG_FILTER("a")
        " AND ($7::text IS NULL OR" ST_PG_CONTAINS("e.name", "$7") " OR EXISTS (SELECT 1 FROM"
        "   entity_aliases x WHERE x.entity_id = e.id AND" ST_PG_CONTAINS("x.alias", "$7") "))"
        " GROUP BY e.id ORDER BY sal DESC, e.type = 'person' DESC, e.name COLLATE \"C\", e.id"
        " LIMIT $5 OFFSET $6) t",
        q, out);
}

#define ART_FIELDS                                                                     \
    "'article', a.id, 'ext_id', a.ext_id, 'source', a.source, 'language', a.language," \
    " 'published', a.published, 'story', a.story_id"

/* Listings of one article's rows in article order, then by start, then by
 * the row's id. */
#define BY_ARTICLE(start, id)                                                                 \
    " ORDER BY a.published IS NULL, a.published, a.id, " start " NULLS FIRST, " id " LIMIT $5" \
    " OFFSET $6) t"

int st_pg_quotes_json(st_db *db, const st_query *q, char **out)
{
    return extract_doc(
        db,
        ST_PG_TYPED_PARAMS
        "SELECT coalesce(json_agg(j), '[]') FROM ("
        " SELECT json_build_object('id', x.id, " ART_FIELDS ", 'text', x.text,"
        "  'speaker', x.speaker, 'speaker_entity', x.speaker_entity, 'verb', x.verb,"
        "  'sentence', x.sentence, 'start', x.start, 'end', x.\"end\") AS j"
        " FROM quotes x JOIN articles a ON a.id = x.article_id WHERE " ST_PG_FILTER("a")
        " AND ($7::text IS NULL OR" ST_PG_CONTAINS("x.speaker", "$7") ")"
        BY_ARTICLE("x.start", "x.id"),
        q, out);
}

#define CLAIM_FIELDS                                                                  \
    "'id', c.id, " ART_FIELDS ", 'value', " ST_PG_REAL("c.value") ","                   \
    " 'value_text', c.value_text,"                                                     \
    " 'unit', c.unit, 'qualifier', c.qualifier, 'subject', c.subject,"                 \
    " 'attribution', c.attribution, 'sentence', c.sentence, 'date', c.date,"           \
    " 'start', c.start, 'end', c.\"end\""

int st_pg_claims_json(st_db *db, const st_query *q, char **out)
{
    return extract_doc(
        db,
        ST_PG_TYPED_PARAMS
        "SELECT coalesce(json_agg(j), '[]') FROM ("
        " SELECT json_build_object(" CLAIM_FIELDS ") AS j"
        " FROM claims c JOIN articles a ON a.id = c.article_id WHERE " ST_PG_FILTER("a")
        " AND ($7::text IS NULL OR" ST_PG_CONTAINS("c.subject", "$7")
        "   OR" ST_PG_CONTAINS("c.attribution", "$7") ")" BY_ARTICLE("c.start", "c.id"),
        q, out);
}

/* As query_extract.c's CLAIM_PAIRS and QUOTE_PAIRS (the reasons are
 * explained there); GLOB '*[0-9]*' is the regular expression [0-9]. */
#define CLAIM_PAIRS                                                                      \
    " SELECT json_build_object('kind', 'claim', 'unit', c.unit, 'reason', CASE"         \
    "   WHEN c.date IS NOT NULL AND d.date IS NOT NULL AND c.date <> d.date"             \
    "     THEN 'different time'"                                                         \
    "   WHEN coalesce(c.qualifier, '') <> coalesce(d.qualifier, '')"                     \
    "     OR c.value_text !~ '[0-9]' OR d.value_text !~ '[0-9]'"                         \
    "     THEN 'different qualifier/definition'"                                         \
    "   ELSE 'contradiction' END,"                                                       \
    "  'a', json_build_object(" CLAIM_FIELDS "),"                                        \
    "  'b', (SELECT json_build_object(" CLAIM_FIELDS ") FROM claims c JOIN articles a"   \
    "        ON a.id = c.article_id WHERE c.id = d.id)) AS j,"                           \
    "  a.story_id AS story, c.id AS k1, d.id AS k2, 0 AS part"                           \
    " FROM claims c JOIN articles a ON a.id = c.article_id"                              \
    " JOIN claims d ON d.unit = c.unit AND d.id > c.id AND d.article_id <> c.article_id" \
    " JOIN articles b ON b.id = d.article_id"                                            \
    " WHERE " ST_PG_FILTER("a") " AND a.story_id IS NOT DISTINCT FROM b.story_id"        \
    " AND (c.subject IS NULL OR d.subject IS NULL"                                       \
    "      OR " ST_PG_ALOWER("c.subject") " = " ST_PG_ALOWER("d.subject") ")"           \
    " AND abs(c.value - d.value) > 0.05 * greatest(abs(c.value), abs(d.value))"

#define QUOTE_FIELDS                                                                   \
    "'id', x.id, " ART_FIELDS ", 'text', x.text, 'speaker', x.speaker, 'verb', x.verb," \
    " 'sentence', x.sentence"

#define QUOTE_PAIRS                                                                       \
    " SELECT json_build_object('kind', 'quote', 'reason', 'different speaker',"          \
    "  'a', json_build_object(" QUOTE_FIELDS "),"                                         \
    "  'b', (SELECT json_build_object(" QUOTE_FIELDS ") FROM quotes x JOIN articles a"    \
    "        ON a.id = x.article_id WHERE x.id = y.id)) AS j,"                            \
    "  a.story_id AS story, x.id AS k1, y.id AS k2, 1 AS part"                            \
    " FROM quotes x JOIN articles a ON a.id = x.article_id"                               \
    " JOIN quotes y ON y.id > x.id AND y.article_id <> x.article_id"                      \
    "  AND " ST_PG_ALOWER("y.text") " = " ST_PG_ALOWER("x.text")                          \
    " JOIN articles b ON b.id = y.article_id"                                             \
    " WHERE " ST_PG_FILTER("a") " AND a.story_id IS NOT DISTINCT FROM b.story_id"         \
    " AND x.speaker IS NOT NULL AND y.speaker IS NOT NULL"                                \
    " AND " ST_PG_ALOWER("x.speaker") " <> " ST_PG_ALOWER("y.speaker")                    \
    " AND (x.speaker_entity IS NULL OR y.speaker_entity IS NULL"                          \
    "      OR x.speaker_entity <> y.speaker_entity)"

/* The entity filter matches the pair's JSON text, as SQLite does; PostgreSQL
 * spaces that text differently, which only a filter spanning a key and its
 * value would notice. */
int st_pg_conflicts_json(st_db *db, const st_query *q, char **out)
{
    return extract_doc(
        db,
        ST_PG_TYPED_PARAMS
        "SELECT coalesce(json_agg(j), '[]') FROM ("
        " SELECT j FROM (" CLAIM_PAIRS " UNION ALL " QUOTE_PAIRS ") p"
        " WHERE $7::text IS NULL OR" ST_PG_CONTAINS("j::text", "$7")
        " ORDER BY story NULLS FIRST, k1, k2, part LIMIT $5 OFFSET $6) t",
        q, out);
}
