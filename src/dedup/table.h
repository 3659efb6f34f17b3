/* table.h — a multimap from 64-bit keys to uint32 values, for LSH bands,
 * sentence fingerprints and ids (dedup files only).
 *
 * Chained, nodes in one pool (12 bytes each), freed nodes reused. Only 32 bits
 * of the key are kept: a rare false match only adds a candidate, which the
 * caller verifies anyway. */
#ifndef ST_DEDUP_TABLE_H
#define ST_DEDUP_TABLE_H

#include <stddef.h>
#include <stdint.h>

typedef struct st_dedup_mm_node {
    uint32_t tag, val, next;
} st_dedup_mm_node;

typedef struct st_dedup_mm {
    uint32_t *heads; /* 1 << bits chain heads */
    int bits;
    st_dedup_mm_node *nodes;
    uint32_t used, cap; /* nodes ever handed out / allocated */
    uint32_t free_head; /* chain of freed nodes */
    uint32_t live;
} st_dedup_mm;

/* Zero-initialised maps work; st_dedup_mm_free releases one. */
void st_dedup_mm_free(st_dedup_mm *m);
/* ST_OK or ST_ENOMEM. Newest values come first on lookup. */
int st_dedup_mm_put(st_dedup_mm *m, uint64_t key, uint32_t val);
/* Unlinks one (key, val) node; returns 1 when found. */
int st_dedup_mm_del(st_dedup_mm *m, uint64_t key, uint32_t val);
/* Writes up to max values stored under key into vals, newest first; returns
 * how many were written. */
size_t st_dedup_mm_get(const st_dedup_mm *m, uint64_t key, uint32_t *vals, size_t max);
size_t st_dedup_mm_bytes(const st_dedup_mm *m);

#endif
