/* feed.c — RSS 2.0, RSS 1.0 (RDF) and Atom: one article per item/entry. */
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/ingest.h"
#include "util/util.h"

/* No NOENT (entities stay unexpanded: no billion laughs), no DTD loading, no
 * network; RECOVER because real feeds often carry a stray '&'. */
#define FEED_OPTS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
                   XML_PARSE_RECOVER | XML_PARSE_BIG_LINES)

#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_DC "http://purl.org/dc/elements/1.1/"

static int local_is(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static int ns_is(const xmlNode *n, const char *uri)
{
    return n->ns && n->ns->href && strcmp((const char *)n->ns->href, uri) == 0;
}

/* An entity the feed did not declare but HTML knows (&nbsp; &ndash;, common
 * in feeds) becomes its character; others become a space so that words around
 * them stay apart. Declared entities are never expanded. */
static void entity_text(const xmlNode *c, st_buf *b)
{
    const htmlEntityDesc *e = c->name ? htmlEntityLookup(c->name) : NULL;
    xmlChar utf8[8];
    int n = e ? xmlCopyCharMultiByte(utf8, (int)e->value) : 0;
    if (n > 0 && n < 8)
        st_buf_append(b, (const char *)utf8, (size_t)n);
    else
        st_buf_putc(b, ' ');
}

/* Text and CDATA below n, without expanding entity references. */
static void raw_text(const xmlNode *n, st_buf *b)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            st_buf_puts(b, (const char *)c->content);
        else if (c->type == XML_ENTITY_REF_NODE)
            entity_text(c, b);
        else if (c->type == XML_ELEMENT_NODE)
            raw_text(c, b);
    }
}

static char *text(const xmlNode *n, int *oom)
{
    st_buf b = {0};
    raw_text(n, &b);
    if (b.oom) {
        st_buf_free(&b);
        *oom = 1;
        return NULL;
    }
    char *s = st_buf_take(&b);
    if (!s)
        *oom = 1;
    else if (!*st_trim(s)) {
        free(s);
        s = NULL;
    }
    return s;
}

static char *prop(xmlNode *n, const char *name, int *oom)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    char *s = (v && *v) ? st_strdup((const char *)v) : NULL;
    if (v && *v && !s)
        *oom = 1;
    xmlFree(v);
    return s;
}

/* Markup of an element's children (Atom type="xhtml"). */
static char *inner_markup(xmlNode *n, int *oom)
{
    xmlBuffer *xb = xmlBufferCreate();
    if (!xb) {
        *oom = 1;
        return NULL;
    }
    for (xmlNode *c = n->children; c; c = c->next)
        xmlNodeDump(xb, n->doc, c, 0, 0);
    char *s = st_strndup((const char *)xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
    if (!s)
        *oom = 1;
    xmlBufferFree(xb);
    return s;
}

/* Feed text that may be HTML (RSS description, content:encoded, Atom
 * type="html"/"xhtml") reduced to plain text; Atom type="text" is kept. */
static char *content_text(xmlNode *n, int *oom)
{
    xmlChar *type = xmlGetProp(n, (const xmlChar *)"type");
    int plain = type && (strcmp((const char *)type, "text") == 0 ||
                         strcmp((const char *)type, "text/plain") == 0);
    int xhtml = type && strcmp((const char *)type, "xhtml") == 0;
    xmlFree(type);
    char *raw = xhtml ? inner_markup(n, oom) : text(n, oom);
    if (!raw || plain || (!xhtml && !strpbrk(raw, "<&")))
        return raw;
    char *s = st_html_fragment_text(raw, strlen(raw));
    free(raw);
    if (!s)
        *oom = 1;
    return s;
}

/* ------------------------------------------------------------ one item */

typedef struct item {
    char *title, *link, *date, *updated, *body, *summary, *id, *lang;
    st_buf authors;     /* JSON array text in progress */
    st_buf categories;  /* JSON array text in progress */
} item;

static void item_free(item *it)
{
    char **f[] = {&it->title,   &it->link,    &it->date, &it->updated,
                  &it->body,    &it->summary, &it->id,   &it->lang};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        free(*f[i]);
    st_buf_free(&it->authors);
    st_buf_free(&it->categories);
}

static void set_once(char **slot, char *v)
{
    if (!*slot)
        *slot = v;
    else
        free(v);
}

static void add_json_str(st_buf *b, char *s)
{
    if (!s)
        return;
    st_buf_putc(b, b->len ? ',' : '[');
    st_buf_json_str(b, s);
    free(s);
}

static int has_child_element(const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            return 1;
    return 0;
}

static void atom_author(xmlNode *n, item *it, int *oom)
{
    for (xmlNode *c = n->children; c; c = c->next)
        if (local_is(c, "name"))
            add_json_str(&it->authors, text(c, oom));
}

/* Atom links: rel absent or "alternate" is the article itself. */
static void atom_link(xmlNode *n, item *it, int *oom)
{
    xmlChar *rel = xmlGetProp(n, (const xmlChar *)"rel");
    int alt = !rel || strcmp((const char *)rel, "alternate") == 0;
    xmlFree(rel);
    if (alt)
        set_once(&it->link, prop(n, "href", oom));
}

static void item_field(xmlNode *c, item *it, int *oom)
{
    const char *nm = (const char *)c->name;
    if (strcmp(nm, "title") == 0)
        set_once(&it->title, content_text(c, oom));
    else if (strcmp(nm, "link") == 0)
        xmlHasProp(c, (const xmlChar *)"href") ? atom_link(c, it, oom)
                                               : set_once(&it->link, text(c, oom));
    else if (strcmp(nm, "pubDate") == 0 || strcmp(nm, "published") == 0 ||
             strcmp(nm, "issued") == 0 || (strcmp(nm, "date") == 0 && ns_is(c, NS_DC)))
        set_once(&it->date, text(c, oom));
    else if (strcmp(nm, "updated") == 0 || strcmp(nm, "modified") == 0)
        set_once(&it->updated, text(c, oom));
    else if ((strcmp(nm, "encoded") == 0 && ns_is(c, NS_CONTENT)) || strcmp(nm, "content") == 0)
        set_once(&it->body, content_text(c, oom));
    else if (strcmp(nm, "description") == 0 || strcmp(nm, "summary") == 0)
        set_once(&it->summary, content_text(c, oom));
    else if (strcmp(nm, "guid") == 0 || strcmp(nm, "id") == 0)
        set_once(&it->id, text(c, oom));
    else if (strcmp(nm, "creator") == 0 && ns_is(c, NS_DC))
        add_json_str(&it->authors, text(c, oom));
    else if (strcmp(nm, "author") == 0)
        has_child_element(c) ? atom_author(c, it, oom)
                             : add_json_str(&it->authors, text(c, oom));
    else if (strcmp(nm, "language") == 0)
        set_once(&it->lang, text(c, oom));
    else if (strcmp(nm, "category") == 0)
        add_json_str(&it->categories,
                     xmlHasProp(c, (const xmlChar *)"term") ? prop(c, "term", oom) : text(c, oom));
}

static char *take(char **s)
{
    char *v = *s;
    *s = NULL;
    return v;
}

static char *close_array(st_buf *b, int *oom)
{
    if (!b->len)
        return NULL;
    st_buf_putc(b, ']');
    if (b->oom) {
        *oom = 1;
        return NULL;
    }
    return st_buf_take(b);
}

static char *item_id(item *it, const char *name, size_t index, int *oom)
{
    if (it->id)
        return take(&it->id);
    if (it->link)
        return st_strdup(it->link);
    st_buf b = {0};
    char *stem = st_ingest_stem(name);
    st_buf_printf(&b, "%s:%zu", stem ? stem : "", index);
    free(stem);
    if (b.oom || !stem) {
        st_buf_free(&b);
        *oom = 1;
        return NULL;
    }
    return st_buf_take(&b);
}

static int to_article(item *it, st_article *a, const char *name, size_t index, const char *lang)
{
    int oom = 0;
    a->title = take(&it->title);
    a->body = it->body ? take(&it->body) : take(&it->summary);
    a->ext_id = item_id(it, name, index, &oom);
    a->url = take(&it->link);
    char iso[32];
    const char *d = it->date ? it->date : it->updated;
    if (d && st_date_normalise(d, iso) == 0 && !(a->published = st_strdup(iso)))
        oom = 1;
    a->authors = close_array(&it->authors, &oom);
    char *cats = close_array(&it->categories, &oom);
    if (cats) {
        st_buf e = {0};
        st_buf_printf(&e, "{\"categories\":%s}", cats);
        free(cats);
        a->extra = e.oom ? (st_buf_free(&e), oom = 1, NULL) : st_buf_take(&e);
    }
    if (lang)
        a->language = st_strdup(lang);
    if (oom || !a->ext_id || (lang && !a->language))
        return ST_ENOMEM;
    return ST_OK;
}

static int one_item(st_ingest_ctx *ctx, const char *path, const char *name, xmlNode *n,
                    size_t index, const char *chan_lang)
{
    item it;
    memset(&it, 0, sizeof it);
    int oom = 0;
    for (xmlNode *c = n->children; c && !oom; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            item_field(c, &it, &oom);
    long line = xmlGetLineNo(n);
    xmlChar *xl = xmlNodeGetLang(n);
    st_article *a = oom ? NULL : st_article_new();
    const char *lang = it.lang ? it.lang : xl ? (const char *)xl : chan_lang;
    int rc = a ? to_article(&it, a, name, index, lang) : ST_ENOMEM;
    xmlFree(xl);
    item_free(&it);
    if (rc == ST_OK)
        rc = st_ingest_follow(ctx, a);
    if (rc != ST_OK) {
        st_article_free(a);
        return ctx->stop = rc;
    }
    return st_ingest_emit(ctx, a, path, line > 0 ? (size_t)line : 0);
}

/* ------------------------------------------------------------ the feed */

static char *channel_lang(xmlNode *chan, int *oom)
{
    for (xmlNode *c = chan ? chan->children : NULL; c; c = c->next)
        if (local_is(c, "language"))
            return text(c, oom);
    return NULL;
}

/* Items sit under <channel> (RSS 2.0), beside it (RDF) or under <feed> (Atom).
 * *n counts them (1-based numbers for ids of items without guid or link). */
static void walk_items(st_ingest_ctx *ctx, const char *path, const char *name,
                       xmlNode *parent, const char *lang, size_t *n)
{
    for (xmlNode *c = parent->children; c && !ctx->stop; c = c->next) {
        if (local_is(c, "item") || local_is(c, "entry")) {
            one_item(ctx, path, name, c, ++*n, lang);
        } else if (local_is(c, "channel")) {
            int oom = 0;
            char *cl = channel_lang(c, &oom);
            if (oom) {
                ctx->stop = ST_ENOMEM;
                return;
            }
            walk_items(ctx, path, name, c, cl ? cl : lang, n);
            free(cl);
        }
    }
}

int st_ingest_feed(st_ingest_ctx *ctx, const char *path, const char *name, const char *data,
                   size_t len)
{
    size_t n_fixed = 0;
    int oom = 0;
    char *fixed = st_ingest_fix_entities(data, len, 1, &n_fixed, &oom);
    if (oom)
        return ctx->stop = ST_ENOMEM;
    if (fixed) {
        data = fixed;
        len = n_fixed;
    }
    xmlDoc *doc = len <= INT32_MAX ? xmlReadMemory(data, (int)len, NULL, "UTF-8", FEED_OPTS)
                                   : NULL;
    free(fixed);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root) {
        st_ingest_diag(ctx, path, 0, ST_EINPUT, "not well-formed XML");
    } else if (!local_is(root, "rss") && !local_is(root, "feed") && !local_is(root, "RDF")) {
        st_ingest_diag(ctx, path, 0, ST_EINPUT, "not an RSS or Atom feed (root element <%.40s>)",
                       (const char *)root->name);
    } else {
        char *lang = channel_lang(root, &oom);
        xmlChar *xl = xmlNodeGetLang(root);
        if (!lang && xl)
            lang = st_strdup((const char *)xl);
        xmlFree(xl);
        size_t n = 0;
        walk_items(ctx, path, name, root, lang, &n);
        if (!n && !ctx->stop)
            st_ingest_diag(ctx, path, 0, ST_EINPUT, "feed has no items");
        free(lang);
    }
    xmlFreeDoc(doc);
    return ctx->stop;
}
