/* mem.c — checked allocation and the growable byte buffer (see mem.h). */
#include "core/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(size_t n)
{
    fprintf(stderr, "storyfold: out of memory allocating %zu bytes\n", n);
    abort();
}

void *sf_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) oom(n);
    return p;
}

void *sf_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) oom(n * size);
    return p;
}

void *sf_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) oom(n);
    return q;
}

char *sf_xstrdup(const char *s)
{
    return s ? sf_xstrndup(s, strlen(s)) : NULL;
}

char *sf_xstrndup(const char *s, size_t n)
{
    char *d = sf_xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

void sf_grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap) return;
    size_t c = *cap ? *cap : 8;
    while (c < need) c *= 2;
    *p = sf_xrealloc(*p, c * size);
    *cap = c;
}

void sf_buf_add(sf_buf *b, const void *p, size_t n)
{
    sf_grow((void **)&b->data, &b->cap, b->len + n + 1, 1);
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void sf_buf_addc(sf_buf *b, char c)
{
    sf_buf_add(b, &c, 1);
}

void sf_buf_adds(sf_buf *b, const char *s)
{
    sf_buf_add(b, s, strlen(s));
}

int sf_buf_add_file(sf_buf *b, FILE *f)
{
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) sf_buf_add(b, chunk, n);
    return ferror(f);
}

void sf_buf_printf(sf_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    sf_grow((void **)&b->data, &b->cap, b->len + (size_t)n + 1, 1);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *sf_buf_take(sf_buf *b)
{
    char *d = b->data ? b->data : sf_xstrdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return d;
}

void sf_buf_free(sf_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
