/* cmd_summarize.c — `storyfold summarize --words N PATH...`: the evaluation interface
 * for summaries: all inputs are one story; the summary, one sentence a line. */
#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

static void usage(FILE *out)
{
    fputs("usage: storyfold summarize [--words N] [--cite] PATH...\n\n"
          "Take every article under PATH as one story and print its extractive summary,\n"
          "one sentence a line, at most N words (default 100). With --cite, each line is\n"
          "prefixed by the source path and byte span, tab-separated.\n\n"
          "  --words N   word budget (default 100)\n"
          "  --cite      prefix lines with PATH<TAB>START-END<TAB>\n"
          "  -h, --help  this help\n",
          out);
}

int cmd_summarize(int argc, char **argv)
{
    static const struct option opts[] = {{"words", required_argument, 0, 'w'},
                                          {"cite", no_argument, 0, 'c'},
                                          {"help", no_argument, 0, 'h'},
                                          {0, 0, 0, 0}};
    int words = 100, cite = 0, c;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'w': words = cli_int("summarize", "--words", optarg); break;
        case 'c': cite = 1; break;
        case 'h': usage(stdout); return EXIT_OK;
        default: usage(stderr); return EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        usage(stderr);
        return EXIT_USAGE;
    }
    cli_docs docs = {0};
    long rejected = cli_load_docs("summarize", argv + optind, argc - optind, NULL, &docs);
    sf_cite *cites = NULL;
    size_t n = 0;
    sf_error err = {0};
    if (sf_summarize(docs.v, docs.n, words, &cites, &n, &err) != SF_OK) {
        cli_error("summarize", "%s", err.msg);
        cli_docs_free(&docs);
        return EXIT_REJECTED;
    }
    for (size_t i = 0; i < n; i++) {
        const sf_doc *d = docs.v[cites[i].doc];
        if (cite) printf("%s\t%u-%u\t", d->path, cites[i].span.start, cites[i].span.end);
        sf_write_span(stdout, d->text, cites[i].span);
        putchar('\n');
    }
    free(cites);
    cli_docs_free(&docs);
    return rejected == 0 ? EXIT_OK : EXIT_REJECTED;
}
