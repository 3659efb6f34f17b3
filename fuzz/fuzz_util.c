/* fuzz_util.c — helpers shared by the fuzz targets (both builds). */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

void st_fuzz_atexit(void (*fn)(void))
{
    atexit(fn);
}

char *st_fuzz_cstr(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        abort();
    if (size)
        memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

#include <stdio.h>

#include "util/util.h"

typedef struct ingest_check {
    size_t max_article;
} ingest_check;

static int check_article(st_article *a, void *ud)
{
    const ingest_check *c = ud;
    if (!a->body || !st_utf8_valid(a->body, strlen(a->body))) {
        fprintf(stderr, "fuzz: article body missing or not UTF-8\n");
        abort();
    }
    if (a->title && !st_utf8_valid(a->title, strlen(a->title))) {
        fprintf(stderr, "fuzz: article title not UTF-8\n");
        abort();
    }
    if (c->max_article && strlen(a->body) > c->max_article) {
        fprintf(stderr, "fuzz: body of %zu bytes over the limit %zu\n", strlen(a->body),
                c->max_article);
        abort();
    }
    st_article_free(a);
    return 0;
}

static void quiet(const char *where, int severity, const char *msg, void *ud)
{
    (void)where;
    (void)severity;
    (void)msg;
    (void)ud;
}

void st_fuzz_ingest(const char *name, st_format f, size_t max_article, const uint8_t *data,
                    size_t size)
{
    ingest_check c = {max_article};
    st_ingest_opts o = {.format = f, .max_article_bytes = max_article, .on_diag = quiet};
    size_t errors = 0;
    st_ingest_buffer(name, (const char *)data, size, &o, check_article, &c, &errors);
}

#include <ftw.h>
#include <unistd.h>

static char tmpdir[256];

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static void rm_tmpdir(void)
{
    if (tmpdir[0])
        nftw(tmpdir, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
}

const char *st_fuzz_tmpdir(void)
{
    if (!tmpdir[0]) {
        const char *base = getenv("TMPDIR");
        snprintf(tmpdir, sizeof tmpdir, "%s/st-fuzz-XXXXXX", base ? base : "/tmp");
        if (!mkdtemp(tmpdir))
            abort();
        atexit(rm_tmpdir);
    }
    return tmpdir;
}

const char *st_fuzz_write(const char *name, const void *data, size_t size)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", st_fuzz_tmpdir(), name);
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
        abort();
    return path;
}
