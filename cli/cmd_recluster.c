/* cmd_recluster.c — storytrack recluster: rebuild clusters from stored articles. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

static int run_recluster(cli_opts *o)
{
    if (o->nargs) {
        fprintf(stderr, "storytrack recluster: takes no arguments (see --help)\n");
        return CLI_USAGE;
    }
    st_db *db = cli_open_db(o);
    if (!db)
        return CLI_INTERNAL;
    st_config cfg;
    st_config_default(&cfg);
    if (o->near)
        cfg.near_threshold = o->near;
    if (o->rewrite)
        cfg.rewrite_threshold = o->rewrite;
    cfg.jobs = cli_jobs(o);
    char err[512] = "";
    int rc = st_recluster(db, &cfg, o->data, err, sizeof err);
    if (rc != ST_OK) {
        fprintf(stderr, "storytrack recluster: %s\n", *err ? err : st_strerror(rc));
        st_db_close(db);
        return CLI_INTERNAL;
    }
    char *doc = NULL;
    if (st_db_stories_json(db, NULL, &doc) == ST_OK) {
        json_t *j = json_loads(doc, 0, NULL);
        printf("reclustered: %zu stories\n", json_array_size(j));
        json_decref(j);
    }
    free(doc);
    st_db_close(db);
    return CLI_OK;
}

const cli_cmd cli_cmd_recluster = {
    "recluster", "rebuild duplicates, events, stories and extractions from stored articles",
    "[options]", "--db --near --rewrite --jobs --data", run_recluster};
