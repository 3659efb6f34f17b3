/* dedup.h — duplicate and rewrite detection (private to the library).
 *
 * Three signals per article, all built from folded tokens of st_doc.text:
 *  - a text hash of the folded token stream: equal hashes = "exact" copy
 *    (case, punctuation and spacing differences do not count);
 *  - a MinHash of the set of word k-shingles: its estimated Jaccard decides
 *    "near"; its LSH bands find candidates without comparing all pairs;
 *  - per sentence, the sorted set of folded content-word hashes: the share of
 *    one article's sentences that have a close match in the other
 *    ("containment") decides "rewrite". Sets ignore word order and the
 *    comparison ignores sentence order, so a shuffled copy with half of its
 *    sentences paraphrased is still caught. Exact sentence fingerprints are
 *    indexed too, because heavy rewrites may share no LSH band.
 * A 64-bit SimHash over weighted content terms is computed for the store and
 * reported on each pair (it decides nothing here).
 *
 * Memory (bench/dedup.sh, 100k articles of ~270 words): about 2.5 KB per
 * article: 512 B of MinHash, ~1 KB of sentence sets (16-bit word hashes),
 * ~0.7 KB of bucket nodes (42 bands + one per sentence, 12 B each) and
 * growth slack. Remove articles that leave the live window to bound it.
 *
 * Not thread-safe: one index per thread, or a lock around it. */
#ifndef ST_DEDUP_H
#define ST_DEDUP_H

#include <stddef.h>
#include <stdint.h>

#include "storytrack.h"
#include "text/text.h"

/* ------------------------------------------------------------ parameters */

#define ST_DEDUP_MAX_PERM 1024

typedef struct st_dedup_params {
    /* MinHash permutations (default 128): 4 bytes each per article. */
    int num_perm;
    /* LSH banding, bands * rows <= num_perm (default 42 x 3 = 126). A pair
     * with Jaccard s becomes a candidate with probability 1 - (1 - s^r)^b:
     *   s = 0.3: 0.68   0.4: 0.94   0.5: 0.996   0.8: 1.0
     * while pairs of unrelated articles (s <= 0.05 on 3-word shingles) collide
     * with probability <= 0.005. 32 x 4 would find only 87% at s = 0.5. The
     * permutations beyond bands * rows still sharpen the estimate. */
    int bands, rows;
    int shingle;              /* words per shingle (default 3) */
    double near_threshold;    /* estimated Jaccard for "near" (default 0.8) */
    double rewrite_threshold; /* sentence containment for "rewrite" (default 0.5) */
    /* Two sentences match when the Jaccard of their content-word sets reaches
     * this (default 0.5: a 12-word sentence with 3 words replaced scores 0.6). */
    double sent_threshold;
    /* Sentences with fewer content words are ignored by containment and not
     * indexed: "Read also:" lines would otherwise pair everything (default 4). */
    int min_sent_words;
    /* Containment also needs this many matched sentences, so one shared quote
     * does not make a 2-sentence brief a "rewrite" (default 3). */
    int min_sent_matches;
    /* Per sentence at most this many word hashes are kept: the smallest ones,
     * a consistent sample, so long sentences still compare fairly (default 48). */
    int max_sent_words;
    /* Only the newest this-many entries of one LSH or sentence bucket become
     * candidates: boilerplate sentences and wire floods stay bounded
     * (default 128). */
    int max_bucket;
    /* A sentence already held by this many indexed articles is boilerplate
     * (footers, "Read also" lines, bylines): containment ignores it on both
     * sides, so a shared footer does not make two briefs a "rewrite". The
     * first few articles that carry it are still compared with it (default 5). */
    int boiler_df;
} st_dedup_params;

void st_dedup_params_default(st_dedup_params *p);
/* ST_OK or ST_EUSAGE with the reason in err. */
int st_dedup_params_check(const st_dedup_params *p, char *err, size_t errlen);

/* ------------------------------------------------------------ MinHash */

/* A signature is num_perm uint32 minima; permutation i maps a 64-bit element
 * hash x to the high 32 bits of a_i * x + b_i (multiply-shift), with a_i, b_i
 * fixed by i: signatures are stable across runs and machines. */
void st_minhash_init(uint32_t *sig, int num_perm);
/* Adds n element hashes (already well mixed, e.g. st_hash64 output). */
void st_minhash_update(uint32_t *sig, int num_perm, const uint64_t *hashes, size_t n);
/* Share of equal positions: an unbiased estimate of the Jaccard index. */
double st_minhash_jaccard(const uint32_t *a, const uint32_t *b, int num_perm);
/* Key of one LSH band (rows values starting at band * rows). */
uint64_t st_minhash_band_key(const uint32_t *sig, int band, int rows);

/* Blob: "MH1" + 1 byte 0 + uint32 num_perm + num_perm uint32, little-endian. */
size_t st_minhash_blob_size(int num_perm);
/* Writes st_minhash_blob_size(num_perm) bytes to out. */
void st_minhash_to_blob(const uint32_t *sig, int num_perm, unsigned char *out);
/* Reads a blob into sig[num_perm]; ST_EINPUT when malformed or another size. */
int st_minhash_from_blob(const void *blob, size_t n, uint32_t *sig, int num_perm);

/* ------------------------------------------------------------ SimHash */

/* 64-bit SimHash: bit j is set when the summed weights of features whose hash
 * has bit j set exceed those where it is clear. weights may be NULL (all 1);
 * they are used in steps of 1/64 up to 1024 (NaN and negatives count 0). */
uint64_t st_simhash(const uint64_t *hashes, const double *weights, size_t n);
int st_simhash_distance(uint64_t a, uint64_t b);

/* ------------------------------------------------------------ entries */

/* What the index keeps of one article. Opaque; built either from an st_doc
 * or piece by piece (tests, restore). */
typedef struct st_dedup_entry st_dedup_entry;

/* An empty entry for params p (copied). Free with st_dedup_entry_free. */
int st_dedup_entry_new(const st_dedup_params *p, st_dedup_entry **out);
void st_dedup_entry_free(st_dedup_entry *e);
/* Adds shingle hashes to the MinHash. */
void st_dedup_entry_add_shingles(st_dedup_entry *e, const uint64_t *h, size_t n);
/* Appends one sentence given the 64-bit hashes of its content words (any
 * order, repeats allowed; the array is not kept). The entry keeps the top 16
 * bits of each, sorted and unique; a sentence under min_sent_words distinct
 * words is dropped. */
int st_dedup_entry_add_sentence(st_dedup_entry *e, const uint64_t *words, size_t n);
void st_dedup_entry_set_text_hash(st_dedup_entry *e, uint64_t h); /* 0 = empty text */
void st_dedup_entry_set_simhash(st_dedup_entry *e, uint64_t h);

/* Borrowed: valid while e lives. */
const uint32_t *st_dedup_entry_minhash(const st_dedup_entry *e, int *num_perm);
uint64_t st_dedup_entry_text_hash(const st_dedup_entry *e);
uint64_t st_dedup_entry_simhash(const st_dedup_entry *e);
size_t st_dedup_entry_nsents(const st_dedup_entry *e);
/* Heap bytes held by the entry. */
size_t st_dedup_entry_bytes(const st_dedup_entry *e);

/* The whole entry as a blob ("DE2" format, see entry_blob.c), so the store
 * can restore the index at open without re-analysing text. *out is malloc'd:
 * caller frees with free(). */
int st_dedup_entry_to_blob(const st_dedup_entry *e, unsigned char **out, size_t *n);
/* ST_EINPUT when malformed or made with another num_perm. */
int st_dedup_entry_from_blob(const st_dedup_params *p, const void *blob, size_t n,
                             st_dedup_entry **out);

/* Builds the entry of an analysed document: tokenises d->text, folds each
 * token; shingles of p->shingle consecutive tokens (stopwords included) feed
 * the MinHash, the token stream the text hash, d->terms the SimHash (weight
 * 1 + ln count; else its distinct content tokens, weight 1), d->sents the
 * sentence sets (URLs and e-mails left out). t (may be NULL) supplies
 * stopwords of d->lang for the sentence sets; without it every word counts.
 * Only text, len, sents, terms and lang of d are read. Free *out with
 * st_dedup_entry_free. */
int st_dedup_entry_from_doc(const st_doc *d, st_text *t, const st_dedup_params *p,
                            st_dedup_entry **out);

/* ------------------------------------------------------------ pairs */

typedef struct st_dedup_pair {
    int64_t a, b;       /* a: the article indexed before, b: the one added */
    const char *kind;   /* static: "exact", "near" or "rewrite" */
    double jaccard;     /* estimated from the MinHash */
    double containment; /* max over both directions of matched sentence share */
    int simhash_distance;
} st_dedup_pair;

/* Classifies two entries. Returns 1 and fills *out (ids a, b) when they are
 * exact, near or rewrite (checked in that order), 0 when unrelated. */
int st_dedup_compare(const st_dedup_entry *x, const st_dedup_entry *y,
                     const st_dedup_params *p, int64_t a, int64_t b, st_dedup_pair *out);
/* Sentence containment alone (see st_dedup_pair.containment); *matched gets
 * the larger matched-sentence count (may be NULL). */
double st_dedup_containment(const st_dedup_entry *x, const st_dedup_entry *y,
                            const st_dedup_params *p, size_t *matched);

/* ------------------------------------------------------------ index */

typedef struct st_dedup_index st_dedup_index;

/* Params are copied. Free with st_dedup_index_free. */
int st_dedup_index_new(const st_dedup_params *p, st_dedup_index **out, char *err,
                       size_t errlen);
void st_dedup_index_free(st_dedup_index *ix);

/* Indexes entry e under id, taking ownership of e (also on failure). When
 * pairs is not NULL, *pairs gets the pairs found against entries added
 * before (malloc'd, caller frees with free(); NULL when none) and *npairs
 * their number, ordered by a. With pairs NULL nothing is compared: the fast
 * path to rebuild the index at open. ST_EDUP when id is already indexed. */
int st_dedup_index_add(st_dedup_index *ix, int64_t id, st_dedup_entry *e,
                       st_dedup_pair **pairs, size_t *npairs);
/* Drops id and frees its entry. ST_ENOTFOUND when absent. */
int st_dedup_index_remove(st_dedup_index *ix, int64_t id);
/* Borrowed: valid until id is removed or the index freed; NULL when absent. */
const st_dedup_entry *st_dedup_index_get(const st_dedup_index *ix, int64_t id);
size_t st_dedup_index_count(const st_dedup_index *ix);
/* Heap bytes held by the index and its entries. */
size_t st_dedup_index_bytes(const st_dedup_index *ix);

#endif
