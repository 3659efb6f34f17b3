/* html.c — one HTML page -> one article: metadata from <head>, main text as
 * the densest block of paragraphs after the page's chrome is removed. */
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/ingest.h"
#include "util/util.h"

#define HTML_OPTS (HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER | HTML_PARSE_NONET)

/* ------------------------------------------------------------ small DOM helpers */

static int is_el(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->name &&
           strcasecmp((const char *)n->name, name) == 0;
}

static int is_any(const xmlNode *n, const char *const *names)
{
    for (; *names; names++)
        if (is_el(n, *names))
            return 1;
    return 0;
}

/* An attribute's value as a malloc'd string (NULL when absent or empty). */
static char *attr(xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    char *s = (v && *v) ? st_strdup((const char *)v) : NULL;
    xmlFree(v);
    return s;
}

static int attr_is(xmlNode *n, const char *name, const char *want)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    int eq = v && strcasecmp((const char *)v, want) == 0;
    xmlFree(v);
    return eq;
}

static const char *const BLOCKS[] = {"p",  "div", "li", "ul", "ol", "h1", "h2", "h3",
                                     "h4", "h5", "h6", "blockquote", "pre", "section",
                                     "article", "main", "table", "tr", "dd", "dt", "dl",
                                     "figure", "hr", NULL};

/* Text of a subtree; block elements become paragraph breaks, <br> a line break. */
static void text_of(xmlNode *n, st_buf *b)
{
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content)
                st_buf_puts(b, (const char *)c->content);
        } else if (c->type == XML_ELEMENT_NODE) {
            int block = is_any(c, BLOCKS);
            if (is_el(c, "br"))
                st_buf_putc(b, '\n');
            if (block)
                st_buf_puts(b, "\n\n");
            text_of(c, b);
            if (block)
                st_buf_puts(b, "\n\n");
        }
    }
}

/* Normalised text of a subtree, malloc'd; NULL on out of memory. */
static char *clean_text(xmlNode *n)
{
    st_buf b = {0};
    text_of(n, &b);
    if (b.oom) {
        st_buf_free(&b);
        return NULL;
    }
    char *s = st_buf_take(&b);
    if (!s)
        return NULL;
    st_trim(st_squeeze_space(s));
    return s;
}

/* ------------------------------------------------------------ chrome removal */

static const char *const NOISE[] = {"script", "style",  "nav",      "header",   "footer",
                                    "aside",  "form",   "noscript", "figcaption", "iframe",
                                    "svg",    "button", "select",   "textarea", "template",
                                    "object", "embed",  "canvas",   "head",     "menu",
                                    "dialog", NULL};

/* Class/id words of boxes around articles (comments, share bars, teasers of
 * other stories) whose text would otherwise join the body. */
static const char *const NOISE_HINTS[] = {"comment", "share",   "social",  "related",
                                          "newsletter", "promo", "advert",  "cookie",
                                          "subscribe", "sidebar", "breadcrumb", "caption",
                                          "byline",  NULL};

static int hinted_noise(xmlNode *n)
{
    static const char *const KEEP[] = {"html", "body", "article", "main", NULL};
    if (is_any(n, KEEP))
        return 0;
    int hit = 0;
    const char *names[] = {"class", "id"};
    for (int i = 0; i < 2 && !hit; i++) {
        char *v = attr(n, names[i]);
        if (v) {
            for (char *c = v; *c; c++)
                *c = (char)((*c >= 'A' && *c <= 'Z') ? *c + 32 : *c);
            for (const char *const *h = NOISE_HINTS; *h && !hit; h++)
                hit = strstr(v, *h) != NULL;
        }
        free(v);
    }
    return hit || attr_is(n, "aria-hidden", "true") || xmlHasProp(n, (const xmlChar *)"hidden");
}

static void prune(xmlNode *n, int hints)
{
    xmlNode *c = n->children;
    while (c) {
        xmlNode *next = c->next;
        if (c->type == XML_COMMENT_NODE ||
            (c->type == XML_ELEMENT_NODE && (is_any(c, NOISE) || (hints && hinted_noise(c))))) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        } else if (c->type == XML_ELEMENT_NODE) {
            prune(c, hints);
        }
        c = next;
    }
}

/* ------------------------------------------------------------ metadata */

typedef struct page_meta {
    char *og_title, *title, *h1, *published, *canonical, *og_url, *lang, *author;
} page_meta;

static void meta_free(page_meta *m)
{
    char **f[] = {&m->og_title, &m->title,  &m->h1,   &m->published,
                  &m->canonical, &m->og_url, &m->lang, &m->author};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        free(*f[i]);
}

static void set_once(char **slot, char *v)
{
    if (!*slot)
        *slot = v;
    else
        free(v);
}

static int meta_key_is(xmlNode *n, const char *key)
{
    return attr_is(n, "property", key) || attr_is(n, "name", key) || attr_is(n, "itemprop", key);
}

static void meta_tag(xmlNode *n, page_meta *m)
{
    static const char *const DATES[] = {"article:published_time", "datePublished",
                                        "og:published_time", "pubdate", "publishdate",
                                        "dc.date", "dcterms.created", "date", NULL};
    if (meta_key_is(n, "og:title"))
        set_once(&m->og_title, attr(n, "content"));
    else if (meta_key_is(n, "og:url"))
        set_once(&m->og_url, attr(n, "content"));
    else if (meta_key_is(n, "author") || meta_key_is(n, "article:author"))
        set_once(&m->author, attr(n, "content"));
    else if (meta_key_is(n, "og:locale") || attr_is(n, "http-equiv", "content-language"))
        set_once(&m->lang, attr(n, "content"));
    else
        for (const char *const *d = DATES; *d; d++)
            if (meta_key_is(n, *d)) {
                set_once(&m->published, attr(n, "content"));
                break;
            }
}

static void collect_meta(xmlNode *n, page_meta *m)
{
    for (xmlNode *c = n; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is_el(c, "html"))
            set_once(&m->lang, attr(c, "lang"));
        else if (is_el(c, "meta"))
            meta_tag(c, m);
        else if (is_el(c, "link") && attr_is(c, "rel", "canonical"))
            set_once(&m->canonical, attr(c, "href"));
        else if (is_el(c, "title") && !m->title)
            m->title = clean_text(c);
        else if (is_el(c, "h1") && !m->h1)
            m->h1 = clean_text(c);
        else if (is_el(c, "time") || meta_key_is(c, "datePublished"))
            set_once(&m->published, attr(c, is_el(c, "time") ? "datetime" : "content"));
        collect_meta(c->children, m);
    }
}

/* ------------------------------------------------------------ densest block */

typedef struct cand {
    xmlNode *parent;
    double score;
} cand;

typedef struct cands {
    cand *v;
    size_t n, cap;
    int oom;
} cands;

static void add_score(cands *cs, xmlNode *parent, double s)
{
    for (size_t i = 0; i < cs->n; i++)
        if (cs->v[i].parent == parent) {
            cs->v[i].score += s;
            return;
        }
    if (st_grow(&cs->v, &cs->cap, cs->n + 1, sizeof *cs->v, 32) != ST_OK) {
        cs->oom = 1;
        return;
    }
    cs->v[cs->n++] = (cand){parent, s};
}

/* Non-space bytes of text below n; with only_links, just the text inside <a>. */
static size_t text_len(xmlNode *n, int only_links)
{
    size_t len = 0;
    for (xmlNode *c = n->children; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content &&
            !only_links)
            for (const xmlChar *p = c->content; *p; p++)
                len += *p > ' ';
        else if (c->type == XML_ELEMENT_NODE)
            len += text_len(c, only_links && !is_el(c, "a"));
    }
    return len;
}

/* Lists of links ("Read more", related stories) look like paragraphs. */
static int link_heavy(xmlNode *p)
{
    size_t all = text_len(p, 0), links = text_len(p, 1);
    return all == 0 || links * 2 > all;
}

static int inside(xmlNode *n, const char *const *names)
{
    for (xmlNode *a = n; a; a = a->parent)
        if (is_any(a, names))
            return 1;
    return 0;
}

static void score_paragraphs(xmlNode *n, cands *cs)
{
    static const char *const PREFERRED[] = {"article", "main", NULL};
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is_el(c, "p") && c->parent && !link_heavy(c)) {
            double s = (double)text_len(c, 0);
            add_score(cs, c->parent, inside(c, PREFERRED) ? s * 1.5 : s);
        }
        score_paragraphs(c, cs);
    }
}

/* The best paragraph parent; widened to its parent when sibling boxes also hold
 * real paragraphs (articles split by ads or "read also" boxes). */
static xmlNode *main_block(xmlNode *root, int *oom)
{
    cands cs = {0};
    score_paragraphs(root, &cs);
    *oom = cs.oom;
    size_t best = 0;
    for (size_t i = 1; i < cs.n; i++)
        if (cs.v[i].score > cs.v[best].score)
            best = i;
    xmlNode *blk = cs.n ? cs.v[best].parent : NULL;
    for (size_t i = 0; blk && i < cs.n; i++)
        if (i != best && cs.v[i].parent->parent == blk->parent &&
            cs.v[i].score >= cs.v[best].score * 0.2 && blk->parent &&
            !is_el(blk->parent, "body") && !is_el(blk->parent, "html")) {
            blk = blk->parent;
            break;
        }
    free(cs.v);
    return blk;
}

static void emit_block_text(xmlNode *n, st_buf *b)
{
    char *t = clean_text(n);
    if (!t) {
        b->oom = 1;
        return;
    }
    if (*t) {
        if (b->len)
            st_buf_puts(b, "\n\n");
        st_buf_puts(b, t);
    }
    free(t);
}

/* Paragraphs, subheads and quotes of the main block, in document order. */
static void block_paragraphs(xmlNode *blk, xmlNode *n, st_buf *b)
{
    static const char *const HEADS[] = {"h2", "h3", "h4", "h5", "h6", "pre", NULL};
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is_el(c, "p")) {
            if (!link_heavy(c))
                emit_block_text(c, b);
        } else if (is_any(c, HEADS) || (is_el(c, "li") && c->parent && c->parent->parent == blk)) {
            emit_block_text(c, b);
        } else {
            block_paragraphs(blk, c, b);
        }
    }
}

static xmlNode *find_el(xmlNode *n, const char *name)
{
    for (xmlNode *c = n; c; c = c->next) {
        if (is_el(c, name))
            return c;
        xmlNode *f = c->type == XML_ELEMENT_NODE ? find_el(c->children, name) : NULL;
        if (f)
            return f;
    }
    return NULL;
}

/* Body text: the densest block, else all of <article>/<main>/<body>. */
static char *main_text(xmlDoc *doc)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!root)
        return st_strdup("");
    int oom = 0;
    xmlNode *blk = main_block(root, &oom);
    if (oom)
        return NULL;
    if (blk) {
        st_buf b = {0};
        block_paragraphs(blk, blk, &b);
        if (b.oom) {
            st_buf_free(&b);
            return NULL;
        }
        if (b.len)
            return st_buf_take(&b);
        st_buf_free(&b);
    }
    xmlNode *all = find_el(root, "article");
    all = all ? all : find_el(root, "main");
    all = all ? all : find_el(root, "body");
    return clean_text(all ? all : root);
}

/* ------------------------------------------------------------ the article */

/* <title> often carries " | Site name"; an <h1> that it starts with is the headline. */
static char *pick_title(page_meta *m)
{
    char **t = m->og_title ? &m->og_title
               : (m->title && m->h1 && *m->h1 && strstr(m->title, m->h1) == m->title) ? &m->h1
               : m->title && *m->title ? &m->title
                                       : &m->h1;
    char *s = *t;
    *t = NULL;
    return s;
}

static int fill(st_article *a, page_meta *m)
{
    a->title = pick_title(m);
    a->url = m->canonical ? m->canonical : m->og_url;
    if (a->url == m->canonical)
        m->canonical = NULL;
    else
        m->og_url = NULL;
    a->language = m->lang;
    m->lang = NULL;
    char iso[32];
    if (m->published && st_date_normalise(m->published, iso) == 0 &&
        !(a->published = st_strdup(iso)))
        return ST_ENOMEM;
    if (m->author) {
        st_buf b = {0};
        st_buf_putc(&b, '[');
        st_buf_json_str(&b, m->author);
        st_buf_putc(&b, ']');
        if (!(a->authors = st_buf_take(&b)))
            return ST_ENOMEM;
    }
    return ST_OK;
}

static xmlDoc *parse_html(const char *data, size_t len, int *oom)
{
    size_t n = 0;
    char *esc = st_ingest_fix_entities(data, len, 0, &n, oom);
    if (esc) {
        data = esc;
        len = n;
    }
    xmlDoc *doc = (len && len <= INT32_MAX && !*oom)
                      ? htmlReadMemory(data, (int)len, NULL, "UTF-8", HTML_OPTS)
                      : NULL;
    free(esc);
    return doc;
}

int st_html_article(const char *data, size_t len, st_article **out)
{
    *out = NULL;
    int oom = 0;
    xmlDoc *doc = parse_html(data, len, &oom);
    if (!doc)
        return oom ? ST_ENOMEM : ST_EINPUT;
    page_meta m = {0};
    collect_meta(doc->children, &m);
    xmlNode *root = xmlDocGetRootElement(doc);
    if (root)
        prune(root, 1);
    st_article *a = st_article_new();
    int rc = a ? fill(a, &m) : ST_ENOMEM;
    if (rc == ST_OK && !(a->body = main_text(doc)))
        rc = ST_ENOMEM;
    meta_free(&m);
    xmlFreeDoc(doc);
    if (rc != ST_OK)
        st_article_free(a);
    else
        *out = a;
    return rc;
}

int st_ingest_html(st_ingest_ctx *ctx, const char *path, const char *name, const char *data,
                   size_t len)
{
    st_article *a = NULL;
    int rc = st_html_article(data, len, &a);
    if (rc == ST_EINPUT) {
        st_ingest_diag(ctx, path, 0, ST_EINPUT, "not parseable as HTML");
        return ctx->stop;
    }
    /* A fetched page that names no URL of its own is known by the one it came from. */
    if (rc == ST_OK && !a->url && ctx->page_url && !(a->url = st_strdup(ctx->page_url)))
        rc = ST_ENOMEM;
    if (rc == ST_OK && !(a->ext_id = st_ingest_input_id(ctx, name)))
        rc = ST_ENOMEM;
    if (rc != ST_OK) {
        st_article_free(a);
        return ctx->stop = rc;
    }
    st_ingest_emit(ctx, a, path, 0);
    return ctx->stop;
}

char *st_html_fragment_text(const char *html, size_t len)
{
    int oom = 0;
    xmlDoc *doc = parse_html(html, len, &oom);
    if (!doc)
        return oom ? NULL : st_strdup("");
    xmlNode *root = xmlDocGetRootElement(doc);
    char *s;
    if (root) {
        prune(root, 0);
        s = clean_text(root);
    } else {
        s = st_strdup("");
    }
    xmlFreeDoc(doc);
    return s;
}
