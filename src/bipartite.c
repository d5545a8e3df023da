/* The actor-document graph (SPEC §11): one node per actor mentioned and one
 * per document, an edge from each document to each actor it mentions,
 * weighted by the mentions. Built from the documents the extractor recorded. */
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"
#include "gazetteer_int.h"
#include "graph_int.h"
#include "sg_internal.h"

static const char DOC_PREFIX[] = "doc:";

/* A node before sorting: an entity (doc == NULL) or a document. */
typedef struct {
    const char *id; /* the entity's id; for documents, the name without prefix */
    uint32_t entity;
    const sg_docrec *doc; /* the first record of that name */
    long mentions, documents;
} bnode;

/* Node ids in byte order (documents' ids are made with the same width, so
 * that their order is their names' order). */
static int cmp_id(const bnode *p, const bnode *q)
{
    return strcmp(p->id, q->id);
}

static int cmp_bnode(const void *x, const void *y)
{
    return cmp_id(x, y);
}

int sg_docrec_cmp(const void *x, const void *y)
{
    const sg_docrec *p = *(const sg_docrec *const *)x, *q = *(const sg_docrec *const *)y;
    int c = strcmp(p->name, q->name);
    for (size_t i = 0; !c && i < 2 * p->nmeta && i < 2 * q->nmeta; i++)
        c = strcmp(p->meta[i], q->meta[i]);
    if (!c)
        c = p->nmeta < q->nmeta ? -1 : p->nmeta > q->nmeta;
    return c;
}

/* The index of metadata key `key` among `keys`, added if new; -1 when out of memory. */
static long key_index(char ***keys, size_t *n, size_t *cap, const char *key)
{
    for (size_t i = 0; i < *n; i++)
        if (!strcmp((*keys)[i], key))
            return (long)i;
    if (sg_grow((void **)keys, cap, *n + 1, sizeof(char *)) || !((*keys)[*n] = strdup(key)))
        return -1;
    return (long)(*n)++;
}

typedef struct {
    size_t a, b;
    long weight;
} bedge;

static int cmp_bedge(const void *x, const void *y)
{
    const bedge *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : p->b > q->b;
}

/* "doc:0042": document names are not NMTOKENs (GraphML ids), so documents
 * are numbered in name order, all with the same number of digits. */
static char *doc_id(size_t rank, size_t count)
{
    char digits[32], wide[32];
    int n = snprintf(digits, sizeof(digits), "%zu", rank);
    int width = snprintf(wide, sizeof(wide), "%zu", count);
    char *s = malloc(sizeof(DOC_PREFIX) + 32);
    if (!s)
        return NULL;
    size_t k = sizeof(DOC_PREFIX) - 1;
    memcpy(s, DOC_PREFIX, k);
    for (int i = n; i < width; i++)
        s[k++] = '0';
    memcpy(s + k, digits, (size_t)n + 1);
    return s;
}

static const char *meta_of(const sg_docrec *d, const char *key)
{
    for (size_t i = 0; i < d->nmeta; i++)
        if (!strcmp(d->meta[2 * i], key))
            return d->meta[2 * i + 1];
    return NULL;
}

/* Node i of the bipartite graph from `b`: a document (its name, title and
 * metadata) or an actor (its gazetteer row). 0 or SG_ERR_NOMEM. */
static int fill_node(sg_graph *g, const sg_gazetteer *gaz, const bnode *b, size_t i, char ***keys,
                     size_t *nkeys_p, size_t *keycap, long name_col, size_t *node_of_ent)
{
    size_t nkeys = *nkeys_p;
    g->mentions[i] = b->mentions;
    g->documents[i] = b->documents;
    if (b->doc) {
        const char *title = meta_of(b->doc, "title");
        g->id[i] = strdup(b->id);
        g->label[i] = strdup(title ? title : b->doc->name);
        g->type[i] = strdup("document");
        if (!(g->attrs[i * nkeys + (size_t)name_col] = strdup(b->doc->name)))
            g->id[i] = NULL;
        for (size_t k = 0; k < b->doc->nmeta && g->id[i]; k++) {
            long a = key_index(keys, nkeys_p, keycap, b->doc->meta[2 * k]);
            char **cell = &g->attrs[i * nkeys + (size_t)a];
            if (!*cell && !(*cell = strdup(b->doc->meta[2 * k + 1])))
                g->id[i] = NULL; /* reported at the end */
        }
    } else {
        const sg_entity *e = &gaz->ents[b->entity];
        node_of_ent[b->entity] = i;
        g->id[i] = strdup(e->id);
        g->label[i] = strdup(e->label);
        g->type[i] = strdup(e->type);
        for (size_t a = 0; a < gaz->nattr && a < e->nattrs; a++)
            if (e->attrs[a] && !(g->attrs[i * nkeys + a] = strdup(e->attrs[a])))
                g->id[i] = NULL;
    }
    return g->id[i] && g->label[i] && g->type[i] ? 0 : SG_ERR_NOMEM;
}

/* The edges of the bipartite graph: one per document and actor it names,
 * weighted by its mentions there (same-named records add up). 0 or
 * SG_ERR_NOMEM. */
static int bipartite_edges(sg_graph *g, const sg_docrec **docs, size_t nd,
                           const size_t *node_of_doc, const size_t *node_of_ent, size_t nedges)
{
    bedge *edges = sg_alloc_array(nedges + 1, sizeof(bedge));
    if (!edges)
        return SG_ERR_NOMEM;
    /* document nodes in name order = record order (same-named records share one) */
    size_t m = 0, r = (size_t)-1;
    for (size_t i = 0; i < nd; i++) {
        if (i == 0 || strcmp(docs[i - 1]->name, docs[i]->name))
            r++;
        size_t dn = node_of_doc[r];
        for (size_t k = 0; k < docs[i]->n; k++) {
            size_t an = node_of_ent[docs[i]->ents[k]];
            edges[m++] = (bedge){an < dn ? an : dn, an < dn ? dn : an, docs[i]->counts[k]};
        }
    }
    if (m > 1)
        qsort(edges, m, sizeof(bedge), cmp_bedge);
    size_t k = 0;
    for (size_t e = 0; e < m; e++) {
        if (k && g->src[k - 1] == edges[e].a && g->dst[k - 1] == edges[e].b) {
            g->weight[k - 1] += (double)edges[e].weight;
            continue;
        }
        g->src[k] = edges[e].a;
        g->dst[k] = edges[e].b;
        g->weight[k] = (double)edges[e].weight;
        g->edocs[k] = 1;
        k++;
    }
    g->m = k;
    free(edges);
    return 0;
}

/* The document nodes, from the records sorted by name: documents of the same
 * name are one node (the first record's metadata), numbered "doc:..." in
 * name order (their ids in *docids, NULL-terminated, owned by the caller).
 * Adds each actor's mentions and documents to ment and ndoc; *nn: the nodes
 * made; *nedges: an upper bound of the edges. 0 or SG_ERR_NOMEM. */
static int doc_nodes(const sg_docrec **docs, size_t nd, bnode *nodes, char ***docids, long *ment,
                     long *ndoc, size_t *nn, size_t *nedges)
{
    size_t ndistinct = 0;
    for (size_t i = 0; i < nd; i++)
        ndistinct += i == 0 || strcmp(docs[i - 1]->name, docs[i]->name);
    if (!(*docids = calloc(ndistinct + 1, sizeof(char *))))
        return SG_ERR_NOMEM;
    for (size_t i = 0; i < nd; i++) {
        const sg_docrec *d = docs[i];
        if (i == 0 || strcmp(docs[i - 1]->name, d->name)) {
            if (!((*docids)[*nn] = doc_id(*nn + 1, ndistinct)))
                return SG_ERR_NOMEM;
            nodes[*nn] = (bnode){(*docids)[*nn], 0, d, 0, 1};
            (*nn)++;
        }
        bnode *dn = &nodes[*nn - 1];
        for (size_t k = 0; k < d->n; k++) {
            dn->mentions += d->counts[k];
            ment[d->ents[k]] += d->counts[k];
            ndoc[d->ents[k]]++;
        }
        *nedges += d->n;
    }
    return 0;
}

int sg_bipartite_build(sg_graph **out, const sg_extractor *ex, sg_error *err)
{
    const sg_gazetteer *gaz = ex->gaz;
    size_t ne = gaz->n, nd = ex->ndocrec;
    const sg_docrec **docs = sg_alloc_array(nd + 1, sizeof(*docs));
    long *ment = calloc(ne + 1, sizeof(long)), *ndoc = calloc(ne + 1, sizeof(long));
    size_t *node_of_ent = sg_alloc_array(ne + 1, sizeof(size_t));
    size_t *node_of_doc = sg_alloc_array(nd + 1, sizeof(size_t));
    bnode *nodes = sg_alloc_array(ne + nd + 1, sizeof(bnode));
    char **keys = NULL, **docids = NULL;
    size_t nkeys = 0, keycap = 0, nedges = 0;
    sg_graph *g = NULL;
    int rc = SG_ERR_NOMEM;
    if (!docs || !ment || !ndoc || !node_of_ent || !node_of_doc || !nodes)
        goto done;
    for (size_t i = 0; i < nd; i++)
        docs[i] = &ex->docs[i];
    if (nd > 1)
        qsort(docs, nd, sizeof(*docs), sg_docrec_cmp);
    size_t nn = 0;
    if (doc_nodes(docs, nd, nodes, &docids, ment, ndoc, &nn, &nedges))
        goto done;
    for (size_t e = 0; e < ne; e++)
        if (ment[e] > 0)
            nodes[nn++] = (bnode){gaz->ents[e].id, (uint32_t)e, NULL, ment[e], ndoc[e]};
    if (nn > 1)
        qsort(nodes, nn, sizeof(bnode), cmp_bnode);
    for (size_t i = 0; i + 1 < nn; i++)
        if (!cmp_id(&nodes[i], &nodes[i + 1])) {
            rc = sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1,
                              "bipartite graph: actor id '%s' is also a document's node id",
                              nodes[i].doc ? nodes[i + 1].id : nodes[i].id);
            goto done_set;
        }
    /* columns: the gazetteer's, the document's name, then the documents' metadata keys */
    for (size_t a = 0; a < gaz->nattr; a++)
        if (key_index(&keys, &nkeys, &keycap, gaz->attr_names[a]) < 0)
            goto done;
    long name_col = key_index(&keys, &nkeys, &keycap, "document");
    if (name_col < 0)
        goto done;
    for (size_t i = 0; i < nd; i++)
        for (size_t k = 0; k < docs[i]->nmeta; k++)
            if (key_index(&keys, &nkeys, &keycap, docs[i]->meta[2 * k]) < 0)
                goto done;
    if (!(g = sg_graph_alloc(nn, nedges, nkeys)))
        goto done;
    for (size_t a = 0; a < nkeys; a++)
        if (!(g->attr_names[a] = strdup(keys[a])))
            goto done;
    double *part = sg_alloc_array(nn + 1, sizeof(double));
    if (!part)
        goto done;
    for (size_t i = 0; i < nn; i++) {
        part[i] = nodes[i].doc ? 1 : 0;
        if (fill_node(g, gaz, &nodes[i], i, &keys, &nkeys, &keycap, name_col, node_of_ent)) {
            free(part);
            goto done;
        }
    }
    /* each record's node: the records are sorted by name, the nodes by id */
    for (size_t i = 0, r = 0; i < nn; i++)
        if (nodes[i].doc)
            node_of_doc[r++] = i;
    rc = sg_graph_set_column(g, SG_NODES, "bipartite", 1, part, err);
    free(part);
    if (rc)
        goto done_set;
    rc = SG_ERR_NOMEM;
    if (bipartite_edges(g, docs, nd, node_of_doc, node_of_ent, nedges))
        goto done;
    *out = g;
    g = NULL;
    rc = 0;
    goto done_set;
done:
    sg_error_set(err, rc, NULL, 0, -1, "out of memory");
done_set:
    sg_graph_free(g);
    for (size_t i = 0; i < nkeys; i++)
        free(keys[i]);
    free(keys);
    for (size_t i = 0; docids && docids[i]; i++)
        free(docids[i]);
    free(docids);
    free(docs);
    free(ment);
    free(ndoc);
    free(node_of_ent);
    free(node_of_doc);
    free(nodes);
    return rc;
}
