#!/bin/bash
# The analysis scripts of examples/scripts/ (SPEC §11) run on stakegraph's
# outputs for the two example corpora (examples/corpus/*.txt and the JSON Lines
# examples/corpus.jsonl, also cut by year with --by-period), and what they print
# is checked against values computed here independently: networkx and
# python-igraph on the GraphML, and separate stakegraph runs on each year's
# documents. jq, Rscript with igraph, pandas missing: a failure, not a skip.
#
# usage: examples_test.sh STAKEGRAPH SOURCE_DIR PYTHON
set -u
SG=$(readlink -f "$1")
SRC=$(readlink -f "$2")
PY=${3:-/usr/bin/python3}
GAZ=$SRC/gazetteers
SCRIPTS=$SRC/examples/scripts
JSONL=$SRC/examples/corpus.jsonl
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
N=15 # rows asked of each script

ok() { pass=$((pass + 1)); echo "ok - $1"; }
ko() { fail=$((fail + 1)); echo "FAIL - $1"; }
check() { # check NAME COMMAND...   (standard input goes to COMMAND)
    local name=$1
    shift
    if "$@" >"$T/check.log" 2>&1; then ok "$name"; else ko "$name"; sed 's/^/    # /' "$T/check.log" | tail -n 20; fi
}
# run NAME OUT COMMAND...: COMMAND exits 0 and writes OUT (stdout), OUT.err
run() {
    local name=$1 out=$2
    shift 2
    "$@" >"$out" 2>"$out.err"
    local rc=$?
    if [ $rc -eq 0 ] && [ -s "$out" ]; then ok "$name"; else
        ko "$name (exit $rc)"
        sed 's/^/    # /' "$out.err" | tail -n 20
    fi
}
# refuses NAME CODE PATTERN COMMAND...: exits CODE, stderr matches PATTERN, no stdout traceback
refuses() {
    local name=$1 code=$2 pattern=$3
    shift 3
    "$@" >"$T/r.out" 2>"$T/r.err"
    local rc=$?
    if [ $rc -eq "$code" ] && grep -qE -- "$pattern" "$T/r.err" && ! grep -q Traceback "$T/r.err"; then
        ok "$name"
    else
        ko "$name: exit $rc, wanted $code and /$pattern/"
        sed 's/^/    # /' "$T/r.err" | tail -n 5
    fi
}

# --- the tools the scripts need ------------------------------------------------
if command -v jq >/dev/null; then ok "jq is installed"; else ko "jq is installed (apt-get install jq)"; fi
if Rscript -e 'suppressPackageStartupMessages(library(igraph))' >"$T/r.log" 2>&1; then
    ok "Rscript and R igraph are installed"
else
    ko "Rscript and R igraph are installed (apt-get install r-base-core r-cran-igraph)"
    sed 's/^/    # /' "$T/r.log"
fi
check "python3 has networkx, pandas and igraph (python3-networkx python3-pandas python3-igraph)" \
    "$PY" -c 'import networkx, pandas, igraph'
for s in top_actors.sh analyse.py analyse.R; do
    check "examples/scripts/$s is executable and says how to run it" \
        bash -c "test -x '$SCRIPTS/$s' && sed -n 2,12p '$SCRIPTS/$s' | grep -q '$s'"
done

# --- the JSON Lines corpus --------------------------------------------------------
check "examples/corpus.jsonl: 14-20 documents, each a JSON object with id, text (80-250 words), date (2023-2025), source, url" \
    "$PY" - "$JSONL" <<'EOF'
import json, re, sys
docs = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert 14 <= len(docs) <= 20, len(docs)
assert len({d["id"] for d in docs}) == len(docs), "ids are not unique"
for d in docs:
    assert set(d) >= {"id", "text", "date", "source", "url"}, d["id"]
    assert re.fullmatch(r"20(23|24|25)-\d\d-\d\d", d["date"]), d["date"]
    assert d["url"].startswith("https://example.org/"), d["url"]
    assert 80 <= len(d["text"].split()) <= 250, (d["id"], len(d["text"].split()))
    assert "\n\n" in d["text"], d["id"] + ": no paragraphs"
assert len({d["date"][:4] for d in docs}) == 3 and len({d["date"][:7] for d in docs}) >= 9
EOF

# --- stakegraph's outputs for the two corpora --------------------------------------
# corpus: examples/corpus/*.txt; jsonl: examples/corpus.jsonl, also by year.
mkdir -p "$T/corpus" "$T/jsonl" "$T/years"
outputs() { # outputs DIR INPUT-ARGS...: DIR/net.graphml, DIR/net.json, DIR/csv/
    local d=$1
    shift
    check "$(basename "$d"): extract -o net.graphml" "$SG" extract -q -g "$GAZ" "$@" -o "$d/net.graphml"
    check "$(basename "$d"): extract -f json" "$SG" extract -q -g "$GAZ" "$@" -f json -o "$d/net.json"
    check "$(basename "$d"): extract -f csv" "$SG" extract -q -g "$GAZ" "$@" -f csv -o "$d/csv"
}
outputs "$T/corpus" "$SRC/examples/corpus"
outputs "$T/jsonl" --jsonl "$JSONL"
check "jsonl: extract --by-period year writes net.graphml and net.2023/2024/2025.graphml" bash -c "
    '$SG' extract -q -g '$GAZ' --jsonl '$JSONL' --by-period year -o '$T/years/net.graphml' &&
    ls '$T/years' | sort | tr '\n' ' ' | grep -qx 'net.2023.graphml net.2024.graphml net.2025.graphml net.graphml '"
# The truth for each year: stakegraph on that year's documents alone.
for y in 2023 2024 2025; do
    grep "\"date\": *\"$y-" "$JSONL" >"$T/alone.$y.jsonl"
    "$SG" extract -q -g "$GAZ" --jsonl "$T/alone.$y.jsonl" -o "$T/alone.$y.graphml"
done
check "each year's file is the network of that year's documents; the years differ" \
    "$PY" - "$T/years" "$T" <<'EOF'
import sys, networkx as nx
edges = {}
for y in ("2023", "2024", "2025"):
    a = nx.read_graphml(f"{sys.argv[1]}/net.{y}.graphml")
    b = nx.read_graphml(f"{sys.argv[2]}/alone.{y}.graphml")
    assert set(a.nodes) == set(b.nodes), y
    ea = {frozenset((s, t)): d["weight"] for s, t, d in a.edges(data=True)}
    eb = {frozenset((s, t)): d["weight"] for s, t, d in b.edges(data=True)}
    assert ea == eb, y
    edges[y] = set(ea)
assert len(edges["2023"] ^ edges["2024"]) > 20 and len(edges["2024"] ^ edges["2025"]) > 20
EOF

# Independent truth from a GraphML, as "id<TAB>..." lines:
#   truth.py FILE top-pagerank N | top-mentions N | top-ties N | community | igraph-pagerank N
cat >"$T/truth.py" <<'EOF'
import sys
import igraph as ig
import networkx as nx
f, what = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 0
G = nx.read_graphml(f)
if what in ("top-pagerank", "top-mentions"):
    col = what[4:]
    for v in sorted(G.nodes, key=lambda v: (-G.nodes[v][col], v))[:n]:
        print(v)
elif what == "top-ties":
    es = [(min(s, t), max(s, t), d["weight"], d["documents"]) for s, t, d in G.edges(data=True)]
    for s, t, w, docs in sorted(es, key=lambda e: (-e[2], -e[3], e[0], e[1]))[:n]:
        print(f"{s}\t{t}\t{w:g}\t{docs}")
elif what == "nodes":  # python-igraph: id community degree strength
    g = ig.Graph.Read_GraphML(f)
    for v in g.vs:
        print(f"{v['id']}\t{int(v['community'])}\t{g.degree(v)}\t{g.strength(v, weights='weight'):g}")
elif what == "igraph-pagerank":  # python-igraph's own PageRank: id value, best first
    g = ig.Graph.Read_GraphML(f)
    pr = g.pagerank(weights="weight", directed=False)
    for i in sorted(range(g.vcount()), key=lambda i: (-pr[i], g.vs[i]["id"]))[:n]:
        print(f"{g.vs[i]['id']}\t{pr[i]:.6f}")
elif what == "communities":  # python-igraph: number, modularity of the file's partition, sizes
    g = ig.Graph.Read_GraphML(f)
    m = [int(c) for c in g.vs["community"]]
    sizes = sorted(((m.count(c), c) for c in set(m)), key=lambda s: (-s[0], s[1]))
    print(f"{len(sizes)}\t{g.modularity(m, weights='weight'):.4f}")
    for size, c in sizes[:n]:
        print(f"{c}\t{size}")
EOF
truth() { "$PY" "$T/truth.py" "$@"; }

for D in corpus jsonl; do
    d=$T/$D
    [ -s "$d/net.graphml" ] || { ko "$D: no GraphML, no script checks"; continue; }

    # --- top_actors.sh (jq on the JSON, awk on the CSV tables) ---------------------
    run "$D: top_actors.sh on the JSON" "$d/top.json.out" bash "$SCRIPTS/top_actors.sh" -n $N "$d/net.json"
    # its two tables: "rank id actor type pagerank degree mentions" then "rank source target weight documents actors"
    awk -F'\t' '/^# top .* actors/{s=1; next} /^$/{s=0} s && $1 ~ /^[0-9]+$/ {print $2}' "$d/top.json.out" >"$d/top.ids"
    awk -F'\t' '/^# top .* ties/{s=1; next} s && $1 ~ /^[0-9]+$/ {print $2 "\t" $3 "\t" $4 "\t" $5}' "$d/top.json.out" >"$d/ties.ids"
    truth "$d/net.graphml" top-pagerank $N >"$d/top.truth"
    truth "$d/net.graphml" top-ties $N >"$d/ties.truth"
    check "$D: top_actors.sh's $N top actors by pagerank are networkx's (GraphML)" diff "$d/top.truth" "$d/top.ids"
    check "$D: top_actors.sh's $N strongest ties are networkx's (GraphML)" diff "$d/ties.truth" "$d/ties.ids"
    bash "$SCRIPTS/top_actors.sh" -n $N -m mentions "$d/net.json" 2>&1 |
        awk -F'\t' '/^# top .* actors/{s=1; next} /^$/{s=0} s && $1 ~ /^[0-9]+$/ {print $2}' >"$d/topm.ids"
    truth "$d/net.graphml" top-mentions $N >"$d/topm.truth"
    check "$D: top_actors.sh -m mentions ranks by mentions" diff "$d/topm.truth" "$d/topm.ids"
    run "$D: top_actors.sh on the CSV tables" "$d/top.csv.out" bash "$SCRIPTS/top_actors.sh" -n $N "$d/csv"
    check "$D: top_actors.sh prints the same from the CSV tables (awk) as from the JSON (jq)" \
        diff "$d/top.json.out" "$d/top.csv.out"

    # --- analyse.py (networkx, pandas) --------------------------------------------
    net=$d/net.graphml
    [ "$D" = jsonl ] && net=$T/years/net.graphml # with its period files beside it
    run "$D: analyse.py" "$d/py.out" "$PY" "$SCRIPTS/analyse.py" --top $N "$net"
    truth "$d/net.graphml" nodes >"$d/nodes.truth"
    check "$D: analyse.py's top actors, communities, degrees and strengths are python-igraph's" \
        "$PY" - "$d/py.out" "$d/top.truth" "$d/nodes.truth" <<'EOF'
import sys
out = open(sys.argv[1], encoding="utf-8").read().split("\n\n")
table = next(s for s in out if s.startswith("# top") and "actors by pagerank" in s.split("\n")[0]).split("\n")[2:]
rows = [r.split() for r in table if r.strip()]  # id community pagerank degree strength actor...
want = open(sys.argv[2]).read().split()
assert [r[0] for r in rows] == want, ([r[0] for r in rows], want)
truth = {l.split("\t")[0]: l.split("\t")[1:] for l in open(sys.argv[3]).read().splitlines()}
for r in rows:
    assert [r[1], r[3], r[4]] == truth[r[0]], (r, truth[r[0]])
EOF
    check "$D: analyse.py's strongest ties are networkx's" "$PY" - "$d/py.out" "$d/ties.truth" <<'EOF'
import sys
out = open(sys.argv[1], encoding="utf-8").read().split("\n\n")
table = next(s for s in out if s.startswith("# top") and "ties by weight" in s.split("\n")[0]).split("\n")[2:]
got = ["\t".join(r.split()[:4]) for r in table if r.strip()]
want = open(sys.argv[2]).read().splitlines()
assert got == want, (got, want)
EOF
    truth "$d/net.graphml" communities $N >"$d/comm.truth"
    check "$D: analyse.py's communities and sizes are the file's" "$PY" - "$d/py.out" "$d/comm.truth" <<'EOF'
import sys
out = open(sys.argv[1], encoding="utf-8").read().split("\n\n")
table = next(s for s in out if s.startswith("# communities")).split("\n")[2:]
got = [r.split()[:2] for r in table if r.strip()]
want = [l.split("\t") for l in open(sys.argv[2]).read().splitlines()[1:]]
assert got == want, (got, want)
EOF
    run "$D: analyse.py on the CSV tables" "$d/py.csv.out" "$PY" "$SCRIPTS/analyse.py" --top $N "$d/csv"
    check "$D: analyse.py prints the same tables from the CSV tables (pandas) as from the GraphML" \
        diff <(sed '1,2d; /^# degree by period/,$d' "$d/py.out") <(sed 1,2d "$d/py.csv.out")

    # --- analyse.R (R igraph) -------------------------------------------------------
    run "$D: analyse.R" "$d/R.out" Rscript "$SCRIPTS/analyse.R" "$d/net.graphml" $N
    check "$D: analyse.R says the file's pagerank and igraph's agree" grep -q "^pagerank: file and igraph agree" "$d/R.out"
    truth "$d/net.graphml" igraph-pagerank $N >"$d/pr.truth"
    check "$D: analyse.R's rankings are python-igraph's PageRank (ties in either order)" \
        "$PY" - "$d/R.out" "$d/pr.truth" "$d/top.truth" <<'EOF'
import sys
out = open(sys.argv[1], encoding="utf-8").read().split("\n\n")
def table(title):
    rows = next(s for s in out if s.startswith("# top") and title in s.split("\n")[0]).split("\n")[2:]
    return [(r.split()[1], float(r.split()[2])) for r in rows if r.strip()]
want = [(l.split("\t")[0], float(l.split("\t")[1])) for l in open(sys.argv[2]).read().splitlines()]
for name in ("by igraph page_rank", "by the file's pagerank"):
    got = table(name)
    assert len(got) == len(want), (name, got)
    for (gi, gv), (wi, wv) in zip(got, want):
        assert abs(gv - wv) < 2e-6 and (gi == wi or abs(dict(want).get(gi, -1) - wv) < 2e-6), (name, got, want)
# and the file's own order is the file's values' order
assert [i for i, _ in table("by the file's pagerank")] == open(sys.argv[3]).read().split()
EOF
    check "$D: analyse.R's communities, sizes and modularity are python-igraph's" \
        "$PY" - "$d/R.out" "$d/comm.truth" <<'EOF'
import re, sys
out = open(sys.argv[1], encoding="utf-8").read().split("\n\n")
sec = next(s for s in out if s.startswith("# communities")).split("\n")
want = open(sys.argv[2]).read().splitlines()
k, q = want[0].split("\t")
m = re.match(r"# communities of the file: (\d+), modularity (-?[\d.]+)", sec[0])
assert m and (m[1], m[2]) == (k, q), (sec[0], k, q)
got = [r.split()[:2] for r in sec[2:] if r.strip()]
assert got == [l.split("\t") for l in want[1:]], (got, want)
EOF
done

# --- analyse.py: each actor's degree year by year ----------------------------------
check "analyse.py's degrees by period are those of each year's documents alone" \
    "$PY" - "$T/jsonl/py.out" "$T" $N <<'EOF'
import sys
import igraph as ig
out = open(sys.argv[1], encoding="utf-8").read().split("\n\n")
sec = next(s for s in out if s.startswith("# degree by period")).split("\n")
assert sec[1].split()[:5] == ["id", "2023", "2024", "2025", "change"], sec[1]
deg = {}
for y in ("2023", "2024", "2025"):
    g = ig.Graph.Read_GraphML(f"{sys.argv[2]}/alone.{y}.graphml")
    deg[y] = dict(zip(g.vs["id"], g.degree()))
ids = set().union(*deg.values())
row = {v: [deg[y].get(v, 0) for y in deg] for v in ids}
best = sorted(ids, key=lambda v: (-sum(row[v]), v))[: int(sys.argv[3])]
got = [r.split() for r in sec[2:] if r.strip()]
assert [r[0] for r in got] == best, ([r[0] for r in got], best)
for r in got:
    assert [int(x) for x in r[1:5]] == row[r[0]] + [row[r[0]][-1] - row[r[0]][0]], (r, row[r[0]])
EOF

# --- each check can fail: analyse.R notices a file whose pagerank is not igraph's ---
"$PY" - "$T/jsonl/net.graphml" "$T/tampered.graphml" <<'EOF'
import sys, networkx as nx
G = nx.read_graphml(sys.argv[1])
a, b = sorted(G.nodes, key=lambda v: -G.nodes[v]["pagerank"])[:2]
G.nodes[a]["pagerank"], G.nodes[b]["pagerank"] = G.nodes[b]["pagerank"], G.nodes[a]["pagerank"]
nx.write_graphml(G, sys.argv[2])
EOF
Rscript "$SCRIPTS/analyse.R" "$T/tampered.graphml" >"$T/tampered.out" 2>&1
rc=$?
check "analyse.R fails (exit 1, DISAGREE) when the file's pagerank is not igraph's" \
    bash -c "[ $rc -eq 1 ] && grep -q '^pagerank: file and igraph DISAGREE' '$T/tampered.out'"

# --- clear errors ------------------------------------------------------------------------
refuses "top_actors.sh: a missing file is named" 1 "top_actors.sh: $T/nope.json: no such file" \
    bash "$SCRIPTS/top_actors.sh" "$T/nope.json"
refuses "top_actors.sh: a directory without the CSV tables is named" 1 "$T/years/nodes.csv: no such file" \
    bash "$SCRIPTS/top_actors.sh" "$T/years"
refuses "top_actors.sh: a GraphML is not a JSON" 1 "not a node-link JSON" \
    bash "$SCRIPTS/top_actors.sh" "$T/jsonl/net.graphml"
refuses "top_actors.sh: an unknown column is named" 1 "no \"nonsense\"" \
    bash "$SCRIPTS/top_actors.sh" -m nonsense "$T/jsonl/net.json"
refuses "top_actors.sh: an unknown column in the CSV is named" 1 "no column \"nonsense\"" \
    bash "$SCRIPTS/top_actors.sh" -m nonsense "$T/jsonl/csv"
refuses "top_actors.sh: bad -n is a usage error" 2 "positive integer" \
    bash "$SCRIPTS/top_actors.sh" -n 0 "$T/jsonl/net.json"
refuses "analyse.py: a missing file is named" 1 "analyse.py: $T/nope.graphml: no such file" \
    "$PY" "$SCRIPTS/analyse.py" "$T/nope.graphml"
refuses "analyse.py: a file that is not GraphML is named" 1 "$T/jsonl/net.json: not a GraphML network" \
    "$PY" "$SCRIPTS/analyse.py" "$T/jsonl/net.json"
refuses "analyse.R: a missing file is named" 1 "analyse.R: $T/nope.graphml: no such file" \
    Rscript "$SCRIPTS/analyse.R" "$T/nope.graphml"
"$SG" extract -q -g "$GAZ" --no-analyse "$SRC/examples/corpus" -o "$T/bare.graphml"
refuses "analyse.R: a network without analysis is explained" 1 "no pagerank or community column" \
    Rscript "$SCRIPTS/analyse.R" "$T/bare.graphml"
refuses "analyse.py: a network without analysis is explained" 1 "made with --no-analyse" \
    "$PY" "$SCRIPTS/analyse.py" "$T/bare.graphml"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
