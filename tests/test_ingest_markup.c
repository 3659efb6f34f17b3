/* test_ingest_markup.c — HTML pages and RSS / RDF / Atom feeds. */
#include "harness.h"
#include "ingest_got.h"
#include "ingest/ingest.h"
#include "util/util.h"

#define FX "tests/fixtures/ingest/"
static int run_path(const char *path, got *g)
{
    return got_run_path(path, ST_FORMAT_AUTO, g, &g->errors);
}

static int run_buf(const char *name, const char *s, st_format f, got *g)
{
    return got_run_buf(name, s, strlen(s), f, g, &g->errors);
}

/* ------------------------------------------------------------ HTML */

static void t_html_article(void)
{
    got g = {0};
    CHECK_INT(run_path(FX "page.html", &g), ST_OK);
    CHECK_INT(g.errors, 0);
    CHECK_INT(g.n, 1);
    if (g.n == 1) {
        st_article *a = g.a[0];
        CHECK_STR(a->ext_id, "page");
        CHECK_STR(a->title, "Le port inaugure une nouvelle ligne de ferry"); /* og:title */
        CHECK_STR(a->url, "https://www.journal.example.fr/port/ferry");
        CHECK_STR(a->source, "journal.example.fr");
        CHECK_STR(a->language, "fr");
        CHECK_STR(a->published, "2024-04-13T09:30:00Z");
        CHECK_STR(a->authors, "[\"Claire Auteur\"]");
        CHECK(strncmp(a->body, "Le conseil municipal", 20) == 0);
        CHECK_CONTAINS(a->body, "l'été & l'automne.\n\nDes tarifs réduits\n\nLes habitants");
        /* chrome, scripts, captions, comments, link lists: all gone */
        static const char *gone[] = {"NE PAS GARDER", "Accueil", "Publicité", "Super nouvelle",
                                     "tous droits", "Lire aussi", "Le ferry au départ",
                                     "color: red"};
        for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++)
            CHECK(strstr(a->body, gone[i]) == NULL);
    }
    got_free(&g);
}

static void t_html_split_blocks(void)
{
    got g = {0};
    CHECK_INT(run_path(FX "split_id.htm", &g), ST_OK);
    CHECK_INT(g.n, 1);
    if (g.n == 1) {
        st_article *a = g.a[0];
        /* <title> minus " - Warta Contoh" via the <h1> it starts with */
        CHECK_STR(a->title, "Banjir melanda pesisir utara");
        CHECK_STR(a->url, "https://warta.example.id/banjir?utm_source=x"); /* og:url */
        CHECK_STR(a->source, "warta.example.id");
        CHECK_STR(a->language, "id");
        CHECK_STR(a->published, "2024-03-02T07:15:00Z"); /* <time datetime> */
        /* both halves of the text, around the ad, in order */
        CHECK_CONTAINS(a->body, "semalaman.\n\nPetugas");
        CHECK_CONTAINS(a->body, "terdekat.\n\nBadan cuaca");
        CHECK(strstr(a->body, "Iklan") == NULL);
        CHECK(strstr(a->body, "Berita lain") == NULL);
        CHECK(strstr(a->body, "Beranda") == NULL);
    }
    got_free(&g);
}

static void t_html_fallbacks(void)
{
    got g = {0};
    CHECK_INT(run_path(FX "nopara.html", &g), ST_OK);
    CHECK_INT(g.n, 1);
    if (g.n == 1) {
        CHECK_STR(g.a[0]->title, "Brief");
        CHECK_STR(g.a[0]->body, "Short wire item without paragraphs.\nSecond line of the item.");
    }
    got_free(&g);
    CHECK_INT(run_path(FX "nobody.html", &g), ST_OK);
    CHECK_INT(g.n, 0);
    CHECK_INT(g.errors, 1);
    CHECK_CONTAINS(got_diags(&g), FX "nobody.html|-3|empty body after extraction");
    got_free(&g);
}

static void t_html_detected_from_content(void)
{
    got g = {0};
    const char *page = "<!doctype html><html lang=\"es\"><head><title>Titular</title></head>"
                       "<body><p>Primer p&aacute;rrafo del art&iacute;culo, Q&A incluido.</p>"
                       "</body></html>";
    CHECK_INT(run_buf("-", page, ST_FORMAT_AUTO, &g), ST_OK);
    CHECK_INT(g.n, 1);
    if (g.n == 1) {
        CHECK_STR(g.a[0]->title, "Titular");
        CHECK_STR(g.a[0]->body, "Primer párrafo del artículo, Q&A incluido.");
        CHECK_STR(g.a[0]->language, "es");
    }
    got_free(&g);
}

/* ------------------------------------------------------------ feeds */

static void t_rss(void)
{
    got g = {0};
    CHECK_INT(run_path(FX "rss.xml", &g), ST_OK);
    CHECK_INT(g.errors, 0);
    CHECK_INT(g.n, 2);
    if (g.n == 2) {
        st_article *a = g.a[0];
        CHECK_STR(a->ext_id, "wire-1001");
        CHECK_STR(a->title, "Storm closes mountain pass");
        CHECK_STR(a->url, "https://wire.example.com/storm");
        CHECK_STR(a->source, "wire.example.com");
        CHECK_STR(a->published, "2024-04-13T10:00:00Z");
        CHECK_STR(a->language, "en");
        CHECK_STR(a->authors, "[\"Dana Editor\"]");
        CHECK_STR(a->extra, "{\"categories\":[\"Weather\"]}");
        /* content:encoded wins over the teaser; HTML reduced to text */
        CHECK_STR(a->body, "A late snow storm closed the mountain pass on Saturday.\n\n"
                           "Police said the road would reopen & traffic resume on Sunday.");
        CHECK_STR(a->origin, FX "rss.xml:7");
        st_article *b = g.a[1];
        CHECK_STR(b->ext_id, "https://wire.example.com/festival"); /* no guid: the link */
        CHECK_STR(b->body, "The spring festival drew a record crowd of 40,000 visitors.");
    }
    got_free(&g);
}

static void t_atom(void)
{
    got g = {0};
    CHECK_INT(run_path(FX "feed.atom", &g), ST_OK);
    CHECK_INT(g.n, 2);
    if (g.n == 2) {
        st_article *a = g.a[0];
        CHECK_STR(a->ext_id, "urn:example:entry:1");
        CHECK_STR(a->title, "Neue Brücke eröffnet");
        CHECK_STR(a->url, "https://nachrichten.example.de/bruecke"); /* rel=alternate only */
        CHECK_STR(a->published, "2024-04-13T08:00:00Z");            /* published, not updated */
        CHECK_STR(a->language, "de");                               /* xml:lang */
        CHECK_STR(a->authors, "[\"Jonas Schreiber\"]");
        CHECK_STR(a->extra, "{\"categories\":[\"Verkehr\"]}");
        CHECK_STR(a->body, "Die neue Brücke über den Fluss wurde am Samstag eröffnet.\n\n"
                           "Der Verkehr fließt wieder.");
        st_article *b = g.a[1];
        CHECK_STR(b->published, "2024-04-14T10:00:00Z"); /* only updated */
        CHECK_STR(b->body, "Der Wochenmarkt findet ausnahmsweise am Sonntag statt <sic>.");
    }
    got_free(&g);
}

static void t_rdf(void)
{
    got g = {0};
    CHECK_INT(run_path(FX "feed.rdf", &g), ST_OK);
    CHECK_INT(g.n, 1);
    if (g.n == 1) {
        CHECK_STR(g.a[0]->title, "Library extends opening hours");
        CHECK_STR(g.a[0]->published, "2024-04-12");
        CHECK_STR(g.a[0]->language, "en");
        CHECK_STR(g.a[0]->url, "https://rdf.example.org/a");
    }
    got_free(&g);
}

static void t_feed_item_without_body(void)
{
    got g = {0};
    CHECK_INT(run_path(FX "empty_items.rss", &g), ST_OK);
    CHECK_INT(g.n, 1);
    CHECK_INT(g.errors, 1);
    CHECK_CONTAINS(got_diags(&g), FX "empty_items.rss:3|-3|empty body");
    if (g.n == 1)
        CHECK_STR(g.a[0]->ext_id, "empty_items:2"); /* no guid, no link: stem and item number */
    got_free(&g);
}

static void t_feed_entities(void)
{
    got g = {0};
    /* Declared entities are never expanded: no "billion laughs", no file read. */
    CHECK_INT(run_path(FX "entities.xml", &g), ST_OK);
    for (size_t i = 0; i < g.n; i++) {
        CHECK(strstr(g.a[i]->body, "AAAA") == NULL);
        CHECK(strstr(g.a[i]->body, "root:") == NULL);
    }
    got_free(&g);
    /* HTML entities and bare ampersands, common in real feeds, survive. */
    const char *rss = "<rss version=\"2.0\"><channel><item><title>Q&A: B & C</title>"
                      "<description>One&nbsp;two &ndash; three &amp; four.</description>"
                      "</item></channel></rss>";
    CHECK_INT(run_buf("-", rss, ST_FORMAT_AUTO, &g), ST_OK);
    CHECK_INT(g.n, 1);
    if (g.n == 1) {
        CHECK_STR(g.a[0]->title, "Q&A: B & C");
        CHECK_STR(g.a[0]->body, "One two \xe2\x80\x93 three & four.");
    }
    got_free(&g);
}

static void t_feed_bad(void)
{
    got g = {0};
    CHECK_INT(run_buf("x.rss", "<rss><channel><title>none</title></channel></rss>",
                      ST_FORMAT_AUTO, &g),
              ST_OK);
    CHECK_INT(g.errors, 1);
    CHECK_CONTAINS(got_diags(&g), "x.rss|-3|feed has no items");
    got_free(&g);
    CHECK_INT(run_buf("y.xml", "<catalog><book/></catalog>", ST_FORMAT_AUTO, &g), ST_OK);
    CHECK_INT(g.errors, 1);
    CHECK_CONTAINS(got_diags(&g), "not an RSS or Atom feed");
    got_free(&g);
    CHECK_INT(run_buf("z.xml", "<<<>>>", ST_FORMAT_AUTO, &g), ST_OK);
    CHECK_INT(g.errors, 1);
    CHECK_INT(g.n, 0);
    got_free(&g);
}

static void t_fragment_text(void)
{
    const char *h = "<p>a<br>b</p><ul><li>c</li><li>d</li></ul><script>x</script>";
    char *s = st_html_fragment_text(h, strlen(h));
    CHECK_STR(s, "a\nb\n\nc\n\nd");
    free(s);
    s = st_html_fragment_text("", 0);
    CHECK_STR(s, "");
    free(s);
}

int main(void)
{
    RUN(t_html_article);
    RUN(t_html_split_blocks);
    RUN(t_html_fallbacks);
    RUN(t_html_detected_from_content);
    RUN(t_rss);
    RUN(t_atom);
    RUN(t_rdf);
    RUN(t_feed_item_without_body);
    RUN(t_feed_entities);
    RUN(t_feed_bad);
    RUN(t_fragment_text);
    TEST_MAIN_END;
}
