/* learned.h — boilerplate learned per source: the lines an outlet repeats across its
 * articles (a sign-off, a subscription prompt) counted as documents arrive, and marked
 * once seen in enough documents of enough different events. */
#ifndef SF_LEARNED_H
#define SF_LEARNED_H

#include "storyfold.h"

#include <stdint.h>

/* A line is learned once seen in LEARNED_DOCS documents of LEARNED_EVENTS different
 * events (stories) of one source, and in LEARNED_SHARE_PCT percent of that source's
 * documents so far (a wire's formula, "Terms were not disclosed.", recurs in many
 * stories but in few of its thousands of reports). Documents without a source share one
 * pool and need more documents and events, and a smaller share (per mille), as the pool
 * mixes outlets. Copies of one story reprinted by many outlets are one event, so a line
 * of the story itself never counts more than once. */
#define LEARNED_DOCS        4
#define LEARNED_EVENTS      3
#define LEARNED_SHARE_PCT   2
#define LEARNED_DOCS_ANON          5
#define LEARNED_EVENTS_ANON        5
#define LEARNED_SHARE_ANON_PERMIL  5
#define LEARNED_EV_MAX      5 /* event ids kept per line: the larger of the two */
#define LEARNED_LINE_MAX    500 /* longer lines (normalized bytes) are text, never counted */
/* A line seen in one document only is forgotten once the ingest's window of the latest
 * documents (link/cluster.h: CLU_ACTIVE_DOCS, 200,000) has moved past that document
 * without a second sighting (learned_evict). Nearly every line of an article is such a
 * line, so this keeps memory and the store flat as the stream grows; an outlet's
 * template line recurs within a few dozen of its documents, far inside the window. */

/* One counted line (source and text kept once it was seen in two documents). */
typedef struct learned_line {
    uint64_t key;        /* hash of source and normalized line (learned_key) */
    char *source, *text; /* owned; NULL while seen in one document only */
    uint32_t docs;       /* documents it appeared in */
    uint32_t n_ev;       /* distinct events among them, counted up to LEARNED_EV_MAX */
    int64_t ev[LEARNED_EV_MAX];
    int64_t last_doc; /* number (ingest order) of the last document it appeared in */
    int marked;       /* learned: boilerplate from now on */
} learned_line;

typedef struct learned learned;

learned *learned_new(void);
void learned_free(learned *l);

/* The key of a line of a document of `source` (NULL: no source), or 0 when the line is
 * not one that is counted (blank, without letters, or over LEARNED_LINE_MAX bytes). The
 * line is compared with blanks collapsed and ASCII letters folded to lowercase. */
uint64_t learned_key(const char *source, const char *line, size_t n);

/* Mark the lines of an analyzed doc learned so far as boilerplate: their ranges join
 * doc->boilerplate, the sentences they make up (at least half of a sentence's bytes) are
 * flagged, and the numbers, time expressions and quotations found in those sentences
 * are dropped. Returns the number of lines marked. */
size_t learned_apply(const learned *l, sf_doc *doc);

/* Count the lines of doc, the document numbered `number` (ingest order, increasing),
 * member of event `event`. Lines reaching the thresholds become marked. */
void learned_observe(learned *l, const sf_doc *doc, int64_t number, int64_t event);

/* Forget the lines seen once, in a document numbered `oldest` or lower; the highest
 * `oldest` given so far (0 before any). */
void learned_evict(learned *l, int64_t oldest);
int64_t learned_evicted(const learned *l);

/* Persistence: the lines changed since learned_saved (each as a learned_line, valid until
 * the next call on l; 0 when that line was forgotten since: nothing to save; a line seen
 * in one document has docs 1), and a stored line taken back (copied). */
size_t learned_n_dirty(const learned *l);
int learned_dirty_line(const learned *l, size_t i, learned_line *out);
void learned_saved(learned *l);
/* The sources and their document counts ("" for the documents without one): i-th into
 * *name (owned by l) and *docs; 1 when it changed since learned_saved. A stored count
 * taken back. */
size_t learned_n_sources(const learned *l);
int learned_source(const learned *l, size_t i, const char **name, int64_t *docs);
void learned_load_source(learned *l, const char *name, int64_t docs);
void learned_load(learned *l, const learned_line *line);

/* The number of lines marked. */
size_t learned_n_marked(const learned *l);

#endif
