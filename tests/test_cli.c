/* test_cli.c — the storytrack command end to end: ingest, idempotency, bad
 * input reporting and exit codes, listing, showing and searching. */
#include <jansson.h>

#include "harness.h"

static char dir[256], db[512];

static int cli(const char *args, char **out, char **err)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "%s %s", TH_CLI, args);
    return th_sh(cmd, out, err);
}

static json_t *cli_json(const char *args)
{
    char *out = NULL;
    int rc = cli(args, &out, NULL);
    json_error_t e;
    json_t *j = (rc == 0 && out) ? json_loads(out, 0, &e) : NULL;
    free(out);
    return j;
}

static void t_version_help(void)
{
    char *out = NULL;
    CHECK_INT(cli("--version", &out, NULL), 0);
    CHECK_CONTAINS(out, ST_VERSION);
    free(out);
    const char *cmds[] = {"ingest", "articles", "show", "search", "stories", "dups"};
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        char a[64];
        snprintf(a, sizeof a, "%s --help", cmds[i]);
        CHECK_INT(cli(a, &out, NULL), 0);
        CHECK_CONTAINS(out, "usage: storytrack");
        free(out);
    }
    CHECK_INT(cli("frobnicate", NULL, NULL), 2);
    CHECK_INT(cli("articles --bogus", NULL, NULL), 2);
    CHECK_INT(cli("articles --limit x", NULL, NULL), 2);
    CHECK_INT(cli("ingest", NULL, NULL), 2);
}

static void t_seeds_idempotent(void)
{
    if (!th_have_seeds()) {
        printf("# skipped: no ../shared/seeds\n");
        return;
    }
    char a[1200], *out = NULL;
    snprintf(a, sizeof a, "ingest --db %s %s", db, TH_SEEDS);
    CHECK_INT(cli(a, &out, NULL), 0);
    CHECK_CONTAINS(out, "ingested 5, duplicates 0");
    free(out);
    CHECK_INT(cli(a, &out, NULL), 0);
    CHECK_CONTAINS(out, "ingested 0, duplicates 5");
    free(out);
    snprintf(a, sizeof a, "articles --json --db %s", db);
    json_t *j = cli_json(a);
    CHECK_INT(json_array_size(j), 5);
    json_decref(j);
    /* The same article under another name is still the same content. */
    char path[400];
    snprintf(path, sizeof path, "%s/copy", dir);
    char cmd[900];
    snprintf(cmd, sizeof cmd, "mkdir -p %s && cp %s/001_*.txt %s/renamed.txt", path, TH_SEEDS, path);
    CHECK_INT(th_sh(cmd, NULL, NULL), 0);
    snprintf(a, sizeof a, "ingest --db %s %s", db, path);
    CHECK_INT(cli(a, &out, NULL), 0);
    CHECK_CONTAINS(out, "ingested 0, duplicates 1");
    free(out);
}

static void t_show_search(void)
{
    if (!th_have_seeds())
        return;
    char a[1200], *out = NULL, *err = NULL;
    snprintf(a, sizeof a, "search --json --db %s Cairo", db);
    json_t *j = cli_json(a);
    CHECK(json_array_size(j) >= 2);
    CHECK_CONTAINS(json_string_value(json_object_get(json_array_get(j, 0), "snippet")), "[");
    json_decref(j);
    snprintf(a, sizeof a, "show article 001_9af9df364cc45a3d --json --db %s", db);
    j = cli_json(a);
    CHECK_STR(json_string_value(json_object_get(j, "language")), "en");
    CHECK(json_string_length(json_object_get(j, "body")) > 500);
    json_decref(j);
    snprintf(a, sizeof a, "show article 999 --db %s", db);
    CHECK_INT(cli(a, NULL, &err), 2);
    CHECK_CONTAINS(err, "no article");
    free(err);
    snprintf(a, sizeof a, "search --db %s '\"unbalanced'", db);
    CHECK_INT(cli(a, NULL, NULL), 2);
    snprintf(a, sizeof a, "articles --db %s", db);
    CHECK_INT(cli(a, &out, NULL), 0);
    CHECK_CONTAINS(out, "5 articles");
    free(out);
}

static void write_bad(const char *name, const char *data, size_t len)
{
    char p[400];
    snprintf(p, sizeof p, "%s/bad/%s", dir, name);
    CHECK_INT(th_write_file(p, data, len), 0);
}

static void t_bad_input(void)
{
    char p[400], a[1600], *out = NULL, *err = NULL, bad[512], lim[512], x[512];
    th_db(dir, "bad", bad);
    th_db(dir, "lim", lim);
    th_db(dir, "x", x);
    snprintf(p, sizeof p, "mkdir -p %s/bad", dir);
    th_sh(p, NULL, NULL);
    const char *jl = "{\"id\":\"j1\",\"title\":\"Talks resume\",\"maintext\":\"Negotiators met "
                     "again in Doha on Monday to discuss a truce.\",\"language\":\"en\"}\n"
                     "{\"id\":\"j2\",\"title\": broken\n"
                     "{\"id\":\"j3\",\"title\":\"Quake\",\"maintext\":\"A strong earthquake "
                     "shook the coast early on Tuesday, officials said.\"}\n";
    write_bad("feed.jsonl", jl, strlen(jl));
    write_bad("empty.txt", "", 0);
    write_bad("binary.txt", "\x7f" "ELF\0\0\0\x01\x02\0\0\xff\xfe", 14);
    const char *bad_utf8 = "Minister \xff\xfe spoke to reporters in Jakarta about the new "
                           "budget on Wednesday.\n";
    write_bad("latin1.txt", bad_utf8, strlen(bad_utf8));
    write_bad("data.xyz", "\x01\x02\x03", 3);
    snprintf(a, sizeof a, "ingest --db %s %s/bad %s/missing.txt", bad, dir, dir);
    CHECK_INT(cli(a, &out, &err), 2);
    CHECK_CONTAINS(err, "feed.jsonl:2:");
    CHECK_CONTAINS(err, "empty.txt");
    CHECK_CONTAINS(err, "binary.txt");
    CHECK_CONTAINS(err, "latin1.txt");
    CHECK_CONTAINS(err, "missing.txt");
    CHECK_CONTAINS(out, "ingested 3,");
    free(out);
    free(err);
    snprintf(a, sizeof a, "articles --json --db %s", bad);
    json_t *j = cli_json(a);
    CHECK_INT(json_array_size(j), 3);
    json_decref(j);
    /* A size limit rejects, and the message names it. */
    snprintf(a, sizeof a, "ingest --max-bytes 20 --db %s %s/bad/feed.jsonl", lim, dir);
    CHECK_INT(cli(a, &out, &err), 2);
    CHECK_CONTAINS(out, "ingested 0,");
    CHECK_CONTAINS(err, "limit");
    free(out);
    free(err);
    snprintf(a, sizeof a, "ingest --format nonsense --db %s %s/bad", x, dir);
    CHECK_INT(cli(a, NULL, NULL), 2);
    snprintf(a, sizeof a, "ingest --jobs 0 --db %s %s/bad", x, dir);
    CHECK_INT(cli(a, NULL, NULL), 2);
}

/* Messages come in input order whatever the number of analysis threads:
 * the same bytes on stderr with one thread and with three. */
static void t_jobs_same_messages(void)
{
    char a[1600], one[512], three[512], *out = NULL, *err1 = NULL, *err3 = NULL;
    th_db(dir, "jobs1", one);
    th_db(dir, "jobs3", three);
    snprintf(a, sizeof a, "ingest --jobs 1 --db %s %s/bad %s %s/bad/feed.jsonl", one, dir,
             TH_SEEDS, dir);
    CHECK_INT(cli(a, &out, &err1), 2);
    free(out);
    snprintf(a, sizeof a, "ingest --jobs 3 --db %s %s/bad %s %s/bad/feed.jsonl", three, dir,
             TH_SEEDS, dir);
    CHECK_INT(cli(a, &out, &err3), 2);
    CHECK_CONTAINS(out, "duplicates 2");
    CHECK_STR(err3 ? err3 : "", err1 ? err1 : "");
    CHECK_CONTAINS(err3, "feed.jsonl:2:");
    free(out);
    free(err1);
    free(err3);
}

static void t_stdin(void)
{
    char a[1400], *out = NULL, in[512];
    th_db(dir, "in", in);
    snprintf(a, sizeof a,
             "printf '%%s\\n' '{\"id\":\"s1\",\"title\":\"Rate decision\",\"maintext\":\"The "
             "central bank held its rate at 6 percent on Thursday.\"}' | %s ingest --db %s -",
             TH_CLI, in);
    CHECK_INT(th_sh(a, &out, NULL), 0);
    CHECK_CONTAINS(out, "ingested 1,");
    free(out);
}

static void t_lang_mismatch(void)
{
    char a[1800], *out = NULL, *err = NULL, lang[512];
    th_db(dir, "lang", lang);
    snprintf(a, sizeof a,
             "printf '%%s\\n' '{\"id\":\"m1\",\"language\":\"de\",\"maintext\":\"The "
             "prime minister said on Monday that the government would present a new budget to "
             "parliament next week, with more money for schools and hospitals.\"}' "
             "| %s ingest --db %s -", TH_CLI, lang);
    CHECK_INT(th_sh(a, &out, &err), 0); /* a warning, not an input error */
    CHECK_CONTAINS(out, "ingested 1,");
    CHECK_CONTAINS(err, "warning: language metadata says 'de', the text reads as 'en'");
    free(out);
    free(err);
    snprintf(a, sizeof a, "%s show article m1 --json --db %s", TH_CLI, lang);
    CHECK_INT(th_sh(a, &out, NULL), 0);
    CHECK_CONTAINS(out, "\"lang_mismatch\":1");
    CHECK_CONTAINS(out, "\"lang_meta\":\"de\"");
    free(out);
}

/* A plain-text article dated by its dateline says so where it is shown. */
static void t_dateline_shown(void)
{
    char a[1400], *out = NULL, txt[400], dl[512];
    th_db(dir, "dateline", dl);
    snprintf(txt, sizeof txt, "%s/talks.txt", dir);
    const char *body = "Talks resume in Cairo\n\nNegotiators met in Cairo on Tuesday, 22 August "
                       "2023, for a new round of talks. Both sides said progress was slow.\n";
    CHECK_INT(th_write_file(txt, body, strlen(body)), 0);
    snprintf(a, sizeof a, "ingest --db %s %s", dl, txt);
    CHECK_INT(cli(a, NULL, NULL), 0);
    snprintf(a, sizeof a, "show article talks --db %s", dl);
    CHECK_INT(cli(a, &out, NULL), 0);
    CHECK_CONTAINS(out, "published: 2023-08-22 (from its dateline)");
    free(out);
}

int main(void)
{
    th_tmpdir("cli", dir);
    th_db(dir, "seeds", db);
    RUN(t_version_help);
    RUN(t_seeds_idempotent);
    RUN(t_show_search);
    RUN(t_bad_input);
    RUN(t_jobs_same_messages);
    RUN(t_stdin);
    RUN(t_lang_mismatch);
    RUN(t_dateline_shown);
    TEST_MAIN_END;
}
