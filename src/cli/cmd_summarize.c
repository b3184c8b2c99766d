/* cmd_summarize.c — `storyfold summarize --words N PATH...`: the evaluation interface
 * for summaries: all inputs are one story; the summary, one sentence a line. */
#include "cli/args.h"
#include "cli/cli.h"

#include <stdlib.h>

static const cli_spec spec = {
    "summarize",
    "PATH...",
    1,
    -1,
    "Take every article under PATH as one story and print its extractive summary,\n"
    "one sentence a line, within the word budget.",
    {OPT_WORDS,
     {"cite", OPT_FLAG, NULL, NULL,
      "prefix each line with PATH<TAB>START-END<TAB> (START-END,START-END... when words\n"
      "inside the sentence are left out)"},
     {"learned", OPT_STR, "FILE", NULL,
      "leave out the boilerplate lines the store FILE has learned (storyfold ingest)"}},
};

int cmd_summarize(int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(&spec, argc, argv, &a);
    if (rc != CLI_GO_ON) return rc;
    int cite = cli_get(&spec, &a, "cite") != NULL;
    cli_docs docs = {0};
    long rejected = cli_load_docs("summarize", a.pos, a.n_pos, NULL, &docs);
    sf_excerpt *cites = NULL;
    size_t n = 0;
    sf_error err = {0};
    const char *store = cli_get(&spec, &a, "learned");
    if (store) {
        sf_db *db = cli_open_existing("summarize", store);
        int ok = db && sf_db_mark_learned(db, docs.v, docs.n, NULL, &err) == SF_OK;
        if (db && !ok) cli_error("summarize", "%s", err.msg);
        sf_db_close(db);
        if (!ok) {
            cli_docs_free(&docs);
            return EXIT_REJECTED;
        }
    }
    if (sf_summarize(docs.v, docs.n, cli_get_int(&spec, &a, "words"), &cites, &n, &err) != SF_OK) {
        cli_error("summarize", "%s", err.msg);
        cli_docs_free(&docs);
        return EXIT_REJECTED;
    }
    for (size_t i = 0; i < n; i++) {
        const sf_doc *d = docs.v[cites[i].cite.doc];
        if (cite) {
            sf_span piece[SF_MAX_CUTS + 1];
            size_t np = sf_excerpt_pieces(&cites[i], piece);
            printf("%s\t", d->path);
            for (size_t j = 0; j < np; j++)
                printf("%s%u-%u", j ? "," : "", piece[j].start, piece[j].end);
            putchar('\t');
        }
        sf_write_excerpt(stdout, d->text, &cites[i]);
        putchar('\n');
    }
    free(cites);
    cli_docs_free(&docs);
    return rejected == 0 ? EXIT_OK : EXIT_REJECTED;
}
