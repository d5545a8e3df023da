#!/usr/bin/python3
"""End-to-end checks of the network analysis attributes (SPEC §9).

usage: /usr/bin/python3 analysis_test.py STAKEGRAPH_BINARY SOURCE_DIR

Runs `stakegraph extract` on SOURCE_DIR/examples/corpus and recomputes every
analysis attribute with python-igraph and networkx (the readers of SPEC §6):
node degree, strength, betweenness, pagerank, eigenvector, component and
community; edge jaccard, association, npmi and backbone_alpha; the backbone
filter; determinism (same bytes whatever the run, seed option or input
order); schema and checker validity; and that --no-analyse leaves the
attributes out.  Prints one line per check, then `N passed, M failed`, and
exits 1 if any check failed.
"""
import glob
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile

import igraph as ig
import networkx as nx
import numpy

NODE_KEYS = ("degree", "strength", "betweenness", "pagerank", "eigenvector", "community",
             "component")
EDGE_KEYS = ("jaccard", "association", "npmi", "backbone_alpha")
# Layout and colours are only written with the analysis (x, y, size, r, g, b).
LAYOUT_KEYS = ("x", "y", "size", "r", "g", "b")

results = []


def check(name, ok, detail=""):
    results.append(bool(ok))
    line = ("PASS " if ok else "FAIL ") + name
    if detail and not ok:
        line += ": " + detail
    print(line, flush=True)
    return ok


def close(a, b, rel, abs_tol=1e-9):
    return math.isclose(a, b, rel_tol=rel, abs_tol=abs_tol)


def compare(values, ref, rel, abs_tol=1e-9, names=None):
    """Returns '' when the two sequences agree, else a description of the worst gaps."""
    if len(values) != len(ref):
        return f"{len(values)} values, {len(ref)} expected"
    bad = [i for i, (a, b) in enumerate(zip(values, ref))
           if a is None or b is None or not close(float(a), float(b), rel, abs_tol)]
    if not bad:
        return ""
    shown = ", ".join(f"{names[i] if names else i}: file {values[i]!r} ref {ref[i]!r}"
                      for i in bad[:4])
    return f"{len(bad)} of {len(values)} differ ({shown})"


class Run:
    def __init__(self, binary, tmp):
        self.binary, self.tmp, self.n = binary, tmp, 0

    def extract(self, inputs, *opts, name=None):
        """Runs extract and returns the output path, or None (with a failed check)."""
        self.n += 1
        out = os.path.join(self.tmp, name or f"run{self.n}.graphml")
        cmd = [self.binary, "extract", "-q", *opts, "-o", out, *inputs]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0 or not os.path.exists(out):
            check(f"extract {' '.join(opts)} exits 0", False,
                  f"exit {r.returncode}: {r.stderr.strip()[:300]}")
            return None
        return out


def read(path):
    """The graph as python-igraph reads it, with networkx's view beside it."""
    H = ig.Graph.Read_GraphML(path)
    G = nx.read_graphml(path)
    return H, G


def ids(H):
    return list(H.vs["id"])


def edge_pairs(H):
    v = H.vs["id"]
    return [tuple(sorted((v[e.source], v[e.target]))) for e in H.es]


def numbering_rule(membership):
    """Expected labels: groups by decreasing size, ties by first node in file order."""
    first, size = {}, {}
    for i, c in enumerate(membership):
        first.setdefault(c, i)
        size[c] = size.get(c, 0) + 1
    order = sorted(size, key=lambda c: (-size[c], first[c]))
    rank = {c: r for r, c in enumerate(order)}
    return [rank[c] for c in membership]


def as_partition(membership):
    groups = {}
    for i, c in enumerate(membership):
        groups.setdefault(c, set()).add(i)
    return sorted(sorted(g) for g in groups.values())


def check_partition(label, H, attr):
    """Checks that the attribute is a numbered partition (0..k-1, all used) that
    follows the numbering rule; returns the membership or None."""
    memb = H.vs[attr] if attr in H.vs.attributes() else None
    if memb is None or any(x is None or float(x) != int(x) for x in memb):
        check(f"{label}: {attr} is an integer on every node", False, f"values {memb!r:.200}")
        return None
    memb = [int(x) for x in memb]
    k = max(memb) + 1 if memb else 0
    check(f"{label}: {attr} numbers 0..{k - 1} all used", sorted(set(memb)) == list(range(k)),
          f"labels {sorted(set(memb))}")
    want = numbering_rule(memb)
    bad = [H.vs[i]["id"] for i in range(len(memb)) if memb[i] != want[i]]
    check(f"{label}: {attr} numbered by decreasing size, ties by first node",
          not bad, f"{len(bad)} nodes misnumbered, e.g. {bad[:3]}")
    return memb


def check_node_measures(label, H, G, full=True):
    names = ids(H)
    w = H.es["weight"]
    check(f"{label}: all weights finite and > 0", all(math.isfinite(x) and x > 0 for x in w))
    check(f"{label}: degree = igraph degree",
          not compare(H.vs["degree"], H.degree(), 0, 0, names),
          compare(H.vs["degree"], H.degree(), 0, 0, names))
    s = H.strength(weights="weight")
    d = compare(H.vs["strength"], s, 1e-9, 1e-12, names)
    check(f"{label}: strength = igraph strength", not d, d)
    if not full:
        return
    nxs = [sum(a.get("weight") for _, _, a in G.edges(n, data=True)) for n in names]
    d = compare(H.vs["strength"], nxs, 1e-9, 1e-12, names)
    check(f"{label}: strength = networkx weighted degree", not d, d)

    dist = [1.0 / x for x in w]
    b = H.betweenness(weights=dist, directed=False)
    d = compare(H.vs["betweenness"], b, 1e-6, 1e-9, names)
    check(f"{label}: betweenness = igraph betweenness(1/weight)", not d, d)
    for a, bb, attrs in G.edges(data=True):
        attrs["dist"] = 1.0 / attrs["weight"]
    nb = nx.betweenness_centrality(G, weight="dist", normalized=False)
    d = compare(H.vs["betweenness"], [nb[n] for n in names], 1e-6, 1e-9, names)
    check(f"{label}: betweenness = networkx betweenness_centrality(1/weight)", not d, d)

    pr = H.pagerank(weights="weight", damping=0.85)
    d = compare(H.vs["pagerank"], pr, 1e-6, 1e-9, names)
    check(f"{label}: pagerank = igraph pagerank (PRPACK, 0.85, weighted)", not d, d)
    npr = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-12, max_iter=10000)
    d = compare(H.vs["pagerank"], [npr[n] for n in names], 1e-4, 1e-7, names)
    check(f"{label}: pagerank = networkx pagerank", not d, d)
    check(f"{label}: pagerank sums to 1", close(sum(H.vs["pagerank"]), 1.0, 1e-9),
          f"sum {sum(H.vs['pagerank'])}")

    # When the largest eigenvalue of the weighted adjacency matrix is repeated
    # (e.g. two identical components), the leading eigenvector is not unique and
    # igraph may return any of them: check the eigen equation instead.
    A = numpy.array(H.get_adjacency(attribute="weight").data, dtype=float) \
        if H.ecount() else numpy.zeros((H.vcount(), H.vcount()))
    lam = sorted(numpy.linalg.eigvalsh(A)) if H.vcount() else [0.0]
    x = numpy.array(H.vs["eigenvector"], dtype=float)
    if len(lam) > 1 and lam[-1] - lam[-2] <= 1e-9 * max(1.0, abs(lam[-1])):
        gap = float(numpy.max(numpy.abs(A @ x - lam[-1] * x))) if H.vcount() else 0.0
        check(f"{label}: eigenvector is a leading eigenvector (largest eigenvalue "
              f"{lam[-1]:.4g} repeated, so not unique)",
              gap <= 1e-6 * max(1.0, lam[-1]) and x.min() >= 0, f"|Ax - lambda x| = {gap:.3g}")
    else:
        ev = H.eigenvector_centrality(weights="weight", scale=True, directed=False)
        d = compare(H.vs["eigenvector"], ev, 1e-4, 1e-6, names)
        check(f"{label}: eigenvector = igraph eigenvector_centrality(scale=True)", not d, d)
    check(f"{label}: eigenvector maximum is 1",
          close(max(H.vs["eigenvector"]), 1.0, 1e-9) if H.ecount() else True,
          f"max {max(H.vs['eigenvector'])}")


def check_components(label, H):
    memb = check_partition(label, H, "component")
    if memb is None:
        return None
    ref = H.connected_components().membership
    check(f"{label}: component = igraph connected components (as partitions)",
          as_partition(memb) == as_partition(ref),
          f"{max(memb) + 1} components in the file, {max(ref) + 1} from igraph; "
          f"{len([g for g in as_partition(memb) if g not in as_partition(ref)])} file groups "
          f"are not igraph components")
    ncc = nx.number_connected_components(nx.read_graphml(label_path[label]))
    check(f"{label}: component count = networkx's", max(memb) + 1 == ncc,
          f"{max(memb) + 1} vs {ncc}")
    return memb


def best_multilevel(H, runs=10):
    best = -1.0
    state = random.getstate()
    for i in range(runs):
        random.seed(i + 1)
        c = H.community_multilevel(weights="weight")
        best = max(best, H.modularity(c.membership, weights="weight"))
    random.setstate(state)
    return best


def check_communities(label, H, comp):
    memb = check_partition(label, H, "community")
    if memb is None:
        return None
    if H.ecount() == 0:
        return memb
    q = H.modularity(memb, weights="weight")
    best = best_multilevel(H)
    check(f"{label}: community modularity {q:.4f} >= python-igraph Louvain best {best:.4f} - 0.03",
          q >= best - 0.03)
    if comp is not None:
        inside = all(len({comp[i] for i in g}) == 1 for g in as_partition(memb))
        check(f"{label}: every community lies within one component", inside)
    return memb


def check_edge_measures(label, H, nunits=None):
    """jaccard, association, backbone_alpha (and npmi when the unit count is known)."""
    names = [f"{a}--{b}" for a, b in edge_pairs(H)]
    units = [float(u) for u in H.vs["units"]]
    s = H.strength(weights="weight")
    k = H.degree()
    W = sum(H.es["weight"])
    jac, assoc, alpha, npmi = [], [], [], []
    for e in H.es:
        a, b, c = e.source, e.target, e["weight"]
        fa, fb = units[a], units[b]
        jac.append(c / (fa + fb - c) if fa + fb - c > 0 else 0.0)
        assoc.append(c * 2 * W / (s[a] * s[b]))

        def disp(x):
            return (1 - min(c / s[x], 1.0)) ** (k[x] - 1) if k[x] > 1 else 1.0
        alpha.append(min(disp(a), disp(b)))
        if nunits:
            pab, pa, pb = c / nunits, fa / nunits, fb / nunits
            npmi.append(1.0 if pab >= 1 else math.log(pab / (pa * pb)) / -math.log(pab))
    check(f"{label}: every node has units >= 1", all(u >= 1 for u in units))
    check(f"{label}: every edge weight <= units of both ends",
          all(e["weight"] <= min(units[e.source], units[e.target]) for e in H.es))
    for attr, ref, rel in (("jaccard", jac, 1e-9), ("association", assoc, 1e-9),
                           ("backbone_alpha", alpha, 1e-9)):
        d = compare(H.es[attr], ref, rel, 1e-12, names)
        check(f"{label}: edge {attr} = formula", not d, d)
    check(f"{label}: jaccard in (0, 1]", all(0 < x <= 1 for x in H.es["jaccard"]))
    check(f"{label}: backbone_alpha in [0, 1]", all(0 <= x <= 1 for x in H.es["backbone_alpha"]))
    check(f"{label}: npmi in [-1, 1]", all(-1 - 1e-12 <= x <= 1 + 1e-12 for x in H.es["npmi"]))
    if nunits:
        d = compare(H.es["npmi"], npmi, 1e-9, 1e-12, names)
        check(f"{label}: edge npmi = formula with N = {nunits} units", not d, d)


label_path = {}


def check_helper_process(binary, tmp):
    """A sampled betweenness's second process is the helper that stats forks
    before it reads its input, not a fork of the large process during the
    analysis (seen with strace: no process started after the file is opened)."""
    strace = shutil.which("strace")
    if not strace:
        print("SKIP helper process: strace is not installed")
        return
    rnd = random.Random(5)
    G = nx.Graph()
    G.add_nodes_from(f"a{i}" for i in range(2000))
    while G.number_of_edges() < 30000:  # 2,000 x 32,000 > 5e7: sampled
        a, b = rnd.randrange(2000), rnd.randrange(2000)
        if a != b:
            G.add_edge(f"a{a}", f"a{b}", weight=float(rnd.randint(1, 5)))
    path = os.path.join(tmp, "sampled.graphml")
    nx.write_graphml(G, path)
    log = os.path.join(tmp, "strace.log")
    out = os.path.join(tmp, "sampled-out.graphml")
    # (LeakSanitizer cannot run under ptrace: an ASan build leaves it out of
    # this run, and checks memory errors still)
    env = dict(os.environ)
    env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS"), "detect_leaks=0"]))
    r = subprocess.run([strace, "-f", "-qq", "-o", log, "-e",
                        "trace=clone,clone3,fork,vfork,openat", binary, "stats", path, "-o", out],
                       capture_output=True, text=True, env=env)
    if not check("helper process: stats ran under strace", r.returncode == 0, r.stderr[-300:]):
        return
    with open(out, encoding="utf-8") as f:
        check("helper process: the betweenness was sampled", "sampled: " in f.read())
    opened, before, after = False, 0, 0
    for line in open(log, encoding="utf-8", errors="replace"):
        if "openat(" in line and path in line:
            opened = True
        # a process (not a thread: no CLONE_THREAD) started by any of them
        if (("clone(" in line or "clone3(" in line or "fork(" in line)
                and "CLONE_THREAD" not in line and "resumed>" not in line):
            if opened:
                after += 1
            else:
                before += 1
    check("helper process: one process started before the input is read, none after",
          opened and before == 1 and after == 0,
          f"opened {opened}, processes before {before}, after {after}")


def main(binary, source):
    corpus = os.path.join(source, "examples", "corpus")
    txts = sorted(glob.glob(os.path.join(corpus, "**", "*.txt"), recursive=True))
    checker = os.path.join(source, "tests", "checks", "check_graphml.py")
    with tempfile.TemporaryDirectory(prefix="sg-analysis-") as tmp:
        run = Run(binary, tmp)
        check(f"corpus has *.txt documents ({len(txts)})", len(txts) > 0)

        # 1. Node measures, components, communities (sentence unit).
        full = run.extract([corpus], name="full.graphml")
        if full is None:
            return
        label_path["sentence"] = full
        H, G = read(full)
        check("sentence: networkx and igraph read the same nodes and edges",
              list(G.nodes) == ids(H) and G.number_of_edges() == H.ecount()
              and sorted(tuple(sorted(e)) for e in G.edges) == sorted(edge_pairs(H)))
        check("sentence: graph has edges and more than one component",
              H.ecount() > 0 and len(H.connected_components()) > 1,
              f"{H.ecount()} edges, {len(H.connected_components())} components")
        missing = [a for a in NODE_KEYS + ("units",) if a not in H.vs.attributes()]
        missing += [a for a in EDGE_KEYS if a not in H.es.attributes()]
        check("sentence: all analysis attributes present", not missing, f"missing {missing}")
        if missing:
            return
        check_node_measures("sentence", H, G)
        comp = check_components("sentence", H)
        check_communities("sentence", H, comp)

        # 2. Edge measures, for several units; npmi where N is known (documents).
        check_edge_measures("sentence", H)
        docs = run.extract([corpus], "--unit", "document", name="document.graphml")
        if docs:
            label_path["document"] = docs
            Hd, Gd = read(docs)
            check("document: units = documents on every node",
                  Hd.vs["units"] == Hd.vs["documents"])
            check("document: edge weight = edge documents",
                  Hd.es["weight"] == [float(x) for x in Hd.es["documents"]])
            check(f"document: no node in more than {len(txts)} units",
                  max(Hd.vs["units"]) <= len(txts))
            check_edge_measures("document", Hd, nunits=len(txts))
            check_node_measures("document", Hd, Gd)
            c = check_components("document", Hd)
            check_communities("document", Hd, c)
        for unit in ("paragraph", "window:12"):
            p = run.extract([corpus], "--unit", unit, name=unit.replace(":", "") + ".graphml")
            if p:
                label_path[unit] = p
                Hu, Gu = read(p)
                check_edge_measures(unit, Hu)
                check_node_measures(unit, Hu, Gu)

        # 3. Determinism.
        data = open(full, "rb").read()
        again = run.extract([corpus], name="again.graphml")
        check("determinism: two runs give byte-identical GraphML",
              again and open(again, "rb").read() == data)
        seed1 = run.extract([corpus], "--seed", "1", name="seed1.graphml")
        check("determinism: --seed 1 is the default",
              seed1 and open(seed1, "rb").read() == data)
        rev = run.extract([os.path.join(corpus, os.path.relpath(t, corpus)) for t in reversed(txts)],
                          name="reversed.graphml")
        check("determinism: inputs in reverse order give byte-identical GraphML",
              rev and open(rev, "rb").read() == data)
        for seed in ("7", "4294967295"):
            other = run.extract([corpus], "--seed", seed, name=f"seed{seed}.graphml")
            if other:
                label = f"seed {seed}"
                label_path[label] = other
                Ho, _ = read(other)
                check(f"{label}: same nodes, edges and node measures except community",
                      ids(Ho) == ids(H) and edge_pairs(Ho) == edge_pairs(H)
                      and all(Ho.vs[a] == H.vs[a] for a in NODE_KEYS if a != "community")
                      and all(Ho.es[a] == H.es[a] for a in EDGE_KEYS + ("weight",)))
                check_communities(label, Ho, comp)
                again = run.extract([corpus], "--seed", seed, name=f"seed{seed}b.graphml")
                check(f"{label}: two runs give byte-identical GraphML",
                      again and open(again, "rb").read() == open(other, "rb").read())

        # 4. Backbone.
        full_alpha = dict(zip(edge_pairs(H), H.es["backbone_alpha"]))
        full_edges = {p: e.attributes() for p, e in zip(edge_pairs(H), H.es)}
        for alpha in ("0.5", "0.4", "0.3"):
            a = float(alpha)
            p = run.extract([corpus], "--backbone", alpha, name=f"backbone{alpha}.graphml")
            if not p:
                continue
            label = f"backbone {alpha}"
            label_path[label] = p
            Hb, Gb = read(p)
            want = sorted(pr for pr, x in full_alpha.items() if x < a)
            got = sorted(edge_pairs(Hb))
            check(f"{label}: kept edges are those with backbone_alpha < {alpha} "
                  f"({len(got)} of {len(full_alpha)})", got == want,
                  f"extra {sorted(set(got) - set(want))[:3]}, missing {sorted(set(want) - set(got))[:3]}")
            check(f"{label}: filter keeps some edges and drops some",
                  0 < len(want) < len(full_alpha), f"{len(want)} of {len(full_alpha)}")
            check(f"{label}: all nodes kept, in the same order", ids(Hb) == ids(H))
            same = all(full_edges[pr][k] == e[k] for pr, e in zip(edge_pairs(Hb), Hb.es)
                       for k in ("weight", "documents") + EDGE_KEYS if pr in full_edges)
            check(f"{label}: kept edges keep the full graph's weight and edge measures", same)
            check(f"{label}: units unchanged", Hb.vs["units"] == H.vs["units"])
            check_node_measures(label, Hb, Gb)
            c = check_components(label, Hb)
            check_communities(label, Hb, c)

        # 5. Validity for the readers.
        for label in ("sentence", "document", "backbone 0.5"):
            p = label_path.get(label)
            if not p:
                continue
            # tests/checks/check_graphml.py: the GraphML format and stakegraph's promises
            r = subprocess.run([sys.executable, checker, p], capture_output=True, text=True)
            check(f"{label}: check_graphml.py accepts the file", r.returncode == 0,
                  (r.stdout + r.stderr).strip()[:400])

        # 6. The sampled betweenness's second process.
        check_helper_process(binary, tmp)

        # 7. --no-analyse.
        na = run.extract([corpus], "--no-analyse", name="noanalyse.graphml")
        if na:
            Hn, _ = read(na)
            there = [a for a in NODE_KEYS + LAYOUT_KEYS if a in Hn.vs.attributes()]
            there += [a for a in EDGE_KEYS if a in Hn.es.attributes()]
            check("no-analyse: no analysis attribute in the GraphML", not there, f"found {there}")
            check("no-analyse: same nodes, edges and weights",
                  ids(Hn) == ids(H) and edge_pairs(Hn) == edge_pairs(H)
                  and Hn.es["weight"] == H.es["weight"])


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: analysis_test.py STAKEGRAPH_BINARY SOURCE_DIR")
    try:
        main(os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]))
    except Exception as exc:  # a crash is a failure, with its reason on the line
        import traceback
        traceback.print_exc()
        check("test ran to completion", False, f"{type(exc).__name__}: {exc}")
    passed, failed = results.count(True), results.count(False)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed or not results else 0)
