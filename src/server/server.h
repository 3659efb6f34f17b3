/* server.h — the HTTP server's private pieces, shared by its files:
 *   server.c   daemon, request life cycle (body upload), per-thread readers
 *   route.c    which handler answers a method and path
 *   params.c   query-string parsing and validation
 *   reply.c    JSON, error and file responses
 *   api.c      the read endpoints
 *   story.c    the story document (summary, timeline, event summaries)
 *   post.c     POST /api/articles through the single writer
 *   files.c    the static web page
 *   cache.c    per-worker answers, valid until the database changes
 */
#ifndef ST_SERVER_H
#define ST_SERVER_H

#include <microhttpd.h>
#include <pthread.h>
#include <stdint.h>

#include "storytrack.h"
#include "text/text.h"
#include "util/util.h"

/* Longest URL (path + query) and longest text parameter accepted. */
#define ST_SRV_MAX_URL 4096
#define ST_SRV_MAX_TEXT 512
/* Page size: default and ceiling. */
#define ST_SRV_PAGE 50
#define ST_SRV_MAX_PAGE 500

struct st_server {
    st_server_opts o;
    char *db_path, *bind, *web_dir, *data_dir; /* owned copies of the options */
    struct MHD_Daemon *mhd;
    unsigned port;
    pthread_key_t reader_key; /* per worker thread: struct st_reader */
    int key_made;
    /* The one writer: POSTs take turns on it. */
    pthread_mutex_t write_lock;
    st_db *wdb;
    st_pipeline *pipe;
    unsigned long posts;      /* names uploads so id-less records stay distinct */
};

/* Answers a worker keeps while the database has not changed. */
#define ST_SRV_CACHE 16
typedef struct st_cached {
    char *key, *doc;
    int64_t version;
} st_cached;

/* A worker thread's own read-only connection and text resources, made on
 * its first request and freed when the thread ends. */
typedef struct st_reader {
    st_server *srv;
    st_db *db;
    int64_t seen_version; /* data version when unlinked articles were last looked for */
    st_text *text; /* NULL until a summary needs it */
    st_cached cache[ST_SRV_CACHE];
    size_t next;   /* the slot to replace next (round robin) */
} st_reader;

/* One request in flight. */
typedef struct st_req {
    st_server *srv;
    struct MHD_Connection *conn;
    const char *method, *url;
    st_buf body;
    size_t declared;   /* Content-Length, 0 when absent */
    int too_large;     /* body went over the limit: discarded, answered 413 */
    int answered;      /* a response was queued early */
} st_req;

/* server.c */
st_reader *st_srv_reader(st_server *s, char *err, size_t errlen);
st_text *st_srv_text(st_server *s);

/* post.c: when another process stored articles into the server's store
 * while the server's writer holds the linker lock, clusters them now. */
void st_srv_link_backlog(st_server *s);

/* route.c: answers one complete request. */
enum MHD_Result st_srv_route(st_req *r);

/* reply.c: each queues a response and returns MHD's result. `doc` is
 * malloc'd and taken over. */
enum MHD_Result st_srv_json(st_req *r, unsigned status, char *doc);
enum MHD_Result st_srv_error(st_req *r, unsigned status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Maps a library code to a status and a message. */
enum MHD_Result st_srv_fail(st_req *r, int code, const char *what);
enum MHD_Result st_srv_not_allowed(st_req *r, const char *allow);
enum MHD_Result st_srv_bytes(st_req *r, unsigned status, const char *type, char *data,
                             size_t len);

/* params.c: parses the query string into q against the names in `allowed`
 * (space separated: lang since until story limit offset q entity). Unknown
 * names and bad values fill err and return ST_EUSAGE. Strings in q borrow
 * the connection's values. */
int st_srv_query(st_req *r, const char *allowed, st_query *q, char *err, size_t errlen);
/* A positive decimal id from a path segment; 0 when it is not one. */
int64_t st_srv_parse_id(const char *s, size_t n);

/* cache.c: the expensive documents (story list, story page) per worker,
 * keyed by path and query string, dropped when another connection commits.
 * st_srv_cache_get sets *version to the database's version now (read it
 * before computing, so that a commit during the query is never hidden) and
 * returns a malloc'd copy or NULL; st_srv_cache_put stores a copy made at
 * that version. */
char *st_srv_cache_key(st_req *r, const char *path);
char *st_srv_cache_get(st_reader *rd, const char *key, int64_t *version);
void st_srv_cache_put(st_reader *rd, const char *key, const char *doc, int64_t version);
void st_srv_cache_free(st_reader *rd);

/* api.c */
enum MHD_Result st_srv_api_get(st_req *r, const char *path);
/* story.c: the full story document into *out. */
int st_srv_story_doc(st_server *s, st_reader *rd, int64_t id, char **out);
/* post.c */
enum MHD_Result st_srv_post_articles(st_req *r);
/* files.c */
enum MHD_Result st_srv_file(st_req *r, const char *path);

#endif
