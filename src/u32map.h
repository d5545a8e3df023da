/* A small hash map from a 32-bit key (an entity, a trie node) to a count and
 * a first value, for the resolutions inside one document (resolve.c,
 * surnames.c). */
#ifndef SG_U32MAP_H
#define SG_U32MAP_H

#include <stdint.h>
#include <stdlib.h>

#include "sg_internal.h"

/* Open addressing with SG_TRIE_NONE as the empty key: a document may name tens
 * of thousands of people from a large gazetteer. */
typedef struct {
    uint32_t key, count, first;
} sg_map_rec;

typedef struct {
    sg_map_rec *v;
    size_t n, cap; /* cap: 0 or a power of two */
} sg_u32_map;

static inline size_t sg_map_slot(const sg_u32_map *s, uint32_t key)
{
    size_t i = (size_t)(key * 2654435761u) & (s->cap - 1);
    while (s->v[i].key != SG_TRIE_NONE && s->v[i].key != key)
        i = (i + 1) & (s->cap - 1);
    return i;
}

/* The record of `key`, made (count 0) when missing; NULL when out of memory. */
static inline sg_map_rec *sg_map_get(sg_u32_map *s, uint32_t key)
{
    if ((s->n + 1) * 2 > s->cap) {
        sg_u32_map bigger = {NULL, 0, s->cap ? s->cap * 2 : 16};
        if (!(bigger.v = sg_alloc_array(bigger.cap, sizeof(sg_map_rec))))
            return NULL;
        for (size_t i = 0; i < bigger.cap; i++)
            bigger.v[i].key = SG_TRIE_NONE;
        for (size_t i = 0; i < s->cap; i++)
            if (s->v[i].key != SG_TRIE_NONE)
                bigger.v[sg_map_slot(&bigger, s->v[i].key)] = s->v[i];
        bigger.n = s->n;
        free(s->v);
        *s = bigger;
    }
    sg_map_rec *r = &s->v[sg_map_slot(s, key)];
    if (r->key == SG_TRIE_NONE) {
        *r = (sg_map_rec){key, 0, SG_TRIE_NONE};
        s->n++;
    }
    return r;
}

/* The first value of `key` when its count is 1, else SG_TRIE_NONE (none, or
 * several: the one person seen who bears a surname). */
static inline uint32_t sg_map_only(const sg_u32_map *s, uint32_t node)
{
    if (!s->cap)
        return SG_TRIE_NONE;
    const sg_map_rec *r = &s->v[sg_map_slot(s, node)];
    return r->key == node && r->count == 1 ? r->first : SG_TRIE_NONE;
}

#endif
