/* extract_store.c — the SQL side of the extraction stage. */
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/pg/pg.h"
#include "store/extract_store.h"
#include "util/util.h"

static int fail(st_db *db, char *err, size_t errlen, const char *what)
{
    return st_seterr(err, errlen, ST_EDB, "storing %s: %s", what, sqlite3_errmsg(db->conn));
}

/* Runs a prepared statement to completion and resets it for reuse. */
static int step_reset(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? ST_OK : ST_EDB;
}

static int clear_article(st_db *db, int64_t id)
{
    static const char *const sql[] = {
        "DELETE FROM mentions WHERE article_id = ?1", "DELETE FROM quotes WHERE article_id = ?1",
        "DELETE FROM claims WHERE article_id = ?1", "DELETE FROM dates WHERE article_id = ?1"};
    for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
        sqlite3_stmt *st = st_db_prepare(db, sql[i]);
        if (!st)
            return ST_EDB;
        sqlite3_bind_int64(st, 1, id);
        int rc = step_reset(st);
        sqlite3_finalize(st);
        if (rc != ST_OK)
            return rc;
    }
    return ST_OK;
}

/* The row id of an entity: by concept id first, then by (type, name). */
static int64_t entity_id(st_db *db, const st_ex_entity *e)
{
    sqlite3_stmt *st = st_db_prepare(
        db, "SELECT id FROM entities WHERE (?1 IS NOT NULL AND concept = ?1)"
            " OR (type = ?2 AND name = ?3) ORDER BY concept IS NOT ?1 LIMIT 1");
    if (!st)
        return -1;
    st_db_bind_text(st, 1, e->concept);
    st_db_bind_text(st, 2, e->type);
    st_db_bind_text(st, 3, e->name);
    int64_t id = 0;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0);
    else if (rc != SQLITE_DONE)
        id = -1;
    sqlite3_finalize(st);
    if (id)
        return id;
    /* (type, name) is unique: a second concept with the same display name
     * shares the first one's row rather than failing the article */
    st = st_db_prepare(db, "INSERT INTO entities(name, type, concept) VALUES (?1, ?2, ?3)"
                           " ON CONFLICT(type, name) DO NOTHING");
    if (!st)
        return -1;
    st_db_bind_text(st, 1, e->name);
    st_db_bind_text(st, 2, e->type);
    st_db_bind_text(st, 3, e->concept);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return -1;
    if (sqlite3_changes(db->conn) == 1)
        return sqlite3_last_insert_rowid(db->conn);
    st = st_db_prepare(db, "SELECT id FROM entities WHERE type = ?1 AND name = ?2");
    if (!st)
        return -1;
    st_db_bind_text(st, 1, e->type);
    st_db_bind_text(st, 2, e->name);
    id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    return id;
}

static int put_entities(st_db *db, int64_t article, const char *text, const char *lang,
                        const st_ex_result *r, int64_t *ids)
{
    sqlite3_stmt *al = st_db_prepare(
        db, "INSERT OR IGNORE INTO entity_aliases(entity_id, alias, lang) VALUES (?1, ?2, ?3)");
    sqlite3_stmt *mn = st_db_prepare(
        db, "INSERT INTO mentions(article_id, entity_id, start, end, text) VALUES (?1,?2,?3,?4,?5)");
    int rc = al && mn ? ST_OK : ST_EDB;
    for (size_t i = 0; i < r->nentities && rc == ST_OK; i++) {
        ids[i] = entity_id(db, &r->entities[i]);
        if (ids[i] < 0)
            rc = ST_EDB;
        for (size_t k = 0; rc == ST_OK && k < r->entities[i].naliases; k++) {
            sqlite3_bind_int64(al, 1, ids[i]);
            st_db_bind_text(al, 2, r->entities[i].aliases[k]);
            st_db_bind_text(al, 3, lang);
            rc = step_reset(al);
        }
    }
    for (size_t i = 0; i < r->nmentions && rc == ST_OK; i++) {
        const st_ex_mention *m = &r->mentions[i];
        sqlite3_bind_int64(mn, 1, article);
        sqlite3_bind_int64(mn, 2, ids[m->entity]);
        sqlite3_bind_int64(mn, 3, (sqlite3_int64)m->start);
        sqlite3_bind_int64(mn, 4, (sqlite3_int64)m->end);
        sqlite3_bind_text(mn, 5, text + m->start, (int)(m->end - m->start), SQLITE_TRANSIENT);
        rc = step_reset(mn);
    }
    sqlite3_finalize(al);
    sqlite3_finalize(mn);
    return rc;
}

static void bind_span(sqlite3_stmt *st, int i, const char *text, size_t a, size_t b)
{
    if (b > a)
        sqlite3_bind_text(st, i, text + a, (int)(b - a), SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

static int put_quotes(st_db *db, int64_t article, const char *text, const st_ex_result *r,
                      const int64_t *ids)
{
    sqlite3_stmt *st = st_db_prepare(
        db, "INSERT INTO quotes(article_id, start, end, text, speaker, speaker_entity, verb,"
            " sentence) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)");
    int rc = st ? ST_OK : ST_EDB;
    for (size_t i = 0; i < r->nquotes && rc == ST_OK; i++) {
        const st_ex_quote *q = &r->quotes[i];
        sqlite3_bind_int64(st, 1, article);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)q->start);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)q->end);
        st_db_bind_text(st, 4, q->text);
        st_db_bind_text(st, 5, q->speaker);
        if (q->speaker_entity >= 0)
            sqlite3_bind_int64(st, 6, ids[q->speaker_entity]);
        st_db_bind_text(st, 7, q->verb);
        bind_span(st, 8, text, q->sent_start, q->sent_end);
        rc = step_reset(st);
    }
    sqlite3_finalize(st);
    return rc;
}

static int put_claims(st_db *db, int64_t article, const char *text, const st_ex_result *r)
{
    sqlite3_stmt *st = st_db_prepare(
        db, "INSERT INTO claims(article_id, start, end, value, value_text, unit, qualifier,"
            " subject, attribution, sentence, date) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)");
    int rc = st ? ST_OK : ST_EDB;
    for (size_t i = 0; i < r->nclaims && rc == ST_OK; i++) {
        const st_ex_claim *c = &r->claims[i];
        sqlite3_bind_int64(st, 1, article);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)c->start);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)c->end);
        sqlite3_bind_double(st, 4, c->value);
        st_db_bind_text(st, 5, c->value_text);
        st_db_bind_text(st, 6, c->unit);
        st_db_bind_text(st, 7, c->qualifier);
        st_db_bind_text(st, 8, c->subject);
        st_db_bind_text(st, 9, c->attribution);
        bind_span(st, 10, text, c->sent_start, c->sent_end);
        st_db_bind_text(st, 11, c->date);
        rc = step_reset(st);
    }
    sqlite3_finalize(st);
    return rc;
}

static int put_dates(st_db *db, int64_t article, const st_ex_result *r)
{
    sqlite3_stmt *st = st_db_prepare(
        db, "INSERT INTO dates(article_id, start, end, text, resolved) VALUES (?1,?2,?3,?4,?5)");
    int rc = st ? ST_OK : ST_EDB;
    for (size_t i = 0; i < r->ndates && rc == ST_OK; i++) {
        sqlite3_bind_int64(st, 1, article);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)r->dates[i].start);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)r->dates[i].end);
        st_db_bind_text(st, 4, r->dates[i].text);
        st_db_bind_text(st, 5, r->dates[i].resolved);
        rc = step_reset(st);
    }
    sqlite3_finalize(st);
    return rc;
}

int st_extract_store(st_db *db, int64_t article_id, const char *text, const char *lang,
                     const st_ex_result *r, char *err, size_t errlen)
{
    ST_ON_PG(db, st_pg_extract_store(db, article_id, text, lang, r, err, errlen));
    int64_t *ids = calloc(r->nentities + 1, sizeof *ids);
    if (!ids)
        return st_seterr(err, errlen, ST_ENOMEM, "out of memory");
    int rc = clear_article(db, article_id);
    if (rc == ST_OK)
        rc = put_entities(db, article_id, text, lang, r, ids);
    if (rc == ST_OK)
        rc = put_quotes(db, article_id, text, r, ids);
    if (rc == ST_OK)
        rc = put_claims(db, article_id, text, r);
    if (rc == ST_OK)
        rc = put_dates(db, article_id, r);
    free(ids);
    if (rc != ST_OK)
        return fail(db, err, errlen, "extractions");
    return ST_OK;
}
