/* gzip.c — gzip decompression of a whole buffer (zlib), for pages saved as .html.gz. */
#include "core/mem.h"
#include "read/read.h"

#include <stdint.h>
#include <string.h>
#include <zlib.h>

int read_gunzip(const char *buf, size_t len, size_t max, char **out, size_t *out_len,
                const char **why)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 15 + 16) != Z_OK) {
        *why = "corrupt gzip (zlib could not start)";
        return -1;
    }
    sf_buf b = {0};
    sf_grow((void **)&b.data, &b.cap, len * 4 + 4096, 1);
    z.next_in = (unsigned char *)buf;
    z.avail_in = len > UINT32_MAX ? UINT32_MAX : (uInt)len;
    int rc = Z_OK;
    *why = NULL;
    for (;;) {
        if (b.cap - b.len < 4096) sf_grow((void **)&b.data, &b.cap, b.cap * 2, 1);
        z.next_out = (unsigned char *)b.data + b.len;
        z.avail_out = (uInt)(b.cap - b.len - 1);
        rc = inflate(&z, Z_NO_FLUSH);
        b.len = (size_t)((char *)z.next_out - b.data);
        if (b.len > max) {
            *why = "file too large (more than 64 MiB)";
            break;
        }
        if (rc == Z_STREAM_END) {
            /* another member may follow (concatenated gzip files) */
            if (z.avail_in >= 2 && z.next_in[0] == 0x1f && z.next_in[1] == 0x8b) {
                inflateReset(&z);
                continue;
            }
            break;
        }
        if (rc == Z_BUF_ERROR && z.avail_in == 0) {
            *why = "truncated gzip";
            break;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            *why = rc == Z_DATA_ERROR ? "corrupt gzip (invalid compressed data)"
                                      : "corrupt gzip";
            break;
        }
    }
    inflateEnd(&z);
    if (*why) {
        sf_buf_free(&b);
        return -1;
    }
    b.data[b.len] = '\0';
    *out_len = b.len;
    *out = sf_buf_take(&b);
    return 0;
}
