#!/usr/bin/env bash
# tests/cli/run.sh — end-to-end tests of the storyfold command line: golden outputs on
# examples/, the store (ingest, stories, show, search), idempotence, bad inputs, a
# kill -9 in the middle of a large ingest, --help everywhere, stdin, the seeds.
# Usage: STORYFOLD=path/to/storyfold tests/cli/run.sh   (run from the repository root)
set -u
SF=${STORYFOLD:-./build/storyfold}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
T=$(mktemp -d /tmp/storyfold-cli.XXXXXX)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
no() { fail=$((fail + 1)); echo "FAIL $1"; [ $# -gt 1 ] && printf '     %s\n' "$2"; }
check() { # check NAME COMMAND...: passes when the command succeeds
  local name=$1; shift
  if "$@" >"$T/out" 2>"$T/err"; then ok "$name"; else no "$name" "$(head -c 600 "$T/err")"; fi
}
q() { sqlite3 "$1" "$2"; }

# ---- golden outputs on the invented examples ------------------------------------------
"$SF" brief examples/ >"$T/brief.md" 2>"$T/brief.err"; rc=$?
[ $rc = 0 ] && ok "brief examples/ exits 0" || no "brief examples/ exits 0" "rc=$rc $(cat "$T/brief.err")"
if diff -u tests/cli/expected/brief-examples.md "$T/brief.md" >"$T/diff"; then ok "brief examples/ matches golden"
else no "brief examples/ matches golden" "$(head -30 "$T/diff")"; fi
"$SF" cluster examples/ >"$T/cluster.tsv" 2>/dev/null
if diff -u tests/cli/expected/cluster-examples.tsv "$T/cluster.tsv" >"$T/diff"; then ok "cluster examples/ matches golden"
else no "cluster examples/ matches golden" "$(head -30 "$T/diff")"; fi
"$SF" brief --json examples/ >"$T/brief.jsonl" 2>/dev/null
check "brief --json is JSON Lines" jq -e -s 'length == 4 and all(.[]; .summary | length > 0)' "$T/brief.jsonl"
"$SF" extract examples/wire.sgml >"$T/extract.jsonl"
check "extract: one object per document, spans in range, entities found" jq -e -s '
  length == 2 and all(.[]; (.text | utf8bytelength) as $n
    | (.sentences | length > 3) and all(.sentences[]; .[0] < .[1] and .[1] <= $n)
    and (.entities | length > 5)
    and all(.entities[]; .start < .end and .end <= $n and (.type | test("^(PER|LOC|ORG|MISC)$")))
    and all(.timexes[]; .start < .end and .end <= $n and (.type | test("^(DATE|TIME|DURATION|SET)$")))
    and all(.quotes[]; .start <= .end and .end <= $n and (.kind | test("^(direct|partial)$")))
    and all(.numbers[]; .start < .end and .end <= $n and .value <= .high))' "$T/extract.jsonl"
check "extract: numeric claims with qualifier, what they count and the predicate" jq -e -s '
  [.[].numbers[] | select(.text == "at least 12")][0]
  | .value == 12 and .qualifier == "at least" and .counts == "people" and .kind == "count"' \
  "$T/extract.jsonl"
check "extract: a short name gets its document's full name" jq -e -s '
  ([.[].entities[] | select(.text == "Achterberg")][0].canonical == "Corin Achterberg")
  and ([.[].entities[] | select(.text == "Idris Malvenne")][0].type == "PER")' "$T/extract.jsonl"
head -n 1 "$T/extract.jsonl" >"$T/first.json"
bad=0
while IFS=$'\t' read -r s e want; do
  got=$(jq -j '.text' "$T/first.json" | tail -c +$((s + 1)) | head -c $((e - s)) | tr '\n' ' ')
  [ "$got" = "$want" ] || { bad=1; echo "entity [$s,$e): '$got' != '$want'" >"$T/err"; }
done < <(jq -r '.entities[] | [.start, .end, (.text | gsub("\n"; " "))] | @tsv' "$T/first.json")
[ $bad = 0 ] && ok "extract: entity offsets are byte offsets of its text" || no "extract: entity offsets are byte offsets of its text" "$(cat "$T/err")"

# extract offsets are byte offsets into the stored text, which for plain text is the file
# after its header: every sentence must be found at header length + offset in the file
f=examples/flood/velmora-herald-kestrel-dam-bursts.txt
"$SF" extract "$f" >"$T/one.jsonl"
hdr=$(( $(wc -c <"$f") - $(jq -r '.text' "$T/one.jsonl" | head -c -1 | wc -c) ))
bad=0
while read -r s e; do
  a=$(tail -c +$((hdr + s + 1)) "$f" | head -c $((e - s)))
  b=$(jq -j '.text' "$T/one.jsonl" | tail -c +$((s + 1)) | head -c $((e - s)))
  [ "$a" = "$b" ] || bad=1
done < <(jq -r '.sentences[] | "\(.[0]) \(.[1])"' "$T/one.jsonl")
[ $bad = 0 ] && ok "extract offsets point into the original file" || no "extract offsets point into the original file"

# ---- the store ----------------------------------------------------------------------------
DB="$T/s.db"
"$SF" ingest --db "$DB" examples/ 2>"$T/ingest.err"; rc=$?
[ $rc = 0 ] && ok "ingest examples/ exits 0" || no "ingest examples/ exits 0" "$(cat "$T/ingest.err")"
n1=$(q "$DB" "select count(*) from doc")
[ "$n1" = 11 ] && ok "ingest stores 11 articles" || no "ingest stores 11 articles" "got $n1"
check "ingest stores entity mentions and numeric claims" test "$(q "$DB" "SELECT (SELECT count(*) > 20 FROM entity_mention WHERE type = 'PER') AND (SELECT count(*) FROM claim WHERE qualifier = 'at least' AND counts = 'people') > 0")" = 1
check "ingest stores time expressions resolved to dates, and quotations" test "$(q "$DB" "SELECT (SELECT count(*) FROM timex WHERE type = 'DATE' AND value LIKE '2025-03-%' AND first IS NOT NULL) > 5 AND (SELECT count(*) FROM quote WHERE kind = 'direct' AND name IS NOT NULL) > 10")" = 1
"$SF" quotes --db "$DB" --who malvenne --json >"$T/quotes.jsonl"
check "quotes --who: one person's quotes, pronouns and titles resolved, oldest first" jq -e -s '
  length >= 5 and all(.[]; .name == "Idris Malvenne" and .kind == "direct" and (.text | length > 0))
  and any(.[]; .speaker == "he") and (map(.date) == (map(.date) | sort))' "$T/quotes.jsonl"
check "quotes --who finds spelling variants (accents, doubled letters)" test \
  "$("$SF" quotes --db "$DB" --who 'Idris Malvéne' --json | wc -l)" = "$(wc -l <"$T/quotes.jsonl")"
"$SF" quotes --db "$DB" --who "Nobody Atall" >"$T/out" 2>"$T/err"; rc=$?
[ $rc = 0 ] && [ ! -s "$T/out" ] && ok "quotes --who with no match: nothing, exit 0" || no "quotes --who with no match: nothing, exit 0" "rc=$rc"
check "integrity_check ok" test "$(q "$DB" 'pragma integrity_check')" = ok
check "journal is WAL" test "$(q "$DB" 'pragma journal_mode')" = wal
"$SF" ingest --db "$DB" examples/ 2>"$T/ingest2.err"
n2=$(q "$DB" "select count(*) from doc")
[ "$n2" = "$n1" ] && grep -q "0 new, 11 already stored" "$T/ingest2.err" && ok "ingest is idempotent" \
  || no "ingest is idempotent" "$n1 then $n2: $(cat "$T/ingest2.err")"
# passage reuse stored at ingest: the MPA wire story and its two reprints (Velmora Herald,
# Northgate Daily's feed item); the wire copy is the origin of both; nothing else shares
passages() {
  q "${1:-$DB}" "select coalesce(a.source, '-') || '>' || coalesce(b.source, '-') || '|' || sum(p.words)
    from passage p join doc a on a.n = p.doc join doc b on b.n = p.other
    group by p.doc, p.other order by 1"
}
passages >"$T/passages"
check "ingest stores the passages the wire story shares with its two reprints" awk -F'|' '
  { split($1, s, ">"); pair[s[1] ">" s[2]] = $2; pair[s[2] ">" s[1]] = $2; n++ }
  END { exit !(n == 3 && pair["MPA>Velmora Herald"] > 200 && pair["MPA>Northgate Daily"] > 200) }' \
  "$T/passages"
origin=$(q "$DB" "select distinct case when p.other_is_origin then b.source else a.source end
  from passage p join doc a on a.n = p.doc join doc b on b.n = p.other
  where 'MPA' in (a.source, b.source)")
check "the wire story is the origin of its reprints" test "$origin" = MPA
check "every stored passage lies inside both texts" test "$(q "$DB" "select count(*) from passage p
  join doc a on a.n = p.doc join doc b on b.n = p.other where p.start >= p.end or p.end > length(cast(a.text as blob))
  or p.other_end > length(cast(b.text as blob)) or p.words < 10")" = 0
# the same passages when the wire story arrives in a later run (its event's recent
# signatures then come from the store, not from memory)
"$SF" ingest --db "$T/split.db" examples/comet examples/feed.jsonl examples/flood \
  examples/markets.sgm examples/trade 2>/dev/null
"$SF" ingest --db "$T/split.db" examples/wire.sgml 2>/dev/null
check "passages found across two ingest runs are those of one run" \
  test "$(passages "$T/split.db")" = "$(cat "$T/passages")"
"$SF" stories --db "$DB" --json >"$T/stories.jsonl"
check "stories --json: 4 stories, 11 articles" jq -e -s 'length == 4 and (map(.articles) | add) == 11' "$T/stories.jsonl"
"$SF" stories --db "$DB" >"$T/stories.txt"
check "stories table lists the dam story" grep -qi "dam breach" "$T/stories.txt"
check "stories --json: the ratification continues the trade pact's storyline" jq -e -s '
  (map(select(.title | test("TRADE PACT"))) | .[0]) as $pact
  | map(select(.title | test("ratifies"))) | length == 1 and .[0].storyline == $pact.id
    and .[0].id != $pact.id' "$T/stories.jsonl"
sid=$(jq -r 'select(.articles == 5) | .id' "$T/stories.jsonl")
"$SF" show --db "$DB" --format json "$sid" >"$T/show.json"
check "show --format json: 5 articles, cited summary" jq -e '.articles == 5 and (.summary | length) >= 2' "$T/show.json"
# the wire story and its two reprints are one outlet; the reprints point to the wire
check "show: syndicated copies count once, and point to the wire original" jq -e '
  (.documents | map(select(.path | test("MPA20250314"))) | .[0].n) as $wire
  | .outlets == 3
  and ([.documents[] | select(.path | test("velmora-herald|feed.jsonl")) | .copy_of] == [$wire, $wire])
  and ([.documents[] | select(.copy_of == null)] | length) == 3' "$T/show.json"
# every summary sentence's pieces, cut from the stored text by sqlite3 and put one after
# the other, are the sentence shown, and lie in its cited span
bad=0
while IFS=$'\t' read -r doc pieces text; do
  got=""
  for p in $pieces; do
    [ "$p" = outside ] && bad=1 && continue
    s=${p%,*} e=${p#*,}
    got+=$(q "$DB" "select cast(substr(cast(text as blob), $s + 1, $e - $s) as text) from doc where id = '$doc'")
  done
  [ "$(printf '%s' "$got" | tr -s ' \n' '  ')" = "$(printf '%s' "$text" | tr -s ' \n' '  ')" ] || bad=1
done < <(jq -r '.summary[] | .cite as $c
  | [$c.doc, (.pieces | map(if .[0] >= $c.start and .[1] <= $c.end then "\(.[0]),\(.[1])" else "outside" end) | join(" ")),
     (.text | gsub("\\s+"; " "))] | @tsv' "$T/show.json")
[ $bad = 0 ] && ok "summary citations are exact byte spans of stored text" || no "summary citations are exact byte spans of stored text"
"$SF" show --db "$DB" "$sid" >"$T/show.md"
check "show prints Markdown with sources" grep -q "^### Sources" "$T/show.md"
"$SF" show --db "$DB" 999 >/dev/null 2>"$T/err"; rc=$?
[ $rc = 1 ] && grep -q "no story 999" "$T/err" && ok "show unknown story: exit 1, says so" || no "show unknown story" "rc=$rc"
"$SF" search --db "$DB" --json "comet" >"$T/search.jsonl"
check "search finds the comet sentences, BM25-ranked" jq -e -s 'length >= 2 and all(.[]; .text | test("[Cc]omet"))' "$T/search.jsonl"
"$SF" search --db "$DB" "flooding" >"$T/search.txt"
check "search is stemmed (flooding finds flood)" grep -qi "flood" "$T/search.txt"
"$SF" search --db "$DB" '"unbalanced' >/dev/null 2>"$T/err"; rc=$?
[ $rc = 2 ] && ok "bad search query: exit 2" || no "bad search query: exit 2" "rc=$rc"

"$SF" stories --db "$T/none.db" >/dev/null 2>"$T/err"; rc=$?
[ $rc = 1 ] && grep -q "no such store" "$T/err" && [ ! -e "$T/none.db" ] \
  && ok "reading a missing store: exit 1, nothing created" || no "reading a missing store" "rc=$rc"

# ---- stdin ----------------------------------------------------------------------------
"$SF" extract - <examples/feed.jsonl >"$T/stdin.jsonl" 2>"$T/err"
check "'-' reads JSON Lines from stdin" jq -e -s 'length == 2 and .[0].source != null' "$T/stdin.jsonl"

# a slow feed on stdin: what has arrived is committed while the ingest waits for more
mkfifo "$T/feed"
"$SF" ingest --quiet --db "$T/feed.db" - <"$T/feed" 2>/dev/null &
pid=$!
exec 4>"$T/feed"
head -n 2 examples/feed.jsonl >&4
c=0
for _ in $(seq 1 100); do
  c=$(q "$T/feed.db" "select count(*) from doc" 2>/dev/null || echo 0)
  [ "${c:-0}" = 2 ] && break
  sleep 0.1
done
exec 4>&-
wait $pid; rc=$?
[ "$c" = 2 ] && [ $rc = 0 ] && ok "ingest -: articles are committed while the feed is idle" \
  || no "ingest -: articles are committed while the feed is idle" "count=$c rc=$rc"

# ---- bad input ----------------------------------------------------------------------------
B="$T/bad"; mkdir -p "$B"
printf 'title: Good one\nsource: Test Wire\ndate: 2025-05-02\n\nThe harbour reopened on Friday after a week of repairs. Officials said traffic was normal.\n' >"$B/good.txt"
printf 'A caf\xe9 menu in Latin-1, not UTF-8.\n' >"$B/latin1.txt"
{ printf 'x'; head -c 3000 /dev/urandom; printf '\0'; } >"$B/blob.bin"  # 'x': never gzip magic
: >"$B/empty.txt"
head -c $((50 * 1024 * 1024)) /dev/zero | tr '\0' 'a' >"$B/huge.txt"
{ echo '{"id":"g1","source":"Wire A","date":"2025-05-03","text":"The ferry service resumed on Saturday. Hundreds of passengers crossed."}'
  echo '{"id":"broken", "text": "no closing brace"'
  echo '{"id":"g2","source":"Wire B","date":"2025-05-03","text":"A new bridge opened to traffic. The mayor cut the ribbon at noon."}'; } >"$B/mixed.jsonl"
{ printf '<DOC>\n<DOCNO> ABC20250504.0001 </DOCNO>\n<TEXT>\nThe first document is whole. It ends properly.\n</TEXT>\n</DOC>\n'
  printf '<DOC>\n<DOCNO> ABC20250504.0002 </DOCNO>\n<TEXT>\nThe second document is cut off in the mid'; } >"$B/cut.sgml"
DB2="$T/bad.db"
"$SF" ingest --db "$DB2" "$B" 2>"$T/bad.err"; rc=$?
[ $rc = 1 ] && ok "bad inputs: exit 1" || no "bad inputs: exit 1" "rc=$rc"
for pat in "latin1.txt: .*invalid UTF-8 at byte 5" "blob.bin: .*binary" "empty.txt: .*empty" \
           "huge.txt: .*16 MiB" "mixed.jsonl: line 2: " "cut.sgml: byte [0-9]*: .*cut off"; do
  grep -q "$pat" "$T/bad.err" && ok "bad inputs: reported '$pat'" || no "bad inputs: reported '$pat'" "$(cat "$T/bad.err")"
done
n=$(q "$DB2" "select count(*) from doc")
[ "$n" = 4 ] && ok "bad inputs: the 4 good articles are stored" || no "bad inputs: the 4 good articles are stored" "got $n"
# JSON Lines past the 64 MiB load limit are streamed: blank lines between three articles,
# one line broken far down the file (named by its line number)
{ echo '{"id":"b1","source":"Wire A","date":"2025-05-05","text":"The harbour crane was repaired overnight. Loading resumed at dawn."}'
  head -c $((65 * 1024 * 1024)) /dev/zero | tr '\0' '\n'
  echo '{"id":"b2","text": "cut'
  echo '{"id":"b3","source":"Wire B","date":"2025-05-05","text":"A rail strike ended after talks. Trains ran on time by noon."}'; } >"$T/big.jsonl"
"$SF" ingest --db "$T/big.db" "$T/big.jsonl" 2>"$T/big.err"; rc=$?
[ $rc = 1 ] && [ "$(q "$T/big.db" 'select count(*) from doc')" = 2 ] \
  && grep -q "big.jsonl: line $((65 * 1024 * 1024 + 2)): " "$T/big.err" \
  && ok "ingest: a JSON Lines file over 64 MiB is streamed; a bad line is named by number" \
  || no "ingest: a JSON Lines file over 64 MiB is streamed; a bad line is named by number" "rc=$rc $(cat "$T/big.err")"
rm -f "$T/big.jsonl"
"$SF" ingest --db "$DB2" "$T/does-not-exist" 2>"$T/err"; rc=$?
[ $rc = 1 ] && grep -q "does-not-exist" "$T/err" && [ "$(q "$DB2" 'select count(*) from doc')" = 4 ] \
  && ok "missing path: named, exit 1, nothing stored lost" || no "missing path" "rc=$rc $(cat "$T/err")"

# ---- HTML pages (invented): main text and metadata, boilerplate left out ------------------
H="$T/html"; mkdir -p "$H"
cat >"$H/dam.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Kestrel Dam bursts | Velmora Herald</title>
<meta property="og:site_name" content="Velmora Herald"><link rel="canonical" href="https://herald.example/2025/03/14/dam">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Kestrel Dam bursts","datePublished":"2025-03-14T07:10:00Z","author":{"@type":"Person","name":"Helena Roskell"}}</script>
</head><body><div class="cookie-banner">We use cookies to give you the best experience on our website.</div>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Kestrel Dam bursts</h1><ul class="share"><li><a href="#">Share on Facebook</a></li></ul>
<p>The Kestrel Dam gave way at about 4:40 a.m. on Friday after four days of heavy rain, the Velmora Water Authority said.</p>
<figure><img src="d.jpg"><figcaption>The breach from the east bank. Photo: Lena Ostrova</figcaption></figure>
<p>At least 12 people were killed as floodwater swept through three villages in the Ashwater valley, officials said.</p>
<p>"We lost the spillway in minutes, not hours," said Idris Malvenne, who leads the authority.</p>
<aside class="related"><a href="/a">Ashwater council approves an emergency budget for flood defences</a></aside>
</article><footer>Copyright 2025 Velmora Herald</footer></body></html>
HTML
printf '<html><head><meta charset="windows-1252"><title>Caf\xe9 reopens</title></head><body><p>The caf\xe9 on the quay reopened on Monday, its owner said, three weeks after the flood reached its \x93front step\x94 and ruined the kitchen.</p></body></html>' | gzip >"$H/cafe.html.gz"
printf '<html><body><nav><a href="/">Home</a></nav></body></html>' >"$H/empty.htm"
"$SF" extract "$H/dam.html" >"$T/html.jsonl" 2>"$T/err"
check "extract page.html: title, outlet, date, and the article's paragraphs" jq -e '
  .title == "Kestrel Dam bursts" and .source == "Velmora Herald" and .date == "2025-03-14"
  and (.text | startswith("The Kestrel Dam gave way")) and (.text | contains("officials said.\n\n\"We lost"))
  and (.entities | map(.text) | index("Idris Malvenne") != null)' "$T/html.jsonl"
check "extract page.html: cookie banner, menu, share bar, caption, teaser and footer left out" jq -e '
  .text | (contains("cookies") or contains("Sport") or contains("Share") or contains("Photo")
           or contains("emergency budget") or contains("Copyright")) | not' "$T/html.jsonl"
"$SF" ingest --db "$T/html.db" "$H" 2>"$T/html.err"; rc=$?
[ $rc = 1 ] && grep -q "empty.htm: .*no article text found in the HTML" "$T/html.err" \
  && ok "ingest HTML: a page without article text is rejected by name" || no "ingest HTML: a page without article text is rejected by name" "rc=$rc $(cat "$T/html.err")"
check "ingest HTML: page and .html.gz stored with author, URL, date; windows-1252 read as UTF-8" test \
  "$(q "$T/html.db" "SELECT (SELECT count(*) FROM doc) = 2 AND (SELECT count(*) FROM doc WHERE author = 'Helena Roskell' AND url = 'https://herald.example/2025/03/14/dam' AND day IS NOT NULL) = 1 AND (SELECT count(*) FROM doc WHERE title = 'Caf'||char(233)||' reopens' AND text LIKE '%'||char(8220)||'front step'||char(8221)||'%') = 1")" = 1

# ---- WARC archives and feeds (invented): records and items become articles ------------------
A="$T/arc"; mkdir -p "$A"
# warc_rec TYPE CONTENT-TYPE URI BLOCK-FILE: one record on stdout
warc_rec() {
  printf 'WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\nWARC-Date: 2025-03-15T06:00:00Z\r\nWARC-Target-URI: %s\r\nContent-Type: %s\r\nContent-Length: %s\r\n\r\n' \
    "$1" "$(basename "$4")" "$3" "$2" "$(wc -c <"$4")"
  cat "$4"; printf '\r\n\r\n'
}
printf 'software: storyfold-tests\r\n' >"$A/info"
printf 'GET /dam HTTP/1.1\r\nHost: herald.example\r\n\r\n' >"$A/req"
{ printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n'; cat "$H/dam.html"; } >"$A/dam"
sed 's/Kestrel Dam bursts/Kestrel Dam gives way/g' "$H/dam.html" | gzip -c >"$A/dam2.gz"
{ printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n%x\r\n' "$(wc -c <"$A/dam2.gz")"
  cat "$A/dam2.gz"; printf '\r\n0\r\n\r\n'; } >"$A/dam2"
printf 'HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG' >"$A/png"
printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n' >"$A/revisit"
R=application/http
{ warc_rec warcinfo application/warc-fields "" "$A/info" | gzip -c
  warc_rec request "$R; msgtype=request" https://herald.example/dam "$A/req" | gzip -c
  warc_rec response "$R; msgtype=response" https://herald.example/dam "$A/dam" | gzip -c
  warc_rec response "$R; msgtype=response" https://mirror.example/dam?ref=rss "$A/dam2" | gzip -c
  warc_rec response "$R; msgtype=response" https://herald.example/d.jpg "$A/png" | gzip -c
  warc_rec revisit "$R; msgtype=response" https://herald.example/dam "$A/revisit" | gzip -c; } >"$A/crawl.warc.gz"
"$SF" extract "$A/crawl.warc.gz" >"$T/warc.jsonl" 2>"$T/err"; rc=$?
[ $rc = 0 ] && ok "extract .warc.gz (one gzip member per record): exit 0" || no "extract .warc.gz: exit 0" "rc=$rc $(cat "$T/err")"
check "extract .warc.gz: the two HTML responses (one chunked and gzip) as articles, the rest skipped" jq -e -s '
  length == 2 and .[0].path == "'"$A"'/crawl.warc.gz#3" and .[1].path == "'"$A"'/crawl.warc.gz#4"
  and .[0].title == "Kestrel Dam bursts" and .[1].title == "Kestrel Dam gives way"
  and all(.[]; .date == "2025-03-14" and (.text | startswith("The Kestrel Dam gave way")))' "$T/warc.jsonl"
# a plain .warc with a record cut off at the end: the good records are still stored
{ zcat "$A/crawl.warc.gz"; warc_rec response "$R; msgtype=response" https://herald.example/cut "$A/dam" | head -c 900; } >"$A/cut.warc"
at=$(zcat "$A/crawl.warc.gz" | wc -c)
"$SF" ingest --db "$T/warc.db" "$A/crawl.warc.gz" "$A/cut.warc" 2>"$T/warc.err"; rc=$?
[ $rc = 1 ] && grep -q "cut.warc#7: byte $at: truncated record" "$T/warc.err" \
  && ok "ingest .warc: a cut record is rejected with its record number and byte offset" \
  || no "ingest .warc: a cut record is rejected with its record number and byte offset" "rc=$rc $(cat "$T/warc.err")"
# (the second response has the same text: stored once; the cut file's copies likewise)
check "ingest .warc: url and record id from the record, the page's own date and author" test \
  "$(q "$T/warc.db" "SELECT (SELECT count(*) FROM doc) = 1 AND (SELECT count(*) FROM doc WHERE path LIKE '%crawl.warc.gz#3' AND url = 'https://herald.example/dam' AND ext_id = 'urn:uuid:dam' AND author = 'Helena Roskell' AND date = '2025-03-14') = 1")" = 1
cat >"$A/herald.rss" <<'RSS'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Velmora Herald: Ashwater</title><link>https://herald.example/</link><language>en</language>
<item><title>Ashwater villages count the cost</title><link>https://herald.example/2025/03/16/cost</link>
<pubDate>Sun, 16 Mar 2025 08:00:00 +0000</pubDate><dc:creator>Tomas Ebb</dc:creator><guid isPermaLink="false">vh-0316-cost</guid>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>Residents of Millbrook Ferry returned on Sunday to homes filled with mud, two days after the Kestrel Dam failed.</p><p>"Everything below the stairs is gone," said one farmer.<script>track()</script></p>]]></content:encoded></item>
<item><title>Water authority &amp;amp; council to meet</title><link>https://herald.example/2025/03/17/meet</link>
<pubDate>Mon, 17 Mar 25 07:30:00 GMT</pubDate>
<description>&lt;p&gt;The Velmora Water Authority will meet the Ashwater council on Tuesday to discuss the inquiry.&lt;/p&gt;</description></item>
<item><title>Photo gallery</title><link>https://herald.example/gallery</link></item>
</channel></rss>
RSS
cat >"$A/post.atom" <<'ATOM'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ostrand Post</title><id>urn:ostrand-post</id>
<entry><title>Spillway inspection questioned</title><link rel="alternate" href="https://post.example/spillway"/>
<id>urn:ostrand-post:1</id><updated>2025-03-18T10:00:00Z</updated><published>2025-03-17T21:00:00Z</published>
<author><name>Lena Ostrova</name></author>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Engineers questioned on Monday why the dam was rated <em>serviceable</em> eight days before it failed.</p></div></content></entry>
</feed>
ATOM
"$SF" extract "$A/herald.rss" "$A/post.atom" >"$T/feed.jsonl" 2>"$T/feed.err"; rc=$?
[ $rc = 1 ] && grep -q "herald.rss: item 3: no text in the item" "$T/feed.err" \
  && ok "extract feeds: an item without text is rejected by number" || no "extract feeds: an item without text is rejected by number" "rc=$rc $(cat "$T/feed.err")"
check "extract feeds: RSS content:encoded and escaped description, Atom XHTML content, as articles" jq -e -s '
  length == 3 and map(.path) == ["'"$A"'/herald.rss#1", "'"$A"'/herald.rss#2", "'"$A"'/post.atom#1"]
  and map(.date) == ["2025-03-16", "2025-03-17", "2025-03-17"]
  and map(.source) == ["Velmora Herald: Ashwater", "Velmora Herald: Ashwater", "Ostrand Post"]
  and .[0].text == "Residents of Millbrook Ferry returned on Sunday to homes filled with mud, two days after the Kestrel Dam failed.\n\n\"Everything below the stairs is gone,\" said one farmer."
  and .[1].title == "Water authority & council to meet" and (.[1].text | startswith("The Velmora Water Authority"))
  and (.[2].text | contains("rated serviceable eight days"))' "$T/feed.jsonl"
"$SF" ingest --db "$T/feed.db" "$A/herald.rss" "$A/post.atom" 2>/dev/null
check "ingest feeds: link, guid and author stored" test \
  "$(q "$T/feed.db" "SELECT count(*) FROM doc WHERE (url = 'https://herald.example/2025/03/16/cost' AND ext_id = 'vh-0316-cost' AND author = 'Tomas Ebb') OR (url = 'https://post.example/spillway' AND author = 'Lena Ostrova')")" = 2

# ---- languages (invented French and German reports): identified, stemmed, linked ----------
L=tests/cli/lang
"$SF" extract "$L/fr-barrage-1.txt" "$L/de-hochwasser.txt" >"$T/lang.jsonl" 2>"$T/err"
check "extract: a French and a German article get lang fr and de" jq -e -s '
  length == 2 and .[0].lang == "fr" and .[1].lang == "de"' "$T/lang.jsonl"
check "extract: the English NER model leaves a German article alone" jq -e -s '
  (.[1].entities | length) == 0 and (.[1].sentences | length) >= 6' "$T/lang.jsonl"
"$SF" cluster "$L" >"$T/lang.tsv" 2>"$T/err"
check "cluster: two French reports of one event together, a third apart" awk -F'\t' '
  { ev[$1] = $2 } END { a = ev["'"$L"'/fr-barrage-1.txt"]; b = ev["'"$L"'/fr-barrage-2.txt"]
    c = ev["'"$L"'/fr-elections.txt"]; exit !(a != "" && a == b && c != a) }' "$T/lang.tsv"
# declared languages: cut to the primary subtag; a template's "en" on a German text overruled
jq -c -n --rawfile en examples/flood/velmora-herald-kestrel-dam-bursts.txt \
  --rawfile de "$L/de-hochwasser.txt" \
  '{text: $en, lang: "en-GB"}, {text: $de, lang: "en"}, {text: $de, lang: "de-AT"}' \
  | "$SF" extract - >"$T/declared.jsonl" 2>"$T/err"
check "extract: declared languages normalized, a wrong one overruled" jq -e -s '
  map(.lang) == ["en", "de", "de"]' "$T/declared.jsonl"

# ---- boilerplate learned per source (invented outlet): kept across ingests -----------------
# tests/cli/learned: five articles of one outlet on five unrelated events, each ending with
# the outlet's own promotion line; later/ holds a sixth, ingested by a second run.
L="Tillbrook Observer members get the evening edition free at the front desk."
"$SF" ingest --db "$T/learn.db" tests/cli/learned/[1-5]-*.txt 2>"$T/err"
check "learned: the outlet's repeated line is learned with its source" test "$(q "$T/learn.db" \
  "SELECT source || '|' || line || '|' || docs || '|' || events FROM learned_line WHERE marked")" \
  = "Tillbrook Observer|$L|5|5"
"$SF" ingest --db "$T/learn1.db" tests/cli/learned/1-*.txt 2>"$T/err"
"$SF" ingest --db "$T/learn1.db" tests/cli/learned/[2-5]-*.txt 2>"$T/err"
check "learned: a line seen once by an earlier ingest counts with the later ones" test "$(q "$T/learn1.db" \
  "SELECT source || '|' || line || '|' || docs || '|' || events FROM learned_line WHERE marked")" \
  = "Tillbrook Observer|$L|5|5"
"$SF" ingest --db "$T/learn.db" tests/cli/learned/later 2>"$T/err"
check "learned: a second ingest into the store marks the line in its new article" test "$(q "$T/learn.db" \
  "SELECT s.boilerplate FROM sentence s JOIN doc d ON d.n = s.doc
   WHERE d.path LIKE '%6-festival.txt' AND substr(d.text, s.start + 1, s.end - s.start) = '$L'")" = 1
"$SF" show --db "$T/learn.db" 6 >"$T/learn6.md" 2>"$T/err"
check "learned: the line is left out of the new article's summary" \
  sh -c "grep -q 'lantern festival returned' '$T/learn6.md' && ! grep -q 'front desk' '$T/learn6.md'"
check "learned: the stored text still holds the line" test "$(q "$T/learn.db" \
  "SELECT instr(text, '$L') > 0 FROM doc WHERE path LIKE '%6-festival.txt'")" = 1
"$SF" ingest --db "$T/unlearned.db" tests/cli/learned/later 2>/dev/null
"$SF" show --db "$T/unlearned.db" 1 >"$T/unlearned.md" 2>"$T/err"
check "learned: in a store that never learned it, the same article's summary has the line" \
  grep -q 'front desk' "$T/unlearned.md"
"$SF" summarize --words 60 tests/cli/learned/later >"$T/sum-plain" 2>"$T/err"
"$SF" summarize --words 60 --learned "$T/learn.db" tests/cli/learned/later >"$T/sum-learned" 2>"$T/err"
check "learned: summarize --learned STORE leaves out what the store learned" \
  sh -c "grep -q 'front desk' '$T/sum-plain' && ! grep -q 'front desk' '$T/sum-learned' &&
         grep -q 'lantern festival' '$T/sum-learned'"
"$SF" show --db "$T/learn.db" 1 >"$T/learn1.md" 2>"$T/err"
check "learned: a brief applies what was learned after its articles were stored" \
  sh -c "grep -q 'Orlen Bridge' '$T/learn1.md' && ! grep -q 'front desk' '$T/learn1.md'"

# ---- kill -9 during a large ingest ---------------------------------------------------------
# The ingest reads JSON Lines from a FIFO whose writer never closes it, so it cannot
# finish before the kill, whatever the machine's speed. Whenever the kill lands (mid-
# batch, or while an idle commit runs), the store must hold exactly a prefix of the
# input: whole batches, no half-written article, no gap.
K="$T/kill"; mkdir -p "$K"
N=40000
awk -v n=$N 'BEGIN {
  split("harbour bridge council river school market railway hospital stadium library", w, " ")
  for (i = 1; i <= n; i++) {
    a = w[i % 10 + 1]; b = w[int(i / 10) % 10 + 1]
    printf "{\"id\":\"k%d\",\"source\":\"Wire %d\",\"date\":\"2025-06-%02d\",\"text\":\"Report %d: the %s and the %s of district %d were inspected on day %d. Inspectors counted %d faults and %d repairs in the %s.\"}\n", i, i % 7, i % 28 + 1, i, a, b, i, i % 97, i * 7 % 13, i % 31, a
  } }' >"$K/big.jsonl"
DB3="$T/kill.db"
mkfifo "$K/fifo"
"$SF" ingest --quiet --db "$DB3" - <"$K/fifo" 2>/dev/null &
pid=$!
exec 3>"$K/fifo"
head -n 30000 "$K/big.jsonl" >&3 &
writer=$!
c=0
for _ in $(seq 1 600); do   # until a first batch is committed (at most 60 s)
  c=$(q "$DB3" "select count(*) from doc" 2>/dev/null || echo 0)
  [ "${c:-0}" -ge 1000 ] && break
  sleep 0.1
done
sleep 0.2
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
kill $writer 2>/dev/null; wait $writer 2>/dev/null
exec 3>&-
before=$(q "$DB3" "select count(*) from doc")
check "kill -9: integrity_check ok" test "$(q "$DB3" 'pragma integrity_check')" = ok
beyond=$(q "$DB3" "select count(*) from doc where cast(substr(ext_id, 2) as integer) > $before")
[ "$before" -ge 1000 ] && [ "$before" -lt 30000 ] && [ "$beyond" = 0 ] \
  && ok "kill -9: the store holds a whole prefix of the input ($before articles)" \
  || no "kill -9: the store holds a whole prefix of the input" "count=$before beyond=$beyond"
"$SF" ingest --quiet --db "$DB3" "$K/big.jsonl"; rc=$?
after=$(q "$DB3" "select count(*) from doc")
distinct=$(q "$DB3" "select count(distinct id) from doc")
ext=$(q "$DB3" "select count(distinct ext_id) from doc")
[ $rc = 0 ] && [ "$after" = $N ] && [ "$distinct" = $N ] && [ "$ext" = $N ] \
  && ok "kill -9 then ingest again: every article exactly once" \
  || no "kill -9 then ingest again: every article exactly once" "rc=$rc after=$after distinct=$distinct ext=$ext"
check "kill -9: no orphan sentences" test "$(q "$DB3" "select count(*) from sentence where doc not in (select n from doc)")" = 0
"$SF" ingest --quiet --db "$T/oneshot.db" "$K/big.jsonl"
q "$DB3" "select id, story from doc order by id" >"$T/resumed.m"
q "$T/oneshot.db" "select id, story from doc order by id" >"$T/oneshot.m"
cmp -s "$T/resumed.m" "$T/oneshot.m" && ok "kill -9: the resumed ingest groups exactly as an uninterrupted one" \
  || no "kill -9: the resumed ingest groups exactly as an uninterrupted one"
check "kill -9: story counts match their articles" test "$(q "$DB3" "select count(*) from story s where n_docs != (select count(*) from doc d where d.story = s.id)")" = 0

# ---- two ingests at once into one store -----------------------------------------------------
for i in 1 2 3; do
  DB4="$T/par$i.db"
  "$SF" ingest --quiet --db "$DB4" examples/ 2>"$T/par1.err" & p1=$!
  "$SF" ingest --quiet --db "$DB4" "$B/good.txt" "$B/mixed.jsonl" 2>"$T/par2.err" & p2=$!
  wait $p1; r1=$?; wait $p2; r2=$?
  n=$(q "$DB4" "select count(*) from doc")
  m=$(q "$DB4" "select value from meta where key = 'n_docs'")
  bad=$(q "$DB4" "select count(*) from story s where n_docs != (select count(*) from doc d where d.story = s.id)")
  if [ $r1 = 0 ] && [ $r2 = 1 ] && [ "$n" = 14 ] && [ "$m" = 14 ] && [ "$bad" = 0 ]; then ok "parallel ingests, run $i: 14 articles, counts consistent"
  else no "parallel ingests, run $i" "rc=$r1/$r2 docs=$n meta=$m bad=$bad $(cat "$T/par1.err" "$T/par2.err")"; fi
done

# ---- nothing to read ----------------------------------------------------------------------
mkdir -p "$T/emptydir"
"$SF" brief "$T/emptydir" >"$T/out" 2>&1; rc=$?
[ $rc = 0 ] && grep -q "0 articles in 0 stories" "$T/out" && ok "brief of an empty directory" || no "brief of an empty directory" "rc=$rc $(cat "$T/out")"
"$SF" cluster "$T/emptydir" >"$T/out" 2>&1; rc=$?
[ $rc = 0 ] && [ ! -s "$T/out" ] && ok "cluster of an empty directory" || no "cluster of an empty directory" "rc=$rc"

# ---- help and usage -------------------------------------------------------------------------
for c in ingest stories show search brief summarize cluster extract tag; do
  "$SF" $c --help >"$T/help" 2>&1; rc=$?
  [ $rc = 0 ] && grep -q "usage: storyfold $c" "$T/help" && ok "$c --help" || no "$c --help" "rc=$rc"
  "$SF" $c --no-such-option >/dev/null 2>&1; rc=$?
  [ $rc = 2 ] && ok "$c bad option: exit 2" || no "$c bad option: exit 2" "rc=$rc"
done
"$SF" --help | grep -q "Commands:" && ok "storyfold --help" || no "storyfold --help"
"$SF" frobnicate >/dev/null 2>&1; [ $? = 2 ] && ok "unknown command: exit 2" || no "unknown command: exit 2"

# ---- worker threads change nothing but speed ------------------------------------------------
STORYFOLD_THREADS=1 "$SF" brief --json examples/ >"$T/t1.jsonl" 2>/dev/null
STORYFOLD_THREADS=4 "$SF" brief --json examples/ >"$T/t4.jsonl" 2>/dev/null
check "brief: the same with 1 and 4 analysis threads" cmp -s "$T/t1.jsonl" "$T/t4.jsonl"
STORYFOLD_THREADS=1 "$SF" ingest --quiet --db "$T/d1.db" examples/ 2>/dev/null
STORYFOLD_THREADS=4 "$SF" ingest --quiet --db "$T/d4.db" examples/ 2>/dev/null
sqlite3 "$T/d1.db" .dump >"$T/d1.sql"; sqlite3 "$T/d4.db" .dump >"$T/d4.sql"
check "ingest: the same store, row for row and byte for byte, with 1 and 4 analysis threads" \
  sh -c "test -s '$T/d1.sql' && cmp -s '$T/d1.sql' '$T/d4.sql'"

# ---- tag --conll: the tagger's evaluation interface -----------------------------------------
printf -- '-DOCSTART- -X- -X- O\n\nIlsa NNP B-NP B-PER\nMarovic NNP I-NP I-PER\nvisited VBD B-VP O\nVelmora NNP B-NP B-LOC\n. . O O\n' >"$T/in.conll"
"$SF" tag --conll "$T/in.conll" >"$T/tag.out"
check "tag --conll: every line back with one tag added" awk 'NR == 1 && $NF != "O" { exit 1 } NF && NF != 5 { exit 1 } $NF !~ /^(O|[BI]-(PER|LOC|ORG|MISC))$/ && NF { exit 1 } END { exit NR != 7 }' "$T/tag.out"
check "tag --conll: a person and a place" grep -q 'Marovic NNP I-NP I-PER I-PER' "$T/tag.out"
printf -- '-DOCSTART- -X- -X- O\n\n-DOCSTART- -X- -X- O\n' >"$T/empty.conll"
check "tag --conll: documents without tokens" "$SF" tag --conll "$T/empty.conll"
printf 'Velmora NNP B-NP B-LOC\nfell VBD B-VP Q-TAG\n' >"$T/bad.conll"
"$SF" tag --conll "$T/bad.conll" >/dev/null 2>"$T/err"; rc=$?
[ $rc = 1 ] && grep -q "bad.conll:2: last column is not an IOB2 tag" "$T/err" && ok "tag --conll: a bad tag column is named with file and line" || no "tag --conll: a bad tag column is named with file and line" "rc=$rc $(cat "$T/err")"
STORYFOLD_MODELS=/nonexistent "$SF" tag --conll "$T/in.conll" --model /nonexistent/ner.sfm >/dev/null 2>"$T/err"; rc=$?
[ $rc = 1 ] && grep -q "/nonexistent/ner.sfm" "$T/err" && ok "tag --conll: a missing model is named" || no "tag --conll: a missing model is named" "rc=$rc $(cat "$T/err")"

# ---- the JSON brief follows its published schema (docs/brief.schema.json)
"$SF" brief --json examples/ >"$T/brief-schema.jsonl"
check "brief --json validates against docs/brief.schema.json, cites name their documents" \
  /usr/bin/python3 tests/cli/check_brief.py docs/brief.schema.json <"$T/brief-schema.jsonl"
check "brief --json: a reprint shares its words with the wire original, published the same day" jq -e -s '
  [.[].documents] | flatten | (map(select(.source == "MPA" and (.path | test("0012")))) | .[0].n) as $wire
  | map(select(.source == "Velmora Herald"))[0] | .reuses == $wire and .reused_words > 200 and .copy_of == $wire' \
  "$T/brief-schema.jsonl"
check "brief --json: the trade pact's brief lists its storyline, the ratification after it" jq -e -s '
  map(select(.title | test("TRADE PACT"))) | .[0] as $b | $b.storyline.id == $b.story
  and ($b.storyline.stories | length == 2 and .[0].story == $b.story
       and (.[1].title | test("ratifies")) and .[1].first > .[0].first)' "$T/brief-schema.jsonl"
check "brief --json: the trade pact's timeline runs on into the ratification, cited in its documents" jq -e -s '
  map(select(.title | test("TRADE PACT"))) | .[0] as $b | $b.storyline.stories[1].story as $later
  | ($b.timeline | map(select(.story == $later))) as $t
  | ($t | length) > 0 and ($t | any(.text | test("ratified|approved")))
  and ($t | all(.cite.n > ($b.documents | length)
                and ($b.storyline.documents[.cite.n - ($b.documents | length) - 1]
                     | .story == $later and .id != null)))' "$T/brief-schema.jsonl"
check "brief --json: a story alone in its storyline has none" jq -e -s '
  map(select(.title | test("comet"; "i"))) | length == 1 and .[0].storyline == null' \
  "$T/brief-schema.jsonl"
check "a brief that breaks the schema is caught" sh -c \
  "! jq -c '.summary[0].outlets = 0' '$T/brief-schema.jsonl' | /usr/bin/python3 tests/cli/check_brief.py docs/brief.schema.json"

# ---- the HTML brief: self-contained, every citation lands on an anchor, hostile text inert
"$SF" brief --html examples/ >"$T/brief.html"; rc=$?
[ $rc = 0 ] && ok "brief --html exits 0" || no "brief --html exits 0" "rc=$rc"
check "brief --html: a whole page without scripts or external assets" awk '
  /<script|<link|src=|@import|url\(/ { bad = 1 }
  END { exit bad || !(NR > 10) }' "$T/brief.html"
check "brief --html: every citation links to an anchor in the page" awk '
  { line = $0
    while (match(line, /href="#[^"]*"/)) { h[substr(line, RSTART + 7, RLENGTH - 8)]++; line = substr(line, RSTART + RLENGTH) }
    line = $0
    while (match(line, / id="[^"]*"/)) { id[substr(line, RSTART + 5, RLENGTH - 6)]++; line = substr(line, RSTART + RLENGTH) } }
  END { n = 0; for (k in h) { n++; if (!(k in id)) { print "no anchor " k; exit 1 } } exit n < 20 }' "$T/brief.html"
mkdir -p "$T/hostile"
cat >"$T/hostile/a.txt" <<'EOT'
title: Harbour gala "onerror=alert(1) ends in <b>chaos</b>
source: Quay Gazette
date: 2031-02-03

A fire broke out at the Pellham harbour gala on Saturday <script>alert('x')</script> night,
and 40 guests were evacuated, the harbour master said. "Nobody was hurt," she said <img src=x onerror=alert(2)>.
EOT
"$SF" brief --html "$T/hostile" >"$T/hostile.html"
check "brief --html escapes article text, titles and attributes" awk '
  /<script|<img|<b>|"onerror/ { bad = 1 } /&lt;script&gt;/ { s = 1 } /&quot;onerror=/ { q = 1 }
  END { exit bad || !s || !q }' "$T/hostile.html"
"$SF" show --db /nonexistent.db 1 --format pdf >/dev/null 2>"$T/err"; rc=$?
[ $rc = 2 ] && ok "show --format pdf: usage error" || no "show --format pdf: usage error" "rc=$rc"

# ---- the real seeds (only where ../shared is present) --------------------------------------
if [ -d ../shared/seeds ]; then
  "$SF" cluster ../shared/seeds >"$T/seeds.tsv"
  s=$(grep -E '/00[0-3]_' "$T/seeds.tsv" | cut -f2 | sort -u | wc -l)
  [ "$s" = 1 ] && ok "seeds: 000-003 form one story" || no "seeds: 000-003 form one story" "$(cat "$T/seeds.tsv")"
  # 004, weeks later, is a later event of the same storyline
  check "seeds: 004 is a new event of the storyline of 000-003" awk -F'\t' '
    $1 ~ /\/000_/ { e = $2; l = $3 } $1 ~ /\/004_/ { e4 = $2; l4 = $3 }
    END { exit !(e4 != e && l4 == l && l == e) }' "$T/seeds.tsv"
  "$SF" brief ../shared/seeds >"$T/seeds.md"
  check "seeds: brief has a cited summary" grep -qE '^- .*\[[0-9]+:[0-9]+-[0-9]+' "$T/seeds.md"
  # spelling variants across outlets are one entity: Zelensky/Zelenskyy, Kyiv/Kiev
  "$SF" brief --json ../shared/seeds >"$T/seeds.jsonl"
  check "seeds: the briefs validate against the schema" \
    /usr/bin/python3 tests/cli/check_brief.py docs/brief.schema.json <"$T/seeds.jsonl"
  check "seeds: 004's brief places it in the storyline of 000-003" jq -e -s '
    length == 2 and .[1].storyline.id == .[0].story and (.[1].storyline.stories | map(.story)) == [.[0].story, .[1].story]' \
    "$T/seeds.jsonl"
  check "seeds: Zelensky and Zelenskyy are one person named by 4 outlets" jq -e -s '
    [.[0].entities[] | select(.name | test("Zelensk"))] | length == 1 and .[0].type == "PER"
    and .[0].outlets == 4' "$T/seeds.jsonl"
  check "seeds: Kyiv and Kiev are one place named by 4 outlets" jq -e -s '
    [.[0].entities[] | select(.name | test("^(Kyiv|Kiev)$"))] | length == 1
    and .[0].type == "LOC" and .[0].outlets == 4' "$T/seeds.jsonl"
  "$SF" extract ../shared/seeds >"$T/seeds-extract.jsonl"
  check "seeds: the people, countries, cities and organizations named are found" jq -e -s '
    [.[].entities[] | .type + ":" + .canonical] as $e
    | all("PER:Volodymyr Zelensky", "PER:Vladimir Putin", "PER:Dmitry Peskov",
          "PER:Denys Shmyhal", "LOC:Kyiv", "LOC:Ukraine", "LOC:Russia", "LOC:Minsk",
          "LOC:United States", "ORG:NATO"; . as $want | $e | index($want) != null)' \
    "$T/seeds-extract.jsonl"
else
  echo "skip seeds: ../shared/seeds is absent (a user's clone has no ../shared)"
fi

echo "cli tests: $pass passed, $fail failed"
[ $fail = 0 ]
