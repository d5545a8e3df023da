#!/usr/bin/python3
"""How far the sampled betweenness (issue 16) is from the exact one, on
generated networks where both run: for each size, `stakegraph stats --exact
-o` and `stakegraph stats -o` on the same GraphML (gen_graph.py), then the
rank correlation over all nodes (Spearman), the overlap of the top 10 and
top 50, and the relative error of the top 50 nodes' values; with the times.

usage: betweenness_error.py STAKEGRAPH [N:M]...   (default 5000:20000 10000:40000)
Prints a Markdown table.
"""
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
NS = "{http://graphml.graphdrawing.org/xmlns}"


def betweenness(path):
    root = ET.parse(path).getroot()
    key = [k.get("id") for k in root.findall(NS + "key")
           if k.get("attr.name") == "betweenness" and k.get("for") == "node"][0]
    out = {}
    for n in root.find(NS + "graph").findall(NS + "node"):
        for d in n.findall(NS + "data"):
            if d.get("key") == key:
                out[n.get("id")] = float(d.text)
    return out


def ranks(values, ids):
    order = sorted(ids, key=lambda i: values[i])
    r, k = {}, 0
    while k < len(order):  # ties share their mean rank
        j = k
        while j + 1 < len(order) and values[order[j + 1]] == values[order[k]]:
            j += 1
        for t in range(k, j + 1):
            r[order[t]] = (k + j) / 2.0
        k = j + 1
    return r


def spearman(a, b):
    ids = sorted(a)
    ra, rb = ranks(a, ids), ranks(b, ids)
    n = len(ids)
    ma, mb = sum(ra.values()) / n, sum(rb.values()) / n
    cov = sum((ra[i] - ma) * (rb[i] - mb) for i in ids)
    va = sum((ra[i] - ma) ** 2 for i in ids) ** 0.5
    vb = sum((rb[i] - mb) ** 2 for i in ids) ** 0.5
    return cov / (va * vb) if va and vb else 1.0


def timed(cmd):
    t = time.monotonic()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - t


def main(exe, sizes):
    print("| nodes | edges | exact (s) | sampled (s) | sources | Spearman | top 10 | top 50 "
          "| top-50 median rel. error | top-50 max rel. error |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for n, m in sizes:
            g = os.path.join(tmp, f"g{n}.graphml")
            subprocess.run([sys.executable, os.path.join(HERE, "gen_graph.py"), str(n), str(m), g],
                           check=True, stderr=subprocess.DEVNULL)
            ex, sa = os.path.join(tmp, "exact.graphml"), os.path.join(tmp, "sampled.graphml")
            te = timed([exe, "stats", "--exact", "-o", ex, g])
            ts = timed([exe, "stats", "-o", sa, g])
            a, b = betweenness(ex), betweenness(sa)
            top = lambda v, k: set(sorted(v, key=lambda i: (-v[i], i))[:k])
            t50 = sorted(a, key=lambda i: (-a[i], i))[:50]
            errs = sorted(abs(b[i] - a[i]) / a[i] for i in t50 if a[i] > 0)
            sources = ""
            root = ET.parse(sa).getroot()
            for d in root.find(NS + "graph").findall(NS + "data"):
                sources = d.text.split(" sources")[0].replace("sampled: ", "")
            print(f"| {n:,} | {sum(1 for _ in ET.parse(g).getroot().iter(NS + 'edge')):,} "
                  f"| {te:.1f} | {ts:.1f} | {sources or 'all (exact)'} | {spearman(a, b):.4f} "
                  f"| {len(top(a, 10) & top(b, 10))}/10 | {len(top(a, 50) & top(b, 50))}/50 "
                  f"| {errs[len(errs) // 2]:.3f} | {errs[-1]:.3f} |", flush=True)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sizes = [tuple(int(x) for x in s.split(":")) for s in sys.argv[2:]] or [(5000, 20000),
                                                                          (10000, 40000)]
    main(sys.argv[1], sizes)
