/* test_fetch.c — http(s) inputs and ingest --follow, against a small
 * libmicrohttpd server inside the test on a free loopback port: a feed whose
 * items link to pages on the same server (one of them 404), plain pages,
 * redirects, JSON Lines plain and gzip-encoded, oversized and failing answers,
 * a feed that grows after its first answer, feeds with validators (ETag,
 * Last-Modified) that answer 304 when sent them back, and a page held until
 * the test lets it go; then the CLI end to end, ingest --every in a child
 * process. */
#include <arpa/inet.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdatomic.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "harness.h"
#include "ingest_got.h"
#include "store_check.h"
#include "ingest/fetch.h"
#include "ingest/ingest.h"
#include "util/util.h"

/* The cap the oversized answers are measured against (ctx->max_file). */
#define SMALL_CAP 2000
#define BIG_LEN 5000

/* ------------------------------------------------------------ the server */

typedef struct route {
    const char *path;
    int status;
    const char *type;     /* Content-Type; NULL: none */
    const char *location; /* redirect target */
    int gzipped;          /* body sent with Content-Encoding: gzip */
    int chunked;          /* BIG_LEN bytes without Content-Length */
    char *body;           /* NULL: "" (malloc'd at start) */
    size_t len;
    /* Validators: sent with the answer, and a request that sends one back
     * (If-None-Match, If-Modified-Since; same text) gets 304 Not Modified. */
    const char *etag, *last_modified;
    const char *then; /* after the first hit, answers as this route */
} route;

static struct MHD_Daemon *mhd;
static char base[64];
static atomic_int hits_total;
static atomic_int released;
static pthread_mutex_t ua_lock = PTHREAD_MUTEX_INITIALIZER;
static char last_ua[128];

static const char PAGE_FERRY[] =
    "<!DOCTYPE html><html lang=\"en\"><head><title>Ferry line opens | Harbour Post</title>"
    "<meta property=\"article:published_time\" content=\"2024-01-05T08:00:00Z\"></head>"
    "<body><nav><a href=\"/\">Home</a></nav><article><h1>Ferry line opens</h1>"
    "<p>The city council opened a new ferry line to the islands on Friday, the first new "
    "route in twenty years.</p><p>Boats will run every hour from the old harbour, officials "
    "said, with fares set at two euros for adults.</p></article></body></html>";
static const char PAGE_SHORT[] =
    "<html><body><article><p>Budget passed.</p></article></body></html>";
static const char PAGE_PLAIN[] =
    "<!DOCTYPE html><html lang=\"de\"><head><title>Brücke gesperrt</title>"
    "<meta name=\"date\" content=\"2024-02-01\"></head><body><article>"
    "<p>Die alte Brücke über den Fluss bleibt wegen Reparaturen bis März gesperrt.</p>"
    "<p>Pendler sollen die Fähre nehmen, teilte die Stadt am Donnerstag mit.</p>"
    "</article></body></html>";
static const char PAGE_TARGET[] =
    "<html><head><title>Moved story</title></head><body><article>"
    "<p>Fishermen protested at the port on Monday against the new quotas.</p>"
    "<p>The ministry said it would meet their union next week.</p></article></body></html>";
static const char PAGE_CANON[] =
    "<html><head><title>Canonical</title><link rel=\"canonical\" "
    "href=\"https://example.org/news/canon\"></head><body><article>"
    "<p>A page that names its own address keeps it.</p></article></body></html>";
static const char JSONL[] =
    "{\"id\": \"wire-1\", \"title\": \"Talks resume\", \"maintext\": \"Negotiators met again "
    "in Doha on Monday.\", \"language\": \"en\"}\n"
    "{\"title\": \"Quake\", \"maintext\": \"A strong earthquake shook the coast.\"}\n";
static const char BAD_JSONL[] =
    "{\"id\": \"kept-1\", \"title\": \"Lock gates fixed\", \"maintext\": \"The canal lock "
    "gates work again after a week of repairs.\"}\n{\"title\": \"broken\n";
static const char NOTES[] = "Harbour notes\n\nThe tide tables for March are out.\n";
static const char SLOW[] =
    "Late ferry\n\nThe last ferry of the evening left forty minutes late because of fog.\n";
/* The items of GROW_FROM's feed: the first answer has the first two, later ones all. */
static const char *const GROW_ITEMS[][3] = {
    {"tide-1", "Tide tables published",
     "The harbour office published the tide tables for the spring months on Tuesday."},
    {"pier-1", "Pier repairs begin",
     "Workers started repairing the wooden pier after the winter storms damaged it."},
    {"market-1", "Fish market reopens",
     "The covered fish market reopened on Saturday with twelve stalls and longer hours."},
};

/* GROW_FROM answers as GROW_TO after its first hit; HELD answers once the
 * test sets `released` (or after 10 s). */
#define GROW_FROM "/grow.xml"
#define GROW_TO "/grown.xml"
#define HELD "/slow.txt"
/* Feeds of the first two GROW_ITEMS with validators; ETAG_FROM answers as
 * ETAG_TO (a third item, another ETag) after its first hit. */
#define ETAG_FEED "/etag.xml"
#define DATED_FEED "/dated.xml"
#define ETAG_FROM "/etag-grow.xml"
#define ETAG_TO "/etag-grown.xml"
#define DATED "Tue, 05 Mar 2024 10:00:00 GMT"

/* Each route; bodies that need the port or compression are made at start. */
static route routes[] = {
    {.path = "/feed.xml", .status = 200, .type = "application/rss+xml"},
    {.path = "/news/ferry.html", .status = 200, .type = "text/html; charset=utf-8"},
    {.path = "/news/short.html", .status = 200, .type = "text/html"},
    {.path = "/plain.html", .status = 200, .type = "text/html; charset=utf-8"},
    {.path = "/canon", .status = 200, .type = "text/html"},
    {.path = "/moved/target.html", .status = 200, .type = "text/html"},
    {.path = "/redirect", .status = 302, .location = "/moved/target.html"},
    {.path = "/loop", .status = 302, .location = "/loop"},
    {.path = "/to-file", .status = 302, .location = "file:///etc/hostname"},
    {.path = "/items.jsonl", .status = 200, .type = "application/x-ndjson"},
    {.path = "/enc/items.jsonl", .status = 200, .type = "application/x-ndjson", .gzipped = 1},
    {.path = "/archive/items.jsonl.gz", .status = 200, .type = "application/gzip"},
    {.path = "/notes.txt", .status = 200, .type = "text/plain"},
    {.path = "/big.txt", .status = 200, .type = "text/plain"},
    {.path = "/big-chunked.txt", .status = 200, .type = "text/plain", .chunked = 1},
    {.path = "/bomb.txt", .status = 200, .type = "text/plain", .gzipped = 1},
    {.path = "/error", .status = 500, .type = "text/plain"},
    {.path = GROW_FROM, .status = 200, .type = "application/rss+xml", .then = GROW_TO},
    {.path = GROW_TO, .status = 200, .type = "application/rss+xml"},
    {.path = HELD, .status = 200, .type = "text/plain"},
    {.path = ETAG_FEED, .status = 200, .type = "application/rss+xml", .etag = "\"e1\""},
    {.path = DATED_FEED, .status = 200, .type = "application/rss+xml", .last_modified = DATED},
    {.path = ETAG_FROM, .status = 200, .type = "application/rss+xml", .etag = "\"v1\"",
     .then = ETAG_TO},
    {.path = ETAG_TO, .status = 200, .type = "application/rss+xml", .etag = "\"v2\""},
    /* a JSON Lines file with a bad line: the error comes back each round */
    {.path = "/etag-bad.jsonl", .status = 200, .type = "application/x-ndjson", .etag = "\"b\""},
    /* a redirect's own validator is not the page's */
    {.path = "/etag-redirect", .status = 302, .location = "/plain.html", .etag = "\"r\""},
    /* a server bug: Not Modified, though nothing was asked */
    {.path = "/stale.xml", .status = 304},
};
#define NROUTES (sizeof routes / sizeof routes[0])
static atomic_int hits[NROUTES];

static route *find_route(const char *path)
{
    for (size_t i = 0; i < NROUTES; i++)
        if (strcmp(routes[i].path, path) == 0)
            return &routes[i];
    return NULL;
}

static int route_hits(const char *path) { return atomic_load(&hits[find_route(path) - routes]); }

static void set_body(const char *path, const char *s, size_t n)
{
    route *r = find_route(path);
    r->body = malloc(n + 1);
    memcpy(r->body, s, n);
    r->body[n] = '\0';
    r->len = n;
}

static char *gzip_mem(const char *s, size_t n, size_t *out_len)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    size_t cap = deflateBound(&z, (uLong)n);
    char *out = malloc(cap);
    z.next_in = (Bytef *)(uintptr_t)s;
    z.avail_in = (uInt)n;
    z.next_out = (Bytef *)out;
    z.avail_out = (uInt)cap;
    deflate(&z, Z_FINISH);
    *out_len = cap - z.avail_out;
    deflateEnd(&z);
    return out;
}

static void set_gzip_body(const char *path, const char *s, size_t n)
{
    size_t zn = 0;
    char *z = gzip_mem(s, n, &zn);
    set_body(path, z, zn);
    free(z);
}

/* An RSS feed of the first n GROW_ITEMS at path. */
static void set_grow_feed(const char *path, size_t n)
{
    char feed[2048];
    int len = snprintf(feed, sizeof feed, "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"
                                          "<channel><title>Harbour Post</title>\n");
    for (size_t i = 0; i < n; i++)
        len += snprintf(feed + len, sizeof feed - (size_t)len,
                        "<item><title>%s</title><guid>%s</guid><description>%s</description>"
                        "</item>\n", GROW_ITEMS[i][1], GROW_ITEMS[i][0], GROW_ITEMS[i][2]);
    len += snprintf(feed + len, sizeof feed - (size_t)len, "</channel></rss>\n");
    set_body(path, feed, (size_t)len);
}

static void make_bodies(void)
{
    char feed[2048];
    snprintf(feed, sizeof feed,
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
             "<title>Harbour Post</title><language>en</language>\n"
             "<item><title>New ferry line</title><link>%s/news/ferry.html</link>"
             "<guid>ferry-1</guid><description>Ferry teaser.</description></item>\n"
             "<item><title>Bridge closed</title><link>%s/news/gone.html</link>"
             "<guid>bridge-1</guid><description>Bridge teaser.</description></item>\n"
             "<item><title>Council budget</title><link>%s/news/short.html</link>"
             "<guid>budget-1</guid><description>The council passed next year's budget "
             "after a long debate about the harbour.</description></item>\n"
             "<item><title>Wire items</title><link>%s/items.jsonl</link>"
             "<guid>wire-list</guid><description>Wire teaser.</description></item>\n"
             "</channel></rss>\n",
             base, base, base, base);
    set_body("/feed.xml", feed, strlen(feed));
    set_body("/news/ferry.html", PAGE_FERRY, strlen(PAGE_FERRY));
    set_body("/news/short.html", PAGE_SHORT, strlen(PAGE_SHORT));
    set_body("/plain.html", PAGE_PLAIN, strlen(PAGE_PLAIN));
    set_body("/canon", PAGE_CANON, strlen(PAGE_CANON));
    set_body("/moved/target.html", PAGE_TARGET, strlen(PAGE_TARGET));
    set_body("/items.jsonl", JSONL, strlen(JSONL));
    set_gzip_body("/enc/items.jsonl", JSONL, strlen(JSONL));
    set_gzip_body("/archive/items.jsonl.gz", JSONL, strlen(JSONL));
    set_body("/notes.txt", NOTES, strlen(NOTES));
    char big[BIG_LEN * 20];
    memset(big, 'a', sizeof big);
    set_body("/big.txt", big, BIG_LEN);
    set_gzip_body("/bomb.txt", big, sizeof big); /* small on the wire, large decoded */
    set_body("/error", "internal error", 14);
    set_grow_feed(GROW_FROM, 2);
    set_grow_feed(GROW_TO, 3);
    set_body(HELD, SLOW, strlen(SLOW));
    set_grow_feed(ETAG_FEED, 2);
    set_grow_feed(DATED_FEED, 2);
    set_grow_feed(ETAG_FROM, 2);
    set_grow_feed(ETAG_TO, 3);
    set_body("/etag-bad.jsonl", BAD_JSONL, strlen(BAD_JSONL));
}

static ssize_t chunk_reader(void *cls, uint64_t pos, char *buf, size_t max)
{
    if (pos >= BIG_LEN)
        return MHD_CONTENT_READER_END_OF_STREAM;
    size_t n = BIG_LEN - pos < max ? BIG_LEN - pos : max;
    memset(buf, 'b', n);
    return (ssize_t)n;
}

static void note_request(struct MHD_Connection *c)
{
    const char *ua = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "User-Agent");
    pthread_mutex_lock(&ua_lock);
    snprintf(last_ua, sizeof last_ua, "%s", ua ? ua : "");
    pthread_mutex_unlock(&ua_lock);
    atomic_fetch_add(&hits_total, 1);
}

/* Whether the request sent back one of the route's validators. */
static int not_modified(struct MHD_Connection *c, const route *r)
{
    const char *etag = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "If-None-Match");
    const char *since = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "If-Modified-Since");
    return (r->etag && etag && !strcmp(etag, r->etag)) ||
           (r->last_modified && since && !strcmp(since, r->last_modified));
}

/* The ETag with blanks around it and Last-Modified in lower case: the
 * client trims values and ignores the case of names. */
static void add_validators(struct MHD_Response *resp, const route *r)
{
    char etag[64];
    snprintf(etag, sizeof etag, "  %s\t", r->etag ? r->etag : "");
    if (r->etag)
        MHD_add_response_header(resp, "ETag", etag);
    if (r->last_modified)
        MHD_add_response_header(resp, "last-modified", r->last_modified);
}

static struct MHD_Response *make_response(struct MHD_Connection *c, const route *r, int *status)
{
    const char *ae = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Accept-Encoding");
    if (r && r->gzipped && !(ae && strstr(ae, "gzip"))) {
        *status = MHD_HTTP_NOT_ACCEPTABLE; /* proves that the client asked for gzip */
        return MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    }
    *status = r ? r->status : MHD_HTTP_NOT_FOUND;
    if (!r)
        return MHD_create_response_from_buffer(9, (void *)"not found", MHD_RESPMEM_PERSISTENT);
    if (r->chunked)
        return MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 512, chunk_reader, NULL, NULL);
    int unchanged = not_modified(c, r);
    if (unchanged)
        *status = MHD_HTTP_NOT_MODIFIED;
    struct MHD_Response *resp = MHD_create_response_from_buffer(
        unchanged ? 0 : r->len, r->body ? r->body : (void *)"", MHD_RESPMEM_PERSISTENT);
    add_validators(resp, r);
    if (r->type)
        MHD_add_response_header(resp, "Content-Type", r->type);
    if (r->location)
        MHD_add_response_header(resp, "Location", r->location);
    if (r->gzipped)
        MHD_add_response_header(resp, "Content-Encoding", "gzip");
    return resp;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload, size_t *upload_len, void **state)
{
    note_request(c);
    route *r = find_route(url);
    int nth = r ? atomic_fetch_add(&hits[r - routes], 1) + 1 : 0;
    for (int i = 0; !strcmp(url, HELD) && i < 1000 && !atomic_load(&released); i++)
        usleep(10000);
    if (r && r->then && nth > 1)
        r = find_route(r->then);
    int status = 0;
    struct MHD_Response *resp = make_response(c, r, &status);
    enum MHD_Result res = MHD_queue_response(c, (unsigned)status, resp);
    MHD_destroy_response(resp);
    return res;
}

static int start_server(void)
{
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    mhd = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD, 0, NULL, NULL, on_request, NULL,
                           MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr, MHD_OPTION_END);
    const union MHD_DaemonInfo *info = mhd ? MHD_get_daemon_info(mhd, MHD_DAEMON_INFO_BIND_PORT)
                                           : NULL;
    if (!info || !info->port)
        return -1;
    snprintf(base, sizeof base, "http://127.0.0.1:%u", (unsigned)info->port);
    make_bodies();
    return 0;
}

static void stop_server(void)
{
    if (mhd)
        MHD_stop_daemon(mhd);
    for (size_t i = 0; i < NROUTES; i++)
        free(routes[i].body);
}

/* ------------------------------------------------------------ helpers */

static const char *url_of(const char *path)
{
    static char u[8][256];
    static int next;
    char *s = u[next++ % 8];
    snprintf(s, 256, "%s%s", base, path);
    return s;
}

/* Reads each URL path in one run with options o (as the CLI reads its
 * arguments); cap > 0 replaces the input size limit. Returns the last
 * read's code. */
static int run_urls(const char *const *paths, size_t n, st_ingest_opts o, size_t cap, got *g)
{
    o.on_diag = got_on_diag;
    o.ud = g;
    st_ingest_ctx ctx;
    st_ingest_ctx_init(&ctx, &o, got_on_article, g);
    if (cap)
        ctx.max_file = cap;
    int rc = ST_OK;
    for (size_t i = 0; i < n && !ctx.stop; i++)
        rc = st_ingest_read_path(&ctx, paths[i][0] == '/' ? url_of(paths[i]) : paths[i]);
    g->errors = ctx.n_errors;
    return rc;
}

static int run_url(const char *path, int follow, got *g)
{
    return run_urls(&path, 1, (st_ingest_opts){.follow_links = follow}, 0, g);
}

/* ------------------------------------------------------------ st_fetch */

/* First of all, so that several threads race for libcurl's global init. */
#define THREADS 4
typedef struct fetch_job {
    const char *url;
    int rc;
} fetch_job;

static void *fetch_thread(void *ud)
{
    fetch_job *j = ud;
    st_fetched f;
    j->rc = st_fetch(j->url, 1 << 20, 20, &f, NULL, 0);
    st_fetched_free(&f);
    return NULL;
}

static void t_fetch_threads(void)
{
    pthread_t t[THREADS];
    fetch_job jobs[THREADS];
    for (int i = 0; i < THREADS; i++) {
        jobs[i] = (fetch_job){url_of("/plain.html"), -99};
        CHECK_INT(pthread_create(&t[i], NULL, fetch_thread, &jobs[i]), 0);
    }
    for (int i = 0; i < THREADS; i++) {
        pthread_join(t[i], NULL);
        CHECK_INT(jobs[i].rc, ST_OK);
    }
    CHECK_INT(route_hits("/plain.html"), THREADS);
}

static void t_fetch_ok(void)
{
    st_fetched f;
    char err[256] = "";
    CHECK_INT(st_fetch(url_of("/plain.html"), 1 << 20, 20, &f, err, sizeof err), ST_OK);
    CHECK_INT(f.len, strlen(PAGE_PLAIN));
    CHECK_STR(f.body, PAGE_PLAIN);
    CHECK_STR(f.url, url_of("/plain.html"));
    CHECK_STR(f.content_type, "text/html; charset=utf-8");
    st_fetched_free(&f);
    pthread_mutex_lock(&ua_lock);
    CHECK_STR(last_ua, "storytrack/" ST_VERSION);
    pthread_mutex_unlock(&ua_lock);
    CHECK_INT(st_fetch(url_of("/redirect"), 1 << 20, 20, &f, err, sizeof err), ST_OK);
    CHECK_STR(f.url, url_of("/moved/target.html"));
    CHECK_STR(f.body, PAGE_TARGET);
    st_fetched_free(&f);
    /* Content-Encoding: gzip is decoded (the route answers 406 unless asked for gzip). */
    CHECK_INT(st_fetch(url_of("/enc/items.jsonl"), 1 << 20, 20, &f, err, sizeof err), ST_OK);
    CHECK_STR(f.body, JSONL);
    st_fetched_free(&f);
    CHECK(st_fetch_is_url("HTTPS://x") && st_fetch_is_url("http://x"));
    CHECK(!st_fetch_is_url("ftp://x") && !st_fetch_is_url("file:///x") &&
          !st_fetch_is_url("http:/x") && !st_fetch_is_url(NULL));
}

static void expect_fail(const char *path, size_t cap, int code, const char *why)
{
    st_fetched f;
    char err[256] = "";
    CHECK_INT(st_fetch(path[0] == '/' ? url_of(path) : path, cap, 20, &f, err, sizeof err), code);
    CHECK_CONTAINS(err, why);
    CHECK(f.body == NULL && f.url == NULL);
}

static void t_fetch_errors(void)
{
    expect_fail("/nowhere", 1 << 20, ST_EINPUT, "HTTP 404");
    expect_fail("/error", 1 << 20, ST_EINPUT, "HTTP 500");
    expect_fail("/big.txt", SMALL_CAP, ST_ELIMIT, "response exceeds limit 2000 bytes");
    expect_fail("/big-chunked.txt", SMALL_CAP, ST_ELIMIT, "exceeds limit 2000 bytes");
    expect_fail("/bomb.txt", SMALL_CAP, ST_ELIMIT, "exceeds limit 2000 bytes");
    expect_fail("/loop", 1 << 20, ST_EINPUT, "redirects");
    int before = route_hits("/to-file");
    expect_fail("/to-file", 1 << 20, ST_EINPUT, "file");
    CHECK_INT(route_hits("/to-file"), before + 1);
    expect_fail("http://127.0.0.1:1/x", 1 << 20, ST_EINPUT, "127.0.0.1");
    expect_fail("http://", 1 << 20, ST_EINPUT, "bad/illegal format");
    expect_fail("/stale.xml", 1 << 20, ST_EINPUT,
                "HTTP 304 Not Modified to a request that sent no validator");
    /* Exactly at the cap is not over it. */
    st_fetched f;
    CHECK_INT(st_fetch(url_of("/big.txt"), BIG_LEN, 20, &f, NULL, 0), ST_OK);
    CHECK_INT(f.len, BIG_LEN);
    st_fetched_free(&f);
}

/* The validators of an answer, trimmed, whatever the case of their names;
 * sent back, they make the server answer 304, which is no failure. */
static void t_fetch_validators(void)
{
    st_fetched f;
    char err[256] = "";
    CHECK_INT(st_fetch(url_of(ETAG_FEED), 1 << 20, 20, &f, err, sizeof err), ST_OK);
    CHECK_STR(f.etag, "\"e1\"");
    CHECK(f.last_modified == NULL);
    st_fetched_free(&f);
    CHECK_INT(st_fetch(url_of(DATED_FEED), 1 << 20, 20, &f, err, sizeof err), ST_OK);
    CHECK_STR(f.last_modified, DATED);
    CHECK(f.etag == NULL);
    st_fetched_free(&f);
    CHECK_INT(st_fetch(url_of("/etag-redirect"), 1 << 20, 20, &f, err, sizeof err), ST_OK);
    CHECK(f.etag == NULL && f.body && strstr(f.body, "Brücke"));
    st_fetched_free(&f);
    st_fetch_cond cond = {"\"e1\"", NULL};
    CHECK_INT(st_fetch_conditional(url_of(ETAG_FEED), &cond, 1 << 20, 20, &f, err, sizeof err),
              ST_FETCH_NOT_MODIFIED);
    CHECK(f.body == NULL && f.url == NULL && f.etag == NULL);
    cond = (st_fetch_cond){NULL, DATED};
    CHECK_INT(st_fetch_conditional(url_of(DATED_FEED), &cond, 1 << 20, 20, &f, err, sizeof err),
              ST_FETCH_NOT_MODIFIED);
    cond = (st_fetch_cond){"\"old\"", NULL}; /* another version: the whole answer */
    CHECK_INT(st_fetch_conditional(url_of(ETAG_FEED), &cond, 1 << 20, 20, &f, err, sizeof err),
              ST_OK);
    CHECK_CONTAINS(f.body, "Pier repairs begin");
    CHECK_STR(f.etag, "\"e1\"");
    st_fetched_free(&f);
}

/* ------------------------------------------------------------ URLs as inputs */

/* The one article a URL gives, checked to be alone and clean; NULL otherwise. */
static st_article *one_article(const char *path, got *g)
{
    CHECK_INT(run_url(path, 0, g), ST_OK);
    CHECK_INT(g->errors, 0);
    CHECK_INT(g->n, 1);
    return g->n == 1 ? g->a[0] : NULL;
}

static void t_url_html(void)
{
    got g = {0};
    st_article *a = one_article("/plain.html", &g);
    if (a) {
        CHECK_STR(a->url, url_of("/plain.html"));
        CHECK_STR(a->ext_id, url_of("/plain.html"));
        CHECK_STR(a->origin, url_of("/plain.html"));
        CHECK_STR(a->source, "127.0.0.1");
        CHECK_STR(a->title, "Brücke gesperrt");
        CHECK_STR(a->language, "de");
        CHECK_CONTAINS(a->published, "2024-02-01");
        CHECK_CONTAINS(a->body, "bis März gesperrt.\n\nPendler");
    }
    got_free(&g);
    /* A page that names its canonical URL keeps it. */
    if ((a = one_article("/canon", &g))) {
        CHECK_STR(a->url, "https://example.org/news/canon");
        CHECK_STR(a->ext_id, url_of("/canon"));
    }
    got_free(&g);
}

static void t_url_redirect(void)
{
    got g = {0};
    st_article *a = one_article("/redirect", &g);
    if (a) {
        CHECK_STR(a->url, url_of("/moved/target.html"));
        CHECK_STR(a->origin, url_of("/redirect"));
        CHECK_STR(a->title, "Moved story");
        CHECK_CONTAINS(a->body, "Fishermen protested");
    }
    got_free(&g);
}

static void check_jsonl(got *g, const char *stem_id)
{
    CHECK_INT(g->errors, 0);
    CHECK_INT(g->n, 2);
    if (g->n == 2) {
        CHECK_STR(g->a[0]->ext_id, "wire-1");
        CHECK_STR(g->a[0]->title, "Talks resume");
        CHECK_STR(g->a[0]->language, "en");
        CHECK_STR(g->a[1]->ext_id, stem_id);
        CHECK_STR(g->a[1]->body, "A strong earthquake shook the coast.");
    }
}

static void t_url_jsonl_gzip(void)
{
    got g = {0};
    CHECK_INT(run_url("/items.jsonl", 0, &g), ST_OK);
    check_jsonl(&g, "items:2");
    if (g.n)
        CHECK_STR(g.a[0]->origin, url_of("/items.jsonl:1"));
    got_free(&g);
    CHECK_INT(run_url("/enc/items.jsonl", 0, &g), ST_OK); /* Content-Encoding: gzip */
    check_jsonl(&g, "items:2");
    got_free(&g);
    CHECK_INT(run_url("/archive/items.jsonl.gz", 0, &g), ST_OK); /* gzip bytes, .gz name */
    check_jsonl(&g, "items:2");
    got_free(&g);
}

/* The name comes from the path: "notes.txt?v=2" is plain text by its extension. */
static void t_url_query(void)
{
    got g = {0};
    st_article *a = one_article("/notes.txt?v=2#top", &g);
    if (a) {
        CHECK_STR(a->title, "Harbour notes");
        CHECK_STR(a->body, "The tide tables for March are out.");
        CHECK_STR(a->ext_id, url_of("/notes.txt?v=2"));
    }
    got_free(&g);
}

static void t_url_errors(void)
{
    got g = {0};
    const char *paths[] = {"/error", "/big.txt", "/nowhere.html", "/plain.html",
                           "/big-chunked.txt", "/bomb.txt", "/items.jsonl"};
    run_urls(paths, 7, (st_ingest_opts){0}, SMALL_CAP, &g);
    CHECK_INT(g.errors, 5);
    CHECK_INT(g.n, 3); /* plain.html, then the two JSON lines */
    const char *d = got_diags(&g);
    char want[400];
    snprintf(want, sizeof want, "%s|-3|cannot fetch: HTTP 500\n", url_of("/error"));
    CHECK_CONTAINS(d, want);
    snprintf(want, sizeof want, "%s|-3|cannot fetch: response exceeds limit 2000 bytes\n",
             url_of("/big.txt"));
    CHECK_CONTAINS(d, want);
    snprintf(want, sizeof want, "%s|-3|cannot fetch: HTTP 404\n", url_of("/nowhere.html"));
    CHECK_CONTAINS(d, want);
    CHECK_CONTAINS(d, "/bomb.txt|-3|cannot fetch: response exceeds limit");
    got_free(&g);
    /* Through the public entry: the URL itself could not be read. */
    size_t errs = 0;
    CHECK_INT(st_ingest_path(url_of("/error"), NULL, got_on_article, &g, &errs), ST_EIO);
    CHECK_INT(errs, 1);
    CHECK_INT(g.n, 0);
    got_free(&g);
}

/* Only http and https are fetched; anything else is a path (that does not exist). */
static void t_other_schemes(void)
{
    int before = atomic_load(&hits_total);
    got g = {0};
    char ftp[128];
    snprintf(ftp, sizeof ftp, "ftp://127.0.0.1:%s/feed.xml", strrchr(base, ':') + 1);
    const char *paths[] = {ftp, "file:///etc/hostname", "httpx://127.0.0.1/feed.xml"};
    CHECK_INT(run_urls(paths, 3, (st_ingest_opts){0}, 0, &g), ST_EIO);
    CHECK_INT(g.errors, 3);
    CHECK_INT(g.n, 0);
    char want[300];
    snprintf(want, sizeof want, "%s|-2|cannot open: No such file or directory", ftp);
    CHECK_CONTAINS(got_diags(&g), want);
    CHECK_CONTAINS(got_diags(&g), "file:///etc/hostname|-2|cannot open");
    CHECK_INT(atomic_load(&hits_total), before);
    got_free(&g);
}

/* ------------------------------------------------------------ --follow */

static void t_feed_without_follow(void)
{
    int before = route_hits("/news/ferry.html");
    got g = {0};
    CHECK_INT(run_url("/feed.xml", 0, &g), ST_OK);
    CHECK_INT(g.n, 4);
    if (g.n == 4) {
        CHECK_STR(g.a[0]->body, "Ferry teaser.");
        CHECK_STR(g.a[0]->ext_id, "ferry-1");
        CHECK_STR(g.a[0]->url, url_of("/news/ferry.html"));
        CHECK_CONTAINS(g.a[0]->origin, url_of("/feed.xml:"));
    }
    CHECK_INT(route_hits("/news/ferry.html"), before);
    got_free(&g);
}

static void check_followed(got *g)
{
    st_article *a = g->a[0];
    CHECK_STR(a->ext_id, "ferry-1");
    CHECK_STR(a->title, "New ferry line");              /* the item's */
    CHECK_STR(a->url, url_of("/news/ferry.html"));      /* the item's link */
    CHECK_CONTAINS(a->published, "2024-01-05T08:00:00"); /* the page's: the item had none */
    CHECK_STR(a->language, "en");
    CHECK_CONTAINS(a->body, "twenty years.\n\nBoats will run every hour");
    CHECK(!strstr(a->body, "teaser") && !strstr(a->body, "Home"));
    CHECK_STR(g->a[1]->body, "Bridge teaser."); /* 404: kept as the feed gave it */
    CHECK_STR(g->a[1]->title, "Bridge closed");
    CHECK_CONTAINS(g->a[2]->body, "after a long debate"); /* the page said less */
    CHECK_STR(g->a[3]->body, "Wire teaser.");             /* not an HTML page */
}

static void t_feed_follow(void)
{
    int before = route_hits("/news/ferry.html");
    got g = {0};
    CHECK_INT(run_url("/feed.xml", 1, &g), ST_OK);
    CHECK_INT(g.errors, 0);
    CHECK_INT(g.n, 4);
    if (g.n == 4)
        check_followed(&g);
    CHECK_INT(route_hits("/news/ferry.html"), before + 1);
    CHECK_INT(g.warnings, 2);
    char want[300];
    snprintf(want, sizeof want, "%s|0|page not followed (HTTP 404): feed item kept",
             url_of("/news/gone.html"));
    CHECK_CONTAINS(got_diags(&g), want);
    snprintf(want, sizeof want, "%s|0|page not followed (not an HTML page)",
             url_of("/items.jsonl"));
    CHECK_CONTAINS(got_diags(&g), want);
    got_free(&g);
}

/* A page too long to store would cost the item: the teaser stays. */
static void t_follow_too_long(void)
{
    got g = {0};
    const char *feed = "/feed.xml";
    st_ingest_opts o = {.follow_links = 1, .max_article_bytes = 100};
    CHECK_INT(run_urls(&feed, 1, o, 0, &g), ST_OK);
    CHECK_INT(g.errors, 0);
    CHECK_INT(g.n, 4);
    if (g.n == 4)
        CHECK_STR(g.a[0]->body, "Ferry teaser.");
    char want[300];
    snprintf(want, sizeof want, "%s|0|page not followed (its text of ", url_of("/news/ferry.html"));
    CHECK_CONTAINS(got_diags(&g), want);
    CHECK_CONTAINS(got_diags(&g), " bytes exceeds limit 100): feed item kept as it was");
    got_free(&g);
}

/* ------------------------------------------------------------ the CLI */

static int cli(const char *db, const char *args, char **out, char **err)
{
    char cmd[2048];
    /* timeout: an ingest that never ends (a poller) fails the test, not the run */
    snprintf(cmd, sizeof cmd, "timeout 120 %s ingest --quiet --db %s %s", TH_CLI, db, args);
    return th_sh(cmd, out, err);
}

static void t_cli_feed(void)
{
    char dir[256], db[512], *out = NULL, *err = NULL;
    th_tmpdir("fetch-cli", dir);
    th_db(dir, "feed", db);
    CHECK_INT(cli(db, url_of("/feed.xml"), &out, &err), 0);
    CHECK_CONTAINS(out, "ingested 4, duplicates 0");
    free(out);
    free(err);
    CHECK_INT(cli(db, url_of("/feed.xml"), &out, NULL), 0);
    CHECK_CONTAINS(out, "ingested 0, duplicates 4");
    free(out);
    th_db(dir, "follow", db);
    char args[600];
    snprintf(args, sizeof args, "--follow %s", url_of("/feed.xml"));
    CHECK_INT(cli(db, args, &out, &err), 0);
    CHECK_CONTAINS(out, "ingested 4, duplicates 0, near-duplicates 0, errors 0");
    CHECK_CONTAINS(err, "/news/gone.html: warning: page not followed (HTTP 404)");
    free(out);
    free(err);
    /* read again: the items are stored, so their pages are not fetched again */
    int before = atomic_load(&hits_total);
    CHECK_INT(cli(db, args, &out, &err), 0);
    CHECK_CONTAINS(out, "ingested 0, duplicates 4, near-duplicates 0, errors 0");
    CHECK_INT(atomic_load(&hits_total), before + 1); /* the feed alone */
    CHECK(err && !strstr(err, "page not followed"));
    free(out);
    free(err);
    snprintf(args, sizeof args, "%s show article ferry-1 --json --db %s", TH_CLI, db);
    CHECK_INT(th_sh(args, &out, NULL), 0);
    CHECK_CONTAINS(out, "Boats will run every hour");
    free(out);
}

static void t_cli_errors(void)
{
    char dir[256], db[512], args[600], *out = NULL, *err = NULL;
    th_tmpdir("fetch-cli-err", dir);
    th_db(dir, "err", db);
    snprintf(args, sizeof args, "%s %s", url_of("/nowhere.html"), url_of("/plain.html"));
    CHECK_INT(cli(db, args, &out, &err), 2);
    CHECK_CONTAINS(out, "ingested 1, duplicates 0, near-duplicates 0, errors 1");
    char want[300];
    snprintf(want, sizeof want, "%s: cannot fetch: HTTP 404\n", url_of("/nowhere.html"));
    CHECK_CONTAINS(err, want);
    free(out);
    free(err);
    /* The same page again is the same article, by its URL. */
    CHECK_INT(cli(db, url_of("/plain.html"), &out, NULL), 0);
    CHECK_CONTAINS(out, "ingested 0, duplicates 1");
    free(out);
}

/* A one-shot ingest has no validators to send: a feed that has some is read
 * in full each time, and a 304 to it is the server's bug, an input error. */
static void t_cli_one_shot_304(void)
{
    char dir[256], db[512], want[300], *out = NULL, *err = NULL;
    th_tmpdir("fetch-cli-304", dir);
    th_db(dir, "once", db);
    for (int run = 0; run < 2; run++) {
        CHECK_INT(cli(db, url_of(ETAG_FEED), &out, NULL), 0);
        CHECK_STR(out, run ? "ingested 0, duplicates 2, near-duplicates 0, errors 0\n"
                           : "ingested 2, duplicates 0, near-duplicates 0, errors 0\n");
        free(out);
    }
    CHECK_INT(cli(db, url_of("/stale.xml"), &out, &err), 2);
    CHECK_STR(out, "ingested 0, duplicates 0, near-duplicates 0, errors 1\n");
    snprintf(want, sizeof want,
             "%s: cannot fetch: HTTP 304 Not Modified to a request that sent no validator\n",
             url_of("/stale.xml"));
    CHECK_CONTAINS(err, want);
    free(out);
    free(err);
}

/* ------------------------------------------------------------ ingest --every */

/* A `storytrack ingest --every` child, its stdout and stderr in files. */
typedef struct poller {
    pid_t pid;
    char out[300], err[300];
} poller;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Starts ingest --every `every` on the URLs of this server's paths (at most
 * 4). Whether it started (a check fails when not). */
static int start_poller(poller *p, const char *dir, const char *db, const char *every,
                        const char *const *paths, size_t n)
{
    snprintf(p->out, sizeof p->out, "%s/poll.out", dir);
    snprintf(p->err, sizeof p->err, "%s/poll.err", dir);
    char *argv[16] = {TH_CLI, "ingest", "--quiet", "--db", (char *)db, "--every", (char *)every};
    for (size_t i = 0; i < n && i < 4; i++)
        argv[7 + i] = (char *)url_of(paths[i]);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, p->out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, p->err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int rc = posix_spawn(&p->pid, TH_CLI, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    CHECK_INT(rc, 0);
    return rc == 0;
}

/* Whether the child's stdout holds `needle` within `timeout` seconds. */
static int wait_output(const poller *p, const char *needle, double timeout)
{
    for (double end = now_s() + timeout;; usleep(20000)) {
        char *out = th_read_file(p->out, NULL);
        int found = out && strstr(out, needle);
        free(out);
        if (found || now_s() > end)
            return found;
    }
}

/* Sends sig and waits for the child: its exit status, 128 + the signal that
 * ended it, or -1 when it was still running after `timeout` s (then killed). */
static int stop_poller(poller *p, int sig, double timeout)
{
    kill(p->pid, sig);
    int status = 0;
    for (double end = now_s() + timeout; waitpid(p->pid, &status, WNOHANG) == 0; usleep(10000))
        if (now_s() > end) {
            kill(p->pid, SIGKILL);
            waitpid(p->pid, &status, 0);
            return -1;
        }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static int ends_with(const char *s, const char *tail)
{
    return s && strlen(s) >= strlen(tail) && !strcmp(s + strlen(s) - strlen(tail), tail);
}

static size_t count_lines(const char *s, const char *prefix)
{
    size_t n = 0;
    for (const char *l = s; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : "")
        n += strncmp(l, prefix, strlen(prefix)) == 0;
    return n;
}

/* The store holds n articles, each id once, and `ext_id` among them. */
static void check_stored(const char *db, int n, const char *ext_id)
{
    st_db *d = NULL;
    CHECK_INT(st_db_open(db, &d, NULL, 0), ST_OK);
    if (!d)
        return;
    CHECK_INT(th_count_where(d, "SELECT count(*) FROM articles", NULL), n);
    CHECK_INT(th_count_where(d, "SELECT count(DISTINCT ext_id) FROM articles", NULL), n);
    CHECK_INT(th_count_where(d, "SELECT count(*) FROM articles WHERE ext_id = $1", ext_id), 1);
    st_db_close(d);
}

/* Rounds a second apart: the first stores the feed, the next ones find it
 * stored; a URL that fails is an error of each round, not a reason to stop. */
static void t_cli_every_rounds(void)
{
    char dir[256], db[512], want[200];
    th_tmpdir("fetch-every", dir);
    th_db(dir, "every", db);
    const char *paths[] = {"/nowhere.xml", "/feed.xml"};
    poller p;
    if (!start_poller(&p, dir, db, "1", paths, 2))
        return;
    CHECK(wait_output(&p, "round 1: ", 30));
    usleep(2500000);
    CHECK(wait_output(&p, "round 2: ", 30)); /* only waits on a slow machine */
    CHECK_INT(stop_poller(&p, SIGTERM, 30), 0);
    char *out = th_read_file(p.out, NULL), *err = th_read_file(p.err, NULL);
    size_t rounds = count_lines(out, "round ");
    CHECK(rounds >= 2);
    CHECK_CONTAINS(out, "round 1: ingested 4, duplicates 0, near-duplicates 0, errors 1\n");
    CHECK_CONTAINS(out, "round 2: ingested 0, duplicates 4, near-duplicates 0, errors 1\n");
    snprintf(want, sizeof want, "\ningested 4, duplicates %zu, near-duplicates 0, errors %zu\n",
             4 * (rounds - 1), rounds);
    CHECK(ends_with(out, want));
    snprintf(want, sizeof want, "%s: cannot fetch: HTTP 404", url_of("/nowhere.xml"));
    CHECK_INT(count_lines(err, want), rounds);
    CHECK_CONTAINS(err, "storytrack ingest: SIGTERM, stopping\n");
    free(out);
    free(err);
    check_stored(db, 4, "ferry-1");
}

/* Polls the paths every second into a fresh store (its name in db) until
 * the poller's stdout holds `until`, then stops it with SIGTERM, which it
 * must obey with exit status 0. Returns its stdout, and its stderr in *err
 * (caller frees both; NULL when it did not start). */
static char *poll_until(const char *tag, const char *const *paths, size_t n, const char *until,
                        char db[512], char **err)
{
    char dir[256];
    th_tmpdir(tag, dir);
    th_db(dir, "poll", db);
    poller p;
    *err = NULL;
    if (!start_poller(&p, dir, db, "1", paths, n))
        return NULL;
    CHECK(wait_output(&p, until, 30));
    CHECK_INT(stop_poller(&p, SIGTERM, 30), 0);
    *err = th_read_file(p.err, NULL);
    return th_read_file(p.out, NULL);
}

/* An item that appears after the first round is new in the second. */
static void t_cli_every_new_item(void)
{
    char db[512], *err;
    const char *path = GROW_FROM;
    char *out = poll_until("fetch-every-new", &path, 1, "round 2: ", db, &err);
    CHECK(route_hits(GROW_FROM) >= 2);
    CHECK_CONTAINS(out, "round 1: ingested 2, duplicates 0, near-duplicates 0, errors 0\n");
    CHECK_CONTAINS(out, "round 2: ingested 1, duplicates 2, near-duplicates 0, errors 0\n");
    free(out);
    free(err);
    check_stored(db, 3, "market-1");
}

/* A feed with a validator: the first round reads it, each next one sends the
 * validator back, gets 304 and reads nothing: unchanged, without an error,
 * and nothing stored again. */
static void check_unchanged(const char *path)
{
    char db[512], want[200], *err;
    int before = route_hits(path);
    char *out = poll_until("fetch-every-304", &path, 1, "round 3: ", db, &err);
    CHECK_CONTAINS(out, "round 1: ingested 2, duplicates 0, near-duplicates 0, errors 0\n");
    CHECK_CONTAINS(out, "round 2: ingested 0, duplicates 0, near-duplicates 0, errors 0, "
                        "unchanged 1\n");
    CHECK_CONTAINS(out, "round 3: ingested 0, duplicates 0, near-duplicates 0, errors 0, "
                        "unchanged 1\n");
    size_t rounds = count_lines(out, "round ");
    snprintf(want, sizeof want,
             "\ningested 2, duplicates 0, near-duplicates 0, errors 0, unchanged %zu\n",
             rounds - 1);
    CHECK(ends_with(out, want));
    CHECK_INT(route_hits(path) - before, rounds);
    CHECK_STR(err, "storytrack ingest: SIGTERM, stopping\n");
    free(out);
    free(err);
    check_stored(db, 2, "pier-1");
}

static void t_cli_every_etag(void) { check_unchanged(ETAG_FEED); }

static void t_cli_every_last_modified(void) { check_unchanged(DATED_FEED); }

/* A server whose ETag changed answers the old one in full: the new item is
 * stored, and the new ETag makes the round after unchanged. */
static void t_cli_every_etag_changed(void)
{
    char db[512], *err;
    const char *path = ETAG_FROM;
    char *out = poll_until("fetch-every-etag", &path, 1, "round 3: ", db, &err);
    CHECK_CONTAINS(out, "round 1: ingested 2, duplicates 0, near-duplicates 0, errors 0\n");
    CHECK_CONTAINS(out, "round 2: ingested 1, duplicates 2, near-duplicates 0, errors 0\n");
    CHECK_CONTAINS(out, "round 3: ingested 0, duplicates 0, near-duplicates 0, errors 0, "
                        "unchanged 1\n");
    CHECK_STR(err, "storytrack ingest: SIGTERM, stopping\n");
    free(out);
    free(err);
    check_stored(db, 3, "market-1");
}

/* An input read with an error keeps no validator: the next round reads it in
 * full again (and reports the error again) instead of skipping it. */
static void t_cli_every_error_no_validator(void)
{
    char db[512], want[300], *err;
    const char *path = "/etag-bad.jsonl";
    char *out = poll_until("fetch-every-bad", &path, 1, "round 2: ", db, &err);
    CHECK_CONTAINS(out, "round 1: ingested 1, duplicates 0, near-duplicates 0, errors 1\n");
    CHECK_CONTAINS(out, "round 2: ingested 0, duplicates 1, near-duplicates 0, errors 1\n");
    CHECK(out && !strstr(out, "unchanged"));
    snprintf(want, sizeof want, "%s:2: ", url_of(path));
    CHECK_INT(count_lines(err, want), count_lines(out, "round "));
    free(out);
    free(err);
    check_stored(db, 1, "kept-1");
}

/* A round is committed: another process sees it while the poller waits. A
 * signal while waiting ends the wait at once, not 60 s later. */
static void t_cli_every_stop_waiting(void)
{
    char dir[256], db[512];
    th_tmpdir("fetch-every-wait", dir);
    th_db(dir, "wait", db);
    const char *path = "/feed.xml";
    poller p;
    if (!start_poller(&p, dir, db, "60", &path, 1))
        return;
    CHECK(wait_output(&p, "round 1: ", 30));
    check_stored(db, 4, "ferry-1");
    double t0 = now_s();
    CHECK_INT(stop_poller(&p, SIGINT, 20), 0);
    CHECK(now_s() - t0 < 20);
    char *out = th_read_file(p.out, NULL), *err = th_read_file(p.err, NULL);
    CHECK_STR(out, "round 1: ingested 4, duplicates 0, near-duplicates 0, errors 0\n"
                   "ingested 4, duplicates 0, near-duplicates 0, errors 0\n");
    CHECK_CONTAINS(err, "storytrack ingest: SIGINT, stopping\n");
    free(out);
    free(err);
    check_stored(db, 4, "ferry-1");
}

/* A signal during a round: the input at hand is finished and committed, the
 * next ones are not read, no more rounds. */
static void t_cli_every_stop_mid_round(void)
{
    char dir[256], db[512];
    th_tmpdir("fetch-every-mid", dir);
    th_db(dir, "mid", db);
    const char *paths[] = {HELD, "/feed.xml"};
    int feed_hits = route_hits("/feed.xml");
    poller p;
    atomic_store(&released, 0);
    if (!start_poller(&p, dir, db, "60", paths, 2))
        return;
    for (double end = now_s() + 30; route_hits(HELD) == 0 && now_s() < end;)
        usleep(10000);
    CHECK_INT(route_hits(HELD), 1); /* the child waits for the answer */
    kill(p.pid, SIGTERM);
    usleep(300000);
    atomic_store(&released, 1);
    CHECK_INT(stop_poller(&p, 0, 30), 0); /* signal 0: only waits */
    CHECK_INT(route_hits("/feed.xml"), feed_hits);
    char *out = th_read_file(p.out, NULL);
    CHECK_STR(out, "round 1: ingested 1, duplicates 0, near-duplicates 0, errors 0\n"
                   "ingested 1, duplicates 0, near-duplicates 0, errors 0\n");
    free(out);
    check_stored(db, 1, url_of(HELD));
}

/* Usage errors: nothing is read, nothing fetched, exit 2 with the reason. */
static void t_cli_every_usage(void)
{
    static const char *const cases[][2] = {
        {"--every 0 %s", "--every needs a whole number of seconds above 0, not '0'"},
        {"--every x %s", "--every needs a whole number of seconds above 0, not 'x'"},
        {"--every -5 %s", "--every needs a whole number of seconds above 0, not '-5'"},
        {"--every 1.5 %s", "not '1.5'"},
        {"--every 5 %s -", "--every cannot poll - (stdin)"},
        {"--every 5 --to-stream redis://127.0.0.1:1/s %s", "--every does not work with --to-stream"},
    };
    char dir[256], db[512], args[600], *out = NULL, *err = NULL;
    th_tmpdir("fetch-every-usage", dir);
    th_db(dir, "usage", db);
    int before = route_hits("/feed.xml");
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(args, sizeof args, cases[i][0], url_of("/feed.xml"));
        CHECK_INT(cli(db, args, &out, &err), 2);
        CHECK_STR(out, "");
        CHECK_CONTAINS(err, cases[i][1]);
        free(out);
        free(err);
    }
    CHECK_INT(route_hits("/feed.xml"), before);
}

int main(void)
{
    if (start_server() != 0) {
        fprintf(stderr, "cannot start the test server\n");
        return 1;
    }
    RUN(t_fetch_threads);
    RUN(t_fetch_ok);
    RUN(t_fetch_errors);
    RUN(t_fetch_validators);
    RUN(t_url_html);
    RUN(t_url_redirect);
    RUN(t_url_jsonl_gzip);
    RUN(t_url_query);
    RUN(t_url_errors);
    RUN(t_other_schemes);
    RUN(t_feed_without_follow);
    RUN(t_feed_follow);
    RUN(t_follow_too_long);
    RUN(t_cli_feed);
    RUN(t_cli_errors);
    RUN(t_cli_one_shot_304);
    RUN(t_cli_every_rounds);
    RUN(t_cli_every_new_item);
    RUN(t_cli_every_etag);
    RUN(t_cli_every_last_modified);
    RUN(t_cli_every_etag_changed);
    RUN(t_cli_every_error_no_validator);
    RUN(t_cli_every_stop_waiting);
    RUN(t_cli_every_stop_mid_round);
    RUN(t_cli_every_usage);
    stop_server();
    TEST_MAIN_END;
}
