/* test_stories.c — clustering through the whole pipeline: the seeds make one
 * story in any arrival order, recluster is deterministic, and eval scores. */
#include <jansson.h>
#include <strings.h>

#include "harness.h"

static char dir[256];
static char examples_db[512]; /* the corpus, reclustered, then evaluated */

static json_t *cli_json(const char *args)
{
    char cmd[2048], *out = NULL;
    snprintf(cmd, sizeof cmd, "%s %s", TH_CLI, args);
    int rc = th_sh(cmd, &out, NULL);
    json_t *j = (rc == 0 && out) ? json_loads(out, 0, NULL) : NULL;
    free(out);
    return j;
}

static int cli_ok(const char *args)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "%s %s", TH_CLI, args);
    return th_sh(cmd, NULL, NULL);
}

/* Ingests the seeds one file at a time in the order given by `order`. */
static void ingest_in_order(const char *db, const int order[5])
{
    static const char *seeds[] = {"000_f2c78312280b9d9b", "001_9af9df364cc45a3d",
                                  "002_e76da256bc5e1e1d", "003_9a1633e24300d991",
                                  "004_aa281476638b5d3f"};
    for (int i = 0; i < 5; i++) {
        char a[800];
        snprintf(a, sizeof a, "ingest --quiet --db %s %s/%s.txt", db, TH_SEEDS, seeds[order[i]]);
        CHECK_INT(cli_ok(a), 0);
    }
}

static int has_word(json_t *arr, const char *w)
{
    size_t i;
    json_t *x;
    json_array_foreach(arr, i, x) if (strcmp(json_string_value(x), w) == 0) return 1;
    return 0;
}

/* The seeds are the Gaza cease-fire and hostage talks: their story lists who
 * (Hamas, Israel, Qatar as mediator) and what (war, and a word of the talks),
 * and no term only repeats an entity ("hamas" next to "Hamas"). */
static void check_seed_words(json_t *story, int forward)
{
    json_t *terms = json_object_get(story, "terms"), *ents = json_object_get(story, "entities");
    CHECK(json_array_size(terms) >= 5 && json_array_size(terms) <= 8);
    CHECK(json_array_size(ents) >= 5 && json_array_size(ents) <= 8);
    CHECK(has_word(ents, "Hamas") && has_word(ents, "Israel") && has_word(ents, "Qatar"));
    CHECK(has_word(terms, "war"));
    CHECK(has_word(terms, "hostages") || has_word(terms, "negotiations") ||
          has_word(terms, "talks") || has_word(terms, "mediation"));
    if (forward) /* file order: the one measured most */
        CHECK(has_word(terms, "hostages") && has_word(terms, "talks"));
    size_t i, j;
    json_t *t, *e;
    json_array_foreach(terms, i, t) {
        json_array_foreach(ents, j, e)
            CHECK(strcasecmp(json_string_value(t), json_string_value(e)) != 0);
    }
}

static void t_seeds_one_story_any_order(void)
{
    if (!th_have_seeds()) {
        printf("# skipped: no ../shared/seeds\n");
        return;
    }
    static const int orders[3][5] = {{0, 1, 2, 3, 4}, {4, 3, 2, 1, 0}, {2, 0, 4, 1, 3}};
    for (int k = 0; k < 3; k++) {
        char db[512], name[24], a[700];
        snprintf(name, sizeof name, "order%d", k);
        th_db(dir, name, db);
        ingest_in_order(db, orders[k]);
        snprintf(a, sizeof a, "stories --json --db %s", db);
        json_t *j = cli_json(a);
        CHECK_INT(json_array_size(j), 1);
        json_t *s = json_array_get(j, 0);
        CHECK_INT(json_integer_value(json_object_get(s, "articles")), 5);
        CHECK_INT(json_array_size(json_object_get(s, "languages")), 2); /* en and id */
        check_seed_words(s, k == 0);
        json_decref(j);
    }
}

/* Assignments as "ext_id:event:story" lines, in id order. */
static char *assignments(const char *db)
{
    char a[700];
    snprintf(a, sizeof a, "articles --json --db %s", db);
    json_t *j = cli_json(a);
    size_t i;
    json_t *x;
    char *out = calloc(1, 64 * (json_array_size(j) + 1) + 1);
    json_array_foreach(j, i, x) {
        char line[64];
        snprintf(line, sizeof line, "%s:%lld:%lld\n",
                 json_string_value(json_object_get(x, "ext_id")),
                 (long long)json_integer_value(json_object_get(x, "event")),
                 (long long)json_integer_value(json_object_get(x, "story")));
        strcat(out, line);
    }
    json_decref(j);
    return out;
}

/* The stories listing as text, for comparing two runs. */
static char *stories_text(const char *db)
{
    char a[700];
    snprintf(a, sizeof a, "stories --json --db %s", db);
    json_t *j = cli_json(a);
    char *out = j ? json_dumps(j, JSON_COMPACT) : NULL;
    json_decref(j);
    return out;
}

static void t_recluster_deterministic(void)
{
    char a[800];
    const char *db = examples_db;
    snprintf(a, sizeof a, "ingest --quiet --db %s examples/corpus", db);
    CHECK_INT(cli_ok(a), 0);
    snprintf(a, sizeof a, "recluster --db %s", db);
    CHECK_INT(cli_ok(a), 0);
    char *first = assignments(db), *first_stories = stories_text(db);
    CHECK_INT(cli_ok(a), 0);
    char *second = assignments(db), *second_stories = stories_text(db);
    CHECK_STR(first, second);
    CHECK(strlen(first) > 100);
    CHECK_STR(first_stories, second_stories); /* labels, terms and entities too */
    free(first);
    free(second);
    free(first_stories);
    free(second_stories);
    /* Every article keeps a story and the stories listing agrees; every
     * story lists terms and entities. */
    snprintf(a, sizeof a, "stories --json --db %s", db);
    json_t *j = cli_json(a);
    size_t i, total = 0;
    json_t *s;
    json_array_foreach(j, i, s) {
        total += (size_t)json_integer_value(json_object_get(s, "articles"));
        CHECK(json_array_size(json_object_get(s, "terms")) > 0);
        CHECK(json_array_size(json_object_get(s, "entities")) > 0);
    }
    CHECK_INT(total, 49);
    json_decref(j);
}

/* `show story` prints the lists on their own lines, after the title line. */
static void t_show_story_lists(void)
{
    char a[800], *out = NULL;
    snprintf(a, sizeof a, "stories --json --db %s", examples_db);
    json_t *j = cli_json(a);
    json_t *s = json_array_get(j, 0);
    json_t *terms = json_object_get(s, "terms"), *ents = json_object_get(s, "entities");
    char want[256];
    snprintf(a, sizeof a, "%s show story %lld --db %s", TH_CLI,
             (long long)json_integer_value(json_object_get(s, "id")), examples_db);
    CHECK_INT(th_sh(a, &out, NULL), 0);
    snprintf(want, sizeof want, "\nterms: %s, %s", json_string_value(json_array_get(terms, 0)),
             json_string_value(json_array_get(terms, 1)));
    CHECK_CONTAINS(out, want);
    snprintf(want, sizeof want, "\nentities: %s, ", json_string_value(json_array_get(ents, 0)));
    CHECK_CONTAINS(out, want);
    CHECK(out && !strstr(out, "\n\nterms") && !strstr(out, "\n\nentities"));
    free(out);
    json_decref(j);
}

static void t_eval_examples(void)
{
    char a[800];
    const char *db = examples_db;
    snprintf(a, sizeof a, "eval --json --db %s --gold examples/gold.jsonl", db);
    json_t *j = cli_json(a);
    CHECK_INT(json_integer_value(json_object_get(j, "matched")), 49);
    CHECK_INT(json_integer_value(json_object_get(j, "missing")), 0);
    double f1 = json_number_value(json_object_get(json_object_get(j, "stories"), "bcubed_f1"));
    CHECK(f1 > 0.5 && f1 <= 1.0);
    json_decref(j);
    snprintf(a, sizeof a, "eval --db %s --gold nowhere.jsonl", db);
    CHECK_INT(cli_ok(a), 2);
    snprintf(a, sizeof a, "eval --db %s", db);
    CHECK_INT(cli_ok(a), 2);
}

int main(void)
{
    th_tmpdir("stories", dir);
    th_db(dir, "examples", examples_db);
    RUN(t_seeds_one_story_any_order);
    RUN(t_recluster_deterministic);
    RUN(t_show_story_lists);
    RUN(t_eval_examples);
    TEST_MAIN_END;
}
