/* charset.c — a web page's bytes as valid UTF-8 (see charset.h): the declaration read from
 * the first bytes, weighed against what the bytes are, and the conversion (iconv) or the
 * repair of invalid bytes; then UTF-8 encoded twice decoded once (mojibake.c). */
#include "read/charset.h"

#include "core/mem.h"
#include "read/mojibake.h"
#include "read/read.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PRESCAN 4096 /* a declaration must come this early (HTML5 says 1024; pages lie) */

static const char REPL[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* Copy a declared name after "charset" / "encoding" at p (p points past the keyword). */
static int decl_value(const char *p, const char *end, char *name, size_t nsz)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
    if (p >= end || *p != '=') return 0;
    p++;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '"' || *p == '\'')) p++;
    size_t n = 0;
    while (p < end && n + 1 < nsz &&
           (isalnum((unsigned char)*p) || *p == '-' || *p == '_' || *p == '.' || *p == ':'))
        name[n++] = (char)tolower((unsigned char)*p++);
    name[n] = '\0';
    return n > 0;
}

/* The charset a page declares in its first PRESCAN bytes, lowercased; 0 when none. */
static int prescan(const char *buf, size_t len, char *name, size_t nsz)
{
    size_t n = len < PRESCAN ? len : PRESCAN;
    const char *end = buf + n;
    if (n > 5 && memcmp(buf, "<?xml", 5) == 0) {
        const char *q = buf;
        while (q + 8 < end && *q != '>') {
            if (strncasecmp(q, "encoding", 8) == 0 && decl_value(q + 8, end, name, nsz)) return 1;
            q++;
        }
    }
    for (const char *p = buf; p + 7 < end; p++) {
        if ((p[0] | 0x20) != 'c' || strncasecmp(p, "charset", 7) != 0) continue;
        if (decl_value(p + 7, end, name, nsz)) return 1;
    }
    return 0;
}

/* The iconv name for a declared charset, and whether it is UTF-8 (1), a name browsers
 * read as windows-1252 (2), or something else for iconv (0). */
static int canonical(const char *decl, char *out, size_t osz)
{
    static const char *const utf8[] = {"utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8",
                                       /* a UTF-16 declaration read in ASCII is a lie */
                                       "utf-16", "utf-16le", "utf-16be", "unicode"};
    static const char *const w1252[] = {"iso-8859-1", "iso8859-1", "latin1", "l1",
                                        "us-ascii",   "ascii",     "windows-1252", "cp1252",
                                        "x-cp1252",   "iso_8859-1", "iso-ir-100", "cp819"};
    for (size_t i = 0; i < sizeof utf8 / sizeof *utf8; i++)
        if (strcmp(decl, utf8[i]) == 0) return snprintf(out, osz, "UTF-8"), 1;
    for (size_t i = 0; i < sizeof w1252 / sizeof *w1252; i++)
        if (strcmp(decl, w1252[i]) == 0) return snprintf(out, osz, "WINDOWS-1252"), 2;
    if (strcmp(decl, "gb2312") == 0 || strcmp(decl, "gbk") == 0 || strcmp(decl, "x-gbk") == 0)
        return snprintf(out, osz, "GB18030"), 0;
    size_t i = 0;
    for (; decl[i] && i + 1 < osz; i++) out[i] = (char)toupper((unsigned char)decl[i]);
    out[i] = '\0';
    return 0;
}

/* One pass over the bytes: how many valid multi-byte sequences, how many invalid bytes,
 * whether there is a NUL. */
typedef struct utf8_stats {
    size_t multi, invalid;
    int nul;
} utf8_stats;

static size_t seq_len(const unsigned char *p, size_t n) /* 0 when invalid */
{
    unsigned c = p[0];
    size_t need;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) lo = 0xA0;
        else if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) lo = 0x90;
        else if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (n <= need || p[1] < lo || p[1] > hi) return 0;
    for (size_t k = 2; k <= need; k++)
        if ((p[k] & 0xC0) != 0x80) return 0;
    return need + 1;
}

static utf8_stats scan(const char *s, size_t n)
{
    utf8_stats st = {0, 0, 0};
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        while (i + 8 <= n) { /* ASCII fast path; a NUL is ASCII too, look for it below */
            uint64_t w;
            memcpy(&w, p + i, 8);
            if ((w & 0x8080808080808080ull) || ((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull))
                break;
            i += 8;
        }
        if (i >= n) break;
        if (p[i] == 0) {
            st.nul = 1;
            i++;
            continue;
        }
        size_t k = seq_len(p + i, n - i);
        if (k == 0) {
            st.invalid++;
            i++;
        } else {
            if (k > 1) st.multi++;
            i += k;
        }
    }
    return st;
}

/* UTF-8 with invalid bytes replaced by U+FFFD and NULs by spaces. */
static void repair(const char *s, size_t n, charset_out *out)
{
    sf_buf b = {0};
    sf_grow((void **)&b.data, &b.cap, n + n / 8 + 16, 1);
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, run = 0; /* bytes [run, i) are valid and not yet copied */
    while (i < n) {
        if (p[i] && p[i] < 0x80) {
            i++;
            continue;
        }
        size_t k = p[i] ? seq_len(p + i, n - i) : 0;
        if (k) {
            i += k;
            continue;
        }
        sf_buf_add(&b, s + run, i - run);
        if (p[i]) sf_buf_add(&b, REPL, 3);
        else sf_buf_addc(&b, ' ');
        i++;
        run = i;
    }
    sf_buf_add(&b, s + run, n - run);
    out->len = b.len;
    out->owned = sf_buf_take(&b);
    out->data = out->owned;
    out->repaired = 1;
}

/* Convert with iconv from `from`; returns -1 when iconv does not know the name. */
static int convert(const char *s, size_t n, const char *from, charset_out *out)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) return -1;
    sf_buf b = {0};
    sf_grow((void **)&b.data, &b.cap, n + n / 2 + 16, 1);
    char *in = (char *)s;
    size_t left = n;
    while (left > 0) {
        if (b.cap - b.len < 64) sf_grow((void **)&b.data, &b.cap, b.cap * 2, 1);
        char *o = b.data + b.len;
        size_t room = b.cap - b.len - 1;
        size_t r = iconv(cd, &in, &left, &o, &room);
        b.len = (size_t)(o - b.data);
        if (r != (size_t)-1) break;
        if (errno == E2BIG) continue;
        /* EILSEQ: an invalid byte; EINVAL: a sequence cut off at the end */
        if (b.cap - b.len < 8) sf_grow((void **)&b.data, &b.cap, b.cap * 2, 1);
        memcpy(b.data + b.len, REPL, 3);
        b.len += 3;
        if (errno == EINVAL) break;
        in++;
        left--;
        out->repaired = 1;
    }
    iconv(cd, NULL, NULL, NULL, NULL);
    iconv_close(cd);
    b.data[b.len] = '\0';
    /* iconv writes U+0000 for NUL input; and to be sure of the result, check it */
    for (size_t i = 0; i < b.len; i++)
        if (b.data[i] == '\0') b.data[i] = ' ';
    out->len = b.len;
    out->owned = sf_buf_take(&b);
    out->data = out->owned;
    if (read_utf8_check(out->data, out->len, NULL) != 0) {
        char *bad = out->owned;
        size_t blen = out->len;
        out->owned = NULL;
        repair(bad, blen, out);
        free(bad);
    }
    return 0;
}

/* A transport charset ("UTF-8", "\"iso-8859-1\""), lowercased and unquoted into name;
 * 0 when there is none. */
static int given_name(const char *given, char *name, size_t nsz)
{
    if (!given) return 0;
    while (*given == ' ' || *given == '"' || *given == '\'') given++;
    size_t n = 0;
    for (; *given && n + 1 < nsz; given++) {
        unsigned char ch = (unsigned char)*given;
        if (!(isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == ':')) break;
        name[n++] = (char)tolower(ch);
    }
    name[n] = '\0';
    return n > 0;
}

void charset_utf8(const char *buf, size_t len, charset_out *out)
{
    charset_utf8_given(buf, len, NULL, out);
}

static void decode(const char *buf, size_t len, const char *given, charset_out *out)
{
    const unsigned char *u = (const unsigned char *)buf;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        out->skip = 3;
        out->declared = 1;
        buf += 3;
        len -= 3;
    } else if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        const char *name = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
        snprintf(out->name, sizeof out->name, "%s", name);
        out->declared = 1;
        convert(buf + 2, len - 2, name, out);
        return;
    }
    char decl[40];
    int declared = out->skip ? 0
                   : given_name(given, decl, sizeof decl) || prescan(buf, len, decl, sizeof decl);
    int kind = 1;
    if (declared) {
        kind = canonical(decl, out->name, sizeof out->name);
        out->declared = 1;
    } else {
        snprintf(out->name, sizeof out->name, "UTF-8");
    }
    utf8_stats st = scan(buf, len);
    /* a UTF-8 declaration is believed while valid sequences outnumber the invalid bytes;
     * without one, the bytes must be UTF-8 by a wide margin */
    int looks_utf8 = st.invalid == 0 || (declared ? st.multi >= st.invalid : st.multi > st.invalid * 4);
    int seven_bit = strncmp(out->name, "ISO-2022", 8) == 0 || strcmp(out->name, "UTF-7") == 0 ||
                    strcmp(out->name, "HZ-GB-2312") == 0; /* ASCII bytes, other characters */
    if (kind != 1 && st.invalid == 0 && !st.nul && !(seven_bit && !st.multi)) {
        /* ASCII is read the same in every ASCII-compatible charset; valid multi-byte UTF-8
         * under a single-byte declaration is the declaration lying */
        if (st.multi) snprintf(out->name, sizeof out->name, "UTF-8");
        out->data = buf;
        out->len = len;
        return;
    }
    if (kind == 1 && st.invalid == 0) {
        if (!st.nul) {
            out->data = buf;
            out->len = len;
        } else {
            repair(buf, len, out);
        }
        return;
    }
    if (kind == 1 && looks_utf8) { /* UTF-8 with a few bad bytes */
        repair(buf, len, out);
        return;
    }
    if (kind == 1) snprintf(out->name, sizeof out->name, "WINDOWS-1252"); /* not UTF-8 at all */
    if (convert(buf, len, out->name, out) != 0) {
        snprintf(out->name, sizeof out->name, "WINDOWS-1252"); /* a name iconv does not know */
        if (convert(buf, len, out->name, out) != 0) repair(buf, len, out);
    }
}

void charset_utf8_given(const char *buf, size_t len, const char *given, charset_out *out)
{
    memset(out, 0, sizeof *out);
    decode(buf, len, given, out);
    size_t fixed_len;
    char *fixed = mojibake_undo(out->data, out->len, &fixed_len); /* UTF-8 encoded twice */
    if (fixed) {
        free(out->owned);
        out->owned = fixed;
        out->data = fixed;
        out->len = fixed_len;
    }
}
