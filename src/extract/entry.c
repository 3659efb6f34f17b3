/* entry.c — the pipeline's extraction stage: run on the analysed article,
 * then store. */
#include <stdlib.h>

#include "extract/extract.h"
#include "store/extract_store.h"
#include "util/util.h"

int st_extract_article(const st_extract *ex, st_db *db, int64_t article_id,
                       const st_article *a, const st_doc *doc, char *err, size_t errlen)
{
    if (!ex || !doc || !doc->text)
        return st_seterr(err, errlen, ST_EINTERNAL, "extract: no analysed text");
    st_ex_input in = {doc->text,  doc->len,  doc->title_len, doc->lang,
                      a ? a->published : NULL, doc->sents, doc->nsents};
    st_ex_result *r = NULL;
    int rc = st_extract_run(ex, &in, &r);
    if (rc != ST_OK)
        return st_seterr(err, errlen, rc, "extract: %s", st_strerror(rc));
    rc = st_extract_store(db, article_id, doc->text, doc->lang, r, err, errlen);
    st_ex_result_free(r);
    return rc;
}
