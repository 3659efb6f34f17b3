/* test_text_tokens.c — tokeniser, folding and sentence splitting. */
#include "harness.h"
#include "text/text.h"

/* Tokens of s as "kind:text|kind:text|..." into a static buffer; kinds are
 * w n u e c. */
static const char *toks(const char *s)
{
    static char out[4096];
    static const char kinds[] = "?wnuec";
    size_t o = 0;
    st_tokiter it;
    st_token t;
    st_tokiter_init(&it, s, strlen(s));
    out[0] = '\0';
    while (st_tokiter_next(&it, &t) && o + t.len + 4 < sizeof out) {
        if (o)
            out[o++] = '|';
        out[o++] = kinds[t.kind];
        out[o++] = ':';
        memcpy(out + o, s + t.off, t.len);
        o += t.len;
        out[o] = '\0';
    }
    return out;
}

static const char *fold(const char *s)
{
    static char out[256];
    st_token t = {0, strlen(s), ST_TOK_WORD};
    size_t n = st_token_fold(s, &t, out, sizeof out);
    if (n != strlen(out))
        return "(length mismatch)";
    return out;
}

static void t_latin(void)
{
    CHECK_STR(toks("Hello, world!"), "w:Hello|w:world");
    CHECK_STR(toks("don't stop Qatar's"), "w:don't|w:stop|w:Qatar's");
    CHECK_STR(toks("Qatar\xe2\x80\x99s talks"), "w:Qatar\xe2\x80\x99s|w:talks");
    CHECK_STR(toks("Hamas' leaders"), "w:Hamas|w:leaders");
    CHECK_STR(toks("Hamas\xe2\x80\x99 leaders"), "w:Hamas|w:leaders");
    CHECK_STR(toks("Al-Nono pasca-perang"), "w:Al-Nono|w:pasca-perang");
    CHECK_STR(toks("cease-fire -- ok - no"), "w:cease-fire|w:ok|w:no");
    CHECK_STR(toks("caf\xc3\xa9 na\xc3\xafve"), "w:caf\xc3\xa9|w:na\xc3\xafve");
    /* e + combining acute stays one word */
    CHECK_STR(toks("cafe\xcc\x81 x"), "w:cafe\xcc\x81|w:x");
    CHECK_STR(toks("the U.S. and U.N. said"), "w:the|w:U.S.|w:and|w:U.N.|w:said");
    CHECK_STR(toks("COVID-19 G20"), "w:COVID-19|w:G20");
    CHECK_STR(toks(""), "");
    CHECK_STR(toks("  ...  "), "");
}

static void t_numbers(void)
{
    CHECK_STR(toks("43,000 people"), "n:43,000|w:people");
    CHECK_STR(toks("43.000 orang"), "n:43.000|w:orang");
    CHECK_STR(toks("2,3 juta"), "n:2,3|w:juta");
    CHECK_STR(toks("2.3 million"), "n:2.3|w:million");
    CHECK_STR(toks("80% of"), "n:80%|w:of");
    CHECK_STR(toks("1,234,567.89."), "n:1,234,567.89");
    CHECK_STR(toks("in 2024, then"), "w:in|n:2024|w:then");
    CHECK_STR(toks("the 1990s"), "w:the|w:1990s");
    /* Arabic-Indic digits */
    CHECK_STR(toks("\xd9\xa3\xd9\xa4 x"), "n:\xd9\xa3\xd9\xa4|w:x");
}

static void t_url_email(void)
{
    CHECK_STR(toks("see https://apnews.com/a/b?x=1. Next"),
              "w:see|u:https://apnews.com/a/b?x=1|w:Next");
    CHECK_STR(toks("(http://x.org/a_(b)) ok"), "u:http://x.org/a_(b)|w:ok");
    CHECK_STR(toks("www.kompas.com, and"), "u:www.kompas.com|w:and");
    CHECK_STR(toks("mail redaksi@kompas.co.id."), "w:mail|e:redaksi@kompas.co.id");
    CHECK_STR(toks("j.doe+x@ap.org"), "e:j.doe+x@ap.org");
    CHECK_STR(toks("a@b is not"), "w:a|w:b|w:is|w:not");
    CHECK_STR(toks("http is a word"), "w:http|w:is|w:a|w:word");
}

static void t_scripts(void)
{
    CHECK_STR(toks("\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82, \xd0\xbc\xd0\xb8\xd1\x80!"),
              "w:\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82|w:\xd0\xbc\xd0\xb8\xd1\x80");
    /* Greek */
    CHECK_STR(toks("\xce\x93\xce\xb5\xce\xb9\xce\xb1 \xcf\x83\xce\xbf\xcf\x85."),
              "w:\xce\x93\xce\xb5\xce\xb9\xce\xb1|w:\xcf\x83\xce\xbf\xcf\x85");
    /* Arabic with a fatha (Mn) inside: one word */
    CHECK_STR(toks("\xd9\x85\xd9\x8e\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7\xd8\x8c \xd8\xb9\xd8\xa7\xd9\x84\xd9\x85"),
              "w:\xd9\x85\xd9\x8e\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7|w:\xd8\xb9\xd8\xa7\xd9\x84\xd9\x85");
    /* Hebrew */
    CHECK_STR(toks("\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xd7\xa2\xd7\x95\xd7\x9c\xd7\x9d"),
              "w:\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d|w:\xd7\xa2\xd7\x95\xd7\x9c\xd7\x9d");
    /* Devanagari "नमस्ते दुनिया": virama and vowel signs (Mn/Mc) stay inside */
    CHECK_STR(toks("\xe0\xa4\xa8\xe0\xa4\xae\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\xa4\xe0\xa5\x87 "
                   "\xe0\xa4\xa6\xe0\xa5\x81\xe0\xa4\xa8\xe0\xa4\xbf\xe0\xa4\xaf\xe0\xa4\xbe\xe0\xa5\xa4"),
              "w:\xe0\xa4\xa8\xe0\xa4\xae\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\xa4\xe0\xa5\x87|"
              "w:\xe0\xa4\xa6\xe0\xa5\x81\xe0\xa4\xa8\xe0\xa4\xbf\xe0\xa4\xaf\xe0\xa4\xbe");
}

static void t_cjk(void)
{
    /* 北京大学 -> 北京 京大 大学 */
    CHECK_STR(toks("\xe5\x8c\x97\xe4\xba\xac\xe5\xa4\xa7\xe5\xad\xa6"),
              "c:\xe5\x8c\x97\xe4\xba\xac|c:\xe4\xba\xac\xe5\xa4\xa7|c:\xe5\xa4\xa7\xe5\xad\xa6");
    /* lone character between punctuation, then a Latin word */
    CHECK_STR(toks("\xe4\xba\xba\xe3\x80\x82" "abc \xe4\xb8\xad\xe5\x9b\xbd"),
              "c:\xe4\xba\xba|w:abc|c:\xe4\xb8\xad\xe5\x9b\xbd");
    /* Thai "ไทย" with no marks: 3 characters -> 2 bigrams */
    CHECK_STR(toks("\xe0\xb9\x84\xe0\xb8\x97\xe0\xb8\xa2"),
              "c:\xe0\xb9\x84\xe0\xb8\x97|c:\xe0\xb8\x97\xe0\xb8\xa2");
    /* Thai "กิน" : the vowel mark stays with its consonant */
    CHECK_STR(toks("\xe0\xb8\x81\xe0\xb8\xb4\xe0\xb8\x99"),
              "c:\xe0\xb8\x81\xe0\xb8\xb4\xe0\xb8\x99");
    /* Hangul 한국어 */
    CHECK_STR(toks("\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4"),
              "c:\xed\x95\x9c\xea\xb5\xad|c:\xea\xb5\xad\xec\x96\xb4");
}

static void t_invalid_utf8(void)
{
    /* invalid bytes are skipped, never read past the end */
    CHECK_STR(toks("ab\xff\xfe" "cd \xc3"), "w:ab|w:cd");
}

static void t_fold(void)
{
    CHECK_STR(fold("Hello"), "hello");
    CHECK_STR(fold("STRA\xc3\x9f" "E"), "strasse");
    CHECK_STR(fold("\xd0\x9c\xd0\x98\xd0\xa0"), "\xd0\xbc\xd0\xb8\xd1\x80");
    CHECK_STR(fold("\xef\xbc\xa1\xef\xbc\xa2"), "ab");     /* fullwidth AB (NFKC) */
    CHECK_STR(fold("cafe\xcc\x81"), "caf\xc3\xa9");         /* composed */
    CHECK_STR(fold("Qatar\xe2\x80\x99s"), "qatar's");
    CHECK_STR(fold("\xce\xa3\xce\x9f\xce\xa6\xce\x99\xce\x91"), "\xcf\x83\xce\xbf\xcf\x86\xce\xb9\xce\xb1");
    char small[4];
    st_token t = {0, 6, ST_TOK_WORD};
    CHECK_INT(st_token_fold("ABCDEF", &t, small, sizeof small), 3);
    CHECK_STR(small, "abc");
    /* truncation never splits a UTF-8 sequence: "éé" into 4 bytes -> "é" */
    st_token u = {0, 4, ST_TOK_WORD};
    CHECK_INT(st_token_fold("\xc3\x89\xc3\x89", &u, small, sizeof small), 2);
    CHECK_STR(small, "\xc3\xa9");
}

/* Sentences of s joined by " | ". */
static const char *sents(const char *s)
{
    static char out[4096];
    st_span *v = NULL;
    size_t n = 0, o = 0;
    out[0] = '\0';
    if (st_sentences(s, strlen(s), "en", &v, &n) != ST_OK)
        return "(error)";
    for (size_t i = 0; i < n && o + v[i].len + 4 < sizeof out; i++) {
        if (i) {
            memcpy(out + o, " | ", 3);
            o += 3;
        }
        memcpy(out + o, s + v[i].off, v[i].len);
        o += v[i].len;
        out[o] = '\0';
    }
    free(v);
    return out;
}

static void t_sentences(void)
{
    CHECK_STR(sents("One. Two! Three? Four"), "One. | Two! | Three? | Four");
    CHECK_STR(sents("  Mr. Smith met Dr. Jones.  Then they left. "),
              "Mr. Smith met Dr. Jones. | Then they left.");
    CHECK_STR(sents("The U.S. and the U.N. met. Gen. Lt. Sen. Rep. Gov. Prof. St. No. 5 came."),
              "The U.S. and the U.N. met. | Gen. Lt. Sen. Rep. Gov. Prof. St. No. 5 came.");
    CHECK_STR(sents("It grew 3.5 percent. J. Smith said so, e.g. in Jan. 2024. Done."),
              "It grew 3.5 percent. | J. Smith said so, e.g. in Jan. 2024. | Done.");
    CHECK_STR(sents("\"We won.\" He left. \xe2\x80\x9cWe lost.\xe2\x80\x9d She stayed."),
              "\"We won.\" | He left. | \xe2\x80\x9cWe lost.\xe2\x80\x9d | She stayed.");
    CHECK_STR(sents("Wait... and then? Yes\xe2\x80\xa6 Maybe."),
              "Wait... and then? | Yes\xe2\x80\xa6 | Maybe.");
    CHECK_STR(sents("Title here\n\nBody one. Body two."), "Title here | Body one. | Body two.");
    CHECK_STR(sents("Read More: a headline\nNext para."), "Read More: a headline | Next para.");
    CHECK_STR(sents("a wrapped\nline ends. Ok."), "a wrapped\nline ends. | Ok.");
    CHECK_STR(sents("Bpk. Joko dan Ny. Ani di Jl. Sudirman No. 5, dll. Kemudian pergi. "
                    "Sdr. Budi, Tn. Ali, dsb. Yth. Bapak dkk. Selesai."),
              "Bpk. Joko dan Ny. Ani di Jl. Sudirman No. 5, dll. | Kemudian pergi. | "
              "Sdr. Budi, Tn. Ali, dsb. | Yth. Bapak dkk. | Selesai.");
    CHECK_STR(sents("buku, pena, dll. yang lain. Apples, pears, etc. and more."),
              "buku, pena, dll. yang lain. | Apples, pears, etc. and more.");
    CHECK_STR(sents(""), "");
    CHECK_STR(sents(" \n\n "), "");
    /* offsets point into the text */
    const char *s = "  A b.  C d.";
    st_span *v = NULL;
    size_t n = 0;
    CHECK_INT(st_sentences(s, strlen(s), NULL, &v, &n), ST_OK);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_INT(v[0].off, 2);
        CHECK_INT(v[0].len, 4);
        CHECK_INT(v[1].off, 8);
    }
    free(v);
}

int main(void)
{
    RUN(t_latin);
    RUN(t_numbers);
    RUN(t_url_email);
    RUN(t_scripts);
    RUN(t_cjk);
    RUN(t_invalid_utf8);
    RUN(t_fold);
    RUN(t_sentences);
    TEST_MAIN_END;
}
