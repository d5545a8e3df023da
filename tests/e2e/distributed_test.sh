#!/bin/bash
# The map step on a real engine (SPEC §13): examples/distributed/dask_extract.py
# (Dask, a LocalCluster of 2 worker processes, or a scheduler given by address)
# and examples/distributed/parallel.sh (GNU parallel) extract shards with
# `-f pairs` and merge them; the network must be byte for byte the one a single
# `stakegraph extract` writes. Dask or parallel missing, or a cluster that
# cannot start, is a failure, not a skip.
#
# usage: distributed_test.sh STAKEGRAPH SOURCE_DIR PYTHON
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
SG=$(readlink -f "$1")
SRC=$(readlink -f "$2")
PY=${3:-/usr/bin/python3}
SAME_LAYOUT=$HERE/same_layout.py
GAZ=$SRC/gazetteers
EXAMPLES=$SRC/examples/corpus
DASK=$SRC/examples/distributed/dask_extract.py
PARALLEL=$SRC/examples/distributed/parallel.sh
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
# the examples' temporary files go here, to check that they remove them
mkdir "$T/tmp"
export TMPDIR=$T/tmp
pass=0
fail=0
start=$SECONDS

ok() { pass=$((pass + 1)); echo "ok - $1"; }
ko() { fail=$((fail + 1)); echo "FAIL - $1"; }
# same NAME REFERENCE FILE: FILE exists and has the bytes of REFERENCE, but
# for layout coordinates 0.02 apart at most (same_layout.py says why)
same() {
    if [ -s "$3" ] && "$PY" "$SAME_LAYOUT" "$2" "$3" >/dev/null; then ok "$1"; else
        ko "$1"
        cmp "$2" "$3" 2>&1 | sed 's/^/    /'
        sed 's/^/    # /' "$T/log" 2>/dev/null | tail -n 15
    fi
}
# ran NAME: the last command (logged to $T/log) exited 0
ran() {
    local rc=$?
    if [ $rc -eq 0 ]; then ok "$1"; else
        ko "$1 (exit $rc)"
        sed 's/^/    # /' "$T/log" | tail -n 15
    fi
}

if "$PY" -c 'import dask.distributed' 2>"$T/log"; then ok "dask.distributed imports"; else
    ko "dask.distributed imports"
    echo "    # apt-get install python3-distributed"
    sed 's/^/    # /' "$T/log"
fi
if command -v parallel >/dev/null; then ok "GNU parallel is installed"; else
    ko "GNU parallel is installed"
    echo "    # apt-get install parallel"
fi

"$PY" "$HERE/gen_corpus.py" "$SRC" "$T/gen" 300
# cluster.py DASK_EXTRACT ARGS...: runs dask_extract.py --scheduler ADDR ARGS...
# against a LocalCluster of 2 worker processes started here (a file, not
# stdin: the worker processes import it)
cat >"$T/cluster.py" <<'EOF'
import os, subprocess, sys
from dask.distributed import Client, LocalCluster
if __name__ == "__main__":
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        pids = set(client.run(os.getpid).values())
        assert len(pids) == 2 and os.getpid() not in pids, "not 2 worker processes: %s" % pids
        run = [sys.executable, sys.argv[1], "--scheduler", cluster.scheduler_address]
        sys.exit(subprocess.run(run + sys.argv[2:]).returncode)
EOF
cp -r "$T/gen" "$T/gen-bad"
"$PY" -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' \
    "$T/gen-bad/c/0120-socket.txt"

for corpus in examples gen; do
    dir=$EXAMPLES
    [ $corpus = gen ] && dir=$T/gen
    R=$T/$corpus
    mkdir -p "$R"
    "$SG" extract -g "$GAZ" -o "$R/ref.graphml" -o "$R/ref.dot" "$dir" 2>"$R/ref-sentence.warnings"
    "$SG" extract -g "$GAZ" -o "$R/ref-para.graphml" --unit paragraph "$dir" 2>"$R/ref.warnings"

    # Dask: a LocalCluster of 2 processes started by the example
    "$PY" "$DASK" --workers 2 --shards 5 --stakegraph "$SG" -g "$GAZ" \
        -o "$R/dask.graphml" -o "$R/dask.dot" "$dir" >"$T/log" 2>&1
    ran "$corpus: dask_extract.py (LocalCluster, 2 processes) exits 0"
    same "$corpus: Dask GraphML = extract" "$R/ref.graphml" "$R/dask.graphml"
    same "$corpus: Dask DOT = extract" "$R/ref.dot" "$R/dask.dot"

    # Dask: a scheduler given by address (a LocalCluster of 2 processes
    # started by $T/cluster.py), paragraph unit, the shards' warnings in
    # document order
    "$PY" "$T/cluster.py" "$DASK" --shards 7 --stakegraph "$SG" -g "$GAZ" --unit paragraph \
        -o "$R/dask-para.graphml" "$dir" >"$T/log" 2>"$R/dask.warnings"
    ran "$corpus: dask_extract.py --scheduler ADDR (2 worker processes) exits 0"
    same "$corpus: Dask --unit paragraph = extract" "$R/ref-para.graphml" "$R/dask-para.graphml"
    grep '^stakegraph: warning' "$R/dask.warnings" >"$R/dask.warnings2"
    if cmp -s "$R/ref.warnings" "$R/dask.warnings2"; then
        ok "$corpus: Dask prints the warnings of extract, in document order"
    else
        ko "$corpus: Dask prints the warnings of extract, in document order"
        diff "$R/ref.warnings" "$R/dask.warnings2" | sed 's/^/    /'
    fi

    # GNU parallel: shards of 3 documents (examples) or 37 (gen), 2 at a time
    n=3
    [ $corpus = gen ] && n=37
    bash "$PARALLEL" -n $n -j 2 -s "$SG" -g "$GAZ" -o "$R/parallel.graphml" "$dir" >"$T/log" 2>&1
    ran "$corpus: parallel.sh exits 0"
    if grep '^stakegraph: warning' "$T/log" | cmp -s "$R/ref-sentence.warnings" -; then
        ok "$corpus: parallel.sh prints the warnings of extract, in document order"
    else
        ko "$corpus: parallel.sh prints the warnings of extract, in document order"
    fi
    same "$corpus: GNU parallel GraphML = extract" "$R/ref.graphml" "$R/parallel.graphml"
    # (the README's form: the output last, without -o)
    bash "$PARALLEL" -n $n -j 2 -s "$SG" -g "$GAZ" "$dir" "$R/parallel.dot" >"$T/log" 2>&1
    same "$corpus: GNU parallel DOT (parallel.sh CORPUS OUT) = extract" "$R/ref.dot" \
        "$R/parallel.dot"
done
# the warnings compared above are there
if [ "$(grep -c '^stakegraph: warning' "$T/gen/ref.warnings")" -eq 4 ] &&
    [ "$(grep -c '^stakegraph: warning' "$T/gen/ref-sentence.warnings")" -eq 4 ]; then
    ok "gen: extract printed four warnings (the comparison is not of nothing)"
else
    ko "gen: extract printed four warnings (the comparison is not of nothing)"
fi

# A document that cannot be read (a socket named 0120-socket.txt): both fail,
# name it, and leave no output.
"$PY" "$DASK" --workers 2 --shards 4 --stakegraph "$SG" -g "$GAZ" -o "$T/bad-dask.graphml" \
    "$T/gen-bad" >"$T/log" 2>&1
rc=$?
if [ $rc -ne 0 ] && grep -q "0120-socket.txt: No such device or address" "$T/log" &&
    [ ! -e "$T/bad-dask.graphml" ]; then
    ok "Dask: an unreadable document fails the run, named, no output"
else
    ko "Dask: an unreadable document fails the run, named, no output (exit $rc)"
    sed 's/^/    # /' "$T/log" | tail -n 5
fi
bash "$PARALLEL" -n 37 -j 2 -s "$SG" -g "$GAZ" -o "$T/bad-parallel.graphml" "$T/gen-bad" \
    >"$T/log" 2>&1
rc=$?
if [ $rc -ne 0 ] && grep -q "0120-socket.txt: No such device or address" "$T/log" &&
    [ ! -e "$T/bad-parallel.graphml" ]; then
    ok "parallel.sh: an unreadable document fails the run, named, no output"
else
    ko "parallel.sh: an unreadable document fails the run, named, no output (exit $rc)"
    sed 's/^/    # /' "$T/log" | tail -n 5
fi
# neither leaves its shards behind, even after a failure
left=$(find "$T/tmp" -maxdepth 1 -name 'stakegraph-shards*')
if [ -z "$left" ]; then ok "the shards' temporary directories are removed"; else
    ko "the shards' temporary directories are removed"
    echo "    $left"
fi

echo "# $((SECONDS - start)) s"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
