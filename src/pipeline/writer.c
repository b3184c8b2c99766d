/* writer.c — the ingest's store thread (writer.h): a bounded queue of clustered
 * documents, emptied in order by one thread that stores each document and links its
 * passages. The queue holds QUEUE documents at most, so memory stays flat when the
 * store is the slower side; the ingest thread then waits in writer_put. */
#include "pipeline/writer.h"

#include "core/error.h"
#include "core/mem.h"
#include "pipeline/passages.h"
#include "store/store.h"
#include "text/lang.h"
#include "text/token.h"

#include <pthread.h>
#include <stdlib.h>

#define QUEUE 64
/* An idle store thread sleeps until WAKE documents wait (or a writer_wait, or the end),
 * and a writer_put waiting on a full queue until WAKE slots are free: one wake-up per
 * WAKE documents instead of one per document, whichever side is faster (each is a futex
 * call and two context switches, dear on a virtual machine). */
#define WAKE 16

typedef struct item {
    sf_doc *doc;
    int64_t n, story;
} item;

struct writer {
    sf_db *db;
    passages *recent; /* touched by the thread while busy, by the caller while idle */
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t more, room; /* more: an item or stop; room: a slot freed or idle */
    item q[QUEUE];
    size_t head, n;
    int busy, stop;
    int flush; /* a writer_wait is waiting: store what is queued however little */
    int inline_only; /* no thread could be started: writer_put stores at once */
    int status;      /* SF_OK, or the first store error since the last writer_wait */
    sf_error failure;
};

/* Store one document (freed) unless the writer already failed; record a failure. Called
 * without the lock held; only one caller at a time (the thread, or writer_put inline). */
static void store_item(writer *w, item it, int failed)
{
    sf_error err = {0};
    int rc = SF_OK;
    if (!failed && (rc = store_add_doc(w->db, it.doc, it.n, it.story, &err)) == SF_OK)
        rc = passages_link(w->recent, w->db, it.doc, it.n, it.story, &err);
    sf_doc_free(it.doc);
    pthread_mutex_lock(&w->mu);
    if (rc != SF_OK && w->status == SF_OK) {
        w->status = rc;
        w->failure = err;
    }
    pthread_mutex_unlock(&w->mu);
}

static void *run(void *arg)
{
    writer *w = arg;
    pthread_mutex_lock(&w->mu);
    for (;;) {
        while (!w->stop && (!w->n || (w->n < WAKE && !w->flush)))
            pthread_cond_wait(&w->more, &w->mu);
        if (!w->n) break; /* stopping, nothing left */
        while (w->n) {    /* all that is queued, then sleep again */
            item it = w->q[w->head];
            w->head = (w->head + 1) % QUEUE;
            w->n--;
            w->busy = 1;
            int failed = w->status != SF_OK;
            pthread_mutex_unlock(&w->mu);
            store_item(w, it, failed);
            pthread_mutex_lock(&w->mu);
            w->busy = 0;
            /* a writer_put waiting on a full queue goes on once WAKE slots are free */
            if (w->n <= QUEUE - WAKE) pthread_cond_broadcast(&w->room);
        }
    }
    pthread_mutex_unlock(&w->mu);
    tok_thread_end(); /* aligning passages analyzes stored texts on this thread */
    lang_thread_end();
    return NULL;
}

writer *writer_new(sf_db *db)
{
    writer *w = sf_xcalloc(1, sizeof *w);
    w->db = db;
    w->recent = passages_new();
    pthread_mutex_init(&w->mu, NULL);
    pthread_cond_init(&w->more, NULL);
    pthread_cond_init(&w->room, NULL);
    w->inline_only = pthread_create(&w->thread, NULL, run, w) != 0;
    return w;
}

int writer_put(writer *w, sf_doc *doc, int64_t n, int64_t story)
{
    if (w->inline_only) {
        store_item(w, (item){doc, n, story}, w->status != SF_OK);
        return w->status;
    }
    pthread_mutex_lock(&w->mu);
    while (w->n == QUEUE) pthread_cond_wait(&w->room, &w->mu);
    w->q[(w->head + w->n) % QUEUE] = (item){doc, n, story};
    w->n++;
    int status = w->status;
    if (w->n >= WAKE) pthread_cond_signal(&w->more);
    pthread_mutex_unlock(&w->mu);
    return status;
}

int writer_wait(writer *w, sf_error *err)
{
    pthread_mutex_lock(&w->mu);
    w->flush = 1;
    pthread_cond_signal(&w->more);
    while (w->n || w->busy) pthread_cond_wait(&w->room, &w->mu);
    w->flush = 0;
    int status = w->status;
    if (status != SF_OK && err) *err = w->failure;
    w->status = SF_OK;
    pthread_mutex_unlock(&w->mu);
    return status;
}

void writer_forget(writer *w)
{
    passages_clear(w->recent);
}

void writer_evict(writer *w, int64_t oldest)
{
    passages_evict(w->recent, oldest);
}

void writer_free(writer *w)
{
    if (!w) return;
    if (!w->inline_only) {
        pthread_mutex_lock(&w->mu);
        w->stop = 1;
        pthread_cond_signal(&w->more);
        pthread_mutex_unlock(&w->mu);
        pthread_join(w->thread, NULL);
    }
    pthread_cond_destroy(&w->more);
    pthread_cond_destroy(&w->room);
    pthread_mutex_destroy(&w->mu);
    passages_free(w->recent);
    free(w);
}
