#!/bin/bash
# The unit tests and the command line under valgrind (memcheck), SPEC §14:
# zero memory errors and zero definite leaks from stakegraph's own code. Leaks
# inside Graphviz, pango and fontconfig are suppressed by valgrind.supp (each
# entry says what and why); anything else fails.
#
# usage: valgrind.sh BUILD_DIR SOURCE_DIR
# Slow (about a minute): not registered in ctest.
set -u
BUILD=$(readlink -f "$1")
SRC=$(readlink -f "$2")
SG=$BUILD/stakegraph
SUPP=$SRC/tests/sanitizer/valgrind.supp
GAZ=$SRC/gazetteers
CORPUS=$SRC/examples/corpus

if ! command -v valgrind >/dev/null; then
    echo "FAIL - valgrind is not installed (apt-get install valgrind)"
    echo "0 passed, 1 failed"
    exit 1
fi
[ -x "$SG" ] || { echo "FAIL - no $SG: build first"; echo "0 passed, 1 failed"; exit 1; }

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
VG=(valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99
    --num-callers=30 --suppressions="$SUPP")
pass=0
fail=0
start=$SECONDS

# vg NAME CODE COMMAND...: COMMAND must exit with CODE and valgrind find nothing.
vg() {
    local name=$1 code=$2
    shift 2
    local log=$T/vg.log t0=$SECONDS
    "${VG[@]}" --log-file="$log" "$@" >"$T/stdout" 2>"$T/stderr"
    local rc=$?
    if [ $rc -eq "$code" ] && grep -q 'ERROR SUMMARY: 0 errors' "$log"; then
        pass=$((pass + 1))
        echo "ok - $name ($((SECONDS - t0)) s)"
    else
        fail=$((fail + 1))
        echo "FAIL - $name: exit $rc (wanted $code; 99 = valgrind found errors)"
        grep -E 'ERROR SUMMARY|definitely lost:' "$log" | sed 's/^==[0-9]*== /    # /'
        # each error or definite leak with its stack
        awk '/definitely lost in loss record|Invalid (read|write|free)|uninitialised|Conditional jump|Mismatched|overlap|fishy/{p=1}
             p{print} p&&/^==[0-9]+== $/{p=0}' "$log" | sed 's/^==[0-9]*== /    # /' | head -200
        sed 's/^/    # stderr: /' "$T/stderr" | head -5
    fi
}

echo "# --- unit tests"
for t in "$BUILD"/tests/test_*; do
    [ -f "$t" ] && [ -x "$t" ] || continue
    vg "unit $(basename "$t")" 0 "$t"
done

echo "# --- the command line on the example corpus"
vg "extract -o .graphml -o .svg -o .png -o .dot --mentions" 0 \
    "$SG" extract -g "$GAZ" "$CORPUS" -o net.graphml -o net.svg -o net.png -o net.dot --mentions m.tsv
vg "extract --unit paragraph --backbone 0.5 --min-weight 2" 0 \
    "$SG" extract -q -g "$GAZ" --unit paragraph --backbone 0.5 --min-weight 2 "$CORPUS" -o para.graphml
vg "extract --unit window:5 --no-layout, stdin" 0 \
    bash -c "cat '$CORPUS'/*.txt | exec '$SG' extract -q -g '$GAZ' --unit window:5 --no-layout - -o nolayout.graphml"
JSONL=$SRC/examples/corpus.jsonl
vg "extract --jsonl --by-period month, gexf, json, csv, --evidence, --bipartite" 0 \
    "$SG" extract -q -g "$GAZ" --jsonl "$JSONL" --by-period month -o p.graphml -o p.gexf \
    -o p.json --evidence ev.jsonl --bipartite bip.graphml
vg "extract -f csv, --evidence TSV, 2 jobs" 0 \
    "$SG" extract -q -g "$GAZ" -j 2 "$CORPUS" -f csv -o tables --evidence ev.tsv
vg "explain" 0 "$SG" explain -g "$GAZ" "AP-HM" "Marseille" "$CORPUS"
vg "extract -o .pairs" 0 "$SG" extract -q -g "$GAZ" "$CORPUS" -o c.pairs
vg "merge of pairs with first documents" 0 "$SG" merge -q -g "$GAZ" c.pairs -o merged.graphml
vg "gazetteer check (bundled and France)" 0 "$SG" gazetteer check "$GAZ" "$SRC/gazetteers/france"
vg "suggest" 0 "$SG" suggest -g "$GAZ" "$CORPUS" -o suggestions.tsv
vg "extract with the France gazetteer (guards)" 0 \
    "$SG" extract -q -g "$GAZ" -g "$SRC/gazetteers/france" "$CORPUS" -o fr.graphml --no-layout
vg "stats" 0 "$SG" stats net.graphml
vg "stats --json" 0 "$SG" stats --json --top 5 net.graphml
vg "render a laid-out GraphML (nop2) -o .svg -o .pdf -o .png -o .graphml" 0 \
    "$SG" render net.graphml -o r.svg -o r.pdf -o r.png -o r.graphml
vg "render without layout (neato), --colour-by type" 0 \
    "$SG" render --colour-by type --title "Réseau" nolayout.graphml -o n.svg
vg "render --engine sfdp -o .png" 0 "$SG" render --engine sfdp nolayout.graphml -o s.png

echo "# --- error paths (everything allocated must still be freed)"
printf 'id\tlabel\ttype\norg:a\tA Santé\torganisation\norg:b\tB Santé\n' >broken.tsv
printf 'id\tlabel\ttype\tpattern\norg:b\tB Santé\torganisation\t(a+)+$\n' >bt.tsv
printf 'id\tlabel\ttype\tpattern\norg:b\tB Santé\torganisation\t(a+\n' >badpat.tsv
printf "Un texte. %s b\n" "$(head -c 3000 /dev/zero | tr '\0' a)" >bt.txt
printf 'Le CHU de Nice \xff\xfe et l\xe2\x80\x99ARS Paca.\n' >bad.txt
printf '\xff\xfeA\0' >utf16.txt
vg "broken gazetteer line" 1 "$SG" extract -g broken.tsv "$CORPUS" -o x.graphml
vg "invalid pattern" 1 "$SG" extract -g badpat.tsv "$CORPUS" -o x.graphml
vg "pattern hitting the match limit" 1 "$SG" extract -g bt.tsv bt.txt -o x.graphml --mentions x.tsv
vg "--strict on invalid UTF-8" 1 "$SG" extract --strict -g "$GAZ" bad.txt -o x.graphml
vg "UTF-16 input" 1 "$SG" extract -g "$GAZ" utf16.txt -o x.graphml
vg "missing input" 1 "$SG" extract -g "$GAZ" nope.txt -o x.graphml
vg "output into a missing directory" 1 "$SG" extract -g "$GAZ" "$CORPUS" -o no/dir/x.graphml
vg "mentions to /dev/full" 1 "$SG" extract -g "$GAZ" "$CORPUS" -o x.graphml --mentions /dev/full
vg "stats of a file that is not GraphML" 1 "$SG" stats bad.txt
printf '{"id":"a","text":"L\xe2\x80\x99ARS Paca et Nice."}\n{"id":\n[1]\n{"id":"b"}\n' >bad.jsonl
vg "JSON Lines with bad lines (reported, skipped)" 1 "$SG" extract -g "$GAZ" --jsonl bad.jsonl -o x.graphml
vg "explain an unknown actor" 1 "$SG" explain -g "$GAZ" nope "AP-HM" "$CORPUS"
printf 'id\tlabel\ttype\tguard\nx\tX\tplace\tsometimes\nx\tY\tplace\t\n' >guard.tsv
vg "gazetteer check with errors" 1 "$SG" gazetteer check guard.tsv
vg "usage error" 2 "$SG" extract --unit window:0 "$CORPUS"

echo "# valgrind run: $((SECONDS - start)) s"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
