#!/usr/bin/env python3
"""Score stakegraph on a hand-annotated development set of real press excerpts.

The development set lives outside the repository (the texts are not ours to copy):

    DIR/texts/*.txt   the excerpts (UTF-8)
    DIR/gold.tsv      doc start end actor text   (UTF-8 byte offsets, end exclusive;
                      doc = file name without .txt)
    DIR/actors.tsv    a stakegraph gazetteer listing every annotated actor once
                      (canonical label + official acronym as the only alias)

Three measures (see tests/devset/README.md):

  A. extract -g DIR/actors.tsv only: mention precision / recall / F1 (same actor id,
     overlapping spans, one-to-one) and recall by type;
  B. extract with the bundled gazetteers: share of gold mentions found (same id, or a
     predicted entity whose folded label/alias equals the gold actor's folded label or
     acronym), overall and by type;
  C. suggest with the bundled gazetteers: share of the actors missed by B that suggest
     proposes, and share of suggested rows worth keeping.

Python 3 standard library only. Works with any build whose --mentions TSV has the
columns doc, start, end, id (read by header name; extra columns such as `match` are
ignored) and whose suggest TSV has label and aliases.
"""
import argparse
import collections
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

csv.field_size_limit(1 << 30)

# ---------------------------------------------------------------- folding

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212-"
_APOS = "'\u2019\u02bc\u2018`\u00b4"


def fold(s):
    """Lower case, no accents, hyphens/apostrophes as spaces, white space collapsed."""
    s = s.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower()
    for c in _DASHES + _APOS:
        s = s.replace(c, " ")
    s = re.sub(r"[\s\u00a0\u202f]+", " ", s)
    return s.strip(" .,;:")


_ARTICLE = re.compile(r"^(le|la|les|l)\s+")


def fold_variants(s):
    """The folded text, and the same without a leading article (le/la/les/l')."""
    f = fold(s)
    out = {f}
    g = _ARTICLE.sub("", f)
    if g:
        out.add(g)
    return out


# ---------------------------------------------------------------- reading files

def read_tsv_rows(path):
    """Rows of a TSV with a header; skips '#' comment lines and blank lines."""
    with open(path, encoding="utf-8", newline="") as f:
        lines = [l for l in f.read().split("\n") if l.strip() and not l.startswith("#")]
    if not lines:
        return []
    header = lines[0].rstrip("\r").split("\t")
    rows = []
    for l in lines[1:]:
        cells = l.rstrip("\r").split("\t")
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells)))
    return rows


def split_aliases(cell):
    out = []
    for a in (cell or "").split("|"):
        a = a.strip()
        while a[:1] in ("=", "!"):
            a = a[1:]
        if a:
            out.append(a)
    return out


def read_gazetteer(paths):
    """id -> {'label', 'type', 'aliases'} from gazetteer files or directories
    (directories: every *.tsv below, recursively; ids are unique across files)."""
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, _dirs, names in os.walk(p):
                files += [os.path.join(root, n) for n in sorted(names) if n.endswith(".tsv")]
        elif os.path.exists(p):
            files.append(p)
    ents = {}
    for fpath in files:
        try:
            rows = read_tsv_rows(fpath)
        except (OSError, UnicodeDecodeError):
            continue
        for r in rows:
            i = r.get("id", "")
            if not i or "label" not in r:
                continue
            ents[i] = {"label": r.get("label", ""), "type": r.get("type", ""),
                       "aliases": split_aliases(r.get("aliases", ""))}
    return ents


def read_gold(devset):
    rows = read_tsv_rows(os.path.join(devset, "gold.tsv"))
    gold = []
    for r in rows:
        gold.append({"doc": r["doc"], "start": int(r["start"]), "end": int(r["end"]),
                     "actor": r["actor"], "text": r["text"]})
    return gold


def doc_name(path):
    b = os.path.basename(path)
    return b[:-4] if b.endswith(".txt") else b


def read_mentions(path):
    out = []
    for r in read_tsv_rows(path):
        try:
            out.append({"doc": doc_name(r["doc"]), "start": int(r["start"]), "end": int(r["end"]),
                        "id": r["id"], "text": r.get("text", ""), "match": r.get("match", "")})
        except (KeyError, ValueError):
            continue
    return out


# ---------------------------------------------------------------- running stakegraph

def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def graph_labels(path):
    """Node id -> label of a GraphML file ({} when it cannot be read)."""
    import xml.etree.ElementTree as ET
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return {}
    keys = {k.get("id") for k in root.iter(ns + "key")
            if k.get("attr.name") == "label" and k.get("for") == "node"}
    labels = {}
    for n in root.iter(ns + "node"):
        for d in n.findall(ns + "data"):
            if d.get("key") in keys:
                labels[n.get("id")] = d.text or ""
    return labels


def extract(binary, gaz_args, texts, tmp, tag):
    """The mentions of an extract run, and its network's node labels (the
    labels of actors found in the corpus, which no gazetteer file lists)."""
    out = os.path.join(tmp, f"mentions-{tag}.tsv")
    net = os.path.join(tmp, f"network-{tag}.graphml")
    base = [binary, "extract", "-q"] + gaz_args
    tries = [base + ["--no-analyse", "-o", net, "--mentions", out, texts],
             base + ["-o", net, "--mentions", out, texts]]
    err = ""
    for cmd in tries:
        rc, _o, err = run(cmd)
        if rc == 0 and os.path.exists(out):
            return read_mentions(out), graph_labels(net)
    sys.exit(f"score.py: {' '.join(tries[-1])} failed:\n{err}")


def suggest(binary, gaz_args, texts, tmp):
    out = os.path.join(tmp, "suggest.tsv")
    cmd = [binary, "suggest"] + gaz_args + ["-o", out, texts]
    rc, stdout, err = run(cmd)
    if rc != 0 or not os.path.exists(out):
        rc, stdout, err = run([binary, "suggest"] + gaz_args + [texts])
        if rc != 0:
            sys.exit(f"score.py: {' '.join(cmd)} failed:\n{err}")
        with open(out, "w", encoding="utf-8") as f:
            f.write(stdout)
    return read_tsv_rows(out)


def bundled_dir_of(binary):
    """The gazetteers/ of the source tree a build-tree binary was built from."""
    env = os.environ.get("STAKEGRAPH_GAZETTEERS")
    if env:
        return env
    cache = os.path.join(os.path.dirname(os.path.abspath(binary)), "CMakeCache.txt")
    try:
        for l in open(cache, encoding="utf-8", errors="replace"):
            if l.startswith("CMAKE_HOME_DIRECTORY:") or l.startswith("stakegraph_SOURCE_DIR:"):
                d = os.path.join(l.split("=", 1)[1].strip(), "gazetteers")
                if os.path.isdir(d):
                    return d
    except OSError:
        pass
    d = os.path.join(os.path.dirname(os.path.abspath(binary)), "..", "share", "stakegraph", "gazetteers")
    return d if os.path.isdir(d) else None


# ---------------------------------------------------------------- matching

def overlap(a, b):
    return a["start"] < b["end"] and b["start"] < a["end"]


def match(gold, pred, same):
    """One-to-one matching of gold and predicted mentions of a document: a pair may
    match when the spans overlap and same(g, p). Greedy in text order (the spans of
    one document are nearly disjoint, so this is maximal in practice).
    Returns {gold index: pred index}."""
    by_doc = collections.defaultdict(list)
    for j, p in enumerate(pred):
        by_doc[p["doc"]].append(j)
    used = set()
    pairs = {}
    order = sorted(range(len(gold)), key=lambda i: (gold[i]["doc"], gold[i]["start"], gold[i]["end"]))
    for i in order:
        g = gold[i]
        best = None
        for j in by_doc.get(g["doc"], ()):
            if j in used:
                continue
            p = pred[j]
            if overlap(g, p) and same(g, p):
                key = (-min(g["end"], p["end"]) + max(g["start"], p["start"]), p["start"])
                if best is None or key < best[0]:
                    best = (key, j)
        if best is not None:
            used.add(best[1])
            pairs[i] = best[1]
    return pairs


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


# ---------------------------------------------------------------- details

class Texts:
    def __init__(self, texts_dir):
        self.dir = texts_dir
        self.cache = {}

    def get(self, doc):
        if doc not in self.cache:
            try:
                with open(os.path.join(self.dir, doc + ".txt"), "rb") as f:
                    self.cache[doc] = f.read()
            except OSError:
                self.cache[doc] = b""
        return self.cache[doc]

    def context(self, doc, s, e, width=45):
        b = self.get(doc)
        left = b[max(0, s - width):s].decode("utf-8", "replace")
        mid = b[s:e].decode("utf-8", "replace")
        right = b[e:e + width].decode("utf-8", "replace")
        one = lambda t: re.sub(r"\s+", " ", t)
        return f"…{one(left)}[{one(mid)}]{one(right)}…"


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--devset", default="/work/devset", help="directory with texts/, gold.tsv, actors.tsv")
    ap.add_argument("--stakegraph", default="build/stakegraph", help="the stakegraph binary")
    ap.add_argument("--gazetteers", help="bundled gazetteer directory for runs B and C "
                    "(default: no -g, i.e. the binary's own bundled gazetteers)")
    ap.add_argument("--details", action="store_true", help="per-document misses and false positives")
    ap.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    ap.add_argument("--keep", metavar="DIR", help="keep the raw outputs (mentions, suggestions) in DIR")
    a = ap.parse_args()

    texts = os.path.join(a.devset, "texts")
    actors_path = os.path.join(a.devset, "actors.tsv")
    gold = read_gold(a.devset)
    actors = read_gazetteer([actors_path])
    for g in gold:
        if g["actor"] not in actors:
            sys.exit(f"score.py: gold actor {g['actor']} is not in {actors_path}")
    tdocs = Texts(texts)
    for g in gold:
        if tdocs.get(g["doc"])[g["start"]:g["end"]].decode("utf-8", "replace") != g["text"]:
            sys.exit(f"score.py: gold row {g} does not match the bytes of its text")

    def gtype(actor):
        t = actors[actor]["type"]
        return t if t in ("organisation", "person", "place") else "other"

    tmp_ctx = tempfile.TemporaryDirectory()
    tmp = a.keep or tmp_ctx.name
    os.makedirs(tmp, exist_ok=True)

    # ---- A: the development set's own gazetteer
    pred_a, _labels = extract(a.stakegraph, ["-g", actors_path], texts, tmp, "A")
    pairs_a = match(gold, pred_a, lambda g, p: g["actor"] == p["id"])
    pa, ra, fa = prf(len(pairs_a), len(pred_a), len(gold))
    rec_a = {}
    for t in ("organisation", "person", "place"):
        idx = [i for i, g in enumerate(gold) if gtype(g["actor"]) == t]
        rec_a[t] = (sum(1 for i in idx if i in pairs_a), len(idx))

    # ---- B: the bundled gazetteers
    gaz_args = ["-g", a.gazetteers] if a.gazetteers else []
    bdir = a.gazetteers or bundled_dir_of(a.stakegraph)
    bundled = read_gazetteer([bdir]) if bdir else {}
    gold_names = {}
    for i, e in actors.items():
        names = {fold(e["label"])} | {fold(x) for x in e["aliases"]}
        gold_names[i] = {n for n in names if n}

    graph_b = {}

    def pred_names(pid):
        e = bundled.get(pid)
        if not e:  # found in the corpus: its label in the network
            return {fold(graph_b[pid])} if pid in graph_b else set()
        return {fold(e["label"])} | {fold(x) for x in e["aliases"]}

    def same_b(g, p):
        return p["id"] == g["actor"] or bool(pred_names(p["id"]) & gold_names[g["actor"]])

    pred_b, labels_b = extract(a.stakegraph, gaz_args, texts, tmp, "B")
    graph_b.update(labels_b)
    pairs_b = match(gold, pred_b, same_b)
    rec_b = {}
    for t in ("organisation", "person", "place"):
        idx = [i for i, g in enumerate(gold) if gtype(g["actor"]) == t]
        rec_b[t] = (sum(1 for i in idx if i in pairs_b), len(idx))
    used_b = set(pairs_b.values())
    spurious_b = [j for j, p in enumerate(pred_b) if j not in used_b
                  and not any(overlap(g, p) for g in gold if g["doc"] == p["doc"])]

    # ---- C: suggest with the bundled gazetteers, for the actors the gazetteers
    # alone miss: B again without the actors found in the corpus (--no-discover),
    # which are what suggest proposes
    pairs_c = pairs_b
    if "--no-discover" in run([a.stakegraph, "extract", "--help"])[1]:
        pred_g, labels_g = extract(a.stakegraph, gaz_args + ["--no-discover"], texts, tmp, "G")
        graph_b.update(labels_g)
        pairs_c = match(gold, pred_g, same_b)
    rows_c = suggest(a.stakegraph, gaz_args, texts, tmp)
    found_actors = {gold[i]["actor"] for i in pairs_c}
    all_actors = sorted({g["actor"] for g in gold})
    missing = [x for x in all_actors if x not in found_actors]
    accept = collections.defaultdict(set)      # actor -> folded names a suggestion may have
    for x in all_actors:
        accept[x] |= gold_names[x]
    for g in gold:
        accept[g["actor"]] |= fold_variants(g["text"])

    def row_names(r):
        names = set()
        for n in [r.get("label", "")] + split_aliases(r.get("aliases", "")):
            names |= fold_variants(n)
        names.discard("")
        return names

    row_actors = []
    for r in rows_c:
        names = row_names(r)
        row_actors.append(sorted(x for x in all_actors if names & accept[x]))
    proposed = {x for acts in row_actors for x in acts}
    missing_proposed = [x for x in missing if x in proposed]
    keep_rows = [r for r, acts in zip(rows_c, row_actors) if acts]
    junk_rows = [r for r, acts in zip(rows_c, row_actors) if not acts]

    # ---- report
    ng = len(gold)
    docs = sorted({g["doc"] for g in gold})
    out = []
    out.append(f"devset: {a.devset}: {len(docs)} texts, {ng} gold mentions of {len(all_actors)} actors "
               f"(organisations {rec_a['organisation'][1]}, people {rec_a['person'][1]}, places {rec_a['place'][1]})")
    out.append(f"stakegraph: {a.stakegraph}; bundled gazetteers: {a.gazetteers or '(built-in default)'}")
    out.append("")
    out.append("| measure | value |")
    out.append("|---|---:|")
    out.append(f"| A. -g actors.tsv: mention precision / recall / F1 | {pa:.3f} / {ra:.3f} / {fa:.3f} |")
    out.append(f"| A. predicted / gold / matched | {len(pred_a)} / {ng} / {len(pairs_a)} |")
    for t in ("organisation", "person", "place"):
        m, n = rec_a[t]
        out.append(f"| A. recall, {t} | {m / n if n else 0:.3f} ({m}/{n}) |")
    mb = len(pairs_b)
    out.append(f"| B. bundled gazetteers: share of gold mentions found | {mb / ng if ng else 0:.3f} ({mb}/{ng}) |")
    for t in ("organisation", "person", "place"):
        m, n = rec_b[t]
        out.append(f"| B. share found, {t} | {m / n if n else 0:.3f} ({m}/{n}) |")
    out.append(f"| B. predictions overlapping no gold mention (spurious) | {len(spurious_b)} of {len(pred_b)} |")
    nm = len(missing)
    out.append(f"| C. actors the bundled gazetteers miss | {nm} of {len(all_actors)} |")
    out.append(f"| C. suggest: share of missing actors proposed | {len(missing_proposed) / nm if nm else 0:.3f} ({len(missing_proposed)}/{nm}) |")
    nr = len(rows_c)
    out.append(f"| C. suggest: share of rows worth keeping | {len(keep_rows) / nr if nr else 0:.3f} ({len(keep_rows)}/{nr}) |")
    out.append("")

    def show_row(r):
        al = r.get("aliases", "")
        return f"{r.get('label', '')}{' [' + al + ']' if al else ''} ({r.get('type', '')}, {r.get('count', '?')})"

    out.append("C. suggested rows judged not worth keeping (check by hand):")
    for r in junk_rows:
        out.append(f"  - {show_row(r)}")
    out.append("C. missing actors not proposed:")
    out.append("  " + ", ".join(f"{actors[x]['label']}" for x in missing if x not in proposed))
    out.append("")

    if a.details:
        for title, pred, pairs, same in (("A (-g actors.tsv)", pred_a, pairs_a, lambda g, p: g["actor"] == p["id"]),
                                         ("B (bundled gazetteers)", pred_b, pairs_b, same_b)):
            used = set(pairs.values())
            out.append(f"==== details {title}")
            for d in docs:
                fn = [g for i, g in enumerate(gold) if g["doc"] == d and i not in pairs]
                fp = [p for j, p in enumerate(pred) if p["doc"] == d and j not in used]
                if not fn and not fp:
                    continue
                out.append(f"-- {d}")
                for g in fn:
                    got = [p for p in pred if p["doc"] == d and overlap(g, p)]
                    note = "; predicted " + ", ".join(f"{p['id']} '{p['text']}'" for p in got) if got else ""
                    out.append(f"  FN {g['actor']}: {tdocs.context(d, g['start'], g['end'])}{note}")
                for p in fp:
                    m = f" ({p['match']})" if p.get("match") else ""
                    out.append(f"  FP {p['id']}{m}: {tdocs.context(d, p['start'], p['end'])}")
            out.append("")
        out.append("==== details C (suggest rows)")
        for r, acts in zip(rows_c, row_actors):
            out.append(f"  {'keep' if acts else 'junk'} {show_row(r)}" + (f" -> {', '.join(acts)}" if acts else ""))
        out.append("")

    print("\n".join(out))
    if a.json:
        fig = {
            "texts": len(docs), "gold_mentions": ng, "actors": len(all_actors),
            "A": {"precision": pa, "recall": ra, "f1": fa, "predicted": len(pred_a), "matched": len(pairs_a),
                  "recall_by_type": {t: (m / n if n else 0) for t, (m, n) in rec_a.items()}},
            "B": {"found": mb / ng if ng else 0, "by_type": {t: (m / n if n else 0) for t, (m, n) in rec_b.items()},
                  "spurious": len(spurious_b), "predicted": len(pred_b)},
            "C": {"missing_actors": nm, "missing_proposed": len(missing_proposed) / nm if nm else 0,
                  "rows": nr, "rows_kept": len(keep_rows) / nr if nr else 0},
            "missing_actors": missing,
        }
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(fig, f, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
