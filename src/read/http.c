/* http.c — an archived HTTP response's head and body (http.h). Lenient where archives
 * differ in practice: some WARC writers store the body already de-chunked or inflated
 * but keep the header that says otherwise, so a body that does not parse as chunked, or
 * as gzip from its first byte, is taken as it stands. */
#include "read/http.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#define HEAD_MAX ((size_t)64 << 10) /* status line and headers: no real server sends more */

/* The end of the line starting at p (the '\n', or end). */
static const char *line_end(const char *p, const char *end)
{
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    return nl ? nl : end;
}

/* Copy a header value's bytes [v, e), trimmed, lowercased when `lower`. */
static void copy_val(char *dst, size_t size, const char *v, const char *e, int lower)
{
    while (v < e && (*v == ' ' || *v == '\t')) v++;
    while (e > v && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
    size_t n = (size_t)(e - v) < size - 1 ? (size_t)(e - v) : size - 1;
    for (size_t i = 0; i < n; i++) dst[i] = lower ? (char)tolower((unsigned char)v[i]) : v[i];
    dst[n] = '\0';
}

static void parse_type(http_msg *m, const char *v, const char *e)
{
    const char *semi = memchr(v, ';', (size_t)(e - v));
    copy_val(m->type, sizeof m->type, v, semi ? semi : e, 1);
    for (const char *p = semi; p && p < e;) {
        p++;
        while (p < e && (*p == ' ' || *p == '\t')) p++;
        const char *next = memchr(p, ';', (size_t)(e - p));
        const char *pe = next ? next : e;
        if ((size_t)(pe - p) > 8 && strncasecmp(p, "charset=", 8) == 0) {
            const char *c = p + 8, *ce = pe;
            if (c < ce && (*c == '"' || *c == '\'')) c++;
            while (ce > c && (ce[-1] == '"' || ce[-1] == '\'' || ce[-1] == ' ' || ce[-1] == '\r'))
                ce--;
            copy_val(m->charset, sizeof m->charset, c, ce, 0);
        }
        p = next;
    }
}

/* A comma-separated list of codings; "chunked" sets the flag, "identity" is dropped. */
static void parse_codings(http_msg *m, const char *v, const char *e)
{
    while (v < e) {
        const char *comma = memchr(v, ',', (size_t)(e - v));
        const char *ce = comma ? comma : e;
        char c[16];
        copy_val(c, sizeof c, v, ce, 1);
        if (!strcmp(c, "chunked")) m->chunked = 1;
        else if (c[0] && strcmp(c, "identity") && m->n_coding < 4)
            memcpy(m->coding[m->n_coding++], c, sizeof c);
        v = comma ? comma + 1 : e;
    }
}

int http_head(const char *p, size_t len, http_msg *m, const char **why)
{
    memset(m, 0, sizeof *m);
    const char *end = p + len, *s = p;
    if (len < 5 || memcmp(p, "HTTP/", 5) != 0) {
        *why = "not an HTTP response";
        return -1;
    }
    const char *le = line_end(s, end);
    const char *q = s + 5;
    while (q < le && *q != ' ') q++;
    while (q < le && *q == ' ') q++;
    if (le - q >= 3 && isdigit((unsigned char)q[0]) && isdigit((unsigned char)q[1]) &&
        isdigit((unsigned char)q[2]))
        m->status = (q[0] - '0') * 100 + (q[1] - '0') * 10 + (q[2] - '0');
    /* Transfer-Encoding's codings are applied after Content-Encoding's: keep them apart
     * until the end so that the order is right whichever header comes first */
    const char *te = NULL, *te_end = NULL, *ce = NULL, *ce_end = NULL;
    for (s = le < end ? le + 1 : end;; s = le + 1) {
        if (s >= end) {
            m->head_len = len; /* cut off inside the headers */
            break;
        }
        if ((size_t)(s - p) > HEAD_MAX) {
            *why = "HTTP headers larger than 64 KiB";
            return -1;
        }
        le = line_end(s, end);
        if (le == s || (le == s + 1 && *s == '\r')) { /* the blank line */
            m->head_len = (size_t)(le - p) + (le < end);
            break;
        }
        const char *colon = memchr(s, ':', (size_t)(le - s));
        if (!colon) continue;
        size_t nl = (size_t)(colon - s);
        const char *v = colon + 1;
        if (nl == 12 && strncasecmp(s, "content-type", 12) == 0) parse_type(m, v, le);
        else if (nl == 17 && strncasecmp(s, "transfer-encoding", 17) == 0) te = v, te_end = le;
        else if (nl == 16 && strncasecmp(s, "content-encoding", 16) == 0) ce = v, ce_end = le;
        if (le == end) {
            m->head_len = len;
            break;
        }
    }
    if (ce) parse_codings(m, ce, ce_end);
    if (te) parse_codings(m, te, te_end);
    return 0;
}

/* Undo chunked coding of b[0, n) into out. Returns 0, or 1 when b is not chunked at all
 * (its first line is not a chunk size): then it is left to the caller as it stands. */
static int dechunk(const char *b, size_t n, size_t max, sf_buf *out, int *too_big)
{
    const char *p = b, *end = b + n;
    out->len = 0;
    for (int first = 1;; first = 0) {
        size_t size = 0;
        int digits = 0;
        while (p < end && (*p == ' ' || *p == '\t')) p++;
        while (p < end && isxdigit((unsigned char)*p) && digits < 16) {
            int c = (unsigned char)*p++;
            size = size * 16 + (size_t)(isdigit(c) ? c - '0' : (tolower(c) - 'a' + 10));
            digits++;
        }
        if (!digits) return first ? 1 : 0; /* garbage after the chunks: keep what was read */
        p = line_end(p, end); /* chunk extensions are ignored */
        if (p < end) p++;
        if (size == 0) return 0; /* the last chunk; trailers are of no interest */
        size_t have = (size_t)(end - p);
        size_t take = size < have ? size : have; /* a body cut short keeps its start */
        if (out->len + take > max) {
            *too_big = 1;
            return 0;
        }
        sf_buf_add(out, p, take);
        if (take < size) return 0;
        p += size;
        if (p < end && *p == '\r') p++;
        if (p < end && *p == '\n') p++;
    }
}

/* Inflate b[0, n) (gzip or zlib framing, raw deflate with `raw`) into out. Returns the
 * zlib outcome: Z_STREAM_END (whole), Z_BUF_ERROR (cut short), Z_DATA_ERROR, or
 * Z_MEM_ERROR when more than max bytes came out. */
static int inflate_to(const char *b, size_t n, int raw, size_t max, sf_buf *out)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    out->len = 0;
    if (inflateInit2(&z, raw ? -15 : 15 + 32) != Z_OK) return Z_DATA_ERROR;
    z.next_in = (unsigned char *)b;
    z.avail_in = n > UINT32_MAX ? UINT32_MAX : (uInt)n;
    int rc;
    for (;;) {
        if (out->cap - out->len < 65536) sf_grow((void **)&out->data, &out->cap, out->len + 262144, 1);
        z.next_out = (unsigned char *)out->data + out->len;
        z.avail_out = (uInt)(out->cap - out->len - 1);
        rc = inflate(&z, Z_NO_FLUSH);
        out->len = (size_t)((char *)z.next_out - out->data);
        if (out->len > max) {
            rc = Z_MEM_ERROR;
            break;
        }
        if (rc == Z_STREAM_END) {
            /* concatenated gzip members */
            if (!raw && z.avail_in >= 2 && z.next_in[0] == 0x1f && z.next_in[1] == 0x8b) {
                inflateReset(&z);
                continue;
            }
            break;
        }
        if (rc == Z_OK) continue;
        if (rc == Z_BUF_ERROR && z.avail_in && !z.avail_out) continue; /* more room */
        break;
    }
    inflateEnd(&z);
    if (rc != Z_STREAM_END && rc != Z_BUF_ERROR && rc != Z_MEM_ERROR) rc = Z_DATA_ERROR;
    return rc;
}

static int looks_like_text(const char *b, size_t n)
{
    size_t i = 0;
    while (i < n && isspace((unsigned char)b[i])) i++;
    return i < n && b[i] == '<';
}

int http_body(const char *p, size_t len, const http_msg *m, size_t max, sf_buf scratch[2],
              const char **out, size_t *out_len, char *why, size_t why_size)
{
    const char *b = p + m->head_len;
    size_t n = len - m->head_len;
    int which = 0; /* the scratch buffer the next step writes */
    if (m->chunked) {
        int too_big = 0;
        if (dechunk(b, n, max, &scratch[which], &too_big) == 0) {
            if (too_big) {
                snprintf(why, why_size, "HTTP body larger than 16 MiB");
                return -1;
            }
            b = scratch[which].data ? scratch[which].data : "";
            n = scratch[which].len;
            which ^= 1;
        }
    }
    for (int i = m->n_coding - 1; i >= 0; i--) {
        const char *c = m->coding[i];
        int gz = !strcmp(c, "gzip") || !strcmp(c, "x-gzip");
        if (!gz && strcmp(c, "deflate") != 0) {
            snprintf(why, why_size, "unsupported Content-Encoding: %s", c);
            return -1;
        }
        sf_buf *o = &scratch[which];
        int rc = inflate_to(b, n, 0, max, o);
        if (!gz && rc == Z_DATA_ERROR && o->len == 0) rc = inflate_to(b, n, 1, max, o);
        if (rc == Z_MEM_ERROR) {
            snprintf(why, why_size, "HTTP body larger than 16 MiB");
            return -1;
        }
        if (rc != Z_STREAM_END && o->len == 0) {
            if (looks_like_text(b, n)) continue; /* stored inflated already */
            snprintf(why, why_size, "corrupt %s HTTP body", gz ? "gzip" : "deflate");
            return -1;
        }
        /* whole, or cut short or damaged after a good start: what came out is kept */
        b = o->data ? o->data : "";
        n = o->len;
        which ^= 1;
    }
    if (n > max) {
        snprintf(why, why_size, "HTTP body larger than 16 MiB");
        return -1;
    }
    *out = b;
    *out_len = n;
    return 0;
}
