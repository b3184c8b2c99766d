/* cp.h — code points for the quotation finder (quote.c, speaker.c): decoding at and before
 * a byte, and the classes it reads (whitespace, letters and digits, quotation marks). */
#ifndef SF_CP_H
#define SF_CP_H

#include <stddef.h>
#include <stdint.h>

/* The code point starting at p[i], its byte length in *len; -1 (len 0) when i >= n, and
 * U+FFFD (len 1) for a byte that starts no valid sequence. */
int32_t cp_at(const unsigned char *p, size_t i, size_t n, size_t *len);

/* The code point ending right before p[i]: -1 at the start, U+FFFD when invalid. */
int32_t cp_before(const unsigned char *p, size_t i);

/* ASCII whitespace, U+00A0, U+2000-U+200B, U+2028/9, U+202F, U+205F, U+3000, U+FEFF. */
int cp_is_space(int32_t c);

/* A letter, digit or combining mark (Unicode categories L*, N*, Mn, Mc). */
int cp_is_alnum(int32_t c);

/* A quotation mark: " ' ` “ ” „ ‘ ’ « ». */
int cp_is_quote(int32_t c);

#endif
