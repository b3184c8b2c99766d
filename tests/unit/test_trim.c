/* test_trim.c — what a summary quotes of a sentence (src/story/trim.c), as
 * sf_write_excerpt writes it: datelines, leading connectives, relative dates and
 * attributions cut; quotations keep their speaker; dates with a figure, dates that a word
 * needs ("since Monday") or that pair with another, and cuts that would leave a sentence
 * starting in lower case or too short, are not made. Excerpts are exact bytes: the text
 * is its pieces (sf_excerpt_pieces) one after the other. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "story/trim.h"

/* The excerpt of the first sentence of `text` as written; "" for min_words too many. */
static char *trimmed(const char *text, int min_words)
{
    sf_doc *d = sf_doc_new();
    d->text = strdup(text);
    d->len = strlen(text);
    sf_error err = {0};
    assert_int_equal(sf_doc_analyze(d, &err), SF_OK);
    assert_true(d->n_sents >= 1);
    sf_excerpt e = story_trim(d, 0, 0, min_words);
    /* the excerpt lies in its sentence, its cuts inside it, in order */
    assert_true(e.cite.span.start >= d->sents[0].start && e.cite.span.end <= d->sents[0].end);
    for (size_t k = 0; k < e.n_cut; k++) {
        assert_true(e.cut[k].start > (k ? e.cut[k - 1].end - 1 : e.cite.span.start));
        assert_true(e.cut[k].end < e.cite.span.end);
    }
    /* the pieces are the excerpt's bytes: their concatenation is what is written */
    sf_span piece[SF_MAX_CUTS + 1];
    size_t np = sf_excerpt_pieces(&e, piece);
    assert_int_equal(np, e.n_cut + 1);
    char *joined = calloc(1, d->len + 1), *p = joined;
    for (size_t j = 0; j < np; j++) {
        memcpy(p, d->text + piece[j].start, piece[j].end - piece[j].start);
        p += piece[j].end - piece[j].start;
    }
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    sf_write_excerpt(f, d->text, &e);
    fclose(f);
    assert_string_equal(buf, joined); /* the fixtures have single spaces */
    int words = *buf != 0; /* words as written: one more than the spaces between them */
    for (const char *q = buf; *q; q++) words += *q == ' ';
    assert_int_equal(story_excerpt_words(d->text, &e), words);
    free(joined);
    sf_doc_free(d);
    return buf;
}

static void expect(const char *text, const char *want)
{
    char *got = trimmed(text, 6);
    assert_string_equal(got, want);
    free(got);
}

static void test_dateline(void **state)
{
    (void)state;
    expect("WASHINGTON _ NASA and the Russian Space Agency agreed to set aside the request.",
           "NASA and the Russian Space Agency agreed to set aside the request.");
    expect("DENVER (AP) \xE2\x80\x94 Troy Tulowitzki has a tough name to spell at his own ballpark.",
           "Troy Tulowitzki has a tough name to spell at his own ballpark.");
    expect("OSTRAND, Velmora (MPA) -- A section of the Kestrel Dam gave way after heavy rain.",
           "A section of the Kestrel Dam gave way after heavy rain.");
    /* an abbreviation opening a sentence, or a name in capitals, is no dateline */
    expect("NASA Administrator Bill Nelson - a former senator - praised the launch crews.",
           "NASA Administrator Bill Nelson - a former senator - praised the launch crews.");
    expect("U.S. officials agreed to set aside the Russian request for a lower orbit.",
           "U.S. officials agreed to set aside the Russian request for a lower orbit.");
}

static void test_leading(void **state)
{
    (void)state;
    expect("However, Turkey sent 10,000 troops to its border with Syria amid tension.",
           "Turkey sent 10,000 troops to its border with Syria amid tension.");
    expect("Last week, Hun Sen's party and Ranariddh's party agreed to form a coalition.",
           "Hun Sen's party and Ranariddh's party agreed to form a coalition.");
    expect("And Schumer plans to campaign in New York with Clinton at his side.",
           "Schumer plans to campaign in New York with Clinton at his side.");
    expect("Officials said Tuesday that Turkey sent 10,000 troops to its border with Syria.",
           "Turkey sent 10,000 troops to its border with Syria.");
    /* what follows would start in lower case: kept */
    expect("However, the panel found that the dam had been rated serviceable in March.",
           "However, the panel found that the dam had been rated serviceable in March.");
    /* a date with a figure says when: kept */
    expect("In 1975, Indonesia invaded East Timor and annexed it the following year.",
           "In 1975, Indonesia invaded East Timor and annexed it the following year.");
}

static void test_relative_dates(void **state)
{
    (void)state;
    expect("Cambodian leader Hun Sen on Friday rejected the opposition's demands for talks.",
           "Cambodian leader Hun Sen rejected the opposition's demands for talks.");
    expect("The leaders of the ruling party met Tuesday to discuss a replacement for Anwar.",
           "The leaders of the ruling party met to discuss a replacement for Anwar.");
    /* needed by a word, paired, qualifying a noun, or with a figure: kept */
    expect("The river has risen three meters since Monday in the valley below the dam.",
           "The river has risen three meters since Monday in the valley below the dam.");
    expect("Anwar displayed the wounds in court Tuesday and Wednesday before the judge.",
           "Anwar displayed the wounds in court Tuesday and Wednesday before the judge.");
    expect("The outcome of this weekend's elections may decide the fate of the reforms.",
           "The outcome of this weekend's elections may decide the fate of the reforms.");
    expect("Pinochet was arrested in London on Oct. 16 at the request of a Spanish judge.",
           "Pinochet was arrested in London on Oct. 16 at the request of a Spanish judge.");
}

static void test_attribution(void **state)
{
    (void)state;
    expect("Turkey has sent 10,000 troops to its border with Syria, newspapers reported Thursday.",
           "Turkey has sent 10,000 troops to its border with Syria.");
    expect("The attack took place near Cailaco in East Timor, according to a statement.",
           "The attack took place near Cailaco in East Timor.");
    expect("AOL will buy Netscape Communications Corp., executives involved in the talks said.",
           "AOL will buy Netscape Communications Corp.");
    /* the comma inside a figure opens no attribution */
    expect("About 3,400 people have left, more than the 3,000 first reported.",
           "About 3,400 people have left, more than the 3,000 first reported.");
    /* a clause, not an attribution */
    expect("The dam was rated serviceable in March, which the inspectors later regretted.",
           "The dam was rated serviceable in March, which the inspectors later regretted.");
    /* a quotation keeps its speaker */
    expect("The deal is ``the bullet of mercy'' for the peace process, a Syrian paper said.",
           "The deal is ``the bullet of mercy'' for the peace process, a Syrian paper said.");
}

static void test_too_short(void **state)
{
    (void)state;
    /* four words would be left: the sentence is kept whole */
    expect("Anwar was arrested Tuesday, his lawyers said Wednesday.",
           "Anwar was arrested Tuesday, his lawyers said Wednesday.");
    char *got = trimmed("Anwar was arrested Tuesday, his lawyers said Wednesday.", 0);
    assert_string_equal(got, "Anwar was arrested.");
    free(got);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dateline),       cmocka_unit_test(test_leading),
        cmocka_unit_test(test_relative_dates), cmocka_unit_test(test_attribution),
        cmocka_unit_test(test_too_short),
    };
    return cmocka_run_group_tests_name("trim", tests, NULL, NULL);
}
