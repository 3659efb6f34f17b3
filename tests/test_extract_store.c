/* test_extract_store.c — extraction stored and queried: entity identity
 * across articles and languages, salience, claims, conflicts. */
#include <jansson.h>

#include "extract/extract.h"
#include "harness.h"
#include "store/store.h"
#include "text/text.h"

static st_extract *ex;

/* Stores an article with the given text, language, date and story, and runs
 * the extraction stage on it as the pipeline would. Returns its id. */
static int64_t add(st_db *db, const char *title, const char *body, const char *lang,
                   const char *published, int64_t story)
{
    st_article a = {0};
    a.title = (char *)title;
    a.body = (char *)body;
    a.language = (char *)lang;
    a.published = (char *)published;
    a.source = (char *)(lang[0] == 'e' ? "example.com" : "contoh.id");
    st_article_row row = {0};
    row.a = &a;
    row.language = lang;
    row.content_hash = body; /* unique per test article */
    int64_t id = 0;
    CHECK_INT(st_store_insert_article(db, &row, &id), ST_OK);
    CHECK_INT(st_store_set_cluster(db, id, story, story, 0), ST_OK);

    size_t tl = strlen(title);
    char *text = malloc(tl + 2 + strlen(body) + 1);
    sprintf(text, "%s\n\n%s", title, body);
    st_doc doc = {0};
    snprintf(doc.lang, sizeof doc.lang, "%s", lang);
    doc.text = text;
    doc.len = strlen(text);
    doc.title_len = tl;
    st_sentences(text, doc.len, lang, &doc.sents, &doc.nsents);
    char err[256] = "";
    int rc = st_extract_article(ex, db, id, &a, &doc, err, sizeof err);
    if (rc != ST_OK)
        fprintf(stderr, "  extract: %s\n", err);
    CHECK_INT(rc, ST_OK);
    free(doc.sents);
    free(text);
    return id;
}

static json_t *query(st_db *db, int (*fn)(st_db *, const st_query *, char **), int64_t story)
{
    st_query q = {0};
    q.story = story;
    char *doc = NULL;
    CHECK_INT(fn(db, &q, &doc), ST_OK);
    json_t *j = doc ? json_loads(doc, 0, NULL) : NULL;
    CHECK(j && json_is_array(j));
    free(doc);
    return j;
}

static json_t *find(json_t *arr, const char *key, const char *val)
{
    size_t i;
    json_t *o;
    json_array_foreach(arr, i, o) {
        json_t *v = json_object_get(o, key);
        if (json_is_string(v) && !strcmp(json_string_value(v), val))
            return o;
    }
    return NULL;
}

static int has_string(json_t *arr, const char *s)
{
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v) if (json_is_string(v) && !strcmp(json_string_value(v), s)) return 1;
    return 0;
}

static st_db *fresh_db(void)
{
    char dir[256], path[512], err[256] = "";
    th_tmpdir("extract_store", dir);
    th_db(dir, "x", path);
    st_db *db = NULL;
    CHECK_INT(st_db_open(path, &db, err, sizeof err), ST_OK);
    return db;
}

static void t_store_and_query(void)
{
    st_db *db = fresh_db();
    if (!db)
        return;
    CHECK_INT(st_store_begin(db), ST_OK);
    add(db, "CIA chief William Burns in Cairo",
        "CIA Director William Burns met Egyptian mediators in Cairo on Sunday. There are 101 "
        "hostages still held in Gaza, Israeli authorities say. \"Hamas must leave Doha "
        "now,\" a senior official told CNN.",
        "en", "2024-11-10", 7);
    int64_t b = add(db, "Perundingan di Kairo",
                    "Direktur CIA Bill Burns tiba di Kairo. Sebanyak 33 sandera masih ditahan "
                    "di Gaza, menurut pejabat Israel. \"Hamas must leave Doha now,\" kata "
                    "Direktur CIA Bill Burns.",
                    "id", "2024-11-12", 7);
    add(db, "Other story", "Over 200 people were injured in Jakarta, police said.", "en",
        "2024-11-12", 8);
    CHECK_INT(st_store_commit(db), ST_OK);

    json_t *ents = query(db, st_db_entities_json, 7);
    if (getenv("EXTRACT_DUMP")) {
        char *d = json_dumps(ents, 0);
        fprintf(stderr, "%s\n", d);
        free(d);
    }
    json_t *burns = find(ents, "name", "William Burns");
    CHECK(burns != NULL);
    if (burns) {
        CHECK_INT(json_integer_value(json_object_get(burns, "articles")), 2);
        CHECK(json_integer_value(json_object_get(burns, "in_title")) >= 1);
        CHECK(has_string(json_object_get(burns, "aliases"), "Bill Burns"));
        CHECK(has_string(json_object_get(burns, "aliases"), "Direktur CIA Bill Burns"));
        CHECK(has_string(json_object_get(burns, "languages"), "en"));
        CHECK(has_string(json_object_get(burns, "languages"), "id"));
        /* among the most salient: in both articles, in a headline */
        const char *n0 = json_string_value(json_object_get(json_array_get(ents, 0), "name"));
        const char *n1 = json_string_value(json_object_get(json_array_get(ents, 1), "name"));
        CHECK((n0 && !strcmp(n0, "William Burns")) || (n1 && !strcmp(n1, "William Burns")));
    }
    json_t *cairo = find(ents, "name", "Cairo");
    CHECK(cairo && has_string(json_object_get(cairo, "aliases"), "Kairo"));
    CHECK(find(ents, "name", "Jakarta") == NULL); /* another story */
    json_decref(ents);

    json_t *claims = query(db, st_db_claims_json, 7);
    CHECK_INT(json_array_size(claims), 2);
    json_decref(claims);

    json_t *conf = query(db, st_db_conflicts_json, 7);
    json_t *hc = find(conf, "unit", "hostages");
    CHECK(hc != NULL);
    if (hc) {
        CHECK_STR(json_string_value(json_object_get(hc, "reason")), "different time");
        json_t *a1 = json_object_get(hc, "a"), *b1 = json_object_get(hc, "b");
        CHECK(json_real_value(json_object_get(a1, "value")) == 101.0);
        CHECK(json_real_value(json_object_get(b1, "value")) == 33.0);
        CHECK_STR(json_string_value(json_object_get(a1, "attribution")), "Israeli authorities");
        CHECK_STR(json_string_value(json_object_get(b1, "attribution")), "pejabat Israel");
    }
    json_t *qc = find(conf, "kind", "quote");
    CHECK(qc && !strcmp(json_string_value(json_object_get(qc, "reason")), "different speaker"));
    json_decref(conf);

    /* re-extracting an article replaces its rows */
    json_t *q1 = query(db, st_db_quotes_json, 7);
    size_t nq = json_array_size(q1);
    json_decref(q1);
    CHECK_INT(nq, 2);
    CHECK_INT(st_store_begin(db), ST_OK);
    st_article a = {0};
    a.body = "Bill Burns spoke.";
    a.title = "";
    st_doc doc = {0};
    snprintf(doc.lang, sizeof doc.lang, "en");
    doc.text = "\n\nBill Burns spoke.";
    doc.len = strlen(doc.text);
    char err[128];
    CHECK_INT(st_extract_article(ex, db, b, &a, &doc, err, sizeof err), ST_OK);
    CHECK_INT(st_store_commit(db), ST_OK);
    q1 = query(db, st_db_quotes_json, 7);
    CHECK_INT(json_array_size(q1), 1);
    json_decref(q1);
    st_db_close(db);
}

static void t_conflict_reasons(void)
{
    st_db *db = fresh_db();
    if (!db)
        return;
    CHECK_INT(st_store_begin(db), ST_OK);
    add(db, "A", "At least 40 people were killed in the strike, officials said.", "en",
        "2024-05-01", 1);
    add(db, "B", "The strike killed 90 people, the ministry said.", "en", "2024-05-01", 1);
    add(db, "C", "The strike killed 92 people, witnesses said.", "en", "2024-05-01", 1);
    add(db, "D", "The strike killed 60 people, medics said.", "en", "2024-05-01", 1);
    CHECK_INT(st_store_commit(db), ST_OK);
    json_t *conf = query(db, st_db_conflicts_json, 1);
    int qual = 0, contra = 0;
    size_t i;
    json_t *c;
    json_array_foreach(conf, i, c) {
        const char *r = json_string_value(json_object_get(c, "reason"));
        double va = json_real_value(json_object_get(json_object_get(c, "a"), "value"));
        double vb = json_real_value(json_object_get(json_object_get(c, "b"), "value"));
        CHECK(!(va == 90 && vb == 92)); /* within rounding */
        qual += !strcmp(r, "different qualifier/definition");
        contra += !strcmp(r, "contradiction");
    }
    CHECK_INT(qual, 3);   /* "at least 40" against each exact figure */
    CHECK_INT(contra, 2); /* 90 vs 60, 92 vs 60 */
    json_decref(conf);
    st_db_close(db);
}

int main(void)
{
    char err[256] = "";
    CHECK_INT(st_extract_load("data", &ex, err, sizeof err), ST_OK);
    RUN(t_store_and_query);
    RUN(t_conflict_reasons);
    st_extract_free(ex);
    TEST_MAIN_END;
}
