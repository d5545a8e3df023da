/* What a candidate's folded key says of it (SPEC §15): generic words only
 * ("Conseil", "Hôpitaux Sud"), a kind of body "de France", a board, a kind
 * spelt out in title case, a natural area, a department's part, a local
 * authority by its kind, a name headed by an organisation's head. Apart from
 * suggest.c, which makes the rows, because these read the words of a name
 * only, against the word lists of suggest_words.c. */
#include <stdio.h>
#include <string.h>

#include "sg_internal.h"
#include "suggest_int.h"

/* Whether every word of the folded `key` is generic: "Conseil", "Premier",
 * "Hôpitaux Sud", "Direction Générale". */
int sg_suggest_generic_only(const char *key)
{
    /* a hospital's or a clinic's name of a point of the compass: "la
       polyclinique Nord", "l'hôpital Nord" name one place (in the plural,
       "Hôpitaux Sud", a group) */
    static const char *const sites[] = {"clinique", "hopital", "polyclinique"};
    for (size_t h = 0; h < sizeof(sites) / sizeof(*sites); h++) {
        size_t n = strlen(sites[h]);
        if (!strncmp(key, sites[h], n) && key[n] == ' ' &&
            sg_compass_point(key + n + 1, strlen(key + n + 1)))
            return 0;
    }
    char buf[256];
    snprintf(buf, sizeof(buf), "%s", key);
    if (sg_suggest_word(SG_WL_GENERIC, buf) || sg_suggest_word(SG_WL_ROLE, buf))
        return 1;
    char *save = NULL;
    for (char *w = strtok_r(buf, " '", &save); w; w = strtok_r(NULL, " '", &save))
        if (!sg_suggest_word(SG_WL_GENERIC, w) && !sg_suggest_word(SG_WL_PARTICLE, w) &&
            !sg_suggest_word(SG_WL_STOP, w) && !sg_suggest_word(SG_WL_ROLE, w) &&
            !sg_suggest_word(SG_WL_TITLE, w) && !sg_suggest_word(SG_WL_ORG_HEAD, w) &&
            !sg_suggest_word(SG_WL_ORG_PLURAL, w))
            return 0;
    return 1;
}

/* A kind of body "of France", generic words then "de France": "le troisième
 * centre hospitalier universitaire de France" ranks one among all. */
int sg_suggest_generic_of_france(const char *key)
{
    static const char suffix[] = " de france";
    size_t n = strlen(key), sl = sizeof(suffix) - 1;
    if (n <= sl || n - sl >= 256 || strcmp(key + n - sl, suffix))
        return 0;
    char buf[256];
    memcpy(buf, key, n - sl);
    buf[n - sl] = 0;
    return sg_suggest_generic_only(buf);
}

/* A board of some body, named by its kind only: "Conseil de surveillance",
 * "Conseil d'administration", "Commission médicale d'établissement", "Comité
 * de pilotage"; and kinds of a body's sites or plans the same way: "Centre de
 * vaccination Covid", "Contrat de Ville". */
int sg_suggest_board(const char *key)
{
    static const char *const boards[] = {
        "centre de vaccination",  "comite de direction",      "comite de pilotage",
        "comite medical",         "comite scientifique",      "comite social",
        "comite technique",       "commission des usagers",   "commission medicale",
        "conseil communautaire",  "conseil d'administration", "conseil de surveillance",
        "conseil de vie sociale", "conseil des ministres",    "conseil municipal",
        "conseil scientifique",   "contrat de ville"};
    for (size_t k = 0; k < sizeof(boards) / sizeof(*boards); k++) {
        size_t n = strlen(boards[k]);
        if (strncmp(key, boards[k], n) || (key[n] && key[n] != ' '))
            continue;
        if (!key[n] || sg_suggest_generic_only(key + n + 1))
            return 1;
    }
    return 0;
}

/* A common noun's phrase the press defines by its letters, folded:
 * "intelligence artificielle" (IA), "assistance medicale a la procreation"
 * (AMP); no actor, nor are its letters. */
int sg_suggest_concept(const char *key)
{
    /* (sorted) */
    static const char *const concepts[] = {"affection de longue duree",
                                           "aide medicale d'etat",
                                           "ambassadeur du don d'organes",
                                           "ambassadeurs du don d'organes",
                                           "assistance medicale a la procreation",
                                           "bonnes pratiques de fabrication",
                                           "complementaire sante solidaire",
                                           "couverture maladie universelle",
                                           "dossier medical partage",
                                           "education therapeutique du patient",
                                           "intelligence artificielle",
                                           "interruption volontaire de grossesse",
                                           "procreation medicalement assistee",
                                           "produit interieur brut",
                                           "recherche et developpement",
                                           "ressources humaines",
                                           "revenu de solidarite active",
                                           "surface dans l'oeuvre",
                                           "surface de plancher"};
    for (size_t k = 0; k < sizeof(concepts) / sizeof(*concepts); k++)
        if (!strcmp(concepts[k], key))
            return 1;
    return 0;
}

/* A kind of body or unit spelt out in title case, or its first three words
 * or more: "Centre de Lutte Contre le Cancer" (every CLCC), "Service Mobile
 * d'Urgence et de Réanimation" (every SMUR), "Centre de Lutte" (cut short by
 * "Contre"); or a common noun's phrase ("Intelligence Artificielle"). */
int sg_suggest_spelt_kind(const char *key)
{
    static const char *const kinds[] = {
        "centre d'hebergement et de reinsertion sociale",
        "centre de lutte contre le cancer",
        "centre de soins d'accompagnement et de prevention en addictologie",
        "centre gratuit d'information de depistage et de diagnostic",
        "centre hospitalier de proximite",
        "centre hospitalier specialise",
        "centre hospitalier universitaire",
        "centre medico psychologique",
        "communaute professionnelle territoriale de sante",
        "contrat local de sante",
        "espace departemental des solidarites",
        "espaces departementaux des solidarites",
        "etablissement d'hebergement pour personnes agees dependantes",
        "etablissements d'hebergement pour personnes agees dependantes",
        "groupement de cooperation sanitaire",
        "groupement hospitalier de territoire",
        "halte soins addictions",
        "haltes soins addictions",
        "hopital d'instruction des armees",
        "hopital de proximite",
        "hopitaux de proximite",
        "institut de formation en soins infirmiers",
        "maison de sante pluriprofessionnelle",
        "salle de consommation a moindre risque",
        "salles de consommation a moindre risque",
        "service d'accueil des urgences",
        "service d'aide medicale urgente",
        "service mobile d'urgence et de reanimation",
        "service mobile d'urgences et de reanimation",
        "union departementale",
        "union locale",
        "zone d'action complementaire",
        "zone d'intervention prioritaire",
    };

    size_t n = strlen(key), spaces = 0;
    for (const char *p = key; *p; p++)
        spaces += *p == ' ';
    for (size_t k = 0; k < sizeof(kinds) / sizeof(*kinds); k++)
        if (!strncmp(kinds[k], key, n) && (!kinds[k][n] || (kinds[k][n] == ' ' && spaces >= 2)))
            return 1;
    return sg_suggest_concept(key);
}

/* Natural areas: a place, but named once in running text ("au pied du
 * Luberon") it is no actor; they need the minimum count. */
int sg_suggest_area(const char *key)
{
    static const char *const areas[] = {"alpes", "camargue", "luberon", "mediterranee", "pyrenees"};
    for (size_t k = 0; k < sizeof(areas) / sizeof(*areas); k++)
        if (!strcmp(key, areas[k]))
            return 1;
    return 0;
}

/* A part of a department or a region by its position: "le Haut-Vaucluse",
 * "le Haut-Var", "le Bas-Rhône", "l'Est-Var", "le Centre-Var" (a place of the
 * list after "haut", "bas", a point of the compass...): an area that no body
 * governs, not an actor ("Haute-Corse", "Hautes-Alpes", departments, are
 * places of the list themselves). */
int sg_suggest_part_of_place(const char *key)
{
    static const char *const parts[] = {"bas ",   "basse ", "basses ", "centre ",
                                        "est ",   "haut ",  "haute ",  "hautes ",
                                        "hauts ", "nord ",  "ouest ",  "sud "};
    if (sg_suggest_word(SG_WL_PLACE, key))
        return 0;
    for (size_t k = 0; k < sizeof(parts) / sizeof(*parts); k++) {
        size_t n = strlen(parts[k]);
        if (!strncmp(key, parts[k], n) && sg_suggest_word(SG_WL_PLACE, key + n))
            return 1;
    }
    return 0;
}

/* A local authority named by its kind alone: capitalised inside a sentence,
 * "la Région", "le Département", "la Métropole", "le Conseil départemental"
 * name the authority (the capital is the institution's). 2 for a word whose
 * lower case names the territory ("la région"): the row matches in that case
 * only ("=Région"). */
int sg_suggest_authority(const char *key)
{
    static const char *const bodies[] = {"conseil departemental", "conseil general",
                                         "conseil regional"};
    static const char *const territories[] = {"departement", "metropole", "region"};
    for (size_t k = 0; k < sizeof(territories) / sizeof(*territories); k++)
        if (!strcmp(key, territories[k]))
            return 2;
    for (size_t k = 0; k < sizeof(bodies) / sizeof(*bodies); k++)
        if (!strcmp(key, bodies[k]))
            return 1;
    return 0;
}

int sg_suggest_establishment(const char *key)
{
    static const char *const heads[] = {
        "association ", "centre ",       "clinique ", "ehpad ",    "federation ",
        "fondation ",   "groupe ",       "hopital ",  "institut ", "laboratoire ",
        "mutuelle ",    "polyclinique ", "societe ",  "syndicat "};
    for (size_t k = 0; k < sizeof(heads) / sizeof(*heads); k++)
        if (!strncmp(key, heads[k], strlen(heads[k])))
            return 1;
    /* a kind's letters: "l'IME Léo-Lagrange", "la CPTS Sud Luberon" */
    size_t w = strcspn(key, " '");
    return key[w] == ' ' && sg_kind_acronym(key, w);
}

/* Whether one of the first two words of `key` is an organisation's head. */
int sg_suggest_org_headed(const char *key)
{
    char buf[256];
    snprintf(buf, sizeof(buf), "%s", key);
    char *save = NULL;
    int n = 0;
    for (char *w = strtok_r(buf, " '", &save); w && n < 2; w = strtok_r(NULL, " '", &save), n++)
        if (sg_suggest_word(SG_WL_ORG_HEAD, w))
            return 1;
    return 0;
}
