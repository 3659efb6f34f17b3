/* entry.h — the layout of st_dedup_entry, shared by the dedup files only. */
#ifndef ST_DEDUP_ENTRY_H
#define ST_DEDUP_ENTRY_H

#include "dedup/dedup.h"

/* A word of a sentence set: the top 16 bits of its hash. Two different words
 * of a 20-word sentence collide with probability 0.3%, which moves a set
 * Jaccard by a few hundredths at worst, and halves the largest part of an
 * entry. */
typedef uint16_t st_dedup_word;

/* Sentence s owns words[s == 0 ? 0 : sent_end[s-1] .. sent_end[s]): its
 * content-word hashes, sorted, unique, at most max_sent_words. Sentences
 * under min_sent_words are not stored at all. */
struct st_dedup_entry {
    uint64_t text_hash, simhash;
    uint32_t num_perm, max_sent_words, min_sent_words;
    uint32_t has_shingles; /* 0: the MinHash saw nothing (empty text) */
    uint32_t nsents, cap_sents;
    uint32_t nwords, cap_words;
    uint32_t *sent_end;
    st_dedup_word *words;
    uint32_t sig[]; /* num_perm */
};

static inline const st_dedup_word *st_dedup_sent_words(const st_dedup_entry *e, uint32_t s,
                                                  uint32_t *n)
{
    uint32_t start = s ? e->sent_end[s - 1] : 0;
    *n = e->sent_end[s] - start;
    return e->words + start;
}

/* st_dedup_compare / st_dedup_containment where the sentences s of y with
 * skip_y[s] set are boilerplate (skip_y may be NULL): they, and the
 * sentences of x that match them, count on neither side. */
int st_dedup_compare_skip(const st_dedup_entry *x, const st_dedup_entry *y,
                          const st_dedup_params *p, const unsigned char *skip_y, int64_t a,
                          int64_t b, st_dedup_pair *out);
double st_dedup_containment_skip(const st_dedup_entry *x, const st_dedup_entry *y,
                                 const st_dedup_params *p, const unsigned char *skip_y,
                                 size_t *matched);

/* Releases spare capacity once the entry is complete. */
void st_dedup_entry_shrink(st_dedup_entry *e);

#endif
