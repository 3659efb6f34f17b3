/* pg_link.c — twins of src/store/link.c: the linker lock is a session
 * advisory lock, which PostgreSQL drops with the connection of a dead holder. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/pg/pg.h"
#include "util/util.h"

/* Any number: the advisory lock key of "the linker of this database". */
#define LINKER_LOCK "7401002"

int st_pg_store_linker_lock(st_db *db, int *held)
{
    *held = 0;
    PGresult *res = st_pg_run(db, "SELECT pg_try_advisory_lock(" LINKER_LOCK ")", NULL);
    if (!res)
        return ST_EDB;
    const char *v = PQntuples(res) ? st_pg_value(res, 0, 0) : NULL;
    *held = v && *v == 't';
    PQclear(res);
    return ST_OK;
}

int st_pg_store_each_unlinked(st_db *db, size_t max, st_unlinked_fn fn, void *ud)
{
    st_pg_params p = {0};
    if (max > INT64_MAX)
        st_pg_text(&p, NULL); /* LIMIT NULL: all */
    else
        st_pg_int(&p, (int64_t)max);
    PGresult *res = st_pg_run(db,
                              "SELECT id, ext_id, url, source, title, body, lang_meta, published,"
                              " authors, extra, origin FROM articles WHERE event_id IS NULL"
                              " ORDER BY id LIMIT $1",
                              &p);
    if (!res)
        return ST_EDB;
    int rc = ST_OK;
    for (int r = 0; rc == ST_OK && r < PQntuples(res); r++) {
        st_article a = {
            .ext_id = (char *)st_pg_value(res, r, 1),
            .url = (char *)st_pg_value(res, r, 2),
            .source = (char *)st_pg_value(res, r, 3),
            .title = (char *)st_pg_value(res, r, 4),
            .body = (char *)st_pg_value(res, r, 5),
            .language = (char *)st_pg_value(res, r, 6),
            .published = (char *)st_pg_value(res, r, 7),
            .authors = (char *)st_pg_value(res, r, 8),
            .extra = (char *)st_pg_value(res, r, 9),
            .origin = (char *)st_pg_value(res, r, 10),
        };
        rc = fn(st_pg_value_int64(res, r, 0), &a, ud);
    }
    PQclear(res);
    return rc;
}

int st_pg_store_max_cluster_ids(st_db *db, int64_t *event, int64_t *story)
{
    int rc = st_pg_int64(db, "SELECT coalesce(max(id), 0) FROM events", NULL, event);
    return rc == ST_OK ? st_pg_int64(db, "SELECT coalesce(max(id), 0) FROM stories", NULL, story)
                       : rc;
}
