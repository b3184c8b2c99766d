/* cmd_stories.c — `storyfold stories`: the stored stories, as a table or JSON Lines. */
#include "cli/args.h"
#include "cli/cli.h"

#include <jansson.h>

static const cli_spec spec = {
    "stories",
    "",
    0,
    0,
    "List the stories (events) in the store, grouped by storyline (events chained over\n"
    "time: a later event continues the storyline of an earlier one it resembles, within\n"
    "60 days): story id, storyline (the id of its first story), articles, distinct\n"
    "sources, first and last date, title. 'storyfold show ID' counts independent\n"
    "outlets, where copies of one text count once.",
    {OPT_DB, OPT_JSON},
};

int cmd_stories(int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(&spec, argc, argv, &a);
    if (rc != CLI_GO_ON) return rc;
    int json = cli_get(&spec, &a, "json") != NULL;
    sf_db *db = cli_open_existing("stories", cli_get(&spec, &a, "db"));
    if (!db) return EXIT_REJECTED;
    sf_error err = {0};
    sf_story_list *l = sf_stories_new(db, &err);
    if (!l) {
        cli_error("stories", "%s", err.msg);
        sf_db_close(db);
        return EXIT_REJECTED;
    }
    if (!json)
        printf("%6s %9s %8s %7s  %-10s  %-10s  %s\n", "story", "storyline", "articles", "sources",
               "first", "last", "title");
    for (size_t i = 0; i < l->n; i++) {
        const sf_story_row *r = &l->rows[i];
        if (json) {
            json_t *o =
                json_pack("{s:I, s:I, s:i, s:i, s:s?, s:s?, s:s?}", "id", (json_int_t)r->id,
                          "storyline", (json_int_t)r->storyline, "articles", r->n_docs, "sources",
                          r->n_sources, "first", *r->first_date ? r->first_date : NULL, "last",
                          *r->last_date ? r->last_date : NULL, "title", r->title);
            cli_print_json(o);
        } else {
            printf("%6lld %9lld %8d %7d  %-10s  %-10s  %s\n", (long long)r->id,
                   (long long)r->storyline, r->n_docs, r->n_sources,
                   *r->first_date ? r->first_date : "-", *r->last_date ? r->last_date : "-",
                   r->title ? r->title : "");
        }
    }
    sf_stories_free(l);
    sf_db_close(db);
    return EXIT_OK;
}
