/* cluster.h — online clustering of analysed articles into events and stories.
 *
 * An event is one happening reported by several outlets within a day or two; a
 * story links events over weeks or months. Articles arrive one at a time
 * (st_clusterer_add) and are assigned at once: single pass, deterministic for
 * a given input order. Features and scores are described in params.h and in
 * docs/clustering.md. Only events seen within the live window are candidates
 * (an inverted index over their top keys), so memory follows the window.
 *
 * An event keeps its id for ever. A young event that opened its own story
 * may later move into an older story (params: story_recheck); callers that
 * store event -> story links read them back with st_clusterer_event_story or
 * the listing functions after adding articles.
 *
 * Not thread-safe: one clusterer per stream. */
#ifndef ST_CLUSTER_H
#define ST_CLUSTER_H

#include <stddef.h>
#include <stdint.h>

#include "cluster/params.h"
#include "text/concepts.h"
#include "text/text.h"

typedef struct st_clusterer st_clusterer;

typedef struct st_assignment {
    int64_t event_id, story_id;
    int new_event, new_story; /* 1 when this article opened them */
    double score;             /* score of the joined event (0 for a new one) */
    double story_score;       /* score of the best story considered, joined or not */
    int64_t best_story_id;    /* that story (0 when there was no candidate): diagnostics */
} st_assignment;

/* p: NULL = st_cluster_params_default. cs: concept tables, borrowed (must
 * outlive the clusterer), may be NULL (no cross-language concepts then).
 * Free with st_clusterer_free. */
int st_clusterer_new(const st_cluster_params *p, const st_concepts *cs, st_clusterer **out);
void st_clusterer_free(st_clusterer *c);

/* Assigns one article. article_id is the caller's id (kept for nothing but
 * messages); doc is borrowed for the call; published is ISO 8601 or NULL (no
 * time decay then); source (may be NULL) is not used yet. */
int st_clusterer_add(st_clusterer *c, int64_t article_id, const st_doc *doc,
                     const char *published, const char *source, st_assignment *out);

/* The clustering work on an article that reads no clusterer state (terms,
 * headline terms, concepts and names found in the text): callers that
 * analyse articles on several threads run it there, then add the prepared
 * article on the clusterer's thread. st_clusterer_prepare only reads c's
 * parameters and concept tables, which never change, so it may run while
 * another thread adds articles. doc is borrowed and must outlive *out.
 * Free with st_clprep_free (accepts NULL). */
typedef struct st_clprep st_clprep;
int st_clusterer_prepare(const st_clusterer *c, const st_doc *doc, st_clprep **out);
void st_clprep_free(st_clprep *pr);
/* st_clusterer_add for a prepared article (pr's doc); pr is used up: free
 * it afterwards. */
int st_clusterer_add_prepared(st_clusterer *c, int64_t article_id, st_clprep *pr,
                              const char *published, const char *source, st_assignment *out);

/* Rebuilds state: adds the article to event_id in story_id (both > 0),
 * creating them when unknown, without scoring. New ids continue after the
 * largest restored one. Replay in publish (or original) order; an event
 * that already left the window comes back into it. A known event keeps
 * its current story (story_id is then ignored). */
int st_clusterer_restore(st_clusterer *c, int64_t article_id, const st_doc *doc,
                         const char *published, int64_t event_id, int64_t story_id);

/* New event ids start above max_event, new story ids above max_story (the
 * largest ids a store holds, restored window or not). */
void st_clusterer_reserve_ids(st_clusterer *c, int64_t max_event, int64_t max_story);

/* Current story of an event, or 0 when unknown. */
int64_t st_clusterer_event_story(const st_clusterer *c, int64_t event_id);

/* Listing, for storage and display. Index i in [0, count). */
#define ST_CLUSTER_TOP 8   /* terms and entities listed per event or story */
#define ST_CLUSTER_WORD 64 /* bytes per listed word, NUL included */
typedef struct st_cluster_info {
    int64_t id;
    int64_t story_id;   /* for events; the id itself for stories */
    size_t n_articles;
    size_t n_events;    /* stories only */
    double first_days, last_days; /* days since 1970 (st_date_days); -1e9 when undated */
    int live;           /* still in the in-memory index; when 0, label and lists are
                           empty unless params.keep_past_labels (the store has them) */
    char label[160];    /* "Name, Name, Name — term, term": the strongest names
                           (concepts, names as written) and terms shown as the word
                           their stem was most often written as; no term repeats a name */
    /* The same kinds of words, more of them, strongest first (centroid weight):
       terms as in the label (no term repeats an entity's word or an earlier
       term; stems no word was learnt for are left out), entities by display
       name. Entries are never empty; a name too long for a slot is left out. */
    char terms[ST_CLUSTER_TOP][ST_CLUSTER_WORD];
    char entities[ST_CLUSTER_TOP][ST_CLUSTER_WORD];
    size_t nterms, nentities;
} st_cluster_info;

size_t st_clusterer_nevents(const st_clusterer *c);
size_t st_clusterer_nstories(const st_clusterer *c);
/* Events and stories in creation order; ST_ENOTFOUND for a bad index. */
int st_clusterer_event_info(const st_clusterer *c, size_t i, st_cluster_info *out);
int st_clusterer_story_info(const st_clusterer *c, size_t i, st_cluster_info *out);
/* Stories no longer used because their only event moved are reported with
 * n_events == 0. */
/* The same by id, in O(1) (a hash map): ST_ENOTFOUND for an unknown id. */
int st_clusterer_event_info_by_id(const st_clusterer *c, int64_t id, st_cluster_info *out);
int st_clusterer_story_info_by_id(const st_clusterer *c, int64_t id, st_cluster_info *out);

/* Articles currently in live events (for memory figures). */
size_t st_clusterer_live_articles(const st_clusterer *c);

#endif
