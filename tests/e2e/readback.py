#!/usr/bin/python3
"""Reads a stakegraph GraphML back with networkx and python-igraph and checks
that both readers see the same graph, and that it agrees with the mentions TSV
of the same run.  usage: readback.py GRAPHML MENTIONS.tsv"""
import collections, csv, sys

import igraph as ig
import networkx as nx

path, mentions = sys.argv[1], sys.argv[2]
G = nx.read_graphml(path)
H = ig.Graph.Read_GraphML(path)
problems = []
if G.is_directed() or H.is_directed():
    problems.append("graph read as directed")
if sorted(G.nodes) != sorted(H.vs["id"]):
    problems.append("networkx and igraph disagree on node ids")
for v in H.vs:
    d = G.nodes[v["id"]]
    for attr in ("label", "name", "type", "mentions", "documents"):
        if d.get(attr) != v[attr]:
            problems.append(f"{v['id']}: {attr} networkx={d.get(attr)!r} igraph={v[attr]!r}")
    if d["label"] != d["name"]:
        problems.append(f"{v['id']}: label != name")
for e in H.es:
    a, b = H.vs[e.source]["id"], H.vs[e.target]["id"]
    d = G.edges[a, b]
    if d["weight"] != e["weight"] or d["documents"] != e["documents"]:
        problems.append(f"edge {a}-{b}: networkx {d} igraph {e.attributes()}")
    if not (d["weight"] > 0 and 1 <= d["documents"] <= d["weight"]):
        problems.append(f"edge {a}-{b}: weight {d['weight']} documents {d['documents']}")

# The graph's nodes are exactly the entities of the mentions, with their counts.
count, docs = collections.Counter(), collections.defaultdict(set)
with open(mentions, encoding="utf-8") as f:
    rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
if rows[0] != ["doc", "start", "end", "id", "type", "text", "match"]:
    problems.append(f"mentions header {rows[0]}")
for doc, start, end, eid, typ, text, match in rows[1:]:
    if match not in ("exact", "folded", "variant", "acronym", "surname", "fuzzy", "pattern", "short"):
        problems.append(f"{doc}:{start}: match {match!r}")
    count[eid] += 1
    docs[eid].add(doc)
    if G.nodes[eid]["type"] != typ:
        problems.append(f"{eid}: type {typ} in mentions")
if set(count) != set(G.nodes):
    problems.append(f"nodes {sorted(set(G.nodes) ^ set(count))} differ from the mentions")
for eid in count:
    if G.nodes[eid]["mentions"] != count[eid] or G.nodes[eid]["documents"] != len(docs[eid]):
        problems.append(f"{eid}: mentions/documents do not match the TSV")
for p in problems:
    print(p)
if problems:
    sys.exit(1)
print(f"readback ok: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, {len(rows) - 1} mentions")
