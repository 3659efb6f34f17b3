/* params.h — every knob of the clusterer, in one place.
 *
 * Defaults (st_cluster_params_default) were tuned on the gold dev split with
 * bench/tune.c; docs/clustering.md gives the figures. Scores are in [0,1]:
 *
 *   event score = (w_terms * cos(terms) + w_names * cos(names) + w_title * cos(title))
 *                 * decay(days between the article and the event, grace, tau)
 *     (when the event has no article in the article's language:
 *      crosslingual_scale * cos(names) * decay; when it has articles in that
 *      language and in others: the better of the two)
 *   story score = (story_w_terms * cos(terms) + story_w_names * cos(names))
 *                 * decay(days between the event and the story, 0, story_tau)
 *     (when the story has no article in the event's languages:
 *      crosslingual_scale * cos(names) * decay, as for events)
 *
 * "terms" are TF-IDF weights of stemmed content terms; "names" are concepts
 * (data/aliases) and capitalised words inside sentences, IDF weighted too, so
 * they link articles across languages; "title" holds the terms and concepts
 * of the headline. decay(d) = 1 for d <= grace, else exp(-(d - grace) / tau);
 * articles or clusters without a date are not decayed. */
#ifndef ST_CLUSTER_PARAMS_H
#define ST_CLUSTER_PARAMS_H

#include <stddef.h>

typedef struct st_cluster_params {
    /* event scoring */
    double w_terms, w_names, w_title;
    double event_threshold;    /* join the best event at or above this, else open one */
    double crosslingual_scale; /* an event with no article in the article's language is
                                  scored by this * cos(names) alone: its stems cannot match
                                  (a mixed-language event: the better of both scores) */
    double event_grace_days;   /* no decay within this distance of the event's days */
    double event_tau_days;     /* decay constant beyond the grace */
    double event_window_days;  /* events idle longer than this leave the index */
    /* story linking */
    double story_w_terms, story_w_names;
    double story_threshold;
    double story_tau_days;
    double story_window_days;  /* stories idle longer than this leave the index */
    int story_recheck;         /* a young event alone in its story looks for a story again
                                  at 2, 4, 8... articles, up to story_recheck articles */
    /* features */
    double concept_weight;     /* places, organisations, people from the alias tables */
    double term_concept_weight;/* common news terms from the alias tables (ceasefire...) */
    double name_weight;        /* capitalised words inside sentences */
    double title_boost;        /* extra weight of a term that is also in the headline */
    int query_terms;           /* top terms of an article used to find candidate events */
    int centroid_terms;        /* terms kept per event centroid */
    int centroid_names;        /* names kept per event centroid */
    int story_terms, story_names; /* kept per story centroid */
    int max_candidates;        /* events scored per article (most shared keys first) */
    int candidate_share_pct;   /* ...and only those sharing at least this % of the keys the
                                  best-sharing candidate shares */
    size_t min_idle_articles;  /* a dated event leaves the index only when it is older than
                                  its window AND untouched by this many articles, so input
                                  that is not in date order (shuffles) is not cut up */
    size_t live_articles;      /* undated events idle for this many articles leave */
    int keep_past_labels;      /* 1: an event or story that leaves the index keeps its label
                                  and lists in memory for st_clusterer_*_info. 0 (default):
                                  the store keeps them (the pipeline writes them at every
                                  assignment) and memory follows the live window: after
                                  1M generated articles they held 22 of 41 MB */
} st_cluster_params;

/* Fills p with the documented defaults. */
void st_cluster_params_default(st_cluster_params *p);

struct st_config;
/* Fills p with the defaults, then takes from c (may be NULL) each of
 * event_threshold, story_threshold, event_window_days, story_window_days
 * that is non-zero (0 means "the default"). Negative values are taken as
 * given: a caller that wants to refuse them checks before. */
void st_cluster_params_from_config(st_cluster_params *p, const struct st_config *c);

#endif
