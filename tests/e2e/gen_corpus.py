#!/usr/bin/env python3
"""A deterministic test corpus: N documents (default 300) in six directories
a/ ... f/, made of the example corpus's paragraphs and the gazetteers' labels.

    gen_corpus.py SOURCE_DIR OUT_DIR [N]

In document order, five documents are special: n/6 names every actor in one
sentence (a warning: more than --max-unit-actors), n/3 is blank (a warning),
n/2 has invalid UTF-8 at byte 200 (a warning; an error with --strict), 2n/3
has a BOM and CRLF line ends, n-5 is empty (a warning)."""
import glob
import os
import random
import sys

src, out = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 300
rnd = random.Random(20261124)
paras, labels = [], []
for p in sorted(glob.glob(os.path.join(src, "examples/corpus/*.txt"))):
    text = open(p, encoding="utf-8").read()
    paras += [x.strip() for x in text.split("\n\n") if x.strip()]
for p in sorted(glob.glob(os.path.join(src, "gazetteers/*.tsv"))):
    for line in open(p, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if not line.startswith("#") and f[0] != "id" and len(f) > 1:
            labels.append(f[1])
for i in range(n):
    body = [rnd.choice(paras) for _ in range(rnd.randint(2, 7))]
    body.append("Selon %s, %s et %s travaillent ensemble." % tuple(rnd.sample(labels, 3)))
    data = ("\n\n".join(body) + "\n").encode("utf-8")
    if i == n // 6:
        data = ("Liste : " + ", ".join(labels) + ".\n").encode("utf-8")
    elif i == n // 3:
        data = b"  \n"
    elif i == n // 2:
        # (200 bytes of ASCII before it: cut anywhere in the text, byte 200
        # may fall inside a character, which the warning reports where it starts)
        lead = (b"Un paragraphe de test sans accent. " * 6)[:199] + b"\n"
        data = lead + b"\xff\xfe" + data
    elif i == 2 * n // 3:
        data = b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n")
    elif i == n - 5:
        data = b""
    d = os.path.join(out, "abcdef"[i * 6 // n])
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "%04d.txt" % i), "wb") as f:
        f.write(data)
