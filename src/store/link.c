/* link.c — the store's side of linking across processes (store.h): the
 * linker lock and the queue of articles stored without clusters. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "store/db.h"
#include "store/pg/pg.h"
#include "store/store.h"
#include "util/util.h"

int st_store_linker_lock(st_db *db, int *held)
{
    ST_ON_PG(db, st_pg_store_linker_lock(db, held));
    *held = db->linker_fd >= 0;
    if (*held)
        return ST_OK;
    char path[4096];
    snprintf(path, sizeof path, "%s-linker", db->path);
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return ST_EIO;
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        close(fd);
        return ST_OK; /* another process links this store */
    }
    db->linker_fd = fd;
    *held = 1;
    return ST_OK;
}

/* The rows are copied out before fn runs (it writes); the array grows with
 * the rows, so a large max costs nothing until rows come. */
typedef struct unlinked {
    int64_t *id;
    st_article **a;
    size_t n, cap;
} unlinked;

static int keep_row(unlinked *u, sqlite3_stmt *st)
{
    /* id and a share u->cap: both grow from it to the same capacity, and it
     * moves only once both have. */
    size_t ci = u->cap, ca = u->cap;
    if (st_grow(&u->id, &ci, u->n + 1, sizeof *u->id, 64) != ST_OK ||
        st_grow(&u->a, &ca, u->n + 1, sizeof *u->a, 64) != ST_OK)
        return ST_ENOMEM;
    u->cap = ca;
    st_article *a = st_article_new();
    if (!a)
        return ST_ENOMEM;
    char **f[] = {&a->ext_id, &a->url, &a->source, &a->title, &a->body,
                  &a->language, &a->published, &a->authors, &a->extra, &a->origin};
    for (int i = 0; i < 10; i++)
        *f[i] = st_db_column_dup(st, i + 1);
    u->id[u->n] = sqlite3_column_int64(st, 0);
    u->a[u->n++] = a;
    return ST_OK;
}

int st_store_each_unlinked(st_db *db, size_t max, st_unlinked_fn fn, void *ud)
{
    ST_ON_PG(db, st_pg_store_each_unlinked(db, max, fn, ud));
    sqlite3_stmt *st = st_db_prepare(
        db, "SELECT id, ext_id, url, source, title, body, lang_meta, published, authors,"
            " extra, origin FROM articles WHERE event_id IS NULL ORDER BY id LIMIT ?1");
    if (!st)
        return ST_EDB;
    sqlite3_bind_int64(st, 1, max > INT64_MAX ? -1 : (sqlite3_int64)max);
    unlinked u = {0};
    int rc = ST_OK, step;
    while (rc == ST_OK && (step = sqlite3_step(st)) == SQLITE_ROW)
        rc = keep_row(&u, st);
    if (rc == ST_OK && step != SQLITE_DONE)
        rc = ST_EDB;
    sqlite3_finalize(st);
    for (size_t i = 0; rc == ST_OK && i < u.n; i++)
        rc = fn(u.id[i], u.a[i], ud);
    for (size_t i = 0; i < u.n; i++)
        st_article_free(u.a[i]);
    free(u.id);
    free(u.a);
    return rc;
}

int st_store_any_unlinked(st_db *db)
{
    int64_t n;
    static const char sql[] =
        "SELECT CASE WHEN EXISTS(SELECT 1 FROM articles WHERE event_id IS NULL) THEN 1 ELSE 0 END";
    ST_ON_PG(db, st_pg_int64(db, sql, NULL, &n) == ST_OK ? (int)n : ST_EDB);
    return st_db_query_int64(db, sql, &n) == ST_OK ? (int)n : ST_EDB;
}

int st_store_max_cluster_ids(st_db *db, int64_t *event, int64_t *story)
{
    ST_ON_PG(db, st_pg_store_max_cluster_ids(db, event, story));
    int rc = st_db_query_int64(db, "SELECT coalesce(max(id), 0) FROM events", event);
    return rc == ST_OK ? st_db_query_int64(db, "SELECT coalesce(max(id), 0) FROM stories", story)
                       : rc;
}
