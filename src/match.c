/* Leftmost-longest matching of gazetteer names over folded text: from every
 * word start, one hash lookup a word (is the text so far the beginning of a
 * name?) whatever the size of the gazetteer, plus PCRE2 patterns over the
 * original text, then a greedy choice of non-overlapping mentions. */
#include <stdlib.h>
#include <string.h>

#include "match_int.h"
#include "sg_internal.h"
#include "variants_int.h"

void sg_hits_free(sg_hits *h)
{
    if (!h)
        return;
    free(h->v);
    free(h->tmp);
    memset(h, 0, sizeof(*h));
}

int sg_hits_push(sg_hits *h, size_t fs, size_t fe, uint32_t entity, unsigned char how)
{
    if (sg_grow((void **)&h->v, &h->cap, h->n + 1, sizeof(sg_hit)))
        return SG_ERR_NOMEM;
    h->v[h->n++] = (sg_hit){fs, fe, 0, entity, how, 0};
    return 0;
}

static int cmp_hit(const void *a, const void *b)
{
    const sg_hit *x = a, *y = b;
    if (x->fs != y->fs)
        return x->fs < y->fs ? -1 : 1;
    if (x->fe != y->fe)
        return x->fe > y->fe ? -1 : 1; /* longest first */
    if (x->how != y->how)
        return x->how < y->how ? -1 : 1;
    return x->entity < y->entity ? -1 : x->entity > y->entity;
}

/* Merges the sorted runs v[0, mid) and v[mid, n), the first one's hits first
 * among equal ones, through tmp (mid hits). */
static void merge_runs(sg_hit *v, size_t mid, size_t n, sg_hit *tmp)
{
    memcpy(tmp, v, mid * sizeof(sg_hit));
    size_t i = 0, j = mid, o = 0;
    while (i < mid && j < n) /* (o <= j: what is written was read) */
        v[o++] = cmp_hit(&v[j], &tmp[i]) < 0 ? v[j++] : tmp[i++];
    while (i < mid)
        v[o++] = tmp[i++];
}

/* A stable merge sort, by insertion below 16 hits. */
static void sort_hits(sg_hit *v, size_t n, sg_hit *tmp)
{
    if (n <= 16) {
        for (size_t i = 1; i < n; i++) {
            sg_hit x = v[i];
            size_t j = i;
            for (; j > 0 && cmp_hit(&v[j - 1], &x) > 0; j--)
                v[j] = v[j - 1];
            v[j] = x;
        }
        return;
    }
    size_t mid = n / 2;
    sort_hits(v, mid, tmp);
    sort_hits(v + mid, n - mid, tmp);
    if (cmp_hit(&v[mid - 1], &v[mid]) > 0)
        merge_runs(v, mid, n, tmp);
}

int sg_hits_merge(sg_hits *h, sg_hits *add)
{
    for (size_t i = 0; i < add->n; i++)
        if (sg_hits_push(h, add->v[i].fs, add->v[i].fe, add->v[i].entity, add->v[i].how))
            return SG_ERR_NOMEM;
    add->n = 0;
    sg_hits_sort(h);
    return 0;
}

void sg_hits_sort(sg_hits *h)
{
    size_t k = 1; /* the sorted beginning */
    while (k < h->n && cmp_hit(&h->v[k - 1], &h->v[k]) <= 0)
        k++;
    if (k >= h->n)
        return;
    if (sg_grow((void **)&h->tmp, &h->tmp_cap, h->n, sizeof(sg_hit))) {
        qsort(h->v, h->n, sizeof(sg_hit), cmp_hit); /* (glibc's: stable too, given memory) */
        return;
    }
    sort_hits(h->v + k, h->n - k, h->tmp);
    if (cmp_hit(&h->v[k - 1], &h->v[k]) > 0)
        merge_runs(h->v, k, h->n, h->tmp);
}

uint32_t sg_matcher_rank(const sg_matcher *m, uint32_t entity)
{
    return m->rank[entity];
}

prefix_rec *sg_prefix_get(sg_matcher *m, uint64_t h)
{
    if ((m->nprefixes + 1) * 2 > m->prefix_mask + 1) {
        size_t nmask = m->prefix_mask * 2 + 1;
        prefix_rec *t = sg_calloc_array(nmask + 1, sizeof(prefix_rec));
        prefix_ext *x = sg_alloc_array(nmask + 1, sizeof(prefix_ext));
        uint32_t *a = sg_alloc_array(nmask + 1, sizeof(uint32_t));
        if (!t || !x || !a) {
            free(t);
            free(x);
            free(a);
            return NULL;
        }
        for (size_t i = 0; i <= m->prefix_mask; i++)
            if (m->prefixes[i].key) {
                size_t j = sg_prefix_slot(t, nmask, m->prefixes[i].key >> PREFIX_SHIFT);
                t[j] = m->prefixes[i];
                if (t[j].key & (PREFIX_SKEL | PREFIX_FUZZY))
                    x[j] = m->prefix_ext[i];
                if (t[j].key & PREFIX_WHOLE)
                    a[j] = m->prefix_alias[i];
            }
        free(m->prefixes);
        free(m->prefix_ext);
        free(m->prefix_alias);
        m->prefixes = t;
        m->prefix_ext = x;
        m->prefix_alias = a;
        m->prefix_mask = nmask;
    }
    uint32_t fp = sg_prefix_fp(h);
    size_t i = sg_prefix_slot(m->prefixes, m->prefix_mask, fp);
    prefix_rec *r = &m->prefixes[i];
    if (!r->key) { /* (its side records are read only once a flag says so) */
        *r = (prefix_rec){fp << PREFIX_SHIFT};
        m->nprefixes++;
    }
    return r;
}

/* Adds a prefix; `alias` (a whole name) joins its chain. */
static int prefix_add(sg_matcher *m, uint64_t h, uint32_t alias)
{
    prefix_rec *r = sg_prefix_get(m, h);
    if (!r)
        return SG_ERR_NOMEM;
    if (alias != SG_TRIE_NONE) {
        m->aliases[alias].next = sg_prefix_alias(m, r);
        m->prefix_alias[r - m->prefixes] = alias;
        r->key |= PREFIX_WHOLE;
    }
    return 0;
}

int sg_matcher_text(sg_matcher *m, const char *t, size_t n, size_t *off)
{
    if (sg_grow((void **)&m->texts, &m->texts_cap, m->texts_len + n, 1))
        return SG_ERR_NOMEM;
    memcpy(m->texts + m->texts_len, t, n);
    *off = m->texts_len;
    m->texts_len += n;
    return 0;
}

/* The prefixes of folded alias t[0, n) that end a word, the whole one last. */
static int add_prefixes(sg_matcher *m, const char *t, const unsigned char *fl, size_t n,
                        uint32_t alias)
{
    uint64_t h = SG_PREFIX_SEED;
    for (size_t k = 0; k < n;) { /* (a word at a time, and what comes before it) */
        while (k < n && !(fl[k] & SG_F_ALNUM))
            h = sg_prefix_step(h, (unsigned char)t[k++]);
        size_t ws = k;
        while (k < n && (fl[k] & SG_F_ALNUM))
            h = sg_prefix_step(h, (unsigned char)t[k++]);
        if (k > ws && prefix_add(m, h, k == n ? alias : SG_TRIE_NONE))
            return SG_ERR_NOMEM;
    }
    return 0;
}

int sg_name_read(sg_folded *scratch, const char *written, unsigned char guard, sg_name_reading *r)
{
    memset(r, 0, sizeof(*r));
    const char *s = written;
    if (s[0] == '!') {
        s++;
        guard = SG_GUARD_NONE;
    }
    r->guard = guard;
    if (guard == SG_GUARD_NEVER)
        return 0;
    int exact = s[0] == '=' || guard == SG_GUARD_EXACT;
    s += s[0] == '=';
    r->spelling = s;
    const char *t = NULL;
    const unsigned char *fl = NULL;
    size_t n = 0;
    int rc = sg_fold_name_in(scratch, s, strlen(s), &t, &fl, &n);
    if (rc)
        return rc;
    /* a name matches from its first letter to its last ("C.H.U.", "Château-
     * Chinon (Ville)", names in quotes) */
    while (n > 0 && !(fl[0] & SG_F_ALNUM)) {
        t++;
        fl++;
        n--;
    }
    size_t full = n;
    while (n > 0 && !(fl[n - 1] & SG_F_ALNUM))
        n--;
    if (n == 0)
        return 0;
    int upper = 0, lower = 0;
    for (size_t i = 0; i < n && !(upper && lower); i++) { /* (most: at the second letter) */
        upper |= (fl[i] & SG_F_UPPER) != 0;
        lower |= (fl[i] & SG_F_LOWER) != 0;
    }
    r->t = t;
    r->fl = fl;
    r->n = n;
    r->tail = full - n > 8 ? 0 : full - n;
    r->mode = exact ? MODE_EXACT : upper && !lower ? MODE_ACRONYM : MODE_PLAIN;
    return 0;
}

int sg_matcher_names_place(const sg_matcher *m, sg_folded *scratch, const char *written)
{
    sg_name_reading nr;
    if (sg_name_read(scratch, written, SG_GUARD_NONE, &nr))
        return SG_ERR_NOMEM;
    return nr.n > 0 && sg_alias_named(m, nr.t, nr.n, 1) != SG_TRIE_NONE;
}

/* `guard`: the entry's guard (SG_GUARD_*), unless the name is written "!name";
 * with SG_ALIAS_LENT, a name lent (known.c). */
int sg_matcher_add_alias(sg_matcher *m, sg_folded *scratch, uint32_t entity, const char *alias,
                         unsigned char guard)
{
    unsigned char lent = guard & SG_ALIAS_LENT;
    sg_name_reading nr;
    int rc = sg_name_read(scratch, alias, guard & ~SG_ALIAS_LENT, &nr);
    if (rc || nr.n == 0)
        return rc;
    if (m->note_known && (rc = sg_known_note(m, entity, &nr)))
        return rc;
    const char *t = nr.t;
    const unsigned char *fl = nr.fl;
    size_t n = nr.n;
    alias_rec a = {
        entity,
        (uint32_t)n,
        m->texts_len,
        0,
        SG_TRIE_NONE,
        nr.mode,
        (unsigned char)((nr.guard == SG_GUARD_CONFIRM || nr.guard == SG_GUARD_CUE ? nr.guard : 0) |
                        lent),
        (unsigned char)nr.tail,
        0};
    size_t w = 0;
    while (w < n && (fl[w] & SG_F_ALNUM))
        w++;
    /* one word written capitalised is a proper noun: in lower case it is most
       often the common word ("l'État" / "l'état du patient", "Orange" / "orange") */
    a.capital = (fl[0] & SG_F_UPPER) && nr.mode == MODE_PLAIN &&
                (w == n || (!m->is_person[entity] && !m->is_place[entity] &&
                            (sg_word_is(t, w, "region") || sg_word_is(t, w, "departement") ||
                             sg_word_is(t, w, "ville"))));
    /* "La" and one word capitalised, "La Réunion": the word read capitalised
       ("la réunion publique" is no island); "Le", "Les" so for a body ("le
       point du jour" is no weekly; a place's "le" and "les" are left to the
       readings of "au", "du", "aux", "des") */
    size_t w2 = w + 1;
    while (w2 < n && (fl[w2] & SG_F_ALNUM))
        w2++;
    if (!a.capital && nr.mode == MODE_PLAIN && w2 == n && w + 1 < n && t[w] == ' ' &&
        (fl[w + 1] & SG_F_UPPER) &&
        (sg_word_is(t, w, "la") || (!m->is_place[entity] && !m->is_person[entity] &&
                                    (sg_word_is(t, w, "le") || sg_word_is(t, w, "les")))))
        a.capital = 2;
    if (n >= UINT32_MAX || m->naliases >= UINT32_MAX - 1)
        rc = SG_ERR_LIMIT;
    else
        rc = sg_matcher_text(m, t, n + a.tail, &a.text_off);
    if (!rc && a.mode == MODE_EXACT) {
        a.flags_off = m->pool_len;
        rc = sg_grow((void **)&m->pool, &m->pool_cap, m->pool_len + n, 1);
        if (!rc) {
            memcpy(m->pool + m->pool_len, fl, n);
            m->pool_len += n;
        }
    }
    if (!rc)
        rc = sg_grow((void **)&m->aliases, &m->aliases_cap, m->naliases + 1, sizeof(alias_rec));
    if (!rc) {
        m->aliases[m->naliases] = a;
        /* (a name lent has a table of its own: known.c) */
        rc = lent ? sg_known_index(m, t, fl, n, (uint32_t)m->naliases)
                  : add_prefixes(m, t, fl, n, (uint32_t)m->naliases);
        m->naliases++;
    }
    if (!rc && !a.guard && a.mode != MODE_EXACT) /* (none for a lent name) */
        rc = sg_variants_add(m, entity, (uint32_t)(m->naliases - 1), nr.spelling, t, fl, n, a.mode);
    return rc;
}

size_t sg_alias_tail(const sg_matcher *m, const alias_rec *a, const sg_folded *f, size_t end)
{
    /* punctuation that ends the name as written goes with it when the text
     * has it: "Château-Chinon (Ville)", "C.H.U." */
    if (a->tail && end + a->tail <= f->len &&
        !memcmp(f->text + end, m->texts + a->text_off + a->len, a->tail))
        end += a->tail;
    return end;
}

int sg_label_is_exact(const sg_entity *e)
{
    for (size_t a = 0; a < e->naliases; a++)
        if (e->aliases[a][0] == '=' && !strcmp(e->aliases[a] + 1, e->label))
            return 1;
    return 0;
}

static int add_head(sg_matcher *m, sg_folded *scratch, uint32_t entity, const char *name)
{
    name += name[0] == '!';
    if (name[0] == '=' || !(m->allowed[entity] & SG_VARIANT_DEFINED))
        return 0;
    size_t n = strcspn(name, " -\xe2"), letters = 0;
    for (size_t i = 0; i < n; i++) {
        if (name[i] >= 'A' && name[i] <= 'Z')
            letters++;
        else if (!(name[i] >= '0' && name[i] <= '9'))
            return 0;
    }
    if (letters < 2 || !name[n])
        return 0;
    const char *t = NULL;
    const unsigned char *fl = NULL;
    size_t tn = 0;
    int rc = sg_fold_name_in(scratch, name, n, &t, &fl, &tn);
    if (!rc && tn > 0)
        rc = sg_trie_insert(m->heads, t, tn, entity);
    return rc;
}

/* The surname of a person: the explicit column, else the label's last word. */
static int add_surname(sg_matcher *m, sg_folded *scratch, uint32_t entity, const sg_entity *e)
{
    const char *s = e->surname;
    if (!s) {
        const char *sp = strrchr(e->label, ' ');
        if (!sp)
            return 0; /* a single name is already matched as the label */
        s = sp + 1;
        /* an elided particle is no part of the surname the walk reads from
           its capital: "Harcourt" of "Claude d'Harcourt" (resolved with it,
           surnames.c) */
        if ((s[0] == 'd' || s[0] == 'D') && s[1] == '\'' && s[2])
            s += 2;
        else if ((s[0] == 'd' || s[0] == 'D') && !strncmp(s + 1, "\xe2\x80\x99", 3) && s[4])
            s += 4;
    }
    const char *t = NULL;
    const unsigned char *fl = NULL;
    size_t n = 0;
    int rc = sg_fold_name_in(scratch, s, strlen(s), &t, &fl, &n);
    if (!rc && n > 0)
        rc = sg_trie_insert(m->surnames, t, n, entity);
    return rc;
}

static int add_pattern(sg_matcher *m, uint32_t entity, const sg_entity *e, sg_error *err)
{
    char msg[256];
    size_t off = 0;
    sg_regex *re = NULL;
    int rc = sg_regex_compile(&re, e->pattern, msg, sizeof(msg), &off);
    if (rc)
        return sg_error_set(err, rc, e->file, e->line, -1, "invalid pattern: %s", msg);
    m->patterns[m->npatterns++] = (pattern_rec){entity, re};
    return 0;
}

/* The bitmaps of the entities' kinds and head acronyms (match_int.h). */
static int build_bits(sg_matcher *m, size_t n)
{
    m->has_head = calloc(n / 64 + 1, sizeof(uint64_t));
    m->person_bits = calloc(n / 64 + 1, sizeof(uint64_t));
    m->place_bits = calloc(n / 64 + 1, sizeof(uint64_t));
    if (!m->has_head || !m->person_bits || !m->place_bits)
        return SG_ERR_NOMEM;
    for (size_t e = 0; e < n; e++) {
        uint64_t bit = 1ULL << (e % 64);
        if (sg_trie_node_of(m->heads, (uint32_t)e) != SG_TRIE_NONE)
            m->has_head[e / 64] |= bit;
        if (m->is_person[e])
            m->person_bits[e / 64] |= bit;
        if (m->is_place[e])
            m->place_bits[e / 64] |= bit;
    }
    return 0;
}

/* The filter of the prefixes, once they are all in: two bits of one 64-bit
 * word a prefix, a word for eight prefixes (one false "maybe" in 20). */
static int build_filter(sg_matcher *m)
{
    size_t words = 64;
    while (words * 8 < m->nprefixes && words < ((size_t)1 << 24))
        words *= 2;
    if (!(m->filter = calloc(words, sizeof(uint64_t))))
        return SG_ERR_NOMEM;
    m->filter_mask = words - 1;
    for (size_t i = 0; i <= m->prefix_mask; i++)
        if (m->prefixes[i].key) {
            size_t word;
            uint64_t bits =
                sg_filter_bits(m->prefixes[i].key >> PREFIX_SHIFT, m->filter_mask, &word);
            m->filter[word] |= bits;
        }
    return 0;
}

void sg_matcher_free(sg_matcher *m)
{
    if (!m)
        return;
    sg_known_free(m->known);
    free(m->lent_prefixes);
    free(m->lent_skels);
    free(m->lent_skel_text);
    free(m->filter);
    free(m->has_head);
    free(m->person_bits);
    free(m->place_bits);
    sg_trie_free(m->surnames);
    sg_trie_free(m->heads);
    free(m->aliases);
    free(m->skels);
    free(m->coordinated);
    free(m->fuzzy_next);
    free(m->forms);
    free(m->is_place);
    free(m->body_kind);
    free(m->bodies);
    free(m->dept_bodies);
    free(m->body_dept);
    free(m->by_city);
    free(m->allowed);
    free(m->prefixes);
    free(m->prefix_ext);
    free(m->prefix_alias);
    free(m->texts);
    free(m->pool);
    for (size_t i = 0; i < m->npatterns; i++)
        sg_regex_free(m->patterns[i].re);
    free(m->patterns);
    free(m->rank);
    free(m->is_person);
    free(m);
}

static int compute_ranks(sg_matcher *m, size_t n)
{
    /* gazetteers are most often written in id order: then no sort is needed
     * (100,000 ids sorted cost more than a tenth of the matcher's making) */
    size_t sorted = 1;
    while (sorted < n && strcmp(m->gaz->ents[sorted - 1].id, m->gaz->ents[sorted].id) <= 0)
        sorted++;
    if (sorted >= n) {
        for (size_t r = 0; r < n; r++)
            m->rank[r] = (uint32_t)r;
        return 0;
    }
    const char **ids = sg_alloc_array(n + 1, sizeof(char *));
    size_t *order = sg_alloc_array(n + 1, sizeof(size_t));
    int rc = ids && order ? 0 : SG_ERR_NOMEM;
    for (size_t i = 0; !rc && i < n; i++)
        ids[i] = m->gaz->ents[i].id;
    if (!rc)
        rc = sg_order_strings(order, ids, n);
    for (size_t r = 0; !rc && r < n; r++)
        m->rank[order[r]] = (uint32_t)r;
    free(ids);
    free(order);
    return rc;
}

/* The names' and skeletons' arrays sized at once for the gazetteer (grown
 * by doubling, each was copied a dozen times, and its pages faulted in twice):
 * a record a name, fewer skeletons than names (two thirds in the bench
 * gazetteers) and about 40 folded bytes a name or skeleton. Only a first size:
 * they grow past it when need be. */
static int reserve_names(sg_matcher *m, size_t names, unsigned variants)
{
    if (sg_grow((void **)&m->aliases, &m->aliases_cap, names, sizeof(alias_rec)) ||
        sg_grow((void **)&m->texts, &m->texts_cap, names * 40, 1))
        return SG_ERR_NOMEM;
    if (variants && (sg_grow((void **)&m->skels, &m->skels_cap, names, sizeof(skel_rec)) ||
                     sg_grow((void **)&m->fuzzy_next, &m->fuzzy_cap, names, sizeof(fuzzy_link))))
        return SG_ERR_NOMEM;
    return 0;
}

/* The entity arrays sized for `n` entities, new ones zeroed. */
static int entity_room(sg_matcher *m, size_t n)
{
    if (n <= m->ents_cap)
        return 0;
    size_t cap = m->ents_cap ? m->ents_cap : 64;
    while (cap < n)
        cap *= 2;
    uint32_t *rank = realloc(m->rank, cap * sizeof(uint32_t));
    if (rank)
        m->rank = rank;
    unsigned char *person = realloc(m->is_person, cap), *place = realloc(m->is_place, cap);
    if (person)
        m->is_person = person;
    if (place)
        m->is_place = place;
    uint16_t *allowed = realloc(m->allowed, cap * sizeof(uint16_t));
    if (allowed)
        m->allowed = allowed;
    unsigned char *body_kind = realloc(m->body_kind, cap);
    if (body_kind)
        m->body_kind = body_kind;
    pattern_rec *patterns = realloc(m->patterns, cap * sizeof(pattern_rec));
    if (patterns)
        m->patterns = patterns;
    if (!rank || !person || !place || !allowed || !body_kind || !patterns)
        return SG_ERR_NOMEM;
    size_t old = m->ents_cap;
    memset(m->is_person + old, 0, cap - old);
    memset(m->is_place + old, 0, cap - old);
    memset(m->allowed + old, 0, (cap - old) * sizeof(uint16_t));
    memset(m->body_kind + old, 0, cap - old);
    m->ents_cap = cap;
    return 0;
}

int sg_matcher_begin(sg_matcher **out, const sg_gazetteer *gaz, unsigned variants, size_t expected,
                     size_t names, sg_error *err)
{
    if (expected >= UINT32_MAX)
        return sg_error_set(err, SG_ERR_LIMIT, NULL, 0, -1, "too many entities");
    sg_matcher *m = calloc(1, sizeof(*m));
    if (!m)
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    m->gaz = gaz;
    m->build_variants = variants;
    for (size_t k = 0; k < SG_BODY_KINDS; k++)
        m->body_only[k] = SG_TRIE_NONE;
    /* sized for four prefixes an entity (the bench gazetteers have 3.1 with
     * their skeletons and readings) at half load: the table does not grow,
     * where sized for two it grew once at the end of the making (a copy of
     * every record and a second table's pages faulted in) */
    m->city_attr = SIZE_MAX; /* (sg_matcher_finish finds it) */
    m->paca = SG_TRIE_NONE;
    m->prefix_mask = 1023;
    while (m->prefix_mask + 1 < 8 * expected && m->prefix_mask < ((size_t)1 << 30))
        m->prefix_mask = m->prefix_mask * 2 + 1;
    m->prefixes = sg_calloc_array(m->prefix_mask + 1, sizeof(prefix_rec));
    m->prefix_ext = sg_alloc_array(m->prefix_mask + 1, sizeof(prefix_ext));
    m->prefix_alias = sg_alloc_array(m->prefix_mask + 1, sizeof(uint32_t));
    if (!m->prefixes || !m->prefix_ext || !m->prefix_alias || sg_trie_new(&m->surnames) ||
        sg_trie_new(&m->heads) || entity_room(m, expected ? expected : 1) ||
        reserve_names(m, names, variants)) {
        sg_matcher_free(m);
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    }
    *out = m;
    return 0;
}

/* Is an entity's type `name`? Its first letter tells most apart (three
 * strcmp an entity were 8M instructions of the bench's 100,000 entries). */
static int type_is(const char *type, const char *name)
{
    return type[0] == name[0] && !strcmp(type, name);
}

int sg_matcher_add_entity(sg_matcher *m, sg_folded *scratch, size_t i, sg_error *err)
{
    const sg_entity *e = &m->gaz->ents[i];
    int rc = i >= UINT32_MAX - 1 ? SG_ERR_LIMIT : entity_room(m, i + 1);
    if (rc)
        return sg_error_set(err, rc, NULL, 0, -1, "%s", sg_status_string(rc));
    m->is_person[i] = type_is(e->type, "person");
    m->is_place[i] = !m->is_person[i] && type_is(e->type, "place");
    m->allowed[i] = (uint16_t)(m->build_variants & SG_VARIANT_ALL & ~e->variants_off);
    m->variants |= m->allowed[i] & ~SG_VARIANT_KNOWN; /* (known.c's, not read by the walk) */
    /* an organisation may borrow the names of the bundled entry it names: the
     * bundled table is read when the first one comes */
    m->note_known = (m->allowed[i] & SG_VARIANT_KNOWN) && type_is(e->type, "organisation");
    if (m->note_known && !m->known && (rc = sg_known_begin(m, scratch, err)))
        return rc;
    if (!sg_label_is_exact(e) &&
        (rc = sg_matcher_add_alias(m, scratch, (uint32_t)i, e->label, e->guard)))
        goto fail;
    for (size_t a = 0; a < e->naliases; a++)
        if ((rc = sg_matcher_add_alias(m, scratch, (uint32_t)i, e->aliases[a], e->guard)))
            goto fail;
    m->note_known = 0;
    if (m->is_person[i] && (rc = add_surname(m, scratch, (uint32_t)i, e)))
        goto fail;
    if (!m->is_person[i] && !m->is_place[i] && !e->guard) {
        if ((rc = add_head(m, scratch, (uint32_t)i, e->label)) ||
            (rc = sg_bodies_add(m, scratch, (uint32_t)i)))
            goto fail;
        for (size_t a = 0; a < e->naliases; a++)
            if ((rc = add_head(m, scratch, (uint32_t)i, e->aliases[a])))
                goto fail;
    }
    if (e->pattern)
        return add_pattern(m, (uint32_t)i, e, err);
    return 0;
fail:
    return sg_error_set(err, rc, NULL, 0, -1, "%s", sg_status_string(rc));
}

int sg_matcher_finish(sg_matcher *m, sg_folded *scratch, sg_error *err)
{
    size_t n = m->gaz->n;
    int rc = n >= UINT32_MAX ? SG_ERR_LIMIT : entity_room(m, n ? n : 1);
    if (rc || (rc = compute_ranks(m, n)) || (rc = sg_qualified_names_add(m, scratch)) ||
        (rc = sg_towns_add(m, scratch)) || (rc = sg_region_names_add(m, scratch)) ||
        (rc = sg_variants_finish(m)) || (rc = sg_region_place_names_add(m, scratch)) ||
        (m->known && (rc = sg_known_lend(m, scratch))) || (rc = sg_bodies_finish(m, scratch)) ||
        (rc = build_filter(m)) || (rc = sg_trie_freeze(m->surnames)) ||
        (rc = sg_trie_freeze(m->heads)) || (rc = build_bits(m, n)) || (rc = sg_drop_finish(m)))
        return sg_error_set(err, rc, NULL, 0, -1, "%s", sg_status_string(rc));
    sg_known_free(m->known); /* (the lent names are copied into the matcher) */
    m->known = NULL;
    return 0;
}

int sg_matcher_new(sg_matcher **out, const sg_gazetteer *gaz, unsigned variants, sg_error *err)
{
    size_t n = gaz->n, names = 0;
    if (n >= UINT32_MAX)
        return sg_error_set(err, SG_ERR_LIMIT, NULL, 0, -1, "too many entities");
    for (size_t i = 0; i < n; i++)
        names += 1 + gaz->ents[i].naliases;
    sg_matcher *m = NULL;
    int rc = sg_matcher_begin(&m, gaz, variants, n, names, err);
    if (rc)
        return rc;
    sg_folded scratch; /* one folding buffer for every name */
    memset(&scratch, 0, sizeof(scratch));
    for (size_t i = 0; !rc && i < n; i++)
        rc = sg_matcher_add_entity(m, &scratch, i, err);
    if (!rc)
        rc = sg_matcher_finish(m, &scratch, err);
    sg_folded_free(&scratch);
    if (rc) {
        sg_matcher_free(m);
        return rc;
    }
    *out = m;
    return 0;
}

int sg_office_before(const sg_folded *f, size_t i)
{
    static const char *const of[] = {"de", "du"};
    static const char *const offices[] = {"president",  "presidente",  "presidents",
                                          "conseiller", "conseillere", "conseillers",
                                          "elu",        "elue",        "maire"};
    size_t b, e;
    if (i + 5 <= f->len && !memcmp(f->text + i, "ville", 5) &&
        (i + 5 == f->len || !(f->flags[i + 5] & SG_F_ALNUM)))
        return 0; /* "le maire de la ville": the town he heads, no body */
    sg_word_before(f, i, 1, &b, &e);
    if (e > b && sg_word_is(f->text + b, e - b, "la"))
        sg_word_before(f, b, 1, &b, &e);
    if (e == b || !sg_word_in(f->text + b, e - b, of, 2))
        return 0;
    sg_word_before(f, b, 1, &b, &e);
    if (sg_party_at(f, b, e)) /* "la présidente LR du département" */
        sg_word_before(f, b, 1, &b, &e);
    return e > b && sg_word_in(f->text + b, e - b, offices, sizeof(offices) / sizeof(*offices));
}

/* "la ville de X" in lower case is the city's body as a subject (opening a
 * sentence, a list's item or a clause: after a bullet, a comma, "que",
 * "laquelle", "tandis que"…) or
 * as the agent after "par": "La ville de Cannes a décidé", "tandis que la
 * ville de Nice mettra des locaux à disposition", "financé par la ville de
 * Nice"; and after what a body has: "les finances de la ville de Nice", "le
 * soutien de la ville de Nice" (elsewhere, "il aime la ville de Marseille",
 * "au nord de la ville de Nice", the territory). */
static int city_acts(const sg_folded *f, size_t i)
{
    static const char *const openers[] = {"par",  "que",   "laquelle", "lequel",
                                          "dont", "quand", "car",      "mais"};
    /* what a body has: "les finances de la ville de Nice" */
    static const char *const means[] = {"agents",     "budget",      "decision", "elus",
                                        "finances",   "partenariat", "services", "soutien",
                                        "subvention", "subventions"};
    size_t b, e;
    if (i + 5 > f->len || memcmp(f->text + i, "ville", 5))
        return 0;
    sg_word_before(f, i, 0, &b, &e);
    if (!sg_word_is(f->text + b, e - b, "la"))
        return 0;
    size_t k = b;
    while (k > 0 && f->text[k - 1] == ' ')
        k--;
    if (k == 0 || strchr(".!?:,;\n", f->text[k - 1]) ||
        (k >= 3 && !memcmp(f->text + k - 3, "\xe2\x80\xa2", 3))) /* a bullet: "• La ville" */
        return 1;
    sg_word_before(f, b, 0, &b, &e);
    if (e == k && sg_word_in(f->text + b, e - b, openers, sizeof(openers) / sizeof(*openers)))
        return 1;
    if (e != k || !sg_word_is(f->text + b, e - b, "de"))
        return 0;
    sg_word_before(f, b, 0, &b, &e);
    return e > b && sg_word_in(f->text + b, e - b, means, sizeof(means) / sizeof(*means));
}

int sg_case_fits(const sg_matcher *m, const alias_rec *a, const sg_folded *f, size_t i)
{
    const unsigned char *flags = f->flags;
    if (a->capital == 1 && !(flags[i] & SG_F_UPPER) && !sg_office_before(f, i) && !city_acts(f, i))
        return 0;
    if (a->capital == 2) { /* the word after the article */
        size_t k = i;
        while (k < i + a->len && (flags[k] & SG_F_ALNUM))
            k++;
        while (k < i + a->len && !(flags[k] & SG_F_ALNUM))
            k++;
        if (k < i + a->len && !(flags[k] & SG_F_UPPER))
            return 0;
    }
    if (a->mode == MODE_ACRONYM) {
        for (size_t k = 0; k < a->len; k++)
            if (flags[i + k] & SG_F_LOWER)
                return 0;
    } else if (a->mode == MODE_EXACT) {
        const unsigned char *want = m->pool + a->flags_off;
        /* after an office, a body's name is its own in lower case too, and
           the territory's is not: "le président de la région Sud" names
           the council ("=Région Sud"), not the region ("=région Sud") */
        int office = (flags[i] & SG_F_LOWER) && sg_office_before(f, i);
        if (office && m->is_place[a->entity])
            return 0;
        for (size_t k = office && !m->is_person[a->entity] && (want[0] & SG_F_UPPER); k < a->len;
             k++)
            if ((flags[i + k] ^ want[k]) & (SG_F_UPPER | SG_F_LOWER))
                return 0;
    }
    return 1;
}

/* Better of two aliases on the same span: exact case, then acronym, then the
 * entity first in id order. */
int sg_alias_better(const sg_matcher *m, const alias_rec *a, const alias_rec *b)
{
    if (a->mode != b->mode)
        return a->mode > b->mode;
    return m->rank[a->entity] < m->rank[b->entity];
}

/* The best alias spelled f->text[i, end) that fits the text's case, among
 * the chain of prefix `r`; NULL if none. */
static const alias_rec *name_at(const sg_matcher *m, const prefix_rec *r, const sg_folded *f,
                                size_t i, size_t end)
{
    const alias_rec *here = NULL;
    for (uint32_t v = sg_prefix_alias(m, r); v != SG_TRIE_NONE; v = m->aliases[v].next) {
        const alias_rec *a = &m->aliases[v];
        if (a->len == end - i && !memcmp(m->texts + a->text_off, f->text + i, a->len) &&
            sg_case_fits(m, a, f, i) && (!here || sg_alias_better(m, a, here)))
            here = a;
    }
    return here;
}

/* Longest name starting at word start i; 0 if none. Names start and end with
 * a letter or digit (the gazetteer checks it), so a name ends where a word of
 * the text ends: the text is read one word at a time, and the walk stops at
 * the first word that ends no name's prefix. */
/* After the words hashed to h_word and the function words from j on, is
 * there a skeleton (or a name) that goes on with the next content word? */
static int skeleton_goes_on(const sg_matcher *m, const sg_folded *f, uint64_t h_word, size_t j)
{
    const unsigned char *t = (const unsigned char *)f->text, *fl = f->flags;
    for (;;) {
        while (j < f->len && (t[j] == ' ' || t[j] == '\''))
            j++;
        if (j >= f->len || !(fl[j] & SG_F_ALNUM))
            return j < f->len && t[j] == '('; /* an interrupting acronym: walk */
        size_t e = j;
        while (e < f->len && (fl[e] & SG_F_ALNUM))
            e++;
        if (!sg_function_word((const char *)t + j, e - j)) {
            const char *w = (const char *)t + j; /* (as the skeleton reads it) */
            size_t wn = e - j;
            sg_skeleton_word(&w, &wn);
            uint64_t h = sg_prefix_step(h_word, ' ');
            for (size_t k = 0; k < wn; k++)
                h = sg_prefix_step(h, (unsigned char)w[k]);
            return sg_prefix_lookup(m, h) != NULL;
        }
        j = e;
    }
}

/* "hôpital de proximité de X": the designation a local hospital has borne
 * since 2022, after the head and its "de", which the skeleton's walk reads as
 * a word inserted after the head. `first_end`: the head's end; j: the end of
 * its "de". */
static int proximity_after(const sg_folded *f, size_t i, size_t first_end, size_t j)
{
    static const char word[] = " proximite";
    size_t n = sizeof(word) - 1;
    return first_end - i == 7 && !memcmp(f->text + i, "hopital", 7) && j + n <= f->len &&
           !memcmp(f->text + j, word, n) && !(f->flags[j + n] & SG_F_ALNUM);
}

/* Does a mark at t that a skeleton's walk reads through start there: an
 * apostrophe, an "(ACR)", a slash between towns, an opening quotation mark
 * (", «, “)? */
static int walk_mark(const unsigned char *u, size_t left)
{
    return u[0] == '\'' || u[0] == '(' || u[0] == '/' || u[0] == '"' ||
           (left >= 2 && u[0] == 0xC2 && u[1] == 0xAB) ||
           (left >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0x9C);
}

/* A generic head, then text[ws, j) one space after it, which no name goes
 * on with: an adjective may be inserted there ("clinique marseillaise
 * Bouchard"). The skeleton's walk, which would skip it, is needed only where
 * the word may be inserted (four letters or more, in lower case) or the head
 * alone is a skeleton; without the latter, it resumes after the word. */
static void after_generic_head(const sg_folded *f, size_t i, size_t ws, size_t j, sg_walk *w)
{
    int insertable = j - ws >= 4 && !(f->flags[ws] & SG_F_UPPER) &&
                     sg_insertable(f->text + i, w->first_end - i, f->text + ws, j - ws);
    if (w->first->key & PREFIX_SKEL) {
        w->dirty = 1;
    } else if (insertable) {
        w->dirty = 1;
        w->resume = j;
    }
}

/* Extends h with the letters of the word from *j on; *j then its end (at
 * the latest f->len, whose flags are 0: sg_fold). */
static inline uint64_t hash_word(const sg_folded *f, size_t *j, uint64_t h)
{
    const unsigned char *t = (const unsigned char *)f->text, *fl = f->flags;
    size_t k = *j;
    while (fl[k] & SG_F_ALNUM)
        h = sg_prefix_step(h, t[k++]);
    *j = k;
    return h;
}

/* The walk from word start i, its first word read (w->first_end, w->first_h
 * and w->first, not NULL: a name or a skeleton starts with it). */
static size_t longest_at(const sg_matcher *m, const sg_folded *f, size_t i, uint32_t *entity,
                         unsigned char *guard, sg_walk *w)
{
    const unsigned char *t = (const unsigned char *)f->text, *fl = f->flags;
    size_t best_end = 0, ws = i, j = w->first_end, first_end = j;
    uint64_t h = w->first_h;
    const prefix_rec *r = w->first;
    const alias_rec *best = NULL;
    /* the skeleton is read on the way while the text's words are one space
     * apart with no function word: its hashes are then the name's */
    int clean = m->variants != 0, capitals = 1;
    unsigned words = 0;
    uint64_t h_word = h; /* the hash at the end of the last word */
    for (;;) {
        if (clean) {
            const char *wt = (const char *)t + ws;
            if (sg_saint_short(wt, j - ws) || sg_short_word(wt, j - ws)) {
                w->dirty = 1; /* "St-Raphaël": the skeleton reads "saint" */
                clean = 0;
            } else if (words && sg_function_word(wt, j - ws)) {
                /* the skeleton's walk goes on past function words only if a
                 * skeleton goes on with the next word: one lookup to know */
                w->dirty = skeleton_goes_on(m, f, h_word, j) ||
                           (words == 1 && proximity_after(f, i, first_end, j));
                clean = 0;
            } else if (j - ws <= 4 && j - ws >= 2 && sg_head_acronym_unread(f, ws, j)) {
                clean = 0; /* the skeleton's walk stops there too */
            }
            capitals &= (fl[ws] & (SG_F_UPPER | SG_F_LOWER)) != SG_F_LOWER; /* (digits pass) */
        }
        words++;
        if (!r) {
            if (clean && words == 2 &&
                (sg_generic_head((const char *)t + i, first_end - i) ||
                 (first_end - i <= 3 && sg_head_acronym((const char *)t + i, first_end - i) &&
                  sg_all_upper(f, i, first_end) && !sg_demonym((const char *)t + ws, j - ws))))
                after_generic_head(f, i, ws, j, w); /* maybe an adjective after the head */
            else if (clean && !(fl[ws] & SG_F_UPPER) && sg_demonym((const char *)t + ws, j - ws))
                w->dirty = 1; /* a town's adjective: "le CHU niçois" */
            else if (clean && words >= 2 && sg_roman_numeral((const char *)t + ws, j - ws))
                w->dirty = 1; /* "Pasteur II" for "Pasteur 2" */
            break;
        }
        const alias_rec *here = r->key & PREFIX_WHOLE ? name_at(m, r, f, i, j) : NULL;
        if (here) {
            best = here;
            best_end = j;
        }
        if (clean && !here && (r->key & PREFIX_SKEL)) { /* (a name of that span wins) */
            int confirm = 0;
            uint32_t e = sg_skel_clean(m, r, f, i, j, capitals, &confirm);
            if (e != SG_TRIE_NONE) {
                w->skel_end = j;
                w->skel_entity = e;
                w->skel_confirm = confirm;
            }
        }
        if (clean && j < f->len && !(t[j] == ' ' && j + 1 < f->len && (fl[j + 1] & SG_F_ALNUM))) {
            size_t k = t[j] == ' ' ? j + 1 : j;
            w->dirty = k < f->len && walk_mark(t + k, f->len - k);
            clean = 0;
        }
        h_word = h;
        while (j < f->len && !(fl[j] & SG_F_ALNUM))
            h = sg_prefix_step(h, t[j++]);
        if (j >= f->len)
            break;
        ws = j;
        h = hash_word(f, &j, h);
        r = sg_prefix_lookup(m, h);
    }
    if (best) {
        *entity = best->entity;
        *guard = best->guard;
        best_end = sg_alias_tail(m, best, f, best_end);
    }
    w->named = best != NULL;
    w->name_end = best_end;
    return best_end;
}

/* Reads the first word at word start i into w: its end, its hash, its
 * record. Returns 1 when a name or a skeleton starts with it (the walk goes
 * on: longest_at), 0 for most words, where "St-..." may yet start a
 * skeleton ("saint ...": w->first for the variants). */
static int first_word(const sg_matcher *m, const sg_folded *f, size_t i, sg_walk *w)
{
    w->first_end = i;
    w->first_h = hash_word(f, &w->first_end, SG_PREFIX_SEED);
    if ((w->first = sg_prefix_lookup(m, w->first_h)))
        return 1;
    const char *sw = f->text + i;
    size_t sn = w->first_end - i;
    if (m->variants && (sg_saint_short(sw, sn) || sg_ephad(sw, sn) || sg_short_word(sw, sn))) {
        w->dirty = 1;
        sg_skeleton_word(&sw, &sn);
        w->first = sg_prefix_lookup(m, sg_hash_bytes(SG_PREFIX_SEED, sw, sn));
    }
    return 0;
}

/* May an acronym form start at word start i (a word of wl bytes)? In
 * capitals, or in title case with the first letter and length of an acronym
 * read so (most capitalised words are names, not acronyms): sg_variants_at's
 * own test, made here to spare the call. */
static int form_may_start(const sg_matcher *m, const sg_folded *f, size_t i, size_t wl, uint64_t h)
{
    if (!(m->variants & SG_VARIANT_ACRONYM_FORMS) || !(f->flags[i] & SG_F_UPPER) || !m->forms)
        return 0;
    if (wl == 1 && i + 2 < f->len) {
        /* a letter alone goes on to an acronym's next letter only after a dot
         * ("A.P.-H.M."), a hyphen or '&' ("A & E"), and that letter is no
         * name's first letter: "L'", "M. Dupont" are none */
        size_t n = i + 2;
        if (f->text[i + 1] == '.' && f->text[n] == ' ' && n + 1 < f->len)
            n++;
        if (f->text[i + 1] == '\'' || !(f->flags[n] & SG_F_UPPER) ||
            (n + 1 < f->len && (f->flags[n + 1] & SG_F_LOWER)))
            return 0;
    }
    if (!(i + 1 < f->len && (f->flags[i + 1] & SG_F_LOWER)))
        return 1;
    unsigned char c = (unsigned char)f->text[i];
    return wl >= 4 && wl <= 8 && c >= 'a' && c <= 'z' &&
           (m->title_letters[wl] & (1u << (c - 'a'))) && sg_title_form_maybe(m, h);
}

/* Most word starts have nothing for the variants: sg_variants_at's own
 * tests, made here to spare the call. Something may start at word start i
 * when an acronym form may, a plural head is there, or a name's first word is
 * there and its walk left a skeleton to read or a misspelt name may start. */
static int variants_may(const sg_matcher *m, const sg_folded *f, size_t i, const sg_walk *w)
{
    size_t wl = w->first_end - i;
    if (form_may_start(m, f, i, wl, w->first_h) || sg_shared_head_may(f, i, wl) ||
        ((m->variants & SG_VARIANT_INSERTED) && sg_eponym_may(f, i, wl)))
        return 1;
    /* (a misspelt name only from a capital or a generic head: most words
     * starting a long name's first word are neither) */
    return w->first && (w->dirty || w->skel_end > w->name_end ||
                        (!w->named && (w->first->key & PREFIX_FUZZY) &&
                         ((f->flags[i] & SG_F_UPPER) || sg_generic_head(f->text + i, wl))));
}

static int find_names(const sg_matcher *m, const sg_folded *f, const char *s, sg_hits *hits)
{
    for (size_t i = 0; i < f->len; i++) {
        if (!(f->flags[i] & SG_F_ALNUM))
            continue; /* (i starts a word: the walk below skips each word's rest) */
        uint32_t e = 0;
        unsigned char guard = 0;
        sg_walk w = {NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        size_t end = first_word(m, f, i, &w) ? longest_at(m, f, i, &e, &guard, &w) : 0;
        /* (a town's short name is a variant) */
        if (end &&
            sg_hits_push(hits, i, end, e, guard & SG_ALIAS_DERIVED ? SG_HIT_VARIANT : SG_HIT_NAME))
            return SG_ERR_NOMEM;
        if (end)
            hits->v[hits->n - 1].guard = guard & ~SG_ALIAS_DERIVED;
        /* a name lent (sg_known_give_way: it loses against the user's own) */
        if (m->nlent && sg_known_may(m, w.first_h) && sg_known_at(m, f, i, hits))
            return SG_ERR_NOMEM;
        if (m->variants && variants_may(m, f, i, &w) && sg_variants_at(m, f, s, i, &w, hits))
            return SG_ERR_NOMEM;
        i = w.first_end - 1; /* on after the word */
    }
    return 0;
}

/* Patterns run paragraph by paragraph (a match never crosses a paragraph
 * break, like names): the search of one paragraph is bounded by its length,
 * its work by a budget linear in that length (shared by all the searches of
 * the paragraph), and hitting a match limit or the budget names the
 * paragraph where it happened. */
static int find_patterns(const sg_matcher *m, sg_regex_md *md, const sg_folded *f, const char *s,
                         size_t slen, const char *doc, sg_hits *hits, sg_error *err)
{
    for (size_t p = 0; p < m->npatterns; p++) {
        size_t fstart = 0;
        while (fstart <= f->len) {
            const char *brk =
                fstart < f->len ? memchr(f->text + fstart, '\n', f->len - fstart) : NULL;
            size_t fend = brk ? (size_t)(brk - f->text) : f->len;
            size_t at = fstart < f->len ? f->src[fstart] : slen;
            size_t lim = fend < f->len ? f->src[fend] : slen, para = at, ms, me;
            int rc = 0;
            sg_regex_md_budget(md, sg_regex_budget(lim - at));
            while (at < lim &&
                   (rc = sg_regex_next(m->patterns[p].re, md, s, lim, at, &ms, &me)) == 1) {
                size_t fs = sg_folded_from_orig(f, ms), fe = sg_folded_from_orig(f, me);
                /* on word boundaries, like names */
                int bounded = fe > fs && (fs == 0 || !(f->flags[fs - 1] & SG_F_ALNUM)) &&
                              (fe >= f->len || !(f->flags[fe] & SG_F_ALNUM)) &&
                              !memchr(f->text + fs, '\n', fe - fs);
                if (bounded && sg_hits_push(hits, fs, fe, m->patterns[p].entity, SG_HIT_PATTERN))
                    return sg_error_set(err, SG_ERR_NOMEM, doc, 0, -1, "out of memory");
                at = me;
            }
            if (rc < 0) {
                const sg_entity *e = &m->gaz->ents[m->patterns[p].entity];
                if (rc == SG_ERR_LIMIT && !sg_regex_md_left(md))
                    return sg_error_set(err, rc, doc, 0, (long long)para,
                                        "the pattern of '%s' (%s:%ld) hit its match limit (%llu "
                                        "steps for this paragraph of %zu bytes: it rescans the "
                                        "text) in the paragraph starting here",
                                        e->id, e->file, e->line,
                                        (unsigned long long)sg_regex_budget(lim - para),
                                        lim - para);
                return sg_error_set(err, rc, doc, 0, (long long)para,
                                    "the pattern of '%s' (%s:%ld) hit its match limit in the "
                                    "paragraph starting here",
                                    e->id, e->file, e->line);
            }
            if (!brk)
                break;
            fstart = fend + 1;
        }
    }
    return 0;
}

/* Are folded [b, e) two words or more, each capitalised, parted only by
 * spaces (hyphens and apostrophes fold to spaces; an elided "d'", "l'"
 * between them), one at least a space as written (`s`, the original text)
 * and no dash between spaces: "Nice Côte d'Azur", not the compound
 * "Fréjus-Saint-Raphaël", which names the towns as often as the hospital,
 * nor "Hôpital Nord – APHM", two names? */
static int capitalised_words(const sg_folded *f, const char *s, size_t b, size_t e)
{
    unsigned words = 0;
    int spaced = 0;
    for (size_t k = b; k < e;) {
        if (k + 2 < e && f->text[k + 1] == '\'' && (f->text[k] == 'd' || f->text[k] == 'l') &&
            (k == b || f->text[k - 1] == ' ')) {
            k += 2; /* an elided "d'", "l'": "Côte d'Azur" */
            continue;
        }
        if (!(f->flags[k] & SG_F_UPPER))
            return 0;
        words++;
        while (k < e && (f->flags[k] & SG_F_ALNUM))
            k++;
        size_t sep = k;
        while (k < e && (f->text[k] == ' ' || f->text[k] == '\''))
            k++;
        if (k > sep && k < e) {
            /* the separator as written: a space makes the words apart, a
               dash between spaces two names ("Hôpital Nord – APHM") */
            const unsigned char *a = (const unsigned char *)s + f->src[sep],
                                *z = (const unsigned char *)s + f->src[k];
            int dash = 0, space = 0;
            for (const unsigned char *c = a; c < z; c++) {
                space |= *c == ' ';
                dash |= *c == '-' ||
                        (c + 2 < z && c[0] == 0xE2 && c[1] == 0x80 && c[2] >= 0x90 && c[2] <= 0x95);
            }
            if (dash && space)
                return 0;
            spaced |= space;
        }
        if (k < e && !(f->flags[k] & SG_F_ALNUM))
            return 0;
    }
    return words >= 2 && spaced;
}

/* What a candidate covers of the text: its letters and digits, but for a
 * function word it starts with ("la Timone" covers "Timone"), times 16, less
 * a cost per mention that grows as it matched less surely (names and
 * patterns 1, fuzzy readings 7): of readings that cover the same letters,
 * the one with fewer, surer mentions wins. */
static uint64_t hit_weight(const sg_matcher *m, const sg_folded *f, const char *s, const sg_hit *x)
{
    static const unsigned char sure[] = {
        [SG_HIT_NAME] = 7,    [SG_HIT_PATTERN] = 7,      [SG_HIT_ACRONYM] = 6, [SG_HIT_FORM] = 6,
        [SG_HIT_VARIANT] = 4, [SG_HIT_SURNAME] = 5,      [SG_HIT_FUZZY] = 1,   [SG_HIT_SHARED] = 9,
        [SG_HIT_KNOWN] = 7,   [SG_HIT_KNOWN_SHARED] = 9, [SG_HIT_SHORT] = 5};
    size_t k = x->fs, letters = 0;
    while (k < x->fe && (f->flags[k] & SG_F_ALNUM))
        k++;
    if (k < x->fe && sg_function_word(f->text + x->fs, k - x->fs))
        letters = 0;
    else
        k = x->fs;
    int slash = 0;
    for (; k < x->fe; k++) {
        letters += (f->flags[k] & SG_F_ALNUM) != 0;
        slash |= f->text[k] == '/';
    }
    /* a name interrupted by its acronym ("Agence régionale de santé (ARS)
     * Paca") or whose towns a slash joins ("centre hospitalier de Fréjus /
     * Saint-Raphaël") is surer than the names it spans, though a short name
     * of the same body and a place read them too: one mention (issue 14) */
    unsigned how = x->how == SG_HIT_VARIANT && (x->paren || slash) ? SG_HIT_SHARED : x->how;
    /* an organisation's reading of capitalised words, two or more, is as sure
     * as the names it spans ("Nice Côte d'Azur" for the metropolis is no town
     * and area side by side): the longer wins */
    if (how == SG_HIT_VARIANT && !sg_is_place(m, x->entity) && !sg_is_person(m, x->entity) &&
        capitalised_words(f, s, x->fs, x->fe))
        how = SG_HIT_ACRONYM;
    return (uint64_t)letters * 16 + sure[how] - 8;
}

/* Keeps, of the candidates (sorted), the non-overlapping set that covers the
 * most of the text (the longest sensible reading: "à la Timone Enfants" is
 * Timone Enfants, not la Timone), on ties the leftmost-longest; linear after
 * the sort but for the binary searches. */
static int select_hits(const sg_matcher *m, const sg_folded *f, const char *s, sg_hits *h)
{
    size_t n = h->n;
    if (n < 2)
        return 0;
    uint64_t *best = sg_alloc_array(n + 1, sizeof(uint64_t));
    size_t *next = sg_alloc_array(n + 1, sizeof(size_t));
    if (!best || !next) {
        free(best);
        free(next);
        return SG_ERR_NOMEM;
    }
    best[n] = 0;
    for (size_t i = n; i-- > 0;) {
        size_t lo = i + 1, hi = n; /* the first candidate starting at or after fe */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (h->v[mid].fs < h->v[i].fe)
                lo = mid + 1;
            else
                hi = mid;
        }
        next[i] = lo;
        uint64_t take = hit_weight(m, f, s, &h->v[i]) + best[lo];
        best[i] = take >= best[i + 1] ? take : best[i + 1];
        if (take < best[i + 1])
            next[i] = SIZE_MAX; /* skipped */
    }
    size_t out = 0;
    for (size_t i = 0; i < n;) {
        if (next[i] == SIZE_MAX) {
            i++;
            continue;
        }
        h->v[out++] = h->v[i];
        i = next[i];
    }
    h->n = out;
    free(best);
    free(next);
    return 0;
}

/* Does the name at folded [fs, fe) start with an article in lower case
 * and go on capitalised, as running text writes a town whose name starts
 * with one ("la maternité de la Seyne" for La Seyne-sur-Mer)? */
static int article_then_capital(const sg_folded *f, size_t fs, size_t fe)
{
    static const char *const articles[] = {"la ", "le ", "les "};
    for (size_t k = 0; k < sizeof(articles) / sizeof(*articles); k++) {
        size_t n = strlen(articles[k]);
        if (fs + n < fe && !memcmp(f->text + fs, articles[k], n))
            return (f->flags[fs + n] & SG_F_UPPER) != 0;
    }
    return 0;
}

/* Does a cue come right before the name at folded [fs, fe): the word "a"
 * (à), "de", "du", "en", "vers", "depuis", or an elided "d'" ("commune de
 * Tours", "à Orange", "d’Orange", "département du Var"), or is it a
 * headline's town? And is the name capitalised there, as a place's name is
 * ("le jus d'orange" is not a cue for Orange)? */
static int after_cue(const sg_folded *f, size_t fs, size_t fe)
{
    static const char *const cues[] = {"a", "de", "du", "en", "vers", "depuis"};
    if (!(f->flags[fs] & SG_F_UPPER) && !article_then_capital(f, fs, fe))
        return 0;
    /* a headline's town, first on its line before a colon: "Aix : l'hôpital
     * en crise de croissance" */
    size_t colon = fe;
    while (colon < f->len && f->text[colon] == ' ')
        colon++;
    if ((fs == 0 || f->text[fs - 1] == '\n') && colon < f->len && f->text[colon] == ':')
        return 1;
    size_t j = fs;
    if (sg_elided_before(f, j, 'd'))
        return 1;
    while (j > 0 && f->text[j - 1] == ' ')
        j--;
    if (j == fs)
        return 0; /* not after a space (a line break, a hyphen, ...) */
    size_t end = j;
    while (j > 0 && (f->flags[j - 1] & SG_F_ALNUM))
        j--;
    for (size_t c = 0; c < sizeof(cues) / sizeof(*cues); c++)
        if (end - j == strlen(cues[c]) && !memcmp(f->text + j, cues[c], end - j))
            return 1;
    return 0;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Are folded [a, b) a list of places' joint: spaces and a comma, "et" or
 * "ou"? (variants_lists.c's list_joint, for names, allows more.) */
static int places_joint(const sg_folded *f, size_t a, size_t b)
{
    const char *t = f->text;
    while (a < b && t[a] == ' ')
        a++;
    if (a < b && t[a] == ',')
        a++;
    while (a < b && t[a] == ' ')
        a++;
    if (a + 2 < b && ((t[a] == 'e' && t[a + 1] == 't') || (t[a] == 'o' && t[a + 1] == 'u')) &&
        t[a + 2] == ' ')
        a += 3;
    return a == b && b > 0 && (t[b - 1] == ' ' || t[b - 1] == ',');
}

/* Is the place of a "cue" name h->v[i] in a list with another place the
 * text names, kept (the one before, if `prev_kept`) or unguarded: "Carpentras, Valréas,
 * Vaison" for Vaison-la-Romaine, "Fos, Martigues et Port-Saint-Louis" (the
 * places' short names, and a common word as a place, "Avignon, Orange")? */
static int place_listed(const sg_matcher *m, const sg_folded *f, const sg_hits *h, int prev_kept,
                        size_t i)
{
    const sg_hit *x = &h->v[i];
    if (!m->variants || !sg_is_place(m, x->entity) || !(f->flags[x->fs] & SG_F_UPPER))
        return 0;
    if (i > 0 && prev_kept && sg_is_place(m, h->v[i - 1].entity) &&
        places_joint(f, h->v[i - 1].fe, x->fs))
        return 1;
    return i + 1 < h->n && !h->v[i + 1].guard && sg_is_place(m, h->v[i + 1].entity) &&
           places_joint(f, x->fe, h->v[i + 1].fs);
}

/* The department of place hit x: its text's, else its label's (a
 * town's short name, "Saint-Mandrier" for Saint-Mandrier-sur-Mer); 0 when
 * neither names one. *last and *last_dept: the last label's, folded once
 * for all the hits of its entity in a row. */
static unsigned department_of_hit(const sg_matcher *m, const sg_folded *f, const sg_hit *x,
                                  uint32_t *last, unsigned *last_dept)
{
    unsigned d = sg_department_of(f->text + x->fs, x->fe - x->fs);
    if (d || x->how == SG_HIT_NAME)
        return d;
    if (x->entity == *last)
        return *last_dept;
    const char *t = NULL;
    size_t n = 0;
    sg_folded scratch = {0};
    if (!sg_fold_label(m, &scratch, x->entity, &t, &n))
        d = sg_department_of(t, n);
    sg_folded_free(&scratch);
    *last = x->entity;
    *last_dept = d;
    return d;
}

/* The department the document's places name or are in most often (their
 * own, or the department of the region's communes), its index; 0 when none
 * or a tie. */
static unsigned main_department(const sg_matcher *m, const sg_folded *f, const sg_hits *h)
{
    unsigned count[256] = {0}, best = 0, tie = 0, last_dept = 0;
    uint32_t last = SG_TRIE_NONE;
    for (size_t i = 0; i < h->n; i++) {
        if (!sg_is_place(m, h->v[i].entity))
            continue;
        unsigned d = department_of_hit(m, f, &h->v[i], &last, &last_dept);
        if (d && d < 256)
            count[d]++;
    }
    for (unsigned d = 1; d < 256; d++) {
        if (count[d] > count[best])
            best = d, tie = 0;
        else if (count[d] && count[d] == count[best])
            tie = 1;
    }
    return tie ? 0 : best;
}

/* Guarded names (SPEC §15): a "cue" name counts only after a cue (a place's
 * in a list of places too); a "confirm" name only when an unguarded name of
 * its entry is also in the document. Both only when capitalised in the text,
 * as a proper noun is ("en mars" is a month even in a text about the commune
 * of Mars). */
static int apply_guards(const sg_matcher *m, const sg_folded *f, sg_hits *h)
{
    size_t nguarded = 0, nconfirm = 0, nplain = 0, nlocal = 0;
    for (size_t i = 0; i < h->n; i++) {
        nguarded += h->v[i].guard != 0;
        nconfirm += h->v[i].guard == SG_GUARD_CONFIRM;
        nlocal += h->v[i].guard == SG_GUARD_LOCAL;
    }
    if (nguarded == 0)
        return 0;
    /* the unguarded hits' entities, sorted, only for a "confirm" name to
     * look up (a document naming many actors has many hits to sort) */
    uint32_t *plain = NULL;
    if (nconfirm) {
        if (!(plain = sg_alloc_array(h->n + 1, sizeof(uint32_t))))
            return SG_ERR_NOMEM;
        for (size_t i = 0; i < h->n; i++)
            if (!h->v[i].guard)
                plain[nplain++] = h->v[i].entity;
        if (nplain > 1)
            qsort(plain, nplain, sizeof(uint32_t), cmp_u32);
    }
    /* a reading several departments' bodies share: the one of the
       document's department (a union's branch, "la CFDT Santé") */
    unsigned dept = nlocal ? main_department(m, f, h) : 0;
    size_t out = 0;
    int keep = 0;
    for (size_t i = 0; i < h->n; i++) {
        const sg_hit *x = &h->v[i]; /* (h->v[i - 1] is as it was: out < i) */
        keep = !x->guard ||
               (x->guard == SG_GUARD_CUE &&
                (after_cue(f, x->fs, x->fe) || place_listed(m, f, h, keep, i))) ||
               (x->guard == SG_GUARD_CONFIRM && (f->flags[x->fs] & SG_F_UPPER) && nplain &&
                bsearch(&x->entity, plain, nplain, sizeof(uint32_t), cmp_u32)) ||
               (x->guard == SG_GUARD_LOCAL && sg_local_choose(m, f, &h->v[i], dept));
        if (keep)
            h->v[out++] = *x;
    }
    h->n = out;
    free(plain);
    return 0;
}

/* A body's name that ends with a town's first word where the text writes
 * the town in full ("l'hôpital d'Aix-en-Provence" for the hospital read
 * "hôpital d'Aix"): the name takes the whole town, whose place would else
 * cover the most and then give way to the body it is the town of. */
static void town_in_full(const sg_matcher *m, const sg_folded *f, const char *s, sg_hits *h)
{
    for (size_t i = 0; i < h->n; i++) {
        sg_hit *x = &h->v[i];
        if (sg_is_place(m, x->entity) || sg_is_person(m, x->entity) || x->fe + 1 >= f->len ||
            f->text[x->fe] != ' ' || !sg_dash_at(f, s, x->fe))
            continue;
        size_t last = x->fe;
        while (last > x->fs && (f->flags[last - 1] & SG_F_ALNUM))
            last--;
        for (size_t k = i + 1; k < h->n && h->v[k].fs <= last; k++)
            if (h->v[k].fs == last && h->v[k].fe > x->fe && sg_is_place(m, h->v[k].entity) &&
                h->v[k].how == SG_HIT_NAME) {
                x->fe = h->v[k].fe;
                x->how = SG_HIT_VARIANT;
            }
    }
}

/* The start of the "de", "du", "des" or elided "d'" right before folded
 * offset q (one space between), or q when none is. */
static size_t linked_before(const sg_folded *f, size_t q)
{
    static const char *const of[] = {"de", "du", "des"};
    if (sg_elided_before(f, q, 'd'))
        return q - 2;
    size_t b, e;
    sg_word_before(f, q, 0, &b, &e);
    return e + 1 == q && sg_word_in(f->text + b, e - b, of, sizeof(of) / sizeof(*of)) ? b : q;
}

/* An organisation's reading whose last words, after "de" or "d'", start a
 * longer name of another organisation ("la Cité de l'innovation et des
 * savoirs d'Aix-Marseille Université", where the Cité's name ends with
 * "Aix-Marseille", or "... savoirs (Cisam) d'Aix-Marseille Université") is
 * also a candidate without them, three words or more left, so that the
 * longest sensible reading of the whole wins (select_hits): both names.
 * Candidates sorted; the new ones are merged in. */
static int cut_before_names(const sg_matcher *m, const sg_folded *f, sg_hits *h)
{
    sg_hits add = {0};
    int rc = 0;
    for (size_t i = 0; i < h->n && !rc; i++) {
        const sg_hit *x = &h->v[i];
        if (sg_is_person(m, x->entity) || sg_is_place(m, x->entity))
            continue;
        for (size_t j = i + 1; j < h->n && h->v[j].fs < x->fe && !rc; j++) {
            const sg_hit *y = &h->v[j];
            if (y->fe <= x->fe || y->fs <= x->fs || y->entity == x->entity ||
                sg_is_person(m, y->entity) || sg_is_place(m, y->entity))
                continue;
            size_t cut = linked_before(f, y->fs);
            if (cut == y->fs)
                continue;
            if (x->paren && x->paren < cut)
                cut = x->paren; /* before the bracket: it defines the acronym */
            while (cut > x->fs && f->text[cut - 1] == ' ')
                cut--;
            unsigned words = 0;
            for (size_t k = x->fs; k < cut; k++)
                words +=
                    (f->flags[k] & SG_F_ALNUM) && (k == x->fs || !(f->flags[k - 1] & SG_F_ALNUM));
            if (words >= 3)
                rc = sg_hits_push(&add, x->fs, cut, x->entity, SG_HIT_VARIANT);
        }
    }
    if (!rc && add.n)
        rc = sg_hits_merge(h, &add);
    sg_hits_free(&add);
    return rc;
}

/* The department of the body that the document names in full in the same
 * sentence and that the reading several departments' bodies share, h->v[i],
 * also reads ("le SDIS 04, le Service départemental d'incendie et de
 * secours": the 04's, whichever department the document names most; "Des
 * renforts du Sdis 13 sont arrivés. À Hyères, le Service départemental…" is
 * the document's department's); the nearest such body's, or 0. `depts`:
 * the departments of the bodies the document names, nd of them. */
static unsigned named_in_full(const sg_matcher *m, const sg_folded *f, const sg_hits *h, size_t i,
                              const unsigned char *depts, size_t nd)
{
    unsigned best = 0;
    size_t at = h->v[i].fs, dist = SIZE_MAX;
    size_t from = sg_sentence_edge(f, at, -1), to = sg_sentence_edge(f, at, 1);
    for (size_t k = 0; k < nd; k++) {
        sg_hit x = h->v[i];
        if (!sg_local_choose(m, f, &x, depts[k]))
            continue;
        for (size_t l = i; l-- > 0 && h->v[l].fs >= from && at - h->v[l].fs < dist;)
            if (!h->v[l].guard && h->v[l].entity == x.entity) {
                best = depts[k], dist = at - h->v[l].fs;
                break;
            }
        for (size_t r = i + 1; r < h->n && h->v[r].fs < to && h->v[r].fs - at < dist; r++)
            if (!h->v[r].guard && h->v[r].entity == x.entity) {
                best = depts[k], dist = h->v[r].fs - at;
                break;
            }
    }
    return best;
}

/* The readings several departments' bodies share that the document
 * chooses: the one it names in full in the sentence, else the one of its
 * department; each chosen from the document as it is (not from the choices
 * made before it), before the names lent give way (those not chosen, no
 * one's yet, leave a name lent its place: "le Planning familial" in an
 * article on Paris is the national movement, whose name the bundled
 * gazetteer lends, not the Var's nor the Vaucluse's). */
static int choose_local(const sg_matcher *m, const sg_folded *f, sg_hits *h)
{
    size_t nlocal = 0;
    for (size_t i = 0; i < h->n; i++)
        nlocal += h->v[i].guard == SG_GUARD_LOCAL;
    if (!nlocal)
        return 0;
    unsigned dept = main_department(m, f, h);
    unsigned char seen[256] = {0}, depts[256];
    size_t nd = 0;
    for (size_t j = 0; m->body_dept && j < h->n; j++) {
        unsigned d = h->v[j].guard ? 0 : m->body_dept[h->v[j].entity];
        if (d && !seen[d])
            seen[d] = 1, depts[nd++] = (unsigned char)d;
    }
    unsigned *named = nd ? calloc(h->n, sizeof(*named)) : NULL;
    if (nd && !named)
        return SG_ERR_NOMEM;
    for (size_t i = 0; nd && i < h->n; i++)
        if (h->v[i].guard == SG_GUARD_LOCAL)
            named[i] = named_in_full(m, f, h, i, depts, nd);
    for (size_t i = 0; i < h->n; i++)
        if (h->v[i].guard == SG_GUARD_LOCAL)
            (void)sg_local_choose(m, f, &h->v[i], named && named[i] ? named[i] : dept);
    free(named);
    return 0;
}

int sg_matcher_run(const sg_matcher *m, sg_regex_md *md, const sg_folded *f, const char *s,
                   size_t slen, const char *doc, sg_hits *out, sg_error *err)
{
    out->n = 0;
    int rc = find_names(m, f, s, out);
    if (rc)
        return sg_error_set(err, rc, doc, 0, -1, "out of memory");
    if ((rc = find_patterns(m, md, f, s, slen, doc, out, err)))
        return rc;
    sg_hits_sort(out);
    if (m->variants)
        town_in_full(m, f, s, out);
    if (m->nlent) {
        if ((rc = choose_local(m, f, out)))
            return sg_error_set(err, rc, doc, 0, -1, "out of memory");
        sg_known_give_way(m, out); /* (names lent: the overlap rule) */
    }
    if (m->variants && (rc = cut_before_names(m, f, out)))
        return sg_error_set(err, rc, doc, 0, -1, "out of memory");
    if (!(rc = select_hits(m, f, s, out)) && m->variants)
        rc = sg_variants_listed(m, f, out);
    if (rc || (rc = apply_guards(m, f, out)))
        return sg_error_set(err, rc, doc, 0, -1, "out of memory");
    sg_drop_readings(m, f, s, slen, out);
    if (m->variants)
        sg_variants_after(m, f, s, slen, out);
    return 0;
}

/* Does s[a, b) spell `name` (markers '=' and '!' left out) as written? */
static int spelled(const char *name, const char *s, size_t a, size_t b)
{
    name += name[0] == '!';
    name += name[0] == '=';
    return strlen(name) == b - a && !memcmp(name, s + a, b - a);
}

const char *sg_matcher_how(const sg_matcher *m, const sg_hit *x, const char *s, size_t start,
                           size_t end)
{
    if (x->how != SG_HIT_KNOWN && x->how != SG_HIT_KNOWN_SHARED && m->gaz->ents[x->entity].found)
        return "found"; /* whatever the reading: the entity is the corpus's, not a list's */
    switch (x->how) {
    case SG_HIT_PATTERN: return "pattern";
    case SG_HIT_ACRONYM:
    case SG_HIT_FORM: return "acronym";
    case SG_HIT_VARIANT: return "variant";
    case SG_HIT_SURNAME: return "surname";
    case SG_HIT_SHORT: return "short";
    case SG_HIT_FUZZY: return "fuzzy";
    case SG_HIT_SHARED: return "variant";
    case SG_HIT_KNOWN:
    case SG_HIT_KNOWN_SHARED: return "known";
    default: break;
    }
    const sg_entity *e = &m->gaz->ents[x->entity];
    if (spelled(e->label, s, start, end))
        return "exact";
    for (size_t a = 0; a < e->naliases; a++)
        if (spelled(e->aliases[a], s, start, end))
            return "exact";
    return "folded";
}
