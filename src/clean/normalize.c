/* normalize.c — the normalized body that keys a document: NFC (utf8proc), whitespace
 * collapsed, trimmed; hashed with XXH3-128. Two copies of one article that differ only
 * in Unicode composition or line wrapping get the same id. */
#include "clean/clean.h"

#include "core/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <utf8proc.h>
#include <xxhash.h>

static int is_space(const unsigned char *p, size_t left, size_t *k)
{
    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v') {
        *k = 1;
        return 1;
    }
    if (left >= 2 && p[0] == 0xC2 && p[1] == 0xA0) { /* no-break space */
        *k = 2;
        return 1;
    }
    return 0;
}

void clean_body_id(const char *text, size_t len, char out[33])
{
    const unsigned char *src = (const unsigned char *)text;
    utf8proc_uint8_t *nfc = NULL;
    int ascii = 1;
    for (size_t i = 0; i < len; i++)
        if (src[i] >= 128) {
            ascii = 0;
            break;
        }
    if (!ascii) {
        utf8proc_ssize_t n =
            utf8proc_map(src, (utf8proc_ssize_t)len, &nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        if (n >= 0) {
            src = nfc;
            len = (size_t)n;
        }
    }
    XXH3_state_t *st = XXH3_createState();
    if (!st) abort();
    XXH3_128bits_reset(st);
    size_t i = 0, k;
    int pending_space = 0, any = 0;
    while (i < len) {
        if (is_space(src + i, len - i, &k)) {
            pending_space = any;
            i += k;
            continue;
        }
        size_t j = i;
        while (j < len && !is_space(src + j, len - j, &k)) j++;
        if (pending_space) XXH3_128bits_update(st, " ", 1);
        XXH3_128bits_update(st, src + i, j - i);
        pending_space = 0;
        any = 1;
        i = j;
    }
    XXH128_hash_t h = XXH3_128bits_digest(st);
    XXH3_freeState(st);
    free(nfc);
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)h.high64, (unsigned long long)h.low64);
}
