/* stakegraph — the interactive view: one HTML file that opens offline in a
 * browser, the network drawn with sigma.js (WebGL) at the picture's places,
 * colours, shapes and sizes, with search, filters, a panel for each actor and
 * the units of text behind each edge (issue 18). The drawing code is bundled
 * from web/ when stakegraph is built, and inlined in every file. */
#ifndef STAKEGRAPH_VIEW_H
#define STAKEGRAPH_VIEW_H

#include <stdio.h>

#include "error.h"
#include "export.h"
#include "extract.h"
#include "graph.h"
#include "render.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Non-zero when this build has the view's drawing code (node and npm were
 * there when it was built). */
int sg_view_available(void);
/* SG_OK when it has; else SG_ERR_INVALID, with in err how to get it. */
int sg_view_check(sg_error *err);

/* The units of text behind each edge that the view shows: the first `per_edge`
 * of each pair of actors, in the order they come, and how many others there
 * are. Fed with the co-occurrences of a run (sg_run_options.on_cooccurrence,
 * which runs in one thread, in the corpus's order). */
typedef struct sg_unit_store sg_unit_store;

/* A store keeping `per_edge` (>= 0) units an edge. NULL when out of memory. */
sg_unit_store *sg_unit_store_new(size_t per_edge);
/* Keeps the unit of `c` (its text made one line of valid UTF-8, cut around
 * the two names when it is long), or only counts it. SG_OK or SG_ERR_NOMEM. */
int sg_unit_store_add(sg_unit_store *s, const sg_cooccurrence *c);
void sg_unit_store_free(sg_unit_store *s);

/* What the view shows besides the network; every field may be NULL. The
 * extractor also names the unit of co-occurrence. */
typedef struct {
    const sg_extractor *ex;      /* the documents (with record_documents: their metadata and
                                    actors) and the actors' other names */
    const sg_unit_store *units;  /* the units behind the edges */
    const sg_timeline *timeline; /* the periods' networks (--by-period) */
} sg_view_sources;

/* Writes the view of the laid-out graph `g` (x, y, size, r, g, b; else
 * SG_ERR_INVALID) to `f`: `opt` gives the title, the colouring (as the
 * picture's legend says it) and the interface's language (opt->lang). Fails
 * with SG_ERR_INVALID, saying how to enable it, when this build has no
 * drawing code. Only reads its arguments. */
int sg_view_write(const sg_graph *g, const sg_render_options *opt, const sg_view_sources *src,
                  FILE *f, sg_error *err);

#ifdef __cplusplus
}
#endif
#endif
