/* bench/server.c — requests/s and latency percentiles of the HTTP server at
 * 50 concurrent clients on loopback: GET /api/stories, POST /api/articles,
 * and GET /api/health as the peer (the cost of HTTP alone, measured in the
 * same run). Each phase is bounded in time. Usage: server [SECONDS_PER_PHASE] */
#include <curl/curl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "storytrack.h"
#include "store/store.h"

#define CLIENTS 50
#define MAX_SAMPLES 200000

static char base[64];
static double phase_s = 3.0;

typedef struct client {
    int id;
    const char *path;
    int post;
    double *lat;
    size_t n, errors;
    double until;
} client;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static size_t discard(char *p, size_t sz, size_t n, void *ud) { return sz * n; }

static void *run_client(void *arg)
{
    client *c = arg;
    CURL *h = curl_easy_init();
    char url[256], body[512];
    snprintf(url, sizeof url, "%s%s", base, c->path);
    curl_easy_setopt(h, CURLOPT_URL, url);
    /* A path ending in "limit=" gets a different page size each time, so
     * that no answer comes from the server's cache. */
    int vary = strstr(c->path, "limit=") && !strchr(strstr(c->path, "limit="), '&') &&
               c->path[strlen(c->path) - 1] == '=';
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);
    unsigned seq = 0;
    while (now() < c->until && c->n < MAX_SAMPLES / CLIENTS) {
        if (c->post) {
            snprintf(body, sizeof body,
                     "{\"id\":\"bench-%d-%u\",\"title\":\"Bench article %d %u\",\"maintext\":"
                     "\"Client %d sends article %u to measure the ingest path of the server, "
                     "one small article per request.\",\"date_publish\":\"2024-06-01\"}",
                     c->id, seq, c->id, seq, c->id, seq);
            seq++;
            curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
        }
        if (vary) {
            snprintf(url, sizeof url, "%s%s%u", base, c->path, 50 + (c->id * 7919 + seq++) % 400);
            curl_easy_setopt(h, CURLOPT_URL, url);
        }
        double t = now();
        long status = 0;
        if (curl_easy_perform(h) == CURLE_OK)
            curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
        c->lat[c->n++] = now() - t;
        if (status != 200 && status != 201)
            c->errors++;
    }
    curl_easy_cleanup(h);
    return NULL;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Runs one phase; returns requests/s and prints the line. */
static double phase(const char *name, const char *path, int post)
{
    client cs[CLIENTS];
    pthread_t th[CLIENTS];
    double t0 = now();
    for (int i = 0; i < CLIENTS; i++) {
        cs[i] = (client){i, path, post, malloc(MAX_SAMPLES / CLIENTS * sizeof(double)), 0, 0,
                         t0 + phase_s};
        pthread_create(&th[i], NULL, run_client, &cs[i]);
    }
    size_t total = 0, errors = 0;
    for (int i = 0; i < CLIENTS; i++) {
        pthread_join(th[i], NULL);
        total += cs[i].n;
        errors += cs[i].errors;
    }
    double elapsed = now() - t0;
    double *all = malloc((total ? total : 1) * sizeof *all);
    size_t k = 0;
    for (int i = 0; i < CLIENTS; i++) {
        memcpy(all + k, cs[i].lat, cs[i].n * sizeof(double));
        k += cs[i].n;
        free(cs[i].lat);
    }
    qsort(all, total, sizeof *all, cmp_d);
    double rps = total / elapsed;
    printf("%-22s %8.0f req/s   p50 %7.2f ms   p99 %7.2f ms   %zu requests, %zu errors\n", name,
           rps, total ? all[total / 2] * 1e3 : 0, total ? all[(size_t)(total * 0.99)] * 1e3 : 0,
           total, errors);
    free(all);
    return rps;
}

/* While the clusterer is not in the pipeline the story list is empty, which
 * would measure nothing: then the posted articles are dealt into 50 stories
 * of 5 events each through the store's own writes. */
static void group_into_stories(const char *db_path)
{
    st_db *db = NULL;
    if (st_db_open(db_path, &db, NULL, 0) != ST_OK)
        return;
    int64_t n = st_store_count_articles(db);
    st_store_begin(db);
    for (int64_t s = 1; s <= 50; s++) {
        char label[32];
        snprintf(label, sizeof label, "bench story %lld", (long long)s);
        st_cluster_row row = {.id = s, .label = label};
        st_store_put_story(db, &row);
        for (int64_t e = 0; e < 5; e++) {
            st_cluster_row ev = {.id = s * 10 + e, .story_id = s, .label = label};
            st_store_put_event(db, &ev);
        }
    }
    for (int64_t id = 1; id <= n; id++)
        st_store_set_cluster(db, id, (id % 50 + 1) * 10 + id % 5, id % 50 + 1, id <= 50);
    st_store_commit(db);
    st_db_close(db);
    printf("(%lld posted articles grouped into 50 stories for the read phases)\n", (long long)n);
}

int main(int argc, char **argv)
{
    if (argc > 1)
        phase_s = atof(argv[1]);
    char dir[] = "/tmp/st-bench-XXXXXX", db[128];
    if (!mkdtemp(dir))
        return 1;
    snprintf(db, sizeof db, "%s/bench.db", dir);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    st_server_opts o = {.db_path = db};
    st_server *s = NULL;
    char err[256];
    if (st_server_start(&o, &s, err, sizeof err) != ST_OK) {
        fprintf(stderr, "bench: %s\n", err);
        return 1;
    }
    snprintf(base, sizeof base, "http://127.0.0.1:%u", st_server_port(s));
    printf("server: 4 worker threads, %d clients, %.0f s per phase, %ld cores\n", CLIENTS,
           phase_s, sysconf(_SC_NPROCESSORS_ONLN));
    double post = phase("POST /api/articles", "/api/articles", 1);
    group_into_stories(db);
    double health = phase("GET /api/health (peer)", "/api/health", 0);
    double stories = phase("GET /api/stories", "/api/stories", 0);
    phase("GET /api/stories (miss)", "/api/stories?limit=", 0);
    phase("GET /api/stories/1", "/api/stories/1", 0);
    phase("GET /api/version", "/api/version", 0);
    phase("GET /api/articles", "/api/articles?limit=20", 0);
    printf("ratio stories/health %.2f, post/health %.2f (cached answers: a repeated query"
           " costs what health does)\n", stories / health, post / health);
    st_server_stop(s);
    curl_global_cleanup();
    char cmd[200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : 1;
}
