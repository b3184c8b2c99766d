/* fuzz_html.c — libFuzzer target for the HTML reader: the input is a page. The charset
 * step must give valid UTF-8 without NUL bytes; the page's text must be valid UTF-8 of
 * the stated length, its paragraphs in order and inside the text, every metadata string
 * valid UTF-8 and the date "YYYY-MM-DD"; read_html_buf must deliver one document or
 * reject with a reason. Seeds: tests/fuzz/html-seeds/ (invented pages). */
#include "read/charset.h"
#include "read/html.h"
#include "read/read.h"
#include "storyfold.h"

#include "fuzz.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void check_str(const char *s)
{
    CHECK(!s || read_utf8_check(s, strlen(s), NULL) == 0);
}

static int on_doc(sf_doc *d, void *ctx)
{
    (void)ctx;
    CHECK(d->text && d->len == strlen(d->text) && d->path);
    CHECK(read_utf8_check(d->text, d->len, NULL) == 0);
    sf_doc_free(d);
    return 0;
}

static void on_reject(const char *path, const char *where, const char *reason, void *ctx)
{
    (void)ctx;
    CHECK(path && where && reason && reason[0]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *buf = (const char *)data;
    charset_out cs;
    charset_utf8(buf, size, &cs);
    CHECK(read_utf8_check(cs.data, cs.len, NULL) == 0);
    CHECK(memchr(cs.data, '\0', cs.len) == NULL);
    free(cs.owned);

    html_page pg;
    html_read(buf, size, &pg);
    if (pg.text) {
        CHECK(pg.len == strlen(pg.text) && pg.len > 0);
        CHECK(read_utf8_check(pg.text, pg.len, NULL) == 0);
    }
    uint32_t last = 0;
    for (size_t i = 0; i < pg.n_paras; i++) {
        const html_para *p = &pg.paras[i];
        CHECK(p->start >= last && p->start < p->end && p->end <= pg.len);
        CHECK(p->src <= p->src_end);
        last = p->end;
    }
    check_str(pg.title);
    check_str(pg.author);
    check_str(pg.url);
    check_str(pg.site);
    check_str(pg.lang);
    CHECK(!pg.date || strlen(pg.date) == 10);
    html_page_free(&pg);

    sf_reader rd = {on_doc, on_reject, NULL, NULL, NULL};
    CHECK(read_html_buf("fuzz.html", buf, size, &rd) >= 0);
    return 0;
}
