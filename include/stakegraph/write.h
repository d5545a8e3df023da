/* stakegraph — writing a network to the files its names ask for: a network
 * format, a picture, CSV tables in a directory, or partial counts, chosen
 * from a format name or the path's extension, each written completely or not
 * at all, several committed as one set (export.h's sg_output underneath). */
#ifndef STAKEGRAPH_WRITE_H
#define STAKEGRAPH_WRITE_H

#include <stddef.h>

#include "error.h"
#include "export.h"
#include "extract.h"
#include "graph.h"
#include "render.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One output. Used by one thread at a time. */
typedef struct sg_target sg_target;

typedef enum {
    SG_TARGET_NETWORK = 0, /* GraphML, DOT, GEXF, JSON or CSV */
    SG_TARGET_PICTURE,     /* SVG, PNG or PDF (needs a laid-out graph) */
    SG_TARGET_COUNTS       /* the partial counts for merge (.pairs) */
} sg_target_kind;

/* What `path` (copied; NULL or "-": standard output) is to hold: the format
 * `format` names (graphml, dot, gexf, json, csv, svg, png, pdf or pairs;
 * may be NULL), else the path's extension (.graphml, .dot, .gv, .gexf,
 * .json, .svg, .png, .pdf, .pairs; none: GraphML). CSV is two tables,
 * nodes.csv and edges.csv, in the directory `path` names. Refused, with the
 * reason in err (SG_ERR_INVALID): an unknown format or extension, a .csv
 * path, CSV to standard output. Nothing is opened yet. */
int sg_target_new(sg_target **out, const char *path, const char *format, sg_error *err);
/* The same kind of output (format) at another path. */
int sg_target_new_like(sg_target **out, const sg_target *like, const char *path, sg_error *err);
/* Aborts an output not committed (its temporary files removed, a directory
 * it made removed when empty) and frees it; NULL-safe. */
void sg_target_free(sg_target *t);

sg_target_kind sg_target_kind_of(const sg_target *t);
/* Its path ("-" for standard output) and format name ("graphml", "csv",
 * "svg", "pairs", ...). Owned by the target. */
const char *sg_target_path(const sg_target *t);
const char *sg_target_format(const sg_target *t);

/* Opens the output (for CSV, makes the directory first when it does not
 * exist, one level): done before the work, so that a path that cannot be
 * written fails at once. */
int sg_target_open(sg_target *t, sg_error *err);

/* Writes to the opened output: the graph `g` (a picture as `ro` says, the
 * graph laid out; a GEXF with `timeline`, which may be NULL), or for counts
 * the counts of `ex`. Nothing is in place until committed. */
int sg_target_write(sg_target *t, const sg_graph *g, const sg_extractor *ex,
                    const sg_render_options *ro, const sg_timeline *timeline, sg_error *err);

/* Commits the n written targets and the nrows other outputs (NULL entries
 * skipped; each freed and set to NULL) as one set: all new, or all as
 * before (sg_outputs_commit). The targets stay to be freed. */
int sg_targets_commit(sg_target *const *t, size_t n, sg_output **rows, size_t nrows, sg_error *err);

/* Convenience: the graph to `path` in one call (new, open, write, commit,
 * free), e.g. "network.graphml", "tables" with format "csv", "net.svg". */
int sg_graph_write(const sg_graph *g, const char *path, const char *format,
                   const sg_render_options *ro, const sg_timeline *timeline, sg_error *err);

#ifdef __cplusplus
}
#endif
#endif
