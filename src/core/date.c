/* date.c — date parsing and civil-day conversion (see date.h). The day conversion is
 * Howard Hinnant's public-domain days_from_civil algorithm. */
#include "core/date.h"
#include "storyfold.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

int32_t sf_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int32_t)doe - 719468;
}

void sf_civil_from_days(int32_t z, int *y, int *m, int *d)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int yy = (int)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yy + (*m <= 2);
}

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return dm[m - 1];
}

static int emit(int y, int m, int d, char out[11])
{
    if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return -1;
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
             (unsigned)d % 100u);
    return 0;
}

/* Month from an English name or its 3-letter abbreviation at s; sets *len. */
static int month_name(const char *s, size_t *len)
{
    static const char *const names[] = {"january",   "february", "march",    "april",
                                        "may",       "june",     "july",     "august",
                                        "september", "october",  "november", "december"};
    size_t n = 0;
    while (isalpha((unsigned char)s[n])) n++;
    if (n < 3) return 0;
    for (int i = 0; i < 12; i++) {
        size_t full = strlen(names[i]);
        if ((n == 3 || (n == 4 && i == 8) || n == full) && n <= full &&
            strncasecmp(s, names[i], n) == 0) {
            *len = n;
            return i + 1;
        }
    }
    return 0;
}

/* Whether s[0, n) is an English weekday, full or in three letters. */
static int weekday(const char *s, size_t n)
{
    static const char *const names[] = {"monday", "tuesday",  "wednesday", "thursday",
                                        "friday", "saturday", "sunday"};
    for (int i = 0; i < 7; i++)
        if ((n == 3 || n == strlen(names[i])) && strncasecmp(s, names[i], n) == 0) return 1;
    return 0;
}

static int digits(const char *s, int n, int *v)
{
    int x = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i])) return -1;
        x = x * 10 + (s[i] - '0');
    }
    *v = x;
    return 0;
}

int sf_date_parse(const char *s, char out[11])
{
    if (!s) return -1;
    while (isspace((unsigned char)*s)) s++;
    int y = 0, m = 0, d = 0;
    size_t ml;

    /* ISO 8601: YYYY-MM-DD[...] */
    if (digits(s, 4, &y) == 0 && s[4] == '-' && digits(s + 5, 2, &m) == 0 && s[7] == '-' &&
        digits(s + 8, 2, &d) == 0 && !isdigit((unsigned char)s[10]))
        return emit(y, m, d, out);
    /* compact YYYYMMDD */
    if (digits(s, 8, &y) == 0 && !isdigit((unsigned char)s[8])) {
        d = y % 100, m = (y / 100) % 100, y /= 10000;
        return emit(y, m, d, out);
    }
    /* RFC 2822: optional "Sat, " then "26 Feb 2022"; feeds also write "Sat 26 Feb 2022" */
    const char *p = s;
    if (isalpha((unsigned char)p[0])) {
        const char *comma = strchr(p, ',');
        size_t word = 0;
        while (isalpha((unsigned char)p[word])) word++;
        if (comma && (size_t)(comma - p) == word && !month_name(p, &ml)) {
            p = comma + 1;
            while (isspace((unsigned char)*p)) p++;
        } else if (p[word] == ' ' && isdigit((unsigned char)p[word + 1]) && weekday(p, word)) {
            p += word + 1;
        }
    }
    /* D[D](-| )Mon(-| )YYYY — RFC 2822, Reuters, "26 February 2022" */
    if (isdigit((unsigned char)p[0])) {
        int n = isdigit((unsigned char)p[1]) ? 2 : 1;
        digits(p, n, &d);
        const char *q = p + n;
        if (*q == '-' || *q == ' ') {
            q++;
            if ((m = month_name(q, &ml)) != 0) {
                q += ml;
                if ((*q == '-' || *q == ' ') && digits(q + 1, 4, &y) == 0 &&
                    !isdigit((unsigned char)q[5]))
                    return emit(y, m, d, out);
                /* RFC 822's two-digit year ("01 Apr 25"): 00-49 are 20xx (RFC 2822 4.3) */
                if ((*q == '-' || *q == ' ') && digits(q + 1, 2, &y) == 0 &&
                    (q[3] == ' ' || q[3] == '\0'))
                    return emit(y < 50 ? 2000 + y : 1900 + y, m, d, out);
            }
        }
        return -1;
    }
    /* "February 26, 2022" / "Feb. 26, 2022" */
    if ((m = month_name(p, &ml)) != 0) {
        const char *q = p + ml;
        if (*q == '.') q++;
        while (*q == ' ') q++;
        int n = isdigit((unsigned char)q[0]) && isdigit((unsigned char)q[1]) ? 2 : 1;
        if (digits(q, n, &d) != 0) return -1;
        q += n;
        if (*q == ',') q++;
        while (*q == ' ') q++;
        if (digits(q, 4, &y) == 0 && !isdigit((unsigned char)q[4])) return emit(y, m, d, out);
    }
    return -1;
}

int32_t sf_date_day(const char *ymd)
{
    int y, m, d;
    if (!ymd || digits(ymd, 4, &y) || ymd[4] != '-' || digits(ymd + 5, 2, &m) || ymd[7] != '-' ||
        digits(ymd + 8, 2, &d) || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return SF_NO_DAY;
    return sf_days_from_civil(y, m, d);
}

void sf_day_ymd(int32_t day, char out[11])
{
    int y, m, d;
    sf_civil_from_days(day, &y, &m, &d);
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
             (unsigned)d % 100u);
}
