/* test_html_main.c — the main-text extractor (src/read/html_main.c) on the page shapes
 * that it used to get wrong: text in scripts without spaces, data tables and lists in the
 * article, pages full of teaser cards. Every page here is made up. */
#include "core/mem.h"
#include "read/html.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static void read_page(const char *html, html_page *pg)
{
    html_read(html, strlen(html), pg);
}

static int contains(const char *s, const char *needle)
{
    return s && strstr(s, needle) != NULL;
}

static void expect(const html_page *pg, const char *const *in, size_t n_in,
                   const char *const *out, size_t n_out)
{
    for (size_t i = 0; i < n_in; i++)
        if (!contains(pg->text, in[i])) fail_msg("'%s' was dropped:\n%s", in[i], pg->text);
    for (size_t i = 0; i < n_out; i++)
        if (contains(pg->text, out[i])) fail_msg("'%s' was kept:\n%s", out[i], pg->text);
}

#define N(a) (sizeof a / sizeof *a)

/* Japanese paragraphs are short in characters and have no spaces to count words by; a
 * sidebar's line of English must not outweigh them. */
static void test_main_cjk_paragraphs(void **state)
{
    (void)state;
    const char *html =
        "<html><body><div class=\"layout\"><div class=\"single\">"
        "<h1>\xE6\xA9\x8B\xE3\x81\xAE\xE4\xBF\xAE\xE7\x90\x86</h1>"
        /* 川の橋は来月から三か月間、修理のため通行止めになると市が発表した。 */
        "<p>\xE5\xB7\x9D\xE3\x81\xAE\xE6\xA9\x8B\xE3\x81\xAF\xE6\x9D\xA5\xE6\x9C\x88\xE3\x81\x8B"
        "\xE3\x82\x89\xE4\xB8\x89\xE3\x81\x8B\xE6\x9C\x88\xE9\x96\x93\xE3\x80\x81\xE4\xBF\xAE"
        "\xE7\x90\x86\xE3\x81\xAE\xE3\x81\x9F\xE3\x82\x81\xE9\x80\x9A\xE8\xA1\x8C\xE6\xAD\xA2"
        "\xE3\x82\x81\xE3\x81\xAB\xE3\x81\xAA\xE3\x82\x8B\xE3\x81\xA8\xE5\xB8\x82\xE3\x81\x8C"
        "\xE7\x99\xBA\xE8\xA1\xA8\xE3\x81\x97\xE3\x81\x9F\xE3\x80\x82</p>"
        /* 住民は遠回りの道を使うしかなく、朝の渋滞が心配されている。 */
        "<p>\xE4\xBD\x8F\xE6\xB0\x91\xE3\x81\xAF\xE9\x81\xA0\xE5\x9B\x9E\xE3\x82\x8A\xE3\x81\xAE"
        "\xE9\x81\x93\xE3\x82\x92\xE4\xBD\xBF\xE3\x81\x86\xE3\x81\x97\xE3\x81\x8B\xE3\x81\xAA"
        "\xE3\x81\x8F\xE3\x80\x81\xE6\x9C\x9D\xE3\x81\xAE\xE6\xB8\x8B\xE6\xBB\x9E\xE3\x81\x8C"
        "\xE5\xBF\x83\xE9\x85\x8D\xE3\x81\x95\xE3\x82\x8C\xE3\x81\xA6\xE3\x81\x84\xE3\x82\x8B"
        "\xE3\x80\x82</p>"
        /* 市は臨時のバスを一時間に四本走らせる予定だという。 */
        "<p>\xE5\xB8\x82\xE3\x81\xAF\xE8\x87\xA8\xE6\x99\x82\xE3\x81\xAE\xE3\x83\x90\xE3\x82\xB9"
        "\xE3\x82\x92\xE4\xB8\x80\xE6\x99\x82\xE9\x96\x93\xE3\x81\xAB\xE5\x9B\x9B\xE6\x9C\xAC"
        "\xE8\xB5\xB0\xE3\x82\x89\xE3\x81\x9B\xE3\x82\x8B\xE4\xBA\x88\xE5\xAE\x9A\xE3\x81\xA0"
        "\xE3\x81\xA8\xE3\x81\x84\xE3\x81\x86\xE3\x80\x82</p>"
        "</div><div class=\"profile\"><p>About me: rivers, bridges and the small towns of the "
        "coast</p></div><ul class=\"archive\">"
        "<li><a href=\"/a1\">January of the year before</a></li><li><a href=\"/a2\">February "
        "of the year before</a></li><li><a href=\"/a3\">March of the year before</a></li>"
        "<li><a href=\"/a4\">April of the year before</a></li><li><a href=\"/a5\">May of the "
        "year before</a></li><li><a href=\"/a6\">June of the year before</a></li><li><a "
        "href=\"/a7\">July of the year before</a></li><li><a href=\"/a8\">August of the year "
        "before</a></li></ul></div></body></html>";
    html_page pg;
    read_page(html, &pg);
    static const char *const in[] = {"\xE5\xB7\x9D\xE3\x81\xAE\xE6\xA9\x8B",
                                     "\xE4\xBD\x8F\xE6\xB0\x91", "\xE5\xB8\x82\xE3\x81\xAF"};
    static const char *const out[] = {"About me"};
    expect(&pg, in, N(in), out, N(out));
    html_page_free(&pg);
}

/* A list of feature lines under a heading, after the article's one long paragraph: each
 * line is of middling length (near-good), with other near-good lines and a heading as
 * their neighbours; all stay. */
static void test_main_list_after_heading(void **state)
{
    (void)state;
    const char *html =
        "<html><body><nav><a href=\"/\">Home</a> <a href=\"/games\">Games</a></nav>"
        "<div class=\"content\"><h1>Version 4 of the river game</h1>"
        "<p>The new version of the river game came out this week, after a summer of testing "
        "with players in three countries, and it changes more than any release before it.</p>"
        "<h2>What is new</h2><ul>"
        "<li>Twelve new boats to build, each with its own sails and crew</li>"
        "<li>A harbour mode in which two players trade goods over a week</li>"
        "<li>Storms that change the map while the game is being played</li>"
        "<li>Saved games that can now be moved between phones and laptops</li></ul>"
        "</div><div class=\"links\"><a href=\"/a\">Older news about the game</a> "
        "<a href=\"/b\">The forum where players meet</a></div></body></html>";
    html_page pg;
    read_page(html, &pg);
    static const char *const in[] = {"after a summer of testing", "What is new", "Twelve new boats",
                                     "harbour mode", "Storms that change", "Saved games"};
    static const char *const out[] = {"Older news", "Home"};
    expect(&pg, in, N(in), out, N(out));
    html_page_free(&pg);
}

/* A table of short cells between two paragraphs of the article. */
static void test_main_table_between_paragraphs(void **state)
{
    (void)state;
    const char *html =
        "<html><body><div id=\"main\">"
        "<p>The regional chess league finished its autumn season on Sunday, with the club "
        "from Harrowgate taking the title by a single point after a tense final round.</p>"
        "<p><strong>The final table after nine rounds of play:</strong></p>"
        "<table><tr><td>Pos.</td><td>Club</td><td>Points</td></tr>"
        "<tr><td>1</td><td>Harrowgate</td><td>31</td></tr>"
        "<tr><td>2</td><td>Fenwick Lane</td><td>30</td></tr>"
        "<tr><td>3</td><td>Old Mill</td><td>24</td></tr></table>"
        "<p>* Clubs on equal points are ranked by their games won in the season</p>"
        "</div><footer><p>Contact the league secretary</p></footer></body></html>";
    html_page pg;
    read_page(html, &pg);
    static const char *const in[] = {"tense final round", "nine rounds", "Harrowgate\n\n31",
                                     "Fenwick Lane", "Old Mill", "equal points"};
    static const char *const out[] = {"secretary"};
    expect(&pg, in, N(in), out, N(out));
    html_page_free(&pg);
}

/* The article, then a grid of teaser cards (a linked headline, a linked byline, a
 * summary): the cards' summaries are good prose and outweigh the article's own links and
 * furniture, but they are other pages'. */
#define CARD(t, s)                                                                                 \
    "<div class=\"card\"><h3><a href=\"/story\">" t "</a></h3><div><a href=\"/by\">Ada Voss"   \
    "</a></div><div>" s " The full story has the details of who said what and when it was said, " \
    "and what is likely to happen next in the weeks to come.</div></div>"
static void test_main_teaser_cards(void **state)
{
    (void)state;
    const char *html =
        "<html><body><div class=\"page\"><main><h1>Ferry service to resume</h1>"
        "<p>The ferry between Ostrand and the islands will run again from Monday, the harbour "
        "board said, after a month in which storms kept the boats in port.</p>"
        "<p>Islanders have relied on a single supply boat since the start of the month, and "
        "shops on the larger island ran short of bread and fuel last week.</p>"
        "<p>The board said a second boat would be added at weekends until the backlog of "
        "freight has been cleared, which it expects to take until the end of the month.</p>"
        "</main><div class=\"more\">"
        CARD("Council votes on the new library", "The council met to decide on the plans.")
        CARD("Harvest festival draws a record crowd", "More people came than in any year.")
        CARD("School roof repairs to start in May", "The work will take most of the summer.")
        CARD("Lighthouse keeper retires after forty years", "A party was held on the pier.")
        CARD("Road to the quarry closed for a week", "Drivers are asked to use the coast road.")
        "</div></div></body></html>";
    html_page pg;
    read_page(html, &pg);
    static const char *const in[] = {"will run again from Monday", "single supply boat",
                                     "backlog of freight"};
    static const char *const out[] = {"Ada Voss", "The council met", "A party was held",
                                      "what is likely to happen"};
    expect(&pg, in, N(in), out, N(out));
    html_page_free(&pg);
}

/* A list article whose items are cards of the same shape: the cards are the article. */
static void test_main_cards_are_the_article(void **state)
{
    (void)state;
    const char *html =
        "<html><body><nav><a href=\"/\">Home</a> <a href=\"/a\">About</a></nav><div class=\"list\">"
        "<h1>Five walks on the coast</h1>"
        CARD("The cliff path to Harrow Point", "A steep start, then a long flat stretch.")
        CARD("Around the salt marsh", "Best at low tide, with birds all the way.")
        CARD("From the harbour to the old mill", "An easy walk with two cafes on the way.")
        CARD("The dune loop", "Sand underfoot for most of the way, so it is slow going.")
        CARD("Lighthouse and back", "The shortest of the five, and good for children.")
        "</div></body></html>";
    html_page pg;
    read_page(html, &pg);
    static const char *const in[] = {"A steep start", "Best at low tide", "two cafes",
                                     "Sand underfoot", "The shortest of the five"};
    expect(&pg, in, N(in), NULL, 0);
    html_page_free(&pg);
}

/* An article in sibling sections, one of which is mostly a list of linked items: the
 * links pull the sections' common parent below the best section; the other sections
 * come in as siblings of weight (Readability's rule). */
static void test_main_sibling_sections(void **state)
{
    (void)state;
    const char *html =
        "<html><body><nav><a href=\"/\">Home</a></nav><div class=\"doc\">"
        "<div class=\"sect\"><h2>What the tool does</h2><p>The tool reads the tide tables of "
        "a dozen harbours and prints, for each day of the coming month, the hours when a boat "
        "of a given draught can enter and leave each of them safely.</p></div>"
        "<div class=\"sect\"><h2>Changes this month</h2><ul>"
        "<li><a href=\"/c/1\">tides: read the new format of the northern harbour tables</a></li>"
        "<li><a href=\"/c/2\">print: align the columns when a harbour name is long</a></li>"
        "<li><a href=\"/c/3\">draught: accept the value in feet as well as in metres</a></li>"
        "<li><a href=\"/c/4\">tides: a leap day no longer shifts March by one day</a></li>"
        "<li><a href=\"/c/5\">build: the tests run on the small boards as well</a></li>"
        "</ul></div>"
        "<div class=\"sect\"><h2>What comes next</h2><p>Next month the tool will learn to "
        "read the tables of the river ports, whose tides come later than at sea and depend "
        "on the rain upstream, which makes them the hardest to predict.</p>"
        "<p>Anyone who sails on the river and keeps a log of the depths is welcome to send it "
        "in, since a year of real readings is the best test we could have.</p></div>"
        "</div></body></html>";
    html_page pg;
    read_page(html, &pg);
    static const char *const in[] = {"reads the tide tables", "river ports",
                                     "keeps a log of the depths"};
    static const char *const out[] = {"Home"};
    expect(&pg, in, N(in), out, N(out));
    html_page_free(&pg);
}

/* A table and a quotation each in a <figure> (as WordPress writes them): the article's;
 * the captions and a photo's figure are not. */
static void test_main_table_in_figure(void **state)
{
    (void)state;
    const char *html =
        "<html><body><article><h1>Rainfall this year</h1>"
        "<p>The wettest month of the year was October, the weather office said on Friday, "
        "when more rain fell on the coast than in the three summer months together.</p>"
        "<figure class=\"wp-block-image\"><img src=\"rain.jpg\"><figcaption>Flooded fields near "
        "the river</figcaption></figure>"
        "<figure class=\"wp-block-table\"><table><tr><th>Month</th><th>Rain (mm)</th></tr>"
        "<tr><td>August</td><td>41</td></tr><tr><td>September</td><td>77</td></tr>"
        "<tr><td>October</td><td>163</td></tr></table><figcaption>Source: the weather office"
        "</figcaption></figure>"
        "<figure class=\"quote\"><blockquote><p>We have not seen an autumn like it since the "
        "records began, and the ground will take months to dry out.</p></blockquote>"
        "<figcaption>The head of the weather office</figcaption></figure>"
        "<p>Farmers said the late harvest had been saved only by a dry week at the start of "
        "November, and that the winter sowing would be delayed by a month.</p>"
        "</article></body></html>";
    html_page pg;
    read_page(html, &pg);
    static const char *const in[] = {"wettest month", "Rain (mm)", "September\n\n77", "163",
                                     "since the records began", "winter sowing"};
    static const char *const out[] = {"Flooded fields", "Source:", "The head of"};
    expect(&pg, in, N(in), out, N(out));
    html_page_free(&pg);
}

/* "meta" marks a byline or date line only as a whole word of a class ("post-meta"), not
 * as the start of another word ("metafield-rich_text", a shop CMS's text field). */
static void test_main_meta_whole_word(void **state)
{
    (void)state;
    const char *html =
        "<html><body><div class=\"post\"><div class=\"post-meta\">Posted in Gardening by Lin Ash"
        "</div><p>Compost is the cheapest way to feed a garden, and a small heap in a corner "
        "will turn kitchen scraps into good soil in less than a year.</p>"
        "<h3>1. Keep it damp</h3><div class=\"metafield-rich_text_field\"><p>A heap that dries "
        "out stops working, so water it in a dry week and cover it with an old rug.</p></div>"
        "<h3>2. Turn it over</h3><div class=\"metafield-rich_text_field\"><p>Turning the heap "
        "once a month lets air in, and the scraps break down twice as fast.</p></div>"
        "</div></body></html>";
    html_page pg;
    read_page(html, &pg);
    static const char *const in[] = {"cheapest way", "A heap that dries", "Turning the heap"};
    static const char *const out[] = {"Posted in"};
    expect(&pg, in, N(in), out, N(out));
    html_page_free(&pg);
}

/* Paragraph text counts as such through the inline markup around it (<p><span>...):
 * a section whose class names a navigation aid yields to its paragraphs of prose. */
#define FOOTER_LINE                                                                                \
    "The Valley Courier is published by the Valley Courier Company, whose offices are on the " \
    "high street above the old bank, and whose staff can be reached there on weekdays. "
static void test_main_paragraph_text_in_spans(void **state)
{
    (void)state;
    const char *html =
        "<html><body><nav><a href=\"/\">Home</a> <a href=\"/b\">Blog</a></nav>"
        "<div class=\"jump-link-section\"><h2>Why the mill closed</h2>"
        "<p><span style=\"color:#000\">The old mill on the river closed in the spring after "
        "ninety years, when the last family that ran it could find no one to take it on and the "
        "roof needed more work than the business could pay for.</span></p>"
        "<p><span>For a decade it had ground flour for the bakeries of three towns, and in its "
        "best years it sent sacks as far as the city, where a few shops still sold its bread "
        "flour under the mill's own name on a plain paper label.</span></p>"
        "<p><span>The town has asked for ideas for the building, and so far the most popular is "
        "a museum of the valley's trades, with the wheel turning again for visitors on summer "
        "weekends and the grinding stones kept where they always stood.</span></p>"
        "</div><footer><p>" FOOTER_LINE FOOTER_LINE FOOTER_LINE FOOTER_LINE "</p></footer>"
        "</body></html>";
    html_page pg;
    read_page(html, &pg);
    static const char *const in[] = {"ninety years", "bakeries of three towns",
                                     "museum of the valley"};
    static const char *const out[] = {"Blog"};
    expect(&pg, in, N(in), out, N(out));
    html_page_free(&pg);
}

/* A collapsed section (display:none until clicked) holding paragraphs is the article's;
 * a collapsed menu of links, and prose hidden by the hidden attribute or aria-hidden (a
 * copy for screen readers, a template), are not. */
static void test_main_collapsed_sections(void **state)
{
    (void)state;
    const char *html =
        "<html><body><div class=\"article\"><p>Planting a hedge takes a weekend and lasts for "
        "fifty years, so it is worth choosing the plants with some care before the autumn.</p>"
        "<div class=\"accordion\"><a role=\"button\">1. Pick the plants</a>"
        "<div style=\"display: none\" role=\"region\"><p>Hawthorn grows fast and keeps out "
        "animals, while beech holds its brown leaves through the winter and makes a softer "
        "screen for a garden that is looked at more than it is used.</p><p>A mix of four or "
        "five kinds is the most robust, since a disease that takes one of them leaves the "
        "others standing and the hedge never opens up a gap.</p></div></div>"
        "<div style=\"display:none\" class=\"menu-panel\"><a href=\"/1\">Hedges</a> "
        "<a href=\"/2\">Trees</a> <a href=\"/3\">Lawns</a></div>"
        "<div aria-hidden=\"true\"><p>This copy of the planting guide is kept for the printer "
        "and says nothing that the page does not say already, in more or less the same "
        "words, and it must not be read twice by anyone who is looking at the page.</p><p>It "
        "goes on for a second paragraph too, to be long enough to matter to the extractor, "
        "with a few more words about the hedges and the plants in them.</p></div>"
        "<p>Plant them in a double row, thirty centimetres apart, and water them every week "
        "in the first summer unless it rains.</p></div></body></html>";
    html_page pg;
    read_page(html, &pg);
    static const char *const in[] = {"fifty years", "Hawthorn grows fast", "four or five kinds",
                                     "double row"};
    static const char *const out[] = {"Lawns", "for the printer", "second paragraph"};
    expect(&pg, in, N(in), out, N(out));
    html_page_free(&pg);
}

/* Section headings that link to themselves (<h2><a href="#costs">) are the article's
 * headings, not links away; a heading linking to another page is not kept. */
static void test_main_self_linked_headings(void **state)
{
    (void)state;
    const char *html =
        "<html><body><main><p>Heat pumps have become the usual choice for new houses in the "
        "north, and more owners of older houses are asking whether one would suit them.</p>"
        "<h2 id=\"costs\"><a href=\"#costs\">What a heat pump costs</a></h2>"
        "<p>A pump for a three-bedroom house costs about as much as a small car, and the grant "
        "from the county pays for a quarter of it if the house is well insulated.</p>"
        "<h2><a href=\"/other-story\">Read our guide to solar roofs</a></h2>"
        "<h2 id=\"noise\"><a href=\"#noise\">How loud they are</a></h2>"
        "<p>The outdoor unit hums at about the level of a fridge, which few neighbours notice "
        "unless it is fixed to a shared wall or placed under a bedroom window.</p>"
        "</main></body></html>";
    html_page pg;
    read_page(html, &pg);
    static const char *const in[] = {"What a heat pump costs", "How loud they are", "a small car"};
    static const char *const out[] = {"solar roofs"};
    expect(&pg, in, N(in), out, N(out));
    html_page_free(&pg);
}

/* A line that is only a label for an ad slot ("Advert") is furniture; a sentence that
 * starts with the same word is not. */
static void test_main_ad_label_lines(void **state)
{
    (void)state;
    const char *html =
        "<html><body><article><p>The bakery on Mill Lane will open a second shop in the square "
        "next month, its owners said, after two years of queues out of the door.</p>"
        "<p>Advert</p><p>Adverts for staff went up on Monday, and the owners hope to hire six "
        "people before the opening.</p><p>ADS</p><p>The new shop will sell the same bread and "
        "add a small cafe with four tables by the window overlooking the fountain.</p>"
        "</article></body></html>";
    html_page pg;
    read_page(html, &pg);
    static const char *const in[] = {"second shop", "Adverts for staff", "small cafe"};
    static const char *const out[] = {"Advert\n", "ADS"};
    expect(&pg, in, N(in), out, N(out));
    html_page_free(&pg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_main_cjk_paragraphs),
        cmocka_unit_test(test_main_list_after_heading),
        cmocka_unit_test(test_main_table_between_paragraphs),
        cmocka_unit_test(test_main_teaser_cards),
        cmocka_unit_test(test_main_cards_are_the_article),
        cmocka_unit_test(test_main_sibling_sections),
        cmocka_unit_test(test_main_table_in_figure),
        cmocka_unit_test(test_main_meta_whole_word),
        cmocka_unit_test(test_main_paragraph_text_in_spans),
        cmocka_unit_test(test_main_collapsed_sections),
        cmocka_unit_test(test_main_self_linked_headings),
        cmocka_unit_test(test_main_ad_label_lines),
    };
    return cmocka_run_group_tests_name("html_main", tests, NULL, NULL);
}
