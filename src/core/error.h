/* error.h — filling an sf_error: one place formats "file: where: reason". */
#ifndef SF_ERROR_H
#define SF_ERROR_H

#include "storyfold.h"

/* Set err (if not NULL) and return code, so callers can `return sf_fail(err, ...)`. */
int sf_fail(sf_error *err, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
