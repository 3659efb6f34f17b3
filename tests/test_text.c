/* test_text.c — language id, stopwords, stemming against Snowball's own
 * vocabularies, and st_doc_analyse. */
#include <dirent.h>
#include <libstemmer.h>
#include <stdint.h>
#include <zlib.h>

#include "harness.h"
#include "text/text.h"
#include "text/text_int.h"
#include "util/util.h"

static st_text *text_new(void)
{
    st_text *t = NULL;
    char err[256] = "";
    int rc = st_text_new(NULL, &t, err, sizeof err);
    if (rc != ST_OK)
        fprintf(stderr, "  st_text_new: %s\n", err);
    CHECK_INT(rc, ST_OK);
    return t;
}

static const char *detect(st_text *t, const char *s, double *conf)
{
    static char lang[8];
    double c = -1;
    CHECK_INT(st_lang_detect(t, s, strlen(s), lang, &c), ST_OK);
    CHECK(c >= 0.0 && c <= 1.0);
    if (conf)
        *conf = c;
    return lang;
}

static void t_lang_seeds(void)
{
    if (!th_have_seeds())
        return;
    st_text *t = text_new();
    if (!t)
        return;
    DIR *d = opendir(TH_SEEDS);
    CHECK(d != NULL);
    struct dirent *de;
    int seen = 0;
    while (d && (de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", TH_SEEDS, de->d_name);
        size_t n = 0;
        char *s = th_read_file(path, &n);
        CHECK(s != NULL);
        if (!s)
            continue;
        char lang[8];
        double conf = 0;
        st_lang_detect(t, s, n, lang, &conf);
        const char *want = strncmp(de->d_name, "000_", 4) == 0 ? "id" : "en";
        if (strcmp(lang, want) != 0)
            fprintf(stderr, "  %s\n", de->d_name);
        CHECK_STR(lang, want);
        CHECK(conf >= 0.9);
        seen++;
        free(s);
    }
    if (d)
        closedir(d);
    CHECK_INT(seen, 5);
    st_text_free(t);
}

/* The same sentence in eight languages. */
static const char *const PARAGRAPHS[][2] = {
    {"en", "The government announced new measures on Monday to support the economy, "
           "after weeks of protests over rising prices."},
    {"id", "Pemerintah mengumumkan kebijakan baru pada hari Senin untuk mendukung "
           "perekonomian setelah berminggu-minggu unjuk rasa soal kenaikan harga."},
    {"de", "Die Regierung hat am Montag neue Ma\xc3\x9fnahmen angek\xc3\xbcndigt, um die "
           "Wirtschaft nach wochenlangen Protesten gegen steigende Preise zu st\xc3\xbctzen."},
    {"fr", "Le gouvernement a annonc\xc3\xa9 lundi de nouvelles mesures pour soutenir "
           "l'\xc3\xa9" "conomie, apr\xc3\xa8s des semaines de manifestations contre la hausse des prix."},
    {"es", "El gobierno anunci\xc3\xb3 el lunes nuevas medidas para apoyar la econom\xc3\xad" "a, "
           "tras semanas de protestas por el aumento de los precios."},
    /* Правительство объявило в понедельник о новых мерах поддержки экономики
     * после нескольких недель протестов из-за роста цен. */
    {"ru", "\xd0\x9f\xd1\x80\xd0\xb0\xd0\xb2\xd0\xb8\xd1\x82\xd0\xb5\xd0\xbb\xd1\x8c\xd1\x81"
           "\xd1\x82\xd0\xb2\xd0\xbe \xd0\xbe\xd0\xb1\xd1\x8a\xd1\x8f\xd0\xb2\xd0\xb8\xd0\xbb"
           "\xd0\xbe \xd0\xb2 \xd0\xbf\xd0\xbe\xd0\xbd\xd0\xb5\xd0\xb4\xd0\xb5\xd0\xbb\xd1\x8c"
           "\xd0\xbd\xd0\xb8\xd0\xba \xd0\xbe \xd0\xbd\xd0\xbe\xd0\xb2\xd1\x8b\xd1\x85 \xd0\xbc"
           "\xd0\xb5\xd1\x80\xd0\xb0\xd1\x85 \xd0\xbf\xd0\xbe\xd0\xb4\xd0\xb4\xd0\xb5\xd1\x80"
           "\xd0\xb6\xd0\xba\xd0\xb8 \xd1\x8d\xd0\xba\xd0\xbe\xd0\xbd\xd0\xbe\xd0\xbc\xd0\xb8"
           "\xd0\xba\xd0\xb8 \xd0\xbf\xd0\xbe\xd1\x81\xd0\xbb\xd0\xb5 \xd0\xbd\xd0\xb5\xd1\x81"
           "\xd0\xba\xd0\xbe\xd0\xbb\xd1\x8c\xd0\xba\xd0\xb8\xd1\x85 \xd0\xbd\xd0\xb5\xd0\xb4"
           "\xd0\xb5\xd0\xbb\xd1\x8c \xd0\xbf\xd1\x80\xd0\xbe\xd1\x82\xd0\xb5\xd1\x81\xd1\x82"
           "\xd0\xbe\xd0\xb2 \xd0\xb8\xd0\xb7-\xd0\xb7\xd0\xb0 \xd1\x80\xd0\xbe\xd1\x81\xd1\x82"
           "\xd0\xb0 \xd1\x86\xd0\xb5\xd0\xbd."},
    /* أعلنت الحكومة يوم الاثنين عن إجراءات جديدة لدعم الاقتصاد بعد أسابيع من الاحتجاجات على ارتفاع الأسعار. */
    {"ar", "\xd8\xa3\xd8\xb9\xd9\x84\xd9\x86\xd8\xaa \xd8\xa7\xd9\x84\xd8\xad\xd9\x83\xd9\x88"
           "\xd9\x85\xd8\xa9 \xd9\x8a\xd9\x88\xd9\x85 \xd8\xa7\xd9\x84\xd8\xa7\xd8\xab\xd9\x86"
           "\xd9\x8a\xd9\x86 \xd8\xb9\xd9\x86 \xd8\xa5\xd8\xac\xd8\xb1\xd8\xa7\xd8\xa1\xd8\xa7"
           "\xd8\xaa \xd8\xac\xd8\xaf\xd9\x8a\xd8\xaf\xd8\xa9 \xd9\x84\xd8\xaf\xd8\xb9\xd9\x85 "
           "\xd8\xa7\xd9\x84\xd8\xa7\xd9\x82\xd8\xaa\xd8\xb5\xd8\xa7\xd8\xaf \xd8\xa8\xd8\xb9"
           "\xd8\xaf \xd8\xa3\xd8\xb3\xd8\xa7\xd8\xa8\xd9\x8a\xd8\xb9 \xd9\x85\xd9\x86 \xd8\xa7"
           "\xd9\x84\xd8\xa7\xd8\xad\xd8\xaa\xd8\xac\xd8\xa7\xd8\xac\xd8\xa7\xd8\xaa \xd8\xb9"
           "\xd9\x84\xd9\x89 \xd8\xa7\xd8\xb1\xd8\xaa\xd9\x81\xd8\xa7\xd8\xb9 \xd8\xa7\xd9\x84"
           "\xd8\xa3\xd8\xb3\xd8\xb9\xd8\xa7\xd8\xb1."},
    {"it", "Il governo ha annunciato luned\xc3\xac nuove misure per sostenere l'economia "
           "dopo settimane di proteste contro l'aumento dei prezzi."},
};
#define NPARAGRAPHS (sizeof PARAGRAPHS / sizeof PARAGRAPHS[0])

static void t_lang_paragraphs(void)
{
    st_text *t = text_new();
    if (!t)
        return;
    for (size_t i = 0; i < NPARAGRAPHS; i++) {
        double conf = 0;
        const char *got = detect(t, PARAGRAPHS[i][1], &conf);
        if (strcmp(got, PARAGRAPHS[i][0]) != 0)
            fprintf(stderr, "  case %zu\n", i);
        CHECK_STR(got, PARAGRAPHS[i][0]);
        CHECK(conf >= 0.5);
    }
    /* too little text: low confidence, whatever the guess */
    double conf = 1;
    detect(t, "hello", &conf);
    CHECK(conf < 0.5);
    char lang[8];
    CHECK_INT(st_lang_detect(t, "", 0, lang, &conf), ST_OK);
    CHECK_STR(lang, "und");
    st_text_free(t);
}

/* A declared language is confirmed by its own text and refused by the
 * text of every other language; text without evidence keeps it. */
static void t_lang_confirms(void)
{
    st_text *t = text_new();
    if (!t)
        return;
    for (size_t i = 0; i < NPARAGRAPHS; i++)
        for (size_t j = 0; j < NPARAGRAPHS; j++) {
            const char *s = PARAGRAPHS[i][1];
            int got = st_lang_confirms(t, s, strlen(s), PARAGRAPHS[j][0]);
            if (got != (i == j))
                fprintf(stderr, "  text %s declared %s: %d\n", PARAGRAPHS[i][0], PARAGRAPHS[j][0], got);
            CHECK_INT(got, i == j);
        }
    const char *made_up = "Kalomiren tesavor dimasul horenga plistoche.";
    CHECK_INT(st_lang_confirms(t, made_up, strlen(made_up), "en"), 1);
    CHECK_INT(st_lang_confirms(t, made_up, strlen(made_up), "ru"), 0); /* wrong script */
    CHECK_INT(st_lang_confirms(t, made_up, strlen(made_up), "xx"), 0); /* no list */
    st_text_free(t);
}

static void t_stopwords(void)
{
    st_text *t = text_new();
    if (!t)
        return;
    CHECK(st_stopword(t, "en", "the", 3));
    CHECK(st_stopword(t, "en", "don't", 5));
    CHECK(!st_stopword(t, "en", "hamas", 5));
    CHECK(!st_stopword(t, "en", "thE", 3)); /* callers pass folded words */
    CHECK(st_stopword(t, "id", "yang", 4));
    CHECK(st_stopword(t, "id", "dan", 3));
    CHECK(!st_stopword(t, "id", "perang", 6));
    CHECK(st_stopword(t, "de", "und", 3));
    CHECK(st_stopword(t, "fr", "les", 3));
    CHECK(st_stopword(t, "es", "los", 3));
    CHECK(st_stopword(t, "ru", "\xd0\xb8", 2));          /* и */
    CHECK(st_stopword(t, "ar", "\xd9\x81\xd9\x8a", 4));  /* في */
    CHECK(!st_stopword(t, "xx", "the", 3));
    CHECK(!st_stopword(t, NULL, "the", 3));
    /* a prefix of a stopword is not one */
    CHECK(!st_stopword(t, "en", "th", 2));
    st_text_free(t);
}

static void t_data_dir(void)
{
    st_text *t = NULL;
    char err[256] = "";
    CHECK_INT(st_text_new("/nonexistent/storytrack", &t, err, sizeof err), ST_EIO);
    CHECK(t == NULL);
    CHECK_CONTAINS(err, "/nonexistent/storytrack/stopwords");
    CHECK_INT(st_text_new("data", &t, err, sizeof err), ST_OK);
    CHECK(t && st_stopword(t, "en", "and", 3));
    st_text_free(t);
}

/* libstemmer's names -> the ISO codes we expect to reach them with. */
static const char *iso_of(const char *algo)
{
    static const char *const map[][2] = {
        {"arabic", "ar"},     {"armenian", "hy"},  {"basque", "eu"},     {"catalan", "ca"},
        {"danish", "da"},     {"dutch", "nl"},     {"english", "en"},    {"finnish", "fi"},
        {"french", "fr"},     {"german", "de"},    {"greek", "el"},      {"hindi", "hi"},
        {"hungarian", "hu"},  {"indonesian", "id"}, {"irish", "ga"},     {"italian", "it"},
        {"lithuanian", "lt"}, {"nepali", "ne"},    {"norwegian", "no"},  {"portuguese", "pt"},
        {"romanian", "ro"},   {"russian", "ru"},   {"serbian", "sr"},    {"spanish", "es"},
        {"swedish", "sv"},    {"tamil", "ta"},     {"turkish", "tr"},    {"yiddish", "yi"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(map[i][0], algo) == 0)
            return map[i][1];
    return NULL;
}

static void t_stem_mapping(void)
{
    size_t n = 0;
    for (const char **p = sb_stemmer_list(); *p; p++) {
        if (strcmp(*p, "porter") == 0)
            continue;
        const char *iso = iso_of(*p);
        if (!iso)
            fprintf(stderr, "  no ISO code for %s\n", *p);
        CHECK(iso != NULL);
        if (iso)
            CHECK_STR(st_stem_algorithm(iso), *p);
        n++;
    }
    CHECK(n >= 20);
    CHECK_STR(st_stem_algorithm("ms"), "indonesian");
    CHECK(st_stem_algorithm("zh") == NULL);
}

/* Opens name or name.gz (Debian compresses the larger ones, e.g. Arabic). */
static gzFile open_voc(const char *algo, const char *name)
{
    char p[256];
    snprintf(p, sizeof p, "/usr/share/snowball/data/%s/%s", algo, name);
    gzFile f = gzopen(p, "rb");
    if (!f) {
        strncat(p, ".gz", sizeof p - strlen(p) - 1);
        f = gzopen(p, "rb");
    }
    return f;
}

/* Stems the first `max` words of voc.txt and compares with output.txt. */
static size_t check_vocabulary(st_text *t, const char *algo, const char *iso, size_t max)
{
    gzFile fv = open_voc(algo, "voc.txt"), fo = open_voc(algo, "output.txt");
    size_t done = 0, bad = 0;
    char w[512], want[512], got[512];
    while (fv && fo && done < max && gzgets(fv, w, sizeof w) && gzgets(fo, want, sizeof want)) {
        w[strcspn(w, "\r\n")] = '\0';
        want[strcspn(want, "\r\n")] = '\0';
        st_stem(t, iso, w, strlen(w), got, sizeof got);
        if (strcmp(got, want) != 0 && bad++ < 3)
            fprintf(stderr, "  %s: %s -> %s, expected %s\n", algo, w, got, want);
        done++;
    }
    if (fv)
        gzclose(fv);
    if (fo)
        gzclose(fo);
    CHECK_INT(bad, 0);
    return done;
}

static void t_stem_vocabularies(void)
{
    st_text *t = text_new();
    if (!t)
        return;
    DIR *d = opendir("/usr/share/snowball/data");
    CHECK(d != NULL);
    struct dirent *de;
    size_t langs = 0;
    while (d && (de = readdir(d)) != NULL) {
        const char *iso = iso_of(de->d_name);
        if (!iso)
            continue; /* porter, lovins, german2, kraaij_pohlmann: not by ISO code */
        size_t n = check_vocabulary(t, de->d_name, iso, 2000);
        CHECK(n >= 100);
        langs++;
    }
    if (d)
        closedir(d);
    CHECK(langs >= 20);
    /* again: now answered by the stem memo, which must agree with libstemmer */
    CHECK_INT(check_vocabulary(t, "english", "en", 2000), 2000);
    CHECK_INT(check_vocabulary(t, "indonesian", "id", 2000), 2000);
    /* no stemmer: the word comes back unchanged, and truncation is safe */
    char out[8];
    CHECK_INT(st_stem(t, "zh", "abc", 3, out, sizeof out), 3);
    CHECK_STR(out, "abc");
    CHECK_INT(st_stem(t, "en", "running", 7, out, sizeof out), 3);
    CHECK_STR(out, "run");
    st_text_free(t);
}

static const st_term *find_term(const st_doc *d, const char *text)
{
    for (size_t i = 0; i < d->nterms; i++)
        if (strcmp(d->terms[i].text, text) == 0)
            return &d->terms[i];
    return NULL;
}

static void check_doc_invariants(const st_doc *d)
{
    for (size_t i = 0; i < d->nterms; i++) {
        const st_term *x = &d->terms[i];
        CHECK(x->hash == st_hash64(x->text, strlen(x->text)));
        CHECK(x->count >= 1);
        if (i)
            CHECK(d->terms[i - 1].hash <= x->hash);
    }
    for (size_t i = 0; i < d->nsents; i++) {
        CHECK(d->sents[i].off + d->sents[i].len <= d->len);
        if (i)
            CHECK(d->sents[i - 1].off + d->sents[i - 1].len <= d->sents[i].off);
    }
}

static void t_doc_synthetic(void)
{
    st_text *t = text_new();
    if (!t)
        return;
    st_doc *d = NULL;
    CHECK_INT(st_doc_analyse(t, "Talks in Cairo",
                             "Hamas said the talks in Cairo would resume. The talks were "
                             "hosted by Egypt and Qatar's officials, see https://ap.org/x. "
                             "Talking about 43,000 people.",
                             "en-US", &d),
              ST_OK);
    if (!d)
        goto out;
    CHECK_STR(d->lang, "en");
    CHECK(!d->lang_mismatch);
    CHECK_INT(d->title_len, 14);
    CHECK(strncmp(d->text, "Talks in Cairo\n\nHamas", 21) == 0);
    CHECK_INT(d->nsents, 4);
    check_doc_invariants(d);
    const st_term *talk = find_term(d, "talk");
    CHECK(talk && talk->count == 4); /* Talks x3 + Talking */
    const st_term *cairo = find_term(d, "cairo");
    CHECK(cairo && cairo->count == 2);
    CHECK(find_term(d, "43,000") != NULL);
    CHECK(find_term(d, "qatar") != NULL); /* "qatar's" stems to qatar */
    CHECK(find_term(d, "the") == NULL);   /* stopword */
    CHECK(find_term(d, "https://ap.org/x") == NULL);
    CHECK_INT(d->ntokens, 26);
    st_doc_free(d);

    /* confident detection that disagrees with the metadata is flagged */
    CHECK_INT(st_doc_analyse(t, NULL,
                             "Pemerintah mengumumkan kebijakan baru pada hari Senin untuk "
                             "mendukung perekonomian nasional.",
                             "en", &d),
              ST_OK);
    if (d) {
        CHECK_STR(d->lang, "id");
        CHECK(d->lang_mismatch);
        CHECK_INT(d->title_len, 0);
        st_doc_free(d);
    }
    /* unsure detection takes the metadata */
    CHECK_INT(st_doc_analyse(t, NULL, "Jakarta", "id", &d), ST_OK);
    if (d) {
        CHECK_STR(d->lang, "id");
        CHECK(!d->lang_mismatch);
        st_doc_free(d);
    }
    /* empty body */
    CHECK_INT(st_doc_analyse(t, NULL, "", NULL, &d), ST_OK);
    if (d) {
        CHECK_INT(d->nterms, 0);
        CHECK_INT(d->nsents, 0);
        CHECK_INT(d->ntokens, 0);
        st_doc_free(d);
    }
out:
    st_text_free(t);
}

static void t_doc_seed(void)
{
    if (!th_have_seeds())
        return;
    st_text *t = text_new();
    size_t n = 0;
    char *s = th_read_file(TH_SEEDS "/000_f2c78312280b9d9b.txt", &n);
    CHECK(s != NULL);
    if (!t || !s)
        goto out;
    char *nl = strchr(s, '\n');
    CHECK(nl != NULL);
    if (!nl)
        goto out;
    *nl = '\0';
    st_doc *d = NULL;
    CHECK_INT(st_doc_analyse(t, s, nl + 1, "id", &d), ST_OK);
    if (!d)
        goto out;
    CHECK_STR(d->lang, "id");
    CHECK(!d->lang_mismatch);
    CHECK(d->nsents >= 10);
    CHECK(d->ntokens > 300);
    CHECK(d->nterms > 100);
    check_doc_invariants(d);
    const st_term *hamas = find_term(d, "hamas");
    CHECK(hamas && hamas->count >= 5);
    CHECK(find_term(d, "yang") == NULL);
    CHECK(find_term(d, "pasca-perang") != NULL); /* title "Pasca-Perang", folded */
    /* Indonesian stemming: "perundingan" -> "unding" */
    CHECK(find_term(d, "unding") != NULL);
    size_t total = 0;
    for (size_t i = 0; i < d->nterms; i++)
        total += d->terms[i].count;
    CHECK(total < d->ntokens);
    st_doc_free(d);
out:
    free(s);
    st_text_free(t);
}

int main(void)
{
    RUN(t_lang_seeds);
    RUN(t_lang_paragraphs);
    RUN(t_lang_confirms);
    RUN(t_stopwords);
    RUN(t_data_dir);
    RUN(t_stem_mapping);
    RUN(t_stem_vocabularies);
    RUN(t_doc_synthetic);
    RUN(t_doc_seed);
    TEST_MAIN_END;
}
