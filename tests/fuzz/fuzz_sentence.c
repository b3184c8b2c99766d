/* fuzz_sentence.c — libFuzzer target for the sentence splitter (src/text/sentence.c).
 * Checks the sent_split contract on arbitrary bytes: spans in bounds, ordered,
 * non-overlapping, non-empty, trimmed, and only whitespace between them. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/sentence.h"

/* The splitter's whitespace set, restated independently. Returns the length of the
 * whitespace character at p[i] (within [i, lim)), or 0. */
static size_t ws_fwd(const uint8_t *p, size_t i, size_t lim)
{
    uint8_t c = p[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') return 1;
    if (c == 0xC2 && i + 1 < lim && p[i + 1] == 0xA0) return 2;
    if (i + 2 < lim) {
        uint8_t b = p[i + 1], d = p[i + 2];
        if (c == 0xE2 && b == 0x80 &&
            ((d >= 0x80 && d <= 0x8B) || d == 0xA8 || d == 0xA9 || d == 0xAF))
            return 3;
        if (c == 0xE2 && b == 0x81 && d == 0x9F) return 3;
        if (c == 0xE3 && b == 0x80 && d == 0x80) return 3;
        if (c == 0xEF && b == 0xBB && d == 0xBF) return 3;
    }
    return 0;
}

/* Does a whitespace character end exactly at p[e-1]? */
static int ws_ends_at(const uint8_t *p, size_t lo, size_t e)
{
    for (size_t k = 1; k <= 3 && k <= e - lo; k++)
        if (ws_fwd(p, e - k, e) == k) return 1;
    return 0;
}

/* Everything in [a, b) is whitespace. */
static void check_gap(const uint8_t *p, size_t a, size_t b)
{
    while (a < b) {
        size_t w = ws_fwd(p, a, b);
        if (!w) abort();
        a += w;
    }
    if (a != b) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* copy to an exact-size heap buffer so ASan catches any read past the end */
    char *text = malloc(size ? size : 1);
    if (!text) return 0;
    if (size) memcpy(text, data, size);

    sf_span *sp = (sf_span *)&sp;
    size_t n = sent_split(text, size, &sp);
    if (n == 0 && sp != NULL) abort();
    if (n > size) abort();

    const uint8_t *p = (const uint8_t *)text;
    size_t prev = 0;
    for (size_t k = 0; k < n; k++) {
        size_t s = sp[k].start, e = sp[k].end;
        if (!(s < e)) abort();            /* non-empty */
        if (e > size) abort();            /* in bounds */
        if (s < prev) abort();            /* ordered, non-overlapping */
        if (ws_fwd(p, s, e)) abort();     /* trimmed at the start */
        if (ws_ends_at(p, s, e)) abort(); /* trimmed at the end */
        check_gap(p, prev, s);            /* only whitespace between sentences */
        prev = e;
    }
    check_gap(p, prev, size);

    /* deterministic */
    sf_span *sp2 = NULL;
    size_t n2 = sent_split(text, size, &sp2);
    if (n2 != n || (n && memcmp(sp, sp2, n * sizeof *sp) != 0)) abort();

    free(sp2);
    free(sp);
    free(text);
    return 0;
}
