/* cmd_search.c — `storyfold search QUERY`: FTS5 over stored sentences, BM25-ranked. */
#include "cli/args.h"
#include "cli/cli.h"

#include <jansson.h>
#include <string.h>

static const cli_spec spec = {
    "search",
    "QUERY",
    1,
    1,
    "Full-text search over the stored sentences (SQLite FTS5, BM25 ranking, Porter\n"
    "stemming). QUERY uses FTS5 syntax: words, \"a phrase\", AND/OR/NOT, prefix*.\n"
    "Each hit: story, document id, byte span, date, source, sentence.",
    {OPT_DB, OPT_JSON, {"limit", OPT_INT, "N", "20", "at most N hits"}},
};

int cmd_search(int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(&spec, argc, argv, &a);
    if (rc != CLI_GO_ON) return rc;
    int json = cli_get(&spec, &a, "json") != NULL;
    sf_db *db = cli_open_existing("search", cli_get(&spec, &a, "db"));
    if (!db) return EXIT_REJECTED;
    sf_error err = {0};
    sf_hits *h = sf_search_new(db, a.pos[0], cli_get_int(&spec, &a, "limit"), &err);
    if (!h) {
        cli_error("search", "%s", err.msg);
        sf_db_close(db);
        return err.code == SF_EINVAL ? EXIT_USAGE : EXIT_REJECTED;
    }
    for (size_t i = 0; i < h->n; i++) {
        const sf_hit *r = &h->rows[i];
        if (json) {
            cli_print_json(json_pack("{s:I, s:s, s:I, s:I, s:f, s:s?, s:s?, s:s?, s:s}", "story",
                                     (json_int_t)r->story, "doc", r->doc_id, "start",
                                     (json_int_t)r->span.start, "end", (json_int_t)r->span.end,
                                     "bm25", r->score, "date", r->date, "source", r->source,
                                     "title", r->title, "text", r->text ? r->text : ""));
        } else {
            printf("story %lld  %.12s:%u-%u  %s  %s\n  ", (long long)r->story, r->doc_id,
                   r->span.start, r->span.end, r->date ? r->date : "-",
                   r->source ? r->source : "-");
            if (r->text) sf_write_span(stdout, r->text, (sf_span){0, (uint32_t)strlen(r->text)});
            putchar('\n');
        }
    }
    sf_hits_free(h);
    sf_db_close(db);
    return EXIT_OK;
}
