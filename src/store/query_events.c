/* query_events.c — CAMEO events aggregated per story, and the exports
 * (GDELT 2.0 event table, JSON, JSON Lines, CSV). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/pg/pg.h"
#include "util/util.h"

/* One row per story (or per article outside stories) and (source, code,
 * target); negated events are left out, as GDELT does. Binds: ?1 language,
 * ?2 since, ?3 until, ?4 story, ?5 limit, ?6 offset. */
#define GROUPED_EVENTS                                                                       \
    "SELECT gid, date, src, src_name, code, tgt, tgt_name, goldstein, quad, mentions,"      \
    " sources, articles, place, first_off, story,"                                           \
    " (SELECT url FROM articles WHERE id = g.article) AS url, article, added,"              \
    " (SELECT text FROM cameo_events WHERE id = g.gid) AS sentence FROM ("                  \
    "SELECT min(e.id) AS gid, min(e.date) AS date, e.source_actor AS src,"                  \
    " max(e.source_name) AS src_name, e.code AS code, e.target_actor AS tgt,"              \
    " max(e.target_name) AS tgt_name, max(e.goldstein) AS goldstein,"                       \
    " max(e.quad_class) AS quad, count(*) AS mentions, count(DISTINCT a.source) AS sources," \
    " count(DISTINCT e.article_id) AS articles, max(e.place) AS place,"                     \
    " min(e.sent_start) AS first_off, a.story_id AS story,"                                  \
    " min(e.article_id) AS article, max(a.ingested) AS added"                                \
    " FROM cameo_events e JOIN articles a ON a.id = e.article_id"                            \
    " WHERE e.negated = 0 AND (?1 IS NULL OR a.language = ?1)"                               \
    " AND (?2 IS NULL OR substr(e.date,1,10) >= substr(?2,1,10))"                            \
    " AND (?3 IS NULL OR substr(e.date,1,10) <= substr(?3,1,10))"                            \
    " AND (?4 = 0 OR a.story_id = ?4)"                                                       \
    " GROUP BY coalesce(a.story_id, -a.id), e.source_actor, e.code, e.target_actor) g"      \
    " ORDER BY gid LIMIT ?5 OFFSET ?6"

#define EVENT_JSON                                                                        \
    "json_object('id', gid, 'date', date, 'source', src, 'source_name', src_name,"        \
    " 'code', code, 'target', tgt, 'target_name', tgt_name, 'goldstein', goldstein,"     \
    " 'quad_class', quad, 'mentions', mentions, 'sources', sources, 'articles', articles," \
    " 'place', place, 'story', story, 'article', article, 'url', url, 'sentence', sentence)"

int st_db_cameo_events_json(st_db *db, const st_query *q, char **out)
{
    ST_ON_PG(db, st_pg_cameo_events_json(db, q, out));
    *out = NULL;
    sqlite3_stmt *st = st_db_prepare(db, "SELECT coalesce(json_group_array(json(" EVENT_JSON
                                         ")), '[]') FROM (" GROUPED_EVENTS ")");
    if (!st)
        return ST_EDB;
    st_db_bind_query(st, q);
    return st_db_step_doc(st, out);
}

/* ------------------------------------------------------------------ GDELT */

/* A GDELT text field: tabs and newlines would break the table. */
static void put_field(FILE *f, const char *s)
{
    for (; s && *s; s++)
        fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
}

static const char *col(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

/* Actor1/2: Code, Name, CountryCode, KnownGroupCode, EthnicCode,
 * Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code. A CAMEO
 * actor code is a country (3 letters, or IGO/--- for none) then roles. */
static void put_actor(FILE *f, const char *code, const char *name)
{
    size_t n = strlen(code);
    int country = n >= 3 && strncmp(code, "---", 3) && strncmp(code, "IGO", 3);
    put_field(f, code);
    fputc('\t', f);
    put_field(f, name);
    fprintf(f, "\t%.*s\t", country ? 3 : 0, code);
    /* Known groups: IGOs name themselves after the prefix (IGOUNO -> UNO). */
    if (!strncmp(code, "IGO", 3) && n >= 6)
        fprintf(f, "%.3s", code + 3);
    fputs("\t\t\t\t", f);
    for (int k = 0; k < 3; k++) {
        size_t at = 3 + 3 * (size_t)k;
        if (n >= at + 3)
            fprintf(f, "%.3s", code + at);
        if (k < 2)
            fputc('\t', f);
    }
}

/* Geo_Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID */
static void put_geo(FILE *f, const char *place)
{
    if (place && *place) {
        fputs("1\t", f);
        put_field(f, place);
        fputs("\t\t\t\t\t\t", f);
    } else {
        fputs("0\t\t\t\t\t\t\t", f);
    }
}

static void put_gdelt_row(FILE *f, sqlite3_stmt *st)
{
    const char *date = col(st, 1);
    int y = 0, m = 0, d = 0;
    int dated = sscanf(date, "%4d-%2d-%2d", &y, &m, &d) == 3;
    fprintf(f, "%lld\t", (long long)sqlite3_column_int64(st, 0));
    if (dated) {
        char jan1[16];
        snprintf(jan1, sizeof jan1, "%04d-01-01", y);
        double doy = st_date_days(date) - st_date_days(jan1) + 1;
        fprintf(f, "%04d%02d%02d\t%04d%02d\t%04d\t%.4f\t", y, m, d, y, m, y, y + doy / 365.0);
    } else {
        fputs("\t\t\t\t", f);
    }
    put_actor(f, col(st, 2), col(st, 3));
    fputc('\t', f);
    put_actor(f, col(st, 5), col(st, 6));
    const char *code = col(st, 4);
    /* IsRootEvent: GDELT's "in the lead paragraph"; here the first 500 bytes
     * (title and lead) of the first article mentioning the event. */
    fprintf(f, "\t%d\t%s\t%.3s\t%.2s\t%d\t%.1f\t%lld\t%lld\t%lld\t0\t",
            sqlite3_column_int64(st, 13) < 500, code, code, code, sqlite3_column_int(st, 8),
            sqlite3_column_double(st, 7), (long long)sqlite3_column_int64(st, 9),
            (long long)sqlite3_column_int64(st, 10), (long long)sqlite3_column_int64(st, 11));
    put_geo(f, NULL);
    fputc('\t', f);
    put_geo(f, NULL);
    fputc('\t', f);
    put_geo(f, col(st, 12));
    const char *added = col(st, 17);
    int Y = 0, M = 0, D = 0, h = 0, mi = 0, s = 0;
    sscanf(added, "%4d-%2d-%2dT%2d:%2d:%2d", &Y, &M, &D, &h, &mi, &s);
    fprintf(f, "\t%04d%02d%02d%02d%02d%02d\t", Y, M, D, h, mi, s);
    put_field(f, col(st, 15));
    fputc('\n', f);
}

/* ------------------------------------------------------------------ export */

/* json / jsonl / csv of a JSON array of flat objects, walked by SQLite. */
static int export_array(st_db *db, const char *doc, const char *format, FILE *f)
{
    if (!strcmp(format, "json")) {
        fputs(doc, f);
        fputc('\n', f);
        return ferror(f) ? ST_EIO : ST_OK;
    }
    int csv = !strcmp(format, "csv");
    sqlite3_stmt *st = st_db_prepare(
        db, csv ? "SELECT e.key, CASE WHEN e.type IN ('object','array') THEN e.value"
                  " ELSE e.atom END, r.key FROM json_each(?1) r, json_each(r.value) e"
                  " ORDER BY r.key, e.id"
                : "SELECT value FROM json_each(?1)");
    if (!st)
        return ST_EDB;
    sqlite3_bind_text(st, 1, doc, -1, SQLITE_STATIC);
    int rc, header = csv, first = 1;
    long long row = -1;
    st_buf names = {0}, line = {0};
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!csv) {
            fprintf(f, "%s\n", col(st, 0));
            continue;
        }
        long long r = sqlite3_column_int64(st, 2);
        if (r != row) {
            if (row >= 0) {
                if (header) {
                    fprintf(f, "%s\n", st_buf_cstr(&names));
                    header = 0;
                }
                fprintf(f, "%s\n", st_buf_cstr(&line));
            }
            st_buf_reset(&line);
            row = r;
            first = 1;
        }
        if (!first)
            st_buf_putc(&line, ',');
        if (header) {
            if (names.len)
                st_buf_putc(&names, ',');
            st_buf_puts(&names, col(st, 0));
        }
        /* Quote by hand into the line buffer. */
        const char *v = col(st, 1);
        if (strpbrk(v, ",\"\n\r")) {
            st_buf_putc(&line, '"');
            for (; *v; v++) {
                if (*v == '"')
                    st_buf_putc(&line, '"');
                st_buf_putc(&line, *v);
            }
            st_buf_putc(&line, '"');
        } else {
            st_buf_puts(&line, v);
        }
        first = 0;
    }
    if (csv && row >= 0) {
        if (header)
            fprintf(f, "%s\n", st_buf_cstr(&names));
        fprintf(f, "%s\n", st_buf_cstr(&line));
    }
    int ret = rc == SQLITE_DONE ? (names.oom || line.oom ? ST_ENOMEM : ST_OK) : ST_EDB;
    st_buf_free(&names);
    st_buf_free(&line);
    sqlite3_finalize(st);
    return ret == ST_OK && ferror(f) ? ST_EIO : ret;
}

static int export_gdelt(st_db *db, const st_query *q, FILE *f)
{
    sqlite3_stmt *st = st_db_prepare(db, GROUPED_EVENTS);
    if (!st)
        return ST_EDB;
    st_db_bind_query(st, q);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        put_gdelt_row(f, st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return ST_EDB;
    return ferror(f) ? ST_EIO : ST_OK;
}

int st_export(st_db *db, const char *what, const char *format, const st_query *q, FILE *out,
              char *err, size_t errlen)
{
    if (!what || !format)
        return st_seterr(err, errlen, ST_EUSAGE, "export needs a table and a format");
    int events = !strcmp(what, "events");
    if (!events && strcmp(what, "stories") && strcmp(what, "articles"))
        return st_seterr(err, errlen, ST_EUSAGE, "unknown table '%s' (events, stories, articles)", what);
    if (!strcmp(format, "gdelt")) {
        if (!events)
            return st_seterr(err, errlen, ST_EUSAGE, "--format gdelt is for events only");
        return export_gdelt(db, q, out);
    }
    if (strcmp(format, "json") && strcmp(format, "jsonl") && strcmp(format, "csv"))
        return st_seterr(err, errlen, ST_EUSAGE, "unknown format '%s' (gdelt, json, jsonl, csv)", format);
    char *doc = NULL;
    int rc = events ? st_db_cameo_events_json(db, q, &doc)
             : !strcmp(what, "stories") ? st_db_stories_json(db, q, &doc)
                                        : st_db_articles_json(db, q, &doc);
    if (rc == ST_OK)
        rc = export_array(db, doc, format, out);
    free(doc);
    if (rc)
        st_seterr(err, errlen, rc, "export failed: %s", st_strerror(rc));
    return rc;
}
