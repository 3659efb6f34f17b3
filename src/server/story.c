/* story.c — GET /api/stories/{id}: the store's story document, plus its
 * timeline and extractive summaries (the story's and each event's). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "server/server.h"
#include "store/query_server.h"
#include "summary/summary.h"

/* Summary of the texts whose event is `event` (0 = all of them). */
static json_t *summarise(st_text *t, const st_qs_text *tx, size_t n, int64_t event)
{
    st_sum_input *in = calloc(n ? n : 1, sizeof *in);
    if (!in)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (event && tx[i].event != event)
            continue;
        in[k++] = (st_sum_input){tx[i].id, tx[i].language, tx[i].title, tx[i].body};
    }
    json_t *out = NULL;
    if (st_summary_build(t, in, k, NULL, &out) != ST_OK)
        out = NULL;
    free(in);
    return out;
}

static int add_summaries(st_server *s, st_reader *rd, int64_t id, json_t *root)
{
    st_text *t = st_srv_text(s);
    if (!t)
        return ST_OK; /* no language data: the story is still worth serving */
    st_qs_text *tx = NULL;
    size_t n = 0;
    int rc = st_qs_story_texts(rd->db, id, &tx, &n);
    if (rc != ST_OK)
        return rc;
    json_t *sum = summarise(t, tx, n, 0);
    if (sum)
        json_object_set_new(root, "summary", sum);
    size_t i;
    json_t *e;
    json_array_foreach(json_object_get(root, "event_list"), i, e) {
        json_int_t eid = json_integer_value(json_object_get(e, "id"));
        json_t *es = eid ? summarise(t, tx, n, eid) : NULL;
        if (es)
            json_object_set_new(e, "summary", es);
    }
    st_qs_texts_free(tx, n);
    return ST_OK;
}

static int add_timeline(st_reader *rd, int64_t id, json_t *root)
{
    char *doc = NULL;
    int rc = st_qs_timeline_json(rd->db, id, &doc);
    if (rc != ST_OK)
        return rc;
    json_t *tl = json_loads(doc, 0, NULL);
    free(doc);
    if (!tl)
        return ST_EINTERNAL;
    json_object_set_new(root, "timeline", tl);
    return ST_OK;
}

int st_srv_story_doc(st_server *s, st_reader *rd, int64_t id, char **out)
{
    *out = NULL;
    char *doc = NULL;
    int rc = st_db_story_json(rd->db, id, &doc);
    if (rc != ST_OK)
        return rc;
    json_t *root = json_loads(doc, 0, NULL);
    free(doc);
    if (!root)
        return ST_EINTERNAL;
    rc = add_timeline(rd, id, root);
    if (rc == ST_OK)
        rc = add_summaries(s, rd, id, root);
    if (rc == ST_OK && !(*out = json_dumps(root, JSON_COMPACT)))
        rc = ST_ENOMEM;
    json_decref(root);
    return rc;
}
