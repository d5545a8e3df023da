/* The network's representation: plain arrays, built by graph.c (from counts),
 * bipartite.c and graphml_read.c, measured by analysis.c (which makes the
 * igraph graph it needs from them) and laid out by render.c. Never
 * installed. */
#ifndef SG_GRAPH_INT_H
#define SG_GRAPH_INT_H

#include <stdint.h>

#include "stakegraph/analysis.h"
#include "stakegraph/graph.h"

/* A numeric node or edge column (analysis, layout, counts). */
typedef struct {
    char *name;
    int is_int;
    double *v;
    /* A column of stakegraph's written under another name (sg_size), because
     * the file had a column of its name with other values: `own` is the name
     * the library finds it by ("size"), `renamed` says this run renamed it. */
    char *own;
    int renamed;
    int foreign; /* read from a file stakegraph did not write: never replaced */
} sg_column;

struct sg_graph {
    size_t n, m, nattr;
    char **id, **label, **type;
    long *mentions, *documents;
    char **attr_names;
    char **attrs; /* n * nattr, NULL = absent */
    size_t *src, *dst;
    double *weight;
    long *edocs;
    char **fdocs;       /* m * SG_FIRST_DOCUMENTS names (NULL-padded), or NULL: unknown */
    char *fdocs_text;   /* when set, fdocs' names are in it (made by sg_graph_build), not
                           each allocated */
    sg_column *cols[2]; /* [SG_NODES], [SG_EDGES] */
    size_t ncols[2];
    long units;  /* units of text in the corpus (0 = unknown, e.g. read back) */
    char **meta; /* graph-level key, value, key, value, ... (sg_graph_set_meta) */
    size_t nmeta;
    int foreign; /* read from a file stakegraph did not write (sg_graph_read_origin) */
    /* The edges a picture of a large network draws (render.c), as its layout
     * found them, for the drawing that follows: picture_keep[e] for the
     * picture_m edges whose ends and weights hash to picture_stamp; NULL:
     * none found; picture_shown[i] (NULL: all) for the picture_n nodes,
     * the actors it shows. */
    unsigned char *picture_keep, *picture_shown;
    size_t picture_n;
    size_t picture_m, picture_kept;
    uint64_t picture_stamp;
};

/* Every igraph call runs between these two, in one thread at a time (igraph
 * is not thread-safe): sg_ig_enter takes a process-wide recursive lock and
 * puts our handlers in place (they turn igraph's errors, which abort by
 * default, into return codes and keep its warnings quiet); sg_ig_leave
 * gives the caller's handlers back and releases the lock. */
void sg_ig_enter(void);
void sg_ig_leave(void);
/* In a process just forked by a thread between sg_ig_enter and
 * sg_ig_leave: the lock made anew, free (the forking thread is not this
 * process's, so could not release it), our handlers left in place. */
void sg_ig_forked(void);
/* The last igraph error's reason, in this thread. */
const char *sg_ig_reason(void);

/* Allocates an empty graph with room for n nodes and m edges (all arrays
 * zeroed, names NULL). */
sg_graph *sg_graph_alloc(size_t n, size_t m, size_t nattr);

/* Index of the column written under `name` (whatever its own name), or -1. */
long sg_graph_column_written(const sg_graph *g, sg_domain d, const char *name);

/* Fills order[0, n) with the indices of v from the highest value to the
 * lowest (ties: index order), as sg_graph_rank_nodes ranks a measure.
 * Returns 0 or SG_ERR_NOMEM. */
int sg_rank_values(const double *v, size_t n, size_t *order);

/* Keeps only the edges e with keep[e] != 0 (columns follow). */
int sg_graph_keep_edges(sg_graph *g, const unsigned char *keep, sg_error *err);

/* analysis.c: the edges of g's backbone, keep[e] = 1 (room for m): those
 * significant for either end by the disparity filter at `alpha` (as the
 * `backbone_alpha` column, on g's edges as they are) and those of a maximum
 * spanning forest, so that the backbone has g's components; *kept counts
 * them. With `shown` (not NULL), the backbone among the nodes i with
 * shown[i] only: the edges between two of them significant by the filter
 * (computed on the whole network), and a maximum spanning forest of the
 * edges between two of them. Runs igraph under its lock. Returns 0,
 * SG_ERR_NOMEM or SG_ERR_GRAPH. */
int sg_graph_backbone_edges(const sg_graph *g, double alpha, const unsigned char *shown,
                            unsigned char *keep, size_t *kept, sg_error *err);

/* analysis.c: sg_graph_analyse, telling `ready` (when not NULL) each
 * measure named in it as soon as its values are known, before the others
 * are computed: "pagerank", computed first (the measure that sizes a
 * picture's nodes, for a layout that runs beside the rest of the analysis).
 * `ready` runs in the calling thread under the igraph lock, with g's edges
 * final; its non-zero return stops the analysis. The columns, their order
 * and values are those of sg_graph_analyse. */
typedef int (*sg_measure_ready_fn)(const sg_graph *g, const char *measure, const double *values,
                                   void *ctx, sg_error *err);
int sg_graph_analyse_then(sg_graph *g, const sg_analysis_options *opt, sg_measure_ready_fn ready,
                          void *ctx, sg_error *err);

/* analysis.c: the betweenness's shares of the shortest paths from the k
 * nodes `sources` (in increasing order) to every node, as a sampled
 * betweenness sums them before its scaling (igraph_betweenness_subset of
 * the undirected network, lengths 1 / weight), into out (n values). For the
 * tests. Returns 0 or SG_ERR_GRAPH. */
int sg_graph_betweenness_from(const sg_graph *g, const long *sources, size_t k, double *out);

/* graphml_check.c: refuses with a clear message and its line what igraph's
 * GraphML reader would refuse obscurely or read wrong: an empty file, a
 * gzipped one (still, after its decompression), GEXF or other XML, a numeric
 * value that is no finite decimal number; and counts in *info what igraph
 * leaves out. `s` is the whole file read from `path`. Returns 0 or
 * SG_ERR_PARSE. */
typedef struct {
    size_t graphs;         /* <graph> elements: several, or nested in nodes */
    size_t hyperedges;     /* <hyperedge> elements */
    size_t directed_edges; /* <edge directed="true"> (igraph reads them as the graph's) */
} sg_graphml_info;
int sg_graphml_check(const char *path, const char *s, size_t n, sg_graphml_info *info,
                     sg_error *err);

/* graphml_fix.c: the GraphML text s[0, n) rewritten for igraph's reader so
 * that it reads the file's values faithfully: keys declared for="all" (or
 * without `for`) read on graphs, nodes and edges; several keys of one name
 * for one domain read as one attribute (int and double: double; strings and
 * numbers: strings, noted); a node key named "id" read as "id_" (noted);
 * keys of types igraph does not read (graph-tool's vectors, short is read as
 * int), yEd's graphics keys and data of undeclared keys left out (noted,
 * with how many values). Lines keep their numbers. out->text (NUL-terminated)
 * and out->notes (warnings, with the file and the key's line) are freed by
 * sg_graphml_fixed_free. Returns 0 or SG_ERR_NOMEM. */
typedef struct {
    char *text;
    size_t len;
    sg_error *notes;
    size_t nnotes;
} sg_graphml_fixed;
int sg_graphml_fix(sg_graphml_fixed *out, const char *path, const char *s, size_t n, sg_error *err);
void sg_graphml_fixed_free(sg_graphml_fixed *fixed);

/* gunzip.c (the one file that includes zlib.h): s[0, n) is gzip-compressed
 * (its magic bytes). */
int sg_is_gzip(const char *s, size_t n);
/* Decompresses the gzip data s[0, n) (several members one after the other,
 * as gzip reads them) into *out (malloc'd, NUL-terminated, caller frees),
 * its length in *len. A corrupt or truncated file: SG_ERR_PARSE, with
 * "a corrupt gzip file (...)" and the file's name in err. */
int sg_gunzip(char **out, size_t *len, const char *path, const char *s, size_t n, sg_error *err);

#endif
