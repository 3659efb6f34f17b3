/* simhash.c — 64-bit SimHash over weighted feature hashes. */
#include "dedup/dedup.h"

/* Bit j is set when the weight on its 1 side exceeds half the total.
 * Weights become fixed point (1/64, at most 1024) and only the 1 side is
 * summed, with a mask instead of a branch, in int32 lanes flushed to int64
 * every CHUNK features: the 64-lane loop then vectorises where the CPU has
 * per-lane shifts (AVX2; asked at run time) and can never overflow. */
#define WMAX (1024 * 64)
#define CHUNK 16384 /* CHUNK * WMAX < 2^31 */

static inline __attribute__((always_inline)) uint64_t
simhash_lanes(const uint64_t *hashes, const double *weights, size_t n)
{
    int64_t sum[64] = {0}, total = 0;
    for (size_t k0 = 0; k0 < n; k0 += CHUNK) {
        int32_t ones[64] = {0};
        size_t k1 = n - k0 < CHUNK ? n : k0 + CHUNK;
        for (size_t k = k0; k < k1; k++) {
            double wd = weights ? weights[k] * 64.0 + 0.5 : 64.0;
            int32_t w = wd >= 1.0 ? (wd < WMAX ? (int32_t)wd : WMAX) : 0; /* NaN -> 0 */
            uint32_t lo = (uint32_t)hashes[k], hi = (uint32_t)(hashes[k] >> 32);
            total += w;
            for (int j = 0; j < 32; j++)
                ones[j] += w & -(int32_t)((lo >> j) & 1u);
            for (int j = 0; j < 32; j++)
                ones[32 + j] += w & -(int32_t)((hi >> j) & 1u);
        }
        for (int j = 0; j < 64; j++)
            sum[j] += ones[j];
    }
    uint64_t out = 0;
    for (int j = 0; j < 64; j++)
        if (2 * sum[j] > total)
            out |= 1ULL << j;
    return out;
}

static uint64_t simhash_default(const uint64_t *hashes, const double *weights, size_t n)
{
    return simhash_lanes(hashes, weights, n);
}

#if defined(__GNUC__) && defined(__x86_64__)
#define ST_SIMHASH_AVX2 1
__attribute__((target("avx2"))) static uint64_t simhash_avx2(const uint64_t *hashes,
                                                             const double *weights, size_t n)
{
    return simhash_lanes(hashes, weights, n);
}
#endif

uint64_t st_simhash(const uint64_t *hashes, const double *weights, size_t n)
{
#ifdef ST_SIMHASH_AVX2
    if (__builtin_cpu_supports("avx2"))
        return simhash_avx2(hashes, weights, n);
#endif
    return simhash_default(hashes, weights, n);
}

int st_simhash_distance(uint64_t a, uint64_t b) { return __builtin_popcountll(a ^ b); }
