/* pool.c — analysis on every core: documents the readers produce are analyzed and
 * tagged by worker threads (one tagger each, sharing the model) and handed back to the
 * reading thread in input order, so that everything after analysis (clustering, the
 * store, output) stays single-threaded and the results are the same as with one thread.
 * A ring of POOL_RING slots bounds the documents in flight. */
#include "cli/pool.h"

#include "core/mem.h"
#include "text/lang.h"
#include "text/token.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define POOL_RING        1024
/* When the ring is full the reading thread sleeps until this many documents are done in
 * order, not just the next one: one wake-up per POOL_WAKE documents instead of one per
 * document (a futex call and two context switches each, dear on a virtual machine). */
#define POOL_WAKE 32
#define POOL_MAX_THREADS 16

typedef struct slot {
    sf_doc *doc;
    sf_error err;
    int rc, done;
} slot;

struct cli_pool {
    pthread_mutex_t mu;
    pthread_cond_t work, done;
    pthread_t th[POOL_MAX_THREADS];
    sf_tagger *tagger[POOL_MAX_THREADS];
    int n_threads, stop;
    slot ring[POOL_RING];
    size_t submitted, taken, delivered; /* counters; slot = counter % POOL_RING */
    size_t want; /* the reader sleeps until slots [delivered, want) are done; 0: awake */
    int draining; /* the reader waits for every document submitted */
    cli_pool_fn deliver;
    void *ctx;
    int halted; /* deliver asked to stop: later documents are dropped */
};

typedef struct worker {
    cli_pool *p;
    int id;
} worker;

/* What a worker does to one document. */
static void analyze(slot *s, sf_tagger *tg)
{
    memset(&s->err, 0, sizeof s->err);
    s->rc = sf_doc_analyze(s->doc, &s->err);
    if (s->rc == SF_OK && tg) sf_doc_tag(s->doc, tg);
}

/* Are the slots from the next to deliver up to `want` (excluded) all done? */
static int done_upto(const cli_pool *p, size_t want)
{
    for (size_t i = p->delivered; i < want; i++)
        if (!p->ring[i % POOL_RING].done) return 0;
    return 1;
}

static void *work(void *arg)
{
    worker *w = arg;
    cli_pool *p = w->p;
    sf_tagger *tg = p->tagger[w->id];
    free(w);
    pthread_mutex_lock(&p->mu);
    for (;;) {
        /* idle, a worker sleeps until POOL_WAKE documents wait or the reader waits */
        while (!p->stop && (p->taken == p->submitted ||
                            (p->submitted - p->taken < POOL_WAKE && !p->want && !p->draining)))
            pthread_cond_wait(&p->work, &p->mu);
        if (p->taken == p->submitted) break; /* stopping, nothing left */
        slot *s = &p->ring[p->taken++ % POOL_RING];
        pthread_mutex_unlock(&p->mu);
        analyze(s, tg);
        pthread_mutex_lock(&p->mu);
        s->done = 1;
        if (p->want && done_upto(p, p->want)) pthread_cond_broadcast(&p->done);
    }
    pthread_mutex_unlock(&p->mu);
    tok_thread_end();
    lang_thread_end();
    return NULL;
}

cli_pool *cli_pool_new(int threads, const sf_tagger *proto, cli_pool_fn deliver, void *ctx)
{
    cli_pool *p = sf_xcalloc(1, sizeof *p);
    if (threads < 1) threads = 1;
    if (threads > POOL_MAX_THREADS) threads = POOL_MAX_THREADS;
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->done, NULL);
    p->deliver = deliver;
    p->ctx = ctx;
    for (int i = 0; i < threads; i++) {
        p->tagger[i] = proto ? sf_tagger_share(proto) : NULL;
        worker *w = sf_xmalloc(sizeof *w);
        *w = (worker){p, i};
        if (pthread_create(&p->th[i], NULL, work, w) != 0) {
            free(w);
            if (i > 0) sf_tagger_free(p->tagger[i]), p->tagger[i] = NULL;
            break; /* fewer workers; with none, the caller's thread does the work */
        }
        p->n_threads++;
    }
    return p;
}

/* Hand finished documents back in order while the next one is done; with `all`, wait
 * for every submitted one. Called with the lock held; returns with it held. */
static void deliver_ready(cli_pool *p, int all)
{
    while (p->delivered < p->submitted) {
        slot *s = &p->ring[p->delivered % POOL_RING];
        if (!s->done) {
            if (!all && p->submitted - p->delivered < POOL_RING) return;
            size_t left = p->submitted - p->delivered;
            p->want = p->delivered + (left < POOL_WAKE ? left : POOL_WAKE);
            pthread_cond_broadcast(&p->work); /* fewer than POOL_WAKE may be waiting */
            pthread_cond_wait(&p->done, &p->mu);
            p->want = 0;
            continue;
        }
        p->delivered++;
        sf_doc *doc = s->doc;
        s->doc = NULL;
        s->done = 0;
        if (p->halted) {
            sf_doc_free(doc);
            continue;
        }
        pthread_mutex_unlock(&p->mu);
        int stop = p->deliver(doc, s->rc, &s->err, p->ctx);
        pthread_mutex_lock(&p->mu);
        if (stop) p->halted = 1;
    }
}

int cli_pool_submit(cli_pool *p, sf_doc *doc)
{
    if (!p->n_threads) { /* no worker could start: analyze here */
        slot s = {doc, {0}, 0, 1};
        analyze(&s, p->tagger[0]);
        if (p->halted) {
            sf_doc_free(doc);
            return 1;
        }
        return p->halted = p->deliver(doc, s.rc, &s.err, p->ctx) != 0;
    }
    pthread_mutex_lock(&p->mu);
    deliver_ready(p, 0); /* makes room: at most POOL_RING - 1 in flight after this */
    if (p->halted) {
        pthread_mutex_unlock(&p->mu);
        sf_doc_free(doc);
        return 1;
    }
    slot *s = &p->ring[p->submitted++ % POOL_RING];
    s->doc = doc;
    s->done = 0;
    if (p->submitted - p->taken >= POOL_WAKE) pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->mu);
    return 0;
}

int cli_pool_drain(cli_pool *p)
{
    pthread_mutex_lock(&p->mu);
    p->draining = 1;
    deliver_ready(p, 1);
    p->draining = 0;
    int halted = p->halted;
    pthread_mutex_unlock(&p->mu);
    return halted;
}

void cli_pool_free(cli_pool *p)
{
    if (!p) return;
    cli_pool_drain(p);
    pthread_mutex_lock(&p->mu);
    p->stop = 1;
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < p->n_threads; i++) pthread_join(p->th[i], NULL);
    for (int i = 0; i < POOL_MAX_THREADS; i++) sf_tagger_free(p->tagger[i]);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->done);
    free(p);
}
