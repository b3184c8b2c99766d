/* timex.c — time expressions: detection and TIMEX3 normalization. */
#include "extract/timex.h"

#include <stdlib.h>

const char *sf_timex_type_name(int type)
{
    static const char *const names[] = {"", "DATE", "TIME", "DURATION", "SET"};
    return type >= SF_TIMEX_DATE && type <= SF_TIMEX_SET ? names[type] : "";
}

void timex_find(sf_doc *d)
{
    free(d->timexes);
    d->timexes = NULL;
    d->n_timexes = 0;
}
