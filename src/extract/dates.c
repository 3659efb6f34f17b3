/* dates.c — absolute dates ("October 7, 2023", "2 November", "7 Oktober
 * 2023", "2024-04-13") and relative ones ("on Saturday", "last month",
 * "kemarin") resolved against the publish date; without one, a date that
 * needs it is kept with its text and no resolution. */
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

static int add_date(ex_work *w, size_t i, size_t end, char *resolved)
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

static const ex_entry *date_word(const ex_work *w, size_t i, size_t *end, const char *kind)
{
    const ex_entry *e = ex_match(w, &w->L->dates, i, end);
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

/* Token i + k is `sep` written right after the token before it. */
static int tight(const ex_work *w, size_t i, const char *sep)
{
    return i < w->nt && !strcmp(w->t[i].fold, sep) && !(w->t[i].flags & EX_T_SPACE);
}

/* 14/7/2024, as Indonesian news dates its events ("Minggu (14/7/2024)"):
 * day first, except in English, where the US writes the month first and a
 * date is read only when one part cannot be a month. Returns the end token. */
static size_t numeric(const ex_work *w, size_t i, int *y, int *m, int *d)
{
    long a = int_tok(w, i, 1, 31), b = int_tok(w, i + 2, 1, 31), yr = int_tok(w, i + 4, 1900, 2100);
    if (a <= 0 || b <= 0 || yr <= 0 || !tight(w, i + 1, "/") || !tight(w, i + 3, "/") ||
        (w->t[i + 2].flags & EX_T_SPACE) || (w->t[i + 4].flags & EX_T_SPACE))
        return 0;
    int month_first = !strcmp(w->L->code, "en") && b > 12;
    if (!strcmp(w->L->code, "en") && a <= 12 && b <= 12)
        return 0;
    long day = month_first ? b : a, mon = month_first ? a : b;
    if (mon > 12)
        return 0;
    *y = (int)yr;
    *m = (int)mon;
    *d = (int)day;
    return i + 5;
}

/* Month-first and day-first forms; returns the end token or 0. */
static size_t absolute(ex_work *w, size_t i, int *y, int *m, int *d)
{
    size_t end;
    const ex_entry *mon = date_word(w, i, &end, "month");
    *y = *m = *d = 0;
    if (mon && (w->t[i].flags & EX_T_CAP)) {
        size_t k = skip_dot(w, end);
        long day = int_tok(w, k, 1, 31);
        *m = (int)mon->v;
        if (day > 0) {
            *d = (int)day;
            end = k + 1;
            size_t c = end < w->nt && !strcmp(w->t[end].fold, ",") ? end + 1 : end;
            long yr = int_tok(w, c, 1900, 2100);
            if (yr > 0) {
                *y = (int)yr;
                end = c + 1;
            }
            return end;
        }
        long yr = int_tok(w, k, 1900, 2100);
        if (yr > 0) {
            *y = (int)yr;
            return k + 1;
        }
        return mon->flag ? 0 : end; /* "July" alone; not "may" */
    }
    long day = int_tok(w, i, 1, 31);
    if (day > 0 && (mon = date_word(w, i + 1, &end, "month")) && (w->t[i + 1].flags & EX_T_CAP)) {
        *d = (int)day;
        *m = (int)mon->v;
        size_t k = skip_dot(w, end);
        long yr = int_tok(w, k, 1900, 2100);
        if (yr > 0) {
            *y = (int)yr;
            end = k + 1;
        }
        return end;
    }
    if ((end = numeric(w, i, y, m, d)))
        return end;
    /* 2024-04-13 */
    long yr = int_tok(w, i, 1900, 2100);
    if (yr > 0 && i + 4 < w->nt && !strcmp(w->t[i + 1].fold, "-") &&
        !strcmp(w->t[i + 3].fold, "-") && !(w->t[i + 1].flags & EX_T_SPACE)) {
        long mm = int_tok(w, i + 2, 1, 12), dd = int_tok(w, i + 4, 1, 31);
        if (mm > 0 && dd > 0) {
            *y = (int)yr;
            *m = (int)mm;
            *d = (int)dd;
            return i + 5;
        }
    }
    return 0;
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
    if (!strcmp(e->a, "weekday")) {
        /* the latest such day on or before publication: news reports the past */
        long wd = ((p + 3) % 7 + 7) % 7 + 1; /* 1 = Monday */
        return fmt_day(p - ((wd - n + 7) % 7));
    }
    if (!strcmp(e->a, "month_rel")) {
        int m0 = w->pub_y * 12 + (w->pub_m - 1) + n;
        return fmt_ymd(m0 / 12, m0 % 12 + 1, 0);
    }
    if (!strcmp(e->a, "year_rel"))
        return fmt_ymd(w->pub_y + n, 0, 0);
    return NULL;
}

int ex_find_dates(ex_work *w)
{
    int rc = ST_OK;
    for (size_t i = 0; i < w->nt && rc == ST_OK;) {
        int y, m, d;
        size_t end = absolute(w, i, &y, &m, &d);
        if (end) {
            char *res = NULL;
            if (y)
                res = fmt_ymd(y, m, d);
            else if (has_pub(w))
                res = fmt_ymd(guess_year(w, m, d), m, d);
            rc = add_date(w, i, end, res);
            i = end;
            continue;
        }
        const ex_entry *e = ex_match(w, &w->L->dates, i, &end);
        if (e && strcmp(e->a, "month") &&
            (strcmp(e->a, "weekday") || (w->t[i].flags & EX_T_CAP))) {
            rc = add_date(w, i, end, resolve_relative(w, e));
            i = end;
            continue;
        }
        i++;
    }
    return rc;
}

int st_ex_lede_day(const st_ex_result *r, size_t lede_end, char out[11])
{
    out[0] = '\0';
    for (size_t i = 0; i < r->ndates; i++) {
        const char *day = r->dates[i].resolved;
        /* the latest: a lede's earlier dates are background ("since 7 October") */
        if (r->dates[i].start < lede_end && day && strlen(day) == 10 && strcmp(day, out) > 0)
            memcpy(out, day, 11);
    }
    return out[0] != '\0';
}
