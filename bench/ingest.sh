#!/usr/bin/env bash
# bench/ingest.sh — ingest throughput: ../shared/data/corpora (Reuters-21578 + BBC, about
# 21,000 articles) into a fresh SQLite store, 5 runs; prints each run and the medians of
# articles/s, MB/s (input bytes) and peak RSS, using all cores and pinned to one. Every
# article is also tagged for named entities (about half the work; bench/ner.sh measures
# the tagger alone). Skips when ../shared is absent.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SF=${STORYFOLD:-./build/storyfold}
DATA=${DATA:-../shared/data/corpora}
RUNS=${RUNS:-5}
if [ ! -d "$DATA" ]; then
  echo "bench: skipped: $DATA is absent (the benchmark corpora live in ../shared, beside the repo)"
  exit 0
fi
T=$(mktemp -d /tmp/storyfold-bench.XXXXXX)
trap 'rm -rf "$T"' EXIT
bytes=$(find "$DATA" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
echo "bench: ingest $DATA ($(awk -v b="$bytes" 'BEGIN {printf "%.1f MB", b / 1e6}')), $RUNS runs, fresh store each"
# mode "all": as users run it (analysis and tagging on a worker thread beside the reading,
# clustering and storing one); mode "one core": the same pinned to one CPU
for mode in all one; do
  pin=""; [ "$mode" = one ] && pin="taskset -c 0"
  : >"$T/runs"
  for i in $(seq 1 "$RUNS"); do
    rm -f "$T"/b.db*
    /usr/bin/time -f '%e %M' -o "$T/time" $pin "$SF" ingest --db "$T/b.db" "$DATA" 2>"$T/err" || true
    read -r secs rss < <(tail -n 1 "$T/time")  # a first line may report the exit status
    n=$(sed -n 's/^\([0-9]*\) articles read.*/\1/p' "$T/err")
    awk -v n="$n" -v s="$secs" -v b="$bytes" -v r="$rss" -v i="$i" -v m="$mode" \
      'BEGIN {printf "%s run %d: %d articles in %.2f s: %.0f articles/s, %.1f MB/s, peak RSS %.0f MB\n", (m == "one" ? "one core," : "all cores,"), i, n, s, n / s, b / 1e6 / s, r / 1024}' \
      | tee -a "$T/runs"
  done
  awk -v m="$mode" '{ for (i = 1; i <= NF; i++) { if ($i == "articles/s,") a[NR] = $(i-1); if ($i == "MB/s,") mb[NR] = $(i-1); if ($i == "RSS") r[NR] = $(i+1) } }
    function med(x, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }
      return n % 2 ? x[(n + 1) / 2] : (x[n / 2] + x[n / 2 + 1]) / 2 }
    END { printf "median, %s: %.0f articles/s, %.1f MB/s, peak RSS %.0f MB (target: >= %s articles/s)\n", (m == "one" ? "one core" : "all cores"), med(a, NR), med(mb, NR), med(r, NR), (m == "one" ? "1500" : "3000") }' "$T/runs"
done
