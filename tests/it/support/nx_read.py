"""Reads a GEXF or GraphML file with networkx and prints, as JSON, what the tests compare.

Usage: nx_read.py gexf|graphml FILE
"""
import json
import sys

import networkx as nx

fmt, path = sys.argv[1], sys.argv[2]
g = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
nodes = [d for _, d in g.nodes(data=True)]
edges = [d for _, _, d in g.edges(data=True)]
print(json.dumps({
    "nodes": g.number_of_nodes(),
    "edges": g.number_of_edges(),
    "directed": g.is_directed(),
    "labels": sorted(d.get("label") for d in nodes),
    "kinds": sorted(d["kind"] for d in nodes),
    "relations": sorted(d["relation"] for d in edges),
    "weight": sum(int(d["weight"]) for d in edges),
}))
