/* sgml.c — TREC/DUC (<DOC>) and Reuters-21578 (<REUTERS>) SGML, several documents a file.
 *
 * TREC/DUC: ext_id = <DOCNO> (or the DOC tag's id="…" attribute, Gigaword style);
 * title = <HEADLINE>, <TITLE> or <HL>; date = <DATE_TIME> or <DATE> when it parses, else
 * the digits of the DOCNO (APW19981016.0240 → 1998-10-16; six digits, AP880212-0001, are
 * 19YYMMDD); source = the DOCNO's leading letters, spelled out for the known wire codes
 * (APW, AP → Associated Press; NYT → New York Times; XIE, XIN → Xinhua; AFP, AFE →
 * Agence France-Presse; LAT, LTW → Los Angeles Times; WSJ → Wall Street Journal; FT →
 * Financial Times; SJMN → San Jose Mercury News; FBIS → Foreign Broadcast Information
 * Service; CNA → Central News Agency), else the code itself; text = <TEXT>.
 * Reuters-21578: ext_id = "reuters-NEWID"; source "Reuters"; date, title = <DATE>,
 * <TITLE>; text = <BODY> without the trailing "Reuter" sign-off. A document without a
 * <BODY> (the collection's BRIEF and UNPROC items) is rejected.
 *
 * Stored text is decoded: tags dropped (<P> becomes a paragraph break, "\n\n"), entities
 * (&amp; &lt; &gt; &quot; &apos; &nbsp;, any case; &#N; &#xN;) decoded, control characters
 * (decoded or raw, other than \t \n \r) dropped, leading/trailing blanks trimmed.
 * doc->path = "FILE#EXT_ID" (or "FILE#N", the document's ordinal, without an id).
 * Each document is checked on its own: invalid UTF-8 or a NUL byte rejects only it. */
#include "core/mem.h"
#include "read/read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NONE ((size_t)-1)

typedef struct span {
    size_t s, e; /* [s, e) in the file; s == NONE when absent */
} span;

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Offset of the next "<NAME" (or "</NAME" when closing) followed by '>' or a blank, in
 * [from, to), case-insensitive; NONE if there is none. */
static size_t find_tag(const char *b, size_t from, size_t to, const char *name, int closing)
{
    size_t nl = strlen(name), need = nl + 2 + (closing ? 1 : 0);
    size_t i = from;
    while (i < to) {
        const char *lt = memchr(b + i, '<', to - i);
        if (!lt) return NONE;
        i = (size_t)(lt - b);
        if (to - i < need) return NONE;
        size_t k = i + 1;
        if (closing) {
            if (b[k] != '/') goto next;
            k++;
        }
        if (strncasecmp(b + k, name, nl) == 0 && (b[k + nl] == '>' || is_ws(b[k + nl]))) return i;
    next:
        i++;
    }
    return NONE;
}

/* End of the tag starting at '<' at i (just past its '>'), or NONE. */
static size_t tag_end(const char *b, size_t i, size_t to)
{
    const char *gt = memchr(b + i, '>', to - i);
    return gt ? (size_t)(gt - b) + 1 : NONE;
}

/* The content of the first <NAME>…</NAME> in [from, to). */
static span element(const char *b, size_t from, size_t to, const char *name)
{
    span r = {NONE, NONE};
    size_t o = find_tag(b, from, to, name, 0);
    if (o == NONE) return r;
    size_t cs = tag_end(b, o, to);
    if (cs == NONE) return r;
    size_t c = find_tag(b, cs, to, name, 1);
    r.s = cs;
    r.e = c == NONE ? to : c; /* unclosed: up to the end of the document */
    return r;
}

/* The value of attribute NAME in the tag [s, e) (malloc'd), or NULL. */
static char *attribute(const char *b, size_t s, size_t e, const char *name)
{
    size_t nl = strlen(name);
    for (size_t i = s + 1; i + nl < e; i++) {
        if (!is_ws(b[i - 1]) || strncasecmp(b + i, name, nl) != 0) continue;
        size_t k = i + nl;
        while (k < e && is_ws(b[k])) k++;
        if (k >= e || b[k] != '=') continue;
        k++;
        while (k < e && is_ws(b[k])) k++;
        if (k >= e) return NULL;
        size_t vs, ve;
        if (b[k] == '"' || b[k] == '\'') {
            char q = b[k];
            vs = k + 1;
            ve = vs;
            while (ve < e && b[ve] != q) ve++;
        } else {
            vs = k;
            ve = vs;
            while (ve < e && !is_ws(b[ve]) && b[ve] != '>') ve++;
        }
        return ve > vs ? sf_xstrndup(b + vs, ve - vs) : NULL;
    }
    return NULL;
}

/* ---- decoding -------------------------------------------------------------------------- */

enum { STRIP_TAGS = 1, ONE_LINE = 2 };

/* Append code point c as UTF-8 unless it is a control character or not a scalar value. */
static char *put_cp(char *o, unsigned long c)
{
    if (c < 0x20 ? !(c == '\t' || c == '\n' || c == '\r') : (c >= 0x7F && c <= 0x9F)) return o;
    if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) return o;
    if (c < 0x80) {
        *o++ = (char)c;
    } else if (c < 0x800) {
        *o++ = (char)(0xC0 | (c >> 6));
        *o++ = (char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        *o++ = (char)(0xE0 | (c >> 12));
        *o++ = (char)(0x80 | ((c >> 6) & 0x3F));
        *o++ = (char)(0x80 | (c & 0x3F));
    } else {
        *o++ = (char)(0xF0 | (c >> 18));
        *o++ = (char)(0x80 | ((c >> 12) & 0x3F));
        *o++ = (char)(0x80 | ((c >> 6) & 0x3F));
        *o++ = (char)(0x80 | (c & 0x3F));
    }
    return o;
}

/* Decode the entity at s[0] == '&' (n bytes available); on success writes into *o,
 * returns the entity's length; 0 when it is not one we know. Never writes more bytes
 * than the entity's length. */
static size_t entity(const char *s, size_t n, char **o)
{
    size_t semi = 0;
    for (size_t i = 1; i < n && i < 12; i++)
        if (s[i] == ';') {
            semi = i;
            break;
        }
    if (semi < 2) return 0;
    if (s[1] == '#') {
        unsigned long c = 0;
        size_t i = 2;
        int hex = i < semi && (s[i] == 'x' || s[i] == 'X');
        if (hex) i++;
        if (i == semi) return 0;
        for (; i < semi; i++) {
            char ch = s[i];
            int v;
            if (ch >= '0' && ch <= '9')
                v = ch - '0';
            else if (hex && ch >= 'a' && ch <= 'f')
                v = ch - 'a' + 10;
            else if (hex && ch >= 'A' && ch <= 'F')
                v = ch - 'A' + 10;
            else
                return 0;
            c = c * (hex ? 16u : 10u) + (unsigned long)v;
            if (c > 0x10FFFF) c = 0x110000; /* saturate: dropped by put_cp */
        }
        *o = put_cp(*o, c);
        return semi + 1;
    }
    static const struct {
        const char *name;
        char c;
    } named[] = {{"amp", '&'},  {"lt", '<'},    {"gt", '>'},
                 {"quot", '"'}, {"apos", '\''}, {"nbsp", ' '}};
    for (size_t k = 0; k < sizeof named / sizeof *named; k++) {
        size_t l = strlen(named[k].name);
        if (semi - 1 == l && strncasecmp(s + 1, named[k].name, l) == 0) {
            *(*o)++ = named[k].c;
            return semi + 1;
        }
    }
    return 0;
}

static int is_p_tag(const char *s, size_t n)
{
    size_t i = 1;
    if (i < n && s[i] == '/') i++;
    return i + 1 < n && (s[i] == 'P' || s[i] == 'p') && (s[i + 1] == '>' || is_ws(s[i + 1]));
}

/* Decode b[s, e) into a new string (trimmed); *outlen gets its length. The input is valid
 * UTF-8 without NUL bytes, and so is the output, which is never longer than the input. */
static char *decode(const char *b, size_t s, size_t e, int flags, size_t *outlen)
{
    char *out = sf_xmalloc(e - s + 1), *o = out;
    int skip_ws = 1; /* at the start, and after a paragraph break */
    size_t i = s;
    while (i < e) {
        char tmp[4], *t = tmp;
        unsigned char c = (unsigned char)b[i];
        if (c == '<' && (flags & STRIP_TAGS) && i + 1 < e &&
            (b[i + 1] == '/' || b[i + 1] == '!' || b[i + 1] == '?' ||
             (b[i + 1] >= 'A' && b[i + 1] <= 'Z') || (b[i + 1] >= 'a' && b[i + 1] <= 'z'))) {
            const char *gt = memchr(b + i, '>', e - i);
            if (gt) {
                if (is_p_tag(b + i, e - i) && !(flags & ONE_LINE)) {
                    while (o > out && is_ws(o[-1])) o--;
                    if (o > out) *o++ = '\n', *o++ = '\n';
                    skip_ws = 1;
                }
                i = (size_t)(gt - b) + 1;
                continue;
            }
        }
        size_t used = 1;
        if (c == '&' && (used = entity(b + i, e - i, &t)) != 0) {
            i += used;
            if (t == tmp) continue; /* decoded to nothing (a control character) */
            if (t - tmp > 1 || !is_ws(tmp[0])) {
                memcpy(o, tmp, (size_t)(t - tmp));
                o += t - tmp;
                skip_ws = 0;
                continue;
            }
            c = (unsigned char)tmp[0]; /* a decoded blank: handled as a raw one */
        } else {
            i++;
        }
        if (is_ws((char)c)) {
            if (skip_ws) continue;
            if (flags & ONE_LINE) {
                if (o > out && o[-1] != ' ') *o++ = ' ';
            } else {
                *o++ = (c == '\f' || c == '\v') ? ' ' : (char)c;
            }
            continue;
        }
        if (c < 0x20 || c == 0x7F) continue; /* raw control characters */
        if (c == 0xC2 && i < e && (unsigned char)b[i] >= 0x80 && (unsigned char)b[i] <= 0x9F) {
            i++; /* C1 controls, U+0080..U+009F */
            continue;
        }
        *o++ = (char)c;
        skip_ws = 0;
    }
    while (o > out && is_ws(o[-1])) o--;
    *o = '\0';
    *outlen = (size_t)(o - out);
    return out;
}

static char *decode_line(const char *b, span sp)
{
    if (sp.s == NONE) return NULL;
    size_t n;
    char *s = decode(b, sp.s, sp.e, STRIP_TAGS | ONE_LINE, &n);
    if (n == 0) {
        free(s);
        return NULL;
    }
    return s;
}

/* ---- documents ---------------------------------------------------------------------- */

static const char *wire_name(const char *code, size_t n)
{
    static const struct {
        const char *code, *name;
    } wires[] = {{"APW", "Associated Press"},
                 {"AP", "Associated Press"},
                 {"NYT", "New York Times"},
                 {"XIE", "Xinhua"},
                 {"XIN", "Xinhua"},
                 {"AFP", "Agence France-Presse"},
                 {"AFE", "Agence France-Presse"},
                 {"LAT", "Los Angeles Times"},
                 {"LTW", "Los Angeles Times"},
                 {"WSJ", "Wall Street Journal"},
                 {"FT", "Financial Times"},
                 {"SJMN", "San Jose Mercury News"},
                 {"FBIS", "Foreign Broadcast Information Service"},
                 {"CNA", "Central News Agency"}};
    for (size_t k = 0; k < sizeof wires / sizeof *wires; k++)
        if (strlen(wires[k].code) == n && strncasecmp(code, wires[k].code, n) == 0)
            return wires[k].name;
    return NULL;
}

/* Source and date from a DOCNO such as "APW19981016.0240". */
static void from_docno(sf_doc *d, const char *id)
{
    size_t n = 0;
    while ((id[n] >= 'A' && id[n] <= 'Z') || (id[n] >= 'a' && id[n] <= 'z')) n++;
    if (n > 0 && !d->source) {
        const char *w = wire_name(id, n);
        d->source = w ? sf_xstrdup(w) : sf_xstrndup(id, n);
    }
    if (d->date) return;
    const char *p = id + n;
    while (*p && !(*p >= '0' && *p <= '9')) p++;
    size_t k = 0;
    while (p[k] >= '0' && p[k] <= '9') k++;
    char ymd[9];
    if (k >= 8) {
        memcpy(ymd, p, 8);
    } else if (k == 6) {
        memcpy(ymd, "19", 2);
        memcpy(ymd + 2, p, 6);
    } else {
        return;
    }
    ymd[8] = '\0';
    read_set_date(d, ymd);
}

/* Drop a trailing "Reuter" / "REUTERS..." sign-off. */
static void drop_signoff(char *t, size_t *len)
{
    size_t n = *len;
    while (n > 0 && t[n - 1] == '.') n--;
    if (n > 0 && (t[n - 1] == 's' || t[n - 1] == 'S')) n--;
    if (n < 6 || strncasecmp(t + n - 6, "reuter", 6) != 0) return;
    n -= 6;
    if (n > 0 && !is_ws(t[n - 1])) return;
    while (n > 0 && is_ws(t[n - 1])) n--;
    t[n] = '\0';
    *len = n;
}

static void doc_path(sf_doc *d, const char *path, size_t ordinal)
{
    sf_buf p = {0};
    sf_buf_adds(&p, path);
    sf_buf_addc(&p, '#');
    if (d->ext_id)
        sf_buf_adds(&p, d->ext_id);
    else
        sf_buf_printf(&p, "%zu", ordinal);
    d->path = sf_buf_take(&p);
}

/* Read one document [s, e) of kind DOC or REUTERS (open tag ends at oe). Returns 1 if it
 * was rejected, 0 if delivered, -1 if the caller asked to stop. */
static int one_doc(const char *path, const char *b, size_t s, size_t oe, size_t e, int reuters,
                   size_t ordinal, const sf_reader *rd)
{
    char where[40], why[96];
    snprintf(where, sizeof where, "byte %zu", s);
    if (e - s > SF_MAX_DOC) {
        read_reject(rd, path, where, "document larger than 16 MiB");
        return 1;
    }
    const char *nul = memchr(b + s, '\0', e - s);
    if (nul) {
        snprintf(why, sizeof why, "binary file (NUL byte at byte %zu)", (size_t)(nul - b));
        read_reject(rd, path, where, why);
        return 1;
    }
    size_t bad;
    if (read_utf8_check(b + s, e - s, &bad) != 0) {
        snprintf(why, sizeof why, "invalid UTF-8 at byte %zu", s + bad);
        read_reject(rd, path, where, why);
        return 1;
    }

    sf_doc *d = sf_doc_new();
    span text = element(b, oe, e, "TEXT");
    span body = text;
    if (reuters) {
        body = text.s == NONE ? text : element(b, text.s, text.e, "BODY");
        if (body.s == NONE) body = element(b, oe, e, "BODY");
        char *newid = attribute(b, s, oe, "NEWID");
        if (newid) {
            size_t l = strlen(newid);
            d->ext_id = sf_xmalloc(l + 9);
            memcpy(d->ext_id, "reuters-", 8);
            memcpy(d->ext_id + 8, newid, l + 1);
            free(newid);
        }
        d->source = sf_xstrdup("Reuters");
        d->title = decode_line(b, element(b, oe, e, "TITLE"));
        char *date = decode_line(b, element(b, oe, e, "DATE"));
        read_set_date(d, date);
        free(date);
    } else {
        d->ext_id = decode_line(b, element(b, oe, e, "DOCNO"));
        if (!d->ext_id) {
            char *id = attribute(b, s, oe, "id");
            if (id && read_utf8_check(id, strlen(id), NULL) == 0)
                d->ext_id = id;
            else
                free(id);
        }
        span h = element(b, oe, e, "HEADLINE");
        if (h.s == NONE) h = element(b, oe, e, "TITLE");
        if (h.s == NONE) h = element(b, oe, e, "HL");
        d->title = decode_line(b, h);
        char *date = decode_line(b, element(b, oe, e, "DATE_TIME"));
        if (!date) date = decode_line(b, element(b, oe, e, "DATE"));
        read_set_date(d, date);
        free(date);
        if (d->ext_id) from_docno(d, d->ext_id);
    }
    doc_path(d, path, ordinal);

    const char *missing = reuters ? "no <BODY> text" : "no <TEXT>";
    if (body.s == NONE) {
        read_reject(rd, path, where, missing);
        sf_doc_free(d);
        return 1;
    }
    size_t n;
    char *t = decode(b, body.s, body.e, STRIP_TAGS, &n);
    if (reuters) drop_signoff(t, &n);
    if (n == 0) {
        free(t);
        read_reject(rd, path, where, reuters ? "no <BODY> text" : "empty <TEXT>");
        sf_doc_free(d);
        return 1;
    }
    d->text = t;
    d->len = n;
    return read_emit(rd, d) ? -1 : 0;
}

/* The next <DOC or <REUTERS start tag in [from, to), in one pass; sets *reuters. */
static size_t next_start(const char *b, size_t from, size_t to, int *reuters)
{
    size_t i = from;
    while (i < to) {
        const char *lt = memchr(b + i, '<', to - i);
        if (!lt) return NONE;
        i = (size_t)(lt - b);
        size_t n = to - i;
        if (n >= 5 && strncasecmp(b + i + 1, "DOC", 3) == 0 &&
            (b[i + 4] == '>' || is_ws(b[i + 4]))) {
            *reuters = 0;
            return i;
        }
        if (n >= 9 && strncasecmp(b + i + 1, "REUTERS", 7) == 0 &&
            (b[i + 8] == '>' || is_ws(b[i + 8]))) {
            *reuters = 1;
            return i;
        }
        i++;
    }
    return NONE;
}

int read_sgml_buf(const char *path, const char *buf, size_t len, const sf_reader *rd)
{
    int rejects = 0, reuters = 0;
    size_t pos = 0, ordinal = 0, found = 0;
    for (;;) {
        size_t s = next_start(buf, pos, len, &reuters);
        if (s == NONE) break;
        found++;
        ordinal++;
        const char *name = reuters ? "REUTERS" : "DOC";
        char where[40];
        snprintf(where, sizeof where, "byte %zu", s);
        size_t oe = tag_end(buf, s, len);
        size_t c = oe == NONE ? NONE : find_tag(buf, oe, len, name, 1);
        int nreut;
        size_t nx = next_start(buf, s + 1, c == NONE ? len : c, &nreut);
        if (c == NONE || nx != NONE) {
            read_reject(rd, path, where,
                        reuters ? "document cut off (no </REUTERS>)"
                                : "document cut off (no </DOC>)");
            rejects++;
            if (nx == NONE) break;
            pos = nx;
            continue;
        }
        size_t e = tag_end(buf, c, len);
        if (e == NONE) e = len;
        int r = one_doc(path, buf, s, oe, e, reuters, ordinal, rd);
        if (r < 0) return rejects;
        rejects += r;
        pos = e;
    }
    if (!found) {
        read_reject(rd, path, "", "no <DOC> or <REUTERS> documents");
        rejects++;
    }
    return rejects;
}
