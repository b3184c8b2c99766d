/* cluster.h — online grouping of documents into stories (events): each document's
 * TF-IDF vector is compared, through an inverted index over story centroids, with the
 * stories active within a time window, and joins the best one above a threshold or
 * starts a new one. Never all pairs. Deterministic for a given input order.
 * The clusterer holds its state in memory; the pipeline loads it from and saves it to
 * the store (clu_story_load, the dirty lists). Only the stories that gained a document
 * within the last CLU_ACTIVE_DOCS documents are held (clu_evict): memory and the cost
 * per document stay flat however large the store grows. */
#ifndef SF_CLUSTER_H
#define SF_CLUSTER_H

#include "core/hmap.h"
#include "link/termvec.h"
#include "storyfold.h"

/* cosine(doc, centroid) to join: seeds 000-003 (undated) join at 0.29-0.36, the later 004
 * stays out at 0.23 */
#define CLU_THRESHOLD 0.25
/* A dated doc joins only stories active within CLU_WINDOW_DAYS, and with a dated story the
 * closeness in time is evidence of its own, so it joins at a lower cosine. DUC 2004 dev
 * (topics spanning weeks), B-cubed F1: 0.726 with 7 days and 0.25, 0.783 with 14 days,
 * 0.814 with 14 days and 0.2; the mixed stream 0.824, 0.832, 0.839 (eval/stream.sh). */
#define CLU_WINDOW_DAYS     14
#define CLU_DATED_THRESHOLD 0.2
/* A new story continues the storyline of the closest earlier story when their cosine
 * reaches CLU_LINE_THRESHOLD within CLU_LINE_DAYS (seed 004, three weeks after 000-003,
 * scores 0.23 against their story); otherwise it starts a storyline of its own. */
#define CLU_LINE_THRESHOLD 0.2
#define CLU_LINE_DAYS      60
#define CLU_CENTROID_MAX   300 /* centroid terms kept per story */
#define CLU_INDEX_TERMS    100
/* A story no document joined within the last `window` documents (default CLU_ACTIVE_DOCS:
 * at a few thousand articles a day, weeks beyond CLU_LINE_DAYS) is dropped from memory (it
 * stays in the store). The window moves every `step` documents (default CLU_EVICT_STEP),
 * not when a batch starts, so which stories a document may join depends only on the
 * documents before it, however the stream was batched or paused. */
#define CLU_ACTIVE_DOCS   200000
#define CLU_EVICT_STEP    10000
#define CLU_ENTITY_WEIGHT 0.5f /* a canonical entity mention: half a term occurrence */

typedef struct clu_story {
    int64_t id;
    int64_t storyline;        /* id of the storyline's first story */
    int32_t day_min, day_max; /* SF_NO_DAY when no member is dated */
    int32_t n_docs;
    int64_t last_doc; /* clu.n_docs when its latest member joined */
    termvec centroid; /* sum of member unit vectors, truncated */
    double norm2;     /* squared length of centroid */
    uint64_t *terms;  /* the terms it is indexed under, ascending; NULL once evicted */
    uint32_t n_terms;
    int dirty;          /* listed in clu.dirty_stories */
    int evicted;        /* dropped by clu_evict: no centroid, in no posting list */
    char *title;        /* owned; set by the pipeline on a new story until saved */
} clu_story;

typedef struct clu {
    hmap df; /* term → document frequency */
    int64_t n_docs;
    uint64_t *dirty_terms; /* terms whose df changed since the last save */
    size_t n_dirty, cap_dirty;
    hmap term_dirty;    /* term → 1 while listed in dirty_terms */
    clu_story *stories; /* in id order; evicted ones keep their slot until compacted */
    size_t n_stories, cap_stories;
    uint32_t *active; /* indexes of the stories not evicted, ascending */
    size_t n_active, cap_active;
    uint32_t *dirty_stories; /* indexes of stories changed since the last save */
    size_t n_dirty_stories, cap_dirty_stories;
    hmap post_of; /* term → index into post */
    struct clu_post {
        uint32_t *story;
        uint32_t n, cap;
    } * post; /* the stories indexed under a term, by index (oldest first) */
    size_t n_post, cap_post;
    int64_t next_id;
    /* each story's candidate-scan state, apart from the stories so that the scan walks
     * 4 bytes per story listed, not the story (it touches up to 12,000 per document) */
    struct clu_scan {
        uint16_t seen;     /* stamp of the scan that last listed it */
        uint8_t hits;      /* query terms shared, valid while seen == stamp */
        uint8_t last_term; /* the query term that last counted a hit */
    } * scan;
    size_t cap_scan; /* scan has n_stories entries; cap_scan allocated */
    uint16_t stamp;
    uint32_t *cand; /* scratch: candidate story indexes */
    size_t cap_cand;
    int64_t window, step; /* see CLU_ACTIVE_DOCS; set by clu_init, may be changed before use */
} clu;

void clu_init(clu *c);
void clu_free(clu *c);

/* Restore state saved earlier. */
void clu_df_load(clu *c, uint64_t term, int64_t df);
void clu_story_load(clu *c, int64_t id, int64_t storyline, int32_t day_min, int32_t day_max,
                    int32_t n_docs, int64_t last_doc, const tv_entry *centroid, size_t n);

/* Drop from memory the stories whose latest member is at or before document number
 * last_doc (none may be dirty). The candidate index is at every moment a function of
 * the stories held (each is listed under its centroid's heaviest terms, lists in id
 * order), so a clusterer loaded from the store with only the stories joined after
 * last_doc (what store_load_clusterer loads) links the next documents exactly as one
 * that ran uninterrupted and evicted at the same point does. */
void clu_evict(clu *c, int64_t last_doc);

/* The last_doc at or before which a story is not held once n documents are in: the
 * window's start at its latest move (n rounded down to a step, less the window). The
 * pipeline evicts there each time n reaches a step, and loads only the stories after it. */
int64_t clu_window_start(const clu *c, int64_t n);

/* The document's TF-IDF unit vector (updating document frequencies first) into v. */
void clu_doc_vector(clu *c, const sf_doc *doc, termvec *v);

/* Assign an analyzed document to a story; returns it (valid until the next call),
 * *created set when new (its storyline then set too). */
clu_story *clu_assign(clu *c, const sf_doc *doc, int *created);

/* After saving: forget dirty marks. */
void clu_saved(clu *c);

#endif
