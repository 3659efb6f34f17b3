/* test_parallel.c — st_pipeline_submit with preparing threads: every stored
 * document is the same whatever cfg.jobs is (after ingest and after
 * recluster), outcomes arrive once each in input order, and a rejected or
 * duplicate article in the middle of the stream is reported in its place. */
#include <jansson.h>
#include <sqlite3.h>

#include "harness.h"
#include "util/util.h"

#define CORPUS "examples/corpus"

static char dir[256];

/* The outcomes seen by done, in call order. */
typedef struct outcomes {
    st_pipeline *p;
    st_buf log;  /* "origin rc msg" per article */
    size_t calls, submitted;
} outcomes;

static void on_done(const st_article *a, int rc, const char *msg, void *ud)
{
    outcomes *o = ud;
    o->calls++;
    st_buf_printf(&o->log, "%s %d %s\n", a->origin ? a->origin : "-", rc, msg);
}

static int to_pipeline(st_article *a, void *ud)
{
    outcomes *o = ud;
    o->submitted++;
    CHECK_INT(st_pipeline_submit(o->p, a, on_done, o), ST_OK);
    return 0;
}

/* Every listing, one document: what a reader of the store can see. */
static char *everything(st_db *db)
{
    st_buf b = {0};
    int (*lists[])(st_db *, const st_query *, char **) = {
        st_db_stories_json, st_db_entities_json, st_db_quotes_json, st_db_claims_json,
        st_db_conflicts_json, st_db_cameo_events_json, st_db_dups_json};
    st_query q = {.limit = 100000};
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
        char *doc = NULL;
        CHECK_INT(lists[i](db, &q, &doc), ST_OK);
        st_buf_puts(&b, doc ? doc : "(none)");
        st_buf_putc(&b, '\n');
        free(doc);
    }
    /* articles without their ingest times, which differ by the clock */
    char *doc = NULL;
    CHECK_INT(st_db_articles_json(db, &q, &doc), ST_OK);
    json_t *j = json_loads(doc ? doc : "[]", 0, NULL);
    size_t i;
    json_t *x;
    json_array_foreach(j, i, x) json_object_del(x, "ingested");
    char *s = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
    st_buf_puts(&b, s ? s : "(none)");
    free(s);
    json_decref(j);
    free(doc);
    return st_buf_take(&b);
}

/* Ingests the corpus (twice over: the second pass is all duplicates) with
 * `jobs` threads into a new store (its path in path[512]); *log gets the
 * outcomes, the result every document. */
static char *ingest(const char *name, size_t jobs, char **log, char *path)
{
    th_db(dir, name, path);
    st_db *db = NULL;
    CHECK_INT(st_db_open(path, &db, NULL, 0), ST_OK);
    st_config cfg;
    st_config_default(&cfg);
    cfg.jobs = jobs;
    cfg.batch_size = 7; /* commits fall inside the ring */
    outcomes o = {0};
    CHECK_INT(st_pipeline_new(db, &cfg, NULL, &o.p, NULL, 0), ST_OK);
    if (!o.p) {
        st_db_close(db);
        return NULL;
    }
    for (int pass = 0; pass < 2; pass++)
        st_ingest_path(CORPUS, NULL, to_pipeline, &o, NULL);
    CHECK_INT(st_pipeline_flush(o.p), ST_OK);
    CHECK(o.submitted > 40);
    CHECK_INT(o.calls, o.submitted); /* once each, all before flush returned */
    CHECK_INT(st_pipeline_stats(o.p)->duplicates, o.submitted / 2);
    st_pipeline_free(o.p);
    char *all = everything(db);
    st_db_close(db);
    *log = st_buf_take(&o.log);
    return all;
}

static void t_jobs_same_store(void)
{
    char *log1 = NULL, *log4 = NULL, path[512];
    char *one = ingest("jobs1", 1, &log1, path), *four = ingest("jobs4", 4, &log4, path);
    CHECK(one && four);
    CHECK_STR(four ? four : "", one ? one : "");
    CHECK_STR(log4 ? log4 : "", log1 ? log1 : ""); /* same outcomes, same order */
    CHECK(one && strlen(one) > 10000);
    free(one);
    free(four);
    free(log1);
    free(log4);
}

/* Rebuilds the store at path with `jobs` preparing threads; every document after. */
static char *recluster(const char *path, size_t jobs)
{
    st_db *db = NULL;
    CHECK_INT(st_db_open(path, &db, NULL, 0), ST_OK);
    if (!db)
        return NULL;
    st_config cfg;
    st_config_default(&cfg);
    cfg.jobs = jobs;
    char err[256] = "";
    CHECK_INT(st_recluster(db, &cfg, NULL, err, sizeof err), ST_OK);
    char *all = everything(db);
    st_db_close(db);
    return all;
}

/* Recluster replays stored articles through the same preparing threads:
 * the rebuilt store is the same whatever cfg.jobs is. */
static void t_recluster_jobs(void)
{
    char *log = NULL, path[512];
    free(ingest("recluster", 1, &log, path));
    free(log);
    char *one = recluster(path, 1), *four = recluster(path, 4), *again = recluster(path, 1);
    CHECK(one && four && again);
    CHECK(one && strlen(one) > 10000);
    CHECK_STR(four ? four : "", one ? one : "");
    CHECK_STR(again ? again : "", one ? one : "");
    free(one);
    free(four);
    free(again);
}

static st_article *text_article(const char *origin, const char *body)
{
    st_article *a = st_article_new();
    a->origin = st_strdup(origin);
    a->body = st_strdup(body);
    a->language = st_strdup("en");
    return a;
}

/* A stream where an empty article and a copy of one still in flight sit
 * between good ones: each outcome in its place. */
static void t_outcomes_in_order(void)
{
    char path[512];
    th_db(dir, "order", path);
    st_db *db = NULL;
    CHECK_INT(st_db_open(path, &db, NULL, 0), ST_OK);
    st_config cfg;
    st_config_default(&cfg);
    cfg.jobs = 3;
    outcomes o = {0};
    CHECK_INT(st_pipeline_new(db, &cfg, NULL, &o.p, NULL, 0), ST_OK);
    if (!o.p) {
        st_db_close(db);
        return;
    }
    const char *good = "The central bank raised its key rate by a quarter point on Thursday.";
    const char *other = "A strong earthquake shook the northern coast early on Monday.";
    st_pipeline_submit(o.p, text_article("1", good), on_done, &o);
    st_pipeline_submit(o.p, text_article("2", "   "), on_done, &o);
    st_pipeline_submit(o.p, text_article("3", good), on_done, &o); /* the same as 1 */
    st_pipeline_submit(o.p, text_article("4", other), on_done, &o);
    CHECK_INT(st_pipeline_drain(o.p), ST_OK);
    char *log = st_buf_take(&o.log);
    char want[256];
    snprintf(want, sizeof want, "1 %d \n2 %d empty article body\n3 %d \n4 %d \n", ST_OK,
             ST_EINPUT, ST_EDUP, ST_OK);
    CHECK_STR(log ? log : "", want);
    CHECK_INT(st_pipeline_stats(o.p)->stored, 2);
    CHECK_INT(st_pipeline_stats(o.p)->errors, 1);
    free(log);
    st_pipeline_free(o.p);
    st_db_close(db);
}

/* A failure stops the stream, is told once, and leaves the pipeline usable:
 * the server answers 500 and takes the next upload, a worker rolls back and
 * stores its batch again. The failure: a trigger refusing one title. */
static void t_usable_after_failure(void)
{
    char path[512];
    th_db(dir, "fail", path);
    if (th_pg()) { /* the trigger is SQLite's */
        CHECK(strncmp(path, "postgres", 8) == 0);
        return;
    }
    st_db *db = NULL;
    CHECK_INT(st_db_open(path, &db, NULL, 0), ST_OK);
    sqlite3 *raw = NULL;
    CHECK_INT(sqlite3_open(path, &raw), SQLITE_OK);
    /* a constraint would read as a duplicate: a run-time error (malformed
     * JSON) is a failure */
    CHECK_INT(sqlite3_exec(raw, "CREATE TRIGGER boom AFTER INSERT ON articles WHEN "
                                "new.title = 'boom' BEGIN SELECT json('{'); END",
                           NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);
    st_config cfg;
    st_config_default(&cfg);
    cfg.jobs = 2;
    outcomes o = {0};
    CHECK_INT(st_pipeline_new(db, &cfg, NULL, &o.p, NULL, 0), ST_OK);
    if (!o.p) {
        st_db_close(db);
        return;
    }
    st_article *bad = text_article("2", "Workers walked out at the port on Friday over pay.");
    bad->title = st_strdup("boom");
    st_pipeline_submit(o.p, text_article("1", "The central bank held its rate on Thursday."),
                       on_done, &o);
    st_pipeline_submit(o.p, bad, on_done, &o);
    int rc = st_pipeline_drain(o.p);
    CHECK(rc != ST_OK && rc != ST_EDUP && rc != ST_EINPUT);
    CHECK_INT(st_pipeline_drain(o.p), ST_OK); /* told once */
    char err[256];
    CHECK_INT(st_pipeline_add(o.p, text_article("3", "A strong earthquake shook the coast."),
                              err, sizeof err), ST_OK);
    CHECK_INT(st_pipeline_flush(o.p), ST_OK);
    CHECK_INT(st_pipeline_stats(o.p)->stored, 2);
    char *log = st_buf_take(&o.log);
    CHECK_CONTAINS(log, "1 0 \n2 ");
    free(log);
    st_pipeline_free(o.p);
    st_db_close(db);
}

int main(void)
{
    th_tmpdir("parallel", dir);
    RUN(t_jobs_same_store);
    RUN(t_recluster_jobs);
    RUN(t_outcomes_in_order);
    RUN(t_usable_after_failure);
    TEST_MAIN_END;
}
