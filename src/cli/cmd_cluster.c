/* cmd_cluster.c — `storyfold cluster PATH...`: the evaluation interface for grouping:
 * TSV, one line per input document in input order: path-or-id, event, storyline. */
#include "cli/args.h"
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>

static const cli_spec spec = {
    "cluster",
    "PATH...",
    1,
    -1,
    "Group the articles under PATH into events (in memory, nothing stored) and print\n"
    "one tab-separated line per input document, in input order:\n"
    "  PATH-OR-ID <TAB> EVENT <TAB> STORYLINE\n"
    "(the document's path, with :LINE or #DOCNO for multi-document files). Copies of\n"
    "one article (same normalized body) share their first copy's event. STORYLINE is\n"
    "the first event of the chain the event belongs to: a new event continues the\n"
    "storyline of the closest earlier event within 60 days when they are similar enough\n"
    "(a later development of one story), else it starts its own (STORYLINE = EVENT).",
    {OPT_DATE_DEFAULT},
};

typedef struct input {
    char *path;
    char id[33];
} input;

typedef struct ctx {
    sf_ingest *in;
    input *v;
    size_t n, cap;
} ctx;

static int take(sf_doc *doc, void *p)
{
    ctx *c = p;
    sf_error err = {0};
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 64;
        c->v = realloc(c->v, c->cap * sizeof *c->v);
        if (!c->v) abort();
    }
    input *i = &c->v[c->n++];
    i->path = strdup(doc->path ? doc->path : "-");
    memcpy(i->id, doc->id, sizeof i->id);
    if (sf_ingest_take(c->in, doc, &err) != SF_OK) {
        cli_error("cluster", "%s", err.msg);
        return 1;
    }
    return 0;
}

static int by_id(const void *a, const void *b)
{
    return strcmp(((const sf_membership *)a)->doc_id, ((const sf_membership *)b)->doc_id);
}

int cmd_cluster(int argc, char **argv)
{
    cli_args a;
    int rc = cli_parse(&spec, argc, argv, &a);
    if (rc != CLI_GO_ON) return rc;
    sf_error err = {0};
    sf_db *db = sf_db_open(":memory:", &err);
    ctx c = {db ? sf_ingest_new(db, &err) : NULL, NULL, 0, 0};
    if (!c.in) {
        cli_error("cluster", "%s", err.msg);
        sf_db_close(db);
        return EXIT_REJECTED;
    }
    long rejected = cli_read_all("cluster", a.pos, a.n_pos, cli_get(&spec, &a, "date"), take, &c);
    int status = rejected == 0 ? EXIT_OK : EXIT_REJECTED;
    sf_membership *m = NULL;
    size_t nm = 0;
    if (sf_ingest_free(c.in, &err) != SF_OK || sf_memberships(db, &m, &nm, &err) != SF_OK) {
        cli_error("cluster", "%s", err.msg);
        status = EXIT_REJECTED;
    }
    if (nm) qsort(m, nm, sizeof *m, by_id);
    for (size_t i = 0; i < c.n; i++) {
        sf_membership key;
        memcpy(key.doc_id, c.v[i].id, sizeof key.doc_id);
        const sf_membership *hit = nm ? bsearch(&key, m, nm, sizeof *m, by_id) : NULL;
        if (hit)
            printf("%s\t%lld\t%lld\n", c.v[i].path, (long long)hit->story,
                   (long long)hit->storyline);
        free(c.v[i].path);
    }
    free(c.v);
    sf_memberships_free(m, nm);
    sf_db_close(db);
    return status;
}
