/* quote.c — quotations, their kind, cue and speaker. */
#include "extract/quote.h"

#include <stdlib.h>

void quote_find(sf_doc *d)
{
    free(d->quotes);
    d->quotes = NULL;
    d->n_quotes = 0;
}

void quote_resolve(sf_doc *d)
{
    (void)d;
}
