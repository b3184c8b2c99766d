/* mojibake.h — undoing UTF-8 encoded twice (mojibake.c). Used by charset.c. */
#ifndef SF_MOJIBAKE_H
#define SF_MOJIBAKE_H

#include <stddef.h>

/* s (valid UTF-8, n bytes) with its twice-encoded runs decoded once, malloc'd, its length
 * in *out_len; NULL when s holds fewer than two such runs (nothing to undo). */
char *mojibake_undo(const char *s, size_t n, size_t *out_len);

#endif
