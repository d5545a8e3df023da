#!/usr/bin/python3
"""A notebook's worth of analysis with the stakegraph Python package (pandas +
networkx), cell by cell (`# %%`: Jupyter, VS Code and Spyder run them one at a
time; `python3 notebook.py` runs them all).

    examples/scripts/notebook.py [--out DIR] [CORPUS.jsonl]

Reads the dated example corpus (examples/corpus.jsonl) with the bundled
gazetteers, and prints: who is named most, the strongest ties with the
sentences behind the first one, the most central actors and their
communities, and how each actor's degree changed year by year. Writes the
network (GraphML for Gephi, with its picture) into DIR (default: out/).

Needs the package (README, "Python") and python3-pandas, python3-networkx.
"""
# %% Setup
import argparse
import os

import networkx as nx
import pandas as pd

import stakegraph

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument("corpus", nargs="?", default=os.path.join(here, "..", "corpus.jsonl"))
ap.add_argument("--out", default="out")
args = ap.parse_args()
pd.set_option("display.width", 120)
pd.set_option("display.max_colwidth", 60)

# %% Extract: one call, the network of the whole corpus and of each year
res = stakegraph.extract(args.corpus, by_period="year")
print(res)

# %% Who is named most: the mentions are a DataFrame
m = res.mentions
top = (m.groupby(["id", "type"]).agg(mentions=("doc", "size"), documents=("doc", "nunique"))
       .sort_values(["mentions", "documents"], ascending=False).head(8))
labels = res.gazetteer.entities.set_index("id")["label"]
top["label"] = labels.reindex(top.index.get_level_values("id")).values
print("\n## Most named actors\n")
print(top.reset_index()[["label", "type", "mentions", "documents"]].to_string(index=False))

# %% How names matched, and a mention's place in its document
print("\n## How the names matched\n")
print(m["match"].value_counts().to_string())
first = m.iloc[0]
print(f"\nfirst mention: {first.text!r} in {first.doc} at characters {first.start}-{first.end}")

# %% The strongest ties, and the sentences behind the first one
G = res.to_networkx()
ties = sorted(G.edges(data=True), key=lambda e: (-e[2]["weight"], e[0], e[1]))[:5]
print("\n## Strongest ties\n")
for a, b, d in ties:
    print(f"{int(d['weight']):3d}  {G.nodes[a]['label']} — {G.nodes[b]['label']}")
a, b, _ = ties[0]
print(f"\n## Why {G.nodes[a]['label']} and {G.nodes[b]['label']}\n")
for row in res.evidence(a, b).itertuples():
    print(f"{row.doc}:{row.line}: {row.snippet}")

# %% Centrality and communities (stakegraph's analysis, read by networkx)
nodes = pd.DataFrame.from_dict(dict(G.nodes(data=True)), orient="index")
print("\n## Most central actors (pagerank)\n")
print(nodes.sort_values("pagerank", ascending=False).head(8)[
    ["label", "type", "pagerank", "community"]].to_string())
print(f"\nmodularity of stakegraph's communities: "
      f"{nx.community.modularity(G, nodes.groupby('community').groups.values()):.3f}")

# %% Year by year: each period's network, analysed on its own
degree = pd.DataFrame({year: dict(net.to_networkx().degree()) for year, net in res.periods.items()})
degree = degree.fillna(0).astype(int)
degree.index = labels.reindex(degree.index).values
degree["change"] = degree.iloc[:, -1] - degree.iloc[:, 0]
print("\n## Degree by year\n")
print(degree.sort_values(list(degree.columns[:-1]), ascending=False).head(8).to_string())

# %% Write the network for Gephi, with its picture (and each year's beside it)
os.makedirs(args.out, exist_ok=True)
res.write(os.path.join(args.out, "network.graphml"), os.path.join(args.out, "network.svg"),
          title="Example corpus: actors named in the same sentence")
print(f"\nwrote {args.out}/network.graphml (+ one a year) and network.svg")
