/* text_int.h — the inside of st_text, shared by the files of src/text only. */
#ifndef ST_TEXT_INT_H
#define ST_TEXT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "text/text.h"
#include "util/hmap.h"

struct sb_stemmer;

/* A set of words: open addressing over 64-bit hashes, words in one arena. */
typedef struct st_wordset {
    uint64_t *hashes; /* 0 = empty slot */
    uint32_t *offs;   /* word i starts at arena[offs[i]], NUL-terminated */
    size_t cap;       /* a power of two */
    size_t count;
    char *arena;
    size_t arena_len;
} st_wordset;

/* The stopwords of one language. */
typedef struct st_stoplist {
    char lang[8];
    st_wordset set;
} st_stoplist;

/* A memo of recent stems: news vocabulary is Zipfian, so a small
 * direct-mapped table answers most tokens without running the stemmer
 * (which costs several times the rest of the per-token work). */
#define ST_STEMCACHE_WORD 22 /* longer words are not cached */
#define ST_STEMCACHE_SIZE 32768 /* 64-byte entries: 2 MB per language in use */
typedef struct st_stemmemo {
    uint64_t hash; /* 0 = empty */
    unsigned char wlen, slen;
    char word[ST_STEMCACHE_WORD];
    char stem[ST_STEMCACHE_WORD + 10];
} st_stemmemo;

/* A lazily created stemmer; `tried` remembers a language without one. */
typedef struct st_stemslot {
    char lang[8];
    struct sb_stemmer *stemmer;
    st_stemmemo *memo; /* ST_STEMCACHE_SIZE entries, or NULL */
    int tried;
} st_stemslot;

#define ST_MAX_STEMMERS 48

/* Function words of many languages, for st_lang_confirms (langcheck.c):
 * word hash -> bitmask of the languages listing it. */
#define ST_LANGCHECK_MAX 64
typedef struct st_langcheck {
    st_hmap masks; /* st_hash64 of a folded word -> its languages' bits */
    char langs[ST_LANGCHECK_MAX][8]; /* bit i is langs[i] */
    size_t nlangs;
} st_langcheck;

struct st_text {
    char *data_dir;
    struct st_langfp *langfp; /* language fingerprints (langid_int.h) */
    st_stoplist *stops;
    size_t nstops;
    const st_stoplist *last_stop; /* one-entry cache: documents repeat one language */
    st_stemslot stems[ST_MAX_STEMMERS];
    size_t nstems;
    st_stemslot *last_stem;
    st_langcheck check;
};

/* stopwords.c */
int st_stoplists_load(st_text *t, char *err, size_t errlen);
void st_stoplists_free(st_text *t);
int st_wordset_has(const st_wordset *ws, const char *w, size_t n);
/* Loads one word per line, folded; ST_EIO or ST_ENOMEM. */
int st_wordset_load(st_wordset *ws, const char *path);
void st_wordset_free(st_wordset *ws);
/* Calls fn for each <data>/<sub>/<lang>.txt, loaded as a wordset that fn
 * takes over (frees or keeps); stops at the first error (file in err). */
typedef int (*st_wordlist_fn)(void *ud, const char *lang, st_wordset *ws);
int st_wordlists_each(const st_text *t, const char *sub, st_wordlist_fn fn, void *ud, char *err,
                      size_t errlen);

/* langcheck.c */
int st_langcheck_load(st_text *t, char *err, size_t errlen);
void st_langcheck_free(st_text *t);

/* langid.c */
/* Classify at most this much: 2 KB of prose is some 300 words, far more
 * than textcat needs for a sure answer, and the n-gram counting and ranking
 * grow with the text (bench/stories.sh, docs/clustering.md). */
#define ST_LANG_MAX_BYTES 2048
int st_langid_open(st_text *t, char *err, size_t errlen);
void st_langid_close(st_text *t);
/* How much text s[0..n) is to tell a language by: letters in its first
 * ST_LANG_MAX_BYTES / 60, at most 1. */
double st_lang_evidence(const char *s, size_t n);

/* stem.c */
void st_stemmers_free(st_text *t);
/* libstemmer's algorithm name for an ISO 639-1 code, or NULL. */
const char *st_stem_algorithm(const char *lang);

#endif
