/* hash.c — stable 64-bit hashing. FNV-1a alone mixes the high bits poorly, so
 * every result goes through a murmur3-style finaliser before use. */
#include "util/util.h"

uint64_t st_mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

uint64_t st_hash64_seed(const void *data, size_t n, uint64_t seed)
{
    const unsigned char *p = data;
    uint64_t h = 0xcbf29ce484222325ULL ^ st_mix64(seed + 0x9e3779b97f4a7c15ULL);
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return st_mix64(h ^ n);
}

uint64_t st_hash64(const void *data, size_t n) { return st_hash64_seed(data, n, 0); }
