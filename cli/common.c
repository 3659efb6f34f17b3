/* common.c — option parsing, database opening and JSON output for commands. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

void cli_usage(const cli_cmd *cmd, FILE *f)
{
    fprintf(f, "usage: storytrack %s %s\n\n%s\n", cmd->name, cmd->usage, cmd->summary);
    if (cmd->options && *cmd->options)
        fprintf(f, "\noptions: %s --help\n", cmd->options);
    fprintf(f, "\nThe database is --db FILE (SQLite) or --db postgresql://USER@HOST:PORT/DB,\n"
               "else $STORYTRACK_DB, else ./storytrack.db.\n");
}

static int allowed(const cli_cmd *cmd, const char *opt)
{
    size_t n = strlen(opt);
    for (const char *p = cmd->options; p && (p = strstr(p, opt)); p += n)
        if ((p == cmd->options || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
            return 1;
    return 0;
}

static int parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *end || s[0] == '-')
        return -1;
    *out = (size_t)v;
    return 0;
}

static int parse_double(const char *s, double *out)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end || v < 0 || v > 1)
        return -1;
    *out = v;
    return 0;
}

/* Options that take a value, and where it goes. */
static int set_value(cli_opts *o, const char *name, const char *v)
{
    size_t z;
    if (!strcmp(name, "--db")) o->db = v;
    else if (!strcmp(name, "--format")) o->format = v;
    else if (!strcmp(name, "--gold")) o->gold = v;
    else if (!strcmp(name, "--data")) o->data = v;
    else if (!strcmp(name, "--port")) o->port = v;
    else if (!strcmp(name, "--bind")) o->bind = v;
    else if (!strcmp(name, "--lang")) o->q.language = v;
    else if (!strcmp(name, "--since")) o->q.since = v;
    else if (!strcmp(name, "--until")) o->q.until = v;
    else if (!strcmp(name, "--entity")) o->q.entity = v;
    else if (!strcmp(name, "--stream")) o->stream = v;
    else if (!strcmp(name, "--group")) o->group = v;
    else if (!strcmp(name, "--consumer")) o->consumer = v;
    else if (!strcmp(name, "--to-stream")) o->to_stream = v;
    else if (!strcmp(name, "--every")) o->every = v;
    else if (!strcmp(name, "--near")) return parse_double(v, &o->near);
    else if (!strcmp(name, "--rewrite")) return parse_double(v, &o->rewrite);
    else if (!strcmp(name, "--story")) {
        if (parse_size(v, &z) || z == 0) return -1;
        o->q.story = (int64_t)z;
    } else if (!strcmp(name, "--limit")) return parse_size(v, &o->q.limit);
    else if (!strcmp(name, "--offset")) return parse_size(v, &o->q.offset);
    else if (!strcmp(name, "--max-bytes")) return parse_size(v, &o->max_bytes);
    else if (!strcmp(name, "--jobs")) return parse_size(v, &o->jobs) || o->jobs == 0 || o->jobs > 64 ? -1 : 0;
    else return 1; /* not a value option */
    return 0;
}

int cli_parse(const cli_cmd *cmd, int argc, char **argv, cli_opts *o)
{
    memset(o, 0, sizeof *o);
    o->args = calloc((size_t)argc + 1, sizeof *o->args);
    if (!o->args)
        return CLI_INTERNAL;
    int only_args = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (only_args || a[0] != '-' || !strcmp(a, "-")) {
            o->args[o->nargs++] = argv[i];
            continue;
        }
        if (!strcmp(a, "--")) {
            only_args = 1;
            continue;
        }
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            cli_usage(cmd, stdout);
            return -1;
        }
        if (!allowed(cmd, a)) {
            fprintf(stderr, "storytrack %s: unknown option %s (see --help)\n", cmd->name, a);
            return CLI_USAGE;
        }
        if (!strcmp(a, "--json")) { o->json = 1; continue; }
        if (!strcmp(a, "--quiet")) { o->quiet = 1; continue; }
        if (!strcmp(a, "--follow")) { o->follow = 1; continue; }
        if (i + 1 >= argc) {
            fprintf(stderr, "storytrack %s: %s needs a value\n", cmd->name, a);
            return CLI_USAGE;
        }
        if (set_value(o, a, argv[++i]) != 0) {
            fprintf(stderr, "storytrack %s: bad value for %s: '%s'\n", cmd->name, a, argv[i]);
            return CLI_USAGE;
        }
    }
    if (!o->db)
        o->db = getenv("STORYTRACK_DB");
    if (!o->db || !*o->db)
        o->db = "storytrack.db";
    return CLI_OK;
}

size_t cli_jobs(const cli_opts *o)
{
    if (o->jobs)
        return o->jobs;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 8 ? 8 : (size_t)n;
}

st_db *cli_open_db(const cli_opts *o)
{
    st_db *db = NULL;
    char err[512];
    int rc = st_db_open(o->db, &db, err, sizeof err);
    if (rc != ST_OK) {
        fprintf(stderr, "storytrack: %s\n", err);
        return NULL;
    }
    return db;
}

int cli_exit_code(int st_code)
{
    switch (st_code) {
    case ST_OK: return CLI_OK;
    case ST_EINPUT: case ST_EUSAGE: case ST_ENOTFOUND: case ST_ELIMIT: case ST_EIO:
        return CLI_USAGE;
    default: return CLI_INTERNAL;
    }
}

volatile sig_atomic_t cli_stop;

static void on_stop_signal(int sig)
{
    cli_stop = sig;
}

void cli_catch_stop(int restart, cli_saved_signals *saved)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;
    sa.sa_flags = restart ? SA_RESTART : 0;
    sigemptyset(&sa.sa_mask);
    cli_stop = 0;
    sigaction(SIGINT, &sa, &saved->intr);
    sigaction(SIGTERM, &sa, &saved->term);
}

void cli_release_stop(const cli_saved_signals *saved)
{
    sigaction(SIGINT, &saved->intr, NULL);
    sigaction(SIGTERM, &saved->term, NULL);
}

int cli_emit(const cli_opts *o, char *doc, void (*render)(json_t *root))
{
    if (o->json || !render) {
        fputs(doc, stdout);
        fputc('\n', stdout);
        free(doc);
        return CLI_OK;
    }
    json_error_t jerr;
    json_t *root = json_loads(doc, 0, &jerr);
    free(doc);
    if (!root) {
        fprintf(stderr, "storytrack: internal: bad JSON from query: %s\n", jerr.text);
        return CLI_INTERNAL;
    }
    render(root);
    json_decref(root);
    return CLI_OK;
}

const char *cli_str(json_t *obj, const char *key)
{
    const char *s = json_string_value(json_object_get(obj, key));
    return s ? s : "";
}

long long cli_int(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    return json_is_integer(v) ? (long long)json_integer_value(v) : 0;
}

void cli_print_list(const char *prefix, json_t *arr, size_t max)
{
    size_t i, shown = 0;
    json_t *v;
    json_array_foreach(arr, i, v) {
        const char *s = json_string_value(v);
        if (!s || !*s)
            continue;
        if (shown == max) {
            printf(", …");
            break;
        }
        printf("%s%s", shown ? ", " : prefix, s);
        shown++;
    }
}

int cli_run_query(cli_opts *o, int (*q)(st_db *, const st_query *, char **),
                  void (*render)(json_t *))
{
    if (o->nargs && !o->q.text) {
        fprintf(stderr, "storytrack: this command takes no arguments (see --help)\n");
        return CLI_USAGE;
    }
    st_db *db = cli_open_db(o);
    if (!db)
        return CLI_INTERNAL;
    char *doc = NULL;
    int rc = q(db, &o->q, &doc);
    st_db_close(db);
    if (rc == ST_EUSAGE) {
        fprintf(stderr, "storytrack: bad query '%s' (FTS5 syntax: words, \"phrases\", AND, OR, NOT)\n",
                o->q.text ? o->q.text : "");
        return CLI_USAGE;
    }
    if (rc != ST_OK) {
        fprintf(stderr, "storytrack: query failed: %s\n", st_strerror(rc));
        return cli_exit_code(rc);
    }
    return cli_emit(o, doc, render);
}
