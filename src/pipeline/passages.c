/* passages.c — passage reuse at ingest (see passages.h): the candidates are the recent
 * members of the document's event whose signature shares an LSH band with its own
 * (lsh.h: the pairs the syndication evaluation verifies); the most similar few are read
 * back, analyzed for tokens only, and aligned with reuse_find. Each passage is stored from
 * the new document's side, with the earlier one as `other`. */
#include "pipeline/passages.h"

#include "core/error.h"
#include "core/mem.h"
#include "link/fingerprint.h"
#include "link/lsh.h"
#include "link/reuse.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

typedef struct cand {
    int64_t doc;
    double sim;
} cand;

static int share_band(const fp_sig *a, const fp_sig *b)
{
    for (int band = 0; band < LSH_BANDS; band++)
        if (!memcmp(&a->min[band * LSH_ROWS], &b->min[band * LSH_ROWS],
                    LSH_ROWS * sizeof a->min[0]))
            return 1;
    return 0;
}

/* most similar first; on ties the newer document (higher number) */
static int by_sim(const void *pa, const void *pb)
{
    const cand *a = pa, *b = pb;
    if (a->sim != b->sim) return a->sim > b->sim ? -1 : 1;
    return a->doc > b->doc ? -1 : a->doc < b->doc;
}

/* Align doc with the stored document other and store what they share. */
static int align(sf_db *db, const sf_doc *doc, int64_t n, int64_t other, sf_error *err)
{
    sf_doc *o = NULL;
    int rc = store_get_doc(db, other, &o, err);
    if (rc == SF_OK) rc = sf_doc_analyze_text(o, err);
    reuse_passage *p = NULL;
    size_t np = rc == SF_OK ? reuse_find(doc, o, &p) : 0;
    int other_is_origin = np ? reuse_origin(doc, o) == 1 : 0;
    for (size_t i = 0; i < np && rc == SF_OK; i++)
        rc = store_add_passage(db, n, other, &p[i], other_is_origin, err);
    free(p);
    sf_doc_free(o);
    return rc;
}

int passages_link(sf_db *db, const sf_doc *doc, int64_t n, int64_t story, sf_error *err)
{
    fp_sig sig;
    fp_signature(doc, &sig);
    int rc = store_put_signature(db, n, &sig, err);
    if (rc != SF_OK || !sig.n_shingles) return rc;
    int64_t *docs = NULL;
    fp_sig *sigs = NULL;
    size_t nd = 0;
    if ((rc = store_recent_signatures(db, story, n, PASSAGE_RECENT, &docs, &sigs, &nd, err)) !=
        SF_OK)
        goto out;
    cand *c = sf_xmalloc((nd ? nd : 1) * sizeof *c);
    size_t nc = 0;
    for (size_t i = 0; i < nd; i++)
        if (sigs[i].n_shingles && share_band(&sig, &sigs[i]))
            c[nc++] = (cand){docs[i], fp_similarity(&sig, &sigs[i])};
    qsort(c, nc, sizeof *c, by_sim);
    for (size_t i = 0; i < nc && i < PASSAGE_CANDIDATES && rc == SF_OK; i++)
        rc = align(db, doc, n, c[i].doc, err);
    free(c);
out:
    free(docs);
    free(sigs);
    return rc;
}
