/* run.c — one extraction: tokens, then entities (quotes need them), dates
 * (claims skip their numbers and take their day), claims and quotes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/ex_int.h"
#include "util/util.h"

static void assign_sentences(ex_work *w)
{
    size_t s = 0;
    for (size_t i = 0; i < w->nt; i++) {
        while (s + 1 < w->in->nsents && w->t[i].off >= w->in->sents[s + 1].off)
            s++;
        w->t[i].sent = s;
    }
}

static void read_published(ex_work *w, const char *pub)
{
    char iso[32];
    int y, m, d;
    if (pub && st_date_normalise(pub, iso) == 0 && sscanf(iso, "%d-%d-%d", &y, &m, &d) == 3) {
        w->pub_y = y;
        w->pub_m = m;
        w->pub_d = d;
    }
}

int st_extract_run(const st_extract *ex, const st_ex_input *in, st_ex_result **out)
{
    *out = NULL;
    st_ex_result *r = calloc(1, sizeof *r);
    if (!r)
        return ST_ENOMEM;
    ex_work w = {0};
    w.ex = ex;
    w.in = in;
    w.r = r;
    w.L = ex_lang_for(ex, in->lang);
    w.dates = ex_dates_for(ex, in->lang);
    if (!w.L || !w.dates) {
        free(r);
        return ST_EINTERNAL;
    }
    snprintf(r->lang, sizeof r->lang, "%s", w.L->code);
    read_published(&w, in->published);
    int rc = ex_tokenise(in->text, in->len, &w.t, &w.nt);
    if (rc == ST_OK) {
        assign_sentences(&w);
        rc = ex_find_entities(&w);
    }
    if (rc == ST_OK)
        rc = ex_find_dates(&w);
    if (rc == ST_OK)
        rc = ex_find_claims(&w);
    if (rc == ST_OK)
        rc = ex_find_quotes(&w);
    ex_toks_free(w.t, w.nt);
    ex_table_free(&w.midcaps);
    free(w.tcase);
    if (rc != ST_OK) {
        st_ex_result_free(r);
        return rc;
    }
    *out = r;
    return ST_OK;
}

void st_ex_result_free(st_ex_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nentities; i++) {
        st_ex_entity *e = &r->entities[i];
        free(e->name);
        free(e->type);
        free(e->concept);
        free(e->role);
        for (size_t k = 0; k < e->naliases; k++)
            free(e->aliases[k]);
        free(e->aliases);
    }
    for (size_t i = 0; i < r->nquotes; i++) {
        free(r->quotes[i].text);
        free(r->quotes[i].speaker);
        free(r->quotes[i].verb);
    }
    for (size_t i = 0; i < r->nclaims; i++) {
        st_ex_claim *c = &r->claims[i];
        free(c->value_text);
        free(c->unit);
        free(c->qualifier);
        free(c->subject);
        free(c->attribution);
        free(c->date);
    }
    for (size_t i = 0; i < r->ndates; i++) {
        free(r->dates[i].text);
        free(r->dates[i].resolved);
    }
    free(r->entities);
    free(r->mentions);
    free(r->quotes);
    free(r->claims);
    free(r->dates);
    free(r);
}
