/* langid.c — language identification with libexttextcat over every
 * fingerprint Debian ships (fpdb.conf lists them with names such as
 * "en--utf8", "zh-CN-utf8", "haw-utf8": the code is the part before the
 * first '-').
 *
 * Confidence: textcat returns every language whose distance is within 3% of
 * the best; one candidate on a long enough text is a sure answer, several
 * candidates or a short text are not. We use (1 / candidates) scaled by the
 * amount of letters up to ST_LANG_FULL_LETTERS.
 *
 * Indonesian and Malay: the two standard languages share most vocabulary
 * and textcat's Malay fingerprint often wins on Indonesian news. Our input
 * is overwhelmingly Indonesian (Malay outlets are rare in the feeds we
 * track), so "ms" — alone or listed with "id" — is reported as "id", and the
 * pair counts as one candidate.
 *
 * Scots: textcat's Scots fingerprint wins on plain English news prose (10 of
 * the 83 English articles of the gold dev split), and Scots-language news is
 * rarer still than Malay, so "sco" is reported as "en" on the same terms. */
#include <stdlib.h>
#include <string.h>
#include <textcat.h>

#include "text/text_int.h"
#include "util/util.h"

#ifndef ST_TEXTCAT_DIR
#define ST_TEXTCAT_DIR "/usr/share/libexttextcat/"
#endif

#define ST_LANG_MAX_BYTES 4096    /* classify at most this much: enough, and fast */
#define ST_LANG_FULL_LETTERS 60.0 /* letters for full confidence */

int st_langid_open(st_text *t, char *err, size_t errlen)
{
    t->textcat = special_textcat_Init(ST_TEXTCAT_DIR "fpdb.conf", ST_TEXTCAT_DIR);
    if (!t->textcat)
        return st_seterr(err, errlen, ST_EIO, "cannot load language fingerprints from %s",
                         ST_TEXTCAT_DIR "fpdb.conf");
    t->candidates = textcat_GetClassifyFullOutput(t->textcat);
    if (!t->candidates)
        return st_seterr(err, errlen, ST_ENOMEM, "out of memory");
    return ST_OK;
}

void st_langid_close(st_text *t)
{
    if (t->textcat) {
        if (t->candidates)
            textcat_ReleaseClassifyFullOutput(t->textcat, t->candidates);
        textcat_Done(t->textcat);
    }
    t->textcat = NULL;
    t->candidates = NULL;
}

/* "en--utf8" -> "en"; "zh-CN-utf8" -> "zh". */
static void code_of(const char *name, char lang[8])
{
    size_t i = 0;
    while (name[i] && name[i] != '-' && i < 7) {
        lang[i] = name[i];
        i++;
    }
    lang[i] = '\0';
    if (strcmp(lang, "ms") == 0)
        strcpy(lang, "id");
    else if (strcmp(lang, "sco") == 0)
        strcpy(lang, "en");
}

/* Letters (counted by lead bytes) in s[0..n): the evidence textcat had. */
static size_t count_letters(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        k += (c >= 0xC0) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    return k;
}

/* Cuts n to at most max bytes without splitting a UTF-8 sequence. */
static size_t cut_utf8(const char *s, size_t n, size_t max)
{
    if (n <= max)
        return n;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    return max;
}

int st_lang_detect(st_text *t, const char *s, size_t n, char lang[8], double *conf)
{
    strcpy(lang, "und");
    if (conf)
        *conf = 0.0;
    if (!t || !t->textcat || !s)
        return ST_EUSAGE;
    n = cut_utf8(s, n, ST_LANG_MAX_BYTES);
    candidate_t *c = t->candidates;
    int k = textcat_ClassifyFull(t->textcat, s, n, c);
    if (k <= 0)
        return ST_OK; /* unknown or too short: not an error */
    code_of(c[0].name, lang);
    int distinct = 1; /* candidates naming another language than the best */
    for (int i = 1; i < k; i++) {
        char other[8];
        code_of(c[i].name, other);
        distinct += strcmp(other, lang) != 0;
    }
    if (conf) {
        double amount = (double)count_letters(s, n) / ST_LANG_FULL_LETTERS;
        *conf = (amount > 1.0 ? 1.0 : amount) / distinct;
    }
    return ST_OK;
}
