/* ingest_got.h — collects what one ingest call produced, for the ingest tests. */
#ifndef ST_INGEST_GOT_H
#define ST_INGEST_GOT_H

#include "storytrack.h"
#include "util/util.h"

#define MAX_GOT 64

typedef struct got {
    st_article *a[MAX_GOT];
    size_t n;
    size_t errors;  /* *n_errors of the run_* calls that pass &g->errors */
    st_buf diags;   /* "where|severity|msg\n" per diag */
    size_t warnings;
    int stop_after; /* the article callback returns 7 after this many, when > 0 */
} got;

int got_on_article(st_article *a, void *ud);
void got_on_diag(const char *where, int severity, const char *msg, void *ud);
void got_free(got *g);
const char *got_diags(got *g);
int got_run_path(const char *path, st_format f, got *g, size_t *errs);
int got_run_buf(const char *name, const char *s, size_t n, st_format f, got *g, size_t *errs);

#endif
