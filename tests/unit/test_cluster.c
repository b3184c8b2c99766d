/* test_cluster.c — unit tests for src/link: termvec arithmetic (dot, norm, unit, axpy,
 * truncate, top terms) and the online clusterer (topics, time window, storylines,
 * determinism, and restoring saved state with clu_df_load/clu_story_load). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "link/cluster.h"
#include "link/termvec.h"
#include "storyfold.h"

/* ---- termvec ------------------------------------------------------------------------ */

static termvec vec(const tv_entry *e, size_t n)
{
    termvec v = {0};
    v.e = malloc((n ? n : 1) * sizeof *v.e);
    assert_non_null(v.e);
    if (n) memcpy(v.e, e, n * sizeof *e);
    v.n = v.cap = n;
    return v;
}

static float weight(const termvec *v, uint64_t term)
{
    for (size_t i = 0; i < v->n; i++)
        if (v->e[i].term == term) return v->e[i].w;
    return NAN;
}

static void assert_sorted_unique(const termvec *v)
{
    for (size_t i = 1; i < v->n; i++) assert_true(v->e[i - 1].term < v->e[i].term);
}

static void test_tv_dot_norm(void **state)
{
    (void)state;
    termvec a = vec((tv_entry[]){{1, 1}, {2, 2}, {5, 3}}, 3);
    termvec b = vec((tv_entry[]){{2, 4}, {3, 1}, {5, 1}, {9, 7}}, 4);
    termvec z = {0};
    assert_float_equal(tv_dot(&a, &b), 2 * 4 + 3 * 1, 1e-9);
    assert_float_equal(tv_dot(&b, &a), 11, 1e-9);
    assert_float_equal(tv_dot(&a, &z), 0, 0);
    assert_float_equal(tv_norm2(&a), 1 + 4 + 9, 1e-9);
    assert_float_equal(tv_norm2(&b), 16 + 1 + 1 + 49, 1e-9);
    assert_float_equal(tv_norm2(&z), 0, 0);
    assert_float_equal(tv_dot(&a, &a), tv_norm2(&a), 1e-9);
    tv_free(&a);
    tv_free(&b);
    assert_null(a.e);
    assert_int_equal(a.n, 0);
}

static void test_tv_unit(void **state)
{
    (void)state;
    termvec a = vec((tv_entry[]){{1, 3}, {4, 4}}, 2);
    tv_unit(&a);
    assert_float_equal(tv_norm2(&a), 1.0, 1e-6);
    assert_float_equal(weight(&a, 1), 0.6, 1e-6);
    assert_float_equal(weight(&a, 4), 0.8, 1e-6);
    tv_free(&a);
    /* the zero vector is left alone (no NaN) */
    termvec z = vec((tv_entry[]){{7, 0}}, 1);
    tv_unit(&z);
    assert_float_equal(z.e[0].w, 0, 0);
    tv_free(&z);
    termvec e = {0};
    tv_unit(&e);
    assert_int_equal(e.n, 0);
}

static void test_tv_axpy(void **state)
{
    (void)state;
    termvec a = vec((tv_entry[]){{1, 1}, {2, 2}, {5, 3}}, 3);
    termvec b = vec((tv_entry[]){{2, 4}, {3, 1}, {5, 1}}, 3);
    tv_axpy(&a, 0.5, &b);
    assert_int_equal(a.n, 4);
    assert_sorted_unique(&a);
    assert_float_equal(weight(&a, 1), 1.0, 1e-6);
    assert_float_equal(weight(&a, 2), 4.0, 1e-6);
    assert_float_equal(weight(&a, 3), 0.5, 1e-6);
    assert_float_equal(weight(&a, 5), 3.5, 1e-6);
    /* b unchanged */
    assert_int_equal(b.n, 3);
    assert_float_equal(weight(&b, 2), 4.0, 0);
    /* into an empty vector: a copy scaled */
    termvec c = {0};
    tv_axpy(&c, 2.0, &b);
    assert_int_equal(c.n, 3);
    assert_sorted_unique(&c);
    assert_float_equal(weight(&c, 3), 2.0, 1e-6);
    /* adding an empty vector changes nothing */
    termvec e = {0};
    tv_axpy(&c, 1.0, &e);
    assert_int_equal(c.n, 3);
    assert_float_equal(weight(&c, 2), 8.0, 1e-6);
    tv_free(&a);
    tv_free(&b);
    tv_free(&c);
}

static void test_tv_truncate_top(void **state)
{
    (void)state;
    termvec a = vec((tv_entry[]){{1, 1}, {2, 4}, {3, 0.5f}, {5, 3.5f}, {8, 2}}, 5);
    uint64_t top[8];
    assert_int_equal(tv_top_terms(&a, 3, top), 3);
    assert_true(top[0] == 2 && top[1] == 5 && top[2] == 8);
    assert_int_equal(tv_top_terms(&a, 8, top), 5);
    assert_true(top[3] == 1 && top[4] == 3);
    /* top_terms leaves the vector as it was */
    assert_sorted_unique(&a);
    assert_int_equal(a.n, 5);

    tv_truncate(&a, 2);
    assert_int_equal(a.n, 2);
    assert_true(a.e[0].term == 2 && a.e[1].term == 5); /* heaviest two, by term */
    assert_float_equal(a.e[0].w, 4, 0);
    assert_float_equal(a.e[1].w, 3.5, 0);
    tv_truncate(&a, 10); /* no-op when already short */
    assert_int_equal(a.n, 2);
    tv_free(&a);

    /* ties are broken by term: the smaller terms stay */
    termvec t = vec((tv_entry[]){{4, 1}, {6, 1}, {7, 1}, {9, 1}}, 4);
    tv_truncate(&t, 2);
    assert_int_equal(t.n, 2);
    assert_true(t.e[0].term == 4 && t.e[1].term == 6);
    tv_free(&t);
    termvec e = {0};
    assert_int_equal(tv_top_terms(&e, 3, top), 0);
}

static void test_tv_tokens_and_order(void **state)
{
    (void)state;
    sf_token toks[] = {{0, 1, 70}, {2, 3, 0}, {4, 5, 30}, {6, 7, 70}, {8, 9, 50}, {10, 11, 70}};
    termvec v = {0};
    tv_add_tokens(&v, toks, 1, 4); /* tokens 1..4: 0 (skipped), 30, 70, 50 */
    assert_int_equal(v.n, 3);
    assert_sorted_unique(&v);
    assert_float_equal(weight(&v, 30), 1, 0);
    assert_float_equal(weight(&v, 70), 1, 0);
    tv_add_tokens(&v, toks, 0, 6); /* appended then merged */
    assert_int_equal(v.n, 3);
    assert_float_equal(weight(&v, 70), 4, 0);
    assert_float_equal(weight(&v, 30), 2, 0);
    assert_float_equal(weight(&v, 50), 2, 0);
    tv_free(&v);

    termvec u = vec((tv_entry[]){{9, 1}, {3, 2}, {9, 0.5f}, {1, 1}, {3, 1}}, 5);
    tv_normalize_order(&u);
    assert_int_equal(u.n, 3);
    assert_sorted_unique(&u);
    assert_float_equal(weight(&u, 3), 3, 0);
    assert_float_equal(weight(&u, 9), 1.5, 0);
    tv_free(&u);
}

/* ---- clusterer ---------------------------------------------------------------------- */

/* Three invented events, each told three ways. */
static const char *const dam[] = {
    "Engineers warned on Monday that the Harlow Dam above Eastwick could fail after days of "
    "torrential rain. The reservoir behind the dam reached a record level and cracks appeared "
    "in the spillway. About 4,000 residents of Eastwick were ordered to evacuate.",
    "Thousands of people fled Eastwick as water poured over the cracked spillway of the Harlow "
    "Dam. Emergency crews are pumping water out of the reservoir to relieve pressure on the "
    "dam, and engineers are inspecting the cracks.",
    "The evacuation of Eastwick continued as the Harlow reservoir kept rising. Officials fear "
    "the damaged dam spillway could collapse, sending a flood wave into the valley where "
    "evacuated residents left their homes.",
};
static const char *const probe[] = {
    "The Selene-4 lunar probe lifted off from the Kourama spaceport aboard a heavy rocket. "
    "The probe will orbit the Moon for a year and map ice in polar craters, the space agency "
    "announced.",
    "A heavy rocket carrying the Selene-4 probe launched from Kourama spaceport. Mission "
    "controllers confirmed the lunar orbiter separated from the rocket and deployed its solar "
    "panels on its way to the Moon.",
    "Scientists celebrated as Selene-4 began its journey to lunar orbit. The probe carries a "
    "radar to search for water ice in craters near the Moon's south pole, agency scientists "
    "explained after the launch.",
};
static const char *const bank[] = {
    "The Central Bank of Norland raised its benchmark interest rate by half a point to fight "
    "inflation. Governor Ilse Brandt said consumer prices rose faster than forecast and "
    "borrowing costs must climb further.",
    "Norland's central bank lifted interest rates for the third time this year as inflation "
    "hit a decade high. Mortgage lenders expect borrowing costs for households to rise "
    "sharply, economists warned.",
    "Governor Brandt defended the Norland rate increase, saying inflation threatened savings. "
    "Bond markets fell after the central bank signalled more interest rate rises to bring "
    "prices under control.",
};

static sf_doc *make_doc(const char *text, int32_t day)
{
    sf_doc *d = sf_doc_new();
    d->text = strdup(text);
    assert_non_null(d->text);
    d->len = strlen(text);
    d->day = day;
    sf_error err = {0};
    assert_int_equal(sf_doc_analyze(d, &err), SF_OK);
    return d;
}

/* Assign each text (with its day) in order; story ids into ids[]. */
static void assign_all(clu *c, const char *const *texts, const int32_t *days, size_t n,
                       int64_t *ids)
{
    for (size_t i = 0; i < n; i++) {
        sf_doc *d = make_doc(texts[i], days ? days[i] : SF_NO_DAY);
        int created = -1;
        clu_story *s = clu_assign(c, d, &created);
        assert_non_null(s);
        assert_true(created == 0 || created == 1);
        ids[i] = s->id;
        sf_doc_free(d);
    }
}

/* The interleaved stream: dam, probe, bank, dam, probe, bank, dam, probe, bank. */
#define NSTREAM 9
static void stream(const char *texts[NSTREAM], int32_t days[NSTREAM])
{
    int32_t d0 = sf_days_from_civil(2031, 4, 7);
    for (int i = 0; i < 3; i++) {
        texts[3 * i] = dam[i];
        texts[3 * i + 1] = probe[i];
        texts[3 * i + 2] = bank[i];
        for (int k = 0; k < 3; k++) days[3 * i + k] = d0 + i; /* one day apart */
    }
}

static void assert_topics(const int64_t ids[NSTREAM])
{
    for (int t = 0; t < 3; t++) {
        /* same topic, same story */
        if (ids[t] != ids[t + 3] || ids[t] != ids[t + 6])
            fail_msg("topic %d split: stories %lld %lld %lld", t, (long long)ids[t],
                     (long long)ids[t + 3], (long long)ids[t + 6]);
        /* different topics, different stories */
        for (int u = t + 1; u < 3; u++)
            if (ids[t] == ids[u])
                fail_msg("topics %d and %d merged into story %lld", t, u, (long long)ids[t]);
    }
}

static void test_cluster_topics(void **state)
{
    (void)state;
    const char *texts[NSTREAM];
    int32_t days[NSTREAM];
    stream(texts, days);
    clu c;
    clu_init(&c);
    int64_t ids[NSTREAM];
    assign_all(&c, texts, days, NSTREAM, ids);
    assert_topics(ids);
    assert_int_equal(c.n_stories, 3);
    assert_int_equal(c.n_docs, NSTREAM);
    for (size_t i = 0; i < c.n_stories; i++) {
        assert_int_equal(c.stories[i].n_docs, 3);
        assert_int_equal(c.stories[i].day_min, days[0]);
        assert_int_equal(c.stories[i].day_max, days[0] + 2);
        assert_true(c.stories[i].centroid.n <= CLU_CENTROID_MAX);
    }
    clu_free(&c);
}

static void test_cluster_undated(void **state)
{
    (void)state;
    const char *texts[NSTREAM];
    int32_t days[NSTREAM];
    stream(texts, days);
    clu c;
    clu_init(&c);
    int64_t ids[NSTREAM];
    assign_all(&c, texts, NULL, NSTREAM, ids); /* no dates at all */
    assert_topics(ids);
    for (size_t i = 0; i < c.n_stories; i++) {
        assert_int_equal(c.stories[i].day_min, SF_NO_DAY);
        assert_int_equal(c.stories[i].day_max, SF_NO_DAY);
    }
    clu_free(&c);
}

/* A report close to a story in time joins it at a lower cosine than an undated one: its
 * cosine with the story (measured on a third clusterer with the same history) lies between
 * CLU_DATED_THRESHOLD and CLU_THRESHOLD; dated on the story's day it joins, undated it
 * starts a story of its own. */
static void test_cluster_dated_threshold(void **state)
{
    (void)state;
    static const char *const later = "Eastwick families returned on Tuesday after the "
                                     "evacuation order was lifted, and the council promised "
                                     "grants for homes the flood reached.";
    int32_t d0 = sf_days_from_civil(2031, 4, 7);
    const char *history[7] = {probe[0], bank[0], probe[1], bank[1], probe[2], bank[2], dam[0]};
    int32_t days[7] = {d0, d0, d0, d0, d0, d0, d0};
    clu c[3];
    int64_t ids[7];
    for (int k = 0; k < 3; k++) {
        clu_init(&c[k]);
        assign_all(&c[k], history, days, 7, ids);
    }
    const clu_story *dam_story = &c[2].stories[c[2].n_stories - 1];
    sf_doc *d = make_doc(later, d0);
    termvec v = {0};
    clu_doc_vector(&c[2], d, &v);
    double cs = tv_dot(&v, &dam_story->centroid) / sqrt(dam_story->norm2);
    if (!(cs > CLU_DATED_THRESHOLD && cs <= CLU_THRESHOLD))
        fail_msg("the report's cosine with the story is %.4f: choose another text", cs);
    tv_free(&v);
    sf_doc_free(d);
    int64_t dated, undated;
    assign_all(&c[0], &later, (int32_t[]){d0 + 1}, 1, &dated);
    assign_all(&c[1], &later, NULL, 1, &undated);
    assert_true(dated == ids[6]);
    assert_true(undated != ids[6]);
    for (int k = 0; k < 3; k++) clu_free(&c[k]);
}

static void test_cluster_window(void **state)
{
    (void)state;
    int32_t d0 = sf_days_from_civil(2031, 4, 7);
    const char *texts[2] = {dam[0], dam[1]};
    int64_t ids[2];

    /* 2 days apart: one story */
    clu c;
    clu_init(&c);
    assign_all(&c, texts, (int32_t[]){d0, d0 + 2}, 2, ids);
    assert_true(ids[0] == ids[1]);
    clu_free(&c);

    /* 30 days apart: the later report starts a new story */
    clu_init(&c);
    assign_all(&c, texts, (int32_t[]){d0, d0 + 30}, 2, ids);
    assert_true(ids[0] != ids[1]);
    clu_free(&c);

    /* also backwards in time */
    clu_init(&c);
    assign_all(&c, texts, (int32_t[]){d0 + 30, d0}, 2, ids);
    assert_true(ids[0] != ids[1]);
    clu_free(&c);

    /* the window follows the story: reports on day 0, W-1 and 2(W-1) chain together (the
     * last is more than a window W after the first but within one of the second). The
     * other topics go first so that document frequencies are not those of a
     * three-document world. */
    const int32_t w = CLU_WINDOW_DAYS;
    clu_init(&c);
    int64_t bg[6], ids3[3];
    const char *others[6] = {probe[0], bank[0], probe[1], bank[1], probe[2], bank[2]};
    assign_all(&c, others, (int32_t[]){d0, d0, d0, d0, d0, d0}, 6, bg);
    assign_all(&c, dam, (int32_t[]){d0, d0 + w - 1, d0 + 2 * (w - 1)}, 3, ids3);
    assert_true(ids3[0] == ids3[1] && ids3[1] == ids3[2]);
    clu_free(&c);
    /* and the same reports with a gap of more than a window each are three stories */
    clu_init(&c);
    assign_all(&c, others, (int32_t[]){d0, d0, d0, d0, d0, d0}, 6, bg);
    assign_all(&c, dam, (int32_t[]){d0, d0 + w + 1, d0 + 2 * (w + 1)}, 3, ids3);
    assert_true(ids3[0] != ids3[1] && ids3[1] != ids3[2] && ids3[0] != ids3[2]);
    clu_free(&c);
}

/* A later report on the same dam, weeks after the first ones: a new event of the same
 * storyline. An unrelated story in between starts a storyline of its own. */
static void test_cluster_storyline(void **state)
{
    (void)state;
    int32_t d0 = sf_days_from_civil(2031, 4, 7);
    const char *texts[] = {
        dam[0],
        probe[0],
        bank[0],
        dam[1],
        probe[1],
        bank[1],
        dam[2],
        "Three weeks after the Harlow Dam spillway cracked, the last evacuated residents of "
        "Eastwick returned to their homes. Engineers finished pumping down the reservoir and "
        "sealed the cracks in the dam, and officials lifted the evacuation order for the valley.",
        "A magnitude 6.1 earthquake shook the island of Tavira before dawn, toppling chimneys "
        "and cutting power to fishing villages along the coast. Seismologists recorded dozens "
        "of aftershocks.",
    };
    int32_t days[] = {d0, d0, d0, d0 + 1, d0 + 1, d0 + 1, d0 + 2, d0 + 24, d0 + 24};
    int64_t ids[9];
    clu c;
    clu_init(&c);
    assign_all(&c, texts, days, 9, ids);
    const clu_story *first = &c.stories[0], *later = NULL, *quake = NULL;
    for (size_t i = 0; i < c.n_stories; i++) {
        if (c.stories[i].id == ids[7]) later = &c.stories[i];
        if (c.stories[i].id == ids[8]) quake = &c.stories[i];
    }
    assert_true(ids[0] == ids[3] && ids[3] == ids[6]);
    assert_non_null(later);
    assert_non_null(quake);
    assert_true(ids[7] != ids[0]);                 /* a new event ... */
    assert_int_equal(later->storyline, first->id); /* ... of the dam's storyline */
    assert_int_equal(first->storyline, first->id); /* a first story heads its own */
    assert_int_equal(quake->storyline, quake->id);
    for (size_t i = 0; i < c.n_stories; i++) /* the other topics stand alone */
        if (c.stories[i].id != ids[0] && c.stories[i].id != ids[7])
            assert_int_equal(c.stories[i].storyline, c.stories[i].id);
    clu_free(&c);

    /* 90 days later, beyond CLU_LINE_DAYS, the same report starts a storyline */
    clu_init(&c);
    days[7] = d0 + 92;
    assign_all(&c, texts, days, 8, ids);
    assert_int_equal(c.stories[c.n_stories - 1].id, ids[7]);
    assert_int_equal(c.stories[c.n_stories - 1].storyline, ids[7]);
    clu_free(&c);
}

static void test_cluster_deterministic(void **state)
{
    (void)state;
    const char *texts[NSTREAM];
    int32_t days[NSTREAM];
    stream(texts, days);
    int64_t a[NSTREAM], b[NSTREAM];
    clu c;
    clu_init(&c);
    assign_all(&c, texts, days, NSTREAM, a);
    clu_free(&c);
    clu_init(&c);
    assign_all(&c, texts, days, NSTREAM, b);
    clu_free(&c);
    for (int i = 0; i < NSTREAM; i++) assert_int_equal(a[i], b[i]);
    /* ids are handed out in order of first appearance, from 1 */
    assert_int_equal(a[0], 1);
    assert_int_equal(a[1], 2);
    assert_int_equal(a[2], 3);
}

/* Copy c's state into a fresh clusterer the way the store does: document frequencies,
 * the document count, the next id, then every story joined after document number
 * after (id, days, size, centroid), in id order. */
static void restore_after(const clu *c, clu *r, int64_t after)
{
    clu_init(r);
    for (size_t i = 0; i < c->df.cap; i++)
        if (c->df.keys[i]) clu_df_load(r, c->df.keys[i], c->df.vals[i]);
    r->n_docs = c->n_docs; /* no loader for it: sqlite.c sets the field directly too */
    r->next_id = c->next_id;
    for (size_t i = 0; i < c->n_stories; i++) {
        const clu_story *s = &c->stories[i];
        if (s->evicted || s->last_doc <= after) continue;
        clu_story_load(r, s->id, s->storyline, s->day_min, s->day_max, s->n_docs, s->last_doc,
                       s->centroid.e, s->centroid.n);
    }
}

static void restore(const clu *c, clu *r)
{
    restore_after(c, r, -1);
}

/* The stories listed under each term, as ids in list order, compared between two
 * clusterers: the candidate index must not depend on how the state was reached. */
static void assert_same_index(const clu *a, const clu *b)
{
    size_t terms = 0;
    for (size_t i = 0; i < a->post_of.cap; i++) {
        if (!a->post_of.keys[i]) continue;
        const struct clu_post *pa = &a->post[a->post_of.vals[i]];
        int64_t *at = hmap_get((hmap *)&b->post_of, a->post_of.keys[i]);
        uint32_t nb = at ? b->post[*at].n : 0;
        assert_int_equal(pa->n, nb);
        for (uint32_t k = 0; k < pa->n; k++) {
            assert_int_equal(a->stories[pa->story[k]].id, b->stories[b->post[*at].story[k]].id);
            if (k) assert_true(pa->story[k - 1] < pa->story[k]);
        }
        terms += pa->n > 0;
    }
    assert_true(terms > 0);
}

/* Assign the same report to two clusterers that must agree; returns the story id. */
static int64_t assign_both(clu *a, clu *b, const char *text, int *created)
{
    int64_t got[2];
    int made[2];
    clu *both[2] = {a, b};
    for (int k = 0; k < 2; k++) {
        sf_doc *d = make_doc(text, SF_NO_DAY);
        got[k] = clu_assign(both[k], d, &made[k])->id;
        sf_doc_free(d);
    }
    assert_int_equal(got[0], got[1]);
    assert_int_equal(made[0], made[1]);
    *created = made[0];
    return got[0];
}

/* Evicting the stories no document joined lately: they leave memory and the index, are
 * never joined again, and a clusterer restored with the recent stories only (as the
 * store loads it) goes on exactly as the one that evicted. */
static void test_cluster_evict(void **state)
{
    (void)state;
    clu c;
    clu_init(&c);
    int64_t ids[NSTREAM];
    const char *first[] = {dam[0], dam[1], probe[0], bank[0], bank[1], probe[1]};
    assign_all(&c, first, NULL, 6, ids); /* dam: docs 1-2; probe: 3, 6; bank: 4-5 */
    int64_t dam_id = ids[0], probe_id = ids[2];
    clu_saved(&c);
    clu_evict(&c, 2); /* the dam story's latest member is document 2 */
    size_t held = 0;
    for (size_t i = 0; i < c.n_stories; i++) {
        const clu_story *s = &c.stories[i];
        assert_int_equal(s->evicted, s->id == dam_id);
        held += !s->evicted;
        if (s->evicted) assert_int_equal(s->centroid.n, 0);
    }
    assert_int_equal(held, 2);
    assert_int_equal(c.n_active, 2);

    clu r;
    restore_after(&c, &r, 2);
    assert_int_equal(r.n_stories, 2);
    assert_same_index(&c, &r);
    /* the next reports land the same way in both; the dam report starts a new story */
    const char *next[] = {dam[2], probe[2], bank[2]};
    for (int i = 0; i < 3; i++) {
        int created;
        int64_t got = assign_both(&c, &r, next[i], &created);
        if (i == 0) {
            assert_int_equal(created, 1);
            assert_true(got != dam_id);
        }
        if (i == 1) assert_int_equal(got, probe_id);
    }
    assert_same_index(&c, &r);
    clu_free(&c);
    clu_free(&r);
}

/* Once half the stories are evicted, the held ones move down to dense indexes: the
 * evicted slots are gone, the candidate index lists the same stories in the same order
 * as a clusterer restored with the held stories only, and both go on alike. */
static void test_cluster_compact(void **state)
{
    (void)state;
    clu c;
    clu_init(&c);
    int64_t ids[6];
    const char *first[] = {dam[0], dam[1], bank[0], bank[1], probe[0], probe[1]};
    assign_all(&c, first, NULL, 6, ids); /* dam: docs 1-2; bank: 3-4; probe: 5-6 */
    int64_t probe_id = ids[4];
    clu_saved(&c);
    clu r;
    restore_after(&c, &r, 4);
    clu_evict(&c, 4); /* dam and bank go: two of three slots */
    assert_int_equal(c.n_stories, 1);
    assert_int_equal(c.n_active, 1);
    assert_int_equal(c.active[0], 0);
    assert_int_equal(c.stories[0].id, probe_id);
    assert_false(c.stories[0].evicted);
    assert_same_index(&c, &r);
    const char *next[] = {probe[2], bank[2], dam[2]};
    for (int i = 0; i < 3; i++) {
        int created;
        int64_t got = assign_both(&c, &r, next[i], &created);
        assert_int_equal(created, i > 0); /* bank and dam start over */
        if (i == 0) assert_int_equal(got, probe_id);
    }
    assert_same_index(&c, &r);
    clu_free(&c);
    clu_free(&r);
}

static void test_cluster_restore(void **state)
{
    (void)state;
    const char *texts[NSTREAM];
    int32_t days[NSTREAM];
    stream(texts, days);
    clu c;
    clu_init(&c);
    int64_t ids[NSTREAM];
    assign_all(&c, texts, days, 6, ids); /* two of each topic */
    clu_saved(&c);

    clu r;
    restore(&c, &r);
    assert_int_equal(r.n_stories, c.n_stories);
    for (size_t i = 0; i < c.n_stories; i++) {
        assert_int_equal(r.stories[i].id, c.stories[i].id);
        assert_int_equal(r.stories[i].storyline, c.stories[i].storyline);
        assert_int_equal(r.stories[i].n_docs, c.stories[i].n_docs);
        assert_float_equal(r.stories[i].norm2, c.stories[i].norm2, 1e-9);
    }

    assert_same_index(&c, &r);
    /* the next documents land the same way in both */
    for (int i = 6; i < NSTREAM; i++) {
        int64_t got[2];
        int created[2];
        clu *both[2] = {&c, &r};
        for (int k = 0; k < 2; k++) {
            sf_doc *d = make_doc(texts[i], days[i]);
            clu_story *s = clu_assign(both[k], d, &created[k]);
            got[k] = s->id;
            sf_doc_free(d);
        }
        assert_int_equal(got[0], got[1]);
        assert_int_equal(created[0], created[1]);
        assert_int_equal(got[0], ids[i - 3]); /* and it is the topic's story */
        assert_int_equal(created[0], 0);
    }
    /* a new event gets the same fresh id in both */
    const char *other =
        "A magnitude 6.1 earthquake shook the island of Tavira before dawn, toppling "
        "chimneys and cutting power to fishing villages along the coast. Seismologists "
        "recorded dozens of aftershocks.";
    int64_t fresh[2];
    int created[2];
    clu *both[2] = {&c, &r};
    for (int k = 0; k < 2; k++) {
        sf_doc *d = make_doc(other, days[8]);
        fresh[k] = clu_assign(both[k], d, &created[k])->id;
        sf_doc_free(d);
    }
    assert_int_equal(created[0], 1);
    assert_int_equal(created[1], 1);
    assert_int_equal(fresh[0], fresh[1]);
    assert_int_equal(fresh[0], 4);
    clu_free(&c);
    clu_free(&r);
}

/* tv_truncate and tv_top_terms select by quickselect; they must agree with a full
 * sort by weight (ties by term) on vectors full of ties, of every size around k. */
static int by_weight_then_term(const void *a, const void *b)
{
    const tv_entry *x = a, *y = b;
    if (x->w != y->w) return x->w < y->w ? 1 : -1;
    return (x->term > y->term) - (x->term < y->term);
}

static void test_tv_selection_matches_sort(void **state)
{
    (void)state;
    srand(7);
    for (int it = 0; it < 20000; it++) {
        size_t n = 1 + (size_t)(rand() % 70), k = 1 + (size_t)(rand() % 64);
        termvec v = {0};
        v.e = malloc(n * sizeof *v.e);
        v.n = v.cap = n;
        for (size_t i = 0; i < n; i++)
            v.e[i] = (tv_entry){i * 7 + 1, (float)(rand() % (1 + rand() % 5))};
        tv_entry *ref = malloc(n * sizeof *ref);
        memcpy(ref, v.e, n * sizeof *ref);
        qsort(ref, n, sizeof *ref, by_weight_then_term);
        size_t m = n < k ? n : k;
        uint64_t top[64];
        assert_int_equal(tv_top_terms(&v, k, top), m);
        for (size_t i = 0; i < m; i++) assert_true(top[i] == ref[i].term);
        tv_truncate(&v, k);
        assert_int_equal(v.n, m);
        for (size_t i = 1; i < v.n; i++) assert_true(v.e[i - 1].term < v.e[i].term);
        for (size_t i = 0; i < m; i++) {
            int found = 0;
            for (size_t j = 0; j < v.n; j++) found |= v.e[j].term == ref[i].term;
            assert_true(found);
        }
        free(v.e);
        free(ref);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tv_dot_norm),     cmocka_unit_test(test_tv_selection_matches_sort),
        cmocka_unit_test(test_tv_unit),         cmocka_unit_test(test_tv_axpy),
        cmocka_unit_test(test_tv_truncate_top), cmocka_unit_test(test_tv_tokens_and_order),
        cmocka_unit_test(test_cluster_topics),  cmocka_unit_test(test_cluster_undated),
        cmocka_unit_test(test_cluster_window),  cmocka_unit_test(test_cluster_dated_threshold),
        cmocka_unit_test(test_cluster_deterministic),
        cmocka_unit_test(test_cluster_restore), cmocka_unit_test(test_cluster_storyline),
        cmocka_unit_test(test_cluster_evict),
        cmocka_unit_test(test_cluster_compact),
    };
    return cmocka_run_group_tests_name("cluster", tests, NULL, NULL);
}
