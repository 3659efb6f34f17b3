/* minhash.c — MinHash signatures over 64-bit element hashes, LSH band keys and
 * the signature blob. */
#include <string.h>

#include "dedup/dedup.h"
#include "util/util.h"

/* Permutation i: x -> high 32 bits of a_i * x + b_i (mod 2^64). Multiply-shift
 * keeps the well-mixed high bits and needs no modular prime arithmetic. The
 * coefficients are derived from i, so every build agrees on them. */
static void perm_coeffs(int num_perm, uint64_t *a, uint64_t *b)
{
    for (int i = 0; i < num_perm; i++) {
        a[i] = st_mix64(0x6d696e68617368ULL + 2 * (uint64_t)i) | 1u;
        b[i] = st_mix64(0x7065726d75746eULL + 2 * (uint64_t)i + 1);
    }
}

void st_minhash_init(uint32_t *sig, int num_perm)
{
    for (int i = 0; i < num_perm; i++)
        sig[i] = UINT32_MAX;
}

static inline __attribute__((always_inline)) void
update_lanes(uint32_t *restrict sig, int num_perm, const uint64_t *restrict a,
             const uint64_t *restrict b, const uint64_t *hashes, size_t n)
{
    /* Blocks of a fixed 16 lanes: -O2 vectorises only loops of known length. */
    int full = num_perm - num_perm % 16;
    for (size_t k = 0; k < n; k++) {
        uint64_t x = hashes[k];
        for (int i0 = 0; i0 < full; i0 += 16)
            for (int i = i0; i < i0 + 16; i++) {
                uint32_t v = (uint32_t)((a[i] * x + b[i]) >> 32);
                sig[i] = v < sig[i] ? v : sig[i];
            }
        for (int i = full; i < num_perm; i++) {
            uint32_t v = (uint32_t)((a[i] * x + b[i]) >> 32);
            sig[i] = v < sig[i] ? v : sig[i];
        }
    }
}

static void update_default(uint32_t *restrict sig, int num_perm, const uint64_t *restrict a,
                           const uint64_t *restrict b, const uint64_t *hashes, size_t n)
{
    update_lanes(sig, num_perm, a, b, hashes, n);
}

/* The update is most of the dedup cost. With AVX-512DQ's 64-bit lane
 * multiply the same loop runs about 3x faster; the CPU is asked at run time,
 * so the library still runs on any x86-64. */
#if defined(__GNUC__) && defined(__x86_64__)
#define ST_MINHASH_AVX512 1
__attribute__((target("avx2,avx512f,avx512dq,avx512vl"))) static void
update_avx512(uint32_t *restrict sig, int num_perm, const uint64_t *restrict a,
              const uint64_t *restrict b, const uint64_t *hashes, size_t n)
{
    update_lanes(sig, num_perm, a, b, hashes, n);
}
#endif

void st_minhash_update(uint32_t *sig, int num_perm, const uint64_t *hashes, size_t n)
{
    if (n == 0 || num_perm < 1 || num_perm > ST_DEDUP_MAX_PERM)
        return;
    uint64_t a[ST_DEDUP_MAX_PERM], b[ST_DEDUP_MAX_PERM];
    perm_coeffs(num_perm, a, b);
#ifdef ST_MINHASH_AVX512
    if (__builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl")) {
        update_avx512(sig, num_perm, a, b, hashes, n);
        return;
    }
#endif
    update_default(sig, num_perm, a, b, hashes, n);
}

double st_minhash_jaccard(const uint32_t *x, const uint32_t *y, int num_perm)
{
    if (num_perm < 1)
        return 0.0;
    int eq = 0;
    for (int i = 0; i < num_perm; i++)
        eq += x[i] == y[i];
    return (double)eq / num_perm;
}

uint64_t st_minhash_band_key(const uint32_t *sig, int band, int rows)
{
    const uint32_t *r = sig + (size_t)band * rows;
    uint64_t h = st_mix64(0x62616e64ULL + (uint64_t)band);
    for (int i = 0; i < rows; i++)
        h = st_mix64(h ^ r[i]);
    return h;
}

static void put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

static uint32_t get32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

size_t st_minhash_blob_size(int num_perm) { return 8 + 4 * (size_t)num_perm; }

void st_minhash_to_blob(const uint32_t *sig, int num_perm, unsigned char *out)
{
    memcpy(out, "MH1", 4);
    put32(out + 4, (uint32_t)num_perm);
    for (int i = 0; i < num_perm; i++)
        put32(out + 8 + 4 * (size_t)i, sig[i]);
}

int st_minhash_from_blob(const void *blob, size_t n, uint32_t *sig, int num_perm)
{
    const unsigned char *p = blob;
    if (!p || num_perm < 1 || n != st_minhash_blob_size(num_perm) || memcmp(p, "MH1", 4) != 0 ||
        get32(p + 4) != (uint32_t)num_perm)
        return ST_EINPUT;
    for (int i = 0; i < num_perm; i++)
        sig[i] = get32(p + 8 + 4 * (size_t)i);
    return ST_OK;
}
