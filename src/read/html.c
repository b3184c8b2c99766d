/* html.c — the HTML reader: a page's bytes to its article (html.h), and to an sf_doc
 * (read_html_buf, read.h). The steps are other files': charset.c (bytes to UTF-8),
 * dom.c (parse), html_meta.c (metadata), html_main.c (main text). */
#include "read/html.h"

#include "core/mem.h"
#include "read/charset.h"
#include "read/read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void html_read(const char *buf, size_t len, html_page *page)
{
    html_read_given(buf, len, NULL, page);
}

void html_read_given(const char *buf, size_t len, const char *charset, html_page *page)
{
    memset(page, 0, sizeof *page);
    charset_out cs;
    charset_utf8_given(buf, len, charset, &cs);
    snprintf(page->charset, sizeof page->charset, "%s", cs.name);
    dom d;
    dom_parse(&d, cs.data, cs.len);
    page->truncated = d.truncated;
    html_meta(&d, page);
    html_main(&d, page->title, page);
    if (cs.skip) /* offsets into the page, BOM included */
        for (size_t i = 0; i < page->n_paras; i++) {
            page->paras[i].src += (uint32_t)cs.skip;
            page->paras[i].src_end += (uint32_t)cs.skip;
        }
    dom_free(&d);
    free(cs.owned);
}

void html_page_free(html_page *p)
{
    free(p->title);
    free(p->author);
    free(p->url);
    free(p->site);
    free(p->lang);
    free(p->date);
    free(p->text);
    free(p->paras);
    memset(p, 0, sizeof *p);
}

int read_html_buf(const char *path, const char *buf, size_t len, const sf_reader *rd)
{
    return read_html_buf_given(path, buf, len, NULL, rd);
}

int read_html_buf_given(const char *path, const char *buf, size_t len, const char *charset,
                        const sf_reader *rd)
{
    html_page pg;
    html_read_given(buf, len, charset, &pg);
    const char *why = NULL;
    if (!pg.text) why = pg.truncated ? "HTML page too large (more than 2 Mi nodes) and no text in its first part"
                                     : "no article text found in the HTML";
    else if (pg.len > SF_MAX_DOC) why = "document larger than 16 MiB";
    if (why) {
        read_reject(rd, path, "", why);
        html_page_free(&pg);
        return 1;
    }
    sf_doc *doc = sf_doc_new();
    doc->path = sf_xstrdup(path);
    doc->text = pg.text;
    doc->len = pg.len;
    doc->title = pg.title;
    doc->author = pg.author;
    doc->url = pg.url;
    doc->source = pg.site;
    doc->lang = pg.lang;
    if (pg.date) read_set_date(doc, pg.date);
    pg.text = pg.title = pg.author = pg.url = pg.site = pg.lang = NULL;
    html_page_free(&pg);
    return read_emit(rd, doc) ? -1 : 0;
}
