/* fold.c — NFKC + case folding of one token, without a malloc for tokens
 * that fit the stack buffer (all but pathological ones). */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text/text.h"

#define FOLD_OPTS (UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STABLE)
#define FOLD_STACK 256 /* code points */

/* Copies src[0..n) into out[cap] without splitting a UTF-8 sequence. */
static size_t copy_trunc(const char *src, size_t n, char *out, size_t cap)
{
    if (cap == 0)
        return 0;
    if (n >= cap) {
        n = cap - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(out, src, n);
    out[n] = '\0';
    return n;
}

/* Typographic apostrophes and hyphens become ASCII so that "Qatar’s" and
 * "Qatar's" fold to the same term (NFKC leaves U+2019 and U+2010 alone). */
static size_t ascii_punct(char *s, size_t n)
{
    size_t w = 0;
    for (size_t r = 0; r < n;) {
        unsigned char *u = (unsigned char *)s + r;
        if (r + 2 < n && u[0] == 0xE2 && u[1] == 0x80 &&
            (u[2] == 0x99 || u[2] == 0x90 || u[2] == 0x91)) {
            s[w++] = u[2] == 0x99 ? '\'' : '-';
            r += 3;
            continue;
        }
        if (r + 1 < n && u[0] == 0xCA && u[1] == 0xBC) { /* U+02BC */
            s[w++] = '\'';
            r += 2;
            continue;
        }
        s[w++] = s[r++];
    }
    return w;
}

static size_t fold_unicode(const char *src, size_t n, char *out, size_t cap)
{
    utf8proc_int32_t stack[FOLD_STACK];
    utf8proc_ssize_t k = utf8proc_decompose((const utf8proc_uint8_t *)src,
                                            (utf8proc_ssize_t)n, stack, FOLD_STACK, FOLD_OPTS);
    if (k >= 0 && k <= FOLD_STACK) {
        /* reencode composes in place and writes UTF-8 over the same buffer */
        k = utf8proc_reencode(stack, k, FOLD_OPTS);
        if (k >= 0) {
            char *u = (char *)stack;
            return copy_trunc(u, ascii_punct(u, (size_t)k), out, cap);
        }
    }
    utf8proc_uint8_t *m = NULL;
    k = utf8proc_map((const utf8proc_uint8_t *)src, (utf8proc_ssize_t)n, &m, FOLD_OPTS);
    if (k < 0) /* invalid UTF-8: keep the bytes rather than lose the token */
        return copy_trunc(src, n, out, cap);
    size_t r = copy_trunc((char *)m, ascii_punct((char *)m, (size_t)k), out, cap);
    free(m);
    return r;
}

size_t st_token_fold(const char *s, const st_token *tok, char *out, size_t cap)
{
    const unsigned char *p = (const unsigned char *)s + tok->off;
    size_t n = tok->len;
    if (cap == 0)
        return 0;
    size_t i = 0, lim = n < cap - 1 ? n : cap - 1;
    for (; i < lim; i++) {
        unsigned char c = p[i];
        if (c >= 0x80)
            return fold_unicode((const char *)p, n, out, cap);
        out[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    out[i] = '\0';
    return i;
}
