#!/bin/bash
# Outputs are synced to disk before they replace the previous files only when
# STAKEGRAPH_SYNC is set (README "How outputs are written"): an fsync is
# preloaded that counts its calls.
# usage: sync_test.sh STAKEGRAPH FSYNC_COUNT_SO SOURCE_DIR
set -u
SG=$1
SO=$2
SRC=$3
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
# (a sanitised build's runtime must come first in the list of libraries: not
# checked here, the preloaded file defines fsync alone)
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
run() { # run LOG [ENV...]: extract the example corpus into two files
    rm -f "$T/$1"
    env FSYNC_LOG="$T/$1" LD_PRELOAD="$SO" "${@:2}" "$SG" extract -q --no-analyse \
        -g "$SRC/gazetteers" "$SRC/examples/corpus" -o "$T/net.graphml" \
        --mentions "$T/mentions.tsv" || { echo "FAIL - extract ($1)"; fail=1; }
    [ -f "$T/$1" ] && wc -l <"$T/$1" || echo 0
}
n=$(run none)
[ "$n" -eq 0 ] && echo "ok - no fsync by default" || { echo "FAIL - $n fsync by default"; fail=1; }
n=$(run zero STAKEGRAPH_SYNC=0)
[ "$n" -eq 0 ] && echo "ok - no fsync with STAKEGRAPH_SYNC=0" || { echo "FAIL - $n fsync with STAKEGRAPH_SYNC=0"; fail=1; }
n=$(run no STAKEGRAPH_SYNC=no)
[ "$n" -eq 0 ] && echo "ok - no fsync with STAKEGRAPH_SYNC=no" || { echo "FAIL - $n fsync with STAKEGRAPH_SYNC=no"; fail=1; }
n=$(run yes STAKEGRAPH_SYNC=Yes)
[ "$n" -ge 2 ] && echo "ok - $n fsync with STAKEGRAPH_SYNC=Yes" || { echo "FAIL - $n fsync with STAKEGRAPH_SYNC=Yes, wanted 2 or more"; fail=1; }
n=$(run one STAKEGRAPH_SYNC=1)
# each of the two outputs at least once (flushed, then committed)
[ "$n" -ge 2 ] && echo "ok - $n fsync with STAKEGRAPH_SYNC=1" || { echo "FAIL - $n fsync with STAKEGRAPH_SYNC=1, wanted 2 or more"; fail=1; }
[ -s "$T/net.graphml" ] && [ -s "$T/mentions.tsv" ] && echo "ok - outputs written" || { echo "FAIL - outputs missing"; fail=1; }
exit $fail
