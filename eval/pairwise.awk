# pairwise.awk — pairwise precision, recall and F1 of a clustering: over all pairs of
# items, a pair is predicted when both share a predicted cluster and true when both share
# a gold cluster. Input lines: GOLD<TAB>PREDICTED (one per item). Prints "P R F1 pairs"
# (pairs = true pairs); P (R) is 0 when no pair is predicted (true).
BEGIN { FS = "\t" }
{ gp[$1 SUBSEP $2]++; gs[$1]++; ps[$2]++ }
END {
  for (k in gp) tp += gp[k] * (gp[k] - 1) / 2
  for (k in ps) pp += ps[k] * (ps[k] - 1) / 2
  for (k in gs) tr += gs[k] * (gs[k] - 1) / 2
  P = pp > 0 ? tp / pp : 0; R = tr > 0 ? tp / tr : 0
  printf "%.3f %.3f %.3f %d\n", P, R, (P + R > 0 ? 2 * P * R / (P + R) : 0), tr
}
