/* test_events_rules.c — the coder's reading rules, one sentence each, with
 * the shipped dictionaries: voice, appositives, participles as adjectives,
 * intent complements, pattern choice, name matching, trailing speakers. */
#include "events/events.h"
#include "events/transform.h"
#include "harness.h"

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

/* 1 when (src, code prefix, tgt) was coded; NULL src/tgt match any. */
static int has(const st_cameo_events *ev, const char *src, const char *code, const char *tgt)
{
    for (size_t i = 0; i < ev->n; i++)
        if ((!src || !strcmp(ev->v[i].source, src)) && (!tgt || !strcmp(ev->v[i].target, tgt)) &&
            !strncmp(ev->v[i].code, code, strlen(code)))
            return 1;
    return 0;
}

/* Codes s into a fresh list (the caller frees it). */
static st_cameo_events code(const char *s)
{
    st_cameo_events ev = {0};
    CHECK_INT(st_cameo_code_sentence(cameo(), s, strlen(s), 20240801, &ev), ST_OK);
    if (getenv("ST_TEST_VERBOSE"))
        for (size_t i = 0; i < ev.n; i++)
            fprintf(stderr, "    %s-%s-%s (%s)\n", ev.v[i].source, ev.v[i].code, ev.v[i].target,
                    ev.v[i].verb);
    return ev;
}

/* "are seeking to deepen" is active; "was blown up by" is passive even
 * with a particle; "There were soldiers killed in X" takes X as the agent. */
static void t_voice(void)
{
    if (!cameo())
        return;
    st_cameo_events ev = code("Brazil and the United States are seeking to deepen a partnership.");
    CHECK(has(&ev, "BRA", "03", "USA"));
    CHECK(has(&ev, "USA", "03", "BRA"));
    CHECK(!has(&ev, NULL, "06", NULL));
    st_cameo_events_free(&ev);
    ev = code("The airliner was blown up over the sea by Russian forces.");
    CHECK(has(&ev, "RUSMIL", "1", NULL) || has(&ev, "RUS", "1", NULL));
    st_cameo_events_free(&ev);
    ev = code("There were 10 Russian soldiers killed in Ukraine today.");
    CHECK(has(&ev, "UKR", "19", "RUSMIL"));
    CHECK(!has(&ev, "RUSMIL", "19", NULL));
    st_cameo_events_free(&ev);
}

/* "X said Y was attacked by Z": Z is the nested subject, X accuses Z. */
static void t_passive_transform(void)
{
    if (!cameo())
        return;
    st_cameo_events ev =
        code("Syria said eight people were killed in an air strike by Turkish troops.");
    CHECK(has(&ev, "SYR", "112", "TURMIL") || has(&ev, "SYR", "112", "TUR"));
    CHECK(!has(&ev, "TURMIL", "19", NULL));
    st_cameo_events_free(&ev);
    ev = code("Israel said a mortar bomb was fired at it from the Gaza Strip.");
    CHECK(has(&ev, "ISR", "112", "PSEGZA"));
    st_cameo_events_free(&ev);
    /* A trailing attribution governs nothing after its comma. */
    ev = code("UN troops withdrew from Syria, an AFP correspondent said, two weeks after "
              "rebels kidnapped dozens of Fijian peacekeepers.");
    CHECK(!has(&ev, NULL, "112", NULL));
    st_cameo_events_free(&ev);
}

static void t_appositive(void)
{
    if (!cameo())
        return;
    st_cameo_events ev = code("The US commander in Iraq, General Tom Brown, held talks with "
                              "Lebanese President Michel Suleiman.");
    CHECK(has(&ev, "USAMIL", "04", "LBNGOV"));
    st_cameo_events_free(&ev);
}

/* Participles between a determiner, number, preposition or bare verb and
 * their noun qualify it. */
static void t_adjectival(void)
{
    if (!cameo())
        return;
    st_cameo_events ev = code("The USA helped the two exiled dissidents from Egypt.");
    CHECK(!has(&ev, NULL, "17", NULL));
    CHECK(has(&ev, "USA", "07", "EGYOPP"));
    st_cameo_events_free(&ev);
    ev = code("France said it was determined to mend damaged ties with Rwanda.");
    CHECK(!has(&ev, NULL, "18", NULL));
    st_cameo_events_free(&ev);
    /* An auxiliary keeps the verb: "has marched to". */
    ev = code("Russia has attacked Ukraine.");
    CHECK(has(&ev, "RUS", "19", "UKR"));
    st_cameo_events_free(&ev);
    /* "a deadly attack" is a noun, claimed by its author. */
    ev = code("Al-Shabab is claiming responsibility for a deadly attack on Kenya.");
    CHECK(!has(&ev, NULL, "19", NULL));
    st_cameo_events_free(&ev);
}

static void t_intent(void)
{
    CHECK_STR(ev_intent_code("061"), "0311");
    CHECK_STR(ev_intent_code("070"), "033");
    CHECK_STR(ev_intent_code("0841"), "0353");
    CHECK_STR(ev_intent_code("043"), "036");
    CHECK(ev_intent_code("190") == NULL);
    CHECK(ev_intent_code("") == NULL);
    if (!cameo())
        return;
    st_cameo_events ev = code("The US Secretary of State wants to help Israel.");
    CHECK(has(&ev, "USAGOV", "033", "ISR"));
    st_cameo_events_free(&ev);
    /* "agreed to lift" is the act itself. */
    ev = code("Obama has agreed to lift the sanctions on Iran.");
    CHECK(has(&ev, NULL, "08", "IRN"));
    st_cameo_events_free(&ev);
}

/* A later copy of a pattern wins; a word spelt as in the text beats a
 * stem; patterns match near the verb, not across a comma. */
static void t_patterns(void)
{
    if (!cameo())
        return;
    st_cameo_events ev = code("Ukraine ratified a sweeping agreement with the European Union.");
    CHECK(has(&ev, "UKR", "057", NULL));
    st_cameo_events_free(&ev);
    ev = code("Obama lifted the sanctions on Iran.");
    CHECK(has(&ev, NULL, "085", "IRN"));
    st_cameo_events_free(&ev);
    ev = code("Ukraine says it has strong evidence proving Russia was behind the chemical "
              "attacks.");
    CHECK(!has(&ev, NULL, "19", NULL));
    st_cameo_events_free(&ev);
}

/* Only the last word of a name is stemmed, and only to a plural. */
static void t_names(void)
{
    if (!cameo())
        return;
    st_cameo_events ev = code("Israel released the mayor of the northern West Bank city of "
                              "Nablus, a member of the Hamas movement jailed a year ago, "
                              "Palestinian security officials said.");
    CHECK(has(&ev, "ISR", "084", "PSEGOV"));
    CHECK(!has(&ev, NULL, "084", "ZAFGOV"));
    CHECK(!has(&ev, NULL, NULL, "PSECOP") || !has(&ev, NULL, "17", "PSECOP"));
    st_cameo_events_free(&ev);
    ev = code("Israel will free 150 Palestinian prisoners.");
    CHECK(!has(&ev, NULL, "08", "PSECOP"));
    CHECK(has(&ev, "ISR", "08", "PSE"));
    st_cameo_events_free(&ev);
}

/* A role before its country reaches the rest of the compound; "[a:b]"
 * codes the target's reply too. */
static void t_roles(void)
{
    if (!cameo())
        return;
    st_cameo_events ev = code("The ambassadors of Egypt, Qatar and Jordan met the Israeli "
                              "president.");
    CHECK(has(&ev, "EGYGOV", "04", "ISRGOV"));
    CHECK(has(&ev, "QATGOV", "04", "ISRGOV"));
    CHECK(has(&ev, "JORGOV", "04", "ISRGOV"));
    st_cameo_events_free(&ev);
    ev = code("The Egyptian foreign minister held talks with Qatari officials.");
    CHECK(has(&ev, "EGYGOV", "04", "QATGOV"));
    CHECK(has(&ev, "QATGOV", "04", "EGYGOV"));
    st_cameo_events_free(&ev);
}

int main(void)
{
    RUN(t_voice);
    RUN(t_passive_transform);
    RUN(t_appositive);
    RUN(t_adjectival);
    RUN(t_intent);
    RUN(t_patterns);
    RUN(t_names);
    RUN(t_roles);
    st_cameo_free(cameo());
    TEST_MAIN_END;
}
