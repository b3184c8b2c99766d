/* window.h — a file or buffer read forward through a bounded window, inflated on the way
 * when it is gzip (one member, or many: one per WARC record, say). Damaged or truncated
 * gzip is reported and skipped to the next member. It owns the bytes in flight and
 * nothing else: the WARC reader (warc.c) frames records on it.
 *
 * Offsets are stream offsets: for gzip, counted in inflated bytes. */
#ifndef SF_WINDOW_H
#define SF_WINDOW_H

#include "storyfold.h"

#include <stddef.h>
#include <stdint.h>
#include <zlib.h>

#define WIN_DAMAGE 32 /* damage remembered: more than a window's read-ahead can meet */

typedef struct win {
    /* Public, read-only: stream bytes [base, base + len) are buf[0, len); buf[pos] is next. */
    const unsigned char *buf;
    size_t pos, len;
    uint64_t base;
    int eof;     /* the stream has ended: nothing will follow buf[len - 1] */
    int rejects; /* damage reported (gzip errors, read errors) */

    /* Private. */
    const char *path;
    const sf_reader *rd;
    unsigned char *own; /* the window's storage (buf == own unless reading a plain buffer) */
    size_t cap;
    int fd;                      /* a file, or -1 for a buffer */
    const unsigned char *mem;    /* the buffer */
    size_t mem_len;
    int gz;                      /* 1: inflating */
    int zstate;                  /* gzip: in a member, between members, or resynchronizing */
    z_stream z;
    unsigned char *raw;          /* compressed bytes read from the file */
    size_t raw_cap;
    int raw_eof;
    uint64_t dmg[WIN_DAMAGE]; /* stream offsets of the latest damage (a ring) */
    unsigned char dmg_hard[WIN_DAMAGE];
    unsigned n_dmg;
} win;

/* Open on a buffer (not copied: it must outlive the window) or a file descriptor (not
 * closed). Gzip is recognized by its magic bytes. Damage is reported to rd as `path`. */
void win_open_mem(win *w, const char *buf, size_t len, const char *path, const sf_reader *rd);
void win_open_fd(win *w, int fd, const char *path, const sf_reader *rd);
void win_close(win *w);

/* Make n bytes from buf[pos] on available (less only at the end of the stream); returns
 * how many are. May move the window (buf changes; pos keeps its meaning). */
size_t win_need(win *w, size_t n);

/* Consume n bytes (fewer at the end of the stream) without keeping them. */
void win_skip(win *w, uint64_t n);

/* Whether damage was reported that touches stream bytes (lo, hi]: corrupt data or a
 * bad checksum in that span, or a cut, skipped garbage or a read error strictly inside
 * it (a member that ended cleanly at hi leaves those bytes whole). At the point of any
 * damage the window inserts a '\n', so that the next member's first line starts a line. */
int win_damaged(const win *w, uint64_t lo, uint64_t hi);

static inline uint64_t win_off(const win *w)
{
    return w->base + w->pos;
}

/* Whether the first bytes of a file inflate (or are) text starting with `magic`. */
int win_starts_with(const char *buf, size_t len, const char *magic);

#endif
