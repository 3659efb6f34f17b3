/* entities.c — people, organisations and places: gazetteer phrases first,
 * then capitalised runs typed by the title before them ("Direktur CIA Bill
 * Burns") and the words inside them ("Komite Dukungan Masyarakat"); later
 * short forms ("Netanyahu", "Mr. Blinken") join the full name seen before. */
#include <stdlib.h>
#include <string.h>

#include "extract/ex_int.h"
#include "util/util.h"

/* A title waiting for its name: "Menteri Luar Negeri AS" -> Antony Blinken. */
typedef struct pending {
    int on;
    size_t start, end; /* bytes of the title and what extends it */
    size_t sent;
    int gap;           /* lower-case words since the title */
} pending;

static int add_alias(st_ex_entity *e, const char *s)
{
    for (size_t i = 0; i < e->naliases; i++)
        if (!strcmp(e->aliases[i], s))
            return ST_OK;
    char **a = realloc(e->aliases, (e->naliases + 1) * sizeof *a);
    if (!a)
        return ST_ENOMEM;
    e->aliases = a;
    if (!(a[e->naliases] = st_strdup(s)))
        return ST_ENOMEM;
    e->naliases++;
    return ST_OK;
}

static long new_entity(ex_work *w, const char *name, const char *type, const char *concept)
{
    st_ex_entity *e = ex_grow((void **)&w->r->entities, &w->r->nentities, &w->cap_ent, sizeof *e);
    if (!e)
        return -1;
    e->name = st_strdup(name);
    e->type = st_strdup(type);
    e->concept = concept ? st_strdup(concept) : NULL;
    if (!e->name || !e->type || (concept && !e->concept))
        return -1;
    return (long)(w->r->nentities - 1);
}

/* Records a mention of entity ei over tokens [i, end). */
static int add_mention(ex_work *w, long ei, size_t i, size_t end, const pending *p)
{
    if (ei < 0)
        return ST_ENOMEM;
    size_t start = w->t[i].off, stop = w->t[end - 1].off + w->t[end - 1].len;
    st_ex_mention *m = ex_grow((void **)&w->r->mentions, &w->r->nmentions, &w->cap_men, sizeof *m);
    if (!m)
        return ST_ENOMEM;
    m->start = start;
    m->end = stop;
    m->entity = (size_t)ei;
    st_ex_entity *e = &w->r->entities[ei];
    e->nmentions++;
    if (start < w->in->title_len)
        e->in_title = 1;
    for (size_t k = i; k < end; k++)
        w->t[k].ent = ei;
    char *surface = st_strndup(w->in->text + start, stop - start);
    int rc = surface ? add_alias(e, surface) : ST_ENOMEM;
    free(surface);
    if (rc == ST_OK && p && p->on && !e->role && !strcmp(e->type, "person")) {
        e->role = ex_span_dup(w, p->start, p->end);
        if (e->role && e->role[0]) /* "CIA Director William Burns" is an alias too */ {
            char *full = st_strndup(w->in->text + p->start, stop - p->start);
            if (full)
                rc = add_alias(e, full);
            free(full);
        }
    }
    return rc;
}

static long find_concept(const ex_work *w, const char *concept)
{
    for (size_t i = 0; i < w->r->nentities; i++)
        if (w->r->entities[i].concept && !strcmp(w->r->entities[i].concept, concept))
            return (long)i;
    return -2;
}

static long gaz_entity(ex_work *w, const ex_entry *g)
{
    long ei = find_concept(w, g->b);
    if (ei >= 0)
        return ei;
    const ex_gaz_entry *ge = &w->ex->gents[(size_t)g->v];
    return new_entity(w, ge->name, ge->type, ge->id);
}

/* ------------------------------------------------------------ name runs */

static int is_word(const ex_tok *k) { return (k->flags & EX_T_WORD) != 0; }
static int is_cap(const ex_tok *k) { return (k->flags & (EX_T_WORD | EX_T_CAP)) == (EX_T_WORD | EX_T_CAP); }

static const char *name_kind(const ex_work *w, size_t i)
{
    size_t end;
    const ex_entry *e = ex_match(w, &w->L->names, i, &end);
    return e && end == i + 1 ? e->a : NULL;
}

static int is_kind(const ex_work *w, size_t i, const char *kind)
{
    const char *k = name_kind(w, i);
    return k && !strcmp(k, kind);
}

/* First word token of the sentence, or right after an opening quote. */
static int sentence_initial(const ex_work *w, size_t i)
{
    for (size_t k = i; k-- > 0;) {
        if (w->t[k].sent != w->t[i].sent)
            return 1;
        if (is_word(&w->t[k]) || (w->t[k].flags & EX_T_NUM))
            return 0;
        if (!strchr("\"“„«‘'(-—–:", w->t[k].fold[0]) && strcmp(w->t[k].fold, "“") &&
            strcmp(w->t[k].fold, "«") && strcmp(w->t[k].fold, "„"))
            return 0;
    }
    return 1;
}

static int title_case_scan(const ex_work *w, size_t sent);

/* Headline-style sentences capitalise every word: names cannot be told apart
 * there. Cached per sentence. */
static int title_case_sentence(ex_work *w, size_t sent)
{
    size_t ns = w->in->nsents ? w->in->nsents : 1;
    if (!w->tcase) {
        w->tcase = malloc(ns);
        if (w->tcase)
            memset(w->tcase, -1, ns);
    }
    if (!w->tcase || sent >= ns)
        return title_case_scan(w, sent);
    if (w->tcase[sent] < 0)
        w->tcase[sent] = (signed char)title_case_scan(w, sent);
    return w->tcase[sent];
}

static int title_case_scan(const ex_work *w, size_t sent)
{
    size_t words = 0, caps = 0, last = 0, k = 0;
    /* tokens are in sentence order: binary search the first of this one */
    for (size_t lo = 0, hi = w->nt; lo < hi;) {
        size_t mid = (lo + hi) / 2;
        if (w->t[mid].sent < sent)
            lo = k = mid + 1;
        else
            hi = mid;
    }
    for (; k < w->nt && w->t[k].sent <= sent; k++) {
        if (w->t[k].sent != sent)
            continue;
        last = k;
        if (!is_word(&w->t[k]))
            continue;
        words++;
        caps += is_cap(&w->t[k]) || is_kind(w, k, "connector");
    }
    /* headlines and "Read more:" lines carry no final stop; body sentences do */
    const char *f = w->nt ? w->t[last].fold : "";
    int stop = strchr(".!?", f[0]) && f[0];
    return !stop && words >= 4 && caps * 10 >= words * 7;
}

/* Is the word written capitalised somewhere not at a sentence start? The
 * set of such words is built once per article. */
static int capitalised_inside(ex_work *w, size_t i)
{
    if (!w->midcaps_ready) {
        w->midcaps_ready = 1;
        ex_entry none = {0};
        for (size_t k = 0; k < w->nt; k++)
            if (is_cap(&w->t[k]) && !sentence_initial(w, k))
                ex_table_put(&w->midcaps, w->t[k].fold, &none);
    }
    return ex_table_get(&w->midcaps, w->t[i].fold) != NULL;
}

/* Words that never start a name on their own. */
static int lexical(const ex_work *w, size_t i)
{
    size_t end;
    const ex_lang *L = w->L;
    if (is_kind(w, i, "notname") || ex_table_get(&L->stop, w->t[i].fold))
        return 1;
    const ex_table *tabs[] = {&L->dates, &L->numbers, &L->say, &L->units, &L->quals, &L->sources};
    for (size_t k = 0; k < sizeof tabs / sizeof tabs[0]; k++)
        if (ex_match(w, tabs[k], i, &end))
            return 1;
    return 0;
}

/* The canonical form of a person's name: nickname -> given name, initials
 * dropped ("Bill J. Burns" -> "William Burns"). */
static char *person_canon(const ex_work *w, size_t i, size_t end)
{
    st_buf b = {0};
    int first = 1;
    for (size_t k = i; k < end; k++) {
        const ex_tok *t = &w->t[k];
        if (!is_word(t) || (t->len == 1 && (t->flags & EX_T_CAP)))
            continue;
        if (b.len)
            st_buf_putc(&b, k > i && !strcmp(w->t[k - 1].fold, "-") &&
                                    !(t->flags & EX_T_SPACE) ? '-' : ' ');
        const ex_entry *nick = first ? ex_table_get(&w->ex->nicknames, t->fold) : NULL;
        if (nick && k + 1 < end)
            st_buf_puts(&b, nick->a);
        else
            st_buf_append(&b, w->in->text + t->off, t->len);
        first = 0;
    }
    return st_buf_take(&b);
}

static const char *last_word(const char *name)
{
    const char *sp = strrchr(name, ' ');
    return sp ? sp + 1 : name;
}

/* An earlier person of the article this name refers to: the same surname
 * and a compatible (or missing) given name. */
static long same_person(const ex_work *w, const char *canon)
{
    char *f1 = ex_fold(canon, strlen(canon));
    long hit = -2;
    /* A name that folds to nothing (punctuation only) matches no one; the
     * word search below would otherwise step past the end of f2. */
    for (size_t i = 0; f1 && *f1 && i < w->r->nentities && hit < 0; i++) {
        const st_ex_entity *e = &w->r->entities[i];
        if (strcmp(e->type, "person"))
            continue;
        char *f2 = ex_fold(e->name, strlen(e->name));
        if (!f2)
            break;
        const char *s1 = last_word(f1), *s2 = last_word(f2);
        int one_word = !strchr(f1, ' ');
        if (!strcmp(f1, f2) || (!strcmp(s1, s2) && (one_word || !strchr(f2, ' '))))
            hit = (long)i;
        /* one word that is a word of a long name: "Al Thani", "Lula", "Xi" */
        if (hit < 0 && one_word && strchr(f2, ' ')) {
            size_t l = strlen(f1);
            for (const char *p = strstr(f2, f1); p && hit < 0; p = strstr(p + 1, f1))
                if ((p == f2 || p[-1] == ' ') && (p[l] == ' ' || !p[l]))
                    hit = (long)i;
        }
        free(f2);
    }
    free(f1);
    return hit;
}

static long find_named(const ex_work *w, const char *name, const char *type)
{
    for (size_t i = 0; i < w->r->nentities; i++)
        if (!strcmp(w->r->entities[i].name, name) && !strcmp(w->r->entities[i].type, type))
            return (long)i;
    return -1;
}

/* Types a run of capitalised words. */
static const char *run_type(const ex_work *w, size_t i, size_t end, const pending *p)
{
    for (size_t k = i; k < end; k++)
        if (is_kind(w, k, "orgword"))
            return "org";
    if (p->on)
        return "person";
    size_t words = 0;
    for (size_t k = i; k < end; k++) {
        words += is_word(&w->t[k]) && !is_kind(w, k, "connector");
        if (is_kind(w, k, "placeword")) /* "Kota Semarang", "Butte County" */
            return "place";
    }
    if (i > 0 && is_kind(w, i - 1, "placeprep") && words <= 2)
        return "place";
    if (words >= 2)
        return "person";
    return NULL;
}

/* Collects a run of capitalised words from i; stops before a gazetteer or
 * title phrase. *gaz_end is set when a person of the gazetteer ends the
 * run ("Antony" + "Blinken"). */
static size_t collect_run(const ex_work *w, size_t i, const ex_entry **gaz, size_t *gaz_end,
                          size_t *gaz_start)
{
    size_t j = i, end;
    *gaz = NULL;
    while (j < w->nt && w->t[j].sent == w->t[i].sent) {
        const ex_tok *k = &w->t[j];
        if (j > i) {
            const ex_entry *g = ex_match(w, &w->ex->gaz, j, &end);
            if (g) {
                if (!strcmp(g->a, "person")) {
                    *gaz = g;
                    *gaz_end = end;
                    *gaz_start = j;
                }
                break;
            }
            if (ex_match(w, &w->L->titles, j, &end) && !is_kind(w, j, "connector"))
                break;
        }
        if (is_cap(k)) {
            j++;
            continue;
        }
        /* inner pieces: connectors (bin, al), hyphens, the dot of an initial */
        int inner = (is_word(k) && is_kind(w, j, "connector")) ||
                    (!strcmp(k->fold, "-") && !(k->flags & EX_T_SPACE)) ||
                    (!strcmp(k->fold, ".") && j > i && w->t[j - 1].len == 1);
        int dash_cap = j + 2 < w->nt && !strcmp(w->t[j + 1].fold, "-") && is_cap(&w->t[j + 2]);
        if (inner && j > i && j + 1 < w->nt && (is_cap(&w->t[j + 1]) ||
                                                 is_kind(w, j + 1, "connector") || dash_cap)) {
            j++;
            continue;
        }
        if (inner && j == i && is_word(k) && j + 1 < w->nt && is_cap(&w->t[j + 1])) {
            j++;
            continue;
        }
        break;
    }
    /* never end on a connector or a dot */
    while (j > i && !is_cap(&w->t[j - 1]))
        j--;
    return j;
}

static int take_run(ex_work *w, size_t i, size_t j, pending *p)
{
    /* leading function words: "The Director", "Sebuah sumber" */
    while (i < j && lexical(w, i))
        i++;
    /* "Politbiro Bassem Naim": an organisation word, then a name */
    for (size_t k = i; p->on && k + 2 < j; k++) {
        if (is_kind(w, k, "orgword") && is_cap(&w->t[k + 1]) && is_cap(&w->t[k + 2])) {
            int rc = take_run(w, i, k + 1, p);
            return rc == ST_OK ? take_run(w, k + 1, j, p) : rc;
        }
    }
    while (i < j && !is_word(&w->t[i]))
        i++;
    if (i >= j)
        return ST_OK;
    size_t words = 0;
    for (size_t k = i; k < j; k++)
        words += is_word(&w->t[k]);
    if (!p->on && words == 1 && sentence_initial(w, i) && !capitalised_inside(w, i)) {
        /* "Lula said": kept only as a name already seen */
        char *one = person_canon(w, i, j);
        long known = one ? same_person(w, one) : -1;
        free(one);
        if (known < 0)
            return ST_OK;
    }
    if (words >= 2 && sentence_initial(w, i) && !capitalised_inside(w, i)) {
        /* "Later Al-Nono said": the rest is a person already named */
        size_t k = i + 1;
        while (k < j && !is_cap(&w->t[k]) && !is_kind(w, k, "connector"))
            k++;
        char *rest = k < j ? person_canon(w, k, j) : NULL;
        if (rest && same_person(w, rest) >= 0)
            i = k;
        free(rest);
    }
    if (!p->on && title_case_sentence(w, w->t[i].sent))
        return ST_OK;
    char *canon = person_canon(w, i, j);
    if (!canon)
        return ST_ENOMEM;
    long ei = same_person(w, canon);
    int rc = ST_OK;
    if (ei < 0) {
        const char *type = run_type(w, i, j, p);
        if (type) {
            int person = !strcmp(type, "person");
            if (!person) {
                free(canon);
                canon = ex_span_dup(w, w->t[i].off, w->t[j - 1].off + w->t[j - 1].len);
                ei = canon ? find_named(w, canon, type) : -1;
            }
            if (ei < 0)
                ei = canon ? new_entity(w, canon, type, NULL) : -1;
            rc = add_mention(w, ei, i, j, person ? p : NULL);
            if (person)
                p->on = 0;
            else if (p->on) /* "kepala Dewan Nasional Palestina Rawhi Fattouh" */
                p->end = w->t[j - 1].off + w->t[j - 1].len;
        }
    } else {
        st_ex_entity *e = &w->r->entities[ei];
        /* a fuller name seen later becomes the canonical one */
        if (!e->concept && strlen(canon) > strlen(e->name)) {
            free(e->name);
            e->name = canon;
            canon = NULL;
        }
        rc = add_mention(w, ei, i, j, p);
        p->on = 0;
    }
    free(canon);
    return rc;
}

/* Gazetteer person preceded by given names not in the gazetteer. */
static int take_gaz_person(ex_work *w, size_t i, const ex_entry *g, size_t end, pending *p)
{
    int rc = add_mention(w, gaz_entity(w, g), i, end, p);
    p->on = 0;
    return rc;
}

int ex_find_entities(ex_work *w)
{
    pending p = {0};
    size_t i = 0, end;
    int rc = ST_OK;
    while (i < w->nt && rc == ST_OK) {
        ex_tok *k = &w->t[i];
        if (p.on && (k->sent != p.sent || p.gap > 2 || !strcmp(k->fold, ",")))
            p.on = 0;
        if (!is_word(k)) {
            i++;
            continue;
        }
        const ex_entry *g = ex_match(w, &w->ex->gaz, i, &end);
        if (g) {
            if (strcmp(g->a, "person")) {
                rc = add_mention(w, gaz_entity(w, g), i, end, NULL);
                if (p.on) /* "Direktur CIA", "Perdana Menteri Qatar" */
                    p.end = w->t[end - 1].off + w->t[end - 1].len;
            } else {
                rc = take_gaz_person(w, i, g, end, &p);
            }
            i = end;
            continue;
        }
        if (ex_match(w, &w->L->titles, i, &end) && (is_cap(k) || !p.on || !p.gap)) {
            if (!p.on || p.gap) { /* "Wakil Ketua" extends; a title after other words restarts */
                p.start = k->off;
                /* "CIA Director", "Israeli prime minister": the mention before belongs */
                size_t b = i;
                while (b > 0 && w->t[b - 1].ent >= 0 && w->t[b - 1].sent == k->sent &&
                       strcmp(w->r->entities[w->t[b - 1].ent].type, "person"))
                    b--;
                if (b < i)
                    p.start = w->t[b].off;
            }
            p.on = 1;
            p.end = w->t[end - 1].off + w->t[end - 1].len;
            p.sent = k->sent;
            p.gap = 0;
            i = end;
            continue;
        }
        if (is_cap(k) || (is_kind(w, i, "connector") && i + 1 < w->nt && is_cap(&w->t[i + 1]))) {
            size_t gend = 0, gstart = 0;
            const ex_entry *gp = NULL;
            size_t j = collect_run(w, i, &gp, &gend, &gstart);
            if (gp) {
                /* "Antony" + "Blinken": one mention of the gazetteer person;
                 * but "Politbiro" + "Khalil al-Hayya" are two names */
                while (i < j && lexical(w, i))
                    i++;
                for (size_t o = i; o < gstart; o++)
                    if (is_kind(w, o, "orgword")) {
                        rc = take_run(w, i, o + 1, &p);
                        i = o + 1;
                    }
                if (rc == ST_OK)
                    rc = take_gaz_person(w, i < gstart ? i : gstart, gp, gend, &p);
                i = gend;
            } else {
                if (j <= i)
                    j = i + 1;
                rc = take_run(w, i, j, &p);
                i = j;
            }
            continue;
        }
        if (p.on)
            p.gap++;
        i++;
    }
    return rc;
}
