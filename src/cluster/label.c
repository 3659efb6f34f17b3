/* label.c — readable labels for events and stories: "Name, Name, Name — term, term".
 *
 * Names are concept names (as the alias tables display them) or capitalised
 * words as first written; terms are shown as the word their stem was most
 * often written as (surface.h), not as the stem. A term that only repeats a
 * name ("hamas" next to "Hamas", "saudi" next to "Saudi Arabia") is left out,
 * and so is a stem whose written form was not learnt: the label has room for
 * few words and each should say something a reader can read. The longer
 * lists of terms and entities (st_cluster_info) follow the same rules. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/cluster_int.h"

#define LABEL_NAMES 4
#define LABEL_TERMS 3
#define TERM_CANDIDATES 8 /* terms looked at to fill LABEL_TERMS after dropping repeats */
/* Keys looked at to fill the ST_CLUSTER_TOP lists: some names have no
 * display string or repeat one, and many terms repeat a name or have no word. */
#define NAME_POOL (ST_CLUSTER_TOP + 4)
#define TERM_POOL (ST_CLUSTER_TOP * 3)
#define MAX_WORDS 48

typedef struct words {
    char w[MAX_WORDS][64];
    int n;
} words;

/* Adds the folded words of s (the same folding as the terms' surface words). */
static void add_words(words *ws, const char *s)
{
    st_tokiter it;
    st_token tok;
    st_tokiter_init(&it, s, strlen(s));
    while (ws->n < MAX_WORDS && st_tokiter_next(&it, &tok))
        st_token_fold(s, &tok, ws->w[ws->n++], sizeof ws->w[0]);
}

/* 1 when term repeats a word already shown. A bare stem (no word was learnt
 * for it) also repeats a word it is the start of: "isra" of "israel". */
static int repeats(const words *ws, const char *term, int bare_stem)
{
    size_t tl = strlen(term);
    for (int i = 0; i < ws->n; i++) {
        if (strcmp(ws->w[i], term) == 0) return 1;
        if (bare_stem && tl >= 3 && strncmp(ws->w[i], term, tl) == 0) return 1;
    }
    return 0;
}

static int on_name_hit(const st_concept_hit *h, void *ud)
{
    const char *w = ud;
    /* the whole word, or all of it after an elided article (l'espagne) */
    int whole = h->off + h->len == strlen(w) &&
                (h->off == 0 || (h->off <= 3 && (w[h->off - 1] == '\'' || w[h->off - 1] == '-')));
    return whole && h->type != ST_CONCEPT_TERM && h->type != ST_CONCEPT_NAME;
}

/* 1 when the word is a place, organisation or person of the alias tables
 * ("qatar", "israeli", "l'espagne"; "ecb", "rn" as their capitals, which
 * short acronyms need to match): the names part says it already. */
static int names_concept(const st_concepts *cs, const char *w)
{
    size_t n = strlen(w);
    if (!cs) return 0;
    if (st_concepts_scan(cs, w, n, 0, on_name_hit, (void *)w) == 1) return 1;
    char up[8];
    if (n >= sizeof up) return 0;
    for (size_t i = 0; i <= n; i++) {
        if ((unsigned char)w[i] >= 0x80) return 0;
        up[i] = (char)(w[i] >= 'a' && w[i] <= 'z' ? w[i] - 32 : w[i]);
    }
    return st_concepts_scan(cs, up, n, 0, on_name_hit, up) == 1;
}

/* "ii", "iii", "xiv": the number of a monarch or a pope, which says nothing
 * next to the name it belongs to. */
static int roman_numeral(const char *w)
{
    size_t n = strspn(w, "ivx");
    return n && n <= 4 && !w[n];
}

/* w without a possessive ending ("russia's" -> "russia"), in out[cap]. */
static const char *no_possessive(const char *w, char *out, size_t cap)
{
    size_t n = strlen(w);
    if (n > 2 && n < cap && w[n - 1] == 's' && w[n - 2] == '\'') {
        memcpy(out, w, n - 2);
        out[n - 2] = 0;
        return out;
    }
    return w;
}

/* A term worth showing: a word was learnt for it, and it repeats neither a
 * shown word nor a name. */
static const char *term_word(const st_vocab *v, const st_concepts *cs, const words *shown,
                             uint64_t key)
{
    char base[64];
    const char *s = st_surface_get(&v->surf, key);
    if (!s || roman_numeral(s)) return NULL;
    const char *b = no_possessive(s, base, sizeof base);
    return !repeats(shown, b, 0) && !names_concept(cs, b) ? s : NULL;
}

/* Appends sep + s when it fits whole; returns 0 when the label is full. */
static int put(char *out, size_t cap, size_t *len, const char *sep, const char *s)
{
    size_t need = strlen(sep) + strlen(s);
    if (*len + need + 1 > cap) return 0;
    memcpy(out + *len, sep, strlen(sep));
    memcpy(out + *len + strlen(sep), s, strlen(s) + 1);
    *len += need;
    return 1;
}

/* The strongest keys of both vectors, once for the label and the lists:
 * st_fvec_top's order does not depend on k, so the label's keys are a prefix. */
typedef struct top_keys {
    uint64_t names[NAME_POOL], terms[TERM_POOL];
    uint32_t nnames, nterms;
    uint32_t nmain; /* terms[0..nmain) are of the cluster's main language */
} top_keys;

/* Puts the terms of language lang first, each part in its order. A story
 * told mostly in English with one Russian report reads best in English; by
 * weight alone the rare language's terms would win, as they are rare. */
static void main_first(const st_vocab *v, top_keys *t, uint64_t lang)
{
    uint64_t rest[TERM_POOL];
    uint32_t nrest = 0;
    t->nmain = 0;
    for (uint32_t i = 0; i < t->nterms; i++) {
        if (!lang || st_vocab_has_lang(v, t->terms[i], lang)) t->terms[t->nmain++] = t->terms[i];
        else rest[nrest++] = t->terms[i];
    }
    memcpy(t->terms + t->nmain, rest, nrest * sizeof *rest);
}

static void label_build(const st_vocab *v, const st_concepts *cs, const top_keys *t, char *out,
                        size_t cap)
{
    words shown = {0};
    size_t len = 0;
    int nnames = 0, nterms = 0;
    if (!cap) return;
    out[0] = 0;
    for (uint32_t i = 0; i < t->nnames && i < LABEL_NAMES; i++) {
        const char *s = st_vocab_str(v, t->names[i]);
        if (!s || !put(out, cap, &len, nnames ? ", " : "", s)) continue;
        add_words(&shown, s);
        nnames++;
    }
    for (uint32_t i = 0; i < t->nterms && i < TERM_CANDIDATES && nterms < LABEL_TERMS; i++) {
        if (i == t->nmain && nterms) break; /* one language in the label when it can */
        /* A stem no word was learnt for ("offici") reads as a typo: show
         * fewer terms rather than that. */
        const char *s = term_word(v, cs, &shown, t->terms[i]);
        if (!s) continue;
        if (!put(out, cap, &len, nterms ? ", " : (nnames ? " \u2014 " : ""), s)) break;
        add_words(&shown, s);
        nterms++;
    }
}

static int listed(char (*list)[ST_CLUSTER_WORD], size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i], s) == 0) return 1;
    return 0;
}

/* Appends s to list[*n] unless it is already there or does not fit whole. */
static int list_put(char (*list)[ST_CLUSTER_WORD], size_t *n, const char *s)
{
    size_t len = strlen(s);
    if (*n >= ST_CLUSTER_TOP || !len || len >= ST_CLUSTER_WORD || listed(list, *n, s)) return 0;
    memcpy(list[(*n)++], s, len + 1);
    return 1;
}

static void lists_build(const st_vocab *v, const st_concepts *cs, const top_keys *t,
                        st_cluster_info *out)
{
    words shown = {0};
    out->nterms = out->nentities = 0;
    for (uint32_t i = 0; i < t->nnames; i++) {
        const char *s = st_vocab_str(v, t->names[i]);
        if (s && list_put(out->entities, &out->nentities, s)) add_words(&shown, s);
    }
    for (uint32_t i = 0; i < t->nterms && out->nterms < ST_CLUSTER_TOP; i++) {
        const char *s = term_word(v, cs, &shown, t->terms[i]);
        if (s && list_put(out->terms, &out->nterms, s)) add_words(&shown, s);
    }
}

void st_label_fill(const st_vocab *v, const st_concepts *cs, const st_fvec *names,
                   const st_fvec *terms, uint64_t lang, st_cluster_info *out)
{
    top_keys t;
    t.nnames = st_fvec_top(names, NAME_POOL, t.names);
    t.nterms = st_fvec_top(terms, TERM_POOL, t.terms);
    main_first(v, &t, lang);
    label_build(v, cs, &t, out->label, sizeof out->label);
    lists_build(v, cs, &t, out);
}

/* Packed: one byte each for nterms + 1 and nentities + 1, then the label,
 * the terms and the entities, each NUL-terminated; sized exactly, as every
 * event that leaves the window keeps one. */
static size_t list_bytes(const char (*list)[ST_CLUSTER_WORD], size_t n)
{
    size_t bytes = 0;
    for (size_t i = 0; i < n; i++) bytes += strlen(list[i]) + 1;
    return bytes;
}

static char *pack_str(char *p, const char *s)
{
    size_t n = strlen(s) + 1;
    memcpy(p, s, n);
    return p + n;
}

char *st_label_pack(const st_cluster_info *in)
{
    size_t n = 2 + strlen(in->label) + 1 + list_bytes(in->terms, in->nterms) +
               list_bytes(in->entities, in->nentities);
    char *out = malloc(n);
    if (!out) return NULL;
    out[0] = (char)(in->nterms + 1);
    out[1] = (char)(in->nentities + 1);
    char *p = pack_str(out + 2, in->label);
    for (size_t i = 0; i < in->nterms; i++) p = pack_str(p, in->terms[i]);
    for (size_t i = 0; i < in->nentities; i++) p = pack_str(p, in->entities[i]);
    return out;
}

/* Copies the next packed string into out[cap]; returns the one after it. */
static const char *unpack_str(const char *p, char *out, size_t cap)
{
    snprintf(out, cap, "%s", p);
    return p + strlen(p) + 1;
}

void st_label_unpack(const char *packed, st_cluster_info *out)
{
    out->nterms = (size_t)(unsigned char)packed[0] - 1;
    out->nentities = (size_t)(unsigned char)packed[1] - 1;
    const char *p = unpack_str(packed + 2, out->label, sizeof out->label);
    for (size_t i = 0; i < out->nterms; i++) p = unpack_str(p, out->terms[i], ST_CLUSTER_WORD);
    for (size_t i = 0; i < out->nentities; i++)
        p = unpack_str(p, out->entities[i], ST_CLUSTER_WORD);
}
