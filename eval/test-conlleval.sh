#!/usr/bin/env bash
# eval/test-conlleval.sh — eval/conlleval.awk on invented CoNLL lines, against figures
# worked out by hand with conlleval.pl's rules (and which conlleval.pl itself prints for
# the same lines, -DOCSTART- lines left out since it counts them as tokens). Prints one
# line per case and exits 1 when one fails.
set -u
cd "$(dirname "$0")" || exit 1
T=$(mktemp -d /tmp/storyfold-conlleval.XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0

# expect NAME INPUT-FILE: conlleval.awk's whole output on INPUT-FILE must be stdin
expect() {
  local name=$1 input=$2
  cat >"$T/want"
  if awk -f conlleval.awk "$input" >"$T/got" 2>"$T/err" && cmp -s "$T/want" "$T/got"; then
    echo "ok   $name"
  else
    echo "FAIL $name"; diff "$T/want" "$T/got" | sed 's/^/     /'; sed 's/^/     /' "$T/err"
    fails=$((fails + 1))
  fi
}

# A: a document of three sentences, the last without a trailing blank line.
#   sentence 1: PER Peter Blackburn found; LOC New York found as New only (wrong).
#   sentence 2: gold ORG "The UN" starts with I- (a chunk, as in conlleval) and the
#     prediction's B-ORG I-ORG matches it; EU is ORG, predicted MISC; "met" is predicted
#     I-PER after B-MISC, which starts a (spurious) PER chunk; gold has two LOCs, Paris
#     and France, predicted as one.
#   sentence 3: PER Smith found, at the end of the input.
# gold 7 (LOC 3, ORG 2, PER 2), found 7 (LOC 2, MISC 1, ORG 1, PER 3), correct 3 (ORG 1,
# PER 2); tags right on 10 of the 15 tokens (-DOCSTART- is not a token).
cat >"$T/a" <<'EOF'
-DOCSTART- -X- -X- O O

Peter NNP B-NP B-PER B-PER
Blackburn NNP I-NP I-PER I-PER
visited VBD B-VP O O
New NNP B-NP B-LOC B-LOC
York NNP I-NP I-LOC O
. . O O O

The DT B-NP I-ORG B-ORG
UN NNP I-NP I-ORG I-ORG
and CC O O O
EU NNP B-NP B-ORG B-MISC
met VBD B-VP O I-PER
in IN B-PP O O
Paris NNP B-NP B-LOC B-LOC
France NNP I-NP B-LOC I-LOC

EOF
printf 'Smith NNP B-NP B-PER B-PER' >>"$T/a"
expect "A: starts, ends, types, I- without B-, end of input" "$T/a" <<'EOF'
processed 15 tokens with 7 phrases; found: 7 phrases; correct: 3.
accuracy  66.67
type     precision  recall      F1   gold  found  correct
LOC           0.00    0.00    0.00      3      2        0
MISC          0.00    0.00    0.00      0      1        0
ORG         100.00   50.00   66.67      2      1        1
PER          66.67  100.00   80.00      2      3        2
overall      42.86   42.86   42.86      7      7        3
F1 42.86
EOF

# B: a sentence break ends a chunk (gold I-PER after it starts a new one); I-LOC after
# I-PER starts a LOC chunk; predicted I-PER after B-PER continues it. gold PER a, PER b,
# LOC c-d; found PER a, PER b-c, LOC d; correct PER a. Four fields a line.
printf 'a x B-PER B-PER\n\nb x I-PER B-PER\nc x I-LOC I-PER\nd x I-LOC I-LOC\n' >"$T/b"
expect "B: sentence breaks, I- of another type" "$T/b" <<'EOF'
processed 4 tokens with 3 phrases; found: 3 phrases; correct: 1.
accuracy  50.00
type     precision  recall      F1   gold  found  correct
LOC           0.00    0.00    0.00      1      1        0
PER          50.00   50.00   50.00      2      2        1
overall      33.33   33.33   33.33      3      3        1
F1 33.33
EOF

# C: the gold column as prediction (lines of A re-tagged), with CR line ends and blank
# lines made of a space, as `awk '{ print $0, $NF }'` writes them
awk 'NF { $NF = $(NF - 1) } { print (NF ? $0 : " ") "\r" }' "$T/a" >"$T/c"
expect "C: gold as prediction, CRLF, space-only blank lines" "$T/c" <<'EOF'
processed 15 tokens with 7 phrases; found: 7 phrases; correct: 7.
accuracy 100.00
type     precision  recall      F1   gold  found  correct
LOC         100.00  100.00  100.00      3      3        3
ORG         100.00  100.00  100.00      2      2        2
PER         100.00  100.00  100.00      2      2        2
overall     100.00  100.00  100.00      7      7        7
F1 100.00
EOF

# D: everything predicted O: no chunk found, P, R and F1 0 as conlleval prints them;
# tags right on the 5 gold-O tokens of 15
awk 'NF { $NF = "O" } { print }' "$T/a" >"$T/d"
expect "D: all O" "$T/d" <<'EOF'
processed 15 tokens with 7 phrases; found: 0 phrases; correct: 0.
accuracy  33.33
type     precision  recall      F1   gold  found  correct
LOC           0.00    0.00    0.00      3      0        0
ORG           0.00    0.00    0.00      2      0        0
PER           0.00    0.00    0.00      2      0        0
overall       0.00    0.00    0.00      7      0        0
F1 0.00
EOF

# E: no input at all
: >"$T/e"
expect "E: empty input" "$T/e" <<'EOF'
processed 0 tokens with 0 phrases; found: 0 phrases; correct: 0.
accuracy   0.00
type     precision  recall      F1   gold  found  correct
overall       0.00    0.00    0.00      0      0        0
F1 0.00
EOF

# F: a line with a missing column is an error (exit 1, the line named, no figures)
printf 'a x B-PER B-PER\nb x I-PER\n' >"$T/f"
if awk -f conlleval.awk "$T/f" >"$T/got" 2>"$T/err"; then
  echo "FAIL F: a missing column was not an error"; fails=$((fails + 1))
elif [ -s "$T/got" ] || ! grep -q ':2: 3 fields, expected 4' "$T/err"; then
  echo "FAIL F: a missing column: unexpected output"; cat "$T/got" "$T/err"; fails=$((fails + 1))
else
  echo "ok   F: a missing column is an error"
fi

if [ "$fails" -gt 0 ]; then echo "test-conlleval: $fails failed"; exit 1; fi
echo "test-conlleval: all passed"
