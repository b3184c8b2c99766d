/* json.c — a brief as one JSON object (jansson), the shape documented in
 * docs/brief-json.md: story, counts, documents with metadata, and summary sentences
 * with their text, citation, the byte spans of their text and aligned citations, key entities, quotes with their
 * wordings, figures by what they count with the verdict across outlets, the timeline,
 * and each document's copy and reuse links. */
#include "core/date.h"
#include "core/mem.h"
#include "storyfold.h"

#include <jansson.h>
#include <stdio.h>

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *cite_json(const sf_brief *b, const sf_cite *c)
{
    const sf_doc *d = b->docs[c->doc];
    return json_pack("{s:s, s:I, s:I, s:I}", "doc", d->id, "n", (json_int_t)(c->doc + 1), "start",
                     (json_int_t)c->span.start, "end", (json_int_t)c->span.end);
}

static json_t *span_json(const sf_brief *b, const sf_cite *c)
{
    const sf_doc *d = b->docs[c->doc];
    return json_stringn(d->text + c->span.start, c->span.end - c->span.start);
}

/* An excerpt's text: the bytes of its pieces, one after the other. */
static json_t *excerpt_text(const sf_brief *b, const sf_excerpt *e)
{
    const char *t = b->docs[e->cite.doc]->text;
    sf_span piece[SF_MAX_CUTS + 1];
    size_t np = sf_excerpt_pieces(e, piece);
    sf_buf s = {0};
    for (size_t j = 0; j < np; j++) sf_buf_add(&s, t + piece[j].start, piece[j].end - piece[j].start);
    json_t *j = json_stringn(s.data ? s.data : "", s.len);
    sf_buf_free(&s);
    return j;
}

/* [[start, end], ...]: the byte spans of an excerpt's text. */
static json_t *pieces_json(const sf_excerpt *e)
{
    sf_span piece[SF_MAX_CUTS + 1];
    size_t np = sf_excerpt_pieces(e, piece);
    json_t *a = json_array();
    for (size_t j = 0; j < np; j++)
        json_array_append_new(a, json_pack("[I, I]", (json_int_t)piece[j].start,
                                           (json_int_t)piece[j].end));
    return a;
}

static json_t *day_json(int32_t day)
{
    char ymd[11];
    sf_day_ymd(day, ymd);
    return json_string(ymd);
}

static json_t *claims_json(const sf_brief *b)
{
    static const char *const verdicts[] = {"", "agree", "rising", "conflict"};
    json_t *a = json_array();
    for (size_t i = 0; i < b->n_claims; i++) {
        const sf_brief_claim *c = &b->claims[i];
        json_t *figs = json_array();
        for (size_t j = 0; j < c->n_figures; j++) {
            const sf_brief_figure *f = &c->figures[j];
            json_array_append_new(figs, json_pack("{s:o, s:f, s:f, s:s, s:o}", "text",
                                                  span_json(b, &f->cite), "value", f->num->value,
                                                  "high", f->num->high, "qualifier",
                                                  sf_num_qualifiers[f->num->qualifier], "cite",
                                                  cite_json(b, &f->cite)));
        }
        json_array_append_new(
            a,
            json_pack("{s:s, s:i, s:o, s:o}", "what", c->what, "outlets", c->n_outlets, "verdict",
                      c->n_outlets > 1
                          ? json_string(verdicts[c->verdict <= SF_CONFLICT ? c->verdict : 0])
                          : json_null(),
                      "figures", figs));
    }
    return a;
}

static json_t *timeline_json(const sf_brief *b)
{
    json_t *a = json_array();
    for (size_t i = 0; i < b->n_timeline; i++) {
        const sf_brief_event *e = &b->timeline[i];
        const char *reported = b->docs[e->cite.doc]->date;
        json_t *also = json_array();
        for (size_t j = 0; j < e->n_also; j++)
            json_array_append_new(also, cite_json(b, &e->also[j]));
        json_array_append_new(a, json_pack("{s:I, s:o, s:o, s:s, s:o, s:o, s:o, s:o, s:o, s:i}",
                                           "story", (json_int_t)e->story, "first",
                                           day_json(e->first), "last", day_json(e->last), "value",
                                           e->value, "when", span_json(b, &e->when), "reported",
                                           str_or_null(reported), "text", span_json(b, &e->cite),
                                           "cite", cite_json(b, &e->cite), "also", also, "outlets",
                                           e->n_outlets));
    }
    return a;
}

static json_t *quotes_json(const sf_brief *b)
{
    json_t *a = json_array();
    for (size_t i = 0; i < b->n_quotes; i++) {
        const sf_brief_quote *g = &b->quotes[i];
        json_t *w = json_array();
        for (int k = 0; k < g->n_wordings; k++) {
            json_t *cites = json_array(), *text = NULL;
            const char *kind = "partial";
            for (size_t j = 0; j < g->n_cites; j++) {
                if (g->wording[j] != k) continue;
                if (!text) text = span_json(b, &g->cites[j]);
                if (g->quotes[j]->kind == SF_QUOTE_DIRECT) kind = "direct";
                json_array_append_new(cites, cite_json(b, &g->cites[j]));
            }
            json_array_append_new(
                w, json_pack("{s:o, s:s, s:o}", "text", text, "kind", kind, "cites", cites));
        }
        json_array_append_new(a, json_pack("{s:o, s:i, s:o}", "speaker", str_or_null(g->speaker),
                                           "outlets", g->n_outlets, "wordings", w));
    }
    return a;
}

/* {"id", "stories": [...]} of b's storyline, or null when the story stands alone */
static json_t *storyline_json(const sf_brief *b)
{
    if (!b->line) return json_null();
    json_t *a = json_array();
    for (size_t i = 0; i < b->line->n; i++) {
        const sf_story_row *r = &b->line->rows[i];
        json_array_append_new(a, json_pack("{s:I, s:s?, s:i, s:i, s:s?, s:s?}", "story",
                                           (json_int_t)r->id, "title", r->title, "articles",
                                           r->n_docs, "sources", r->n_sources, "first",
                                           *r->first_date ? r->first_date : NULL, "last",
                                           *r->last_date ? r->last_date : NULL));
    }
    /* the documents of other stories that the timeline cites, numbered after the story's */
    json_t *docs = json_array();
    for (size_t k = 0; k < b->n_line_docs; k++) {
        const sf_doc *d = b->docs[b->n_docs + k];
        json_array_append_new(
            docs, json_pack("{s:I, s:s, s:I, s:o, s:o, s:o, s:o, s:o}", "n",
                            (json_int_t)(b->n_docs + k + 1), "id", d->id, "story",
                            (json_int_t)b->line_doc_story[k], "path", str_or_null(d->path),
                            "title", str_or_null(d->title), "source", str_or_null(d->source),
                            "date", str_or_null(d->date), "url", str_or_null(d->url)));
    }
    return json_pack("{s:I, s:o, s:o}", "id", (json_int_t)b->storyline, "stories", a, "documents",
                     docs);
}

static json_t *brief_json(const sf_brief *b)
{
    json_t *docs = json_array(), *summary = json_array();
    for (size_t i = 0; i < b->n_docs; i++) {
        const sf_doc *d = b->docs[i];
        json_t *copy_of =
            b->copy_of[i] >= 0 ? json_integer((json_int_t)b->copy_of[i] + 1) : json_null();
        json_array_append_new(
            docs,
            json_pack("{s:I, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:I, s:I}", "n",
                      (json_int_t)(i + 1), "id", d->id, "path", str_or_null(d->path), "title",
                      str_or_null(d->title), "source", str_or_null(d->source), "date",
                      str_or_null(d->date), "url", str_or_null(d->url), "copy_of", copy_of,
                      "reuses",
                      b->reuses[i] >= 0 ? json_integer((json_int_t)b->reuses[i] + 1) : json_null(),
                      "reused_words", (json_int_t)b->reused_words[i], "outlet",
                      (json_int_t)b->outlet[i] + 1));
    }
    for (size_t i = 0; i < b->n_summary; i++) {
        const sf_brief_sentence *s = &b->summary[i];
        const sf_excerpt *e = &s->excerpt;
        json_t *also = json_array();
        for (size_t j = 0; j < s->n_also; j++)
            json_array_append_new(also, cite_json(b, &s->also[j]));
        json_array_append_new(summary, json_pack("{s:o, s:o, s:o, s:o, s:i}", "text",
                                                 excerpt_text(b, e), "cite", cite_json(b, &e->cite),
                                                 "pieces", pieces_json(e), "also", also,
                                                 "outlets", s->n_outlets));
    }
    json_t *ents = json_array();
    for (size_t i = 0; i < b->n_entities; i++) {
        const sf_brief_entity *e = &b->entities[i];
        json_array_append_new(ents, json_pack("{s:s, s:s, s:i, s:i, s:i}", "type",
                                              sf_ent_type_name(e->type), "name", e->name, "outlets",
                                              e->n_outlets, "documents", e->n_docs, "mentions",
                                              e->n_mentions));
    }
    return json_pack("{s:I, s:s, s:I, s:i, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "story",
                     (json_int_t)b->story, "title", b->title, "articles", (json_int_t)b->n_docs,
                     "outlets", b->n_sources, "summary", summary, "entities", ents, "quotes",
                     quotes_json(b), "figures", claims_json(b), "timeline", timeline_json(b),
                     "storyline", storyline_json(b), "documents", docs);
}

int sf_brief_write_json(const sf_brief *b, FILE *out)
{
    json_t *j = brief_json(b);
    if (!j) return SF_ENOMEM;
    int rc = json_dumpf(j, out, JSON_COMPACT);
    json_decref(j);
    fputc('\n', out);
    return rc == 0 && !ferror(out) ? SF_OK : SF_EIO;
}
