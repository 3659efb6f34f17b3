/* test_pipeline.c — the library's pipeline: stats, the duplicate window,
 * and state rebuilt when a second pipeline opens the same database. */
#include "harness.h"
#include "store/db.h"
#include "store_check.h"
#include "store/store.h"
#include "util/util.h"

static const char *bodies[] = {
    "The central bank raised its key rate by a quarter point on Thursday, citing stubborn "
    "inflation in services. Governor Maria Lopez said further increases were possible. "
    "Markets had expected the move after weeks of strong wage data. Bond yields rose "
    "sharply after the announcement in the capital.",
    "A magnitude 6.1 earthquake shook the northern coast early on Monday, damaging old "
    "buildings in three towns. Rescue teams searched collapsed houses through the night. "
    "The regional governor said at least twelve people were injured. Schools will stay "
    "closed for the rest of the week while engineers inspect them.",
    "Voters in the mountain province elected a new governor on Sunday after a tight race. "
    "Turnout reached sixty percent, the highest in a decade. The winner promised new roads "
    "and a hospital for the valley towns. Her rival conceded late in the evening speech.",
};

static st_article *article(const char *id, const char *body)
{
    st_article *a = st_article_new();
    a->ext_id = st_strdup(id);
    a->body = st_strdup(body);
    return a;
}

/* A near copy: one word changed in the first sentence. */
static char *near_copy(const char *body)
{
    char *c = st_strdup(body);
    char *p = strstr(c, "quarter");
    if (p)
        memcpy(p, "half   ", 7);
    return c;
}

/* A fresh database in its own folder and a pipeline on it (cfg NULL: the
 * defaults); NULL when either failed (already CHECKed). */
static st_pipeline *open_pipeline(const char *tag, const st_config *cfg, st_db **db)
{
    char dir[256], path[512];
    th_tmpdir(tag, dir);
    th_db(dir, "p", path);
    st_pipeline *p = NULL;
    *db = NULL;
    CHECK_INT(st_db_open(path, db, NULL, 0), ST_OK);
    if (*db)
        CHECK_INT(st_pipeline_new(*db, cfg, NULL, &p, NULL, 0), ST_OK);
    return p;
}

static size_t run(const char *tag, size_t window, size_t *near)
{
    st_db *db = NULL;
    st_config cfg;
    st_config_default(&cfg);
    cfg.dedup_window = window;
    st_pipeline *p = open_pipeline(tag, &cfg, &db);
    if (!p)
        return 0;
    for (int i = 0; i < 3; i++) {
        char id[16];
        snprintf(id, sizeof id, "a%d", i);
        CHECK_INT(st_pipeline_add(p, article(id, bodies[i]), NULL, 0), ST_OK);
    }
    char *copy = near_copy(bodies[0]);
    CHECK_INT(st_pipeline_add(p, article("copy", copy), NULL, 0), ST_OK);
    /* The very same text again is a duplicate, whatever the window. */
    CHECK_INT(st_pipeline_add(p, article("again", bodies[1]), NULL, 0), ST_EDUP);
    free(copy);
    size_t stored = st_pipeline_stats(p)->stored;
    *near = st_pipeline_stats(p)->near_dups;
    st_pipeline_free(p);
    st_db_close(db);
    return stored;
}

static void t_dedup_window(void)
{
    size_t near = 0;
    CHECK_INT(run("win-wide", 100, &near), 4);
    CHECK_INT(near, 1);
    /* With room for two articles the original has left the index. */
    CHECK_INT(run("win-narrow", 2, &near), 4);
    CHECK_INT(near, 0);
}

static void t_reopen_keeps_clusters(void)
{
    st_db *db = NULL;
    st_pipeline *p = open_pipeline("reopen", NULL, &db);
    if (!p)
        return;
    CHECK_INT(st_pipeline_add(p, article("x1", bodies[1]), NULL, 0), ST_OK);
    st_pipeline_free(p);
    /* A second run: the near copy must still be found against the first. */
    char *copy = st_strdup(bodies[1]);
    char *w = strstr(copy, "twelve");
    if (w)
        memcpy(w, "eleven", 6);
    CHECK_INT(st_pipeline_new(db, NULL, NULL, &p, NULL, 0), ST_OK);
    CHECK_INT(st_pipeline_add(p, article("x2", copy), NULL, 0), ST_OK);
    CHECK_INT(st_pipeline_stats(p)->near_dups, 1);
    st_pipeline_free(p);
    free(copy);
    char *doc = NULL;
    CHECK_INT(st_db_stories_json(db, NULL, &doc), ST_OK);
    CHECK_CONTAINS(doc, "\"articles\":2"); /* both in one story */
    free(doc);
    st_db_close(db);
}

/* Text that is not UTF-8, through the library (the readers repair theirs):
 * stored on either engine, and the batch around it survives. */
static void t_invalid_utf8(void)
{
    st_db *db = NULL;
    st_pipeline *p = open_pipeline("utf8", NULL, &db);
    if (!p)
        return;
    char *bad = st_strdup(bodies[2]);
    char *w = strstr(bad, "Turnout");
    if (w)
        w[1] = (char)0xe9; /* a Latin-1 byte alone */
    st_article *a = article("bad", bad);
    free(a->title);
    a->title = st_strdup("Caf\xe9 \xff title");
    CHECK_INT(st_pipeline_add(p, a, NULL, 0), ST_OK);
    /* bad bytes inside what extraction keeps: a quote, its speaker, a figure */
    CHECK_INT(st_pipeline_add(p, article("quote", "\"We will w\xefn the vote,\" said Governor "
                                                  "Maria Lop\xe9z in Cairo on Monday. At least "
                                                  "40 p\xe9ople were injured, police said."),
                              NULL, 0),
              ST_OK);
    CHECK_INT(st_pipeline_add(p, article("good", bodies[0]), NULL, 0), ST_OK);
    /* a bad key still finds its article */
    a = article("again", "Another text entirely, about the harbour festival.");
    a->url = st_strdup("https://example.org/caf\xe9");
    CHECK_INT(st_pipeline_add(p, a, NULL, 0), ST_OK);
    a = article("again2", "A third text, about the railway budget.");
    a->url = st_strdup("https://example.org/caf\xe9");
    CHECK_INT(st_pipeline_add(p, a, NULL, 0), ST_EDUP);
    CHECK_INT(st_pipeline_flush(p), ST_OK);
    free(bad);
    st_pipeline_free(p);
    CHECK_INT(st_store_count_articles(db), 4);
    st_db_close(db);
}

static int stored_where(st_db *db, const char *id, const char *cond)
{
    char sql[512];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM articles WHERE ext_id = $1 AND %s", cond);
    return th_count_where(db, sql, id);
}

/* An undated article takes the day its lede reports, says so in its extra
 * fields, and its relative dates resolve against that day; a given date and
 * a date deep in the text change nothing. */
static void t_date_from_lede(void)
{
    st_db *db = NULL;
    st_pipeline *p = open_pipeline("lede", NULL, &db);
    if (!p)
        return;
    const char *lede = "Negotiators met in Cairo on Tuesday, 22 August 2023, for a new round of "
                       "talks on the harbour dispute. Both sides said progress was slow.";
    st_article *a = article("undated", lede);
    a->extra = st_strdup("{\"section\":\"world\"}");
    CHECK_INT(st_pipeline_add(p, a, NULL, 0), ST_OK);
    a = article("dated", "The port authority met on Tuesday, 22 August 2023, to plan new quays.");
    a->published = st_strdup("2023-08-24T10:00:00Z");
    CHECK_INT(st_pipeline_add(p, a, NULL, 0), ST_OK);
    CHECK_INT(st_pipeline_add(p, article("background", "Since 7 October 2023 the two sides have "
                                                       "met often; the harbour talks go on."),
                              NULL, 0),
              ST_OK);
    CHECK_INT(st_pipeline_add(p, article("deep", "Farmers sold grain. Prices fell. Rain came. "
                                                 "Roads closed. The fair of 3 May 2021 was recalled."),
                              NULL, 0),
              ST_OK);
    /* Russian dates are read with data/lang/ru/dates.tsv; the dateline wins
     * over the later plan ("с 1 января 2024 года") */
    CHECK_INT(st_pipeline_add(p, article("ru", "Лидеры стран на саммите в Йоханнесбурге в четверг, "
                                               "24 августа 2023 года, договорились о расширении "
                                               "объединения. Новыми членами группы с 1 января "
                                               "2024 года станут шесть государств."),
                              NULL, 0),
              ST_OK);
    CHECK_INT(st_pipeline_flush(p), ST_OK);
    st_pipeline_free(p);
    CHECK_INT(stored_where(db, "ru", "published = '2023-08-24' AND language = 'ru'"), 1);
    CHECK_INT(th_count_where(db, "SELECT count(*) FROM dates d JOIN articles a ON a.id = d.article_id "
                                 "WHERE a.ext_id = $1 AND d.text = 'четверг' AND d.resolved = '2023-08-24'",
                             "ru"),
              1);
    CHECK_INT(stored_where(db, "undated", "published = '2023-08-22' AND extra LIKE "
                                          "'%\"published_from\":\"text\"%' AND extra LIKE '%section%'"),
              1);
    CHECK_INT(th_count_where(db, "SELECT count(*) FROM dates d JOIN articles a ON a.id = d.article_id "
                                 "WHERE a.ext_id = $1 AND d.text = 'Tuesday' AND d.resolved = '2023-08-22'",
                             "undated"),
              1);
    CHECK_INT(stored_where(db, "dated", "published = '2023-08-24T10:00:00Z' AND extra IS NULL"), 1);
    CHECK_INT(stored_where(db, "deep", "published IS NULL AND extra IS NULL"), 1);
    /* a date without its weekday may be background: no day rather than a wrong one */
    CHECK_INT(stored_where(db, "background", "published IS NULL AND extra IS NULL"), 1);
    st_db_close(db);
}

int main(void)
{
    RUN(t_dedup_window);
    RUN(t_reopen_keeps_clusters);
    RUN(t_invalid_utf8);
    RUN(t_date_from_lede);
    TEST_MAIN_END;
}
