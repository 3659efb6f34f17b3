/* article_json.c — an st_article back to the news-please JSON that the JSON
 * Lines reader takes in, so that a stream entry is read by the same code as
 * a file line and yields the same article. */
#include <jansson.h>
#include <stdlib.h>

#include "stream/stream.h"
#include "util/util.h"

/* Sets key to a copy of s unless s is NULL; -1 on failure. */
static int set_str(json_t *o, const char *key, const char *s)
{
    if (!s)
        return 0;
    return json_object_set_new(o, key, json_string(s));
}

/* Unknown input fields first, so that the article's own fields win. */
static json_t *start_from_extra(const char *extra)
{
    json_t *o = extra ? json_loads(extra, 0, NULL) : NULL;
    if (json_is_object(o))
        return o;
    json_decref(o);
    return json_object();
}

char *st_article_to_json(const st_article *a)
{
    json_t *o = start_from_extra(a->extra);
    if (!o)
        return NULL;
    int bad = set_str(o, "id", a->ext_id) | set_str(o, "url", a->url) |
              set_str(o, "source_domain", a->source) | set_str(o, "title", a->title) |
              set_str(o, "maintext", a->body) | set_str(o, "language", a->language) |
              set_str(o, "date_publish", a->published);
    json_t *authors = a->authors ? json_loads(a->authors, 0, NULL) : NULL;
    if (json_is_array(authors))
        bad |= json_object_set(o, "authors", authors);
    json_decref(authors);
    char *s = bad ? NULL : json_dumps(o, JSON_COMPACT);
    json_decref(o);
    return s;
}
