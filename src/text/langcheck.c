/* langcheck.c — is the language an article declares the one its text is in?
 *
 * Most feeds and news-please records carry a language field, and it is
 * nearly always right; textcat costs most of an article's analysis
 * (bench/stories.sh). So a declared language is kept without running textcat
 * when the text does not argue against it:
 *  - its words are mostly in the script the language is written in, and
 *  - among the first CHECK_WORDS words, no other language's function words
 *    outnumber the declared language's.
 * Function words come from the stopwords-iso lists of 57 languages
 * (data/langcheck/, one bitmask of languages per word; Malay and Indonesian
 * count as one language, as in langid.c). On the gold dev split every
 * declared language with a list is confirmed, and when each article is
 * declared in each of the 56 wrong languages, the only wrong acceptance is
 * Bosnian declared as Croatian. A text in a language
 * without a list that is declared as another language of the same script
 * and shows no function words at all is accepted: that needs both a wrong
 * label and a language we know nothing of. */
#include <stdlib.h>
#include <string.h>

#include "text/text_int.h"
#include "util/util.h"

#define CHECK_WORDS 150 /* words read: ~25 function words in any language we list */

typedef enum script { SC_OTHER, SC_LATIN, SC_GREEK, SC_CYRILLIC, SC_ARMENIAN, SC_HEBREW,
                      SC_ARABIC, SC_DEVANAGARI, SC_BENGALI, SC_GUJARATI, SC_THAI, SC_HANGUL,
                      SC_KANA, SC_HAN, SC_COUNT } script;

/* The script of each listed language ("ja" also counts Han: st_lang_confirms). */
static const struct { const char *lang; script sc; } SCRIPTS[] = {
    {"ar", SC_ARABIC},   {"fa", SC_ARABIC},     {"ur", SC_ARABIC},     {"bg", SC_CYRILLIC},
    {"ru", SC_CYRILLIC}, {"uk", SC_CYRILLIC},   {"el", SC_GREEK},      {"he", SC_HEBREW},
    {"hy", SC_ARMENIAN}, {"hi", SC_DEVANAGARI}, {"mr", SC_DEVANAGARI}, {"bn", SC_BENGALI},
    {"gu", SC_GUJARATI}, {"th", SC_THAI},       {"ko", SC_HANGUL},     {"ja", SC_KANA},
    {"zh", SC_HAN},
};

static script script_of_lang(const char *lang)
{
    for (size_t i = 0; i < sizeof SCRIPTS / sizeof *SCRIPTS; i++)
        if (strcmp(SCRIPTS[i].lang, lang) == 0) return SCRIPTS[i].sc;
    return SC_LATIN; /* every other list is of a Latin-script language */
}

static script script_of_cp(uint32_t c)
{
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return SC_LATIN;
    if (c < 0xC0) return SC_OTHER;
    if (c <= 0x24F || (c >= 0x1E00 && c <= 0x1EFF)) return c == 0xD7 || c == 0xF7 ? SC_OTHER : SC_LATIN;
    if (c >= 0x370 && c <= 0x3FF) return SC_GREEK;
    if (c >= 0x400 && c <= 0x52F) return SC_CYRILLIC;
    if (c >= 0x530 && c <= 0x58F) return SC_ARMENIAN;
    if (c >= 0x590 && c <= 0x5FF) return SC_HEBREW;
    if ((c >= 0x600 && c <= 0x77F) || (c >= 0xFB50 && c <= 0xFEFF)) return SC_ARABIC;
    if (c >= 0x900 && c <= 0x97F) return SC_DEVANAGARI;
    if (c >= 0x980 && c <= 0x9FF) return SC_BENGALI;
    if (c >= 0xA80 && c <= 0xAFF) return SC_GUJARATI;
    if (c >= 0xE00 && c <= 0xE7F) return SC_THAI;
    if ((c >= 0x1100 && c <= 0x11FF) || (c >= 0xAC00 && c <= 0xD7AF)) return SC_HANGUL;
    if (c >= 0x3040 && c <= 0x30FF) return SC_KANA;
    if (c >= 0x4E00 && c <= 0x9FFF) return SC_HAN;
    return SC_OTHER;
}

/* The script of the word starting at s (its first code point). */
static script script_of_word(const unsigned char *s, size_t n)
{
    uint32_t c = s[0];
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (len > n) return SC_OTHER;
    if (len > 1) {
        c &= 0x7Fu >> len;
        for (size_t k = 1; k < len; k++) c = (c << 6) | (s[k] & 0x3Fu);
    }
    return script_of_cp(c);
}

/* ------------------------------------------------------------ the word table */

static int lang_bit(st_langcheck *lc, const char *lang)
{
    for (size_t i = 0; i < lc->nlangs; i++)
        if (strcmp(lc->langs[i], lang) == 0) return (int)i;
    if (lc->nlangs == ST_LANGCHECK_MAX) return -1;
    strcpy(lc->langs[lc->nlangs], lang);
    return (int)lc->nlangs++;
}

/* The word table keys 64-bit hashes, not words: a collision would misplace
 * one word's vote out of ~150, about once in 2^42 texts. */
static int add_word(st_langcheck *lc, const char *w, size_t n, int bit)
{
    uint64_t *m = st_hmap_put(&lc->masks, st_hash64(w, n), 0, NULL);
    if (!m) return ST_ENOMEM;
    *m |= 1ULL << bit;
    return ST_OK;
}

static uint64_t mask_of(const st_langcheck *lc, const char *w, size_t n)
{
    const uint64_t *m = st_hmap_get(&lc->masks, st_hash64(w, n));
    return m ? *m : 0;
}

static int add_list(void *ud, const char *lang, st_wordset *ws)
{
    st_langcheck *lc = ud;
    /* Malay and Indonesian are one language here, as in langid.c */
    int bit = lang_bit(lc, strcmp(lang, "ms") == 0 ? "id" : lang);
    int rc = bit < 0 ? ST_EUSAGE : ST_OK;
    for (size_t off = 0; rc == ST_OK && off < ws->arena_len;) {
        size_t n = strlen(ws->arena + off);
        rc = add_word(lc, ws->arena + off, n, bit);
        off += n + 1;
    }
    st_wordset_free(ws);
    return rc;
}

int st_langcheck_load(st_text *t, char *err, size_t errlen)
{
    return st_wordlists_each(t, "langcheck", add_list, &t->check, err, errlen);
}

void st_langcheck_free(st_text *t)
{
    st_hmap_free(&t->check.masks);
    memset(&t->check, 0, sizeof t->check);
}

/* ------------------------------------------------------------ the check */

int st_lang_confirms(const st_text *t, const char *s, size_t n, const char *lang)
{
    const st_langcheck *lc = &t->check;
    int bit = -1;
    for (size_t i = 0; i < lc->nlangs; i++)
        if (strcmp(lc->langs[i], lang) == 0) bit = (int)i;
    if (bit < 0) return 0; /* a language we cannot check */
    script want = script_of_lang(lang);
    unsigned hits[ST_LANGCHECK_MAX] = {0}, words = 0, in_script = 0;
    st_tokiter it;
    st_token tok;
    char folded[64];
    st_tokiter_init(&it, s, n > ST_LANG_MAX_BYTES ? ST_LANG_MAX_BYTES : n);
    while (words < CHECK_WORDS && st_tokiter_next(&it, &tok)) {
        if (tok.kind != ST_TOK_WORD && tok.kind != ST_TOK_CJK) continue;
        words++;
        script sc = script_of_word((const unsigned char *)s + tok.off, tok.len);
        in_script += sc == want || (want == SC_KANA && sc == SC_HAN);
        if (tok.len >= sizeof folded) continue; /* no function word is that long */
        uint64_t m = mask_of(lc, folded, st_token_fold(s, &tok, folded, sizeof folded));
        for (; m; m &= m - 1) hits[__builtin_ctzll(m)]++;
    }
    if (in_script * 2 < words) return 0;
    for (size_t i = 0; i < lc->nlangs; i++)
        if (hits[i] > hits[bit]) return 0;
    return 1;
}
