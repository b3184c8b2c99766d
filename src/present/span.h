/* span.h — what every presenter writes: article text on one line, as is or HTML-escaped. */
#ifndef SF_PRESENT_SPAN_H
#define SF_PRESENT_SPAN_H

#include <stddef.h>
#include <stdio.h>

#include "storyfold.h"

/* text[0, n) escaped for HTML text and attribute values (& < > " '). */
void present_escape(FILE *out, const char *s, size_t n);
/* t[span] on one line: runs of whitespace (hard wraps) become one space; escaped for HTML
 * when html. sf_write_span is this without escaping. */
void present_span(FILE *out, const char *t, sf_span span, int html);
/* An excerpt's text (sf_excerpt: its cite.span without its cuts) the same way. */
void present_excerpt(FILE *out, const char *t, const sf_excerpt *e, int html);

#endif
