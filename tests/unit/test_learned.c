/* test_learned.c — unit tests for src/clean/learned.c: which repeated lines become
 * boilerplate of their source (enough documents of enough different events, never one
 * event reprinted), how a marked line is applied to a document (ranges, sentences,
 * numbers dropped, text untouched), and that the counts survive a save and a load. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean/learned.h"
#include "core/mem.h"
#include "storyfold.h"

/* An analyzed document of `source` (NULL: none) with this body. */
static sf_doc *doc_of(const char *source, const char *body)
{
    sf_doc *d = sf_doc_new();
    d->text = sf_xstrdup(body);
    d->len = strlen(body);
    d->source = source ? sf_xstrdup(source) : NULL;
    sf_error err = {0};
    assert_int_equal(sf_doc_analyze(d, &err), SF_OK);
    return d;
}

static const char signoff[] = "Tell the Larkspur Ledger what you think at the desk line.";

/* An article of outlet `source` about event `ev`, with the outlet's sign-off line. */
static sf_doc *article(const char *source, int ev, int k, int with_signoff)
{
    char body[512];
    snprintf(body, sizeof body,
             "Crews in the town of Quillmere number %d worked through the night on case %d.\n\n"
             "Residents of the valley said the effort, report %d, was slow but steady.\n\n%s\n",
             ev, k, ev * 100 + k, with_signoff ? signoff : "");
    return doc_of(source, body);
}

/* Observe docs numbered from *n, event by event. */
static void observe(learned *l, const char *source, int ev, int k, int64_t *n, int with)
{
    sf_doc *d = article(source, ev, k, with);
    learned_observe(l, d, (*n)++, ev);
    sf_doc_free(d);
}

/* Whether the sign-off line of a new document of `source` is marked. */
static int signoff_marked(const learned *l, const char *source)
{
    sf_doc *d = article(source, 99, 1, 1);
    size_t n = learned_apply(l, d);
    const char *at = strstr(d->text, signoff);
    int bp = sf_doc_in_boilerplate(d, (uint32_t)(at - d->text));
    assert_int_equal(bp, n > 0);
    sf_doc_free(d);
    return bp;
}

static void test_key(void **state)
{
    (void)state;
    uint64_t a = learned_key("Ledger", "Subscribe to the  Ledger", 24);
    assert_true(a != 0);
    assert_true(a == learned_key("Ledger", " subscribe TO the\tledger", 24));
    assert_true(a != learned_key("Courier", "Subscribe to the  Ledger", 24));
    assert_true(a != learned_key(NULL, "Subscribe to the  Ledger", 24));
    assert_true(learned_key(NULL, "Subscribe to the  Ledger", 24) ==
                learned_key("", "Subscribe to the  Ledger", 24));
    assert_true(learned_key("Ledger", "-- 12 --", 8) == 0); /* no letters */
    assert_true(learned_key("Ledger", "   ", 3) == 0);
    char long_line[LEARNED_LINE_MAX + 10];
    memset(long_line, 'a', sizeof long_line);
    assert_true(learned_key("Ledger", long_line, sizeof long_line) == 0);
}

/* Four documents of three events: learned; three documents, or two events, are not. */
static void test_thresholds(void **state)
{
    (void)state;
    learned *l = learned_new();
    int64_t n = 1;
    observe(l, "Larkspur Ledger", 1, 1, &n, 1);
    observe(l, "Larkspur Ledger", 1, 2, &n, 1);
    observe(l, "Larkspur Ledger", 2, 1, &n, 1);
    assert_false(signoff_marked(l, "Larkspur Ledger")); /* 3 documents, 2 events */
    observe(l, "Larkspur Ledger", 2, 2, &n, 1);
    assert_false(signoff_marked(l, "Larkspur Ledger")); /* 4 documents, 2 events */
    assert_int_equal(learned_n_marked(l), 0);
    observe(l, "Larkspur Ledger", 3, 1, &n, 1);
    assert_true(signoff_marked(l, "Larkspur Ledger"));
    assert_int_equal(learned_n_marked(l), 1);
    assert_false(signoff_marked(l, "Harbor Courier")); /* another outlet's articles */
    assert_false(signoff_marked(l, NULL));
    learned_free(l);
}

/* A line in 5 of an outlet's 300 documents (a formula its reporters use, in 5 stories)
 * is under 2% of them: not learned. The same 5 among 100 documents are. */
static void test_share_of_source(void **state)
{
    (void)state;
    for (int total = 100; total <= 300; total += 200) {
        learned *l = learned_new();
        int64_t n = 1;
        for (int k = 0; k < total - 5; k++) observe(l, "Larkspur Ledger", 10 + k, 1, &n, 0);
        for (int ev = 1; ev <= 5; ev++) observe(l, "Larkspur Ledger", ev, 1, &n, 1);
        assert_int_equal(signoff_marked(l, "Larkspur Ledger"), total == 100);
        learned_free(l);
    }
}

/* One story reprinted ten times, even with the same closing line, is one event. */
static void test_syndicated_story(void **state)
{
    (void)state;
    learned *l = learned_new();
    int64_t n = 1;
    for (int k = 0; k < 10; k++) observe(l, "Larkspur Ledger", 7, 1, &n, 1);
    for (int k = 0; k < 10; k++) observe(l, "Larkspur Ledger", 8, 1, &n, 0);
    assert_int_equal(learned_n_marked(l), 0);
    assert_false(signoff_marked(l, "Larkspur Ledger"));
    learned_free(l);
}

/* A line twice in one document counts once. */
static void test_once_per_document(void **state)
{
    (void)state;
    learned *l = learned_new();
    const char *body = "Share this page with a friend today.\nThe ferry ran late again on "
                       "Tuesday.\nShare this page with a friend today.\n";
    for (int ev = 1; ev <= 3; ev++) {
        sf_doc *d = doc_of("Gull Point Gazette", body);
        learned_observe(l, d, ev, ev);
        sf_doc_free(d);
    }
    assert_int_equal(learned_n_marked(l), 0); /* 3 documents, though 6 sightings */
    learned_free(l);
}

/* Without a source the pool is shared by every outlet: 5 documents of 5 events. */
static void test_no_source_pool(void **state)
{
    (void)state;
    learned *l = learned_new();
    int64_t n = 1;
    for (int ev = 1; ev <= 4; ev++) {
        observe(l, NULL, ev, 1, &n, 1);
        observe(l, NULL, ev, 2, &n, 1);
    }
    assert_false(signoff_marked(l, NULL)); /* 8 documents, 4 events */
    observe(l, NULL, 5, 1, &n, 1);
    assert_true(signoff_marked(l, NULL));
    assert_false(signoff_marked(l, "Larkspur Ledger")); /* the pool is not an outlet's */
    learned_free(l);
}

/* A marked line: its range joins the boilerplate ranges (sorted, merged), its sentence is
 * flagged, the numbers in it are dropped, the text is untouched and the other sentences
 * keep their numbers. */
static void test_apply(void **state)
{
    (void)state;
    learned *l = learned_new();
    const char *promo = "Call 555 0199 to get 3 months of the Ledger for 9 dollars.";
    char body[512];
    for (int ev = 1; ev <= 4; ev++) {
        snprintf(body, sizeof body, "About %d boats left harbor number %d at dawn.\n\n%s\n", ev * 7,
                 ev, promo);
        sf_doc *d = doc_of("Larkspur Ledger", body);
        learned_observe(l, d, ev, ev);
        sf_doc_free(d);
    }
    assert_int_equal(learned_n_marked(l), 1);
    snprintf(body, sizeof body, "Photo: the harbor at dawn\n\nAbout 40 boats left the harbor.\n\n  %s\n",
             promo);
    sf_doc *d = doc_of("Larkspur Ledger", body);
    size_t nums_before = d->n_nums;
    assert_true(nums_before >= 3);
    assert_int_equal(d->n_boilerplate, 1); /* the photo credit, by rule */
    assert_int_equal(learned_apply(l, d), 1);
    assert_string_equal(d->text, body);
    assert_int_equal(d->n_boilerplate, 2);
    const char *at = strstr(d->text, promo);
    uint32_t s = (uint32_t)(at - d->text);
    assert_int_equal(d->boilerplate[1].start, s);
    assert_int_equal(d->boilerplate[1].end, s + strlen(promo));
    assert_true(d->boilerplate[0].end <= d->boilerplate[1].start);
    assert_true(sf_doc_in_boilerplate(d, s));
    assert_false(sf_doc_in_boilerplate(d, (uint32_t)(strstr(d->text, "About") - d->text)));
    assert_true(d->n_nums >= 1 && d->n_nums < nums_before);
    for (size_t i = 0; i < d->n_nums; i++) assert_true(d->nums[i].start < s);
    sf_doc_free(d);
    learned_free(l);
}

/* A hard-wrapped line that recurs in the middle of a sentence ("the budget, officials
 * said." after "... over") is not a line of its own: never learned, its sentence kept. A
 * line of its own after the same wrapped text is. */
static void test_fragment_not_counted(void **state)
{
    (void)state;
    learned *l = learned_new();
    char body[512];
    for (int ev = 1; ev <= 5; ev++) {
        snprintf(body, sizeof body,
                 "The council of district %d met on Monday and after a long debate over\n"
                 "the budget, officials said.\n"
                 "Write to the Wire desk about this report.\n",
                 ev);
        sf_doc *d = doc_of("Wire", body);
        learned_observe(l, d, ev, ev);
        sf_doc_free(d);
    }
    assert_int_equal(learned_n_marked(l), 1); /* the last line only */
    sf_doc *d = doc_of("Wire", "The council of district 9 met on Monday and after a long debate "
                               "over\nthe budget, officials said.\n"
                               "Write to the Wire desk about this report.\n");
    assert_int_equal(learned_apply(l, d), 1);
    assert_false(sf_doc_in_boilerplate(d, 0));
    assert_true(sf_doc_in_boilerplate(d, (uint32_t)(strstr(d->text, "Write") - d->text)));
    sf_doc_free(d);
    learned_free(l);
}

/* What was counted survives saving and loading: a line seen in 3 documents of 2 events
 * before, learned by one more document of a third event after. */
static void test_save_load(void **state)
{
    (void)state;
    learned *l = learned_new();
    int64_t n = 1;
    observe(l, "Larkspur Ledger", 1, 1, &n, 1);
    observe(l, "Larkspur Ledger", 1, 2, &n, 1);
    observe(l, "Larkspur Ledger", 2, 1, &n, 1);
    size_t nd = learned_n_dirty(l);
    assert_true(nd > 0);
    learned *back = learned_new();
    int found = 0;
    for (size_t i = 0; i < nd; i++) {
        learned_line ln;
        learned_dirty_line(l, i, &ln);
        if (ln.text && strcmp(ln.text, signoff) == 0) {
            found = 1;
            assert_int_equal(ln.docs, 3);
            assert_int_equal(ln.n_ev, 2);
            assert_string_equal(ln.source, "Larkspur Ledger");
        }
        learned_load(back, &ln);
    }
    assert_true(found);
    learned_saved(l);
    assert_int_equal(learned_n_dirty(l), 0);
    learned_free(l);
    observe(back, "Larkspur Ledger", 2, 2, &n, 1);
    assert_false(signoff_marked(back, "Larkspur Ledger"));
    observe(back, "Larkspur Ledger", 3, 1, &n, 1);
    assert_true(signoff_marked(back, "Larkspur Ledger"));
    learned_free(back);
}

/* A line seen once and then not again within the window is forgotten, so it needs its
 * documents anew; a line seen twice is kept. Four documents of four events mark the
 * sign-off unless its first sighting was forgotten. */
static void test_window(void **state)
{
    (void)state;
    for (int evict_after = 0; evict_after <= 2; evict_after++) {
        learned *l = learned_new();
        int64_t n = 1;
        for (int ev = 1; ev <= 4; ev++) {
            observe(l, "Larkspur Ledger", ev, 1, &n, 1);
            if (ev == evict_after) learned_evict(l, n - 1);
        }
        /* 0: nothing forgotten; 1: forgotten after its first sighting; 2: after two */
        assert_int_equal(signoff_marked(l, "Larkspur Ledger"), evict_after != 1);
        assert_int_equal(learned_evicted(l), evict_after ? evict_after : 0);
        learned_free(l);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_key),
        cmocka_unit_test(test_thresholds),
        cmocka_unit_test(test_share_of_source),
        cmocka_unit_test(test_syndicated_story),
        cmocka_unit_test(test_once_per_document),
        cmocka_unit_test(test_no_source_pool),
        cmocka_unit_test(test_apply),
        cmocka_unit_test(test_fragment_not_counted),
        cmocka_unit_test(test_save_load),
        cmocka_unit_test(test_window),
    };
    return cmocka_run_group_tests_name("learned", tests, NULL, NULL);
}
