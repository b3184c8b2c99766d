/* fuzz_quote.c — libFuzzer target for quotations (src/extract/quote.c, speaker.c). Input
 * that is valid UTF-8 is analyzed whole by sf_doc_analyze: quotations must be ordered and
 * disjoint, non-empty, inside the text, start and end on code point boundaries, of a valid
 * kind, and their cue, speaker and name spans empty or inside the text on boundaries.
 * Then every capitalized word becomes a PER entity (in text order, keyed by canon_key,
 * every third one named by the previous one's span) and quote_resolve must keep the same
 * invariants, with any key it sets being one of those entities'. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/quote.h"
#include "fuzz.h"
#include "ner/canon.h"
#include "read/read.h"

static int boundary(const char *t, size_t n, uint32_t i)
{
    return i == n || (i < n && ((unsigned char)t[i] & 0xC0) != 0x80);
}

static void span_ok(const sf_doc *d, uint32_t s, uint32_t e)
{
    CHECK(s <= e && e <= d->len);
    if (s < e) CHECK(boundary(d->text, d->len, s) && boundary(d->text, d->len, e));
}

static void check(const sf_doc *d, int resolved)
{
    uint32_t prev = 0;
    for (size_t i = 0; i < d->n_quotes; i++) {
        const sf_quote *q = &d->quotes[i];
        CHECK(q->start < q->end && q->end <= d->len && q->start >= prev);
        CHECK(boundary(d->text, d->len, q->start) && boundary(d->text, d->len, q->end));
        CHECK(q->kind == SF_QUOTE_DIRECT || q->kind == SF_QUOTE_PARTIAL);
        span_ok(d, q->cue_start, q->cue_end);
        span_ok(d, q->speaker_start, q->speaker_end);
        span_ok(d, q->name_start, q->name_end);
        if (q->key) {
            CHECK(resolved);
            int found = 0;
            for (size_t k = 0; k < d->n_ents; k++) found |= d->ents[k].key == q->key;
            CHECK(found);
        }
        prev = q->end;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (read_utf8_check((const char *)data, size, NULL) != 0) return 0;
    sf_doc *d = fuzz_doc(data, size);
    if (sf_doc_analyze(d, &(sf_error){0}) != SF_OK) {
        sf_doc_free(d);
        return 0;
    }
    check(d, 0);

    /* fabricated entities: capitalized ASCII words */
    size_t cap = 0;
    for (size_t i = 0; i < size;) {
        if (data[i] < 'A' || data[i] > 'Z' || (i > 0 && data[i - 1] >= 'A' && data[i - 1] <= 'z')) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < size && ((data[j] | 0x20) >= 'a' && (data[j] | 0x20) <= 'z')) j++;
        if (d->n_ents == cap) {
            cap = cap ? cap * 2 : 16;
            d->ents = realloc(d->ents, cap * sizeof *d->ents);
        }
        sf_entity *e = &d->ents[d->n_ents];
        *e = (sf_entity){(uint32_t)i, (uint32_t)j, (uint8_t)(d->n_ents % 5 == 4 ? SF_ENT_ORG : SF_ENT_PER),
                         (uint32_t)i, (uint32_t)j, canon_key(d->text + i, j - i)};
        if (d->n_ents % 3 == 2) { /* named by the previous mention */
            e->name_start = d->ents[d->n_ents - 1].name_start;
            e->name_end = d->ents[d->n_ents - 1].name_end;
            e->key = d->ents[d->n_ents - 1].key;
        }
        d->n_ents++;
        i = j;
    }
    quote_resolve(d);
    check(d, 1);
    quote_resolve(d); /* idempotent enough not to break anything when run again */
    check(d, 1);
    sf_doc_free(d);
    return 0;
}
