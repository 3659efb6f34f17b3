/* test_reliability_crash.c — SIGKILL at random points, then nothing lost,
 * nothing twice, nothing broken:
 *  - the CLI (`storytrack ingest`, the ASan build) over a larger JSON Lines
 *    file, killed repeatedly: integrity and FTS checks pass, no duplicates,
 *    the stored count never goes down, and a last full run stores exactly
 *    the rest (its "ingested K" + what was there = the whole input);
 *  - the HTTP server under POST /api/articles (in a forked child, since the
 *    CLI's `serve` may not be wired yet), killed mid-stream: every article
 *    the server answered for is stored, once; re-posting all completes the set. */
#include <curl/curl.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "store_check.h"
#include "store/db.h"
#include "store/pg/pg.h"
#include "util/util.h"

#define N_CLI 1200
#define N_POST 300

static const char *words[] = {"minister", "talks", "border", "rain", "market", "election",
                              "river", "council", "strike", "harbour", "festival", "vaccine",
                              "budget", "railway", "drought", "summit", "court", "school",
                              "flood", "tariff", "ceasefire", "protest", "museum", "airport"};

/* One distinct article as a JSON object (no newline). */
static void article_json(st_buf *b, const char *prefix, int i, unsigned *seed)
{
    st_buf_printf(b, "{\"id\":\"%s%d\",\"title\":\"Report %d on the %s\",\"language\":\"en\","
                     "\"date_publish\":\"2024-03-%02d 10:00:00\",\"maintext\":\"",
                  prefix, i, i, words[i % 24], 1 + i % 28);
    for (int w = 0; w < 50; w++) {
        *seed = *seed * 1103515245u + 12345u;
        st_buf_printf(b, "%s%s ", words[(*seed >> 16) % 24], w % 10 == 9 ? "." : "");
    }
    st_buf_printf(b, "Item %d of the %s series ends here.\"}", i, prefix);
}

/* The full-text index matches the articles row for row: SQLite's
 * external-content FTS5 check, or on PostgreSQL every stored tsvector equal
 * to the one its row's text gives now. */
static void check_search_index(st_db *db)
{
    if (db->pg) {
        CHECK_INT(th_count_where(db,
                              "SELECT count(*) FROM articles WHERE fts IS DISTINCT FROM"
                              " to_tsvector(st_ts_config(language),"
                              " coalesce(title, '') || ' ' || body)",
                              NULL),
                  0);
        return;
    }
    CHECK_INT(st_db_exec(db, "INSERT INTO articles_fts(articles_fts, rank) "
                             "VALUES('integrity-check', 1)",
                         NULL, 0),
              ST_OK);
}

/* Integrity of the file and of the full-text index, and no duplicates;
 * returns the article count (-1 when the database cannot be opened). */
static int check_db(const char *path)
{
    st_db *db = NULL;
    CHECK_INT(st_db_open(path, &db, NULL, 0), ST_OK);
    if (!db)
        return -1;
    th_check_integrity(db);
    check_search_index(db);
    CHECK_INT(th_count_where(db, "SELECT count(*) - count(DISTINCT ext_id) FROM articles", NULL), 0);
    CHECK_INT(th_count_where(db, "SELECT count(*) FROM articles WHERE ext_id IS NULL", NULL), 0);
    int n = th_count_where(db, "SELECT count(*) FROM articles", NULL);
    st_db_close(db);
    return n;
}

/* ------------------------------------------------------------ the CLI */

static pid_t spawn_cli_ingest(const char *db, const char *input)
{
    pid_t pid = fork();
    if (pid == 0) {
        FILE *devnull = freopen("/dev/null", "w", stdout);
        (void)devnull;
        devnull = freopen("/dev/null", "w", stderr);
        (void)devnull;
        execl(TH_CLI, TH_CLI, "ingest", "--db", db, "--quiet", input, (char *)NULL);
        _exit(127);
    }
    return pid;
}

static void t_kill_cli_ingest(void)
{
    char dir[256], db[512], input[300];
    th_tmpdir("relcrash-cli", dir);
    th_db(dir, "c", db);
    snprintf(input, sizeof input, "%s/in.jsonl", dir);
    st_buf b = {0};
    unsigned seed = 11;
    for (int i = 0; i < N_CLI; i++) {
        article_json(&b, "cli", i, &seed);
        st_buf_putc(&b, '\n');
    }
    CHECK_INT(th_write_file(input, b.s, b.len), 0);
    st_buf_free(&b);
    srand((unsigned)time(NULL) ^ (unsigned)getpid());
    int before = 0, killed_mid = 0;
    for (int round = 0; round < 3; round++) {
        pid_t pid = spawn_cli_ingest(db, input);
        /* Random points: from opening the database to deep into the work. */
        usleep((useconds_t)(50 + rand() % 900) * 1000);
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == 0) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            killed_mid++;
        }
        int n = check_db(db);
        CHECK(n >= before); /* committed articles are never lost */
        before = n;
        if (n == N_CLI)
            break;
    }
    CHECK(killed_mid > 0);
    /* A full run stores exactly what is missing and nothing twice. */
    char cmd[1200], *out = NULL;
    snprintf(cmd, sizeof cmd, "%s ingest --db '%s' --quiet %s 2>/dev/null", TH_CLI, db, input);
    CHECK_INT(th_sh(cmd, &out, NULL), 0);
    size_t got = 0, dups = 0;
    CHECK(out && sscanf(out, "ingested %zu, duplicates %zu", &got, &dups) == 2);
    CHECK_INT((int)got + before, N_CLI);
    CHECK_INT(dups, before);
    free(out);
    CHECK_INT(check_db(db), N_CLI);
}

/* ------------------------------------------------------------ the server */

static pid_t spawn_server(const char *db, unsigned *port)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        st_server_opts o = {0};
        o.db_path = db;
        o.threads = 2;
        st_server *s = NULL;
        char err[256];
        unsigned p = 0;
        if (st_server_start(&o, &s, err, sizeof err) == ST_OK)
            p = st_server_port(s);
        if (write(fds[1], &p, sizeof p) != (ssize_t)sizeof p)
            _exit(2);
        close(fds[1]);
        for (;;)
            pause(); /* until SIGKILL */
    }
    close(fds[1]);
    *port = 0;
    if (read(fds[0], port, sizeof *port) != (ssize_t)sizeof *port)
        *port = 0;
    close(fds[0]);
    return pid;
}

static size_t sink(char *p, size_t size, size_t n, void *ud)
{
    st_buf_append(ud, p, size * n);
    return size * n;
}

/* POSTs body; returns the HTTP status (0 when there was no answer) and the
 * answer in *resp (caller frees; may be NULL). */
static long post_body(CURL *c, unsigned port, const char *body, char **resp)
{
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%u/api/articles", port);
    st_buf b = {0};
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, sink);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &b);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
    long status = 0;
    if (curl_easy_perform(c) != CURLE_OK ||
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status) != CURLE_OK)
        status = 0;
    *resp = st_buf_take(&b);
    return status;
}

/* POSTs one article; 1 when the server answered that it holds it
 * (201 stored, or 200 already stored). */
static int post_one(CURL *c, unsigned port, const char *json)
{
    char *resp = NULL;
    long status = post_body(c, port, json, &resp);
    int ok = (status == 201 || status == 200) && resp &&
             (strstr(resp, "\"stored\":1") || strstr(resp, "\"duplicates\":1"));
    free(resp);
    return ok;
}

static void t_kill_server_posts(void)
{
    char dir[256], db[512];
    th_tmpdir("relcrash-srv", dir);
    th_db(dir, "s", db);
    char **docs = calloc(N_POST, sizeof *docs);
    unsigned char *acked = calloc(N_POST, 1);
    unsigned seed = 5;
    for (int i = 0; i < N_POST; i++) {
        st_buf b = {0};
        article_json(&b, "srv", i, &seed);
        docs[i] = st_buf_take(&b);
    }
    CURL *c = curl_easy_init();
    CHECK(c != NULL);
    int next = 0, rounds = 0;
    for (int round = 0; round < 3 && c && next < N_POST; round++) {
        unsigned port = 0;
        pid_t pid = spawn_server(db, &port);
        CHECK(pid > 0 && port > 0);
        if (pid <= 0 || !port)
            break;
        /* The killer: a child that waits a random time, then SIGKILLs the
         * server while this process is in the middle of posting. */
        useconds_t delay = (useconds_t)(200 + rand() % 800) * 1000;
        pid_t killer = fork();
        if (killer == 0) {
            usleep(delay);
            kill(pid, SIGKILL);
            _exit(0);
        }
        while (next < N_POST && post_one(c, port, docs[next]))
            acked[next++] = 1;
        int status = 0;
        waitpid(killer, &status, 0);
        kill(pid, SIGKILL); /* when posting ended first */
        waitpid(pid, &status, 0);
        rounds++;
        /* Every article answered for is there, once. */
        CHECK(check_db(db) >= next);
        st_db *d = NULL;
        CHECK_INT(st_db_open(db, &d, NULL, 0), ST_OK);
        int missing = 0;
        for (int i = 0; d && i < N_POST; i++) {
            char id[32];
            snprintf(id, sizeof id, "srv%d", i);
            if (acked[i] && th_count_where(d, "SELECT count(*) FROM articles WHERE ext_id=$1", id) != 1)
                missing++;
        }
        st_db_close(d);
        CHECK_INT(missing, 0);
        next = next > 0 ? next - 1 : 0; /* re-send the one in flight: it may or may not be in */
    }
    CHECK(rounds > 0);
    /* A server that is left alone takes the whole set in one JSON Lines
     * upload: what was missing is stored, the rest is answered as
     * duplicates, nothing is stored twice. */
    int present = check_db(db);
    st_buf all = {0};
    for (int i = 0; i < N_POST; i++) {
        st_buf_puts(&all, docs[i]);
        st_buf_putc(&all, '\n');
    }
    unsigned port = 0;
    pid_t pid = spawn_server(db, &port);
    char *resp = NULL;
    long status_code = port ? post_body(c, port, st_buf_cstr(&all), &resp) : 0;
    CHECK(status_code == 201 || (status_code == 200 && present == N_POST));
    long stored = -1, dups = -1;
    const char *p = resp ? strstr(resp, "\"stored\":") : NULL;
    const char *q = resp ? strstr(resp, "\"duplicates\":") : NULL;
    if (p && q) {
        stored = strtol(p + 9, NULL, 10);
        dups = strtol(q + 13, NULL, 10);
    }
    CHECK_INT(stored, N_POST - present);
    CHECK_INT(dups, present);
    free(resp);
    st_buf_free(&all);
    int status = 0;
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    CHECK_INT(check_db(db), N_POST);
    curl_easy_cleanup(c);
    for (int i = 0; i < N_POST; i++)
        free(docs[i]);
    free(docs);
    free(acked);
}

int main(void)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
    RUN(t_kill_cli_ingest);
    RUN(t_kill_server_posts);
    curl_global_cleanup();
    TEST_MAIN_END;
}
