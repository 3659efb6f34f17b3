/* fetch.h — an http(s) URL into memory with libcurl: the ingest readers'
 * network input (URLs given as paths, pages of feed items with --follow).
 * Private to src/ingest. */
#ifndef ST_INGEST_FETCH_H
#define ST_INGEST_FETCH_H

#include <stddef.h>

/* Whole-transfer limit of one fetch; a stalled server costs at most this. */
#define ST_FETCH_TIMEOUT_S 60L

typedef struct st_fetched {
    char *body;         /* NUL-terminated (the body may hold NULs of its own) */
    size_t len;
    char *url;          /* the effective URL, after redirects, without fragment */
    char *content_type; /* as the server sent it; NULL when it sent none */
    /* The validators of the final answer (not of a redirect on the way), to
     * send back on a conditional GET; NULL when the server sent none. */
    char *etag;
    char *last_modified;
} st_fetched;

/* A conditional GET's validators, as a previous answer gave them (borrowed;
 * either may be NULL): sent as If-None-Match and If-Modified-Since. */
typedef struct st_fetch_cond {
    const char *etag;
    const char *last_modified;
} st_fetch_cond;

/* Positive, so no caller takes it for a failure or for a body: the server
 * answered 304 Not Modified to a conditional GET. */
#define ST_FETCH_NOT_MODIFIED 1

/* 1 when s starts with "http://" or "https://", ignoring case. */
int st_fetch_is_url(const char *s);

/* GETs url: http and https only (also for redirects, at most 5), body
 * decoded from gzip/deflate, at most `max` bytes of it, within timeout_s
 * seconds. Fills *out (free with st_fetched_free) and returns ST_OK; else
 * ST_EINPUT (bad URL, network failure, HTTP status >= 400), ST_ELIMIT (body
 * over max: the transfer is aborted, never truncated) or ST_ENOMEM, with a
 * reason in err ("HTTP 404", "response exceeds limit N bytes", curl's own
 * text for the rest). Thread-safe. */
int st_fetch(const char *url, size_t max, long timeout_s, st_fetched *out, char *err,
             size_t errlen);

/* st_fetch, sending the validators of `cond` (may be NULL: then st_fetch).
 * Returns ST_FETCH_NOT_MODIFIED, with *out zeroed, when the server answers
 * 304 to a request that sent a validator; a 304 to one that sent none is a
 * server bug, ST_EINPUT ("HTTP 304 ..."), as with st_fetch. */
int st_fetch_conditional(const char *url, const st_fetch_cond *cond, size_t max,
                         long timeout_s, st_fetched *out, char *err, size_t errlen);

/* Frees what *f holds and zeroes it; f may be zeroed already. */
void st_fetched_free(st_fetched *f);

#endif
