/* text.c — plain-text articles: UTF-8, an optional metadata header, the body kept byte for
 * byte (so an offset into doc->text plus the header's length is an offset into the file).
 *
 * Headers (only at the very top, after an optional BOM):
 *   - a block of "key: value" lines ended by a blank line, when the first line's key is
 *     one of title, source, date, url, author, lang (case-insensitive); later lines with
 *     other keys are ignored; a line that is not "key: value" ends the block and starts
 *     the body;
 *   - or the word "date" and a YYYY-MM-DD date (optionally preceded by blanks): the body
 *     starts after the blanks that follow the date, on the same line.
 * Without a metadata title, a short first body line (<= 150 bytes, not ending in . ! or ?)
 * followed by a blank line is taken as the title (BBC style); it stays in the body.
 * A date that does not parse is left out (doc->date NULL); the document is still read. */
#include "core/mem.h"
#include "read/read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define TITLE_MAX 150

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static int is_space(char c)
{
    return is_blank(c) || c == '\n';
}

/* End of the line starting at i (the index of its '\n', or len). */
static size_t line_end(const char *b, size_t len, size_t i)
{
    const char *nl = memchr(b + i, '\n', len - i);
    return nl ? (size_t)(nl - b) : len;
}

static int line_blank(const char *b, size_t s, size_t e)
{
    for (size_t i = s; i < e; i++)
        if (!is_blank(b[i])) return 0;
    return 1;
}

/* If the line [s, e) is "key: value", set the key span and the value span (trimmed). */
static int key_line(const char *b, size_t s, size_t e, size_t *klen, size_t *vs, size_t *ve)
{
    size_t i = s;
    if (i >= e || !((b[i] >= 'A' && b[i] <= 'Z') || (b[i] >= 'a' && b[i] <= 'z'))) return 0;
    while (i < e && i - s < 32 &&
           ((b[i] >= 'A' && b[i] <= 'Z') || (b[i] >= 'a' && b[i] <= 'z') ||
            (b[i] >= '0' && b[i] <= '9') || b[i] == '_' || b[i] == '-'))
        i++;
    if (i >= e || b[i] != ':') return 0;
    *klen = i - s;
    i++;
    while (i < e && is_blank(b[i])) i++;
    size_t j = e;
    while (j > i && is_blank(b[j - 1])) j--;
    *vs = i;
    *ve = j;
    return 1;
}

static char **known_field(sf_doc *d, const char *key, size_t n)
{
#define K(name, field)                                                                             \
    if (n == sizeof name - 1 && strncasecmp(key, name, n) == 0) return &d->field
    K("title", title);
    K("source", source);
    K("date", date);
    K("url", url);
    K("author", author);
    K("lang", lang);
#undef K
    return NULL;
}

/* Parse a "key: value" header block; returns the body's start, or 0 when there is none. */
static size_t meta_block(sf_doc *d, const char *b, size_t len, size_t start)
{
    size_t klen, vs, ve, e = line_end(b, len, start);
    if (!key_line(b, start, e, &klen, &vs, &ve) || !known_field(d, b + start, klen)) return 0;
    size_t i = start;
    for (;;) {
        e = line_end(b, len, i);
        if (line_blank(b, i, e)) return e < len ? e + 1 : len; /* the blank line ends it */
        if (!key_line(b, i, e, &klen, &vs, &ve)) return i;     /* body starts here */
        char **f = known_field(d, b + i, klen);
        if (f && ve > vs) {
            if (f == &d->date) {
                char *v = sf_xstrndup(b + vs, ve - vs);
                read_set_date(d, v);
                free(v);
            } else {
                free(*f);
                *f = sf_xstrndup(b + vs, ve - vs);
            }
        }
        if (e >= len) return len;
        i = e + 1;
    }
}

/* " date 2022-02-26 Body…": returns the body's start, or 0. */
static size_t date_pair(sf_doc *d, const char *b, size_t len, size_t start)
{
    size_t i = start;
    while (i < len && is_space(b[i])) i++;
    if (len - i < 15 || strncasecmp(b + i, "date", 4) != 0 || !is_blank(b[i + 4])) return 0;
    i += 4;
    while (i < len && is_blank(b[i])) i++;
    if (len - i < 10) return 0;
    const char *s = b + i;
    for (int k = 0; k < 10; k++) {
        int want_dash = k == 4 || k == 7;
        if (want_dash ? s[k] != '-' : !(s[k] >= '0' && s[k] <= '9')) return 0;
    }
    if (i + 10 < len && !is_space(b[i + 10])) return 0;
    char v[11];
    memcpy(v, s, 10);
    v[10] = '\0';
    if (read_set_date(d, v) != 0) return 0;
    i += 10;
    while (i < len && is_space(b[i])) i++;
    return i;
}

/* BBC-style title: the first line, short, no terminal punctuation, then a blank line. */
static void guess_title(sf_doc *d)
{
    const char *t = d->text;
    size_t len = d->len, s = 0;
    while (s < len && is_space(t[s])) s++;
    if (s == len) return;
    size_t e = line_end(t, len, s);
    if (e >= len) return;
    size_t e2 = line_end(t, len, e + 1);
    if (!line_blank(t, e + 1, e2)) return;
    size_t te = e;
    for (;;) { /* trim blanks and no-break spaces (U+00A0) */
        if (te > s && is_blank(t[te - 1]))
            te--;
        else if (te > s + 1 && (unsigned char)t[te - 2] == 0xC2 && (unsigned char)t[te - 1] == 0xA0)
            te -= 2;
        else
            break;
    }
    if (te - s > TITLE_MAX || te == s) return;
    size_t q = te; /* look past closing quotes and brackets */
    while (q > s && (t[q - 1] == '"' || t[q - 1] == '\'' || t[q - 1] == ')')) q--;
    if (q > s + 2 && (unsigned char)t[q - 3] == 0xE2 && (unsigned char)t[q - 2] == 0x80 &&
        ((unsigned char)t[q - 1] == 0x9D || (unsigned char)t[q - 1] == 0x99))
        q -= 3; /* ” ’ */
    if (q > s && (t[q - 1] == '.' || t[q - 1] == '!' || t[q - 1] == '?')) return;
    d->title = sf_xstrndup(t + s, te - s);
}

int read_text_buf(const char *path, const char *buf, size_t len, const sf_reader *rd)
{
    char why[96];
    size_t bad;
    const char *nul = memchr(buf, '\0', len);
    if (nul) {
        snprintf(why, sizeof why, "binary file (NUL byte at byte %zu)", (size_t)(nul - buf));
        read_reject(rd, path, "", why);
        return 1;
    }
    if (read_utf8_check(buf, len, &bad) != 0) {
        snprintf(why, sizeof why, "invalid UTF-8 at byte %zu", bad);
        read_reject(rd, path, "", why);
        return 1;
    }
    size_t start = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    size_t k = start;
    while (k < len && is_space(buf[k])) k++;
    if (k == len) {
        read_reject(rd, path, "", "empty file");
        return 1;
    }

    sf_doc *d = sf_doc_new();
    size_t body = meta_block(d, buf, len, start);
    int had_header = body != 0;
    if (!had_header) {
        body = date_pair(d, buf, len, start);
        had_header = body != 0;
    }
    if (!had_header) body = start;

    size_t blen = len - body;
    k = body;
    while (k < len && is_space(buf[k])) k++;
    if (k == len) {
        sf_doc_free(d);
        read_reject(rd, path, "", had_header ? "no text after the metadata header" : "empty file");
        return 1;
    }
    if (blen > SF_MAX_DOC) {
        sf_doc_free(d);
        read_reject(rd, path, "", "document larger than 16 MiB");
        return 1;
    }
    d->text = sf_xstrndup(buf + body, blen);
    d->len = blen;
    d->path = sf_xstrdup(path);
    if (!d->title) guess_title(d);
    read_emit(rd, d); /* whether the caller stops or not, nothing is left to read */
    return 0;
}
