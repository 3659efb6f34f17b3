/* test_ingest.c — the ingest stage: detection, readers (files, directories,
 * gzip, buffers), plain text, JSON Lines, and every kind of bad input.
 * HTML and feeds are in test_ingest_markup.c. */
#include <unistd.h>
#include <zlib.h>

#include "harness.h"
#include "ingest_got.h"
#include "ingest/ingest.h"
#include "util/util.h"

#define FX "tests/fixtures/ingest/"
/* ------------------------------------------------------------ formats and detection */

static void t_format_names(void)
{
    st_format f = ST_FORMAT_AUTO;
    CHECK_INT(st_format_parse("rss", &f), ST_OK);
    CHECK_INT(f, ST_FORMAT_FEED);
    CHECK_INT(st_format_parse("JSON", &f), ST_OK);
    CHECK_INT(f, ST_FORMAT_JSONL);
    CHECK_INT(st_format_parse("txt", &f), ST_OK);
    CHECK_INT(f, ST_FORMAT_TEXT);
    CHECK_INT(st_format_parse("pdf", &f), ST_EUSAGE);
    CHECK_STR(st_format_name(ST_FORMAT_HTML), "html");
    CHECK_STR(st_format_name(ST_FORMAT_AUTO), "auto");
}

static void t_detect(void)
{
    CHECK_INT(st_ingest_detect("a/b.TXT", "{", 1), ST_FORMAT_TEXT);
    CHECK_INT(st_ingest_detect("x.ndjson", "", 0), ST_FORMAT_JSONL);
    CHECK_INT(st_ingest_detect("x.atom", "", 0), ST_FORMAT_FEED);
    CHECK_INT(st_ingest_detect("x.htm", "", 0), ST_FORMAT_HTML);
    CHECK_INT(st_ingest_detect("-", "  \n{\"a\":1}", 10), ST_FORMAT_JSONL);
    const char *h = "<!DOCTYPE HTML><html><body>x</body></html>";
    CHECK_INT(st_ingest_detect("-", h, strlen(h)), ST_FORMAT_HTML);
    const char *r = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"></rss>";
    CHECK_INT(st_ingest_detect("noext", r, strlen(r)), ST_FORMAT_FEED);
    const char *a = "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>";
    CHECK_INT(st_ingest_detect("noext", a, strlen(a)), ST_FORMAT_FEED);
    CHECK_INT(st_ingest_detect("noext", "just words", 10), ST_FORMAT_AUTO);
    char *stem = st_ingest_stem("dir/000_f2c7.txt");
    CHECK_STR(stem, "000_f2c7");
    free(stem);
    CHECK(st_ingest_binary_reason("ok text", 7) == NULL);
    CHECK(st_ingest_binary_reason("a\0b", 3) != NULL);
}

/* ------------------------------------------------------------ plain text */

static void t_text_headline(void)
{
    got g = {0};
    size_t errs = 9;
    CHECK_INT(got_run_path(FX "headline.txt", ST_FORMAT_AUTO, &g, &errs), ST_OK);
    CHECK_INT(errs, 0);
    CHECK_INT(g.n, 1);
    if (g.n == 1) {
        st_article *a = g.a[0];
        CHECK_STR(a->ext_id, "headline");
        CHECK_STR(a->title, "Harbour city opens new ferry line");
        CHECK(strncmp(a->body, "The city council", 16) == 0);
        CHECK_CONTAINS(a->body, "islands.\n\nOfficials");
        CHECK_STR(a->origin, FX "headline.txt");
        CHECK(a->url == NULL && a->published == NULL);
    }
    got_free(&g);
}

static void t_text_no_headline(void)
{
    got g = {0};
    CHECK_INT(got_run_path(FX "plain_de.txt", ST_FORMAT_AUTO, &g, NULL), ST_OK);
    CHECK_INT(g.n, 1);
    if (g.n == 1) {
        CHECK(g.a[0]->title == NULL);
        CHECK_CONTAINS(g.a[0]->body, "Fährlinie");
        CHECK_CONTAINS(g.a[0]->body, "stündlich.");
    }
    got_free(&g);
    /* A sentence followed by a blank line is a paragraph, not a headline. */
    const char *s = "It rained all day.\n\nThe river rose.";
    CHECK_INT(got_run_buf("x.txt", s, strlen(s), ST_FORMAT_AUTO, &g, NULL), ST_OK);
    CHECK_INT(g.n, 1);
    if (g.n == 1) {
        CHECK(g.a[0]->title == NULL);
        CHECK_STR(g.a[0]->body, "It rained all day.\n\nThe river rose.");
    }
    got_free(&g);
}

static void t_seeds(void)
{
    if (!th_have_seeds()) {
        printf("# seeds missing: skipped\n");
        return;
    }
    static const char *ids[] = {"000_f2c78312280b9d9b", "001_9af9df364cc45a3d",
                                "002_e76da256bc5e1e1d", "003_9a1633e24300d991",
                                "004_aa281476638b5d3f"};
    got g = {0};
    size_t errs = 9;
    CHECK_INT(got_run_path(TH_SEEDS, ST_FORMAT_AUTO, &g, &errs), ST_OK);
    CHECK_INT(errs, 0);
    CHECK_INT(g.n, 5);
    for (size_t i = 0; i < g.n && i < 5; i++) {
        CHECK_STR(g.a[i]->ext_id, ids[i]);
        CHECK(g.a[i]->body && strlen(g.a[i]->body) > 1000);
        CHECK(g.a[i]->title == NULL || strlen(g.a[i]->title) < 300);
        CHECK(st_utf8_valid(g.a[i]->body, strlen(g.a[i]->body)));
    }
    if (g.n >= 2) {
        CHECK_CONTAINS(g.a[0]->body, "Hamas");
        CHECK_CONTAINS(g.a[1]->body, "Read More:");
    }
    got_free(&g);
}

/* ------------------------------------------------------------ JSON Lines */

static void t_jsonl_fields(void)
{
    got g = {0};
    size_t errs = 9;
    CHECK_INT(got_run_path(FX "articles.jsonl", ST_FORMAT_AUTO, &g, &errs), ST_OK);
    CHECK_INT(errs, 0);
    CHECK_INT(g.n, 3);
    if (g.n != 3) {
        got_free(&g);
        return;
    }
    st_article *a = g.a[0];
    CHECK_STR(a->ext_id, "fx-en-1");
    CHECK_STR(a->title, "Rain delays the harvest");
    CHECK_CONTAINS(a->body, "two weeks.\n\nThe cooperative");
    CHECK_STR(a->published, "2024-04-13T10:05:00Z");
    CHECK_STR(a->language, "en");
    CHECK_STR(a->source, "example-news.org");
    CHECK_STR(a->authors, "[\"Ana Writer\",\"Bo Reporter\"]");
    CHECK_STR(a->extra, "{\"image_url\":\"https://example-news.org/rain.jpg\",\"event\":\"E01\"}");
    CHECK_STR(a->origin, FX "articles.jsonl:1");

    st_article *b = g.a[1]; /* no id: the url; "text" for the body; line 3 (blank line 2) */
    CHECK_STR(b->ext_id, "https://journal.example.fr/pluie");
    CHECK_CONTAINS(b->body, "moisson");
    CHECK_STR(b->published, "2024-04-13T08:00:00Z");
    CHECK_STR(b->source, "journal.example.fr");
    CHECK_STR(b->origin, FX "articles.jsonl:3");
    CHECK(b->extra == NULL && b->authors == NULL);

    st_article *c = g.a[2];
    CHECK_STR(c->ext_id, "42");
    CHECK_STR(c->language, "es");
    CHECK_STR(c->authors, "[\"Carmen Autora\"]");
    CHECK(c->published == NULL && c->url == NULL && c->source == NULL);
    got_free(&g);
}

static void t_jsonl_id_fallback(void)
{
    got g = {0};
    const char *s = "{\"maintext\": \"Body one.\"}\n{\"maintext\": \"Body two.\"}\n";
    CHECK_INT(got_run_buf("feed_dump.jsonl", s, strlen(s), ST_FORMAT_AUTO, &g, NULL), ST_OK);
    CHECK_INT(g.n, 2);
    if (g.n == 2) {
        CHECK_STR(g.a[0]->ext_id, "feed_dump:1");
        CHECK_STR(g.a[1]->ext_id, "feed_dump:2");
    }
    got_free(&g);
}

static void t_jsonl_malformed_line(void)
{
    got g = {0};
    size_t errs = 0;
    CHECK_INT(got_run_path(FX "bad_line.jsonl", ST_FORMAT_AUTO, &g, &errs), ST_OK);
    CHECK_INT(g.n, 2);
    CHECK_INT(errs, 3);
    if (g.n == 2) {
        CHECK_STR(g.a[0]->ext_id, "ok-1");
        CHECK_STR(g.a[1]->ext_id, "ok-2");
        CHECK_STR(g.a[1]->origin, FX "bad_line.jsonl:4");
    }
    const char *d = got_diags(&g);
    CHECK_CONTAINS(d, FX "bad_line.jsonl:2|-3|invalid JSON");
    CHECK_CONTAINS(d, FX "bad_line.jsonl:3|-3|not a JSON object");
    CHECK_CONTAINS(d, FX "bad_line.jsonl:5|-3|empty body");
    got_free(&g);
}

static void t_json_array(void)
{
    got g = {0};
    size_t errs = 9;
    CHECK_INT(got_run_path(FX "array.json", ST_FORMAT_AUTO, &g, &errs), ST_OK);
    CHECK_INT(errs, 0);
    CHECK_INT(g.n, 2);
    if (g.n == 2) {
        CHECK_STR(g.a[0]->ext_id, "arr-1");
        CHECK_STR(g.a[0]->published, "2024-05-01");
        CHECK_STR(g.a[1]->language, "id");
        CHECK_CONTAINS(g.a[1]->body, "Jembatan");
    }
    got_free(&g);
    /* One pretty-printed object in a .json file is one record. */
    const char *one = "{\n  \"id\": \"p1\",\n  \"maintext\": \"Spread over lines.\"\n}\n";
    CHECK_INT(got_run_buf("one.json", one, strlen(one), ST_FORMAT_AUTO, &g, NULL), ST_OK);
    CHECK_INT(g.n, 1);
    got_free(&g);
    /* A broken array is one error, not a crash. */
    const char *bad = "[{\"id\": 1, \"maintext\": \"x\"}, {";
    errs = 0;
    CHECK_INT(got_run_buf("bad.json", bad, strlen(bad), ST_FORMAT_AUTO, &g, &errs), ST_OK);
    CHECK_INT(g.n, 0);
    CHECK_INT(errs, 1);
    got_free(&g);
}

static void t_jsonl_bad_date_kept(void)
{
    got g = {0};
    const char *s = "{\"id\": \"d\", \"maintext\": \"Text.\", \"date_publish\": \"last week\"}";
    CHECK_INT(got_run_buf("d.jsonl", s, strlen(s), ST_FORMAT_AUTO, &g, NULL), ST_OK);
    CHECK_INT(g.n, 1);
    if (g.n == 1) {
        CHECK(g.a[0]->published == NULL);
        CHECK_STR(g.a[0]->extra, "{\"date_publish\":\"last week\"}");
    }
    CHECK_INT(g.warnings, 1);
    got_free(&g);
}

static void t_jsonl_source_normalised(void)
{
    got g = {0};
    const char *s = "{\"maintext\": \"x\", \"source_domain\": \"WWW.TrtWorld.com:443\"}\n"
                    "{\"maintext\": \"y\", \"url\": \"HTTP://user@News.Example.ORG:8080/a?b\"}\n";
    CHECK_INT(got_run_buf("s.jsonl", s, strlen(s), ST_FORMAT_AUTO, &g, NULL), ST_OK);
    CHECK_INT(g.n, 2);
    if (g.n == 2) {
        CHECK_STR(g.a[0]->source, "trtworld.com");
        CHECK_STR(g.a[1]->source, "news.example.org");
    }
    got_free(&g);
}

/* ------------------------------------------------------------ readers */

static void t_directory_order(void)
{
    got g = {0};
    size_t errs = 9;
    CHECK_INT(got_run_path(FX "tree", ST_FORMAT_AUTO, &g, &errs), ST_OK);
    CHECK_INT(errs, 0);
    CHECK_INT(g.n, 4);
    if (g.n == 4) {
        CHECK_STR(g.a[0]->origin, FX "tree/a_dir/m.txt");
        CHECK_STR(g.a[1]->origin, FX "tree/a_dir/z.txt");
        CHECK_STR(g.a[2]->origin, FX "tree/b_dir/a.txt");
        CHECK_STR(g.a[3]->origin, FX "tree/c.txt");
    }
    for (size_t i = 0; i < g.n; i++)
        CHECK(strstr(g.a[i]->body, "Hidden") == NULL);
    got_free(&g);
}

static void t_symlink_loop(void)
{
    char dir[256], path[320];
    th_tmpdir("ingest-loop", dir);
    snprintf(path, sizeof path, "%s/a.txt", dir);
    CHECK_INT(th_write_file(path, "Only once.", 10), 0);
    snprintf(path, sizeof path, "%s/loop", dir);
    CHECK_INT(symlink(".", path), 0);
    got g = {0};
    size_t errs = 9;
    CHECK_INT(got_run_path(dir, ST_FORMAT_AUTO, &g, &errs), ST_OK);
    CHECK_INT(g.n, 1);
    CHECK_INT(errs, 0);
    CHECK_INT(g.warnings, 1);
    CHECK_CONTAINS(got_diags(&g), "symlink loop");
    got_free(&g);
}

static void write_gz(const char *path, const char *s)
{
    gzFile z = gzopen(path, "wb");
    CHECK(z != NULL);
    if (z) {
        CHECK_INT(gzwrite(z, s, (unsigned)strlen(s)), (int)strlen(s));
        gzclose(z);
    }
}

static void t_gzip(void)
{
    char dir[256], path[320];
    th_tmpdir("ingest-gz", dir);
    snprintf(path, sizeof path, "%s/wire_01.jsonl.gz", dir);
    write_gz(path, "{\"id\": \"gz-1\", \"maintext\": \"Compressed body.\"}\n"
                   "{\"maintext\": \"Second compressed body.\"}\n");
    got g = {0};
    size_t errs = 9;
    CHECK_INT(got_run_path(path, ST_FORMAT_AUTO, &g, &errs), ST_OK);
    CHECK_INT(errs, 0);
    CHECK_INT(g.n, 2);
    if (g.n == 2) {
        CHECK_STR(g.a[0]->ext_id, "gz-1");
        CHECK_STR(g.a[1]->ext_id, "wire_01:2"); /* the stem of the name without .gz */
        CHECK_CONTAINS(g.a[0]->origin, "wire_01.jsonl.gz:1");
    }
    got_free(&g);
    /* A truncated gzip file is one error. */
    size_t n = 0;
    char *z = th_read_file(path, &n);
    CHECK(z && n > 20);
    errs = 0;
    if (z)
        CHECK_INT(got_run_buf("cut.txt.gz", z, n / 2, ST_FORMAT_AUTO, &g, &errs), ST_OK);
    CHECK_INT(g.n, 0);
    CHECK_INT(errs, 1);
    CHECK_CONTAINS(got_diags(&g), "gzip");
    free(z);
    got_free(&g);
}

static void t_buffer_stdin_like(void)
{
    got g = {0};
    const char *s = "{\"id\": \"in-1\", \"maintext\": \"From a pipe.\"}\n";
    size_t errs = 9;
    CHECK_INT(got_run_buf("-", s, strlen(s), ST_FORMAT_AUTO, &g, &errs), ST_OK);
    CHECK_INT(errs, 0);
    CHECK_INT(g.n, 1);
    if (g.n == 1) {
        CHECK_STR(g.a[0]->ext_id, "in-1");
        CHECK_STR(g.a[0]->origin, "-:1");
    }
    got_free(&g);
    /* The real stdin, through the CLI-free path: a child process feeds it. */
    char dir[256], prog[400];
    th_tmpdir("ingest-stdin", dir);
    snprintf(prog, sizeof prog, "%s/in.txt", dir);
    CHECK_INT(th_write_file(prog, "Piped text body.\n", 17), 0);
    CHECK(freopen(prog, "rb", stdin) != NULL);
    CHECK_INT(got_run_path("-", ST_FORMAT_TEXT, &g, NULL), ST_OK);
    CHECK_INT(g.n, 1);
    if (g.n == 1) {
        CHECK_STR(g.a[0]->ext_id, "stdin");
        CHECK_STR(g.a[0]->body, "Piped text body.");
        CHECK_STR(g.a[0]->origin, "-");
    }
    got_free(&g);
}

static void t_format_override(void)
{
    got g = {0};
    /* JSON text forced to be read as plain text: one article with the braces. */
    CHECK_INT(got_run_path(FX "array.json", ST_FORMAT_TEXT, &g, NULL), ST_OK);
    CHECK_INT(g.n, 1);
    if (g.n == 1) {
        CHECK_STR(g.a[0]->ext_id, "array");
        CHECK(g.a[0]->body[0] == '[');
    }
    got_free(&g);
    /* And text with no extension, unknown alone, becomes text when named. */
    const char *s = "Words without a known extension.";
    CHECK_INT(got_run_buf("notes", s, strlen(s), ST_FORMAT_TEXT, &g, NULL), ST_OK);
    CHECK_INT(g.n, 1);
    got_free(&g);
}

static void t_callback_stops(void)
{
    got g = {0};
    g.stop_after = 2;
    CHECK_INT(got_run_path(FX "tree", ST_FORMAT_AUTO, &g, NULL), 7);
    CHECK_INT(g.n, 2);
    got_free(&g);
}

/* ------------------------------------------------------------ bad inputs */

static void t_binary(void)
{
    got g = {0};
    size_t errs = 0;
    const char bin[] = "PK\x03\x04\0\0\x14\0binarydata\0\xff\xfe";
    CHECK_INT(got_run_buf("archive.txt", bin, sizeof bin - 1, ST_FORMAT_AUTO, &g, &errs), ST_OK);
    CHECK_INT(g.n, 0);
    CHECK_INT(errs, 1);
    CHECK_CONTAINS(got_diags(&g), "archive.txt|-3|binary");
    got_free(&g);
    /* Mostly invalid UTF-8 without NULs is binary too. */
    char noise[256];
    for (int i = 0; i < 256; i++)
        noise[i] = (char)(0x80 + (i * 37) % 0x7f + 1);
    errs = 0;
    CHECK_INT(got_run_buf("noise.txt", noise, sizeof noise, ST_FORMAT_AUTO, &g, &errs), ST_OK);
    CHECK_INT(g.n, 0);
    CHECK_INT(errs, 1);
    got_free(&g);
}

static void t_empty(void)
{
    got g = {0};
    size_t errs = 0;
    CHECK_INT(got_run_buf("empty.txt", "", 0, ST_FORMAT_AUTO, &g, &errs), ST_OK);
    CHECK_INT(errs, 1);
    CHECK_CONTAINS(got_diags(&g), "empty.txt|-3|empty file");
    got_free(&g);
    errs = 0;
    CHECK_INT(got_run_buf("blank.jsonl", " \n\n \n", 5, ST_FORMAT_AUTO, &g, &errs), ST_OK);
    CHECK_INT(errs, 1);
    CHECK_INT(g.n, 0);
    got_free(&g);
}

static void t_invalid_utf8(void)
{
    got g = {0};
    size_t errs = 9;
    const char s[] = "Caf\xe9 au lait \xff\xfe is served.";
    CHECK_INT(got_run_buf("latin.txt", s, sizeof s - 1, ST_FORMAT_AUTO, &g, &errs), ST_OK);
    CHECK_INT(errs, 0);
    CHECK_INT(g.n, 1);
    CHECK_INT(g.warnings, 1);
    if (g.n == 1) {
        CHECK_STR(g.a[0]->body, "Caf\xef\xbf\xbd au lait \xef\xbf\xbd\xef\xbf\xbd is served.");
    }
    CHECK_CONTAINS(got_diags(&g), "latin.txt|0|invalid UTF-8");
    got_free(&g);
    /* In JSON Lines the warning names the line. */
    const char j[] = "{\"maintext\": \"ok\"}\n{\"maintext\": \"bad \xc3 byte\"}\n";
    CHECK_INT(got_run_buf("u.jsonl", j, sizeof j - 1, ST_FORMAT_AUTO, &g, &errs), ST_OK);
    CHECK_INT(g.n, 2);
    CHECK_CONTAINS(got_diags(&g), "u.jsonl:2|0|invalid UTF-8");
    if (g.n == 2)
        CHECK_STR(g.a[1]->body, "bad \xef\xbf\xbd byte");
    got_free(&g);
}

static void t_oversized(void)
{
    got g = {0};
    st_ingest_opts o = {.format = ST_FORMAT_AUTO, .max_article_bytes = 20,
                        .on_diag = got_on_diag, .ud = &g};
    size_t errs = 0;
    const char *s = "{\"id\":\"small\",\"maintext\":\"short\"}\n"
                    "{\"id\":\"big\",\"maintext\":\"this body is longer than twenty bytes\"}\n";
    CHECK_INT(st_ingest_buffer("big.jsonl", s, strlen(s), &o, got_on_article, &g, &errs), ST_OK);
    CHECK_INT(g.n, 1);
    CHECK_INT(errs, 1);
    CHECK_CONTAINS(got_diags(&g), "big.jsonl:2|-3|article of 37 bytes exceeds limit 20");
    got_free(&g);
}

static void t_file_limit(void)
{
    /* The file limit is not an option of the API; the context carries it. */
    got g = {0};
    st_ingest_opts o = {.format = ST_FORMAT_AUTO, .on_diag = got_on_diag, .ud = &g};
    st_ingest_ctx ctx;
    st_ingest_ctx_init(&ctx, &o, got_on_article, &g);
    ctx.max_file = 16;
    CHECK_INT(st_ingest_read_path(&ctx, FX "headline.txt"), ST_OK);
    CHECK_INT(ctx.n_errors, 1);
    CHECK_INT(g.n, 0);
    CHECK_CONTAINS(got_diags(&g), "exceeds limit 16");
    got_free(&g);
}

static void t_unknown_format(void)
{
    got g = {0};
    size_t errs = 0;
    const char *s = "plain words in a file with no extension";
    CHECK_INT(got_run_buf("README", s, strlen(s), ST_FORMAT_AUTO, &g, &errs), ST_OK);
    CHECK_INT(errs, 1);
    CHECK_INT(g.n, 0);
    CHECK_CONTAINS(got_diags(&g), "README|-3|unknown format");
    got_free(&g);
}

static void t_missing_path(void)
{
    got g = {0};
    size_t errs = 0;
    CHECK_INT(got_run_path(FX "no/such/file.txt", ST_FORMAT_AUTO, &g, &errs), ST_EIO);
    CHECK_INT(errs, 1);
    CHECK_CONTAINS(got_diags(&g), FX "no/such/file.txt|-2|cannot open");
    got_free(&g);
    CHECK_INT(st_ingest_path(NULL, NULL, got_on_article, NULL, NULL), ST_EUSAGE);
}

int main(void)
{
    RUN(t_format_names);
    RUN(t_detect);
    RUN(t_text_headline);
    RUN(t_text_no_headline);
    RUN(t_seeds);
    RUN(t_jsonl_fields);
    RUN(t_jsonl_id_fallback);
    RUN(t_jsonl_malformed_line);
    RUN(t_json_array);
    RUN(t_jsonl_bad_date_kept);
    RUN(t_jsonl_source_normalised);
    RUN(t_directory_order);
    RUN(t_symlink_loop);
    RUN(t_gzip);
    RUN(t_buffer_stdin_like);
    RUN(t_format_override);
    RUN(t_callback_stops);
    RUN(t_binary);
    RUN(t_empty);
    RUN(t_invalid_utf8);
    RUN(t_oversized);
    RUN(t_file_limit);
    RUN(t_unknown_format);
    RUN(t_missing_path);
    TEST_MAIN_END;
}
