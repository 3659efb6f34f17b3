/* text.h — text analysis: language id, tokens, sentences, stopwords, stems,
 * and the analysed document every later stage reads. Private to the library.
 *
 * Resources (langid fingerprints, stopword lists, stemmers) live in an
 * st_text, loaded once. An st_text is not thread-safe (libexttextcat and
 * libstemmer keep per-handle scratch state): use one per thread. */
#ifndef ST_TEXT_H
#define ST_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "storytrack.h"

typedef struct st_text st_text;

/* Loads resources: stopword lists from <dir>/stopwords/<lang>.txt, where dir
 * is data_dir, else $STORYTRACK_DATA, else ST_DATA_DIR (the repository's
 * data/, set by the Makefile); and every libexttextcat fingerprint Debian
 * ships. Stemmers are created on first use. ST_EIO when a file is missing
 * (reason in err). Free with st_text_free (accepts NULL). */
int st_text_new(const char *data_dir, st_text **out, char *err, size_t errlen);
void st_text_free(st_text *t);

/* ------------------------------------------------------------ language id */

/* ISO 639-1 code (e.g. "en", "id") of s[0..n) in lang[8], "und" when unknown;
 * *conf in [0,1] (may be NULL): 1 / (languages textcat found equally likely),
 * scaled down for texts under ~60 letters. Only the first 2 KB are read.
 * Malay ("ms") is reported as "id" (see langid.c for why). Returns ST_OK, or
 * ST_EUSAGE for a NULL handle or text. */
int st_lang_detect(st_text *t, const char *s, size_t n, char lang[8], double *conf);

/* 1 when the text does not argue against the declared ISO 639-1 code lang:
 * mostly written in lang's script, and no other language's function words
 * outnumber lang's among its first 150 words (langcheck.c tells why and how
 * well); 0 for a language without a function word list. Much cheaper than
 * st_lang_detect. */
int st_lang_confirms(const st_text *t, const char *s, size_t n, const char *lang);

/* ------------------------------------------------------------ tokens */

typedef enum st_tok_kind {
    ST_TOK_WORD = 1, /* letters, with inner apostrophes and hyphens */
    ST_TOK_NUM,      /* 43,000  43.000  2,3  80%  2.3 */
    ST_TOK_URL,
    ST_TOK_EMAIL,
    ST_TOK_CJK       /* a bigram (or a lone character) of Han/Kana/Hangul/Thai */
} st_tok_kind;

/* A token is a span of the original text: nothing is copied. */
typedef struct st_token {
    size_t off, len;
    st_tok_kind kind;
} st_token;

/* Iterator state; fields are private, the struct is public so it lives on the stack. */
typedef struct st_tokiter {
    const char *s;
    size_t n, pos;
    size_t cjk_prev_off, cjk_prev_len; /* bigram state */
    int cjk_pending;
} st_tokiter;

void st_tokiter_init(st_tokiter *it, const char *s, size_t n);
/* Returns 1 and fills *tok, or 0 at the end. Words: letters, marks and digits
 * by Unicode category, with inner ' ’ - joining letters ("don't", "Al-Nono";
 * a trailing apostrophe is left out: "Hamas'" -> "Hamas"); upper-case
 * initials "U.S." are one word. Numbers: a '.' or ',' joins only when a digit
 * follows; a trailing '%' is kept. URLs: http://, https://, www. ; e-mail
 * addresses need a dotted domain. Invalid UTF-8 bytes are skipped. */
int st_tokiter_next(st_tokiter *it, st_token *tok);
/* NFKC + case folding of the token into out[cap] (NUL-terminated, truncated
 * to fit without splitting a character); returns the length written. ’ and
 * the Unicode hyphens become ASCII ' and - so both spellings give one term.
 * No allocation for tokens under 256 code points. */
size_t st_token_fold(const char *s, const st_token *tok, char *out, size_t cap);

/* ------------------------------------------------------------ sentences */

typedef struct st_span {
    size_t off, len;
} st_span;

/* Splits s[0..n) into sentences (trimmed spans, in order, offsets into s).
 * *out is malloc'd: caller frees with free() (it may be NULL when *count
 * is 0). lang may be NULL (the rules are the same for every language
 * now). Returns ST_OK or ST_ENOMEM. */
int st_sentences(const char *s, size_t n, const char *lang, st_span **out, size_t *count);

/* ------------------------------------------------------------ words */

/* 1 when the folded word is a stopword of lang; 0 for languages without a
 * list or a NULL lang. */
int st_stopword(const st_text *t, const char *lang, const char *w, size_t n);
/* Snowball stem of a folded word into out[cap]; returns length. Languages
 * without a stemmer copy the word. Every libstemmer algorithm is reachable by
 * its ISO 639-1 code ("ms" uses Indonesian; "no", "nb", "nn" Norwegian).
 * Recent stems are memoised per language (pure function, same results). */
size_t st_stem(st_text *t, const char *lang, const char *w, size_t n, char *out, size_t cap);

/* ------------------------------------------------------------ documents */

typedef struct st_term {
    char *text;     /* the stem of a word, the folded number or CJK bigram (owned by the doc) */
    uint64_t hash;  /* st_hash64 of text */
    uint32_t count; /* occurrences in the document */
} st_term;

/* A word token (ST_TOK_WORD) of an analysed text, with its folded form, so
 * later stages need not tokenise and fold the text again. */
typedef struct st_word {
    uint32_t end;  /* offset in the doc's text just past the token */
    uint32_t off;  /* folded form: the doc's words_text + off, NUL-terminated */
    uint32_t len;  /* bytes of the folded form (at most 127) */
    uint64_t term; /* hash of the term it counts for (st_term.hash), 0 when none
                      (a stopword, a short word): labels learn words per term */
} st_word;

/* An analysed article. Every field is owned by the doc. */
typedef struct st_doc {
    char lang[8];       /* detected language */
    double lang_conf;
    int lang_mismatch;  /* metadata named another language */
    char *text;         /* title + "\n\n" + body: offsets below point here */
    size_t len;
    size_t title_len;   /* title is text[0..title_len) */
    st_span *sents;     /* sentences of text */
    size_t nsents;
    st_term *terms;     /* content terms (stems, stopwords removed), sorted by hash */
    size_t nterms;
    size_t ntokens;     /* all tokens seen */
    st_word *words;     /* every word token, in text order (stopwords included) */
    size_t nwords;
    const char *words_text; /* their folded forms */
} st_doc;

/* Analyses one article. meta_lang (may be NULL) is the input's language
 * field ("en", "en-US", "ms" -> "id"): used when detection is unknown or its
 * confidence is under 0.5, flagged in lang_mismatch when both are sure and
 * disagree. Terms: WORD, NUM and CJK tokens, folded, without stopwords and
 * one-letter Latin words, words stemmed; URLs and e-mails are counted in
 * ntokens only. Free with st_doc_free (accepts NULL). */
int st_doc_analyse(st_text *t, const char *title, const char *body, const char *meta_lang,
                   st_doc **out);
void st_doc_free(st_doc *d);

#endif
