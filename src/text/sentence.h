/* sentence.h — the sentence splitter for news text (see sentence.c for the rules). */
#ifndef SF_SENTENCE_H
#define SF_SENTENCE_H

#include <stdbool.h>

#include "storyfold.h"

/* Split text[0, len) into sentences. Returns the count and sets *out to a malloc'd array
 * of spans (caller frees), in order, non-overlapping, each trimmed of surrounding
 * whitespace and never empty. Text between sentences is whitespace only. */
size_t sent_split(const char *text, size_t len, sf_span **out);

/* Whether word w[0, n) is an abbreviation the splitter knows ("Mr", "Gen", "Inc", "Jan",
 * "Calif", "U.S", "a.m"), given without its period: the period belongs to the word. */
bool sent_abbrev(const char *w, size_t n);

#endif
