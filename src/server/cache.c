/* cache.c — each worker remembers its last few expensive answers. They stay
 * good while PRAGMA data_version on its connection stays the same, that is
 * until the writer commits; the page polls, so most reads are repeats. */
#include <stdlib.h>
#include <string.h>

#include "server/server.h"
#include "store/query_server.h"
#include "store/store.h"

static enum MHD_Result add_arg(void *cls, enum MHD_ValueKind kind, const char *k, const char *v)
{
    st_buf *b = cls;
    st_buf_printf(b, "%s=%s&", k, v ? v : "");
    return MHD_YES;
}

char *st_srv_cache_key(st_req *r, const char *path)
{
    st_buf b = {0};
    st_buf_printf(&b, "%s?", path);
    MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, add_arg, &b);
    if (b.oom) {
        st_buf_free(&b);
        return NULL;
    }
    return st_buf_take(&b);
}

char *st_srv_cache_get(st_reader *rd, const char *key, int64_t *version)
{
    int64_t v;
    *version = -1;
    if (!key || st_qs_data_version(rd->db, &v) != ST_OK)
        return NULL;
    /* Something was committed: if another process (a CLI ingest) stored
     * articles unlinked, they get their events before this answer. The
     * check is one index probe on this reader's own connection. */
    if (v != rd->seen_version) {
        rd->seen_version = v;
        if (st_store_any_unlinked(rd->db) > 0) {
            st_srv_link_backlog(rd->srv);
            if (st_qs_data_version(rd->db, &v) != ST_OK)
                return NULL;
        }
    }
    *version = v;
    for (size_t i = 0; i < ST_SRV_CACHE; i++) {
        st_cached *c = &rd->cache[i];
        if (c->key && c->version == v && !strcmp(c->key, key))
            return st_strdup(c->doc);
    }
    return NULL;
}

void st_srv_cache_put(st_reader *rd, const char *key, const char *doc, int64_t v)
{
    if (!key || !doc || v < 0)
        return;
    st_cached *c = &rd->cache[rd->next];
    rd->next = (rd->next + 1) % ST_SRV_CACHE;
    free(c->key);
    free(c->doc);
    c->key = st_strdup(key);
    c->doc = st_strdup(doc);
    c->version = v;
    if (!c->key || !c->doc) {
        free(c->key);
        free(c->doc);
        c->key = c->doc = NULL;
    }
}

void st_srv_cache_free(st_reader *rd)
{
    for (size_t i = 0; i < ST_SRV_CACHE; i++) {
        free(rd->cache[i].key);
        free(rd->cache[i].doc);
        rd->cache[i].key = rd->cache[i].doc = NULL;
    }
}
