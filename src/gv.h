/* Graphviz behind one door (cgraph and gvc): the DOT export and the pictures
 * build their graphs through these functions, and gv.c is the only file that
 * includes Graphviz's headers.
 *
 * Graphviz is not reentrant and reports errors through a process-wide sink,
 * so a graph is built, laid out and written with one lock held: from
 * sg_gv_open to sg_gv_close. One Graphviz context serves the whole process
 * (see gv.c). Nodes, edges and the graph itself are opaque `sg_gv_obj`s,
 * owned by their graph. Values are passed to Graphviz as they are: callers
 * clean them first (sg_dot_clean), as cgraph escapes only '"'. */
#ifndef SG_GV_H
#define SG_GV_H

#include <stdio.h>

#include "sg_internal.h"

typedef struct sg_gv sg_gv;         /* a graph, with the lock held */
typedef struct sg_gv_obj sg_gv_obj; /* its root graph, a node or an edge */
typedef struct sg_gv_sym sg_gv_sym; /* a declared attribute */

typedef enum { SG_GV_GRAPH, SG_GV_NODE, SG_GV_EDGE } sg_gv_kind;

/* Takes the lock, installs the error sink and opens a strict undirected
 * graph named `name`. Returns 0, or SG_ERR_NOMEM (the lock released, *out
 * NULL). Every successful open is paired with sg_gv_close. */
int sg_gv_open(sg_gv **out, const char *name);

/* Frees the layout (if any) and the graph, puts the previous error sink back
 * and releases the lock. NULL is a no-op. */
void sg_gv_close(sg_gv *g);

/* The graph itself, to set its attributes. */
sg_gv_obj *sg_gv_root(sg_gv *g);

/* The node named `name` (made if new), or NULL when out of memory. */
sg_gv_obj *sg_gv_node(sg_gv *g, const char *name);

/* An edge between two nodes (the existing one in a strict graph), or NULL. */
sg_gv_obj *sg_gv_edge(sg_gv *g, sg_gv_obj *a, sg_gv_obj *b);

/* Declares an attribute of graphs, nodes or edges with its default value
 * (the value every object has until set), or changes that default. Returns
 * the attribute, or NULL when out of memory. */
sg_gv_sym *sg_gv_declare(sg_gv *g, sg_gv_kind kind, const char *name, const char *dflt);

/* The attribute `name` of that kind if declared, else NULL. */
sg_gv_sym *sg_gv_find(sg_gv *g, sg_gv_kind kind, const char *name);

/* Sets a declared attribute of an object. Returns 0 or SG_ERR_NOMEM. */
int sg_gv_set_sym(sg_gv_obj *obj, sg_gv_sym *sym, const char *value);

/* Sets attribute `name` of an object, declaring it (default "") if needed.
 * Returns 0 or SG_ERR_NOMEM. */
int sg_gv_set(sg_gv_obj *obj, const char *name, const char *value);

/* sg_gv_set with a printf format, its numbers in the C locale. */
int sg_gv_setf(sg_gv_obj *obj, const char *name, const char *fmt, ...) SG_PRINTF(3, 4);

/* Sets attribute `name` to an HTML-like label ("<TABLE>..."). */
int sg_gv_set_html(sg_gv *g, sg_gv_obj *obj, const char *name, const char *html);

/* Lays the graph out with `engine` ("neato", "sfdp", "nop2"...). Returns 0,
 * or SG_ERR_GRAPH with Graphviz's reason in sg_gv_reason(). */
int sg_gv_layout(sg_gv *g, const char *engine);

/* Frees the layout, so that the graph may be laid out again. */
void sg_gv_unlayout(sg_gv *g);

/* After a layout: a node's centre, and its width and height, in points. */
void sg_gv_node_coord(const sg_gv_obj *node, double *x, double *y);
void sg_gv_node_size(const sg_gv_obj *node, double *w, double *h);

/* After a layout: where the node's outside label (xlabel) was placed, its
 * centre in points in the node's frame (so the same wherever the drawing is
 * moved). Returns 0, or -1 when the node has no placed outside label. */
int sg_gv_node_xlabel(const sg_gv_obj *node, double *dx, double *dy);

/* Renders the laid-out graph in `format` ("svg", "png", "pdf") and writes it
 * to f; into memory first, as Graphviz's own writer calls exit() when a write
 * fails. Returns 0, SG_ERR_GRAPH (sg_gv_reason()) or SG_ERR_IO (errno set). */
int sg_gv_render(sg_gv *g, const char *format, FILE *f);

/* Writes the graph as DOT. Returns 0 or SG_ERR_IO (errno set). */
int sg_gv_write(sg_gv *g, FILE *f);

/* Graphviz's last error message in this session ("" if none); valid until
 * sg_gv_close. */
const char *sg_gv_reason(void);

/* Sets *err to "Graphviz (what): reason" (sg_gv_reason(), or "failed") and
 * returns SG_ERR_GRAPH. */
int sg_gv_failed(sg_error *err, const char *what);

#endif
