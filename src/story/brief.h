/* brief.h — the parts of a story's brief (brief.c builds it): what they share, and the
 * part builders, each filling its fields of the brief from b->docs and b->outlet. */
#ifndef SF_STORY_BRIEF_H
#define SF_STORY_BRIEF_H

#include "link/termvec.h"
#include "storyfold.h"

#define ALIGN_MIN 0.6 /* cosine at which two sentences are taken to say the same */

/* Unit term-count vector of sentence si of d (v's storage is reused). */
void story_sentence_vec(const sf_doc *d, size_t si, termvec *v);
/* Independent outlets among the documents docs[0..n) of b (indexes into b->docs). */
int story_outlets(const sf_brief *b, const size_t *docs, size_t n);

/* b->claims (claims.c) and b->timeline (timeline.c); the _free functions release them. */
void story_claims(sf_brief *b);
void story_claims_free(sf_brief *b);
void story_timeline(sf_brief *b);
void story_timeline_free(sf_brief *b);
/* The documents of `story` (its first max_docs, or all when 0), analyzed, with copy_of,
 * reuses and outlet filled; the other parts are left empty. NULL on error (err says why). */
sf_brief *story_brief_load(sf_db *db, int64_t story, size_t max_docs, sf_error *err);
/* Orders timeline events by event time, then report (qsort comparator, timeline.c). */
int story_event_cmp(const void *a, const void *b);
/* The storyline's other events' most reported dated statements, added to b->timeline with
 * their documents appended to b->docs (line.c); needs b->line. */
int story_line_timeline(sf_db *db, sf_brief *b, sf_error *err);
/* b->quotes (quotes.c). */
void story_quotes(sf_brief *b);
void story_quotes_free(sf_brief *b);

#endif
