#!/usr/bin/env python3
"""Builds a benchmark corpus of plain-text articles under OUT, of at least MB megabytes.

CoNLL-2003 documents are turned back into text (tokens joined by spaces, one sentence a
line, one file per -DOCSTART- document); the articles of the shared seeds and dev sets are
added; then everything repeats under new names until the size is reached.
Usage: make_bench_corpus.py OUT MB CONLL_DIR ARTICLE_DIR...
"""
import os
import sys


def conll_documents(path):
    doc, sentence = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                if sentence:
                    doc.append(" ".join(sentence))
                    sentence = []
                continue
            if parts[0] == "-DOCSTART-":
                if doc:
                    yield "\n".join(doc) + "\n"
                doc = []
                continue
            sentence.append(parts[0])
    if sentence:
        doc.append(" ".join(sentence))
    if doc:
        yield "\n".join(doc) + "\n"


def main():
    out, mb, conll_dir, article_dirs = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4:]
    texts = []
    for name in sorted(os.listdir(conll_dir)):
        if name.endswith(".txt"):
            texts.extend(conll_documents(os.path.join(conll_dir, name)))
    for d in article_dirs:
        for name in sorted(os.listdir(d)):
            if name.endswith(".txt"):
                with open(os.path.join(d, name), encoding="utf-8") as f:
                    texts.append(f.read())
    os.makedirs(out, exist_ok=True)
    target, size, n = mb * 1e6, 0, 0
    while size < target:
        text = texts[n % len(texts)]
        # Folders of 1,000 files keep directory listings short.
        sub = os.path.join(out, f"{n // 1000:04d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"{n:07d}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
        size += len(text.encode("utf-8"))
        n += 1
    print(f"{n} files, {size / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
