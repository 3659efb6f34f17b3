/* pg.h — the PostgreSQL backend of st_db, over libpq. Private to src/store.
 *
 * st_db_open() hands a "postgresql://" or "postgres://" URL here; every store
 * entry point then starts with ST_ON_PG (store/db.h), which sends a
 * PostgreSQL handle to its st_pg_* twin below. The twins answer with the same
 * documents, codes and ownership as the SQLite versions they shadow: that
 * equality is what `make test-pg` checks.
 *
 * Parameters are sent as text (binary for bytea) and typed by the server
 * from their use; SQL that only tests a parameter for NULL must cast it
 * ($1::text IS NULL), since PostgreSQL cannot infer a type from IS NULL. */
#ifndef ST_STORE_PG_H
#define ST_STORE_PG_H

#include <stdint.h>
#include <stdio.h>

#include <libpq-fe.h>

#include "store/extract_store.h"
#include "store/events_store.h"
#include "store/query_server.h"
#include "store/store.h"

#define ST_PG_MAXPARAMS 24

/* A statement's parameters, filled in order ($1, $2, ...). */
typedef struct st_pg_params {
    int n;
    const char *v[ST_PG_MAXPARAMS];
    int len[ST_PG_MAXPARAMS];
    int fmt[ST_PG_MAXPARAMS]; /* 0 text, 1 binary */
    char num[ST_PG_MAXPARAMS][32];
} st_pg_params;

void st_pg_text(st_pg_params *p, const char *s); /* s borrowed until the call; NULL = NULL */
/* st_pg_text for text that may not be UTF-8, which PostgreSQL refuses (and
 * aborts the transaction) where SQLite stores the bytes: each invalid
 * sequence becomes U+FFFD in a copy left in *copy for the caller to free
 * (NULL when s was valid). ST_OK or ST_ENOMEM. (pg_articles.c) */
int st_pg_text_utf8(st_pg_params *p, const char *s, char **copy);
void st_pg_int(st_pg_params *p, int64_t v);
void st_pg_double(st_pg_params *p, double v);
void st_pg_blob(st_pg_params *p, const void *b, size_t n); /* NULL b = NULL */
/* The common st_query filters, as st_db_bind_query numbers them:
 * $1 language, $2 since, $3 until, $4 story (0 = any), $5 limit (NULL =
 * none), $6 offset, then $7 the query's text. q may be NULL. */
void st_pg_query_params(st_pg_params *p, const st_query *q);

/* Runs sql; the result (tuples or command ok) for the caller to PQclear, or
 * NULL after printing the server's message to stderr. p may be NULL. */
PGresult *st_pg_run(st_db *db, const char *sql, const st_pg_params *p);
/* As st_pg_run, on a second connection of db in autocommit mode: for rows
 * every worker shares (entities and their aliases). Written there, they are
 * committed at once and visible to db's own transaction, and two workers'
 * long batches never wait on each other's entity rows (a deadlock when the
 * batches name the same entities in different orders). */
PGresult *st_pg_run_side(st_db *db, const char *sql, const st_pg_params *p);
/* Runs sql for its effect: ST_OK, ST_EDUP (unique violation) or ST_EDB. */
int st_pg_exec(st_db *db, const char *sql, const st_pg_params *p);
/* Like st_db_step_doc: the first row's first column as a malloc'd string in
 * *out; ST_ENOTFOUND when no row or NULL. */
int st_pg_doc(st_db *db, const char *sql, const st_pg_params *p, char **out);
/* The first row's first column as an integer (0 when no row). */
int st_pg_int64(st_db *db, const char *sql, const st_pg_params *p, int64_t *out);
/* Value of a result cell, NULL for SQL NULL (borrowed from res). */
const char *st_pg_value(const PGresult *res, int row, int col);
int64_t st_pg_value_int64(const PGresult *res, int row, int col);

/* A new, empty database called name (sanitised to [a-z0-9_], dropped first
 * when it exists) on the server of server_url; its URL goes to out.
 * ST_OK, ST_EDB or ST_EUSAGE, reason in err. For tests and benchmarks. */
int st_pg_fresh_database(const char *server_url, const char *name, char *out, size_t outlen,
                         char *err, size_t errlen);

/* Frees a connection's prepared-statement cache (pg_db.c). Accepts NULL. */
struct st_pg_cache;
void st_pg_cache_free(struct st_pg_cache *c);

/* db.c's side */
int st_pg_open(const char *url, st_db *db, char *err, size_t errlen);
void st_pg_close(st_db *db);
int st_pg_exec_script(st_db *db, const char *sql, char *err, size_t errlen);

/* The twins of store.h (pg_articles.c) */
int st_pg_store_begin(st_db *db);
int st_pg_store_commit(st_db *db);
int st_pg_store_rollback(st_db *db);
int64_t st_pg_store_find_article(st_db *db, const char *url, const char *ext_id,
                                 const char *content_hash);
int st_pg_store_insert_article(st_db *db, const st_article_row *r, int64_t *id);
int st_pg_store_set_cluster(st_db *db, int64_t article, int64_t event, int64_t story,
                            int first_story);
int st_pg_store_put_dup(st_db *db, int64_t a, int64_t b, const char *kind, double jaccard,
                        double containment, int simhash_dist);
int st_pg_store_put_event(st_db *db, const st_cluster_row *r);
int st_pg_store_put_story(st_db *db, const st_cluster_row *r);
int st_pg_store_move_event(st_db *db, int64_t event, int64_t story);
int st_pg_store_clear_derived(st_db *db);
int st_pg_store_each_article(st_db *db, size_t newest, st_stored_fn fn, void *ud);
int st_pg_store_each_dedup(st_db *db, size_t newest, st_blob_fn fn, void *ud);
int st_pg_store_article_labels(st_db *db, const char *key, int64_t *event, int64_t *story,
                               char lang[8]);
int64_t st_pg_store_count_articles(st_db *db);
/* (pg_link.c) */
int st_pg_store_linker_lock(st_db *db, int *held);
int st_pg_store_each_unlinked(st_db *db, size_t max, st_unlinked_fn fn, void *ud);
int st_pg_store_max_cluster_ids(st_db *db, int64_t *event, int64_t *story);

/* The twins of extract_store.h and events_store.h (pg_extract.c) */
int st_pg_extract_store(st_db *db, int64_t article_id, const char *text, const char *lang,
                        const st_ex_result *r, char *err, size_t errlen);
int st_pg_events_store_clear(st_db *db, int64_t article_id);
int st_pg_events_store_put(st_db *db, const st_cameo_row *r);

/* The twins of the public st_db_*_json queries (pg_query.c, pg_query_extract.c,
 * pg_query_events.c) */
int st_pg_articles_json(st_db *db, const st_query *q, char **out);
int st_pg_article_json(st_db *db, const char *id, char **out);
int st_pg_search_json(st_db *db, const st_query *q, char **out);
int st_pg_dups_json(st_db *db, const st_query *q, char **out);
int st_pg_stories_json(st_db *db, const st_query *q, char **out);
int st_pg_story_json(st_db *db, int64_t id, char **out);
int st_pg_entities_json(st_db *db, const st_query *q, char **out);
int st_pg_quotes_json(st_db *db, const st_query *q, char **out);
int st_pg_claims_json(st_db *db, const st_query *q, char **out);
int st_pg_conflicts_json(st_db *db, const st_query *q, char **out);
int st_pg_cameo_events_json(st_db *db, const st_query *q, char **out);
/* The GDELT rows of st_export (query_events.c prints them the same way) */
int st_pg_export_gdelt(st_db *db, const st_query *q, FILE *f);

/* The twins of query_server.h (pg_query_server.c) */
int st_pg_qs_readonly(st_db *db);
int st_pg_qs_version_json(st_db *db, char **out);
int st_pg_qs_data_version(st_db *db, int64_t *out);
int st_pg_qs_max_article_id(st_db *db, int64_t *out);
int st_pg_qs_articles_after_json(st_db *db, int64_t after, char **out);
int64_t st_pg_qs_find_article(st_db *db, const char *ext_id, const char *url);
int st_pg_qs_stories_json(st_db *db, const st_query *q, char **out);
int st_pg_qs_timeline_json(st_db *db, int64_t story, char **out);
int st_pg_qs_story_exists(st_db *db, int64_t story);
int st_pg_qs_entity_json(st_db *db, int64_t id, char **out);
int st_pg_qs_story_texts(st_db *db, int64_t story, st_qs_text **out, size_t *n);

#endif
