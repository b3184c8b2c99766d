/* cmd_brief.c — `storyfold brief PATH...`: one shot, in memory: read, cluster, and print
 * every story's brief. Uses the same pipeline as ingest, on an in-memory store. */
#include "cli/args.h"
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>

static const cli_spec spec = {
    "brief",
    "PATH...",
    1,
    -1,
    "Read the articles under PATH (nothing is stored), group them into stories and\n"
    "print each story's brief, largest story first: a summary whose every sentence\n"
    "cites [document:start-end] byte spans, with the other documents that say the\n"
    "same and how many outlets that is; the figures reported and whether outlets agree;\n"
    "a timeline of dated statements; the other stories of its storyline (earlier or\n"
    "later developments); the key people and places; the sources. --html\n"
    "writes one self-contained page where each citation links to the cited bytes,\n"
    "highlighted in the full text of its source.",
    {{"json", OPT_FLAG, NULL, NULL, "one JSON object per story (JSON Lines)"},
     {"html", OPT_FLAG, NULL, NULL, "one self-contained HTML page, sources included"},
     OPT_WORDS,
     OPT_DATE_DEFAULT},
};

static int by_size(const void *a, const void *b)
{
    const sf_story_row *x = a, *y = b;
    if (x->n_docs != y->n_docs) return y->n_docs - x->n_docs;
    return (x->id > y->id) - (x->id < y->id);
}

int cmd_brief(int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(&spec, argc, argv, &a);
    if (rc != CLI_GO_ON) return rc;
    int json = cli_get(&spec, &a, "json") != NULL, html = cli_get(&spec, &a, "html") != NULL;
    if (json && html) {
        cli_error("brief", "--json and --html exclude each other");
        return EXIT_USAGE;
    }
    int words = cli_get_int(&spec, &a, "words");
    sf_error err = {0};
    sf_db *db = sf_db_open(":memory:", &err);
    if (!db) {
        cli_error("brief", "%s", err.msg);
        return EXIT_REJECTED;
    }
    long rejected = cli_ingest_paths("brief", db, a.pos, a.n_pos, cli_get(&spec, &a, "date"), 1);
    sf_story_list *l = rejected >= 0 ? sf_stories_new(db, &err) : NULL;
    int status = rejected == 0 ? EXIT_OK : EXIT_REJECTED;
    if (!l) {
        if (rejected >= 0) cli_error("brief", "%s", err.msg);
        sf_db_close(db);
        return EXIT_REJECTED;
    }
    if (l->n) qsort(l->rows, l->n, sizeof *l->rows, by_size);
    if (!json) {
        size_t docs = 0;
        for (size_t i = 0; i < l->n; i++) docs += (size_t)l->rows[i].n_docs;
        char head[96];
        snprintf(head, sizeof head, "storyfold brief: %zu article%s in %zu stor%s", docs,
                 docs == 1 ? "" : "s", l->n, l->n == 1 ? "y" : "ies");
        if (html)
            sf_html_begin(stdout, head);
        else
            printf("# %s\n\n", head);
    }
    for (size_t i = 0; i < l->n; i++) {
        sf_brief *b = sf_brief_build(db, l->rows[i].id, words, &err);
        if (!b) {
            cli_error("brief", "%s", err.msg);
            status = EXIT_REJECTED;
            continue;
        }
        if (json)
            sf_brief_write_json(b, stdout);
        else if (html)
            sf_brief_write_html(b, stdout);
        else
            sf_brief_write_markdown(b, stdout);
        sf_brief_free(b);
    }
    if (html) sf_html_end(stdout);
    sf_stories_free(l);
    sf_db_close(db);
    return status;
}
