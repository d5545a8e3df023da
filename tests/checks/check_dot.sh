#!/bin/bash
# Check a DOT file the way stakegraph promises it (SPEC §6): an undirected
# graph that Graphviz's dot, neato and sfdp all lay out with exit 0 and not a
# word on stderr (no syntax error, no warning).
# usage: check_dot.sh FILE.dot          (needs Debian's graphviz)
# Prints one line per problem and exits 1 if there is any.
f=${1:?usage: check_dot.sh FILE.dot}
[ -r "$f" ] || { echo "$f: cannot read"; exit 1; }
rc=0
for engine in dot neato sfdp; do
    command -v "$engine" >/dev/null || { echo "$engine: not installed (Debian's graphviz)"; rc=1; continue; }
    err=$("$engine" -Tsvg "$f" -o /dev/null 2>&1)
    status=$?
    if [ $status -ne 0 ] || [ -n "$err" ]; then
        echo "$engine: exit $status: $(printf '%s' "$err" | head -3 | tr '\n' ' ')"
        rc=1
    fi
done
# The first statement (after comments) opens an undirected graph: [strict] graph.
head=$(sed -e 's,//.*,,' -e 's,^#.*,,' "$f" | tr -s ' \t\n' ' ' | sed -e 's,/\*[^*]*\*/,,g' -e 's/^ //')
case "$head" in
[Ss][Tt][Rr][Ii][Cc][Tt]\ [Gg][Rr][Aa][Pp][Hh][\ {]* | [Gg][Rr][Aa][Pp][Hh][\ {]*) ;;
*) echo "not an undirected graph (the file does not open with 'graph' or 'strict graph')"; rc=1 ;;
esac
[ $rc -eq 0 ] && echo "ok: dot, neato and sfdp read it without a word"
exit $rc
