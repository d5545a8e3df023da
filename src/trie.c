/* A byte trie. While it is built, its edges live in one open-addressing hash
 * table keyed by (node, byte): compact for a million names and one probe per
 * byte. Frozen, it is renumbered breadth first with each node's children
 * contiguous and sorted by byte, so a lookup reads two short arrays near the
 * ones the previous step read, and the upper levels (where every walk begins)
 * stay in cache whatever the size of the gazetteer. */
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
    uint32_t *last;  /* while built, per node: its last value index (appends in O(1)) */
    size_t nodes, node_cap;
    uint32_t *values; /* value, chained through next */
    uint32_t *next;
    size_t nvalues, value_cap;
    uint32_t max_value;
    uint32_t *node_of; /* frozen: value -> the node holding it, [0, max_value] */
    /* frozen form (edges freed): children of node k are [kids[k], kids[k + 1]),
     * the byte leading to node c is label[c] */
    int frozen;
    uint32_t *kids;
    unsigned char *label;
    uint32_t root[256];
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
    size_t cap = t->node_cap;
    if (sg_grow((void **)&t->first, &cap, t->nodes + 1, sizeof(uint32_t)))
        return SG_ERR_NOMEM;
    size_t cap2 = t->node_cap;
    if (sg_grow((void **)&t->last, &cap2, t->nodes + 1, sizeof(uint32_t)))
        return SG_ERR_NOMEM;
    t->node_cap = cap;
    t->first[t->nodes] = t->last[t->nodes] = SG_TRIE_NONE;
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
    free(t->last);
    free(t->values);
    free(t->next);
    free(t->node_of);
    free(t->kids);
    free(t->label);
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

static uint32_t frozen_child(const sg_trie *t, uint32_t node, unsigned char b)
{
    if (node == 0)
        return t->root[b];
    uint32_t lo = t->kids[node], hi = t->kids[node + 1];
    while (hi - lo > 8) { /* wide node: halve the range holding the first label >= b */
        uint32_t mid = lo + (hi - lo) / 2;
        if (t->label[mid] < b)
            lo = mid + 1;
        else
            hi = mid + 1;
    }
    for (; lo < hi; lo++)
        if (t->label[lo] >= b)
            return t->label[lo] == b ? lo : SG_TRIE_NONE;
    return SG_TRIE_NONE;
}

int sg_trie_children(const sg_trie *t, uint32_t node, uint32_t *lo, uint32_t *hi)
{
    if (!t->frozen || node == 0 || node >= t->nodes)
        return SG_ERR_INVALID;
    *lo = t->kids[node];
    *hi = t->kids[node + 1];
    return 0;
}

unsigned char sg_trie_label(const sg_trie *t, uint32_t child)
{
    return t->label[child];
}

uint32_t sg_trie_child(const sg_trie *t, uint32_t node, unsigned char b)
{
    if (t->frozen)
        return frozen_child(t, node, b);
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
    if (t->frozen)
        return SG_ERR_INVALID;
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
    /* Appended at the end of the chain, so values come back in insertion
     * order; the tail is kept, as 200,000 people may share one surname (a
     * walk to the end at each insertion was quadratic). */
    uint32_t v = (uint32_t)t->nvalues++;
    t->values[v] = value;
    t->next[v] = SG_TRIE_NONE;
    if (t->first[node] == SG_TRIE_NONE)
        t->first[node] = v;
    else
        t->next[t->last[node]] = v;
    t->last[node] = v;
    if (value > t->max_value)
        t->max_value = value;
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

uint32_t sg_trie_node_of(const sg_trie *t, uint32_t value)
{
    return t->frozen && t->node_of && value <= t->max_value ? t->node_of[value] : SG_TRIE_NONE;
}

/* Edge (parent, byte, child) of the building table, for sorting. */
typedef struct {
    uint32_t parent, child;
    unsigned char byte;
} edge;

int sg_trie_freeze(sg_trie *t)
{
    if (t->frozen)
        return 0;
    size_t n = t->nodes;
    /* counting sort of the edges by parent; each parent's run sorted by byte */
    uint32_t *begin = calloc(n + 1, sizeof(uint32_t));
    uint32_t *fill = sg_alloc_array(n + 1, sizeof(uint32_t));
    edge *edges = sg_alloc_array(t->used ? t->used : 1, sizeof(edge));
    uint32_t *order = sg_alloc_array(n, sizeof(uint32_t)); /* new id -> old id */
    uint32_t *kids = sg_alloc_array(n + 1, sizeof(uint32_t));
    unsigned char *label = malloc(n);
    uint32_t *first = sg_alloc_array(n, sizeof(uint32_t));
    uint32_t *node_of =
        t->nvalues ? sg_alloc_array((size_t)t->max_value + 1, sizeof(uint32_t)) : NULL;
    if (!begin || !fill || !edges || !order || !kids || !label || !first ||
        (t->nvalues && !node_of)) {
        free(begin), free(fill), free(edges), free(order), free(kids), free(label), free(first);
        free(node_of);
        return SG_ERR_NOMEM;
    }
    for (size_t i = 0; i <= t->mask; i++)
        if (t->slots[i].key)
            begin[((t->slots[i].key - 1) >> 8) + 1]++;
    for (size_t k = 0; k < n; k++)
        begin[k + 1] += begin[k];
    memcpy(fill, begin, (n + 1) * sizeof(uint32_t));
    for (size_t i = 0; i <= t->mask; i++) {
        uint64_t key = t->slots[i].key;
        if (!key)
            continue;
        uint32_t p = (uint32_t)((key - 1) >> 8);
        edge e = {p, t->slots[i].child, (unsigned char)((key - 1) & 0xFF)};
        uint32_t at = fill[p]++;
        while (at > begin[p] && edges[at - 1].byte > e.byte) { /* runs are short */
            edges[at] = edges[at - 1];
            at--;
        }
        edges[at] = e;
    }
    /* breadth first: a node's children get consecutive new numbers */
    size_t head = 0, tail = 1;
    order[0] = 0;
    label[0] = 0;
    for (; head < tail; head++) {
        uint32_t old = order[head];
        kids[head] = (uint32_t)tail;
        for (uint32_t k = begin[old]; k < begin[old + 1]; k++) {
            label[tail] = edges[k].byte;
            order[tail++] = edges[k].child;
        }
    }
    kids[n] = (uint32_t)tail;
    for (size_t k = 0; k < n; k++)
        first[k] = t->first[order[k]];
    if (node_of) {
        memset(node_of, 0xFF, ((size_t)t->max_value + 1) * sizeof(uint32_t));
        for (size_t k = 0; k < n; k++)
            for (uint32_t h = first[k]; h != SG_TRIE_NONE; h = t->next[h])
                node_of[t->values[h]] = (uint32_t)k;
    }
    memset(t->root, 0xFF, sizeof(t->root));
    for (uint32_t c = kids[0]; c < kids[1]; c++)
        t->root[label[c]] = c;
    free(begin);
    free(fill);
    free(edges);
    free(order);
    free(t->slots);
    free(t->first);
    free(t->last);
    t->slots = NULL;
    t->last = NULL;
    t->mask = t->used = 0;
    t->first = first;
    t->node_of = node_of;
    t->kids = kids;
    t->label = label;
    t->frozen = 1;
    return 0;
}
