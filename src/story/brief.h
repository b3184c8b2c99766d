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
/* b->quotes (quotes.c). */
void story_quotes(sf_brief *b);
void story_quotes_free(sf_brief *b);

#endif
