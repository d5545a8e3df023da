/* DOT through Graphviz's cgraph (SPEC §6). This file is the cgraph adapter:
 * values are cleaned (backslashes doubled, controls replaced) before cgraph
 * sees them, since cgraph itself escapes only '"'. */
#include <errno.h>
#include <graphviz/cgraph.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "stakegraph/export.h"
#include "xmlesc.h"

typedef struct {
    const char *type, *shape, *fill;
} type_style;

/* Colours from ColorBrewer's Set3, readable with black text. */
static const type_style styles[] = {
    {"organisation", "box", "#8dd3c7"},
    {"person", "ellipse", "#fb8072"},
    {"place", "house", "#80b1d3"},
};

static const type_style *style_of(const char *type)
{
    static const type_style other = {"", "ellipse", "#d9d9d9"};
    for (size_t i = 0; i < sizeof(styles) / sizeof(*styles); i++)
        if (!strcmp(styles[i].type, type))
            return &styles[i];
    return &other;
}

/* Sets a cleaned copy of `value`; returns 0 or SG_ERR_NOMEM. */
static int set(void *obj, Agsym_t *sym, const char *value)
{
    char *clean = sg_dot_clean(value);
    if (!clean)
        return SG_ERR_NOMEM;
    int rc = agxset(obj, sym, clean);
    free(clean);
    return rc == 0 ? 0 : SG_ERR_NOMEM;
}

/* The attributes this file sets itself: a column of the same name (say, a
 * numeric `label` read from a foreign GraphML) would overwrite them. */
static int dot_fixed(sg_domain d, const char *name)
{
    static const char *const node[] = {"label", "shape",    "fillcolor", "style",
                                       "type",  "mentions", "documents", NULL};
    static const char *const edge[] = {"weight", "penwidth", "documents", NULL};
    for (const char *const *f = d == SG_NODES ? node : edge; *f; f++)
        if (!strcmp(*f, name))
            return 1;
    return 0;
}

/* The numeric columns (analysis, layout) as attributes of the nodes or edges. */
static int set_columns(const sg_graph *g, Agraph_t *dg, sg_domain d, void *obj, size_t i)
{
    for (size_t c = 0; c < sg_graph_column_count(g, d); c++) {
        if (dot_fixed(d, sg_graph_column_name(g, d, c)))
            continue;
        char *name = sg_dot_clean(sg_graph_column_name(g, d, c));
        if (!name)
            return SG_ERR_NOMEM;
        Agsym_t *sym = agattr(dg, d == SG_NODES ? AGNODE : AGEDGE, name, NULL);
        if (!sym)
            sym = agattr(dg, d == SG_NODES ? AGNODE : AGEDGE, name, "");
        free(name);
        if (!sym)
            return SG_ERR_NOMEM;
        char num[64];
        double v = sg_graph_column_value(g, d, c, i);
        sg_format_column_value(num, sizeof(num), v, sg_graph_column_is_int(g, d, c));
        int rc = set(obj, sym, num);
        if (rc)
            return rc;
    }
    return 0;
}

static int add_nodes(const sg_graph *g, Agraph_t *dg, Agnode_t **nodes)
{
    Agsym_t *label = agattr(dg, AGNODE, "label", "\\N");
    Agsym_t *shape = agattr(dg, AGNODE, "shape", "ellipse");
    Agsym_t *fill = agattr(dg, AGNODE, "fillcolor", "#d9d9d9");
    Agsym_t *type = agattr(dg, AGNODE, "type", "");
    Agsym_t *mentions = agattr(dg, AGNODE, "mentions", "0");
    Agsym_t *docs = agattr(dg, AGNODE, "documents", "0");
    agattr(dg, AGNODE, "style", "filled");
    if (!label || !shape || !fill || !type || !mentions || !docs)
        return SG_ERR_NOMEM;
    for (size_t i = 0; i < sg_graph_node_count(g); i++) {
        char *name = sg_dot_clean_id(sg_graph_node_id(g, i));
        char num[32];
        if (!name)
            return SG_ERR_NOMEM;
        nodes[i] = agnode(dg, name, 1);
        free(name);
        if (!nodes[i])
            return SG_ERR_NOMEM;
        const type_style *st = style_of(sg_graph_node_type(g, i));
        int rc = set(nodes[i], label, sg_graph_node_label(g, i));
        rc = rc ? rc : set(nodes[i], type, sg_graph_node_type(g, i));
        rc = rc ? rc : set(nodes[i], shape, st->shape);
        rc = rc ? rc : set(nodes[i], fill, st->fill);
        snprintf(num, sizeof(num), "%ld", sg_graph_node_mentions(g, i));
        rc = rc ? rc : set(nodes[i], mentions, num);
        snprintf(num, sizeof(num), "%ld", sg_graph_node_documents(g, i));
        rc = rc ? rc : set(nodes[i], docs, num);
        rc = rc ? rc : set_columns(g, dg, SG_NODES, nodes[i], i);
        if (rc)
            return rc;
    }
    return 0;
}

static int add_edges(const sg_graph *g, Agraph_t *dg, Agnode_t **nodes)
{
    Agsym_t *weight = agattr(dg, AGEDGE, "weight", "1");
    Agsym_t *pen = agattr(dg, AGEDGE, "penwidth", "1");
    Agsym_t *docs = agattr(dg, AGEDGE, "documents", "0");
    if (!weight || !pen || !docs)
        return SG_ERR_NOMEM;
    for (size_t e = 0; e < sg_graph_edge_count(g); e++) {
        size_t s, t;
        double w;
        long d;
        char num[64];
        sg_graph_edge(g, e, &s, &t, &w, &d);
        Agedge_t *edge = agedge(dg, nodes[s], nodes[t], NULL, 1);
        if (!edge)
            return SG_ERR_NOMEM;
        sg_format_double(num, sizeof(num), w);
        int rc = set(edge, weight, num);
        sg_format_double(num, sizeof(num), 1.0 + log2(w > 1 ? w : 1));
        rc = rc ? rc : set(edge, pen, num);
        snprintf(num, sizeof(num), "%ld", d);
        rc = rc ? rc : set(edge, docs, num);
        rc = rc ? rc : set_columns(g, dg, SG_EDGES, edge, e);
        if (rc)
            return rc;
    }
    return 0;
}

int sg_export_dot(const sg_graph *g, FILE *f, sg_error *err)
{
    Agraph_t *dg = agopen("G", Agstrictundirected, NULL);
    Agnode_t **nodes = calloc(sg_graph_node_count(g) + 1, sizeof(Agnode_t *));
    int rc = SG_ERR_NOMEM, write_errno = EIO;
    if (!dg || !nodes)
        goto cleanup;
    agattr(dg, AGRAPH, "charset", "UTF-8");
    agattr(dg, AGRAPH, "overlap", "false");
    agattr(dg, AGRAPH, "outputorder", "edgesfirst");
    if ((rc = add_nodes(g, dg, nodes)) || (rc = add_edges(g, dg, nodes)))
        goto cleanup;
    errno = 0;
    rc = agwrite(dg, f) == 0 && !ferror(f) && fflush(f) == 0 ? 0 : SG_ERR_IO;
    write_errno = errno ? errno : EIO;
cleanup:
    free(nodes);
    if (dg)
        agclose(dg);
    if (rc == SG_ERR_IO)
        return sg_error_set(err, rc, NULL, 0, -1, "cannot write: %s", strerror(write_errno));
    if (rc)
        return sg_error_set(err, rc, NULL, 0, -1, "out of memory");
    return 0;
}
