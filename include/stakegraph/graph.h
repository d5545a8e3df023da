/* stakegraph — the actor network (an igraph graph with attributes). */
#ifndef STAKEGRAPH_GRAPH_H
#define STAKEGRAPH_GRAPH_H

#include <stddef.h>

#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* An undirected weighted network. Nodes are in id order (byte order of the
 * UTF-8 ids), edges in (source, target) order with source < target.
 *
 * Ownership: the caller frees a graph with sg_graph_free. Strings and arrays
 * it returns are its own, valid until it is freed, except that edge indices
 * and edges' first documents change when sg_graph_analyse drops edges
 * (opt->backbone). Indices (node `i`, edge `e`, attribute `a`, column `c`)
 * are not checked: keep them below the counts.
 *
 * Threads: the functions taking a `const sg_graph *` only read it, so any
 * number of threads may call them on one graph at once; those that change it
 * (sg_graph_set_column, sg_graph_analyse, sg_graph_summarise,
 * sg_graph_layout) need it to themselves. Analysing graphs and reading
 * GraphML call igraph, which is not thread-safe: that work runs under one
 * process-wide lock, so it runs one call at a time across threads (making
 * and freeing graphs does not use igraph). */
typedef struct sg_graph sg_graph;

/* Told the step a long computation starts ("betweenness", "layout (sfdp)"),
 * for a progress display; called in the calling thread, with no lock held
 * by the caller's own objects. `step` is valid during the call. */
typedef void (*sg_step_fn)(const char *step, void *ctx);

/* Frees the graph and everything it returned; NULL-safe. */
void sg_graph_free(sg_graph *g);

size_t sg_graph_node_count(const sg_graph *g);
size_t sg_graph_edge_count(const sg_graph *g);

/* Node `i`: id, label, type, number of mentions and of documents mentioning it. */
const char *sg_graph_node_id(const sg_graph *g, size_t i);
const char *sg_graph_node_label(const sg_graph *g, size_t i);
const char *sg_graph_node_type(const sg_graph *g, size_t i);
long sg_graph_node_mentions(const sg_graph *g, size_t i);
long sg_graph_node_documents(const sg_graph *g, size_t i);

/* The name to show for node `i` where space is short (pictures, tables): its
 * `short` attribute (a gazetteer column, e.g. "AP-HM") when set, else its label. */
const char *sg_graph_node_short_name(const sg_graph *g, size_t i);

/* Extra gazetteer columns, in the order they were first seen. The value of
 * attribute `a` on node `i` is NULL when the cell was empty. */
size_t sg_graph_attr_count(const sg_graph *g);
const char *sg_graph_attr_name(const sg_graph *g, size_t a);
const char *sg_graph_node_attr(const sg_graph *g, size_t i, size_t a);

/* Edge `e`: its two node indices (source < target), weight (units) and the
 * number of documents in which the pair co-occurs. Each output may be NULL. */
void sg_graph_edge(const sg_graph *g, size_t e, size_t *source, size_t *target, double *weight,
                   long *documents);

/* The first few documents in which the pair of edge `e` co-occurs: at most
 * SG_FIRST_DOCUMENTS names, the smallest in byte order (so that they do not
 * depend on the order or the number of threads in which documents were
 * read). Sets *names to an array of that many names, owned by the graph,
 * and returns how many (0 and NULL when unknown or `e` is out of range).
 * Written in string form (GraphML, CSV) joined by SG_FIRST_DOCUMENTS_SEP. */
#define SG_FIRST_DOCUMENTS 3
#define SG_FIRST_DOCUMENTS_SEP " | "
size_t sg_graph_edge_first_documents(const sg_graph *g, size_t e, const char *const **names);

/* Numeric columns on nodes or edges: counts (`units`), the analysis
 * (`degree`, `pagerank`, `jaccard`, ...) and the layout (`x`, `y`, `size`,
 * `r`, `g`, `b`). Columns keep the order in which they were added. */
typedef enum { SG_NODES = 0, SG_EDGES = 1 } sg_domain;

size_t sg_graph_column_count(const sg_graph *g, sg_domain d);
const char *sg_graph_column_name(const sg_graph *g, sg_domain d, size_t c);
/* Stakegraph's name for column c ("size") when the column holds stakegraph's
 * values under another name ("sg_size") because the file read had a column
 * of that name with other values (see sg_graph_read_origin); else NULL. */
const char *sg_graph_column_renamed(const sg_graph *g, sg_domain d, size_t c);
/* The warning to give when some of the file's columns kept their names and
 * values while stakegraph's of the same names went under others ("the
 * file's own size kept as it is; stakegraph's written as sg_size"), into
 * *w (file: `file`); 0 when there is none. */
int sg_graph_renamed_warning(const sg_graph *g, const char *file, sg_error *w);
/* Non-zero when the column holds integers (written as GraphML `int`/`long`). */
int sg_graph_column_is_int(const sg_graph *g, sg_domain d, size_t c);
/* Value of column `c` on node or edge `i`. */
double sg_graph_column_value(const sg_graph *g, sg_domain d, size_t c, size_t i);
/* Index of the column called `name` (stakegraph's column of that name when
 * it is written under another, see sg_graph_column_renamed), or -1. */
long sg_graph_column_find(const sg_graph *g, sg_domain d, const char *name);
/* Adds a column, or replaces the one of that name: `values` has one value per
 * node or edge (non-finite values are stored as 0). A column or string
 * attribute of a foreign file (sg_graph_read_origin) is never replaced: the
 * new column is added beside it under a free name ("sg_<name>"), unless the
 * values are the file's own. `name` and `values` are copied; names returned
 * before stay valid. Changes `g`: see above. */
int sg_graph_set_column(sg_graph *g, sg_domain d, const char *name, int is_int,
                        const double *values, sg_error *err);

/* Fills order[0, n) with the node indices from the highest value of node
 * column `measure` to the lowest (ties: node order). `measure` may also be
 * "mentions" or "documents". Returns SG_OK, or SG_ERR_INVALID when there is
 * no such measure, or SG_ERR_NOMEM. `order` is the caller's, n = node count. */
int sg_graph_rank_nodes(const sg_graph *g, const char *measure, size_t *order);

/* Number of units of text (sentences, paragraphs, ...) the network was
 * counted over; 0 when unknown (a graph read from a file). */
long sg_graph_units(const sg_graph *g);

/* Graph-level attributes, written by the GraphML (keys for="graph"), JSON
 * ("graph") and DOT (graph attributes) writers: how the network was made
 * where it is not the default, e.g. "betweenness" = "sampled: 500 of 20000
 * sources (seed 1)". Setting a key again replaces its value (both copied). */
int sg_graph_set_meta(sg_graph *g, const char *key, const char *value, sg_error *err);
size_t sg_graph_meta_count(const sg_graph *g);
/* Key and value of attribute i (owned by the graph). */
const char *sg_graph_meta_key(const sg_graph *g, size_t i);
const char *sg_graph_meta_value(const sg_graph *g, size_t i);

/* Reads a GraphML file (igraph's reader), gzip-compressed or not: node ids,
 * `label`, `type`, `mentions`, `documents`, edge `weight` (default 1),
 * `documents` and `first_documents` (names joined by SG_FIRST_DOCUMENTS_SEP);
 * other numeric attributes become columns, other string node attributes
 * become attributes. Keys are read by their id whatever its text, keys
 * declared for="all" on graphs, nodes and edges, several keys of one name for
 * one kind of element as one attribute (networkx's int and double `weight`),
 * a node attribute named "id" as "id_" (the node ids stay those of the
 * <node> elements). Errors name the file. "-" reads standard input (left
 * open). The caller frees *out with sg_graph_free (*out is NULL after a
 * failure). Reads under the igraph lock. */
int sg_graph_read_graphml(sg_graph **out, const char *path, sg_error *err);
/* The same, telling `warn` (may be NULL; `ctx` is passed back) what the
 * reading changes in the file's graph, each once: a directed graph read as
 * undirected (reciprocal edges summed), self-loops left out, parallel edges
 * merged (weights summed), graphs after the first and nested graphs,
 * hyperedges, keys of types it does not read (graph-tool's vector_float,
 * python_object...) and yEd's graphics keys with how many values they had,
 * data of undeclared keys, edge attributes of strings (edges hold numbers,
 * and `first_documents`), edges declared directed in an undirected graph,
 * keys of one name holding strings and numbers (read as strings), and a
 * node key named "id" (read as "id_"). Warnings
 * have code SG_OK, the file's name and, where one stands for it, the key's
 * line. Threads: as sg_graph_read_graphml; `warn` is called in the calling
 * thread. */
int sg_graph_read_graphml_warn(sg_graph **out, const char *path, sg_warning_fn warn, void *ctx,
                               sg_error *err);
/* Tells g, just read from the GraphML file `path`, whether stakegraph wrote
 * that file: it did when the file's keys, before its <graph>, include
 * stakegraph's declarations of the node key `mentions` and the edge key
 * `documents` (ids v_mentions and e_documents, attr.type int), which no
 * other writer makes (igraph's writes numbers as double, networkx's and
 * Gephi's ids are others). When it did not, or this cannot be read again
 * ("-", a compressed file), the file's columns and string attributes are its
 * own: sg_graph_analyse and sg_graph_layout write theirs beside them under
 * other names instead of replacing them (sg_graph_set_column). Either way a
 * column "sg_<name>" beside a column "<name>" (written so by an earlier run)
 * is taken for stakegraph's <name>. Returns 1 for a foreign file, else 0. */
int sg_graph_read_origin(sg_graph *g, const char *path);

#ifdef __cplusplus
}
#endif
#endif
