#!/usr/bin/env bash
# bench/warc.sh — a 1 GB WARC streamed: builds a crawl-like .warc.gz in /tmp at run time
# (one gzip member per record, as crawlers write them) from the HTML pages of
# ../shared/data/wcxb-dev and aeb-dev, repeated under varied URIs until the WARC holds
# WARC_MB megabytes (default 1000), then times `storyfold extract` and `storyfold ingest`
# on it: MB/s of WARC bytes (inflated), articles, peak RSS, against the bar of issue 5
# (under 200 MB RSS). The archive is deleted afterwards. Skips when ../shared is absent.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SF=${STORYFOLD:-./build/storyfold}
DATA=${DATA:-../shared/data}
WARC_MB=${WARC_MB:-1000}
if [ ! -d "$DATA/wcxb-dev/html" ]; then
  echo "bench: warc skipped: $DATA/wcxb-dev/html is absent (the pages live in ../shared, beside the repo)"
  exit 0
fi
T=$(mktemp -d /tmp/storyfold-warc.XXXXXX)
trap 'rm -rf "$T"' EXIT

# the archive: each page as an HTTP 200 response record (request records between, as a
# crawler writes them), gzip level 1 per record to keep the build quick
python3 - "$T/crawl.warc.gz" "$WARC_MB" "$DATA" <<'PY'
import glob, gzip, os, sys, zlib
out, target, data = sys.argv[1], int(float(sys.argv[2]) * 1e6), sys.argv[3]
pages = sorted(glob.glob(data + '/wcxb-dev/html/*.html.gz')) + sorted(glob.glob(data + '/aeb-dev/html/*.html.gz'))
total = n = rnd = 0
def record(f, typ, uri, ctype, block):
    global total, n
    n += 1
    head = ('WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%08x-0000-4000-8000-%012x>\r\n'
            'WARC-Date: 2025-04-01T10:00:00Z\r\nWARC-Target-URI: %s\r\nContent-Type: %s\r\n'
            'Content-Length: %d\r\n\r\n' % (typ, n, rnd, uri, ctype, len(block))).encode()
    rec = head + block + b'\r\n\r\n'
    total += len(rec)
    z = zlib.compressobj(1, zlib.DEFLATED, 31)
    f.write(z.compress(rec) + z.flush())
with open(out, 'wb') as f:
    while total < target:
        for p in pages:
            html = gzip.open(p).read()
            host = 'site%d.example' % rnd
            uri = 'https://%s/%s' % (host, os.path.basename(p)[:-8])
            record(f, 'request', uri, 'application/http; msgtype=request',
                   ('GET /%s HTTP/1.1\r\nHost: %s\r\n\r\n' % (os.path.basename(p)[:-8], host)).encode())
            record(f, 'response', uri, 'application/http; msgtype=response',
                   b'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n' % len(html) + html)
            if total >= target:
                break
        rnd += 1
PY
warc_bytes=$(gzip -dc "$T/crawl.warc.gz" | wc -c)
gz_bytes=$(wc -c <"$T/crawl.warc.gz")
echo "bench: warc: $(awk -v b="$warc_bytes" -v g="$gz_bytes" 'BEGIN {printf "%.0f MB WARC (%.0f MB as .warc.gz, one gzip member per record)", b / 1e6, g / 1e6}')"
for cmd in extract ingest; do
  rm -f "$T"/w.db*
  if [ "$cmd" = extract ]; then
    { /usr/bin/time -f '%e %M' -o "$T/time" "$SF" extract "$T/crawl.warc.gz" 2>"$T/err" || true; } | wc -l >"$T/n"
    what="$(cat "$T/n") articles, $(grep -c 'no article text' "$T/err" || true) pages without article text"
  else
    /usr/bin/time -f '%e %M' -o "$T/time" "$SF" ingest --quiet --db "$T/w.db" "$T/crawl.warc.gz" 2>"$T/err" || true
    what="$(sqlite3 "$T/w.db" 'select count(*) from doc') distinct articles stored"
  fi
  read -r secs rss < <(tail -n 1 "$T/time")
  awk -v c="$cmd" -v s="$secs" -v b="$warc_bytes" -v r="$rss" -v w="$what" \
    'BEGIN {printf "warc %s: %.1f s, %.1f MB/s of WARC, peak RSS %.0f MB (bar: < 200 MB: %s); %s\n", c, s, b / 1e6 / s, r / 1024, (r / 1024 < 200 ? "met" : "MISSED"), w}'
done
