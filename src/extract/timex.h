/* timex.h — time expressions (TimeML TIMEX3): found in an analyzed document and normalized
 * against its date (see timex.c for the rules). */
#ifndef SF_TIMEX_H
#define SF_TIMEX_H

#include "storyfold.h"

/* Fill d->timexes (replacing what was there) with the time expressions of an analyzed
 * document (text split into sentences, boilerplate marked), outside boilerplate, in text
 * order, with values resolved against d->day (SF_NO_DAY: relative values stay unresolved,
 * e.g. "XXXX-WXX-5" for "Friday"). */
void timex_find(sf_doc *d);

#endif
