#!/usr/bin/env python3
"""Build the graphgen graph of a corpus with Spark.

Each partition of articles (JSON lines: {"id", "text", ...}) is piped through
`graphgen - --partial`, which reads JSON lines on stdin and writes one partial graph per
article; the partials are then merged by `graphgen merge -` into the same graph one machine
would build. Usage (see README.md):

    graphgen_spark.py --graphgen PATH_OR_NAME INPUT OUTPUT.json

INPUT is a folder of .txt articles (each file one article, its id the file name without
extension) or a .jsonl file of articles.
"""
import argparse
import json
import os
import shlex
import subprocess

from pyspark.sql import SparkSession


def folder_articles(sc, folder, partitions):
    # wholeTextFiles yields (uri, text); the id is the file's stem, as graphgen names a .txt file.
    def to_line(pair):
        uri, text = pair
        stem = os.path.splitext(os.path.basename(uri))[0]
        return json.dumps({"id": stem, "text": text})

    return sc.wholeTextFiles(folder, minPartitions=partitions).map(to_line)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--graphgen", default="graphgen", help="the binary (a path, or its name when shipped with --files)")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("input")
    ap.add_argument("output")
    args = ap.parse_args()

    spark = SparkSession.builder.appName("graphgen").getOrCreate()
    sc = spark.sparkContext
    if args.input.endswith(".jsonl"):
        lines = sc.textFile(args.input, minPartitions=args.partitions).filter(lambda l: l.strip())
    else:
        lines = folder_articles(sc, args.input, args.partitions)
    # A binary shipped with --files lands in the executor's working directory.
    binary = args.graphgen if os.sep in args.graphgen else "./" + args.graphgen
    if not os.path.exists(binary):
        binary = args.graphgen
    # An empty partition must not become an empty stdin article: graphgen runs only on input.
    command = f"IFS= read -r first || exit 0; {{ printf '%s\\n' \"$first\"; cat; }} | {binary} - --partial --quiet"
    partials = lines.pipe(f"sh -c {shlex.quote(command)}", env={"LC_ALL": "C.UTF-8"})
    merged = subprocess.run(
        [args.graphgen if os.path.exists(args.graphgen) else binary, "merge", "-", "-o", args.output],
        input="\n".join(partials.collect()).encode("utf-8"),
        check=True,
    )
    spark.stop()
    return merged.returncode


if __name__ == "__main__":
    raise SystemExit(main())
