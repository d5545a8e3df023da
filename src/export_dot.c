/* DOT through Graphviz's cgraph (SPEC §6), by way of gv.h: values are
 * cleaned (backslashes doubled, controls replaced) before cgraph sees them,
 * since cgraph itself escapes only '"'. A network laid out gets the picture's
 * marks (render_int.h: positions, sizes, shapes, colours, labels), so that
 * `neato -n2` draws the picture from it (issue 17), with its data (type,
 * counts, measures) as attributes; one without a layout gets each type's shape
 * and colour of the pictures coloured by type. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gv.h"
#include "render_int.h"
#include "sg_internal.h"
#include "stakegraph/export.h"
#include "xmlesc.h"

/* The fill colour of a node of `type` in the pictures coloured by type. */
static const char *type_fill(const char *type, char *buf)
{
    unsigned char rgb[3];
    sg_type_colour(type, rgb);
    snprintf(buf, 8, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    return buf;
}

/* Sets a cleaned copy of `value`; returns 0 or SG_ERR_NOMEM. */
static int set(sg_gv_obj *obj, sg_gv_sym *sym, const char *value)
{
    char *clean = sg_dot_clean(value);
    if (!clean)
        return SG_ERR_NOMEM;
    int rc = sg_gv_set_sym(obj, sym, clean);
    free(clean);
    return rc;
}

/* The attributes this file sets itself: a column of the same name (say, a
 * numeric `label` read from a foreign GraphML) would overwrite them. */
static int dot_fixed(sg_domain d, const char *name)
{
    static const char *const node[] = {"label",     "shape",     "fillcolor", "style",   "type",
                                       "mentions",  "documents", "pos",       "width",   "height",
                                       "fontcolor", "fontsize",  "xlabel",    "tooltip", NULL};
    static const char *const edge[] = {"weight", "penwidth", "color", "documents", NULL};
    for (const char *const *f = d == SG_NODES ? node : edge; *f; f++)
        if (!strcmp(*f, name))
            return 1;
    return 0;
}

/* The numeric columns (analysis, layout) as attributes of the nodes or edges. */
static int set_columns(const sg_graph *g, sg_gv *dg, sg_domain d, sg_gv_obj *obj, size_t i)
{
    for (size_t c = 0; c < sg_graph_column_count(g, d); c++) {
        if (dot_fixed(d, sg_graph_column_name(g, d, c)))
            continue;
        char *name = sg_dot_clean(sg_graph_column_name(g, d, c));
        if (!name)
            return SG_ERR_NOMEM;
        sg_gv_kind kind = d == SG_NODES ? SG_GV_NODE : SG_GV_EDGE;
        sg_gv_sym *sym = sg_gv_find(dg, kind, name);
        if (!sym)
            sym = sg_gv_declare(dg, kind, name, "");
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

/* The data of the nodes (type, counts, columns); with `style`, their marks
 * too, as a network without a layout has none of the picture's: its label,
 * and the shape and colour of its type. */
static int add_nodes(const sg_graph *g, sg_gv *dg, sg_gv_obj **nodes, int style)
{
    sg_gv_sym *label = style ? sg_gv_declare(dg, SG_GV_NODE, "label", "\\N") : NULL;
    sg_gv_sym *shape = style ? sg_gv_declare(dg, SG_GV_NODE, "shape", "circle") : NULL;
    sg_gv_sym *fill = style ? sg_gv_declare(dg, SG_GV_NODE, "fillcolor", "#c7c7c7") : NULL;
    sg_gv_sym *type = sg_gv_declare(dg, SG_GV_NODE, "type", "");
    sg_gv_sym *mentions = sg_gv_declare(dg, SG_GV_NODE, "mentions", "0");
    sg_gv_sym *docs = sg_gv_declare(dg, SG_GV_NODE, "documents", "0");
    if ((style &&
         (!label || !shape || !fill || !sg_gv_declare(dg, SG_GV_NODE, "style", "filled"))) ||
        !type || !mentions || !docs)
        return SG_ERR_NOMEM;
    for (size_t i = 0; i < sg_graph_node_count(g); i++) {
        char num[32], colour[8];
        if (!nodes[i]) {
            char *name = sg_dot_clean_id(sg_graph_node_id(g, i));
            if (!name)
                return SG_ERR_NOMEM;
            nodes[i] = sg_gv_node(dg, name);
            free(name);
        }
        if (!nodes[i])
            return SG_ERR_NOMEM;
        const char *t = sg_graph_node_type(g, i);
        int rc = set(nodes[i], type, t);
        if (style) {
            rc = rc ? rc : set(nodes[i], label, sg_graph_node_label(g, i));
            rc = rc ? rc : set(nodes[i], shape, sg_type_shape(t));
            rc = rc ? rc : set(nodes[i], fill, type_fill(t, colour));
        }
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

/* The data of the edges; with `style`, a width by weight too. */
static int add_edges(const sg_graph *g, sg_gv *dg, sg_gv_obj **nodes, sg_gv_obj **edges, int style)
{
    sg_gv_sym *weight = sg_gv_declare(dg, SG_GV_EDGE, "weight", "1");
    sg_gv_sym *pen = style ? sg_gv_declare(dg, SG_GV_EDGE, "penwidth", "1") : NULL;
    sg_gv_sym *docs = sg_gv_declare(dg, SG_GV_EDGE, "documents", "0");
    if (!weight || (style && !pen) || !docs)
        return SG_ERR_NOMEM;
    for (size_t e = 0; e < sg_graph_edge_count(g); e++) {
        size_t s, t;
        double w;
        long d;
        char num[64];
        sg_graph_edge(g, e, &s, &t, &w, &d);
        sg_gv_obj *edge = edges[e] ? edges[e] : sg_gv_edge(dg, nodes[s], nodes[t]);
        if (!edge)
            return SG_ERR_NOMEM;
        sg_format_double(num, sizeof(num), w);
        int rc = set(edge, weight, num);
        sg_format_double(num, sizeof(num), 1.0 + log2(w > 1 ? w : 1));
        rc = rc || !style ? rc : set(edge, pen, num);
        snprintf(num, sizeof(num), "%ld", d);
        rc = rc ? rc : set(edge, docs, num);
        rc = rc ? rc : set_columns(g, dg, SG_EDGES, edge, e);
        if (rc)
            return rc;
    }
    return 0;
}

/* Is the network laid out (the picture's columns there)? */
static int laid_out(const sg_graph *g)
{
    static const char *const cols[] = {"x", "y", "size", "r", "g", "b"};
    for (size_t c = 0; c < sizeof(cols) / sizeof(*cols); c++)
        if (sg_graph_column_find(g, SG_NODES, cols[c]) < 0)
            return 0;
    return 1;
}

int sg_export_dot(const sg_graph *g, FILE *f, sg_error *err)
{
    sg_gv *dg = NULL;
    sg_gv_obj **nodes = calloc(sg_graph_node_count(g) + 1, sizeof(sg_gv_obj *));
    sg_gv_obj **edges = calloc(sg_graph_edge_count(g) + 1, sizeof(sg_gv_obj *));
    int rc = SG_ERR_NOMEM, write_errno = EIO, drawn = laid_out(g);
    if (!nodes || !edges || sg_gv_open(&dg, "G"))
        goto cleanup;
    /* laid out: the picture's marks, so that neato -n2 draws the picture */
    if (drawn && (rc = sg_render_marks(g, dg, nodes, edges, err))) {
        free(nodes);
        free(edges);
        sg_gv_close(dg);
        return rc;
    }
    rc = SG_ERR_NOMEM;
    if (!drawn && (!sg_gv_declare(dg, SG_GV_GRAPH, "charset", "UTF-8") ||
                   !sg_gv_declare(dg, SG_GV_GRAPH, "overlap", "false") ||
                   !sg_gv_declare(dg, SG_GV_GRAPH, "outputorder", "edgesfirst")))
        goto cleanup;
    for (size_t i = 0; i < sg_graph_meta_count(g); i++) /* how the network was made */
        if (sg_gv_set(sg_gv_root(dg), sg_graph_meta_key(g, i), sg_graph_meta_value(g, i)))
            goto cleanup;
    if ((rc = add_nodes(g, dg, nodes, !drawn)) || (rc = add_edges(g, dg, nodes, edges, !drawn)))
        goto cleanup;
    rc = sg_gv_write(dg, f);
    write_errno = errno;
cleanup:
    free(nodes);
    free(edges);
    sg_gv_close(dg);
    if (rc == SG_ERR_IO)
        return sg_error_set(err, rc, NULL, 0, -1, "cannot write: %s", strerror(write_errno));
    if (rc)
        return sg_error_set(err, rc, NULL, 0, -1, "out of memory");
    return 0;
}
