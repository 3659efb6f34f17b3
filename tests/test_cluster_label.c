/* test_cluster_label.c — readable labels and term/entity lists (surface words
 * for stems, no term repeating a name, kept after eviction), lookups by id,
 * and parameters taken from st_config. */
#include <string.h>

#include "cluster/cluster.h"
#include "cluster/fvec.h"
#include "cluster/surface.h"
#include "harness.h"
#include "text/concepts.h"
#include "text/text.h"

static st_text *TX;
static st_concepts *CS;

static const char *T1 = "Hamas delegation heads to Cairo for Gaza ceasefire talks";
static const char *B1 =
    "A Hamas delegation will travel to Cairo on Saturday for a new round of Gaza ceasefire "
    "talks with Egyptian and Qatari mediators, officials said. Hamas negotiators want "
    "guarantees; the negotiations on hostages resume as inflation worries the region.";
static const char *T2 = "Negotiations resume in Cairo as Hamas negotiators arrive";
static const char *B2 =
    "Negotiators from Hamas arrived in Cairo to resume negotiations on a ceasefire in Gaza, "
    "meeting Egyptian and Qatari mediators. Hamas said the negotiations were serious.";

/* Analyses and clusters one article; returns its assignment. */
static st_assignment add(st_clusterer *c, int64_t id, const char *title, const char *body,
                         const char *lang, const char *date)
{
    st_doc *d = NULL;
    st_assignment a = {0};
    CHECK_INT(st_doc_analyse(TX, title, body, lang, &d), ST_OK);
    if (d) CHECK_INT(st_clusterer_add(c, id, d, date, NULL, &a), ST_OK);
    st_doc_free(d);
    return a;
}

static st_clusterer *stream(void)
{
    st_clusterer *c = NULL;
    CHECK_INT(st_clusterer_new(NULL, CS, &c), ST_OK);
    const char *t[] = {T1, T2, T1};
    const char *b[] = {B1, B2, B2};
    for (int i = 0; c && i < 3; i++) add(c, i + 1, t[i], b[i], "en", "2024-08-10");
    return c;
}

/* The words of the part of a label after " — ", one per call. */
static int next_term(const char **p, char *out, size_t cap)
{
    while (**p == ',' || **p == ' ') (*p)++;
    size_t n = strcspn(*p, ",");
    if (!n || n >= cap) return 0;
    memcpy(out, *p, n);
    out[n] = 0;
    *p += n;
    return 1;
}

static void t_label_words_not_stems(void)
{
    st_clusterer *c = stream();
    st_cluster_info info;
    CHECK_INT(st_clusterer_event_info(c, 0, &info), ST_OK);
    CHECK_CONTAINS(info.label, "Hamas");
    const char *dash = strstr(info.label, " \u2014 ");
    CHECK(dash != NULL);
    if (!dash) { st_clusterer_free(c); return; }
    CHECK(strchr(info.label, ';') == NULL);
    /* "negoti" is the stem of every word of that family: a word must be shown. */
    CHECK_CONTAINS(dash, "negotiations");
    const char *p = dash + strlen(" \u2014 ");
    char term[64];
    int n = 0;
    while (next_term(&p, term, sizeof term)) {
        n++;
        CHECK(strcmp(term, "hamas") != 0 && strcmp(term, "hama") != 0); /* repeats a name */
        CHECK(strcmp(term, "negoti") != 0);
    }
    CHECK(n >= 1 && n <= 3);
    st_cluster_info story;
    CHECK_INT(st_clusterer_story_info(c, 0, &story), ST_OK);
    CHECK(strstr(story.label, " \u2014 ") != NULL);
    st_clusterer_free(c);
}

static int in_list(char (*list)[ST_CLUSTER_WORD], size_t n, const char *w)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i], w) == 0) return 1;
    return 0;
}

/* The lists say more than the label, by the same rules: words not stems, no
 * term repeating an entity, no entry twice, strongest first. */
static void t_lists(void)
{
    st_clusterer *c = stream();
    st_cluster_info e;
    CHECK_INT(st_clusterer_event_info(c, 0, &e), ST_OK);
    CHECK(e.nterms >= 4 && e.nterms <= ST_CLUSTER_TOP);
    CHECK(e.nentities >= 3 && e.nentities <= ST_CLUSTER_TOP);
    CHECK_STR(e.entities[0], "Hamas"); /* the label's first name */
    CHECK(strncmp(e.label, e.entities[0], strlen(e.entities[0])) == 0);
    CHECK(in_list(e.entities, e.nentities, "Cairo") && in_list(e.entities, e.nentities, "Gaza"));
    CHECK(in_list(e.terms, e.nterms, "negotiations"));
    CHECK(!in_list(e.terms, e.nterms, "negoti") && !in_list(e.terms, e.nterms, "hamas"));
    CHECK(!in_list(e.terms, e.nterms, "cairo") && !in_list(e.terms, e.nterms, "gaza"));
    /* nor a word the alias tables name a place by: the entities say it */
    CHECK(!in_list(e.terms, e.nterms, "egyptian") && !in_list(e.terms, e.nterms, "qatari"));
    for (size_t i = 0; i < e.nterms; i++) {
        CHECK(e.terms[i][0] != 0);
        CHECK(!in_list(e.terms, i, e.terms[i]));
    }
    for (size_t i = 0; i < e.nentities; i++) CHECK(!in_list(e.entities, i, e.entities[i]));
    st_cluster_info s;
    CHECK_INT(st_clusterer_story_info(c, 0, &s), ST_OK);
    CHECK(s.nterms >= 1 && s.nentities >= 1);
    CHECK(in_list(s.entities, s.nentities, "Hamas"));
    st_clusterer_free(c);
}

/* The first event's info before and after it leaves the window (unrelated
 * articles a month later: eviction runs every 128 articles). */
static void evict_first(int keep_labels, st_cluster_info *before, st_cluster_info *after)
{
    st_cluster_params p;
    st_cluster_params_default(&p);
    p.event_window_days = p.story_window_days = 1;
    p.min_idle_articles = 0;
    p.keep_past_labels = keep_labels;
    st_clusterer *c = NULL;
    CHECK_INT(st_clusterer_new(&p, CS, &c), ST_OK);
    memset(before, 0, sizeof *before);
    memset(after, 0, sizeof *after);
    if (!c) return;
    const char *t[] = {T1, T2, T1};
    const char *b[] = {B1, B2, B2};
    for (int i = 0; i < 3; i++) add(c, i + 1, t[i], b[i], "en", "2024-08-10");
    CHECK_INT(st_clusterer_event_info(c, 0, before), ST_OK);
    for (int i = 0; i < 200 && st_clusterer_event_info(c, 0, after) == ST_OK && after->live; i++) {
        char title[64];
        snprintf(title, sizeof title, "Flood waters rise in district %d", i);
        add(c, 100 + i, title, "Residents moved to higher ground.", "en", "2024-09-12");
    }
    st_clusterer_free(c);
}

/* With keep_past_labels, an event that leaves the window keeps what it
 * showed: label and lists. */
static void t_lists_kept_after_eviction(void)
{
    st_cluster_info before, after;
    evict_first(1, &before, &after);
    CHECK(before.live && before.nterms > 0 && before.nentities > 0);
    CHECK_INT(after.live, 0);
    CHECK_STR(after.label, before.label);
    CHECK_INT(after.nterms, before.nterms);
    CHECK_INT(after.nentities, before.nentities);
    for (size_t i = 0; i < before.nterms && i < after.nterms; i++)
        CHECK_STR(after.terms[i], before.terms[i]);
    for (size_t i = 0; i < before.nentities && i < after.nentities; i++)
        CHECK_STR(after.entities[i], before.entities[i]);
}

/* By default the store keeps a past event's words, not memory: its counts
 * and days stay, its label and lists are empty. */
static void t_past_labels_left_to_the_store(void)
{
    st_cluster_info before, after;
    evict_first(0, &before, &after);
    CHECK(before.live && before.label[0]);
    CHECK_INT(after.live, 0);
    CHECK_INT(after.n_articles, 3);
    CHECK_INT(after.story_id, before.story_id);
    CHECK(after.first_days == before.first_days);
    CHECK_STR(after.label, "");
    CHECK_INT(after.nterms, 0);
    CHECK_INT(after.nentities, 0);
}

static const char *T_ID = "Delegasi Hamas tiba di Kairo untuk perundingan gencatan senjata Gaza";
static const char *B_ID =
    "Delegasi Hamas tiba di Kairo pada hari Sabtu untuk perundingan gencatan senjata di Gaza "
    "dengan mediator Mesir dan Qatar. Perundingan pembebasan sandera dilanjutkan, kata para "
    "pejabat, dan delegasi Hamas menuntut jaminan.";

/* An event told mostly in English, with one Indonesian report, is labelled
 * in English: the Indonesian stems, rare in an English stream, outweighed
 * the English ones, which every earlier report of talks had used. */
static void t_label_main_language(void)
{
    st_clusterer *c = NULL;
    CHECK_INT(st_clusterer_new(NULL, CS, &c), ST_OK);
    if (!c) return;
    for (int i = 0; i < 12; i++) { /* a month before: other talks, the same words */
        char title[96];
        snprintf(title, sizeof title, "Negotiations resume as mediators meet union %d", i);
        add(c, 100 + i, title,
            "Negotiators said the talks and negotiations would resume, mediators said; a delegation "
            "wants guarantees on the round of negotiations and the ceasefire of the strike.",
            "en", "2024-07-01");
    }
    st_assignment a = add(c, 1, T1, B1, "en", "2024-08-10");
    add(c, 2, T2, B2, "en", "2024-08-10");
    add(c, 3, T1, B2, "en", "2024-08-10");
    st_assignment i = add(c, 4, T_ID, B_ID, "id", "2024-08-10");
    CHECK_INT(i.event_id, a.event_id);
    st_cluster_info e;
    CHECK_INT(st_clusterer_event_info_by_id(c, a.event_id, &e), ST_OK);
    CHECK_INT(e.n_articles, 4);
    static const char *const indonesian[] = {"delegasi", "tiba", "perundingan", "gencatan",
                                             "senjata", "sandera", "pembebasan", "dilanjutkan",
                                             "pejabat", "menuntut", "jaminan", "sabtu"};
    const char *dash = strstr(e.label, " \u2014 ");
    CHECK(dash != NULL);
    for (size_t k = 0; k < sizeof indonesian / sizeof *indonesian; k++) {
        CHECK(!dash || !strstr(dash, indonesian[k]));
        CHECK(!in_list(e.terms, e.nterms, indonesian[k]));
    }
    CHECK(e.nterms >= 3);
    st_clusterer_free(c);
}

/* The lists ask st_fvec_top for a few dozen keys, answered in one pass; the
 * order (weight, then smaller key) must be the selection's, which serves
 * k > 64, whatever k: the label's keys are a prefix of the lists'. */
static void t_top_any_k(void)
{
    st_fvec v = {0};
    for (uint64_t k = 1; k <= 200; k++) st_fvec_push(&v, (k * 7919) % 1009, (float)(k % 13));
    st_fvec_finish(&v);
    uint64_t all[100], some[64];
    uint32_t n = st_fvec_top(&v, 100, all);
    CHECK_INT(n, 100);
    for (uint32_t k = 1; k <= 64; k += 7) {
        CHECK_INT(st_fvec_top(&v, k, some), k);
        CHECK(memcmp(some, all, k * sizeof *some) == 0);
    }
    CHECK_INT(st_fvec_top(&v, 0, some), 0);
    st_fvec_free(&v);
}

/* A new clusterer holding one English event of three copies of an article;
 * NULL when it could not be made (CHECKed). */
static st_clusterer *three_copies(const char *title, const char *body)
{
    st_clusterer *c = NULL;
    CHECK_INT(st_clusterer_new(NULL, CS, &c), ST_OK);
    for (int i = 0; c && i < 3; i++) add(c, i + 1, title, body, "en", "2024-08-10");
    return c;
}

/* A term is shown as a word that stemmed to it, not as any word that starts
 * with its stem: "cargo" is no form of "car". */
static void t_forms_are_words_of_the_term(void)
{
    st_clusterer *c = three_copies("Car in the harbour: cargo late",
                                   "A car fell into the harbour. Cargo cranes lifted it; cargo "
                                   "ships waited and the cargo of the night was late. Cargo "
                                   "again, said the pilots.");
    if (!c) return;
    st_cluster_info e;
    CHECK_INT(st_clusterer_event_info(c, 0, &e), ST_OK);
    CHECK_INT(e.n_articles, 3);
    CHECK(in_list(e.terms, e.nterms, "car"));
    CHECK(in_list(e.terms, e.nterms, "cargo"));
    st_clusterer_free(c);
}

/* A term that is a name in the alias tables is left to the entities, also
 * as an acronym ("ecb": ECB) or after an elided article ("l'espagne"). */
static void t_terms_not_names(void)
{
    st_clusterer *c = three_copies("ECB raises rates again",
                                   "The ECB raised its rates again. ECB officials said rates "
                                   "would stay high, and the ECB board met in Frankfurt as "
                                   "inflation eased.");
    if (!c) return;
    st_assignment fr = add(c, 4, "La BCE relève ses taux",
                           "La BCE relève ses taux face à l'Espagne et l'Espagne proteste; "
                           "l'Espagne attend la BCE à Francfort.",
                           "fr", "2024-08-10");
    CHECK(!fr.new_event);
    st_cluster_info e;
    CHECK_INT(st_clusterer_event_info(c, 0, &e), ST_OK);
    CHECK(in_list(e.entities, e.nentities, "European Central Bank"));
    CHECK(in_list(e.terms, e.nterms, "rates"));
    CHECK(!in_list(e.terms, e.nterms, "ecb") && !in_list(e.terms, e.nterms, "bce"));
    CHECK(!in_list(e.terms, e.nterms, "l'espagne") && !in_list(e.terms, e.nterms, "espagne"));
    st_clusterer_free(c);
    /* nor a possessive of one, nor a monarch's number */
    c = three_copies("Charles III and Russia's envoys",
                     "King Charles III met envoys as Russia's war went on. Russia's envoys told "
                     "Charles III that Russia's army would stay; Charles III said little.");
    if (!c) return;
    CHECK_INT(st_clusterer_event_info(c, 0, &e), ST_OK);
    CHECK(e.nterms > 0);
    CHECK(!in_list(e.terms, e.nterms, "iii") && !in_list(e.terms, e.nterms, "russia's"));
    st_clusterer_free(c);
}

static void t_surface_most_frequent(void)
{
    st_surface s = {0};
    const char *forms[] = {"inflationary", "inflation", "inflation", "inflated", "inflating",
                           "inflates", "inflation", "inflate"};
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++)
        CHECK_INT(st_surface_add(&s, 42, forms[i], strlen(forms[i])), ST_OK);
    CHECK_STR(st_surface_get(&s, 42), "inflation");
    CHECK(st_surface_get(&s, 43) == NULL);
    /* Memory per key stays at ST_SURFACE_SLOTS forms however many are seen. */
    CHECK_INT(s.nforms, 1);
    for (int i = 0; i < 50; i++) {
        char w[16];
        snprintf(w, sizeof w, "infl%d", i);
        CHECK_INT(st_surface_add(&s, 42, w, strlen(w)), ST_OK);
    }
    CHECK_INT(s.nforms, 1);
    st_surface_free(&s);
}

static void t_info_by_id(void)
{
    st_clusterer *c = stream();
    st_cluster_info a, b;
    CHECK_INT(st_clusterer_event_info(c, 0, &a), ST_OK);
    CHECK_INT(st_clusterer_event_info_by_id(c, a.id, &b), ST_OK);
    CHECK_INT(b.id, a.id);
    CHECK_INT(b.n_articles, a.n_articles);
    CHECK_STR(b.label, a.label);
    CHECK_INT(st_clusterer_story_info_by_id(c, a.story_id, &b), ST_OK);
    CHECK_INT(b.id, a.story_id);
    CHECK_INT(st_clusterer_event_info_by_id(c, 999, &b), ST_ENOTFOUND);
    CHECK_INT(st_clusterer_story_info_by_id(c, 0, &b), ST_ENOTFOUND);
    st_clusterer_free(c);
}

static void t_params_from_config(void)
{
    st_cluster_params def, p;
    memset(&def, 0, sizeof def); /* padding too, for memcmp */
    memset(&p, 0, sizeof p);
    st_cluster_params_default(&def);
    st_config cfg;
    st_config_default(&cfg);
    st_cluster_params_from_config(&p, &cfg);
    CHECK(memcmp(&p, &def, sizeof p) == 0); /* zeros mean the defaults */
    cfg.event_threshold = 0.5;
    cfg.story_window_days = 30;
    st_cluster_params_from_config(&p, &cfg);
    CHECK(p.event_threshold == 0.5);
    CHECK(p.story_window_days == 30);
    CHECK(p.story_threshold == def.story_threshold);
    CHECK(p.event_window_days == def.event_window_days);
    CHECK(p.w_terms == def.w_terms);
    st_cluster_params_from_config(&p, NULL);
    CHECK(p.event_threshold == def.event_threshold);
}

int main(void)
{
    char err[256] = "";
    if (st_text_new(NULL, &TX, err, sizeof err) != ST_OK ||
        st_concepts_load(NULL, &CS, err, sizeof err) != ST_OK) {
        fprintf(stderr, "setup: %s\n", err);
        return 1;
    }
    RUN(t_label_words_not_stems);
    RUN(t_lists);
    RUN(t_lists_kept_after_eviction);
    RUN(t_past_labels_left_to_the_store);
    RUN(t_label_main_language);
    RUN(t_top_any_k);
    RUN(t_forms_are_words_of_the_term);
    RUN(t_terms_not_names);
    RUN(t_surface_most_frequent);
    RUN(t_info_by_id);
    RUN(t_params_from_config);
    st_concepts_free(CS);
    st_text_free(TX);
    TEST_MAIN_END;
}
