/* test_timex.c — unit tests for src/extract/timex.c and timex_value.c: time expressions in
 * invented sentences, analyzed as whole documents (sf_doc_analyze) with a fixed date
 * (Saturday 2022-02-26, ISO week 2022-W08): each case lists every expression expected, in
 * order, with its exact text (so the offsets), type and TIMEX3 value, and nothing else may be
 * found. Covered: absolute dates, weekdays in past and future sentences, relative weeks,
 * months and years, "ago" and "earlier", durations, quarters, seasons, decades, clock
 * times, parts of the day, sets, present/past/future references, documents without a date,
 * boilerplate skipped, the days an expression covers, and words that only look like time
 * ("May" the verb and name, "march", "Sunday Times", scores, counts, phone numbers). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "extract/timex_value.h"
#include "storyfold.h"

enum { D = SF_TIMEX_DATE, T = SF_TIMEX_TIME, U = SF_TIMEX_DURATION, S = SF_TIMEX_SET };

typedef struct want {
    const char *text;
    int type;
    const char *value;
} want;

typedef struct tcase {
    const char *text;
    want w[5]; /* ends at text NULL */
} tcase;

#define DCT "2022-02-26"

static const tcase cases[] = {
    /* weekdays: past sentences look back (on or before the date), future ones ahead */
    {"The talks ended on Friday, officials said.", {{"Friday", D, "2022-02-25"}}},
    {"The ministers will meet again on Friday.", {{"Friday", D, "2022-03-04"}}},
    {"The market opened on Saturday morning.", {{"Saturday morning", T, "2022-02-26TMO"}}},
    {"Pickets gathered last Monday.", {{"last Monday", D, "2022-02-21"}}},
    {"They walked out on Wednesday, Feb. 16.", {{"Wednesday, Feb. 16", D, "2022-02-16"}}},
    /* relative weeks, months, years */
    {"Prices rose last week and will fall next week.",
     {{"last week", D, "2022-W07"}, {"next week", D, "2022-W09"}}},
    {"Sales grew last year, and this year looks weaker.",
     {{"last year", D, "2021"}, {"this year", D, "2022"}}},
    {"Earlier this month the council met.", {{"Earlier this month", D, "2022-02"}}},
    {"The levy starts early next year.", {{"early next year", D, "2023"}}},
    {"The depot was busy this weekend.", {{"this weekend", D, "2022-W08-WE"}}},
    {"The bridge closed two days ago.", {{"two days ago", D, "2022-02-24"}}},
    {"A year earlier the figure was lower.", {{"A year earlier", D, "2021"}}},
    {"Today the mayor spoke; yesterday she was silent.",
     {{"Today", D, "2022-02-26"}, {"yesterday", D, "2022-02-25"}}},
    {"Tomorrow she travels, and tonight she rests.",
     {{"Tomorrow", D, "2022-02-27"}, {"tonight", T, "2022-02-26TNI"}}},
    {"The storm hit overnight.", {{"overnight", T, "2022-02-25TNI"}}},
    {"The depot will stay shut overnight.", {{"overnight", T, "2022-02-26TNI"}}},
    {"Shares fell on Thursday after overnight losses abroad. The index closed below the previous "
     "Friday.",
     {{"Thursday", D, "2022-02-24"}, {"overnight", T, "2022-02-23TNI"},
      {"the previous Friday", D, "2022-02-18"}}},
    {"The canal froze this morning.", {{"this morning", T, "2022-02-26TMO"}}},
    /* anaphora: from the last point named */
    {"He left in May 2010. Later that year he came back, and the following year he retired.",
     {{"May 2010", D, "2010-05"}, {"that year", D, "2010"}, {"the following year", D, "2011"}}},
    {"The bank failed on Feb. 3 at 9 a.m.; that same day the fund closed.",
     {{"Feb. 3", D, "2022-02-03"}, {"9 a.m.", T, "2022-02-03T09:00"}, {"that same day", D, "2022-02-03"}}},
    /* absolute dates */
    {"It opened on Feb. 25, 2022, after delays.", {{"Feb. 25, 2022", D, "2022-02-25"}}},
    {"The vote is set for 3 March 2022.", {{"3 March 2022", D, "2022-03-03"}}},
    {"The plant was built in 1998 and expanded in early 2004.",
     {{"1998", D, "1998"}, {"early 2004", D, "2004"}}},
    {"Rationing began in November and lasted until July 1997.",
     {{"November", D, "2021-11"}, {"July 1997", D, "1997-07"}}},
    {"The strike is expected to end in mid-March.", {{"mid-March", D, "2022-03"}}},
    {"The record dates from 2019-06-30.", {{"2019-06-30", D, "2019-06-30"}}},
    {"Fiscal 1989 was a loss; the 1990s were calm.",
     {{"Fiscal 1989", D, "1989"}, {"the 1990s", D, "199"}}},
    {"The summit took place in the summer of 1998.", {{"the summer of 1998", D, "1998-SU"}}},
    {"Crowds gathered last fall.", {{"last fall", D, "2021-FA"}}},
    {"Rents were low in the nineties.", {{"the nineties", D, "199"}}},
    {"It was the worst flood of the 20th century.", {{"the 20th century", D, "19"}}},
    {"The hearing is set for Tuesday; rent is due on the 25th of March.",
     {{"Tuesday", D, "2022-03-01"}, {"the 25th of March", D, "2022-03-25"}}},
    {"Nineteen ninety-six was a dry year.", {{"Nineteen ninety-six", D, "1996"}}},
    /* quarters and halves */
    {"Third-quarter profit fell, and the fourth quarter of 1998 was worse.",
     {{"Third-quarter", D, "2021-Q3"}, {"the fourth quarter of 1998", D, "1998-Q4"}}},
    {"Revenue doubled in the first half of 2021 and fell in the last half of 2021.",
     {{"the first half of 2021", D, "2021-H1"}, {"the last half of 2021", D, "2021-H2"}}},
    /* durations */
    {"The fire burned for 23 days.", {{"23 days", U, "P23D"}}},
    {"Output has fallen over the past three years.", {{"the past three years", U, "P3Y"}}},
    {"Shares slid in the last two weeks.", {{"the last two weeks", U, "P2W"}}},
    {"The team needed several years to finish.", {{"several years", U, "PXY"}}},
    {"She signed a five-year contract after nearly an hour.",
     {{"five-year", U, "P5Y"}, {"nearly an hour", U, "PT1H"}}},
    {"Repairs took a couple of months.", {{"a couple of months", U, "P2M"}}},
    {"The climb took two and a half years, the descent 5 1/2 hours.",
     {{"two and a half years", U, "P2Y6M"}, {"5 1/2 hours", U, "PT5H30M"}}},
    /* clock times */
    {"The polls closed at 5 p.m. Friday.", {{"5 p.m. Friday", T, "2022-02-25T17:00"}}},
    {"The train left at 10:35 a.m. on time.", {{"10:35 a.m.", T, "2022-02-26T10:35"}}},
    {"The truce began at 0600 GMT.", {{"0600 GMT", T, "2022-02-26T06:00"}}},
    {"Trading slowed at mid-afternoon yesterday after day-long talks.",
     {{"mid-afternoon yesterday", T, "2022-02-25TAF"}, {"day-long", U, "P1D"}}},
    /* sets */
    {"He visits the city every Friday and files a report daily.",
     {{"every Friday", S, "XXXX-WXX-5"}, {"daily", S, "P1D"}}},
    {"The permit costs $300 a year.", {{"a year", S, "P1Y"}}},
    /* references to the present, past and future */
    {"Now the river is falling, and it is currently below the bank.",
     {{"Now", D, "PRESENT_REF"}, {"currently", D, "PRESENT_REF"}}},
    {"Rents have recently risen; in the past they were lower.",
     {{"recently", D, "PAST_REF"}, {"the past", D, "PAST_REF"}}},
    {"In the future they may rise.", {{"the future", D, "FUTURE_REF"}}},
    {"Officials blamed current market conditions.", {{"current", D, "PRESENT_REF"}}},
    /* look like time, are not */
    {"May I ask whether she may stay?", {{NULL, 0, NULL}}},
    {"May Wilson and April Ryan spoke to the crowd.", {{NULL, 0, NULL}}},
    {"The march was long, and the March of the workers was longer.", {{NULL, 0, NULL}}},
    {"The Sunday Times reported a 4-3 win.", {{NULL, 0, NULL}}},
    {"The club had 2000 members and 1999 volunteers.", {{NULL, 0, NULL}}},
    {"Call 555-1234 or 020 7946 0958 for Flight 1998.", {{NULL, 0, NULL}}},
    {"The 6-year-old won $2,000.", {{NULL, 0, NULL}}},
    {"He told Radio 4's Today programme that the rule hits 16 to 17-year-olds.", {{NULL, 0, NULL}}},
    {"The scheme would save 50 lives a year.", {{"a year", S, "P1Y"}}},
    {"The fall of the government came in the fall.", {{"the fall", D, "2021-FA"}}},
    {"The 2012 Summer Olympics drew a 24-hour queue.", {{"2012", D, "2012"}, {"24-hour", U, "PT24H"}}},
    /* earnings: "a year earlier" is the reported quarter a year back while quarters are the
     * topic, the year once a span of months is */
    {"Fourth-quarter profit doubled. Costs fell. Debt shrank. "
     "Sales were flat against a year earlier.",
     {{"Fourth-quarter", D, "2021-Q4"}, {"a year earlier", D, "2020-Q4"}}},
    {"The fourth-quarter loss widened. For the nine months, revenue beat the level of a year "
     "earlier.",
     {{"fourth-quarter", D, "2021-Q4"},
      {"the nine months", U, "P9M"},
      {"a year earlier", D, "2021"}}},
    {"Net income rose in the fourth quarter. For the quarter a year ago, the firm lost money.",
     {{"the fourth quarter", D, "2021-Q4"}, {"the quarter a year ago", D, "2020-Q4"}}},
    {"The fourth-quarter margin slipped below the period last year.",
     {{"fourth-quarter", D, "2021-Q4"}, {"last year", D, "2020-Q4"}}},
    /* a clock time without its day: on a day named this sentence or the one before, else the
     * DCT's; a bracketed other zone does not hide the day after it */
    {"The vault was opened on Feb. 3. Staff counted the cash. Auditors left. "
     "A guard came at 6 a.m.",
     {{"Feb. 3", D, "2022-02-03"}, {"6 a.m.", T, "2022-02-26T06:00"}}},
    {"The dam burst at 10:35 a.m. (0735 GMT) Thursday.",
     {{"10:35 a.m.", T, "2022-02-24T10:35"}, {"Thursday", D, "2022-02-24"}}},
    /* "since" looks back; "since year-end" is last year's end */
    {"The port has been shut since March.", {{"March", D, "2021-03"}}},
    {"Shares are up 4% since year-end.", {{"year-end", D, "2021"}}},
    /* plans: "planned a rally", "planning for" lie ahead; "were expected to" is no past; a
     * noun "plans" no cue */
    {"Fans planned a rally on Sunday.", {{"Sunday", D, "2022-02-27"}}},
    {"Crews reopen the road on Monday, officials were expected to confirm.",
     {{"Monday", D, "2022-02-28"}}},
    {"Staff began planning for the summit in July.", {{"July", D, "2022-07"}}},
    {"On Friday, her holiday plans were dropped.", {{"Friday", D, "2022-02-25"}}},
    /* an infinitive looks ahead for a weekday close after it, not one after its object */
    {"Crowds marched to honour the founders of the old guild on Friday.",
     {{"Friday", D, "2022-02-25"}}},
    {"The ministers agreed to meet on Friday.", {{"Friday", D, "2022-03-04"}}},
    /* a participle before "by" is no past tense */
    {"The airline will add flights by August to markets untouched by the slump.",
     {{"August", D, "2022-08"}}},
    /* "the day before/after" a day */
    {"The day before last Tuesday's vote, rain fell.",
     {{"The day before last Tuesday", D, "2022-02-21"}}},
    {"Shops reopened the day after Christmas.", {{"the day after Christmas", D, "2021-12-26"}}},
};

static sf_doc *analyze(const char *text, const char *date)
{
    sf_doc *d = sf_doc_new();
    d->text = strdup(text);
    assert_non_null(d->text);
    d->len = strlen(text);
    d->day = date ? sf_date_day(date) : SF_NO_DAY;
    sf_error err = {0};
    assert_int_equal(sf_doc_analyze(d, &err), SF_OK);
    return d;
}

/* d's timexes are exactly w (in order), each at the first occurrence of its text after the
 * previous one. */
static void expect(const sf_doc *d, const want *w, const char *what)
{
    size_t n = 0, from = 0;
    for (; w[n].text; n++) {
        if (n >= d->n_timexes) fail_msg("%s: '%s' not found", what, w[n].text);
        const sf_timex *x = &d->timexes[n];
        const char *at = strstr(d->text + from, w[n].text);
        assert_non_null(at);
        uint32_t s = (uint32_t)(at - d->text), e = s + (uint32_t)strlen(w[n].text);
        if (x->start != s || x->end != e || x->type != w[n].type || strcmp(x->value, w[n].value))
            fail_msg("%s: want '%s' %s %s at %u-%u, got '%.*s' %s %s at %u-%u", what, w[n].text,
                     sf_timex_type_name(w[n].type), w[n].value, s, e, (int)(x->end - x->start),
                     d->text + x->start, sf_timex_type_name(x->type), x->value, x->start, x->end);
        from = e;
    }
    if (d->n_timexes != n) {
        const sf_timex *x = &d->timexes[n];
        fail_msg("%s: unexpected '%.*s' %s %s", what, (int)(x->end - x->start),
                 d->text + x->start, sf_timex_type_name(x->type), x->value);
    }
}

static void test_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sf_doc *d = analyze(cases[i].text, DCT);
        expect(d, cases[i].w, cases[i].text);
        sf_doc_free(d);
    }
}

/* Several sentences: offsets into the whole text, and the days covered. */
static void test_offsets_and_days(void **state)
{
    (void)state;
    sf_doc *d = analyze("Floodwater rose on Thursday.\n\nBy last week the dam had held for "
                        "40 years. Engineers said 2022 would be the test.",
                        DCT);
    want w[] = {{"Thursday", D, "2022-02-24"},
                {"last week", D, "2022-W07"},
                {"40 years", U, "P40Y"},
                {"2022", D, "2022"},
                {NULL, 0, NULL}};
    expect(d, w, "offsets");
    assert_int_equal(d->timexes[0].first, sf_date_day("2022-02-24"));
    assert_int_equal(d->timexes[0].last, sf_date_day("2022-02-24"));
    assert_int_equal(d->timexes[1].first, sf_date_day("2022-02-14"));
    assert_int_equal(d->timexes[1].last, sf_date_day("2022-02-20"));
    assert_int_equal(d->timexes[2].first, SF_NO_DAY);
    assert_int_equal(d->timexes[2].last, SF_NO_DAY);
    assert_int_equal(d->timexes[3].first, sf_date_day("2022-01-01"));
    assert_int_equal(d->timexes[3].last, sf_date_day("2022-12-31"));
    sf_doc_free(d);
}

/* Without a document date, relative values stay unresolved. */
static void test_no_date(void **state)
{
    (void)state;
    sf_doc *d = analyze("The board met on Friday, and sales fell last year, in March 1998.", NULL);
    want w[] = {{"Friday", D, "XXXX-WXX-5"},
                {"last year", D, ""},
                {"March 1998", D, "1998-03"},
                {NULL, 0, NULL}};
    expect(d, w, "no date");
    assert_int_equal(d->timexes[0].first, SF_NO_DAY);
    sf_doc_free(d);
}

/* Boilerplate lines (here a teaser) are skipped; the body is not. */
static void test_boilerplate(void **state)
{
    (void)state;
    sf_doc *d = analyze("Dam holds after the rain\n\n"
                        "Also Read | Ten photos of the flood taken on Friday.\n\n"
                        "The water fell on Thursday.",
                        DCT);
    want w[] = {{"Thursday", D, "2022-02-24"}, {NULL, 0, NULL}};
    expect(d, w, "boilerplate");
    sf_doc_free(d);
}

/* Calendar points: ISO weeks across a year's end, quarters and seasons shifted by years. */
static void test_points(void **state)
{
    (void)state;
    char v[40];
    tp_format(tp_of_day(sf_date_day("2021-01-03"), TG_WEEK), v, sizeof v);
    assert_string_equal(v, "2020-W53");
    tp_format(tp_of_day(sf_date_day("2024-12-30"), TG_WEEK), v, sizeof v);
    assert_string_equal(v, "2025-W01");
    tpoint q = tp_shift(tp_of_day(sf_date_day("1989-08-01"), TG_QUARTER), TG_YEAR, -1);
    tp_format(q, v, sizeof v);
    assert_string_equal(v, "1988-Q3");
    tpoint w = tp_of_day(sf_date_day("2022-01-15"), TG_SEASON);
    tp_format(w, v, sizeof v);
    assert_string_equal(v, "2021-WI");
    int32_t f, l;
    tp_days(w, &f, &l);
    assert_int_equal(f, sf_date_day("2021-12-01"));
    assert_int_equal(l, sf_date_day("2022-02-28"));
    tpoint m = tp_shift(tp_of_day(sf_date_day("2022-01-31"), TG_DAY), TG_MONTH, 1);
    tp_format(m, v, sizeof v);
    assert_string_equal(v, "2022-02-28");
    assert_int_equal(tp_weekday(sf_date_day("2022-02-26")), 6);
    assert_string_equal(sf_timex_type_name(SF_TIMEX_SET), "SET");
    assert_string_equal(sf_timex_type_name(0), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),       cmocka_unit_test(test_offsets_and_days),
        cmocka_unit_test(test_no_date),     cmocka_unit_test(test_boilerplate),
        cmocka_unit_test(test_points),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
