/* test_feed.c — the feed reader (src/read/feed.c, fragment.c): RSS 2.0, RSS 1.0 and Atom
 * items with their metadata and text, HTML in every form feeds carry it, missing
 * fields, malformed XML, entities that must not be expanded (XXE, billion laughs), and
 * sniffing. Every feed here is made up. */
#include "core/mem.h"
#include "read/fragment.h"
#include "read/read.h"
#include "storyfold.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "collect.h"

static int feed(got *g, const char *s)
{
    sf_reader rd = {on_doc, on_reject, g, NULL, NULL};
    return read_feed_buf("f.rss", s, strlen(s), &rd);
}

/* ---- RSS 2.0 ----------------------------------------------------------------------------- */

static const char rss[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n"
    "     xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
    "<channel><title>Lenmouth &amp; District Gazette</title><language>en-GB</language>\n"
    "<link>https://gazette.example/</link><description>Local news</description>\n"
    "<item><title>Bridge reopens &amp;amp; traffic returns</title>\n"
    "  <link> https://gazette.example/bridge </link>\n"
    "  <pubDate>Tue, 01 Apr 2025 09:30:00 +0100</pubDate><dc:creator>Mara Quill</dc:creator>\n"
    "  <guid isPermaLink=\"false\">gz-2025-0401</guid>\n"
    "  <description>A &lt;b&gt;teaser&lt;/b&gt; only</description>\n"
    "  <content:encoded><![CDATA[<p>The harbour bridge reopened on <b>Tuesday</b>.</p>\n"
    "<p>Engineers replaced forty cables.<br>It cost 3.4&nbsp;million crowns.</p>"
    "<script>track()</script><figure><img src=x><figcaption>Photo: Archive</figcaption></figure>"
    "<ul><li>First</li><li>Second</li></ul>]]></content:encoded></item>\n"
    "<item><title>Ferries &lt;em&gt;return&lt;/em&gt;</title>\n"
    "  <author>desk@gazette.example (Ed Lark)</author>\n"
    "  <guid>https://gazette.example/ferries</guid>\n"
    "  <pubDate>Wed, 02 Apr 25 07:00:00 GMT</pubDate>\n"
    "  <description>&lt;p&gt;Ferries return to the winter timetable.&lt;/p&gt;&lt;p&gt;Tickets "
    "are &amp;pound;3.&lt;/p&gt;</description></item>\n"
    "<item><description>Plain words, no markup, no title.</description>"
    "<author>desk@gazette.example</author></item>\n"
    "<item><title>Nothing to read</title><link>https://gazette.example/empty</link></item>\n"
    "</channel></rss>\n";

static void test_rss2(void **state)
{
    (void)state;
    got *g = got_new();
    assert_int_equal(feed(g, rss), 1);
    assert_int_equal(g->n_docs, 3);
    sf_doc *d = g->docs[0];
    assert_string_equal(d->path, "f.rss#1");
    assert_string_equal(d->title, "Bridge reopens & traffic returns");
    assert_string_equal(d->url, "https://gazette.example/bridge");
    assert_string_equal(d->date, "2025-04-01");
    assert_string_equal(d->author, "Mara Quill");
    assert_string_equal(d->ext_id, "gz-2025-0401");
    assert_string_equal(d->source, "Lenmouth & District Gazette");
    assert_string_equal(d->lang, "en");
    /* content:encoded wins over description; script and caption left out */
    assert_string_equal(d->text, "The harbour bridge reopened on Tuesday.\n\n"
                                 "Engineers replaced forty cables.\nIt cost 3.4 million crowns."
                                 "\n\nFirst\n\nSecond");
    assert_int_equal(d->len, strlen(d->text));

    d = g->docs[1];
    assert_string_equal(d->title, "Ferries return"); /* escaped markup in a title */
    assert_string_equal(d->author, "Ed Lark");
    assert_string_equal(d->url, "https://gazette.example/ferries"); /* a permalink guid */
    assert_string_equal(d->date, "2025-04-02");                     /* RFC 822 year */
    assert_string_equal(d->text, "Ferries return to the winter timetable.\n\n"
                                 "Tickets are \xC2\xA3" "3.");

    d = g->docs[2];
    assert_string_equal(d->path, "f.rss#3");
    assert_null(d->title);
    assert_null(d->url);
    assert_null(d->date);
    assert_null(d->author); /* a bare address is no name */
    assert_string_equal(d->text, "Plain words, no markup, no title.");

    assert_string_equal(g->why[0], "no text in the item");
    assert_string_equal(g->where[0], "item 4");
    assert_string_equal(g->rpath[0], "f.rss");
    got_free(g);
}

static void test_default_date_and_stop(void **state)
{
    (void)state;
    got *g = got_new();
    sf_reader rd = {on_doc, on_reject, g, "2025-05-05", NULL};
    assert_int_equal(read_feed_buf("f.rss", rss, strlen(rss), &rd), 1);
    assert_string_equal(g->docs[0]->date, "2025-04-01");
    assert_string_equal(g->docs[2]->date, "2025-05-05");
    got_free(g);

    g = got_new();
    g->stop_after = 1;
    feed(g, rss);
    assert_int_equal(g->n_docs, 1);
    assert_int_equal(g->n_rej, 0);
    got_free(g);
}

/* ---- RSS 1.0 and Atom -------------------------------------------------------------------- */

static void test_rss1(void **state)
{
    (void)state;
    const char *in =
        "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"\n"
        " xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
        "<channel rdf:about=\"https://wire.example/\"><title>Wire</title>"
        "<dc:language>de</dc:language></channel>\n"
        "<item rdf:about=\"https://wire.example/1\"><title>Eins</title>"
        "<link>https://wire.example/1</link><dc:date>2025-04-03T10:00:00+02:00</dc:date>"
        "<description>Die Br\xC3\xBC" "cke ist offen.</description></item>\n"
        "</rdf:RDF>";
    got *g = got_new();
    assert_int_equal(feed(g, in), 0);
    assert_int_equal(g->n_docs, 1);
    sf_doc *d = g->docs[0];
    assert_string_equal(d->title, "Eins");
    assert_string_equal(d->ext_id, "https://wire.example/1");
    assert_string_equal(d->date, "2025-04-03");
    assert_string_equal(d->source, "Wire");
    assert_string_equal(d->lang, "de");
    assert_string_equal(d->text, "Die Br\xC3\xBC" "cke ist offen.");
    got_free(g);
}

static void test_atom(void **state)
{
    (void)state;
    const char *in =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr-FR\">\n"
        "<title type=\"html\">Le &lt;i&gt;Courrier&lt;/i&gt;</title>"
        "<author><name>La r\xC3\xA9" "daction</name></author><id>urn:feed</id>\n"
        "<entry><title>Pont rouvert</title>"
        "<link rel=\"self\" href=\"https://c.example/self\"/>"
        "<link rel=\"alternate\" type=\"application/pdf\" href=\"https://c.example/pont.pdf\"/>"
        "<link rel=\"alternate\" type=\"text/html\" href=\"https://c.example/pont\"/>"
        "<id>tag:c.example,2025:1</id><updated>2025-04-09T08:00:00Z</updated>"
        "<published>2025-04-01T23:30:00-02:00</published><summary>R\xC3\xA9sum\xC3\xA9</summary>"
        "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
        "<p>Le pont a rouvert <b>mardi</b>.</p><p>Co\xC3\xBBt\xC2\xA0: 3,4 millions.</p>"
        "</div></content></entry>\n"
        "<entry xml:lang=\"en\"><title>Escaped</title><link href=\"https://c.example/e\"/>"
        "<updated>2025-04-02T08:00:00Z</updated><author><name>Ann Writer</name></author>"
        "<content type=\"html\">&lt;p&gt;One &amp;amp; two.&lt;/p&gt;&lt;p&gt;Three.&lt;/p&gt;</content>"
        "</entry>\n"
        "<entry><title>Text</title><content type=\"text\">Line one\nline two\n\nPara &lt;b&gt; two"
        "</content></entry>\n"
        "<entry><title>Media</title><content type=\"image/png\" src=\"https://c.example/i.png\"/>"
        "<summary type=\"html\">&lt;p&gt;From the summary.&lt;/p&gt;</summary></entry>\n"
        "</feed>";
    got *g = got_new();
    assert_int_equal(feed(g, in), 0);
    assert_int_equal(g->n_docs, 4);
    sf_doc *d = g->docs[0];
    assert_string_equal(d->title, "Pont rouvert");
    assert_string_equal(d->url, "https://c.example/pont");
    assert_string_equal(d->date, "2025-04-01"); /* published, not updated */
    assert_string_equal(d->ext_id, "tag:c.example,2025:1");
    assert_string_equal(d->author, "La r\xC3\xA9" "daction"); /* the feed's */
    assert_string_equal(d->source, "Le Courrier");
    assert_string_equal(d->lang, "fr");
    assert_string_equal(d->text, "Le pont a rouvert mardi.\n\nCo\xC3\xBBt : 3,4 millions.");
    d = g->docs[1];
    assert_string_equal(d->url, "https://c.example/e"); /* no rel: alternate */
    assert_string_equal(d->date, "2025-04-02");
    assert_string_equal(d->author, "Ann Writer");
    assert_string_equal(d->lang, "en");
    assert_string_equal(d->text, "One & two.\n\nThree.");
    assert_string_equal(g->docs[2]->text, "Line one line two\n\nPara <b> two");
    assert_string_equal(g->docs[3]->text, "From the summary.");
    got_free(g);
}

/* ---- bad input ------------------------------------------------------------------------------- */

static void test_malformed(void **state)
{
    (void)state;
    /* cut off in the third item: the first two are read, the damage is reported once */
    const char *in = "<rss version=\"2.0\"><channel><title>Cut</title>\n"
                     "<item><title>One</title><description>First story.</description></item>\n"
                     "<item><title>Two</title><description>Second story.</description></item>\n"
                     "<item><title>Thr";
    got *g = got_new();
    int r = feed(g, in);
    assert_true(r >= 1);
    assert_true(g->n_docs >= 2);
    assert_string_equal(g->docs[1]->text, "Second story.");
    assert_int_equal(strncmp(g->why[0], "malformed XML: ", 15), 0);
    assert_string_equal(g->where[0], "line 4");
    got_free(g);

    const char *not_feed[] = {"<html><body>hi</body></html>", "<?xml version=\"1.0\"?><note/>",
                              "<rss><channel><title>Empty</title></channel></rss>", "<<<"};
    const char *why[] = {"not an RSS or Atom feed", "not an RSS or Atom feed",
                         "no items in the feed", "malformed XML: "};
    for (size_t i = 0; i < 4; i++) {
        g = got_new();
        assert_int_equal(feed(g, not_feed[i]), 1);
        assert_int_equal(g->n_docs, 0);
        assert_int_equal(strncmp(g->why[0], why[i], strlen(why[i])), 0);
        got_free(g);
    }
}

static void test_entities_not_expanded(void **state)
{
    (void)state;
    char dir[] = "/tmp/sf_test_feed.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char secret[64], in[2048];
    snprintf(secret, sizeof secret, "%s/secret.txt", dir);
    FILE *f = fopen(secret, "w");
    fputs("TOP-SECRET-VALUE", f);
    fclose(f);
    snprintf(in, sizeof in,
             "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n"
             "<!ENTITY xxe SYSTEM \"file://%s\">\n"
             "<!ENTITY a \"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\">\n"
             "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
             "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
             "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
             "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
             "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
             "]>\n<rss version=\"2.0\"><channel><title>T &xxe;</title>\n"
             "<item><title>X &xxe;</title><link>&f;</link><guid isPermaLink=\"&f;\">g</guid>"
             "<description>Before &xxe; &f; after.</description></item>\n"
             "</channel></rss>",
             secret);
    got *g = got_new();
    clock_t t0 = clock();
    feed(g, in);
    assert_true(clock() - t0 < 2 * CLOCKS_PER_SEC);
    /* libxml2 stops at the exponential entity ("entity reference loop"), reported */
    assert_true(g->n_rej >= 1);
    for (size_t i = 0; i < g->n_docs; i++) {
        sf_doc *d = g->docs[i];
        assert_null(strstr(d->text, "TOP-SECRET"));
        assert_null(strstr(d->text, "AAAA"));
        assert_true(!d->title || !strstr(d->title, "TOP-SECRET"));
        assert_true(!d->source || !strstr(d->source, "TOP-SECRET"));
        assert_true(!d->url || !strstr(d->url, "AAAA"));
    }
    got_free(g);

    /* the external entity alone: the item is read, the entity left out */
    snprintf(in, sizeof in,
             "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file://%s\">]>\n"
             "<rss version=\"2.0\"><channel><title>T &xxe;</title><item><title>X &xxe;</title>"
             "<description>Before &xxe; after.</description></item></channel></rss>",
             secret);
    g = got_new();
    assert_int_equal(feed(g, in), 0);
    assert_int_equal(g->n_docs, 1);
    assert_string_equal(g->docs[0]->text, "Before after.");
    assert_string_equal(g->docs[0]->title, "X");
    assert_string_equal(g->docs[0]->source, "T");
    got_free(g);
    unlink(secret);
    rmdir(dir);
}

static void test_deep_html(void **state)
{
    (void)state;
    /* 100,000 nested elements inside an item's HTML: no recursion, no crash */
    sf_buf b = {0};
    sf_buf_adds(&b, "<rss><channel><item><title>Deep</title><description><![CDATA[");
    for (int i = 0; i < 100000; i++) sf_buf_adds(&b, "<div>");
    sf_buf_adds(&b, "bottom text");
    sf_buf_adds(&b, "]]></description></item></channel></rss>");
    got *g = got_new();
    feed(g, b.data);
    assert_true(g->n_docs + g->n_rej >= 1);
    got_free(g);
    sf_buf_free(&b);

    /* the same depth as XML elements: libxml2 stops at its depth limit, reported */
    b = (sf_buf){0};
    sf_buf_adds(&b, "<rss><channel><item><description>x</description></item>");
    for (int i = 0; i < 100000; i++) sf_buf_adds(&b, "<x>");
    g = got_new();
    assert_true(feed(g, b.data) >= 1);
    got_free(g);
    sf_buf_free(&b);
}

static void test_fragment(void **state)
{
    (void)state;
    sf_buf o = {0};
    const char *h = "<p>a  b</p>\n\n<p> c <i>d</i><br><br>e</p><table><tr><td>1</td><td>2</td></tr></table>";
    frag_html(h, strlen(h), &o);
    assert_string_equal(o.data, "a b\n\nc d\n\ne\n\n1 2");
    o.len = 0;
    const char *t = "  one\ntwo \n \n\nthree  ";
    frag_plain(t, strlen(t), &o);
    assert_string_equal(o.data, "one two\n\nthree");
    sf_buf_free(&o);
}

/* ---- sniffing -------------------------------------------------------------------------------- */

static void test_sniff(void **state)
{
    (void)state;
    static const char prolog[] = "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- made by hand -->\n"
                                 "<?xml-stylesheet href=\"s.xsl\"?>\n<rss>";
    const char *yes[] = {
        "<rss version=\"2.0\">",
        prolog,
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x \"y\">]><rss version=\"0.91\">",
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">",
        "  <feed xml:lang=\"en\" xmlns=\"http://www.w3.org/2005/Atom\">",
    };
    const char *no[] = {"<rsstuff>", "<feed>", "<html><rss>", "<?xml version=\"1.0\"?><note/>",
                        "<!-- never closed <rss>", "plain text"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        assert_true(read_feed_sniff(yes[i], strlen(yes[i])));
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        assert_false(read_feed_sniff(no[i], strlen(no[i])));

    /* through sf_read_path: an .xml feed, an .atom by its name, an .xml that is no feed */
    char dir[] = "/tmp/sf_test_feed.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char p[3][64];
    const char *names[] = {"news.xml", "broken.atom", "notes.xml"};
    const char *body[] = {rss, "this is not XML at all\n", "<?xml version=\"1.0\"?><note>Call Ann.</note>\n"};
    for (int i = 0; i < 3; i++) {
        snprintf(p[i], sizeof p[i], "%s/%s", dir, names[i]);
        FILE *f = fopen(p[i], "w");
        fputs(body[i], f);
        fclose(f);
    }
    got *g = got_new();
    sf_reader rd = {on_doc, on_reject, g, NULL, NULL};
    assert_int_equal(sf_read_path(p[0], &rd), 1);
    assert_int_equal(g->n_docs, 3);
    char want[80];
    snprintf(want, sizeof want, "%s#2", p[0]);
    assert_string_equal(g->docs[1]->path, want);
    assert_int_equal(sf_read_path(p[1], &rd), 1);
    assert_int_equal(strncmp(g->why[1], "malformed XML: ", 15), 0);
    assert_int_equal(sf_read_path(p[2], &rd), 0); /* read as plain text */
    assert_int_equal(g->n_docs, 4);
    got_free(g);
    for (int i = 0; i < 3; i++) unlink(p[i]);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rss2),        cmocka_unit_test(test_default_date_and_stop),
        cmocka_unit_test(test_rss1),        cmocka_unit_test(test_atom),
        cmocka_unit_test(test_malformed),   cmocka_unit_test(test_entities_not_expanded),
        cmocka_unit_test(test_deep_html),   cmocka_unit_test(test_fragment),
        cmocka_unit_test(test_sniff),
    };
    return cmocka_run_group_tests_name("feed", tests, NULL, NULL);
}
