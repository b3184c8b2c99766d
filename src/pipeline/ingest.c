/* ingest.c — the pipeline driver: analyze each document, skip those already stored
 * (same normalized body), assign it to a story, and hand it to the store thread
 * (writer.h), which stores it with the passages it shares with earlier members of its
 * story while this thread clusters the next; commit every BATCH documents in one
 * transaction together with the clusterer's state, so a kill at any moment loses at
 * most the batch in progress and never leaves a half-written one. Documents are
 * numbered here (from the store's next number at the start of each batch, when the
 * write lock is held). The ids of all stored and queued documents are held in memory
 * (a hash map at most half full: 32 to 64 bytes an id, 32-64 MB for a million; loaded
 * with the clusterer): a copy is known without a store lookup, even before the store
 * thread has stored its twin.
 *
 * The clusterer's state is (re)loaded inside each batch's write transaction whenever
 * the store's document count differs from the one in memory: another process ingested
 * into the same store meanwhile, and its stories and statistics must be seen. After a
 * store error the batch is rolled back and the ingest refuses further work, because the
 * in-memory clusterer then holds documents the store does not.
 *
 * Boilerplate learned per source (clean/learned.h) is applied to each new document
 * before it is clustered, counted with the event it joined, and saved and reloaded with
 * the clusterer's state.
 *
 * The clusterer's stories and the lines seen once are held for a window of the latest
 * documents that moves every step documents (cluster.h: CLU_ACTIVE_DOCS), here, just
 * before the document that reaches a step: at fixed document counts, never at a batch's
 * start, so that results do not depend on where batches or a stream's pauses fall. A
 * reload leaves the same state (store_load_clusterer loads the stories after the
 * window's start). */
#include "clean/learned.h"
#include "core/error.h"
#include "core/hmap.h"
#include "core/mem.h"
#include "link/cluster.h"
#include "pipeline/writer.h"
#include "store/store.h"
#include "story/title.h"
#include "storyfold.h"

#include <stdlib.h>
#include <string.h>

/* documents per transaction: amortizes the fsync, the rewrite of each story touched (once
 * per batch) and the index pages a batch dirties: doc ids and entity keys are random, so
 * as their indexes grow a batch's inserts spread over more pages, each written to the log
 * and copied by the checkpoint (1M articles: 482 s at 16,000, 518 s at 4,000; at 100k
 * save + commit took 13 s of the reading thread at 1,000, 5 s at 4,000) */
#define BATCH 16000

struct sf_ingest {
    sf_db *db;
    clu clu;
    learned *lines;   /* boilerplate learned per source, in step with clu */
    writer *w;        /* stores the documents clustered, in order */
    store_ckpt *ckpt; /* checkpoints after each commit; NULL: SQLite's own */
    unsigned commits; /* since the ingest began */
    int64_t next_n;   /* the number the next document stored takes */
    /* ids of the documents stored and queued (first half -> second half), so that a
     * new document costs no store lookup: loaded with the clusterer */
    hmap known;
    int loaded;       /* clu reflects the store as of the last commit */
    int failed;       /* sticky status after a store error, or SF_OK */
    size_t pending;
    int in_txn;
    sf_ingest_stats stats;
    sf_error failure; /* what failed, repeated to later calls */
    int64_t window, step; /* sf_ingest_set_window; given to each clusterer loaded */
};

sf_ingest *sf_ingest_new(sf_db *db, sf_error *err)
{
    sf_ingest *in = sf_xcalloc(1, sizeof *in);
    in->db = db;
    clu_init(&in->clu);
    in->window = in->clu.window;
    in->step = in->clu.step;
    in->lines = learned_new();
    in->w = writer_new(db);
    in->ckpt = store_ckpt_new(db);
    (void)err; /* nothing is read before the first batch's transaction */
    return in;
}

/* An id's two 64-bit halves (ids are 32 hex digits; see sf_doc_analyze). */
static void id_halves(const char *id, uint64_t *a, uint64_t *b)
{
    char h[17];
    memcpy(h, id, 16);
    h[16] = 0;
    *a = strtoull(h, NULL, 16);
    *b = strtoull(id + 16, NULL, 16);
    if (!*a) *a = 1; /* hmap keys are nonzero */
}

/* 1 if a document with this id is stored or queued, 0 if not, <0 error */
static int has_doc(sf_ingest *in, const char *id, sf_error *err)
{
    uint64_t a, b;
    id_halves(id, &a, &b);
    const int64_t *v = hmap_get(&in->known, a);
    if (!v) return 0;
    if ((uint64_t)*v == b) return 1;
    return store_has_doc(in->db, id, err); /* another id with the same first half */
}

static void know(const char *id, void *p)
{
    sf_ingest *in = p;
    uint64_t a, b;
    id_halves(id, &a, &b);
    *hmap_put(&in->known, a, 0) = (int64_t)b;
}

static void forget_known(sf_ingest *in)
{
    hmap_free(&in->known);
    memset(&in->known, 0, sizeof in->known);
}

/* Start a batch: take the write lock, then make sure the clusterer matches the store. */
static int begin_batch(sf_ingest *in, sf_error *err)
{
    if (in->commits && in->commits % CKPT_SETTLE == 0) store_ckpt_settle(in->ckpt);
    int rc = store_begin(in->db, err);
    if (rc != SF_OK) return rc;
    in->in_txn = 1;
    int64_t stored;
    if ((rc = store_doc_count(in->db, &stored, err)) != SF_OK) return rc;
    if (!in->loaded || stored != in->clu.n_docs) {
        clu_free(&in->clu);
        clu_init(&in->clu);
        in->clu.window = in->window;
        in->clu.step = in->step;
        writer_forget(in->w);
        if ((rc = store_load_clusterer(in->db, &in->clu, err)) != SF_OK) return rc;
        learned_free(in->lines);
        in->lines = learned_new();
        if ((rc = store_load_learned(in->db, in->lines, 0, err)) != SF_OK) return rc;
        forget_known(in);
        if ((rc = store_each_doc_id(in->db, know, in, err)) != SF_OK) return rc;
        in->loaded = 1;
        learned_evict(in->lines, clu_window_start(&in->clu, in->clu.n_docs));
    } else {
        /* memory only: a story's recent members are read back from the store when needed */
        writer_evict(in->w, clu_window_start(&in->clu, in->clu.n_docs));
    }
    return store_next_doc(in->db, &in->next_n, err);
}

/* Before the next document: when the count reaches a step, the window moves (ingest.c's
 * top comment). */
static void move_window(sf_ingest *in)
{
    int64_t n = in->clu.n_docs;
    if (n == 0 || n % in->clu.step != 0) return;
    clu_evict(&in->clu, clu_window_start(&in->clu, n));
    learned_evict(in->lines, clu_window_start(&in->clu, n));
}

void sf_ingest_set_window(sf_ingest *in, int64_t window, int64_t step)
{
    in->window = in->clu.window = window > 0 ? window : CLU_ACTIVE_DOCS;
    in->step = in->clu.step = step > 0 ? step : CLU_EVICT_STEP;
}

/* A store error: undo the batch, remember why, refuse what follows. */
static int fail(sf_ingest *in, int rc, sf_error *err)
{
    writer_wait(in->w, NULL); /* idle before the rollback; its error, if any, is ours */
    if (in->in_txn) store_rollback(in->db);
    in->in_txn = 0;
    in->pending = 0;
    in->loaded = 0;
    writer_forget(in->w);
    forget_known(in);
    in->failed = rc;
    if (err) in->failure = *err;
    return rc;
}

static int refuse(const sf_ingest *in, sf_error *err)
{
    if (err) *err = in->failure;
    return in->failed;
}

int sf_ingest_take(sf_ingest *in, sf_doc *doc, sf_error *err)
{
    int rc;
    if (in->failed) {
        sf_doc_free(doc);
        return refuse(in, err);
    }
    in->stats.seen++;
    in->stats.bytes += doc->len;
    /* a caller may have analyzed it already (to learn its id) */
    if (!doc->id[0] && (rc = sf_doc_analyze(doc, err)) != SF_OK) goto out; /* doc refused */
    if (!in->in_txn && (rc = begin_batch(in, err)) != SF_OK) goto store_failed;
    rc = has_doc(in, doc->id, err);
    if (rc < 0) goto store_failed;
    if (rc == 1) {
        in->stats.duplicate++;
        rc = SF_OK;
        goto out;
    }
    move_window(in);
    learned_apply(in->lines, doc); /* before clustering: marked lines are left out */
    int created;
    clu_story *story = clu_assign(&in->clu, doc, &created);
    if (created) story->title = story_title_new(&doc, 1); /* saved with the story */
    int64_t n = in->next_n++;
    learned_observe(in->lines, doc, n, story->id);
    know(doc->id, in);
    in->stats.added++;
    if (writer_put(in->w, doc, n, story->id) != SF_OK) { /* doc consumed */
        rc = writer_wait(in->w, err);
        return fail(in, rc, err);
    }
    if (++in->pending >= BATCH) rc = sf_ingest_commit(in, err);
    return rc;
out:
    sf_doc_free(doc);
    return rc;
store_failed:
    sf_doc_free(doc);
    return fail(in, rc, err);
}

int sf_ingest_commit(sf_ingest *in, sf_error *err)
{
    int rc;
    if (in->failed) return refuse(in, err);
    if (!in->in_txn) return SF_OK;
    if ((rc = writer_wait(in->w, err)) != SF_OK) return fail(in, rc, err);
    if ((rc = store_save_learned(in->db, in->lines, err)) != SF_OK ||
        (rc = store_save_clusterer(in->db, &in->clu, err)) != SF_OK ||
        (rc = store_commit(in->db, err)) != SF_OK)
        return fail(in, rc, err);
    store_ckpt_kick(in->ckpt);
    in->commits++;
    clu_saved(&in->clu);
    in->in_txn = 0;
    in->pending = 0;
    return SF_OK;
}

const sf_ingest_stats *sf_ingest_stats_get(const sf_ingest *in)
{
    return &in->stats;
}

int sf_ingest_free(sf_ingest *in, sf_error *err)
{
    if (!in) return SF_OK;
    int rc = sf_ingest_commit(in, err);
    writer_free(in->w);
    store_ckpt_free(in->ckpt);
    forget_known(in);
    clu_free(&in->clu);
    learned_free(in->lines);
    free(in);
    return rc;
}
