/* entry.h — the layout of st_dedup_entry, shared by the dedup files only. */
#ifndef ST_DEDUP_ENTRY_H
#define ST_DEDUP_ENTRY_H

#include "dedup/dedup.h"

/* Sentence s owns words[s == 0 ? 0 : sent_end[s-1] .. sent_end[s]): its
 * content-word hashes (high 32 bits), sorted, unique, at most max_sent_words.
 * Sentences under min_sent_words are not stored at all. */
struct st_dedup_entry {
    uint64_t text_hash, simhash;
    uint32_t num_perm, max_sent_words, min_sent_words;
    uint32_t has_shingles; /* 0: the MinHash saw nothing (empty text) */
    uint32_t nsents, cap_sents;
    uint32_t nwords, cap_words;
    uint32_t *sent_end;
    uint32_t *words;
    uint32_t sig[]; /* num_perm */
};

static inline const uint32_t *st_dedup_sent_words(const st_dedup_entry *e, uint32_t s,
                                                  uint32_t *n)
{
    uint32_t start = s ? e->sent_end[s - 1] : 0;
    *n = e->sent_end[s] - start;
    return e->words + start;
}

/* Releases spare capacity once the entry is complete. */
void st_dedup_entry_shrink(st_dedup_entry *e);

#endif
