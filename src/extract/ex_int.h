/* ex_int.h — shared internals of src/extract: phrase tables, tokens and the
 * working state of one extraction. Not for use outside src/extract. */
#ifndef ST_EX_INT_H
#define ST_EX_INT_H

#include <stddef.h>
#include <stdint.h>

#include "extract/extract.h"
#include "util/hmap.h"
#include "util/util.h"

/* ------------------------------------------------------------ phrase tables
 * A phrase table maps a folded phrase (words folded to lower case without
 * accents, joined by one space, hyphens dropped) to an entry. Phrases are
 * matched on token sequences, longest first. */

typedef struct ex_entry {
    char *a;    /* second column (category, canonical form, type...) */
    char *b;    /* third column or NULL */
    double v;   /* numeric value of the column that holds a number, else 0 */
    int acronym; /* 1: written in capitals (US, AS): match only capitals;
                    2: capitalised (Burns): match only capitalised text */
    int flag;    /* a fourth column was given (dates: "ambig") */
} ex_entry;

typedef struct ex_table {
    char **keys;
    ex_entry *vals;
    size_t cap, n;
    int maxwords;
    /* Hashes of the word-boundary prefixes of multi-word keys ("united" of
     * "united nations"): a phrase that is neither a key nor such a prefix
     * ends the search for longer keys. A collision only searches on. */
    st_hmap pre; /* st_hash64 of the prefix -> 0 */
} ex_table;

void ex_table_free(ex_table *t);
/* Adds key -> entry (copied). An existing key keeps its first entry. */
int ex_table_put(ex_table *t, const char *key, const ex_entry *e);
const ex_entry *ex_table_get(const ex_table *t, const char *key);
/* 1 when s[0..n) may begin a longer key (see ex_table.pre). */
int ex_table_may_extend(const ex_table *t, const char *s, size_t n);

/* Folds s[0..n) (case, accents) into a malloc'd string; NULL on failure. */
char *ex_fold(const char *s, size_t n);
/* The folded key of a phrase as the tokeniser sees it ("Al-Thani" ->
 * "al thani"); malloc'd. *words gets the word count. */
char *ex_phrase_key(const char *s, int *words);

/* ------------------------------------------------------------ gazetteer */

typedef struct ex_gaz_entry {
    char *id;      /* concept id */
    char *type;    /* person, org, place */
    char *name;    /* display name */
} ex_gaz_entry;

/* ------------------------------------------------------------ languages */

typedef struct ex_lang {
    char code[8];
    int full;            /* has word lists besides dates.tsv: articles are read with it */
    ex_table titles;     /* "prime minister" -> a=type */
    ex_table say;        /* "said" -> a=role: say|cite|pron|acc|sayafter */
    ex_table quals;      /* "more than" -> a=canonical ("-": none), b=reach for verbs */
    ex_table units;      /* "killed" -> a=unit, b=kind (event|count|measure|none) */
    ex_table numbers;    /* "dozens" -> v=value, a=kind (number|mult|fraction|vague), and the
                            words around numbers (range|part|prep|decimal) */
    ex_table open;       /* plural endings and words of unlisted units: a=kind */
    ex_table dates;      /* "october" -> a=kind (month|weekday|day|week|month_rel|year_rel|
                            connector), v */
    ex_table sources;    /* "official" -> a=source|pronoun */
    ex_table names;      /* "committee" -> a=orgword|placeprep|connector|notname */
    ex_table stop;       /* stopwords of the language (data/stopwords) */
} ex_lang;

struct st_extract {
    ex_table gaz;        /* alias key -> a=gazetteer index as text, v=index */
    ex_gaz_entry *gents;
    size_t ngents;
    ex_table nicknames;  /* "bill" -> a="William" */
    ex_lang *langs;
    size_t nlangs;
};

/* The full language of code, else English: a language whose folder holds
 * only dates.tsv is read with English's word lists. */
const ex_lang *ex_lang_for(const st_extract *ex, const char *code);
/* The date words of code's folder when it has them, else English's. */
const ex_table *ex_dates_for(const st_extract *ex, const char *code);

/* Loaders (load.c). Each reads one TSV file; a missing file is not an error. */
int ex_load_table(const char *path, ex_table *t, char *err, size_t errlen);
int ex_load_gazetteer(st_extract *ex, const char *path, char *err, size_t errlen);

/* ------------------------------------------------------------ tokens */

enum {
    EX_T_WORD = 1,   /* letters (and digits) */
    EX_T_NUM = 2,    /* digits with inner , or . */
    EX_T_PUNCT = 4,  /* one other character */
    EX_T_CAP = 8,    /* word starting with a capital */
    EX_T_ALLCAP = 16, /* two or more letters, all capitals (or U.S.-style) */
    EX_T_SPACE = 32  /* white space before the token */
};

typedef struct ex_tok {
    size_t off, len;
    unsigned flags;
    char *fold;      /* folded text (words and numbers); punctuation: the bytes */
    size_t sent;     /* sentence index */
    long ent;        /* entity index of a mention covering it, or -1 */
    int used;        /* consumed by a date or claim */
} ex_tok;

/* Splits text into tokens (malloc'd array; free with ex_toks_free). */
int ex_tokenise(const char *text, size_t len, ex_tok **out, size_t *n);
void ex_toks_free(ex_tok *t, size_t n);
/* 1 when s starts with an upper-case letter. */
int ex_upper_initial(const char *s);

/* ------------------------------------------------------------ work state */

typedef struct ex_work {
    const st_extract *ex;
    const ex_lang *L;
    const ex_table *dates;   /* the article's own language's date words (ex_dates_for) */
    const st_ex_input *in;
    ex_tok *t;
    size_t nt;
    st_ex_result *r;
    size_t cap_ent, cap_men, cap_quo, cap_cla, cap_dat;
    int pub_y, pub_m, pub_d; /* publish date, 0 when unknown */
    /* caches of entities.c, so long articles stay linear */
    ex_table midcaps;        /* words seen capitalised inside a sentence */
    int midcaps_ready;
    signed char *tcase;      /* per sentence: -1 unknown, 0/1 headline case */
} ex_work;

/* Longest phrase of table starting at token i (words only, hyphens skipped);
 * returns the entry and sets *end (one past the last token), or NULL. When
 * caps is set, acronym entries need capital tokens. */
const ex_entry *ex_match(const ex_work *w, const ex_table *tab, size_t i, size_t *end);
/* A verb of saying at token k (not a capitalised word inside a sentence). */
const ex_entry *ex_say(const ex_work *w, size_t k, size_t *end);
/* Is token i a word whose fold equals s. */
int ex_tok_is(const ex_work *w, size_t i, const char *s);

/* Passes, in this order (entities.c, dates.c, claims.c, quotes.c). */
int ex_find_entities(ex_work *w);
int ex_find_dates(ex_work *w);
int ex_find_claims(ex_work *w);
int ex_find_quotes(ex_work *w);

/* Value of a number written with digits (43,000 / 43.000 / 2,3). */
double ex_parse_number(const char *s);


/* Helpers shared by the passes. */
char *ex_span_dup(const ex_work *w, size_t start, size_t end); /* trimmed copy */
/* Index of the first token of sentence sent (w->nt when none). */
size_t ex_sent_first(const ex_work *w, size_t sent);
/* Index of the sentence holding byte offset off. */
size_t ex_sent_of(const ex_work *w, size_t off);
/* Resolved date of sentence s (the first date in it), else NULL. */
const char *ex_sent_date(const ex_work *w, size_t s);
/* Grows an array to hold one more item; returns the slot or NULL. */
void *ex_grow(void **arr, size_t *n, size_t *cap, size_t size);

#endif
