/* Reading GraphML back (for `stats` and `render`) with igraph's own reader
 * and its C attribute table, which is installed only for the read and
 * removed again, so the rest of the library works on attribute-less graphs. */
#include <errno.h>
#include <igraph.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus_int.h"
#include "graph_int.h"
#include "sg_internal.h"

/* Numeric node attributes written as integers by stakegraph. */
static int int_column(const char *name)
{
    static const char *const ints[] = {"units", "degree", "community", "component", "r", "g", "b"};
    for (size_t i = 0; i < sizeof(ints) / sizeof(*ints); i++)
        if (!strcmp(name, ints[i]))
            return 1;
    return 0;
}

typedef struct {
    const char *path;
    igraph_t *ig;
    sg_graph *g;
    igraph_strvector_t vnames, enames, gnames;
    igraph_vector_int_t vtypes, etypes, gtypes;
    igraph_vector_t num;
    igraph_strvector_t str;
    const char **raw_attr;  /* igraph's names of the node string attributes kept */
    char edge_strings[160]; /* the edge attributes of strings left out, named */
    char name_as[16];       /* a node `name` besides `label`, read as this column, or "" */
    size_t edge_strings_count, edge_strings_values;
} reader;

static int fail(reader *r, sg_error *err, int code, const char *what)
{
    return sg_error_set(err, code, r->path, 0, -1, "%s", what);
}

static int read_numeric(reader *r, igraph_attribute_elemtype_t kind, const char *name, int boolean)
{
    if (boolean) {
        igraph_vector_bool_t b;
        if (igraph_vector_bool_init(&b, 0))
            return -1;
        igraph_error_t rc =
            kind == IGRAPH_ATTRIBUTE_VERTEX
                ? igraph_cattribute_VABV(r->ig, name, igraph_vss_all(), &b)
                : igraph_cattribute_EABV(r->ig, name, igraph_ess_all(IGRAPH_EDGEORDER_ID), &b);
        if (!rc && igraph_vector_resize(&r->num, igraph_vector_bool_size(&b)))
            rc = IGRAPH_ENOMEM;
        for (igraph_integer_t i = 0; !rc && i < igraph_vector_bool_size(&b); i++)
            VECTOR(r->num)[i] = VECTOR(b)[i] ? 1 : 0;
        igraph_vector_bool_destroy(&b);
        return rc ? -1 : 0;
    }
    igraph_error_t rc =
        kind == IGRAPH_ATTRIBUTE_VERTEX
            ? igraph_cattribute_VANV(r->ig, name, igraph_vss_all(), &r->num)
            : igraph_cattribute_EANV(r->ig, name, igraph_ess_all(IGRAPH_EDGEORDER_ID), &r->num);
    return rc ? -1 : 0;
}

static int copy_string(char **dst, const char *s)
{
    *dst = NULL;
    if (!s || !*s)
        return 0;
    return (*dst = sg_strdup(s)) ? 0 : -1;
}

/* A copy of an XML attribute value as igraph's reader gives it: libxml2,
 * not asked to replace entities, hands every '&' of an attribute value over
 * as "&#38;" (node ids, attr.name), so "R&D" would come back as "R&#38;D" and
 * grow at each round trip. Every "&#38;" there stands for one '&'. NULL for
 * "" (like copy_string) and on exhaustion (*failed set). */
static char *attr_value_dup(const char *s, int *failed)
{
    if (!s || !*s)
        return NULL;
    char *d = sg_strdup(s);
    if (!d) {
        *failed = 1;
        return NULL;
    }
    char *o = d;
    for (const char *p = s; *p;) {
        if (!strncmp(p, "&#38;", 5)) {
            *o++ = '&';
            p += 5;
        } else {
            *o++ = *p++;
        }
    }
    *o = '\0';
    return d;
}

/* Non-zero when the vertex attribute `name` exists and holds strings: VAS()
 * on a numeric or boolean attribute reads out of bounds. */
static int string_attr(const reader *r, const char *name)
{
    for (igraph_integer_t a = 0; a < igraph_strvector_size(&r->vnames); a++)
        if (!strcmp(igraph_strvector_get(&r->vnames, a), name))
            return VECTOR(r->vtypes)[a] == IGRAPH_ATTRIBUTE_STRING;
    return 0;
}

static int cmp_str_ptr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Gives the nodes without an id ("" in the file) one that no other node has:
 * "n<index>", with "_<k>" added when the file already uses that. */
static int fill_missing_ids(sg_graph *g)
{
    size_t missing = 0, used = 0;
    for (size_t i = 0; i < g->n; i++)
        missing += !g->id[i];
    if (!missing)
        return 0;
    char **sorted = sg_alloc_array(g->n + 1, sizeof(char *));
    if (!sorted)
        return SG_ERR_NOMEM;
    for (size_t i = 0; i < g->n; i++)
        if (g->id[i])
            sorted[used++] = g->id[i];
    qsort(sorted, used, sizeof(char *), cmp_str_ptr);
    int rc = 0;
    for (size_t i = 0; i < g->n && !rc; i++) {
        if (g->id[i])
            continue;
        char id[64];
        const char *key = id;
        snprintf(id, sizeof(id), "n%zu", i);
        for (unsigned k = 1; bsearch(&key, sorted, used, sizeof(char *), cmp_str_ptr); k++)
            snprintf(id, sizeof(id), "n%zu_%u", i, k);
        if (!(g->id[i] = sg_strdup(id)))
            rc = SG_ERR_NOMEM;
    }
    free(sorted);
    return rc;
}

/* A node `name` that is not the node's name: the file has a `label` too,
 * and some node's `name` is another text (stakegraph writes its label
 * twice). It is then read as a column, "name_" (or "name__", ... when the
 * file has one), said in r->name_as. */
static void name_column(reader *r)
{
    r->name_as[0] = '\0';
    if (!string_attr(r, "label") || !string_attr(r, "name"))
        return;
    int differ = 0;
    for (size_t i = 0; i < r->g->n && !differ; i++) {
        const char *name = VAS(r->ig, "name", (igraph_integer_t)i);
        differ = *name && strcmp(name, VAS(r->ig, "label", (igraph_integer_t)i));
    }
    if (!differ)
        return;
    snprintf(r->name_as, sizeof(r->name_as), "name_");
    while (strlen(r->name_as) + 2 < sizeof(r->name_as) &&
           (string_attr(r, r->name_as) || sg_graph_column_find(r->g, SG_NODES, r->name_as) >= 0))
        strcat(r->name_as, "_");
}

/* The node string attributes kept as columns: igraph's names in
 * r->raw_attr (for VAS()), ours (decoded) in the graph. */
static int node_attr_names(reader *r, size_t *count, sg_error *err)
{
    sg_graph *g = r->g;
    igraph_integer_t nv = igraph_strvector_size(&r->vnames);
    size_t nattr = 0;
    r->raw_attr = sg_alloc_array((size_t)nv + 1, sizeof(char *));
    if (!r->raw_attr)
        return fail(r, err, SG_ERR_NOMEM, "out of memory");
    name_column(r);
    for (igraph_integer_t a = 0; a < nv; a++) {
        const char *name = igraph_strvector_get(&r->vnames, a);
        int type = (int)VECTOR(r->vtypes)[a];
        if (type == IGRAPH_ATTRIBUTE_STRING && *name && strcmp(name, "id") &&
            strcmp(name, "label") && (strcmp(name, "name") || r->name_as[0]) &&
            strcmp(name, "type"))
            r->raw_attr[nattr++] = name;
    }
    for (size_t a = 0; a < nattr; a++) {
        int failed = 0;
        g->attr_names[a] = strcmp(r->raw_attr[a], "name") ? attr_value_dup(r->raw_attr[a], &failed)
                                                          : sg_strdup(r->name_as);
        g->nattr = a + 1; /* freed with the graph from now on */
        if (failed || !g->attr_names[a])
            return fail(r, err, SG_ERR_NOMEM, "out of memory");
    }
    g->nattr = nattr;
    *count = nattr;
    return 0;
}

static int read_nodes(reader *r, sg_error *err)
{
    sg_graph *g = r->g;
    igraph_integer_t nv = igraph_strvector_size(&r->vnames);
    size_t nattr = 0;
    int rc = node_attr_names(r, &nattr, err);
    if (rc)
        return rc;
    /* a numeric `label`, `name` or `type` is not a name: it stays a column */
    int has_label = string_attr(r, "label"), has_name = string_attr(r, "name");
    int has_type = string_attr(r, "type"), has_id = string_attr(r, "id");
    for (size_t i = 0; i < g->n; i++) {
        const char *id = has_id ? VAS(r->ig, "id", (igraph_integer_t)i) : NULL;
        const char *label = has_label ? VAS(r->ig, "label", (igraph_integer_t)i) : NULL;
        if ((!label || !*label) && has_name)
            label = VAS(r->ig, "name", (igraph_integer_t)i);
        const char *type = has_type ? VAS(r->ig, "type", (igraph_integer_t)i) : "";
        int failed = 0;
        g->id[i] = attr_value_dup(id, &failed);
        if (failed || copy_string(&g->label[i], label) ||
            !(g->type[i] = sg_strdup(type ? type : "")))
            return fail(r, err, SG_ERR_NOMEM, "out of memory");
        for (size_t a = 0; a < nattr; a++)
            if (copy_string(&g->attrs[i * nattr + a],
                            VAS(r->ig, r->raw_attr[a], (igraph_integer_t)i)))
                return fail(r, err, SG_ERR_NOMEM, "out of memory");
    }
    if (fill_missing_ids(g))
        return fail(r, err, SG_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < g->n; i++) /* no label: the id */
        if (!g->label[i] && !(g->label[i] = sg_strdup(g->id[i])))
            return fail(r, err, SG_ERR_NOMEM, "out of memory");
    for (igraph_integer_t a = 0; a < nv; a++) {
        const char *name = igraph_strvector_get(&r->vnames, a);
        int type = (int)VECTOR(r->vtypes)[a];
        if ((type != IGRAPH_ATTRIBUTE_NUMERIC && type != IGRAPH_ATTRIBUTE_BOOLEAN) || !*name)
            continue; /* (a column needs a name) */
        if (read_numeric(r, IGRAPH_ATTRIBUTE_VERTEX, name, type == IGRAPH_ATTRIBUTE_BOOLEAN))
            return fail(r, err, SG_ERR_GRAPH, sg_ig_reason());
        if (!strcmp(name, "mentions") || !strcmp(name, "documents")) {
            long *dst = name[0] == 'm' ? g->mentions : g->documents;
            for (size_t i = 0; i < g->n; i++) {
                double v = VECTOR(r->num)[i];
                dst[i] = isfinite(v) && fabs(v) < 1e15 ? (long)v : 0;
            }
            continue;
        }
        int failed = 0;
        char *col = attr_value_dup(name, &failed);
        rc = failed ? fail(r, err, SG_ERR_NOMEM, "out of memory")
                    : sg_graph_set_column(g, SG_NODES, col,
                                          type == IGRAPH_ATTRIBUTE_BOOLEAN || int_column(col),
                                          VECTOR(r->num), err);
        free(col);
        if (rc)
            return rc;
    }
    return 0;
}

/* Fills names[0, SG_FIRST_DOCUMENTS) from "a | b | c" (empty parts
 * skipped, names beyond the first SG_FIRST_DOCUMENTS dropped). */
static int split_first_documents(char **names, const char *s)
{
    size_t k = 0, sep = strlen(SG_FIRST_DOCUMENTS_SEP);
    while (s && *s && k < SG_FIRST_DOCUMENTS) {
        const char *end = strstr(s, SG_FIRST_DOCUMENTS_SEP);
        size_t len = end ? (size_t)(end - s) : strlen(s);
        if (len && !(names[k++] = sg_strndup(s, len)))
            return -1;
        s = end ? end + sep : NULL;
    }
    return 0;
}

/* The edges' `first_documents` (a string written by export_graphml.c); an
 * edge without it has none. */
static int read_first_documents(reader *r, const char *name, sg_error *err)
{
    sg_graph *g = r->g;
    if (g->fdocs) /* (igraph's reader gives one attribute per name) */
        return 0;
    if (!(g->fdocs = calloc(g->m + 1, SG_FIRST_DOCUMENTS * sizeof(char *))))
        return fail(r, err, SG_ERR_NOMEM, "out of memory");
    for (size_t e = 0; e < g->m; e++)
        if (split_first_documents(&g->fdocs[e * SG_FIRST_DOCUMENTS],
                                  EAS(r->ig, name, (igraph_integer_t)e)))
            return fail(r, err, SG_ERR_NOMEM, "out of memory");
    return 0;
}

/* An edge attribute of strings, which no column holds: its name and how many
 * values it had, for the warning. */
static void note_edge_strings(reader *r, const char *name)
{
    size_t values = 0;
    for (size_t e = 0; e < r->g->m; e++) {
        const char *v = EAS(r->ig, name, (igraph_integer_t)e);
        values += v && *v;
    }
    if (!values)
        return;
    r->edge_strings_values += values;
    size_t len = strlen(r->edge_strings);
    if (len + 8 < sizeof(r->edge_strings)) /* (a long list ends with "...") */
        snprintf(r->edge_strings + len, sizeof(r->edge_strings) - len, "%s'%s'", len ? ", " : "",
                 name);
    else if (!strstr(r->edge_strings, "..."))
        strcpy(r->edge_strings + len, ", ...");
    r->edge_strings_count++;
}

static int read_edges(reader *r, sg_error *err)
{
    sg_graph *g = r->g;
    igraph_integer_t ne = igraph_strvector_size(&r->enames);
    int has_weight = 0;
    for (size_t e = 0; e < g->m; e++) {
        igraph_integer_t from = IGRAPH_FROM(r->ig, e), to = IGRAPH_TO(r->ig, e);
        g->src[e] = (size_t)(from < to ? from : to);
        g->dst[e] = (size_t)(from < to ? to : from);
        g->weight[e] = 1;
        g->edocs[e] = 0;
    }
    for (igraph_integer_t a = 0; a < ne; a++) {
        const char *name = igraph_strvector_get(&r->enames, a);
        int type = (int)VECTOR(r->etypes)[a];
        if (type != IGRAPH_ATTRIBUTE_NUMERIC && type != IGRAPH_ATTRIBUTE_BOOLEAN) {
            if (!strcmp(name, "weight"))
                return fail(r, err, SG_ERR_PARSE,
                            "the edge attribute 'weight' must be a number (attr.type double)");
            int rc = 0;
            if (type == IGRAPH_ATTRIBUTE_STRING && !strcmp(name, "first_documents"))
                rc = read_first_documents(r, name, err);
            else if (type == IGRAPH_ATTRIBUTE_STRING && strcmp(name, "id"))
                note_edge_strings(r, name); /* ("id": igraph's <edge id>) */
            if (rc)
                return rc;
            continue;
        }
        if (!*name)
            continue; /* (a column needs a name) */
        if (read_numeric(r, IGRAPH_ATTRIBUTE_EDGE, name, type == IGRAPH_ATTRIBUTE_BOOLEAN))
            return fail(r, err, SG_ERR_GRAPH, sg_ig_reason());
        if (!strcmp(name, "weight")) {
            has_weight = 1;
            for (size_t e = 0; e < g->m; e++) /* a missing value reads as NaN: 1 */
                g->weight[e] = isnan(VECTOR(r->num)[e]) ? 1.0 : VECTOR(r->num)[e];
            continue;
        }
        if (!strcmp(name, "documents")) {
            for (size_t e = 0; e < g->m; e++) {
                double v = VECTOR(r->num)[e];
                g->edocs[e] = isfinite(v) && fabs(v) < 1e15 ? (long)v : 0;
            }
            continue;
        }
        int failed = 0;
        char *col = attr_value_dup(name, &failed);
        int rc = failed ? fail(r, err, SG_ERR_NOMEM, "out of memory")
                        : sg_graph_set_column(g, SG_EDGES, col, type == IGRAPH_ATTRIBUTE_BOOLEAN,
                                              VECTOR(r->num), err);
        free(col);
        if (rc)
            return rc;
    }
    for (size_t e = 0; has_weight && e < g->m; e++)
        if (!(g->weight[e] > 0 && isfinite(g->weight[e]))) {
            char what[256]; /* (room for every part: no truncation warning) */
            snprintf(what, sizeof(what),
                     "edge %zu (%.60s -- %.60s) has weight %g: weights must be finite and > 0",
                     e + 1, g->id[g->src[e]], g->id[g->dst[e]], g->weight[e]);
            return fail(r, err, SG_ERR_PARSE, what);
        }
    return 0;
}

static const sg_graph *sort_graph;

static int cmp_edge_index(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    const sg_graph *g = sort_graph;
    if (g->src[a] != g->src[b])
        return g->src[a] < g->src[b] ? -1 : 1;
    if (g->dst[a] != g->dst[b])
        return g->dst[a] < g->dst[b] ? -1 : 1;
    return a < b ? -1 : a > b;
}

/* Moves the first documents of edge e to slot k of `to`. */
static void move_first_documents(char **to, size_t k, sg_graph *g, size_t e)
{
    for (size_t j = 0; j < SG_FIRST_DOCUMENTS; j++) {
        to[k * SG_FIRST_DOCUMENTS + j] = g->fdocs[e * SG_FIRST_DOCUMENTS + j];
        g->fdocs[e * SG_FIRST_DOCUMENTS + j] = NULL;
    }
}

/* Makes the graph simple, like the ones extract builds: self-loops are
 * dropped, parallel edges merged (weights and documents added, the other
 * columns and the first documents taken from the first), edges sorted by
 * (source, target). */
static int simplify(sg_graph *g, size_t *loops, size_t *merged)
{
    size_t m = g->m, k = 0;
    size_t *order = sg_alloc_array(m + 1, sizeof(size_t));
    char **fdocs = NULL; /* the first documents, in the new order */
    sg_graph tmp;
    if (!order || (g->fdocs && !(fdocs = calloc(m + 1, SG_FIRST_DOCUMENTS * sizeof(char *))))) {
        free(order);
        return SG_ERR_NOMEM;
    }
    for (size_t e = 0; e < m; e++)
        order[e] = e;
    sort_graph = g;
    qsort(order, m, sizeof(size_t), cmp_edge_index);
    /* gather in sorted order into the front of scratch copies */
    tmp.src = sg_alloc_array(m + 1, sizeof(size_t));
    tmp.dst = sg_alloc_array(m + 1, sizeof(size_t));
    tmp.weight = sg_alloc_array(m + 1, sizeof(double));
    tmp.edocs = sg_alloc_array(m + 1, sizeof(long));
    double *colv = sg_alloc_array((m + 1) * (g->ncols[1] + 1), sizeof(double));
    int rc = 0;
    if (!tmp.src || !tmp.dst || !tmp.weight || !tmp.edocs || !colv) {
        rc = SG_ERR_NOMEM;
        goto done;
    }
    for (size_t r = 0; r < m; r++) {
        size_t e = order[r];
        if (g->src[e] == g->dst[e]) {
            ++*loops;
            continue;
        }
        if (k > 0 && tmp.src[k - 1] == g->src[e] && tmp.dst[k - 1] == g->dst[e]) {
            ++*merged;
            tmp.weight[k - 1] += g->weight[e];
            tmp.edocs[k - 1] += g->edocs[e];
            continue;
        }
        tmp.src[k] = g->src[e];
        tmp.dst[k] = g->dst[e];
        tmp.weight[k] = g->weight[e];
        tmp.edocs[k] = g->edocs[e];
        for (size_t c = 0; c < g->ncols[1]; c++)
            colv[c * (m + 1) + k] = g->cols[1][c].v[e];
        if (fdocs)
            move_first_documents(fdocs, k, g, e);
        k++;
    }
    if (fdocs) { /* those of self-loops and merged edges go */
        for (size_t i = 0; i < m * SG_FIRST_DOCUMENTS; i++)
            free(g->fdocs[i]);
        free(g->fdocs);
        g->fdocs = fdocs;
        fdocs = NULL;
    }
    memcpy(g->src, tmp.src, k * sizeof(size_t));
    memcpy(g->dst, tmp.dst, k * sizeof(size_t));
    memcpy(g->weight, tmp.weight, k * sizeof(double));
    memcpy(g->edocs, tmp.edocs, k * sizeof(long));
    for (size_t c = 0; c < g->ncols[1]; c++)
        memcpy(g->cols[1][c].v, colv + c * (m + 1), k * sizeof(double));
    g->m = k;
done:
    free(tmp.src);
    free(tmp.dst);
    free(tmp.weight);
    free(tmp.edocs);
    free(colv);
    free(order);
    free(fdocs); /* (only on failure, before any name moved) */
    return rc;
}

/* Parallel edges of finite weights can add up to an infinite one. */
static int check_merged_weights(reader *r, sg_error *err)
{
    const sg_graph *g = r->g;
    for (size_t e = 0; e < g->m; e++)
        if (!isfinite(g->weight[e])) {
            char what[200];
            snprintf(what, sizeof(what),
                     "the parallel edges %.60s -- %.60s add up to an infinite weight",
                     g->id[g->src[e]], g->id[g->dst[e]]);
            return fail(r, err, SG_ERR_PARSE, what);
        }
    return 0;
}

/* Tells `warn` one thing the reading changed. */
static void warn_of(sg_warning_fn warn, void *ctx, const char *path, long line, const char *fmt,
                    ...) SG_PRINTF(5, 6);
static void warn_of(sg_warning_fn warn, void *ctx, const char *path, long line, const char *fmt,
                    ...)
{
    if (!warn)
        return;
    sg_error w;
    memset(&w, 0, sizeof(w));
    snprintf(w.file, sizeof(w.file), "%s", path);
    w.line = line;
    w.offset = -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(w.message, sizeof(w.message), fmt, ap);
    va_end(ap);
    warn(&w, ctx);
}

/* The graph's own attributes (a name, a description...) that the file gives a
 * value and stakegraph does not keep, listed into names (its size);
 * stakegraph's "betweenness", which the analysis says again, is not one (nor
 * a key declared for="all" that only nodes or edges use). Returns how many. */
static size_t graph_attrs_left(const reader *r, char *names, size_t size)
{
    size_t n = 0, len = 0;
    names[0] = '\0';
    for (igraph_integer_t a = 0; a < igraph_strvector_size(&r->gnames); a++) {
        const char *name = igraph_strvector_get(&r->gnames, a);
        igraph_attribute_type_t type = (igraph_attribute_type_t)VECTOR(r->gtypes)[a];
        int valued = type == IGRAPH_ATTRIBUTE_STRING    ? *igraph_cattribute_GAS(r->ig, name) != 0
                     : type == IGRAPH_ATTRIBUTE_NUMERIC ? !isnan(igraph_cattribute_GAN(r->ig, name))
                     : type == IGRAPH_ATTRIBUTE_BOOLEAN ? igraph_cattribute_GAB(r->ig, name)
                                                        : 1;
        if (!valued || !strcmp(name, "betweenness"))
            continue;
        if (len + strlen(name) + 8 < size)
            len += (size_t)snprintf(names + len, size - len, "%s'%s'", n ? ", " : "", name);
        else if (len + 5 < size && !strstr(names, ", ..."))
            len += (size_t)snprintf(names + len, size - len, ", ...");
        n++;
    }
    return n;
}

static void warn_changes(sg_warning_fn warn, void *ctx, const char *path,
                         const sg_graphml_info *info, const sg_graphml_fixed *fixed,
                         const reader *r, int directed, size_t loops, size_t merged)
{
    for (size_t i = 0; warn && i < fixed->nnotes; i++)
        warn(&fixed->notes[i], ctx);
    if (directed)
        warn_of(warn, ctx, path, 0,
                "a directed graph, read as undirected: edges a->b and b->a are one edge, their "
                "weights summed");
    if (info->graphs > 1)
        warn_of(warn, ctx, path, 0,
                "%zu <graph> elements (several graphs, or graphs nested in nodes): only the first "
                "graph is read, without its nested graphs",
                info->graphs);
    if (info->directed_edges && !directed)
        warn_of(warn, ctx, path, 0,
                "%zu edge%s declared directed=\"true\" in an undirected graph, read as "
                "undirected",
                info->directed_edges, info->directed_edges == 1 ? "" : "s");
    if (info->hyperedges)
        warn_of(warn, ctx, path, 0, "%zu hyperedge%s left out (igraph's reader ignores them)",
                info->hyperedges, info->hyperedges == 1 ? "" : "s");
    if (r->name_as[0])
        warn_of(warn, ctx, path, 0,
                "a node attribute 'name' besides 'label', with other values: read as the column "
                "'%s' (the nodes' names are their labels)",
                r->name_as);
    char gattrs[200];
    size_t ngattrs = graph_attrs_left(r, gattrs, sizeof(gattrs));
    if (ngattrs)
        warn_of(warn, ctx, path, 0,
                "the graph's own attribute%s %s left out (stakegraph keeps none from a file)",
                ngattrs == 1 ? "" : "s", gattrs);
    if (r->edge_strings_count)
        warn_of(warn, ctx, path, 0,
                "the edge attribute%s of strings %s left out, and %s %zu value%s: stakegraph "
                "keeps numbers on edges",
                r->edge_strings_count == 1 ? "" : "s", r->edge_strings,
                r->edge_strings_count == 1 ? "its" : "their", r->edge_strings_values,
                r->edge_strings_values == 1 ? "" : "s");
    if (loops)
        warn_of(warn, ctx, path, 0,
                "%zu self-loop%s left out (a network of co-occurrences has none)", loops,
                loops == 1 ? "" : "s");
    if (merged)
        warn_of(warn, ctx, path, 0,
                "%zu parallel edge%s merged into the edge of the same two nodes, weights summed",
                merged, merged == 1 ? "" : "s");
}

/* The file whole in *text (malloc'd), decompressed when it is gzipped. */
static int load_text(const char *path, char **text, size_t *len, sg_error *err)
{
    char msg[256];
    size_t cap = 0;
    int rc = sg_read_document(path, text, &cap, len, msg, sizeof(msg));
    if (rc)
        return sg_error_set(err, SG_ERR_IO, path, 0, -1, "%s", msg);
    if (sg_is_gzip(*text, *len)) {
        char *plain = NULL;
        rc = sg_gunzip(&plain, len, path, *text, *len, err);
        free(*text);
        *text = plain;
    }
    return rc;
}

int sg_graph_read_graphml(sg_graph **out, const char *path, sg_error *err)
{
    return sg_graph_read_graphml_warn(out, path, NULL, NULL, err);
}

int sg_graph_read_graphml_warn(sg_graph **out, const char *path, sg_warning_fn warn, void *ctx,
                               sg_error *err)
{
    if (!out || !path)
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "invalid argument");
    *out = NULL;
    /* read whole, checked, rewritten (graphml_fix.c), then given to igraph from memory */
    char *text = NULL;
    size_t len = 0;
    sg_graphml_info info;
    sg_graphml_fixed fixed;
    memset(&fixed, 0, sizeof(fixed));
    int rd = load_text(path, &text, &len, err);
    if (!rd && !(rd = sg_graphml_check(path, text, len, &info, err)))
        rd = sg_graphml_fix(&fixed, path, text, len, err);
    free(text);
    FILE *f = rd ? NULL : fmemopen(fixed.text, fixed.len, "rb");
    if (!f) {
        sg_graphml_fixed_free(&fixed);
        return rd ? rd : sg_error_set(err, SG_ERR_NOMEM, path, 0, -1, "out of memory");
    }
    igraph_t ig;
    reader r;
    memset(&r, 0, sizeof(r));
    r.path = path;
    r.ig = &ig;
    int rc = 0, have_ig = 0, have_vectors = 0;
    sg_ig_enter();
    igraph_attribute_table_t *old = igraph_set_attribute_table(&igraph_cattribute_table);
    if (igraph_read_graph_graphml(&ig, f, 0)) {
        rc = sg_error_set(err, SG_ERR_PARSE, path, 0, -1, "not a readable GraphML file: %s",
                          sg_ig_reason());
        goto done;
    }
    have_ig = 1;
    if (igraph_strvector_init(&r.vnames, 0) || igraph_strvector_init(&r.enames, 0) ||
        igraph_strvector_init(&r.gnames, 0) || igraph_vector_int_init(&r.vtypes, 0) ||
        igraph_vector_int_init(&r.etypes, 0) || igraph_vector_int_init(&r.gtypes, 0) ||
        igraph_vector_init(&r.num, 0)) {
        rc = fail(&r, err, SG_ERR_NOMEM, "out of memory");
        goto done;
    }
    have_vectors = 1;
    if (igraph_cattribute_list(&ig, &r.gnames, &r.gtypes, &r.vnames, &r.vtypes, &r.enames,
                               &r.etypes)) {
        rc = fail(&r, err, SG_ERR_GRAPH, sg_ig_reason());
        goto done;
    }
    size_t nattr = 0;
    for (igraph_integer_t a = 0; a < igraph_vector_int_size(&r.vtypes); a++)
        nattr += VECTOR(r.vtypes)[a] == IGRAPH_ATTRIBUTE_STRING;
    r.g = sg_graph_alloc((size_t)igraph_vcount(&ig), (size_t)igraph_ecount(&ig), nattr);
    if (!r.g) {
        rc = fail(&r, err, SG_ERR_NOMEM, "out of memory");
        goto done;
    }
    r.g->m = (size_t)igraph_ecount(&ig);
    r.g->nattr = 0;
    if ((rc = read_nodes(&r, err)) || (rc = read_edges(&r, err)))
        goto done;
    size_t loops = 0, merged = 0;
    if (simplify(r.g, &loops, &merged)) {
        rc = fail(&r, err, SG_ERR_NOMEM, "out of memory");
        goto done;
    }
    if ((rc = check_merged_weights(&r, err)))
        goto done;
    warn_changes(warn, ctx, path, &info, &fixed, &r, igraph_is_directed(&ig), loops, merged);
done:
    free(r.raw_attr);
    if (have_vectors) {
        igraph_strvector_destroy(&r.vnames);
        igraph_strvector_destroy(&r.enames);
        igraph_strvector_destroy(&r.gnames);
        igraph_vector_int_destroy(&r.vtypes);
        igraph_vector_int_destroy(&r.etypes);
        igraph_vector_int_destroy(&r.gtypes);
        igraph_vector_destroy(&r.num);
    }
    if (have_ig)
        igraph_destroy(&ig);
    igraph_set_attribute_table(old);
    sg_ig_leave();
    fclose(f);
    sg_graphml_fixed_free(&fixed);
    if (rc) {
        if (err && !err->file[0])
            snprintf(err->file, sizeof(err->file), "%s", path);
        sg_graph_free(r.g);
        return rc;
    }
    *out = r.g;
    return 0;
}
