/* Towns by the short name the press gives them (variant "function-words"):
 * a commune's name cut before its first linking word, "Digne" for
 * Digne-les-Bains, "La Seyne" for La Seyne-sur-Mer, "Port-Saint-Louis" for
 * Port-Saint-Louis-du-Rhône. A short name is read only capitalised and right
 * after a cue ("à Digne", "maire de Digne": the place's guard "cue"), and
 * for no entity when it is another name already or two towns share it
 * ("Saint-Laurent"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "variants_int.h"

/* A town with a short name: its label's first n bytes. Its folded key is in
 * a buffer of all the keys (at key_off; key set once the buffer is whole):
 * two names of SKEL_MAX bytes a town made 4 MB of records for the bench's
 * 100,000 entries, a thousand pages faulted in at the end of the making. */
typedef struct {
    uint32_t entity, n, kn, key_off;
    const char *key;
} town;

/* A first word that is no town's short name: departments and regions
 * ("Alpes-de-Haute-Provence", "Bouches-du-Rhône", "Côtes-d'Armor",
 * "Hauts-de-Seine", "Val-d'Oise", "Île-de-France", "Alpes-Maritimes",
 * "Hautes-Alpes", "Nouvelle-Aquitaine", "Royaume-Uni"); common nouns,
 * capitalised in a name after "du" ("le déclenchement du Plan blanc" is no
 * Plan-de-Cuques, "du Port autonome" no Port-de-Bouc, "du CAP 72", a
 * reception centre, no Cap-d'Ail), or in lower case everywhere ("à cheval",
 * "de garde", "l'Étoile"); and the first words of many names
 * ("Château-Arnoux-Saint-Auban", "Villeneuve-Loubet"). */
static int no_short(const char *name, size_t n)
{
    static const char *const not [] = {
        "Alpes",   "Basse",        "Basses",     "Bois",  "Bouches", "Bourg",  "Cap",
        "Château", "Cheval",       "Côtes",      "Deux",  "Etats",   "Etoile", "Forest",
        "Fox",     "Frais",        "Garde",      "Golfe", "Grand",   "Grande", "Haut",
        "Haute",   "Hautes",       "Hauts",      "Iles",  "Mas",     "Mont",   "Moyen",
        "Neuf",    "Notre",        "Nouvelle",   "Pays",  "Petit",   "Petite", "Plan",
        "Pont",    "Port",         "Royaume",    "Saint", "Sainte",  "Serre",  "Val",
        "Vieux",   "Villefranche", "Villeneuve", "États", "Étoile",  "Île",    "Îles"};
    for (size_t k = 0; k < sizeof(not ) / sizeof(*not ); k++)
        if (strlen(not [k]) == n && !memcmp(name, not [k], n))
            return 1;
    return 0;
}

/* A commune of two names joined ("Laragne-Montéglin", "Puget-Théniers",
 * "Moustiers-Sainte-Marie"), the press writing the first alone ("à
 * Laragne", "maire de Moustiers"): the first name's length, or 0; not one
 * that goes on with more than a name ("Provence-Alpes-Côte d'Azur",
 * "Ille-et-Vilaine"). */
static size_t joined_short(const char *name)
{
    const char *d = strchr(name, '-');
    if (!d || memchr(name, ' ', (size_t)(d - name)))
        return 0;
    const char *rest = d + 1;
    if (!strncmp(rest, "Saint-", 6))
        rest += 6;
    else if (!strncmp(rest, "Sainte-", 7))
        rest += 7;
    unsigned char c = (unsigned char)rest[0];
    if (strpbrk(rest, "- '") || strstr(rest, "\xe2\x80\x99") ||
        !((c >= 'A' && c <= 'Z') || c >= 0xC3))
        return 0;
    return (size_t)(d - name);
}

int sg_town_link(const char *t, size_t n)
{
    /* folded, and "lès" as written (lower case in a name: "Martigues",
       "Aix-en-Provence", "Villeneuve-lès-Avignon") */
    static const char *const links[] = {"aux", "de",  "des", "du",         "en",   "la",
                                        "le",  "les", "lez", "l\xc3\xa8s", "sous", "sur"};
    return sg_word_in(t, n, links, sizeof(links) / sizeof(*links));
}

/* n, when name[0, n) may be a town's short name: three bytes or more, less
 * than a skeleton, no first word of no_short's; else 0 (most names: no
 * short name, no list to read). */
static size_t usable_short(const char *name, size_t n)
{
    return n >= 3 && n < SKEL_MAX && !no_short(name, n) ? n : 0;
}

size_t sg_town_short(const char *name)
{
    /* the first dash that starts a link: a linking word between dashes, or
       "d'" after one (asked of every place's name) */
    size_t best = 0;
    for (const char *p = strchr(name, '-'); p && !best; p = strchr(p + 1, '-')) {
        const char *w = p + 1;
        size_t n = strcspn(w, "-");
        if ((n > 0 && w[n] == '-' && sg_town_link(w, n)) ||
            (w[0] == 'd' && (w[1] == '\'' || !strncmp(w + 1, "\xe2\x80\x99", 3))))
            best = (size_t)(p - name);
    }
    return usable_short(name, best);
}

/* A place's short name: its name without the brackets that qualify it
 * (sg_before_qualifier, "Gambetta (Nice)": read so after a cue when the
 * variant "qualifiers" is off, which reads it everywhere), with its link
 * (sg_town_short), or the first of two joined names (joined_short, a place's
 * own name only: at the end of a body's name "Paoli-Calmettes" is a
 * person's). */
static size_t place_short(const char *name)
{
    size_t n = sg_before_qualifier(name);
    if (n)
        return n >= 3 && n < SKEL_MAX ? n : 0;
    n = sg_town_short(name);
    return n ? n : usable_short(name, joined_short(name));
}

static int cmp_town(const void *a, const void *b)
{
    const town *x = a, *y = b;
    int c = x->kn != y->kn ? (x->kn < y->kn ? -1 : 1) : memcmp(x->key, y->key, x->kn);
    return c ? c : (x->entity > y->entity) - (x->entity < y->entity);
}

/* The places' towns with a short name, sorted by key (NULL and *nv 0 when
 * none); *keys holds their keys. */
static int collect_towns(const sg_matcher *m, sg_folded *scratch, town **out, size_t *nv,
                         char **keys)
{
    town *v = NULL;
    size_t cap = 0, used = 0, kcap = 0;
    int rc = 0;
    *nv = 0;
    for (size_t e = 0; e < m->gaz->n && !rc; e++) {
        const sg_entity *ent = &m->gaz->ents[e];
        if (!m->is_place[e] || ent->guard || !(m->allowed[e] & SG_VARIANT_FUNCTION_WORDS))
            continue;
        const char *label = ent->label;
        size_t n = place_short(label);
        if (!n || label[0] == '=' || label[0] == '!')
            continue;
        const char *t = NULL;
        const unsigned char *fl = NULL;
        size_t kn = 0;
        if ((rc = sg_fold_name_in(scratch, label, n, &t, &fl, &kn)))
            break;
        if (kn < 3 || kn >= SKEL_MAX)
            continue;
        if (used + kn > UINT32_MAX) {
            rc = SG_ERR_LIMIT;
            break;
        }
        if ((rc = sg_grow((void **)&v, &cap, *nv + 1, sizeof(town))) ||
            (rc = sg_grow((void **)keys, &kcap, used + kn, 1)))
            break;
        memcpy(*keys + used, t, kn);
        v[(*nv)++] = (town){(uint32_t)e, (uint32_t)n, (uint32_t)kn, (uint32_t)used, NULL};
        used += kn;
    }
    for (size_t i = 0; i < *nv && !rc; i++)
        v[i].key = *keys + v[i].key_off;
    if (!rc && *nv)
        qsort(v, *nv, sizeof(town), cmp_town);
    *out = v;
    return rc;
}

/* "Saint-Vallier" as "St-Vallier", "Sainte-Maxime" as "Ste-Maxime", into
 * out[size]; 0 for a name that starts with neither. */
static int saint_abbreviated(const char *name, char *out, size_t size)
{
    static const char *const saints[][2] = {{"Saint-", "St-"}, {"Sainte-", "Ste-"}};
    for (size_t k = 0; k < 2; k++) {
        size_t n = strlen(saints[k][0]);
        if (!strncmp(name, saints[k][0], n) && strlen(name) - n + 4 < size) {
            snprintf(out, size, "%s%s", saints[k][1], name + n);
            return 1;
        }
    }
    return 0;
}

int sg_towns_add(sg_matcher *m, sg_folded *scratch)
{
    town *v = NULL;
    char *keys = NULL;
    size_t nv = 0;
    int rc = collect_towns(m, scratch, &v, &nv, &keys);
    for (size_t i = 0; i < nv && !rc;) {
        size_t j = i + 1;
        while (j < nv && v[j].kn == v[i].kn && !memcmp(v[j].key, v[i].key, v[i].kn))
            j++;
        if (j == i + 1 && sg_alias_named(m, v[i].key, v[i].kn, 0) == SG_TRIE_NONE) {
            char name[SKEL_MAX]; /* (n < SKEL_MAX: place_short) */
            memcpy(name, m->gaz->ents[v[i].entity].label, v[i].n);
            name[v[i].n] = '\0';
            size_t first = m->naliases;
            rc = sg_matcher_add_alias(m, scratch, v[i].entity, name, SG_GUARD_CUE);
            /* and abbreviated as the press does: "maire de St Vallier" */
            char st[SKEL_MAX + 1];
            if (!rc && saint_abbreviated(name, st, sizeof(st)))
                rc = sg_matcher_add_alias(m, scratch, v[i].entity, st, SG_GUARD_CUE);
            for (size_t a = first; !rc && a < m->naliases; a++)
                m->aliases[a].guard |= SG_ALIAS_DERIVED;
        }
        i = j;
    }
    free(v);
    free(keys);
    return rc;
}
