#!/usr/bin/python3
"""How the sampled betweenness (issue 16) depends on its number of sources, on one
network: the share of every source is computed once (igraph's
igraph_betweenness_subset from that one source, lengths 1/weight, undirected:
the exact betweenness is their sum; a small C program built here with cc and
pkg-config's igraph, python-igraph 0.10.2 having no sources), then each sample is the sum of the shares of the
sources that stakegraph's own draw gives for a seed (splitmix64, a partial
Fisher-Yates shuffle, analysis.c), scaled by n/k. For each number of sources:
the rank correlation over all actors (Spearman), the overlap of the top 10 and
top 50, and the relative error of the top 10, for seed 1 (stakegraph's
default), then the lowest and the median over the seeds.

usage: betweenness_sources.py GRAPHML [K,K,...] [SEEDS]
       (default 100,165,250,330,660,1320,2800 and 10 seeds)
The network's n x n shares are held in memory (n = 5,604: 250 MB, about a
minute). The GraphML is one stakegraph wrote (`extract --no-analyse -o`), so
that its node order is the program's. Prints a Markdown table.
"""
import os
import subprocess
import sys
import tempfile

import igraph
import numpy as np
from scipy.stats import spearmanr

MASK = (1 << 64) - 1


def draw(seed, n, k):
    """The sources stakegraph draws (analysis.c: sample_start), sorted."""
    state, src = seed, list(range(n))
    for i in range(k):
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z ^= z >> 31
        j = i + z % (n - i)
        src[i], src[j] = src[j], src[i]
    return sorted(src[:k])


SHARES_C = r"""
#include <igraph.h>
#include <stdio.h>
int main(int argc, char **argv) { /* EDGES N OUT: n rows of n doubles */
    FILE *f = fopen(argv[1], "r"), *o = fopen(argv[3], "wb");
    igraph_integer_t n = atol(argv[2]), a, b;
    double w;
    igraph_vector_int_t ev, one;
    igraph_vector_t dist, res;
    igraph_t g;
    igraph_vector_int_init(&ev, 0);
    igraph_vector_init(&dist, 0);
    igraph_vector_init(&res, 0);
    igraph_vector_int_init(&one, 1);
    while (fscanf(f, "%ld %ld %lf", &a, &b, &w) == 3) {
        igraph_vector_int_push_back(&ev, a);
        igraph_vector_int_push_back(&ev, b);
        igraph_vector_push_back(&dist, 1.0 / w);
    }
    igraph_create(&g, &ev, n, IGRAPH_UNDIRECTED);
    for (igraph_integer_t s = 0; s < n; s++) {
        VECTOR(one)[0] = s;
        igraph_betweenness_subset(&g, &res, igraph_vss_all(), 0, igraph_vss_vector(&one),
                                  igraph_vss_all(), &dist);
        fwrite(VECTOR(res), sizeof(double), n, o);
    }
    return fclose(o) != 0;
}
"""


def shares_of(g):
    with tempfile.TemporaryDirectory() as tmp:
        src, exe = os.path.join(tmp, "shares.c"), os.path.join(tmp, "shares")
        edges, out = os.path.join(tmp, "edges"), os.path.join(tmp, "shares.bin")
        with open(src, "w") as f:
            f.write(SHARES_C)
        flags = subprocess.run(["pkg-config", "--cflags", "--libs", "igraph"], check=True,
                               capture_output=True, text=True).stdout.split()
        subprocess.run(["cc", "-O2", "-o", exe, src] + flags, check=True)
        with open(edges, "w") as f:
            for e, w in zip(g.get_edgelist(), g.es["weight"]):
                f.write(f"{e[0]} {e[1]} {w!r}\n")
        subprocess.run([exe, edges, str(g.vcount()), out], check=True)
        return np.fromfile(out).reshape(g.vcount(), g.vcount())


def main(path, ks, seeds):
    g = igraph.Graph.Read_GraphML(path)
    n = g.vcount()
    shares = shares_of(g)
    exact = shares.sum(axis=0)
    order = np.lexsort((np.arange(n), -exact))
    t10, t50 = set(order[:10]), set(order[:50])
    print(f"- {path}: {n} actors, {g.ecount()} links, {np.count_nonzero(exact)} with a betweenness"
          f" above 0; seed 1 (lowest / median of seeds 1-{seeds})")
    print()
    print("| sources | Spearman, all actors | top 10 | top 50 | top-10 rel. error (median / max, seed 1) |")
    print("|---:|---:|---:|---:|---:|")
    for k in ks:
        rows = []
        for seed in range(1, seeds + 1):
            est = shares[draw(seed, n, k)].sum(axis=0) * (n / k)
            eo = np.lexsort((np.arange(n), -est))
            e10 = np.abs(est[order[:10]] - exact[order[:10]]) / exact[order[:10]]
            rows.append((spearmanr(exact, est).correlation, len(t10 & set(eo[:10])),
                         len(t50 & set(eo[:50])), np.median(e10), e10.max()))
        a = np.array(rows)

        def cell(c, fmt):
            return f"{a[0, c]:{fmt}} ({a[:, c].min():{fmt}} / {np.median(a[:, c]):{fmt}})"

        print(f"| {k} | {cell(0, '.3f')} | {cell(1, 'g')} | {cell(2, 'g')} "
              f"| {a[0, 3]:.2f} / {a[0, 4]:.2f} |")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1],
         [int(x) for x in sys.argv[2].split(",")] if len(sys.argv) > 2 else
         [100, 165, 250, 330, 660, 1320, 2800],
         int(sys.argv[3]) if len(sys.argv) > 3 else 10)
