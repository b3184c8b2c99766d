/* title.h — what a story is called: the first document title, else the opening of the
 * first document's first real sentence, clipped at a word. */
#ifndef SF_TITLE_H
#define SF_TITLE_H

#include "storyfold.h"

#define TITLE_MAX 100 /* bytes of a sentence used as a title, before the ellipsis */

/* A new string (caller frees): the first non-empty title among docs[0..n), else the
 * first non-boilerplate sentence of docs[0] (analyzed) on one line, clipped at a word
 * boundary with "…" when longer than TITLE_MAX; "(untitled)" when there is neither. */
char *story_title_new(sf_doc *const *docs, size_t n);

#endif
