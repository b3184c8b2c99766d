#!/usr/bin/env bash
# bench/ner.sh — named-entity tagging speed on one core: `storyfold tag --conll` over
# CoNLL-2003 eng.testa repeated 20 times (about 1 million tokens), 5 runs; prints each
# run and the median tokens/s over the whole run (reading, tagging both stages, writing),
# and the median time to load the model (a run on empty input, process start included).
# Skips when ../shared is absent.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SF=${STORYFOLD:-./build/storyfold}
IN=../shared/data/conll2003/eng.testa
RUNS=${RUNS:-5}
if [ ! -f "$IN" ]; then echo "bench ner: skipped: $IN is absent"; exit 0; fi
T=$(mktemp -d /tmp/storyfold-bench-ner.XXXXXX)
trap 'rm -rf "$T"' EXIT
for _ in $(seq 20); do cat "$IN"; done >"$T/in.conll"
ntok=$(awk 'NF && $1 != "-DOCSTART-" { n++ } END { print n }' "$T/in.conll")
: >"$T/empty.conll"
echo "bench ner: storyfold tag --conll on eng.testa x 20 ($ntok tokens), $RUNS runs, one core"
for i in $(seq 1 "$RUNS"); do
  /usr/bin/time -f '%e %M' -o "$T/time" taskset -c 0 "$SF" tag --conll "$T/in.conll" >/dev/null
  read -r secs rss < <(tail -n 1 "$T/time")
  t0=$EPOCHREALTIME
  "$SF" tag --conll "$T/empty.conll" >/dev/null
  t1=$EPOCHREALTIME
  awk -v n="$ntok" -v s="$secs" -v r="$rss" -v i="$i" -v a="$t0" -v b="$t1" \
    'BEGIN { printf "run %d: %.2f s: %.0f tokens/s, peak RSS %.0f MB; load %.1f ms\n", i, s, n / s, r / 1024, (b - a) * 1000 }' \
    | tee -a "$T/runs"
done
awk '{ for (i = 1; i <= NF; i++) { if ($i == "tokens/s,") a[NR] = $(i-1); if ($i == "load") l[NR] = $(i+1) } }
  function med(x, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }
    return n % 2 ? x[(n + 1) / 2] : (x[n / 2] + x[n / 2 + 1]) / 2 }
  END { printf "median: %.0f tokens/s (target >= 500000), model load %.1f ms (target < 100)\n", med(a, NR), med(l, NR) }' "$T/runs"
