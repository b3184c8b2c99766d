/* number.h — numeric claims in a sentence: "more than 120,000 have fled", "$5 million",
 * "198 people, including three children, have died" (see number.c for the rules). */
#ifndef SF_NUMBER_H
#define SF_NUMBER_H

#include <stddef.h>
#include <stdint.h>

#include "ner/ner.h"
#include "storyfold.h"

/* Append the numeric claims of text[start, end) (one sentence, valid UTF-8) to *out (*n used,
 * *cap allocated), in text order. Offsets are into text. */
void num_extract(const char *text, uint32_t start, uint32_t end, sf_number **out, size_t *n,
                 size_t *cap);

/* A written number at toks t[i] of t[0, n) ("twenty-one", "twenty" "one", "three hundred and
 * fifty", "a dozen"; lowercase unless t[i] opens the sentence; not vague amounts): 1 with its
 * value and the token after it in *next, else 0. */
int num_words(const ner_tok *t, size_t n, size_t i, double *value, size_t *next);

#endif
