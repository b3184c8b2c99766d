/* test_quote.c — unit tests for src/extract/quote.c and speaker.c: quotations in invented
 * sentences, in every mark style (" “” ‘’ '' `` « » „“ and single quotes), over
 * paragraphs, split by their attribution, nested, unbalanced (a lost closing mark);
 * partial quotes, scare quotes and titles dropped, apostrophes not taken for marks; cues
 * and speakers in either order (said X / X said / X said: / according to X / X, an
 * appositive, said / "..." ― X / X smiled and said / a colon after a clause), a turn
 * going on without a cue; speakers resolved by quote_resolve against hand-made entities (pronouns
 * with gender, titles, names to their canonical name); boilerplate skipped; exact offsets;
 * no run-away over paragraphs without closing marks. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/quote.h"
#include "ner/canon.h"

static sf_doc *analyzed(const char *text)
{
    sf_doc *d = sf_doc_new();
    d->text = strdup(text);
    d->len = strlen(text);
    assert_int_equal(sf_doc_analyze(d, &(sf_error){0}), SF_OK);
    return d;
}

static char *span(const sf_doc *d, uint32_t s, uint32_t e)
{
    static char buf[4][512];
    static int k;
    char *b = buf[k++ & 3];
    size_t n = e > s ? e - s : 0;
    if (n > 511) n = 511;
    memcpy(b, d->text + s, n);
    b[n] = 0;
    return b;
}

/* One expected quotation: its text, kind (0 = no quotation at all), speaker as named
 * ("" = none) and cue ("" = none, NULL = not checked). */
typedef struct want {
    const char *text;
    int kind;
    const char *speaker, *cue;
} want;

enum { D = SF_QUOTE_DIRECT, P = SF_QUOTE_PARTIAL };

typedef struct tcase {
    const char *text;
    want w[4]; /* ends at text NULL */
} tcase;

static const tcase cases[] = {
    /* cue after the quote, both orders */
    {"\"We will not leave,\" the mayor said.", {{"We will not leave,", D, "the mayor", "said"}}},
    {"“Those days are over,” said Mira Calder, who runs the ferry service.",
     {{"Those days are over,", D, "Mira Calder", "said"}}},
    {"“The levee will hold,” he told reporters on Tuesday.",
     {{"The levee will hold,", D, "he", "told"}}},
    {"“It is a disgrace,” Sen. Arlo Penn, R-Velmora, said Friday.",
     {{"It is a disgrace,", D, "Sen. Arlo Penn", "said"}}},
    {"“Nobody planned for this,” Rep. Dana Holt (D-Ostrand) said.",
     {{"Nobody planned for this,", D, "Rep. Dana Holt", "said"}}},
    {"“We were warned,” a senior harbor official said.",
     {{"We were warned,", D, "a senior harbor official", "said"}}},
    {"“The roads are open again,” said a spokesman for the county.",
     {{"The roads are open again,", D, "a spokesman for the county", "said"}}},
    {"“Who pays for this?” asked Oren Vale.", {{"Who pays for this?", D, "Oren Vale", "asked"}}},
    /* a speaker before the quote wins over "according to" after it: the latter reports */
    {"Asked about the offer, the harbor master said, “We stay with the boats, not the "
     "buses,” according to a port official who heard the call.",
     {{"We stay with the boats, not the buses,", D, "the harbor master", "said"}}},
    /* a quotation ending its sentence is not attributed to the next sentence's reported
     * speech; it continues its speaker's turn */
    {"“We lost the road,” Mayor Ilse Varn said. “The crews are out now.” Dr. Omar Pell said "
     "the bridge held.",
     {{"We lost the road,", D, "Mayor Ilse Varn", "said"}, {"The crews are out now.", D, "Mayor Ilse Varn", ""}}},
    /* the object of a preposition before the cue is not the speaker */
    {"The harbor master in a message posted on Quaybook said: “We stay with the boats.”",
     {{"We stay with the boats.", D, "The harbor master", "said"}}},
    /* cue before the quote */
    {"Kerensky said: \"We are ready for talks.\"",
     {{"We are ready for talks.", D, "Kerensky", "said"}}},
    {"Lena Ortis told the council, “The pumps failed twice this week.”",
     {{"The pumps failed twice this week.", D, "Lena Ortis", "told"}}},
    {"According to the mayor, \"the bridge will reopen in May.\"",
     {{"the bridge will reopen in May.", D, "the mayor", "According to"}}},
    {"The governor said that \"nobody was hurt in the fire.\"",
     {{"nobody was hurt in the fire.", P, "The governor", "said"}}},
    /* other mark styles */
    {"``We have no water,'' said Tomas Ebb.", {{"We have no water,", D, "Tomas Ebb", "said"}}},
    {"''We have no water,'' said Tomas Ebb.", {{"We have no water,", D, "Tomas Ebb", "said"}}},
    {"'The bridge is closed,' the council said.",
     {{"The bridge is closed,", D, "the council", "said"}}},
    {"‘We don’t know where they’ve gone,’ she said.",
     {{"We don’t know where they’ve gone,", D, "she", "said"}}},
    {"«The situation is serious and getting worse», said Anya Roll.",
     {{"The situation is serious and getting worse", D, "Anya Roll", "said"}}},
    {"„We stay here until the end“, said Anna Berg.",
     {{"We stay here until the end", D, "Anna Berg", "said"}}},
    /* split by the attribution: both parts, one speaker, one cue */
    {"“The dam held,” Helena Roskell said, “but the road did not.”",
     {{"The dam held,", D, "Helena Roskell", "said"},
      {"but the road did not.", D, "Helena Roskell", "said"}}},
    /* nested: the inner quotation is not an utterance */
    {"“He told me, ‘Run,’ and I ran,” said the guard.",
     {{"He told me, ‘Run,’ and I ran,", D, "the guard", "said"}}},
    {"\"They keep calling it 'temporary' but nobody believes that,\" said Ida Strand.",
     {{"They keep calling it 'temporary' but nobody believes that,", D, "Ida Strand", "said"}}},
    {"\"He walks in and says, \"I need ten boats,\" and we all laughed,\" said Ona Pike.",
     {{"He walks in and says, \"I need ten boats,\" and we all laughed,", D, "Ona Pike", "said"}}},
    /* partial quotes, scare quotes, titles */
    {"She called the deal \"a historic mistake\" on Monday.",
     {{"a historic mistake", P, "", NULL}}},
    {"The so-called \"experts\" were not consulted, and the \"plan\" was dropped.", {{NULL, 0, NULL, NULL}}},
    {"He starred in “The Long Harbor” last year.", {{NULL, 0, NULL, NULL}}},
    /* a title after a comma, one after another in a list */
    {"She won praise for the stage play, “Harbor Lights.”", {{NULL, 0, NULL, NULL}}},
    {"He acted in “The Quiet Mill,” “Ferry Song,” and “Low Tide Again” that year.",
     {{NULL, 0, NULL, NULL}}},
    /* attributions in other forms */
    {"“Nobody told us anything.” ― Vera Lind", {{"Nobody told us anything.", D, "Vera Lind", "―"}}},
    {"Mira Holt smiled and said, “We will see.”", {{"We will see.", D, "Mira Holt", "said"}}},
    {"Later, in a speech, Pell Aston declared the need for calm: “Stay home tonight.”",
     {{"Stay home tonight.", D, "Pell Aston", "declared"}}},
    {"Later, Pell Aston had one message for the crowd: “Stay home tonight.”",
     {{"Stay home tonight.", D, "Pell Aston", ":"}}},
    {"The ferry captain, adding a warning, said: “Nobody sails tomorrow.”",
     {{"Nobody sails tomorrow.", D, "The ferry captain", "said"}}},
    {"“The plan is simple,” said the 40-year-old father of two.",
     {{"The plan is simple,", D, "the 40-year-old father of two", "said"}}},
    /* a lost closing mark ends before its attribution */
    {"\"We stayed all night, said Ruth Kell.\n\nThe next day was calm.",
     {{"We stayed all night,", D, "Ruth Kell", "said"}}},
    {"\"The storm passed, said Ada Quell. \"We rebuild now,\" she added.",
     {{"The storm passed,", D, "Ada Quell", "said"}, {"We rebuild now,", D, "she", "added"}}},
    /* apostrophes are not marks */
    {"It's the players' union's view, and rock 'n' roll isn't dead in the '90s.", {{NULL, 0, NULL, NULL}}},
    {"The rivers’ levels rose; the town’s mayor said it wasn’t over.", {{NULL, 0, NULL, NULL}}},
    {NULL, {{NULL, 0, NULL, NULL}}}};

static void check_case(const tcase *c)
{
    sf_doc *d = analyzed(c->text);
    size_t n = 0;
    while (c->w[n].text) n++;
    if (d->n_quotes != n) {
        for (size_t i = 0; i < d->n_quotes; i++)
            fprintf(stderr, "  got [%s] kind %d\n", span(d, d->quotes[i].start, d->quotes[i].end),
                    d->quotes[i].kind);
        fail_msg("\"%s\": %zu quotes, wanted %zu", c->text, d->n_quotes, n);
    }
    for (size_t i = 0; i < n; i++) {
        const sf_quote *q = &d->quotes[i];
        const want *w = &c->w[i];
        assert_string_equal(span(d, q->start, q->end), w->text);
        /* offsets: exactly where the text is */
        const char *at = strstr(d->text, w->text);
        assert_non_null(at);
        assert_int_equal(q->start, (uint32_t)(at - d->text));
        if (q->kind != w->kind) fail_msg("\"%s\": kind %d, wanted %d", c->text, q->kind, w->kind);
        assert_string_equal(span(d, q->speaker_start, q->speaker_end), w->speaker);
        if (w->cue) assert_string_equal(span(d, q->cue_start, q->cue_end), w->cue);
    }
    sf_doc_free(d);
}

static void test_cases(void **state)
{
    (void)state;
    for (const tcase *c = cases; c->text; c++) check_case(c);
}

static void test_paragraphs(void **state)
{
    (void)state;
    /* a quotation over two paragraphs: the mark repeated, none at the first one's end */
    sf_doc *d = analyzed("The engineer spoke at length.\n\n"
                         "“The water rose faster than any model said it could.\n\n"
                         "“We had ten minutes to get everyone out,” said Idris Malvenne.\n");
    assert_int_equal(d->n_quotes, 1);
    assert_int_equal(d->quotes[0].kind, D);
    assert_string_equal(span(d, d->quotes[0].start, d->quotes[0].end),
                        "The water rose faster than any model said it could.\n\n"
                        "“We had ten minutes to get everyone out,");
    assert_string_equal(span(d, d->quotes[0].speaker_start, d->quotes[0].speaker_end),
                        "Idris Malvenne");
    sf_doc_free(d);

    /* a turn that goes on without a cue in the next paragraph */
    d = analyzed("\"We lost everything,\" said Tarn Wessel.\n\n"
                 "\"Our house, our car, even the dog's kennel.\"\n");
    assert_int_equal(d->n_quotes, 2);
    assert_string_equal(span(d, d->quotes[1].start, d->quotes[1].end),
                        "Our house, our car, even the dog's kennel.");
    assert_int_equal(d->quotes[1].kind, D);
    assert_string_equal(span(d, d->quotes[1].speaker_start, d->quotes[1].speaker_end),
                        "Tarn Wessel");
    assert_int_equal(d->quotes[1].cue_start, d->quotes[1].cue_end); /* no cue of its own */
    sf_doc_free(d);

    /* an unclosed mark ends with its paragraph; the next paragraph is read afresh */
    d = analyzed("The minister said \"we will act on this before the winter comes.\n\n"
                 "Critics called the plan \"too little and far too late\" on Friday.\n");
    assert_int_equal(d->n_quotes, 2);
    assert_string_equal(span(d, d->quotes[0].start, d->quotes[0].end),
                        "we will act on this before the winter comes.");
    assert_string_equal(span(d, d->quotes[1].start, d->quotes[1].end),
                        "too little and far too late");
    assert_int_equal(d->quotes[1].kind, P);
    sf_doc_free(d);
}

static void test_no_runaway(void **state)
{
    (void)state;
    /* 300 paragraphs, each opening a quotation it never closes, the next one not opening
     * with a mark: no quotation may cross a paragraph */
    size_t cap = 300 * 80, n = 0;
    char *t = malloc(cap);
    for (int i = 0; i < 300; i++)
        n += (size_t)snprintf(t + n, cap - n, "Ward %d said \"we need more boats and more time\n\n",
                              i);
    sf_doc *d = analyzed(t);
    assert_int_equal(d->n_quotes, 300);
    for (size_t i = 0; i < d->n_quotes; i++) {
        const sf_quote *q = &d->quotes[i];
        assert_null(memchr(d->text + q->start, '\n', q->end - q->start));
        if (i) assert_true(q->start >= d->quotes[i - 1].end);
    }
    sf_doc_free(d);
    free(t);
}

static void test_boilerplate(void **state)
{
    (void)state;
    sf_doc *d = analyzed("Also Read | “We will win the cup,” says the coach\n\n"
                         "The harbor reopened on Monday after “weeks of careful repair work,” "
                         "the port authority said.\n");
    for (size_t i = 0; i < d->n_quotes; i++)
        assert_null(strstr(span(d, d->quotes[i].start, d->quotes[i].end), "win the cup"));
    assert_int_equal(d->n_quotes, 1);
    sf_doc_free(d);
}

/* a document with hand-made PER entities at the first occurrences of names */
static sf_doc *tagged(const char *text, const char *const *names)
{
    sf_doc *d = analyzed(text);
    size_t n = 0;
    while (names[n]) n++;
    d->ents = calloc(n ? n : 1, sizeof *d->ents);
    for (size_t i = 0; i < n; i++) {
        const char *at = strstr(d->text, names[i]);
        assert_non_null(at);
        uint32_t s = (uint32_t)(at - d->text), e = s + (uint32_t)strlen(names[i]);
        d->ents[i] = (sf_entity){s, e, SF_ENT_PER, s, e, canon_key(names[i], strlen(names[i]))};
    }
    d->n_ents = n;
    /* entities in text order, as sf_doc_tag leaves them */
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && d->ents[j].start < d->ents[j - 1].start; j--) {
            sf_entity x = d->ents[j];
            d->ents[j] = d->ents[j - 1];
            d->ents[j - 1] = x;
        }
    quote_resolve(d);
    return d;
}

static void test_resolve(void **state)
{
    (void)state;
    /* a pronoun to the person named before */
    sf_doc *d = tagged("Tovan Kerensky visited the dam on Monday. “We will rebuild,” he said.",
                       (const char *const[]){"Tovan Kerensky", NULL});
    assert_int_equal(d->n_quotes, 1);
    assert_string_equal(span(d, d->quotes[0].speaker_start, d->quotes[0].speaker_end), "he");
    assert_string_equal(span(d, d->quotes[0].name_start, d->quotes[0].name_end), "Tovan Kerensky");
    assert_int_equal(d->quotes[0].key, canon_key("Tovan Kerensky", 14));
    sf_doc_free(d);

    /* "she" skips a man (a title tells) for the woman */
    d = tagged("Mr. Ebb met Mary Voss at the flooded school. “It is a disaster,” she said.",
               (const char *const[]){"Ebb", "Mary Voss", NULL});
    assert_int_equal(d->n_quotes, 1);
    assert_string_equal(span(d, d->quotes[0].name_start, d->quotes[0].name_end), "Mary Voss");
    sf_doc_free(d);

    /* a gender the document taught: "he" made Owen Brask a man, so "she" is Ada Fell */
    d = tagged("Owen Brask and Ada Fell spoke at the school. “It is rare,” he said. "
               "“They want more lessons,” she said.",
               (const char *const[]){"Owen Brask", "Ada Fell", NULL});
    assert_int_equal(d->n_quotes, 2);
    assert_string_equal(span(d, d->quotes[0].name_start, d->quotes[0].name_end), "Owen Brask");
    assert_string_equal(span(d, d->quotes[1].name_start, d->quotes[1].name_end), "Ada Fell");
    sf_doc_free(d);

    /* a description that names no person ("the union") resolves to no one */
    d = tagged("Tovan Kerensky met the fishers. “We will appeal,” the union said.",
               (const char *const[]){"Tovan Kerensky", NULL});
    assert_int_equal(d->n_quotes, 1);
    assert_int_equal(d->quotes[0].key, 0);
    sf_doc_free(d);

    /* a description to the person carrying that title */
    d = tagged("Tomas Ebb and President Alma Reyes toured the camp. Later the president said: "
               "“We are ready to help.”",
               (const char *const[]){"Tomas Ebb", "Alma Reyes", NULL});
    assert_int_equal(d->n_quotes, 1);
    assert_string_equal(span(d, d->quotes[0].speaker_start, d->quotes[0].speaker_end),
                        "the president");
    assert_string_equal(span(d, d->quotes[0].name_start, d->quotes[0].name_end), "Alma Reyes");
    sf_doc_free(d);

    /* a name to its entity's canonical name, the span grown to the whole mention */
    d = analyzed("Lidia Sarn arrived late. “Enough,” said Sarn, angrily.");
    d->ents = calloc(2, sizeof *d->ents);
    uint32_t a = (uint32_t)(strstr(d->text, "Lidia Sarn") - d->text);
    uint32_t b = (uint32_t)(strstr(d->text, "Sarn,") - d->text);
    uint64_t k = canon_key("Lidia Sarn", 10);
    d->ents[0] = (sf_entity){a, a + 10, SF_ENT_PER, a, a + 10, k};
    d->ents[1] = (sf_entity){b, b + 4, SF_ENT_PER, a, a + 10, k};
    d->n_ents = 2;
    quote_resolve(d);
    assert_int_equal(d->n_quotes, 1);
    assert_string_equal(span(d, d->quotes[0].speaker_start, d->quotes[0].speaker_end), "Sarn");
    assert_string_equal(span(d, d->quotes[0].name_start, d->quotes[0].name_end), "Lidia Sarn");
    assert_int_equal(d->quotes[0].key, k);
    sf_doc_free(d);

    /* an indefinite speaker resolves to no one */
    d = tagged("Tovan Kerensky left early. “The plan is dead,” an aide said.",
               (const char *const[]){"Tovan Kerensky", NULL});
    assert_int_equal(d->n_quotes, 1);
    assert_int_equal(d->quotes[0].key, 0);
    assert_int_equal(d->quotes[0].name_start, d->quotes[0].name_end);
    sf_doc_free(d);
}

static void test_empty(void **state)
{
    (void)state;
    const char *texts[] = {"", "\"", "“", "''", "'", "\"\"", "“”", "\n\n\"\n\n", "a \" b"};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        sf_doc *d = sf_doc_new();
        d->text = strdup(texts[i]);
        d->len = strlen(texts[i]);
        assert_int_equal(sf_doc_analyze(d, &(sf_error){0}), SF_OK);
        assert_int_equal(d->n_quotes, 0);
        quote_resolve(d);
        sf_doc_free(d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),       cmocka_unit_test(test_paragraphs),
        cmocka_unit_test(test_no_runaway),  cmocka_unit_test(test_boilerplate),
        cmocka_unit_test(test_resolve),     cmocka_unit_test(test_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
