/* api.c — the read endpoints. Each answers one JSON document from the
 * store's queries, read through the worker's own connection. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server/server.h"
#include "store/query_server.h"

typedef int (*list_fn)(st_db *, const st_query *, char **);

static enum MHD_Result answer(st_req *r, int rc, char *doc, const char *what)
{
    if (rc != ST_OK) {
        free(doc);
        return st_srv_fail(r, rc, what);
    }
    return st_srv_json(r, MHD_HTTP_OK, doc);
}

/* Answers from the worker's cache, else computes and remembers. */
static int cached(st_req *r, st_reader *rd, const char *path, int (*make)(void *, char **),
                  void *ud, char **doc)
{
    char *key = st_srv_cache_key(r, path);
    int64_t version;
    *doc = st_srv_cache_get(rd, key, &version);
    int rc = ST_OK;
    if (!*doc) {
        rc = make(ud, doc);
        if (rc == ST_OK)
            st_srv_cache_put(rd, key, *doc, version);
    }
    free(key);
    return rc;
}

typedef struct list_call {
    st_reader *rd;
    list_fn fn;
    const st_query *q;
} list_call;

static int make_list(void *ud, char **doc)
{
    list_call *c = ud;
    return c->fn(c->rd->db, c->q, doc);
}

static enum MHD_Result list(st_req *r, st_reader *rd, const char *allowed, list_fn fn,
                            const char *what)
{
    st_query q;
    char err[256];
    if (st_srv_query(r, allowed, &q, err, sizeof err) != ST_OK)
        return st_srv_error(r, MHD_HTTP_BAD_REQUEST, "%s", err);
    char *doc = NULL;
    list_call c = {rd, fn, &q};
    int rc = fn == st_qs_stories_json ? cached(r, rd, "/stories", make_list, &c, &doc)
                                      : fn(rd->db, &q, &doc);
    return answer(r, rc, doc, what);
}

typedef struct story_call {
    st_req *r;
    st_reader *rd;
    int64_t id;
} story_call;

static int make_story(void *ud, char **doc)
{
    story_call *c = ud;
    return st_srv_story_doc(c->r->srv, c->rd, c->id, doc);
}

static enum MHD_Result search(st_req *r, st_reader *rd)
{
    st_query q;
    char err[256];
    if (st_srv_query(r, "q lang since until story limit offset", &q, err, sizeof err) != ST_OK)
        return st_srv_error(r, MHD_HTTP_BAD_REQUEST, "%s", err);
    if (!q.text)
        return st_srv_error(r, MHD_HTTP_BAD_REQUEST, "search needs q=WORDS");
    char *doc = NULL;
    int rc = st_db_search_json(rd->db, &q, &doc);
    if (rc == ST_EUSAGE)
        return st_srv_error(r, MHD_HTTP_BAD_REQUEST,
                            "bad search query (FTS5: words, \"phrases\", AND, OR, NOT)");
    return answer(r, rc, doc, "search");
}

/* 1 when the request carried parameters where none are taken: *res then
 * holds the queued 400. */
static int bad_params(st_req *r, enum MHD_Result *res)
{
    st_query q;
    char err[256];
    if (st_srv_query(r, "", &q, err, sizeof err) == ST_OK)
        return 0;
    *res = st_srv_error(r, MHD_HTTP_BAD_REQUEST, "%s", err);
    return 1;
}

static enum MHD_Result health(st_req *r, st_reader *rd)
{
    char *v = NULL;
    int rc = st_qs_version_json(rd->db, &v);
    if (rc != ST_OK)
        return st_srv_fail(r, rc, "database");
    st_buf b = {0};
    st_buf_printf(&b, "{\"status\":\"ok\",\"version\":\"%s\",\"schema\":%d,\"db\":%s}",
                  ST_VERSION, st_db_schema_version(), v);
    free(v);
    return st_srv_json(r, MHD_HTTP_OK, b.oom ? (st_buf_free(&b), NULL) : st_buf_take(&b));
}

/* The story page's panels, each answered by the query of the stage that
 * fills its table. */
static list_fn panel_fn(const char *name)
{
    static const struct {
        const char *name;
        list_fn fn;
    } panels[] = {{"entities", st_db_entities_json}, {"quotes", st_db_quotes_json},
                  {"claims", st_db_claims_json},     {"conflicts", st_db_conflicts_json},
                  {"cameo", st_db_cameo_events_json}, {"dups", st_db_dups_json}};
    for (size_t i = 0; i < sizeof panels / sizeof panels[0]; i++)
        if (!strcmp(name, panels[i].name))
            return panels[i].fn;
    return NULL;
}

/* /stories/{id} and /stories/{id}/{panel} */
static enum MHD_Result story(st_req *r, st_reader *rd, const char *rest)
{
    const char *slash = strchr(rest, '/');
    size_t n = slash ? (size_t)(slash - rest) : strlen(rest);
    int64_t id = st_srv_parse_id(rest, n);
    if (id <= 0)
        return st_srv_error(r, MHD_HTTP_BAD_REQUEST, "story id must be a positive number");
    enum MHD_Result res;
    if (bad_params(r, &res))
        return res;
    char *doc = NULL;
    int rc;
    if (!slash) {
        story_call c = {r, rd, id};
        char key[48];
        snprintf(key, sizeof key, "/stories/%lld", (long long)id);
        rc = cached(r, rd, key, make_story, &c, &doc);
        return answer(r, rc, doc, "story");
    }
    const char *panel = slash + 1;
    list_fn fn = panel_fn(panel);
    if (!fn)
        return st_srv_error(r, MHD_HTTP_NOT_FOUND, "no such story panel '%.40s'", panel);
    int exists = st_qs_story_exists(rd->db, id);
    if (exists <= 0)
        return st_srv_fail(r, exists == 0 ? ST_ENOTFOUND : exists, "story");
    st_query q = {.story = id, .limit = 200};
    rc = fn(rd->db, &q, &doc);
    return answer(r, rc, doc, panel);
}

static enum MHD_Result by_id(st_req *r, st_reader *rd, const char *rest, int entity)
{
    if (!*rest || strchr(rest, '/') || strlen(rest) > ST_SRV_MAX_TEXT)
        return st_srv_error(r, MHD_HTTP_NOT_FOUND, "no such resource");
    enum MHD_Result res;
    if (bad_params(r, &res))
        return res;
    char *doc = NULL;
    int rc;
    if (entity) {
        int64_t id = st_srv_parse_id(rest, strlen(rest));
        if (id <= 0)
            return st_srv_error(r, MHD_HTTP_BAD_REQUEST, "entity id must be a positive number");
        rc = st_qs_entity_json(rd->db, id, &doc);
        return answer(r, rc, doc, "entity");
    }
    rc = st_db_article_json(rd->db, rest, &doc);
    return answer(r, rc, doc, "article");
}

/* /export/{events|stories|articles}.{tsv|json|jsonl|csv}; tsv is the GDELT
 * event table. Without limit= the whole table is sent. */
static enum MHD_Result export_table(st_req *r, st_reader *rd, const char *name)
{
    static const char *const formats[][3] = {
        {".tsv", "gdelt", "text/tab-separated-values; charset=utf-8"},
        {".json", "json", "application/json; charset=utf-8"},
        {".jsonl", "jsonl", "application/x-ndjson; charset=utf-8"},
        {".csv", "csv", "text/csv; charset=utf-8"},
    };
    const char *dot = strrchr(name, '.');
    size_t fi = 0, nf = sizeof formats / sizeof formats[0];
    while (dot && fi < nf && strcmp(dot, formats[fi][0]))
        fi++;
    char what[16];
    if (!dot || fi == nf || (size_t)(dot - name) >= sizeof what)
        return st_srv_error(r, MHD_HTTP_NOT_FOUND, "no such export (events.tsv, "
                                                   "{events,stories,articles}.{json,jsonl,csv})");
    snprintf(what, sizeof what, "%.*s", (int)(dot - name), name);
    st_query q;
    char err[256];
    if (st_srv_query(r, "story lang since until limit offset", &q, err, sizeof err) != ST_OK)
        return st_srv_error(r, MHD_HTTP_BAD_REQUEST, "%s", err);
    if (!MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, "limit"))
        q.limit = 0;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return st_srv_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory");
    err[0] = '\0';
    int rc = st_export(rd->db, what, formats[fi][1], &q, f, err, sizeof err);
    fclose(f);
    if (rc != ST_OK) {
        free(buf);
        if (rc == ST_EUSAGE)
            return st_srv_error(r, MHD_HTTP_NOT_FOUND, "%s", *err ? err : "no such export");
        return st_srv_fail(r, rc, "export");
    }
    return st_srv_bytes(r, MHD_HTTP_OK, formats[fi][2], buf, len);
}

enum MHD_Result st_srv_api_get(st_req *r, const char *path)
{
    char err[256];
    st_reader *rd = st_srv_reader(r->srv, err, sizeof err);
    if (!rd)
        return st_srv_error(r, MHD_HTTP_SERVICE_UNAVAILABLE, "database: %s", err);
    if (!strcmp(path, "/stories"))
        return list(r, rd, "lang since until entity q limit offset", st_qs_stories_json,
                    "stories");
    if (!strncmp(path, "/stories/", 9))
        return story(r, rd, path + 9);
    if (!strcmp(path, "/articles"))
        return list(r, rd, "lang since until story limit offset", st_db_articles_json,
                    "articles");
    if (!strncmp(path, "/articles/", 10))
        return by_id(r, rd, path + 10, 0);
    if (!strncmp(path, "/entities/", 10))
        return by_id(r, rd, path + 10, 1);
    if (!strcmp(path, "/search"))
        return search(r, rd);
    if (!strcmp(path, "/dups"))
        return list(r, rd, "story limit offset", st_db_dups_json, "duplicates");
    if (!strncmp(path, "/export/", 8))
        return export_table(r, rd, path + 8);
    if (!strcmp(path, "/health"))
        return health(r, rd);
    if (!strcmp(path, "/version")) {
        char *doc = NULL;
        int rc = st_qs_version_json(rd->db, &doc);
        return answer(r, rc, doc, "version");
    }
    return st_srv_error(r, MHD_HTTP_NOT_FOUND, "no such endpoint '%.80s'", path);
}
