/* prepare.c — analysis, signatures, extraction and coding of one article
 * (see prepare.h). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline/prepare.h"
#include "util/util.h"

static int fail(st_prepared *pp, int rc, const char *what)
{
    pp->rc = rc;
    st_seterr(pp->msg, sizeof pp->msg, rc, "%s: %s", what, st_strerror(rc));
    return rc;
}

/* Where the lede ends: the headline and the first LEDE_SENTENCES sentences
 * after it, at most LEDE_BYTES past the headline, where a dateline stands. */
#define LEDE_SENTENCES 3
#define LEDE_BYTES 600

static size_t lede_end(const st_doc *d)
{
    size_t end = d->title_len, k = 0;
    for (size_t i = 0; i < d->nsents && k < LEDE_SENTENCES; i++) {
        if (d->sents[i].off < d->title_len) continue;
        end = d->sents[i].off + d->sents[i].len;
        k++;
    }
    return end > d->title_len + LEDE_BYTES ? d->title_len + LEDE_BYTES : end;
}

/* Notes in the article's extra fields that its date came from its text. */
static int mark_published_from_text(st_article *a)
{
    json_t *o = a->extra ? json_loads(a->extra, 0, NULL) : json_object();
    if (!o || !json_is_object(o)) {
        json_decref(o);
        return ST_OK; /* an extra that is not an object is kept as it is */
    }
    char *text = NULL;
    if (json_object_set_new(o, "published_from", json_string("text")) == 0)
        text = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    if (!text) return ST_ENOMEM;
    free(a->extra);
    a->extra = text;
    return ST_OK;
}

/* A new article with no publish date takes the day its lede's dateline
 * reports ("on Tuesday, 22 August 2023", "Minggu (14/7/2024)": a full date
 * with the weekday it fell on), so that time separates its story's rounds
 * and its relative dates resolve; the extraction is then run again against
 * that day. Any other date of a lede may be background ("since 7 October
 * 2023") or a plan, and a wrong day misplaces an article more than none:
 * it is not taken. Stored articles being replayed keep what is stored. */
static int date_from_lede(const st_prep_tools *t, st_prepared *pp, st_ex_input *in)
{
    char day[11];
    st_article *a = pp->a;
    if (!pp->owned || (a->published && *a->published) ||
        !st_ex_dateline_day(pp->ex, lede_end(pp->doc), day))
        return ST_OK;
    char *pub = st_strdup(day);
    if (!pub) return ST_ENOMEM;
    free(a->published);
    a->published = pub;
    int rc = mark_published_from_text(a);
    st_ex_result_free(pp->ex);
    pp->ex = NULL;
    in->published = a->published;
    return rc == ST_OK ? st_extract_run(t->extract, in, &pp->ex) : rc;
}

int st_prepare(const st_prep_tools *t, st_text *tx, st_prepared *pp)
{
    const st_article *a = pp->a;
    int rc = st_doc_analyse(tx, a->title, a->body, a->language, &pp->doc);
    if (rc != ST_OK)
        return fail(pp, rc, "text analysis failed");
    if ((rc = st_dedup_entry_from_doc(pp->doc, tx, t->dparams, &pp->entry)) != ST_OK)
        return fail(pp, rc, "duplicate signatures failed");
    const st_doc *d = pp->doc;
    st_ex_input in = {d->text, d->len, d->title_len, d->lang, a->published, d->sents, d->nsents};
    if ((rc = st_extract_run(t->extract, &in, &pp->ex)) != ST_OK ||
        (rc = date_from_lede(t, pp, &in)) != ST_OK)
        return fail(pp, rc, "extract");
    if ((rc = st_events_code(t->cameo, a, d, &pp->coded)) != ST_OK)
        return fail(pp, rc, "events");
    return ST_OK;
}

void st_prepared_clear(st_prepared *pp)
{
    if (pp->owned)
        st_article_free(pp->a);
    st_doc_free(pp->doc);
    st_dedup_entry_free(pp->entry);
    st_ex_result_free(pp->ex);
    st_coded_article_free(&pp->coded);
    memset(pp, 0, sizeof *pp);
}
