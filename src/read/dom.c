/* dom.c — libxml2's HTML parser (SAX) to the flat tree of dom.h. libxml2 recovers from
 * any markup (unclosed, misnested, truncated) and reports balanced start and end events;
 * this file only keeps what extraction reads and records where each text lies in the
 * input. The SAX interface is used rather than libxml2's own tree because building and
 * freeing that tree costs more than the parse itself (measured: 45-65 MB/s against
 * 90-110 MB/s on the WCXB pages). */
#include "read/dom.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

static const char *const TAG_NAMES[DT_N] = {
    "#text", "#document", "#other", "a", "abbr", "address", "article", "aside", "audio", "b",
    "blockquote", "body", "br", "button", "canvas", "caption", "center", "cite", "code", "dd",
    "del", "details", "dialog", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption",
    "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
    "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label", "legend", "li", "link",
    "main", "mark", "math", "menu", "meta", "nav", "noscript", "object", "ol", "option", "p",
    "picture", "pre", "q", "s", "samp", "script", "section", "select", "small", "source",
    "span", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td",
    "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "tt", "u", "ul",
    "video", "wbr"};

const char *dom_tag_name(int tag)
{
    return tag >= 0 && tag < DT_N ? TAG_NAMES[tag] : "?";
}

/* Binary search over the sorted names DT_A..DT_WBR. */
static int tag_of(const char *name)
{
    int lo = DT_A, hi = DT_N - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        int c = strcmp(name, TAG_NAMES[mid]);
        if (c == 0) return mid;
        if (c < 0) hi = mid - 1;
        else lo = mid + 1;
    }
    return DT_OTHER;
}

/* Elements whose content is never article text and never holds other elements: not
 * stored at all. Others that hold no article text (button, select, svg, noscript, iframe...)
 * are kept and marked by the extractor: libxml2 may nest the rest of a page inside one
 * that is left open (an end tag it ignores), and dropping it would drop the page. */
static int drops_content(int tag)
{
    return tag == DT_SCRIPT || tag == DT_STYLE || tag == DT_TEMPLATE || tag == DT_TEXTAREA;
}

/* Attributes kept (lowercase names, as libxml2 reports them for HTML). */
static int keep_attr(const char *a, int tag)
{
    switch (a[0]) {
    case 'a': return strcmp(a, "aria-hidden") == 0;
    case 'c': return strcmp(a, "class") == 0 || strcmp(a, "content") == 0 || strcmp(a, "charset") == 0;
    case 'd': return strcmp(a, "datetime") == 0;
    case 'h':
        return strcmp(a, "hidden") == 0 || strcmp(a, "http-equiv") == 0 ||
               (strcmp(a, "href") == 0 && (tag == DT_LINK || tag == DT_A));
    case 'i': return strcmp(a, "id") == 0 || strcmp(a, "itemprop") == 0 || strcmp(a, "itemtype") == 0;
    case 'l': return strcmp(a, "lang") == 0;
    case 'n': return strcmp(a, "name") == 0;
    case 'o': return strcmp(a, "open") == 0 && (tag == DT_DIALOG || tag == DT_DETAILS);
    case 'p': return strcmp(a, "property") == 0 || (strcmp(a, "pubdate") == 0 && tag == DT_TIME);
    case 'r': return strcmp(a, "rel") == 0 || strcmp(a, "role") == 0;
    case 't': return strcmp(a, "type") == 0;
    case 'x': return strcmp(a, "xml:lang") == 0;
    default: return 0;
    }
}

/* Whether an inline style hides the element. */
static int style_hides(const char *s)
{
    for (const char *p = s; (p = strchr(p, ':')) != NULL; p++) {
        const char *k = p;
        while (k > s && (k[-1] == ' ' || k[-1] == '\t')) k--;
        const char *v = p + 1;
        while (*v == ' ' || *v == '\t') v++;
        if (k - s >= 7 && strncmp(k - 7, "display", 7) == 0 && strncmp(v, "none", 4) == 0) return 1;
        if (k - s >= 10 && strncmp(k - 10, "visibility", 10) == 0 && strncmp(v, "hidden", 6) == 0)
            return 1;
    }
    return 0;
}

enum { DOM_ATTR_HIDDEN = 1 << 15 }; /* while reading attributes: hidden by an attribute */

typedef struct builder {
    dom *d;
    htmlParserCtxtPtr ctxt;
    uint32_t cur;        /* the open element new nodes go under */
    unsigned skip;       /* depth inside an element whose content is dropped */
    int keep_skipped;    /* inside a JSON-LD script: its text is kept */
    size_t last_off;     /* input offset where the previous event ended */
} builder;

static size_t offset_now(builder *b)
{
    xmlParserInputPtr in = b->ctxt->input;
    if (!in || !in->cur || !in->base) return b->last_off;
    return (size_t)in->consumed + (size_t)(in->cur - in->base);
}

static uint32_t add_node(builder *b, int tag)
{
    dom *d = b->d;
    if (d->len >= DOM_MAX_NODES) {
        d->truncated = 1;
        xmlStopParser(b->ctxt);
        return 0;
    }
    SF_GROW(d->n, d->cap, d->len + 1);
    uint32_t i = (uint32_t)d->len++;
    dom_node *n = &d->n[i];
    memset(n, 0, sizeof *n);
    n->parent = b->cur;
    n->tag = (uint16_t)tag;
    n->end = i + 1;
    return i;
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    builder *b = ((htmlParserCtxtPtr)ctx)->_private;
    size_t now = offset_now(b);
    /* libxml2 reports a start tag before it steps over the closing '>' (or '/>') */
    const xmlChar *c = b->ctxt->input ? b->ctxt->input->cur : NULL;
    if (c && c < b->ctxt->input->end && *c == '/') c++, now++;
    if (c && c < b->ctxt->input->end && *c == '>') now++;
    b->last_off = now;
    if (b->skip) {
        b->skip++;
        return;
    }
    int tag = tag_of((const char *)name);
    uint32_t i = add_node(b, tag);
    if (!i) return;
    dom *d = b->d;
    d->n[i].src = (uint32_t)now;
    d->n[i].off = (uint32_t)d->attrs.len;
    int is_ldjson = 0;
    uint16_t flags = 0;
    for (const xmlChar **a = atts; a && a[0]; a += 2) {
        const char *an = (const char *)a[0], *av = a[1] ? (const char *)a[1] : "";
        if (!keep_attr(an, tag)) {
            if (an[0] == 's' && strcmp(an, "style") == 0 && style_hides(av))
                flags |= DOM_HIDDEN | DOM_STYLE_HIDDEN;
            continue;
        }
        if (strcmp(an, "hidden") == 0 ||
            (strcmp(an, "aria-hidden") == 0 && strcmp(av, "true") == 0))
            flags |= DOM_HIDDEN | DOM_ATTR_HIDDEN;
        if (tag == DT_SCRIPT && strcmp(an, "type") == 0 && strstr(av, "ld+json")) is_ldjson = 1;
        size_t al = strlen(an), vl = strlen(av);
        if (vl > 4096) vl = 4096; /* no attribute extraction reads is longer */
        sf_buf_add(&d->attrs, an, al + 1);
        sf_buf_add(&d->attrs, av, vl);
        sf_buf_addc(&d->attrs, '\0');
    }
    d->n[i].len = (uint32_t)(d->attrs.len - d->n[i].off);
    if (is_ldjson) flags |= DOM_LDJSON;
    if (flags & DOM_ATTR_HIDDEN) flags &= (uint16_t)~(DOM_STYLE_HIDDEN | DOM_ATTR_HIDDEN);
    d->n[i].flags = flags;
    b->cur = i;
    if (drops_content(tag)) {
        b->skip = 1;
        b->keep_skipped = is_ldjson;
    }
}

static void close_cur(builder *b, size_t now)
{
    dom *d = b->d;
    dom_node *n = &d->n[b->cur];
    n->end = (uint32_t)d->len;
    n->src_end = (uint32_t)now;
    b->cur = n->parent;
}

static void on_end(void *ctx, const xmlChar *name)
{
    (void)name;
    builder *b = ((htmlParserCtxtPtr)ctx)->_private;
    size_t now = offset_now(b);
    b->last_off = now;
    if (b->skip > 1) {
        b->skip--;
        return;
    }
    b->skip = 0;
    b->keep_skipped = 0;
    if (b->cur != 0) close_cur(b, now);
}

static void on_text(void *ctx, const xmlChar *s, int len)
{
    builder *b = ((htmlParserCtxtPtr)ctx)->_private;
    size_t now = offset_now(b), start = b->last_off;
    b->last_off = now;
    if (len <= 0 || (b->skip && !b->keep_skipped)) return;
    dom *d = b->d;
    dom_node *last = d->len ? &d->n[d->len - 1] : NULL;
    if (last && last->tag == DT_TEXT && last->parent == b->cur &&
        last->off + last->len == d->text.len) { /* continue the previous text node */
        sf_buf_add(&d->text, s, (size_t)len);
        last->len += (uint32_t)len;
        last->src_end = (uint32_t)now;
        return;
    }
    uint32_t i = add_node(b, DT_TEXT);
    if (!i) return;
    dom_node *n = &d->n[i];
    n->off = (uint32_t)d->text.len;
    n->len = (uint32_t)len;
    n->src = (uint32_t)(start < now ? start : now);
    n->src_end = (uint32_t)now;
    sf_buf_add(&d->text, s, (size_t)len);
}

static void on_other(void *ctx, const xmlChar *s) /* comments: only move the offset */
{
    (void)s;
    builder *b = ((htmlParserCtxtPtr)ctx)->_private;
    b->last_off = offset_now(b);
}

static void on_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
    (void)data;
    on_other(ctx, target);
}

/* libxml2 reports errors through the SAX handler when it has error callbacks; it has
 * none here, and the parser context's own error hooks are silenced by the options. */

void dom_parse(dom *d, const char *html, size_t len)
{
    memset(d, 0, sizeof *d);
    SF_GROW(d->n, d->cap, len / 64 + 64);
    d->len = 1;
    memset(&d->n[0], 0, sizeof d->n[0]);
    d->n[0].tag = DT_ROOT;
    d->n[0].end = 1;
    sf_buf_add(&d->text, "", 0);
    sf_buf_add(&d->attrs, "", 0);
    if (len > INT32_MAX) len = INT32_MAX; /* libxml2 takes an int; read.c caps files far lower */

    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt) return;
    htmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.startElement = on_start;
    sax.endElement = on_end;
    sax.characters = on_text;
    sax.ignorableWhitespace = on_text;
    sax.cdataBlock = on_text;
    sax.comment = on_other;
    sax.processingInstruction = on_pi;
    sax.initialized = 1;
    memcpy(ctxt->sax, &sax, sizeof sax);
    builder b = {d, ctxt, 0, 0, 0, 0};
    ctxt->_private = &b;
    /* the input is UTF-8 already (charset.c): a <meta charset> must not switch decoders */
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
               HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
    htmlDocPtr doc = htmlCtxtReadMemory(ctxt, html, (int)len, NULL, "UTF-8", opts);
    if (doc) xmlFreeDoc(doc);
    size_t now = b.last_off;
    while (b.cur != 0) close_cur(&b, now); /* a stopped parse leaves elements open */
    d->n[0].end = (uint32_t)d->len;
    d->n[0].src_end = (uint32_t)len;
    htmlFreeParserCtxt(ctxt);
}

void dom_free(dom *d)
{
    free(d->n);
    sf_buf_free(&d->text);
    sf_buf_free(&d->attrs);
    memset(d, 0, sizeof *d);
}

const char *dom_attr(const dom *d, size_t i, const char *name)
{
    const dom_node *n = &d->n[i];
    if (n->tag == DT_TEXT) return NULL;
    const char *p = d->attrs.data + n->off, *end = p + n->len;
    while (p < end) {
        size_t kl = strlen(p);
        const char *v = p + kl + 1;
        if (strcmp(p, name) == 0) return v;
        p = v + strlen(v) + 1;
    }
    return NULL;
}

/* Does element k break the line: a block of HTML's (<div>, <h2>, <td>, <br>), or an inline
 * element a class sets apart ("block", as Tailwind's display:block)? */
static int breaks_line(const dom *d, size_t k)
{
    static const unsigned char blocks[] = {
        DT_ADDRESS, DT_ARTICLE, DT_ASIDE,  DT_BLOCKQUOTE, DT_BR,     DT_CAPTION,  DT_DD,
        DT_DETAILS, DT_DIALOG,  DT_DIV,    DT_DL,         DT_DT,     DT_FIELDSET, DT_FIGCAPTION,
        DT_FIGURE,  DT_FOOTER,  DT_FORM,   DT_H1,         DT_H2,     DT_H3,       DT_H4,
        DT_H5,      DT_H6,      DT_HEADER, DT_HR,         DT_LEGEND, DT_LI,       DT_MAIN,
        DT_NAV,     DT_OL,      DT_OPTION, DT_P,          DT_PRE,    DT_SECTION,  DT_SUMMARY,
        DT_TABLE,   DT_TD,      DT_TH,     DT_TR,         DT_UL};
    if (memchr(blocks, d->n[k].tag, sizeof blocks)) return 1;
    const char *cls = dom_attr(d, k, "class");
    for (const char *p = cls; p && (p = strstr(p, "block")) != NULL; p += 5)
        if ((p == cls || p[-1] == ' ' || p[-1] == ':') && (p[5] == '\0' || p[5] == ' '))
            return 1; /* "block", "lg:block"; not "inline-block" */
    return 0;
}

void dom_text(const dom *d, size_t i, sf_buf *out, size_t max)
{
    size_t start = out->len;
    int space = 0;
    size_t hidden_end = 0;
    size_t ends[32], n_ends = 0; /* where the blocks open around k end */
    for (size_t k = i; k < d->n[i].end; k++) {
        const dom_node *n = &d->n[k];
        while (n_ends && ends[n_ends - 1] <= k) n_ends--, space = 1; /* a block ended */
        if (k < hidden_end) continue;
        if (n->tag != DT_TEXT) {
            if (n->flags & DOM_HIDDEN) hidden_end = n->end;
            else if (k > i && breaks_line(d, k)) {
                space = 1;
                if (n_ends < 32) ends[n_ends++] = n->end;
            }
            continue;
        }
        const char *s = d->text.data + n->off;
        for (uint32_t j = 0; j < n->len; j++) {
            unsigned char c = (unsigned char)s[j];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
                space = 1;
                continue;
            }
            if (c == 0xC2 && j + 1 < n->len && (unsigned char)s[j + 1] == 0xA0) { /* nbsp */
                space = 1;
                j++;
                continue;
            }
            if (out->len - start >= max && (c & 0xC0) != 0x80) return;
            if (space && out->len > start) sf_buf_addc(out, ' ');
            space = 0;
            sf_buf_addc(out, (char)c);
        }
    }
}
