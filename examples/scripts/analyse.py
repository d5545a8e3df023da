#!/usr/bin/python3
"""Who is central, in which community, with whom, and how it changed over time:
a stakegraph network read with networkx and pandas.

    analyse.py [--top N] NETWORK.graphml [PERIOD.graphml ...]
    analyse.py [--top N] CSV_DIR [PERIOD.graphml ...]     (nodes.csv, edges.csv)

Make the inputs with
    stakegraph extract -o net.graphml articles/                       # one network
    stakegraph extract -f csv -o net-tables/ articles/               # its tables
    stakegraph extract --jsonl articles.jsonl --by-period year -o net.graphml
        # net.graphml (all documents) + net.2023.graphml, net.2024.graphml, ...

It prints three tables (columns separated by spaces; the last column, the
actor's name, is the only one that may contain spaces):

1. the N most central actors by the file's pagerank, with their community
   (Louvain, both computed by stakegraph), and their degree and strength
   (weighted degree) computed by networkx; then the communities, largest
   first, with their main actors;
2. the N strongest ties (weight = sentences naming both; documents; npmi);
3. with period files (NAME.2023.graphml ...; found beside NAME.graphml when
   none are given), each actor's degree period by period, for the N actors of
   largest total degree, and the change from the first period to the last.

Needs python3-networkx and python3-pandas (Debian), run with /usr/bin/python3.
"""
import argparse
import os
import re
import signal
import sys

try:
    import networkx as nx
    import pandas as pd
except ImportError as e:  # pragma: no cover
    sys.exit(f"analyse.py: {e.name} is missing (apt-get install python3-networkx python3-pandas)")

PERIOD = re.compile(r"^(?P<stem>.*)\.(?P<period>\d{4}(?:-\d{2})?)\.graphml$")


def die(msg):
    print(f"analyse.py: {msg}", file=sys.stderr)
    sys.exit(1)


def read_graphml(path):
    if not os.path.isfile(path):
        die(f"{path}: no such file")
    try:
        return nx.read_graphml(path)
    except Exception as e:  # a truncated or foreign file
        die(f"{path}: not a GraphML network ({e})")


def tables(path):
    """(nodes, edges) DataFrames from a GraphML file or a directory of CSV tables."""
    if os.path.isdir(path):
        files = [os.path.join(path, f) for f in ("nodes.csv", "edges.csv")]
        for f in files:
            if not os.path.isfile(f):
                die(f"{f}: no such file (make it with: stakegraph extract -f csv -o {path} ...)")
        # Empty gazetteer cells stay "" (not NaN); ids like "13" stay strings.
        # float_precision: the exact doubles of the file, as the GraphML gives.
        opts = dict(keep_default_na=False, float_precision="round_trip")
        nodes = pd.read_csv(files[0], dtype={"id": str}, **opts)
        edges = pd.read_csv(files[1], dtype={"source": str, "target": str}, **opts)
    else:
        g = read_graphml(path)
        nodes = pd.DataFrame([{"id": n, **a} for n, a in g.nodes(data=True)])
        edges = pd.DataFrame([{"source": s, "target": t, **a} for s, t, a in g.edges(data=True)])
    need = {"id", "label", "pagerank", "community"}
    if nodes.empty or not need <= set(nodes.columns):
        die(f"{path}: no actors with {', '.join(sorted(need))} (was it made with --no-analyse?)")
    if edges.empty:
        edges = pd.DataFrame(columns=["source", "target", "weight", "documents"])
    return nodes, edges


def names(nodes):
    """Display name: the gazetteer's short label when there is one."""
    short = nodes["short"] if "short" in nodes else pd.Series("", index=nodes.index)
    short = short.fillna("").astype(str)
    return short.where(short != "", nodes["label"]).set_axis(nodes["id"])


def show(df, **numbers):
    """Prints a table: text columns aligned left, numbers right (formatted by
    numbers[column], a format string)."""
    if not len(df):
        print("(none)\n")
        return
    text = [c for c in df.columns if df[c].dtype == object]
    width = {c: max(len(c), df[c].astype(str).str.len().max()) for c in text}
    fmt = {c: (lambda v, w=width[c]: str(v).ljust(w)) for c in text}
    fmt.update({c: f.format for c, f in numbers.items()})
    lines = df.to_string(index=False, formatters=fmt).split("\n")
    head = lines[0]
    for c in text:  # the header of a left-aligned column starts where it does
        head = head.replace(c.rjust(width[c]), c.ljust(width[c]), 1)
    print("\n".join([head.rstrip()] + [l.rstrip() for l in lines[1:]]) + "\n")


def period_files(main, given):
    if given:
        files = given
    else:
        stem = main[: -len(".graphml")] if main.endswith(".graphml") else main.rstrip("/")
        folder = os.path.dirname(stem) or "."
        files = [os.path.join(folder, f) for f in os.listdir(folder)
                 if PERIOD.match(f) and PERIOD.match(f)["stem"] == os.path.basename(stem)]
    out = {}
    for f in files:
        m = PERIOD.match(os.path.basename(f))
        if not m:
            die(f"{f}: a period file is named NAME.YYYY.graphml or NAME.YYYY-MM.graphml")
        out[m["period"]] = f
    return dict(sorted(out.items()))


def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet under `| head`
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--top", type=int, default=15, help="rows per table (default 15)")
    ap.add_argument("network", help="NETWORK.graphml or a directory with nodes.csv, edges.csv")
    ap.add_argument("periods", nargs="*", help="per-period GraphML files (NAME.2024.graphml ...)")
    a = ap.parse_args()
    if a.top < 1:
        ap.error("--top wants a positive number")

    periods = period_files(a.network, a.periods)  # checked before any output
    nodes, edges = tables(a.network)
    name = names(nodes)

    # networkx's own weighted degree (strength), next to stakegraph's measures.
    g = nx.Graph()
    g.add_nodes_from(nodes["id"])
    g.add_weighted_edges_from(edges[["source", "target", "weight"]].itertuples(index=False))
    nodes["strength_nx"] = nodes["id"].map(dict(g.degree(weight="weight")))

    ncomm = nodes["community"].nunique()
    print(f"# {a.network}: {len(nodes)} actors, {len(edges)} ties, {ncomm} communities\n")
    print(f"# top {a.top} actors by pagerank")
    top = nodes.sort_values(["pagerank", "id"], ascending=[False, True]).head(a.top)
    show(pd.DataFrame({
        "id": top["id"], "community": top["community"].astype(int),
        "pagerank": top["pagerank"], "degree": top["id"].map(dict(g.degree())),
        "strength": top["strength_nx"], "actor": top["id"].map(name)}),
        pagerank="{:.5f}", strength="{:g}")

    print(f"# communities (largest first) and their main actors by pagerank")
    comm = (nodes.sort_values(["pagerank", "id"], ascending=[False, True])
            .groupby("community", sort=True)
            .agg(actors=("id", "size"), main=("id", lambda ids: ", ".join(name[i] for i in list(ids)[:4]))))
    comm = comm.reset_index().sort_values(["actors", "community"], ascending=[False, True]).head(a.top)
    show(comm.assign(community=comm["community"].astype(int)))

    print(f"# top {a.top} ties by weight")
    ties = edges.sort_values(["weight", "documents", "source", "target"],
                             ascending=[False, False, True, True]).head(a.top)
    show(pd.DataFrame({
        "source": ties["source"], "target": ties["target"],
        "weight": ties["weight"].astype(float), "documents": ties["documents"].astype(int),
        "npmi": ties["npmi"].astype(float) if "npmi" in ties else float("nan"),
        "actors": [f"{name[s]} — {name[t]}" for s, t in zip(ties["source"], ties["target"])]}),
        weight="{:g}", npmi="{:.3f}")

    if not periods:
        return
    # Degree (distinct partners) per period, computed by networkx; 0 when the
    # actor is not named in that period.
    deg = pd.DataFrame({p: dict(read_graphml(f).degree()) for p, f in periods.items()}).fillna(0).astype(int)
    deg.index.name = "id"
    cols = list(periods)
    deg["change"] = deg[cols[-1]] - deg[cols[0]]
    deg["total"] = deg[cols].sum(axis=1)
    deg = deg.reset_index().sort_values(["total", "id"], ascending=[False, True]).head(a.top)
    labels = dict(name)
    for f in periods.values():  # actors of a period file absent from the whole network
        labels.update({n: d.get("short") or d.get("label", n) for n, d in read_graphml(f).nodes(data=True)
                       if n not in labels})
    deg["actor"] = deg["id"].map(labels)
    print(f"# degree by period ({', '.join(cols)}), top {a.top} actors by total degree")
    show(deg[["id", *cols, "change", "actor"]])


if __name__ == "__main__":
    main()
