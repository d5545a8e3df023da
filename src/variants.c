/* The readings of a gazetteer name that differ from its spelling, as the
 * press writes them (README "How names are matched"), compiled with the
 * matcher; variants_read.c finds them in the text:
 *
 *  - skeletons: a name read by its content words alone, function words
 *    dropped ("Assistance publique des hôpitaux de Marseille" for
 *    "Assistance publique-Hôpitaux de Marseille"), with generic heads in both
 *    forms ("centre hospitalier" / "CH"), the region dropped, one lower-case
 *    word after a generic head, an "(ACR)" inside, or a plural head shared by
 *    several names ("les hôpitaux Font-Pré et Chalucet"). Skeletons share the
 *    matcher's prefix table: the text is read one word at a time, one hash
 *    lookup a word, and stops at the first word no skeleton goes on with;
 *  - acronym forms: an acronym by its letters alone (APHM, A.P.-H.M. for
 *    AP-HM);
 *  - fuzzy readings of long names: every word but a few as written, the
 *    others close ("Assistance Public Hopitaux de Marseille").
 *
 * Each reading is a candidate; match.c then keeps the reading that covers
 * the most of the text. */
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "variants_int.h"

static const char *const variant_names[] = {
    "function-words", "heads",       "inserted",     "region",    "acronym-forms",
    "defined",        "interrupted", "shared-heads", "fuzzy",     "known",
    "short-names",    "initials",    "periphrases",  "qualifiers"};
#define NVARIANTS (sizeof(variant_names) / sizeof(*variant_names))

const char *sg_variant_name(unsigned bit)
{
    for (size_t i = 0; i < NVARIANTS; i++)
        if (bit == 1u << i)
            return variant_names[i];
    return NULL;
}

int sg_variants_parse(unsigned *mask, const char *spec)
{
    if (!mask || !spec)
        return SG_ERR_INVALID;
    while (*spec == ' ')
        spec++;
    unsigned v = *spec == '-' ? SG_VARIANT_ALL : 0;
    const char *p = spec;
    while (*p) {
        size_t n = strcspn(p, ", ");
        int off = *p == '-';
        const char *w = p + off;
        size_t wl = n - (size_t)off;
        unsigned bits = 0;
        if (wl == 3 && !memcmp(w, "all", 3))
            bits = SG_VARIANT_ALL;
        else if (wl == 4 && !memcmp(w, "none", 4) && !off)
            v = 0;
        else
            for (size_t i = 0; i < NVARIANTS; i++)
                if (strlen(variant_names[i]) == wl && !memcmp(w, variant_names[i], wl))
                    bits = 1u << i;
        if (!bits && !(wl == 4 && !memcmp(w, "none", 4) && !off))
            return SG_ERR_INVALID;
        v = off ? v & ~bits : v | bits;
        p += n;
        while (*p == ',' || *p == ' ')
            p++;
    }
    *mask = v;
    return SG_OK;
}

int sg_function_word(const char *t, size_t n)
{
    switch (n) {
    case 1: return t[0] == 'd' || t[0] == 'l';
    case 2:
        return (t[0] == 'd' && (t[1] == 'e' || t[1] == 'u')) ||
               (t[0] == 'l' && (t[1] == 'a' || t[1] == 'e'));
    case 3: return (t[0] == 'd' || t[0] == 'l') && t[1] == 'e' && t[2] == 's';
    default: return 0;
    }
}

void sg_skeleton_word(const char **t, size_t *n)
{
    /* Roman numerals one to ten, read as their digits */
    static const char *const roman[] = {"i",  "ii",  "iii",  "iv", "v",
                                        "vi", "vii", "viii", "ix", "x"};
    static const char *const digits[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"};
    const char *w = *t;
    if (sg_saint_short(w, *n)) {
        *t = *n == 2 ? "saint" : "sainte";
        *n += 3;
    } else if (sg_ephad(w, *n)) {
        *t = "ehpad"; /* the press's frequent slip */
    } else if (sg_short_word(w, *n)) {
        *t = w[0] == 'a' ? "adolescents" : w[0] == 'r' ? "restaurants" : "hospitalier";
        *n = 11;
    } else if (*n <= 4 && (w[0] == 'i' || w[0] == 'v' || w[0] == 'x')) {
        for (size_t k = 0; k < sizeof(roman) / sizeof(*roman); k++)
            if (sg_word_is(w, *n, roman[k])) {
                *t = digits[k];
                *n = strlen(digits[k]);
                return;
            }
    }
}

int sg_roman_numeral(const char *t, size_t n)
{
    const char *w = t;
    size_t wn = n;
    sg_skeleton_word(&w, &wn);
    return w != t && w[0] >= '0' && w[0] <= '9';
}

/* Generic heads, in full and as acronyms, longest first. */
static const char *const heads[][2] = {{"centre hospitalier regional universitaire", "chru"},
                                       {"centre hospitalier universitaire", "chu"},
                                       {"centre hospitalier intercommunal", "chi"},
                                       {"centre hospitalier regional", "chr"},
                                       {"centre hospitalier specialise", "chs"},
                                       {"centre hospitalier", "ch"},
                                       /* kinds of bodies (sg_kind_acronym's), in
                                          skeletons: "groupement d'intérêt
                                          économique (GIE) Sainte-Marguerite";
                                          "hospitalo" read as "hospitalier" */
                                       {"institut hospitalier universitaire", "ihu"},
                                       {"groupement interet economique", "gie"},
                                       {"groupement cooperation sanitaire", "gcs"},
                                       {"groupement hospitalier territoire", "ght"},
                                       {"communaute professionnelle territoriale sante", "cpts"},
                                       {"maison sante pluriprofessionnelle", "msp"},
                                       {"centre sante", "cds"},
                                       {"institut formation en soins infirmiers", "ifsi"},
                                       {"institut formation soins infirmiers", "ifsi"},
                                       {"etablissement hebergement pour personnes agees "
                                        "dependantes",
                                        "ehpad"},
                                       /* medico-social homes and institutes */
                                       {"maison accueil specialisee", "mas"},
                                       {"institut medico educatif", "ime"},
                                       {"foyer accueil medicalise", "fam"},
                                       /* unions' local, departmental and regional
                                          bodies: "l'UL CGT d'Arles" (a new first
                                          letter goes into sg_heads_acronym's) */
                                       {"union locale", "ul"},
                                       {"union departementale", "ud"},
                                       {"union regionale", "ur"}};
#define NHEADS (sizeof(heads) / sizeof(*heads))
#define NHOSPITAL_HEADS 6 /* the first: kinds of hospital */

int sg_kind_alone(const char *k, size_t n)
{
    if (sg_generic_head(k, n))
        return 1;
    for (size_t h = 0; h < NHEADS; h++)
        if (sg_word_is(k, n, heads[h][0]) || sg_word_is(k, n, heads[h][1]))
            return 1;
    return 0;
}

/* The bytes a head starts with, in either form, worked out once: other_head,
 * asked for every name's skeleton, compared each with all the heads' forms (15M
 * instructions for the bench's 100,000 entries). */
static unsigned char head_first[256];
static pthread_once_t head_first_once = PTHREAD_ONCE_INIT;

static void head_first_make(void)
{
    for (size_t h = 0; h < NHEADS; h++)
        for (int side = 0; side < 2; side++)
            head_first[(unsigned char)heads[h][side][0]] = 1;
}

static const unsigned char *head_first_bytes(void)
{
    pthread_once(&head_first_once, head_first_make);
    return head_first;
}

/* A head acronym must be in capitals in the text ("ch" is no word, but the
 * press does not write it so). */
int sg_head_acronym(const char *t, size_t n)
{
    if (n < 2 || n > 4 || t[0] != 'c' || t[1] != 'h')
        return 0; /* (asked of every word of a skeleton's walk) */
    for (size_t k = 0; k < NHOSPITAL_HEADS; k++)
        if (sg_word_is(t, n, heads[k][1]))
            return 1;
    return 0;
}

int sg_heads_acronym(const char *t, size_t n)
{
    if (n < 2 || n > 5 || !strchr("cefgimu", t[0]))
        return 0; /* (the heads' acronyms' first letters: asked of most words) */
    for (size_t k = 0; k < NHEADS; k++)
        if (sg_word_is(t, n, heads[k][1]))
            return 1;
    return 0;
}

int sg_head_acronym_unread(const sg_folded *f, size_t b, size_t e)
{
    const char *t = f->text + b;
    size_t n = e - b;
    return sg_heads_acronym(t, n) && !sg_all_upper(f, b, e) && !sg_word_is(t, n, "ehpad") &&
           !(sg_word_is(t, n, "ifsi") && (f->flags[b] & SG_F_UPPER));
}

int sg_kind_acronym_other(const char *acr, size_t an, const char *lf, size_t ln)
{
    size_t wn = 0; /* the long form's first word */
    while (wn < ln && lf[wn] != ' ' && lf[wn] != '\'')
        wn++;
    /* (in the plural too: "les Ehpad (Etablissements d'hébergement…)"; a
       name that starts with the acronym is of the kind: "CHU de Nice") */
    size_t sn = wn > 1 && (lf[wn - 1] == 's' || lf[wn - 1] == 'x') ? wn - 1 : wn;
    if (wn == 0 || (wn == an && !memcmp(lf, acr, an)))
        return 0;
    int known = 0;
    for (size_t h = 0; h < NHEADS; h++) {
        if (!sg_word_is(acr, an, heads[h][1]))
            continue;
        known = 1;
        const char *sp = strchr(heads[h][0], ' ');
        size_t fl = sp ? (size_t)(sp - heads[h][0]) : strlen(heads[h][0]);
        if ((fl == wn || fl == sn) && !memcmp(heads[h][0], lf, fl))
            return 0;
    }
    return known;
}

const char *sg_kind_long_form(const char *k, size_t n)
{
    for (size_t h = 0; h < NHEADS; h++)
        if (sg_word_is(k, n, heads[h][0]))
            return heads[h][1];
    return NULL;
}

int sg_kind_acronym(const char *t, size_t n)
{
    /* kinds of health bodies the press writes by their acronym: a health
       centre, a professionals' network, a nursing school, a care home, a
       hospitals' grouping, rehabilitation, home hospitalisation, long stays,
       a medico-psychological centre, a social action centre, an army's
       hospital, a sheltered workshop; the medico-social homes and
       institutes, children's homes, home support; an out-of-hours surgery
       (maison médicale de garde), rehabilitation's new name (soins
       médicaux et de réadaptation) (lower case, sorted) */
    static const char *const kinds[] = {
        "ccas", "cds", "cmp",  "cpts", "ehpad", "esat", "fam", "ght",    "had", "hia", "ifsi",
        "ihu",  "ime", "itep", "mas",  "mecs",  "mmg",  "msp", "sessad", "smr", "ssr", "usld"};
    if (sg_head_acronym(t, n))
        return 1;
    for (size_t k = 0; n >= 3 && n <= 6 && k < sizeof(kinds) / sizeof(*kinds); k++)
        if (sg_word_is(t, n, kinds[k]))
            return 1;
    return 0;
}

int sg_compass_point(const char *t, size_t n)
{
    static const char *const points[] = {"centre", "est", "nord", "ouest", "sud"};
    return sg_word_in(t, n, points, sizeof(points) / sizeof(*points));
}

/* Words after which one lower-case word may be inserted ("clinique
 * marseillaise Bouchard"). */
int sg_generic_head(const char *t, size_t n)
{
    /* (with their lengths: asked at most word starts where a name starts) */
    static const struct {
        const char *w;
        size_t n;
    } g[] = {{"clinique", 8},  {"hopital", 7},      {"polyclinique", 12}, {"institut", 8},
             {"centre", 6},    {"fondation", 9},    {"groupe", 6},        {"maison", 6},
             {"residence", 9}, {"laboratoire", 11}, {"hopitaux", 8},      {"ehpad", 5}};
    for (size_t k = 0; k < sizeof(g) / sizeof(*g); k++)
        if (n == g[k].n && t[0] == g[k].w[0] && !memcmp(t, g[k].w, n))
            return 1;
    return 0;
}

int sg_insertable(const char *head, size_t hn, const char *w, size_t wn)
{
    static const char *const kinds[] = {"pediatrique",    "pediatriques", "psychiatrique",
                                        "psychiatriques", "militaire",    "militaires"};
    if (!sg_word_is(head, hn, "hopitaux"))
        return 1;
    for (size_t k = 0; k < sizeof(kinds) / sizeof(*kinds); k++)
        if (sg_word_is(w, wn, kinds[k]))
            return 0;
    return 1;
}

/* The adjectives of the region's towns and departments, folded, masculine
 * singular, with the town's skeleton (function words dropped): "le CHU
 * niçois" for the CHU de Nice, "l'hôpital privé marseillais Beauregard". */
#define DEMONYM(adjective, town)                                                                   \
    {                                                                                              \
        adjective, sizeof(adjective) - 1, town                                                     \
    }
static const struct {
    const char *adjective;
    size_t n;
    const char *town;
} demonyms[] = {DEMONYM("aixois", "aix en provence"),
                DEMONYM("antibois", "antibes"),
                DEMONYM("aptesien", "apt"),
                DEMONYM("arlesien", "arles"),
                DEMONYM("aubagnais", "aubagne"),
                DEMONYM("avignonnais", "avignon"),
                DEMONYM("brianconnais", "briancon"),
                DEMONYM("brignolais", "brignoles"),
                DEMONYM("cannois", "cannes"),
                DEMONYM("carpentrassien", "carpentras"),
                DEMONYM("cavaillonnais", "cavaillon"),
                DEMONYM("ciotaden", "ciotat"),
                DEMONYM("dignois", "digne bains"),
                DEMONYM("dracenois", "draguignan"),
                DEMONYM("embrunais", "embrun"),
                DEMONYM("frejusien", "frejus"),
                DEMONYM("gapencais", "gap"),
                DEMONYM("grassois", "grasse"),
                DEMONYM("hyerois", "hyeres"),
                DEMONYM("istreen", "istres"),
                DEMONYM("lyonnais", "lyon"),
                DEMONYM("manosquin", "manosque"),
                DEMONYM("marseillais", "marseille"),
                DEMONYM("martegal", "martigues"),
                DEMONYM("mentonnais", "menton"),
                DEMONYM("montpellierain", "montpellier"),
                DEMONYM("nicois", "nice"),
                DEMONYM("orangeois", "orange"),
                DEMONYM("parisien", "paris"),
                DEMONYM("pertuisien", "pertuis"),
                DEMONYM("salonais", "salon provence"),
                DEMONYM("seynois", "seyne sur mer"),
                DEMONYM("sisteronais", "sisteron"),
                DEMONYM("toulonnais", "toulon"),
                DEMONYM("varois", "var"),
                DEMONYM("vauclusien", "vaucluse"),
                DEMONYM("vitrollais", "vitrolles")};

/* The adjectives' first two letters, a bit each: most words are ruled out
 * there. Made once, from the table. */
static uint32_t demonym_second[26];
static pthread_once_t demonym_once = PTHREAD_ONCE_INIT;

static void demonym_init(void)
{
    for (size_t k = 0; k < sizeof(demonyms) / sizeof(*demonyms); k++)
        demonym_second[demonyms[k].adjective[0] - 'a'] |= 1u << (demonyms[k].adjective[1] - 'a');
}

static const char *demonym_of(const char *w, size_t n)
{
    for (size_t k = 0; k < sizeof(demonyms) / sizeof(*demonyms); k++)
        if (demonyms[k].n == n && demonyms[k].adjective[0] == w[0] &&
            !memcmp(demonyms[k].adjective, w, n))
            return demonyms[k].town;
    return NULL;
}

const char *sg_demonym(const char *t, size_t n)
{
    pthread_once(&demonym_once, demonym_init);
    if (n < 6 || n > 17 || t[0] < 'a' || t[0] > 'z' || t[1] < 'a' || t[1] > 'z' ||
        !(demonym_second[t[0] - 'a'] & 1u << (t[1] - 'a')))
        return NULL; /* (asked of most words that end a name's walk) */
    char w[24];
    memcpy(w, t, n);
    const char *town = demonym_of(w, n); /* niçois */
    /* the feminine and plural endings: -s, -e, -es, -enne(s), -aux */
    if (!town && w[n - 1] == 's')
        town = demonym_of(w, --n); /* arlésiens */
    if (!town && n > 3 && !memcmp(w + n - 3, "aux", 3)) {
        w[n - 2] = 'l'; /* martégaux */
        town = demonym_of(w, --n);
    }
    if (!town && w[n - 1] == 'e') {
        town = demonym_of(w, --n); /* niçoise(s) */
        if (!town && w[n - 1] == 'n' && w[n - 2] == 'n')
            town = demonym_of(w, n - 1); /* arlésienne(s) */
    }
    return town;
}

/* Regions at the end of a name ("Agence régionale de santé Paca"), as
 * skeleton tails: Provence-Alpes-Côte d'Azur's names first (read for one
 * another), then the other regions of France (dropped only: that two
 * regional bodies share the reading "ARS" makes it neither's). */
static const char *const regions[] = {
    "provence alpes cote azur", "paca", "region sud", "paca corse",
    /* the orders' regional councils' */
    "provence alpes cote azur corse", /* PACA_NAMES */
    "auvergne rhone alpes", "bourgogne franche comte", "bretagne", "centre val loire", "corse",
    "grand est", "hauts france", "ile france", "normandie", "nouvelle aquitaine", "occitanie",
    "pays loire", "guadeloupe", "martinique", "guyane", "reunion", "mayotte"};
#define PACA_NAMES 5

static int add_derived(sg_matcher *m, uint32_t entity, const char *k, size_t n, uint32_t needs);
static int add_derived_in(sg_matcher *m, uint32_t entity, const char *k, size_t n, uint32_t needs,
                          unsigned area);

static int variants_finish(sg_matcher *m);

/* The place Provence-Alpes-Côte d'Azur of the gazetteers (its label's
 * letters; the first such place, not guarded, its region variant on) into
 * *place; SG_TRIE_NONE when none. */
static int paca_place(const sg_matcher *m, sg_folded *scratch, uint32_t *place)
{
    static const char paca[] = "provencealpescotedazur"; /* its letters, folded */
    *place = SG_TRIE_NONE;
    for (size_t e = 0; e < m->gaz->n; e++) {
        const sg_entity *ent = &m->gaz->ents[e];
        const char *label = ent->label + (ent->label[0] == '!' || ent->label[0] == '=');
        if (!m->is_place[e] || ent->guard || !(m->allowed[e] & SG_VARIANT_REGION) ||
            (label[0] != 'P' && label[0] != 'p'))
            continue; /* (folded only when it may be: a gazetteer may list many places) */
        const char *t = NULL;
        const unsigned char *fl = NULL;
        size_t n = 0, k = 0;
        int rc = sg_fold_name_in(scratch, ent->label, strlen(ent->label), &t, &fl, &n);
        if (rc)
            return rc;
        char letters[sizeof(paca)];
        for (size_t i = 0; i < n && k < sizeof(letters); i++)
            if (fl[i] & SG_F_ALNUM)
                letters[k++] = t[i];
        if (k == sizeof(paca) - 1 && !memcmp(letters, paca, k)) {
            *place = (uint32_t)e;
            return 0;
        }
    }
    return 0;
}

int sg_derived_alias(sg_matcher *m, sg_folded *scratch, uint32_t entity, const char *name,
                     unsigned char guard)
{
    size_t first = m->naliases;
    int rc = sg_matcher_add_alias(m, scratch, entity, name, guard);
    for (size_t a = first; !rc && a < m->naliases; a++)
        m->aliases[a].guard |= SG_ALIAS_DERIVED;
    return rc;
}

int sg_region_names_add(sg_matcher *m, sg_folded *scratch)
{
    int rc = paca_place(m, scratch, &m->paca);
    if (rc || m->paca == SG_TRIE_NONE || sg_alias_named(m, "paca", 4, 0) != SG_TRIE_NONE)
        return rc; /* ("Paca": another entity's name, or the place's own alias) */
    return sg_derived_alias(m, scratch, m->paca, "Paca", 0);
}

static int taken(const sg_matcher *m, const char *k, size_t n);

int sg_region_place_names_add(sg_matcher *m, sg_folded *scratch)
{
    if (m->paca == SG_TRIE_NONE)
        return 0;
    /* the regional council's "Région Sud" (variants_finish) or another's;
     * then "la région Sud", a lower-case head, is the territory */
    if (taken(m, "region sud", 10))
        return sg_derived_alias(m, scratch, m->paca, "=r\xc3\xa9gion Sud", 0);
    return sg_derived_alias(m, scratch, m->paca, "Région Sud", 0) ||
           sg_derived_alias(m, scratch, m->paca, "Région Sud Provence-Alpes-Côte d'Azur", 0);
}

/* The departments of France, as skeletons (Paris left out: the city), for
 * the bodies whose name ends with "de X" / "du X" / "des X": "la Caisse
 * primaire d'assurance maladie" for the one "... de Vaucluse". */
static const char *const departments[] = {"ain",
                                          "aisne",
                                          "allier",
                                          "alpes haute provence",
                                          "hautes alpes",
                                          "alpes maritimes",
                                          "ardeche",
                                          "ardennes",
                                          "ariege",
                                          "aube",
                                          "aude",
                                          "aveyron",
                                          "bouches rhone",
                                          "calvados",
                                          "cantal",
                                          "charente",
                                          "charente maritime",
                                          "cher",
                                          "correze",
                                          "corse sud",
                                          "haute corse",
                                          "cote or",
                                          "cotes armor",
                                          "creuse",
                                          "dordogne",
                                          "doubs",
                                          "drome",
                                          "eure",
                                          "eure et loir",
                                          "finistere",
                                          "gard",
                                          "haute garonne",
                                          "gers",
                                          "gironde",
                                          "herault",
                                          "ille et vilaine",
                                          "indre",
                                          "indre et loire",
                                          "isere",
                                          "jura",
                                          "landes",
                                          "loir et cher",
                                          "loire",
                                          "haute loire",
                                          "loire atlantique",
                                          "loiret",
                                          "lot",
                                          "lot et garonne",
                                          "lozere",
                                          "maine et loire",
                                          "manche",
                                          "marne",
                                          "haute marne",
                                          "mayenne",
                                          "meurthe et moselle",
                                          "meuse",
                                          "morbihan",
                                          "moselle",
                                          "nievre",
                                          "nord",
                                          "oise",
                                          "orne",
                                          "pas calais",
                                          "puy dome",
                                          "pyrenees atlantiques",
                                          "hautes pyrenees",
                                          "pyrenees orientales",
                                          "bas rhin",
                                          "haut rhin",
                                          "rhone",
                                          "haute saone",
                                          "saone et loire",
                                          "sarthe",
                                          "savoie",
                                          "haute savoie",
                                          "seine maritime",
                                          "seine et marne",
                                          "yvelines",
                                          "deux sevres",
                                          "somme",
                                          "tarn",
                                          "tarn et garonne",
                                          "var",
                                          "vaucluse",
                                          "vendee",
                                          "vienne",
                                          "haute vienne",
                                          "vosges",
                                          "yonne",
                                          "territoire belfort",
                                          "essonne",
                                          "hauts seine",
                                          "seine saint denis",
                                          "val marne",
                                          "val oise"};

#define NDEPARTMENTS (sizeof(departments) / sizeof(*departments))

/* A key of the last two bytes of k[0, n) (n >= 2): a skeleton is compared
 * only with the departments and regions whose key is its own (compared with
 * every one, the skeletons of a bench of 100,000 names cost 90M
 * instructions). */
static unsigned char ending_key(const char *k, size_t n)
{
    return (unsigned char)((unsigned char)k[n - 2] << 3 ^ (unsigned char)k[n - 1]);
}

/* The departments' lengths, and their chains by key (in the list's order),
 * worked out once. */
#define NO_DEPARTMENT UCHAR_MAX
_Static_assert(NDEPARTMENTS < NO_DEPARTMENT, "a department's index fits a byte");
typedef struct {
    size_t len[NDEPARTMENTS];
    unsigned char first[256];         /* by key */
    unsigned char next[NDEPARTMENTS]; /* the next one of the same key */
} department_ends;

static department_ends dept_ends;
static pthread_once_t dept_ends_once = PTHREAD_ONCE_INIT;

static void dept_ends_make(void)
{
    memset(dept_ends.first, NO_DEPARTMENT, sizeof(dept_ends.first));
    for (size_t d = NDEPARTMENTS; d-- > 0;) { /* (from the last: each goes first) */
        dept_ends.len[d] = strlen(departments[d]);
        unsigned char key = ending_key(departments[d], dept_ends.len[d]);
        dept_ends.next[d] = dept_ends.first[key];
        dept_ends.first[key] = (unsigned char)d;
    }
}

static const department_ends *department_ends_get(void)
{
    pthread_once(&dept_ends_once, dept_ends_make);
    return &dept_ends;
}

/* The readings of an order's departmental council (skeleton k, its
 * length len, its department's words from ts on): the body before them, in
 * either case (the press writes an order's council in lower case as its
 * name), "le conseil de l'Ordre des médecins" for the "Conseil départemental
 * de l'ordre des médecins de Vaucluse" and "l'Ordre des médecins" alone; the
 * councils of several departments share these, and the document's department
 * decides (SKEL_LOCAL), while a national order's name of the gazetteers wins
 * ("Ordre des médecins" for the national council); "l'ordre départemental
 * des médecins", the council in other words, too. And the order by its
 * department without its profession, capitalised: "l'Ordre des
 * Bouches-du-Rhône" (no one's where two professions' councils share it). */
static int order_dropped(sg_matcher *m, uint32_t entity, const char *k, size_t len, size_t ts,
                         uint32_t needs)
{
    const size_t council = sizeof("conseil departemental ") - 1, n = ts - 1, dl = len - ts;
    unsigned area = sg_department_named(k + ts, dl);
    char buf[SKEL_MAX];
    size_t o = sg_starts_with(k, n, "ordre ") ? 0 : council; /* where "ordre" starts */
    if (add_derived_in(m, entity, k, n, needs, area))
        return SG_ERR_NOMEM;
    if (o) {
        memcpy(buf, "conseil ", 8);
        memcpy(buf + 8, k + o, n - o);
        if (add_derived_in(m, entity, buf, 8 + n - o, needs, area) ||
            add_derived_in(m, entity, k + o, n - o, needs, area))
            return SG_ERR_NOMEM;
        const size_t order = sizeof("ordre ") - 1, dep = sizeof("ordre departemental ") - 1;
        memcpy(buf, "ordre departemental ", dep);
        memcpy(buf + dep, k + o + order, n - o - order);
        if (add_derived_in(m, entity, buf, dep + n - o - order, needs, area))
            return SG_ERR_NOMEM;
    }
    memcpy(buf, "ordre ", 6);
    memcpy(buf + 6, k + ts, dl);
    return add_derived(m, entity, buf, 6 + dl, needs | SKEL_CAPITAL1);
}

/* The body of skeleton `sk` (its text k) without its department, when its
 * name ends with one after "de": "Caisse primaire d'assurance maladie",
 * "Groupement hospitalier de territoire" (two words or more left, not a bare
 * head nor a council alone, whose kind alone bodies.c reads); and with the
 * number of a department of the region for its name. */
static int department_dropped(sg_matcher *m, skel_rec sk, const char *k, const department_ends *de)
{
    static const char *const councils[] = {
        "conseil departemental", "conseil general", "departement", "prefecture", "region",
        "conseil regional"};
    if (!sk.town || sk.town < 2 || sk.len < 2 || m->is_place[sk.entity] ||
        m->is_person[sk.entity] || de->first[ending_key(k, sk.len)] == NO_DEPARTMENT)
        return 0;
    size_t town = 0; /* where the words after the last "de" start */
    for (unsigned w = 0; town < sk.len && w < sk.town; town++)
        w += k[town] == ' ';
    /* the department's words: from there on, or from further back for a
       department with "de" of its own ("des Bouches-du-Rhône") */
    size_t ts = 0, dl = 0;
    for (size_t d = de->first[ending_key(k, sk.len)]; d != NO_DEPARTMENT && !dl; d = de->next[d]) {
        size_t l = de->len[d];
        if (l + 2 <= sk.len && sk.len - l <= town && k[sk.len - l - 1] == ' ' &&
            !memcmp(k + sk.len - l, departments[d], l))
            dl = l;
    }
    ts = sk.len - dl;
    if (!dl || ts < 2)
        return 0;
    char key[SKEL_MAX]; /* (k is in m->texts, which add_derived may move) */
    memcpy(key, k, sk.len);
    k = key;
    size_t n = ts - 1;
    char buf[SKEL_MAX];
    uint32_t needs = (uint32_t)((sk.needs & ~SKEL_ACRONYM1) | SG_VARIANT_REGION);
    /* the region's departments by their number, as the regional press writes
     * them: "le Conseil territorial de santé du 04", "la CPAM 13" */
    static const char *const numbered[][2] = {
        {"alpes haute provence", "04"}, {"hautes alpes", "05"}, {"alpes maritimes", "06"},
        {"bouches rhone", "13"},        {"var", "83"},          {"vaucluse", "84"}};
    for (size_t d = 0; d < sizeof(numbered) / sizeof(*numbered); d++)
        if (strlen(numbered[d][0]) == dl && !memcmp(k + ts, numbered[d][0], dl)) {
            memcpy(buf, k, ts);
            memcpy(buf + ts, numbered[d][1], 2);
            if (add_derived(m, sk.entity, buf, ts + 2, needs))
                return SG_ERR_NOMEM;
        }
    for (size_t h = 0; h < NHOSPITAL_HEADS; h++)
        if (sg_word_is(k, n, heads[h][0]))
            return 0;
    if (sg_word_in(k, n, councils, sizeof(councils) / sizeof(*councils)))
        return 0;
    if (sg_starts_with(k, n, "conseil departemental ordre ") || sg_starts_with(k, n, "ordre "))
        return order_dropped(m, sk.entity, k, sk.len, ts, needs);
    /* other bodies capitalised only: "un groupement hospitalier de territoire"
     * in lower case is the kind, not the gazetteer's only one; the bodies of
     * several departments so named ("la Maison des adolescents" of the Var's
     * and the Alpes-Maritimes') are the one of the document's department */
    return add_derived_in(m, sk.entity, k, n, needs | SKEL_CAPITAL1,
                          sg_department_named(k + ts, dl));
}

/* ---- compiling ---- */

/* Links skeleton `id`, k[0, n) of three words or more, to the fuzzy readings
 * of its first word's prefix r, unless too many long names start so: a first
 * word that starts many ("centre") would make every "Centre" of the text
 * compare them all, and such names have no fuzzy reading. */
static void link_fuzzy(sg_matcher *m, uint32_t id, prefix_rec *r, const char *k, size_t n)
{
    prefix_ext *x = &m->prefix_ext[r - m->prefixes];
    uint32_t head = sg_prefix_fuzzy(m, r);
    unsigned chain = head == SG_TRIE_NONE ? 0 : m->fuzzy_next[head].chain;
    if (chain >= FUZZY_CHAIN)
        return;
    m->fuzzy_next[id].chain = (unsigned char)(chain + 1);
    /* (with fewer than three words, never read: c2 0 is no text) */
    const char *k2 = memchr(k, ' ', n);
    const char *k3 = k2 ? memchr(k2 + 1, ' ', n - (size_t)(k2 + 1 - k)) : NULL;
    const char *k4 = k3 ? memchr(k3 + 1, ' ', n - (size_t)(k3 + 1 - k)) : NULL;
    m->fuzzy_next[id].next = head;
    if (k3) {
        m->fuzzy_next[id].c2 = (unsigned char)k2[1];
        m->fuzzy_next[id].len2 = (uint32_t)(k3 - k2 - 1);
        m->fuzzy_next[id].c3 = (unsigned char)k3[1];
        m->fuzzy_next[id].len3 = (uint16_t)((k4 ? k4 : k + n) - k3 - 1);
    }
    x->fuzzy = id;
    r->key |= PREFIX_FUZZY;
}

/* Is skeleton k[0, n) not to be added? One word is not, but guarded or a
 * site's name read capitalised ("la Timone"); nor one over the limits. */
static int skel_refused(const sg_matcher *m, const char *k, size_t n, uint32_t needs)
{
    return (!memchr(k, ' ', n) &&
            !(needs & (SKEL_CONFIRM | SKEL_CONTRACTED | SKEL_UPPER1 | SKEL_GLUED)) &&
            (needs & (SKEL_DERIVED | SKEL_CAPITALS)) != (SKEL_DERIVED | SKEL_CAPITALS)) ||
           n == 0 || n > SKEL_MAX || m->nskels >= UINT32_MAX - 1 || m->texts_len + n > UINT32_MAX;
}

/* The hashes of the prefixes of skeleton k[0, n) (0 < n <= SKEL_MAX, words
 * one space apart) that end a word, into h (SKEL_WORDS_MAX); the last is the
 * whole skeleton's. Returns their number. */
#define SKEL_WORDS_MAX (SKEL_MAX / 2 + 1)
static unsigned word_hashes(const char *k, size_t n, uint64_t *h)
{
    uint64_t x = SG_PREFIX_SEED;
    unsigned words = 0;
    for (size_t i = 0;; i++) {
        while (i < n && k[i] != ' ')
            x = sg_prefix_step(x, (unsigned char)k[i++]);
        h[words++] = x;
        if (i == n)
            return words;
        x = sg_prefix_step(x, ' ');
    }
}

/* Adds skeleton k[0, n) of `entity`, the hashes of its words' prefixes wh[0,
 * words) worked out (word_hashes): add_derived_in has them for its lookup. */
static int add_skel_hashed(sg_matcher *m, uint32_t entity, const char *k, size_t n, uint32_t needs,
                           const uint64_t *wh, unsigned words)
{
    if (skel_refused(m, k, n, needs))
        return 0;
    skel_rec sk = {entity, (uint32_t)n, 0, SG_TRIE_NONE, needs, 0, 0, 0};
    size_t off;
    if (sg_matcher_text(m, k, n, &off) ||
        sg_grow((void **)&m->skels, &m->skels_cap, m->nskels + 1, sizeof(skel_rec)) ||
        sg_grow((void **)&m->fuzzy_next, &m->fuzzy_cap, m->nskels + 1, sizeof(fuzzy_link)))
        return SG_ERR_NOMEM;
    sk.text_off = (uint32_t)off;
    uint32_t id = (uint32_t)m->nskels++;
    m->fuzzy_next[id] = (fuzzy_link){SG_TRIE_NONE, 0, 0, 0, 0, 0};
    prefix_rec *r = NULL;
    for (unsigned w = 0; w < words; w++) /* (the prefix to each word's end added) */
        if (!(r = sg_prefix_get(m, wh[w])))
            return SG_ERR_NOMEM;
    sk.words = (unsigned char)(words > 255 ? 255 : words);
    sk.next = sg_prefix_skel(m, r);
    m->prefix_ext[r - m->prefixes].skel = id;
    r->key |= PREFIX_SKEL;
    m->skels[id] = sk;
    /* a long name read fuzzily starts with its first word as written; people's
     * names are not read so (a misspelt name is most often another person) */
    if (!(needs & ~SG_VARIANT_FUNCTION_WORDS) && words >= 3 && !m->is_person[entity] &&
        n - (words - 1) >= FUZZY_MIN) {
        if (!(r = sg_prefix_get(m, wh[0]))) /* (there: the loop added it) */
            return SG_ERR_NOMEM;
        link_fuzzy(m, id, r, k, n);
    }
    return 0;
}

/* Adds skeleton k[0, n) (words one space apart) of `entity`. */
static int add_skel(sg_matcher *m, uint32_t entity, const char *k, size_t n, uint32_t needs)
{
    if (skel_refused(m, k, n, needs))
        return 0;
    uint64_t wh[SKEL_WORDS_MAX];
    unsigned words = word_hashes(k, n, wh);
    return add_skel_hashed(m, entity, k, n, needs, wh, words);
}

/* The heads of skeleton k[0, n) in their other form: "centre hospitalier
 * toulon" -> "ch toulon" and back. Writes it to out (SKEL_MAX) and returns
 * its length, or 0. */
size_t sg_other_head(const char *k, size_t n, char *out)
{
    if (n == 0 || !head_first_bytes()[(unsigned char)k[0]])
        return 0; /* (most skeletons) */
    for (size_t h = 0; h < NHEADS; h++)
        for (int side = 0; side < 2; side++) {
            const char *from = heads[h][side], *to = heads[h][!side];
            size_t fl = sg_starts_with(k, n, from);
            size_t tl = fl ? strlen(to) : 0;
            if (!fl || k[fl] != ' ' || n - fl + tl > SKEL_MAX)
                continue;
            memcpy(out, to, tl);
            memcpy(out + tl, k + fl, n - fl);
            return n - fl + tl;
        }
    return 0;
}

/* The letters of an acronym ("aphm" for "ap hm", "c.h.u"). */
size_t sg_letters_of(const char *t, size_t n, char *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k < FORM_MAX; i++)
        if ((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= '0' && t[i] <= '9') ||
            (unsigned char)t[i] >= 0x80)
            out[k++] = t[i];
    return k;
}

/* `ascii`: the alias as written has no accent, so that its title case may
 * be read ("Igas"; "État" is a word, not ÉTAT). */
static int add_form(sg_matcher *m, uint32_t alias, const char *t, size_t n, int ascii)
{
    char l[FORM_MAX];
    size_t ln = sg_letters_of(t, n, l), alpha = 0;
    for (size_t i = 0; i < ln; i++)
        alpha += l[i] >= 'a' && l[i] <= 'z';
    if (ln < 2 || alpha < 2 || ln == FORM_MAX)
        return 0;
    if ((m->nforms + 1) * 2 > m->forms_mask + 1 || !m->forms) {
        size_t nmask = m->forms ? m->forms_mask * 2 + 1 : 63;
        uint64_t *t2 = calloc(nmask + 1, sizeof(uint64_t));
        if (!t2)
            return SG_ERR_NOMEM;
        for (size_t i = 0; m->forms && i <= m->forms_mask; i++)
            if (m->forms[i]) {
                size_t j = (size_t)((m->forms[i] >> 32) & 0x7FFFFFFF) & nmask;
                while (t2[j])
                    j = (j + 1) & nmask;
                t2[j] = m->forms[i];
            }
        free(m->forms);
        m->forms = t2;
        m->forms_mask = nmask;
    }
    uint64_t fp = sg_hash_bytes(SG_PREFIX_SEED, l, ln) >> 33;
    size_t j = (size_t)fp & m->forms_mask;
    while (m->forms[j])
        j = (j + 1) & m->forms_mask;
    m->forms[j] = (uint64_t)(ascii != 0) << 63 | fp << 32 | (uint64_t)(alias + 1);
    if (ascii && ln >= 4 && ln <= 8 && alpha == ln)
        m->title_letters[ln] |= 1u << (l[0] - 'a');
    /* an acronym and a department's number ("UDAF 83"): its letters in
       title case, "Udaf 83" (form_at reads the number after the word) */
    size_t lead = ln - 2;
    if (ascii && lead >= 4 && lead <= 8 && alpha == lead && l[lead] >= '0' && l[lead] <= '9' &&
        l[lead + 1] >= '0' && l[lead + 1] <= '9') {
        uint64_t lp = sg_hash_bytes(SG_PREFIX_SEED, l, lead) >> 33;
        m->title_letters[lead] |= 1u << (l[0] - 'a');
        m->title_forms[(lp >> 6) & (SG_TITLE_FORM_WORDS - 1)] |= 1ULL << (lp & 63);
    }
    /* (every form a title-case word may find: form_at does not ask alpha) */
    if (ascii && ln >= 4 && ln <= 8)
        m->title_forms[(fp >> 6) & (SG_TITLE_FORM_WORDS - 1)] |= 1ULL << (fp & 63);
    m->nforms++;
    return 0;
}

int sg_capital_at(const char *w)
{
    const unsigned char *u = (const unsigned char *)w;
    return (u[0] >= 'A' && u[0] <= 'Z') || (u[0] == 0xC3 && u[1] >= 0x80 && u[1] <= 0x9E);
}

int sg_state_word(const char *t, size_t n)
{
    return sg_word_is(t, n, "etat") || sg_word_is(t, n, "gouvernement");
}

/* "l'État" for the "État français", "le Gouvernement" for the "Gouvernement
 * français": the press names the State and its government without the
 * country's adjective. Read capitalised only ("l'état du patient" is none);
 * "secrétaire d'État" is a compound's and "l'État italien" another State's
 * (dropped.c). */
static int state_alone(sg_matcher *m, uint32_t entity, const char *k, size_t kn, uint32_t needs)
{
    static const char adjective[] = " francais";
    size_t an = sizeof(adjective) - 1;
    if (kn <= an || memcmp(k + kn - an, adjective, an) || !sg_state_word(k, kn - an))
        return 0;
    return add_derived(m, entity, k, kn - an, needs | SKEL_CAPITALS | SG_VARIANT_REGION);
}

/* The Gendarmerie nationale by its noun alone, as the press names it, "la
 * Gendarmerie" (its parts too: "la Gendarmerie maritime"), capitalised
 * where a proper name can start (the state's adjective dropped as the region
 * is). Not another national body's noun: "la Police municipale", "la Marine
 * marchande", "l'Assemblée générale", "l'Éducation thérapeutique" are other
 * bodies or none. */
static int national_alone(sg_matcher *m, uint32_t entity, const char *k, size_t kn, uint32_t needs)
{
    static const char name[] = "gendarmerie nationale";
    const size_t nl = sizeof(name) - 1, an = sizeof(" nationale") - 1;
    if (kn != nl || memcmp(k, name, nl) || taken(m, k, kn - an))
        return 0;
    return add_derived(m, entity, k, kn - an, needs | SKEL_CAPITALS | SG_VARIANT_REGION);
}

/* The length of skeleton k[0, kn) without the areas and places at its end
 * ("Provence", "Sophia Antipolis", a department, a commune of the region:
 * "Toulon Provence Méditerranée", "Fréjus Saint-Raphaël"), the space before
 * them excluded; kn when none ends it, or a region's name does (read so
 * only where the document names the body otherwise, sg_region_names_add). */
size_t sg_areas_dropped(const char *k, size_t kn)
{
    static const char *const areas[] = {"mediterranee", "provence", "cote azur", "sophia antipolis",
                                        "alpes",        "france",   "sud est"};
    const department_ends *de = department_ends_get();
    size_t end = kn;
    for (size_t r = 0; r < sizeof(regions) / sizeof(*regions); r++) {
        size_t rn = strlen(regions[r]);
        if (kn > rn && k[kn - rn - 1] == ' ' && !memcmp(k + kn - rn, regions[r], rn))
            return kn; /* a region's name: the region's variant reads it */
    }
    for (int more = 1; more;) {
        more = 0;
        size_t sp[4], ns = 0; /* the spaces before the last four words */
        for (size_t i = end; i > 0 && ns < 4; i--)
            if (k[i - 1] == ' ')
                sp[ns++] = i - 1;
        for (size_t w = ns; w > 0 && !more; w--) { /* the longest tail first */
            const char *t = k + sp[w - 1] + 1;
            size_t tn = end - sp[w - 1] - 1;
            int area = sg_department_of(t, tn) != 0;
            for (size_t a = 0; a < sizeof(areas) / sizeof(*areas) && !area; a++)
                area = sg_word_is(t, tn, areas[a]);
            /* (only the departments that end as the tail does) */
            for (size_t d = tn >= 2 ? de->first[ending_key(t, tn)] : NO_DEPARTMENT;
                 d != NO_DEPARTMENT && !area; d = de->next[d])
                area = sg_word_is(t, tn, departments[d]);
            if (area) {
                end = sp[w - 1];
                more = 1;
            }
        }
    }
    return end;
}

/* Is `written` a national branch's name: words joined by "de", "du" or
 * "des", then its country ("Ordre de Malte France", "Médecins du Monde
 * France"; not "Association des maires de France", whose country is its
 * complement, nor "Croix-Rouge de France")? */
static int branch_of_country(const char *written)
{
    size_t n = strlen(written);
    if (n < 10 || strcmp(written + n - 7, " France"))
        return 0;
    size_t head = n - 7; /* the words before the country */
    static const char *const joins[] = {" de ", " du ", " des "};
    for (size_t j = 0; j < sizeof(joins) / sizeof(*joins); j++) {
        size_t jl = strlen(joins[j]);
        if (head >= jl && !memcmp(written + head - jl + 1, joins[j], jl - 1))
            return 0; /* ("… de France": the complement) */
    }
    for (size_t j = 0; j < sizeof(joins) / sizeof(*joins); j++)
        for (const char *q = strstr(written, joins[j]); q && (size_t)(q - written) < head;
             q = strstr(q + 1, joins[j]))
            if ((size_t)(q - written) + strlen(joins[j]) < head)
                return 1;
    return 0;
}

/* A name of a proper word and the area where the body stands
 * ("Protisvalor Méditerranée", "Bioparc Sophia Antipolis", "Innovex
 * Provence"): the press drops the area ("Protisvalor", "le Bioparc"). Read
 * capitalised only; the word has five letters or more, is written with its
 * capital and names nothing alone (no head, kind, trade, place, first
 * name...). So a name of two words or more and places, written with no
 * function word, by its words ("SOS Médecins" for SOS Médecins
 * Toulon-Provence-Méditerranée), when its first word names nothing alone
 * (and no other name reads so: add_derived); and a national branch's name
 * without its country, words joined by "de", "du" or "des" allowed
 * (branch_of_country: "l'Ordre de Malte" for Ordre de Malte France). (A region's name at the end is
 * dropped only where the document names the body otherwise: "l'Oncopôle" is any region's,
 * sg_region_names_add.) */
static int area_dropped(sg_matcher *m, uint32_t entity, const char *written, const char *k,
                        size_t kn, uint32_t needs)
{
    /* (the cheap tests first: asked of every organisation's name) */
    const char *sp = memchr(k, ' ', kn);
    size_t wn = sp ? (size_t)(sp - k) : kn;
    if (!sg_capital_at(written))
        return 0;
    /* ("SOS" names nothing alone, a word of suggest's generic list, but
       starts bodies' names: "SOS Médecins Toulon"; so does a national
       branch's name of two words joined by "de", "du" or "des" without its
       country: "l'Ordre de Malte" for Ordre de Malte France, "Médecins du
       Monde"; not a country after "de", the body's own complement: the
       Association des maires de France is not every department's
       association des maires) */
    int nothing = sg_word_names_nothing(k, wn) && !sg_word_is(k, wn, "sos");
    int national = kn > 7 && !memcmp(k + kn - 7, " france", 7);
    if (nothing && !national)
        return 0;
    size_t hn = sg_areas_dropped(k, kn);
    if (hn == kn)
        return 0;
    int branch = national && hn + 7 == kn && memchr(k, ' ', hn) && branch_of_country(written);
    if (nothing && !branch)
        return 0;
    sp = memchr(k, ' ', hn);
    if (sp && !branch && ((needs & SG_VARIANT_FUNCTION_WORDS) || sg_generic_head(k, hn)))
        return 0;
    if (!sp && wn < 5)
        return 0;
    return add_derived(m, entity, k, hn, needs | SKEL_CAPITALS | SG_VARIANT_REGION);
}

/* Does `written` hold the word `link` between spaces or hyphens, followed
 * by a capital ("-sur-Mer", " en Provence")? */
static int link_before_capital(const char *written, const char *link)
{
    size_t ln = strlen(link);
    for (const char *p = strstr(written, link); p; p = strstr(p + 1, link))
        if (p > written && (p[-1] == ' ' || p[-1] == '-') && (p[ln] == ' ' || p[ln] == '-') &&
            ((p[ln + 1] >= 'A' && p[ln + 1] <= 'Z') ||
             ((unsigned char)p[ln + 1] == 0xC3 && (unsigned char)p[ln + 2] >= 0x80 &&
              (unsigned char)p[ln + 2] <= 0x9E)))
            return 1;
    return 0;
}

/* A name that ends with a town "X-sur-Y" / "X-en-Y", read with the town's
 * short name as the press writes it (towns.c): "centre hospitalier
 * intercommunal Toulon-La Seyne" for "... Toulon-La Seyne-sur-Mer" (three
 * words or more left). */
static int short_town_tail(sg_matcher *m, uint32_t entity, const char *written, const char *k,
                           size_t kn, uint32_t needs)
{
    static const char *const links[] = {" sur ", " en ", " sous "};
    /* (a capitalised word after the link in the name as written: "Aide à
       domicile en milieu rural" ends with no town) */
    static const char *const written_links[] = {"sur", "en", "sous"};
    /* the last link, read with two words after it at most: its last space
     * is one of the skeleton's last two (0: none) */
    size_t last[2] = {0, 0};
    for (size_t i = kn, s = 0; i > 0 && s < 2; i--)
        if (k[i - 1] == ' ')
            last[s++] = i - 1;
    for (size_t l = 0; l < sizeof(links) / sizeof(*links); l++) {
        size_t ll = strlen(links[l]), at = 0;
        for (size_t s = 0; s < 2 && !at; s++) /* (the later one first) */
            if (last[s] + 1 >= ll && !memcmp(k + last[s] + 1 - ll, links[l], ll))
                at = last[s] + 1 - ll;
        if (!at || !link_before_capital(written, written_links[l]))
            continue;
        unsigned before = 1;
        for (size_t i = 0; i < at; i++)
            before += k[i] == ' ';
        if (before >= 3 &&
            add_derived(m, entity, k, at, (uint32_t)(needs | SG_VARIANT_FUNCTION_WORDS)))
            return SG_ERR_NOMEM;
    }
    return 0;
}

/* Does skeleton k[0, kn) have "et" between two of its words? */
static int has_et(const char *k, size_t kn)
{
    for (const char *at = memchr(k, ' ', kn); at;
         at = memchr(at + 1, ' ', kn - (size_t)(at + 1 - k)))
        if (at + 4 <= k + kn && at[1] == 'e' && at[2] == 't' && at[3] == ' ')
            return 1;
    return 0;
}

/* A name with "et" between its words read without it, as the press
 * shortens a long name: "la Chrysalide de Martigues Golfe de Fos" for La
 * Chrysalide de Martigues et du Golfe de Fos (its skeleton of four words or
 * more, "et" one: three or more left; in the text, "et" is no function
 * word: "l'Assistance publique et hôpitaux de Marseille" names two things). */
static int coordination_dropped(sg_matcher *m, uint32_t entity, const char *k, size_t kn,
                                uint32_t needs)
{
    char buf[SKEL_MAX];
    size_t o = 0;
    for (size_t i = 0; i < kn; i++) {
        if (i + 4 <= kn && !memcmp(k + i, " et ", 4)) {
            i += 2; /* (the space after "et" is copied next) */
            continue;
        }
        buf[o++] = k[i];
    }
    if (taken(m, buf, o))
        return 0;
    return add_derived(m, entity, buf, o, (uint32_t)(needs | SG_VARIANT_FUNCTION_WORDS));
}

/* A name that ends with a commune's name, read with the commune's short
 * name (sg_town_short): "la Ville d'Aix" for the Ville d'Aix-en-Provence,
 * "l'hôpital de Salon" for the Hôpital de Salon-de-Provence (two words or
 * more left). */
static int town_short_end(sg_matcher *m, uint32_t entity, const char *written, const char *k,
                          size_t kn, uint32_t needs)
{
    /* its last word, after a space or an apostrophe (looked for from the end;
       not the apostrophe of a compound's "-d'" or "-l'": "La Cadière-d'Azur") */
    const char *town = written + strlen(written);
    for (;; town--) {
        size_t ap = town > written && town[-1] == '\''                            ? 1
                    : town - written >= 3 && !memcmp(town - 3, "\xe2\x80\x99", 3) ? 3
                                                                                  : 0;
        const char *el = ap && town - written >= (ptrdiff_t)ap + 2 ? town - ap - 1 : NULL;
        if (town == written || town[-1] == ' ' ||
            (ap && !(el && el[-1] == '-' && (el[0] == 'd' || el[0] == 'l'))))
            break;
    }
    size_t sn = strchr(town, '-') ? sg_town_short(town) : 0;
    if (!sn)
        return 0;
    /* the skeleton's words after the short name: those of the rest that are
       no function word ("-en-Provence": one; "-sur-Mer": two) */
    unsigned drop = 0;
    for (const char *c = town + sn; *c;) {
        while (*c == '-' || *c == ' ')
            c++;
        const char *w = c;
        while (*c && *c != '-' && *c != ' ')
            c++;
        if (c > w && !sg_function_word(w, (size_t)(c - w)) &&
            !(c - w == 1 && (w[0] == 'D' || w[0] == 'L')))
            drop++;
    }
    size_t cut = kn;
    for (unsigned d = 0; d < drop && cut > 0; d++) {
        while (cut > 0 && k[cut - 1] != ' ')
            cut--;
        while (cut > 0 && k[cut - 1] == ' ')
            cut--;
    }
    if (!drop || !memchr(k, ' ', cut))
        return 0; /* (two words or more left) */
    return add_derived(m, entity, k, cut, (uint32_t)(needs | SG_VARIANT_FUNCTION_WORDS));
}

static int singular(sg_matcher *m, uint32_t entity, const char *k, size_t kn, unsigned words,
                    uint32_t needs);
static int plural_end(sg_matcher *m, uint32_t entity, const char *k, size_t kn, unsigned words,
                      uint32_t needs);

/* A person's double surname by its first part after the first names, as the
 * press writes it: "Maryse Joissains" for Maryse Joissains-Masini (each part
 * capitalised, three letters or more; not when another entity reads so). */
static int double_surname(sg_matcher *m, uint32_t entity, const char *written, const char *k,
                          size_t kn, uint32_t needs)
{
    const char *last = strrchr(written, ' ');
    const char *h = last ? strchr(last + 1, '-') : NULL;
    if (!h || strchr(h + 1, '-') || h - last - 1 < 3 || strlen(h + 1) < 3 ||
        !(last[1] >= 'A' && last[1] <= 'Z') || !(h[1] >= 'A' && h[1] <= 'Z'))
        return 0;
    size_t n = kn; /* before the folded second part */
    while (n > 0 && k[n - 1] != ' ')
        n--;
    if (n < 2)
        return 0;
    n--;
    /* (built only when the entity's variants hold "initials", the person's
       other forms; SG_VARIANT_INITIALS is no bit of a skeleton's needs) */
    return taken(m, k, n) ? 0 : add_skel(m, entity, k, n, needs | SKEL_CAPITAL1);
}

/* A name ending with an acronym and a department's number, the number
 * glued to it as the press writes it: "France ADOT83" for France ADOT 83,
 * "l'UPE13" for UPE 13 (the acronym in capitals; not when another entity
 * reads so). */
static int number_glued(sg_matcher *m, uint32_t entity, const char *written, const char *k,
                        size_t kn, uint32_t needs)
{
    size_t wn = strlen(written), d = wn, a;
    while (d > 0 && written[d - 1] >= '0' && written[d - 1] <= '9')
        d--;
    if (d == wn || wn - d > 3 || d < 3 || written[d - 1] != ' ')
        return 0;
    for (a = d - 1; a > 0 && written[a - 1] >= 'A' && written[a - 1] <= 'Z'; a--)
        ;
    if (d - 1 - a < 2 || (a > 0 && written[a - 1] != ' '))
        return 0;
    if (kn < 2 || k[kn - (wn - d) - 1] != ' ')
        return 0;
    char buf[SKEL_MAX];
    size_t sp = kn - (wn - d) - 1;
    memcpy(buf, k, sp);
    memcpy(buf + sp, k + sp + 1, kn - sp - 1);
    return taken(m, buf, kn - 1) ? 0 : add_derived(m, entity, buf, kn - 1, needs | SKEL_CAPITALS);
}

/* A compound acronym by its first part, in capitals, when no other entity
 * reads so: "l'IHU" for IHU-MI (three letters or more before the hyphen, the
 * rest a letter group too; not a kind of hospital, "CHU-Lenval": "le CHU"
 * alone is a generic reference). */
static int compound_first(sg_matcher *m, uint32_t entity, const char *written, const char *t,
                          size_t n)
{
    const char *h = strchr(written, '-');
    size_t fl = h ? (size_t)(h - written) : 0;
    if (!h || fl < 3 || fl > 6 || !(m->allowed[entity] & SG_VARIANT_ACRONYM_FORMS) ||
        m->is_person[entity] || m->is_place[entity] || strchr(h + 1, '-') || strchr(written, ' '))
        return 0;
    size_t rest = 0;
    for (size_t i = 0; i < fl; i++)
        if (!(written[i] >= 'A' && written[i] <= 'Z'))
            return 0;
    for (const char *c = h + 1; *c; c++, rest++)
        if (!((*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9')))
            return 0;
    if (rest < 1 || n <= fl || sg_head_acronym(t, fl))
        return 0;
    return add_derived(m, entity, t, fl, (uint32_t)(SG_VARIANT_ACRONYM_FORMS | SKEL_UPPER1));
}

/* A professional order's national or regional council by the order's name:
 * "l'Ordre des pharmaciens" for the "Ordre national des pharmaciens" or the
 * "Conseil national de l'Ordre des pharmaciens", as a name of its own, which
 * a departmental council's reading without its department gives way to
 * (order_dropped); "l'ordre des pharmaciens Paca-Corse" for the "Conseil
 * régional de l'Ordre des pharmaciens Provence-Alpes-Côte d'Azur - Corse",
 * derived (and with the region's other names: variants_finish). */
static int order_names(sg_matcher *m, uint32_t entity, const char *k, size_t kn, uint32_t needs)
{
    static const char *const councils[] = {"ordre national ", "conseil national ordre ",
                                           "conseil regional ordre "};
    for (size_t c = 0; c < sizeof(councils) / sizeof(*councils); c++) {
        size_t cl = sg_starts_with(k, kn, councils[c]);
        if (!cl || cl >= kn)
            continue;
        char buf[SKEL_MAX];
        memcpy(buf, "ordre ", 6);
        memcpy(buf + 6, k + cl, kn - cl);
        size_t n = 6 + kn - cl;
        if (c == 2)
            return add_derived(m, entity, buf, n, needs | SG_VARIANT_HEADS);
        return taken(m, buf, n) ? 0 : add_skel(m, entity, buf, n, needs | SG_VARIANT_REGION);
    }
    return 0;
}

int sg_variants_add(sg_matcher *m, uint32_t entity, uint32_t alias, const char *written,
                    const char *t, const unsigned char *fl, size_t n, unsigned char mode)
{
    if (!(m->allowed[entity] & SKEL_VARIANTS))
        return 0;
    if (mode != MODE_ACRONYM &&
        !(m->allowed[entity] & SKEL_VARIANTS & ~(SG_VARIANT_ACRONYM_FORMS | SG_VARIANT_DEFINED)))
        return 0; /* no skeleton needed */
    if (mode == MODE_ACRONYM) {
        int ascii = 1;
        for (const char *c = written; *c; c++)
            ascii &= (unsigned char)*c < 0x80;
        int rc = add_form(m, alias, t, n, ascii);
        return rc ? rc : compound_first(m, entity, written, t, n);
    }
    char k[SKEL_MAX], k2[SKEL_MAX];
    size_t kn = 0;
    unsigned words = 0, dropped = 0, town = 0, saints = 0, lead = 0, masculine = 0;
    for (size_t i = 0; i < n;) {
        if (!(fl[i] & SG_F_ALNUM)) {
            i++;
            continue;
        }
        size_t e = i;
        while (e < n && (fl[e] & SG_F_ALNUM))
            e++;
        if (sg_function_word(t + i, e - i)) {
            dropped = 1;
            lead |= words == 0;
            masculine |=
                words == 0 && (sg_word_is(t + i, e - i, "le") || sg_word_is(t + i, e - i, "les"));
            /* "de", "d'", "du" before the last words: a town, maybe */
            if (t[i] == 'd' && words > 0)
                town = words;
        } else {
            const char *wd = t + i;
            size_t wn = e - i;
            sg_skeleton_word(&wd, &wn);
            saints |= sg_word_is(wd, wn, "saint") || sg_word_is(wd, wn, "sainte");
            if (kn + (words > 0) + wn > SKEL_MAX)
                return 0;
            if (words++)
                k[kn++] = ' ';
            memcpy(k + kn, wd, wn);
            kn += wn;
        }
        i = e;
    }
    uint32_t needs = dropped ? SG_VARIANT_FUNCTION_WORDS : 0;
    if (m->aliases[alias].capital)
        needs |= SKEL_CAPITALS; /* "Région X" read as the body only so */
    /* its first word written in capitals ("ARS Paca"): read alone, maybe */
    size_t w1 = 0, upper = 0, lower = 0;
    while (w1 < n && !(fl[w1] & SG_F_ALNUM))
        w1++;
    /* (read up to a lower-case letter: then not in capitals) */
    for (; w1 < n && (fl[w1] & SG_F_ALNUM) && !lower; w1++) {
        upper += (fl[w1] & SG_F_UPPER) != 0;
        lower += (fl[w1] & SG_F_LOWER) != 0;
    }
    if (upper >= 2 && !lower && words >= 2)
        needs |= SKEL_ACRONYM1;
    /* people are read in other words only as "St"/"Ste" for Saint/Sainte;
     * places so, without their leading article ("au Pradet" for Le Pradet),
     * and misspelt when long. The press does not drop or add other function
     * words of theirs, and no head, region or inserted word applies to them:
     * their other skeletons would only fill the prefix table. */
    if (m->is_person[entity] && !saints) {
        int rc = words >= 3 && (m->allowed[entity] & SG_VARIANT_INITIALS)
                     ? double_surname(m, entity, written, k, kn, needs)
                     : 0;
        return rc ? rc /* (but glued: "@MicheleRubirola", "Yann Lebras") */
                  : sg_glued_readings(m, entity, written, t, fl, n, k, kn, words, needs);
    }
    if (m->is_place[entity] && !saints && !lead && (words < 3 || kn - (words - 1) < FUZZY_MIN))
        return sg_glued_readings(m, entity, written, t, fl, n, k, kn, words,
                                 needs); /* (but glued: "les AlpesMaritimes") */
    /* and a body of one word after "Le" or "Les" so too: "du Point", "au
     * Figaro", "des Échos" */
    if ((m->is_place[entity] && lead) || (masculine && words == 1))
        needs |= SKEL_CONTRACTED;
    size_t first = m->nskels;
    int rc = add_skel(m, entity, k, kn, needs);
    if (!rc && m->nskels > first && town && town < words && words - town <= 3)
        m->skels[first].town = (unsigned char)town;
    /* (a name with "et" read without it once every name is in: noted here) */
    if (!rc && m->nskels > first && words >= 4 && !m->is_person[entity] && !m->is_place[entity] &&
        (m->allowed[entity] & SG_VARIANT_FUNCTION_WORDS) && has_et(k, kn)) {
        rc = sg_grow((void **)&m->coordinated, &m->coordinated_cap, m->ncoordinated + 1,
                     sizeof(*m->coordinated));
        if (!rc)
            m->coordinated[m->ncoordinated++] = (uint32_t)first;
    }
    size_t n2 = rc ? 0 : sg_other_head(k, kn, k2);
    if (n2)
        rc = add_skel(m, entity, k2, n2, needs | SG_VARIANT_HEADS);
    /* an organisation's readings by its head's words */
    int body = !m->is_person[entity] && !m->is_place[entity];
    int headed = body && (m->allowed[entity] & SG_VARIANT_HEADS);
    if (!rc && words >= 4 && headed)
        rc = sg_initials_readings(m, entity, k, kn, words, needs);
    if (!rc && words >= 3 && headed)
        rc = sg_hyphen_tail(m, entity, written, k, kn, words, needs);
    if (!rc && words >= 2 && body)
        rc = number_glued(m, entity, written, k, kn, needs);
    if (!rc && words >= 3 && headed)
        rc = sg_inner_head_dropped(m, entity, k, kn, needs);
    if (!rc && words >= 3 && headed)
        rc = sg_adjectives_dropped(m, entity, written, k, kn, words, needs);
    if (!rc && words >= 4 && headed)
        rc = sg_military_hospital(m, entity, k, kn, needs);
    if (!rc && words >= 3 && headed)
        rc = sg_eponym_surname(m, entity, written, k, kn, words, needs);
    if (!rc && words == 2 && body && (m->allowed[entity] & SG_VARIANT_REGION))
        rc = state_alone(m, entity, k, kn, needs);
    if (!rc && words == 2 && body && (m->allowed[entity] & SG_VARIANT_REGION))
        rc = national_alone(m, entity, k, kn, needs);
    if (!rc && words >= 2 && body && (m->allowed[entity] & SG_VARIANT_REGION))
        rc = area_dropped(m, entity, written, k, kn, needs);
    if (!rc && words >= 3 && headed && (m->allowed[entity] & SG_VARIANT_REGION))
        rc = sg_head_name_towns_dropped(m, entity, written, k, kn, needs);
    if (!rc && words >= 3 && headed)
        rc = order_names(m, entity, k, kn, needs);
    if (!rc && words >= 5 && body && (m->allowed[entity] & SG_VARIANT_FUNCTION_WORDS))
        rc = short_town_tail(m, entity, written, k, kn, needs);
    if (!rc && words >= 3 && headed && (m->allowed[entity] & SG_VARIANT_FUNCTION_WORDS))
        rc = town_short_end(m, entity, written, k, kn, needs);
    if (!rc && words >= 4 && headed)
        rc = sg_town_then_name(m, entity, written, k, kn, needs);
    if (!rc && !m->is_place[entity])
        rc = sg_glued_readings(m, entity, written, t, fl, n, k, kn, words, needs);
    if (!rc && body && (m->allowed[entity] & SG_VARIANT_FUZZY))
        rc = singular(m, entity, k, kn, words, needs);
    if (!rc && body && (m->allowed[entity] & SG_VARIANT_FUZZY))
        rc = plural_end(m, entity, k, kn, words, needs);
    return rc;
}

/* Is skeleton k[0, n) already a name or a skeleton of some entity? */
static int taken(const sg_matcher *m, const char *k, size_t n)
{
    const prefix_rec *r = sg_prefix_lookup(m, sg_hash_bytes(SG_PREFIX_SEED, k, n));
    if (!r)
        return 0;
    for (uint32_t v = sg_prefix_skel(m, r); v != SG_TRIE_NONE; v = m->skels[v].next)
        if (m->skels[v].len == n && !memcmp(m->texts + m->skels[v].text_off, k, n))
            return 1;
    return sg_alias_at(m, r, k, n, 0) != SG_TRIE_NONE;
}

/* Adds k[0, n), a reading of an entity's name in other words, unless a name
 * or a skeleton of another entity already reads so; when another entity's
 * derived reading is the same text, neither is kept ("hôpital de Marseille"
 * for two hospitals of Marseille names neither). */
/* Marks every skeleton k[0, n) from v on (siblings of one text) with `set`,
 * clearing `clear`. */
static void mark_siblings(sg_matcher *m, uint32_t v, const char *k, size_t n, uint32_t set,
                          uint32_t clear)
{
    for (; v != SG_TRIE_NONE; v = m->skels[v].next) {
        skel_rec *sk = &m->skels[v];
        if (sk->len == n && !memcmp(m->texts + sk->text_off, k, n))
            sk->needs = (sk->needs & ~clear) | set;
    }
}

/* Does a name of the gazetteers spelt k[0, n) keep a derived reading of
 * `entity` out? Any does, but the entity's own acronym for a reading in
 * capitals that may also be read in title case in a list ("SUD", an alias
 * matched in capitals only, and "les syndicats Sud, CGT et FO"). */
static int alias_blocks(const sg_matcher *m, const prefix_rec *r, const char *k, size_t n,
                        uint32_t entity, uint32_t needs)
{
    for (uint32_t v = sg_prefix_alias(m, r); v != SG_TRIE_NONE; v = m->aliases[v].next)
        if (m->aliases[v].len == n && !memcmp(m->texts + m->aliases[v].text_off, k, n) &&
            (!(needs & SKEL_UPPER1) || m->aliases[v].entity != entity))
            return 1;
    return 0;
}

/* add_derived's, for a reading of a name that ends with a department's area
 * (`area`, its index; 0: none). Two entities' same derived reading is read
 * for neither (SKEL_DEAD), but where each is of another department: then it
 * is read as the one of the document's department (SKEL_LOCAL). */
static int add_derived_in(sg_matcher *m, uint32_t entity, const char *k, size_t n, uint32_t needs,
                          unsigned area)
{
    if (n == 0 || n > SKEL_MAX)
        return 0;                /* (no name nor skeleton reads so: nothing to add or mark) */
    uint64_t wh[SKEL_WORDS_MAX]; /* (the last: the whole reading's hash) */
    unsigned words = word_hashes(k, n, wh);
    const prefix_rec *r = sg_prefix_lookup(m, wh[words - 1]);
    int local = 0;
    if (r) {
        if (alias_blocks(m, r, k, n, entity, needs))
            return 0;
        uint32_t first = sg_prefix_skel(m, r);
        for (uint32_t v = first; v != SG_TRIE_NONE; v = m->skels[v].next) {
            skel_rec *sk = &m->skels[v];
            if (sk->len != n || memcmp(m->texts + sk->text_off, k, n))
                continue;
            if (sk->entity == entity)
                return 0;
            if ((sk->needs & SKEL_BRANCH) && !(needs & SKEL_BRANCH)) {
                /* a branch's reading yields (its siblings' too) */
                mark_siblings(m, v, k, n, SKEL_DEAD, SKEL_LOCAL);
                sk->entity = entity;
                sk->needs = (needs & ~SKEL_ACRONYM1) | SKEL_DERIVED;
                sk->area = 0;
                return 0;
            }
            if (!(sk->needs & SKEL_DERIVED) ||
                ((needs & SKEL_BRANCH) && !(sk->needs & SKEL_BRANCH)))
                return 0;
            if (!area || !sk->area || sk->area == area || (sk->needs & SKEL_DEAD)) {
                mark_siblings(m, v, k, n, SKEL_DEAD, SKEL_LOCAL);
                return 0;
            }
            local = 1; /* (and on: no sibling of that department) */
        }
        if (local)
            mark_siblings(m, first, k, n, SKEL_LOCAL, 0);
    }
    /* (SKEL_ACRONYM1 is the base name's: a derived reading's bit 9 is
     * SKEL_TOWNLIKE, set by its caller) */
    size_t id = m->nskels;
    int rc = add_skel_hashed(
        m, entity, k, n,
        (uint32_t)((needs & ~SKEL_ACRONYM1) | SKEL_DERIVED | (local ? SKEL_LOCAL : 0)), wh, words);
    if (!rc && m->nskels > id)
        m->skels[id].area = (unsigned char)area;
    return rc;
}

static int add_derived(sg_matcher *m, uint32_t entity, const char *k, size_t n, uint32_t needs)
{
    return add_derived_in(m, entity, k, n, needs, 0);
}

int sg_skel_derived(sg_matcher *m, uint32_t entity, const char *k, size_t n, uint32_t needs)
{
    return add_derived(m, entity, k, n, needs);
}

int sg_skel_derived_in(sg_matcher *m, uint32_t entity, const char *k, size_t n, uint32_t needs,
                       unsigned area)
{
    return add_derived_in(m, entity, k, n, needs, area);
}

int sg_skel_taken(const sg_matcher *m, const char *k, size_t n)
{
    return taken(m, k, n);
}

/* An association's name in the plural, read in the singular as the press
 * writes it (variant "fuzzy"): "le Refuge solidaire" for "Refuges
 * solidaires". Two or three words, each of four letters or more ending in
 * one "s"; capitalised; not after an adjective that starts a sentence as
 * often ("Jeune médecin, il..." is none of "Jeunes Médecins"). */
static int singular(sg_matcher *m, uint32_t entity, const char *k, size_t kn, unsigned words,
                    uint32_t needs)
{
    static const char *const adjectives[] = {
        "jeunes",   "petits",    "petites", "grands", "grandes", "nouveaux", "nouvelles",
        "vieux",    "bons",      "bonnes",  "beaux",  "belles",  "premiers", "premieres",
        "derniers", "dernieres", "autres",  "seuls",  "seules"};
    const char *sp = memchr(k, ' ', kn);
    if (words < 2 || words > 3 || m->is_person[entity] || m->is_place[entity] || !sp ||
        sg_word_in(k, (size_t)(sp - k), adjectives, sizeof(adjectives) / sizeof(*adjectives)))
        return 0;
    char buf[SKEL_MAX];
    size_t o = 0;
    for (size_t i = 0; i < kn;) {
        const char *space = memchr(k + i, ' ', kn - i);
        size_t e = space ? (size_t)(space - k) : kn;
        if (e - i < 4 || k[e - 1] != 's' || k[e - 2] == 's')
            return 0;
        memcpy(buf + o, k + i, e - i - 1);
        o += e - i - 1;
        if (e < kn)
            buf[o++] = ' ';
        i = e + 1;
    }
    return add_derived(m, entity, buf, o, (uint32_t)(needs | SG_VARIANT_FUZZY | SKEL_CAPITAL1));
}

/* An association's name in the singular whose last word the press writes
 * in the plural (variant "fuzzy"): "le syndicat Convergence infirmières" for
 * "Convergence Infirmière". Two or three words, the last of four letters or
 * more not ending in "s", "x" or "z"; capitalised, as singular(). */
static int plural_end(sg_matcher *m, uint32_t entity, const char *k, size_t kn, unsigned words,
                      uint32_t needs)
{
    size_t last = kn;
    while (last > 0 && k[last - 1] != ' ')
        last--;
    char z = kn ? k[kn - 1] : 0;
    if (words < 2 || words > 3 || m->is_person[entity] || m->is_place[entity] || kn - last < 4 ||
        kn + 1 > SKEL_MAX || z == 's' || z == 'x' || z == 'z' || z < 'a' || z > 'z')
        return 0;
    char buf[SKEL_MAX];
    memcpy(buf, k, kn);
    buf[kn] = 's';
    return add_derived(m, entity, buf, kn + 1,
                       (uint32_t)(needs | SG_VARIANT_FUZZY | SKEL_CAPITAL1));
}

int sg_variants_finish(sg_matcher *m)
{
    int rc = variants_finish(m);
    /* the names' SKEL_ACRONYM1 is needed no more, and bit 9 of a reading is
     * SKEL_TOWNLIKE from now on */
    for (size_t i = 0; !rc && i < m->nskels; i++)
        if (!(m->skels[i].needs & SKEL_DERIVED))
            m->skels[i].needs &= ~(uint32_t)SKEL_ACRONYM1;
    return rc;
}

/* Does the entity's label start with a lower-case letter ("e-santé
 * Occitanie")? */
static int label_in_lower_case(const sg_matcher *m, uint32_t entity)
{
    const char *label = m->gaz->ents[entity].label;
    label += label[0] == '!' || label[0] == '=';
    return label[0] >= 'a' && label[0] <= 'z';
}

/* The regional council of Provence-Alpes-Côte d'Azur by the region's other
 * names after "Région", capitalised: "la Région Sud", "la Région Paca" for
 * the "Conseil régional de Provence-Alpes-Côte d'Azur" (as for a label
 * "Région Provence-Alpes-Côte d'Azur", below). */
static int council_region(sg_matcher *m, uint32_t entity, uint32_t needs)
{
    char buf[SKEL_MAX];
    for (size_t r = 0; r < PACA_NAMES; r++) {
        const char *other = regions[r];
        if (!strncmp(other, "region ", 7))
            other += 7;
        size_t ol = strlen(other);
        if (7 + ol > SKEL_MAX)
            continue;
        memcpy(buf, "region ", 7);
        memcpy(buf + 7, other, ol);
        if (!taken(m, buf, 7 + ol) &&
            add_skel(m, entity, buf, 7 + ol, needs | SKEL_CAPITALS | SG_VARIANT_HEADS))
            return SG_ERR_NOMEM;
    }
    return 0;
}

/* The region inside a body's name by its other name, with more words after
 * it: "Corevih PACA Ouest Corse" for the "COREVIH Provence-Alpes-Côte d'Azur
 * Ouest Corse", and the other way. (At the end of a name, the loop of
 * variants_finish reads it, and more of its names.) */
static int region_inside(sg_matcher *m, skel_rec sk)
{
    const char *k = m->texts + sk.text_off;
    /* (both names start with 'p': the words starting so, after a space) */
    for (const char *q = sk.len > 2 ? memchr(k + 1, 'p', sk.len - 2) : NULL; q;
         q = q + 1 < k + sk.len ? memchr(q + 1, 'p', (size_t)(k + sk.len - q - 1)) : NULL) {
        size_t at = (size_t)(q - k);
        if (k[at - 1] != ' ')
            continue;
        for (size_t r = 0; r < 2; r++) {
            const char *other = regions[1 - r];
            size_t rl = strlen(regions[r]), ol = strlen(other);
            if (at + rl + 1 >= sk.len || k[at + rl] != ' ' || memcmp(k + at, regions[r], rl))
                continue;
            size_t n = sk.len - rl + ol;
            char buf[SKEL_MAX];
            if (n > SKEL_MAX)
                return 0;
            memcpy(buf, k, at);
            memcpy(buf + at, other, ol);
            memcpy(buf + at + ol, k + at + rl, sk.len - at - rl);
            return !taken(m, buf, n) && add_skel(m, sk.entity, buf, n, sk.needs | SG_VARIANT_REGION)
                       ? SG_ERR_NOMEM
                       : 0;
        }
    }
    return 0;
}

static int variants_finish(sg_matcher *m)
{
    size_t n0 = m->nskels, rlen[sizeof(regions) / sizeof(*regions)];
    const department_ends *de = department_ends_get();
    uint32_t region_ends[256] = {0}; /* by ending_key: the regions, a bit each */
    _Static_assert(sizeof(regions) / sizeof(*regions) <= 32, "a bit a region");
    for (size_t r = 0; r < sizeof(regions) / sizeof(*regions); r++) {
        rlen[r] = strlen(regions[r]);
        region_ends[ending_key(regions[r], rlen[r])] |= (uint32_t)1 << r;
    }
    for (size_t i = 0; i < n0; i++)
        if (sg_head_readings(m, m->skels[i]))
            return SG_ERR_NOMEM;
    /* (once every name is in, so that another's name reads first, whatever
       the gazetteer's order) */
    for (size_t i = 0; i < m->ncoordinated; i++) {
        skel_rec sk = m->skels[m->coordinated[i]];
        if (coordination_dropped(m, sk.entity, m->texts + sk.text_off, sk.len, sk.needs))
            return SG_ERR_NOMEM;
    }
    for (size_t i = 0; i < n0; i++) {
        skel_rec sk = m->skels[i];
        if (!(m->allowed[sk.entity] & SG_VARIANT_REGION) || (sk.needs & SG_VARIANT_REGION))
            continue;
        if (!(sk.needs & SKEL_DERIVED) && department_dropped(m, sk, m->texts + sk.text_off, de))
            return SG_ERR_NOMEM;
        if (!m->is_place[sk.entity] && region_inside(m, sk))
            return SG_ERR_NOMEM;
        /* (a name written in lower case, "e-santé Occitanie", read without
           its region is a common noun: "l'e-santé") */
        uint32_t ends = sk.len >= 2 && !label_in_lower_case(m, sk.entity)
                            ? region_ends[ending_key(m->texts + sk.text_off, sk.len)]
                            : 0;
        for (; ends; ends &= ends - 1) { /* (the regions of its key, in the list's order) */
            size_t r = (size_t)__builtin_ctz(ends), rl = rlen[r];
            const char *k = m->texts + sk.text_off; /* (add_derived may move the texts) */
            if (sk.len <= rl + 1 || memcmp(k + sk.len - rl, regions[r], rl) ||
                k[sk.len - rl - 1] != ' ')
                continue;
            size_t n = sk.len - rl - 1;
            unsigned words = 1;
            for (size_t c = 0; c < n; c++)
                words += k[c] == ' ';
            char buf[SKEL_MAX];
            memcpy(buf, k, n);
            /* an acronym alone ("l'ARS" for ARS Paca), in capitals, unless it is
             * another entity's name or reading too */
            int acronym = words == 1 && (sk.needs & SKEL_ACRONYM1);
            /* not a kind alone, in either form: "Ehpad L'Occitanie" is a name,
               and no Ehpad of a region */
            if (sg_kind_alone(buf, n))
                continue;
            uint32_t needs = (uint32_t)((sk.needs & ~SKEL_ACRONYM1) | SG_VARIANT_REGION |
                                        (acronym ? SKEL_UPPER1 : 0));
            if (acronym ? add_derived(m, sk.entity, buf, n, needs)
                        : !taken(m, buf, n) && add_skel(m, sk.entity, buf, n, needs))
                return SG_ERR_NOMEM;
            /* one word left, "Canceropôle" for "Canceropôle Provence-Alpes-Côte
             * d'Azur": capitalised, eight letters or more, no generic head, and
             * only where the document names it otherwise */
            if (words == 1 && !acronym && n >= 8 && !sg_generic_head(buf, n) &&
                !m->is_place[sk.entity] && !m->is_person[sk.entity] && !taken(m, buf, n) &&
                add_derived(m, sk.entity, buf, n, (uint32_t)(needs | SKEL_CAPITALS | SKEL_CONFIRM)))
                return SG_ERR_NOMEM;
            /* "Région Sud", "Région Paca" for "Région Provence-Alpes-Côte d'Azur",
             * capitalised (in lower case, the territory as often as the body),
             * and for "Conseil régional de Provence-Alpes-Côte d'Azur" */
            int headed = !m->is_place[sk.entity] && (m->allowed[sk.entity] & SG_VARIANT_HEADS);
            int body = headed && words == 1 && n == 6 && !memcmp(buf, "region", 6);
            if (headed && r < PACA_NAMES && words == 2 && n == 16 &&
                !memcmp(buf, "conseil regional", 16) && council_region(m, sk.entity, needs))
                return SG_ERR_NOMEM;
            /* and with the region in its other names ("Agence régionale de santé
             * Paca" for "... Provence-Alpes-Côte d'Azur") */
            for (size_t r2 = 0; r < PACA_NAMES && r2 < PACA_NAMES; r2++) {
                const char *other = regions[r2];
                if (body && !strncmp(other, "region ", 7))
                    other += 7; /* not "région région Sud" */
                size_t r2l = strlen(other);
                if (r2 == r || n + 1 + r2l > SKEL_MAX || (words < 2 && !acronym && !body))
                    continue;
                buf[n] = ' ';
                memcpy(buf + n + 1, other, r2l);
                uint32_t n2 = (uint32_t)(needs | (body ? SKEL_CAPITALS : 0));
                if (!taken(m, buf, n + 1 + r2l) && add_skel(m, sk.entity, buf, n + 1 + r2l, n2))
                    return SG_ERR_NOMEM;
            }
        }
    }
    return 0;
}
