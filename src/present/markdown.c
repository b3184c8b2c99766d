/* markdown.c — a brief as Markdown for the terminal: title, counts, the cited summary,
 * the key people, places and organizations, the sources. Citations read [n:start-end]: document n
 * of the source list, byte span of its stored text. */
#include "storyfold.h"

#include <string.h>

void sf_write_span(FILE *out, const char *t, sf_span span)
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
        fputc(c, out);
    }
}

int sf_brief_write_markdown(const sf_brief *b, FILE *out)
{
    const char *first = NULL, *last = NULL;
    for (size_t i = 0; i < b->n_docs; i++) {
        const char *d = b->docs[i]->date;
        if (!d) continue;
        if (!first || strcmp(d, first) < 0) first = d;
        if (!last || strcmp(d, last) > 0) last = d;
    }
    fprintf(out, "## Story %lld: %s\n\n%zu article%s from %d independent outlet%s",
            (long long)b->story, b->title, b->n_docs, b->n_docs == 1 ? "" : "s", b->n_sources,
            b->n_sources == 1 ? "" : "s");
    if (first) {
        if (strcmp(first, last) == 0)
            fprintf(out, ", %s", first);
        else
            fprintf(out, ", %s to %s", first, last);
    }
    fputs("\n\n### Summary\n\n", out);
    if (!b->n_summary) fputs("(no sentence qualifies for a summary)\n", out);
    for (size_t i = 0; i < b->n_summary; i++) {
        const sf_brief_sentence *s = &b->summary[i];
        const sf_doc *d = b->docs[s->cite.doc];
        fputs("- ", out);
        sf_write_span(out, d->text, s->cite.span);
        fprintf(out, " [%zu:%u-%u", s->cite.doc + 1, s->cite.span.start, s->cite.span.end);
        for (size_t j = 0; j < s->n_also; j++)
            fprintf(out, "; %zu:%u-%u", s->also[j].doc + 1, s->also[j].span.start,
                    s->also[j].span.end);
        size_t n_art = 1 + s->n_also;
        if (n_art == 1)
            fputs("] (1 article)\n", out);
        else
            fprintf(out, "] (%zu articles, %d independent outlet%s)\n", n_art, s->n_outlets,
                    s->n_outlets == 1 ? "" : "s");
    }
    if (b->n_entities) fputs("\n### Who and where\n\n", out);
    static const char *const heads[] = {"", "People", "Places", "Organizations", "Other"};
    for (size_t i = 0; i < b->n_entities; i++) {
        const sf_brief_entity *e = &b->entities[i];
        int opens = !i || b->entities[i - 1].type != e->type;
        int closes = i + 1 == b->n_entities || b->entities[i + 1].type != e->type;
        if (opens) fprintf(out, "- %s: ", heads[e->type <= SF_ENT_MISC ? e->type : 0]);
        fprintf(out, "%s (%d outlet%s)%s", e->name, e->n_outlets, e->n_outlets == 1 ? "" : "s",
                closes ? "\n" : ", ");
    }
    fputs("\n### Sources\n\n", out);
    for (size_t i = 0; i < b->n_docs; i++) {
        const sf_doc *d = b->docs[i];
        /* "N. Source, date: Title (path, id …)", leaving out what is unknown */
        fprintf(out, "%zu. ", i + 1);
        const char *sep = "";
        if (d->source && *d->source) fprintf(out, "%s", d->source), sep = ", ";
        if (d->date)
            fprintf(out, "%s%s", sep, d->date), sep = ": ";
        else if (*sep)
            sep = ": ";
        if (d->title && *d->title) fprintf(out, "%s%s", sep, d->title), sep = " ";
        if (*sep)
            fprintf(out, " (%s, id %.12s)", d->path ? d->path : "-", d->id);
        else
            fprintf(out, "%s (id %.12s)", d->path ? d->path : "-", d->id);
        if (b->copy_of[i] >= 0) fprintf(out, ", a copy of %ld", b->copy_of[i] + 1);
        fputc('\n', out);
    }
    fputc('\n', out);
    return ferror(out) ? SF_EIO : SF_OK;
}
