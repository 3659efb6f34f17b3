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

/* Loads resources from data_dir (NULL = ST_DATA_DIR or $STORYTRACK_DATA).
 * Free with st_text_free. */
int st_text_new(const char *data_dir, st_text **out, char *err, size_t errlen);
void st_text_free(st_text *t);

/* ------------------------------------------------------------ language id */

/* ISO 639-1 code (e.g. "en", "id") of s[0..n) in lang[8], "und" when unknown;
 * *conf in [0,1] (may be NULL). */
int st_lang_detect(st_text *t, const char *s, size_t n, char lang[8], double *conf);

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
/* Returns 1 and fills *tok, or 0 at the end. */
int st_tokiter_next(st_tokiter *it, st_token *tok);
/* NFKC + case folding of the token into out[cap] (NUL-terminated, truncated
 * to fit); returns the length written. */
size_t st_token_fold(const char *s, const st_token *tok, char *out, size_t cap);

/* ------------------------------------------------------------ sentences */

typedef struct st_span {
    size_t off, len;
} st_span;

/* Splits s[0..n) into sentences (trimmed spans). *out is malloc'd: caller
 * frees with free(). lang may be NULL. */
int st_sentences(const char *s, size_t n, const char *lang, st_span **out, size_t *count);

/* ------------------------------------------------------------ words */

/* 1 when the folded word is a stopword of lang. */
int st_stopword(const st_text *t, const char *lang, const char *w, size_t n);
/* Snowball stem of a folded word into out[cap]; returns length. Languages
 * without a stemmer copy the word. */
size_t st_stem(st_text *t, const char *lang, const char *w, size_t n, char *out, size_t cap);

/* ------------------------------------------------------------ documents */

typedef struct st_term {
    char *text;     /* the stem (owned by the doc) */
    uint64_t hash;  /* st_hash64 of text */
    uint32_t count; /* occurrences in the document */
} st_term;

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
} st_doc;

/* Analyses one article. meta_lang (may be NULL) is the input's language
 * field: used when detection is unsure, flagged when it disagrees.
 * Free with st_doc_free. */
int st_doc_analyse(st_text *t, const char *title, const char *body, const char *meta_lang,
                   st_doc **out);
void st_doc_free(st_doc *d);

#endif
