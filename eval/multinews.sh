#!/usr/bin/env bash
# eval/multinews.sh — how good `storyfold summarize --words 250` summaries are on
# Multi-News dev (../shared/data/multinews-dev/validation.sample250.jsonl: 250 clusters of
# 1 to 9 undated web articles, 2.8 on average, boilerplate included; one human summary
# each, its leading "– " stripped as Multi-News papers do), beside peers run here on the
# same clusters:
#  - Lead-3: Multi-News's "First-3" baseline (Fabbri et al. 2019): the first three
#    sentences of each source document, concatenated in document order, cut at 250 words;
#  - LexRank, two variants (eval/lexrank-peer.js says how each ranks and selects): the
#    npm package `lexrank` (version pinned in eval/package.json), and Erkan & Radev's
#    (2004) threshold LexRank implemented in eval/lexrank-peer.js, labeled "(E&R)".
# The peers see the same sentences: those `storyfold extract` splits each document into,
# all of them (boilerplate included, as the published baselines read raw text).
# Scored with eval/rouge.c as ROUGE-1.5.5 -n 2 -2 4 -u -m -l 250 -f A -a (recall, average
# over clusters; -l cuts references as well as peers at 250 words). Prints one table:
# R-1, R-2, R-SU4 recall x100, the mean summary length in words as scored (at most 250),
# and seconds per system over the 250 clusters (storyfold: its 250 runs, process start
# included; Lead-3: taking the sentences; LexRank: ranking and selection in node; the
# peers' shared sentence splitting is timed on its own line).
# Fails (exit 1) when storyfold's R-2 or R-1 falls below its gate (below), or when
# storyfold fails on a cluster. The peers cannot fail the evaluation: without node/npm,
# or when one fails, its row says so. Skips with a message when the data is absent;
# builds nothing: it expects ${STORYFOLD:-./build/storyfold} and ${ROUGE:-./build/eval/rouge}.
# `npm ci` runs in eval/ when eval/node_modules lacks lexrank. MULTINEWS_OUT=DIR keeps
# the summaries (one file per cluster and system) and the scorer's output in DIR.
# MULTINEWS_LEARNED=STORE has storyfold leave out the boilerplate lines STORE learned
# (summarize --learned; eval/boilerplate.sh passes a store of these documents).
set -eu
export LC_NUMERIC=C
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SF=${STORYFOLD:-./build/storyfold}
RG=${ROUGE:-./build/eval/rouge}
WORDS=250
IN=../shared/data/multinews-dev/validation.sample250.jsonl
if [ ! -f "$IN" ]; then echo "eval multinews: skipped: $IN is absent"; exit 0; fi
if [ ! -x "$RG" ]; then echo "eval multinews: $RG is not built (make $RG)" >&2; exit 1; fi
if [ ! -x "$SF" ]; then echo "eval multinews: $SF is not built" >&2; exit 1; fi
T=$(mktemp -d /tmp/storyfold-multinews.XXXXXX)
trap 'rm -rf "$T"' EXIT

LEARN=()
[ -n "${MULTINEWS_LEARNED:-}" ] && LEARN=(--learned "$MULTINEWS_LEARNED")
EXC=()
[ -n "${ROUGE_EXCEPTIONS:-}" ] && EXC=(--exceptions "$ROUGE_EXCEPTIONS")

# inputs: every document a JSON line {"id": "<cluster>/<k>", "text"}, all in one file
# (for extract) and one file per cluster (for summarize); references one line each
mkdir -p "$T/docs" "$T/ref"
jq -c '.id as $c | .documents | to_entries[] | {id: "\($c)/\(.key)", text: .value}' "$IN" >"$T/all.jsonl"
jq -r '.id' "$T/all.jsonl" | paste - "$T/all.jsonl" | awk -F'\t' -v dir="$T/docs" '
  { split($1, a, "/"); f = dir "/" a[1] ".jsonl"
    if (f != last) { if (last != "") close(last); last = f }
    print $2 >>f }'
jq -r '.id + "\t" + (.summary | sub("^\\s*–\\s*"; "") | gsub("\\s+"; " "))' "$IN" |
  awk -F'\t' -v dir="$T/ref" '{ f = dir "/" $1; print $2 >f; close(f) }'
clusters=$(jq -r '.id' "$IN")
nclusters=$(printf '%s\n' "$clusters" | wc -l)

# storyfold
mkdir -p "$T/storyfold"
nfail=0
t0=$EPOCHREALTIME
for c in $clusters; do
  if ! "$SF" summarize --words "$WORDS" "${LEARN[@]}" "$T/docs/$c.jsonl" >"$T/storyfold/$c" 2>"$T/storyfold.err"; then
    nfail=$((nfail + 1))
    cp "$T/storyfold.err" "$T/storyfold.lasterr"
    : >"$T/storyfold/$c" # scored as an empty summary
  fi
done
t1=$EPOCHREALTIME
secs_storyfold=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')

# the peers' sentences: storyfold extract's spans (byte offsets) cut from the text; jq
# prints each document on one line with its newlines, CRs and tabs swapped for single
# control bytes, so byte offsets hold, and awk (bytes, C locale) cuts the spans.
# sent.tsv lines: CLUSTER<TAB>DOC<TAB>SENTENCE<TAB>TEXT (whitespace collapsed)
t0=$EPOCHREALTIME
split_ok=1
if "$SF" extract "$T/all.jsonl" >"$T/extract.jsonl" 2>"$T/extract.err"; then
  jq -r '(.path | sub(".*:"; "")) + "\t" + ([.sentences[] | "\(.[0]),\(.[1])"] | join(" ")) + "\t"
         + (.text | split("\n") | join("\u0001") | split("\r") | join("\u0002") | split("\t") | join("\u0003"))' \
    "$T/extract.jsonl" >"$T/extract.tsv"
  jq -r '.id' "$T/all.jsonl" | LC_ALL=C awk -F'\t' '
    NR == FNR { id[NR] = $1; next }
    { split(id[$1], a, "/"); n = split($2, sp, " "); k = 0
      for (i = 1; i <= n; i++) {
        split(sp[i], se, ","); s = substr($3, se[1] + 1, se[2] - se[1])
        gsub(/[\001\002\003 ]+/, " ", s); sub(/^ /, "", s); sub(/ $/, "", s)
        if (s != "") printf "%s\t%s\t%d\t%s\n", a[1], a[2], k++, s
      } }' - "$T/extract.tsv" >"$T/sent.tsv"
else
  split_ok=0
fi
t1=$EPOCHREALTIME
secs_split=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')

# Lead-3 (First-3): each document's first three sentences, documents in order
lead_note=""
mkdir -p "$T/lead3"
t0=$EPOCHREALTIME
if [ "$split_ok" = 1 ]; then
  awk -F'\t' -v dir="$T/lead3" '$3 < 3 { f = dir "/" $1; if (f != last) { if (last != "") close(last); last = f }; print $4 >f }' "$T/sent.tsv"
else
  lead_note="failed: storyfold extract failed: $(head -c 200 "$T/extract.err")"
fi
t1=$EPOCHREALTIME
secs_lead3=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')

# LexRank (npm lexrank, and Erkan & Radev's, implemented in eval/lexrank-peer.js)
lex_note=""
lex_name="lexrank"
if [ "$split_ok" = 0 ]; then
  lex_note="failed: storyfold extract failed"
elif ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  lex_note="skipped: node or npm is not installed"
elif [ ! -d eval/node_modules/lexrank ] &&
  ! (cd eval && npm ci --silent --no-audit --no-fund >"$T/npm.log" 2>&1); then
  lex_note="skipped: npm ci in eval/ failed: $(grep -m1 -i err "$T/npm.log" || true)"
fi
if [ -z "$lex_note" ]; then
  v=$(node -p 'require("./eval/node_modules/lexrank/package.json").version' 2>/dev/null || true)
  lex_name="lexrank $v"
  node eval/lexrank-peer.js "$T/sent.tsv" "$WORDS" "$T/lexrank" "$T/lexrank-er" 2>"$T/lexrank.err" || true
fi
lexnote_for() { # VARIANT: why its row has no figures, or nothing
  if [ -n "$lex_note" ]; then echo "$lex_note"; return; fi
  local why
  why=$(sed -n "s/^failed $1: //p" "$T/lexrank.err" | head -n 1)
  if [ -n "$why" ]; then echo "failed: $why"; return; fi
  grep -q "^seconds $1 " "$T/lexrank.err" || echo "failed: $(grep -v '^seconds ' "$T/lexrank.err" | head -n 2 | tr '\n' ' ')"
}
secs_for() { sed -n "s/^seconds $1 //p" "$T/lexrank.err" 2>/dev/null | head -n 1; }

# score NAME DIR NOTE SECONDS: one line of $T/scores (NAME<TAB>R-1<TAB>R-2<TAB>R-SU4<TAB>words<TAB>seconds<TAB>note)
: >"$T/scores"
score() {
  local name=$1 dir=$2 note=$3 secs=$4 c
  if [ -z "$note" ]; then
    : >"$T/$dir.lst"
    for c in $clusters; do
      [ -f "$T/$dir/$c" ] || : >"$T/$dir/$c" # no summary: scored as empty
      printf '%s\t%s\t%s\n' "$c" "$T/$dir/$c" "$T/ref/$c" >>"$T/$dir.lst"
    done
    if ! "$RG" --words "$WORDS" --stem "${EXC[@]}" --batch "$T/$dir.lst" >"$T/$dir.out" 2>"$T/$dir.rouge.err"; then
      echo "eval multinews: scoring $name failed:" >&2
      cat "$T/$dir.rouge.err" >&2
      exit 1
    fi
    words=$(for c in $clusters; do wc -w <"$T/$dir/$c"; done |
      awk -v w="$WORDS" '{ s += ($1 < w ? $1 : w) } END { printf "%.0f", NR ? s / NR : 0 }')
    awk -v name="$name" -v words="$words" -v secs="$secs" -F'[ \t]+' '
      $1 == "average" { printf "%s\t%.2f\t%.2f\t%.2f\t%s\t%s\t\n", name, $2 * 100, $5 * 100, $8 * 100, words, secs }' \
      "$T/$dir.out" >>"$T/scores"
  else
    printf '%s\t\t\t\t\t\t%s\n' "$name" "$note" >>"$T/scores"
  fi
}
score storyfold storyfold "" "$secs_storyfold"
score "$lex_name" lexrank "$(lexnote_for npm)" "$(secs_for npm)"
score "LexRank (E&R)" lexrank-er "$(lexnote_for er)" "$(secs_for er)"
score Lead-3 lead3 "$lead_note" "$secs_lead3"
sort -u "$T"/*.rouge.err | sed 's/^/eval multinews: /' >&2 || true

echo "summary multinews-dev: ROUGE recall x100 (ROUGE-1.5.5 -n 2 -2 4 -u -m -l $WORDS -f A -a), $nclusters clusters, $WORDS words"
[ "$nfail" -gt 0 ] && echo "  storyfold summarize failed on $nfail clusters (scored as empty): $(head -c 200 "$T/storyfold.lasterr")"
awk -F'\t' '
  BEGIN { printf "  %-16s %6s %6s %6s %6s %8s\n", "system", "R-1", "R-2", "R-SU4", "words", "seconds" }
  $7 != "" { printf "  %-16s %s\n", $1, $7; next }
  { printf "%s %-16s %6.2f %6.2f %6.2f %6d %8.2f\n", $1 == "storyfold" ? "*" : " ", $1, $2, $3, $4, $5, $6 }' "$T/scores"
[ "$split_ok" = 1 ] && echo "  (the peers' sentences: storyfold extract on all $(wc -l <"$T/all.jsonl") documents, $secs_split s)"

if [ -n "${MULTINEWS_OUT:-}" ]; then
  mkdir -p "$MULTINEWS_OUT"
  cp -r "$T/storyfold" "$T/lead3" "$T/scores" "$MULTINEWS_OUT"/
  cp "$T"/*.out "$MULTINEWS_OUT"/ 2>/dev/null || true
  for d in lexrank lexrank-er; do [ -d "$T/$d" ] && cp -r "$T/$d" "$MULTINEWS_OUT"/; done
fi

# gate (make eval fails below it): storyfold must not fall below its measured level minus
# noise (0.5 point). Measured when the gate was set: R-1 50.43, R-2 16.97, R-SU4 21.27
# (245 words on average).
[ "$nfail" -gt 0 ] && exit 1
awk -F'\t' '$1 == "storyfold" && ($3 < 16.4 || $2 < 49.9) {
  printf "eval multinews: GATE: storyfold R-1 %.2f / R-2 %.2f fell below 49.90 / 16.40\n", $2, $3; bad = 1 }
  END { exit bad }' "$T/scores"
