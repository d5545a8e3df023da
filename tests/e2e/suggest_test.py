#!/usr/bin/python3
"""stakegraph suggest (SPEC §15): acronym definitions, people introduced by a
title, a role, a verb of saying or a first name, capitalised sequences; names
the gazetteers match, generic words and credits are left out; a person's
surname is in its column, never an alias; the output loads as a gazetteer; it
is deterministic; bad input never crashes it.

usage: suggest_test.py STAKEGRAPH SOURCE_DIR
"""
import os
import subprocess
import sys
import tempfile

EXE, SRC = sys.argv[1], sys.argv[2]
failures = 0
checks = 0

# Invented texts (no real article): every kind of suggestion, and names a
# gazetteer already has (the Agence Régionale de Santé, Bernadette Olivier).
DOC_A = """Les Échos du Littoral

La Coopérative laitière des Alpes du Sud (CLAS) a signé mardi un accord avec l’Union pour
les producteurs engagés 84 (UPE 84). Selon M. Kowalczyk, la coopérative gagnera du temps.
« Nous avons attendu longtemps », explique Romain Kowalczyk, trésorier de la CLAS. Le
directeur de l’Agence Régionale de Santé, Bernadette Olivier, salue un projet utile.
L’accord passe par Lumivert Industries, qui fournit les cuves. Elles arrivent
à Sainte-Aurore en mai.

La présidente de la Métropole Antoine Ferrandi a promis des routes. Grégoire Maillard,
président du Comité des Fêtes de Sainte-Aurore, regrette un calendrier trop serré.
"""
DOC_B = """Lumivert Industries recrute à Sainte-Aurore.

Le groupe travaille aussi avec la CLAS et avec Lumivert Industries. Mme Delacroix-Vidal
et le Dr Okonkwo ont visité l’usine. FMCT (Fédération des moulins et coopératives du
Tarn) s’est jointe au projet, d’après Lumivert Industries. Le Blog Vertueux en parle une fois.
Concrètement, le dossier avance avec l’Agence Régionale de Santé. Concrètement, rien ne bouge.
"""
# Page furniture, generic words, a person named once by first name and
# surname, two names joined by "et".
DOC_C = """Par Apolline Rouvray

Le CHU et l’Agence ont reçu Bastien Morlaix, venu du Nord. Photo : Jules Tramoni

Les cliniques Vallombre et Castelroc fusionnent, a dit le Premier ministre.
"""
GAZ = ("id\tlabel\ttype\taliases\n"
       "org:ars-test\tAgence Régionale de Santé\torganisation\tARS\n"
       "person:bernadette-olivier\tBernadette Olivier\tperson\t\n")


def check(cond, what):
    global failures, checks
    checks += 1
    if not cond:
        failures += 1
        print("FAIL:", what)


def run(*args, expect=0, stdin=None):
    p = subprocess.run([EXE, *args], input=stdin, capture_output=True, timeout=120)
    if p.returncode != expect:
        check(False, "exit status %d (wanted %d): suggest %s\n%s" %
              (p.returncode, expect, " ".join(args), p.stderr.decode(errors="replace")))
    check(p.returncode >= 0, "no crash (signal %d)" % -p.returncode)
    return p


def rows(out):
    lines = out.decode().splitlines()
    check(lines and lines[0] == "id\tlabel\ttype\taliases\tsurname\tcount\texample",
          "header line: %r" % (lines[:1],))
    result = {}
    for line in lines[1:]:
        f = line.split("\t")
        check(len(f) == 7, "seven columns: %r" % line)
        if len(f) == 7:
            result[f[1]] = {"id": f[0], "type": f[2], "aliases": f[3], "surname": f[4],
                            "count": int(f[5]), "example": f[6]}
    return result


with tempfile.TemporaryDirectory() as tmp:
    corpus = os.path.join(tmp, "corpus")
    os.mkdir(corpus)
    for name, text in (("a.txt", DOC_A), ("b.txt", DOC_B), ("c.txt", DOC_C)):
        with open(os.path.join(corpus, name), "w") as f:
            f.write(text)
    gaz = os.path.join(tmp, "gaz.tsv")
    with open(gaz, "w") as f:
        f.write(GAZ)

    out = run("suggest", "-g", gaz, corpus).stdout
    got = rows(out)
    print(out.decode())

    def has(label, typ, aliases=None, count=None, surname=None):
        r = got.get(label)
        check(r is not None, "suggested: %s" % label)
        if r is None:
            return
        check(r["type"] == typ, "%s is a %s (got %s)" % (label, typ, r["type"]))
        if aliases is not None:
            check(r["aliases"] == aliases, "%s aliases %r (got %r)" % (label, aliases, r["aliases"]))
        if surname is not None:
            check(r["surname"] == surname, "%s surname %r (got %r)" % (label, surname, r["surname"]))
        if count is not None:
            check(r["count"] == count, "%s count %d (got %d)" % (label, count, r["count"]))
        check(label.split()[-1] in r["example"] or (aliases or "") in r["example"],
              "%s: example names it: %r" % (label, r["example"]))
        check(len(r["example"].encode()) <= 260 and "\t" not in r["example"],
              "%s: example short, one line" % label)

    # acronym definitions: Long Form (ACR), with digits, ACR (Long Form)
    has("Coopérative laitière des Alpes du Sud", "organisation", "CLAS", 4)
    has("Union pour les producteurs engagés 84", "organisation", "UPE 84", 2)
    has("Fédération des moulins et coopératives du Tarn", "organisation", "FMCT", 2)
    # people: a title (M., Mme, Dr) with the full name elsewhere, a role
    # after, a role before (no comma), a verb of saying, a first name; the
    # surname in its column, never an alias (so "M. Kowalczyk", written
    # before the full name, is not counted: extract would not count it)
    has("Romain Kowalczyk", "person", "", 1, "Kowalczyk")
    check("Kowalczyk" not in got, "M. Kowalczyk joins Romain Kowalczyk")
    has("Delacroix-Vidal", "person", "", 1)
    has("Okonkwo", "person", "", 1)
    has("Grégoire Maillard", "person", "", 1, "Maillard")
    has("Antoine Ferrandi", "person", "", 1, "Ferrandi")
    has("Bastien Morlaix", "person", "", 1, "Morlaix")
    # names joined by "et" are two rows
    has("Vallombre", "organisation", "", 1)
    has("Castelroc", "organisation", "", 1)
    # generic words, bylines and credits are left out
    for label in ("CHU", "Agence", "Nord", "Premier", "Apolline Rouvray", "Jules Tramoni",
                  "Vallombre et Castelroc"):
        check(label not in got, "not suggested (generic or credit): %s" % label)
    # a capitalised sequence seen 4 times (once at a sentence start), a
    # place; one seen once is left out (--min-count 1 brings it)
    has("Lumivert Industries", "organisation", "", 4)
    has("Sainte-Aurore", "place", "", 2)  # and once inside the Comité des Fêtes' name
    check("Blog Vertueux" not in got, "a sequence seen once is left out")
    for label in ("Les Échos du Littoral", "Selon", "Nous", "Le", "Métropole Antoine Ferrandi",
                  "Concrètement"):
        check(label not in got, "not suggested: %s" % label)
    # what the gazetteer matches is not suggested
    for label in ("Agence Régionale de Santé", "ARS", "Bernadette Olivier", "Olivier",
                  "Régionale de Santé"):
        check(label not in got, "covered by the gazetteer: %s" % label)
    # ids like the bundled ones, unique
    ids = [r["id"] for r in got.values()]
    check(len(set(ids)) == len(ids), "unique ids")
    check(got.get("Romain Kowalczyk", {}).get("id") == "person:romain-kowalczyk", "person id")
    check(got.get("Coopérative laitière des Alpes du Sud", {}).get("id") ==
          "org:cooperative-laitiere-des-alpes-du-sud", "organisation id (folded slug)")
    # sorted by count, then label
    order = [(-r["count"], label) for label, r in got.items()]
    lines = out.decode().splitlines()[1:]
    keys = [(-int(l.split("\t")[5]), l.split("\t")[1]) for l in lines]
    check(keys == sorted(keys), "sorted by count desc, then label")

    more = rows(run("suggest", "-g", gaz, "--min-count", "1", corpus).stdout)
    check("Blog Vertueux" in more, "--min-count 1 keeps a sequence seen once")
    # without the gazetteer, its names are suggested
    empty = os.path.join(tmp, "empty.tsv")
    with open(empty, "w") as f:
        f.write("id\tlabel\ttype\n")
    bare = rows(run("suggest", "-g", empty, corpus).stdout)
    check("Bernadette Olivier" in bare, "an empty gazetteer leaves the names to suggest")

    # the output loads as a gazetteer, and extract finds the rows' names
    sugg = os.path.join(tmp, "s.tsv")
    run("suggest", "-g", gaz, "-o", sugg, corpus)
    with open(sugg, "rb") as f:
        check(f.read() == out, "-o writes the same bytes")
    check(not [n for n in os.listdir(tmp) if ".tmp" in n], "no temporary file left")
    men = os.path.join(tmp, "m.tsv")
    run("extract", "-q", "-g", sugg, "-g", gaz, "--mentions", men, "-o",
        os.path.join(tmp, "g.graphml"), corpus)
    with open(men) as f:
        found = {l.split("\t")[3] for l in f.read().splitlines()[1:]}
    for label in ("Coopérative laitière des Alpes du Sud", "Romain Kowalczyk",
                  "Lumivert Industries"):
        check(got.get(label, {}).get("id") in found, "extract -g suggestions finds %s" % label)

    # deterministic: same bytes whatever the order of the inputs
    again = run("suggest", "-g", gaz, os.path.join(corpus, "c.txt"), os.path.join(corpus, "b.txt"),
                os.path.join(corpus, "a.txt")).stdout
    check(again == out, "same output for the inputs in another order")

    # JSON Lines
    import json
    jl = os.path.join(tmp, "c.jsonl")
    with open(jl, "w") as f:
        f.write(json.dumps({"id": "a", "text": DOC_A}) + "\n")
        f.write(json.dumps({"id": "b", "text": DOC_B}) + "\n")
        f.write(json.dumps({"id": "c", "text": DOC_C}) + "\n")
    check(rows(run("suggest", "-g", gaz, "--jsonl", jl).stdout).keys() == got.keys(),
          "--jsonl gives the same suggestions")

    # exit statuses
    run("suggest", expect=2)
    run("suggest", "--min-count", "0", corpus, expect=2)
    run("suggest", "--min-count", "x", corpus, expect=2)
    run("suggest", "--bogus", corpus, expect=2)
    p = run("suggest", "-g", gaz, os.path.join(tmp, "missing.txt"), expect=1)
    check(b"missing.txt" in p.stderr, "a missing input is named")
    bad = os.path.join(tmp, "bad.tsv")
    with open(bad, "w") as f:
        f.write("id\tlabel\n")
    p = run("suggest", "-g", bad, corpus, expect=1)
    check(b"bad.tsv" in p.stderr, "a bad gazetteer is named")
    check(b"usage" in run("suggest", "--help").stdout, "--help")

    # robustness: empty file, binary file, invalid UTF-8, a huge line
    junk = os.path.join(tmp, "junk")
    os.mkdir(junk)
    with open(os.path.join(junk, "empty.txt"), "w"):
        pass
    with open(os.path.join(junk, "binary.txt"), "wb") as f:
        f.write(bytes(range(256)) * 64 + b"\x00\xff\xfe(ABC)\xc3(\xe2\x82" * 100)
    with open(os.path.join(junk, "latin1.txt"), "wb") as f:
        f.write("La Société Générale des Eaux (SGE) et M. Hervé Lâm à Orléans.".encode("latin-1"))
    with open(os.path.join(junk, "long.txt"), "w") as f:
        f.write(("Grand Ensemble (GE) de Truc Machin, M. Dupont, " * 40000) + "\n")
    p = run("suggest", "-g", empty, junk)
    r = rows(p.stdout)
    check("Grand Ensemble" in r, "a huge line is scanned")
    p = run("suggest", "-g", empty, os.path.join(junk, "empty.txt"))
    check(p.stdout == b"id\tlabel\ttype\taliases\tsurname\tcount\texample\n",
          "empty corpus: header only")

    # the suggestions of the junk load as a gazetteer too
    sj = os.path.join(tmp, "junk.tsv")
    run("suggest", "-g", empty, "-o", sj, "--min-count", "1", junk)
    run("extract", "-q", "-g", sj, "-o", os.path.join(tmp, "j.graphml"), junk)

    # with the bundled gazetteers, a plan or a site by its kind in title case
    # names no body
    kinds = os.path.join(tmp, "kinds")
    os.mkdir(kinds)
    with open(os.path.join(kinds, "k.txt"), "w") as f:
        f.write("Un dispositif qui tient compte des autres outils (Plan Santé, Contrat de Ville, "
                "Nice en Fête etc.) ;\nLe Centre de vaccination Covid ouvre, le Centre de "
                "vaccination Covid ferme.\n")
    got = rows(run("suggest", kinds).stdout)
    for label in ("Contrat de Ville", "Centre de vaccination Covid"):
        check(label not in got, "a kind names no body: %s (%r)" % (label, sorted(got)))

    # the places of France the gazetteers miss: the bundled gazetteers/france by
    # default, with their official ids; --places FILE instead; --no-places none
    far = os.path.join(tmp, "far")
    os.mkdir(far)
    with open(os.path.join(far, "d.txt"), "w") as f:
        f.write("Elle a travaillé à Villejuif puis à Charleville-Mézières (Ardennes).\n")
    got = rows(run("suggest", "-g", gaz, far).stdout)
    r = got.get("Villejuif", {})
    check(r.get("id") == "place:commune:94076" and r.get("type") == "place",
          "a commune of France by its id: %r" % (r,))
    check(got.get("Ardennes", {}).get("id") == "place:department:08", "a department: %r" % got)
    check(got.get("Charleville-Mézières", {}).get("type") == "place", "a commune: %r" % got)
    got = rows(run("suggest", "-g", gaz, "--no-places", far).stdout)
    check(not any(r["id"].startswith("place:commune:") for r in got.values()),
          "--no-places: no commune's id: %r" % got)
    ref = os.path.join(tmp, "ref.tsv")
    with open(ref, "w") as f:
        f.write("id\tlabel\ttype\nplace:x:1\tVillejuif\tplace\n")
    got = rows(run("suggest", "-g", gaz, "--places", ref, far).stdout)
    check(got.get("Villejuif", {}).get("id") == "place:x:1", "--places FILE: %r" % got)
    check(not any(r["id"].startswith("place:department:") for r in got.values()),
          "--places FILE replaces France's: %r" % got)
    p = run("suggest", "-g", gaz, "--places", os.path.join(tmp, "none.tsv"), far, expect=1)
    check(b"none.tsv" in p.stderr, "a missing --places file is named: %r" % p.stderr)

print("%d checks, %d failed" % (checks, failures))
sys.exit(1 if failures else 0)
