/* extract.h — entities, quotes, numeric claims and dates found in one
 * analysed article. Private to the library; the pipeline calls
 * st_extract_article once per stored article.
 *
 * Everything language-specific lives in data files loaded once by
 * st_extract_load (see data/lang/README.md and data/gazetteer/README.md):
 * adding a language is adding a data/lang/<code>/ folder.
 *
 * Offsets are byte offsets into the analysed text (title + "\n\n" + body),
 * the same text st_doc.text holds. */
#ifndef ST_EXTRACT_H
#define ST_EXTRACT_H

#include <stddef.h>
#include <stdint.h>

#include "storytrack.h"
#include "text/text.h"

typedef struct st_extract st_extract; /* loaded resources; immutable once loaded */

/* Loads gazetteers (the .tsv files of data/gazetteer, then of data/aliases for concept
 * ids) and every data/lang/<code>/ folder from data_dir (NULL =
 * $STORYTRACK_DATA or ST_DATA_DIR). Free with st_extract_free. */
int st_extract_load(const char *data_dir, st_extract **out, char *err, size_t errlen);
void st_extract_free(st_extract *ex);

/* ------------------------------------------------------------ results */

typedef struct st_ex_entity {
    char *name;     /* canonical name ("William Burns") */
    char *type;     /* "person", "org", "place", "misc" */
    char *concept;  /* gazetteer/concept id ("BURNS") or NULL */
    char *role;     /* title seen before the name ("CIA Director") or NULL */
    char **aliases; /* surface forms seen, distinct */
    size_t naliases;
    size_t nmentions;
    int in_title;   /* mentioned in the headline */
} st_ex_entity;

typedef struct st_ex_mention {
    size_t start, end; /* byte span of the surface text */
    size_t entity;     /* index into entities */
} st_ex_mention;

typedef struct st_ex_quote {
    size_t start, end;      /* the quoted words, without the marks */
    char *text;
    char *speaker;          /* entity name or described source, NULL when unknown */
    long speaker_entity;    /* index into entities, or -1 */
    char *verb;             /* the verb of saying used, or NULL */
    size_t sent_start, sent_end; /* the sentence holding the quote */
} st_ex_quote;

typedef struct st_ex_claim {
    size_t start, end;      /* qualifier + number + unit */
    double value;
    char *value_text;       /* the number as written ("43,000", "2,3 juta") */
    char *unit;             /* canonical: "killed", "injured", "hostages", "percent"... */
    char *qualifier;        /* canonical: "more than", "at least", "about", "nearly", "up to" */
    char *subject;          /* counted thing as written ("Palestinians"), or NULL */
    char *attribution;      /* "local health authorities", or NULL */
    size_t sent_start, sent_end;
    char *date;             /* resolved date of the sentence, else the publish day */
} st_ex_claim;

typedef struct st_ex_date {
    size_t start, end;
    char *text;
    char *resolved;         /* "2023-10-07", "2024-10" (a month), "2024"; NULL unresolved */
    int dateline;           /* a full date right after the weekday it fell on ("Tuesday,
                               22 August 2023"), as datelines give the reported day */
} st_ex_date;

typedef struct st_ex_result {
    char lang[8];           /* the language whose data was used */
    st_ex_entity *entities;
    size_t nentities;
    st_ex_mention *mentions;
    size_t nmentions;
    st_ex_quote *quotes;
    size_t nquotes;
    st_ex_claim *claims;
    size_t nclaims;
    st_ex_date *dates;
    size_t ndates;
} st_ex_result;

/* What the extractor reads of an article; all borrowed. */
typedef struct st_ex_input {
    const char *text;        /* title + "\n\n" + body (or body alone with title_len 0) */
    size_t len, title_len;
    const char *lang;        /* ISO 639-1; NULL, unknown or dates-only = "en" data, but
                                dates with the language's own dates.tsv when it has one */
    const char *published;   /* ISO date/time or NULL */
    const st_span *sents;    /* sentences of text */
    size_t nsents;
} st_ex_input;

/* The first dateline date of r (st_ex_date.dateline) that starts before
 * lede_end, in out; 0 when there is none (then out is ""). A lede's later
 * dates may be plans ("с 1 января 2024 года станут"), its dateline is not. */
int st_ex_dateline_day(const st_ex_result *r, size_t lede_end, char out[11]);

/* Runs every extractor on one text. *out is malloc'd: free with
 * st_ex_result_free. */
int st_extract_run(const st_extract *ex, const st_ex_input *in, st_ex_result **out);
void st_ex_result_free(st_ex_result *r);

/* The pipeline's stage: extracts from the analysed article and stores the
 * results (entities, aliases, mentions, quotes, claims, dates) for
 * article_id, replacing earlier ones. The caller holds the transaction. */
int st_extract_article(const st_extract *ex, st_db *db, int64_t article_id,
                       const st_article *a, const st_doc *doc, char *err, size_t errlen);

#endif
