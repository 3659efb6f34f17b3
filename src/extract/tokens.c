/* tokens.c — the extractor's own tokens. Unlike the indexing tokens of
 * src/text, these keep punctuation (clause and quote boundaries matter),
 * split hyphens out ("Al-Thani" and "Al Thani" are one key, "one-third" is
 * "one third"), drop the possessive "'s", and keep "U.S." whole. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "extract/ex_int.h"
#include "util/util.h"

typedef struct cp {
    int32_t c;
    size_t len; /* bytes; 0 at the end */
} cp;

static cp cp_at(const char *s, size_t n, size_t i)
{
    cp r = {0, 0};
    if (i >= n)
        return r;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i), &r.c);
    if (k <= 0) {
        r.c = 0xFFFD;
        k = 1;
    }
    r.len = (size_t)k;
    return r;
}

static int is_letter(int32_t c)
{
    utf8proc_category_t k = utf8proc_category(c);
    return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_MC;
}

static int is_digit(int32_t c) { return c >= '0' && c <= '9'; }
static int is_upper(int32_t c)
{
    utf8proc_category_t k = utf8proc_category(c);
    return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}

static int is_space(int32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x2009 ||
           c == 0x202F || c == '\f' || c == '\v';
}

static int is_apos(int32_t c) { return c == '\'' || c == 0x2019; }

/* Length of the word or number starting at i. */
static size_t word_len(const char *s, size_t n, size_t i, int *num)
{
    size_t j = i;
    int digits_only = 1;
    cp prev = {0, 0};
    for (;;) {
        cp c = cp_at(s, n, j);
        if (!c.len)
            break;
        if (is_letter(c.c) || is_digit(c.c)) {
            if (!is_digit(c.c))
                digits_only = 0;
            prev = c;
            j += c.len;
            continue;
        }
        cp nx = cp_at(s, n, j + c.len);
        if ((c.c == ',' || c.c == '.') && digits_only && is_digit(prev.c) && is_digit(nx.c)) {
            j += c.len + nx.len;
            prev = nx;
            continue;
        }
        /* U.S. / U.N.: a capital, a dot, a capital */
        if (c.c == '.' && is_upper(prev.c) && is_upper(nx.c)) {
            cp after = cp_at(s, n, j + c.len + nx.len);
            if (after.c == '.' && (j - i == prev.len || s[j - prev.len - 1] == '.')) {
                j += c.len + nx.len + after.len;
                prev = after;
                continue;
            }
        }
        if (is_apos(c.c) && is_letter(nx.c) && is_letter(prev.c)) {
            cp after = cp_at(s, n, j + c.len + nx.len);
            int poss = (nx.c == 's' || nx.c == 'S') && !is_letter(after.c);
            if (!poss) {
                j += c.len;
                continue;
            }
        }
        break;
    }
    *num = digits_only;
    return j - i;
}

static unsigned case_flags(const char *s, size_t len)
{
    size_t letters = 0, upper = 0;
    unsigned f = 0;
    for (size_t i = 0; i < len;) {
        cp c = cp_at(s, len, i);
        if (is_letter(c.c)) {
            if (!letters && is_upper(c.c))
                f |= EX_T_CAP;
            letters++;
            upper += is_upper(c.c) != 0;
        }
        i += c.len;
    }
    if (letters >= 2 && upper == letters)
        f |= EX_T_ALLCAP;
    return f;
}

int ex_upper_initial(const char *s)
{
    cp c = cp_at(s, strlen(s), 0);
    return c.len && is_upper(c.c);
}

void ex_toks_free(ex_tok *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(t[i].fold);
    free(t);
}

int ex_tokenise(const char *s, size_t n, ex_tok **out, size_t *count)
{
    ex_tok *t = NULL;
    size_t nt = 0, cap = 0;
    int space = 1;
    for (size_t i = 0; i < n;) {
        cp c = cp_at(s, n, i);
        if (is_space(c.c)) {
            space = 1;
            i += c.len;
            continue;
        }
        ex_tok k = {i, c.len, EX_T_PUNCT, NULL, 0, -1, 0};
        if (is_letter(c.c) || is_digit(c.c)) {
            int num = 0;
            k.len = word_len(s, n, i, &num);
            k.flags = (num ? EX_T_NUM : EX_T_WORD) | case_flags(s + i, k.len);
            k.fold = ex_fold(s + i, k.len);
        } else if (is_apos(c.c)) {
            /* possessive 's: drop both marks so "Blinken's" is "Blinken" */
            cp nx = cp_at(s, n, i + c.len);
            cp after = cp_at(s, n, i + c.len + nx.len);
            if ((nx.c == 's' || nx.c == 'S') && !is_letter(after.c)) {
                i += c.len + nx.len;
                space = 0;
                continue;
            }
            k.fold = st_strndup(s + i, k.len);
        } else {
            k.fold = st_strndup(s + i, k.len);
        }
        if (space)
            k.flags |= EX_T_SPACE;
        space = 0;
        ex_tok *slot = ex_grow((void **)&t, &nt, &cap, sizeof *t);
        if (!slot || !k.fold) {
            free(k.fold);
            ex_toks_free(t, nt);
            return ST_ENOMEM;
        }
        *slot = k;
        i += k.len;
    }
    *out = t;
    *count = nt;
    return ST_OK;
}

void *ex_grow(void **arr, size_t *n, size_t *cap, size_t size)
{
    if (st_grow(arr, cap, *n + 1, size, 16) != ST_OK)
        return NULL;
    char *slot = (char *)*arr + (*n)++ * size;
    memset(slot, 0, size);
    return slot;
}
