/* stem.c — Snowball stemmers by ISO 639-1 code, one per language, created on
 * first use and kept in the st_text (libstemmer handles hold scratch state,
 * hence one st_text per thread). */
#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

#include "text/text_int.h"

/* ISO 639-1 (or 639-3 where there is no 639-1 code) -> libstemmer name.
 * Every algorithm of sb_stemmer_list() appears here except "porter", the
 * original English algorithm that "english" supersedes. Malay uses the
 * Indonesian stemmer: the two standard languages share their affixes. The
 * three Norwegian codes share one stemmer. */
static const char *const algos[][2] = {
    {"ar", "arabic"},     {"hy", "armenian"},   {"eu", "basque"},    {"ca", "catalan"},
    {"da", "danish"},     {"nl", "dutch"},      {"en", "english"},   {"fi", "finnish"},
    {"fr", "french"},     {"de", "german"},     {"el", "greek"},     {"hi", "hindi"},
    {"hu", "hungarian"},  {"id", "indonesian"}, {"ms", "indonesian"}, {"ga", "irish"},
    {"it", "italian"},    {"lt", "lithuanian"}, {"ne", "nepali"},    {"no", "norwegian"},
    {"nb", "norwegian"},  {"nn", "norwegian"},  {"pt", "portuguese"}, {"ro", "romanian"},
    {"ru", "russian"},    {"sr", "serbian"},    {"es", "spanish"},   {"sv", "swedish"},
    {"ta", "tamil"},      {"tr", "turkish"},    {"yi", "yiddish"},
};

const char *st_stem_algorithm(const char *lang)
{
    if (!lang)
        return NULL;
    for (size_t i = 0; i < sizeof algos / sizeof algos[0]; i++)
        if (strcmp(algos[i][0], lang) == 0)
            return algos[i][1];
    return NULL;
}

static st_stemslot *find_slot(st_text *t, const char *lang)
{
    if (t->last_stem && strcmp(t->last_stem->lang, lang) == 0)
        return t->last_stem;
    for (size_t i = 0; i < t->nstems; i++)
        if (strcmp(t->stems[i].lang, lang) == 0)
            return t->last_stem = &t->stems[i];
    if (t->nstems == ST_MAX_STEMMERS || strlen(lang) >= sizeof t->stems[0].lang)
        return NULL;
    st_stemslot *s = &t->stems[t->nstems++];
    strcpy(s->lang, lang);
    const char *algo = st_stem_algorithm(lang);
    s->stemmer = algo ? sb_stemmer_new(algo, "UTF_8") : NULL;
    s->memo = s->stemmer ? calloc(ST_STEMCACHE_SIZE, sizeof *s->memo) : NULL;
    s->tried = 1;
    return t->last_stem = s;
}

static size_t copy_out(const char *w, size_t n, char *out, size_t cap)
{
    if (cap == 0)
        return 0;
    if (n >= cap) { /* never split a UTF-8 sequence */
        n = cap - 1;
        while (n > 0 && ((unsigned char)w[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(out, w, n);
    out[n] = '\0';
    return n;
}

/* FNV-1a: short words, and the memo only needs a decent spread. */
static uint64_t memo_hash(const char *w, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 1099511628211ULL;
    return h | 1; /* never 0, the empty mark */
}

size_t st_stem(st_text *t, const char *lang, const char *w, size_t n, char *out, size_t cap)
{
    st_stemslot *slot = t && lang ? find_slot(t, lang) : NULL;
    if (!slot || !slot->stemmer)
        return copy_out(w, n, out, cap);
    st_stemmemo *m = NULL;
    if (slot->memo && n <= ST_STEMCACHE_WORD) {
        uint64_t h = memo_hash(w, n);
        m = &slot->memo[(h >> 17) & (ST_STEMCACHE_SIZE - 1)];
        if (m->hash == h && m->wlen == n && memcmp(m->word, w, n) == 0)
            return copy_out(m->stem, m->slen, out, cap);
        m->hash = 0;
        m->wlen = (unsigned char)n;
        memcpy(m->word, w, n);
        m->hash = h;
    }
    const sb_symbol *r = sb_stemmer_stem(slot->stemmer, (const sb_symbol *)w, (int)n);
    if (!r) { /* out of memory inside libstemmer: the word itself is a fair stem */
        if (m)
            m->hash = 0;
        return copy_out(w, n, out, cap);
    }
    size_t len = (size_t)sb_stemmer_length(slot->stemmer);
    if (m && len <= sizeof m->stem) {
        memcpy(m->stem, r, len);
        m->slen = (unsigned char)len;
    } else if (m) {
        m->hash = 0; /* a stem longer than its word: rare, not worth a bigger slot */
    }
    return copy_out((const char *)r, len, out, cap);
}

void st_stemmers_free(st_text *t)
{
    for (size_t i = 0; i < t->nstems; i++) {
        sb_stemmer_delete(t->stems[i].stemmer);
        free(t->stems[i].memo);
    }
    t->nstems = 0;
    t->last_stem = NULL;
}
