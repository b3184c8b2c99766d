/* passages.c — passage reuse at ingest (see passages.h): the candidates are the recent
 * members of the document's event whose signature shares an LSH band with its own
 * (lsh.h: the pairs the syndication evaluation verifies); the most similar few are read
 * back, analyzed for tokens only, and aligned with reuse_find. Each passage is stored from
 * the new document's side, with the earlier one as `other`. The recent members'
 * signatures are kept in memory per event (a ring of PASSAGE_RECENT), loaded from the
 * store once per event. */
#include "pipeline/passages.h"

#include "core/error.h"
#include "core/hmap.h"
#include "core/mem.h"
#include "link/fingerprint.h"
#include "link/lsh.h"
#include "link/reuse.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

/* One event's most recent members: a ring, slot `head` taken next. Most events have a
 * few members, so the ring grows from one slot. */
typedef struct member {
    int64_t doc;
    fp_sig sig;
} member;

typedef struct recent {
    int64_t story, newest;
    member *m;
    size_t n, cap, head;
} recent;

struct passages {
    hmap at; /* story -> index in v, plus 1 */
    recent *v;
    size_t n, cap;
};

passages *passages_new(void)
{
    return sf_xcalloc(1, sizeof(passages));
}

static void recent_free(recent *r)
{
    free(r->m);
}

void passages_clear(passages *p)
{
    for (size_t i = 0; i < p->n; i++) recent_free(&p->v[i]);
    p->n = 0;
    hmap_free(&p->at);
    memset(&p->at, 0, sizeof p->at);
}

void passages_free(passages *p)
{
    if (!p) return;
    passages_clear(p);
    free(p->v);
    free(p);
}

void passages_evict(passages *p, int64_t oldest)
{
    size_t k = 0;
    for (size_t i = 0; i < p->n; i++) {
        if (p->v[i].newest <= oldest)
            recent_free(&p->v[i]);
        else
            p->v[k++] = p->v[i];
    }
    if (k == p->n) return;
    p->n = k;
    hmap_free(&p->at);
    memset(&p->at, 0, sizeof p->at);
    for (size_t i = 0; i < p->n; i++) *hmap_put(&p->at, (uint64_t)p->v[i].story, 0) = (int64_t)i + 1;
}

static void recent_push(recent *r, int64_t doc, const fp_sig *sig)
{
    if (r->n < PASSAGE_RECENT) {
        if (r->n == r->cap) {
            r->cap = r->cap ? r->cap * 2 : 1;
            if (r->cap > PASSAGE_RECENT) r->cap = PASSAGE_RECENT;
            r->m = sf_xrealloc(r->m, r->cap * sizeof *r->m);
        }
        r->m[r->n++] = (member){doc, *sig};
        r->head = r->n % PASSAGE_RECENT;
    } else {
        r->m[r->head] = (member){doc, *sig};
        r->head = (r->head + 1) % PASSAGE_RECENT;
    }
    if (doc > r->newest) r->newest = doc;
}

/* The ring of story, loaded from the store (its newest members before n) when new. */
static int recent_get(passages *p, sf_db *db, int64_t story, int64_t n, recent **out,
                      sf_error *err)
{
    int64_t *at = hmap_get(&p->at, (uint64_t)story);
    if (at) {
        *out = &p->v[*at - 1];
        return SF_OK;
    }
    int64_t *docs = NULL;
    fp_sig *sigs = NULL;
    size_t nd = 0;
    int rc = store_recent_signatures(db, story, n, PASSAGE_RECENT, &docs, &sigs, &nd, err);
    if (rc != SF_OK) return rc;
    SF_GROW(p->v, p->cap, p->n + 1);
    recent *r = &p->v[p->n];
    memset(r, 0, sizeof *r);
    r->story = story;
    for (size_t i = nd; i-- > 0;) recent_push(r, docs[i], &sigs[i]); /* oldest first */
    free(docs);
    free(sigs);
    *hmap_put(&p->at, (uint64_t)story, 0) = (int64_t)++p->n;
    *out = r;
    return SF_OK;
}

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

int passages_link(passages *p, sf_db *db, const sf_doc *doc, int64_t n, int64_t story,
                  sf_error *err)
{
    fp_sig sig;
    fp_signature(doc, &sig);
    int rc = store_put_signature(db, n, &sig, err);
    if (rc != SF_OK) return rc;
    recent *r;
    if ((rc = recent_get(p, db, story, n, &r, err)) != SF_OK) return rc;
    cand *c = sf_xmalloc((r->n ? r->n : 1) * sizeof *c);
    size_t nc = 0;
    for (size_t i = 0; sig.n_shingles && i < r->n; i++)
        if (r->m[i].sig.n_shingles && share_band(&sig, &r->m[i].sig))
            c[nc++] = (cand){r->m[i].doc, fp_similarity(&sig, &r->m[i].sig)};
    recent_push(r, n, &sig);
    qsort(c, nc, sizeof *c, by_sim);
    for (size_t i = 0; i < nc && i < PASSAGE_CANDIDATES && rc == SF_OK; i++)
        rc = align(db, doc, n, c[i].doc, err);
    free(c);
    return rc;
}
