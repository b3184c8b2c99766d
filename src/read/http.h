/* http.h — an HTTP response as a WARC record archives it: the status line, the few
 * headers a reader needs, and the body with its chunked transfer coding and gzip or
 * deflate content coding undone. Knows nothing of WARC framing (warc.c) or HTML. */
#ifndef SF_HTTP_H
#define SF_HTTP_H

#include "core/mem.h"

#include <stddef.h>

typedef struct http_msg {
    int status;          /* 200, 404, ...; 0 when the status line has none */
    char type[96];       /* Content-Type's media type, lowercased ("text/html"), or "" */
    char charset[40];    /* its charset parameter as given, or "" */
    int chunked;         /* Transfer-Encoding: chunked */
    char coding[4][16];  /* content and transfer codings other than chunked, lowercased,
                            in the order applied by the sender */
    int n_coding;
    size_t head_len;     /* bytes of status line and headers, blank line included */
} http_msg;

/* Parse the status line and headers at the start of p[0, len). Headers longer than
 * 64 KiB, or no "HTTP/" status line: -1 with *why set to a static reason. A response cut
 * off inside its headers has head_len == len (an empty body). */
int http_head(const char *p, size_t len, http_msg *m, const char **why);

/* The body (p[m->head_len, len)) decoded: chunked, then gzip/x-gzip/deflate, as m says.
 * *out points into p when nothing needed undoing, else into `scratch` (reused from call
 * to call; the caller frees it). A body cut short is decoded as far as it goes. More
 * than `max` decoded bytes, a coding other than gzip, deflate or identity, or gzip that
 * yields nothing: -1 with the reason written to why[0, why_size). */
int http_body(const char *p, size_t len, const http_msg *m, size_t max, sf_buf scratch[2],
              const char **out, size_t *out_len, char *why, size_t why_size);

#endif
