#!/usr/bin/env bash
# eval/cluster.sh — how well `storyfold cluster` groups articles into events, scored with
# B-cubed P/R/F1 against the gold clusters of two dev sets in ../shared/data:
#   DUC 2004 task 2 dev: 25 topic clusters of 10 dated newswire articles (TREC SGML);
#   Multi-News validation sample: 250 clusters, 690 undated web articles (JSON Lines).
# Prints one line per set. Skips with a message when ../shared is absent.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SF=${STORYFOLD:-./build/storyfold}
D=../shared/data
if [ ! -d "$D" ]; then echo "eval cluster: skipped: ../shared/data is absent"; exit 0; fi
# gate NAME F1 FLOOR: fail make eval when F1 falls below the floor (the last measured
# figure minus noise: DUC 0.814 (2026-11-30), Multi-News 0.835 when the floors were set)
status=0
gate() {
  if awk -v f="$2" -v m="$3" 'BEGIN { exit !(f < m) }'; then
    echo "eval cluster: GATE: $1 B3 F1 $2 fell below $3"; status=1
  fi
}
T=$(mktemp -d /tmp/storyfold-eval.XXXXXX)
trap 'rm -rf "$T"' EXIT

if [ -d "$D/duc2004-dev/docs" ]; then
  "$SF" cluster "$D/duc2004-dev/docs" 2>/dev/null \
    | awk -F'\t' '{ n = split($1, p, "/"); print p[n-1] "\t" $2 }' >"$T/duc"
  read -r P R F n g p < <(awk -f eval/bcubed.awk "$T/duc")
  printf 'cluster duc2004-dev: B3 P %.3f R %.3f F1 %.3f (%d docs, %d gold clusters, %d predicted)\n' "$P" "$R" "$F" "$n" "$g" "$p"
  gate "duc2004-dev" "$F" 0.79
fi
if [ -f "$D/multinews-dev/validation.sample250.jsonl" ]; then
  # one article per line; the id carries the gold cluster: "<cluster>/<k>"
  jq -c '.id as $c | .documents | to_entries[] | {id: "\($c)/\(.key)", text: .value}' \
    "$D/multinews-dev/validation.sample250.jsonl" >"$T/mn.jsonl"
  "$SF" cluster "$T/mn.jsonl" 2>/dev/null >"$T/mn.tsv" || true
  # cluster prints FILE:LINE; map the line back to its gold cluster
  jq -r '.id | split("/")[0]' "$T/mn.jsonl" | awk '{ print NR "\t" $0 }' >"$T/mn.gold"
  awk -F'\t' 'NR == FNR { gold[$1] = $2; next } { n = split($1, a, ":"); print gold[a[n]] "\t" $2 }' \
    "$T/mn.gold" "$T/mn.tsv" >"$T/mn"
  read -r P R F n g p < <(awk -f eval/bcubed.awk "$T/mn")
  printf 'cluster multinews-dev: B3 P %.3f R %.3f F1 %.3f (%d docs, %d gold clusters, %d predicted; undated, copies of one text count once)\n' "$P" "$R" "$F" "$n" "$g" "$p"
  gate "multinews-dev" "$F" 0.82
fi
exit $status
