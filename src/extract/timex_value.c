/* timex_value.c — calendar points at a granularity: built from a day, moved by units,
 * written as TIMEX3 values ("1998-W06", "1998-Q1", "1998-SU", "199") with their days. */
#include "extract/timex_value.h"

#include <stdio.h>

#include "core/date.h"

int tp_weekday(int32_t day)
{
    int w = (int)((day % 7 + 7 + 3) % 7); /* 1970-01-01 was a Thursday (3 from Monday 0) */
    return w + 1;
}

static int month_len(int y, int m)
{
    static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 ? 28 + leap : len[m - 1];
}

static int floordiv(int a, int b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

tpoint tp_of_day(int32_t day, int g)
{
    int y, m, d;
    sf_civil_from_days(day, &y, &m, &d);
    tpoint p = {g, y, 0, day};
    switch (g) {
    case TG_WEEK:
    case TG_WEEKEND: p.day = day - (tp_weekday(day) - 1); break;
    case TG_MONTH: p.n = m; break;
    case TG_QUARTER: p.n = (m - 1) / 3 + 1; break;
    case TG_HALF: p.n = m <= 6 ? 1 : 2; break;
    case TG_SEASON:
        if (m == 12) p.n = 4;
        else if (m <= 2) p.n = 4, p.y = y - 1;
        else p.n = (m - 3) / 3 + 1;
        break;
    case TG_DECADE: p.y = floordiv(y, 10) * 10; break;
    case TG_CENTURY: p.y = floordiv(y, 100) * 100; break;
    default: break;
    }
    return p;
}

void tp_days(tpoint p, int32_t *first, int32_t *last)
{
    switch (p.g) {
    case TG_DAY: *first = *last = p.day; return;
    case TG_WEEK: *first = p.day, *last = p.day + 6; return;
    case TG_WEEKEND: *first = p.day + 5, *last = p.day + 6; return;
    case TG_MONTH:
        *first = sf_days_from_civil(p.y, p.n, 1);
        *last = *first + month_len(p.y, p.n) - 1;
        return;
    case TG_QUARTER:
        *first = sf_days_from_civil(p.y, 3 * p.n - 2, 1);
        *last = sf_days_from_civil(p.y, 3 * p.n, month_len(p.y, 3 * p.n));
        return;
    case TG_HALF:
        *first = sf_days_from_civil(p.y, 6 * p.n - 5, 1);
        *last = sf_days_from_civil(p.y, 6 * p.n, p.n == 1 ? 30 : 31);
        return;
    case TG_SEASON:
        *first = sf_days_from_civil(p.y, 3 * p.n, 1);
        *last = sf_days_from_civil(p.y + (p.n == 4), p.n == 4 ? 3 : 3 * p.n + 3, 1) - 1;
        return;
    case TG_YEAR:
        *first = sf_days_from_civil(p.y, 1, 1), *last = sf_days_from_civil(p.y, 12, 31);
        return;
    case TG_DECADE:
        *first = sf_days_from_civil(p.y, 1, 1), *last = sf_days_from_civil(p.y + 9, 12, 31);
        return;
    case TG_CENTURY:
        *first = sf_days_from_civil(p.y, 1, 1), *last = sf_days_from_civil(p.y + 99, 12, 31);
        return;
    default: *first = *last = INT32_MIN; return;
    }
}

/* The day k months after day (clamped to the month's end). */
static int32_t add_months(int32_t day, int k)
{
    int y, m, d;
    sf_civil_from_days(day, &y, &m, &d);
    int mm = y * 12 + (m - 1) + k;
    y = floordiv(mm, 12), m = mm - y * 12 + 1;
    if (d > month_len(y, m)) d = month_len(y, m);
    return sf_days_from_civil(y, m, d);
}

tpoint tp_shift(tpoint p, int unit, int k)
{
    if (unit == TG_WEEKEND) unit = TG_WEEK;
    if (p.g >= TG_MONTH && unit >= TG_MONTH) {
        /* a unit at least as coarse as a month on a month-or-coarser point */
        int months = unit == TG_MONTH     ? k
                     : unit == TG_QUARTER ? 3 * k
                     : unit == TG_HALF    ? 6 * k
                     : unit == TG_SEASON  ? 3 * k
                     : unit == TG_YEAR    ? 12 * k
                     : unit == TG_DECADE  ? 120 * k
                                          : 1200 * k;
        int per = p.g == TG_MONTH ? 1 : p.g == TG_QUARTER || p.g == TG_SEASON ? 3 : p.g == TG_HALF ? 6 : 0;
        if (per && months % per == 0) {
            int idx = p.y * (12 / per) + (p.n - 1) + months / per;
            p.y = floordiv(idx, 12 / per), p.n = idx - p.y * (12 / per) + 1;
            return p;
        }
        if (!per && months % 12 == 0) {
            p.y += months / 12;
            return p;
        }
    }
    int32_t first, last;
    tp_days(p, &first, &last);
    int32_t day = first;
    switch (unit) {
    case TG_DAY: day += k; break;
    case TG_WEEK: day += 7 * k; break;
    case TG_MONTH: day = add_months(day, k); break;
    case TG_QUARTER:
    case TG_SEASON: day = add_months(day, 3 * k); break;
    case TG_HALF: day = add_months(day, 6 * k); break;
    case TG_YEAR: day = add_months(p.g == TG_DAY ? p.day : day, 12 * k); break;
    case TG_DECADE: day = add_months(day, 120 * k); break;
    case TG_CENTURY: day = add_months(day, 1200 * k); break;
    default: break;
    }
    return tp_of_day(day, p.g);
}

void tp_format(tpoint p, char *out, unsigned cap)
{
    int y, m, d;
    switch (p.g) {
    case TG_DAY: {
        char ymd[11];
        sf_day_ymd(p.day, ymd);
        snprintf(out, cap, "%s", ymd);
        return;
    }
    case TG_WEEK:
    case TG_WEEKEND: {
        int32_t thu = p.day + 3; /* the ISO week's year is its Thursday's */
        sf_civil_from_days(thu, &y, &m, &d);
        int week = (int)((thu - sf_days_from_civil(y, 1, 1)) / 7) + 1;
        snprintf(out, cap, "%04d-W%02d%s", y, week, p.g == TG_WEEKEND ? "-WE" : "");
        return;
    }
    case TG_MONTH: snprintf(out, cap, "%04d-%02d", p.y, p.n); return;
    case TG_QUARTER: snprintf(out, cap, "%04d-Q%d", p.y, p.n); return;
    case TG_HALF: snprintf(out, cap, "%04d-H%d", p.y, p.n); return;
    case TG_SEASON: {
        static const char *const s[] = {"SP", "SU", "FA", "WI"};
        snprintf(out, cap, "%04d-%s", p.y, s[(p.n - 1) & 3]);
        return;
    }
    case TG_YEAR: snprintf(out, cap, "%04d", p.y); return;
    case TG_DECADE: snprintf(out, cap, "%03d", floordiv(p.y, 10)); return;
    case TG_CENTURY: snprintf(out, cap, "%02d", floordiv(p.y, 100)); return;
    default: out[0] = 0; return;
    }
}
