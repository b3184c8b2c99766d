/* read.h — the readers' internals: one function per input format over a memory buffer,
 * plus the helpers they share. sf_read_path (read.c) sniffs a file's format and hands
 * its bytes to one of these; the fuzz target calls them directly.
 *
 * Each read_*_buf reports every good document to rd->doc (which then owns it) and every
 * bad input to rd->reject, and returns the number of rejections (>= 0). When rd->doc
 * returns nonzero the reader stops at once and returns the rejections so far. `buf` need
 * not be NUL-terminated; it is only read, never kept. "byte N" in a rejection is the
 * 0-based offset of the offending byte in `buf`; "line N" is 1-based.
 *
 * Reason strings (stable, tests match them):
 *   text:  "invalid UTF-8 at byte N", "binary file (NUL byte at byte N)",
 *          "document larger than 16 MiB", "empty file", "no text after the metadata header"
 *   jsonl: "invalid JSON: <jansson's message>", "line longer than 16 MiB",
 *          "not a JSON object (no \"text\" field)", "no \"text\" field",
 *          "empty \"text\" field"
 *   sgml:  "document cut off (no </DOC>)", "document cut off (no </REUTERS>)",
 *          "invalid UTF-8 at byte N", "binary file (NUL byte at byte N)", "no <BODY> text",
 *          "no <TEXT>", "empty <TEXT>", "document larger than 16 MiB",
 *          "no <DOC> or <REUTERS> documents"
 *   html:  "no article text found in the HTML", "document larger than 16 MiB",
 *          "HTML page too large (more than 2 Mi nodes) and no text in its first part"
 *   gzip:  "truncated gzip", "corrupt gzip (<zlib's message>)",
 *          "file too large (more than 64 MiB)" (decompressed)
 *   warc:  "truncated record", "bad Content-Length", "no Content-Length",
 *          "garbage between records", "not a WARC file (no WARC/ header line)",
 *          "WARC header larger than 64 KiB", "record larger than 16 MiB",
 *          "not an HTTP response", "HTTP headers larger than 64 KiB",
 *          "HTTP body larger than 16 MiB", "corrupt gzip HTTP body",
 *          "corrupt deflate HTTP body", "unsupported Content-Encoding: <coding>",
 *          "truncated gzip", "corrupt gzip (<zlib's message>)", "garbage after a gzip
 *          member", and the html reasons; "byte N" is the offset in the WARC stream
 *          (inflated bytes, for .warc.gz) of the record's first byte, or for the gzip
 *          reasons of the point where the inflated bytes stopped
 *   feed:  "malformed XML: <libxml2's message>" (at "line N"; the items recovered are
 *          still read), "not an RSS or Atom feed", "no items in the feed", and per
 *          "item N": "no text in the item", "invalid UTF-8 in the item",
 *          "document larger than 16 MiB"
 */
#ifndef SF_READ_H
#define SF_READ_H

#include "storyfold.h"

#include <stddef.h>

/* Plain text, UTF-8, with an optional metadata header. doc->path = path. The body is
 * stored byte for byte. */
int read_text_buf(const char *path, const char *buf, size_t len, const sf_reader *rd);

/* JSON Lines: one article object per line. doc->path = "path:LINE". */
int read_jsonl_buf(const char *path, const char *buf, size_t len, const sf_reader *rd);

/* TREC/DUC (<DOC>) and Reuters-21578 (<REUTERS>) SGML. doc->path = "path#DOCNO". */
int read_sgml_buf(const char *path, const char *buf, size_t len, const sf_reader *rd);

/* An HTML page (any charset; see html.h): one document, the article's main text with its
 * paragraphs separated by blank lines; title, author, date, url, source (the site name)
 * and lang from the page's metadata. doc->path = path. */
int read_html_buf(const char *path, const char *buf, size_t len, const sf_reader *rd);
/* The same for a page that came with a charset (an HTTP Content-Type's; NULL or "" when
 * none), which comes before the page's own declarations, as in browsers. */
int read_html_buf_given(const char *path, const char *buf, size_t len, const char *charset,
                        const sf_reader *rd);

/* A WARC/1.0 or 1.1 archive, plain or gzip (one member, or one per record): each HTML
 * response (or resource) record read as a page (read_html_buf), with url, ext_id and
 * date from the record. doc->path = "path#N", N the record's number. See warc.c. */
int read_warc_buf(const char *path, const char *buf, size_t len, const sf_reader *rd);
/* The same streamed from a file descriptor (left open), in memory bounded by the largest
 * record read (16 MiB), whatever the archive's size. */
int read_warc_fd(const char *path, int fd, const sf_reader *rd);
/* Whether a file's first bytes are a WARC record's, plain or gzip-compressed. */
int read_warc_sniff(const char *buf, size_t len);

/* An RSS (2.0, 0.9x, 1.0) or Atom feed: one document per item or entry, its text from
 * content:encoded / <content>, else description / summary, HTML turned into text; source
 * = the feed's title. doc->path = "path#N", N the item's number. See feed.c. */
int read_feed_buf(const char *path, const char *buf, size_t len, const sf_reader *rd);
/* Whether a file's first bytes are a feed's: after the XML prolog, <rss>, <rdf:RDF> or an
 * Atom <feed>. */
int read_feed_sniff(const char *buf, size_t len);

/* Decompress a gzip buffer (one or more members) into *out (malloc'd, NUL-terminated),
 * at most `max` bytes. Returns 0, or -1 with *why set to a static reason. */
int read_gunzip(const char *buf, size_t len, size_t max, char **out, size_t *out_len,
                const char **why);

/* One JSON Lines line (without its '\n'); `lineno` is 1-based. Returns 1 when it was
 * rejected, 0 when it was delivered or blank, -1 when rd->doc asked to stop. */
int read_jsonl_line(const char *path, size_t lineno, const char *line, size_t len,
                    const sf_reader *rd);

/* Strict UTF-8 check (no overlongs, surrogates or code points above U+10FFFF; NUL is
 * valid). Returns 0 when s[0..n) is valid, else -1 and sets *bad_offset (if not NULL) to
 * the offset of the first byte of the first bad sequence. */
int read_utf8_check(const char *s, size_t n, size_t *bad_offset);

/* Report a rejection (rd->reject may be NULL). */
void read_reject(const sf_reader *rd, const char *path, const char *where, const char *reason);

/* Finish a document (default date, day number) and hand it to rd->doc (or free it when
 * there is none). Returns nonzero when reading must stop. */
int read_emit(const sf_reader *rd, sf_doc *doc);

/* Set doc->date from a date string in any form sf_date_parse knows; leaves it NULL (and
 * returns -1) when the string is not a date. */
int read_set_date(sf_doc *doc, const char *s);

#endif
