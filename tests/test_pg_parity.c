/* test_pg_parity.c — the PostgreSQL backend answers as SQLite does.
 *
 * Always: the sample corpus goes into a SQLite store, and every query
 * document must parse, and every export format must say what the document
 * says (json is the document, jsonl its elements, csv one record per element,
 * gdelt one 61-column row per event). Under `make test-pg` the same corpus
 * also goes into a PostgreSQL database, and every query (with and without
 * each filter), every export and the server's documents must be equal to
 * SQLite's once parsed: same keys in the same order, same types (an integer
 * is not a real), numbers within 1e-9 relative. Not compared: the time of
 * ingest (two ingests), and search's rank, snippet and order, since
 * PostgreSQL ranks with ts_rank and stems (pg_query.c says why): there the
 * matches are compared, on words whose stems match nothing more. */
#include <jansson.h>
#include <math.h>

#include "harness.h"
#include "store/query_server.h"
#include "util/util.h"

static char dir[256];
static st_db *lite, *pg; /* pg only under make test-pg */

/* ------------------------------------------------------------ comparing */

/* The time each store ingested: two ingests never agree on it. */
static int volatile_key(const char *k)
{
    return !strcmp(k, "ingested") || !strcmp(k, "last_ingested") || !strcmp(k, "updated");
}

static int same_number(double x, double y)
{
    return fabs(x - y) <= 1e-9 * fmax(1e-300, fmax(fabs(x), fabs(y)));
}

static int differ(const char *what, const char *path, const char *how)
{
    fprintf(stderr, "  parity: %s: at %s: %s\n", what, *path ? path : "(root)", how);
    return 0;
}

static int same_json_at(const char *what, const json_t *a, const json_t *b, char *path,
                        size_t len);

static int same_object(const char *what, const json_t *a, const json_t *b, char *path,
                       size_t len)
{
    if (json_object_size(a) != json_object_size(b))
        return differ(what, path, "key counts differ");
    void *ia = json_object_iter((json_t *)a), *ib = json_object_iter((json_t *)b);
    for (; ia && ib; ia = json_object_iter_next((json_t *)a, ia),
                     ib = json_object_iter_next((json_t *)b, ib)) {
        const char *k = json_object_iter_key(ia);
        snprintf(path + len, 512 - len, ".%s", k);
        if (strcmp(k, json_object_iter_key(ib)))
            return differ(what, path, json_object_iter_key(ib));
        if (!volatile_key(k) && !same_json_at(what, json_object_iter_value(ia),
                                              json_object_iter_value(ib), path, strlen(path)))
            return 0;
    }
    path[len] = 0;
    return 1;
}

static int same_json_at(const char *what, const json_t *a, const json_t *b, char *path,
                        size_t len)
{
    if (json_typeof(a) != json_typeof(b)) /* integer and real too: 101 is not 101.0 */
        return differ(what, path, "types differ");
    if (json_is_number(a))
        return same_number(json_number_value(a), json_number_value(b))
                   ? 1
                   : differ(what, path, "numbers differ");
    if (json_is_object(a))
        return same_object(what, a, b, path, len);
    if (json_is_array(a)) {
        if (json_array_size(a) != json_array_size(b))
            return differ(what, path, "array lengths differ");
        for (size_t i = 0; i < json_array_size(a); i++) {
            snprintf(path + len, 512 - len, "[%zu]", i);
            if (!same_json_at(what, json_array_get(a, i), json_array_get(b, i), path,
                              strlen(path)))
                return 0;
        }
        path[len] = 0;
        return 1;
    }
    if (json_is_string(a) && strcmp(json_string_value(a), json_string_value(b))) {
        char how[300];
        snprintf(how, sizeof how, "\"%.120s\" vs \"%.120s\"", json_string_value(a),
                 json_string_value(b));
        return differ(what, path, how);
    }
    return 1; /* null, true, false */
}

static int same_json(const char *what, const json_t *a, const json_t *b)
{
    char path[512] = "";
    return same_json_at(what, a, b, path, 0);
}

/* Both answers: the same code and, when there is one, the same document. */
static int same_doc(const char *what, int rca, const char *a, int rcb, const char *b)
{
    if (rca != rcb) {
        fprintf(stderr, "  parity: %s: SQLite says %d, PostgreSQL %d\n", what, rca, rcb);
        return 0;
    }
    if (rca != ST_OK)
        return 1;
    json_t *ja = json_loads(a, JSON_DECODE_ANY, NULL), *jb = json_loads(b, JSON_DECODE_ANY, NULL);
    int ok = ja && jb ? same_json(what, ja, jb) : differ(what, "", "does not parse");
    json_decref(ja);
    json_decref(jb);
    return ok;
}

/* ------------------------------------------------------------ queries */

typedef int (*list_fn)(st_db *, const st_query *, char **);

static const struct {
    const char *name;
    list_fn fn;
} lists[] = {
    {"articles", st_db_articles_json},   {"dups", st_db_dups_json},
    {"stories", st_db_stories_json},     {"entities", st_db_entities_json},
    {"quotes", st_db_quotes_json},       {"claims", st_db_claims_json},
    {"conflicts", st_db_conflicts_json}, {"cameo_events", st_db_cameo_events_json},
    {"qs_stories", st_qs_stories_json},
};

/* Every filter alone, some together, and paging past the end. */
static const st_query filters[] = {
    {0},
    {.language = "fr"},
    {.since = "2024-01-01"},
    {.until = "2023-12-31"},
    {.since = "2023-06-01", .until = "2024-06-30", .language = "en"},
    {.story = 1},
    {.story = 6},
    {.limit = 3, .offset = 2},
    {.limit = 10, .offset = 1000},
    {.text = "bank"},
    {.entity = "gaza"},
    {.entity = "Israel", .story = 6, .limit = 5},
};
#define NFILTERS (sizeof filters / sizeof *filters)

/* A parsed query answer from one store (NULL when it fails or not JSON). */
static json_t *doc_of(st_db *db, list_fn fn, const st_query *q)
{
    char *s = NULL;
    json_t *j = fn(db, q, &s) == ST_OK ? json_loads(s, 0, NULL) : NULL;
    free(s);
    return j;
}

static void t_lists(void)
{
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
        for (size_t f = 0; f < NFILTERS; f++) {
            char what[64], *a = NULL, *b = NULL;
            snprintf(what, sizeof what, "%s, filter %zu", lists[i].name, f);
            int rca = lists[i].fn(lite, &filters[f], &a);
            CHECK_INT(rca, ST_OK);
            json_t *ja = json_loads(a ? a : "", 0, NULL);
            CHECK(json_is_array(ja));
            if (filters[f].limit)
                CHECK(json_array_size(ja) <= filters[f].limit);
            json_decref(ja);
            if (pg) {
                int rcb = lists[i].fn(pg, &filters[f], &b);
                CHECK(same_doc(what, rca, a, rcb, b));
            }
            free(a);
            free(b);
        }
        /* The unfiltered listing has something to compare. */
        json_t *all = doc_of(lite, lists[i].fn, NULL);
        CHECK(json_array_size(all) > 0 || !strcmp(lists[i].name, "dups"));
        json_decref(all);
    }
}

/* Search without rank and snippet, in id order: the matches. */
static json_t *search_matches(st_db *db, const st_query *q, int *rc)
{
    char *s = NULL;
    *rc = st_db_search_json(db, q, &s);
    json_t *j = *rc == ST_OK ? json_loads(s, 0, NULL) : NULL;
    free(s);
    if (!j)
        return NULL;
    json_t *sorted = json_array();
    size_t i, k;
    json_t *x;
    json_array_foreach(j, i, x) {
        json_object_del(x, "rank");
        json_object_del(x, "snippet");
        int64_t id = json_integer_value(json_object_get(x, "id"));
        for (k = 0; k < json_array_size(sorted); k++)
            if (json_integer_value(json_object_get(json_array_get(sorted, k), "id")) > id)
                break;
        json_array_insert(sorted, k, x);
    }
    json_decref(j);
    return sorted;
}

static void t_search(void)
{
    /* Words whose stems find nothing FTS5 would not: names, and words that
     * occur in one form only. */
    static const char *words[] = {"government", "Erdbeben", "Lagarde", "\"central bank\"",
                                  "Gaza OR Hamas", "BRICS"};
    static const st_query extra[] = {
        {0}, {.language = "en"}, {.story = 5}, {.since = "2024-01-01"}};
    for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
        for (size_t f = 0; f < sizeof extra / sizeof *extra; f++) {
            st_query q = extra[f];
            q.text = words[w];
            char what[96];
            snprintf(what, sizeof what, "search %s, filter %zu", words[w], f);
            int rca, rcb;
            json_t *a = search_matches(lite, &q, &rca), *b = NULL;
            CHECK_INT(rca, ST_OK);
            if (f == 0)
                CHECK(json_array_size(a) > 0);
            if (pg) {
                b = search_matches(pg, &q, &rcb);
                CHECK_INT(rcb, rca);
                CHECK(a && b && same_json(what, a, b));
            }
            json_decref(a);
            json_decref(b);
        }
    }
    /* Paging: the same number of results either way. */
    st_query page = {.text = "government", .limit = 2, .offset = 1};
    int rca, rcb;
    json_t *a = search_matches(lite, &page, &rca);
    CHECK_INT(json_array_size(a), 2);
    if (pg) {
        json_t *b = search_matches(pg, &page, &rcb);
        CHECK_INT(json_array_size(b), 2);
        json_decref(b);
    }
    json_decref(a);
    /* Both refuse what FTS5 cannot parse, and accept what it can. */
    static const struct {
        const char *text;
        int rc;
    } syntax[] = {
        {"\"unbalanced", ST_EUSAGE}, {"", ST_EUSAGE},          {"rate AND", ST_EUSAGE},
        {"(rate", ST_EUSAGE},        {"rate)", ST_EUSAGE},      {"OR rate", ST_EUSAGE},
        {"don't", ST_EUSAGE},        {"e.g.", ST_EUSAGE},       {"bank-rate", ST_EUSAGE},
        {"nope:bank", ST_EUSAGE},    {"bank rate", ST_OK},      {"(bank OR rate) NOT ecb", ST_OK},
        {"title:bank", ST_OK},       {"bank*", ST_OK},          {"\"say \"\"no\"\"\"", ST_OK},
        {"Zentralbank", ST_OK},      {"NEAR(bank rate)", ST_OK}, {"^bank", ST_OK},
    };
    for (size_t i = 0; i < sizeof syntax / sizeof *syntax; i++) {
        st_query q = {.text = syntax[i].text};
        char *s = NULL;
        int rc = st_db_search_json(lite, &q, &s);
        if (rc != syntax[i].rc)
            fprintf(stderr, "  search '%s': SQLite says %d\n", syntax[i].text, rc);
        CHECK_INT(rc, syntax[i].rc);
        free(s);
        s = NULL;
        if (pg) {
            rc = st_db_search_json(pg, &q, &s);
            if (rc != syntax[i].rc)
                fprintf(stderr, "  search '%s': PostgreSQL says %d\n", syntax[i].text, rc);
            CHECK_INT(rc, syntax[i].rc);
            free(s);
        }
    }
}

/* ids of a listing's elements (key "id"), at most n. */
static size_t ids_of(st_db *db, list_fn fn, int64_t *ids, size_t n)
{
    json_t *j = doc_of(db, fn, NULL);
    size_t i, k = 0;
    json_t *x;
    json_array_foreach(j, i, x) {
        if (k < n)
            ids[k++] = json_integer_value(json_object_get(x, "id"));
    }
    json_decref(j);
    return k;
}

typedef int (*id_fn)(st_db *, int64_t, char **);

/* One document by id from both stores; the SQLite one must parse when found. */
static void compare_by_id(const char *name, id_fn fn, int64_t id)
{
    char what[64], *a = NULL, *b = NULL;
    snprintf(what, sizeof what, "%s %lld", name, (long long)id);
    int rca = fn(lite, id, &a);
    json_t *j = rca == ST_OK ? json_loads(a, 0, NULL) : NULL;
    CHECK(rca == ST_ENOTFOUND || j);
    json_decref(j);
    if (pg) {
        int rcb = fn(pg, id, &b);
        CHECK(same_doc(what, rca, a, rcb, b));
    }
    free(a);
    free(b);
}

static int article_by_id(st_db *db, int64_t id, char **out)
{
    char s[32];
    snprintf(s, sizeof s, "%lld", (long long)id);
    return st_db_article_json(db, s, out);
}

static int articles_after(st_db *db, int64_t id, char **out)
{
    return st_qs_articles_after_json(db, id, out);
}

static void t_by_id(void)
{
    int64_t ids[64];
    size_t n = ids_of(lite, st_db_articles_json, ids, 64);
    CHECK_INT(n, 49);
    for (size_t i = 0; i < n; i++)
        compare_by_id("article", article_by_id, ids[i]);
    compare_by_id("article", article_by_id, 999999);
    /* By external id too (the first article's). */
    char *a = NULL, *b = NULL;
    json_t *all = doc_of(lite, st_db_articles_json, NULL);
    const char *ext = json_string_value(json_object_get(json_array_get(all, 0), "ext_id"));
    CHECK_INT(st_db_article_json(lite, ext ? ext : "", &a), ST_OK);
    if (pg) {
        int rcb = st_db_article_json(pg, ext ? ext : "", &b);
        CHECK(same_doc("article by ext_id", ST_OK, a, rcb, b));
    }
    json_decref(all);
    free(a);
    free(b);
    n = ids_of(lite, st_db_stories_json, ids, 64);
    CHECK(n >= 2);
    ids[n++] = 999;
    for (size_t i = 0; i < n; i++) {
        compare_by_id("story", st_db_story_json, ids[i]);
        compare_by_id("qs_timeline", st_qs_timeline_json, ids[i]);
    }
    n = ids_of(lite, st_db_entities_json, ids, 20);
    CHECK_INT(n, 20);
    for (size_t i = 0; i < n; i++)
        compare_by_id("qs_entity", st_qs_entity_json, ids[i]);
    compare_by_id("qs_articles_after", articles_after, 0);
    compare_by_id("qs_articles_after", articles_after, 40);
    CHECK_INT(st_qs_version_json(lite, &a), ST_OK);
    if (pg) {
        int rcb = st_qs_version_json(pg, &b);
        CHECK(same_doc("qs_version", ST_OK, a, rcb, b));
    }
    free(a);
    free(b);
}

/* ------------------------------------------------------------ orders */

/* Both backends sort what SQLite would otherwise list in its plan's order:
 * lists of distinct values in byte order, null first, each value once. */
static int sorted_set(const char *what, const json_t *arr)
{
    const char *prev = NULL;
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v) {
        if (json_is_null(v) && i == 0)
            continue;
        const char *s = json_string_value(v);
        if (!s || (prev && strcmp(prev, s) >= 0)) {
            fprintf(stderr, "  order: %s: [%zu] out of order\n", what, i);
            return 0;
        }
        prev = s;
    }
    return 1;
}

/* Every element's lists at keys (NULL-terminated) are sorted sets. */
static void check_sets(const char *what, const json_t *arr, const char *const *keys)
{
    size_t i;
    json_t *x;
    json_array_foreach(arr, i, x) {
        for (const char *const *k = keys; *k; k++) {
            const json_t *set = json_object_get(x, *k);
            CHECK(json_is_array(set) && sorted_set(what, set));
        }
    }
}

/* Entity documents: stories by mentions then id, articles newest first
 * (undated last) then by id, aliases in byte order. */
static void check_entity_orders(const json_t *e)
{
    const json_t *st = json_object_get(e, "stories"), *ar = json_object_get(e, "articles");
    for (size_t i = 1; i < json_array_size(st); i++) {
        const json_t *a = json_array_get(st, i - 1), *b = json_array_get(st, i);
        json_int_t ma = json_integer_value(json_object_get(a, "mentions"));
        json_int_t mb = json_integer_value(json_object_get(b, "mentions"));
        CHECK(ma > mb || (ma == mb && json_integer_value(json_object_get(a, "id")) <
                                          json_integer_value(json_object_get(b, "id"))));
    }
    for (size_t i = 1; i < json_array_size(ar); i++) {
        const json_t *a = json_array_get(ar, i - 1), *b = json_array_get(ar, i);
        const char *pa = json_string_value(json_object_get(a, "published"));
        const char *pb = json_string_value(json_object_get(b, "published"));
        int c = !pa ? (pb ? 1 : 0) : !pb ? -1 : -strcmp(pa, pb);
        CHECK(c < 0 || (c == 0 && json_integer_value(json_object_get(a, "id")) <
                                      json_integer_value(json_object_get(b, "id"))));
    }
    const json_t *al = json_object_get(e, "aliases");
    for (size_t i = 1; i < json_array_size(al); i++)
        CHECK(strcmp(json_string_value(json_object_get(json_array_get(al, i - 1), "alias")),
                     json_string_value(json_object_get(json_array_get(al, i), "alias"))) < 0);
}

/* A document by id, parsed (NULL when not found). */
static json_t *doc_by_id(st_db *db, id_fn fn, int64_t id)
{
    char *s = NULL;
    json_t *j = fn(db, id, &s) == ST_OK ? json_loads(s, 0, NULL) : NULL;
    free(s);
    return j;
}

static void check_orders(st_db *db)
{
    static const char *const story_sets[] = {"languages", "sources", NULL};
    static const char *const event_sets[] = {"sources", "languages", "cameo", NULL};
    static const char *const entity_sets[] = {"languages", NULL};
    json_t *j = doc_of(db, st_db_stories_json, NULL);
    check_sets("stories", j, story_sets);
    json_decref(j);
    j = doc_of(db, st_qs_stories_json, NULL);
    check_sets("qs_stories", j, story_sets);
    json_decref(j);
    j = doc_of(db, st_db_entities_json, NULL);
    check_sets("entities", j, entity_sets);
    json_decref(j);
    int64_t ids[64];
    size_t n = ids_of(db, st_db_stories_json, ids, 64);
    for (size_t i = 0; i < n; i++) {
        json_t *story = json_array(), *t = doc_by_id(db, st_qs_timeline_json, ids[i]);
        json_array_append_new(story, doc_by_id(db, st_db_story_json, ids[i]));
        check_sets("story", story, story_sets);
        check_sets("timeline", json_object_get(t, "events"), event_sets);
        json_decref(story);
        json_decref(t);
    }
    n = ids_of(db, st_db_entities_json, ids, 64);
    for (size_t i = 0; i < n; i++) {
        json_t *e = doc_by_id(db, st_qs_entity_json, ids[i]);
        CHECK(e != NULL);
        check_entity_orders(e);
        json_decref(e);
    }
}

static void t_orders(void)
{
    check_orders(lite);
    if (pg)
        check_orders(pg);
}

/* ------------------------------------------------------------ export */

static char *export_text(st_db *db, const char *what, const char *format, const st_query *q,
                         int *rc)
{
    char *buf = NULL, err[256];
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    *rc = st_export(db, what, format, q, f, err, sizeof err);
    fclose(f);
    return buf;
}

/* The next line of *s (cut in place), NULL at the end. */
static char *next_line(char **s)
{
    if (!*s || !**s)
        return NULL;
    char *line = *s, *nl = strchr(line, '\n');
    *s = nl ? nl + 1 : line + strlen(line);
    if (nl)
        *nl = 0;
    return line;
}

/* CSV records (RFC 4180 quoting, records may span lines) as arrays of strings. */
static json_t *csv_records(const char *s)
{
    json_t *rows = json_array(), *row = json_array();
    st_buf cell = {0};
    int quoted = 0;
    for (; *s; s++) {
        if (quoted) {
            if (*s == '"' && s[1] == '"')
                st_buf_putc(&cell, *s++);
            else if (*s == '"')
                quoted = 0;
            else
                st_buf_putc(&cell, *s);
        } else if (*s == '"') {
            quoted = 1;
        } else if (*s == ',' || *s == '\n') {
            json_array_append_new(row, json_string(st_buf_cstr(&cell)));
            st_buf_reset(&cell);
            if (*s == '\n') {
                json_array_append_new(rows, row);
                row = json_array();
            }
        } else {
            st_buf_putc(&cell, *s);
        }
    }
    json_decref(row);
    st_buf_free(&cell);
    return rows;
}

/* A CSV cell or GDELT field holding a number compares as a number. */
static int same_cell(const char *x, const char *y)
{
    char *ex, *ey;
    double dx = strtod(x, &ex), dy = strtod(y, &ey);
    if (*x && *y && !*ex && !*ey)
        return same_number(dx, dy);
    return !strcmp(x, y);
}

static int same_csv(const char *what, const char *a, const char *b)
{
    json_t *ra = csv_records(a), *rb = csv_records(b);
    int ok = json_array_size(ra) == json_array_size(rb);
    for (size_t i = 0; ok && i < json_array_size(ra); i++) {
        json_t *x = json_array_get(ra, i), *y = json_array_get(rb, i);
        ok = json_array_size(x) == json_array_size(y);
        for (size_t k = 0; ok && k < json_array_size(x); k++)
            ok = same_cell(json_string_value(json_array_get(x, k)),
                           json_string_value(json_array_get(y, k)));
        if (!ok)
            fprintf(stderr, "  parity: %s: record %zu differs\n", what, i);
    }
    json_decref(ra);
    json_decref(rb);
    return ok;
}

/* Fields of one GDELT row, empty ones included. */
static int gdelt_fields(char *line, char **f, int max)
{
    int n = 0;
    for (char *p = line; n < max;) {
        f[n++] = p;
        char *tab = strchr(p, '\t');
        if (!tab)
            break;
        *tab = 0;
        p = tab + 1;
    }
    return n;
}

/* The whole export from both stores, compared in its format's terms. */
static void compare_export(const char *what, const char *format, const st_query *q)
{
    char name[64];
    snprintf(name, sizeof name, "export %s %s", what, format);
    int rca, rcb;
    char *a = export_text(lite, what, format, q, &rca), *b = NULL;
    CHECK_INT(rca, ST_OK);
    if (pg) {
        b = export_text(pg, what, format, q, &rcb);
        CHECK_INT(rcb, rca);
        if (!strcmp(format, "csv")) {
            CHECK(same_csv(name, a, b));
        } else if (!strcmp(format, "json")) {
            CHECK(same_doc(name, rca, a, rcb, b));
        } else {
            char *pa = a, *pb = b, *la, *lb;
            int lines = 0, ok = 1;
            while (ok && (la = next_line(&pa), lb = next_line(&pb), la || lb)) {
                lines++;
                if (!la || !lb) {
                    ok = differ(name, "", "line counts differ");
                } else if (!strcmp(format, "jsonl")) {
                    ok = same_doc(name, ST_OK, la, ST_OK, lb);
                } else {
                    char *fa[64], *fb[64];
                    int na = gdelt_fields(la, fa, 64), nb = gdelt_fields(lb, fb, 64);
                    ok = na == 61 && nb == 61;
                    for (int k = 0; ok && k < 61; k++)
                        if (k != 59 && !same_cell(fa[k], fb[k]))
                            ok = differ(name, fa[0], fa[k]);
                }
            }
            CHECK(ok);
        }
    }
    free(a);
    free(b);
}

/* What an export says must be what the document says. */
static void check_export_matches_doc(st_db *db, const char *what, list_fn fn)
{
    json_t *doc = doc_of(db, fn, NULL);
    size_t n = json_array_size(doc);
    CHECK(n > 0);
    int rc;
    char *s = export_text(db, what, "json", NULL, &rc);
    json_t *j = json_loads(s ? s : "", 0, NULL);
    CHECK(same_json("export json vs document", doc, j));
    json_decref(j);
    free(s);
    s = export_text(db, what, "jsonl", NULL, &rc);
    char *p = s, *line;
    size_t i = 0;
    while ((line = next_line(&p))) {
        json_t *x = json_loads(line, 0, NULL);
        CHECK(x && same_json("export jsonl vs document", json_array_get(doc, i), x));
        json_decref(x);
        i++;
    }
    CHECK_INT(i, n);
    free(s);
    s = export_text(db, what, "csv", NULL, &rc);
    json_t *recs = csv_records(s ? s : "");
    CHECK_INT(json_array_size(recs), n + 1);
    /* The header is the first element's keys; each record has one cell a key. */
    json_t *hdr = json_array_get(recs, 0);
    CHECK_INT(json_array_size(hdr), json_object_size(json_array_get(doc, 0)));
    CHECK_STR(json_string_value(json_array_get(hdr, 0)), "id");
    for (i = 1; i < json_array_size(recs); i++)
        CHECK_INT(json_array_size(json_array_get(recs, i)), json_array_size(hdr));
    json_decref(recs);
    free(s);
    if (!strcmp(what, "events")) {
        s = export_text(db, what, "gdelt", NULL, &rc);
        p = s;
        i = 0;
        while ((line = next_line(&p))) {
            char *f[64];
            CHECK_INT(gdelt_fields(line, f, 64), 61);
            i++;
        }
        CHECK_INT(i, n);
        free(s);
    }
    json_decref(doc);
}

static void t_export(void)
{
    static const char *formats[] = {"json", "jsonl", "csv", "gdelt"};
    static const char *whats[] = {"events", "stories", "articles"};
    static const list_fn docs[] = {st_db_cameo_events_json, st_db_stories_json,
                                   st_db_articles_json};
    for (size_t w = 0; w < 3; w++) {
        check_export_matches_doc(lite, whats[w], docs[w]);
        if (pg)
            check_export_matches_doc(pg, whats[w], docs[w]);
        for (size_t f = 0; f < 4; f++) {
            if (f == 3 && w)
                continue; /* gdelt is for events only */
            for (size_t k = 0; k < NFILTERS; k += 4)
                compare_export(whats[w], formats[f], &filters[k]);
        }
    }
}

/* ------------------------------------------------------------ setup */

static st_db *ingest_corpus(const char *where)
{
    char cmd[1200], err[256];
    snprintf(cmd, sizeof cmd, "%s ingest --quiet --db '%s' examples/corpus", TH_CLI, where);
    CHECK_INT(th_sh(cmd, NULL, NULL), 0);
    st_db *db = NULL;
    CHECK_INT(st_db_open(where, &db, err, sizeof err), ST_OK);
    return db;
}

/* Both stores hold the corpus: the same counts to begin with. */
static void t_setup(void)
{
    char path[512];
    snprintf(path, sizeof path, "%s/lite.db", dir);
    lite = ingest_corpus(path);
    CHECK(lite != NULL);
    if (th_pg()) {
        th_db(dir, "parity", path);
        pg = ingest_corpus(path);
        CHECK(pg != NULL);
    }
}

int main(void)
{
    th_tmpdir("pg_parity", dir);
    RUN(t_setup);
    if (lite && (!th_pg() || pg)) {
        RUN(t_lists);
        RUN(t_search);
        RUN(t_by_id);
        RUN(t_orders);
        RUN(t_export);
    }
    st_db_close(lite);
    if (pg)
        st_db_close(pg);
    TEST_MAIN_END;
}
