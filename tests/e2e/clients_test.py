"""The outputs in the JavaScript clients analysts' web tools stand on (issue 17):
graphology with graphology-graphml and graphology-gexf, from npm at the versions
of tests/clients/package-lock.json, run by node (tests/clients/read_graph.js).
Each file must parse, and give the nodes, edges and attribute values networkx
reads from it, numbers as numbers: the static GraphML and GEXF of the example
corpus, and the GEXF by month of examples/corpus.jsonl.

usage: clients_test.py STAKEGRAPH SOURCE_DIR NODE_MODULES
"""
import json
import math
import os
import subprocess
import sys
import tempfile

import networkx as nx

results = []


def check(name, ok, detail=""):
    results.append(bool(ok))
    line = ("PASS " if ok else "FAIL ") + name
    if detail and not ok:
        line += ": " + str(detail)[:600]
    print(line, flush=True)
    return ok


def same(a, b):
    """Equal values, a number only equal to a number (graphology's "3" would
    not do for networkx's 3)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b or (math.isnan(a) and math.isnan(b))
    return type(a) is type(b) and a == b


def read_js(source, modules, fmt, path):
    env = dict(os.environ, NODE_PATH=modules)
    r = subprocess.run(["node", os.path.join(source, "tests", "clients", "read_graph.js"), fmt,
                        path], capture_output=True, text=True, env=env, check=False)
    return (json.loads(r.stdout) if r.returncode == 0 else None), r.stderr


# What graphology-graphml reads differently, by design: it makes r, g, b one
# "color", as sigma.js wants it.
GRAPHML_COLOUR = ("r", "g", "b")


def compare(name, js, G, skip=()):
    """graphology's reading `js` against networkx's `G`."""
    check(f"{name}: graphology reads an undirected simple graph",
          js["type"] == "undirected" and not js["multi"], (js["type"], js["multi"]))
    check(f"{name}: the same nodes", set(js["nodes"]) == set(G.nodes),
          set(js["nodes"]) ^ set(G.nodes))
    bad = []
    for n, ref in G.nodes(data=True):
        got = js["nodes"].get(n, {})
        for k, v in ref.items():
            if k in skip or k == "spells":
                continue
            if k not in got or not same(got[k], v):
                bad.append(f"{n} {k}: {got.get(k, '(absent)')!r} vs {v!r}")
    check(f"{name}: node attributes as networkx reads them, typed", not bad, "; ".join(bad[:4]))
    edges = {frozenset((s, t)): a for s, t, a in js["edges"]}
    check(f"{name}: the same edges", set(edges) == {frozenset(e) for e in G.edges},
          len(edges))
    bad = []
    for u, v, ref in G.edges(data=True):
        got = edges.get(frozenset((u, v)), {})
        for k, x in ref.items():
            if k in ("id", "spells"):
                continue
            if k not in got or not same(got[k], x):
                bad.append(f"{u}--{v} {k}: {got.get(k, '(absent)')!r} vs {x!r}")
    check(f"{name}: edge attributes as networkx reads them, typed", not bad, "; ".join(bad[:4]))


def main(binary, source, modules):
    with tempfile.TemporaryDirectory(prefix="sg-clients-") as tmp:
        gml, gexf = os.path.join(tmp, "n.graphml"), os.path.join(tmp, "n.gexf")
        r = subprocess.run([binary, "extract", "-q", "-o", gml, "-o", gexf,
                            os.path.join(source, "examples", "corpus")],
                           capture_output=True, text=True, check=False)
        if not check("extract to .graphml and .gexf exits 0", r.returncode == 0, r.stderr):
            return
        js, err = read_js(source, modules, "graphml", gml)
        if check("graphology-graphml parses the GraphML", js is not None, err):
            compare("GraphML", js, nx.read_graphml(gml), skip=GRAPHML_COLOUR)
            node = next(iter(js["nodes"].values()))
            check("graphology-graphml: the colour from r, g, b",
                  node.get("color", "").startswith("#"), node)
        js, err = read_js(source, modules, "gexf", gexf)
        if check("graphology-gexf parses the GEXF", js is not None, err):
            compare("GEXF", js, nx.read_gexf(gexf))
        dyn = os.path.join(tmp, "d.gexf")
        r = subprocess.run([binary, "extract", "-q", "--jsonl", "--by-period", "month", "-o", dyn,
                            os.path.join(source, "examples", "corpus.jsonl")],
                           capture_output=True, text=True, check=False)
        if not check("--by-period month to .gexf exits 0", r.returncode == 0, r.stderr):
            return
        js, err = read_js(source, modules, "gexf", dyn)
        if check("graphology-gexf parses the GEXF by month", js is not None, err):
            G = nx.read_gexf(dyn)
            compare("GEXF by month", js, G)
            months = [k for k in next(iter(js["nodes"].values())) if k.startswith("mentions_")]
            check("GEXF by month: a mentions column a month, numbers",
                  len(months) > 2 and all(isinstance(a[m], int) for a in js["nodes"].values()
                                          for m in months), months)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    sys.exit(1 if failed or not results else 0)
