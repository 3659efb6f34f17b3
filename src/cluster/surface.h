/* surface.h — readable words for stemmed term keys (private to src/cluster).
 *
 * Terms are stems ("inflat", "hama"), fine for matching but not for people.
 * For each term key that was among an article's top terms, the map keeps up to
 * ST_SURFACE_SLOTS folded words the stem was seen as, with counts (the
 * "space-saving" summary: a new word evicts the rarest one and inherits its
 * count + 1), so the most frequent form wins with O(1) memory per key. Words
 * are stored once in an arena. Not thread-safe; owned by the vocabulary. */
#ifndef ST_SURFACE_H
#define ST_SURFACE_H

#include <stddef.h>
#include <stdint.h>

#include "util/hmap.h"
#include "text/text.h"
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

/* One term of an article to learn forms for: its key and its stem text. */
typedef struct st_surface_term {
    uint64_t key;
    const char *stem; /* borrowed */
    size_t len;
} st_surface_term;

void st_surface_free(st_surface *s);
/* Counts one sighting of `word` (folded, n bytes) for term `key`. */
int st_surface_add(st_surface *s, uint64_t key, const char *word, size_t n);
/* The most frequent form of key, or NULL when none was seen. Borrowed: valid
 * until the next st_surface_add. */
const char *st_surface_get(const st_surface *s, uint64_t key);
/* Goes over the doc's words (st_doc.words) that end within the headline and
 * the first `max_bytes` after it, and counts, for each of terms[0..n), every
 * folded word of which its stem is a prefix (Snowball stems are prefixes of
 * their words in nearly every language): no second stemming pass is needed. */
int st_surface_learn(st_surface *s, const st_doc *doc, const st_surface_term *terms, size_t n,
                     size_t max_bytes);

#endif
