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

/* Runs the row's statement (unless building it failed) and frees the copies. */
static int run_row(st_db *db, const char *sql, row_text *t)
{
    int rc = t->rc == ST_OK ? st_pg_exec(db, sql, &t->p) : t->rc;
    for (int i = 0; i < t->n; i++)
        free(t->own[i]);
    return rc;
}

/* Runs sql where the store's shared rows (entities, aliases) live (see row_id). */
static PGresult *run_shared(st_db *db, const char *sql, const st_pg_params *p)
{
    return db->shared_writers ? st_pg_run_side(db, sql, p) : st_pg_run(db, sql, p);
}

/* The id of the first row of sql (0 when none, -1 on failure); frees t's
 * copies. Entity rows are shared by every writer of the store: with
 * several (db->shared_writers) they go through the autocommit side
 * connection, so no batch holds them locked (pg.h, st_pg_run_side). */
static int64_t row_id(st_db *db, const char *sql, row_text *t)
{
    int64_t id = -1;
    if (t->rc == ST_OK) {
        PGresult *res = run_shared(db, sql, &t->p);
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

/* A table's rows of one article, sent column by column: each column is one
 * array parameter (a PostgreSQL array literal), so a table costs one round
 * trip per article instead of one per row. Values go in row by row
 * (batch_row, then one put per column); rc is sticky. */
#define BATCH_COLS 10

typedef struct batch {
    st_buf col[BATCH_COLS];
    int ncols, at, rc;
} batch;

static void batch_row(batch *b) { b->at = 0; }

/* The column the next value goes to, its element separator written. */
static st_buf *next_col(batch *b)
{
    st_buf *c = &b->col[b->at++ % BATCH_COLS];
    if (b->at > b->ncols)
        b->ncols = b->at;
    st_buf_putc(c, c->len ? ',' : '{');
    return c;
}

/* s[0, n) as a quoted element (NULL s = NULL). Text that is not UTF-8 is
 * repaired, as st_pg_text_utf8 does for a single parameter. */
static void put_bytes(batch *b, const char *s, size_t n)
{
    st_buf *c = next_col(b);
    if (!s) {
        st_buf_puts(c, "NULL");
        return;
    }
    const char *nul = memchr(s, '\0', n); /* a C string's span ends there */
    if (nul)
        n = (size_t)(nul - s);
    size_t fixes;
    char *copy = st_utf8_valid(s, n) ? NULL : st_utf8_repair(s, n, &fixes);
    if (copy) {
        s = copy;
        n = strlen(copy);
    } else if (!st_utf8_valid(s, n)) {
        b->rc = ST_ENOMEM;
    }
    st_buf_putc(c, '"');
    for (size_t i = 0; i < n && b->rc == ST_OK; i++) {
        if (s[i] == '"' || s[i] == '\\')
            st_buf_putc(c, '\\');
        st_buf_putc(c, s[i]);
    }
    st_buf_putc(c, '"');
    free(copy);
}

static void put_str(batch *b, const char *s) { put_bytes(b, s, s ? strlen(s) : 0); }

static void put_int(batch *b, int64_t v) { st_buf_printf(next_col(b), "%lld", (long long)v); }

/* %.17g as st_pg_double: the value round-trips exactly. */
static void put_double(batch *b, double v) { st_buf_printf(next_col(b), "\"%.17g\"", v); }

/* text[a, z) as SQLite binds a span; empty_null: an empty span is NULL. */
static void put_span(batch *b, const char *text_, size_t a, size_t z, int empty_null)
{
    if (empty_null && z <= a)
        put_bytes(b, NULL, 0);
    else
        put_bytes(b, text_ + a, z > a ? z - a : 0);
}

/* Appends b's columns to p as parameters ({} for no rows). The literals
 * stay in b until batch_free. */
static int batch_params(batch *b, int ncols, st_pg_params *p)
{
    for (int i = 0; i < ncols; i++) {
        st_buf_puts(&b->col[i], b->col[i].len ? "}" : "{}");
        if (b->col[i].oom)
            b->rc = ST_ENOMEM;
        st_pg_text(p, st_buf_cstr(&b->col[i]));
    }
    return b->rc;
}

static void batch_free(batch *b)
{
    for (int i = 0; i < BATCH_COLS; i++)
        st_buf_free(&b->col[i]);
}

/* Every entity looked up as entity_id looks it up, in one statement, 0 for
 * a miss; when none misses, the aliases go in with it ($4 entity number
 * from 1, $5 alias). Aliases in key order: two writers never wait on each
 * other's alias rows in opposite orders. */
#define LOOKUP_ENTITIES                                                                      \
    "WITH u AS (SELECT i, (SELECT id FROM entities WHERE (c IS NOT NULL AND concept = c)"    \
    " OR (type = t AND name = n) ORDER BY concept IS DISTINCT FROM c LIMIT 1) AS id"         \
    " FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS x(c, t, n, i)),"    \
    " a AS (INSERT INTO entity_aliases(entity_id, alias, lang)"                              \
    " SELECT u.id, y.al, $6::text FROM unnest($4::bigint[], $5::text[]) AS y(k, al)"         \
    " JOIN u ON u.i = y.k WHERE NOT EXISTS (SELECT 1 FROM u WHERE id IS NULL)"               \
    " ORDER BY u.id, y.al ON CONFLICT DO NOTHING)"                                           \
    " SELECT coalesce(id, 0) FROM u ORDER BY i"

#define PUT_ALIASES                                                                          \
    "INSERT INTO entity_aliases(entity_id, alias, lang)"                                     \
    " SELECT e, al, $3::text FROM unnest($1::bigint[], $2::text[]) AS y(e, al)"              \
    " ORDER BY e, al ON CONFLICT DO NOTHING"

/* The aliases of every entity: keyed by entity number (ids NULL) or by id. */
static void alias_rows(batch *b, const st_ex_result *r, const int64_t *ids)
{
    for (size_t i = 0; i < r->nentities; i++)
        for (size_t k = 0; k < r->entities[i].naliases; k++) {
            batch_row(b);
            put_int(b, ids ? ids[i] : (int64_t)i + 1);
            put_str(b, r->entities[i].aliases[k]);
        }
}

/* ids[i] from the batch lookup; the index of the first miss (nentities
 * when none), or -1 on failure. */
static long lookup_entities(st_db *db, const st_ex_result *r, const char *lang, int64_t *ids)
{
    batch e = {0}, a = {0};
    for (size_t i = 0; i < r->nentities; i++) {
        batch_row(&e);
        put_str(&e, r->entities[i].concept);
        put_str(&e, r->entities[i].type);
        put_str(&e, r->entities[i].name);
    }
    alias_rows(&a, r, NULL);
    st_pg_params p = {0};
    char *copy = NULL;
    long miss = -1;
    PGresult *res = NULL;
    if (batch_params(&e, 3, &p) == ST_OK && batch_params(&a, 2, &p) == ST_OK &&
        st_pg_text_utf8(&p, lang, &copy) == ST_OK &&
        (res = run_shared(db, LOOKUP_ENTITIES, &p)) && (size_t)PQntuples(res) == r->nentities) {
        for (miss = 0; (size_t)miss < r->nentities; miss++)
            if (!(ids[miss] = st_pg_value_int64(res, (int)miss, 0)))
                break;
        for (size_t i = (size_t)miss; i < r->nentities; i++)
            ids[i] = st_pg_value_int64(res, (int)i, 0);
    }
    PQclear(res);
    free(copy);
    batch_free(&e);
    batch_free(&a);
    return miss;
}

/* A miss is inserted, and can change what a later entity of the article
 * resolves to: from the first miss on, one at a time as before, then every
 * alias in one statement. */
static int put_entities(st_db *db, const char *lang, const st_ex_result *r, int64_t *ids)
{
    if (!r->nentities)
        return ST_OK;
    long miss = lookup_entities(db, r, lang, ids);
    if (miss < 0)
        return ST_EDB;
    if ((size_t)miss == r->nentities)
        return ST_OK;
    for (size_t i = (size_t)miss; i < r->nentities; i++)
        if ((ids[i] = entity_id(db, &r->entities[i])) < 0)
            return ST_EDB;
    batch a = {0};
    alias_rows(&a, r, ids);
    st_pg_params p = {0};
    char *copy = NULL;
    int rc = batch_params(&a, 2, &p);
    if (rc == ST_OK)
        rc = st_pg_text_utf8(&p, lang, &copy);
    PGresult *res = rc == ST_OK ? run_shared(db, PUT_ALIASES, &p) : NULL;
    if (rc == ST_OK && !res)
        rc = ST_EDB;
    PQclear(res);
    free(copy);
    batch_free(&a);
    return rc;
}

/* The article's old rows go and its mentions and quotes come in one
 * statement: every data-modifying WITH runs, and the deletes do not see the
 * inserts (one snapshot). Quote ids follow the extraction's order, as
 * SQLite numbers them. */
#define PUT_MENTIONS_QUOTES                                                                   \
    "WITH m0 AS (DELETE FROM mentions WHERE article_id = $1),"                                \
    " q0 AS (DELETE FROM quotes WHERE article_id = $1),"                                      \
    " c0 AS (DELETE FROM claims WHERE article_id = $1),"                                      \
    " d0 AS (DELETE FROM dates WHERE article_id = $1),"                                       \
    " m AS (INSERT INTO mentions(article_id, entity_id, start, \"end\", text)"                \
    " SELECT $1, e, s, z, t FROM unnest($2::bigint[], $3::int[], $4::int[], $5::text[])"     \
    " WITH ORDINALITY AS x(e, s, z, t, i) ORDER BY i)"                                        \
    " INSERT INTO quotes(article_id, start, \"end\", text, speaker, speaker_entity, verb,"    \
    " sentence) SELECT $1, s, z, t, sp, se, v, st FROM unnest($6::int[], $7::int[],"         \
    " $8::text[], $9::text[], $10::bigint[], $11::text[], $12::text[])"                       \
    " WITH ORDINALITY AS x(s, z, t, sp, se, v, st, i) ORDER BY i"

#define PUT_CLAIMS_DATES                                                                      \
    "WITH d AS (INSERT INTO dates(article_id, start, \"end\", text, resolved)"                \
    " SELECT $1, s, z, t, r FROM unnest($2::int[], $3::int[], $4::text[], $5::text[])"       \
    " WITH ORDINALITY AS x(s, z, t, r, i) ORDER BY i)"                                        \
    " INSERT INTO claims(article_id, start, \"end\", value, value_text, unit, qualifier,"     \
    " subject, attribution, sentence, date) SELECT $1, s, z, v, vt, u, q, su, a, st, dt"     \
    " FROM unnest($6::int[], $7::int[], $8::float8[], $9::text[], $10::text[], $11::text[]," \
    " $12::text[], $13::text[], $14::text[], $15::text[])"                                    \
    " WITH ORDINALITY AS x(s, z, v, vt, u, q, su, a, st, dt, i) ORDER BY i"

static void mention_rows(batch *b, const char *text_, const st_ex_result *r, const int64_t *ids)
{
    for (size_t i = 0; i < r->nmentions; i++) {
        const st_ex_mention *m = &r->mentions[i];
        batch_row(b);
        put_int(b, ids[m->entity]);
        put_int(b, (int64_t)m->start);
        put_int(b, (int64_t)m->end);
        put_span(b, text_, m->start, m->end, 0);
    }
}

static void quote_rows(batch *b, const char *text_, const st_ex_result *r, const int64_t *ids)
{
    for (size_t i = 0; i < r->nquotes; i++) {
        const st_ex_quote *q = &r->quotes[i];
        batch_row(b);
        put_int(b, (int64_t)q->start);
        put_int(b, (int64_t)q->end);
        put_str(b, q->text);
        put_str(b, q->speaker);
        if (q->speaker_entity >= 0)
            put_int(b, ids[q->speaker_entity]);
        else
            put_str(b, NULL);
        put_str(b, q->verb);
        put_span(b, text_, q->sent_start, q->sent_end, 1);
    }
}

static void date_rows(batch *b, const st_ex_result *r)
{
    for (size_t i = 0; i < r->ndates; i++) {
        batch_row(b);
        put_int(b, (int64_t)r->dates[i].start);
        put_int(b, (int64_t)r->dates[i].end);
        put_str(b, r->dates[i].text);
        put_str(b, r->dates[i].resolved);
    }
}

static void claim_rows(batch *b, const char *text_, const st_ex_result *r)
{
    for (size_t i = 0; i < r->nclaims; i++) {
        const st_ex_claim *c = &r->claims[i];
        batch_row(b);
        put_int(b, (int64_t)c->start);
        put_int(b, (int64_t)c->end);
        put_double(b, c->value);
        put_str(b, c->value_text);
        put_str(b, c->unit);
        put_str(b, c->qualifier);
        put_str(b, c->subject);
        put_str(b, c->attribution);
        put_span(b, text_, c->sent_start, c->sent_end, 1);
        put_str(b, c->date);
    }
}

/* Runs sql with $1 the article and then the columns of two batches. */
static int put_batches(st_db *db, const char *sql, int64_t article, batch *x, int nx, batch *y,
                       int ny)
{
    st_pg_params p = {0};
    st_pg_int(&p, article);
    int rc = batch_params(x, nx, &p);
    if (rc == ST_OK)
        rc = batch_params(y, ny, &p);
    if (rc == ST_OK)
        rc = st_pg_exec(db, sql, &p);
    batch_free(x);
    batch_free(y);
    return rc;
}

static int put_rows(st_db *db, int64_t article, const char *text_, const st_ex_result *r,
                    const int64_t *ids)
{
    batch m = {0}, q = {0}, d = {0}, c = {0};
    mention_rows(&m, text_, r, ids);
    quote_rows(&q, text_, r, ids);
    date_rows(&d, r);
    claim_rows(&c, text_, r);
    int rc = put_batches(db, PUT_MENTIONS_QUOTES, article, &m, 4, &q, 7);
    if (rc == ST_OK && (r->ndates || r->nclaims))
        return put_batches(db, PUT_CLAIMS_DATES, article, &d, 4, &c, 10);
    batch_free(&d);
    batch_free(&c);
    return rc;
}

int st_pg_extract_store(st_db *db, int64_t article_id, const char *text_, const char *lang,
                        const st_ex_result *r, char *err, size_t errlen)
{
    int64_t *ids = calloc(r->nentities + 1, sizeof *ids);
    if (!ids)
        return st_seterr(err, errlen, ST_ENOMEM, "out of memory");
    int rc = put_entities(db, lang, r, ids);
    if (rc == ST_OK)
        rc = put_rows(db, article_id, text_, r, ids);
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
