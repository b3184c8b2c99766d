/* trim.h — a sentence as a summary quotes it: without the words that tell a summary's
 * reader nothing (a dateline, a connective pointing back to a sentence left out, a
 * relative date, an attribution; see trim.c), still cited as exact bytes of its source. */
#ifndef SF_STORY_TRIM_H
#define SF_STORY_TRIM_H

#include "storyfold.h"

/* The excerpt of sentence si of document d (index doc among the story's documents) that
 * a summary quotes; the whole sentence when nothing is cut, or when fewer than min_words
 * words would be left. */
sf_excerpt story_trim(const sf_doc *d, size_t doc, size_t si, int min_words);

/* 1 when byte pos of its document lies in the excerpt's text (in cite.span, in no cut). */
int story_excerpt_keeps(const sf_excerpt *e, uint32_t pos);

/* The words of the excerpt's text as a reader (and ROUGE's -l limit) counts them: runs
 * of non-space bytes, as sf_write_excerpt writes them. */
int story_excerpt_words(const char *text, const sf_excerpt *e);

#endif
