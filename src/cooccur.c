/* The counting rule of SPEC §5: each unit adds 1 to each unordered pair of
 * distinct entities in it; documents are counted once per pair and node. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cooccur.h"
#include "sg_internal.h"

static sg_pair_count *pairs_new(size_t n);

int sg_cooc_init(sg_cooc *c, size_t nentities)
{
    memset(c, 0, sizeof(*c));
    c->nodes = sg_calloc_array(nentities, sizeof(sg_node_count));
    c->mask = 1023;
    c->pairs = pairs_new(c->mask + 1);
    if (!c->nodes || !c->pairs) {
        sg_cooc_free(c);
        return SG_ERR_NOMEM;
    }
    for (size_t i = 0; i < nentities; i++)
        c->nodes[i].last_doc = c->nodes[i].last_unit = -1;
    c->nentities = nentities;
    return 0;
}

typedef struct {
    long refs;
    char s[];
} docname;

static docname *docname_of(char *name)
{
    return (docname *)(name - offsetof(docname, s));
}

char *sg_docname_new(const char *name)
{
    size_t n = strlen(name);
    docname *d = malloc(sizeof(docname) + n + 1);
    if (!d)
        return NULL;
    d->refs = 1;
    memcpy(d->s, name, n + 1);
    return d->s;
}

char *sg_docname_ref(char *name)
{
    if (name)
        docname_of(name)->refs++;
    return name;
}

void sg_docname_release(char *name)
{
    if (name && --docname_of(name)->refs == 0)
        free(docname_of(name));
}

/* The table is only read here, never written: after a fork (child.c) a
 * write to each of its pages faults (copy-on-write): 3,600 faults at the end
 * of the dense benchmark's default run when it set the names to NULL. */
void sg_cooc_free(sg_cooc *c)
{
    if (c->pairs && c->used) /* (a table merged into another is empty: not read again) */
        for (size_t i = 0; i <= c->mask; i++)
            for (size_t k = 0; k < SG_FIRST_DOCUMENTS && c->pairs[i].first[k]; k++)
                sg_docname_release(c->pairs[i].first[k]); /* (NULL-padded) */
    free(c->nodes);
    free(c->pairs);
    free(c->scratch);
    free(c->last_pairs);
    memset(c, 0, sizeof(*c));
}

void sg_cooc_mention(sg_cooc *c, long doc, uint32_t entity)
{
    sg_node_count *n = &c->nodes[entity];
    n->mentions++;
    if (n->last_doc != doc) {
        n->last_doc = doc;
        n->documents++;
    }
}

static size_t home_of(size_t mask, uint64_t key)
{
    uint64_t x = key * 0x9E3779B97F4A7C15ULL;
    return (size_t)(x ^ (x >> 29)) & mask;
}

static uint64_t key_of(uint32_t a, uint32_t b)
{
    return a < b ? (((uint64_t)a << 32) | b) + 1 : (((uint64_t)b << 32) | a) + 1;
}

static size_t slot_of(const sg_pair_count *pairs, size_t mask, uint64_t key)
{
    size_t h = home_of(mask, key);
    while (pairs[h].key && pairs[h].key != key)
        h = (h + 1) & mask;
    return h;
}

/* A zeroed table. Not calloc: a large calloc is fresh zero pages, which the
 * probes read before anything is written, so that each page is faulted in
 * twice, the second time a copy-on-write whose TLB flush interrupts every
 * other thread of the process (a quarter of a dense corpus's extraction
 * time went there). Written first, each page is faulted in once. */
static sg_pair_count *pairs_new(size_t n)
{
    sg_pair_count *p = sg_alloc_array(n, sizeof(sg_pair_count));
    if (p)
        memset(p, 0, n * sizeof(sg_pair_count));
    return p;
}

/* Rehashes the table into one of nmask + 1 slots (a power of two, larger). */
static int grow_pairs_to(sg_cooc *c, size_t nmask)
{
    sg_pair_count *np = pairs_new(nmask + 1);
    if (!np)
        return SG_ERR_NOMEM;
    for (size_t i = 0; i <= c->mask; i++)
        if (c->pairs[i].key)
            np[slot_of(np, nmask, c->pairs[i].key)] = c->pairs[i];
    free(c->pairs);
    c->pairs = np;
    c->mask = nmask;
    return 0;
}

static int grow_pairs(sg_cooc *c)
{
    return grow_pairs_to(c, c->mask * 2 + 1);
}

/* The count of pair (a, b), a < b, made if absent; NULL when out of memory. */
static sg_pair_count *pair_at(sg_cooc *c, uint32_t a, uint32_t b)
{
    if ((c->used + 1) * 4 > (c->mask + 1) * 3 && grow_pairs(c))
        return NULL;
    uint64_t key = (((uint64_t)a << 32) | b) + 1;
    sg_pair_count *p = &c->pairs[slot_of(c->pairs, c->mask, key)];
    if (!p->key) {
        p->key = key;
        p->last_doc = -1;
        c->used++;
    }
    return p;
}

/* Keeps `name` (a reference the caller gives; released when not kept) if it
 * is among the pair's SG_FIRST_DOCUMENTS smallest names; a name already
 * there is not repeated. */
static void keep_name(sg_pair_count *p, char *name)
{
    size_t k = 0;
    while (k < SG_FIRST_DOCUMENTS && p->first[k] && strcmp(p->first[k], name) < 0)
        k++;
    if (k == SG_FIRST_DOCUMENTS || (p->first[k] && !strcmp(p->first[k], name))) {
        sg_docname_release(name);
        return;
    }
    sg_docname_release(p->first[SG_FIRST_DOCUMENTS - 1]);
    memmove(&p->first[k + 1], &p->first[k], (SG_FIRST_DOCUMENTS - 1 - k) * sizeof(char *));
    p->first[k] = name;
}

/* Whether `name` would be kept: full lists keep only smaller names. */
static int wants_name(const sg_pair_count *p, const char *name)
{
    const char *last = p->first[SG_FIRST_DOCUMENTS - 1];
    return !last || strcmp(name, last) < 0;
}

/* Offers a shared document name (a reference is taken if it is kept). */
static void offer(sg_pair_count *p, char *name)
{
    if (name && wants_name(p, name))
        keep_name(p, sg_docname_ref(name));
}

static int add_pair(sg_cooc *c, long doc, char *name, uint32_t a, uint32_t b)
{
    sg_pair_count *p = pair_at(c, a, b);
    if (!p)
        return SG_ERR_NOMEM;
    p->weight++;
    if (p->last_doc != doc) {
        p->last_doc = doc;
        p->documents++;
        offer(p, name);
    }
    return 0;
}

int sg_cooc_offer_name(sg_cooc *c, uint32_t a, uint32_t b, const char *name)
{
    sg_pair_count *p = pair_at(c, a < b ? a : b, a < b ? b : a);
    if (!p)
        return SG_ERR_NOMEM;
    if (!wants_name(p, name))
        return 0;
    char *d = sg_docname_new(name);
    if (!d)
        return SG_ERR_NOMEM;
    keep_name(p, d);
    return 0;
}

const uint32_t *sg_cooc_last_pairs(const sg_cooc *c, size_t *n)
{
    *n = c->last_n;
    return c->last_pairs;
}

/* The unit's distinct entities in order of first mention, into scratch. */
static size_t distinct_in_order(sg_cooc *c, const uint32_t *entities, size_t n)
{
    long unit = c->unit_seq++;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        sg_node_count *node = &c->nodes[entities[i]];
        if (node->last_unit == unit)
            continue;
        node->last_unit = unit;
        node->units++;
        c->scratch[k++] = entities[i];
    }
    return k;
}

int sg_cooc_unit(sg_cooc *c, long doc, char *name, const uint32_t *entities, size_t n, size_t cap,
                 int *capped)
{
    c->last_n = 0;
    if (n == 0)
        return 0;
    if (sg_grow((void **)&c->scratch, &c->scratch_cap, n, sizeof(uint32_t)))
        return SG_ERR_NOMEM;
    size_t k = distinct_in_order(c, entities, n);
    size_t span = cap >= 2 && k > cap ? cap - 1 : k;
    if (span < k && capped)
        *capped = 1;
    /* a dense corpus's table is megabytes: each pair's slot is a likely cache
     * miss, asked for all at once here so that the misses overlap */
    for (size_t i = 0; i < k; i++)
        for (size_t j = i + 1; j < k && j <= i + span; j++)
            __builtin_prefetch(&c->pairs[home_of(c->mask, key_of(c->scratch[i], c->scratch[j]))],
                               1);
    for (size_t i = 0; i < k; i++)
        for (size_t j = i + 1; j < k && j <= i + span; j++) {
            uint32_t a = c->scratch[i], b = c->scratch[j];
            if (a > b) {
                uint32_t t = a;
                a = b;
                b = t;
            }
            if (add_pair(c, doc, name, a, b))
                return SG_ERR_NOMEM;
            if (c->keep_pairs) {
                if (sg_grow((void **)&c->last_pairs, &c->last_cap, 2 * c->last_n + 2,
                            sizeof(uint32_t)))
                    return SG_ERR_NOMEM;
                c->last_pairs[2 * c->last_n] = a;
                c->last_pairs[2 * c->last_n + 1] = b;
                c->last_n++;
            }
        }
    return 0;
}

static int add_counts(sg_cooc *c, uint32_t a, uint32_t b, long weight, long documents,
                      sg_pair_count **out)
{
    sg_pair_count *p = *out = pair_at(c, a < b ? a : b, a < b ? b : a);
    if (!p)
        return SG_ERR_NOMEM;
    if (__builtin_add_overflow(p->weight, weight, &p->weight) ||
        __builtin_add_overflow(p->documents, documents, &p->documents))
        return SG_ERR_LIMIT;
    return 0;
}

int sg_cooc_add_pair(sg_cooc *c, uint32_t a, uint32_t b, long weight, long documents)
{
    sg_pair_count *p;
    return add_counts(c, a, b, weight, documents, &p);
}

int sg_cooc_add_node(sg_cooc *c, uint32_t entity, long mentions, long documents, long units)
{
    sg_node_count *n = &c->nodes[entity];
    if (__builtin_add_overflow(n->mentions, mentions, &n->mentions) ||
        __builtin_add_overflow(n->documents, documents, &n->documents) ||
        __builtin_add_overflow(n->units, units, &n->units))
        return SG_ERR_LIMIT;
    return 0;
}

int sg_cooc_merge(sg_cooc *into, sg_cooc *from)
{
    /* the smaller table is added into the larger: sums do not care which */
    if (from->used > into->used) {
        sg_pair_count *p = into->pairs;
        size_t mask = into->mask, used = into->used;
        into->pairs = from->pairs;
        into->mask = from->mask;
        into->used = from->used;
        from->pairs = p;
        from->mask = mask;
        from->used = used;
    }
    for (size_t i = 0; i < from->nentities && i < into->nentities; i++) {
        sg_node_count *n = &from->nodes[i];
        if (sg_cooc_add_node(into, (uint32_t)i, n->mentions, n->documents, n->units))
            return SG_ERR_LIMIT;
        n->mentions = n->documents = n->units = 0;
        n->last_doc = n->last_unit = -1;
    }
    /* room for both tables' pairs made first: grown only when its load
     * reached 3/4 in the middle of the walk below, a table of the size of
     * `from` took `from`'s pairs in the order of their slots, which is the
     * order of their home slots, at a local load above one: a cluster that
     * grew with the walk (a dense corpus's threads, 87,000 pairs into
     * 88,000: 33 million probes, 100 ms, where 60,000 do now) */
    size_t nmask = into->mask;
    while ((into->used + from->used + 1) * 4 > (nmask + 1) * 3)
        nmask = nmask * 2 + 1;
    if (nmask != into->mask && grow_pairs_to(into, nmask))
        return SG_ERR_NOMEM;
    for (size_t s = 0; s <= from->mask; s++) {
        sg_pair_count *p = &from->pairs[s];
        /* the slot in `into` of a pair further on, asked for ahead (a likely
         * cache miss: the misses then overlap) */
        const sg_pair_count *ahead = &from->pairs[(s + 8) & from->mask];
        if (ahead->key)
            __builtin_prefetch(&into->pairs[home_of(into->mask, ahead->key)], 1);
        if (!p->key)
            continue;
        uint32_t a = (uint32_t)((p->key - 1) >> 32), b = (uint32_t)((p->key - 1) & 0xFFFFFFFFu);
        sg_pair_count *q;
        int rc = add_counts(into, a, b, p->weight, p->documents, &q);
        if (rc)
            return rc;
        for (size_t k = 0; k < SG_FIRST_DOCUMENTS && p->first[k]; k++) {
            if (wants_name(q, p->first[k]))
                keep_name(q, p->first[k]); /* the reference moves */
            else
                sg_docname_release(p->first[k]);
            p->first[k] = NULL;
        }
        memset(p, 0, sizeof(*p));
    }
    from->used = 0;
    if (__builtin_add_overflow(into->units, from->units, &into->units))
        return SG_ERR_LIMIT;
    from->units = 0;
    return 0;
}
