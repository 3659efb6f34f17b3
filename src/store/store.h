/* store.h — what the pipeline and the analysis stages write through. Private.
 * Writes happen inside st_store_begin/st_store_commit; the pipeline groups
 * articles into batches so that a crash loses at most the open batch. */
#ifndef ST_STORE_H
#define ST_STORE_H

#include <stdint.h>

#include "storytrack.h"

int st_store_begin(st_db *db);
/* Declares that other processes write this store at the same time (stream
 * workers): rows all of them share are then written outside the batch's
 * transaction, committed at once (PostgreSQL; SQLite has one writer anyway).
 * Not for a recluster, which deletes those rows inside its transaction. */
void st_store_set_shared_writers(st_db *db, int on);
/* Whether the last failure was a conflict with another writer that a retry
 * of the whole transaction resolves (PostgreSQL deadlock or serialization
 * failure); the transaction is then aborted and must be rolled back. */
int st_store_transient(st_db *db);
int st_store_commit(st_db *db);
int st_store_rollback(st_db *db);

/* The id of a stored article with this URL, external id or content hash
 * (any may be NULL), or 0 when there is none; negative on failure. */
int64_t st_store_find_article(st_db *db, const char *url, const char *ext_id,
                              const char *content_hash);

/* What the pipeline knows about an article when it stores it; all borrowed. */
typedef struct st_article_row {
    const st_article *a;
    const char *language; /* detected */
    double lang_conf;
    const char *content_hash;
    const void *minhash;
    size_t minhash_len;
    uint64_t simhash;
    const void *dedup; /* the dedup index entry blob */
    size_t dedup_len;
} st_article_row;

int st_store_insert_article(st_db *db, const st_article_row *r, int64_t *id);
int st_store_set_cluster(st_db *db, int64_t article, int64_t event, int64_t story,
                         int first_story);
int st_store_put_dup(st_db *db, int64_t a, int64_t b, const char *kind, double jaccard,
                     double containment, int simhash_dist);

/* Events and stories as the clusterer labels them; JSON texts are arrays. */
typedef struct st_cluster_row {
    int64_t id;
    int64_t story_id;       /* events only */
    const char *label;
    const char *terms_json; /* ["term", ...] */
    const char *entities_json;
} st_cluster_row;

int st_store_put_event(st_db *db, const st_cluster_row *r);
int st_store_put_story(st_db *db, const st_cluster_row *r);
/* Moves every article of an event to story (the clusterer moved the event). */
int st_store_move_event(st_db *db, int64_t event, int64_t story);

/* Deletes every derived row (duplicates, clusters, extractions, events) and
 * clears the assignments, keeping the articles: the start of a recluster. */
int st_store_clear_derived(st_db *db);

/* Calls fn for each stored article in publish order (undated last, then by
 * id) with its event and story (0 when unassigned): `a` is borrowed for the
 * call. With newest > 0 only the last `newest` articles of that order are
 * visited. Returns ST_OK or fn's non-zero value. */
typedef int (*st_stored_fn)(int64_t id, const st_article *a, int64_t event, int64_t story,
                            void *ud);
int st_store_each_article(st_db *db, size_t newest, st_stored_fn fn, void *ud);

/* Calls fn for each stored article's dedup blob, in id order; with newest > 0
 * only for the `newest` highest ids. */
typedef int (*st_blob_fn)(int64_t id, const void *blob, size_t n, void *ud);
int st_store_each_dedup(st_db *db, size_t newest, st_blob_fn fn, void *ud);

/* The event, story and detected language of the article whose external id
 * or URL is `key`. ST_ENOTFOUND when there is none. */
int st_store_article_labels(st_db *db, const char *key, int64_t *event, int64_t *story,
                            char lang[8]);

/* Linking across processes (src/pipeline/link.c). Several workers may store
 * into one store; the stateful stages (duplicates and clusters, whose ids and
 * windows live in memory) then run in one process at a time, the holder of
 * the store's linker lock, over the articles the others stored unlinked.
 * The lock is a PostgreSQL session advisory lock, or an flock on
 * "<path>-linker" beside a SQLite file: either is released when the holder's
 * process ends, however it ends. *held is 1 when this handle holds it. */
int st_store_linker_lock(st_db *db, int *held);

/* Calls fn for up to max stored articles without an event, in id order (the
 * order they were committed in). The rows are read before the first call, so
 * fn may write. `a` is borrowed for the call. */
typedef int (*st_unlinked_fn)(int64_t id, const st_article *a, void *ud);
int st_store_each_unlinked(st_db *db, size_t max, st_unlinked_fn fn, void *ud);

/* 1 when some stored article has no event yet, 0 when none, negative on
 * failure. A read: fine on a read-only connection. */
int st_store_any_unlinked(st_db *db);

/* The largest event and story ids stored (0 when none): new ids must start
 * above them even when the clusterer's restore window missed an old one. */
int st_store_max_cluster_ids(st_db *db, int64_t *event, int64_t *story);

/* Count of stored articles, or negative on failure. */
int64_t st_store_count_articles(st_db *db);

#endif
