/* harness.c — counting, fixtures and subprocesses for the test programs. */
#include <errno.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "store/pg/pg.h"

int th_failed_checks, th_passed, th_failed;

void th_run(const char *name, void (*fn)(void))
{
    th_failed_checks = 0;
    fn();
    if (th_failed_checks) {
        th_failed++;
        printf("not ok - %s\n", name);
    } else {
        th_passed++;
        printf("ok - %s\n", name);
    }
    fflush(stdout);
}

int th_end(const char *prog)
{
    printf("# %s: %d passed, %d failed\n", prog, th_passed, th_failed);
    return th_failed ? 1 : 0;
}

int th_have_seeds(void)
{
    struct stat st;
    return stat(TH_SEEDS, &st) == 0 && S_ISDIR(st.st_mode);
}

void th_tmpdir(const char *tag, char out[256])
{
    static int counter;
    mkdir("build", 0755);
    mkdir("build/tmp", 0755);
    snprintf(out, 256, "build/tmp/%s-%d-%d", tag, (int)getpid(), counter++);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", out);
    if (system(cmd) != 0 || mkdir(out, 0755) != 0)
        fprintf(stderr, "th_tmpdir: cannot make %s: %s\n", out, strerror(errno));
}

int th_pg(void)
{
    const char *url = getenv("ST_TEST_PG");
    return url && *url;
}

void th_db(const char *dir, const char *name, char out[512])
{
    static int counter;
    if (!th_pg()) {
        snprintf(out, 512, "%s/%s.db", dir, name);
        return;
    }
    char db[96], err[256];
    snprintf(db, sizeof db, "t_%d_%d_%.40s", (int)getpid(), counter++, name);
    if (st_pg_fresh_database(getenv("ST_TEST_PG"), db, out, 512, err, sizeof err) != ST_OK)
        fprintf(stderr, "th_db: %s\n", err);
}

char *th_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *s = malloc(cap);
    size_t r;
    while (s && (r = fread(s + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (cap - n < 2) {
            char *t = realloc(s, cap *= 2);
            if (!t) {
                free(s);
                s = NULL;
            } else {
                s = t;
            }
        }
    }
    fclose(f);
    if (s)
        s[n] = '\0';
    if (len)
        *len = n;
    return s;
}

int th_write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t w = fwrite(data, 1, len, f);
    return (fclose(f) == 0 && w == len) ? 0 : -1;
}

int th_sh(const char *cmd, char **out, char **err)
{
    char ofile[256], efile[256], full[4096];
    static int counter;
    mkdir("build", 0755);
    mkdir("build/tmp", 0755);
    snprintf(ofile, sizeof ofile, "build/tmp/sh-%d-%d.out", (int)getpid(), counter);
    snprintf(efile, sizeof efile, "build/tmp/sh-%d-%d.err", (int)getpid(), counter++);
    snprintf(full, sizeof full, "(%s) >%s 2>%s </dev/null", cmd, ofile, efile);
    int st = system(full);
    if (out)
        *out = th_read_file(ofile, NULL);
    if (err)
        *err = th_read_file(efile, NULL);
    unlink(ofile);
    unlink(efile);
    if (st == -1)
        return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
