/* query_events.c — CAMEO events aggregated per story, and the exports
 * (GDELT 2.0 event table, JSON, JSON Lines, CSV). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "store/db.h"
#include "store/export_row.h"
#include "store/grouped_events.h"
#include "store/pg/pg.h"
#include "util/util.h"

/* Compact JSON with reals printed as SQLite's json functions print them
 * (15 significant digits). */
#define ST_JSON_DUMP (JSON_COMPACT | JSON_REAL_PRECISION(15))

/* SQLite numbers its parameters ?N and needs no types on them. */
#define GROUPED_EVENTS ST_GROUPED_EVENTS("?", "")

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

static const char *str(const char *s) { return s ? s : ""; }

/* Integer and real columns as SQLite reads text: NULL or junk is 0. */
static long long num(const char *s) { return s ? strtoll(s, NULL, 10) : 0; }
static double real(const char *s) { return s ? strtod(s, NULL) : 0; }

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

void st_export_gdelt_row(FILE *f, const char *const col[ST_GDELT_NCOLS])
{
    const char *date = str(col[ST_GDELT_DATE]);
    int y = 0, m = 0, d = 0;
    int dated = sscanf(date, "%4d-%2d-%2d", &y, &m, &d) == 3;
    fprintf(f, "%lld\t", num(col[ST_GDELT_GID]));
    if (dated) {
        char jan1[16];
        snprintf(jan1, sizeof jan1, "%04d-01-01", y);
        double doy = st_date_days(date) - st_date_days(jan1) + 1;
        fprintf(f, "%04d%02d%02d\t%04d%02d\t%04d\t%.4f\t", y, m, d, y, m, y, y + doy / 365.0);
    } else {
        fputs("\t\t\t\t", f);
    }
    put_actor(f, str(col[ST_GDELT_SRC]), str(col[ST_GDELT_SRC_NAME]));
    fputc('\t', f);
    put_actor(f, str(col[ST_GDELT_TGT]), str(col[ST_GDELT_TGT_NAME]));
    const char *code = str(col[ST_GDELT_CODE]);
    /* IsRootEvent: GDELT's "in the lead paragraph"; here the first 500 bytes
     * (title and lead) of the first article mentioning the event. */
    fprintf(f, "\t%d\t%s\t%.3s\t%.2s\t%d\t%.1f\t%lld\t%lld\t%lld\t0\t",
            num(col[ST_GDELT_FIRST_OFF]) < 500, code, code, code, (int)num(col[ST_GDELT_QUAD]),
            real(col[ST_GDELT_GOLDSTEIN]), num(col[ST_GDELT_MENTIONS]),
            num(col[ST_GDELT_SOURCES]), num(col[ST_GDELT_ARTICLES]));
    put_geo(f, NULL);
    fputc('\t', f);
    put_geo(f, NULL);
    fputc('\t', f);
    put_geo(f, col[ST_GDELT_PLACE]);
    int Y = 0, M = 0, D = 0, h = 0, mi = 0, s = 0;
    sscanf(str(col[ST_GDELT_ADDED]), "%4d-%2d-%2dT%2d:%2d:%2d", &Y, &M, &D, &h, &mi, &s);
    fprintf(f, "\t%04d%02d%02d%02d%02d%02d\t", Y, M, D, h, mi, s);
    put_field(f, col[ST_GDELT_URL]);
    fputc('\n', f);
}

static int export_gdelt(st_db *db, const st_query *q, FILE *f)
{
    ST_ON_PG(db, st_pg_export_gdelt(db, q, f));
    sqlite3_stmt *st = st_db_prepare(db, GROUPED_EVENTS);
    if (!st)
        return ST_EDB;
    st_db_bind_query(st, q);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *col[ST_GDELT_NCOLS];
        for (int i = 0; i < ST_GDELT_NCOLS; i++)
            col[i] = (const char *)sqlite3_column_text(st, i);
        st_export_gdelt_row(f, col);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return ST_EDB;
    return ferror(f) ? ST_EIO : ST_OK;
}

/* ------------------------------------------------------------------ export */

/* A real as SQLite prints one ("%!.15g": 3.0, 0.25, 1.0e-05), so that a CSV
 * export reads the same as when SQLite walked the document. */
static void put_real(st_buf *b, double v)
{
    char t[40];
    snprintf(t, sizeof t, "%.15g", v);
    char *e = strchr(t, 'e');
    if (strchr(t, '.') || strchr(t, 'n') || strchr(t, 'i')) {
        st_buf_puts(b, t);
    } else if (e) {
        st_buf_printf(b, "%.*s.0%s", (int)(e - t), t, e);
    } else {
        st_buf_puts(b, t);
        st_buf_puts(b, ".0");
    }
}

/* A CSV cell: the value's text (nested objects and arrays as compact JSON,
 * null as nothing, booleans as 1/0), quoted when it holds , " or a newline. */
static void put_cell(st_buf *line, const json_t *v)
{
    st_buf cell = {0};
    char *dump = NULL;
    if (json_is_string(v))
        st_buf_puts(&cell, json_string_value(v));
    else if (json_is_integer(v))
        st_buf_printf(&cell, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    else if (json_is_real(v))
        put_real(&cell, json_real_value(v));
    else if (json_is_boolean(v))
        st_buf_putc(&cell, json_is_true(v) ? '1' : '0');
    else if (!json_is_null(v) && (dump = json_dumps(v, ST_JSON_DUMP)))
        st_buf_puts(&cell, dump);
    const char *s = st_buf_cstr(&cell);
    if (strpbrk(s, ",\"\n\r")) {
        st_buf_putc(line, '"');
        for (; *s; s++) {
            if (*s == '"')
                st_buf_putc(line, '"');
            st_buf_putc(line, *s);
        }
        st_buf_putc(line, '"');
    } else {
        st_buf_puts(line, s);
    }
    if (cell.oom)
        line->oom = 1;
    free(dump);
    st_buf_free(&cell);
}

/* One CSV line of an object: its keys (the header) or its values, in its
 * key order. */
static void put_csv_row(st_buf *line, json_t *row, int header)
{
    const char *key;
    json_t *v;
    int first = 1;
    json_object_foreach(row, key, v) {
        if (!first)
            st_buf_putc(line, ',');
        if (header)
            st_buf_puts(line, key);
        else
            put_cell(line, v);
        first = 0;
    }
}

/* json / jsonl / csv of a JSON array of flat objects, walked by jansson so
 * that either backend's document exports the same way. */
static int export_array(const char *doc, const char *format, FILE *f)
{
    if (!strcmp(format, "json")) {
        fputs(doc, f);
        fputc('\n', f);
        return ferror(f) ? ST_EIO : ST_OK;
    }
    json_t *arr = json_loads(doc, JSON_DECODE_ANY, NULL);
    if (!json_is_array(arr)) {
        json_decref(arr);
        return ST_EDB;
    }
    int csv = !strcmp(format, "csv"), rc = ST_OK;
    size_t i;
    json_t *row;
    st_buf line = {0};
    json_array_foreach(arr, i, row) {
        st_buf_reset(&line);
        if (!csv) {
            char *s = json_dumps(row, ST_JSON_DUMP | JSON_ENCODE_ANY);
            if (!s) {
                rc = ST_ENOMEM;
                break;
            }
            fprintf(f, "%s\n", s);
            free(s);
            continue;
        }
        if (i == 0) {
            put_csv_row(&line, row, 1);
            st_buf_putc(&line, '\n');
        }
        put_csv_row(&line, row, 0);
        if (line.oom) {
            rc = ST_ENOMEM;
            break;
        }
        fprintf(f, "%s\n", st_buf_cstr(&line));
    }
    st_buf_free(&line);
    json_decref(arr);
    return rc == ST_OK && ferror(f) ? ST_EIO : rc;
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
        rc = export_array(doc, format, out);
    free(doc);
    if (rc)
        st_seterr(err, errlen, rc, "export failed: %s", st_strerror(rc));
    return rc;
}
