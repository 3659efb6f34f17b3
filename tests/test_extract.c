/* test_extract.c — extraction rules per language, from our own sentences,
 * and spot checks on the seed articles. */
#include <math.h>

#include "extract/ex_int.h"
#include "extract/extract.h"
#include "store/store.h"
#include "harness.h"
#include "text/text.h"
#include "util/util.h"

static st_extract *ex;

/* Extracts from text (no title) with the given language and publish date. */
static st_ex_result *run(const char *text, const char *lang, const char *published)
{
    st_span *sents = NULL;
    size_t ns = 0;
    st_sentences(text, strlen(text), lang, &sents, &ns);
    st_ex_input in = {text, strlen(text), 0, lang, published, sents, ns};
    st_ex_result *r = NULL;
    int rc = st_extract_run(ex, &in, &r);
    CHECK_INT(rc, ST_OK);
    free(sents);
    if (getenv("EXTRACT_DUMP") && r) {
        for (size_t i = 0; i < r->nentities; i++) {
            fprintf(stderr, "ENT %s [%s] %s role=%s n=%zu aliases:", r->entities[i].name,
                    r->entities[i].type, r->entities[i].concept ? r->entities[i].concept : "-",
                    r->entities[i].role ? r->entities[i].role : "-", r->entities[i].nmentions);
            for (size_t k = 0; k < r->entities[i].naliases; k++)
                fprintf(stderr, " |%s", r->entities[i].aliases[k]);
            fprintf(stderr, "\n");
        }
        for (size_t i = 0; i < r->nquotes; i++)
            fprintf(stderr, "QUOTE [%s] (%s) %.60s\n", r->quotes[i].speaker ? r->quotes[i].speaker : "?",
                    r->quotes[i].verb ? r->quotes[i].verb : "-", r->quotes[i].text);
        for (size_t i = 0; i < r->nclaims; i++) {
            st_ex_claim *c = &r->claims[i];
            fprintf(stderr, "CLAIM %g (%s) unit=%s q=%s subj=%s attr=%s date=%s\n", c->value,
                    c->value_text, c->unit, c->qualifier ? c->qualifier : "-",
                    c->subject ? c->subject : "-", c->attribution ? c->attribution : "-",
                    c->date ? c->date : "-");
        }
        for (size_t i = 0; i < r->ndates; i++)
            fprintf(stderr, "DATE %s -> %s\n", r->dates[i].text,
                    r->dates[i].resolved ? r->dates[i].resolved : "-");
    }
    return r;
}

/* Index of the entity named name (or with that alias), or -1. */
static long entity(const st_ex_result *r, const char *name)
{
    for (size_t i = 0; i < r->nentities; i++) {
        if (!strcmp(r->entities[i].name, name))
            return (long)i;
        for (size_t k = 0; k < r->entities[i].naliases; k++)
            if (!strcmp(r->entities[i].aliases[k], name))
                return (long)i;
    }
    return -1;
}

static const st_ex_claim *claim(const st_ex_result *r, double value)
{
    for (size_t i = 0; i < r->nclaims; i++)
        if (fabs(r->claims[i].value - value) < 1e-6 * (1 + value))
            return &r->claims[i];
    return NULL;
}

/* Is there a claim of value in unit? */
static int has_claim(const st_ex_result *r, double value, const char *unit)
{
    for (size_t i = 0; i < r->nclaims; i++)
        if (fabs(r->claims[i].value - value) < 1e-6 * (1 + value) && !strcmp(r->claims[i].unit, unit))
            return 1;
    return 0;
}

static char *seed(const char *prefix)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "ls %s/%s* 2>/dev/null | head -1", TH_SEEDS, prefix);
    char *path = NULL;
    if (th_sh(cmd, &path, NULL) != 0 || !path)
        return NULL;
    path[strcspn(path, "\n")] = 0;
    char *text = th_read_file(path, NULL);
    free(path);
    return text;
}


static const st_ex_quote *quote_with(const st_ex_result *r, const char *words)
{
    for (size_t i = 0; i < r->nquotes; i++)
        if (strstr(r->quotes[i].text, words))
            return &r->quotes[i];
    return NULL;
}

static const char *date_of(const st_ex_result *r, const char *text)
{
    for (size_t i = 0; i < r->ndates; i++)
        if (!strcmp(r->dates[i].text, text))
            return r->dates[i].resolved ? r->dates[i].resolved : "unresolved";
    return "missing";
}

static void t_numbers(void)
{
    CHECK(ex_parse_number("43,000") == 43000);
    CHECK(ex_parse_number("43.000") == 43000);
    CHECK(fabs(ex_parse_number("2.3") - 2.3) < 1e-9);
    CHECK(fabs(ex_parse_number("2,3") - 2.3) < 1e-9);
    CHECK(ex_parse_number("1,234,567") == 1234567);
    CHECK(ex_parse_number("101") == 101);
}

/* Longest key first, found through the prefixes of longer keys; a key
 * that is only reachable through a non-key prefix is still found. */
static void t_table_prefixes(void)
{
    ex_table tab = {0};
    ex_entry e = {0};
    const char *keys[] = {"united nations security council", "united nations", "gaza"};
    for (size_t i = 0; i < 3; i++) {
        e.v = (double)i;
        CHECK_INT(ex_table_put(&tab, keys[i], &e), ST_OK);
    }
    CHECK(ex_table_may_extend(&tab, "united", 6));
    CHECK(ex_table_may_extend(&tab, "united nations security", 23));
    CHECK(!ex_table_may_extend(&tab, "gaza", 4));
    CHECK(!ex_table_may_extend(&tab, "nations", 7));
    const char *s = "The United Nations Security Council met; the United Nations said Gaza";
    ex_tok *t = NULL;
    size_t n = 0;
    CHECK_INT(ex_tokenise(s, strlen(s), &t, &n), ST_OK);
    ex_work w = {.t = t, .nt = n};
    size_t end = 0;
    const ex_entry *got = ex_match(&w, &tab, 1, &end);
    CHECK(got && got->v == 0.0);
    CHECK_INT(end, 5);
    got = ex_match(&w, &tab, 8, &end);
    CHECK(got && got->v == 1.0);
    CHECK_INT(end, 10);
    CHECK(ex_match(&w, &tab, 0, &end) == NULL);
    ex_toks_free(t, n);
    ex_table_free(&tab);
}

static void t_tokens(void)
{
    ex_tok *t = NULL;
    size_t n = 0;
    const char *s = "Al-Thani met U.S. envoys; Blinken’s 43,000 “quote”";
    CHECK_INT(ex_tokenise(s, strlen(s), &t, &n), ST_OK);
    /* Al - Thani met U.S. envoys ; Blinken 43,000 “ quote ” */
    CHECK_INT(n, 12);
    if (n == 12) {
        CHECK_STR(t[0].fold, "al");
        CHECK_STR(t[1].fold, "-");
        CHECK(t[0].flags & EX_T_CAP);
        CHECK_STR(t[4].fold, "u.s.");
        CHECK(t[4].flags & EX_T_ALLCAP);
        CHECK_STR(t[7].fold, "blinken");
        CHECK(t[8].flags & EX_T_NUM);
    }
    ex_toks_free(t, n);
}

static void t_entities_en(void)
{
    const char *s = "CIA Director William Burns flew to Cairo on Monday. Prime Minister "
                    "Benjamin Netanyahu met him there. Bill Burns later said the talks were "
                    "useful, and Netanyahu agreed. Special envoy Robert Malley joined; "
                    "Bob Malley told reporters the United States would push on.";
    st_ex_result *r = run(s, "en", NULL);
    long burns = entity(r, "William Burns");
    CHECK(burns >= 0);
    CHECK_INT(entity(r, "Bill Burns"), burns);
    CHECK_INT(entity(r, "CIA Director William Burns"), burns);
    if (burns >= 0) {
        CHECK_STR(r->entities[burns].type, "person");
        CHECK_INT(r->entities[burns].nmentions, 2);
        CHECK_STR(r->entities[burns].role, "CIA Director");
    }
    long bibi = entity(r, "Benjamin Netanyahu");
    CHECK(bibi >= 0);
    CHECK_INT(entity(r, "Netanyahu"), bibi);
    /* not in the gazetteer: the nickname table joins them */
    long malley = entity(r, "Robert Malley");
    CHECK(malley >= 0);
    CHECK_INT(entity(r, "Bob Malley"), malley);
    CHECK(entity(r, "Cairo") >= 0);
    CHECK(entity(r, "Monday") < 0);
    long us = entity(r, "United States");
    CHECK(us >= 0 && r->entities[us].concept && !strcmp(r->entities[us].concept, "USA"));
    /* offsets point at the surface text */
    for (size_t i = 0; i < r->nmentions; i++) {
        const st_ex_mention *m = &r->mentions[i];
        if (m->entity == (size_t)malley)
            CHECK(!strncmp(s + m->start, "R", 1) || !strncmp(s + m->start, "B", 1));
        CHECK(m->end > m->start && m->end <= strlen(s));
    }
    st_ex_result_free(r);
}

static void t_entities_rules(void)
{
    const char *s = "Officials said Taher Al-Nono, an adviser, met the Popular Support Committee "
                    "in Nablus. Later Al-Nono said he was hopeful. Reports Suggest Talks Will "
                    "Resume In Doha Next Week.";
    st_ex_result *r = run(s, "en", NULL);
    long nono = entity(r, "Taher Al-Nono");
    CHECK(nono >= 0);
    CHECK_INT(entity(r, "Al-Nono"), nono); /* a later bare surname joins the full name */
    long com = entity(r, "Popular Support Committee");
    CHECK(com >= 0 && !strcmp(r->entities[com].type, "org"));
    long nab = entity(r, "Nablus");
    CHECK(nab >= 0 && !strcmp(r->entities[nab].type, "place")); /* "in" + unknown name */
    CHECK(entity(r, "Officials") < 0);
    CHECK(entity(r, "Reports Suggest Talks") < 0); /* headline case: no guessed names */
    CHECK(entity(r, "Doha") >= 0);                 /* but the gazetteer still applies */
    st_ex_result_free(r);
}

static void t_entities_id(void)
{
    const char *s = "Direktur CIA Bill Burns tiba di Kairo pada Sabtu. Menteri Luar Negeri AS "
                    "Antony Blinken bertemu Perdana Menteri Qatar Mohammed bin Abdulrahman "
                    "Al Thani. Al Thani mengatakan perundingan di Cairo berjalan baik.";
    st_ex_result *r = run(s, "id", NULL);
    long burns = entity(r, "Direktur CIA Bill Burns");
    CHECK(burns >= 0 && !strcmp(r->entities[burns].name, "William Burns"));
    long cairo = entity(r, "Kairo");
    CHECK(cairo >= 0);
    CHECK_INT(entity(r, "Cairo"), cairo);
    if (cairo >= 0)
        CHECK_INT(r->entities[cairo].nmentions, 2);
    long us = entity(r, "AS");
    CHECK(us >= 0 && !strcmp(r->entities[us].name, "United States"));
    long th = entity(r, "Mohammed bin Abdulrahman Al Thani");
    CHECK(th >= 0);
    CHECK_INT(entity(r, "Al Thani"), th);
    if (th >= 0)
        CHECK_INT(r->entities[th].nmentions, 2);
    long bl = entity(r, "Antony Blinken");
    CHECK(bl >= 0 && r->entities[bl].role && !strcmp(r->entities[bl].role, "Menteri Luar Negeri AS"));
    st_ex_result_free(r);
}

static void t_quotes_en(void)
{
    const char *s =
        "“The process is moving forward,” John F. Kirby, the White House spokesman, said on "
        "Friday. “We are close.”\n"
        "Hamas rejected the plan. “We will not accept it,” said Khalil al-Hayya.\n"
        "According to a senior Egyptian official, “the delegations will meet again soon.”\n"
        "Jake Sullivan spoke next. “There is no deal yet,” he said.\n"
        "“Hamas is a terrorist group,” a senior administration official told CNN.\n"
        "\"It is a scare\" word, and \"another quote here\" the source added.";
    st_ex_result *r = run(s, "en", NULL);
    const st_ex_quote *q = quote_with(r, "moving forward");
    CHECK(q && q->speaker && !strcmp(q->speaker, "John Kirby"));
    CHECK(q && q->verb && !strcmp(q->verb, "said"));
    q = quote_with(r, "We are close");
    CHECK(q && q->speaker && !strcmp(q->speaker, "John Kirby")); /* continues */
    q = quote_with(r, "not accept");
    CHECK(q && q->speaker && !strcmp(q->speaker, "Khalil al-Hayya"));
    q = quote_with(r, "delegations will meet");
    CHECK(q && q->speaker && !strcmp(q->speaker, "a senior Egyptian official"));
    q = quote_with(r, "no deal yet");
    CHECK(q && q->speaker && !strcmp(q->speaker, "Jake Sullivan"));
    q = quote_with(r, "terrorist group");
    CHECK(q && q->speaker && !strcmp(q->speaker, "a senior administration official"));
    q = quote_with(r, "another quote here");
    CHECK(q && q->speaker && !strcmp(q->speaker, "the source"));
    st_ex_result_free(r);
}

static void t_quotes_id(void)
{
    const char *s =
        "\"Kami siap melanjutkan perundingan di Kairo,\" kata juru bicara Hamas.\n"
        "Menurut Menteri Luar Negeri Retno Marsudi, \"Indonesia mendukung gencatan senjata.\"\n"
        "\"Situasi di lapangan sangat sulit,\" katanya.\n"
        "\"Bantuan harus segera masuk ke Gaza,\" ujar Prabowo Subianto.";
    st_ex_result *r = run(s, "id", NULL);
    const st_ex_quote *q = quote_with(r, "melanjutkan perundingan");
    CHECK(q && q->speaker && !strcmp(q->speaker, "juru bicara Hamas"));
    q = quote_with(r, "mendukung gencatan");
    CHECK(q && q->speaker && !strcmp(q->speaker, "Retno Marsudi"));
    q = quote_with(r, "sangat sulit");
    CHECK(q && q->speaker && !strcmp(q->speaker, "Retno Marsudi")); /* katanya: the last speaker */
    q = quote_with(r, "segera masuk");
    CHECK(q && q->speaker && !strcmp(q->speaker, "Prabowo Subianto"));
    st_ex_result_free(r);
}

static void t_claims_en(void)
{
    const char *s =
        "More than 43,000 Palestinians have been killed and over 102,000 injured, according "
        "to local health authorities. There are 101 hostages still held, Israeli authorities "
        "say, but as many as one-third of them are thought to be dead. The strike killed at "
        "least 40 people and wounded dozens more. Around 80% of the 2.3 million residents "
        "live in tents. The talks lasted 3 days.";
    st_ex_result *r = run(s, "en", NULL);
    const st_ex_claim *c = claim(r, 43000);
    CHECK(c && !strcmp(c->unit, "killed") && c->qualifier && !strcmp(c->qualifier, "more than"));
    CHECK(c && c->subject && !strcmp(c->subject, "Palestinians"));
    CHECK(c && c->attribution && !strcmp(c->attribution, "local health authorities"));
    c = claim(r, 102000);
    CHECK(c && !strcmp(c->unit, "injured") && c->qualifier && !strcmp(c->qualifier, "more than"));
    c = claim(r, 101);
    CHECK(c && !strcmp(c->unit, "hostages") && !c->qualifier);
    CHECK(c && c->attribution && !strcmp(c->attribution, "Israeli authorities"));
    c = claim(r, 0.333);
    CHECK(c && c->qualifier && !strcmp(c->qualifier, "up to"));
    c = claim(r, 40);
    CHECK(c && !strcmp(c->unit, "killed") && c->qualifier && !strcmp(c->qualifier, "at least"));
    c = claim(r, 24);
    CHECK(c && !strcmp(c->unit, "injured"));
    c = claim(r, 80);
    CHECK(c && !strcmp(c->unit, "percent") && c->qualifier && !strcmp(c->qualifier, "about"));
    c = claim(r, 2.3e6);
    CHECK(c && !strcmp(c->unit, "residents"));
    CHECK(claim(r, 3) == NULL); /* days are not a counted unit */
    st_ex_result_free(r);
}

static void t_claims_id(void)
{
    const char *s =
        "Lebih dari 43.000 warga Palestina tewas, menurut Kementerian Kesehatan Gaza. "
        "Sekitar 2,3 juta penduduk kehilangan tempat tinggal. Setidaknya 40 orang tewas dan "
        "puluhan lainnya luka-luka. Hampir 80 persen bangunan rusak.";
    st_ex_result *r = run(s, "id", NULL);
    const st_ex_claim *c = claim(r, 43000);
    CHECK(c && !strcmp(c->unit, "killed") && c->qualifier && !strcmp(c->qualifier, "more than"));
    CHECK(c && c->attribution && !strcmp(c->attribution, "Kementerian Kesehatan Gaza"));
    c = claim(r, 2.3e6);
    CHECK(c && !strcmp(c->unit, "residents") && c->qualifier && !strcmp(c->qualifier, "about"));
    c = claim(r, 40);
    CHECK(c && !strcmp(c->unit, "killed") && c->qualifier && !strcmp(c->qualifier, "at least"));
    c = claim(r, 20);
    CHECK(c && !strcmp(c->unit, "injured"));
    c = claim(r, 80);
    CHECK(c && !strcmp(c->unit, "percent") && c->qualifier && !strcmp(c->qualifier, "nearly"));
    st_ex_result_free(r);
}

/* Unlisted plural nouns right after a number are units by themselves
 * (English); references and labels are not figures. */
static void t_claims_open(void)
{
    st_ex_result *r = run("Boeing will cut 17,000 jobs. Airlines cancelled thousands of flights. "
                          "The update crashed about 8.5 million Windows computers. Spain won "
                          "seven matches and finished with 15 goals.",
                          "en", NULL);
    const st_ex_claim *c = claim(r, 17000);
    CHECK(c && !strcmp(c->unit, "jobs") && !c->subject);
    CHECK(has_claim(r, 2000, "flights"));
    c = claim(r, 8.5e6);
    CHECK(c && !strcmp(c->unit, "computers") && c->qualifier && !strcmp(c->qualifier, "about"));
    CHECK(c && c->subject && !strcmp(c->subject, "Windows computers"));
    CHECK(has_claim(r, 7, "matches") && has_claim(r, 15, "goals"));
    st_ex_result_free(r);
    r = run("Officials met in the two countries. Article 5 states the rule. One remains in "
            "hospital. The quake was felt in ten provinces. Here are 5 things to know. He served "
            "two terms. It lasted 3 weeks.",
            "en", NULL);
    CHECK_INT(r->nclaims, 0);
    st_ex_result_free(r);
    r = run("Nelayan menangkap 40 kapal.", "id", NULL); /* no plural marking: no open units */
    CHECK_INT(r->nclaims, 0);
    st_ex_result_free(r);
}

/* Units written before the number; a number hyphened to a word is a name. */
static void t_claims_before(void)
{
    st_ex_result *r = run("The US announced an additional $100 million in aid. Losses reached more "
                          "than $2.5 billion. A magnitude 7.8 earthquake struck, then a "
                          "magnitude-5.9 quake and a 6.1-magnitude aftershock. The euro fell to "
                          "about $1.065. The F-16 jets arrived and COVID-19 deaths fell.",
                          "en", NULL);
    CHECK(has_claim(r, 1e8, "dollars"));
    const st_ex_claim *c = claim(r, 2.5e9);
    CHECK(c && !strcmp(c->unit, "dollars") && c->qualifier && !strcmp(c->qualifier, "more than"));
    CHECK(has_claim(r, 7.8, "magnitude") && has_claim(r, 5.9, "magnitude") &&
          has_claim(r, 6.1, "magnitude"));
    CHECK(has_claim(r, 1.065, "dollars")); /* English: a dot is a decimal point */
    CHECK(claim(r, 16) == NULL && claim(r, 19) == NULL);
    st_ex_result_free(r);
    r = run("Gempa bermagnitudo 6,4 mengguncang Hatay. Pemerintah menyiapkan Rp 25 triliun. "
            "Sebanyak 1.065 orang mengungsi. Peringatan HUT ke-79 digelar.",
            "id", NULL);
    CHECK(has_claim(r, 6.4, "magnitude") && has_claim(r, 2.5e13, "rupiah"));
    CHECK(has_claim(r, 1065, "displaced")); /* Indonesian: a dot groups thousands */
    CHECK(claim(r, 79) == NULL);
    st_ex_result_free(r);
}

/* A number without a unit takes the unit of the number it is joined to. */
static void t_claims_joined(void)
{
    st_ex_result *r = run("The RN could win between 230 and 280 of the 577 seats. Between 2 and 3 "
                          "million people may vote. Ukraine shot down 38 of 45 drones. One of the "
                          "50 hostages is ill. Spain beat England 2-1 in the final.",
                          "en", NULL);
    CHECK(has_claim(r, 230, "seats") && has_claim(r, 280, "seats") && has_claim(r, 577, "seats"));
    CHECK(has_claim(r, 2e6, "people") && has_claim(r, 3e6, "people"));
    CHECK(has_claim(r, 38, "drones") && has_claim(r, 45, "drones"));
    CHECK(has_claim(r, 50, "hostages") && claim(r, 1) == NULL); /* "one of" is no count */
    CHECK(claim(r, 2) == NULL);
    st_ex_result_free(r);
    r = run("NFP tidak mencapai 289 dari 577 kursi. Inflasi diperkirakan 1,5 hingga 3,5 persen. "
            "Inggris kalah 1-2 pada laga final.",
            "id", NULL);
    CHECK(has_claim(r, 289, "seats") && has_claim(r, 577, "seats"));
    CHECK(has_claim(r, 1.5, "percent") && has_claim(r, 3.5, "percent"));
    CHECK(claim(r, 1) == NULL && claim(r, 2) == NULL); /* a score is no count of matches */
    st_ex_result_free(r);
}

/* Verbs around the number: active verbs count what follows them, a verb of
 * reaching lets the clause's subject name the unit, a preposition or a
 * duration ends the search. */
static void t_claims_verbs(void)
{
    st_ex_result *r = run("Floods kill dozens in Kenya. Two powerful earthquakes kill thousands. "
                          "The fire forced more than 8,000 people to evacuate and thousands to "
                          "flee. The death toll from the floods has risen to 143. 2,921 people "
                          "had died in ten provinces. Fighting killed 12 soldiers over 3 days. "
                          "Inflation rose to 5.6%.",
                          "en", NULL);
    CHECK(has_claim(r, 24, "killed") && has_claim(r, 2000, "killed"));
    CHECK(claim(r, 2) == NULL); /* the earthquakes are the killers */
    CHECK(has_claim(r, 8000, "evacuated") && has_claim(r, 2000, "displaced"));
    CHECK(has_claim(r, 143, "killed") && has_claim(r, 2921, "killed"));
    CHECK(claim(r, 10) == NULL && claim(r, 3) == NULL);
    CHECK(has_claim(r, 12, "killed") && has_claim(r, 5.6, "percent"));
    st_ex_result_free(r);
    r = run("Serangan itu menewaskan sekitar 1.200 orang, dan sekitar 240 orang disandera. "
            "Jumlah korban tewas di kedua negara telah melampaui 47.000 orang. Gempa terjadi dua "
            "pekan setelah bencana yang menewaskan puluhan ribu orang.",
            "id", NULL);
    CHECK(has_claim(r, 1200, "killed") && has_claim(r, 240, "hostages"));
    const st_ex_claim *c = claim(r, 47000);
    CHECK(c && !strcmp(c->unit, "killed") && c->qualifier && !strcmp(c->qualifier, "more than"));
    CHECK(has_claim(r, 20000, "killed") && claim(r, 2) == NULL);
    st_ex_result_free(r);
}

/* Indonesian counted things are named by their English units, so claims
 * compare across languages; a verb never reaches into the next sentence. */
static void t_claims_id_units(void)
{
    st_ex_result *r = run("Spanyol mencetak 15 gol di depan 65.000 penonton. Bus membawa 40 "
                          "penumpang. Sebanyak 20 kepala negara hadir. Petugas di 820.000 "
                          "tempat pemungutan suara bekerja.",
                          "id", NULL);
    CHECK(has_claim(r, 15, "goals") && has_claim(r, 65000, "spectators"));
    CHECK(has_claim(r, 40, "passengers"));
    CHECK(has_claim(r, 20, "heads of state") && has_claim(r, 820000, "polling stations"));
    st_ex_result_free(r);
    r = run("Gempa Guncang Turki, Ribuan Orang Tewas\n\nRibuan warga bermalam di jalan.", "id", NULL);
    CHECK(has_claim(r, 2000, "killed") && has_claim(r, 2000, "residents"));
    st_ex_result_free(r);
}

static void t_dates(void)
{
    const char *en = "The attack of October 7, 2023 was recalled on Saturday. Talks began on "
                     "2 November and resumed yesterday; a deal failed last month. In July, "
                     "Oct. 7 was marked. You may see 5 May 2024.";
    st_ex_result *r = run(en, "en", "2024-11-14T09:00:00Z"); /* a Thursday */
    CHECK_STR(date_of(r, "October 7, 2023"), "2023-10-07");
    CHECK_STR(date_of(r, "Saturday"), "2024-11-09");
    CHECK_STR(date_of(r, "2 November"), "2024-11-02");
    CHECK_STR(date_of(r, "yesterday"), "2024-11-13");
    CHECK_STR(date_of(r, "last month"), "2024-10");
    CHECK_STR(date_of(r, "July"), "2024-07");
    CHECK_STR(date_of(r, "Oct. 7"), "2024-10-07"); /* the latest past one */
    CHECK_STR(date_of(r, "5 May 2024"), "2024-05-05");
    CHECK_STR(date_of(r, "may"), "missing");
    st_ex_result_free(r);
    r = run(en, "en", NULL);
    CHECK_STR(date_of(r, "October 7, 2023"), "2023-10-07");
    CHECK_STR(date_of(r, "Saturday"), "unresolved");
    CHECK_STR(date_of(r, "last month"), "unresolved");
    st_ex_result_free(r);
    const char *id = "Serangan 7 Oktober 2023 diperingati pada Sabtu. Delegasi tiba kemarin "
                     "dan bertemu bulan lalu, lalu pada 2 November.";
    r = run(id, "id", "2024-11-14");
    CHECK_STR(date_of(r, "7 Oktober 2023"), "2023-10-07");
    CHECK_STR(date_of(r, "Sabtu"), "2024-11-09");
    CHECK_STR(date_of(r, "kemarin"), "2024-11-13");
    CHECK_STR(date_of(r, "bulan lalu"), "2024-10");
    CHECK_STR(date_of(r, "2 November"), "2024-11-02");
    st_ex_result_free(r);
}

/* Day/month/year in digits: day first (Indonesian news: "Minggu (14/7/2024)"),
 * in English only when one part cannot be a month (the US writes it first). */
static void t_numeric_dates(void)
{
    st_ex_result *r = run("Spanyol juara pada Minggu (14/7/2024) di Berlin, bukan 3/4/20.", "id", NULL);
    CHECK_STR(date_of(r, "14/7/2024"), "2024-07-14");
    CHECK_STR(date_of(r, "3/4/20"), "missing");
    st_ex_result_free(r);
    r = run("Filed 7/14/2024 and 14/7/2024; not 3/4/2024, nor 14 / 7 / 2024.", "en", NULL);
    CHECK_STR(date_of(r, "7/14/2024"), "2024-07-14");
    CHECK_STR(date_of(r, "14/7/2024"), "2024-07-14");
    CHECK_STR(date_of(r, "3/4/2024"), "missing");
    CHECK_INT(r->ndates, 2);
    st_ex_result_free(r);
    r = run("Hasil 31/13/2024 bukan tanggal.", "id", NULL);
    CHECK_INT(r->ndates, 0);
    st_ex_result_free(r);
}

/* Languages whose folder holds only dates.tsv: day first with a lower-case
 * month, "14. Juli", "9 de julio de 2024", Russian genitive months. */
static void t_dates_langs(void)
{
    static const struct {
        const char *lang, *text, *date, *want;
    } cases[] = {
        {"fr", "Le président a dissous l'Assemblée le dimanche 9 juin 2024 au soir.", "9 juin 2024",
         "2024-06-09"},
        {"de", "Spanien gewann das Finale am Sonntag, 14. Juli 2024, in Berlin.", "14. Juli 2024",
         "2024-07-14"},
        {"es", "La selección ganó el martes 9 de julio de 2024 en Múnich.", "9 de julio de 2024",
         "2024-07-09"},
        {"pt", "A Espanha venceu a final em 14 de julho de 2024, em Berlim.", "14 de julho de 2024",
         "2024-07-14"},
        {"it", "La Spagna ha vinto la finale il 14 luglio 2024 a Berlino.", "14 luglio 2024",
         "2024-07-14"},
        {"nl", "Spanje won de finale op zondag 14 juli 2024 in Berlijn.", "14 juli 2024", "2024-07-14"},
        {"ru", "Лидеры договорились в четверг, 24 августа 2023 года, о расширении.", "24 августа 2023",
         "2023-08-24"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        st_ex_result *r = run(cases[i].text, cases[i].lang, NULL);
        CHECK_STR(date_of(r, cases[i].date), cases[i].want);
        st_ex_result_free(r);
    }
}

/* Relative words and lower-case weekdays of those languages; an `ambig`
 * weekday (domingo: also a name) counts only before a day number. */
static void t_dates_langs_relative(void)
{
    const char *pub = "2024-07-15"; /* a Monday */
    st_ex_result *r = run("Le ministre a démissionné hier, après le vote de dimanche et de la "
                          "semaine dernière.", "fr", pub);
    CHECK_STR(date_of(r, "hier"), "2024-07-14");
    CHECK_STR(date_of(r, "dimanche"), "2024-07-14");
    CHECK_STR(date_of(r, "semaine dernière"), "2024-07-08");
    st_ex_result_free(r);
    r = run("Gestern trat der Minister zurück.", "de", pub);
    CHECK_STR(date_of(r, "Gestern"), "2024-07-14");
    st_ex_result_free(r);
    r = run("El ministro dimitió ayer; Plácido Domingo cantó el domingo 14 de julio.", "es", pub);
    CHECK_STR(date_of(r, "ayer"), "2024-07-14");
    CHECK_STR(date_of(r, "Domingo"), "missing");
    CHECK_STR(date_of(r, "domingo"), "2024-07-14");
    CHECK_STR(date_of(r, "14 de julio"), "2024-07-14");
    st_ex_result_free(r);
    r = run("Министр вчера подал в отставку, в среду об этом сообщили.", "ru", pub);
    CHECK_STR(date_of(r, "вчера"), "2024-07-14");
    CHECK_STR(date_of(r, "среду"), "2024-07-10");
    st_ex_result_free(r);
    r = run("Le 3/4/2024 et en juillet 14 morts.", "fr", pub); /* French writes the day first */
    CHECK_STR(date_of(r, "3/4/2024"), "2024-04-03");
    CHECK_STR(date_of(r, "juillet"), "2024-07"); /* no 14 July: only English puts the day after */
    st_ex_result_free(r);
}

/* A French article is still read with English's entities, quotes and claims:
 * data/lang/fr holds only dates.tsv. Were fr a full language, its stopwords
 * would cut "Selon" (English's do not know it) and its empty lists would
 * find no claim. */
static void t_dates_only_lang(void)
{
    const char *text = "Selon Le Monde, Jordan Bardella a obtenu 31,4 % des voix et 40 people "
                       "were killed, a déclaré Emmanuel Macron.";
    st_ex_result *fr = run(text, "fr", NULL), *en = run(text, "en", NULL);
    CHECK_STR(fr->lang, "en");
    CHECK(fr->nentities > 0 && fr->nclaims > 0);
    CHECK_INT(fr->nentities, en->nentities);
    for (size_t i = 0; i < fr->nentities && i < en->nentities; i++)
        CHECK_STR(fr->entities[i].name, en->entities[i].name);
    CHECK_INT(fr->nclaims, en->nclaims);
    for (size_t i = 0; i < fr->nclaims && i < en->nclaims; i++) {
        CHECK(fr->claims[i].value == en->claims[i].value);
        CHECK_STR(fr->claims[i].unit, en->claims[i].unit);
    }
    CHECK(entity(fr, "Selon Le Monde") >= 0 && has_claim(fr, 40, "killed"));
    st_ex_result_free(fr);
    st_ex_result_free(en);
}

/* A dateline names the weekday its date fell on: it gives the reported day
 * even when a later date (a plan) follows in the lede. */
static void t_dateline_day(void)
{
    const char *text = "Talks resumed on Tuesday, 22 August 2023, in Cairo. "
                       "The next round is set for 5 September 2023.";
    st_ex_result *r = run(text, "en", NULL);
    char day[11] = "x";
    CHECK(st_ex_dateline_day(r, strlen(text), day));
    CHECK_STR(day, "2023-08-22");
    CHECK(!st_ex_dateline_day(r, 10, day)); /* the dateline starts past the lede */
    CHECK_STR(day, "");
    st_ex_result_free(r);
    r = run("Talks resumed on Wednesday, 22 August 2023.", "en", NULL); /* a Tuesday */
    CHECK(!st_ex_dateline_day(r, 100, day));
    st_ex_result_free(r);
    r = run("Лидеры в четверг, 24 августа 2023 года, договорились. С 1 января 2024 года в группе "
            "шесть новых членов.", "ru", NULL);
    CHECK(st_ex_dateline_day(r, 1000, day));
    CHECK_STR(day, "2023-08-24");
    st_ex_result_free(r);
}

static void t_seed_entities(void)
{
    if (!th_have_seeds())
        return;
    char *t0 = seed("000"), *t3 = seed("003"), *t1 = seed("001");
    CHECK(t0 && t3 && t1);
    if (!t0 || !t3 || !t1) {
        free(t0), free(t3), free(t1);
        return;
    }
    st_ex_result *a = run(t0, "id", NULL), *b = run(t3, "en", NULL), *c = run(t1, "en", NULL);
    long bill = entity(a, "Bill Burns"), will = entity(b, "William Burns");
    CHECK(bill >= 0 && will >= 0);
    /* one entity across articles: same canonical name and concept */
    if (bill >= 0 && will >= 0) {
        CHECK_STR(a->entities[bill].name, b->entities[will].name);
        CHECK_STR(a->entities[bill].concept, b->entities[will].concept);
    }
    long kairo = entity(a, "Kairo"), cairo = entity(c, "Cairo");
    CHECK(kairo >= 0 && cairo >= 0);
    if (kairo >= 0 && cairo >= 0) {
        CHECK_STR(a->entities[kairo].name, c->entities[cairo].name);
        CHECK_STR(a->entities[kairo].type, "place");
    }
    long nt = entity(c, "Benjamin Netanyahu");
    CHECK(nt >= 0 && entity(c, "Mr. Netanyahu") == nt);
    st_ex_result_free(a);
    st_ex_result_free(b);
    st_ex_result_free(c);
    free(t0);
    free(t3);
    free(t1);
}

static void t_seed_002(void)
{
    if (!th_have_seeds())
        return;
    char *t = seed("002");
    CHECK(t != NULL);
    if (!t)
        return;
    st_ex_result *r = run(t, "en", NULL);
    const st_ex_quote *q = quote_with(r, "terrorist group");
    CHECK(q && q->speaker && !strcmp(q->speaker, "a senior administration official"));
    q = quote_with(r, "After rejecting repeated proposals");
    CHECK(q && q->speaker && !strcmp(q->speaker, "the source"));
    const st_ex_claim *c = claim(r, 101);
    CHECK(c && !strcmp(c->unit, "hostages") && c->attribution &&
          !strcmp(c->attribution, "Israeli authorities"));
    c = claim(r, 43000);
    CHECK(c && !strcmp(c->unit, "killed") && c->qualifier && !strcmp(c->qualifier, "more than") &&
          c->attribution && !strcmp(c->attribution, "local health authorities"));
    c = claim(r, 102000);
    CHECK(c && !strcmp(c->unit, "injured") && c->qualifier && !strcmp(c->qualifier, "more than") &&
          c->attribution && !strcmp(c->attribution, "local health authorities"));
    st_ex_result_free(r);
    free(t);
}

static void t_seed_000_quotes(void)
{
    if (!th_have_seeds())
        return;
    char *t = seed("000");
    CHECK(t != NULL);
    if (!t)
        return;
    st_ex_result *r = run(t, "id", NULL);
    CHECK(r->nquotes >= 4);
    for (size_t i = 0; i < r->nquotes; i++)
        CHECK(r->quotes[i].speaker != NULL);
    const st_ex_quote *q = quote_with(r, "Kekalahan Hamas");
    CHECK(q && q->speaker && !strcmp(q->speaker, "para senator"));
    q = quote_with(r, "Pertemuan Fatah dan Hamas");
    CHECK(q && q->speaker && !strcmp(q->speaker, "sumber keamanan Mesir"));
    st_ex_result_free(r);
    free(t);
}

/* Odd input must give sane spans, not crashes (run under ASan). */
static void t_robust(void)
{
    const char *odd[] = {"", "\"", "\"\"\"\"", "“ ” « » „", "1,2,3,4,5,6,7,8,9,0,1,2,3,4,5,6,7,8,9",
                         "\xff\xfe Kairo \xc3", "Mr. . . . Bin Al - - -", "said said said \"a b c\" said",
                         "999999999999999999999999999999 million killed", "U.S.A.B.C.D. Al-", NULL};
    for (size_t i = 0; odd[i]; i++) {
        st_ex_result *r = run(odd[i], i % 2 ? "id" : "en", "2024-02-29");
        size_t n = strlen(odd[i]);
        for (size_t k = 0; r && k < r->nmentions; k++)
            CHECK(r->mentions[k].start < r->mentions[k].end && r->mentions[k].end <= n);
        for (size_t k = 0; r && k < r->nquotes; k++)
            CHECK(r->quotes[k].start <= r->quotes[k].end && r->quotes[k].end <= n);
        st_ex_result_free(r);
    }
    /* a long text stays fast and bounded */
    st_buf b = {0};
    for (int k = 0; k < 400; k++)
        st_buf_puts(&b, "Prime Minister Benjamin Netanyahu said \"we will continue\" as 40 people "
                        "were killed in Gaza on Saturday, according to officials. ");
    st_ex_result *r = run(st_buf_cstr(&b), "en", "2024-02-29");
    CHECK(r && r->nquotes == 400 && r->nclaims == 400);
    CHECK(r && entity(r, "Benjamin Netanyahu") >= 0 && r->nentities < 10);
    st_ex_result_free(r);
    st_buf_free(&b);
}

static void t_dump_seeds(void)
{
    const char *file = getenv("EXTRACT_FILE"); /* debugging aid: dump one file */
    if (file && getenv("EXTRACT_DUMP")) {
        fprintf(stderr, "=====FILE %s\n", file);
        char *text = th_read_file(file, NULL);
        st_ex_result *r = text ? run(text, getenv("EXTRACT_LANG"), NULL) : NULL;
        st_ex_result_free(r);
        free(text);
        return;
    }
    if (!th_have_seeds() || !getenv("EXTRACT_DUMP"))
        return;
    const char *names[] = {"000", "001", "002", "003", "004"};
    for (size_t i = 0; i < 5; i++) {
        char *text = seed(names[i]);
        fprintf(stderr, "===== %s\n", names[i]);
        st_ex_result *r = run(text, i == 0 ? "id" : "en", NULL);
        st_ex_result_free(r);
        free(text);
    }
    CHECK(1);
}

int main(void)
{
    char err[256] = "";
    int rc = st_extract_load("data", &ex, err, sizeof err);
    if (rc != ST_OK)
        fprintf(stderr, "load: %s\n", err);
    CHECK_INT(rc, ST_OK);
    RUN(t_numbers);
    RUN(t_tokens);
    RUN(t_table_prefixes);
    RUN(t_entities_en);
    RUN(t_entities_rules);
    RUN(t_entities_id);
    RUN(t_quotes_en);
    RUN(t_quotes_id);
    RUN(t_claims_en);
    RUN(t_claims_id);
    RUN(t_claims_open);
    RUN(t_claims_before);
    RUN(t_claims_joined);
    RUN(t_claims_verbs);
    RUN(t_claims_id_units);
    RUN(t_dates);
    RUN(t_numeric_dates);
    RUN(t_dates_langs);
    RUN(t_dates_langs_relative);
    RUN(t_dates_only_lang);
    RUN(t_dateline_day);
    RUN(t_seed_entities);
    RUN(t_seed_002);
    RUN(t_seed_000_quotes);
    RUN(t_robust);
    RUN(t_dump_seeds);
    st_extract_free(ex);
    TEST_MAIN_END;
}
