/* test_number.c — unit tests for src/extract/number.c: numeric claims in invented sentences
 * (digits, written numbers, vague plurals, qualifiers, ranges, percentages, money, what a
 * number counts and its predicate), what is not a claim (years, dates, times, ordinals, list
 * markers, ages, identifiers, phone numbers, pronoun "one"), offsets inside a larger text,
 * empty input, a sentence of 10,000 numbers, and random token soup (no crash, sane spans). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/number.h"

enum { C = SF_NUM_COUNT, P = SF_NUM_PERCENT, M = SF_NUM_MONEY };

/* One expected claim: its text, value, high, kind, qualifier, counts and predicate ("" =
 * none). */
typedef struct want {
    const char *text;
    double value, high;
    int kind;
    const char *qual, *counts, *pred;
} want;

typedef struct tcase {
    const char *sent;
    want w[4]; /* ends at text NULL */
} tcase;

static const tcase cases[] = {
    /* the brief's examples */
    {"198 people, including three children, have died in Velmora.",
     {{"198", 198, 198, C, "", "people", "died"}, {"three", 3, 3, C, "", "children", ""}}},
    {"More than 120,000 have fled Ostrand since the dam broke.",
     {{"More than 120,000", 120000, 120000, C, "more than", "", "fled"}}},
    {"Over 150,000 troops massed near the Velmora border.",
     {{"Over 150,000", 150000, 150000, C, "over", "troops", "massed"}}},
    {"The council backed the plan by 11 votes to one.", {{"11", 11, 11, C, "", "votes", ""}}},
    /* digits, scale words */
    {"At least 1,200 homes were destroyed.",
     {{"At least 1,200", 1200, 1200, C, "at least", "homes", "destroyed"}}},
    {"About 1.5 million people live in Ostrand.",
     {{"About 1.5 million", 1500000, 1500000, C, "about", "people", ""}}},
    {"Velmora has 2 billion barrels of oil.", {{"2 billion", 2e9, 2e9, C, "", "barrels", ""}}},
    {"The quake measured 3.5 on Tuesday.", {{"3.5", 3.5, 3.5, C, "", "", ""}}},
    /* written numbers */
    {"Twenty-one miners were trapped underground.",
     {{"Twenty-one", 21, 21, C, "", "miners", "trapped"}}},
    {"Rescuers found three hundred and fifty survivors.",
     {{"three hundred and fifty", 350, 350, C, "", "survivors", ""}}},
    {"Nearly three million people voted.",
     {{"Nearly three million", 3e6, 3e6, C, "nearly", "people", "voted"}}},
    {"A dozen soldiers deserted overnight.", {{"A dozen", 12, 12, C, "", "soldiers", "deserted"}}},
    {"Ostrand sent a hundred volunteers.", {{"a hundred", 100, 100, C, "", "volunteers", ""}}},
    {"The ferry carried ninety five passengers.",
     {{"ninety five", 95, 95, C, "", "passengers", ""}}},
    {"Police detained thirty protesters in Ostrand.",
     {{"thirty", 30, 30, C, "", "protesters", ""}}},
    {"Zero casualties were reported.", {{"Zero", 0, 0, C, "", "casualties", "reported"}}},
    /* vague plurals: ranges */
    {"Dozens of villagers fled the shelling.", {{"Dozens", 24, 99, C, "", "villagers", "fled"}}},
    {"Tens of thousands of people marched through Ostrand.",
     {{"Tens of thousands", 20000, 99999, C, "", "people", "marched"}}},
    {"Hundreds were injured in the blast.", {{"Hundreds", 200, 999, C, "", "", "injured"}}},
    {"Hundreds of thousands lost their homes.",
     {{"Hundreds of thousands", 200000, 999999, C, "", "", "lost"}}},
    {"Thousands of homes lost power.", {{"Thousands", 2000, 9999, C, "", "homes", "lost"}}},
    {"Several hundred people protested.",
     {{"Several hundred", 300, 900, C, "", "people", "protested"}}},
    {"A few thousand troops remained in Ostrand.",
     {{"A few thousand", 2000, 5000, C, "", "troops", "remained"}}},
    /* qualifiers */
    {"Up to 40 boats sank near Velmora.", {{"Up to 40", 40, 40, C, "up to", "boats", "sank"}}},
    {"Fewer than 200 residents stayed behind.",
     {{"Fewer than 200", 200, 200, C, "fewer than", "residents", "stayed"}}},
    {"An estimated 3,000 refugees crossed into Ostrand.",
     {{"An estimated 3,000", 3000, 3000, C, "an estimated", "refugees", "crossed"}}},
    {"Almost 900 Velmoran soldiers surrendered.",
     {{"Almost 900", 900, 900, C, "almost", "soldiers", "surrendered"}}},
    {"Approximately 75 aid workers were evacuated.",
     {{"Approximately 75", 75, 75, C, "approximately", "aid workers", "evacuated"}}},
    {"Around 60 people in Ostrand were displaced.",
     {{"Around 60", 60, 60, C, "around", "people", "displaced"}}},
    {"The mayor said no more than 30 guards remained on duty.",
     {{"no more than 30", 30, 30, C, "no more than", "guards", "remained"}}},
    {"Police counted just over 500 marchers.",
     {{"just over 500", 500, 500, C, "just over", "marchers", ""}}},
    {"Some 400 people gathered in the square.",
     {{"Some 400", 400, 400, C, "some", "people", "gathered"}}},
    /* ranges */
    {"Between 40 and 60 fishermen were rescued.",
     {{"Between 40 and 60", 40, 60, C, "", "fishermen", "rescued"}}},
    {"Police arrested 40 to 60 protesters.", {{"40 to 60", 40, 60, C, "", "protesters", ""}}},
    {"Some 40-60 families returned to Velmora.",
     {{"Some 40-60", 40, 60, C, "some", "families", "returned"}}},
    {"Troops fired 2 to 3 million rounds.", {{"2 to 3 million", 2e6, 3e6, C, "", "rounds", ""}}},
    {"The price rose from 40 to 60 euros.",
     {{"40", 40, 40, C, "", "", ""}, {"60 euros", 60, 60, M, "", "", ""}}},
    {"Rebels seized between 2 and 3 billion dollars.",
     {{"between 2 and 3 billion dollars", 2e9, 3e9, M, "", "", ""}}},
    {"Velmora shares fell 3.2% to $41.50.", /* no range across units */
     {{"3.2%", 3.2, 3.2, P, "", "", ""}, {"$41.50", 41.5, 41.5, M, "", "", ""}}},
    /* percentages */
    {"Roughly 12% of the harvest was lost.", {{"Roughly 12%", 12, 12, P, "roughly", "", "lost"}}},
    {"Turnout fell 12 per cent.", {{"12 per cent", 12, 12, P, "", "", ""}}},
    {"Officials said 3.5 percent of voters stayed home.",
     {{"3.5 percent", 3.5, 3.5, P, "", "", "stayed"}}},
    {"Less than 5% of the aid arrived.", {{"Less than 5%", 5, 5, P, "less than", "", "arrived"}}},
    {"Only twelve percent of Ostrand voted.", {{"twelve percent", 12, 12, P, "", "", "voted"}}},
    {"Support for the mayor dropped 4 percentage points.",
     {{"4 percentage points", 4, 4, P, "", "", ""}}},
    {"Prices climbed 10 to 15% in Ostrand.", {{"10 to 15%", 10, 15, P, "", "", ""}}},
    /* money */
    {"Velmora pledged $5 million to rebuild the bridge.",
     {{"$5 million", 5e6, 5e6, M, "", "", ""}}},
    {"The fine was €300, Ilsa Marovic said.", {{"€300", 300, 300, M, "", "", ""}}},
    {"Ostrand's budget rose to £2.5bn this year.", {{"£2.5bn", 2.5e9, 2.5e9, M, "", "", ""}}},
    {"Each ticket cost 300 euros.", {{"300 euros", 300, 300, M, "", "", ""}}},
    {"The central bank printed 40 million hryvnias.",
     {{"40 million hryvnias", 4e7, 4e7, M, "", "", ""}}},
    {"The mayor stole five million dollars, prosecutors said.",
     {{"five million dollars", 5e6, 5e6, M, "", "", ""}}},
    {"Millions of euros went missing.", {{"Millions of euros", 2e6, 9999999, M, "", "", "went"}}},
    {"Velmora lost $12m in tolls.", {{"$12m", 12e6, 12e6, M, "", "", ""}}},
    {"USD 40 million was wired to Ostrand.", {{"USD 40 million", 4e7, 4e7, M, "", "", "wired"}}},
    {"Donors gave 5 million US dollars last year.",
     {{"5 million US dollars", 5e6, 5e6, M, "", "", ""}}},
    /* several claims, asides, predicates */
    {"One person died and 300 were injured.",
     {{"One", 1, 1, C, "", "person", "died"}, {"300", 300, 300, C, "", "", "injured"}}},
    {"The strike killed 12 civilians, officials said.", {{"12", 12, 12, C, "", "civilians", ""}}},
    {"Some 500 people (including 40 children) were evacuated.",
     {{"Some 500", 500, 500, C, "some", "people", "evacuated"},
      {"40", 40, 40, C, "", "children", ""}}},
    {"At least 12 police officers, mostly from Ostrand, were wounded.",
     {{"At least 12", 12, 12, C, "at least", "police officers", "wounded"}}},
    {"Two F-16 jets and 5 helicopters crashed.",
     {{"Two", 2, 2, C, "", "jets", ""}, {"5", 5, 5, C, "", "helicopters", "crashed"}}},
    {"Three injured children had been flown to Velmora.",
     {{"Three", 3, 3, C, "", "children", "flown"}}},
    /* numbers beside the things that are not claims */
    {"In 2022, 14,000 people fled Velmora.", {{"14,000", 14000, 14000, C, "", "people", "fled"}}},
    {"On February 25 some 400 people gathered.",
     {{"some 400", 400, 400, C, "some", "people", "gathered"}}},
    {"By 6 a.m. on 25 February 2024, 80 families had left.",
     {{"80", 80, 80, C, "", "families", "left"}}},
    {"Ilsa Marovic, 45, said 30 houses burned.", {{"30", 30, 30, C, "", "houses", "burned"}}},
    {"1. Eighty ships docked in Ostrand.", {{"Eighty", 80, 80, C, "", "ships", "docked"}}},
    {"The COVID-19 wave killed 70 patients.", {{"70", 70, 70, C, "", "patients", ""}}},
    {"A crowd of 2000 people marched.", {{"2000", 2000, 2000, C, "", "people", "marched"}}},
    {"The 2024 census counted 9,000 voters in Velmora.",
     {{"9,000", 9000, 9000, C, "", "voters", ""}}},
    {"“Only 12 boats returned,” said Tovan Pell.", {{"12", 12, 12, C, "", "boats", "returned"}}},
};

/* Sentences with no numeric claim. */
static const char *const negatives[] = {
    "The war began in 2022.",
    "Talks resumed in February 2022.",
    "The deal was signed on February 25.",
    "It was signed on 25 February, 2024.",
    "He left Velmora on Feb. 25.",
    "Since 1998 the dam has held.",
    "From 2019 to 2022 the mine was closed.",
    "The dam's 2021 repair failed.",
    "The siege ended at 10:30.",
    "The curfew starts at 6 a.m. in Ostrand.",
    "The train left at 17:00.",
    "Velmora finished 23rd.",
    "It was the first time the river froze.",
    "1. Open the gates.",
    "2) Close the roads.",
    "Ilsa Marovic, 45, is the mayor.",
    "The mayor, Tovan Pell (61), resigned.",
    "Ostrand's mayor, 52, and his deputy, 47, resigned.",
    "Ilsa Marovic (45) and Tovan Pell (61) were charged.",
    "Flights resumed at 0600 GMT.",
    "He lives at No. 10 and flies Flight 302.",
    "Velmora launched a 5G network and 3D maps.",
    "The COVID-19 outbreak spread.",
    "An F-16 flew over Ostrand.",
    "Print it on A4 paper.",
    "Call +44 20 7946 0958 now.",
    "Call (555) 010-4477 today.",
    "Call 555-0142 or 555-1234 for help.",
    "She is the one who stayed.",
    "One of them left.",
    "No one was hurt.",
    "It is a town of farmers.",
    "The 1990s were quiet in Velmora.",
    "A 45-year-old man was arrested.",
    "Route 9 was closed.",
    "Resolution 2334 passed.",
    "A Boeing 737 landed in Ostrand.",
    "A 12m wall fell.",
    "Version 2.0.1 shipped.",
    "Velmora won 3-2.",
    "",
    "   \n\t  ",
};

static size_t qual_index(const char *q)
{
    for (size_t k = 0; sf_num_qualifiers[k]; k++)
        if (!strcmp(sf_num_qualifiers[k], q)) return k;
    fail_msg("no qualifier '%s'", q);
    return 0;
}

static int span_is(const char *text, uint32_t s, uint32_t e, const char *expect)
{
    return e - s == strlen(expect) && !memcmp(text + s, expect, e - s);
}

static void print_claims(const char *text, const sf_number *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        print_message("  '%.*s' %g..%g kind %d qual '%s' counts '%.*s' pred '%.*s'\n",
                      (int)(v[i].end - v[i].start), text + v[i].start, v[i].value, v[i].high,
                      v[i].kind, sf_num_qualifiers[v[i].qualifier],
                      (int)(v[i].counts_end - v[i].counts_start), text + v[i].counts_start,
                      (int)(v[i].pred_end - v[i].pred_start), text + v[i].pred_start);
}

/* Whether the claims of text are exactly want[0..) (printing them when not). */
static int check(const char *text, const want *w)
{
    sf_number *v = NULL;
    size_t n = 0, cap = 0, nw = 0;
    num_extract(text, 0, (uint32_t)strlen(text), &v, &n, &cap);
    while (nw < 4 && w[nw].text) nw++;
    int ok = n == nw;
    for (size_t i = 0; ok && i < n; i++)
        ok = span_is(text, v[i].start, v[i].end, w[i].text) && v[i].value == w[i].value &&
             v[i].high == w[i].high && v[i].kind == w[i].kind &&
             v[i].qualifier == qual_index(w[i].qual) &&
             span_is(text, v[i].counts_start, v[i].counts_end, w[i].counts) &&
             span_is(text, v[i].pred_start, v[i].pred_end, w[i].pred);
    if (!ok) {
        print_message("'%s': got %zu claims, want %zu:\n", text, n, nw);
        print_claims(text, v, n);
    }
    free(v);
    return ok;
}

static void test_claims(void **state)
{
    (void)state;
    int failed = 0;
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++)
        failed += !check(cases[k].sent, cases[k].w);
    assert_int_equal(failed, 0);
}

static void test_not_claims(void **state)
{
    (void)state;
    static const want none[1];
    int failed = 0;
    for (size_t k = 0; k < sizeof negatives / sizeof *negatives; k++)
        failed += !check(negatives[k], none);
    assert_int_equal(failed, 0);
    /* an empty range appends nothing and allocates nothing */
    sf_number *v = NULL;
    size_t n = 0, cap = 0;
    num_extract("12 boats", 3, 3, &v, &n, &cap);
    assert_int_equal(n, 0);
    assert_null(v);
}

/* Offsets are into the whole text; the claims are appended after what *out holds. */
static void test_offsets(void **state)
{
    (void)state;
    const char *text = "Velmora lost 99 boats. Then 40 cats ran off.";
    uint32_t s2 = (uint32_t)(strstr(text, "Then") - text);
    sf_number *v = NULL;
    size_t n = 0, cap = 0;
    num_extract(text, 0, s2, &v, &n, &cap);
    num_extract(text, s2, (uint32_t)strlen(text), &v, &n, &cap);
    assert_int_equal(n, 2);
    assert_true(span_is(text, v[0].start, v[0].end, "99"));
    assert_true(span_is(text, v[0].counts_start, v[0].counts_end, "boats"));
    assert_int_equal(v[1].start, strstr(text, "40") - text);
    assert_true(span_is(text, v[1].counts_start, v[1].counts_end, "cats"));
    assert_int_equal(v[1].value, 40);
    free(v);
    assert_string_equal(sf_num_qualifiers[0], "");
}

/* A sentence of 10,000 claims, each found whole. */
static void test_long(void **state)
{
    (void)state;
    const size_t count = 10000;
    size_t len = 0, cap = count * 24;
    char *text = malloc(cap);
    for (size_t i = 0; i < count; i++)
        len += (size_t)snprintf(text + len, cap - len, "%zu boats sank and ", i % 900 + 1);
    len += (size_t)snprintf(text + len, cap - len, "4,500 rafts sank.");
    sf_number *v = NULL;
    size_t n = 0, ncap = 0;
    num_extract(text, 0, (uint32_t)len, &v, &n, &ncap);
    assert_int_equal(n, count + 1);
    for (size_t i = 0; i < n; i++) {
        assert_true(
            span_is(text, v[i].counts_start, v[i].counts_end, i < count ? "boats" : "rafts"));
        assert_true(span_is(text, v[i].pred_start, v[i].pred_end, "sank"));
    }
    assert_int_equal(v[count - 1].value, (count - 1) % 900 + 1);
    assert_int_equal(v[count].value, 4500);
    free(v);
    free(text);
}

/* Random token soup: no crash, and every span lies in the sentence, in order. */
static void test_soup(void **state)
{
    (void)state;
    static const char *const words[] = {
        "12",       "1,200",    "3.5",   "$5",         "€300",      "40-60", "12%",
        "million",  "dozens",   "of",    "tens",       "thousands", "and",   "between",
        "to",       "-",        "one",   "twenty-one", "hundred",   "a",     "people",
        "died",     "were",     "have",  ",",          "(",         ")",     ".",
        "February", "2022",     "in",    "more",       "than",      "at",    "least",
        "per",      "cent",     "euros", "Velmora",    "including", "10:30", "a.m.",
        "+44",      "555-1234", "23rd",  "Ilsa",       "45",        "USD",   "the",
        "“",        "12m",      "1",     "2",          "0.5",       "9,99",  "1,000,000"};
    const size_t nwords = sizeof words / sizeof *words;
    uint64_t seed = 42;
    char text[2048];
    sf_number *v = NULL;
    size_t cap = 0;
    for (int round = 0; round < 3000; round++) {
        size_t len = 0, nw = (size_t)round % 40 + 1;
        for (size_t k = 0; k < nw; k++) {
            seed = seed * 6364136223846793005u + 1442695040888963407u;
            len += (size_t)snprintf(text + len, sizeof text - len, "%s ",
                                    words[(seed >> 33) % nwords]);
        }
        size_t n = 0;
        uint32_t off = 3; /* a range inside the buffer */
        num_extract(text, off, (uint32_t)len, &v, &n, &cap);
        uint32_t prev_end = off;
        for (size_t i = 0; i < n; i++) {
            assert_true(v[i].start >= prev_end && v[i].start < v[i].end && v[i].end <= len);
            assert_true(v[i].counts_start <= v[i].counts_end && v[i].counts_end <= len);
            assert_true(v[i].pred_start <= v[i].pred_end && v[i].pred_end <= len);
            assert_true(v[i].value <= v[i].high);
            assert_true(v[i].kind >= SF_NUM_COUNT && v[i].kind <= SF_NUM_MONEY);
            prev_end = v[i].end;
        }
    }
    free(v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_claims),  cmocka_unit_test(test_not_claims),
        cmocka_unit_test(test_offsets), cmocka_unit_test(test_long),
        cmocka_unit_test(test_soup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
