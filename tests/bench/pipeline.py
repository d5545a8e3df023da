#!/usr/bin/python3
"""The pipeline an analyst would otherwise write (SPEC §12), run beside stakegraph by
bench.sh: pyahocorasick over folded text, a regex sentence split, co-occurrence counts
per sentence, networkx GraphML.  Written plainly, as in an afternoon: no surname or
acronym resolution, no offsets, acronyms matched in any case.

usage: pipeline.py GAZETTEER.tsv CORPUS_DIR OUT.graphml
"""
import itertools
import os
import re
import sys
import unicodedata
from collections import Counter

import ahocorasick
import networkx as nx

TYPO = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})
SPACES = re.compile(r"\s+")
PARAGRAPHS = re.compile(r"\n\s*\n")
# end of sentence: . ! ? … then a capital, but not after M. Dr. Pr. MM. St. or an initial
SENTENCES = re.compile(r"(?<!\b[A-Z]\.)(?<!\bMM\.)(?<!\bDr\.)(?<!\bPr\.)(?<!\bSt\.)"
                       r"(?<=[.!?…])\s+(?=[«\"A-ZÀ-ÖØ-Þ])")


def fold(s):
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.casefold().translate(TYPO).replace("-", " ")
    return SPACES.sub(" ", s)


def read_gazetteer(path):
    entities, names = {}, {}
    with open(path, encoding="utf-8") as f:
        header = None
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            row = dict(zip(header, cells))
            entities[row["id"]] = row
            for name in [row["label"]] + [a for a in row.get("aliases", "").split("|") if a]:
                names.setdefault(fold(name).strip(), row["id"])
    automaton = ahocorasick.Automaton()
    for name, eid in names.items():
        automaton.add_word(name, (len(name), eid))
    automaton.make_automaton()
    return entities, automaton


def find(automaton, text):
    """Ids named in text: whole words, leftmost-longest, no overlaps."""
    found = []
    for end, (length, eid) in automaton.iter(text):
        start = end - length + 1
        if start > 0 and text[start - 1].isalnum():
            continue
        if end + 1 < len(text) and text[end + 1].isalnum():
            continue
        found.append((start, -length, eid))
    found.sort()
    ids, last_end = set(), -1
    for start, neg_len, eid in found:
        if start > last_end:
            ids.add(eid)
            last_end = start - neg_len - 1
    return ids


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().splitlines()[-1])
    gazetteer, corpus, out = sys.argv[1:]
    entities, automaton = read_gazetteer(gazetteer)
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(corpus, followlinks=True)
                   for f in fs if f.endswith(".txt"))
    mentions, weights = Counter(), Counter()
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        for paragraph in PARAGRAPHS.split(text):
            for sentence in SENTENCES.split(paragraph):
                ids = find(automaton, fold(sentence))
                mentions.update(ids)
                weights.update(itertools.combinations(sorted(ids), 2))
    g = nx.Graph()
    for eid in sorted(mentions):
        e = entities[eid]
        g.add_node(eid, label=e["label"], type=e["type"], units=mentions[eid])
    for (a, b), w in sorted(weights.items()):
        g.add_edge(a, b, weight=w)
    nx.write_graphml(g, out)


if __name__ == "__main__":
    main()
