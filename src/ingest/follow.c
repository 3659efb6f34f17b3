/* follow.c — ingest --follow: many feeds carry only a teaser of each story;
 * the page the item links to, extracted as an HTML file would be, gives the
 * full text. The page is a bonus: when it cannot be had, the item is kept as
 * the feed gave it and a warning names the link. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/fetch.h"
#include "ingest/ingest.h"
#include "util/util.h"

static void not_followed(st_ingest_ctx *ctx, const char *link, const char *why)
{
    st_ingest_diag(ctx, link, 0, ST_OK, "page not followed (%s): feed item kept as it was", why);
}

/* Servers label pages loosely: either the label or the markup may say HTML. */
static int looks_html(const st_fetched *f)
{
    const char *t = f->content_type;
    if (t && (strncasecmp(t, "text/html", 9) == 0 ||
              strncasecmp(t, "application/xhtml+xml", 21) == 0))
        return 1;
    return st_ingest_detect(NULL, f->body, f->len) == ST_FORMAT_HTML;
}

/* The page's article, or *page NULL after a warning. ST_OK or ST_ENOMEM. */
static int page_article(st_ingest_ctx *ctx, const char *link, const st_fetched *f,
                        st_article **page)
{
    *page = NULL;
    const char *why = st_ingest_binary_reason(f->body, f->len);
    if (why || !looks_html(f)) {
        not_followed(ctx, link, why ? why : "not an HTML page");
        return ST_OK;
    }
    /* libxml2 stops at the first invalid byte of a document said to be UTF-8. */
    char *fixed = NULL;
    if (st_ingest_repair_utf8(ctx, link, f->body, f->len, &fixed) != ST_OK)
        return ST_ENOMEM;
    int rc = fixed ? st_html_article(fixed, strlen(fixed), page)
                   : st_html_article(f->body, f->len, page);
    free(fixed);
    if (rc == ST_EINPUT)
        not_followed(ctx, link, "not parseable as HTML");
    return rc == ST_EINPUT ? ST_OK : rc;
}

static void take_if_missing(char **slot, char **from)
{
    if (!*slot) {
        *slot = *from;
        *from = NULL;
    }
}

/* The page's body replaces a shorter one, unless it is too long to store:
 * an item rejected for its size would be lost, and the teaser is better. */
static void merge(st_ingest_ctx *ctx, st_article *a, st_article *page)
{
    size_t have = a->body ? strlen(a->body) : 0, got = page->body ? strlen(page->body) : 0;
    if (got <= have)
        return;
    if (got > ctx->max_article) {
        char why[96];
        snprintf(why, sizeof why, "its text of %zu bytes exceeds limit %zu", got,
                 ctx->max_article);
        not_followed(ctx, a->url, why);
        return;
    }
    char *teaser = a->body;
    a->body = page->body;
    page->body = teaser;
    take_if_missing(&a->title, &page->title);
    take_if_missing(&a->language, &page->language);
    take_if_missing(&a->published, &page->published);
}

int st_ingest_follow(st_ingest_ctx *ctx, st_article *a)
{
    if (!ctx->follow_links || !st_fetch_is_url(a->url))
        return ST_OK;
    /* stored already: the item will be a duplicate, its page is not needed */
    if (ctx->is_stored && ctx->is_stored(a->url, ctx->diag_ud) > 0)
        return ST_OK;
    st_fetched f;
    char err[512];
    int rc = st_fetch(a->url, ctx->max_file, ST_FETCH_TIMEOUT_S, &f, err, sizeof err);
    if (rc == ST_ENOMEM)
        return rc;
    if (rc != ST_OK) {
        not_followed(ctx, a->url, err);
        return ST_OK;
    }
    st_article *page = NULL;
    rc = page_article(ctx, a->url, &f, &page);
    st_fetched_free(&f);
    if (page)
        merge(ctx, a, page);
    st_article_free(page);
    return rc;
}
