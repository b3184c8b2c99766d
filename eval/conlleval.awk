# conlleval.awk — entity-level exact-match precision, recall and F1 of a chunk tagging,
# with the semantics of conlleval.pl (CoNLL-2000/2003, version 2004-01-26), ported line for
# line: its startOfChunk/endOfChunk rules, its streaming "inCorrect" match and its
# arithmetic, so the figures are the ones conlleval.pl prints (checked by
# eval/test-conlleval.sh).
#
#   awk -f eval/conlleval.awk PREDICTED...      (or on stdin)
#
# Input: space-separated lines whose last field is the predicted tag and the one before
# it the gold tag (B-X, I-X, O; conlleval's E-, [ and ] also work); every non-empty line
# has the same number of fields. A chunk of type X starts at B-X, or at I-X after O or
# after a tag of another type (so an I- without B- starts a chunk); it ends before the
# next B-, O, other type or sentence break. A predicted chunk counts as correct when a gold
# chunk has the same type, start and end. Blank lines (and lines of blanks) end a sentence;
# -DOCSTART- lines, and conlleval's "-X-" boundary lines, do too and are not tokens.
# (conlleval.pl itself counts -DOCSTART- lines as tokens tagged O: that changes its
# accuracy, never its P/R/F1.) CR line ends are ignored.
#
# Output, per type in sorted order (only types seen in gold or prediction) then overall:
#   processed 51362 tokens with 5942 phrases; found: 5888 phrases; correct: 5501.
#   accuracy  98.03
#   type     precision  recall      F1   gold  found  correct
#   LOC          94.31   95.21   94.76   1837   1855     1749
#   ...
#   overall      93.43   92.58   93.00   5942   5888     5501
#   F1 93.00
# P, R and F1 are percentages (0.00 when undefined, as in conlleval). Exit status 1 (and
# no figures) when a line has a different number of fields or fewer than two.
BEGIN {
  nf = -1; bad = 0
  lastC = "O"; lastG = "O"; lastCT = ""; lastGT = ""
  inCorrect = 0; correctChunk = 0; foundCorrect = 0; foundGuessed = 0
  correctTags = 0; tokens = 0
}

# splittag(TAG): TP = the part before the first '-', TT = the rest ("" without a '-')
function splittag(tag) {
  tag = tag ""
  if (match(tag, /-/)) { TP = substr(tag, 1, RSTART - 1); TT = substr(tag, RSTART + 1) }
  else { TP = tag; TT = "" }
}

# conlleval.pl's endOfChunk: did a chunk end between the previous tag and this one?
function endOfChunk(pt, t, ptype, type,   e) {
  e = 0
  if (pt == "B" && t == "B") e = 1
  if (pt == "B" && t == "O") e = 1
  if (pt == "I" && t == "B") e = 1
  if (pt == "I" && t == "O") e = 1
  if (pt == "E" && t == "E") e = 1
  if (pt == "E" && t == "I") e = 1
  if (pt == "E" && t == "O") e = 1
  if (pt != "O" && pt != "." && ptype != type) e = 1
  if (pt == "]" || pt == "[") e = 1
  return e
}

# conlleval.pl's startOfChunk: did a chunk start between the previous tag and this one?
function startOfChunk(pt, t, ptype, type,   s) {
  s = 0
  if (pt == "B" && t == "B") s = 1
  if (pt == "I" && t == "B") s = 1
  if (pt == "O" && t == "B") s = 1
  if (pt == "O" && t == "I") s = 1
  if (pt == "E" && t == "E") s = 1
  if (pt == "E" && t == "I") s = 1
  if (pt == "O" && t == "E") s = 1
  if (t != "O" && t != "." && ptype != type) s = 1
  if (t == "[" || t == "]") s = 1
  return s
}

function pct(num, den) { return den > 0 ? 100 * num / den : 0 }
function f1(p, r) { return p + r > 0 ? 2 * p * r / (p + r) : 0 }

{ sub(/\r$/, "") }
NF > 0 && nf < 0 { nf = NF }
NF > 0 && (NF != nf || NF < 2) {
  printf "conlleval.awk: %s:%d: %d fields, expected %d (at least 2)\n", FILENAME, FNR, NF, nf > "/dev/stderr"
  bad = 1; exit 1
}
{
  boundary = (NF == 0 || $1 == "-DOCSTART-" || $1 == "-X-")
  if (boundary) { c = "O"; ct = ""; g = "O"; gt = "" }
  else {
    splittag($NF); g = TP; gt = TT
    splittag($(NF - 1)); c = TP; ct = TT
  }
  if (inCorrect) {
    ec = endOfChunk(lastC, c, lastCT, ct); eg = endOfChunk(lastG, g, lastGT, gt)
    if (ec && eg && lastGT == lastCT) {
      inCorrect = 0; correctChunk++; cc[lastCT]++
    } else if (ec != eg || gt != ct) inCorrect = 0
  }
  sc = startOfChunk(lastC, c, lastCT, ct); sg = startOfChunk(lastG, g, lastGT, gt)
  if (sc && sg && gt == ct) inCorrect = 1
  if (sc) { foundCorrect++; fc[ct]++; seen[ct] = 1 }
  if (sg) { foundGuessed++; fg[gt]++; seen[gt] = 1 }
  if (!boundary) {
    if (c == g && gt == ct) correctTags++
    tokens++
  }
  lastC = c; lastG = g; lastCT = ct; lastGT = gt
}

END {
  if (bad) exit 1
  if (inCorrect) { correctChunk++; cc[lastCT]++ }
  printf "processed %d tokens with %d phrases; found: %d phrases; correct: %d.\n", \
    tokens, foundCorrect, foundGuessed, correctChunk
  printf "accuracy %6.2f\n", pct(correctTags, tokens)
  printf "%-8s %9s %7s %7s %6s %6s %8s\n", "type", "precision", "recall", "F1", "gold", "found", "correct"
  n = 0
  for (t in seen) {   # insertion sort, by string
    for (i = n; i > 0 && types[i] > t; i--) types[i + 1] = types[i]
    types[i + 1] = t; n++
  }
  for (i = 1; i <= n; i++) {
    t = types[i]
    p = pct(cc[t], fg[t]); r = pct(cc[t], fc[t])
    printf "%-8s %9.2f %7.2f %7.2f %6d %6d %8d\n", t, p, r, f1(p, r), fc[t], fg[t], cc[t]
  }
  p = pct(correctChunk, foundGuessed); r = pct(correctChunk, foundCorrect)
  printf "%-8s %9.2f %7.2f %7.2f %6d %6d %8d\n", "overall", p, r, f1(p, r), foundCorrect, foundGuessed, correctChunk
  printf "F1 %.2f\n", f1(p, r)
}
