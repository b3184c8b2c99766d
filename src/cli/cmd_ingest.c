/* cmd_ingest.c — `storyfold ingest PATH...`: read, analyze, cluster and store. */
#include "cli/args.h"
#include "cli/cli.h"

static const cli_spec spec = {
    "ingest",
    "PATH...",
    1,
    -1,
    "Read articles (files, directories recursively, '-' for JSON Lines on stdin),\n"
    "group them into stories and store them. Articles already stored (same\n"
    "normalized body) are skipped, so ingesting twice stores nothing new. Work is\n"
    "committed every 1000 articles: an interrupted ingest keeps what was committed\n"
    "and the next run completes it.\n\n"
    "Exit status: 0 all inputs stored, 1 some rejected (each named on stderr with its\n"
    "line or byte offset and the reason) or the store failed, 2 usage.",
    {OPT_DB, OPT_DATE_DEFAULT, {"quiet", OPT_FLAG, NULL, NULL, "no progress line, no final count"}},
};

int cmd_ingest(int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(&spec, argc, argv, &a);
    if (rc != CLI_GO_ON) return rc;
    sf_error err = {0};
    sf_db *db = sf_db_open(cli_get(&spec, &a, "db"), &err);
    if (!db) {
        cli_error("ingest", "%s", err.msg);
        return EXIT_REJECTED;
    }
    long rejected = cli_ingest_paths("ingest", db, a.pos, a.n_pos, cli_get(&spec, &a, "date"),
                                     cli_get(&spec, &a, "quiet") != NULL);
    sf_db_close(db);
    return rejected == 0 ? EXIT_OK : EXIT_REJECTED;
}
