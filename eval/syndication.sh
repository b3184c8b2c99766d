#!/usr/bin/env bash
# eval/syndication.sh — near-duplicate pairs and reused passages (issue 4), on a labeled set
# of re-published copies that tools/reuse_eval.c builds at run time, with a fixed seed, from
# ../shared/data/corpora (BBC articles and Reuters-21578 stories): copies with a changed
# headline, paragraphs trimmed, dropped or swapped, 5% of the words replaced, lines
# re-wrapped and boilerplate inserted, mixed with unrelated and same-topic articles (the
# tool's header has every rule). Prints pair precision/recall (LSH bands over MinHash
# signatures, then a similarity threshold), byte precision/recall/F1 of the reused-passage
# spans on both sides, origin accuracy, seconds and pairs/s; fails (exit 1) when precision
# < ${SYND_P_MIN:-0.99}, recall < ${SYND_R_MIN:-0.97} or spans F1 < ${SYND_F1_MIN:-0.95}
# (the project's bars). Skips with a message when the data is absent; builds nothing: it
# expects ${REUSE_EVAL:-./build/tools/reuse-eval} (make build/tools/reuse-eval).
# SYND_OUT=DIR keeps the generated set (truth.tsv, one file per document) and the pairs
# whose passages were not exact.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
RE=${REUSE_EVAL:-./build/tools/reuse-eval}
D=../shared/data/corpora
if [ ! -d "$D/bbc" ] || [ ! -d "$D/reuters21578" ]; then
  echo "eval syndication: skipped: $D is absent"
  exit 0
fi
if [ ! -x "$RE" ]; then echo "eval syndication: $RE is not built (make $RE)" >&2; exit 1; fi
exec "$RE" --corpora "$D" ${SYND_OUT:+--dump "$SYND_OUT"} \
  --min-precision "${SYND_P_MIN:-0.99}" --min-recall "${SYND_R_MIN:-0.97}" \
  --min-f1 "${SYND_F1_MIN:-0.95}"
