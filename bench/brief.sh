#!/usr/bin/env bash
# bench/brief.sh — how long one story of 1,000 articles takes to brief (`storyfold show`:
# load, analyze again, summarize, align, figures, quotes, timeline; Markdown, JSON and
# HTML), 5 runs each, medians. The story is made from the invented dam-burst reports in
# examples/: 334 edited copies of each (a different seventh of the sentences dropped per
# copy, and a closing line of its own, so that no two are identical), interleaved, from
# 40 outlets, ingested into a fresh store (not timed). The translated report's copies
# form a story of their own, so the largest story holds about 1,000 articles: the one
# briefed. Target: under 1 s.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SF=${STORYFOLD:-./build/storyfold}
RUNS=${RUNS:-5}
T=$(mktemp -d /tmp/storyfold-bench-brief.XXXXXX)
trap 'rm -rf "$T"' EXIT
"$SF" extract examples/flood/ examples/wire.sgml 2>/dev/null | jq -c 'select(.text | test("Kestrel"))' >"$T/base.jsonl"
jq -s -c '. as $all | range(0; 334) as $r | $all[] | . as $d
  | {id: "v\($r)-\($d.id[0:8])", source: "Outlet \($r % 40)", date: $d.date, title: $d.title,
     text: (([$d.sentences | to_entries[] | select(((.key * 31 + $r * 17) % 7) != 0) | .value]
             | map($d.text[.[0]:.[1]]) | join(" ")) + "\n\nFiled by desk \($r) of Outlet \($r % 40).")}' \
  "$T/base.jsonl" >"$T/story.jsonl"
"$SF" ingest --db "$T/s.db" "$T/story.jsonl" 2>/dev/null
read -r id n < <("$SF" stories --db "$T/s.db" --json | jq -s -r 'sort_by(-.articles) | .[0] | "\(.id) \(.articles)"')
echo "bench: brief of one story of $n articles (of $(wc -l <"$T/story.jsonl") ingested), $RUNS runs per format"
for f in md json html; do
  : >"$T/runs"
  for i in $(seq 1 "$RUNS"); do
    /usr/bin/time -f '%e %M' -o "$T/time" "$SF" show --db "$T/s.db" "$id" --format "$f" >"$T/out"
    tail -n 1 "$T/time" >>"$T/runs"
  done
  sort -n "$T/runs" | awk -v f="$f" -v n="$n" -v b="$(wc -c <"$T/out")" '{ s[NR] = $1; r[NR] = $2 }
    END { m = NR % 2 ? s[(NR + 1) / 2] : (s[NR / 2] + s[NR / 2 + 1]) / 2
          printf "median, --format %s: %.2f s for %d articles (%d bytes out, peak RSS %.0f MB; target: < 1 s)\n", f, m, n, b, r[1] / 1024 }'
done
