#!/usr/bin/python3
"""Deterministic benchmark input: a gazetteer of N invented place names and a
French-like corpus naming them in realistic variants (capitals, no accents,
elision, hyphen/space).  usage: gen.py OUTDIR ENTRIES CORPUS_MB"""
import os, random, sys, unicodedata

out, n_entries, mb = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
rng = random.Random(20261124)
syl = ["ma", "ri", "bo", "lon", "tès", "vil", "sur", "mer", "cha", "teau", "neuf", "pont",
       "saint", "la", "mont", "ber", "gues", "ville", "court", "fort", "é", "ro", "quel", "an"]
names = set()
while len(names) < n_entries:
    n = "".join(rng.choice(syl) for _ in range(rng.randint(2, 4))).capitalize()
    if rng.random() < 0.3:
        n += "-" + "".join(rng.choice(syl) for _ in range(2)).capitalize()
    names.add(n)
names = sorted(names)
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "gazetteer.tsv"), "w", encoding="utf-8") as f:
    f.write("id\tlabel\ttype\tkind\n")
    for i, n in enumerate(names):
        f.write(f"place:{i}\t{n}\tplace\tcommune\n")


def variant(name):
    r = rng.random()
    if r < 0.1:
        return name.upper()
    if r < 0.2:
        return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
    if r < 0.3:
        return name.replace("-", " ")
    if r < 0.4:
        return ("l’" if name[0].lower() in "aeioué" else "la ") + name
    return name


words = ("le la les des une un santé hôpital région accord budget directeur réunion patients "
         "soins et avec pour dans sur M. Mme le Dr. etc. 18,5 millions 3.2 »").split()
target = int(mb * 1e6)
size, doc = 0, 0
docdir = os.path.join(out, "corpus")
os.makedirs(docdir, exist_ok=True)
while size < target:
    paras = []
    for _ in range(rng.randint(3, 8)):
        sents = []
        for _ in range(rng.randint(2, 6)):
            w = [rng.choice(words) for _ in range(rng.randint(8, 24))]
            for _ in range(rng.randint(0, 3)):
                w.insert(rng.randrange(len(w)), variant(rng.choice(names)))
            s = " ".join(w)
            sents.append(s[0].upper() + s[1:] + rng.choice([".", ".", ".", " !", " ?", "…"]))
        paras.append(" ".join(sents))
    text = "Titre de l’article\n\n" + "\n\n".join(paras) + "\n"
    data = text.encode("utf-8")
    with open(os.path.join(docdir, f"{doc:06d}.txt"), "wb") as f:
        f.write(data)
    size += len(data)
    doc += 1
print(f"{n_entries} entries, {doc} documents, {size / 1e6:.1f} MB in {out}")
