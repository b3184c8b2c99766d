/* mojibake.c — UTF-8 text encoded twice undone: a page's UTF-8 bytes once read as
 * windows-1252 or Latin-1 and written out again as UTF-8 ("Investorâ€™s" for
 * "Investor’s", "cafÃ©" for "café"). Each run of such characters that spells a valid
 * multi-byte UTF-8 sequence, byte by byte, becomes that sequence; only on a page with two
 * such runs at least, as one alone may be meant ("Ã©" in a list of symbols). */
#include "read/mojibake.h"

#include "core/mem.h"

#include <stdlib.h>
#include <string.h>

/* windows-1252's characters for the bytes 0x80-0x9F (0 where it has none: a C1 control
 * stands for the byte then, as in Latin-1). */
static const unsigned short CP1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

/* The character at s (valid UTF-8, n bytes left) as the single byte it was before the
 * second encoding, with its length in *len; -1 when it stands for no byte 0x80-0xFF. */
static int byte_of(const unsigned char *s, size_t n, size_t *len)
{
    unsigned cp;
    if (n >= 2 && (s[0] == 0xC2 || s[0] == 0xC3)) {
        cp = ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu);
        *len = 2;
        return (int)cp; /* U+0080-U+00FF: Latin-1 and the C1 controls */
    }
    if (n >= 2 && s[0] >= 0xC4 && s[0] <= 0xDF)
        cp = ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu), *len = 2;
    else if (n >= 3 && (s[0] & 0xF0) == 0xE0)
        cp = ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu), *len = 3;
    else
        return -1;
    for (int b = 0; b < 32; b++)
        if (CP1252[b] == cp) return 0x80 + b;
    return -1;
}

/* The length of the run at s that spells one UTF-8 sequence, its bytes into out (4 at
 * most, *olen of them); 0 when there is none. */
static size_t run_at(const unsigned char *s, size_t n, unsigned char out[4], size_t *olen)
{
    size_t l;
    int lead = byte_of(s, n, &l);
    if (lead < 0xC2 || lead > 0xF4) return 0;
    size_t need = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3, used = l;
    out[0] = (unsigned char)lead;
    for (size_t k = 1; k <= need; k++) {
        int b = byte_of(s + used, n - used, &l);
        if (b < 0x80 || b > 0xBF) return 0;
        out[k] = (unsigned char)b;
        used += l;
    }
    /* the bytes must make a character UTF-8 allows (no overlong form, no surrogate) */
    if ((lead == 0xE0 && out[1] < 0xA0) || (lead == 0xED && out[1] > 0x9F) ||
        (lead == 0xF0 && out[1] < 0x90) || (lead == 0xF4 && out[1] > 0x8F))
        return 0;
    *olen = need + 1;
    return used;
}

char *mojibake_undo(const char *s, size_t n, size_t *out_len)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char seq[4];
    size_t sl, found = 0;
    for (const unsigned char *p = u; (p = memchr(p, 0xC3, n - (size_t)(p - u))) != NULL; p++)
        if (p[1] >= 0x82 && p[1] <= 0xB4 && run_at(p, n - (size_t)(p - u), seq, &sl) &&
            ++found == 2)
            break;
    if (found < 2) return NULL;
    sf_buf b = {0};
    sf_grow((void **)&b.data, &b.cap, n + 1, 1);
    size_t i = 0, run = 0; /* bytes [run, i) not yet copied */
    while (i < n) {
        const unsigned char *p = memchr(u + i, 0xC3, n - i);
        if (!p) break;
        i = (size_t)(p - u);
        size_t used = p[1] >= 0x82 && p[1] <= 0xB4 ? run_at(p, n - i, seq, &sl) : 0;
        if (!used) {
            i++;
            continue;
        }
        sf_buf_add(&b, s + run, i - run);
        sf_buf_add(&b, (const char *)seq, sl);
        i += used;
        run = i;
    }
    sf_buf_add(&b, s + run, n - run);
    *out_len = b.len;
    return sf_buf_take(&b);
}
