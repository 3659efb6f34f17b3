/* params.c — the defaults of params.h (tuned on gold/dev.jsonl; see docs/clustering.md). */
#include "cluster/params.h"

#include "storytrack.h"

void st_cluster_params_default(st_cluster_params *p)
{
    p->w_terms = 0.60;
    p->w_names = 0.25;
    p->w_title = 0.15;
    p->event_threshold = 0.30;
    p->crosslingual_scale = 1.0;
    p->event_grace_days = 1.5;
    p->event_tau_days = 2.0;
    p->event_window_days = 10.0;
    p->story_w_terms = 0.35;
    p->story_w_names = 0.65;
    p->story_threshold = 0.15;
    p->story_tau_days = 240.0;
    p->story_window_days = 400.0;
    p->story_recheck = 4;
    p->concept_weight = 1.5;
    p->term_concept_weight = 0.8;
    p->name_weight = 1.0;
    p->title_boost = 1.0;
    p->query_terms = 12;
    p->centroid_terms = 250;
    p->centroid_names = 120;
    p->story_terms = 150;
    p->story_names = 80;
    p->max_candidates = 64;
    p->candidate_share_pct = 30;
    p->min_idle_articles = 5000;
    p->live_articles = 200000;
    p->keep_past_labels = 0;
}

void st_cluster_params_from_config(st_cluster_params *p, const st_config *c)
{
    st_cluster_params_default(p);
    if (!c) return;
    if (c->event_threshold != 0) p->event_threshold = c->event_threshold;
    if (c->story_threshold != 0) p->story_threshold = c->story_threshold;
    if (c->event_window_days != 0) p->event_window_days = c->event_window_days;
    if (c->story_window_days != 0) p->story_window_days = c->story_window_days;
}
