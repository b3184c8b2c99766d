/* fuzz_timex.c — libFuzzer target for time expressions (src/extract/timex.c, timex_value.c).
 * Input that is valid UTF-8 is a document body, analyzed whole by sf_doc_analyze, with a
 * document date taken from its first three bytes (any day from 1900 to 2079, or none).
 * Checked: timexes are ordered and do not overlap, lie inside the text and outside
 * boilerplate, start and end on character boundaries, have a valid type and a NUL-terminated
 * printable-ASCII value, and cover days first <= last (both SF_NO_DAY or neither). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "read/read.h"
#include "storyfold.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (read_utf8_check((const char *)data, size, NULL) != 0) return 0;
    sf_doc *d = fuzz_doc(data, size);
    /* an odd first byte: no date; else bytes 1-2 pick a day from 1900-01-01 (day -25567)
     * into 2079 */
    d->day = size >= 3 && !(data[0] & 1) ? -25567 + (int32_t)(data[1] << 8 | data[2]) : SF_NO_DAY;
    sf_error err = {0};
    if (sf_doc_analyze(d, &err) != SF_OK) {
        sf_doc_free(d);
        return 0;
    }
    uint32_t prev_end = 0;
    for (size_t i = 0; i < d->n_timexes; i++) {
        const sf_timex *x = &d->timexes[i];
        CHECK(x->start >= prev_end && x->start < x->end && x->end <= size);
        CHECK(((unsigned char)d->text[x->start] & 0xC0) != 0x80);
        CHECK(x->end == size || ((unsigned char)d->text[x->end] & 0xC0) != 0x80);
        CHECK(!sf_doc_in_boilerplate(d, x->start));
        CHECK(x->type >= SF_TIMEX_DATE && x->type <= SF_TIMEX_SET);
        CHECK(sf_timex_type_name(x->type)[0] != '\0');
        const char *nul = memchr(x->value, '\0', sizeof x->value);
        CHECK(nul != NULL);
        for (const char *p = x->value; p < nul; p++) CHECK(*p >= 0x20 && *p < 0x7f);
        CHECK((x->first == SF_NO_DAY) == (x->last == SF_NO_DAY));
        CHECK(x->first <= x->last);
        prev_end = x->end;
    }
    sf_doc_free(d);
    return 0;
}
