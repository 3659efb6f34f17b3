/* main.c — the storytrack command line: a table of commands. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const cli_cmd *const commands[] = {
    &cli_cmd_ingest,  &cli_cmd_articles,  &cli_cmd_show, &cli_cmd_search,
    &cli_cmd_stories, &cli_cmd_dups,      &cli_cmd_recluster, &cli_cmd_eval,
    &cli_cmd_entities, &cli_cmd_quotes,    &cli_cmd_claims, &cli_cmd_conflicts,
    &cli_cmd_serve,   &cli_cmd_worker,    &cli_cmd_publish,
    &cli_cmd_events,  &cli_cmd_export,    &cli_cmd_eval_events,
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *f)
{
    fprintf(f, "usage: storytrack COMMAND [options] [args]\n\ncommands:\n");
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(f, "  %-10s %s\n", commands[i]->name, commands[i]->summary);
    fprintf(f, "\n'storytrack COMMAND --help' for a command's options; --version.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return CLI_USAGE;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("storytrack %s (schema %d)\n", ST_VERSION, st_db_schema_version());
        return CLI_OK;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return CLI_OK;
    }
    for (size_t i = 0; i < NCOMMANDS; i++) {
        if (strcmp(argv[1], commands[i]->name) != 0)
            continue;
        cli_opts o;
        int rc = cli_parse(commands[i], argc - 2, argv + 2, &o);
        if (rc == CLI_OK)
            rc = commands[i]->run(&o);
        else if (rc < 0)
            rc = CLI_OK; /* --help */
        free(o.args);
        return rc;
    }
    fprintf(stderr, "storytrack: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return CLI_USAGE;
}
