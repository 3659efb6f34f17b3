/* coder.c — shallow CAMEO coding of one sentence.
 *
 * Steps: tokens; actor and agent phrases (longest match); composition of
 * agents with the country next to them ("Israeli officials" -> ISRGOV,
 * "pejabat Israel" -> ISRGOV); verb phrases and the most specific pattern of
 * their block; source = nearest actor before the verb, target = first actor
 * after it (swapped for "was VERBed by X"); compounds ("Egypt and Qatar")
 * give one event per member. Actors after "in/at/di" are places, not parties. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "events/dict.h"
#include "events/transform.h"
#include "util/util.h"

#define MAXTOK 400
#define TOKW 48

typedef struct tk {
    size_t off, len;
    char up[TOKW];
    size_t upn;
    int punct;
    int cap; /* starts with an upper-case letter in the text */
} tk;

typedef struct mention {
    int s, e; /* tokens [s, e) */
    char code[32];
    int actor, agent, loc;
    int role_first; /* the role came before its country ("ambassadors of X") */
    char role[16]; /* the agent role composed into code, "" = none */
} mention;

typedef struct sent {
    const char *text;
    tk t[MAXTOK];
    int n;
    mention m[96];
    int nm;
    signed char in_mention[MAXTOK];
} sent;

/* ------------------------------------------------------------------ tokens */

static int is_word_byte(unsigned char c) { return isalnum(c) || c >= 0x80; }

/* Length of a UTF-8 punctuation sequence we treat like ASCII punctuation
 * (curly quotes, dashes), else 0. */
static size_t utf8_punct(const char *s, size_t n)
{
    if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        ((unsigned char)s[2] >= 0x93 && (unsigned char)s[2] <= 0x9D))
        return 3;
    return 0;
}

static int is_apos(const char *s, size_t n)
{
    if (n >= 1 && s[0] == '\'')
        return 1;
    if (n >= 3 && !memcmp(s, "\xE2\x80\x99", 3))
        return 3;
    return 0;
}

static void push(sent *x, size_t off, size_t len, int punct)
{
    if (x->n >= MAXTOK)
        return;
    tk *t = &x->t[x->n++];
    t->off = off;
    t->len = len;
    t->punct = punct;
    t->cap = isupper((unsigned char)x->text[off]);
    size_t k = 0;
    for (size_t i = 0; i < len && k < TOKW - 1; i++) {
        size_t a = is_apos(x->text + off + i, len - i);
        if (a) {
            t->up[k++] = '\'';
            i += a - 1;
            continue;
        }
        t->up[k++] = (char)toupper((unsigned char)x->text[off + i]);
    }
    t->up[k] = 0;
    t->upn = k;
}

static void tokenize(sent *x, const char *s, size_t n)
{
    x->text = s;
    x->n = 0;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        size_t up = utf8_punct(s + i, n - i);
        if (isspace(c)) {
            i++;
        } else if (up && memcmp(s + i, "\xE2\x80\x99", 3)) {
            push(x, i, up, 1);
            i += up;
        } else if (is_word_byte(c) && !up) {
            size_t st = i;
            while (i < n) {
                size_t a;
                if (utf8_punct(s + i, n - i) && !is_apos(s + i, n - i))
                    break;
                if (is_word_byte((unsigned char)s[i])) {
                    i++;
                } else if ((a = is_apos(s + i, n - i)) && i + a < n &&
                           isalpha((unsigned char)s[i + a])) {
                    /* Possessive 's is its own token; O'Brien stays whole. */
                    if ((s[i + a] == 's' || s[i + a] == 'S') &&
                        (i + a + 1 >= n || !is_word_byte((unsigned char)s[i + a + 1])))
                        break;
                    i += a;
                } else if ((s[i] == '-' || s[i] == '.') && i + 1 < n &&
                           isalnum((unsigned char)s[i + 1])) {
                    i++;
                } else {
                    break;
                }
            }
            /* "U.S." keeps its final dot. */
            if (i < n && s[i] == '.' && memchr(s + st, '.', i - st))
                i++;
            push(x, st, i - st, 0);
            size_t a = is_apos(s + i, n - i);
            if (a && i + a < n && (s[i + a] == 's' || s[i + a] == 'S') &&
                (i + a + 1 >= n || !is_word_byte((unsigned char)s[i + a + 1]))) {
                push(x, i, a + 1, 0);
                i += a + 1;
            }
        } else {
            size_t a = is_apos(s + i, n - i);
            size_t len = a ? a : 1;
            push(x, i, len, 1);
            i += len;
        }
    }
}

static int tok_is(const tk *t, const char *w) { return !strcmp(t->up, w); }

static int tok_in(const tk *t, const char *const *list)
{
    for (; *list; list++)
        if (tok_is(t, *list))
            return 1;
    return 0;
}

/* ------------------------------------------------------------------ phrases */

static int match_words(const st_cameo *c, const ev_word *w, int nw, const sent *x, int i);

/* Length in tokens of a synset member matching at i, or 0. */
static int match_synset(const st_cameo *c, const char *name, const sent *x, int i)
{
    int id = ev_map_get(&c->synsets, name, strlen(name));
    if (id < 0 || i >= x->n)
        return 0;
    const tk *t = &x->t[i];
    int best = 0;
    for (size_t k = 0; k <= 3 && k < t->upn; k++) {
        int p = ev_map_get(&c->synphrases.first, t->up, t->upn - k);
        for (; p >= 0; p = c->synphrases.v[p].next) {
            const ev_phrase *ph = &c->synphrases.v[p];
            if (ph->owner == id && ph->nwords > best && match_words(c, ph->words, ph->nwords, x, i))
                best = ph->nwords;
        }
    }
    return best;
}

/* Tokens matched by consecutive words at i (synsets may span several), or 0. */
static int match_words(const st_cameo *c, const ev_word *w, int nw, const sent *x, int i)
{
    int j = i;
    for (int k = 0; k < nw; k++) {
        if (j >= x->n || x->t[j].punct)
            return 0;
        if (w[k].syn) {
            int m = match_synset(c, w[k].w, x, j);
            if (!m)
                return 0;
            j += m;
        } else {
            if (!ev_word_match(&w[k], x->t[j].up, x->t[j].upn))
                return 0;
            j++;
        }
    }
    return j - i;
}

/* The longest phrase of idx at token i: returns its index and sets *len. */
static int longest(const st_cameo *c, const ev_index *idx, const sent *x, int i, int stem,
                   int *len)
{
    const tk *t = &x->t[i];
    int best = -1;
    *len = 0;
    if (t->punct)
        return -1;
    for (size_t k = 0; k <= (stem ? 3u : 0u) && k < t->upn; k++) {
        int p = ev_map_get(&idx->first, t->up, t->upn - k);
        for (; p >= 0; p = idx->v[p].next) {
            const ev_phrase *ph = &idx->v[p];
            if (!stem && strlen(ph->words[0].w) != t->upn)
                continue;
            int m = match_words(c, ph->words, ph->nwords, x, i);
            if (m > *len) {
                *len = m;
                best = p;
            }
        }
    }
    return best;
}

/* ------------------------------------------------------------------ mentions */

static const char *const LOC_PREPS[] = {"IN", "AT", "NEAR", "DI", "INSIDE", "ACROSS",
                                        "THROUGHOUT", "AROUND", "OUTSIDE", "OVER", NULL};

static void find_mentions(const st_cameo *c, sent *x, int date)
{
    x->nm = 0;
    for (int i = 0; i < x->n && x->nm < (int)(sizeof x->m / sizeof x->m[0]);) {
        int la, lg;
        int pa = longest(c, &c->actors, x, i, 1, &la);
        int pg = longest(c, &c->agents, x, i, 1, &lg);
        const char *code = pa >= 0 ? ev_actor_code(c, c->actors.v[pa].owner, date) : NULL;
        if (!code)
            la = 0;
        if (!la && !lg) {
            i++;
            continue;
        }
        mention *m = &x->m[x->nm++];
        memset(m, 0, sizeof *m);
        m->s = i;
        if (la >= lg) {
            m->e = i + la;
            m->actor = 1;
            snprintf(m->code, sizeof m->code, "%s", code);
        } else {
            m->e = i + lg;
            m->agent = 1;
            snprintf(m->code, sizeof m->code, "%s", c->agentv[c->agents.v[pg].owner].role);
        }
        i = m->e;
    }
}

/* Adds an agent's role to an actor code unless it is already there. */
static void add_role(char code[32], const char *role)
{
    size_t n = strlen(code), r = strlen(role);
    if (r && (n < r || strcmp(code + n - r, role)) && n + r < 32)
        strcat(code, role);
}

static int gap_ok(const sent *x, int from, int to, const char *const *allowed, int max)
{
    if (to - from > max)
        return 0;
    for (int k = from; k < to; k++)
        if (!tok_in(&x->t[k], allowed))
            return 0;
    return 1;
}

static void remove_mention(sent *x, int k)
{
    memmove(&x->m[k], &x->m[k + 1], (size_t)(x->nm - k - 1) * sizeof x->m[0]);
    x->nm--;
}

/* "dissidents from military-ruled Myanmar", "a court in Guyana": an agent's
 * own prepositional phrase names its country (PETRARCH's NP-internal PP).
 * Role-less agents ("mediators in Cairo") are not the place's people. */
static int of_phrase(const sent *x, int from, int to)
{
    static const char *const PREP[] = {"OF", "FROM", "IN", NULL};
    if (to - from < 1 || to - from > 3 || !tok_in(&x->t[from], PREP))
        return 0;
    for (int k = from + 1; k < to; k++)
        if (x->t[k].punct || x->t[k].cap)
            return 0;
    return 1;
}

/* "military exercises", "military support": a lone singular role word
 * before a common noun modifies it and names no party. */
static int modifier(const sent *x, const mention *m)
{
    static const char *const FUNC[] = {"OF", "IN", "AND", "OR", "TO", "FOR", "ON", "AT", "BY",
                                       "WITH", "FROM", "HAS", "HAVE", "HAD", "IS", "WAS", "ARE",
                                       "WERE", "WILL", "WOULD", "SAID", "SAYS", "THAT", "WHICH",
                                       "WHO", "CAN", "COULD", "MAY", "MUST", "NOT", NULL};
    const tk *w = &x->t[m->e - 1];
    if (m->e - m->s != 1 || m->e >= x->n || w->up[w->upn - 1] == 'S')
        return 0;
    const tk *n = &x->t[m->e];
    if (n->punct || n->cap || tok_in(n, FUNC))
        return 0;
    return !(n->upn > 2 && !strcmp(n->up + n->upn - 2, "ED"));
}

/* "US and British activists": the role after the last country of a
 * compound belongs to every bare country before it. */
static void share_roles(sent *x)
{
    static const char *const AND[] = {"AND", "DAN", ",", NULL};
    for (int k = x->nm - 2; k >= 0; k--) {
        mention *a = &x->m[k], *b = &x->m[k + 1];
        if (a->actor && !a->role[0] && strlen(a->code) == 3 && b->role[0] &&
            b->s > a->e && gap_ok(x, a->e, b->s, AND, 1)) {
            add_role(a->code, b->role);
            memcpy(a->role, b->role, sizeof a->role);
        }
    }
    /* "the ambassadors of Arnor, Osgiliath and Gondor", "lawmakers in X and
     * Y": a role before its country reaches the rest of the compound. */
    for (int k = 0; k + 1 < x->nm; k++) {
        mention *a = &x->m[k], *b = &x->m[k + 1];
        if (a->role_first && a->role[0] && b->actor && !b->role[0] && strlen(b->code) == 3 &&
            b->s > a->e && gap_ok(x, a->e, b->s, AND, 2)) {
            add_role(b->code, a->role);
            memcpy(b->role, a->role, sizeof b->role);
            b->role_first = 1;
        }
    }
}

/* Joins actors and agents that name one party. */
static void compose(const st_cameo *c, sent *x)
{
    static const char *const POSS[] = {"'S", "'", NULL};
    static const char *const OF[] = {"OF", "THE", "'S", NULL};
    static const char *const NONE[] = {NULL};
    for (int k = 0; k + 1 < x->nm;) {
        mention *a = &x->m[k], *b = &x->m[k + 1];
        int merged = 0;
        if (a->actor && b->agent && (gap_ok(x, a->e, b->s, POSS, 1) || b->s - a->e <= 1)) {
            /* "Israeli officials", "Egypt's foreign minister", "US senior officials" */
            int vl = 0;
            int plain = b->s == a->e || gap_ok(x, a->e, b->s, POSS, 1) ||
                        (!x->t[a->e].punct && !x->t[a->e].cap &&
                         longest(c, &c->verbs, x, a->e, 0, &vl) < 0);
            if (plain) {
                add_role(a->code, b->code);
                size_t rl = strlen(b->code) < sizeof a->role ? strlen(b->code) : sizeof a->role - 1;
                memcpy(a->role, b->code, rl);
                a->role[rl] = 0;
                merged = 1;
            }
        } else if (a->agent && b->actor && (gap_ok(x, a->e, b->s, OF, 3) ||
                                            (a->code[0] && of_phrase(x, a->e, b->s)))) {
            /* "leaders of Egypt's Muslim Brotherhood", "pejabat Israel" */
            char code[32];
            snprintf(code, sizeof code, "%s", b->code);
            add_role(code, a->code);
            size_t rl = strlen(a->code) < sizeof a->role ? strlen(a->code) : sizeof a->role - 1;
            memcpy(a->role, a->code, rl);
            a->role[rl] = 0;
            snprintf(a->code, sizeof a->code, "%s", code);
            a->agent = 0;
            a->actor = 1;
            a->role_first = 1;
            merged = 1;
        } else if (a->actor && b->actor && gap_ok(x, a->e, b->s, NONE, 0)) {
            /* "Qatar Prime Minister Al Thani": keep the more specific code. */
            if (strlen(b->code) > strlen(a->code))
                memcpy(a->code, b->code, sizeof a->code);
            merged = 1;
        } else if (a->agent && b->agent && gap_ok(x, a->e, b->s, NONE, 0)) {
            add_role(a->code, b->code);
            merged = 1;
        }
        if (merged) {
            a->e = b->e;
            remove_mention(x, k + 1);
            /* "Egypt's Muslim Brotherhood": a second actor right after a
             * possessive takes the first as its country. */
        } else {
            k++;
        }
    }
    share_roles(x);
    for (int k = 0; k < x->nm; k++) {
        mention *m = &x->m[k];
        if (m->agent && modifier(x, m)) {
            remove_mention(x, k--);
            continue;
        }
        if (m->agent) {
            char code[32];
            snprintf(code, sizeof code, "---%s", m->code);
            snprintf(m->code, sizeof m->code, "%s", code);
            m->agent = 0;
            m->actor = 1;
        }
        /* "in the east of", "over Eastern Ukraine": articles and compass
         * words may sit between the preposition and the place. */
        static const char *const SKIP[] = {"THE", "EAST", "EASTERN", "WEST", "WESTERN", "NORTH",
                                           "NORTHERN", "SOUTH", "SOUTHERN", "CENTRAL", NULL};
        int p = m->s - 1;
        while (p >= 0 && p >= m->s - 2 && tok_in(&x->t[p], SKIP))
            p--;
        m->loc = p >= 0 && tok_in(&x->t[p], LOC_PREPS);
    }
    memset(x->in_mention, -1, sizeof x->in_mention);
    for (int k = 0; k < x->nm; k++)
        for (int i = x->m[k].s; i < x->m[k].e; i++)
            x->in_mention[i] = (signed char)k;
}

/* ------------------------------------------------------------------ verbs */

static const char *const DETERMINERS[] = {
    "THE", "A", "AN", "ITS", "THEIR", "HIS", "HER", "THIS", "THESE", "THOSE", "OUR", "MY",
    "YOUR", "ANY", "EACH", "EVERY", "'S", "SUCH", "OF", "PARA", "SEBUAH", "SEORANG", NULL};
static const char *const NEGATIONS[] = {"NOT", "NEVER", "TIDAK", "BELUM", "TAK", "BUKAN",
                                        "NOR", "CANNOT", NULL};
static const char *const BE[] = {"WAS", "WERE", "BEEN", "BEING", "BE", "IS", "ARE", "GET",
                                 "GOT", NULL};
static const char *const COMPOUND[] = {"AND", "DAN", "&", "OR", "ATAU", ",", NULL};
static const char *const SAYING[] = {"SAID", "SAYS", "SAY", "TOLD", "ACCORDING", "REPORTED",
                                     "KATANYA", "MENGATAKAN", "KATA", "UJAR", "MENURUT",
                                     "MELAPORKAN", NULL};

static const char *const VERB_AUX[] = {"WILL", "WOULD", "CAN", "COULD", "MAY", "MIGHT", "MUST",
                                       "SHOULD", "SHALL", "ALSO", "THEN", "TO", "HAS", "HAVE",
                                       "HAD", "NOT", "AKAN", "JUGA", NULL};

static int clause_end(const sent *x, int i)
{
    return x->t[i].punct && (tok_is(&x->t[i], ";") || tok_is(&x->t[i], ":"));
}

/* Pattern words in order inside [from, to); returns 1 when all matched and
 * adds to *exact the words that matched a token letter for letter. */
static int match_seq(const st_cameo *c, const ev_word *w, int nw, const sent *x, int from,
                     int to, int *exact)
{
    int j = from;
    for (int k = 0; k < nw; k++) {
        int found = 0;
        for (; j < to; j++) {
            int m = match_words(c, &w[k], 1, x, j);
            if (m) {
                *exact += !w[k].syn && strlen(w[k].w) == x->t[j].upn;
                j += m;
                found = 1;
                break;
            }
        }
        if (!found)
            return 0;
    }
    return 1;
}

static int same_words(const ev_word *a, int na, const ev_word *b, int nb)
{
    if (na != nb)
        return 0;
    for (int k = 0; k < na; k++)
        if (strcmp(a[k].w, b[k].w) || a[k].syn != b[k].syn)
            return 0;
    return 1;
}

/* PETRARCH2 keeps patterns in a word tree: a later copy of the same pattern
 * replaces the earlier one ("RATIFY * &TREATY [057]" after "APPROVE * &TREATY
 * [031]"), and a word spelt as in the text beats a stem ("SANCTIONS [085]"
 * over "SANCTION [0351]"). */
static int better_pattern(const ev_pattern *p, int sc, int ex, const ev_pattern *best,
                          int score, int bex)
{
    if (!best || sc != score)
        return !best || sc > score;
    if (ex != bex)
        return ex > bex;
    return same_words(p->pre, p->npre, best->pre, best->npre) &&
           same_words(p->post, p->npost, best->post, best->npost);
}

typedef struct verbhit {
    int s, e;
    const char *code1, *code2;
    int pattern; /* the code came from a pattern, not a verb or block default */
    int intent;  /* complement of an intent verb ("seeking to deepen") */
    int src, tgt; /* mentions chosen by code_dyads, -1 = none */
} verbhit;

/* The code of a verb at [s, e): its block's most specific matching
 * pattern, else the verb's or the block's default. 0 = not an event. */
static int choose_code(const st_cameo *c, const ev_verb *v, const sent *x, int s, int e,
                       verbhit *h)
{
    const ev_block *b = &c->blocks[v->block];
    int lo = s, hi = e;
    while (lo > 0 && s - lo < 6 && !clause_end(x, lo - 1))
        lo--;
    /* PETRARCH2 matches a pattern inside the verb's own phrase: a few words
     * on, not past a comma ("says it has evidence ... attacks" is no
     * "REPORT * ATTACK"; "made remarks ... of a regional trip" no "MAKE * TRIP"). */
    while (hi < x->n && hi - e < 7 && !clause_end(x, hi) && !tok_is(&x->t[hi], ","))
        hi++;
    const ev_pattern *best = NULL;
    int score = 0, bex = 0;
    for (int k = 0; k < b->npatterns; k++) {
        const ev_pattern *p = &c->patterns[b->first_pattern + k];
        int sc = p->npre + p->npost, ex = 0;
        if (sc < score)
            continue;
        if (p->npost && !match_seq(c, p->post, p->npost, x, e, hi, &ex))
            continue;
        if (p->npre && !match_seq(c, p->pre, p->npre, x, lo, s, &ex))
            continue;
        if (!better_pattern(p, sc, ex, best, score, bex))
            continue;
        best = p;
        score = sc;
        bex = ex;
    }
    h->s = s;
    h->e = e;
    h->pattern = best != NULL;
    if (best) {
        if (best->null)
            return 0;
        h->code1 = best->code1;
        h->code2 = best->code2;
    } else if (v->has_code) {
        if (v->null)
            return 0;
        h->code1 = v->code1;
        h->code2 = v->code2;
    } else {
        if (b->null)
            return 0;
        h->code1 = b->code1;
        h->code2 = b->code2;
    }
    if (!best && !strncmp(h->code1, "01", 2) && !h->code2[0])
        return 0; /* a bare "said": reported speech is coded by its inner verb */
    return h->code1[0] || h->code2[0];
}

/* ------------------------------------------------------------------ events */

static char *span_dup(const sent *x, int s, int e)
{
    return st_strndup(x->text + x->t[s].off, x->t[e - 1].off + x->t[e - 1].len - x->t[s].off);
}

static int emit(const st_cameo *c, const sent *x, st_cameo_events *ev, const mention *src,
                const mention *tgt, const char *code, const verbhit *h, int negated,
                int reported, int place)
{
    const char *sc = src ? src->code : "---", *tc = tgt ? tgt->code : "---";
    for (size_t i = 0; i < ev->n; i++) {
        const st_cameo_event *o = &ev->v[i];
        if (o->verb_off == x->t[h->s].off && !strcmp(o->source, sc) && !strcmp(o->target, tc) &&
            !strcmp(o->code, code))
            return ST_OK;
    }
    if (ev_grow((void **)&ev->v, &ev->cap, ev->n, sizeof *ev->v))
        return ST_ENOMEM;
    st_cameo_event *e = &ev->v[ev->n];
    memset(e, 0, sizeof *e);
    snprintf(e->source, sizeof e->source, "%s", sc);
    snprintf(e->target, sizeof e->target, "%s", tc);
    snprintf(e->code, sizeof e->code, "%s", code);
    e->source_name = src ? span_dup(x, src->s, src->e) : NULL;
    e->target_name = tgt ? span_dup(x, tgt->s, tgt->e) : NULL;
    e->verb = span_dup(x, h->s, h->e);
    e->place = place >= 0 ? span_dup(x, x->m[place].s, x->m[place].e) : NULL;
    e->verb_off = x->t[h->s].off;
    e->verb_len = x->t[h->e - 1].off + x->t[h->e - 1].len - e->verb_off;
    e->negated = negated;
    e->reported = reported;
    if (!st_cameo_code_info(c, code, &e->goldstein, &e->quad, NULL))
        e->quad = 0;
    ev->n++;
    return ST_OK;
}

/* The members of the compound around mention k ("Israel, Egypt and Qatar"). */
static void compound(const sent *x, int k, int *first, int *last)
{
    *first = *last = k;
    while (*first > 0 && x->m[*first - 1].loc == x->m[k].loc &&
           gap_ok(x, x->m[*first - 1].e, x->m[*first].s, COMPOUND, 2) &&
           x->m[*first - 1].e < x->m[*first].s)
        (*first)--;
    while (*last + 1 < x->nm && x->m[*last + 1].loc == x->m[k].loc &&
           gap_ok(x, x->m[*last].e, x->m[*last + 1].s, COMPOUND, 2) &&
           x->m[*last].e < x->m[*last + 1].s)
        (*last)++;
}

/* "The US commander in Iraq, General David Petraeus, held talks": a name set
 * off by commas right before the verb restates the subject, and PETRARCH
 * codes the head noun phrase before it. */
static int appositive_head(const sent *x, int k, int tok)
{
    const mention *m = &x->m[k];
    if (m->e + 1 != tok || !tok_is(&x->t[m->e], ","))
        return k;
    int i = m->s - 1;
    while (i >= 0 && x->t[i].cap && !x->t[i].punct && x->in_mention[i] < 0 && m->s - i <= 2)
        i--;
    if (i < 1 || !tok_is(&x->t[i], ","))
        return k;
    for (int j = k - 1; j >= 0 && x->m[j].e <= i; j--) {
        for (int t = x->m[j].e; t < i; t++)
            if (x->t[t].punct)
                return k;
        if (!x->m[j].loc)
            return j;
    }
    return k;
}

static int mention_before(const sent *x, int tok)
{
    for (int k = x->nm - 1; k >= 0; k--) {
        if (x->m[k].e > tok)
            continue;
        int stop = 0;
        for (int i = x->m[k].e; i < tok; i++)
            stop |= clause_end(x, i);
        if (stop)
            return -1;
        if (!x->m[k].loc)
            return appositive_head(x, k, tok);
    }
    return -1;
}

/* The first party after tok; a place ("in Beijing", "at Russia") only when
 * no other actor follows, as PETRARCH takes a located actor as the target
 * of an otherwise intransitive verb ("protested in Beijing"). */
/* A clause opened after a comma (", scaling a pole", ", which ...") holds
 * no object of the verb before it. */
static const char *const BUT[] = {"BUT", "WHEREAS", "TETAPI", "NAMUN", NULL};

static int clause_limit(const sent *x, int tok, int limit)
{
    static const char *const REL[] = {"WHICH", "WHO", "WHERE", "WHILE", "WHOSE", NULL};
    for (int i = tok; i + 1 < limit && i + 1 < x->n; i++) {
        const tk *t = &x->t[i + 1];
        /* "... -- but China remained mum": a new clause with its own subject. */
        if (tok_in(&x->t[i], BUT))
            return i;
        if (!tok_is(&x->t[i], ","))
            continue;
        if (tok_in(t, REL) || (!t->cap && t->upn > 4 && !strcmp(t->up + t->upn - 3, "ING")))
            return i;
    }
    return limit;
}

/* "..., Palestinian security officials said": the speaker of a trailing
 * attribution is the subject of "said", no object of the verb before. */
static int speaker(const sent *x, int k)
{
    static const char *const SPEECH[] = {"SAID", "SAYS", "SAY", "TOLD", "ADDED", "STATED",
                                         "ANNOUNCED", "REPORTED", "MENGATAKAN", NULL};
    int e = x->m[k].e;
    /* "US Deputy Secretary of Energy Jeffrey Kupfer said": a name may sit
     * between the title and the verb. */
    while (e < x->n && e < x->m[k].e + 3 && x->t[e].cap && !x->t[e].punct)
        e++;
    return e < x->n && tok_in(&x->t[e], SPEECH) && x->m[k].s > 0 &&
           x->t[x->m[k].s - 1].punct;
}

static int mention_after(const sent *x, int tok, int limit)
{
    int place = -1;
    limit = clause_limit(x, tok, limit);
    for (int k = 0; k < x->nm; k++) {
        if (x->m[k].s < tok)
            continue;
        if (x->m[k].s >= limit || speaker(x, k))
            break;
        if (!x->m[k].loc)
            return k;
        if (place < 0)
            place = k;
    }
    return place;
}

/* 1 when mention a belongs to the compound around mention b. */
static int same_party(const sent *x, int a, int b)
{
    int first, last;
    if (a < 0 || b < 0)
        return 0;
    compound(x, b, &first, &last);
    return a >= first && a <= last;
}

/* "... and meet with X": a verb right after "and" shares the subject of the
 * verb before it. */
static int coordinated(const sent *x, const verbhit *prev, const verbhit *h)
{
    int i = h->s - 1;
    while (i > prev->e && (tok_in(&x->t[i], VERB_AUX) ||
                           (x->t[i].upn > 2 && !strcmp(x->t[i].up + x->t[i].upn - 2, "LY"))))
        i--;
    return i > prev->e && (tok_is(&x->t[i], "AND") || tok_is(&x->t[i], "DAN"));
}

static const char *const NOMINAL_LEFT[] = {"THE", "A", "AN", "SUCH", "THIS", "THESE",
                                           "THOSE", "ITS", "THEIR", NULL};

/* "Washington said such a step enjoyed support from Moscow": after a frame
 * verb, a noun phrase that is no actor is the subject, so the verb has no
 * coded source. */
static int inner_subject_unknown(const sent *x, int src, int verb)
{
    int f = -1;
    for (int i = x->m[src].e; i < verb; i++)
        if (x->in_mention[i] < 0 && ev_frame_of(x->t[i].up) == EV_FRAME_SAY)
            f = i;
    if (f < 0)
        return 0;
    for (int i = f + 1; i < verb; i++)
        if (x->in_mention[i] < 0 && tok_in(&x->t[i], NOMINAL_LEFT))
            return 1;
    return 0;
}

static int infinitive(const sent *x, const verbhit *h)
{
    return h->s > 0 && tok_is(&x->t[h->s - 1], "TO");
}

/* The subject of an active verb: the nearest actor before it, unless that
 * actor is the object of an earlier verb ("met Assad to discuss efforts to
 * counter X": Assad does not counter), the verb is an infinitive after a
 * coded verb ("pressured by Congress to help Iran": coded by the first
 * verb alone, as PETRARCH does), or the verb is coordinated ("and meet"). */
static int active_source(const sent *x, const verbhit *hits, int k)
{
    const verbhit *h = &hits[k];
    int src = mention_before(x, h->s);
    if (src >= 0 && inner_subject_unknown(x, src, h->s))
        return -1;
    if (!k)
        return src;
    if (coordinated(x, &hits[k - 1], h))
        return hits[k - 1].src;
    for (int j = 0; j < k; j++) {
        if (hits[j].src < 0)
            continue;
        if (same_party(x, src, hits[j].tgt))
            return -1;
        /* An infinitive whose nearest actor sits inside the previous verb's
         * clause ("pressured by Congress to help") takes no subject; one
         * after a shared subject ("Hamas will head to Cairo to meet") does. */
        if (infinitive(x, h) && src >= 0 && x->m[src].s >= hits[j].e)
            return -1;
    }
    return src;
}

/* How one verb occurrence reads: voice, negation, speech, its parties. */
typedef struct roles {
    int negated, passive, reported;
    int src, tgt, place;
} roles;

/* Past participles: regular "-ed", and the irregular endings of the verbs
 * that news codes ("taken", "blown", "shot", "held", "struck"). */
static int is_participle(const tk *t)
{
    static const char *const IRREGULAR[] = {"STRUCK", "WON", "HUNG", "BEGUN", "DONE", NULL};
    size_t n = t->upn;
    if (n <= 2)
        return 0;
    const char *e = t->up + n - 2;
    return !strcmp(e, "ED") || !strcmp(e, "EN") || !strcmp(e, "WN") || e[1] == 'T' ||
           e[1] == 'D' || tok_in(t, IRREGULAR);
}

static int adverb(const tk *t)
{
    static const char *const ADV[] = {"NOT", "NEVER", "ALSO", "ALREADY", "REPORTEDLY",
                                      "ALLEGEDLY", "LATER", "THEN", "JUST", "STILL", NULL};
    return tok_in(t, ADV) || (t->upn > 3 && !strcmp(t->up + t->upn - 2, "LY")) ||
           (t->upn > 3 && !strcmp(t->up + t->upn - 3, "N'T"));
}

/* "was killed", "were reportedly blown up", "had been arrested": a form of
 * "be" right before the participle, adverbs aside ("are seeking to deepen"
 * is no passive). "There were ten soldiers killed" is one too. */
static int is_passive(const sent *x, const verbhit *h)
{
    if (!is_participle(&x->t[h->s]))
        return 0;
    int i = h->s - 1;
    while (i >= 0 && adverb(&x->t[i]))
        i--;
    if (i >= 0 && tok_in(&x->t[i], BE))
        return 1;
    /* "there were 10 Russian soldiers killed": the subject sits between. */
    for (int k = i; k >= 1 && k >= h->s - 6; k--)
        if (tok_is(&x->t[k - 1], "THERE") && tok_in(&x->t[k], BE))
            return 1;
    return 0;
}

/* The agent of a passive: "by X"; without one, "fired from Gaza" names
 * where the act came from, and a place ("killed in Ukraine") stands in for
 * it as PETRARCH takes a located actor for the missing party. */
static int passive_source(const sent *x, const verbhit *h, int limit)
{
    for (int i = h->e; i < limit && i < x->n; i++)
        if (tok_is(&x->t[i], "BY") || tok_is(&x->t[i], "OLEH"))
            return mention_after(x, i + 1, limit);
    int k = mention_after(x, h->e, clause_limit(x, h->e, limit));
    if (k < 0 || x->m[k].s < 1)
        return -1;
    const tk *p = &x->t[x->m[k].s - 1];
    if (x->m[k].s >= 2 && tok_is(p, "THE"))
        p = &x->t[x->m[k].s - 2];
    return x->m[k].loc || tok_is(p, "FROM") ? k : -1;
}

/* "hoped French officials would be indicted": a party followed by a modal
 * or auxiliary is the subject of a nested clause, not the verb's object. */
static int clause_subject(const sent *x, int k)
{
    static const char *const MODAL[] = {"WOULD", "WILL", "COULD", "SHOULD", "MAY", "MIGHT",
                                        "MUST", "CAN", "IS", "WAS", "WERE", "ARE", "HAD", "HAS",
                                        "HAVE", "AKAN", "SUDAH", "TELAH", NULL};
    int i = x->m[k].e;
    /* The head noun may trail the party ("French officials"): plurals only,
     * so "Gaza and has", "prisoners who had" keep their object. */
    while (i < x->n && i < x->m[k].e + 2 && !x->t[i].punct && !x->t[i].cap &&
           x->t[i].upn > 3 && x->t[i].up[x->t[i].upn - 1] == 'S' && !tok_in(&x->t[i], MODAL) &&
           x->in_mention[i] < 0)
        i++;
    return i < x->n && tok_in(&x->t[i], MODAL);
}

static void find_roles(const sent *x, const verbhit *hits, int k, int limit, roles *r)
{
    const verbhit *h = &hits[k];
    memset(r, 0, sizeof *r);
    for (int i = h->s - 1; i >= 0 && i >= h->s - 3; i--)
        if (tok_in(&x->t[i], NEGATIONS) ||
            (x->t[i].upn > 3 && !strcmp(x->t[i].up + x->t[i].upn - 3, "N'T")))
            r->negated = 1;
    r->passive = is_passive(x, h);
    for (int i = 0; i < x->n; i++)
        if (tok_in(&x->t[i], SAYING) && (i < h->s - 1 || i > h->e))
            r->reported = 1;
    if (r->passive) {
        r->src = passive_source(x, h, limit);
        r->tgt = mention_before(x, h->s);
    } else {
        r->src = active_source(x, hits, k);
        r->tgt = mention_after(x, h->e, limit);
        if (r->tgt >= 0 && clause_subject(x, r->tgt))
            r->tgt = -1;
    }
    r->place = -1;
    for (int m = 0; m < x->nm; m++)
        if (x->m[m].loc && m != r->tgt && (r->place < 0 || x->m[m].s >= h->e)) {
            r->place = m;
            if (x->m[m].s >= h->e)
                break;
        }
}

/* One event per member pair of the source and target compounds. code2,
 * when given, is the target's reply (target -> source). */
static int emit_pairs(const st_cameo *c, const sent *x, st_cameo_events *ev, const verbhit *h,
                      const roles *r, int src, int tgt, const char *code1, const char *code2)
{
    int s0, s1, t0, t1;
    compound(x, src, &s0, &s1);
    compound(x, tgt, &t0, &t1);
    for (int a = s0; a <= s1; a++)
        for (int b = t0; b <= t1; b++) {
            const mention *ms = &x->m[a], *mt = &x->m[b];
            if (!strcmp(ms->code, mt->code))
                continue;
            int rc = ST_OK;
            if (code1 && code1[0])
                rc = emit(c, x, ev, ms, mt, code1, h, r->negated, r->reported, r->place);
            if (rc == ST_OK && code2 && code2[0])
                rc = emit(c, x, ev, mt, ms, code2, h, r->negated, r->reported, r->place);
            if (rc)
                return rc;
        }
    return ST_OK;
}

/* "The US, Russia and Switzerland met": with no object, PETRARCH codes the
 * members of a compound subject with each other. */
static int emit_among(const st_cameo *c, const sent *x, st_cameo_events *ev, const verbhit *h,
                      const roles *r, const char *code)
{
    int s0, s1;
    compound(x, r->src, &s0, &s1);
    for (int a = s0; a <= s1; a++)
        for (int b = s0; b <= s1; b++) {
            if (a == b || !strcmp(x->m[a].code, x->m[b].code))
                continue;
            int rc = emit(c, x, ev, &x->m[a], &x->m[b], code, h, r->negated, r->reported,
                          r->place);
            if (rc)
                return rc;
        }
    return ST_OK;
}

/* Codes that a compound subject can do with itself: consult (04),
 * cooperate diplomatically (05) or materially (06). */
static int mutual(const char *code)
{
    return !strncmp(code, "04", 2) || !strncmp(code, "05", 2) || !strncmp(code, "06", 2);
}

static const char *const PRONOUNS[] = {"HE", "SHE", "THEY", "IT", "WE", "I", "ITSELF",
                                       "THEMSELVES", "DIA", "MEREKA", "IA", NULL};

/* The frame verb ("said", "wants") governing h: the nearest one before it in
 * the clause, not beyond the previous coded verb unless that is the frame. */
static int frame_before(const sent *x, const verbhit *prev, const verbhit *h)
{
    for (int i = h->s - 1; i >= 0 && !clause_end(x, i); i--) {
        /* "an AFP correspondent said, two weeks after rebels kidnapped":
         * a trailing attribution governs nothing after its comma. */
        if (x->in_mention[i] < 0 && ev_frame_of(x->t[i].up) != EV_FRAME_NONE)
            return i + 1 < x->n && x->t[i + 1].punct ? -1 : i;
        if (prev && i < prev->e)
            return -1;
    }
    return -1;
}

/* PETRARCH2's transformations ("X claimed Y attacked Z" -> X accuses Y).
 * Returns 1 when h was rewritten (and its own event must not be coded). */
static int transformed(const st_cameo *c, const sent *x, st_cameo_events *ev,
                       const verbhit *prev, const verbhit *h, const roles *r, int *rc)
{
    int f = frame_before(x, prev, h);
    if (f < 0 || !h->code1[0] || (r->passive && r->src < 0))
        return 0;
    int a = mention_before(x, f);
    if (a < 0)
        return 0;
    int b = -1, pron = 0;
    if (r->passive) {
        /* "said eight people were killed by government forces": the agent
         * is the nested subject. */
        b = r->src;
    } else {
        for (int i = f + 1; i < h->s; i++) {
            if (x->in_mention[i] >= 0 && !x->m[x->in_mention[i]].loc)
                b = x->in_mention[i];
            pron |= tok_in(&x->t[i], PRONOUNS);
        }
    }
    int to_b = 0;
    const char *code = ev_transform(ev_frame_of(x->t[f].up), h->code1, b >= 0 || pron,
                                    pron || same_party(x, b, a), &to_b);
    int tgt = to_b ? b : r->tgt;
    if (!code || tgt < 0)
        return 0;
    *rc = emit_pairs(c, x, ev, h, r, a, tgt, code, NULL);
    return 1;
}

/* A frame verb that is coded itself ("claimed", "wants") gives way to the
 * transformation of the attack it governs. */
static int frame_of_next(const sent *x, const verbhit *h, const verbhit *next)
{
    return next && ev_frame_of(x->t[h->s].up) != EV_FRAME_NONE &&
           !strncmp(next->code1, "19", 2);
}

static int code_dyads(const st_cameo *c, const sent *x, verbhit *hits, int k, int nh,
                      int limit, st_cameo_events *ev)
{
    verbhit *h = &hits[k];
    const verbhit *prev = k ? &hits[k - 1] : NULL, *next = k + 1 < nh ? &hits[k + 1] : NULL;
    roles r;
    find_roles(x, hits, k, limit, &r);
    h->src = r.src;
    h->tgt = r.tgt;
    int rc = ST_OK;
    if (frame_of_next(x, h, next) || transformed(c, x, ev, prev, h, &r, &rc))
        return rc;
    const char *code1 = h->code1;
    if (h->intent && code1[0] && ev_intent_code(code1))
        code1 = ev_intent_code(code1);
    if (r.negated && code1[0] && (code1 = ev_negated_code(code1)) != NULL)
        r.negated = 0;
    if (!code1)
        code1 = h->code1;
    if (r.src >= 0 && r.tgt < 0 && !r.passive && (!infinitive(x, h) || h->intent) &&
        (mutual(code1) || (h->intent && mutual(h->code1))))
        return emit_among(c, x, ev, h, &r, code1);
    if (r.src < 0 || r.tgt < 0)
        return ST_OK; /* dyadic events only, as PETRARCH's require_dyad */
    /* "[032:033]": the target's reply ("left for Gondor" 032, Gondor hosts
     * 033; "held talks with" both ways), as PETRARCH2's records have it. */
    const char *code2 = h->code2;
    return emit_pairs(c, x, ev, h, &r, r.src, r.tgt, code1, code2);
}

static const char *const VERB_LEFT[] = {
    "TO", "WILL", "WOULD", "CAN", "COULD", "MAY", "MIGHT", "MUST", "SHOULD", "SHALL", "DID",
    "DO", "DOES", "NOT", "IT", "HE", "SHE", "THEY", "WE", "I", "YOU", "WHO", "WHICH", "THAT",
    "ALSO", "AND", "THEN", "TO", NULL};

/* English verbs written like nouns ("support", "talks", "strike") count as
 * verbs only after a subject, a modal, "to" or an adverb; participles
 * after a comma ("..., killing eight") are adjuncts of the main verb. */
static int looks_nominal(const sent *x, int i, const ev_verb *v)
{
    const tk *t = &x->t[i];
    if (i == 0)
        return 0;
    const tk *p = &x->t[i - 1];
    size_t n = t->upn;
    /* "by promoting", "for helping": a gerund after a preposition is a noun. */
    static const char *const PREPS[] = {"BY", "FOR", "OF", "AFTER", "BEFORE", "WITHOUT", "IN",
                                        "ON", "AT", "FROM", "ABOUT", "AGAINST", NULL};
    if (n > 3 && !strcmp(t->up + n - 3, "ING") && (p->punct || tok_in(p, PREPS)))
        return 1;
    int base = !strcmp(t->up, v->base);
    int plural = !base && n > 1 && t->up[n - 1] == 'S' && !strncmp(t->up, v->base, strlen(v->base));
    if (!base && !plural)
        return 0;
    if (tok_in(p, VERB_LEFT) || x->in_mention[i - 1] >= 0)
        return 0;
    /* "reportedly attacked", but "a deadly attack": an "-ly" word after a
     * determiner is an adjective. */
    if (p->upn > 2 && !strcmp(p->up + p->upn - 2, "LY"))
        return i >= 2 && tok_in(&x->t[i - 2], DETERMINERS);
    if (p->upn > 3 && !strcmp(p->up + p->upn - 3, "N'T"))
        return 0;
    return 1;
}

/* "the two exiled dissidents", "meet with exiled dissidents", "mend damaged
 * ties": a participle between a determiner, number, preposition or bare
 * verb and the noun it qualifies is an adjective, not an event. */
static int adjectival(const sent *x, int i, int len, int after_bare_verb)
{
    static const char *const LEFT[] = {"WITH", "OF", "FOR", "FROM", "TO", "AGAINST", "ON",
                                       "IN", "AT", "BY", "OVER", "ABOUT", NULL};
    const tk *t = &x->t[i];
    if (i == 0 || i + len >= x->n || t->upn < 4 || strcmp(t->up + t->upn - 2, "ED"))
        return 0;
    const tk *p = &x->t[i - 1], *n = &x->t[i + len];
    static const char *const AUX[] = {"HAS", "HAVE", "HAD", "DO", "DID", "GET", "GOT", NULL};
    if (tok_in(p, AUX) || tok_in(p, BE))
        return 0;
    int noun_next = x->in_mention[i + len] >= 0 ||
                    (!n->punct && !n->cap && after_bare_verb && !tok_in(n, DETERMINERS) &&
                     !tok_in(n, LEFT) && !adverb(n) && !tok_is(n, "VERY"));
    if (!noun_next)
        return 0;
    int digits = isdigit((unsigned char)p->up[0]);
    static const char *const NUM[] = {"TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT",
                                      "NINE", "TEN", "SEVERAL", "MANY", "SOME", "OTHER", NULL};
    return after_bare_verb || digits || tok_in(p, DETERMINERS) || tok_in(p, LEFT) ||
           tok_in(p, NUM);
}

/* Verbs of will whose "to" complement is an intent ("seeking to deepen
 * ties" 031); "prepared to attend" and "agreed to lift" are the act itself. */
static int intent_verb(const ev_verb *v)
{
    static const char *const WILL[] = {"SEEK", "WANT", "PLEDGE", "PROMISE", "VOW", "INTEND",
                                       "PLAN", "OFFER", "AIM", "HOPE", "WISH", NULL};
    for (const char *const *w = WILL; *w; w++)
        if (!strcmp(v->base, *w))
            return 1;
    return 0;
}

int st_cameo_code_sentence(const st_cameo *c, const char *s, size_t n, int date,
                           st_cameo_events *ev)
{
    sent *x = malloc(sizeof *x);
    if (!x)
        return ST_ENOMEM;
    tokenize(x, s, n);
    find_mentions(c, x, date);
    compose(c, x);
    verbhit hits[64];
    int nh = 0, after_verb = -1, intent_at = -1;
    for (int i = 0; i < x->n && nh < 64;) {
        int len = 0;
        int p = x->in_mention[i] < 0 ? longest(c, &c->verbs, x, i, 0, &len) : -1;
        if (p < 0) {
            i++;
            continue;
        }
        const ev_verb *vb = &c->verbv[c->verbs.v[p].owner];
        /* "will supply arms": a plural right after a bare verb is its object. */
        int noun = i > 0 && (tok_in(&x->t[i - 1], DETERMINERS) ||
                             (after_verb == i && x->t[i].up[x->t[i].upn - 1] == 'S'));
        if (!vb->bare && !noun)
            noun = looks_nominal(x, i, vb) || adjectival(x, i, len, after_verb == i);
        /* "pledged to expel": the complement carries the event. */
        int chain = 0;
        if (i + len + 1 < x->n && tok_is(&x->t[i + len], "TO")) {
            int l2;
            chain = longest(c, &c->verbs, x, i + len + 1, 0, &l2) >= 0;
        }
        verbhit h;
        if (!noun && chain && intent_verb(vb))
            intent_at = i + len + 1;
        if (!noun && !chain && choose_code(c, vb, x, i, i + len, &h)) {
            h.intent = intent_at == i;
            hits[nh++] = h;
        }
        after_verb = !noun && !strcmp(x->t[i].up, vb->base) ? i + len : -1;
        i += len;
    }
    int rc = ST_OK;
    for (int k = 0; k < nh && rc == ST_OK; k++) {
        /* A target lies before the next verb that is coded itself. */
        int limit = k + 1 < nh ? hits[k + 1].s : x->n;
        rc = code_dyads(c, x, hits, k, nh, limit, ev);
    }
    free(x);
    return rc;
}

void st_cameo_events_free(st_cameo_events *ev)
{
    for (size_t i = 0; i < ev->n; i++) {
        free(ev->v[i].source_name);
        free(ev->v[i].target_name);
        free(ev->v[i].place);
        free(ev->v[i].verb);
    }
    free(ev->v);
    memset(ev, 0, sizeof *ev);
}
