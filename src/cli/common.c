/* common.c — helpers every subcommand uses: errors on stderr, reading inputs and having
 * them analyzed and tagged on worker threads (pool.c) with rejects reported, ingesting with a
 * progress line when stderr is a terminal, opening an existing store, printing JSON Lines. */
#include "cli/cli.h"
#include "cli/pool.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* 1 while a progress line stands on stderr: a message first clears it. */
static int progress_shown;

static void clear_progress(void)
{
    if (progress_shown) fputs("\r\033[K", stderr);
    progress_shown = 0;
}

void cli_error(const char *cmd, const char *fmt, ...)
{
    clear_progress();
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "storyfold %s: ", cmd);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

sf_db *cli_open_existing(const char *cmd, const char *path)
{
    if (access(path, F_OK) != 0) {
        cli_error(cmd, "%s: no such store (create it with 'storyfold ingest --db %s PATH')", path,
                  path);
        return NULL;
    }
    sf_error err = {0};
    sf_db *db = sf_db_open(path, &err);
    if (!db) cli_error(cmd, "%s", err.msg);
    return db;
}

void cli_print_json(json_t *v)
{
    if (!v) return;
    json_dumpf(v, stdout, JSON_COMPACT);
    putchar('\n');
    json_decref(v);
}

typedef struct read_ctx {
    const char *cmd;
    cli_doc_fn fn;
    void (*idle)(void *ctx);
    void *ctx;
    long rejected;
    int failed;
    cli_pool *pool;
} read_ctx;

/* Worker threads for analysis: $STORYFOLD_THREADS, or one per online core but one (the
 * reading thread clusters and stores meanwhile: measured on 2 cores, 1 worker gave
 * 2,866 articles/s and 2 workers 2,260). */
static int analysis_threads(void)
{
    const char *e = getenv("STORYFOLD_THREADS");
    long n = e && *e ? strtol(e, NULL, 10) : sysconf(_SC_NPROCESSORS_ONLN) - 1;
    return n < 1 ? 1 : n > 16 ? 16 : (int)n;
}

static void on_reject(const char *path, const char *where, const char *reason, void *p)
{
    read_ctx *r = p;
    r->rejected++;
    clear_progress();
    if (where && *where)
        fprintf(stderr, "storyfold %s: %s: %s: %s\n", r->cmd, path, where, reason);
    else
        fprintf(stderr, "storyfold %s: %s: %s\n", r->cmd, path, reason);
}

/* An analyzed (and tagged) document, back from the pool in input order. */
static int on_analyzed(sf_doc *doc, int rc, const sf_error *err, void *p)
{
    read_ctx *r = p;
    if (rc != SF_OK) { /* a rejected input like any other */
        r->rejected++;
        clear_progress();
        fprintf(stderr, "storyfold %s: %s\n", r->cmd, err->msg);
        sf_doc_free(doc);
        return 0;
    }
    if (r->fn(doc, r->ctx) != 0) {
        r->failed = 1;
        return 1; /* stop reading */
    }
    return 0;
}

static int on_doc(sf_doc *doc, void *p)
{
    read_ctx *r = p;
    return cli_pool_submit(r->pool, doc);
}

static void on_idle(void *p)
{
    read_ctx *r = p;
    cli_pool_drain(r->pool); /* what was read is handled before the stream waits */
    if (r->idle && !r->failed) r->idle(r->ctx);
}

long cli_read_all(const char *cmd, char **paths, int n, const char *default_date, cli_doc_fn fn,
                  void *ctx)
{
    return cli_read_all_idle(cmd, paths, n, default_date, fn, NULL, ctx);
}

long cli_read_all_idle(const char *cmd, char **paths, int n, const char *default_date,
                       cli_doc_fn fn, void (*idle)(void *ctx), void *ctx)
{
    read_ctx r = {cmd, fn, idle, ctx, 0, 0, NULL};
    /* without a model: no entities (cli_tagger says so once) */
    r.pool = cli_pool_new(analysis_threads(), cli_tagger(cmd, NULL), on_analyzed, &r);
    sf_reader rd = {on_doc, on_reject, &r, default_date, on_idle};
    for (int i = 0; i < n && !r.failed; i++) {
        /* a negative result (a path that cannot be read) was reported through
         * on_reject already */
        if (!strcmp(paths[i], "-"))
            sf_read_jsonl_stream(stdin, "-", &rd);
        else
            sf_read_path(paths[i], &rd);
    }
    cli_pool_free(r.pool);
    return r.failed ? -1 : r.rejected;
}

static int collect(sf_doc *doc, void *p)
{
    cli_docs *d = p;
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->v = realloc(d->v, d->cap * sizeof *d->v);
        if (!d->v) abort();
    }
    d->v[d->n++] = doc;
    return 0;
}

long cli_load_docs(const char *cmd, char **paths, int n, const char *default_date, cli_docs *out)
{
    return cli_read_all(cmd, paths, n, default_date, collect, out);
}

void cli_docs_free(cli_docs *d)
{
    for (size_t i = 0; i < d->n; i++) sf_doc_free(d->v[i]);
    free(d->v);
    d->v = NULL;
    d->n = d->cap = 0;
}

typedef struct ingest_ctx {
    const char *cmd;
    sf_ingest *in;
    int progress;
    struct timespec t0, last;
} ingest_ctx;

static double since(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static int ingest_one(sf_doc *doc, void *p)
{
    ingest_ctx *c = p;
    sf_error err = {0};
    if (sf_ingest_take(c->in, doc, &err) != SF_OK) { /* analyzed already: the store failed */
        cli_error(c->cmd, "%s", err.msg);
        return 1;
    }
    if (c->progress) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (since(&c->last, &now) >= 0.25) {
            const sf_ingest_stats *s = sf_ingest_stats_get(c->in);
            double dt = since(&c->t0, &now);
            fprintf(stderr, "\r%zu articles, %zu new, %.0f/s ", s->seen, s->added,
                    dt > 0 ? (double)s->seen / dt : 0.0);
            progress_shown = 1;
            c->last = now;
        }
    }
    return 0;
}

/* The input waits: commit what is pending, so it is visible and no lock is held. */
static void ingest_idle(void *p)
{
    ingest_ctx *c = p;
    sf_error err = {0};
    if (sf_ingest_commit(c->in, &err) != SF_OK) cli_error(c->cmd, "%s", err.msg);
}

long cli_ingest_paths(const char *cmd, sf_db *db, char **paths, int n, const char *default_date,
                      int quiet)
{
    sf_error err = {0};
    ingest_ctx c = {cmd, sf_ingest_new(db, &err), !quiet && isatty(2), {0, 0}, {0, 0}};
    if (!c.in) {
        cli_error(cmd, "%s", err.msg);
        return -1;
    }
    clock_gettime(CLOCK_MONOTONIC, &c.t0);
    c.last = c.t0;
    long rejected = cli_read_all_idle(cmd, paths, n, default_date, ingest_one, ingest_idle, &c);
    sf_ingest_stats st = *sf_ingest_stats_get(c.in);
    if (sf_ingest_free(c.in, &err) != SF_OK) {
        cli_error(cmd, "%s", err.msg);
        return -1;
    }
    clear_progress();
    if (!quiet) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        double dt = since(&c.t0, &now);
        fprintf(stderr,
                "%zu articles read: %zu new, %zu already stored, %ld rejected"
                " (%.2f s, %.0f articles/s)\n",
                st.seen, st.added, st.duplicate, rejected < 0 ? 0 : rejected, dt,
                dt > 0 ? (double)st.seen / dt : 0.0);
    }
    return rejected;
}
