/* surface.h — readable words for stemmed term keys (private to src/cluster).
 *
 * Terms are stems ("inflat", "hama"), fine for matching but not for people.
 * For each term key that was among an article's top terms, the map keeps up to
 * ST_SURFACE_SLOTS folded words that stemmed to it, with counts (the
 * "space-saving" summary: a new word evicts the rarest one and inherits its
 * count + 1), so the most frequent form wins with O(1) memory per key. Words
 * are stored once in an arena. Not thread-safe; owned by the vocabulary. */
#ifndef ST_SURFACE_H
#define ST_SURFACE_H

#include <stddef.h>
#include <stdint.h>

#include "util/hmap.h"
#include "util/util.h"

#define ST_SURFACE_SLOTS 4

typedef struct st_surface_forms {
    uint32_t off[ST_SURFACE_SLOTS]; /* offset + 1 into the arena, 0 = empty slot */
    uint32_t cnt[ST_SURFACE_SLOTS];
} st_surface_forms;

/* Zero-initialise ({0}); st_surface_free releases it. */
typedef struct st_surface {
    st_hmap by_key;          /* term key -> index + 1 into forms */
    st_surface_forms *forms;
    size_t nforms, capforms;
    st_hmap by_word;         /* st_hash64 of a word -> its offset + 1 in arena */
    st_buf arena;            /* NUL-separated words */
} st_surface;

void st_surface_free(st_surface *s);
/* Counts one sighting of `word` (folded, n bytes) for term `key`. */
int st_surface_add(st_surface *s, uint64_t key, const char *word, size_t n);
/* Counts k sightings at once, as k calls of st_surface_add would. */
int st_surface_add_n(st_surface *s, uint64_t key, const char *word, size_t n, uint32_t k);
/* The most frequent form of key, or NULL when none was seen. Borrowed: valid
 * until the next st_surface_add. */
const char *st_surface_get(const st_surface *s, uint64_t key);

#endif
