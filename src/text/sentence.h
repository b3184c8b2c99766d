/* sentence.h — the sentence splitter for news text (see sentence.c for the rules). */
#ifndef SF_SENTENCE_H
#define SF_SENTENCE_H

#include "storyfold.h"

/* Split text[0, len) into sentences. Returns the count and sets *out to a malloc'd array
 * of spans (caller frees), in order, non-overlapping, each trimmed of surrounding
 * whitespace and never empty. Text between sentences is whitespace only. */
size_t sent_split(const char *text, size_t len, sf_span **out);

#endif
