/* html_main.c — the main text of a page: which part of the tree is the article, and which
 * of its paragraphs are article text. Metadata is html_meta.c's.
 *
 * The method, after Readability, jusText and boilerpipe (their published descriptions):
 *  1. Elements are marked boilerplate by tag (nav, aside, footer, header, figure caption,
 *     menu, dialog), ARIA role (navigation, banner, contentinfo, complementary, ...), or a
 *     class/id naming a comment section, share bar, related-article teasers, newsletter
 *     or cookie prompt, caption, photo credit, byline, ad... A mark is ignored on an
 *     element that holds the article (half of the page's text, or a node marked as the
 *     article body), so a page wrapped in <div class="has-sidebar"> survives; a figure
 *     holding a table or a quotation, and a collapsed section (display:none) holding
 *     paragraphs, are the article's.
 *  2. The text is cut into blocks (paragraphs, list items, headings, cells, text between
 *     <br><br>), each with its length and the share of it that is link text (a heading's
 *     link to its own place in the page aside). A block is linky (link density > 0.65),
 *     good (long, or a sentence of some length with little link text), near-good, or
 *     short (jusText's classes); a CJK character counts for three Latin ones.
 *  3. Each block scores for its element: good text counts fully, near-good 0.3, link
 *     text against; an element named as the article weighs 1.3 times. Scores add up the tree (bottom-up, one loop); the element with the
 *     highest score is the article (the outermost of equals, so a heading or a short
 *     paragraph beside the body stays in). Teaser cards (a linked headline and a summary
 *     in an element of their own) count once more without their summaries: when the
 *     best element so holds 0.4 of the score of the best with them, it is the article
 *     (the cards link elsewhere); when not, the cards are the article (a list page).
 *     Its siblings that score a fifth of it (without teasers) join it, as in Readability
 *     (an article in sections, one of them a list of links that pulls the parent down).
 *  4. Inside it, boilerplate-marked elements and linky blocks go; near-good blocks stay
 *     when a good block comes before or after them (jusText: short, near-good blocks
 *     and headings between are passed over); short blocks and headings stay between
 *     kept blocks; the title heading goes (html.h).
 * Built with -DHTML_MAIN_TRACE, it prints the chosen element, the other candidates and
 * every block with its class on stderr (for error analysis with tools/html_read.c). */
#include "read/html.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#ifdef HTML_MAIN_TRACE
#include <stdio.h>
#endif

/* ---- element marks ------------------------------------------------------------------- */

enum {
    M_BAD = 1,     /* boilerplate by tag, role or class */
    M_GOOD = 2,    /* named as the article body */
    M_HIDDEN = 4,  /* hidden (inherited) */
    M_LINK = 8,    /* inside <a> (inherited) */
    M_PRE = 16,    /* inside <pre> (inherited) */
    M_EXEMPT = 32, /* a boilerplate mark ignored: the element holds the article */
    M_SOFT = 64,   /* the boilerplate mark is by a soft class name (own mark only) */
    M_NAMED = 128, /* the boilerplate mark is by a class name that can wrap an article
                      ("content-nav-section", "jump-link-content"; own mark only) */
    M_SELF = 64,   /* inside a link to a place in the page, <a href="#..."> (inherited; the
                      bit of M_SOFT, which is cleared before) */
};

static int is_block_tag(int t)
{
    switch (t) {
    case DT_ROOT: case DT_OTHER: case DT_ADDRESS: case DT_ARTICLE: case DT_ASIDE:
    case DT_BLOCKQUOTE: case DT_BODY: case DT_CAPTION: case DT_CENTER: case DT_DD:
    case DT_DETAILS: case DT_DIALOG: case DT_DIV: case DT_DL: case DT_DT: case DT_FIELDSET:
    case DT_FIGCAPTION: case DT_FIGURE: case DT_FOOTER: case DT_FORM: case DT_H1: case DT_H2:
    case DT_H3: case DT_H4: case DT_H5: case DT_H6: case DT_HEADER: case DT_HR: case DT_HTML:
    case DT_LEGEND: case DT_LI: case DT_MAIN: case DT_MENU: case DT_NAV: case DT_OL: case DT_P:
    case DT_PRE: case DT_SECTION: case DT_SUMMARY: case DT_TABLE: case DT_TBODY: case DT_TD:
    case DT_TFOOT: case DT_TH: case DT_THEAD: case DT_TR: case DT_UL: case DT_HEAD:
    case DT_TITLE:
        return 1;
    default:
        return 0;
    }
}

static int heading_level(int t)
{
    return t >= DT_H1 && t <= DT_H6 ? t - DT_H1 + 1 : 0;
}

/* Does `pat` occur in s at a word start (after a non-letter or at the start)? With
 * `whole`, it must also end at a word end. */
static int has_word(const char *s, const char *pat, int whole)
{
    size_t pl = strlen(pat);
    for (const char *p = s; (p = strstr(p, pat)) != NULL; p++) {
        int start = p == s || !((p[-1] >= 'a' && p[-1] <= 'z'));
        int end = !((p[pl] >= 'a' && p[pl] <= 'z'));
        if (start && (!whole || end)) return 1;
    }
    return 0;
}

/* Class/id words. Anywhere in the name: distinctive enough ("articlecomments"); at a
 * word start: short or ambiguous ones ("nav" is in "unavailable"). */
static const char *const BAD_ANYWHERE[] = {
    "comment", "disqus", "cookie", "consent", "gdpr", "newsletter", "subscri", "signup",
    "sign-up", "share", "sharing", "social", "related", "recommend", "outbrain", "taboola",
    "promo", "advert", "sponsor", "popup", "modal", "breadcrumb", "pagination", "sidebar",
    "readmore", "read-more", "more-stories", "trending", "popular", "byline", "footer", "masthead", "skiplink", "skip-link", "toolbar",
    "author-bio", "authorbio", "author-box", "authorbox", "newsletter", "paywall-prompt",
    "visually-hidden", "visuallyhidden", "sr-only", "screen-reader", "hidden-text", "jump-link",
    "tag-list", "taglist", "post-tags", "article-tags", "donate", "login", "signin",
    "most-read", "mostread", "you-may-also", "also-like", "next-article", "prev-article",
    "post-navigation", "post-nav", "pagenav", "alert-bar", "ticker", "print-only",
    "gallery-thumb", "reactions", "emoji", NULL};
static const char *const BAD_WORD_START[] = {"nav", "menu", NULL};
static const char *const BAD_WHOLE[] = {"ad", "ads", "adv", "dfp", "tag", "date", "author", "cta",
                                       "share", NULL};
/* Names whose mark holds whatever the element holds (a comment section, a cookie or
 * newsletter prompt, teasers: prose that is not the article); the others yield when the
 * element holds YIELD_PARA characters of paragraph text (a "nav" or "jump-link" in the
 * class of a page's content sections). */
static const char *const FIRM_ANYWHERE[] = {
    "comment", "disqus", "cookie", "consent", "gdpr", "newsletter", "subscri", "signup",
    "related", "recommend", "outbrain", "taboola", "promo", "advert", "sponsor", "popup",
    "modal", "author-bio", "authorbio", "author-box", "authorbox", "paywall", "more-stories",
    "you-may-also", "also-like", "most-read", "mostread", "trending", "popular", "footer",
    "masthead", "disclaimer", "copyright", NULL};
#define YIELD_PARA 600
#define HIDDEN_PROSE 300 /* paragraph text (bytes) that shows a collapsed section */
#define DUP_MIN 250 /* shortest paragraph (bytes) dropped as a repeat */

/* Soft marks: names that also wrap article text ("hub--header" holding the standfirst, a
 * "caption" that is a paragraph); they yield when the element holds 400 characters of
 * text outside links. */
static const char *const SOFT_ANYWHERE[] = {"overlay", "rating", "caption", "credit", "lightbox",
                                           "pullquote", "pull-quote", NULL};
static const char *const SOFT_WORD_START[] = {"header", "banner", "dateline",
                                             "timestamp", "follow", "search", "toc", "bio",
                                             "tags", NULL};
/* whole words only: "meta" is also the start of "metafield" (a CMS's rich-text field) */
static const char *const SOFT_WHOLE[] = {"meta", NULL};
static const char *const GOOD_ANYWHERE[] = {
    "articlebody", "article-body", "article_body", "article__body", "articlecontent",
    "article-content", "article__content", "article_content", "story-body", "storybody",
    "story-content", "storycontent", "post-content", "postcontent", "post-body", "postbody",
    "entry-content", "entry-body", "body-text", "bodytext", "article-text", "articletext",
    "content-body", "main-content", "post-entry", "article-main", "story-text", "storytext",
    "rich-text", "richtext", "text-content", NULL};

static int any_of(const char *s, const char *const *pats, int mode)
{
    for (size_t i = 0; pats[i]; i++) {
        if (mode == 0 ? strstr(s, pats[i]) != NULL : has_word(s, pats[i], mode == 2)) return 1;
    }
    return 0;
}

/* The class and id of element i, lowercased, into buf. */
static const char *names_of(const dom *d, size_t i, char *buf, size_t bsz)
{
    const char *c = dom_attr(d, i, "class"), *id = dom_attr(d, i, "id");
    size_t n = 0;
    for (int k = 0; k < 2; k++) {
        const char *s = k ? id : c;
        if (!s) continue;
        if (n && n + 1 < bsz) buf[n++] = ' ';
        for (; *s && n + 1 < bsz; s++) buf[n++] = (char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
    }
    buf[n] = '\0';
    return buf;
}

/* M_BAD / M_GOOD of element i by itself. */
static int own_marks(const dom *d, size_t i)
{
    int t = d->n[i].tag, m = 0;
    switch (t) {
    case DT_NAV: case DT_ASIDE: case DT_FOOTER: case DT_HEADER: case DT_MENU: case DT_DIALOG:
    case DT_FIGCAPTION: case DT_HEAD: case DT_TITLE: case DT_FIGURE: case DT_ADDRESS:
    case DT_LABEL: case DT_INPUT: case DT_LEGEND: case DT_BUTTON: case DT_SELECT:
    case DT_OPTION: case DT_SVG: case DT_MATH: case DT_NOSCRIPT: case DT_IFRAME: case DT_OBJECT:
    case DT_EMBED: case DT_CANVAS: case DT_AUDIO: case DT_VIDEO:
        m |= M_BAD;
        break;
    case DT_ARTICLE: case DT_MAIN:
        m |= M_GOOD;
        break;
    default:
        break;
    }
    if (d->n[i].len == 0) return m; /* no attributes */
    const char *role = dom_attr(d, i, "role");
    if (role && (strcmp(role, "navigation") == 0 || strcmp(role, "banner") == 0 ||
                 strcmp(role, "contentinfo") == 0 || strcmp(role, "complementary") == 0 ||
                 strcmp(role, "menu") == 0 || strcmp(role, "menubar") == 0 ||
                 strcmp(role, "dialog") == 0 || strcmp(role, "alertdialog") == 0 ||
                 strcmp(role, "search") == 0 || strcmp(role, "alert") == 0))
        m |= M_BAD;
    if (role && (strcmp(role, "main") == 0 || strcmp(role, "article") == 0)) m |= M_GOOD;
    const char *ip = dom_attr(d, i, "itemprop");
    if (ip && (strcmp(ip, "articleBody") == 0 || strcmp(ip, "text") == 0 ||
               strcmp(ip, "reviewBody") == 0))
        m |= M_GOOD;
    char buf[512];
    const char *s = names_of(d, i, buf, sizeof buf);
    if (!*s) return m;
    if (any_of(s, GOOD_ANYWHERE, 0)) return (m & ~M_BAD) | M_GOOD;
    /* a post embedded in the article ("social-media-embed", "twitter-tweet"): quoted text */
    if (strstr(s, "tweet") || strstr(s, "instagram-media") || strstr(s, "tiktok-embed") ||
        (strstr(s, "embed") && (strstr(s, "social") || strstr(s, "twitter") || strstr(s, "instagram"))))
        return m;
    if (any_of(s, FIRM_ANYWHERE, 0)) m |= M_BAD;
    else if (any_of(s, BAD_ANYWHERE, 0) || any_of(s, BAD_WORD_START, 1) || any_of(s, BAD_WHOLE, 2))
        m |= M_BAD | M_NAMED;
    else if (any_of(s, SOFT_ANYWHERE, 0) || any_of(s, SOFT_WORD_START, 1) || any_of(s, SOFT_WHOLE, 2))
        m |= M_BAD | M_SOFT;
    return m;
}

/* Is element i a React streamed segment, <div hidden id="S:3">? */
static int streamed_segment(const dom *d, size_t i)
{
    if (d->n[i].tag != DT_DIV || d->n[i].len == 0) return 0;
    const char *id = dom_attr(d, i, "id");
    return id && id[0] == 'S' && id[1] == ':' && id[2] >= '0' && id[2] <= '9';
}

/* ---- blocks ------------------------------------------------------------------------------ */

enum { B_SHORT, B_NEAR, B_GOOD, B_LINKY };

typedef struct block {
    uint32_t owner;         /* the block-level element holding it */
    uint32_t t0, t1;        /* its text in the scratch buffer */
    uint32_t src, src_end;  /* its bytes in the page */
    uint32_t chars, links;  /* code points; code points inside links */
    uint32_t cjk;           /* of which ideographs, kana and hangul (U+3000-U+DFFF) */
    uint32_t words;
    uint8_t cls, heading;   /* B_*; heading level 1-6 or 0 */
    uint8_t bad, end_punct; /* inside boilerplate; ends like a sentence */
    uint8_t keep, teaser;   /* kept; a teaser card's summary (mark_teasers) */
} block;

typedef struct ctx {
    const dom *d;
    uint8_t *mark;     /* per node: M_* (inherited where noted) */
    sf_buf text;       /* all blocks' text */
    block *b;
    size_t nb, capb;
    /* the block being filled */
    int open;
    block cur;
    int space, br; /* a space is pending; a <br> was just seen */
} ctx;

static void block_flush(ctx *c)
{
    if (!c->open) return;
    c->open = 0;
    block *k = &c->cur;
    while (c->text.len > k->t0 && (c->text.data[c->text.len - 1] == ' ' ||
                                   c->text.data[c->text.len - 1] == '\n'))
        c->text.len--;
    k->t1 = (uint32_t)c->text.len;
    if (k->t1 == k->t0 || k->chars == 0) {
        c->text.len = k->t0;
        return;
    }
    unsigned char last = (unsigned char)c->text.data[k->t1 - 1];
    k->end_punct = last == '.' || last == '!' || last == '?' || last == ':' || last == '"' ||
                   last == ')' || (last >= 0x80); /* closing quotes, CJK stops */
    SF_GROW(c->b, c->capb, c->nb + 1);
    c->b[c->nb++] = *k;
}

static void block_start(ctx *c, uint32_t owner, size_t src)
{
    memset(&c->cur, 0, sizeof c->cur);
    c->cur.owner = owner;
    c->cur.t0 = (uint32_t)c->text.len;
    c->cur.src = (uint32_t)src;
    c->open = 1;
    c->space = 0;
}

/* Append text node k to the open block, folding white space. */
static void block_text(ctx *c, size_t k, int link, int pre)
{
    const dom_node *n = &c->d->n[k];
    const unsigned char *s = (const unsigned char *)c->d->text.data + n->off;
    block *b = &c->cur;
    int inword = 0;
    for (uint32_t j = 0; j < n->len; j++) {
        unsigned c0 = s[j];
        int ws = c0 == ' ' || c0 == '\t' || c0 == '\n' || c0 == '\r' || c0 == '\f' || c0 == '\v';
        if (c0 == 0xC2 && j + 1 < n->len && s[j + 1] == 0xA0) ws = 1, j++; /* no-break space */
        else if (c0 == 0xE2 && j + 2 < n->len && s[j + 1] == 0x80 &&
                 (s[j + 2] == 0x8B || s[j + 2] == 0xAF || (s[j + 2] >= 0x80 && s[j + 2] <= 0x8A))) {
            if (s[j + 2] == 0x8B) { /* zero-width space: nothing */
                j += 2;
                continue;
            }
            ws = 1, j += 2; /* the typographic spaces */
        } else if (c0 == 0xEF && j + 2 < n->len && s[j + 1] == 0xBB && s[j + 2] == 0xBF) {
            j += 2; /* a stray BOM */
            continue;
        }
        if (ws) {
            if (pre && c0 == '\n') {
                sf_buf_addc(&c->text, '\n');
                c->space = 0;
            } else {
                c->space = 1;
            }
            inword = 0;
            continue;
        }
        if (c->text.len > b->t0 && c->space) {
            char prev = c->text.data[c->text.len - 1];
            if (prev != '\n') sf_buf_addc(&c->text, ' ');
        }
        c->space = 0;
        sf_buf_addc(&c->text, (char)c0);
        if ((c0 & 0xC0) != 0x80) {
            b->chars++;
            if (c0 >= 0xE3 && c0 <= 0xED) b->cjk++;
            if (link) b->links++;
            int alnum = (c0 >= '0' && c0 <= '9') || ((c0 | 0x20) >= 'a' && (c0 | 0x20) <= 'z') ||
                        c0 >= 0xC0;
            if (alnum && !inword) b->words++;
            inword = alnum;
        }
    }
    if (!b->src || b->src > n->src) b->src = n->src;
    b->src_end = n->src_end;
}

/* A CJK character says about as much as a short word: it counts for CJK_CHARS Latin
 * characters and 1/CJK_WORD of a word (Chinese and Japanese have no spaces to count). */
#define CJK_CHARS 3
#define CJK_WORD 2

static uint32_t eff_chars(const block *b)
{
    return b->chars + (CJK_CHARS - 1) * b->cjk;
}

static void classify(block *b)
{
    double ld = b->chars ? (double)b->links / b->chars : 0;
    uint32_t n = eff_chars(b), w = b->words + b->cjk / CJK_WORD;
    if (ld > 0.65 || (n < 80 && ld > 0.4)) b->cls = B_LINKY;
    else if ((n >= 150 && ld <= 0.5) || (n >= 70 && b->end_punct && w >= 8 && ld < 0.35))
        b->cls = B_GOOD;
    else if (n < 40 || w < 4) b->cls = B_SHORT;
    else b->cls = B_NEAR;
}

static double weight(const block *b)
{
    double f = b->chars ? (double)eff_chars(b) / b->chars : 1;
    switch (b->cls) {
    case B_GOOD: return f * ((double)b->chars - 1.0 * b->links);
    case B_NEAR: return f * 0.3 * ((double)b->chars - b->links);
    case B_LINKY: return -f * (double)b->links;
    default: return 0;
    }
}

/* ---- boilerplate lines -------------------------------------------------------------------- */

/* Short paragraphs that are page furniture wherever they stand. */
static int furniture(const char *s, size_t n)
{
    static const char *const starts[] = {
        "advertisement", "advertising", "sponsored", "read more", "read also", "also read",
        "see also", "related:", "related articles", "related stories", "share this",
        "share on", "share via", "follow us", "sign up", "subscribe", "click here",
        "image:", "image credit", "images:", "photo:", "photos:", "photo credit", "picture:",
        "credit:", "copyright", "\xC2\xA9", "all rights reserved", "(ap photo", "getty images",
        "loading", "please enable javascript", "you may also like", "recommended for you",
        "more from", "don't miss", "watch:", "listen:", "trending:", "tags:", "topics:",
        "filed under", "posted in", "this article is more than", NULL};
    /* the whole line */
    static const char *const lines[] = {"advert", "ad", "ads", "explore further",
                                        "this slideshow requires javascript.", NULL};
    if (n > 160) return 0;
    for (size_t i = 0; starts[i]; i++) {
        size_t l = strlen(starts[i]);
        if (n >= l && strncasecmp(s, starts[i], l) == 0) return 1;
    }
    for (size_t i = 0; lines[i]; i++)
        if (n == strlen(lines[i]) && strncasecmp(s, lines[i], n) == 0) return 1;
    return 0;
}

/* ---- the article -------------------------------------------------------------------------- */

static int same_text(const char *a, size_t an, const char *b)
{
    /* equal ignoring case and surrounding spaces */
    size_t bn = strlen(b);
    while (bn && b[bn - 1] == ' ') bn--;
    while (*b == ' ') b++, bn--;
    return an == bn && strncasecmp(a, b, an) == 0;
}

/* Teaser cards: a linked headline, then a few lines (byline, date, a summary) in an
 * element that holds little more than those: a card pointing to another page. Its
 * summary is flagged, so that a page of cards does not outweigh the article. The
 * headline is a heading, or a linked line of four words or more. */
#define TEASER_KEEP 0.4
#define SIBLING_SHARE 0.2
#define TEASER_SPAN 4 /* blocks after the headline that can be its card's */
static void mark_teasers(ctx *c, const uint32_t *txt)
{
    const dom *d = c->d;
    for (size_t i = 0; i < c->nb; i++) {
        block *h = &c->b[i];
        if (h->bad || h->cls != B_LINKY || (!h->heading && h->words < 4)) continue;
        size_t sum = h->t1 - h->t0;
        for (size_t j = i + 1; j < c->nb && j <= i + TEASER_SPAN; j++) {
            block *b = &c->b[j];
            if (b->heading) break;
            sum += b->t1 - b->t0;
            if (b->bad || (b->cls != B_GOOD && b->cls != B_NEAR)) continue;
            /* the smallest element holding both */
            uint32_t a = b->owner;
            while (a && !(a <= h->owner && h->owner < d->n[a].end)) a = d->n[a].parent;
            if (a && txt[a] <= 2 * sum + 200) b->teaser = 1;
            break;
        }
    }
}

/* Is element i a <p>, or inline markup (a link, emphasis, a span) in one? */
static int in_paragraph(const dom *d, size_t i)
{
    for (int up = 0; up < 4 && i; up++, i = d->n[i].parent) {
        int t = d->n[i].tag;
        if (t == DT_P) return 1;
        if (is_block_tag(t)) return 0;
    }
    return 0;
}

void html_main(const dom *d, const char *title, html_page *page)
{
    size_t n = d->len;
    ctx c;
    memset(&c, 0, sizeof c);
    c.d = d;
    c.mark = sf_xcalloc(n, 1);
    uint32_t *txt = sf_xcalloc(n, sizeof *txt);  /* text bytes in the subtree */
    uint32_t *ptxt = sf_xcalloc(n, sizeof *ptxt); /* of which inside <p> */
    uint32_t *ltxt = sf_xcalloc(n, sizeof *ltxt); /* of which inside <a> */
    double *score = sf_xcalloc(n, sizeof *score);

    /* own marks and hidden; text per subtree (children come after parents: one backward
     * loop adds every node to its parent) */
    for (size_t i = 1; i < n; i++) {
        const dom_node *x = &d->n[i];
        if (x->tag == DT_TEXT) {
            txt[i] = x->len;
            if (in_paragraph(d, x->parent)) ptxt[i] = x->len;
            if (d->n[x->parent].tag == DT_A) ltxt[i] = x->len;
            continue;
        }
        c.mark[i] = (uint8_t)own_marks(d, i);
        if ((x->flags & DOM_HIDDEN) || x->tag == DT_SCRIPT || x->tag == DT_HEAD || x->tag == DT_TITLE ||
            x->tag == DT_STYLE)
            c.mark[i] |= M_HIDDEN; /* JSON-LD and the <title> are metadata, not text */
    }
    uint8_t *good_below = sf_xcalloc(n, 1); /* 1: an article body below; 2: a table or quote */
    for (size_t i = n; i-- > 1;) {
        const dom_node *x = &d->n[i];
        if (x->tag == DT_HEAD || x->tag == DT_SCRIPT || x->tag == DT_STYLE || x->tag == DT_SELECT ||
            x->tag == DT_SVG || x->tag == DT_NOSCRIPT || x->tag == DT_BUTTON)
            txt[i] = ptxt[i] = ltxt[i] = 0; /* not text a reader sees on the page */
        if (x->tag == DT_A) ltxt[i] = txt[i];
        txt[x->parent] += txt[i];
        ptxt[x->parent] += ptxt[i];
        ltxt[x->parent] += ltxt[i];
        if ((c.mark[i] & M_GOOD) || (good_below[i] & 1)) good_below[x->parent] |= 1;
        if (x->tag == DT_TABLE || x->tag == DT_BLOCKQUOTE || (good_below[i] & 2)) good_below[x->parent] |= 2;
    }
    /* exemptions, then inheritance (a parent's index is below its child's) */
    uint32_t total = txt[0], ptotal = ptxt[0];
    for (size_t i = 1; i < n; i++) {
        const dom_node *x = &d->n[i];
        uint8_t p = c.mark[x->parent];
        uint8_t m = c.mark[i];
        int holds_page = txt[i] * 2 >= total || ptxt[i] * 2 > ptotal;
        int soft_ok = (m & M_SOFT) && txt[i] >= ltxt[i] + 400;
        int named_ok = (m & M_NAMED) && ptxt[i] >= YIELD_PARA && ltxt[i] * 4 < txt[i];
        /* a table or a quotation in a figure (WordPress's "wp-block-table") is the article's;
         * its caption stays boilerplate */
        int text_fig = x->tag == DT_FIGURE && (good_below[i] & 2);
        if ((m & M_BAD) && ((good_below[i] & 1) || holds_page || soft_ok || named_ok || text_fig) &&
            x->tag != DT_HEAD &&
            x->tag != DT_TITLE)
            m = (uint8_t)((m & ~M_BAD) | M_EXEMPT);
        m &= (uint8_t)~(M_SOFT | M_NAMED);
        /* a page streamed into a hidden holder for a script to move (React, Next.js): one
         * holding the page, or a streamed segment (<div hidden id="S:3">), which React moves
         * in place of its loading placeholder; and a collapsed section (an accordion's
         * panel, display:none until clicked) holding paragraphs of prose, few of them links */
        int prose = (x->flags & DOM_STYLE_HIDDEN) && ptxt[i] >= HIDDEN_PROSE &&
                    ltxt[i] * 4 < txt[i] && !(p & M_HIDDEN);
        if ((m & M_HIDDEN) && (holds_page || streamed_segment(d, i) || prose) && x->tag != DT_HEAD &&
            x->tag != DT_SCRIPT && x->tag != DT_STYLE && x->tag != DT_TITLE)
            m = (uint8_t)((m & ~M_HIDDEN) | M_EXEMPT);
        if (x->tag == DT_TEXT) m = 0;
        m |= p & (M_BAD | M_HIDDEN | M_LINK | M_PRE);
        m |= p & M_SELF;
        if (x->tag == DT_A) {
            const char *href = x->len ? dom_attr(d, i, "href") : NULL;
            m |= M_LINK;
            if (href && href[0] == '#') m |= M_SELF;
        }
        if (x->tag == DT_PRE) m |= M_PRE;
        c.mark[i] = m;
    }
    free(good_below);

    /* blocks: one walk in document order; `open` holds the block elements not yet left */
    uint32_t *open = NULL;
    size_t n_open = 0, cap_open = 0;
    uint32_t owner = 0;
    for (size_t k = 1; k <= n; k++) {
        while (n_open && (k == n || d->n[open[n_open - 1]].end <= k)) {
            n_open--;
            block_flush(&c);
            owner = n_open ? open[n_open - 1] : 0;
        }
        if (k == n) break;
        const dom_node *x = &d->n[k];
        if (c.mark[k] & M_HIDDEN) {
            k = x->end - 1; /* skip the subtree */
            continue;
        }
        if (x->tag == DT_TEXT) {
            if (!c.open) {
                /* white space alone does not open a block */
                const char *s = d->text.data + x->off;
                uint32_t j = 0;
                while (j < x->len && (s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r'))
                    j++;
                if (j == x->len) continue;
                block_start(&c, owner, x->src);
                c.cur.heading = (uint8_t)heading_level(d->n[owner].tag);
                c.cur.bad = (c.mark[k] & M_BAD) != 0;
            }
            if ((c.mark[k] & M_BAD) && !c.cur.bad) continue; /* inline boilerplate */
            /* a heading linked to itself (<h2><a href="#steps">) is no link away */
            int link = (c.mark[k] & M_LINK) && !((c.mark[k] & M_SELF) && c.cur.heading);
            block_text(&c, k, link, (c.mark[k] & M_PRE) != 0);
            c.br = 0;
            continue;
        }
        if (x->tag == DT_BR) {
            if (c.br && c.open) block_flush(&c); /* <br><br> ends a paragraph */
            else if (c.open) {
                sf_buf_addc(&c.text, '\n');
                c.space = 0;
            }
            c.br = 1;
            continue;
        }
        if (x->tag == DT_IMG || x->tag == DT_WBR) continue;
        if (is_block_tag(x->tag)) {
            block_flush(&c);
            c.br = 0;
            SF_GROW(open, cap_open, n_open + 1);
            open[n_open++] = (uint32_t)k;
            owner = (uint32_t)k;
        }
    }
    block_flush(&c);
    free(open);

    /* scores: each block's weight to its element, then up the tree */
    for (size_t i = 0; i < c.nb; i++) {
        block *b = &c.b[i];
        classify(b);
        if (furniture(c.text.data + b->t0, b->t1 - b->t0)) b->cls = B_SHORT, b->bad = 1;
    }
    mark_teasers(&c, txt);
    double *score2 = sf_xcalloc(n, sizeof *score2); /* without the teasers */
    for (size_t i = 0; i < c.nb; i++) {
        block *b = &c.b[i];
        if (b->bad) continue;
        double w = weight(b);
        score[b->owner] += w;
        if (!b->teaser) score2[b->owner] += w;
    }
    for (size_t i = n; i-- > 1;)
        if (d->n[i].tag != DT_TEXT) {
            score[d->n[i].parent] += score[i];
            score2[d->n[i].parent] += score2[i];
        }
    size_t best = 0, best2 = 0;
    double best_s = 0, best2_s = 0;
    for (size_t i = 1; i < n; i++) {
        const dom_node *x = &d->n[i];
        if (x->tag == DT_TEXT || (c.mark[i] & (M_BAD | M_HIDDEN))) continue;
        double f = (c.mark[i] & M_GOOD) ? 1.3 : 1.0;
        if (score[i] * f > best_s) best_s = score[i] * f, best = i;
        if (score2[i] * f > best2_s) best2_s = score2[i] * f, best2 = i;
    }
    if (best2 != best && best2_s >= TEASER_KEEP * best_s) best = best2, best_s = best2_s;

#ifdef HTML_MAIN_TRACE
    {
        char nb[512];
        fprintf(stderr, "BEST %zu <%s %s> score %.0f\n", best, dom_tag_name(d->n[best].tag),
                names_of(d, best, nb, sizeof nb), best_s);
        for (size_t i = 1; i < n; i++) {
            if (d->n[i].tag == DT_TEXT || (c.mark[i] & (M_BAD | M_HIDDEN)) || score[i] < best_s * 0.3) continue;
            if (d->n[i].parent && score[d->n[i].parent] == score[i]) continue;
            fprintf(stderr, "  cand %zu <%s %s> score %.0f txt %u p %u l %u mark %d\n", i, dom_tag_name(d->n[i].tag),
                    names_of(d, i, nb, sizeof nb), score[i], txt[i], ptxt[i], ltxt[i], c.mark[i]);
        }
    }
#endif
    /* the blocks of the article, jusText's context rules */
    size_t lo = best, hi = best ? d->n[best].end : n;
    uint8_t *inbox = sf_xcalloc(n, 1);
    memset(inbox + lo, 1, hi - lo);
    if (best) {
        size_t par = d->n[best].parent;
        for (size_t k = par + 1; k < d->n[par].end; k = d->n[k].end) {
            if (k == best || d->n[k].tag == DT_TEXT || (c.mark[k] & (M_BAD | M_HIDDEN))) continue;
            if (score2[k] >= SIBLING_SHARE * best_s) memset(inbox + k, 1, d->n[k].end - k);
        }
    }
    size_t *sel = sf_xmalloc((c.nb + 1) * sizeof *sel);
    size_t ns = 0;
    for (size_t i = 0; i < c.nb; i++) {
        block *b = &c.b[i];
        if (!inbox[b->owner] || b->bad || b->cls == B_LINKY) continue;
        if (b->heading == 1) continue;
        if (title && b->heading && same_text(c.text.data + b->t0, b->t1 - b->t0, title)) continue;
        sel[ns++] = i;
    }
    for (size_t j = 0; j < ns; j++) {
        block *b = &c.b[sel[j]];
        if (b->cls == B_GOOD) b->keep = 1;
    }
    /* near-good: kept when the closest good-or-worse block on either side is good, short
     * and near-good blocks and headings between passed over (as in jusText); with linky
     * and boilerplate blocks out of the selection, that is when the article has a good
     * block at all */
    int has_good = 0;
    for (size_t j = 0; j < ns && !has_good; j++) has_good = c.b[sel[j]].cls == B_GOOD;
    for (size_t j = 0; j < ns; j++) {
        block *b = &c.b[sel[j]];
        if (b->cls == B_NEAR) b->keep = (uint8_t)has_good;
    }
    /* short blocks and headings: kept between kept blocks (a heading needs one after),
     * past other short blocks and headings; `after` is filled from the end first */
    uint8_t *after = sf_xcalloc(ns + 1, 1);
    for (size_t j = ns; j-- > 1;) {
        block *o = &c.b[sel[j]];
        after[j - 1] = (uint8_t)(o->keep || o->cls == B_GOOD ||
                                 ((o->cls == B_SHORT || o->heading) && after[j]));
    }
    int before = 0; /* the closest block before that is kept or not short is kept */
    for (size_t j = 0; j < ns; j++) {
        block *b = &c.b[sel[j]];
        if (!b->keep && (b->cls == B_SHORT || b->heading))
            b->keep = (uint8_t)(after[j] && (before || b->heading));
        if (b->keep) before = 1;
        else if (b->cls != B_SHORT && !b->heading) before = 0;
    }
    free(after);

    /* a page too small for any good block (a note, a stub): its non-boilerplate text */
    int any = 0;
    for (size_t j = 0; j < ns && !any; j++) any = c.b[sel[j]].keep;
    for (size_t j = 0; j < ns && !any; j++) c.b[sel[j]].keep = 1;

    /* a paragraph printed twice (a page's mobile and desktop copies of its text) is kept
     * once: blocks of DUP_MIN bytes or more, equal to an earlier kept block (shorter
     * ones repeat in earnest: a meal plan's "1 cup of berries") */
    size_t tcap = 16;
    while (tcap < 2 * ns) tcap *= 2;
    uint32_t *seen = sf_xcalloc(tcap, sizeof *seen); /* open addressing: sel index + 1 */
    for (size_t j = 0; j < ns; j++) {
        block *b = &c.b[sel[j]];
        if (!b->keep || b->t1 - b->t0 < DUP_MIN) continue;
        uint64_t h = 1469598103934665603ull;
        for (uint32_t k = b->t0; k < b->t1; k++) h = (h ^ (unsigned char)c.text.data[k]) * 1099511628211ull;
        for (size_t slot = (size_t)h & (tcap - 1);; slot = (slot + 1) & (tcap - 1)) {
            if (!seen[slot]) {
                seen[slot] = (uint32_t)j + 1;
                break;
            }
            block *o = &c.b[sel[seen[slot] - 1]];
            if (o->t1 - o->t0 == b->t1 - b->t0 &&
                memcmp(c.text.data + o->t0, c.text.data + b->t0, b->t1 - b->t0) == 0) {
                b->keep = 0;
                break;
            }
        }
    }
    free(seen);

#ifdef HTML_MAIN_TRACE
    for (size_t i = 0; i < c.nb; i++) {
        block *b = &c.b[i];
        int in = b->owner >= lo && b->owner < hi;
        fprintf(stderr, "%c%c %c%c <%s>%u c%u l%u w%u |%.*s\n", in ? 'I' : '.', b->keep ? 'K' : '-',
                "SNGL"[b->cls], b->bad ? 'b' : ' ', dom_tag_name(d->n[b->owner].tag), b->owner, b->chars,
                b->links, b->words, (int)(b->t1 - b->t0 > 100 ? 100 : b->t1 - b->t0), c.text.data + b->t0);
    }
#endif
    sf_buf out = {0};
    size_t pcap = 0;
    for (size_t j = 0; j < ns; j++) {
        block *b = &c.b[sel[j]];
        if (!b->keep) continue;
        if (out.len) sf_buf_add(&out, "\n\n", 2);
        html_para para = {(uint32_t)out.len, 0, b->src, b->src_end};
        sf_buf_add(&out, c.text.data + b->t0, b->t1 - b->t0);
        para.end = (uint32_t)out.len;
        SF_GROW(page->paras, pcap, page->n_paras + 1);
        page->paras[page->n_paras++] = para;
    }
    if (out.len) {
        page->len = out.len;
        page->text = sf_buf_take(&out);
    } else {
        sf_buf_free(&out);
    }
    free(sel);
    free(inbox);
    free(score2);
    free(c.b);
    sf_buf_free(&c.text);
    free(score);
    free(txt);
    free(ptxt);
    free(ltxt);
    free(c.mark);
}
