/* test_claims.c — the figures and the timeline of a brief (src/story/claims.c,
 * src/story/timeline.c) on invented reports: figures grouped by what they count, with the
 * verdict across independent outlets (agree, rising over time, conflict), one outlet's
 * differing figures never a conflict, durations left out; dated statements of several
 * outlets merged, in event-time order. Numbers come from the real extractor; time
 * expressions are set by hand (the extractor has its own tests). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "story/brief.h"

typedef struct report {
    const char *date, *text;
    size_t outlet; /* index of the outlet's first report */
} report;

/* A brief over the reports (in date order), analyzed, with the given outlets. */
static sf_brief *brief_of(const report *r, size_t n)
{
    sf_brief *b = calloc(1, sizeof *b);
    b->docs = calloc(n, sizeof *b->docs);
    b->outlet = calloc(n, sizeof *b->outlet);
    b->copy_of = calloc(n, sizeof *b->copy_of);
    for (size_t i = 0; i < n; i++) {
        sf_doc *d = sf_doc_new();
        d->text = strdup(r[i].text);
        d->len = strlen(r[i].text);
        d->date = strdup(r[i].date);
        d->day = sf_date_day(r[i].date);
        assert_int_equal(sf_doc_analyze(d, &(sf_error){0}), SF_OK);
        b->docs[i] = d;
        b->outlet[i] = r[i].outlet;
        b->copy_of[i] = -1;
    }
    b->n_docs = n;
    return b;
}

static void free_brief(sf_brief *b)
{
    story_claims_free(b);
    story_timeline_free(b);
    for (size_t i = 0; i < b->n_docs; i++) sf_doc_free(b->docs[i]);
    free(b->docs);
    free(b->outlet);
    free(b->copy_of);
    free(b);
}

static const sf_brief_claim *claim(const sf_brief *b, const char *what)
{
    for (size_t i = 0; i < b->n_claims; i++)
        if (!strcmp(b->claims[i].what, what)) return &b->claims[i];
    return NULL;
}

static void test_verdicts(void **state)
{
    (void)state;
    const report r[] = {
        {"2030-05-01",
         "A landslide buried part of the village of Orvel, killing at least 12 people. "
         "More than 1,000 were injured. Rescuers worked for four days.",
         0},
        {"2030-05-01",
         "Officials said 14 people were killed in Orvel. About 1,100 people were injured, "
         "and 300 were injured in the neighbouring town. 2,000 people fled.",
         1},
        {"2030-05-02",
         "The number of people killed rose to 19. Some 500 people were injured, police said. "
         "Nearly 2,500 people have fled their homes.",
         2},
    };
    sf_brief *b = brief_of(r, 3);
    story_claims(b);

    const sf_brief_claim *dead = claim(b, "deaths");
    assert_non_null(dead);
    assert_int_equal(dead->n_figures, 3);
    assert_int_equal(dead->n_outlets, 3);
    /* at least 12 and 14 meet; 19 a day later is higher: a toll rising */
    assert_int_equal(dead->verdict, SF_RISING);
    assert_int_equal(dead->figures[0].num->value, 12);
    assert_int_equal(dead->figures[2].cite.doc, 2);

    const sf_brief_claim *hurt = claim(b, "injured");
    assert_non_null(hurt);
    assert_int_equal(hurt->n_figures, 4);
    /* 500 a day later is lower than more than 1,000: a conflict */
    assert_int_equal(hurt->verdict, SF_CONFLICT);

    const sf_brief_claim *fled = claim(b, "fled");
    assert_non_null(fled);
    assert_int_equal(fled->n_outlets, 2);
    /* 2,000 and nearly 2,500 (up to 2,500) meet */
    assert_int_equal(fled->verdict, SF_AGREE);

    /* "four days" is a duration, not a figure */
    for (size_t i = 0; i < b->n_claims; i++) assert_null(strstr(b->claims[i].what, "day"));
    /* the most reported first */
    assert_int_equal(b->claims[0].n_outlets, 3);
    free_brief(b);
}

static void test_one_outlet_never_conflicts(void **state)
{
    (void)state;
    /* two reports of one outlet: 6 injured civilians and 1,000 injured in all count
     * different things */
    const report r[] = {
        {"2030-06-01", "Six civilians were injured in the shelling. Doctors said 1,000 were injured.", 0},
        {"2030-06-02", "At least 40 people were injured on Sunday.", 0},
    };
    sf_brief *b = brief_of(r, 2);
    story_claims(b);
    const sf_brief_claim *hurt = claim(b, "injured");
    assert_non_null(hurt);
    assert_int_equal(hurt->n_outlets, 1);
    assert_int_equal(hurt->verdict, SF_AGREE);
    free_brief(b);
}

static void test_other_figures_need_two_outlets(void **state)
{
    (void)state;
    const report r[] = {
        {"2030-07-01", "The council approved the plan. 31 members voted for it.", 0},
        {"2030-07-01", "In all, 31 members voted in favour. The city has 12 bridges.", 1},
        {"2030-07-01", "The mayor owns three dogs.", 2},
    };
    sf_brief *b = brief_of(r, 3);
    story_claims(b);
    assert_int_equal(b->n_claims, 1);
    assert_string_equal(b->claims[0].what, "members voted");
    assert_int_equal(b->claims[0].n_outlets, 2);
    assert_int_equal(b->claims[0].verdict, SF_AGREE);
    free_brief(b);
}

/* A time expression set by hand at the first occurrence of `text`. */
static void set_timex(sf_doc *d, const char *text, const char *ymd_first, const char *ymd_last)
{
    const char *at = strstr(d->text, text);
    assert_non_null(at);
    d->timexes = realloc(d->timexes, (d->n_timexes + 1) * sizeof *d->timexes);
    sf_timex *t = &d->timexes[d->n_timexes++];
    memset(t, 0, sizeof *t);
    t->start = (uint32_t)(at - d->text);
    t->end = t->start + (uint32_t)strlen(text);
    t->type = SF_TIMEX_DATE;
    snprintf(t->value, sizeof t->value, "%s", ymd_first);
    t->first = sf_date_day(ymd_first);
    t->last = sf_date_day(ymd_last);
}

static void test_timeline(void **state)
{
    (void)state;
    const report r[] = {
        {"2030-05-03",
         "The bridge at Orvel collapsed on Friday after the river rose overnight. "
         "Engineers had inspected the bridge last week and found it sound.",
         0},
        {"2030-05-04",
         "The bridge at Orvel collapsed on Friday after the river rose sharply. "
         "A new crossing will open in June, the ministry said in a statement.",
         1},
    };
    sf_brief *b = brief_of(r, 2);
    for (size_t i = 0; i < 2; i++) {
        free(b->docs[i]->timexes);
        b->docs[i]->timexes = NULL;
        b->docs[i]->n_timexes = 0;
    }
    set_timex(b->docs[0], "Friday", "2030-05-03", "2030-05-03");
    set_timex(b->docs[0], "last week", "2030-04-22", "2030-04-28");
    set_timex(b->docs[1], "Friday", "2030-05-03", "2030-05-03");
    set_timex(b->docs[1], "June", "2030-06-01", "2030-06-30");
    story_timeline(b);
    assert_int_equal(b->n_timeline, 3);
    /* event-time order: last week, Friday, June */
    assert_int_equal(b->timeline[0].first, sf_date_day("2030-04-22"));
    assert_int_equal(b->timeline[0].last, sf_date_day("2030-04-28"));
    const sf_brief_event *fri = &b->timeline[1];
    assert_int_equal(fri->first, sf_date_day("2030-05-03"));
    /* both outlets' sentences are one statement, cited from the earliest report */
    assert_int_equal(fri->cite.doc, 0);
    assert_int_equal(fri->n_also, 1);
    assert_int_equal(fri->also[0].doc, 1);
    assert_int_equal(fri->n_outlets, 2);
    assert_memory_equal(b->docs[0]->text + fri->when.span.start, "Friday", 6);
    assert_int_equal(b->timeline[2].first, sf_date_day("2030-06-01"));
    assert_int_equal(b->timeline[2].n_outlets, 1);
    free_brief(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_verdicts),
        cmocka_unit_test(test_one_outlet_never_conflicts),
        cmocka_unit_test(test_other_figures_need_two_outlets),
        cmocka_unit_test(test_timeline),
    };
    return cmocka_run_group_tests_name("claims", tests, NULL, NULL);
}
