/* passages.h — passage reuse found at ingest: a new document is compared with the
 * recent documents of its own event that share a MinHash band with it, and the passages
 * they share are stored (store.h: signature, passage). */
#ifndef SF_PASSAGES_H
#define SF_PASSAGES_H

#include "storyfold.h"

/* documents of the event looked at (newest first), and aligned at most (most similar
 * first): copies are published close together, and this bounds the cost per document */
#define PASSAGE_RECENT     500
#define PASSAGE_CANDIDATES 4

/* The signatures of each active event's PASSAGE_RECENT most recent members, held in
 * memory so that a new document's candidates are not read back from the store: an
 * event's are loaded from the store the first time it gains a document, then kept. */
typedef struct passages passages;

passages *passages_new(void);
void passages_free(passages *p);
/* Forget everything (the store changed under us, or a batch was rolled back). */
void passages_clear(passages *p);
/* Forget the events whose newest member is numbered `oldest` or lower. */
void passages_evict(passages *p, int64_t oldest);

/* Store doc's signature, then the passages it shares with earlier documents of story.
 * doc is the analyzed document stored as number n. */
int passages_link(passages *p, sf_db *db, const sf_doc *doc, int64_t n, int64_t story,
                  sf_error *err);

#endif
