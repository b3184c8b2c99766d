/* cmd_show.c — `storyfold show ID`: one stored story's brief. */
#include "cli/args.h"
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>

static const cli_spec spec = {
    "show",
    "ID",
    1,
    1,
    "Print the brief of story ID (see 'storyfold stories'): a summary whose every\n"
    "sentence cites [document:start-end] byte spans of the stored text, the other\n"
    "documents that say the same, the number of outlets, and the sources.",
    {OPT_DB, {"format", OPT_STR, "md|json|html", "md", "output format (html: one self-contained page)"}, OPT_WORDS},
};

int cmd_show(int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(&spec, argc, argv, &a);
    if (rc != CLI_GO_ON) return rc;
    const char *format = cli_get(&spec, &a, "format");
    if (strcmp(format, "md") && strcmp(format, "json") && strcmp(format, "html")) {
        cli_error("show", "--format is md, json or html, not '%s'", format);
        return EXIT_USAGE;
    }
    char *end;
    long long id = strtoll(a.pos[0], &end, 10);
    if (*end || id <= 0) {
        cli_error("show", "story id must be a positive integer, not '%s'", a.pos[0]);
        return EXIT_USAGE;
    }
    sf_db *db = cli_open_existing("show", cli_get(&spec, &a, "db"));
    if (!db) return EXIT_REJECTED;
    sf_error err = {0};
    sf_brief *b = sf_brief_build(db, id, cli_get_int(&spec, &a, "words"), &err);
    if (!b) {
        cli_error("show", "%s", err.msg);
        sf_db_close(db);
        return EXIT_REJECTED;
    }
    if (!strcmp(format, "json"))
        sf_brief_write_json(b, stdout);
    else if (!strcmp(format, "html")) {
        sf_html_begin(stdout, b->title);
        sf_brief_write_html(b, stdout);
        sf_html_end(stdout);
    } else
        sf_brief_write_markdown(b, stdout);
    sf_brief_free(b);
    sf_db_close(db);
    return EXIT_OK;
}
