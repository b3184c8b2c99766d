/* date.h — calendar dates: parsing the forms news metadata uses, and day arithmetic.
 * Dates are proleptic Gregorian, kept as "YYYY-MM-DD" strings and as day numbers
 * (days since 1970-01-01). Time of day and zones are dropped: a report date is a day. */
#ifndef SF_DATE_H
#define SF_DATE_H

#include <stdint.h>

int32_t sf_days_from_civil(int y, int m, int d);
void sf_civil_from_days(int32_t z, int *y, int *m, int *d);

/* Parse ISO 8601 ("2022-02-26", "2022-02-26T10:00:00Z"), compact "20220226", RFC 2822
 * ("Sat, 26 Feb 2022 10:00:00 +0000"), Reuters ("26-FEB-1987 15:01:01.79"),
 * "February 26, 2022" and "26 February 2022". Leading/trailing blanks are ignored.
 * On success writes "YYYY-MM-DD" into out and returns 0; returns -1 otherwise. */
int sf_date_parse(const char *s, char out[11]);

/* Day number of a "YYYY-MM-DD" string, or SF_NO_DAY (from storyfold.h). */
int32_t sf_date_day(const char *ymd);

#endif
