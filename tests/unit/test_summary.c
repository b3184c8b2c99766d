/* test_summary.c — sf_summarize (public API, src/story/summary.c): word budget (as the
 * summary is written), excerpts that lie in one sentence each, no boilerplate or
 * headlines, no near-duplicate pairs, reading order, and the empty input. What excerpts
 * leave out of their sentences is tested in test_trim.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "storyfold.h"

/* Three invented reports of one event. Paragraphs are separated by blank lines, so each
 * line below is one sentence (or a headline / boilerplate line). */
#define HEADLINE_0 "Harlow Dam cracks force thousands from Eastwick homes overnight"
#define TEASER_0   "Also Read | Engineers explain how earth dams fail after heavy rain."
#define DUP_A      "Water poured over the cracked spillway of the Harlow Dam on Tuesday night."
#define DUP_B      "Water poured over the cracked spillway of the Harlow Dam late on Tuesday night."
#define CREDIT_1   "Photo: Rescue boats gather on the flooded high street of Eastwick today."
#define SIGNOFF_2  "Read the original article on The Eastern Post website for more coverage."

static const char *const texts[] = {
    HEADLINE_0
    "\n\n"
    "Engineers ordered the evacuation of Eastwick after cracks appeared in the Harlow "
    "Dam.\n\n" DUP_A "\n\n" TEASER_0 "\n\n"
    "About four thousand residents spent the night in schools and sports halls nearby.\n\n"
    "The regional council said the reservoir level must fall before anyone returns.",

    CREDIT_1 "\n\n" DUP_B "\n\n"
             "Pumps are lowering the reservoir behind the dam by half a metre every day.\n\n"
             "Farmers downstream moved their cattle to higher ground as a precaution.\n\n"
             "Insurers expect claims from shops and homes along the river to be heavy.",

    "Inspectors will climb the Harlow Dam on Thursday to measure how far the cracks "
    "run.\n\n" SIGNOFF_2 "\n\n"
    "Evacuated families from Eastwick may return home by the weekend if the cracks hold.",
};
#define NDOCS (sizeof texts / sizeof *texts)

static sf_doc *docs[NDOCS];

/* d[i]: texts t[i] as analyzed documents (the caller frees them); SF_OK or the first
 * error. */
static int analyze_texts(const char *const *t, size_t n, sf_doc **d)
{
    int rc = SF_OK;
    for (size_t i = 0; i < n; i++) {
        d[i] = sf_doc_new();
        d[i]->text = strdup(t[i]);
        d[i]->len = strlen(t[i]);
        sf_error err = {0};
        if (rc == SF_OK) rc = sf_doc_analyze(d[i], &err);
    }
    return rc;
}

static int setup(void **state)
{
    (void)state;
    return analyze_texts(texts, NDOCS, docs) == SF_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    for (size_t i = 0; i < NDOCS; i++) sf_doc_free(docs[i]);
    return 0;
}

static const sf_sentence *sentence_of(const sf_doc *d, sf_span s)
{
    for (size_t i = 0; i < d->n_sents; i++)
        if (d->sents[i].start == s.start && d->sents[i].end == s.end) return &d->sents[i];
    return NULL;
}

/* The sentence of d that holds span s, or NULL. */
static const sf_sentence *sentence_holding(const sf_doc *d, sf_span s)
{
    for (size_t i = 0; i < d->n_sents; i++)
        if (d->sents[i].start <= s.start && s.end <= d->sents[i].end) return &d->sents[i];
    return NULL;
}

/* 1 when excerpt c comes from the sentence `s` of document doc (it must be one). */
static int is_cite_of(const sf_excerpt *c, size_t doc, const char *s)
{
    if (c->cite.doc != doc) return 0;
    const sf_sentence *in = sentence_holding(docs[doc], c->cite.span);
    size_t n = strlen(s);
    return in && in->end - in->start == n && memcmp(docs[doc]->text + in->start, s, n) == 0;
}

/* The words of an excerpt as sf_write_excerpt writes it. */
static int written_words(const sf_doc *d, const sf_excerpt *c)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    sf_write_excerpt(f, d->text, c);
    fclose(f);
    int n = 0;
    for (char *w = strtok(buf, " "); w; w = strtok(NULL, " ")) n++;
    free(buf);
    return n;
}

/* Summarize with `words`; check every property; return the excerpts. */
static sf_excerpt *summarize_checked(int words, size_t *n_out)
{
    sf_excerpt *c = NULL;
    sf_error err = {0};
    assert_int_equal(sf_summarize(docs, NDOCS, words, &c, n_out, &err), SF_OK);
    int used = 0;
    for (size_t i = 0; i < *n_out; i++) {
        assert_true(c[i].cite.doc < NDOCS);
        const sf_doc *d = docs[c[i].cite.doc];
        const sf_sentence *s = sentence_holding(d, c[i].cite.span);
        if (!s)
            fail_msg("cite %zu [%u,%u) of doc %zu is not in a sentence", i, c[i].cite.span.start,
                     c[i].cite.span.end, c[i].cite.doc);
        for (size_t k = 0; k < c[i].n_cut; k++)
            assert_true(c[i].cut[k].start > c[i].cite.span.start &&
                        c[i].cut[k].end < c[i].cite.span.end);
        used += written_words(d, &c[i]);
        /* no boilerplate */
        assert_false(s->boilerplate);
        if (is_cite_of(&c[i], 0, TEASER_0) || is_cite_of(&c[i], 1, CREDIT_1) ||
            is_cite_of(&c[i], 2, SIGNOFF_2))
            fail_msg("boilerplate chosen: '%.*s'", (int)(s->end - s->start), d->text + s->start);
        /* no headline */
        if (is_cite_of(&c[i], 0, HEADLINE_0)) fail_msg("headline chosen");
        char last = d->text[c[i].cite.span.end - 1];
        assert_true(last == '.' || last == '!' || last == '?');
        /* reading order: by document, then by offset */
        if (i) {
            assert_true(c[i - 1].cite.doc <= c[i].cite.doc);
            if (c[i - 1].cite.doc == c[i].cite.doc)
                assert_true(c[i - 1].cite.span.end <= c[i].cite.span.start);
        }
    }
    if (used > words) fail_msg("budget %d exceeded: %d words", words, used);
    /* the two near-identical sentences are never both chosen */
    int a = 0, b = 0;
    for (size_t i = 0; i < *n_out; i++) {
        a |= is_cite_of(&c[i], 0, DUP_A);
        b |= is_cite_of(&c[i], 1, DUP_B);
    }
    if (a && b) fail_msg("both near-duplicates chosen (budget %d)", words);
    return c;
}

static void test_fixture_sane(void **state)
{
    (void)state;
    /* the fixture's special lines are sentences of their own, and boilerplate is marked */
    sf_cite c = {0, {0, (uint32_t)strlen(HEADLINE_0)}};
    assert_non_null(sentence_of(docs[0], c.span));
    const char *t = strstr(texts[0], TEASER_0);
    sf_span sp = {(uint32_t)(t - texts[0]), (uint32_t)(t - texts[0] + strlen(TEASER_0))};
    const sf_sentence *s = sentence_of(docs[0], sp);
    assert_non_null(s);
    assert_true(s->boilerplate);
    sp = (sf_span){0, (uint32_t)strlen(CREDIT_1)};
    s = sentence_of(docs[1], sp);
    assert_non_null(s);
    assert_true(s->boilerplate);
}

static void test_budgets(void **state)
{
    (void)state;
    const int budgets[] = {20, 50, 100};
    for (size_t k = 0; k < 3; k++) {
        size_t n = 0;
        sf_excerpt *c = summarize_checked(budgets[k], &n);
        /* every candidate sentence here has 11-15 words: something always fits */
        assert_true(n >= 1);
        free(c);
    }
    /* a budget of 0 or less means the default, 100 */
    size_t n0 = 0, n100 = 0;
    sf_excerpt *c0 = NULL, *c100 = NULL;
    sf_error err = {0};
    assert_int_equal(sf_summarize(docs, NDOCS, 0, &c0, &n0, &err), SF_OK);
    assert_int_equal(sf_summarize(docs, NDOCS, 100, &c100, &n100, &err), SF_OK);
    assert_int_equal(n0, n100);
    if (n0) assert_memory_equal(c0, c100, n0 * sizeof *c0);
    free(c0);
    free(c100);
}

/* The candidates total 132 words: with a budget of 200 there is room for all of them, so
 * redundancy is the only reason to leave one of the two near-duplicates out. Exactly one
 * of them is chosen. */
static void test_near_duplicates(void **state)
{
    (void)state;
    size_t n = 0;
    sf_excerpt *c = summarize_checked(200, &n);
    int a = 0, b = 0;
    for (size_t i = 0; i < n; i++) {
        a += is_cite_of(&c[i], 0, DUP_A);
        b += is_cite_of(&c[i], 1, DUP_B);
    }
    assert_int_equal(a + b, 1);
    free(c);
}

static void test_deterministic(void **state)
{
    (void)state;
    size_t n1 = 0, n2 = 0;
    sf_excerpt *c1 = summarize_checked(50, &n1);
    sf_excerpt *c2 = summarize_checked(50, &n2);
    assert_int_equal(n1, n2);
    if (n1) assert_memory_equal(c1, c2, n1 * sizeof *c1);
    free(c1);
    free(c2);
}

static void test_empty(void **state)
{
    (void)state;
    sf_excerpt *c = (sf_excerpt *)&c; /* must be overwritten */
    size_t n = 99;
    sf_error err = {0};
    assert_int_equal(sf_summarize(NULL, 0, 50, &c, &n, &err), SF_OK);
    assert_int_equal(n, 0);
    assert_null(c);

    /* documents with nothing worth citing: a headline and boilerplate only */
    sf_doc *d = sf_doc_new();
    d->text = strdup("Dam holds as rain eases over the Eastwick valley\n\n"
                     "Also Read | Ten photos of the flooded Eastwick high street today.");
    d->len = strlen(d->text);
    assert_int_equal(sf_doc_analyze(d, &err), SF_OK);
    sf_doc *one[1] = {d};
    n = 99;
    assert_int_equal(sf_summarize(one, 1, 50, &c, &n, &err), SF_OK);
    assert_int_equal(n, 0);
    free(c);
    sf_doc_free(d);
}

/* Three articles that share no word pair: no concept is worth anything, and the budget
 * is still filled, by the sentences' prior (lead and centrality). */
static void test_fills_without_shared_concepts(void **state)
{
    (void)state;
    static const char *const t[] = {
        "Lantern makers in Corvell lit four hundred paper boats along the canal tonight.",
        "A bakery cooperative opened its third shop beside the old Tessin tram depot.",
        "Volunteers counted ninety herons nesting on the marsh islands north of Brell.",
    };
    sf_doc *d[3];
    sf_error err = {0};
    assert_int_equal(analyze_texts(t, 3, d), SF_OK);
    sf_excerpt *c = NULL;
    size_t n = 0;
    assert_int_equal(sf_summarize(d, 3, 30, &c, &n, &err), SF_OK);
    assert_int_equal(n, 2); /* two of the three 12-to-13-word sentences fit in 30 words */
    free(c);
    for (size_t i = 0; i < 3; i++) sf_doc_free(d[i]);
}

/* Copies count once: three outlets print one wire story (its lead is the same words in
 * all three, so its word pairs are in three documents), and two other outlets report,
 * with the wire story, the talks at the town hall. The wire lead's pairs are one
 * independent document's: worth nothing. The talks are what three independent documents
 * say, and the summary of one sentence reports them. */
static void test_copies_count_once(void **state)
{
    (void)state;
#define WIRE_LEAD "Glassworkers in Pellory walked out of the Harven furnace plant at dawn."
#define WIRE_REST                                                                        \
    "\n\nThe Harven owners will meet the union stewards at the town hall next week."     \
    "\n\nThe furnace plant employs nine hundred people along the river in Pellory."
    static const char *const t[] = {
        WIRE_LEAD WIRE_REST,
        WIRE_LEAD WIRE_REST "\n\nA second shift joined the walkout in the afternoon heat.",
        WIRE_LEAD WIRE_REST "\n\nPickets gathered by the gates as the kilns cooled down.",
        "Union stewards will sit down with the Harven owners at the town hall soon.\n\n"
        "Neither side would say what a settlement could look like in the end.",
        "Talks at the town hall between the Harven owners and union stewards are set.\n\n"
        "Shops near the plant closed early as customers stayed away from town.",
    };
#undef WIRE_LEAD
#undef WIRE_REST
    enum { N = sizeof t / sizeof *t };
    sf_doc *d[N];
    sf_error err = {0};
    assert_int_equal(analyze_texts(t, N, d), SF_OK);
    sf_excerpt *c = NULL;
    size_t n = 0;
    assert_int_equal(sf_summarize(d, N, 16, &c, &n, &err), SF_OK);
    assert_int_equal(n, 1);
    const char *said = d[c[0].cite.doc]->text + c[0].cite.span.start;
    if (strncmp(said, "Glassworkers", 12) == 0) fail_msg("the wire lead was chosen");
    assert_non_null(strstr(said, "town hall"));
    free(c);
    for (size_t i = 0; i < N; i++) sf_doc_free(d[i]);
}

/* In a story of three independent articles, what two of them say is a concept (a third
 * of them, at least two): the summary of one sentence reports the pilots' demand, which
 * two articles state, rather than a more central lead whose word pairs no other article
 * repeats. */
static void test_two_of_three(void **state)
{
    (void)state;
    static const char *const t[] = {
        ("Striking pilots kept every ship bound for Drummel harbour waiting offshore.\n\n"
         "Cargo owners counted their losses as ships from Drummel sat idle.\n\n"
         "Their demand is a second crew member aboard every tug, written into new contracts."),
        ("Ships queued near Drummel as pilots of its harbour walked out again.\n\n"
         "Fish prices in Drummel doubled while ships stayed out.\n\n"
         "Union leaders, speaking by phone, insisted on a second crew member aboard every tug."),
        ("Drummel saw another day without pilots; harbour traffic stopped and ships idled.\n\n"
         "A meeting at the union hall in Drummel is planned for later this month."),
    };
    enum { N = sizeof t / sizeof *t };
    sf_doc *d[N];
    sf_error err = {0};
    assert_int_equal(analyze_texts(t, N, d), SF_OK);
    sf_excerpt *c = NULL;
    size_t n = 0;
    assert_int_equal(sf_summarize(d, N, 16, &c, &n, &err), SF_OK);
    assert_int_equal(n, 1);
    const char *said = d[c[0].cite.doc]->text + c[0].cite.span.start;
    const char *end = d[c[0].cite.doc]->text + c[0].cite.span.end;
    const char *hit = strstr(said, "second crew member");
    if (!hit || hit >= end) fail_msg("chosen: %.*s", (int)(end - said), said);
    free(c);
    for (size_t i = 0; i < N; i++) sf_doc_free(d[i]);
}

/* A quotation running over several sentences is split by the sentence splitter; its
 * pieces ("He said, “We will rebuild." / "It will take a year.”") are not candidates,
 * because none stands alone. The one self-contained sentence is chosen. */
static void test_quote_fragments(void **state)
{
    (void)state;
    sf_error err = {0};
    sf_doc *d = sf_doc_new();
    d->text = strdup(
        "The mayor of Eastwick spoke to residents at the town hall on Friday evening.\n\n"
        "He said, \xE2\x80\x9CWe will rebuild every house that the water took from us. "
        "It will take a year, perhaps longer, but nobody will be left behind.\xE2\x80\x9D\n\n"
        "She told reporters, \"The spillway held for six hours. Then it gave way "
        "all at once and we ran.\"");
    d->len = strlen(d->text);
    assert_int_equal(sf_doc_analyze(d, &err), SF_OK);
    assert_true(d->n_sents >= 5); /* the quotations were split */
    sf_doc *one[1] = {d};
    sf_excerpt *c = NULL;
    size_t n = 0;
    assert_int_equal(sf_summarize(one, 1, 200, &c, &n, &err), SF_OK);
    assert_int_equal(n, 1);
    assert_int_equal(c[0].cite.span.start, 0);
    free(c);
    sf_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixture_sane),    cmocka_unit_test(test_budgets),
        cmocka_unit_test(test_near_duplicates), cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_empty),           cmocka_unit_test(test_quote_fragments),
        cmocka_unit_test(test_fills_without_shared_concepts),
        cmocka_unit_test(test_copies_count_once),
        cmocka_unit_test(test_two_of_three),
    };
    return cmocka_run_group_tests_name("summary", tests, setup, teardown);
}
