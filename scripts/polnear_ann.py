"""PolNeAR's brat annotations, as graphgen's scripts read them (imported by score_quote_content.py
and score_named_speakers.py).

`attributions(split)` yields, per article, its stem and each attribution as a dict of role
(`Source`, `Cue`, `Content`) to (kind, start, end, text): character offsets, a discontinuous span
from its first start to its last end. Articles annotated twice keep the first annotation in name
order, as ../shared/eval/polnear.py does.
"""


def attributions(split):
    seen = set()
    for ann in sorted((split / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        if stem in seen:
            continue
        seen.add(stem)
        spans, events = {}, []
        for line in open(ann, encoding="utf-8"):
            parts = line.rstrip("\n").split("\t")
            if parts[0].startswith("T") and len(parts) >= 3:
                kind, *offs = parts[1].replace(";", " ").split()
                offs = list(map(int, offs))
                spans[parts[0]] = (kind, min(offs), max(offs), parts[2])
            elif parts[0].startswith("E"):
                events.append(dict(x.split(":") for x in parts[1].split()))
        yield stem, [{role: spans[t] for role, t in e.items() if t in spans} for e in events]
