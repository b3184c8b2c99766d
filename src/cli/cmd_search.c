/* cmd_search.c — `storyfold search QUERY`: FTS5 over stored sentences, BM25-ranked. */
#include "cli/cli.h"

#include <getopt.h>
#include <jansson.h>
#include <stdio.h>

static void usage(FILE *out)
{
    fputs("usage: storyfold search [--db FILE] [--json] [--limit N] QUERY\n\n"
          "Full-text search over the stored sentences (SQLite FTS5, BM25 ranking, Porter\n"
          "stemming). QUERY uses FTS5 syntax: words, \"a phrase\", AND/OR/NOT, prefix*.\n"
          "Each hit: story, document id, byte span, date, source, sentence.\n\n"
          "  --db FILE   the SQLite store (default ./storyfold.db)\n"
          "  --json      JSON Lines instead of text\n"
          "  --limit N   at most N hits (default 20)\n"
          "  -h, --help  this help\n",
          out);
}

int cmd_search(int argc, char **argv)
{
    static const struct option opts[] = {{"db", required_argument, 0, 'd'},
                                          {"json", no_argument, 0, 'j'},
                                          {"limit", required_argument, 0, 'n'},
                                          {"help", no_argument, 0, 'h'},
                                          {0, 0, 0, 0}};
    const char *db_path = DEFAULT_DB;
    int json = 0, limit = 20, c;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db_path = optarg; break;
        case 'j': json = 1; break;
        case 'n': limit = cli_int("search", "--limit", optarg); break;
        case 'h': usage(stdout); return EXIT_OK;
        default: usage(stderr); return EXIT_USAGE;
        }
    }
    if (optind + 1 != argc) {
        usage(stderr);
        return EXIT_USAGE;
    }
    sf_error err = {0};
    sf_db *db = sf_db_open(db_path, &err);
    sf_hits *h = db ? sf_search_new(db, argv[optind], limit, &err) : NULL;
    if (!h) {
        cli_error("search", "%s", err.msg);
        sf_db_close(db);
        return err.code == SF_EINVAL ? EXIT_USAGE : EXIT_REJECTED;
    }
    for (size_t i = 0; i < h->n; i++) {
        const sf_hit *r = &h->rows[i];
        if (json) {
            json_t *o = json_pack("{s:I, s:s, s:I, s:I, s:f, s:s?, s:s?, s:s?, s:s}", "story",
                                  (json_int_t)r->story, "doc", r->doc_id, "start",
                                  (json_int_t)r->span.start, "end", (json_int_t)r->span.end,
                                  "bm25", r->score, "date", r->date, "source", r->source,
                                  "title", r->title, "text", r->text ? r->text : "");
            json_dumpf(o, stdout, JSON_COMPACT);
            putchar('\n');
            json_decref(o);
        } else {
            printf("story %lld  %.12s:%u-%u  %s  %s\n  ", (long long)r->story, r->doc_id,
                   r->span.start, r->span.end, r->date ? r->date : "-",
                   r->source ? r->source : "-");
            for (const char *p = r->text; p && *p; p++)
                putchar(*p == '\n' || *p == '\t' ? ' ' : *p);
            putchar('\n');
        }
    }
    sf_hits_free(h);
    sf_db_close(db);
    return EXIT_OK;
}
