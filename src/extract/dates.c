/* dates.c — absolute dates ("October 7, 2023", "2 November", "7 Oktober
 * 2023", "9 de julio de 2024", "2024-04-13") and relative ones ("on
 * Saturday", "last month", "kemarin") resolved against the publish date;
 * without one, a date that needs it is kept with its text and no
 * resolution. The words are those of the article's own language when its
 * folder has a dates.tsv (w->dates), even when its other words are English's. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/ex_int.h"
#include "util/util.h"

/* Days since 1970-01-01 <-> civil date (proleptic Gregorian). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static char *fmt_day(long days)
{
    int y, m, d;
    char buf[16];
    civil_from_days(days, &y, &m, &d);
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return st_strdup(buf);
}

static char *fmt_ymd(int y, int m, int d)
{
    char buf[16];
    if (d)
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    else if (m)
        snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    else
        snprintf(buf, sizeof buf, "%04d", y);
    return st_strdup(buf);
}

static int has_pub(const ex_work *w) { return w->pub_y > 0; }
static long pub_days(const ex_work *w) { return days_from_civil(w->pub_y, w->pub_m, w->pub_d); }
static long weekday_of(long days) { return ((days + 3) % 7 + 7) % 7 + 1; } /* 1 = Monday */

static int add_date(ex_work *w, size_t i, size_t end, char *resolved, int dateline)
{
    st_ex_date *d = ex_grow((void **)&w->r->dates, &w->r->ndates, &w->cap_dat, sizeof *d);
    if (!d) {
        free(resolved);
        return ST_ENOMEM;
    }
    d->start = w->t[i].off;
    d->end = w->t[end - 1].off + w->t[end - 1].len;
    d->text = st_strndup(w->in->text + d->start, d->end - d->start);
    d->resolved = resolved;
    d->dateline = dateline;
    for (size_t k = i; k < end; k++)
        w->t[k].used = 1;
    return d->text ? ST_OK : ST_ENOMEM;
}

/* A plain integer token within [lo, hi], or -1. */
static long int_tok(const ex_work *w, size_t i, long lo, long hi)
{
    if (i >= w->nt || !(w->t[i].flags & EX_T_NUM))
        return -1;
    const char *s = w->t[i].fold;
    char *end = NULL;
    long v = strtol(s, &end, 10);
    return end && !*end && v >= lo && v <= hi ? v : -1;
}

/* The article's own language's date word of that kind at token i. Which
 * words need a capital is data: dates.tsv writes "May" and "Minggu" so. */
static const ex_entry *date_word(const ex_work *w, size_t i, size_t *end, const char *kind)
{
    const ex_entry *e = ex_match(w, w->dates, i, end);
    return e && !strcmp(e->a, kind) ? e : NULL;
}

/* The year of a day and month given without one: the publish year, or the
 * year before when that would put the date more than a week ahead. */
static int guess_year(const ex_work *w, int m, int d)
{
    int y = w->pub_y;
    if (days_from_civil(y, m, d ? d : 1) > pub_days(w) + 7)
        y--;
    return y;
}

static size_t skip_dot(const ex_work *w, size_t i)
{
    return i < w->nt && !strcmp(w->t[i].fold, ".") ? i + 1 : i;
}

/* Past a connector of a date's parts at k ("de" of "9 de julio de 2024",
 * the dot of "14. Juli 2024"), else k. */
static size_t skip_conn(const ex_work *w, size_t k)
{
    size_t end;
    return date_word(w, k, &end, "connector") ? end : k;
}

/* Token i + k is `sep` written right after the token before it. */
static int tight(const ex_work *w, size_t i, const char *sep)
{
    return i < w->nt && !strcmp(w->t[i].fold, sep) && !(w->t[i].flags & EX_T_SPACE);
}

/* US news writes 7/14/2024: so does an article in English, or in no known
 * language (read with English's words, as before). A French article read
 * with English's words still writes the day first. */
static int us_numbers(const ex_work *w)
{
    const char *l = w->in->lang;
    return !l || !*l || !strcmp(l, "en") || !strcmp(l, "und");
}

/* 14/7/2024, as Indonesian news dates its events ("Minggu (14/7/2024)"):
 * day first, except in US order, where a date is read only when one part
 * cannot be a month. Returns the end token. */
static size_t numeric(const ex_work *w, size_t i, int *y, int *m, int *d)
{
    long a = int_tok(w, i, 1, 31), b = int_tok(w, i + 2, 1, 31), yr = int_tok(w, i + 4, 1900, 2100);
    if (a <= 0 || b <= 0 || yr <= 0 || !tight(w, i + 1, "/") || !tight(w, i + 3, "/") ||
        (w->t[i + 2].flags & EX_T_SPACE) || (w->t[i + 4].flags & EX_T_SPACE))
        return 0;
    int us = us_numbers(w), month_first = us && b > 12;
    if (us && a <= 12 && b <= 12)
        return 0;
    long day = month_first ? b : a, mon = month_first ? a : b;
    if (mon > 12)
        return 0;
    *y = (int)yr;
    *m = (int)mon;
    *d = (int)day;
    return i + 5;
}

/* A year closing a date whose month ends before token end ("July 2024",
 * "9 juin 2024", "julio de 2024"): sets *y and returns the token after it;
 * else returns end. */
static size_t year_after(const ex_work *w, size_t end, int *y)
{
    size_t k = skip_conn(w, skip_dot(w, end));
    long yr = int_tok(w, k, 1900, 2100);
    if (yr <= 0)
        return end;
    *y = (int)yr;
    return k + 1;
}

/* "October 7, 2023", "July 2024", "July"; returns the end token or 0. */
static size_t month_first(const ex_work *w, size_t i, int *y, int *m, int *d)
{
    size_t end;
    const ex_entry *mon = date_word(w, i, &end, "month");
    if (!mon)
        return 0;
    *m = (int)mon->v;
    size_t k = skip_dot(w, end);
    long day = int_tok(w, k, 1, 31);
    /* the languages that put the day after the month capitalise the month;
     * "juillet 14 morts" is no 14 July */
    if (day > 0 && (w->t[i].flags & EX_T_CAP)) {
        *d = (int)day;
        size_t c = ex_tok_is(w, k + 1, ",") ? k + 2 : k + 1;
        long yr = int_tok(w, c, 1900, 2100);
        if (yr <= 0)
            return k + 1;
        *y = (int)yr;
        return c + 1;
    }
    size_t e = year_after(w, end, y);
    return e > end || !mon->flag ? e : 0; /* "July" alone; not "may" */
}

/* "7 Oktober 2023", "2 November", "9 de julio de 2024", "14. Juli 2024",
 * "24 августа 2023"; returns the end token or 0. */
static size_t day_first(const ex_work *w, size_t i, int *y, int *m, int *d)
{
    size_t end;
    long day = int_tok(w, i, 1, 31);
    const ex_entry *mon = day > 0 ? date_word(w, skip_conn(w, i + 1), &end, "month") : NULL;
    if (!mon)
        return 0;
    *d = (int)day;
    *m = (int)mon->v;
    return year_after(w, end, y);
}

/* 2024-04-13 */
static size_t iso_date(const ex_work *w, size_t i, int *y, int *m, int *d)
{
    long yr = int_tok(w, i, 1900, 2100);
    if (yr <= 0 || i + 4 >= w->nt || !ex_tok_is(w, i + 1, "-") || !ex_tok_is(w, i + 3, "-") ||
        (w->t[i + 1].flags & EX_T_SPACE))
        return 0;
    long mm = int_tok(w, i + 2, 1, 12), dd = int_tok(w, i + 4, 1, 31);
    if (mm <= 0 || dd <= 0)
        return 0;
    *y = (int)yr;
    *m = (int)mm;
    *d = (int)dd;
    return i + 5;
}

/* An absolute date at token i; returns the end token or 0. */
static size_t absolute(const ex_work *w, size_t i, int *y, int *m, int *d)
{
    size_t end;
    *y = *m = *d = 0;
    if ((end = month_first(w, i, y, m, d)) || (end = day_first(w, i, y, m, d)) ||
        (end = numeric(w, i, y, m, d)))
        return end;
    return iso_date(w, i, y, m, d);
}

static char *resolve_absolute(const ex_work *w, int y, int m, int d)
{
    if (y)
        return fmt_ymd(y, m, d);
    return has_pub(w) ? fmt_ymd(guess_year(w, m, d), m, d) : NULL;
}

static char *resolve_relative(const ex_work *w, const ex_entry *e)
{
    if (!has_pub(w))
        return NULL;
    long p = pub_days(w);
    int n = (int)e->v;
    if (!strcmp(e->a, "day"))
        return fmt_day(p + n);
    if (!strcmp(e->a, "week"))
        return fmt_day(p + 7L * n);
    /* a weekday: the latest such day on or before publication, as news reports the past */
    if (!strcmp(e->a, "weekday"))
        return fmt_day(p - ((weekday_of(p) - n + 7) % 7));
    if (!strcmp(e->a, "month_rel")) {
        int m0 = w->pub_y * 12 + (w->pub_m - 1) + n;
        return fmt_ymd(m0 / 12, m0 % 12 + 1, 0);
    }
    if (!strcmp(e->a, "year_rel"))
        return fmt_ymd(w->pub_y + n, 0, 0);
    return NULL;
}

/* Where a date naming the weekday before it starts: "Tuesday, 22 August",
 * "Minggu (14/7/2024)", "domingo 14 de julio". */
static size_t after_weekday(const ex_work *w, size_t end)
{
    return ex_tok_is(w, end, ",") || ex_tok_is(w, end, "(") ? end + 1 : end;
}

/* A relative date word at token i (a weekday, yesterday, last month); an
 * `ambig` weekday ("domingo", "среду") counts only before a day number. */
static const ex_entry *relative(const ex_work *w, size_t i, size_t *end)
{
    const ex_entry *e = ex_match(w, w->dates, i, end);
    if (!e || !strcmp(e->a, "month") || !strcmp(e->a, "connector"))
        return NULL;
    return !e->flag || int_tok(w, after_weekday(w, *end), 1, 31) > 0 ? e : NULL;
}

int ex_find_dates(ex_work *w)
{
    int rc = ST_OK;
    size_t named = SIZE_MAX; /* where a date named by the last weekday would start */
    long wd = 0;
    for (size_t i = 0, end; i < w->nt && rc == ST_OK; i = end) {
        int y, m, d;
        const ex_entry *e;
        if ((end = absolute(w, i, &y, &m, &d))) {
            /* a dateline names the day's weekday: "Tuesday, 22 August 2023" */
            int dateline = y && d && i == named && weekday_of(days_from_civil(y, m, d)) == wd;
            rc = add_date(w, i, end, resolve_absolute(w, y, m, d), dateline);
        } else if ((e = relative(w, i, &end))) {
            if (!strcmp(e->a, "weekday")) {
                named = after_weekday(w, end);
                wd = (long)e->v;
            }
            rc = add_date(w, i, end, resolve_relative(w, e), 0);
        } else {
            end = i + 1;
        }
    }
    return rc;
}

int st_ex_dateline_day(const st_ex_result *r, size_t lede_end, char out[11])
{
    out[0] = '\0';
    for (size_t i = 0; i < r->ndates && r->dates[i].start < lede_end; i++) {
        if (r->dates[i].dateline && r->dates[i].resolved) {
            snprintf(out, 11, "%s", r->dates[i].resolved);
            return 1;
        }
    }
    return 0;
}
