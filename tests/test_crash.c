/* test_crash.c — SIGKILL during ingest: the database passes integrity_check,
 * holds every article the child reported committed, none twice, and a
 * re-run completes the rest. */
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "store_check.h"
#include "store/db.h"
#include "store/pg/pg.h"

#define N_ARTICLES 1500

static const char *words[] = {"minister", "talks", "border", "rain", "market", "election",
                              "river", "council", "strike", "harbour", "festival", "vaccine",
                              "budget", "railway", "drought", "summit", "court", "school"};

static void make_input(const char *path)
{
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    unsigned seed = 7;
    for (int i = 0; i < N_ARTICLES; i++) {
        fprintf(f, "{\"id\":\"c%d\",\"title\":\"Report %d\",\"maintext\":\"", i, i);
        for (int w = 0; w < 60; w++) {
            seed = seed * 1103515245u + 12345u;
            fprintf(f, "%s%s ", words[(seed >> 16) % 18], w % 12 == 11 ? "." : "");
        }
        fprintf(f, "Item %d ends here.\"}\n", i);
    }
    fclose(f);
}

typedef struct child_ctx {
    st_pipeline *p;
    FILE *log;
    char pending[64][32];
    size_t npending;
} child_ctx;

/* After each commit the child appends the ids it knows are durable. */
static int child_article(st_article *a, void *ud)
{
    child_ctx *c = ud;
    char id[32];
    snprintf(id, sizeof id, "%s", a->ext_id ? a->ext_id : "?");
    size_t before = st_pipeline_stats(c->p)->stored;
    int rc = st_pipeline_add(c->p, a, NULL, 0);
    if (rc == ST_OK && st_pipeline_stats(c->p)->stored > before && c->npending < 64)
        snprintf(c->pending[c->npending++], 32, "%s", id);
    if (c->npending == 16) {
        st_pipeline_flush(c->p);
        for (size_t i = 0; i < c->npending; i++)
            fprintf(c->log, "%s\n", c->pending[i]);
        fflush(c->log);
        fsync(fileno(c->log));
        c->npending = 0;
    }
    return 0;
}

static void run_child(const char *dbpath, const char *input, const char *logpath)
{
    st_db *db = NULL;
    st_config cfg;
    st_config_default(&cfg);
    cfg.batch_size = 1000; /* commits happen only at the explicit flushes */
    child_ctx c = {0};
    if (st_db_open(dbpath, &db, NULL, 0) != ST_OK ||
        st_pipeline_new(db, &cfg, NULL, &c.p, NULL, 0) != ST_OK)
        _exit(3);
    c.log = fopen(logpath, "a");
    st_ingest_opts io = {0};
    st_ingest_path(input, &io, child_article, &c, NULL);
    st_pipeline_free(c.p);
    st_db_close(db);
    _exit(0);
}

static void t_kill_mid_ingest(void)
{
    char dir[256], dbpath[512], input[300], logpath[300];
    th_tmpdir("crash", dir);
    th_db(dir, "c", dbpath);
    snprintf(input, sizeof input, "%s/in.jsonl", dir);
    snprintf(logpath, sizeof logpath, "%s/committed.log", dir);
    make_input(input);
    srand((unsigned)time(NULL));
    for (int round = 0; round < 3; round++) {
        pid_t pid = fork();
        if (pid == 0)
            run_child(dbpath, input, logpath);
        /* Let it get well into the work, then kill it without warning. */
        usleep(300000 + (useconds_t)(rand() % 700) * 1000);
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        st_db *db = NULL;
        CHECK_INT(st_db_open(dbpath, &db, NULL, 0), ST_OK);
        if (!db)
            return;
        th_check_integrity(db);
        CHECK_INT(th_count_where(db, "SELECT count(*) - count(DISTINCT ext_id) FROM articles", NULL), 0);
        size_t len = 0, missing = 0, reported = 0;
        char *log = th_read_file(logpath, &len);
        for (char *line = log ? strtok(log, "\n") : NULL; line; line = strtok(NULL, "\n")) {
            reported++;
            if (th_count_where(db, "SELECT count(*) FROM articles WHERE ext_id=$1", line) != 1)
                missing++;
        }
        free(log);
        CHECK_INT(missing, 0);
        CHECK((size_t)th_count_where(db, "SELECT count(*) FROM articles", NULL) >= reported);
        st_db_close(db);
    }
    /* A full run afterwards completes the set without duplicates. */
    pid_t pid = fork();
    if (pid == 0)
        run_child(dbpath, input, logpath);
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    st_db *db = NULL;
    CHECK_INT(st_db_open(dbpath, &db, NULL, 0), ST_OK);
    CHECK_INT(th_count_where(db, "SELECT count(*) FROM articles", NULL), N_ARTICLES);
    st_db_close(db);
}

int main(void)
{
    RUN(t_kill_mid_ingest);
    TEST_MAIN_END;
}
