/* tokens_fuzz.c — the tokeniser (st_tokiter_next, st_token_fold) and the
 * sentence splitter (st_sentences) on arbitrary bytes.
 *
 * Beyond crashes it checks the documented promises: tokens and sentences
 * are in-bounds spans in increasing order, sentences do not overlap, and a
 * folded token fits its buffer and is NUL-terminated. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "text/text.h"

static void fail(const char *what, size_t a, size_t b)
{
    fprintf(stderr, "fuzz/tokens: %s (%zu, %zu)\n", what, a, b);
    abort();
}

static void check_tokens(const char *s, size_t n)
{
    st_tokiter it;
    st_token tok;
    st_tokiter_init(&it, s, n);
    size_t prev = 0, count = 0;
    while (st_tokiter_next(&it, &tok)) {
        if (tok.len == 0 || tok.off > n || tok.len > n - tok.off)
            fail("token out of bounds", tok.off, tok.len);
        /* CJK bigrams overlap by one character: only require progress. */
        if (tok.off < prev)
            fail("token before the previous one", tok.off, prev);
        prev = tok.off;
        char small[8], big[300];
        size_t k = st_token_fold(s, &tok, small, sizeof small);
        if (k >= sizeof small || small[k] != '\0')
            fail("fold overflowed", k, sizeof small);
        k = st_token_fold(s, &tok, big, sizeof big);
        if (k >= sizeof big || big[k] != '\0')
            fail("fold overflowed", k, sizeof big);
        if (++count > 4 * n + 4)
            fail("more tokens than bytes", count, n);
    }
}

static void check_sentences(const char *s, size_t n)
{
    st_span *sp = NULL;
    size_t count = 0;
    if (st_sentences(s, n, "en", &sp, &count) != ST_OK)
        return;
    size_t end = 0;
    for (size_t i = 0; i < count; i++) {
        if (sp[i].off > n || sp[i].len > n - sp[i].off)
            fail("sentence out of bounds", sp[i].off, sp[i].len);
        if (sp[i].off < end)
            fail("sentences overlap", sp[i].off, end);
        end = sp[i].off + sp[i].len;
    }
    free(sp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* An exact-size copy: ASan then catches any read past the end. */
    char *s = malloc(size ? size : 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    check_tokens(s, size);
    check_sentences(s, size);
    free(s);
    return 0;
}
