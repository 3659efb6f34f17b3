/* publish.c — files to stream entries: parse with the ingest readers, append
 * each article as news-please JSON, pipelined in batches. */
#include <stdlib.h>
#include <string.h>

#include "stream/stream.h"
#include "util/util.h"

/* Entries sent before their replies are read: a round trip per batch. */
#define PUBLISH_BATCH 64

typedef struct pub_run {
    st_stream *s;
    char *json[PUBLISH_BATCH];
    size_t lens[PUBLISH_BATCH];
    size_t n, published;
    int failed; /* the stream failed: err holds why */
    char *err;
    size_t errlen;
} pub_run;

static int pub_flush(pub_run *r)
{
    int rc = ST_OK;
    if (r->n && !r->failed)
        rc = r->s->ops->publish(r->s, (const char *const *)r->json, r->lens, r->n, r->err,
                                r->errlen);
    if (rc == ST_OK)
        r->published += r->n;
    else
        r->failed = 1;
    for (size_t i = 0; i < r->n; i++)
        free(r->json[i]);
    r->n = 0;
    return rc;
}

static int on_article(st_article *a, void *ud)
{
    pub_run *r = ud;
    char *json = st_article_to_json(a);
    st_article_free(a);
    if (!json)
        return st_seterr(r->err, r->errlen, ST_ENOMEM, "out of memory");
    r->lens[r->n] = strlen(json);
    r->json[r->n++] = json;
    return r->n == PUBLISH_BATCH ? pub_flush(r) : 0;
}

int st_stream_publish_path(const char *url, const char *path, const st_ingest_opts *opts,
                           size_t *published, size_t *n_errors, char *err, size_t errlen)
{
    if (published)
        *published = 0;
    if (n_errors)
        *n_errors = 0;
    pub_run r = {.err = err, .errlen = errlen};
    int rc = st_stream_open(url, &r.s, err, errlen);
    if (rc != ST_OK)
        return rc;
    rc = st_ingest_path(path, opts, on_article, &r, n_errors);
    if (rc == ST_EIO && !r.failed)
        st_seterr(err, errlen, rc, "%s: cannot read", path);
    int frc = pub_flush(&r);
    if (rc == ST_OK)
        rc = frc;
    st_stream_close(r.s);
    if (published)
        *published = r.published;
    return rc;
}
