/* tokens.c — the tokeniser: spans of words, numbers, URLs, e-mail addresses
 * and CJK/Thai bigrams over the original text, with no copies.
 *
 * ASCII bytes are classified by a 256-entry table without decoding, because
 * most news text is mostly ASCII and tokenising must keep pace with `wc -w`;
 * other code points are decoded with utf8proc and classified by their
 * Unicode general category. */
#include <string.h>
#include <utf8proc.h>

#include "text/text.h"

/* ASCII classes. */
enum { A_OTHER = 0, A_ALPHA = 1, A_DIGIT = 2 };

static const unsigned char ascii_class[128] = {
    ['0'] = A_DIGIT, ['1'] = A_DIGIT, ['2'] = A_DIGIT, ['3'] = A_DIGIT, ['4'] = A_DIGIT,
    ['5'] = A_DIGIT, ['6'] = A_DIGIT, ['7'] = A_DIGIT, ['8'] = A_DIGIT, ['9'] = A_DIGIT,
    ['A'] = A_ALPHA, ['B'] = A_ALPHA, ['C'] = A_ALPHA, ['D'] = A_ALPHA, ['E'] = A_ALPHA,
    ['F'] = A_ALPHA, ['G'] = A_ALPHA, ['H'] = A_ALPHA, ['I'] = A_ALPHA, ['J'] = A_ALPHA,
    ['K'] = A_ALPHA, ['L'] = A_ALPHA, ['M'] = A_ALPHA, ['N'] = A_ALPHA, ['O'] = A_ALPHA,
    ['P'] = A_ALPHA, ['Q'] = A_ALPHA, ['R'] = A_ALPHA, ['S'] = A_ALPHA, ['T'] = A_ALPHA,
    ['U'] = A_ALPHA, ['V'] = A_ALPHA, ['W'] = A_ALPHA, ['X'] = A_ALPHA, ['Y'] = A_ALPHA,
    ['Z'] = A_ALPHA, ['a'] = A_ALPHA, ['b'] = A_ALPHA, ['c'] = A_ALPHA, ['d'] = A_ALPHA,
    ['e'] = A_ALPHA, ['f'] = A_ALPHA, ['g'] = A_ALPHA, ['h'] = A_ALPHA, ['i'] = A_ALPHA,
    ['j'] = A_ALPHA, ['k'] = A_ALPHA, ['l'] = A_ALPHA, ['m'] = A_ALPHA, ['n'] = A_ALPHA,
    ['o'] = A_ALPHA, ['p'] = A_ALPHA, ['q'] = A_ALPHA, ['r'] = A_ALPHA, ['s'] = A_ALPHA,
    ['t'] = A_ALPHA, ['u'] = A_ALPHA, ['v'] = A_ALPHA, ['w'] = A_ALPHA, ['x'] = A_ALPHA,
    ['y'] = A_ALPHA, ['z'] = A_ALPHA,
};

/* Classes of a decoded code point. */
enum { C_OTHER = 0, C_LETTER, C_MARK, C_DIGIT, C_JOINER, C_CJK, C_APOS, C_HYPHEN };

static int in_bigram_script(int32_t cp)
{
    return (cp >= 0x0E00 && cp <= 0x0E7F) ||   /* Thai */
           (cp >= 0x1100 && cp <= 0x11FF) ||   /* Hangul Jamo */
           (cp >= 0x3040 && cp <= 0x30FF) ||   /* Hiragana, Katakana */
           (cp >= 0x3130 && cp <= 0x318F) ||   /* Hangul compatibility Jamo */
           (cp >= 0x31F0 && cp <= 0x31FF) ||   /* Katakana extensions */
           (cp >= 0x3400 && cp <= 0x4DBF) ||   /* Han extension A */
           (cp >= 0x4E00 && cp <= 0x9FFF) ||   /* Han */
           (cp >= 0xAC00 && cp <= 0xD7AF) ||   /* Hangul syllables */
           (cp >= 0xF900 && cp <= 0xFAFF) ||   /* Han compatibility */
           (cp >= 0xFF66 && cp <= 0xFF9F) ||   /* half-width Katakana */
           (cp >= 0x20000 && cp <= 0x3FFFF);   /* Han extensions B.. */
}

static int cp_class(int32_t cp)
{
    if (cp == 0x2019 || cp == 0x02BC)
        return C_APOS;
    if (cp == 0x2010 || cp == 0x2011)
        return C_HYPHEN;
    /* ZWNJ/ZWJ shape Persian and Indic words; the soft hyphen is invisible. */
    if (cp == 0x200C || cp == 0x200D || cp == 0x00AD)
        return C_JOINER;
    utf8proc_category_t c = utf8proc_category(cp);
    int cls = C_OTHER;
    if (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO)
        cls = C_LETTER;
    else if (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME)
        cls = C_MARK;
    else if (c == UTF8PROC_CATEGORY_ND)
        cls = C_DIGIT;
    /* marks stay marks so that a Thai vowel sign joins its consonant */
    if ((cls == C_LETTER || cls == C_DIGIT) && in_bigram_script(cp))
        return C_CJK;
    return cls;
}

/* Decodes the non-ASCII code point at s[i]; returns its byte length (at least
 * 1, so invalid bytes are stepped over) and its class in *cls. */
static size_t decode_class(const unsigned char *s, size_t n, size_t i, int *cls)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0) {
        *cls = C_OTHER;
        return 1;
    }
    *cls = cp_class(cp);
    return (size_t)k;
}

/* Class of the character at s[i] (ASCII or not) and its length. */
static size_t char_class(const unsigned char *s, size_t n, size_t i, int *cls)
{
    unsigned char c = s[i];
    if (c < 0x80) {
        int a = ascii_class[c];
        *cls = a == A_ALPHA ? C_LETTER : a == A_DIGIT ? C_DIGIT : C_OTHER;
        if (c == '\'')
            *cls = C_APOS;
        else if (c == '-')
            *cls = C_HYPHEN;
        return 1;
    }
    return decode_class(s, n, i, cls);
}

static int lower_eq(const unsigned char *s, size_t n, size_t i, const char *lit)
{
    size_t k = strlen(lit);
    if (n - i < k)
        return 0;
    for (size_t j = 0; j < k; j++) {
        unsigned char c = s[i + j];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if (c != (unsigned char)lit[j])
            return 0;
    }
    return 1;
}

/* ------------------------------------------------------------ URLs, e-mail */

static int url_stop(unsigned char c)
{
    return c <= ' ' || c >= 0x80 || c == '<' || c == '>' || c == '"' || c == '\'' ||
           c == '`' || c == '{' || c == '}' || c == '|' || c == '\\' || c == '^';
}

/* End of a URL starting at i, or 0 when s[i..] does not start one. Trailing
 * sentence punctuation and an unbalanced closing parenthesis are left out. */
static size_t url_end(const unsigned char *s, size_t n, size_t i)
{
    size_t j;
    if (lower_eq(s, n, i, "http://"))
        j = i + 7;
    else if (lower_eq(s, n, i, "https://"))
        j = i + 8;
    else if (lower_eq(s, n, i, "www.") && i + 4 < n && ascii_class[s[i + 4] & 0x7f] &&
             s[i + 4] < 0x80)
        j = i + 4;
    else
        return 0;
    size_t body = j;
    int open = 0;
    while (j < n && !url_stop(s[j])) {
        open += s[j] == '(';
        open -= s[j] == ')';
        j++;
    }
    while (j > body && (strchr(".,;:!?", s[j - 1]) || (s[j - 1] == ')' && open < 0))) {
        if (s[j - 1] == ')')
            open++;
        j--;
    }
    return j > body ? j : 0;
}

static int email_local(unsigned char c)
{
    return (c < 0x80 && ascii_class[c]) || c == '.' || c == '_' || c == '%' || c == '+' ||
           c == '-';
}

/* End of an e-mail address starting at i, or 0. The domain needs a dot. */
static size_t email_end(const unsigned char *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && j - i < 64 && email_local(s[j]))
        j++;
    if (j == i || j >= n || s[j] != '@')
        return 0;
    j++;
    size_t labels = 0, last_dot = 0;
    for (;;) {
        size_t start = j;
        while (j < n && s[j] < 0x80 && (ascii_class[s[j]] || s[j] == '-'))
            j++;
        if (j == start)
            return labels >= 2 ? last_dot : 0;
        labels++;
        if (j + 1 < n && s[j] == '.' && s[j + 1] < 0x80 && ascii_class[s[j + 1]]) {
            j++;
            last_dot = j; /* provisional: the label after it must exist */
            continue;
        }
        return labels >= 2 ? j : 0;
    }
}

/* ------------------------------------------------------------ words, numbers */

/* 1 when the character at s[i] may follow an inner apostrophe (a letter) or
 * an inner hyphen (a letter or a digit). */
static int joins_after(const unsigned char *s, size_t n, size_t i, int after_hyphen)
{
    if (i >= n)
        return 0;
    int cls;
    char_class(s, n, i, &cls);
    return cls == C_LETTER || (after_hyphen && cls == C_DIGIT);
}

/* End of a word whose first character ends at i. */
static size_t word_end(const unsigned char *s, size_t n, size_t i)
{
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80 && ascii_class[c]) {
            i++;
            continue;
        }
        int cls;
        size_t k = char_class(s, n, i, &cls);
        if (cls == C_LETTER || cls == C_MARK || cls == C_DIGIT || cls == C_JOINER) {
            i += k;
            continue;
        }
        if ((cls == C_APOS || cls == C_HYPHEN) && joins_after(s, n, i + k, cls == C_HYPHEN)) {
            i += k;
            continue;
        }
        break;
    }
    return i;
}

/* "U.S." and "U.N.": upper-case initials each followed by a dot. Returns the
 * end (after the last dot) when at least two initials match, else 0. */
static size_t initials_end(const unsigned char *s, size_t n, size_t i)
{
    size_t j = i, count = 0;
    while (j + 1 < n && s[j] >= 'A' && s[j] <= 'Z' && s[j + 1] == '.') {
        if (j + 2 < n && s[j + 2] < 0x80 && ascii_class[s[j + 2]] == A_ALPHA &&
            !(j + 3 < n && s[j + 3] == '.'))
            break; /* "A.Smith": the next letters are a word, not an initial */
        j += 2;
        count++;
    }
    return count >= 2 ? j : 0;
}

static int is_digit_at(const unsigned char *s, size_t n, size_t i)
{
    if (i >= n)
        return 0;
    if (s[i] < 0x80)
        return ascii_class[s[i]] == A_DIGIT;
    int cls;
    decode_class(s, n, i, &cls);
    return cls == C_DIGIT;
}

/* End of a number whose first digit is at i; *kind becomes ST_TOK_WORD when
 * letters follow the digits ("1990s", "5G"). A separator joins only when a
 * digit follows it, so "43,000." ends before the dot. */
static size_t number_end(const unsigned char *s, size_t n, size_t i, st_tok_kind *kind)
{
    *kind = ST_TOK_NUM;
    while (i < n) {
        if (s[i] < 0x80 && ascii_class[s[i]] == A_DIGIT) {
            i++;
            continue;
        }
        if ((s[i] == '.' || s[i] == ',') && is_digit_at(s, n, i + 1)) {
            i++;
            continue;
        }
        if (s[i] >= 0x80) {
            int cls;
            size_t k = decode_class(s, n, i, &cls);
            if (cls == C_DIGIT) {
                i += k;
                continue;
            }
            if (cls == C_LETTER) {
                *kind = ST_TOK_WORD;
                return word_end(s, n, i);
            }
        }
        break;
    }
    if (i < n && s[i] == '%')
        return i + 1;
    if (i < n && s[i] < 0x80 && ascii_class[s[i]] == A_ALPHA) {
        *kind = ST_TOK_WORD;
        return word_end(s, n, i);
    }
    return i;
}

/* ------------------------------------------------------------ the iterator */

void st_tokiter_init(st_tokiter *it, const char *s, size_t n)
{
    memset(it, 0, sizeof *it);
    it->s = s;
    it->n = n;
}

static int emit(st_tokiter *it, st_token *tok, size_t off, size_t end, st_tok_kind kind)
{
    tok->off = off;
    tok->len = end - off;
    tok->kind = kind;
    it->pos = end;
    return 1;
}

/* A bigram script character with its combining marks (Thai vowels). */
static size_t cjk_char_end(const unsigned char *s, size_t n, size_t i, size_t k)
{
    i += k;
    while (i < n && s[i] >= 0x80) {
        int cls;
        size_t m = decode_class(s, n, i, &cls);
        if (cls != C_MARK)
            break;
        i += m;
    }
    return i;
}

/* Overlapping bigrams: "ABC" gives "AB" and "BC"; a lone "A" gives "A".
 * cjk_pending says the character at pos was already the second half of a
 * bigram, so it is only emitted again as the first half of the next one. */
static int next_cjk(st_tokiter *it, st_token *tok, size_t i, size_t k)
{
    const unsigned char *s = (const unsigned char *)it->s;
    size_t end1 = cjk_char_end(s, it->n, i, k);
    int cls = C_OTHER;
    size_t k2 = end1 < it->n && s[end1] >= 0x80 ? decode_class(s, it->n, end1, &cls) : 0;
    if (cls == C_CJK) {
        size_t end2 = cjk_char_end(s, it->n, end1, k2);
        it->cjk_pending = 1;
        emit(it, tok, i, end2, ST_TOK_CJK);
        it->pos = end1;
        return 1;
    }
    int was_pending = it->cjk_pending;
    it->cjk_pending = 0;
    it->pos = end1;
    if (was_pending)
        return 0;
    return emit(it, tok, i, end1, ST_TOK_CJK);
}

int st_tokiter_next(st_tokiter *it, st_token *tok)
{
    const unsigned char *s = (const unsigned char *)it->s;
    size_t n = it->n;
    while (it->pos < n) {
        size_t i = it->pos;
        unsigned char c = s[i];
        if (c < 0x80) {
            int a = ascii_class[c];
            if (a == A_OTHER) {
                it->pos++;
                continue;
            }
            if (a == A_DIGIT) {
                st_tok_kind kind;
                size_t end = number_end(s, n, i + 1, &kind);
                return emit(it, tok, i, end, kind);
            }
            size_t end;
            if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') && (end = url_end(s, n, i)))
                return emit(it, tok, i, end, ST_TOK_URL);
            end = word_end(s, n, i + 1);
            if (end < n && (s[end] == '@' || email_local(s[end]))) {
                size_t e = email_end(s, n, i);
                if (e)
                    return emit(it, tok, i, e, ST_TOK_EMAIL);
            }
            size_t ie;
            if (end == i + 1 && end < n && s[end] == '.' && (ie = initials_end(s, n, i)))
                return emit(it, tok, i, ie, ST_TOK_WORD);
            return emit(it, tok, i, end, ST_TOK_WORD);
        }
        int cls;
        size_t k = decode_class(s, n, i, &cls);
        if (cls == C_CJK) {
            if (next_cjk(it, tok, i, k))
                return 1;
            continue;
        }
        it->cjk_pending = 0;
        if (cls == C_LETTER || cls == C_MARK)
            return emit(it, tok, i, word_end(s, n, i + k), ST_TOK_WORD);
        if (cls == C_DIGIT) {
            st_tok_kind kind;
            size_t end = number_end(s, n, i + k, &kind);
            return emit(it, tok, i, end, kind);
        }
        it->pos = i + k;
    }
    return 0;
}
