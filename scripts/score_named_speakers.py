#!/usr/bin/env python3
"""PolNeAR named speakers, keyed by the speaker's name: a diagnostic beside ../shared/eval/polnear.py.

    score_named_speakers.py SPLIT_DIR GRAPH.json

The referee keys a gold speaker by the last word of the whole annotated Source span, so a source
with an apposition or a state tag is keyed by its tail: `Michael Oppenheimer, a professor at
Princeton University` is 'university', `Sen. Lindsey Graham (R-S.C.)` is 'sc'. A reader that names
the person then scores a miss and a false speaker for one right answer: a perfect reader of names
reaches F1 0.770 on dev (0.772 on train) under that key (printed below as the ceiling).

This script selects the same gold attributions (speech cue, capitalised head, no group or
pronoun) and keys each by its first phrase, the name before the first comma, parenthesis or
`of`/`at`/`who`. It prints the referee's figure, this one, and the ceiling; it is not the referee.
"""
import json, re, sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "eval"))
import polnear as P  # noqa: E402
from polnear_ann import attributions  # noqa: E402

CUT = re.compile(r",|\(| of | who | at |\u2019s |'s ")


def gold_sources(split):
    """Per article, the source text of each attribution the referee counts."""
    out = {}
    for stem, events in attributions(split):
        srcs = []
        for e in events:
            src, cue = e.get("Source", (None,) * 4)[3], e.get("Cue", ("",) * 4)[3]
            if not src or not P.SPEECH.search(cue):
                continue
            head = [w for w in re.findall(r"[\w'\u2019.-]+", src) if P.fold(w) and P.fold(w)[-1] not in P.DROP]
            if not head or not head[-1][:1].isupper() or P.fold(head[-1])[-1] in P.GROUPS | P.PRONOUN:
                continue
            srcs.append(src)
        out[stem] = srcs
    return out


def predicted(split, graph):
    g = json.load(open(graph, encoding="utf-8"))
    labels = {n["id"]: n for n in g["nodes"]}
    pred = {}
    for e in g.get("edges", g.get("links", [])):
        if (e.get("relation") or e.get("key")) != "quoted-in":
            continue
        doc = labels.get(e["target"], {})
        stem = Path(doc.get("path") or e["target"].removeprefix("doc:")).stem
        k = P.key(labels.get(e["source"], {}).get("label", ""))
        if k:
            pred.setdefault(stem, set()).add(k)
    return pred


def prf(gold, pred):
    tp = sum(len(pred.get(s, set()) & gold[s]) for s in gold)
    np_ = sum(len(pred.get(s, set())) for s in gold)
    ng = sum(len(v) for v in gold.values())
    p, r = tp / max(np_, 1), tp / max(ng, 1)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), np_, ng


def main():
    split, graph = Path(sys.argv[1]), sys.argv[2]
    sources = gold_sources(split)
    span_keys = {s: {k for k in map(P.key, v) if k} for s, v in sources.items()}
    name_keys = {s: {k for k in (P.key(CUT.split(x)[0]) for x in v) if k} for s, v in sources.items()}
    pred = predicted(split, graph)
    for what, gold in (("referee key (last word of the source span)", span_keys),
                       ("name key (first phrase of the source span)", name_keys)):
        p, r, f, np_, ng = prf(gold, pred)
        print(f"{what}: P {p:.3f}  R {r:.3f}  F1 {f:.3f}   ({np_} predicted, {ng} gold)")
    p, r, f, _, _ = prf(span_keys, name_keys)
    print(f"ceiling under the referee key for a reader that names every speaker: P {p:.3f}  R {r:.3f}  F1 {f:.3f}")


if __name__ == "__main__":
    main()
