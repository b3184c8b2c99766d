#!/usr/bin/env bash
# eval/run.sh — every quality evaluation; each prints its figures and fails (after
# printing) when a figure falls below its gate. All run even when one fails.
set -u
cd "$(dirname "$0")"
rc=0
./cluster.sh || rc=1
./stream.sh || rc=1
./summary.sh || rc=1
./multinews.sh || rc=1
./ner.sh || rc=1
./quotes.sh || rc=1
./timex.sh || rc=1
./lang.sh || rc=1
./syndication.sh || rc=1
./boilerplate.sh || rc=1
./html.sh || rc=1
exit $rc
