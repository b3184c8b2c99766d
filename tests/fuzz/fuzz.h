/* fuzz.h — what the libFuzzer targets share: CHECK, an invariant that aborts (so that
 * libFuzzer saves the input) when it does not hold, in every build. */
#ifndef SF_FUZZ_H
#define SF_FUZZ_H

#include <stdlib.h>

#define CHECK(c)                                                                                   \
    do {                                                                                           \
        if (!(c)) abort();                                                                         \
    } while (0)

#endif
