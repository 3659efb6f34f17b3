/* claims.c — numeric claims: a number (43,000 / 43.000 / 2.3 million /
 * 2,3 juta / dozens / one-third), the qualifier before it ("more than",
 * "sekitar"), what it counts (killed, hostages, percent, seats...), the
 * subject as written ("Palestinians") and who says so ("according to local
 * health authorities", "Israeli authorities say"). A number without a unit
 * is not a claim: ages, years, durations and counts of meetings are left
 * out. The unit is a listed word after the number, a verb around it, a
 * listed word before it ("$", "magnitude"), an unlisted plural noun right
 * after it ("17,000 jobs"), or the unit of the number it is joined to
 * ("between 230 and 280 of the 577 seats"). */
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

static int kind_is(const char *k, const char *want) { return k && !strcmp(k, want); }

/* The entry of the numbers table (number words and the words around
 * numbers) at token i when it is of the given kind. */
static const ex_entry *numword(const ex_work *w, size_t i, const char *kind, size_t *end)
{
    size_t e;
    const ex_entry *x = ex_match(w, &w->L->numbers, i, &e);
    if (!x || !kind_is(x->a, kind))
        return NULL;
    if (end)
        *end = e;
    return x;
}

static int unit_kind(const ex_entry *u, const char *kind) { return u && kind_is(u->b, kind); }

static int is_number_word(const ex_entry *e)
{
    return e && (kind_is(e->a, "number") || kind_is(e->a, "vague") || kind_is(e->a, "fraction"));
}

/* event: a verb or noun of what happened, on either side of the number
 * ("40 killed", "killed 40"); act: an active verb, whose number follows it
 * ("kill dozens", "menewaskan 1.200 orang"; "two earthquakes kill" counts
 * no dead). */
static int is_event(const ex_entry *u) { return unit_kind(u, "event") || unit_kind(u, "act"); }

typedef struct number {
    size_t start, end; /* tokens */
    double value;
    double mult;       /* the multiplier written after it (million), else 0 */
    int fraction, vague;
} number;

static int is_year(const ex_tok *t)
{
    if (t->len != 4 || !(t->flags & EX_T_NUM))
        return 0;
    long v = strtol(t->fold, NULL, 10);
    return v >= 1900 && v <= 2100;
}

/* A lone separator that the language always reads as a decimal point is
 * one even before three digits ("$1.065" in English); otherwise the
 * language-neutral reading of ex_parse_number. */
static double digits_value(const ex_work *w, const char *s)
{
    const char *sep = strpbrk(s, ".,");
    char mark[2] = {sep ? *sep : 0, 0};
    const ex_entry *e = sep ? ex_table_get(&w->L->numbers, mark) : NULL;
    if (!e || !kind_is(e->a, "decimal") || strpbrk(sep + 1, ".,"))
        return ex_parse_number(s);
    char digits[64];
    size_t n = 0;
    for (const char *p = s; *p && n + 1 < sizeof digits; p++)
        if (*p != *sep)
            digits[n++] = *p;
    digits[n] = 0;
    return strtod(digits, NULL) / pow(10.0, (double)strlen(sep + 1));
}

/* "COVID-19", "F-16", "HUT ke-79": a number hyphened to a word is part of
 * a name or an ordinal, not a count; unless the word is a unit written
 * before numbers ("magnitude-5.9"). */
static int hyphened_to_word(const ex_work *w, size_t i)
{
    const ex_tok *t = w->t;
    if (i < 2 || strcmp(t[i - 1].fold, "-") || (t[i - 1].flags & EX_T_SPACE) ||
        (t[i].flags & EX_T_SPACE) || !(t[i - 2].flags & EX_T_WORD))
        return 0;
    size_t end;
    const ex_entry *u = ex_match(w, &w->L->units, i - 2, &end);
    return !(u && u->flag && end == i - 1);
}

/* A number at token i (digits or words, with a multiplier after). */
static int read_number(const ex_work *w, size_t i, number *out)
{
    const ex_tok *t = &w->t[i];
    size_t end = i + 1;
    memset(out, 0, sizeof *out);
    if (t->used || hyphened_to_word(w, i))
        return 0;
    if (t->flags & EX_T_NUM) {
        if (is_year(t))
            return 0;
        out->value = digits_value(w, t->fold);
    } else {
        const ex_entry *e = ex_match(w, &w->L->numbers, i, &end);
        if (!is_number_word(e))
            return 0;
        out->value = e->v;
        out->fraction = kind_is(e->a, "fraction");
        out->vague = kind_is(e->a, "vague");
    }
    size_t mend;
    const ex_entry *mult = numword(w, end, "mult", &mend);
    if (mult && !out->fraction) {
        out->mult = mult->v;
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

static int is_conj(const ex_tok *t)
{
    return !strcmp(t->fold, "and") || !strcmp(t->fold, "dan") || !strcmp(t->fold, "or") ||
           !strcmp(t->fold, "atau");
}

/* Qualifier (or verb of reaching) ending right before token i: the longest one. */
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

static int is_reach(const ex_entry *q) { return q && kind_is(q->b, "reach"); }

/* What stands before the number: [verb of reaching] [qualifier] [unit]. */
typedef struct leadin {
    const ex_entry *q;      /* qualifier ("more than"), or NULL */
    const ex_entry *before; /* unit written before the number ("$", "magnitude") */
    size_t start;           /* first token of the claim */
    size_t verb;            /* first token of a verb of reaching ("rose to"), else start */
    int reach;              /* there is one */
} leadin;

/* A unit that may stand right before the number ("$100 million",
 * "magnitude 7.8", "magnitude-7.8", "bermagnitudo 6,4"). */
static const ex_entry *unit_before(const ex_work *w, size_t i, size_t *start)
{
    size_t p = i;
    if (p > 0 && !strcmp(w->t[p - 1].fold, "-"))
        p--;
    for (size_t back = 3; back >= 1; back--) {
        size_t end;
        if (p < back || w->t[p - back].sent != w->t[i].sent)
            continue;
        const ex_entry *u = ex_match(w, &w->L->units, p - back, &end);
        if (u && u->flag && end == p) {
            *start = p - back;
            return u;
        }
    }
    return NULL;
}

static void read_leadin(const ex_work *w, const number *n, leadin *l)
{
    memset(l, 0, sizeof *l);
    size_t s = n->start;
    l->before = unit_before(w, n->start, &s);
    l->start = s;
    const ex_entry *q = qualifier(w, l->start, &s);
    if (q && !is_reach(q)) {
        l->q = q;
        l->start = s;
        q = qualifier(w, s, &s); /* "rose to more than" */
    }
    l->verb = l->start;
    if (is_reach(q)) {
        l->verb = s;
        l->reach = 1;
        if (!l->q && strcmp(q->a, "-")) { /* "exceeded" is also "more than" */
            l->q = q;
            l->start = s;
        }
    }
}

typedef struct unitref {
    const ex_entry *event, *count;
    const ex_tok *open;    /* an unlisted plural noun that is the unit ("jobs") */
    size_t end;            /* one past the last unit token */
    size_t subj_s, subj_e; /* subject tokens, or equal when none */
} unitref;

static int has_unit(const unitref *u) { return u->event || u->count || u->open; }

/* "3 days", "16 years", "seven-day", "85 kilometer": the number measures
 * time or distance and is no claim. */
static int measures_nothing(const ex_work *w, const number *n)
{
    size_t k = n->end, e;
    if (k < w->nt && !strcmp(w->t[k].fold, "-"))
        k++;
    return k < w->nt && w->t[k].sent == w->t[n->start].sent &&
           unit_kind(ex_match(w, &w->L->units, k, &e), "none");
}

/* Does a number (claimed already or not) end at token i? */
static int number_ends_at(const ex_work *w, size_t i)
{
    size_t e;
    const ex_entry *x = ex_match(w, &w->L->numbers, i, &e);
    return (w->t[i].flags & EX_T_NUM) || is_number_word(x) || kind_is(x ? x->a : NULL, "mult");
}

/* A unit in the clause before token `from`: the verb of "killing at least 40
 * people", and after a verb of reaching (reach: a longer look, prepositions
 * allowed) the subject of "the death toll from the quakes rose to 41,156"
 * (an event, else the first counted thing into *count). A preposition
 * before the number makes it that preposition's object ("died in ten
 * provinces"); "3 to" of a range is stepped over ("killed 3 to 5 people"). */
static const ex_entry *unit_back(const ex_work *w, size_t from, size_t sent, int reach,
                                 const ex_entry **count)
{
    size_t k = from, seen = 0, max = reach ? 8 : 3;
    while (k > 0 && seen < max) {
        const ex_tok *t = &w->t[k - 1];
        if (t->sent != sent)
            break;
        if (k >= 2 && numword(w, k - 1, "range", NULL) && number_ends_at(w, k - 2)) {
            k -= 2;
            continue;
        }
        if (clause_end(t) || is_conj(t) || (!reach && numword(w, k - 1, "prep", NULL)))
            break;
        size_t e;
        const ex_entry *un = ex_match(w, &w->L->units, k - 1, &e);
        if (is_event(un))
            return un;
        if (un && count && !*count && !unit_kind(un, "none"))
            *count = un;
        k--;
        seen++;
    }
    return NULL;
}

/* Does the word end like a plural noun (the longest listed ending decides:
 * "countries" yes, "crisis" no) and is it no listed non-count word? */
static int plural(const ex_table *open, const char *word)
{
    size_t len = strlen(word);
    if (len < 4 || ex_table_get(open, word))
        return 0;
    for (size_t k = len - 1 < 4 ? len - 1 : 4; k >= 1; k--) {
        const ex_entry *e = ex_table_get(open, word + len - k);
        if (e && (kind_is(e->a, "plural") || kind_is(e->a, "singular")))
            return kind_is(e->a, "plural");
    }
    return 0;
}

static int open_kind(const ex_work *w, size_t i, const char *kind)
{
    const ex_entry *e = ex_table_get(&w->L->open, w->t[i].fold);
    return e && kind_is(e->a, kind);
}

/* Is the number a reference or a label rather than a figure: after a word
 * pointing back or naming ("the two countries", "section 230"), a
 * capitalised word inside the sentence ("Article 5 states", "Resolution
 * 2728 demands") or a preposition ("in ten provinces": a place)? */
static int referred(const ex_work *w, size_t start)
{
    if (start == 0)
        return 0;
    const ex_tok *t = &w->t[start - 1];
    if (t->sent != w->t[start].sent)
        return 0;
    int inner = start >= 2 && w->t[start - 2].sent == t->sent;
    return open_kind(w, start - 1, "definite") || numword(w, start - 1, "prep", NULL) ||
           (inner && (t->flags & EX_T_WORD) && (t->flags & EX_T_CAP));
}

/* "17,000 jobs", "thousands of flights", "8.5 million Windows computers":
 * an unlisted lower-case plural noun right after the number (one name may
 * come between) names what it counts. Not for references (above), shares
 * or one ("one remains" is a verb). Languages without plural endings have
 * none. */
static const ex_tok *open_unit(const ex_work *w, const number *n, size_t start)
{
    if (!w->L->open.n || n->fraction || n->value == 1 || referred(w, start))
        return NULL;
    size_t k = n->end, e;
    if (n->vague && numword(w, k, "part", &e))
        k = e;
    if (k + 1 < w->nt && (w->t[k].flags & EX_T_WORD) && (w->t[k].flags & EX_T_CAP))
        k++;
    if (k >= w->nt)
        return NULL;
    const ex_tok *t = &w->t[k];
    if (t->sent != w->t[n->start].sent || !(t->flags & EX_T_WORD) || (t->flags & EX_T_CAP) ||
        ex_table_get(&w->L->stop, t->fold) || ex_match(w, &w->L->units, k, &e) ||
        !plural(&w->L->open, t->fold))
        return NULL;
    return t;
}

/* The subject: the word right after the number (and "of"), when it is a noun. */
static size_t subject_start(const ex_work *w, const number *n, unitref *u)
{
    size_t k = n->end, e;
    if (numword(w, k, "part", &e))
        k = e;
    if (k < w->nt && (w->t[k].flags & EX_T_WORD) && !ex_table_get(&w->L->stop, w->t[k].fold) &&
        !numword(w, k, "prep", NULL)) {
        const ex_entry *un = ex_match(w, &w->L->units, k, &e);
        if (!is_event(un)) {
            u->subj_s = k;
            u->subj_e = un ? e : k + 1;
        }
    }
    return k;
}

static void find_unit(const ex_work *w, const number *n, const leadin *l, unitref *u)
{
    memset(u, 0, sizeof *u);
    u->end = n->end;
    if (l->before) {
        u->count = l->before;
        return;
    }
    if (measures_nothing(w, n))
        return;
    size_t k = subject_start(w, n, u), sent = w->t[n->start].sent;
    const ex_entry *back_count = NULL;
    u->event = l->reach ? unit_back(w, l->verb, sent, 1, &back_count)
                        : unit_back(w, l->start, sent, 0, NULL);
    int after_prep = 0; /* "2-1 pada laga final": a noun after a preposition is its object */
    for (size_t steps = 0; k < w->nt && steps < 7; steps++) {
        const ex_tok *t = &w->t[k];
        if (t->sent != sent || (clause_end(t) && k > n->end))
            break;
        after_prep |= numword(w, k, "prep", NULL) != NULL;
        if (k > n->end && (u->count || u->event) &&
            (!strcmp(t->fold, "and") || !strcmp(t->fold, "dan") || !strcmp(t->fold, "or")))
            break;
        size_t e;
        if (k > n->end && (t->flags & EX_T_NUM))
            break; /* the next number has its own unit */
        const ex_entry *un = ex_match(w, &w->L->units, k, &e);
        if (unit_kind(un, "act"))
            break; /* the number is the doer: "two earthquakes kill thousands" */
        if (un && !unit_kind(un, "none")) {
            int ev = unit_kind(un, "event");
            if (ev && u->event)
                break;
            if (ev)
                u->event = un;
            else if (!u->count && steps < 3 && !after_prep) {
                u->count = un;
                if (u->subj_e > u->subj_s && e > u->subj_e)
                    u->subj_e = e; /* "33 Israeli hostages" */
            }
            if (e > u->end && (steps < 3 || ev))
                u->end = e;
            if (ev || (u->count == un && unit_kind(un, "measure")))
                break; /* "80% ... have fled" is a percentage */
            k = e;
            continue;
        }
        k++;
    }
    if (!u->event && !u->count)
        u->count = back_count; /* "jumlah korban tewas ... mencapai 4.300" */
    if (!has_unit(u) && (u->open = open_unit(w, n, l->start)) != NULL) {
        size_t ok = (size_t)(u->open - w->t);
        if (ok + 1 > u->end)
            u->end = ok + 1;
        if (u->subj_e > u->subj_s && ok + 1 > u->subj_e)
            u->subj_e = ok + 1; /* "Windows computers" */
    }
}

static int own_unit(const ex_work *w, const number *n, const leadin *l, unitref *u)
{
    find_unit(w, n, l, u);
    return has_unit(u);
}

/* A number without a unit of its own takes the one of the number it is
 * joined to: the other end of a range ("between 230 and 280 seats", "1,5
 * hingga 3,5 persen"; "1 to 2 million people" takes the multiplier too) or
 * the whole it is part of ("289 of 577 seats", "280 of the 577 seats"; not
 * "one of the ..."). The claim still covers its own number only. */
static int joined_unit(const ex_work *w, number *n, unitref *u, int depth)
{
    size_t e;
    int range = numword(w, n->end, "range", &e) != NULL;
    int part = !range && numword(w, n->end, "part", &e) && n->value != 1;
    if (depth > 2 || !(range || part))
        return 0;
    if (part && e < w->nt && (w->t[e].flags & EX_T_WORD) && ex_table_get(&w->L->stop, w->t[e].fold))
        e++;
    number m;
    leadin l;
    if (e >= w->nt || w->t[e].sent != w->t[n->start].sent || !read_number(w, e, &m))
        return 0;
    read_leadin(w, &m, &l);
    if (!own_unit(w, &m, &l, u) && !joined_unit(w, &m, u, depth + 1))
        return 0;
    if (range && m.mult && !n->mult && !n->fraction)
        n->value *= m.mult;
    u->end = n->end;
    return 1;
}

/* A measure ("80% of the displaced") wins over a verb before the number;
 * otherwise the event does ("killing at least 40 people"). */
static const ex_entry *claim_unit(const unitref *u)
{
    if (u->count && (unit_kind(u->count, "measure") || !u->event))
        return u->count;
    return u->event;
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

static int add_claim(ex_work *w, const number *n, const leadin *l, const unitref *u)
{
    st_ex_claim *c = ex_grow((void **)&w->r->claims, &w->r->nclaims, &w->cap_cla, sizeof *c);
    if (!c)
        return ST_ENOMEM;
    const ex_tok *t = w->t;
    size_t sent = t[n->start].sent;
    const ex_entry *unit = claim_unit(u);
    const char *uname = unit ? unit->a : u->open->fold;
    c->start = t[l->start].off;
    c->end = t[u->end - 1].off + t[u->end - 1].len;
    c->value = n->value;
    c->value_text = ex_span_dup(w, t[n->start].off, t[n->end - 1].off + t[n->end - 1].len);
    if (n->fraction) {
        st_buf b = {0};
        st_buf_printf(&b, "%s (share)", uname);
        c->unit = st_buf_take(&b);
    } else {
        c->unit = st_strdup(uname);
    }
    c->qualifier = l->q ? st_strdup(l->q->a) : NULL;
    size_t ue;
    const ex_entry *only_unit = u->subj_e == u->subj_s + 1
                                    ? ex_match(w, &w->L->units, u->subj_s, &ue) : NULL;
    int only_open = u->open && u->subj_e == u->subj_s + 1 && &t[u->subj_s] == u->open;
    if ((only_unit && ue == u->subj_e) || only_open)
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
    for (size_t k = l->start; k < u->end; k++)
        w->t[k].used = 1;
    return c->value_text && c->unit ? ST_OK : ST_ENOMEM;
}

int ex_find_claims(ex_work *w)
{
    int rc = ST_OK;
    for (size_t i = 0; i < w->nt && rc == ST_OK; i++) {
        number n;
        leadin l;
        unitref u;
        if (!read_number(w, i, &n))
            continue;
        read_leadin(w, &n, &l);
        if (!own_unit(w, &n, &l, &u) && !joined_unit(w, &n, &u, 0))
            continue;
        rc = add_claim(w, &n, &l, &u);
        i = u.end - 1;
    }
    return rc;
}
