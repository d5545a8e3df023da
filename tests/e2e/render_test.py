"""Pictures, layout in GraphML and the stats command (SPEC §9, §10).

Run as: python3 render_test.py STAKEGRAPH SOURCE_DIR (Debian's python3, with
networkx and python-igraph). Prints one line per check and "N passed, M failed".
"""
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

import igraph
import networkx as nx

SG, SRC = sys.argv[1], sys.argv[2]
CHECKS = os.path.join(SRC, "tests", "checks", "check_graphml.py")  # the project's own
SVG = "{http://www.w3.org/2000/svg}"
passed = failed = 0


def check(what, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok -", what)
    else:
        failed += 1
        print("FAIL -", what, detail)


def run(*args):
    return subprocess.run([SG, *args], capture_output=True, text=True)


def svg_nodes(path):
    """The <g class="node"> groups of a Graphviz SVG: {title: group}."""
    root = ET.parse(path).getroot()
    out = {}
    for g in root.iter(SVG + "g"):
        if g.get("class") == "node":
            out[g.find(SVG + "title").text] = g
    return out


def texts(group):
    return " ".join(t.text or "" for t in group.iter(SVG + "text"))


with tempfile.TemporaryDirectory() as T:
    corpus = os.path.join(SRC, "examples", "corpus")
    gml, svg = os.path.join(T, "ex.graphml"), os.path.join(T, "ex.svg")
    png, pdf = os.path.join(T, "ex.png"), os.path.join(T, "ex.pdf")
    r = run("extract", "-q", corpus, "-o", gml, "-o", svg, "-o", png, "-o", pdf)
    check("extract writes GraphML, SVG, PNG and PDF in one run", r.returncode == 0, r.stderr)
    G = nx.read_graphml(gml)
    nodes = svg_nodes(svg)
    check("example SVG: one node element per actor plus the legend",
          len(nodes) == G.number_of_nodes() + 1 and set(G.nodes()) | {"legend"} == set(nodes),
          f"{len(nodes)} vs {G.number_of_nodes()} + 1")
    legend = texts(nodes.get("legend", ET.Element("g")))
    check("the legend names the colours, shapes and sizes",
          "community" in legend and "organisation" in legend and "pagerank" in legend, legend)
    labelled = [n for n in G if texts(nodes[n]).strip()]
    check("a small network has every actor labelled", len(labelled) == G.number_of_nodes(),
          f"{len(labelled)} labelled")
    ap = texts(nodes["org:ap-hm"])
    check("organisations are drawn with their short name (AP-HM)", "AP-HM" in ap, ap)
    with open(png, "rb") as f:
        check("PNG written", f.read(8) == b"\x89PNG\r\n\x1a\n")
    with open(pdf, "rb") as f:
        check("PDF written", f.read(5) == b"%PDF-")

    # layout and colours in the GraphML, as Gephi reads them
    root = ET.parse(gml).getroot()
    keys = {k.get("attr.name"): k.get("attr.type") for k in root.iter("{http://graphml.graphdrawing.org/xmlns}key")
            if k.get("for") == "node"}
    check("GraphML keys: x, y, size double; r, g, b int",
          all(keys.get(k) == "double" for k in ("x", "y", "size"))
          and all(keys.get(k) == "int" for k in ("r", "g", "b")), str(keys))
    ok = all(0 <= d[c] <= 255 for _, d in G.nodes(data=True) for c in "rgb")
    ok = ok and all(d["size"] > 0 for _, d in G.nodes(data=True))
    check("r, g, b within 0-255 and sizes positive", ok)
    pos = {(d["x"], d["y"]) for _, d in G.nodes(data=True)}
    check("every actor has its own position", len(pos) == G.number_of_nodes())
    def fill(group):
        shapes = [e for e in group.iter() if e.tag in (SVG + "polygon", SVG + "ellipse")]
        return shapes[0].get("fill") if shapes else None
    fills = {fill(g) for n, g in nodes.items() if n != "legend"}
    by_comm = {}
    for n, d in G.nodes(data=True):
        by_comm.setdefault(d["community"], set()).add((d["r"], d["g"], d["b"]))
    check("one colour per community in the GraphML",
          all(len(v) == 1 for v in by_comm.values()))
    colours = {"#%02x%02x%02x" % (d["r"], d["g"], d["b"]) for _, d in G.nodes(data=True)}
    check("the SVG uses the GraphML's colours", fills == colours, f"{fills ^ colours}")
    r = subprocess.run(["/usr/bin/python3", CHECKS, gml], capture_output=True, text=True)
    check("GraphML with layout passes check_graphml.py", r.returncode == 0, r.stdout + r.stderr)

    # render: the same picture from the GraphML, colours by type
    svg2 = os.path.join(T, "again.svg")
    r = run("render", gml, "-o", svg2)
    with open(svg) as a, open(svg2) as b:
        check("render of extract's GraphML gives the same SVG", r.returncode == 0 and a.read() == b.read(),
              r.stderr)
    svg3, gml3 = os.path.join(T, "type.svg"), os.path.join(T, "type.graphml")
    r = run("render", "--colour-by", "type", "--size-by", "degree", gml, "-o", svg3, "-o", gml3)
    check("render --colour-by type", r.returncode == 0, r.stderr)
    H = nx.read_graphml(gml3)
    typecol = {}
    for _, d in H.nodes(data=True):
        typecol.setdefault(d["type"], set()).add((d["r"], d["g"], d["b"]))
    check("colour by type: one colour per type, different types differ",
          all(len(v) == 1 for v in typecol.values())
          and len({next(iter(v)) for v in typecol.values()}) == len(typecol))
    check("legend says colour by type and area by degree",
          "type" in texts(svg_nodes(svg3)["legend"]) and "degree" in texts(svg_nodes(svg3)["legend"]))

    # a generated network of 1,000 actors
    big = os.path.join(T, "g1000.graphml")
    subprocess.run(["/usr/bin/python3", os.path.join(SRC, "tests", "e2e", "gen_graph.py"), big], check=True)
    bsvg, bgml = os.path.join(T, "g1000.svg"), os.path.join(T, "g1000-laid.graphml")
    t0 = time.monotonic()
    r = run("render", big, "-o", bsvg, "-o", bgml)
    dt = time.monotonic() - t0
    print(f"# 1,000-node picture rendered in {dt:.2f} s")
    check("1,000-node network renders", r.returncode == 0, r.stderr)
    bn = svg_nodes(bsvg)
    check("1,000-node SVG: 1,000 actors and the legend", len(bn) == 1001 and "legend" in bn, str(len(bn)))
    nlab = sum(1 for n, g in bn.items() if n != "legend" and texts(g).strip())
    check("a large network labels its top 40 actors only", nlab == 40, str(nlab))
    r = subprocess.run(["/usr/bin/python3", CHECKS, bgml], capture_output=True, text=True)
    check("1,000-node GraphML with layout passes check_graphml.py", r.returncode == 0, r.stdout)

    # stats
    r = run("stats", gml)
    check("stats prints a table", r.returncode == 0 and "modularity" in r.stdout and "pagerank" in r.stdout,
          r.stderr)
    r = run("stats", "--json", "--top", "3", gml)
    try:
        s = json.loads(r.stdout)
    except ValueError:
        s = {}
    check("stats --json parses", bool(s), r.stdout[:200])
    if s:
        I = igraph.Graph.Read_GraphML(gml)
        q = I.modularity(I.vs["community"], weights="weight")
        check("stats: node and edge counts", s["nodes"] == I.vcount() and s["edges"] == I.ecount())
        check("stats: modularity equals python-igraph's for the file's communities",
              abs(s["modularity"] - q) < 1e-9, f"{s['modularity']} vs {q}")
        comps = len(I.connected_components())
        check("stats: components", s["components"] == comps, f"{s['components']} vs {comps}")
        top = max(range(I.vcount()), key=lambda i: (I.vs[i]["pagerank"], -i))
        check("stats: top actor by pagerank", s["top"]["pagerank"][0]["id"] == I.vs[top]["id"])
        check("stats: three actors per measure", all(len(v) == 3 for v in s["top"].values()))

    # GraphML from elsewhere: directed, parallel edges, a self-loop, a missing
    # weight (= 1), nonsense community numbers
    other = os.path.join(T, "other.graphml")
    head = ('<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
            '<key id="w" for="edge" attr.name="weight" attr.type="%s"/>'
            '<key id="c" for="node" attr.name="community" attr.type="double"/>'
            '<graph edgedefault="directed">')
    with open(other, "w") as f:
        f.write(head % "double" + '<node id="a"><data key="c">-5</data></node>'
                '<node id="b"><data key="c">1e300</data></node><node id="c"/>'
                '<edge source="a" target="b"><data key="w">2</data></edge>'
                '<edge source="a" target="a"/><edge source="b" target="a"/></graph></graphml>')
    r = run("stats", "--json", other)
    s2 = json.loads(r.stdout) if r.returncode == 0 else {}
    check("foreign GraphML: parallel edges merged (2 + missing weight 1), self-loop dropped",
          s2.get("edges") == 1 and s2.get("total_weight") == 3 and s2.get("isolated") == 1, r.stdout + r.stderr)
    r = run("render", other, "-o", os.path.join(T, "other.svg"))
    check("foreign GraphML with nonsense community numbers renders", r.returncode == 0, r.stderr)
    with open(other, "w") as f:
        f.write(head % "string" + '<node id="a"/><node id="b"/>'
                '<edge source="a" target="b"><data key="w">heavy</data></edge></graph></graphml>')
    r = run("stats", other)
    check("a text weight is an error naming the file", r.returncode == 1 and "other.graphml" in r.stderr
          and "weight" in r.stderr, r.stderr)
    with open(other, "w") as f:
        f.write(head % "double" + '<node id="a"/><node id="b"/>'
                '<edge source="a" target="b"><data key="w">-1</data></edge></graph></graphml>')
    r = run("stats", other)
    check("a negative weight is an error naming the edge", r.returncode == 1 and "a -- b" in r.stderr, r.stderr)
    with open(other, "w") as f:
        f.write(head % "double" + '</graph></graphml>')
    r = run("stats", "--json", other)
    check("an empty network: stats says 0 nodes", r.returncode == 0 and json.loads(r.stdout)["nodes"] == 0,
          r.stderr)
    r = run("render", other, "-o", os.path.join(T, "empty.svg"))
    check("an empty network renders (legend only)", r.returncode == 0 and
          list(svg_nodes(os.path.join(T, "empty.svg"))) == ["legend"], r.stderr)

    # errors: nothing written, clear messages
    out = os.path.join(T, "never.svg")
    r = run("render", os.path.join(T, "missing.graphml"), "-o", out)
    check("render of a missing file: exit 1 naming it", r.returncode == 1 and "missing.graphml" in r.stderr,
          r.stderr)
    bad = os.path.join(T, "bad.graphml")
    with open(bad, "w") as f:
        f.write("<graphml><graph><node id='a'>")
    r = run("render", bad, "-o", out)
    check("render of broken XML: exit 1 naming the file", r.returncode == 1 and "bad.graphml" in r.stderr,
          r.stderr)
    r = run("render", gml, "--size-by", "nosuch", "-o", out)
    check("--size-by an unknown measure: exit 1", r.returncode == 1 and "nosuch" in r.stderr, r.stderr)
    check("no output left by the failures", not os.path.exists(out) and
          not [f for f in os.listdir(T) if ".tmp" in f])
    r = run("render", gml)
    check("render without -o: usage error", r.returncode == 2)
    r = run("render", gml, "-o", os.path.join(T, "x.jpeg"))
    check("render to an unknown extension: usage error", r.returncode == 2 and "x.jpeg" in r.stderr, r.stderr)
    r = run("stats", os.path.join(T, "missing.graphml"))
    check("stats of a missing file: exit 1", r.returncode == 1 and "missing.graphml" in r.stderr)
    r = run("extract", "-q", "--no-analyse", corpus, "-o", out)
    check("a picture needs the analysis: usage error", r.returncode == 2)

# Issue 17: the DOT file of a laid-out network carries the picture's marks, so
# that neato -n2 draws the picture from it (positions, sizes, shapes, colours;
# the largest actors labelled outside), with every actor's name as its label and
# its data as attributes; one without a layout, each type's shape and colour.
with tempfile.TemporaryDirectory() as T:
    corpus = os.path.join(SRC, "examples", "corpus")
    gml, dot = os.path.join(T, "n.graphml"), os.path.join(T, "n.dot")
    r = run("extract", "-q", corpus, "-o", gml, "-o", dot)
    check("extract writes GraphML and DOT", r.returncode == 0, r.stderr)
    G = nx.read_graphml(gml)
    plain = subprocess.run(["neato", "-n2", "-Tplain", dot], capture_output=True, text=True)
    check("neato -n2 draws the DOT without a word", plain.returncode == 0 and not plain.stderr,
          plain.stderr)
    drawn = {}
    for line in plain.stdout.splitlines():
        f = line.split(" ")
        if f[0] == "node":  # node name x y width height label style shape color fillcolor
            drawn[f[1].strip('"')] = f
    shapes = {"organisation": "square", "person": "circle", "place": "diamond"}
    js = subprocess.run(["neato", "-n2", "-Tjson", dot], capture_output=True, text=True)
    objs = {o["name"]: o for o in json.loads(js.stdout).get("objects", [])}
    # the width as written (Graphviz reports a node of a size fixed for its
    # shape as wide as its label, which is hidden: the drawn shape is this wide)
    with open(dot, encoding="utf-8") as fh:
        text = fh.read()
    written = dict(re.findall(r'\n\t"([^"]+)"\t\[(?:[^\]]*?\s)?width=([0-9.]+)', text))
    # -Tplain moves the drawing to its corner: positions agree up to one shift
    first = next(iter(G.nodes))
    dx = float(drawn[first][2]) * 72 - G.nodes[first]["x"] if first in drawn else 0
    dy = float(drawn[first][3]) * 72 - G.nodes[first]["y"] if first in drawn else 0
    bad = []
    for n, d in G.nodes(data=True):
        f = drawn.get(n)
        fill = "#%02x%02x%02x" % (d["r"], d["g"], d["b"])
        if (f is None or abs(float(f[2]) * 72 - dx - d["x"]) > 0.05 or
                abs(float(f[3]) * 72 - dy - d["y"]) > 0.05 or
                abs(float(written.get(n, "nan")) - 2 * d["size"] / 72) > 0.001 or
                f[-3] != shapes.get(d["type"], "circle") or f[-1] != fill):
            bad.append(f"{n}: {f} vs {d['x']},{d['y']} size {d['size']} {d['type']} {fill}")
    check("neato -n2: every actor at the picture's place, of its size, shape and colour",
          not bad and len(drawn) == G.number_of_nodes(), "; ".join(bad[:2]))
    check("DOT: every actor's name as its label, its data as attributes",
          all(objs[n].get("label") == d["label"] and objs[n].get("type") == d["type"] and
              objs[n].get("mentions") == str(d["mentions"]) for n, d in G.nodes(data=True)),
          [(n, objs[n].get("label")) for n in list(G.nodes)[:2]])
    outside = [n for n in G.nodes if objs[n].get("xlabel")]
    check("DOT: the largest actors labelled outside, as in the picture",
          0 < len(outside) <= G.number_of_nodes() and "AP-HM" in
          " ".join(objs[n]["xlabel"] for n in outside))
    r = run("extract", "-q", "--no-analyse", corpus, "-o", dot)
    js = subprocess.run(["dot", "-Tjson", dot], capture_output=True, text=True)
    objs = json.loads(js.stdout).get("objects", [])
    check("DOT without a layout: each type's shape and the picture's colour of its type",
          r.returncode == 0 and objs and
          all(o.get("shape") == shapes.get(o.get("type"), "circle") for o in objs) and
          {o.get("fillcolor") for o in objs if o.get("type") == "organisation"} == {"#4e79a7"},
          r.stderr)

# Issue 17: render and stats never overwrite a foreign file's column. A
# network of stakegraph's own (its keys declared as stakegraph writes them) is
# analysed and laid out again in place, without a word, whatever the options;
# another program's file keeps its community, size, r... (and a string g) as
# they were, stakegraph's values are written beside them as sg_community,
# sg_size, sg_r..., said in one warning line; that output, rendered again, is
# stakegraph's own: the same columns, nothing renamed twice.
with tempfile.TemporaryDirectory() as T:
    own = os.path.join(T, "own.graphml")
    r = run("extract", "-q", os.path.join(SRC, "examples", "corpus"), "-o", own)
    st = run("stats", own)
    rd = run("render", own, "-o", os.path.join(T, "own.svg"))
    check("stats and render of stakegraph's own network: not a word",
          r.returncode == st.returncode == rd.returncode == 0 and not st.stderr and not rd.stderr,
          st.stderr + rd.stderr)
    again = os.path.join(T, "again.graphml")
    rd = run("render", own, "--colour-by", "type", "--size-by", "degree", "-o", again)
    O, A = nx.read_graphml(own), nx.read_graphml(again)
    check("own network drawn with other options: its columns replaced in place, not a word",
          rd.returncode == 0 and not rd.stderr and
          not any(k.startswith("sg_") for d in A.nodes.values() for k in d) and
          any(O.nodes[n]["r"] != A.nodes[n]["r"] for n in O) and
          any(O.nodes[n]["size"] != A.nodes[n]["size"] for n in O), rd.stderr)
    foreign = os.path.join(T, "foreign.graphml")
    F = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])
    for n in F:
        F.nodes[n].update(community=7, size=3.0, r=1, g="grey")
    nx.write_graphml(F, foreign)
    said = "the file's own community, size, r, g kept as they are; stakegraph's written as " \
           "sg_community, sg_size, sg_r, sg_g"
    out = os.path.join(T, "foreign-out.graphml")
    rd = run("render", foreign, "-o", os.path.join(T, "foreign.svg"), "-o", out)
    R = nx.read_graphml(out)
    check("render of a foreign graph: its columns kept, stakegraph's beside them, said in one line",
          rd.returncode == 0 and rd.stderr.count("\n") == 1 and said in rd.stderr and
          all(R.nodes[n]["community"] == 7 and R.nodes[n]["size"] == 3.0 and
              R.nodes[n]["r"] == 1 and R.nodes[n]["g"] == "grey" for n in F) and
          all(isinstance(R.nodes[n][k], int)
              for n in F for k in ("sg_community", "sg_r", "sg_g")) and
          len({R.nodes[n]["sg_community"] for n in F}) > 1 and
          all(R.nodes[n]["sg_size"] > 3.0 and "b" in R.nodes[n] for n in F),
          rd.stderr + str(dict(R.nodes(data=True))))
    gexf = os.path.join(T, "foreign.gexf")
    run("render", foreign, "-o", gexf)
    check("its GEXF: the picture's colours from stakegraph's sg_r, sg_g, b",
          {(e.get("r"), e.get("g")) for e in ET.parse(gexf).getroot().iter()
           if e.tag.endswith("}color")} ==
          {(str(R.nodes[n].get("sg_r")), str(R.nodes[n].get("sg_g"))) for n in F})
    st = run("stats", foreign, "-o", os.path.join(T, "stats.graphml"))
    S = nx.read_graphml(os.path.join(T, "stats.graphml"))
    check("stats of a foreign graph: its community kept, stakegraph's as sg_community, said",
          st.returncode == 0 and "the file's own community kept as it is; stakegraph's written "
          "as sg_community" in st.stderr and all(S.nodes[n]["community"] == 7 for n in F) and
          re.search(r"communities +2 ", st.stdout), st.stderr + st.stdout)
    out2 = os.path.join(T, "foreign-again.graphml")
    rd = run("render", out, "-o", out2)
    check("that output rendered again: stakegraph's own, the same file, not a word",
          rd.returncode == 0 and not rd.stderr and open(out).read() == open(out2).read(),
          rd.stderr)

    # above 2,000 actors and 20,000 edges the picture draws the backbone
    # (disparity filter and a maximum spanning forest), says so in its legend,
    # and the GraphML keeps every edge; at 2,000 actors every edge is drawn
    # (every actor shown: --picture-actors 0, the default's cut is below)
    gen = os.path.join(SRC, "tests", "bench", "gen_graph.py")
    for n, m, backbone in ((2001, 24000, True), (2000, 24000, False)):
        src, pic, laid = (os.path.join(T, f"b{n}.{x}") for x in ("graphml", "svg", "laid.graphml"))
        subprocess.run(["/usr/bin/python3", gen, str(n), str(m), src], check=True,
                       capture_output=True)
        r = run("render", src, "-o", pic, "-o", laid, "--picture-actors", "0")
        G = nx.read_graphml(laid)
        root = ET.parse(pic).getroot()
        drawn = [g.find(SVG + "title").text.split("--") for g in root.iter(SVG + "g")
                 if g.get("class") == "edge"]
        legend = texts(svg_nodes(pic)["legend"])
        # the labelled actors (the 40 largest): above 2,000 actors drawn last,
        # so that their labels (placed among the labelled actors and the
        # legend only) lie over the small ones; each label beside its actor
        actors = [(t, g) for t, g in svg_nodes(pic).items() if t != "legend"]
        labelled = [i for i, (t, g) in enumerate(actors) if texts(g).strip()]
        check(f"{n} actors: 40 labelled, " + ("the last drawn" if n > 2000 else "in their order"),
              len(labelled) == 40 and (labelled == list(range(len(actors) - 40, len(actors)))) ==
              (n > 2000), str(labelled[:5]))
        far = []
        for t, g in actors:
            words = [e for e in g.iter(SVG + "text")]
            if not words:
                continue
            shape = next(g.iter(SVG + "ellipse"), None)
            if shape is not None:
                cx, cy, half = (float(shape.get(k)) for k in ("cx", "cy", "rx"))
            else:
                pts = [tuple(map(float, p.split(","))) for p in
                       next(g.iter(SVG + "polygon")).get("points").split()]
                cx = sum(p[0] for p in pts) / len(pts)
                cy = sum(p[1] for p in pts) / len(pts)
                half = max(abs(p[0] - cx) for p in pts)
            fs = float(words[0].get("font-size"))
            reach = half + 0.6 * fs * max(len(w.text or "") for w in words) + 2 * fs * len(words)
            x, y = float(words[0].get("x")), float(words[0].get("y"))
            if math.hypot(x - cx, y - cy) > reach:
                far.append((t, round(x - cx), round(y - cy), round(reach)))
        check(f"{n} actors: each label beside its actor", not far, str(far[:3]))
        if backbone:
            one = os.path.join(T, f"b{n}.jobs1.graphml")
            r1 = run("render", src, "-o", one, "--jobs", "1", "--picture-actors", "0")
            check("render --jobs 1: the same file", r1.returncode == 0
                  and open(one).read() == open(laid).read(), r1.stderr)
            whole = os.path.join(T, f"b{n}.whole.graphml")
            rw = run("render", src, "-o", whole)
            check("without a picture every actor is laid out (as --picture-actors 0)",
                  rw.returncode == 0 and open(whole).read() == open(laid).read(), rw.stderr)
        if not backbone:
            check(f"{n} actors, {G.number_of_edges()} edges: every edge drawn, no backbone row",
                  r.returncode == 0 and len(drawn) == G.number_of_edges() and "backbone" not in legend,
                  f"{len(drawn)} drawn; {legend[-120:]}")
            continue
        D = nx.Graph(drawn)
        D.add_nodes_from(G)
        note = f"the backbone, {len(drawn)} of {G.number_of_edges()} links"
        check(f"{n} actors, {G.number_of_edges()} edges > 20,000: the backbone drawn, the legend "
              "says how many of how many", r.returncode == 0 and len(drawn) < G.number_of_edges()
              and note in legend and "spanning forest" in legend, f"{len(drawn)}; {legend[-160:]}")
        check("the backbone keeps the network's components and only its edges",
              nx.number_connected_components(D) == nx.number_connected_components(G)
              and all(G.has_edge(a, b) for a, b in drawn))
        alpha = nx.get_edge_attributes(G, "backbone_alpha")
        strong = [e for e, a in alpha.items() if a < 0.05]
        check("every edge of backbone_alpha < 0.05 is drawn", all(D.has_edge(*e) for e in strong),
              f"{len(strong)} significant")

    # a picture shows at most 2,000 actors (--picture-actors), the largest
    # by pagerank, and the backbone among them; the legend says so; every
    # actor keeps a place in the GraphML; a smaller network is drawn whole
    src, pic, laid = (os.path.join(T, f"b2001.{x}") for x in ("graphml", "cut.svg", "cut.graphml"))
    r = run("render", src, "-o", pic, "-o", laid)
    G = nx.read_graphml(laid)
    shown = set(svg_nodes(pic)) - {"legend"}
    top = sorted(G, key=lambda v: (-G.nodes[v]["pagerank"], list(G).index(v)))[:2000]
    legend = texts(svg_nodes(pic)["legend"])
    check("2,001 actors: the 2,000 largest by pagerank drawn, the legend says so",
          r.returncode == 0 and shown == set(top)
          and "Actors: the 2000 largest of 2001 (by pagerank" in legend
          and "the backbone among them" in legend, r.stderr + legend[-200:])
    root = ET.parse(pic).getroot()
    drawn = [g.find(SVG + "title").text.split("--") for g in root.iter(SVG + "g")
             if g.get("class") == "edge"]
    D = nx.Graph(drawn)
    D.add_nodes_from(shown)
    check("the backbone among them keeps their components, and only their edges",
          nx.number_connected_components(D) == nx.number_connected_components(G.subgraph(shown))
          and all(a in shown and b in shown and G.has_edge(a, b) for a, b in drawn))
    check("every actor laid out in the GraphML, the one left out too",
          len(G) == 2001 and all(math.isfinite(G.nodes[v]["x"]) and math.isfinite(G.nodes[v]["y"])
                                 for v in G))
    small, spic = os.path.join(T, "p300.graphml"), os.path.join(T, "p300.svg")
    subprocess.run(["/usr/bin/python3", gen, "300", "900", small], check=True, capture_output=True)
    r = run("render", small, "-o", spic, "--picture-actors", "100")
    S = nx.read_graphml(small)
    shown = set(svg_nodes(spic)) - {"legend"}
    edges = sum(1 for g in ET.parse(spic).getroot().iter(SVG + "g") if g.get("class") == "edge")
    legend = texts(svg_nodes(spic)["legend"])
    check("render --picture-actors 100 of 300 actors: 100 drawn, every link among them",
          r.returncode == 0 and len(shown) == 100
          and edges == S.subgraph(shown).number_of_edges()
          and f"the {edges} links among them, of {S.number_of_edges()}" in legend,
          r.stderr + legend[-200:])
    r = run("render", small, "-o", spic)
    check("300 actors: all drawn by default",
          r.returncode == 0 and len(set(svg_nodes(spic)) - {"legend"}) == 300, r.stderr)
    bad = run("render", small, "-o", spic, "--picture-actors", "many")
    check("--picture-actors many: a usage error", bad.returncode == 2
          and "--picture-actors" in bad.stderr, bad.stderr)

    # a sampled betweenness (4,000 actors: above the exact size) is computed
    # in two processes unless --jobs 1: the same values
    src = os.path.join(T, "sampled.graphml")
    subprocess.run(["/usr/bin/python3", gen, "4000", "16000", src], check=True,
                   capture_output=True)
    s2, s1 = run("stats", src, "--json"), run("stats", src, "--json", "-j", "1")
    check("stats of a sampled betweenness: the same with --jobs 1",
          s1.returncode == 0 and s1.stdout == s2.stdout
          and '"betweenness": "sampled: ' in s1.stdout, s1.stderr + s1.stdout[-300:])
    bad = run("stats", src, "--jobs", "0")
    check("stats --jobs 0: a usage error", bad.returncode == 2 and "--jobs" in bad.stderr,
          bad.stderr)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
