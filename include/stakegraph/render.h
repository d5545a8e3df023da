/* stakegraph — laying out and drawing the network with Graphviz (SPEC §10). */
#ifndef STAKEGRAPH_RENDER_H
#define STAKEGRAPH_RENDER_H

#include <stdio.h>

#include "error.h"
#include "analysis.h"
#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { SG_COLOUR_COMMUNITY = 0, SG_COLOUR_TYPE } sg_colour_by;

typedef struct {
    sg_colour_by colour_by; /* fill colour: community (default) or type */
    const char *size_by;    /* node area by this column, or "mentions" (default "pagerank") */
    long labels;            /* label the top N actors by size_by; -1 (default): all when the
                               graph has at most 60 nodes, else the top 40 */
    const char *engine;     /* Graphviz layout engine; NULL: neato up to 300 nodes, else sfdp */
    const char *title;      /* caption above the picture, or NULL */
    const char *lang;       /* the HTML view's interface: "fr" (default) or "en" */
    long view_evidence;     /* units of text shown behind each edge in the HTML view (5) */
    long picture_actors;    /* a picture of a network of more actors shows this many, the
                               largest by size_by (the others stay in the data, placed beside
                               their partners); 0: all. Default SG_PICTURE_ACTORS */
    sg_step_fn on_step;     /* told the layout and the drawing as they start (may be NULL) */
    void *step_ctx;
} sg_render_options;

/* Above this many actors, the layout uses sfdp's settings for large graphs
 * (overlaps removed by scaling, "prism0"; forces by a fast quadtree). */
#define SG_LAYOUT_LARGE 2000

/* A picture of a network of more than SG_LAYOUT_LARGE actors and more than
 * SG_PICTURE_EDGES_MAX edges lays out and draws its backbone only: the edges
 * significant for either actor by the disparity filter at SG_PICTURE_ALPHA
 * (the `backbone_alpha` column) and a maximum spanning forest (every actor
 * stays attached as in the network); the legend says how many of how many.
 * The network's data (GraphML, DOT, ...) keeps every edge. */
#define SG_PICTURE_EDGES_MAX 20000
#define SG_PICTURE_ALPHA 0.05

/* A picture shows at most this many actors by default (sg_render_options'
 * picture_actors): an analyst cannot read more in one picture, and laying
 * out and drawing the 5,600 actors of the dense bench network cost more
 * than the rest of the analysis. */
#define SG_PICTURE_ACTORS 2000

/* Fills `opt` with the defaults: colour by community, size by "pagerank"
 * (static storage), labels -1, engine and title NULL. The strings of the
 * options are the caller's, only read during the calls given them. */
void sg_render_options_init(sg_render_options *opt);

/* Parses "community" or "type". Returns SG_OK or SG_ERR_INVALID. */
int sg_colour_by_parse(sg_colour_by *out, const char *name);

/* Sets one option by name, from text (as sg_extract_options_set):
 * "colour-by", "size-by" (a column, not empty), "labels" (a number of
 * actors), "title", "engine".
 * Returns SG_OK or SG_ERR_INVALID, as that function does. */
int sg_render_options_set(sg_render_options *opt, const char *name, const char *value,
                          sg_error *err);

/* The picture format for a path's extension: "svg", "png", "pdf" or "html"
 * (the interactive view, view.h; static storage); NULL when the extension is
 * none of these or `path` is NULL. */
const char *sg_render_format_from_path(const char *path);

/* Lays the graph out with Graphviz (overlap removal "prism", straight edges)
 * and colours it: adds the node columns `x`, `y` (points), `size` (radius in
 * points), `r`, `g`, `b`, which Gephi reads as its layout and colours. The
 * actors a picture leaves out (opt->picture_actors) are not given to
 * Graphviz: each is placed beside its strongest partner laid out. Runs
 * the analysis first when the graph has none. Deterministic. `opt` NULL: the
 * defaults. Threads: changes `g`, which no other thread may use meanwhile.
 * Graphviz is not reentrant, so layouts, pictures and DOT exports from
 * several threads run one at a time (one process-wide lock; the analysis,
 * when it runs, takes the igraph lock before, not at the same time). */
int sg_graph_layout(sg_graph *g, const sg_render_options *opt, sg_error *err);

/* sg_graph_analyse then sg_graph_layout, the same columns and values, in
 * less time: for a network of more than SG_LAYOUT_LARGE actors, the layout
 * runs in a thread of its own beside the rest of the analysis once the
 * measure that sizes the nodes is known (pagerank, the default size_by; for
 * another measure, or a smaller network, the layout follows the analysis).
 * `aopt`, `ropt` NULL: the defaults. Threads: as those two functions (the
 * igraph lock in the calling thread, the Graphviz lock in the layout's). */
int sg_graph_analyse_layout(sg_graph *g, const sg_analysis_options *aopt,
                            const sg_render_options *ropt, sg_error *err);

/* Draws a laid-out graph as "svg", "png" or "pdf" to `f`: nodes shaped by
 * type, coloured and sized as laid out, edges as wide as their weight,
 * labels for the top actors and a legend. `opt` NULL: the defaults. Only
 * reads `g`; `f` stays open. Threads: the Graphviz lock, as sg_graph_layout. */
int sg_render(const sg_graph *g, const char *format, const sg_render_options *opt, FILE *f,
              sg_error *err);

#ifdef __cplusplus
}
#endif
#endif
