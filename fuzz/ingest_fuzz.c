/* ingest_fuzz.c — libFuzzer target for the ingest stage.
 *
 * The first input byte picks the format (and the name that drives detection);
 * the rest is the input. Articles are freed at once: the target looks for
 * crashes, leaks and undefined behaviour, not for results.
 *
 * Build (not part of `make`):
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE -Iinclude -Isrc \
 *     fuzz/ingest_fuzz.c $(find src/ingest src/util -name '*.c') \
 *     $(pkg-config --cflags --libs libxml-2.0 jansson zlib) -lm -o build/fuzz_ingest
 *   ./build/fuzz_ingest -max_len=65536 fuzz/corpus/ingest
 * Replay the corpus without libFuzzer (any C compiler): add -DST_FUZZ_MAIN and
 * drop "fuzzer," from -fsanitize, then run ./build/fuzz_ingest $(find fuzz/corpus/ingest -type f). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "storytrack.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int drop(st_article *a, void *ud)
{
    (void)ud;
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct {
        const char *name;
        st_format f;
    } modes[] = {
        {"fuzz.txt", ST_FORMAT_TEXT}, {"fuzz.jsonl", ST_FORMAT_JSONL},
        {"fuzz.html", ST_FORMAT_HTML}, {"fuzz.xml", ST_FORMAT_FEED},
        {"fuzz", ST_FORMAT_AUTO},     {"fuzz.json.gz", ST_FORMAT_AUTO},
    };
    if (size < 1)
        return 0;
    size_t m = data[0] % (sizeof modes / sizeof modes[0]);
    /* Small limits reach the "too big" paths too. */
    st_ingest_opts o = {modes[m].f, (data[0] & 0x80) ? 64 : 0, quiet, NULL};
    size_t errors = 0;
    st_ingest_buffer(modes[m].name, (const char *)data + 1, size - 1, &o, drop, NULL, &errors);
    return 0;
}

#ifdef ST_FUZZ_MAIN
int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            return 1;
        }
        static uint8_t buf[1 << 20];
        size_t n = fread(buf, 1, sizeof buf, f);
        fclose(f);
        LLVMFuzzerTestOneInput(buf, n);
    }
    printf("replayed %d input(s)\n", argc - 1);
    return 0;
}
#endif
