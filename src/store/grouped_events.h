/* grouped_events.h — the grouped-events query of st_export and the events
 * document, shared by SQLite (query_events.c) and PostgreSQL
 * (pg/pg_query_events.c) so that both engines group and order alike. */
#ifndef ST_STORE_GROUPED_EVENTS_H
#define ST_STORE_GROUPED_EVENTS_H

/* One row per story (or per article outside stories) and (source, code,
 * target), columns in export_row.h's order; negated events are left out, as
 * GDELT does. Binds: 1 language, 2 since, 3 until, 4 story, 5 limit,
 * 6 offset. P is the dialect's placeholder sigil ("?" or "$"); TEXT types the
 * text parameters in their NULL tests ("::text" in PostgreSQL, which cannot
 * infer an untyped parameter there). The story is max(a.story_id): constant
 * within a group, and PostgreSQL refuses the bare column SQLite would take. */
#define ST_GROUPED_EVENTS(P, TEXT)                                                           \
    "SELECT gid, date, src, src_name, code, tgt, tgt_name, goldstein, quad, mentions,"      \
    " sources, articles, place, first_off, story,"                                           \
    " (SELECT url FROM articles WHERE id = g.article) AS url, article, added,"              \
    " (SELECT text FROM cameo_events WHERE id = g.gid) AS sentence FROM ("                  \
    "SELECT min(e.id) AS gid, min(e.date) AS date, e.source_actor AS src,"                  \
    " max(e.source_name) AS src_name, e.code AS code, e.target_actor AS tgt,"              \
    " max(e.target_name) AS tgt_name, max(e.goldstein) AS goldstein,"                       \
    " max(e.quad_class) AS quad, count(*) AS mentions, count(DISTINCT a.source) AS sources," \
    " count(DISTINCT e.article_id) AS articles, max(e.place) AS place,"                     \
    " min(e.sent_start) AS first_off, max(a.story_id) AS story,"                             \
    " min(e.article_id) AS article, max(a.ingested) AS added"                                \
    " FROM cameo_events e JOIN articles a ON a.id = e.article_id"                            \
    " WHERE e.negated = 0 AND (" P "1" TEXT " IS NULL OR a.language = " P "1)"              \
    " AND (" P "2" TEXT " IS NULL OR substr(e.date,1,10) >= substr(" P "2,1,10))"           \
    " AND (" P "3" TEXT " IS NULL OR substr(e.date,1,10) <= substr(" P "3,1,10))"           \
    " AND (" P "4 = 0 OR a.story_id = " P "4)"                                               \
    " GROUP BY coalesce(a.story_id, -a.id), e.source_actor, e.code, e.target_actor) g"      \
    " ORDER BY gid LIMIT " P "5 OFFSET " P "6"

#endif
