/* stage.c — the pipeline stage: code each sentence of an analysed article
 * and store its events. */
#include <stdlib.h>
#include <string.h>

#include "events/events.h"
#include "store/events_store.h"
#include "util/util.h"

/* YYYYMMDD of an ISO date, 0 when unknown. */
static int ymd(const char *iso)
{
    if (!iso || strlen(iso) < 10 || iso[4] != '-' || iso[7] != '-')
        return 0;
    return atoi(iso) * 10000 + atoi(iso + 5) * 100 + atoi(iso + 8);
}

int st_events_code(const st_cameo *c, const st_article *a, const st_doc *doc,
                   st_coded_article *out)
{
    out->n = 0;
    out->ev = doc->nsents ? calloc(doc->nsents, sizeof *out->ev) : NULL;
    if (doc->nsents && !out->ev)
        return ST_ENOMEM;
    out->n = doc->nsents;
    int date = ymd(a ? a->published : NULL);
    int rc = ST_OK;
    for (size_t i = 0; i < doc->nsents && rc == ST_OK; i++) {
        const st_span *sp = &doc->sents[i];
        rc = st_cameo_code_sentence(c, doc->text + sp->off, sp->len, date, &out->ev[i]);
    }
    if (rc != ST_OK)
        st_coded_article_free(out);
    return rc;
}

void st_coded_article_free(st_coded_article *ca)
{
    for (size_t i = 0; i < ca->n; i++)
        st_cameo_events_free(&ca->ev[i]);
    free(ca->ev);
    ca->ev = NULL;
    ca->n = 0;
}

static int store_sentence(st_db *db, int64_t article_id, const st_article *a, const st_doc *doc,
                          const st_span *sp, const st_cameo_events *ev)
{
    if (!ev->n)
        return ST_OK;
    char *text = st_strndup(doc->text + sp->off, sp->len);
    int rc = text ? ST_OK : ST_ENOMEM;
    for (size_t k = 0; k < ev->n && rc == ST_OK; k++) {
        const st_cameo_event *e = &ev->v[k];
        st_cameo_row r = {article_id, (int64_t)sp->off, (int64_t)(sp->off + sp->len),
                          a ? a->published : NULL, e->source, e->source_name, e->code,
                          e->target, e->target_name, e->place, e->goldstein, e->quad,
                          e->negated, text};
        rc = st_events_store_put(db, &r);
    }
    free(text);
    return rc;
}

int st_events_store_coded(st_db *db, int64_t article_id, const st_article *a, const st_doc *doc,
                          const st_coded_article *ca, char *err, size_t errlen)
{
    int rc = st_events_store_clear(db, article_id);
    if (rc)
        return st_seterr(err, errlen, rc, "events: cannot clear article %lld", (long long)article_id);
    for (size_t i = 0; i < ca->n && i < doc->nsents && rc == ST_OK; i++)
        rc = store_sentence(db, article_id, a, doc, &doc->sents[i], &ca->ev[i]);
    return rc ? st_seterr(err, errlen, rc, "events: storing article %lld failed",
                          (long long)article_id)
              : ST_OK;
}

int st_events_article(const st_cameo *c, st_db *db, int64_t article_id, const st_article *a,
                      const st_doc *doc, char *err, size_t errlen)
{
    st_coded_article ca = {0};
    int rc = st_events_code(c, a, doc, &ca);
    if (rc != ST_OK)
        return st_seterr(err, errlen, rc, "events: coding article %lld failed",
                         (long long)article_id);
    rc = st_events_store_coded(db, article_id, a, doc, &ca, err, errlen);
    st_coded_article_free(&ca);
    return rc;
}
