/* fuzz.h — what the libFuzzer targets share: CHECK, an invariant that aborts (so that
 * libFuzzer saves the input) when it does not hold, in every build; fuzz_doc, the input
 * as a document's text. */
#ifndef SF_FUZZ_H
#define SF_FUZZ_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "storyfold.h"

#define CHECK(c)                                                                                   \
    do {                                                                                           \
        if (!(c)) abort();                                                                         \
    } while (0)

/* A document whose text is a NUL-terminated copy of the input (not analyzed). */
static inline sf_doc *fuzz_doc(const uint8_t *data, size_t size)
{
    sf_doc *d = sf_doc_new();
    d->text = malloc(size + 1);
    if (size) memcpy(d->text, data, size);
    d->text[size] = '\0';
    d->len = size;
    return d;
}

#endif
