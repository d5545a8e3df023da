/* stakegraph — network analysis with igraph (SPEC §9). */
#ifndef STAKEGRAPH_ANALYSIS_H
#define STAKEGRAPH_ANALYSIS_H

#include <stddef.h>
#include <stdio.h>

#include "error.h"
#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    unsigned long seed; /* seed of the community detection and of the betweenness's
                           sample of sources (default 1) */
    double backbone;    /* > 0: keep only edges with backbone_alpha < backbone */
    int exact;          /* non-zero: exact betweenness whatever the network's size */
    double exact_work;  /* the size up to which it is exact anyway, as nodes x (nodes +
                           edges); 0 (default): SG_BETWEENNESS_EXACT_WORK */
    unsigned skip;      /* SG_MEASURE_* not computed (no column; a column the graph
                           already has, read from a file, stays) */
    unsigned jobs;      /* processes a sampled betweenness may use: 1 this one only; 0
                           (default) a second when the machine has more than one core
                           (the values are the same) */
    sg_step_fn on_step; /* told each measure as it starts (may be NULL) */
    void *step_ctx;
} sg_analysis_options;

/* Measures a caller may skip (sg_analysis_options.skip). */
enum {
    SG_MEASURE_BETWEENNESS = 1u << 0,
    SG_MEASURE_PAGERANK = 1u << 1,
    SG_MEASURE_EIGENVECTOR = 1u << 2
};

/* Parses "betweenness", "pagerank" or "eigenvector" into its SG_MEASURE_*
 * bit, added to *skip. Returns SG_OK or SG_ERR_INVALID. */
int sg_measure_skip(unsigned *skip, const char *name);

/* Betweenness is exact while nodes x (nodes + edges) is at most this (a
 * few seconds on one core), else estimated from a sample of sources (at
 * least SG_BETWEENNESS_MIN_SOURCES, as many as that work allows), and the
 * graph's "betweenness" attribute (sg_graph_meta_*) says so. */
#define SG_BETWEENNESS_EXACT_WORK 5e7
#define SG_BETWEENNESS_MIN_SOURCES 100

/* Fills `opt` with the defaults: seed 1, no backbone, betweenness exact up
 * to SG_BETWEENNESS_EXACT_WORK. */
void sg_analysis_options_init(sg_analysis_options *opt);

/* Sets one option by name, from text (as sg_extract_options_set): "seed"
 * (0 to 4294967295), "backbone" (0 < ALPHA <= 1), and the flags "exact",
 * "no-betweenness", "no-pagerank", "no-eigenvector" (value ignored).
 * Returns SG_OK or SG_ERR_INVALID, as that function does. */
int sg_analysis_options_set(sg_analysis_options *opt, const char *name, const char *value,
                            sg_error *err);

/* A sampled betweenness computes part of its sources in a second process
 * (sg_analysis_options.jobs). By default the analysis forks it from the
 * caller as the caller is then; sg_analysis_helper_start forks a helper
 * process now instead, which waits for that work and runs it for every
 * analysis to come: call it early, while the process is small and runs one
 * thread (a fork of a large process copies its page tables and makes its
 * every later write to memory of before the fork fault, copy-on-write: the
 * dense benchmark's run, 49,000 page faults instead of 55,000). The
 * values are the same. Not while an analysis runs; the helper belongs to
 * the process that started it (a fork of it uses none). Returns 0, or -1
 * when no helper started (a machine of one core, or fork failed: the
 * analyses then fork as they would). The helper holds no
 * descriptor of the caller's (its standard streams are /dev/null).
 * sg_analysis_helper_stop ends it and waits for it (it also ends when the
 * process ends). */
int sg_analysis_helper_start(void);
void sg_analysis_helper_stop(void);

/* Adds the analysis columns to `g`.
 * Edges (when the graph knows its unit counts, i.e. it comes from an
 * extractor): `jaccard`, `association`, `npmi`, and always `backbone_alpha`.
 * Then, if opt->backbone > 0, drops the edges whose backbone_alpha is not
 * below it. Nodes, on the remaining edges: `degree`, `strength`,
 * `betweenness` (distances 1/weight), `pagerank`, `eigenvector`,
 * `community` (Louvain, modularity, seeded; numbered from 0 by decreasing
 * size) and `component` (numbered the same way). The README gives the
 * formulas. Results are identical on every run with the same seed. `opt`
 * NULL: the defaults. Threads: changes `g`, which no other thread may use
 * meanwhile; several graphs may be analysed from several threads, but igraph
 * is not thread-safe, so their igraph work runs one at a time (the igraph
 * lock, graph.h). */
int sg_graph_analyse(sg_graph *g, const sg_analysis_options *opt, sg_error *err);

typedef struct {
    size_t nodes, edges, components, communities, isolated;
    double density;      /* edges / (n (n - 1) / 2) */
    double total_weight; /* sum of edge weights */
    double modularity;   /* of the `community` column (weighted) */
} sg_graph_summary;

/* Summarises an analysed graph into the caller's `s` (runs the analysis
 * first when `community` is missing, and then changes `g` as
 * sg_graph_analyse does). The modularity is computed under the igraph lock. */
int sg_graph_summarise(sg_graph *g, sg_graph_summary *s, sg_error *err);

/* The node centralities a summary ranks actors by, i = 0, 1, ...: "degree",
 * "strength", "betweenness", "pagerank", "eigenvector"; NULL past the last.
 * Static storage. */
const char *sg_centrality_name(size_t i);

/* Writes the summary `s` of the analysed graph `g` as the tables `stakegraph
 * stats` prints: size, density, components, communities and modularity; the
 * communities (up to 12) with their main actors by pagerank; for each
 * centrality, its `top` first actors with their value and community (names
 * cut to 40 characters). Returns 0, SG_ERR_NOMEM or SG_ERR_IO. Only reads
 * `g` and `s`; `f` stays open. */
int sg_graph_summary_write_text(const sg_graph *g, const sg_graph_summary *s, size_t top, FILE *f,
                                sg_error *err);

/* Writes the summary `s` of the analysed graph `g` as one JSON object and a
 * line break (what `stakegraph stats --json` prints): the counts, density,
 * total weight and modularity (null when not finite), and under "top", for
 * each centrality, its `top` first actors (id, label, value, community).
 * Written with jansson. Returns 0, SG_ERR_NOMEM or SG_ERR_IO. Only reads `g`
 * and `s`; `f` stays open. */
int sg_graph_summary_write_json(const sg_graph *g, const sg_graph_summary *s, size_t top, FILE *f,
                                sg_error *err);

#ifdef __cplusplus
}
#endif
#endif
