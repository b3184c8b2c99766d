/* termvec.h — sparse term vectors: (term hash, weight) pairs sorted by term. The one
 * representation that clustering, sentence similarity and summarization share. */
#ifndef SF_TERMVEC_H
#define SF_TERMVEC_H

#include "storyfold.h"

typedef struct tv_entry {
    uint64_t term;
    float w;
} tv_entry;

typedef struct termvec {
    tv_entry *e;
    size_t n, cap;
} termvec;

/* Term counts of the tokens toks[first, first+n) (term 0 skipped), appended then merged
 * into v; v is left sorted and unique. */
void tv_add_tokens(termvec *v, const sf_token *toks, size_t first, size_t n);
/* Sort by term and merge duplicates (summing weights). */
void tv_normalize_order(termvec *v);
double tv_dot(const termvec *a, const termvec *b);
double tv_norm2(const termvec *v);
/* Scale to unit length (no-op for the zero vector). */
void tv_unit(termvec *v);
/* a += s * b (both sorted); a stays sorted. */
void tv_axpy(termvec *a, double s, const termvec *b);
/* Keep the k heaviest entries (ties by term), still sorted by term. */
void tv_truncate(termvec *v, size_t k);
/* Terms of the k heaviest entries into out (caller's array of k), heaviest first;
 * returns how many. */
size_t tv_top_terms(const termvec *v, size_t k, uint64_t *out);
void tv_free(termvec *v);

#endif
