/* html.h — a news page in HTML read into its article: the main text as paragraphs (each
 * with its byte range in the page) and the metadata (title, byline, date, canonical URL,
 * site name, language). html.c drives it: charset (charset.c) → tree (dom.c) → metadata
 * (html_meta.c) and main text (html_main.c); read_html_buf (read.h) turns the result
 * into an sf_doc. */
#ifndef SF_HTML_H
#define SF_HTML_H

#include "read/dom.h"

#include <stddef.h>
#include <stdint.h>

/* One kept paragraph: its bytes in html_page.text, and the bytes of the page it came
 * from (from its first text to its last, tags inside included). Page offsets are into
 * the page as read when it was UTF-8 (nearly always), else into its UTF-8 conversion. */
typedef struct html_para {
    uint32_t start, end;   /* [start, end) in text */
    uint32_t src, src_end; /* [src, src_end) in the page */
} html_para;

/* What a page yields. Strings are malloc'd, NUL-terminated UTF-8, NULL when unknown. */
typedef struct html_page {
    char *title, *author, *url, *site, *lang;
    char *date;   /* "YYYY-MM-DD" */
    char *text;   /* the article's paragraphs, separated by blank lines; NULL if none */
    size_t len;
    html_para *paras;
    size_t n_paras;
    char charset[32]; /* the encoding the page was read in */
    int truncated;    /* the page was too large to read whole (DOM_MAX_NODES) */
} html_page;

/* Read a page (any bytes; len may be 0). Never fails: a page without article text has
 * text == NULL. */
void html_read(const char *buf, size_t len, html_page *page);
/* The same for a page that came with a charset from outside (HTTP's Content-Type; NULL
 * when none): see charset_utf8_given. */
void html_read_given(const char *buf, size_t len, const char *charset, html_page *page);
void html_page_free(html_page *page);

/* ---- the parts (internal to src/read/html*.c) --------------------------------------- */

/* Fill the page's metadata from the tree; `url` is the page's address if known. */
void html_meta(const dom *d, html_page *page);

/* Fill page->text and page->paras with the main text. `title` (may be NULL) is the
 * page's title, left out of the text when a heading repeats it. */
void html_main(const dom *d, const char *title, html_page *page);

/* A date as a page prints it, at the start of s: what sf_date_parse reads, and
 * "September 1st, 2023", "23.07.2025", "10/31/2024", "2023 Jan 7", "4. März 2025",
 * "3 de marzo de 2025" (month names in en de fr es it nl pt). 0 and "YYYY-MM-DD" in ymd,
 * or -1. (html_date.c) */
int html_date_parse(const char *s, char ymd[11]);

#endif
