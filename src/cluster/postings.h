/* postings.h — an inverted index from feature keys to cluster indexes, used to
 * find candidate events and stories without scanning them all (private). */
#ifndef ST_POSTINGS_H
#define ST_POSTINGS_H

#include <stddef.h>
#include <stdint.h>

#include "util/hmap.h"

typedef struct st_plist {
    uint32_t *ids;
    uint32_t n, cap;
} st_plist;

typedef struct st_postings {
    st_hmap map; /* key -> index into lists */
    st_plist *lists;
    size_t nlists, cap;
} st_postings;

void st_postings_free(st_postings *p);
int st_postings_add(st_postings *p, uint64_t key, uint32_t id);
/* Removes id from the list of key (order of the rest may change). */
void st_postings_remove(st_postings *p, uint64_t key, uint32_t id);
/* Borrowed list of key, or NULL. */
const st_plist *st_postings_get(const st_postings *p, uint64_t key);

/* Candidate counting: ids hit by several keys rank first. */
typedef struct st_cand {
    uint32_t id;
    uint32_t hits;
} st_cand;

/* Gathers the ids of every key into *out (malloc'd, caller frees), sorted by
 * hits (desc) then id (asc), at most `max` of them, and only those with at
 * least min_share_num/min_share_den of the best one's hits. */
int st_postings_gather(const st_postings *p, const uint64_t *keys, size_t nkeys, size_t max,
                       unsigned min_share_num, unsigned min_share_den, st_cand **out, size_t *nout);

#endif
