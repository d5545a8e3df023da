/* count_actors: who is named in a few documents, and who with whom, with libstakegraph.
 *
 *   count_actors [-g PATH]... [-n N] FILE...
 *
 * Loads the gazetteers given with -g (TSV files or directories of them; default:
 * $STAKEGRAPH_GAZETTEERS, else the gazetteers installed with the library), finds their
 * actors in each FILE, and prints, as tab-separated lines, the N actors mentioned most
 * (ties: in id order) and the N pairs named together in the most sentences (ties: in
 * (source, target) order); N is 10 by default, 0 prints them all:
 *
 *   # DOCUMENTS documents, ACTORS actors, EDGES edges
 *   actor   MENTIONS  DOCUMENTS  ID    LABEL
 *   edge    WEIGHT    DOCUMENTS  ID_A  ID_B
 *
 * It uses only the public API, <stakegraph/stakegraph.h>. Build it with the Makefile
 * (pkg-config) or the CMakeLists.txt (find_package) beside it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stakegraph/stakegraph.h>

/* Set by the Makefile and CMakeLists.txt to the installed gazetteers. */
#ifndef STAKEGRAPH_GAZETTEERS_DIR
#define STAKEGRAPH_GAZETTEERS_DIR ""
#endif

static const char *const usage_text =
    "usage: count_actors [-g PATH]... [-n N] FILE...\n"
    "  -g PATH  a gazetteer file or directory (repeatable; default: $STAKEGRAPH_GAZETTEERS,\n"
    "           else the installed gazetteers)\n"
    "  -n N     how many actors and edges to print (default 10; 0 = all)\n";

typedef struct {
    const char **gazetteers;
    size_t ngazetteers;
    const char **files;
    size_t nfiles;
    size_t top; /* 0: all */
} options;

typedef struct {
    size_t source, target;
    double weight;
    long documents;
} edge;

/* Prints "count_actors: WHAT[: DETAIL]" on stderr. */
static void complain(const char *what, const char *detail)
{
    if (detail && *detail)
        fprintf(stderr, "count_actors: %s: %s\n", what, detail);
    else
        fprintf(stderr, "count_actors: %s\n", what);
}

/* The library's message names the file concerned, if any; else `what` says what failed. */
static void complain_sg(const char *what, const sg_error *err)
{
    char buf[2048];
    sg_error_format(err, buf, sizeof(buf));
    if (err->file[0])
        complain(buf, NULL);
    else
        complain(what, buf);
}

static void on_warning(const sg_error *warning, void *ctx)
{
    char buf[2048];
    (void)ctx;
    complain("warning", sg_error_format(warning, buf, sizeof(buf)));
}

static int parse_count(const char *s, size_t *out)
{
    char *end = NULL;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (*s < '0' || *s > '9' || *end || errno)
        return -1;
    *out = v;
    return 0;
}

/* Returns 0 to go on, 1 when the help was asked for, -1 on a usage error. */
static int parse_args(options *o, int argc, char **argv)
{
    o->ngazetteers = o->nfiles = 0;
    o->top = 10;
    o->gazetteers = calloc((size_t)argc, sizeof(char *));
    o->files = calloc((size_t)argc, sizeof(char *));
    if (!o->gazetteers || !o->files) {
        complain("out of memory", NULL);
        return -1;
    }
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) {
            i++;
            break;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage_text, stdout);
            return 1;
        }
        int is_g = !strcmp(a, "-g"), is_n = !strcmp(a, "-n");
        if (!is_g && !is_n) {
            complain("unknown option", a);
            return -1;
        }
        if (i + 1 == argc) {
            complain("option needs a value", a);
            return -1;
        }
        const char *value = argv[++i];
        if (is_g) {
            o->gazetteers[o->ngazetteers++] = value;
        } else if (parse_count(value, &o->top)) {
            complain("-n needs a number", value);
            return -1;
        }
    }
    for (; i < argc; i++)
        o->files[o->nfiles++] = argv[i];
    if (o->nfiles == 0) {
        complain("no FILE given", NULL);
        return -1;
    }
    return 0;
}

static int load_gazetteers(sg_gazetteer **out, const options *o)
{
    sg_error err;
    sg_gazetteer *gaz = NULL;
    const char *path = "";
    int rc = sg_gazetteer_new(&gaz, &err);
    for (size_t i = 0; !rc && i < o->ngazetteers; i++) {
        path = o->gazetteers[i];
        rc = sg_gazetteer_load_path(gaz, path, &err);
    }
    if (!rc && o->ngazetteers == 0) {
        path = getenv("STAKEGRAPH_GAZETTEERS");
        if (!path || !*path)
            path = STAKEGRAPH_GAZETTEERS_DIR;
        if (!*path) {
            complain("no gazetteers: give -g PATH or set STAKEGRAPH_GAZETTEERS", NULL);
            sg_gazetteer_free(gaz);
            return -1;
        }
        rc = sg_gazetteer_load_path(gaz, path, &err);
    }
    if (rc) {
        complain_sg(*path ? path : "gazetteers", &err);
        sg_gazetteer_free(gaz);
        return -1;
    }
    *out = gaz;
    return 0;
}

/* Reads a whole file into *data (malloc'd, not NUL-terminated). */
static int read_file(const char *path, char **data, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        complain(path, strerror(errno));
        return -1;
    }
    char *buf = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    for (;;) {
        if (n == cap) {
            char *bigger = cap > ((size_t)-1) / 2 ? NULL : realloc(buf, cap ? 2 * cap : 65536);
            if (!bigger) {
                complain(path, "out of memory");
                rc = -1;
                break;
            }
            buf = bigger;
            cap = cap ? 2 * cap : 65536;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                complain(path, "read error");
                rc = -1;
            }
            break;
        }
    }
    fclose(f);
    if (rc) {
        free(buf);
        return -1;
    }
    *data = buf;
    *len = n;
    return 0;
}

static int add_files(sg_extractor *ex, const options *o)
{
    for (size_t i = 0; i < o->nfiles; i++) {
        char *text = NULL;
        size_t len = 0;
        sg_error err;
        if (read_file(o->files[i], &text, &len))
            return -1;
        int rc = sg_extractor_add(ex, o->files[i], text, len, &err);
        free(text);
        if (rc) {
            complain_sg(o->files[i], &err);
            return -1;
        }
    }
    return 0;
}

static int print_actors(const sg_graph *g, size_t top)
{
    size_t n = sg_graph_node_count(g);
    size_t *order = calloc(n ? n : 1, sizeof(size_t));
    int rc = order ? sg_graph_rank_nodes(g, "mentions", order) : SG_ERR_NOMEM;
    if (rc) {
        free(order);
        complain("ranking the actors", sg_status_string(rc));
        return -1;
    }
    for (size_t k = 0; k < n && (top == 0 || k < top); k++) {
        size_t i = order[k];
        printf("actor\t%ld\t%ld\t%s\t%s\n", sg_graph_node_mentions(g, i),
               sg_graph_node_documents(g, i), sg_graph_node_id(g, i), sg_graph_node_label(g, i));
    }
    free(order);
    return 0;
}

/* Heaviest first, then in the graph's (source, target) order. */
static int by_weight(const void *pa, const void *pb)
{
    const edge *a = pa, *b = pb;
    if (a->weight != b->weight)
        return a->weight > b->weight ? -1 : 1;
    if (a->source != b->source)
        return a->source < b->source ? -1 : 1;
    return (a->target > b->target) - (a->target < b->target);
}

static int print_edges(const sg_graph *g, size_t top)
{
    size_t m = sg_graph_edge_count(g);
    edge *edges = calloc(m ? m : 1, sizeof(edge));
    if (!edges) {
        complain("sorting the edges", sg_status_string(SG_ERR_NOMEM));
        return -1;
    }
    for (size_t e = 0; e < m; e++)
        sg_graph_edge(g, e, &edges[e].source, &edges[e].target, &edges[e].weight,
                      &edges[e].documents);
    qsort(edges, m, sizeof(edge), by_weight);
    for (size_t k = 0; k < m && (top == 0 || k < top); k++)
        printf("edge\t%.0f\t%ld\t%s\t%s\n", edges[k].weight, edges[k].documents,
               sg_graph_node_id(g, edges[k].source), sg_graph_node_id(g, edges[k].target));
    free(edges);
    return 0;
}

int main(int argc, char **argv)
{
    options o;
    sg_error err;
    sg_gazetteer *gaz = NULL;
    sg_extractor *ex = NULL;
    sg_graph *g = NULL;
    int status = 1;

    int rc = parse_args(&o, argc, argv);
    if (rc) {
        if (rc < 0)
            fputs(usage_text, stderr);
        status = rc > 0 ? 0 : 2;
        goto cleanup;
    }
    if (load_gazetteers(&gaz, &o))
        goto cleanup;
    if (sg_extractor_new(&ex, gaz, NULL, &err)) { /* NULL: the defaults, sentence units */
        complain_sg("making the extractor", &err);
        goto cleanup;
    }
    sg_extractor_on_warning(ex, on_warning, NULL);
    if (add_files(ex, &o))
        goto cleanup;
    if (sg_extractor_graph(&g, ex, 0, &err)) {
        complain_sg("building the network", &err);
        goto cleanup;
    }
    printf("# %zu documents, %zu actors, %zu edges\n", sg_extractor_documents(ex),
           sg_graph_node_count(g), sg_graph_edge_count(g));
    if (print_actors(g, o.top) || print_edges(g, o.top))
        goto cleanup;
    if (fflush(stdout) || ferror(stdout)) {
        complain("standard output", "write error");
        goto cleanup;
    }
    status = 0;

cleanup:
    sg_graph_free(g);
    sg_extractor_free(ex); /* before the gazetteer it points to */
    sg_gazetteer_free(gaz);
    free(o.gazetteers);
    free(o.files);
    return status;
}
