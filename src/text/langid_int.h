/* langid_int.h — the fast language classifier behind st_lang_detect (private
 * to src/text).
 *
 * It gives exactly libexttextcat's textcat_ClassifyFull answer (same
 * fingerprints, same input fingerprint, same "out-of-place" distance, same
 * candidate rule) but organised for speed:
 *  - every n-gram of every .lm fingerprint sits in ONE dictionary, each with
 *    its postings (language, rank): an input n-gram is looked up once and
 *    corrects the distance of every language that has it, instead of 163
 *    merge walks over sorted string lists;
 *  - the input fingerprint is built from words: the n-grams of a word
 *    between two '_' depend on the word only, so each distinct word of a text
 *    is expanded once, from a cache of word -> n-gram ids kept across calls
 *    (news vocabulary repeats). Words are expanded in order of first
 *    occurrence, which keeps textcat's tie order (see langid_fp.c).
 * Nothing here changes an answer; the tests compare every candidate and
 * score with libexttextcat itself. */
#ifndef ST_LANGID_INT_H
#define ST_LANGID_INT_H

#include <stddef.h>
#include <stdint.h>

/* libexttextcat's constants (constants.h), restated because the algorithm is
 * defined by them. */
#define ST_LF_MAXNGRAMS 400     /* n-grams in a fingerprint */
#define ST_LF_MAXSYMBOLS 5      /* characters in an n-gram */
#define ST_LF_MAXBYTES 20       /* bytes in an n-gram (5 x 4) */
#define ST_LF_OUTOFPLACE 400    /* penalty for an n-gram a language lacks */
#define ST_LF_THRESHOLD 1.03    /* candidates score under best x this */
#define ST_LF_MAXCAND 5         /* more candidates than this: unknown */
#define ST_LF_TABLEMASK 8191    /* textcat's count table: 2^13 chains */
#define ST_LF_UNKNOWN 0         /* textcat's TEXTCAT_RESULT_UNKNOWN */
#define ST_LF_SHORT (-2)        /* textcat's TEXTCAT_RESULT_SHORT */

/* N-grams that many languages share (the ones every text ranks high) also
 * get a dense row of ranks, one per language, scored with vector adds
 * instead of one posting at a time. */
#define ST_LF_DENSE_MIN 32      /* postings an n-gram needs for a dense row */
#define ST_LF_DENSE_W 192       /* row width: languages, padded (none past it: sparse only) */
#define ST_LF_DENSE_NONE 2000   /* rank of a language without the n-gram: always out of place */

/* One n-gram the classifier knows: from a fingerprint file, or met in input. */
typedef struct st_lf_gram {
    uint64_t hash;          /* st_hash64 of the bytes */
    uint32_t post, npost;   /* postings: posts[post .. post+npost) */
    uint16_t bucket;        /* textcat's count-table chain: simplehash & mask */
    uint8_t len;            /* bytes */
    char s[ST_LF_MAXBYTES]; /* not NUL-terminated */
} st_lf_gram;

/* A cached word: its n-gram ids, in textcat's generation order. */
typedef struct st_lf_word {
    uint64_t hash;
    uint32_t off, len;  /* bytes: wbytes[off .. off+len) */
    uint32_t ids, nids; /* wids[ids .. ids+nids) */
    uint32_t stamp;     /* the call that last met it */
    uint32_t slot;      /* its index in that call's order[] */
} st_lf_word;

typedef struct st_lf_cand {
    int score;
    int lang; /* index of the fingerprint, in fpdb.conf order */
} st_lf_cand;

typedef struct st_langfp {
    /* fingerprints */
    char **names;    /* "en--utf8", ... in fpdb.conf order */
    size_t nlangs;
    uint32_t *posts; /* (lang << 16) | rank, grouped by n-gram */
    /* the n-gram dictionary: ids [0, nfixed) come from the files and stay;
     * later ids were met in input and are dropped by st_langfp_flush */
    st_lf_gram *grams;
    size_t ngrams, nfixed, gcap;
    uint32_t *gslots; /* open addressing: id + 1, 0 = empty */
    size_t gslot_mask;
    /* the word cache */
    st_lf_word *words;
    size_t nwords, wcap;
    uint32_t *wslots;
    size_t wslot_mask;
    char *wbytes;
    size_t wbytes_len, wbytes_cap;
    uint32_t *wids;
    size_t wids_len, wids_cap;
    /* per-call scratch, grown as needed, reused */
    uint32_t *cnt, *stamp; /* per n-gram id (gcap entries): cnt = index in seen */
    uint16_t *bucket;      /* per n-gram id: a copy of grams[id].bucket, dense */
    uint32_t *pstart;      /* per file n-gram id (nfixed + 1): postings start, dense */
    uint32_t call;
    char *buf;             /* the prepared text */
    size_t buf_cap;
    uint32_t *seen;        /* n-gram ids in order of first occurrence */
    uint32_t *ord, *ord_tmp; /* indexes in seen, in count-table order (and a radix pass's) */
    uint16_t *kbucket;     /* count-table chain, by index in seen */
    uint32_t *kcnt;        /* count, by index in seen */
    size_t seen_cap;
    uint32_t *order, *hits; /* a call's distinct words and their counts */
    size_t order_cap;
    uint32_t *tmp;         /* n-gram ids of one generation */
    size_t tmp_len, tmp_cap;
    int *dist;             /* per language */
    int16_t *dense;        /* dense rows of ST_LF_DENSE_W ranks (or ST_LF_DENSE_NONE) */
    uint32_t *dense_row;   /* per file n-gram: its row + 1, 0 = postings only */
} st_langfp;

/* langid_db.c */

/* Reads every fingerprint `conf` lists (libexttextcat's fpdb.conf format;
 * file names relative to `dir`, which ends with '/'). ST_EIO when a file
 * cannot be read, ST_ENOMEM. Free with st_langfp_free (accepts NULL). */
int st_langfp_load(const char *conf, const char *dir, st_langfp **out, char *err,
                   size_t errlen);
void st_langfp_free(st_langfp *L);
/* The id of n-gram s[0..len) of `nchars` characters, added when new;
 * -1 on out of memory. */
int64_t st_langfp_intern(st_langfp *L, const char *s, size_t len, int nchars);
/* Drops the word cache and the n-grams met in input (bounded memory). */
void st_langfp_flush(st_langfp *L);
/* Word cache lookup: index of the word, or -1. */
int64_t st_langfp_word_find(const st_langfp *L, uint64_t hash, const char *s, size_t len);
/* Adds a word with the n-gram ids ids[0..n); its index or -1 (out of memory). */
int64_t st_langfp_word_add(st_langfp *L, uint64_t hash, const char *s, size_t len,
                           const uint32_t *ids, size_t n);

/* langid_fp.c */

/* textcat_ClassifyFull for s: fingerprints the text as textcat does when
 * given bufsize n — textcat keeps reading past n while runs of spaces and
 * digits shrink, so bytes up to s_len (or a NUL) may be read. Fills out[]
 * with the candidates, best first. Returns their count (1..ST_LF_MAXCAND),
 * ST_LF_UNKNOWN, ST_LF_SHORT (n == 0) or ST_ENOMEM. */
int st_langfp_classify(st_langfp *L, const char *s, size_t n, size_t s_len,
                       st_lf_cand out[ST_LF_MAXCAND]);

#endif
