/* bench/langid.c — language identification throughput: libexttextcat's
 * textcat_ClassifyFull (the old path of st_lang_detect: the same 4 KB cut)
 * against st_lang_detect (our classifier), on the same articles, in the same
 * run.
 *
 *   langid <passes> <file>...   .jsonl files (title + "\n\n" + maintext, as
 *                               st_doc_analyse builds the text) or text files
 *
 * The new path is timed on its first pass (its word cache empty: what a
 * fresh process sees) and over all passes. Both paths' best languages are
 * compared on every article. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <textcat.h>
#include <time.h>

#include "text/text.h"
#include "util/util.h"

#define TC_DIR "/usr/share/libexttextcat/"
#define CUT 4096

typedef struct docs {
    char **s;
    size_t *len;
    size_t n, cap;
} docs;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    st_buf b = {0};
    char chunk[65536];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        st_buf_append(&b, chunk, k);
    fclose(f);
    *len = b.len;
    return st_buf_take(&b);
}

static void add_doc(docs *d, char *s, size_t len)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 256;
        d->s = realloc(d->s, d->cap * sizeof *d->s);
        d->len = realloc(d->len, d->cap * sizeof *d->len);
        if (!d->s || !d->len) {
            fprintf(stderr, "out of memory\n");
            exit(1);
        }
    }
    d->s[d->n] = s;
    d->len[d->n++] = len;
}

static void load_jsonl(docs *d, char *data)
{
    for (char *line = data, *nl; line && *line; line = nl ? nl + 1 : NULL) {
        nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        json_t *j = json_loads(line, 0, NULL);
        const char *body = json_string_value(json_object_get(j, "maintext"));
        const char *title = json_string_value(json_object_get(j, "title"));
        if (body) {
            st_buf b = {0};
            st_buf_puts(&b, title ? title : "");
            st_buf_puts(&b, "\n\n");
            st_buf_puts(&b, body);
            size_t len = b.len;
            add_doc(d, st_buf_take(&b), len);
        }
        json_decref(j);
    }
}

static size_t cut_of(const char *s, size_t n)
{
    if (n <= CUT)
        return n;
    size_t m = CUT;
    while (m > 0 && ((unsigned char)s[m] & 0xC0) == 0x80)
        m--;
    return m;
}

/* The old st_lang_detect's code: "en--utf8" -> "en", ms -> id, sco -> en. */
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

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: langid <passes> <file.jsonl|file.txt>...\n");
        return 2;
    }
    int passes = atoi(argv[1]);
    docs d = {0};
    for (int i = 2; i < argc; i++) {
        size_t len = 0;
        char *s = read_all(argv[i], &len);
        if (!s)
            continue;
        if (strstr(argv[i], ".jsonl")) {
            load_jsonl(&d, s);
            free(s);
        } else {
            add_doc(&d, s, len);
        }
    }
    if (d.n == 0 || passes < 1) {
        fprintf(stderr, "langid: no articles\n");
        return 1;
    }
    size_t bytes = 0;
    for (size_t i = 0; i < d.n; i++)
        bytes += d.len[i] < CUT ? d.len[i] : CUT;
    char(*old_lang)[8] = calloc(d.n, 8), (*new_lang)[8] = calloc(d.n, 8);

    void *tc = special_textcat_Init(TC_DIR "fpdb.conf", TC_DIR);
    candidate_t *cand = tc ? textcat_GetClassifyFullOutput(tc) : NULL;
    st_text *t = NULL;
    char err[256] = "";
    if (!cand || !old_lang || !new_lang || st_text_new(NULL, &t, err, sizeof err) != ST_OK) {
        fprintf(stderr, "langid: cannot load: %s\n", err);
        return 1;
    }

    double t0 = now();
    for (int p = 0; p < passes; p++)
        for (size_t i = 0; i < d.n; i++) {
            int k = textcat_ClassifyFull(tc, d.s[i], cut_of(d.s[i], d.len[i]), cand);
            if (k > 0)
                code_of(cand[0].name, old_lang[i]);
            else
                strcpy(old_lang[i], "und");
        }
    double t_old = now() - t0;

    t0 = now();
    for (size_t i = 0; i < d.n; i++)
        st_lang_detect(t, d.s[i], d.len[i], new_lang[i], NULL);
    double t_cold = now() - t0;
    for (int p = 1; p < passes; p++)
        for (size_t i = 0; i < d.n; i++)
            st_lang_detect(t, d.s[i], d.len[i], new_lang[i], NULL);
    double t_new = now() - t0;

    size_t agree = 0;
    for (size_t i = 0; i < d.n; i++)
        agree += strcmp(old_lang[i], new_lang[i]) == 0;
    double n_all = (double)d.n * passes;
    printf("articles            %zu x %d passes, %.0f bytes classified each on average\n", d.n,
           passes, (double)bytes / (double)d.n);
    printf("old libexttextcat   %.0f articles/s\n", n_all / t_old);
    printf("new first pass      %.0f articles/s (word cache empty)\n", (double)d.n / t_cold);
    printf("new all passes      %.0f articles/s\n", n_all / t_new);
    printf("ratio               new / old = %.1fx (first pass %.1fx)\n", t_old / t_new,
           (t_old / passes) / t_cold);
    printf("agreement           %zu / %zu best languages (%.2f%%)\n", agree, d.n,
           100.0 * (double)agree / (double)d.n);

    st_text_free(t);
    textcat_ReleaseClassifyFullOutput(tc, cand);
    textcat_Done(tc);
    for (size_t i = 0; i < d.n; i++)
        free(d.s[i]);
    free(d.s);
    free(d.len);
    free(old_lang);
    free(new_lang);
    return 0;
}
