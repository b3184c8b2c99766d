/* cmd_ingest.c — `storyfold ingest PATH...`: read, analyze, cluster and store. */
#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>

static void usage(FILE *out)
{
    fputs("usage: storyfold ingest [--db FILE] [--date YYYY-MM-DD] [--quiet] PATH...\n\n"
          "Read articles (files, directories recursively, '-' for JSON Lines on stdin),\n"
          "group them into stories and store them. Articles already stored (same\n"
          "normalized body) are skipped, so ingesting twice stores nothing new. Work is\n"
          "committed every 1000 articles: an interrupted ingest keeps what was committed\n"
          "and the next run completes it.\n\n"
          "  --db FILE      the SQLite store (default ./storyfold.db)\n"
          "  --date DATE    report date for articles that carry none\n"
          "  -q, --quiet    no progress line and no final count\n"
          "  -h, --help     this help\n\n"
          "Exit status: 0 all inputs stored, 1 some rejected (each named on stderr with\n"
          "its line or byte offset) or the store failed, 2 usage.\n",
          out);
}

int cmd_ingest(int argc, char **argv)
{
    static const struct option opts[] = {{"db", required_argument, 0, 'd'},
                                          {"date", required_argument, 0, 'D'},
                                          {"quiet", no_argument, 0, 'q'},
                                          {"help", no_argument, 0, 'h'},
                                          {0, 0, 0, 0}};
    const char *db_path = DEFAULT_DB, *date = NULL;
    int quiet = 0, c;
    while ((c = getopt_long(argc, argv, "qh", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db_path = optarg; break;
        case 'D': date = optarg; break;
        case 'q': quiet = 1; break;
        case 'h': usage(stdout); return EXIT_OK;
        default: usage(stderr); return EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        usage(stderr);
        return EXIT_USAGE;
    }
    sf_error err = {0};
    sf_db *db = sf_db_open(db_path, &err);
    if (!db) {
        cli_error("ingest", "%s", err.msg);
        return EXIT_REJECTED;
    }
    long rejected = cli_ingest_paths("ingest", db, argv + optind, argc - optind, date, quiet);
    sf_db_close(db);
    return rejected == 0 ? EXIT_OK : EXIT_REJECTED;
}
