/* prepare.c — analysis, signatures, extraction and coding of one article
 * (see prepare.h). */
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
    if ((rc = st_extract_run(t->extract, &in, &pp->ex)) != ST_OK)
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
