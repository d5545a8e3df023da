#!/bin/bash
# Prints numbers, not pass/fail: end-to-end throughput of `stakegraph extract` with a
# 1,000- and a 100,000-entry gazetteer on the same generated corpus, gazetteer load
# time and peak memory; medians of RUNS runs.
# usage: tests/bench/bench.sh BUILD_DIR [CORPUS_MB=40] [RUNS=5]
set -euo pipefail
SG=$1/stakegraph
MB=${2:-40}
RUNS=${3:-5}
HERE=$(cd "$(dirname "$0")" && pwd)
W=${BENCH_DIR:-/tmp/stakegraph-bench}
[ -d "$W/100000" ] || /usr/bin/python3 "$HERE/gen.py" "$W/100000" 100000 "$MB"
[ -d "$W/1000" ] || { mkdir -p "$W/1000" && head -n 1001 "$W/100000/gazetteer.tsv" >"$W/1000/gazetteer.tsv"; }
bytes=$(cat "$W/100000/corpus"/*.txt | wc -c)
empty=$(mktemp -d)
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
measure() { # measure GAZETTEER CORPUS -> "seconds KB" per run
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %M" "$SG" extract -q -g "$1" "$2" -o /dev/null 2>&1 | tail -1
    done
}
printf 'corpus: %.1f MB, %d documents; %d runs each, medians\n' "$(echo "$bytes/1000000" | bc -l)" \
    "$(ls "$W/100000/corpus" | wc -l)" "$RUNS"
printf '%-10s %12s %10s %12s %12s\n' entries load_s total_s MB/s peak_MB
for n in 1000 100000; do
    : >"$empty/e.txt"
    load=$(measure "$W/$n/gazetteer.tsv" "$empty/e.txt" | awk '{print $1}' | median)
    runs=$(measure "$W/$n/gazetteer.tsv" "$W/100000/corpus")
    t=$(echo "$runs" | awk '{print $1}' | median)
    kb=$(echo "$runs" | awk '{print $2}' | median)
    printf '%-10s %12s %10s %12.1f %12.1f\n' "$n" "$load" "$t" \
        "$(echo "$bytes/1000000/$t" | bc -l)" "$(echo "$kb/1024" | bc -l)"
done
rm -rf "$empty"
