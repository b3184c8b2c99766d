/* test_story_quotes.c — a brief's quotes (src/story/quotes.c) on invented reports: one
 * person's words quoted by several outlets, re-worded or in part, are one utterance with
 * its wordings; the same words from different people are not; groups of partial quotes
 * only are left out; an unattributed quotation joins only near-identical words. Quotes
 * and speakers are set by hand (the extractor has its own tests). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "ner/canon.h"
#include "story/brief.h"

#define MAYOR 101
#define CHIEF 202

static sf_doc *doc_of(const char *text)
{
    sf_doc *d = sf_doc_new();
    d->text = strdup(text);
    d->len = strlen(text);
    assert_int_equal(sf_doc_analyze(d, &(sf_error){0}), SF_OK);
    free(d->quotes); /* set by hand below */
    d->quotes = NULL;
    d->n_quotes = 0;
    return d;
}

/* A quotation of `words` (first occurrence) by the speaker named `who` with entity key. */
static void quote(sf_doc *d, const char *words, int kind, const char *who, uint64_t key)
{
    const char *at = strstr(d->text, words), *w = who ? strstr(d->text, who) : NULL;
    assert_non_null(at);
    d->quotes = realloc(d->quotes, (d->n_quotes + 1) * sizeof *d->quotes);
    sf_quote *q = &d->quotes[d->n_quotes++];
    memset(q, 0, sizeof *q);
    q->start = (uint32_t)(at - d->text);
    q->end = q->start + (uint32_t)strlen(words);
    q->kind = (uint8_t)kind;
    if (w) {
        q->speaker_start = q->name_start = (uint32_t)(w - d->text);
        q->speaker_end = q->name_end = q->speaker_start + (uint32_t)strlen(who);
    }
    q->key = key;
}

static void test_utterances(void **state)
{
    (void)state;
    sf_brief b = {0};
    sf_doc *docs[4];
    docs[0] = doc_of("\"We will rebuild every bridge before winter,\" Mayor Anna Brisk said. "
                     "\"We will rebuild every bridge before winter,\" Chief Olam Terr said too.");
    quote(docs[0], "We will rebuild every bridge before winter,", SF_QUOTE_DIRECT, "Anna Brisk",
          MAYOR);
    /* the chief's identical words: the second occurrence */
    const char *second = strstr(docs[0]->text + 10, "We will rebuild");
    docs[0]->quotes = realloc(docs[0]->quotes, 2 * sizeof *docs[0]->quotes);
    sf_quote *q = &docs[0]->quotes[docs[0]->n_quotes++];
    memset(q, 0, sizeof *q);
    q->start = (uint32_t)(second - docs[0]->text);
    q->end = q->start + 43;
    q->kind = SF_QUOTE_DIRECT;
    q->key = CHIEF;

    docs[1] = doc_of("Brisk promised to \"rebuild every bridge\" and said: \"Every bridge will be "
                     "rebuilt before the winter comes.\" Critics called it \"a fantasy\".");
    quote(docs[1], "rebuild every bridge", SF_QUOTE_PARTIAL, "Brisk", MAYOR);
    quote(docs[1], "Every bridge will be rebuilt before the winter comes.", SF_QUOTE_DIRECT,
          "Brisk", MAYOR);
    quote(docs[1], "a fantasy", SF_QUOTE_PARTIAL, NULL, 0);

    docs[2] = doc_of("\"We will rebuild every bridge before winter,\" she told the council.");
    quote(docs[2], "We will rebuild every bridge before winter,", SF_QUOTE_DIRECT, "she", MAYOR);

    docs[3] = doc_of("A banner read: \"We will rebuild every bridge before winter\".");
    quote(docs[3], "We will rebuild every bridge before winter", SF_QUOTE_DIRECT, NULL, 0);

    b.docs = docs;
    b.n_docs = 4;
    size_t outlet[4] = {0, 1, 2, 3};
    b.outlet = outlet;
    story_quotes(&b);

    /* the mayor's utterance, the chief's, and nothing for "a fantasy" (partial only) */
    assert_int_equal(b.n_quotes, 2);
    const sf_brief_quote *mayor = &b.quotes[0];
    assert_non_null(mayor->speaker);
    assert_string_equal(mayor->speaker, "Anna Brisk");
    /* doc 0 (mayor), doc 1 partial + direct, doc 2, and the unattributed banner in doc 3 */
    assert_int_equal(mayor->n_cites, 5);
    assert_int_equal(mayor->n_outlets, 4);
    /* wordings: the first (docs 0, 2 and 3, trailing comma aside), the partial, the
     * re-worded one */
    assert_int_equal(mayor->n_wordings, 3);
    assert_int_equal(mayor->wording[0], 0);
    for (size_t i = 0; i < mayor->n_cites; i++)
        if (mayor->cites[i].doc == 2 || mayor->cites[i].doc == 3)
            assert_int_equal(mayor->wording[i], 0);
    const sf_brief_quote *chief = &b.quotes[1];
    assert_int_equal(chief->n_cites, 1);
    assert_int_equal(chief->quotes[0]->key, CHIEF);
    story_quotes_free(&b);
    for (size_t i = 0; i < 4; i++) sf_doc_free(docs[i]);
}

/* A few words of one person join the quotation that holds them whole, not one that
 * merely shares a word. */
static void test_few_words(void **state)
{
    (void)state;
    sf_brief b = {0};
    sf_doc *docs[2];
    docs[0] = doc_of("\"The work is here; I need cranes, not speeches,\" Brisk said. "
                     "\"The real work starts in spring,\" she added.");
    quote(docs[0], "The work is here; I need cranes, not speeches,", SF_QUOTE_DIRECT, "Brisk",
          MAYOR);
    quote(docs[0], "The real work starts in spring,", SF_QUOTE_DIRECT, "she", MAYOR);
    docs[1] = doc_of("Brisk insisted that \"the work is here\" and asked for cranes.");
    quote(docs[1], "the work is here", SF_QUOTE_PARTIAL, "Brisk", MAYOR);
    b.docs = docs;
    b.n_docs = 2;
    size_t outlet[2] = {0, 1};
    b.outlet = outlet;
    story_quotes(&b);
    assert_int_equal(b.n_quotes, 2);
    const sf_brief_quote *cranes = b.quotes[0].n_cites == 2 ? &b.quotes[0] : &b.quotes[1];
    assert_int_equal(cranes->n_cites, 2);
    assert_int_equal(cranes->cites[0].doc, 0);
    assert_int_equal(cranes->cites[0].span.start, 1);
    assert_int_equal(cranes->cites[1].doc, 1);
    assert_int_equal(cranes->n_outlets, 2);
    story_quotes_free(&b);
    for (size_t i = 0; i < 2; i++) sf_doc_free(docs[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utterances),
        cmocka_unit_test(test_few_words),
    };
    return cmocka_run_group_tests_name("story_quotes", tests, NULL, NULL);
}
