/* fragment.h — the text of HTML as feeds carry it (an item's description or content, often
 * entity-escaped inside the XML): paragraphs separated by blank lines, whitespace folded,
 * scripts, styles and captions left out. Not the article extractor of a whole page
 * (html_main.c): a feed item's markup is all article. Uses libxml2's trees. */
#ifndef SF_FRAGMENT_H
#define SF_FRAGMENT_H

#include "core/mem.h"

#include <libxml/tree.h>
#include <stddef.h>

/* Append the text of HTML source s[0, n) (UTF-8) to out. */
void frag_html(const char *s, size_t n, sf_buf *out);

/* Append the text of the tree under `top` (XHTML content already parsed with the feed),
 * top itself excluded. Entity references are not followed. */
void frag_tree(const xmlNode *top, sf_buf *out);

/* Append plain text s[0, n): runs of spaces folded, blank lines kept as paragraph breaks. */
void frag_plain(const char *s, size_t n, sf_buf *out);

#endif
