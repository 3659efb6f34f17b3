/*
 * storytrack.h — the one public header of libstorytrack.
 *
 * The library turns a stream of news articles into stories:
 *
 *   bytes --ingest--> st_article --pipeline--> analysed, deduplicated, clustered,
 *   extracted, event-coded --> SQLite (st_db) <-- queries (JSON), CLI, HTTP server
 *
 * Conventions
 *  - Every public symbol has the st_/ST_ prefix. Handles are opaque, made by
 *    st_x_new/st_x_open and released by st_x_free/st_x_close; those accept NULL.
 *  - Functions that can fail return int: ST_OK (0) or a negative ST_E* code.
 *    st_strerror() names the code. Where a person needs the reason, the function
 *    also fills a caller's buffer `err` of `errlen` bytes (may be NULL).
 *  - Ownership is written on each declaration: "caller frees with X" or
 *    "borrowed: valid until Y".
 *  - Strings are UTF-8, NUL-terminated. Times are ISO 8601 text ("2024-04-13" or
 *    "2024-04-13T10:00:00Z") or NULL when unknown.
 */
#ifndef STORYTRACK_H
#define STORYTRACK_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ST_VERSION "0.1.0"

/* ---------------------------------------------------------------- errors */

enum {
    ST_OK = 0,
    ST_ENOMEM = -1,    /* out of memory */
    ST_EIO = -2,       /* a file or stream could not be read or written */
    ST_EINPUT = -3,    /* malformed input: skipped, reported, nothing lost */
    ST_EUSAGE = -4,    /* bad arguments or options */
    ST_EDB = -5,       /* the database failed */
    ST_ENOTFOUND = -6, /* no such id */
    ST_ELIMIT = -7,    /* a size limit was exceeded */
    ST_EINTERNAL = -8, /* a bug or an unexpected library failure */
    ST_EDUP = -9       /* already stored (not an error for callers that dedup) */
};

/* Static text for a code; never NULL. */
const char *st_strerror(int code);

/* ---------------------------------------------------------------- limits */

/* Defaults; each is an option of the API that uses it. */
#define ST_MAX_ARTICLE_BYTES (4u * 1024u * 1024u) /* body bytes per article */
#define ST_MAX_LINE_BYTES (16u * 1024u * 1024u)   /* one JSON Lines record */
#define ST_MAX_FILE_BYTES (256u * 1024u * 1024u)  /* one input file, decompressed */

/* ---------------------------------------------------------------- articles */

/* One article as ingested. A plain record: every field is owned by the
 * article (malloc'd, NUL-terminated) and may be NULL except body.
 * Free with st_article_free(). */
typedef struct st_article {
    char *ext_id;      /* the input's id: file name stem, JSON "id", or NULL */
    char *url;         /* canonical URL when known */
    char *source;      /* source domain, e.g. "apnews.com" */
    char *title;
    char *body;        /* main text, valid UTF-8 */
    char *language;    /* language from the input's metadata (not detected) */
    char *published;   /* ISO 8601 publish time from the input */
    char *authors;     /* JSON array text, e.g. ["A. Writer"] */
    char *extra;       /* JSON object text with the input's unknown fields */
    char *origin;      /* where it came from: "path" or "path:line" */
} st_article;

/* A new zeroed article; NULL on out of memory. */
st_article *st_article_new(void);
/* Frees the article and every field. Accepts NULL. */
void st_article_free(st_article *a);
/* A deep copy (free with st_article_free); NULL on out of memory. */
st_article *st_article_dup(const st_article *a);

/* ---------------------------------------------------------------- ingest */

typedef enum st_format {
    ST_FORMAT_AUTO = 0, /* decided from the name and the first bytes */
    ST_FORMAT_TEXT,     /* plain text: body, maybe a headline line first */
    ST_FORMAT_JSONL,    /* JSON Lines with news-please fields */
    ST_FORMAT_HTML,     /* one HTML page */
    ST_FORMAT_FEED      /* RSS 2.0 or Atom */
} st_format;

/* "auto", "text", "jsonl", "html", "feed" (also "rss", "atom", "json", "txt").
 * Returns ST_OK and sets *out, or ST_EUSAGE. */
int st_format_parse(const char *name, st_format *out);
const char *st_format_name(st_format f);

/* Receives each article parsed; takes ownership of `a`. Returning non-zero
 * stops the ingest (the value is returned by the st_ingest_* call). */
typedef int (*st_article_fn)(st_article *a, void *ud);
/* Receives each problem with the input: where is "path" or "path:line";
 * severity is ST_EINPUT for a skipped record, ST_OK for a warning (kept). */
typedef void (*st_diag_fn)(const char *where, int severity, const char *msg, void *ud);

/* What a polled http(s) input (ingest --every) answered when it was last
 * read in full, so that the next read is a conditional GET: the validators
 * are sent back as If-None-Match and If-Modified-Since, and a 304 Not
 * Modified means nothing new. One per polled path, owned by the caller:
 * zeroed to start, given to each st_ingest_path of that path through
 * st_ingest_opts.validators, emptied with st_validators_clear at the end.
 * Every string is malloc'd and owned by the record; NULL when none. */
typedef struct st_validators {
    char *etag;          /* sent as If-None-Match */
    char *last_modified; /* sent as If-Modified-Since */
    /* Set by each read of the path: */
    int unchanged; /* the server answered 304: nothing was read */
    /* The answer was read with no problem and either it or the last one had
     * a validator: the answer's (either may be NULL) wait in new_* until the
     * caller has stored what was read (st_validators_accept) or could not
     * (st_validators_reject). A read with a problem leaves nothing pending,
     * so that the next one fetches in full again. */
    int pending;
    char *new_etag, *new_last_modified;
} st_validators;

/* Call once everything the read gave is stored: the pending validators, if
 * any, replace etag and last_modified. */
void st_validators_accept(st_validators *v);
/* Forgets what the last read left (pending validators, unchanged): what it
 * gave was not stored. The accepted validators stay. Accepts NULL. */
void st_validators_reject(st_validators *v);
/* Frees every string of v and zeroes it. Accepts NULL. */
void st_validators_clear(st_validators *v);

typedef struct st_ingest_opts {
    st_format format;         /* ST_FORMAT_AUTO to detect */
    size_t max_article_bytes; /* 0 = ST_MAX_ARTICLE_BYTES */
    st_diag_fn on_diag;       /* may be NULL: problems are then only counted */
    void *ud;                 /* passed to on_diag */
    /* Fetch the http(s) page each RSS/Atom item links to and keep its main
     * text when it is longer than the item's (feeds often carry a teaser);
     * a page that cannot be fetched or read is a warning, the item is kept. */
    int follow_links;
    /* With follow_links: 1 when an article with this url is stored already,
     * so its page is not fetched again (a polled feed repeats its items).
     * May be NULL. Gets ud. */
    int (*is_stored)(const char *url, void *ud);
    /* The path's validators when it is an http(s) URL polled again and
     * again; NULL: fetched in full each time. Borrowed: read and updated by
     * st_ingest_path on the calling thread; never used for --follow pages. */
    st_validators *validators;
} st_ingest_opts;

/* Reads a file, a directory (recursively, sorted by name), "-" (stdin) or an
 * http:// or https:// URL (libcurl: at most 5 redirects, 60 s, gzip/deflate
 * decoded, the same size limit as a file). `.gz` files are decompressed. A
 * fetched input is read like a file named by the URL's path (without query
 * and fragment); the URL it came from (after redirects) is the id of an HTML
 * or plain-text article, and the url of an HTML page that names none. Each
 * article goes to fn(a, fn_ud). *n_errors (may be NULL) counts skipped
 * inputs. Returns ST_OK, fn's non-zero value, or ST_EIO when `path` itself
 * cannot be opened or fetched (the reason, such as "HTTP 404", goes to
 * on_diag as an ST_EINPUT problem at the URL). */
int st_ingest_path(const char *path, const st_ingest_opts *opts, st_article_fn fn,
                   void *fn_ud, size_t *n_errors);
/* The same for bytes in memory; `name` is used for the id and messages. */
int st_ingest_buffer(const char *name, const char *data, size_t len,
                     const st_ingest_opts *opts, st_article_fn fn, void *fn_ud,
                     size_t *n_errors);

/* ---------------------------------------------------------------- database */

typedef struct st_db st_db;

/* Opens (creating and migrating as needed) the store at `path`: a SQLite
 * file (WAL mode), or a PostgreSQL database when path is a libpq URL
 * ("postgresql://user@host:port/dbname", also "postgres://"). Both hold the
 * same schema and answer every query with the same documents. Free with
 * st_db_close(). */
int st_db_open(const char *path, st_db **out, char *err, size_t errlen);
void st_db_close(st_db *db);
/* The schema version this library writes (PRAGMA user_version). */
int st_db_schema_version(void);
/* 1 when an article with this URL is stored, 0 when none is, ST_EDB on a
 * database error. */
int st_db_has_url(st_db *db, const char *url);

/* ---------------------------------------------------------------- pipeline */

/* Knobs of every stage, with documented defaults (st_config_default). */
typedef struct st_config {
    size_t max_article_bytes; /* ingest: body limit */
    size_t batch_size;        /* store: articles per transaction (default 64) */
    /* Live state kept in memory, and rebuilt from the newest stored articles
     * when a pipeline opens: memory follows these windows, not history. */
    size_t dedup_window;      /* articles in the duplicate index (default 50000) */
    size_t restore_articles;  /* articles replayed into the clusterer at open (default 20000) */
    /* dedup */
    double near_threshold;    /* estimated Jaccard for "near" (default 0.8) */
    double rewrite_threshold; /* sentence containment for "rewrite" (default 0.5) */
    /* clustering: see src/cluster/params.h for the meaning of each */
    double event_threshold;
    double story_threshold;
    double event_window_days;
    double story_window_days;
    /* Store articles without duplicates, events and stories even when this
     * pipeline holds the store's linker lock, leaving them to
     * st_pipeline_link (tests of the linker). */
    int defer_clusters;
    int replay;               /* internal: set by st_recluster */
    /* Threads that prepare articles (analysis, signatures, extraction, CAMEO
     * coding) ahead of the store, the submitting thread included; storing,
     * duplicates and clustering stay on the submitting thread, in input
     * order, so every result is the same whatever the count. 0 or 1: the
     * submitting thread alone (default). */
    size_t jobs;
} st_config;

void st_config_default(st_config *c);

typedef struct st_pipeline st_pipeline;

/* Totals of one run of st_pipeline_add calls. */
typedef struct st_ingest_stats {
    size_t stored;     /* new articles committed */
    size_t duplicates; /* already stored (same URL or same normalised text) */
    size_t near_dups;  /* stored, but near-duplicate or rewrite of another */
    size_t errors;     /* inputs rejected */
    size_t lang_mismatches; /* stored, but the metadata named another language */
    size_t linked;     /* articles other processes stored, clustered here (st_pipeline_link) */
} st_ingest_stats;

/* A pipeline over an open database: analyses, deduplicates, clusters,
 * extracts and stores each article it is given. `db` is borrowed and must
 * outlive the pipeline. Loads language data from `data_dir` (NULL = built-in
 * default, or $STORYTRACK_DATA). Free with st_pipeline_free(), which commits. */
int st_pipeline_new(st_db *db, const st_config *cfg, const char *data_dir,
                    st_pipeline **out, char *err, size_t errlen);
/* Takes ownership of `a`. Returns ST_OK (stored), ST_EDUP (already stored),
 * ST_EINPUT (rejected, reason in err) or a failure code. On ST_OK, err (when
 * given) holds a warning for a person, such as a language disagreement
 * between the metadata and the text, or is empty. */
int st_pipeline_add(st_pipeline *p, st_article *a, char *err, size_t errlen);

/* What became of a submitted article: rc and msg as st_pipeline_add returns
 * them (ST_OK with a warning or "", ST_EDUP, ST_EINPUT with the reason, or a
 * failure). `a` is borrowed for the call. */
typedef void (*st_pipeline_done_fn)(const st_article *a, int rc, const char *msg, void *ud);
/* st_pipeline_add for a stream of articles, with cfg.jobs threads preparing
 * the next ones while one is stored. Takes ownership of `a`. `done` (may be
 * NULL) is called once per article, in submission order, from within
 * st_pipeline_submit or st_pipeline_drain, on the submitting thread.
 * Returns ST_OK, or the code of a failure (also reported to `done`); after
 * one, the pipeline takes no more articles until st_pipeline_drain (or
 * st_pipeline_flush) has returned it: the articles still in flight are then
 * dropped, not stored, as if never read, and the pipeline is usable again. */
int st_pipeline_submit(st_pipeline *p, st_article *a, st_pipeline_done_fn done, void *ud);
/* Stores every article submitted so far. ST_OK or the failure's code. */
int st_pipeline_drain(st_pipeline *p);
/* Drains, then commits the open batch. Articles added before a successful
 * flush survive any crash after it. */
int st_pipeline_flush(st_pipeline *p);
const st_ingest_stats *st_pipeline_stats(const st_pipeline *p);
/* Commits and frees. Accepts NULL. */
void st_pipeline_free(st_pipeline *p);

/* One process at a time clusters a store: the holder of its linker lock (a
 * PostgreSQL advisory lock, or an flock beside a SQLite file; released when
 * the process ends). A pipeline takes the lock when it opens if it is free,
 * and then clusters each article as it stores it; otherwise it stores
 * articles unlinked (no duplicates, event or story yet) and tries again at
 * each flush. The holder links others' unlinked articles at each flush and
 * when asked here: up to `max`, in commit order, in batches. Taking the lock
 * rebuilds the pipeline's clusters from the store. *linked gets the count:
 * 0 with ST_OK when another process holds the lock or nothing waits. Commits
 * the open batch first. */
int st_pipeline_link(st_pipeline *p, size_t max, size_t *linked, char *err, size_t errlen);

/* Rebuilds every derived table (duplicates, events, stories, extractions)
 * from the stored articles, replayed in publish order: deterministic. */
int st_recluster(st_db *db, const st_config *cfg, const char *data_dir, char *err,
                 size_t errlen);

/* Scores the stored clustering against a gold file: JSON Lines of
 * {"id": external id or URL, "event": label, "story": label}. *json_out gets
 * {"matched", "missing", "events": {...}, "stories": {...}, "languages":
 * {"en": {"n", "events": {...}, "stories": {...}}, ...}} where each score is
 * {bcubed_p, bcubed_r, bcubed_f1, pairwise_p, pairwise_r, pairwise_f1,
 * gold_clusters, predicted_clusters}. Caller frees with free(). Malformed
 * lines are reported in err and make the call fail with ST_EINPUT. */
int st_eval_gold(st_db *db, const char *gold_path, char **json_out, char *err, size_t errlen);

/* ---------------------------------------------------------------- queries */

/* Every query writes one JSON document (object or array) into a malloc'd
 * string: caller frees with free(). Text renderings for the CLI are made from
 * the same JSON, so the CLI and the HTTP API never disagree. */
typedef struct st_query {
    const char *text;     /* FTS5 query, or NULL */
    const char *language; /* filter, or NULL */
    const char *since;    /* ISO date lower bound, or NULL */
    const char *until;    /* ISO date upper bound, or NULL */
    const char *entity;   /* entity name filter, or NULL */
    int64_t story;        /* story id filter, or 0 */
    size_t limit;         /* 0 = no limit */
    size_t offset;
} st_query;

int st_db_articles_json(st_db *db, const st_query *q, char **out);
/* `id` is the numeric id or the external id. */
int st_db_article_json(st_db *db, const char *id, char **out);
int st_db_search_json(st_db *db, const st_query *q, char **out);
int st_db_dups_json(st_db *db, const st_query *q, char **out);
int st_db_stories_json(st_db *db, const st_query *q, char **out);
int st_db_story_json(st_db *db, int64_t id, char **out);

/* ---------------------------------------------------------------- extraction
 * (entities, quotes, claims, dates, conflicts) — owned by src/extract */
/* @extract-api: declarations below this line, above @extract-end */
/* Extraction queries; each writes one JSON array into *out (caller frees with
 * free()). Filters used: story, language, since, until, entity (a name or
 * alias substring), limit, offset. Offsets in the documents are byte offsets
 * into the article's analysed text (title + "\n\n" + body).
 *
 * entities: per entity {id, name, type, concept, mentions, articles,
 *   in_title, salience, aliases[], languages[]}, most salient first
 *   (salience = mentions + 2 x articles + 3 x headline mentions).
 * quotes: {id, article, source, published, text, speaker, speaker_entity,
 *   verb, sentence}.
 * claims: {id, article, source, published, value, value_text, unit,
 *   qualifier, subject, attribution, sentence, date}.
 * conflicts: within a story (or among unclustered articles), claims with the
 *   same unit and subject whose values differ beyond rounding (> 5%), and
 *   the same quote given to different speakers: {kind: "claim"|"quote",
 *   reason: "different time"|"different qualifier/definition"|
 *   "contradiction"|"different speaker", a: {...}, b: {...}}. */
int st_db_entities_json(st_db *db, const st_query *q, char **out);
int st_db_quotes_json(st_db *db, const st_query *q, char **out);
int st_db_claims_json(st_db *db, const st_query *q, char **out);
int st_db_conflicts_json(st_db *db, const st_query *q, char **out);
/* @extract-end */

/* ---------------------------------------------------------------- events
 * (CAMEO coding and GDELT-style export) — owned by src/events */
/* @events-api: declarations below this line, above @events-end */

/* CAMEO events aggregated per story (or per article outside stories): one
 * entry per (source, code, target) with mentions, sources and articles
 * counts, Goldstein and QuadClass. Filters: story, since/until, language,
 * limit/offset. JSON array; caller frees *out with free(). */
int st_db_cameo_events_json(st_db *db, const st_query *q, char **out);

/* Writes a table to `out`: what = "events", "stories" or "articles";
 * format = "gdelt" (events only: the GDELT 2.0 event table, 61 tab-separated
 * columns, no header), "json" (one array), "jsonl" or "csv" (with header).
 * Returns ST_OK, ST_EUSAGE (unknown what/format, message in err) or ST_EDB/ST_EIO. */
int st_export(st_db *db, const char *what, const char *format, const st_query *q, FILE *out,
              char *err, size_t errlen);

/* Runs a PETRARCH validation file (<Sentence>, <EventCoding>, <Text>) with
 * the dictionaries its <Environment> names, looked up in dict_dir (may be
 * NULL: then beside the file and in ../petrarch2/dictionaries). *json_out:
 * {"sentences", "full": {tp, predicted, gold, precision, recall, f1},
 * "root": {...}}; caller frees with free(). */
int st_events_eval_file(const char *path, const char *dict_dir, char **json_out, char *err,
                        size_t errlen);
/* @events-end */

/* ---------------------------------------------------------------- server
 * (HTTP JSON API and web page) — owned by src/server */
/* @server-api: declarations below this line, above @server-end */

/* An HTTP server (libmicrohttpd, a thread pool) over one database: the JSON
 * API under /api/ and the static web page of `web_dir` at /. Each worker
 * thread reads through its own query-only SQLite connection; POSTed articles
 * go through one writer pipeline guarded by a mutex. */
typedef struct st_server st_server;

typedef struct st_server_opts {
    const char *db_path;  /* required; created when missing */
    const char *bind;     /* IPv4 address, NULL = "127.0.0.1" */
    unsigned port;        /* 0 = any free port (see st_server_port) */
    unsigned threads;     /* worker threads, 0 = 4 */
    size_t max_body;      /* POST body limit in bytes, 0 = ST_SERVER_MAX_BODY */
    const char *web_dir;  /* NULL = $STORYTRACK_WEB, else ST_DATA_DIR "/../web" */
    const char *data_dir; /* language data, NULL = the library default */
    int log;              /* one line per request to stderr */
} st_server_opts;

#define ST_SERVER_MAX_BODY (8u * 1024u * 1024u)

/* Starts serving in background threads; returns at once. Free with
 * st_server_stop(). */
int st_server_start(const st_server_opts *o, st_server **out, char *err, size_t errlen);
/* The port actually bound. */
unsigned st_server_port(const st_server *s);
/* Stops accepting, finishes running requests, commits pending writes and
 * frees. Accepts NULL. */
void st_server_stop(st_server *s);
/* @server-end */

/* ---------------------------------------------------------------- streams
 * (articles through Redis Streams to workers in a consumer group) — src/stream */

/* Parses `path` (file, directory or "-", as st_ingest_path; opts may be
 * NULL) and appends each article to the stream at `url` as news-please JSON.
 * *published and *n_errors (either may be NULL) count entries appended and
 * inputs skipped. Returns ST_OK, ST_EIO (the path or the stream failed,
 * reason in err) or ST_EUSAGE (bad url). */
int st_stream_publish_path(const char *url, const char *path, const st_ingest_opts *opts,
                           size_t *published, size_t *n_errors, char *err, size_t errlen);

typedef struct st_worker_opts {
    const char *stream;   /* url, required */
    const char *group;    /* consumer group, required; created when missing */
    const char *consumer; /* NULL = "<hostname>-<pid>"; reuse a name to resume its entries */
    const char *db_path;  /* required */
    const char *data_dir; /* language data, NULL = library default */
    const st_config *cfg; /* NULL = defaults */
    size_t count;         /* entries per read, and per commit (0 = 64) */
    int block_ms;         /* wait for new entries (0 = 1000) */
    long claim_idle_ms;   /* claim others' entries pending this long (0 = 30000) */
    long claim_every_ms;  /* look for such entries this often (0 = 5000) */
    int drain;            /* stop once nothing is new and nothing is pending */
    volatile sig_atomic_t *stop; /* may be NULL; set: stop after the current batch */
    /* Each problem: where is the entry id (or "worker"); severity ST_OK for a
     * warning, ST_EINPUT for a malformed entry (acknowledged). May be NULL. */
    st_diag_fn on_diag;
    /* Fault-injection point for tests: called with "read", "committed" and
     * "acked" for each batch (numbered from 1). May be NULL. */
    void (*on_step)(const char *step, size_t batch, void *ud);
    void *ud; /* passed to on_diag and on_step */
} st_worker_opts;

typedef struct st_worker_stats {
    size_t entries;    /* entries acknowledged */
    size_t stored;     /* articles stored */
    size_t duplicates; /* articles already stored (re-deliveries among them) */
    size_t errors;     /* malformed entries and rejected articles */
    size_t claimed;    /* entries taken over from other consumers or a restart */
    size_t batches;
    size_t linked;     /* articles others stored, clustered by this worker as the linker */
} st_worker_stats;

/* Workers sharing a store: the one holding its linker lock clusters, at
 * each batch and when idle, what the others stored (st_pipeline_link); when
 * it dies another takes over.
 * Runs one consumer until opts->stop is set, a drain completes, or a failure
 * (the stream or the database): entries of a failed batch stay pending for
 * another consumer. stats (may be NULL) gets the totals. Returns ST_OK or the
 * failure's code with the reason in err. */
int st_worker_run(const st_worker_opts *o, st_worker_stats *stats, char *err, size_t errlen);

#ifdef __cplusplus
}
#endif
#endif
