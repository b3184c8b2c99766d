/* error.c — status names and the error setter. */
#include "core/error.h"

#include <stdarg.h>
#include <stdio.h>

const char *sf_strerror(int code)
{
    switch (code) {
    case SF_OK: return "ok";
    case SF_ENOMEM: return "out of memory";
    case SF_EIO: return "input/output error";
    case SF_EFORMAT: return "malformed input";
    case SF_EDB: return "store error";
    case SF_ENOTFOUND: return "not found";
    case SF_EINVAL: return "invalid argument";
    default: return "unknown error";
    }
}

int sf_fail(sf_error *err, int code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        err->code = code;
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return code;
}
