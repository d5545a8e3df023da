/* Organisations' heads and long names (SPEC §15): a name that goes on in
 * lower case or over a place ("Ordre des médecins", "Fonds national de
 * solidarité et d’action mutualiste"), the lower-case head before a name
 * ("la clinique X", "le groupe X", "les cliniques X et Y"), a hospital's
 * unit, which is no body; and three scanners of bodies: a name in quotation
 * marks after a head, a head with its seat ("le parquet de Grasse", "la
 * communauté de communes du Pays de Lure"), a place the gazetteers know then
 * another word ("le fonds Provence Avenir"). Apart because these rules read
 * the lower-case words of bodies' names, which the other scanners skip. */
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "suggest_int.h"

/* A lower-case word that reads as an adjective of a name ("Union
 * collégiale", "Service local", "Conseil départemental", "Centre
 * hospitalier"), by its ending. */
int sg_suggest_lower_adjective(const sg_scan *sc, size_t k)
{
    /* (-éen: "Hôpital européen", "Institut méditerranéen") */
    static const char *const endings[] = {
        "aire", "ais", "aise", "al",    "ale", "ales", "aux", "een",  "eenne", "el",  "elle",
        "eur",  "eux", "ien",  "ienne", "ier", "iere", "if",  "ique", "ive",   "ois", "oise"};
    const sg_stok *t = &sc->tok[k];
    if (!(t->flags & T_LOWER) || (t->flags & (T_COVERED | T_FURNITURE)) || in(sc, k, SG_WL_STOP) ||
        in(sc, k, SG_WL_VERB) || in(sc, k, SG_WL_PARTICLE))
        return 0;
    const char *w = fw(sc, k);
    size_t n = strlen(w);
    for (size_t e = 0; e < sizeof(endings) / sizeof(*endings); e++) {
        size_t m = strlen(endings[e]);
        if (n > m + 2 && !strcmp(w + n - m, endings[e]))
            return 1;
    }
    return 0;
}

/* An adjective after a lower-case noun of a name: as
 * sg_suggest_lower_adjective, or ending in -iste ("d’action mutualiste"). */
static int complement_adjective(const sg_scan *sc, size_t k)
{
    static const char *const endings[] = {"iste", "istes"};
    return sg_suggest_lower_adjective(sc, k) ||
           ((sc->tok[k].flags & T_LOWER) && !(sc->tok[k].flags & (T_COVERED | T_FURNITURE)) &&
            ends_with(fw(sc, k), endings, 2));
}

/* A lower-case noun inside a name after a particle ("de police", "des
 * médecins", "d’assurance"). */
int sg_suggest_lower_noun(const sg_scan *sc, size_t k)
{
    const sg_stok *t = &sc->tok[k];
    return (t->flags & T_LOWER) && !(t->flags & (T_COVERED | T_FURNITURE | T_NUM)) &&
           !in(sc, k, SG_WL_STOP) && !in(sc, k, SG_WL_VERB) && !in(sc, k, SG_WL_PARTICLE) &&
           strlen(fw(sc, k)) > 2;
}

/* An organisation's name that goes on in lower case or over a place the
 * gazetteers know: "Service local de police judiciaire de Nice", "Ordre des
 * médecins", "Union collégiale", "Syndicat des Vins Côtes de Provence",
 * "Conseil territorial de santé pour les Hautes-Vallées". The
 * sequence [i, j] starts with an organisation's head; returns the name's
 * last word and sets *lower when it is a lower-case one (2 when the name
 * says what the body is for: "Collectif pour le soin"). */
/* Counts [a, b] as a name after a cue and takes its words (no other scanner
 * reads them again): 0 or SG_ERR_NOMEM. */
static int add_taken(sg_scan *sc, size_t a, size_t b)
{
    int rc = sg_suggest_add_sequence(sc, a, b, 1, 0);
    for (size_t k = a; !rc && k <= b; k++)
        sc->tok[k].flags |= T_TAKEN;
    return rc;
}

/* A past participle as written, ending in "é" or "ée" ("privé", "unifiée";
 * not a verb in -e: "recrute"). */
static int participle(const sg_scan *sc, size_t k)
{
    const sg_stok *t = &sc->tok[k];
    const char *w = sc->text + t->s;
    size_t n = t->e - t->s;
    if (!(t->flags & T_LOWER) || (t->flags & (T_COVERED | T_FURNITURE)) || in(sc, k, SG_WL_STOP) ||
        in(sc, k, SG_WL_VERB) || n < 5)
        return 0;
    if (w[n - 1] == 'e')
        n--;
    return !memcmp(w + n - 2, "\xc3\xa9", 2);
}

/* "l’Hôpital privé Beauregard", "la Clinique mutualiste Bonneveine",
 * "l’Université unifiée Aix-Marseille": a capitalised head (word i alone),
 * one or two adjectives, then a name or a place the gazetteers know: one
 * name, whose last word this returns; 0 when the words do not read so. */
static size_t head_adjective_name(const sg_scan *sc, size_t i)
{
    size_t q = i + 1;
    while (q < sc->ntok && q - i <= 2 && sep_blank(sc, q) &&
           (complement_adjective(sc, q) || participle(sc, q)))
        q++;
    /* (not an acronym: "le Conseil régional LR Renaud Muselier", a party's) */
    if (q == i + 1 || q >= sc->ntok || !sep_blank(sc, q) || (sc->tok[q].flags & (T_LINE | T_UPPER)))
        return 0;
    size_t e = (sc->tok[q].flags & (T_PLACE | T_CAP)) == (T_PLACE | T_CAP) ? place_run(sc, q)
               : name_word(sc, q) && !sg_suggest_person_at(sc, q) ? sg_suggest_sequence_end(sc, q)
                                                                  : 0;
    return e && e - i < MAX_NAME_WORDS ? e : 0;
}

/* A public body named by its seat, not by what it is for: "la Mairie pour
 * les téléalarmes" is the town hall and a service it runs. */
static int town_hall_head(const sg_scan *sc, size_t i)
{
    static const char *const seats[] = {"commune",    "departement", "hotel", "mairie",
                                        "prefecture", "region",      "ville"};
    for (size_t k = 0; k < sizeof(seats) / sizeof(*seats); k++)
        if (is(sc, i, seats[k]))
            return 1;
    return 0;
}

size_t sg_suggest_extend_name(const sg_scan *sc, size_t i, size_t j, int *lower)
{
    size_t end = j, k = j + 1;
    *lower = 0;
    if (j == i && (sc->tok[i].flags & T_CAP) && (end = head_adjective_name(sc, i)))
        return end;
    end = j;
    /* a local authority named by its territory, a place the gazetteers know
       among its words: "l’Agglomération Provence Verte", "la Métropole Nice
       Côte d’Azur" */
    if (j == i && (is(sc, i, "agglomeration") || is(sc, i, "metropole")) && k < sc->ntok &&
        sep_blank(sc, k) && (sc->tok[k].flags & (T_PLACE | T_CAP)) == (T_PLACE | T_CAP)) {
        end = place_run(sc, k);
        if (end + 1 < sc->ntok && sep_blank(sc, end + 1) && name_word(sc, end + 1))
            end = sg_suggest_sequence_end(sc, end + 1);
        return end - i < MAX_NAME_WORDS ? end : j;
    }
    while (k < sc->ntok && k - i < MAX_NAME_WORDS && sep_blank(sc, k) &&
           sg_suggest_lower_adjective(sc, k))
        end = k++, *lower = 1;
    /* (not across a comma: "le Conseil départemental, l’Agglomération X" are two) */
    int noun = 0, joined = 0; /* the last word a lower-case noun; an "et" taken */
    while (k < sc->ntok && k - i < MAX_NAME_WORDS && !(sc->tok[k].flags & T_LINE) &&
           sep_blank(sc, k)) {
        /* a lower-case complement goes on over one "et" after a noun: "Fonds
           national de solidarité et d’action mutualiste", "Collège national des
           gynécologues et obstétriciens français" (not after an adjective:
           "… français et premier établissement") */
        if (noun && !joined && is(sc, k, "et") && (sc->tok[k].flags & T_LOWER)) {
            size_t q = k + 1;
            if (q + 1 < sc->ntok && particle_at(sc, q) && !is(sc, q, "la") && !is(sc, q, "le") &&
                !is(sc, q, "l"))
                q++; /* "et d’action", "et de gestion" */
            if (q >= sc->ntok || !(sep_blank(sc, q) || sep_elision(sc, q)) ||
                !sg_suggest_lower_noun(sc, q) || in(sc, q, SG_WL_ORG_HEAD) || in(sc, q, SG_WL_ROLE))
                break;
            end = q, noun = 1, joined = 1;
            if (q + 1 < sc->ntok && sep_blank(sc, q + 1) && complement_adjective(sc, q + 1))
                end = q + 1, noun = 0;
            k = end + 1;
            if (k < sc->ntok && !sep_blank(sc, k))
                break;
            continue;
        }
        /* what a body is for or against: "Collectif pour le soin",
           "Association pour la recherche sur…", "Comité de lutte contre le
           sida" (a lower-case noun after "pour" or "contre" and an article) */
        if ((is(sc, k, "pour") || is(sc, k, "contre")) && (sc->tok[k].flags & T_LOWER) &&
            k + 2 < sc->ntok && !(k == i + 1 && town_hall_head(sc, i)) &&
            (is(sc, k + 1, "le") || is(sc, k + 1, "la") || is(sc, k + 1, "les") ||
             is(sc, k + 1, "l")) &&
            (sep_blank(sc, k + 2) || sep_elision(sc, k + 2)) && sep_blank(sc, k + 1) &&
            sg_suggest_lower_noun(sc, k + 2) && !in(sc, k + 2, SG_WL_ORG_HEAD)) {
            end = k + 2, noun = 1, *lower = 2;
            if (end + 1 < sc->ntok && sep_blank(sc, end + 1) && complement_adjective(sc, end + 1))
                end++, noun = 0;
            k = end + 1;
            if (k < sc->ntok && !sep_blank(sc, k))
                break;
            continue;
        }
        /* a capitalised head's lower-case complement right after it, then its
           proper name: "le Centre de radiothérapie Saint-Louis", "le Centre
           d’imagerie Bellevue" (not a body's head in the complement: "l'Ehpad
           de la fondation X"; not a kind spelt out with its adjectives, "la
           Communauté professionnelle territoriale de santé X") */
        if (noun && *lower == 1 && j == i && (sc->tok[i].flags & T_CAP) && k <= i + 4 &&
            particle_at(sc, i + 1) && !in(sc, k - 1, SG_WL_ORG_HEAD) &&
            !in(sc, k - 2, SG_WL_ORG_HEAD) && name_word(sc, k) && !(sc->tok[k].flags & T_UPPER) &&
            !sg_suggest_person_at(sc, k)) {
            end = sg_suggest_sequence_end(sc, k);
            *lower = 0;
            break;
        }
        if (!particle_at(sc, k))
            break;
        size_t q = k + 1;
        if (q < sc->ntok && particle_at(sc, q)) /* de la, de l’ */
            q++;
        if (q >= sc->ntok || (sc->tok[q].flags & T_LINE))
            break;
        if ((sc->tok[q].flags & (T_PLACE | T_CAP)) == (T_PLACE | T_CAP)) {
            end = place_run(sc, q);
            *lower = 0;
            break;
        }
        if (name_word(sc, q)) {
            end = sg_suggest_sequence_end(sc, q);
            *lower = 0, noun = 0;
        } else if (sg_suggest_lower_noun(sc, q)) {
            end = q, noun = 1;
            if (q + 1 < sc->ntok && sep_blank(sc, q + 1) && complement_adjective(sc, q + 1))
                end = q + 1, noun = 0;
            *lower = *lower == 2 ? 2 : 1;
        } else {
            break;
        }
        k = end + 1;
        if (k < sc->ntok && !sep_blank(sc, k))
            break;
    }
    /* "… de santé pour les Hautes-Vallées": the territory it is for */
    k = end + 1;
    if (k + 2 < sc->ntok && sep_blank(sc, k) && is(sc, k, "pour") && sep_blank(sc, k + 1) &&
        (is(sc, k + 1, "les") || is(sc, k + 1, "la") || is(sc, k + 1, "le")) &&
        sep_blank(sc, k + 2) && (sc->tok[k + 2].flags & (T_PLACE | T_CAP)) == (T_PLACE | T_CAP)) {
        end = place_run(sc, k + 2);
        *lower = 0;
    }
    return end - i < MAX_NAME_WORDS ? end : j;
}

/* A lower-case adjective of nationality: "américain", "allemande",
 * "suédois", "coréen", "néerlandais". */
int sg_suggest_nationality(const sg_scan *sc, size_t k)
{
    static const char *const endings[] = {"ain",  "aine", "and",  "ande", "ais",
                                          "aise", "ois",  "oise", "en",   "enne"};
    if (!(sc->tok[k].flags & T_LOWER) || in(sc, k, SG_WL_STOP) || in(sc, k, SG_WL_PARTICLE))
        return 0;
    const char *w = fw(sc, k);
    size_t n = strlen(w);
    for (size_t e = 0; e < sizeof(endings) / sizeof(*endings); e++) {
        size_t m = strlen(endings[e]);
        if (n > m + 3 && !strcmp(w + n - m, endings[e]))
            return 1;
    }
    return 0;
}

/* A hospital's unit (unité, service, pôle, maternité): what follows names a
 * unit. */
static int unit_head(const sg_scan *sc, size_t k)
{
    return is(sc, k, "unite") || is(sc, k, "service") || is(sc, k, "pole") ||
           is(sc, k, "maternite");
}

/* Words [i, j] name a hospital's unit, not a body: after a unit's head in
 * lower case ("le pôle Digestif", "la maternité Saint-Michel"), or headed by
 * one in capitals ("l’Unité Kangourou", "Service du Département de
 * Cardiologie"); not a public service ("Service départemental d’incendie",
 * "Service local de police"). */
int sg_suggest_unit_name(const sg_scan *sc, size_t i, size_t j)
{
    static const char *const territorial[] = {"departemental", "intercommunal", "municipal",
                                              "national",      "public",        "regional"};
    if (i > 0 && sep_blank(sc, i) && (sc->tok[i - 1].flags & T_LOWER) && unit_head(sc, i - 1))
        return 1;
    if (j == i || (sc->tok[i].flags & T_UPPER) || !unit_head(sc, i))
        return 0;
    /* (a name going on in lower case: "Service local de police judiciaire") */
    if ((sc->tok[i + 1].flags & T_LOWER) && !in(sc, i + 1, SG_WL_PARTICLE))
        return 0;
    for (size_t k = 0; k < sizeof(territorial) / sizeof(*territorial); k++)
        if (!strncmp(fw(sc, i + 1), territorial[k], strlen(territorial[k])))
            return 0; /* (départementale, nationale, publique too) */
    return 1;
}

/* A lower-case head before word i ("la clinique Bouchard"): 1 for a head
 * that becomes part of the name (its first word in *from), 2 for one that
 * stays apart (a plural: "les cliniques X et Y" are two names, each alone),
 * 0 for none. */
int sg_suggest_head_before(const sg_scan *sc, size_t i, size_t *from)
{
    *from = i;
    /* a ministry by its portfolio, the head in the name: "un arrêté du
       ministère de l’Hygiène", "le ministère des Armées" */
    size_t d = i - (i >= 3 && particle_at(sc, i - 1) && is_article(fw(sc, i - 1))) - 1;
    if (i >= 2 && d >= 1 && d < i && (sep_blank(sc, i) || sep_elision(sc, i)) &&
        particle_at(sc, d) && !is_article(fw(sc, d)) && sep_blank(sc, d) &&
        (sc->tok[d - 1].flags & T_LOWER) && !(sc->tok[d - 1].flags & T_COVERED) &&
        is(sc, d - 1, "ministere")) {
        *from = d - 1;
        return 1;
    }
    /* heads that name a kind of body rather than start its name ("le groupe
       Elsan", "l'association Vaincre le Diabète", "le syndicat Union des
       Soignants", "la plateforme MonRempla", "le cluster Eurobiomed": the name
       is what follows) */
    static const char *const apart[] = {
        "agence",        "assemblee", "association", "bureau",      "cabinet",   "cluster",
        "collectif",     "comite",    "commission",  "conseil",     "direction", "entreprise",
        "etablissement", "fonds",     "groupe",      "laboratoire", "mouvement", "office",
        "ordre",         "parti",     "plateforme",  "pole",        "service",   "societe",
        "syndicat",      "unite"};
    /* adjectives of a kind of body: "la clinique privée Santa Maria", "l’Ehpad
       associatif Les Restanques": the name is the capitalised words */
    static const char *const kinds[] = {
        "associatif",      "associative", "chirurgical",   "chirurgicale", "confessionnel",
        "confessionnelle", "medicalise",  "medicalisee",   "mutualiste",   "pediatrique",
        "privee",          "prive",       "psychiatrique", "specialise",   "specialisee"};
    if (i >= 2 && sep_blank(sc, i) && sep_blank(sc, i - 1) && (sc->tok[i - 1].flags & T_LOWER) &&
        !(sc->tok[i - 2].flags & (T_COVERED | T_FURNITURE)) &&
        (in(sc, i - 2, SG_WL_ORG_HEAD) || in(sc, i - 2, SG_WL_ORG_PLURAL)) &&
        !unit_head(sc, i - 2)) {
        /* (not a hospital's unit: "l’unité psychiatrique Gérardin") */
        if (sg_suggest_nationality(sc, i - 1)) /* "le fonds norvégien X", "le groupe suédois X" */
            return 2;
        for (size_t k = 0; k < sizeof(kinds) / sizeof(*kinds); k++)
            if (is(sc, i - 1, kinds[k]))
                return 2;
        /* another adjective is part of the name: "le centre nutritionnel X",
           "l’institut hospitalo-universitaire X" */
        int apart_head = in(sc, i - 2, SG_WL_ORG_PLURAL);
        for (size_t k = 0; k < sizeof(apart) / sizeof(*apart); k++)
            apart_head |= is(sc, i - 2, apart[k]);
        if (!apart_head && sg_suggest_lower_adjective(sc, i - 1) && !(sc->tok[i].flags & T_START)) {
            *from = i - 2;
            return 1;
        }
    }
    /* a head and its field: the name after a kind of body ("le cabinet
       d’architecture X", "le groupe de cliniques X"), else the name with them
       ("la communauté d’agglomération X") */
    if (i >= 3 && sep_blank(sc, i) && sg_suggest_lower_noun(sc, i - 1) && particle_at(sc, i - 2) &&
        (is(sc, i - 2, "de") || is(sc, i - 2, "d")) && sep_blank(sc, i - 2) &&
        (sc->tok[i - 3].flags & T_LOWER) && !(sc->tok[i - 3].flags & (T_COVERED | T_FURNITURE)) &&
        (in(sc, i - 3, SG_WL_ORG_HEAD) || in(sc, i - 3, SG_WL_ORG_PLURAL)) &&
        !unit_head(sc, i - 3)) {
        for (size_t k = 0; k < sizeof(apart) / sizeof(*apart); k++)
            if (is(sc, i - 3, apart[k]))
                return 2;
        if (in(sc, i - 3, SG_WL_ORG_PLURAL))
            return 2;
        *from = i - 3;
        return 1;
    }
    /* a trade before a company's name, maybe with adjectives: "le bailleur
       social Adoma", "le géant pharmaceutique américain Merck" */
    static const char *const trades[] = {
        "assureur",    "bailleur",    "constructeur", "distributeur", "editeur",
        "enseigne",    "exploitant",  "fabricant",    "geant",        "gestionnaire",
        "hypermarche", "industriel",  "supermarche",  "laboratoire",  "leader",
        "numero",      "operateur",   "prestataire",  "promoteur",    "sous traitant",
        "specialiste", "transporteur"};
    if (i >= 2 && sep_blank(sc, i) && !(sc->tok[i].flags & T_START)) {
        for (size_t k = i - 1, adjectives = 0; k > 0 && sep_blank(sc, k + 1); k--, adjectives++) {
            for (size_t t = 0; t < sizeof(trades) / sizeof(*trades); t++)
                if ((sc->tok[k].flags & T_LOWER) && is(sc, k, trades[t]))
                    return 2;
            if (adjectives == 2 ||
                !(sg_suggest_lower_adjective(sc, k) || sg_suggest_nationality(sc, k)))
                break;
        }
    }
    /* a kind of body by its acronym, after an article: "la MSP Centifolia",
       "l’Ehpad Les Oliviers" */
    if (i >= 2 && sep_blank(sc, i) && (sc->tok[i - 1].flags & T_CAP) &&
        sg_suggest_kind_acronym_at(sc, i - 1)) {
        *from = i - 1;
        return 1;
    }
    /* (not across a line's end: "Le transfert de la clinique" heads a
       section, "Transfert de la Clinique X" starts the next line) */
    if (i == 0 || !sep_blank(sc, i) || !(sc->tok[i - 1].flags & T_LOWER) ||
        (sc->tok[i].flags & T_LINE))
        return 0;
    if (in(sc, i - 1, SG_WL_ORG_PLURAL))
        return 2;
    if (!in(sc, i - 1, SG_WL_ORG_HEAD))
        return 0;
    for (size_t k = 0; k < sizeof(apart) / sizeof(*apart); k++)
        if (is(sc, i - 1, apart[k]))
            return 2;
    if (sg_suggest_role_body(sc, i - 1) && sg_suggest_person_at(sc, i))
        return 0; /* "le directeur de l’hôpital Jean Dupont": a person */
    *from = i - 1;
    return 1;
}

int sg_suggest_kind_acronym_at(const sg_scan *sc, size_t k)
{
    return k > 0 && (sep_blank(sc, k) || sep_elision(sc, k)) &&
           (is_article(fw(sc, k - 1)) || is(sc, k - 1, "du") || is(sc, k - 1, "au") ||
            /* (a plural before a name: "des Ehpad Les Cistes et Les Pins", not
               "des Ehpad varois") */
            ((is(sc, k - 1, "des") || is(sc, k - 1, "les")) && k + 1 < sc->ntok &&
             sep_blank(sc, k + 1) && (sc->tok[k + 1].flags & T_CAP))) &&
           sg_kind_acronym(fw(sc, k), strlen(fw(sc, k)));
}

int sg_suggest_role_body(const sg_scan *sc, size_t h)
{
    if (!(sc->tok[h].flags & T_LOWER) || !in(sc, h, SG_WL_ORG_HEAD))
        return 0;
    size_t k = h; /* back over "de l’", "de la", "du" */
    if (k >= 1 && (is(sc, k - 1, "l") || is(sc, k - 1, "la")))
        k--;
    if (k >= 1 && (is(sc, k - 1, "de") || is(sc, k - 1, "du") || is(sc, k - 1, "d")) &&
        (k == h) == is(sc, k - 1, "du"))
        k--;
    else
        return 0;
    return k >= 1 && (sc->tok[k - 1].flags & T_LOWER) && in(sc, k - 1, SG_WL_ROLE);
}

/* A word of a name in a list, one the gazetteers know among them. */
static int listed_word(const sg_scan *sc, size_t i)
{
    return (sc->tok[i].flags & T_CAP) && !(sc->tok[i].flags & T_FURNITURE) &&
           !in(sc, i, SG_WL_STOP) && !in(sc, i, SG_WL_TITLE);
}

/* "les cliniques X et Y", "les cliniques du X et de Y": Y shares the plural
 * head of X. */
int sg_suggest_shared_head(const sg_scan *sc, size_t i)
{
    size_t et = i - 1; /* (past a "de", "du", "d'" after "et") */
    if (i >= 3 && (is(sc, i - 1, "de") || is(sc, i - 1, "du") || is(sc, i - 1, "d")) &&
        (sep_blank(sc, i) || sep_elision(sc, i)))
        et = i - 2;
    if (i < 2 || !(sep_blank(sc, i) || et < i - 1) || !is(sc, et, "et") || !sep_blank(sc, et))
        return 0;
    /* back to the first word of X, and of the names before it in a list
       ("les cliniques Saint-Antoine, Santa-Maria, du Parc et de X") */
    enum { MAX_LISTED = 16 }; /* names a list may have before Y */
    size_t end = et - 1;
    for (unsigned names = 0; names < MAX_LISTED && end > 0; names++) {
        size_t k = end, from;
        while (k > 0 && k + MAX_NAME_WORDS > end + 1 && sep_blank(sc, k) &&
               (listed_word(sc, k - 1) || particle_at(sc, k - 1)))
            k--;
        if (listed_word(sc, k) && sg_suggest_head_before(sc, k, &from) == 2)
            return 1;
        if (k < 2 || !sep_has(sc, k, ",") || !listed_word(sc, k - 1))
            return 0;
        end = k - 1;
    }
    return 0;
}

/* A head that, with "de" and a place or a name, names one body: "le parquet
 * de Grasse", "le commissariat d'Hyères", "le Smur de La Ciotat" (a hospital's
 * mobile emergency unit), "le tribunal de commerce d’Avignon", "la cour d’appel d’Aix",
 * "le CHU de Lille", "l'IFSI de La Garde", "le CDS des Aygalades", "le centre hospitalier
 * universitaire d'Amiens", "la clinique chirurgicale des Alpes du Sud", "la communauté de communes
 * du Pays de Lure", "le groupement hospitalier de territoire des Alpes", "la pharmacie du Palais",
 * "l’URPS de Bretagne" (a generic acronym of bodies that exist once per territory). */
static int seat_head(const sg_scan *sc, size_t i)
{
    static const char *const heads[] = {
        "ars",          "canceropole", "cds",       "ch",
        "chi",          "chr",         "chu",       "clinique",
        "commissariat", "communaute",  "cour",      "cpam",
        "cpts",         "ehpad",       "faculte",   "gendarmerie",
        "ght",          "groupement",  "hopital",   "ifsi",
        "msp",          "parquet",     "pharmacie", "polyclinique",
        "prefecture",   "sdis",        "smur",      "sous prefecture",
        "tribunal",     "urps"};
    /* (a kind's acronym in title case is still the kind: "l'Ifsi de La Garde") */
    static const char *const kinds[] = {"cpts", "ehpad", "ght", "ifsi", "smur"};
    const sg_stok *t = &sc->tok[i];
    int kind = 0;
    for (size_t k = 0; k < sizeof(kinds) / sizeof(*kinds) && !kind; k++)
        kind = is(sc, i, kinds[k]);
    if ((t->flags & (T_COVERED | T_FURNITURE | T_TAKEN)) ||
        ((t->flags & T_CAP) && !(t->flags & T_UPPER) && !(t->flags & T_START) && !kind))
        return 0; /* a capitalised head starts a sequence of its own */
    /* a definite article before it: one body ("un directeur de clinique de
       Hyères" names none) */
    if (i == 0 || !(sep_blank(sc, i) || sep_elision(sc, i)))
        return 0;
    /* "les hôpitaux de Saint-Étienne": the hospitals of one town, one body (not
       "les hôpitaux d’Avignon, Cavaillon et Carpentras": seat_end) */
    if (is(sc, i, "hopitaux") && (sc->tok[i].flags & T_LOWER))
        return is(sc, i - 1, "les") || is(sc, i - 1, "des") || is(sc, i - 1, "aux");
    if (!(is_article(fw(sc, i - 1)) || is(sc, i - 1, "du") || is(sc, i - 1, "au")))
        return 0;
    /* "les Ehpad de Paca", "des CPTS du Var": the bodies of a place, many */
    if (is(sc, i - 1, "les") || is(sc, i - 1, "des") || is(sc, i - 1, "aux"))
        return 0;
    for (size_t k = 0; k < sizeof(heads) / sizeof(*heads); k++)
        if (is(sc, i, heads[k]))
            return 1;
    /* "le centre hospitalier (universitaire) d'Amiens"; "le centre de santé
       d'Aiguilles", "la maison de santé de Lauris" (the complement "de santé"
       then read by seat_end) */
    if ((is(sc, i, "centre") || is(sc, i, "maison")) && i + 2 < sc->ntok && is(sc, i + 1, "de") &&
        is(sc, i + 2, "sante") && sep_blank(sc, i + 1) && sep_blank(sc, i + 2))
        return 1;
    return is(sc, i, "centre") && i + 1 < sc->ntok && is(sc, i + 1, "hospitalier") &&
           sep_blank(sc, i + 1);
}

/* The name after "de" / "du" / "des" / "d’" at word k: capitalised words or
 * a place the gazetteers know. Its last word, or 0. */
static size_t seat_name_end(const sg_scan *sc, size_t k)
{
    if (k + 1 >= sc->ntok || !particle_at(sc, k) || is(sc, k, "la") || is(sc, k, "le") ||
        is(sc, k, "l"))
        return 0;
    size_t q = k + 1;
    if (q + 1 < sc->ntok && particle_at(sc, q)) /* de la, de l’ */
        q++;
    if (sc->tok[q].flags & T_LINE)
        return 0;
    /* "de La Ciotat": a capitalised article is the name's */
    if (sg_suggest_cap_article(sc, q) && name_word(sc, q + 1) &&
        !((sc->tok[q].flags | sc->tok[q + 1].flags) & T_TAKEN))
        return sg_suggest_sequence_end(sc, q + 1);
    if ((sc->tok[q].flags & (T_PLACE | T_CAP)) == (T_PLACE | T_CAP))
        return place_run(sc, q);
    if (!name_word(sc, q) || (sc->tok[q].flags & T_TAKEN) || sg_suggest_person_at(sc, q) ||
        sg_suggest_ordinal(sc, q))
        return 0;
    size_t e = sg_suggest_sequence_end(sc, q);
    if (e == q && in(sc, q, SG_WL_GENERIC))
        return 0; /* "l’hôpital du Pays salonais": no name */
    /* "du Pays de Forcalquier": a place the gazetteers know ends it */
    if (e + 2 < sc->ntok && sep_blank(sc, e + 1) && particle_at(sc, e + 1) &&
        !is(sc, e + 1, "la") && !is(sc, e + 1, "le") && !is(sc, e + 1, "l") &&
        (sc->tok[e + 2].flags & (T_PLACE | T_CAP)) == (T_PLACE | T_CAP))
        e = place_run(sc, e + 2);
    return e;
}

/* The name after a seat's head at word h: an adjective or a "de" + noun
 * complement ("de commerce", "d’appel"), then de / du / des / d’, then
 * capitalised words or a place the gazetteers know. Its last word, or 0. */
static size_t seat_end(const sg_scan *sc, size_t h)
{
    size_t k = h + 1;
    /* (two: "centre hospitalier universitaire") */
    for (int a = 0; a < 2 && k < sc->ntok && sep_blank(sc, k) && sg_suggest_lower_adjective(sc, k);
         a++)
        k++;
    /* (an adjective, then "de" + noun: "hospitalier de territoire") */
    if (k + 2 < sc->ntok && particle_at(sc, k) && !is(sc, k, "la") && !is(sc, k, "le") &&
        sg_suggest_lower_noun(sc, k + 1) && !in(sc, k + 1, SG_WL_ORG_HEAD) &&
        particle_at(sc, k + 2))
        k += 2; /* "de commerce", "d’appel", then "d’Avignon" */
    size_t e = seat_name_end(sc, k);
    /* "les hôpitaux de" a town, not "du" or "des" an area: "les hôpitaux des
       Alpes du Sud", "du Var" are several bodies */
    if (e && is(sc, h, "hopitaux") && (is(sc, k, "du") || is(sc, k, "des")))
        return 0;
    /* (hospitals of several towns are several bodies) */
    if (e && is(sc, h, "hopitaux") && e + 1 < sc->ntok &&
        ((sep_has(sc, e + 1, ",") && (sc->tok[e + 1].flags & T_PLACE)) ||
         (is(sc, e + 1, "et") && sep_blank(sc, e + 1))))
        return 0;
    /* a community of communes named by two areas: "la communauté de communes
       de l’Enclave des Papes et du Pays de Grignan" */
    if (e && is(sc, h, "communaute") && e + 2 < sc->ntok && is(sc, e + 1, "et") &&
        sep_blank(sc, e + 1) && sep_blank(sc, e + 2)) {
        size_t f = seat_name_end(sc, e + 2);
        e = f ? f : e;
    }
    return e;
}

int sg_suggest_find_seats(sg_scan *sc)
{
    for (size_t i = 0; i + 2 < sc->ntok; i++) {
        if (!seat_head(sc, i))
            continue;
        size_t j = seat_end(sc, i);
        if (!j || j - i >= 2 * MAX_NAME_WORDS || any_flag(sc, i + 1, j, T_TAKEN | T_FURNITURE) ||
            (any_covered(sc, i + 1, j) && !((sc->tok[j].flags & T_PLACE))))
            continue;
        int rc = add_taken(sc, i, j);
        if (rc)
            return rc;
        i = j;
    }
    return 0;
}

/* A name in quotation marks after an organisation's head, maybe with its
 * complement in lower case: "le collectif « Une réa pour Manosque »", "la
 * clinique « Synergia Luberon »", "l’établissement d’hébergement pour
 * personnes âgées dépendantes "Résidence Les Pins"". */
int sg_suggest_find_quoted(sg_scan *sc)
{
    static const uint32_t open[] = {0xAB, 0x201C, '"'};
    for (size_t i = 0; i + 1 < sc->ntok; i++) {
        const sg_stok *t = &sc->tok[i];
        if ((t->flags & (T_COVERED | T_FURNITURE)) || !in(sc, i, SG_WL_ORG_HEAD))
            continue;
        size_t h = i; /* the word before the quote */
        while (h + 1 < sc->ntok && h - i < 6 && !sep_has_cp(sc, h + 1, open, 3) &&
               (sep_blank(sc, h + 1) || sep_elision(sc, h + 1)) &&
               (sc->tok[h + 1].flags & T_LOWER) && !(sc->tok[h + 1].flags & T_COVERED))
            h++;
        /* a group's slogan is its name, in lower case too: "le collectif
           « non à la fermeture »" */
        static const char *const groups[] = {"association", "collectif", "comite", "mouvement"};
        int group = 0;
        for (size_t k = 0; k < sizeof(groups) / sizeof(*groups); k++)
            group |= h == i && is(sc, i, groups[k]);
        i = h;
        /* (a place the gazetteers know may start it when more words follow:
           "le groupe « Aubagne autrement et solidaire »"; the quote comes right
           after the head, not after the sentence's end: "le service X. « Des
           fonctionnalités… »") */
        if (i + 1 >= sc->ntok || !sep_has_cp(sc, i + 1, open, 3) || sep_has(sc, i + 1, ".;:!?") ||
            (sc->tok[i + 1].flags & (T_FURNITURE | T_LINE)) ||
            ((sc->tok[i + 1].flags & T_COVERED) &&
             !((sc->tok[i + 1].flags & T_PLACE) && i + 2 < sc->ntok && sep_blank(sc, i + 2) &&
               (sc->tok[i + 2].flags & T_LOWER))))
            continue;
        /* (or a lower-case article, then a capitalised word: "la maison de
           retraite « la Salette »") */
        int article = (sc->tok[i + 1].flags & T_LOWER) && i + 2 < sc->ntok &&
                      (is_article(fw(sc, i + 1)) || is(sc, i + 1, "les")) &&
                      (sep_blank(sc, i + 2) || sep_elision(sc, i + 2)) &&
                      (sc->tok[i + 2].flags & T_CAP);
        if (!(sc->tok[i + 1].flags & T_CAP) && !article &&
            !(group && (sc->tok[i + 1].flags & T_LOWER)))
            continue;
        /* (the quotation marks bound the name: it may be longer than others,
           "Les Amis du Vallon et du Pont de l’Aube") */
        enum { MAX_QUOTED = MAX_NAME_WORDS + 4 };
        size_t b = i + 1;
        while (b + 1 < sc->ntok && b - i < MAX_QUOTED && !(sc->tok[b + 1].flags & T_LINE) &&
               (sep_blank(sc, b + 1) || sep_elision(sc, b + 1)))
            b++;
        if (b - i >= MAX_QUOTED || (!(sc->tok[i + 1].flags & T_CAP) && !article && b < i + 3))
            continue; /* (a slogan of three words or more) */
        uint32_t c = char_after(sc, b);
        if (c != 0xBB && c != 0x201D && c != '"')
            continue;
        int known = 0; /* places the gazetteers know may be inside the name */
        for (size_t k = i + 1; k <= b; k++)
            known |= (sc->tok[k].flags & (T_FURNITURE | T_TAKEN)) ||
                     (sc->tok[k].flags & (T_COVERED | T_PLACE)) == T_COVERED;
        if (known)
            continue;
        int rc = add_taken(sc, i + 1, b);
        if (rc)
            return rc;
        i = b;
    }
    return 0;
}

/* A place the gazetteers know, then a capitalised word that is not one, after
 * a lower-case word: one body's name ("l’infrastructure nationale France
 * Génomique", "le fonds Provence Avenir"); not the place itself after a
 * preposition of place ("en France Lundi", "à Nice Matin" stays a place). */
int sg_suggest_find_placed_names(sg_scan *sc)
{
    static const char *const at[] = {"a", "au", "aux", "dans", "en", "sur", "vers"};
    for (size_t i = 1; i + 1 < sc->ntok; i++) {
        const sg_stok *t = &sc->tok[i];
        if ((t->flags & (T_PLACE | T_CAP | T_COVERED)) != (T_PLACE | T_CAP | T_COVERED) ||
            (t->flags & (T_START | T_FURNITURE | T_TAKEN)) ||
            !(sep_blank(sc, i) || sep_elision(sc, i)) || !(sc->tok[i - 1].flags & T_LOWER) ||
            (sc->tok[i - 1].flags & T_COVERED))
            continue;
        int located = 0;
        for (size_t k = 0; k < sizeof(at) / sizeof(*at); k++)
            located |= is(sc, i - 1, at[k]);
        /* (nor after "de": a site of the place, "le parc scientifique de
           Marseille Luminy", or inside a longer name) */
        located |= particle_at(sc, i - 1);
        size_t k = place_run(sc, i);
        if (located || k + 1 >= sc->ntok || !sep_blank(sc, k + 1) ||
            (sc->tok[k + 1].flags & (T_LINE | T_TAKEN | T_NUM)) || !name_word(sc, k + 1) ||
            sg_suggest_person_at(sc, k + 1) || in(sc, k + 1, SG_WL_PLACE) ||
            in(sc, k + 1, SG_WL_ROLE)) {
            i = k;
            continue;
        }
        size_t j = sg_suggest_sequence_end(sc, k + 1);
        if (j - i >= MAX_NAME_WORDS || any_flag(sc, k + 1, j, T_TAKEN)) {
            i = j;
            continue;
        }
        int rc = add_taken(sc, i, j);
        if (rc)
            return rc;
        i = j;
    }
    return 0;
}

/* A person the gazetteers know, named after a lower-case head of a body that
 * bears people's names (both a head and a word of the named kinds: hôpital,
 * maison, clinique, fondation, école...) and maybe its adjectives or its
 * complement: the body is named after the person ("la maison de retraite
 * publique et médicalisée Simone Veil", "l’hôpital Georges Pompidou"), one
 * name from one mention. */
int sg_suggest_find_named_after(sg_scan *sc)
{
    for (size_t x = 1; x < sc->ntok; x++) {
        const unsigned f = sc->tok[x].flags;
        if ((f & (T_COVERED | T_CAP)) != (T_COVERED | T_CAP) ||
            (f & (T_PLACE | T_ORG | T_FURNITURE | T_TAKEN | T_START)) || !sep_blank(sc, x) ||
            !(sc->tok[x - 1].flags & T_LOWER) || (sc->tok[x - 1].flags & T_COVERED))
            continue;
        size_t e = x; /* the person's last word */
        while (e + 1 < sc->ntok && sep_blank(sc, e + 1) &&
               (sc->tok[e + 1].flags & (T_COVERED | T_PLACE | T_ORG | T_LINE)) == T_COVERED)
            e++;
        size_t k = x - 1; /* back over adjectives and "et": "publique et médicalisée" */
        while (k > 0 && x - k <= 4 && sep_blank(sc, k) &&
               (complement_adjective(sc, k) || participle(sc, k) ||
                (is(sc, k, "et") && (sc->tok[k].flags & T_LOWER))))
            k--;
        size_t head = k;
        if (k >= 2 && sg_suggest_lower_noun(sc, k) && !in(sc, k, SG_WL_ORG_HEAD) &&
            particle_at(sc, k - 1) && (is(sc, k - 1, "de") || is(sc, k - 1, "d")))
            head = k - 2; /* "maison de retraite" */
        const sg_stok *h = &sc->tok[head];
        /* (not the body of a role: "le directeur de l’hôpital Franck
           Pouilly" names the director) */
        if (!(h->flags & T_LOWER) || (h->flags & (T_COVERED | T_FURNITURE)) ||
            !in(sc, head, SG_WL_ORG_HEAD) || !in(sc, head, SG_WL_NAMED) || is(sc, x - 1, "et") ||
            e - head >= MAX_NAME_WORDS || sg_suggest_role_body(sc, head))
            continue;
        int rc = add_taken(sc, head, e);
        if (rc)
            return rc;
        x = e;
    }
    return 0;
}
