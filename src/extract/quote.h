/* quote.h — quotations and who said them (see quote.c for the rules). */
#ifndef SF_QUOTE_H
#define SF_QUOTE_H

#include "storyfold.h"

/* Fill d->quotes (replacing what was there) with the quotations of an analyzed document,
 * outside boilerplate, in text order: each with its kind, cue and speaker mention; a
 * pronoun or description speaker ("he", "the official") resolved by name strings to the
 * nearest compatible person named before it. */
void quote_find(sf_doc *d);

/* Once d->ents is filled (sf_doc_tag): resolve each quote's speaker to a PER entity's
 * canonical name and key. */
void quote_resolve(sf_doc *d);

#endif
