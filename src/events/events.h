/* events.h — CAMEO event coding (who did what to whom) from raw sentences.
 * Private to the library.
 *
 * Resources are PETRARCH-format dictionaries (verbs with patterns, actors,
 * agents) plus the CAMEO codebook, loaded once into an immutable st_cameo.
 * The coder is a shallow one: it finds actor and agent phrases, verb phrases
 * and their patterns in the token stream of one sentence, and takes the
 * nearest actor before the verb as source and the first one after as target
 * (swapped for passives). It does not need a parse, so it works the same for
 * English and Indonesian. */
#ifndef ST_EVENTS_H
#define ST_EVENTS_H

#include <stddef.h>
#include <stdint.h>

#include "storytrack.h"
#include "text/text.h"

typedef struct st_cameo st_cameo;

/* Dictionary files to load; NULL-terminated lists of paths. Verb files named
 * *.id.txt are taken as written (no English inflections generated). */
typedef struct st_cameo_files {
    const char *const *verbs;
    const char *const *actors;
    const char *const *agents;
    const char *codes; /* codebook TSV: code, root, description, goldstein */
} st_cameo_files;

int st_cameo_load(const st_cameo_files *f, st_cameo **out, char *err, size_t errlen);
/* The shipped dictionaries of data_dir/cameo (NULL = ST_DATA_DIR or $STORYTRACK_DATA). */
int st_cameo_load_default(const char *data_dir, st_cameo **out, char *err, size_t errlen);
void st_cameo_free(st_cameo *c);

/* Codebook: 1 and fills goldstein/quad when the code (or its root) is known. */
int st_cameo_code_info(const st_cameo *c, const char *code, double *goldstein, int *quad,
                       const char **label);
/* QuadClass of a root ("01".."20"): 1 verbal coop, 2 material coop, 3 verbal
 * conflict, 4 material conflict; 0 when not a root. */
int st_cameo_quad_of_root(int root);

/* One coded event. Offsets are relative to the sentence given to the coder.
 * Strings are owned by the event list. */
typedef struct st_cameo_event {
    char source[32], target[32]; /* actor codes; "---" prefix for unknown country */
    char code[8];
    char *source_name, *target_name, *place;
    char *verb; /* the verb phrase as written */
    size_t verb_off, verb_len;
    int negated;  /* "did not", "tidak", "belum": kept, flagged */
    int reported; /* inside reported speech ("X said that ...") */
    double goldstein;
    int quad;
} st_cameo_event;

typedef struct st_cameo_events {
    st_cameo_event *v;
    size_t n, cap;
} st_cameo_events;

void st_cameo_events_free(st_cameo_events *ev);

/* Codes one sentence s[0..n) and appends its events to *ev. date is
 * YYYYMMDD (0 = unknown) and picks dated actor codes. */
int st_cameo_code_sentence(const st_cameo *c, const char *s, size_t n, int date,
                           st_cameo_events *ev);

/* The events of every sentence of one article: ev[i] for doc->sents[i]. */
typedef struct st_coded_article {
    st_cameo_events *ev;
    size_t n;
} st_coded_article;

/* Codes every sentence of doc (a may be NULL: no date). Touches no store, so
 * the pipeline runs it on its analysis threads. Free with
 * st_coded_article_free (accepts a zeroed one). */
int st_events_code(const st_cameo *c, const st_article *a, const st_doc *doc,
                   st_coded_article *out);
void st_coded_article_free(st_coded_article *ca);
/* Stores what st_events_code found for article_id, replacing earlier events. */
int st_events_store_coded(st_db *db, int64_t article_id, const st_article *a, const st_doc *doc,
                          const st_coded_article *ca, char *err, size_t errlen);
/* Both: codes and stores. */
int st_events_article(const st_cameo *c, st_db *db, int64_t article_id, const st_article *a,
                      const st_doc *doc, char *err, size_t errlen);

#endif
