/* claims.c — numeric claims: a number (43,000 / 43.000 / 2.3 million /
 * 2,3 juta / dozens / one-third), the qualifier before it ("more than",
 * "sekitar"), what it counts (killed, hostages, percent...), the subject as
 * written ("Palestinians") and who says so ("according to local health
 * authorities", "Israeli authorities say"). A number without a known unit is
 * not a claim: ages, years and counts of meetings are left out. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extract/ex_int.h"
#include "util/util.h"

/* Value of a digits token. A separator followed by exactly three digits
 * (every time) groups thousands; otherwise the last separator is the
 * decimal mark. Both "43,000" and "43.000" are 43000; "2.3" and "2,3" 2.3. */
double ex_parse_number(const char *s)
{
    char digits[64];
    size_t n = 0, groups = 0, three = 0, run = 0;
    long last_sep = -1;
    int seen_sep = 0;
    for (const char *p = s; *p && n + 2 < sizeof digits; p++) {
        if (*p >= '0' && *p <= '9') {
            digits[n++] = *p;
            run++;
            continue;
        }
        if (seen_sep) {
            groups++;
            three += run == 3;
        }
        seen_sep = 1;
        last_sep = (long)n;
        run = 0;
    }
    if (seen_sep) {
        groups++;
        three += run == 3;
    }
    digits[n] = 0;
    double v = strtod(digits, NULL);
    if (last_sep >= 0 && !(groups && three == groups))
        v /= pow(10.0, (double)(n - (size_t)last_sep));
    return v;
}

typedef struct number {
    size_t start, end; /* tokens */
    double value;
    int fraction;
} number;

static int is_year(const ex_tok *t)
{
    if (t->len != 4 || !(t->flags & EX_T_NUM))
        return 0;
    long v = strtol(t->fold, NULL, 10);
    return v >= 1900 && v <= 2100;
}

/* A number at token i (digits or words, with a multiplier after). */
static int read_number(const ex_work *w, size_t i, number *out)
{
    const ex_tok *t = &w->t[i];
    size_t end = i + 1;
    memset(out, 0, sizeof *out);
    if (t->used)
        return 0;
    if (t->flags & EX_T_NUM) {
        if (is_year(t))
            return 0;
        out->value = ex_parse_number(t->fold);
    } else {
        const ex_entry *e = ex_match(w, &w->L->numbers, i, &end);
        if (!e || !strcmp(e->a, "mult"))
            return 0;
        out->value = e->v;
        out->fraction = !strcmp(e->a, "fraction");
    }
    size_t mend;
    const ex_entry *mult = ex_match(w, &w->L->numbers, end, &mend);
    if (mult && !strcmp(mult->a, "mult") && !out->fraction) {
        out->value *= mult->v;
        end = mend;
    }
    out->start = i;
    out->end = end;
    return 1;
}

static int clause_end(const ex_tok *t)
{
    return (t->flags & EX_T_PUNCT) && strchr(",;:.!?()\"", t->fold[0]) && t->fold[0];
}

/* Qualifier ending right before token i: the longest one. */
static const ex_entry *qualifier(const ex_work *w, size_t i, size_t *qstart)
{
    for (size_t back = 4; back >= 1; back--) {
        if (i < back)
            continue;
        size_t end;
        const ex_entry *q = ex_match(w, &w->L->quals, i - back, &end);
        if (q && end == i) {
            *qstart = i - back;
            return q;
        }
    }
    return NULL;
}

typedef struct unitref {
    const ex_entry *event, *count;
    size_t end;           /* one past the last unit token */
    size_t subj_s, subj_e; /* subject tokens, or equal when none */
} unitref;

static void find_unit(const ex_work *w, const number *n, size_t qstart, unitref *u)
{
    memset(u, 0, sizeof *u);
    u->end = n->end;
    size_t k = n->end;
    if (k < w->nt && (!strcmp(w->t[k].fold, "of") || !strcmp(w->t[k].fold, "dari")))
        k++;
    /* the word right after the number is the subject when it is a noun */
    if (k < w->nt && (w->t[k].flags & EX_T_WORD) && !ex_table_get(&w->L->stop, w->t[k].fold)) {
        size_t e2;
        const ex_entry *un = ex_match(w, &w->L->units, k, &e2);
        if (!un || strcmp(un->b ? un->b : "", "event")) {
            u->subj_s = k;
            u->subj_e = un ? e2 : k + 1;
        }
    }
    /* "killing at least 40 people": a verb right before wins */
    for (size_t back = 1; back <= 3 && qstart >= back; back++) {
        size_t e;
        const char *f = w->t[qstart - back].fold;
        if (clause_end(&w->t[qstart - back]) || !strcmp(f, "and") || !strcmp(f, "dan") ||
            !strcmp(f, "or") || !strcmp(f, "atau"))
            break;
        const ex_entry *un = ex_match(w, &w->L->units, qstart - back, &e);
        if (un && un->b && !strcmp(un->b, "event")) {
            u->event = un;
            break;
        }
    }
    for (size_t steps = 0; k < w->nt && steps < 7; steps++) {
        const ex_tok *t = &w->t[k];
        if (t->sent != w->t[n->start].sent || (clause_end(t) && k > n->end))
            break;
        if (k > n->end && (u->count || u->event) &&
            (!strcmp(t->fold, "and") || !strcmp(t->fold, "dan") || !strcmp(t->fold, "or")))
            break;
        size_t e;
        if (k > n->end && (t->flags & EX_T_NUM))
            break; /* the next number has its own unit */
        const ex_entry *un = ex_match(w, &w->L->units, k, &e);
        if (un) {
            int ev = un->b && !strcmp(un->b, "event");
            if (ev && u->event)
                break;
            if (ev)
                u->event = un;
            else if (!u->count && steps < 3) {
                u->count = un;
                if (u->subj_e > u->subj_s && e > u->subj_e)
                    u->subj_e = e; /* "33 Israeli hostages" */
            }
            if (e > u->end && (steps < 3 || ev))
                u->end = e;
            if (ev || (u->count == un && un->b && !strcmp(un->b, "measure")))
                break; /* "80% ... have fled" is a percentage */
            k = e;
            continue;
        }
        k++;
    }
}

/* Who says so: "according to X" / "menurut X" anywhere in the sentence, or
 * the clause before a verb of saying ("Israeli authorities say"). */
static char *attribution(const ex_work *w, size_t sent)
{
    size_t first = ex_sent_first(w, sent), last = first;
    if (first >= w->nt || w->t[first].sent != sent)
        return NULL;
    while (last + 1 < w->nt && w->t[last + 1].sent == sent)
        last++;
    int inq = 0;
    for (size_t k = first; k <= last && first < w->nt; k++) {
        const char *f = w->t[k].fold;
        if (!strcmp(f, "\"") || !strcmp(f, "“") || !strcmp(f, "”") || !strcmp(f, "«") ||
            !strcmp(f, "»") || !strcmp(f, "„"))
            inq = !inq;
        size_t e;
        const ex_entry *v = inq ? NULL : ex_say(w, k, &e);
        if (!v || !strcmp(v->a, "pron"))
            continue;
        if (!strcmp(v->a, "acc") || !strcmp(v->a, "cite")) {
            size_t j = e;
            while (j <= last && !clause_end(&w->t[j]))
                j++;
            if (j > e)
                return ex_span_dup(w, w->t[e].off, w->t[j - 1].off + w->t[j - 1].len);
            continue;
        }
        size_t j = k;
        while (j > first && !clause_end(&w->t[j - 1]))
            j--;
        if (j < k && k - j <= 6)
            return ex_span_dup(w, w->t[j].off, w->t[k - 1].off + w->t[k - 1].len);
    }
    return NULL;
}

static int add_claim(ex_work *w, const number *n, const ex_entry *q, size_t qstart,
                     const unitref *u)
{
    st_ex_claim *c = ex_grow((void **)&w->r->claims, &w->r->nclaims, &w->cap_cla, sizeof *c);
    if (!c)
        return ST_ENOMEM;
    const ex_tok *t = w->t;
    size_t sent = t[n->start].sent;
    const ex_entry *unit = u->event ? u->event : u->count;
    c->start = t[q ? qstart : n->start].off;
    c->end = t[u->end - 1].off + t[u->end - 1].len;
    c->value = n->value;
    c->value_text = ex_span_dup(w, t[n->start].off, t[n->end - 1].off + t[n->end - 1].len);
    if (n->fraction) {
        st_buf b = {0};
        st_buf_printf(&b, "%s (share)", unit->a);
        c->unit = st_buf_take(&b);
    } else {
        c->unit = st_strdup(unit->a);
    }
    c->qualifier = q ? st_strdup(q->a) : NULL;
    size_t ue;
    const ex_entry *only_unit = u->subj_e == u->subj_s + 1
                                    ? ex_match(w, &w->L->units, u->subj_s, &ue) : NULL;
    if (only_unit && ue == u->subj_e)
        c->subject = NULL; /* "101 hostages": the unit says it all, in any language */
    else if (u->subj_e > u->subj_s)
        c->subject = ex_span_dup(w, t[u->subj_s].off,
                                 t[u->subj_e - 1].off + t[u->subj_e - 1].len);
    else if (w->r->nclaims > 1 && c[-1].subject && c[-1].sent_start == w->in->sents[sent].off)
        c->subject = st_strdup(c[-1].subject); /* "43,000 Palestinians killed and over 102,000 injured" */
    c->attribution = attribution(w, sent);
    if (w->in->nsents) {
        c->sent_start = w->in->sents[sent].off;
        c->sent_end = c->sent_start + w->in->sents[sent].len;
    }
    const char *d = ex_sent_date(w, sent);
    if (d)
        c->date = st_strdup(d);
    else if (w->in->published && strlen(w->in->published) >= 10)
        c->date = st_strndup(w->in->published, 10);
    for (size_t k = q ? qstart : n->start; k < u->end; k++)
        w->t[k].used = 1;
    return c->value_text && c->unit ? ST_OK : ST_ENOMEM;
}

int ex_find_claims(ex_work *w)
{
    int rc = ST_OK;
    for (size_t i = 0; i < w->nt && rc == ST_OK; i++) {
        number n;
        if (!read_number(w, i, &n))
            continue;
        size_t qstart = i;
        const ex_entry *q = qualifier(w, i, &qstart);
        unitref u;
        find_unit(w, &n, qstart, &u);
        if (!u.event && !u.count)
            continue;
        rc = add_claim(w, &n, q, qstart, &u);
        i = u.end - 1;
    }
    return rc;
}
