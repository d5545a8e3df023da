#!/usr/bin/python3
"""A large actor network as GraphML, for timing `stakegraph stats` and `render`
(issue 16): N nodes, about M edges, a preferential-attachment graph (heavy-tailed
degrees, as co-occurrence networks have) with communities, integer weights
(mostly 1, a few large), in the columns stakegraph writes (label, type,
mentions, documents; weight, documents). Deterministic for a seed.

usage: gen_graph.py N M OUT.graphml [SEED]
"""
import random
import sys


def main(n, m, out, seed=1):
    rnd = random.Random(seed)
    per = max(1, m // n)  # edges each new node brings
    ncomm = max(2, n // 400)
    comm = [rnd.randrange(ncomm) for _ in range(n)]
    members = [[] for _ in range(ncomm)]
    ends = []  # every edge end so far: picking from it is preferential attachment
    edges = {}
    for v in range(n):
        members[comm[v]].append(v)
        for _ in range(per if v > per else v):
            # mostly inside the node's community, sometimes anywhere
            if rnd.random() < 0.7 and len(members[comm[v]]) > 1:
                u = rnd.choice(members[comm[v]])
            else:
                u = rnd.choice(ends) if ends else 0
            if u == v:
                continue
            a, b = (u, v) if u < v else (v, u)
            w = 1 if rnd.random() < 0.7 else int(rnd.paretovariate(1.5))
            edges[(a, b)] = edges.get((a, b), 0) + w
            ends += (u, v)
    types = ["organisation", "person", "place"]
    with open(out, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
                '<key id="d0" for="node" attr.name="label" attr.type="string"/>\n'
                '<key id="d1" for="node" attr.name="type" attr.type="string"/>\n'
                '<key id="d2" for="node" attr.name="mentions" attr.type="long"/>\n'
                '<key id="d3" for="node" attr.name="documents" attr.type="long"/>\n'
                '<key id="d4" for="edge" attr.name="weight" attr.type="double"/>\n'
                '<key id="d5" for="edge" attr.name="documents" attr.type="long"/>\n'
                '<graph id="G" edgedefault="undirected">\n')
        deg = [0] * n
        for (a, b), w in edges.items():
            deg[a] += w
            deg[b] += w
        for v in range(n):
            f.write(f'<node id="a{v}"><data key="d0">Acteur {v}</data>'
                    f'<data key="d1">{types[v % 3]}</data><data key="d2">{deg[v] + 1}</data>'
                    f'<data key="d3">{deg[v] // 2 + 1}</data></node>\n')
        for (a, b), w in edges.items():
            f.write(f'<edge source="a{a}" target="a{b}"><data key="d4">{w}</data>'
                    f'<data key="d5">{max(1, w // 2)}</data></edge>\n')
        f.write('</graph>\n</graphml>\n')
    print(f"{out}: {n} nodes, {len(edges)} edges", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4]) if len(sys.argv) == 5 else 1)
