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
    "document (\"Putin\" -> \"Vladimir Putin\"). The timexes, quotes and numbers lists\n"
    "are always empty in this version: their extractors are not built yet.",
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
                         (json_int_t)e->end, "type", sf_ent_type_name(e->type), "text", d->text + e->start,
                         (size_t)(e->end - e->start), "canonical", d->text + e->name_start,
                         (size_t)(e->name_end - e->name_start)));
    }
    return a;
}

static int emit(sf_doc *d, void *ctx)
{
    json_t *sents = json_array();
    for (size_t i = 0; i < d->n_sents; i++)
        json_array_append_new(
            sents, json_pack("[I,I]", (json_int_t)d->sents[i].start, (json_int_t)d->sents[i].end));
    json_t *o = json_pack("{s:s, s:s?, s:s?, s:s?, s:s?, s:s?, s:s%, s:o, s:o, s:o, s:[], s:[],"
                          " s:[]}",
                          "id", d->id, "path", d->path, "title", d->title, "source", d->source,
                          "date", d->date, "lang", d->lang, "text", d->text, d->len, "boilerplate",
                          spans(d->boilerplate, d->n_boilerplate), "sentences", sents, "entities",
                          entities(d), "timexes", "quotes", "numbers");
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
