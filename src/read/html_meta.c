/* html_meta.c — a page's metadata: title, byline, publication date, canonical URL, site
 * name, language. The main text is html_main.c's.
 *
 * Sources, best first, each taken only when it holds a usable value:
 *   title:  the page's <h1> when a declared title (JSON-LD headline, og:title, <title>)
 *           agrees with it (equal, or the start or end of it) and it is not the site's
 *           name ("Blog: Headline" in <title>); no <h1> of the footer, a closed dialog,
 *           a section linked to itself or a summary's sentences; else JSON-LD headline,
 *           og:title / twitter:title, <title> less the site name ("Headline | Site");
 *           else the <h1>; cut at a bar ("Headline | Section") unless a declared title
 *           keeps it; less a label ("Blog: Headline") or the site's name after a dash
 *   author: JSON-LD author (names, @id references resolved), meta author / article:author
 *           / parsely / sailthru / dc.creator, itemprop="author", rel="author", a link to
 *           an author's page (/author/jane-doe), an element
 *           whose class says byline or author ("By Jane Doe" less the "By"), a byline
 *           printed as text (not in a menu or a comment); else the site's name
 *   date:   JSON-LD datePublished, article:published_time and the other publication meta,
 *           itemprop="datePublished", <time pubdate> / the first <time datetime>, a date
 *           in a byline or date element (not labelled "Updated"), one printed in a short
 *           line just after the <h1> or (not labelled "Updated") just before it, a date
 *           in the URL (/2025/09/04/), the first date printed after the <h1>; the date
 *           modified last. A date printed by the <h1> before the declared one (and not the date
 *           modified) wins over it: the page was stamped anew and still shows its date; so
 *           does an earlier one marked up as the publication date (<time pubdate>) when the
 *           declared day is the day modified, and an earlier day a note says the page's
 *           text was "originally published on" (opening with it, or saying it of "this"). A numeric day whose other reading is the URL's date
 *           (03/10/2023 under /2023/october/03/) takes the URL's. JSON-LD is read from
 *           <script> and from a meta tag that carries it (name="script:ld+json")
 *   url:    <link rel="canonical">, og:url, JSON-LD url
 *   site:   og:site_name, JSON-LD publisher, application-name, else the URL's host
 *   lang:   <html lang>, content-language, og:locale, JSON-LD inLanguage (primary subtag)
 */
#include "core/date.h"
#include "read/html.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define META_MAX 400 /* longest metadata value kept, in bytes */
#define BYLINE_MAX 200 /* longest text of an element taken for a byline (not an author's bio) */
#define PRE_H1_NEAR 300 /* text bytes between a date and the <h1> after it, at most */

/* Candidate values found on the page, one slot per source (the first found wins). */
typedef struct cand {
    char *ld_title, *og_title, *tw_title, *title_tag, *h1[4], *ip_headline;
    char *ld_author, *meta_author, *ip_author, *rel_author, *byline, *text_byline, *text_byline1;
    char *byline2; /* the name at the head of an author box */
    char *href_author; /* the text of a link to an author's page */
    char *near_name; /* "Jane Doe | Reporter | May 3, 2025" just after the headline */
    char *ld_org_author;
    char *ld_date, *meta_date, *meta_date2, *ip_date, *time_date, *text_date, *near_date, *pre_date;
    char *near_first; /* the first date printed near the headline with no "Updated" label */
    char *ld_modified, *meta_modified;
    char *orig_date; /* "This article was originally published on 26 Sep 2019" */
    char *canonical, *og_url, *ld_url;
    char *tw_label1, *tw_data1; /* Slack's unfurl pair: "Written by", the name */
    char *og_site, *ld_site, *app_name;
    char *html_lang, *meta_lang, *og_locale, *ld_lang;
} cand;

/* An entity at s ("&amp;", "&#8211;", "&#x2019;") left in a value by a CMS that escaped
 * it twice: appends its UTF-8 and returns its length, or 0. */
static size_t entity(const char *s, sf_buf *out)
{
    static const struct {
        const char *name, *utf8;
    } named[] = {{"amp", "&"},       {"lt", "<"},  {"gt", ">"},  {"quot", "\""},
                 {"apos", "'"},      {"nbsp", " "}, {"ndash", "\xE2\x80\x93"},
                 {"mdash", "\xE2\x80\x94"}, {"lsquo", "\xE2\x80\x98"},
                 {"rsquo", "\xE2\x80\x99"}, {"ldquo", "\xE2\x80\x9C"},
                 {"rdquo", "\xE2\x80\x9D"}, {"hellip", "\xE2\x80\xA6"}};
    const char *semi = s + 1;
    while (*semi && *semi != ';' && semi - s < 12) semi++;
    if (*semi != ';' || semi - s < 3) return 0;
    size_t n = (size_t)(semi - s) + 1;
    if (s[1] == '#') {
        unsigned long cp = s[2] == 'x' || s[2] == 'X' ? strtoul(s + 3, NULL, 16) : strtoul(s + 2, NULL, 10);
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
        char u[4];
        size_t k;
        if (cp < 0x80) u[0] = (char)cp, k = 1;
        else if (cp < 0x800) u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F)), k = 2;
        else if (cp < 0x10000)
            u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | ((cp >> 6) & 0x3F)),
            u[2] = (char)(0x80 | (cp & 0x3F)), k = 3;
        else
            u[0] = (char)(0xF0 | cp >> 18), u[1] = (char)(0x80 | ((cp >> 12) & 0x3F)),
            u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[3] = (char)(0x80 | (cp & 0x3F)), k = 4;
        sf_buf_add(out, u, k);
        return n;
    }
    for (size_t i = 0; i < sizeof named / sizeof *named; i++)
        if (strlen(named[i].name) == n - 2 && strncmp(s + 1, named[i].name, n - 2) == 0) {
            sf_buf_adds(out, named[i].utf8);
            return n;
        }
    return 0;
}

/* A trimmed, space-folded copy of s (at most META_MAX bytes), or NULL when empty. */
static char *clean_dup(const char *s)
{
    if (!s) return NULL;
    sf_buf b = {0};
    int space = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && b.len < META_MAX; p++) {
        if (isspace(*p) || (*p == 0xC2 && p[1] == 0xA0)) {
            if (*p == 0xC2) p++;
            space = 1;
            continue;
        }
        if (space && b.len) sf_buf_addc(&b, ' ');
        space = 0;
        size_t k = *p == '&' ? entity((const char *)p, &b) : 0;
        if (k) p += k - 1;
        else sf_buf_addc(&b, (char)*p);
    }
    if (!b.len) {
        sf_buf_free(&b);
        return NULL;
    }
    /* a cut inside a character would leave invalid UTF-8 */
    while (b.len && ((unsigned char)b.data[b.len - 1] & 0x80)) {
        size_t k = b.len - 1;
        while (k > 0 && ((unsigned char)b.data[k] & 0xC0) == 0x80) k--;
        unsigned lead = (unsigned char)b.data[k];
        size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (b.len - k == want) break;
        b.len = k;
    }
    b.data[b.len] = '\0';
    if (!b.len) {
        sf_buf_free(&b);
        return NULL;
    }
    return sf_buf_take(&b);
}

static void set_once(char **slot, const char *v)
{
    if (*slot || !v) return;
    *slot = clean_dup(v);
}

static void set_text_once(const dom *d, size_t i, char **slot)
{
    if (*slot) return;
    sf_buf b = {0};
    dom_text(d, i, &b, META_MAX);
    if (b.len) *slot = clean_dup(b.data);
    sf_buf_free(&b);
}

static int looks_url(const char *s)
{
    return s && (strncmp(s, "http", 4) == 0 || strncmp(s, "//", 2) == 0 || s[0] == '/');
}

/* ---- JSON-LD ---------------------------------------------------------------------------- */

static int is_article_type(const char *t)
{
    static const char *const types[] = {"NewsArticle", "Article", "BlogPosting", "ReportageNews",
                                        "AnalysisNewsArticle", "OpinionNewsArticle",
                                        "LiveBlogPosting", "TechArticle", "ScholarlyArticle",
                                        "Report", "SocialMediaPosting", "BackgroundNewsArticle",
                                        "ReviewNewsArticle", "Review", "Recipe", "HowTo",
                                        "Posting", "DiscussionForumPosting", NULL};
    for (size_t i = 0; types[i]; i++)
        if (strcmp(t, types[i]) == 0) return 1;
    return 0;
}

static int type_is(json_t *o, int (*pred)(const char *))
{
    json_t *t = json_object_get(o, "@type");
    if (json_is_string(t)) return pred(json_string_value(t));
    size_t i;
    json_t *v;
    json_array_foreach(t, i, v) if (json_is_string(v) && pred(json_string_value(v))) return 1;
    return 0;
}

static int is_webpage_type(const char *t)
{
    return strcmp(t, "WebPage") == 0 || strcmp(t, "ItemPage") == 0;
}

typedef struct ld_objs {
    json_t **o;
    size_t n, cap;
} ld_objs;

static void ld_collect(json_t *v, ld_objs *out, int depth)
{
    if (depth > 12 || out->n > 4096) return;
    if (json_is_array(v)) {
        size_t i;
        json_t *x;
        json_array_foreach(v, i, x) ld_collect(x, out, depth + 1);
        return;
    }
    if (!json_is_object(v)) return;
    SF_GROW(out->o, out->cap, out->n + 1);
    out->o[out->n++] = v;
    const char *k;
    json_t *x;
    json_object_foreach(v, k, x) if (json_is_object(x) || json_is_array(x)) ld_collect(x, out, depth + 1);
}

/* The object with this @id, for references like {"@id": "#/schema/person/1"}. */
static json_t *ld_resolve(json_t *v, const ld_objs *all)
{
    if (!json_is_object(v) || json_object_get(v, "name")) return v;
    json_t *id = json_object_get(v, "@id");
    if (!json_is_string(id)) return v;
    for (size_t i = 0; i < all->n; i++) {
        json_t *o = all->o[i];
        json_t *oid = json_object_get(o, "@id");
        if (o != v && json_is_string(oid) && json_object_get(o, "name") &&
            strcmp(json_string_value(oid), json_string_value(id)) == 0)
            return o;
    }
    return v;
}

static const char *ld_str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    if (json_is_array(v)) v = json_array_get(v, 0);
    return json_is_string(v) && json_string_length(v) ? json_string_value(v) : NULL;
}

static int is_org_type(const char *t)
{
    return strcmp(t, "Organization") == 0 || strcmp(t, "NewsMediaOrganization") == 0 ||
           strcmp(t, "Corporation") == 0 || strcmp(t, "LocalBusiness") == 0 ||
           strcmp(t, "WebSite") == 0 || strcmp(t, "EducationalOrganization") == 0;
}

/* Names of a JSON-LD author value: a string, a Person, or an array of either; an
 * Organization's name goes to `org` (a byline on the page says more). */
static void ld_names(json_t *v, const ld_objs *all, sf_buf *out, sf_buf *org)
{
    json_t *items = v;
    size_t n = json_is_array(v) ? json_array_size(v) : 1;
    for (size_t i = 0; i < n && i < 8; i++) {
        json_t *x = json_is_array(items) ? json_array_get(items, i) : items;
        x = ld_resolve(x, all);
        const char *name = json_is_string(x) ? json_string_value(x) : ld_str(x, "name");
        if (!name || !*name || looks_url(name)) continue;
        sf_buf *to = json_is_object(x) && type_is(x, is_org_type) ? org : out;
        if (to->len) sf_buf_adds(to, ", ");
        sf_buf_adds(to, name);
    }
}

static void ld_page(json_t *root, cand *c)
{
    ld_objs all = {0};
    ld_collect(root, &all, 0);
    json_t *art = NULL, *page = NULL;
    for (size_t i = 0; i < all.n && !art; i++)
        if (type_is(all.o[i], is_article_type)) art = all.o[i];
    for (size_t i = 0; i < all.n && !page; i++)
        if (type_is(all.o[i], is_webpage_type)) page = all.o[i];
    /* an object of no article type with an author (an untyped article, a CreativeWork) */
    json_t *other = NULL;
    for (size_t i = 0; i < all.n && !other; i++)
        if (json_object_get(all.o[i], "author") && json_object_get(all.o[i], "headline"))
            other = all.o[i];
    for (int pass = 0; pass < 3; pass++) {
        json_t *o = pass == 2 ? other : pass ? page : art;
        if (!o) continue;
        if (!pass) {
            set_once(&c->ld_title, ld_str(o, "headline"));
            set_once(&c->ld_title, ld_str(o, "name"));
        }
        json_t *au = json_object_get(o, "author");
        if (!au) au = json_object_get(o, "creator");
        if (au && !c->ld_author) {
            sf_buf b = {0}, org = {0};
            ld_names(au, &all, &b, &org);
            if (b.len) set_once(&c->ld_author, b.data);
            if (org.len) set_once(&c->ld_org_author, org.data);
            sf_buf_free(&b);
            sf_buf_free(&org);
        }
        if (pass == 2) continue;
        set_once(&c->ld_date, ld_str(o, "datePublished"));
        set_once(&c->ld_date, ld_str(o, "dateCreated"));
        set_once(&c->ld_modified, ld_str(o, "dateModified"));
        const char *u = ld_str(o, "url");
        if (u && strncmp(u, "http", 4) == 0) set_once(&c->ld_url, u);
        json_t *pub = ld_resolve(json_object_get(o, "publisher"), &all);
        if (json_is_object(pub)) set_once(&c->ld_site, ld_str(pub, "name"));
        const char *lang = ld_str(o, "inLanguage");
        set_once(&c->ld_lang, lang);
    }
    free(all.o);
}

static void ld_script(const char *s, size_t n, cand *c)
{
    while (n && (isspace((unsigned char)*s))) s++, n--;
    if (n >= 4 && memcmp(s, "<!--", 4) == 0) s += 4, n -= 4;
    if (n >= 12 && memcmp(s, "//<![CDATA[", 11) == 0) s += 11, n -= 11;
    json_error_t err;
    json_t *root = json_loadb(s, n, JSON_DISABLE_EOF_CHECK, &err);
    if (!root) return;
    ld_page(root, c);
    json_decref(root);
}

/* ---- the tree ------------------------------------------------------------------------- */

/* strcasestr without _GNU_SOURCE (needle in lowercase ASCII). */
static const char *ci_find(const char *h, const char *needle)
{
    size_t n = strlen(needle);
    for (; *h; h++)
        if (tolower((unsigned char)*h) == needle[0] && strncasecmp(h, needle, n) == 0) return h;
    return NULL;
}

static int has_token(const char *s, const char *tok)
{
    size_t tl = strlen(tok);
    for (const char *p = s; p && (p = ci_find(p, tok)) != NULL; p += tl)
        if ((p == s || p[-1] == ' ') && (p[tl] == '\0' || p[tl] == ' ')) return 1;
    return 0;
}

static int class_has(const dom *d, size_t i, const char *word)
{
    const char *c = dom_attr(d, i, "class");
    const char *id = dom_attr(d, i, "id");
    return (c && ci_find(c, word)) || (id && ci_find(id, word));
}

static void meta_tag(const dom *d, size_t i, cand *c)
{
    const char *key = dom_attr(d, i, "property");
    if (!key) key = dom_attr(d, i, "name");
    if (!key) key = dom_attr(d, i, "itemprop");
    const char *v = dom_attr(d, i, "content");
    const char *he = dom_attr(d, i, "http-equiv");
    if (he && v && strcasecmp(he, "content-language") == 0) set_once(&c->meta_lang, v);
    if (!key || !v || !*v) return;
    /* JSON-LD carried in a meta tag (<meta name="script:ld+json" content="{...}">) */
    if (ci_find(key, "ld+json")) {
        ld_script(v, strlen(v), c);
        return;
    }
    char k[64];
    size_t n = 0;
    for (; key[n] && n + 1 < sizeof k; n++) k[n] = (char)tolower((unsigned char)key[n]);
    k[n] = '\0';
    static const char *const dates[] = {
        "article:published_time", "og:article:published_time", "datepublished", "pubdate",
        "publishdate", "publish-date", "publish_date", "published_time", "published-date",
        "sailthru.date", "parsely-pub-date", "article.published", "dc.date.issued",
        "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "dc.date.created",
        "citation_publication_date", "citation_date", "original-publish-date",
        "article_date_original", "date", "og:published_time", "release_date",
        "article:published", "bt:pubdate", "datecreated", NULL};
    for (size_t j = 0; dates[j]; j++)
        if (strcmp(k, dates[j]) == 0) set_once(&c->meta_date, v);
    /* other publication dates by name ("published", "w-published-date", "publication_date") */
    if ((strstr(k, "publish") || strstr(k, "publication")) && !strstr(k, "publisher") &&
        (strstr(k, "date") || strstr(k, "time") || strcmp(k, "published") == 0))
        set_once(&c->meta_date2, v);
    if (strcmp(k, "article:modified_time") == 0 || strcmp(k, "datemodified") == 0 ||
        strcmp(k, "og:updated_time") == 0 || strcmp(k, "last-modified") == 0)
        set_once(&c->meta_modified, v);
    if (strcmp(k, "og:title") == 0) set_once(&c->og_title, v);
    else if (strcmp(k, "twitter:title") == 0) set_once(&c->tw_title, v);
    else if (strcmp(k, "og:site_name") == 0) set_once(&c->og_site, v);
    else if (strcmp(k, "application-name") == 0) set_once(&c->app_name, v);
    else if (strcmp(k, "og:url") == 0) set_once(&c->og_url, v);
    else if (strcmp(k, "og:locale") == 0) set_once(&c->og_locale, v);
    else if (strcmp(k, "headline") == 0) set_once(&c->ip_headline, v);
    else if (strcmp(k, "twitter:label1") == 0) set_once(&c->tw_label1, v);
    else if (strcmp(k, "twitter:data1") == 0) set_once(&c->tw_data1, v);
    else if (strcmp(k, "author") == 0 || strcmp(k, "article:author") == 0 ||
             strcmp(k, "parsely-author") == 0 || strcmp(k, "sailthru.author") == 0 ||
             strcmp(k, "dc.creator") == 0 || strcmp(k, "byl") == 0 ||
             strcmp(k, "citation_author") == 0 || strcmp(k, "dcterms.creator") == 0) {
        if (!looks_url(v)) set_once(&c->meta_author, v);
    }
}

/* The first date in a short text ("Published Sept. 4, 2025 at 10:00") into ymd: 0, or
 * -1 when there is none, or (with `unlabelled`) when an "Updated" / "Modified" /
 * "Revised" label comes before it ("Updated: Jan 2, 2026" is when the page changed, not
 * when it appeared). */
static int first_date(const char *s, char ymd[11], int unlabelled)
{
    size_t n = strlen(s);
    if (n > 300) n = 300;
    for (size_t i = 0; i < n; i++) {
        if (i && isalnum((unsigned char)s[i - 1])) continue;
        if (!isalnum((unsigned char)s[i])) continue;
        if (html_date_parse(s + i, ymd) != 0) continue;
        if (!unlabelled) return 0;
        char head[304];
        memcpy(head, s, i);
        head[i] = '\0';
        return ci_find(head, "updat") || ci_find(head, "modif") || ci_find(head, "revis") ? -1 : 0;
    }
    return -1;
}

static int date_in(const char *s, char ymd[11])
{
    return first_date(s, ymd, 0);
}

static int date_unlabelled(const char *s, char ymd[11])
{
    return first_date(s, ymd, 1);
}

static char *clean_author(const char *a);
static int label_only(const char *s);

/* The length of a byline's lead at s ("By ", "Written by: ", "Author: ", "Text by "), or
 * 0. With `alone`, the lead may be all of s ("Written By", a label before the name). */
static size_t lead_len(const char *s, int alone)
{
    static const char *const pre[] = {"this post was ", "this article was ", "this story was ",
                                      "this piece was ", "view all ", "see all ", "all ", "more ",
                                      NULL};
    static const char *const verbs[] = {"written ", "posted ", "published ", "story ", "words ",
                                        "text ", "recipe ", "guide ", "article ", "authored ",
                                        "report ", "reporting ", "posts ", "articles ",
                                        "stories ", NULL};
    const char *p = s, *verb = s;
    if (strncasecmp(p, "about the ", 10) == 0) p += 10, verb = p; /* "About the author: ..." */
    for (size_t i = 0; pre[i] && p == s; i++) /* "This post was written by", "View all posts by" */
        if (strncasecmp(p, pre[i], strlen(pre[i])) == 0) p += strlen(pre[i]);
    const char *after_pre = p;
    for (int round = 0; round < 2; round++) { /* "Written by", "Article written by" */
        const char *q = p;
        for (size_t i = 0; verbs[i] && p == q; i++)
            if (strncasecmp(p, verbs[i], strlen(verbs[i])) == 0) p += strlen(verbs[i]);
        if (p == q) break;
    }
    if (p == after_pre && after_pre != s && verb == s) return 0; /* "All by", "More by" */
    if (strncasecmp(p, "by", 2) == 0) p += 2;
    else if (p == verb && strncasecmp(p, "authors", 7) == 0) p += 7;
    else if (p == verb && strncasecmp(p, "author(s)", 9) == 0) p += 9;
    else if (p == verb && strncasecmp(p, "contributors", 12) == 0) p += 12;
    else if (p == verb && strncasecmp(p, "contributor", 11) == 0) p += 11;
    else if (p == verb && strncasecmp(p, "author", 6) == 0) p += 6;
    else return 0;
    int colon = *p == ':';
    if (colon) p++;
    if (*p == '\0') return alone ? (size_t)(p - s) : 0;
    if (*p != ' ' && !(colon && isupper((unsigned char)*p))) return 0;
    while (*p == ' ') p++;
    return (size_t)(p - s);
}

/* Does s read like a person's name as a byline prints it ("Jane Doe", "Marna van der
 * Merwe", "A. J. Neal", "Ana Núñez, MD")? Its first name 2 to 6 words, the first
 * capitalized, lowercase words short (particles), no word of digits alone, no sentence
 * punctuation, no label words. */
static int name_like(const char *s)
{
    /* the first name of a list ("Jane Doe, MD", "Jane Doe and John Roe", "Jane Doe, Staff
     * Writer at the Post") */
    size_t n = strcspn(s, ",;&"), words = 0;
    const char *and = strstr(s, " and ");
    if (and && (size_t)(and - s) < n) n = (size_t)(and - s);
    while (n && s[n - 1] == ' ') n--;
    if (n < 2 || n > 60) return 0;
    /* a word may hold a digit among letters ("3i Global") */
    if (!(isupper((unsigned char)s[0]) || (unsigned char)s[0] >= 0xC0 ||
          (isdigit((unsigned char)s[0]) && isalpha((unsigned char)s[1]))))
        return 0;
    const char *end = s + n;
    /* "The Harbour Desk Team": an editorial team's byline */
    const char *last = end;
    while (last > s && last[-1] != ' ') last--;
    int team = strncmp(s, "The ", 4) == 0 && (strncasecmp(last, "team", 4) == 0 ||
                                               strncasecmp(last, "staff", 5) == 0 ||
                                               strncasecmp(last, "editors", 7) == 0);
    if (team) s += 4;
    for (const char *p = s; p < end;) {
        while (p < end && *p == ' ') p++;
        if (p >= end) break;
        const char *w = p;
        int letters = 0, digits = 0;
        while (p < end && *p != ' ') {
            unsigned char ch = (unsigned char)*p;
            if (strchr(":|!?@/()[]\"\u201c", ch)) return 0;
            digits += isdigit(ch) != 0;
            letters += isalpha(ch) != 0;
            p++;
        }
        if (digits && !letters) return 0;
        size_t wl = (size_t)(p - w);
        if (islower((unsigned char)w[0]) && wl > 3) return 0;
        static const char *const labels[] = {"by", "the", "and", "share", "follow", "updated",
                                             "published", "posted", "read", "more", "view",
                                             "profile", "author", "authors", "written", "name",
                                             "skip", "sign", "menu", "search", "home", NULL};
        for (size_t i = 0; labels[i]; i++)
            if (wl == strlen(labels[i]) && strncasecmp(w, labels[i], wl) == 0 &&
                !(words && strcmp(labels[i], "and") == 0))
                return 0;
        if (++words > 6) return 0;
    }
    return words >= (team ? 1 : 2);
}

/* The byline in element i's subtree: the first text node that, less its lead ("By",
 * "Written by"), reads like a name; a label alone ("Written by") hands on to the next
 * text. Names and roles are usually separate elements ("Jane Doe" "Senior Reporter"), so
 * this keeps the name where the element's whole text would run them together. */
static char *byline_in(const dom *d, size_t i)
{
    size_t tried = 0, hidden_end = 0;
    for (size_t k = i + 1; k < d->n[i].end && tried < 12; k++) {
        const dom_node *x = &d->n[k];
        if (k < hidden_end) continue;
        if (x->tag != DT_TEXT) {
            if ((x->flags & DOM_HIDDEN) || x->tag == DT_SCRIPT || x->tag == DT_STYLE)
                hidden_end = x->end;
            continue;
        }
        if (x->len > 200) return NULL; /* prose: an author box's biography */
        char tmp[208];
        memcpy(tmp, d->text.data + x->off, x->len);
        tmp[x->len] = '\0';
        char *t = clean_dup(tmp);
        if (!t) continue;
        tried++;
        size_t l = lead_len(t, 1);
        if (l && t[l] == '\0') { /* a label */
            free(t);
            continue;
        }
        char *a = clean_author(t);
        free(t);
        if (a && name_like(a)) return a;
        free(a);
    }
    return NULL;
}

/* Cheaply: could text s[0, n) start with a byline's lead (a capital B, W, P, S, T, R, G,
 * A, C, or a "by" label, after white space)? */
static int may_lead(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) i++;
    return i < n && strchr("BWPSTRGACb", s[i]) != NULL;
}

static int has_digit(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9') return 1;
    return 0;
}

/* A one-word name as a byline prints it ("BeauHD", "Amanda"): a capital, 3 to 30 letters
 * or digits, not a label word. */
static int one_name(const char *a)
{
    size_t n = strlen(a);
    if (n < 3 || n > 30 || !isupper((unsigned char)a[0]) || label_only(a)) return 0;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)a[i]) && (unsigned char)a[i] < 0x80) return 0;
    return 1;
}

/* A byline printed as text: a name, else a one-word name as a weaker candidate. Takes a. */
static void take_byline(cand *c, char *a)
{
    if (a && name_like(a) && !c->text_byline) c->text_byline = a;
    else if (a && one_name(a) && !c->text_byline1) c->text_byline1 = a;
    else free(a);
}

/* Does a class or id name one of `words` as a word of its own ("sub-menu", "nav__item",
 * "commentTop"; not "sidenav", "text-navy")? */
static int class_word(const dom *d, size_t i, const char *const *words)
{
    const char *attrs[2] = {dom_attr(d, i, "class"), dom_attr(d, i, "id")};
    for (int a = 0; a < 2; a++)
        for (const char *p = attrs[a]; p && *p; p++) {
            if (p != attrs[a] && isalnum((unsigned char)p[-1])) continue;
            for (size_t w = 0; words[w]; w++) {
                size_t n = strlen(words[w]);
                if (strncasecmp(p, words[w], n) == 0 && !islower((unsigned char)p[n])) return 1;
            }
        }
    return 0;
}

/* Is node i inside a navigation menu or a reader's comment (within 10 levels: a page
 * that libxml2 nested inside an unclosed menu is still read)? */
static int in_menu_or_comment(const dom *d, size_t i)
{
    static const char *const words[] = {"nav", "navbar", "navigation", "menu", "submenu",
                                        "comment", "comments", "related", NULL};
    for (size_t k = d->n[i].parent, n = 0; k && n < 10; k = d->n[k].parent, n++)
        if (d->n[k].tag == DT_NAV || d->n[k].tag == DT_MENU ||
            (d->n[k].len && d->n[k].tag != DT_MAIN && d->n[k].tag != DT_BODY &&
             class_word(d, k, words)))
            return 1; /* a <main class="offset-nav"> is not a menu */
    return 0;
}

/* "Jane Doe | Senior Writer | July 2, 2025", "Jane Doe · May 3, 2025": a line that
 * prints a name and a date, the name first. */
static char *name_before_date(const char *t)
{
    static const char *const seps[] = {" | ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " - ",
                                       " \xE2\x80\x94 ", " \xE2\x80\x93 ", NULL};
    const char *cut = NULL;
    for (size_t i = 0; seps[i]; i++) {
        const char *p = strstr(t, seps[i]);
        if (p && (!cut || p < cut)) cut = p;
    }
    if (!cut || cut - t > 60) return NULL;
    char head[64], ymd[11];
    snprintf(head, sizeof head, "%.*s", (int)(cut - t), t);
    if (date_in(head, ymd) == 0 || !name_like(head) || label_only(head) || ci_find(head, " by"))
        return NULL;
    return clean_author(head);
}

/* An <h1> that is no page's headline: in the page's footer ("Contact Us"), in a dialog
 * not shown until opened ("Select an option"), or a section's heading that links to
 * itself (<h1 id="why"><a href="#why">, as Markdown renders the sections of a text). */
static int aside_h1(const dom *d, size_t i)
{
    for (size_t k = d->n[i].parent; k; k = d->n[k].parent)
        if (d->n[k].tag == DT_FOOTER || (d->n[k].tag == DT_DIALOG && !dom_attr(d, k, "open")))
            return 1;
    const char *id = dom_attr(d, i, "id");
    for (size_t k = i + 1; id && *id && k < d->n[i].end; k++) {
        const char *href = d->n[k].tag == DT_A ? dom_attr(d, k, "href") : NULL;
        if (href && href[0] == '#' && strcmp(href + 1, id) == 0) return 1;
    }
    return 0;
}

/* A date the page says its text first appeared on: a note that opens with it
 * ("Originally published on 26 Sep 2019") or says it of "this" ("This article was first
 * published on ..."), not an article's sentence about another text ("The study, first
 * published on ..."): a republished or moved article's own day. */
static void orig_date_in(const char *s, size_t n, cand *c)
{
    static const char *const says[] = {"originally published", "first published",
                                       "originally posted", NULL};
    char tmp[400], ymd[11];
    if (n >= sizeof tmp) return; /* a paragraph of the text, not a note */
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    const char *start = tmp;
    while (*start && !isalnum((unsigned char)*start)) start++;
    for (size_t i = 0; says[i]; i++) {
        const char *p = ci_find(tmp, says[i]);
        if (!p) continue;
        const char *self = ci_find(tmp, "this ");
        if ((p == start || (self && self < p && p - self <= 40)) &&
            date_in(p + strlen(says[i]), ymd) == 0)
            c->orig_date = sf_xstrdup(ymd);
        return;
    }
}

static void walk(const dom *d, cand *c)
{
    int seen_h1 = 0, label_next = 0; /* the last text was a byline's label ("Written by") */
    char last_ymd[11] = "";          /* the last date printed before the first <h1> */
    size_t since_date = 0;           /* text bytes since it */
    size_t after_h1 = 0; /* text bytes seen since the first <h1> */
    for (size_t i = 1; i < d->len; i++) {
        const dom_node *x = &d->n[i];
        if (x->tag == DT_TEXT) {
            /* a date printed near the headline ("Aug 4, 2025"), for pages that declare none */
            if (seen_h1 && !c->near_first && after_h1 < 1500 && x->len >= 8 && x->len < 100 &&
                d->n[x->parent].tag != DT_SCRIPT) {
                char tmp[208], ymd[11];
                memcpy(tmp, d->text.data + x->off, x->len);
                tmp[x->len] = '\0';
                if (date_in(tmp, ymd) == 0) {
                    if (!c->near_date) c->near_date = sf_xstrdup(ymd);
                    if (!c->near_name) c->near_name = name_before_date(tmp);
                    if (!ci_find(tmp, "updat") && !ci_find(tmp, "modif") &&
                        !ci_find(tmp, "receiv") && !ci_find(tmp, "revis"))
                        c->near_first = sf_xstrdup(ymd);
                }
            }
            /* the last date printed before the first <h1> ("February 4, 2025 - 11 min") */
            if (!seen_h1 && d->n[x->parent].tag != DT_SCRIPT && d->n[x->parent].tag != DT_STYLE) {
                char tmp[208], ymd[11];
                int found = 0;
                if (x->len >= 8 && x->len < 200 && has_digit(d->text.data + x->off, x->len)) {
                    memcpy(tmp, d->text.data + x->off, x->len);
                    tmp[x->len] = '\0';
                    found = date_unlabelled(tmp, ymd) == 0;
                }
                if (found) memcpy(last_ymd, ymd, 11), since_date = 0;
                else since_date += x->len;
            }
            /* a byline printed as text ("By Jane Doe", "Written by" then the name), not in
             * a menu ("By Company Size") or a reader's comment */
            if (!c->text_byline && x->len < 120 && (label_next || may_lead(d->text.data + x->off, x->len)) &&
                d->n[x->parent].tag != DT_SCRIPT &&
                d->n[x->parent].tag != DT_STYLE && !(d->n[x->parent].flags & DOM_HIDDEN)) {
                char tmp[128];
                memcpy(tmp, d->text.data + x->off, x->len);
                tmp[x->len] = '\0';
                char *t = clean_dup(tmp);
                size_t l = t ? lead_len(t, 1) : 0;
                /* the menu test last: most texts are no byline */
                if (t && label_next && !l) {
                    if (!in_menu_or_comment(d, i)) {
                        take_byline(c, clean_author(t));
                        label_next = 0;
                    }
                } else if (l && !in_menu_or_comment(d, i)) { /* "By Jane", "by Jane", "by:" */
                    if (t[l] == '\0') label_next = 1;
                    else take_byline(c, clean_author(t));
                }
                free(t);
            }
            if (!c->orig_date && x->len >= 24 && d->n[x->parent].tag != DT_SCRIPT)
                orig_date_in(d->text.data + x->off, x->len, c);
            if (seen_h1) after_h1 += x->len;
            continue;
        }
        if (x->flags & DOM_LDJSON) {
            for (size_t k = i + 1; k < x->end; k++)
                if (d->n[k].tag == DT_TEXT)
                    ld_script(d->text.data + d->n[k].off, d->n[k].len, c);
            continue;
        }
        switch (x->tag) {
        case DT_META: meta_tag(d, i, c); continue;
        case DT_TITLE:
            if (!c->title_tag) set_text_once(d, i, &c->title_tag);
            continue;
        case DT_HTML:
            set_once(&c->html_lang, dom_attr(d, i, "lang"));
            set_once(&c->html_lang, dom_attr(d, i, "xml:lang"));
            continue;
        case DT_LINK: {
            const char *rel = dom_attr(d, i, "rel");
            if (rel && has_token(rel, "canonical")) set_once(&c->canonical, dom_attr(d, i, "href"));
            continue;
        }
        case DT_H1:
            for (size_t k = 0; k < 4 && !(x->flags & DOM_HIDDEN) && !aside_h1(d, i); k++)
                if (!c->h1[k]) {
                    set_text_once(d, i, &c->h1[k]);
                    break;
                }
            if (!seen_h1 && last_ymd[0] && since_date <= PRE_H1_NEAR) c->pre_date = sf_xstrdup(last_ymd);
            seen_h1 = 1;
            break;
        case DT_TIME: {
            const char *dt = dom_attr(d, i, "datetime");
            const char *ip = dom_attr(d, i, "itemprop");
            int pub = (ip && strcasecmp(ip, "datePublished") == 0) || dom_attr(d, i, "pubdate") ||
                      class_has(d, i, "publish");
            if (pub && dt) set_once(&c->ip_date, dt);
            if (dt) set_once(&c->time_date, dt);
            else if (!c->text_date) set_text_once(d, i, &c->text_date);
            break;
        }
        default: break;
        }
        if (x->len == 0) continue; /* no attributes */
        const char *ip = dom_attr(d, i, "itemprop");
        if (ip) {
            if (strcmp(ip, "headline") == 0) set_text_once(d, i, &c->ip_headline);
            else if (strcmp(ip, "datePublished") == 0) {
                const char *v = dom_attr(d, i, "content");
                if (!v) v = dom_attr(d, i, "datetime");
                if (v) set_once(&c->ip_date, v);
                else set_text_once(d, i, &c->ip_date);
            } else if ((strcmp(ip, "author") == 0 || strcmp(ip, "creator") == 0) && !c->ip_author &&
                       !in_menu_or_comment(d, i)) {
                /* the name inside, else the element's text */
                size_t k = i + 1;
                for (; k < x->end; k++) {
                    const char *p2 = dom_attr(d, k, "itemprop");
                    if (p2 && strcmp(p2, "name") == 0) break;
                }
                const char *cv = dom_attr(d, k < x->end ? k : i, "content");
                if (cv && !looks_url(cv)) set_once(&c->ip_author, cv);
                else if (!c->ip_author && !(c->ip_author = byline_in(d, k < x->end ? k : i)))
                    set_text_once(d, k < x->end ? k : i, &c->ip_author); /* "Jane Doe" "Reporter" */
            }
        }
        if (x->tag == DT_A) {
            const char *rel = dom_attr(d, i, "rel");
            if (rel && has_token(rel, "author")) set_text_once(d, i, &c->rel_author);
            /* a link to the author's page ("/author/jane-doe/"), not in a menu or comment */
            const char *href = c->href_author ? NULL : dom_attr(d, i, "href");
            if (href && (strstr(href, "/author/") || strstr(href, "/authors/")) &&
                !in_menu_or_comment(d, i)) {
                c->href_author = byline_in(d, i); /* "Jane Doe" "Tech Reporter" */
                if (!c->href_author) {
                    char *t = NULL;
                    set_text_once(d, i, &t);
                    char *a = clean_author(t);
                    if (a && one_name(a)) c->href_author = a;
                    else free(a);
                    free(t);
                }
            }
        }
        if (!c->byline && (class_has(d, i, "byline") || class_has(d, i, "author") ||
                           class_has(d, i, "posted-by") || class_has(d, i, "writer"))) {
            char *t = NULL;
            set_text_once(d, i, &t);
            if (t && strlen(t) <= BYLINE_MAX) {
                c->byline = byline_in(d, i);
                if (!c->byline && !strpbrk(t, "0123456789:*") && !ci_find(t, " says"))
                    c->byline = clean_author(t); /* "the Lavazza Team", "Ana (Content Lead)" */
            } else if (t && !c->byline2) {
                c->byline2 = byline_in(d, i); /* an author box: the name, then the biography */
            }
            free(t);
        }
        if (!c->text_date && x->tag != DT_TIME &&
            (class_has(d, i, "publish") || class_has(d, i, "date") || class_has(d, i, "posted") ||
             class_has(d, i, "byline") || class_has(d, i, "meta"))) {
            char *t = NULL;
            set_text_once(d, i, &t);
            char ymd[11];
            if (t && date_unlabelled(t, ymd) == 0) c->text_date = sf_xstrdup(ymd);
            free(t);
        }
    }
}

/* ---- choosing -------------------------------------------------------------------------- */

/* Lowercased alphanumerics of s, for comparing titles. */
static void fold(const char *s, char *out, size_t osz)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && n + 1 < osz; p++)
        if (isalnum(*p) || *p >= 0x80) out[n++] = (char)tolower(*p);
    out[n] = '\0';
}

static int agrees(const char *a, const char *b)
{
    if (!a || !b) return 0;
    char fa[META_MAX + 1], fb[META_MAX + 1];
    fold(a, fa, sizeof fa);
    fold(b, fb, sizeof fb);
    if (!fa[0] || !fb[0]) return 0;
    return strcmp(fa, fb) == 0 || strstr(fa, fb) || strstr(fb, fa);
}

/* Does the <h1> print the declared title: the same, or one the other's beginning or end
 * ("Headline" and "Headline: a subtitle"), not a word of it ("Discord" in "How we pwned X,
 * Discord, and hundreds of companies")? */
static int h1_agrees(const char *h1, const char *t)
{
    if (!h1 || !t) return 0;
    char fa[META_MAX + 1], fb[META_MAX + 1];
    fold(h1, fa, sizeof fa);
    fold(t, fb, sizeof fb);
    size_t la = strlen(fa), lb = strlen(fb);
    if (!la || !lb) return 0;
    const char *lo = la >= lb ? fa : fb, *sh = la >= lb ? fb : fa;
    size_t ll = la >= lb ? la : lb, sl = la >= lb ? lb : la;
    return strncmp(lo, sh, sl) == 0 || strcmp(lo + ll - sl, sh) == 0;
}

/* Does s run on after the end of a sentence ("... ROI? Get expert tips")? */
static int sentences(const char *s)
{
    for (const char *p = s; (p = strpbrk(p, ".?!")) != NULL; p++)
        if (p[1] == ' ' && isupper((unsigned char)p[2])) return 1;
    return 0;
}

/* Are a and b the same title, but for case, spaces and punctuation? */
static int same_title(const char *a, const char *b)
{
    char fa[META_MAX + 1], fb[META_MAX + 1];
    fold(a, fa, sizeof fa);
    fold(b, fb, sizeof fb);
    return fa[0] && strcmp(fa, fb) == 0;
}

/* Is h1 the site's name, printed as the page's heading: one declared title is the h1
 * joined to another declared title longer than it ("Blog Name: Headline" and "Headline")? */
static int names_blog(const char *h1, const char *const declared[5])
{
    char fh[META_MAX + 1], fd[META_MAX + 1], fe[META_MAX + 1];
    fold(h1, fh, sizeof fh);
    size_t hl = strlen(fh);
    if (!hl) return 0;
    for (size_t i = 0; i < 5; i++) {
        if (!declared[i]) continue;
        fold(declared[i], fd, sizeof fd);
        size_t dl = strlen(fd);
        if (dl < 2 * hl) continue; /* the rest as long as the h1 at least */
        size_t rl = dl - hl;
        const char *rest = strncmp(fd, fh, hl) == 0 ? fd + hl          /* "Blog: Headline" */
                           : strcmp(fd + rl, fh) == 0 ? fd : NULL; /* "Headline | Blog" */
        if (!rest) continue;
        for (size_t j = 0; j < 5; j++) {
            if (j == i || !declared[j]) continue;
            fold(declared[j], fe, sizeof fe);
            if (strlen(fe) == rl && strncmp(fe, rest, rl) == 0) return 1;
        }
    }
    return 0;
}

/* "Headline | Site" → "Headline": drop a leading or trailing part that names the site or
 * is short beside the rest. Returns a new string. */
static char *strip_site(const char *t, const char *site)
{
    static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ",
                                       " \xC2\xB7 ", " \xC2\xBB ", " / ", " \xE2\x80\xA2 ", NULL};
    char *s = sf_xstrdup(t);
    for (int round = 0; round < 2; round++) {
        const char *best = NULL;
        size_t bl = 0;
        for (size_t i = 0; seps[i]; i++) {
            const char *p = strstr(s, seps[i]), *last = NULL;
            while (p) last = p, p = strstr(p + 1, seps[i]);
            if (last && last > best) best = last, bl = strlen(seps[i]);
        }
        if (!best) break;
        const char *tail = best + bl;
        size_t head_len = (size_t)(best - s), tail_len = strlen(tail);
        int tail_site = site && agrees(tail, site);
        if (tail_site || (tail_len <= 40 && tail_len * 2 < head_len)) {
            s[head_len] = '\0';
            continue;
        }
        /* "Site | Headline" */
        const char *first = NULL;
        size_t fl = 0;
        for (size_t i = 0; seps[i]; i++) {
            const char *p = strstr(s, seps[i]);
            if (p && (!first || p < first)) first = p, fl = strlen(seps[i]);
        }
        if (first && site && agrees(site, s) && (size_t)(first - s) <= strlen(site) + 2) {
            memmove(s, first + fl, strlen(first + fl) + 1);
            continue;
        }
        break;
    }
    return s;
}

/* Is s only label words ("The Author", "About the author", "Written By", "Sign in",
 * "View more posts"), no name? */
static int label_only(const char *s)
{
    static const char *const labels[] = {"the", "a", "an", "author", "authors", "about", "written",
                                         "by", "sign", "in", "on", "heard", "writer",
                                         "writers", "editor", "editors", "contributor",
                                         "contributors", "more", "read", "view", "posts", "all",
                                         "profile", "bio", "info", "share", "follow", "of",
                                         "posted", "published", "and", NULL};
    for (const char *p = s; *p;) {
        while (*p && !isalpha((unsigned char)*p) && (unsigned char)*p < 0x80) p++;
        if (!*p) break;
        const char *w = p;
        while (isalpha((unsigned char)*p) || (unsigned char)*p >= 0x80) p++;
        size_t wl = (size_t)(p - w), i = 0;
        for (; labels[i]; i++)
            if (strlen(labels[i]) == wl && strncasecmp(w, labels[i], wl) == 0) break;
        if (!labels[i]) return 0;
    }
    return 1;
}

/* "By Jane Doe and John Roe | Updated ..." → "Jane Doe and John Roe". */
static char *clean_author(const char *a)
{
    if (!a) return NULL;
    const char *s = a + lead_len(a, 0);
    static const char *const lead[] = {"von ", "par ", "por ", "read more about ", "more about ",
                                       "learn more about ", NULL};
    for (size_t i = 0; lead[i]; i++) {
        size_t l = strlen(lead[i]);
        if (strncasecmp(s, lead[i], l) == 0) {
            s += l;
            break;
        }
    }
    char *r = clean_dup(s);
    if (!r) return NULL;
    static const char *const cut[] = {" | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ",
                                      "\n", " Updated", " Published", " Posted", " on ",
                                      " \xE2\x80\xA2", /* a bullet */
                                      " \xC2\xB7 ", NULL};
    char ymd[11];
    for (size_t i = 0; cut[i]; i++) {
        char *p = strstr(r, cut[i]); /* "Dec. 19, 2025 · Jane Doe": the date first */
        if (!p || p - r > 30 || cut[i][0] != ' ' || isalpha((unsigned char)cut[i][1])) continue;
        char head[32];
        snprintf(head, sizeof head, "%.*s", (int)(p - r), r);
        if (html_date_parse(head, ymd) == 0) {
            memmove(r, p + strlen(cut[i]), strlen(p + strlen(cut[i])) + 1);
            break;
        }
    }
    for (size_t i = 0; cut[i]; i++) {
        char *p = strstr(r, cut[i]);
        if (p && p > r) *p = '\0';
    }
    for (char *p = strchr(r, ','); p; p = strchr(p + 1, ',')) /* "Jane Doe, Dec 17, 2025" */
        if (html_date_parse(p + 1 + (p[1] == ' '), ymd) == 0) {
            *p = '\0';
            break;
        }
    size_t n = strlen(r);
    while (n && (r[n - 1] == ' ' || r[n - 1] == ',')) r[--n] = '\0';
    if (n >= 3 && n % 2 && r[n / 2] == ' ' && strncmp(r, r + n / 2 + 1, n / 2) == 0)
        r[n /= 2] = '\0'; /* "Jane Jane": an avatar's name and the name */
    int letter = isalpha((unsigned char)r[0]) || (unsigned char)r[0] >= 0x80 ||
                 (isdigit((unsigned char)r[0]) && isalpha((unsigned char)r[1])); /* "3i Global" */
    if (n == 0 || n > 120 || !letter || looks_url(r) || strchr(r, '@') || date_in(r, ymd) == 0 ||
        label_only(r)) {
        free(r);
        return NULL;
    }
    return r;
}

/* Does an author name the site ("Rapid7" on rapid7.com, og:site_name "Five Books")? */
static int names_site(const char *a, const char *site, const char *url)
{
    char fa[META_MAX + 1], f[META_MAX + 1];
    fold(a, fa, sizeof fa);
    if (strlen(fa) < 3) return 0;
    if (site) {
        fold(site, f, sizeof f);
        if (strcmp(fa, f) == 0) return 1;
    }
    const char *h = url ? strstr(url, "://") : NULL;
    if (!h) return 0;
    h += 3;
    size_t hn = strcspn(h, "/:?#");
    char host[256];
    snprintf(host, sizeof host, "%.*s", (int)(hn < 255 ? hn : 255), h);
    fold(host, f, sizeof f); /* "rapid7com" */
    return strstr(f, fa) != NULL;
}

/* Does a name say it is an organization's ("Tillbrook Gazette", "Heart Foundation")? A
 * site named for a person ("Jane Doe", "janedoe.com") is that person's. */
static int org_like(const char *a)
{
    static const char *const words[] = {
        "news", "gazette", "times", "post", "herald", "journal", "daily", "weekly", "magazine",
        "media", "press", "tribune", "review", "report", "network", "blog", "foundation",
        "institute", "association", "society", "group", "team", "staff", "inc", "llc", "ltd",
        "company", "corporation", "agency", "center", "centre", "university", "college",
        "clinic", "hospital", "council", "office", "bureau", "department", "ministry", "club",
        "studio", "studios", "labs", "services", "solutions", "insurance", "bank", "online",
        "radio", "tv", "channel", "editors", "editorial", "desk", NULL};
    for (const char *p = a; *p;) {
        while (*p && !isalnum((unsigned char)*p)) p++;
        const char *w = p;
        while (isalnum((unsigned char)*p)) p++;
        size_t wl = (size_t)(p - w);
        for (size_t i = 0; wl && words[i]; i++)
            if (strlen(words[i]) == wl && strncasecmp(w, words[i], wl) == 0) return 1;
        if (*p && !wl) p++;
    }
    return 0;
}

/* Is an author a CMS account rather than a byline ("admin", "NOC Admin", "jane.doe")? */
static int account_name(const char *a)
{
    if (ci_find(a, "admin")) return 1;
    return !strchr(a, ' ') && strpbrk(a, "._") != NULL;
}

static char *url_host(const char *u)
{
    if (!u) return NULL;
    const char *p = strstr(u, "://");
    if (!p) return NULL;
    p += 3;
    if (strncmp(p, "www.", 4) == 0) p += 4;
    size_t n = strcspn(p, "/:?#");
    return n ? sf_xstrndup(p, n) : NULL;
}

/* /2025/09/04/, /2025-09-04, /20250904/ in a URL path. */
static int url_date(const char *u, char ymd[11])
{
    if (!u) return -1;
    const char *p = strstr(u, "://");
    p = p ? strchr(p + 3, '/') : u;
    for (; p && *p; p++) {
        if (*p != '/' && *p != '-' && *p != '_') continue;
        const char *q = p + 1;
        int y, m, dd;
        char sep;
        if (sscanf(q, "%4d%c%2d%*c%2d", &y, &sep, &m, &dd) == 4 && (sep == '/' || sep == '-') &&
            isdigit((unsigned char)q[3]) && q[4] == sep && isdigit((unsigned char)q[6]) &&
            q[7] == sep && isdigit((unsigned char)q[9]) && !isdigit((unsigned char)q[10]) &&
            y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && dd >= 1 && dd <= 31) {
            snprintf(ymd, 11, "%04d-%02d-%02d", y, m, dd);
            return sf_date_day(ymd) == SF_NO_DAY ? -1 : 0;
        }
        if (strspn(q, "0123456789") == 4 && q[4] == '/' && isalpha((unsigned char)q[5])) {
            char tmp[24]; /* /2023/october/03/ */
            size_t k = 0, slashes = 0;
            for (; q[k] && k + 1 < sizeof tmp && (q[k] != '/' || ++slashes < 3); k++) tmp[k] = q[k];
            tmp[k] = '\0';
            if ((slashes == 3 || !q[k]) && html_date_parse(tmp, ymd) == 0) return 0;
        }
        if (isdigit((unsigned char)q[0]) && strspn(q, "0123456789") == 8 &&
            (q[8] == '/' || q[8] == '-' || q[8] == '.' || q[8] == '\0')) {
            char tmp[9];
            memcpy(tmp, q, 8);
            tmp[8] = '\0';
            if (sf_date_parse(tmp, ymd) == 0 && strncmp(ymd, "19", 2) >= 0 &&
                strncmp(ymd, "1990", 4) >= 0 && strncmp(ymd, "2100", 4) < 0)
                return 0;
        }
    }
    return -1;
}

static char *lang_code(const char *l)
{
    if (!l) return NULL;
    size_t n = 0;
    char out[9];
    while (isalpha((unsigned char)l[n]) && n < 8) out[n] = (char)tolower((unsigned char)l[n]), n++;
    if (n < 2 || n > 3) return NULL;
    out[n] = '\0';
    return sf_xstrdup(out);
}

static char *date_of(const char *s)
{
    char ymd[11];
    if (!s) return NULL;
    if (html_date_parse(s, ymd) == 0 || date_in(s, ymd) == 0) return sf_xstrdup(ymd);
    return NULL;
}

/* The last resort for a page that declares no date: the first date printed after the
 * first <h1> ("Nov 21, 2018" by a calendar icon, "Last updated: ..." at the foot), or on a
 * page with no <h1> the first printed. A second pass, made only on such pages. */
static char *any_date(const dom *d)
{
    char before[11] = "", ymd[11];
    int seen_h1 = 0;
    size_t hidden_end = 0;
    for (size_t i = 1; i < d->len; i++) {
        const dom_node *x = &d->n[i];
        if (i < hidden_end) continue;
        if (x->tag != DT_TEXT) {
            if ((x->flags & DOM_HIDDEN) || x->tag == DT_SCRIPT || x->tag == DT_STYLE)
                hidden_end = x->end;
            if (x->tag == DT_H1) seen_h1 = 1;
            continue;
        }
        if (x->len < 6 || x->len >= 200 || !has_digit(d->text.data + x->off, x->len)) continue;
        char tmp[208];
        memcpy(tmp, d->text.data + x->off, x->len);
        tmp[x->len] = '\0';
        if (date_in(tmp, ymd) != 0) continue;
        if (seen_h1) return sf_xstrdup(ymd);
        if (!before[0]) memcpy(before, ymd, 11);
    }
    return before[0] && !seen_h1 ? sf_xstrdup(before) : NULL; /* above the headline: a ticker */
}

void html_meta(const dom *d, html_page *page)
{
    cand c;
    memset(&c, 0, sizeof c);
    walk(d, &c);

    /* url and site first: the title's site suffix needs the site */
    const char *url = c.canonical && strncmp(c.canonical, "http", 4) == 0 ? c.canonical
                      : c.og_url                                          ? c.og_url
                      : c.ld_url                                          ? c.ld_url
                                                                          : c.canonical;
    if (url) page->url = sf_xstrdup(url);
    const char *site = c.og_site ? c.og_site : c.ld_site ? c.ld_site : c.app_name;
    page->site = site ? sf_xstrdup(site) : url_host(page->url);

    /* the headline as printed: an <h1> that a declared title agrees with, else the first
     * <h1> that is not the site's name (a logo), else a declared title */
    const char *declared[] = {c.ld_title, c.og_title, c.tw_title, c.ip_headline, c.title_tag};
    char *bare[5]; /* the declared titles less the site's name ("Headline | Site") */
    for (size_t i = 0; i < 5; i++) bare[i] = declared[i] ? strip_site(declared[i], page->site) : NULL;
    int h1_site[4] = {0}; /* "Blog Name" in <h1>, "Blog Name: Headline" in <title>, og:title
                             "Headline": the h1 names the site, and later ones are sections */
    for (size_t k = 0; k < 4 && c.h1[k]; k++) h1_site[k] = names_blog(c.h1[k], declared);
    for (size_t k = 0; k < 4 && c.h1[k] && !page->title; k++)
        for (size_t i = 0; i < 5 && !page->title && !h1_site[k]; i++)
            if (h1_agrees(c.h1[k], bare[i])) {
                /* the h1 holds the declared title and a date ("Dec 18 2025 Headline",
                 * "Headline Posted on July 1, 2024 by ..."): the declared title */
                char ymd[11];
                int dated = date_in(c.h1[k], ymd) == 0 && date_in(bare[i], ymd) != 0 &&
                            strlen(bare[i]) < strlen(c.h1[k]);
                /* nor a section's label before it ("Blog: Headline") */
                const char *colon = strstr(c.h1[k], ": ");
                int labelled = colon && !memchr(c.h1[k], ' ', (size_t)(colon - c.h1[k])) &&
                               same_title(colon + 2, bare[i]);
                page->title = sf_xstrdup(dated || labelled ? bare[i] : c.h1[k]);
            }
    for (size_t k = 0; k < 4 && c.h1[k] && !page->title && !h1_site[0]; k++) {
        int site_part = h1_site[k]; /* the h1 is the part of a declared title that names the site */
        for (size_t i = 0; i < 5 && !site_part; i++)
            site_part = agrees(c.h1[k], declared[i]) && !agrees(c.h1[k], bare[i]);
        /* one or two words that agree with no declared title: a section's label ("Contact
         * Us", "VPN Services") or a file's name ("jdoe/notes.md") */
        const char *sp = strchr(c.h1[k], ' ');
        int label =
            (!sp || !strchr(sp + 1, ' ')) && (bare[0] || bare[1] || bare[2] || bare[3] || bare[4]);
        /* sentences of a summary set as the heading ("Learn which ... ROI? Get expert tips
         * on ... We'll help you ..."), beside a declared title */
        int summary = strlen(c.h1[k]) > 150 && sentences(c.h1[k]) &&
                      (bare[0] || bare[1] || bare[2] || bare[3] || bare[4]);
        if (!(page->site && agrees(c.h1[k], page->site)) && !site_part && !label && !summary &&
            strlen(c.h1[k]) >= 8)
            page->title = sf_xstrdup(c.h1[k]);
    }
    for (size_t i = 0; i < 5 && !page->title; i++) {
        if (!bare[i]) continue;
        /* a long headline cut short (JSON-LD's 110 characters) yields to the whole */
        const char *whole = bare[i];
        char fi[META_MAX + 1], fj[META_MAX + 1];
        fold(bare[i], fi, sizeof fi);
        for (size_t j = 0; j < 5 && strlen(bare[i]) >= 60; j++) {
            if (!bare[j] || j == i) continue;
            fold(bare[j], fj, sizeof fj);
            if (strlen(fj) > strlen(fi) && strncmp(fi, fj, strlen(fi)) == 0 &&
                strlen(bare[j]) > strlen(whole))
                whole = bare[j];
        }
        page->title = sf_xstrdup(whole);
    }
    if (!page->title && c.h1[0]) page->title = sf_xstrdup(c.h1[0]);
    /* a bar separates the headline from a section or a site even in an <h1> ("Headline |
     * Opinion", "Headline | Top 19 Picks"), unless a declared title less the site's name
     * keeps it and five words or more follow it (the headline has a bar: "Top 10 Cameras |
     * The Best Ones on the Market") */
    char *bar = page->title ? strstr(page->title, " | ") : NULL;
    size_t tail_words = 0; /* a site's or section's name is a few words: "| Newegg.com" */
    for (const char *p = bar ? bar + 3 : NULL; p && *p; p++) tail_words += *p == ' ';
    for (size_t i = 0; i < 5 && bar && tail_words >= 4; i++)
        if (bare[i] && strstr(bare[i], " | ") && same_title(bare[i], page->title)) bar = NULL;
    if (bar && bar - page->title >= 8) *bar = '\0';
    for (size_t i = 0; i < 5; i++) free(bare[i]);
    /* the site's name after a dash in an <h1> ("Headline - Site", an en or em dash too) */
    if (page->title && page->site) {
        static const char *const dashes[] = {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", NULL};
        for (size_t i = 0; dashes[i]; i++) {
            char *p = strstr(page->title, dashes[i]), *last = NULL;
            while (p) last = p, p = strstr(p + 1, dashes[i]);
            if (last && last - page->title >= 8 && same_title(last + strlen(dashes[i]), page->site))
                *last = '\0';
        }
    }

    /* a person's name before an organization's (the site's own name as the author) or
     * a CMS account's */
    const char *tw_author = c.tw_label1 && lead_len(c.tw_label1, 1) == strlen(c.tw_label1)
                                ? c.tw_data1 : NULL; /* twitter:label1 "Written by" */
    const char *authors[] = {c.ld_author, c.meta_author, c.ip_author,   c.rel_author,
                             c.href_author, tw_author,   c.byline,      c.text_byline, c.byline2,
                             c.text_byline1, c.near_name, c.ld_org_author};
    size_t na = sizeof authors / sizeof *authors;
    for (int pass = 0; pass < 2 && !page->author; pass++)
        for (size_t i = 0; i < na && !page->author; i++) {
            char *a = clean_author(authors[i]);
            if (a && !pass &&
                ((names_site(a, page->site, page->url) && org_like(a)) || account_name(a))) {
                free(a);
                continue;
            }
            page->author = a;
        }

    /* no byline at all: the site speaks for itself ("Headline | Jane Doe" on a personal
     * site, a company's blog) */
    if (!page->author && (c.og_site || c.ld_site || c.app_name)) page->author = clean_author(site);
    if (!page->author && c.title_tag && page->title) { /* "<h1's text> | Jane Doe", "... | Firm" */
        static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                           " \xC2\xB7 ", " \xE2\x80\xA2 ", NULL};
        for (size_t i = 0; seps[i] && !page->author; i++) {
            const char *p = strstr(c.title_tag, seps[i]);
            if (!p || strstr(p + 1, seps[i])) continue; /* one separator only */
            char *head = sf_xstrndup(c.title_tag, (size_t)(p - c.title_tag));
            if (strlen(p + strlen(seps[i])) <= (agrees(head, page->title) ? 60 : 40)) /* a name */
                page->author = clean_author(p + strlen(seps[i]));
            free(head);
        }
    }

    const char *dates[] = {c.ld_date,   c.meta_date, c.meta_date2, c.ip_date,
                           c.time_date, c.text_date, c.near_date, c.pre_date};
    for (size_t i = 0; i < sizeof dates / sizeof *dates && !page->date; i++) page->date = date_of(dates[i]);
    /* a date printed by the headline before the declared one, and not the date modified:
     * the page was stamped anew (moved, republished) and still shows when it appeared */
    char *shown = date_of(c.near_first), *mod1 = date_of(c.ld_modified);
    char *mod2 = date_of(c.meta_modified);
    if (shown && page->date && strcmp(shown, page->date) < 0 &&
        !(mod1 && strcmp(mod1, shown) == 0) && !(mod2 && strcmp(mod2, shown) == 0)) {
        free(page->date);
        page->date = shown;
        shown = NULL;
    }
    free(shown);
    /* declared published the day it was modified (stamped anew), while an element marked
     * as the publication date (<time pubdate>, itemprop="datePublished") shows an earlier
     * day: that one */
    char *marked = date_of(c.ip_date);
    if (marked && page->date && strcmp(marked, page->date) < 0 &&
        ((mod1 && strcmp(mod1, page->date) == 0) || (mod2 && strcmp(mod2, page->date) == 0))) {
        free(page->date);
        page->date = marked;
        marked = NULL;
    }
    free(marked);
    free(mod1);
    free(mod2);
    char ymd[11];
    /* a day printed with its month and day both 12 or less, read in the wrong order: the
     * URL's date is the other reading (03/10/2023 under /2023/october/03/) */
    if (page->date && url_date(page->url, ymd) == 0 && strncmp(ymd, page->date, 5) == 0 &&
        strncmp(ymd + 5, page->date + 8, 2) == 0 && strncmp(ymd + 8, page->date + 5, 2) == 0) {
        free(page->date);
        page->date = sf_xstrdup(ymd);
    }
    /* the page says when the text first appeared */
    if (c.orig_date && (!page->date || strcmp(c.orig_date, page->date) < 0)) {
        free(page->date);
        page->date = sf_xstrdup(c.orig_date);
    }
    if (!page->date && url_date(page->url, ymd) == 0) page->date = sf_xstrdup(ymd);
    if (!page->date) page->date = any_date(d);
    if (!page->date) page->date = date_of(c.ld_modified);
    if (!page->date) page->date = date_of(c.meta_modified);

    const char *langs[] = {c.html_lang, c.meta_lang, c.og_locale, c.ld_lang};
    for (size_t i = 0; i < 4 && !page->lang; i++) page->lang = lang_code(langs[i]);

    char **all = (char **)&c; /* cand is char pointers only */
    for (size_t i = 0; i < sizeof c / sizeof(char *); i++) free(all[i]);
}
