/* collect.h — a collecting sf_reader for the reader tests (test_read, test_feed,
 * test_warc): every document delivered and every rejection (path, where, reason), with an
 * optional stop after a number of documents. Included once per test program; needs
 * cmocka.h, storyfold.h and core/mem.h before it. */
#ifndef SF_TEST_COLLECT_H
#define SF_TEST_COLLECT_H

#include <stdio.h>
#include <stdlib.h>

#define GOT_MAX 64

typedef struct got {
    sf_doc *docs[GOT_MAX];
    size_t n_docs;
    char where[GOT_MAX][64];
    char why[GOT_MAX][256];
    char rpath[GOT_MAX][512];
    size_t n_rej;
    size_t stop_after; /* return 1 from the doc callback after this many (0: never) */
} got;

static int on_doc(sf_doc *d, void *ctx)
{
    got *g = ctx;
    assert_true(g->n_docs < GOT_MAX);
    g->docs[g->n_docs++] = d;
    return g->stop_after && g->n_docs >= g->stop_after;
}

static void on_reject(const char *path, const char *where, const char *reason, void *ctx)
{
    got *g = ctx;
    assert_true(g->n_rej < GOT_MAX);
    snprintf(g->rpath[g->n_rej], sizeof g->rpath[0], "%s", path);
    snprintf(g->where[g->n_rej], sizeof g->where[0], "%s", where);
    snprintf(g->why[g->n_rej], sizeof g->why[0], "%s", reason);
    g->n_rej++;
}

static got *got_new(void)
{
    return sf_xcalloc(1, sizeof(got));
}

static void got_free(got *g)
{
    for (size_t i = 0; i < g->n_docs; i++) sf_doc_free(g->docs[i]);
    free(g);
}

#endif
