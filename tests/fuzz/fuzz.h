/* fuzz.h — what the libFuzzer targets share: CHECK, an invariant that aborts (so that
 * libFuzzer saves the input) when it does not hold, in every build; fuzz_doc, the input
 * as a document's text; fuzz_reader, callbacks that hold every delivered document and
 * every rejection to the reader contract (read.h). */
#ifndef SF_FUZZ_H
#define SF_FUZZ_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "read/read.h"
#include "storyfold.h"

#define CHECK(c)                                                                                   \
    do {                                                                                           \
        if (!(c)) abort();                                                                         \
    } while (0)

/* A document whose text is a NUL-terminated copy of the input (not analyzed). */
static inline sf_doc *fuzz_doc(const uint8_t *data, size_t size)
{
    sf_doc *d = sf_doc_new();
    d->text = malloc(size + 1);
    if (size) memcpy(d->text, data, size);
    d->text[size] = '\0';
    d->len = size;
    return d;
}

static inline void fuzz_check_str(const char *s)
{
    CHECK(!s || read_utf8_check(s, strlen(s), NULL) == 0);
}

/* A delivered document: valid UTF-8 text without NUL bytes, a path, metadata strings in
 * UTF-8, a "YYYY-MM-DD" date (or none) and its day number. Frees it. */
static inline int fuzz_on_doc(sf_doc *d, void *ctx)
{
    (void)ctx;
    CHECK(d->text && d->path && d->len > 0 && strlen(d->text) == d->len);
    CHECK(read_utf8_check(d->text, d->len, NULL) == 0);
    fuzz_check_str(d->ext_id);
    fuzz_check_str(d->title);
    fuzz_check_str(d->source);
    fuzz_check_str(d->url);
    fuzz_check_str(d->author);
    fuzz_check_str(d->lang);
    if (d->date) {
        char ymd[11];
        CHECK(strlen(d->date) == 10 && sf_date_parse(d->date, ymd) == 0 && !strcmp(ymd, d->date));
        CHECK(d->day == sf_date_day(d->date));
    } else {
        CHECK(d->day == SF_NO_DAY);
    }
    sf_doc_free(d);
    return 0;
}

/* A rejection names the input, where (maybe "") and a reason. */
static inline void fuzz_on_reject(const char *path, const char *where, const char *reason,
                                  void *ctx)
{
    (void)ctx;
    CHECK(path && path[0] && where && reason && reason[0]);
}

#endif
