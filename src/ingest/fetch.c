/* fetch.c — see fetch.h. One easy handle per fetch, so threads share nothing
 * but libcurl's global state, which is set up once. */
#include <curl/curl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/fetch.h"
#include "util/util.h"

#define MAX_REDIRECTS 5L
#define CONNECT_TIMEOUT_S 10L

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static CURLcode curl_init_rc = CURLE_FAILED_INIT;

/* curl_global_init is not thread-safe; ingest may run on several threads. */
static void curl_init(void) { curl_init_rc = curl_global_init(CURL_GLOBAL_DEFAULT); }

int st_fetch_is_url(const char *s)
{
    return s && (strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0);
}

typedef struct sink {
    st_buf body;
    size_t max;
    int over;        /* the body passed max */
    int oom;         /* a header could not be kept */
    int conditional; /* the request sent a validator */
    struct curl_slist *conditions; /* its If-* headers; freed after the transfer */
    char *validators[2]; /* as VALIDATORS names them, from the latest answer */
} sink;

/* The response headers kept, and the request headers that send each back. */
static const char *const VALIDATORS[2] = {"ETag", "Last-Modified"};
static const char *const CONDITIONS[2] = {"If-None-Match", "If-Modified-Since"};

static size_t on_data(char *p, size_t size, size_t n, void *ud)
{
    sink *k = ud;
    size_t bytes = size * n;
    if (bytes > k->max - k->body.len) {
        k->over = 1;
        return 0; /* any short count aborts the transfer */
    }
    return st_buf_append(&k->body, p, bytes) == ST_OK ? bytes : 0;
}

static void drop_validators(sink *k)
{
    for (int i = 0; i < 2; i++) {
        free(k->validators[i]);
        k->validators[i] = NULL;
    }
}

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* A value is sent back as one header line: control bytes would break it. */
static int one_line(const char *v, const char *end)
{
    for (; v < end; v++)
        if ((unsigned char)*v < 0x20 || *v == 0x7f)
            return 0;
    return 1;
}

/* Keeps the value of a "Name: value" line when Name (in any case) is one of
 * VALIDATORS, without the white space and CRLF around it; an empty value or
 * one that is not a single line forgets the header. ST_OK or ST_ENOMEM. */
static int keep_header(sink *k, const char *line, size_t n)
{
    for (int i = 0; i < 2; i++) {
        size_t name = strlen(VALIDATORS[i]);
        if (n <= name || line[name] != ':' || strncasecmp(line, VALIDATORS[i], name) != 0)
            continue;
        const char *v = line + name + 1, *end = line + n;
        while (v < end && is_blank(*v))
            v++;
        while (end > v && is_blank(end[-1]))
            end--;
        free(k->validators[i]);
        k->validators[i] = NULL;
        if (v == end || !one_line(v, end))
            return ST_OK;
        return (k->validators[i] = st_strndup(v, (size_t)(end - v))) ? ST_OK : ST_ENOMEM;
    }
    return ST_OK;
}

static size_t on_header(char *p, size_t size, size_t n, void *ud)
{
    sink *k = ud;
    size_t bytes = size * n;
    /* A status line starts another answer (after a redirect or a 100
     * Continue): only the last one's validators name the body. */
    if (bytes >= 5 && memcmp(p, "HTTP/", 5) == 0) {
        drop_validators(k);
    } else if (keep_header(k, p, bytes) != ST_OK) {
        k->oom = 1;
        return 0; /* aborts the transfer */
    }
    return bytes;
}

/* The If-* headers of cond's validators (an empty one is none), sent to the
 * page a redirect leads to as well: the validators are the final page's. */
static int add_conditions(CURL *c, const st_fetch_cond *cond, sink *k)
{
    const char *v[2] = {cond ? cond->etag : NULL, cond ? cond->last_modified : NULL};
    for (int i = 0; i < 2; i++) {
        if (!v[i] || !*v[i])
            continue;
        st_buf line = {0};
        st_buf_printf(&line, "%s: %s", CONDITIONS[i], v[i]);
        /* on failure the list is left as it was, and still freed */
        struct curl_slist *l = line.oom ? NULL : curl_slist_append(k->conditions, line.s);
        st_buf_free(&line);
        if (!l)
            return ST_ENOMEM;
        k->conditions = l;
        k->conditional = 1;
    }
    if (!k->conditional)
        return ST_OK;
    return curl_easy_setopt(c, CURLOPT_HTTPHEADER, k->conditions) == CURLE_OK ? ST_OK
                                                                              : ST_EINTERNAL;
}

static int setup(CURL *c, const char *url, const st_fetch_cond *cond, sink *k, long timeout_s,
                 char *curl_err)
{
    int ok = 1;
    ok &= curl_easy_setopt(c, CURLOPT_URL, url) == CURLE_OK;
    /* A feed's link or a redirect must not reach file://, ftp:// or the like. */
    ok &= curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https") == CURLE_OK;
    ok &= curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https") == CURLE_OK;
    ok &= curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L) == CURLE_OK;
    ok &= curl_easy_setopt(c, CURLOPT_MAXREDIRS, MAX_REDIRECTS) == CURLE_OK;
    ok &= curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, CONNECT_TIMEOUT_S) == CURLE_OK;
    ok &= curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout_s) == CURLE_OK;
    /* Timeouts by signal are not safe with other threads running. */
    ok &= curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L) == CURLE_OK;
    ok &= curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "") == CURLE_OK;
    ok &= curl_easy_setopt(c, CURLOPT_USERAGENT, "storytrack/" ST_VERSION) == CURLE_OK;
    /* Stops at the status line of an error page instead of reading it. */
    ok &= curl_easy_setopt(c, CURLOPT_FAILONERROR, 1L) == CURLE_OK;
    /* Refuses early when Content-Length already says too much; on_data
     * catches the rest (no length, or a body that decompresses past max). */
    ok &= curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)k->max) == CURLE_OK;
    ok &= curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data) == CURLE_OK;
    ok &= curl_easy_setopt(c, CURLOPT_WRITEDATA, k) == CURLE_OK;
    ok &= curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header) == CURLE_OK;
    ok &= curl_easy_setopt(c, CURLOPT_HEADERDATA, k) == CURLE_OK;
    ok &= curl_easy_setopt(c, CURLOPT_ERRORBUFFER, curl_err) == CURLE_OK;
    return ok ? add_conditions(c, cond, k) : ST_EINTERNAL;
}

/* The outcome of a finished transfer as a code and a reason. */
static int outcome(CURL *c, CURLcode cc, const sink *k, const char *curl_err, char *err,
                   size_t errlen)
{
    long status = 0;
    if (k->body.oom || k->oom || cc == CURLE_OUT_OF_MEMORY)
        return st_seterr(err, errlen, ST_ENOMEM, "out of memory");
    if (k->over || cc == CURLE_FILESIZE_EXCEEDED)
        return st_seterr(err, errlen, ST_ELIMIT, "response exceeds limit %zu bytes", k->max);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    /* FAILONERROR lets some statuses through (401 and 407 with credentials). */
    if ((cc == CURLE_HTTP_RETURNED_ERROR || cc == CURLE_OK) && status >= 400)
        return st_seterr(err, errlen, ST_EINPUT, "HTTP %ld", status);
    if (cc != CURLE_OK)
        return st_seterr(err, errlen, ST_EINPUT, "%s",
                         *curl_err ? curl_err : curl_easy_strerror(cc));
    /* Not modified since what? Without a validator there is no answer here. */
    if (status == 304)
        return k->conditional ? ST_FETCH_NOT_MODIFIED
                              : st_seterr(err, errlen, ST_EINPUT, "HTTP 304 Not Modified to "
                                                                  "a request that sent no validator");
    return ST_OK;
}

/* Copies the effective URL and Content-Type, hands over the body and the
 * validators. */
static int take_result(CURL *c, sink *k, st_fetched *out)
{
    char *url = NULL, *type = NULL;
    curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &url);
    curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &type);
    out->len = k->body.len;
    out->body = st_buf_take(&k->body);
    /* A fragment names a place in the page, not another page. */
    out->url = url ? st_strndup(url, strcspn(url, "#")) : NULL;
    out->content_type = type ? st_strdup(type) : NULL;
    out->etag = k->validators[0];
    out->last_modified = k->validators[1];
    k->validators[0] = k->validators[1] = NULL;
    if (!out->body || !out->url || (type && !out->content_type)) {
        st_fetched_free(out);
        return ST_ENOMEM;
    }
    return ST_OK;
}

int st_fetch_conditional(const char *url, const st_fetch_cond *cond, size_t max,
                         long timeout_s, st_fetched *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    pthread_once(&curl_once, curl_init);
    if (curl_init_rc != CURLE_OK)
        return st_seterr(err, errlen, ST_EINTERNAL, "libcurl failed to start: %s",
                         curl_easy_strerror(curl_init_rc));
    CURL *c = curl_easy_init();
    if (!c)
        return st_seterr(err, errlen, ST_ENOMEM, "out of memory");
    sink k = {.max = max};
    char curl_err[CURL_ERROR_SIZE] = "";
    int rc = setup(c, url, cond, &k, timeout_s, curl_err);
    if (rc != ST_OK)
        st_seterr(err, errlen, rc, "%s", rc == ST_ENOMEM ? "out of memory"
                                         : "libcurl refused an option (built without http?)");
    else
        rc = outcome(c, curl_easy_perform(c), &k, curl_err, err, errlen);
    if (rc == ST_OK && (rc = take_result(c, &k, out)) != ST_OK)
        st_seterr(err, errlen, rc, "out of memory");
    st_buf_free(&k.body);
    drop_validators(&k);
    curl_slist_free_all(k.conditions);
    curl_easy_cleanup(c);
    return rc;
}

int st_fetch(const char *url, size_t max, long timeout_s, st_fetched *out, char *err,
             size_t errlen)
{
    return st_fetch_conditional(url, NULL, max, timeout_s, out, err, errlen);
}

void st_fetched_free(st_fetched *f)
{
    free(f->body);
    free(f->url);
    free(f->content_type);
    free(f->etag);
    free(f->last_modified);
    memset(f, 0, sizeof *f);
}
