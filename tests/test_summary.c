/* test_summary.c — centroid + MMR extractive summaries. */
#include <jansson.h>

#include "harness.h"
#include "summary/summary.h"

static st_text *text;

static const char *en1 =
    "The river flooded the valley town after three days of heavy rain. "
    "Rescue teams evacuated hundreds of families from homes near the river bank. "
    "The mayor said the flood was the worst the town had seen in fifty years. "
    "Schools in the valley will stay closed until the water goes down. "
    "A local bakery gave free bread to the rescue teams working through the night.";
static const char *en2 =
    "Rescue teams evacuated hundreds of families from homes near the river bank. "
    "Heavy rain caused the river to flood large parts of the valley town on Monday. "
    "Officials said emergency funds would help families who lost their homes in the flood. "
    "The weather service expects more rain in the valley later this week.";
static const char *en3 =
    "Farmers in the valley counted their losses as the flood water slowly drained away. "
    "Many fields near the river are still under water after the heavy rain. "
    "The regional government promised help for farmers who lost their harvest in the flood.";
static const char *de1 =
    "Nach tagelangem Regen hat der Fluss die Stadt im Tal überflutet. "
    "Rettungskräfte brachten hunderte Familien aus ihren Häusern am Flussufer in Sicherheit. "
    "Der Bürgermeister sprach von der schlimmsten Flut seit fünfzig Jahren in der Stadt.";

static json_t *build(const st_sum_input *in, size_t n)
{
    json_t *out = NULL;
    CHECK_INT(st_summary_build(text, in, n, NULL, &out), ST_OK);
    return out;
}

static void t_size_and_links(void)
{
    st_sum_input in[] = {{11, "en", "Flood", en1}, {12, "en", "Flood 2", en2}, {13, "en", NULL, en3}};
    json_t *s = build(in, 3);
    CHECK_STR(json_string_value(json_object_get(s, "main")), "en");
    json_t *l = json_array_get(json_object_get(s, "languages"), 0);
    json_t *ss = json_object_get(l, "sentences");
    CHECK(json_array_size(ss) >= 3 && json_array_size(ss) <= 5);
    CHECK_INT(json_integer_value(json_object_get(l, "articles")), 3);
    size_t i;
    json_t *x;
    json_array_foreach(ss, i, x) {
        json_int_t a = json_integer_value(json_object_get(x, "article"));
        CHECK(a >= 11 && a <= 13);
        /* The text is a span of that article's body. */
        CHECK_CONTAINS(in[a - 11].body, json_string_value(json_object_get(x, "text")));
    }
    json_decref(s);
}

static void t_no_repeats(void)
{
    /* The evacuation sentence appears in two articles and is central: it may
     * be picked once, never twice. */
    st_sum_input in[] = {{1, "en", NULL, en1}, {2, "en", NULL, en2}, {3, "en", NULL, en3}};
    json_t *s = build(in, 3);
    json_t *ss = json_object_get(json_array_get(json_object_get(s, "languages"), 0), "sentences");
    int evac = 0;
    size_t i;
    json_t *x;
    json_array_foreach(ss, i, x)
        evac += strstr(json_string_value(json_object_get(x, "text")), "evacuated hundreds") != NULL;
    CHECK(evac <= 1);
    json_decref(s);
}

static void t_languages(void)
{
    st_sum_input in[] = {{1, "de", NULL, de1}, {2, "en", NULL, en1}, {3, "en", NULL, en2}};
    json_t *s = build(in, 3);
    json_t *langs = json_object_get(s, "languages");
    CHECK_INT(json_array_size(langs), 2);
    CHECK_STR(json_string_value(json_object_get(s, "main")), "en");
    CHECK_STR(json_string_value(json_object_get(json_array_get(langs, 0), "lang")), "en");
    json_t *de = json_array_get(langs, 1);
    CHECK_STR(json_string_value(json_object_get(de, "lang")), "de");
    CHECK(json_array_size(json_object_get(de, "sentences")) >= 1);
    json_decref(s);
}

static void t_empty_and_short(void)
{
    json_t *s = build(NULL, 0);
    CHECK(json_is_null(json_object_get(s, "main")));
    CHECK_INT(json_array_size(json_object_get(s, "languages")), 0);
    json_decref(s);
    /* Sentences too short to stand alone give an empty summary, not a crash. */
    st_sum_input in[] = {{5, NULL, NULL, "Rain. More rain. Floods."}};
    s = build(in, 1);
    json_t *l = json_array_get(json_object_get(s, "languages"), 0);
    CHECK_STR(json_string_value(json_object_get(l, "lang")), "und");
    CHECK_INT(json_array_size(json_object_get(l, "sentences")), 0);
    json_decref(s);
}

static void t_reading_order(void)
{
    st_sum_input in[] = {{1, "en", NULL, en1}, {2, "en", NULL, en2}, {3, "en", NULL, en3}};
    json_t *s = build(in, 3);
    json_t *ss = json_object_get(json_array_get(json_object_get(s, "languages"), 0), "sentences");
    json_int_t prev = 0;
    size_t i;
    json_t *x;
    json_array_foreach(ss, i, x) {
        json_int_t a = json_integer_value(json_object_get(x, "article"));
        CHECK(a >= prev);
        prev = a;
    }
    json_decref(s);
}

int main(void)
{
    char err[256];
    if (st_text_new(NULL, &text, err, sizeof err) != ST_OK) {
        fprintf(stderr, "text resources: %s\n", err);
        return 1;
    }
    RUN(t_size_and_links);
    RUN(t_no_repeats);
    RUN(t_languages);
    RUN(t_empty_and_short);
    RUN(t_reading_order);
    st_text_free(text);
    TEST_MAIN_END;
}
