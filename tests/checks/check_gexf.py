#!/usr/bin/python3
"""Check a GEXF file against the GEXF 1.2 / 1.3 specification (gexf.net), then
against what stakegraph promises Gephi (SPEC §6).

usage: check_gexf.py [--spec-only] FILE.gexf

Python 3 standard library only. Prints one line per problem and exits 1 if
there is any; prints 'ok: N nodes, M edges (static|dynamic)' otherwise.

The format (the GEXF primer and the gexf.xsd / viz.xsd of each version):
  - the root is <gexf> in the namespace http://www.gexf.net/1.2draft with
    version="1.2", or http://gexf.net/1.3 with version="1.3"; an optional <meta>
    (creator, keywords, description) and one <graph>;
  - each element has only the XML attributes of the schemas (others belong in
    another namespace);
  - <graph>: defaultedgetype directed, undirected or mutual; mode static or
    dynamic; timeformat integer, double, date or dateTime (1.3 also
    timerepresentation interval or timestamp); idtype integer or string;
  - <attributes class="node|edge" mode="static|dynamic">: <attribute> with an
    id (unique in its class), a title and a type (integer, long, double, float,
    boolean, liststring, string, anyURI; more in 1.3), an optional <default>
    and <options>;
  - <attvalue for value [start end]>: `for` names an attribute of the element's
    class, the value reads as its type (and is one of its options, if any);
  - <nodes count?>/<node id label?>: ids unique; <edges count?>/<edge id source
    target type? weight?>: ids unique, source and target existing nodes, type
    directed, undirected or mutual, weight a float;
  - viz (in the viz namespace, or the GEXF one as the 1.2 schema has it):
    color r, g, b integers 0..255 and a in 0..1; position x, y, z floats; size
    and thickness floats >= 0; shape one of the listed values;
  - time: start/end/startopen/endopen (on graph, attributes, node, edge,
    attvalue, spell, viz) read as the graph's timeformat (double by default),
    start <= end; they belong to a dynamic graph; an element's spells and the
    periods of one attribute's values do not overlap.
stakegraph's own promises (left out with --spec-only):
  - version 1.2, an undirected graph (defaultedgetype), no directed edge;
  - node labels on every node; a colour and a size per node, and a position on
    every node or on none (without a layout);
  - every edge weight finite and > 0, no self-loop, no parallel edge;
  - a dynamic graph uses dates, and every node and edge has its spells.
"""
import datetime
import math
import re
import sys
import xml.etree.ElementTree as ET

from common import edge_rules, main

VERSIONS = {"http://www.gexf.net/1.2draft": ("1.2", "http://www.gexf.net/1.2draft/viz"),
            "http://gexf.net/1.3": ("1.3", "http://gexf.net/1.3/viz")}
TYPES_12 = {"integer", "long", "double", "float", "boolean", "liststring", "string", "anyURI"}
TYPES_13 = TYPES_12 | {"byte", "short", "char", "bigdecimal", "biginteger", "listbyte",
                       "listshort", "listinteger", "listlong", "listfloat", "listdouble",
                       "listboolean", "listchar", "listbigdecimal", "listbiginteger"}
EDGE_TYPES = {"directed", "undirected", "mutual"}
NODE_SHAPES = {"disc", "square", "triangle", "diamond", "image"}
EDGE_SHAPES = {"solid", "dotted", "dashed", "double"}
TIME_ATTRS = ("start", "end", "startopen", "endopen")
T = set(TIME_ATTRS)
# The XML attributes each element has in gexf.xsd and viz.xsd (1.3 adds
# timestamp(s) and a few more; attributes in another namespace are allowed).
XML_ATTRS = {
    "gexf": {"version", "variant"}, "meta": {"lastmodifieddate"},
    "creator": set(), "keywords": set(), "description": set(),
    "graph": T | {"timeformat", "defaultedgetype", "idtype", "mode"},
    "attributes": T | {"class", "mode"}, "attribute": {"id", "title", "type"},
    "default": set(), "options": set(), "attvalues": set(), "attvalue": T | {"for", "value"},
    "nodes": {"count"}, "edges": {"count"}, "node": T | {"id", "label", "pid"},
    "edge": T | {"id", "type", "label", "source", "target", "weight"},
    "spells": set(), "spell": set(T), "parents": set(), "parent": {"for"},
    "color": T | {"r", "g", "b", "a"}, "position": T | {"x", "y", "z"},
    "size": T | {"value"}, "thickness": T | {"value"}, "shape": T | {"value", "uri"},
}
MORE_13 = {"graph": {"timerepresentation", "timezone"}, "attvalue": {"timestamp"},
           "node": {"timestamp", "timestamps"}, "edge": {"timestamp", "timestamps", "kind"},
           "spell": {"timestamp"}, "attribute": set(), "color": {"timestamp"},
           "position": {"timestamp"}, "size": {"timestamp"}, "thickness": {"timestamp"},
           "shape": {"timestamp"}}
DOUBLE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$|^[+-]?INF$|^NaN$")
INTEGER = re.compile(r"^[+-]?\d+$")
DATE = re.compile(r"^-?\d{4,}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$")
DATETIME = re.compile(r"^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")
INT_RANGES = {"byte": 7, "short": 15, "integer": 31, "long": 63}


def number(s, kind="double"):
    s = (s or "").strip()
    if kind == "integer":
        if not INTEGER.match(s):
            raise ValueError("not an integer")
        return int(s)
    if not DOUBLE.match(s):
        raise ValueError(f"not a {kind}")
    return float(s.replace("INF", "inf"))


def scalar(typ, s):
    """`s` read as the GEXF attribute type `typ` (a list type: each item), or raise ValueError."""
    if typ.startswith("list") and typ != "liststring":
        inner = typ[4:]
        inner = {"integer": "integer", "boolean": "boolean"}.get(inner, inner)
        body = s.strip()
        if body.startswith("[") and body.endswith("]"):
            body = body[1:-1]
        items = [x for x in re.split(r"[,|]", body)] if body.strip() else []
        return [scalar(inner, x.strip()) for x in items]
    if typ in ("string", "liststring", "anyURI"):
        return s
    if typ == "char":
        if len(s) != 1:
            raise ValueError("not one character")
        return s
    t = s.strip()
    if typ == "boolean":
        if t in ("true", "1"):
            return True
        if t in ("false", "0"):
            return False
        raise ValueError("not a boolean (true, false, 1, 0)")
    if typ in INT_RANGES or typ == "biginteger":
        v = number(t, "integer")
        bits = INT_RANGES.get(typ)
        if bits and not -(2**bits) <= v < 2**bits:
            raise ValueError(f"out of the range of {typ}")
        return v
    if typ in ("double", "float", "bigdecimal"):
        v = number(t, typ)
        if typ == "float" and math.isfinite(v) and abs(v) > 3.4028234663852886e38:
            raise ValueError("out of the range of float")
        return v
    raise ValueError(f"unknown type {typ!r}")


def parse_time(fmt, s):
    """A time of the graph's timeformat as a comparable value, or raise ValueError."""
    s = (s or "").strip()
    if fmt == "integer":
        return number(s, "integer")
    if fmt == "double":
        v = number(s)
        if math.isnan(v):
            raise ValueError("NaN is not a time")
        return v
    if fmt == "date":
        if not DATE.match(s):
            raise ValueError("not a date (YYYY-MM-DD)")
        return datetime.date.fromisoformat(s[:10]).toordinal()
    if fmt == "dateTime":
        if not DATETIME.match(s):
            raise ValueError("not a dateTime (YYYY-MM-DDThh:mm:ss)")
        d = datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
        if d.tzinfo is None:
            d = d.replace(tzinfo=datetime.timezone.utc)
        return d.timestamp()
    raise ValueError(f"unknown timeformat {fmt!r}")


class Checker:
    def __init__(self, spec_only):
        self.spec_only = spec_only
        self.problems = []
        self.attrs = {"node": {}, "edge": {}}  # class -> id -> (type, options, dynamic)
        self.nodes = {}
        self.edges = []
        self.timed = False  # some element carries time

    def bad(self, msg):
        self.problems.append(msg)

    def g(self, name):
        return "{" + self.ns + "}" + name

    def viz_el(self, el, name):
        """The viz element `name` of `el`, in the viz namespace or the GEXF one."""
        found = el.findall("{" + self.viz + "}" + name) + el.findall(self.g(name))
        if len(found) > 1:
            self.bad(f"{self.where}: {len(found)} <{name}> elements")
        return found[0] if found else None

    def interval(self, el, what):
        """(start, end) of `el`'s time attributes, None for an open side; checks them."""
        got = {}
        for a in TIME_ATTRS:
            v = el.get(a)
            if v is None:
                continue
            self.timed = True
            try:
                got[a] = parse_time(self.timeformat, v)
            except ValueError as e:
                self.bad(f"{what}: {a}={v!r}: {e} (timeformat {self.timeformat})")
        if "start" in got and "startopen" in got or "end" in got and "endopen" in got:
            self.bad(f"{what}: both a closed and an open bound on one side")
        lo = got.get("start", got.get("startopen"))
        hi = got.get("end", got.get("endopen"))
        if lo is not None and hi is not None and lo > hi:
            self.bad(f"{what}: starts after it ends")
        return lo, hi

    def no_overlap(self, spans, what):
        spans = sorted(spans, key=lambda p: (-math.inf if p[0] is None else p[0]))
        for (a0, a1), (b0, b1) in zip(spans, spans[1:]):
            if a1 is None or b0 is None or b0 <= a1:
                self.bad(f"{what}: periods overlap")
                return

    def check_attributes(self, graph):
        for block in graph.findall(self.g("attributes")):
            cls = block.get("class")
            mode = block.get("mode", "static")
            if cls not in ("node", "edge"):
                self.bad(f"<attributes class={cls!r}> (node or edge)")
                continue
            if mode not in ("static", "dynamic"):
                self.bad(f"<attributes class={cls!r} mode={mode!r}> (static or dynamic)")
            self.interval(block, f"<attributes class={cls!r}>")
            for a in block:
                if a.tag != self.g("attribute"):
                    self.bad(f"<attributes class={cls!r}>: unexpected {a.tag}")
                    continue
                aid, title, typ = a.get("id"), a.get("title"), a.get("type")
                where = f"{cls} attribute {aid!r}"
                if aid is None or title is None or typ is None:
                    self.bad(f"{where}: id, title and type are required")
                    continue
                if aid in self.attrs[cls]:
                    self.bad(f"{where}: declared twice")
                if typ not in self.types:
                    self.bad(f"{where}: type {typ!r} is not a GEXF {self.version} type")
                    typ = "string"
                options = None
                for o in a.findall(self.g("options")):
                    options = set((o.text or "").split("|"))
                for d in a.findall(self.g("default")):
                    try:
                        scalar(typ, d.text or "")
                    except ValueError as e:
                        self.bad(f"{where}: default {d.text!r}: {e}")
                    if options is not None and (d.text or "") not in options:
                        self.bad(f"{where}: default {d.text!r} is not one of its options")
                self.attrs[cls][aid] = (typ, options, mode == "dynamic")

    def check_attvalues(self, el, cls):
        periods = {}
        values = {}
        for block in el.findall(self.g("attvalues")):
            for v in block:
                if v.tag != self.g("attvalue"):
                    self.bad(f"{self.where}: unexpected {v.tag} in <attvalues>")
                    continue
                aid, val = v.get("for"), v.get("value")
                if aid is None or val is None:
                    self.bad(f"{self.where}: <attvalue> needs for= and value=")
                    continue
                decl = self.attrs[cls].get(aid)
                if decl is None:
                    self.bad(f"{self.where}: <attvalue for={aid!r}> names no {cls} attribute")
                    continue
                typ, options, dynamic = decl
                try:
                    values[aid] = scalar(typ, val)
                except ValueError as e:
                    self.bad(f"{self.where}: {aid}={val!r}: {e}")
                if options is not None and typ != "liststring" and val not in options:
                    self.bad(f"{self.where}: {aid}={val!r} is not one of its options")
                span = self.interval(v, f"{self.where}: <attvalue for={aid!r}>")
                if span != (None, None) and not dynamic:
                    self.bad(f"{self.where}: <attvalue for={aid!r}> has a period but "
                             f"{aid!r} is not in an <attributes mode=\"dynamic\">")
                periods.setdefault(aid, []).append(span)
        for aid, spans in periods.items():
            if len(spans) > 1:
                self.no_overlap(spans, f"{self.where}: values of {aid!r}")
        return values

    def check_spells(self, el):
        spans = []
        for block in el.findall(self.g("spells")) + el.findall("{" + self.viz + "}spells"):
            spells = list(block)
            if not spells:
                self.bad(f"{self.where}: empty <spells>")
            for s in spells:
                if s.tag not in (self.g("spell"), "{" + self.viz + "}spell"):
                    self.bad(f"{self.where}: unexpected {s.tag} in <spells>")
                    continue
                spans.append(self.interval(s, f"{self.where}: <spell>"))
        own = self.interval(el, self.where)
        if own != (None, None):
            spans.append(own)
        self.no_overlap(spans, f"{self.where}: spells")
        return spans

    def check_viz(self, el, kind):
        c = self.viz_el(el, "color")
        if c is not None:
            for ch in ("r", "g", "b"):
                try:
                    v = number(c.get(ch), "integer")
                    if not 0 <= v <= 255:
                        raise ValueError("outside 0..255")
                except ValueError as e:
                    self.bad(f"{self.where}: color {ch}={c.get(ch)!r}: {e}")
            if c.get("a") is not None:
                try:
                    if not 0 <= number(c.get("a"), "float") <= 1:
                        raise ValueError("outside 0..1")
                except ValueError as e:
                    self.bad(f"{self.where}: color a={c.get('a')!r}: {e}")
            self.interval(c, f"{self.where}: color")
        for name, attr in (("size", "value"), ("thickness", "value")):
            s = self.viz_el(el, name)
            if s is None:
                continue
            if (name == "size") != (kind == "node"):
                self.bad(f"{self.where}: <{name}> on a {kind}")
            try:
                v = number(s.get(attr), "float")
                if not v >= 0 or not math.isfinite(v):
                    raise ValueError("not a finite number >= 0")
            except ValueError as e:
                self.bad(f"{self.where}: {name} {s.get(attr)!r}: {e}")
            self.interval(s, f"{self.where}: {name}")
        p = self.viz_el(el, "position")
        if p is not None:
            if kind != "node":
                self.bad(f"{self.where}: <position> on an edge")
            need = ("x", "y", "z") if self.version == "1.2" else ("x", "y")
            for a in ("x", "y", "z"):
                if p.get(a) is None:
                    if a in need:
                        self.bad(f"{self.where}: position without {a}")
                    continue
                try:
                    if not math.isfinite(number(p.get(a), "float")):
                        raise ValueError("not finite")
                except ValueError as e:
                    self.bad(f"{self.where}: position {a}={p.get(a)!r}: {e}")
            self.interval(p, f"{self.where}: position")
        sh = self.viz_el(el, "shape")
        if sh is not None:
            allowed = NODE_SHAPES if kind == "node" else EDGE_SHAPES
            if sh.get("value") not in allowed:
                self.bad(f"{self.where}: shape {sh.get('value')!r} (one of {sorted(allowed)})")
        return c, self.viz_el(el, "size") if kind == "node" else None, p

    def check_count(self, block, n, what):
        c = block.get("count")
        if c is None:
            return
        try:
            if number(c, "integer") != n:
                self.bad(f"<{what} count={c}> but {n} {what}")
        except ValueError:
            self.bad(f"<{what} count={c!r}> is not an integer")

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
        m = re.match(r"^\{(.*)\}gexf$", root.tag)
        if not m or m.group(1) not in VERSIONS:
            self.bad(f"root element is {root.tag}, not gexf in one of {sorted(VERSIONS)}")
            return
        self.ns = m.group(1)
        self.version, self.viz = VERSIONS[self.ns]
        self.types = TYPES_12 if self.version == "1.2" else TYPES_13
        if root.get("version") != self.version:
            self.bad(f"version={root.get('version')!r} in the namespace of GEXF {self.version}")
        for el in root.iter():
            m2 = re.match(r"^\{(.*)\}(.*)$", el.tag)
            if not m2 or m2.group(1) not in (self.ns, self.viz) or m2.group(2) not in XML_ATTRS:
                continue
            name = m2.group(2)
            allowed = XML_ATTRS[name] | (MORE_13.get(name, set()) if self.version == "1.3" else set())
            extra = sorted(a for a in el.attrib if not a.startswith("{") and a not in allowed)
            if extra:
                self.bad(f"<{name} id={el.get('id')!r}>: {', '.join(extra)} is not a GEXF "
                         f"{self.version} attribute")
        kids = [el for el in root if el.tag.startswith("{" + self.ns + "}")]
        names = [el.tag.split("}")[1] for el in kids]
        if names not in (["graph"], ["meta", "graph"]):
            self.bad(f"<gexf> holds {names}, not an optional <meta> and one <graph>")
        graph = root.find(self.g("graph"))
        if graph is None:
            return
        ded = graph.get("defaultedgetype", "directed")
        mode = graph.get("mode", "static")
        self.timeformat = graph.get("timeformat", "double")
        if ded not in EDGE_TYPES:
            self.bad(f"defaultedgetype={ded!r} (directed, undirected or mutual)")
        if mode not in ("static", "dynamic"):
            self.bad(f"mode={mode!r} (static or dynamic)")
        if self.timeformat not in ("integer", "double", "date", "dateTime"):
            self.bad(f"timeformat={self.timeformat!r} (integer, double, date or dateTime)")
            self.timeformat = "double"
        if graph.get("idtype", "string") not in ("integer", "string", "long"):
            self.bad(f"idtype={graph.get('idtype')!r}")
        if graph.get("timerepresentation", "interval") not in ("interval", "timestamp"):
            self.bad(f"timerepresentation={graph.get('timerepresentation')!r}")
        self.where = "graph"
        self.interval(graph, "graph")
        self.check_attributes(graph)
        for el in graph:
            if el.tag not in (self.g("attributes"), self.g("nodes"), self.g("edges")):
                self.bad(f"unexpected {el.tag} in <graph>")
        nodes_blocks = graph.findall(self.g("nodes"))
        edges_blocks = graph.findall(self.g("edges"))
        for block in nodes_blocks:
            ns = block.findall(self.g("node"))
            self.check_count(block, len(ns), "nodes")
            for n in ns:
                nid = n.get("id")
                self.where = f"node {nid}"
                if nid is None:
                    self.bad("a node without id")
                    continue
                if nid in self.nodes:
                    self.bad(f"node id {nid!r} used twice")
                values = self.check_attvalues(n, "node")
                spans = self.check_spells(n)
                viz = self.check_viz(n, "node")
                self.nodes[nid] = (n, values, spans, viz)
        for block in edges_blocks:
            es = block.findall(self.g("edge"))
            self.check_count(block, len(es), "edges")
            seen = set()
            for e in es:
                s, t, eid = e.get("source"), e.get("target"), e.get("id")
                self.where = f"edge {s}-{t}"
                if eid is None and self.version == "1.2":
                    self.bad(f"{self.where}: no id")
                elif eid is not None:
                    if eid in seen:
                        self.bad(f"{self.where}: edge id {eid!r} used twice")
                    seen.add(eid)
                for end in (s, t):
                    if end is None:
                        self.bad(f"{self.where}: source and target are required")
                    elif end not in self.nodes:
                        self.bad(f"{self.where}: {end!r} is not a node")
                if e.get("type") is not None and e.get("type") not in EDGE_TYPES:
                    self.bad(f"{self.where}: type={e.get('type')!r}")
                w = None
                if e.get("weight") is not None:
                    try:
                        w = number(e.get("weight"), "float")
                    except ValueError as err:
                        self.bad(f"{self.where}: weight={e.get('weight')!r}: {err}")
                values = self.check_attvalues(e, "edge")
                spans = self.check_spells(e)
                self.check_viz(e, "edge")
                self.edges.append((s, t, e, w, values, spans))
        if self.timed and mode != "dynamic":
            self.bad("times (start/end, spells) in a graph whose mode is not dynamic")
        if not self.spec_only:
            self.conventions(root, graph, mode)

    def conventions(self, root, graph, mode):
        if self.version != "1.2":
            self.bad(f"GEXF {self.version}, stakegraph writes 1.2")
        if graph.get("defaultedgetype") != "undirected":
            self.bad("defaultedgetype is not 'undirected'")
        if mode == "dynamic" and graph.get("timeformat") != "date":
            self.bad("a dynamic graph whose timeformat is not 'date'")
        placed = any(viz[2] is not None for *_, viz in self.nodes.values())
        for nid, (n, values, spans, (c, size, pos)) in self.nodes.items():
            if not n.get("label"):
                self.bad(f"node {nid}: no label")
            if c is None or size is None:
                self.bad(f"node {nid}: not a colour and a size")
            if placed and pos is None:
                self.bad(f"node {nid}: no position, when other nodes have one")
            if mode == "dynamic" and not spans:
                self.bad(f"node {nid}: no spells in a dynamic graph")
        pairs = set()
        for s, t, e, w, values, spans in self.edges:
            where = f"edge {s}-{t}"
            if e.get("type") not in (None, "undirected"):
                self.bad(f"{where}: type={e.get('type')!r}")
            edge_rules(self.bad, where, s, t, values, pairs)
            if w is None:
                self.bad(f"{where}: no weight")
            elif not (math.isfinite(w) and w > 0):
                self.bad(f"{where}: weight {w} is not finite and > 0")
            if mode == "dynamic" and not spans:
                self.bad(f"{where}: no spells in a dynamic graph")


def summary(c):
    mode = "dynamic" if c.timed else "static"
    return f"{len(c.nodes)} nodes, {len(c.edges)} edges ({mode})"


if __name__ == "__main__":
    sys.exit(main(__doc__, Checker, sys.argv[1:], summary))
