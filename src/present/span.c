/* span.c — article text as the presenters write it: a span on one line (runs of
 * whitespace as one space, so hard-wrapped files read as sentences), as is or escaped
 * for HTML; an excerpt (a summary sentence) the same way, without its cuts. */
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

/* t[span] without cut[0, n_cut) (in order, inside span), whitespace runs as one space. */
static void write_kept(FILE *out, const char *t, sf_span span, const sf_span *cut, size_t n_cut,
                       int html)
{
    int space = 0;
    size_t k = 0;
    for (uint32_t i = span.start; i < span.end; i++) {
        if (k < n_cut && i == cut[k].start) {
            i = cut[k++].end - 1; /* a cut holds the space before it: nothing stands for it */
            continue;
        }
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

void present_span(FILE *out, const char *t, sf_span span, int html)
{
    write_kept(out, t, span, NULL, 0, html);
}

void present_excerpt(FILE *out, const char *t, const sf_excerpt *e, int html)
{
    write_kept(out, t, e->cite.span, e->cut, e->n_cut, html);
}

void sf_write_excerpt(FILE *out, const char *t, const sf_excerpt *e)
{
    present_excerpt(out, t, e, 0);
}

size_t sf_excerpt_pieces(const sf_excerpt *e, sf_span *out)
{
    size_t n = 0;
    uint32_t at = e->cite.span.start;
    for (size_t k = 0; k <= e->n_cut; k++) {
        uint32_t end = k < e->n_cut ? e->cut[k].start : e->cite.span.end;
        if (at < end) out[n++] = (sf_span){at, end};
        if (k < e->n_cut) at = e->cut[k].end;
    }
    return n;
}

void sf_write_span(FILE *out, const char *t, sf_span span)
{
    present_span(out, t, span, 0);
}
