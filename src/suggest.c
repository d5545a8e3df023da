/* The suggester (SPEC §15): candidates from every document (suggest_scan.c),
 * merged into rows (a definition or a person wins over the same name seen as
 * a sequence), then counted the way `extract` would count them once pasted:
 * an extractor over the rows alone finds their mentions, and a mention that
 * a longer or earlier mention of the gazetteers overlaps is dropped (the
 * leftmost-longest rule). Both passes are linear in the corpus. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "extract_int.h"
#include "sg_internal.h"
#include "stakegraph/suggest.h"
#include "suggest_int.h"

/* ---- a string -> index map ---- */

static uint64_t hash_str(const char *s)
{
    return sg_fnv1a(SG_FNV_SEED, s, strlen(s));
}

size_t *sg_smap_ref(const sg_smap *m, const char *k)
{
    if (!m->cap)
        return NULL;
    for (size_t i = hash_str(k) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->keys[i])
            return NULL;
        if (!strcmp(m->keys[i], k))
            return &m->vals[i];
    }
}

long sg_smap_get(const sg_smap *m, const char *k)
{
    const size_t *v = sg_smap_ref(m, k);
    return v ? (long)*v : -1;
}

static int smap_grow(sg_smap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 256;
    char **keys = sg_alloc_array(cap, sizeof(char *));
    size_t *vals = sg_alloc_array(cap, sizeof(size_t));
    if (!keys || !vals) {
        free(keys);
        free(vals);
        return SG_ERR_NOMEM;
    }
    memset(keys, 0, cap * sizeof(char *));
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = hash_str(m->keys[i]) & (cap - 1);
        while (keys[j])
            j = (j + 1) & (cap - 1);
        keys[j] = m->keys[i];
        vals[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    m->keys = keys;
    m->vals = vals;
    m->cap = cap;
    return 0;
}

int sg_smap_put(sg_smap *m, const char *k, size_t v)
{
    if ((m->n + 1) * 2 > m->cap && smap_grow(m))
        return SG_ERR_NOMEM;
    size_t i = hash_str(k) & (m->cap - 1);
    for (; m->keys[i]; i = (i + 1) & (m->cap - 1))
        if (!strcmp(m->keys[i], k))
            return 0;
    if (!(m->keys[i] = sg_strdup(k)))
        return SG_ERR_NOMEM;
    m->vals[i] = v;
    m->n++;
    return 0;
}

void sg_smap_free(sg_smap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof(*m));
}

/* ---- text ---- */

char *sg_suggest_fold(sg_folded *scratch, const char *s, size_t n)
{
    const char *t;
    const unsigned char *fl;
    size_t k;
    if (sg_fold_name_in(scratch, s, n, &t, &fl, &k))
        return NULL;
    return sg_strndup(t, k);
}

char *sg_suggest_collapse(const char *s, size_t n)
{
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    const unsigned char *u = (const unsigned char *)s;
    size_t k = 0;
    for (size_t p = 0; p < n;) {
        int bad = 0;
        size_t at = p;
        uint32_t c = sg_utf8_next(u, n, &p, &bad);
        if (bad)
            continue;
        if (sg_is_space(c)) {
            if (k > 0 && out[k - 1] != ' ')
                out[k++] = ' ';
        } else if (c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0) && c != 0xFEFF) {
            memcpy(out + k, s + at, p - at);
            k += p - at;
        }
    }
    while (k > 0 && out[k - 1] == ' ')
        k--;
    out[k] = '\0';
    return out;
}

/* French letters in capitals (ASCII and Latin-1) to lower case and back,
 * in place: the other letters are left as written. */
static void letter_case(char *p, int upper)
{
    unsigned char *u = (unsigned char *)p;
    if (!upper && u[0] >= 'A' && u[0] <= 'Z')
        u[0] += 32;
    else if (upper && u[0] >= 'a' && u[0] <= 'z')
        u[0] -= 32;
    else if (u[0] == 0xC3 && !upper && u[1] >= 0x80 && u[1] <= 0x9E && u[1] != 0x97)
        u[1] += 32;
    else if (u[0] == 0xC3 && upper && u[1] >= 0xA0 && u[1] <= 0xBE && u[1] != 0xB7)
        u[1] -= 32;
}

static size_t char_len(const char *p)
{
    unsigned char c = (unsigned char)*p;
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* "DEMIE" -> "Demie" in a person's name: a name in capitals would only match
 * text in capitals. */
static void soften_capitals(char *s)
{
    for (char *w = s; *w;) {
        char *e = w;
        int lower = 0, letters = 0;
        while (*e && *e != ' ' && *e != '-') {
            unsigned char c = (unsigned char)*e;
            lower |= (c >= 'a' && c <= 'z') || (c == 0xC3 && (unsigned char)e[1] >= 0xA0);
            letters++;
            e += char_len(e);
        }
        if (!lower && letters >= 2)
            for (char *p = w + char_len(w); p < e; p += char_len(p))
                letter_case(p, 0);
        w = *e ? e + 1 : e;
    }
}

/* ---- candidates ---- */

sg_cand *sg_cand_get(sg_cand_list *l, const char *key, const char *label, size_t len)
{
    long at = sg_smap_get(&l->index, key);
    if (at >= 0)
        return &l->v[at];
    if (sg_grow((void **)&l->v, &l->cap, l->n + 1, sizeof(sg_cand)))
        return NULL;
    sg_cand *c = &l->v[l->n];
    memset(c, 0, sizeof(*c));
    if (!(c->key = sg_strdup(key)) || !(c->label = sg_suggest_collapse(label, len)) ||
        sg_smap_put(&l->index, key, l->n)) {
        free(c->key);
        free(c->label);
        return NULL;
    }
    l->n++;
    return c;
}

void sg_cand_list_free(sg_cand_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        sg_cand *c = &l->v[i];
        free(c->label);
        free(c->key);
        free(c->alias);
        free(c->surname);
        for (size_t k = 0; k < c->nmore; k++)
            free(c->more[k]);
        free(c->more);
    }
    free(l->v);
    sg_smap_free(&l->index);
    memset(l, 0, sizeof(*l));
}

/* ---- rows ---- */

typedef enum { K_DEFINITION, K_PERSON, K_PLACE, K_MARKED, K_SEQUENCE } row_kind;

typedef struct {
    char *id, *label, *aliases, *surname, *example;
    const char *type, *why;
    row_kind kind;
    size_t count;
    size_t seen;  /* a sequence: its capitalised occurrences in pass 1 */
    size_t lower; /* a sequence of one word: its occurrences in lower case, which
                     extract does not read (a name of one word is read capitalised)
                     but which tell a common word */
} row;

typedef struct {
    row *v;
    size_t n, cap;
    sg_smap names; /* the folded names of the rows so far -> row */
    sg_smap ids;
} row_list;

struct sg_suggestion_list {
    sg_suggestion *v;
    row *rows;
    size_t n;
};

typedef struct {
    size_t s, e, row;
} row_hit;

struct sg_suggester {
    const sg_gazetteer *gaz;
    sg_suggest_options opt;
    sg_extractor *base;        /* the gazetteers' matcher */
    sg_suggest_places *places; /* the places of reference, or NULL */
    sg_scan scan;
    sg_folded folded;
    sg_units units;
    sg_span *spans;
    size_t nspans, spans_cap;
    row_hit *hits;
    size_t nhits, hits_cap;
    int nomem; /* a callback ran out of memory */
    /* kept documents */
    char **names, **texts;
    size_t *lens;
    size_t ndocs, docs_cap;
    /* pass 2 */
    int phase; /* 0: reading, 1: counting, 2: run */
    row_list rows;
    sg_gazetteer *rowgaz;
    sg_extractor *counter;
    long *row_of; /* entity of rowgaz -> row */
};

static void row_free(row *r)
{
    free(r->id);
    free(r->label);
    free(r->aliases);
    free(r->surname);
    free(r->example);
}

static void slugify(const char *folded, char *out, size_t size)
{
    size_t k = 0;
    for (const char *q = folded; *q && k + 1 < size; q++) {
        char c = *q;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out[k++] = c;
        else if (k > 0 && out[k - 1] != '-')
            out[k++] = '-';
    }
    while (k > 0 && out[k - 1] == '-')
        k--;
    out[k] = '\0';
}

/* A new row; its id from its type and label, unique among the gazetteers'
 * and the other rows'. Takes `label`, `aliases` and `surname` (any NULL:
 * out of memory). */
static int row_add(sg_suggester *s, row_kind kind, const char *type, const char *why, char *label,
                   char *aliases, char *surname)
{
    row_list *rl = &s->rows;
    char *key = label ? sg_suggest_fold(&s->scan.scratch, label, strlen(label)) : NULL;
    if (!key || !aliases || !surname ||
        sg_grow((void **)&rl->v, &rl->cap, rl->n + 1, sizeof(row))) {
        free(key), free(label), free(aliases), free(surname);
        return SG_ERR_NOMEM;
    }
    char slug[96], id[160];
    slugify(key, slug, 80);
    free(key);
    const char *prefix = !strcmp(type, "person")  ? "person"
                         : !strcmp(type, "place") ? "place"
                                                  : "org";
    snprintf(id, sizeof(id), "%s:%s", prefix, slug[0] ? slug : "x");
    for (unsigned n = 2; sg_smap_get(&rl->ids, id) >= 0 || sg_gazetteer_find(s->gaz, id) >= 0; n++)
        snprintf(id, sizeof(id), "%s:%s-%u", prefix, slug[0] ? slug : "x", n);
    row *r = &rl->v[rl->n];
    memset(r, 0, sizeof(*r));
    r->kind = kind;
    r->type = type;
    r->why = why;
    r->label = label;
    r->aliases = aliases;
    r->surname = surname;
    if (!(r->id = sg_strdup(id)) || sg_smap_put(&rl->ids, id, rl->n)) {
        row_free(r);
        return SG_ERR_NOMEM;
    }
    rl->n++;
    return 0;
}

static int name_taken(sg_suggester *s, const char *name)
{
    char *key = sg_suggest_fold(&s->scan.scratch, name, strlen(name));
    int taken = !key || sg_smap_get(&s->rows.names, key) >= 0;
    free(key);
    return taken;
}

/* Records `name` as a name of the last row. */
static int take_name(sg_suggester *s, const char *name)
{
    char *key = sg_suggest_fold(&s->scan.scratch, name, strlen(name));
    int rc = !key || sg_smap_put(&s->rows.names, key, s->rows.n - 1);
    free(key);
    return rc ? SG_ERR_NOMEM : 0;
}

/* An acronym's letters as a name of the last row too: APHM for AP-HM. */
static int take_letters(sg_suggester *s, const char *acronym)
{
    char *key = sg_suggest_fold(&s->scan.scratch, acronym, strlen(acronym));
    if (!key)
        return SG_ERR_NOMEM;
    size_t k = 0;
    for (const char *q = key; *q; q++)
        if (*q != ' ' && *q != '\'' && *q != '.')
            key[k++] = *q;
    key[k] = '\0';
    int rc = sg_smap_put(&s->rows.names, key, s->rows.n - 1);
    free(key);
    return rc;
}

/* A copy of `label` with its first letter in capitals ("institut X" ->
 * "Institut X"). */
static char *capitalised(const char *label)
{
    char *l = sg_strdup(label);
    if (l)
        letter_case(l, 1);
    return l;
}

/* The aliases of definition c, '|' between them: its acronym and the
 * others; but a kind's acronym defining another body ("Mutuelle des
 * services publics (MSP)", MSP being a maison de santé
 * pluriprofessionnelle's), which would name the body in every document:
 * the definition gives it in its own (the matcher's acronyms defined).
 * NULL when out of memory. */
static char *definition_aliases(sg_suggester *s, const sg_cand *c)
{
    char *acr = sg_suggest_fold(&s->scan.scratch, c->alias, strlen(c->alias));
    char *lf = acr ? sg_suggest_fold(&s->scan.scratch, c->label, strlen(c->label)) : NULL;
    int kind = 0;
    if (lf)
        kind = sg_kind_acronym_other(acr, strlen(acr), lf, strlen(lf));
    free(acr);
    if (!lf)
        return NULL;
    free(lf);
    size_t len = strlen(c->alias) + 1;
    for (size_t k = 0; k < c->nmore; k++)
        len += strlen(c->more[k]) + 1;
    char *aliases = malloc(len);
    if (aliases) {
        strcpy(aliases, kind ? "" : c->alias);
        for (size_t k = 0; k < c->nmore; k++)
            strcat(strcat(aliases, aliases[0] ? "|" : ""), c->more[k]);
    }
    return aliases;
}

/* Is `label` a place's name in the gazetteers? 1, 0, SG_ERR_NOMEM. */
static int place_known(sg_suggester *s, const char *label)
{
    return sg_matcher_names_place(s->base->matcher, &s->scan.scratch, label);
}

static int rows_from_definitions(sg_suggester *s)
{
    const sg_cand_list *defs = &s->scan.defs;
    for (size_t i = 0; i < defs->n; i++) {
        const sg_cand *c = &defs->v[i];
        if (name_taken(s, c->label) || name_taken(s, c->alias))
            continue;
        char *lf = sg_suggest_fold(&s->scan.scratch, c->label, strlen(c->label));
        const char *type = lf && sg_suggest_word(SG_WL_PLACE, lf) ? "place" : "organisation";
        /* a kind spelt in full defines no actor: "Union départementale (UD)";
           nor does a place the gazetteers know ("Provence-Alpes-Côte d'Azur
           (Paca)"); their names are taken all the same */
        int kind = lf && sg_suggest_spelt_kind(lf);
        free(lf);
        int known = !kind && !strcmp(type, "place") ? place_known(s, c->label) : 0;
        if (known < 0)
            return SG_ERR_NOMEM;
        kind |= known;
        int rc = kind ? 0
                      : row_add(s, K_DEFINITION, type, "definition", capitalised(c->label),
                                definition_aliases(s, c), sg_strdup(""));
        if (rc || (rc = take_name(s, c->label)) || (rc = take_name(s, c->alias)) ||
            (rc = take_letters(s, c->alias)))
            return rc;
        for (size_t k = 0; k < c->nmore; k++)
            if ((rc = take_name(s, c->more[k])))
                return rc;
    }
    return 0;
}

/* A person's row; the surname goes in its column, never among the aliases
 * (it would match every other person of that name). */
static int person_row(sg_suggester *s, const sg_cand *c)
{
    char *label = sg_strdup(c->label), *surname = sg_strdup(c->full ? c->surname : "");
    if (label)
        soften_capitals(label);
    if (surname)
        soften_capitals(surname);
    int rc = row_add(s, K_PERSON, "person", "person", label, sg_strdup(""), surname);
    if (!rc)
        rc = take_name(s, c->label);
    /* the surname alone ("Geindre") is that person, not a sequence to propose */
    if (!rc && c->full && !name_taken(s, c->surname))
        rc = take_name(s, c->surname);
    return rc;
}

static int rows_from_people(sg_suggester *s)
{
    const sg_cand_list *people = &s->scan.people;
    sg_smap fulls = {0}; /* the folded surnames of full names */
    int rc = 0;
    for (size_t i = 0; !rc && i < people->n; i++) {
        const sg_cand *c = &people->v[i];
        if (!c->full)
            continue;
        char *sk = sg_suggest_fold(&s->scan.scratch, c->surname, strlen(c->surname));
        rc = !sk || sg_smap_put(&fulls, sk, i) ? SG_ERR_NOMEM : 0;
        free(sk);
    }
    /* full names first; a surname alone (M. Segade) joins its full name */
    for (int pass = 0; !rc && pass < 2; pass++) {
        for (size_t i = 0; !rc && i < people->n; i++) {
            const sg_cand *c = &people->v[i];
            if (c->full != !pass || name_taken(s, c->label) ||
                (!c->full && sg_smap_get(&fulls, c->key) >= 0))
                continue;
            rc = person_row(s, c);
        }
    }
    sg_smap_free(&fulls);
    return rc;
}

/* "République Emmanuel Macron": a sequence ending with a person's name. */
static int ends_with_person(const sg_suggester *s, const char *key)
{
    for (const char *q = strchr(key, ' '); q; q = strchr(q + 1, ' ')) {
        long r = sg_smap_get(&s->rows.names, q + 1);
        if (r >= 0 && s->rows.v[r].kind == K_PERSON)
            return 1;
    }
    return 0;
}

/* Whether the text names `label` as an organisation: mostly after no
 * place's cue, and after an organisation's, or elided, or in capitals
 * ("aux côtés d'Antin", the fund, is no commune). */
static int named_as_org(sg_suggester *s, const char *label)
{
    char *key = sg_suggest_fold(&s->scan.scratch, label, strlen(label));
    long k = key ? sg_smap_get(&s->scan.seqs.index, key) : -1;
    free(key);
    const sg_cand *c = k >= 0 ? &s->scan.seqs.v[k] : NULL;
    return c && c->place * 2 < c->mid + c->start && (c->org || c->elided || c->upper);
}

/* The places of reference named where the gazetteers name nothing, with
 * their own ids when free ("place:commune:94076") and labels. */
static int rows_from_places(sg_suggester *s)
{
    for (size_t i = 0; i < sg_suggest_places_count(s->places); i++) {
        const char *label, *id = sg_suggest_places_get(s->places, i, &label);
        if (name_taken(s, label) || named_as_org(s, label))
            continue;
        int rc =
            row_add(s, K_PLACE, "place", "place", sg_strdup(label), sg_strdup(""), sg_strdup(""));
        if (rc || (rc = take_name(s, label)))
            return rc;
        row *r = &s->rows.v[s->rows.n - 1];
        char *own = NULL;
        if (sg_smap_get(&s->rows.ids, id) < 0 && sg_gazetteer_find(s->gaz, id) < 0) {
            if (!(own = sg_strdup(id)) || sg_smap_put(&s->rows.ids, id, s->rows.n - 1)) {
                free(own);
                return SG_ERR_NOMEM;
            }
            free(r->id);
            r->id = own;
        }
    }
    return 0;
}

static const char *sequence_type(const sg_cand *c)
{
    size_t total = c->mid + c->start;
    if (sg_suggest_authority(c->key))
        return "organisation";
    if (sg_suggest_word(SG_WL_PLACE, c->key)) /* PACA too */
        return "place";
    if (c->upper || c->org || sg_suggest_org_headed(c->key))
        return "organisation";
    if (c->place * 2 >= total || c->district)
        return "place"; /* a district once named so is one */
    return "organisation";
}

static int rows_from_sequences(sg_suggester *s)
{
    const sg_cand_list *seqs = &s->scan.seqs;
    for (size_t i = 0; i < seqs->n; i++) {
        const sg_cand *c = &seqs->v[i];
        size_t total = c->mid + c->start;
        /* strong cues count from one occurrence: an acronym in capitals, an
           elision, an organisation's head before or at the start of the name */
        int marked = c->upper || c->elided || c->org || c->cued ||
                     (sg_suggest_word(SG_WL_PLACE, c->key) && !sg_suggest_area(c->key)) ||
                     (sg_suggest_org_headed(c->key) && strchr(c->key, ' ') &&
                      (!c->lower_end || c->long_lower));
        /* a name after a media cue counts even in generic words ("BFM TV") */
        int generic =
            (sg_suggest_generic_only(c->key) && !(c->cued && (c->upper || strchr(c->key, ' ')))) ||
            sg_suggest_generic_of_france(c->key) ||
            sg_suggest_word(SG_WL_ROLE, c->key); /* a role is nobody: "Vice-Président" */
        /* a natural area needs the minimum count even after a cue ("commune du
           Luberon": the commune is in it) */
        marked &= !sg_suggest_area(c->key);
        /* two letters seen once are an abbreviation more often than a body
           ("l'IA", "NC"): the minimum count, but after a cue ("maire LR") */
        marked &= strlen(c->key) > 2 || c->cued;
        int auth = c->mid ? sg_suggest_authority(c->key) : 0;
        marked |= auth != 0;
        generic &= !auth;
        /* a first name alone is someone the text knows by it, not a body
           (compound ones too: "Jean-Marie", keyed "jean marie");
           a name most of whose occurrences name no actor is none ("une
           impasse de la Roseraie", "l'hôtel Roseraie") */
        int first = !strchr(c->label, ' ') && !c->org && sg_first_name(c->key);
        /* a place the gazetteers name so already, where they read something
           longer ("l'agence régionale de santé (ARS) Paca") */
        const char *type = sequence_type(c);
        int known = !strcmp(type, "place") ? place_known(s, c->label) : 0;
        if (known < 0)
            return SG_ERR_NOMEM;
        if (!c->mid || c->common || c->loose * 2 > c->mid || first || known ||
            name_taken(s, c->label) || generic || sg_suggest_board(c->key) ||
            sg_suggest_spelt_kind(c->key) || sg_suggest_part_of_place(c->key) ||
            ends_with_person(s, c->key) || total < (marked ? 1 : s->opt.min_count))
            continue;
        char *aliases = sg_strdup("");
        if ((c->exact || auth == 2) && aliases) { /* "=La Provence": that case only */
            free(aliases);
            if ((aliases = malloc(strlen(c->label) + 2)))
                sprintf(aliases, "=%s", c->label);
        }
        /* "la clinique Rosemond", "la Mutuelle du Midi": a body named by its
           head, in mixed case, ending on a name */
        /* (the head a word of its own: not "Centre-Femme-Mère-Enfant", a project's) */
        int named = !c->upper && (!c->lower_end || c->long_lower) &&
                    sg_suggest_establishment(c->key) && c->label[strcspn(c->label, " -")] == ' ' &&
                    !strcmp(type, "organisation");
        int rc = row_add(s, marked ? K_MARKED : K_SEQUENCE, type,
                         named      ? "named"
                         : c->upper ? "acronym"
                                    : "sequence",
                         capitalised(c->label), aliases, sg_strdup(""));
        if (rc || (rc = take_name(s, c->label)))
            return rc;
        s->rows.v[s->rows.n - 1].seen = total;
    }
    return 0;
}

static void rows_free(row_list *rl)
{
    for (size_t i = 0; i < rl->n; i++)
        row_free(&rl->v[i]);
    free(rl->v);
    sg_smap_free(&rl->names);
    sg_smap_free(&rl->ids);
    memset(rl, 0, sizeof(*rl));
}

/* ---- the suggester ---- */

void sg_suggest_options_init(sg_suggest_options *opt)
{
    memset(opt, 0, sizeof(*opt));
    opt->min_count = 2;
    opt->keep_documents = 1;
}

static int on_base(const sg_mention *m, void *ctx)
{
    sg_suggester *s = ctx;
    if (sg_grow((void **)&s->spans, &s->spans_cap, s->nspans + 1, sizeof(sg_span))) {
        s->nomem = 1;
        return 1;
    }
    s->spans[s->nspans].s = m->start;
    s->spans[s->nspans].e = m->end;
    s->spans[s->nspans].place = m->type && !strcmp(m->type, "place");
    s->spans[s->nspans].org = m->type && !strcmp(m->type, "organisation");
    s->nspans++;
    return 0;
}

static void ignore_warning(const sg_error *w, void *ctx)
{
    (void)w, (void)ctx;
}

int sg_suggester_new(sg_suggester **out, const sg_gazetteer *gaz, const sg_suggest_options *opt,
                     sg_error *err)
{
    if (!out || !gaz || (opt && opt->min_count == 0))
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "invalid argument");
    sg_suggester *s = calloc(1, sizeof(*s));
    if (!s)
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    s->gaz = gaz;
    if (opt)
        s->opt = *opt;
    else
        sg_suggest_options_init(&s->opt);
    sg_extract_options eo;
    sg_extract_options_init(&eo);
    int rc = sg_extractor_new(&s->base, gaz, &eo, err);
    if (rc) {
        free(s);
        return rc;
    }
    sg_extractor_on_mention(s->base, on_base, s);
    sg_extractor_on_warning(s->base, ignore_warning, NULL);
    if (s->opt.places && (rc = sg_suggest_places_new(&s->places, s->opt.places, err))) {
        sg_suggester_free(s);
        return rc;
    }
    *out = s;
    return 0;
}

void sg_suggester_free(sg_suggester *s)
{
    if (!s)
        return;
    sg_extractor_free(s->base);
    sg_suggest_places_free(s->places);
    sg_extractor_free(s->counter);
    sg_gazetteer_free(s->rowgaz);
    sg_scan_free(&s->scan);
    sg_folded_free(&s->folded);
    sg_units_free(&s->units);
    free(s->spans);
    free(s->hits);
    for (size_t i = 0; i < s->ndocs; i++) {
        free(s->names[i]);
        free(s->texts[i]);
    }
    free(s->names);
    free(s->texts);
    free(s->lens);
    rows_free(&s->rows);
    free(s->row_of);
    free(s);
}

/* The base extractor's mentions of the document in s->spans, and the
 * document folded in s->folded. */
static int read_document(sg_suggester *s, const char *name, const char *text, size_t len,
                         sg_error *err)
{
    s->nspans = 0;
    s->nomem = 0;
    int rc = sg_extractor_add(s->base, name, text, len, err);
    if (rc)
        return s->nomem ? sg_error_set(err, SG_ERR_NOMEM, name, 0, -1, "out of memory") : rc;
    if (sg_fold(&s->folded, text, len, sg_utf8_bom(text, len)))
        return sg_error_set(err, SG_ERR_NOMEM, name, 0, -1, "out of memory");
    return 0;
}

static int keep_document(sg_suggester *s, const char *name, const char *text, size_t len)
{
    size_t cap = s->docs_cap;
    if (s->ndocs == cap) {
        size_t c = cap;
        if (sg_grow((void **)&s->names, &c, s->ndocs + 1, sizeof(char *)))
            return SG_ERR_NOMEM;
        c = cap;
        if (sg_grow((void **)&s->texts, &c, s->ndocs + 1, sizeof(char *)))
            return SG_ERR_NOMEM;
        c = cap;
        if (sg_grow((void **)&s->lens, &c, s->ndocs + 1, sizeof(size_t)))
            return SG_ERR_NOMEM;
        s->docs_cap = c;
    }
    char *n = sg_strdup(name), *t = malloc(len + 1);
    if (!n || !t) {
        free(n);
        free(t);
        return SG_ERR_NOMEM;
    }
    memcpy(t, text, len);
    s->names[s->ndocs] = n;
    s->texts[s->ndocs] = t;
    s->lens[s->ndocs] = len;
    s->ndocs++;
    return 0;
}

int sg_suggester_add(sg_suggester *s, const char *name, const char *text, size_t len, sg_error *err)
{
    if (!s || (!text && len) || s->phase)
        return sg_error_set(err, SG_ERR_INVALID, name, 0, -1,
                            s && s->phase ? "documents are added before the rows are counted"
                                          : "invalid argument");
    if (!name)
        name = "<document>";
    if (!text)
        text = "";
    int rc = read_document(s, name, text, len, err);
    if (!rc && s->places)
        rc = sg_suggest_places_read(s->places, name, text, len, &s->folded, s->spans, s->nspans,
                                    err);
    if (rc)
        return rc;
    if (sg_scan_document(&s->scan, text, len, &s->folded, s->spans, s->nspans) ||
        (s->opt.keep_documents && keep_document(s, name, text, len)))
        return sg_error_set(err, SG_ERR_NOMEM, name, 0, -1, "out of memory");
    return 0;
}

int sg_suggester_add_document(sg_suggester *s, const sg_document *doc, sg_error *err)
{
    if (!doc)
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "invalid argument");
    return sg_suggester_add(s, doc->name, doc->text, doc->len, err);
}

/* ---- pass 2 ---- */

/* A sequence of one word, which extract reads only capitalised: counted in
 * lower case too (an alias of its own), to tell a common word. */
static int one_word(const row *r)
{
    if (!r->seen)
        return 0;
    for (const unsigned char *u = (const unsigned char *)r->label; *u; u++)
        if (*u < 0x80 &&
            !((*u >= 'a' && *u <= 'z') || (*u >= 'A' && *u <= 'Z') || (*u >= '0' && *u <= '9')))
            return 0;
    return 1;
}

/* The rows as a gazetteer (id, label, type, aliases, surname). */
static char *rows_tsv(const row_list *rl, size_t *len)
{
    static const char header[] = "id\tlabel\ttype\taliases\tsurname\n";
    size_t n = sizeof(header) - 1;
    for (size_t i = 0; i < rl->n; i++) {
        const row *r = &rl->v[i];
        n += strlen(r->id) + 2 * strlen(r->label) + strlen(r->type) + strlen(r->aliases) +
             strlen(r->surname) + 6;
    }
    char *b = malloc(n + 1), *p = b;
    if (!b)
        return NULL;
    p += sprintf(p, "%s", header);
    for (size_t i = 0; i < rl->n; i++) {
        const row *r = &rl->v[i];
        p += sprintf(p, "%s\t%s\t%s\t%s", r->id, r->label, r->type, r->aliases);
        if (one_word(r)) {
            char *low = p + (r->aliases[0] != '\0');
            p += sprintf(p, "%s%s", r->aliases[0] ? "|" : "", r->label);
            letter_case(low, 0);
        }
        p += sprintf(p, "\t%s\n", r->surname);
    }
    *len = (size_t)(p - b);
    return b;
}

static void row_drop(row_list *rl, size_t i)
{
    row_free(&rl->v[i]);
    memmove(rl->v + i, rl->v + i + 1, (rl->n - i - 1) * sizeof(row));
    rl->n--;
}

/* The rows as a gazetteer of their own; a row the loader refuses (an odd
 * name in odd text) is dropped. */
static int load_rows(sg_suggester *s, sg_error *err)
{
    for (;;) {
        size_t len = 0;
        char *tsv = rows_tsv(&s->rows, &len);
        sg_gazetteer *g = NULL;
        int rc = tsv ? sg_gazetteer_new(&g, err) : SG_ERR_NOMEM;
        if (!rc)
            rc = sg_gazetteer_load_buffer(g, "<suggestions>", tsv, len, err);
        free(tsv);
        if (!rc) {
            /* (found in the corpus, not listed: a civility and a surname
               name one only in a document that names them, SPEC §4) */
            for (size_t i = 0; i < g->n; i++)
                g->ents[i].found = 1;
            s->rowgaz = g;
            return 0;
        }
        sg_gazetteer_free(g);
        if (rc == SG_ERR_NOMEM || err == NULL || err->line < 2 ||
            (size_t)(err->line - 2) >= s->rows.n)
            return rc == SG_ERR_NOMEM ? sg_error_set(err, rc, NULL, 0, -1, "out of memory") : rc;
        row_drop(&s->rows, (size_t)(err->line - 2));
        sg_error_clear(err);
    }
}

static int on_row(const sg_mention *m, void *ctx)
{
    sg_suggester *s = ctx;
    long e = sg_gazetteer_find(s->rowgaz, m->id);
    if (e < 0 || s->row_of[e] < 0)
        return 0;
    if (sg_grow((void **)&s->hits, &s->hits_cap, s->nhits + 1, sizeof(row_hit))) {
        s->nomem = 1;
        return 1;
    }
    row_hit *h = &s->hits[s->nhits++];
    h->s = m->start;
    h->e = m->end;
    h->row = (size_t)s->row_of[e];
    return 0;
}

/* Fixes the rows and makes their extractor. */
static int fix_rows(sg_suggester *s, sg_error *err)
{
    int rc = rows_from_definitions(s);
    if (!rc)
        rc = rows_from_people(s);
    if (!rc && s->places)
        rc = rows_from_places(s);
    if (!rc)
        rc = rows_from_sequences(s);
    if (rc)
        return sg_error_set(err, rc, NULL, 0, -1, "out of memory");
    s->phase = 1;
    if ((rc = load_rows(s, err)))
        return rc;
    size_t n = sg_gazetteer_count(s->rowgaz);
    if (!(s->row_of = sg_alloc_array(n + 1, sizeof(long))))
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    for (size_t i = 0; i < n; i++)
        s->row_of[i] = -1;
    for (size_t i = 0; i < s->rows.n; i++) {
        long e = sg_gazetteer_find(s->rowgaz, s->rows.v[i].id);
        if (e >= 0)
            s->row_of[e] = (long)i;
    }
    sg_extract_options eo;
    sg_extract_options_init(&eo);
    if ((rc = sg_extractor_new(&s->counter, s->rowgaz, &eo, err)))
        return rc;
    sg_extractor_on_mention(s->counter, on_row, s);
    sg_extractor_on_warning(s->counter, ignore_warning, NULL);
    return 0;
}

/* Whether a mention of the gazetteers wins over [a, b): it starts before,
 * or at the same place and is as long or longer. The mentions are in
 * document order and do not overlap, so their ends are in order too. */
static int base_wins(const sg_suggester *s, size_t a, size_t b)
{
    for (size_t k = sg_span_after(s->spans, s->nspans, a); k < s->nspans && s->spans[k].s < b; k++)
        if (s->spans[k].s < a || (s->spans[k].s == a && s->spans[k].e >= b))
            return 1;
    return 0;
}

/* The sentence of [a, b) as one line of at most about 200 bytes. */
static char *example(sg_suggester *s, const char *text, size_t len, size_t a, size_t b)
{
    enum { BEFORE = 120, MAX = 200 };
    const sg_folded *f = &s->folded;
    size_t u = sg_units_find(&s->units, sg_folded_from_orig(f, a));
    size_t from = f->src[s->units.starts[u]];
    size_t to = u + 1 < s->units.count ? f->src[s->units.starts[u + 1]] : len;
    int cut_a = 0, cut_b = 0;
    if (a > from + BEFORE) {
        from = a - BEFORE;
        while (from < a && text[from - 1] != ' ')
            from++;
        cut_a = 1;
    }
    if (to > from + MAX && to > b) {
        size_t end = from + MAX > b ? from + MAX : b;
        while (end > b && text[end] != ' ')
            end--;
        to = end;
        cut_b = 1;
    }
    char *body = sg_suggest_collapse(text + from, to - from);
    char *out = body ? malloc(strlen(body) + 8) : NULL;
    if (out)
        sprintf(out, "%s%s%s", cut_a ? "\u2026" : "", body, cut_b ? "\u2026" : "");
    free(body);
    return out;
}

static int count_document(sg_suggester *s, const char *name, const char *text, size_t len,
                          sg_error *err)
{
    int rc = read_document(s, name, text, len, err);
    if (rc)
        return rc;
    s->nhits = 0;
    s->nomem = 0;
    if ((rc = sg_extractor_add(s->counter, name, text, len, err)))
        return s->nomem ? sg_error_set(err, SG_ERR_NOMEM, name, 0, -1, "out of memory") : rc;
    if (sg_segment(&s->units, &s->folded, SG_UNIT_SENTENCE, 0))
        return sg_error_set(err, SG_ERR_NOMEM, name, 0, -1, "out of memory");
    for (size_t i = 0; i < s->nhits; i++) {
        const row_hit *h = &s->hits[i];
        if (base_wins(s, h->s, h->e))
            continue;
        row *r = &s->rows.v[h->row];
        if (one_word(r) && (s->folded.flags[sg_folded_from_orig(&s->folded, h->s)] & SG_F_LOWER)) {
            r->lower++;
            continue;
        }
        if (!r->count++ && !(r->example = example(s, text, len, h->s, h->e)))
            return sg_error_set(err, SG_ERR_NOMEM, name, 0, -1, "out of memory");
    }
    return 0;
}

int sg_suggester_recount(sg_suggester *s, const char *name, const char *text, size_t len,
                         sg_error *err)
{
    if (!s || (!text && len) || s->opt.keep_documents || s->phase > 1)
        return sg_error_set(err, SG_ERR_INVALID, name, 0, -1,
                            s && s->opt.keep_documents
                                ? "the suggester keeps the documents: no recount"
                                : "invalid argument");
    int rc = 0;
    if (s->phase == 0 && (rc = fix_rows(s, err)))
        return rc;
    return count_document(s, name ? name : "<document>", text ? text : "", len, err);
}

static int cmp_rows(const void *pa, const void *pb)
{
    const row *a = pa, *b = pb;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    int c = strcmp(a->label, b->label);
    return c ? c : strcmp(a->id, b->id);
}

/* Leaves out the rows found too few times, and sequences found mostly in
 * lower case (a common word: "Santé"); sorts the others. */
static void keep_rows(sg_suggester *s)
{
    row_list *rl = &s->rows;
    size_t k = 0;
    for (size_t i = 0; i < rl->n; i++) {
        row *r = &rl->v[i];
        size_t min = r->kind == K_SEQUENCE ? s->opt.min_count : 1;
        int common = r->seen && r->count + r->lower > 2 * r->seen;
        if (r->count >= min && r->example && !common)
            rl->v[k++] = *r;
        else
            row_free(r);
    }
    rl->n = k;
    if (rl->n > 1)
        qsort(rl->v, rl->n, sizeof(row), cmp_rows);
}

int sg_suggester_run(sg_suggester *s, sg_suggestion_list **out, sg_error *err)
{
    if (!s || !out || s->phase > 1)
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1,
                            s && s->phase > 1 ? "the suggester has already run"
                                              : "invalid argument");
    int rc = 0;
    if (s->phase == 0) {
        if ((rc = fix_rows(s, err)))
            return rc;
        for (size_t i = 0; i < s->ndocs && !rc; i++)
            rc = count_document(s, s->names[i], s->texts[i], s->lens[i], err);
        if (rc)
            return rc;
    }
    s->phase = 2;
    keep_rows(s);
    sg_suggestion_list *l = calloc(1, sizeof(*l));
    if (!l || !(l->v = sg_alloc_array(s->rows.n + 1, sizeof(sg_suggestion)))) {
        free(l);
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    }
    l->rows = s->rows.v;
    l->n = s->rows.n;
    for (size_t i = 0; i < l->n; i++) {
        const row *r = &l->rows[i];
        sg_suggestion *g = &l->v[i];
        g->id = r->id;
        g->label = r->label;
        g->type = r->type;
        g->aliases = r->aliases;
        g->surname = r->surname;
        g->kind = r->why;
        g->count = r->count;
        g->example = r->example;
    }
    /* the rows now belong to the list */
    s->rows.v = NULL;
    s->rows.n = s->rows.cap = 0;
    *out = l;
    return 0;
}

size_t sg_suggestion_list_count(const sg_suggestion_list *l)
{
    return l ? l->n : 0;
}

const sg_suggestion *sg_suggestion_list_get(const sg_suggestion_list *l, size_t i)
{
    return l && i < l->n ? &l->v[i] : NULL;
}

void sg_suggestion_list_free(sg_suggestion_list *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++)
        row_free(&l->rows[i]);
    free(l->rows);
    free(l->v);
    free(l);
}
