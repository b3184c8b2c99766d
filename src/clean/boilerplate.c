/* boilerplate.c — a first boilerplate marker for plain text: whole lines that are
 * teasers ("Also Read | …"), sign-offs ("Read the original article on …"), photo
 * credits and captions, share prompts, and a caption printed twice (a line that the next
 * line repeats and extends). It marks line ranges; the stored text is untouched. */
#include "clean/clean.h"

#include "core/mem.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Lines that begin so are boilerplate (compared case-insensitively, after blanks and
 * bullets). */
static const char *const starts[] = {
    "also read",
    "read also",
    "read more",
    "read the original article",
    "related:",
    "related articles",
    "recommended:",
    "photo:",
    "photo by",
    "photo credit",
    "photos:",
    "image:",
    "image credit",
    "image source",
    "picture:",
    "file photo",
    "(photo",
    "(file photo",
    "follow us on",
    "follow our",
    "subscribe to",
    "sign up for",
    "click here",
    "(with inputs from",
    "with inputs from",
    "copyright",
    "©",
    "all rights reserved",
    "share this",
    "advertisement",
    "also watch",
    "watch:",
    "download the",
    "get the latest",
    "(this story has not been edited",
    "for more news",
    "this article was originally published",
};

/* Lines that contain these anywhere are credits or captions. */
static const char *const contains[] = {
    "via getty images", "/getty images", "photo by ", "(afp photo",          "/afp via",
    "(reuters photo",   "/ap photo",     "(ap photo", "all rights reserved",
};

static int starts_ci(const char *s, size_t n, const char *pre)
{
    size_t m = strlen(pre);
    return n >= m && strncasecmp(s, pre, m) == 0;
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int contains_ci(const char *s, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    int first = needle[0]; /* needles are lowercase */
    for (size_t i = 0; i + m <= n; i++)
        if (lower((unsigned char)s[i]) == first && strncasecmp(s + i, needle, m) == 0) return 1;
    return 0;
}

static int is_boilerplate_line(const char *s, size_t n)
{
    /* skip blanks and bullets */
    while (n && (*s == ' ' || *s == '\t' || *s == '*' || *s == '-')) s++, n--;
    if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        (unsigned char)s[2] == 0xA2) /* • */
        s += 3, n -= 3;
    while (n && (*s == ' ' || *s == '\t')) s++, n--;
    if (!n) return 0;
    for (size_t i = 0; i < sizeof starts / sizeof *starts; i++)
        if (starts_ci(s, n, starts[i])) return 1;
    if (n < 400)
        for (size_t i = 0; i < sizeof contains / sizeof *contains; i++)
            if (contains_ci(s, n, contains[i])) return 1;
    return 0;
}

static size_t trimmed_len(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) n--;
    return n;
}

void clean_boilerplate(sf_doc *doc)
{
    free(doc->boilerplate);
    doc->boilerplate = NULL;
    doc->n_boilerplate = 0;
    size_t cap = 0;
    const char *t = doc->text;
    size_t len = doc->len, i = 0;
    while (i < len) {
        const char *nl = memchr(t + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - t) : len;
        size_t n = trimmed_len(t + i, e - i);
        int bp = is_boilerplate_line(t + i, n);
        if (!bp && n >= 20 && e < len) {
            /* a caption printed twice: the next line starts with this whole line */
            size_t j = e + 1;
            const char *nl2 = memchr(t + j, '\n', len - j);
            size_t e2 = nl2 ? (size_t)(nl2 - t) : len;
            if (e2 - j > n && memcmp(t + j, t + i, n) == 0) bp = 1;
        }
        if (bp && n) {
            SF_GROW(doc->boilerplate, cap, doc->n_boilerplate + 1);
            doc->boilerplate[doc->n_boilerplate++] = (sf_span){(uint32_t)i, (uint32_t)(i + n)};
        }
        i = e + 1;
    }
}
