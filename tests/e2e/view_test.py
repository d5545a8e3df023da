#!/usr/bin/python3
"""The HTML view's data (issue 18), checked against the GraphML, the evidence
rows and the periods' networks of the same run; and text that must stay text.
The drawing itself is tested in a browser (tests/browser).

usage: view_test.py STAKEGRAPH SOURCE_DIR
"""
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

import networkx as nx

EXE, SRC = sys.argv[1], sys.argv[2]
CORPUS = os.path.join(SRC, "examples", "corpus")
VIEW = os.path.join(SRC, "tests", "view")
failures = 0
checks = 0


def check(cond, what):
    global failures, checks
    checks += 1
    if not cond:
        failures += 1
        print("FAIL:", what)


def run(*args, expect=0):
    p = subprocess.run([EXE, *args], capture_output=True)
    check(p.returncode == expect, "exit status %d (wanted %d): stakegraph %s\n%s" %
          (p.returncode, expect, " ".join(args), p.stderr.decode(errors="replace")))
    return p


DATA = re.compile(r'<script type="application/json" id="sg-data">(.*?)</script>', re.S)


def data_of(path):
    page = open(path, encoding="utf-8").read()
    m = DATA.search(page)
    check(m is not None, "%s: no data script" % path)
    return page, json.loads(m.group(1))


def colour(n):
    return "#%02x%02x%02x" % (int(n["r"]), int(n["g"]), int(n["b"]))


def same_as_graphml(d, g, what):
    """Nodes, places, colours, sizes and edges as the GraphML has them."""
    ids = [n["id"] for n in d["nodes"]]
    check(sorted(ids) == sorted(g.nodes), "%s: the GraphML's nodes" % what)
    for n in d["nodes"]:
        a = g.nodes[n["id"]]
        check(abs(n["x"] - a["x"]) < 0.006 and abs(n["y"] - a["y"]) < 0.006 and
              abs(n["size"] - a["size"]) < 0.006, "%s: %s's place and size" % (what, n["id"]))
        check(n["color"] == colour(a), "%s: %s's colour %s, GraphML %s" %
              (what, n["id"], n["color"], colour(a)))
        check(n["label"] == a["label"] and n["type"] == a["type"], "%s: %s's label" % (what, n["id"]))
        check(n["community"] == a.get("community"), "%s: %s's community" % (what, n["id"]))
        check(len(n["attrs"]) == len(d["columns"]), "%s: %s's attrs" % (what, n["id"]))
    edges = {frozenset((ids[e["s"]], ids[e["t"]])): e["weight"] for e in d["edges"]}
    want = {frozenset((u, v)): a["weight"] for u, v, a in g.edges(data=True)}
    check(edges == want, "%s: the GraphML's edges and weights" % what)


with tempfile.TemporaryDirectory() as tmp:
    T = lambda name: os.path.join(tmp, name)

    # the example: the GraphML, the evidence and the view of one run
    run("extract", CORPUS, "-o", T("net.graphml"), "-o", T("net.html"), "--evidence", T("ev.tsv"),
        "--title", "Example <corpus> & co", "-q")
    page, d = data_of(T("net.html"))
    g = nx.read_graphml(T("net.graphml"))
    same_as_graphml(d, g, "example")
    check(d["title"] == "Example <corpus> & co" and d["lang"] == "fr" and d["unit"] == "sentence",
          "example: title, lang and unit")
    check("<title>Example &lt;corpus&gt; &amp; co</title>" in page, "example: the page's title")
    check(d["columns"][:3] == ["type", "mentions", "documents"] and "pagerank" in d["columns"] and
          "x" not in d["columns"], "example: the columns shown %s" % d["columns"])
    # every edge's units: the first 5 of the evidence rows, the rest counted
    rows = collections.defaultdict(list)
    with open(T("ev.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            r = line.rstrip("\n").split("\t")
            rows[frozenset((r[0], r[1]))].append(r)
    ids = [n["id"] for n in d["nodes"]]
    for e in d["edges"]:
        pair = frozenset((ids[e["s"]], ids[e["t"]]))
        check(len(e["ev"]) == min(5, len(rows[pair])) and len(e["ev"]) + e["more"] == len(rows[pair]),
              "example: %s's units %d + %d, evidence %d" % (sorted(pair), len(e["ev"]), e["more"],
                                                           len(rows[pair])))
        for k, u in zip(e["ev"], rows[pair]):
            unit = d["units"][k]
            text = "".join(p[0] for p in unit["parts"])
            marked = [p[0] for p in unit["parts"] if p[1]]
            doc = d["docs"][unit["doc"]]["name"]
            check(doc == u[2] and text == u[9], "example: unit %d is the evidence row's (%s, %r / %r)"
                  % (k, doc, text, u[9]))
            check(1 <= len(marked) <= 2 and all(m in text for m in marked),
                  "example: unit %d marks %r" % (k, marked))
    check(sum(len(e["ev"]) for e in d["edges"]) == len(d["units"]), "example: every unit used once")
    # each actor's documents add up to its mentions
    for n in d["nodes"]:
        a = g.nodes[n["id"]]
        check(sum(c for _, c in n["docs"]) == a["mentions"] and len(n["docs"]) == a["documents"],
              "example: %s's documents %s" % (n["id"], n["docs"]))
    check([x["name"] for x in d["docs"]] == sorted(os.path.join(CORPUS, f) for f in os.listdir(CORPUS)
                                                   if f.endswith(".txt")), "example: the documents")
    aphm = [n for n in d["nodes"] if n["id"] == "org:ap-hm"]
    check(aphm and "APHM" in aphm[0]["aliases"], "example: AP-HM's aliases for the search")

    # the same network drawn again from its GraphML: no text behind it
    run("render", "-o", T("again.html"), T("net.graphml"))
    _, r = data_of(T("again.html"))
    same_as_graphml(r, g, "render")
    check(r["docs"] == [] and r["units"] == [] and r["unit"] is None and
          all(e["ev"] == [] and e["more"] == 0 for e in r["edges"]), "render: no documents nor units")

    # periods, the interface in English, 2 units a link, untrusted text
    run("extract", "--jsonl", "-g", os.path.join(VIEW, "gazetteer.tsv"),
        os.path.join(VIEW, "corpus.jsonl"), "--by-period", "month", "-o", T("p.graphml"),
        "-o", T("p.html"), "--html-evidence", "2", "--lang", "en", "-q")
    page, p = data_of(T("p.html"))
    check(p["lang"] == "en" and '<html lang="en">' in page, "periods: lang en")
    check(not os.path.exists(T("p.2024-01.html")), "periods: the view holds its periods")
    check([x["label"] for x in p["periods"]] == ["2024-01", "2024-02", "2024-03"], "periods: labels")
    ids = [n["id"] for n in p["nodes"]]
    for per in p["periods"]:
        pg = nx.read_graphml(T("p.%s.graphml" % per["label"]))
        got = {ids[i]: m for i, m in per["nodes"]}
        check(got == {v: a["mentions"] for v, a in pg.nodes(data=True)},
              "periods: %s's actors and mentions" % per["label"])
        got = {frozenset((ids[p["edges"][e]["s"]], ids[p["edges"][e]["t"]])): w for e, w in per["edges"]}
        check(got == {frozenset((u, v)): a["weight"] for u, v, a in pg.edges(data=True)},
              "periods: %s's edges and weights" % per["label"])
    check(max(len(e["ev"]) for e in p["edges"]) == 2 and any(e["more"] for e in p["edges"]),
          "periods: 2 units a link, the others counted")
    docs = {x["name"]: x for x in p["docs"]}
    check(docs["jan-1"]["date"] == "2024-01-05" and docs["jan-1"]["source"] == "La Gazette du test"
          and docs["jan-1"]["url"] == "https://example.org/jan-1", "periods: documents' metadata")
    # the hostile label and sentence are in the data, as text: nothing else
    # in the page opens a tag or closes the script
    data = DATA.search(page).group(1)
    check("<" not in data and ">" not in data and "&" not in data, "periods: data escaped")
    check(any(n["label"] == "<img src=x onerror=window.__pwned=1>" for n in p["nodes"]),
          "periods: the hostile label kept as text")
    check(any("</script><script>window.__pwned=1</script>" in "".join(x[0] for x in u["parts"])
              for u in p["units"]), "periods: the hostile sentence kept as text")
    check(page.count("</script>") == 2 and page.count("<script") == 2 and "<img" not in page,
          "periods: two scripts in the page, no other tag from the data")

    run("extract", CORPUS, "-o", T("x.html"), "--html-evidence", "0", "-q")
    _, z = data_of(T("x.html"))
    check(z["units"] == [] and sum(e["more"] for e in z["edges"]) == sum(len(v) for v in rows.values()),
          "--html-evidence 0: no units, all counted")
    p = run("extract", CORPUS, "-o", T("y.html"), "--lang", "de", expect=2)
    check(b"--lang" in p.stderr and not os.path.exists(T("y.html")), "--lang de refused")
    p = run("extract", CORPUS, "-o", T("z.htm"), expect=2)
    check(b".html" in p.stderr, "an unknown extension lists .html")

print("%d checks, %d failures" % (checks, failures))
sys.exit(1 if failures else 0)
