/* server.c — the daemon and the life cycle of a request.
 *
 * libmicrohttpd runs a pool of worker threads, each with its own poll loop.
 * A request's handler is called first with no body, then once per body
 * chunk, then once more to answer; the body is gathered in st_req up to the
 * limit, and anything over it is drained and answered with 413. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include "server/server.h"
#include "store/query_server.h"

#ifndef ST_DATA_DIR
#define ST_DATA_DIR "data"
#endif

static void reader_free(void *p)
{
    st_reader *rd = p;
    if (!rd)
        return;
    st_srv_cache_free(rd);
    st_db_close(rd->db);
    st_text_free(rd->text);
    free(rd);
}

st_reader *st_srv_reader(st_server *s, char *err, size_t errlen)
{
    st_reader *rd = pthread_getspecific(s->reader_key);
    if (rd)
        return rd;
    rd = calloc(1, sizeof *rd);
    if (!rd) {
        st_seterr(err, errlen, ST_ENOMEM, "out of memory");
        return NULL;
    }
    rd->srv = s;
    rd->seen_version = -1;
    if (st_db_open(s->db_path, &rd->db, err, errlen) != ST_OK || st_qs_readonly(rd->db) != ST_OK) {
        reader_free(rd);
        return NULL;
    }
    pthread_setspecific(s->reader_key, rd);
    return rd;
}

st_text *st_srv_text(st_server *s)
{
    st_reader *rd = st_srv_reader(s, NULL, 0);
    if (rd && !rd->text) {
        char err[256];
        if (st_text_new(s->data_dir, &rd->text, err, sizeof err) != ST_OK)
            fprintf(stderr, "storytrack serve: text resources: %s\n", err);
    }
    return rd ? rd->text : NULL;
}

static st_req *req_new(st_server *s, struct MHD_Connection *c, const char *method,
                       const char *url)
{
    st_req *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->srv = s;
    r->conn = c;
    r->method = method;
    r->url = url;
    const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
    if (cl)
        r->declared = (size_t)strtoull(cl, NULL, 10);
    return r;
}

static size_t body_limit(const st_server *s)
{
    return s->o.max_body ? s->o.max_body : ST_SERVER_MAX_BODY;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload, size_t *upload_size, void **con_cls)
{
    st_server *s = cls;
    st_req *r = *con_cls;
    if (!r) {
        if (!(r = req_new(s, c, method, url)))
            return MHD_NO;
        *con_cls = r;
        /* A declared body over the limit is refused before it is sent
         * (clients that wait for "100 Continue" send nothing at all). */
        if (r->declared > body_limit(s)) {
            r->answered = 1;
            return st_srv_error(r, MHD_HTTP_CONTENT_TOO_LARGE, "request body over %zu bytes",
                                body_limit(s));
        }
        return MHD_YES;
    }
    if (*upload_size) {
        if (!r->too_large && r->body.len + *upload_size > body_limit(s))
            r->too_large = 1;
        if (!r->too_large && st_buf_append(&r->body, upload, *upload_size) != ST_OK)
            r->too_large = 1;
        *upload_size = 0;
        return MHD_YES;
    }
    if (r->answered)
        return MHD_YES;
    r->answered = 1;
    if (r->too_large)
        return st_srv_error(r, MHD_HTTP_CONTENT_TOO_LARGE, "request body over %zu bytes",
                            body_limit(s));
    enum MHD_Result res = st_srv_route(r);
    if (s->o.log)
        fprintf(stderr, "%s %s\n", method, url);
    return res;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    st_req *r = *con_cls;
    if (!r)
        return;
    st_buf_free(&r->body);
    free(r);
    *con_cls = NULL;
}

static int copy_opts(st_server *s, const st_server_opts *o)
{
    s->o = *o;
    const char *web = o->web_dir;
    if (!web || !*web)
        web = getenv("STORYTRACK_WEB");
    if (!web || !*web)
        web = ST_DATA_DIR "/../web";
    s->db_path = st_strdup(o->db_path);
    s->bind = st_strdup(o->bind && *o->bind ? o->bind : "127.0.0.1");
    s->web_dir = st_strdup(web);
    s->data_dir = o->data_dir ? st_strdup(o->data_dir) : NULL;
    return s->db_path && s->bind && s->web_dir && (s->data_dir || !o->data_dir) ? ST_OK
                                                                               : ST_ENOMEM;
}

/* The writer: one connection and one pipeline for every POST. */
static int open_writer(st_server *s, char *err, size_t errlen)
{
    int rc = st_db_open(s->db_path, &s->wdb, err, errlen);
    if (rc == ST_OK) {
        st_config cfg;
        st_config_default(&cfg);
        rc = st_pipeline_new(s->wdb, &cfg, s->data_dir, &s->pipe, err, errlen);
    }
    return rc;
}

static int start_daemon(st_server *s, char *err, size_t errlen)
{
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)s->o.port);
    if (inet_pton(AF_INET, s->bind, &addr.sin_addr) != 1)
        return st_seterr(err, errlen, ST_EUSAGE, "bad bind address '%s' (want IPv4)", s->bind);
    unsigned threads = s->o.threads ? s->o.threads : 4;
    s->mhd = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG,
                              (uint16_t)s->o.port, NULL, NULL, on_request, s,
                              MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
                              MHD_OPTION_THREAD_POOL_SIZE, threads,
                              MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
                              MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
                              MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
                              MHD_OPTION_END);
    if (!s->mhd)
        return st_seterr(err, errlen, ST_EIO, "cannot listen on %s:%u", s->bind, s->o.port);
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->mhd, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info ? info->port : s->o.port;
    return ST_OK;
}

int st_server_start(const st_server_opts *o, st_server **out, char *err, size_t errlen)
{
    *out = NULL;
    if (!o || !o->db_path)
        return st_seterr(err, errlen, ST_EUSAGE, "no database given");
    st_server *s = calloc(1, sizeof *s);
    if (!s)
        return st_seterr(err, errlen, ST_ENOMEM, "out of memory");
    pthread_mutex_init(&s->write_lock, NULL);
    int rc = copy_opts(s, o);
    if (rc != ST_OK)
        st_seterr(err, errlen, rc, "out of memory");
    if (rc == ST_OK)
        rc = open_writer(s, err, errlen);
    if (rc == ST_OK) {
        if (pthread_key_create(&s->reader_key, reader_free) != 0)
            rc = st_seterr(err, errlen, ST_EINTERNAL, "pthread_key_create failed");
        else
            s->key_made = 1;
    }
    if (rc == ST_OK)
        rc = start_daemon(s, err, errlen);
    if (rc != ST_OK) {
        st_server_stop(s);
        return rc;
    }
    *out = s;
    return ST_OK;
}

unsigned st_server_port(const st_server *s) { return s ? s->port : 0; }

void st_server_stop(st_server *s)
{
    if (!s)
        return;
    /* Joins the workers: their readers are freed by the key's destructor. */
    if (s->mhd)
        MHD_stop_daemon(s->mhd);
    if (s->key_made) {
        reader_free(pthread_getspecific(s->reader_key));
        pthread_key_delete(s->reader_key);
    }
    st_pipeline_free(s->pipe);
    st_db_close(s->wdb);
    pthread_mutex_destroy(&s->write_lock);
    free(s->db_path);
    free(s->bind);
    free(s->web_dir);
    free(s->data_dir);
    free(s);
}
