#!/usr/bin/python3
"""Deterministic benchmark input (SPEC §12).

usage: gen.py OUTDIR ENTRIES CORPUS_MB --data DIR [--dense]

Writes OUTDIR/gazetteer.tsv (ENTRIES entities) and OUTDIR/corpus/NNNNNN.txt, French-like
documents totalling at least CORPUS_MB MB (0: no document) that name the gazetteer's
entities.  Same arguments, same bytes: fixed seeds, sorted inputs, no clock, no hash order.

Gazetteer.  DIR is the `data/` directory of the npm package @etalab/decoupage-administratif
(MIT licence; bench.sh fetches version 6.0.0 with `npm pack`).  Places: the regions of
metropolitan France and the overseas departments-regions, every department, every current
commune (type 'commune-actuelle'); organisations: every EPCI (its "CC"/"CA"/"CU" prefix
spelt out as an alias, a capitalised acronym in brackets as an alias).  The rest, up to
100,000 entries, is invented: people ("Prénom Nom", built from lists of common French first
names and surnames) and organisations (hospitals, clinics, associations, unions, ... of a
commune or a department; some carry an ALL-CAPS acronym of >= 3 letters as an alias).
Columns: id label type aliases kind insee department population.

Homonyms.  stakegraph gives a name shared by two entities to the one whose id sorts first
(README, "Overlaps"), silently; a Python dictionary keeps the last one.  Neither is what an
analyst wants, so every name (label or alias, folded as stakegraph folds: case, accents,
apostrophes, dash = space, white space, oe) belongs to exactly one entity.  Places that
fold to the same name ('Saint-Martin', 'Beaulieu', Paris the commune and Paris the
department, La Réunion the region and the department) are ranked by population (region,
then commune, then department on a tie, then code); the first keeps the bare name, the
others become 'Beaulieu, Cantal' (the department's name), 'département de Paris', or, if
still ambiguous, 'Castillon, 64172' (INSEE code).  stakegraph wants every name to start
and end with a letter or a digit, hence no 'Beaulieu (15)'; a bracket in the official
name ('Castillon (Canton d'Arthez-de-Béarn)') is dropped the same way.  Invented names that
would collide are drawn again.  Generated acronyms are never a word of any name or of the
corpus vocabulary (the Python pipeline of bench.sh matches them in lower case too);
vocabulary words that fold to a name are dropped, so that only the mentions written on
purpose (and the odd multi-word accident) name entities.

Size.  ENTRIES >= 100,000: the places, then the first ENTRIES - |places| invented entries
of a fixed stream.  ENTRIES < 100,000: an evenly spaced subset (every k-th entry in id
order) of the 100,000-entry gazetteer, so the 1,000-entry gazetteer mixes places, people
and organisations and is a subset of the 100,000-entry one.

Dense corpus (--dense, issue 16).  The same documents, but each sentence names 2-8
actors, drawn from the 6,000 first of the fixed order with a steeper law (weight
1 / (r + 1)^1.35): sentences crowded with actors, thousands of distinct ones.  At 40 MB
the network has the shape of the corpus issue 16 measured (5,500 actors, 140,000 edges);
with the sparse corpus's law (0.8) it had 6,200 actors and 840,000 edges, six times the
edges of the issue's.

Corpus.  Documents of a title and 3-8 paragraphs of 2-6 sentences of 8-30 words (real
French words, commas, guillemets, numbers such as 18,5 and 3.2, abbreviations M., Mme,
Dr., etc.), with 0-3 mentions a sentence of entities drawn with a Zipf-like law (or again
one already named in the document).  Mentions come in the variants found in press text:
as written, in capitals, without accents, a dash written as a space, with elision
(l’/d’, typographic or straight apostrophe), 'la commune de X', a person named again as
'M. Nom'/'Mme Nom'/'Nom', an organisation by its acronym or 'Long name (ACR)'.
"""
import argparse
import bisect
import itertools
import json
import os
import random
import re
import sys
import unicodedata

FULL = 100_000  # the size of the reference gazetteer; smaller ones are subsets of it
DENSE_POOL = 6000  # the actors a dense corpus draws from
ZIPF, DENSE_ZIPF = 0.8, 1.35  # the laws of the actors' ranks (sparse, dense corpus)

# ---------------------------------------------------------------- folding (as stakegraph)
_TR = {ord(c): "'" for c in "’ʼ‘"}
_TR.update({ord(c): " " for c in "-‐‑‒–—―"})


def fold(s):
    s = s.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    return " ".join(s.casefold().translate(_TR).split())


def strip_accents(s):
    return unicodedata.normalize(
        "NFC", "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)))


# ---------------------------------------------------------------- word lists
MALE = """Jean Pierre Michel André Philippe Alain Bernard Jacques Daniel Patrick Christian
Nicolas Christophe Frédéric Laurent Stéphane Olivier Éric Thierry Pascal David Sébastien
Julien Guillaume Vincent François Thomas Antoine Maxime Alexandre Romain Mathieu Benoît
Jérôme Arnaud Didier Gilles Bruno Serge Hervé Yves Marc Luc Paul Louis Hugo Lucas Théo
Léo Gabriel Raphaël Arthur Jules Adam Nathan Enzo Mathis Clément Quentin Florian Kévin
Anthony Jérémy Cédric Fabrice Franck Ludovic Sylvain Xavier Rémi Jean-Pierre Jean-Marc
Jean-Luc Jean-Claude Jean-François Jean-Paul Jean-Louis Pierre-Yves Marc-Antoine Hakim
Karim Mohamed Mehdi Samir Yannick Gaël Erwan Loïc Ronan""".split()
FEMALE = """Marie Nathalie Isabelle Sylvie Catherine Françoise Christine Monique Valérie
Sandrine Sophie Véronique Nicole Martine Anne Céline Stéphanie Aurélie Julie Camille Laura
Émilie Sarah Manon Léa Chloé Emma Inès Jade Louise Alice Lina Clara Juliette Pauline
Mathilde Charlotte Lucie Margaux Océane Audrey Caroline Virginie Laetitia Élodie Florence
Hélène Agnès Brigitte Chantal Dominique Claire Élise Éloïse Agathe Zoé Anaïs Mélanie
Delphine Karine Muriel Patricia Corinne Béatrice Marie-Claire Marie-Hélène Anne-Sophie
Marie-Christine Anne-Marie Fatima Samia Nadia Yasmine Soizic Maëlle Gwenaëlle Solène""".split()
SURNAMES = """Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon
Michel Lefebvre Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont Lambert
Fontaine Rousseau Vincent Muller Lefèvre Faure André Mercier Blanc Guérin Boyer Garnier
Chevalier François Legrand Gauthier Garcia Perrin Robin Clément Morin Nicolas Henry
Roussel Mathieu Gautier Masson Marchand Duval Denis Dumont Marie Lemaire Noël Meyer
Dufour Meunier Brun Blanchard Giraud Joly Rivière Lucas Brunet Gaillard Barbier Arnaud
Martinez Gérard Roche Renard Schmitt Roy Leroux Colin Vidal Caron Picard Roger Fabre
Aubert Lemoine Renaud Dumas Lacroix Olivier Philippe Bourgeois Pierre Benoît Rey Leclerc
Payet Rolland Leclercq Guillaume Lecomte Lopez Jean Dupuy Guillot Hubert Berger Carpentier
Sanchez Dupuis Moulin Louis Deschamps Huet Vasseur Perez Boucher Fleury Royer Klein
Jacquet Adam Paris Poirier Marty Aubry Guyot Carré Charles Renault Charpentier Ménard
Maillard Baron Bertin Bailly Hervé Schneider Fernandez Le Gall Collet Léger Bouvier
Julien Prévost Millet Perrot Daniel Le Roux Cousin Germain Breton Besson Langlois Rémy
Le Goff Pelletier Lévêque Perrier Leblanc Barré Lebrun Marchal Weber Mallet Hamon
Boulanger Jacob Monnier Michaud Rodriguez Guichard Gillet Étienne Grondin Poulain Tessier
Chevallier Collin Chauvin Da Silva Bouchet Gay Lemaître Bénard Maréchal Humbert Reynaud
Antoine Hoarau Perret Barthélemy Cordier Pichon Lejeune Gilbert Lamy Delaunay Pasquier
Carlier Laporte Gomez Bailleul Ferrand Tanguy Kerbrat Le Bihan Riou Cadiou Abgrall
Lagarde Bousquet Castel Sabatier Teyssier Vernet Combes Azéma Delmas Couderc Bonnefoy
Chabert Peyrot Ollivier Granier Arnoux Espinasse Maurel Pons Rouquette Cabanes Ferrer
Benali Haddad Bensaïd Mansouri Nguyen Tran Diallo Traoré Ndiaye Kone Camara Silva Pereira
Ferreira Rossi Russo Bianchi Colombo Esposito Ricci Marino Greco Bruno Gallo""".split()
# a few two-word surnames were split above; glue them back
_S = []
for w in SURNAMES:
    if _S and _S[-1] in ("Le", "Da"):
        _S[-1] += " " + w
    else:
        _S.append(w)
SURNAMES = sorted(set(_S))
ROLES = ["maire", "adjoint", "directeur", "directrice", "président", "présidente",
         "médecin", "infirmière", "député", "sénatrice", "conseiller départemental",
         "délégué syndical", "chercheur", "porte-parole", "préfet", "secrétaire général"]

SAINTS = ["Saint-Joseph", "Sainte-Anne", "Saint-Martin", "Saint-Roch", "Sainte-Marie",
          "Saint-Vincent", "Saint-Louis", "Saint-Jean", "Sainte-Thérèse", "Saint-Michel",
          "Sainte-Catherine", "Saint-Antoine", "Saint-François", "Sainte-Odile",
          "Saint-Charles", "Sainte-Croix"]
PLACES_GENERIC = ["du Parc", "du Lac", "des Cèdres", "des Tilleuls", "du Val", "du Pont",
                  "du Château", "des Lilas", "des Acacias", "des Peupliers", "du Moulin",
                  "de la Source", "des Pins", "de l'Étang", "des Vignes", "du Mont"]
# (template, kind, level): {c} a commune in the "de X" form, {d} a department, {s} a saint,
# {g} a generic place name.
ORG_TEMPLATES = [
    ("Centre hospitalier {c}", "hospital", "c"),
    ("Centre hospitalier intercommunal {c}", "hospital", "c"),
    ("Clinique {s} {c}", "clinic", "c"),
    ("Clinique {g} {c}", "clinic", "c"),
    ("Polyclinique {g} {c}", "clinic", "c"),
    ("EHPAD {g} {c}", "nursing-home", "c"),
    ("Résidence {s} {c}", "nursing-home", "c"),
    ("Maison de santé pluriprofessionnelle {c}", "health-centre", "c"),
    ("Centre municipal de santé {c}", "health-centre", "c"),
    ("Centre communal d'action sociale {c}", "public-body", "c"),
    ("Association des amis du patrimoine {c}", "association", "c"),
    ("Association sportive {c}", "association", "c"),
    ("Association des parents d'élèves {c}", "association", "c"),
    ("Association d'aide à domicile {c}", "association", "c"),
    ("Comité des fêtes {c}", "association", "c"),
    ("Union sportive {c}", "association", "c"),
    ("Football club {c}", "association", "c"),
    ("Office de tourisme {c}", "public-body", "c"),
    ("Syndicat intercommunal des eaux {c}", "syndicate", "c"),
    ("Syndicat mixte d'aménagement {c}", "syndicate", "c"),
    ("Syndicat des commerçants {c}", "union", "c"),
    ("Syndicat des viticulteurs {c}", "union", "c"),
    ("Coopérative agricole {c}", "company", "c"),
    ("Mission locale {c}", "public-body", "c"),
    ("Conseil départemental {d}", "public-body", "d"),
    ("Fédération départementale des chasseurs {d}", "federation", "d"),
    ("Union départementale des syndicats {d}", "union", "d"),
    ("Chambre d'agriculture {d}", "public-body", "d"),
    ("Comité départemental olympique et sportif {d}", "federation", "d"),
    ("Caisse primaire d'assurance maladie {d}", "public-body", "d"),
    ("Service départemental d'incendie et de secours {d}", "public-body", "d"),
    ("Ordre des médecins {d}", "federation", "d"),
]
STOP = {"de", "du", "des", "d", "la", "le", "les", "l", "et", "a", "à", "au", "aux", "en",
        "sur", "sous", "lès", "les"}

# Running text.  Repetition weights the frequent words.
VOCAB = """
le le le le la la la les les les des des des de de de de du du un un une une et et et
à à à en en en dans dans pour pour par par sur sur avec avec sans sous entre vers chez
ce cette ces son sa ses leur leurs notre nos votre qui qui que que dont où mais ou donc
or car ne pas plus très aussi déjà encore toujours jamais souvent peu bien mieux moins
il il elle ils elles on nous vous se est est sont a a ont était sera serait été avoir
être fait faire dit dire peut pouvoir doit devoir va aller vient venir prend prendre
annonce annoncé explique expliqué rappelle souligne précise estime affirme indique
confirme reconnaît demande propose prévoit présente lance ouvre ferme rencontre reçoit
signe vote adopte finance rejoint soutient conteste dénonce déplore salue attend craint
espère souhaite obtient reste devient semble permet
santé hôpital hôpitaux clinique service services urgences patients patient soins médecin
médecins infirmiers infirmières personnel personnels directeur directrice direction
président présidente conseil conseillers élus élu maire adjoint commune communes ville
village quartier territoire région département agglomération métropole État gouvernement
ministre ministère préfet préfecture budget millions milliards euros crédits subvention
dotation projet projets plan programme accord convention contrat réunion séance assemblée
délibération vote décision rapport étude enquête chiffres année années mois semaine jour
hier demain matin soir public publique privé privée national nationale local locale
départemental départementale régional régionale social sociale économique politique
nouveau nouvelle nouveaux nouvelles grand grande grands grandes petit petite premier
première dernier dernière prochain prochaine important importante difficile possible
nécessaire général générale seul seule même autre autres plusieurs chaque tous toutes
tout toute beaucoup environ près loin depuis pendant avant après lors contre selon malgré
afin ainsi alors cependant pourtant toutefois notamment également enfin surtout
habitants population familles enfants jeunes âgées personnes salariés emplois emploi
entreprises entreprise association associations syndicat syndicats grève manifestation
accès offre demande besoins moyens lits places postes recrutement formation
transport transports route routes travaux chantier logement logements école écoles
collège lycée université recherche culture sport sports festival marché tourisme
agriculture eau énergie environnement climat sécheresse incendie inondation risque
sécurité police justice tribunal procès loi réforme mesure mesures dispositif crise
situation question problème solution avenir histoire fin début partie ensemble
centre rue place bâtiment site terrain zone secteur réseau acteurs partenaires
responsables représentants habitants riverains usagers citoyens électeurs candidats
élection élections liste majorité opposition débat dossier sujet objectif résultat
""".split()

INSERTS = ["M. le maire", "Mme la directrice", "le Dr. Sentenac", "etc.", "cf. le rapport",
           "MM. les députés"]
TITLE_WORDS = ["Santé", "Budget", "Élections", "Hôpital", "Transports", "Logement",
               "Économie", "Société", "Politique", "Environnement", "Justice", "Éducation",
               "Culture", "Sport", "Territoires", "Emploi", "Agriculture", "Social"]


ACRONYM = re.compile(r"[A-Z][A-Z0-9 ]*[A-Z0-9]")


def de_form(name):
    """'de X' with French contraction and elision: du Havre, des Mureaux, d'Arles."""
    if name.startswith("Le "):
        return "du " + name[3:]
    if name.startswith("Les "):
        return "des " + name[4:]
    if fold(name)[0] in "aeiouyh":
        return "d'" + name
    return "de " + name


def initials(name):
    out = []
    for w in re.split(r"[ \-'’]+", strip_accents(name)):
        if w and w.lower() not in STOP and w[0].isalpha():
            out.append(w[0].upper())
    return "".join(out)


# ---------------------------------------------------------------- gazetteer
class Names:
    """Every folded name (label, alias) is owned by one entity."""

    def __init__(self):
        self.used = set()

    def free(self, *names):
        return all(fold(n) not in self.used for n in names)

    def take(self, *names):
        for n in names:
            self.used.add(fold(n))


def load_places(data):
    def jl(name):
        with open(os.path.join(data, name), encoding="utf-8") as f:
            return json.load(f)

    communes = sorted((c for c in jl("communes.json") if c["type"] == "commune-actuelle"),
                      key=lambda c: c["code"])
    deps = sorted(jl("departements.json"), key=lambda d: d["code"])
    regs = sorted((r for r in jl("regions.json") if r["zone"] in ("metro", "drom")),
                  key=lambda r: r["code"])
    epcis = sorted(jl("epci.json"), key=lambda e: e["code"])
    pop_dep, pop_reg = {}, {}
    for c in communes:
        p = c.get("population", 0)
        pop_dep[c["departement"]] = pop_dep.get(c["departement"], 0) + p
        pop_reg[c.get("region")] = pop_reg.get(c.get("region"), 0) + p
    dep_region = {d["code"]: d["region"] for d in deps}

    places = []  # dicts: id label type aliases kind insee department population, + rank
    for r in regs:
        places.append(dict(id=f"place:region:{r['code']}", label=r["nom"], type="place",
                           aliases=[], kind="region", insee=r["code"], department="",
                           population=pop_reg.get(r["code"], 0), rank=0))
    for d in deps:
        places.append(dict(id=f"place:departement:{d['code']}", label=d["nom"], type="place",
                           aliases=[], kind="departement", insee=d["code"],
                           department=d["code"], population=pop_dep.get(d["code"], 0), rank=1))
    for c in communes:
        places.append(dict(id=f"place:commune:{c['code']}", label=c["nom"], type="place",
                           aliases=[], kind="commune", insee=c["code"],
                           department=c["departement"], population=c.get("population", 0),
                           rank=2))
    # homonyms: see the comment at the top
    dep_name = {d["code"]: d["nom"] for d in deps}
    names = Names()
    groups = {}
    for p in places:
        p["bare"] = re.sub(r" \([^()]*\)$", "", p["label"])  # 'Castillon (Canton d'Arthez-de-Béarn)'
        p["label"] = p["bare"]
        groups.setdefault(fold(p["bare"]), []).append(p)
    tie = {"region": 0, "commune": 1, "departement": 2}
    for key in sorted(groups):
        g = sorted(groups[key], key=lambda p: (-p["population"], tie[p["kind"]], p["id"]))
        for p in g[1:]:
            if p["kind"] == "departement":
                p["label"] = "département " + de_form(p["bare"])
            else:
                p["label"] = f"{p['bare']}, {dep_name.get(p['department'], p['department'])}"
    for p in places:
        if not names.free(p["label"]):
            p["label"] = f"{p['bare']}, {p['insee']}"
        assert names.free(p["label"]) and valid(p["label"]), p
        names.take(p["label"])
        del p["bare"]

    prefix = {"CC": "Communauté de communes", "CA": "Communauté d'agglomération",
              "CU": "Communauté urbaine"}
    for e in epcis:
        label = " ".join(e["nom"].split())
        aliases = []
        # quotes out, no trailing apostrophe: CA de Blois ''Agglopolys'', CC Bresse Nord Intercom'
        label = " ".join(label.replace("''", " ").replace('"', " ").split()).rstrip("'")
        m = re.fullmatch(r"(.*?) \(([^()]*)\)", label)
        if m:
            label, inner = m.group(1), m.group(2)
            letters = sum(ch.isalpha() for ch in inner)
            if ACRONYM.fullmatch(inner) and letters >= 3:
                aliases.append(inner)
            elif " - " not in inner and len(inner.split()) >= 2 and inner[0].isupper() \
                    and not re.fullmatch(r"[A-Z0-9 ]+", inner):
                aliases.append(inner)
        head, _, rest = label.partition(" ")
        if head in prefix and rest:
            aliases.append(f"{prefix[head]} {rest}")  # as in the official long names
        if not names.free(label):
            label = "EPCI " + label
        assert names.free(label) and valid(label), label
        aliases = [a for a in dict.fromkeys(aliases)
                   if valid(a) and names.free(a) and fold(a) != fold(label)]
        names.take(label, *aliases)
        members = e.get("membres") or [{}]
        dep = dep_of(members[0].get("code", ""))
        places.append(dict(id=f"org:epci:{e['code']}", label=label, type="organisation",
                           aliases=aliases, kind="epci-" + e["type"].lower(), insee=e["code"],
                           department=dep, population=e.get("populationMunicipale", 0),
                           rank=3))
    return places, names, communes, deps


def valid(name):
    """stakegraph refuses a name that does not start and end with a letter or a digit."""
    f = fold(name)
    return bool(f) and f[0].isalnum() and f[-1].isalnum()


def dep_of(insee):
    if insee.startswith("97") or insee.startswith("98"):
        return insee[:3]
    return insee[:2]


def invented(names, communes, deps, forbidden_acr):
    """An endless, fixed stream of invented people and organisations."""
    rng = random.Random(1789)
    cweights = list(itertools.accumulate(max(c.get("population", 0), 50) ** 0.7
                                         for c in communes))
    deps = [d for d in deps if d["zone"] in ("metro", "drom")]
    n_person = n_org = 0
    for i in itertools.count():
        if i % 20 < 11:  # 55 % people
            for attempt in itertools.count():
                female = rng.random() < 0.5
                first = rng.choice(FEMALE if female else MALE)
                last = rng.choice(SURNAMES)
                if attempt >= 5:
                    last += "-" + rng.choice(SURNAMES)
                label = f"{first} {last}"
                if names.free(label):
                    break
            names.take(label)
            n_person += 1
            dep = rng.choice(deps)["code"]
            yield dict(id=f"person:{n_person:06d}", label=label, type="person", aliases=[],
                       kind=rng.choice(ROLES), insee="", department=dep, population="",
                       female=female, surname=last)
        else:
            while True:
                tpl, kind, level = rng.choice(ORG_TEMPLATES)
                if level == "c":
                    c = communes[bisect.bisect(cweights, rng.random() * cweights[-1])]
                    where, dep, insee = c["nom"], c["departement"], c["code"]
                else:
                    d = rng.choice(deps)
                    where, dep, insee = d["nom"], d["code"], ""
                label = tpl.format(c=de_form(where), d=de_form(where), s=rng.choice(SAINTS),
                                   g=rng.choice(PLACES_GENERIC))
                if names.free(label) and valid(label):
                    break
            names.take(label)
            n_org += 1
            aliases = []
            if rng.random() < 0.3:
                acr = initials(label)
                if 3 <= len(acr) <= 8 and names.free(acr) and fold(acr) not in forbidden_acr:
                    aliases.append(acr)
                    names.take(acr)
            yield dict(id=f"org:{n_org:06d}", label=label, type="organisation",
                       aliases=aliases, kind=kind, insee=insee, department=dep, population="")


def build_gazetteer(data, entries):
    places, names, communes, deps = load_places(data)
    tokens = set()
    for p in places:
        tokens.update(fold(p["label"]).split())
    for w in MALE + FEMALE + SURNAMES + VOCAB + SAINTS + PLACES_GENERIC + TITLE_WORDS + INSERTS:
        tokens.update(fold(w).split())
    for t in ORG_TEMPLATES:
        tokens.update(fold(re.sub(r"\{.\}", " ", t[0])).split())
    tokens = {re.sub(r"\W", "", t) for t in tokens}  # 'etc.' -> 'etc'
    tokens.update(("etc", "mme", "mm", "dr", "pr", "cf", "vers", "pres", "depuis"))
    total = max(entries, FULL)
    stream = invented(names, communes, deps, tokens)
    ents = places + [next(stream) for _ in range(max(0, total - len(places)))]
    ents.sort(key=lambda e: e["id"])
    if entries < len(ents):
        ents = [ents[i * len(ents) // entries] for i in range(entries)]
    return ents, names


def write_gazetteer(path, ents):
    cols = ["id", "label", "type", "aliases", "kind", "insee", "department", "population"]
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Benchmark gazetteer generated by tests/bench/gen.py; places from\n"
                "# @etalab/decoupage-administratif (MIT), people and organisations invented.\n")
        f.write("\t".join(cols) + "\n")
        for e in ents:
            row = dict(e, aliases="|".join(e["aliases"]), population=str(e["population"]))
            f.write("\t".join(str(row[c]) for c in cols) + "\n")


# ---------------------------------------------------------------- corpus
def write_corpus(docdir, ents, names, mb, rng, dense=False):
    os.makedirs(docdir, exist_ok=True)
    target = int(mb * 1e6)
    if target <= 0:
        return 0, 0
    vocab = [w for w in VOCAB if fold(w) not in names.used]
    preps = [w for w in ("à", "de", "vers", "près de", "depuis") if fold(w) not in names.used]
    # Zipf-like: rank r (a fixed shuffle of the entities) has weight 1 / (r + 1)^ZIPF
    order = list(ents)
    rng.shuffle(order)
    if dense:
        order = order[:DENSE_POOL]
    expo = DENSE_ZIPF if dense else ZIPF
    cum = list(itertools.accumulate(1.0 / (r + 1) ** expo for r in range(len(order))))
    total_w = cum[-1]
    vowels = set("aeiouyh")

    def surface(e, doc_seen):
        """The words naming e, with their variant."""
        label = e["label"]
        if e["type"] == "person":
            if e["id"] in doc_seen and rng.random() < 0.6:
                r = rng.random()
                title = "Mme " if e["female"] else "M. "
                if r < 0.5:
                    return title + e["surname"]
                if r < 0.6:
                    return ("Dr " if r < 0.55 else "Pr ") + e["surname"]
                return e["surname"]
            if rng.random() < 0.25:
                return ("Mme " if e["female"] else "M. ") + label
            s = label
        elif any(ACRONYM.fullmatch(a) for a in e["aliases"]):
            acr = next(a for a in e["aliases"] if ACRONYM.fullmatch(a))
            r = rng.random()
            if e["id"] in doc_seen and r < 0.5:
                return acr
            if r < 0.2:
                return f"{label} ({acr})"
            if r < 0.3:
                return acr
            s = label
        elif e["aliases"] and rng.random() < 0.4:
            s = e["aliases"][0]
        else:
            s = label
        r = rng.random()
        if r < 0.08:
            s = s.upper()
        elif r < 0.18:
            s = strip_accents(s)
        elif r < 0.26:
            s = s.replace("-", " ")
        r = rng.random()
        if e["kind"] == "commune" and r < 0.15:
            return "la commune " + de_form(s).replace("'", rng.choice("’’’'"))
        if fold(s)[:1] in vowels and r < 0.45 and not s.startswith(("Le ", "La ", "Les ", "L'")):
            return rng.choice(["l", "d", "d", "qu"]) + rng.choice("’’’'") + s
        if e["type"] == "place" and r < 0.5 and not s.startswith(("Le ", "Les ")):
            return rng.choice(preps) + " " + s
        return s

    def number():
        r = rng.random()
        if r < 0.3:
            return f"{rng.randint(1, 99)},{rng.randint(1, 9)}"
        if r < 0.45:
            return f"{rng.randint(1, 9)}.{rng.randint(1, 9)}"
        if r < 0.65:
            return f"{rng.randint(1, 99)} {rng.randint(0, 999):03d}"
        if r < 0.8:
            return f"{rng.randint(1, 100)} %"
        return str(rng.randint(1990, 2030))

    def sentence(doc_seen, doc_ents):
        n = rng.randint(8, 30)
        w = rng.choices(vocab, k=n)
        for _ in range(rng.randint(0, 2)):
            if rng.random() < 0.3:
                w[rng.randrange(n)] = number()
        r = rng.random()
        if r < 0.05:
            w.insert(rng.randrange(len(w) + 1), rng.choice(INSERTS))
        if dense:
            k = rng.choices((2, 3, 4, 5, 6, 7, 8), (15, 20, 20, 15, 12, 10, 8))[0]
        else:
            k = rng.choices((0, 1, 2, 3), (30, 35, 20, 15))[0]
        for _ in range(k):
            if doc_ents and rng.random() < 0.35:
                e = rng.choice(doc_ents)
            else:
                e = order[bisect.bisect(cum, rng.random() * total_w)]
            w.insert(rng.randrange(len(w) + 1), surface(e, doc_seen))
            if e["id"] not in doc_seen:
                doc_seen.add(e["id"])
                doc_ents.append(e)
        if rng.random() < 0.1 and len(w) > 6:
            i = rng.randrange(1, len(w) - 3)
            j = rng.randrange(i + 2, len(w))
            w[i] = "« " + w[i]
            w[j] = w[j] + " »"
        for _ in range(rng.randint(0, 2)):
            i = rng.randrange(1, len(w))
            if w[i - 1][-1].isalnum():
                w[i - 1] += rng.choice([",", ",", ",", " :", " ;"])
        s = " ".join(w)
        return s[0].upper() + s[1:] + rng.choice([".", ".", ".", ".", " !", " ?", "…"])

    size = doc = 0
    while size < target:
        seen, ents_in_doc = set(), []
        title = rng.choice(TITLE_WORDS) + " : " + " ".join(rng.choices(vocab, k=rng.randint(3, 8)))
        paras = [title]
        for _ in range(rng.randint(3, 8)):
            paras.append(" ".join(sentence(seen, ents_in_doc)
                                  for _ in range(rng.randint(2, 6))))
        data = ("\n\n".join(paras) + "\n").encode("utf-8")
        with open(os.path.join(docdir, f"{doc:06d}.txt"), "wb") as f:
            f.write(data)
        size += len(data)
        doc += 1
    return doc, size


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("entries", type=int)
    ap.add_argument("corpus_mb", type=float)
    ap.add_argument("--data", required=True,
                    help="data/ directory of @etalab/decoupage-administratif")
    ap.add_argument("--dense", action="store_true",
                    help="sentences naming 2-8 actors of a pool of 6,000")
    a = ap.parse_args()
    if a.entries < 1:
        ap.error("ENTRIES must be >= 1")
    ents, names = build_gazetteer(a.data, a.entries)
    os.makedirs(a.outdir, exist_ok=True)
    write_gazetteer(os.path.join(a.outdir, "gazetteer.tsv"), ents)
    docs, size = write_corpus(os.path.join(a.outdir, "corpus"), ents, names, a.corpus_mb,
                              random.Random(20261124), a.dense)
    kinds = {}
    for e in ents:
        kinds[e["type"]] = kinds.get(e["type"], 0) + 1
    print(f"{len(ents)} entries ({', '.join(f'{v} {k}' for k, v in sorted(kinds.items()))}), "
          f"{docs} documents, {size / 1e6:.1f} MB in {a.outdir}", file=sys.stderr)


if __name__ == "__main__":
    main()
