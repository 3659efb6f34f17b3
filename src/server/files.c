/* files.c — the static web page from web_dir. Only plain names of known
 * types are served, so no request can leave the folder. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "server/server.h"

#define MAX_FILE (4u * 1024u * 1024u)

static const char *type_of(const char *path)
{
    static const char *const types[][2] = {
        {".html", "text/html; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".json", "application/json; charset=utf-8"},
        {".txt", "text/plain; charset=utf-8"},
    };
    const char *dot = strrchr(path, '.');
    for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
        if (!strcmp(dot, types[i][0]))
            return types[i][1];
    return NULL;
}

/* Letters, digits, '-', '_', '/', and dots only inside names: no "..", no
 * hidden files, no empty segments. */
static int safe_path(const char *p)
{
    if (p[0] != '/' || strstr(p, "//") || strstr(p, "/."))
        return 0;
    for (const char *c = p; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
              *c == '-' || *c == '_' || *c == '/' || *c == '.'))
            return 0;
    return 1;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    struct stat st;
    if (!f)
        return NULL;
    char *s = NULL;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size <= MAX_FILE) {
        s = malloc((size_t)st.st_size + 1);
        if (s && fread(s, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
            free(s);
            s = NULL;
        }
        if (s)
            *len = (size_t)st.st_size;
    }
    fclose(f);
    return s;
}

enum MHD_Result st_srv_file(st_req *r, const char *url)
{
    /* The page is one document: "/" and the in-page routes all get it. */
    if (!strcmp(url, "/") || !strncmp(url, "/story/", 7) || !strncmp(url, "/entity/", 8) ||
        !strcmp(url, "/search"))
        url = "/index.html";
    const char *type = type_of(url);
    if (!safe_path(url) || !type)
        return st_srv_error(r, MHD_HTTP_NOT_FOUND, "no such page");
    st_buf path = {0};
    st_buf_printf(&path, "%s%s", r->srv->web_dir, url);
    size_t len = 0;
    char *data = path.oom ? NULL : read_all(st_buf_cstr(&path), &len);
    st_buf_free(&path);
    if (!data)
        return st_srv_error(r, MHD_HTTP_NOT_FOUND, "no such page");
    return st_srv_bytes(r, MHD_HTTP_OK, type, data, len);
}
