/* test_stories.c — clustering through the whole pipeline: the seeds make one
 * story in any arrival order, recluster is deterministic, and eval scores. */
#include <jansson.h>

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

static void t_recluster_deterministic(void)
{
    char a[800];
    const char *db = examples_db;
    snprintf(a, sizeof a, "ingest --quiet --db %s examples/corpus", db);
    CHECK_INT(cli_ok(a), 0);
    snprintf(a, sizeof a, "recluster --db %s", db);
    CHECK_INT(cli_ok(a), 0);
    char *first = assignments(db);
    CHECK_INT(cli_ok(a), 0);
    char *second = assignments(db);
    CHECK_STR(first, second);
    CHECK(strlen(first) > 100);
    free(first);
    free(second);
    /* Every article keeps a story and the stories listing agrees. */
    snprintf(a, sizeof a, "stories --json --db %s", db);
    json_t *j = cli_json(a);
    size_t i, total = 0;
    json_t *s;
    json_array_foreach(j, i, s) total += (size_t)json_integer_value(json_object_get(s, "articles"));
    CHECK_INT(total, 49);
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
    RUN(t_eval_examples);
    TEST_MAIN_END;
}
