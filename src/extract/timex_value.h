/* timex_value.h — calendar points at a granularity (a day, an ISO week, a month, a quarter,
 * a season, a year, a decade...): moving them by calendar units and writing them as TIMEX3
 * values with the days they cover. Used by timex.c to resolve relative expressions. */
#ifndef SF_TIMEX_VALUE_H
#define SF_TIMEX_VALUE_H

#include <stdint.h>

/* Granularities, finest first. */
enum {
    TG_NONE = 0,
    TG_DAY,
    TG_WEEK,    /* an ISO week (Monday to Sunday) */
    TG_WEEKEND, /* the Saturday and Sunday of an ISO week */
    TG_MONTH,
    TG_QUARTER,
    TG_HALF,
    TG_SEASON, /* 1 spring (Mar-May), 2 summer, 3 fall, 4 winter (Dec-Feb, named by its December) */
    TG_YEAR,
    TG_DECADE,
    TG_CENTURY
};

/* A point: g, and y (year; a decade's or century's first year) with n (month, quarter,
 * half or season, 1-based) or day (a day number: the day, or a week's Monday). */
typedef struct tpoint {
    int g, y, n;
    int32_t day;
} tpoint;

/* The point of granularity g that holds day number `day`. */
tpoint tp_of_day(int32_t day, int g);

/* p moved by k units of granularity `unit` (TG_DAY .. TG_CENTURY; TG_WEEKEND counts as
 * weeks). A unit coarser than p keeps p's granularity ("a year before 1998-Q3" is
 * 1997-Q3); a finer unit moves p's first day and then takes its point ("two weeks after
 * March" is in March or April). */
tpoint tp_shift(tpoint p, int unit, int k);

/* The first and last day p covers. */
void tp_days(tpoint p, int32_t *first, int32_t *last);

/* p as a TIMEX3 value ("1998-02-06", "1998-W06", "1998-W06-WE", "1998-02", "1998-Q1",
 * "1998-H1", "1998-SU", "1998", "199", "19") into out (at least 16 bytes). */
void tp_format(tpoint p, char *out, unsigned cap);

/* ISO weekday of a day number: 1 Monday .. 7 Sunday. */
int tp_weekday(int32_t day);

#endif
