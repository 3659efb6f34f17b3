/* langid.c — language identification: libexttextcat's algorithm over every
 * fingerprint Debian ships (fpdb.conf lists them with names such as
 * "en--utf8", "zh-CN-utf8", "haw-utf8": the code is the part before the
 * first '-'), run by our own classifier (langid_int.h), which gives
 * textcat_ClassifyFull's exact candidates about ten times faster (compared
 * with libexttextcat itself in tests/test_text_langid.c and
 * bench/langid.sh).
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

#include "text/langid_int.h"
#include "text/text_int.h"
#include "util/util.h"

#ifndef ST_TEXTCAT_DIR
#define ST_TEXTCAT_DIR "/usr/share/libexttextcat/"
#endif

#define ST_LANG_FULL_LETTERS 60.0 /* letters for full confidence */

int st_langid_open(st_text *t, char *err, size_t errlen)
{
    return st_langfp_load(ST_TEXTCAT_DIR "fpdb.conf", ST_TEXTCAT_DIR, &t->langfp, err, errlen);
}

void st_langid_close(st_text *t)
{
    st_langfp_free(t->langfp);
    t->langfp = NULL;
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

double st_lang_evidence(const char *s, size_t n)
{
    size_t k = 0; /* letters, counted by lead bytes */
    if (n > ST_LANG_MAX_BYTES)
        n = ST_LANG_MAX_BYTES;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        k += (c >= 0xC0) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    double amount = (double)k / ST_LANG_FULL_LETTERS;
    return amount > 1.0 ? 1.0 : amount;
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
    if (!t || !t->langfp || !s)
        return ST_EUSAGE;
    size_t whole = n;
    n = cut_utf8(s, n, ST_LANG_MAX_BYTES);
    st_lf_cand c[ST_LF_MAXCAND];
    /* textcat reads on past the cut while spaces and digits shrink: so do we */
    int k = st_langfp_classify(t->langfp, s, n, whole, c);
    if (k == ST_ENOMEM)
        return ST_ENOMEM;
    if (k <= 0)
        return ST_OK; /* unknown or too short: not an error */
    code_of(t->langfp->names[c[0].lang], lang);
    int distinct = 1; /* candidates naming another language than the best */
    for (int i = 1; i < k; i++) {
        char other[8];
        code_of(t->langfp->names[c[i].lang], other);
        distinct += strcmp(other, lang) != 0;
    }
    if (conf)
        *conf = st_lang_evidence(s, n) / distinct;
    return ST_OK;
}
