#!/bin/bash
# The most central actors and the strongest ties of a stakegraph network, from
# its node-link JSON (read with jq) or its CSV tables (read with awk).
#
#   top_actors.sh [-n N] [-m MEASURE] NETWORK.json
#   top_actors.sh [-n N] [-m MEASURE] CSV_DIR          (holds nodes.csv, edges.csv)
#
#   -n N        how many actors and ties to print (default 10)
#   -m MEASURE  the node column to rank actors by (default pagerank; also mentions,
#               documents, degree, strength, betweenness, eigenvector, ...)
#
# Make the inputs with:
#   stakegraph extract -f json -o net.json articles/
#   stakegraph extract -f csv -o net-tables/ articles/
#   stakegraph extract --jsonl -f json -o net.json corpus.jsonl    (JSON Lines)
# Example: examples/scripts/top_actors.sh -n 5 -m mentions net.json
#
# Output: two tab-separated tables, each after a "# top ..." title and a header
# line: the top N actors by MEASURE (ties broken by id), then the top N ties by
# weight (then documents, then ids). Actors are named by the gazetteer's short
# label when there is one. The JSON and the CSV tables of one network print the
# same lines.
set -euo pipefail

n=10
measure=pagerank
usage() { # usage [EXIT]: 0 (asked for, -h) to stdout, else 2 to stderr
    if [ "${1:-2}" -eq 0 ]; then sed -n '5,6p' "$0" | sed 's/^# *//'; exit 0; fi
    sed -n '5,6p' "$0" | sed 's/^# *//' >&2
    exit 2
}
while getopts "n:m:h" opt; do
    case $opt in
    n) n=$OPTARG ;;
    m) measure=$OPTARG ;;
    h) usage 0 ;;
    *) usage ;;
    esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] || usage
[[ $n =~ ^[1-9][0-9]*$ ]] || { echo "top_actors.sh: -n wants a positive integer, not '$n'" >&2; exit 2; }
[[ $measure =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || { echo "top_actors.sh: bad column name '$measure'" >&2; exit 2; }
in=$1
die() { echo "top_actors.sh: $*" >&2; exit 1; }

export LC_ALL=C
tab=$'\t'
nodes=$(mktemp)
edges=$(mktemp)
trap 'rm -f "$nodes" "$edges"' EXIT

# Both readers write the same two intermediate tables (tab-separated):
#   nodes: id name type MEASURE degree mentions   (name: the short label if any)
#   edges: source target weight documents source_name target_name
if [ -d "$in" ]; then
    for f in nodes.csv edges.csv; do
        [ -r "$in/$f" ] || die "$in/$f: no such file (make it with: stakegraph extract -f csv -o $in ...)"
    done
    # RFC 4180: fields may be quoted, with "" for a quote and line breaks inside.
    # Columns are found by their names in the header line.
    # shellcheck disable=SC2016 # awk and jq programs, not shell expressions
    csv='
    function record(   line) {           # $0 plus the lines a quoted field spans
        while (gsub(/"/, "\"") % 2 == 1 && (getline line) > 0) $0 = $0 "\n" line
    }
    function split_csv(s, f,   n, i, c, q, v) {
        n = 0; v = ""; q = 0
        for (i = 1; i <= length(s); i++) {
            c = substr(s, i, 1)
            if (q) {
                if (c == "\"") { if (substr(s, i + 1, 1) == "\"") { v = v c; i++ } else q = 0 }
                else v = v c
            } else if (c == "\"") q = 1
            else if (c == ",") { f[++n] = v; v = "" }
            else v = v c
        }
        f[++n] = v
        return n
    }
    function clean(s) { gsub(/[\t\n\r]/, " ", s); return s }
    { sub(/\r$/, ""); record() }
    NR == 1 {
        k = split_csv($0, h)
        for (i = 1; i <= k; i++) col[h[i]] = i
        k = split(want, w, " ")
        for (i = 1; i <= k; i++)
            if (!(w[i] in col)) { printf "%s: no column \"%s\"\n", FILENAME, w[i] > "/dev/stderr"; exit 1 }
        next
    }
    { split_csv($0, f) }'
    awk -v want="id label type $measure degree mentions" -v m="$measure" "$csv"'
        { name = ("short" in col && f[col["short"]] != "") ? f[col["short"]] : f[col["label"]]
          print f[col["id"]] "\t" clean(name) "\t" f[col["type"]] "\t" f[col[m]] "\t" \
                f[col["degree"]] "\t" f[col["mentions"]] }' "$in/nodes.csv" >"$nodes" ||
        die "$in/nodes.csv: not a stakegraph node table"
    awk -v want="source target weight documents" -v labels="$nodes" "$csv"'
        BEGIN { while ((getline l < labels) > 0) { split(l, p, "\t"); label[p[1]] = p[2] } }
        { s = f[col["source"]]; t = f[col["target"]]
          print s "\t" t "\t" f[col["weight"]] "\t" f[col["documents"]] "\t" label[s] "\t" label[t] }' \
        "$in/edges.csv" >"$edges" || die "$in/edges.csv: not a stakegraph edge table"
else
    [ -e "$in" ] || die "$in: no such file"
    [ -r "$in" ] || die "$in: cannot read it"
    command -v jq >/dev/null || die "jq is needed to read JSON (apt-get install jq)"
    jq -e '(.nodes | type) == "array" and (.links | type) == "array"' "$in" >/dev/null 2>&1 ||
        die "$in: not a node-link JSON (make it with: stakegraph extract -f json ...)"
    jq -e --arg m "$measure" '.nodes | all(has($m) and has("degree") and has("mentions"))' "$in" >/dev/null ||
        die "$in: the nodes have no \"$measure\" (or degree, mentions) column"
    # name: the gazetteer's short label (AP-HM, ARS Paca, ...) when there is one
    # shellcheck disable=SC2016
    names='def name: if (.short // "") != "" then .short else .label end;
           def row: map(tostring | gsub("[\t\n\r]"; " ")) | join("\t");'
    jq -r --arg m "$measure" "$names"'
        .nodes[] | [.id, name, .type, .[$m], .degree, .mentions] | row' "$in" >"$nodes"
    jq -r "$names"'
        (reduce .nodes[] as $v ({}; .[$v.id] = ($v | name))) as $name
        | .links[] | [.source, .target, .weight, .documents, $name[.source], $name[.target]] | row' \
        "$in" >"$edges"
fi

n_nodes=$(wc -l <"$nodes")
n_edges=$(wc -l <"$edges")
echo "# top $n actors by $measure (of $n_nodes)"
printf 'rank\tid\tactor\ttype\t%s\tdegree\tmentions\n' "$measure"
sort -t "$tab" -k4,4gr -k1,1 "$nodes" |
    awk -F "$tab" -v n="$n" 'NR <= n { printf "%d\t%s\t%s\t%s\t%.6g\t%d\t%d\n", NR, $1, $2, $3, $4, $5, $6 }'
echo
echo "# top $n ties by weight (of $n_edges)"
printf 'rank\tsource\ttarget\tweight\tdocuments\tactors\n'
sort -t "$tab" -k3,3gr -k4,4nr -k1,1 -k2,2 "$edges" |
    awk -F "$tab" -v n="$n" 'NR <= n { printf "%d\t%s\t%s\t%g\t%d\t%s — %s\n", NR, $1, $2, $3, $4, $5, $6 }'
