/* fuzz_read.c — libFuzzer target for the readers. The first byte picks the reader (0: text,
 * 1: JSON Lines, 2: SGML, 3: all three); the rest is the input. Every delivered document
 * must hold valid UTF-8 text with no NUL byte inside (len == strlen), a path, metadata
 * strings that are valid UTF-8, a "YYYY-MM-DD" date (or none) and a matching day number.
 * Every rejection must carry a path, a where and a non-empty reason. */
#include "core/date.h"
#include "read/read.h"
#include "storyfold.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void check_str(const char *s)
{
    if (s && read_utf8_check(s, strlen(s), NULL) != 0) abort();
}

static int on_doc(sf_doc *d, void *ctx)
{
    (void)ctx;
    if (!d->text || !d->path || d->len == 0) abort();
    if (strlen(d->text) != d->len) abort(); /* no NUL inside */
    if (read_utf8_check(d->text, d->len, NULL) != 0) abort();
    check_str(d->ext_id);
    check_str(d->title);
    check_str(d->source);
    check_str(d->url);
    check_str(d->author);
    check_str(d->lang);
    if (d->date) {
        char ymd[11];
        if (strlen(d->date) != 10 || sf_date_parse(d->date, ymd) != 0 || strcmp(ymd, d->date))
            abort();
        if (d->day != sf_date_day(d->date)) abort();
    } else if (d->day != SF_NO_DAY) {
        abort();
    }
    sf_doc_free(d);
    return 0;
}

static void on_reject(const char *path, const char *where, const char *reason, void *ctx)
{
    (void)ctx;
    if (!path || !where || !reason || !reason[0]) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    int which = data[0] & 3;
    const char *buf = (const char *)data + 1;
    size_t len = size - 1;
    sf_reader rd = {on_doc, on_reject, NULL, NULL, NULL};
    if (which == 0 || which == 3)
        if (read_text_buf("fuzz.txt", buf, len, &rd) < 0) abort();
    if (which == 1 || which == 3)
        if (read_jsonl_buf("fuzz.jsonl", buf, len, &rd) < 0) abort();
    if (which == 2 || which == 3)
        if (read_sgml_buf("fuzz.sgml", buf, len, &rd) < 0) abort();
    return 0;
}
