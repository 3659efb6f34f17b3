/* simhash.c — 64-bit SimHash over weighted feature hashes. */
#include "dedup/dedup.h"

uint64_t st_simhash(const uint64_t *hashes, const double *weights, size_t n)
{
    /* Bit j is set when the weight on its 1 side exceeds half the total:
     * summing only the 1 side keeps the inner loop free of branches. */
    double ones[64] = {0}, total = 0;
    for (size_t k = 0; k < n; k++) {
        double w = weights ? weights[k] : 1.0;
        uint64_t h = hashes[k];
        total += w;
        for (int j = 0; j < 64; j++)
            ones[j] += w * (double)((h >> j) & 1u);
    }
    uint64_t out = 0;
    for (int j = 0; j < 64; j++)
        if (2 * ones[j] > total)
            out |= 1ULL << j;
    return out;
}

int st_simhash_distance(uint64_t a, uint64_t b) { return __builtin_popcountll(a ^ b); }
