#!/usr/bin/env python3
"""How well `graphgen quotes` finds what was said: its content spans against PolNeAR's
annotated Content spans (brat standoff, character offsets).

    graphgen quotes ../shared/data/polnear/dev/text > quotes.jsonl
    scripts/score_quote_content.py ../shared/data/polnear/dev quotes.jsonl

Prints: of graphgen's attributions, how many overlap a gold content span of the same article
(precision of placement), the mean token F1 of those overlaps (how much of the span is right),
and of the gold content spans of speech cues, how many some attribution overlaps (recall).
Articles annotated twice keep the first annotation, as ../shared/eval/polnear.py does.
"""
import json
import re
import sys
from pathlib import Path

from polnear_ann import attributions

SPEECH = re.compile(r"\b(said|says|say|saying|told|tells|tell|added|noted|wrote|according|argued|warned|"
                    r"explained|stated|claimed|asked|tweeted|announced|declared|insisted|replied|responded)\b", re.I)


def gold(split):
    out = {}
    for stem, events in attributions(split):
        out[stem] = [(e["Content"][1], e["Content"][2]) for e in events
                     if "Cue" in e and "Content" in e and SPEECH.search(e["Cue"][3])]
    return out


def tokens(text, a, b):
    return {(m.start() + a) for m in re.finditer(r"\w+", text[a:b])}


def main():
    split, quotes = Path(sys.argv[1]), sys.argv[2]
    g = gold(split)
    found, overlapping, f1s = 0, 0, []
    hit = {stem: [False] * len(c) for stem, c in g.items()}
    for line in open(quotes, encoding="utf-8"):
        q = json.loads(line)
        stem = Path(q["document"]).stem
        if stem not in g:
            continue
        found += 1
        raw = (split / "text" / f"{stem}.txt").read_bytes()
        text = raw.decode("utf-8")
        a = len(raw[: q["start"]].decode("utf-8", "ignore"))
        b = len(raw[: q["end"]].decode("utf-8", "ignore"))
        best = 0.0
        for i, (ga, gb) in enumerate(g[stem]):
            if a < gb and ga < b:
                hit[stem][i] = True
                ours, theirs = tokens(text, a, b), tokens(text, ga, gb)
                common = len(ours & theirs)
                if common:
                    p, r = common / len(ours), common / len(theirs)
                    best = max(best, 2 * p * r / (p + r))
        if any(a < gb and ga < b for ga, gb in g[stem]):
            overlapping += 1
            f1s.append(best)
    gold_n = sum(len(c) for c in g.values())
    recalled = sum(sum(h) for h in hit.values())
    print(f"attributions {found}: {overlapping} overlap a gold content span ({overlapping / max(found, 1):.3f}), "
          f"mean token F1 of those {sum(f1s) / max(len(f1s), 1):.3f}; "
          f"gold content spans {gold_n}: {recalled} overlapped ({recalled / max(gold_n, 1):.3f})")


main()
