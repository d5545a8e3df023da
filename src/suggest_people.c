/* The scanner of people (SPEC §15): a name after a title (M., Dr, "le
 * docteur"), next to a role ("X, directrice du", "le président X"), after a
 * verb of saying, or a first name of the list then a surname. Apart because
 * people are rows of their own (a surname, full or not), and because
 * sg_suggest_person_at, which the other scanners ask so as not to take a
 * person for a body, lives with the rule it follows. */
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "suggest_int.h"

/* A capitalised particle of a surname (sg_surname_particle): Le Toulec, Van
 * Den Bulcke. */
static int name_particle(const sg_scan *sc, size_t i)
{
    if (!(sc->tok[i].flags & T_CAP) || (sc->tok[i].flags & (T_COVERED | T_FURNITURE)))
        return 0;
    const char *w = fw(sc, i);
    return sg_surname_particle(w, strlen(w));
}

/* First names left out of the list because they are places or words more
 * often (Florence, Nancy). */
static int ambiguous_name(const sg_scan *sc, size_t i)
{
    static const char *const names[] = {"florence", "lorraine", "marine", "nancy", "rose"};
    for (size_t k = 0; k < sizeof(names) / sizeof(*names); k++)
        if (is(sc, i, names[k]))
            return 1;
    return 0;
}

/* One of those as a first name: inside a sentence, before a surname; or
 * starting one, before a surname and a verb ("Florence Aillet a déposé
 * plainte", "Florence Aillet indique"). */
static int ambiguous_first_name(const sg_scan *sc, size_t i)
{
    if (!ambiguous_name(sc, i))
        return 0;
    if (!(sc->tok[i].flags & T_START))
        return 1;
    return i + 2 < sc->ntok && sep_blank(sc, i + 1) && sep_blank(sc, i + 2) &&
           name_word(sc, i + 1) && (sc->tok[i + 2].flags & T_LOWER) &&
           (is(sc, i + 2, "a") || is(sc, i + 2, "est") || in(sc, i + 2, SG_WL_VERB));
}

/* Word i as the surname right after a first name: a role's word too, which
 * capitalised there is a surname ("Jérôme Doyen", "Anne Maire"). */
static int surname_after_first(const sg_scan *sc, size_t i)
{
    return surname_word(sc, i) ||
           (name_word(sc, i) && in(sc, i, SG_WL_ROLE) &&
            !(sc->tok[i].flags & (T_UPPER | T_START | T_LINE)) && !in(sc, i, SG_WL_GENERIC) &&
            !in(sc, i, SG_WL_ORG_HEAD) && !in(sc, i, SG_WL_PLACE) && !in(sc, i, SG_WL_NAMED));
}

/* Words [a, b] name a person whose surname starts at word `sur` (sur == a:
 * the surname alone). */
static int add_person(sg_scan *sc, size_t a, size_t b, size_t sur)
{
    if (any_covered(sc, a, b) || (b > a && sg_suggest_trade(sc, b)))
        return 0; /* (a company: "soutient Kelvora Health") */
    for (size_t i = a; i <= b; i++)
        if (i >= sur ? !(i == sur && sur > a ? surname_after_first(sc, i) : surname_word(sc, i)) &&
                           !(i < b && (in(sc, i, SG_WL_PARTICLE) || name_particle(sc, i)))
                     : !name_word(sc, i) || in(sc, i, SG_WL_ORG_HEAD) || in(sc, i, SG_WL_ROLE))
            return 0;
    sg_cand *c = words_cand(sc, &sc->people, a, b);
    if (!c)
        return SG_ERR_NOMEM;
    c->full |= sur > a;
    if (!c->surname && !(c->surname = sg_suggest_collapse(sc->text + sc->tok[sur].s,
                                                          sc->tok[b].e - sc->tok[sur].s)))
        return SG_ERR_NOMEM;
    return 0;
}

/* Words a.. as a person's name: first names, then a surname (maybe "de X");
 * returns the surname's first word in *sur and the last word, or 0. */
static size_t name_after(const sg_scan *sc, size_t a, size_t *sur)
{
    size_t j = a;
    while (j + 1 < sc->ntok && j - a < 2 && sep_blank(sc, j + 1) && name_word(sc, j + 1) &&
           sg_first_name(fw(sc, j + 1)) && j + 2 < sc->ntok && sep_blank(sc, j + 2) &&
           surname_word(sc, j + 2))
        j++; /* Jean Pierre Dupont */
    size_t k = j + 1;
    if (k >= sc->ntok || !sep_blank(sc, k))
        return 0;
    /* Le Toulec, Ben Brahim, Van Damme: a capitalised particle (or two: Van
       Den Bulcke), then the surname (BEN BRAHIM, LE HIR: both in capitals) */
    size_t q = k + 1;
    if (name_particle(sc, k) && q + 1 < sc->ntok && sep_blank(sc, q) && name_particle(sc, q) &&
        sep_blank(sc, q + 1) && surname_word(sc, q + 1))
        q++;
    if (name_particle(sc, k) && q < sc->ntok && sep_blank(sc, q) && surname_word(sc, q) &&
        (!(sc->tok[q].flags & T_UPPER) || (sc->tok[k].flags & T_UPPER))) {
        *sur = k;
        return q;
    }
    if (surname_after_first(sc, k)) {
        *sur = k;
        /* "Léon Wladyslas de Lenval": a second first name, then the surname
           with its particle (not a town the gazetteers know: those are
           covered) */
        if (k + 2 < sc->ntok && (sc->tok[k + 1].flags & T_LOWER) &&
            (is(sc, k + 1, "de") || is(sc, k + 1, "d")) &&
            (sep_blank(sc, k + 2) || sep_elision(sc, k + 2)) && sep_blank(sc, k + 1) &&
            surname_word(sc, k + 2) && !(sc->tok[k + 2].flags & T_UPPER) &&
            !(k + 3 < sc->ntok && sep_blank(sc, k + 3) && (sc->tok[k + 3].flags & T_CAP))) {
            *sur = k + 1;
            return k + 2;
        }
        return k;
    }
    /* de Villepin, d’Estaing, du Bellay */
    if ((sc->tok[k].flags & T_LOWER) && (is(sc, k, "de") || is(sc, k, "du") || is(sc, k, "d")) &&
        k + 1 < sc->ntok && (sep_blank(sc, k + 1) || sep_elision(sc, k + 1)) &&
        surname_word(sc, k + 1) && !(sc->tok[k + 1].flags & T_UPPER)) {
        *sur = k;
        return k + 1;
    }
    return 0;
}

/* Word i starts a person's name: a first name, then a surname. */
int sg_suggest_person_at(const sg_scan *sc, size_t i)
{
    size_t sur;
    return name_word(sc, i) && sg_first_name(fw(sc, i)) && name_after(sc, i, &sur);
}

/* A surname of two words without a hyphen, [sur, last + 1], right before a
 * comma and a lower-case word: "Nathalie Molas Gali, responsable du service"
 * (a longer name would go on with a capital). */
static int two_word_surname(const sg_scan *sc, size_t sur, size_t last)
{
    size_t k = last + 1;
    return sur == last && !(sc->tok[last].flags & T_UPPER) && surname_word(sc, k) &&
           !(sc->tok[k].flags & T_UPPER) && k + 1 < sc->ntok && sep_has(sc, k + 1, ",") &&
           (sc->tok[k + 1].flags & T_LOWER) && !(sc->tok[k + 1].flags & T_LINE);
}

/* Word i, in lower case, names a site or a way: "le site de Louis Armand",
 * "l'avenue de Jean Moulin". */
static int site_word(const sg_scan *sc, size_t i)
{
    static const char *const sites[] = {"campus",  "cite", "parc", "quartier",
                                        "secteur", "site", "zone"};
    if (!(sc->tok[i].flags & T_LOWER))
        return 0;
    if (way(sc, i) & (SG_WAY_STREET | SG_WAY_ROAD | SG_WAY_SQUARE))
        return 1;
    for (size_t k = 0; k < sizeof(sites) / sizeof(*sites); k++)
        if (is(sc, i, sites[k]))
            return 1;
    return 0;
}

static size_t run_forward(const sg_scan *sc, size_t a);
static int add_pair(sg_scan *sc, size_t a);

/* A person named with another, right after, among people: "avec Pascale
 * Durand et Nesrine Aloui", "les docteurs Jean Martin et Kateryne Paoli": two
 * capitalised words after "et", no more, a person though the first name is
 * none of the list's, where the first person's name follows "avec", "entre"
 * or a title in the plural (after a verb, "réunit Julie Morel et Nova
 * Lumen", a band or a body as often). `f`: the first person's first word, `b`
 * their last. Returns 0 or SG_ERR_NOMEM. */
static int coordinated(sg_scan *sc, size_t f, size_t b)
{
    static const char *const among[] = {"avec", "docteurs", "drs", "entre",
                                        "mm",   "mmes",     "pr",  "professeurs"};
    size_t a = b + 2;
    int after = 0;
    for (size_t k = 0; f > 0 && sep_blank(sc, f) && k < sizeof(among) / sizeof(*among); k++)
        after |= is(sc, f - 1, among[k]);
    if (!after)
        return 0;
    if (a + 1 >= sc->ntok || !sep_blank(sc, b + 1) || !is(sc, b + 1, "et") ||
        !(sc->tok[b + 1].flags & T_LOWER) || !sep_blank(sc, a) || run_forward(sc, a) != 2 ||
        (sc->tok[a].flags & (T_UPPER | T_TAKEN)) || sg_first_name(fw(sc, a)) ||
        in(sc, a, SG_WL_ORG_HEAD) || in(sc, a, SG_WL_PLACE) || in(sc, a, SG_WL_GENERIC) ||
        in(sc, a, SG_WL_NAMED) || in(sc, a, SG_WL_ROLE) || in(sc, a, SG_WL_TITLE))
        return 0;
    return add_pair(sc, a);
}

/* "Prénom Nom": a first name of the list, then a surname, not inside the
 * name of a street, a clinic or a saint ("rue Jean Jaurès", "Saint Joseph"). */
static int find_first_names(sg_scan *sc)
{
    for (size_t i = 0; i < sc->ntok; i++) {
        if (!name_word(sc, i) || (sc->tok[i].flags & (T_UPPER | T_TAKEN)) ||
            !(sg_first_name(fw(sc, i)) || ambiguous_first_name(sc, i)))
            continue;
        if (i > 0 && (sep_blank(sc, i) || sep_elision(sc, i)) && in(sc, i - 1, SG_WL_NAMED) &&
            !sg_suggest_role_body(sc, i - 1))
            continue;
        /* (nor the second of two first names after a street's noun: "avenue
           Jean et Marcel Fontenaille") */
        if (i > 2 && sep_blank(sc, i) && is(sc, i - 1, "et") && sep_blank(sc, i - 1) &&
            sg_first_name(fw(sc, i - 2)) && sep_blank(sc, i - 2) && in(sc, i - 3, SG_WL_NAMED))
            continue;
        /* (nor "le site de Louis Armand": a site's name after "de") */
        if (i > 1 && sep_blank(sc, i) && is(sc, i - 1, "de") && (sc->tok[i - 1].flags & T_LOWER) &&
            sep_blank(sc, i - 1) && site_word(sc, i - 2))
            continue;
        size_t sur = 0, last = name_after(sc, i, &sur);
        if (!last)
            continue;
        /* a surname followed by another capitalised word is some longer name
           (not one on the next line: "Intervention de Jean Dupont", then a
           heading "Réunion du 3 mai") */
        if (last + 1 < sc->ntok && sep_blank(sc, last + 1) && name_word(sc, last + 1) &&
            !(sc->tok[last + 1].flags & T_LINE) && !in(sc, last + 1, SG_WL_ROLE) &&
            !(sg_first_name(fw(sc, last + 1)) && sg_suggest_person_at(sc, last + 1))) {
            /* (but a list of people without commas: "Jean Dupont Marc Durand") */
            if (!two_word_surname(sc, sur, last))
                continue;
            last++; /* "Nathalie Molas Gali, responsable du service" */
        }
        int rc = add_person(sc, i, last, sur);
        if (!rc)
            rc = coordinated(sc, i, last);
        if (rc)
            return rc;
        i = last;
    }
    return 0;
}

/* The length of the run of name words ending at word b (at most 4). */
static size_t run_back(const sg_scan *sc, size_t b)
{
    size_t n = 0;
    for (;;) {
        size_t i = b - n;
        if (!name_word(sc, i) || (sc->tok[i].flags & T_UPPER))
            break;
        n++;
        if (n == 4 || i == 0 || !sep_blank(sc, i))
            break;
    }
    return n;
}

int sg_suggest_caps_end(const sg_scan *sc, size_t a, size_t n)
{
    return n >= 2 && (sc->tok[a + n - 1].flags & T_UPPER) && !(sc->tok[a + n].flags & T_UPPER);
}

/* The length of the run of name words starting at word a (at most 4). */
static size_t run_forward(const sg_scan *sc, size_t a)
{
    size_t n = 0;
    while (a + n < sc->ntok && n < 4 && name_word(sc, a + n) &&
           (n == 0 || (sep_blank(sc, a + n) && !sg_suggest_caps_end(sc, a, n))))
        n++;
    return n;
}

/* A person of two words [a, a + 1], or of first names and a surname. */
static int add_pair(sg_scan *sc, size_t a)
{
    size_t sur = 0, last = name_after(sc, a, &sur);
    if (last && sg_first_name(fw(sc, a)))
        return add_person(sc, a, last, sur);
    return add_person(sc, a, a + 1, a + 1);
}

/* "Thierry Schifano (FNTS), président de", "Émilie Royère, directrice du". */
static int role_after(sg_scan *sc, size_t r)
{
    size_t c = r; /* the word after the comma */
    if (r > 0 && is_article(fw(sc, r - 1)) && (sep_blank(sc, r) || sep_elision(sc, r)))
        c = r - 1;
    if (c == 0 || !sep_has(sc, c, ","))
        return 0;
    size_t end = c - 1; /* the name's last word */
    if (sep_has(sc, c, ")")) {
        while (end > 0 && c - end < 8 && !sep_has(sc, end, "("))
            end--;
        if (end == 0 || !sep_has(sc, end, "("))
            return 0;
        end--;
    } else if (sep_has(sc, c, ".;:!?\"")) {
        return 0;
    }
    size_t n = run_back(sc, end);
    /* "Emmanuel Bouvier Muller, directeur": a first name, then a surname of
       two words (or a second first name, then the surname) */
    if (n == 3 && sg_first_name(fw(sc, end - 2)))
        return add_person(sc, end - 2, end, sg_first_name(fw(sc, end - 1)) ? end : end - 1);
    return n == 2 ? add_person(sc, end - 1, end, end) : 0;
}

/* "le directeur général de l’AP-HM, Jean-Olivier Arnaud", "le président de la
 * République Emmanuel Macron". */
static int role_before(sg_scan *sc, size_t r)
{
    for (size_t k = r + 1; k < sc->ntok && k <= r + 10;) {
        if (sep_has(sc, k, ".;:!?\"()"))
            return 0;
        if (!name_word(sc, k)) {
            k++;
            continue;
        }
        size_t n = 1;
        /* (a role's word after a name is the next role, not the surname:
           "Marie Dupont Conseillère départementale") */
        while (k + n < sc->ntok && n < 6 && name_word(sc, k + n) && sep_blank(sc, k + n) &&
               !sg_suggest_caps_end(sc, k, n) &&
               !(n >= 2 && in(sc, k + n, SG_WL_ROLE) && k + n + 1 < sc->ntok &&
                 (sc->tok[k + n + 1].flags & T_LOWER)))
            n++;
        /* (or after the role's adjective: "l’architecte norvégien X Y") */
        if (n == 2 &&
            (k == r + 1 || sep_has(sc, k, ",") ||
             (k == r + 2 && sep_blank(sc, k) && sep_blank(sc, r + 1) &&
              (sg_suggest_nationality(sc, r + 1) || sg_suggest_lower_adjective(sc, r + 1)))))
            return add_pair(sc, k);
        /* (after a kind's acronym or a body's head, the last two words are
           the body's name but for a first name: "la présidente du FAM Terro
           Flourido", "chef du Pôle Cardio Vasculaire Thoracique"; not after
           another acronym: "le président de la FHF Kateryne Paoli") */
        if (n >= 3 &&
            !(((sc->tok[k].flags & T_UPPER) ? sg_kind_acronym(fw(sc, k), strlen(fw(sc, k)))
                                            : in(sc, k, SG_WL_ORG_HEAD)) &&
              !sg_first_name(fw(sc, k + n - 2))))
            return add_person(sc, k + n - 2, k + n - 1, k + n - 1);
        /* "le président Barrand": a surname alone after the role */
        if (n == 1 && k == r + 1 && r > 0 && sep_blank(sc, r) && is_article(fw(sc, r - 1)) &&
            surname_word(sc, k) && !(sc->tok[k].flags & T_UPPER) && !sg_first_name(fw(sc, k)))
            return add_person(sc, k, k, k);
        k += n;
    }
    return 0;
}

/* A title at word i names a street, a building or a site, not a person: "la
 * rue du commandant Vaillard", "l’avenue du Général-Leclerc". */
static int named_after_title(const sg_scan *sc, size_t i)
{
    /* (the site's word capitalised too: "l’Avenue du Général-Leclerc") */
    return i >= 2 && sep_blank(sc, i) && sep_blank(sc, i - 1) && is(sc, i - 1, "du") &&
           (sc->tok[i - 1].flags & T_LOWER) && in(sc, i - 2, SG_WL_NAMED) &&
           !sg_suggest_role_body(sc, i - 2);
}

/* A title in lower case after an article: "le docteur Belnet", "le
 * professeur Rouvière", "du général de Gaulle", "le baron X", "l’abbé X". */
static int lower_title(const sg_scan *sc, size_t i)
{
    static const char *const titles[] = {
        "abbe",     "amiral",     "baron",    "baronne",    "capitaine", "colonel",   "comte",
        "comtesse", "commandant", "docteur",  "duc",        "duchesse",  "general",   "generale",
        "marechal", "marquis",    "marquise", "professeur", "vicomte",   "vicomtesse"};
    /* (capitalised inside a sentence too: "une ordonnance du Général de
       Gaulle"; after an elision: "l’abbé Fouque") */
    const unsigned f = sc->tok[i].flags;
    if (!((f & T_LOWER) || ((f & T_CAP) && !(f & (T_START | T_UPPER)))) || i == 0 ||
        !(sep_blank(sc, i) || (sep_elision(sc, i) && is(sc, i - 1, "l"))) || i + 1 >= sc->ntok ||
        !sep_blank(sc, i + 1) ||
        !(is_article(fw(sc, i - 1)) || is(sc, i - 1, "du") || is(sc, i - 1, "au")) ||
        named_after_title(sc, i))
        return 0;
    for (size_t k = 0; k < sizeof(titles) / sizeof(*titles); k++)
        if (is(sc, i, titles[k]))
            return 1;
    return 0;
}

/* "monsieur" or "madame" in lower case, as one addresses a person: "je
 * souscris à votre propos, monsieur Dharréville". */
static int lower_address(const sg_scan *sc, size_t i)
{
    return (sc->tok[i].flags & T_LOWER) && i + 1 < sc->ntok && sep_blank(sc, i + 1) &&
           (is(sc, i, "monsieur") || is(sc, i, "madame"));
}

/* A title of nobility: the particle after the given names belongs to the
 * name ("le baron Léon Wladyslas de Lenval"). */
static int noble_title(const sg_scan *sc, size_t i)
{
    static const char *const titles[] = {"baron",   "baronne",   "comte",   "comtesse",
                                         "duc",     "duchesse",  "marquis", "marquise",
                                         "vicomte", "vicomtesse"};
    for (size_t k = 0; k < sizeof(titles) / sizeof(*titles); k++)
        if (is(sc, i, titles[k]))
            return 1;
    return 0;
}

/* "le baron Léon Wladyslas de Lenval": after a title of nobility and the n
 * given names from word i + 1, "de X" is the family name even when X is a
 * name the gazetteers know (nobles bear the names of places, and of the
 * bodies they founded); the words after the title are taken. Returns 1 when
 * the person was added, 0 when the words do not read so, or SG_ERR_NOMEM. */
static int noble_person(sg_scan *sc, size_t i, size_t n)
{
    size_t p = i + n + 1, x = p + 1; /* the particle, the family name */
    if (!noble_title(sc, i) || x >= sc->ntok || !sep_blank(sc, p) ||
        !(sc->tok[p].flags & T_LOWER) || !(is(sc, p, "de") || is(sc, p, "d")) ||
        !(sep_blank(sc, x) || sep_elision(sc, x)) || !(sc->tok[x].flags & T_CAP) ||
        (sc->tok[x].flags & (T_UPPER | T_FURNITURE | T_NUM)) ||
        any_flag(sc, i + 1, i + n, T_COVERED | T_FURNITURE) ||
        (x + 1 < sc->ntok && sep_blank(sc, x + 1) && (sc->tok[x + 1].flags & T_CAP)))
        return 0;
    for (size_t k = i + 1; k <= i + n; k++)
        if (!name_word(sc, k) || in(sc, k, SG_WL_ORG_HEAD) || in(sc, k, SG_WL_ROLE))
            return 0;
    sg_cand *c = words_cand(sc, &sc->people, i + 1, x);
    if (!c)
        return SG_ERR_NOMEM;
    c->full = 1;
    if (!c->surname &&
        !(c->surname = sg_suggest_collapse(sc->text + sc->tok[p].s, sc->tok[x].e - sc->tok[p].s)))
        return SG_ERR_NOMEM;
    for (size_t k = i + 1; k <= x; k++)
        sc->tok[k].flags |= T_TAKEN; /* not "Léon Wladyslas" again by its first name */
    return 1;
}

/* The n words after a title at i (1 to 3), a person: first names first, the
 * surname from the first word that is none; not a surname of one letter, an
 * interview's initials ("M.R. : En effet…"). */
static int person_after_title(sg_scan *sc, size_t i, size_t n)
{
    size_t sur = i + 1;
    while (sur < i + n && sg_first_name(fw(sc, sur)))
        sur++;
    if (sur == i + n && fw(sc, sur)[0] && !fw(sc, sur)[1])
        return 0;
    return add_person(sc, i + 1, i + n, sur);
}

/* A surname with its particle alone after a title at i: "le général de
 * Gaulle", "reçues par Monsieur d'Arcourt" (a person, not a body "Arcourt"). */
static int particle_surname(sg_scan *sc, size_t i)
{
    if (i + 2 < sc->ntok && sep_blank(sc, i + 1) &&
        (is(sc, i + 1, "de") || is(sc, i + 1, "d") || is(sc, i + 1, "du")) &&
        (sep_blank(sc, i + 2) || sep_elision(sc, i + 2)) && (sc->tok[i + 2].flags & T_CAP) &&
        !(sc->tok[i + 2].flags & T_UPPER))
        return add_person(sc, i + 1, i + 2, i + 1);
    return 0;
}

/* An interview's speaker at the start of a line, in capitals, a first name
 * (an ambiguous one too: the colon says a person speaks) and a surname before
 * a colon: "NADINE VARLET : Nous avions…", "FLORENCE ZEMOUR :". */
static int speaker(const sg_scan *sc, size_t i)
{
    const unsigned both = T_LINE | T_UPPER;
    return (sc->tok[i].flags & both) == both && i + 2 < sc->ntok &&
           (sc->tok[i + 1].flags & T_UPPER) && sep_blank(sc, i + 1) && sep_has(sc, i + 2, ":") &&
           !sep_has(sc, i + 2, "\n") && (sg_first_name(fw(sc, i)) || ambiguous_name(sc, i)) &&
           surname_word(sc, i + 1);
}

int sg_suggest_find_people(sg_scan *sc)
{
    for (size_t i = 0; i < sc->ntok; i++) {
        if (sc->tok[i].flags & T_FURNITURE)
            continue;
        int rc = 0;
        if (named_after_title(sc, i) && in(sc, i, SG_WL_TITLE)) {
            /* (nor the words after it) */
        } else if (speaker(sc, i)) {
            rc = add_person(sc, i, i + 1, i + 1);
        } else if ((sc->tok[i].flags & T_CAP) && in(sc, i, SG_WL_TITLE) &&
                   (!is(sc, i, "m") || (sc->tok[i].flags & T_DOT)) && i + 1 < sc->ntok &&
                   !sep_has(sc, i + 1, ",;:!?()\"")) {
            size_t n = run_forward(sc, i + 1);
            if (n >= 1 && n <= 3)
                rc = person_after_title(sc, i, n);
            else if (n == 0)
                rc = particle_surname(sc, i);
        } else if (lower_address(sc, i)) {
            size_t n = run_forward(sc, i + 1);
            if (n >= 1 && n <= 3)
                rc = person_after_title(sc, i, n);
        } else if (lower_title(sc, i)) {
            size_t n = run_forward(sc, i + 1);
            if (n >= 1 && n <= 3 && (rc = noble_person(sc, i, n)) != 0) {
                rc = rc == 1 ? 0 : rc;
            } else if (n >= 1 && n <= 3) {
                rc = person_after_title(sc, i, n);
            } else if (n == 0) {
                rc = particle_surname(sc, i);
            }
        } else if (in(sc, i, SG_WL_ROLE)) {
            rc = role_after(sc, i);
            if (!rc)
                rc = role_before(sc, i);
        } else if ((sc->tok[i].flags & T_LOWER) && in(sc, i, SG_WL_VERB) && i + 1 < sc->ntok &&
                   sep_blank(sc, i + 1) && run_forward(sc, i + 1) == 2) {
            rc = add_pair(sc, i + 1);
        }
        if (rc)
            return rc;
    }
    return find_first_names(sc);
}
