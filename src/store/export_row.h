/* export_row.h — the GDELT row printer of st_export, shared by the SQLite
 * export (query_events.c) and its PostgreSQL twin (pg/pg_query_events.c):
 * each backend runs its grouped-events query and hands the row over as text. */
#ifndef ST_STORE_EXPORT_ROW_H
#define ST_STORE_EXPORT_ROW_H

#include <stdio.h>

/* The grouped-events query's columns, in its select order. */
enum {
    ST_GDELT_GID,
    ST_GDELT_DATE,
    ST_GDELT_SRC,
    ST_GDELT_SRC_NAME,
    ST_GDELT_CODE,
    ST_GDELT_TGT,
    ST_GDELT_TGT_NAME,
    ST_GDELT_GOLDSTEIN,
    ST_GDELT_QUAD,
    ST_GDELT_MENTIONS,
    ST_GDELT_SOURCES,
    ST_GDELT_ARTICLES,
    ST_GDELT_PLACE,
    ST_GDELT_FIRST_OFF,
    ST_GDELT_STORY,
    ST_GDELT_URL,
    ST_GDELT_ARTICLE,
    ST_GDELT_ADDED,
    ST_GDELT_SENTENCE,
    ST_GDELT_NCOLS
};

/* Prints one row of the GDELT 2.0 event table (61 tab-separated columns and
 * a newline); a NULL column is NULL or "". */
void st_export_gdelt_row(FILE *f, const char *const col[ST_GDELT_NCOLS]);

#endif
