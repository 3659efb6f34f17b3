/* ingest.h — the ingest stage's private interface: one run's context, format
 * detection, and one parser per format. Private to src/ingest (and its tests).
 *
 * Flow: reader.c turns a path / stdin / buffer into bytes (gunzipped, size
 * checked) -> detect.c picks the format and rejects binary -> a parser
 * (text.c, jsonl.c, html.c, feed.c) fills st_article records -> emit.c
 * repairs, normalises and checks each record and hands it to the caller. */
#ifndef ST_INGEST_H
#define ST_INGEST_H

#include <stdarg.h>
#include <stddef.h>

#include "storytrack.h"
#include "util/util.h"

/* One ingest run. Parsers never call the user's callbacks directly: they go
 * through st_ingest_emit and st_ingest_diag, which keep the counts honest. */
typedef struct st_ingest_ctx {
    st_format format;        /* forced format, or ST_FORMAT_AUTO */
    size_t max_article;      /* body limit in bytes (never 0) */
    size_t max_file;         /* input limit in bytes, decompressed (never 0) */
    st_diag_fn on_diag;      /* may be NULL */
    void *diag_ud;
    st_article_fn fn;
    void *fn_ud;
    int follow_links;        /* fetch each feed item's page (st_ingest_follow) */
    int (*is_stored)(const char *url, void *ud); /* may be NULL; gets diag_ud */
    /* The effective URL of the input being parsed when it was fetched, else
     * NULL: its id, and the url of an HTML page that names none. */
    const char *page_url;
    /* The top-level path's validators (st_ingest_opts.validators): a URL
     * read from the command line is fetched conditionally. May be NULL. */
    st_validators *validators;
    size_t n_errors;         /* skipped inputs so far */
    int stop;                /* fn's non-zero return, or ST_ENOMEM: unwind */
} st_ingest_ctx;

/* Fills ctx from opts (NULL = defaults) and the article callback. */
void st_ingest_ctx_init(st_ingest_ctx *ctx, const st_ingest_opts *opts, st_article_fn fn,
                        void *fn_ud);

/* Reports a problem at `path` (line > 0 makes it "path:line"). A severity
 * other than ST_OK counts one skipped input. */
void st_ingest_diag(st_ingest_ctx *ctx, const char *path, size_t line, int severity,
                    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Finishes an article and passes it on; takes ownership of `a` in every case.
 * Repairs invalid UTF-8 in every field (with a warning), normalises white space
 * in title and body, derives source from url, normalises the language code,
 * sets origin ("path" or "path:line"), then rejects an empty or oversized body
 * with a diag. Returns 0 to go on, non-zero (also stored in ctx->stop) to stop. */
int st_ingest_emit(st_ingest_ctx *ctx, st_article *a, const char *path, size_t line);

/* Parses one whole input already in memory. `path` names it in messages and
 * origins; `name` (path without ".gz") drives detection and the file-name id.
 * Checks emptiness, size, binary content, format, then calls the parser.
 * Returns ctx->stop (0 unless the caller's fn stopped or memory ran out). */
int st_ingest_bytes(st_ingest_ctx *ctx, const char *path, const char *name, const char *data,
                    size_t len);

/* Valid UTF-8 for a parser: *fixed stays NULL when data[0..len) is valid,
 * else gets a repaired copy (malloc'd, caller frees) and a warning is
 * reported at path. ST_OK or ST_ENOMEM. */
int st_ingest_repair_utf8(st_ingest_ctx *ctx, const char *path, const char *data, size_t len,
                          char **fixed);

/* Reads `path` ("-" = stdin; file or directory; an http(s) URL is fetched)
 * into the parsers. Returns ST_OK, ctx->stop, or ST_EIO when path itself
 * cannot be opened or fetched. */
int st_ingest_read_path(st_ingest_ctx *ctx, const char *path);

/* Inflates gzip data[0..len) into *out (malloc'd, NUL-terminated, caller
 * frees), at most `max` bytes. Returns ST_OK, ST_ELIMIT, ST_EINPUT (corrupt)
 * or ST_ENOMEM; a reason goes to err. */
int st_ingest_gunzip(const char *data, size_t len, size_t max, char **out, size_t *out_len,
                     char *err, size_t errlen);

/* ------------------------------------------------------------ detect.c */

/* The format from the name's extension, else from the first bytes;
 * ST_FORMAT_AUTO when neither says. */
st_format st_ingest_detect(const char *name, const char *data, size_t len);
/* Non-NULL reason ("NUL bytes", "mostly invalid UTF-8") when data is not text. */
const char *st_ingest_binary_reason(const char *data, size_t len);
/* The file name without folders and its last extension ("a/b/x.txt" -> "x"),
 * "stdin" for "-"; malloc'd, caller frees; NULL on out of memory. */
char *st_ingest_stem(const char *name);
/* 1 when name ends with ext (".gz"), ignoring case. */
int st_ingest_has_ext(const char *name, const char *ext);
/* The id of a whole-input article: ctx->page_url when the input was fetched
 * (page names such as "index.html" or "article.php?id=7" repeat across
 * sites and queries), else the stem of name; malloc'd, NULL on out of memory. */
char *st_ingest_input_id(const st_ingest_ctx *ctx, const char *name);

/* ------------------------------------------------------------ parsers */

/* Each takes data[0..len) without a BOM, already repaired to valid UTF-8
 * except for JSON Lines, which repairs each line so that warnings name it.
 * Each returns ctx->stop. Problems with single records go to st_ingest_diag. */
int st_ingest_text(st_ingest_ctx *ctx, const char *path, const char *name, const char *data,
                   size_t len);
int st_ingest_jsonl(st_ingest_ctx *ctx, const char *path, const char *name,
                    const char *data, size_t len);
int st_ingest_html(st_ingest_ctx *ctx, const char *path, const char *name, const char *data,
                   size_t len);
int st_ingest_feed(st_ingest_ctx *ctx, const char *path, const char *name, const char *data,
                   size_t len);

/* follow.c: with ctx->follow_links, fetches the http(s) page a feed item
 * links to (a->url) and, when its extracted body is longer than the item's,
 * puts it in a (and the page's title, language and date where a has none;
 * a->url stays). A page that cannot be fetched or read is a warning at the
 * link and a stays as it was. Returns ST_OK or ST_ENOMEM. */
int st_ingest_follow(st_ingest_ctx *ctx, st_article *a);

/* ------------------------------------------------------------ html.c helpers */

/* One HTML page as an article: title, canonical URL, language, date, author
 * and main text; no ext_id. *out is the caller's. Returns ST_OK, ST_EINPUT
 * (not parseable as HTML) or ST_ENOMEM. */
int st_html_article(const char *data, size_t len, st_article **out);

/* Text of an HTML fragment (feed descriptions): every text node, with block
 * elements as paragraph breaks and scripts/styles dropped; malloc'd, caller
 * frees; "" for no text; NULL on out of memory. */
char *st_html_fragment_text(const char *html, size_t len);

/* entities.c: libxml2 drops a bare '&' ("Q&A", "Tom & Jerry") and, in XML,
 * every HTML entity a feed did not declare (&nbsp;, &ndash;), sometimes with
 * text around it. This rewrites a bare '&' as "&amp;" and, when `xml`, a known
 * HTML entity as a numeric reference. Returns a malloc'd copy (caller frees,
 * length in *out_len), or NULL when nothing needed fixing or, with *oom set,
 * on out of memory. */
char *st_ingest_fix_entities(const char *data, size_t len, int xml, size_t *out_len, int *oom);


/* ------------------------------------------------------------ url helpers */

/* The host of an http(s) URL, lowercased, without "www." and port; malloc'd,
 * caller frees; NULL when there is none. */
char *st_url_host(const char *url);

#endif
