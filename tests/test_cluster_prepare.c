/* test_cluster_prepare.c — articles prepared on another thread
 * (st_clusterer_prepare) while the clusterer adds earlier ones cluster
 * exactly as st_clusterer_add clusters them. Also run under ThreadSanitizer
 * (make test-tsan). */
#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#include "cluster/cluster.h"
#include "harness.h"
#include "text/concepts.h"
#include "text/text.h"

#define DEV "../shared/gold/dev.jsonl"
#define MAXDOCS 400

static st_concepts *CS;

typedef struct stream {
    st_doc *doc[MAXDOCS];
    char date[MAXDOCS][32];
    size_t n;
    st_clprep *prep[MAXDOCS];
    atomic_int ready[MAXDOCS];
    const st_clusterer *c;
} stream;

/* The dev split when present, else the examples corpus' gold set (same fields). */
static void load(st_text *tx, stream *s)
{
    FILE *f = fopen(DEV, "r");
    if (!f) f = fopen("examples/gold.jsonl", "r");
    CHECK(f != NULL);
    if (!f) return;
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0 && s->n < MAXDOCS) {
        json_t *o = json_loads(line, 0, NULL);
        if (!o) continue;
        const char *date = json_string_value(json_object_get(o, "date_publish"));
        st_doc *d = NULL;
        int rc = st_doc_analyse(tx, json_string_value(json_object_get(o, "title")),
                                json_string_value(json_object_get(o, "maintext")),
                                json_string_value(json_object_get(o, "language")), &d);
        CHECK_INT(rc, ST_OK);
        if (d) {
            snprintf(s->date[s->n], sizeof s->date[0], "%s", date ? date : "");
            s->doc[s->n++] = d;
        }
        json_decref(o);
    }
    free(line);
    fclose(f);
}

static void *prepare_all(void *arg)
{
    stream *s = arg;
    for (size_t i = 0; i < s->n; i++) {
        if (st_clusterer_prepare(s->c, s->doc[i], &s->prep[i]) != ST_OK) s->prep[i] = NULL;
        atomic_store_explicit(&s->ready[i], 1, memory_order_release);
    }
    return NULL;
}

static void same_info(const st_cluster_info *a, const st_cluster_info *b)
{
    CHECK_INT(a->id, b->id);
    CHECK_INT(a->story_id, b->story_id);
    CHECK_INT(a->n_articles, b->n_articles);
    CHECK_STR(a->label, b->label);
}

static void t_prepared_elsewhere(void)
{
    st_text *tx = NULL;
    char err[256];
    CHECK_INT(st_text_new(NULL, &tx, err, sizeof err), ST_OK);
    if (!tx) return;
    stream *s = calloc(1, sizeof *s);
    load(tx, s);
    CHECK(s->n >= 40);
    st_clusterer *plain = NULL, *prepd = NULL;
    CHECK_INT(st_clusterer_new(NULL, CS, &plain), ST_OK);
    CHECK_INT(st_clusterer_new(NULL, CS, &prepd), ST_OK);
    s->c = prepd;
    pthread_t th;
    CHECK_INT(pthread_create(&th, NULL, prepare_all, s), 0);
    for (size_t i = 0; i < s->n; i++) {
        st_assignment a, b;
        const char *date = s->date[i][0] ? s->date[i] : NULL;
        CHECK_INT(st_clusterer_add(plain, (int64_t)i, s->doc[i], date, NULL, &a), ST_OK);
        while (!atomic_load_explicit(&s->ready[i], memory_order_acquire)) {}
        CHECK(s->prep[i] != NULL);
        if (!s->prep[i]) continue;
        CHECK_INT(st_clusterer_add_prepared(prepd, (int64_t)i, s->prep[i], date, NULL, &b), ST_OK);
        CHECK_INT(a.event_id, b.event_id);
        CHECK_INT(a.story_id, b.story_id);
        CHECK(a.score == b.score);
    }
    pthread_join(th, NULL);
    CHECK_INT(st_clusterer_nevents(plain), st_clusterer_nevents(prepd));
    CHECK_INT(st_clusterer_nstories(plain), st_clusterer_nstories(prepd));
    for (size_t i = 0; i < st_clusterer_nevents(plain); i++) {
        st_cluster_info x, y;
        CHECK_INT(st_clusterer_event_info(plain, i, &x), ST_OK);
        CHECK_INT(st_clusterer_event_info(prepd, i, &y), ST_OK);
        same_info(&x, &y);
    }
    for (size_t i = 0; i < st_clusterer_nstories(plain); i++) {
        st_cluster_info x, y;
        CHECK_INT(st_clusterer_story_info(plain, i, &x), ST_OK);
        CHECK_INT(st_clusterer_story_info(prepd, i, &y), ST_OK);
        same_info(&x, &y);
    }
    for (size_t i = 0; i < s->n; i++) {
        st_clprep_free(s->prep[i]);
        st_doc_free(s->doc[i]);
    }
    st_clusterer_free(plain);
    st_clusterer_free(prepd);
    free(s);
    st_text_free(tx);
}

int main(void)
{
    char err[256];
    if (st_concepts_load(NULL, &CS, err, sizeof err) != ST_OK) {
        fprintf(stderr, "concepts: %s\n", err);
        return 1;
    }
    RUN(t_prepared_elsewhere);
    st_concepts_free(CS);
    TEST_MAIN_END;
}
