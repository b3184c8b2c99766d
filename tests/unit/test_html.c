/* test_html.c — the HTML reader (src/read/html*.c, charset.c, dom.c, gzip.c): metadata
 * from each of its sources, boilerplate left out of the main text, charsets, paragraph
 * byte ranges, malformed and hostile pages, and read_html_buf / .html.gz through
 * sf_read_path. Every page here is made up. */
#include "core/mem.h"
#include "read/charset.h"
#include "read/html.h"
#include "read/read.h"
#include "storyfold.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include <cmocka.h>

/* A paragraph long enough to count as article text. */
#define PARA(x)                                                                                    \
    "<p>" x " The council met on Tuesday evening, and after a long debate the members agreed "     \
    "that the bridge over the Linnet would be closed for repairs until the spring.</p>\n"

static void read_page(const char *html, html_page *pg)
{
    html_read(html, strlen(html), pg);
}

static int contains(const char *s, const char *needle)
{
    return s && strstr(s, needle) != NULL;
}

/* ---- metadata ------------------------------------------------------------------------ */

static void test_meta_jsonld(void **state)
{
    (void)state;
    const char *html =
        "<!DOCTYPE html><html lang=\"en-GB\"><head><title>Bridge closed | The Ostrand Post</title>"
        "<link rel=\"canonical\" href=\"https://post.example/2024/03/05/bridge\">"
        "<meta property=\"og:title\" content=\"Linnet bridge to close\">"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
        "{\"@type\":\"NewsArticle\",\"headline\":\"Linnet bridge to close for repairs\","
        "\"datePublished\":\"2024-03-06T08:15:00+01:00\",\"author\":[{\"@id\":\"#p1\"},"
        "{\"@type\":\"Person\",\"name\":\"Tomas Ebb\"}],\"publisher\":{\"@type\":\"Organization\","
        "\"name\":\"The Ostrand Post\"}},{\"@type\":\"Person\",\"@id\":\"#p1\",\"name\":\"Mira Kell\"}]}"
        "</script></head><body><h1>Linnet bridge to close for repairs</h1>" PARA("First.")
        PARA("Second.") "</body></html>";
    html_page pg;
    read_page(html, &pg);
    assert_string_equal(pg.title, "Linnet bridge to close for repairs");
    assert_string_equal(pg.author, "Mira Kell, Tomas Ebb"); /* the @id resolved */
    assert_string_equal(pg.date, "2024-03-06");
    assert_string_equal(pg.url, "https://post.example/2024/03/05/bridge");
    assert_string_equal(pg.site, "The Ostrand Post");
    assert_string_equal(pg.lang, "en");
    assert_true(contains(pg.text, "First. The council"));
    assert_false(contains(pg.text, "Linnet bridge to close for repairs")); /* the title heading */
    html_page_free(&pg);
}

static void test_meta_opengraph_and_title_suffix(void **state)
{
    (void)state;
    /* no <h1>, no JSON-LD: og and article: meta, the <title> less its site name */
    const char *html =
        "<html><head><meta charset=\"utf-8\"><title>Ferry timetable changes - Velmora Herald</title>"
        "<meta property=\"og:site_name\" content=\"Velmora Herald\">"
        "<meta name=\"author\" content=\"By Helena Roskell\">"
        "<meta property=\"article:published_time\" content=\"2025-03-14T09:00:00Z\">"
        "<meta property=\"og:url\" content=\"https://herald.example/ferry\">"
        "<meta http-equiv=\"Content-Language\" content=\"de-AT\">"
        "</head><body>" PARA("Ferries.") "</body></html>";
    html_page pg;
    read_page(html, &pg);
    assert_string_equal(pg.title, "Ferry timetable changes");
    assert_string_equal(pg.author, "Helena Roskell");
    assert_string_equal(pg.date, "2025-03-14");
    assert_string_equal(pg.url, "https://herald.example/ferry");
    assert_string_equal(pg.site, "Velmora Herald");
    assert_string_equal(pg.lang, "de");
    html_page_free(&pg);
}

static void test_meta_in_the_page(void **state)
{
    (void)state;
    /* rel=author, <time datetime>, a double-escaped entity; site from the URL's host */
    const char *html =
        "<html><head><link rel=\"canonical\" href=\"https://www.ashwater.example/news/dam\">"
        "<meta property=\"og:title\" content=\"Dam &amp;#8211; what we know\"></head><body>"
        "<article><h2>Dam &#8211; what we know</h2>"
        "<p class=\"meta\">By <a rel=\"author\" href=\"/staff/ik\">Idris Kade</a>, "
        "<time datetime=\"2025-03-15T10:00\">15 March</time></p>" PARA("Dam.") PARA("More.")
        "</article></body></html>";
    html_page pg;
    read_page(html, &pg);
    assert_string_equal(pg.title, "Dam \xE2\x80\x93 what we know");
    assert_string_equal(pg.author, "Idris Kade");
    assert_string_equal(pg.date, "2025-03-15");
    assert_string_equal(pg.site, "ashwater.example");
    html_page_free(&pg);
}

/* Bylines as pages print them: the name and the role in separate elements, a label
 * ("Written by") with the name in the next element, a "By" line with no class; an
 * organization as JSON-LD author, the site's own name or a CMS account as meta author,
 * yields to a person's byline; a biography in an author box is not a name. */
static void test_meta_bylines(void **state)
{
    (void)state;
    html_page pg;
    read_page("<html><head><title>Kiln prices climb</title></head><body><article>"
              "<h1>Kiln prices climb</h1><div class=\"post-author\"><span>Wenna Sollis</span>"
              "<span>Senior Markets Reporter</span></div>" PARA("Kilns.") PARA("More.")
              "</article></body></html>", &pg);
    assert_string_equal(pg.author, "Wenna Sollis");
    html_page_free(&pg);
    read_page("<html><head><title>Ferry timetable</title>"
              "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":"
              "\"Ferry timetable\",\"author\":{\"@type\":\"Organization\",\"name\":\"Harbour "
              "Board\"}}</script></head><body><h1>Ferry timetable</h1><div><p>Updated</p>"
              "<p>3 May 2025</p><p>Written by</p><p>Osric Dunmore</p></div><main>"
              PARA("Ferries.") PARA("More.") "</main></body></html>", &pg);
    assert_string_equal(pg.author, "Osric Dunmore");
    html_page_free(&pg);
    read_page("<html><head><meta property=\"og:site_name\" content=\"Tillbrook Gazette\">"
              "<meta name=\"author\" content=\"Tillbrook Gazette\"></head><body><h1>Mill "
              "reopens</h1><p>By <a href=\"/who/ap\">Anwen Pryce</a></p>" PARA("Mill.")
              PARA("More.") "</body></html>", &pg);
    assert_string_equal(pg.author, "Anwen Pryce");
    html_page_free(&pg);
    /* a CMS account as meta author yields to the printed byline */
    read_page("<html><head><meta name=\"author\" content=\"edit.desk\"></head><body><h1>Mill "
              "reopens</h1><p>By <a href=\"/who/ap\">Anwen Pryce</a></p>" PARA("Mill.")
              "</body></html>", &pg);
    assert_string_equal(pg.author, "Anwen Pryce");
    html_page_free(&pg);
    /* a lowercase "by:" label, the name in the next text; the twitter:label1 pair */
    read_page("<html><body><h1>Kiln prices</h1><p><span>by:</span> <a href=\"/tv\">Teodor "
              "Vass</a></p>" PARA("Kilns.") "</body></html>", &pg);
    assert_string_equal(pg.author, "Teodor Vass");
    html_page_free(&pg);
    read_page("<html><head><meta name=\"twitter:label1\" content=\"Written by\"><meta name="
              "\"twitter:data1\" content=\"Maren Holt\"></head><body><h1>Kilns</h1>"
              PARA("Kilns.") "</body></html>", &pg);
    assert_string_equal(pg.author, "Maren Holt");
    html_page_free(&pg);
    /* nothing but an organization: it is still the author */
    read_page("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
              "\"headline\":\"Tides\",\"author\":{\"@type\":\"Organization\",\"name\":"
              "\"Harbour Board\"}}</script></head><body><h1>Tides</h1>" PARA("Tides.")
              "<div class=\"author-box\"><p>Lorin Vale has covered the coast for the paper "
              "since the floods, and before that taught geography at the county school for "
              "a decade, which is where the interest in tides began.</p></div>"
              "</body></html>", &pg);
    assert_string_equal(pg.author, "Harbour Board");
    html_page_free(&pg);
}

/* Dates as pages print them (html_date.c), and a publication date under a meta name
 * outside the known list. */
static void test_printed_dates(void **state)
{
    (void)state;
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"September 1st, 2023", "2023-09-01"}, {"December 15th 2025 by", "2025-12-15"},
        {"23.07.2025", "2025-07-23"},          {"10/31/2024", "2024-10-31"},
        {"15/12/2025", "2025-12-15"},          {"03/09/2026", "2026-03-09"},
        {"2023 Jan 7;15(1)", "2023-01-07"},    {"4. M\xC3\xA4rz 2025", "2025-03-04"},
        {"12 mars 2025", "2025-03-12"},        {"3 de marzo de 2025", "2025-03-03"},
        {"21 ottobre 2024", "2024-10-21"},     {"Feb 16, 2026", "2026-02-16"},
        {"1 augustus 2022", "2022-08-01"},     {"5 de setembro de 2021", "2021-09-05"},
        {"2025.12.17 |", "2025-12-17"},        {"2024/03/09", "2024-03-09"},
    };
    char ymd[11];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        assert_int_equal(html_date_parse(cases[i].in, ymd), 0);
        assert_string_equal(ymd, cases[i].want);
    }
    const char *no[] = {"10 Marketing 2025", "31.02.2025", "1.5 million in 2025", "Page 2 of 3",
                        "2 Min Read", "13/13/2025", "2025.13.02"};
    for (size_t i = 0; i < sizeof no / sizeof *no; i++) assert_int_equal(html_date_parse(no[i], ymd), -1);
    html_page pg;
    read_page("<html><head><meta name=\"w-published-date\" content=\"2025-05-27T06:03:43Z\">"
              "</head><body><h1>Quarry plan</h1>" PARA("Quarry.") "</body></html>", &pg);
    assert_string_equal(pg.date, "2025-05-27");
    html_page_free(&pg);
    read_page("<html><body><h1>Orchard grant</h1><p class=\"info\">Posted 17.05.2021</p>"
              PARA("Orchard.") "</body></html>", &pg);
    assert_string_equal(pg.date, "2021-05-17");
    html_page_free(&pg);
    /* printed just before the headline; a date far above it (a ticker) is not the page's */
    read_page("<html><body><div>Markets 3 January 2024</div>" PARA("Ticker.") PARA("Menu.")
              "<p>February 4, 2025 - 11 minutes</p><h1>Orchard grant</h1>" PARA("Orchard.")
              "</body></html>", &pg);
    assert_string_equal(pg.date, "2025-02-04");
    html_page_free(&pg);
    read_page("<html><body><div>Markets 3 January 2024</div>" PARA("Ticker.") PARA("Menu.")
              PARA("More.") "<h1>Orchard grant</h1>" PARA("Orchard.") "</body></html>", &pg);
    assert_null(pg.date);
    html_page_free(&pg);
}

/* An <h1> that is the site's name (a blog's heading on every page) is not the headline,
 * though the <title> holds it: "Headline | Blog" agrees with the h1 only in its site part. */
static void test_meta_title_h1_is_the_site(void **state)
{
    (void)state;
    html_page pg;
    read_page("<html><head><title>Pruning old pear trees in the first weeks of winter | Orchard Notes</title></head><body>"
              "<h1>Orchard Notes</h1><h2>Pruning old pear trees in the first weeks of winter</h2>" PARA("Pears.")
              PARA("More.") "</body></html>", &pg);
    assert_string_equal(pg.title, "Pruning old pear trees in the first weeks of winter");
    html_page_free(&pg);
    read_page("<html><head><title>Pruning old pear trees in the first weeks of winter | Orchard Notes</title></head><body>"
              "<h1>Pruning old pear trees in the first weeks of winter</h1>" PARA("Pears.") "</body></html>", &pg);
    assert_string_equal(pg.title, "Pruning old pear trees in the first weeks of winter");
    html_page_free(&pg);
}

static void test_meta_dates_in_text_and_url(void **state)
{
    (void)state;
    const char *printed = "<html><body><h1>Storm warning for the coast</h1>"
                          "<div class=\"story-meta\"><span>Published Sept. 4, 2025</span></div>"
                          PARA("Storm.") "</body></html>";
    html_page pg;
    read_page(printed, &pg);
    assert_string_equal(pg.title, "Storm warning for the coast");
    assert_string_equal(pg.date, "2025-09-04");
    html_page_free(&pg);

    const char *in_url = "<html><head><link rel=canonical href=\"https://x.example/2023/11/30/"
                         "story.html\"></head><body>" PARA("Url.") "</body></html>";
    read_page(in_url, &pg);
    assert_string_equal(pg.date, "2023-11-30");
    html_page_free(&pg);
}

/* Text enough to take what follows beyond the headline's neighbourhood (1,500 bytes). */
#define TEN_PARAS                                                                                  \
    PARA("One.") PARA("Two.") PARA("Three.") PARA("Four.") PARA("Five.") PARA("Six.")              \
    PARA("Seven.") PARA("Eight.") PARA("Nine.") PARA("Ten.")

/* The publication day html_read finds on a page. */
static void assert_date(const char *html, const char *want)
{
    html_page pg;
    read_page(html, &pg);
    assert_string_equal(pg.date, want);
    html_page_free(&pg);
}

/* Dates a page gives beside its declared one: JSON-LD carried in a meta tag; a note that
 * the text was first published earlier; an element marked as the publication date when
 * the declared day is the day it was modified (stamped anew); a numeric day read in the
 * wrong order, which the URL's date (month by name) puts right. */
static void test_meta_dates_beside_the_declared(void **state)
{
    (void)state;
    assert_date("<html><head><meta name=\"script:ld+json\" content=\"{&quot;@type&quot;:"
                "&quot;NewsArticle&quot;,&quot;datePublished&quot;:"
                "&quot;2024-02-03T08:00:00Z&quot;}\"></head><body>"
                "<h1>Ferry timetable changes</h1>" PARA("Ferry.") "</body></html>",
                "2024-02-03");

    const char *note = "<html><head><meta property=\"article:published_time\" "
                       "content=\"2023-05-01T10:00:00Z\"></head><body><h1>Moor restoration</h1>"
                       PARA("Moor.") "<p><em>This story was originally published on 4 March 2019 "
                       "and has been updated.</em></p></body></html>";
    assert_date(note, "2019-03-04");
    /* an article's sentence about another text is no note about the page (far below
     * the headline, where the rule for a date printed near it does not reach) */
    assert_date("<html><head><meta property=\"article:published_time\" content=\"2023-05-01\">"
                "</head><body><h1>Moor restoration</h1>" TEN_PARAS
                "<p>The survey, first published on 4 March 2019, counted 40 nesting pairs.</p>"
                "</body></html>",
                "2023-05-01");
    assert_date("<html><head><meta property=\"article:published_time\" content=\"2023-05-01\">"
                "</head><body><h1>Moor restoration</h1>" TEN_PARAS
                "<p><i>Originally published on 4 March 2019.</i></p></body></html>",
                "2019-03-04");
    /* a later "originally published" day does not replace an earlier declared one */
    assert_date("<html><head><meta property=\"article:published_time\" content=\"2018-01-01\">"
                "</head><body><h1>Moor restoration</h1>" PARA("Moor.")
                "<p>This story was originally published on 4 March 2019.</p></body></html>",
                "2018-01-01");

    /* (far below the headline: a date printed near it is taken by an older rule) */
    const char *stamped = "<html><head><script type=\"application/ld+json\">{\"@type\":\"Article\","
                          "\"datePublished\":\"2025-11-29T12:00:00Z\",\"dateModified\":"
                          "\"2025-11-29T12:00:00Z\"}</script></head><body>"
                          "<h1>Tool library opens</h1>"
                          TEN_PARAS
                          "<div>Published <time pubdate datetime=\"2025-08-13\">"
                          "August 13, 2025</time>"
                          "</div></body></html>";
    assert_date(stamped, "2025-08-13");

    const char *swapped = "<html><head><link rel=canonical href=\"https://x.example/blog/2023/"
                          "october/03/tides\"></head><body><h1>Reading the tide tables</h1>"
                          "<div class=\"blog-date\">03/10/2023</div>" PARA("Tides.")
                          "</body></html>";
    assert_date(swapped, "2023-10-03");
}

/* ---- the main text ---------------------------------------------------------------------- */

static const char *BOILER_PAGE =
    "<!DOCTYPE html><html><head><title>Kestrel Dam bursts</title></head><body>\n"
    "<div id=\"cookie-consent\">We use cookies to improve your experience. By continuing to "
    "browse this site you agree to our use of cookies, as described in our policy.</div>\n"
    "<header class=\"site-header\"><a href=\"/\">Velmora Herald</a></header>\n"
    "<nav><ul><li><a href=\"/world\">World</a></li><li><a href=\"/sport\">Sport</a></li>"
    "<li><a href=\"/weather\">Weather</a></li></ul></nav>\n"
    "<main><article><h1>Kestrel Dam bursts</h1>\n"
    "<ul class=\"share-buttons\"><li><a href=\"#\">Share on Facebook</a></li>"
    "<li><a href=\"#\">Share on X</a></li></ul>\n"
    "<div class=\"article-body\">\n"
    "<p>The Kestrel Dam gave way at about 4:40 a.m. on Friday after four days of heavy rain, "
    "sending a wall of water through three villages in the Ashwater valley.</p>\n"
    "<figure><img src=\"dam.jpg\"><figcaption>The breach seen from the east bank. Photo: "
    "Lena Ostrova/Herald</figcaption></figure>\n"
    "<p>Rescue teams worked through the night, and the regional authority said at least twelve "
    "people had died and dozens more were missing.</p>\n"
    "<h2>Warnings ignored</h2>\n"
    "<p>Engineers had rated the 41-meter earthen dam as serviceable only eight days before it "
    "failed, according to documents seen by the Herald.</p>\n"
    "<div class=\"newsletter-signup\">Sign up for our morning briefing and get the day's most "
    "important stories delivered to your inbox every weekday.</div>\n"
    "<p>&ldquo;We lost the spillway in minutes, not hours,&rdquo; said Idris Malvenne, who "
    "leads the water authority, at a briefing on Saturday morning.</p>\n"
    "</div>\n"
    "<aside class=\"related-articles\"><h3>Related</h3><ul>"
    "<li><a href=\"/a\">Floods close the Ostrand road for a second week running</a></li>"
    "<li><a href=\"/b\">Ashwater council approves emergency budget for flood defences</a></li>"
    "<li><a href=\"/c\">How the valley's reservoirs are managed, and by whom</a></li></ul></aside>\n"
    "</article>\n"
    "<section id=\"comments\"><h3>Comments</h3><p>This is a disgrace and somebody should answer "
    "for it, the warnings were there for years and nobody listened to anyone.</p></section>\n"
    "</main><footer><p>&copy; 2025 Velmora Herald. All rights reserved.</p></footer>"
    "</body></html>";

static void test_main_drops_boilerplate(void **state)
{
    (void)state;
    html_page pg;
    read_page(BOILER_PAGE, &pg);
    assert_non_null(pg.text);
    assert_true(contains(pg.text, "The Kestrel Dam gave way"));
    assert_true(contains(pg.text, "Rescue teams worked"));
    assert_true(contains(pg.text, "Warnings ignored")); /* a heading inside the article */
    assert_true(contains(pg.text, "\xE2\x80\x9CWe lost the spillway")); /* &ldquo; decoded */
    static const char *const gone[] = {"cookies", "World", "Share on", "Photo:", "breach seen",
                                       "Sign up", "Related", "Ostrand road", "disgrace",
                                       "All rights", "Velmora Herald"};
    for (size_t i = 0; i < sizeof gone / sizeof *gone; i++) {
        if (contains(pg.text, gone[i])) fail_msg("'%s' was kept:\n%s", gone[i], pg.text);
    }
    /* paragraphs are separated by one blank line, and each knows its bytes in the page */
    assert_true(contains(pg.text, "villages in the Ashwater valley.\n\nRescue teams"));
    assert_int_equal(pg.n_paras, 5);
    for (size_t i = 0; i < pg.n_paras; i++) {
        html_para *p = &pg.paras[i];
        assert_true(p->start < p->end && p->end <= pg.len);
        assert_true(p->src < p->src_end && p->src_end <= strlen(BOILER_PAGE));
        /* the paragraph's first word is where its range starts in the page */
        size_t w = strcspn(pg.text + p->start, " ");
        if (pg.text[p->start] != '\xE2')
            assert_memory_equal(BOILER_PAGE + p->src, pg.text + p->start, w);
    }
    html_page_free(&pg);
}

static void test_main_text_in_divs_and_breaks(void **state)
{
    (void)state;
    /* no <p>: text in a div, paragraphs made by <br><br>; a sidebar of links beside it */
    const char *html =
        "<html><body><div id=\"sidebar\"><a href=\"/1\">Home</a> <a href=\"/2\">Archive</a> "
        "<a href=\"/3\">Contact</a></div><div class=\"post\">"
        "The harvest in the upper valley was the best in a decade, farmers said on Monday, "
        "with yields up by a fifth on last year.<br><br>Prices at the Ostrand market fell "
        "as a result, and some growers said they would store grain until the winter.<br>"
        "A second line of the same paragraph.</div></body></html>";
    html_page pg;
    read_page(html, &pg);
    assert_non_null(pg.text);
    assert_true(contains(pg.text, "on last year.\n\nPrices at the Ostrand"));
    assert_true(contains(pg.text, "until the winter.\nA second line"));
    assert_false(contains(pg.text, "Archive"));
    html_page_free(&pg);
}

/* A class name that marks boilerplate yields on an element holding paragraphs of prose
 * (a theme's "content-nav-section" around each part of the article), not on a menu of
 * links, a comment section or a footer's fine print, whatever their length. */
static void test_main_named_sections_with_prose(void **state)
{
    (void)state;
    html_page pg;
    read_page("<html><body><nav class=\"site-menu\"><a href=\"/a\">Home</a> <a href=\"/b\">News"
              "</a></nav><main><h1>Hedgerows return</h1><div class=\"content-nav-section\">"
              PARA("Hedgerows are back.") PARA("Farmers planted.") PARA("Birds followed.")
              PARA("Counts rose.") "</div><div class=\"comments\">" PARA("A reader wrote.")
              PARA("Another reader replied.") PARA("A third joined.") PARA("And a fourth.")
              "</div></main><div class=\"site-footer\">" PARA("Fine print.") PARA("Terms.")
              PARA("Notices.") PARA("Policies.") "</div></body></html>", &pg);
    assert_true(contains(pg.text, "Hedgerows are back."));
    assert_true(contains(pg.text, "Counts rose."));
    assert_false(contains(pg.text, "Home"));
    assert_false(contains(pg.text, "A reader wrote."));
    assert_false(contains(pg.text, "Fine print."));
    html_page_free(&pg);
}

/* A page that prints its text twice (a copy for small screens beside the one for large)
 * yields it once; short lines that repeat in earnest stay. */
static void test_main_text_printed_twice(void **state)
{
    (void)state;
#define LONG_P "<p>The valley's orchards lost most of their blossom to the late frost, and the " \
               "growers' cooperative said on Monday that the apple harvest would be the smallest " \
               "in twenty years, with pears faring only a little better and plums, which " \
               "flower later, hardly touched at all.</p>"
    html_page pg;
    read_page("<html><body><article><div class=\"m\">" LONG_P PARA("Frost.") "</div>"
              "<div class=\"d\">" LONG_P PARA("Frost.") "</div><p>Serve with 1 cup of cream.</p>"
              PARA("Cream.") "<p>Serve with 1 cup of cream.</p>" PARA("Again.")
              "</article></body></html>", &pg);
    const char *first = strstr(pg.text, "late frost");
    assert_non_null(first);
    assert_null(strstr(first + 1, "late frost"));
    first = strstr(pg.text, "1 cup of cream");
    assert_non_null(first);
    assert_non_null(strstr(first + 1, "1 cup of cream"));
    html_page_free(&pg);
#undef LONG_P
}

/* React's streamed segments (<div hidden id="S:0">, moved in by a script in place of a
 * loading placeholder) are read as the page shows them; other hidden text is not. */
static void test_main_streamed_segment(void **state)
{
    (void)state;
    html_page pg;
    read_page("<html><body><header><a href=\"/\">Home</a></header><main><h1>Canal locks</h1>"
              "<p>Key points: the locks reopen.</p><template id=\"B:0\"></template><p>Loading"
              "</p></main><aside>" PARA("Elsewhere.") PARA("Also elsewhere.") "</aside>"
              "<div hidden id=\"S:0\">" PARA("The locks reopen.") PARA("Boats queued.") "</div>"
              "<div hidden>" PARA("Secret.") "</div></body></html>", &pg);
    assert_true(contains(pg.text, "The locks reopen."));
    assert_true(contains(pg.text, "Boats queued."));
    assert_false(contains(pg.text, "Secret."));
    html_page_free(&pg);
}

/* A social post embedded in the article is quoted text, though its wrapper's class says
 * "social"; a share bar stays out. */
static void test_main_embedded_post(void **state)
{
    (void)state;
    html_page pg;
    read_page("<html><body><article><h1>Ferry strike</h1>" PARA("Crews walked out.")
              "<div class=\"social-share\"><a href=\"/s\">Share this story with friends</a></div>"
              "<div class=\"social-media-embed\"><blockquote class=\"twitter-tweet\"><p>No boats "
              "to the islands today, and none tomorrow either, says the union.</p></blockquote>"
              "</div>" PARA("Talks resume.") "</article></body></html>", &pg);
    assert_true(contains(pg.text, "No boats to the islands today"));
    assert_false(contains(pg.text, "Share this story"));
    html_page_free(&pg);
}

static void test_main_hidden_and_furniture(void **state)
{
    (void)state;
    const char *html = "<html><body><article>" PARA("Visible.")
        "<p style=\"display: none\">Hidden paragraph that a script would reveal later, long "
        "enough to count as text if it were not hidden from every reader.</p>"
        "<p hidden>Also hidden.</p><div aria-hidden=\"true\">Decorative text.</div>"
        "<p>Advertisement</p>" PARA("After.") "<p>Read more: Ten things to know</p>"
        "</article></body></html>";
    html_page pg;
    read_page(html, &pg);
    assert_true(contains(pg.text, "Visible."));
    assert_true(contains(pg.text, "After."));
    assert_false(contains(pg.text, "Hidden"));
    assert_false(contains(pg.text, "hidden"));
    assert_false(contains(pg.text, "Decorative"));
    assert_false(contains(pg.text, "Advertisement"));
    assert_false(contains(pg.text, "Read more"));
    html_page_free(&pg);
}

/* ---- charsets -------------------------------------------------------------------------- */

static void test_charset_declared(void **state)
{
    (void)state;
    /* windows-1252: e-acute, curly quotes, euro */
    const char *w1252 = "<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xE9 "
                        "owners said \x93no\x94 to the \x80" "5 fee, which the council had "
                        "proposed in the spring and defended all summer long.</p></body></html>";
    html_page pg;
    read_page(w1252, &pg);
    assert_string_equal(pg.charset, "WINDOWS-1252");
    assert_true(contains(pg.text, "Caf\xC3\xA9 owners said \xE2\x80\x9Cno\xE2\x80\x9D to the "
                                  "\xE2\x82\xAC" "5 fee"));
    assert_int_equal(read_utf8_check(pg.text, pg.len, NULL), 0);
    html_page_free(&pg);

    /* ISO-8859-1 is read as windows-1252, as browsers do */
    const char *latin1 = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                         "charset=ISO-8859-1\"></head><body><p>M\xFCnchen und K\xF6ln meldeten am "
                         "Montag starke Regenf\xE4lle, die Feuerwehr r\xFC" "ckte mehrmals aus."
                         "</p></body></html>";
    read_page(latin1, &pg);
    assert_true(contains(pg.text, "M\xC3\xBCnchen und K\xC3\xB6ln"));
    html_page_free(&pg);

    /* Shift_JIS through iconv */
    const char *sjis = "<html><head><meta charset=\"shift_jis\"></head><body><p>\x93\xFA\x96\x7B"
                       "</p></body></html>";
    read_page(sjis, &pg);
    assert_string_equal(pg.charset, "SHIFT_JIS");
    assert_true(contains(pg.text, "\xE6\x97\xA5\xE6\x9C\xAC")); /* 日本 */
    html_page_free(&pg);
}

static void test_charset_lies_and_garbage(void **state)
{
    (void)state;
    /* declared Latin-1, but the bytes are UTF-8: the bytes win */
    const char *liar = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Z\xC3\xBCrich "
                       "\xE2\x80\x94 caf\xC3\xA9</p></body></html>";
    html_page pg;
    read_page(liar, &pg);
    assert_string_equal(pg.charset, "UTF-8");
    assert_true(contains(pg.text, "Z\xC3\xBCrich \xE2\x80\x94 caf\xC3\xA9"));
    html_page_free(&pg);

    /* declared UTF-8 with one stray byte: it becomes U+FFFD, the rest is kept */
    const char *stray = "<html><head><meta charset=utf-8></head><body><p>na\xC3\xAFve "
                        "\xFF caf\xC3\xA9</p></body></html>";
    read_page(stray, &pg);
    assert_true(contains(pg.text, "na\xC3\xAFve \xEF\xBF\xBD caf\xC3\xA9"));
    html_page_free(&pg);

    /* a declared charset iconv does not know: windows-1252 */
    charset_out co;
    const char *unknown = "<meta charset=\"x-no-such-charset\"><p>d\xE9j\xE0</p>";
    charset_utf8(unknown, strlen(unknown), &co);
    assert_string_equal(co.name, "WINDOWS-1252");
    assert_int_equal(read_utf8_check(co.data, co.len, NULL), 0);
    free(co.owned);

    /* UTF-16 with a byte-order mark */
    const char u16[] = "\xFF\xFE<\0p\0>\0\xE9\0<\0/\0p\0>\0";
    charset_utf8(u16, sizeof u16 - 1, &co);
    assert_string_equal(co.name, "UTF-16LE");
    assert_string_equal(co.data, "<p>\xC3\xA9</p>");
    free(co.owned);

    /* valid UTF-8 without a declaration is used as it is, without a copy */
    const char *plain = "<p>\xC3\xA9t\xC3\xA9</p>";
    charset_utf8(plain, strlen(plain), &co);
    assert_ptr_equal(co.data, plain);
    assert_null(co.owned);
}

/* UTF-8 encoded twice (read once as windows-1252 or Latin-1): decoded once, on a page
 * with two such runs or more; one alone is left as it is. */
static void test_charset_twice_encoded(void **state)
{
    (void)state;
    charset_out co;
    /* the right single quote as windows-1252 read it (â€™), then as Latin-1 (â\x80\x99),
     * and an e-acute (Ã©) */
    const char *twice = "<p>the ferry\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s crew, the harbour"
                        "\xC3\xA2\xC2\x80\xC2\x99s caf\xC3\x83\xC2\xA9</p>";
    charset_utf8(twice, strlen(twice), &co);
    assert_string_equal(co.data, "<p>the ferry\xE2\x80\x99s crew, the harbour\xE2\x80\x99s "
                                 "caf\xC3\xA9</p>");
    free(co.owned);
    const char *once = "<p>symbols: \xC3\x83\xC2\xA9 and \xC3\xA9t\xC3\xA9</p>";
    charset_utf8(once, strlen(once), &co);
    assert_ptr_equal(co.data, once);
    free(co.owned);
    /* a run that spells no valid sequence (an overlong form) is left */
    const char *overlong = "<p>\xC3\xA0\xC2\x80\xC2\x80 and \xC3\xA0\xC2\x80\xC2\x80</p>";
    charset_utf8(overlong, strlen(overlong), &co);
    assert_ptr_equal(co.data, overlong);
    free(co.owned);
}

/* ---- malformed and hostile pages --------------------------------------------------------- */

static void check_page(const char *buf, size_t len)
{
    html_page pg;
    html_read(buf, len, &pg);
    if (pg.text) {
        assert_int_equal(strlen(pg.text), pg.len);
        assert_int_equal(read_utf8_check(pg.text, pg.len, NULL), 0);
    }
    const char *meta[] = {pg.title, pg.author, pg.url, pg.site, pg.lang, pg.date};
    for (size_t i = 0; i < 6; i++)
        if (meta[i]) assert_int_equal(read_utf8_check(meta[i], strlen(meta[i]), NULL), 0);
    html_page_free(&pg);
}

static void test_malformed(void **state)
{
    (void)state;
    static const char *const pages[] = {
        "",
        "<",
        "<html",
        "<p>unclosed <b>bold <i>italic <p>next",
        "<table><tr><td><p>cell</table></p></td>text after",
        "</div></div></body></html>stray end tags first",
        "<html><body><p>cut in the middle of a tag <a href=\"x",
        "<script>never closed <p>not text",
        "<!-- a comment that never ends <p>text",
        "<html><head><meta charset=\"\"><meta charset=\"utf-16\"></head><p>x</p>",
        "<script type=\"application/ld+json\">{\"@graph\":[[[[[[[[[[[[[[[[{\"@type\":\"Article\"}]]",
        "<script type=\"application/ld+json\">{\"headline\": \"\\u0000\"}</script>",
        "<meta property=\"og:title\" content=\"&#0; &#xD800; &#99999999; &amp\">",
        "<p>&#0;&#xD800;&#x110000;&#1114111;</p>",
    };
    for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) check_page(pages[i], strlen(pages[i]));
}

static void test_deep_nesting(void **state)
{
    (void)state;
    const char *opens[] = {"<div>", "<b>", "<table><tr><td>", "<span><p>", "<ul><li>"};
    for (size_t k = 0; k < sizeof opens / sizeof *opens; k++) {
        sf_buf b = {0};
        for (int i = 0; i < 100000; i++) sf_buf_adds(&b, opens[k]);
        sf_buf_adds(&b, "The text at the bottom of a very deep page, long enough to be an "
                        "article paragraph, with a full stop at the end.");
        check_page(b.data, b.len);
        sf_buf_free(&b);
    }
}

static void test_binary_and_large(void **state)
{
    (void)state;
    /* bytes from a fixed generator, NULs included */
    size_t n = 1 << 20;
    char *g = sf_xmalloc(n);
    uint32_t x = 2463534242u;
    for (size_t i = 0; i < n; i++) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        g[i] = (char)(x & 0xFF);
        if ((x >> 8) % 17 == 0) g[i] = '<';
    }
    check_page(g, n);
    free(g);

    /* a 20 MB page of paragraphs: read whole, in bounded memory */
    sf_buf b = {0};
    sf_buf_adds(&b, "<html><body><article>");
    while (b.len < 20u << 20) sf_buf_adds(&b, PARA("Large."));
    sf_buf_adds(&b, "</article></body></html>");
    html_page pg;
    html_read(b.data, b.len, &pg);
    assert_non_null(pg.text);
    assert_false(pg.truncated);
    assert_true(pg.n_paras > 100000);
    html_page_free(&pg);

    /* more nodes than the tree holds: the first part is read, the page is marked */
    b.len = 0;
    sf_buf_adds(&b, "<html><body>" PARA("Start."));
    while (b.len < 20u << 20) sf_buf_adds(&b, "<i></i>");
    html_read(b.data, b.len, &pg);
    assert_true(pg.truncated);
    assert_true(contains(pg.text, "Start."));
    html_page_free(&pg);
    sf_buf_free(&b);
}

/* ---- as a reader ---------------------------------------------------------------------------- */

typedef struct got {
    sf_doc *doc;
    int docs, rejects;
    char why[256];
} got;

static int on_doc(sf_doc *d, void *ctx)
{
    got *g = ctx;
    g->docs++;
    if (g->doc) sf_doc_free(g->doc);
    g->doc = d;
    return 0;
}

static void on_reject(const char *path, const char *where, const char *reason, void *ctx)
{
    got *g = ctx;
    g->rejects++;
    snprintf(g->why, sizeof g->why, "%s", reason);
}

static void test_read_html_buf(void **state)
{
    (void)state;
    got g = {0};
    sf_reader rd = {on_doc, on_reject, &g, NULL, NULL};
    assert_int_equal(read_html_buf("page.html", BOILER_PAGE, strlen(BOILER_PAGE), &rd), 0);
    assert_int_equal(g.docs, 1);
    assert_string_equal(g.doc->path, "page.html");
    assert_string_equal(g.doc->title, "Kestrel Dam bursts");
    assert_true(g.doc->len == strlen(g.doc->text) && contains(g.doc->text, "Rescue teams"));
    sf_doc_free(g.doc);
    g.doc = NULL;

    const char *nav = "<html><body><nav><a href=\"/\">Home</a></nav></body></html>";
    assert_int_equal(read_html_buf("nav.html", nav, strlen(nav), &rd), 1);
    assert_string_equal(g.why, "no article text found in the HTML");
}

static void write_gz(const char *path, const char *data, size_t n, size_t cut)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
    size_t cap = deflateBound(&z, n);
    unsigned char *out = sf_xmalloc(cap);
    z.next_in = (unsigned char *)data;
    z.avail_in = (uInt)n;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    size_t len = cap - z.avail_out;
    deflateEnd(&z);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(out, 1, cut && cut < len ? cut : len, f);
    fclose(f);
    free(out);
}

static void test_html_gz_files(void **state)
{
    (void)state;
    char dir[] = "/tmp/storyfold-html.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char good[64], cut[64];
    snprintf(good, sizeof good, "%s/a.html.gz", dir);
    snprintf(cut, sizeof cut, "%s/b.html.gz", dir);
    write_gz(good, BOILER_PAGE, strlen(BOILER_PAGE), 0);
    write_gz(cut, BOILER_PAGE, strlen(BOILER_PAGE), 200);
    got g = {0};
    sf_reader rd = {on_doc, on_reject, &g, NULL, NULL};
    assert_int_equal(sf_read_path(good, &rd), 0);
    assert_int_equal(g.docs, 1);
    assert_true(contains(g.doc->text, "The Kestrel Dam gave way"));
    assert_int_equal(sf_read_path(cut, &rd), 1);
    assert_string_equal(g.why, "truncated gzip");
    sf_doc_free(g.doc);
    unlink(good);
    unlink(cut);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_meta_jsonld),
        cmocka_unit_test(test_meta_opengraph_and_title_suffix),
        cmocka_unit_test(test_meta_in_the_page),
        cmocka_unit_test(test_meta_bylines),
        cmocka_unit_test(test_printed_dates),
        cmocka_unit_test(test_meta_title_h1_is_the_site),
        cmocka_unit_test(test_meta_dates_in_text_and_url),
        cmocka_unit_test(test_meta_dates_beside_the_declared),
        cmocka_unit_test(test_main_drops_boilerplate),
        cmocka_unit_test(test_main_text_in_divs_and_breaks),
        cmocka_unit_test(test_main_hidden_and_furniture),
        cmocka_unit_test(test_main_embedded_post),
        cmocka_unit_test(test_main_streamed_segment),
        cmocka_unit_test(test_main_text_printed_twice),
        cmocka_unit_test(test_main_named_sections_with_prose),
        cmocka_unit_test(test_charset_declared),
        cmocka_unit_test(test_charset_lies_and_garbage),
        cmocka_unit_test(test_charset_twice_encoded),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_binary_and_large),
        cmocka_unit_test(test_read_html_buf),
        cmocka_unit_test(test_html_gz_files),
    };
    return cmocka_run_group_tests_name("html", tests, NULL, NULL);
}
