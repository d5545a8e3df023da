#!/bin/bash
# Threads and shards (SPEC §12, §13): `extract --jobs N` writes the bytes of
# `--jobs 1` (GraphML, DOT, mentions, warnings, errors, exit status); shards
# extracted with `-f pairs` and added up by `stakegraph merge` give the bytes
# of one `extract` over the whole corpus, whatever the order of their lines;
# failures name the file (and line) and leave no output behind.
#
# usage: scale_test.sh STAKEGRAPH SOURCE_DIR PYTHON
set -u
SG=$(readlink -f "$1")
SRC=$(readlink -f "$2")
PY=${3:-/usr/bin/python3}
SAME_LAYOUT=$(dirname "$(readlink -f "$0")")/same_layout.py
GAZ=$SRC/gazetteers
EXAMPLES=$SRC/examples/corpus
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
start=$SECONDS

ok() { pass=$((pass + 1)); echo "ok - $1"; }
ko() { fail=$((fail + 1)); echo "FAIL - $1"; }

# sgrun NAME ARGS...: runs stakegraph inside the new, empty directory
# $T/run/NAME (so outputs are given as relative names, and whatever is left
# there afterwards is what the run left); its stdout, stderr and exit status
# are kept beside it as NAME.stdout, NAME.stderr, NAME.status.
sgrun() {
    local n=$1
    shift
    rm -rf "$T/run/$n"
    mkdir -p "$T/run/$n"
    (cd "$T/run/$n" && "$SG" "$@" >"../$n.stdout" 2>"../$n.stderr"; echo $? >"../$n.status")
}

# same_runs WHAT A B FILE...: runs A and B wrote the same FILEs, the same
# stdout and stderr, and exited the same way. One check per file. A file is
# the same when its bytes are, or when only layout coordinates differ, by
# 0.02 at most (same_layout.py says why).
same_runs() {
    local what=$1 a=$2 b=$3 f
    shift 3
    for f in status stdout stderr; do
        if cmp -s "$T/run/$a.$f" "$T/run/$b.$f"; then
            ok "$what: same $f"
        else
            ko "$what: same $f"
            echo "    $f differs ($a, $b)"
            diff "$T/run/$a.$f" "$T/run/$b.$f" | head -5 | sed 's/^/    /'
        fi
    done
    for f in "$@"; do
        if [ -s "$T/run/$a/$f" ] && "$PY" "$SAME_LAYOUT" "$T/run/$a/$f" "$T/run/$b/$f" >/dev/null; then
            ok "$what: same $f"
        else
            ko "$what: same $f"
            echo "    $f differs or is missing ($a, $b)"
            cmp "$T/run/$a/$f" "$T/run/$b/$f" 2>&1 | head -2 | sed 's/^/    /'
        fi
    done
}

# failed WHAT RUN STATUS PATTERN: the run exited with STATUS, its stderr
# matches PATTERN (grep -E), nothing was written to stdout, and its directory
# is empty: no output and no temporary file left.
failed() {
    local what=$1 n=$2 want=$3 pattern=$4 got left
    got=$(cat "$T/run/$n.status")
    left=$(ls -A "$T/run/$n")
    if [ "$got" != "$want" ]; then
        ko "$what"
        echo "    exit $got, wanted $want"
        sed 's/^/    /' "$T/run/$n.stderr" | head -5
    elif ! grep -qE -- "$pattern" "$T/run/$n.stderr"; then
        ko "$what"
        echo "    stderr lacks /$pattern/"
        sed 's/^/    /' "$T/run/$n.stderr" | head -5
    elif [ -s "$T/run/$n.stdout" ]; then
        ko "$what"
        echo "    wrote to stdout"
    elif [ -n "$left" ]; then
        ko "$what"
        echo "    left files behind: $left"
    else
        ok "$what"
    fi
}

# --- same_layout.py: what two runs may differ in ------------------------------
mkdir -p "$T/cmp"
printf '<node id="a">\n<data key="v_x">10.25</data>\n<data key="v_y">889.82</data>\n<data key="v_w">3</data>\n' >"$T/cmp/a.graphml"
printf 'a [pos="1581.75,2344.21!",\n\t\tw=3,\n\t\tx=1581.75,\n\t\ty=2344.21];\n' >"$T/cmp/a.dot"
sed 's/889.82/889.81/' "$T/cmp/a.graphml" >"$T/cmp/near.graphml"
sed 's/889.82/889.52/' "$T/cmp/a.graphml" >"$T/cmp/far.graphml"
sed 's/"v_w">3/"v_w">4/' "$T/cmp/a.graphml" >"$T/cmp/weight.graphml"
sed 's/2344.21/2344.22/g' "$T/cmp/a.dot" >"$T/cmp/near.dot"
sed 's/2344.21!/2345.21!/' "$T/cmp/a.dot" >"$T/cmp/far.dot"
sed 's/y=2344.21/y=2344.51/' "$T/cmp/a.dot" >"$T/cmp/far-y.dot"
sed 's/w=3/w=4/' "$T/cmp/a.dot" >"$T/cmp/weight.dot"
printf '<g id="edge1"><title>a&#45;&#45;b</title>\n<path fill="none" stroke="#000" d="M-3668.14,2049.5C-3600.2,2001.33 -3550,1990 -3500.75,1980.25"/>\n<polygon points="10.5,-20.25 30,-40.75"/>\n<text x="-3668.14" y="2049.5">AP-HM</text></g>\n' >"$T/cmp/a.svg"
sed 's/-3668.14,2049.5C/-3668.15,2049.5C/; s/-40.75/-40.76/' "$T/cmp/a.svg" >"$T/cmp/near.svg"
sed 's/-3550,1990/-3550,1991/' "$T/cmp/a.svg" >"$T/cmp/far.svg"
sed 's/x="-3668.14"/x="-3667.84"/' "$T/cmp/a.svg" >"$T/cmp/far-x.svg"
sed 's/>AP-HM</>APHM</' "$T/cmp/a.svg" >"$T/cmp/label.svg"
# compares A B WANT: same_layout.py A B exits WANT
compares() {
    "$PY" "$SAME_LAYOUT" "$T/cmp/$1" "$T/cmp/$2" >/dev/null
    if [ $? -eq "$3" ]; then ok "same_layout.py $1 $2: exit $3"; else ko "same_layout.py $1 $2: exit $3"; fi
}
compares a.graphml a.graphml 0
compares a.graphml near.graphml 0
compares a.graphml far.graphml 1
compares a.graphml weight.graphml 1
compares a.dot near.dot 0
compares a.dot far.dot 1
compares a.dot far-y.dot 1
compares a.dot weight.dot 1
compares a.svg near.svg 0
compares a.svg far.svg 1
compares a.svg far-x.svg 1
compares a.svg label.svg 1

# --- a generated corpus ------------------------------------------------------
# 300 documents in six directories (see gen_corpus.py); in document order: a
# unit naming every actor (warning), a blank document (warning), invalid UTF-8
# (warning; an error with --strict), CRLF with a BOM, an empty document.
GEN=$T/gen
"$PY" "$(dirname "$0")/gen_corpus.py" "$SRC" "$GEN" 300
ndocs=$(find "$GEN" -name '*.txt' | wc -l)
if [ "$ndocs" -eq 300 ]; then ok "generated corpus: 300 documents"; else
    ko "generated corpus: 300 documents"
    echo "    $ndocs documents"
fi

# --- --jobs N gives the bytes of --jobs 1 -----------------------------------
OUTS=(-o net.graphml -o net.dot -o counts.pairs --mentions mentions.tsv)
FILES=(net.graphml net.dot counts.pairs mentions.tsv)
for corpus in examples gen; do
    dir=$EXAMPLES
    [ $corpus = gen ] && dir=$GEN
    sgrun "$corpus-j1" extract -j 1 -g "$GAZ" "${OUTS[@]}" "$dir"
    for j in 2 3 7 default; do
        jobs=(-j "$j")
        [ $j = default ] && jobs=()
        sgrun "$corpus-j$j" extract "${jobs[@]}" -g "$GAZ" "${OUTS[@]}" "$dir"
        same_runs "$corpus: --jobs $j = --jobs 1" "$corpus-j1" "$corpus-j$j" "${FILES[@]}"
    done
done
# the generated corpus's warnings are there, in document order, the invalid
# UTF-8 one mid-run
order=$(grep -oE '[a-f]/[0-9]{4}\.txt' "$T/run/gen-j1.stderr" | tr '\n' ' ')
if [ "$(cat "$T/run/gen-j1.status")" = 0 ] &&
    [ "$order" = "b/0050.txt c/0100.txt d/0150.txt f/0295.txt " ]; then
    ok "generated corpus: exit 0, four warnings in document order (invalid UTF-8 at document 151)"
else
    ko "generated corpus: exit 0, four warnings in document order (invalid UTF-8 at document 151)"
    sed 's/^/    /' "$T/run/gen-j1.stderr"
fi
if grep -q 'd/0150.txt: byte 200: invalid UTF-8' "$T/run/gen-j1.stderr"; then
    ok "the invalid UTF-8 warning names the document and byte"
else
    ko "the invalid UTF-8 warning names the document and byte"
fi

# --- an error in document k: the same for every --jobs, nothing left --------
# (a) --strict and the invalid UTF-8 of document 151: the warnings of the
#     documents before it, then the error; none of the documents after it
# (b) a file that cannot be read, found by the directory walk: a link
#     e/0200-mem.txt to /proc/self/mem, a regular file whose first read fails
#     with EIO (chmod 000 does not stop root; a socket is skipped with a warning)
# (c) a dangling path given explicitly, (d) a dangling link in a directory:
#     refused before any document is read
cp -r "$GEN" "$T/gen-sock"
ln -s /proc/self/mem "$T/gen-sock/e/0200-mem.txt"
cp -r "$GEN" "$T/gen-link"
ln -s "$T/nowhere.txt" "$T/gen-link/c/0120-link.txt"
declare -A ERR_ARGS=(
    [strict]="--strict $GEN"
    [socket]="$T/gen-sock"
    [dangling]="$EXAMPLES $T/missing.txt"
    [link]="$T/gen-link"
)
declare -A ERR_PATTERN=(
    [strict]="^stakegraph: $GEN/d/0150.txt: byte 200: invalid UTF-8"
    [socket]="^stakegraph: $T/gen-sock/e/0200-mem.txt: Input/output error"
    [dangling]="^stakegraph: $T/missing.txt: No such file or directory"
    [link]="^stakegraph: $T/gen-link/c/0120-link.txt: No such file or directory"
)
for e in strict socket dangling link; do
    for j in 1 2 3 7; do
        # shellcheck disable=SC2086
        sgrun "err-$e-j$j" extract -j $j -g "$GAZ" "${OUTS[@]}" -o net.svg ${ERR_ARGS[$e]}
        failed "error ($e), --jobs $j: exit 1, named, nothing left" "err-$e-j$j" 1 \
            "${ERR_PATTERN[$e]}"
        [ $j = 1 ] || same_runs "error ($e): --jobs $j = --jobs 1" "err-$e-j1" "err-$e-j$j"
    done
done
# the error is the last line; the warnings before it are those of the
# documents before it, and only those
if [ "$(tail -n 1 "$T/run/err-strict-j1.stderr" | grep -c 'd/0150.txt: byte 200')" = 1 ] &&
    grep -q 'c/0100.txt: empty document' "$T/run/err-strict-j1.stderr" &&
    ! grep -q '0295' "$T/run/err-strict-j1.stderr"; then
    ok "--strict: the earlier documents' warnings, then the error, then nothing"
else
    ko "--strict: the earlier documents' warnings, then the error, then nothing"
    sed 's/^/    /' "$T/run/err-strict-j1.stderr"
fi
# a failed run leaves an existing output as it was
mkdir -p "$T/keep"
echo "previous" >"$T/keep/net.graphml"
(cd "$T/keep" && "$SG" extract -q -j 3 --strict -g "$GAZ" -o net.graphml "$GEN" 2>/dev/null)
if [ "$(cat "$T/keep/net.graphml")" = previous ] && [ "$(ls -A "$T/keep")" = net.graphml ]; then
    ok "a failed --jobs 3 run leaves the previous output untouched"
else
    ko "a failed --jobs 3 run leaves the previous output untouched"
    echo "    $(ls -A "$T/keep")"
fi

# --- shards -> pairs -> merge = one extract -----------------------------------
# split_shards CORPUS N: the corpus's documents dealt round robin into N lists
# $T/lists/1 ... N (so that each shard numbers its documents differently).
split_shards() {
    rm -rf "$T/lists"
    mkdir -p "$T/lists"
    find "$1" -name '*.txt' | sort | awk -v n="$2" -v d="$T/lists" '{ print > (d "/" (NR - 1) % n + 1) }'
}

# shards NAME CORPUS N EXTRACT_OPTION...: extracts each of N shards of CORPUS
# with -f pairs into $T/run/NAME/<k>.pairs (with --jobs 2).
shards() {
    local n=$1 corpus=$2 k=$3
    shift 3
    split_shards "$corpus" "$k"
    rm -rf "$T/run/$n"
    mkdir -p "$T/run/$n"
    for ((i = 1; i <= k; i++)); do
        mapfile -t docs <"$T/lists/$i"
        "$SG" extract -q -j 2 -g "$GAZ" "$@" -f pairs -o "$T/run/$n/$i.pairs" "${docs[@]}" ||
            { ko "$n: shard $i"; }
    done
}

PICS=(-o net.graphml -o net.dot -o net.svg)
for corpus in examples gen; do
    dir=$EXAMPLES
    [ $corpus = gen ] && dir=$GEN
    k=3
    [ $corpus = gen ] && k=5
    sgrun "$corpus-single" extract -q -g "$GAZ" "${PICS[@]}" "$dir"
    sgrun "$corpus-single-pairs" extract -q -g "$GAZ" -o all.pairs "$dir"
    shards "$corpus-shards" "$dir" $k
    # the shard files, given as a directory
    sgrun "$corpus-merge" merge -q -g "$GAZ" "${PICS[@]}" "$T/run/$corpus-shards"
    same_runs "$corpus: merge of $k shards = extract" "$corpus-single" "$corpus-merge" \
        net.graphml net.dot net.svg
    # every shard line concatenated, shuffled, through stdin
    cat "$T/run/$corpus-shards"/*.pairs |
        "$PY" -c 'import random, sys
lines = sys.stdin.readlines()
random.Random(13).shuffle(lines)
sys.stdout.writelines(lines)' >"$T/shuffled.pairs"
    if cmp -s <(cat "$T/run/$corpus-shards"/*.pairs) "$T/shuffled.pairs"; then
        ko "$corpus: the shuffled lines are out of order"
    else
        ok "$corpus: the shuffled lines are out of order"
    fi
    sgrun "$corpus-merge-stdin" merge -q -g "$GAZ" "${PICS[@]}" - <"$T/shuffled.pairs"
    same_runs "$corpus: merge of the shuffled lines on stdin = extract" "$corpus-single" \
        "$corpus-merge-stdin" net.graphml net.dot net.svg
    # a tree: merge -f pairs of shards 1-2 and 3-k, then merge of those two;
    # and the summed counts are the bytes extract -f pairs writes
    s=$T/run/$corpus-shards
    sgrun "$corpus-tree-a" merge -q -g "$GAZ" -f pairs -o a.pairs "$s/1.pairs" "$s/2.pairs"
    sgrun "$corpus-tree-b" merge -q -g "$GAZ" -o b.pairs "$s"/[3-9].pairs
    sgrun "$corpus-tree" merge -q -g "$GAZ" "${PICS[@]}" -o all.pairs \
        "$T/run/$corpus-tree-a/a.pairs" "$T/run/$corpus-tree-b/b.pairs"
    same_runs "$corpus: merge of merges (tree) = extract" "$corpus-single" "$corpus-tree" \
        net.graphml net.dot net.svg
    same_runs "$corpus: summed counts = extract -f pairs" "$corpus-single-pairs" "$corpus-tree" \
        all.pairs
done
# one shard per document (the example corpus)
rm -rf "$T/run/per-doc"
mkdir -p "$T/run/per-doc"
for f in "$EXAMPLES"/*.txt; do
    "$SG" extract -q -g "$GAZ" -o "$T/run/per-doc/$(basename "$f" .txt).pairs" "$f"
done
sgrun "per-doc-merge" merge -q -g "$GAZ" "${PICS[@]}" "$T/run/per-doc"
same_runs "examples: merge of one shard per document = extract" "examples-single" \
    "per-doc-merge" net.graphml net.dot net.svg
# other units: merge takes the unit from the counts
for unit in paragraph window:5; do
    u=${unit/:/}
    sgrun "gen-$u-single" extract -q -g "$GAZ" --unit "$unit" -o net.graphml -o net.dot "$GEN"
    shards "gen-$u-shards" "$GEN" 4 --unit "$unit"
    sgrun "gen-$u-merge" merge -q -g "$GAZ" -o net.graphml -o net.dot "$T/run/gen-$u-shards"
    same_runs "gen: --unit $unit: merge of 4 shards = extract" "gen-$u-single" "gen-$u-merge" \
        net.graphml net.dot
done
if cmp -s "$T/run/gen-single/net.graphml" "$T/run/gen-paragraph-single/net.graphml"; then
    ko "--unit paragraph and sentence networks differ (the unit is carried by the counts)"
else
    ok "--unit paragraph and sentence networks differ (the unit is carried by the counts)"
fi

# --- merge errors: exit 1, the file (and line) named, no output left ---------
S=$T/run/gen-shards
P=$T/run/gen-paragraph-shards
: >"$T/empty.pairs"
sed '7s/.*/node\tperson:nobody\t1\t1\t1/' "$S/2.pairs" >"$T/bad-line.pairs"
mkdir -p "$T/no-pairs"
sgrun merr-graphml merge -g "$GAZ" -o net.graphml "$S/1.pairs" "$T/run/gen-single/net.graphml"
failed "merge: GraphML given as counts" merr-graphml 1 \
    "^stakegraph: $T/run/gen-single/net.graphml:1: not a line of a counts file"
sgrun merr-unit merge -g "$GAZ" -o net.graphml -o net.svg "$S/1.pairs" "$P/2.pairs"
# (inputs are read in sorted order: gen-paragraph-shards/ before gen-shards/)
failed "merge: shards of different --unit" merr-unit 1 \
    "^stakegraph: $S/1.pairs:1: made with unit=sentence, expected unit=paragraph"
sgrun merr-gaz merge -g "$GAZ/places.tsv" -o net.graphml "$S"
failed "merge: wrong -g" merr-gaz 1 "^stakegraph: $S/1.pairs:1: made with another gazetteer"
sgrun merr-empty merge -g "$GAZ" -o net.graphml "$S/1.pairs" "$T/empty.pairs"
failed "merge: empty file" merr-empty 1 "^stakegraph: $T/empty.pairs: empty: not a counts file"
sgrun merr-missing merge -g "$GAZ" -o net.graphml "$S/1.pairs" "$T/missing.pairs"
failed "merge: missing file" merr-missing 1 \
    "^stakegraph: $T/missing.pairs: No such file or directory"
sgrun merr-line merge -g "$GAZ" -o net.graphml -o all.pairs "$S/1.pairs" "$T/bad-line.pairs"
failed "merge: unknown id on line 7" merr-line 1 \
    "^stakegraph: $T/bad-line.pairs:7: 'person:nobody' is not in the gazetteers"
sgrun merr-stdin merge -g "$GAZ" -o net.graphml - <"$T/run/gen-single/net.dot"
failed "merge: DOT on stdin" merr-stdin 1 "^stakegraph: <stdin>:1: not a line of a counts file"
sgrun merr-dir merge -g "$GAZ" -o net.graphml "$T/no-pairs"
failed "merge: a directory without *.pairs" merr-dir 1 "no counts files"
# an existing output is left as it was
echo "previous" >"$T/keep/net.graphml"
(cd "$T/keep" && "$SG" merge -g "$GAZ" -o net.graphml "$S" "$T/bad-line.pairs" 2>/dev/null)
if [ "$(cat "$T/keep/net.graphml")" = previous ] && [ "$(ls -A "$T/keep")" = net.graphml ]; then
    ok "a failed merge leaves the previous output untouched"
else
    ko "a failed merge leaves the previous output untouched"
    echo "    $(ls -A "$T/keep")"
fi

echo "# $((SECONDS - start)) s"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
