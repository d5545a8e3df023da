#!/usr/bin/python3
"""The places of France (SPEC §15, issue 7): gazetteers/france/*.tsv.

usage: places_test.py STAKEGRAPH SOURCE_DIR

1. -g gazetteers -g gazetteers/france loads (no duplicate id with places.tsv) and runs
   on examples/corpus.
2. The converter gazetteers/france/generate.py, run on the fixture package of
   tests/e2e/places_fixture/ (with its own hand-made gazetteers and word list, no
   network), writes exactly tests/e2e/places_fixture/expected/*.tsv (checked by hand).
3. The committed files: >= 34,000 communes, ids unique across the four files and
   places.tsv, codes well-formed, guards valid, Orange/Tours/Mars/Vienne/Y guarded
   (in communes.tsv, or places.tsv for Orange),
   nothing of places.tsv repeated, every header states origin, licence and guard.
"""
import filecmp
import os
import re
import subprocess
import sys
import tempfile

exe, src = sys.argv[1], sys.argv[2]
fails = []


def check(cond, msg):
    if not cond:
        fails.append(msg)
        print("FAIL:", msg)


def rows(path):
    header, out, comments = None, [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#"):
                comments.append(line)
                continue
            if not line:
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            check(len(cells) == len(header), f"{path}: {line[:60]!r}: {len(cells)} cells")
            out.append(dict(zip(header, cells)))
    return header, out, comments


france = os.path.join(src, "gazetteers", "france")
FILES = {"regions.tsv": "region", "departements.tsv": "department",
         "communes.tsv": "commune", "epci.tsv": "epci"}

# 1. loads with the hand-made gazetteers
with tempfile.TemporaryDirectory() as tmp:
    r = subprocess.run([exe, "extract", "-q", "-g", os.path.join(src, "gazetteers"), "-g", france,
                        "--mentions", os.path.join(tmp, "m.tsv"), "-o", os.path.join(tmp, "n.graphml"),
                        os.path.join(src, "examples", "corpus")], capture_output=True, text=True)
    check(r.returncode == 0, f"extract -g gazetteers -g gazetteers/france: exit {r.returncode}: {r.stderr}")

# 2. the converter on the fixture
fix = os.path.join(src, "tests", "e2e", "places_fixture")
with tempfile.TemporaryDirectory() as tmp:
    env = dict(os.environ, PATH="/nonexistent")   # no npm: --package must be enough
    r = subprocess.run(["/usr/bin/python3", os.path.join(france, "generate.py"),
                        "--package", os.path.join(fix, "package"), "--hand", os.path.join(fix, "hand"),
                        "--words", os.path.join(fix, "words"), "--out", tmp],
                       capture_output=True, text=True, env=env)
    check(r.returncode == 0, f"generate.py on the fixture: exit {r.returncode}: {r.stderr}")
    for f in FILES:
        a, b = os.path.join(tmp, f), os.path.join(fix, "expected", f)
        check(os.path.exists(a) and filecmp.cmp(a, b, shallow=False),
              f"generate.py on the fixture: {f} differs from places_fixture/expected/{f}")

# 3. the committed files
_, hand, _ = rows(os.path.join(src, "gazetteers", "places.tsv"))
hand_keys = {(h["kind"], h["insee"]) for h in hand if h.get("insee")}
ids = {h["id"] for h in hand}
CODE = {"region": r"\d{2,3}", "department": r"\d{2,3}|2[AB]", "commune": r"\d{5}|2[AB]\d{3}",
        "epci": r"\d{9}"}
by_label = {}
for f, kind in FILES.items():
    header, data, comments = rows(os.path.join(france, f))
    check(header == ["id", "label", "type", "aliases", "kind", "insee", "department", "region",
                     "population", "guard"], f"{f}: header {header}")
    text = "\n".join(comments)
    for word in ("@etalab/decoupage-administratif 6.0.0", "Licence Ouverte", "INSEE",
                 "generate.py", "guard", "Left out"):
        check(word in text, f"{f}: the header comments do not say {word!r}")
    codes = [d["insee"] for d in data]
    check(codes == sorted(codes), f"{f}: not sorted by code")
    for d in data:
        check(d["id"] not in ids, f"{f}: id {d['id']} twice")
        ids.add(d["id"])
        check(d["id"] == f"place:{kind}:{d['insee']}", f"{f}: id {d['id']} / code {d['insee']}")
        check(d["kind"] == kind and d["type"] == "place", f"{f}: {d['id']}: kind/type")
        check(re.fullmatch(CODE[kind], d["insee"]) is not None, f"{f}: bad code {d['insee']!r}")
        check(d["guard"] in ("", "exact", "confirm", "cue", "never"), f"{f}: guard {d['guard']!r}")
        check((kind, d["insee"]) not in hand_keys, f"{f}: {d['id']} is already in places.tsv")
        check(d["population"] == "" or d["population"].isdigit(), f"{f}: population {d['population']!r}")
        check(d["label"] not in d["aliases"].split("|"), f"{f}: {d['id']}: label among aliases")
        by_label.setdefault((kind, d["label"]), []).append(d)
    if kind == "commune":
        # (with the region's communes, bundled in gazetteers/communes.tsv)
        bundled = os.path.join(src, "gazetteers", "communes.tsv")
        nb = len(rows(bundled)[1]) if os.path.exists(bundled) else 0
        check(len(data) + nb >= 34000, f"communes.tsv: {len(data)} + {nb} communes")
        for d in data:
            check(d["department"] and d["region"], f"communes.tsv: {d['id']}: no department/region")
for label in ("Orange", "Tours", "Mars", "Vienne", "Y", "Eu", "L'Hôpital"):
    # (a commune of places.tsv, Orange, is left out of communes.tsv: guarded there)
    found = by_label.get(("commune", label), []) + [
        h for h in hand if h.get("kind") == "commune" and h["label"] == label]
    check(found, f"communes.tsv, places.tsv: no commune {label}")
    for d in found:
        check(d["guard"] != "", f"{label} ({d['insee']}) has no guard")
for label in ("Manche", "Somme", "Lot", "Landes", "Nord", "Vienne", "Paris"):
    found = by_label.get(("department", label), [])
    check(found and all(d["guard"] for d in found), f"departements.tsv: {label} not guarded")
check(by_label.get(("commune", "Mars"), [{}])[0].get("guard") == "never", "Mars is not 'never'")
check(by_label.get(("commune", "Y"), [{}])[0].get("guard") == "never", "Y is not 'never'")
check(by_label.get(("commune", "Tours"), [{}])[0].get("guard") == "exact", "Tours is not 'exact'")

# 4. the town halls (gazetteers/townhalls.tsv): townhalls.py writes the committed file
# byte for byte; a default run reads a town hall the region's big towns' list lacks, by
# its name ("la mairie du Pradet") and as "la Ville" of the one commune a text names;
# homonymous communes have none (Mirabeau: the 04's and the 84's)
with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "townhalls.tsv")
    r = subprocess.run(["/usr/bin/python3", os.path.join(src, "gazetteers", "townhalls.py"),
                        os.path.join(src, "gazetteers"), out], capture_output=True, text=True)
    check(r.returncode == 0, f"townhalls.py: exit {r.returncode}: {r.stderr}")
    committed = os.path.join(src, "gazetteers", "townhalls.tsv")
    check(os.path.exists(out) and os.path.exists(committed) and filecmp.cmp(out, committed, shallow=False),
          "townhalls.py does not write the committed gazetteers/townhalls.tsv")
    halls = rows(committed)[1] if os.path.exists(committed) else []
    labels = {d["label"] for d in halls}
    check("Mairie du Pradet" in labels and "Mairie des Mées" in labels and "Mairie d'Apt" not in labels
          and not any("Mirabeau" in l for l in labels), "townhalls.tsv: labels")
    doc = os.path.join(tmp, "doc.txt")
    with open(doc, "w", encoding="utf-8") as f:
        f.write("La mairie du Pradet a voté le budget.\n\nÀ Bandol, la Ville recrute.\n")
    m = os.path.join(tmp, "m.tsv")
    r = subprocess.run([exe, "extract", "-q", "--no-analyse", "--mentions", m, "-o", os.path.join(tmp, "n.graphml"),
                        doc], capture_output=True, text=True)
    check(r.returncode == 0, f"extract (bundled) on town halls: exit {r.returncode}: {r.stderr}")
    got = [l.split("\t")[3:6] for l in open(m, encoding="utf-8").read().splitlines()[1:]] if r.returncode == 0 else []
    want = [["org:mairie-83098-le-pradet", "organisation", "mairie du Pradet"],
            ["place:bandol", "place", "Bandol"],
            ["org:mairie-83009-bandol", "organisation", "Ville"]]
    check(got == want, f"town halls read: {got}")

print("places_test:", "FAIL" if fails else "ok", f"({len(fails)} failures)" if fails else "")
sys.exit(1 if fails else 0)
