/* extract_fuzz.c — every extractor (entities, quotes, claims, dates) via
 * st_extract_run on an arbitrary text, with the shipped data (loaded once).
 *
 * Input byte 0 picks the language (en, id, de, und) and whether the first
 * line is the title; byte 1..10 is taken as the published date when it
 * looks like one; the rest is the text, split into sentences by
 * st_sentences as the pipeline does. Result spans must lie in the text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "fuzz.h"

static st_extract *ex;

static void unload(void)
{
    st_extract_free(ex);
    ex = NULL;
}

static void in_text(size_t start, size_t end, size_t n, const char *what)
{
    if (start > end || end > n) {
        fprintf(stderr, "fuzz/extract: %s span %zu..%zu outside text of %zu\n", what, start,
                end, n);
        abort();
    }
}

static void check(const st_ex_result *r, size_t n)
{
    for (size_t i = 0; i < r->nmentions; i++) {
        in_text(r->mentions[i].start, r->mentions[i].end, n, "mention");
        if (r->mentions[i].entity >= r->nentities)
            abort();
    }
    for (size_t i = 0; i < r->nquotes; i++) {
        in_text(r->quotes[i].start, r->quotes[i].end, n, "quote");
        in_text(r->quotes[i].sent_start, r->quotes[i].sent_end, n, "quote sentence");
        if (r->quotes[i].speaker_entity >= (long)r->nentities)
            abort();
    }
    for (size_t i = 0; i < r->nclaims; i++)
        in_text(r->claims[i].start, r->claims[i].end, n, "claim");
    for (size_t i = 0; i < r->ndates; i++)
        in_text(r->dates[i].start, r->dates[i].end, n, "date");
    for (size_t i = 0; i < r->nentities; i++)
        if (!r->entities[i].name || !r->entities[i].type)
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ex) {
        char err[256] = "";
        if (st_extract_load(NULL, &ex, err, sizeof err) != ST_OK) {
            fprintf(stderr, "fuzz/extract: %s\n", err);
            abort();
        }
        st_fuzz_atexit(unload);
    }
    if (size < 11)
        return 0;
    static const char *const langs[] = {"en", "id", "de", "und"};
    char published[11];
    memcpy(published, data + 1, 10);
    published[10] = '\0';
    int dated = published[4] == '-' && published[7] == '-';
    size_t n = size - 11;
    char *text = malloc(n + 1);
    if (!text)
        return 0;
    memcpy(text, data + 11, n);
    text[n] = '\0';
    size_t title_len = 0;
    if (data[0] & 4) {
        const char *nl = memchr(text, '\n', n);
        title_len = nl ? (size_t)(nl - text) : n;
    }
    st_span *sents = NULL;
    size_t nsents = 0;
    if (st_sentences(text, n, langs[data[0] & 3], &sents, &nsents) == ST_OK) {
        st_ex_input in = {text, n, title_len, langs[data[0] & 3],
                          dated ? published : NULL, sents, nsents};
        st_ex_result *r = NULL;
        if (st_extract_run(ex, &in, &r) == ST_OK && r)
            check(r, n);
        st_ex_result_free(r);
    }
    free(sents);
    free(text);
    return 0;
}
