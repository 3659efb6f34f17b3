/* util.h — small helpers shared by every stage (private to the library). */
#ifndef ST_UTIL_H
#define ST_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "storytrack.h"

/* A growable byte buffer, always NUL-terminated when len > 0 or after
 * st_buf_cstr. Zero-initialise ({0}) to start; st_buf_free to release. */
typedef struct st_buf {
    char *s;
    size_t len, cap;
    int oom; /* sticky: set when an append failed; the content is then partial */
} st_buf;

void st_buf_free(st_buf *b);
void st_buf_reset(st_buf *b);
int st_buf_reserve(st_buf *b, size_t extra);
int st_buf_append(st_buf *b, const char *s, size_t n);
int st_buf_puts(st_buf *b, const char *s);
int st_buf_putc(st_buf *b, char c);
int st_buf_printf(st_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends `s` as a JSON string literal with quotes ("null" for NULL). */
int st_buf_json_str(st_buf *b, const char *s);
/* Returns the content as a NUL-terminated string ("" when empty). */
const char *st_buf_cstr(st_buf *b);
/* Hands the malloc'd string ("" when nothing was appended) to the caller,
 * who frees it, and resets b. After a failed append the partial content is
 * freed and NULL returned: no caller can mistake it for the whole text. */
char *st_buf_take(st_buf *b);

/* Makes room for `need` elements of `elem` (> 0) bytes in the array *p,
 * where p is the address of the caller's T * (passed as void * so any T
 * works without a cast) and *cap its capacity in elements. When need >
 * *cap the capacity doubles, starting from *cap or, for an empty array,
 * from `first`, until need fits. Returns ST_OK, or ST_ENOMEM on out of
 * memory or when the size would wrap size_t, leaving *p and *cap as they
 * were. Typical use: st_grow(&v, &cap, n + 1, sizeof *v, 16). */
int st_grow_to(void *p, size_t *cap, size_t need, size_t elem, size_t first);
/* Inline where there is room: per-token and per-feature loops call it. */
static inline int st_grow(void *p, size_t *cap, size_t need, size_t elem, size_t first)
{
    return need <= *cap ? ST_OK : st_grow_to(p, cap, need, elem, first);
}

/* The whole file as a malloc'd NUL-terminated string (caller frees); *len
 * (may be NULL) gets its size. NULL when it cannot be read. */
char *st_read_file(const char *path, size_t *len);

/* malloc'd copies; NULL on out of memory (or when s is NULL). */
char *st_strdup(const char *s);
char *st_strndup(const char *s, size_t n);

/* Writes a formatted message into err[errlen] when err is not NULL. Returns code. */
int st_seterr(char *err, size_t errlen, int code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* 64-bit hash of bytes (FNV-1a with a final avalanche); seeded variant for
 * families of hash functions (MinHash). Stable across runs and machines. */
uint64_t st_hash64(const void *data, size_t n);
uint64_t st_hash64_seed(const void *data, size_t n, uint64_t seed);
uint64_t st_mix64(uint64_t x);

/* UTF-8: returns 1 when s[0..n) is valid UTF-8. */
int st_utf8_valid(const char *s, size_t n);
/* Returns a malloc'd copy of s[0..n) with every invalid sequence replaced by
 * U+FFFD and NUL bytes dropped; *n_repaired counts the replacements. */
char *st_utf8_repair(const char *s, size_t n, size_t *n_repaired);

/* Trims ASCII and Unicode spaces at both ends in place; returns s. */
char *st_trim(char *s);
/* Collapses runs of white space to one space (newlines between paragraphs
 * are kept as "\n\n"); in place; returns s. */
char *st_squeeze_space(char *s);

/* Current UTC time as "YYYY-MM-DDTHH:MM:SSZ" in out[32]. */
void st_now_iso(char out[32]);
/* Parses many date forms (ISO 8601, RFC 822, "2024-04-13 10:00:00") into
 * normalised ISO 8601 text in out[32]; returns 0 on success, -1 if unknown. */
int st_date_normalise(const char *in, char out[32]);
/* Days since 1970-01-01 for an ISO date/time text, or -1e9 when unparseable. */
double st_date_days(const char *iso);

#endif
