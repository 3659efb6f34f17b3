/* test_cluster.c — online event and story clustering on hand-made streams,
 * the five seeds, and a floor on the gold dev split. */
#include <dirent.h>
#include <jansson.h>

#include "cluster/cluster.h"
#include "cluster/eval.h"
#include "harness.h"
#include "text/concepts.h"
#include "text/text.h"

static st_text *TX;
static st_concepts *CS;

static st_doc *doc(const char *title, const char *body, const char *lang)
{
    st_doc *d = NULL;
    int rc = st_doc_analyse(TX, title, body, lang, &d);
    CHECK_INT(rc, ST_OK);
    return d;
}

/* Adds one article; returns its assignment. */
static st_assignment add(st_clusterer *c, const char *title, const char *body, const char *lang,
                         const char *date)
{
    st_assignment a = {0};
    st_doc *d = doc(title, body, lang);
    if (d) CHECK_INT(st_clusterer_add(c, 0, d, date, NULL, &a), ST_OK);
    st_doc_free(d);
    return a;
}

static st_clusterer *fresh(void)
{
    st_clusterer *c = NULL;
    CHECK_INT(st_clusterer_new(NULL, CS, &c), ST_OK);
    return c;
}

/* ------------------------------------------------------------ hand-made streams */

static const char *T1 = "Hamas delegation heads to Cairo for Gaza ceasefire talks";
static const char *B1 =
    "A Hamas delegation will travel to Cairo on Saturday for a new round of Gaza ceasefire "
    "talks with Egyptian and Qatari mediators, officials said. The United States, Qatar and "
    "Egypt are pushing for a deal on the release of hostages held in Gaza.";
static const char *T2 = "Gaza truce negotiations resume in Cairo as Hamas team arrives";
static const char *B2 =
    "Negotiators from Hamas arrived in Cairo to resume talks on a ceasefire in Gaza, meeting "
    "Egyptian and Qatari mediators. CIA director William Burns joined the talks on a hostage "
    "deal, according to officials in Egypt and Qatar.";
static const char *T3 = "Strong earthquake shakes northern Japan, tsunami warning issued";
static const char *B3 =
    "A magnitude 7.1 earthquake struck off the coast of northern Japan on Tuesday, the Japan "
    "Meteorological Agency said, and a tsunami warning was issued for the Pacific coast. "
    "Buildings shook in Sendai and trains were halted.";
static const char *T_ID = "Delegasi Hamas tiba di Kairo untuk perundingan gencatan senjata Gaza";
static const char *B_ID =
    "Delegasi Hamas tiba di Kairo pada hari Sabtu untuk perundingan gencatan senjata di Gaza "
    "dengan mediator Mesir dan Qatar. Amerika Serikat, Qatar dan Mesir mendorong kesepakatan "
    "pembebasan sandera yang ditahan di Gaza, kata para pejabat.";

static void t_new_and_join(void)
{
    st_clusterer *c = fresh();
    st_assignment a = add(c, T1, B1, "en", "2024-08-10");
    CHECK(a.new_event && a.new_story);
    CHECK_INT(a.event_id, 1);
    st_assignment b = add(c, T2, B2, "en", "2024-08-10T15:00:00Z");
    CHECK(!b.new_event);
    CHECK_INT(b.event_id, a.event_id);
    CHECK(b.score >= 0.2);
    st_assignment q = add(c, T3, B3, "en", "2024-08-10");
    CHECK(q.new_event);
    CHECK(q.event_id != a.event_id);
    CHECK(q.story_id != a.story_id);
    CHECK_INT(st_clusterer_nevents(c), 2);
    st_cluster_info info;
    CHECK_INT(st_clusterer_event_info(c, 0, &info), ST_OK);
    CHECK_INT(info.n_articles, 2);
    CHECK_CONTAINS(info.label, "Hamas");
    CHECK_INT(st_clusterer_event_info(c, 5, &info), ST_ENOTFOUND);
    st_clusterer_free(c);
}

static void t_crosslingual(void)
{
    st_clusterer *c = fresh();
    st_assignment a = add(c, T1, B1, "en", "2024-08-10");
    add(c, T2, B2, "en", "2024-08-10");
    add(c, T3, B3, "en", "2024-08-10");
    st_assignment i = add(c, T_ID, B_ID, "id", "2024-08-11");
    CHECK(!i.new_event);
    CHECK_INT(i.event_id, a.event_id);
    st_clusterer_free(c);
}

/* A later event reported only in another language joins its story: the
 * story's stems cannot match, so it is judged on names, as events are. */
static void t_crosslingual_story(void)
{
    st_clusterer *c = fresh();
    st_assignment a = add(c, T1, B1, "en", "2024-08-10");
    add(c, T2, B2, "en", "2024-08-10");
    st_assignment i = add(c, T_ID, B_ID, "id", "2024-09-20"); /* six weeks on */
    CHECK(i.new_event);
    CHECK(!i.new_story);
    CHECK_INT(i.story_id, a.story_id);
    /* names alone, not diluted by a terms part that could not match: above
     * what the mixed formula could give with no shared stems */
    st_cluster_params p;
    st_cluster_params_default(&p);
    CHECK(i.story_score > p.story_w_names);
    st_clusterer_free(c);
}

/* The same talks reported in eight languages, each text with the names a
 * reader would meet (Hamas, Cairo, Gaza, Qatar, Egypt) and stems of its own. */
static const char *const MANY[][3] = {
    {"de", "Hamas-Delegation reist zu Gesprächen über eine Waffenruhe in Gaza nach Kairo",
     "Eine Delegation der Hamas ist am Samstag nach Kairo gereist, wo sie mit Vermittlern aus "
     "Ägypten und Katar über eine Waffenruhe in Gaza und die Freilassung der Geiseln spricht."},
    {"fr", "Une délégation du Hamas au Caire pour des pourparlers sur une trêve à Gaza",
     "Une délégation du Hamas est arrivée samedi au Caire pour discuter d'une trêve à Gaza "
     "avec les médiateurs de l'Égypte et du Qatar, et de la libération des otages."},
    {"es", "Una delegación de Hamás viaja a El Cairo para negociar una tregua en Gaza",
     "Una delegación de Hamás llegó el sábado a El Cairo para negociar una tregua en Gaza con "
     "los mediadores de Egipto y Catar y la liberación de los rehenes, según las fuentes."},
    {"it", "Una delegazione di Hamas al Cairo per i colloqui sulla tregua a Gaza",
     "Una delegazione di Hamas è arrivata sabato al Cairo per i colloqui sulla tregua a Gaza "
     "con i mediatori dell'Egitto e del Qatar e sulla liberazione degli ostaggi."},
    {"nl", "Delegatie van Hamas naar Caïro voor gesprekken over een bestand in Gaza",
     "Een delegatie van Hamas is zaterdag in Caïro aangekomen voor gesprekken over een "
     "bestand in Gaza met bemiddelaars uit Egypte en Qatar en de vrijlating van de gijzelaars."},
    {"pt", "Delegação do Hamas vai ao Cairo para negociar uma trégua em Gaza",
     "Uma delegação do Hamas chegou no sábado ao Cairo para negociar uma trégua em Gaza com "
     "os mediadores do Egito e do Catar e a libertação dos reféns, segundo as fontes."},
    {"da", "Hamas-delegation rejser til Kairo for at forhandle om våbenhvile i Gaza",
     "En delegation fra Hamas ankom lørdag til Kairo for at forhandle om en våbenhvile i Gaza "
     "med mæglere fra Egypten og Qatar og om løsladelse af gidslerne, siger kilder."},
};

/* The two English reports of the Cairo talks, one event; returns the first's assignment. */
static st_assignment talks(st_clusterer *c)
{
    st_assignment a = add(c, T1, B1, "en", "2024-08-10");
    st_assignment b = add(c, T2, B2, "en", "2024-08-10");
    CHECK_INT(b.event_id, a.event_id);
    return a;
}

/* An event already reported in seven languages still reads an eighth on its
 * names: a short language set once passed for "every language", and stems of
 * the eighth were compared with stems that could not match. */
static void t_many_languages(void)
{
    st_clusterer *c = fresh();
    st_assignment a = talks(c);
    for (size_t i = 0; i < sizeof MANY / sizeof *MANY; i++) {
        st_assignment m = add(c, MANY[i][1], MANY[i][2], MANY[i][0], "2024-08-10");
        CHECK_INT(m.event_id, a.event_id);
    }
    /* in another script: no stem can match, the names must carry it */
    st_assignment r = add(c, "Делегация ХАМАС прибыла в Каир на переговоры о перемирии в Газе",
                          "Делегация ХАМАС в субботу прибыла в Каир, где обсудит с посредниками "
                          "из Египта и Катара перемирие в секторе Газа и освобождение заложников, "
                          "сообщили источники.",
                          "ru", "2024-08-11");
    CHECK(!r.new_event);
    CHECK_INT(r.event_id, a.event_id);
    /* judged on names alone: above what the mixed formula gives without stems */
    st_cluster_params p;
    st_cluster_params_default(&p);
    CHECK(r.score > p.w_names + p.w_title);
    st_clusterer_free(c);
}

/* A German report of an event told so far in English and in one German text
 * of other words: the German part of the term centroid is small, so the
 * article is judged on names too, as an article of a third language is. */
static void t_mixed_event(void)
{
    st_clusterer *c = fresh();
    st_assignment a = talks(c);
    st_assignment g = add(c, MANY[0][1], MANY[0][2], MANY[0][0], "2024-08-10");
    CHECK_INT(g.event_id, a.event_id);
    st_assignment d = add(c, "Verhandlungen in Kairo: Hamas trifft Vermittler aus Katar und Ägypten",
                          "In Kairo setzten Unterhändler der Hamas am Wochenende ihre Beratungen mit "
                          "Vermittlern aus Katar und Ägypten fort. Es geht um eine Feuerpause im "
                          "Gazastreifen und einen Austausch von Gefangenen.",
                          "de", "2024-08-11");
    CHECK_INT(d.event_id, a.event_id);
    /* above what the mixed formula gives when half the term part matches
     * (it gave 0.49 here when names alone were not tried) */
    st_cluster_params p;
    st_cluster_params_default(&p);
    CHECK(d.score > p.w_names + p.w_title + p.w_terms / 2);
    st_clusterer_free(c);
}

static void t_time_decay(void)
{
    st_clusterer *c = fresh();
    st_assignment a = add(c, T3, B3, "en", "2023-01-10");
    st_assignment b = add(c, T3, B3, "en", "2023-07-29"); /* 200 days later */
    CHECK(b.new_event);
    CHECK(b.event_id != a.event_id);
    st_assignment u = add(c, T3, B3, "en", NULL); /* no date: no decay */
    CHECK(!u.new_event);
    st_clusterer_free(c);
}

static void stream(st_assignment *out)
{
    st_clusterer *c = fresh();
    out[0] = add(c, T1, B1, "en", "2024-08-10");
    out[1] = add(c, T3, B3, "en", "2024-08-10");
    out[2] = add(c, T_ID, B_ID, "id", "2024-08-11");
    out[3] = add(c, T2, B2, "en", "2024-08-11");
    out[4] = add(c, T3, B3, "en", "2024-08-12");
    st_clusterer_free(c);
}

static void t_determinism(void)
{
    st_assignment x[5], y[5];
    stream(x);
    stream(y);
    for (int i = 0; i < 5; i++) {
        CHECK_INT(x[i].event_id, y[i].event_id);
        CHECK_INT(x[i].story_id, y[i].story_id);
        CHECK(x[i].score == y[i].score);
    }
    CHECK_INT(x[2].event_id, x[0].event_id);
    CHECK_INT(x[4].event_id, x[1].event_id);
}

static void t_restore(void)
{
    st_clusterer *c = fresh();
    st_doc *d1 = doc(T1, B1, "en"), *d3 = doc(T3, B3, "en");
    CHECK_INT(st_clusterer_restore(c, 1, d1, "2024-08-10", 41, 7), ST_OK);
    CHECK_INT(st_clusterer_restore(c, 2, d3, "2024-08-10", 42, 8), ST_OK);
    CHECK_INT(st_clusterer_restore(c, 3, d3, NULL, 0, 8), ST_EUSAGE);
    st_doc_free(d1);
    st_doc_free(d3);
    CHECK_INT(st_clusterer_event_story(c, 41), 7);
    CHECK_INT(st_clusterer_event_story(c, 99), 0);
    st_assignment b = add(c, T2, B2, "en", "2024-08-10");
    CHECK_INT(b.event_id, 41);
    CHECK_INT(b.story_id, 7);
    st_assignment n = add(c, "Parliament passes the budget", "The parliament of Norway passed "
                          "the state budget for next year after a long debate on taxes.", "en",
                          "2024-08-10");
    CHECK_INT(n.event_id, 43); /* new ids continue after the restored ones */
    CHECK_INT(n.story_id, 9);
    st_clusterer_free(c);
}

/* An event leaves the window; a late replayed article brings it back. */
static void t_window_and_revive(void)
{
    st_cluster_params p;
    st_cluster_params_default(&p);
    p.min_idle_articles = 0;
    p.event_window_days = 1;
    p.keep_past_labels = 1;
    st_clusterer *c = NULL;
    CHECK_INT(st_clusterer_new(&p, CS, &c), ST_OK);
    st_doc *d1 = doc(T1, B1, "en"), *d3 = doc(T3, B3, "en");
    CHECK_INT(st_clusterer_restore(c, 1, d1, "2024-08-10", 1, 1), ST_OK);
    for (int i = 0; i < 200; i++)
        CHECK_INT(st_clusterer_restore(c, 2 + i, d3, "2024-09-10", 2, 2), ST_OK);
    st_cluster_info info;
    st_clusterer_event_info(c, 0, &info);
    CHECK_INT(info.live, 0); /* left the index: 31 days idle */
    CHECK_CONTAINS(info.label, "Hamas");
    CHECK_INT(st_clusterer_live_articles(c), 200);
    CHECK_INT(st_clusterer_restore(c, 300, d1, "2024-08-10", 1, 1), ST_OK);
    st_clusterer_event_info(c, 0, &info);
    CHECK_INT(info.live, 1);
    CHECK_INT(info.n_articles, 2);
    st_doc_free(d1);
    st_doc_free(d3);
    st_clusterer_free(c);
}

/* ------------------------------------------------------------ seeds */

static int seed_docs(st_doc **docs, int max)
{
    DIR *d = opendir(TH_SEEDS);
    if (!d) return 0;
    char names[16][256];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 16)
        if (strstr(e->d_name, ".txt")) snprintf(names[n++], 256, "%s", e->d_name);
    closedir(d);
    qsort(names, (size_t)n, 256, (int (*)(const void *, const void *))strcmp);
    int k = 0;
    for (int i = 0; i < n && k < max; i++) {
        char path[600];
        snprintf(path, sizeof path, "%s/%s", TH_SEEDS, names[i]);
        char *txt = th_read_file(path, NULL);
        if (txt) docs[k++] = doc("", txt, NULL);
        free(txt);
    }
    return k;
}

static void t_seeds_one_story(void)
{
    if (!th_have_seeds()) { fprintf(stderr, "  (no seeds: skipped)\n"); return; }
    st_doc *docs[8];
    int n = seed_docs(docs, 8);
    CHECK_INT(n, 5);
    const int orders[3][5] = {{0, 1, 2, 3, 4}, {4, 3, 2, 1, 0}, {2, 0, 4, 1, 3}};
    for (int o = 0; o < 3; o++) {
        st_clusterer *c = fresh();
        int64_t ev[5];
        for (int k = 0; k < n; k++) {
            st_assignment a;
            CHECK_INT(st_clusterer_add(c, k, docs[orders[o][k]], NULL, NULL, &a), ST_OK);
            ev[k] = a.event_id;
        }
        int64_t s0 = st_clusterer_event_story(c, ev[0]);
        for (int k = 1; k < n; k++) {
            if (st_clusterer_event_story(c, ev[k]) != s0)
                fprintf(stderr, "  order %d: seed %d in another story\n", o, orders[o][k]);
            CHECK_INT(st_clusterer_event_story(c, ev[k]), s0);
        }
        st_clusterer_free(c);
    }
    for (int k = 0; k < n; k++) st_doc_free(docs[k]);
}

/* ------------------------------------------------------------ gold floor */

#define DEV "../shared/gold/dev.jsonl"
/* Measured 0.983 events, 0.906 stories in file order with the defaults (docs/clustering.md). */
#define DEV_EVENT_F1_FLOOR 0.98
#define DEV_STORY_F1_FLOOR 0.87

static void t_dev_floor(void)
{
    FILE *f = fopen(DEV, "r");
    if (!f) { fprintf(stderr, "  (no %s: skipped)\n", DEV); return; }
    st_clusterer *c = fresh();
    int64_t gev[400], gst[400], pev[400], pst[400];
    size_t n = 0;
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0 && n < 400) {
        json_t *o = json_loads(line, 0, NULL);
        if (!o) continue;
        const char *ev = json_string_value(json_object_get(o, "event"));
        const char *sto = json_string_value(json_object_get(o, "story"));
        st_doc *d = doc(json_string_value(json_object_get(o, "title")),
                        json_string_value(json_object_get(o, "maintext")),
                        json_string_value(json_object_get(o, "language")));
        st_assignment a = {0};
        if (d && ev && sto) {
            CHECK_INT(st_clusterer_add(c, (int64_t)n, d,
                                       json_string_value(json_object_get(o, "date_publish")),
                                       NULL, &a), ST_OK);
            gev[n] = (int64_t)strtol(ev + 1, NULL, 10);
            gst[n] = (int64_t)strtol(sto + 1, NULL, 10);
            pev[n++] = a.event_id;
        }
        st_doc_free(d);
        json_decref(o);
    }
    free(line);
    fclose(f);
    for (size_t i = 0; i < n; i++) pst[i] = st_clusterer_event_story(c, pev[i]);
    st_eval e, s;
    st_eval_labels(gev, pev, n, &e);
    st_eval_labels(gst, pst, n, &s);
    fprintf(stderr, "  dev: %zu articles, event BCubed F1 %.3f, story %.3f\n", n, e.bc_f1, s.bc_f1);
    CHECK(n >= 150);
    CHECK(e.bc_f1 >= DEV_EVENT_F1_FLOOR);
    CHECK(s.bc_f1 >= DEV_STORY_F1_FLOOR);
    st_clusterer_free(c);
}

int main(void)
{
    char err[256] = "";
    if (st_text_new(NULL, &TX, err, sizeof err) != ST_OK ||
        st_concepts_load(NULL, &CS, err, sizeof err) != ST_OK) {
        fprintf(stderr, "setup: %s\n", err);
        return 1;
    }
    RUN(t_new_and_join);
    RUN(t_crosslingual);
    RUN(t_crosslingual_story);
    RUN(t_many_languages);
    RUN(t_mixed_event);
    RUN(t_time_decay);
    RUN(t_determinism);
    RUN(t_restore);
    RUN(t_window_and_revive);
    RUN(t_seeds_one_story);
    RUN(t_dev_floor);
    st_concepts_free(CS);
    st_text_free(TX);
    TEST_MAIN_END;
}
