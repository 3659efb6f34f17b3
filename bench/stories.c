/* stories.c — throughput and quality of analyse + cluster on generated news.
 *
 *   stories [--sizes 10000,100000,1000000] [--max-seconds S] [--jobs N] [--write N path]
 *
 * A generator plants events in a stream: each event has a publish day, a few
 * topic words and two capitalised names; its articles mix those with words
 * drawn from a Zipf background vocabulary, so events overlap by chance. For
 * each size the articles are analysed and prepared for clustering
 * (st_doc_analyse, st_clusterer_prepare: on --jobs threads, default 1) and
 * clustered (st_clusterer_add_prepared, on the calling thread) in publish
 * order; printed: articles/s, the time per article of each side (the first
 * summed over threads), bytes held by the clusterer per live
 * article (mallinfo2), and event BCubed F1 against the planted events. --write N path also saves the first N articles as JSON
 * Lines for the scikit-learn peer (bench/sklearn_stories.py). */
#include <malloc.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cluster/cluster.h"
#include "cluster/eval.h"
#include "util/util.h"

#define BG_WORDS 6000
#define TOPIC_WORDS 30000
#define EVENTS_PER_DAY 40
/* Events being written at once. Each article picks one of them at random,
 * and a new event comes with 12% of articles: with 8.5 articles per event
 * on average that is more work than one article per step, so without a cap
 * the pool grows without end (3,500 events at 1M) and an event's articles,
 * dated within its two days, would reach the stream months later, out of
 * publish order. At this cap the first 10k articles are as before. */
#define MAX_LIVE_EVENTS 128

static const char *SYL[] = {"ka", "lo", "mi", "ren", "tu", "sa", "vor", "pe", "di", "nal",
                            "bo", "quen", "ri", "mas", "te", "gul", "fa", "zin", "ho", "dra",
                            "ne", "pli", "sto", "ur", "ve", "cha", "mon", "il", "ga", "tes"};
#define NSYL (sizeof SYL / sizeof *SYL)

typedef struct rng { uint64_t s; } rng;

static uint64_t rnd(rng *r)
{
    r->s = r->s * 6364136223846793005ULL + 1442695040888963407ULL;
    return st_mix64(r->s);
}

static double unif(rng *r) { return (double)(rnd(r) >> 11) / 9007199254740992.0; }

/* A pseudo-word of 2-4 syllables, stable for its index. */
static void word_of(uint64_t ix, uint64_t salt, char *out, size_t cap)
{
    uint64_t h = st_mix64(ix * 0x9E3779B97F4A7C15ULL + salt);
    int n = 2 + (int)(h % 3);
    size_t len = 0;
    for (int i = 0; i < n; i++) {
        h = st_mix64(h + (uint64_t)i);
        len += (size_t)snprintf(out + len, cap - len, "%s", SYL[h % NSYL]);
    }
    /* the index keeps words distinct when syllables collide */
    snprintf(out + len, cap - len, "%s", SYL[ix % NSYL]);
}

/* Zipf-like background rank: inverse of a power law. */
static uint64_t zipf(rng *r) { return (uint64_t)(BG_WORDS * unif(r) * unif(r) * unif(r)); }

/* A story: a pool of topic words and names its events draw from. */
typedef struct story_plan {
    uint64_t topic[10];
    uint64_t names[3];
    int64_t id;
    int until; /* last day it may get events */
} story_plan;

typedef struct event_plan {
    uint64_t topic[6]; /* 3 from the story, 3 of its own */
    uint64_t names[3]; /* 2 from the story, 1 of its own */
    int64_t id, story;
    int day;
    int left; /* articles still to write */
} event_plan;

typedef struct gen {
    rng r;
    event_plan *live;
    size_t nlive, cap;
    story_plan stories[64]; /* active stories */
    size_t nstories;
    int64_t next_event, next_story;
    int day;
} gen;

static story_plan *pick_story(gen *g)
{
    for (size_t i = 0; i < g->nstories;) { /* retire finished stories */
        if (g->stories[i].until < g->day) g->stories[i] = g->stories[--g->nstories];
        else i++;
    }
    if (g->nstories && (unif(&g->r) < 0.5 || g->nstories == 64))
        return &g->stories[rnd(&g->r) % g->nstories];
    story_plan *s = &g->stories[g->nstories++];
    for (int i = 0; i < 10; i++) s->topic[i] = rnd(&g->r) % TOPIC_WORDS;
    for (int i = 0; i < 3; i++) s->names[i] = rnd(&g->r) % 50000;
    s->id = g->next_story++;
    s->until = g->day + 20 + (int)(rnd(&g->r) % 60);
    return s;
}

static void plan_event(gen *g, event_plan *e)
{
    const story_plan *s = pick_story(g);
    for (int i = 0; i < 3; i++) e->topic[i] = s->topic[rnd(&g->r) % 10];
    for (int i = 3; i < 6; i++) e->topic[i] = rnd(&g->r) % TOPIC_WORDS;
    e->names[0] = s->names[rnd(&g->r) % 3];
    e->names[1] = s->names[rnd(&g->r) % 3];
    e->names[2] = rnd(&g->r) % 50000;
    e->id = g->next_event++;
    e->story = s->id;
    e->day = g->day;
    e->left = 2 + (int)(rnd(&g->r) % 14);
}

static void put_word(st_buf *b, uint64_t ix, uint64_t salt, int cap)
{
    char w[64];
    word_of(ix, salt, w, sizeof w);
    if (cap) w[0] = (char)(w[0] - 32);
    st_buf_puts(b, w);
}

/* Writes one article of event e into title and body. */
static void write_article(gen *g, const event_plan *e, st_buf *title, st_buf *body)
{
    st_buf_reset(title);
    st_buf_reset(body);
    for (int i = 0; i < 5; i++) {
        if (i) st_buf_putc(title, ' ');
        if (i == 1) put_word(title, e->names[rnd(&g->r) % 3], 7, 1);
        else put_word(title, e->topic[rnd(&g->r) % 6], 3, 0);
    }
    int sentences = 4 + (int)(rnd(&g->r) % 5);
    for (int s = 0; s < sentences; s++) {
        int len = 8 + (int)(rnd(&g->r) % 8);
        for (int i = 0; i < len; i++) {
            if (i) st_buf_putc(body, ' ');
            double u = unif(&g->r);
            if (i > 0 && u < 0.08) put_word(body, e->names[rnd(&g->r) % 3], 7, 1);
            else if (u < 0.35) put_word(body, e->topic[rnd(&g->r) % 6], 3, i == 0);
            else put_word(body, zipf(&g->r), 11, i == 0);
        }
        st_buf_puts(body, ". ");
    }
}

/* Next article in publish order: a day holds EVENTS_PER_DAY new events whose
 * articles come that day and the next, interleaved (at most MAX_LIVE_EVENTS
 * at a time). *story gets the gold story. */
static int64_t next_article(gen *g, st_buf *title, st_buf *body, char date[32], int64_t *story)
{
    if (!g->nlive || (g->nlive < MAX_LIVE_EVENTS && unif(&g->r) < 0.12)) {
        if (g->nlive == g->cap) {
            g->cap = g->cap ? g->cap * 2 : 256;
            g->live = realloc(g->live, g->cap * sizeof *g->live);
        }
        if (g->next_event % EVENTS_PER_DAY == 0 && g->next_event) g->day++;
        plan_event(g, &g->live[g->nlive++]);
    }
    size_t k = rnd(&g->r) % g->nlive;
    event_plan *e = &g->live[k];
    write_article(g, e, title, body);
    int64_t gold = e->id;
    *story = e->story;
    int d = e->day + (int)(rnd(&g->r) % 2);
    snprintf(date, 32, "%04d-%02d-%02d", 2000 + d / 336, 1 + (d / 28) % 12, 1 + d % 28);
    if (--e->left == 0) g->live[k] = g->live[--g->nlive];
    return gold;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void write_jsonl(FILE *f, const char *title, const char *body, const char *date, int64_t gold,
                        int64_t story)
{
    st_buf b = {0};
    st_buf_puts(&b, "{\"title\":");
    st_buf_json_str(&b, title);
    st_buf_puts(&b, ",\"maintext\":");
    st_buf_json_str(&b, body);
    st_buf_printf(&b, ",\"language\":\"en\",\"date_publish\":\"%s\",\"event\":\"G%lld\",\"story\":\"G%lld\"}\n",
                  date, (long long)gold, (long long)story);
    fputs(st_buf_cstr(&b), f);
    st_buf_free(&b);
}

/* One chunk of generated articles, analysed by `jobs` threads while the
 * calling thread clusters them in order, as `storytrack ingest --jobs`
 * prepares articles ahead of the store. */
#define CHUNK 2048
typedef struct chunk {
    st_buf title[CHUNK], body[CHUNK];
    char date[CHUNK][32];
    st_doc *doc[CHUNK];
    st_clprep *prep[CHUNK];
    const st_clusterer *c; /* prepared against: only its parameters are read */
    atomic_int ready[CHUNK];
    int owner[CHUNK];       /* who analysed it (worker number; the caller is -1) */
    atomic_size_t clustered; /* articles the caller is done with */
    atomic_size_t next; /* next article no thread has claimed */
    size_t n;
    atomic_int failed;
} chunk;

typedef struct worker {
    chunk *ch;
    st_text *tx;
    int self;
    double busy; /* seconds spent analysing */
    pthread_t th;
} worker;

static void free_item(chunk *ch, size_t i)
{
    st_clprep_free(ch->prep[i]);
    st_doc_free(ch->doc[i]);
    ch->prep[i] = NULL;
    ch->doc[i] = NULL;
}

/* Claims and analyses one article; 0 when none is left. */
static int analyse_next(chunk *ch, st_text *tx, int self, double *busy)
{
    size_t i = atomic_fetch_add(&ch->next, 1);
    if (i >= ch->n) return 0;
    ch->owner[i] = self;
    double t0 = now();
    if (st_doc_analyse(tx, st_buf_cstr(&ch->title[i]), st_buf_cstr(&ch->body[i]), "en", &ch->doc[i]) != ST_OK ||
        st_clusterer_prepare(ch->c, ch->doc[i], &ch->prep[i]) != ST_OK)
        atomic_store(&ch->failed, 1);
    *busy += now() - t0;
    atomic_store_explicit(&ch->ready[i], 1, memory_order_release);
    return 1;
}

/* Analyses until none is left, then frees what it analysed once the caller
 * has clustered the chunk: memory goes back to the malloc arena of the thread
 * that took it, as a free into another thread's arena waits for its lock
 * (that contention cost the clustering thread about a third of its time). */
static size_t free_own(chunk *ch, int self, size_t from)
{
    size_t upto = atomic_load_explicit(&ch->clustered, memory_order_acquire);
    for (; from < upto; from++)
        if (ch->owner[from] == self) free_item(ch, from);
    return from;
}

static void *work(void *arg)
{
    worker *w = arg;
    chunk *ch = w->ch;
    size_t freed = 0;
    while (analyse_next(ch, w->tx, w->self, &w->busy)) freed = free_own(ch, w->self, freed);
    struct timespec nap = {0, 50000};
    while ((freed = free_own(ch, w->self, freed)) < ch->n) nanosleep(&nap, NULL);
    return NULL;
}

typedef struct run {
    size_t n, done;
    int64_t *gold, *gold_st, *pred;
    double an_s, cl_s; /* analysis (all threads) and clustering seconds */
} run;

/* Analyses and clusters the chunk; the caller's thread also analyses while
 * the next article in order is not ready. */
static int run_chunk(chunk *ch, st_clusterer *c, st_text *tx, worker *w, size_t nw, run *r)
{
    atomic_store(&ch->next, 0);
    atomic_store(&ch->clustered, 0);
    ch->c = c;
    for (size_t i = 0; i < ch->n; i++) atomic_store(&ch->ready[i], 0);
    for (size_t k = 0; k < nw; k++) {
        w[k].ch = ch;
        w[k].self = (int)k;
        if (pthread_create(&w[k].th, NULL, work, &w[k]) != 0) return 1;
    }
    int rc = 0;
    for (size_t i = 0; i < ch->n; i++) {
        while (!atomic_load_explicit(&ch->ready[i], memory_order_acquire))
            analyse_next(ch, tx, -1, &r->an_s);
        if (atomic_load(&ch->failed) || !ch->prep[i]) { rc = 1; break; }
        st_assignment a;
        double c0 = now();
        if (st_clusterer_add_prepared(c, (int64_t)r->done, ch->prep[i], ch->date[i], NULL, &a) != ST_OK) {
            rc = 1;
            break;
        }
        r->cl_s += now() - c0;
        r->pred[r->done++] = a.event_id;
        if (ch->owner[i] < 0) free_item(ch, i);
        atomic_store_explicit(&ch->clustered, i + 1, memory_order_release);
    }
    atomic_store_explicit(&ch->clustered, ch->n, memory_order_release);
    for (size_t k = 0; k < nw; k++) {
        pthread_join(w[k].th, NULL);
        r->an_s += w[k].busy;
        w[k].busy = 0;
    }
    for (size_t i = 0; i < ch->n; i++) free_item(ch, i); /* after an error: what is left */
    return rc;
}

static void fill_chunk(gen *g, chunk *ch, run *r, size_t want, FILE *wf, size_t write_n)
{
    ch->n = 0;
    while (ch->n < CHUNK && r->done + ch->n < want) {
        size_t k = r->done + ch->n, i = ch->n++;
        r->gold[k] = next_article(g, &ch->title[i], &ch->body[i], ch->date[i], &r->gold_st[k]);
        if (wf && k < write_n)
            write_jsonl(wf, st_buf_cstr(&ch->title[i]), st_buf_cstr(&ch->body[i]), ch->date[i],
                        r->gold[k], r->gold_st[k]);
    }
}

static void report(st_clusterer *c, const run *r, double secs, size_t jobs, size_t held)
{
    size_t done = r->done, live = st_clusterer_live_articles(c);
    int64_t *pred_st = malloc((done ? done : 1) * sizeof *pred_st);
    for (size_t i = 0; i < done; i++) pred_st[i] = st_clusterer_event_story(c, r->pred[i]);
    st_eval e, es;
    st_eval_labels(r->gold, r->pred, done, &e);
    st_eval_labels(r->gold_st, pred_st, done, &es);
    double per = done ? 1e6 / (double)done : 0.0;
    printf("generated %8zu%s articles, %zu thread%s: %8.0f articles/s (analyse+cluster; cluster alone %.0f/s; "
           "%.1f + %.1f us/article), %6.0f bytes/live article "
           "(%zu live, %.1f MB held), events %zu (planted %zu), event BCubed F1 %.3f, story BCubed F1 %.3f\n",
           done, done < r->n ? " (time cap)" : "", jobs, jobs > 1 ? "s" : "", (double)done / secs,
           (double)done / r->cl_s, r->an_s * per, r->cl_s * per, live ? (double)held / (double)live : 0.0,
           live, held / 1048576.0, e.pred_clusters, e.gold_clusters, e.bc_f1, es.bc_f1);
    free(pred_st);
}

static int run_size(st_text **tx, size_t jobs, const st_concepts *cs, size_t n, double max_s,
                    size_t write_n, const char *write_path)
{
    gen g = {.r = {0x5eed + n}};
    run r = {.n = n};
    r.gold = malloc(n * sizeof *r.gold);
    r.gold_st = malloc(n * sizeof *r.gold_st);
    r.pred = malloc(n * sizeof *r.pred);
    chunk *ch = calloc(1, sizeof *ch);
    if (!r.gold || !r.gold_st || !r.pred || !ch) return 1;
    worker w[8] = {{0}};
    for (size_t k = 0; k + 1 < jobs; k++) w[k].tx = tx[k + 1];
    FILE *wf = write_n && write_path ? fopen(write_path, "w") : NULL;
    size_t before = mallinfo2().uordblks;
    st_clusterer *c = NULL;
    st_clusterer_new(NULL, cs, &c);
    double secs = 0;
    int rc = 0;
    while (rc == 0 && r.done < n && secs < max_s) {
        fill_chunk(&g, ch, &r, n, wf, write_n); /* untimed: generating is not the work measured */
        double t0 = now();
        rc = run_chunk(ch, c, tx[0], w, jobs - 1, &r);
        secs += now() - t0;
    }
    for (size_t i = 0; i < CHUNK; i++) { st_buf_free(&ch->title[i]); st_buf_free(&ch->body[i]); }
    free(ch);
    size_t held = mallinfo2().uordblks - before;
    if (rc == 0) report(c, &r, secs, jobs, held);
    st_clusterer_free(c);
    if (wf) fclose(wf);
    free(r.gold);
    free(r.gold_st);
    free(r.pred);
    free(g.live);
    return rc;
}

int main(int argc, char **argv)
{
    size_t sizes[8] = {10000, 100000, 1000000};
    size_t nsizes = 3, write_n = 0, jobs = 1;
    double max_s = 120;
    const char *write_path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--sizes") && i + 1 < argc) {
            nsizes = 0;
            for (char *p = argv[++i]; *p && nsizes < 8; p++) {
                sizes[nsizes++] = (size_t)strtoull(p, &p, 10);
                if (!*p) break;
            }
        } else if (!strcmp(argv[i], "--max-seconds") && i + 1 < argc) max_s = atof(argv[++i]);
        else if (!strcmp(argv[i], "--jobs") && i + 1 < argc) jobs = (size_t)atol(argv[++i]);
        else if (!strcmp(argv[i], "--write") && i + 2 < argc) {
            write_n = (size_t)atol(argv[++i]);
            write_path = argv[++i];
        }
    }
    if (jobs < 1) jobs = 1;
    if (jobs > 8) jobs = 8;
    char err[256] = "";
    st_text *tx[8] = {NULL};
    st_concepts *cs = NULL;
    int rc = st_concepts_load(NULL, &cs, err, sizeof err);
    for (size_t k = 0; rc == ST_OK && k < jobs; k++) rc = st_text_new(NULL, &tx[k], err, sizeof err);
    for (size_t i = 0; rc == ST_OK && i < nsizes; i++)
        rc = run_size(tx, jobs, cs, sizes[i], max_s, i == 0 ? write_n : 0, write_path) ? ST_EINTERNAL : ST_OK;
    if (rc != ST_OK && err[0]) fprintf(stderr, "stories: %s\n", err);
    st_concepts_free(cs);
    for (size_t k = 0; k < jobs; k++) st_text_free(tx[k]);
    return rc == ST_OK ? 0 : 1;
}
