/* extract_store.h — writes one article's extraction results (src/extract)
 * into entities, entity_aliases, mentions, quotes, claims and dates. Private.
 * Entities are shared across articles: one row per concept id when the
 * gazetteer knows the entity, else per (type, canonical name). */
#ifndef ST_EXTRACT_STORE_H
#define ST_EXTRACT_STORE_H

#include <stdint.h>

#include "extract/extract.h"

/* Replaces the article's mentions, quotes, claims and dates by those of r.
 * `text` is the analysed text the offsets of r point into (for sentences);
 * lang is the article's language (recorded with each alias). All borrowed.
 * The caller holds the write transaction. */
int st_extract_store(st_db *db, int64_t article_id, const char *text, const char *lang,
                     const st_ex_result *r, char *err, size_t errlen);

#endif
