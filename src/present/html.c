/* html.c — briefs as one self-contained HTML page: no scripts, no external assets, one
 * inline style sheet that reads on screen and prints. Each brief shows its summary,
 * figures, timeline, key entities and sources, and then the full text of every source
 * with the cited bytes highlighted: a citation [n:start-end] links to an anchor at that
 * byte of document n (a summary sentence with words cut out inside cites each piece),
 * so a reader checks each claim against its words. Quotes come with
 * their wordings across outlets. Everything taken
 * from articles (text, titles, sources, paths, URLs) is escaped; a URL is a link only
 * when it is http(s). */
#include "core/date.h"
#include "core/mem.h"
#include "present/span.h"
#include "storyfold.h"

#include <stdlib.h>
#include <string.h>

static const char style[] =
    "body{font:16px/1.5 Georgia,'Times New Roman',serif;max-width:46em;margin:2em auto;"
    "padding:0 1em;color:#1b1b1b;background:#fff}"
    "h1{font-size:1.5em}h2{font-size:1.35em;border-bottom:2px solid #333;margin-top:2.5em}"
    "h3{font-size:1.1em;margin-top:1.6em}"
    ".meta,.cite,.n{font:13px/1.4 system-ui,sans-serif;color:#555}"
    ".cite a{color:#2456a6;text-decoration:none}li{margin:.35em 0}"
    ".verdict-conflict{color:#a61b1b;font-weight:bold}.verdict-rising{color:#8a5a00}"
    "table{border-collapse:collapse;width:100%}td,th{vertical-align:top;text-align:left;"
    "padding:.3em .5em;border-bottom:1px solid #ddd}th{font:13px system-ui,sans-serif}"
    ".text{white-space:pre-wrap;font-size:.95em;border-left:3px solid #ccc;padding-left:1em}"
    "mark{background:#fff1a8}"
    "@media print{body{max-width:none;margin:0}a{color:inherit}h2{break-before:page}"
    "li,tr{break-inside:avoid}}";

static void esc(FILE *out, const char *s, size_t n)
{
    present_escape(out, s, n);
}

static void escs(FILE *out, const char *s)
{
    if (s) esc(out, s, strlen(s));
}

static void esc_span(FILE *out, const char *t, sf_span sp)
{
    present_span(out, t, sp, 1);
}

static void cite_link(FILE *out, int64_t story, const sf_cite *c)
{
    fprintf(out, "<a href=\"#s%lld-d%zu-%u\">%zu:%u-%u</a>", (long long)story, c->doc + 1,
            c->span.start, c->doc + 1, c->span.start, c->span.end);
}

static void cites(FILE *out, int64_t story, const sf_cite *first, const sf_cite *rest, size_t n)
{
    fputs(" <span class=\"cite\">[", out);
    cite_link(out, story, first);
    for (size_t i = 0; i < n; i++) fputs("; ", out), cite_link(out, story, &rest[i]);
    fputs("]</span>", out);
}

/* A summary sentence's citations: each piece of its excerpt ("1:244-300,309-362"), then
 * the sentences of other documents that say the same. */
static void excerpt_cites(FILE *out, const sf_brief *b, const sf_brief_sentence *s)
{
    sf_span piece[SF_MAX_CUTS + 1];
    const sf_excerpt *e = &s->excerpt;
    size_t np = sf_excerpt_pieces(e, piece);
    fputs(" <span class=\"cite\">[", out);
    for (size_t j = 0; j < np; j++) {
        fprintf(out, "%s<a href=\"#s%lld-d%zu-%u\">", j ? "," : "", (long long)b->story,
                e->cite.doc + 1, piece[j].start);
        if (!j) fprintf(out, "%zu:", e->cite.doc + 1);
        fprintf(out, "%u-%u</a>", piece[j].start, piece[j].end);
    }
    for (size_t i = 0; i < s->n_also; i++) fputs("; ", out), cite_link(out, b->story, &s->also[i]);
    fputs("]</span>", out);
}

static void day(FILE *out, int32_t d)
{
    char ymd[11];
    sf_day_ymd(d, ymd);
    fputs(ymd, out);
}

/* ---- the cited spans of each document, for anchors and highlights ------------------- */

typedef struct mark {
    size_t doc;
    uint32_t start, end;
} mark;

typedef struct marks {
    mark *v;
    size_t n, cap;
} marks;

static void add(marks *m, const sf_cite *c)
{
    SF_GROW(m->v, m->cap, m->n + 1);
    m->v[m->n++] = (mark){c->doc, c->span.start, c->span.end};
}

static int by_pos(const void *a, const void *b)
{
    const mark *x = a, *y = b;
    if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    return (x->end > y->end) - (x->end < y->end);
}

static void collect(const sf_brief *b, marks *m)
{
    for (size_t i = 0; i < b->n_summary; i++) {
        const sf_excerpt *e = &b->summary[i].excerpt;
        sf_span piece[SF_MAX_CUTS + 1];
        size_t np = sf_excerpt_pieces(e, piece);
        for (size_t j = 0; j < np; j++) add(m, &(sf_cite){e->cite.doc, piece[j]});
        for (size_t j = 0; j < b->summary[i].n_also; j++) add(m, &b->summary[i].also[j]);
    }
    for (size_t i = 0; i < b->n_claims; i++)
        for (size_t j = 0; j < b->claims[i].n_figures; j++) add(m, &b->claims[i].figures[j].cite);
    for (size_t i = 0; i < b->n_quotes; i++)
        for (size_t j = 0; j < b->quotes[i].n_cites; j++) add(m, &b->quotes[i].cites[j]);
    for (size_t i = 0; i < b->n_timeline; i++) {
        add(m, &b->timeline[i].cite);
        for (size_t j = 0; j < b->timeline[i].n_also; j++) add(m, &b->timeline[i].also[j]);
    }
    if (m->n) qsort(m->v, m->n, sizeof *m->v, by_pos);
}

/* Document di's text with an anchor at the start of each cited span and the union of the
 * cited spans highlighted; m[0, n) are di's marks, by start. */
static void source_text(FILE *out, const sf_brief *b, size_t di, const mark *m, size_t n)
{
    const sf_doc *d = b->docs[di];
    uint32_t len = (uint32_t)d->len, pos = 0, hl_end = 0; /* hl_end: 0 when none is open */
    size_t k = 0;
    for (;;) {
        for (; k < n && m[k].start <= pos; k++) { /* the marks starting here */
            if (m[k].start != pos || m[k].start >= len) continue;
            if (k == 0 || m[k - 1].start != pos)
                fprintf(out, "<a id=\"s%lld-d%zu-%u\"></a>", (long long)b->story, di + 1, pos);
            uint32_t end = m[k].end < len ? m[k].end : len;
            if (end <= pos) continue;
            if (!hl_end) fputs("<mark>", out);
            if (end > hl_end) hl_end = end;
        }
        uint32_t next = len;
        if (k < n && m[k].start < next) next = m[k].start;
        if (hl_end && hl_end < next) next = hl_end;
        esc(out, d->text + pos, next - pos);
        pos = next;
        if (hl_end && pos >= hl_end) fputs("</mark>", out), hl_end = 0;
        if (pos >= len) break;
    }
    if (hl_end) fputs("</mark>", out);
}

/* ---- the page ----------------------------------------------------------------------- */

void sf_html_begin(FILE *out, const char *title)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"storyfold\">\n<title>",
          out);
    escs(out, title);
    fprintf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", style);
    escs(out, title);
    fputs("</h1>\n", out);
}

int sf_html_end(FILE *out)
{
    fputs("</body>\n</html>\n", out);
    return ferror(out) ? SF_EIO : SF_OK;
}

static void summary(FILE *out, const sf_brief *b)
{
    fputs("<h3>Summary</h3>\n<ul>\n", out);
    if (!b->n_summary) fputs("<li>(no sentence qualifies for a summary)</li>\n", out);
    for (size_t i = 0; i < b->n_summary; i++) {
        const sf_brief_sentence *s = &b->summary[i];
        fputs("<li>", out);
        present_excerpt(out, b->docs[s->excerpt.cite.doc]->text, &s->excerpt, 1);
        excerpt_cites(out, b, s);
        fprintf(out, " <span class=\"n\">(%zu article%s, %d independent outlet%s)</span></li>\n",
                1 + s->n_also, s->n_also ? "s" : "", s->n_outlets, s->n_outlets == 1 ? "" : "s");
    }
    fputs("</ul>\n", out);
}

static void quotes(FILE *out, const sf_brief *b)
{
    if (!b->n_quotes) return;
    fputs("<h3>Quotes</h3>\n<ul>\n", out);
    for (size_t i = 0; i < b->n_quotes; i++) {
        const sf_brief_quote *g = &b->quotes[i];
        fputs("<li>", out);
        escs(out, g->speaker ? g->speaker : "unattributed");
        fprintf(out, " <span class=\"n\">(%d outlet%s", g->n_outlets, g->n_outlets == 1 ? "" : "s");
        if (g->n_wordings > 1) fprintf(out, ", %d wordings", g->n_wordings);
        fputs(")</span>\n<ul>\n", out);
        for (int k = 0; k < g->n_wordings; k++) {
            size_t first = 0;
            while (g->wording[first] != k) first++;
            fputs("<li>&ldquo;", out);
            esc_span(out, b->docs[g->cites[first].doc]->text, g->cites[first].span);
            fputs("&rdquo; <span class=\"cite\">[", out);
            const char *sep = "";
            for (size_t j = first; j < g->n_cites; j++)
                if (g->wording[j] == k)
                    fputs(sep, out), cite_link(out, b->story, &g->cites[j]), sep = "; ";
            fputs("]</span></li>\n", out);
        }
        fputs("</ul></li>\n", out);
    }
    fputs("</ul>\n", out);
}

static void figures(FILE *out, const sf_brief *b)
{
    static const char *const verdicts[] = {"", "agree", "rising", "conflict"};
    if (!b->n_claims) return;
    fputs("<h3>Figures</h3>\n<table>\n<tr><th>What</th><th>Reported</th><th>Outlets</th></tr>\n",
          out);
    for (size_t i = 0; i < b->n_claims; i++) {
        const sf_brief_claim *c = &b->claims[i];
        fputs("<tr><td>", out);
        escs(out, c->what);
        fputs("</td><td>", out);
        for (size_t j = 0; j < c->n_figures; j++) {
            const sf_brief_figure *f = &c->figures[j];
            const sf_doc *d = b->docs[f->cite.doc];
            if (j) fputs("<br>", out);
            esc_span(out, d->text, f->cite.span);
            cites(out, b->story, &f->cite, NULL, 0);
            if (d->date) fprintf(out, " <span class=\"n\">%.10s</span>", d->date);
        }
        const char *v = verdicts[c->verdict <= SF_CONFLICT ? c->verdict : 0];
        if (c->n_outlets > 1)
            fprintf(out, "</td><td>%d, <span class=\"verdict-%s\">%s</span></td></tr>\n",
                    c->n_outlets, v, v);
        else
            fputs("</td><td>1</td></tr>\n", out);
    }
    fputs("</table>\n", out);
}

static void timeline(FILE *out, const sf_brief *b)
{
    if (!b->n_timeline) return;
    fputs("<h3>Timeline</h3>\n<table>\n<tr><th>When</th><th>Reported</th><th>What</th></tr>\n",
          out);
    for (size_t i = 0; i < b->n_timeline; i++) {
        const sf_brief_event *e = &b->timeline[i];
        const sf_doc *d = b->docs[e->cite.doc];
        fputs("<tr><td>", out);
        day(out, e->first);
        if (e->last != e->first) fputs(" to ", out), day(out, e->last);
        fputs("<br><span class=\"n\">&ldquo;", out);
        esc_span(out, d->text, e->when.span);
        fputs("&rdquo;</span></td><td>", out);
        if (d->date) fprintf(out, "%.10s", d->date);
        fputs("</td><td>", out);
        esc_span(out, d->text, e->cite.span);
        cites(out, b->story, &e->cite, e->also, e->n_also);
        fprintf(out, " <span class=\"n\">(%d outlet%s", e->n_outlets, e->n_outlets == 1 ? "" : "s");
        if (e->story != b->story) fprintf(out, "; story %lld", (long long)e->story);
        fputs(")</span></td></tr>\n", out);
    }
    fputs("</table>\n", out);
}

/* The stories of b's storyline in time order, b's own marked. */
static void storyline(FILE *out, const sf_brief *b)
{
    if (!b->line) return;
    fprintf(out, "<h3>Storyline %lld</h3>\n<ul>\n", (long long)b->storyline);
    for (size_t i = 0; i < b->line->n; i++) {
        const sf_story_row *r = &b->line->rows[i];
        int self = r->id == b->story;
        fprintf(out, "<li>%sStory %lld", self ? "<b>" : "", (long long)r->id);
        if (*r->first_date && strcmp(r->first_date, r->last_date) != 0)
            fprintf(out, ", %s to %s", r->first_date, r->last_date);
        else if (*r->first_date)
            fprintf(out, ", %s", r->first_date);
        fprintf(out, " <span class=\"n\">(%d article%s)</span>: ", r->n_docs,
                r->n_docs == 1 ? "" : "s");
        escs(out, r->title ? r->title : "");
        fputs(self ? " (this story)</b></li>\n" : "</li>\n", out);
    }
    fputs("</ul>\n", out);
}

static void entities(FILE *out, const sf_brief *b)
{
    static const char *const heads[] = {"", "People", "Places", "Organizations", "Other"};
    if (!b->n_entities) return;
    fputs("<h3>Who and where</h3>\n<ul>\n", out);
    for (size_t i = 0; i < b->n_entities; i++) {
        const sf_brief_entity *e = &b->entities[i];
        int opens = !i || b->entities[i - 1].type != e->type;
        int closes = i + 1 == b->n_entities || b->entities[i + 1].type != e->type;
        if (opens) fprintf(out, "<li>%s: ", heads[e->type <= SF_ENT_MISC ? e->type : 0]);
        escs(out, e->name);
        fprintf(out, " <span class=\"n\">(%d outlet%s)</span>%s", e->n_outlets,
                e->n_outlets == 1 ? "" : "s", closes ? "</li>\n" : ", ");
    }
    fputs("</ul>\n", out);
}

static int http_url(const char *u)
{
    return u && (!strncmp(u, "http://", 7) || !strncmp(u, "https://", 8));
}

static void sources(FILE *out, const sf_brief *b, const marks *m)
{
    size_t n_all = b->n_docs + b->n_line_docs;
    fputs("<h3>Sources</h3>\n<ol>\n", out);
    for (size_t i = 0; i < n_all; i++) {
        const sf_doc *d = b->docs[i];
        fprintf(out, "<li><a href=\"#s%lld-d%zu\">", (long long)b->story, i + 1);
        escs(out, d->title && *d->title ? d->title : d->path ? d->path : d->id);
        fputs("</a> <span class=\"meta\">", out);
        escs(out, d->source);
        if (d->source && d->date) fputs(", ", out);
        escs(out, d->date);
        if (i >= b->n_docs)
            fprintf(out, "; story %lld of the storyline",
                    (long long)b->line_doc_story[i - b->n_docs]);
        else if (b->copy_of[i] >= 0)
            fprintf(out, "; a copy of %ld", b->copy_of[i] + 1);
        if (i < b->n_docs && b->reuses[i] >= 0) {
            char when[48];
            sf_brief_reuse_when(b, i, when, sizeof when);
            const char *src = b->docs[b->reuses[i]]->source;
            fprintf(out, "; shares %u words with %ld", b->reused_words[i], b->reuses[i] + 1);
            if (src) fputs(" (", out), escs(out, src), fputc(')', out);
            fprintf(out, ", %s", when);
        }
        if (http_url(d->url)) {
            fputs("; <a href=\"", out);
            escs(out, d->url);
            fputs("\">original</a>", out);
        }
        fprintf(out, "; id %.12s</span></li>\n", d->id);
    }
    fputs("</ol>\n", out);
    size_t k = 0;
    for (size_t i = 0; i < n_all; i++) {
        const sf_doc *d = b->docs[i];
        size_t first = k;
        while (k < m->n && m->v[k].doc == i) k++;
        fprintf(out, "<h3 id=\"s%lld-d%zu\">%zu. ", (long long)b->story, i + 1, i + 1);
        escs(out, d->title && *d->title ? d->title : d->path ? d->path : d->id);
        fputs("</h3>\n<p class=\"meta\">", out);
        escs(out, d->path);
        fputs("</p>\n<div class=\"text\">", out);
        source_text(out, b, i, m->v + first, k - first);
        fputs("</div>\n", out);
    }
}

int sf_brief_write_html(const sf_brief *b, FILE *out)
{
    fprintf(out, "<section id=\"story-%lld\">\n<h2>Story %lld: ", (long long)b->story,
            (long long)b->story);
    escs(out, b->title);
    fprintf(out, "</h2>\n<p class=\"meta\">%zu article%s from %d independent outlet%s</p>\n",
            b->n_docs, b->n_docs == 1 ? "" : "s", b->n_sources, b->n_sources == 1 ? "" : "s");
    marks m = {0};
    collect(b, &m);
    summary(out, b);
    quotes(out, b);
    figures(out, b);
    timeline(out, b);
    storyline(out, b);
    entities(out, b);
    sources(out, b, &m);
    free(m.v);
    fputs("</section>\n", out);
    return ferror(out) ? SF_EIO : SF_OK;
}
