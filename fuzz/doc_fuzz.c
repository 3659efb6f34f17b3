/* doc_fuzz.c — st_doc_analyse (language id, tokens, stopwords, stems,
 * sentences, terms) on arbitrary title/body/language.
 *
 * Input: title, body and metadata language separated by the first two NUL
 * bytes (missing parts are NULL). The st_text is loaded once. Checks that
 * the document's text is title + "\n\n" + body and its spans are in bounds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "text/text.h"

static st_text *text;

static void unload(void)
{
    st_text_free(text);
    text = NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!text) {
        char err[256] = "";
        if (st_text_new(NULL, &text, err, sizeof err) != ST_OK) {
            fprintf(stderr, "fuzz/doc: %s\n", err);
            abort();
        }
        st_fuzz_atexit(unload);
    }
    char *buf = st_fuzz_cstr(data, size);
    char *title = buf, *body = NULL, *lang = NULL;
    size_t tl = strlen(title);
    if (tl < size) {
        body = title + tl + 1;
        size_t bl = strlen(body);
        if (tl + 1 + bl < size)
            lang = body + bl + 1;
    }
    st_doc *d = NULL;
    if (st_doc_analyse(text, title, body ? body : "", lang, &d) == ST_OK && d) {
        for (size_t i = 0; i < d->nsents; i++)
            if (d->sents[i].off > d->len || d->sents[i].len > d->len - d->sents[i].off)
                abort();
        if (d->title_len > d->len || strlen(d->text) != d->len)
            abort();
        for (size_t i = 0; i < d->nterms; i++)
            if (!d->terms[i].text || d->terms[i].count == 0)
                abort();
    }
    st_doc_free(d);
    free(buf);
    return 0;
}
