/* stakegraph — the actor network (an igraph graph with attributes). */
#ifndef STAKEGRAPH_GRAPH_H
#define STAKEGRAPH_GRAPH_H

#include <stddef.h>

#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* An undirected weighted network. Nodes are in id order (byte order of the
 * UTF-8 ids), edges in (source, target) order with source < target. Read-only
 * once built; safe to read from several threads. */
typedef struct sg_graph sg_graph;

void sg_graph_free(sg_graph *g);

size_t sg_graph_node_count(const sg_graph *g);
size_t sg_graph_edge_count(const sg_graph *g);

/* Node `i`: id, label, type, number of mentions and of documents mentioning it. */
const char *sg_graph_node_id(const sg_graph *g, size_t i);
const char *sg_graph_node_label(const sg_graph *g, size_t i);
const char *sg_graph_node_type(const sg_graph *g, size_t i);
long sg_graph_node_mentions(const sg_graph *g, size_t i);
long sg_graph_node_documents(const sg_graph *g, size_t i);

/* Extra gazetteer columns, in the order they were first seen. The value of
 * attribute `a` on node `i` is NULL when the cell was empty. */
size_t sg_graph_attr_count(const sg_graph *g);
const char *sg_graph_attr_name(const sg_graph *g, size_t a);
const char *sg_graph_node_attr(const sg_graph *g, size_t i, size_t a);

/* Edge `e`: its two node indices (source < target), weight (units) and the
 * number of documents in which the pair co-occurs. */
void sg_graph_edge(const sg_graph *g, size_t e, size_t *source, size_t *target, double *weight,
                   long *documents);

#ifdef __cplusplus
}
#endif
#endif
