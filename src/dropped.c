/* Readings dropped once the mentions are chosen: what the words chosen name
 * is not the entity whose name they spell. A person's name as the name of a
 * thing ("l'hôpital Simone-Veil"), a kind's acronym as the kind ("les CPTS"), a
 * body's acronym after a plural as its kind ("les CeGIDD"),
 * "État" in a compound ("secrétaire d'État"), a name inside a handle, an
 * address or a file's name or glued to an ending ("Apt·es"), a place in an area's name ("la plaine
 * du Var"), a hospital in a district's ("le quartier de Sainte-Musse"), a town's council in its
 * building's ("l'Hôtel de Ville d'Arles"), a department in a body's name after its acronym ("le
 * CDOM des Bouches-du-Rhône": asked by the variants, after the seat rules).
 * Each rule reads the folded text around a hit only; none adds a hit. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "match_int.h"
#include "sg_internal.h"
#include "variants_int.h"

/* Is the separator before the last word of s[a, b) a hyphen? */
static int hyphen_before_last(const char *s, size_t a, size_t b)
{
    size_t k = b;
    while (k > a && (s[k - 1] & 0x80 || isalnum((unsigned char)s[k - 1])))
        k--;
    return k > a && s[k - 1] == '-';
}

/* Is the noun before the name at folded offset p itself after "de" ("le
 * directeur de l'hôpital Franck Dupont", "la directrice du lycée Anne
 * Martin")? There the name is as often the person's, in apposition; not
 * after a noun written with a capital, the thing's own name ("la rénovation
 * du Pavillon Arthur Rimbaud"). */
static int after_of(const sg_folded *f, size_t p)
{
    static const char *const article[] = {"l", "la", "le", "les"};
    size_t b, e;
    sg_word_before(f, p, 0, &b, &e); /* the noun */
    if (b < e && (f->flags[b] & SG_F_UPPER))
        return 0;
    sg_word_before(f, b, 1, &b, &e);
    if (b < e && sg_word_in(f->text + b, e - b, article, 4))
        sg_word_before(f, b, 1, &b, &e);
    return b < e && sg_of_word(f->text + b, e - b);
}

/* A person's name written with a hyphen before the surname where their name
 * has none ("l'hôpital Simone-Veil", "le lycée Lucie-Aubrac"): French names a
 * thing after a person so, and the thing is not the person ("Jean-Paul
 * Segade" for "Jean Paul Segade" is the person). So is a person's name right
 * after the noun of such a thing, however written: "la résidence Simone
 * Veil", "la rue Jean Jaurès" (sg_named_after), unless that noun is after
 * "de" (after_of). */
static int eponym(const sg_matcher *m, const sg_folded *f, const char *s, const sg_hit *x)
{
    if (!m->is_person[x->entity] || x->how == SG_HIT_SURNAME)
        return 0;
    if (sg_named_after(f, x->fs) && !after_of(f, x->fs))
        return 1; /* "la résidence Simone Veil", "la rue Jean Jaurès" */
    if (!hyphen_before_last(s, f->src[x->fs], f->src[x->fe]))
        return 0;
    const sg_entity *e = &m->gaz->ents[x->entity];
    if (hyphen_before_last(e->label, 0, strlen(e->label)))
        return 0;
    for (size_t a = 0; a < e->naliases; a++)
        if (hyphen_before_last(e->aliases[a], 0, strlen(e->aliases[a])))
            return 0;
    return 1;
}

/* A kind's acronym after a plural or indefinite determiner, or after "de"
 * without an article, is the kind, whoever's name it is: "les CPTS", "des
 * GHT", "plusieurs Ehpad", "chaque CPTS", "d'une CPTS", "un projet d'IHU"
 * (the gazetteer's one CPTS may have "CPTS" for a name). */
static int kind(const sg_folded *f, const sg_hit *x)
{
    return sg_kind_acronym(f->text + x->fs, x->fe - x->fs) && sg_kind_context(f, x->fs);
}

/* Is the name `w` of several, by its first word: "Les ...", or a word of
 * letters ending in -s or -x ("Hospices", "HÔPITAUX" in capitals too), not a
 * singular one ("Fonds", "Secours", "Pays")? 1 plural, 0 singular, -1 none
 * can tell (one word in capitals: an acronym). */
static int name_plural(const char *w)
{
    static const char *const singular[] = {"campus",  "concours", "corps", "cours",
                                           "fonds",   "palais",   "pays",  "puits",
                                           "secours", "temps",    "tiers"};
    w += w[0] == '!' || w[0] == '=';
    if (!strncasecmp(w, "les ", 4))
        return 1;
    size_t n = strcspn(w, " -'");
    int lower = 0;
    for (size_t i = 0; i < n; i++)
        lower |= w[i] >= 'a' && w[i] <= 'z';
    if (!lower)
        return -1; /* (an acronym, "ARS Paca", or a name in capitals) */
    if (n < 3 || !(w[n - 1] == 's' || w[n - 1] == 'S' || w[n - 1] == 'x' || w[n - 1] == 'X'))
        return 0;
    for (size_t k = 0; k < sizeof(singular) / sizeof(*singular); k++)
        if (strlen(singular[k]) == n && !strncasecmp(w, singular[k], n))
            return 0;
    return 1;
}

/* Does `entity` name several, as the Hospices civils de Lyon or "Les
 * Hôpitaux de Marseille" do: "les HCL" is that body? One of its names is in
 * the plural, or none tells (its names are acronyms: "HUG" may be the
 * Hôpitaux universitaires de Genève). */
int sg_plural_label(const sg_matcher *m, uint32_t entity)
{
    const sg_entity *e = &m->gaz->ents[entity];
    int told = 0, p = name_plural(e->label);
    if (p == 1)
        return 1;
    told |= p == 0;
    for (size_t a = 0; a < e->naliases; a++) {
        if ((p = name_plural(e->aliases[a])) == 1)
            return 1;
        told |= p == 0;
    }
    return !told;
}

/* Is the one word at [fs, fe) written as an acronym of `entity`: two
 * capitals or more there ("CeGIDD", "SDIS"), or one of its names in capitals
 * ("Urssaf" for URSSAF)? `upper`: its capitals (one_word's count). */
static int acronym_written(const sg_matcher *m, const sg_folded *f, uint32_t entity, size_t fs,
                           size_t fe, unsigned upper)
{
    if (upper >= 2)
        return 1;
    const sg_entity *e = &m->gaz->ents[entity];
    for (size_t a = 0; a <= e->naliases; a++) {
        const char *w = a < e->naliases ? e->aliases[a] : e->label;
        w += w[0] == '!' || w[0] == '=';
        size_t caps = 0;
        for (const char *c = w; *c; c++)
            caps += *c >= 'A' && *c <= 'Z';
        if (caps >= 2 && strlen(w) == fe - fs && !strncasecmp(w, f->text + fs, fe - fs))
            return 1;
    }
    return 0;
}

/* The capitals of the one word at [fs, fe), or -1 when it is more than one
 * word. */
static int one_word(const sg_folded *f, size_t fs, size_t fe)
{
    int upper = 0;
    for (size_t i = fs; i < fe; i++) {
        if (!(f->flags[i] & SG_F_ALNUM))
            return -1;
        upper += (f->flags[i] & SG_F_UPPER) != 0;
    }
    return upper;
}

/* An organisation named by an acronym alone after a plural determiner is
 * its kind, not one body: "les CeGIDD sont nés de...", "le réseau des
 * Urssaf", "13 CeGIDD principaux", "aux SDIS" (but "les HCL", a name of
 * several). kind() says so of the kinds' acronyms after any determiner. */
static int plural_acronym(const sg_matcher *m, const sg_folded *f, const sg_hit *x)
{
    if (!(f->flags[x->fs] & SG_F_UPPER) || sg_is_place(m, x->entity) || sg_is_person(m, x->entity))
        return 0;
    int upper = one_word(f, x->fs, x->fe);
    return upper >= 1 && sg_plural_before(f, x->fs) &&
           acronym_written(m, f, x->entity, x->fs, x->fe, (unsigned)upper) &&
           !sg_plural_label(m, x->entity);
}

/* "État" after an elided "d'" with no article is a compound's, not the
 * State's: "secrétaire d'État", "diplômée d'État", "coup d'État" (the State
 * is "l'État", "de l'État"; "le Conseil d'État" is a name of its own); so is
 * "gouvernement" after "de": "chef de gouvernement", Monaco's "conseiller de
 * Gouvernement-Ministre" (the government is "le", "du gouvernement"). */
static int state_compound(const sg_folded *f, const sg_hit *x)
{
    static const char *const of[] = {"de"};
    size_t n = x->fe - x->fs;
    if (n == 4 && !memcmp(f->text + x->fs, "etat", 4))
        return sg_elided_before(f, x->fs, 'd');
    return sg_word_is(f->text + x->fs, n, "gouvernement") && sg_word_before_in(f, x->fs, of, 1);
}

/* "l'État", "le Gouvernement" before a lower-case adjective of nationality
 * are another country's: "l'État italien", "le Gouvernement monégasque",
 * "l'État islamique" (the French State's and government's names are read
 * without "français": variants.c). */
static int other_state(const sg_folded *f, const sg_hit *x)
{
    /* (endings no verb of the State's has: "l'État demande", "contrôle",
       "indique", "engage" are its acts) */
    static const char *const endings[] = {"ien", "ienne", "ais", "aise",
                                          "ois", "oise",  "ain", "asque"};
    static const char *const words[] = {"allemand",  "allemande", "belge",   "espagnol",
                                        "espagnole", "grec",      "grecque", "islamique",
                                        "russe",     "suisse",    "turc",    "turque"};
    size_t n = x->fe - x->fs, a = x->fe + 1, e;
    if (!sg_state_word(f->text + x->fs, n) || a >= f->len || f->text[x->fe] != ' ' ||
        !(f->flags[a] & SG_F_LOWER))
        return 0;
    for (e = a; e < f->len && (f->flags[e] & SG_F_ALNUM); e++)
        ;
    for (size_t k = 0; k < sizeof(endings) / sizeof(*endings); k++) {
        size_t l = strlen(endings[k]);
        if (e - a >= l + 2 && !memcmp(f->text + e - l, endings[k], l))
            return 1;
    }
    return sg_word_in(f->text + a, e - a, words, sizeof(words) / sizeof(*words));
}

/* Does t[0, n) hold `mark`? Its first byte is looked for with memchr: a byte
 * at a time, the addresses' marks were looked for at a cost of 7M instructions
 * on the dense bench's 400 documents (memmem costs more still). */
static int holds(const char *t, size_t n, const char *mark)
{
    size_t len = strlen(mark);
    const char *end = t + n;
    for (const char *c = t; (c = memchr(c, mark[0], (size_t)(end - c))); c++)
        if ((size_t)(end - c) >= len && !memcmp(c, mark, len))
            return 1;
    return 0;
}

/* Is the hit glued by a dot or a middle dot to a lower-case ending ("le
 * mouvement Apt·es à faire bloc", "Apt.es": a name in inclusive writing; a
 * domain, "nice.fr")? Part of a word: no mention of the name. */
static int glued_ending(const sg_folded *f, size_t fe)
{
    size_t k = fe;
    if (k < f->len && f->text[k] == '.')
        k++;
    else if (k + 1 < f->len && (unsigned char)f->text[k] == 0xC2 &&
             (unsigned char)f->text[k + 1] == 0xB7)
        k += 2;
    else
        return 0;
    return k < f->len && (f->flags[k] & SG_F_LOWER);
}

/* Is the hit [fs, fe) part of a handle, an address or a file's name: a run
 * of text without spaces that holds an "@", a "://" or a "www.", or an "_"
 * right at the hit ("@IHU_Marseille", "contact@ap-hm.fr",
 * "https://www.ap-hm.fr")? The page's machinery, not a mention. A handle
 * that is the whole name is one ("répond à @JulieFerrand"). */
static int in_address(const sg_folded *f, size_t fs, size_t fe)
{
    if ((fs > 0 && f->text[fs - 1] == '_') || (fe < f->len && f->text[fe] == '_'))
        return 1;
    if (fs > 0 && f->text[fs - 1] == '@' &&
        (fs == 1 || f->text[fs - 2] == ' ' || f->text[fs - 2] == '(' || f->text[fs - 2] == '\n'))
        return fe < f->len &&
               ((f->flags[fe] & SG_F_ALNUM) || f->text[fe] == '@' ||
                (f->text[fe] == '.' && fe + 1 < f->len && (f->flags[fe + 1] & SG_F_ALNUM)));
    /* a file's name: "Sainte musse.jpg (83 KB)" */
    static const char *const files[] = {".jpg",  ".jpeg", ".png", ".gif",
                                        ".webp", ".pdf",  ".doc", ".docx"};
    int dot = fe < f->len && f->text[fe] == '.'; /* (the endings' first byte) */
    for (size_t k = 0; dot && k < sizeof(files) / sizeof(*files); k++) {
        size_t n = strlen(files[k]);
        if (fe + n <= f->len && !memcmp(f->text + fe, files[k], n) &&
            (fe + n == f->len || !(f->flags[fe + n] & SG_F_ALNUM)))
            return 1;
    }
    size_t a = fs, b = fe; /* (at most 256 bytes each side: a long run is no address) */
    while (a > 0 && fs - a < 256 && f->text[a - 1] != ' ' && f->text[a - 1] != '\n')
        a--;
    while (b < f->len && b - fe < 256 && f->text[b] != ' ' && f->text[b] != '\n')
        b++;
    const char *t = f->text + a;
    return memchr(t, '@', b - a) || holds(t, b - a, "://") || holds(t, b - a, "www.");
}

int sg_area_noun(const char *t, size_t n)
{
    static const char *const areas[] = {"baie", "etang",  "golfe",   "massif",
                                        "pays", "plaine", "plateau", "vallee"};
    return sg_word_in(t, n, areas, sizeof(areas) / sizeof(*areas));
}

/* Does "NOUN de", "NOUN du", "NOUN de la"... come right before folded offset
 * p, NOUN a word noun() accepts? noun_of_start: where NOUN starts, SIZE_MAX
 * when none does. */
static size_t noun_of_start(const sg_folded *f, size_t p, int (*noun)(const char *, size_t))
{
    size_t b, e;
    sg_word_before(f, p, 1, &b, &e);
    if (b < e && (sg_word_is(f->text + b, e - b, "la") || sg_word_is(f->text + b, e - b, "l")))
        sg_word_before(f, b, 0, &b, &e); /* "de la Roya" */
    if (!(b < e && sg_of_word(f->text + b, e - b)))
        return SIZE_MAX;
    sg_word_before(f, b, 0, &b, &e);
    return b < e && noun(f->text + b, e - b) ? b : SIZE_MAX;
}

static int noun_of_before(const sg_folded *f, size_t p, int (*noun)(const char *, size_t))
{
    return noun_of_start(f, p, noun) != SIZE_MAX;
}

int sg_area_before(const sg_folded *f, size_t p)
{
    return noun_of_before(f, p, sg_area_noun);
}

/* A place in an area's name (sg_area_before): the area is another place,
 * which the press names after the first, and the first is not meant. */
static int in_area(const sg_matcher *m, const sg_folded *f, const sg_hit *x)
{
    return m->is_place[x->entity] && sg_area_before(f, x->fs);
}

/* A place right after a clinic's or a hospital's head, with no "de": the
 * establishment's own name ("la clinique Puget", "l'hôpital Cannes Ouest"),
 * no mention of the town. */
static int after_head(const sg_matcher *m, const sg_folded *f, const sg_hit *x)
{
    static const char *const heads[] = {"clinique", "hopital", "polyclinique"};
    return m->is_place[x->entity] &&
           sg_word_before_in(f, x->fs, heads, sizeof(heads) / sizeof(*heads));
}

/* A body named after "hôtel de": "l'Hôtel de Ville d'Arles", "l'hôtel de
 * Région", the building where it sits, not the body. */
static int in_hotel(const sg_matcher *m, const sg_folded *f, const sg_hit *x)
{
    static const char *const bodies[] = {"agglomeration", "departement", "metropole", "region",
                                         "ville"};
    size_t e = x->fs;
    while (e < x->fe && (f->flags[e] & SG_F_ALNUM))
        e++;
    return !m->is_place[x->entity] && !m->is_person[x->entity] &&
           sg_word_in(f->text + x->fs, e - x->fs, bodies, sizeof(bodies) / sizeof(*bodies)) &&
           sg_hotel_before(f, x->fs);
}

/* (not a road's, "sur la route de Gap": the way to the town; nor a square's,
 * "la place de Nice dans le classement", nor a walk's) */
static int street_noun(const char *t, size_t n)
{
    return (sg_way_noun(t, n) & (SG_WAY_STREET | SG_WAY_WORD)) != 0;
}

/* A place or a body in a street's name: "avenue de Toulon", "boulevard des
 * Arnavaux", "rue de la Timone" (the annotators count no street), not after
 * "un", "une" ("dans une impasse du Mourillon": a street of the district). */
static int in_street(const sg_matcher *m, const sg_folded *f, const sg_hit *x)
{
    size_t b = !m->is_person[x->entity] ? noun_of_start(f, x->fs, street_noun) : SIZE_MAX, e;
    if (b == SIZE_MAX)
        return 0;
    sg_word_before(f, b, 0, &b, &e); /* the word before the street's noun */
    return !(b < e &&
             (sg_word_is(f->text + b, e - b, "un") || sg_word_is(f->text + b, e - b, "une")));
}

/* A public transport's stop named after a hospital: "la station Timone", "le
 * métro Sainte-Marguerite", "Ligne 2 : Sainte-Marguerite - Dromel" (a line's
 * stops in an access notice). Not a place: "la station Serre-Chevalier" is
 * the resort, "l'arrêt Castellane" in the district. */
static int at_stop(const sg_matcher *m, const sg_folded *f, const sg_hit *x)
{
    static const char *const stops[] = {"arret", "metro", "station", "tram", "tramway"};
    if (m->is_place[x->entity] || m->is_person[x->entity])
        return 0;
    if (sg_word_before_in(f, x->fs, stops, sizeof(stops) / sizeof(*stops)))
        return 1;
    size_t p = x->fs; /* "ligne 2 :" right before */
    while (p > 0 && f->text[p - 1] == ' ')
        p--;
    if (p == 0 || f->text[p - 1] != ':')
        return 0;
    size_t b, e;
    sg_word_before(f, p - 1, 0, &b, &e);
    if (e == b || !(f->text[b] >= '0' && f->text[b] <= '9'))
        return 0;
    static const char *const line[] = {"ligne"};
    return sg_word_before_in(f, b, line, 1);
}

static int district_noun(const char *t, size_t n)
{
    static const char *const districts[] = {"quartier", "quartiers", "hameau"};
    return sg_word_in(t, n, districts, sizeof(districts) / sizeof(*districts));
}

/* An organisation after "le quartier de" ("le quartier de Sainte-Musse", "le
 * quartier de la Timone"): the district named after the hospital, not the
 * hospital. (A town there is the town: "un quartier de Marseille".) */
static int in_district(const sg_matcher *m, const sg_folded *f, const sg_hit *x)
{
    return !m->is_place[x->entity] && !m->is_person[x->entity] &&
           noun_of_before(f, x->fs, district_noun);
}

int sg_names_hold(const sg_entity *e, const char *w, size_t n)
{
    char buf[128];
    if (n >= sizeof(buf))
        return 0;
    memcpy(buf, w, n);
    buf[n] = '\0';
    if (strstr(e->label, buf))
        return 1;
    for (size_t a = 0; a < e->naliases; a++)
        if (strstr(e->aliases[a], buf))
            return 1;
    return 0;
}

static int by_city_cmp(const void *a, const void *b)
{
    const city_rec *x = a, *y = b;
    int c = strcmp(x->city, y->city);
    return c ? c : (x->entity > y->entity) - (x->entity < y->entity);
}

int sg_drop_finish(sg_matcher *m)
{
    const sg_gazetteer *g = m->gaz;
    size_t city = SIZE_MAX, n = 0;
    for (size_t a = 0; a < g->nattr; a++)
        if (!strcmp(g->attr_names[a], "city"))
            city = a;
    m->city_attr = city;
    if (city == SIZE_MAX)
        return 0;
    for (size_t k = 0; k < g->n; k++)
        n += city < g->ents[k].nattrs && g->ents[k].attrs[city] && *g->ents[k].attrs[city] &&
             !m->is_place[k] && !m->is_person[k];
    if (!n || !(m->by_city = sg_alloc_array(n, sizeof(*m->by_city))))
        return n ? SG_ERR_NOMEM : 0;
    for (size_t k = 0; k < g->n; k++)
        if (city < g->ents[k].nattrs && g->ents[k].attrs[city] && *g->ents[k].attrs[city] &&
            !m->is_place[k] && !m->is_person[k])
            m->by_city[m->nby_city++] = (city_rec){g->ents[k].attrs[city], (uint32_t)k};
    qsort(m->by_city, m->nby_city, sizeof(*m->by_city), by_city_cmp);
    return 0;
}

/* A body's short name read (a variant or a name lent), then "à" and a town
 * that is not the body's (its `city`): "Sainte-Marguerite à Hyères" is
 * Hyères's clinic of that name, not Marseille's hospital. The hit becomes the
 * one body of that town whose names hold the words as written; with none or
 * several, no body is meant that the gazetteers know. Returns 1 to drop it.
 * The town's bodies are found in the index by city (sg_drop_finish). */
static int other_town(const sg_matcher *m, const sg_folded *f, const char *s, size_t slen,
                      sg_hits *h, size_t i)
{
    size_t city = m->city_attr;
    sg_hit *x = &h->v[i];
    const sg_gazetteer *g = m->gaz;
    if (city == SIZE_MAX || i + 1 >= h->n || (x->how != SG_HIT_VARIANT && x->how != SG_HIT_KNOWN) ||
        m->is_place[x->entity] || m->is_person[x->entity])
        return 0;
    const sg_hit *y = &h->v[i + 1];
    const sg_entity *e = &g->ents[x->entity];
    const char *town = city < e->nattrs ? e->attrs[city] : NULL;
    const char *there = g->ents[y->entity].label;
    if (!m->is_place[y->entity] || y->fs != x->fe + 3 || memcmp(f->text + x->fe, " a ", 3) ||
        !town || !*town || !strcmp(town, there))
        return 0;
    const char *w = s + f->src[x->fs];
    size_t n = sg_folded_orig_end(f, s, slen, x->fe) - f->src[x->fs];
    size_t lo = 0, hi = m->nby_city; /* the first of that town's */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(m->by_city[mid].city, there) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    uint32_t other = SG_TRIE_NONE;
    for (; lo < m->nby_city && !strcmp(m->by_city[lo].city, there); lo++)
        if (sg_names_hold(&g->ents[m->by_city[lo].entity], w, n)) {
            if (other != SG_TRIE_NONE)
                return 1;
            other = m->by_city[lo].entity;
        }
    if (other == SG_TRIE_NONE)
        return 1;
    x->entity = other;
    return 0;
}

/* An organisation's one word glued by a dash to an acronym before it: "le
 * délégué FO-Timone", "le CHSCT-Timone" name a union's section or a
 * committee of the hospital, not the hospital. */
static int after_acronym_dash(const sg_matcher *m, const sg_folded *f, const char *s,
                              const sg_hit *prev, const sg_hit *x)
{
    if (m->is_place[x->entity] || m->is_person[x->entity] || x->fs < 3 ||
        f->text[x->fs - 1] != ' ' || !sg_dash_at(f, s, x->fs - 1))
        return 0;
    for (size_t k = x->fs; k < x->fe; k++)
        if (!(f->flags[k] & SG_F_ALNUM))
            return 0; /* (one word) */
    if (sg_all_upper(f, x->fs, x->fe))
        return 0; /* a compound acronym: "CHITS-CHH" */
    size_t e = x->fs - 1, b = e;
    while (b > 0 && (f->flags[b - 1] & SG_F_ALNUM))
        b--;
    return e - b >= 2 && e - b <= 6 && sg_all_upper(f, b, e) &&
           (!prev || prev->fe <= b || (prev->fs == b && prev->fe == e));
}

/* A place in brackets right after an organisation's mention whose name ends
 * with that place: "l'ARS Provence-Alpes-Côte d'Azur (Paca)" spells the
 * region's short name out, the region is no mention of its own. */
static int abbreviated(const sg_matcher *m, const sg_folded *f, const char *s, const sg_hit *prev,
                       const sg_hit *x)
{
    if (!prev || !m->is_place[x->entity] || m->is_place[prev->entity] ||
        m->is_person[prev->entity] || x->fs < 1 || f->text[x->fs - 1] != '(' || x->fe >= f->len ||
        f->text[x->fe] != ')' || prev->fe + 2 < x->fs - 1 || prev->fe >= x->fs)
        return 0;
    for (size_t k = prev->fe; k + 1 < x->fs; k++)
        if (f->text[k] != ' ')
            return 0;
    for (size_t w = prev->fs; w < prev->fe; w++) {
        if (w > prev->fs && ((f->flags[w - 1] & SG_F_ALNUM) || s[f->src[w] - 1] == '-'))
            continue; /* (word starts only; "Pierrefeu-du-Var (Var)" names the Var) */
        uint32_t a = (f->flags[w] & SG_F_ALNUM) ? sg_alias_named(m, f->text + w, prev->fe - w, 1)
                                                : SG_TRIE_NONE;
        if (a != SG_TRIE_NONE && m->aliases[a].entity == x->entity)
            return 1;
    }
    return 0;
}

int sg_territory_of_acronym(const sg_matcher *m, const sg_folded *f, const sg_hit *x)
{
    if (!m->is_place[x->entity] ||
        (x->entity != m->paca && !sg_department_named(f->text + x->fs, x->fe - x->fs)))
        return 0;
    size_t b, e;
    sg_word_before(f, x->fs, 1, &b, &e);
    if (e == b || !sg_of_word(f->text + b, e - b))
        return 0;
    while (b > 0 && f->text[b - 1] == ' ')
        b--;
    if (b > 0 && f->text[b - 1] == ')') /* "(SDIS) des" */
        b--;
    e = b;
    while (b > 0 && (f->flags[b - 1] & SG_F_ALNUM))
        b--;
    /* (a party's is a member's: "le député (PS) des Hautes-Alpes") */
    if (e - b < 2 || e - b > 8 || !sg_all_upper(f, b, e) || sg_party_at(f, b, e) ||
        (f->text[e] == ')' && (b == 0 || f->text[b - 1] != '(')))
        return 0;
    /* "les CPTS du Var": the department's many bodies, and the department */
    static const char *const many[] = {"aux", "des", "les", "leurs", "ses"};
    sg_word_before(f, b - (b > 0 && f->text[b - 1] == '('), 1, &b, &e);
    return e == b || !sg_word_in(f->text + b, e - b, many, sizeof(many) / sizeof(*many));
}

/* Is place hit x the town of the establishment hit `prev` names by its head,
 * right before it with "de" or "d'" ("l'hôpital Nord de Marseille", "le
 * Centre Antoine Lacassagne de Nice")? The press writes the town as part of
 * the establishment's name, as a gazetteer's "CHU de Nice": no place of its
 * own. A commune, not a department or the region. */
static int town_of_establishment(const sg_matcher *m, const sg_folded *f, const sg_hit *prev,
                                 const sg_hit *x)
{
    static const char *const heads[] = {"centre",   "ch",    "chi",          "chu",
                                        "clinique", "ehpad", "hopital",      "institut",
                                        "maison",   "pole",  "polyclinique", "residence"};
    if (!prev || !m->is_place[x->entity] || x->entity == m->paca || sg_is_place(m, prev->entity) ||
        sg_is_person(m, prev->entity) || sg_department_named(f->text + x->fs, x->fe - x->fs))
        return 0;
    size_t k = prev->fe;
    if (!(k + 4 == x->fs && !memcmp(f->text + k, " de ", 4)) &&
        !(k + 3 == x->fs && !memcmp(f->text + k, " d'", 3)))
        return 0;
    size_t w = prev->fs;
    while (w < prev->fe && (f->flags[w] & SG_F_ALNUM))
        w++;
    return sg_word_in(f->text + prev->fs, w - prev->fs, heads, sizeof(heads) / sizeof(*heads));
}

/* A town's one-word name right after a capitalised first name, one space
 * between, is a surname: "Sidonie Réallon a écrit", "Marc Briançon" (not
 * after a saint's: "Saint-Pierre Réallon"; nor where the first name is some
 * hit's own word). */
static int after_first_name(const sg_matcher *m, const sg_folded *f, const sg_hit *prev,
                            const sg_hit *x)
{
    if (!sg_is_place(m, x->entity) || x->fs < 3 || f->text[x->fs - 1] != ' ' ||
        (prev && prev->fe >= x->fs - 1) || one_word(f, x->fs, x->fe) <= 0)
        return 0;
    size_t b, e;
    sg_word_before(f, x->fs, 0, &b, &e);
    if (e + 1 != x->fs || e - b < 2 || !(f->flags[b] & SG_F_UPPER) ||
        !sg_first_name_word(f->text + b, e - b))
        return 0;
    size_t pb, pe; /* (the word before the first name) */
    sg_word_before(f, b, 0, &pb, &pe);
    static const char *const saints[] = {"saint", "sainte", "st", "ste"};
    return !(pe + 1 == b && pe > pb &&
             sg_word_in(f->text + pb, pe - pb, saints, sizeof(saints) / sizeof(*saints)));
}

void sg_drop_readings(const sg_matcher *m, const sg_folded *f, const char *s, size_t slen,
                      sg_hits *h)
{
    size_t out = 0;
    for (size_t i = 0; i < h->n; i++) {
        if (other_town(m, f, s, slen, h, i))
            continue;
        const sg_hit *x = &h->v[i];
        if (town_of_establishment(m, f, out ? &h->v[out - 1] : NULL, x)) {
            h->v[out - 1].fe = x->fe; /* one mention over both */
            h->v[out - 1].how = SG_HIT_VARIANT;
            continue;
        }
        if (!eponym(m, f, s, x) && !kind(f, x) && !plural_acronym(m, f, x) &&
            !state_compound(f, x) && !other_state(f, x) && !in_address(f, x->fs, x->fe) &&
            !glued_ending(f, x->fe) && !in_area(m, f, x) && !in_district(m, f, x) &&
            !in_street(m, f, x) && !at_stop(m, f, x) && !in_hotel(m, f, x) &&
            !after_head(m, f, x) && !abbreviated(m, f, s, out ? &h->v[out - 1] : NULL, x) &&
            !after_first_name(m, f, out ? &h->v[out - 1] : NULL, x) &&
            !after_acronym_dash(m, f, s, out ? &h->v[out - 1] : NULL, x))
            h->v[out++] = *x;
    }
    h->n = out;
}
