/* The network's representation: plain arrays, built by graph.c (from counts),
 * bipartite.c and graphml_read.c, measured by analysis.c (which makes the
 * igraph graph it needs from them) and laid out by render.c. Never
 * installed. */
#ifndef SG_GRAPH_INT_H
#define SG_GRAPH_INT_H

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
    sg_column *cols[2]; /* [SG_NODES], [SG_EDGES] */
    size_t ncols[2];
    long units;  /* units of text in the corpus (0 = unknown, e.g. read back) */
    char **meta; /* graph-level key, value, key, value, ... (sg_graph_set_meta) */
    size_t nmeta;
    int foreign; /* read from a file stakegraph did not write (sg_graph_read_origin) */
};

/* Every igraph call runs between these two, in one thread at a time (igraph
 * is not thread-safe): sg_ig_enter takes a process-wide recursive lock and
 * puts our handlers in place (they turn igraph's errors, which abort by
 * default, into return codes and keep its warnings quiet); sg_ig_leave
 * gives the caller's handlers back and releases the lock. */
void sg_ig_enter(void);
void sg_ig_leave(void);
/* The last igraph error's reason, in this thread. */
const char *sg_ig_reason(void);

/* Allocates an empty graph with room for n nodes and m edges (all arrays
 * zeroed, names NULL). */
sg_graph *sg_graph_alloc(size_t n, size_t m, size_t nattr);

/* Index of the column written under `name` (whatever its own name), or -1. */
long sg_graph_column_written(const sg_graph *g, sg_domain d, const char *name);

/* Keeps only the edges e with keep[e] != 0 (columns follow). */
int sg_graph_keep_edges(sg_graph *g, const unsigned char *keep, sg_error *err);

/* graphml_check.c: refuses with a clear message and its line what igraph's
 * GraphML reader would refuse obscurely or read wrong: an empty or gzipped
 * file, GEXF or other XML, a numeric value that is no finite decimal number;
 * and notes in *info what it would leave out or read as one without a word.
 * `s` is the whole file read from `path`. Returns 0 or SG_ERR_PARSE. */
typedef struct {
    size_t graphs;     /* <graph> elements: several, or nested in nodes */
    size_t hyperedges; /* <hyperedge> elements */
    long all_line;     /* the line of a key declared for="all", or 0 */
    long same_line;    /* the line of a second key of one name for one domain, or 0 */
    char same_name[64];
    long id_line; /* the line of a node key named "id", or 0 */
} sg_graphml_info;
int sg_graphml_check(const char *path, const char *s, size_t n, sg_graphml_info *info,
                     sg_error *err);

#endif
