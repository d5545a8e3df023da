#!/usr/bin/python3
"""Check a GraphML file against the GraphML 1.0 specification, then against
what stakegraph promises its readers (Gephi, networkx, igraph; SPEC §6).

usage: check_graphml.py [--spec-only] FILE.graphml

Python 3 standard library only. Prints one line per problem and exits 1 if
there is any; prints 'ok: N nodes, M edges' otherwise.

The format (GraphML primer and the graphml.xsd of graphml.graphdrawing.org):
  - the root is <graphml> in the namespace http://graphml.graphdrawing.org/xmlns;
    its children are an optional <desc>, then the <key>s, then <graph>s and <data>;
  - a <key> has an id (NMTOKEN, unique in the document), a domain `for` (all,
    graphml, graph, node, edge, hyperedge, port, endpoint; default all), an
    optional attr.name (NMTOKEN) and attr.type (boolean, int, long, float, double,
    string; default string), and at most one <default>;
  - a <data key="..."> names a declared key whose domain is the element the
    data sits in (or all), at most once per element; its text reads as the
    key's attr.type (xs:boolean, xs:int, xs:long, xs:float, xs:double);
  - each element has only the XML attributes of graphml.xsd (others belong in
    another namespace); a <graph> has edgedefault directed or undirected; node ids are NMTOKENs
    unique in the document, edge ids too when given; an edge's source and target
    are nodes of the document; `directed` on an edge is a boolean.
stakegraph's own promises (left out with --spec-only):
  - one undirected graph, keys for nodes and edges (and the graph: how the
    network was made, e.g. a sampled betweenness), each with attr.name and
    attr.type, a (domain, attr.name) pair declared once;
  - node attributes label and name (strings), edge attribute weight (double),
    every weight finite and > 0, every number finite; r, g, b integers 0..255;
  - no node attribute named 'id' (igraph would take it for the ids), no label=
    or directed= XML attribute on edges, no self-loop, no parallel edge.
"""
import math
import re
import sys
import xml.etree.ElementTree as ET

from common import edge_rules, main

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
NS = "{" + GRAPHML_NS + "}"
DOMAINS = {"all", "graphml", "graph", "node", "edge", "hyperedge", "port", "endpoint"}
TYPES = {"boolean", "int", "long", "float", "double", "string"}
NMTOKEN = re.compile(r"^[\w.\-:\u00b7\u0300-\u036f\u203f\u2040]+$")
DOUBLE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$|^[+-]?INF$|^NaN$")
INTEGER = re.compile(r"^[+-]?\d+$")
FLOAT_MAX = 3.4028234663852886e38
# The XML attributes each element has in graphml.xsd (attributes in another
# namespace, xsi:schemaLocation say, are extensions and allowed).
XML_ATTRS = {
    "graphml": set(), "desc": set(), "default": set(), "locator": {"id"},
    "key": {"id", "for", "attr.name", "attr.type"},
    "data": {"key", "id"},
    "graph": {"id", "edgedefault", "parse.nodeids", "parse.edgeids", "parse.order",
              "parse.nodes", "parse.edges", "parse.maxindegree", "parse.maxoutdegree"},
    "node": {"id", "parse.indegree", "parse.outdegree"},
    "edge": {"id", "source", "target", "directed", "sourceport", "targetport"},
    "port": {"name"}, "hyperedge": {"id"}, "endpoint": {"id", "node", "port", "type"},
}


def parse_value(typ, text):
    """The value of `text` read as GraphML attr.type `typ`, or raise ValueError."""
    s = (text or "").strip()  # the XSD types collapse white space
    if typ == "string":
        return text or ""
    if typ == "boolean":
        if s in ("true", "1"):
            return True
        if s in ("false", "0"):
            return False
        raise ValueError("not a boolean (true, false, 1, 0)")
    if typ in ("int", "long"):
        if not INTEGER.match(s):
            raise ValueError(f"not an integer ({typ})")
        v = int(s)
        bits = 31 if typ == "int" else 63
        if not -(2**bits) <= v < 2**bits:
            raise ValueError(f"out of the range of {typ}")
        return v
    if typ in ("float", "double"):
        if not DOUBLE.match(s):
            raise ValueError(f"not a {typ}")
        v = float(s.replace("INF", "inf"))
        if typ == "float" and math.isfinite(v) and abs(v) > FLOAT_MAX:
            raise ValueError("out of the range of float")
        return v
    raise ValueError(f"unknown attr.type {typ!r}")


class Checker:
    def __init__(self, spec_only):
        self.spec_only = spec_only
        self.problems = []
        self.keys = {}  # id -> (for, attr.name, attr.type)
        self.untyped = set()  # key ids without attr.type (a string, by default)
        self.nodes = set()
        self.edge_ids = set()
        self.edges = []  # (source, target, element, data values, nesting depth)
        self.node_values = {}

    def bad(self, msg):
        self.problems.append(msg)

    def local(self, el):
        """The element's name in the GraphML namespace, or None (foreign element)."""
        return el.tag[len(NS):] if el.tag.startswith(NS) else None

    def check_data(self, el, domain, where):
        seen = set()
        values = {}
        for d in el.findall(NS + "data"):
            k = d.get("key")
            if k is None:
                self.bad(f"{where}: <data> without key")
                continue
            if k not in self.keys:
                self.bad(f"{where}: <data key={k!r}> names no declared <key>")
                continue
            kfor, name, typ = self.keys[k]
            if kfor not in (domain, "all"):
                self.bad(f"{where}: <data key={k!r}> is declared for {kfor!r}, not {domain!r}")
            if k in seen:
                self.bad(f"{where}: two <data key={k!r}>")
            seen.add(k)
            try:
                values[name or k] = parse_value(typ, d.text)
            except ValueError as e:
                self.bad(f"{where}: <data key={k!r}> {d.text!r}: {e}")
        return values

    def check_keys(self, root):
        for k in root.findall(NS + "key"):
            kid = k.get("id")
            kfor = k.get("for", "all")
            name = k.get("attr.name")
            typ = k.get("attr.type", "string")
            if "attr.type" not in k.attrib and kid is not None:
                self.untyped.add(kid)
            if kid is None or not NMTOKEN.match(kid):
                self.bad(f"key id {kid!r} is not an NMTOKEN")
                continue
            if kid in self.keys:
                self.bad(f"key id {kid!r} declared twice")
            if kfor not in DOMAINS:
                self.bad(f"key {kid}: for={kfor!r} is not a GraphML domain")
            if name is not None and not NMTOKEN.match(name):
                self.bad(f"key {kid}: attr.name={name!r} is not an NMTOKEN")
            if typ not in TYPES:
                self.bad(f"key {kid}: attr.type={typ!r} is not one of {sorted(TYPES)}")
                typ = "string"
            defaults = k.findall(NS + "default")
            if len(defaults) > 1:
                self.bad(f"key {kid}: {len(defaults)} <default> elements")
            for d in defaults:
                try:
                    parse_value(typ, d.text)
                except ValueError as e:
                    self.bad(f"key {kid}: <default> {d.text!r}: {e}")
            self.keys[kid] = (kfor, name, typ)

    def check_graph(self, g, depth):
        ed = g.get("edgedefault")
        if ed not in ("directed", "undirected"):
            self.bad(f"<graph id={g.get('id')!r}>: edgedefault={ed!r} (directed or undirected)")
        self.check_data(g, "graph", f"graph {g.get('id')!r}")
        for el in g:
            name = self.local(el)
            if name == "node":
                nid = el.get("id")
                if nid is None or not NMTOKEN.match(nid):
                    self.bad(f"node id {nid!r} is not an NMTOKEN")
                elif nid in self.nodes:
                    self.bad(f"node id {nid!r} used twice")
                self.nodes.add(nid)
                vals = self.check_data(el, "node", f"node {nid}")
                self.node_values[nid] = vals
                for sub in el.findall(NS + "graph"):
                    self.check_graph(sub, depth + 1)
            elif name == "edge":
                s, t, eid = el.get("source"), el.get("target"), el.get("id")
                where = f"edge {s}-{t}"
                if s is None or t is None:
                    self.bad(f"{where}: source and target are required")
                if eid is not None:
                    if not NMTOKEN.match(eid):
                        self.bad(f"{where}: id {eid!r} is not an NMTOKEN")
                    elif eid in self.edge_ids:
                        self.bad(f"{where}: edge id {eid!r} used twice")
                    self.edge_ids.add(eid)
                if el.get("directed") not in (None, "true", "false", "1", "0"):
                    self.bad(f"{where}: directed={el.get('directed')!r} is not a boolean")
                vals = self.check_data(el, "edge", where)
                self.edges.append((s, t, el, vals, depth))
                for sub in el.findall(NS + "graph"):
                    self.check_graph(sub, depth + 1)
            elif name in ("data", "desc", "hyperedge", "locator"):
                pass
            elif name is not None:
                self.bad(f"<{name}> inside <graph>")

    def run(self, path):
        with open(path, "rb") as f:
            raw = f.read()
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as e:
            self.bad(f"not UTF-8: {e}")
        try:
            root = ET.fromstring(raw)
        except ET.ParseError as e:
            self.bad(f"not well-formed XML: {e}")
            return
        if root.tag != NS + "graphml":
            self.bad(f"root element is {root.tag}, not graphml in {GRAPHML_NS}")
            return
        for el in root.iter():
            name = self.local(el)
            if name in XML_ATTRS:
                extra = sorted(a for a in el.attrib if not a.startswith("{") and a not in XML_ATTRS[name])
                if extra:
                    self.bad(f"<{name} id={el.get('id')!r}>: {', '.join(extra)} is not a GraphML attribute")
        # desc?, key*, (graph | data)*
        order = {"desc": 0, "key": 1, "graph": 2, "data": 2}
        last = 0
        for el in root:
            name = self.local(el)
            if name is None:
                continue
            if name not in order:
                self.bad(f"<{name}> is not allowed in <graphml>")
                continue
            if order[name] < last:
                self.bad(f"<{name}> after a later part of <graphml> (desc, then keys, then graphs)")
            last = max(last, order[name])
        self.check_keys(root)
        self.check_data(root, "graphml", "graphml")
        graphs = root.findall(NS + "graph")
        for g in graphs:
            self.check_graph(g, 0)
        for s, t, _, _, _ in self.edges:
            for end in (s, t):
                if end is not None and end not in self.nodes:
                    self.bad(f"edge {s}-{t}: {end!r} is not a node of the document")
        if not self.spec_only:
            self.conventions(root, graphs)

    def conventions(self, root, graphs):
        if len(graphs) != 1:
            self.bad(f"{len(graphs)} <graph> elements, stakegraph writes one")
            return
        g = graphs[0]
        if g.get("edgedefault") != "undirected":
            self.bad("edgedefault is not 'undirected'")
        if any(depth for *_, depth in self.edges) or g.find(".//" + NS + "node/" + NS + "graph") is not None:
            self.bad("a nested graph")
        names = {}
        for kid, (kfor, name, typ) in self.keys.items():
            if kfor not in ("node", "edge", "graph"):
                self.bad(f"key {kid}: for={kfor!r}, not 'node', 'edge' or 'graph' (how the "
                         "network was made)")
            if not name:
                self.bad(f"key {kid}: no attr.name")
            if kid in self.untyped:
                self.bad(f"key {kid}: no attr.type")
            if (kfor, name) in names:
                self.bad(f"{kfor} attribute {name!r} declared by keys {names[(kfor, name)]} and {kid}")
            names[(kfor, name)] = kid
            if name in ("r", "g", "b") and typ not in ("int", "long"):
                self.bad(f"key {kid}: colour component {name} is not an integer")
            if kfor == "node" and name == "id":
                self.bad("a node attribute named 'id' (igraph takes it for the node ids)")
        for want, dom, types in (("label", "node", ("string",)), ("name", "node", ("string",)),
                                 ("weight", "edge", ("double",))):
            k = names.get((dom, want))
            if k is None:
                self.bad(f"no {dom} attribute {want!r}")
            elif self.keys[k][2] not in types:
                self.bad(f"{dom} attribute {want!r} is {self.keys[k][2]}, not {types[0]}")
        for nid, vals in self.node_values.items():
            for name, v in vals.items():
                if isinstance(v, float) and not math.isfinite(v):
                    self.bad(f"node {nid}: {name}={v} is not finite")
                if name in ("r", "g", "b") and isinstance(v, int) and not 0 <= v <= 255:
                    self.bad(f"node {nid}: colour component {name}={v} outside 0..255")
        pairs = set()
        for s, t, el, vals, _ in self.edges:
            where = f"edge {s}-{t}"
            if el.get("label") is not None or el.get("directed") is not None:
                self.bad(f"{where}: label= or directed= XML attribute")
            edge_rules(self.bad, where, s, t, vals, pairs)
            w = vals.get("weight")
            if w is None:
                self.bad(f"{where}: no weight")
            elif isinstance(w, float) and not w > 0:
                self.bad(f"{where}: weight {w} is not > 0")


def summary(c):
    return f"{len(c.nodes)} nodes, {len(c.edges)} edges"


if __name__ == "__main__":
    sys.exit(main(__doc__, Checker, sys.argv[1:], summary))
