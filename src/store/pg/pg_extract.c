/* pg_extract.c — the PostgreSQL twins of extract_store.c and events_store.c. */
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/pg/pg.h"
#include "util/util.h"

/* The text parameters of one row and the copies they own: extractions come
 * from the article's text, which the library API may pass unrepaired. */
typedef struct row_text {
    st_pg_params p;
    char *own[ST_PG_MAXPARAMS * 2];
    int n;
    int rc;
} row_text;

static void text(row_text *t, const char *s)
{
    char *copy = NULL;
    if (t->rc == ST_OK)
        t->rc = st_pg_text_utf8(&t->p, s, &copy);
    else
        st_pg_text(&t->p, NULL);
    t->own[t->n++] = copy;
}

/* text[a, b) as a parameter, as SQLite binds a span; empty_null: an empty
 * span is NULL rather than ''. */
static void span(row_text *t, const char *text_, size_t a, size_t b, int empty_null)
{
    if (empty_null && b <= a) {
        st_pg_text(&t->p, NULL);
        return;
    }
    char *s = t->rc == ST_OK ? st_strndup(text_ + a, b > a ? b - a : 0) : NULL;
    if (!s && t->rc == ST_OK)
        t->rc = ST_ENOMEM;
    t->own[t->n++] = s;
    text(t, s);
}

/* Runs the row's statement (unless building it failed) and frees the copies. */
static int run_row(st_db *db, const char *sql, row_text *t)
{
    int rc = t->rc == ST_OK ? st_pg_exec(db, sql, &t->p) : t->rc;
    for (int i = 0; i < t->n; i++)
        free(t->own[i]);
    return rc;
}

/* The four deletes in one round trip: every data-modifying WITH runs. */
static int clear_article(st_db *db, int64_t id)
{
    st_pg_params p = {0};
    st_pg_int(&p, id);
    return st_pg_exec(db,
                      "WITH m AS (DELETE FROM mentions WHERE article_id = $1),"
                      " q AS (DELETE FROM quotes WHERE article_id = $1),"
                      " c AS (DELETE FROM claims WHERE article_id = $1)"
                      " DELETE FROM dates WHERE article_id = $1",
                      &p);
}

/* The id of the first row of sql (0 when none, -1 on failure); frees t's
 * copies. Entity rows are shared by every writer of the store: with
 * several (db->shared_writers) they go through the autocommit side
 * connection, so no batch holds them locked (pg.h, st_pg_run_side). */
static int64_t row_id(st_db *db, const char *sql, row_text *t)
{
    int64_t id = -1;
    if (t->rc == ST_OK) {
        PGresult *res = db->shared_writers ? st_pg_run_side(db, sql, &t->p)
                                           : st_pg_run(db, sql, &t->p);
        if (res)
            id = PQntuples(res) ? st_pg_value_int64(res, 0, 0) : 0;
        PQclear(res);
    }
    for (int i = 0; i < t->n; i++)
        free(t->own[i]);
    return id;
}

/* The row id of an entity: by concept id first, then by (type, name). */
static int64_t entity_id(st_db *db, const st_ex_entity *e)
{
    row_text t = {0};
    text(&t, e->concept);
    text(&t, e->type);
    text(&t, e->name);
    int64_t id = row_id(db,
                        "SELECT id FROM entities WHERE ($1::text IS NOT NULL AND concept = $1)"
                        " OR (type = $2 AND name = $3)"
                        " ORDER BY concept IS DISTINCT FROM $1 LIMIT 1",
                        &t);
    if (id)
        return id;
    /* (type, name) is unique: a second concept with the same display name
     * shares the first one's row rather than failing the article */
    row_text u = {0};
    text(&u, e->name);
    text(&u, e->type);
    text(&u, e->concept);
    id = row_id(db,
                "INSERT INTO entities(name, type, concept) VALUES ($1, $2, $3)"
                " ON CONFLICT(type, name) DO NOTHING RETURNING id",
                &u);
    if (id)
        return id;
    /* a concurrent writer took the name: its row, seen by a new statement */
    row_text k = {0};
    text(&k, e->type);
    text(&k, e->name);
    id = row_id(db, "SELECT id FROM entities WHERE type = $1 AND name = $2", &k);
    return id ? id : -1;
}

static int put_entities(st_db *db, int64_t article, const char *text_, const char *lang,
                        const st_ex_result *r, int64_t *ids)
{
    int rc = ST_OK;
    for (size_t i = 0; i < r->nentities && rc == ST_OK; i++) {
        ids[i] = entity_id(db, &r->entities[i]);
        if (ids[i] < 0)
            rc = ST_EDB;
        for (size_t k = 0; rc == ST_OK && k < r->entities[i].naliases; k++) {
            row_text t = {0};
            st_pg_int(&t.p, ids[i]);
            text(&t, r->entities[i].aliases[k]);
            text(&t, lang);
            rc = row_id(db,
                        "INSERT INTO entity_aliases(entity_id, alias, lang) VALUES ($1,$2,$3)"
                        " ON CONFLICT DO NOTHING",
                        &t) < 0 ? ST_EDB : ST_OK;
        }
    }
    for (size_t i = 0; i < r->nmentions && rc == ST_OK; i++) {
        const st_ex_mention *m = &r->mentions[i];
        row_text t = {0};
        st_pg_int(&t.p, article);
        st_pg_int(&t.p, ids[m->entity]);
        st_pg_int(&t.p, (int64_t)m->start);
        st_pg_int(&t.p, (int64_t)m->end);
        span(&t, text_, m->start, m->end, 0);
        rc = run_row(db,
                     "INSERT INTO mentions(article_id, entity_id, start, \"end\", text)"
                     " VALUES ($1,$2,$3,$4,$5)",
                     &t);
    }
    return rc;
}

static int put_quotes(st_db *db, int64_t article, const char *text_, const st_ex_result *r,
                      const int64_t *ids)
{
    int rc = ST_OK;
    for (size_t i = 0; i < r->nquotes && rc == ST_OK; i++) {
        const st_ex_quote *q = &r->quotes[i];
        row_text t = {0};
        st_pg_int(&t.p, article);
        st_pg_int(&t.p, (int64_t)q->start);
        st_pg_int(&t.p, (int64_t)q->end);
        text(&t, q->text);
        text(&t, q->speaker);
        if (q->speaker_entity >= 0)
            st_pg_int(&t.p, ids[q->speaker_entity]);
        else
            st_pg_text(&t.p, NULL);
        text(&t, q->verb);
        span(&t, text_, q->sent_start, q->sent_end, 1);
        rc = run_row(db,
                     "INSERT INTO quotes(article_id, start, \"end\", text, speaker,"
                     " speaker_entity, verb, sentence) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)",
                     &t);
    }
    return rc;
}

static int put_claims(st_db *db, int64_t article, const char *text_, const st_ex_result *r)
{
    int rc = ST_OK;
    for (size_t i = 0; i < r->nclaims && rc == ST_OK; i++) {
        const st_ex_claim *c = &r->claims[i];
        row_text t = {0};
        st_pg_int(&t.p, article);
        st_pg_int(&t.p, (int64_t)c->start);
        st_pg_int(&t.p, (int64_t)c->end);
        st_pg_double(&t.p, c->value);
        text(&t, c->value_text);
        text(&t, c->unit);
        text(&t, c->qualifier);
        text(&t, c->subject);
        text(&t, c->attribution);
        span(&t, text_, c->sent_start, c->sent_end, 1);
        text(&t, c->date);
        rc = run_row(db,
                     "INSERT INTO claims(article_id, start, \"end\", value, value_text, unit,"
                     " qualifier, subject, attribution, sentence, date)"
                     " VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)",
                     &t);
    }
    return rc;
}

static int put_dates(st_db *db, int64_t article, const st_ex_result *r)
{
    int rc = ST_OK;
    for (size_t i = 0; i < r->ndates && rc == ST_OK; i++) {
        row_text t = {0};
        st_pg_int(&t.p, article);
        st_pg_int(&t.p, (int64_t)r->dates[i].start);
        st_pg_int(&t.p, (int64_t)r->dates[i].end);
        text(&t, r->dates[i].text);
        text(&t, r->dates[i].resolved);
        rc = run_row(db,
                     "INSERT INTO dates(article_id, start, \"end\", text, resolved)"
                     " VALUES ($1,$2,$3,$4,$5)",
                     &t);
    }
    return rc;
}

int st_pg_extract_store(st_db *db, int64_t article_id, const char *text_, const char *lang,
                        const st_ex_result *r, char *err, size_t errlen)
{
    int64_t *ids = calloc(r->nentities + 1, sizeof *ids);
    if (!ids)
        return st_seterr(err, errlen, ST_ENOMEM, "out of memory");
    int rc = clear_article(db, article_id);
    if (rc == ST_OK)
        rc = put_entities(db, article_id, text_, lang, r, ids);
    if (rc == ST_OK)
        rc = put_quotes(db, article_id, text_, r, ids);
    if (rc == ST_OK)
        rc = put_claims(db, article_id, text_, r);
    if (rc == ST_OK)
        rc = put_dates(db, article_id, r);
    free(ids);
    if (rc == ST_ENOMEM)
        return st_seterr(err, errlen, rc, "out of memory");
    if (rc != ST_OK)
        return st_seterr(err, errlen, ST_EDB, "storing extractions: %s",
                         PQerrorMessage(db->pg));
    return ST_OK;
}

int st_pg_events_store_clear(st_db *db, int64_t article_id)
{
    st_pg_params p = {0};
    st_pg_int(&p, article_id);
    return st_pg_exec(db, "DELETE FROM cameo_events WHERE article_id = $1", &p) == ST_OK
               ? ST_OK
               : ST_EDB;
}

int st_pg_events_store_put(st_db *db, const st_cameo_row *r)
{
    row_text t = {0};
    st_pg_int(&t.p, r->article_id);
    st_pg_int(&t.p, r->sent_start);
    st_pg_int(&t.p, r->sent_end);
    text(&t, r->date);
    text(&t, r->source_actor);
    text(&t, r->source_name);
    text(&t, r->code);
    text(&t, r->target_actor);
    text(&t, r->target_name);
    text(&t, r->place);
    st_pg_double(&t.p, r->goldstein);
    st_pg_int(&t.p, r->quad_class);
    st_pg_int(&t.p, r->negated);
    text(&t, r->text);
    int rc = run_row(db,
                     "INSERT INTO cameo_events(article_id, sent_start, sent_end, date,"
                     " source_actor, source_name, code, target_actor, target_name, place,"
                     " goldstein, quad_class, negated, text)"
                     " VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)",
                     &t);
    return rc == ST_OK || rc == ST_ENOMEM ? rc : ST_EDB;
}
