/* stakegraph extract: documents -> co-occurrence network (SPEC §7). */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <stakegraph/stakegraph.h>

#include "cli.h"

typedef struct {
    const char **gazetteers;
    int ngazetteers;
    sg_extract_options opt;
    const char *format;
    const char **outputs;
    int noutputs;
    cli_output *outs;
    const char *mentions;
    double min_weight;
    int quiet;
    int analyse;
    int layout; /* -1: when a picture is asked for or the graph is not huge */
    sg_analysis_options analysis;
    sg_render_options render;
    unsigned jobs;
    int merge;              /* stakegraph merge: the inputs are counts files */
    const char *files_from; /* a file listing inputs, one a line */
} extract_args;

typedef struct {
    sg_output *out;
    const char *path;
} mention_sink;

static void help(FILE *f)
{
    fputs("usage: stakegraph extract [-g PATH]... [--unit UNIT] [-f FORMAT] [-o FILE]...\n"
          "                          [--mentions FILE] [--min-weight N] [--strict] [-q]\n"
          "                          [analysis and picture options] INPUT...\n"
          "\n"
          "Finds the gazetteers' entities in the INPUT documents and writes the network of\n"
          "entities that co-occur in the same unit of text.\n"
          "\n"
          "  INPUT               a text file, a directory (every *.txt inside, recursively)\n"
          "                      or - for standard input; the document name is the path\n"
          "  -g, --gazetteer PATH  a gazetteer TSV file or a directory of *.tsv files\n"
          "                      (repeatable; default: the bundled gazetteers)\n"
          "  --unit UNIT         sentence (default), paragraph, document or window:N\n"
          "                      (blocks of N words, never across a paragraph)\n"
          "  -f, --format FMT    graphml, dot, svg, png, pdf or pairs, for a single output\n"
          "                      (default: from -o's extension, else graphml)\n"
          "  -o, --output FILE   where to write the network (.graphml, .dot), its picture\n"
          "                      (.svg, .png, .pdf) or the partial counts for 'stakegraph\n"
          "                      merge' (.pairs); repeatable (default: standard output)\n"
          "  -j, --jobs N        threads (default: all cores); the output is the same\n"
          "  --files-from FILE   also read the inputs' paths from FILE, one a line (- for\n"
          "                      standard input), as map-reduce engines hand them out\n"
          "  --mentions FILE     also write every mention as TSV: doc start end id type text\n"
          "  --min-weight N      keep only edges with weight >= N (nodes are kept)\n"
          "  --strict            invalid UTF-8 is an error instead of a warning\n"
          "  --max-unit-actors N in a unit naming more than N actors (a list, a table), pair\n"
          "                      each only with the next N-1 (default 50; 0 = no limit)\n"
          "  --no-analyse        no centralities, communities or layout\n"
          "  --seed N            seed of the community detection (default 1)\n"
          "  --backbone ALPHA    keep only edges with backbone_alpha < ALPHA\n"
          "  --layout, --no-layout  write x, y, size, r, g, b into the network (default:\n"
          "                      up to 20,000 actors)\n"
          "  --colour-by WHAT    pictures: community (default) or type\n"
          "  --size-by MEASURE   pictures: node area by pagerank (default), degree, ...\n"
          "  --labels N          pictures: label the N most central actors\n"
          "  --title TEXT        pictures: a caption\n"
          "  -q, --quiet         no warnings, no progress\n"
          "  -h, --help          show this help\n"
          "\n"
          "Outputs are written completely or not at all. Exit status: 0 success,\n"
          "1 failure, 2 usage error.\n",
          f);
}

static void merge_help(FILE *f)
{
    fputs("usage: stakegraph merge [-g PATH]... [-f FORMAT] [-o FILE]... [--min-weight N] [-q]\n"
          "                        [analysis and picture options] COUNTS...\n"
          "\n"
          "Adds up the partial counts written by 'stakegraph extract -f pairs' on shards of a\n"
          "corpus and writes the network, byte for byte the one a single 'extract' over the\n"
          "whole corpus writes (SPEC §13). COUNTS are files or - for standard input; a file\n"
          "may hold several shards' counts concatenated, their lines in any order.\n"
          "\n"
          "  -g, --gazetteer PATH  the gazetteers the shards were extracted with (checked by\n"
          "                      a fingerprint; default: the bundled gazetteers)\n"
          "  -f, --format FMT    graphml, dot, svg, png, pdf or pairs (the summed counts,\n"
          "                      to merge again), for a single output\n"
          "  -o, --output FILE   where to write (repeatable; default: standard output)\n"
          "  --files-from FILE   also read the counts files' paths from FILE, one a line\n"
          "  --min-weight N, --no-analyse, --seed N, --backbone ALPHA, --layout,\n"
          "  --no-layout, --colour-by, --size-by, --labels N, --title TEXT: as for extract\n"
          "  -q, --quiet         no warnings\n"
          "  -h, --help          show this help\n",
          f);
}

static int parse_args(extract_args *a, int argc, char **argv, int *first_input)
{
    enum {
        OPT_UNIT = 256,
        OPT_MENTIONS,
        OPT_MIN_WEIGHT,
        OPT_STRICT,
        OPT_NO_ANALYSE,
        OPT_SEED,
        OPT_BACKBONE,
        OPT_NO_LAYOUT,
        OPT_LAYOUT,
        OPT_COLOUR_BY,
        OPT_SIZE_BY,
        OPT_LABELS,
        OPT_TITLE,
        OPT_MAX_UNIT_ACTORS,
        OPT_FILES_FROM
    };
    const char *cmd = a->merge ? "merge" : "extract";
    static const struct option longs[] = {
        {"gazetteer", required_argument, NULL, 'g'},
        {"unit", required_argument, NULL, OPT_UNIT},
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"mentions", required_argument, NULL, OPT_MENTIONS},
        {"min-weight", required_argument, NULL, OPT_MIN_WEIGHT},
        {"strict", no_argument, NULL, OPT_STRICT},
        {"no-analyse", no_argument, NULL, OPT_NO_ANALYSE},
        {"no-analyze", no_argument, NULL, OPT_NO_ANALYSE},
        {"seed", required_argument, NULL, OPT_SEED},
        {"backbone", required_argument, NULL, OPT_BACKBONE},
        {"layout", no_argument, NULL, OPT_LAYOUT},
        {"no-layout", no_argument, NULL, OPT_NO_LAYOUT},
        {"colour-by", required_argument, NULL, OPT_COLOUR_BY},
        {"color-by", required_argument, NULL, OPT_COLOUR_BY},
        {"size-by", required_argument, NULL, OPT_SIZE_BY},
        {"labels", required_argument, NULL, OPT_LABELS},
        {"title", required_argument, NULL, OPT_TITLE},
        {"max-unit-actors", required_argument, NULL, OPT_MAX_UNIT_ACTORS},
        {"jobs", required_argument, NULL, 'j'},
        {"files-from", required_argument, NULL, OPT_FILES_FROM},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":g:f:o:j:qh", longs, NULL)) != -1) {
        char msg[300];
        if (a->merge && (c == OPT_UNIT || c == OPT_MENTIONS || c == OPT_STRICT || c == 'j' ||
                         c == OPT_MAX_UNIT_ACTORS)) {
            return cli_usage_error(cmd, "--unit, --max-unit-actors, --mentions, --strict and "
                                        "--jobs apply to extract (merge takes the unit and the "
                                        "limit from the counts files)");
        }
        switch (c) {
        case 'g': a->gazetteers[a->ngazetteers++] = optarg; break;
        case OPT_UNIT:
            if (sg_extract_options_set_unit(&a->opt, optarg)) {
                snprintf(msg, sizeof(msg),
                         "invalid --unit '%.200s' (sentence, paragraph, document or window:N)",
                         optarg);
                return cli_usage_error(cmd, msg);
            }
            break;
        case 'f': a->format = optarg; break;
        case 'o': a->outputs[a->noutputs++] = optarg; break;
        case OPT_MENTIONS: a->mentions = optarg; break;
        case OPT_MIN_WEIGHT: {
            char *end = NULL;
            errno = 0;
            a->min_weight = strtod(optarg, &end);
            if (errno || end == optarg || *end || !(a->min_weight >= 0) || a->min_weight > 1e15) {
                snprintf(msg, sizeof(msg), "invalid --min-weight '%.200s' (a number >= 0)", optarg);
                return cli_usage_error(cmd, msg);
            }
            break;
        }
        case OPT_STRICT: a->opt.strict = 1; break;
        case OPT_NO_ANALYSE: a->analyse = 0; break;
        case OPT_LAYOUT: a->layout = 1; break;
        case OPT_MAX_UNIT_ACTORS: {
            unsigned long v;
            if (cli_parse_seed(optarg, &v) || v == 1)
                return cli_usage_error(cmd,
                                       "invalid --max-unit-actors (0 for no limit, or at least 2)");
            a->opt.max_unit_actors = (unsigned)v;
            break;
        }
        case OPT_NO_LAYOUT: a->layout = 0; break;
        case OPT_COLOUR_BY:
        case OPT_SIZE_BY:
        case OPT_LABELS:
        case OPT_TITLE:
            if (cli_render_option(&a->render, c - OPT_COLOUR_BY, optarg, msg, sizeof(msg)))
                return cli_usage_error(cmd, msg);
            break;
        case OPT_SEED:
            if (cli_parse_seed(optarg, &a->analysis.seed))
                return cli_usage_error(cmd, "invalid --seed (an integer from 0 to 4294967295)");
            break;
        case OPT_BACKBONE:
            if (cli_parse_alpha(optarg, &a->analysis.backbone))
                return cli_usage_error(cmd,
                                       "invalid --backbone (a significance level, 0 < ALPHA <= 1)");
            break;
        case 'j': {
            unsigned long v;
            if (cli_parse_seed(optarg, &v) || v < 1 || v > MAX_JOBS) {
                snprintf(msg, sizeof(msg), "invalid --jobs (1 to %d)", MAX_JOBS);
                return cli_usage_error(cmd, msg);
            }
            a->jobs = (unsigned)v;
            break;
        }
        case OPT_FILES_FROM: a->files_from = optarg; break;
        case 'q': a->quiet = 1; break;
        case 'h': a->merge ? merge_help(stdout) : help(stdout); return -1;
        case ':':
            snprintf(msg, sizeof(msg), "option '%.200s' needs a value", argv[optind - 1]);
            return cli_usage_error(cmd, msg);
        default:
            snprintf(msg, sizeof(msg), "unknown option '%.200s'", argv[optind - 1]);
            return cli_usage_error(cmd, msg);
        }
    }
    if (optind >= argc && !a->files_from)
        return cli_usage_error(cmd, a->merge
                                        ? "no input (give counts files or - for standard input)"
                                        : "no input (give files, directories or - for "
                                          "standard input)");
    if (a->format && a->noutputs > 1)
        return cli_usage_error(cmd,
                               "-f applies to a single output: give each -o its extension instead");
    int n = a->noutputs ? a->noutputs : 1;
    if (!(a->outs = calloc((size_t)n, sizeof(cli_output))))
        return cli_usage_error(cmd, "out of memory");
    for (int i = 0; i < n; i++) {
        char msg[400];
        if (cli_output_set(&a->outs[i], a->noutputs ? a->outputs[i] : NULL, a->format, msg,
                           sizeof(msg)))
            return cli_usage_error(cmd, msg);
    }
    if (!a->analyse && (a->layout == 1 || cli_outputs_need_layout(a->outs, (size_t)n)))
        return cli_usage_error(cmd, "pictures and --layout need the analysis: drop --no-analyse");
    *first_input = optind;
    return 0;
}

static void print_error(const sg_error *err)
{
    char buf[2048];
    cli_error(NULL, sg_error_format(err, buf, sizeof(buf)));
}

static const char *default_gazetteers(void)
{
    struct stat st;
    const char *env = getenv("STAKEGRAPH_GAZETTEERS");
    if (env && *env)
        return env;
    if (stat(SG_SOURCE_GAZETTEERS, &st) == 0 && S_ISDIR(st.st_mode))
        return SG_SOURCE_GAZETTEERS;
    return SG_INSTALL_GAZETTEERS;
}

static int load_gazetteers(sg_gazetteer **out, const extract_args *a)
{
    sg_error err;
    sg_error_clear(&err);
    sg_gazetteer *gaz = NULL;
    int rc = sg_gazetteer_new(&gaz, &err);
    if (!rc && a->ngazetteers == 0)
        rc = sg_gazetteer_load_path(gaz, default_gazetteers(), &err);
    for (int i = 0; !rc && i < a->ngazetteers; i++)
        rc = sg_gazetteer_load_path(gaz, a->gazetteers[i], &err);
    if (rc) {
        print_error(&err);
        sg_gazetteer_free(gaz);
        return -1;
    }
    *out = gaz;
    return 0;
}

static int write_header(sg_output *o)
{
    FILE *f = sg_output_stream(o);
    fputs("doc\tstart\tend\tid\ttype\ttext\n", f);
    return ferror(f) ? -1 : 0;
}

/* Opens the outputs before the work starts, so that an unwritable path fails
 * at once rather than after the corpus has been read. */
/* Opens the outputs before the work starts, so that an unwritable path fails
 * at once rather than after the corpus has been read. */
static int open_outputs(const extract_args *a, mention_sink *ms)
{
    sg_error err;
    sg_error_clear(&err);
    if (cli_outputs_open(a->outs, (size_t)(a->noutputs ? a->noutputs : 1)))
        return -1;
    if (a->mentions && (sg_output_open(&ms->out, a->mentions, &err) || write_header(ms->out))) {
        if (ms->out)
            cli_error(a->mentions, strerror(errno));
        else
            print_error(&err);
        sg_output_abort(ms->out);
        ms->out = NULL;
        cli_outputs_abort(a->outs, (size_t)(a->noutputs ? a->noutputs : 1));
        return -1;
    }
    return 0;
}

/* Layout (Graphviz) when a picture is asked for, or by default for networks
 * small enough to lay out in seconds. */
enum { AUTO_LAYOUT_MAX = 20000 };

static int want_layout(const extract_args *a, const sg_graph *g)
{
    size_t n = (size_t)(a->noutputs ? a->noutputs : 1);
    if (!a->analyse || a->layout == 0)
        return cli_outputs_need_layout(a->outs, n);
    if (a->layout == 1 || cli_outputs_need_layout(a->outs, n))
        return 1;
    if (sg_graph_node_count(g) > AUTO_LAYOUT_MAX) {
        if (!a->quiet)
            fprintf(stderr,
                    "stakegraph: warning: %zu actors: no layout written (use --layout to "
                    "force it)\n",
                    sg_graph_node_count(g));
        return 0;
    }
    return 1;
}

static int finish(const extract_args *a, sg_extractor *ex, mention_sink *ms)
{
    sg_error err;
    sg_error_clear(&err);
    sg_graph *g = NULL;
    size_t n = (size_t)(a->noutputs ? a->noutputs : 1);
    int rc = 0;
    if (cli_outputs_need_graph(a->outs, n)) {
        rc = sg_extractor_graph(&g, ex, a->min_weight, &err);
        if (!rc && a->analyse)
            rc = sg_graph_analyse(g, &a->analysis, &err);
        if (!rc && want_layout(a, g))
            rc = sg_graph_layout(g, &a->render, &err);
    }
    /* the mentions are complete: check them before any output is renamed */
    if (!rc && ms->out)
        rc = sg_output_flush(ms->out, &err);
    if (rc) {
        print_error(&err);
        sg_graph_free(g);
        cli_outputs_abort(a->outs, n);
        sg_output_abort(ms->out);
        ms->out = NULL;
        return -1;
    }
    rc = cli_outputs_write(a->outs, n, g, ex, &a->render);
    sg_graph_free(g);
    if (!rc && ms->out) {
        rc = sg_output_commit(ms->out, &err);
        ms->out = NULL;
        if (rc)
            print_error(&err);
    }
    sg_output_abort(ms->out);
    ms->out = NULL;
    return rc ? -1 : 0;
}

/* The inputs on the command line and in --files-from. */
static int collect_inputs(doc_list *docs, const extract_args *a, char **args, int nargs)
{
    char **lines = NULL, **all = NULL;
    size_t n = 0;
    if (a->files_from && inputs_read_list(a->files_from, &lines, &n))
        return -1;
    int rc = -1;
    if (n > (size_t)INT_MAX - (size_t)nargs - 1) {
        cli_error(a->files_from, "too many inputs");
    } else if (!(all = calloc(n + (size_t)nargs + 1, sizeof(char *)))) {
        cli_error(NULL, "out of memory");
    } else {
        if (nargs > 0)
            memcpy(all, args, (size_t)nargs * sizeof(char *));
        if (n > 0) /* lines is NULL without --files-from */
            memcpy(all + nargs, lines, n * sizeof(char *));
        rc = inputs_collect(docs, all, nargs + (int)n, a->merge ? ".pairs" : ".txt");
    }
    for (size_t i = 0; i < n; i++)
        free(lines[i]);
    free(lines);
    free(all);
    return rc;
}

/* merge: adds every counts file to the extractor. */
static int read_counts(sg_extractor *ex, const doc_list *files)
{
    for (size_t i = 0; i < files->n; i++) {
        const char *path = files->paths[i];
        int is_stdin = !strcmp(path, "-");
        FILE *f = is_stdin ? stdin : fopen(path, "rb");
        if (!f) {
            cli_error(path, strerror(errno));
            return -1;
        }
        sg_error err;
        sg_error_clear(&err);
        int rc = sg_extractor_read_counts(ex, is_stdin ? "<stdin>" : path, f, &err);
        if (!is_stdin)
            fclose(f);
        if (rc) {
            print_error(&err);
            return -1;
        }
    }
    return 0;
}

static int run(int argc, char **argv, int merge)
{
    extract_args a;
    memset(&a, 0, sizeof(a));
    sg_extract_options_init(&a.opt);
    sg_analysis_options_init(&a.analysis);
    sg_render_options_init(&a.render);
    a.analyse = 1;
    a.layout = -1;
    a.merge = merge;
    a.gazetteers = calloc((size_t)argc + 1, sizeof(char *));
    a.outputs = calloc((size_t)argc + 1, sizeof(char *));
    if (!a.gazetteers || !a.outputs) {
        free(a.gazetteers);
        free(a.outputs);
        return EXIT_FAIL;
    }
    int first = 0, status = parse_args(&a, argc, argv, &first);
    if (status) {
        free(a.gazetteers);
        free(a.outputs);
        free(a.outs);
        return status < 0 ? EXIT_OK : status;
    }
    status = EXIT_FAIL;
    doc_list docs = {0};
    sg_gazetteer *gaz = NULL;
    sg_extractor *ex = NULL;
    mention_sink ms = {NULL, a.mentions};
    sg_error err;
    sg_error_clear(&err);
    if (load_gazetteers(&gaz, &a) || collect_inputs(&docs, &a, argv + first, argc - first))
        goto cleanup;
    if (docs.n == 0) {
        cli_error(NULL, merge ? "no counts files (directories are searched for *.pairs files)"
                              : "no input documents (directories are searched for *.txt files)");
        goto cleanup;
    }
    if (sg_extractor_new(&ex, gaz, &a.opt, &err)) {
        print_error(&err);
        goto cleanup;
    }
    if (merge) {
        if (read_counts(ex, &docs))
            goto cleanup;
        if (open_outputs(&a, &ms))
            goto cleanup;
    } else {
        if (open_outputs(&a, &ms))
            goto cleanup;
        run_plan plan = {ex,      &docs,  a.jobs ? a.jobs : workers_default_jobs(),
                         a.quiet, ms.out, a.mentions};
        if (workers_run(&plan))
            goto cleanup;
    }
    status = finish(&a, ex, &ms) ? EXIT_FAIL : EXIT_OK;
cleanup:
    cli_outputs_abort(a.outs, (size_t)(a.noutputs ? a.noutputs : 1));
    sg_output_abort(ms.out);
    sg_extractor_free(ex);
    sg_gazetteer_free(gaz);
    inputs_free(&docs);
    free(a.gazetteers);
    free(a.outputs);
    free(a.outs);
    return status;
}

int cmd_extract(int argc, char **argv)
{
    return run(argc, argv, 0);
}

int cmd_merge(int argc, char **argv)
{
    return run(argc, argv, 1);
}
