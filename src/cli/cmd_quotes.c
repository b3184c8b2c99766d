/* cmd_quotes.c — `storyfold quotes [--who NAME]`: stored quotations with their speaker,
 * article and date. */
#include "cli/args.h"
#include "cli/cli.h"

#include <jansson.h>
#include <string.h>

static const cli_spec spec = {
    "quotes",
    "",
    0,
    0,
    "List the stored quotations, oldest first: date, source, the speaker (as the article\n"
    "names them, and the person that resolves to: \"he\" -> \"Volodymyr Zelensky\"), the\n"
    "quote, and the article (story, document id, byte span of the quote in its text).\n"
    "--who NAME keeps the quotes of one person: the same name with spelling variants\n"
    "(\"Zelenskyy\" finds \"Zelensky\", a surname finds the full name), or a speaker\n"
    "containing NAME (\"spokesman\"). Quoted phrases inside reported speech (called the\n"
    "deal \"a historic mistake\") are listed with --partial.",
    {OPT_DB,
     OPT_JSON,
     {"who", OPT_STR, "NAME", NULL, "only quotes by this person"},
     {"partial", OPT_FLAG, NULL, NULL, "also quoted phrases inside reported speech"},
     {"limit", OPT_INT, "N", "0", "at most N quotes (0: all)"}},
};

int cmd_quotes(int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(&spec, argc, argv, &a);
    if (rc != CLI_GO_ON) return rc;
    int json = cli_get(&spec, &a, "json") != NULL;
    const char *who = cli_get(&spec, &a, "who");
    if (who && !*who) {
        cli_error("quotes", "--who needs a name");
        return EXIT_USAGE;
    }
    sf_db *db = cli_open_existing("quotes", cli_get(&spec, &a, "db"));
    if (!db) return EXIT_REJECTED;
    sf_error err = {0};
    sf_quote_rows *q = sf_quotes_new(db, who, cli_get(&spec, &a, "partial") != NULL,
                                     cli_get_int(&spec, &a, "limit"), &err);
    if (!q) {
        cli_error("quotes", "%s", err.msg);
        sf_db_close(db);
        return EXIT_REJECTED;
    }
    for (size_t i = 0; i < q->n; i++) {
        const sf_quote_row *r = &q->rows[i];
        if (json) {
            cli_print_json(json_pack(
                "{s:I, s:s, s:I, s:I, s:s, s:s?, s:s?, s:s?, s:s?, s:s?, s:s}", "story",
                (json_int_t)r->story, "doc", r->doc_id, "start", (json_int_t)r->span.start, "end",
                (json_int_t)r->span.end, "kind", r->partial ? "partial" : "direct", "speaker",
                r->speaker, "name", r->name, "date", r->date, "source", r->source, "title",
                r->title, "text", r->text ? r->text : ""));
            continue;
        }
        const char *who_said = r->name ? r->name : r->speaker ? r->speaker : "(unattributed)";
        printf("%s  %s  %s", r->date ? r->date : "-", r->source ? r->source : "-", who_said);
        if (r->speaker && r->name && strcmp(r->speaker, r->name) != 0)
            printf(" (\"%s\")", r->speaker);
        printf("%s\n  \u201c", r->partial ? ", partial" : "");
        if (r->text) sf_write_span(stdout, r->text, (sf_span){0, (uint32_t)strlen(r->text)});
        printf("\u201d\n  story %lld  %.12s:%u-%u\n", (long long)r->story, r->doc_id,
               r->span.start, r->span.end);
    }
    sf_quote_rows_free(q);
    sf_db_close(db);
    return EXIT_OK;
}
