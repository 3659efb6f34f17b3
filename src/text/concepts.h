/* concepts.h — language-neutral concepts found in text.
 *
 * A concept is a country, city, organisation, person or common news term with
 * one id across languages: "Mesir", "Egypt", "Égypte", "Ägypten", "مصر" all map
 * to EGY; "gencatan senjata", "cease-fire", "Waffenruhe" map to CEASEFIRE. The
 * tables are the .tsv files of data/aliases (see data/aliases/README.md).
 *
 * Matching works on words folded to lower case without accents, split at
 * hyphens, apostrophes and punctuation; the longest phrase wins; cheap
 * inflections (Israels, Israel's, Ägyptens, -nya) fall back to the base form.
 * Short all-capital aliases (US, AS, UN) match only text written in capitals.
 *
 * An st_concepts is immutable after st_concepts_load: share it freely between
 * threads and clusterers. */
#ifndef ST_CONCEPTS_H
#define ST_CONCEPTS_H

#include <stddef.h>
#include <stdint.h>

typedef struct st_concepts st_concepts;

typedef enum st_concept_type {
    ST_CONCEPT_PLACE = 1,
    ST_CONCEPT_ORG,
    ST_CONCEPT_PERSON,
    ST_CONCEPT_TERM,
    ST_CONCEPT_NAME, /* not a concept: a capitalised word inside a sentence (scan flag) */
    ST_CONCEPT_NOTNAME /* capitalised but no name (weekdays, months): the scan passes over
                          it and reports nothing */
} st_concept_type;

/* One hit. `concept` is an index for st_concept_id/name, or -1 for a name. */
typedef struct st_concept_hit {
    size_t off, len;      /* span of the scanned text */
    int32_t concept;
    st_concept_type type;
    const char *folded;   /* folded form of the span; borrowed: valid during the callback */
    size_t folded_len;
} st_concept_hit;

/* Returns non-zero to stop the scan (the value is returned by st_concepts_scan). */
typedef int (*st_concept_fn)(const st_concept_hit *hit, void *ud);

enum {
    ST_SCAN_NAMES = 1 /* also report capitalised words inside sentences as ST_CONCEPT_NAME */
};

/* Loads every *.tsv of `dir` (NULL = <data dir>/aliases, data dir being
 * $STORYTRACK_DATA or ST_DATA_DIR). Free with st_concepts_free. */
int st_concepts_load(const char *dir, st_concepts **out, char *err, size_t errlen);
/* Loads tables from text in memory (same format as the files); for tests. */
int st_concepts_load_text(const char *tsv, st_concepts **out, char *err, size_t errlen);
void st_concepts_free(st_concepts *cs);

size_t st_concepts_count(const st_concepts *cs);
/* Borrowed strings, valid while cs lives; NULL for a bad index. */
const char *st_concept_id(const st_concepts *cs, int32_t concept);
const char *st_concept_name(const st_concepts *cs, int32_t concept);
st_concept_type st_concept_type_of(const st_concepts *cs, int32_t concept);
/* Index of an id ("EGY"), or -1. */
int32_t st_concept_find(const st_concepts *cs, const char *id);

/* Reports every hit in s[0..n), in text order, to fn. Returns ST_OK,
 * ST_ENOMEM, or fn's non-zero value. */
int st_concepts_scan(const st_concepts *cs, const char *s, size_t n, unsigned flags,
                     st_concept_fn fn, void *ud);

#endif
