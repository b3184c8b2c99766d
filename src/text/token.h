/* token.h — words with byte spans, their normalized terms (casefold, stopwords, stem),
 * per language. */
#ifndef SF_TOKEN_H
#define SF_TOKEN_H

#include "storyfold.h"

/* How a language's words become terms: its Snowball stemmer and stop list. */
typedef struct tok_lang tok_lang;

/* The rules for an ISO 639-1 code ("fr"); NULL (unknown) gets English's, and a language
 * without a stemmer gets casefolding alone. Never NULL; static, shared by all threads. */
const tok_lang *tok_lang_get(const char *code);
/* 1 when the language's words are stemmed. */
int tok_lang_stems(const tok_lang *lang);

/* Append the words of text[start, end) to *toks (array with *n used, *cap allocated),
 * each with its term hash in language lang (NULL: English): 0 for stopwords, numbers and
 * one-letter words. */
void tok_scan(const char *text, uint32_t start, uint32_t end, const tok_lang *lang,
              sf_token **toks, size_t *n, size_t *cap);

/* The term hash of one word given as bytes (casefolded, NFC, elision dropped, stemmed)
 * in language lang (NULL: English); 0 when the word is a stopword, a number or too short
 * to mean anything. The same word may get different terms in two languages. */
uint64_t tok_term(const char *word, size_t len, const tok_lang *lang);

/* Lowercase ASCII/Unicode word into out (NUL-terminated, at most cap-1 bytes); returns
 * length, or 0 if it did not fit. */
size_t tok_fold(const char *word, size_t len, char *out, size_t cap);

/* Release what this thread's term normalization holds (its stemmers); a thread that
 * analyzed documents calls it before it ends. */
void tok_thread_end(void);

#endif
