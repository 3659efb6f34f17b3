/* stream.h — articles through a message stream to workers in a consumer
 * group. Private to the library (and its CLI, tests and benches).
 *
 * Flow: a publisher (st_stream_publish_path) parses files and appends one
 * entry per article, field "article" = the news-please JSON object. Workers
 * (st_worker_run) read entries as consumers of one group, run each article
 * through the pipeline into their store, commit, and only then acknowledge
 * the entries: an entry is acknowledged after its article is durable, so a
 * crash between commit and ack re-delivers an entry whose article the
 * pipeline recognises as already stored (by URL, external id or content).
 *
 * The transport is a small vtable (st_stream_ops) so that Kafka (librdkafka)
 * can sit beside Redis Streams (hiredis) where a broker exists. */
#ifndef ST_STREAM_H
#define ST_STREAM_H

#include <signal.h>
#include <stddef.h>

#include "storytrack.h"

/* ---------------------------------------------------------------- entries */

/* One delivered entry. `article` is NULL when the entry has no "article"
 * field, and `deleted` is set when the entry was removed from the stream
 * while still pending (only its id is left): both are malformed entries. */
typedef struct st_stream_entry {
    char *id;      /* the transport's id, e.g. "1712345678901-0" */
    char *article; /* the JSON text, NUL-terminated, or NULL */
    size_t len;    /* bytes of article */
    int deleted;
} st_stream_entry;

/* A growable list of entries; zero-initialise ({0}) to start. */
typedef struct st_stream_entries {
    st_stream_entry *v;
    size_t n, cap;
} st_stream_entries;

/* Appends a copy of id and article[0..len) (article may be NULL). */
int st_stream_entries_push(st_stream_entries *e, const char *id, const char *article,
                           size_t len, int deleted);
/* Frees the entries' contents and empties the list; keeps the array. */
void st_stream_entries_clear(st_stream_entries *e);
/* Frees everything. */
void st_stream_entries_free(st_stream_entries *e);

/* ---------------------------------------------------------------- address */

/* scheme://[:password@]host[:port]/name, e.g. redis://127.0.0.1:6379/articles */
typedef struct st_stream_url {
    char scheme[16];
    char host[256];
    unsigned port;      /* 0 when not given: the transport's default */
    char name[256];     /* the stream (Redis key, Kafka topic) */
    char password[128]; /* "" when none */
} st_stream_url;

/* Returns ST_OK or ST_EUSAGE with the reason in err. */
int st_stream_url_parse(const char *url, st_stream_url *out, char *err, size_t errlen);

/* ---------------------------------------------------------------- transport */

typedef struct st_stream st_stream;

/* What a transport provides. Every call returns ST_OK or a negative ST_E*
 * code (ST_EIO when the broker cannot be reached or answers an error) with
 * the reason in err. Entries are appended to `out`, which the caller clears. */
typedef struct st_stream_ops {
    const char *scheme;
    int (*connect)(st_stream *s, char *err, size_t errlen);
    /* Appends n entries (articles[i] of lens[i] bytes), in order. */
    int (*publish)(st_stream *s, const char *const *articles, const size_t *lens, size_t n,
                   char *err, size_t errlen);
    /* Creates the group (reading from the stream's start) unless it exists. */
    int (*create_group)(st_stream *s, const char *group, char *err, size_t errlen);
    /* Up to count entries for this consumer: new ones (waiting up to
     * block_ms when there are none), or with `own_pending` those already
     * delivered to this consumer name and not yet acknowledged (a restart). */
    int (*read_group)(st_stream *s, const char *group, const char *consumer, int own_pending,
                      size_t count, int block_ms, st_stream_entries *out, char *err,
                      size_t errlen);
    int (*ack)(st_stream *s, const char *group, const st_stream_entries *e, char *err,
               size_t errlen);
    /* Moves to this consumer up to count entries that other consumers were
     * delivered and left unacknowledged for min_idle_ms or more. */
    int (*claim_stale)(st_stream *s, const char *group, const char *consumer, long min_idle_ms,
                       size_t count, st_stream_entries *out, char *err, size_t errlen);
    /* Entries of the group delivered and not yet acknowledged, by anyone. */
    int (*pending)(st_stream *s, const char *group, size_t *n, char *err, size_t errlen);
    void (*close)(st_stream *s);
} st_stream_ops;

struct st_stream {
    const st_stream_ops *ops;
    st_stream_url url;
    void *impl; /* the transport's connection */
};

/* The Redis Streams transport (redis.c). */
extern const st_stream_ops st_stream_redis_ops;

/* Connects to the stream at `url` with the transport its scheme names.
 * Free with st_stream_close(). */
int st_stream_open(const char *url, st_stream **out, char *err, size_t errlen);
/* Accepts NULL. */
void st_stream_close(st_stream *s);

/* ---------------------------------------------------------------- publish */

/* The news-please JSON object of an article (title, maintext, url,
 * source_domain, language, date_publish, authors, id, and the fields of
 * `extra`), which st_ingest_buffer with ST_FORMAT_JSONL reads back into the
 * same article. Caller frees with free(); NULL on out of memory. */
char *st_article_to_json(const st_article *a);

/* st_stream_publish_path and the worker (st_worker_opts, st_worker_run) are
 * public: include/storytrack.h. */

#endif
