/* fuzz_feed.c — libFuzzer target for the feed reader (feed.c, fragment.c): the input is
 * a feed. Documents and rejections must keep the reader contract (fuzz.h); the sniffer
 * must answer without reading past the input; the HTML fragment writer must give valid
 * UTF-8 for any UTF-8 input. Seeds: tests/fuzz/feed-seeds/ (invented feeds). */
#include "read/fragment.h"
#include "read/read.h"

#include "fuzz.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *buf = (const char *)data;
    (void)read_feed_sniff(buf, size);
    sf_reader rd = {fuzz_on_doc, fuzz_on_reject, NULL, NULL, NULL};
    CHECK(read_feed_buf("fuzz.rss", buf, size, &rd) >= 0);
    if (read_utf8_check(buf, size, NULL) == 0) {
        sf_buf out = {0};
        frag_html(buf, size, &out);
        CHECK(read_utf8_check(out.data ? out.data : "", out.len, NULL) == 0);
        sf_buf_free(&out);
    }
    return 0;
}
