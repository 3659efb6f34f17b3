/* post.c — POST /api/articles: one news-please JSON object, a JSON array of
 * them, or JSON Lines. The body is checked whole first, so a malformed
 * upload is refused (400) before any of it is stored; then the records go
 * through the ingest reader and the single writer pipeline, under its lock. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server/server.h"
#include "store/query_server.h"

#define MAX_REPORTED 100

typedef struct post_run {
    st_server *s;
    json_t *dups, *errors;
    size_t stored, duplicates, rejected;
    int fatal;
} post_run;

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

/* ST_OK when the body is one JSON object, an array of objects, or lines
 * that are each an object; else ST_EINPUT with the first problem. */
static int check_body(const char *s, size_t n, char *err, size_t errlen)
{
    if (is_blank(s, n))
        return st_seterr(err, errlen, ST_EINPUT, "empty body: send a JSON object or JSON Lines");
    json_error_t je;
    json_t *doc = json_loadb(s, n, 0, &je);
    if (doc) {
        int ok = json_is_object(doc);
        size_t i;
        json_t *v;
        if (json_is_array(doc)) {
            ok = json_array_size(doc) > 0;
            json_array_foreach(doc, i, v) ok = ok && json_is_object(v);
        }
        json_decref(doc);
        return ok ? ST_OK
                  : st_seterr(err, errlen, ST_EINPUT, "expected a JSON object or an array of objects");
    }
    size_t line = 0, good = 0;
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - s) : n;
        line++;
        if (!is_blank(s + i, e - i)) {
            json_t *o = json_loadb(s + i, e - i, 0, &je);
            int obj = json_is_object(o);
            json_decref(o);
            if (!obj)
                return st_seterr(err, errlen, ST_EINPUT, "line %zu: %s", line,
                                 o ? "not a JSON object" : je.text);
            good++;
        }
        i = e + 1;
    }
    return good ? ST_OK : st_seterr(err, errlen, ST_EINPUT, "no JSON object found");
}

static void report(post_run *pr, const char *where, const char *msg)
{
    pr->rejected++;
    if (json_array_size(pr->errors) < MAX_REPORTED)
        json_array_append_new(pr->errors, json_pack("{s:s?, s:s}", "where", where, "error", msg));
}

static void on_diag(const char *where, int severity, const char *msg, void *ud)
{
    if (severity != ST_OK)
        report(ud, where, msg);
}

static int on_article(st_article *a, void *ud)
{
    post_run *pr = ud;
    st_server *s = pr->s;
    char err[256] = "";
    char *ext = st_strdup(a->ext_id), *url = st_strdup(a->url), *where = st_strdup(a->origin);
    int rc = st_pipeline_add(s->pipe, a, err, sizeof err);
    if (rc == ST_OK) {
        pr->stored++;
    } else if (rc == ST_EDUP) {
        pr->duplicates++;
        int64_t id = st_qs_find_article(s->wdb, ext, url);
        if (json_array_size(pr->dups) < MAX_REPORTED)
            json_array_append_new(pr->dups, json_pack("{s:s?, s:o}", "ext_id", ext, "id",
                                                      id > 0 ? json_integer(id) : json_null()));
        rc = ST_OK;
    } else if (rc == ST_EINPUT) {
        report(pr, where, err);
        rc = ST_OK;
    } else {
        pr->fatal = rc;
        report(pr, where, err);
    }
    free(ext);
    free(url);
    free(where);
    return rc;
}

/* Runs the records through the writer; fills the run and *stored_doc. */
static void ingest_locked(st_server *s, const st_buf *body, post_run *pr, char **stored_doc)
{
    pthread_mutex_lock(&s->write_lock);
    int64_t before = 0;
    char name[64];
    /* The upload's name becomes the id of records without "id" or "url":
     * time and a counter keep those distinct across uploads and restarts. */
    snprintf(name, sizeof name, "post-%lld-%lu.json", (long long)time(NULL), ++s->posts);
    if (st_qs_max_article_id(s->wdb, &before) != ST_OK) {
        pr->fatal = ST_EDB;
    } else {
        st_ingest_opts io = {.format = ST_FORMAT_JSONL, .on_diag = on_diag, .ud = pr};
        st_ingest_buffer(name, body->s, body->len, &io, on_article, pr, NULL);
        int rc = st_pipeline_flush(s->pipe);
        if (rc != ST_OK && !pr->fatal)
            pr->fatal = rc;
        if (st_qs_articles_after_json(s->wdb, before, stored_doc) != ST_OK)
            *stored_doc = NULL;
    }
    pthread_mutex_unlock(&s->write_lock);
}

static enum MHD_Result respond(st_req *r, post_run *pr, char *stored_doc)
{
    json_t *arts = stored_doc ? json_loads(stored_doc, 0, NULL) : json_array();
    free(stored_doc);
    json_t *root = json_pack("{s:I, s:I, s:I, s:o, s:O, s:O}", "stored", (json_int_t)pr->stored,
                             "duplicates", (json_int_t)pr->duplicates, "rejected",
                             (json_int_t)pr->rejected, "articles", arts ? arts : json_array(),
                             "duplicate_of", pr->dups, "errors", pr->errors);
    unsigned status = pr->stored ? MHD_HTTP_CREATED : MHD_HTTP_OK;
    if (root && pr->fatal) {
        status = MHD_HTTP_INTERNAL_SERVER_ERROR;
        json_object_set_new(root, "error", json_string(st_strerror(pr->fatal)));
    } else if (root && !pr->stored && !pr->duplicates) {
        status = MHD_HTTP_BAD_REQUEST;
        json_object_set_new(root, "error", json_string("no article accepted"));
    }
    char *doc = root ? json_dumps(root, JSON_COMPACT) : NULL;
    json_decref(root);
    return st_srv_json(r, status, doc);
}

enum MHD_Result st_srv_post_articles(st_req *r)
{
    char err[256];
    st_query q;
    if (st_srv_query(r, "", &q, err, sizeof err) != ST_OK)
        return st_srv_error(r, MHD_HTTP_BAD_REQUEST, "%s", err);
    if (check_body(r->body.s ? r->body.s : "", r->body.len, err, sizeof err) != ST_OK)
        return st_srv_error(r, MHD_HTTP_BAD_REQUEST, "malformed JSON: %s", err);
    post_run pr = {.s = r->srv, .dups = json_array(), .errors = json_array()};
    char *stored_doc = NULL;
    if (pr.dups && pr.errors)
        ingest_locked(r->srv, &r->body, &pr, &stored_doc);
    else
        pr.fatal = ST_ENOMEM;
    enum MHD_Result res = respond(r, &pr, stored_doc);
    json_decref(pr.dups);
    json_decref(pr.errors);
    return res;
}

void st_srv_link_backlog(st_server *s)
{
    size_t n = 0;
    char err[256];
    pthread_mutex_lock(&s->write_lock);
    if (st_pipeline_link(s->pipe, (size_t)-1, &n, err, sizeof err) != ST_OK)
        fprintf(stderr, "storytrack serve: linking: %s\n", err);
    pthread_mutex_unlock(&s->write_lock);
}
