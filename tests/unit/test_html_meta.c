/* test_html_meta.c — the HTML reader's metadata choices (src/read/html_meta.c,
 * html_date.c) beyond test_html.c: bylines among menus, labels and author boxes, the
 * site as the author of last resort, titles and dates where the page's sources
 * disagree. Every page here is made up. */
#include "read/html.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

/* A paragraph long enough to count as article text. */
#define PARA(x)                                                                                    \
    "<p>" x " The harbour board met on Thursday and, after a long wait, agreed that the "          \
    "old crane by the east quay would be taken down before the winter storms.</p>\n"

static void read_page(const char *html, html_page *pg)
{
    html_read(html, strlen(html), pg);
}

enum field { AUTHOR, DATE, TITLE };

/* The page read from html gives `want` (NULL: nothing) as its author, date or title. */
static void expect(const char *html, enum field f, const char *want)
{
    html_page pg;
    read_page(html, &pg);
    const char *got = f == AUTHOR ? pg.author : f == DATE ? pg.date : pg.title;
    if (want)
        assert_string_equal(got, want);
    else
        assert_null(got);
    html_page_free(&pg);
}

static int starts(const char *s, const char *prefix)
{
    return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

/* "By ..." in a site menu is a menu heading, not the article's byline; nor is a reader
 * comment's "by". */
static void test_byline_not_in_menus_or_comments(void **state)
{
    (void)state;
    expect("<html><head><title>Crane to go</title></head><body><nav><ul><li><h4>By Harbour "
           "Zone</h4></li></ul></nav><article><h1>Crane to go</h1><p>By Oren Vale</p>" PARA(
               "Crane.") PARA("More.") "</article></body></html>",
           AUTHOR, "Oren Vale");
    expect("<html><head><title>Crane to go</title></head><body><div class=\"sub-menu\">"
           "<p>By Vessel Type</p></div><article><h1>Crane to go</h1>" PARA("Crane.")
               PARA("More.") "</article><div class=\"comment-list\"><p>by Tilda Marsh</p><p>I "
                             "agree.</p></div></body></html>",
           AUTHOR, NULL);
    /* microdata of another article, in a related-posts block */
    expect(
        "<html><head><title>Crane to go</title></head><body><h1>Crane to go</h1>"
        "<p class=\"byline\">By Oren Vale</p>" PARA("Crane.") PARA(
            "More.") "<div class=\"related-posts\"><div itemprop=\"author\">Lise Harrow</div></div>"
                     "</body></html>",
        AUTHOR, "Oren Vale");
}

/* An author box's heading ("About the Author", "The Author", "Written By") is a label, not
 * a name; leads like "This post was written by" and "Read more about" are dropped. */
static void test_byline_labels(void **state)
{
    (void)state;
    html_page pg;
    expect("<html><head><title>Crane to go</title></head><body><h1>Crane to go</h1>" PARA("Crane.")
               PARA("More.") "<div class=\"author-heading\">About the Author</div>"
                             "<div class=\"author-name\">Petra Lund</div></body></html>",
           AUTHOR, "Petra Lund");
    /* an author box: the name, then a long biography */
    read_page("<html><head><title>Crane to go</title></head><body><h1>Crane to go</h1>" PARA(
                  "Crane.") PARA("More.") "<div class=\"post-author-box\"><h4>Idony Farr</h4>"
                                          "<p>Idony has covered the harbour, its cranes, its "
                                          "ferries and its long quarrels "
                                          "with the town council for the better part of twenty "
                                          "years, and before that wrote "
                                          "about the fishing fleet for a weekly paper up the "
                                          "coast.</p></div></body></html>",
              &pg);
    assert_string_equal(pg.author, "Idony Farr");
    html_page_free(&pg);
    /* a link to the author's page, the name and the role in it */
    expect("<html><head><title>Crane to go</title></head><body><h1>Crane to go</h1>"
           "<div class=\"meta\"><a href=\"/author/bryn-tal/\"><span>Bryn Tal</span> "
           "<span>Harbour Reporter</span></a></div><div class=\"post-byline\">Desk</div>" PARA(
               "Crane.") PARA("More.") "</body></html>",
           AUTHOR, "Bryn Tal");
    read_page("<html><head><title>Crane to go</title></head><body><h1>Crane to go</h1>"
              "<div class=\"byline\">This post was written by Dana Pike, head of research at "
              "the board.</div>" PARA("Crane.") PARA("More.") "</body></html>",
              &pg);
    assert_true(starts(pg.author, "Dana Pike"));
    html_page_free(&pg);
    expect("<html><head><title>Crane to go</title></head><body><h1>Crane to go</h1>" PARA("Crane.")
               PARA("More.") "<div class=\"author-card\"><a href=\"/a/q\">Read "
                             "more about The Quay Desk</a></div></body></html>",
           AUTHOR, "The Quay Desk");
}

/* A lowercase "by", a date after the name, a role after a comma. */
static void test_byline_forms(void **state)
{
    (void)state;
    html_page pg;
    read_page("<html><head><title>Crane to go</title></head><body><h1>Crane to go</h1>"
              "<p>by: Ines Carrow, May 4, 2025</p>" PARA("Crane.") PARA("More.") "</body></html>",
              &pg);
    assert_string_equal(pg.author, "Ines Carrow");
    assert_string_equal(pg.date, "2025-05-04");
    html_page_free(&pg);
    read_page("<html><head><title>Crane to go</title></head><body><h1>Crane to go</h1>"
              "<p>by Bram Tolle, Correspondent for the Quay Gazette</p>" PARA("Crane.")
                  PARA("More.") "</body></html>",
              &pg);
    assert_true(starts(pg.author, "Bram Tolle"));
    html_page_free(&pg);
    /* a one-word name, when nothing better is printed */
    expect("<html><head><title>Crane to go</title></head><body><h1>Crane to go</h1>"
           "<p>Posted by <a href=\"/u/m\">Marlo</a></p>" PARA("Crane.")
               PARA("More.") "</body></html>",
           AUTHOR, "Marlo");
    /* "Contributors:" as a label; microdata whose element holds the role too */
    expect("<html><head><title>Crane to go</title></head><body><h1>Crane to go</h1>" PARA("Crane.")
               PARA("More.") "<div><strong>Contributors:</strong> Rhoswen "
                             "Adair</div></body></html>",
           AUTHOR, "Rhoswen Adair");
    expect("<html><head><title>Crane to go</title></head><body><h1>Crane to go</h1>"
           "<div itemprop=\"author\"><span>Gethin Moy</span> <span>Senior Harbour "
           "Reporter</span></div>" PARA("Crane.") PARA("More.") "</body></html>",
           AUTHOR, "Gethin Moy");
    /* two lead words ("Article written by:"); a name printed twice (avatar and name) */
    expect("<html><head><title>Crane to go</title></head><body><h1>Crane to go</h1>" PARA("Crane.")
               PARA("More.") "<h2>Article written by:</h2><h3>Sefa Orrin, MD"
                             "</h3></body></html>",
           AUTHOR, "Sefa Orrin, MD");
    expect("<html><head><title>Crane to go</title></head><body><h1>Crane to go</h1>"
           "<div class=\"author\"><span>Tamsin</span> <span>Tamsin</span></div>" PARA("Crane.")
               PARA("More.") "</body></html>",
           AUTHOR, "Tamsin");
    /* the date first, then the name */
    read_page("<html><head><title>Crane to go</title></head><body><h1>Crane to go</h1>"
              "<div class=\"date-author\">Mar. 9, 2025 \xC2\xB7 Wilf Arden</div>" PARA("Crane.")
                  PARA("More.") "</body></html>",
              &pg);
    assert_string_equal(pg.author, "Wilf Arden");
    assert_string_equal(pg.date, "2025-03-09");
    html_page_free(&pg);
    /* a line under the headline: the name, the role, the date */
    expect("<html><head><title>Crane to go</title></head><body><header><h1>Crane to go</h1>"
           "<p>Maud Ellery | Harbour Editor | March 9, 2025</p></header>" PARA("Crane.")
               PARA("More.") "</body></html>",
           AUTHOR, "Maud Ellery");
    /* an editorial team; a name with a digit among letters */
    expect("<html><head><title>Crane to go</title></head><body><h1>Crane to go</h1>"
           "<div><span>By</span> <span>The Quayside Team</span></div>" PARA("Crane.")
               PARA("More.") "</body></html>",
           AUTHOR, "The Quayside Team");
    expect("<html><head><title>Crane to go</title></head><body><h1>Crane to go</h1>"
           "<p>By 4x Harbour Works</p>" PARA("Crane.") PARA("More.") "</body></html>",
           AUTHOR, "4x Harbour Works");
    expect("<html><head><title>Crane to go</title></head><body><h1>Crane to go</h1>"
           "<p>By 2 Min Read</p>" PARA("Crane.") PARA("More.") "</body></html>",
           AUTHOR, NULL);
}

/* On a site named for a person, the site's name as the author is that person; an
 * organization's name yields to a printed byline (test_html.c). */
static void test_author_named_like_the_site(void **state)
{
    (void)state;
    expect("<html><head><meta property=\"og:site_name\" content=\"Wren Halloway\">"
           "<meta name=\"author\" content=\"Wren Halloway\"><title>Glazes</title></head>"
           "<body><h1>Glazes</h1>" PARA("Glazes.") PARA("More.") "<div class=\"byline\">"
                                                                 "Cato Brill</div></body></html>",
           AUTHOR, "Wren Halloway");
}

/* No byline anywhere: the site's declared name, else the <title>'s part beside the
 * headline ("Headline | Jane Doe" on a personal site). */
static void test_author_site_of_last_resort(void **state)
{
    (void)state;
    expect("<html><head><title>Notes on kilns | Ysolde Brant</title></head><body>"
           "<h1>Notes on kilns</h1>" PARA("Kilns.") PARA("More.") "</body></html>",
           AUTHOR, "Ysolde Brant");
    expect("<html><head><title>Notes on kilns</title><meta property=\"og:site_name\" "
           "content=\"Quayside Pottery\"></head><body><h1>Notes on kilns</h1>" PARA("Kilns.")
               PARA("More.") "</body></html>",
           AUTHOR, "Quayside Pottery");
    /* a byline still wins */
    expect("<html><head><title>Notes on kilns | Ysolde Brant</title></head><body>"
           "<h1>Notes on kilns</h1><p>By Aled Korr</p>" PARA("Kilns.")
               PARA("More.") "</body></html>",
           AUTHOR, "Aled Korr");
}

/* A page that declares no date and prints none near its headline: the first date printed
 * after the headline, else the first before it. */
static void test_date_printed_anywhere(void **state)
{
    (void)state;
    html_page pg;
    expect("<html><head><title>Crane to go</title></head><body><h1>Crane to go</h1>" PARA("Crane.")
               PARA("More.") PARA("And more.") PARA("Still more.") PARA("Yet more.") PARA("Last.")
                   PARA("Really.") PARA("Done.") PARA("Over.") PARA(
                       "End.") "<footer><p>Last updated: 3 June 2024</p></footer></body></html>",
           DATE, "2024-06-03");
    read_page("<html><head><title>Crane to go</title></head><body><div><span>Mar 9, 2023"
              "</span></div>" PARA("Crane.") PARA("More.") "</body></html>",
              &pg); /* no <h1> */
    assert_string_equal(pg.date, "2023-03-09");
    html_page_free(&pg);
}

/* A date printed by the headline earlier than the declared one (a page stamped anew when
 * moved) is when it appeared; a later one, or one labelled as an update, is not. */
static void test_date_printed_before_declared(void **state)
{
    (void)state;
    expect("<html><head><meta property=\"article:published_time\" content=\"2025-06-24\">"
           "<title>Crane to go</title></head><body><h1>Crane to go</h1><p>August 25, 2024</p>" PARA(
               "Crane.") PARA("More.") "</body></html>",
           DATE, "2024-08-25");
    expect("<html><head><meta property=\"article:published_time\" content=\"2025-06-24\">"
           "<title>Crane to go</title></head><body><h1>Crane to go</h1><p>Updated August 25, "
           "2024</p>" PARA("Crane.") PARA("More.") "</body></html>",
           DATE, "2025-06-24");
    expect("<html><head><meta property=\"article:published_time\" content=\"2024-06-24\">"
           "<title>Crane to go</title></head><body><h1>Crane to go</h1><p>August 25, 2025</p>" PARA(
               "Crane.") PARA("More.") "</body></html>",
           DATE, "2024-06-24");
}

/* An <h1> that is the blog's name, the <title> that name joined to the headline, og:title
 * the headline: the headline. A bar in an <h1> parts the headline from a section. */
static void test_title_blog_heading_and_bar(void **state)
{
    (void)state;
    expect("<html><head><title>Marsh Notes: Counting herons in March</title>"
           "<meta property=\"og:title\" content=\"Counting herons in March\"></head><body>"
           "<h1>Marsh Notes</h1>" PARA("Herons.") "<h1>A cold start</h1>" PARA(
               "More.") "</body></html>",
           TITLE, "Counting herons in March");
    expect("<html><head><title>Counting herons in March | Comment | Marsh Gazette</title>"
           "</head><body><h1>Counting herons in March | Comment</h1>" PARA("Herons.")
               PARA("More.") "</body></html>",
           TITLE, "Counting herons in March");
}

/* An <h1> that holds the declared title and a date: the declared title. A two-word <h1>
 * that agrees with no declared title is a section's label. */
static void test_title_dated_h1_and_labels(void **state)
{
    (void)state;
    expect("<html><head><meta property=\"og:title\" content=\"Counting herons in March\">"
           "</head><body><h1><span>Mar 30 2025</span> Counting herons in March</h1>" PARA("Herons.")
               PARA("More.") "</body></html>",
           TITLE, "Counting herons in March");
    expect("<html><head><meta property=\"og:title\" content=\"Counting herons in March\">"
           "</head><body><h1>Bird Surveys</h1>" PARA("Herons.") PARA("More.") "</body></html>",
           TITLE, "Counting herons in March");
    expect("<html><head><meta property=\"og:title\" content=\"Counting herons in March\">"
           "</head><body><h1>Herons counted at the marsh</h1>" PARA("Herons.")
               PARA("More.") "</body></html>",
           TITLE, "Herons counted at the marsh");
    /* no <h1>; JSON-LD's headline cut short, og:title whole */
    expect("<html><head><script type=\"application/ld+json\">{\"@type\":\"Article\","
           "\"headline\":\"Counting herons in March: what a cold spring did to the marsh "
           "birds, and\"}</script><meta property=\"og:title\" content=\"Counting herons in "
           "March: what a cold spring did to the marsh birds, and why they came back\"></head>"
           "<body>" PARA("Herons.") PARA("More.") "</body></html>",
           TITLE,
           "Counting herons in March: what a cold spring did to the marsh "
           "birds, and why they came back");
}

/* A date inside the article's prose just after the <h1> is no dateline: the one printed
 * just before the <h1> is. A date labelled "Updated" in a date element or before the <h1>
 * is not the day the page appeared. A <time pubdate> is the publication's. */
static void test_date_dateline_not_prose_nor_updated(void **state)
{
    (void)state;
    expect("<html><head><title>Crane to go</title></head><body><div>Jun 3, 2025</div>"
           "<h1>Crane to go</h1><p>The crane, which the harbour board bought second hand on 14 "
           "March 2011 from a yard in the north, will go.</p>" PARA("Crane.")
               PARA("More.") "</body></html>",
           DATE, "2025-06-03");
    expect(
        "<html><head><title>Crane to go</title></head><body><span class=\"dateline\">May 6, "
        "2021</span><span class=\"dateline\">Updated: Feb 1, 2026</span><h1>Crane to go</h1>" PARA(
            "Crane.") PARA("More.") "</body></html>",
        DATE, "2021-05-06");
    expect("<html><head><title>Crane to go</title></head><body><div class=\"post-date\">Updated: "
           "Feb 1, 2026</div><div class=\"post-date\">May 6, 2021</div><h1>Crane to go</h1>" PARA(
               "Crane.") PARA("More.") "</body></html>",
           DATE, "2021-05-06");
    expect("<html><head><title>Crane to go</title></head><body><ul><li><time datetime=\"2024-01-"
           "05\">Jan 5</time></li></ul><h1>Crane to go</h1><time pubdate datetime=\"2024-02-07\">"
           "Feb 7</time>" PARA("Crane.") PARA("More.") "</body></html>",
           DATE, "2024-02-07");
}

/* An <h1> that is one word of the declared title ("Ferries", named in it) does not
 * print it; nor is a one-word <h1> (a file's name), an <h1> in the footer or one in a
 * closed <dialog> the headline. */
static void test_title_h1_not_the_headline(void **state)
{
    (void)state;
    expect("<html><head><meta property=\"og:title\" content=\"How the night ferries, the "
           "buses and the trams kept running\"></head><body><h1>harbour/notes.txt</h1>" PARA(
               "Ferries.") "<h1>Ferries</h1>" PARA("More.") "</body></html>",
           TITLE, "How the night ferries, the buses and the trams kept running");
    expect("<html><head><meta property=\"og:title\" content=\"Counting herons in March\">"
           "</head><body><dialog><h1>Choose one of these</h1></dialog>" PARA("Herons.")
               PARA("More.") "<footer><h1>Back to the home page</h1></footer></body></html>",
           TITLE, "Counting herons in March");
    expect("<html><head><meta property=\"og:title\" content=\"Counting herons in March\">"
           "</head><body><dialog open><h1>Herons counted at the marsh</h1></dialog>" PARA("Herons.")
               PARA("More.") "</body></html>",
           TITLE, "Herons counted at the marsh");
}

/* A bar that a declared title keeps, five words or more after it, is the headline's; the
 * site's name after a dash in an <h1>, a one-word label before a colon, a summary's
 * sentences and a section heading linked to itself are not the headline's. */
static void test_title_bars_dashes_and_labels(void **state)
{
    (void)state;
    expect("<html><head><title>Ten quiet harbours | The best ones on the north coast - Tide "
           "Tables</title><meta property=\"og:site_name\" content=\"Tide Tables\"></head><body>"
           "<h1>Ten quiet harbours | The best ones on the north coast</h1>" PARA("Harbours.")
               PARA("More.") "</body></html>",
           TITLE, "Ten quiet harbours | The best ones on the north coast");
    expect("<html><head><title>Counting herons | Marsh.example</title></head><body>"
           "<h1>Counting herons | Marsh.example</h1>" PARA("Herons.")
               PARA("More.") "</body></html>",
           TITLE, "Counting herons");
    expect("<html><head><meta property=\"og:site_name\" content=\"Marsh Gazette\"></head><body>"
           "<h1>Counting herons in March \xE2\x80\x93 Marsh Gazette</h1>" PARA("Herons.")
               PARA("More.") "</body></html>",
           TITLE, "Counting herons in March");
    expect("<html><head><title>Counting herons in March | Marsh Gazette</title><meta "
           "property=\"og:site_name\" content=\"Marsh Gazette\"></head><body>"
           "<h1>Blog: Counting herons in March</h1>" PARA("Herons.") PARA("More.") "</body></html>",
           TITLE, "Counting herons in March");
    /* sentences of a summary in the <h1>: the declared title; a long headline stays */
    expect("<html><head><title>Counting herons in March | Marsh Gazette</title><meta "
           "property=\"og:site_name\" content=\"Marsh Gazette\"></head><body><h1>Find out how "
           "many herons came back to the marsh this spring? Learn how the count is made. We "
           "will show you all you need to know to count them yourself.</h1>" PARA("Herons.")
               PARA("More.") "</body></html>",
           TITLE, "Counting herons in March");
    expect("<html><head><title>Counting herons in March | Marsh Gazette</title><meta "
           "property=\"og:site_name\" content=\"Marsh Gazette\"></head><body><h1>How many grey "
           "herons, little egrets and bitterns came back to the east marsh after the coldest "
           "spring in forty years, and what the count tells us</h1>" PARA("Herons.")
               PARA("More.") "</body></html>",
           TITLE,
           "How many grey herons, little egrets and bitterns came back to the east marsh "
           "after the coldest spring in forty years, and what the count tells us");
    expect("<html><head><title>Why herons come back | Marsh Gazette</title></head><body>" PARA(
               "Herons.") "<h1 id=\"cold\"><a href=\"#cold\"></a>But the cold spring kept "
                          "them away</h1>" PARA("More.") "</body></html>",
           TITLE, "Why herons come back");
}

/* Words of a heading in separate blocks are kept apart: an element of HTML's blocks, an
 * inline one of class "block", and the text after a block's end. */
static void test_title_blocks_apart(void **state)
{
    (void)state;
    expect("<html><body><h1>Ferry timetable<span class=\"block text-sm\">What changes in "
           "May</span></h1>" PARA("Ferries.") PARA("More.") "</body></html>",
           TITLE, "Ferry timetable What changes in May");
    expect("<html><body><h1><div class=\"kicker\">Harbour</div>Ferry timetable changes</h1>" PARA(
               "Ferries.") PARA("More.") "</body></html>",
           TITLE, "Harbour Ferry timetable changes");
    expect("<html><body><h1>Ferry time<span class=\"inline-block\">table</span> changes</h1>" PARA(
               "Ferries.") PARA("More.") "</body></html>",
           TITLE, "Ferry timetable changes");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_byline_not_in_menus_or_comments),
        cmocka_unit_test(test_byline_labels),
        cmocka_unit_test(test_byline_forms),
        cmocka_unit_test(test_author_named_like_the_site),
        cmocka_unit_test(test_author_site_of_last_resort),
        cmocka_unit_test(test_date_printed_anywhere),
        cmocka_unit_test(test_date_printed_before_declared),
        cmocka_unit_test(test_date_dateline_not_prose_nor_updated),
        cmocka_unit_test(test_title_blog_heading_and_bar),
        cmocka_unit_test(test_title_dated_h1_and_labels),
        cmocka_unit_test(test_title_h1_not_the_headline),
        cmocka_unit_test(test_title_bars_dashes_and_labels),
        cmocka_unit_test(test_title_blocks_apart),
    };
    return cmocka_run_group_tests_name("html_meta", tests, NULL, NULL);
}
