import random, sys, networkx as nx
# 1,000 actors in 12 planted groups of unequal size, weighted co-occurrences
random.seed(7)
sizes=[180,150,120,100,90,80,70,60,50,40,35,25]
g=nx.random_partition_graph(sizes, 0.05, 0.0015, seed=7)
H=nx.Graph()
types=['organisation','person','place']
for n in g.nodes():
    H.add_node(f"a{n:04d}", label=f"Acteur {n}", name=f"Acteur {n}", type=types[n%3], mentions=1+n%17, documents=1+n%5)
for a,b in g.edges():
    H.add_edge(f"a{a:04d}", f"a{b:04d}", weight=float(random.choice([1,1,1,2,2,3,5,8])), documents=1)
nx.write_graphml(H, sys.argv[1])
