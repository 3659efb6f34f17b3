/* store_check.h — checks on a stored database that work on both engines. */
#ifndef ST_STORE_CHECK_H
#define ST_STORE_CHECK_H

#include "storytrack.h"

/* The count sql answers (its one parameter written $1, which SQLite reads
 * as a named parameter bound at index 1); -1 on failure. */
int th_count_where(st_db *db, const char *sql, const char *arg);
/* CHECKs the engine's own consistency check: SQLite's integrity_check, or
 * PostgreSQL's amcheck over every B-tree index of articles. */
void th_check_integrity(st_db *db);

#endif
