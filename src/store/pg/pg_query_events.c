/* pg_query_events.c — the PostgreSQL twins of query_events.c: CAMEO events
 * grouped per story, and the GDELT rows of st_export (printed by the same
 * st_export_gdelt_row as SQLite's). */
#include "store/db.h"
#include "store/export_row.h"
#include "store/grouped_events.h"
#include "store/pg/pg_query.h"

/* libpq numbers its parameters $N; a bare $N IS NULL has no type to infer. */
#define GROUPED_EVENTS ST_GROUPED_EVENTS("$", "::text")

#define EVENT_JSON                                                                               \
    "json_build_object('id', gid, 'date', date, 'source', src, 'source_name', src_name,"         \
    " 'code', code, 'target', tgt, 'target_name', tgt_name,"                                    \
    " 'goldstein', " ST_PG_REAL("goldstein") ","                                                 \
    " 'quad_class', quad, 'mentions', mentions, 'sources', sources, 'articles', articles,"      \
    " 'place', place, 'story', story, 'article', article, 'url', url, 'sentence', sentence)"

int st_pg_cameo_events_json(st_db *db, const st_query *q, char **out)
{
    return st_pg_filtered_doc(db,
                              ST_PG_TYPED_PARAMS "SELECT coalesce(json_agg(" EVENT_JSON
                                                 "), '[]') FROM (" GROUPED_EVENTS ") ge",
                              q, NULL, out);
}

/* Stops the statement running on db's connection (a failed write leaves
 * the rest of the rows unwanted); its results must still be read. */
static void cancel_statement(st_db *db)
{
    char err[256];
    PGcancel *c = PQgetCancel(db->pg);
    if (c)
        PQcancel(c, err, sizeof err);
    PQfreeCancel(c);
}

/* Streams the rows one at a time (libpq's single-row mode): an export of a
 * million events never holds them at once, as st_pg_run's result would.
 * Unprepared: the export runs once per process. */
int st_pg_export_gdelt(st_db *db, const st_query *q, FILE *f)
{
    st_pg_params p = {0};
    st_pg_query_params(&p, q);
    if (!PQsendQueryParams(db->pg, ST_PG_TYPED_PARAMS GROUPED_EVENTS, p.n, NULL, p.v, p.len,
                           p.fmt, 0)) {
        fprintf(stderr, "storytrack: sql: %s", PQerrorMessage(db->pg));
        return ST_EDB;
    }
    int rc = ST_OK;
    if (!PQsetSingleRowMode(db->pg)) { /* the rows still come, in one result */
        fprintf(stderr, "storytrack: sql: single-row mode refused\n");
        rc = ST_EDB;
    }
    PGresult *res;
    while ((res = PQgetResult(db->pg))) {
        ExecStatusType s = PQresultStatus(res);
        if (s == PGRES_SINGLE_TUPLE && rc == ST_OK) {
            const char *col[ST_GDELT_NCOLS];
            for (int i = 0; i < ST_GDELT_NCOLS; i++)
                col[i] = st_pg_value(res, 0, i);
            st_export_gdelt_row(f, col);
            if (ferror(f)) {
                rc = ST_EIO;
                cancel_statement(db);
            }
        } else if (s != PGRES_SINGLE_TUPLE && s != PGRES_TUPLES_OK && rc != ST_EIO) {
            fprintf(stderr, "storytrack: sql: %s", PQresultErrorMessage(res));
            rc = ST_EDB;
        }
        PQclear(res);
    }
    return rc == ST_OK && ferror(f) ? ST_EIO : rc;
}
