/* charset.h — a web page's bytes as valid UTF-8: the declared charset found and believed
 * or not, the conversion done with iconv. Used by the HTML reader (html.c); knows nothing
 * of HTML beyond the declarations in its first bytes. */
#ifndef SF_CHARSET_H
#define SF_CHARSET_H

#include <stddef.h>

/* The outcome of charset_utf8: the page as UTF-8 (`data` is the input itself when no
 * change was needed, else `owned`, which the caller frees), and what was decided. */
typedef struct charset_out {
    const char *data; /* valid UTF-8, no NUL byte */
    size_t len;
    char *owned;      /* malloc'd when the bytes were converted or repaired, else NULL */
    size_t skip;      /* bytes of a UTF-8 BOM left out at the start of the input */
    char name[32];    /* the encoding read: "UTF-8", "WINDOWS-1252", "SHIFT_JIS", ... */
    int declared;     /* a charset was declared (BOM, given, <meta>, XML declaration) */
    int repaired;     /* invalid bytes or NULs were replaced (U+FFFD / space) */
} charset_out;

/* Decide the encoding of an HTML page and convert it to UTF-8. Order: a byte-order mark;
 * else <meta charset>, <meta http-equiv content="...; charset=..."> or an XML declaration
 * in the first 4 KiB; else UTF-8 when the bytes are valid UTF-8, windows-1252 when they
 * are not. A declaration is not believed when the bytes say otherwise: a page declared
 * as a single-byte charset whose bytes are valid UTF-8 with multi-byte sequences is read
 * as UTF-8 (the usual lie); ISO-8859-1 and US-ASCII are read as windows-1252, as browsers
 * do. Bytes iconv cannot convert become U+FFFD, NUL bytes become spaces. Never fails. */
void charset_utf8(const char *buf, size_t len, charset_out *out);

/* The same with the charset the page came with from outside (an HTTP Content-Type's
 * charset parameter, as given; NULL or "" when none): as in browsers it comes after a
 * byte-order mark and before the page's own declarations, and is weighed against the
 * bytes the same way. */
void charset_utf8_given(const char *buf, size_t len, const char *given, charset_out *out);

#endif
