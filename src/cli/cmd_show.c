/* cmd_show.c — `storyfold show ID`: one stored story's brief. */
#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *out)
{
    fputs("usage: storyfold show [--db FILE] [--format md|json] [--words N] ID\n\n"
          "Print the brief of story ID (see 'storyfold stories'): a summary whose every\n"
          "sentence cites [document:start-end] byte spans of the stored text, the other\n"
          "documents that say the same, the number of outlets, and the sources.\n\n"
          "  --db FILE        the SQLite store (default ./storyfold.db)\n"
          "  --format FORMAT  md (default) or json\n"
          "  --words N        summary budget in words (default 100)\n"
          "  -h, --help       this help\n",
          out);
}

int cmd_show(int argc, char **argv)
{
    static const struct option opts[] = {{"db", required_argument, 0, 'd'},
                                          {"format", required_argument, 0, 'f'},
                                          {"words", required_argument, 0, 'w'},
                                          {"help", no_argument, 0, 'h'},
                                          {0, 0, 0, 0}};
    const char *db_path = DEFAULT_DB, *format = "md";
    int words = 100, c;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db_path = optarg; break;
        case 'f': format = optarg; break;
        case 'w': words = cli_int("show", "--words", optarg); break;
        case 'h': usage(stdout); return EXIT_OK;
        default: usage(stderr); return EXIT_USAGE;
        }
    }
    if (optind + 1 != argc || (strcmp(format, "md") && strcmp(format, "json"))) {
        usage(stderr);
        return EXIT_USAGE;
    }
    char *end;
    long long id = strtoll(argv[optind], &end, 10);
    if (*end || id <= 0) {
        cli_error("show", "story id must be a positive integer, not '%s'", argv[optind]);
        return EXIT_USAGE;
    }
    sf_error err = {0};
    sf_db *db = sf_db_open(db_path, &err);
    sf_brief *b = db ? sf_brief_build(db, id, words, &err) : NULL;
    if (!b) {
        cli_error("show", "%s", err.msg);
        sf_db_close(db);
        return EXIT_REJECTED;
    }
    if (!strcmp(format, "json"))
        sf_brief_write_json(b, stdout);
    else
        sf_brief_write_markdown(b, stdout);
    sf_brief_free(b);
    sf_db_close(db);
    return EXIT_OK;
}
