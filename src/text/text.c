/* text.c — the st_text resource holder: finds the data folder and loads
 * language id, stopwords and (lazily) stemmers. */
#include <stdlib.h>

#include "text/text_int.h"
#include "util/util.h"

#ifndef ST_DATA_DIR
#define ST_DATA_DIR "data"
#endif

static const char *pick_data_dir(const char *data_dir)
{
    if (data_dir && *data_dir)
        return data_dir;
    const char *env = getenv("STORYTRACK_DATA");
    if (env && *env)
        return env;
    return ST_DATA_DIR;
}

int st_text_new(const char *data_dir, st_text **out, char *err, size_t errlen)
{
    *out = NULL;
    st_text *t = calloc(1, sizeof *t);
    if (!t)
        return st_seterr(err, errlen, ST_ENOMEM, "out of memory");
    t->data_dir = st_strdup(pick_data_dir(data_dir));
    if (!t->data_dir) {
        st_text_free(t);
        return st_seterr(err, errlen, ST_ENOMEM, "out of memory");
    }
    int rc = st_stoplists_load(t, err, errlen);
    if (rc == ST_OK)
        rc = st_langcheck_load(t, err, errlen);
    if (rc == ST_OK)
        rc = st_langid_open(t, err, errlen);
    if (rc != ST_OK) {
        st_text_free(t);
        return rc;
    }
    *out = t;
    return ST_OK;
}

void st_text_free(st_text *t)
{
    if (!t)
        return;
    st_langid_close(t);
    st_langcheck_free(t);
    st_stoplists_free(t);
    st_stemmers_free(t);
    free(t->data_dir);
    free(t);
}
