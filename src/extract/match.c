/* match.c — phrase lookup over tokens and small helpers shared by the passes. */
#include <stdlib.h>
#include <string.h>

#include "extract/ex_int.h"
#include "util/util.h"

/* Hyphens and abbreviation dots join the words of a phrase ("Al-Thani",
 * "Lt. Gen."); any other punctuation ends it. */
static int joiner(const ex_tok *k)
{
    return (k->flags & EX_T_PUNCT) && (!strcmp(k->fold, "-") || !strcmp(k->fold, "."));
}

static int caps_ok(const ex_work *w, const ex_entry *e, size_t i, size_t end)
{
    if (e->acronym == 2)
        return (w->t[i].flags & EX_T_CAP) != 0;
    if (e->acronym != 1)
        return 1;
    for (size_t k = i; k < end; k++)
        if ((w->t[k].flags & EX_T_WORD) && !(w->t[k].flags & EX_T_ALLCAP))
            return 0;
    return 1;
}

#define MAXW 8
#define PHRASE_STACK 512 /* bytes: longer phrases move to the heap */

/* A phrase being built, on the stack until it outgrows it. */
typedef struct phrase {
    char stack[PHRASE_STACK];
    char *s;
    size_t len, cap;
} phrase;

static int phrase_put(phrase *p, const char *s, size_t n)
{
    if (p->len + n + 1 > p->cap) {
        size_t cap = (p->len + n + 1) * 2;
        char *h = p->s == p->stack ? malloc(cap) : realloc(p->s, cap);
        if (!h)
            return ST_ENOMEM;
        if (p->s == p->stack)
            memcpy(h, p->stack, p->len);
        p->s = h;
        p->cap = cap;
    }
    memcpy(p->s + p->len, s, n);
    p->len += n;
    p->s[p->len] = '\0';
    return ST_OK;
}

const ex_entry *ex_match(const ex_work *w, const ex_table *tab, size_t i, size_t *end)
{
    if (i >= w->nt || !tab->n)
        return NULL;
    const ex_tok *t = w->t;
    if (t[i].flags & EX_T_PUNCT) { /* "%", "$" */
        const ex_entry *e = ex_table_get(tab, t[i].fold);
        if (e)
            *end = i + 1;
        return e;
    }
    /* The words from i on, joined by spaces, while they still spell a key or
     * the start of one; keys[k] is the entry (if any) of the first k + 1. */
    size_t ends[MAXW];
    const ex_entry *keys[MAXW];
    int nw = 0, rc = ST_OK;
    phrase p;
    p.s = p.stack;
    p.len = 0;
    p.cap = sizeof p.stack;
    for (size_t k = i; k < w->nt && nw < tab->maxwords && nw < MAXW; k++) {
        if (t[k].sent != t[i].sent)
            break;
        if (joiner(&t[k]) && k > i)
            continue;
        if (!(t[k].flags & (EX_T_WORD | EX_T_NUM)))
            break;
        if (nw)
            rc = phrase_put(&p, " ", 1);
        if (rc == ST_OK)
            rc = phrase_put(&p, t[k].fold, strlen(t[k].fold));
        if (rc != ST_OK)
            break;
        keys[nw] = ex_table_get(tab, p.s);
        ends[nw++] = k + 1;
        if (!ex_table_may_extend(tab, p.s, p.len))
            break;
    }
    const ex_entry *found = NULL;
    for (int k = nw - 1; rc == ST_OK && k >= 0 && !found; k--) {
        if (keys[k] && caps_ok(w, keys[k], i, ends[k])) {
            found = keys[k];
            *end = ends[k];
        }
    }
    if (p.s != p.stack)
        free(p.s);
    return found;
}

int ex_tok_is(const ex_work *w, size_t i, const char *s)
{
    return i < w->nt && !strcmp(w->t[i].fold, s);
}

char *ex_span_dup(const ex_work *w, size_t start, size_t end)
{
    const char *s = w->in->text;
    while (start < end && strchr(" \t\n,;:", s[start]))
        start++;
    while (end > start && strchr(" \t\n,;:", s[end - 1]))
        end--;
    return st_strndup(s + start, end - start);
}

size_t ex_sent_of(const ex_work *w, size_t off)
{
    const st_span *ss = w->in->sents;
    size_t lo = 0, hi = w->in->nsents;
    /* the last sentence starting at or before off */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ss[mid].off <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? lo - 1 : 0;
}

const char *ex_sent_date(const ex_work *w, size_t s)
{
    for (size_t i = 0; i < w->r->ndates; i++) {
        const st_ex_date *d = &w->r->dates[i];
        if (d->resolved && ex_sent_of(w, d->start) == s && strlen(d->resolved) == 10)
            return d->resolved;
    }
    return NULL;
}

const ex_entry *ex_say(const ex_work *w, size_t k, size_t *end)
{
    const ex_entry *v = ex_match(w, &w->L->say, k, end);
    /* "United States" is not "states"; "According to" may open a sentence */
    if (v && (w->t[k].flags & EX_T_CAP) && k > 0 && w->t[k - 1].sent == w->t[k].sent &&
        (w->t[k - 1].flags & (EX_T_WORD | EX_T_NUM)))
        return NULL;
    return v;
}

size_t ex_sent_first(const ex_work *w, size_t sent)
{
    size_t lo = 0, hi = w->nt;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (w->t[mid].sent < sent)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
