/* test_lsh.c — src/link/lsh.c: signatures sharing one band are candidates and
 * signatures sharing none are not; a wire story and two edited reprints (invented) form
 * one group and an unrelated story its own; a document without words is never a
 * candidate; grouping is deterministic and numbers groups by their first document. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "link/lsh.h"
#include "storyfold.h"

static const char wire[] =
    "Ferry service to Orland Isle halted after hull crack\n\n"
    "The island ferry Marten Gull was pulled from service on Thursday after crew found a crack "
    "in its hull during a routine check at the Selby yard, the Orland Transport Board said.\n\n"
    "About nine hundred daily passengers will travel on two smaller boats hired from a mainland "
    "operator until repairs are finished, which the board expects to take three weeks.\n\n"
    "\"Nobody was ever at risk, but we will not sail a ship we cannot fully trust,\" board chair "
    "Ines Varga told a meeting of island traders on Friday morning.\n\n"
    "Traders said the timing was poor, with the summer fair due to open in ten days and hotel "
    "bookings already lower than last year.\n";

static const char reprint1[] =
    "Island loses its ferry for three weeks\n\n"
    "Photo: The Marten Gull at her berth / Coast Weekly\n\n"
    "The island ferry Marten Gull was pulled from service on Thursday after crew found a crack "
    "in its hull during a scheduled check at the Selby yard, the Orland Transport Board said.\n\n"
    "About nine hundred daily passengers will travel on two smaller boats hired\nfrom a "
    "mainland operator until repairs are finished, which the board\nexpects to take three weeks."
    "\n\nRead more: Coast Weekly on the island's transport woes\n\n"
    "\"Nobody was ever at risk, but we will not sail a ship we cannot fully trust,\" board chair "
    "Ines Varga told a meeting of island traders on Friday morning.\n";

static const char reprint2[] =
    "Hull crack halts Orland ferry\n\n"
    "The island ferry Marten Gull was pulled from service on Thursday after crew found a crack "
    "in its hull during a routine check at the Selby yard. The vessel entered service in the "
    "spring of 2004 and was refitted twice.\n\n"
    "About nine hundred daily passengers will travel on two smaller boats hired from a mainland "
    "operator until repairs are finished, which the board expects to take three weeks.\n\n"
    "Traders said the timing was awkward, with the summer fair due to open in ten days and "
    "hotel bookings already lower than last year.\n\n"
    "Copyright 2026 Harbour Press. All rights reserved.\n";

static const char unrelated[] =
    "The county chess league crowned a new champion on Sunday when a fourteen-year-old pupil "
    "from Brackwell school beat the defending title holder in a tense final game. Organisers "
    "said entries had doubled since the league moved its matches to the public library.";

static void sig_of(const char *text, fp_sig *out)
{
    sf_doc *d = sf_doc_new();
    d->text = strdup(text);
    d->len = strlen(text);
    sf_error err = {0};
    if (sf_doc_analyze(d, &err) != SF_OK) fail_msg("analyze: %s", err.msg);
    fp_signature(d, out);
    sf_doc_free(d);
}

/* a signature whose minima are base, base+1, ... */
static fp_sig synthetic(uint32_t base)
{
    fp_sig s;
    for (int i = 0; i < FP_K; i++) s.min[i] = base + (uint32_t)i;
    s.n_shingles = FP_K;
    return s;
}

static void test_bands(void **state)
{
    (void)state;
    fp_sig a = synthetic(1000), b = synthetic(5000), c = synthetic(9000);
    /* c shares exactly one band (band 7) with a */
    memcpy(c.min + 7 * LSH_ROWS, a.min + 7 * LSH_ROWS, LSH_ROWS * sizeof *c.min);
    fp_sig d = synthetic(20000); /* d shares all but one row of each band with a: no band */
    for (int i = 0; i < FP_K; i++)
        if (i % LSH_ROWS) d.min[i] = a.min[i];
    lsh_index *ix = lsh_new();
    assert_int_equal(lsh_add(ix, &a), 0);
    assert_int_equal(lsh_add(ix, &b), 1);
    uint32_t *cand;
    assert_int_equal(lsh_candidates(ix, &c, &cand), 1);
    assert_int_equal(cand[0], 0);
    free(cand);
    assert_int_equal(lsh_candidates(ix, &d, &cand), 0);
    assert_null(cand);
    assert_int_equal(lsh_add(ix, &c), 2);
    assert_int_equal(lsh_candidates(ix, &a, &cand), 2); /* itself and c, sorted, once each */
    assert_int_equal(cand[0], 0);
    assert_int_equal(cand[1], 2);
    free(cand);
    lsh_free(ix);
}

static void test_empty_never_candidate(void **state)
{
    (void)state;
    fp_sig e, f;
    sig_of("", &e);
    sig_of("", &f);
    assert_int_equal(e.n_shingles, 0);
    lsh_index *ix = lsh_new();
    assert_int_equal(lsh_add(ix, &e), 0);
    uint32_t *cand;
    assert_int_equal(lsh_candidates(ix, &f, &cand), 0);
    assert_int_equal(lsh_candidates(ix, &e, &cand), 0);
    lsh_free(ix);
}

static void test_groups(void **state)
{
    (void)state;
    fp_sig s[5];
    sig_of(unrelated, &s[0]);
    sig_of(reprint1, &s[1]);
    sig_of(wire, &s[2]);
    sig_of(reprint2, &s[3]);
    sig_of("", &s[4]);
    uint32_t g[5], h[5];
    size_t compared = 0;
    size_t pairs = lsh_groups(s, 5, LSH_NEAR, g, &compared);
    assert_int_equal(g[0], 0);
    assert_int_equal(g[1], 1);
    assert_int_equal(g[2], 1);
    assert_int_equal(g[3], 1);
    assert_int_equal(g[4], 4);
    assert_true(pairs >= 2);       /* at least two links join three copies */
    assert_true(compared >= pairs); /* only candidates were compared */
    assert_true(compared <= 3);     /* and the unrelated story was no candidate */
    /* deterministic */
    assert_int_equal(lsh_groups(s, 5, LSH_NEAR, h, NULL), pairs);
    assert_memory_equal(g, h, sizeof g);
    /* a threshold of 1 joins only identical signatures */
    lsh_groups(s, 5, 1.0, h, NULL);
    for (int i = 0; i < 5; i++) assert_int_equal(h[i], i);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bands),
        cmocka_unit_test(test_empty_never_candidate),
        cmocka_unit_test(test_groups),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
