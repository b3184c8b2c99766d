/* clean.h — the clean stage: boilerplate ranges and the normalized-body identity.
 * Cleaning marks; it never rewrites the stored text. */
#ifndef SF_CLEAN_H
#define SF_CLEAN_H

#include "storyfold.h"

/* Mark boilerplate lines of doc->text (teasers, photo credits, sign-offs, captions
 * printed twice) into doc->boilerplate (replacing what was there). */
void clean_boilerplate(sf_doc *doc);

/* The document identity: hex XXH3-128 of the body after NFC normalization with runs of
 * whitespace collapsed to one space and the ends trimmed. out gets 32 hex digits. */
void clean_body_id(const char *text, size_t len, char out[33]);

#endif
