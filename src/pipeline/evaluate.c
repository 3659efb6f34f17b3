/* evaluate.c — the stored clustering against gold labels (storytrack eval). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/eval.h"
#include "store/store.h"
#include "util/util.h"

typedef struct gold_set {
    int64_t *gold_ev, *gold_st, *pred_ev, *pred_st;
    char (*lang)[8];
    size_t n, cap, missing;
} gold_set;

static void gold_free(gold_set *g)
{
    free(g->gold_ev);
    free(g->gold_st);
    free(g->pred_ev);
    free(g->pred_st);
    free(g->lang);
}

/* The five arrays share g->cap: each grows from it to the same new capacity,
 * and g->cap moves only once all have (one left larger on failure is harmless). */
static int grow(gold_set *g)
{
    void *arrs[] = {&g->gold_ev, &g->gold_st, &g->pred_ev, &g->pred_st, &g->lang};
    size_t elem[] = {sizeof *g->gold_ev, sizeof *g->gold_st, sizeof *g->pred_ev,
                     sizeof *g->pred_st, sizeof *g->lang};
    size_t cap = g->cap;
    for (size_t i = 0; i < 5; i++) {
        cap = g->cap;
        if (st_grow(arrs[i], &cap, g->n + 1, elem[i], 256) != ST_OK)
            return ST_ENOMEM;
    }
    g->cap = cap;
    return ST_OK;
}

/* Gold labels are strings; equal strings are one cluster. */
static int64_t label_id(const char *s) { return (int64_t)(st_hash64(s, strlen(s)) >> 1); }

static int read_gold(st_db *db, const char *path, gold_set *g, char *err, size_t errlen)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return st_seterr(err, errlen, ST_EIO, "%s: cannot open", path);
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t len;
    int rc = ST_OK;
    while (rc == ST_OK && (len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        if (len <= 1)
            continue;
        json_error_t je;
        json_t *o = json_loadb(line, (size_t)len, 0, &je);
        const char *id = json_string_value(json_object_get(o, "id"));
        const char *ev = json_string_value(json_object_get(o, "event"));
        const char *st = json_string_value(json_object_get(o, "story"));
        if (!id || !ev || !st) {
            rc = st_seterr(err, errlen, ST_EINPUT, "%s:%zu: need string fields id, event, story",
                           path, lineno);
        } else if ((rc = grow(g)) == ST_OK) {
            int found = st_store_article_labels(db, id, &g->pred_ev[g->n], &g->pred_st[g->n],
                                                g->lang[g->n]);
            if (found == ST_OK) {
                g->gold_ev[g->n] = label_id(ev);
                g->gold_st[g->n] = label_id(st);
                g->n++;
            } else if (found == ST_ENOTFOUND) {
                g->missing++;
            } else {
                rc = found;
            }
        }
        json_decref(o);
    }
    free(line);
    fclose(f);
    return rc;
}

static json_t *score_json(const int64_t *gold, const int64_t *pred, size_t n)
{
    st_eval e;
    if (st_eval_labels(gold, pred, n, &e) != ST_OK)
        return NULL;
    return json_pack("{s:f,s:f,s:f,s:f,s:f,s:f,s:I,s:I}", "bcubed_p", e.bc_p, "bcubed_r",
                     e.bc_r, "bcubed_f1", e.bc_f1, "pairwise_p", e.pw_p, "pairwise_r", e.pw_r,
                     "pairwise_f1", e.pw_f1, "gold_clusters", (json_int_t)e.gold_clusters,
                     "predicted_clusters", (json_int_t)e.pred_clusters);
}

/* Scores of the items of one language, gathered into scratch arrays. */
static json_t *language_json(const gold_set *g, const char *lang, int64_t *tmp)
{
    size_t m = 0;
    int64_t *ge = tmp, *pe = tmp + g->n, *gs = tmp + 2 * g->n, *ps = tmp + 3 * g->n;
    for (size_t i = 0; i < g->n; i++) {
        if (strcmp(g->lang[i], lang) != 0)
            continue;
        ge[m] = g->gold_ev[i];
        pe[m] = g->pred_ev[i];
        gs[m] = g->gold_st[i];
        ps[m] = g->pred_st[i];
        m++;
    }
    return json_pack("{s:I,s:o,s:o}", "n", (json_int_t)m, "events", score_json(ge, pe, m),
                     "stories", score_json(gs, ps, m));
}

int st_eval_gold(st_db *db, const char *gold_path, char **json_out, char *err, size_t errlen)
{
    *json_out = NULL;
    gold_set g = {0};
    int rc = read_gold(db, gold_path, &g, err, errlen);
    int64_t *tmp = rc == ST_OK ? malloc((4 * g.n + 1) * sizeof *tmp) : NULL;
    if (rc == ST_OK && !tmp)
        rc = ST_ENOMEM;
    if (rc == ST_OK) {
        json_t *langs = json_object();
        for (size_t i = 0; i < g.n; i++)
            if (!json_object_get(langs, g.lang[i]))
                json_object_set_new(langs, g.lang[i], language_json(&g, g.lang[i], tmp));
        json_t *doc = json_pack("{s:I,s:I,s:o,s:o,s:o}", "matched", (json_int_t)g.n, "missing",
                                (json_int_t)g.missing, "events",
                                score_json(g.gold_ev, g.pred_ev, g.n), "stories",
                                score_json(g.gold_st, g.pred_st, g.n), "languages", langs);
        *json_out = doc ? json_dumps(doc, JSON_SORT_KEYS | JSON_REAL_PRECISION(4)) : NULL;
        json_decref(doc);
        if (!*json_out)
            rc = ST_ENOMEM;
    }
    free(tmp);
    gold_free(&g);
    return rc;
}
