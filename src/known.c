/* The variant "known": a user's entry that names an organisation of the
 * bundled gazetteer (gazetteers/organisations.tsv, embedded into the library
 * at build time) borrows that entry's spellings. A user who lists "Centre
 * hospitalier des Escartons" and its acronym is then also read in "l'hôpital
 * de Briançon", which the bundled entry lists.
 *
 * The lent names are read as written or folded only (no variant is derived
 * from them, but two readings kept apart from the user's: their skeletons
 * after a shared plural head, sg_known_shared, and a hospital's town alone
 * in a list, sg_known_site), from a prefix table of their own (the user's variants walk the
 * user's names' table, and a lent name must not steer them), and a reading
 * of one loses against any reading of the user's own names that it overlaps
 * (sg_known_give_way, before the choice of mentions): they fill gaps, never
 * overrule the user. The bundled table is parsed by the gazetteer reader
 * (gazetteer.c) once per matcher, when its first organisation that may
 * borrow is added, and freed once the names are lent. */
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "variants_int.h"

extern const char sg_known_orgs[];
extern const size_t sg_known_orgs_len;

#define KNOWN_SEVERAL UINT32_MAX /* a key of two bundled entries: it names neither */

/* One folded name of a bundled entry, by hash (open addressing). */
typedef struct {
    uint64_t h; /* 0: empty */
    size_t off; /* the folded name in `keys` */
    uint32_t len;
    uint32_t entry; /* the bundled entity, or KNOWN_SEVERAL */
} known_slot;

/* A user entity that names bundled `entry`. */
typedef struct {
    uint32_t entity, entry;
} known_note;

struct sg_known {
    sg_gazetteer *bundled;
    known_slot *slots;
    size_t mask;
    char *keys;
    size_t keys_len, keys_cap;
    known_note *notes;
    size_t nnotes, notes_cap;
};

/* A name lent to a user entity: its bundled spelling, and folded. */
typedef struct {
    uint32_t entity;
    unsigned char guard;
    const char *written;
    size_t off, len; /* in the candidates' `keys` buffer */
    const char *key; /* there, once they are all in */
} lent_name;

void sg_known_free(sg_known *k)
{
    if (!k)
        return;
    sg_gazetteer_free(k->bundled);
    free(k->slots);
    free(k->keys);
    free(k->notes);
    free(k);
}

static uint64_t key_hash(const char *t, size_t n)
{
    return sg_fnv1a(SG_FNV_SEED, t, n) | 1; /* never 0, the empty slot's */
}

static known_slot *slot_of(const sg_known *k, const char *t, size_t n, uint64_t h)
{
    size_t i = (size_t)(h * 0x9E3779B97F4A7C15ULL >> 32) & k->mask;
    for (;; i = (i + 1) & k->mask) {
        known_slot *s = &k->slots[i];
        if (!s->h || (s->h == h && s->len == n && !memcmp(k->keys + s->off, t, n)))
            return s;
    }
}

/* Indexes the folded name t[0, n) of bundled entity `entry`. */
static int index_name(sg_known *k, const char *t, size_t n, uint32_t entry, size_t *used)
{
    uint64_t h = key_hash(t, n);
    known_slot *s = slot_of(k, t, n, h);
    if (s->h) {
        if (s->entry != entry)
            s->entry = KNOWN_SEVERAL;
        return 0;
    }
    if (*used + 1 > (k->mask + 1) / 2)
        return SG_ERR_LIMIT; /* (sized from the names beforehand: not reached) */
    if (sg_grow((void **)&k->keys, &k->keys_cap, k->keys_len + n, 1))
        return SG_ERR_NOMEM;
    memcpy(k->keys + k->keys_len, t, n);
    *s = (known_slot){h, k->keys_len, (uint32_t)n, entry};
    k->keys_len += n;
    (*used)++;
    return 0;
}

/* Is `name` (as written in the file) an acronym, which alone does not say
 * which organisation is meant? */
static int indexable(const sg_name_reading *r)
{
    return r->n > 0 && r->mode != MODE_ACRONYM;
}

int sg_known_begin(sg_matcher *m, sg_folded *scratch, sg_error *err)
{
    sg_known *k = calloc(1, sizeof(*k));
    if (!k)
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    int rc = sg_gazetteer_new(&k->bundled, err);
    if (!rc)
        rc = sg_gazetteer_load_buffer(k->bundled, "organisations.tsv (built in)", sg_known_orgs,
                                      sg_known_orgs_len, err);
    if (rc) {
        sg_known_free(k);
        return rc;
    }
    size_t names = 0, used = 0;
    for (size_t i = 0; i < k->bundled->n; i++)
        names += 1 + k->bundled->ents[i].naliases;
    k->mask = 63;
    while (k->mask + 1 < 2 * names + 2)
        k->mask = k->mask * 2 + 1;
    if (!(k->slots = calloc(k->mask + 1, sizeof(known_slot))))
        rc = SG_ERR_NOMEM;
    for (size_t i = 0; !rc && i < k->bundled->n; i++) {
        const sg_entity *e = &k->bundled->ents[i];
        sg_name_reading nr;
        if (!(rc = sg_name_read(scratch, e->label, e->guard, &nr)) && indexable(&nr))
            rc = index_name(k, nr.t, nr.n, (uint32_t)i, &used);
        for (size_t a = 0; !rc && a < e->naliases; a++)
            if (!(rc = sg_name_read(scratch, e->aliases[a], e->guard, &nr)) && indexable(&nr))
                rc = index_name(k, nr.t, nr.n, (uint32_t)i, &used);
    }
    if (rc) {
        sg_known_free(k);
        return sg_error_set(err, rc, NULL, 0, -1, "%s", sg_status_string(rc));
    }
    m->known = k;
    return 0;
}

int sg_known_note(sg_matcher *m, uint32_t entity, const sg_name_reading *r)
{
    sg_known *k = m->known;
    if (!indexable(r))
        return 0;
    known_slot *s = slot_of(k, r->t, r->n, key_hash(r->t, r->n));
    if (!s->h)
        return 0;
    if (k->nnotes && k->notes[k->nnotes - 1].entity == entity &&
        k->notes[k->nnotes - 1].entry == s->entry)
        return 0;
    if (sg_grow((void **)&k->notes, &k->notes_cap, k->nnotes + 1, sizeof(known_note)))
        return SG_ERR_NOMEM;
    k->notes[k->nnotes++] = (known_note){entity, s->entry};
    return 0;
}

static int cmp_lent(const void *a, const void *b)
{
    const lent_name *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->key, y->key, n);
    if (c || x->len != y->len)
        return c ? c : x->len < y->len ? -1 : 1;
    if (x->entity != y->entity)
        return x->entity < y->entity ? -1 : 1;
    return x->off < y->off ? -1 : x->off > y->off;
}

/* The names of bundled entity `entry` that no user entry has, as candidates
 * for `entity`. */
static int offer(sg_matcher *m, sg_folded *scratch, uint32_t entity, const sg_entity *b,
                 lent_name **v, size_t *nv, size_t *cap, char **keys, size_t *klen, size_t *kcap)
{
    for (size_t a = 0; a <= b->naliases; a++) {
        const char *name = a < b->naliases ? b->aliases[a] : b->label;
        if (a == b->naliases && sg_label_is_exact(b))
            break; /* (the label is among the aliases, "=label") */
        sg_name_reading nr;
        int rc = sg_name_read(scratch, name, b->guard, &nr);
        if (rc)
            return rc;
        if (nr.n == 0 || sg_alias_named(m, nr.t, nr.n, 0) != SG_TRIE_NONE)
            continue; /* a user's name already */
        if (sg_grow((void **)v, cap, *nv + 1, sizeof(lent_name)) ||
            sg_grow((void **)keys, kcap, *klen + nr.n, 1))
            return SG_ERR_NOMEM;
        memcpy(*keys + *klen, nr.t, nr.n);
        (*v)[(*nv)++] = (lent_name){entity, b->guard, name, *klen, nr.n, NULL};
        *klen += nr.n;
    }
    return 0;
}

/* A prefix of a name lent that ends a word: its hash (0: empty slot; the
 * hash is kept whole, and a whole name is confirmed by its bytes), and the
 * first of the chain of names lent it completes (SG_TRIE_NONE: none). */
struct sg_lent_prefix {
    uint64_t h;
    uint32_t alias;
};

static struct sg_lent_prefix *lent_slot(struct sg_lent_prefix *t, size_t mask, uint64_t h)
{
    size_t i = (size_t)(h * 0x9E3779B97F4A7C15ULL >> 32) & mask;
    while (t[i].h && t[i].h != h)
        i = (i + 1) & mask;
    return &t[i];
}

static const struct sg_lent_prefix *lent_lookup(const sg_matcher *m, uint64_t h)
{
    h |= !h; /* (0 marks an empty slot) */
    const struct sg_lent_prefix *p = lent_slot(m->lent_prefixes, m->lent_mask, h);
    return p->h ? p : NULL;
}

/* The prefix hashed to h, made when missing. */
static struct sg_lent_prefix *lent_get(sg_matcher *m, uint64_t h)
{
    h |= !h;
    if (!m->lent_prefixes || (m->nlent_prefixes + 1) * 2 > m->lent_mask + 1) {
        size_t nmask = m->lent_prefixes ? m->lent_mask * 2 + 1 : 255;
        struct sg_lent_prefix *t = calloc(nmask + 1, sizeof(*t));
        if (!t)
            return NULL;
        for (size_t i = 0; m->lent_prefixes && i <= m->lent_mask; i++)
            if (m->lent_prefixes[i].h)
                *lent_slot(t, nmask, m->lent_prefixes[i].h) = m->lent_prefixes[i];
        free(m->lent_prefixes);
        m->lent_prefixes = t;
        m->lent_mask = nmask;
    }
    struct sg_lent_prefix *p = lent_slot(m->lent_prefixes, m->lent_mask, h);
    if (!p->h) {
        *p = (struct sg_lent_prefix){h, SG_TRIE_NONE};
        m->nlent_prefixes++;
    }
    return p;
}

/* A skeleton of names lent: its hash (0: empty slot), its text in
 * lent_skel_text, and its name (SG_TRIE_NONE: the skeleton of two entities'
 * names, read for neither). */
struct sg_lent_skel {
    uint64_t h;
    size_t off, len;
    uint32_t alias;
};

static struct sg_lent_skel *skel_slot(struct sg_lent_skel *t, size_t mask, uint64_t h)
{
    size_t i = (size_t)(h * 0x9E3779B97F4A7C15ULL >> 32) & mask;
    while (t[i].h && t[i].h != h)
        i = (i + 1) & mask;
    return &t[i];
}

size_t sg_skeleton_of(const char *t, const unsigned char *fl, size_t n, char *out)
{
    size_t len = 0;
    for (size_t k = 0; k < n;) {
        if (!(fl[k] & SG_F_ALNUM)) {
            k++;
            continue;
        }
        size_t e = k;
        while (e < n && (fl[e] & SG_F_ALNUM))
            e++;
        if (!sg_function_word(t + k, e - k)) {
            if (len + (len > 0) + (e - k) > SKEL_MAX)
                return 0;
            if (len)
                out[len++] = ' ';
            memcpy(out + len, t + k, e - k);
            len += e - k;
        }
        k = e;
    }
    return len;
}

/* Adds skeleton sk[0, len) of lent alias `alias`. */
static int add_skeleton(sg_matcher *m, const char *sk, size_t len, uint32_t alias)
{
    if (!m->lent_skels || (m->nlent_skels + 1) * 2 > m->lent_skel_mask + 1) {
        size_t nmask = m->lent_skels ? m->lent_skel_mask * 2 + 1 : 127;
        struct sg_lent_skel *nt = calloc(nmask + 1, sizeof(*nt));
        if (!nt)
            return SG_ERR_NOMEM;
        for (size_t i = 0; m->lent_skels && i <= m->lent_skel_mask; i++)
            if (m->lent_skels[i].h)
                *skel_slot(nt, nmask, m->lent_skels[i].h) = m->lent_skels[i];
        free(m->lent_skels);
        m->lent_skels = nt;
        m->lent_skel_mask = nmask;
    }
    uint64_t h = key_hash(sk, len);
    struct sg_lent_skel *s = skel_slot(m->lent_skels, m->lent_skel_mask, h);
    if (s->h) {
        if (s->alias != SG_TRIE_NONE && m->aliases[s->alias].entity != m->aliases[alias].entity)
            s->alias = SG_TRIE_NONE;
        return 0;
    }
    if (sg_grow((void **)&m->lent_skel_text, &m->lent_skel_cap, m->lent_skel_len + len, 1))
        return SG_ERR_NOMEM;
    memcpy(m->lent_skel_text + m->lent_skel_len, sk, len);
    *s = (struct sg_lent_skel){h, m->lent_skel_len, len, alias};
    m->lent_skel_len += len;
    m->nlent_skels++;
    return 0;
}

/* Indexes the skeleton of lent alias `alias` (folded t[0, n)): read after a
 * shared plural head only, so a name as written or folded, unguarded. */
static int index_skeleton(sg_matcher *m, const char *t, const unsigned char *fl, size_t n,
                          uint32_t alias)
{
    /* (a hospital's heads, as the skeleton has them) */
    static const char *const heads[] = {"centre hospitalier intercommunal ", "chi ",
                                        "centre hospitalier ", "ch ", "hopital "};
    const alias_rec *a = &m->aliases[alias];
    char sk[SKEL_MAX + 1];
    size_t len =
        a->mode == MODE_PLAIN && !(a->guard & ~SG_ALIAS_LENT) ? sg_skeleton_of(t, fl, n, sk) : 0;
    if (!len)
        return 0;
    int rc = add_skeleton(m, sk, len, alias);
    /* a hospital's head and one word, capitalised and the name's last: that
     * word alone, read in a list beside a hospital's (sg_known_site), keyed
     * "#word" (no folded word has a '#') */
    for (size_t c = 0; !rc && c < sizeof(heads) / sizeof(*heads); c++) {
        size_t hl = strlen(heads[c]), w = n;
        if (len <= hl + 2 || memcmp(sk, heads[c], hl) || memchr(sk + hl, ' ', len - hl))
            continue;
        while (w > 0 && (fl[w - 1] & SG_F_ALNUM))
            w--;
        if (n - w == len - hl && (fl[w] & SG_F_UPPER)) {
            sk[hl - 1] = '#';
            rc = add_skeleton(m, sk + hl - 1, len - hl + 1, alias);
        }
        break;
    }
    return rc;
}

uint32_t sg_known_site(const sg_matcher *m, const char *w, size_t n)
{
    char key[SKEL_MAX + 1];
    if (!m->nlent_skels || n + 1 > SKEL_MAX)
        return SG_TRIE_NONE;
    key[0] = '#';
    memcpy(key + 1, w, n);
    const struct sg_lent_skel *s =
        skel_slot(m->lent_skels, m->lent_skel_mask, key_hash(key, n + 1));
    if (!s->h || s->alias == SG_TRIE_NONE || s->len != n + 1 ||
        memcmp(m->lent_skel_text + s->off, key, n + 1))
        return SG_TRIE_NONE;
    return m->aliases[s->alias].entity;
}

size_t sg_known_shared(const sg_matcher *m, const sg_folded *f, const char *singular, size_t j,
                       size_t e, uint32_t *entity)
{
    char sk[SKEL_MAX];
    size_t len = strlen(singular), best = 0;
    if (!m->nlent_skels || len >= SKEL_MAX)
        return 0;
    memcpy(sk, singular, len);
    for (size_t k = j; k < e;) {
        if (!(f->flags[k] & SG_F_ALNUM)) {
            k++;
            continue;
        }
        size_t we = k;
        while (we < e && (f->flags[we] & SG_F_ALNUM))
            we++;
        if (!sg_function_word(f->text + k, we - k)) {
            if (len + 1 + (we - k) > SKEL_MAX)
                break;
            sk[len++] = ' ';
            memcpy(sk + len, f->text + k, we - k);
            len += we - k;
            const struct sg_lent_skel *s =
                skel_slot(m->lent_skels, m->lent_skel_mask, key_hash(sk, len));
            if (s->h && s->alias != SG_TRIE_NONE && s->len == len &&
                !memcmp(m->lent_skel_text + s->off, sk, len) &&
                (m->allowed[m->aliases[s->alias].entity] & SG_VARIANT_SHARED_HEADS)) {
                best = we;
                *entity = m->aliases[s->alias].entity;
            }
        }
        k = we;
    }
    return best;
}

int sg_known_index(sg_matcher *m, const char *t, const unsigned char *fl, size_t n, uint32_t alias)
{
    int rc = index_skeleton(m, t, fl, n, alias);
    if (rc)
        return rc;
    uint64_t h = SG_PREFIX_SEED;
    int first = 1;
    for (size_t k = 0; k < n; k++) {
        h = sg_prefix_step(h, (unsigned char)t[k]);
        if (!(fl[k] & SG_F_ALNUM) || (k + 1 < n && (fl[k + 1] & SG_F_ALNUM)))
            continue; /* (not a word's end) */
        if (first) {  /* the filter of first words, as the matcher hashes them */
            uint64_t x = h * 0x9E3779B97F4A7C15ULL >> 52;
            m->lent_first[x >> 6] |= 1ULL << (x & 63);
            first = 0;
        }
        struct sg_lent_prefix *p = lent_get(m, h);
        if (!p)
            return SG_ERR_NOMEM;
        if (k + 1 == n) {
            m->aliases[alias].next = p->alias;
            p->alias = alias;
        }
    }
    return 0;
}

int sg_known_at(const sg_matcher *m, const sg_folded *f, size_t i, sg_hits *hits)
{
    const unsigned char *t = (const unsigned char *)f->text, *fl = f->flags;
    uint64_t h = SG_PREFIX_SEED;
    const alias_rec *best = NULL;
    size_t best_end = 0, j = i;
    while (j < f->len) {
        while (j < f->len && (fl[j] & SG_F_ALNUM))
            h = sg_prefix_step(h, t[j++]);
        const struct sg_lent_prefix *p = lent_lookup(m, h);
        if (!p)
            break;
        for (uint32_t v = p->alias; v != SG_TRIE_NONE; v = m->aliases[v].next) {
            const alias_rec *a = &m->aliases[v];
            if (a->len == j - i && !memcmp(m->texts + a->text_off, f->text + i, a->len) &&
                sg_case_fits(m, a, f, i) &&
                (!best || best_end < j || sg_alias_better(m, a, best))) {
                best = a;
                best_end = j;
            }
        }
        while (j < f->len && !(fl[j] & SG_F_ALNUM))
            h = sg_prefix_step(h, t[j++]);
    }
    if (!best)
        return 0;
    if (sg_hits_push(hits, i, sg_alias_tail(m, best, f, best_end), best->entity, SG_HIT_KNOWN))
        return SG_ERR_NOMEM;
    hits->v[hits->n - 1].guard = best->guard & ~SG_ALIAS_LENT;
    return 0;
}

/* Is hit x, of a name lent, overlapped by hit y of the user's own names? A
 * place or a person inside the name lent is not: as inside any name, it
 * gives way to the longer ("l'hôpital de Briançon" lent, and Briançon a place
 * of the user's). */
static int lent_hit(const sg_hit *x)
{
    return x->how == SG_HIT_KNOWN || x->how == SG_HIT_KNOWN_SHARED;
}

static int own_over(const sg_matcher *m, const sg_hit *x, const sg_hit *y)
{
    /* (a reading the document's department has not chosen is no one's yet) */
    if (lent_hit(y) || y->fs >= x->fe || y->fe <= x->fs || y->guard == SG_GUARD_LOCAL)
        return 0;
    /* (after a shared plural head, the name is a place's or a person's
     * often, "les hôpitaux de Gap et de Briançon": the head makes it the
     * body, as for the user's own names) */
    int inside = y->fs >= x->fs && y->fe <= x->fe &&
                 (y->fe - y->fs < x->fe - x->fs || x->how == SG_HIT_KNOWN_SHARED);
    return !(inside && (sg_is_place(m, y->entity) || sg_is_person(m, y->entity)));
}

/* (the user's own readings: exact, folded, a variant, an acronym, a pattern,
 * whatever their lengths; a name lent only fills the gaps they leave) */
void sg_known_give_way(const sg_matcher *m, sg_hits *h)
{
    size_t out = 0, lent = 0, longest = 0;
    for (size_t i = 0; i < h->n; i++) {
        lent += lent_hit(&h->v[i]);
        if (h->v[i].fe - h->v[i].fs > longest)
            longest = h->v[i].fe - h->v[i].fs;
    }
    if (!lent)
        return;
    for (size_t i = 0; i < h->n; i++) {
        const sg_hit *x = &h->v[i];
        int lose = 0;
        if (lent_hit(x)) {
            /* (sorted by start: those before x that may reach it, then those
             * starting inside it) */
            for (size_t k = i; k-- > 0 && h->v[k].fs + longest > x->fs && !lose;)
                lose = own_over(m, x, &h->v[k]);
            for (size_t k = i + 1; k < h->n && h->v[k].fs < x->fe && !lose; k++)
                lose = own_over(m, x, &h->v[k]);
        }
        if (!lose)
            h->v[out++] = *x;
    }
    h->n = out;
}

int sg_known_lend(sg_matcher *m, sg_folded *scratch)
{
    sg_known *k = m->known;
    lent_name *v = NULL;
    char *keys = NULL;
    size_t nv = 0, cap = 0, klen = 0, kcap = 0;
    int rc = 0;
    /* the notes of one entity are consecutive (entities are added in order) */
    for (size_t i = 0; !rc && i < k->nnotes;) {
        size_t j = i + 1;
        uint32_t entry = k->notes[i].entry;
        for (; j < k->nnotes && k->notes[j].entity == k->notes[i].entity; j++)
            if (k->notes[j].entry != entry)
                entry = KNOWN_SEVERAL; /* two bundled entries: nothing is lent */
        uint32_t entity = k->notes[i].entity;
        i = j;
        /* (a user's gazetteer that is the bundled one, or has the entry as
         * it is, borrows nothing: every name is the user's already. The ids
         * are not compared: a user's own list may use the bundled ids) */
        if (entry == KNOWN_SEVERAL)
            continue;
        rc =
            offer(m, scratch, entity, &k->bundled->ents[entry], &v, &nv, &cap, &keys, &klen, &kcap);
    }
    for (size_t i = 0; i < nv; i++)
        v[i].key = keys + v[i].off;
    if (!rc && nv > 1)
        qsort(v, nv, sizeof(lent_name), cmp_lent);
    /* a name offered to two user entities is lent to neither */
    for (size_t i = 0; !rc && i < nv;) {
        size_t j = i + 1;
        int shared = 0;
        for (; j < nv && v[j].len == v[i].len && !memcmp(v[j].key, v[i].key, v[i].len); j++)
            shared |= v[j].entity != v[i].entity;
        for (size_t x = i; !shared && !rc && x < j; x++) {
            rc = sg_matcher_add_alias(m, scratch, v[x].entity, v[x].written,
                                      (unsigned char)(v[x].guard | SG_ALIAS_LENT));
            m->nlent++;
        }
        i = j;
    }
    free(v);
    free(keys);
    return rc;
}
