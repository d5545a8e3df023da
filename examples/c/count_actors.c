/* count_actors: who is named in a corpus, and who with whom, with libstakegraph.
 *
 *   count_actors [-g PATH]... [-n N] [-j N] [--jsonl] [-p year|month] INPUT...
 *
 * Loads the gazetteers given with -g (TSV files or directories of them; default:
 * $STAKEGRAPH_GAZETTEERS, else the gazetteers installed with the library), runs the
 * corpus (INPUT: files, or directories of *.txt files; with --jsonl, JSON Lines files,
 * one document a line) with -j threads (default: one a core; the result is the same),
 * and prints, as tab-separated lines, the N actors mentioned most (ties: in id order)
 * and the N pairs named together in the most sentences (ties: in (source, target)
 * order); N is 10 by default, 0 prints them all. With -p (JSON Lines with a "date"),
 * one more line a period says how many actors and links its own network has:
 *
 *   # DOCUMENTS documents, ACTORS actors, EDGES edges
 *   actor   MENTIONS  DOCUMENTS  ID    LABEL
 *   edge    WEIGHT    DOCUMENTS  ID_A  ID_B
 *   period  LABEL     ACTORS     EDGES
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
    "usage: count_actors [-g PATH]... [-n N] [-j N] [--jsonl] [-p year|month] INPUT...\n"
    "  -g PATH  a gazetteer file or directory (repeatable; default: $STAKEGRAPH_GAZETTEERS,\n"
    "           else the installed gazetteers)\n"
    "  -n N     how many actors and edges to print (default 10; 0 = all)\n"
    "  -j N     threads (default: one a core)\n"
    "  --jsonl  the inputs are JSON Lines files, one document a line\n"
    "  -p UNIT  one network a year or a month of the documents' dates (with --jsonl)\n";

typedef struct {
    const char **gazetteers;
    size_t ngazetteers;
    const char **files;
    size_t nfiles;
    size_t top;  /* 0: all */
    size_t jobs; /* 0: one a core */
    int jsonl;
    sg_period_unit by_period;
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
    o->ngazetteers = o->nfiles = o->jobs = 0;
    o->top = 10;
    o->jsonl = 0;
    o->by_period = SG_PERIOD_NONE;
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
        if (!strcmp(a, "--jsonl")) {
            o->jsonl = 1;
            continue;
        }
        int is_g = !strcmp(a, "-g"), is_n = !strcmp(a, "-n"), is_j = !strcmp(a, "-j");
        int is_p = !strcmp(a, "-p");
        if (!is_g && !is_n && !is_j && !is_p) {
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
        } else if (is_p) {
            if (strcmp(value, "year") && strcmp(value, "month")) {
                complain("-p needs year or month", value);
                return -1;
            }
            o->by_period = strcmp(value, "year") ? SG_PERIOD_MONTH : SG_PERIOD_YEAR;
        } else if (parse_count(value, is_n ? &o->top : &o->jobs) || (is_j && o->jobs > 256)) {
            complain(is_n ? "-n needs a number" : "-j needs a number (0 to 256)", value);
            return -1;
        }
    }
    for (; i < argc; i++)
        o->files[o->nfiles++] = argv[i];
    if (o->nfiles == 0) {
        complain("no INPUT given", NULL);
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

/* The library reports warnings (invalid UTF-8, a JSON Lines line skipped)
 * through this, in the calling thread, in document order. */
static void on_warning(const sg_error *warning, void *ctx)
{
    char buf[2048];
    (void)ctx;
    complain("warning", sg_error_format(warning, buf, sizeof(buf)));
}

/* Runs the inputs through the extractor with o->jobs threads; the periods'
 * networks (with -p) in *res. */
static int run_corpus(sg_extractor *ex, const options *o, sg_run_result *res)
{
    sg_error err;
    sg_corpus *c = NULL;
    int rc = sg_corpus_new(&c, o->jsonl ? SG_CORPUS_JSONL : SG_CORPUS_TEXT, NULL, &err);
    for (size_t i = 0; !rc && i < o->nfiles; i++)
        rc = sg_corpus_add_path(c, o->files[i], NULL, NULL, &err);
    if (!rc) {
        sg_run_options ro;
        sg_run_options_init(&ro);
        ro.jobs = (unsigned)o->jobs;
        ro.by_period = o->by_period;
        ro.period_graphs = o->by_period != SG_PERIOD_NONE;
        ro.min_weight = 0; /* every actor and pair, as the whole network below */
        ro.on_warning = on_warning;
        rc = sg_corpus_run(ex, c, &ro, res, &err);
    }
    sg_corpus_free(c);
    if (rc)
        complain_sg("reading the corpus", &err);
    return rc ? -1 : 0;
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
    sg_run_result res = {0};
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
    if (run_corpus(ex, &o, &res))
        goto cleanup;
    if (sg_extractor_graph(&g, ex, 0, &err)) {
        complain_sg("building the network", &err);
        goto cleanup;
    }
    printf("# %zu documents, %zu actors, %zu edges\n", sg_extractor_documents(ex),
           sg_graph_node_count(g), sg_graph_edge_count(g));
    if (print_actors(g, o.top) || print_edges(g, o.top))
        goto cleanup;
    for (size_t k = 0; k < res.nperiods; k++)
        printf("period\t%s\t%zu\t%zu\n", res.labels[k], sg_graph_node_count(res.graphs[k]),
               sg_graph_edge_count(res.graphs[k]));
    if (fflush(stdout) || ferror(stdout)) {
        complain("standard output", "write error");
        goto cleanup;
    }
    status = 0;

cleanup:
    sg_graph_free(g);
    sg_run_result_free(&res);
    sg_extractor_free(ex); /* before the gazetteer it points to */
    sg_gazetteer_free(gaz);
    free(o.gazetteers);
    free(o.files);
    return status;
}
