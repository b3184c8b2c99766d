/* test_warc.c — the WARC reader (src/read/warc.c, http.c, window.c): which records become
 * documents, HTTP bodies chunked and compressed, plain / one-member / per-record gzip,
 * the HTTP charset passed to the HTML reader, and damage (wrong Content-Length, cut
 * records, garbage, huge headers, broken gzip) reported at the right offset with every
 * good record still delivered. Every archive here is made up. */
#include "core/mem.h"
#include "read/http.h"
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

/* ---- a collecting reader ----------------------------------------------------------------- */

#include "collect.h"

static int warc(got *g, const sf_buf *b)
{
    sf_reader rd = {on_doc, on_reject, g, NULL, NULL};
    return read_warc_buf("t.warc", b->data, b->len, &rd);
}

/* ---- making archives ------------------------------------------------------------------------ */

/* A page the HTML reader finds an article in; `tag` tells the copies apart. */
static void page(sf_buf *b, const char *tag, const char *date)
{
    sf_buf_printf(b,
                  "<!DOCTYPE html><html lang=\"en\"><head><title>%s: Lenmouth bridge reopens</title>"
                  "%s%s%s</head><body><nav><a href=\"/\">Home</a></nav><article>"
                  "<h1>%s: Lenmouth bridge reopens</h1>"
                  "<p>The harbour bridge in Lenmouth reopened to traffic on Tuesday after eleven "
                  "weeks of repairs to its main span, the transport office said.</p>"
                  "<p>Engineers replaced forty steel cables and resurfaced the deck; the work cost "
                  "3.4 million crowns, slightly less than the council had planned.</p>"
                  "<p>Commuters who had used the ferry during the closure welcomed the news, and "
                  "the ferry company said it would return to its winter timetable.</p>"
                  "</article></body></html>",
                  tag, date ? "<meta property=\"article:published_time\" content=\"" : "",
                  date ? date : "", date ? "\">" : "", tag);
}

/* gzip (or, with raw, zlib) of n bytes, appended to out */
static void deflate_to(sf_buf *out, const void *p, size_t n, int bits)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, bits, 8, Z_DEFAULT_STRATEGY), Z_OK);
    size_t cap = deflateBound(&z, (uLong)n) + 32;
    sf_grow((void **)&out->data, &out->cap, out->len + cap + 1, 1);
    z.next_in = (unsigned char *)p;
    z.avail_in = (uInt)n;
    z.next_out = (unsigned char *)out->data + out->len;
    z.avail_out = (uInt)cap;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    out->len += cap - z.avail_out;
    out->data[out->len] = '\0';
    deflateEnd(&z);
}

static void gzip_to(sf_buf *out, const void *p, size_t n)
{
    deflate_to(out, p, n, 15 + 16);
}

/* An HTTP response around a body. */
static void http(sf_buf *out, int status, const char *headers, const char *body, size_t n)
{
    sf_buf_printf(out, "HTTP/1.1 %d X\r\n%s\r\n", status, headers);
    sf_buf_add(out, body, n);
}

/* Chunked coding of n bytes in pieces of `piece`. */
static void chunk(sf_buf *out, const char *p, size_t n, size_t piece)
{
    for (size_t i = 0; i < n; i += piece) {
        size_t k = n - i < piece ? n - i : piece;
        sf_buf_printf(out, "%zx;ext=1\r\n", k);
        sf_buf_add(out, p + i, k);
        sf_buf_adds(out, "\r\n");
    }
    sf_buf_adds(out, "0\r\nX-Trailer: y\r\n\r\n");
}

/* A WARC record; clen < 0: the block's true length. */
static void rec(sf_buf *out, const char *type, const char *ctype, const char *uri, const char *id,
                const sf_buf *block, long clen)
{
    sf_buf_printf(out,
                  "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
                  "WARC-Date: 2025-04-01T10:00:00Z\r\nWARC-Target-URI: %s\r\n"
                  "Content-Type: %s\r\nContent-Length: %ld\r\n\r\n",
                  type, id, uri, ctype, clen < 0 ? (long)block->len : clen);
    sf_buf_add(out, block->data, block->len);
    sf_buf_adds(out, "\r\n\r\n");
}

#define RESP "application/http; msgtype=response"
#define HTML_HDR "Content-Type: text/html; charset=UTF-8\r\n"

/* A response record holding page(tag). */
static void html_rec(sf_buf *out, const char *tag, const char *uri, long clen)
{
    sf_buf pg = {0}, blk = {0};
    page(&pg, tag, NULL);
    http(&blk, 200, HTML_HDR, pg.data, pg.len);
    rec(out, "response", RESP, uri, tag, &blk, clen);
    sf_buf_free(&pg);
    sf_buf_free(&blk);
}

static int has_tag(const sf_doc *d, const char *tag)
{
    return d->title && strncmp(d->title, tag, strlen(tag)) == 0;
}

/* ---- which records ------------------------------------------------------------------------------ */

/* The archive every format test reads: 12 records, 5 of them pages. */
static void mixed(sf_buf *w)
{
    sf_buf b = {0}, pg = {0}, body = {0};
    sf_buf_adds(&b, "software: test-crawler/1.0\r\nformat: WARC File Format 1.1\r\n");
    rec(w, "warcinfo", "application/warc-fields", "", "info", &b, -1); /* 1 */
    b.len = 0;
    sf_buf_adds(&b, "GET /a HTTP/1.1\r\nHost: coast.example\r\n\r\n");
    rec(w, "request", "application/http; msgtype=request", "http://coast.example/a", "req", &b, -1);
    html_rec(w, "A", "http://coast.example/a", -1); /* 3: plain */

    /* 4: chunked and gzip */
    page(&pg, "B", NULL);
    gzip_to(&body, pg.data, pg.len);
    sf_buf ch = {0};
    chunk(&ch, body.data, body.len, 97);
    b.len = 0;
    http(&b, 200, "Content-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n",
         ch.data, ch.len);
    rec(w, "response", RESP, "https://www.coast.example/b?x=1", "b", &b, -1);

    /* 5: an image; 6: a revisit; 7: metadata; 8: a redirect; 9: a 404 page */
    b.len = 0;
    http(&b, 200, "Content-Type: image/png\r\n", "\x89PNG\r\n\x1a\n", 8);
    rec(w, "response", RESP, "http://coast.example/i.png", "png", &b, -1);
    b.len = 0;
    sf_buf_adds(&b, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n");
    rec(w, "revisit", RESP, "http://coast.example/a", "rev", &b, -1);
    b.len = 0;
    sf_buf_adds(&b, "via: http://coast.example/\r\n");
    rec(w, "metadata", "application/warc-fields", "http://coast.example/a", "meta", &b, -1);
    b.len = 0;
    http(&b, 301, "Location: /a\r\nContent-Type: text/html\r\n", "<html>moved</html>", 18);
    rec(w, "response", RESP, "http://coast.example/old", "moved", &b, -1);
    pg.len = 0;
    page(&pg, "NF", NULL);
    b.len = 0;
    http(&b, 404, HTML_HDR, pg.data, pg.len);
    rec(w, "response", RESP, "http://coast.example/nf", "nf", &b, -1);

    /* 10: a resource record holding a page, with its own date */
    pg.len = 0;
    page(&pg, "C", "2025-03-30T08:00:00Z");
    rec(w, "resource", "text/html", "file:///saved/c.html", "c", &pg, -1);

    /* 11: deflate (zlib framing), no Content-Type but a doctype */
    pg.len = 0;
    page(&pg, "D", NULL);
    body.len = 0;
    deflate_to(&body, pg.data, pg.len, 15);
    b.len = 0;
    http(&b, 200, "Content-Encoding: deflate\r\n", body.data, body.len);
    rec(w, "response", RESP, "http://coast.example/d", "d", &b, -1);

    /* 12: declared chunked but stored de-chunked (some writers do): taken as it stands */
    pg.len = 0;
    page(&pg, "E", NULL);
    b.len = 0;
    http(&b, 200, HTML_HDR "Transfer-Encoding: chunked\r\n", pg.data, pg.len);
    rec(w, "response", RESP, "http://coast.example/e", "e", &b, -1);
    sf_buf_free(&b);
    sf_buf_free(&pg);
    sf_buf_free(&body);
    sf_buf_free(&ch);
}

static void check_mixed(got *g, const char *path)
{
    assert_int_equal(g->n_rej, 0);
    assert_int_equal(g->n_docs, 5);
    const char *tags[] = {"A", "B", "C", "D", "E"};
    const int recno[] = {3, 4, 10, 11, 12};
    for (size_t i = 0; i < 5; i++) {
        sf_doc *d = g->docs[i];
        assert_true(has_tag(d, tags[i]));
        char want[256];
        snprintf(want, sizeof want, "%s#%d", path, recno[i]);
        assert_string_equal(d->path, want);
        assert_non_null(strstr(d->text, "forty steel cables"));
        assert_null(strstr(d->text, "Home"));
    }
    assert_string_equal(g->docs[0]->url, "http://coast.example/a");
    assert_string_equal(g->docs[0]->ext_id, "urn:uuid:A");
    assert_string_equal(g->docs[0]->date, "2025-04-01"); /* WARC-Date: the page has none */
    assert_string_equal(g->docs[0]->source, "coast.example"); /* the URI's host */
    assert_string_equal(g->docs[1]->url, "https://www.coast.example/b?x=1");
    assert_string_equal(g->docs[2]->date, "2025-03-30"); /* the page's own */
    assert_int_equal(g->docs[2]->day, g->docs[0]->day - 2);
}

static void test_records_plain(void **state)
{
    (void)state;
    sf_buf w = {0};
    mixed(&w);
    got *g = got_new();
    assert_int_equal(warc(g, &w), 0);
    check_mixed(g, "t.warc");
    got_free(g);
    sf_buf_free(&w);
}

/* One gzip member for the whole file, and one per record: the same documents. */
static void test_records_gzip(void **state)
{
    (void)state;
    sf_buf w = {0}, gz = {0};
    mixed(&w);
    gzip_to(&gz, w.data, w.len);
    got *g = got_new();
    assert_int_equal(warc(g, &gz), 0);
    check_mixed(g, "t.warc");
    got_free(g);

    /* per record: split at each "WARC/1.1" line */
    gz.len = 0;
    const char *s = w.data, *end = w.data + w.len;
    size_t members = 0;
    while (s < end) {
        const char *next = s + 1;
        while (next < end && !(next[-1] == '\n' && strncmp(next, "WARC/1.1\r\n", 10) == 0)) next++;
        gzip_to(&gz, s, (size_t)(next - s));
        members++;
        s = next;
    }
    assert_int_equal(members, 12);
    g = got_new();
    assert_int_equal(warc(g, &gz), 0);
    check_mixed(g, "t.warc");
    got_free(g);
    sf_buf_free(&w);
    sf_buf_free(&gz);
}

/* ---- damage ----------------------------------------------------------------------------------- */

static void test_truncated_record(void **state)
{
    (void)state;
    sf_buf w = {0};
    html_rec(&w, "A", "http://x.example/a", -1);
    html_rec(&w, "B", "http://x.example/b", -1);
    size_t at = w.len;
    html_rec(&w, "C", "http://x.example/c", -1);
    w.len -= 400; /* cut inside C's page */
    got *g = got_new();
    assert_int_equal(warc(g, &w), 1);
    assert_int_equal(g->n_docs, 2);
    assert_true(has_tag(g->docs[1], "B"));
    assert_string_equal(g->why[0], "truncated record");
    char where[32];
    snprintf(where, sizeof where, "byte %zu", at);
    assert_string_equal(g->where[0], where);
    assert_string_equal(g->rpath[0], "t.warc#3");
    got_free(g);

    /* cut inside the header block */
    w.len = at + 30;
    g = got_new();
    assert_int_equal(warc(g, &w), 1);
    assert_int_equal(g->n_docs, 2);
    assert_string_equal(g->why[0], "truncated record");
    assert_string_equal(g->where[0], where);
    got_free(g);
    sf_buf_free(&w);
}

static void test_bad_content_length(void **state)
{
    (void)state;
    sf_buf w = {0};
    html_rec(&w, "A", "http://x.example/a", -1);
    size_t at_b = w.len;
    html_rec(&w, "B", "http://x.example/b", 200); /* too short */
    html_rec(&w, "C", "http://x.example/c", -1);
    size_t at_d = w.len;
    html_rec(&w, "D", "http://x.example/d", 5000); /* too long: runs into E */
    html_rec(&w, "E", "http://x.example/e", -1);
    html_rec(&w, "F", "http://x.example/f", 999999); /* past the end of the file */
    got *g = got_new();
    assert_int_equal(warc(g, &w), 3);
    assert_int_equal(g->n_docs, 3);
    assert_true(has_tag(g->docs[0], "A"));
    assert_true(has_tag(g->docs[1], "C"));
    assert_true(has_tag(g->docs[2], "E")); /* found inside D's claimed length */
    assert_string_equal(g->docs[2]->path, "t.warc#5");
    char where[32];
    snprintf(where, sizeof where, "byte %zu", at_b);
    assert_string_equal(g->why[0], "bad Content-Length");
    assert_string_equal(g->where[0], where);
    assert_string_equal(g->rpath[0], "t.warc#2");
    snprintf(where, sizeof where, "byte %zu", at_d);
    assert_string_equal(g->why[1], "bad Content-Length");
    assert_string_equal(g->where[1], where);
    assert_string_equal(g->why[2], "truncated record");
    assert_string_equal(g->rpath[2], "t.warc#6");
    got_free(g);
    sf_buf_free(&w);

    /* not a number, and none at all */
    w = (sf_buf){0};
    sf_buf_adds(&w, "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 12x\r\n\r\nHTTP/1.1 200\r\n\r\n");
    sf_buf_adds(&w, "WARC/1.0\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200\r\n\r\n");
    html_rec(&w, "A", "http://x.example/a", -1);
    g = got_new();
    assert_int_equal(warc(g, &w), 2);
    assert_string_equal(g->why[0], "bad Content-Length");
    assert_string_equal(g->why[1], "no Content-Length");
    assert_int_equal(g->n_docs, 1);
    assert_string_equal(g->docs[0]->path, "t.warc#3");
    got_free(g);
    sf_buf_free(&w);
}

static void test_garbage_and_huge_header(void **state)
{
    (void)state;
    sf_buf w = {0};
    html_rec(&w, "A", "http://x.example/a", -1);
    size_t at = w.len;
    sf_buf_adds(&w, "this is not a record\r\nnor is this\r\n");
    html_rec(&w, "B", "http://x.example/b", -1);
    size_t at2 = w.len;
    sf_buf_adds(&w, "WARC/1.0\r\nWARC-Type: response\r\nX-Long: ");
    for (int i = 0; i < 1 << 20; i++) sf_buf_addc(&w, 'x'); /* a 1 MB header line */
    sf_buf_adds(&w, "\r\nContent-Length: 4\r\n\r\nabcd\r\n\r\n");
    html_rec(&w, "C", "http://x.example/c", -1);
    got *g = got_new();
    assert_int_equal(warc(g, &w), 2);
    assert_int_equal(g->n_docs, 3);
    assert_true(has_tag(g->docs[2], "C"));
    assert_string_equal(g->why[0], "garbage between records");
    char where[32];
    snprintf(where, sizeof where, "byte %zu", at);
    assert_string_equal(g->where[0], where);
    assert_string_equal(g->rpath[0], "t.warc");
    assert_string_equal(g->why[1], "WARC header larger than 64 KiB");
    snprintf(where, sizeof where, "byte %zu", at2);
    assert_string_equal(g->where[1], where);
    got_free(g);
    sf_buf_free(&w);

    /* not a WARC file at all */
    w = (sf_buf){0};
    sf_buf_adds(&w, "hello\n");
    g = got_new();
    assert_int_equal(warc(g, &w), 1);
    assert_string_equal(g->why[0], "not a WARC file (no WARC/ header line)");
    assert_string_equal(g->where[0], "byte 0");
    got_free(g);
    sf_buf_free(&w);
}

static void test_gzip_damage(void **state)
{
    (void)state;
    sf_buf r[4] = {{0}}, gz = {0};
    const char *tags[] = {"A", "B", "C", "D"};
    size_t off[4], plain = 0;
    for (int i = 0; i < 4; i++) {
        html_rec(&r[i], tags[i], "http://x.example/", -1);
        off[i] = gz.len;
        (void)plain;
        gzip_to(&gz, r[i].data, r[i].len);
    }
    /* B's member corrupted in its middle, D's cut short */
    sf_buf bad = {0};
    sf_buf_add(&bad, gz.data, gz.len - 20);
    size_t mid = off[1] + (off[2] - off[1]) / 2;
    for (size_t i = mid; i < mid + 16; i++) bad.data[i] ^= 0x5a;
    got *g = got_new();
    int rej = warc(g, &bad);
    assert_int_equal(g->n_docs, 2); /* A and C */
    assert_true(has_tag(g->docs[0], "A"));
    assert_true(has_tag(g->docs[1], "C"));
    assert_int_equal(rej, 2);
    assert_int_equal(strncmp(g->why[0], "corrupt gzip (", 14), 0);
    assert_int_equal(strncmp(g->where[0], "byte ", 5), 0);
    assert_string_equal(g->why[1], "truncated gzip");
    got_free(g);

    /* garbage between members */
    bad.len = 0;
    sf_buf_add(&bad, gz.data, off[2]);
    sf_buf_adds(&bad, "JUNK!JUNK!");
    sf_buf_add(&bad, gz.data + off[2], gz.len - off[2]);
    g = got_new();
    assert_int_equal(warc(g, &bad), 1);
    assert_int_equal(g->n_docs, 4);
    assert_string_equal(g->why[0], "garbage after a gzip member");
    char where[32];
    snprintf(where, sizeof where, "byte %zu", r[0].len + r[1].len);
    assert_string_equal(g->where[0], where); /* in inflated bytes */
    got_free(g);
    for (int i = 0; i < 4; i++) sf_buf_free(&r[i]);
    sf_buf_free(&gz);
    sf_buf_free(&bad);
}

static void test_http_bodies(void **state)
{
    (void)state;
    sf_buf w = {0}, pg = {0}, b = {0}, body = {0};
    page(&pg, "A", NULL);
    http(&b, 200, HTML_HDR "Content-Encoding: br\r\n", "\x1b\x02\x03", 3);
    rec(&w, "response", RESP, "http://x.example/br", "br", &b, -1);
    b.len = 0;
    http(&b, 200, HTML_HDR "Content-Encoding: gzip\r\n", "\x1f\x8b\x08\x00garbage!", 12);
    rec(&w, "response", RESP, "http://x.example/bad-gz", "badgz", &b, -1);
    /* gzip cut short: the page's first part is still read */
    gzip_to(&body, pg.data, pg.len);
    b.len = 0;
    http(&b, 200, HTML_HDR "Content-Encoding: x-gzip\r\n", body.data, body.len - 30);
    rec(&w, "response", RESP, "http://x.example/cut", "cut", &b, -1);
    /* raw deflate (no zlib header), chunked in one-byte pieces */
    body.len = 0;
    deflate_to(&body, pg.data, pg.len, -15);
    sf_buf ch = {0};
    chunk(&ch, body.data, body.len, 1);
    b.len = 0;
    http(&b, 200, HTML_HDR "Transfer-Encoding: chunked\r\nContent-Encoding: deflate\r\n", ch.data,
         ch.len);
    rec(&w, "response", RESP, "http://x.example/raw", "raw", &b, -1);
    /* gzip said, identity stored */
    b.len = 0;
    http(&b, 200, HTML_HDR "Content-Encoding: gzip\r\n", pg.data, pg.len);
    rec(&w, "response", RESP, "http://x.example/said", "said", &b, -1);
    /* a response block that is not HTTP */
    b.len = 0;
    sf_buf_adds(&b, "hello");
    rec(&w, "response", RESP, "http://x.example/nohttp", "nohttp", &b, -1);
    got *g = got_new();
    assert_int_equal(warc(g, &w), 3);
    assert_string_equal(g->why[0], "unsupported Content-Encoding: br");
    assert_string_equal(g->rpath[0], "t.warc#1");
    assert_string_equal(g->why[1], "corrupt gzip HTTP body");
    assert_string_equal(g->why[2], "not an HTTP response");
    assert_int_equal(g->n_docs, 3);
    assert_string_equal(g->docs[0]->url, "http://x.example/cut");
    assert_non_null(strstr(g->docs[0]->text, "Lenmouth"));
    assert_string_equal(g->docs[1]->url, "http://x.example/raw");
    assert_non_null(strstr(g->docs[1]->text, "winter timetable"));
    assert_string_equal(g->docs[2]->url, "http://x.example/said");
    got_free(g);
    sf_buf_free(&w);
    sf_buf_free(&pg);
    sf_buf_free(&b);
    sf_buf_free(&body);
    sf_buf_free(&ch);
}

static void test_http_head(void **state)
{
    (void)state;
    http_msg m;
    const char *why = NULL;
    const char *r = "HTTP/1.0 203 Partial\nContent-Type:  Text/HTML ; Charset=\"ISO-8859-1\"\n"
                    "transfer-encoding: gzip, chunked\nContent-Encoding: identity, deflate\n\nbody";
    assert_int_equal(http_head(r, strlen(r), &m, &why), 0);
    assert_int_equal(m.status, 203);
    assert_string_equal(m.type, "text/html");
    assert_string_equal(m.charset, "ISO-8859-1");
    assert_int_equal(m.chunked, 1);
    assert_int_equal(m.n_coding, 2);
    assert_string_equal(m.coding[0], "deflate"); /* content coding first, as applied */
    assert_string_equal(m.coding[1], "gzip");
    assert_string_equal(r + m.head_len, "body");
    const char *cut = "HTTP/1.1 200 OK\r\nContent-Type: text/html";
    assert_int_equal(http_head(cut, strlen(cut), &m, &why), 0);
    assert_int_equal(m.head_len, strlen(cut));
    assert_int_equal(http_head("GET / HTTP/1.1\r\n", 16, &m, &why), -1);
    assert_string_equal(why, "not an HTTP response");
}

/* The HTTP charset reaches the HTML reader: a windows-1251 page that declares nothing
 * (read alone it would pass for windows-1252), one whose <meta> names another charset
 * (the transport's comes first, as in browsers), a resource record whose WARC
 * Content-Type carries the charset, and a UTF-8 page under a lying header (the bytes
 * win, as for a lying <meta>). */
static void test_http_charset(void **state)
{
    (void)state;
    /* "Мост" (bridge) in windows-1251, and in UTF-8 */
    const char *cp1251 = "\xCC\xEE\xF1\xF2", *utf8 = "\xD0\x9C\xD0\xBE\xD1\x81\xD1\x82";
    sf_buf w = {0}, pg = {0}, b = {0};
    const char *metas[] = {"", "<meta charset=\"windows-1252\">"};
    for (int k = 0; k < 2; k++) {
        pg.len = b.len = 0;
        page(&pg, cp1251, NULL);
        if (k) { /* the <meta> right after <head> */
            char *h = strstr(pg.data, "<head>") + 6;
            size_t at = (size_t)(h - pg.data);
            sf_buf m = {0};
            sf_buf_add(&m, pg.data, at);
            sf_buf_adds(&m, metas[k]);
            sf_buf_add(&m, pg.data + at, pg.len - at);
            sf_buf_free(&pg);
            pg = m;
        }
        http(&b, 200, "Content-Type: text/html; charset=\"Windows-1251\"\r\n", pg.data, pg.len);
        rec(&w, "response", RESP, k ? "http://x.example/meta" : "http://x.example/bare",
            k ? "meta" : "bare", &b, -1);
    }
    pg.len = 0;
    page(&pg, cp1251, NULL);
    rec(&w, "resource", "text/html; charset=windows-1251; x=y", "http://x.example/res", "res",
        &pg, -1);
    pg.len = b.len = 0;
    page(&pg, utf8, NULL);
    http(&b, 200, "Content-Type: text/html; charset=ISO-8859-1\r\n", pg.data, pg.len);
    rec(&w, "response", RESP, "http://x.example/lie", "lie", &b, -1);
    got *g = got_new();
    assert_int_equal(warc(g, &w), 0);
    assert_int_equal(g->n_docs, 4);
    for (size_t i = 0; i < 4; i++) {
        assert_non_null(g->docs[i]->title);
        assert_true(has_tag(g->docs[i], utf8));
    }
    /* the same page read as a file, with no header: windows-1252, not Cyrillic */
    got *f = got_new();
    sf_reader rd = {on_doc, on_reject, f, NULL, NULL};
    pg.len = 0;
    page(&pg, cp1251, NULL);
    assert_int_equal(read_html_buf("p.html", pg.data, pg.len, &rd), 0);
    assert_int_equal(f->n_docs, 1);
    assert_false(has_tag(f->docs[0], utf8));
    got_free(f);
    got_free(g);
    sf_buf_free(&w);
    sf_buf_free(&pg);
    sf_buf_free(&b);
}

static void test_large_records(void **state)
{
    (void)state;
    /* a 17 MB image is skipped without a word; a 17 MB page is reported; both are
     * stepped over, and the page after them is read */
    size_t n = 17u << 20;
    char *big = sf_xmalloc(n);
    memset(big, 'x', n);
    sf_buf w = {0}, b = {0};
    http(&b, 200, "Content-Type: video/mp4\r\n", big, n);
    rec(&w, "response", RESP, "http://x.example/v.mp4", "v", &b, -1);
    b.len = 0;
    http(&b, 200, HTML_HDR, big, n);
    rec(&w, "response", RESP, "http://x.example/huge", "h", &b, -1);
    html_rec(&w, "A", "http://x.example/a", -1);
    got *g = got_new();
    assert_int_equal(warc(g, &w), 1);
    assert_string_equal(g->why[0], "record larger than 16 MiB");
    assert_string_equal(g->rpath[0], "t.warc#2");
    assert_int_equal(g->n_docs, 1);
    assert_string_equal(g->docs[0]->path, "t.warc#3");
    got_free(g);
    free(big);
    sf_buf_free(&w);
    sf_buf_free(&b);
}

static void test_stop(void **state)
{
    (void)state;
    sf_buf w = {0};
    mixed(&w);
    got *g = got_new();
    g->stop_after = 1;
    assert_int_equal(warc(g, &w), 0);
    assert_int_equal(g->n_docs, 1);
    got_free(g);
    sf_buf_free(&w);
}

/* ---- files: streamed, sniffed by name or by content ------------------------------------------ */

static void test_files(void **state)
{
    (void)state;
    char dir[] = "/tmp/sf_test_warc.XXXXXX";
    assert_non_null(mkdtemp(dir));
    sf_buf w = {0}, gz = {0};
    mixed(&w);
    gzip_to(&gz, w.data, w.len);
    char p1[64], p2[64], p3[64];
    snprintf(p1, sizeof p1, "%s/crawl.warc.gz", dir);
    snprintf(p2, sizeof p2, "%s/crawl-data", dir); /* no extension: sniffed (gzip) */
    snprintf(p3, sizeof p3, "%s/plain.dat", dir);  /* sniffed (plain) */
    FILE *f = fopen(p1, "wb");
    fwrite(gz.data, 1, gz.len, f);
    fclose(f);
    f = fopen(p2, "wb");
    fwrite(gz.data, 1, gz.len, f);
    fclose(f);
    f = fopen(p3, "wb");
    fwrite(w.data, 1, w.len, f);
    fclose(f);
    const char *paths[] = {p1, p2, p3};
    for (int i = 0; i < 3; i++) {
        got *g = got_new();
        sf_reader rd = {on_doc, on_reject, g, NULL, NULL};
        assert_int_equal(sf_read_path(paths[i], &rd), 0);
        check_mixed(g, paths[i]);
        got_free(g);
        unlink(paths[i]);
    }
    rmdir(dir);
    sf_buf_free(&w);
    sf_buf_free(&gz);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_records_plain),
        cmocka_unit_test(test_records_gzip),
        cmocka_unit_test(test_truncated_record),
        cmocka_unit_test(test_bad_content_length),
        cmocka_unit_test(test_garbage_and_huge_header),
        cmocka_unit_test(test_gzip_damage),
        cmocka_unit_test(test_http_bodies),
        cmocka_unit_test(test_http_head),
        cmocka_unit_test(test_http_charset),
        cmocka_unit_test(test_large_records),
        cmocka_unit_test(test_stop),
        cmocka_unit_test(test_files),
    };
    return cmocka_run_group_tests_name("warc", tests, NULL, NULL);
}
