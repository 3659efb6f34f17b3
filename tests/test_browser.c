/* test_browser.c — the web page in a real browser: an in-process server with
 * the seeds (or examples) posted, Debian chromium headless renders the story
 * list and a story page (tests/browser/render.sh), and the rendered DOM is
 * checked. Skips, passing with a note, only when chromium is absent. */
#include <curl/curl.h>
#include <dirent.h>
#include <jansson.h>
#include <sys/stat.h>

#include "harness.h"
#include "store/store.h"

static st_server *srv;
static char base[64], dbpath[512], tmp[256];
static int64_t story_id;
static int have_chromium;

static size_t sink(char *p, size_t sz, size_t n, void *ud)
{
    char **s = ud;
    size_t old = *s ? strlen(*s) : 0;
    char *b = realloc(*s, old + sz * n + 1);
    if (!b)
        return 0;
    memcpy(b + old, p, sz * n);
    b[old + sz * n] = '\0';
    *s = b;
    return sz * n;
}

static long http(const char *path, const char *body, char **out)
{
    CURL *c = curl_easy_init();
    char url[512], *resp = NULL;
    long status = 0;
    snprintf(url, sizeof url, "%s%s", base, path);
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, sink);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &resp);
    if (body)
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
    if (curl_easy_perform(c) == CURLE_OK)
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(c);
    if (out)
        *out = resp;
    else
        free(resp);
    return status;
}

static void post_seed(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", TH_SEEDS, name);
    char *text = th_read_file(path, NULL);
    if (!text)
        return;
    char *nl = strchr(text, '\n');
    char title[160];
    snprintf(title, sizeof title, "%.*s", nl && nl - text < 150 ? (int)(nl - text) : 150, text);
    json_t *o = json_pack("{s:s, s:s, s:s, s:s}", "id", name, "title", title, "maintext", text,
                          "date_publish", name[2] == '0' ? "2024-10-19" : "2024-10-21");
    char *rec = json_dumps(o, JSON_COMPACT);
    CHECK_INT(http("/api/articles", rec, NULL), 201);
    free(rec);
    json_decref(o);
    free(text);
}

static void post_examples(void)
{
    static const char *recs[] = {
        "{\"id\":\"b1\",\"title\":\"Storm closes the harbour\",\"date_publish\":\"2024-03-01\","
        "\"maintext\":\"A strong storm closed the harbour on Friday and stopped every ferry. "
        "Port officials said the waves were higher than five metres in the bay. \\\"We will "
        "reopen when it is safe,\\\" said harbour master Jon Berg.\"}",
        "{\"id\":\"b2\",\"title\":\"Harbour stays closed after storm\",\"date_publish\":\"2024-03-02\","
        "\"maintext\":\"The harbour stayed closed on Saturday after the storm damaged two piers. "
        "Ferry companies cancelled all crossings until Monday morning at the earliest.\"}",
    };
    for (size_t i = 0; i < 2; i++)
        CHECK_INT(http("/api/articles", recs[i], NULL), 201);
}

/* As in test_server.c: one story over every article while clustering is
 * not wired into the pipeline. */
static void ensure_story(void)
{
    char *doc = NULL;
    CHECK_INT(http("/api/stories", NULL, &doc), 200);
    json_t *arr = doc ? json_loads(doc, 0, NULL) : NULL;
    free(doc);
    story_id = json_integer_value(json_object_get(json_array_get(arr, 0), "id"));
    json_decref(arr);
    if (story_id)
        return;
    st_db *db = NULL;
    CHECK_INT(st_db_open(dbpath, &db, NULL, 0), ST_OK);
    st_cluster_row s = {.id = 1, .label = "browser fixture story"};
    st_cluster_row e = {.id = 1, .story_id = 1, .label = "browser fixture event"};
    st_store_begin(db);
    st_store_put_story(db, &s);
    st_store_put_event(db, &e);
    for (int64_t id = 1; id <= 20; id++)
        st_store_set_cluster(db, id, 1, 1, id == 1);
    CHECK_INT(st_store_commit(db), ST_OK);
    st_db_close(db);
    story_id = 1;
}

static void t_setup(void)
{
    have_chromium = th_sh("command -v chromium", NULL, NULL) == 0;
    if (!have_chromium) {
        printf("# skipped: chromium not installed (apt-get install chromium)\n");
        return;
    }
    th_tmpdir("browser", tmp);
    th_db(tmp, "b", dbpath);
    st_server_opts o = {.db_path = dbpath};
    char err[256] = "";
    CHECK_INT(st_server_start(&o, &srv, err, sizeof err), ST_OK);
    if (!srv)
        return;
    snprintf(base, sizeof base, "http://127.0.0.1:%u", st_server_port(srv));
    DIR *d = th_have_seeds() ? opendir(TH_SEEDS) : NULL;
    struct dirent *e;
    size_t n = 0;
    while (d && (e = readdir(d)))
        if (strstr(e->d_name, ".txt")) {
            post_seed(e->d_name);
            n++;
        }
    if (d)
        closedir(d);
    if (!n)
        post_examples();
    ensure_story();
    CHECK(story_id > 0);
}

/* Renders a page of the server; returns the DOM (caller frees). */
static char *render(const char *page, const char *png, const char *size)
{
    char cmd[1024], dom[300];
    snprintf(dom, sizeof dom, "%s/dom.html", tmp);
    snprintf(cmd, sizeof cmd, "sh tests/browser/render.sh '%s/%s' '%s' '%s' '%s'", base, page, dom, png ? png : "", size ? size : "1200,1800");
    int rc = th_sh(cmd, NULL, NULL);
    CHECK_INT(rc, 0);
    return th_read_file(dom, NULL);
}

static void t_story_list(void)
{
    if (!have_chromium || !srv)
        return;
    /* The list at phone width, with a picture to look at. */
    char *dom = render("", ST_BUILD_DIR "/storytrack-phone.png", "390,844");
    CHECK_CONTAINS(dom, "<ul class=\"stories\">");
    char want[64];
    snprintf(want, sizeof want, "href=\"#/story/%lld\"", (long long)story_id);
    CHECK_CONTAINS(dom, want);
    CHECK_CONTAINS(dom, "class=\"spark\"");
    free(dom);
    struct stat st;
    CHECK(stat(ST_BUILD_DIR "/storytrack-phone.png", &st) == 0 && st.st_size > 1000);
}

static void t_story_page(void)
{
    if (!have_chromium || !srv)
        return;
    char path[64], *doc = NULL;
    snprintf(path, sizeof path, "/api/stories/%lld", (long long)story_id);
    CHECK_INT(http(path, NULL, &doc), 200);
    json_t *s = json_loads(doc ? doc : "", 0, NULL);
    free(doc);
    snprintf(path, sizeof path, "/api/stories/%lld/quotes", (long long)story_id);
    CHECK_INT(http(path, NULL, &doc), 200);
    json_t *quotes = json_loads(doc ? doc : "", 0, NULL);
    free(doc);

    snprintf(path, sizeof path, "#/story/%lld", (long long)story_id);
    char *dom = render(path, ST_BUILD_DIR "/storytrack-story.png", NULL);
    CHECK_CONTAINS(dom, "id=\"story-title\"");
    const char *label = json_string_value(json_object_get(s, "label"));
    char *esc_label = label ? strdup(label) : NULL;
    if (esc_label && !strpbrk(esc_label, "&<>\"'"))
        CHECK_CONTAINS(dom, esc_label);
    free(esc_label);
    char want[96];
    snprintf(want, sizeof want, "<span id=\"article-count\">%lld</span>",
             (long long)json_integer_value(json_object_get(s, "articles")));
    CHECK_CONTAINS(dom, want);
    CHECK_CONTAINS(dom, "id=\"timeline-chart\"");
    CHECK_CONTAINS(dom, "<rect class=\"bar\"");
    CHECK_CONTAINS(dom, "<div class=\"summary\"");
    /* Articles table: one row per article. */
    size_t rows = 0;
    for (const char *p = dom; p && (p = strstr(p, "<tr id=\"article-")); p++)
        rows++;
    CHECK_INT(rows, json_integer_value(json_object_get(s, "articles")));
    /* Panels end in a list or "none", never stuck on the placeholder. */
    CHECK(dom && !strstr(dom, "<p class=\"muted\">…</p>"));
    if (json_array_size(quotes) > 0)
        CHECK_CONTAINS(dom, "<blockquote class=\"quote\">");
    else
        CHECK_CONTAINS(dom, "id=\"panel-quotes\" data-count=\"0\"");
    free(dom);
    struct stat st;
    CHECK(stat(ST_BUILD_DIR "/storytrack-story.png", &st) == 0 && st.st_size > 1000);
    json_decref(s);
    json_decref(quotes);
}

static void t_search_page(void)
{
    if (!have_chromium || !srv)
        return;
    char *dom = render(th_have_seeds() ? "#/search?q=Hamas" : "#/search?q=harbour", NULL, NULL);
    CHECK_CONTAINS(dom, "<mark>");
    free(dom);
}

static void t_teardown(void)
{
    st_server_stop(srv);
    srv = NULL;
    CHECK(1);
}

int main(void)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
    RUN(t_setup);
    RUN(t_story_list);
    RUN(t_story_page);
    RUN(t_search_page);
    RUN(t_teardown);
    curl_global_cleanup();
    TEST_MAIN_END;
}
