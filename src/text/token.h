/* token.h — words with byte spans, their normalized terms (casefold, stopwords, stem). */
#ifndef SF_TOKEN_H
#define SF_TOKEN_H

#include "storyfold.h"

/* Append the words of text[start, end) to *toks (array with *n used, *cap allocated),
 * each with its term hash: 0 for stopwords, numbers and one-letter words. */
void tok_scan(const char *text, uint32_t start, uint32_t end, sf_token **toks, size_t *n,
              size_t *cap);

/* The term hash of one word given as bytes (casefolded, NFC, stemmed); 0 when the word
 * is a stopword, a number or too short to mean anything. */
uint64_t tok_term(const char *word, size_t len);

/* Lowercase ASCII/Unicode word into out (NUL-terminated, at most cap-1 bytes); returns
 * length, or 0 if it did not fit. */
size_t tok_fold(const char *word, size_t len, char *out, size_t cap);

/* Release what this thread's term normalization holds (its stemmer); a thread that
 * analyzed documents calls it before it ends. */
void tok_thread_end(void);

#endif
