#!/usr/bin/env python3
"""Builds resources/given_genders.tsv: the grammatical gender news writes for people of a given
name, counted from the pronouns of Stanford CoreNLP's coreference chains over the PolNeAR
*training* articles (shared/data/polnear-corenlp/train.coref.jsonl.gz; silver, machine-made).

    python3 scripts/build_genders.py ../shared/data > resources/given_genders.tsv

For each chain whose representative mention is a name of two or more words (titles and
honorifics dropped), the first word is the given name (if resources/given_names.tsv lists it, or the training
articles never write it in lowercase and no place list holds it); the chain's `he`/`him`/`his` in a sentence
that names the person count for `m`, `she`/`her` for `f`, except in documents where two people
share the surname (CoreNLP merges a spouse's pronouns into the chain) for `m`, `she`/`her` for `f`. A name is kept when its chains hold at least MIN pronouns and one
gender has at least SHARE of them. Deterministic: sorted output, no dates.
"""
import gzip, json, re, sys
from collections import Counter, defaultdict
from pathlib import Path

MIN, SHARE, MIN_UNLISTED = 4, 0.9, 10
MALE, FEMALE = {"he", "him", "his", "himself"}, {"she", "her", "hers", "herself"}


def titles(resources):
    """Lowercase title and honorific words: never a given name."""
    out = set()
    for name in ("titles.tsv", "honorifics.tsv"):
        for line in open(resources / name, encoding="utf-8"):
            if line.startswith("#") or "\t" not in line:
                continue
            out.update(line.split("\t")[0].lower().split())
    return out | {"the", "former", "then", "late", "s", "'s"}


def given_names(resources):
    """The given names graphgen knows (resources/given_names.tsv): a chain's first word counts only if it is one."""
    out = set()
    for line in open(resources / "given_names.tsv", encoding="utf-8"):
        if not line.startswith("#") and "\t" in line:
            out.add(line.split("\t")[0])
    return out


def lowercase_words(data):
    """Words the training articles write in lowercase: common words, never only a name."""
    out = set()
    for path in sorted((data / "polnear" / "train" / "text").glob("*.txt")):
        out.update(re.findall(r"\b[a-z][a-z-]+\b", path.read_text(encoding="utf-8")))
    return out


def places(resources):
    out = set()
    for name in ("places.tsv", "countries.tsv", "us_states.tsv", "parties.tsv", "bodies.tsv", "outlets.tsv"):
        for line in open(resources / name, encoding="utf-8"):
            if not line.startswith("#") and "\t" in line:
                out.update(re.split(r"[\s|\t]+", line.strip()))
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    data = Path(sys.argv[1])
    resources = Path(__file__).resolve().parent.parent / "resources"
    drop, known = titles(resources), given_names(resources)
    common, where = lowercase_words(data), places(resources)
    global known_names
    known_names = known

    def given(w):
        if w in where or w.rstrip("s") in where:
            return False
        return w in known or w.lower() not in common

    counts = defaultdict(Counter)
    chains, reps = [], defaultdict(list)
    with gzip.open(data / "polnear-corenlp" / "train.coref.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            chain = json.loads(line)
            rep = next((m for m in chain["mentions"] if m["representative"]), None)
            if not rep:
                continue
            words = [w for w in rep["text"].split() if w.lower().rstrip(".") not in drop and w.lower() not in drop]
            words = [w for w in words if re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?", w)]
            reps[chain["document"]].append(rep["text"].split())
            if len(words) >= 2 and given(words[0]):
                chains.append((chain, words))
    for chain, words in chains:
        # Another person of the surname without this given name (`Trump`, `Bernie Sanders`
        # beside `Jane Sanders`): their pronouns may be merged into this chain.
        if any(words[-1] in r and words[0] not in r for r in reps[chain["document"]]):
            continue
        # Only pronouns in a sentence that names the person too, and no chain of a document
        # where two people share the surname (a spouse's `he` merged into the chain).
        named = {m["sentence"] for m in chain["mentions"] if m["text"][:1].isupper() and m["text"].lower() not in MALE | FEMALE}
        for m in chain["mentions"]:
            if m["sentence"] not in named:
                continue
            t = m["text"].lower()
            if t in MALE:
                counts[words[0]]["m"] += 1
            elif t in FEMALE:
                counts[words[0]]["f"] += 1
    print("# Given names with the gender news writes for their bearers, counted from the pronouns of")
    print("# Stanford CoreNLP's coreference chains over the PolNeAR training articles (silver; see")
    print("# shared/data/polnear-corenlp/SOURCE.md). Made by scripts/build_genders.py; do not edit.")
    print(f"# Kept: at least {MIN} pronouns, one gender at least {SHARE:.0%} of them. Columns: name, gender, pronouns.")
    print("name\tgender\tpronouns")
    for name in sorted(counts):
        c = counts[name]
        total = c["m"] + c["f"]
        if total < MIN:
            continue
        g, n = max(c.items(), key=lambda kv: (kv[1], kv[0]))
        if n / total >= SHARE and (name in known_names or total >= MIN_UNLISTED):
            print(f"{name}\t{g}\t{total}")


if __name__ == "__main__":
    main()
