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
    int over; /* the body passed max */
} sink;

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

static int setup(CURL *c, const char *url, sink *k, long timeout_s, char *curl_err)
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
    ok &= curl_easy_setopt(c, CURLOPT_ERRORBUFFER, curl_err) == CURLE_OK;
    return ok ? ST_OK : ST_EINTERNAL;
}

/* The outcome of a finished transfer as a code and a reason. */
static int outcome(CURL *c, CURLcode cc, const sink *k, const char *curl_err, char *err,
                   size_t errlen)
{
    long status = 0;
    if (k->body.oom || cc == CURLE_OUT_OF_MEMORY)
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
    return ST_OK;
}

/* Copies the effective URL and Content-Type and hands over the body. */
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
    if (!out->body || !out->url || (type && !out->content_type)) {
        st_fetched_free(out);
        return ST_ENOMEM;
    }
    return ST_OK;
}

int st_fetch(const char *url, size_t max, long timeout_s, st_fetched *out, char *err,
             size_t errlen)
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
    int rc = setup(c, url, &k, timeout_s, curl_err);
    if (rc != ST_OK)
        st_seterr(err, errlen, rc, "libcurl refused an option (built without http?)");
    else
        rc = outcome(c, curl_easy_perform(c), &k, curl_err, err, errlen);
    if (rc == ST_OK && (rc = take_result(c, &k, out)) != ST_OK)
        st_seterr(err, errlen, rc, "out of memory");
    st_buf_free(&k.body);
    curl_easy_cleanup(c);
    return rc;
}

void st_fetched_free(st_fetched *f)
{
    free(f->body);
    free(f->url);
    free(f->content_type);
    memset(f, 0, sizeof *f);
}
