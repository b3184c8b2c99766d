# bcubed.awk — B-cubed precision, recall and F1 of a clustering.
# Input lines: GOLD<TAB>PREDICTED (one per item). Prints "P R F1 items gold predicted".
BEGIN { FS = "\t" }
{ g[NR] = $1; p[NR] = $2; gp[$1 SUBSEP $2]++; gs[$1]++; ps[$2]++ }
END {
  for (i = 1; i <= NR; i++) {
    both = gp[g[i] SUBSEP p[i]]
    P += both / ps[p[i]]; R += both / gs[g[i]]
  }
  P /= NR; R /= NR
  ng = 0; for (k in gs) ng++
  np = 0; for (k in ps) np++
  printf "%.3f %.3f %.3f %d %d %d\n", P, R, (P + R > 0 ? 2 * P * R / (P + R) : 0), NR, ng, np
}
