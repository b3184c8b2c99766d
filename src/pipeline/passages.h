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

/* Store doc's signature, then the passages it shares with earlier documents of story.
 * doc is the analyzed document stored as number n. */
int passages_link(sf_db *db, const sf_doc *doc, int64_t n, int64_t story, sf_error *err);

#endif
