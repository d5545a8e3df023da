/* The cues around a capitalised sequence that tell what it names (SPEC
 * §15): a place ("à X", "maire de X", "X (Vaucluse)", an item of a list of
 * places: the commas and "et" of lists are read here), a medium ("selon X",
 * "interrogé par X", a dateline), a body ("président de X", "le rachat de
 * X", a party after an elected person's role). Apart from the sequences
 * themselves (suggest_sequences.c) because they read the words before and
 * after a name, not the name; the scanner of names after a media cue is here
 * with its cue. */
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "suggest_int.h"

/* A list's separator before word k: a comma alone, or "et". The word after
 * it in *next (k itself after a comma, k + 1 after "et"). */
static int list_sep(const sg_scan *sc, size_t k, size_t *next)
{
    if (k >= sc->ntok)
        return 0;
    if (sep_has(sc, k, ",") && !sep_has(sc, k, ".;:()\"") && !(sc->tok[k].flags & T_LINE)) {
        *next = k;
        return 1;
    }
    if (sep_blank(sc, k) && is(sc, k, "et") && (sc->tok[k].flags & T_LOWER) && k + 1 < sc->ntok &&
        sep_blank(sc, k + 1)) {
        *next = k + 1;
        return 1;
    }
    return 0;
}

/* The item of a list of names before word k ([*a, *b]: one to three
 * capitalised words), after a comma or "et"; 0 when there is none. */
static int item_before(const sg_scan *sc, size_t k, size_t *a, size_t *b)
{
    size_t e = k - 1; /* the item's last word */
    if (sep_has(sc, k, ",") && !sep_has(sc, k, ".;:()\"") && !(sc->tok[k].flags & T_LINE)) {
    } else if (k >= 2 && sep_blank(sc, k) && is(sc, k - 1, "et") &&
               (sc->tok[k - 1].flags & T_LOWER) && sep_blank(sc, k - 1)) {
        e = k - 2;
    } else {
        return 0;
    }
    size_t s = e;
    while (s > 0 && e - s < 2 && sep_blank(sc, s) && (sc->tok[s - 1].flags & T_CAP) &&
           !(sc->tok[s].flags & T_LINE))
        s--;
    if (!(sc->tok[e].flags & T_CAP))
        return 0;
    *a = s;
    *b = e;
    return 1;
}

/* The names the gazetteers know of one type (`kind`: T_PLACE or T_ORG)
 * among the other items of a list of names around [i, j] ("Colmars-les-Alpes,
 * Forcalquier, Digne-les-Bains, Gréoux-les-Bains, La Motte-du-Caire, Mane et
 * Manosque"; "(Archet, Cimiez, Pasteur, Saint-Roch)"): items of one to three
 * capitalised words (or a capitalised article and a word); 0 when one of them
 * is a known name of another type. */
static size_t known_in_list(const sg_scan *sc, size_t i, size_t j, unsigned kind)
{
    size_t known = 0, next;
    /* forward */
    for (size_t k = j + 1, items = 0; items < 8 && list_sep(sc, k, &next); items++) {
        size_t a = next;
        if (a + 1 < sc->ntok && (sc->tok[a].flags & T_LOWER) && is_article(fw(sc, a)) &&
            (sc->tok[a + 1].flags & T_CAP))
            a++; /* ", la SATT Sud-Est, l’incubateur" */
        size_t b = a;
        while (b + 1 < sc->ntok && b - a < 2 && sep_blank(sc, b + 1) &&
               (sc->tok[b + 1].flags & T_CAP))
            b++;
        if (!(sc->tok[a].flags & T_CAP))
            break;
        if ((sc->tok[a].flags & T_COVERED) && !(sc->tok[a].flags & kind))
            return 0;
        known += (sc->tok[a].flags & kind) != 0 ||
                 (a < b && is_article(fw(sc, a)) && (sc->tok[a + 1].flags & kind));
        k = b + 1;
    }
    /* backward */
    for (size_t k = i, items = 0, a, b; items < 8 && k > 0 && item_before(sc, k, &a, &b); items++) {
        if ((sc->tok[b].flags & T_COVERED) && !(sc->tok[b].flags & kind))
            return 0;
        known += (sc->tok[b].flags & kind) != 0;
        k = a;
    }
    return known;
}

/* A name in a list of places the gazetteers know, a comma or "et" between:
 * "Digne-les-Bains, Gréoux-les-Bains, La Motte-du-Caire, Mane et Manosque"
 * (Gréoux-les-Bains after a known place and before the list goes on; Mane
 * after a comma and before "et Manosque"; "à Colmars-les-Alpes, Forcalquier"). */
static int listed_place(const sg_scan *sc, size_t i, size_t j)
{
    int comma_before = i > 0 && sep_has(sc, i, ",") && !sep_has(sc, i, ".;:()");
    int after_comma = j + 1 < sc->ntok && sep_has(sc, j + 1, ",") && !sep_has(sc, j + 1, ".;:()");
    int after_et =
        j + 2 < sc->ntok && sep_blank(sc, j + 1) && is(sc, j + 1, "et") && sep_blank(sc, j + 2);
    size_t nx = after_et ? j + 2 : j + 1;
    int prev_place =
        comma_before && (sc->tok[i - 1].flags & (T_PLACE | T_CAP)) == (T_PLACE | T_CAP);
    int next_place = (after_comma || after_et) && nx < sc->ntok &&
                     (sc->tok[nx].flags & (T_PLACE | T_CAP)) == (T_PLACE | T_CAP);
    int after_a = i > 0 && sep_blank(sc, i) && (is(sc, i - 1, "a") || is(sc, i - 1, "en"));
    if ((prev_place && (after_comma || after_et)) || (next_place && (comma_before || after_a)))
        return 1;
    /* inside a list with two places the gazetteers know or more */
    return (comma_before || after_comma) && !sg_suggest_person_at(sc, i) &&
           known_in_list(sc, i, j, T_PLACE) >= 2;
}

/* Words [a, b], an item of a list, name a company by its trade's word
 * ("Caranx Medical") and nothing the gazetteers know. */
static int company_item(const sg_scan *sc, size_t a, size_t b)
{
    return b > a && sg_suggest_trade(sc, b) && !sg_suggest_trade(sc, a) &&
           !any_flag(sc, a, b, T_COVERED);
}

/* Where the item whose name starts at word i starts: at a "d’" or "de"
 * before it ("de X, d’Y et de Z": a list of complements). */
static size_t item_start(const sg_scan *sc, size_t i)
{
    return i >= 1 && (sc->tok[i - 1].flags & T_LOWER) && (sc->tok[i].flags & T_CAP) &&
                   ((is(sc, i - 1, "d") && sep_elision(sc, i)) ||
                    (is(sc, i - 1, "de") && sep_blank(sc, i)))
               ? i - 1
               : i;
}

/* Does a plural noun of firms come before the list whose first item starts
 * at word a, six lower-case words back at most and no punctuation between
 * ("le groupement X, Y et Z", "les bureaux d'études et d'ingénierie X, Y, Z",
 * "plusieurs financiers comme X, Y")? */
static int firms_before(const sg_scan *sc, size_t a)
{
    static const char *const firms[] = {
        "actionnaires", "bureaux",      "cabinets",    "entreprises",   "financiers",
        "fonds",        "groupement",   "industriels", "investisseurs", "laboratoires",
        "partenaires",  "prestataires", "societes"};
    for (size_t k = a, back = 0; k > 0 && back < 6; k--, back++) {
        if (!(sep_blank(sc, k) || sep_elision(sc, k)) || !(sc->tok[k - 1].flags & T_LOWER))
            return 0;
        for (size_t w = 0; w < sizeof(firms) / sizeof(*firms); w++)
            if (is(sc, k - 1, firms[w]))
                return 1;
    }
    return 0;
}

/* The items of a list of names around [i, j] (as known_in_list reads them)
 * that name a company by its trade's word (all of them after a plural noun
 * of firms: firms_before), 0 when one of them is a name the gazetteers know
 * or a person's; *items: how many items the list has. */
static size_t companies_in_list(const sg_scan *sc, size_t i, size_t j, size_t *items)
{
    size_t found = company_item(sc, i, j), next;
    *items = 1;
    for (size_t k = j + 1; *items < 9 && list_sep(sc, k, &next);) {
        size_t a = next, b;
        if (a + 1 < sc->ntok && item_start(sc, a + 1) == a)
            a++; /* "…, d’Egis" */
        b = a;
        while (b + 1 < sc->ntok && b - a < 2 && sep_blank(sc, b + 1) &&
               (sc->tok[b + 1].flags & T_CAP))
            b++;
        if (!(sc->tok[a].flags & T_CAP))
            break;
        if ((sc->tok[a].flags & T_COVERED) || sg_suggest_person_at(sc, a))
            return 0;
        found += company_item(sc, a, b);
        ++*items;
        k = b + 1;
    }
    size_t first = item_start(sc, i);
    for (size_t k = first, a, b; *items < 9 && k > 0 && item_before(sc, k, &a, &b);) {
        if ((sc->tok[a].flags & T_COVERED) || sg_suggest_person_at(sc, a))
            return 0;
        found += company_item(sc, a, b);
        ++*items;
        k = first = item_start(sc, a);
    }
    return found ? found : (size_t)firms_before(sc, first);
}

/* A name in a list of two organisations the gazetteers know or more, and
 * none of another type: "plusieurs sites (Archet, Cimiez, Pasteur,
 * Saint-Roch)", Saint-Roch is one of them; or in a list of three names or
 * more, one of which is a company by its trade's word and none a name the
 * gazetteers know or a person's: "les start-up Talvane, Orbix Medical et
 * Quentra". */
int sg_suggest_listed_org(const sg_scan *sc, size_t i, size_t j)
{
    int comma_before = i > 0 && sep_has(sc, i, ",") && !sep_has(sc, i, ".;:()");
    int after_comma = j + 1 < sc->ntok && sep_has(sc, j + 1, ",") && !sep_has(sc, j + 1, ".;:()");
    size_t s = item_start(sc, i);
    int after_et = s > 1 && sep_blank(sc, s) && is(sc, s - 1, "et") && sep_blank(sc, s - 1);
    if (sg_suggest_person_at(sc, i))
        return 0;
    if (s < i) /* "…, d’Egis Sud-Est et d’A2MO" */
        comma_before = sep_has(sc, s, ",") && !sep_has(sc, s, ".;:()");
    if ((comma_before || after_comma) && known_in_list(sc, i, j, T_ORG) >= 2)
        return 1;
    /* "avec AstraZeneca et MedImmune": the last of two, the first an
       organisation the gazetteers know and the list no longer */
    if (after_et && s == i && !comma_before && (sc->tok[s - 2].flags & T_ORG) &&
        !sep_has(sc, s - 1, ",") && known_in_list(sc, i, j, T_ORG) == 1)
        return 1;
    size_t items = 0;
    return (comma_before || after_comma || after_et) && companies_in_list(sc, i, j, &items) &&
           items >= 3;
}

/* Is word k a lower-case district's word: "quartier", "cité", "hameau"? */
int sg_suggest_district_word(const sg_scan *sc, size_t k)
{
    static const char *const districts[] = {"cite", "cites", "hameau", "quartier", "quartiers"};
    if (!(sc->tok[k].flags & T_LOWER))
        return 0;
    /* "cité" as written, not the verb: "il cite X" */
    if ((is(sc, k, "cite") || is(sc, k, "cites")) &&
        strncmp(sc->text + sc->tok[k].s, "cit\xc3\xa9", 5))
        return 0;
    for (size_t d = 0; d < sizeof(districts) / sizeof(*districts); d++)
        if (is(sc, k, districts[d]))
            return 1;
    return 0;
}

/* Does a district's word come right before word a, over "de" and an
 * article ("le quartier Montéty", "la cité Campagne Lévêque", "le quartier
 * du Mourillon", "les quartiers de la Madeleine"), or four words before the
 * colon that opens a list ("trois cités des quartiers Nord : X, Y et Z")? */
static int district_before(const sg_scan *sc, size_t a)
{
    if (a > 0 && sep_has(sc, a, ":") && !sep_has(sc, a, ".;()")) {
        for (size_t k = a, back = 0; k > 0 && back < 4; k--, back++)
            if (sg_suggest_district_word(sc, k - 1))
                return 1;
        return 0;
    }
    size_t k = a;
    if (k > 1 && (sep_blank(sc, k) || sep_elision(sc, k)) && (sc->tok[k - 1].flags & T_LOWER) &&
        is_article(fw(sc, k - 1)))
        k--;
    if (k > 1 && (sep_blank(sc, k) || sep_elision(sc, k)) && (sc->tok[k - 1].flags & T_LOWER) &&
        is_of_word(fw(sc, k - 1)))
        k--;
    return k > 0 && sep_blank(sc, k) && sg_suggest_district_word(sc, k - 1);
}

/* Is folded word w an arrondissement's ordinal, "1er", "14e", "3eme"? */
static int arrondissement(const char *w)
{
    size_t d = 0;
    while (w[d] >= '0' && w[d] <= '9')
        d++;
    return d >= 1 && d <= 2 &&
           (!strcmp(w + d, "e") || !strcmp(w + d, "er") || !strcmp(w + d, "eme"));
}

/* Does [i, j] name a city's district, a place: after a district's word
 * (district_before), or an item of a list that starts there ("aux quartiers
 * de la Madeleine, Gambetta, Beaumettes et Ventabrun"), with its
 * arrondissement in brackets after it ("Sainte-Marthe (14e)"), or after
 * "situé au" ("situé au Mourillon")? The annotators of the development sets
 * count a district named so as a place, every time. */
int sg_suggest_district(const sg_scan *sc, size_t i, size_t j)
{
    size_t k = i, a, b;
    if (district_before(sc, i))
        return 1;
    for (size_t items = 0; items < 8 && k > 0 && item_before(sc, k, &a, &b); items++, k = a)
        if (district_before(sc, a))
            return 1;
    if (j + 1 < sc->ntok && sep_has(sc, j + 1, "(") && !sep_has(sc, j + 1, ")") &&
        arrondissement(fw(sc, j + 1)) && (j + 2 >= sc->ntok || sep_has(sc, j + 2, ")")))
        return 1;
    static const char *const sited[] = {"base",     "basee",     "implante", "implantee",
                                        "installe", "installee", "situe",    "situee"};
    if (j == i && i >= 2 && sep_blank(sc, i) && is(sc, i - 1, "au") && sep_blank(sc, i - 1))
        for (size_t s = 0; s < sizeof(sited) / sizeof(*sited); s++)
            if (is(sc, i - 2, sited[s]))
                return 1;
    return 0;
}

/* A place cue before word i: "à X", "en X", "dans le X", "maire de X",
 * "ville de X", "commune de X"; or "X (Vaucluse)" after it (word j the last).
 * 2 for a cue strong enough to count from one mention (a department in
 * brackets, "maire de", "mairie de", "commune de", "ville de", "habitants de"),
 * 1 for another, 0 for none. (A city's district is a place too: the caller
 * asks sg_suggest_district first.) */
int sg_suggest_place_cue(const sg_scan *sc, size_t i, size_t j)
{
    if (listed_place(sc, i, j))
        return 2;
    static const char *const strong[] = {"commune",  "habitants", "maire", "mairie",
                                         "province", "region",    "ville"};
    if (j + 1 < sc->ntok && open_paren_before(sc, j + 1) && in(sc, j + 1, SG_WL_PLACE))
        return 2;
    if (i == 0 || (!sep_blank(sc, i) && !sep_elision(sc, i)))
        return 0;
    const char *p = fw(sc, i - 1);
    /* "à La Crau", "à La Tronche": a town whose name starts with its article */
    if (sep_blank(sc, i) && !strcmp(p, "a") && j > i && sg_suggest_cap_article(sc, i))
        return 2;
    if (sep_blank(sc, i) && (!strcmp(p, "a") || !strcmp(p, "en")))
        return 1;
    /* "d’Hyelmont et Carvanne": one word after a place the gazetteers know */
    if (i >= 2 && j == i && sep_blank(sc, i) && !strcmp(p, "et") && sep_blank(sc, i - 1) &&
        (sc->tok[i - 2].flags & T_PLACE) &&
        !(j + 1 < sc->ntok && sep_blank(sc, j + 1) && (sc->tok[j + 1].flags & T_CAP)))
        return 2;
    if (i < 2)
        return 0;
    const char *pp = fw(sc, i - 2);
    /* "dans le X", "dans les Alpes du Sud", "près de X" */
    if ((is_article(p) || !strcmp(p, "les")) && !strcmp(pp, "dans"))
        return 1;
    if ((!strcmp(p, "de") || !strcmp(p, "d")) && !strcmp(pp, "pres"))
        return 1;
    /* "maire du Tignet", "maire de la Roquette", "la région des Pouilles" */
    const char *ppp = i >= 3 && sep_blank(sc, i - 2) ? fw(sc, i - 3) : "";
    const char *before = !strcmp(p, "du") || !strcmp(p, "des")                        ? pp
                         : (!strcmp(p, "la") || !strcmp(p, "l")) && !strcmp(pp, "de") ? ppp
                                                                                      : NULL;
    for (size_t k = 0; before && k < sizeof(strong) / sizeof(*strong); k++)
        if (!strcmp(before, strong[k]))
            return 2;
    if (strcmp(p, "de") && strcmp(p, "d"))
        return 0;
    for (size_t k = 0; k < sizeof(strong) / sizeof(*strong); k++)
        if (!strcmp(pp, strong[k]))
            return 2;
    /* "CH de X", "les urgences de X", "hôpital d’X"; "d’un Ehpad de X" names
       no body but one in the town X */
    if (!strcmp(pp, "departement") || in(sc, i - 2, SG_WL_ORG_HEAD) ||
        in(sc, i - 2, SG_WL_ORG_PLURAL) || in(sc, i - 2, SG_WL_GENERIC))
        return (i >= 3 && sep_blank(sc, i - 2) && (!strcmp(ppp, "un") || !strcmp(ppp, "une"))) ? 2
                                                                                               : 1;
    return 0;
}

/* A role of a body before word i: "président de X", "directrice du X",
 * "secrétaire générale de la X" (not a territory's: maire, député, préfet,
 * conseiller... are place cues or name a constituency). */
int sg_suggest_role_of_body(const sg_scan *sc, size_t i)
{
    static const char *const territorial[] = {
        "conseiller", "conseillere", "depute",   "deputee",   "elu",         "elue",        "maire",
        "prefet",     "prefete",     "senateur", "senatrice", "sous prefet", "sous prefete"};
    if (i < 2 || !(sep_blank(sc, i) || sep_elision(sc, i)) || !(sc->tok[i - 1].flags & T_LOWER))
        return 0;
    size_t k = i - 1;
    if ((is(sc, k, "la") || is(sc, k, "l")) && k >= 2 && is(sc, k - 1, "de") && sep_blank(sc, k))
        k--;
    else if (sep_elision(sc, i) && !is(sc, k, "d")) /* "président d’Estérel" */
        return 0;
    if (!(is(sc, k, "de") || is(sc, k, "du") || is(sc, k, "d")) || !sep_blank(sc, k) ||
        !in(sc, k - 1, SG_WL_ROLE))
        return 0;
    for (size_t t = 0; t < sizeof(territorial) / sizeof(*territorial); t++)
        if (is(sc, k - 1, territorial[t]))
            return 0;
    return 1;
}

/* A party's acronym after an elected person's role: "maire LR de X", "la
 * présidente PS du département", "conseiller départemental RN", "députée
 * (LFI)". */
int sg_suggest_party(const sg_scan *sc, size_t i)
{
    static const char *const elected[] = {"candidat",   "candidate",   "conseiller", "conseillere",
                                          "depute",     "deputee",     "elu",        "elue",
                                          "eurodepute", "eurodeputee", "maire",      "president",
                                          "presidente", "senateur",    "senatrice"};
    /* the labels of candidates of no party: divers droite, gauche, centre,
       sans étiquette ("la présidente (DVD) du Département") */
    static const char *const unaffiliated[] = {"dvc", "dvd", "dvg", "se"};
    const sg_stok *t = &sc->tok[i];
    if (!(t->flags & T_UPPER) || i < 1 || t->e - t->s > 5)
        return 0;
    for (size_t u = 0; u < sizeof(unaffiliated) / sizeof(*unaffiliated); u++)
        if (is(sc, i, unaffiliated[u]))
            return 0;
    int bracket = open_paren_before(sc, i) && char_after(sc, i) == ')';
    if (!sep_blank(sc, i) && !bracket)
        return 0;
    size_t k = i - 1;
    if (k > 0 && sep_blank(sc, k) &&
        sg_suggest_lower_adjective(sc, k)) /* conseiller départemental */
        k--;
    if (!(sc->tok[k].flags & T_LOWER))
        return 0;
    for (size_t e = 0; e < sizeof(elected) / sizeof(*elected); e++)
        if (is(sc, k, elected[e]))
            return 1;
    return 0;
}

/* A deal before word i: "le rachat d’X", "l’acquisition de X", "filiale du
 * groupe"… names a company. */
int sg_suggest_deal(const sg_scan *sc, size_t i)
{
    static const char *const deals[] = {"acquisition", "actionnaire", "cession",
                                        "filiale",     "rachat",      "reprise"};
    if (i < 2 || !(sep_blank(sc, i) || sep_elision(sc, i)) ||
        !(is(sc, i - 1, "d") || is(sc, i - 1, "de") || is(sc, i - 1, "du")) ||
        !(sc->tok[i - 1].flags & T_LOWER) || !sep_blank(sc, i - 1))
        return 0;
    for (size_t k = 0; k < sizeof(deals) / sizeof(*deals); k++)
        if (is(sc, i - 2, deals[k]) && (sc->tok[i - 2].flags & T_LOWER))
            return 1;
    return 0;
}

/* A media cue before word i: "selon X", "d’après X", "a indiqué à X",
 * "confie à X", "interrogé par X", "révélé par X", "dans les colonnes de X",
 * "au micro de X", "à l’antenne de X"; the name after it is an actor (a
 * newspaper, a radio, an agency) even when its words are generic ("BFM TV"). */
static int media_cue(const sg_scan *sc, size_t i)
{
    static const char *const said[] = {"affirme",   "ajoute",  "annonce",  "assure",   "confie",
                                       "confirme",  "declare", "detaille", "explique", "glisse",
                                       "indique",   "precise", "raconte",  "rappelle", "rapporte",
                                       "reconnait", "repond",  "souligne", "temoigne"};
    static const char *const by[] = {"contacte", "contactee", "interroge", "interrogee",
                                     "revele",   "revelee",   "reveles",   "revelees"};
    static const char *const of[] = {"antenne",      "article",   "colonnes", "confrere",
                                     "confreres",    "consoeurs", "enquete",  "information",
                                     "informations", "invite",    "invitee",  "journaliste",
                                     "journalistes", "micro",     "plateau"};
    static const char *const on[] = {"invite", "invitee", "journaliste", "journalistes"};
    size_t k = i; /* the cue's last word is k - 1; an article is skipped */
    if (k >= 2 && ((sep_elision(sc, k) && is(sc, k - 1, "l")) ||
                   (sep_blank(sc, k) && (is(sc, k - 1, "la") || is(sc, k - 1, "le")) &&
                    (sc->tok[k - 1].flags & T_LOWER) && !in(sc, i, SG_WL_GENERIC))))
        k--; /* (not "selon le CHU": a generic word with its article) */
    if (k == 0 || !(sep_blank(sc, k) || sep_elision(sc, k)))
        return 0;
    const char *p = fw(sc, k - 1), *pp = k >= 2 && sep_blank(sc, k - 1) ? fw(sc, k - 2) : "";
    if (!(sc->tok[k - 1].flags & T_LOWER) && strcmp(p, "selon")) /* "Selon X, ..." */
        return 0;
    if (!strcmp(p, "selon") || (!strcmp(p, "apres") && !strcmp(pp, "d")))
        return 1;
    /* "comme l’indiquait X", "comme le rapporte X", "comme l’a révélé X" */
    static const char *const reported[] = {"annoncait", "annonce", "ecrit",      "ecrivait",
                                           "indiquait", "indique", "rapportait", "rapporte",
                                           "revelait",  "revele",  "signalait",  "signale"};
    size_t r = k - 1; /* the verb; before it "l’", "le" or "l’a", then "comme" */
    for (size_t w = 0; w < sizeof(reported) / sizeof(*reported); w++) {
        if (strcmp(p, reported[w]) || r < 2)
            continue;
        size_t q = r - 1;
        if (is(sc, q, "a") && q >= 2 && sep_blank(sc, q + 1))
            q--; /* l’a révélé */
        if ((is(sc, q, "l") || is(sc, q, "le")) && q >= 1 && is(sc, q - 1, "comme"))
            return 1;
    }
    int at = !strcmp(p, "a") || !strcmp(p, "au"), onto = at || !strcmp(p, "sur");
    int from = is_of_word(p);
    for (size_t w = 0; at && w < sizeof(said) / sizeof(*said); w++)
        if (!strcmp(pp, said[w]))
            return 1;
    for (size_t w = 0; !strcmp(p, "par") && w < sizeof(by) / sizeof(*by); w++)
        if (!strcmp(pp, by[w]))
            return 1;
    for (size_t w = 0; from && w < sizeof(of) / sizeof(*of); w++)
        if (!strcmp(pp, of[w]))
            return 1;
    for (size_t w = 0; onto && w < sizeof(on) / sizeof(*on); w++)
        if (!strcmp(pp, on[w]))
            return 1;
    return 0;
}

/* A dateline: a name at the start of a line, then ", le 1 septembre": a
 * medium ("RCF Méditerranée, le 1 septembre 2025"). */
int sg_suggest_dateline(const sg_scan *sc, size_t i, size_t j)
{
    return (sc->tok[i].flags & T_LINE) && j + 2 < sc->ntok && sep_has(sc, j + 1, ",") &&
           is(sc, j + 1, "le") && (sc->tok[j + 2].flags & T_NUM) &&
           !(sc->tok[j + 1].flags & T_LINE);
}

/* The name after a media cue at word i: capitalised words, a place the
 * gazetteers know among them ("France Bleu Azur", "La Provence"), a number
 * ("France 3"); not a person nor a name the gazetteers know. */
int sg_suggest_find_media(sg_scan *sc)
{
    for (size_t i = 0; i < sc->ntok; i++) {
        unsigned f = sc->tok[i].flags;
        if (!(f & T_CAP) || (f & (T_FURNITURE | T_TAKEN)) || ((f & T_COVERED) && !(f & T_PLACE)) ||
            !media_cue(sc, i) || sg_suggest_person_at(sc, i))
            continue;
        size_t j = i, known = (f & T_COVERED) != 0, words = 1;
        if (!sg_suggest_cap_article(sc, i) && (in(sc, i, SG_WL_STOP) || in(sc, i, SG_WL_TITLE)))
            continue;
        while (j + 1 < sc->ntok && words < 5 && sep_blank(sc, j + 1) &&
               !(sc->tok[j + 1].flags & (T_LINE | T_FURNITURE)) &&
               !sg_suggest_person_at(sc, j + 1)) {
            unsigned g = sc->tok[j + 1].flags;
            if (particle_at(sc, j + 1) && j + 2 < sc->ntok && name_word(sc, j + 2)) {
                j++; /* "Le Courrier de Lure" */
                continue;
            }
            if ((g & T_COVERED) && !(g & T_PLACE))
                break;
            if (!(g & T_NUM) && !((g & T_CAP) && !in(sc, j + 1, SG_WL_STOP)))
                break;
            known += (g & T_COVERED) != 0;
            j++, words++;
        }
        if (known >= words || (words == 1 && sg_first_name(fw(sc, i))))
            continue; /* all the gazetteers' already, or a first name alone */
        int rc = sg_suggest_add_sequence(sc, i, j, 1, 0);
        if (rc)
            return rc;
        if (sg_suggest_cap_article(sc, i) && (sc->tok[i + 1].flags & T_PLACE)) {
            char *key = fold_words(sc, i, j);
            sg_cand *c = key ? sg_cand_get(&sc->seqs, key, "", 0) : NULL;
            free(key);
            if (!c)
                return SG_ERR_NOMEM;
            c->exact = 1;
        }
        for (size_t k = i; k <= j; k++)
            sc->tok[k].flags |= T_TAKEN;
        i = j;
    }
    return 0;
}
