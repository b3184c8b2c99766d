#!/usr/bin/env bash
# eval/html.sh — HTML main text and metadata (issue 5), beside Readability.js.
#  (1) ../shared/data/aeb-dev (91 pages of the ScrapingHub article-extraction benchmark)
#      with that benchmark's metric: 4-token shingles of \w+ tokens (case kept), per-page
#      tp/fp/fn normalized, precision and recall averaged over pages, F1 of the two means;
#  (2) ../shared/data/wcxb-dev (1,497 WCXB pages, 793 of them articles): word F1 (bag of
#      lowercased \w+ tokens, per page, averaged) on all pages and on the article pages, and
#      on the article pages that have them: title (equal as lowercased \w+ token sequences),
#      first author (equal the same way; bylines split at , ; & "and", "By" dropped) and date
#      (the same calendar day). eval/html-score.py has the exact rules.
# storyfold runs as build/tools/html-read (tools/html_read.c: the library's html_read on
# one thread); its MB/s is megabytes of HTML per CPU second spent in html_read, i.e. per
# core, over the 416 MB of WCXB pages (decompression not counted), the median of three
# runs (storyfold's pages/s too; the peer runs once: it takes minutes). The peer is npm
# @mozilla/readability on linkedom's DOM (eval/readability-peer.js; versions pinned in
# eval/package.json) on the same pages, timed the same way (CPU seconds of parsing and
# extraction); it cannot fail the evaluation: without node/npm its row says so.
# Fails (exit 1) when storyfold's aeb F1 < ${HTML_AEB_MIN:-0.973}, WCXB article F1 <
# ${HTML_WCXB_ART_MIN:-0.945}, WCXB all-pages F1 < ${HTML_WCXB_ALL_MIN:-0.81}, title/author/date
# accuracy < ${HTML_TITLE_MIN:-0.896}/${HTML_AUTHOR_MIN:-0.896}/${HTML_DATE_MIN:-0.882}, or
# throughput < ${HTML_MBS_MIN:-40} MB/s (the issue's bar). HTML_PEER=0 skips the peer (it
# takes minutes); HTML_OUT=DIR keeps the predictions; HTML_MISSES=1 lists each metadata miss
# (page, truth, prediction) on stderr. Skips when the data is absent.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
HR=${HTML_READ:-./build/tools/html-read}
AEB=../shared/data/aeb-dev
WCXB=../shared/data/wcxb-dev
if [ ! -f "$AEB/ground-truth.json" ] || [ ! -d "$WCXB/ground-truth" ]; then
  echo "eval html: skipped: $AEB or $WCXB is absent"; exit 0
fi
if [ ! -x "$HR" ]; then echo "eval html: $HR is not built (make $HR)" >&2; exit 1; fi
T=${HTML_OUT:-$(mktemp -d /tmp/storyfold-html.XXXXXX)}
mkdir -p "$T"
[ -z "${HTML_OUT:-}" ] && trap 'rm -rf "$T"' EXIT

ls "$AEB"/html/*.html.gz >"$T/aeb.list"
ls "$WCXB"/html/*.html.gz >"$T/wcxb.list"
"$HR" - <"$T/aeb.list" >"$T/aeb.sf.jsonl" 2>"$T/aeb.sf.time" || { echo "eval html: html-read failed"; exit 1; }
"$HR" - <"$T/wcxb.list" >"$T/wcxb.sf.jsonl" 2>"$T/wcxb.sf.time" || { echo "eval html: html-read failed"; exit 1; }
{ python3 eval/html-score.py aeb "$AEB/ground-truth.json" "$T/aeb.sf.jsonl" storyfold &&
  python3 eval/html-score.py wcxb "$WCXB/ground-truth" "$T/wcxb.sf.jsonl" storyfold; } >"$T/scores" ||
  { echo "eval html: scoring failed"; exit 1; }
# html-read: N pages, X MB of HTML, S s CPU: R MB/s
sf_line() { awk '{ print $2, $4, $8 }' "$1"; }
read -r aeb_pages aeb_mb aeb_s < <(sf_line "$T/aeb.sf.time")
read -r wcxb_pages wcxb_mb wcxb_s < <(sf_line "$T/wcxb.sf.time")
# speed: the median of three runs over the WCXB pages, the third after the peer's run
# (minutes later): this host's speed varies (one run in a clean CI took 10.5 s of CPU
# where runs before and after took 6 s)
runs=$wcxb_s
time_run() {
  "$HR" - <"$T/wcxb.list" >/dev/null 2>"$T/wcxb.sf.time$1" || { echo "eval html: html-read failed"; exit 1; }
  runs="$runs $(sf_line "$T/wcxb.sf.time$1" | awk '{ print $3 }')"
}
time_run 2

peer_note=
if [ "${HTML_PEER:-1}" = 0 ]; then
  peer_note="skipped (HTML_PEER=0)"
elif ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  peer_note="skipped: node or npm is not installed"
elif { [ ! -d eval/node_modules/@mozilla/readability ] || [ ! -d eval/node_modules/linkedom ]; } &&
  ! (cd eval && npm ci --silent --no-audit --no-fund >"$T/npm.log" 2>&1); then
  peer_note="skipped: npm ci in eval/ failed: $(grep -m1 -i err "$T/npm.log" || true)"
else
  for set in aeb wcxb; do
    if ! node eval/readability-peer.js <"$T/$set.list" >"$T/$set.peer.jsonl" 2>"$T/$set.peer.time"; then
      peer_note="failed: $(tail -n 1 "$T/$set.peer.time")"; break
    fi
  done
  if [ -z "$peer_note" ]; then
    python3 eval/html-score.py aeb "$AEB/ground-truth.json" "$T/aeb.peer.jsonl" readability >>"$T/scores"
    python3 eval/html-score.py wcxb "$WCXB/ground-truth" "$T/wcxb.peer.jsonl" readability >>"$T/scores"
  fi
fi
time_run 3
wcxb_s=$(echo "$runs" | tr ' ' '\n' | sort -g | sed -n 2p)
# readability: N pages, X MB of HTML, S s
peer_s() { awk '{ print $8 }' "$T/$1.peer.time" 2>/dev/null; }

fig() { awk -v s="$1" -v k="$2" '$1 == s && $2 == k { print $3 }' "$T/scores"; }
n_art=$(fig storyfold wcxb_article_pages)
echo "eval html: main text and metadata: aeb-dev $aeb_pages pages (ScrapingHub metric), wcxb-dev $wcxb_pages pages ($n_art articles; word F1)"
printf '  %-12s %6s %6s %6s | %8s %8s | %6s %6s %6s | %8s %7s\n' system aeb-P aeb-R aeb-F1 \
  wcxb-all wcxb-art title author date pages/s MB/s
row() { # row SYSTEM SECONDS_AEB SECONDS_WCXB
  local s=$1 secs
  secs=$(awk -v a="$2" -v b="$3" 'BEGIN { print a + b }')
  printf '  %-12s %6s %6s %6s | %8s %8s | %6s %6s %6s | %8.1f %7.1f\n' "$s" \
    "$(fig "$s" aeb_precision)" "$(fig "$s" aeb_recall)" "$(fig "$s" aeb_f1)" \
    "$(fig "$s" wcxb_f1_all)" "$(fig "$s" wcxb_f1_article)" "$(fig "$s" wcxb_title_acc)" \
    "$(fig "$s" wcxb_author_acc)" "$(fig "$s" wcxb_date_acc)" \
    "$(awk -v n=$((aeb_pages + wcxb_pages)) -v t="$secs" 'BEGIN { print (t > 0 ? n / t : 0) }')" \
    "$(awk -v m="$aeb_mb" -v w="$wcxb_mb" -v t="$secs" 'BEGIN { print (t > 0 ? (m + w) / t : 0) }')"
}
row storyfold "$aeb_s" "$wcxb_s"
if [ -z "$peer_note" ]; then row readability "$(peer_s aeb)" "$(peer_s wcxb)"
else echo "  readability: $peer_note"; fi
echo "  metadata on the WCXB article pages that have it: title $(fig storyfold wcxb_title_pages) pages, author $(fig storyfold wcxb_author_pages), date $(fig storyfold wcxb_date_pages); title = equal lowercased \\w+ tokens, author = first author equal so, date = same day"
echo "  throughput: storyfold ${wcxb_mb} MB of WCXB HTML in ${wcxb_s} s of one core's CPU (the median of three runs: $runs s): $(awk -v m="$wcxb_mb" -v t="$wcxb_s" 'BEGIN { printf "%.1f", (t > 0 ? m / t : 0) }') MB/s"
echo "  published (ScrapingHub, all 181 pages): rs_trafilatura 0.970, trafilatura 0.958, Readability.js 0.947; WCXB dev all types: rs-trafilatura 0.859, trafilatura 0.791, Readability 0.675"

mbs=$(awk -v m="$wcxb_mb" -v t="$wcxb_s" 'BEGIN { printf "%.1f", (t > 0 ? m / t : 0) }')
fails=$(awk -v a="$(fig storyfold aeb_f1)" -v A="${HTML_AEB_MIN:-0.973}" \
  -v w="$(fig storyfold wcxb_f1_article)" -v W="${HTML_WCXB_ART_MIN:-0.945}" \
  -v l="$(fig storyfold wcxb_f1_all)" -v L="${HTML_WCXB_ALL_MIN:-0.81}" \
  -v t="$(fig storyfold wcxb_title_acc)" -v Ti="${HTML_TITLE_MIN:-0.896}" \
  -v u="$(fig storyfold wcxb_author_acc)" -v U="${HTML_AUTHOR_MIN:-0.896}" \
  -v d="$(fig storyfold wcxb_date_acc)" -v D="${HTML_DATE_MIN:-0.882}" \
  -v m="$mbs" -v M="${HTML_MBS_MIN:-40}" 'BEGIN {
    if (a < A) printf "aeb F1 %s < %s; ", a, A
    if (w < W) printf "WCXB article F1 %s < %s; ", w, W
    if (l < L) printf "WCXB all-pages F1 %s < %s; ", l, L
    if (t < Ti) printf "title %s < %s; ", t, Ti
    if (u < U) printf "author %s < %s; ", u, U
    if (d < D) printf "date %s < %s; ", d, D
    if (m < M) printf "%s MB/s < %s; ", m, M }')
if [ -n "$fails" ]; then echo "eval html: FAIL: $fails"; exit 1; fi
echo "eval html: ok: aeb F1 $(fig storyfold aeb_f1), WCXB article F1 $(fig storyfold wcxb_f1_article), $mbs MB/s, all at or above their gates"
