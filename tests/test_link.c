/* test_link.c — workers sharing one store. Two pipelines storing with
 * defer_clusters leave clustering to the one holder of the linker lock,
 * whose assignments equal one pipeline clustering the same order inline;
 * when the holder goes, the other takes the lock over, rebuilds its state
 * from the store and never hands out an id twice. */
#include <jansson.h>

#include "harness.h"
#include "util/util.h"

#define CORPUS "examples/corpus"

static char dir[256];

/* Where the corpus goes: one pipeline, or two taking turns. */
typedef struct sink {
    st_pipeline *p[2];
    size_t n, failed;
} sink;

static int to_sink(st_article *a, void *ud)
{
    sink *s = ud;
    st_pipeline *p = s->p[1] ? s->p[s->n % 2] : s->p[0];
    int rc = st_pipeline_add(p, a, NULL, 0);
    if (rc != ST_OK && rc != ST_EDUP)
        s->failed++;
    s->n++;
    return 0;
}

/* "ext_id event story" per article, in id order: the whole assignment. */
static char *assignments(st_db *db)
{
    char *doc = NULL;
    if (st_db_articles_json(db, NULL, &doc) != ST_OK)
        return NULL;
    json_t *j = json_loads(doc, 0, NULL);
    free(doc);
    st_buf b = {0};
    size_t i;
    json_t *x;
    json_array_foreach(j, i, x) {
        st_buf_printf(&b, "%s %lld %lld\n", json_string_value(json_object_get(x, "ext_id")),
                      (long long)json_integer_value(json_object_get(x, "event")),
                      (long long)json_integer_value(json_object_get(x, "story")));
    }
    json_decref(j);
    return b.s;
}

static int64_t count(st_db *db, const char *what)
{
    char *doc = NULL;
    if (st_db_stories_json(db, NULL, &doc) != ST_OK)
        return -1;
    json_t *j = json_loads(doc, 0, NULL);
    free(doc);
    int64_t n = 0;
    size_t i;
    json_t *x;
    json_array_foreach(j, i, x) n += json_integer_value(json_object_get(x, what));
    json_decref(j);
    return n;
}

static st_pipeline *pipeline(st_db *db, int deferred)
{
    st_config cfg;
    st_config_default(&cfg);
    /* one article per commit: two writers of one SQLite file take turns */
    cfg.batch_size = 1;
    cfg.defer_clusters = deferred;
    st_pipeline *p = NULL;
    CHECK_INT(st_pipeline_new(db, &cfg, NULL, &p, NULL, 0), ST_OK);
    return p;
}

static void t_deferred_equals_inline(void)
{
    char one[512], two[512];
    th_db(dir, "inline", one);
    th_db(dir, "shared", two);
    st_db *d1 = NULL, *a = NULL, *b = NULL;
    CHECK_INT(st_db_open(one, &d1, NULL, 0), ST_OK);
    CHECK_INT(st_db_open(two, &a, NULL, 0), ST_OK);
    CHECK_INT(st_db_open(two, &b, NULL, 0), ST_OK);
    if (!d1 || !a || !b)
        return;
    sink s1 = {.p = {pipeline(d1, 0)}};
    CHECK_INT(st_ingest_path(CORPUS, NULL, to_sink, &s1, NULL), ST_OK);
    st_pipeline_free(s1.p[0]);

    sink s2 = {.p = {pipeline(a, 1), pipeline(b, 1)}};
    CHECK_INT(st_ingest_path(CORPUS, NULL, to_sink, &s2, NULL), ST_OK);
    CHECK_INT(s2.failed, 0);
    CHECK(s2.n > 40);
    size_t na = 0, nb = 0;
    CHECK_INT(st_pipeline_link(s2.p[1], (size_t)-1, &nb, NULL, 0), ST_OK);
    CHECK_INT(st_pipeline_link(s2.p[0], (size_t)-1, &na, NULL, 0), ST_OK);
    CHECK_INT(na + nb, 0); /* all linked already, at each commit... */
    /* ...by a, opened first, which took the lock: every stored article */
    CHECK_INT(st_pipeline_stats(s2.p[0])->linked,
              st_pipeline_stats(s2.p[0])->stored + st_pipeline_stats(s2.p[1])->stored);
    CHECK_INT(st_pipeline_stats(s2.p[1])->linked, 0);

    char *x = assignments(d1), *y = assignments(a);
    CHECK(x && y && strlen(x) > 100);
    CHECK_STR(y, x);
    free(x);
    free(y);

    /* The holder goes; b takes over, rebuilds, and links what it stores. */
    st_pipeline_free(s2.p[0]);
    st_db_close(a);
    a = b;
    s2.p[0] = s2.p[1];
    int64_t events_before = count(a, "events");
    st_article *fresh = st_article_new();
    fresh->ext_id = strdup("unrelated-1");
    fresh->title = strdup("Glaciologists chart record melt on Patagonian ice field");
    fresh->body = strdup("Glaciologists measuring the Southern Patagonian Ice Field said on "
                         "Monday that its outlet glaciers retreated faster this summer than in "
                         "any season since records began, citing satellite altimetry.");
    fresh->language = strdup("en");
    fresh->published = strdup("2031-03-02");
    CHECK_INT(st_pipeline_add(s2.p[0], fresh, NULL, 0), ST_OK);
    CHECK_INT(st_pipeline_stats(s2.p[0])->linked, 1); /* at the add's commit */
    /* a new event, with an id never given before */
    CHECK_INT(count(a, "events"), events_before + 1);
    char *doc = NULL;
    CHECK_INT(st_db_article_json(a, "unrelated-1", &doc), ST_OK);
    json_t *j = json_loads(doc ? doc : "{}", 0, NULL);
    CHECK(json_integer_value(json_object_get(j, "event")) > 0);
    CHECK_INT(json_integer_value(json_object_get(j, "first_story")), 1);
    json_decref(j);
    free(doc);
    st_pipeline_free(s2.p[0]);
    st_db_close(a);
    st_db_close(d1);
}

/* A pipeline that does not hold the lock leaves its articles to whoever
 * takes the lock after the holder (the lock is the connection's, not the
 * pipeline's), in batches of at most max. */
static void t_unlinked_wait_for_linker(void)
{
    char path[512];
    th_db(dir, "wait", path);
    st_db *a = NULL, *b = NULL, *holder = NULL;
    CHECK_INT(st_db_open(path, &holder, NULL, 0), ST_OK);
    CHECK_INT(st_db_open(path, &a, NULL, 0), ST_OK);
    CHECK_INT(st_db_open(path, &b, NULL, 0), ST_OK);
    if (!a || !b || !holder)
        return;
    st_pipeline_free(pipeline(holder, 0)); /* took the lock; its handle keeps it */
    sink s = {.p = {pipeline(a, 0)}};
    CHECK_INT(st_ingest_path(CORPUS "/text", NULL, to_sink, &s, NULL), ST_OK);
    st_pipeline_free(s.p[0]);
    st_db_close(a);
    CHECK_INT(count(b, "articles"), 0); /* stored unlinked */
    st_db_close(holder);
    st_pipeline *p = pipeline(b, 1); /* takes the lock over */
    size_t n = 0;
    CHECK_INT(st_pipeline_link(p, 2, &n, NULL, 0), ST_OK);
    CHECK_INT(n, 2); /* max is honoured */
    CHECK_INT(st_pipeline_link(p, (size_t)-1, &n, NULL, 0), ST_OK);
    CHECK_INT((int64_t)n + 2, count(b, "articles"));
    CHECK(n > 0);
    st_pipeline_free(p);
    st_db_close(b);
}

/* The holder clusters its own articles as it stores them and, at its next
 * commit, those another pipeline stored meanwhile: every article ends in an
 * event, and no event id is given to two stories. */
static void t_holder_links_others(void)
{
    char path[512];
    th_db(dir, "mixed", path);
    st_db *a = NULL, *b = NULL;
    CHECK_INT(st_db_open(path, &a, NULL, 0), ST_OK);
    CHECK_INT(st_db_open(path, &b, NULL, 0), ST_OK);
    if (!a || !b)
        return;
    sink s = {.p = {pipeline(a, 0), pipeline(b, 0)}};
    CHECK_INT(st_ingest_path(CORPUS, NULL, to_sink, &s, NULL), ST_OK);
    CHECK_INT(s.failed, 0);
    size_t n = 0;
    CHECK_INT(st_pipeline_link(s.p[0], (size_t)-1, &n, NULL, 0), ST_OK);
    CHECK(st_pipeline_stats(s.p[0])->linked > 15); /* b's share, linked at a's flushes */
    CHECK_INT(st_pipeline_stats(s.p[1])->linked, 0);
    char *x = assignments(a);
    CHECK(x && !strstr(x, " 0 0\n")); /* nothing unlinked */
    /* event -> story is a function */
    int64_t story_of[4096] = {0};
    int clash = 0;
    for (char *line = x; line && *line;) {
        long long e = 0, st = 0;
        char *sp = strchr(line, ' ');
        if (sp && sscanf(sp + 1, "%lld %lld", &e, &st) == 2 && e > 0 && e < 4096) {
            if (story_of[e] && story_of[e] != st)
                clash++;
            story_of[e] = st;
        }
        char *nl = strchr(line, '\n');
        line = nl ? nl + 1 : NULL;
    }
    CHECK_INT(clash, 0);
    free(x);
    st_pipeline_free(s.p[0]);
    st_pipeline_free(s.p[1]);
    st_db_close(a);
    st_db_close(b);
}

int main(void)
{
    th_tmpdir("link", dir);
    RUN(t_deferred_equals_inline);
    RUN(t_unlinked_wait_for_linker);
    RUN(t_holder_links_others);
    TEST_MAIN_END;
}
