/* events_store.h — writes of CAMEO events (cameo_events table). Private. */
#ifndef ST_STORE_EVENTS_STORE_H
#define ST_STORE_EVENTS_STORE_H

#include <stdint.h>

#include "storytrack.h"

/* One coded event as stored; all strings borrowed, any may be NULL except code. */
typedef struct st_cameo_row {
    int64_t article_id;
    int64_t sent_start, sent_end; /* byte offsets in title + "\n\n" + body */
    const char *date;             /* the article's published time, or NULL */
    const char *source_actor, *source_name;
    const char *code;
    const char *target_actor, *target_name;
    const char *place;
    double goldstein;
    int quad_class;
    int negated;
    const char *text; /* the sentence */
} st_cameo_row;

/* Deletes the events of an article (before it is coded again). */
int st_events_store_clear(st_db *db, int64_t article_id);
int st_events_store_put(st_db *db, const st_cameo_row *r);

#endif
