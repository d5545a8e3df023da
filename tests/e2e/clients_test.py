"""The outputs in the clients analysts use (issue 17), each read as README's
"Opening the network in other programs" says, its snippets taken from there and run
as written on the example network (network.graphml, .json, .gexf):
- networkx (GraphML; node-link JSON, also read the way networkx 3.6 reads it),
  python-igraph (GraphML; JSON by Graph.DictList), graph-tool (load_graph), R igraph
  (read_graph, by Rscript);
- graphology with graphology-graphml (the sigma.js preparation included) and
  Cytoscape.js (headless), from npm at the versions of tests/clients/package-lock.json,
  run by node; graphology-gexf reading the GEXF and the GEXF by month of
  examples/corpus.jsonl through tests/clients/read_graph.js.
Each must give the nodes, edges and attribute values networkx reads from the same
file, numbers as numbers.

usage: clients_test.py STAKEGRAPH SOURCE_DIR NODE_MODULES
"""
import json
import math
import os
import re
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


SECTION = "## Opening the network in other programs"


def readme_snippets(source):
    """The fenced code blocks of README's section on clients: [(language, code)]."""
    with open(os.path.join(source, "README.md"), encoding="utf-8") as f:
        text = f.read()
    start = text.find(SECTION)
    end = text.find("\n## ", start + 1)
    part = text[start:end] if start >= 0 else ""
    return re.findall(r"^```(\w+)\n(.*?)^```$", part, re.S | re.M), part


def snippet(snippets, lang, marker):
    found = [code for l, code in snippets if l == lang and marker in code]
    check(f"README: the {lang} snippet with {marker} is there", len(found) == 1, len(found))
    return found[0] if found else None


def empty(v):
    return v is None or v == "" or (isinstance(v, float) and math.isnan(v))


def joined(v):
    """first_documents: a list in the JSON, a " | "-joined string in the GraphML."""
    return " | ".join(v) if isinstance(v, list) else v


def compare_read(name, nodes, edges, G):
    """A client's reading against networkx's G: nodes {id: {attr: value}} and
    edges [(u, v, {attr: value})]. Every value networkx has, equal and typed
    alike (a number for a number); what the client has beyond, empty."""
    check(f"{name}: the same nodes", set(nodes) == set(G.nodes), set(nodes) ^ set(G.nodes))
    bad = []
    for n, ref in G.nodes(data=True):
        got = nodes.get(n, {})
        bad += [f"{n} {k}: {got.get(k, '(absent)')!r} vs {v!r}" for k, v in ref.items()
                if k not in got or not same(got[k], v)]
        bad += [f"{n} {k}: {v!r}, absent in networkx" for k, v in got.items()
                if k not in ref and not empty(v)]
    check(f"{name}: node attributes as networkx reads them, typed", not bad, "; ".join(bad[:4]))
    got_edges = {frozenset((u, v)): a for u, v, a in edges}
    check(f"{name}: the same edges", len(edges) == G.number_of_edges() and
          set(got_edges) == {frozenset(e) for e in G.edges}, len(edges))
    bad = []
    for u, v, ref in G.edges(data=True):
        got = got_edges.get(frozenset((u, v)), {})
        bad += [f"{u}--{v} {k}: {got.get(k, '(absent)')!r} vs {x!r}" for k, x in ref.items()
                if k not in got or not same(joined(got[k]), joined(x))]
        bad += [f"{u}--{v} {k}: {x!r}, absent in networkx" for k, x in got.items()
                if k not in ref and not empty(x)]
    check(f"{name}: edge weights and attributes as networkx reads them, typed", not bad,
          "; ".join(bad[:4]))


def run_python(code, tmp, name, patch=None):
    """Runs a README snippet as written in tmp; its variables, or None."""
    here, ns = os.getcwd(), {}
    try:
        os.chdir(tmp)
        exec(compile(code, f"README.md ({name})", "exec"), ns)  # pylint: disable=exec-used
    except Exception as e:  # pylint: disable=broad-except
        check(f"{name}: the README's snippet runs", False, repr(e))
        return None
    finally:
        os.chdir(here)
    return ns


def igraph_read(g, key):
    """python-igraph's graph as nodes and edges keyed by the node attribute key;
    the JSON's edge ends (DictList keeps them as attributes) left out."""
    nodes = {v[key]: {k: x for k, x in v.attributes().items() if k != key} for v in g.vs}
    edges = [(g.vs[e.source][key], g.vs[e.target][key],
              {k: x for k, x in e.attributes().items() if k not in ("source", "target")})
             for e in g.es]
    return nodes, edges


def graph_tool_read(g):
    vid, eid = "_graphml_vertex_id", "_graphml_edge_id"
    nodes = {g.vp[vid][v]: {k: g.vp[k][v] for k in g.vp.keys() if k != vid} for v in g.vertices()}
    edges = [(g.vp[vid][e.source()], g.vp[vid][e.target()],
              {k: g.ep[k][e] for k in g.ep.keys() if k != eid}) for e in g.edges()]
    return nodes, edges


R_DUMP = r"""
# (the test's: every vertex and edge attribute, one value a line)
cell <- function(x) if (is.numeric(x)) sprintf("%.17g", x) else x
for (k in names(vertex_attr(g))) {
  v <- vertex_attr(g, k)
  writeLines(paste("v", seq_along(v), k, class(v), cell(v), sep = "\t"))
}
ends <- ends(g, E(g), names = FALSE)
writeLines(paste("e", seq_len(ecount(g)), ends[, 1], ends[, 2], sep = "\t"))
for (k in names(edge_attr(g))) {
  v <- edge_attr(g, k)
  writeLines(paste("a", seq_along(v), k, class(v), cell(v), sep = "\t"))
}
"""


def r_read(out):
    """R igraph's attributes as printed by R_DUMP: nodes and edges by the id attribute."""
    def value(cls, text):
        return float(text) if cls in ("numeric", "integer") else text
    vattr, ends, eattr = {}, {}, {}
    for line in out.splitlines():
        f = line.split("\t")
        if f[0] == "v":
            vattr.setdefault(int(f[1]), {})[f[2]] = value(f[3], f[4])
        elif f[0] == "e":
            ends[int(f[1])] = (int(f[2]), int(f[3]))
        elif f[0] == "a":
            eattr.setdefault(int(f[1]), {})[f[2]] = value(f[3], f[4])
    ids = {i: a.pop("id") for i, a in vattr.items()}
    nodes = {ids[i]: a for i, a in vattr.items()}
    edges = [(ids[s], ids[t], eattr.get(e, {})) for e, (s, t) in ends.items()]
    return nodes, edges


def run_js(code, tmp, modules, name, dump):
    """Runs a README snippet as written in node, in tmp, followed by the test's
    dump of what it read: the parsed JSON, or None."""
    path = os.path.join(tmp, re.sub(r"\W", "_", name) + ".js")
    with open(path, "w", encoding="utf-8") as f:
        f.write(code + "\n// (the test's)\nprocess.stdout.write(JSON.stringify(" + dump + "));\n")
    r = subprocess.run(["node", path], cwd=tmp, capture_output=True, text=True,
                       env=dict(os.environ, NODE_PATH=modules), check=False)
    if not check(f"{name}: the README's snippet runs in node", r.returncode == 0, r.stderr):
        return None
    return json.loads(r.stdout)


GRAPHOLOGY_DUMP = ("{type: graph.type, multi: graph.multi, "
                   "nodes: Object.fromEntries(graph.mapNodes((n, a) => [n, a])), "
                   "edges: graph.mapEdges((e, a, s, t) => [s, t, a])}")
CYTOSCAPE_DUMP = ("{nodes: cy.nodes().map((n) => [n.id(), n.data(), n.position()]), "
                  "compound: cy.nodes(':parent').length + cy.nodes(':child').length, "
                  "edges: cy.edges().map((e) => [e.source().id(), e.target().id(), e.data()])}")


def python_clients(snips, tmp, G, J):
    """networkx, python-igraph and graph-tool, as the README reads the files."""
    code = snippet(snips, "python", "nx.read_graphml")
    ns = code and run_python(code, tmp, "networkx GraphML")
    if ns:
        compare_read("networkx GraphML (README)", dict(ns["G"].nodes(data=True)),
                     list(ns["G"].edges(data=True)), G)
    code = snippet(snips, "python", "node_link_graph")
    ns = code and run_python(code, tmp, "networkx JSON")
    if ns:
        compare_read("networkx JSON (README)", dict(ns["G"].nodes(data=True)),
                     list(ns["G"].edges(data=True)), J)
        real = nx.node_link_graph

        def as_in_36(data, *args, **kwargs):
            # networkx 3.6's default: the edges from "edges" ("links" unread)
            return real({k: v for k, v in data.items() if k != "links"}, *args,
                        link="edges", **kwargs)
        nx.node_link_graph = as_in_36
        try:
            ns = run_python(code, tmp, "networkx JSON as 3.6 reads it")
        finally:
            nx.node_link_graph = real
        if ns:
            compare_read("networkx JSON read as networkx 3.6 does", dict(ns["G"].nodes(data=True)),
                         list(ns["G"].edges(data=True)), J)
    code = snippet(snips, "python", "Read_GraphML")
    ns = code and run_python(code, tmp, "python-igraph GraphML")
    if ns:
        compare_read("python-igraph GraphML (README)", *igraph_read(ns["g"], "id"), G)
    code = snippet(snips, "python", "DictList")
    ns = code and run_python(code, tmp, "python-igraph JSON")
    if ns:
        compare_read("python-igraph JSON (README)", *igraph_read(ns["g"], "id"), J)
    code = snippet(snips, "python", "load_graph")
    ns = code and run_python(code, tmp, "graph-tool GraphML")
    if ns:
        check("graph-tool: an undirected graph", not ns["g"].is_directed())
        compare_read("graph-tool GraphML (README)", *graph_tool_read(ns["g"]), G)


def r_client(snips, tmp, G):
    code = snippet(snips, "r", "read_graph")
    if not code:
        return
    path = os.path.join(tmp, "read.R")
    with open(path, "w", encoding="utf-8") as f:
        f.write(code + R_DUMP)
    r = subprocess.run(["Rscript", path], cwd=tmp, capture_output=True, text=True, check=False)
    if check("R igraph: the README's snippet runs (Rscript, r-cran-igraph)", r.returncode == 0,
             r.stderr):
        compare_read("R igraph GraphML (README)", *r_read(r.stdout), G)


def js_clients(snips, tmp, modules, G, J):
    """graphology (for sigma.js) and Cytoscape.js, as the README reads the files."""
    code = snippet(snips, "js", "graphology-graphml")
    js = code and run_js(code, tmp, modules, "graphology for sigma.js", GRAPHOLOGY_DUMP)
    if js:
        compare("graphology GraphML (README, for sigma.js)", js, G,
                skip=GRAPHML_COLOUR + ("type",))
        bad = [n for n, a in js["nodes"].items()
               if "type" in a or a.get("actor_type") != G.nodes[n]["type"] or
               not all(isinstance(a.get(k), (int, float)) for k in ("x", "y", "size")) or
               not a.get("color", "").startswith("#")]
        check("graphology for sigma.js: no node type (sigma's program name), stakegraph's as "
              "actor_type; x, y, size numbers and a colour", not bad, bad[:3])
    code = snippet(snips, "js", "cytoscape")
    cy = code and run_js(code, tmp, modules, "Cytoscape.js", CYTOSCAPE_DUMP)
    if cy:
        nodes = {}
        for n, data, _ in cy["nodes"]:
            data = {k: v for k, v in data.items() if k != "id"}
            if "gazetteer_parent" in data:
                data["parent"] = data.pop("gazetteer_parent")
            nodes[n] = data
        edges = [(s, t, {k: v for k, v in a.items() if k not in ("id", "source", "target")})
                 for s, t, a in cy["edges"]]
        compare_read("Cytoscape.js JSON (README)", nodes, edges, J)
        check("Cytoscape.js: no compound nodes (a gazetteer's parent is no Cytoscape parent)",
              cy["compound"] == 0, cy["compound"])
        bad = [n for n, _, p in cy["nodes"]
               if (p["x"], p["y"]) != (J.nodes[n]["x"], -J.nodes[n]["y"])]
        check("Cytoscape.js: nodes at the layout's places (y downwards)", not bad, bad[:3])


def gephi_columns(part, G):
    """The columns README's Gephi steps name are the GraphML's."""
    gephi = part[part.find("### Gephi"):part.find("### networkx")]
    names = {w for w in re.findall(r"`([a-z_]+)`", gephi)}
    have = {k for _, a in G.nodes(data=True) for k in a} | \
        {k for _, _, a in G.edges(data=True) for k in a}
    check("README's Gephi steps name the GraphML's columns", names and names <= have,
          names - have)


def main(binary, source, modules):
    with tempfile.TemporaryDirectory(prefix="sg-clients-") as tmp:
        gml, gexf = os.path.join(tmp, "network.graphml"), os.path.join(tmp, "network.gexf")
        jsn = os.path.join(tmp, "network.json")
        r = subprocess.run([binary, "extract", "-q", "-o", gml, "-o", gexf, "-o", jsn,
                            os.path.join(source, "examples", "corpus")],
                           capture_output=True, text=True, check=False)
        if not check("extract to .graphml, .gexf and .json exits 0", r.returncode == 0, r.stderr):
            return
        G = nx.read_graphml(gml)
        with open(jsn, encoding="utf-8") as f:
            J = nx.node_link_graph(json.load(f))
        snips, part = readme_snippets(source)
        gephi_columns(part, G)
        python_clients(snips, tmp, G, J)
        r_client(snips, tmp, G)
        js_clients(snips, tmp, modules, G, J)
        js, err = read_js(source, modules, "graphml", gml)
        if check("graphology-graphml parses the GraphML", js is not None, err):
            compare("GraphML", js, G, skip=GRAPHML_COLOUR)
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
