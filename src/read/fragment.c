/* fragment.c — the text of feed HTML (fragment.h): libxml2's HTML parser builds the tree,
 * an iterative walk (no recursion, whatever the nesting) writes the text. Block elements
 * and double line breaks end paragraphs; one <br> ends a line. */
#include "read/fragment.h"

#include <libxml/HTMLparser.h>
#include <limits.h>
#include <string.h>
#include <strings.h>

enum { K_INLINE, K_BLOCK, K_BREAK, K_CELL, K_SKIP };

static int kind(const xmlChar *name)
{
    static const char *const skip[] = {"script", "style",  "noscript", "template", "iframe",
                                       "object", "embed",  "svg",      "math",     "figcaption",
                                       "button", "select", "textarea", "head",     "nav",
                                       "form",   NULL};
    static const char *const block[] = {
        "p",      "div",    "section", "article", "main",  "header",     "footer", "aside",
        "blockquote", "pre", "h1",     "h2",      "h3",    "h4",         "h5",     "h6",
        "ul",     "ol",     "li",      "dl",      "dt",    "dd",         "table",  "tr",
        "thead",  "tbody",  "tfoot",   "caption", "figure", "hr",        "address", "center",
        "details", "summary", "body",  "html",    NULL};
    const char *n = (const char *)name;
    if (!n) return K_INLINE;
    if (!strcasecmp(n, "br")) return K_BREAK;
    if (!strcasecmp(n, "td") || !strcasecmp(n, "th")) return K_CELL;
    for (size_t i = 0; skip[i]; i++)
        if (!strcasecmp(n, skip[i])) return K_SKIP;
    for (size_t i = 0; block[i]; i++)
        if (!strcasecmp(n, block[i])) return K_BLOCK;
    return K_INLINE;
}

/* The text writer: what separates the next visible byte from the last one. */
typedef struct wr {
    sf_buf *out;
    size_t start; /* out->len when this fragment began */
    int brk;      /* 0 none, 1 line break, 2 paragraph break */
    int space;
} wr;

static void wr_text(wr *w, const char *s, size_t n, int plain)
{
    int newlines = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            w->space = 1;
            if (plain && c == '\n' && ++newlines >= 2) w->brk = 2;
            continue;
        }
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) { /* no-break space */
            w->space = 1;
            i++;
            continue;
        }
        if (w->out->len > w->start) {
            if (w->brk == 2) sf_buf_add(w->out, "\n\n", 2);
            else if (w->brk == 1) sf_buf_addc(w->out, '\n');
            else if (w->space) sf_buf_addc(w->out, ' ');
        }
        w->brk = w->space = newlines = 0;
        sf_buf_addc(w->out, (char)c);
    }
}

/* An element's start (or, for one without children, its start and end). */
static void wr_open(wr *w, int k)
{
    if (k == K_BLOCK) w->brk = 2;
    else if (k == K_BREAK) w->brk = w->brk ? 2 : 1;
    else if (k == K_CELL) w->space = 1;
}

static void wr_close(wr *w, int k)
{
    if (k == K_BLOCK) w->brk = 2;
    else if (k == K_CELL) w->space = 1;
}

static void walk(const xmlNode *top, wr *w)
{
    const xmlNode *n = top->children;
    while (n) {
        int descend = 0;
        if (n->type == XML_ELEMENT_NODE) {
            int k = kind(n->name);
            if (k != K_SKIP) {
                wr_open(w, k);
                descend = n->children != NULL;
            }
        } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
            wr_text(w, (const char *)n->content, strlen((const char *)n->content), 0);
        } /* entity references, comments, processing instructions: nothing */
        if (descend) {
            n = n->children;
            continue;
        }
        while (!n->next) {
            n = n->parent;
            if (!n || n == top) return;
            if (n->type == XML_ELEMENT_NODE) wr_close(w, kind(n->name));
        }
        n = n->next;
    }
}

void frag_tree(const xmlNode *top, sf_buf *out)
{
    wr w = {out, out->len, 0, 0};
    if (top) walk(top, &w);
}

void frag_html(const char *s, size_t n, sf_buf *out)
{
    if (!n) return;
    if (n > INT_MAX) n = INT_MAX;
    htmlDocPtr d = htmlReadMemory(s, (int)n, NULL, "UTF-8",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                      HTML_PARSE_NONET);
    if (!d) return;
    frag_tree((const xmlNode *)d, out);
    xmlFreeDoc(d);
}

void frag_plain(const char *s, size_t n, sf_buf *out)
{
    wr w = {out, out->len, 0, 0};
    wr_text(&w, s, n, 1);
}
