#!/usr/bin/env python3
"""How many of the actors graphgen finds on saved web pages come from page furniture.

    scripts/furniture_nodes.py GRAPHGEN PAGES_DIR GROUND_TRUTH.json

Runs GRAPHGEN on the pages (its HTML reader chooses the text) and on the pages' true article
bodies (ground truth, written as <id>.txt), and prints the share of the pages graph's actor
nodes that are not in the graph of the true bodies (furniture: menus, related headlines,
footers, bylines), the share of the true bodies' actors the pages graph misses, and actor
labels that look like a byline glued to its role (`JamesStaff Writer`).
"""
import json, re, subprocess, sys, tempfile
from pathlib import Path

GLUED = re.compile(r"[a-z](Staff|Senior|Contributing|Correspondent|Reporter|Editor|Writer|Columnist)\b")


def actors(graphgen, inputs):
    out = subprocess.run([graphgen, *inputs, "--json", "--quiet"], check=True, capture_output=True).stdout
    return {n["id"]: n["label"] for n in json.loads(out)["nodes"] if n.get("kind") != "document"}


def main():
    graphgen, pages, truth = sys.argv[1:4]
    gold = json.load(open(truth, encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        for i, g in gold.items():
            (Path(tmp) / f"{i}.txt").write_text(g.get("articleBody", ""), encoding="utf-8")
        true = actors(graphgen, [tmp])
    read = actors(graphgen, [pages])
    extra = sorted(set(read) - set(true))
    missed = sorted(set(true) - set(read))
    glued = sorted(l for l in read.values() if GLUED.search(l))
    print(f"actors from the pages: {len(read)}; from the true bodies: {len(true)}")
    print(f"not in the true bodies' graph: {len(extra)} ({len(extra) / max(1, len(read)):.1%})")
    print(f"true bodies' actors missed: {len(missed)} ({len(missed) / max(1, len(true)):.1%})")
    print(f"bylines glued to a role: {len(glued)} {glued[:10]}")
    if "--list" in sys.argv:
        for i in extra:
            print("  +", read[i])
    return 0


if __name__ == "__main__":
    sys.exit(main())
