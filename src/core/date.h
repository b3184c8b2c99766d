/* date.h — calendar dates: parsing the forms news metadata uses, and day arithmetic.
 * Dates are proleptic Gregorian, kept as "YYYY-MM-DD" strings and as day numbers
 * (days since 1970-01-01). Time of day and zones are dropped: a report date is a day. */
#ifndef SF_DATE_H
#define SF_DATE_H

#include <stdint.h>

#include "storyfold.h"

int32_t sf_days_from_civil(int y, int m, int d);
void sf_civil_from_days(int32_t z, int *y, int *m, int *d);

/* sf_date_parse (parsing the forms of dates in metadata) is public: storyfold.h. */

/* Day number of a "YYYY-MM-DD" string, or SF_NO_DAY (from storyfold.h). */
int32_t sf_date_day(const char *ymd);
/* The "YYYY-MM-DD" string of a day number, into out. */
void sf_day_ymd(int32_t day, char out[11]);

#endif
