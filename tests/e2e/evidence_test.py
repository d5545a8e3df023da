#!/usr/bin/python3
"""Evidence, explain, JSON Lines corpora, periods and the bipartite graph
(SPEC §11), checked against the texts themselves and read back with networkx.

usage: evidence_test.py STAKEGRAPH SOURCE_DIR
"""
import collections
import json
import os
import subprocess
import sys
import tempfile

import networkx as nx

EXE, SRC = sys.argv[1], sys.argv[2]
CORPUS = os.path.join(SRC, "examples", "corpus")
JSONL = os.path.join(SRC, "examples", "corpus.jsonl")
failures = 0
checks = 0


def check(cond, what):
    global failures, checks
    checks += 1
    if not cond:
        failures += 1
        print("FAIL:", what)


def run(*args, stdin=None, expect=0):
    p = subprocess.run([EXE, *args], input=stdin, capture_output=True)
    if p.returncode != expect:
        print("FAIL: exit status %d (wanted %d): stakegraph %s\n%s" %
              (p.returncode, expect, " ".join(args), p.stderr.decode(errors="replace")))
        global failures
        failures += 1
    return p


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        return [dict(zip(head, line.rstrip("\n").split("\t"))) for line in f]


tmp = tempfile.mkdtemp(prefix="sg-evidence-")


def t(name):
    return os.path.join(tmp, name)


# --- evidence on the example corpus -----------------------------------------
run("extract", CORPUS, "-o", t("net.graphml"), "--evidence", t("ev.tsv"),
    "--mentions", t("m.tsv"), "-j", "1")
run("extract", CORPUS, "-o", t("net2.graphml"), "--evidence", t("ev.jsonl"), "-j", "2")
g = nx.read_graphml(t("net.graphml"))
rows = read_tsv(t("ev.tsv"))
check(list(rows[0].keys()) == ["source", "target", "doc", "start", "end", "source_start",
                               "source_end", "target_start", "target_end", "snippet"],
      "evidence TSV header")
# one row per edge and unit: the rows of a pair are its weight
per_pair = collections.Counter((r["source"], r["target"]) for r in rows)
check(sum(d["weight"] for _, _, d in g.edges(data=True)) == len(rows),
      "evidence rows = sum of edge weights")
for a, b, d in g.edges(data=True):
    key = (min(a, b), max(a, b))
    check(per_pair[key] == d["weight"], "rows of %s-%s = weight" % key)
    docs = sorted({r["doc"] for r in rows if (r["source"], r["target"]) == key})
    check(d["documents"] == len(docs), "documents of %s-%s" % key)
    # the first three document names, from the rows themselves
    check(d.get("first_documents") == " | ".join(docs[:3]),
          "first_documents of %s-%s: %r vs %r" % (key[0], key[1], d.get("first_documents"),
                                                 docs[:3]))
mentions = read_tsv(t("m.tsv"))
spans = {(m["doc"], int(m["start"]), int(m["end"])): m["id"] for m in mentions}
for r in rows:
    data = open(r["doc"], "rb").read()
    s, e = int(r["start"]), int(r["end"])
    ss, se, ts, te = (int(r[k]) for k in ("source_start", "source_end", "target_start",
                                          "target_end"))
    check(r["source"] < r["target"], "source < target in a row")
    check(0 <= s <= ss < se <= e <= len(data) and s <= ts < te <= e,
          "mention spans inside the unit span: %r" % r)
    # the spans are mentions of those actors (the --mentions file says so)
    check(spans.get((r["doc"], ss, se)) == r["source"] and
          spans.get((r["doc"], ts, te)) == r["target"], "row spans are the actors' mentions")
    unit = data[s:e].decode("utf-8")
    check(unit == unit.strip(), "unit span without surrounding white space")
    check(" ".join(unit.split()) == r["snippet"] or "\u2026" in r["snippet"],
          "snippet = the unit with its white space collapsed (or cut)")
    for a, b in ((ss, se), (ts, te)):
        check(" ".join(data[a:b].decode("utf-8").split()) in r["snippet"],
              "snippet holds both mentions")
# JSON Lines evidence: the same rows (and threads do not change them)
jrows = [json.loads(line) for line in open(t("ev.jsonl"), encoding="utf-8")]
check(len(jrows) == len(rows), "JSONL evidence: as many rows as TSV")
check(all(j["source"] == r["source"] and j["doc"] == r["doc"] and str(j["start"]) == r["start"]
          and j["snippet"] == r["snippet"] for j, r in zip(jrows, rows)),
      "JSONL evidence = TSV evidence")
check(open(t("net.graphml"), "rb").read() == open(t("net2.graphml"), "rb").read(),
      "--jobs 2 network = --jobs 1")

# long units: snippets are cut around both mentions, valid UTF-8, one line
long_doc = t("long.txt")
with open(long_doc, "w", encoding="utf-8") as f:
    f.write("Le CHU de Nice " + "et ainsi de suite, " * 60 + "avec l’AP-HM à Marseille.\n")
run("extract", long_doc, "--unit", "document", "--evidence", t("long.tsv"), "-o", t("l.graphml"))
lrows = read_tsv(t("long.tsv"))
check(len(lrows) >= 1, "rows for a long unit")
for r in lrows:
    check(len(r["snippet"].encode()) <= 400 and "\u2026" in r["snippet"], "long unit cut")
    data = open(long_doc, "rb").read()
    for a, b in ((int(r["source_start"]), int(r["source_end"])),
                 (int(r["target_start"]), int(r["target_end"]))):
        check(data[a:b].decode() in r["snippet"], "cut snippet keeps the mentions")

# a long name right after a short one, and a name inside another's span
gz = t("long.tsv.d")
os.makedirs(gz, exist_ok=True)
longname = "Grande " + " ".join(["Fondation"] * 60)
with open(os.path.join(gz, "g.tsv"), "w", encoding="utf-8") as f:
    f.write("id\tlabel\ttype\nc:alpha\tAlpha\torganisation\nc:long\t%s\torganisation\n"
            % longname)
doc2 = t("long2.txt")
with open(doc2, "w", encoding="utf-8") as f:
    f.write("Al Alpha " + longname + " fin " + "é" * 200 + ".\n")
run("extract", "-q", "-g", gz, doc2, "--evidence", t("long2.tsv"), "-o", t("l2.graphml"))
r2 = read_tsv(t("long2.tsv"))
check(len(r2) == 1 and "Alpha" in r2[0]["snippet"] and longname in r2[0]["snippet"]
      and r2[0]["snippet"].count("Alpha") == 1, "snippet of a long name after a short one")

# --- explain ------------------------------------------------------------------
strongest = max(g.edges(data=True), key=lambda e: (e[2]["weight"], e[0], e[1]))
a, b = sorted(strongest[:2])
p = run("explain", a, b, CORPUS)
out = p.stdout.decode("utf-8").splitlines()
pair_rows = [r for r in rows if (r["source"], r["target"]) == (a, b)]
check(out[0].endswith(": %d sentence%s in %d document%s" % (
    len(pair_rows), "s" if len(pair_rows) != 1 else "", len({r["doc"] for r in pair_rows}),
    "s" if len({r["doc"] for r in pair_rows}) != 1 else "")), "explain summary: " + out[0])
check(len(out) == 1 + len(pair_rows), "explain prints one line per unit")
for line, r in zip(out[1:], pair_rows):
    data = open(r["doc"], "rb").read()
    lineno = data[:int(r["start"])].count(b"\n") + 1
    check(line == "%s:%d: %s" % (r["doc"], lineno,
                                 " ".join(data[int(r["start"]):int(r["end"])].decode().split())),
          "explain line = the unit: " + line[:80])
# by name, in either order: the same
label_b = g.nodes[b]["label"]
p2 = run("explain", label_b, a, CORPUS)
check(p2.stdout == p.stdout, "explain by name and in the other order")
p3 = run("explain", "org:nope", a, CORPUS, expect=1)
check(b"org:nope" in p3.stderr and p3.stdout == b"", "explain: unknown actor")
run("explain", a, a, CORPUS, expect=1)
run("explain", a, CORPUS, expect=2)
p4 = run("explain", "-o", "x.graphml", a, b, CORPUS, expect=2)

# --- JSON Lines corpora -------------------------------------------------------
lines = open(JSONL, encoding="utf-8").read().splitlines()
docs = [json.loads(x) for x in lines]
check(len(docs) >= 10 and all("id" in d and "text" in d and "date" in d for d in docs),
      "the example JSONL corpus has dated documents")
bad = t("bad.jsonl")
with open(bad, "w", encoding="utf-8") as f:
    f.write(lines[0] + "\n{\"id\": \"x\", \"text\": \n\n[1]\n" + lines[1] + "\n"
            "{\"id\": \"y\"}\n{\"id\": \"z\", \"text\": \"Nice\", \"date\": \"hier\"}\n")
good = t("good.jsonl")
with open(good, "w", encoding="utf-8") as f:
    f.write(lines[0] + "\n" + lines[1] + "\n")
p = run("extract", "--jsonl", bad, "-o", t("bad.graphml"), expect=1)
err = p.stderr.decode()
for n in (2, 4, 6, 7):
    check(("%s:%d:" % (bad, n)) in err, "bad JSONL line %d named" % n)
check("%s:5:" % bad not in err and "%s:1:" % bad not in err, "good lines not reported")
run("extract", "--jsonl", good, "-o", t("good.graphml"))
check(open(t("bad.graphml"), "rb").read() == open(t("good.graphml"), "rb").read(),
      "the other lines are processed: the network of the good lines")
p = run("extract", "--jsonl", "-", "-o", t("stdin.graphml"), stdin=open(good, "rb").read())
check(open(t("stdin.graphml"), "rb").read() == open(t("good.graphml"), "rb").read(),
      "JSONL on standard input")
# document names are the ids
run("extract", "--jsonl", JSONL, "--mentions", t("jm.tsv"), "-o", t("j.graphml"))
check({m["doc"] for m in read_tsv(t("jm.tsv"))} <= {d["id"] for d in docs}, "names are ids")

# --- periods ------------------------------------------------------------------
run("extract", "--jsonl", JSONL, "--by-period", "year", "-o", t("y.graphml"),
    "-o", t("y.gexf"), "--no-layout")
years = sorted({d["date"][:4] for d in docs})
whole = nx.read_graphml(t("y.graphml"))
sum_w = collections.Counter()
sum_m = collections.Counter()
for y in years:
    path = t("y.%s.graphml" % y)
    check(os.path.exists(path), "one network per year: " + path)
    gy = nx.read_graphml(path)
    ydocs = [d for d in docs if d["date"][:4] == y]
    # the period's network is the network of its documents alone
    sub = t("sub-%s.jsonl" % y)
    with open(sub, "w", encoding="utf-8") as f:
        for d in ydocs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    run("extract", "--jsonl", sub, "-o", t("sub-%s.graphml" % y), "--no-layout")
    check(open(path, "rb").read() == open(t("sub-%s.graphml" % y), "rb").read(),
          "year %s = extraction of its documents alone" % y)
    for u, v, dd in gy.edges(data=True):
        sum_w[tuple(sorted((u, v)))] += dd["weight"]
    for n, dd in gy.nodes(data=True):
        sum_m[n] += dd["mentions"]
        check(whole.nodes[n]["label"] == dd["label"], "stable ids and labels")
check(all(sum_w[tuple(sorted((u, v)))] == dd["weight"] for u, v, dd in whole.edges(data=True)),
      "the periods add up to the whole network")
check(all(sum_m[n] == dd["mentions"] for n, dd in whole.nodes(data=True)), "mentions add up")
for y in years:
    check(not os.path.exists(t("y.%s.gexf" % y)), "GEXF holds the periods itself")
gx = nx.read_gexf(t("y.gexf"))
check(set(gx.nodes()) == set(whole.nodes()), "GEXF has the whole network's nodes")
run("extract", "--jsonl", JSONL, "--by-period", "year", "-f", "csv", "-o", t("tables"),
    "--no-layout")
for y in years:
    with open(os.path.join(t("tables.%s" % y), "edges.csv"), encoding="utf-8") as f:
        n_edges = sum(1 for _ in f) - 1
    check(n_edges == nx.read_graphml(t("y.%s.graphml" % y)).number_of_edges(),
          "CSV tables per period: tables.%s/edges.csv" % y)
run("extract", "--by-period", "year", CORPUS, "-o", t("x.graphml"), expect=2)
run("extract", "--jsonl", "--by-period", "year", JSONL, "-f", "pairs", "-o", t("x.pairs"),
    expect=2)
run("extract", "--jsonl", "--by-period", "week", JSONL, "-o", t("x.graphml"), expect=2)
run("extract", "--jsonl", "--by-period", "month", JSONL, "-o", t("mo.graphml"), "--no-layout")
months = sorted({d["date"][:7] for d in docs})
check(all(os.path.exists(t("mo.%s.graphml" % m)) for m in months), "one network per month")

# --- the actor-document graph -------------------------------------------------
run("extract", "--jsonl", JSONL, "--bipartite", t("bip.graphml"), "--mentions", t("bm.tsv"),
    "-o", t("b.graphml"))
bg = nx.read_graphml(t("bip.graphml"))
bm = read_tsv(t("bm.tsv"))
node_of = {d["document"]: n for n, d in bg.nodes(data=True) if d["bipartite"] == 1}
check(sorted(node_of) == sorted(d["id"] for d in docs if any(m["doc"] == d["id"] for m in bm)),
      "one node per document that mentions an actor")
check(sorted(node_of.values()) == ["doc:%02d" % (i + 1) for i in range(len(node_of))] and
      [node_of[k] for k in sorted(node_of)] == sorted(node_of.values()),
      "document nodes numbered in name order")
check(all(bg.nodes[n]["type"] == "document" for n in node_of.values()), "document nodes' type")
per = collections.Counter((m["doc"], m["id"]) for m in bm)
check(bg.number_of_edges() == len(per), "one edge per document and actor")
for (doc, actor), n in per.items():
    check(bg.has_edge(node_of[doc], actor) and bg[node_of[doc]][actor]["weight"] == n,
          "edge weight = mentions of %s in %s" % (actor, doc))
check(nx.is_bipartite(bg), "it is bipartite")
first = docs[0]
check(bg.nodes[node_of[first["id"]]].get("source") == first.get("source") and
      bg.nodes[node_of[first["id"]]].get("date") == first.get("date"),
      "document metadata on its node")
# odd names and metadata keys: still valid GraphML (ids and attr.name are NMTOKENs),
# Gephi's reserved names kept for their meaning
odd = t("odd.jsonl")
with open(odd, "w", encoding="utf-8") as f:
    f.write(json.dumps({"id": "mes articles/a 1.txt", "text": "L’ARS Paca et l’AP-HM.",
                        "my key": "v", "é<&>": "w", "": "e", "color": "red", "x": "left",
                        "weight": 3}) + "\n")
    f.write(json.dumps({"id": "b", "text": "L’ARS Paca et l’AP-HM.",
                        "date": "2024-02-29"}) + "\n")
run("extract", "--jsonl", odd, "--bipartite", t("odd.graphml"), "-o", t("o.graphml"))
x = subprocess.run([sys.executable, os.path.join(SRC, "tests", "checks", "check_graphml.py"),
                    t("odd.graphml")], capture_output=True)
check(x.returncode == 0, "bipartite GraphML valid (check_graphml.py): " + x.stdout.decode()[-300:])
ob = nx.read_graphml(t("odd.graphml"))
attrs = {k for _, d in ob.nodes(data=True) for k in d}
check({"my_key", "_____", "meta_", "meta_color", "meta_x", "meta_weight"} <= attrs and
      not {"color", "x"} & attrs, "metadata keys made attribute names: %s" % sorted(attrs))
p = run("extract", "--jsonl", "-", "-o", t("d.graphml"), expect=1,
        stdin=b'{"id": "d", "text": "Nice", "date": "2023-02-29"}\n'
              b'{"id": "a\\u0000b", "text": "Nice"}\n')
check(b"-:1:" in p.stderr.replace(b"<stdin>", b"-") and b"-:2:" in p.stderr.replace(b"<stdin>", b"-"),
      "29 February 2023 and a NUL in an id are refused")
run("extract", CORPUS, "--bipartite", t("bip.svg"), expect=2)

print("%d checks, %d failures" % (checks, failures))
sys.exit(1 if failures else 0)
