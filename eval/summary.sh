#!/usr/bin/env bash
# eval/summary.sh — how good `storyfold summarize --words 100` summaries are, scored with
# ROUGE on the DUC 2004 task 2 dev set (25 clusters of 10 newswire articles, 4 human
# 100-word references each) beside the 13 published systems' summaries of the same
# clusters (../shared/data/duc2004-dev/baselines), all with one scorer: eval/rouge.c,
# which replicates ROUGE-1.5.5 -n 2 -2 4 -u -m -l 100 -f A -a (recall, average over
# clusters). Prints one table sorted by R-2, storyfold's row marked '*', with the
# published ROUGE-1.5.5 figures beside the five systems they are known for.
# Skips with a message when the data is absent; builds nothing: it expects
# ${ROUGE:-./build/eval/rouge} and ${STORYFOLD:-./build/storyfold}.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SF=${STORYFOLD:-./build/storyfold}
RG=${ROUGE:-./build/eval/rouge}
D=../shared/data/duc2004-dev
if [ ! -d "$D/docs" ] || [ ! -d "$D/models" ] || [ ! -d "$D/baselines" ]; then
  echo "eval summary: skipped: $D is absent"
  exit 0
fi
if [ ! -x "$RG" ]; then
  echo "eval summary: $RG is not built (make $RG)" >&2
  exit 1
fi
if [ ! -x "$SF" ]; then
  echo "eval summary: $SF is not built" >&2
  exit 1
fi
T=$(mktemp -d /tmp/storyfold-summary.XXXXXX)
trap 'rm -rf "$T"' EXIT

# ROUGE-1.5.5 -m consults WordNet's exception lists before Porter; Debian's wordnet-base
# has them. Without them eval/rouge warns, and R-1 reads about 0.3 below ROUGE-1.5.5.
EXC=()
[ -n "${ROUGE_EXCEPTIONS:-}" ] && EXC=(--exceptions "$ROUGE_EXCEPTIONS")

# list_for NAME PEERDIR SUFFIX: TOPIC<TAB>PEER<TAB>REFS... for every cluster with references
list_for() {
  local name=$1 dir=$2 suffix=$3 c refs
  : >"$T/$name.lst"
  for c in $(ls "$D/models" | sed -n 's/^\([^.]*\)\.m\..*/\1/p' | sort -u); do
    [ -f "$dir/$c$suffix" ] || continue
    refs=$(ls "$D/models/$c".m.* | tr '\n' '\t')
    printf '%s\t%s\t%s\n' "$c" "$dir/$c$suffix" "${refs%$'\t'}" >>"$T/$name.lst"
  done
}

# storyfold's summaries: one per cluster directory docs/<cluster>t, one sentence a line
mkdir -p "$T/storyfold"
nfail=0
for dir in "$D"/docs/*/; do
  dir=${dir%/}
  c=$(basename "$dir")
  c=${c%t}
  if ! "$SF" summarize --words 100 "$dir" >"$T/storyfold/$c" 2>"$T/storyfold.err"; then
    nfail=$((nfail + 1))
    : >"$T/storyfold/$c" # scored as an empty summary
  fi
done
list_for storyfold "$T/storyfold" ""

systems=$(ls "$D/baselines" | sed -n 's/^[^.]*\.//p' | sort -u)
for s in $systems; do
  list_for "$s" "$D/baselines" ".$s"
done

# score: NAME R-1 R-2 R-SU4 (recall x 100) and the number of clusters scored
: >"$T/scores"
for s in storyfold $systems; do
  if ! "$RG" --words 100 --stem "${EXC[@]}" --batch "$T/$s.lst" >"$T/$s.out" 2>"$T/$s.rouge.err"; then
    echo "eval summary: scoring $s failed:" >&2
    cat "$T/$s.rouge.err" >&2
    exit 1
  fi
  awk -v name="$s" '
    $1 !~ /^#/ && $1 != "average" && $1 != "mean" { n++ }
    $1 == "average" { r1 = $2 * 100; r2 = $5 * 100; su4 = $8 * 100 }
    END { printf "%s %.2f %.2f %.2f %d\n", name, r1, r2, su4, n }' "$T/$s.out" >>"$T/scores"
done
# one warning from eval/rouge (e.g. no WordNet exception list) is enough
sort -u "$T"/*.rouge.err | sed 's/^/eval summary: /' >&2 || true

nclusters=$(awk '$1 == "storyfold" { print $5 }' "$T/scores")
echo "summary duc2004-dev: ROUGE recall x100 (ROUGE-1.5.5 -n 2 -2 4 -u -m -l 100 -f A -a), $nclusters clusters, sorted by R-2"
[ "$nfail" -gt 0 ] && echo "  storyfold summarize failed on $nfail clusters (scored as empty): $(head -c 200 "$T/storyfold.err")"
# published ROUGE-1.5.5 figures on these 25 clusters (-c 95 -2 4 -U -r 1000 -n 4 -w 1.2 -a -l 100 -m)
sort -k3,3nr -k2,2nr "$T/scores" | awk '
  BEGIN {
    pub["RegSum", 2] = 9.18
    pub["DPP", 1] = 39.42
    pub["ICSISumm", 1] = 37.66; pub["ICSISumm", 2] = 8.86
    pub["LexRank", 1] = 35.21;  pub["LexRank", 2] = 7.08
    pub["Lead", 1] = 30.84;     pub["Lead", 2] = 5.64
    printf "  %-12s %6s %6s %6s   %s\n", "system", "R-1", "R-2", "R-SU4", "published R-1, R-2 (ours - published)"
  }
  {
    mark = $1 == "storyfold" ? "*" : " "
    note = ""
    for (m = 1; m <= 2; m++)
      if (($1, m) in pub)
        note = note sprintf("%sR-%d %.2f (%+.2f)", note == "" ? "" : ", ", m, pub[$1, m], $(m + 1) - pub[$1, m])
    printf "%s %-12s %6.2f %6.2f %6.2f   %s\n", mark, $1, $2, $3, $4, note
  }'

# gates (make eval fails below them): the scorer must still reproduce the published
# figures within 0.3 points, and storyfold must not fall below its last measured level
# minus noise (R-2 10.94, R-1 40.50 when this gate was set).
awk '
  BEGIN { pub["RegSum", 2] = 9.18; pub["DPP", 1] = 39.42; pub["ICSISumm", 1] = 37.66
          pub["ICSISumm", 2] = 8.86; pub["LexRank", 1] = 35.21; pub["LexRank", 2] = 7.08
          pub["Lead", 1] = 30.84; pub["Lead", 2] = 5.64; bad = 0 }
  { for (m = 1; m <= 2; m++) if (($1, m) in pub) {
      d = $(m + 1) - pub[$1, m]; if (d < 0) d = -d
      if (d > 0.3) { printf "eval summary: GATE: %s R-%d %.2f is %.2f from the published %.2f\n", $1, m, $(m + 1), d, pub[$1, m]; bad = 1 } }
    if ($1 == "storyfold" && ($3 < 10.5 || $2 < 40.0)) {
      printf "eval summary: GATE: storyfold R-1 %.2f / R-2 %.2f fell below 40.00 / 10.50\n", $2, $3; bad = 1 } }
  END { exit bad }' "$T/scores"
