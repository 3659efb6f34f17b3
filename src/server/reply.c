/* reply.c — responses: JSON documents, JSON errors, files. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server/server.h"

enum MHD_Result st_srv_bytes(st_req *r, unsigned status, const char *type, char *data,
                             size_t len)
{
    struct MHD_Response *resp =
        MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
    if (!resp) {
        free(data);
        return MHD_NO;
    }
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    /* The API is live data; the page's files change when the binary does. */
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    enum MHD_Result res = MHD_queue_response(r->conn, status, resp);
    MHD_destroy_response(resp);
    return res;
}

enum MHD_Result st_srv_json(st_req *r, unsigned status, char *doc)
{
    if (!doc)
        return st_srv_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory");
    return st_srv_bytes(r, status, "application/json; charset=utf-8", doc, strlen(doc));
}

enum MHD_Result st_srv_error(st_req *r, unsigned status, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    st_buf b = {0};
    st_buf_puts(&b, "{\"error\":");
    st_buf_json_str(&b, msg);
    st_buf_printf(&b, ",\"status\":%u}", status);
    if (b.oom) {
        st_buf_free(&b);
        return MHD_NO;
    }
    return st_srv_json(r, status, st_buf_take(&b));
}

enum MHD_Result st_srv_fail(st_req *r, int code, const char *what)
{
    switch (code) {
    case ST_ENOTFOUND:
        return st_srv_error(r, MHD_HTTP_NOT_FOUND, "no such %s", what);
    case ST_EUSAGE:
    case ST_EINPUT:
        return st_srv_error(r, MHD_HTTP_BAD_REQUEST, "bad %s", what);
    case ST_ELIMIT:
        return st_srv_error(r, MHD_HTTP_CONTENT_TOO_LARGE, "%s over the limit", what);
    default:
        return st_srv_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "%s: %s", what,
                            st_strerror(code));
    }
}

enum MHD_Result st_srv_not_allowed(st_req *r, const char *allow)
{
    char msg[128];
    snprintf(msg, sizeof msg, "{\"error\":\"method %s not allowed here\",\"status\":405}",
             r->method);
    char *doc = strdup(msg);
    if (!doc)
        return MHD_NO;
    struct MHD_Response *resp =
        MHD_create_response_from_buffer(strlen(doc), doc, MHD_RESPMEM_MUST_FREE);
    if (!resp) {
        free(doc);
        return MHD_NO;
    }
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, "application/json; charset=utf-8");
    MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, allow);
    enum MHD_Result res = MHD_queue_response(r->conn, MHD_HTTP_METHOD_NOT_ALLOWED, resp);
    MHD_destroy_response(resp);
    return res;
}
