/* label.c — readable labels for events and stories: "Name, Name, Name — term, term".
 *
 * Names are concept names (as the alias tables display them) or capitalised
 * words as first written; terms are shown as the word their stem was most
 * often written as (surface.h), not as the stem. A term that only repeats a
 * name ("hamas" next to "Hamas", "saudi" next to "Saudi Arabia") is left out,
 * and so is a stem whose written form was not learnt: the label has room for
 * few words and each should say something a reader can read. */
#include <string.h>

#include "cluster/cluster_int.h"

#define LABEL_NAMES 4
#define LABEL_TERMS 3
#define TERM_CANDIDATES 8 /* terms looked at to fill LABEL_TERMS after dropping repeats */
#define MAX_WORDS 16

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

void st_label_build(const st_vocab *v, const st_fvec *names, const st_fvec *terms, char *out,
                    size_t cap)
{
    uint64_t keys[TERM_CANDIDATES];
    words shown = {0};
    size_t len = 0;
    int nnames = 0, nterms = 0;
    if (!cap) return;
    out[0] = 0;
    uint32_t k = st_fvec_top(names, LABEL_NAMES, keys);
    for (uint32_t i = 0; i < k; i++) {
        const char *s = st_vocab_str(v, keys[i]);
        if (!s || !put(out, cap, &len, nnames ? ", " : "", s)) continue;
        add_words(&shown, s);
        nnames++;
    }
    k = st_fvec_top(terms, TERM_CANDIDATES, keys);
    for (uint32_t i = 0; i < k && nterms < LABEL_TERMS; i++) {
        /* A stem no word was learnt for ("offici") reads as a typo: show
         * fewer terms rather than that. */
        const char *s = st_surface_get(&v->surf, keys[i]);
        if (!s || repeats(&shown, s, 0)) continue;
        if (!put(out, cap, &len, nterms ? ", " : (nnames ? " \u2014 " : ""), s)) break;
        add_words(&shown, s);
        nterms++;
    }
}
