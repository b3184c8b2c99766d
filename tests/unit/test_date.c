/* test_date.c — unit tests for src/core/date.c: sf_date_parse over every documented form
 * and rejections, leap years, the civil <-> day-number conversion and sf_date_day. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "storyfold.h"

/* Parse s, expecting success and the given "YYYY-MM-DD". */
static void expect_date(const char *s, const char *want)
{
    char out[11];
    memset(out, 'X', sizeof out);
    if (sf_date_parse(s, out) != 0) fail_msg("sf_date_parse(\"%s\") failed, want %s", s, want);
    if (strcmp(out, want) != 0)
        fail_msg("sf_date_parse(\"%s\") = \"%.11s\", want %s", s, out, want);
}

static void expect_reject(const char *s)
{
    char out[11] = "";
    if (sf_date_parse(s, out) != -1)
        fail_msg("sf_date_parse(\"%s\") accepted it as \"%.11s\", want -1", s, out);
}

static void test_iso(void **state)
{
    (void)state;
    expect_date("2022-02-26", "2022-02-26");
    expect_date("2022-02-26T10:00:00Z", "2022-02-26");
    /* the zone is dropped, not applied: a report date is the day written */
    expect_date("2022-02-26T23:30:00-05:00", "2022-02-26");
    expect_date("1987-10-19 09:30:00", "1987-10-19");
    expect_date("  2022-02-26  ", "2022-02-26");
    expect_date("\t2019-12-31\n", "2019-12-31");
}

static void test_compact(void **state)
{
    (void)state;
    expect_date("20220226", "2022-02-26");
    expect_date("19991231", "1999-12-31");
    expect_date(" 20000101 ", "2000-01-01");
    expect_reject("20221301");  /* month 13 */
    expect_reject("20220230");  /* Feb 30 */
    expect_reject("202202261"); /* nine digits */
}

static void test_rfc2822(void **state)
{
    (void)state;
    expect_date("Sat, 26 Feb 2022 10:00:00 +0000", "2022-02-26");
    expect_date("Tue, 1 Mar 2022 08:15:00 GMT", "2022-03-01");
    expect_date("26 Feb 2022 10:00:00 +0000", "2022-02-26"); /* weekday is optional */
    expect_date("Wed, 31 Dec 2025 23:59:59 -0800", "2025-12-31");
    /* RFC 822 (RSS pubDate): two-digit years; a weekday without its comma */
    expect_date("Tue, 01 Apr 25 09:30:00 GMT", "2025-04-01");
    expect_date("Fri, 13 Nov 98 10:00 EST", "1998-11-13");
    expect_date("Tuesday, 01-Apr-25 09:30:00 GMT", "2025-04-01");
    expect_date("Tue 01 Apr 2025 09:30:00 GMT", "2025-04-01");
    expect_reject("Tue, 01 Apr 253"); /* neither two digits nor four */
    expect_reject("Tue, 01 Apr 2");
    expect_reject("Mayday 01 Apr 2025");
}

static void test_reuters(void **state)
{
    (void)state;
    expect_date("26-FEB-1987 15:01:01.79", "1987-02-26");
    expect_date(" 3-MAR-1987 09:10:11.00", "1987-03-03");
    expect_date("19-OCT-1987 00:00:00.00", "1987-10-19");
}

static void test_month_names(void **state)
{
    (void)state;
    expect_date("February 26, 2022", "2022-02-26");
    expect_date("Feb. 26, 2022", "2022-02-26");
    expect_date("Feb 26, 2022", "2022-02-26");
    expect_date("Sept. 5, 2021", "2021-09-05");
    expect_date("december 7, 1999", "1999-12-07");
    expect_date("26 February 2022", "2022-02-26");
    expect_date("5 July 2020", "2020-07-05");
    expect_date("May 1, 2023", "2023-05-01");
}

static void test_rejects(void **state)
{
    (void)state;
    expect_reject("2022-02-30");
    expect_reject("2022-13-01");
    expect_reject("2022-00-10");
    expect_reject("2022-04-31");
    expect_reject("2022-01-00");
    expect_reject("");
    expect_reject("   ");
    expect_reject("May");
    expect_reject("yesterday");
    expect_reject("12345");
    expect_reject("February 30, 2022");
    expect_reject("31 April 2022");
    expect_reject("Smarch 3, 2022");
    expect_reject("2022/02/26");
    char out[11] = "";
    assert_int_equal(sf_date_parse(NULL, out), -1);
}

static void test_leap_years(void **state)
{
    (void)state;
    expect_date("2024-02-29", "2024-02-29"); /* divisible by 4 */
    expect_date("2000-02-29", "2000-02-29"); /* divisible by 400 */
    expect_date("29 Feb 1996", "1996-02-29");
    expect_date("February 29, 2016", "2016-02-29");
    expect_reject("2023-02-29"); /* not divisible by 4 */
    expect_reject("1900-02-29"); /* divisible by 100, not by 400 */
    expect_reject("2100-02-29");
    expect_reject("20230229");
    expect_reject("29-FEB-1987 10:00:00.00");

    /* day numbers: leap day sits between Feb 28 and Mar 1 */
    assert_int_equal(sf_days_from_civil(2024, 2, 29), sf_days_from_civil(2024, 2, 28) + 1);
    assert_int_equal(sf_days_from_civil(2024, 3, 1), sf_days_from_civil(2024, 2, 29) + 1);
    assert_int_equal(sf_days_from_civil(2023, 3, 1), sf_days_from_civil(2023, 2, 28) + 1);
    assert_int_equal(sf_days_from_civil(1900, 3, 1), sf_days_from_civil(1900, 2, 28) + 1);
    /* year lengths */
    assert_int_equal(sf_days_from_civil(2001, 1, 1) - sf_days_from_civil(2000, 1, 1), 366);
    assert_int_equal(sf_days_from_civil(1901, 1, 1) - sf_days_from_civil(1900, 1, 1), 365);
    assert_int_equal(sf_days_from_civil(2025, 1, 1) - sf_days_from_civil(2024, 1, 1), 366);
    assert_int_equal(sf_days_from_civil(2023, 1, 1) - sf_days_from_civil(2022, 1, 1), 365);
}

static void test_known_days(void **state)
{
    (void)state;
    assert_int_equal(sf_days_from_civil(1970, 1, 1), 0);
    assert_int_equal(sf_days_from_civil(1970, 1, 2), 1);
    assert_int_equal(sf_days_from_civil(1969, 12, 31), -1);
    assert_int_equal(sf_days_from_civil(2000, 1, 1), 10957);  /* 946684800 / 86400 */
    assert_int_equal(sf_days_from_civil(2000, 3, 1), 11017);  /* + 31 + 29 */
    assert_int_equal(sf_days_from_civil(2022, 1, 1), 18993);  /* 1640995200 / 86400 */
    assert_int_equal(sf_days_from_civil(1900, 1, 1), -25567); /* -2208988800 / 86400 */

    int y, m, d;
    sf_civil_from_days(0, &y, &m, &d);
    assert_true(y == 1970 && m == 1 && d == 1);
    sf_civil_from_days(11017, &y, &m, &d);
    assert_true(y == 2000 && m == 3 && d == 1);
    sf_civil_from_days(11016, &y, &m, &d);
    assert_true(y == 2000 && m == 2 && d == 29);
    sf_civil_from_days(-1, &y, &m, &d);
    assert_true(y == 1969 && m == 12 && d == 31);
    sf_civil_from_days(-25567, &y, &m, &d);
    assert_true(y == 1900 && m == 1 && d == 1);
}

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_len(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : dm[m - 1];
}

/* Walk day by day from year -800 to 4800: every day number maps to a valid date that is
 * the day after the previous one, and back to the same number. */
static void test_round_trip(void **state)
{
    (void)state;
    int32_t lo = sf_days_from_civil(-800, 1, 1), hi = sf_days_from_civil(4800, 12, 31);
    int py = -801, pm = 12, pd = 31; /* the day before lo */
    for (int32_t z = lo; z <= hi; z++) {
        int y, m, d;
        sf_civil_from_days(z, &y, &m, &d);
        /* the successor of (py, pm, pd) */
        int ey = py, em = pm, ed = pd + 1;
        if (ed > month_len(py, pm)) {
            ed = 1;
            if (++em > 12) em = 1, ey++;
        }
        if (y != ey || m != em || d != ed)
            fail_msg("day %d -> %d-%d-%d, want %d-%d-%d", (int)z, y, m, d, ey, em, ed);
        if (sf_days_from_civil(y, m, d) != z)
            fail_msg("%d-%d-%d -> %d, want %d", y, m, d, (int)sf_days_from_civil(y, m, d), (int)z);
        py = y, pm = m, pd = d;
    }
    assert_int_equal(py, 4800);
    /* the span is the sum of the year lengths */
    long days = 0;
    for (int y = -800; y <= 4800; y++) days += is_leap(y) ? 366 : 365;
    assert_int_equal((long)hi - lo + 1, days);
}

static void test_date_day(void **state)
{
    (void)state;
    assert_int_equal(sf_date_day("1970-01-01"), 0);
    assert_int_equal(sf_date_day("2000-03-01"), 11017);
    assert_int_equal(sf_date_day("2022-02-26"), sf_days_from_civil(2022, 2, 26));
    assert_int_equal(sf_date_day("2022-02-26"), 18993 + 31 + 25);
    assert_int_equal(sf_date_day(NULL), SF_NO_DAY);
    assert_int_equal(sf_date_day(""), SF_NO_DAY);
    assert_int_equal(sf_date_day("2022/02/26"), SF_NO_DAY);
    assert_int_equal(sf_date_day("Feb 26, 2022"), SF_NO_DAY);
    assert_int_equal(sf_date_day("2022-2-26"), SF_NO_DAY);

    /* sf_day_ymd writes what sf_date_day reads */
    char ymd[11];
    sf_day_ymd(0, ymd);
    assert_string_equal(ymd, "1970-01-01");
    sf_day_ymd(sf_days_from_civil(2024, 2, 29), ymd);
    assert_string_equal(ymd, "2024-02-29");
    for (int32_t day = -800; day < 30000; day += 97) {
        sf_day_ymd(day, ymd);
        assert_int_equal(sf_date_day(ymd), day);
    }

    /* what sf_date_parse writes, sf_date_day reads */
    char out[11];
    assert_int_equal(sf_date_parse("Sat, 26 Feb 2022 10:00:00 +0000", out), 0);
    assert_int_equal(sf_date_day(out), sf_days_from_civil(2022, 2, 26));
    assert_int_equal(sf_date_parse("26-FEB-1987 15:01:01.79", out), 0);
    assert_int_equal(sf_date_day(out), sf_days_from_civil(1987, 2, 26));
    /* two days apart in text, two apart in numbers, across a month end */
    assert_int_equal(sf_date_day("2022-03-01") - sf_date_day("2022-02-27"), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_iso),         cmocka_unit_test(test_compact),
        cmocka_unit_test(test_rfc2822),     cmocka_unit_test(test_reuters),
        cmocka_unit_test(test_month_names), cmocka_unit_test(test_rejects),
        cmocka_unit_test(test_leap_years),  cmocka_unit_test(test_known_days),
        cmocka_unit_test(test_round_trip),  cmocka_unit_test(test_date_day),
    };
    return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
