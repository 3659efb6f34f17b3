/* cli.h — shared pieces of the storytrack commands. The CLI holds no
 * analysis: it parses options, calls the library and renders its JSON. */
#ifndef ST_CLI_H
#define ST_CLI_H

#include <jansson.h>
#include <signal.h>
#include <stddef.h>

#include "storytrack.h"

/* Exit codes: 0 ok, 1 internal failure, 2 usage or input error. */
enum { CLI_OK = 0, CLI_INTERNAL = 1, CLI_USAGE = 2 };

typedef struct cli_opts {
    const char *db;       /* --db, $STORYTRACK_DB, ./storytrack.db */
    const char *format;   /* --format */
    const char *gold;     /* --gold */
    const char *data;     /* --data (language data folder) */
    const char *port;     /* --port */
    const char *bind;     /* --bind */
    st_query q;           /* --lang --since --until --story --limit --offset --entity */
    int json;             /* --json */
    int quiet;            /* --quiet */
    int follow;           /* --follow (ingest: fetch each feed item's page) */
    size_t max_bytes;     /* --max-bytes */
    size_t jobs;          /* --jobs, 0 = one per online CPU */
    double near;          /* --near (dedup threshold), 0 = default */
    double rewrite;       /* --rewrite, 0 = default */
    const char *stream;    /* --stream (worker) */
    const char *group;     /* --group (worker) */
    const char *consumer;  /* --consumer (worker) */
    const char *to_stream; /* --to-stream (ingest) */
    const char *every;     /* --every SECONDS (ingest: poll the inputs) */
    char **args;          /* positional arguments */
    int nargs;
} cli_opts;

/* A command: name, one-line summary, usage text, the options it takes (a
 * space-separated list of long names), and its function. */
typedef struct cli_cmd {
    const char *name;
    const char *summary;
    const char *usage;
    const char *options;
    int (*run)(cli_opts *o);
} cli_cmd;

/* Parses argv (after the command name). Returns CLI_OK, CLI_USAGE (message
 * printed), or -1 when --help was asked (usage printed). */
int cli_parse(const cli_cmd *cmd, int argc, char **argv, cli_opts *o);
void cli_usage(const cli_cmd *cmd, FILE *f);

/* Opens the database named by the options; prints the error and returns
 * NULL on failure. */
st_db *cli_open_db(const cli_opts *o);
/* Analysis threads: --jobs, else one per online CPU (at most 8: past that
 * the one storing thread is the limit). */
size_t cli_jobs(const cli_opts *o);
/* Maps a library code to an exit code. */
int cli_exit_code(int st_code);

/* Stopping a long-running command cleanly: between cli_catch_stop and
 * cli_release_stop, SIGINT and SIGTERM set cli_stop to the signal's number
 * instead of ending the process, and the command checks it. `restart` asks
 * for SA_RESTART (interrupted reads and writes resume; sleeps never do). */
extern volatile sig_atomic_t cli_stop;
typedef struct cli_saved_signals {
    struct sigaction intr, term;
} cli_saved_signals;
/* Clears cli_stop and installs the handler; the previous ones go to *saved. */
void cli_catch_stop(int restart, cli_saved_signals *saved);
/* Puts back the handlers cli_catch_stop found. */
void cli_release_stop(const cli_saved_signals *saved);

/* Prints a JSON document (as returned by the st_db_*_json queries) either
 * raw (--json) or through render(); frees doc. Returns an exit code. */
int cli_emit(const cli_opts *o, char *doc, void (*render)(json_t *root));

/* Runs one listing query (it takes no positional arguments) on the database
 * named by the options and prints it: the body of most read commands. */
int cli_run_query(cli_opts *o, int (*q)(st_db *, const st_query *, char **),
                  void (*render)(json_t *));

/* Small renderers' helpers. */
const char *cli_str(json_t *obj, const char *key); /* "" for null/missing */
long long cli_int(json_t *obj, const char *key);
/* Prints prefix, then a JSON array of strings as "a, b, c" (up to max
 * items); prints nothing at all when the array holds no non-empty string. */
void cli_print_list(const char *prefix, json_t *arr, size_t max);

#define CLI_HAVE_STREAM_OPTS 1
extern const cli_cmd cli_cmd_worker, cli_cmd_publish;
/* Publishes the positional paths (from args[first]) to the stream at url. */
int cli_publish(cli_opts *o, const char *url, int first);

extern const cli_cmd cli_cmd_ingest, cli_cmd_articles, cli_cmd_show, cli_cmd_search,
    cli_cmd_stories, cli_cmd_dups, cli_cmd_recluster, cli_cmd_eval, cli_cmd_events,
    cli_cmd_export, cli_cmd_eval_events, cli_cmd_entities, cli_cmd_quotes, cli_cmd_claims,
    cli_cmd_conflicts, cli_cmd_serve;

#endif
