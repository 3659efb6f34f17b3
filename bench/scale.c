/* bench/scale.c — articles/s through a Redis stream with 1, 2 and 4 workers
 * (forked processes, one consumer group), against the same articles stored
 * by one process without a stream (the peer). Each worker writes its own
 * SQLite file: SQLite has one writer per database, so workers sharing one
 * file would measure the lock, not the workers.
 *
 *   usage: scale --port P --dir D [--copies K] [--workers 1,2,4] [CORPUS...]
 *
 * The corpus (default examples/corpus) is repeated K times with a distinct
 * id, URL and first sentence per copy, so every entry is a new article. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "storytrack.h"
#include "stream/stream.h"
#include "util/util.h"

typedef struct corpus {
    st_article **a;
    size_t n, cap;
    char **json; /* the entries: copies of every article */
    size_t *lens, njson;
} corpus;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int keep(st_article *a, void *ud)
{
    corpus *c = ud;
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 64;
        c->a = realloc(c->a, c->cap * sizeof *c->a);
        if (!c->a)
            abort();
    }
    c->a[c->n++] = a;
    return 0;
}

static char *cat(const char *a, const char *b)
{
    st_buf x = {0};
    st_buf_printf(&x, "%s%s", a ? a : "", b);
    return st_buf_take(&x);
}

/* a's publish time moved k x 45 days: copies fall in different event and
 * story windows instead of piling into the same clusters. */
static void shift_date(const st_article *a, size_t k, char out[32])
{
    double d = a->published ? st_date_days(a->published) : -1e9;
    time_t t = (time_t)((d > -1e8 ? d : 19700.0) + 45.0 * (double)k) * 86400;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT12:00:00Z", &tm);
}

/* Copy k of article a as an entry: new id, URL, date and opening sentence. */
static char *copy_json(const st_article *a, size_t k)
{
    char tag[64], lead[96], date[32];
    shift_date(a, k, date);
    snprintf(tag, sizeof tag, "-copy%zu", k);
    snprintf(lead, sizeof lead, "Dispatch %zu. ", k);
    st_article c = *a;
    c.ext_id = cat(a->ext_id, tag);
    c.url = a->url ? cat(a->url, tag) : NULL;
    c.published = date;
    st_buf body = {0};
    st_buf_printf(&body, "%s%s", lead, a->body);
    c.body = st_buf_take(&body);
    char *json = st_article_to_json(&c);
    free(c.ext_id);
    free(c.url);
    free(c.body);
    return json;
}

static void make_entries(corpus *c, size_t copies)
{
    c->njson = c->n * copies;
    c->json = calloc(c->njson, sizeof *c->json);
    c->lens = calloc(c->njson, sizeof *c->lens);
    for (size_t k = 0, j = 0; k < copies; k++)
        for (size_t i = 0; i < c->n; i++, j++) {
            c->json[j] = copy_json(c->a[i], k);
            c->lens[j] = strlen(c->json[j]);
        }
}

static int add_to_pipeline(st_article *a, void *ud)
{
    char err[256];
    st_pipeline_add(ud, a, err, sizeof err);
    return 0;
}

/* The peer: the same entries, parsed and stored by one process, no stream. */
static double run_direct(const corpus *c, const char *dir)
{
    char path[512], err[512];
    snprintf(path, sizeof path, "%s/direct.db", dir);
    double t0 = now_s();
    st_db *db = NULL;
    st_pipeline *p = NULL;
    if (st_db_open(path, &db, err, sizeof err) != ST_OK ||
        st_pipeline_new(db, NULL, NULL, &p, err, sizeof err) != ST_OK) {
        fprintf(stderr, "direct: %s\n", err);
        exit(1);
    }
    st_ingest_opts io = {.format = ST_FORMAT_JSONL};
    for (size_t i = 0; i < c->njson; i++)
        st_ingest_buffer("entry", c->json[i], c->lens[i], &io, add_to_pipeline, p, NULL);
    size_t stored = st_pipeline_stats(p)->stored;
    st_pipeline_free(p);
    st_db_close(db);
    double dt = now_s() - t0;
    printf("%-22s %8.2f s %8.0f articles/s  (stored %zu)\n", "direct, no stream", dt,
           c->njson / dt, stored);
    return c->njson / dt;
}

static void publish_all(const corpus *c, const char *url)
{
    char err[512];
    st_stream *s = NULL;
    double t0 = now_s();
    if (st_stream_open(url, &s, err, sizeof err) != ST_OK) {
        fprintf(stderr, "publish: %s\n", err);
        exit(1);
    }
    for (size_t i = 0; i < c->njson; i += 64) {
        size_t n = c->njson - i < 64 ? c->njson - i : 64;
        if (s->ops->publish(s, (const char *const *)c->json + i, c->lens + i, n, err,
                            sizeof err) != ST_OK) {
            fprintf(stderr, "publish: %s\n", err);
            exit(1);
        }
    }
    st_stream_close(s);
    double dt = now_s() - t0;
    printf("%-22s %8.2f s %8.0f entries/s  (XADD, pipelined by 64)\n", "publish", dt,
           c->njson / dt);
}

/* A forked worker: drains the group, writes its stats to fd, exits. */
static void child(const char *url, const char *dir, int workers, int i, int fd)
{
    char db[512], consumer[32], err[512];
    snprintf(db, sizeof db, "%s/w%d-%d.db", dir, workers, i);
    snprintf(consumer, sizeof consumer, "c%d", i);
    st_worker_opts o = {.stream = url, .group = "g", .consumer = consumer, .db_path = db,
                        .block_ms = 100, .drain = 1};
    st_worker_stats st;
    int rc = st_worker_run(&o, &st, err, sizeof err);
    if (rc != ST_OK)
        fprintf(stderr, "worker %d: %s\n", i, err);
    if (write(fd, &st, sizeof st) != (ssize_t)sizeof st)
        rc = ST_EIO;
    _exit(rc == ST_OK ? 0 : 1);
}

static double run_workers(const corpus *c, unsigned port, const char *dir, int workers,
                          double base)
{
    char url[128];
    snprintf(url, sizeof url, "redis://127.0.0.1:%u/scale-%d", port, workers);
    publish_all(c, url);
    int fds[2];
    if (pipe(fds) != 0)
        exit(1);
    fflush(NULL);
    double t0 = now_s();
    for (int i = 0; i < workers; i++)
        if (fork() == 0)
            child(url, dir, workers, i, fds[1]);
    close(fds[1]);
    int failed = 0, status;
    for (int i = 0; i < workers; i++)
        if (wait(&status) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
            failed++;
    double dt = now_s() - t0;
    st_worker_stats sum = {0}, st;
    char split[256] = "";
    size_t used = 0;
    while (read(fds[0], &st, sizeof st) == (ssize_t)sizeof st) {
        sum.entries += st.entries;
        sum.stored += st.stored;
        sum.duplicates += st.duplicates;
        used += (size_t)snprintf(split + used, sizeof split - used, "%s%zu", used ? "/" : "",
                                 st.entries);
        if (used >= sizeof split)
            used = sizeof split - 1;
    }
    close(fds[0]);
    double rate = c->njson / dt;
    printf("%d worker%s %13.2f s %8.0f articles/s  %.2fx  (entries %s; stored %zu, lost %zd,"
           " twice %zu%s)\n",
           workers, workers > 1 ? "s" : " ", dt, rate, base ? rate / base : 1.0, split,
           sum.stored, (ssize_t)c->njson - (ssize_t)sum.entries, sum.duplicates,
           failed ? ", A WORKER FAILED" : "");
    return rate;
}

int main(int argc, char **argv)
{
    unsigned port = 0;
    const char *dir = NULL, *list = "1,2,4";
    size_t copies = 20;
    corpus c = {0};
    int i = 1;
    for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
        if (!strcmp(argv[i], "--port")) port = (unsigned)atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--dir")) dir = argv[i + 1];
        else if (!strcmp(argv[i], "--copies")) copies = (size_t)atol(argv[i + 1]);
        else if (!strcmp(argv[i], "--workers")) list = argv[i + 1];
    }
    if (!port || !dir || !copies) {
        fprintf(stderr, "usage: scale --port P --dir D [--copies K] [--workers 1,2,4] [CORPUS...]\n");
        return 2;
    }
    if (i == argc)
        st_ingest_path("examples/corpus", NULL, keep, &c, NULL);
    for (; i < argc; i++)
        st_ingest_path(argv[i], NULL, keep, &c, NULL);
    make_entries(&c, copies);
    printf("%zu entries (%zu articles x %zu copies), %ld cores\n", c.njson, c.n, copies,
           sysconf(_SC_NPROCESSORS_ONLN));
    double direct = run_direct(&c, dir);
    double one = 0;
    for (const char *p = list; *p; p += strspn(p, ",")) {
        int w = atoi(p);
        p += strcspn(p, ",");
        if (w <= 0)
            continue;
        double r = run_workers(&c, port, dir, w, one);
        if (!one)
            one = r;
    }
    if (one)
        printf("ratio 1 worker / direct = %.2fx (the stream's cost per article)\n", one / direct);
    for (size_t k = 0; k < c.n; k++)
        st_article_free(c.a[k]);
    for (size_t k = 0; k < c.njson; k++)
        free(c.json[k]);
    free(c.a);
    free(c.json);
    free(c.lens);
    return 0;
}
