/* test_fingerprint.c — src/link/fingerprint.c: a re-published copy (new headline,
 * boilerplate lines, last paragraph trimmed, one sentence reworded) is a near-duplicate
 * of its wire original; an independent report of the same event is not; identical texts
 * score 1; empty texts 0; signatures are deterministic. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "link/fingerprint.h"
#include "storyfold.h"

#define WIRE_BODY                                                                                  \
    "A section of the Harlow Dam gave way before dawn on Tuesday, sending water through the "      \
    "lower streets of Eastwick and forcing about four thousand people from their homes, the "      \
    "regional council said.\n\n"                                                                   \
    "Engineers had warned for a week that the spillway was cracking after heavy rain. The "        \
    "council said two people were missing and nine were treated in hospital for injuries.\n\n"     \
    "\"We moved everyone we could reach before the wall failed,\" fire chief Ola Brandt told "     \
    "reporters at a school used as a shelter. Pumps were lowering the reservoir by half a metre "  \
    "a day.\n\n"

static const char wire[] = "Harlow Dam breach floods Eastwick\n\n" WIRE_BODY
                           "Insurers said claims from shops along the river would be heavy, and "
                           "the council promised an inquiry into the inspection record.";

/* the same wire copy as a newspaper runs it */
static const char reprint[] =
    "Thousands flee as Harlow Dam fails\n\n"
    "Photo: Rescue boats on Mill Street / Valley Courier\n\n"
    "A section of the Harlow Dam gave way before dawn on Tuesday, sending water through the "
    "lower streets of Eastwick and forcing some four thousand residents from their homes, the "
    "regional council said.\n\n"
    "Also Read | Ten rivers to watch as the spring thaw begins\n\n"
    "Engineers had warned for a week that the spillway was cracking after heavy rain. The "
    "council said two people were missing and nine were treated in hospital for injuries.\n\n"
    "\"We moved everyone we could reach before the wall failed,\" fire chief Ola Brandt told "
    "reporters at a school used as a shelter. Pumps were lowering the reservoir by half a metre "
    "a day.\n\n"
    "Read the original article on Eastern Wire.";

/* the same event in an outlet's own words */
static const char independent[] =
    "Eastwick residents spent Tuesday night in gyms and church halls after the old dam above "
    "the town cracked open. Fire chief Ola Brandt said his crews had reached every street in "
    "the lower town before the water rose. Two residents are still unaccounted for, according "
    "to the council, which has promised to look into why warnings about the spillway went "
    "unheeded.";

static sf_doc *doc(const char *text)
{
    sf_doc *d = sf_doc_new();
    d->text = strdup(text);
    d->len = strlen(text);
    sf_error err = {0};
    if (sf_doc_analyze(d, &err) != SF_OK) fail_msg("analyze: %s", err.msg);
    return d;
}

static double sim(const char *a, const char *b)
{
    sf_doc *x = doc(a), *y = doc(b);
    fp_sig sx, sy;
    fp_signature(x, &sx);
    fp_signature(y, &sy);
    sf_doc_free(x);
    sf_doc_free(y);
    return fp_similarity(&sx, &sy);
}

static void test_copy_is_near_duplicate(void **state)
{
    (void)state;
    double s = sim(wire, reprint);
    assert_true(s >= FP_NEAR);
    assert_true(s < 1.0); /* edited: not identical */
}

static void test_independent_report_is_not(void **state)
{
    (void)state;
    assert_true(sim(wire, independent) < 0.2);
    assert_true(sim(reprint, independent) < 0.2);
}

static void test_identical_and_empty(void **state)
{
    (void)state;
    assert_true(sim(wire, wire) == 1.0);
    /* whitespace and line wrapping do not change the shingles */
    char *wrapped = strdup(wire);
    for (char *p = wrapped; (p = strstr(p, " the ")) != NULL; p += 5) p[4] = '\n';
    assert_true(sim(wire, wrapped) == 1.0);
    free(wrapped);
    assert_true(sim("", wire) == 0.0);
    assert_true(sim("Short.", "Short.") == 1.0); /* shorter than one shingle */
}

static void test_deterministic(void **state)
{
    (void)state;
    sf_doc *d = doc(reprint);
    fp_sig a, b;
    fp_signature(d, &a);
    fp_signature(d, &b);
    assert_memory_equal(&a, &b, sizeof a);
    sf_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_copy_is_near_duplicate),
        cmocka_unit_test(test_independent_report_is_not),
        cmocka_unit_test(test_identical_and_empty),
        cmocka_unit_test(test_deterministic),
    };
    return cmocka_run_group_tests_name("fingerprint", tests, NULL, NULL);
}
