/* ingest.c — the pipeline driver: analyze each document, skip those already stored
 * (same normalized body), assign it to a story, store it; commit every BATCH documents
 * in one transaction together with the clusterer's state, so a kill at any moment
 * loses at most the batch in progress and never leaves a half-written one. */
#include "core/error.h"
#include "core/mem.h"
#include "link/cluster.h"
#include "store/store.h"
#include "story/title.h"
#include "storyfold.h"

#include <stdlib.h>
#include <string.h>

#define BATCH 1000 /* documents per transaction: big enough to amortize the fsync */

struct sf_ingest {
    sf_db *db;
    clu clu;
    size_t pending;
    int in_txn;
    sf_ingest_stats stats;
};

sf_ingest *sf_ingest_new(sf_db *db, sf_error *err)
{
    sf_ingest *in = sf_xcalloc(1, sizeof *in);
    in->db = db;
    clu_init(&in->clu);
    if (store_load_clusterer(db, &in->clu, err) != SF_OK) {
        clu_free(&in->clu);
        free(in);
        return NULL;
    }
    return in;
}

int sf_ingest_take(sf_ingest *in, sf_doc *doc, sf_error *err)
{
    int rc;
    in->stats.seen++;
    in->stats.bytes += doc->len;
    /* a caller may have analyzed it already (to learn its id) */
    if (!doc->id[0] && (rc = sf_doc_analyze(doc, err)) != SF_OK) goto out;
    if (!in->in_txn) {
        if ((rc = store_begin(in->db, err)) != SF_OK) goto out;
        in->in_txn = 1;
    }
    rc = store_has_doc(in->db, doc->id, err);
    if (rc < 0) goto out;
    if (rc == 1) {
        in->stats.duplicate++;
        rc = SF_OK;
        goto out;
    }
    int created;
    clu_story *story = clu_assign(&in->clu, doc, &created);
    if (created) story->title = story_title_new(&doc, 1); /* saved with the story at commit */
    if ((rc = store_add_doc(in->db, doc, story->id, err)) != SF_OK) goto out;
    in->stats.added++;
    if (++in->pending >= BATCH) rc = sf_ingest_commit(in, err);
out:
    sf_doc_free(doc);
    return rc;
}

int sf_ingest_commit(sf_ingest *in, sf_error *err)
{
    int rc;
    if (!in->in_txn) return SF_OK;
    if ((rc = store_save_clusterer(in->db, &in->clu, err)) != SF_OK ||
        (rc = store_commit(in->db, err)) != SF_OK) {
        store_rollback(in->db);
        in->in_txn = 0;
        return rc;
    }
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
    clu_free(&in->clu);
    free(in);
    return rc;
}
