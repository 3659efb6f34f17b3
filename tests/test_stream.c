/* test_stream.c — articles through Redis Streams to workers: publish, consume,
 * malformed entries, a worker killed mid-batch and its entries claimed, a
 * restart that resumes its own entries. Starts a throwaway redis-server on a
 * free loopback port; skips (with a note) where redis-server or hiredis is
 * missing. */
#include <arpa/inet.h>
#include <jansson.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "store/store.h"
#include "stream/stream.h"
#include "util/util.h"

#define CORPUS "examples/corpus"

static pid_t redis_pid;
static unsigned redis_port;
static char tmp[256];
static size_t corpus_articles; /* distinct articles of CORPUS, found by one clean worker */
static char one_db[512];       /* the store that worker filled */

/* ---------------------------------------------------------------- redis */

static unsigned free_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof a;
    unsigned port = 0;
    if (fd >= 0 && bind(fd, (struct sockaddr *)&a, sizeof a) == 0 &&
        getsockname(fd, (struct sockaddr *)&a, &len) == 0)
        port = ntohs(a.sin_port);
    if (fd >= 0)
        close(fd);
    return port;
}

static void url_of(const char *name, char out[128])
{
    snprintf(out, 128, "redis://127.0.0.1:%u/%s", redis_port, name);
}

static int redis_start(void)
{
    if (th_sh("command -v redis-server", NULL, NULL) != 0) {
        printf("# skip: redis-server is not installed (Debian package redis-server)\n");
        return -1;
    }
    th_tmpdir("stream", tmp);
    redis_port = free_port();
    char port[16];
    snprintf(port, sizeof port, "%u", redis_port);
    redis_pid = fork();
    if (redis_pid == 0) {
        freopen("/dev/null", "w", stdout);
        execlp("redis-server", "redis-server", "--port", port, "--bind", "127.0.0.1", "--save",
               "", "--appendonly", "no", "--daemonize", "no", "--dir", tmp, "--loglevel",
               "warning", (char *)NULL);
        _exit(127);
    }
    char url[128], err[256] = "";
    url_of("probe", url);
    for (int i = 0; i < 100; i++) { /* up to 5 s for the server to listen */
        st_stream *s = NULL;
        if (st_stream_open(url, &s, err, sizeof err) == ST_OK) {
            st_stream_close(s);
            return 0;
        }
        if (strstr(err, "hiredis"))
            break;
        usleep(50000);
    }
    printf("# skip: cannot reach the test redis-server: %s\n", err);
    return -1;
}

static void redis_stop(void)
{
    if (redis_pid > 0) {
        kill(redis_pid, SIGTERM);
        waitpid(redis_pid, NULL, 0);
    }
}

/* ---------------------------------------------------------------- helpers */

typedef struct diags {
    st_buf text; /* "where: message\n" per problem */
    int problems;
    const char *kill_step; /* on_step: die at this step of kill_batch */
    size_t kill_batch;
} diags;

static void on_diag(const char *where, int severity, const char *msg, void *ud)
{
    diags *d = ud;
    st_buf_printf(&d->text, "%s: %s\n", where, msg);
    if (severity != ST_OK)
        d->problems++;
}

static void on_step(const char *step, size_t batch, void *ud)
{
    diags *d = ud;
    if (d->kill_step && strcmp(step, d->kill_step) == 0 && batch == d->kill_batch)
        raise(SIGKILL);
}

static size_t publish(const char *stream, const char *path)
{
    char url[128], err[256] = "";
    size_t n = 0, errors = 0;
    url_of(stream, url);
    int rc = st_stream_publish_path(url, path, NULL, &n, &errors, err, sizeof err);
    CHECK_INT(rc, ST_OK);
    CHECK_INT(errors, 0);
    if (rc != ST_OK)
        fprintf(stderr, "  publish: %s\n", err);
    return n;
}

static st_worker_opts worker_opts(const char *stream, char url[128], const char *consumer,
                                  const char *db, diags *d)
{
    url_of(stream, url);
    st_worker_opts o = {.stream = url, .group = "g", .consumer = consumer, .db_path = db,
                        .count = 8, .block_ms = 100, .claim_idle_ms = 300,
                        .claim_every_ms = 100, .drain = 1, .on_diag = on_diag,
                        .on_step = on_step, .ud = d};
    return o;
}

static int64_t count_articles(const char *db_path)
{
    st_db *db = NULL;
    char err[256];
    if (st_db_open(db_path, &db, err, sizeof err) != ST_OK)
        return -1;
    int64_t n = st_store_count_articles(db);
    st_db_close(db);
    return n;
}

static size_t pending(const char *stream)
{
    char url[128], err[256];
    url_of(stream, url);
    st_stream *s = NULL;
    size_t n = (size_t)-1;
    if (st_stream_open(url, &s, err, sizeof err) == ST_OK)
        s->ops->pending(s, "g", &n, err, sizeof err);
    st_stream_close(s);
    return n;
}

/* Starts a worker in a child process; with `step` it dies by SIGKILL at that
 * step of batch `batch`, else it drains the stream and exits 0. */
static pid_t spawn_worker(const char *stream, const char *consumer, const char *db,
                          const char *step, size_t batch)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        char url[128], err[256];
        diags d = {.kill_step = step, .kill_batch = batch};
        st_worker_opts o = worker_opts(stream, url, consumer, db, &d);
        o.claim_idle_ms = 600000; /* the victims take nothing from each other */
        int rc = st_worker_run(&o, NULL, err, sizeof err);
        if (rc != ST_OK)
            fprintf(stderr, "  worker %s: %s\n", consumer, err);
        st_buf_free(&d.text);
        _exit(step ? 3 : rc == ST_OK ? 0 : 4); /* a victim should not get here */
    }
    return pid;
}

static int exit_status(pid_t pid)
{
    int status = 0;
    if (waitpid(pid, &status, 0) != pid)
        return -1;
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}

/* Runs a worker that dies by SIGKILL at `step` of batch `batch`; 1 when it did. */
static int killed_worker(const char *stream, const char *consumer, const char *db,
                         const char *step, size_t batch)
{
    return exit_status(spawn_worker(stream, consumer, db, step, batch)) == 128 + SIGKILL;
}

/* ---------------------------------------------------------------- tests */

static void t_url(void)
{
    st_stream_url u;
    CHECK_INT(st_stream_url_parse("redis://127.0.0.1:6380/articles", &u, NULL, 0), ST_OK);
    CHECK_STR(u.scheme, "redis");
    CHECK_STR(u.host, "127.0.0.1");
    CHECK_INT(u.port, 6380);
    CHECK_STR(u.name, "articles");
    CHECK_INT(st_stream_url_parse("redis://:s3cret@cache/news", &u, NULL, 0), ST_OK);
    CHECK_STR(u.password, "s3cret");
    CHECK_STR(u.host, "cache");
    CHECK_INT(u.port, 0);
    char err[128] = "";
    CHECK_INT(st_stream_url_parse("redis://host:99999/x", &u, err, sizeof err), ST_EUSAGE);
    CHECK_CONTAINS(err, "port");
    CHECK_INT(st_stream_url_parse("redis://host:6379", &u, err, sizeof err), ST_EUSAGE);
    CHECK_CONTAINS(err, "name");
    CHECK_INT(st_stream_url_parse("host:6379/x", &u, NULL, 0), ST_EUSAGE);
    st_stream *s = (st_stream *)1;
    CHECK_INT(st_stream_open("kafka://broker:9092/x", &s, err, sizeof err), ST_EUSAGE);
    CHECK(s == NULL);
    CHECK_CONTAINS(err, "unknown transport");
}

static int keep_first(st_article *a, void *ud)
{
    st_article **out = ud;
    if (*out)
        st_article_free(a);
    else
        *out = a;
    return 0;
}

/* What goes into an entry comes back out of the JSON Lines reader unchanged. */
static void t_article_json(void)
{
    st_article *a = st_article_new();
    a->ext_id = st_strdup("ex-1");
    a->url = st_strdup("https://example.org/a");
    a->source = st_strdup("example.org");
    a->title = st_strdup("Quake \"hits\" Kahramanmaraş");
    a->body = st_strdup("First paragraph.\n\nSecond paragraph.");
    a->language = st_strdup("en");
    a->published = st_strdup("2023-02-06T04:17:00Z");
    a->authors = st_strdup("[\"A. Writer\"]");
    a->extra = st_strdup("{\"image_url\":\"https://example.org/i.jpg\"}");
    char *json = st_article_to_json(a);
    CHECK(json != NULL);
    st_article *b = NULL;
    st_ingest_opts io = {.format = ST_FORMAT_JSONL};
    size_t errors = 9;
    CHECK_INT(st_ingest_buffer("1-0", json, strlen(json), &io, keep_first, &b, &errors), ST_OK);
    CHECK_INT(errors, 0);
    CHECK(b != NULL);
    if (b) {
        CHECK_STR(b->ext_id, a->ext_id);
        CHECK_STR(b->url, a->url);
        CHECK_STR(b->source, a->source);
        CHECK_STR(b->title, a->title);
        CHECK_STR(b->body, a->body);
        CHECK_STR(b->language, a->language);
        CHECK_STR(b->published, a->published);
        CHECK_STR(b->authors, a->authors);
        CHECK_STR(b->extra, a->extra);
    }
    free(json);
    st_article_free(a);
    st_article_free(b);
}

/* Publish the corpus, one worker consumes it all: every article stored once,
 * every entry acknowledged. */
static void t_publish_consume(void)
{
    size_t n = publish("corpus", CORPUS);
    CHECK(n >= 40);
    char url[128], db[512], err[256] = "";
    th_db(tmp, "one", db);
    diags d = {0};
    st_worker_opts o = worker_opts("corpus", url, "w1", db, &d);
    st_worker_stats st;
    int rc = st_worker_run(&o, &st, err, sizeof err);
    CHECK_INT(rc, ST_OK);
    if (rc != ST_OK)
        fprintf(stderr, "  worker: %s\n", err);
    CHECK_INT(st.entries, n);
    CHECK_INT(st.errors, 0);
    CHECK_INT(st.claimed, 0);
    CHECK_INT(st.stored + st.duplicates, n);
    CHECK(st.stored > 0);
    CHECK_INT(count_articles(db), st.stored);
    CHECK_INT(pending("corpus"), 0);
    corpus_articles = st.stored;
    snprintf(one_db, sizeof one_db, "%s", db);
    /* The stream is a log: a second group reads it all again, storing nothing new. */
    o.group = "g2";
    rc = st_worker_run(&o, &st, err, sizeof err);
    CHECK_INT(rc, ST_OK);
    CHECK_INT(st.stored, 0);
    CHECK_INT(st.duplicates, n);
    CHECK_INT(count_articles(db), corpus_articles);
    st_buf_free(&d.text);
}

/* Malformed entries are reported by id and acknowledged; good ones are stored. */
/* Malformed entries beside a good one, with `jobs` preparing threads. */
static void malformed_run(const char *stream, size_t jobs)
{
    char url[128], db[512], err[256] = "";
    url_of(stream, url);
    st_stream *s = NULL;
    CHECK_INT(st_stream_open(url, &s, err, sizeof err), ST_OK);
    if (!s)
        return;
    const char *articles[] = {
        "not json",
        "{\"title\":\"no body\"}",
        "{\"id\":\"ok-1\",\"title\":\"Fine\",\"maintext\":\"A body that is fine, "
        "about the central bank and its rates.\",\"language\":\"en\"}",
    };
    size_t lens[3];
    for (int i = 0; i < 3; i++)
        lens[i] = strlen(articles[i]);
    CHECK_INT(s->ops->publish(s, articles, lens, 3, err, sizeof err), ST_OK);
    st_stream_close(s);
    /* An entry without the "article" field: st_stream_ops cannot make one. */
    char cmd[256];
    snprintf(cmd, sizeof cmd, "redis-cli -p %u XADD %s '*' other 1", redis_port, stream);
    int have_cli = th_sh(cmd, NULL, NULL) == 0;
    th_db(tmp, stream, db);
    diags d = {0};
    st_worker_opts o = worker_opts(stream, url, "w1", db, &d);
    st_config cfg;
    st_config_default(&cfg);
    cfg.jobs = jobs;
    o.cfg = &cfg;
    st_worker_stats st;
    CHECK_INT(st_worker_run(&o, &st, err, sizeof err), ST_OK);
    CHECK_INT(st.entries, 3 + have_cli);
    CHECK_INT(st.stored, 1);
    CHECK_INT(st.errors, 2 + have_cli);
    CHECK_INT(pending(stream), 0);
    const char *t = st_buf_cstr(&d.text);
    CHECK_CONTAINS(t, "-0: ");          /* messages start with the entry id */
    CHECK_CONTAINS(t, "empty");         /* the article without a body */
    if (have_cli)
        CHECK_CONTAINS(t, "no \"article\" field");
    CHECK_INT(count_articles(db), 1);
    st_buf_free(&d.text);
}

static void t_malformed(void) { malformed_run("bad", 1); }

/* The same with threads preparing the articles of the batch ahead. */
static void t_malformed_threads(void) { malformed_run("bad3", 3); }

/* Worker a dies after committing its second batch but before acknowledging
 * it; worker b dies right after reading its first batch. Worker c claims both
 * batches: the database ends with every article exactly once. */
static void t_killed_worker_claimed(void)
{
    size_t n = publish("kill", CORPUS);
    char url[128], db[512], err[256] = "";
    th_db(tmp, "kill", db);
    CHECK(killed_worker("kill", "a", db, "committed", 2));
    CHECK(killed_worker("kill", "b", db, "read", 1));
    CHECK_INT(pending("kill"), 16);
    int64_t after_a = count_articles(db);
    CHECK(after_a > 0 && after_a <= 16);
    diags d = {0};
    st_worker_opts o = worker_opts("kill", url, "c", db, &d);
    st_worker_stats st;
    int rc = st_worker_run(&o, &st, err, sizeof err);
    CHECK_INT(rc, ST_OK);
    if (rc != ST_OK)
        fprintf(stderr, "  worker: %s\n", err);
    CHECK_INT(st.claimed, 16);
    CHECK_INT(st.entries, n - 8); /* all but a's first, acknowledged batch */
    CHECK_INT(st.errors, 0);
    CHECK_INT(pending("kill"), 0);
    CHECK_INT(count_articles(db), corpus_articles);
    CHECK_INT(count_articles(db), after_a + (int64_t)st.stored);
    st_buf_free(&d.text);
}

/* A worker restarted under the same name resumes the entries it was given. */
static void t_restart_resumes(void)
{
    publish("restart", CORPUS);
    char url[128], db[512], err[256] = "";
    th_db(tmp, "restart", db);
    CHECK(killed_worker("restart", "r", db, "read", 1));
    CHECK_INT(pending("restart"), 8);
    diags d = {0};
    st_worker_opts o = worker_opts("restart", url, "r", db, &d);
    o.claim_idle_ms = 600000; /* nobody else's entries are claimed: it must resume its own */
    st_worker_stats st;
    CHECK_INT(st_worker_run(&o, &st, err, sizeof err), ST_OK);
    CHECK_INT(st.claimed, 8);
    CHECK_INT(pending("restart"), 0);
    CHECK_INT(count_articles(db), corpus_articles);
    st_buf_free(&d.text);
}

/* Two workers at once on one SQLite file: writes take turns (busy timeout),
 * the entries are shared out, every article is stored once. */
static void t_two_workers_one_db(void)
{
    size_t n = publish("pair", CORPUS);
    char db[512];
    th_db(tmp, "pair", db);
    /* Created first: two st_db_open racing on a new file both run the first
     * migration, and one fails ("table articles already exists"). */
    CHECK_INT(count_articles(db), 0);
    pid_t a = spawn_worker("pair", "p1", db, NULL, 0);
    pid_t b = spawn_worker("pair", "p2", db, NULL, 0);
    CHECK_INT(exit_status(a), 0);
    CHECK_INT(exit_status(b), 0);
    CHECK(n > 0);
    CHECK_INT(pending("pair"), 0);
    CHECK_INT(count_articles(db), corpus_articles);
}

/* Checks the clusters of a store the workers shared: every article linked to
 * an event and a story, no event id handed to two stories; *events and
 * *stories get the number of each. */
static void check_links(const char *db_path, size_t *events, size_t *stories)
{
    st_db *db = NULL;
    char *doc = NULL;
    *events = *stories = 0;
    CHECK_INT(st_db_open(db_path, &db, NULL, 0), ST_OK);
    if (db)
        CHECK_INT(st_db_articles_json(db, NULL, &doc), ST_OK);
    st_db_close(db);
    json_t *arts = doc ? json_loads(doc, 0, NULL) : NULL;
    free(doc);
    json_t *story_of = json_object(), *seen_story = json_object();
    size_t i, unlinked = 0, split = 0;
    json_t *a;
    json_array_foreach(arts, i, a) {
        json_int_t ev = json_integer_value(json_object_get(a, "event"));
        json_int_t story = json_integer_value(json_object_get(a, "story"));
        unlinked += ev <= 0 || story <= 0;
        char key[32];
        snprintf(key, sizeof key, "%lld", (long long)ev);
        json_t *known = json_object_get(story_of, key);
        if (!known)
            json_object_set_new(story_of, key, json_integer(story));
        split += known && json_integer_value(known) != story;
        snprintf(key, sizeof key, "%lld", (long long)story);
        json_object_set_new(seen_story, key, json_true());
    }
    CHECK_INT(json_array_size(arts), corpus_articles);
    CHECK_INT(unlinked, 0);
    CHECK_INT(split, 0);
    *events = json_object_size(story_of);
    *stories = json_object_size(seen_story);
    json_decref(arts);
    json_decref(story_of);
    json_decref(seen_story);
}

/* Four workers at once on one store, two of them restarted after dying by
 * SIGKILL (one after committing its batch, one before): every article is
 * stored once and linked once, as when one worker takes the whole stream. */
static void t_workers_share_store(void)
{
    publish("share", CORPUS);
    char db[512];
    th_db(tmp, "share", db);
    CHECK_INT(count_articles(db), 0); /* migrated before the race, as in t_two_workers_one_db */
    CHECK(killed_worker("share", "k1", db, "committed", 1));
    CHECK(killed_worker("share", "k2", db, "read", 1));
    CHECK_INT(count_articles(db), 8);
    CHECK_INT(pending("share"), 16);
    const char *names[] = {"k1", "k2", "p1", "p2"};
    pid_t pid[4];
    for (int i = 0; i < 4; i++)
        pid[i] = spawn_worker("share", names[i], db, NULL, 0);
    for (int i = 0; i < 4; i++)
        CHECK_INT(exit_status(pid[i]), 0);
    CHECK_INT(pending("share"), 0);
    CHECK_INT(count_articles(db), corpus_articles);
    size_t ev_shared, st_shared, ev_one, st_one;
    check_links(db, &ev_shared, &st_shared);
    check_links(one_db, &ev_one, &st_one);
    printf("# one worker: %zu events, %zu stories; four sharing: %zu events, %zu stories\n",
           ev_one, st_one, ev_shared, st_shared);
    CHECK(st_shared > 0 && ev_shared >= st_shared);
}

/* The real seed articles (plain text files) survive the trip as entries. */
static void t_seeds(void)
{
    if (!th_have_seeds()) {
        printf("# skip t_seeds: %s is absent\n", TH_SEEDS);
        return;
    }
    size_t n = publish("seeds", TH_SEEDS);
    CHECK_INT(n, 5);
    char url[128], db[512], err[256] = "";
    th_db(tmp, "seeds", db);
    diags d = {0};
    st_worker_opts o = worker_opts("seeds", url, "s1", db, &d);
    st_worker_stats st;
    CHECK_INT(st_worker_run(&o, &st, err, sizeof err), ST_OK);
    CHECK_INT(st.stored, n);
    CHECK_INT(st.errors, 0);
    CHECK_INT(count_articles(db), n);
    st_buf_free(&d.text);
}

/* SIGINT-style stop: a set flag ends the worker after the current batch. */
static void t_stop_flag(void)
{
    publish("stop", CORPUS);
    char url[128], db[512], err[256] = "";
    th_db(tmp, "stop", db);
    volatile sig_atomic_t stop = 1;
    diags d = {0};
    st_worker_opts o = worker_opts("stop", url, "s", db, &d);
    o.drain = 0; /* without the flag this would run forever */
    o.stop = &stop;
    st_worker_stats st;
    CHECK_INT(st_worker_run(&o, &st, err, sizeof err), ST_OK);
    CHECK_INT(st.entries, 0);
    st_buf_free(&d.text);
}

static void t_unreachable(void)
{
    char err[256] = "";
    st_stream *s = NULL;
    char url[64];
    snprintf(url, sizeof url, "redis://127.0.0.1:%u/x", free_port());
    CHECK_INT(st_stream_open(url, &s, err, sizeof err), ST_EIO);
    CHECK(s == NULL);
    CHECK_CONTAINS(err, "127.0.0.1");
}

int main(void)
{
    RUN(t_url);
    RUN(t_article_json);
    if (redis_start() == 0) {
        RUN(t_publish_consume);
        RUN(t_malformed);
        RUN(t_malformed_threads);
        RUN(t_killed_worker_claimed);
        RUN(t_restart_resumes);
        RUN(t_two_workers_one_db);
        RUN(t_workers_share_store);
        RUN(t_seeds);
        RUN(t_stop_flag);
        RUN(t_unreachable);
    }
    redis_stop();
    TEST_MAIN_END;
}
