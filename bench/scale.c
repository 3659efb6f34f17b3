/* bench/scale.c — articles/s through a Redis stream with 1, 2 and 4 workers
 * (forked processes, one consumer group), against the same articles stored
 * by one process without a stream (the peer). With SQLite each worker
 * writes its own file: SQLite has one writer per database, so workers
 * sharing one file would measure the lock, not the workers. With --pg URL
 * every run shares one PostgreSQL database (the peer gets its own), and the
 * stored clustering is compared with the one process's: BCubed F1 of the
 * workers' events and stories taking the peer's as the reference.
 *
 *   usage: scale --port P --dir D [--pg URL] [--copies K] [--workers 1,2,4] [CORPUS...]
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

#include <jansson.h>

#include "cluster/eval.h"
#include "storytrack.h"
#include "store/pg/pg.h"
#include "stream/stream.h"
#include "util/util.h"

static const char *pg_url; /* --pg: the server; NULL = SQLite files */

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

/* The store of a run: a fresh PostgreSQL database, or a file in dir. */
static void store_path(const char *dir, const char *name, char out[512])
{
    char err[256];
    if (!pg_url) {
        snprintf(out, 512, "%s/%s.db", dir, name);
    } else if (st_pg_fresh_database(pg_url, name, out, 512, err, sizeof err) != ST_OK) {
        fprintf(stderr, "scale: %s\n", err);
        exit(1);
    }
}

/* The peer: the same entries, parsed and stored by one process, no stream. */
static double run_direct(const corpus *c, const char *dir, char path[512])
{
    char err[512];
    store_path(dir, "scale_direct", path);
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
static void child(const char *url, const char *shared, const char *dir, int workers, int i,
                  int fd)
{
    char db[512], consumer[32], err[512];
    if (shared)
        snprintf(db, sizeof db, "%s", shared);
    else
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

/* Event and story of every article, sorted by external id. */
typedef struct labels {
    char **key;
    int64_t *event, *story;
    size_t n;
} labels;

static int by_key(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void load_labels(const char *path, labels *l)
{
    st_db *db = NULL;
    char *doc = NULL, err[512];
    memset(l, 0, sizeof *l);
    if (st_db_open(path, &db, err, sizeof err) != ST_OK || st_db_articles_json(db, NULL, &doc)) {
        fprintf(stderr, "labels: %s\n", err);
        exit(1);
    }
    st_db_close(db);
    json_t *j = json_loads(doc, 0, NULL);
    free(doc);
    size_t n = json_array_size(j), i;
    json_t *x;
    /* key + "\t" + event + "\t" + story, sorted, then split: one sort for three arrays */
    char **rows = calloc(n ? n : 1, sizeof *rows);
    json_array_foreach(j, i, x) {
        st_buf b = {0};
        st_buf_printf(&b, "%s\t%lld\t%lld", json_string_value(json_object_get(x, "ext_id")),
                      (long long)json_integer_value(json_object_get(x, "event")),
                      (long long)json_integer_value(json_object_get(x, "story")));
        rows[i] = st_buf_take(&b);
    }
    json_decref(j);
    qsort(rows, n, sizeof *rows, by_key);
    l->key = rows;
    l->event = calloc(n ? n : 1, sizeof *l->event);
    l->story = calloc(n ? n : 1, sizeof *l->story);
    for (i = 0; i < n; i++) {
        char *t = strchr(rows[i], '\t');
        long long e = 0, s = 0;
        if (t && sscanf(t + 1, "%lld\t%lld", &e, &s) == 2)
            *t = '\0';
        l->event[i] = e;
        l->story[i] = s;
    }
    l->n = n;
}

static void free_labels(labels *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->key[i]);
    free(l->key);
    free(l->event);
    free(l->story);
}

/* How the shared store's clustering differs from the one process's. */
static void compare_with_direct(const char *direct, const char *shared)
{
    labels a, b;
    load_labels(direct, &a);
    load_labels(shared, &b);
    size_t unlinked = 0;
    for (size_t i = 0; i < b.n; i++)
        unlinked += b.event[i] == 0;
    st_eval ev = {0}, st = {0};
    if (a.n == b.n) {
        st_eval_labels(a.event, b.event, a.n, &ev);
        st_eval_labels(a.story, b.story, a.n, &st);
    }
    printf("%22s vs one process: %s event BCubed F1 %.3f, story %.3f; %zu unlinked\n", "",
           a.n == b.n ? "" : "(DIFFERENT ARTICLES)", ev.bc_f1, st.bc_f1, unlinked);
    free_labels(&a);
    free_labels(&b);
}

static double run_workers(const corpus *c, unsigned port, const char *dir, int workers,
                          double base, const char *direct)
{
    char url[128], shared[512] = "", name[32];
    snprintf(url, sizeof url, "redis://127.0.0.1:%u/scale-%d", port, workers);
    snprintf(name, sizeof name, "scale_w%d", workers);
    if (pg_url)
        store_path(dir, name, shared);
    publish_all(c, url);
    int fds[2];
    if (pipe(fds) != 0)
        exit(1);
    fflush(NULL);
    double t0 = now_s();
    for (int i = 0; i < workers; i++)
        if (fork() == 0)
            child(url, pg_url ? shared : NULL, dir, workers, i, fds[1]);
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
    if (pg_url)
        compare_with_direct(direct, shared);
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
        else if (!strcmp(argv[i], "--pg")) pg_url = argv[i + 1];
    }
    if (!port || !dir || !copies) {
        fprintf(stderr, "usage: scale --port P --dir D [--pg URL] [--copies K] [--workers 1,2,4]"
                        " [CORPUS...]\n");
        return 2;
    }
    if (i == argc)
        st_ingest_path("examples/corpus", NULL, keep, &c, NULL);
    for (; i < argc; i++)
        st_ingest_path(argv[i], NULL, keep, &c, NULL);
    make_entries(&c, copies);
    printf("%zu entries (%zu articles x %zu copies), %ld cores\n", c.njson, c.n, copies,
           sysconf(_SC_NPROCESSORS_ONLN));
    char direct_path[512];
    double direct = run_direct(&c, dir, direct_path);
    double one = 0;
    for (const char *p = list; *p; p += strspn(p, ",")) {
        int w = atoi(p);
        p += strcspn(p, ",");
        if (w <= 0)
            continue;
        double r = run_workers(&c, port, dir, w, one, direct_path);
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
