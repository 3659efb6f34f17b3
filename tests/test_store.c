/* test_store.c — schema, idempotent inserts, queries as JSON, FTS5 search. */
#include <jansson.h>

#include "harness.h"
#include "store/db.h"
#include "store/pg/pg.h"
#include "store/store.h"

static st_db *fresh_db(const char *tag)
{
    char dir[256], path[512], err[256];
    th_tmpdir(tag, dir);
    th_db(dir, "t", path);
    st_db *db = NULL;
    CHECK_INT(st_db_open(path, &db, err, sizeof err), ST_OK);
    return db;
}

static int64_t put(st_db *db, const char *ext, const char *url, const char *title,
                   const char *body, const char *lang, const char *date, const char *hash)
{
    st_article a = {.ext_id = (char *)ext, .url = (char *)url, .title = (char *)title,
                    .body = (char *)body, .published = (char *)date, .source = "example.org"};
    st_article_row r = {.a = &a, .language = lang, .lang_conf = 0.9, .content_hash = hash};
    int64_t id = 0;
    int rc = st_store_insert_article(db, &r, &id);
    return rc == ST_OK ? id : rc;
}

static json_t *parse(char *doc)
{
    json_error_t e;
    json_t *j = doc ? json_loads(doc, 0, &e) : NULL;
    free(doc);
    return j;
}

/* PostgreSQL: the version row the migrations keep, and the session settings
 * st_db_open pins (as SQLite's journal mode is set at open). */
static void check_schema_pg(st_db *db)
{
    int64_t v = -1;
    CHECK_INT(st_pg_int64(db, "SELECT max(version) FROM st_schema", NULL, &v), ST_OK);
    CHECK_INT(v, st_db_schema_version());
    char *tz = NULL;
    CHECK_INT(st_pg_doc(db, "SELECT current_setting('TimeZone')", NULL, &tz), ST_OK);
    CHECK_STR(tz, "UTC");
    free(tz);
}

static void check_schema_sqlite(st_db *db)
{
    sqlite3_stmt *st = st_db_prepare(db, "PRAGMA user_version");
    CHECK(st && sqlite3_step(st) == SQLITE_ROW);
    CHECK_INT(sqlite3_column_int(st, 0), st_db_schema_version());
    sqlite3_finalize(st);
    st = st_db_prepare(db, "PRAGMA journal_mode");
    CHECK(st && sqlite3_step(st) == SQLITE_ROW);
    CHECK_STR((const char *)sqlite3_column_text(st, 0), "wal");
    sqlite3_finalize(st);
}

static void t_schema(void)
{
    st_db *db = fresh_db("schema");
    if (!db)
        return;
    if (th_pg())
        check_schema_pg(db);
    else
        check_schema_sqlite(db);
    st_db_close(db);
}

static void t_idempotent(void)
{
    st_db *db = fresh_db("idem");
    int64_t a = put(db, "a", "https://x.org/1", "Talks in Cairo", "Hamas went to Cairo.", "en",
                    "2024-11-02", "h1");
    CHECK(a > 0);
    CHECK_INT(put(db, "b", "https://x.org/1", "T", "other", "en", NULL, "h2"), ST_EDUP);
    CHECK_INT(put(db, "c", "https://x.org/2", "T", "same text", "en", NULL, "h1"), ST_EDUP);
    CHECK_INT(st_store_find_article(db, "https://x.org/1", NULL, NULL), a);
    CHECK_INT(st_store_find_article(db, NULL, "a", NULL), a);
    CHECK_INT(st_store_find_article(db, NULL, NULL, "h1"), a);
    CHECK_INT(st_store_find_article(db, "https://nowhere", "zz", "h9"), 0);
    CHECK_INT(st_store_count_articles(db), 1);
    st_db_close(db);
}

static void t_queries(void)
{
    st_db *db = fresh_db("query");
    st_store_begin(db);
    int64_t a = put(db, "a", NULL, "Talks in Cairo", "Hamas delegation arrives in Cairo for talks.",
                    "en", "2024-11-02", "h1");
    int64_t b = put(db, "b", NULL, "Perundingan di Kairo", "Delegasi Hamas tiba di Kairo.", "id",
                    "2024-11-03", "h2");
    int64_t c = put(db, "c", NULL, "Earthquake", "A strong earthquake struck.", "en", "2023-02-06",
                    "h3");
    st_cluster_row story = {.id = 7, .label = "Cairo talks", .terms_json = "[\"talk\"]",
                            .entities_json = "[\"Hamas\"]"};
    st_cluster_row ev = {.id = 3, .story_id = 7, .label = "Hamas in Cairo"};
    CHECK_INT(st_store_put_story(db, &story), ST_OK);
    CHECK_INT(st_store_put_event(db, &ev), ST_OK);
    CHECK_INT(st_store_set_cluster(db, a, 3, 7, 1), ST_OK);
    CHECK_INT(st_store_set_cluster(db, b, 3, 7, 0), ST_OK);
    CHECK_INT(st_store_put_dup(db, b, a, "near", 0.85, 0.9, 3), ST_OK);
    CHECK_INT(st_store_commit(db), ST_OK);

    char *doc = NULL;
    st_query q = {0};
    CHECK_INT(st_db_articles_json(db, &q, &doc), ST_OK);
    json_t *j = parse(doc);
    CHECK_INT(json_array_size(j), 3);
    /* publish order: the 2023 earthquake first */
    CHECK_INT(json_integer_value(json_object_get(json_array_get(j, 0), "id")), c);
    json_decref(j);

    q.language = "id";
    CHECK_INT(st_db_articles_json(db, &q, &doc), ST_OK);
    j = parse(doc);
    CHECK_INT(json_array_size(j), 1);
    json_decref(j);

    CHECK_INT(st_db_stories_json(db, NULL, &doc), ST_OK);
    j = parse(doc);
    json_t *s0 = json_array_get(j, 0);
    CHECK_STR(json_string_value(json_object_get(s0, "label")), "Cairo talks");
    CHECK_INT(json_integer_value(json_object_get(s0, "articles")), 2);
    CHECK_INT(json_array_size(json_object_get(s0, "languages")), 2);
    json_decref(j);

    CHECK_INT(st_db_story_json(db, 7, &doc), ST_OK);
    j = parse(doc);
    CHECK_INT(json_array_size(json_object_get(j, "event_list")), 1);
    CHECK_INT(json_array_size(json_object_get(j, "article_list")), 2);
    json_decref(j);
    CHECK_INT(st_db_story_json(db, 99, &doc), ST_ENOTFOUND);

    CHECK_INT(st_db_article_json(db, "b", &doc), ST_OK);
    j = parse(doc);
    CHECK_STR(json_string_value(json_object_get(j, "title")), "Perundingan di Kairo");
    CHECK_INT(json_array_size(json_object_get(j, "duplicates")), 1);
    json_decref(j);
    CHECK_INT(st_db_article_json(db, "nope", &doc), ST_ENOTFOUND);

    CHECK_INT(st_db_dups_json(db, NULL, &doc), ST_OK);
    j = parse(doc);
    CHECK_STR(json_string_value(json_object_get(json_array_get(j, 0), "kind")), "near");
    json_decref(j);
    st_db_close(db);
}

static void t_search(void)
{
    st_db *db = fresh_db("search");
    put(db, "a", NULL, "Talks in Cairo", "Hamas delegation arrives in Cairo for talks.", "en",
        NULL, "h1");
    put(db, "b", NULL, "Earthquake", "A strong earthquake struck the city of Cairo region.",
        "en", NULL, "h2");
    put(db, "c", NULL, "Unrelated", "Markets rallied.", "en", NULL, "h3");
    char *doc = NULL;
    st_query q = {.text = "cairo"};
    CHECK_INT(st_db_search_json(db, &q, &doc), ST_OK);
    json_t *j = parse(doc);
    CHECK_INT(json_array_size(j), 2);
    /* the title match ranks first */
    CHECK_STR(json_string_value(json_object_get(json_array_get(j, 0), "ext_id")), "a");
    CHECK_CONTAINS(json_string_value(json_object_get(json_array_get(j, 0), "snippet")), "[Cairo]");
    json_decref(j);
    q.text = "\"unbalanced";
    CHECK_INT(st_db_search_json(db, &q, &doc), ST_EUSAGE);
    q.text = "zzzz";
    CHECK_INT(st_db_search_json(db, &q, &doc), ST_OK);
    j = parse(doc);
    CHECK_INT(json_array_size(j), 0);
    json_decref(j);
    st_db_close(db);
}

static void t_clear_derived(void)
{
    st_db *db = fresh_db("clear");
    int64_t a = put(db, "a", NULL, "T", "Body one.", "en", NULL, "h1");
    st_store_set_cluster(db, a, 1, 1, 1);
    st_cluster_row s = {.id = 1, .label = "x"};
    st_store_put_story(db, &s);
    CHECK_INT(st_store_clear_derived(db), ST_OK);
    char *doc = NULL;
    CHECK_INT(st_db_stories_json(db, NULL, &doc), ST_OK);
    CHECK_STR(doc, "[]");
    free(doc);
    CHECK_INT(st_store_count_articles(db), 1);
    st_db_close(db);
}

typedef struct walk {
    int n;
    int64_t last_id;
    int in_order;
    size_t bytes;
} walk;

static int walk_article(int64_t id, const st_article *a, int64_t event, int64_t story, void *ud)
{
    walk *w = ud;
    /* every dated article was given a date in id order, the undated come last */
    w->in_order &= id > w->last_id && (a->published != NULL) == (id <= 1200);
    w->in_order &= event == (id % 10 ? id : 0) && story == (id % 10 ? id + 1 : 0);
    w->last_id = id;
    w->n++;
    return ST_OK;
}

static int walk_blob(int64_t id, const void *blob, size_t n, void *ud)
{
    walk *w = ud;
    w->in_order &= id > w->last_id && id % 10 && n == 3 && !memcmp(blob, "\0\1\2", 3);
    w->last_id = id;
    w->bytes += n;
    w->n++;
    return ST_OK;
}

/* More rows than one page of the PostgreSQL cursor, in the documented order,
 * the newest-N windows, and a callback's answer stopping the walk. */
static void t_each_article(void)
{
    st_db *db = fresh_db("each");
    if (!db)
        return;
    CHECK_INT(st_store_begin(db), ST_OK);
    for (int i = 1; i <= 1250; i++) {
        char ext[16], hash[16], date[32];
        snprintf(ext, sizeof ext, "e%d", i);
        snprintf(hash, sizeof hash, "h%d", i);
        snprintf(date, sizeof date, "2024-01-01T00:%02d:%02dZ", i / 60 % 60, i % 60);
        st_article a = {.ext_id = ext, .body = "Some words.", .published = i <= 1200 ? date : NULL};
        st_article_row r = {.a = &a, .language = "en", .content_hash = hash,
                            .dedup = "\0\1\2", .dedup_len = 3};
        int64_t id = 0;
        CHECK_INT(st_store_insert_article(db, &r, &id), ST_OK);
        if (i % 10) /* every tenth article stays unlinked */
            CHECK_INT(st_store_set_cluster(db, id, id, id + 1, 0), ST_OK);
    }
    CHECK_INT(st_store_commit(db), ST_OK);
    walk w = {.in_order = 1};
    CHECK_INT(st_store_each_article(db, 0, walk_article, &w), ST_OK);
    CHECK_INT(w.n, 1250);
    CHECK(w.in_order);
    w = (walk){.last_id = 1200, .in_order = 1};
    CHECK_INT(st_store_each_article(db, 50, walk_article, &w), ST_OK);
    CHECK_INT(w.n, 50);
    CHECK(w.in_order);
    w = (walk){.in_order = 1};
    /* the dedup index is rebuilt from linked articles only */
    CHECK_INT(st_store_each_dedup(db, 0, walk_blob, &w), ST_OK);
    CHECK_INT(w.n, 1125);
    CHECK_INT(w.bytes, 3375);
    CHECK(w.in_order);
    w = (walk){.last_id = 1238, .in_order = 1};
    CHECK_INT(st_store_each_dedup(db, 10, walk_blob, &w), ST_OK);
    CHECK_INT(w.n, 10);
    CHECK(w.in_order);
    /* inside a write transaction too, and the store stays usable after */
    CHECK_INT(st_store_begin(db), ST_OK);
    w = (walk){.in_order = 1};
    CHECK_INT(st_store_each_article(db, 0, walk_article, &w), ST_OK);
    CHECK_INT(w.n, 1250);
    CHECK_INT(st_store_commit(db), ST_OK);
    int64_t ev = 0, story = 0;
    char lang[8] = "";
    CHECK_INT(st_store_article_labels(db, "e2", &ev, &story, lang), ST_OK);
    CHECK_INT(ev, 2);
    CHECK_INT(story, 3);
    CHECK_STR(lang, "en");
    CHECK_INT(st_store_article_labels(db, "nope", &ev, &story, lang), ST_ENOTFOUND);
    st_db_close(db);
}

static int stop_at_three(int64_t id, const st_article *a, int64_t event, int64_t story,
                         void *ud)
{
    (void)a, (void)event, (void)story;
    int *n = ud;
    return ++*n == 3 ? ST_EINPUT : (id > 0 ? ST_OK : ST_EDB);
}

static void t_each_stops(void)
{
    st_db *db = fresh_db("each-stop");
    if (!db)
        return;
    for (int i = 0; i < 5; i++) {
        char hash[16];
        snprintf(hash, sizeof hash, "h%d", i);
        st_article a = {.body = "Text."};
        st_article_row r = {.a = &a, .content_hash = hash};
        int64_t id;
        CHECK_INT(st_store_insert_article(db, &r, &id), ST_OK);
    }
    int n = 0;
    CHECK_INT(st_store_each_article(db, 0, stop_at_three, &n), ST_EINPUT);
    CHECK_INT(n, 3);
    n = 0; /* a second walk right after: nothing was left open */
    CHECK_INT(st_store_each_article(db, 0, stop_at_three, &n), ST_EINPUT);
    CHECK_INT(st_store_count_articles(db), 5);
    st_db_close(db);
}

/* A statement that fails inside a write transaction: SQLite undoes that
 * statement alone, PostgreSQL the whole transaction, and then its commit
 * must report the loss rather than succeed. */
static void t_failed_statement(void)
{
    st_db *db = fresh_db("failed");
    if (!db)
        return;
    CHECK_INT(st_store_begin(db), ST_OK);
    CHECK(put(db, "a", NULL, "T", "Kept or not.", "en", NULL, "h1") > 0);
    if (th_pg()) {
        CHECK_INT(st_pg_exec(db, "SELECT * FROM no_such_table", NULL), ST_EDB);
        CHECK_INT(st_store_commit(db), ST_EDB);
        CHECK_INT(st_store_count_articles(db), 0);
    } else {
        CHECK_INT(st_db_exec(db, "SELECT * FROM no_such_table", NULL, 0), ST_EDB);
        CHECK_INT(st_store_commit(db), ST_OK);
        CHECK_INT(st_store_count_articles(db), 1);
    }
    /* either way the store takes the next batch */
    CHECK_INT(st_store_begin(db), ST_OK);
    CHECK(put(db, "b", NULL, "T", "Next batch.", "en", NULL, "h2") > 0);
    CHECK_INT(st_store_commit(db), ST_OK);
    CHECK_INT(st_store_find_article(db, NULL, "b", NULL) > 0, 1);
    st_db_close(db);
}

int main(void)
{
    RUN(t_schema);
    RUN(t_idempotent);
    RUN(t_queries);
    RUN(t_search);
    RUN(t_clear_derived);
    RUN(t_each_article);
    RUN(t_each_stops);
    RUN(t_failed_statement);
    TEST_MAIN_END;
}
