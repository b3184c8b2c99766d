/* learned_mark.c — sf_db_mark_learned: the boilerplate lines a store has learned per
 * source (clean/learned.c, table learned_line) marked in documents analyzed outside an
 * ingest: a story's documents re-analyzed for its brief, or `summarize --learned`. */
#include "clean/learned.h"
#include "store/store.h"
#include "storyfold.h"

int sf_db_mark_learned(sf_db *db, sf_doc *const *docs, size_t n, size_t *n_lines, sf_error *err)
{
    learned *l = learned_new();
    int rc = store_load_learned(db, l, 1, err);
    size_t marked = 0;
    for (size_t i = 0; rc == SF_OK && i < n; i++) marked += learned_apply(l, docs[i]);
    learned_free(l);
    if (n_lines) *n_lines = marked;
    return rc;
}
