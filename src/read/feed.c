/* feed.c — RSS (2.0, 0.9x and 1.0/RDF) and Atom feeds: one document per item or entry.
 * Owns the feed's XML and which element says what; an item's HTML becomes text in
 * fragment.c.
 *
 * The XML is parsed by libxml2 with recovery on and no network; entities are neither
 * substituted nor loaded (no XML_PARSE_NOENT, no DTD loading), and entity references
 * are never followed when text or attributes are read, so neither an external entity
 * (XXE) nor an exponential internal one is expanded. libxml2 caps the nesting at 256.
 *
 * Per item: title; url = RSS <link> (or a permalink <guid>), Atom <link rel="alternate">;
 * date = pubDate / dc:date, Atom published / updated; author = dc:creator / <author>
 * ("jane@example.org (Jane Doe)" gives "Jane Doe"), Atom author/name (the entry's, else
 * the feed's); text = content:encoded / Atom <content>, else description / summary,
 * HTML turned into text; ext_id = guid / Atom id; source = the channel or feed title;
 * lang = the channel's language / xml:lang. doc->path = "path#N", N the item's number. */
#include "core/mem.h"
#include "read/fragment.h"
#include "read/read.h"

#include <ctype.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

/* ---- reading the tree -------------------------------------------------------------------- */

/* An element named `name` in namespace `ns`; ns NULL: no namespace or an RSS one (RSS 1.0
 * and 0.90 put their elements in one). */
static int is(const xmlNode *n, const char *ns, const char *name)
{
    if (!n || n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, name) != 0) return 0;
    const char *href = n->ns && n->ns->href ? (const char *)n->ns->href : NULL;
    if (ns) return href && !strcmp(href, ns);
    return !href || !strcmp(href, "http://purl.org/rss/1.0/") ||
           !strcmp(href, "http://my.netscape.com/rdf/simple/0.9/") ||
           !strcmp(href, "http://backend.userland.com/rss2");
}

static const xmlNode *child(const xmlNode *n, const char *ns, const char *name)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (is(c, ns, name)) return c;
    return NULL;
}

/* The text and CDATA under n, all levels, entity references not followed. */
static void raw_text(const xmlNode *top, sf_buf *out)
{
    const xmlNode *n = top ? top->children : NULL;
    while (n) {
        if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content)
            sf_buf_adds(out, (const char *)n->content);
        if (n->type == XML_ELEMENT_NODE && n->children) {
            n = n->children;
            continue;
        }
        while (!n->next) {
            n = n->parent;
            if (!n || n == top) return;
        }
        n = n->next;
    }
}

/* An attribute's value, read from its text nodes only (xmlGetProp would expand entity
 * references); "" when absent. Valid until the next call. */
static const char *attr(const xmlNode *n, const char *name, sf_buf *tmp)
{
    tmp->len = 0;
    sf_buf_adds(tmp, "");
    for (const xmlAttr *a = n ? n->properties : NULL; a; a = a->next) {
        if (strcmp((const char *)a->name, name) != 0) continue;
        for (const xmlNode *t = a->children; t; t = t->next)
            if (t->type == XML_TEXT_NODE && t->content) sf_buf_adds(tmp, (const char *)t->content);
        break;
    }
    return tmp->data;
}

/* A malloc'd copy of s[0, n) trimmed, or NULL when empty or not valid UTF-8. */
static char *dup_trim(const char *s, size_t n)
{
    while (n && isspace((unsigned char)*s)) s++, n--;
    while (n && isspace((unsigned char)s[n - 1])) n--;
    if (!n || read_utf8_check(s, n, NULL) != 0) return NULL;
    return sf_xstrndup(s, n);
}

/* Text that may hold markup or entities (titles, names): as text, on one line. */
static char *inline_text(const xmlNode *n, int html)
{
    if (!n) return NULL;
    sf_buf raw = {0}, out = {0};
    raw_text(n, &raw);
    if (html && raw.len && (memchr(raw.data, '<', raw.len) || memchr(raw.data, '&', raw.len)))
        frag_html(raw.data, raw.len, &out);
    else if (raw.len)
        frag_plain(raw.data, raw.len, &out);
    for (size_t i = 0; i < out.len; i++)
        if (out.data[i] == '\n') out.data[i] = ' ';
    char *r = out.len ? dup_trim(out.data, out.len) : NULL;
    sf_buf_free(&raw);
    sf_buf_free(&out);
    return r;
}

/* Body text: html (markup, maybe entity-escaped in the XML), xhtml (a tree) or plain. */
enum { T_TEXT, T_HTML, T_XHTML };

static void body_text(const xmlNode *n, int type, sf_buf *out)
{
    if (type == T_XHTML) {
        const xmlNode *div = n->children;
        while (div && div->type != XML_ELEMENT_NODE) div = div->next;
        frag_tree(div ? div : n, out); /* the wrapping <div> is the content's container */
        return;
    }
    sf_buf raw = {0};
    raw_text(n, &raw);
    if (type == T_HTML) frag_html(raw.data, raw.len, out);
    else frag_plain(raw.data, raw.len, out);
    sf_buf_free(&raw);
}

/* An Atom text construct's type. -1: not text (a media type, or content given by src). */
static int atom_type(const xmlNode *n, sf_buf *tmp)
{
    if (*attr(n, "src", tmp)) return -1;
    const char *t = attr(n, "type", tmp);
    if (!*t || !strcasecmp(t, "text") || !strcasecmp(t, "text/plain")) return T_TEXT;
    if (!strcasecmp(t, "html") || !strcasecmp(t, "text/html")) return T_HTML;
    if (!strcasecmp(t, "xhtml") || !strcasecmp(t, "application/xhtml+xml")) return T_XHTML;
    return -1;
}

/* "jane@example.org (Jane Doe)" -> "Jane Doe"; a bare address -> NULL. */
static char *rss_author(char *a)
{
    if (!a) return NULL;
    char *open = strchr(a, '('), *close = strrchr(a, ')');
    if (open && close > open + 1) {
        char *r = dup_trim(open + 1, (size_t)(close - open - 1));
        free(a);
        return r;
    }
    if (strchr(a, '@') && !strchr(a, ' ')) {
        free(a);
        return NULL;
    }
    return a;
}

/* "en-us" -> "en". */
static char *lang_code(const char *l)
{
    size_t n = 0;
    char out[4];
    while (n < 4 && isalpha((unsigned char)l[n])) out[n] = (char)tolower((unsigned char)l[n]), n++;
    if (n < 2 || n > 3 || isalpha((unsigned char)l[n])) return NULL;
    out[n] = '\0';
    return sf_xstrdup(out);
}

/* ---- one item ------------------------------------------------------------------------------ */

typedef struct feed {
    const char *path;
    const sf_reader *rd;
    int atom;
    char *source, *lang, *author; /* the channel's or feed's */
    int rejects, stopped;
    size_t n_items;
    sf_buf tmp;
} feed;

static void item_reject(feed *f, size_t no, const char *reason)
{
    char where[32];
    snprintf(where, sizeof where, "item %zu", no);
    read_reject(f->rd, f->path, where, reason);
    f->rejects++;
}

static void set_date(sf_doc *d, const xmlNode *n)
{
    if (!n || d->date) return;
    sf_buf s = {0};
    raw_text(n, &s);
    if (s.len) read_set_date(d, s.data);
    sf_buf_free(&s);
}

static const xmlNode *atom_link(const xmlNode *e, sf_buf *tmp)
{
    const xmlNode *best = NULL;
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (!is(c, NS_ATOM, "link")) continue;
        const char *rel = attr(c, "rel", tmp);
        if (*rel && strcmp(rel, "alternate") != 0) continue;
        if (!best) best = c;
        const char *type = attr(c, "type", tmp);
        if (!strcmp(type, "text/html")) return c;
    }
    return best;
}

static void read_item(feed *f, const xmlNode *it)
{
    size_t no = ++f->n_items;
    sf_doc *d = sf_doc_new();
    sf_buf text = {0};
    if (f->atom) {
        d->title = inline_text(child(it, NS_ATOM, "title"), 1);
        const xmlNode *l = atom_link(it, &f->tmp);
        const char *href = l ? attr(l, "href", &f->tmp) : "";
        d->url = dup_trim(href, strlen(href));
        set_date(d, child(it, NS_ATOM, "published"));
        set_date(d, child(it, NS_ATOM, "updated"));
        d->author = inline_text(child(child(it, NS_ATOM, "author"), NS_ATOM, "name"), 0);
        d->ext_id = inline_text(child(it, NS_ATOM, "id"), 0);
        const xmlNode *c = child(it, NS_ATOM, "content");
        int t = c ? atom_type(c, &f->tmp) : -1;
        if (t >= 0) body_text(c, t, &text);
        if (!text.len && (c = child(it, NS_ATOM, "summary")) && (t = atom_type(c, &f->tmp)) >= 0)
            body_text(c, t, &text);
        xmlChar *lang = xmlNodeGetLang(it);
        if (lang) d->lang = lang_code((const char *)lang);
        xmlFree(lang);
    } else {
        d->title = inline_text(child(it, NULL, "title"), 1);
        d->url = inline_text(child(it, NULL, "link"), 0);
        const xmlNode *g = child(it, NULL, "guid");
        if (g) {
            d->ext_id = inline_text(g, 0);
            const char *perma = attr(g, "isPermaLink", &f->tmp);
            if (!d->url && d->ext_id && strcmp(perma, "false") != 0 &&
                !strncmp(d->ext_id, "http", 4))
                d->url = sf_xstrdup(d->ext_id);
        }
        if (!d->ext_id) { /* RSS 1.0: <item rdf:about="..."> */
            const char *about = attr(it, "about", &f->tmp);
            d->ext_id = dup_trim(about, strlen(about));
        }
        set_date(d, child(it, NULL, "pubDate"));
        set_date(d, child(it, NS_DC, "date"));
        d->author = inline_text(child(it, NS_DC, "creator"), 0);
        if (!d->author) d->author = rss_author(inline_text(child(it, NULL, "author"), 0));
        const xmlNode *c = child(it, NS_CONTENT, "encoded");
        if (c) body_text(c, T_HTML, &text);
        if (!text.len && (c = child(it, NULL, "description"))) body_text(c, T_HTML, &text);
    }
    if (!d->author && f->author) d->author = sf_xstrdup(f->author);
    if (!d->lang && f->lang) d->lang = sf_xstrdup(f->lang);
    if (f->source) d->source = sf_xstrdup(f->source);

    const char *why = NULL;
    if (!text.len) why = "no text in the item";
    else if (text.len > SF_MAX_DOC) why = "document larger than 16 MiB";
    else if (read_utf8_check(text.data, text.len, NULL) != 0) why = "invalid UTF-8 in the item";
    if (why) {
        item_reject(f, no, why);
        sf_doc_free(d);
        sf_buf_free(&text);
        return;
    }
    sf_buf name = {0};
    sf_buf_printf(&name, "%s#%zu", f->path, no);
    d->path = sf_buf_take(&name);
    d->len = text.len;
    d->text = sf_buf_take(&text);
    if (read_emit(f->rd, d)) f->stopped = 1;
}

/* ---- the feed ------------------------------------------------------------------------------- */

/* The first parse error, kept by libxml2's structured error hook. */
typedef struct first_err {
    int line;
    char msg[120];
} first_err;

static void on_xml_error(void *user, xmlErrorPtr e)
{
    xmlParserCtxtPtr ctxt = user;
    first_err *fe = ctxt ? ctxt->_private : NULL;
    if (!fe || fe->line || !e || e->level < XML_ERR_ERROR) return;
    fe->line = e->line > 0 ? e->line : 1;
    snprintf(fe->msg, sizeof fe->msg, "%s", e->message ? e->message : "error");
    size_t l = strlen(fe->msg);
    while (l && (fe->msg[l - 1] == '\n' || fe->msg[l - 1] == ' ')) fe->msg[--l] = '\0';
}

int read_feed_buf(const char *path, const char *buf, size_t len, const sf_reader *rd)
{
    feed f;
    memset(&f, 0, sizeof f);
    f.path = path;
    f.rd = rd;
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        read_reject(rd, path, "", "out of memory");
        return 1;
    }
    first_err fe = {0, ""};
    ctxt->_private = &fe;
    ctxt->sax->serror = on_xml_error;
    /* no XML_PARSE_NOENT, XML_PARSE_DTDLOAD or XML_PARSE_HUGE: see the top comment */
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, buf, len > INT_MAX ? INT_MAX : (int)len, NULL, NULL,
                                      XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR |
                                          XML_PARSE_NOWARNING);
    const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    const xmlNode *chan = NULL, *list = NULL;
    if (is(root, NS_ATOM, "feed")) {
        f.atom = 1;
        list = root;
        f.source = inline_text(child(root, NS_ATOM, "title"), 1);
        f.author = inline_text(child(child(root, NS_ATOM, "author"), NS_ATOM, "name"), 0);
    } else if (is(root, NULL, "rss") || is(root, NS_RDF, "RDF")) {
        chan = child(root, NULL, "channel");
        /* RSS 1.0 puts its items beside the channel, 2.0 inside it */
        list = is(root, NS_RDF, "RDF") ? root : chan;
        f.source = inline_text(child(chan, NULL, "title"), 1);
        const xmlNode *l = child(chan, NULL, "language");
        if (!l) l = child(chan, NS_DC, "language");
        char *lt = inline_text(l, 0);
        if (lt) f.lang = lang_code(lt);
        free(lt);
    }
    if (f.atom && !f.lang && root) {
        xmlChar *lang = xmlNodeGetLang(root);
        if (lang) f.lang = lang_code((const char *)lang);
        xmlFree(lang);
    }
    int broken = fe.line != 0 || (ctxt && !ctxt->wellFormed);
    if (broken) { /* reported once; whatever items recovery kept are still read */
        char where[32], why[160];
        snprintf(where, sizeof where, "line %d", fe.line ? fe.line : 1);
        snprintf(why, sizeof why, "malformed XML: %s", fe.line ? fe.msg : "error");
        read_reject(rd, path, where, why);
        f.rejects++;
    }
    if (!list) {
        if (!broken) {
            read_reject(rd, path, "", "not an RSS or Atom feed");
            f.rejects++;
        }
    } else {
        for (const xmlNode *c = list->children; c && !f.stopped; c = c->next)
            if (f.atom ? is(c, NS_ATOM, "entry") : is(c, NULL, "item")) read_item(&f, c);
        if (!f.n_items && !broken) {
            read_reject(rd, path, "", "no items in the feed");
            f.rejects++;
        }
    }
    if (doc) xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctxt);
    free(f.source);
    free(f.lang);
    free(f.author);
    sf_buf_free(&f.tmp);
    return f.rejects;
}

/* ---- sniffing ------------------------------------------------------------------------------- */

static const char *skip_ws(const char *p, const char *end)
{
    while (p < end && isspace((unsigned char)*p)) p++;
    return p;
}

static const char *find(const char *p, const char *end, const char *lit)
{
    size_t l = strlen(lit);
    for (; p + l <= end; p++)
        if (*p == *lit && !memcmp(p, lit, l)) return p;
    return NULL;
}

int read_feed_sniff(const char *buf, size_t len)
{
    const char *p = buf, *end = buf + (len < 4096 ? len : 4096);
    if (end - p >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) p += 3;
    for (;;) { /* the prolog: declaration, comments, processing instructions, doctype */
        p = skip_ws(p, end);
        const char *q;
        if (end - p >= 2 && !memcmp(p, "<?", 2)) {
            q = find(p, end, "?>");
            if (q) q += 2;
        } else if (end - p >= 4 && !memcmp(p, "<!--", 4)) {
            q = find(p + 4, end, "-->");
            if (q) q += 3;
        } else if (end - p >= 9 && !strncasecmp(p, "<!DOCTYPE", 9)) {
            const char *br = memchr(p, '[', (size_t)(end - p));
            const char *gt = memchr(p, '>', (size_t)(end - p));
            if (br && gt && br < gt) gt = (q = find(br, end, "]")) ? memchr(q, '>', (size_t)(end - q)) : NULL;
            q = gt ? gt + 1 : NULL;
        } else {
            break;
        }
        if (!q) return 0;
        p = q;
    }
    size_t n = (size_t)(end - p);
    if (n >= 5 && !memcmp(p, "<rss", 4) && (isspace((unsigned char)p[4]) || p[4] == '>')) return 1;
    if (n >= 8 && !memcmp(p, "<rdf:RDF", 8)) return 1;
    if ((n >= 6 && !memcmp(p, "<feed", 5)) || (n >= 11 && !memcmp(p, "<atom:feed", 10))) {
        const char *gt = memchr(p, '>', n);
        return gt && find(p, gt, NS_ATOM) != NULL;
    }
    return 0;
}
