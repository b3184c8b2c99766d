/* fuzz_warc.c — libFuzzer target for the WARC reader (warc.c, http.c, window.c). The first
 * byte picks how the rest is read: 0 as a buffer, 1 gzip-compressed first (one member,
 * so that the record parser is fuzzed behind inflate), 2 streamed from a file descriptor.
 * Documents and rejections must keep the reader contract (fuzz.h); the reader must end.
 * Seeds: tests/fuzz/warc-seeds/ (invented archives). */
#include "read/read.h"

#include "fuzz.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    int how = data[0] % 3;
    const char *buf = (const char *)data + 1;
    size_t len = size - 1;
    sf_reader rd = {fuzz_on_doc, fuzz_on_reject, NULL, "2025-01-01", NULL};
    CHECK(read_warc_sniff(buf, len) == 0 || read_warc_sniff(buf, len) == 1);
    if (how == 0) {
        CHECK(read_warc_buf("fuzz.warc", buf, len, &rd) >= 0);
    } else if (how == 1) {
        uLong cap = compressBound((uLong)len) + 32;
        unsigned char *gz = malloc(cap);
        z_stream z;
        memset(&z, 0, sizeof z);
        CHECK(deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
        z.next_in = (unsigned char *)buf;
        z.avail_in = (uInt)len;
        z.next_out = gz;
        z.avail_out = (uInt)cap;
        CHECK(deflate(&z, Z_FINISH) == Z_STREAM_END);
        size_t n = cap - z.avail_out;
        deflateEnd(&z);
        CHECK(read_warc_buf("fuzz.warc.gz", (const char *)gz, n, &rd) >= 0);
        free(gz);
    } else {
        FILE *f = tmpfile();
        CHECK(f != NULL);
        CHECK(fwrite(buf, 1, len, f) == len && fflush(f) == 0);
        CHECK(lseek(fileno(f), 0, SEEK_SET) == 0);
        CHECK(read_warc_fd("fuzz.warc", fileno(f), &rd) >= 0);
        fclose(f);
    }
    return 0;
}
