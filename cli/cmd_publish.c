/* cmd_publish.c — storytrack publish (and ingest --to-stream): parse inputs
 * and append each article to a stream instead of storing it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void on_diag(const char *where, int severity, const char *msg, void *ud)
{
    size_t *errors = ud;
    if (severity == ST_OK) {
        fprintf(stderr, "%s: warning: %s\n", where, msg);
    } else {
        fprintf(stderr, "%s: %s\n", where, msg);
        (*errors)++;
    }
}

/* Publishes the paths o->args[first..] to the stream at url; the body of
 * `publish` and of `ingest --to-stream`. Returns an exit code. */
int cli_publish(cli_opts *o, const char *url, int first)
{
    if (first >= o->nargs) {
        fprintf(stderr, "storytrack: nothing to publish: give PATH... or -\n");
        return CLI_USAGE;
    }
    size_t errors = 0, total = 0;
    st_ingest_opts io = {.max_article_bytes = o->max_bytes, .on_diag = on_diag, .ud = &errors,
                         .follow_links = o->follow};
    if (o->format && st_format_parse(o->format, &io.format) != ST_OK) {
        fprintf(stderr, "storytrack: unknown format '%s' (auto, text, jsonl, html, feed)\n",
                o->format);
        return CLI_USAGE;
    }
    for (int i = first; i < o->nargs; i++) {
        char err[512] = "";
        size_t n = 0, before = errors;
        int rc = st_stream_publish_path(url, o->args[i], &io, &n, NULL, err, sizeof err);
        total += n;
        if (rc == ST_EIO && n == 0 && strstr(err, "cannot read")) {
            if (errors == before) /* the reader did not say why */
                fprintf(stderr, "%s: cannot read\n", o->args[i]);
            errors = before + 1;
        } else if (rc != ST_OK) {
            fprintf(stderr, "storytrack: %s\n", err);
            printf("published %zu, errors %zu\n", total, errors);
            return rc == ST_EUSAGE ? CLI_USAGE : CLI_INTERNAL;
        }
    }
    printf("published %zu, errors %zu\n", total, errors);
    return errors ? CLI_USAGE : CLI_OK;
}

static int run_publish(cli_opts *o)
{
    if (o->nargs < 2) {
        fprintf(stderr, "usage: storytrack publish [options] STREAM-URL PATH...|-\n");
        return CLI_USAGE;
    }
    return cli_publish(o, o->args[0], 1);
}

const cli_cmd cli_cmd_publish = {
    "publish", "append articles from files to a stream (redis://HOST:PORT/STREAM) for workers",
    "[options] STREAM-URL PATH...|-", "--format --max-bytes", run_publish};
