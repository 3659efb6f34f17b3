/* bench/load.c — the server under sustained mixed load on loopback:
 * CLIENTS concurrent clients for SECONDS, each looping over
 * POST /api/articles (one new article, 1 request in 4) and
 * GET /api/stories?limit=N. Reports throughput and p50/p99 per kind, the
 * errors (any non-2xx answer or transport failure), and the articles lost:
 * every POST answered 201 must be in the database afterwards, once.
 * The peer, measured in the same run, is one client alone for a few seconds:
 * the ratio says what concurrency buys (and what it costs in p99).
 *
 * Usage: load [--clients N] [--seconds S] [--soak 1] [--url http://HOST:PORT --db FILE]
 * Without --url it starts the server in-process over a fresh database.
 * --soak 1 runs the load phase twice and fails when the process's open
 * descriptors grew between the two (memory is printed to compare). */
#include <curl/curl.h>
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "storytrack.h"
#include "store/db.h"

#define POST_EVERY 4

typedef struct lat {
    double *v;
    size_t n, cap;
} lat;

typedef struct client {
    int id;
    const char *base, *tag;
    double until;
    lat get, post;
    size_t errors, acked;
    char first_error[160];
} client;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void lat_add(lat *l, double ms)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 1024;
        double *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = ms;
}

static size_t keep_head(char *p, size_t sz, size_t n, void *ud)
{
    char *buf = ud; /* the first 255 bytes of the answer, for error messages */
    size_t have = strlen(buf), k = sz * n;
    if (have < 255)
        strncat(buf, p, k < 255 - have ? k : 255 - have);
    return sz * n;
}

static void fail(client *c, const char *what, long status, const char *body)
{
    c->errors++;
    if (!c->first_error[0])
        snprintf(c->first_error, sizeof c->first_error, "%s: %ld %.100s", what, status, body);
}

static void *run_client(void *arg)
{
    client *c = arg;
    CURL *h = curl_easy_init();
    if (!h) {
        fail(c, "curl_easy_init", 0, "");
        return NULL;
    }
    char url[256], body[768], head[256];
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, keep_head);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, head);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    for (unsigned seq = 0; now() < c->until; seq++) {
        int post = seq % POST_EVERY == (unsigned)c->id % POST_EVERY;
        head[0] = '\0';
        if (post) {
            snprintf(url, sizeof url, "%s/api/articles", c->base);
            snprintf(body, sizeof body,
                     "{\"id\":\"%s-%d-%u\",\"title\":\"Load test %d %u: council votes on "
                     "harbour budget\",\"language\":\"en\",\"date_publish\":\"2024-06-%02u\","
                     "\"maintext\":\"Client %d of run %s posts article %u. The harbour council voted on "
                     "the budget after a long debate about the railway and the flood wall. "
                     "Officials said %u residents attended.\"}",
                     c->tag, c->id, seq, c->id, seq, 1 + seq % 28, c->id, c->tag, seq, seq * 7 + 3);
            curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
        } else {
            /* A varying page size keeps the server's cache from answering. */
            snprintf(url, sizeof url, "%s/api/stories?limit=%u", c->base, 1 + seq % 50);
            curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
        }
        curl_easy_setopt(h, CURLOPT_URL, url);
        double t0 = now();
        CURLcode rc = curl_easy_perform(h);
        double ms = (now() - t0) * 1e3;
        long status = 0;
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
        if (rc != CURLE_OK) {
            fail(c, curl_easy_strerror(rc), 0, "");
            continue;
        }
        if (post) {
            lat_add(&c->post, ms);
            if (status == 201 && strstr(head, "\"stored\":1"))
                c->acked++;
            else
                fail(c, "POST", status, head);
        } else {
            lat_add(&c->get, ms);
            if (status != 200)
                fail(c, "GET", status, head);
        }
    }
    curl_easy_cleanup(h);
    return NULL;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double pct(lat *l, double p)
{
    if (!l->n)
        return 0;
    qsort(l->v, l->n, sizeof *l->v, by_value);
    size_t i = (size_t)(p / 100.0 * (double)(l->n - 1) + 0.5);
    return l->v[i];
}

typedef struct result {
    size_t gets, posts, errors, acked, stored;
    double seconds, get_p50, get_p99, post_p50, post_p99;
} result;

/* Articles with ids "<tag>-..." in the database, or -1. */
static long count_stored(const char *db_path, const char *tag)
{
    st_db *db = NULL;
    if (st_db_open(db_path, &db, NULL, 0) != ST_OK)
        return -1;
    long n = -1;
    sqlite3_stmt *st = st_db_prepare(db, "SELECT count(*), count(DISTINCT ext_id) FROM articles "
                                         "WHERE ext_id LIKE ?1 || '-%'");
    if (st && sqlite3_bind_text(st, 1, tag, -1, SQLITE_TRANSIENT) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0) == sqlite3_column_int64(st, 1)
                ? sqlite3_column_int64(st, 0)
                : -2; /* stored twice */
    sqlite3_finalize(st);
    st_db_close(db);
    return n;
}

static result run_phase(const char *base, const char *db_path, const char *tag, int nclients,
                        double seconds)
{
    result r = {0};
    client *cs = calloc((size_t)nclients, sizeof *cs);
    pthread_t *th = calloc((size_t)nclients, sizeof *th);
    if (!cs || !th) {
        fprintf(stderr, "load: out of memory\n");
        exit(1);
    }
    double t0 = now();
    for (int i = 0; i < nclients; i++) {
        cs[i] = (client){.id = i, .base = base, .tag = tag, .until = t0 + seconds};
        if (pthread_create(&th[i], NULL, run_client, &cs[i]) != 0) {
            fprintf(stderr, "load: cannot start client %d\n", i);
            exit(1);
        }
    }
    lat get = {0}, post = {0};
    const char *first = NULL;
    for (int i = 0; i < nclients; i++) {
        pthread_join(th[i], NULL);
        for (size_t k = 0; k < cs[i].get.n; k++)
            lat_add(&get, cs[i].get.v[k]);
        for (size_t k = 0; k < cs[i].post.n; k++)
            lat_add(&post, cs[i].post.v[k]);
        r.errors += cs[i].errors;
        r.acked += cs[i].acked;
        if (!first && cs[i].first_error[0])
            first = cs[i].first_error;
    }
    r.seconds = now() - t0;
    if (first)
        fprintf(stderr, "load: first error: %s\n", first);
    r.gets = get.n;
    r.posts = post.n;
    r.get_p50 = pct(&get, 50);
    r.get_p99 = pct(&get, 99);
    r.post_p50 = pct(&post, 50);
    r.post_p99 = pct(&post, 99);
    long stored = count_stored(db_path, tag);
    r.stored = stored < 0 ? 0 : (size_t)stored;
    if (stored == -2)
        fprintf(stderr, "load: an article was stored twice\n");
    for (int i = 0; i < nclients; i++) {
        free(cs[i].get.v);
        free(cs[i].post.v);
    }
    free(get.v);
    free(post.v);
    free(cs);
    free(th);
    return r;
}

/* Open descriptors and resident memory of this process (which holds the
 * in-process server): they should come back flat after a phase. */
static int count_fds(void)
{
    int n = 0;
    DIR *d = opendir("/proc/self/fd");
    if (!d)
        return -1;
    while (readdir(d))
        n++;
    closedir(d);
    return n - 3; /* ".", ".." and the DIR's own descriptor */
}

static long rss_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "VmRSS: %ld", &kb) == 1)
            break;
    if (f)
        fclose(f);
    return kb;
}

static void report(const char *name, int clients, const result *r)
{
    double total = (double)(r->gets + r->posts);
    printf("%-8s %4d clients %5.1f s: %8.0f req/s (GET %zu, POST %zu) | GET p50 %.1f p99 %.1f ms | "
           "POST p50 %.1f p99 %.1f ms | errors %zu | acked %zu stored %zu lost %zd\n",
           name, clients, r->seconds, total / r->seconds, r->gets, r->posts, r->get_p50,
           r->get_p99, r->post_p50, r->post_p99, r->errors, r->acked, r->stored,
           (ssize_t)r->acked - (ssize_t)r->stored);
}

int main(int argc, char **argv)
{
    int clients = 200;
    double seconds = 60;
    const char *url = NULL, *db_path = NULL;
    int soak = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--clients"))
            clients = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--seconds"))
            seconds = atof(argv[i + 1]);
        else if (!strcmp(argv[i], "--url"))
            url = argv[i + 1];
        else if (!strcmp(argv[i], "--db"))
            db_path = argv[i + 1];
        else if (!strcmp(argv[i], "--soak"))
            soak = atoi(argv[i + 1]);
    }
    if (clients < 1 || seconds <= 0 || (url && !db_path)) {
        fprintf(stderr, "usage: load [--clients N] [--seconds S] [--soak 1] [--url URL --db FILE]\n");
        return 2;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    st_server *srv = NULL;
    char base[128], dbtmp[128];
    if (!url) {
        snprintf(dbtmp, sizeof dbtmp, "/tmp/st-load-%d.db", (int)getpid());
        db_path = dbtmp;
        st_server_opts o = {.db_path = db_path, .threads = 4};
        char err[256];
        if (st_server_start(&o, &srv, err, sizeof err) != ST_OK) {
            fprintf(stderr, "load: %s\n", err);
            return 1;
        }
        snprintf(base, sizeof base, "http://127.0.0.1:%u", st_server_port(srv));
        url = base;
    }
    /* Ids and texts of each phase are new (neither is a prefix of the other),
     * so every POST is a new article, never a duplicate. */
    char tag[64], tag1[64];
    snprintf(tag, sizeof tag, "many%ld", (long)time(NULL));
    snprintf(tag1, sizeof tag1, "solo%ld", (long)time(NULL));
    result solo = run_phase(url, db_path, tag1, 1, seconds < 5 ? seconds : 5);
    int fd0 = count_fds();
    long rss0 = rss_kb();
    result many = run_phase(url, db_path, tag, clients, seconds);
    /* A second, equal phase: descriptors and memory must not keep growing. */
    int fd1 = count_fds();
    long rss1 = rss_kb();
    char tag2[72];
    snprintf(tag2, sizeof tag2, "%sb", tag);
    result again = soak ? run_phase(url, db_path, tag2, clients, seconds) : many;
    int fd2 = count_fds();
    long rss2 = rss_kb();
    report("peer", 1, &solo);
    report("load", clients, &many);
    if (soak)
        report("again", clients, &again);
    printf("process fds %d -> %d -> %d, rss %ld -> %ld -> %ld kB%s\n", fd0, fd1, fd2, rss0 / 1,
           rss1, rss2, srv ? "" : " (client side only: the server is another process)");
    double t1 = (double)(solo.gets + solo.posts) / solo.seconds;
    double tn = (double)(many.gets + many.posts) / many.seconds;
    printf("ratio load/peer: throughput x%.2f, GET p99 x%.1f, POST p99 x%.1f\n",
           t1 > 0 ? tn / t1 : 0, solo.get_p99 > 0 ? many.get_p99 / solo.get_p99 : 0,
           solo.post_p99 > 0 ? many.post_p99 / solo.post_p99 : 0);
    st_server_stop(srv);
    if (srv) {
        char p[160];
        remove(db_path);
        snprintf(p, sizeof p, "%s-wal", db_path);
        remove(p);
        snprintf(p, sizeof p, "%s-shm", db_path);
        remove(p);
    }
    curl_global_cleanup();
    int ok = !solo.errors && !many.errors && !again.errors && solo.acked == solo.stored &&
             many.acked == many.stored && again.acked == again.stored &&
             (!soak || fd2 <= fd1 + 2);
    fflush(stderr);
    printf("%s\n", ok ? "PASS: no error, no lost article" : "FAIL");
    return ok ? 0 : 1;
}
