#!/usr/bin/env bash
# eval/run.sh — every quality evaluation; each prints its figures (make eval).
set -eu
cd "$(dirname "$0")"
./cluster.sh
./summary.sh
