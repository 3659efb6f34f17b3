/* cmd_serve.c — storytrack serve: the HTTP API and web page until SIGINT or
 * SIGTERM. The signals are blocked before the server's threads start (they
 * inherit the mask), so only this thread receives them, in sigwait. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int parse_port(const char *s, unsigned *out)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || end == s || *end || v > 65535 || s[0] == '-')
        return -1;
    *out = (unsigned)v;
    return 0;
}

static int run_serve(cli_opts *o)
{
    if (o->nargs) {
        fprintf(stderr, "storytrack serve: takes no arguments (see --help)\n");
        return CLI_USAGE;
    }
    st_server_opts so = {.db_path = o->db, .bind = o->bind, .port = 8080,
                         .data_dir = o->data, .log = !o->quiet};
    if (o->port && parse_port(o->port, &so.port) != 0) {
        fprintf(stderr, "storytrack serve: bad port '%s' (0-65535; 0 picks a free one)\n",
                o->port);
        return CLI_USAGE;
    }
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);
    st_server *srv = NULL;
    char err[512];
    int rc = st_server_start(&so, &srv, err, sizeof err);
    if (rc != ST_OK) {
        fprintf(stderr, "storytrack serve: %s\n", err);
        return cli_exit_code(rc);
    }
    /* The one line on stdout: scripts read the port from it. */
    printf("serving http://%s:%u/ (database %s)\n", so.bind ? so.bind : "127.0.0.1",
           st_server_port(srv), o->db);
    fflush(stdout);
    int sig = 0;
    sigwait(&set, &sig);
    fprintf(stderr, "storytrack serve: %s, stopping\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
    st_server_stop(srv);
    return CLI_OK;
}

const cli_cmd cli_cmd_serve = {
    "serve", "serve the JSON API and the web page (default 127.0.0.1:8080)",
    "[--db FILE] [--port N] [--bind ADDR]", "--db --port --bind --data --quiet", run_serve};
