/* harness.h — the test runner's half inside each test program.
 *
 * A test is a function `static void t_name(void)` registered with RUN(t_name)
 * from main(); CHECK* macros record failures without stopping the test. Each
 * program ends with TEST_MAIN_END, which prints "# <prog>: N passed, N failed"
 * (tests/run.sh adds them up) and exits non-zero on any failure.
 * Tests run from the repository root. */
#ifndef ST_HARNESS_H
#define ST_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "storytrack.h"

extern int th_failed_checks; /* failures in the running test */
extern int th_passed, th_failed;

#define CHECK(cond)                                                                    \
    do {                                                                               \
        if (!(cond)) {                                                                 \
            fprintf(stderr, "  %s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            th_failed_checks++;                                                        \
        }                                                                              \
    } while (0)

#define CHECK_INT(a, b)                                                                  \
    do {                                                                                 \
        long long a_ = (long long)(a), b_ = (long long)(b);                              \
        if (a_ != b_) {                                                                  \
            fprintf(stderr, "  %s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, \
                    #a, a_, b_);                                                         \
            th_failed_checks++;                                                          \
        }                                                                                \
    } while (0)

#define CHECK_STR(a, b)                                                                   \
    do {                                                                                  \
        const char *a_ = (a), *b_ = (b);                                                  \
        if (!a_ || !b_ || strcmp(a_, b_) != 0) {                                          \
            fprintf(stderr, "  %s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, \
                    #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)");                          \
            th_failed_checks++;                                                           \
        }                                                                                 \
    } while (0)

#define CHECK_CONTAINS(hay, needle)                                                       \
    do {                                                                                  \
        const char *h_ = (hay), *n_ = (needle);                                           \
        if (!h_ || !strstr(h_, n_)) {                                                     \
            fprintf(stderr, "  %s:%d: %s does not contain \"%s\"\n", __FILE__, __LINE__, \
                    #hay, n_);                                                            \
            th_failed_checks++;                                                           \
        }                                                                                 \
    } while (0)

void th_run(const char *name, void (*fn)(void));
#define RUN(fn) th_run(#fn, fn)
int th_end(const char *prog);
#define TEST_MAIN_END return th_end(__FILE__)

/* Fixtures and processes. */
#define TH_SEEDS "../shared/seeds"
#define TH_CLI ST_BUILD_DIR "/asan/storytrack"
int th_have_seeds(void);
/* A fresh empty directory under build/tmp; returns a static path copy in out[256]. */
void th_tmpdir(const char *tag, char out[256]);
/* A fresh empty store for a test, in out[512]: "dir/name.db" normally; under
 * `make test-pg` (ST_TEST_PG holds a server's URL) a new PostgreSQL database
 * named after the process, a counter and name, as a postgresql:// URL.
 * Either way, pass it to st_db_open or the CLI's --db. */
void th_db(const char *dir, const char *name, char out[512]);
/* Whether the tests run against PostgreSQL (make test-pg). */
int th_pg(void);
/* Reads a whole file; caller frees. NULL when missing. */
char *th_read_file(const char *path, size_t *len);
int th_write_file(const char *path, const char *data, size_t len);
/* Runs a shell command, captures stdout (caller frees *out when non-NULL) and
 * returns its exit status (or -1). stderr goes to *err when err is non-NULL. */
int th_sh(const char *cmd, char **out, char **err);

#endif
