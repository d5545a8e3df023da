/* stakegraph — writing a network to the files its names ask for: a network
 * format, a picture, CSV tables in a directory, or partial counts, chosen
 * from a format name or the path's extension, each written completely or not
 * at all, several committed as one set (export.h's sg_output underneath). */
#ifndef STAKEGRAPH_WRITE_H
#define STAKEGRAPH_WRITE_H

#include <stddef.h>

#include "analysis.h"
#include "corpus.h"
#include "error.h"
#include "export.h"
#include "extract.h"
#include "graph.h"
#include "render.h"
#include "view.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One output. Used by one thread at a time. */
typedef struct sg_target sg_target;

typedef enum {
    SG_TARGET_NETWORK = 0, /* GraphML, DOT, GEXF, JSON or CSV */
    SG_TARGET_PICTURE,     /* SVG, PNG, PDF or the HTML view (needs a laid-out graph) */
    SG_TARGET_COUNTS       /* the partial counts for merge (.pairs) */
} sg_target_kind;

/* What `path` (copied; NULL or "-": standard output) is to hold: the format
 * `format` names (graphml, dot, gexf, json, csv, svg, png, pdf, html or
 * pairs; may be NULL), else the path's extension (.graphml, .dot, .gv,
 * .gexf, .json, .svg, .png, .pdf, .html, .pairs; none: GraphML). CSV is two tables,
 * nodes.csv and edges.csv, in the directory `path` names. Refused, with the
 * reason in err (SG_ERR_INVALID): an unknown format or extension, a .csv
 * path, CSV to standard output. Nothing is opened yet. */
int sg_target_new(sg_target **out, const char *path, const char *format, sg_error *err);
/* The same kind of output (format) at another path. */
int sg_target_new_like(sg_target **out, const sg_target *like, const char *path, sg_error *err);
/* Aborts an output not committed (its temporary files removed, a directory
 * it made removed when empty) and frees it; NULL-safe. */
void sg_target_free(sg_target *t);

/* Non-zero for the outputs that hold the periods of a run themselves (GEXF,
 * as spells; the HTML view, as its period slider) instead of a file each. */
int sg_target_holds_periods(const sg_target *t);

/* Non-zero for an HTML view target. */
int sg_target_is_view(const sg_target *t);

/* SG_OK unless one of the n targets (NULL entries skipped) is an HTML view
 * this build cannot write (sg_view_check): then SG_ERR_INVALID, with the
 * target's path and how to get the view in err. */
int sg_targets_view_check(sg_target *const *t, size_t n, sg_error *err);

/* When one of the n targets is an HTML view: makes *units (a store keeping
 * per_edge units an edge, to feed with the run's co-occurrences; the caller
 * frees it) and gives it to each view. *units stays NULL without a view.
 * SG_OK or SG_ERR_NOMEM. */
int sg_targets_view_units(sg_target *const *t, size_t n, size_t per_edge, sg_unit_store **units);

/* The units an HTML view target shows behind its edges (view.h; kept by the
 * caller until the target is written). Other targets ignore them. */
void sg_target_set_units(sg_target *t, const sg_unit_store *units);

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

/* Opens the n targets (NULL entries skipped) in order; on failure fills err
 * (the file and why) and returns its code, the targets left to free. */
int sg_targets_open(sg_target *const *t, size_t n, sg_error *err);
/* Frees the n targets (aborting what was not committed) and sets them NULL;
 * NULL-safe, NULL entries skipped. */
void sg_targets_free(sg_target **t, size_t n);
/* Non-zero when one of the n targets (NULL entries skipped) needs a network
 * (it is not counts), or (need_layout) a laid-out one (it is a picture). */
int sg_targets_need_graph(sg_target *const *t, size_t n);
int sg_targets_need_layout(sg_target *const *t, size_t n);
/* Writes `g` (or the counts of `ex`) to each of the n opened targets, then
 * commits them as one set (sg_targets_commit); nothing is in place on
 * failure. The targets stay to be freed. */
int sg_targets_write(sg_target *const *t, size_t n, const sg_graph *g, const sg_extractor *ex,
                     const sg_render_options *ro, const sg_timeline *timeline, sg_error *err);

/* The path of a period's network beside `path`: "out/net.graphml" and
 * "2024" give "out/net.2024.graphml"; a name without an extension (a CSV
 * directory, "tables/") gets ".2024" at the end ("tables.2024"). The caller
 * frees it; NULL when out of memory. */
char *sg_period_path(const char *path, const char *label);

/* Whether sg_run_write can write each period's network beside `t`: SG_OK
 * for a GEXF output (it holds the periods itself) and for a path that names
 * a file or a directory (or nothing yet); SG_ERR_INVALID, with the reason
 * in err, for counts, standard output or a device. Only reads `t`. */
int sg_target_check_periods(const sg_target *t, sg_error *err);

/* Networks are laid out by default up to this many actors (a dense corpus's
 * 6,000 actors and 260,000 edges took sfdp 1.8 s, more than the extraction;
 * Gephi lays a network out itself). */
#define SG_AUTO_LAYOUT_MAX 5000

/* How sg_run_write makes the networks it writes. The strings and the
 * callbacks' contexts are the caller's, only used during the call. */
typedef struct {
    double min_weight; /* edges kept in the whole network: weight >= this (default 1) */
    int analyse;       /* non-zero (default): the measures, with `analysis` */
    int layout;        /* with the analysis, -1 (default): laid out when a picture is
                          written or the network has at most SG_AUTO_LAYOUT_MAX actors
                          (else a warning); 1: always; 0, or without the analysis: only
                          for pictures */
    sg_analysis_options analysis;
    sg_render_options render; /* the layout and the pictures */
    sg_step_fn on_step;       /* told each step as it starts ("the network of 2024", "the
                                 network", "writing"); may be NULL */
    void *step_ctx;
    sg_warning_fn on_warning; /* a network left without a layout (code SG_ERR_LIMIT); may be
                                 NULL */
    void *warning_ctx;
} sg_write_options;

/* Fills `opt` with the defaults: min_weight 1, analysed, layout -1, the
 * analysis's and the pictures' defaults, no callbacks. */
void sg_write_options_init(sg_write_options *opt);

/* Sets one option by name, from text (as sg_extract_options_set):
 * "min-weight" (a number >= 0), the flags "no-analyse", "layout",
 * "no-layout", and the analysis's and the pictures' options
 * (sg_analysis_options_set, sg_render_options_set); "no-pagerank" also
 * sizes pictures by degree when they were to be sized by pagerank.
 * Returns SG_OK or SG_ERR_INVALID, as that function does. */
int sg_write_options_set(sg_write_options *opt, const char *name, const char *value, sg_error *err);

/* Writes what a run of `ex` gives to the n opened targets `t`: the network
 * (built with opt->min_weight when a target needs one, analysed and laid out
 * as `opt` says) or the counts; with periods in `res` (may be NULL), each
 * period's network (res->graphs, analysed and laid out in place) to a file
 * beside each target that is not counts nor GEXF (sg_period_path; a GEXF
 * target gets the periods as spells instead); and the actor-document graph
 * to *bipartite (may be NULL). The nrows row outputs (mentions, evidence;
 * NULL entries skipped) are flushed first, and everything is committed as
 * one set: every file new, or every file as before. Every target is freed
 * and set NULL, whatever the outcome; the rows are committed and set NULL
 * (those still set after a failure are the caller's to abort). On failure
 * fills err (the file concerned) and returns its code. Threads: uses `res`
 * and the targets alone meanwhile; `ex` is only read. */
int sg_run_write(sg_target **t, size_t n, sg_target **bipartite, sg_output **rows, size_t nrows,
                 const sg_extractor *ex, sg_run_result *res, const sg_write_options *opt,
                 sg_error *err);

/* A network made as sg_run_write makes it: analysed when opt->analyse, laid
 * out when `layout` (the layout beside the analysis when both:
 * sg_graph_analyse_layout). For front ends that write a network later
 * (the Python package); `layout` is theirs to decide, as opt->layout says,
 * and so is opt->render.picture_actors (sg_run_write lays out every actor,
 * 0, when it draws no picture: the actors a picture leaves out are left out
 * of its layout only). Returns 0 or the failing step's error. */
int sg_network_prepare(sg_graph *g, const sg_write_options *opt, int layout, sg_error *err);

/* Convenience: the graph to `path` in one call (new, open, write, commit,
 * free), e.g. "network.graphml", "tables" with format "csv", "net.svg". */
int sg_graph_write(const sg_graph *g, const char *path, const char *format,
                   const sg_render_options *ro, const sg_timeline *timeline, sg_error *err);

#ifdef __cplusplus
}
#endif
#endif
