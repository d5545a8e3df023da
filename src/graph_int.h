/* The network's representation, shared by the modules that use igraph
 * (graph.c builds it, analysis.c measures it, graphml_read.c reads it back)
 * and by the layout. Never installed. */
#ifndef SG_GRAPH_INT_H
#define SG_GRAPH_INT_H

#include <igraph.h>

#include "stakegraph/graph.h"

/* A numeric node or edge column (analysis, layout, counts). */
typedef struct {
    char *name;
    int is_int;
    double *v;
} sg_column;

struct sg_graph {
    igraph_t ig;
    int has_ig;
    size_t n, m, nattr;
    char **id, **label, **type;
    long *mentions, *documents;
    char **attr_names;
    char **attrs; /* n * nattr, NULL = absent */
    size_t *src, *dst;
    double *weight;
    long *edocs;
    char **fdocs;       /* m * SG_FIRST_DOCUMENTS names (NULL-padded), or NULL: unknown */
    sg_column *cols[2]; /* [SG_NODES], [SG_EDGES] */
    size_t ncols[2];
    long units; /* units of text in the corpus (0 = unknown, e.g. read back) */
};

/* Brackets for each igraph call: our handlers turn igraph's errors (which
 * abort by default) into return codes and keep its warnings quiet; the
 * caller's handlers are restored afterwards. */
typedef struct {
    igraph_error_handler_t *err;
    igraph_warning_handler_t *warn;
} sg_ig_guard;

/* Every igraph call runs between these two, in one thread at a time (igraph
 * is not thread-safe): sg_ig_enter takes a process-wide recursive lock,
 * sg_ig_leave releases it. */
sg_ig_guard sg_ig_enter(void);
void sg_ig_leave(sg_ig_guard g);
/* The last igraph error's reason, in this thread. */
const char *sg_ig_reason(void);

/* (Re)creates g->ig from n and the edge arrays. */
int sg_graph_make_igraph(sg_graph *g, sg_error *err);

/* Allocates an empty graph with room for n nodes and m edges (all arrays
 * zeroed, names NULL). */
sg_graph *sg_graph_alloc(size_t n, size_t m, size_t nattr);

/* Keeps only the edges e with keep[e] != 0 (columns follow) and rebuilds
 * the igraph graph. */
int sg_graph_keep_edges(sg_graph *g, const unsigned char *keep, sg_error *err);

#endif
