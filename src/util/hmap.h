/* hmap.h — a uint64 -> uint64 open-addressing hash map without deletion
 * (private to the library: the clusterer's maps, the language check's word
 * table, the extractor's phrase prefixes). Keys are any value, 0 included. */
#ifndef ST_HMAP_H
#define ST_HMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct st_hmap {
    uint64_t *keys, *vals;
    uint8_t *used;
    size_t cap, n; /* cap is a power of two */
} st_hmap;

void st_hmap_free(st_hmap *m);
/* Pointer to the value of key, or NULL. */
uint64_t *st_hmap_get(const st_hmap *m, uint64_t key);
/* Pointer to the value of key, inserted as `init` when missing; NULL on out
 * of memory. *added (may be NULL) tells whether it was inserted. The pointer
 * is valid until the next insertion. */
uint64_t *st_hmap_put(st_hmap *m, uint64_t key, uint64_t init, int *added);

#endif
