/* test_events.c — CAMEO coder: codebook, sentences in English and
 * Indonesian, negation, compounds, the seed articles, storage and exports. */
#include "events/events.h"
#include "events/transform.h"
#include "harness.h"
#include "store/events_store.h"
#include "store/store.h"
#include "text/text.h"
#include "util/util.h"

static st_cameo *cameo(void)
{
    static st_cameo *c;
    static int tried;
    if (!tried) {
        char err[256] = "";
        tried = 1;
        if (st_cameo_load_default(NULL, &c, err, sizeof err) != ST_OK)
            fprintf(stderr, "  load: %s\n", err);
    }
    return c;
}

/* 1 when coding s yields (src, code prefix, tgt); NULL src/tgt match any. */
static int has_event(const st_cameo_events *ev, const char *src, const char *code, const char *tgt)
{
    for (size_t i = 0; i < ev->n; i++)
        if ((!src || !strcmp(ev->v[i].source, src)) && (!tgt || !strcmp(ev->v[i].target, tgt)) &&
            !strncmp(ev->v[i].code, code, strlen(code)))
            return 1;
    return 0;
}

static void code(const char *s, st_cameo_events *ev)
{
    CHECK_INT(st_cameo_code_sentence(cameo(), s, strlen(s), 20240801, ev), ST_OK);
}

static void t_codebook(void)
{
    st_cameo *c = cameo();
    CHECK(c != NULL);
    if (!c)
        return;
    double g = 0;
    int q = 0;
    const char *label = NULL;
    CHECK(st_cameo_code_info(c, "174", &g, &q, &label));
    CHECK(g < -4.0);
    CHECK_INT(q, 4);
    CHECK(label && strstr(label, "xpel"));
    CHECK(st_cameo_code_info(c, "042", &g, &q, NULL));
    CHECK_INT(q, 1);
    CHECK(g > 0);
    CHECK(st_cameo_code_info(c, "1056", &g, &q, NULL));
    CHECK_INT(q, 3);
    CHECK(!st_cameo_code_info(c, "9", &g, &q, NULL));
    CHECK_INT(st_cameo_quad_of_root(7), 2);
    CHECK_INT(st_cameo_quad_of_root(21), 0);
}

static void t_english(void)
{
    if (!cameo())
        return;
    st_cameo_events ev = {0};
    code("Qatar has pledged to expel exiled leaders of Egypt's Muslim Brotherhood.", &ev);
    CHECK(has_event(&ev, "QAT", "174", NULL));
    st_cameo_events_free(&ev);
    code("Secretary of State Antony Blinken visited Israel, Egypt and Qatar this week.", &ev);
    CHECK(has_event(&ev, "USAGOV", "042", "ISR"));
    CHECK(has_event(&ev, "USAGOV", "042", "EGY"));
    CHECK(has_event(&ev, "USAGOV", "042", "QAT"));
    st_cameo_events_free(&ev);
    code("Israeli officials met with Egyptian mediators in Cairo on Sunday.", &ev);
    CHECK(has_event(&ev, "ISRGOV", "04", NULL));
    CHECK(ev.n > 0 && ev.v[0].place && strstr(ev.v[0].place, "Cairo"));
    st_cameo_events_free(&ev);
}

static void t_negation_passive(void)
{
    if (!cameo())
        return;
    st_cameo_events ev = {0};
    code("Egypt did not expel the Israeli ambassador.", &ev);
    CHECK(ev.n > 0);
    for (size_t i = 0; i < ev.n; i++)
        CHECK(ev.v[i].negated);
    st_cameo_events_free(&ev);
    code("Hamas officials were expelled by Qatar.", &ev);
    CHECK(has_event(&ev, "QAT", "17", NULL));
    st_cameo_events_free(&ev);
}

static void t_indonesian(void)
{
    if (!cameo())
        return;
    st_cameo_events ev = {0};
    code("Seorang pejabat Israel bertemu dengan Perdana Menteri Qatar di Doha.", &ev);
    CHECK(has_event(&ev, "ISRGOV", "040", "QATGOV"));
    st_cameo_events_free(&ev);
    code("Mesir mengusir diplomat Israel.", &ev);
    CHECK(has_event(&ev, "EGY", "174", NULL));
    st_cameo_events_free(&ev);
    code("Hamas tidak menolak usulan Amerika Serikat.", &ev);
    CHECK(ev.n > 0 && ev.v[0].negated);
    st_cameo_events_free(&ev);
}

/* Codes every sentence of a seed file into ev. */
static void code_seed(const char *name, st_cameo_events *ev)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", TH_SEEDS, name);
    size_t len = 0;
    char *text = th_read_file(path, &len);
    CHECK(text != NULL);
    if (!text)
        return;
    st_span *sp = NULL;
    size_t n = 0;
    CHECK_INT(st_sentences(text, len, NULL, &sp, &n), ST_OK);
    for (size_t i = 0; i < n; i++)
        st_cameo_code_sentence(cameo(), text + sp[i].off, sp[i].len, 0, ev);
    if (getenv("ST_EVENTS_VERBOSE"))
        for (size_t i = 0; i < ev->n; i++)
            fprintf(stderr, "  %s: %s %s %s (%s) at %s%s\n", name, ev->v[i].source, ev->v[i].code,
                    ev->v[i].target, ev->v[i].verb, ev->v[i].place ? ev->v[i].place : "-",
                    ev->v[i].negated ? " [neg]" : "");
    free(sp);
    free(text);
}

static void t_seeds(void)
{
    if (!th_have_seeds() || !cameo())
        return;
    st_cameo_events e0 = {0}, e1 = {0}, e2 = {0}, e3 = {0}, e4 = {0};
    code_seed("000_f2c78312280b9d9b.txt", &e0);
    code_seed("001_9af9df364cc45a3d.txt", &e1);
    code_seed("002_e76da256bc5e1e1d.txt", &e2);
    code_seed("003_9a1633e24300d991.txt", &e3);
    code_seed("004_aa281476638b5d3f.txt", &e4);
    /* Qatar and Hamas in an expel-type event. */
    CHECK(has_event(&e2, "QAT", "17", "PSEREBHMS"));
    /* Hamas meets mediators in Cairo. */
    int cairo = 0;
    for (size_t i = 0; i < e1.n; i++)
        cairo |= !strcmp(e1.v[i].source, "PSEREBHMS") && !strncmp(e1.v[i].code, "04", 2) &&
                 e1.v[i].place && strstr(e1.v[i].place, "Cairo");
    CHECK(cairo);
    /* Hamas demands an Israeli withdrawal. */
    CHECK(has_event(&e1, "PSEREBHMS", "10", NULL) || has_event(&e3, "PSEREBHMS", "10", NULL));
    /* Blinken visits Egypt and Israel. */
    CHECK(has_event(&e4, "USAGOV", "042", "EGY"));
    CHECK(has_event(&e4, "USAGOV", "042", "ISR"));
    /* Indonesian: an Israeli official meets the Qatari prime minister. */
    CHECK(has_event(&e0, "ISRGOV", "04", "QATGOV"));
    st_cameo_events_free(&e0);
    st_cameo_events_free(&e1);
    st_cameo_events_free(&e2);
    st_cameo_events_free(&e3);
    st_cameo_events_free(&e4);
}

/* Stores a coded article, then checks the GDELT export's shape and types. */
static void t_store_export(void)
{
    if (!cameo())
        return;
    char dir[256], path[512], out[300], err[256] = "";
    th_tmpdir("events", dir);
    th_db(dir, "e", path);
    snprintf(out, sizeof out, "%s/e.tsv", dir);
    st_db *db = NULL;
    CHECK_INT(st_db_open(path, &db, err, sizeof err), ST_OK);
    st_text *t = NULL;
    CHECK_INT(st_text_new(NULL, &t, err, sizeof err), ST_OK);
    if (!db || !t)
        return;
    st_article a = {0};
    a.title = "Blinken visits Egypt";
    a.body = "Secretary of State Antony Blinken visited Israel, Egypt and Qatar this week. "
             "Qatar agreed to kick Hamas out of Doha.";
    a.published = "2024-08-20";
    a.url = "https://example.org/a";
    a.source = "example.org";
    st_doc *doc = NULL;
    CHECK_INT(st_doc_analyse(t, a.title, a.body, "en", &doc), ST_OK);
    st_article_row row = {.a = &a, .language = "en", .lang_conf = 1.0, .content_hash = "hash-events-1"};
    int64_t id = 0;
    CHECK_INT(st_store_begin(db), ST_OK);
    CHECK_INT(st_store_insert_article(db, &row, &id), ST_OK);
    CHECK_INT(st_events_article(cameo(), db, id, &a, doc, err, sizeof err), ST_OK);
    /* Coding again replaces, never duplicates. */
    CHECK_INT(st_events_article(cameo(), db, id, &a, doc, err, sizeof err), ST_OK);
    CHECK_INT(st_store_commit(db), ST_OK);
    char *json = NULL;
    CHECK_INT(st_db_cameo_events_json(db, NULL, &json), ST_OK);
    CHECK_CONTAINS(json, "\"code\":\"042\"");
    CHECK_CONTAINS(json, "\"code\":\"174\"");
    CHECK_CONTAINS(json, "\"mentions\":1");
    free(json);
    FILE *f = fopen(out, "w");
    CHECK_INT(st_export(db, "events", "gdelt", NULL, f, err, sizeof err), ST_OK);
    fclose(f);
    CHECK_INT(st_export(db, "events", "xml", NULL, stdout, err, sizeof err), ST_EUSAGE);
    CHECK_INT(st_export(db, "stories", "gdelt", NULL, stdout, err, sizeof err), ST_EUSAGE);
    size_t len = 0;
    char *tsv = th_read_file(out, &len);
    CHECK(tsv && len > 0);
    int lines = 0;
    for (char *line = tsv ? strtok(tsv, "\n") : NULL; line; line = strtok(NULL, "\n")) {
        char *cols[80];
        int n = 0;
        for (char *p = line; n < 80;) {
            cols[n++] = p;
            char *tab = strchr(p, '\t');
            if (!tab)
                break;
            *tab = 0;
            p = tab + 1;
        }
        CHECK_INT(n, 61);
        if (n != 61)
            break;
        CHECK(atoll(cols[0]) > 0);            /* GLOBALEVENTID */
        CHECK_STR(cols[1], "20240820");       /* SQLDATE */
        CHECK_STR(cols[2], "202408");         /* MonthYear */
        CHECK_STR(cols[3], "2024");           /* Year */
        CHECK(atof(cols[4]) > 2024.6 && atof(cols[4]) < 2024.7); /* FractionDate */
        CHECK(strlen(cols[26]) >= 3);          /* EventCode */
        CHECK(!strncmp(cols[26], cols[28], 2)); /* EventRootCode */
        CHECK(atoi(cols[29]) >= 1 && atoi(cols[29]) <= 4); /* QuadClass */
        CHECK(atoi(cols[31]) >= 1);            /* NumMentions */
        CHECK_INT(strlen(cols[59]), 14);       /* DATEADDED */
        CHECK_STR(cols[60], "https://example.org/a");
        lines++;
    }
    CHECK(lines >= 4);
    free(tsv);
    f = fopen(out, "w");
    CHECK_INT(st_export(db, "events", "csv", NULL, f, err, sizeof err), ST_OK);
    fclose(f);
    tsv = th_read_file(out, &len);
    CHECK(tsv && !strncmp(tsv, "id,date,source", 14));
    free(tsv);
    st_doc_free(doc);
    st_text_free(t);
    st_db_close(db);
}

/* PETRARCH2's transformations and negation, then the coder using them. */
static void t_transforms(void)
{
    int to_b = 0;
    CHECK_STR(ev_transform(EV_FRAME_SAY, "190", 1, 1, &to_b), "015");
    CHECK_STR(ev_transform(EV_FRAME_SAY, "195", 1, 0, &to_b), "112");
    CHECK_INT(to_b, 1);
    CHECK_STR(ev_transform(EV_FRAME_WANT, "190", 0, 0, &to_b), "138");
    CHECK_INT(to_b, 0);
    CHECK_STR(ev_transform(EV_FRAME_WANT, "190", 1, 0, &to_b), "021");
    CHECK(ev_transform(EV_FRAME_SAY, "040", 1, 0, &to_b) == NULL);
    CHECK_INT(ev_frame_of("CLAIMED"), EV_FRAME_SAY);
    CHECK_INT(ev_frame_of("EXPELLED"), EV_FRAME_NONE);
    CHECK_STR(ev_negated_code("051"), "121");
    CHECK_STR(ev_negated_code("084"), "124");
    CHECK(ev_negated_code("190") == NULL);
    if (!cameo())
        return;
    st_cameo_events ev = {0};
    code("The United States claimed that Iran had attacked Iraq.", &ev);
    CHECK(has_event(&ev, "USA", "112", "IRN"));
    CHECK(!has_event(&ev, "IRN", "19", "IRQ"));
    st_cameo_events_free(&ev);
    code("Egypt wants to attack Israel.", &ev);
    CHECK(has_event(&ev, "EGY", "138", "ISR"));
    st_cameo_events_free(&ev);
}

int main(void)
{
    RUN(t_codebook);
    RUN(t_english);
    RUN(t_negation_passive);
    RUN(t_transforms);
    RUN(t_indonesian);
    RUN(t_seeds);
    RUN(t_store_export);
    st_cameo_free(cameo());
    TEST_MAIN_END;
}
