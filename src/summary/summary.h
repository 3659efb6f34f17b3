/* summary.h — extractive summaries of a cluster of articles (a story or an
 * event). Private to the library.
 *
 * Each sentence becomes a tf-idf vector of content stems; the cluster's
 * centroid is the mean of those vectors; sentences are picked by maximal
 * marginal relevance (MMR): similar to the centroid, unlike the sentences
 * already picked. One summary per language present, the main language (most
 * articles) first, so that a reader gets the story in each language without
 * a translation step. */
#ifndef ST_SUMMARY_H
#define ST_SUMMARY_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "text/text.h"

/* One article of the cluster; all borrowed. Give them in publish order. */
typedef struct st_sum_input {
    int64_t article;
    const char *lang;  /* detected language; NULL = "und" */
    const char *title; /* may be NULL */
    const char *body;
} st_sum_input;

typedef struct st_sum_opts {
    size_t min_sents; /* default 3 */
    size_t max_sents; /* default 5 */
    double lambda;    /* MMR: weight of relevance against redundancy, default 0.7 */
} st_sum_opts;

/* Builds {"main": "en", "languages": [{"lang": "en", "articles": N,
 * "sentences": [{"article": id, "title": "...", "text": "...", "score": x}]}]}
 * with sentences in reading order (article order, then position). `t` is
 * used for stopwords and stems (not thread-safe: one per thread). opts may be
 * NULL. *out is a new reference: caller releases with json_decref. */
int st_summary_build(st_text *t, const st_sum_input *in, size_t n, const st_sum_opts *opts,
                     json_t **out);

#endif
