/* markdown.c — a brief as Markdown for the terminal: title, counts, the cited summary,
 * the key people, places and organizations, quotes with their wordings across outlets,
 * the figures reported and whether they agree, the timeline of dated statements, the
 * sources with their copy and reuse links. Citations read [n:start-end]: document n
 * of the source list, byte span of its stored text (a summary sentence with words cut
 * out inside: its pieces, [n:start-end,start-end]). */
#include "core/date.h"
#include "storyfold.h"

#include <string.h>

/* "; 2:209-327; 3:206-324]": the citations after the first, and the closing bracket. */
static void write_rest(FILE *out, const sf_cite *rest, size_t n)
{
    for (size_t j = 0; j < n; j++)
        fprintf(out, "; %zu:%u-%u", rest[j].doc + 1, rest[j].span.start, rest[j].span.end);
    fputc(']', out);
}

static void write_cites(FILE *out, const sf_cite *first, const sf_cite *rest, size_t n)
{
    fprintf(out, "[%zu:%u-%u", first->doc + 1, first->span.start, first->span.end);
    write_rest(out, rest, n);
}

/* A summary sentence's citations: its excerpt's pieces ("1:244-300,309-362"), then the
 * sentences of other documents that say the same. */
static void write_excerpt_cites(FILE *out, const sf_brief *b, const sf_brief_sentence *s)
{
    sf_span piece[SF_MAX_CUTS + 1];
    const sf_excerpt *e = &s->excerpt;
    size_t np = sf_excerpt_pieces(e, piece);
    fprintf(out, "[%zu:", e->cite.doc + 1);
    for (size_t j = 0; j < np; j++)
        fprintf(out, "%s%u-%u", j ? "," : "", piece[j].start, piece[j].end);
    write_rest(out, s->also, s->n_also);
}

static void write_day(FILE *out, int32_t day)
{
    char ymd[11];
    sf_day_ymd(day, ymd);
    fputs(ymd, out);
}

/* Figures: "- people died: 198 [2:10-13] (2026-03-01), at least 200 [3:5-17] (2026-03-02):
 * rising, 2 outlets" */
static void write_claims(const sf_brief *b, FILE *out)
{
    static const char *const verdicts[] = {"", "agree", "rising over time", "CONFLICT"};
    if (b->n_claims) fputs("\n### Figures\n\n", out);
    for (size_t i = 0; i < b->n_claims; i++) {
        const sf_brief_claim *c = &b->claims[i];
        fprintf(out, "- %s: ", c->what);
        for (size_t j = 0; j < c->n_figures; j++) {
            const sf_brief_figure *f = &c->figures[j];
            const sf_doc *d = b->docs[f->cite.doc];
            if (j) fputs(", ", out);
            sf_write_span(out, d->text, f->cite.span);
            fputc(' ', out);
            write_cites(out, &f->cite, NULL, 0);
            if (d->date) fprintf(out, " (%s)", d->date);
        }
        if (c->n_outlets > 1)
            fprintf(out, ": %d outlets, %s\n", c->n_outlets,
                    verdicts[c->verdict <= SF_CONFLICT ? c->verdict : 0]);
        else
            fputs(": 1 outlet\n", out);
    }
}

/* "N. Source, date: Title (path, id …)" for b->docs[i], leaving out what is unknown */
static void write_source(const sf_brief *b, size_t i, FILE *out)
{
    const sf_doc *d = b->docs[i];
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
}

/* Timeline: "- 2022-02-25 (“on Friday”, reported 2022-02-26): sentence [cites] (n outlets)",
 * with "; story N" when another story of the storyline tells it */
static void write_timeline(const sf_brief *b, FILE *out)
{
    if (b->n_timeline) fputs("\n### Timeline\n\n", out);
    for (size_t i = 0; i < b->n_timeline; i++) {
        const sf_brief_event *e = &b->timeline[i];
        const sf_doc *d = b->docs[e->cite.doc];
        fputs("- ", out);
        write_day(out, e->first);
        if (e->last != e->first) fputs(" to ", out), write_day(out, e->last);
        fputs(" (\"", out);
        sf_write_span(out, d->text, e->when.span);
        fprintf(out, "\"%s%s): ", d->date ? ", reported " : "", d->date ? d->date : "");
        sf_write_span(out, d->text, e->cite.span);
        fputc(' ', out);
        write_cites(out, &e->cite, e->also, e->n_also);
        fprintf(out, " (%d outlet%s", e->n_outlets, e->n_outlets == 1 ? "" : "s");
        if (e->story != b->story) fprintf(out, "; story %lld", (long long)e->story);
        fputs(")\n", out);
    }
}

/* Quotes: each utterance with its speaker, then each distinct wording with its cites. */
/* The stories of b's storyline in time order, b's own marked. */
static void write_storyline(const sf_brief *b, FILE *out)
{
    if (!b->line) return;
    fprintf(out, "\n### Storyline %lld\n\n", (long long)b->storyline);
    for (size_t i = 0; i < b->line->n; i++) {
        const sf_story_row *r = &b->line->rows[i];
        fprintf(out, "- Story %lld", (long long)r->id);
        if (*r->first_date && strcmp(r->first_date, r->last_date) != 0)
            fprintf(out, ", %s to %s", r->first_date, r->last_date);
        else if (*r->first_date)
            fprintf(out, ", %s", r->first_date);
        fprintf(out, " (%d article%s): %s%s\n", r->n_docs, r->n_docs == 1 ? "" : "s",
                r->title ? r->title : "", r->id == b->story ? " (this story)" : "");
    }
}

static void write_quotes(const sf_brief *b, FILE *out)
{
    if (b->n_quotes) fputs("\n### Quotes\n\n", out);
    for (size_t i = 0; i < b->n_quotes; i++) {
        const sf_brief_quote *g = &b->quotes[i];
        fprintf(out, "- %s (%d outlet%s", g->speaker ? g->speaker : "unattributed", g->n_outlets,
                g->n_outlets == 1 ? "" : "s");
        if (g->n_wordings > 1) fprintf(out, ", %d wordings", g->n_wordings);
        fputs("):\n", out);
        for (size_t j = 0; j < g->n_cites; j++) {
            size_t k = 0; /* shown already with an earlier cite of the same wording? */
            while (k < j && g->wording[k] != g->wording[j]) k++;
            if (k < j) continue;
            fputs("  - \u201c", out);
            sf_write_span(out, b->docs[g->cites[j].doc]->text, g->cites[j].span);
            fputs("\u201d [", out);
            const char *sep = "";
            for (size_t m = j; m < g->n_cites; m++)
                if (g->wording[m] == g->wording[j]) {
                    fprintf(out, "%s%zu:%u-%u", sep, g->cites[m].doc + 1, g->cites[m].span.start,
                            g->cites[m].span.end);
                    sep = "; ";
                }
            fputs("]\n", out);
        }
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
        fputs("- ", out);
        sf_write_excerpt(out, b->docs[s->excerpt.cite.doc]->text, &s->excerpt);
        fputc(' ', out);
        write_excerpt_cites(out, b, s);
        size_t n_art = 1 + s->n_also;
        if (n_art == 1)
            fputs(" (1 article)\n", out);
        else
            fprintf(out, " (%zu articles, %d independent outlet%s)\n", n_art, s->n_outlets,
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
    write_quotes(b, out);
    write_claims(b, out);
    write_timeline(b, out);
    write_storyline(b, out);
    fputs("\n### Sources\n\n", out);
    for (size_t i = 0; i < b->n_docs; i++) {
        write_source(b, i, out);
        if (b->copy_of[i] >= 0) fprintf(out, ", a copy of %ld", b->copy_of[i] + 1);
        if (b->reuses[i] >= 0) {
            char when[48];
            sf_brief_reuse_when(b, (size_t)i, when, sizeof when);
            const char *src = b->docs[b->reuses[i]]->source;
            fprintf(out, "; shares %u words with %ld%s%s%s, %s", b->reused_words[i],
                    b->reuses[i] + 1, src ? " (" : "", src ? src : "", src ? ")" : "", when);
        }
        fputc('\n', out);
    }
    if (b->n_line_docs) fputs("\nFrom the storyline's other stories:\n\n", out);
    for (size_t k = 0; k < b->n_line_docs; k++) {
        write_source(b, b->n_docs + k, out);
        fprintf(out, ", story %lld\n", (long long)b->line_doc_story[k]);
    }
    fputc('\n', out);
    return ferror(out) ? SF_EIO : SF_OK;
}
