#!/usr/bin/env bash
# eval/ner.sh — how well `storyfold tag --conll` finds named entities, on CoNLL-2003
# English dev (../shared/data/conll2003/eng.testa: 51,362 tokens, 5,942 entities of types
# LOC, MISC, ORG, PER, IOB2), scored by eval/conlleval.awk (conlleval's exact-match
# entity P/R/F1), beside a peer: compromise (version pinned in eval/package.json; it has no
# MISC) run by eval/ner-peer.js on the same sentences and scored the same way.
# Prints one table: per type and overall P/R/F1 for both, and tokens a second for both
# (storyfold's over its whole run, loading included; compromise's over its tagging only).
# Fails (exit 1) when storyfold's overall F1 is below ${NER_F1_MIN:-93.0}, or when
# `storyfold tag` fails or does not give back its input lines. The peer cannot fail the
# evaluation: without node/npm, or when it fails, its column says so.
# Skips with a message when the data is absent; builds nothing: it expects
# ${STORYFOLD:-./build/storyfold}. `npm ci` runs in eval/ when eval/node_modules lacks
# compromise. NER_OUT=DIR keeps the predictions and the scorer's reports in DIR.
set -eu
export LC_NUMERIC=C
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SF=${STORYFOLD:-./build/storyfold}
F1_MIN=${NER_F1_MIN:-93.0}
D=../shared/data/conll2003
IN=$D/eng.testa
if [ ! -f "$IN" ]; then echo "eval ner: skipped: $IN is absent"; exit 0; fi
if [ ! -x "$SF" ]; then echo "eval ner: $SF is not built" >&2; exit 1; fi
T=$(mktemp -d /tmp/storyfold-ner.XXXXXX)
trap 'rm -rf "$T"' EXIT

ntok=$(awk 'NF && $1 != "-DOCSTART-" { n++ } END { print n + 0 }' "$IN")

# same_lines PRED: PRED gives back every line of IN with one more field; else says where
same_lines() {
  awk 'NR == FNR { n++; nf[n] = NF; $1 = $1; line[n] = $0; next }
       { m++; sub(/\r$/, "")
         if (m > n) { printf "line %d: more lines than the input\n", m; bad = 1; exit }
         if (nf[m] == 0 && NF == 0) next
         got = ""; for (i = 1; i < NF; i++) got = got (i > 1 ? " " : "") $i
         if (NF != nf[m] + 1 || got != line[m]) {
           printf "line %d: \"%s\" for \"%s\"\n", m, $0, line[m]; bad = 1; exit
         } }
       END { if (!bad && m < n) printf "%d lines for %d\n", m, n; exit bad || m < n }' "$IN" "$1"
}

# storyfold
t0=$EPOCHREALTIME
if ! "$SF" tag --conll "$IN" >"$T/storyfold.pred" 2>"$T/storyfold.err"; then
  echo "eval ner: $SF tag --conll failed:"; head -n 20 "$T/storyfold.err" | sed 's/^/  /'
  exit 1
fi
t1=$EPOCHREALTIME
if ! why=$(same_lines "$T/storyfold.pred"); then
  echo "eval ner: $SF tag --conll did not give back its input with a tag added: $why"
  exit 1
fi
if ! awk -f eval/conlleval.awk "$T/storyfold.pred" >"$T/storyfold.score"; then
  echo "eval ner: scoring storyfold's tags failed"; exit 1
fi
sf_tps=$(awk -v n="$ntok" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", (b > a ? n / (b - a) : 0) }')

# compromise
peer="compromise"
peer_note=""
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  peer_note="skipped: node or npm is not installed"
elif [ ! -d eval/node_modules/compromise ] &&
  ! (cd eval && npm ci --silent --no-audit --no-fund >"$T/npm.log" 2>&1); then
  peer_note="skipped: npm ci in eval/ failed: $(grep -m1 -i err "$T/npm.log" || true)"
fi
if [ -z "$peer_note" ]; then
  v=$(node -p 'require("./eval/node_modules/compromise/package.json").version' 2>/dev/null || true)
  peer="compromise $v"
  if ! node eval/ner-peer.js "$IN" >"$T/compromise.pred" 2>"$T/compromise.err"; then
    peer_note="failed: $(head -n 3 "$T/compromise.err" | tr '\n' ' ')"
  elif ! why=$(same_lines "$T/compromise.pred"); then
    peer_note="failed: its output does not follow the input: $why"
  elif ! awk -f eval/conlleval.awk "$T/compromise.pred" >"$T/compromise.score"; then
    peer_note="failed: its tags could not be scored"
  fi
fi
if [ -z "$peer_note" ]; then
  peer_tps=$(awk '$1 == "tokens" && $5 == "tokens_per_s" { r = $6 } END { print r }' "$T/compromise.err")
else
  : >"$T/compromise.score"; peer_tps="-"
fi

if [ -n "${NER_OUT:-}" ]; then
  mkdir -p "$NER_OUT"
  cp "$T"/*.pred "$T"/*.score "$NER_OUT"/
fi

# the table
ngold=$(awk '$1 == "overall" { print $5 }' "$T/storyfold.score")
printf 'ner conll2003 eng.testa: %d tokens, %d entities; entity exact match (conlleval), %%\n' "$ntok" "$ngold"
printf '%-8s  %-20s    %s\n' "" "storyfold" "$peer"
printf '%-8s  %6s %6s %6s    %6s %6s %6s\n' type P R F1 P R F1
for t in LOC MISC ORG PER overall; do
  printf '%-8s  %s    %s\n' "$t" \
    "$(awk -v t="$t" '$1 == t { r = sprintf("%6.2f %6.2f %6.2f", $2, $3, $4) } END { print r ? r : sprintf("%6s %6s %6s", "-", "-", "-") }' "$T/storyfold.score")" \
    "$(awk -v t="$t" '$1 == t { r = sprintf("%6.2f %6.2f %6.2f", $2, $3, $4) } END { print r ? r : sprintf("%6s %6s %6s", "-", "-", "-") }' "$T/compromise.score")"
done
printf '%-8s  %-20s    %s\n' "tokens/s" "$sf_tps (whole run)" "$peer_tps (tagging)"
[ -n "$peer_note" ] && echo "eval ner: $peer: $peer_note"

f1=$(awk '$1 == "F1" { print $2 }' "$T/storyfold.score")
if awk -v f="$f1" -v m="$F1_MIN" 'BEGIN { exit !(f < m) }'; then
  echo "eval ner: GATE: storyfold F1 $f1 fell below $F1_MIN"
  exit 1
fi
exit 0
