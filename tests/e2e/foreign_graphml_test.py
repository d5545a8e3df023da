"""Foreign GraphML read by stats and render (issue 17).

Writes, at test time, GraphML files with the real writers of Debian 12 —
networkx 2.8 (every graph class, named_key_ids, infer_numeric_types,
edge_id_from_attribute, int and float weights mixed, self-loops, string,
bool and numeric attributes, a node attribute named id, .graphml.gz),
python-igraph, R igraph (Rscript) and graph-tool (its bundled collection
graphs, vector and python_object properties, short ints, .graphml.gz) — and
hand-written ones in the style of the GraphML primer (defaults, for="all",
nested graphs, hyperedges, ports, several graphs, yEd's namespace, comments
and CDATA, bad numbers, corrupt gzip...). For each file, `stakegraph stats`:
  - never crashes: exit 0, or 1 with a message naming the file;
  - read: the nodes, the edges made simple and undirected (as the warnings
    say) and the total weight are those of networkx's own reading of the file
    (or of the writer's graph, where networkx cannot read it);
  - each expected warning is printed, and no other;
  - with --strict: refused (exit 1, nothing on stdout, each warning said as an
    error) when there was a warning, read as before when there was none;
  - for files with attributes, `stats -o` keeps the node attributes' values
    (for="all" keys, two keys of one name, a node attribute id as id_);
and `render -o x.svg` on some of them draws (and writes nothing with --strict
where warned).

Run as: python3 foreign_graphml_test.py STAKEGRAPH SOURCE_DIR (Debian's
python3, with networkx, python-igraph and graph-tool; Rscript with R igraph).
Prints one line per failed check and per writer, then "N passed, M failed".
"""
import gzip
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile

import networkx as nx

SG = sys.argv[1]
passed = failed = 0
MEASURES = {"degree", "strength", "betweenness", "pagerank", "eigenvector", "community",
            "component", "label", "name", "type", "mentions", "documents"}


def check(what, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL -", what, detail)
    return ok


def graph_attr_warning(path):
    """The warning for the graph's own attributes that the file gives a value (a
    <data> of the first <graph>, of a key for the graph or for all), which
    stakegraph does not keep; None when there is none (stakegraph's "betweenness"
    note is not one: the analysis says it again)."""
    import xml.etree.ElementTree as ET
    try:
        with open(path, "rb") as f:
            raw = f.read()
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        root = ET.fromstring(raw)
    except (OSError, EOFError, ET.ParseError, ValueError):
        return None
    local = lambda tag: tag.rsplit("}", 1)[-1]
    keys = {}
    for k in root:
        if local(k.tag) == "key" and k.get("for", "all") in ("graph", "all") and \
                k.get("attr.type", "string") in ("boolean", "int", "long", "short", "float",
                                                 "double", "string"):
            keys[k.get("id")] = k.get("attr.name", k.get("id"))
    graph = next((g for g in root if local(g.tag) == "graph"), None)
    names = []
    for d in graph if graph is not None else []:
        name = keys.get(d.get("key")) if local(d.tag) == "data" else None
        if name and name != "betweenness" and (d.text or "").strip() and name not in names:
            names.append(name)
    if not names:
        return None
    return r"the graph's own attributes? .*'%s'.* left out" % re.escape(names[0])


class Case:
    """A file and what its reading must give: `model` (nodes, edges as
    (u, v, weight or None), directed) when networkx cannot read the file or
    reads it otherwise than GraphML means; `warns`, regular expressions of the
    warnings beyond direction, self-loops and parallel edges; `refuse`, the
    expected error's regular expression (then nothing is read)."""

    def __init__(self, path, writer, model=None, warns=(), refuse=None, attrs=False,
                 nx_ok=True):
        self.path, self.writer, self.model = path, writer, model
        self.warns, self.refuse, self.attrs, self.nx_ok = list(warns), refuse, attrs, nx_ok


CASES = []


def model_of(G):
    """(nodes, [(u, v, weight)], directed) of a networkx graph."""
    edges = [(u, v, d.get("weight")) for u, v, d in G.edges(data=True)]
    return list(G.nodes), edges, G.is_directed()


def expected(model):
    """nodes, simple undirected edges, total weight, self-loops, merged."""
    nodes, edges, directed = model
    pairs, total, loops = set(), 0.0, 0
    for u, v, w in edges:
        if u == v:
            loops += 1
            continue
        pairs.add(frozenset((u, v)))
        total += 1.0 if w is None else float(w)
    merged = len(edges) - loops - len(pairs)
    return len(nodes), len(pairs), total, loops, merged


def plural(n, word, words):
    return "%d %s" % (n, word if n == 1 else words)


def change_warnings(model):
    n, m, total, loops, merged = expected(model)
    w = []
    if model[2]:
        w.append(r"a directed graph, read as undirected")
    if loops:
        w.append(re.escape(plural(loops, "self-loop", "self-loops")) + " left out")
    if merged:
        w.append(re.escape(plural(merged, "parallel edge", "parallel edges")) + " merged")
    return w


def run(*args):
    return subprocess.run([SG, *args], capture_output=True, text=True)


# ---------------------------------------------------------------- networkx

def nx_graph(kind, rnd, weights, loops, node_id):
    G = kind()
    n = rnd.randint(4, 30)
    G.add_nodes_from("v%d" % i for i in range(n))
    for i in range(n):
        G.nodes["v%d" % i].update(party=rnd.choice(["gauche", "droite", "centre & co", "<none>"]),
                                  age=rnd.randint(20, 90), score=rnd.random(),
                                  flag=rnd.random() < 0.5)
        if node_id:
            G.nodes["v%d" % i]["id"] = "ext-%d" % (n - i)
    for _ in range(rnd.randint(n, 3 * n)):
        u, v = rnd.sample(range(n), 2)
        d = {"sign": rnd.choice([-1.0, 1.0])}
        if weights == "int":
            d["weight"] = rnd.randint(1, 5)
        elif weights == "float":
            d["weight"] = rnd.choice([0.25, 1.5, 2.75])
        elif weights == "mixed":
            d["weight"] = rnd.choice([1, 2, 0.5, 3.25])
        if weights != "none" or rnd.random() < 0.5:
            d["eid"] = "e%d" % rnd.randint(0, 10 ** 6)
        G.add_edge("v%d" % u, "v%d" % v, **d)
    if loops:
        for i in rnd.sample(range(n), 2):
            G.add_edge("v%d" % i, "v%d" % i, weight=2) if weights != "none" else G.add_edge(
                "v%d" % i, "v%d" % i)
    return G


def write_networkx(T):
    rnd = random.Random(17)
    kinds = [nx.Graph, nx.DiGraph, nx.MultiGraph, nx.MultiDiGraph]
    k = 0
    for kind in kinds:
        for weights in ["none", "int", "float", "mixed"]:
            for loops in [False, True]:
                for named, infer in [(False, False), (True, False), (False, True), (True, True)]:
                    k += 1
                    node_id = k % 3 == 0
                    G = nx_graph(kind, rnd, weights, loops, node_id)
                    ext = ".graphml.gz" if k % 7 == 0 else ".graphml"
                    path = os.path.join(T, "nx%03d-%s-%s%s%s" % (
                        k, kind.__name__, weights, "-loops" if loops else "", ext))
                    opts = {"named_key_ids": named, "infer_numeric_types": infer}
                    if k % 5 == 0 and kind in (nx.MultiGraph, nx.MultiDiGraph):
                        opts["edge_id_from_attribute"] = "eid"
                    # both of networkx's writers: lxml's and xml.etree's
                    (nx.write_graphml_lxml if k % 2 else nx.write_graphml_xml)(G, path, **opts)
                    warns = [r"a node attribute named 'id': read as the column 'id_'"] \
                        if node_id else []
                    n_eid = sum(1 for _, _, d in G.edges(data=True) if d.get("eid"))
                    if n_eid:
                        warns.append(r"the edge attribute of strings 'eid' left out, and its "
                                     + plural(n_eid, "value", "values") + ":")
                    CASES.append(Case(path, "networkx", model=model_of(G), warns=warns,
                                      attrs=True))
    # a string weight: refused, naming it
    G = nx.Graph()
    G.add_edge("a", "b", weight="heavy")
    path = os.path.join(T, "nx-string-weight.graphml")
    nx.write_graphml(G, path)
    CASES.append(Case(path, "networkx", refuse=r"'weight' must be a number"))
    # a weight of booleans (all true: 1 each)
    G = nx.Graph()
    G.add_edge("a", "b", weight=True)
    G.add_edge("b", "c", weight=True)
    path = os.path.join(T, "nx-bool-weight.graphml")
    nx.write_graphml(G, path)
    CASES.append(Case(path, "networkx", model=(["a", "b", "c"], [("a", "b", 1), ("b", "c", 1)],
                                               False)))
    # a negative weight: refused
    G = nx.Graph()
    G.add_edge("a", "b", weight=-1.5)
    path = os.path.join(T, "nx-negative-weight.graphml")
    nx.write_graphml(G, path)
    CASES.append(Case(path, "networkx", refuse=r"weights must be finite and > 0"))
    # the classic graphs networkx carries
    for name, G in [("karate", nx.karate_club_graph()), ("lesmis", nx.les_miserables_graph()),
                    ("florentine", nx.florentine_families_graph()),
                    ("davis", nx.davis_southern_women_graph())]:
        G.graph.clear()  # (davis's lists of nodes: no GraphML type)
        path = os.path.join(T, "nx-%s.graphml" % name)
        nx.write_graphml(G, path)
        CASES.append(Case(path, "networkx", model=model_of(G), attrs=True))


# ---------------------------------------------------------------- python-igraph

def write_igraph(T):
    import igraph as ig
    rnd = random.Random(4)
    for k in range(20):
        directed = k % 2 == 1
        n = rnd.randint(3, 40)
        g = ig.Graph.Erdos_Renyi(n=n, m=rnd.randint(1, 2 * n), directed=directed,
                                 loops=k % 4 >= 2)
        if k % 3 == 0:  # parallel edges
            g.add_edges([g.es[i].tuple for i in range(min(3, g.ecount()))])
        g.vs["name"] = ["n%d" % i for i in range(n)] if k % 5 else ["N %d" % i for i in range(n)]
        g.vs["size"] = [rnd.random() * 10 for _ in range(n)]
        g.vs["member"] = [rnd.random() < 0.5 for _ in range(n)]
        g.vs["town"] = [rnd.choice(["Marseille", "Nice", "Aix-en-Provence"]) for _ in range(n)]
        if k % 4 == 1:
            g.vs["id"] = ["x%d" % i for i in range(n)]
        if k % 2 == 0:
            g.es["weight"] = [rnd.choice([1, 2, 0.5]) for _ in range(g.ecount())]
        g["title"] = "graph %d" % k
        path = os.path.join(T, "igraph%02d.graphml%s" % (k, ".gz" if k % 6 == 5 else ""))
        if path.endswith(".gz"):
            g.write_graphmlz(path)
        else:
            g.write_graphml(path)
        ids = ["n%d" % i for i in range(n)]  # igraph's node ids
        w = g.es["weight"] if "weight" in g.es.attributes() else [None] * g.ecount()
        model = (ids, [(ids[e.source], ids[e.target], w[e.index]) for e in g.es], directed)
        warns = [r"a node attribute named 'id': read as the column 'id_'"] if k % 4 == 1 else []
        CASES.append(Case(path, "python-igraph", model=model, warns=warns, attrs=True))


# ---------------------------------------------------------------- R igraph

R_SCRIPT = r"""
suppressMessages(library(igraph))
args <- commandArgs(trailingOnly = TRUE)
out <- args[1]
set.seed(7)
for (k in 0:14) {
  directed <- k %% 2 == 1
  n <- sample(3:30, 1)
  g <- sample_gnm(n, sample(1:(2 * n), 1), directed = directed)
  if (k %% 3 == 0 && ecount(g) > 0) g <- add_edges(g, as.vector(t(ends(g, 1, names = FALSE))))
  if (k %% 4 == 2) g <- add_edges(g, c(1, 1))
  V(g)$name <- paste0("r", seq_len(n))
  V(g)$sector <- sample(c("public", "private", "associatif"), n, replace = TRUE)
  V(g)$budget <- runif(n) * 1000
  V(g)$listed <- sample(c(TRUE, FALSE), n, replace = TRUE)
  if (k %% 2 == 0) E(g)$weight <- sample(c(1, 2.5, 4), ecount(g), replace = TRUE)
  write_graph(g, file.path(out, sprintf("r%02d.graphml", k)), format = "graphml")
}
"""


def write_r(T):
    d = os.path.join(T, "r")
    os.mkdir(d)
    r = subprocess.run(["Rscript", "-e", R_SCRIPT, d], capture_output=True, text=True)
    if not check("R igraph writes its files", r.returncode == 0, r.stderr[-500:]):
        return
    for f in sorted(os.listdir(d)):
        CASES.append(Case(os.path.join(d, f), "R igraph", attrs=True))


# ---------------------------------------------------------------- graph-tool

def gt_model(g, weight):
    ids = ["n%d" % int(v) for v in g.vertices()]
    edges = [("n%d" % int(e.source()), "n%d" % int(e.target()),
              weight[e] if weight is not None else None) for e in g.edges()]
    return ids, edges, g.is_directed()


def gt_left_out(g):
    """The warnings for the properties graph-tool writes with types stakegraph
    does not read: (name, type, count of values written)."""
    out = []
    for kind, props, items in [("node", g.vp, list(g.vertices())), ("edge", g.ep, list(g.edges())),
                               ("graph", g.gp, None)]:
        for name, p in props.items():
            t = p.value_type()
            if t.startswith("vector"):
                count = (1 if len(p) else 0) if items is None else sum(
                    1 for x in items if len(p[x]))
            elif t == "python::object":
                count = 1 if items is None else len(items)
            else:
                continue
            if count:
                out.append(r"the key '%s' \(attr.type [a-z_]+, for %s\) left out, and its %s:"
                           % (re.escape(name), kind, plural(count, "value", "values")))
    return out


def write_graph_tool(T):
    try:
        import graph_tool.all as gt
    except ImportError as e:  # (Debian's python3-graph-tool: setup.sh test installs it)
        check("graph-tool is importable", False, str(e))
        return
    for name in ["karate", "lesmis", "football", "polbooks", "dolphins", "adjnoun",
                 "celegansneural", "serengeti-foodweb", "netscience"]:
        g = gt.collection.data[name]
        weight = g.ep["value"] if "value" in g.ep else None
        if weight is not None:  # the weight under networkx's and stakegraph's name
            g.ep["weight"] = weight
        path = os.path.join(T, "gt-%s.graphml%s" % (name, ".gz" if name[0] in "fs" else ""))
        g.save(path)
        CASES.append(Case(path, "graph-tool", model=gt_model(g, weight), warns=gt_left_out(g),
                          nx_ok=False))
    rnd = random.Random(9)
    for k in range(10):
        g = gt.Graph(directed=k % 2 == 1)
        n = rnd.randint(3, 25)
        g.add_vertex(n)
        edges = [(rnd.randrange(n), rnd.randrange(n)) for _ in range(rnd.randint(1, 3 * n))]
        g.add_edge_list(edges)  # self-loops and parallel edges among them
        w = g.new_ep("double" if k % 3 else "int32_t")
        for e in g.edges():
            w[e] = rnd.choice([1, 2, 3]) if k % 3 == 0 else rnd.choice([0.5, 1.25, 2])
        g.ep["weight"] = w
        g.vp["small"] = g.new_vp("int16_t", vals=[rnd.randint(0, 9) for _ in range(n)])
        g.vp["name"] = g.new_vp("string", vals=["gt %d" % i for i in range(n)])
        g.vp["ok"] = g.new_vp("bool", vals=[rnd.random() < 0.5 for _ in range(n)])
        if k % 2 == 0:
            pos = g.new_vp("vector<double>")
            for v in list(g.vertices())[: n // 2]:
                pos[v] = [rnd.random(), rnd.random()]
            g.vp["pos"] = pos
        if k % 3 == 1:
            g.vp["tags"] = g.new_vp("vector<string>")
            g.vp["tags"][g.vertex(0)] = ["a", "b"]
            g.vp["obj"] = g.new_vp("python::object")
        path = os.path.join(T, "gt%02d.graphml%s" % (k, ".gz" if k % 4 == 3 else ""))
        g.save(path)
        CASES.append(Case(path, "graph-tool", model=gt_model(g, w), warns=gt_left_out(g),
                          nx_ok=False))


# ---------------------------------------------------------------- by hand

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"\n'
        '    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
        '    xmlns:y="http://www.yworks.com/xml/graphml">\n')


def nodes(*ids):
    return "".join('<node id="%s"/>' % i for i in ids)


# (name, body after HEAD, model or None (networkx reads it as GraphML means),
#  warnings, refusal)
HAND = [
    ("primer-simple",
     '<graph id="G" edgedefault="undirected">\n' + nodes(*["n%d" % i for i in range(11)]) +
     "".join('<edge source="n%d" target="n%d"/>\n' % p for p in
             [(0, 2), (1, 2), (2, 3), (3, 5), (3, 4), (4, 6), (6, 5), (5, 7), (6, 8), (8, 7),
              (8, 9), (8, 10)]) + "</graph>\n</graphml>\n", None, [], None),
    ("primer-defaults",
     '<key id="d0" for="node" attr.name="color" attr.type="string"><default>yellow</default>'
     '</key>\n<key id="d1" for="edge" attr.name="weight" attr.type="double"/>\n'
     '<graph id="G" edgedefault="undirected">\n'
     '<node id="n0"><data key="d0">green</data></node><node id="n1"/>'
     '<node id="n2"><data key="d0">blue</data></node>\n'
     '<edge id="e0" source="n0" target="n2"><data key="d1">1.0</data></edge>\n'
     '<edge id="e1" source="n0" target="n1"><data key="d1">1.5</data></edge>\n'
     '<edge id="e2" source="n1" target="n2"/>\n</graph>\n</graphml>\n', None, [], None),
    ("for-all",
     '<key id="w" for="all" attr.name="weight" attr.type="double"/>\n'
     '<key id="c" attr.name="colour" attr.type="string"/>\n'
     '<graph edgedefault="undirected"><data key="c">grey</data>\n' + nodes("a", "b", "c") +
     '<edge source="a" target="b"><data key="w">2.5</data><data key="c">red</data></edge>'
     '<edge source="b" target="c"><data key="w">4</data></edge>\n</graph>\n</graphml>\n',
     None, [r"the edge attribute of strings 'colour' left out, and its 1 value:"], None),
    ("label-and-name",
     '<key id="l" for="node" attr.name="label" attr.type="string"/>\n'
     '<key id="n" for="node" attr.name="name" attr.type="string"/>\n'
     '<graph edgedefault="undirected"><node id="a"><data key="l">Alpha</data>'
     '<data key="n">Alpha SA</data></node><node id="b"><data key="l">Beta</data>'
     '<data key="n">Beta</data></node><edge source="a" target="b"/></graph></graphml>\n',
     None, [r"a node attribute 'name' besides 'label', with other values: read as the "
            r"column 'name_'"], None),
    ("label-and-name-same",
     '<key id="l" for="node" attr.name="label" attr.type="string"/>\n'
     '<key id="n" for="node" attr.name="name" attr.type="string"/>\n'
     '<graph edgedefault="undirected"><node id="a"><data key="l">Alpha</data>'
     '<data key="n">Alpha</data></node><node id="b"><data key="l">Beta</data></node>'
     '<edge source="a" target="b"/></graph></graphml>\n', None, [], None),
    ("two-weight-keys",
     '<key id="d1" for="edge" attr.name="weight" attr.type="long"/>\n'
     '<key id="d2" for="edge" attr.name="weight" attr.type="double"/>\n'
     '<graph edgedefault="undirected">' + nodes("a", "b", "c") +
     '<edge source="a" target="b"><data key="d1">1</data></edge>\n'
     '<edge source="b" target="c"><data key="d2">2.5</data></edge>\n</graph></graphml>\n',
     None, [], None),
    ("two-keys-string-number",
     '<key id="s" for="node" attr.name="rank" attr.type="string"/>\n'
     '<key id="i" for="node" attr.name="rank" attr.type="int"/>\n'
     '<graph edgedefault="undirected"><node id="a"><data key="s">first</data></node>'
     '<node id="b"><data key="i">2</data></node><edge source="a" target="b"/></graph>'
     '</graphml>\n', None, [r"keys named 'rank' for nodes hold strings and numbers"], None),
    ("key-ids-odd",
     '<key id="weight" for="node" attr.name="w_node" attr.type="double"/>\n'
     '<key id="label" for="edge" attr.name="weight" attr.type="double"/>\n'
     '<key id="a&amp;b" for="node" attr.name="x &amp; y" attr.type="string"/>\n'
     '<graph edgedefault="undirected"><node id="a"><data key="weight">9</data>'
     '<data key="a&amp;b">R&amp;D</data></node><node id="b"/>'
     '<edge source="a" target="b"><data key="label">3</data></edge></graph></graphml>\n',
     None, [], None),
    ("node-attr-id",
     '<key id="k" for="node" attr.name="id" attr.type="string"/>\n'
     '<key id="k2" for="node" attr.name="id_" attr.type="string"/>\n'
     '<graph edgedefault="undirected"><node id="a"><data key="k">b</data></node>'
     '<node id="b"><data key="k">a</data><data key="k2">taken</data></node>'
     '<edge source="a" target="b"/></graph></graphml>\n',
     None, [r"a node attribute named 'id': read as the column 'id__'"], None),
    ("directed-reciprocal",
     '<key id="w" for="edge" attr.name="weight" attr.type="double"/>\n'
     '<graph edgedefault="directed">' + nodes("a", "b", "c") +
     '<edge source="a" target="b"><data key="w">1</data></edge>'
     '<edge source="b" target="a"><data key="w">2</data></edge>'
     '<edge source="c" target="c"><data key="w">5</data></edge></graph></graphml>\n',
     None, [], None),
    ("edge-directed-attribute",
     '<graph edgedefault="undirected">' + nodes("a", "b") +
     '<edge source="a" target="b" directed="true"/><edge source="b" target="a"/>'
     '</graph></graphml>\n', (["a", "b"], [("a", "b", None), ("b", "a", None)], False),
     [r'1 edge declared directed="true" in an undirected graph, read as undirected'], None),
    ("several-graphs",
     '<graph id="G1" edgedefault="undirected">' + nodes("a", "b") +
     '<edge source="a" target="b"/></graph>\n<graph id="G2" edgedefault="undirected">' +
     nodes("x", "y", "z") + '<edge source="x" target="y"/></graph>\n</graphml>\n',
     None, [r"2 <graph> elements"], None),
    ("nested-graph",
     '<graph id="G" edgedefault="undirected">\n<node id="n0"/>\n<node id="n1">\n'
     '<graph id="n1:" edgedefault="undirected"><node id="n1::n0"/><node id="n1::n1"/>'
     '<edge source="n1::n0" target="n1::n1"/></graph>\n</node>\n<node id="n2"/>\n'
     '<edge source="n0" target="n1"/><edge source="n1" target="n2"/>\n</graph>\n</graphml>\n',
     (["n0", "n1", "n2"], [("n0", "n1", None), ("n1", "n2", None)], False),
     [r"2 <graph> elements"], None),
    ("hyperedges",
     '<graph id="G" edgedefault="undirected">' + nodes("n0", "n1", "n2", "n3") +
     '<hyperedge><endpoint node="n0"/><endpoint node="n1"/><endpoint node="n2"/></hyperedge>'
     '<hyperedge><endpoint node="n3"/><endpoint node="n2"/></hyperedge>'
     '<edge source="n0" target="n3"/></graph></graphml>\n',
     (["n0", "n1", "n2", "n3"], [("n0", "n3", None)], False), [r"2 hyperedges left out"], None),
    ("ports",
     '<key id="p" for="port" attr.name="side" attr.type="string"/>\n'
     '<graph id="G" edgedefault="directed">\n<node id="n0"><port name="North">'
     '<data key="p">up</data></port><port name="South"/></node>\n'
     '<node id="n1"><port name="West"/></node>\n'
     '<edge source="n0" target="n1" sourceport="North" targetport="West"/>\n</graph>\n'
     '</graphml>\n', None,
     [r"the key 'side' \(attr.type string, for port\) left out, and its 1 value:"], None),
    ("yed-like",
     '<key for="node" id="d6" yfiles.type="nodegraphics"/>\n'
     '<key for="edge" id="d10" yfiles.type="edgegraphics"/>\n'
     '<key attr.name="description" attr.type="string" for="node" id="d5"/>\n'
     '<key for="graphml" id="d7" yfiles.type="resources"/>\n'
     '<graph edgedefault="directed" id="G">\n'
     '<node id="n0"><data key="d5">first</data><data key="d6"><y:ShapeNode>'
     '<y:Geometry height="30.0" width="30.0" x="0" y="0"/><y:NodeLabel>Alpha</y:NodeLabel>'
     '<y:Shape type="rectangle"/></y:ShapeNode></data></node>\n'
     '<node id="n1"><data key="d6"><y:ShapeNode><y:NodeLabel>Beta</y:NodeLabel>'
     '</y:ShapeNode></data></node>\n'
     '<edge id="e0" source="n0" target="n1"><data key="d10"><y:PolyLineEdge>'
     '<y:Arrows source="none" target="standard"/></y:PolyLineEdge></data></edge>\n'
     '</graph>\n<data key="d7"><y:Resources/></data>\n</graphml>\n',
     (["n0", "n1"], [("n0", "n1", None)], True),
     [r"the key 'd6' \(yfiles.type nodegraphics, for node\) left out, and its 2 values:",
      r"the key 'd10' \(yfiles.type edgegraphics, for edge\) left out, and its 1 value:",
      r"the key 'd7' \(yfiles.type resources, for graphml\) left out, and its 1 value:"], None),
    ("comments-cdata",
     '<!-- <key id="x" for="node" attr.name="ghost" attr.type="int"/> -->\n'
     '<key id="n" for="node" attr.name="note" attr.type="string"/>\n'
     '<graph edgedefault="undirected"><node id="a"><data key="n"><![CDATA[<b>bold</b> & '
     '</data>]]></data></node><node id="b"/>\n<?pi something?>\n'
     '<edge source="a" target="b"/></graph></graphml>\n', None, [], None),
    ("vector-key",
     '<key id="v" for="node" attr.name="pos" attr.type="vector_float"/>\n'
     '<key id="s" for="edge" attr.name="tags" attr.type="vector_string"/>\n'
     '<graph edgedefault="undirected"><node id="a"><data key="v">1, 2</data></node>'
     '<node id="b"><data key="v">3.5, 4</data></node><node id="c"/>'
     '<edge source="a" target="b"><data key="s">"x", "y"</data></edge></graph></graphml>\n',
     (["a", "b", "c"], [("a", "b", None)], False),
     [r"the key 'pos' \(attr.type vector_float, for node\) left out, and its 2 values:",
      r"the key 'tags' \(attr.type vector_string, for edge\) left out, and its 1 value:"], None),
    ("undeclared-key",
     '<graph edgedefault="undirected"><node id="a"><data key="nope">1</data></node>'
     '<node id="b"/><edge source="a" target="b"><data key="nope">2</data></edge>'
     '</graph></graphml>\n', (["a", "b"], [("a", "b", None)], False),
     [r"2 <data> elements of a key no <key> declares left out"], None),
    ("boolean-and-int-weight",
     '<key id="b" for="edge" attr.name="weight" attr.type="boolean"/>\n'
     '<key id="i" for="edge" attr.name="weight" attr.type="int"/>\n'
     '<graph edgedefault="undirected">' + nodes("a", "b", "c") +
     '<edge source="a" target="b"><data key="b">true</data></edge>'
     '<edge source="b" target="c"><data key="i">3</data></edge></graph></graphml>\n',
     None, [], None),
    ("isolated-and-unicode",
     '<key id="l" for="node" attr.name="label" attr.type="string"/>\n'
     '<graph edgedefault="undirected"><node id="é1"><data key="l">Hôpital Nord</data></node>'
     '<node id="é2"/><node id="lonely"/><edge source="é1" target="é2"/></graph></graphml>\n',
     None, [], None),
    ("empty-graph", '<graph edgedefault="undirected"/>\n</graphml>\n', None, [], None),
    # refusals
    ("weight-comma",
     '<key id="w" for="edge" attr.name="weight" attr.type="double"/>\n'
     '<graph edgedefault="undirected">' + nodes("a", "b") +
     '\n<edge source="a" target="b"><data key="w">2,5</data></edge></graph></graphml>\n',
     None, [], r":7: the value '2,5' of 'weight'"),
    ("weight-nan",
     '<key id="w" for="edge" attr.name="weight" attr.type="double"/>\n'
     '<graph edgedefault="undirected">' + nodes("a", "b") +
     '<edge source="a" target="b"><data key="w">NaN</data></edge></graph></graphml>\n',
     None, [], r"is not a finite decimal number"),
    ("gexf", None, None, [], r"a GEXF file, not GraphML"),
    ("empty", None, None, [], r"empty file"),
    ("not-xml", None, None, [], r"not GraphML"),
    ("corrupt-gz", None, None, [], r"a corrupt gzip file"),
    ("truncated-gz", None, None, [], r"a corrupt gzip file \(truncated"),
    ("unclosed", '<graph edgedefault="undirected"><node id="a"/>\n', None, [],
     r"not a readable GraphML file"),
    ("edge-to-nowhere",
     '<graph edgedefault="undirected"><node id="a"/><edge source="a" target="zz"/></graph>'
     '</graphml>\n', None, [], None),
]


def write_hand(T):
    for name, body, model, warns, refuse in HAND:
        path = os.path.join(T, "hand-%s.graphml" % name)
        if name == "gexf":
            text = ('<?xml version="1.0"?>\n<gexf xmlns="http://gexf.net/1.3"><graph>'
                    '</graph></gexf>\n').encode()
        elif name == "empty":
            text = b""
        elif name == "not-xml":
            text = b"source,target\na,b\n"
        elif name in ("corrupt-gz", "truncated-gz"):
            whole = gzip.compress((HEAD + HAND[0][1]).encode())
            text = whole[:len(whole) // 2] if name == "truncated-gz" else \
                whole[:20] + bytes(b ^ 0x5A for b in whole[20:40]) + whole[40:]
            path += ".gz"
        else:
            text = (HEAD + body).encode()
        with open(path, "wb") as f:
            f.write(text)
        nx_ok = model is None and refuse is None and name != "edge-to-nowhere"
        if name == "edge-to-nowhere":  # igraph and networkx both add the node
            model = (["a", "zz"], [("a", "zz", None)], False)
        CASES.append(Case(path, "by hand", model=model, warns=warns, refuse=refuse, nx_ok=nx_ok,
                          attrs=name in ("for-all", "node-attr-id", "key-ids-odd",
                                         "primer-defaults")))


# ---------------------------------------------------------------- the checks

def reference(case):
    """The model to compare with: networkx's reading when it can read the file,
    else the writer's own graph."""
    if case.nx_ok:
        try:
            return model_of(nx.read_graphml(case.path)), "networkx"
        except Exception as e:  # (networkx cannot read every GraphML written)
            if case.model is None:
                return None, "networkx: %s" % e
    return case.model, "the writer's graph"


def out_value(v):
    if isinstance(v, bool):
        return float(v)
    if isinstance(v, (int, float)):
        return float(v)
    return v


def check_attrs(case, G, T):
    """stats -o keeps the node attributes' values."""
    out = os.path.join(T, "attrs.graphml")
    r = run("stats", "-o", out, case.path)
    if not check("%s: stats -o writes" % case.path, r.returncode == 0, r.stderr):
        return
    H = nx.read_graphml(out)
    bad = []
    names = {k for _, d in G.nodes(data=True) for k in d}
    for n, d in G.nodes(data=True):
        for k, v in d.items():
            name = k
            if k == "id":
                name = "id__" if "id_" in names else "id_"
            if name in MEASURES:
                continue
            got = H.nodes[str(n)].get(name) if str(n) in H else "<no node>"
            want = out_value(v)
            got = out_value(got) if not isinstance(want, str) else got
            if isinstance(want, float) and isinstance(got, float):
                ok = math.isclose(want, got, rel_tol=1e-9, abs_tol=1e-12)
            else:
                ok = want == got
            if not ok:
                bad.append("%s.%s: %r, not %r" % (n, name, got, want))
    check("%s: node attributes kept by stats -o" % case.path, not bad, "; ".join(bad[:4]))


def check_case(case, T, n_case):
    name = os.path.basename(case.path)
    r = run("stats", "--json", "--top", "1", case.path)
    check("%s: no crash (exit %d)" % (name, r.returncode), r.returncode in (0, 1), r.stderr)
    if r.returncode == 1 or case.refuse:
        check("%s: refused" % name, r.returncode == 1, "exit %d" % r.returncode)
        check("%s: the error names the file" % name, case.path in r.stderr, r.stderr)
        if case.refuse:
            check("%s: the error says /%s/" % (name, case.refuse),
                  re.search(case.refuse, r.stderr), r.stderr)
        return
    model, source = reference(case)
    if not check("%s: a reference" % name, model is not None, source):
        return
    n, m, total, _, _ = expected(model)
    got = json.loads(r.stdout)
    check("%s: nodes as %s" % (name, source), got["nodes"] == n, "%s != %s" % (got["nodes"], n))
    check("%s: simple undirected edges as %s" % (name, source), got["edges"] == m,
          "%s != %s" % (got["edges"], m))
    check("%s: total weight as %s" % (name, source),
          math.isclose(got["total_weight"], total, rel_tol=1e-9, abs_tol=1e-9),
          "%s != %s" % (got["total_weight"], total))
    want = change_warnings(model) + case.warns
    gw = graph_attr_warning(case.path)
    if gw:
        want.append(gw)
    said = [line for line in r.stderr.splitlines() if line.startswith("stakegraph: warning: ")]
    for w in want:
        check("%s: warns /%s/" % (name, w), any(re.search(w, s) for s in said), r.stderr)
    for s in said:
        check("%s: an expected warning" % name, any(re.search(w, s) for w in want), s)
        check("%s: the warning names the file" % name, case.path in s, s)
    # --strict: refused when something was said, else read the same
    s = run("stats", "--strict", "--json", "--top", "1", case.path)
    if said:
        check("%s: --strict refuses" % name, s.returncode == 1 and not s.stdout,
              "exit %d" % s.returncode)
        check("%s: --strict says each warning as an error" % name,
              all(w[len("stakegraph: warning: "):] in s.stderr for w in said)
              and "warning:" not in s.stderr and "refused (--strict)" in s.stderr, s.stderr)
    else:
        check("%s: --strict reads it the same" % name,
              s.returncode == 0 and s.stdout == r.stdout, s.stderr)
    if case.attrs:
        try:
            G = nx.read_graphml(case.path)
        except Exception:
            G = None
        if G is not None:
            check_attrs(case, G, T)
    if n_case % 9 == 0 and m > 0:
        svg = os.path.join(T, "x.svg")
        if os.path.exists(svg):
            os.remove(svg)
        args = ["render", "-o", svg] + (["--strict"] if said else []) + [case.path]
        d = run(*args)
        if said:
            check("%s: render --strict refuses and writes nothing" % name,
                  d.returncode == 1 and not os.path.exists(svg), d.stderr)
            d = run("render", "-o", svg, case.path)
        check("%s: render draws" % name, d.returncode == 0 and os.path.exists(svg)
              and b"<svg" in open(svg, "rb").read(4096), d.stderr)


with tempfile.TemporaryDirectory() as T:
    for writer in (write_networkx, write_igraph, write_r, write_graph_tool, write_hand):
        writer(T)
    by_writer = {}
    for case in CASES:
        by_writer[case.writer] = by_writer.get(case.writer, 0) + 1
    for i, case in enumerate(CASES):
        check_case(case, T, i)
    print("files: %d (%s)" % (len(CASES), ", ".join("%s %d" % kv for kv in by_writer.items())))
    check("100 foreign files or more", len(CASES) >= 100, str(len(CASES)))
    check("every writer wrote", set(by_writer) == {"networkx", "python-igraph", "R igraph",
                                                   "graph-tool", "by hand"}, str(by_writer))

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
