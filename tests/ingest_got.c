/* ingest_got.c — see ingest_got.h. */
#include <string.h>

#include "ingest_got.h"

int got_on_article(st_article *a, void *ud)
{
    got *g = ud;
    if (g->n < MAX_GOT)
        g->a[g->n++] = a;
    else
        st_article_free(a);
    return (g->stop_after && (int)g->n >= g->stop_after) ? 7 : 0;
}

void got_on_diag(const char *where, int severity, const char *msg, void *ud)
{
    got *g = ud;
    st_buf_printf(&g->diags, "%s|%d|%s\n", where, severity, msg);
    if (severity == ST_OK)
        g->warnings++;
}

void got_free(got *g)
{
    for (size_t i = 0; i < g->n; i++)
        st_article_free(g->a[i]);
    st_buf_free(&g->diags);
    memset(g, 0, sizeof *g);
}

const char *got_diags(got *g) { return g->diags.s ? g->diags.s : ""; }

int got_run_path(const char *path, st_format f, got *g, size_t *errs)
{
    st_ingest_opts o = {.format = f, .on_diag = got_on_diag, .ud = g};
    return st_ingest_path(path, &o, got_on_article, g, errs);
}

int got_run_buf(const char *name, const char *s, size_t n, st_format f, got *g, size_t *errs)
{
    st_ingest_opts o = {.format = f, .on_diag = got_on_diag, .ud = g};
    return st_ingest_buffer(name, s, n, &o, got_on_article, g, errs);
}
