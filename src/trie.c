/* A byte trie stored as one open-addressing hash table of edges keyed by
 * (node, byte): compact for a million names and one probe per byte. */
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "trie.h"

typedef struct {
    uint64_t key; /* (node << 8 | byte) + 1; 0 marks an empty slot */
    uint32_t child;
} edge_slot;

struct sg_trie {
    edge_slot *slots;
    size_t mask, used;
    uint32_t *first; /* per node: first value index or SG_TRIE_NONE */
    size_t nodes, node_cap;
    uint32_t *values; /* value, chained through next */
    uint32_t *next;
    size_t nvalues, value_cap;
};

static uint64_t hash64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

static int add_node(sg_trie *t, uint32_t *out)
{
    if (t->nodes >= UINT32_MAX - 1)
        return SG_ERR_LIMIT;
    if (sg_grow((void **)&t->first, &t->node_cap, t->nodes + 1, sizeof(uint32_t)))
        return SG_ERR_NOMEM;
    t->first[t->nodes] = SG_TRIE_NONE;
    *out = (uint32_t)t->nodes++;
    return 0;
}

int sg_trie_new(sg_trie **out)
{
    sg_trie *t = calloc(1, sizeof(*t));
    uint32_t root;
    if (!t)
        return SG_ERR_NOMEM;
    t->mask = 1023;
    t->slots = calloc(t->mask + 1, sizeof(edge_slot));
    if (!t->slots || add_node(t, &root)) {
        sg_trie_free(t);
        return SG_ERR_NOMEM;
    }
    *out = t;
    return 0;
}

void sg_trie_free(sg_trie *t)
{
    if (!t)
        return;
    free(t->slots);
    free(t->first);
    free(t->values);
    free(t->next);
    free(t);
}

static edge_slot *find_slot(edge_slot *slots, size_t mask, uint64_t key)
{
    size_t h = (size_t)hash64(key) & mask;
    while (slots[h].key && slots[h].key != key)
        h = (h + 1) & mask;
    return &slots[h];
}

static int rehash(sg_trie *t)
{
    size_t nmask = t->mask * 2 + 1;
    edge_slot *ns = calloc(nmask + 1, sizeof(edge_slot));
    if (!ns)
        return SG_ERR_NOMEM;
    for (size_t i = 0; i <= t->mask; i++)
        if (t->slots[i].key)
            *find_slot(ns, nmask, t->slots[i].key) = t->slots[i];
    free(t->slots);
    t->slots = ns;
    t->mask = nmask;
    return 0;
}

uint32_t sg_trie_root(const sg_trie *t)
{
    (void)t;
    return 0;
}

uint32_t sg_trie_child(const sg_trie *t, uint32_t node, unsigned char b)
{
    uint64_t key = (((uint64_t)node << 8) | b) + 1;
    size_t h = (size_t)hash64(key) & t->mask;
    for (;;) {
        const edge_slot *s = &t->slots[h];
        if (s->key == key)
            return s->child;
        if (!s->key)
            return SG_TRIE_NONE;
        h = (h + 1) & t->mask;
    }
}

int sg_trie_insert(sg_trie *t, const char *key, size_t len, uint32_t value)
{
    uint32_t node = 0;
    for (size_t i = 0; i < len; i++) {
        uint64_t k = (((uint64_t)node << 8) | (unsigned char)key[i]) + 1;
        edge_slot *s = find_slot(t->slots, t->mask, k);
        if (s->key) {
            node = s->child;
            continue;
        }
        if ((t->used + 1) * 2 > t->mask + 1) {
            if (rehash(t))
                return SG_ERR_NOMEM;
            s = find_slot(t->slots, t->mask, k);
        }
        uint32_t child;
        int rc = add_node(t, &child);
        if (rc)
            return rc;
        s->key = k;
        s->child = child;
        t->used++;
        node = child;
    }
    if (t->nvalues >= UINT32_MAX - 1)
        return SG_ERR_LIMIT;
    size_t cap = t->value_cap;
    if (sg_grow((void **)&t->values, &cap, t->nvalues + 1, sizeof(uint32_t)))
        return SG_ERR_NOMEM;
    size_t cap2 = t->value_cap;
    if (sg_grow((void **)&t->next, &cap2, t->nvalues + 1, sizeof(uint32_t)))
        return SG_ERR_NOMEM;
    t->value_cap = cap;
    /* Append at the end of the chain so values come back in insertion order. */
    uint32_t v = (uint32_t)t->nvalues++;
    t->values[v] = value;
    t->next[v] = SG_TRIE_NONE;
    if (t->first[node] == SG_TRIE_NONE) {
        t->first[node] = v;
    } else {
        uint32_t h = t->first[node];
        while (t->next[h] != SG_TRIE_NONE)
            h = t->next[h];
        t->next[h] = v;
    }
    return 0;
}

uint32_t sg_trie_first(const sg_trie *t, uint32_t node, uint32_t *h)
{
    *h = t->first[node];
    return *h == SG_TRIE_NONE ? SG_TRIE_NONE : t->values[*h];
}

uint32_t sg_trie_next(const sg_trie *t, uint32_t *h)
{
    *h = t->next[*h];
    return *h == SG_TRIE_NONE ? SG_TRIE_NONE : t->values[*h];
}
