#!/usr/bin/python3
"""Every mention's byte offsets point at its text in the original file.
usage: offsets.py MENTIONS.tsv"""
import sys

bad = 0
n = 0
with open(sys.argv[1], encoding="utf-8") as f:
    cols = next(f).rstrip("\n").split("\t")
    for line in f:
        r = dict(zip(cols, line.rstrip("\n").split("\t")))
        doc, start, end, text = r["doc"], r["start"], r["end"], r["text"]
        raw = open(doc, "rb").read()[int(start):int(end)]
        got = raw.decode("utf-8").replace("\t", " ").replace("\n", " ").replace("\r", " ")
        n += 1
        if got != text:
            print(f"{doc}:{start}-{end}: file has {got!r}, TSV has {text!r}")
            bad += 1
if bad or n == 0:
    sys.exit(1)
print(f"offsets ok: {n} mentions")
