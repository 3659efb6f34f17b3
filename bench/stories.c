/* stories.c — throughput and quality of analyse + cluster on generated news.
 *
 *   stories [--sizes 10000,100000,1000000] [--max-seconds S] [--write N path]
 *
 * A generator plants events in a stream: each event has a publish day, a few
 * topic words and two capitalised names; its articles mix those with words
 * drawn from a Zipf background vocabulary, so events overlap by chance. For
 * each size the articles are analysed (st_doc_analyse) and clustered
 * (st_clusterer_add) in publish order; printed: articles/s, the time per
 * article of each of the two calls, bytes held by the clusterer per live
 * article (mallinfo2), and event BCubed F1 against the planted events. --write N path also saves the first N articles as JSON
 * Lines for the scikit-learn peer (bench/sklearn_stories.py). */
#include <malloc.h>
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
 * articles come that day and the next, interleaved. *story gets the gold story. */
static int64_t next_article(gen *g, st_buf *title, st_buf *body, char date[32], int64_t *story)
{
    if (!g->nlive || unif(&g->r) < 0.12) {
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

static int run_size(st_text *tx, const st_concepts *cs, size_t n, double max_s, size_t write_n,
                    const char *write_path)
{
    gen g = {.r = {0x5eed + n}};
    st_buf title = {0}, body = {0};
    int64_t *gold = malloc(n * sizeof *gold), *pred = malloc(n * sizeof *pred);
    int64_t *gold_st = malloc(n * sizeof *gold_st), *pred_st = malloc(n * sizeof *pred_st);
    FILE *wf = write_n && write_path ? fopen(write_path, "w") : NULL;
    size_t before = mallinfo2().uordblks;
    st_clusterer *c = NULL;
    st_clusterer_new(NULL, cs, &c);
    double gen_s = 0, an_s = 0, t0 = now();
    size_t done = 0;
    for (; done < n; done++) {
        char date[32];
        double g0 = now();
        gold[done] = next_article(&g, &title, &body, date, &gold_st[done]);
        if (wf && done < write_n)
            write_jsonl(wf, st_buf_cstr(&title), st_buf_cstr(&body), date, gold[done], gold_st[done]);
        gen_s += now() - g0;
        st_doc *d = NULL;
        double a0 = now();
        if (st_doc_analyse(tx, st_buf_cstr(&title), st_buf_cstr(&body), "en", &d) != ST_OK) return 1;
        an_s += now() - a0;
        st_assignment a;
        if (st_clusterer_add(c, (int64_t)done, d, date, NULL, &a) != ST_OK) return 1;
        pred[done] = a.event_id;
        st_doc_free(d);
        if ((done & 1023) == 0 && now() - t0 > max_s) break;
    }
    double secs = now() - t0 - gen_s;
    size_t held = mallinfo2().uordblks - before;
    size_t live = st_clusterer_live_articles(c);
    for (size_t i = 0; i < done; i++) pred_st[i] = st_clusterer_event_story(c, pred[i]);
    st_eval e, es;
    st_eval_labels(gold, pred, done, &e);
    st_eval_labels(gold_st, pred_st, done, &es);
    printf("generated %8zu%s articles: %8.0f articles/s (analyse+cluster; cluster alone %.0f/s; "
           "%.1f + %.1f us/article), %6.0f bytes/live article "
           "(%zu live, %.1f MB held), events %zu (planted %zu), event BCubed F1 %.3f, story BCubed F1 %.3f\n",
           done, done < n ? " (time cap)" : "", (double)done / secs, (double)done / (secs - an_s),
           done ? an_s / (double)done * 1e6 : 0.0, done ? (secs - an_s) / (double)done * 1e6 : 0.0,
           live ? (double)held / (double)live : 0.0, live, held / 1048576.0, e.pred_clusters,
           e.gold_clusters, e.bc_f1, es.bc_f1);
    st_clusterer_free(c);
    if (wf) fclose(wf);
    free(gold);
    free(pred);
    free(gold_st);
    free(pred_st);
    free(g.live);
    st_buf_free(&title);
    st_buf_free(&body);
    return 0;
}

int main(int argc, char **argv)
{
    size_t sizes[8] = {10000, 100000, 1000000};
    size_t nsizes = 3, write_n = 0;
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
        else if (!strcmp(argv[i], "--write") && i + 2 < argc) {
            write_n = (size_t)atol(argv[++i]);
            write_path = argv[++i];
        }
    }
    char err[256] = "";
    st_text *tx = NULL;
    st_concepts *cs = NULL;
    if (st_text_new(NULL, &tx, err, sizeof err) != ST_OK ||
        st_concepts_load(NULL, &cs, err, sizeof err) != ST_OK) {
        fprintf(stderr, "stories: %s\n", err);
        return 1;
    }
    for (size_t i = 0; i < nsizes; i++)
        if (run_size(tx, cs, sizes[i], max_s, i == 0 ? write_n : 0, write_path) != 0) return 1;
    st_concepts_free(cs);
    st_text_free(tx);
    return 0;
}
