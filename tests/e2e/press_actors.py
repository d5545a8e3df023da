"""The actors of two press articles, every one a reader sees and nothing spurious.

usage: python3 press_actors.py NETWORK.graphml

Used on the network of tests/e2e/articles/ (two articles written for the tests,
with the traps of real pages: a title repeated, a photo credit, tags, captions,
a source in brackets, a headline in capitals) by e2e.cli, and on the network of
the two real press articles of ../shared/seeds/ by .ci/run. The newspaper named
in a photo credit ('— Photo : Le Journal des Entreprises') is page furniture,
not an actor of the article.
"""
import sys

import networkx as nx

WANT = {'org:ap-hm', 'org:fhp-sud-est', 'org:fnts', 'org:synerpa', 'org:upe-13',
        'org:interpro-sante-provence', 'org:eurobiomed',
        'org:vivatech', 'org:apmnews', 'org:urps-ml-paca',
        'person:thierry-schifano', 'person:jean-paul-segade', 'person:emilie-royere',
        'person:emmanuel-macron', 'place:bouches-du-rhone', 'place:france', 'place:marseille',
        'place:paca', 'place:var', 'place:alpes-maritimes'}

G = nx.read_graphml(sys.argv[1])
got = set(G.nodes)
assert got == WANT, ("spurious", sorted(got - WANT), "missing", sorted(WANT - got))
assert G.nodes['person:emilie-royere']['type'] == 'person'
assert G.edges['org:fnts', 'person:thierry-schifano']['weight'] >= 1
print(f"ok: the {len(WANT)} actors, no more")
