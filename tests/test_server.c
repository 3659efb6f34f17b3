/* test_server.c — the HTTP API end to end: an in-process server on a free
 * loopback port, the seeds posted over HTTP, every endpoint read back, and
 * bad requests answered with 4xx while the server keeps serving. */
#include <curl/curl.h>
#include <dirent.h>
#include <jansson.h>
#include <pthread.h>

#include "harness.h"
#include "store/store.h"

static st_server *srv;
static char base[64], dbpath[512];
static int64_t story_id, first_article;

typedef struct reply {
    long status;
    char *body;
    size_t len;
} reply;

static size_t on_data(char *p, size_t sz, size_t n, void *ud)
{
    reply *r = ud;
    char *b = realloc(r->body, r->len + sz * n + 1);
    if (!b)
        return 0;
    memcpy(b + r->len, p, sz * n);
    r->len += sz * n;
    b[r->len] = '\0';
    r->body = b;
    return sz * n;
}

/* One request; the reply's body is parsed as JSON into *doc when doc is given. */
static long http(const char *method, const char *path, const char *body, size_t blen,
                 json_t **doc)
{
    CURL *c = curl_easy_init();
    reply r = {0, NULL, 0};
    char url[4200];
    snprintf(url, sizeof url, "%s%s", base, path);
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt(c, CURLOPT_PATH_AS_IS, 1L);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &r);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 20L);
    struct curl_slist *h = NULL;
    if (body) {
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)blen);
        h = curl_slist_append(h, "Content-Type: application/json");
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    }
    if (curl_easy_perform(c) == CURLE_OK)
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
    curl_slist_free_all(h);
    curl_easy_cleanup(c);
    if (r.status >= 500)
        fprintf(stderr, "  %s %s -> %ld %s\n", method, path, r.status, r.body ? r.body : "");
    if (doc)
        *doc = r.body ? json_loads(r.body, 0, NULL) : NULL;
    free(r.body);
    return r.status;
}

static long get(const char *path, json_t **doc) { return http("GET", path, NULL, 0, doc); }

static const char *str(json_t *o, const char *k) { return json_string_value(json_object_get(o, k)); }
static long long num(json_t *o, const char *k) { return json_integer_value(json_object_get(o, k)); }

/* A news-please record made from a seed file (first line as title). */
static char *seed_record(const char *dir, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    char *text = th_read_file(path, NULL);
    if (!text)
        return NULL;
    char *nl = strchr(text, '\n');
    char title[200] = "";
    snprintf(title, sizeof title, "%.*s", nl ? (int)(nl - text) : 80, text);
    char id[64];
    snprintf(id, sizeof id, "%.40s", name);
    json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s}", "id", id, "title", title, "maintext",
                          text, "url", id, "date_publish", "2024-10-20 10:00:00");
    json_object_set_new(o, "source_domain", json_string(name[2] == '1' ? "b.example" : "a.example"));
    char *s = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    free(text);
    return s;
}

static const char *const examples[] = {
    "{\"id\":\"ex1\",\"title\":\"Floods hit the river valley\",\"date_publish\":\"2024-05-01\","
    "\"maintext\":\"Heavy rain caused floods across the river valley on Monday. Rescue teams "
    "evacuated hundreds of families from their homes near the river. \\\"We lost everything in "
    "one night,\\\" said farmer Ana Lopez. The regional government promised emergency funds for "
    "the flooded villages.\",\"source_domain\":\"news.example\",\"language\":\"en\"}",
    "{\"id\":\"ex2\",\"title\":\"Valley floods force evacuations\",\"date_publish\":\"2024-05-02\","
    "\"maintext\":\"Rescue teams evacuated more families as the floods spread through the "
    "river valley on Tuesday. Officials said the rain would continue for two more days. The "
    "government sent soldiers to help rescue teams in the flooded villages.\","
    "\"source_domain\":\"other.example\",\"language\":\"en\"}",
};

static void t_start(void)
{
    char dir[256];
    th_tmpdir("server", dir);
    th_db(dir, "s", dbpath);
    st_server_opts o = {.db_path = dbpath, .port = 0, .threads = 3};
    char err[256] = "";
    int rc = st_server_start(&o, &srv, err, sizeof err);
    if (rc != ST_OK)
        fprintf(stderr, "  start: %s\n", err);
    CHECK_INT(rc, ST_OK);
    CHECK(st_server_port(srv) > 0);
    snprintf(base, sizeof base, "http://127.0.0.1:%u", st_server_port(srv));
    json_t *d = NULL;
    CHECK_INT(get("/api/health", &d), 200);
    CHECK_STR(str(d, "status"), "ok");
    json_decref(d);
}

static void post_one(const char *rec)
{
    json_t *d = NULL;
    CHECK_INT(http("POST", "/api/articles", rec, strlen(rec), &d), 201);
    CHECK_INT(num(d, "stored"), 1);
    json_t *a = json_array_get(json_object_get(d, "articles"), 0);
    CHECK(num(a, "id") > 0);
    if (!first_article)
        first_article = num(a, "id");
    json_decref(d);
}

static void t_post(void)
{
    size_t posted = 0;
    DIR *dir = th_have_seeds() ? opendir(TH_SEEDS) : NULL;
    struct dirent *e;
    while (dir && (e = readdir(dir))) {
        if (!strstr(e->d_name, ".txt"))
            continue;
        char *rec = seed_record(TH_SEEDS, e->d_name);
        if (rec)
            post_one(rec);
        posted += rec != NULL;
        free(rec);
    }
    if (dir)
        closedir(dir);
    /* Without seeds, the examples; with them, the examples still test JSON Lines. */
    char lines[4096];
    snprintf(lines, sizeof lines, "%s\n\n%s\n", examples[0], examples[1]);
    json_t *d = NULL;
    CHECK_INT(http("POST", "/api/articles", lines, strlen(lines), &d), 201);
    CHECK_INT(num(d, "stored"), 2);
    CHECK_INT(json_array_size(json_object_get(d, "articles")), 2);
    json_decref(d);
    if (!first_article)
        first_article = 1;
    /* The same again: duplicates, reported with the stored ids. */
    CHECK_INT(http("POST", "/api/articles", examples[0], strlen(examples[0]), &d), 200);
    CHECK_INT(num(d, "duplicates"), 1);
    CHECK_INT(num(d, "stored"), 0);
    CHECK(num(json_array_get(json_object_get(d, "duplicate_of"), 0), "id") > 0);
    json_decref(d);
    CHECK_INT(get("/api/articles?limit=500", &d), 200);
    CHECK_INT(json_array_size(d), posted + 2);
    json_decref(d);
}

/* Until the clusterer is wired into the pipeline, stories may be empty:
 * then every article goes into one story through the store's own writes. */
static void t_story_fixture(void)
{
    json_t *d = NULL;
    CHECK_INT(get("/api/stories", &d), 200);
    CHECK(json_is_array(d));
    if (json_array_size(d) > 0) {
        story_id = num(json_array_get(d, 0), "id");
        json_decref(d);
        return;
    }
    json_decref(d);
    st_db *db = NULL;
    CHECK_INT(st_db_open(dbpath, &db, NULL, 0), ST_OK);
    if (!db)
        return;
    CHECK_INT(st_store_begin(db), ST_OK);
    st_cluster_row s = {.id = 1, .label = "fixture story", .terms_json = "[\"flood\"]"};
    st_cluster_row ev1 = {.id = 1, .story_id = 1, .label = "first event"};
    st_cluster_row ev2 = {.id = 2, .story_id = 1, .label = "second event"};
    CHECK_INT(st_store_put_story(db, &s), ST_OK);
    CHECK_INT(st_store_put_event(db, &ev1), ST_OK);
    CHECK_INT(st_store_put_event(db, &ev2), ST_OK);
    for (int64_t id = 1; id <= 20; id++)
        st_store_set_cluster(db, id, id % 2 ? 1 : 2, 1, id <= 2);
    CHECK_INT(st_store_commit(db), ST_OK);
    st_db_close(db);
    story_id = 1;
}

static void t_stories(void)
{
    json_t *d = NULL;
    CHECK_INT(get("/api/stories?limit=10&offset=0", &d), 200);
    json_t *s = json_array_get(d, 0);
    CHECK(num(s, "articles") >= 2);
    CHECK(json_is_array(json_object_get(s, "languages")));
    CHECK(json_is_array(json_object_get(s, "days")));
    CHECK(str(s, "updated") != NULL);
    json_decref(d);
    CHECK_INT(get("/api/stories?offset=1000", &d), 200);
    CHECK_INT(json_array_size(d), 0);
    json_decref(d);
    CHECK_INT(get("/api/stories?since=2000-01-01&until=2100-01-01&lang=en", &d), 200);
    CHECK(json_is_array(d));
    json_decref(d);
    CHECK_INT(get("/api/stories?entity=nobody-at-all", &d), 200);
    CHECK_INT(json_array_size(d), 0);
    json_decref(d);
}

/* Cached answers go stale the moment another connection commits. Runs
 * on every worker thread: the request goes to each in turn. */
static void t_cache_invalidation(void)
{
    char path[64];
    snprintf(path, sizeof path, "/api/stories/%lld", (long long)story_id);
    json_t *d = NULL;
    for (int i = 0; i < 6; i++) { /* fill every worker's cache */
        CHECK_INT(get("/api/stories", NULL), 200);
        CHECK_INT(get(path, NULL), 200);
    }
    st_db *db = NULL;
    CHECK_INT(st_db_open(dbpath, &db, NULL, 0), ST_OK);
    st_cluster_row s = {.id = story_id, .label = "renamed story"};
    CHECK_INT(st_store_begin(db), ST_OK);
    CHECK_INT(st_store_put_story(db, &s), ST_OK);
    CHECK_INT(st_store_commit(db), ST_OK);
    st_db_close(db);
    for (int i = 0; i < 6; i++) {
        CHECK_INT(get("/api/stories", &d), 200);
        CHECK_STR(str(json_array_get(d, 0), "label"), "renamed story");
        json_decref(d);
        CHECK_INT(get(path, &d), 200);
        CHECK_STR(str(d, "label"), "renamed story");
        json_decref(d);
    }
}

static void t_story(void)
{
    char path[128];
    snprintf(path, sizeof path, "/api/stories/%lld", (long long)story_id);
    json_t *d = NULL;
    CHECK_INT(get(path, &d), 200);
    CHECK_INT(num(d, "id"), story_id);
    json_t *arts = json_object_get(d, "article_list");
    CHECK(json_array_size(arts) >= 2);
    json_t *tl = json_object_get(d, "timeline");
    CHECK(json_array_size(json_object_get(tl, "days")) >= 1);
    CHECK(json_array_size(json_object_get(tl, "events")) >= 1);
    json_t *sum = json_object_get(d, "summary");
    CHECK(str(sum, "main") != NULL);
    json_t *langs = json_object_get(sum, "languages");
    CHECK(json_array_size(langs) >= 1);
    size_t i, j, k;
    json_t *l, *sen, *a;
    json_array_foreach(langs, i, l) {
        json_t *ss = json_object_get(l, "sentences");
        CHECK(json_array_size(ss) >= 1 && json_array_size(ss) <= 5);
        /* Every sentence links to an article of the story. */
        json_array_foreach(ss, j, sen) {
            int found = 0;
            json_array_foreach(arts, k, a) found |= num(a, "id") == num(sen, "article");
            CHECK(found);
            CHECK(str(sen, "text") && strlen(str(sen, "text")) > 20);
        }
    }
    json_t *ev = json_array_get(json_object_get(d, "event_list"), 0);
    CHECK(json_is_object(json_object_get(ev, "summary")));
    json_decref(d);
    const char *panels[] = {"entities", "quotes", "claims", "conflicts", "cameo", "dups"};
    for (size_t p = 0; p < 6; p++) {
        snprintf(path, sizeof path, "/api/stories/%lld/%s", (long long)story_id, panels[p]);
        CHECK_INT(get(path, &d), 200);
        CHECK(json_is_array(d));
        json_decref(d);
    }
}

static void t_articles(void)
{
    char path[128];
    json_t *d = NULL;
    snprintf(path, sizeof path, "/api/articles/%lld", (long long)first_article);
    CHECK_INT(get(path, &d), 200);
    CHECK_INT(num(d, "id"), first_article);
    CHECK(str(d, "body") && *str(d, "body"));
    json_decref(d);
    CHECK_INT(get("/api/articles/ex2", &d), 200);
    CHECK_STR(str(d, "title"), "Valley floods force evacuations");
    json_decref(d);
    CHECK_INT(get("/api/articles?lang=en&limit=1", &d), 200);
    CHECK_INT(json_array_size(d), 1);
    json_decref(d);
    CHECK_INT(get("/api/dups", &d), 200);
    CHECK(json_is_array(d));
    json_decref(d);
    CHECK_INT(get("/api/version", &d), 200);
    CHECK(num(d, "max_id") >= 2);
    json_decref(d);
}

static void t_export(void)
{
    CURL *c = curl_easy_init();
    reply r = {0, NULL, 0};
    char url[128];
    snprintf(url, sizeof url, "%s/api/export/stories.csv", base);
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &r);
    CHECK_INT(curl_easy_perform(c), CURLE_OK);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
    char *type = NULL;
    curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &type);
    CHECK_INT(r.status, 200);
    CHECK_CONTAINS(type, "text/csv");
    CHECK(r.body && strchr(r.body, '\n'));
    curl_easy_cleanup(c);
    free(r.body);
    CHECK_INT(get("/api/export/events.tsv", NULL), 200);
    json_t *d = NULL;
    CHECK_INT(get("/api/export/articles.json?limit=2", &d), 200);
    CHECK_INT(json_array_size(d), 2);
    json_decref(d);
    CHECK_INT(get("/api/export/nothing.tsv", NULL), 404);
    CHECK_INT(get("/api/export/events.xml", NULL), 404);
    CHECK_INT(get("/api/export/events.tsv?limit=zero", NULL), 400);
}

static void t_search(void)
{
    json_t *d = NULL;
    CHECK_INT(get("/api/search?q=floods", &d), 200);
    CHECK(json_array_size(d) >= 1);
    CHECK_CONTAINS(str(json_array_get(d, 0), "snippet"), "[");
    json_decref(d);
    CHECK_INT(get("/api/search?q=%22unbalanced", &d), 400);
    CHECK(str(d, "error") != NULL);
    json_decref(d);
    CHECK_INT(get("/api/search", NULL), 400);
}

static void t_bad_requests(void)
{
    json_t *d = NULL;
    CHECK_INT(http("POST", "/api/articles", "{\"title\": \"x\",", 14, &d), 400);
    CHECK_CONTAINS(str(d, "error"), "malformed JSON");
    json_decref(d);
    CHECK_INT(http("POST", "/api/articles", "{\"maintext\":\"ok\"}\nnot json\n", 27, NULL), 400);
    CHECK_INT(http("POST", "/api/articles", "{\"title\":\"no body\"}", 19, NULL), 400);
    CHECK_INT(http("POST", "/api/articles", "", 0, NULL), 400);
    size_t big = ST_SERVER_MAX_BODY + 1000;
    char *huge = malloc(big);
    memset(huge, ' ', big);
    huge[0] = '{';
    huge[big - 1] = '}';
    CHECK_INT(http("POST", "/api/articles", huge, big, &d), 413);
    CHECK(str(d, "error") != NULL);
    json_decref(d);
    free(huge);
    CHECK_INT(get("/api/articles/999999", &d), 404);
    CHECK(str(d, "error") != NULL);
    json_decref(d);
    CHECK_INT(get("/api/stories/999999", NULL), 404);
    CHECK_INT(get("/api/stories/abc", NULL), 400);
    CHECK_INT(get("/api/stories/1/nonsense", NULL), 404);
    CHECK_INT(get("/api/entities/424242", NULL), 404);
    CHECK_INT(get("/api/stories?limit=abc", NULL), 400);
    CHECK_INT(get("/api/stories?limit=100000", NULL), 400);
    CHECK_INT(get("/api/stories?bogus=1", NULL), 400);
    CHECK_INT(get("/api/stories?=x", NULL), 400); /* found by fuzz/http: hung a worker */
    CHECK_INT(get("/api/stories?limit", NULL), 400);
    CHECK_INT(get("/api/stories?since=yesterday", NULL), 400);
    CHECK_INT(get("/api/articles?story=-1", NULL), 400);
    CHECK_INT(get("/api/nowhere", NULL), 404);
    CHECK_INT(http("DELETE", "/api/articles", NULL, 0, NULL), 405);
    CHECK_INT(http("PUT", "/api/stories", NULL, 0, NULL), 405);
    CHECK_INT(get("/../../etc/passwd", NULL), 404);
    CHECK_INT(get("/.hidden.html", NULL), 404);
    char longq[6000] = "/api/search?q=";
    memset(longq + 14, 'a', 5000);
    CHECK(get(longq, NULL) / 100 == 4);
    /* Still serving. */
    CHECK_INT(get("/api/health", NULL), 200);
}

static void t_page(void)
{
    CURL *c = curl_easy_init();
    reply r = {0, NULL, 0};
    char url[128];
    snprintf(url, sizeof url, "%s/", base);
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &r);
    CHECK_INT(curl_easy_perform(c), CURLE_OK);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
    char *type = NULL;
    curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &type);
    CHECK_INT(r.status, 200);
    CHECK_CONTAINS(type, "text/html");
    CHECK_CONTAINS(r.body, "storytrack");
    curl_easy_cleanup(c);
    free(r.body);
    CHECK_INT(get("/app.js", NULL), 200);
    CHECK_INT(get("/style.css", NULL), 200);
}

/* Readers keep answering while a writer posts. */
static void *reader_thread(void *arg)
{
    long *ok = arg;
    for (int i = 0; i < 20; i++)
        *ok += get("/api/stories", NULL) == 200;
    return NULL;
}

static void t_concurrent(void)
{
    pthread_t th[3];
    long ok[3] = {0, 0, 0};
    for (int i = 0; i < 3; i++)
        pthread_create(&th[i], NULL, reader_thread, &ok[i]);
    char rec[512];
    for (int i = 0; i < 5; i++) {
        snprintf(rec, sizeof rec,
                 "{\"id\":\"conc%d\",\"title\":\"Concurrent post %d\",\"maintext\":\"A short "
                 "article number %d written while readers read the story list.\"}",
                 i, i, i);
        CHECK_INT(http("POST", "/api/articles", rec, strlen(rec), NULL), 201);
    }
    for (int i = 0; i < 3; i++) {
        pthread_join(th[i], NULL);
        CHECK_INT(ok[i], 20);
    }
}

/* The page's live updates poll /api/version: it must move when an article
 * arrives and stay put otherwise. */
static void t_live_version(void)
{
    json_t *v1 = NULL, *v2 = NULL, *v3 = NULL;
    CHECK_INT(get("/api/version", &v1), 200);
    CHECK_INT(get("/api/version", &v2), 200);
    CHECK_INT(num(v2, "max_id"), num(v1, "max_id"));
    const char *rec = "{\"id\":\"live1\",\"title\":\"Live\",\"maintext\":\"An article that "
                      "arrives while the page is open and polling for news.\"}";
    CHECK_INT(http("POST", "/api/articles", rec, strlen(rec), NULL), 201);
    CHECK_INT(get("/api/version", &v3), 200);
    CHECK(num(v3, "max_id") > num(v1, "max_id"));
    CHECK_INT(num(v3, "articles"), num(v1, "articles") + 1);
    CHECK(str(v3, "last_ingested") != NULL);
    json_decref(v1);
    json_decref(v2);
    json_decref(v3);
}

/* Articles over every story of the (cached) story list, as the worker
 * thread that answers sees them; -1 on failure. */
static long long story_total(void)
{
    json_t *d = NULL;
    long long n = get("/api/stories?limit=500", &d) == 200 ? 0 : -1;
    size_t i;
    json_t *s;
    json_array_foreach(d, i, s) n += num(s, "articles");
    json_decref(d);
    return n;
}

/* Every worker's cached story list must show the next article at once,
 * whether the server's own writer stored it (POST) or another process did
 * (the CLI's ingest into the same store). */
static void t_cache_sees_writes(void)
{
    long long before = story_total();
    for (int i = 0; i < 6; i++) /* fill every worker's cache */
        CHECK(story_total() == before);
    const char *rec = "{\"id\":\"cache1\",\"title\":\"Cache\",\"maintext\":\"An article "
                      "posted while every worker holds the story list in its cache.\"}";
    CHECK_INT(http("POST", "/api/articles", rec, strlen(rec), NULL), 201);
    for (int i = 0; i < 6; i++)
        CHECK(story_total() == before + 1);
    char dir[256], file[300], cmd[1200];
    th_tmpdir("server-cli", dir);
    snprintf(file, sizeof file, "%s/one.jsonl", dir);
    const char *line = "{\"id\":\"cli1\",\"title\":\"From the CLI\",\"maintext\":\"An article "
                       "that another process ingests into the store the server reads.\"}\n";
    CHECK_INT(th_write_file(file, line, strlen(line)), 0);
    snprintf(cmd, sizeof cmd, "%s ingest --db '%s' %s", TH_CLI, dbpath, file);
    CHECK_INT(th_sh(cmd, NULL, NULL), 0);
    for (int i = 0; i < 6; i++)
        CHECK(story_total() == before + 2);
}

static void t_stop(void)
{
    st_server_stop(srv);
    srv = NULL;
    CHECK(1);
}

int main(void)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
    RUN(t_start);
    if (srv) {
        RUN(t_post);
        RUN(t_story_fixture);
        RUN(t_stories);
        RUN(t_story);
        RUN(t_cache_invalidation);
        RUN(t_articles);
        RUN(t_search);
        RUN(t_export);
        RUN(t_bad_requests);
        RUN(t_page);
        RUN(t_concurrent);
        RUN(t_live_version);
        RUN(t_cache_sees_writes);
        RUN(t_stop);
    }
    curl_global_cleanup();
    TEST_MAIN_END;
}
