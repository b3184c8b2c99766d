/* dom.h — an HTML page as a flat, compact tree, built from libxml2's HTML parser (SAX, in
 * recovery mode: any bytes give a tree). Nodes are stored in document order, so a node's
 * subtree is the index range [i, end) and every walk is a loop, never a recursion, at any
 * depth. Only what extraction reads is kept: element tags, a few attributes, text. The
 * content of script, style, template and textarea is dropped, except the JSON-LD
 * scripts. Knows nothing of articles (html_*.c do). */
#ifndef SF_DOM_H
#define SF_DOM_H

#include "core/mem.h"

#include <stddef.h>
#include <stdint.h>

/* Tags extraction tells apart; everything else is DT_OTHER. */
typedef enum dom_tag {
    DT_TEXT = 0, /* a text node */
    DT_ROOT,     /* node 0, the document */
    DT_OTHER,
    DT_A, DT_ABBR, DT_ADDRESS, DT_ARTICLE, DT_ASIDE, DT_AUDIO, DT_B, DT_BLOCKQUOTE, DT_BODY,
    DT_BR, DT_BUTTON, DT_CANVAS, DT_CAPTION, DT_CENTER, DT_CITE, DT_CODE, DT_DD, DT_DEL,
    DT_DETAILS, DT_DIALOG, DT_DIV, DT_DL, DT_DT, DT_EM, DT_EMBED, DT_FIELDSET, DT_FIGCAPTION,
    DT_FIGURE, DT_FONT, DT_FOOTER, DT_FORM, DT_H1, DT_H2, DT_H3, DT_H4, DT_H5, DT_H6, DT_HEAD,
    DT_HEADER, DT_HR, DT_HTML, DT_I, DT_IFRAME, DT_IMG, DT_INPUT, DT_INS, DT_KBD, DT_LABEL,
    DT_LEGEND, DT_LI, DT_LINK, DT_MAIN, DT_MARK, DT_MATH, DT_MENU, DT_META, DT_NAV,
    DT_NOSCRIPT, DT_OBJECT, DT_OL, DT_OPTION, DT_P, DT_PICTURE, DT_PRE, DT_Q, DT_S, DT_SAMP,
    DT_SCRIPT, DT_SECTION, DT_SELECT, DT_SMALL, DT_SOURCE, DT_SPAN, DT_STRONG, DT_STYLE,
    DT_SUB, DT_SUMMARY, DT_SUP, DT_SVG, DT_TABLE, DT_TBODY, DT_TD, DT_TEMPLATE, DT_TEXTAREA,
    DT_TFOOT, DT_TH, DT_THEAD, DT_TIME, DT_TITLE, DT_TR, DT_TT, DT_U, DT_UL, DT_VIDEO, DT_WBR,
    DT_N
} dom_tag;

/* Node flags. */
enum {
    DOM_HIDDEN = 1 << 0, /* hidden, aria-hidden="true", style display:none / visibility:hidden */
    DOM_LDJSON = 1 << 1, /* a <script type="application/ld+json"> */
    DOM_STYLE_HIDDEN = 1 << 2, /* hidden by its style attribute alone (with DOM_HIDDEN) */
};

typedef struct dom_node {
    uint32_t parent;   /* index of the parent element (node 0 is its own parent) */
    uint32_t end;      /* one past the last node of the subtree */
    uint32_t off, len; /* text: its bytes in dom.text; element: its attributes in dom.attrs */
    uint32_t src;      /* text: offset of its first byte in the (UTF-8) HTML; element: just
                          after its start tag */
    uint32_t src_end;  /* text: just after its last byte; element: after its end tag */
    uint16_t tag;      /* a dom_tag */
    uint16_t flags;
} dom_node;

typedef struct dom {
    dom_node *n; /* n[0] is the document */
    size_t len, cap;
    sf_buf text;  /* the text nodes' bytes, entities decoded, back to back */
    sf_buf attrs; /* per element: "name\0value\0" pairs (kept attributes only) */
    int truncated; /* the page had more than DOM_MAX_NODES nodes: the rest was not read */
} dom;

#define DOM_MAX_NODES (1u << 21) /* 2 Mi nodes (72 MiB): bounds memory on hostile pages */

/* Parse HTML (valid UTF-8; see charset.h) into d. Never fails; `truncated` tells when
 * the page was too large to read whole. Offsets are relative to `html`. */
void dom_parse(dom *d, const char *html, size_t len);
void dom_free(dom *d);

/* The value of attribute `name` (lowercase) of element i, or NULL. Borrowed from d. */
const char *dom_attr(const dom *d, size_t i, const char *name);

/* The name of a tag ("p", "div"; "#text"). */
const char *dom_tag_name(int tag);

/* The text of element i's subtree, whitespace collapsed to single spaces and trimmed,
 * a space where a block starts or ends (<div>, <h2>, <td>, <br>, class "block"),
 * appended to out (hidden nodes left out); at most `max` bytes (cut at a character). */
void dom_text(const dom *d, size_t i, sf_buf *out, size_t max);

#endif
