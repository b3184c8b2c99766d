/* cmd_extract.c — `storyfold extract FILE|-`: the evaluation interface for the
 * per-document stages: one JSON object per document with the text and every span. */
#include "cli/args.h"
#include "cli/cli.h"

#include <jansson.h>

static const cli_spec spec = {
    "extract",
    "FILE|DIR|-...",
    1,
    -1,
    "Print one JSON object per document (JSON Lines):\n"
    "  {\"id\",\"path\",\"title\",\"source\",\"date\",\"lang\",\"text\",\n"
    "   \"boilerplate\":[[s,e]...], \"sentences\":[[s,e]...],\n"
    "   \"entities\":[], \"timexes\":[], \"quotes\":[], \"numbers\":[]}\n"
    "Offsets are byte offsets into \"text\", half-open. For plain-text input \"text\" is\n"
    "the file's bytes after its metadata header, so offsets map back into the file.\n"
    "Entities are PER, LOC, ORG or MISC, each with the canonical name it has in its\n"
    "document (\"Putin\" -> \"Vladimir Putin\"). Numbers are numeric claims outside\n"
    "boilerplate: value (and high for a range), kind (count, percent, money), qualifier\n"
    "(\"more than\"), what they count and the predicate (\"198 people ... died\").\n"
    "Timexes are TimeML TIMEX3 expressions (DATE, TIME, DURATION, SET) with their value\n"
    "resolved against the document date (\"on Friday\" -> \"2022-02-25\"). Quotes are the\n"
    "text between quotation marks, kind \"direct\" (an utterance) or \"partial\" (a quoted\n"
    "phrase in reported speech), with the cue (\"said\") and the speaker as named there\n"
    "and, as \"canonical\", the person it resolves to (\"he\" -> \"Volodymyr Zelensky\").",
    {{"date", OPT_DATE, "YYYY-MM-DD", NULL, "document date for inputs that carry none"}},
};

static json_t *spans(const sf_span *s, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, json_pack("[I,I]", (json_int_t)s[i].start, (json_int_t)s[i].end));
    return a;
}

static json_t *entities(const sf_doc *d)
{
    json_t *a = json_array();
    for (size_t i = 0; i < d->n_ents; i++) {
        const sf_entity *e = &d->ents[i];
        json_array_append_new(
            a, json_pack("{s:I, s:I, s:s, s:s%, s:s%}", "start", (json_int_t)e->start, "end",
                         (json_int_t)e->end, "type", sf_ent_type_name(e->type), "text",
                         d->text + e->start, (size_t)(e->end - e->start), "canonical",
                         d->text + e->name_start, (size_t)(e->name_end - e->name_start)));
    }
    return a;
}

static json_t *span_text(const sf_doc *d, uint32_t s, uint32_t e)
{
    return s < e ? json_stringn(d->text + s, e - s) : json_null();
}

static json_t *numbers(const sf_doc *d)
{
    static const char *const kinds[] = {"", "count", "percent", "money"};
    json_t *a = json_array();
    for (size_t i = 0; i < d->n_nums; i++) {
        const sf_number *n = &d->nums[i];
        json_array_append_new(
            a, json_pack("{s:I, s:I, s:f, s:f, s:s, s:s, s:o, s:o, s:s%}", "start",
                         (json_int_t)n->start, "end", (json_int_t)n->end, "value", n->value, "high",
                         n->high, "kind", kinds[n->kind <= SF_NUM_MONEY ? n->kind : 0], "qualifier",
                         sf_num_qualifiers[n->qualifier], "counts",
                         span_text(d, n->counts_start, n->counts_end), "predicate",
                         span_text(d, n->pred_start, n->pred_end), "text", d->text + n->start,
                         (size_t)(n->end - n->start)));
    }
    return a;
}

static json_t *timexes(const sf_doc *d)
{
    json_t *a = json_array();
    for (size_t i = 0; i < d->n_timexes; i++) {
        const sf_timex *t = &d->timexes[i];
        json_array_append_new(
            a, json_pack("{s:I, s:I, s:s, s:s, s:s%}", "start", (json_int_t)t->start, "end",
                         (json_int_t)t->end, "type", sf_timex_type_name(t->type), "value",
                         t->value, "text", d->text + t->start, (size_t)(t->end - t->start)));
    }
    return a;
}

static json_t *quotes(const sf_doc *d)
{
    json_t *a = json_array();
    for (size_t i = 0; i < d->n_quotes; i++) {
        const sf_quote *q = &d->quotes[i];
        json_t *who = json_null();
        if (q->speaker_start < q->speaker_end)
            who = json_pack("{s:I, s:I, s:o, s:o}", "start", (json_int_t)q->speaker_start, "end",
                            (json_int_t)q->speaker_end, "text",
                            span_text(d, q->speaker_start, q->speaker_end), "canonical",
                            span_text(d, q->name_start, q->name_end));
        json_array_append_new(
            a, json_pack("{s:I, s:I, s:s%, s:s, s:o, s:o}", "start", (json_int_t)q->start, "end",
                         (json_int_t)q->end, "text", d->text + q->start,
                         (size_t)(q->end - q->start), "kind",
                         q->kind == SF_QUOTE_PARTIAL ? "partial" : "direct", "cue",
                         span_text(d, q->cue_start, q->cue_end), "speaker", who));
    }
    return a;
}

static int emit(sf_doc *d, void *ctx)
{
    json_t *sents = json_array();
    for (size_t i = 0; i < d->n_sents; i++)
        json_array_append_new(
            sents, json_pack("[I,I]", (json_int_t)d->sents[i].start, (json_int_t)d->sents[i].end));
    json_t *o = json_pack("{s:s, s:s?, s:s?, s:s?, s:s?, s:s?, s:s%, s:o, s:o, s:o, s:o, s:o,"
                          " s:o}",
                          "id", d->id, "path", d->path, "title", d->title, "source", d->source,
                          "date", d->date, "lang", d->lang, "text", d->text, d->len, "boilerplate",
                          spans(d->boilerplate, d->n_boilerplate), "sentences", sents, "entities",
                          entities(d), "timexes", timexes(d), "quotes", quotes(d), "numbers",
                          numbers(d));
    cli_print_json(o);
    sf_doc_free(d);
    return 0;
}

int cmd_extract(int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(&spec, argc, argv, &a);
    if (rc != CLI_GO_ON) return rc;
    long rejected = cli_read_all("extract", a.pos, a.n_pos, cli_get(&spec, &a, "date"), emit, NULL);
    return rejected == 0 ? EXIT_OK : EXIT_REJECTED;
}
