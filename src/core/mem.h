/* mem.h — allocation that cannot return NULL, and a growable byte buffer.
 *
 * Like Redis's zmalloc, running out of memory aborts: storyfold's inputs are bounded
 * (documents are capped at SF_MAX_DOC bytes), so OOM means the machine is gone, and
 * threading ENOMEM through every tokenizer loop would hide the real logic. */
#ifndef SF_MEM_H
#define SF_MEM_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#define SF_MAX_DOC (16u << 20) /* largest document body accepted: 16 MiB */

void *sf_xmalloc(size_t n);
void *sf_xcalloc(size_t n, size_t size);
void *sf_xrealloc(void *p, size_t n);
char *sf_xstrdup(const char *s);
char *sf_xstrndup(const char *s, size_t n);

/* Grow *p (an array of *cap elements of `size` bytes) so it holds at least `need`. */
void sf_grow(void **p, size_t *cap, size_t need, size_t size);
#define SF_GROW(arr, cap, need) sf_grow((void **)&(arr), &(cap), (need), sizeof *(arr))

/* A growable byte buffer, always NUL-terminated once anything was appended. */
typedef struct sf_buf {
    char *data;
    size_t len, cap;
} sf_buf;

void sf_buf_add(sf_buf *b, const void *p, size_t n);
void sf_buf_addc(sf_buf *b, char c);
void sf_buf_adds(sf_buf *b, const char *s);
/* Append everything left in f; returns ferror(f) (0 when all was read). */
int sf_buf_add_file(sf_buf *b, FILE *f);
void sf_buf_printf(sf_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hand the bytes to the caller (never NULL) and reset the buffer. */
char *sf_buf_take(sf_buf *b);
void sf_buf_free(sf_buf *b);

#endif
