/* Capitalised sequences (SPEC §15): where a sequence ends, how one
 * occurrence of it counts (sg_suggest_add_sequence: inside a sentence or at
 * its start, after a place cue, a head or another cue of suggest_cues.c) and
 * what names no actor (a demonym, a street, a unit counted in beds, a
 * trademark, a Roman number, a common noun after "un" or "son"); and the
 * last scanner, which takes the sequences no other scanner took. Apart
 * because every scanner that finds a name counts it here. */
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "suggest_int.h"

/* The end of the sequence starting at i: capitalised words joined by spaces
 * or by the particles de, du, des, la, le, d’, l’, and after two words by
 * "en" before a word that is no place (not by "et": "les
 * cliniques X et Y" are two names); not across an acronym followed by a
 * person ("à LCI Patrick Bourdillon"). */
size_t sg_suggest_sequence_end(const sg_scan *sc, size_t i)
{
    size_t j = i;
    while (j + 1 < sc->ntok && j - i < MAX_NAME_WORDS) {
        size_t k = j + 1;
        if (!sep_blank(sc, k) || (sc->tok[k].flags & T_LINE)) /* not across a line */
            break;
        if ((sc->tok[j].flags & T_UPPER) && sg_suggest_person_at(sc, k))
            break;
        if (j == i + 1 && in(sc, k, SG_WL_ROLE) && sg_first_name(fw(sc, i)))
            break; /* a person and their role: "Marc Becker Président du…" */
        if (name_word(sc, k)) {
            j = k;
        } else if (j == i && (sc->tok[j].flags & T_UPPER) && (sc->tok[k].flags & T_NUM) &&
                   sc->tok[k].e - sc->tok[k].s <= 4) {
            j = k;
            break;
        } else if (particle_at(sc, k) && k + 1 < sc->ntok && name_word(sc, k + 1)) {
            j = k + 1;
        } else if (particle_at(sc, k) && k + 2 < sc->ntok && particle_at(sc, k + 1) &&
                   name_word(sc, k + 2)) { /* de la, de l’ */
            j = k + 2;
        } else if (j > i && is(sc, k, "en") && (sc->tok[k].flags & T_LOWER) && k + 1 < sc->ntok &&
                   name_word(sc, k + 1) && !in(sc, k + 1, SG_WL_PLACE)) {
            j = k + 1; /* "Fonds d'Investissement Régional en Santé" */
        } else if (is(sc, k, "et") && (sc->tok[k].flags & T_LOWER) && k + 1 < sc->ntok &&
                   sep_blank(sc, k + 1) && (sc->tok[k + 1].flags & T_CAP) &&
                   (is(sc, k + 1, "associes") || is(sc, k + 1, "associe") ||
                    is(sc, k + 1, "associees") || is(sc, k + 1, "fils"))) {
            j = k + 1; /* "Kern et Associés", "Durand et Fils": a firm */
            break;
        } else {
            break;
        }
    }
    return j;
}

/* A capitalised article inside a sentence starts a name: "à La Crau", "dans
 * les colonnes de La Provence", "l’Ehpad Les Oliviers". */
int sg_suggest_cap_article(const sg_scan *sc, size_t i)
{
    const sg_stok *t = &sc->tok[i];
    return (t->flags & T_CAP) && !(t->flags & (T_START | T_COVERED | T_FURNITURE)) &&
           (is_article(fw(sc, i)) || is(sc, i, "les")) && i + 1 < sc->ntok &&
           sep_blank(sc, i + 1) && !(sc->tok[i + 1].flags & T_FURNITURE) &&
           (name_word(sc, i + 1) ||
            (sc->tok[i + 1].flags & (T_PLACE | T_CAP)) == (T_PLACE | T_CAP));
}

/* A word in mixed case with two capitals in a row and no dash: "DLVAgglo",
 * "CCIAix"; read as an acronym (not "SainteMusse", two words glued). */
static int mixed_case(const sg_scan *sc, size_t i)
{
    const sg_stok *t = &sc->tok[i];
    if (!(t->flags & T_CAP) || (t->flags & T_UPPER))
        return 0;
    size_t upper = 0, lower = 0, run = 0;
    for (size_t p = t->s; p < t->e; p++) {
        unsigned char c = (unsigned char)sc->text[p];
        if (c >= 'A' && c <= 'Z')
            upper = ++run > upper ? run : upper;
        else if ((run = 0), c >= 'a' && c <= 'z')
            lower++;
        else if (c == '-' || c == '\'' || c >= 0x80)
            return 0;
    }
    return upper >= 2 && lower > 0;
}

static int beside_covered(const sg_scan *sc, size_t i, size_t j)
{
    return (i > 0 && sep_blank(sc, i) &&
            (sc->tok[i - 1].flags & (T_COVERED | T_CAP)) == (T_COVERED | T_CAP)) ||
           (j + 1 < sc->ntok && sep_blank(sc, j + 1) &&
            (sc->tok[j + 1].flags & (T_COVERED | T_CAP)) == (T_COVERED | T_CAP));
}

/* Whether the occurrence [i, j] names no actor: a demonym ("les Cannois"),
 * a building or a street ("l’hôtel Riviera", "place Jean-Aude"), a
 * title-case common noun ("l’Accompagnement du vieillissement", "d’Améliorer
 * la coopération"), a name cut short by "et de" ("Pôle d’Activités et de
 * Soins Adaptés"). A district is a place (suggest_cues.c's
 * sg_suggest_district). */
static int loose(const sg_scan *sc, size_t i, size_t j, int head)
{
    static const char *const demonyms[] = {"ais",  "aises",  "ains", "aux",  "ens",
                                           "iens", "iennes", "ois",  "oises"};
    /* (the word before may be elided: "le périmètre d’Europrojet") */
    const char *prev = i > 0 && (sep_blank(sc, i) || sep_elision(sc, i)) ? fw(sc, i - 1) : "";
    if (sg_suggest_unit_name(sc, i, j))
        return 1;
    /* a street or a way by its name: "la Promenade des Anglais", "le Quai
       Rambaud" */
    if (j > i && ((way(sc, i) & ~SG_WAY_SQUARE) || is(sc, i, "canal")))
        return 1;
    static const char *const demonym[] = {"ain", "aine",  "ais", "aise",
                                          "ien", "ienne", "ois", "oise"};
    if (j == i && (sc->tok[i - (i > 0)].flags & T_LOWER) &&
        (!strcmp(prev, "les") || !strcmp(prev, "des") || !strcmp(prev, "aux")) &&
        ends_with(fw(sc, i), demonyms, sizeof(demonyms) / sizeof(*demonyms)))
        return 1;
    /* "le Vençois de 57 ans", "la Dracénoise": one inhabitant */
    if (j == i && !head && i > 0 && (sc->tok[i - 1].flags & (T_LOWER | T_START)) &&
        (!strcmp(prev, "le") || !strcmp(prev, "la") || !strcmp(prev, "un") ||
         !strcmp(prev, "une")) &&
        !(sc->tok[i].flags & T_UPPER) && !in(sc, i, SG_WL_ORG_HEAD) &&
        ends_with(fw(sc, i), demonym, sizeof(demonym) / sizeof(*demonym)))
        return 1;
    /* "le site de Luminy", "le campus de Luminy", "l’impasse du Mourillon",
       "la zone (commerciale) des Paluds": a place inside a name of a site,
       not an actor */
    /* (over an article: "le chemin de l’Enclos", "la gare de la Verne") */
    size_t o = i >= 3 && *prev && (sc->tok[i - 1].flags & T_LOWER) && is_article(prev) &&
                       (is(sc, i - 2, "de")) && (sc->tok[i - 2].flags & T_LOWER)
                   ? 1
                   : 0;
    const char *de = fw(sc, i - 1 - o);
    if (!head && i >= 2 + o && *prev && (sc->tok[i - 1 - o].flags & T_LOWER) && is_of_word(de) &&
        (sep_blank(sc, i - 1 - o)) && (sc->tok[i - 2 - o].flags & T_LOWER)) {
        size_t n = i - 2 - o; /* the site's word, maybe before an adjective */
        /* "le ministre des Solidarités", "la ministre de la Culture": a
           portfolio, not a body */
        if (is(sc, n, "ministre"))
            return 1;
        if (!sg_suggest_word(SG_WL_NAMED, fw(sc, n)) && n > 0 && (sc->tok[n - 1].flags & T_LOWER))
            n--;
        /* (after "des", a site of land only: "le rapport des Nations unies"
           names a body) */
        static const char *const lands[] = {"allees",   "campus",  "chemin", "cite",
                                            "colline",  "domaine", "jardin", "parc",
                                            "quartier", "site",    "zone"};
        int land = 0;
        for (size_t k = 0; k < sizeof(lands) / sizeof(*lands) && !land; k++)
            land = is(sc, n, lands[k]);
        if (sg_suggest_word(SG_WL_NAMED, fw(sc, n)) && !in(sc, n, SG_WL_ORG_HEAD) &&
            !sg_suggest_district_word(sc, n) && (strcmp(de, "des") || land))
            return 1;
    }
    const char *last = strrchr(prev, ' '); /* "ex-hôtel": its last word */
    if (!head && *prev && (sc->tok[i - 1].flags & T_LOWER) &&
        sg_suggest_word(SG_WL_NAMED, last ? last + 1 : prev) &&
        !sg_suggest_district_word(sc, i - 1))
        return 1;
    size_t k = j + 1;
    /* (not a place of the list in an enumeration: "de l'Ile-de-France et de…") */
    /* (cut short when a name goes on after "et de": not "la CC de Ventoux Sud et
       des élus") */
    /* (also over an article when the name has a complement of its own:
       "Direction de la Recherche et de l’Innovation"; not "le Conseil
       départemental et de la Métropole", two bodies) */
    int complement = 0;
    for (size_t q = i + 1; q < j && !complement; q++)
        complement = particle_at(sc, q);
    size_t after = k + 2 +
                   (k + 3 < sc->ntok && complement && is(sc, k + 1, "de") &&
                    particle_at(sc, k + 2) && is_article(fw(sc, k + 2)));
    /* (not an item of a list of complements: "de X, d’Ulmex et d’Orvane") */
    int item = i >= 1 && (is(sc, i - 1, "d") || is(sc, i - 1, "de")) &&
               (sc->tok[i - 1].flags & T_LOWER) && sep_has(sc, i - 1, ",");
    if (after < sc->ntok && !item && sep_blank(sc, k) && is(sc, k, "et") &&
        particle_at(sc, k + 1) && !(j == i && in(sc, i, SG_WL_PLACE)) &&
        (is(sc, k + 1, "de") || is(sc, k + 1, "des") || is(sc, k + 1, "du") ||
         is(sc, k + 1, "d")) &&
        !(sc->tok[after].flags & T_LOWER))
        return 1;
    if (j != i || head || (sc->tok[i].flags & T_UPPER) || in(sc, i, SG_WL_ORG_HEAD))
        return 0;
    /* one capitalised word, then a particle and a lower-case word */
    if (k >= sc->ntok || !sep_blank(sc, k))
        return 0;
    while (k < sc->ntok && k <= j + 2 && particle_at(sc, k))
        k++;
    return k > j + 1 && k < sc->ntok && sg_suggest_lower_noun(sc, k);
}

/* A word glued to an initial ("A.DEQUIDT"): a credit's signature. */
static int glued_initial(const sg_scan *sc, size_t i)
{
    return i > 0 && sc->tok[i - 1].e - sc->tok[i - 1].s == 1 && (sc->tok[i - 1].flags & T_CAP) &&
           sc->tok[i].s == sc->tok[i - 1].e + 1 && sc->text[sc->tok[i - 1].e] == '.';
}

/* An acronym that counts beds or places ("60 lits d’USLD"), or a word right
 * after a number: a unit or what is counted ("25 MF" of francs, "12 à 15
 * ITA" of staff). */
static int counted_unit(const sg_scan *sc, size_t i)
{
    if (i >= 1 && sep_blank(sc, i) && (sc->tok[i - 1].flags & T_NUM))
        return 1;
    return i >= 2 && (sep_blank(sc, i) || sep_elision(sc, i)) &&
           (is(sc, i - 1, "d") || is(sc, i - 1, "de")) &&
           (is(sc, i - 2, "lits") || is(sc, i - 2, "places"));
}

/* "d'une ZAPR", "une Halle immense", "son SRSM": a capitalised word
 * after an indefinite article or a possessive is a common noun (a kind of
 * place, body or plan), not a name; so is one after a plural's number ("sur
 * les 65 Ehpad de Marseille": many bodies of a kind). */
static int determined_common(const sg_scan *sc, size_t i)
{
    /* (a demonstrative too: "cette Maison des internes", "ce Cref") */
    static const char *const dets[] = {"ce", "ces", "cet", "cette", "leur", "mon", "notre",
                                       "sa", "ses", "son", "un",    "une",  "vos", "votre"};
    static const char *const plurals[] = {"ces", "des", "les", "leurs", "nos", "ses"};
    if (i >= 2 && sep_blank(sc, i) && sep_blank(sc, i - 1) && (sc->tok[i - 1].flags & T_NUM))
        for (size_t k = 0; k < sizeof(plurals) / sizeof(*plurals); k++)
            if (is(sc, i - 2, plurals[k]))
                return 1;
    /* (capitalised where a sentence or a title starts: "Un Ehpad des
       Alpes-Maritimes fermé") */
    if (i == 0 || !sep_blank(sc, i) || !(sc->tok[i - 1].flags & (T_LOWER | T_START)))
        return 0;
    for (size_t k = 0; k < sizeof(dets) / sizeof(*dets); k++)
        if (is(sc, i - 1, dets[k]))
            return 1;
    return 0;
}

/* Does the word before i end as a plural, in lower case ("élus", "maux")? */
static int plural_before(const sg_scan *sc, size_t i)
{
    const char *p = fw(sc, i - 1);
    size_t n = strlen(p);
    return (sc->tok[i - 1].flags & T_LOWER) && n >= 3 && (p[n - 1] == 's' || p[n - 1] == 'x');
}

/* "les Marseillais", "des Six-Fournais": a town's people after a plural
 * article, a word ending as their names end, not a body; so after a plural
 * noun ("les élus Seynois"). */
static int demonym(const sg_scan *sc, size_t i)
{
    static const char *const endings[] = {"ais", "aises", "ois", "oises"};
    static const char *const articles[] = {"aux", "des", "les"};
    const char *w = fw(sc, i);
    size_t n = strlen(w);
    int ends = 0;
    for (size_t k = 0; k < sizeof(endings) / sizeof(*endings) && !ends; k++) {
        size_t e = strlen(endings[k]);
        ends = n > e + 2 && !strcmp(w + n - e, endings[k]);
    }
    if (!ends || i == 0 || !sep_blank(sc, i))
        return 0;
    for (size_t k = 0; k < sizeof(articles) / sizeof(*articles); k++)
        if (is(sc, i - 1, articles[k]))
            return 1;
    return plural_before(sc, i);
}

/* A code rather than a name: a word of digits, capitals and small letters
 * whose case changes four times or more ("Q4AMLafRaR", a short link's; not
 * "Dermo4Care", a company's). */
static int code_like(const sg_scan *sc, size_t i)
{
    size_t digits = 0, changes = 0;
    int was = 0; /* the last letter's case: 1 capital, 2 small */
    for (size_t p = sc->tok[i].s; p < sc->tok[i].e; p++) {
        unsigned char c = (unsigned char)sc->text[p];
        int is = c >= 'A' && c <= 'Z' ? 1 : c >= 'a' && c <= 'z' ? 2 : 0;
        digits += c >= '0' && c <= '9';
        changes += is && was && is != was;
        was = is ? is : was;
    }
    return digits && changes >= 4;
}

/* A brand: a trademark sign after the name or before it ("le Proteus® One"),
 * a product, not an actor. */
static int trademark(const sg_scan *sc, size_t i, size_t j)
{
    static const uint32_t marks[] = {0xAE, 0x2122};
    uint32_t c = char_after(sc, j);
    return c == marks[0] || c == marks[1] || (i > 0 && sep_has_cp(sc, i, marks, 2));
}

/* A number in Roman numerals alone ("Pasteur (I et II)", "Louis XIV"
 * aside): I, V and X only, four letters at most. */
static int roman(const sg_scan *sc, size_t i)
{
    const char *w = sc->text + sc->tok[i].s;
    size_t len = sc->tok[i].e - sc->tok[i].s, n = 0;
    while (n < len && strchr("IVX", w[n]))
        n++;
    return n == len && len <= 4;
}

/* A century or an ordinal in Roman numerals: "XXIe", "XXIè", "IIIe". */
int sg_suggest_ordinal(const sg_scan *sc, size_t i)
{
    const char *w = sc->text + sc->tok[i].s;
    size_t len = sc->tok[i].e - sc->tok[i].s, n = 0;
    while (n < len && strchr("IVXLC", w[n]))
        n++;
    static const char *const ends[] = {"e", "er", "\xc3\xa8", "\xc3\xa8me", "eme"};
    for (size_t k = 0; n && k < sizeof(ends) / sizeof(*ends); k++)
        if (len - n == strlen(ends[k]) && !memcmp(w + n, ends[k], len - n))
            return 1;
    return 0;
}

/* A sports club: "Stade", "Olympique", "Racing", "Sporting", then a
 * capitalised demonym ("le Stade Rennais", "l’Olympique Lyonnais", "le Stade
 * Toulousain"), not a stadium (those are "stade de X", "stade X Y"). */
static int club(const sg_scan *sc, size_t i, size_t j)
{
    static const char *const heads[] = {"olympique", "racing", "sporting", "stade"};
    static const char *const demonym[] = {"ain", "ais", "ien", "ois"};
    if (j != i + 1 || !sep_blank(sc, j) || (sc->tok[j].flags & T_UPPER) ||
        !ends_with(fw(sc, j), demonym, sizeof(demonym) / sizeof(*demonym)))
        return 0;
    for (size_t k = 0; k < sizeof(heads) / sizeof(*heads); k++)
        if (is(sc, i, heads[k]))
            return 1;
    return 0;
}

int sg_suggest_trade(const sg_scan *sc, size_t k)
{
    return in(sc, k, SG_WL_TRADE);
}

/* A company by its trade's word after its own name, in English as the
 * start-ups of the sector write it or in French: "Syneos Health", "Caranx
 * Medical", "Eiffage Immobilier", "Euryale Asset Management", two to four
 * capitalised words, the first not a trade's. */
static int company(const sg_scan *sc, size_t i, size_t j)
{
    /* (the trade's word right after a capitalised word: not "le Ségur de la
       Santé") */
    return j > i && j <= i + 3 && sg_suggest_trade(sc, j) && !sg_suggest_trade(sc, i) &&
           (sc->tok[j - 1].flags & T_CAP);
}

/* A road's number: A570, RN7, D559 (the letters glued to the digits), or
 * "RN 85": a road, not an actor; nor is a code of two letters or more glued
 * to three digits or more, a product's or a trial's ("IPH2201", "AZD1222"). */
static int road(const sg_scan *sc, size_t i, size_t j)
{
    static const char *const kinds[] = {"A", "D", "M", "N", "RD", "RM", "RN"};
    const char *w = sc->text + sc->tok[i].s;
    size_t len = sc->tok[i].e - sc->tok[i].s, n = 0;
    while (n < len && w[n] >= 'A' && w[n] <= 'Z')
        n++;
    size_t digits = len - n;
    for (size_t p = n; p < len; p++)
        if (w[p] < '0' || w[p] > '9')
            return 0;
    if (j == i + 1 && !digits && (sc->tok[j].flags & T_NUM))
        digits = sc->tok[j].e - sc->tok[j].s;
    else if (j != i)
        return 0;
    if (!digits || digits > 4)
        return 0;
    if (j == i && n >= 2 && digits >= 3)
        return 1; /* (a code) */
    for (size_t k = 0; k < sizeof(kinds) / sizeof(*kinds); k++)
        if (strlen(kinds[k]) == n && !memcmp(w, kinds[k], n))
            return 1;
    return 0;
}

/* Word j glued to a page's counter: a word in lower case, then digits and
 * a unit in lower case ("Martigues3min", "Hyères5mn": a reading time run
 * into a headline). */
static int glued_counter(const sg_scan *sc, size_t j)
{
    const char *w = sc->text + sc->tok[j].s;
    size_t len = sc->tok[j].e - sc->tok[j].s, p = 0;
    while (p < len && !(w[p] >= '0' && w[p] <= '9'))
        p++; /* (up to the first digit) */
    if (p == 0 || p == len || w[p - 1] < 'a' || w[p - 1] > 'z')
        return 0;
    while (p < len && w[p] >= '0' && w[p] <= '9')
        p++;
    if (p == len)
        return 0;
    for (; p < len; p++)
        if (w[p] < 'a' || w[p] > 'z')
            return 0;
    return 1;
}

/* A word of words [i, j] that makes a measure's name a body's: "Plan
 * International", "Programme alimentaire mondial". */
static int international(const sg_scan *sc, size_t i, size_t j)
{
    static const char *const words[] = {"international", "internationale", "mondial", "mondiale"};
    for (size_t k = i; k <= j; k++)
        for (size_t w = 0; w < sizeof(words) / sizeof(*words); w++)
            if (is(sc, k, words[w]))
                return 1;
    return 0;
}

int sg_suggest_add_sequence(sg_scan *sc, size_t i, size_t j, int cued, int lower_end)
{
    if (glued_counter(sc, j))
        return 0; /* "la gestion de l’hôpital de Martigues3min" */
    if (j == i && (sg_suggest_ordinal(sc, i) || roman(sc, i)))
        return 0; /* "le XXe siècle", "le IIIe arrondissement", "(I et II)": no name */
    if (road(sc, i, j))
        return 0; /* "les échangeurs de l’A570" */
    /* "le Pacte Territoire Santé": a measure (a "Projet" named in capitals is
       a body's more often: "Projet Sida Marseille") */
    if (j > i && sg_suggest_measure(fw(sc, i)) && !is(sc, i, "projet") &&
        !international(sc, i + 1, j))
        return 0;
    const char *sp = j == i ? strchr(fw(sc, i), ' ') : NULL;
    if (sp && (size_t)(sp - fw(sc, i)) < 16) { /* "le CHSCT-Timone": a committee's */
        char first[16];
        memcpy(first, fw(sc, i), (size_t)(sp - fw(sc, i)));
        first[sp - fw(sc, i)] = '\0';
        const char *o = sc->text + sc->tok[i].s; /* in capitals: an acronym */
        size_t caps = 0;
        while (o + caps < sc->text + sc->tok[i].e && o[caps] >= 'A' && o[caps] <= 'Z')
            caps++;
        if (caps == (size_t)(sp - fw(sc, i)) && sg_suggest_word(SG_WL_GENERIC, first))
            return 0;
    }
    if (sg_area_before(sc->f, sc->tok[i].fs))
        return 0; /* "le pays d’Arles": an area's name, its place known */
    if (i > 0 && j >= i + 2 &&
        (in(sc, i, SG_WL_ORG_HEAD) || in(sc, i, SG_WL_ORG_PLURAL) ||
         sg_suggest_kind_acronym_at(sc, i)) &&
        (is(sc, i - 1, "les") || is(sc, i - 1, "des") || is(sc, i - 1, "aux")) &&
        particle_at(sc, i + 1) && ((sc->tok[j].flags & T_PLACE) || in(sc, j, SG_WL_PLACE)))
        return 0; /* "les Ehpad de Paca": the bodies of a place, many */
    cued |= sg_suggest_dateline(sc, i, j) || (j == i && sg_suggest_party(sc, i));
    size_t a = i; /* the label's first word */
    int head = cued ? 0 : sg_suggest_head_before(sc, i, &a);
    if (!head && !cued && sg_suggest_shared_head(sc, i))
        head = 2;
    /* a kind of body's acronym starts the name: "la MSP Centifolia" */
    if (!head && !cued && j > i && sg_suggest_kind_acronym_at(sc, i))
        head = 1;
    sg_cand *c = words_cand(sc, &sc->seqs, a, j);
    if (!c)
        return SG_ERR_NOMEM;
    /* (a body's head and a capitalised name where a sentence or a list's
       line starts: "Clinique Monticelli aussi.", "- Pharmacie Ferber, 254
       avenue…": a name all the same) */
    int head_first = (sc->tok[i].flags & T_START) && j > i && (sc->tok[i].flags & T_CAP) &&
                     in(sc, i, SG_WL_ORG_HEAD) && sep_blank(sc, i + 1) &&
                     (sc->tok[i + 1].flags & T_CAP);
    int start = (sc->tok[i].flags & T_START) && !head && !cued && !head_first;
    if (start) {
        c->start++;
    } else {
        c->mid++;
        if (!c->label_mid) { /* the label as written inside a sentence */
            char *l = sg_suggest_collapse(sc->text + sc->tok[a].s, sc->tok[j].e - sc->tok[a].s);
            if (!l)
                return SG_ERR_NOMEM;
            free(c->label);
            c->label = l;
            c->label_mid = 1;
        }
    }
    int district = !cued && sg_suggest_district(sc, i, j);
    int place = cued ? 0 : district ? 2 : sg_suggest_place_cue(sc, i, j);
    c->place += place != 0;
    c->district += district;
    c->cued += cued || place == 2;
    /* "Kern et Associés": a firm */
    int firm = j >= i + 2 && is(sc, j - 1, "et") && (is(sc, j, "associes") || is(sc, j, "fils"));
    c->org += head != 0 || cued || firm || head_first || sg_suggest_role_of_body(sc, i) ||
              sg_suggest_deal(sc, i) || (!start && sg_suggest_listed_org(sc, i, j)) ||
              club(sc, i, j) || company(sc, i, j);
    c->loose += !start && !cued && loose(sc, i, j, head);
    c->lower_end |= lower_end;
    /* (or a head and its nationality, the name ending there: "l’Académie
       française"; "la Fédération française de…" goes on) */
    c->long_lower |= (lower_end && j >= i + 4 && sep_blank(sc, i + 1) &&
                      sg_suggest_lower_adjective(sc, i + 1)) ||
                     lower_end == 2 ||
                     (lower_end && j == i + 1 && (sc->tok[i].flags & T_CAP) &&
                      in(sc, i, SG_WL_ORG_HEAD) && sg_suggest_nationality(sc, j));
    c->elided +=
        j == i && !start && sep_elision(sc, i) && (is(sc, i - 1, "l") || is(sc, i - 1, "d"));
    c->upper = ((sc->tok[i].flags & T_UPPER) && (j == i || (sc->tok[j].flags & T_NUM))) ||
               (j == i && mixed_case(sc, i));
    c->common += (sc->tok[i].flags & T_COMMON) != 0 || (j == i && counted_unit(sc, i)) ||
                 (!cued && !head && determined_common(sc, i)) ||
                 (j == i && (demonym(sc, i) || code_like(sc, i)));
    c->loose += (j == i && glued_initial(sc, i)) || trademark(sc, i, j);
    /* "l’Inspection générale des…", "l’Enseignement supérieur": the name goes on
       in lower case, so this is only its start */
    c->common += j + 1 < sc->ntok && sep_blank(sc, j + 1) && (sc->tok[j + 1].flags & T_LOWER) &&
                 in(sc, j + 1, SG_WL_GENERIC) && !is(sc, j + 1, "est") && !lower_end;
    return 0;
}

/* Does word i, capitalised and alone after a known name, name nothing of
 * its own: four letters or more, in no word list of `nameless` (bits 1u <<
 * SG_WL_...), no first name? */
static int nameless_word(sg_scan *sc, size_t i, unsigned nameless)
{
    if ((sc->tok[i].flags & (T_UPPER | T_COVERED | T_NUM)) || strlen(fw(sc, i)) < 4)
        return 0;
    for (unsigned l = 0; l < SG_WL_COUNT; l++)
        if (((nameless >> l) & 1u) && in(sc, i, (sg_wordlist)l))
            return 0;
    return !sg_first_name(fw(sc, i));
}

/* The word lists whose words never name a body after a known name: a
 * function word, a role, a verb, a head, a title, a place, a credit's cue. */
#define WORD_LISTS                                                                                 \
    (1u << SG_WL_STOP | 1u << SG_WL_PARTICLE | 1u << SG_WL_ROLE | 1u << SG_WL_VERB |               \
     1u << SG_WL_ORG_HEAD | 1u << SG_WL_ORG_PLURAL | 1u << SG_WL_TITLE | 1u << SG_WL_PLACE |       \
     1u << SG_WL_CREDIT)

/* Is word i, capitalised and alone, right after a name of one word the
 * gazetteers know as an organisation's, a word that names nothing alone:
 * "Inserm Transfert", "Centrale Innovation", a body of its own named after
 * the one known? */
static int org_then_word(sg_scan *sc, size_t i)
{
    return i > 0 && sep_blank(sc, i) &&
           (sc->tok[i - 1].flags & (T_COVERED | T_ORG | T_CAP)) == (T_COVERED | T_ORG | T_CAP) &&
           !(i >= 2 && sep_blank(sc, i - 1) && (sc->tok[i - 2].flags & T_COVERED)) &&
           nameless_word(sc, i, WORD_LISTS | 1u << SG_WL_GENERIC | 1u << SG_WL_NAMED);
}

/* Is word i, capitalised and alone, right after a town the gazetteers know
 * and "au" or "en": a list's or an association's name that starts with the
 * town ("Nice au Cœur", "Marseille en Grand": a generic word may end it),
 * not the word alone, nor the town as a place ("à Toulon au Printemps")? */
static int place_then_word(sg_scan *sc, size_t i)
{
    return i >= 2 && sep_blank(sc, i) && sep_blank(sc, i - 1) && (sc->tok[i - 1].flags & T_LOWER) &&
           (is(sc, i - 1, "au") || is(sc, i - 1, "en")) &&
           (sc->tok[i - 2].flags & (T_PLACE | T_CAP)) == (T_PLACE | T_CAP) &&
           !(i >= 3 && sep_blank(sc, i - 2) && (sc->tok[i - 3].flags & T_COVERED)) &&
           !(i >= 3 && (is(sc, i - 3, "a") || is(sc, i - 3, "dans") || is(sc, i - 3, "vers"))) &&
           nameless_word(sc, i, WORD_LISTS);
}

int sg_suggest_find_sequences(sg_scan *sc)
{
    for (size_t i = 0; i < sc->ntok; i++) {
        if (sc->tok[i].flags & T_TAKEN)
            continue;
        int article = sg_suggest_cap_article(sc, i);
        size_t first = i + (size_t)article; /* the first word after a capitalised article */
        if (!name_word(sc, first) || (sc->tok[first].flags & T_TAKEN) ||
            strlen(fw(sc, first)) < 2) {
            i += (size_t)article;
            continue;
        }
        size_t j = sg_suggest_sequence_end(sc, first);
        /* "en Saône et Loire": a department of the list written without its
           dashes is one name, not two joined by "et" */
        if (j == first && j + 2 < sc->ntok && sep_blank(sc, j + 1) && is(sc, j + 1, "et") &&
            (sc->tok[j + 1].flags & T_LOWER) && sep_blank(sc, j + 2) && name_word(sc, j + 2)) {
            char *key = fold_words(sc, first, j + 2);
            if (!key)
                return SG_ERR_NOMEM;
            if (sg_suggest_word(SG_WL_PLACE, key))
                j += 2;
            free(key);
        }
        /* "Emilie CHENEAU Gestionnaire de cas": a first name and a surname in
           capitals, then the next role's word, are a person's, no body */
        if (!article && j >= first + 2 && sg_first_name(fw(sc, first)) &&
            sg_suggest_caps_end(sc, first, 2) && sg_suggest_person_at(sc, first)) {
            i = j;
            continue;
        }
        /* "Lucas Interviewée par France 3": a first name, then a caption's
           participle glued to it, no name */
        if (!article && j == first + 1 && sg_first_name(fw(sc, first)) &&
            participle_ending(sc, j)) {
            i = j;
            continue;
        }
        /* "la Présidente du Conseil départemental de X": the name starts after
           the role */
        if (!article && in(sc, first, SG_WL_ROLE) && j > first) {
            size_t k = first + 1;
            while (k < j && (!name_word(sc, k) || in(sc, k, SG_WL_ROLE)))
                k++; /* "Vice Président de la CAPG" */
            /* the role is no part of the name: a body's head, an acronym or a
               commune ("Maire de la Brillanne") follows; a minister's
               portfolio is none (mark_portfolios) */
            if (k <= j && (sc->tok[k].flags & T_TAKEN)) {
                i = j;
                continue;
            }
            if (k <= j && name_word(sc, k))
                i = first = k;
        }
        /* "d’un Ehpad de Roquebelle": a kind of body, then the name of its town */
        if (!article && j > first && determined_common(sc, first) &&
            (in(sc, first, SG_WL_ORG_HEAD) || in(sc, first, SG_WL_GENERIC)) &&
            particle_at(sc, first + 1)) {
            size_t k = first + 1;
            while (k < j && particle_at(sc, k))
                k++;
            i = first = k;
        }
        int lower = 0;
        /* "la Métropole toulonnaise", "la Région lyonnaise": a local
           authority's kind with an adjective is no longer the kind alone
           (the authority); the adjective is in the name, which then needs
           the minimum count */
        if (j == first && !(sc->tok[first].flags & T_START) &&
            (is(sc, first, "metropole") || is(sc, first, "region") ||
             is(sc, first, "departement")) &&
            j + 1 < sc->ntok && sep_blank(sc, j + 1) && !(sc->tok[j + 1].flags & T_LINE) &&
            sg_suggest_lower_adjective(sc, j + 1)) {
            j++;
            lower = 1;
        } else if (in(sc, first, SG_WL_ORG_HEAD) && !(sc->tok[first].flags & T_START))
            j = sg_suggest_extend_name(sc, first, j, &lower);
        else if (sg_suggest_role_of_body(sc, i) && j + 2 < sc->ntok && particle_at(sc, j + 1) &&
                 (sc->tok[j + 2].flags & (T_PLACE | T_CAP)) == (T_PLACE | T_CAP))
            j = place_run(sc, j + 2); /* "président de Régions de France" */
        else if (sg_suggest_role_of_body(sc, i) && j + 1 < sc->ntok && sep_blank(sc, j + 1) &&
                 (sc->tok[j + 1].flags & (T_PLACE | T_CAP)) == (T_PLACE | T_CAP)) {
            j = place_run(sc, j + 1); /* "président d’Estérel Côte d’Azur" */
            if (j + 1 < sc->ntok && sep_blank(sc, j + 1) && (sc->tok[j + 1].flags & T_LOWER) &&
                is(sc, j + 1, "agglomeration")) /* "… agglomération": its kind, in the name */
                j++;
        }
        /* "l’OGC Nice", "le RC Lens": an acronym in capitals (not a kind's:
           CHU, GHT), then a place the gazetteers know, names a body (a club,
           a company) */
        int placed = 0;
        if (j == i && !article && (sc->tok[i].flags & T_UPPER) && !in(sc, i, SG_WL_GENERIC) &&
            j + 1 < sc->ntok && sep_blank(sc, j + 1) && !(sc->tok[j + 1].flags & T_LINE) &&
            (sc->tok[j + 1].flags & (T_PLACE | T_CAP)) == (T_PLACE | T_CAP)) {
            j = place_run(sc, j + 1);
            placed = 1;
        }
        /* where the known name before a word alone starts, if one does */
        size_t a = j != i || article        ? SIZE_MAX
                   : org_then_word(sc, i)   ? i - 1
                   : place_then_word(sc, i) ? i - 2
                                            : SIZE_MAX;
        if (a != SIZE_MAX) {
            int rc = sg_suggest_add_sequence(sc, a, j, 0, 0);
            sg_cand *c = rc ? NULL : words_cand(sc, &sc->seqs, a, j);
            if (rc || !c)
                return SG_ERR_NOMEM;
            c->org++;
            continue;
        }
        /* "président de la DLVAgglo Camille Galtier": an acronym before a
           known name (not a place) stands alone */
        int alone = j == i && ((sc->tok[i].flags & T_UPPER) || mixed_case(sc, i)) &&
                    !(i > 0 && sep_blank(sc, i) && (sc->tok[i - 1].flags & T_COVERED)) &&
                    !(j + 1 < sc->ntok && (sc->tok[j + 1].flags & T_PLACE));
        if ((alone || !beside_covered(sc, i, j)) && j - i < MAX_NAME_WORDS) {
            int rc = sg_suggest_add_sequence(sc, i, j, 0, lower);
            if (rc)
                return rc;
            sg_cand *c = placed ? words_cand(sc, &sc->seqs, i, j) : NULL;
            if (placed && !c)
                return SG_ERR_NOMEM;
            if (c)
                c->org++;
        }
        i = j;
    }
    return 0;
}
