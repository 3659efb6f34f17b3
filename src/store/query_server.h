/* query_server.h — the read queries the HTTP server and the summariser need
 * beyond the public st_db_*_json ones. Private; only this file's .c speaks SQL.
 * Every *_json function writes one malloc'd JSON document into *out (caller
 * frees with free()) and returns ST_OK, ST_ENOTFOUND or ST_EDB. */
#ifndef ST_QUERY_SERVER_H
#define ST_QUERY_SERVER_H

#include <stdint.h>

#include "storytrack.h"

/* Makes the connection refuse writes (PRAGMA query_only): a reader's bug can
 * then never touch the data the writer owns. */
int st_qs_readonly(st_db *db);

/* {"articles": N, "stories": N, "max_id": N, "last_ingested": "..."}: a
 * cheap fingerprint the page polls to learn that something changed. */
int st_qs_version_json(st_db *db, char **out);
/* A number that changes whenever another connection commits (PRAGMA
 * data_version): a reader's cached answers are good while it stays. */
int st_qs_data_version(st_db *db, int64_t *out);
/* Highest article id (0 when empty). */
int st_qs_max_article_id(st_db *db, int64_t *out);
/* [{"id","ext_id","title","story","event","language"}] of articles with id > after. */
int st_qs_articles_after_json(st_db *db, int64_t after, char **out);
/* The id of the article with this external id or URL (either may be NULL),
 * 0 when none, negative on failure. */
int64_t st_qs_find_article(st_db *db, const char *ext_id, const char *url);

/* The story list of the web page: like st_db_stories_json plus the entity
 * filter (q->entity, a name substring), the text filter on label and terms,
 * "updated" (last ingest time) and "days" ([["YYYY-MM-DD", count], ...]) for
 * the sparkline. */
int st_qs_stories_json(st_db *db, const st_query *q, char **out);

/* {"days": [{"date","count"}], "events": [{"id","label","first","last",
 * "articles","sources","languages","cameo","article_list"}]} in date order. */
int st_qs_timeline_json(st_db *db, int64_t story, char **out);

/* 1 when the story has articles, 0 when not, negative on failure. */
int st_qs_story_exists(st_db *db, int64_t story);

/* {"id","name","type","concept","aliases":[...],"mentions":N,"stories":[...]} */
int st_qs_entity_json(st_db *db, int64_t id, char **out);

/* The text of a story's articles, for summaries. Every string is owned. */
typedef struct st_qs_text {
    int64_t id, event;
    char *title, *body, *language, *published, *source;
} st_qs_text;

/* Articles of a story in publish order; *out is malloc'd: free with
 * st_qs_texts_free. ST_ENOTFOUND when the story has none. */
int st_qs_story_texts(st_db *db, int64_t story, st_qs_text **out, size_t *n);
void st_qs_texts_free(st_qs_text *t, size_t n);

#endif
