/* query_extract.c — the extraction queries (entities, quotes, claims,
 * conflicts), answered as JSON built by SQLite like query.c. Filters bind as
 * there: ?1 language ?2 since ?3 until ?4 story ?5 limit ?6 offset, plus
 * ?7 entity. */
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/pg/pg.h"
#include "util/util.h"

static int json_array_doc(st_db *db, const char *sql, const st_query *q, char **out)
{
    sqlite3_stmt *st = st_db_prepare(db, sql);
    if (st) {
        st_db_bind_query(st, q);
        st_db_bind_text(st, 7, q && q->entity && *q->entity ? q->entity : NULL);
    }
    int rc = st_db_step_doc(st, out);
    if (rc == ST_ENOTFOUND) /* an empty listing is an empty array */
        rc = (*out = st_strdup("[]")) ? ST_OK : ST_ENOMEM;
    return rc;
}

#define FILTER(a)                                                              \
    " (?1 IS NULL OR " a ".language = ?1)"                                     \
    " AND (?2 IS NULL OR substr(" a ".published,1,10) >= substr(?2,1,10))"     \
    " AND (?3 IS NULL OR substr(" a ".published,1,10) <= substr(?3,1,10))"     \
    " AND (?4 = 0 OR " a ".story_id = ?4)"

/* Bytes of the headline in the analysed text (title + "\n\n" + body). */
#define TITLE_BYTES "length(CAST(coalesce(a.title, '') AS BLOB))"

/* Ties of salience and name (one name, two types) in entity id order; the
 * languages sorted, as json_group_array(DISTINCT) lists them in the order
 * SQLite's plan meets the mentions. */
int st_db_entities_json(st_db *db, const st_query *q, char **out)
{
    ST_ON_PG(db, st_pg_entities_json(db, q, out));
    return json_array_doc(
        db,
        "SELECT coalesce(json_group_array(json(json_set(j, '$.languages', "
        SORTED_AT("j", "$.languages") "))), '[]') FROM ("
        " SELECT json_object('id', e.id, 'name', e.name, 'type', e.type, 'concept', e.concept,"
        "  'mentions', count(*), 'articles', count(DISTINCT m.article_id),"
        "  'in_title', sum(m.start < " TITLE_BYTES "),"
        "  'salience', count(*) + 2 * count(DISTINCT m.article_id) + 3 * sum(m.start < " TITLE_BYTES "),"
        "  'aliases', (SELECT json_group_array(alias) FROM (SELECT DISTINCT x.alias FROM"
        "     entity_aliases x WHERE x.entity_id = e.id ORDER BY x.alias)),"
        "  'languages', json_group_array(DISTINCT a.language)) AS j,"
        "  count(*) + 2 * count(DISTINCT m.article_id) + 3 * sum(m.start < " TITLE_BYTES ") AS sal"
        " FROM mentions m JOIN entities e ON e.id = m.entity_id"
        " JOIN articles a ON a.id = m.article_id WHERE " FILTER("a")
        " AND (?7 IS NULL OR e.name LIKE '%' || ?7 || '%' OR EXISTS (SELECT 1 FROM"
        "   entity_aliases x WHERE x.entity_id = e.id AND x.alias LIKE '%' || ?7 || '%'))"
        " GROUP BY e.id ORDER BY sal DESC, e.type = 'person' DESC, e.name, e.id"
        " LIMIT ?5 OFFSET ?6)",
        q, out);
}

#define ART_FIELDS                                                                     \
    "'article', a.id, 'ext_id', a.ext_id, 'source', a.source, 'language', a.language," \
    " 'published', a.published, 'story', a.story_id"

int st_db_quotes_json(st_db *db, const st_query *q, char **out)
{
    ST_ON_PG(db, st_pg_quotes_json(db, q, out));
    return json_array_doc(
        db,
        "SELECT coalesce(json_group_array(json(j)), '[]') FROM ("
        " SELECT json_object('id', x.id, " ART_FIELDS ", 'text', x.text, 'speaker', x.speaker,"
        "  'speaker_entity', x.speaker_entity, 'verb', x.verb, 'sentence', x.sentence,"
        "  'start', x.start, 'end', x.end) AS j"
        " FROM quotes x JOIN articles a ON a.id = x.article_id WHERE " FILTER("a")
        " AND (?7 IS NULL OR x.speaker LIKE '%' || ?7 || '%')"
        " ORDER BY a.published IS NULL, a.published, a.id, x.start, x.id LIMIT ?5 OFFSET ?6)",
        q, out);
}

#define CLAIM_FIELDS                                                                  \
    "'id', c.id, " ART_FIELDS ", 'value', c.value, 'value_text', c.value_text,"        \
    " 'unit', c.unit, 'qualifier', c.qualifier, 'subject', c.subject,"                 \
    " 'attribution', c.attribution, 'sentence', c.sentence, 'date', c.date,"           \
    " 'start', c.start, 'end', c.end"

int st_db_claims_json(st_db *db, const st_query *q, char **out)
{
    ST_ON_PG(db, st_pg_claims_json(db, q, out));
    return json_array_doc(
        db,
        "SELECT coalesce(json_group_array(json(j)), '[]') FROM ("
        " SELECT json_object(" CLAIM_FIELDS ") AS j"
        " FROM claims c JOIN articles a ON a.id = c.article_id WHERE " FILTER("a")
        " AND (?7 IS NULL OR c.subject LIKE '%' || ?7 || '%'"
        "   OR c.attribution LIKE '%' || ?7 || '%')"
        " ORDER BY a.published IS NULL, a.published, a.id, c.start, c.id LIMIT ?5 OFFSET ?6)",
        q, out);
}

/* Two claims disagree when they count the same thing (unit, and subject
 * when both name one) in the same story and differ by more than 5%: more
 * than rounding ("43,000" vs "43,500" agree). The likely reason: their days
 * differ (the count moved), a qualifier or a vague number ("dozens", "at
 * least") makes them not comparable, else a contradiction. */
#define CLAIM_PAIRS                                                                      \
    " SELECT json_object('kind', 'claim', 'unit', c.unit, 'reason', CASE"               \
    "   WHEN c.date IS NOT NULL AND d.date IS NOT NULL AND c.date <> d.date"             \
    "     THEN 'different time'"                                                         \
    "   WHEN coalesce(c.qualifier, '') <> coalesce(d.qualifier, '')"                     \
    "     OR c.value_text NOT GLOB '*[0-9]*' OR d.value_text NOT GLOB '*[0-9]*'"         \
    "     THEN 'different qualifier/definition'"                                         \
    "   ELSE 'contradiction' END,"                                                       \
    "  'a', json_object(" CLAIM_FIELDS "),"                                              \
    "  'b', (SELECT json_object(" CLAIM_FIELDS ") FROM claims c JOIN articles a"         \
    "        ON a.id = c.article_id WHERE c.id = d.id)) AS j,"                           \
    "  a.story_id AS story, c.id AS k1, d.id AS k2, 0 AS part"                           \
    " FROM claims c JOIN articles a ON a.id = c.article_id"                              \
    " JOIN claims d ON d.unit = c.unit AND d.id > c.id AND d.article_id <> c.article_id" \
    " JOIN articles b ON b.id = d.article_id"                                            \
    " WHERE " FILTER("a") " AND a.story_id IS b.story_id"                                \
    " AND (c.subject IS NULL OR d.subject IS NULL OR lower(c.subject) = lower(d.subject))" \
    " AND abs(c.value - d.value) > 0.05 * max(abs(c.value), abs(d.value))"

#define QUOTE_FIELDS                                                                   \
    "'id', x.id, " ART_FIELDS ", 'text', x.text, 'speaker', x.speaker, 'verb', x.verb," \
    " 'sentence', x.sentence"

#define QUOTE_PAIRS                                                                       \
    " SELECT json_object('kind', 'quote', 'reason', 'different speaker',"                \
    "  'a', json_object(" QUOTE_FIELDS "),"                                               \
    "  'b', (SELECT json_object(" QUOTE_FIELDS ") FROM quotes x JOIN articles a"          \
    "        ON a.id = x.article_id WHERE x.id = y.id)) AS j,"                            \
    "  a.story_id AS story, x.id AS k1, y.id AS k2, 1 AS part"                            \
    " FROM quotes x JOIN articles a ON a.id = x.article_id"                               \
    " JOIN quotes y ON y.id > x.id AND y.article_id <> x.article_id"                      \
    "  AND lower(y.text) = lower(x.text)"                                                 \
    " JOIN articles b ON b.id = y.article_id"                                             \
    " WHERE " FILTER("a") " AND a.story_id IS b.story_id"                                 \
    " AND x.speaker IS NOT NULL AND y.speaker IS NOT NULL"                                \
    " AND lower(x.speaker) <> lower(y.speaker)"                                           \
    " AND (x.speaker_entity IS NULL OR y.speaker_entity IS NULL"                          \
    "      OR x.speaker_entity <> y.speaker_entity)"

/* Claim and quote ids are of two tables: a claim pair and a quote pair may
 * share (story, k1, k2), and then the claim pair comes first (part). */
int st_db_conflicts_json(st_db *db, const st_query *q, char **out)
{
    ST_ON_PG(db, st_pg_conflicts_json(db, q, out));
    return json_array_doc(
        db,
        "SELECT coalesce(json_group_array(json(j)), '[]') FROM ("
        " SELECT j FROM (" CLAIM_PAIRS " UNION ALL " QUOTE_PAIRS ")"
        " WHERE ?7 IS NULL OR j LIKE '%' || ?7 || '%'"
        " ORDER BY story, k1, k2, part LIMIT ?5 OFFSET ?6)",
        q, out);
}
