/* pg_query.h — what the PostgreSQL read twins (pg_query.c, pg_query_extract.c,
 * pg_query_events.c) share: the filter SQL and the document runner.
 *
 * SQLite and PostgreSQL differ in ways the SQL below compensates for:
 * NULL sorts first ascending in SQLite and last in PostgreSQL (NULLS FIRST on
 * nullable sort keys); SQLite's LIKE and lower() fold ASCII only (ST_PG_ALOWER,
 * and LIKE ... ESCAPE '' since SQLite's LIKE has no escape character); text
 * orders by bytes in SQLite (COLLATE "C"). */
#ifndef ST_STORE_PG_QUERY_H
#define ST_STORE_PG_QUERY_H

#include "store/pg/pg.h"

/* Types every standard parameter ($1 language, $2 since, $3 until, $4 story,
 * $5 limit, $6 offset, $7 text) once, so that a query may leave some unused:
 * PostgreSQL cannot infer the type of a parameter it never sees. The CTE is
 * never referenced, so never evaluated. */
#define ST_PG_TYPED_PARAMS                                                          \
    "WITH st_params AS (SELECT $1::text, $2::text, $3::text, $4::bigint, $5::bigint," \
    " $6::bigint, $7::text) "

/* The st_query filters on articles aliased `a` (as query.c's ARTICLE_FILTER). */
#define ST_PG_FILTER(a)                                                        \
    " ($1::text IS NULL OR " a ".language = $1)"                               \
    " AND ($2::text IS NULL OR substr(" a ".published,1,10) >= substr($2,1,10))" \
    " AND ($3::text IS NULL OR substr(" a ".published,1,10) <= substr($3,1,10))" \
    " AND ($4 = 0 OR " a ".story_id = $4)"

/* SQLite's lower(): ASCII letters only. */
#define ST_PG_ALOWER(x) \
    "translate(" x ", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"

/* SQLite's `x LIKE '%' || p || '%'`: ASCII case folding, no escape character. */
#define ST_PG_CONTAINS(x, p) \
    " " ST_PG_ALOWER(x) " LIKE '%' || " ST_PG_ALOWER(p) " || '%' ESCAPE ''"

/* A REAL as SQLite's JSON writes it: an integral value keeps its ".0"
 * (PostgreSQL writes 101, which jansson reads as an integer). */
#define ST_PG_REAL(x)                                                                   \
    "(CASE WHEN " x " = trunc(" x ") AND abs(" x ") < 1e15"                             \
    " THEN (trunc(" x ")::bigint || '.0')::json ELSE to_json(" x ") END)"

/* The distinct values of the text x over the group, as a JSON array in byte
 * order, null first: the SQLite queries sort their json_group_array(DISTINCT)
 * lists so (SORTED_AT in query.c), rather than leave them in the order of
 * SQLite's plan. An aggregate. */
#define ST_PG_SORTED_SET(x) \
    "json_agg(DISTINCT " x " COLLATE \"C\" ORDER BY " x " COLLATE \"C\" NULLS FIRST)"

/* Runs sql with the st_query filters as $1..$6 and p7 as $7; the one value is
 * a JSON document, compacted into *out as SQLite writes JSON. Codes as
 * st_pg_doc. */
int st_pg_filtered_doc(st_db *db, const char *sql, const st_query *q, const char *p7, char **out);
/* Removes the whitespace PostgreSQL's json output puts between tokens
 * ("{"a" : 1, "b" : 2}" -> "{"a":1,"b":2}"), in place; strings are kept. */
void st_pg_json_compact(char *s);

#endif
