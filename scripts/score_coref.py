#!/usr/bin/env python3
"""How graphgen reads pronouns, against Stanford CoreNLP's coreference chains (silver) of the
PolNeAR articles.

    graphgen mentions --pronouns ../shared/data/polnear/dev/text > /tmp/pron.jsonl
    python3 scripts/score_coref.py ../shared/data/polnear-corenlp/dev.conllu.gz \
        ../shared/data/polnear-corenlp/dev.coref.jsonl.gz /tmp/pron.jsonl

With --descriptions, the same for descriptions of one person (`the senator`, `the Republican
nominee`: a mention of two or more words that starts with `the` and whose head is lowercase).

Gold: every `he`, `she`, `him`, `his`, `her` in a CoreNLP chain whose representative mention is a
person's name (its head word capitalised and tagged PERSON by CoreNLP's NER), keyed by the name's last word (`Hillary Clinton` -> clinton).
Predicted: graphgen's pronoun mentions at the same character offset, keyed by the last word of
the actor id. Prints how many gold pronouns graphgen resolved, and how many of those right.
CoreNLP's chains are machine-made: agreement with them is a guide, not a ceiling.
"""
import gzip, json, os, re, sys, unicodedata

PRONOUNS = {"he", "she", "him", "his", "her"}
DROP = {"the", "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "former", "s", "jr", "sr"}


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace("\u2019", "'")
    s = re.sub(r"'s\b", "", s).replace(".", "")
    return [w for w in re.split(r"[^a-z0-9]+", s) if w and w not in DROP]


def offsets(conllu):
    """(document, sentence 1-based, token 1-based) -> (character offset, CoreNLP's NER tag)."""
    out, doc, sent = {}, None, 0
    with gzip.open(conllu, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("# newdoc id"):
                doc, sent = line.split("=", 1)[1].strip(), 0
            elif line.startswith("# sent_id"):
                sent += 1
            elif line and line[0].isdigit():
                cols = line.rstrip("\n").split("\t")
                misc = dict(kv.split("=", 1) for kv in cols[9].split("|") if "=" in kv)
                out[(doc, sent, int(cols[0]))] = (int(misc["Begin"]), misc.get("NER", "O"))
    return out


def wanted(m, descriptions):
    """Is a chain mention one that is scored: a pronoun, or with --descriptions a description."""
    words = m["text"].split()
    if not descriptions:
        return m["end"] - m["start"] == 1 and m["text"].lower() in PRONOUNS
    head = words[m["head"] - m["start"]] if 0 <= m["head"] - m["start"] < len(words) else words[-1]
    return len(words) >= 2 and words[0].lower() == "the" and head[:1].islower()


def gold(conllu, coref, descriptions=False):
    at = offsets(conllu)
    out = {}
    with gzip.open(coref, "rt", encoding="utf-8") as f:
        for line in f:
            chain = json.loads(line)
            rep = next((m for m in chain["mentions"] if m["representative"]), None)
            if not rep or rep["text"].lower() in PRONOUNS:
                continue
            words = rep["text"].split()
            head = words[rep["head"] - rep["start"]] if 0 <= rep["head"] - rep["start"] < len(words) else words[-1]
            key = fold(rep["text"])
            ner = at.get((chain["document"], rep["sentence"], rep["head"]), (0, "O"))[1]
            if not head[:1].isupper() or not key or ner != "PERSON":
                continue
            for m in chain["mentions"]:
                if wanted(m, descriptions) and not m["representative"]:
                    o = at.get((chain["document"], m["sentence"], m["start"]))
                    if o is not None:
                        out[(chain["document"], o[0])] = key[-1]
    return out


def predicted(path, descriptions=False):
    """graphgen's offsets are bytes of UTF-8; CoreNLP's are characters: convert with the text."""
    out, chars = {}, {}
    for line in open(path, encoding="utf-8"):
        m = json.loads(line)
        is_description = m["text"].lower().startswith("the ")
        if is_description != descriptions or (not descriptions and m["text"].lower() not in PRONOUNS):
            continue
        doc = m["document"]
        if doc not in chars:
            data = open(doc, "rb").read()
            chars[doc] = {b: c for c, b in enumerate(i for i in range(len(data) + 1) if i == len(data) or data[i] & 0xC0 != 0x80)}
        out[(os.path.basename(doc), chars[doc][m["start"]])] = m["entity"].split("-")[-1]
    return out


def main():
    args = [a for a in sys.argv[1:] if a != "--descriptions"]
    descriptions = "--descriptions" in sys.argv
    if len(args) != 3:
        sys.exit(__doc__)
    g, p = gold(args[0], args[1], descriptions), predicted(args[2], descriptions)
    what = "descriptions" if descriptions else "pronouns"
    answered = [k for k in g if k in p]
    right = sum(1 for k in answered if p[k] == g[k])
    print(f"{what} with a named antecedent (CoreNLP): {len(g)}")
    print(f"{what} graphgen read as a person: {len(p)}")
    print(f"resolved by graphgen: {len(answered)} ({len(answered) / max(len(g), 1):.3f})")
    print(f"right among resolved: {right} ({right / max(len(answered), 1):.3f}); right among all: {right / max(len(g), 1):.3f}")


if __name__ == "__main__":
    main()
