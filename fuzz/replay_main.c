/* replay_main.c — main() of a fuzz target built as a plain program.
 *
 * Without arguments it replays fuzz/corpus/<target>/ (target taken from the
 * program name replay_<target>), in name order, and prints the line
 * tests/run.sh adds up: "# fuzz/<target>: N passed, M failed". An input fails
 * when it takes longer than ST_FUZZ_SLOW_MS (a hang that libFuzzer would
 * report as a timeout); a crash or a leak stops the program under ASan,
 * which run.sh counts as a failure. With arguments it replays those files. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fuzz.h"

#ifndef ST_FUZZ_SLOW_MS
#define ST_FUZZ_SLOW_MS 10000.0
#endif

static unsigned char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    unsigned char *b = malloc(cap);
    size_t k;
    while (b && (k = fread(b + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap) {
            unsigned char *nb = realloc(b, cap *= 2);
            if (!nb)
                free(b);
            b = nb;
        }
    }
    fclose(f);
    *len = n;
    return b;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* 0 when replayed in time, 1 when slow or unreadable. */
static int replay(const char *path)
{
    size_t len = 0;
    unsigned char *data = read_all(path, &len);
    if (!data) {
        fprintf(stderr, "  cannot read %s\n", path);
        return 1;
    }
    double t0 = now_ms();
    LLVMFuzzerTestOneInput(data, len);
    double ms = now_ms() - t0;
    free(data);
    if (ms > ST_FUZZ_SLOW_MS) {
        fprintf(stderr, "  %s: %.0f ms (limit %.0f)\n", path, ms, ST_FUZZ_SLOW_MS);
        return 1;
    }
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replays every regular file of dir; returns the failures, counts in *n. */
static int replay_dir(const char *dir, int *n)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "  cannot open %s\n", dir);
        return 1;
    }
    char **names = NULL;
    size_t count = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        char **nv = realloc(names, (count + 1) * sizeof *nv);
        if (!nv)
            break;
        names = nv;
        names[count++] = strdup(de->d_name);
    }
    closedir(d);
    if (count)
        qsort(names, count, sizeof *names, by_name);
    int failed = 0;
    for (size_t i = 0; i < count; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        failed += replay(path);
        (*n)++;
        free(names[i]);
    }
    free(names);
    return failed;
}

int main(int argc, char **argv)
{
    const char *prog = strrchr(argv[0], '/');
    prog = prog ? prog + 1 : argv[0];
    const char *target = strncmp(prog, "replay_", 7) == 0 ? prog + 7 : prog;
    int n = 0, failed = 0;
    if (argc > 1) {
        for (int i = 1; i < argc; i++, n++)
            failed += replay(argv[i]);
    } else {
        char dir[1024];
        snprintf(dir, sizeof dir, "fuzz/corpus/%s", target);
        failed = replay_dir(dir, &n);
    }
    printf("# fuzz/%s: %d passed, %d failed\n", target, n - failed, failed);
    return failed ? 1 : 0;
}
