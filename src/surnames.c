/* People by their surname inside one document (SPEC §4): "Jean-Paul Segade"
 * ... "M. Segade". */
#define _GNU_SOURCE /* memmem */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "match_int.h"
#include "sg_internal.h"
#include "u32map.h"
#include "variants_int.h"

/* Per document: the people named so far (`seen`, keyed by entity), and per
 * surname (its node in the matcher's surname trie) how many of them bear it
 * (counted up to 2: two or more is ambiguous, however many) and the first.
 * A surname mention then costs one lookup per trie node on its way, however
 * many people of the gazetteer share the surname (walking them all, as an
 * earlier version did, cost 200,000 checks a mention of "Dupont" with 200,000
 * Duponts in the gazetteer). */
typedef struct {
    sg_u32_map seen, bearers;
} people_seen;

/* Adds a person named by a hit to the people seen. Returns 0 or SG_ERR_NOMEM. */
static int see(const sg_matcher *m, people_seen *ps, uint32_t person)
{
    sg_map_rec *r = sg_map_get(&ps->seen, person);
    if (!r)
        return SG_ERR_NOMEM;
    if (r->count)
        return 0; /* seen before */
    r->count = 1;
    uint32_t node = sg_trie_node_of(m->surnames, person);
    if (node == SG_TRIE_NONE)
        return 0;
    if (!(r = sg_map_get(&ps->bearers, node)))
        return SG_ERR_NOMEM;
    if (!r->count)
        r->first = person;
    if (r->count < 2)
        r->count++;
    return 0;
}

/* Longest surname at p naming exactly one person already seen. */
static size_t surname_at(const sg_matcher *m, const sg_folded *f, size_t p,
                         const sg_u32_map *bearers, uint32_t *who)
{
    uint32_t node = sg_trie_root(m->surnames);
    size_t best = 0, j = p, end;
    while ((end = sg_surname_step(m, f, &j, &node))) {
        uint32_t person = sg_map_only(bearers, node);
        if (person != SG_TRIE_NONE) {
            best = end;
            *who = person;
        }
    }
    return best;
}

int sg_named_after(const sg_folded *f, size_t p)
{
    static const char *const nouns[] = {
        "centre",       "clinique", "college",   "ecole", "ehpad",  "faculte",   "fondation",
        "hopital",      "hopitaux", "institut",  "lycee", "maison", "pavillon",  "pole",
        "polyclinique", "prix",     "residence", "salle", "stade",  "universite"};
    return sg_way_before(f, p, SG_WAY_STREET | SG_WAY_ROAD | SG_WAY_SQUARE) ||
           sg_word_before_in(f, p, nouns, sizeof(nouns) / sizeof(*nouns));
}

/* Where the name whose surname is at folded offset p starts: at the first
 * name in capitals right before it, if any ("l'Institut Axel Kahn": the
 * institute is named after the person, and "Kahn" is no mention of him). */
static size_t first_name_start(const sg_folded *f, size_t p)
{
    size_t b, e;
    sg_word_before(f, p, 0, &b, &e);
    return e > b && e + 1 == p && (f->flags[b] & SG_F_UPPER) &&
                   sg_first_name_word(f->text + b, e - b)
               ? b
               : p;
}

/* Is the surname at folded offset p right after a first name in capitals that
 * is none of the person's own ("le Dr André Brincat" once Bernard Brincat is
 * named)? Then it names someone else of that family. */
static int other_first_name(const sg_matcher *m, const sg_folded *f, size_t p, uint32_t who)
{
    size_t b = first_name_start(f, p), e = p - 1;
    if (b == p)
        return 0;
    char *label;
    unsigned char *flags;
    size_t n;
    const char *l = m->gaz->ents[who].label;
    if (sg_fold_name(&label, &flags, &n, l, strlen(l)))
        return 0;
    int own = 0;
    for (size_t k = 0; !own && k + (e - b) <= n; k++)
        own = (k == 0 || !(flags[k - 1] & SG_F_ALNUM)) && !memcmp(label + k, f->text + b, e - b) &&
              (k + (e - b) == n || !(flags[k + (e - b)] & SG_F_ALNUM));
    free(label);
    free(flags);
    return !own;
}

/* Where the particle before a surname at folded offset p starts ("de
 * Gaulle", "d'Harcourt"), the particle's word right before it; p when there
 * is none. */
static size_t particle_before(const sg_folded *f, size_t p)
{
    static const char *const particles[] = {"d", "de", "du"};
    /* (asked at every capital: most have no "d'", "de " or "du " before) */
    if (p < 2 || !((f->text[p - 1] == '\'' && f->text[p - 2] == 'd') ||
                   (f->text[p - 1] == ' ' && (f->text[p - 2] == 'e' || f->text[p - 2] == 'u'))))
        return p;
    size_t b, e;
    sg_word_before(f, p, 1, &b, &e);
    if (e == b || p - e > 1 || !sg_word_in(f->text + b, e - b, particles, 3))
        return p;
    return b;
}

/* The mention of person `who`'s surname at [p, end), with its particle when
 * the text writes the one of the person's name before it: "le général de
 * Gaulle" for Charles de Gaulle. */
static size_t with_particle(const sg_matcher *m, const sg_folded *f, size_t p, uint32_t who)
{
    size_t b = particle_before(f, p);
    if (b == p)
        return p;
    /* the label's particle: " de ", " du ", " d'" or " d’" */
    const char *label = m->gaz->ents[who].label;
    size_t wn = 0;
    while (b + wn < p && (f->flags[b + wn] & SG_F_ALNUM))
        wn++;
    for (const char *q = strstr(label, " "); q; q = strchr(q + 1, ' '))
        if (!strncasecmp(q + 1, f->text + b, wn) &&
            (q[1 + wn] == ' ' || q[1 + wn] == '\'' || !strncmp(q + 1 + wn, "\xe2\x80\x99", 3)))
            return b;
    return p;
}

/* Is the word before folded offset p, across spaces and a full stop, a title
 * that the press puts before a surname alone? TITLE_OFFICE for an office or
 * a chair ("le professeur Raoult", "le Pr. Raoult", "le président
 * Muselier"), TITLE_CIVILITY for a civility or "docteur" ("M. Castel",
 * "monsieur Gaudin", "le docteur Mesnier"), which name anyone as often
 * (sg_resolve_titles asks more of them); 0 for none. */
enum { TITLE_OFFICE = 1, TITLE_CIVILITY = 2, TITLE_PLURAL = 4 };
static const char *const offices[] = {
    "depute",  "deputee",   "general",    "maire",      "ministre",    "pr",       "prefet",
    "prefete", "president", "presidente", "professeur", "professeure", "senateur", "senatrice"};
#define NOFFICES (sizeof(offices) / sizeof(*offices))
static int title_before(const sg_folded *f, size_t p)
{
    static const char *const civilities[] = {"docteur", "dr", "madame", "m", "mme", "monsieur"};
    /* in the plural, before two people: "les professeurs Joyeux et Montagnier" */
    static const char *const plurals[] = {"docteurs", "drs",  "mesdames", "messieurs",
                                          "mm",       "mmes", "prs",      "professeurs"};
    while (p > 0 && f->text[p - 1] == ' ')
        p--;
    if (p > 0 && f->text[p - 1] == '.')
        p--;
    /* (asked at every capital: most words before one end otherwise; the
       bytes of strchr("elrtm", c) tested inline, its calls were 16M
       instructions of the sparse bench run) */
    char c = p ? f->text[p - 1] : 0;
    if (p == 0 || !(c == 'e' || c == 'l' || c == 'r' || c == 't' || c == 'm' || c == 's'))
        return 0;
    /* (the plurals end in -rs, -mes: not "les", "des" before most capitals) */
    if (c == 's' &&
        !(p >= 3 && (f->text[p - 2] == 'r' || (f->text[p - 2] == 'e' && f->text[p - 3] == 'm'))))
        return 0;
    size_t b, e;
    sg_word_before(f, p, 0, &b, &e);
    if (e != p || e == b)
        return 0;
    if (sg_word_in(f->text + b, e - b, offices, NOFFICES))
        return TITLE_OFFICE;
    if (sg_word_in(f->text + b, e - b, civilities, sizeof(civilities) / sizeof(*civilities)))
        return TITLE_CIVILITY;
    if (sg_word_in(f->text + b, e - b, plurals, sizeof(plurals) / sizeof(*plurals)))
        return TITLE_CIVILITY | TITLE_PLURAL;
    return 0;
}

/* Is folded t[0, n) one of the commonest surnames of France (INSEE's births
 * 1891-1990), which a civility before it names anyone's ("Mme Durand, 82 ans")
 * rather than the gazetteers' one bearer? The first names among them are
 * refused already (sg_first_name_word). Sorted. */
static int common_surname(const char *t, size_t n)
{
    static const char *const common[] = {
        "arnaud",    "aubert",   "aubry",     "barbier",    "baron",     "barre",    "benard",
        "berger",    "bertin",   "besson",    "blanc",      "blanchard", "boucher",  "bouchet",
        "bourgeois", "boyer",    "breton",    "brun",       "brunet",    "caron",    "carpentier",
        "carre",     "chauvin",  "chevalier", "chevallier", "colin",     "collet",   "collin",
        "cordier",   "cousin",   "da silva",  "delaunay",   "deschamps", "dubois",   "dufour",
        "dumas",     "dumont",   "dupont",    "dupuis",     "dupuy",     "durand",   "duval",
        "fabre",     "faure",    "fernandez", "fleury",     "fontaine",  "fournier", "garcia",
        "garnier",   "gauthier", "gautier",   "gerard",     "gillet",    "girard",   "giraud",
        "gonzalez",  "guerin",   "guillot",   "guyot",      "hamon",     "henry",    "hoarau",
        "huet",      "joly",     "lacroix",   "lambert",    "langlois",  "laporte",  "lebrun",
        "leclerc",   "leclercq", "lecomte",   "lefebvre",   "lefevre",   "legrand",  "lemaire",
        "lemoine",   "leroux",   "leroy",     "lopez",      "maillard",  "marchal",  "marchand",
        "marechal",  "martin",   "martinez",  "marty",      "masson",    "menard",   "mercier",
        "meunier",   "meyer",    "michaud",   "millet",     "monnier",   "moreau",   "morel",
        "morin",     "moulin",   "muller",    "noel",       "perez",     "perret",   "perrier",
        "perrin",    "perrot",   "petit",     "picard",     "pichon",    "poirier",  "renard",
        "renaud",    "rey",      "richard",   "riviere",    "robin",     "roche",    "rodriguez",
        "roger",     "rolland",  "rousseau",  "roussel",    "roux",      "roy",      "royer",
        "sanchez",   "schmitt",  "schneider", "vasseur",    "vidal",     "weber"};
    size_t lo = 0, hi = sizeof(common) / sizeof(*common); /* (asked of every civility) */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2, cl = strlen(common[mid]);
        int c = memcmp(common[mid], t, cl < n ? cl : n);
        if (!c)
            c = (cl > n) - (cl < n);
        if (!c)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* Does a civility name someone else than `who` (surname at folded [p, end)):
 * a person found in the corpus (SPEC §4: read only in the document that
 * names them, as found people are), a common surname, a surname that is an
 * office ("Monsieur Le Maire"), or one the document gives another first name
 * ("Pierre Roux ... M. Roux")? */
static int civility_other(const sg_matcher *m, const sg_folded *f, size_t p, size_t end,
                          uint32_t who)
{
    if (m->gaz->ents[who].found || common_surname(f->text + p, end - p))
        return 1;
    /* (the document's other mentions, looked at once a person: below) */
    for (size_t w = p; w < end;) {
        size_t we = w;
        while (we < end && (f->flags[we] & SG_F_ALNUM))
            we++;
        if (sg_word_in(f->text + w, we - w, offices, NOFFICES))
            return 1;
        w = we;
        while (w < end && !(f->flags[w] & SG_F_ALNUM))
            w++;
    }
    for (const char *q = f->text;
         (q = memmem(q, f->len - (size_t)(q - f->text), f->text + p, end - p)) != NULL; q++) {
        size_t at = (size_t)(q - f->text);
        if (at != p && (at == 0 || !(f->flags[at - 1] & SG_F_ALNUM)) &&
            (at + (end - p) == f->len || !(f->flags[at + (end - p)] & SG_F_ALNUM)) &&
            !title_before(f, at) && other_first_name(m, f, at, who))
            return 1;
    }
    return 0;
}

/* Is the title before folded offset q part of a street's or a building's
 * name: "avenue du Général de Gaulle", "place Général Leclerc" (the title
 * and the name after it name the street, not the person)? */
static int title_named_after(const sg_folded *f, size_t q)
{
    size_t b, e;
    while (q > 0 && (f->text[q - 1] == ' ' || f->text[q - 1] == '.'))
        q--;
    sg_word_before(f, q, 0, &b, &e);
    if (e == b || sg_named_after(f, b))
        return e > b;
    sg_word_before(f, b, 1, &b, &e); /* "du", "de la" */
    if (b < e && (sg_word_is(f->text + b, e - b, "la") || sg_word_is(f->text + b, e - b, "l")))
        sg_word_before(f, b, 0, &b, &e);
    return b < e && sg_of_word(f->text + b, e - b) && sg_named_after(f, b);
}

int sg_resolve_surnames(const sg_matcher *m, const sg_folded *f, sg_hits *h)
{
    size_t person = 0; /* surnames are only looked for after a person is named */
    while (person < h->n && !sg_is_person(m, h->v[person].entity))
        person++;
    if (person == h->n)
        return 0;
    people_seen ps = {{0}, {0}};
    sg_hits add = {0};
    int rc = 0;
    size_t k = 0; /* next hit not yet passed */
    for (size_t p = 0; p < f->len && !rc; p++) {
        while (k < h->n && h->v[k].fs <= p) {
            if (sg_is_person(m, h->v[k].entity) && (rc = see(m, &ps, h->v[k].entity)))
                break;
            p = p < h->v[k].fe ? h->v[k].fe : p;
            k++;
        }
        if (rc || p >= f->len)
            break;
        if (!(f->flags[p] & SG_F_UPPER) || (p > 0 && (f->flags[p - 1] & SG_F_ALNUM)) ||
            !ps.seen.n) {
            /* on to the next capital starting a word, or the next hit */
            size_t lim = k < h->n ? h->v[k].fs : f->len, q = p + 1;
            if (ps.seen.n)
                q = sg_next_capital(f, q, lim);
            else
                q = lim > q ? lim : q;
            p = q - 1;
            continue;
        }
        uint32_t who = SG_TRIE_NONE;
        size_t end = surname_at(m, f, p, &ps.bearers, &who);
        size_t start = end ? with_particle(m, f, p, who) : p; /* ("la place de Gaulle") */
        if (end && (k >= h->n || h->v[k].fs >= end) && !sg_named_after(f, first_name_start(f, p)) &&
            !sg_named_after(f, start) && !(title_before(f, start) && title_named_after(f, start)) &&
            !other_first_name(m, f, p, who)) {
            rc = sg_hits_push(&add, start, end, who, SG_HIT_SURNAME);
            p = end - 1;
        }
    }
    if (!rc && add.n)
        rc = sg_hits_merge(h, &add);
    free(ps.seen.v);
    free(ps.bearers.v);
    sg_hits_free(&add);
    return rc;
}

/* The one person of the gazetteers whose surname, the longest, is at folded
 * offset p, or SG_TRIE_NONE; *end: the surname's end. Not a first name ("le
 * docteur Martin"), nor before a capitalised word (a longer name). */
static uint32_t bearer_at(const sg_matcher *m, const sg_folded *f, size_t p, size_t *end)
{
    uint32_t node = sg_trie_root(m->surnames), who = SG_TRIE_NONE;
    size_t j = p, e;
    *end = 0;
    while ((e = sg_surname_step(m, f, &j, &node))) {
        uint32_t h, v = sg_trie_first(m->surnames, node, &h);
        if (v != SG_TRIE_NONE) {
            who = sg_trie_next(m->surnames, &h) == SG_TRIE_NONE ? v : SG_TRIE_NONE;
            *end = e;
        }
    }
    if (who == SG_TRIE_NONE || sg_first_name_word(f->text + p, *end - p))
        return SG_TRIE_NONE;
    size_t q = *end;
    while (q < f->len && f->text[q] == ' ')
        q++;
    return q < f->len && q > *end && (f->flags[q] & SG_F_UPPER) ? SG_TRIE_NONE : who;
}

/* The civilities' answers for the document's people, asked once each (a
 * text says "M. Millet" again and again): civility_other's. */
typedef struct {
    uint32_t who[8];
    unsigned char other[8];
    unsigned n;
} civility_memo;

static int memo_other(const sg_matcher *m, const sg_folded *f, civility_memo *c, size_t start,
                      size_t end, uint32_t who)
{
    unsigned i = 0;
    while (i < c->n && c->who[i] != who)
        i++;
    if (i < c->n)
        return c->other[i];
    int other = civility_other(m, f, start, end, who);
    if (c->n < sizeof(c->who) / sizeof(*c->who)) {
        c->who[c->n] = who;
        c->other[c->n++] = (unsigned char)other;
    }
    return other;
}

/* The end of the word at folded offset p. */
static size_t word_end(const sg_folded *f, size_t p)
{
    while (p < f->len && (f->flags[p] & SG_F_ALNUM))
        p++;
    return p;
}

/* The second surname after a title in the plural and the first surname
 * ending at `end`, "et" or a comma between them ("les professeurs Joyeux et
 * Montagnier"): its start, or 0. */
static size_t second_after(const sg_folded *f, size_t end)
{
    size_t q = end;
    while (q < f->len && f->text[q] == ' ')
        q++;
    if (q + 3 < f->len && f->text[q] == 'e' && f->text[q + 1] == 't' && f->text[q + 2] == ' ')
        q += 3;
    else if (q < f->len && f->text[q] == ',')
        q++;
    else
        return 0;
    while (q < f->len && f->text[q] == ' ')
        q++;
    return q < f->len && q > end && (f->flags[q] & SG_F_UPPER) ? q : 0;
}

int sg_resolve_titles(const sg_matcher *m, const sg_folded *f, sg_hits *h)
{
    sg_hits add = {0};
    int rc = 0;
    civility_memo memo = {{0}, {0}, 0};
    size_t k = 0; /* next hit not yet passed */
    for (size_t p = sg_next_capital(f, 1, f->len); p < f->len && !rc;
         p = sg_next_capital(f, p + 1, f->len)) {
        while (k < h->n && h->v[k].fe <= p)
            k++;
        if (k < h->n && h->v[k].fs <= p) {
            p = h->v[k].fe - 1; /* on past the hit */
            continue;
        }
        size_t b = particle_before(f, p);
        int direct = title_before(f, p), title = direct ? direct : b == p ? 0 : title_before(f, b);
        if (!title)
            continue;
        size_t end;
        uint32_t who = bearer_at(m, f, p, &end);
        size_t start = who == SG_TRIE_NONE ? p : with_particle(m, f, p, who);
        if (who != SG_TRIE_NONE &&
            ((k < h->n && h->v[k].fs < end) || !(b == p || direct || start == b) ||
             title_named_after(f, direct ? p : b) ||
             ((title & TITLE_CIVILITY) && memo_other(m, f, &memo, start, end, who))))
            who = SG_TRIE_NONE;
        if (who != SG_TRIE_NONE)
            rc = sg_hits_push(&add, start, end, who, SG_HIT_SURNAME);
        if (!(title & TITLE_PLURAL))
            continue;
        /* the title in the plural: the people named next too, each judged on
           its own ("Mmes Vasseur et Delorme": Delorme though Vasseur is
           anyone's), up to the list's end */
        if (who == SG_TRIE_NONE)
            end = word_end(f, p);
        for (int n = 0; n < 6 && !rc; n++) {
            size_t p2 = second_after(f, end), end2;
            if (!p2)
                break;
            uint32_t who2 = bearer_at(m, f, p2, &end2);
            if (who2 == SG_TRIE_NONE)
                end2 = word_end(f, p2);
            while (k < h->n && h->v[k].fe <= p2)
                k++;
            if (who2 != SG_TRIE_NONE && !(k < h->n && h->v[k].fs < end2) &&
                !memo_other(m, f, &memo, p2, end2, who2))
                rc = sg_hits_push(&add, p2, end2, who2, SG_HIT_SURNAME);
            end = end2;
            p = end2 - 1;
        }
    }
    if (!rc && add.n)
        rc = sg_hits_merge(h, &add);
    sg_hits_free(&add);
    return rc;
}

/* The first names, one word or two ("Pierre-François", folded apart), that
 * end at folded offset e; their start, or e when none. */
static size_t first_names_before(const sg_folded *f, size_t e)
{
    size_t b, we, b2, e2;
    sg_word_before(f, e, 0, &b, &we);
    if (b == e || we != e || !(f->flags[b] & SG_F_UPPER) || !sg_first_name_word(f->text + b, e - b))
        return e;
    sg_word_before(f, b, 0, &b2, &e2); /* (one space between) */
    if (b2 < e2 && e2 + 1 == b && (f->flags[b2] & SG_F_UPPER) &&
        sg_first_name_word(f->text + b2, e2 - b2))
        return b2;
    return b;
}

int sg_resolve_shared_surnames(const sg_matcher *m, const sg_folded *f, sg_hits *h)
{
    sg_hits add = {0};
    int rc = 0;
    for (size_t k = 0; k < h->n && !rc; k++) {
        const sg_hit *x = &h->v[k];
        if (x->fs < 6 || !sg_is_person(m, x->entity) || memcmp(f->text + x->fs - 4, " et ", 4))
            continue;
        size_t e = x->fs - 4, b = first_names_before(f, e), s0, se;
        sg_word_before(f, x->fe, 0, &s0, &se); /* the surname: the mention's last word */
        if (b == e || s0 == x->fs || (b > 0 && (f->flags[b - 1] & SG_F_ALNUM)) ||
            (k > 0 && h->v[k - 1].fe > b) || (e - b) + 1 + (x->fe - s0) > 96)
            continue;
        char key[97];
        size_t kn = e - b;
        memcpy(key, f->text + b, kn);
        key[kn++] = ' ';
        memcpy(key + kn, f->text + s0, x->fe - s0);
        kn += x->fe - s0;
        uint32_t v = sg_alias_named(m, key, kn, 0);
        uint32_t who = v == SG_TRIE_NONE ? SG_TRIE_NONE : m->aliases[v].entity;
        if (who != SG_TRIE_NONE && who != x->entity && sg_is_person(m, who))
            rc = sg_hits_push(&add, b, e, who, SG_HIT_SURNAME);
    }
    if (!rc && add.n)
        rc = sg_hits_merge(h, &add);
    sg_hits_free(&add);
    return rc;
}
