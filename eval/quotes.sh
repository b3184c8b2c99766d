#!/usr/bin/env bash
# eval/quotes.sh — how well `storyfold extract` finds direct quotations and their speakers,
# on PolNeAR dev (../shared/data/polnear/dev: 84 US election news articles, 2016, with
# brat attribution spans Source / Cue / Content; QUOTES_SPLIT=train scores the train half).
# Scored by eval/quotes-score.c (its header has every rule): gold direct quotes are the
# Contents that start with a quotation mark (one annotator per article, the first by
# name; brat's code-point offsets turned into bytes), predicted ones the quotes of kind
# "direct". A gold and a predicted quote match when they overlap by at least half of the
# longer one (spans trimmed of marks, spaces and , . ; : alike; the two parts of
# "A," he said, "B." are one predicted quote), one to one; quotes left over on either side
# still count when the other side's quotes cover at least half of them (so splitting a
# quote differently costs nothing either way); a predicted quote lying mostly inside gold
# content that does not start with a mark ("she said that "...") is not counted.
# Speaker accuracy: over found gold quotes with a Source, the share whose predicted
# speaker overlaps the Source's head word or resolves to a name holding it.
# Prints P/R/F1, the one-to-one-only figures, speaker accuracy, counts and seconds; fails
# (exit 1) when F1 < ${QUOTES_F1_MIN:-0.955} or speaker accuracy < ${QUOTES_SPK_MIN:-0.93}
# (the figures when set, 0.964 and 0.939, less about a point; the bars are 0.95 and 0.92).
# Skips with a message when the data is absent; builds nothing: it expects
# ${STORYFOLD:-./build/storyfold} and ${EVAL_BIN:-./build/eval}/quotes-score. QUOTES_OUT=DIR keeps predictions and the list of
# misses, false quotes and wrong speakers in DIR.
set -eu
export LC_NUMERIC=C
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SF=${STORYFOLD:-./build/storyfold}
QS=${EVAL_BIN:-./build/eval}/quotes-score
SPLIT=${QUOTES_SPLIT:-dev}
F1_MIN=${QUOTES_F1_MIN:-0.955}
SPK_MIN=${QUOTES_SPK_MIN:-0.93}
D=../shared/data/polnear/$SPLIT
if [ ! -d "$D/text" ] || [ ! -d "$D/attributions" ]; then
  echo "eval quotes: skipped: $D is absent"
  exit 0
fi
if [ ! -x "$SF" ]; then echo "eval quotes: $SF is not built" >&2; exit 1; fi
if [ ! -x "$QS" ]; then echo "eval quotes: $QS is not built (make $QS)" >&2; exit 1; fi
T=$(mktemp -d /tmp/storyfold-quotes.XXXXXX)
trap 'rm -rf "$T"' EXIT

# the articles as JSON Lines, so that the stored text is the file's bytes exactly
"$QS" texts "$D" >"$T/in.jsonl"
t0=$EPOCHREALTIME
if ! "$SF" extract "$T/in.jsonl" >"$T/pred.jsonl" 2>"$T/extract.err"; then
  echo "eval quotes: $SF extract failed:"; head -n 20 "$T/extract.err" | sed 's/^/  /'
  exit 1
fi
t1=$EPOCHREALTIME
if ! QUOTES_VERBOSE=1 "$QS" score "$D" "$T/pred.jsonl" >"$T/score" 2>"$T/diag"; then
  echo "eval quotes: scoring failed:"; head -n 5 "$T/diag" | sed 's/^/  /'
  exit 1
fi
if [ -n "${QUOTES_OUT:-}" ]; then
  mkdir -p "$QUOTES_OUT"
  cp "$T/pred.jsonl" "$T/diag" "$T/score" "$QUOTES_OUT"/
fi

# "articles N gold N predicted N found N right N P x R x F1 x speaker k/n x nosource N ignored N"
read -r _ na _ ng _ np _ nf _ nr _ P _ R _ F _ sk S _ nosrc _ nign < <(grep '^articles' "$T/score")
read -r _ _ n1 _ P1 _ R1 _ F1 < <(grep '^one-to-one' "$T/score")
secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
printf 'quotes polnear %s: %d articles, %d gold direct quotes, %d predicted (%d more inside indirect gold content, not counted)\n' \
  "$SPLIT" "$na" "$ng" "$np" "$nign"
printf '  detection  P %.4f  R %.4f  F1 %.4f   (found %d of %d gold, %d of %d predicted right)\n' \
  "$P" "$R" "$F" "$nf" "$ng" "$nr" "$np"
printf '  one-to-one P %.4f  R %.4f  F1 %.4f   (%d pairs, no split tolerance)\n' "$P1" "$R1" "$F1" "$n1"
printf '  speaker    %.4f (%s found quotes with a gold Source; %d without)\n' "$S" "$sk" "$nosrc"
printf '  extract    %s s (tagging included)\n' "$secs"

rc=0
if awk -v f="$F" -v m="$F1_MIN" 'BEGIN { exit !(f < m) }'; then
  echo "eval quotes: GATE: F1 $F fell below $F1_MIN"; rc=1
fi
if awk -v f="$S" -v m="$SPK_MIN" 'BEGIN { exit !(f < m) }'; then
  echo "eval quotes: GATE: speaker accuracy $S fell below $SPK_MIN"; rc=1
fi
exit $rc
