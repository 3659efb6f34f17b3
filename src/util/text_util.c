/* text_util.c — white space and date helpers used by ingest and store. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/util.h"

/* Unicode spaces that scraped text carries: NBSP (C2 A0), and U+2000..U+200B,
 * U+202F, U+205F, U+3000 (E2 80 80..8B, E2 80 AF, E2 81 9F, E3 80 80). */
static size_t space_len(const unsigned char *p)
{
    if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '\f' || *p == '\v')
        return 1;
    if (p[0] == 0xc2 && p[1] == 0xa0)
        return 2;
    if (p[0] == 0xe2 && p[1] == 0x80 && ((p[2] >= 0x80 && p[2] <= 0x8b) || p[2] == 0xaf))
        return 3;
    if (p[0] == 0xe2 && p[1] == 0x81 && p[2] == 0x9f)
        return 3;
    if (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80)
        return 3;
    return 0;
}

char *st_trim(char *s)
{
    if (!s)
        return s;
    unsigned char *p = (unsigned char *)s;
    size_t l;
    while (*p && (l = space_len(p)))
        p += l;
    size_t n = strlen((char *)p);
    memmove(s, p, n + 1);
    /* Trailing: walk forward remembering where the last non-space ended. */
    size_t end = 0, i = 0;
    while (s[i]) {
        l = space_len((unsigned char *)s + i);
        if (l) {
            i += l;
        } else {
            i++;
            end = i;
        }
    }
    s[end] = '\0';
    return s;
}

char *st_squeeze_space(char *s)
{
    if (!s)
        return s;
    size_t o = 0, i = 0, newlines = 0;
    int in_space = 0;
    while (s[i]) {
        size_t l = space_len((unsigned char *)s + i);
        if (l) {
            if (s[i] == '\n')
                newlines++;
            in_space = 1;
            i += l;
            continue;
        }
        if (in_space && o > 0) {
            if (newlines >= 2) {
                s[o++] = '\n';
                s[o++] = '\n';
            } else if (newlines == 1) {
                s[o++] = '\n';
            } else {
                s[o++] = ' ';
            }
        }
        in_space = 0;
        newlines = 0;
        s[o++] = s[i++];
    }
    s[o] = '\0';
    return s;
}

void st_now_iso(char out[32])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Days from civil date (Howard Hinnant's algorithm), exact for the Gregorian calendar. */
static long days_from_civil(int y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

/* Offset east of UTC in seconds from "Z", "+02:00", "-0500", "GMT", "UTC";
 * 0 when absent or unknown. */
static long tz_offset(const char *t)
{
    while (*t == ' ')
        t++;
    if (*t == '+' || *t == '-') {
        int sign = *t == '-' ? -1 : 1, hh = 0, mm = 0;
        if (sscanf(t + 1, "%2d:%2d", &hh, &mm) >= 1 || sscanf(t + 1, "%2d%2d", &hh, &mm) >= 1)
            return sign * (hh * 3600L + mm * 60L);
    }
    static const struct { const char *name; int hours; } zones[] = {
        {"EST", -5}, {"EDT", -4}, {"CST", -6}, {"CDT", -5}, {"MST", -7},
        {"MDT", -6}, {"PST", -8}, {"PDT", -7}};
    for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++)
        if (!strncmp(t, zones[i].name, 3))
            return zones[i].hours * 3600L;
    return 0;
}

/* Writes a UTC time, shifting a local time with offset `off` (seconds). */
static void write_utc(char out[32], int y, int mo, int d, int h, int mi, int sec, long off)
{
    long long t = (long long)days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400LL +
                  h * 3600LL + mi * 60LL + sec - off;
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int month_of(const char *s)
{
    static const char *m[] = {"jan", "feb", "mar", "apr", "may", "jun",
                              "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; i++)
        if (strncasecmp(s, m[i], 3) == 0)
            return i + 1;
    return 0;
}

static int valid_ymd(int y, int mo, int d)
{
    return y >= 1800 && y <= 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
}

int st_date_normalise(const char *in, char out[32])
{
    if (!in)
        return -1;
    while (isspace((unsigned char)*in))
        in++;
    int y, mo, d, h = -1, mi = 0, sec = 0, n = 0;
    /* ISO 8601 and "YYYY-MM-DD HH:MM:SS" */
    if (sscanf(in, "%4d-%2d-%2d%n", &y, &mo, &d, &n) == 3 && valid_ymd(y, mo, d)) {
        const char *t = in + n;
        int m = 0;
        if ((*t == 'T' || *t == ' ') && sscanf(t + 1, "%2d:%2d%n:%2d%n", &h, &mi, &m, &sec, &m) >= 2) {
            const char *z = t + 1 + m;
            while (*z == '.' || (*z >= '0' && *z <= '9'))
                z++; /* fractions of a second */
            write_utc(out, y, mo, d, h, mi, sec, tz_offset(z));
        } else {
            snprintf(out, 32, "%04d-%02d-%02d", y, mo, d);
        }
        return 0;
    }
    /* RFC 822: "Sat, 13 Apr 2024 10:00:00 GMT" */
    const char *p = strchr(in, ',');
    p = p ? p + 1 : in;
    char mon[16];
    int m = 0;
    if (sscanf(p, "%d %15s %d %d:%d:%d%n", &d, mon, &y, &h, &mi, &sec, &m) >= 3 &&
        (mo = month_of(mon)) && valid_ymd(y, mo, d)) {
        if (h >= 0)
            write_utc(out, y, mo, d, h, mi, sec, m ? tz_offset(p + m) : 0);
        else
            snprintf(out, 32, "%04d-%02d-%02d", y, mo, d);
        return 0;
    }
    /* "April 13, 2024" */
    if (sscanf(in, "%15s %d, %d", mon, &d, &y) == 3 && (mo = month_of(mon)) &&
        valid_ymd(y, mo, d)) {
        snprintf(out, 32, "%04d-%02d-%02d", y, mo, d);
        return 0;
    }
    return -1;
}

double st_date_days(const char *iso)
{
    int y, mo, d, h = 0, mi = 0, sec = 0;
    if (!iso || sscanf(iso, "%4d-%2d-%2d", &y, &mo, &d) != 3 || !valid_ymd(y, mo, d))
        return -1e9;
    if (strlen(iso) > 10)
        sscanf(iso + 11, "%2d:%2d:%2d", &h, &mi, &sec);
    return (double)days_from_civil(y, (unsigned)mo, (unsigned)d) + (h * 3600 + mi * 60 + sec) / 86400.0;
}
