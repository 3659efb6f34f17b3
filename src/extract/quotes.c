/* quotes.c — direct quotes ("…", “…”, «…», „…“) and their speakers. The
 * speaker is looked for after the quote ("…," the source added / "…," tulis
 * para senator / "…," katanya), then before it (Menurut X, "…" / X said
 * "…"); a pronoun or a pronoun verb takes the previous quote's speaker when
 * it is near, else the last person named; a quote with no attribution right
 * after another one continues it. */
#include <stdlib.h>
#include <string.h>

#include "extract/ex_int.h"
#include "util/util.h"

typedef struct mark {
    const char *s;
    const char *close; /* closing marks, '|'-separated */
} mark;

static const mark marks[] = {
    {"\xe2\x80\x9c", "\xe2\x80\x9d|\xe2\x80\x9c"}, /* “ ” (and “ “) */
    {"\xe2\x80\x9e", "\xe2\x80\x9c|\xe2\x80\x9d"}, /* „ “ */
    {"\xc2\xab", "\xc2\xbb"},                      /* « » */
    {"\"", "\""},
};

static int starts(const char *s, size_t n, size_t i, const char *m)
{
    size_t l = strlen(m);
    return i + l <= n && !memcmp(s + i, m, l);
}

/* Finds the closing mark of a quote opened at `from`; stops at a line break. */
static size_t find_close(const char *s, size_t n, size_t from, const char *closes, size_t *clen)
{
    for (size_t i = from; i < n && s[i] != '\n'; i++) {
        const char *c = closes;
        while (*c) {
            const char *bar = strchr(c, '|');
            size_t l = bar ? (size_t)(bar - c) : strlen(c);
            if (i + l <= n && !memcmp(s + i, c, l)) {
                *clen = l;
                return i;
            }
            c += l + (bar ? 1 : 0);
        }
    }
    return (size_t)-1;
}

static size_t tok_at(const ex_work *w, size_t off)
{
    size_t lo = 0, hi = w->nt;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (w->t[mid].off < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int is_qmark(const ex_tok *t)
{
    const char *f = t->fold;
    return !strcmp(f, "\"") || !strcmp(f, "\xe2\x80\x9c") || !strcmp(f, "\xe2\x80\x9d") ||
           !strcmp(f, "\xc2\xab") || !strcmp(f, "\xc2\xbb") || !strcmp(f, "\xe2\x80\x9e");
}

/* Punctuation that ends a speaker window: a sentence stop (not the dot of
 * "John F. Kirby", which the sentence splitter keeps inside), ";" or a quote. */
static int stop_at(const ex_work *w, size_t k)
{
    const ex_tok *t = &w->t[k];
    if (!(t->flags & EX_T_PUNCT))
        return 0;
    if (is_qmark(t) || t->fold[0] == ';')
        return 1;
    if (!strchr(".!?", t->fold[0]))
        return 0;
    return k + 1 >= w->nt || w->t[k + 1].sent != t->sent;
}

static int stopper(const ex_work *w, size_t k)
{
    size_t e;
    const ex_entry *n = ex_match(w, &w->L->names, k, &e);
    return n && e == k + 1 && (!strcmp(n->a, "stopper") || !strcmp(n->a, "placeprep"));
}

typedef struct speaker {
    size_t a, b; /* tokens of the speaker phrase; a == b: none */
    const ex_entry *verb;
    size_t verb_tok;
    int pron;    /* the speaker is a pronoun (or a pronoun verb) */
} speaker;

/* Drops punctuation and function words at the end: "Sumber tersebut juga". */
static void trim_tail(const ex_work *w, speaker *sp)
{
    while (sp->b > sp->a && ((w->t[sp->b - 1].flags & EX_T_PUNCT) ||
                             (ex_table_get(&w->L->stop, w->t[sp->b - 1].fold) &&
                              w->t[sp->b - 1].ent < 0 && sp->b - sp->a > 1)))
        sp->b--;
}

/* The words after a verb up to punctuation or a preposition. */
static void phrase_after(const ex_work *w, size_t from, size_t limit, speaker *sp)
{
    size_t j = from;
    while (j < limit && j - from < 8 && !stop_at(w, j) &&
           strcmp(w->t[j].fold, ",") && !(j > from && stopper(w, j)))
        j++;
    sp->a = from;
    sp->b = j;
}

/* Looks at the tokens after the closing mark. */
static int from_tail(const ex_work *w, size_t i, speaker *sp)
{
    size_t limit = i;
    while (limit < w->nt && limit - i < 24 && !stop_at(w, limit) &&
           w->t[limit].sent == w->t[i].sent)
        limit++;
    for (size_t k = i; k < limit; k++) {
        size_t e;
        const ex_entry *v = ex_say(w, k, &e);
        if (!v)
            continue;
        sp->verb = v;
        sp->verb_tok = k;
        if (!strcmp(v->a, "pron")) {
            sp->pron = 1;
            return 1;
        }
        size_t a = i;
        while (a < k && (w->t[a].flags & EX_T_PUNCT))
            a++;
        if (a < k && strcmp(v->a, "cite") && strcmp(v->a, "acc")) {
            sp->a = a;
            sp->b = k;
            trim_tail(w, sp);
        } else {
            phrase_after(w, e, limit, sp);
        }
        return sp->b > sp->a;
    }
    return 0;
}

/* Looks at the same sentence before the opening mark. */
static int from_head(const ex_work *w, size_t i, speaker *sp)
{
    if (!i)
        return 0;
    size_t first = i;
    while (first > 0 && w->t[first - 1].sent == w->t[i].sent && !is_qmark(&w->t[first - 1]))
        first--;
    for (size_t k = i; k-- > first;) {
        size_t e;
        const ex_entry *v = ex_say(w, k, &e);
        if (!v || e > i)
            continue;
        sp->verb = v;
        sp->verb_tok = k;
        if (!strcmp(v->a, "pron")) {
            sp->pron = 1;
            return 1;
        }
        if (!strcmp(v->a, "acc") || !strcmp(v->a, "cite")) {
            phrase_after(w, e, i, sp);
            return sp->b > sp->a;
        }
        size_t a = k;
        while (a > first && strcmp(w->t[a - 1].fold, ",") && k - a < 8)
            a--;
        sp->a = a;
        sp->b = k;
        if (a == k || (a == k - 1 && !strcmp(w->t[a].fold, ","))) {
            /* "Xi, whose speech ..., said that": the subject before the first comma */
            sp->a = first;
            sp->b = first;
            while (sp->b < k && strcmp(w->t[sp->b].fold, ",") && sp->b - first < 8)
                sp->b++;
        }
        trim_tail(w, sp);
        return sp->b > sp->a;
    }
    return 0;
}

/* "He said": the first person named in the nearest sentence before (the
 * subject of "Taher Al-Nono, ... advisor to ... Ismail Haniyeh, confirmed"). */
static long last_person_before(const ex_work *w, size_t off)
{
    long best = -1;
    size_t best_sent = 0;
    for (size_t m = 0; m < w->r->nmentions; m++) {
        const st_ex_mention *mm = &w->r->mentions[m];
        if (mm->end > off || strcmp(w->r->entities[mm->entity].type, "person"))
            continue;
        size_t s = ex_sent_of(w, mm->start);
        if (best < 0 || s > best_sent) {
            best = (long)mm->entity;
            best_sent = s;
        }
    }
    return best;
}

static int set_speaker(st_ex_quote *q, const char *text, long ent)
{
    q->speaker = st_strdup(text);
    q->speaker_entity = ent;
    return q->speaker ? ST_OK : ST_ENOMEM;
}

/* Names the speaker of q from the phrase in sp. */
static int resolve(ex_work *w, st_ex_quote *q, const speaker *sp, const st_ex_quote *prev)
{
    long person = -1, other = -1;
    int described = 0, pron = sp->pron, explicit_pron = 0;
    for (size_t k = sp->a; k < sp->b; k++) {
        long e = w->t[k].ent;
        if (e >= 0 && !strcmp(w->r->entities[e].type, "person"))
            person = e;
        else if (e >= 0 && other < 0)
            other = e;
        size_t end;
        const ex_entry *s = ex_match(w, &w->L->sources, k, &end);
        if (s && !strcmp(s->a, "source"))
            described = 1;
        if (s && !strcmp(s->a, "pronoun") && sp->b - sp->a == 1)
            pron = explicit_pron = 1;
    }
    if (person >= 0)
        return set_speaker(q, w->r->entities[person].name, person);
    if (pron) {
        /* "katanya" goes on with the last speaker; "he said" names the last person */
        int near = !explicit_pron && prev && prev->speaker &&
                   ex_sent_of(w, q->start) <= ex_sent_of(w, prev->start) + 2;
        if (near)
            return set_speaker(q, prev->speaker, prev->speaker_entity);
        long lp = last_person_before(w, q->start);
        return lp >= 0 ? set_speaker(q, w->r->entities[lp].name, lp) : ST_OK;
    }
    if (sp->b > sp->a && (described || other < 0) && sp->b - sp->a <= 8) {
        char *t = ex_span_dup(w, w->t[sp->a].off, w->t[sp->b - 1].off + w->t[sp->b - 1].len);
        q->speaker = t;
        q->speaker_entity = described ? other : -1;
        return t ? ST_OK : ST_ENOMEM;
    }
    if (other >= 0)
        return set_speaker(q, w->r->entities[other].name, other);
    return ST_OK;
}

static int words_in(const char *s, size_t n)
{
    int words = 0, in = 0;
    for (size_t i = 0; i < n; i++) {
        int sp = s[i] == ' ' || s[i] == '\n';
        if (!sp && !in)
            words++;
        in = !sp;
    }
    return words;
}

static int add_quote(ex_work *w, size_t open, size_t olen, size_t close, size_t clen)
{
    const char *s = w->in->text;
    size_t qs = open + olen, qe = close;
    st_ex_quote *q = ex_grow((void **)&w->r->quotes, &w->r->nquotes, &w->cap_quo, sizeof *q);
    if (!q)
        return ST_ENOMEM;
    const st_ex_quote *prev = w->r->nquotes > 1 ? &q[-1] : NULL;
    q->start = qs;
    q->end = qe;
    q->speaker_entity = -1;
    q->text = ex_span_dup(w, qs, qe);
    size_t sent = ex_sent_of(w, open);
    if (w->in->nsents) {
        q->sent_start = w->in->sents[sent].off;
        q->sent_end = q->sent_start + w->in->sents[sent].len;
        size_t s2 = ex_sent_of(w, close);
        if (s2 != sent)
            q->sent_end = w->in->sents[s2].off + w->in->sents[s2].len;
    }
    if (!q->text)
        return ST_ENOMEM;
    speaker sp = {0};
    size_t ti = tok_at(w, close + clen), hi = tok_at(w, open);
    /* the tail counts only when the sentence goes on after the closing mark */
    int tail_ok = ti < w->nt && w->t[ti].sent == ex_sent_of(w, close);
    int found = (tail_ok && from_tail(w, ti, &sp)) ||
                (memset(&sp, 0, sizeof sp), from_head(w, hi, &sp));
    int rc = ST_OK;
    if (found) {
        rc = resolve(w, q, &sp, prev);
        if (rc == ST_OK && sp.verb) {
            size_t e = sp.verb_tok;
            q->verb = st_strndup(s + w->t[e].off, w->t[e].len);
        }
    }
    /* "“…,” Kirby said. “It’s moving forward…”": the same speaker goes on */
    if (rc == ST_OK && !q->speaker && prev && prev->speaker && open >= prev->end &&
        open - prev->end < 300 && !memchr(s + prev->end, '\n', open - prev->end)) {
        q->speaker = st_strdup(prev->speaker);
        q->speaker_entity = prev->speaker_entity;
        q->verb = prev->verb ? st_strdup(prev->verb) : NULL;
    }
    return rc;
}

int ex_find_quotes(ex_work *w)
{
    const char *s = w->in->text;
    size_t n = w->in->len;
    int rc = ST_OK;
    for (size_t i = 0; i < n && rc == ST_OK; i++) {
        for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++) {
            if (!starts(s, n, i, marks[m].s))
                continue;
            size_t olen = strlen(marks[m].s), clen = 0;
            /* an ASCII quote opens only before a word, after space or start */
            if (marks[m].s[0] == '"' && ((i > 0 && !strchr(" \n\t([", s[i - 1])) ||
                                         i + 1 >= n || s[i + 1] == ' '))
                break;
            size_t c = find_close(s, n, i + olen, marks[m].close, &clen);
            if (c == (size_t)-1)
                break;
            if (words_in(s + i + olen, c - i - olen) >= 3)
                rc = add_quote(w, i, olen, c, clen);
            i = c + clen - 1;
            break;
        }
    }
    return rc;
}
