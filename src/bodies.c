/* Local authorities named by their kind alone (variant "heads"): "la
 * Région", "le Département", "la Métropole", "le conseil départemental",
 * "l'Agglomération", "la Ville", "la préfecture" for the one body of that
 * kind the document names, or else for the gazetteer's only body of that
 * kind. The press names a region's or a department's council so once the
 * article has said which one, and a regional gazetteer often lists one. A
 * department's council is also named by its letters and the department's
 * number: "le CD13", "le CG 06". */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sg_internal.h"
#include "variants_int.h"

/* The folded beginnings of a body's name, by kind (SG_BODY_*). */
static const struct {
    const char *start;
    unsigned char kind;
} names[] = {{"region ", SG_BODY_REGION},
             {"conseil regional ", SG_BODY_REGION},
             {"departement ", SG_BODY_DEPARTMENT},
             {"conseil departemental ", SG_BODY_DEPARTMENT},
             {"conseil general ", SG_BODY_DEPARTMENT},
             {"metropole ", SG_BODY_METROPOLE},
             {"communaute d'agglomeration ", SG_BODY_AGGLOMERATION},
             {"communaute d agglomeration ", SG_BODY_AGGLOMERATION},
             {"agglomeration ", SG_BODY_AGGLOMERATION},
             {"ville de ", SG_BODY_CITY},
             {"ville d'", SG_BODY_CITY},
             {"ville d ", SG_BODY_CITY},
             {"conseil municipal ", SG_BODY_CITY},
             {"mairie de ", SG_BODY_CITY},
             {"mairie d'", SG_BODY_CITY},
             {"mairie d ", SG_BODY_CITY},
             /* (a town whose name starts with "Le", "Les": "Mairie du Pradet") */
             {"ville du ", SG_BODY_CITY},
             {"ville des ", SG_BODY_CITY},
             {"mairie du ", SG_BODY_CITY},
             {"mairie des ", SG_BODY_CITY},
             {"prefecture ", SG_BODY_PREFECTURE},
             {"service d'aide medicale urgente ", SG_BODY_SAMU},
             {"service d aide medicale urgente ", SG_BODY_SAMU},
             {"samu ", SG_BODY_SAMU},
             {"service departemental d'incendie et de secours ", SG_BODY_SDIS},
             {"service departemental d incendie et de secours ", SG_BODY_SDIS},
             {"sdis ", SG_BODY_SDIS},
             {"caisse primaire d'assurance maladie ", SG_BODY_CPAM},
             {"caisse primaire d assurance maladie ", SG_BODY_CPAM},
             /* the Bouches-du-Rhône's, whose press drops "centrale" */
             {"caisse primaire centrale d'assurance maladie ", SG_BODY_CPAM},
             {"caisse primaire centrale d assurance maladie ", SG_BODY_CPAM},
             {"cpam ", SG_BODY_CPAM},
             {"centre communal d'action sociale ", SG_BODY_CCAS},
             {"centre communal d action sociale ", SG_BODY_CCAS},
             {"ccas ", SG_BODY_CCAS},
             {"groupement hospitalier de territoire ", SG_BODY_GHT},
             {"ght ", SG_BODY_GHT},
             {"centre hospitalier universitaire ", SG_BODY_CHU},
             {"centre hospitalier regional universitaire ", SG_BODY_CHU},
             {"chu ", SG_BODY_CHU},
             {"centre hospitalier intercommunal ", SG_BODY_CHI},
             {"chi ", SG_BODY_CHI}};

/* The words that name a body by its kind in a text. `capital`: only written
 * with a capital ("la région" in lower case is the territory; "le conseil
 * départemental" is the body in either case). */
static const struct {
    const char *words;
    size_t n, first; /* all its bytes; its first word's */
    unsigned char kind, capital;
} kinds[] = {{"conseil regional", 16, 7, SG_BODY_REGION, 0},
             {"region", 6, 6, SG_BODY_REGION, 1},
             {"conseil departemental", 21, 7, SG_BODY_DEPARTMENT, 0},
             {"conseil general", 15, 7, SG_BODY_DEPARTMENT, 0},
             {"departement", 11, 11, SG_BODY_DEPARTMENT, 1},
             {"metropole", 9, 9, SG_BODY_METROPOLE, 1},
             {"communaute d'agglomeration", 26, 10, SG_BODY_AGGLOMERATION, 0},
             {"agglomeration", 13, 13, SG_BODY_AGGLOMERATION, 1},
             {"agglo", 5, 5, SG_BODY_AGGLOMERATION, 1},
             {"ville", 5, 5, SG_BODY_CITY, 1},
             {"conseil municipal", 17, 7, SG_BODY_CITY, 1},
             {"prefecture", 10, 10, SG_BODY_PREFECTURE, 0},
             {"samu", 4, 4, SG_BODY_SAMU, 1},
             {"centre 15", 9, 6, SG_BODY_SAMU, 1}, /* its call centre, the 15 */
             {"sdis", 4, 4, SG_BODY_SDIS, 1},
             {"caisse primaire d'assurance maladie", 35, 6, SG_BODY_CPAM, 1},
             {"cpam", 4, 4, SG_BODY_CPAM, 1},
             {"centre communal d'action sociale", 32, 6, SG_BODY_CCAS, 0},
             {"ccas", 4, 4, SG_BODY_CCAS, 1},
             {"ght", 3, 3, SG_BODY_GHT, 1},
             {"chu", 3, 3, SG_BODY_CHU, 1},
             {"chi", 3, 3, SG_BODY_CHI, 1}};
#define NKINDS (sizeof(kinds) / sizeof(*kinds))

int sg_fold_label(const sg_matcher *m, sg_folded *scratch, uint32_t entity, const char **t,
                  size_t *n)
{
    const char *label = m->gaz->ents[entity].label;
    const unsigned char *fl = NULL;
    label += label[0] == '!' || label[0] == '=';
    return sg_fold_name_in(scratch, label, strlen(label), t, &fl, n);
}

/* Does the folded text t[0, n) start with "social" ("le Samu social")? */
static int samu_social(const char *t, size_t n)
{
    return n >= 6 && !memcmp(t, "social", 6) && (n == 6 || t[6] == ' ');
}

/* The kind of body a folded name starts with (its words' length in *l). */
static unsigned char kind_of(const char *t, size_t n, size_t *l)
{
    for (size_t k = 0; k < sizeof(names) / sizeof(*names); k++) {
        if (!n || t[0] != names[k].start[0])
            continue; /* (the first letters compared before the lengths are measured) */
        *l = strlen(names[k].start);
        if (n > *l && !memcmp(t, names[k].start, *l))
            return names[k].kind;
    }
    return 0;
}

/* May the folding of `label` start with one of names[]? Its folding starts
 * with its leading ASCII letters in lower case, which must then start the
 * name too: most organisations' labels are not folded for nothing. */
static int may_start_kind(const char *label)
{
    size_t n = 0;
    while ((label[n] | 0x20) >= 'a' && (label[n] | 0x20) <= 'z')
        n++;
    for (size_t k = 0; k < sizeof(names) / sizeof(*names); k++) {
        size_t i = 0;
        while (i < n && names[k].start[i] == (label[i] | 0x20))
            i++;
        if (i == n)
            return 1;
    }
    return 0;
}

/* Does the label as written go on, after the kind's words (the folded
 * t[0, l)) and its function words, with a word in lower case: a council of a
 * domain, not of a territory ("Conseil départemental de la citoyenneté et de
 * l'autonomie du Var", "Préfecture de police des Bouches-du-Rhône"), but
 * for the words of a territory ("Préfecture de la région ...")? */
static int domain_after(const char *label, const char *t, size_t l)
{
    static const char *const fn[] = {"de", "d", "du", "des", "la", "le", "les", "l"};
    static const char *const territory[] = {"commune", "departement",   "d\xc3\xa9partement",
                                            "region",  "r\xc3\xa9gion", "ville"};
    size_t words = 0; /* the kind's words: a separator each, a space or an apostrophe */
    for (size_t i = 0; i < l; i++)
        words += t[i] == ' ' || t[i] == '\'';
    for (const char *p = label; *p;) {
        /* the word at p, to the next space or apostrophe (straight or curly) */
        size_t w = 0;
        while (p[w] && p[w] != ' ' && p[w] != '\'' && strncmp(p + w, "\xe2\x80\x99", 3))
            w++;
        int skip = words > 0;
        words -= skip;
        for (size_t k = 0; k < sizeof(fn) / sizeof(*fn) && !skip; k++)
            skip = strlen(fn[k]) == w && !strncasecmp(p, fn[k], w);
        if (!skip) {
            for (size_t k = 0; k < sizeof(territory) / sizeof(*territory); k++)
                if (strlen(territory[k]) == w && !strncmp(p, territory[k], w))
                    return 0;
            unsigned char c = (unsigned char)p[0];
            return (c >= 'a' && c <= 'z') || (c == 0xC3 && (unsigned char)p[1] >= 0xA0);
        }
        if (!p[w])
            return 0;
        p += w + ((unsigned char)p[w] == 0xE2 ? 3 : 1);
    }
    return 0;
}

int sg_bodies_add(sg_matcher *m, sg_folded *scratch, uint32_t entity)
{
    const char *label = m->gaz->ents[entity].label;
    if (m->is_person[entity] || m->is_place[entity] || !(m->allowed[entity] & SG_VARIANT_HEADS) ||
        !may_start_kind(label + (label[0] == '!' || label[0] == '=')))
        return 0;
    const char *t = NULL;
    size_t n = 0, l = 0;
    int rc = sg_fold_label(m, scratch, entity, &t, &n);
    unsigned char kind = rc ? 0 : kind_of(t, n, &l);
    /* "Conseil départemental de l'ordre des médecins du Var" is an order's
     * council, not the department's */
    for (size_t i = l; kind && i + 6 <= n && i < l + 8; i++)
        if (!memcmp(t + i, "ordre ", 6) && (i == 0 || t[i - 1] == ' ' || t[i - 1] == '\''))
            kind = 0;
    if (kind == SG_BODY_SAMU && samu_social(t + l, n - l))
        kind = 0; /* "Samu social de Marseille": a charity's */
    if (kind && domain_after(label + (label[0] == '!' || label[0] == '='), t, l))
        kind = 0;
    if (kind) {
        m->body_kind[entity] = kind;
        m->nbody_kinds++;
        /* the only one of its kind so far, or one of several */
        m->body_only[kind] = m->body_only[kind] == SG_TRIE_NONE ? entity : SG_BODY_SEVERAL;
    }
    return rc;
}

static int cmp_body(const void *a, const void *b)
{
    const body_rec *x = a, *y = b;
    return x->place != y->place ? (x->place < y->place ? -1 : 1)
                                : (x->entity > y->entity) - (x->entity < y->entity);
}

int sg_bodies_finish(sg_matcher *m, sg_folded *scratch)
{
    size_t dept_cap = 0;
    for (size_t e = 0; e < m->gaz->n; e++) {
        if (!m->body_kind[e])
            continue;
        const char *t = NULL;
        size_t n = 0, l = 0;
        if (sg_fold_label(m, scratch, (uint32_t)e, &t, &n))
            return SG_ERR_NOMEM;
        kind_of(t, n, &l);
        /* its territory: the rest of its name, a place's name maybe ("des
         * bouches du rhone" after "conseil departemental ") */
        const char *rest = t + l;
        size_t rn = n - l, w = 0;
        while (w < rn && rest[w] != ' ' && rest[w] != '\'')
            w++;
        /* (a town's own article stays: "Ville de La Seyne-sur-Mer") */
        if (w < rn && sg_function_word(rest, w) && sg_alias_named(m, rest, rn, 1) == SG_TRIE_NONE) {
            rest += w + 1;
            rn -= w + 1;
        }
        unsigned dept = sg_department_named(rest, rn);
        if (dept) {
            if (sg_grow((void **)&m->dept_bodies, &dept_cap, m->ndept_bodies + 1, sizeof(body_rec)))
                return SG_ERR_NOMEM;
            m->dept_bodies[m->ndept_bodies++] = (body_rec){dept, (uint32_t)e};
        }
        uint32_t alias = sg_alias_named(m, rest, rn, 1);
        char town[256]; /* "du pradet": the town "le pradet" */
        size_t an = l >= 4 && !memcmp(t + l - 4, " du ", 4)    ? 3
                    : l >= 5 && !memcmp(t + l - 5, " des ", 5) ? 4
                                                               : 0;
        if (alias == SG_TRIE_NONE && an && rest == t + l && an + rn <= sizeof(town)) {
            memcpy(town, an == 3 ? "le " : "les ", an);
            memcpy(town + an, rest, rn);
            alias = sg_alias_named(m, town, an + rn, 1);
        }
        if (alias == SG_TRIE_NONE)
            continue;
        uint32_t place = m->aliases[alias].entity;
        if (sg_grow((void **)&m->bodies, &m->bodies_cap, m->nbodies + 1, sizeof(body_rec)))
            return SG_ERR_NOMEM;
        m->bodies[m->nbodies++] = (body_rec){place, (uint32_t)e};
    }
    if (m->nbodies)
        qsort(m->bodies, m->nbodies, sizeof(body_rec), cmp_body);
    if (!m->ndept_bodies)
        return 0;
    qsort(m->dept_bodies, m->ndept_bodies, sizeof(body_rec), cmp_body);
    if (!(m->body_dept = calloc(m->gaz->n, 1)))
        return SG_ERR_NOMEM;
    for (size_t i = 0; i < m->ndept_bodies; i++)
        m->body_dept[m->dept_bodies[i].entity] = (unsigned char)m->dept_bodies[i].place;
    return 0;
}

/* Notes body e for a kind of the document: the first, or SG_BODY_SEVERAL. */
static void note(uint32_t *slot, uint32_t e)
{
    if (*slot != e)
        *slot = *slot == SG_TRIE_NONE ? e : SG_BODY_SEVERAL;
}

/* The first of the n bodies v (sorted by place) whose place is `place`, or
 * where it would be. */
static size_t first_of_place(const body_rec *v, size_t n, uint32_t place)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid].place < place)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Notes in placed[] the bodies of v (n, sorted by place) whose place is
 * `place`: a place entity in m->bodies, a department in m->dept_bodies. */
static void note_place(const sg_matcher *m, const body_rec *v, size_t n, uint32_t place,
                       uint32_t *placed)
{
    for (size_t i = first_of_place(v, n, place); i < n && v[i].place == place; i++)
        note(&placed[m->body_kind[v[i].entity]], v[i].entity);
}

int sg_party_at(const sg_folded *f, size_t b, size_t e)
{
    static const char *const parties[] = {"dvd",  "dvg",   "eelv", "fn",  "lfi", "lr",
                                          "lrem", "modem", "npa",  "pc",  "pcf", "prg",
                                          "ps",   "rn",    "rpr",  "udi", "ump"};
    return e > b && sg_all_upper(f, b, e) &&
           sg_word_in(f->text + b, e - b, parties, sizeof(parties) / sizeof(*parties));
}

/* Does a proper name follow the kind's words ending at p ("la Région
 * Occitanie", "le Département du Var")? Then the kind is part of another
 * body's name, one the gazetteer does not know. A party's acronym is no
 * name, nor a first name, a person's: "le président du Conseil régional LR",
 * "la présidente de la métropole Martine Vassal". */
static int name_follows(const sg_folded *f, const char *s, size_t p)
{
    if (p < f->len && s[f->src[p]] == '-')
        return 1; /* "Ville-la-Grand", "Région-Sud" */
    size_t p0 = p;
    while (p < f->len && f->text[p] == ' ')
        p++;
    if (p > p0 && p < f->len && memchr(s + f->src[p0], '\n', f->src[p] - f->src[p0]))
        return 0; /* a line's last word: the next line's first is no name of it */
    if (p < f->len && (f->flags[p] & SG_F_UPPER)) {
        size_t e = p;
        while (e < f->len && (f->flags[e] & SG_F_ALNUM))
            e++;
        /* (nor a person's title: "la présidente du Conseil départemental
           Madame X") */
        static const char *const titles[] = {"docteur",  "dr", "madame",     "mme",
                                             "monsieur", "mr", "professeur", "pr"};
        return !sg_party_at(f, p, e) && !sg_first_name_word(f->text + p, e - p) &&
               !sg_word_in(f->text + p, e - p, titles, sizeof(titles) / sizeof(*titles));
    }
    size_t e = p;
    while (e < f->len && (f->flags[e] & SG_F_ALNUM))
        e++;
    if (e == p || !sg_function_word(f->text + p, e - p) || f->text[p] != 'd')
        return 0;
    while (e < f->len && (f->text[e] == ' ' || f->text[e] == '\''))
        e++;
    return e < f->len && (f->flags[e] & SG_F_UPPER);
}

int sg_hotel_before(const sg_folded *f, size_t p)
{
    size_t b, e;
    sg_word_before(f, p, 1, &b, &e);
    if (e == b || (!sg_word_is(f->text + b, e - b, "de") && !sg_word_is(f->text + b, e - b, "du")))
        return 0;
    sg_word_before(f, b, 1, &b, &e);
    return sg_word_is(f->text + b, e - b, "hotel");
}

/* "sur le Département", "dans la Région", "en Région": the territory. */
static int territory_before(const sg_folded *f, size_t p)
{
    static const char *const where[] = {"sur", "dans", "en", "hors", "travers", "partout"};
    size_t b, e;
    sg_word_before(f, p, 1, &b, &e);
    if (e > b && (sg_word_is(f->text + b, e - b, "le") || sg_word_is(f->text + b, e - b, "la") ||
                  sg_word_is(f->text + b, e - b, "l")))
        sg_word_before(f, b, 1, &b, &e);
    return e > b && sg_word_in(f->text + b, e - b, where, sizeof(where) / sizeof(*where));
}

/* "la ministre de la Ville", "chargée de la Citoyenneté et de la Ville",
 * "la politique de la Ville": the Ville at p is a government's portfolio,
 * named by one of the eight words before it in the same clause; and "le
 * Contrat de Ville", the State's contract with a town's poor districts. */
static int portfolio_before(const sg_folded *f, size_t p)
{
    static const char *const holders[] = {"charge",    "chargee",    "delegue",
                                          "deleguee",  "ministere",  "ministre",
                                          "politique", "politiques", "secretaire"};
    static const char *const contracts[] = {"contrat", "contrats"};
    size_t b, e;
    sg_word_before(f, p, 1, &b, &e);
    if (sg_word_is(f->text + b, e - b, "de")) {
        sg_word_before(f, b, 1, &b, &e);
        if (sg_word_in(f->text + b, e - b, contracts, 2))
            return 1;
    }
    for (int w = 0; w < 8 && p > 0; w++, p = b) {
        sg_word_before(f, p, 1, &b, &e);
        if (e == b)
            return 0; /* punctuation: another clause */
        if (sg_word_in(f->text + b, e - b, holders, sizeof(holders) / sizeof(*holders)))
            return 1;
    }
    return 0;
}

/* "la ville préfecture", "la ville-préfecture": the town that is the seat
 * of a department's prefecture, no body. */
static int town_before(const sg_folded *f, size_t p)
{
    size_t b, e;
    sg_word_before(f, p, 1, &b, &e);
    return sg_word_is(f->text + b, e - b, "ville");
}

/* "un Samu", "une préfecture", "chaque Région": any body of the kind, no
 * one body. */
static int indefinite_before(const sg_folded *f, size_t p)
{
    static const char *const any[] = {"un", "une", "chaque", "aucun", "aucune"};
    size_t b, e;
    sg_word_before(f, p, 1, &b, &e);
    return e > b && sg_word_in(f->text + b, e - b, any, sizeof(any) / sizeof(*any));
}

/* Is the body's kind at p, in lower case, right after "et de la" and the
 * body read before, which ended at `last` ("du département et de la
 * métropole")? */
static int coordinated(const sg_folded *f, size_t p, size_t last)
{
    size_t b, e;
    sg_word_before(f, p, 1, &b, &e);
    if (e > b && (sg_word_is(f->text + b, e - b, "la") || sg_word_is(f->text + b, e - b, "l")))
        sg_word_before(f, b, 1, &b, &e);
    if (e == b || !sg_of_word(f->text + b, e - b))
        return 0;
    sg_word_before(f, b, 1, &b, &e);
    if (e == b || !sg_word_is(f->text + b, e - b, "et"))
        return 0;
    while (b > 0 && f->text[b - 1] == ' ')
        b--;
    return last != SIZE_MAX && b == last;
}

/* Is the hit an organisation's (not a place's nor a person's, nor a place
 * just read as its body's territory, whose entity is SG_TRIE_NONE)? */
static int is_org(const sg_matcher *m, const sg_hit *x)
{
    return x->entity != SG_TRIE_NONE && !sg_is_place(m, x->entity) && !sg_is_person(m, x->entity);
}

/* Is the body's words [p, end) in lower case coordinated with an
 * organisation the text names: after it and "et" or a comma ("l'ARS et le
 * département du Var"), or before one so, the sentence's subject ("Le
 * département des Alpes-Maritimes, la Ligue contre le cancer et ..."; "dans
 * le sud de la région, le Centre ..." is the territory)? Bodies listed with
 * bodies act with them; "le département" alone is the territory. `prev`:
 * the hit before p, or NULL; `next`: the first hit from `end` on, or NULL. */
static int beside_org(const sg_matcher *m, const sg_folded *f, size_t p, size_t end,
                      const sg_hit *prev, const sg_hit *next)
{
    static const char *const articles[] = {"l", "la", "le", "les"};
    size_t b, e;
    sg_word_before(f, p, 1, &b, &e);
    int article = e > b && sg_word_in(f->text + b, e - b, articles, 4);
    size_t as = b; /* the article's start */
    if (article) {
        size_t q = b;
        while (q > 0 && f->text[q - 1] == ' ')
            q--;
        if (q > 0 && f->text[q - 1] == ',')
            q--;
        else if (sg_word_before(f, q, 0, &b, &e), e == q && sg_word_is(f->text + b, e - b, "et"))
            q = b;
        else
            q = SIZE_MAX;
        while (q != SIZE_MAX && q > 0 && f->text[q - 1] == ' ')
            q--;
        if (q != SIZE_MAX && q > 0 && f->text[q - 1] == ')')
            q--; /* "l'Agence régionale de santé (ARS) et le département" */
        if (q != SIZE_MAX && prev && prev->fe == q && is_org(m, prev))
            return 1;
    }
    size_t q = as; /* the article opens the sentence */
    while (q > 0 && f->text[q - 1] == ' ')
        q--;
    if (!article || (q > 0 && !strchr(".!?:\n", f->text[q - 1])))
        return 0;
    q = end;
    while (q < f->len && f->text[q] == ' ')
        q++;
    if (q < f->len && f->text[q] == ',')
        q++;
    else if (q + 2 < f->len && !memcmp(f->text + q, "et ", 3))
        q += 3;
    else
        return 0;
    for (;;) { /* on past the spaces and an article */
        while (q < f->len && (f->text[q] == ' ' || f->text[q] == '\''))
            q++;
        size_t w = q;
        while (w < f->len && (f->flags[w] & SG_F_ALNUM))
            w++;
        if (w == q || !sg_word_in(f->text + q, w - q, articles, 4))
            break;
        q = w;
    }
    return next && next->fs == q && is_org(m, next);
}

/* The kind named at word start p ([p, *end)), its first word wl bytes long,
 * or 0. *lower: a kind read only with its capital, written in lower case. */
static unsigned char kind_at(const sg_folded *f, size_t p, size_t wl, size_t *end, int *lower)
{
    for (size_t k = 0; k < NKINDS; k++) {
        size_t l = kinds[k].n;
        if (wl != kinds[k].first || p + l > f->len || f->text[p] != kinds[k].words[0] ||
            memcmp(f->text + p, kinds[k].words, l) ||
            (p + l < f->len && (f->flags[p + l] & SG_F_ALNUM)))
            continue;
        if (kinds[k].kind == SG_BODY_SAMU && p + l + 1 < f->len &&
            samu_social(f->text + p + l + 1, f->len - p - l - 1))
            continue;
        /* an order's council: "le Conseil départemental de l'Ordre des
         * médecins" is no department's council */
        if (p + l + 11 <= f->len && !memcmp(f->text + p + l, " de l'ordre", 11))
            continue;
        *end = p + l;
        *lower = kinds[k].capital && !(f->flags[p] & SG_F_UPPER);
        return kinds[k].kind;
    }
    return 0;
}

/* The one body of kind `kind` among the n bodies v (sorted by place) whose
 * place is `place`, when the variant "heads" reads it; SG_TRIE_NONE when none
 * or several. */
static uint32_t only_body(const sg_matcher *m, const body_rec *v, size_t n, uint32_t place,
                          unsigned char kind)
{
    uint32_t one = SG_TRIE_NONE;
    for (size_t i = first_of_place(v, n, place); i < n && v[i].place == place; i++)
        if (m->body_kind[v[i].entity] == kind)
            note(&one, v[i].entity);
    return one == SG_BODY_SEVERAL || (one != SG_TRIE_NONE && !(m->allowed[one] & SG_VARIANT_HEADS))
               ? SG_TRIE_NONE
               : one;
}

/* Is x a place hit right after the kind's words ending at p and "de", "d'",
 * "du" or "des"? */
static int place_after_kind(const sg_matcher *m, const sg_folded *f, size_t p, const sg_hit *x)
{
    size_t b, e;
    if (!x || !sg_is_place(m, x->entity))
        return 0;
    sg_word_before(f, x->fs, 1, &b, &e);
    if (e == b || !sg_of_word(f->text + b, e - b))
        return 0;
    while (b > 0 && f->text[b - 1] == ' ')
        b--;
    return b == p;
}

/* The body of kind `kind` whose territory is place hit x, right after the
 * kind's words ending at p (place_after_kind: "le département du Var"), or
 * SG_TRIE_NONE. */
static uint32_t body_of_place(const sg_matcher *m, const sg_folded *f, size_t p, const sg_hit *x,
                              unsigned char kind)
{
    return place_after_kind(m, f, p, x) ? only_body(m, m->bodies, m->nbodies, x->entity, kind)
                                        : SG_TRIE_NONE;
}

/* Is `kind` a department's service that a town of the department names too
 * (a SAMU, a SDIS, a CPAM: "le Samu de Toulon" is the Var's)? */
static int town_service(unsigned char kind)
{
    return kind == SG_BODY_SAMU || kind == SG_BODY_SDIS || kind == SG_BODY_CPAM;
}

/* The department of a commune of the region named at folded offset p,
 * capitalised, before lim (the next hit), where the gazetteers in use have no
 * place ("le SAMU de Marseille" with a gazetteer of organisations): its end
 * in *end, or 0. */
static unsigned town_at(const sg_folded *f, size_t p, size_t lim, size_t *end)
{
    const unsigned char *fl = f->flags;
    if (p >= lim || !(fl[p] & SG_F_UPPER))
        return 0;
    size_t ends[4], n = 0; /* the ends of its first words, "Aix-en-Provence" */
    for (size_t q = p; n < 4;) {
        while (q < lim && (fl[q] & SG_F_ALNUM))
            q++;
        ends[n++] = q;
        if (q + 1 >= lim || (f->text[q] != ' ' && f->text[q] != '-') || !(fl[q + 1] & SG_F_ALNUM))
            break;
        q++;
    }
    while (n-- > 0) {
        unsigned d = sg_department_of(f->text + p, ends[n] - p);
        if (d) {
            *end = ends[n];
            return d;
        }
    }
    return 0;
}

/* Past the words at folded offset p, before lim, that link a name to the
 * one before it: "de", "d'", "du" (`of`), or a comma or "et" then optionally
 * those ("d'Avignon, Gap et de Toulon"). Returns where the next name starts,
 * or 0. */
static size_t past_link(const sg_folded *f, size_t p, size_t lim, int of)
{
    int joined = of, after_of = 0;
    while (p < lim) {
        size_t w = p;
        while (p < lim && (f->flags[p] & SG_F_ALNUM))
            p++;
        if (p > w) {
            if (!joined && sg_word_is(f->text + w, p - w, "et"))
                joined = 1;
            else if (joined && !after_of && sg_of_word(f->text + w, p - w))
                after_of = 1;
            else
                return joined && (after_of || !of) ? w : 0;
        } else if (f->text[p] == ',' && !joined) {
            joined = 1;
            p++;
        } else if (f->text[p] == ' ' || (f->text[p] == '\'' && after_of)) {
            p++;
        } else {
            return 0;
        }
    }
    return 0;
}

/* The department two digits at folded offset q name, the end of a word
 * ("13" in "la CPAM 13", "le CD13"): their end in *end, or 0. */
static unsigned department_number(const sg_folded *f, size_t q, size_t *end)
{
    const char *t = f->text;
    if (q + 2 > f->len || t[q] < '0' || t[q] > '9' || t[q + 1] < '0' || t[q + 1] > '9' ||
        (q + 2 < f->len && (f->flags[q + 2] & SG_F_ALNUM)))
        return 0;
    *end = q + 2;
    return sg_department_named(t + q, 2);
}

/* The department a number after folded offset p and a space names ("la CPAM
 * 13"); its end in *end, or 0. */
static unsigned number_at(const sg_folded *f, size_t p, size_t *end)
{
    return p < f->len && f->text[p] == ' ' ? department_number(f, p + 1, end) : 0;
}

/* The department's service of kind `kind` (a SAMU, a SDIS, a CPAM) of the
 * department its number names ("la CPAM 13"), or place hit x names or holds,
 * right after the kind's words ending at p ("le Samu du Var"; "le Samu de
 * Toulon", the Var's), or of the commune of the region named there
 * (town_at), or SG_TRIE_NONE. Where the name ends in *end. */
static uint32_t body_of_town(const sg_matcher *m, const sg_folded *f, size_t p, const sg_hit *x,
                             unsigned char kind, size_t *end)
{
    if (!m->ndept_bodies || !town_service(kind))
        return SG_TRIE_NONE;
    unsigned d = number_at(f, p, end);
    if (!d && place_after_kind(m, f, p, x)) {
        d = sg_department_of(f->text + x->fs, x->fe - x->fs);
        *end = x->fe;
    } else if (!d && (!x || x->fs > p)) {
        size_t q = past_link(f, p, x ? x->fs : f->len, 1);
        d = q ? town_at(f, q, x ? x->fs : f->len, end) : 0;
    }
    return d ? only_body(m, m->dept_bodies, m->ndept_bodies, d, kind) : SG_TRIE_NONE;
}

/* "les SAMU d'Avignon, Gap, Toulon et Marseille": after a department's
 * service in the plural named by a place, the places listed next (by hits
 * i..n of h, or by the communes of the region: town_at) name their
 * departments' services of that kind; a place whose department has none
 * stays a place, and the list goes on. *last: where the first place ends,
 * then where the list does. Returns 0 or SG_ERR_NOMEM. */
static int services_listed(const sg_matcher *m, const sg_folded *f, sg_hits *h, size_t i, size_t n,
                           size_t *last, unsigned char kind)
{
    for (;;) {
        size_t lim = i < n ? h->v[i].fs : f->len, end = 0, q = past_link(f, *last, lim + 1, 0);
        unsigned d = 0;
        if (!q)
            return 0;
        if (i < n && q == h->v[i].fs && sg_is_place(m, h->v[i].entity))
            d = sg_department_of(f->text + q, (end = h->v[i].fe) - q);
        else if (q < lim)
            d = town_at(f, q, lim, &end);
        if (!end)
            return 0;
        uint32_t body = d ? only_body(m, m->dept_bodies, m->ndept_bodies, d, kind) : SG_TRIE_NONE;
        if (q == (i < n ? h->v[i].fs : SIZE_MAX)) {
            if (body != SG_TRIE_NONE) {
                h->v[i].entity = body;
                h->v[i].how = SG_HIT_VARIANT;
            }
            i++;
        } else if (body != SG_TRIE_NONE && sg_hits_push(h, q, end, body, SG_HIT_VARIANT)) {
            return SG_ERR_NOMEM;
        }
        *last = end;
    }
}

size_t sg_council_at(const sg_matcher *m, const sg_folded *f, size_t p, size_t lim, size_t *start,
                     uint32_t *who)
{
    const char *t = f->text;
    if (!m->ndept_bodies || p + 4 > lim || t[p] != 'c' || (t[p + 1] != 'd' && t[p + 1] != 'g') ||
        !(f->flags[p + 1] & SG_F_UPPER))
        return 0;
    size_t ns = p + 2 + (t[p + 2] == ' '), ne = 0; /* the number [ns, ne): "CD 13" too */
    unsigned d = ns + 2 <= lim ? department_number(f, ns, &ne) : 0;
    uint32_t one =
        d ? only_body(m, m->dept_bodies, m->ndept_bodies, d, SG_BODY_DEPARTMENT) : SG_TRIE_NONE;
    if (one == SG_TRIE_NONE)
        return 0;
    *start = p;
    *who = one;
    return ne;
}

/* The one department of the places the document names (their own, or the
 * department of the region's communes they are), 0 when none or several. */
static unsigned document_department(const sg_matcher *m, const sg_folded *f, const sg_hits *h)
{
    unsigned one = 0;
    for (size_t i = 0; i < h->n; i++) {
        if (!sg_is_place(m, h->v[i].entity))
            continue;
        unsigned d = sg_department_of(f->text + h->v[i].fs, h->v[i].fe - h->v[i].fs);
        if (!d)
            continue;
        if (one && one != d)
            return 0;
        one = d;
    }
    return one;
}

int sg_bodies_choose(const sg_matcher *m, const sg_folded *f, sg_hits *h)
{
    /* the document's department, asked once it names a department's body */
    unsigned dept = UINT_MAX;
    for (size_t i = 0; m->body_dept && dept && i < h->n; i++) {
        sg_hit *x = &h->v[i];
        if (!m->body_dept[x->entity] || (x->how != SG_HIT_NAME && x->how != SG_HIT_FORM))
            continue;
        if (dept == UINT_MAX)
            dept = document_department(m, f, h);
        if (!dept || m->body_dept[x->entity] == dept)
            continue;
        /* the other entities of that name, as written in the gazetteers */
        const char *t = f->text + x->fs;
        size_t n = x->fe - x->fs;
        uint32_t one = SG_TRIE_NONE;
        for (uint32_t v = sg_alias_first(m, t, n); v != SG_TRIE_NONE;
             v = sg_alias_same(m, m->aliases[v].next, t, n)) {
            uint32_t e = m->aliases[v].entity;
            if (m->body_dept[e] == dept)
                one = one == SG_TRIE_NONE || one == e ? e : SG_BODY_SEVERAL;
        }
        if (one != SG_TRIE_NONE && one != SG_BODY_SEVERAL)
            x->entity = one;
    }
    return 0;
}

/* The department an organisation's name ends with, after "de", "du", "des"
 * or "d'" ("la Maison départementale des personnes handicapées du Var", "le
 * CHU de Nice"): hit x's last words read as a place's; 0 for none. */
static unsigned department_in_name(const sg_matcher *m, const sg_folded *f, const sg_hit *x)
{
    if (sg_is_place(m, x->entity) || sg_is_person(m, x->entity) || m->body_kind[x->entity])
        return 0;
    size_t tail = x->fe, b, e;
    for (unsigned words = 0; words < 5; words++) {
        sg_word_before(f, tail, 1, &b, &e);
        if (e == b || b <= x->fs)
            return 0;
        unsigned d = tail < x->fe && sg_of_word(f->text + b, e - b)
                         ? sg_department_of(f->text + tail, x->fe - tail)
                         : 0;
        if (d) /* ("des Bouches-du-Rhône": on past its own "du") */
            return d;
        tail = b;
    }
    return 0;
}

/* "le GHT", "le CHU", "le CHI": a hospitals' grouping, a university or an
 * intercommunal hospital the press names by its kind alone for the one the
 * text names (the annotators of development sets 83-103 counted "le GHT" so
 * 6 times of 6, "le CHU" 7 times of 11, of set 117 "le CHI" 4 times of 4;
 * "Non aux GHT", plural, not), and only then: a text on Toulon that says "le
 * GHT" may speak of groupings, not of the gazetteer's only one. The CHU and
 * the CHI only after a definite article ("le", "du", "au"): "une entité
 * CHU", "le nombre de CHU", "un chef de service de CHU" speak of the kind. */
static int hospital_kind(size_t k)
{
    return k == SG_BODY_GHT || k == SG_BODY_CHU || k == SG_BODY_CHI;
}

/* The town's body of the nearest commune named before folded offset ws in
 * its sentence, the hits before k read ("À Bandol, la Ville recrute": Bandol's
 * town hall, though the document named another town's before); SG_TRIE_NONE
 * when none. */
static uint32_t town_in_sentence(const sg_matcher *m, const sg_folded *f, const sg_hits *h,
                                 size_t k, size_t ws)
{
    if (!m->nbodies)
        return SG_TRIE_NONE;
    size_t from = sg_sentence_edge(f, ws, -1);
    for (size_t j = k; j-- > 0 && h->v[j].fs >= from;) {
        uint32_t e = h->v[j].entity;
        if (e != SG_TRIE_NONE && sg_is_place(m, e)) {
            uint32_t body = only_body(m, m->bodies, m->nbodies, e, SG_BODY_CITY);
            if (body != SG_TRIE_NONE)
                return body;
        }
    }
    return SG_TRIE_NONE;
}

/* The kinds of local authorities, whose kind's word in lower case names the
 * territory but where the body acts (sg_body_acts). */
static int local_authority(size_t k)
{
    return k == SG_BODY_REGION || k == SG_BODY_DEPARTMENT || k == SG_BODY_METROPOLE ||
           k == SG_BODY_AGGLOMERATION || k == SG_BODY_CITY;
}

/* Is the word before p "le", "du" or "au", a definite article? */
static int definite_before(const sg_folded *f, size_t p)
{
    static const char *const the[] = {"au", "du", "le"};
    return sg_word_before_in(f, p, the, sizeof(the) / sizeof(*the));
}

/* Fills who[] with the body each kind would be read as in the document: the
 * one of that kind it names, else the one of the places it names ("le
 * Département" in a text that names the Var), else the one of the department
 * its organisations' names end with (the MDPH du Var's), else the
 * gazetteer's only one; SG_TRIE_NONE when none or several. Returns whether
 * any kind has one. */
static int bodies_of_document(const sg_matcher *m, const sg_folded *f, const sg_hits *h,
                              uint32_t *who)
{
    uint32_t named[SG_BODY_KINDS], placed[SG_BODY_KINDS];
    for (size_t k = 0; k < SG_BODY_KINDS; k++)
        named[k] = placed[k] = SG_TRIE_NONE;
    int town = 0; /* does the document name a commune of the region? */
    for (size_t i = 0; i < h->n; i++) {
        uint32_t e = h->v[i].entity;
        if (m->body_kind[e])
            note(&named[m->body_kind[e]], e);
        if (sg_is_place(m, e)) {
            /* the department a place names or is in, by the words read */
            const char *t = f->text + h->v[i].fs;
            size_t n = h->v[i].fe - h->v[i].fs;
            unsigned d = sg_department_of(t, n);
            if (d && m->ndept_bodies)
                note_place(m, m->dept_bodies, m->ndept_bodies, d, placed);
            if (d && !town)
                town = !sg_department_named(t, n);
            if (m->nbodies)
                note_place(m, m->bodies, m->nbodies, e, placed);
        }
    }
    /* no place says which department's: the organisations' names may (not
     * for the SAMU, which the press names alone as a kind: "appelez le Samu") */
    static const unsigned char departmental[] = {SG_BODY_DEPARTMENT, SG_BODY_PREFECTURE,
                                                 SG_BODY_SDIS, SG_BODY_CPAM};
    enum { NDEPARTMENTAL = sizeof(departmental) / sizeof(*departmental) };
    int unsaid = 0; /* (and a body of that kind to say) */
    for (size_t j = 0; j < NDEPARTMENTAL; j++)
        unsaid |= placed[departmental[j]] == SG_TRIE_NONE &&
                  m->body_only[departmental[j]] != SG_TRIE_NONE;
    if (unsaid && m->ndept_bodies) {
        uint32_t in_names[SG_BODY_KINDS];
        for (size_t k = 0; k < SG_BODY_KINDS; k++)
            in_names[k] = SG_TRIE_NONE;
        for (size_t i = 0; i < h->n; i++) {
            unsigned d = department_in_name(m, f, &h->v[i]);
            if (d)
                note_place(m, m->dept_bodies, m->ndept_bodies, d, in_names);
        }
        for (size_t j = 0; j < NDEPARTMENTAL; j++)
            if (placed[departmental[j]] == SG_TRIE_NONE)
                placed[departmental[j]] = in_names[departmental[j]];
    }
    int any = 0;
    unsigned dept = UINT_MAX; /* the document's one department, asked once */
    who[0] = SG_TRIE_NONE;
    for (size_t k = 1; k < SG_BODY_KINDS; k++) {
        /* the gazetteer's only town council is not the council of another
         * town the document names ("le Conseil municipal" of Aubagne), nor
         * its only department's body the body of another department the
         * document's places are in ("la préfecture" in Nice) */
        uint32_t e = named[k] != SG_TRIE_NONE    ? named[k]
                     : hospital_kind(k)          ? SG_TRIE_NONE
                     : placed[k] != SG_TRIE_NONE ? placed[k]
                     : k == SG_BODY_CITY && town ? SG_TRIE_NONE
                                                 : m->body_only[k];
        if (e != SG_TRIE_NONE && e != SG_BODY_SEVERAL && e == m->body_only[k] && m->body_dept &&
            m->body_dept[e]) {
            if (dept == UINT_MAX)
                dept = document_department(m, f, h);
            if (dept && dept != m->body_dept[e])
                e = SG_TRIE_NONE;
        }
        who[k] = e == SG_BODY_SEVERAL || e == SG_TRIE_NONE || !(m->allowed[e] & SG_VARIANT_HEADS)
                     ? SG_TRIE_NONE
                     : e;
        any |= who[k] != SG_TRIE_NONE;
    }
    /* (and a department's service may be named by a town of it: "le Samu
     * de Toulon", body_of_town) */
    return any || placed[SG_BODY_SAMU] != SG_TRIE_NONE || placed[SG_BODY_SDIS] != SG_TRIE_NONE ||
           placed[SG_BODY_CPAM] != SG_TRIE_NONE;
}

/* Folded offset q, back over the spaces before it. */
static size_t spaces_back(const sg_folded *f, size_t q)
{
    while (q > 0 && f->text[q - 1] == ' ')
        q--;
    return q;
}

/* Where the word(s) t end right before folded offset q, over spaces: their
 * start, or SIZE_MAX. */
static size_t words_before(const sg_folded *f, size_t q, const char *t)
{
    size_t n = strlen(t);
    q = spaces_back(f, q);
    if (q < n || memcmp(f->text + q - n, t, n) || (q > n && (f->flags[q - n - 1] & SG_F_ALNUM)))
        return SIZE_MAX;
    return q - n;
}

/* "les préfectures des Bouches-du-Rhône et du Vaucluse", "les conseils
 * départementaux du Var et des Alpes-Maritimes", "les CPAM du Var et des
 * Bouches-du-Rhône": a kind in the plural, then places each after "de",
 * "du" or "des", joined by commas or "et", names each place's body of that
 * kind (the first with the kind's words, the others by their place alone,
 * as "les hôpitaux Font-Pré et Chalucet"); a place with no such body in the
 * gazetteers stays a place, and the list goes on. */
static int plural_bodies(const sg_matcher *m, const sg_folded *f, sg_hits *h)
{
    static const struct {
        const char *words;
        unsigned char kind;
    } plurals[] = {{"prefectures", SG_BODY_PREFECTURE},
                   {"conseils departementaux", SG_BODY_DEPARTMENT}};
    unsigned char kind = 0; /* of the list going on */
    size_t last = SIZE_MAX; /* where its last place ends */
    for (size_t i = 0; i < h->n; i++) {
        sg_hit *x = &h->v[i];
        size_t b, e;
        unsigned char service = m->body_kind[x->entity];
        if (town_service(service) && sg_plural_before(f, x->fs)) {
            /* "les CPAM du Var" (one's name) "et des ...", "les SAMU
               d'Avignon" (one's name) ", Gap et Toulon" */
            size_t end = x->fe, n0 = h->n;
            if (services_listed(m, f, h, i + 1, n0, &end, service))
                return SG_ERR_NOMEM;
            if (h->n > n0)
                sg_hits_sort(h);
            kind = 0;
            continue;
        }
        if (!sg_is_place(m, x->entity))
            continue;
        sg_word_before(f, x->fs, 1, &b, &e);
        if (e == b || !sg_of_word(f->text + b, e - b))
            continue;
        size_t start = SIZE_MAX, q = spaces_back(f, b), at = words_before(f, b, "et");
        for (size_t k = 0; k < sizeof(plurals) / sizeof(*plurals) && start == SIZE_MAX; k++)
            if ((start = words_before(f, b, plurals[k].words)) != SIZE_MAX)
                kind = plurals[k].kind;
        /* (or the list goes on after "et" or a comma) */
        if (start == SIZE_MAX &&
            (!kind || !((at != SIZE_MAX && spaces_back(f, at) == last) ||
                        (q > 0 && f->text[q - 1] == ',' && spaces_back(f, q - 1) == last)))) {
            kind = 0;
            continue;
        }
        last = x->fe;
        uint32_t body = only_body(m, m->bodies, m->nbodies, x->entity, kind);
        if (body == SG_TRIE_NONE)
            continue;
        x->entity = body;
        x->how = SG_HIT_VARIANT;
        if (start != SIZE_MAX)
            x->fs = start;
    }
    return 0;
}

/* Does "(ACR)" follow folded offset p, letters in capitals in brackets ("la
 * caisse primaire d'assurance maladie (CPAM)": the kind's words in lower
 * case so defined are a body's)? */
static int capitals_after(const sg_folded *f, size_t p)
{
    p += p < f->len && f->text[p] == ' ';
    if (p >= f->len || f->text[p] != '(')
        return 0;
    size_t q = ++p;
    while (q < f->len && (f->flags[q] & SG_F_UPPER))
        q++;
    return q - p >= 2 && q < f->len && f->text[q] == ')';
}

/* Does the text of hit x name other entities of the gazetteers than x's?
 * An acronym's other form by its letters ("C.C.A.S." as "ccas"). */
static int name_shared(const sg_matcher *m, const sg_folded *f, const sg_hit *x)
{
    const char *t = f->text + x->fs;
    size_t n = x->fe - x->fs;
    char l[FORM_MAX];
    if (x->how == SG_HIT_FORM) {
        n = sg_letters_of(t, n, l);
        t = l;
    }
    for (uint32_t v = sg_alias_first(m, t, n); v != SG_TRIE_NONE;
         v = sg_alias_same(m, m->aliases[v].next, t, n))
        if (m->aliases[v].entity != x->entity)
            return 1;
    return 0;
}

/* A service's kind in letters that the gazetteers give several bodies ("la
 * CPAM", the alias of each department's caisse) is the kind, whose body the
 * document says ("la CPAM du Var", "la CPAM 13", the one it names, the one
 * of its department: sg_resolve_bodies), not the first body listed: such
 * hits are dropped here, to be read again as the kind (match.h). */
int sg_shared_kinds_dropped(const sg_matcher *m, const sg_folded *f, sg_hits *h)
{
    if (!m->nbody_kinds)
        return 0;
    size_t out = 0;
    for (size_t i = 0; i < h->n; i++) {
        const sg_hit *x = &h->v[i];
        size_t end = 0, wl = 0;
        int lower;
        while (x->fs + wl < x->fe && (f->flags[x->fs + wl] & SG_F_ALNUM))
            wl++;
        unsigned char kind = m->body_kind[x->entity];
        /* (a town's body's form of the kind's letters, "C.C.A.S.", is
           dropped too: the long form before it is then read as the kind, "le
           centre communal d'action sociale (C.C.A.S.)") */
        int form = x->how == SG_HIT_FORM;
        if (form && m->body_dept && m->body_dept[x->entity]) {
            h->v[out++] = *x; /* (a department's: sg_bodies_choose read it) */
            continue;
        }
        if (!(town_service(kind) || kind == SG_BODY_CCAS) || x->how == SG_HIT_VARIANT ||
            (!form && (kind_at(f, x->fs, wl, &end, &lower) != kind || end != x->fe)) ||
            !name_shared(m, f, x))
            h->v[out++] = *x;
    }
    int any = out < h->n;
    h->n = out;
    return any;
}

int sg_resolve_bodies(const sg_matcher *m, const sg_folded *f, const char *s, sg_hits *h,
                      int shared)
{
    if (!m->nbody_kinds)
        return 0; /* no local authority in the gazetteers */
    if (plural_bodies(m, f, h))
        return SG_ERR_NOMEM;
    /* the body each kind would be read as: none for most documents */
    uint32_t who[SG_BODY_KINDS];
    if (!bodies_of_document(m, f, h, who) && !shared)
        return 0;
    /* the lengths of the kinds' first words, by their first letter: the
     * other words are passed over at once */
    uint32_t lengths['z' - 'a' + 1] = {0};
    for (size_t i = 0; i < NKINDS; i++)
        lengths[kinds[i].words[0] - 'a'] |= (uint32_t)1 << kinds[i].first;
    size_t n0 = h->n, k = 0, last = SIZE_MAX;
    unsigned said = 0; /* the kinds whose who[] a service named by its place set */
    const unsigned char *fl = f->flags;
    for (size_t p = 0; p < f->len;) {
        while (p < f->len && !(fl[p] & SG_F_ALNUM))
            p++;
        size_t ws = p;
        while (fl[p] & SG_F_ALNUM) /* (flags[len] is 0: sg_fold) */
            p++;
        char c = ws < f->len ? f->text[ws] : 0;
        if (c < 'a' || c > 'z' || p - ws >= 32 || !(lengths[c - 'a'] >> (p - ws) & 1))
            continue; /* no kind's first word */
        while (k < n0 && h->v[k].fe <= ws)
            k++;
        if (k < n0 && h->v[k].fs <= ws)
            continue; /* inside a mention */
        size_t end = ws;
        int lower = 0;
        unsigned char kind = kind_at(f, ws, p - ws, &end, &lower);
        /* a name that ends the kind's words gives way to the body: "la Caisse
           primaire d'Assurance Maladie" is the CPAM, not the Assurance maladie */
        int inner = k < n0 && h->v[k].fs < end;
        if (!kind || (inner && (h->v[k].fe != end || !is_org(m, &h->v[k]))) ||
            (ws > 0 && s[f->src[ws - 1]] == '-') || /* "Saint-Ville" */
            sg_hotel_before(f, ws) || territory_before(f, ws) || indefinite_before(f, ws))
            continue;
        const sg_hit *prev = k > 0 ? &h->v[k - 1] : NULL, *next = k < n0 ? &h->v[k] : NULL;
        /* "le département du Var" in lower case, beside an organisation: the
           Var's body, over the place (dropped once sorted) */
        uint32_t body = lower && !inner ? body_of_place(m, f, end, next, kind) : SG_TRIE_NONE;
        if (body != SG_TRIE_NONE &&
            beside_org(m, f, ws, next->fe, prev, k + 1 < n0 ? next + 1 : NULL)) {
            size_t place_end = next->fe; /* (h->v may move) */
            if (sg_hits_push(h, ws, place_end, body, SG_HIT_VARIANT))
                return SG_ERR_NOMEM;
            h->v[k].entity = SG_TRIE_NONE;
            p = last = place_end;
            continue;
        }
        /* a department's service by its department or a town of it (over
           a name that ends the kind's words: "la caisse primaire d'assurance
           maladie du Var" is not the Assurance maladie) */
        size_t place_end = 0, after = k + (size_t)inner; /* the first hit after the kind */
        body = body_of_town(m, f, end, after < n0 ? &h->v[after] : NULL, kind, &place_end);
        if (body != SG_TRIE_NONE) {
            if (inner)
                h->v[k].entity = SG_TRIE_NONE;
            if (after < n0 && h->v[after].fs < place_end)
                h->v[after++].entity = SG_TRIE_NONE;
            if (sg_hits_push(h, ws, place_end, body, SG_HIT_VARIANT))
                return SG_ERR_NOMEM;
            last = place_end;
            if (sg_plural_before(f, ws)) {
                if (services_listed(m, f, h, after, n0, &last, kind))
                    return SG_ERR_NOMEM;
            } else if (who[kind] == SG_TRIE_NONE || (said >> kind & 1)) {
                who[kind] = body; /* the kind alone next is the one last named */
                said |= 1u << kind;
            }
            p = last;
            continue;
        }
        uint32_t here = kind == SG_BODY_CITY ? town_in_sentence(m, f, h, k, ws) : SG_TRIE_NONE;
        if ((who[kind] == SG_TRIE_NONE && here == SG_TRIE_NONE) || name_follows(f, s, end) ||
            (hospital_kind(kind) && (sg_plural_before(f, ws) || /* "les GHT" */
                                     sg_demonym_after(f, end))) ||
            ((kind == SG_BODY_CHU || kind == SG_BODY_CHI) && !definite_before(f, ws)) ||
            (kind == SG_BODY_CITY && portfolio_before(f, ws)) ||
            (kind == SG_BODY_PREFECTURE && town_before(f, ws)) ||
            (lower && !sg_office_before(f, ws) && !coordinated(f, ws, last) &&
             !beside_org(m, f, ws, end, prev, next) && !capitals_after(f, end) &&
             !(local_authority(kind) && sg_body_acts(f, ws, end))))
            continue;
        if (inner)
            h->v[k].entity = SG_TRIE_NONE;
        if (sg_hits_push(h, ws, end, here != SG_TRIE_NONE ? here : who[kind], SG_HIT_VARIANT))
            return SG_ERR_NOMEM;
        p = last = end;
    }
    if (h->n > n0) {
        size_t out = 0; /* (the places read as their bodies' territory go) */
        for (size_t i = 0; i < h->n; i++)
            if (h->v[i].entity != SG_TRIE_NONE)
                h->v[out++] = h->v[i];
        h->n = out;
        sg_hits_sort(h);
    }
    return 0;
}
