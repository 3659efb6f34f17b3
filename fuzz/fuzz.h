/* fuzz.h — what every fuzz target shares.
 *
 * A target is fuzz/<target>.c defining LLVMFuzzerTestOneInput. It is built
 * two ways (see fuzz/fuzz.mk): with clang's libFuzzer for `make fuzz`, and
 * with gcc + ASan, linked with fuzz/replay_main.c, as the test program
 * $(B)/fuzz/replay_<target> that replays fuzz/corpus/<target>/ in `make test`.
 *
 * Targets that load resources once (dictionaries, a server) keep them in
 * statics and register st_fuzz_atexit(free_fn) so leak checkers see a clean
 * exit in both builds. */
#ifndef ST_FUZZ_H
#define ST_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Runs fn at exit (after the last input). */
void st_fuzz_atexit(void (*fn)(void));

/* A NUL-terminated copy of data[0..size); caller frees with free(). Aborts on
 * out of memory (a fuzz harness has no better answer). */
char *st_fuzz_cstr(const uint8_t *data, size_t size);

/* A private directory made once per process (removed at exit with what the
 * target wrote in it) for loaders that read files. Returns a static path. */
const char *st_fuzz_tmpdir(void);
/* Writes data[0..size) to <tmpdir>/<name>; aborts when it cannot. Returns a
 * static path, valid until the next call. */
const char *st_fuzz_write(const char *name, const void *data, size_t size);

/* Feeds data to st_ingest_buffer as `name` in format f; checks what every
 * article must be (a body of valid UTF-8 within max_article bytes, when
 * max_article is not 0) and aborts when it is not, so the fuzzer reports it. */
#include "storytrack.h"
void st_fuzz_ingest(const char *name, st_format f, size_t max_article, const uint8_t *data,
                    size_t size);

#endif
