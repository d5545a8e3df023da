#!/bin/bash
# Prints numbers, not pass/fail (SPEC §12), as Markdown to paste into a README: on one
# generated corpus, with a 1,000- and a 100,000-entry gazetteer, the gazetteer load time,
# end-to-end time, throughput and peak memory of `stakegraph extract` (default jobs,
# --jobs 1, --jobs 2) and of the Python pipeline an analyst would otherwise write
# (tests/bench/pipeline.py), and the peak memory on a corpus ten times larger; then a
# dense corpus (issue 16: many actors a sentence) with the default run beside it, and
# stats and render on large generated networks.
# Medians of RUNS runs (stakegraph) and of PY_RUNS runs (Python, default 3).
#
# usage: tests/bench/bench.sh BUILD_DIR [CORPUS_MB=40] [RUNS=5]
# env:   BENCH_DIR (work and cache directory, default /tmp/stakegraph-bench),
#        PY_RUNS (default 3), X10_RUNS (default 1), PYTHON (default /usr/bin/python3,
#        which needs python3-networkx and python3-ahocorasick),
#        BENCH_PARTS (default "sparse dense networks": which tables to print),
#        BENCH_DATA (a data/ directory of @etalab/decoupage-administratif; default: fetched
#        once with `npm pack @etalab/decoupage-administratif@6.0.0` into BENCH_DIR/cache).
# Inputs are generated once per (gen.py, CORPUS_MB) and kept in BENCH_DIR.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 BUILD_DIR [CORPUS_MB=40] [RUNS=5]" >&2; exit 2; }
SG=$(cd "$1" && pwd)/stakegraph
MB=${2:-40}
RUNS=${3:-5}
PY_RUNS=${PY_RUNS:-3}
X10_RUNS=${X10_RUNS:-1}
PY=${PYTHON:-/usr/bin/python3}
HERE=$(cd "$(dirname "$0")" && pwd)
W=${BENCH_DIR:-/tmp/stakegraph-bench}
PKG=@etalab/decoupage-administratif@6.0.0

mkdir -p "$W"
tmp=$(mktemp -d "$W/run.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

for _ in $(seq 60); do [ -x "$SG" ] && break; sleep 2; done # someone may be rebuilding
[ -x "$SG" ] || { echo "bench.sh: no executable $SG" >&2; exit 1; }
"$PY" -c 'import ahocorasick, networkx' || { echo "bench.sh: $PY lacks ahocorasick or networkx" >&2; exit 1; }

# ---- inputs
DATA=${BENCH_DATA:-$W/cache/decoupage-administratif-6.0.0/package/data}
if [ ! -f "$DATA/communes.json" ]; then
    [ -z "${BENCH_DATA:-}" ] || { echo "bench.sh: no communes.json in $BENCH_DATA" >&2; exit 1; }
    echo "fetching $PKG with npm pack ..." >&2
    dl=$(mktemp -d "$W/npm.XXXXXX")
    (cd "$dl" && npm pack --silent "$PKG" >/dev/null && tar xzf ./*.tgz)
    mkdir -p "$W/cache"
    rm -rf "$W/cache/decoupage-administratif-6.0.0"
    mv "$dl" "$W/cache/decoupage-administratif-6.0.0"
fi
key=$(cat "$HERE/gen.py" | sha256sum | cut -c1-12)
IN=$W/input-$key-${MB}mb
if [ ! -f "$IN/done" ]; then
    echo "generating the inputs into $IN ..." >&2
    rm -rf "$IN" "$IN.part"
    "$PY" "$HERE/gen.py" "$IN.part/100000" 100000 "$MB" --data "$DATA"
    "$PY" "$HERE/gen.py" "$IN.part/1000" 1000 0 --data "$DATA"
    touch "$IN.part/done"
    mv "$IN.part" "$IN"
fi
CORPUS=$IN/100000/corpus
bytes=$(find "$CORPUS" -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
docs=$(find "$CORPUS" -name '*.txt' | wc -l)
mb=$(echo "$bytes / 1000000" | bc -l)
: >"$tmp/empty.txt"
mkdir "$tmp/x10" "$tmp/none"
for i in $(seq 0 9); do ln -s "$CORPUS" "$tmp/x10/copy$i"; done

# ---- helpers
part() { [[ " ${BENCH_PARTS:-sparse dense networks} " == *" $1 "* ]]; }
median() { sort -g | awk '{a[NR]=$1} END {if (NR) print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# timed N CMD... : prints "seconds peak_KB" for each of N runs; stops the bench on a failure
timed() {
    local n=$1 t0 t1
    shift
    for _ in $(seq "$n"); do
        t0=$(date +%s%N)
        if ! /usr/bin/time -o "$tmp/time" -f "%M" "$@" >/dev/null 2>"$tmp/err"; then
            echo "bench.sh: failed: $*" >&2
            cat "$tmp/err" >&2
            exit 1
        fi
        t1=$(date +%s%N)
        echo "$(echo "($t1 - $t0) / 1000000000" | bc -l) $(tail -1 "$tmp/time")"
    done
}
col() { awk -v c="$1" '{print $c}' | median; }
fmt() { [ "$1" = n/a ] && echo n/a || printf "%.${2:-2}f" "$1"; }
div() {
    if [ "$1" = n/a ] || [ "$2" = n/a ] || [ "$(echo "$2 <= 0" | bc -l)" = 1 ]; then
        echo n/a
    else
        echo "$1 / $2" | bc -l
    fi
}
have_jobs=no
"$SG" extract --help 2>&1 | grep -- '--jobs' >/dev/null && have_jobs=yes # (not -q: its early exit made the SIGPIPE fail the pipe)

# ---- header
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || true)
rev=$(git -C "$HERE" describe --always --dirty 2>/dev/null || echo unknown)
echo "### stakegraph benchmark"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); host: $(hostname), ${cpu:-unknown CPU}, $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM, $(uname -sr)"
echo "- $("$SG" --version 2>&1 | head -1) (source $rev, $SG); --jobs: $([ $have_jobs = yes ] && echo available || echo 'not available')"
echo "- $("$PY" -c 'import sys, networkx; print("Python", sys.version.split()[0] + ", networkx", networkx.__version__)'), pyahocorasick $(dpkg-query -W -f '${Version}' python3-ahocorasick 2>/dev/null || echo '?')"
if part sparse; then
printf -- '- corpus: %.1f MB, %d documents (gen.py, %s MB, places from %s); medians of %d runs (stakegraph), %d (Python)\n' \
    "$mb" "$docs" "$MB" "$PKG" "$RUNS" "$PY_RUNS"
echo "- stakegraph: \`extract -q -g G CORPUS -o /dev/null --no-analyse [--jobs N]\`; load: the same on an empty document; Python: \`pipeline.py G CORPUS out.graphml\`"
echo
echo "| gazetteer | run | seconds | MB/s | MB/s after load | peak RSS MB | × Python |"
echo "|---|---|---:|---:|---:|---:|---:|"

declare -A T R
for n in 1000 100000; do
    G=$IN/$n/gazetteer.tsv
    runs=$(timed "$RUNS" "$SG" extract -q -g "$G" "$tmp/empty.txt" -o /dev/null --no-analyse)
    T[load_$n]=$(echo "$runs" | col 1)
    R[load_$n]=$(echo "$runs" | col 2)
    for v in default 1 2; do
        if [ $v = default ]; then
            runs=$(timed "$RUNS" "$SG" extract -q -g "$G" "$CORPUS" -o /dev/null --no-analyse)
        elif [ $have_jobs = yes ]; then
            runs=$(timed "$RUNS" "$SG" extract -q -g "$G" "$CORPUS" -o /dev/null --no-analyse --jobs $v)
        else
            T[sg${v}_$n]=n/a R[sg${v}_$n]=n/a
            continue
        fi
        T[sg${v}_$n]=$(echo "$runs" | col 1)
        R[sg${v}_$n]=$(echo "$runs" | col 2)
    done
    runs=$(timed "$PY_RUNS" "$PY" "$HERE/pipeline.py" "$G" "$tmp/none" "$tmp/py.graphml")
    T[pyload_$n]=$(echo "$runs" | col 1)
    R[pyload_$n]=$(echo "$runs" | col 2)
    runs=$(timed "$PY_RUNS" "$PY" "$HERE/pipeline.py" "$G" "$CORPUS" "$tmp/py.graphml")
    T[py_$n]=$(echo "$runs" | col 1)
    R[py_$n]=$(echo "$runs" | col 2)

    label=$([ $n = 1000 ] && echo 1,000 || echo 100,000)
    row() { # row RUN-NAME KEY [MBS]
        local t=${T[$2]} r=${R[$2]} mbs=n/a after=n/a x=
        if [ "${3:-}" = mbs ]; then
            mbs=$(div "$mb" "$t")
            # minus the median load time measured above
            case $2 in
            sg*) [ "$t" = n/a ] || after=$(div "$mb" "$(echo "$t - ${T[load_$n]}" | bc -l)") ;;
            py*) after=$(div "$mb" "$(echo "$t - ${T[pyload_$n]}" | bc -l)") ;;
            esac
        fi
        case $2 in sg*) x=$(fmt "$(div "${T[py_$n]}" "$t")" 1)×;; esac
        [ "$x" = n/a× ] && x=n/a
        [ "$r" = n/a ] || r=$(echo "$r / 1024" | bc -l)
        echo "| $label | $1 | $(fmt "$t" 3) | $(fmt "$mbs" 1) | $(fmt "$after" 1) | $(fmt "$r" 1) | $x |"
    }
    row "stakegraph load (empty document)" load_$n
    row "stakegraph (default jobs)" sgdefault_$n mbs
    row "stakegraph --jobs 1" sg1_$n mbs
    row "stakegraph --jobs 2" sg2_$n mbs
    row "Python load (empty corpus)" pyload_$n
    row "Python pipeline" py_$n mbs
done

# ---- 10× corpus, --jobs identity
runs=$(timed "$X10_RUNS" "$SG" extract -q -g "$IN/100000/gazetteer.tsv" "$tmp/x10" -o /dev/null --no-analyse)
t10=$(echo "$runs" | col 1)
r10=$(echo "$runs" | col 2)
same=n/a
if [ $have_jobs = yes ]; then
    "$SG" extract -q -g "$IN/100000/gazetteer.tsv" "$CORPUS" --no-analyse --jobs 1 -o "$tmp/j1.graphml"
    "$SG" extract -q -g "$IN/100000/gazetteer.tsv" "$CORPUS" --no-analyse --jobs 2 -o "$tmp/j2.graphml"
    cmp -s "$tmp/j1.graphml" "$tmp/j2.graphml" && same=yes || same=no
fi
echo
echo "| measure | value | SPEC §12 target (2 cores) |"
echo "|---|---:|---|"
echo "| stakegraph speed-up over Python, 100,000 entries (default jobs; --jobs 1) | $(fmt "$(div "${T[py_100000]}" "${T[sgdefault_100000]}")" 1)×; $(fmt "$(div "${T[py_100000]}" "${T[sg1_100000]}")" 1)× | ≥ 15× |"
echo "| stakegraph speed-up over Python, 1,000 entries (default jobs; --jobs 1) | $(fmt "$(div "${T[py_1000]}" "${T[sgdefault_1000]}")" 1)×; $(fmt "$(div "${T[py_1000]}" "${T[sg1_1000]}")" 1)× | |"
echo "| throughput 100,000 / 1,000 entries (default jobs) | $(fmt "$(div "${T[sgdefault_1000]}" "${T[sgdefault_100000]}")" 2) | ≥ 0.70 |"
echo "| load time, 100,000 entries | $(fmt "${T[load_100000]}" 3) s | ≤ 0.5 s |"
echo "| --jobs 2 speed-up over --jobs 1, 100,000 entries | $(fmt "$(div "${T[sg1_100000]}" "${T[sg2_100000]}")" 2)× | ≥ 1.7× |"
echo "| --jobs 2 output byte-identical to --jobs 1 | $same | yes |"
printf '| peak RSS, 10× corpus (%.0f MB, %s s, %s MB/s) / 1× corpus, 100,000 entries | %s / %s MB = %s | ≤ 300 MB, flat |\n' \
    "$(echo "$mb * 10" | bc -l)" "$(fmt "$t10" 1)" "$(fmt "$(div "$(echo "$mb * 10" | bc -l)" "$t10")" 1)" \
    "$(fmt "$(echo "$r10 / 1024" | bc -l)" 1)" "$(fmt "$(echo "${R[sgdefault_100000]} / 1024" | bc -l)" 1)" \
    "$(fmt "$(div "$r10" "${R[sgdefault_100000]}")" 2)"

fi # sparse

if part dense; then
# ---- the dense corpus (issue 16): sentences naming 2-8 actors of 6,000, the same
# gazetteer; the extraction side by side with the Python pipeline, and what the
# default run (analysis, layout up to 5,000 actors, a picture) adds to it
DENSE=$W/input-$key-${MB}mb-dense
if [ ! -f "$DENSE/done" ]; then
    echo "generating the dense corpus into $DENSE ..." >&2
    rm -rf "$DENSE" "$DENSE.part"
    "$PY" "$HERE/gen.py" "$DENSE.part" 100000 "$MB" --data "$DATA" --dense
    touch "$DENSE.part/done"
    mv "$DENSE.part" "$DENSE"
fi
G=$IN/100000/gazetteer.tsv
DC=$DENSE/corpus
dmb=$(echo "$(find "$DC" -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1) / 1000000" | bc -l)
DENSE_RUNS=${DENSE_RUNS:-3}
declare -A D
dense_row() { # dense_row NAME KEY RUNS CMD...
    local name=$1 k=$2 n=$3 runs
    shift 3
    runs=$(timed "$n" "$@")
    D[$k]=$(echo "$runs" | col 1)
    D[r$k]=$(echo "$runs" | col 2)
}
dense_row "no-analyse" noan "$RUNS" "$SG" extract -q -g "$G" "$DC" -o "$tmp/d.graphml" --no-analyse
dense_row "no-analyse -j1" noan1 "$RUNS" "$SG" extract -q -g "$G" "$DC" -o "$tmp/d.graphml" --no-analyse --jobs 1
dense_row "default" def "$DENSE_RUNS" "$SG" extract -q -g "$G" "$DC" -o "$tmp/d.graphml"
dense_row "svg" svg "$DENSE_RUNS" "$SG" extract -q -g "$G" "$DC" -o "$tmp/d.graphml" -o "$tmp/d.svg"
dense_row "python" py "$PY_RUNS" "$PY" "$HERE/pipeline.py" "$G" "$DC" "$tmp/py.graphml"
"$SG" extract -q -g "$G" "$DC" -o "$tmp/d.graphml" --no-analyse
dn=$(grep -c '<node ' "$tmp/d.graphml")
de=$(grep -c '<edge ' "$tmp/d.graphml")
echo
printf -- '- dense corpus: %.1f MB (gen.py --dense, %s MB), 100,000 entries: %s actors, %s edges; medians of %d runs (--no-analyse), %d (the others), %d (Python)\n' \
    "$dmb" "$MB" "$dn" "$de" "$RUNS" "$DENSE_RUNS" "$PY_RUNS"
echo
echo "| dense corpus, 100,000 entries | seconds | MB/s | peak RSS MB | × --no-analyse | × Python |"
echo "|---|---:|---:|---:|---:|---:|"
for k in noan noan1 def svg py; do
    case $k in
    noan) name="stakegraph \`extract --no-analyse\` (default jobs)" ;;
    noan1) name="stakegraph \`extract --no-analyse --jobs 1\`" ;;
    def) name="stakegraph \`extract -o net.graphml\` (the default: analysis)" ;;
    svg) name="stakegraph \`extract -o net.graphml -o net.svg\`" ;;
    py) name="Python pipeline" ;;
    esac
    x=$(fmt "$(div "${D[py]}" "${D[$k]}")" 1)×
    [ $k = py ] && x=
    echo "| $name | $(fmt "${D[$k]}" 2) | $(fmt "$(div "$dmb" "${D[$k]}")" 1) | $(fmt "$(echo "${D[r$k]} / 1024" | bc -l)" 1) | $(fmt "$(div "${D[$k]}" "${D[noan]}")" 2) | $x |"
done

fi # dense

if part networks; then
# ---- large networks (issue 16): stats and render on generated GraphML
# (gen_graph.py: preferential attachment with communities)
"$PY" "$HERE/gen_graph.py" 20000 80000 "$tmp/g20k.graphml" 2>/dev/null
"$PY" "$HERE/gen_graph.py" 400000 1600000 "$tmp/g400k.graphml" 2>/dev/null
net_row() { # net_row LABEL CMD...
    local label=$1 runs
    shift
    runs=$(timed 1 "$@")
    echo "| $label | $(fmt "$(echo "$runs" | col 1)" 1) | $(fmt "$(echo "$(echo "$runs" | col 2) / 1024" | bc -l)" 0) |"
}
echo
echo "| network (gen_graph.py) | seconds | peak RSS MB |"
echo "|---|---:|---:|"
net_row "\`stats\`, 20,000 actors, ~80,000 edges" "$SG" stats "$tmp/g20k.graphml"
net_row "\`render -o net.svg\`, the same" "$SG" render -o "$tmp/g20k.svg" "$tmp/g20k.graphml"
net_row "\`stats\`, 400,000 actors, ~1,600,000 edges" "$SG" stats "$tmp/g400k.graphml"
fi # networks
