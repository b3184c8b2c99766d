/* test_read.c — the readers: plain text, JSON Lines, SGML, the directory walk, and every
 * kind of bad input. Fixtures are made up here; files go to a mkdtemp dir under /tmp. */
#include "core/date.h"
#include "core/mem.h"
#include "read/read.h"
#include "storyfold.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

/* ---- a collecting reader --------------------------------------------------------------- */

#include "collect.h"

static sf_reader reader(got *g)
{
    sf_reader rd = {on_doc, on_reject, g, NULL, NULL};
    return rd;
}

static int text_buf(got *g, const char *s)
{
    sf_reader rd = reader(g);
    return read_text_buf("t.txt", s, strlen(s), &rd);
}

static int jsonl_buf(got *g, const char *s)
{
    sf_reader rd = reader(g);
    return read_jsonl_buf("a.jsonl", s, strlen(s), &rd);
}

static int sgml_buf(got *g, const char *s)
{
    sf_reader rd = reader(g);
    return read_sgml_buf("w.sgml", s, strlen(s), &rd);
}

/* ---- temp files ------------------------------------------------------------------------ */

static char tmpdir[64];

static int setup_dir(void **state)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/sf_test_read.XXXXXX");
    assert_non_null(mkdtemp(tmpdir));
    return 0;
}

static int teardown_dir(void **state)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    assert_int_equal(system(cmd), 0);
    return 0;
}

static char *tpath(const char *name)
{
    static char p[4][512];
    static int k;
    k = (k + 1) % 4;
    snprintf(p[k], sizeof p[k], "%s/%s", tmpdir, name);
    return p[k];
}

static void write_file(const char *name, const void *data, size_t n)
{
    FILE *f = fopen(tpath(name), "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

static void write_str(const char *name, const char *s)
{
    write_file(name, s, strlen(s));
}

static int read_path(got *g, const char *name)
{
    sf_reader rd = reader(g);
    return sf_read_path(tpath(name), &rd);
}

/* ---- UTF-8 ----------------------------------------------------------------------------- */

static void test_utf8_check(void **state)
{
    size_t bad = 99;
    assert_int_equal(read_utf8_check("", 0, &bad), 0);
    assert_int_equal(read_utf8_check("plain ascii text, long enough for 8", 35, &bad), 0);
    const char ok[] = "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF";
    assert_int_equal(read_utf8_check(ok, sizeof ok - 1, &bad), 0);
    static const struct {
        const char *s;
        size_t at;
    } cases[] = {
        {"abcdefghij\xFF", 10},   {"ab\xC0\xAF", 2},        /* overlong '/' */
        {"ab\xE0\x80\xAFxyz", 2}, {"\xED\xA0\x80", 0},      /* surrogate */
        {"x\xF4\x90\x80\x80", 1}, {"x\xF8\x88\x80\x80", 1}, /* > U+10FFFF, 5-byte */
        {"abc\xE2\x82", 3},       {"\x80", 0},              /* truncated, stray */
        {"12345678\xC3(", 8},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        bad = 99;
        assert_int_equal(read_utf8_check(cases[i].s, strlen(cases[i].s), &bad), -1);
        assert_int_equal(bad, cases[i].at);
    }
}

/* ---- plain text ------------------------------------------------------------------------ */

static void test_text_metadata_header(void **state)
{
    got *g = got_new();
    const char *in = "Title: Harbour bridge reopens\n"
                     "source: The Daily Example\n"
                     "DATE: Tue, 04 Mar 2031 09:00:00 +0000\n"
                     "url: https://example.org/bridge\n"
                     "Author: Ann Writer\n"
                     "lang: en\n"
                     "X-Desk: metro\n"
                     "\n"
                     "The bridge reopened on Tuesday.\nTraffic was light.\n";
    assert_int_equal(text_buf(g, in), 0);
    assert_int_equal(g->n_docs, 1);
    sf_doc *d = g->docs[0];
    assert_string_equal(d->title, "Harbour bridge reopens");
    assert_string_equal(d->source, "The Daily Example");
    assert_string_equal(d->date, "2031-03-04");
    assert_int_equal(d->day, sf_date_day("2031-03-04"));
    assert_string_equal(d->url, "https://example.org/bridge");
    assert_string_equal(d->author, "Ann Writer");
    assert_string_equal(d->lang, "en");
    assert_string_equal(d->path, "t.txt");
    assert_null(d->ext_id);
    const char *body = strstr(in, "The bridge");
    assert_string_equal(d->text, body); /* byte for byte */
    assert_int_equal(d->len, strlen(body));
    got_free(g);
}

static void test_text_header_unknown_first_key(void **state)
{
    got *g = got_new();
    /* The first line's key is not a known one: no header, it is all body. */
    const char *in = "Warning: storms ahead\n\nThe coast braced for wind.\n";
    assert_int_equal(text_buf(g, in), 0);
    assert_int_equal(g->n_docs, 1);
    assert_string_equal(g->docs[0]->text, in);
    assert_string_equal(g->docs[0]->title, "Warning: storms ahead");
    assert_null(g->docs[0]->date);
    got_free(g);
}

static void test_text_bad_date_kept(void **state)
{
    got *g = got_new();
    assert_int_equal(text_buf(g, "Date: sometime soon\nTitle: T\n\nBody here.\n"), 0);
    assert_int_equal(g->n_docs, 1);
    assert_int_equal(g->n_rej, 0);
    assert_null(g->docs[0]->date);
    assert_int_equal(g->docs[0]->day, SF_NO_DAY);
    assert_string_equal(g->docs[0]->title, "T");
    assert_string_equal(g->docs[0]->text, "Body here.\n");
    /* a bare month name ends the string where the date parser looks for a day */
    assert_int_equal(text_buf(g, "Date: May\n\nBody.\n"), 0);
    assert_null(g->docs[1]->date);
    got_free(g);
}

static void test_text_header_only(void **state)
{
    got *g = got_new();
    assert_int_equal(text_buf(g, "Title: Nothing else\n\n  \n"), 1);
    assert_int_equal(g->n_docs, 0);
    assert_string_equal(g->why[0], "no text after the metadata header");
    got_free(g);
}

static void test_text_date_pair(void **state)
{
    got *g = got_new();
    const char *in = " date 2030-07-14 As the river rose, the town closed its bridge.\n\n"
                     "Officials said more rain was due.\n";
    assert_int_equal(text_buf(g, in), 0);
    assert_int_equal(g->n_docs, 1);
    sf_doc *d = g->docs[0];
    assert_string_equal(d->date, "2030-07-14");
    assert_int_equal(d->day, sf_date_day("2030-07-14"));
    assert_string_equal(d->text, in + 17);
    assert_memory_equal(d->text, "As the river", 12);
    assert_null(d->title); /* the first line ends with '.' */
    got_free(g);
}

static void test_text_date_pair_invalid(void **state)
{
    got *g = got_new();
    const char *in = "date 2030-13-40 is not a real day.\n";
    assert_int_equal(text_buf(g, in), 0);
    assert_null(g->docs[0]->date);
    assert_string_equal(g->docs[0]->text, in);
    got_free(g);
}

static void test_text_bbc_title(void **state)
{
    got *g = got_new();
    const char *in = "Gadget maker lifts yearly outlook\n\n"
                     "Quarterly profits at Example Gadgets rose 12% in the three months to "
                     "December.\n\nThe firm said sales were strong.\n";
    assert_int_equal(text_buf(g, in), 0);
    sf_doc *d = g->docs[0];
    assert_string_equal(d->title, "Gadget maker lifts yearly outlook");
    assert_string_equal(d->text, in); /* the title stays in the body */
    assert_int_equal(d->len, strlen(in));
    got_free(g);
}

static void test_text_no_title(void **state)
{
    got *g = got_new();
    /* ends with '.', with '?', no blank line after, or too long: no title */
    assert_int_equal(text_buf(g, "A short opening sentence.\n\nMore text.\n"), 0);
    assert_int_equal(text_buf(g, "Is this the end?\n\nMore text.\n"), 0);
    assert_int_equal(text_buf(g, "Short line\nnext line follows at once.\n"), 0);
    char longl[400];
    memset(longl, 'w', 151);
    strcpy(longl + 151, "\n\nBody.\n");
    assert_int_equal(text_buf(g, longl), 0);
    assert_int_equal(g->n_docs, 4);
    for (size_t i = 0; i < 4; i++) assert_null(g->docs[i]->title);
    got_free(g);
}

static void test_text_bom_and_default_date(void **state)
{
    got *g = got_new();
    sf_reader rd = reader(g);
    rd.default_date = "2029-01-02";
    const char *in = "\xEF\xBB\xBFSnow closes schools\n\nSchools shut on Monday.\n";
    assert_int_equal(read_text_buf("b.txt", in, strlen(in), &rd), 0);
    sf_doc *d = g->docs[0];
    assert_string_equal(d->text, in + 3);
    assert_string_equal(d->title, "Snow closes schools");
    assert_string_equal(d->date, "2029-01-02");
    assert_int_equal(d->day, sf_date_day("2029-01-02"));
    got_free(g);
}

static void test_text_invalid_utf8(void **state)
{
    got *g = got_new();
    assert_int_equal(text_buf(g, "Title: x\n\nna\xEFve caf\xE9\n"), 1);
    assert_int_equal(g->n_docs, 0);
    assert_string_equal(g->rpath[0], "t.txt");
    assert_string_equal(g->why[0], "invalid UTF-8 at byte 12"); /* offset in the file */
    got_free(g);
}

static void test_text_nul_late(void **state)
{
    got *g = got_new();
    sf_reader rd = reader(g);
    char in[] = "some text\0more";
    assert_int_equal(read_text_buf("n.txt", in, sizeof in - 1, &rd), 1);
    assert_string_equal(g->why[0], "binary file (NUL byte at byte 9)");
    got_free(g);
}

static void test_text_empty(void **state)
{
    got *g = got_new();
    assert_int_equal(text_buf(g, ""), 1);
    assert_int_equal(text_buf(g, " \n\t\r\n"), 1);
    assert_int_equal(g->n_docs, 0);
    assert_string_equal(g->why[0], "empty file");
    assert_string_equal(g->why[1], "empty file");
    got_free(g);
}

/* ---- JSON Lines ------------------------------------------------------------------------ */

static void test_jsonl_good_and_bad(void **state)
{
    got *g = got_new();
    const char *in =
        "{\"id\":\"a1\",\"url\":\"https://example.org/1\",\"source\":\"Example Wire\","
        "\"title\":\"Dam opens\",\"date\":\"2030-05-06T10:00:00Z\",\"text\":\"The dam opened.\","
        "\"author\":\"B. Reporter\",\"lang\":\"en\"}\n"
        "{\"id\": 42, \"text\": broken}\n"
        "\n"
        "   \r\n"
        "{\"id\":7,\"date\":\"Sat, 07 May 2030 08:00:00 +0000\",\"body\":\"Body field.\"}\n"
        "[1,2,3]\n"
        "{\"title\":\"no text here\"}\n"
        "{\"content\":\"Content \\u00e9 field.\",\"date\":\"not a date\"}\n"
        "x\n"
        "{\"text\":\"nul \\u0000 inside\"}\n"
        "{\"text\":\"last line, no newline\"}";
    assert_int_equal(jsonl_buf(g, in), 5);
    assert_int_equal(g->n_docs, 4);

    sf_doc *d = g->docs[0];
    assert_string_equal(d->path, "a.jsonl:1");
    assert_string_equal(d->ext_id, "a1");
    assert_string_equal(d->url, "https://example.org/1");
    assert_string_equal(d->source, "Example Wire");
    assert_string_equal(d->title, "Dam opens");
    assert_string_equal(d->date, "2030-05-06");
    assert_int_equal(d->day, sf_date_day("2030-05-06"));
    assert_string_equal(d->text, "The dam opened.");
    assert_int_equal(d->len, 15);
    assert_string_equal(d->author, "B. Reporter");
    assert_string_equal(d->lang, "en");

    d = g->docs[1];
    assert_string_equal(d->path, "a.jsonl:5");
    assert_string_equal(d->ext_id, "7");
    assert_string_equal(d->date, "2030-05-07");
    assert_string_equal(d->text, "Body field.");

    d = g->docs[2];
    assert_string_equal(d->path, "a.jsonl:8");
    assert_string_equal(d->text, "Content \xC3\xA9 field.");
    assert_null(d->date);
    assert_int_equal(d->day, SF_NO_DAY);

    assert_string_equal(g->docs[3]->path, "a.jsonl:11");
    assert_string_equal(g->docs[3]->text, "last line, no newline");

    assert_string_equal(g->where[0], "line 2");
    assert_non_null(strstr(g->why[0], "invalid JSON: "));
    assert_string_equal(g->where[1], "line 6");
    assert_string_equal(g->why[1], "not a JSON object (no \"text\" field)");
    assert_string_equal(g->where[2], "line 7");
    assert_string_equal(g->why[2], "no \"text\" field");
    assert_string_equal(g->where[3], "line 9");
    assert_string_equal(g->why[3], "invalid JSON: '[' or '{' expected near 'x'");
    assert_string_equal(g->where[4], "line 10");
    assert_non_null(strstr(g->why[4], "invalid JSON: "));
    got_free(g);
}

static void test_jsonl_stream(void **state)
{
    got *g = got_new();
    const char *in = "\xEF\xBB\xBF{\"text\":\"one\"}\n{bad\n\n{\"text\":\"four\",\"id\":\"x\"}\n";
    FILE *f = fmemopen((void *)in, strlen(in), "r");
    assert_non_null(f);
    sf_reader rd = reader(g);
    assert_int_equal(sf_read_jsonl_stream(f, "-", &rd), 1);
    fclose(f);
    assert_int_equal(g->n_docs, 2);
    assert_string_equal(g->docs[0]->path, "-:1");
    assert_string_equal(g->docs[0]->text, "one");
    assert_string_equal(g->docs[1]->path, "-:4");
    assert_string_equal(g->where[0], "line 2");
    got_free(g);
}

static void test_jsonl_stream_stop(void **state)
{
    got *g = got_new();
    g->stop_after = 1;
    const char *in = "{\"text\":\"one\"}\n{\"text\":\"two\"}\n";
    FILE *f = fmemopen((void *)in, strlen(in), "r");
    sf_reader rd = reader(g);
    assert_int_equal(sf_read_jsonl_stream(f, "s", &rd), 0);
    fclose(f);
    assert_int_equal(g->n_docs, 1);
    got_free(g);
}

static void test_jsonl_long_line(void **state)
{
    /* A line of more than 16 MiB is rejected without parsing; the next one still reads. */
    size_t big = SF_MAX_DOC + 100;
    char *in = sf_xmalloc(big + 64);
    memcpy(in, "{\"text\":\"", 9);
    memset(in + 9, 'a', big - 9);
    size_t n = big;
    n += (size_t)sprintf(in + n, "\"}\n{\"text\":\"ok\"}\n");
    got *g = got_new();
    sf_reader rd = reader(g);
    assert_int_equal(read_jsonl_buf("big.jsonl", in, n, &rd), 1);
    assert_int_equal(g->n_docs, 1);
    assert_string_equal(g->where[0], "line 1");
    assert_string_equal(g->why[0], "line longer than 16 MiB");
    got_free(g);

    g = got_new();
    rd = reader(g);
    FILE *f = fmemopen(in, n, "r");
    assert_int_equal(sf_read_jsonl_stream(f, "-", &rd), 1);
    fclose(f);
    assert_int_equal(g->n_docs, 1);
    assert_string_equal(g->docs[0]->path, "-:2");
    assert_string_equal(g->why[0], "line longer than 16 MiB");
    got_free(g);
    free(in);
}

/* ---- SGML ------------------------------------------------------------------------------ */

static const char duc_doc[] =
    "<DOC>\n"
    "<DOCNO> APW20310916.0042 </DOCNO>\n"
    "<DOCTYPE> NEWS </DOCTYPE>\n"
    "<HEADLINE> Ferry &amp; bus strike ends </HEADLINE>\n"
    "<TEXT>\n"
    "<P>\n"
    "   Drivers returned to work on Tuesday after a deal &#8212; the union said.\n"
    "</P>\n"
    "<P>\n"
    "Fares rise by 5&#x25; &lt;next year&gt;.&#3;\n"
    "</P>\n"
    "</TEXT>\n"
    "</DOC>\n";

static void test_sgml_duc(void **state)
{
    got *g = got_new();
    assert_int_equal(sgml_buf(g, duc_doc), 0);
    assert_int_equal(g->n_docs, 1);
    sf_doc *d = g->docs[0];
    assert_string_equal(d->ext_id, "APW20310916.0042");
    assert_string_equal(d->path, "w.sgml#APW20310916.0042");
    assert_string_equal(d->source, "Associated Press");
    assert_string_equal(d->date, "2031-09-16");
    assert_int_equal(d->day, sf_date_day("2031-09-16"));
    assert_string_equal(d->title, "Ferry & bus strike ends");
    assert_string_equal(d->text, "Drivers returned to work on Tuesday after a deal \xE2\x80\x94 "
                                 "the union said.\n\nFares rise by 5% <next year>.");
    assert_int_equal(d->len, strlen(d->text));
    got_free(g);
}

static void test_sgml_date_time_and_unknown_code(void **state)
{
    got *g = got_new();
    const char *in = "<DOC>\n<DOCNO>ZZQ20300101.0001</DOCNO>\n"
                     "<DATE_TIME> 2030-02-03 10:11 </DATE_TIME>\n"
                     "<TEXT>Plain text, no paragraphs.</TEXT>\n</DOC>\n";
    assert_int_equal(sgml_buf(g, in), 0);
    assert_string_equal(g->docs[0]->source, "ZZQ");
    assert_string_equal(g->docs[0]->date, "2030-02-03");
    assert_string_equal(g->docs[0]->text, "Plain text, no paragraphs.");
    assert_null(g->docs[0]->title);
    got_free(g);
}

static const char reuters_docs[] =
    "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
    "<REUTERS TOPICS=\"YES\" LEWISSPLIT=\"TRAIN\" OLDID=\"9001\" NEWID=\"17\">\n"
    "<DATE> 3-MAR-2031 11:22:33.44</DATE>\n"
    "<TOPICS><D>grain</D></TOPICS>\n"
    "<UNKNOWN> \n&#5;&#5;&#5;G\n&#22;&#22;&#1;f0101&#31;reute\nr f BC-WHEAT  03-03 0050</UNKNOWN>\n"
    "<TEXT>&#2;\n"
    "<TITLE>WHEAT STOCKS &lt;WSX> RISE</TITLE>\n"
    "<DATELINE>    KANSAS CITY, March 3 - </DATELINE><BODY>Wheat stocks rose 3 pct in\n"
    "the week, traders said.\n"
    "    Prices were steady.\n"
    " Reuter\n"
    "&#3;</BODY></TEXT>\n"
    "</REUTERS>\n"
    "<REUTERS TOPICS=\"NO\" NEWID=\"18\">\n"
    "<DATE> 3-MAR-2031 11:30:00.00</DATE>\n"
    "<TEXT TYPE=\"BRIEF\">&#2;\n"
    "<TITLE>BRIEF ITEM ONLY</TITLE>\n"
    "&#3;\n"
    "</TEXT>\n"
    "</REUTERS>\n";

static void test_sgml_reuters(void **state)
{
    got *g = got_new();
    assert_int_equal(sgml_buf(g, reuters_docs), 1);
    assert_int_equal(g->n_docs, 1);
    sf_doc *d = g->docs[0];
    assert_string_equal(d->ext_id, "reuters-17");
    assert_string_equal(d->path, "w.sgml#reuters-17");
    assert_string_equal(d->source, "Reuters");
    assert_string_equal(d->date, "2031-03-03");
    assert_string_equal(d->title, "WHEAT STOCKS <WSX> RISE");
    assert_string_equal(d->text, "Wheat stocks rose 3 pct in\nthe week, traders said.\n"
                                 "    Prices were steady.");
    char where[32];
    snprintf(where, sizeof where, "byte %zu",
             (size_t)(strstr(reuters_docs, "<REUTERS TOPICS=\"NO\"") - reuters_docs));
    assert_string_equal(g->where[0], where);
    assert_string_equal(g->why[0], "no <BODY> text");
    got_free(g);
}

static void test_sgml_multi_with_bad_utf8(void **state)
{
    sf_buf b = {0};
    sf_buf_adds(
        &b, "<DOC>\n<DOCNO> NYT20300101.0001 </DOCNO>\n<TEXT>\nFirst story.\n</TEXT>\n</DOC>\n");
    size_t second = b.len;
    sf_buf_adds(&b, "<DOC>\n<DOCNO> NYT20300101.0002 </DOCNO>\n<TEXT>\nLatin-1 caf");
    size_t bad = b.len;
    sf_buf_adds(&b, "\xE9 here.\n</TEXT>\n</DOC>\n");
    sf_buf_adds(
        &b,
        "<DOC>\n<DOCNO> XIE20300102.0003 </DOCNO>\n<TEXT>\nThird &AMP; last.\n</TEXT>\n</DOC>\n");
    got *g = got_new();
    sf_reader rd = reader(g);
    assert_int_equal(read_sgml_buf("m.sgml", b.data, b.len, &rd), 1);
    assert_int_equal(g->n_docs, 2);
    assert_string_equal(g->docs[0]->text, "First story.");
    assert_string_equal(g->docs[0]->source, "New York Times");
    assert_string_equal(g->docs[1]->text, "Third & last.");
    assert_string_equal(g->docs[1]->source, "Xinhua");
    assert_string_equal(g->docs[1]->date, "2030-01-02");
    char exp[64];
    snprintf(exp, sizeof exp, "byte %zu", second);
    assert_string_equal(g->where[0], exp);
    snprintf(exp, sizeof exp, "invalid UTF-8 at byte %zu", bad);
    assert_string_equal(g->why[0], exp);
    got_free(g);
    sf_buf_free(&b);
}

static void test_sgml_cut_off(void **state)
{
    const char *in = "<DOC>\n<DOCNO> APW20300303.0001 </DOCNO>\n<TEXT>Complete.</TEXT>\n</DOC>\n"
                     "<DOC>\n<DOCNO> APW20300303.0002 </DOCNO>\n<TEXT>This one stops mid";
    got *g = got_new();
    assert_int_equal(sgml_buf(g, in), 1);
    assert_int_equal(g->n_docs, 1);
    assert_string_equal(g->docs[0]->text, "Complete.");
    char exp[32];
    snprintf(exp, sizeof exp, "byte %zu", (size_t)(strstr(in, "</DOC>\n") + 7 - in));
    assert_string_equal(g->where[0], exp);
    assert_string_equal(g->why[0], "document cut off (no </DOC>)");
    got_free(g);

    /* A document whose end tag is missing but that is followed by another. */
    in = "<DOC><DOCNO>A1</DOCNO><TEXT>lost\n<DOC><DOCNO>A2</DOCNO><TEXT>kept</TEXT></DOC>";
    g = got_new();
    assert_int_equal(sgml_buf(g, in), 1);
    assert_int_equal(g->n_docs, 1);
    assert_string_equal(g->docs[0]->ext_id, "A2");
    assert_string_equal(g->where[0], "byte 0");
    got_free(g);
}

static void test_sgml_no_docs(void **state)
{
    got *g = got_new();
    assert_int_equal(sgml_buf(g, "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"), 1);
    assert_string_equal(g->why[0], "no <DOC> or <REUTERS> documents");
    got_free(g);
}

/* ---- files and directories ------------------------------------------------------------- */

static void test_path_formats(void **state)
{
    write_str("plain.txt", "Ice melts early\n\nThe lake thawed in March.\n");
    write_str("a.jsonl", "{\"text\":\"j1\"}\n{\"text\":\"j2\"}\n");
    write_str("brace.txt", "  {\"text\":\"sniffed as JSON Lines\"}\n");
    write_str("duc", duc_doc);
    write_str("r.sgm", reuters_docs);
    got *g = got_new();
    assert_int_equal(read_path(g, "plain.txt"), 0);
    assert_int_equal(read_path(g, "a.jsonl"), 0);
    assert_int_equal(read_path(g, "brace.txt"), 0);
    assert_int_equal(read_path(g, "duc"), 0);
    assert_int_equal(read_path(g, "r.sgm"), 1);
    assert_int_equal(g->n_docs, 6);
    assert_string_equal(g->docs[0]->title, "Ice melts early");
    assert_string_equal(g->docs[0]->path, tpath("plain.txt"));
    assert_string_equal(g->docs[1]->text, "j1");
    assert_string_equal(g->docs[3]->text, "sniffed as JSON Lines");
    assert_string_equal(g->docs[4]->ext_id, "APW20310916.0042");
    assert_string_equal(g->docs[5]->ext_id, "reuters-17");
    got_free(g);
}

static void test_path_bad_files(void **state)
{
    char bin[100] = "GIF89a";
    bin[20] = 'x';
    write_file("img.gif", bin, sizeof bin);
    write_str("empty.txt", "");
    write_str("blank.txt", "\xEF\xBB\xBF \n\n\t \n");
    write_str("page.txt", "\n  <!DOCTYPE html>\n<html><body><nav><a href=/>Home</a></nav></body></html>\n");
    write_str("page.htm", "<script>only()</script>\n");
    write_str("bad.txt", "Good start, then \xC3\x28 bad.\n");
    write_file("x.gz", "\x1f\x8b\x08\x00", 4);
    const char *names[] = {"img.gif",  "empty.txt", "blank.txt", "page.txt",
                           "page.htm", "bad.txt",   "x.gz"};
    const char *why[] = {"binary file (NUL byte at byte 6)",
                         "empty file",
                         "empty file",
                         "no article text found in the HTML",
                         "no article text found in the HTML",
                         "invalid UTF-8 at byte 17",
                         "compressed file (gzip) is not supported; decompress it first"};
    got *g = got_new();
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        assert_int_equal(read_path(g, names[i]), 1);
        assert_string_equal(g->why[i], why[i]);
        assert_string_equal(g->rpath[i], tpath(names[i]));
        assert_string_equal(g->where[i], "");
    }
    assert_int_equal(g->n_docs, 0);

    sf_reader rd = reader(g);
    assert_int_equal(sf_read_path(tpath("does-not-exist"), &rd), SF_EIO);
    assert_string_equal(g->why[g->n_rej - 1], "No such file or directory");
    got_free(g);
}

static void test_path_huge_line(void **state)
{
    /* A 20 MB file that is one line with no newline: rejected (over 16 MiB)... */
    size_t n = 20u * 1000 * 1000;
    char *big = sf_xmalloc(n);
    memset(big, 'z', n);
    for (size_t i = 7; i < n; i += 8) big[i] = ' ';
    write_file("huge.txt", big, n);
    got *g = got_new();
    assert_int_equal(read_path(g, "huge.txt"), 1);
    assert_int_equal(g->n_docs, 0);
    assert_string_equal(g->why[0], "document larger than 16 MiB");
    /* ...while exactly 16 MiB is accepted, byte for byte. */
    write_file("16m.txt", big, SF_MAX_DOC);
    assert_int_equal(read_path(g, "16m.txt"), 0);
    assert_int_equal(g->n_docs, 1);
    assert_int_equal(g->docs[0]->len, SF_MAX_DOC);
    assert_int_equal(strlen(g->docs[0]->text), SF_MAX_DOC);
    assert_memory_equal(g->docs[0]->text, big, SF_MAX_DOC);
    assert_null(g->docs[0]->title);
    got_free(g);
    free(big);
    unlink(tpath("huge.txt"));
    unlink(tpath("16m.txt"));
}

static void test_path_directory_order(void **state)
{
    assert_int_equal(mkdir(tpath("tree"), 0700), 0);
    assert_int_equal(mkdir(tpath("tree/a"), 0700), 0);
    assert_int_equal(mkdir(tpath("tree/a/deep"), 0700), 0);
    assert_int_equal(mkdir(tpath("tree/.git"), 0700), 0);
    write_str("tree/b.txt", "bee\n");
    write_str("tree/C.txt", "cee\n");
    write_str("tree/a/z.txt", "zed\n");
    write_str("tree/a/b.txt", "a-bee\n");
    write_str("tree/a/deep/x.jsonl", "{\"text\":\"deep json\"}\n");
    write_str("tree/a-b.txt", "a-dash-bee\n");
    write_str("tree/.hidden.txt", "hidden\n");
    write_str("tree/.git/config", "hidden too\n");
    write_str("tree/e.txt", "");
    assert_int_equal(symlink(".", tpath("tree/a/loop")), 0);            /* a link loop */
    assert_int_equal(symlink("../b.txt", tpath("tree/a/link.txt")), 0); /* a file link */

    got *g = got_new();
    assert_int_equal(read_path(g, "tree"), 2);
    /* byte order, not locale order: 'C' < 'a'; "a" < "a-b.txt" (a prefix) < "b.txt" */
    const char *order[] = {"tree/C.txt",      "tree/a/b.txt", "tree/a/deep/x.jsonl:1",
                           "tree/a/link.txt", "tree/a/z.txt", "tree/a-b.txt",
                           "tree/b.txt"};
    assert_int_equal(g->n_docs, 7);
    for (size_t i = 0; i < 7; i++) assert_string_equal(g->docs[i]->path, tpath(order[i]));
    assert_string_equal(g->docs[3]->text, "bee\n");
    assert_string_equal(g->rpath[0], tpath("tree/a/loop"));
    assert_string_equal(g->why[0], "symbolic link to a directory, not followed");
    assert_string_equal(g->rpath[1], tpath("tree/e.txt"));
    assert_string_equal(g->why[1], "empty file");
    got_free(g);

    /* The doc callback can stop the walk. */
    g = got_new();
    g->stop_after = 2;
    assert_int_equal(read_path(g, "tree"), 0);
    assert_int_equal(g->n_docs, 2);
    got_free(g);
}

int main(void)
{
    const struct CMUnitTest pure[] = {
        cmocka_unit_test(test_utf8_check),
        cmocka_unit_test(test_text_metadata_header),
        cmocka_unit_test(test_text_header_unknown_first_key),
        cmocka_unit_test(test_text_bad_date_kept),
        cmocka_unit_test(test_text_header_only),
        cmocka_unit_test(test_text_date_pair),
        cmocka_unit_test(test_text_date_pair_invalid),
        cmocka_unit_test(test_text_bbc_title),
        cmocka_unit_test(test_text_no_title),
        cmocka_unit_test(test_text_bom_and_default_date),
        cmocka_unit_test(test_text_invalid_utf8),
        cmocka_unit_test(test_text_nul_late),
        cmocka_unit_test(test_text_empty),
        cmocka_unit_test(test_jsonl_good_and_bad),
        cmocka_unit_test(test_jsonl_stream),
        cmocka_unit_test(test_jsonl_stream_stop),
        cmocka_unit_test(test_jsonl_long_line),
        cmocka_unit_test(test_sgml_duc),
        cmocka_unit_test(test_sgml_date_time_and_unknown_code),
        cmocka_unit_test(test_sgml_reuters),
        cmocka_unit_test(test_sgml_multi_with_bad_utf8),
        cmocka_unit_test(test_sgml_cut_off),
        cmocka_unit_test(test_sgml_no_docs),
    };
    const struct CMUnitTest files[] = {
        cmocka_unit_test(test_path_formats),
        cmocka_unit_test(test_path_bad_files),
        cmocka_unit_test(test_path_huge_line),
        cmocka_unit_test(test_path_directory_order),
    };
    int fails = cmocka_run_group_tests_name("read", pure, NULL, NULL);
    fails += cmocka_run_group_tests_name("read files", files, setup_dir, teardown_dir);
    return fails ? 1 : 0;
}
