/* bench/text.c — throughput of the text stage against `wc -w`.
 *
 *   text gen <out> <MB> <file>...   writes a corpus of about MB megabytes made
 *                                   of the given articles, repeated and varied
 *   text run <corpus>               times tokenise+fold+stopword+stem over the
 *                                   corpus and `wc -w` on the same file
 *
 * Each article in the corpus starts with a line "@@ <lang>": the language is
 * detected once per source article at generation time, because language id
 * is a per-article cost outside the per-token loop measured here. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text/text.h"

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
    size_t cap = 1 << 20, n = 0, k;
    char *s = malloc(cap + 1);
    while (s && (k = fread(s + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap) {
            char *ns = realloc(s, cap * 2 + 1);
            if (!ns) {
                free(s);
                s = NULL;
                break;
            }
            s = ns;
            cap *= 2;
        }
    }
    fclose(f);
    if (s)
        s[n] = '\0';
    *len = n;
    return s;
}

/* One varied copy: lines rotated by `rot`, digits shifted by `shift`, so
 * that repetitions are not byte-identical. */
static void write_variant(FILE *out, const char *lang, const char *s, size_t n, size_t rot,
                          int shift)
{
    size_t nlines = 0;
    for (size_t i = 0; i < n; i++)
        nlines += s[i] == '\n';
    nlines += n && s[n - 1] != '\n';
    size_t start_line = nlines ? rot % nlines : 0, line = 0, i = 0;
    while (i < n && line < start_line) {
        line += s[i] == '\n';
        i++;
    }
    fprintf(out, "@@ %s\n", lang);
    for (size_t k = 0; k < n; k++) {
        char c = s[(i + k) % n];
        if (c >= '0' && c <= '9')
            c = (char)('0' + (c - '0' + shift) % 10);
        fputc(c, out);
    }
    fputs("\n\n", out);
}

static int gen(const char *path, double mb, int nfiles, char **files)
{
    st_text *t = NULL;
    char err[256];
    if (st_text_new(NULL, &t, err, sizeof err) != ST_OK) {
        fprintf(stderr, "text: %s\n", err);
        return 1;
    }
    char **docs = calloc((size_t)nfiles, sizeof *docs);
    size_t *lens = calloc((size_t)nfiles, sizeof *lens);
    char (*langs)[8] = calloc((size_t)nfiles, sizeof *langs);
    int ndocs = 0;
    for (int i = 0; i < nfiles; i++) {
        docs[ndocs] = read_all(files[i], &lens[ndocs]);
        if (!docs[ndocs] || lens[ndocs] == 0) {
            free(docs[ndocs]);
            continue;
        }
        st_lang_detect(t, docs[ndocs], lens[ndocs], langs[ndocs], NULL);
        ndocs++;
    }
    FILE *out = fopen(path, "wb");
    if (!out || ndocs == 0) {
        fprintf(stderr, "text: nothing to write to %s\n", path);
        return 1;
    }
    size_t target = (size_t)(mb * 1024 * 1024), written = 0;
    for (size_t rep = 0; written < target; rep++) {
        int d = (int)(rep % (size_t)ndocs);
        write_variant(out, langs[d], docs[d], lens[d], rep / (size_t)ndocs, (int)(rep % 10));
        written += lens[d] + 8;
    }
    fclose(out);
    for (int i = 0; i < ndocs; i++)
        free(docs[i]);
    free(docs);
    free(lens);
    free(langs);
    st_text_free(t);
    return 0;
}

/* The measured loop: every token folded, stopword-checked and stemmed the
 * way st_doc_analyse does it. */
static size_t process(st_text *t, const char *s, size_t n, size_t *nterms)
{
    char lang[8] = "en", folded[128], stem[128];
    size_t ntok = 0, kept = 0;
    const char *p = s, *end = s + n;
    while (p < end) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        size_t len = e ? (size_t)(e - p) : (size_t)(end - p);
        if (len >= 3 && p[0] == '@' && p[1] == '@' && p[2] == ' ') {
            size_t k = len - 3 < 7 ? len - 3 : 7;
            memcpy(lang, p + 3, k);
            lang[k] = '\0';
        } else {
            st_tokiter it;
            st_token tok;
            st_tokiter_init(&it, p, len);
            while (st_tokiter_next(&it, &tok)) {
                ntok++;
                if (tok.kind == ST_TOK_URL || tok.kind == ST_TOK_EMAIL)
                    continue;
                size_t k = st_token_fold(p, &tok, folded, sizeof folded);
                if (st_stopword(t, lang, folded, k))
                    continue;
                if (tok.kind == ST_TOK_WORD)
                    k = st_stem(t, lang, folded, k, stem, sizeof stem);
                kept += k > 0;
            }
        }
        p = e ? e + 1 : end;
    }
    *nterms = kept;
    return ntok;
}

static double time_cmd(const char *cmd, char *out, size_t cap)
{
    double t0 = now();
    FILE *f = popen(cmd, "r");
    if (!f)
        return -1;
    size_t k = fread(out, 1, cap - 1, f);
    out[k] = '\0';
    pclose(f);
    return now() - t0;
}

static int run(const char *path)
{
    st_text *t = NULL;
    char err[256];
    if (st_text_new(NULL, &t, err, sizeof err) != ST_OK) {
        fprintf(stderr, "text: %s\n", err);
        return 1;
    }
    /* wc first, so both read a warm page cache */
    char cmd[1024], wc_out[256], wcc_out[256];
    snprintf(cmd, sizeof cmd, "wc -w < '%s'", path);
    time_cmd(cmd, wc_out, sizeof wc_out);
    double t_wc = time_cmd(cmd, wc_out, sizeof wc_out);
    snprintf(cmd, sizeof cmd, "LC_ALL=C wc -w < '%s'", path);
    double t_wcc = time_cmd(cmd, wcc_out, sizeof wcc_out);

    double t0 = now();
    size_t n = 0;
    char *s = read_all(path, &n);
    if (!s) {
        fprintf(stderr, "text: cannot read %s\n", path);
        st_text_free(t);
        return 1;
    }
    size_t kept = 0, ntok = process(t, s, n, &kept);
    double t_us = now() - t0;
    double mb = (double)n / (1024.0 * 1024.0);
    const char *loc = getenv("LC_ALL");
    if (!loc || !*loc)
        loc = getenv("LANG");
    printf("corpus          %.1f MB\n", mb);
    printf("storytrack text %.2f s  %.1f MB/s  %.2f M tokens/s  (%zu tokens, %zu terms)\n",
           t_us, mb / t_us, (double)ntok / t_us / 1e6, ntok, kept);
    printf("wc -w (%s)   %.2f s  %.1f MB/s  (%ld words)\n", loc ? loc : "default", t_wc,
           mb / t_wc, atol(wc_out));
    printf("wc -w (LC_ALL=C) %.2f s  %.1f MB/s  (%ld words)\n", t_wcc, mb / t_wcc,
           atol(wcc_out));
    printf("ratio text / wc -w           %.2fx (target <= 5x)\n", t_us / t_wc);
    printf("ratio text / LC_ALL=C wc -w  %.2fx\n", t_us / t_wcc);
    free(s);
    st_text_free(t);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 5 && strcmp(argv[1], "gen") == 0)
        return gen(argv[2], atof(argv[3]), argc - 4, argv + 4);
    if (argc == 3 && strcmp(argv[1], "run") == 0)
        return run(argv[2]);
    fprintf(stderr, "usage: text gen <out> <MB> <file>... | text run <corpus>\n");
    return 2;
}
