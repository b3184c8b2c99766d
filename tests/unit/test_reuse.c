/* test_reuse.c — src/link/reuse.c: a wire story, two edited reprints of it and an
 * unrelated story (all invented). The reprints' shared passages have the exact byte spans
 * of the paragraphs they kept (a changed word and an inserted sentence stay inside one
 * passage, a boilerplate line splits one), the unrelated story shares nothing, the origin
 * is the wire story, and the same input gives the same output. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "link/reuse.h"
#include "storyfold.h"

#define P1A "The island ferry Marten Gull was pulled from service on Thursday after crew found a "
#define P1B "crack in its hull during a routine check at the Selby yard, the Orland Transport Board said."
#define P2                                                                                         \
    "About nine hundred daily passengers will travel on two smaller boats hired from a mainland "  \
    "operator until repairs are finished, which the board expects to take three weeks."
#define P3                                                                                         \
    "\"Nobody was ever at risk, but we will not sail a ship we cannot fully trust,\" board chair "  \
    "Ines Varga told a meeting of island traders on Friday morning."
#define P4                                                                                         \
    "Traders said the timing was poor, with the summer fair due to open in ten days and hotel "    \
    "bookings already lower than last year."

static const char wire[] = "Ferry service to Orland Isle halted after hull crack\n\n" P1A P1B
                           "\n\n" P2 "\n\n" P3 "\n\n" P4 "\n";

/* new headline, a photo credit, one word changed ("routine" -> "scheduled"), the second
 * paragraph re-wrapped, a teaser line, the last paragraph trimmed */
static const char reprint1[] =
    "Island loses its ferry for three weeks\n\n"
    "Photo: The Marten Gull at her berth / Coast Weekly\n\n"
    "The island ferry Marten Gull was pulled from service on Thursday after crew found a "
    "crack in its hull during a scheduled check at the Selby yard, the Orland Transport Board said."
    "\n\nAbout nine hundred daily passengers will travel on two smaller boats hired\nfrom a "
    "mainland operator until repairs are finished, which the board\nexpects to take three weeks."
    "\n\nRead more: Coast Weekly on the island's transport woes\n\n" P3 "\n";

/* an inserted sentence in the first paragraph, one word changed in the last ("poor" ->
 * "awkward"), a copyright line */
static const char reprint2[] =
    "Hull crack halts Orland ferry\n\n" P1A
    "The vessel entered service in the spring of 2004 and was refitted twice. " P1B "\n\n" P2
    "\n\n" P3 "\n\n"
    "Traders said the timing was awkward, with the summer fair due to open in ten days and "
    "hotel bookings already lower than last year.\n\n"
    "Copyright 2026 Harbour Press. All rights reserved.\n";

static const char unrelated[] =
    "The county chess league crowned a new champion on Sunday when a fourteen-year-old pupil "
    "from Brackwell school beat the defending title holder in a tense final game. Organisers "
    "said entries had doubled since the league moved its matches to the public library.";

static sf_doc *doc(const char *text, int32_t day)
{
    sf_doc *d = sf_doc_new();
    d->text = strdup(text);
    d->len = strlen(text);
    sf_error err = {0};
    if (sf_doc_analyze(d, &err) != SF_OK) fail_msg("analyze: %s", err.msg);
    d->day = day;
    return d;
}

/* byte offset of the first occurrence of `s` in `text` (which must hold it) */
static uint32_t at(const char *text, const char *s)
{
    const char *p = strstr(text, s);
    assert_non_null(p);
    return (uint32_t)(p - text);
}

/* offset just past the first occurrence of `s` */
static uint32_t after(const char *text, const char *s)
{
    return at(text, s) + (uint32_t)strlen(s);
}

static void assert_span(sf_span sp, uint32_t start, uint32_t end)
{
    assert_int_equal(sp.start, start);
    assert_int_equal(sp.end, end);
}

static void test_reprint_with_teaser(void **state)
{
    (void)state;
    sf_doc *a = doc(wire, 100), *b = doc(reprint1, 101);
    reuse_passage *p;
    size_t n = reuse_find(a, b, &p);
    assert_int_equal(n, 2);
    /* paragraphs 1-2, across the changed word and the re-wrapped lines */
    assert_span(p[0].a, at(wire, "The island"), after(wire, "take three weeks"));
    assert_span(p[0].b, at(reprint1, "The island"), after(reprint1, "take three weeks"));
    /* paragraph 3 after the teaser: from its first word to its last */
    assert_span(p[1].a, at(wire, "Nobody"), after(wire, "Friday morning"));
    assert_span(p[1].b, at(reprint1, "Nobody"), after(reprint1, "Friday morning"));
    assert_int_equal(p[0].words, 32 + 28 - 1); /* all words but the changed one */
    assert_int_equal(p[1].words, 29);
    assert_int_equal(reuse_words(p, n), 88);
    free(p);
    sf_doc_free(a);
    sf_doc_free(b);
}

static void test_reprint_with_insertion(void **state)
{
    (void)state;
    sf_doc *a = doc(wire, 100), *b = doc(reprint2, 101);
    reuse_passage *p;
    size_t n = reuse_find(a, b, &p);
    assert_int_equal(n, 1);
    assert_span(p[0].a, at(wire, "The island"), after(wire, "than last year"));
    assert_span(p[0].b, at(reprint2, "The island"), after(reprint2, "than last year"));
    assert_int_equal(p[0].words, 32 + 28 + 29 + 24 - 1); /* the inserted sentence: none */
    free(p);
    /* the two reprints share paragraphs 1-3, split where reprint 1's teaser stands */
    sf_doc *c = doc(reprint1, 101);
    n = reuse_find(c, b, &p);
    assert_int_equal(n, 2);
    assert_span(p[0].a, at(reprint1, "The island"), after(reprint1, "take three weeks"));
    assert_span(p[0].b, at(reprint2, "The island"), after(reprint2, "take three weeks"));
    assert_span(p[1].a, at(reprint1, "Nobody"), after(reprint1, "Friday morning"));
    assert_span(p[1].b, at(reprint2, "Nobody"), after(reprint2, "Friday morning"));
    free(p);
    sf_doc_free(a);
    sf_doc_free(b);
    sf_doc_free(c);
}

static void test_unrelated_shares_nothing(void **state)
{
    (void)state;
    sf_doc *a = doc(wire, 100), *u = doc(unrelated, 100), *e = doc("", 100);
    reuse_passage *p = (reuse_passage *)&p;
    assert_int_equal(reuse_find(a, u, &p), 0);
    assert_null(p);
    assert_int_equal(reuse_find(u, a, &p), 0);
    assert_int_equal(reuse_find(a, e, &p), 0);
    assert_int_equal(reuse_find(e, e, &p), 0);
    sf_doc_free(a);
    sf_doc_free(u);
    sf_doc_free(e);
}

static void test_identical_text(void **state)
{
    (void)state;
    sf_doc *a = doc(wire, 100), *b = doc(wire, 100);
    reuse_passage *p;
    assert_int_equal(reuse_find(a, b, &p), 1);
    assert_span(p[0].a, at(wire, "Ferry"), after(wire, "than last year"));
    assert_span(p[0].b, p[0].a.start, p[0].a.end);
    free(p);
    sf_doc_free(a);
    sf_doc_free(b);
}

static void test_origin(void **state)
{
    (void)state;
    sf_doc *w = doc(wire, 100), *r1 = doc(reprint1, 101), *r2 = doc(reprint2, 101);
    const sf_doc *group[] = {r1, w, r2};
    assert_int_equal(reuse_origin_of(group, 3), 1); /* the earliest */
    assert_int_equal(reuse_origin(r1, r2), 1);      /* same day: the more complete */
    assert_int_equal(reuse_origin(r2, r1), 0);
    w->day = SF_NO_DAY; /* an unknown day is later than any known one */
    assert_int_equal(reuse_origin(w, r1), 1);
    r1->day = r2->day = SF_NO_DAY;
    assert_int_equal(reuse_origin_of(group, 3), 2); /* then the more complete */
    sf_doc_free(w);
    sf_doc_free(r1);
    sf_doc_free(r2);
}

static void test_deterministic(void **state)
{
    (void)state;
    sf_doc *a = doc(reprint2, 101), *b = doc(reprint1, 101);
    reuse_passage *p, *q;
    size_t n = reuse_find(a, b, &p), m = reuse_find(a, b, &q);
    assert_int_equal(n, m);
    assert_true(n > 0);
    assert_memory_equal(p, q, n * sizeof *p);
    free(p);
    free(q);
    /* the other way round: as many passages, the sides swapped */
    n = reuse_find(b, a, &p);
    assert_int_equal(n, m);
    free(p);
    sf_doc_free(a);
    sf_doc_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reprint_with_teaser),
        cmocka_unit_test(test_reprint_with_insertion),
        cmocka_unit_test(test_unrelated_shares_nothing),
        cmocka_unit_test(test_identical_text),
        cmocka_unit_test(test_origin),
        cmocka_unit_test(test_deterministic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
