/* span.c — article text as the presenters write it: a span on one line (runs of
 * whitespace as one space, so hard-wrapped files read as sentences), as is or escaped
 * for HTML. */
#include "present/span.h"

void present_escape(FILE *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default: fputc(s[i], out);
        }
    }
}

void present_span(FILE *out, const char *t, sf_span span, int html)
{
    int space = 0;
    for (uint32_t i = span.start; i < span.end; i++) {
        char c = t[i];
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = 1;
            continue;
        }
        if (space) fputc(' ', out);
        space = 0;
        if (html)
            present_escape(out, &c, 1);
        else
            fputc(c, out);
    }
}

void sf_write_span(FILE *out, const char *t, sf_span span)
{
    present_span(out, t, span, 0);
}
