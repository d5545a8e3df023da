#!/usr/bin/python3
"""Generate the places of France (SPEC §3, §15) from official data.

usage: generate.py [--package DIR|TGZ] [--out DIR] [--hand DIR] [--words FILE]

Reads the npm package @etalab/decoupage-administratif (version 6.0.0, fetched with
`npm pack` into a temporary directory unless --package gives an unpacked package
directory, a directory holding `package/`, or the .tgz) and writes, in --out (default:
this script's directory), regions.tsv, departements.tsv, communes.tsv and epci.tsv:
sorted by code, same inputs -> same bytes (no clock, no hash order).

--hand DIR (default: the gazetteers/ directory above this one): the hand-made
gazetteers.  An entry of DIR/places.tsv with the same kind and INSEE code as a generated
one replaces it (the generated one is left out, listed in the header), and a name of any
hand-made entry is never given to a generated entry (see "guard" below).
--words FILE (default: /usr/share/dict/french, Debian package wfrench): the word list that
tells common French words.  Python 3 standard library only.
"""
import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import unicodedata

PACKAGE = "@etalab/decoupage-administratif"
VERSION = "6.0.0"
HERE = os.path.dirname(os.path.abspath(__file__))

EXACT_POPULATION = 20_000   # a guarded name of a place this big is matched with its capitals
SHORT = 3                   # names of at most this many letters are "very short"
# Famous homographs: the capitalised name is also something else (a company, a planet,
# a foreign capital), so exact capitals do not help; they get `cue` at any size.
HOMOGRAPHS = {"orange": ("cue", "the telecom company"),
              "vienne": ("cue", "Vienna, Austria"),
              "nord": ("cue", "a cardinal point, capitalised in names: Hôpital Nord, Afrique du Nord"),
              "mars": ("never", "villages named like the month and the planet")}
BIG = 100_000               # a saint's name alone (Saint-Joseph) is unguarded from this size
# Generated entries that are the same entity as a hand-made one of another type
# (left out when that id is loaded from --hand).
SAME_AS = {("epci", "200054807"): "org:metropole-amp"}
KINDS = ("region", "department", "epci", "commune")   # rank for homonyms: coarser first
FILES = {"region": "regions.tsv", "department": "departements.tsv",
         "commune": "communes.tsv", "epci": "epci.tsv"}
ARTICLES = ("le ", "la ", "les ", "l'")

# ------------------------------------------------------------ folding (as stakegraph)
_TR = {ord(c): "'" for c in "’ʼ‘"}
_TR.update({ord(c): " " for c in "-‐‑‒–—―"})


def fold(s):
    s = s.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    return " ".join(s.casefold().translate(_TR).split())


def letters(s):
    return sum(1 for c in fold(s) if c.isalnum())


# ------------------------------------------------------------ inputs
def fetch(tmp):
    """npm pack the pinned version into tmp; return the .tgz path."""
    try:
        subprocess.run(["npm", "pack", "--silent", f"{PACKAGE}@{VERSION}"], cwd=tmp,
                       check=True, stdout=subprocess.DEVNULL)
    except (OSError, subprocess.CalledProcessError) as e:
        sys.exit(f"generate.py: cannot fetch {PACKAGE}@{VERSION} with npm pack ({e}); "
                 "give --package DIR|TGZ")
    tgz = glob.glob(os.path.join(tmp, "*.tgz"))
    if len(tgz) != 1:
        sys.exit("generate.py: npm pack wrote no single .tgz")
    return tgz[0]


def package_dir(arg, tmp):
    if arg is None or os.path.isfile(arg):
        tgz = arg or fetch(tmp)
        with tarfile.open(tgz) as t:
            for m in t.getmembers():
                if m.name.startswith("/") or ".." in m.name.split("/") or not (m.isfile() or m.isdir()):
                    sys.exit(f"generate.py: {tgz}: unsafe member {m.name!r}")
            t.extractall(os.path.join(tmp, "x"))
        arg = os.path.join(tmp, "x")
    for d in (arg, os.path.join(arg, "package")):
        if os.path.isfile(os.path.join(d, "data", "communes.json")):
            return d
    sys.exit(f"generate.py: {arg}: no data/communes.json (nor package/data/communes.json)")


def read_hand(hand, skip=""):
    """(places by (kind, insee) -> (id, label), folded name -> ids, ids) of the hand-made gazetteers
    (`skip`: this script's own bundled output there, not hand-made)."""
    places, names, ids = {}, {}, set()
    for path in sorted(glob.glob(os.path.join(hand, "*.tsv"))):
        if skip and os.path.abspath(path) == os.path.abspath(skip):
            continue
        header = None
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\r\n")
                if not line.strip() or line.startswith("#"):
                    continue
                cells = line.split("\t")
                if header is None:
                    header = {c.strip(): i for i, c in enumerate(cells)}
                    continue
                get = lambda c: cells[header[c]].strip() if c in header and header[c] < len(cells) else ""
                eid = get("id")
                ids.add(eid)
                for n in [get("label")] + [a for a in get("aliases").split("|") if a.strip()]:
                    names.setdefault(fold(n.strip().lstrip("=!")), set()).add(eid)
                if os.path.basename(path) == "places.tsv" and get("insee") and get("kind"):
                    places[(get("kind"), get("insee"))] = (eid, get("label"))
    return places, names, ids


def read_words(path):
    words = set()
    with open(path, encoding="utf-8") as f:
        for w in f:
            w = w.strip()
            if w:
                words.add(fold(w))
    return words


# ------------------------------------------------------------ entries
def clean_label(name):
    """A name must start and end with a letter or digit: brackets and quotes go."""
    extra = None
    m = re.fullmatch(r"(.*?)\s*\(([^()]*)\)", name)
    if m:
        name, extra = m.group(1), m.group(2).strip()
    name = re.sub(r"[\"“”]|''", "", name).strip(" '")
    return " ".join(name.split()), extra


def st_alias(label):
    alias = re.sub(r"(?<![\w'])Sainte(?=[- ])", "Ste", label)
    alias = re.sub(r"(?<![\w'])Saint(?=[- ])", "St", alias)
    return alias if alias != label else None


def entry(kind, code, label, **kw):
    e = dict(kind=kind, code=code, label=label, aliases=[], department="", region="",
             population=None, guard="", why="")
    e.update(kw)
    e["id"] = f"place:{kind}:{code}"
    return e


def build(data):
    load = lambda f: json.load(open(os.path.join(data, f), encoding="utf-8"))
    communes = [c for c in load("communes.json") if c.get("type") == "commune-actuelle"]
    out = []
    pop_dep, pop_reg = {}, {}
    for c in communes:
        p = c.get("population") or 0
        pop_dep[c["departement"]] = pop_dep.get(c["departement"], 0) + p
        pop_reg[c["region"]] = pop_reg.get(c["region"], 0) + p
    for r in load("regions.json"):
        out.append(entry("region", r["code"], r["nom"], region=r["code"],
                         population=pop_reg.get(r["code"])))
    for d in load("departements.json"):
        out.append(entry("department", d["code"], d["nom"], department=d["code"],
                         region=d["region"], population=pop_dep.get(d["code"])))
    dep_of = {}
    for c in communes:
        label, extra = clean_label(c["nom"])
        if extra:
            label = f"{label}, {extra}"
        dep_of[c["code"]] = (c["departement"], c["region"])
        out.append(entry("commune", c["code"], label, department=c["departement"],
                         region=c["region"], population=c.get("population")))
    prefix = {"CC": "Communauté de communes", "CA": "Communauté d'agglomération",
              "CU": "Communauté urbaine"}
    for x in load("epci.json"):
        label, extra = clean_label(x["nom"])
        e = entry("epci", x["code"], label, population=x.get("populationMunicipale"))
        deps = sorted({dep_of[m["code"]][0] for m in x.get("membres", []) if m["code"] in dep_of})
        regs = sorted({dep_of[m["code"]][1] for m in x.get("membres", []) if m["code"] in dep_of})
        e["department"], e["region"] = ",".join(deps), ",".join(regs)
        head, _, rest = label.partition(" ")
        if head in prefix and rest:
            e["aliases"].append(f"{prefix[head]} {rest}")
        if extra:
            if re.fullmatch(r"[A-Z0-9][A-Z0-9 ]*[A-Z0-9]", extra) and letters(extra) >= 4:
                e["aliases"].append(extra)          # acronym: matched in capitals only
            elif " " in extra and extra[0].isupper() and extra[-1].isalnum():
                e["aliases"].append(extra)          # another name: (Cap Atlantique)
        out.append(e)
    for e in out:
        if e["kind"] in ("commune", "epci", "department", "region"):
            a = st_alias(e["label"])
            if a:
                e["aliases"].append(a)
    return out


def names(e):
    return [(e["label"], True)] + [(a, False) for a in e["aliases"]]


def rank(e):
    return (KINDS.index(e["kind"]), -(e["population"] or 0), e["code"])


def is_common(fl, words):
    """'word', 'article' (article + one word: Le Port, L'Hôpital) or None."""
    if fl in words:
        return "word"
    for a in ARTICLES:
        if fl.startswith(a) and " " not in fl[len(a):] and "'" not in fl[len(a):]:
            return "article" if fl[len(a):] in words else None
    return None


def guard(entries, hand_names, words):
    # Homonyms: a name (label or alias) shared by several entries.
    claims = {}
    for e in entries:
        for n, is_label in names(e):
            claims.setdefault(fold(n), []).append((e, is_label))
    for fl, cl in claims.items():
        hand = sorted(hand_names.get(fl, ()))
        if len(cl) == 1 and not hand:
            continue
        ranked = sorted(cl, key=lambda c: rank(c[0]))
        # the same entry may claim a name twice (label + alias): keep one
        losers = ranked if hand else [c for c in ranked[1:] if c[0] is not ranked[0][0]]
        for e, is_label in losers:
            if is_label:
                e["guard"] = "never"
                e["why"] = (f"name of {hand[0]}" if hand
                            else f"homonym of {ranked[0][0]['id']}")
            else:
                e["aliases"] = [a for a in e["aliases"] if fold(a) != fl]
    # Common words and very short names.
    for e in entries:
        if e["guard"]:
            continue
        fl = fold(e["label"])
        pop = e["population"] or 0
        common, short = is_common(fl, words), letters(e["label"]) <= SHORT
        if short and common:
            e["guard"], e["why"] = ("exact", "short word, big") if pop >= EXACT_POPULATION else ("never", "short word")
        elif short:
            e["guard"], e["why"] = ("exact", "short, big") if pop >= EXACT_POPULATION else ("cue", "short")
        elif fl in HOMOGRAPHS:
            e["guard"], e["why"] = HOMOGRAPHS[fl][0], "homograph: " + HOMOGRAPHS[fl][1]
        elif common == "article":
            e["guard"], e["why"] = ("exact", "article + word, big") if pop >= EXACT_POPULATION else ("never", "article + word")
        elif re.fullmatch(r"saint(e)? [^ ']+", fl) and pop < BIG:
            e["guard"], e["why"] = "cue", "saint's name"
        elif common:
            e["guard"], e["why"] = ("exact", "word, big") if pop >= EXACT_POPULATION else ("cue", "word")


# ------------------------------------------------------------ output
COLUMNS = ("id", "label", "type", "aliases", "kind", "insee", "department", "region",
           "population", "guard")
WHAT = {"region": "regions", "department": "departments", "commune": "current communes",
        "epci": "EPCI (intercommunalités à fiscalité propre)"}


REGION = "93"  # Provence-Alpes-Côte d'Azur: its communes are bundled (--region-out)
BUNDLED_COLUMNS = ("id", "label", "type", "aliases", "kind", "department", "insee", "guard")


def header(kind, version, nwords, left_out, bundled=0, region_file=False):
    src = {"region": "data/regions.json", "department": "data/departements.json",
           "commune": "data/communes.json (type commune-actuelle only: no arrondissement municipal, commune déléguée or associée)",
           "epci": "data/epci.json"}[kind]
    code = {"region": "INSEE region code", "department": "INSEE department code",
            "commune": "INSEE commune code (COG)", "epci": "SIREN number"}[kind]
    pop = {"region": "the sum of its communes' populations: the package has no figure of its own",
           "department": "the sum of its communes' populations: the package has no figure of its own",
           "commune": "the package's population (INSEE, légale)",
           "epci": "populationMunicipale of the package"}[kind]
    what = (f"the current communes of Provence-Alpes-Côte d'Azur (region {REGION}) that places.tsv does not list, bundled so that the default run reads them (the other communes of France are in gazetteers/france, opt-in)"
            if region_file else f"the {WHAT[kind]} of France")
    lines = [
        f"stakegraph gazetteer: {what} (SPEC §3, §15). UTF-8, tab-separated. Generated by gazetteers/france/generate.py: do not edit by hand.",
        f"Origin: npm package {PACKAGE} {version} ({src}), by Etalab, built from INSEE's Code officiel géographique and légal populations"
        + (" and the DGCL's list of EPCI à fiscalité propre" if kind == "epci" else "") + " (package README, Sources).",
        "Licence: the data are under the Licence Ouverte / Open Licence of Etalab (package README: 'Données : Licence Ouverte', linking etalab.gouv.fr/licence-ouverte-open-licence, version 2.0); the package's code is MIT. Reuse is free; cite the source (this line does).",
        f"Regenerate: python3 gazetteers/france/generate.py (fetches {PACKAGE}@{VERSION} with npm pack; or --package DIR|TGZ); common words come from Debian's wfrench (/usr/share/dict/french, {nwords} folded words when generated).",
        ("Columns: those of places.tsv: id (place:commune:CODE), label (official name), type, aliases (separated by |: 'St-'/'Ste-' for 'Saint-'/'Sainte-'), kind, department (INSEE code), insee (INSEE commune code (COG)), guard." if region_file else
         f"Columns: id (place:{kind}:CODE), label (official name; a bracket becomes ', ...' and quotes go, as names start and end with a letter or digit), type, aliases (separated by |: 'St-'/'Ste-' for 'Saint-'/'Sainte-'"
        + ("; the CC/CA/CU prefix spelt out; the bracketed acronym (>= 4 letters) or other name" if kind == "epci" else "")
        + f"), kind, insee ({code}), department and region (INSEE codes{'; every department/region of the members, comma-separated' if kind == 'epci' else ''}), population ({pop}), guard."),
        "guard (ambiguity guard; applies to the label and every alias not prefixed with !): empty = matched as usual; exact = only with the capitals as written; confirm = only in a document where an unguarded name of the same entry also matches (not used here: no entry has an unguarded ! name); cue = only right after a cue (à, de, d’, en, commune de, ville de, département du, ...); never = not matched.",
        f"Rule: a name shared with a hand-made gazetteer (gazetteers/*.tsv) or with a bigger generated entry (region > department > EPCI > commune, then population, then code) -> never (only the alias is dropped if only an alias is shared). Else, by the folded name: <= {SHORT} letters and a word of the list -> never, not a word -> cue; "
        f"a word of the list -> cue; article + word (Le Port, L'Hôpital: cues precede them as phrases) -> never; in these three cases exact instead from {EXACT_POPULATION:,} inhabitants (capitalised, a town's name is the town); a saint's name alone (Saint-Joseph, also hospitals and churches) -> cue under {BIG:,} inhabitants. "
        "Homographs whose capitalised form is something else too: Orange, Vienne, Nord -> cue; Mars -> never.",
    ]
    if bundled:
        lines.append(f"Left out: the {bundled} communes of region {REGION} that gazetteers/communes.tsv bundles.")
    if region_file:
        pass
    elif left_out:
        lines.append("Left out, already in the hand-made gazetteers (same kind and code, or for the EPCI the same body as listed in SAME_AS of generate.py; so -g gazetteers -g gazetteers/france loads each place once): "
                     + "; ".join(f"{c} {lbl} ({hid})" for c, lbl, hid in left_out) + ".")
    else:
        lines.append("Left out: none (no entry of this kind in the hand-made gazetteers).")
    return "".join("# " + l + "\n" for l in lines)


def write(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--package", help="unpacked package directory or .tgz (default: npm pack)")
    ap.add_argument("--out", default=HERE)
    ap.add_argument("--hand", default=os.path.dirname(HERE))
    ap.add_argument("--words", default="/usr/share/dict/french")
    ap.add_argument("--region-out", default=None,
                    help=f"where the communes of region {REGION} go, left out of --out's communes.tsv "
                         "(default: HAND/communes.tsv when --hand is the default, else none)")
    args = ap.parse_args()
    region_out = args.region_out
    if region_out is None:
        region_out = (os.path.join(args.hand, "communes.tsv")
                      if os.path.abspath(args.hand) == os.path.abspath(os.path.dirname(HERE)) else "")
    if not os.path.isfile(args.words):
        sys.exit(f"generate.py: {args.words}: no word list (apt-get install wfrench)")
    words = read_words(args.words)
    places, hand_names, hand_ids = read_hand(args.hand, region_out)
    tmp = tempfile.mkdtemp(prefix="stakegraph-places.")
    try:
        pkg = package_dir(args.package, tmp)
        with open(os.path.join(pkg, "package.json"), encoding="utf-8") as f:
            meta = json.load(f)
        if meta.get("name") != PACKAGE:
            sys.exit(f"generate.py: {pkg}: not {PACKAGE}")
        version = meta.get("version", "?")
        if version != VERSION:
            print(f"generate.py: warning: {PACKAGE} {version}, not the pinned {VERSION}", file=sys.stderr)
        entries = build(os.path.join(pkg, "data"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    kept, left = [], {k: [] for k in KINDS}
    for e in entries:
        hid = (places.get((e["kind"], e["code"])) or (None,))[0]
        if hid is None and SAME_AS.get((e["kind"], e["code"])) in hand_ids:
            hid = SAME_AS[(e["kind"], e["code"])]
        if hid:
            left[e["kind"]].append((e["code"], e["label"], hid))
        else:
            kept.append(e)
    guard(kept, hand_names, words)
    os.makedirs(args.out, exist_ok=True)
    bundled = [e for e in kept if region_out and e["kind"] == "commune" and e["region"] == REGION]
    bundled_codes = {e["code"] for e in bundled}
    outputs = [(kind, os.path.join(args.out, FILES[kind]),
                [e for e in kept if e["kind"] == kind and not (kind == "commune" and e["code"] in bundled_codes)],
                header(kind, version, len(words), sorted(left[kind]),
                       len(bundled) if kind == "commune" else 0))
               for kind in KINDS]
    if region_out:
        outputs.append(("commune", region_out, bundled,
                        header("commune", version, len(words), [], 0, True)))
    for kind, path, chosen, head in outputs:
        # (the bundled file has places.tsv's columns: no column that the
        # bundled gazetteers' networks would carry on every node, empty)
        bundled_file = path == region_out
        rows = sorted(chosen, key=lambda e: e["code"])
        text = head
        text += "\t".join(BUNDLED_COLUMNS if bundled_file else COLUMNS) + "\n"
        for e in rows:
            al = []
            for a in e["aliases"]:
                if fold(a) != fold(e["label"]) and a not in al:
                    al.append(a)
            if bundled_file:
                cells = [e["id"], e["label"], "place", "|".join(al), kind, e["department"], e["code"],
                         e["guard"]]
            else:
                cells = [e["id"], e["label"], "place", "|".join(al), kind, e["code"],
                         e["department"], e["region"],
                         "" if e["population"] is None else str(e["population"]), e["guard"]]
            assert all("\t" not in c and "\n" not in c for c in cells), cells
            text += "\t".join(cells) + "\n"
        write(path, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
