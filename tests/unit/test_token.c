/* test_token.c — unit tests for src/text/token.c: tok_scan word spans (apostrophes,
 * hyphens, numbers, non-ASCII, CJK) and tok_term normalization (stopwords, case, stems,
 * possessives, typographic apostrophe, NFC), plus tok_fold. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/token.h"

#define MAXW 16

/* Scan text whole and compare the words (as strings) with want (NULL-terminated). */
static void expect_words(const char *text, const char *const *want)
{
    sf_token *toks = NULL;
    size_t n = 0, cap = 0;
    tok_scan(text, 0, (uint32_t)strlen(text), NULL, &toks, &n, &cap);
    size_t nw = 0;
    while (want[nw]) nw++;
    if (n != nw) {
        for (size_t i = 0; i < n; i++)
            print_message("  token %zu: '%.*s'\n", i, (int)(toks[i].end - toks[i].start),
                          text + toks[i].start);
        free(toks);
        fail_msg("'%s': %zu tokens, want %zu", text, n, nw);
    }
    for (size_t i = 0; i < n; i++) {
        size_t len = toks[i].end - toks[i].start;
        if (len != strlen(want[i]) || memcmp(text + toks[i].start, want[i], len) != 0) {
            free(toks);
            fail_msg("'%s': token %zu is '%.*s', want '%s'", text, i, (int)len,
                     text + toks[i].start, want[i]);
        }
        if (i) assert_true(toks[i].start >= toks[i - 1].end);
    }
    free(toks);
}

#define WORDS(...) ((const char *const[]){__VA_ARGS__, NULL})

static uint64_t term(const char *w)
{
    return tok_term(w, strlen(w), NULL);
}

static void test_scan_basic(void **state)
{
    (void)state;
    expect_words("The dam broke at dawn.", WORDS("The", "dam", "broke", "at", "dawn"));
    expect_words("  spaces\tand\nnewlines  ", WORDS("spaces", "and", "newlines"));
    expect_words("", ((const char *const[]){NULL}));
    expect_words(" ,.;!? -- ", ((const char *const[]){NULL}));
}

static void test_scan_apostrophes(void **state)
{
    (void)state;
    expect_words("Ukraine's army", WORDS("Ukraine's", "army"));
    expect_words("Ukraine\xE2\x80\x99s army", WORDS("Ukraine\xE2\x80\x99s", "army"));
    expect_words("don't stop", WORDS("don't", "stop"));
    /* an apostrophe not followed by a letter is not part of the word */
    expect_words("the farmers' union", WORDS("the", "farmers", "union"));
    expect_words("'Quiet' please", WORDS("Quiet", "please"));
    expect_words("rock 'n' roll", WORDS("rock", "n", "roll"));
}

static void test_scan_hyphens_numbers(void **state)
{
    (void)state;
    expect_words("a cease-fire deal", WORDS("a", "cease", "fire", "deal"));
    expect_words("long-term, high-risk", WORDS("long", "term", "high", "risk"));
    expect_words("In 2022 about 3.5 million", WORDS("In", "2022", "about", "3", "5", "million"));
    expect_words("the 1990s and G7", WORDS("the", "1990s", "and", "G7"));
}

static void test_scan_non_ascii(void **state)
{
    (void)state;
    expect_words("Z\xC3\xBCrich and Kyiv", WORDS("Z\xC3\xBCrich", "and", "Kyiv"));
    /* decomposed u + combining diaeresis stays one word */
    expect_words("Zu\xCC\x88rich floods", WORDS("Zu\xCC\x88rich", "floods"));
    expect_words("S\xC3\xA3o Paulo, Mal\xC3\xB6, \xC5\x81\xC3\xB3"
                 "d\xC5\xBA",
                 WORDS("S\xC3\xA3o", "Paulo", "Mal\xC3\xB6",
                       "\xC5\x81\xC3\xB3"
                       "d\xC5\xBA"));
    expect_words("\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2 city",
                 WORDS("\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2", "city"));
    /* CJK: runs of ideographs are words; ideographic full stop and space separate */
    expect_words("\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x80\x82\xE5\x9C\xB0\xE9\x9C\x87",
                 WORDS("\xE6\x9D\xB1\xE4\xBA\xAC", "\xE5\x9C\xB0\xE9\x9C\x87"));
    expect_words("\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x80\x80quake",
                 WORDS("\xE6\x9D\xB1\xE4\xBA\xAC", "quake"));
    /* typographic quotes are not letters */
    expect_words("\xE2\x80\x9CHelp\xE2\x80\x9D", WORDS("Help"));
}

static void test_scan_subrange(void **state)
{
    (void)state;
    const char *t = "Rain fell. Rivers rose fast.";
    sf_token *toks = NULL;
    size_t n = 0, cap = 0;
    /* scan only "Rivers rose fast." (offset 11) and append to what is there */
    tok_scan(t, 0, 10, NULL, &toks, &n, &cap);
    assert_int_equal(n, 2);
    tok_scan(t, 11, (uint32_t)strlen(t), NULL, &toks, &n, &cap);
    assert_int_equal(n, 5);
    assert_int_equal(toks[2].start, 11);
    assert_int_equal(toks[2].end, 17);
    assert_int_equal(toks[4].start, 23); /* "fast" */
    assert_int_equal(toks[4].end, 27);
    /* each token's term is tok_term of its bytes */
    for (size_t i = 0; i < n; i++)
        assert_true(toks[i].term == tok_term(t + toks[i].start, toks[i].end - toks[i].start, NULL));
    assert_true(toks[2].term == term("rivers"));
    free(toks);
}

static void test_term_zero(void **state)
{
    (void)state;
    /* stopwords, including the reporting verbs and weekdays of the news stop list */
    const char *stops[] = {"the",  "The",  "THE",    "and",  "of",      "said",
                           "Said", "told", "Monday", "it's", "they're", "would"};
    for (size_t i = 0; i < sizeof stops / sizeof *stops; i++)
        if (term(stops[i])) fail_msg("'%s' should have no term", stops[i]);
    /* numbers */
    assert_true(term("2022") == 0);
    assert_true(term("7") == 0);
    assert_true(term("000") == 0);
    /* one-letter words */
    assert_true(term("x") == 0);
    assert_true(term("Q") == 0);
    assert_true(term("") == 0);
    /* content words are terms */
    assert_true(term("dam") != 0);
    assert_true(term("1990s") != 0);
    assert_true(term("G7") != 0);
    assert_true(term("Kyiv") != 0);
    assert_true(term("Z\xC3\xBCrich") != 0);
}

/* One-letter words are counted in characters, not bytes: a one-letter word outside
 * ASCII ("é", "Ü", "ø") is two bytes long and still has no term. */
static void test_term_one_letter_non_ascii(void **state)
{
    (void)state;
    assert_true(term("\xC3\xA9") == 0); /* é */
    assert_true(term("\xC3\x9C") == 0); /* Ü */
    assert_true(term("\xC3\xB8") == 0); /* ø */
}

static void test_term_case_and_stem(void **state)
{
    (void)state;
    assert_true(term("Dam") == term("dam"));
    assert_true(term("DAM") == term("dam"));
    uint64_t flood = term("flood");
    assert_true(flood != 0);
    assert_true(term("flooding") == flood);
    assert_true(term("flooded") == flood);
    assert_true(term("floods") == flood);
    assert_true(term("Flooding") == flood);
    assert_true(term("evacuated") == term("evacuation") || term("evacuated") == term("evacuate"));
    assert_true(term("rivers") == term("river"));
    /* different words stay different */
    assert_true(term("flood") != term("dam"));
    assert_true(term("river") != term("rover"));
    assert_true(term("flood") != term("food"));
}

static void test_term_possessive_apostrophe(void **state)
{
    (void)state;
    uint64_t u = term("Ukraine");
    assert_true(u != 0);
    assert_true(term("Ukraine's") == u);
    assert_true(term("ukraine's") == u);
    assert_true(term("Ukraine\xE2\x80\x99s") == term("Ukraine's"));
    assert_true(term("Ukraine\xE2\x80\x99s") == u);
    /* a contraction that is a stopword stays one with either apostrophe */
    assert_true(term("don\xE2\x80\x99t") == 0);
}

static void test_term_nfc(void **state)
{
    (void)state;
    uint64_t composed = term("Z\xC3\xBCrich");
    assert_true(composed != 0);
    assert_true(term("Zu\xCC\x88rich") == composed);
    assert_true(term("z\xC3\xBCrich") == composed);
    assert_true(term("Z\xC3\x9CRICH") == composed); /* ZÜRICH: casefolded */
    assert_true(term("Zurich") != composed);        /* the diaeresis is not dropped */
    assert_true(term("Caf\xC3\xA9") == term("cafe\xCC\x81"));
}

static void test_fold(void **state)
{
    (void)state;
    char out[32];
    assert_int_equal(tok_fold("Dam", 3, out, sizeof out), 3);
    assert_string_equal(out, "dam");
    assert_int_equal(tok_fold("Zu\xCC\x88rich", 8, out, sizeof out), 7); /* NFC: 8 -> 7 bytes */
    assert_string_equal(out, "z\xC3\xBCrich");
    assert_int_equal(tok_fold("Ukraine\xE2\x80\x99s", 11, out, sizeof out), 9);
    assert_string_equal(out, "ukraine's");
    /* does not fit: 0 */
    assert_int_equal(tok_fold("flooding", 8, out, 8), 0);
    assert_int_equal(tok_fold("flooding", 8, out, 9), 8);
    assert_string_equal(out, "flooding");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scan_basic),
        cmocka_unit_test(test_scan_apostrophes),
        cmocka_unit_test(test_scan_hyphens_numbers),
        cmocka_unit_test(test_scan_non_ascii),
        cmocka_unit_test(test_scan_subrange),
        cmocka_unit_test(test_term_zero),
        cmocka_unit_test(test_term_one_letter_non_ascii),
        cmocka_unit_test(test_term_case_and_stem),
        cmocka_unit_test(test_term_possessive_apostrophe),
        cmocka_unit_test(test_term_nfc),
        cmocka_unit_test(test_fold),
    };
    return cmocka_run_group_tests_name("token", tests, NULL, NULL);
}
