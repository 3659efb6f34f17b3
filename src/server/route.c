/* route.c — which handler answers: the API under /api/, files elsewhere. */
#include <string.h>

#include "server/server.h"

static int is(const char *a, const char *b) { return strcmp(a, b) == 0; }

enum MHD_Result st_srv_route(st_req *r)
{
    const char *url = r->url, *m = r->method;
    if (strlen(url) > ST_SRV_MAX_URL)
        return st_srv_error(r, MHD_HTTP_URI_TOO_LONG, "URL over %d bytes", ST_SRV_MAX_URL);
    int get = is(m, MHD_HTTP_METHOD_GET) || is(m, MHD_HTTP_METHOD_HEAD);
    if (is(url, "/api") || !strncmp(url, "/api/", 5)) {
        const char *path = url + 4;
        if (is(path, "/articles")) {
            if (is(m, MHD_HTTP_METHOD_POST))
                return st_srv_post_articles(r);
            if (!get)
                return st_srv_not_allowed(r, "GET, HEAD, POST");
        } else if (!get) {
            return st_srv_not_allowed(r, "GET, HEAD");
        }
        return st_srv_api_get(r, path);
    }
    if (!get)
        return st_srv_not_allowed(r, "GET, HEAD");
    return st_srv_file(r, url);
}
