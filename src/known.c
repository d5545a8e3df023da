/* The variant "known": a user's entry that names an organisation of the
 * bundled gazetteer (gazetteers/organisations.tsv, embedded into the library
 * at build time) borrows that entry's spellings. A user who lists "Centre
 * hospitalier des Escartons" and its acronym is then also read in "l'hôpital
 * de Briançon", which the bundled entry lists.
 *
 * The lent names are read as written or folded only (no variant is derived
 * from them), and a reading of one loses against any reading of the user's
 * own names that it overlaps (match.c, select_hits): they fill gaps, never
 * overrule the user. */
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
