/* The units of text behind each edge that the HTML view shows (view.h): the
 * first few of each pair of actors as snippets with the two names marked,
 * found again by the pair's ids when the view is written. */
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "view_int.h"

/* Snippets are cut as the evidence rows' are (their 300 bytes), a little longer. */
enum { VIEW_SNIPPET_MAX = 400 };

sg_unit_store *sg_unit_store_new(size_t per_edge)
{
    sg_unit_store *s = calloc(1, sizeof(*s));
    if (s)
        s->per_edge = per_edge;
    return s;
}

void sg_unit_store_free(sg_unit_store *s)
{
    if (!s)
        return;
    for (size_t u = 0; u < s->nunits; u++)
        free(s->units[u].text);
    for (size_t e = 0; e < s->nedges; e++) {
        free(s->edges[e].pair);
        free(s->edges[e].kept);
    }
    for (size_t d = 0; d < s->ndocs; d++)
        free(s->docs[d]);
    free(s->units);
    free(s->edges);
    free(s->slots);
    free(s->docs);
    free(s);
}

/* FNV-1a over the pair "a\0b\0". */
static uint64_t pair_hash(const char *a, const char *b)
{
    return sg_fnv1a(sg_fnv1a(SG_FNV_SEED, a, strlen(a) + 1), b, strlen(b) + 1);
}

static int same_pair(const char *pair, const char *a, const char *b)
{
    return !strcmp(pair, a) && !strcmp(pair + strlen(pair) + 1, b);
}

/* The slot of the pair (a < b): its edge's, or the empty one it would take. */
static size_t slot_of(const sg_unit_store *s, const char *a, const char *b)
{
    size_t i = (size_t)pair_hash(a, b) & s->mask;
    while (s->slots[i] && !same_pair(s->edges[s->slots[i] - 1].pair, a, b))
        i = (i + 1) & s->mask;
    return i;
}

const sg_view_edge *sg_unit_store_find(const sg_unit_store *s, const char *a, const char *b)
{
    if (!s || !s->slots)
        return NULL;
    if (strcmp(a, b) > 0) {
        const char *t = a;
        a = b;
        b = t;
    }
    size_t i = slot_of(s, a, b);
    return s->slots[i] ? &s->edges[s->slots[i] - 1] : NULL;
}

/* Doubles the table when it is half full. */
static int rehash(sg_unit_store *s)
{
    if (s->slots && 2 * (s->nedges + 1) <= s->mask + 1)
        return 0;
    size_t size = s->slots ? 2 * (s->mask + 1) : 64;
    size_t *old = s->slots;
    if (!(s->slots = calloc(size, sizeof(size_t)))) {
        s->slots = old;
        return SG_ERR_NOMEM;
    }
    s->mask = size - 1;
    for (size_t e = 0; e < s->nedges; e++) {
        const char *a = s->edges[e].pair;
        s->slots[slot_of(s, a, a + strlen(a) + 1)] = e + 1;
    }
    free(old);
    return 0;
}

/* The edge of the pair (a < b), made when it is new; NULL when out of memory. */
static sg_view_edge *edge_of(sg_unit_store *s, const char *a, const char *b)
{
    if (rehash(s) || sg_grow((void **)&s->edges, &s->edges_cap, s->nedges + 1, sizeof(*s->edges)))
        return NULL;
    size_t i = slot_of(s, a, b);
    if (s->slots[i])
        return &s->edges[s->slots[i] - 1];
    size_t la = strlen(a), lb = strlen(b);
    sg_view_edge *e = &s->edges[s->nedges];
    memset(e, 0, sizeof(*e));
    if (!(e->pair = malloc(la + lb + 2)))
        return NULL;
    memcpy(e->pair, a, la + 1);
    memcpy(e->pair + la + 1, b, lb + 1);
    s->slots[i] = ++s->nedges;
    return e;
}

/* The index of document `name`: units come document by document, so the
 * last one is the one asked for but at each new document. */
static int doc_of(sg_unit_store *s, const char *name, size_t *out)
{
    if (s->ndocs && !strcmp(s->docs[s->ndocs - 1], name)) {
        *out = s->ndocs - 1;
        return 0;
    }
    if (sg_grow((void **)&s->docs, &s->docs_cap, s->ndocs + 1, sizeof(char *)) ||
        !(s->docs[s->ndocs] = sg_strdup(name)))
        return SG_ERR_NOMEM;
    *out = s->ndocs++;
    return 0;
}

int sg_unit_store_add(sg_unit_store *s, const sg_cooccurrence *c)
{
    sg_view_edge *e = edge_of(s, c->source, c->target);
    if (!e)
        return SG_ERR_NOMEM;
    e->total++;
    if (e->nkept >= s->per_edge)
        return 0;
    sg_view_unit u;
    if (sg_grow((void **)&e->kept, &e->kept_cap, e->nkept + 1, sizeof(size_t)) ||
        sg_grow((void **)&s->units, &s->units_cap, s->nunits + 1, sizeof(*s->units)) ||
        doc_of(s, c->doc ? c->doc : "<document>", &u.doc) ||
        !(u.text = sg_evidence_snippet_marked(c, VIEW_SNIPPET_MAX, u.spans))) {
        e->total--;
        return SG_ERR_NOMEM;
    }
    u.line = c->line;
    s->units[s->nunits] = u;
    e->kept[e->nkept++] = s->nunits++;
    return 0;
}
