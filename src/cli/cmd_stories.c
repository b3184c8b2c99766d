/* cmd_stories.c — `storyfold stories`: the stored stories, as a table or JSON Lines. */
#include "cli/cli.h"

#include <getopt.h>
#include <jansson.h>
#include <stdio.h>

static void usage(FILE *out)
{
    fputs("usage: storyfold stories [--db FILE] [--json]\n\n"
          "List the stories (events) in the store: id, articles, outlets, first and last\n"
          "date, title. With --json, one JSON object per line (pipe into jq).\n"
          "Storylines (events chained over time) come with the linking work; until then\n"
          "each story is its own storyline.\n\n"
          "  --db FILE   the SQLite store (default ./storyfold.db)\n"
          "  --json      JSON Lines instead of a table\n"
          "  -h, --help  this help\n",
          out);
}

int cmd_stories(int argc, char **argv)
{
    static const struct option opts[] = {{"db", required_argument, 0, 'd'},
                                          {"json", no_argument, 0, 'j'},
                                          {"help", no_argument, 0, 'h'},
                                          {0, 0, 0, 0}};
    const char *db_path = DEFAULT_DB;
    int json = 0, c;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db_path = optarg; break;
        case 'j': json = 1; break;
        case 'h': usage(stdout); return EXIT_OK;
        default: usage(stderr); return EXIT_USAGE;
        }
    }
    if (optind != argc) {
        usage(stderr);
        return EXIT_USAGE;
    }
    sf_error err = {0};
    sf_db *db = sf_db_open(db_path, &err);
    sf_story_list *l = db ? sf_stories_new(db, &err) : NULL;
    if (!l) {
        cli_error("stories", "%s", err.msg);
        sf_db_close(db);
        return EXIT_REJECTED;
    }
    if (!json) printf("%6s %8s %7s  %-10s  %-10s  %s\n", "story", "articles", "outlets", "first",
                      "last", "title");
    for (size_t i = 0; i < l->n; i++) {
        const sf_story_row *r = &l->rows[i];
        if (json) {
            json_t *o = json_pack("{s:I, s:I, s:i, s:i, s:s?, s:s?, s:s?}", "id",
                                  (json_int_t)r->id, "storyline", (json_int_t)r->id, "articles",
                                  r->n_docs, "outlets", r->n_sources, "first",
                                  *r->first_date ? r->first_date : NULL, "last",
                                  *r->last_date ? r->last_date : NULL, "title", r->title);
            json_dumpf(o, stdout, JSON_COMPACT);
            putchar('\n');
            json_decref(o);
        } else {
            printf("%6lld %8d %7d  %-10s  %-10s  %s\n", (long long)r->id, r->n_docs,
                   r->n_sources, *r->first_date ? r->first_date : "-",
                   *r->last_date ? r->last_date : "-", r->title ? r->title : "");
        }
    }
    sf_stories_free(l);
    sf_db_close(db);
    return EXIT_OK;
}
