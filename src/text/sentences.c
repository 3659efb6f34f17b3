/* sentences.c — sentence spans for dedup (sentence containment) and
 * extraction (quotes, claims).
 *
 * A sentence ends at . ! ? … (and the CJK, Arabic and Devanagari stops)
 * followed by space, with closing quotes and brackets kept in the sentence;
 * a dot does not end one after a known abbreviation, a single capital
 * initial, or inside a number. A blank line always ends one. A single
 * newline ends one too, because extracted news text has one paragraph per
 * line and headings or "Read more:" lines carry no stop — except when the
 * next line starts in lower case, which is a hard-wrapped sentence. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text/text.h"
#include "util/util.h"

/* Lower-case abbreviations (without their dot) after which a dot never ends
 * a sentence: titles, months, "No.", and Indonesian forms of address and
 * places. Multi-dot forms like "U.S." and "e.g." are caught by the inner-dot
 * rule in is_abbrev. */
static const char *const abbrevs[] = {
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "gen", "lt", "col", "sgt", "capt",
    "cmdr", "adm", "maj", "sen", "rep", "gov", "pres", "rev", "hon", "mt", "ft", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "approx",
    "fig", "vol", "pp", "bpk", "jl", "jln", "tn", "ny", "sdr", "sdri", "yth", "hlm", "kab",
    "kec", "prov", "drs", "ir", "hj", NULL};

/* Abbreviations that often close a sentence ("... and so on, etc."): their
 * dot ends one only when a capital follows. */
static const char *const enders[] = {"etc", "dll", "dsb", "dkk", "inc", "ltd", "co",
                                     "corp", "jr", "sr", NULL};

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Byte length of a closing quote or bracket at s[i], else 0. */
static size_t closer_len(const unsigned char *s, size_t n, size_t i)
{
    if (s[i] == '"' || s[i] == '\'' || s[i] == ')' || s[i] == ']')
        return 1;
    /* ” ’ » and the CJK closing corner brackets 」』 */
    if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0x9D || s[i + 2] == 0x99))
        return 3;
    if (i + 1 < n && s[i] == 0xC2 && s[i + 1] == 0xBB)
        return 2;
    if (i + 2 < n && s[i] == 0xE3 && s[i + 1] == 0x80 && (s[i + 2] == 0x8D || s[i + 2] == 0x8F))
        return 3;
    return 0;
}

/* Byte length of a sentence stop at s[i] other than '.', else 0. */
static size_t stop_len(const unsigned char *s, size_t n, size_t i)
{
    if (s[i] < 0xD8) /* every multi-byte stop below leads with 0xD8 or more */
        return s[i] == '!' || s[i] == '?';
    if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0xA6) /* … */
        return 3;
    if (i + 2 < n && s[i] == 0xE3 && s[i + 1] == 0x80 && s[i + 2] == 0x82) /* 。 */
        return 3;
    if (i + 2 < n && s[i] == 0xEF && s[i + 1] == 0xBC && (s[i + 2] == 0x81 || s[i + 2] == 0x9F))
        return 3; /* ！ ？ */
    if (i + 1 < n && s[i] == 0xD8 && s[i + 1] == 0x9F) /* ؟ */
        return 2;
    if (i + 2 < n && s[i] == 0xE0 && s[i + 1] == 0xA5 && (s[i + 2] == 0xA4 || s[i + 2] == 0xA5))
        return 3; /* । ॥ */
    return 0;
}

static int in_list(const char *const *list, const char *w)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(list[i], w) == 0)
            return 1;
    return 0;
}

/* 2 when the dot at s[dot] follows an abbreviation or a single initial, 1
 * when it follows an abbreviation that may end a sentence, else 0. */
static int is_abbrev(const unsigned char *s, size_t start, size_t dot)
{
    size_t b = dot;
    while (b > start && (is_alpha(s[b - 1]) || (s[b - 1] == '.' && b - 1 > start &&
                                                 is_alpha(s[b - 2]))))
        b--;
    size_t len = dot - b;
    if (len == 0)
        return 0;
    if (b > start && !is_space(s[b - 1]) && s[b - 1] != '(' && s[b - 1] != '"')
        return 0;
    if (memchr(s + b, '.', len)) /* U.S. e.g. i.e. a.m. */
        return 2;
    if (len == 1 && s[b] >= 'A' && s[b] <= 'Z') /* J. Smith */
        return 2;
    char w[8];
    if (len >= sizeof w)
        return 0;
    for (size_t i = 0; i < len; i++)
        w[i] = (char)(s[b + i] | 0x20);
    w[len] = '\0';
    if (in_list(abbrevs, w))
        return 2;
    return in_list(enders, w);
}

/* The first byte after white space from i, and whether a blank line or a
 * newline was crossed. */
static size_t skip_space(const unsigned char *s, size_t n, size_t i, int *newlines)
{
    *newlines = 0;
    while (i < n && is_space(s[i])) {
        *newlines += s[i] == '\n';
        i++;
    }
    return i;
}

/* 1 when text from i starts a new line that continues the sentence. */
static int starts_lower(const unsigned char *s, size_t n, size_t i)
{
    return i < n && s[i] >= 'a' && s[i] <= 'z';
}

typedef struct spans {
    st_span *v;
    size_t n, cap;
    int oom;
} spans;

static void push(spans *sp, const unsigned char *s, size_t a, size_t b)
{
    while (a < b && is_space(s[a]))
        a++;
    while (b > a && is_space(s[b - 1]))
        b--;
    if (a == b || sp->oom)
        return;
    if (st_grow(&sp->v, &sp->cap, sp->n + 1, sizeof *sp->v, 16) != ST_OK) {
        sp->oom = 1;
        return;
    }
    sp->v[sp->n].off = a;
    sp->v[sp->n].len = b - a;
    sp->n++;
}

/* If a sentence ends at the stop s[i..i+k), returns the end of the sentence
 * (after closing quotes); else 0. */
static size_t stop_end(const unsigned char *s, size_t n, size_t start, size_t i, size_t k)
{
    size_t j = i + k;
    /* runs of stops: "?!", "...", "!!" */
    for (size_t m = 0; j < n && (s[j] == '.' || (m = stop_len(s, n, j)));)
        j += s[j] == '.' ? 1 : m;
    for (size_t m = 0; j < n && (m = closer_len(s, n, j));)
        j += m;
    if (j < n && !is_space(s[j]))
        return 0; /* "3.5", "example.com", "Yahoo!Inc" */
    int nl;
    size_t next = skip_space(s, n, j, &nl);
    if (s[i] == '.' && k == 1 && j == i + 1 && nl < 2) {
        int ab = is_abbrev(s, start, i);
        if (ab == 2 || (ab == 1 && !(next < n && s[next] >= 'A' && s[next] <= 'Z')))
            return 0;
    }
    /* A lower-case word after a dot or an ellipsis continues the sentence:
     * "he said... and", or an abbreviation we do not know. */
    if (s[i] != '!' && s[i] != '?' && nl < 2 && starts_lower(s, n, next))
        return 0;
    return j;
}

int st_sentences(const char *text, size_t n, const char *lang, st_span **out, size_t *count)
{
    const unsigned char *s = (const unsigned char *)text;
    spans sp = {0};
    size_t start = 0, i = 0;
    (void)lang;
    while (i < n) {
        unsigned char c = s[i];
        if (c == '\n') {
            int nl;
            size_t next = skip_space(s, n, i, &nl);
            if (nl >= 2 || !starts_lower(s, n, next)) {
                push(&sp, s, start, i);
                start = next;
            }
            i = next;
            continue;
        }
        size_t k = c == '.' ? 1 : stop_len(s, n, i);
        if (k) {
            size_t e = stop_end(s, n, start, i, k);
            if (e) {
                push(&sp, s, start, e);
                start = e;
                i = e;
                continue;
            }
            i += k;
            continue;
        }
        i++;
    }
    push(&sp, s, start, n);
    if (sp.oom) {
        free(sp.v);
        *out = NULL;
        *count = 0;
        return ST_ENOMEM;
    }
    *out = sp.v;
    *count = sp.n;
    return ST_OK;
}
