/* main.c — storyfold's entry point: dispatch to a subcommand, global --help/--version. */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"ingest", cmd_ingest, "read articles into the store (default ./storyfold.db)"},
    {"stories", cmd_stories, "list the stories in the store"},
    {"show", cmd_show, "print one story's brief (Markdown or JSON)"},
    {"search", cmd_search, "full-text search over stored sentences (BM25)"},
    {"quotes", cmd_quotes, "stored quotations with speaker, article and date (--who NAME)"},
    {"brief", cmd_brief, "one shot, in memory: every story's brief for the given paths"},
    {"summarize", cmd_summarize, "summary of the given articles taken as one story"},
    {"cluster", cmd_cluster, "TSV: each document with its event and storyline"},
    {"extract", cmd_extract, "JSON Lines: each document with its sentences and spans"},
    {"tag", cmd_tag, "tag a CoNLL-2003 file with named entities (conlleval format)"},
};
#define N_COMMANDS (sizeof commands / sizeof *commands)

static void usage(FILE *out)
{
    fputs("usage: storyfold COMMAND [OPTIONS] [ARGS]\n\n"
          "Fold news articles from many outlets into cited story briefs.\n\n"
          "Commands:\n",
          out);
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fputs("\nRun 'storyfold COMMAND --help' for a command's options.\n"
          "Inputs: plain text (.txt, optional 'key: value' header), JSON Lines, TREC/DUC\n"
          "and Reuters-21578 SGML; directories are read recursively; '-' is JSON Lines on\n"
          "stdin. Exit status: 0 ok, 1 some inputs rejected or a failure, 2 usage.\n",
          out);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return EXIT_OK;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("storyfold %s\n", SF_VERSION);
        return EXIT_OK;
    }
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (!strcmp(argv[1], commands[i].name)) return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "storyfold: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return EXIT_USAGE;
}
