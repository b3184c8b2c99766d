/* warc.c — WARC/1.0 and 1.1 archives (plain or gzip), read record by record through a
 * bounded window (window.c), never whole. Owns the record framing and the recovery after
 * damage; the HTTP envelope is http.c's, the page html.c's.
 *
 * What becomes a document: `response` records holding an HTTP 2xx response whose
 * Content-Type is text/html or application/xhtml+xml (or absent, with a body that starts
 * like HTML), and `resource` records of those types. Requests, metadata, warcinfo,
 * revisits, conversions, redirects, errors and other media are skipped without a word.
 * Each document gets url = WARC-Target-URI, ext_id = WARC-Record-ID, date = the page's
 * own, else WARC-Date (the day of the crawl), source = the page's site name, else the
 * URI's host; path = "file#N", N the record's 1-based number among all records. The
 * charset of the HTTP Content-Type (or of a resource record's) goes to the HTML reader,
 * ahead of the page's own declarations, as in browsers.
 *
 * Damage is reported with the stream offset of the record it hit, and reading goes on
 * at the next line that starts "WARC/": a Content-Length that does not end where the
 * next record begins, a record cut off by the end of the file, bytes between records,
 * a header block over 64 KiB. Records over 16 MiB are skipped unread (reported when
 * they are HTML responses). Memory: the window holds at most one record. */
#include "core/mem.h"
#include "read/http.h"
#include "read/read.h"
#include "read/window.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define HDR_MAX ((size_t)64 << 10) /* a WARC header block: real ones are under 2 KiB */
#define REC_MAX ((size_t)SF_MAX_DOC) /* largest record block read */
#define TAIL 16                      /* bytes looked at after a block: "\r\n\r\nWARC/" */

typedef struct rec_head {
    char type[32];  /* WARC-Type, lowercased */
    char ctype[96]; /* Content-Type's media type, lowercased */
    char charset[40]; /* its charset parameter (a resource record's page), or "" */
    char uri[8192]; /* WARC-Target-URI (valid UTF-8, or "") */
    char date[64];  /* WARC-Date */
    char id[256];   /* WARC-Record-ID without its angle brackets */
    unsigned long long clen;
    int has_clen;
} rec_head;

typedef struct warc_rd {
    win w;
    const char *path;
    const sf_reader *rd;
    int rejects;
    int stop;
    unsigned long recno;
    sf_buf scratch[2]; /* decoded HTTP bodies */
    sf_buf name;       /* "path#N" */
    /* the record being delivered, for the wrapping reader */
    const rec_head *h;
    unsigned long long at;
} warc_rd;

/* Report a damaged record at stream offset `at`, unless gzip damage inside the bytes
 * (at, hi] that showed the problem was reported already (window.c): that is the cause,
 * one message is enough. */
static void rej(warc_rd *st, unsigned long long at, unsigned long long hi, int with_recno,
                const char *reason)
{
    if (win_damaged(&st->w, at, hi)) return;
    char where[32];
    snprintf(where, sizeof where, "byte %llu", at);
    const char *path = st->path;
    if (with_recno) {
        st->name.len = 0;
        sf_buf_printf(&st->name, "%s#%lu", st->path, st->recno);
        path = st->name.data;
    }
    read_reject(st->rd, path, where, reason);
    st->rejects++;
}

/* Where the first blank line of p[0, n) ends (CRLF CRLF, or bare LFs), or 0. */
static size_t head_end(const unsigned char *p, size_t n)
{
    for (const unsigned char *q = p; (q = memchr(q, '\n', (size_t)(p + n - q))) != NULL; q++) {
        if (q + 1 < p + n && q[1] == '\n') return (size_t)(q + 2 - p);
        if (q + 2 < p + n && q[1] == '\r' && q[2] == '\n') return (size_t)(q + 3 - p);
    }
    return 0;
}

/* Copy [v, e) trimmed into dst (size bytes), lowercased if asked. */
static void field(char *dst, size_t size, const unsigned char *v, const unsigned char *e, int lower)
{
    while (v < e && (*v == ' ' || *v == '\t')) v++;
    while (e > v && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
    if ((size_t)(e - v) >= size) { /* too long to be what it claims: dropped */
        dst[0] = '\0';
        return;
    }
    size_t n = (size_t)(e - v);
    for (size_t i = 0; i < n; i++) dst[i] = lower ? (char)tolower(v[i]) : (char)v[i];
    dst[n] = '\0';
}

static int name_is(const unsigned char *s, size_t n, const char *lit)
{
    return strlen(lit) == n && strncasecmp((const char *)s, lit, n) == 0;
}

/* Parse the header block p[0, n) (the "WARC/" line first). */
static void parse_head(const unsigned char *p, size_t n, rec_head *h)
{
    memset(h, 0, sizeof *h);
    const unsigned char *end = p + n, *s = memchr(p, '\n', n);
    for (s = s ? s + 1 : end; s < end;) {
        const unsigned char *le = memchr(s, '\n', (size_t)(end - s));
        if (!le) le = end;
        const unsigned char *colon = memchr(s, ':', (size_t)(le - s));
        if (colon) {
            size_t nl = (size_t)(colon - s);
            const unsigned char *v = colon + 1;
            if (name_is(s, nl, "WARC-Type")) {
                field(h->type, sizeof h->type, v, le, 1);
            } else if (name_is(s, nl, "Content-Type")) {
                const unsigned char *semi = memchr(v, ';', (size_t)(le - v));
                field(h->ctype, sizeof h->ctype, v, semi ? semi : le, 1);
                for (const unsigned char *q = semi; q && q + 8 <= le; q++)
                    if (strncasecmp((const char *)q, "charset=", 8) == 0) {
                        const unsigned char *ce = q + 8;
                        while (ce < le && *ce != ';' && *ce != '\r') ce++;
                        field(h->charset, sizeof h->charset, q + 8, ce, 1);
                        break;
                    }
            } else if (name_is(s, nl, "WARC-Target-URI")) {
                field(h->uri, sizeof h->uri, v, le, 0);
                size_t l = strlen(h->uri);
                if (l >= 2 && h->uri[0] == '<' && h->uri[l - 1] == '>') { /* WARC/1.1 drafts */
                    memmove(h->uri, h->uri + 1, l - 2);
                    h->uri[l - 2] = '\0';
                }
                if (read_utf8_check(h->uri, strlen(h->uri), NULL) != 0) h->uri[0] = '\0';
            } else if (name_is(s, nl, "WARC-Date")) {
                field(h->date, sizeof h->date, v, le, 0);
            } else if (name_is(s, nl, "WARC-Record-ID")) {
                field(h->id, sizeof h->id, v, le, 0);
                size_t l = strlen(h->id);
                if (l >= 2 && h->id[0] == '<' && h->id[l - 1] == '>') {
                    memmove(h->id, h->id + 1, l - 2);
                    h->id[l - 2] = '\0';
                }
                if (read_utf8_check(h->id, strlen(h->id), NULL) != 0) h->id[0] = '\0';
            } else if (name_is(s, nl, "Content-Length")) {
                char num[32];
                field(num, sizeof num, v, le, 0);
                char *e = NULL;
                unsigned long long c = num[0] && isdigit((unsigned char)num[0])
                                           ? strtoull(num, &e, 10) : 0;
                /* a number, and not so large that offsets could overflow */
                h->has_clen = e && *e == '\0' && c < (1ull << 60) ? 1 : -1;
                h->clen = c;
            }
        }
        s = le + 1;
    }
}

static int is_html_type(const char *t)
{
    return !strcmp(t, "text/html") || !strcmp(t, "application/xhtml+xml");
}

/* A body with no Content-Type is taken when it starts like a page. */
static int starts_like_html(const char *b, size_t n)
{
    size_t i = 0;
    if (n >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0) i = 3;
    while (i < n && isspace((unsigned char)b[i])) i++;
    return (n - i >= 14 && strncasecmp(b + i, "<!doctype html", 14) == 0) ||
           (n - i >= 5 && strncasecmp(b + i, "<html", 5) == 0);
}

/* "https://www.example.org:8080/a" -> "example.org" (malloc'd), or NULL. */
static char *uri_host(const char *u)
{
    const char *p = strstr(u, "://");
    if (!p) return NULL;
    p += 3;
    if (strncasecmp(p, "www.", 4) == 0) p += 4;
    size_t n = strcspn(p, "/:?#@");
    return n ? sf_xstrndup(p, n) : NULL;
}

/* ---- delivering a page: the HTML reader, wrapped to add what the record knows ---------- */

static int on_page(sf_doc *doc, void *ctx)
{
    warc_rd *st = ctx;
    const rec_head *h = st->h;
    if (h->uri[0]) {
        free(doc->url);
        doc->url = sf_xstrdup(h->uri);
        if (!doc->source) doc->source = uri_host(h->uri);
    }
    if (h->id[0]) {
        free(doc->ext_id);
        doc->ext_id = sf_xstrdup(h->id);
    }
    if (!doc->date && h->date[0]) read_set_date(doc, h->date);
    int r = read_emit(st->rd, doc);
    if (r) st->stop = 1;
    return r;
}

static void on_page_reject(const char *path, const char *where, const char *reason, void *ctx)
{
    warc_rd *st = ctx;
    (void)where; /* the HTML reader says ""; the record's offset says more */
    char at[32];
    snprintf(at, sizeof at, "byte %llu", st->at);
    read_reject(st->rd, path, at, reason);
    st->rejects++;
}

/* A record wanted as a page: its block p[0, n). */
static void take_record(warc_rd *st, const rec_head *h, const char *p, size_t n,
                        unsigned long long at)
{
    unsigned long long hi = at; /* the record's own problems: no gzip damage inside it */
    const char *body = p;
    size_t blen = n;
    char charset[40]; /* the HTTP charset, before the page's own declarations */
    snprintf(charset, sizeof charset, "%s", h->charset);
    if (!strcmp(h->type, "response")) {
        http_msg m;
        const char *why = NULL;
        if (http_head(p, n, &m, &why) != 0) {
            rej(st, at, hi, 1, why);
            return;
        }
        if (m.status < 200 || m.status > 299) return; /* redirects, errors: no article */
        if (m.type[0] && !is_html_type(m.type)) return;
        char reason[96];
        if (http_body(p, n, &m, SF_MAX_DOC, st->scratch, &body, &blen, reason, sizeof reason)) {
            rej(st, at, hi, 1, reason);
            return;
        }
        if (!m.type[0] && !starts_like_html(body, blen)) return;
        snprintf(charset, sizeof charset, "%s", m.charset);
    }
    st->name.len = 0;
    sf_buf_printf(&st->name, "%s#%lu", st->path, st->recno);
    st->h = h;
    st->at = at;
    sf_reader wrap = {on_page, on_page_reject, st, NULL, NULL};
    char *name = sf_xstrdup(st->name.data); /* st->name is reused by rejections */
    if (read_html_buf_given(name, body, blen, charset, &wrap) < 0) st->stop = 1;
    free(name);
}

/* The bytes after a block: the record's end marker ("\r\n\r\n"), or at least line ends
 * up to the next "WARC/" or the end of the stream. Anything else means Content-Length
 * did not say where the record ends. */
static int tail_ok(const unsigned char *q, size_t n, int at_eof)
{
    if (n >= 4 && memcmp(q, "\r\n\r\n", 4) == 0) return 1;
    size_t i = 0;
    while (i < n && (q[i] == '\r' || q[i] == '\n')) i++;
    if (i == n) return at_eof || i == TAIL;
    size_t k = n - i < 5 ? n - i : 5;
    return memcmp(q + i, "WARC/", k) == 0 && (k == 5 || at_eof);
}

/* Whether a line starting "WARC/" lies inside p[0, n). */
static int record_inside(const unsigned char *p, size_t n)
{
    for (const unsigned char *q = p, *end = p + n; (q = memchr(q, '\n', (size_t)(end - q))); )
        if ((size_t)(end - ++q) >= 5 && memcmp(q, "WARC/", 5) == 0) return 1;
    return 0;
}

/* Move to the next line starting "WARC/" at or after the current position; 0 when the
 * stream ends first. */
static int resync(win *w)
{
    for (;;) {
        const unsigned char *p = w->buf + w->pos, *end = w->buf + w->len;
        for (const unsigned char *q = p; q < end && (q = memchr(q, '\n', (size_t)(end - q))); q++)
            if ((size_t)(end - q) >= 6 && memcmp(q + 1, "WARC/", 5) == 0) {
                w->pos += (size_t)(q + 1 - p);
                return 1;
            }
        if (w->eof) {
            w->pos = w->len;
            return 0;
        }
        size_t have = w->len - w->pos;
        if (have > 5) w->pos += have - 5; /* a match may straddle the next read */
        win_need(w, (w->len - w->pos) + 65536);
    }
}

/* A record that does not end where it says, or bytes that are no record: report it at
 * `at` (unless gzip damage up to the next record was the cause) and move on to the next
 * record. Returns 0 when the stream ends first. */
static int skip_bad(warc_rd *st, unsigned long long at, int with_recno, const char *reason)
{
    int more = resync(&st->w);
    rej(st, at, win_off(&st->w) + !more, with_recno, reason);
    return more;
}

/* Whether the block at the window's position is an HTML response or resource (for a
 * record too large to read, so that its loss is reported). */
static int peek_is_html(win *w, const rec_head *h)
{
    if (!strcmp(h->type, "resource")) return is_html_type(h->ctype);
    size_t have = win_need(w, HDR_MAX);
    http_msg m;
    const char *why;
    if (http_head((const char *)w->buf + w->pos, have, &m, &why) != 0) return 0;
    return m.status >= 200 && m.status <= 299 && (!m.type[0] || is_html_type(m.type));
}

static void read_records(warc_rd *st)
{
    win *w = &st->w;
    while (!st->stop) {
        /* line ends between records */
        for (;;) {
            if (w->pos == w->len && win_need(w, 1) == 0) return;
            unsigned char c = w->buf[w->pos];
            if (c != '\r' && c != '\n') break;
            w->pos++;
        }
        unsigned long long at = win_off(w);
        size_t have = win_need(w, HDR_MAX);
        const unsigned char *p = w->buf + w->pos;
        if (have < 5 || memcmp(p, "WARC/", 5) != 0) {
            if (!skip_bad(st, at, 0, at == 0 ? "not a WARC file (no WARC/ header line)"
                                             : "garbage between records"))
                return;
            continue;
        }
        size_t hl = head_end(p, have);
        if (!hl) {
            if (have < HDR_MAX) { /* the stream ended inside the header */
                rej(st, at, at + have + 1, 0, "truncated record");
                w->pos = w->len;
                return;
            }
            w->pos++;
            if (!skip_bad(st, at, 0, "WARC header larger than 64 KiB")) return;
            continue;
        }
        rec_head h;
        parse_head(p, hl, &h);
        st->recno++;
        if (h.has_clen != 1) {
            w->pos += hl;
            if (!skip_bad(st, at, 1, h.has_clen ? "bad Content-Length" : "no Content-Length"))
                return;
            continue;
        }
        w->pos += hl;
        int wanted = !strcmp(h.type, "response")
                         ? (!h.ctype[0] || !strncmp(h.ctype, "application/http", 16))
                         : !strcmp(h.type, "resource") && is_html_type(h.ctype);
        if (h.clen > REC_MAX) { /* skipped unread, in constant memory */
            if (wanted && peek_is_html(w, &h)) rej(st, at, at, 1, "record larger than 16 MiB");
            unsigned long long end = win_off(w) + h.clen;
            win_skip(w, h.clen);
            if (win_off(w) < end) {
                rej(st, at, end + 1, 1, "truncated record");
                return;
            }
            have = win_need(w, TAIL);
            if (!tail_ok(w->buf + w->pos, have, w->eof) && !skip_bad(st, at, 1, "bad Content-Length"))
                return;
            continue;
        }
        size_t clen = (size_t)h.clen;
        unsigned long long block = win_off(w);
        have = win_need(w, clen + TAIL); /* past the end: a gzip member's checksum is seen */
        p = w->buf + w->pos;
        if (have >= clen + 4 && win_damaged(w, at, block + clen + 4)) {
            /* gzip damage inside the record (reported): its bytes cannot be trusted */
            if (!resync(w)) return;
            continue;
        }
        if (have < clen || !tail_ok(p + clen, have - clen, w->eof)) {
            /* the block runs past the end of the stream, or does not end where the next
             * record begins: when another record starts inside it, Content-Length lied */
            int cut = have < clen && !record_inside(p, have);
            if (cut) {
                rej(st, at, block + have + 1, 1, "truncated record");
                return;
            }
            if (!skip_bad(st, at, 1, "bad Content-Length")) return;
            continue;
        }
        if (wanted) take_record(st, &h, (const char *)p, clen, at);
        w->pos += clen;
    }
}

static int finish(warc_rd *st)
{
    int r = st->rejects + st->w.rejects;
    win_close(&st->w);
    sf_buf_free(&st->scratch[0]);
    sf_buf_free(&st->scratch[1]);
    sf_buf_free(&st->name);
    return r;
}

int read_warc_buf(const char *path, const char *buf, size_t len, const sf_reader *rd)
{
    warc_rd st;
    memset(&st, 0, sizeof st);
    st.path = path;
    st.rd = rd;
    win_open_mem(&st.w, buf, len, path, rd);
    read_records(&st);
    return finish(&st);
}

int read_warc_fd(const char *path, int fd, const sf_reader *rd)
{
    warc_rd st;
    memset(&st, 0, sizeof st);
    st.path = path;
    st.rd = rd;
    win_open_fd(&st.w, fd, path, rd);
    read_records(&st);
    return finish(&st);
}

int read_warc_sniff(const char *buf, size_t len)
{
    return win_starts_with(buf, len, "WARC/");
}
