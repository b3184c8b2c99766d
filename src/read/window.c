/* window.c — a file or buffer read forward through a bounded window (window.h), inflated
 * with zlib when it is gzip. Memory: the window grows to the largest span a caller asks
 * for at once (win_need), plus one read's worth; the file itself is never held whole.
 *
 * Gzip damage (corrupt data, a truncated member, bytes between members that are not
 * gzip) is reported once per damaged run, with the stream offset where the inflated
 * bytes stopped; reading goes on at the next gzip member header (1f 8b 08), which for a
 * per-record .warc.gz is the next record. */
#include "read/window.h"

#include "core/mem.h"
#include "read/read.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHUNK ((size_t)256 << 10) /* bytes read (or inflated) per fill */

enum { Z_MEMBER, Z_BETWEEN, Z_RESYNC };

/* Report damage at the current end of the window. `hard`: the bytes before it in the
 * current member are suspect (a data error, a bad checksum). */
static void damage(win *w, const char *reason, int hard)
{
    uint64_t at = w->base + w->len;
    w->dmg[w->n_dmg % WIN_DAMAGE] = at;
    w->dmg_hard[w->n_dmg % WIN_DAMAGE] = (unsigned char)hard;
    w->n_dmg++;
    if (w->gz && w->len < w->cap) w->own[w->len++] = '\n'; /* see win_damaged */
    char where[32];
    snprintf(where, sizeof where, "byte %llu", (unsigned long long)at);
    read_reject(w->rd, w->path, where, reason);
    w->rejects++;
}

static void open_common(win *w, const char *path, const sf_reader *rd)
{
    memset(w, 0, sizeof *w);
    w->path = path;
    w->rd = rd;
    w->fd = -1;
}

static void start_gz(win *w)
{
    w->gz = 1;
    w->zstate = Z_MEMBER;
    /* 15 + 16: gzip only; zlib's own concatenation handling is not used, members are
     * restarted here so that damage between them can be skipped */
    if (inflateInit2(&w->z, 15 + 16) != Z_OK) {
        read_reject(w->rd, w->path, "", "corrupt gzip (zlib could not start)");
        w->rejects++;
        w->gz = 0;
        w->eof = 1;
    }
}

static int is_gz(const unsigned char *p, size_t n)
{
    return n >= 2 && p[0] == 0x1f && p[1] == 0x8b;
}

void win_open_mem(win *w, const char *buf, size_t len, const char *path, const sf_reader *rd)
{
    open_common(w, path, rd);
    w->mem = (const unsigned char *)buf;
    w->mem_len = len;
    if (!is_gz(w->mem, len)) { /* plain: the buffer is the window */
        w->buf = w->mem;
        w->len = len;
        w->eof = 1;
        return;
    }
    start_gz(w);
    w->z.next_in = (unsigned char *)w->mem;
    w->z.avail_in = len > UINT32_MAX ? UINT32_MAX : (uInt)len;
    w->raw_eof = 1;
}

/* Read into raw after the bytes still unconsumed; sets raw_eof at the end of the file. */
static void raw_more(win *w)
{
    if (w->fd < 0) {
        w->raw_eof = 1;
        return;
    }
    if (w->z.avail_in && w->z.next_in != w->raw) memmove(w->raw, w->z.next_in, w->z.avail_in);
    w->z.next_in = w->raw;
    for (;;) {
        ssize_t r = read(w->fd, w->raw + w->z.avail_in, w->raw_cap - w->z.avail_in);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            w->raw_eof = 1;
            damage(w, strerror(errno), 0);
            return;
        }
        if (r == 0) w->raw_eof = 1;
        w->z.avail_in += (uInt)r;
        return;
    }
}

void win_open_fd(win *w, int fd, const char *path, const sf_reader *rd)
{
    open_common(w, path, rd);
    w->fd = fd;
    w->raw_cap = CHUNK;
    w->raw = sf_xmalloc(w->raw_cap);
    raw_more(w); /* the first bytes decide: gzip or plain */
    if (is_gz(w->z.next_in, w->z.avail_in)) {
        uInt have = w->z.avail_in; /* inflateInit2 must see next_in set, keep what was read */
        start_gz(w);
        w->z.next_in = w->raw;
        w->z.avail_in = have;
        return;
    }
    /* plain: the bytes already read are the window's first */
    w->cap = CHUNK * 2;
    w->own = sf_xmalloc(w->cap);
    memcpy(w->own, w->raw, w->z.avail_in);
    w->len = w->z.avail_in;
    w->buf = w->own;
    w->eof = w->raw_eof && w->len == 0;
    free(w->raw);
    w->raw = NULL;
    w->raw_cap = 0;
    memset(&w->z, 0, sizeof w->z);
}

void win_close(win *w)
{
    if (w->gz) inflateEnd(&w->z);
    free(w->own);
    free(w->raw);
    memset(w, 0, sizeof *w);
    w->fd = -1;
}

/* Inflate more bytes into own[len, cap): returns when some were produced or the stream
 * ended (eof). */
static void fill_gz(win *w)
{
    for (;;) {
        if (w->z.avail_in == 0 && !w->raw_eof) raw_more(w);
        if (w->zstate == Z_BETWEEN) {
            if (w->z.avail_in < 3 && !w->raw_eof) {
                raw_more(w);
                continue;
            }
            if (w->z.avail_in == 0) break;
            const unsigned char *p = w->z.next_in;
            if (w->z.avail_in >= 3 && p[0] == 0x1f && p[1] == 0x8b && p[2] == 8) {
                w->zstate = Z_MEMBER;
                continue;
            }
            damage(w, "garbage after a gzip member", 0);
            w->zstate = Z_RESYNC;
            continue;
        }
        if (w->zstate == Z_RESYNC) {
            const unsigned char *p = w->z.next_in;
            size_t n = w->z.avail_in, i = 0;
            while (i + 2 < n && !(p[i] == 0x1f && p[i + 1] == 0x8b && p[i + 2] == 8)) i++;
            if (i + 2 < n) {
                w->z.next_in += i;
                w->z.avail_in -= (uInt)i;
                inflateReset(&w->z);
                w->zstate = Z_MEMBER;
                continue;
            }
            if (w->raw_eof) break;
            size_t keep = n < 2 ? n : 2; /* a header may straddle the reads */
            w->z.next_in += n - keep;
            w->z.avail_in = (uInt)keep;
            raw_more(w);
            if (w->z.avail_in == keep && w->raw_eof) break;
            continue;
        }
        w->z.next_out = w->own + w->len;
        w->z.avail_out = (uInt)(w->cap - w->len - 1); /* room for damage()'s '\n' */
        int rc = inflate(&w->z, Z_NO_FLUSH);
        size_t made = (size_t)(w->z.next_out - (w->own + w->len));
        w->len += made;
        if (rc == Z_STREAM_END) {
            inflateReset(&w->z);
            w->zstate = Z_BETWEEN;
        } else if (rc == Z_BUF_ERROR || (rc == Z_OK && w->z.avail_in == 0)) {
            if (w->z.avail_in == 0 && w->raw_eof && !made) {
                damage(w, "truncated gzip", 0);
                break;
            }
        } else if (rc != Z_OK) {
            char why[160];
            snprintf(why, sizeof why, "corrupt gzip (%s)",
                     w->z.msg ? w->z.msg : rc == Z_NEED_DICT ? "needs a dictionary" : "error");
            damage(w, why, 1);
            if (w->z.avail_in) { /* never retry the same byte */
                w->z.next_in++;
                w->z.avail_in--;
            }
            w->zstate = Z_RESYNC;
        }
        if (made) return;
    }
    w->eof = 1;
}

static void fill(win *w)
{
    if (w->gz) {
        fill_gz(w);
        return;
    }
    for (;;) {
        ssize_t r = read(w->fd, w->own + w->len, w->cap - w->len);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) damage(w, strerror(errno), 0);
        if (r <= 0) w->eof = 1;
        else w->len += (size_t)r;
        return;
    }
}

size_t win_need(win *w, size_t n)
{
    while (w->len - w->pos < n && !w->eof) {
        if (w->pos && (w->cap - w->pos < n || w->cap - w->len < CHUNK / 4)) {
            memmove(w->own, w->own + w->pos, w->len - w->pos);
            w->base += w->pos;
            w->len -= w->pos;
            w->pos = 0;
        }
        if (w->cap - w->pos < n || w->cap - w->len < CHUNK / 4) {
            size_t want = (n > CHUNK ? n : CHUNK) + CHUNK;
            if (w->cap < w->pos + want) {
                w->cap = w->pos + want;
                w->own = sf_xrealloc(w->own, w->cap);
            }
        }
        w->buf = w->own;
        fill(w);
    }
    size_t have = w->len - w->pos;
    return have < n ? have : n;
}

void win_skip(win *w, uint64_t n)
{
    while (n) {
        size_t have = w->len - w->pos;
        if (!have) {
            if (w->eof || win_need(w, 1) == 0) return;
            continue;
        }
        size_t k = have < n ? have : (size_t)n;
        w->pos += k;
        n -= k;
    }
}

int win_damaged(const win *w, uint64_t lo, uint64_t hi)
{
    unsigned n = w->n_dmg < WIN_DAMAGE ? w->n_dmg : WIN_DAMAGE;
    for (unsigned i = 0; i < n; i++) {
        uint64_t d = w->dmg[i];
        if (d > lo && (d < hi || (d == hi && w->dmg_hard[i]))) return 1;
    }
    return 0;
}

int win_starts_with(const char *buf, size_t len, const char *magic)
{
    size_t m = strlen(magic);
    if (!is_gz((const unsigned char *)buf, len)) return len >= m && memcmp(buf, magic, m) == 0;
    unsigned char out[64];
    if (m > sizeof out) return 0;
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 15 + 16) != Z_OK) return 0;
    z.next_in = (unsigned char *)buf;
    z.avail_in = len > UINT32_MAX ? UINT32_MAX : (uInt)len;
    z.next_out = out;
    z.avail_out = (uInt)m;
    int rc;
    do rc = inflate(&z, Z_NO_FLUSH);
    while (rc == Z_OK && z.avail_out && z.avail_in);
    int yes = z.avail_out == 0 && memcmp(out, magic, m) == 0;
    inflateEnd(&z);
    return yes;
}
