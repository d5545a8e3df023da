/* stakegraph extract: documents -> co-occurrence network (SPEC §7). */
#include <errno.h>
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
    int explain;            /* stakegraph explain A B INPUT... */
    const char *files_from; /* a file listing inputs, one a line */
    const char *evidence;   /* --evidence FILE */
    const char *bipartite;  /* --bipartite FILE */
    int jsonl;              /* --jsonl: the inputs are JSON Lines corpora */
    sg_period_unit by_period;
    const char *explain_a, *explain_b;
} extract_args;

/* The outputs besides the networks: streamed rows, the bipartite graph. */
typedef struct {
    sg_output *mentions, *evidence;
    sg_evidence_format evidence_format;
    cli_output bipartite; /* .out NULL when not asked for */
} sinks;

/* The commands that share these options: extract, merge, explain. */
enum { EX = 1, MG = 2, EP = 4 };

/* The options of extract, merge and explain (getopt_long's values). */
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
    OPT_MAX_UNIT_ACTORS,
    OPT_FILES_FROM,
    OPT_EVIDENCE,
    OPT_BIPARTITE,
    OPT_JSONL,
    OPT_BY_PERIOD,
    OPT_VARIANTS,
    OPT_KEEP_CREDITS
};

static const cli_option options[] = {
    {OPT_JSONL, "jsonl", NULL,
     "the INPUTs are JSON Lines corpora (directories: *.jsonl): one document a line, "
     "{\"id\", \"text\", \"date\", \"source\", \"url\", ...}; the name is the id; a bad "
     "line is reported and skipped, the others are processed (exit status 1)",
     EX | EP},
    {'g', "gazetteer", "PATH",
     "a gazetteer TSV file or a directory of *.tsv files (repeatable; default: the bundled "
     "gazetteers); merge checks that the shards were extracted with the same",
     0},
    {OPT_UNIT, "unit", "UNIT",
     "sentence (default), paragraph, document or window:N (blocks of N words, never across "
     "a paragraph)",
     EX | EP},
    {'f', "format", "FMT",
     "graphml, dot, gexf, json (networkx node-link), csv (-o DIR: DIR/nodes.csv and "
     "DIR/edges.csv), svg, png, pdf or pairs, for a single output (default: from -o's "
     "extension, else graphml)",
     EX | MG},
    {'o', "output", "FILE",
     "where to write the network (.graphml, .dot, .gexf, .json), its picture (.svg, .png, "
     ".pdf) or the partial counts for 'stakegraph merge' (.pairs); repeatable (default: "
     "standard output)",
     EX | MG},
    {'j', "jobs", "N", "threads (default: all cores); the output is the same", EX | EP},
    {OPT_FILES_FROM, "files-from", "FILE",
     "also read the inputs' paths from FILE, one a line (- for standard input), as "
     "map-reduce engines hand them out",
     0},
    {OPT_MENTIONS, "mentions", "FILE",
     "also write every mention as TSV: doc start end id type text match (exact, folded, "
     "variant, acronym, surname, fuzzy or pattern: how it matched)",
     EX},
    {OPT_EVIDENCE, "evidence", "FILE",
     "also write, for every edge and unit, the document, the unit's bytes, both mentions and "
     "a snippet (TSV; JSON Lines when FILE ends in .jsonl)",
     EX},
    {OPT_BIPARTITE, "bipartite", "FILE", "also write the actor-document graph (format from FILE)",
     EX},
    {OPT_BY_PERIOD, "by-period", "month|year",
     "(--jsonl, with dates) also write one network per period beside each output "
     "(net.graphml: net.2024.graphml, ...); a GEXF output gets the periods as spells instead",
     EX},
    {OPT_MIN_WEIGHT, "min-weight", "N", "keep only edges with weight >= N (nodes are kept)",
     EX | MG},
    {OPT_STRICT, "strict", NULL, "invalid UTF-8 is an error instead of a warning", EX | EP},
    {OPT_VARIANTS, "variants", "LIST",
     "the variants of names to match: all (default), none, or a list of function-words, "
     "heads, inserted, region, acronym-forms, defined, interrupted, shared-heads, fuzzy; "
     "-NAME removes one ('-fuzzy': all but fuzzy)",
     EX | EP},
    {OPT_KEEP_CREDITS, "keep-credits", NULL,
     "also match in credits, bylines and page furniture ('Photo : X', 'Par X Y', 'Lire "
     "aussi'), left out by default",
     EX | EP},
    {OPT_MAX_UNIT_ACTORS, "max-unit-actors", "N",
     "in a unit naming more than N actors (a list, a table), pair each only with the next "
     "N-1 (default 50; 0 = no limit)",
     EX | EP},
    {OPT_NO_ANALYSE, "no-analyse|no-analyze", NULL, "no centralities, communities or layout",
     EX | MG},
    {OPT_SEED, "seed", "N", "seed of the community detection (default 1)", EX | MG},
    {OPT_BACKBONE, "backbone", "ALPHA", "keep only edges with backbone_alpha < ALPHA", EX | MG},
    {OPT_LAYOUT, "layout", NULL,
     "write x, y, size, r, g, b into the network (default: up to 20,000 actors)", EX | MG},
    {OPT_NO_LAYOUT, "no-layout", NULL, "no x, y, size, r, g, b, whatever the size", EX | MG},
    CLI_PICTURE_OPTIONS(EX | MG),
    {'q', "quiet", NULL, "no warnings, no progress", 0},
    {0, NULL, NULL, NULL, 0}};

static const cli_command commands[] = {
    {"extract", EX,
     "usage: stakegraph extract [-g PATH]... [--unit UNIT] [-f FORMAT] [-o FILE]...\n"
     "                          [--mentions FILE] [--min-weight N] [--strict] [-q]\n"
     "                          [analysis and picture options] INPUT...\n"
     "\n"
     "Finds the gazetteers' entities in the INPUT documents and writes the network of\n"
     "entities that co-occur in the same unit of text. INPUT: a text file, a directory\n"
     "(every *.txt inside, recursively) or - for standard input; the document name is\n"
     "the path.\n"
     "\n",
     "\nOutputs are written completely or not at all. Exit status: 0 success,\n"
     "1 failure, 2 usage error.\n",
     NULL, options},
    {"merge", MG,
     "usage: stakegraph merge [-g PATH]... [-f FORMAT] [-o FILE]... [--min-weight N] [-q]\n"
     "                        [analysis and picture options] COUNTS...\n"
     "\n"
     "Adds up the partial counts written by 'stakegraph extract -f pairs' on shards of a\n"
     "corpus and writes the network, byte for byte the one a single 'extract' over the\n"
     "whole corpus writes (SPEC §13). COUNTS are files or - for standard input; a file\n"
     "may hold several shards' counts concatenated, their lines in any order.\n"
     "\n",
     NULL,
     "merge reads counts files, which hold the unit and the limit: the options about the "
     "text belong to extract",
     options},
    {"explain", EP,
     "usage: stakegraph explain [-g PATH]... [--unit UNIT] [--jsonl] [-j N] A B INPUT...\n"
     "\n"
     "Prints every unit of text (sentence by default) of the INPUT documents that names\n"
     "both actors A and B: the evidence for the edge between them, one line each,\n"
     "'document:line: text', after a summary line. A and B are gazetteer ids or names\n"
     "(\"AP-HM\", \"Thierry Schifano\").\n"
     "\n",
     "\nExit status: 0 (also when no unit names both), 1 failure (an unknown actor),\n"
     "2 usage error.\n",
     "it prints the units", options}};

/* --min-weight: a number from 0 to 1e15. 0, or -1 when it is none. */
static int parse_min_weight(const char *arg, double *out)
{
    char *end = NULL;
    errno = 0;
    *out = strtod(arg, &end);
    return errno || end == arg || *end || !(*out >= 0) || *out > 1e15 ? -1 : 0;
}

/* Applies option `c` (its value in `optarg`) to the extract_args `ctx`.
 * Returns 0 or a usage error's exit status. */
static int apply_option(void *ctx, int c, const char *optarg)
{
    extract_args *a = ctx;
    const char *cmd = a->merge ? "merge" : a->explain ? "explain" : "extract";
    char msg[512];
    switch (c) {
    case 'g': a->gazetteers[a->ngazetteers++] = optarg; break;
    case OPT_UNIT:
        if (sg_extract_options_set_unit(&a->opt, optarg)) {
            snprintf(msg, sizeof(msg),
                     "invalid --unit '%.200s' (sentence, paragraph, document or window:N)", optarg);
            return cli_usage_error(cmd, msg);
        }
        break;
    case 'f': a->format = optarg; break;
    case 'o': a->outputs[a->noutputs++] = optarg; break;
    case OPT_MENTIONS: a->mentions = optarg; break;
    case OPT_MIN_WEIGHT:
        if (parse_min_weight(optarg, &a->min_weight)) {
            snprintf(msg, sizeof(msg), "invalid --min-weight '%.200s' (a number >= 0)", optarg);
            return cli_usage_error(cmd, msg);
        }
        break;
    case OPT_STRICT: a->opt.strict = 1; break;
    case OPT_VARIANTS:
        if (sg_variants_parse(&a->opt.variants, optarg)) {
            snprintf(msg, sizeof(msg),
                     "invalid --variants '%.200s' (all, none, or a list of function-words, "
                     "heads, inserted, region, acronym-forms, defined, interrupted, "
                     "shared-heads, fuzzy; -NAME removes one)",
                     optarg);
            return cli_usage_error(cmd, msg);
        }
        break;
    case OPT_KEEP_CREDITS: a->opt.keep_furniture = 1; break;
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
    case OPT_EVIDENCE: a->evidence = optarg; break;
    case OPT_BIPARTITE: a->bipartite = optarg; break;
    case OPT_JSONL: a->jsonl = 1; break;
    case OPT_BY_PERIOD:
        if (!strcmp(optarg, "month"))
            a->by_period = SG_PERIOD_MONTH;
        else if (!strcmp(optarg, "year"))
            a->by_period = SG_PERIOD_YEAR;
        else
            return cli_usage_error(cmd, "invalid --by-period (month or year)");
        break;
    case 'q': a->quiet = 1; break;
    }
    return 0;
}

/* What the options say together, once all are read: the inputs, the outputs
 * and their formats, periods, the bipartite network. Returns 0 or a usage
 * error's exit status; optind moves past explain's two actors. */
static int check_args(extract_args *a, int argc, char **argv, const char *cmd)
{
    if (a->explain) {
        if (argc - optind < 2)
            return cli_usage_error(cmd, "give two actors (ids or names), then the inputs");
        a->explain_a = argv[optind++];
        a->explain_b = argv[optind++];
    }
    if (a->by_period && !a->jsonl)
        return cli_usage_error(cmd, "--by-period needs dated documents: a JSON Lines corpus "
                                    "(--jsonl) with a \"date\" field");
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
    if (a->bipartite) {
        cli_output b;
        char bmsg[400];
        if (cli_output_set(&b, a->bipartite, NULL, bmsg, sizeof(bmsg)))
            return cli_usage_error(cmd, bmsg);
        if (b.counts || b.picture)
            return cli_usage_error(cmd, "--bipartite writes a network (.graphml, .dot, .gexf, "
                                        ".json or a CSV directory), not a picture or counts");
    }
    for (int i = 0; a->by_period && i < n; i++) {
        if (a->outs[i].counts)
            return cli_usage_error(cmd, "--by-period does not apply to partial counts (-f pairs): "
                                        "extract each period's documents as a shard instead");
        struct stat st;
        int special =
            !strcmp(a->outs[i].path, "-") ||
            (stat(a->outs[i].path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode));
        if (special && (a->outs[i].format != SG_FORMAT_GEXF || a->outs[i].picture))
            return cli_usage_error(cmd, "--by-period writes one file per period beside the "
                                        "output: give -o FILE, not standard output or a "
                                        "device (or -f gexf, which holds the periods)");
    }
    return 0;
}

static int parse_args(extract_args *a, int argc, char **argv, int *first_input)
{
    const cli_command *cmd = &commands[a->merge ? 1 : a->explain ? 2 : 0];
    int rc = cli_parse_options(cmd, argc, argv, apply_option, a);
    if (!rc)
        rc = check_args(a, argc, argv, cmd->name);
    if (!rc)
        *first_input = optind;
    return rc;
}

const char *cli_default_gazetteers(void)
{
    struct stat st;
    const char *env = getenv("STAKEGRAPH_GAZETTEERS");
    if (env && *env)
        return env;
    /* an installed binary (PREFIX/bin/stakegraph) uses PREFIX/share/stakegraph/gazetteers,
     * wherever the prefix was moved to */
    static char installed[PATH_MAX];
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            int k = snprintf(installed, sizeof(installed), "%.*s/../share/stakegraph/gazetteers",
                             (int)(sizeof(installed) - 64), exe);
            if (k > 0 && (size_t)k < sizeof(installed) && stat(installed, &st) == 0 &&
                S_ISDIR(st.st_mode))
                return installed;
        }
    }
    if (stat(SG_SOURCE_GAZETTEERS, &st) == 0 && S_ISDIR(st.st_mode))
        return SG_SOURCE_GAZETTEERS;
    return SG_INSTALL_GAZETTEERS;
}

int cli_gazetteers_load(sg_gazetteer **out, const char *const *paths, int n, sg_error *err)
{
    sg_gazetteer *gaz = NULL;
    int rc = sg_gazetteer_new(&gaz, err);
    if (!rc && n == 0)
        rc = sg_gazetteer_load_path(gaz, cli_default_gazetteers(), err);
    for (int i = 0; !rc && i < n; i++)
        rc = sg_gazetteer_load_path(gaz, paths[i], err);
    if (rc) {
        sg_gazetteer_free(gaz);
        return rc;
    }
    *out = gaz;
    return 0;
}

static int load_gazetteers(sg_gazetteer **out, const extract_args *a)
{
    sg_error err;
    sg_error_clear(&err);
    if (cli_gazetteers_load(out, a->gazetteers, a->ngazetteers, &err)) {
        cli_print_error(&err, NULL);
        return -1;
    }
    return 0;
}

static int write_header(sg_output *o)
{
    FILE *f = sg_output_stream(o);
    fputs("doc\tstart\tend\tid\ttype\ttext\tmatch\n", f);
    return ferror(f) ? -1 : 0;
}

static void sinks_abort(sinks *sk)
{
    sg_output_abort(sk->mentions);
    sg_output_abort(sk->evidence);
    sg_output_abort(sk->bipartite.out);
    sk->mentions = sk->evidence = sk->bipartite.out = NULL;
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !strcmp(s + n - k, suffix);
}

static int write_evidence_header(sg_output *o)
{
    FILE *f = sg_output_stream(o);
    fputs(sg_evidence_header(SG_EVIDENCE_TSV), f);
    return ferror(f) ? -1 : 0;
}

/* Opens a row output and writes its header; prints the error on failure. */
static int open_rows(sg_output **o, const char *path, int (*head)(sg_output *))
{
    sg_error err;
    sg_error_clear(&err);
    if (sg_output_open(o, path, &err)) {
        cli_print_error(&err, NULL);
        return -1;
    }
    if (head && head(*o)) {
        cli_error(path, strerror(errno ? errno : EIO));
        return -1;
    }
    return 0;
}

/* Opens the outputs before the work starts, so that an unwritable path fails
 * at once rather than after the corpus has been read. */
static int open_outputs(const extract_args *a, sinks *sk)
{
    size_t n = (size_t)(a->noutputs ? a->noutputs : 1);
    if (cli_outputs_open(a->outs, n))
        return -1;
    int rc = 0;
    if (a->mentions)
        rc = open_rows(&sk->mentions, a->mentions, write_header);
    if (!rc && a->evidence) {
        int jl = has_suffix(a->evidence, ".jsonl") || has_suffix(a->evidence, ".json");
        sk->evidence_format = jl ? SG_EVIDENCE_JSONL : SG_EVIDENCE_TSV;
        rc = open_rows(&sk->evidence, a->evidence, jl ? NULL : write_evidence_header);
    }
    if (!rc && a->bipartite) {
        char msg[400];
        cli_output_set(&sk->bipartite, a->bipartite, NULL, msg, sizeof(msg)); /* checked */
        rc = cli_outputs_open(&sk->bipartite, 1);
    }
    if (rc) {
        sinks_abort(sk);
        cli_outputs_abort(a->outs, n);
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

/* "out/net.graphml" for period "2024": "out/net.2024.graphml"; a name
 * without an extension (a CSV directory) gets ".2024" at the end. */
static char *period_path(const char *path, const char *label)
{
    size_t len = strlen(path);
    while (len > 1 && path[len - 1] == '/') /* "tables/" is the directory "tables" */
        len--;
    const char *base = path;
    for (size_t i = 0; i < len; i++)
        if (path[i] == '/')
            base = path + i + 1;
    const char *dot = NULL;
    for (const char *q = base; q < path + len; q++)
        if (*q == '.')
            dot = q;
    size_t cut = dot && dot != base ? (size_t)(dot - path) : len;
    size_t n = len + strlen(label) + 2;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%.*s.%s%.*s", (int)cut, path, label, (int)(len - cut), path + cut);
    return s;
}

/* A network's analysis and (when wanted) layout. */
static int prepare(sg_graph *g, const extract_args *a, sg_error *err)
{
    int rc = 0;
    if (a->analyse)
        rc = sg_graph_analyse(g, &a->analysis, err);
    if (!rc && want_layout(a, g))
        rc = sg_graph_layout(g, &a->render, err);
    return rc;
}

/* The network of `ex` with its analysis and (when wanted) layout. */
static int network(sg_graph **g, const extract_args *a, const sg_extractor *ex, sg_error *err)
{
    int rc = sg_extractor_graph(g, ex, a->min_weight, err);
    return rc ? rc : prepare(*g, a, err);
}

typedef struct {
    cli_output *o; /* every network output: the main ones, then one per output and period,
                      then the bipartite graph */
    const sg_graph **g;
    const sg_timeline **tl;
    char **paths; /* the per-period paths (owned) */
    size_t n;
} output_plan;

/* The output's files now belong to a copy of it. */
static void disown(cli_output *o)
{
    o->out = o->edges_out = NULL;
    o->csv_paths[0] = o->csv_paths[1] = NULL;
    o->made_dir = 0;
}

static int plan_add(output_plan *op, const cli_output *o, const sg_graph *g, const sg_timeline *tl)
{
    op->o[op->n] = *o;
    op->g[op->n] = g;
    op->tl[op->n] = tl;
    op->n++;
    return 0;
}

static int finish(extract_args *a, sg_extractor *ex, sinks *sk, sg_run_result *res)
{
    sg_error err;
    sg_error_clear(&err);
    size_t n = (size_t)(a->noutputs ? a->noutputs : 1), np = res->nperiods;
    int need = cli_outputs_need_graph(a->outs, n), rc = 0;
    sg_graph *g = NULL, *bip = NULL;
    sg_graph **pg = res->graphs;
    char **labels = res->labels;
    size_t cap = n * (np + 1) + 2;
    output_plan op = {calloc(cap, sizeof(cli_output)), calloc(cap, sizeof(sg_graph *)),
                      calloc(cap, sizeof(sg_timeline *)), calloc(cap, sizeof(char *)), 0};
    const sg_timeline *tl = &res->timeline;
    if (!op.o || !op.g || !op.tl || !op.paths) {
        cli_error(NULL, "out of memory");
        free(op.o);
        free((void *)op.g);
        free((void *)op.tl);
        free(op.paths);
        return -1;
    }
    /* each period's network (made by the run) analysed and laid out */
    for (size_t k = 0; !rc && need && k < np; k++)
        rc = prepare(pg[k], a, &err);
    if (!rc && need)
        rc = network(&g, a, ex, &err);
    if (!rc && sk->bipartite.out)
        rc = sg_extractor_bipartite(&bip, ex, &err);
    /* the rows are complete: check them before any output is renamed */
    if (!rc && sk->mentions)
        rc = sg_output_flush(sk->mentions, &err);
    if (!rc && sk->evidence)
        rc = sg_output_flush(sk->evidence, &err);
    if (rc)
        cli_print_error(&err, NULL);
    /* every output in one list, opened, written, flushed, then renamed */
    for (size_t i = 0; !rc && i < n; i++) {
        plan_add(&op, &a->outs[i], g, a->outs[i].format == SG_FORMAT_GEXF && np ? tl : NULL);
        disown(&a->outs[i]); /* op owns it now */
    }
    size_t first_period = op.n;
    for (size_t i = 0; !rc && i < n; i++) {
        if (a->outs[i].counts || (a->outs[i].format == SG_FORMAT_GEXF && !a->outs[i].picture))
            continue;
        for (size_t k = 0; !rc && k < np; k++) {
            cli_output po = a->outs[i]; /* the same kind as the output it stands beside */
            char *path = period_path(a->outs[i].path, labels[k]);
            op.paths[op.n] = path;
            if (!path) {
                cli_error(NULL, "out of memory");
                rc = -1;
                break;
            }
            disown(&po);
            po.path = path;
            plan_add(&op, &po, pg[k], NULL);
        }
    }
    if (!rc && op.n > first_period)
        rc = cli_outputs_open(op.o + first_period, op.n - first_period) ? -1 : 0;
    if (!rc && sk->bipartite.out) {
        plan_add(&op, &sk->bipartite, bip, NULL);
        disown(&sk->bipartite);
    }
    for (size_t i = 0; !rc && i < op.n; i++)
        rc = cli_outputs_emit(&op.o[i], 1, op.g[i], ex, &a->render, op.tl[i]);
    if (!rc) {
        sg_output *rows[2] = {sk->mentions, sk->evidence};
        sk->mentions = sk->evidence = NULL;
        rc = cli_outputs_commit(op.o, op.n, rows, 2);
    }
    if (op.o)
        cli_outputs_abort(op.o, op.n);
    for (size_t i = 0; op.paths && i < op.n; i++)
        free(op.paths[i]);
    free(op.o);
    free((void *)op.g);
    free((void *)op.tl);
    free(op.paths);
    sg_graph_free(g);
    sg_graph_free(bip);
    return rc ? -1 : 0;
}

/* A list of counts files (merge). */
typedef struct {
    char **paths;
    size_t n;
} file_list;

static void files_free(file_list *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->paths[i]);
    free(f->paths);
    memset(f, 0, sizeof(*f));
}

static int cmp_path(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* merge: each argument expanded on its own and the lists joined (sorted,
 * repeats kept), so that a file named twice, under one name or two, is
 * found by read_counts alone (device and inode) and warned about. */
static int collect_each(file_list *files, char *const *args, size_t nargs, int quiet)
{
    for (size_t i = 0; i < nargs; i++) {
        sg_corpus *one = NULL;
        if (cli_corpus(&one, SG_CORPUS_TEXT, ".pairs", args + i, 1, quiet))
            return -1;
        sg_corpus_seal(one, NULL); /* (text files: sorting only) */
        size_t n = sg_corpus_files(one);
        char **p = realloc(files->paths, (files->n + n + 1) * sizeof(char *));
        if (p)
            files->paths = p;
        for (size_t k = 0; p && k < n; k++)
            if ((p[files->n] = strdup(sg_corpus_file(one, k))))
                files->n++;
            else
                p = NULL;
        sg_corpus_free(one);
        if (!p) {
            cli_error(NULL, "out of memory");
            return -1;
        }
    }
    if (files->n > 1)
        qsort(files->paths, files->n, sizeof(char *), cmp_path);
    return 0;
}

/* The inputs on the command line and in --files-from: a corpus, or (merge)
 * a list of counts files. */
static int collect_inputs(sg_corpus **corpus, file_list *files, const extract_args *a, char **args,
                          int nargs)
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
        rc = a->merge ? collect_each(files, all, (size_t)nargs + n, a->quiet)
                      : cli_corpus(corpus, a->jsonl ? SG_CORPUS_JSONL : SG_CORPUS_TEXT, NULL, all,
                                   (size_t)nargs + n, a->quiet);
    }
    for (size_t i = 0; i < n; i++)
        free(lines[i]);
    free(lines);
    free(all);
    return rc;
}

/* merge: the files read so far, by device and inode (regular files only:
 * a pipe or terminal read twice would just be empty), in a hash set. */
typedef struct {
    dev_t dev;
    ino_t ino;
    const char *path; /* NULL: empty slot */
} file_id;

static const char *seen_before(file_id *set, size_t mask, const struct stat *st, const char *path)
{
    size_t h = ((size_t)st->st_ino * 2654435761u ^ (size_t)st->st_dev) & mask;
    for (; set[h].path; h = (h + 1) & mask)
        if (set[h].dev == st->st_dev && set[h].ino == st->st_ino)
            return set[h].path;
    set[h] = (file_id){st->st_dev, st->st_ino, path};
    return NULL;
}

/* After a sum overflowed with the counts read before: names their files. */
static void name_earlier(sg_error *err, const char *const *done, size_t n)
{
    size_t len = strlen(err->message);
    for (size_t k = 0; k < n && k < 3 && len < sizeof(err->message); k++)
        len += (size_t)snprintf(err->message + len, sizeof(err->message) - len, "%s%s",
                                k ? ", " : " (", done[k]);
    if (n > 3 && len < sizeof(err->message))
        len += (size_t)snprintf(err->message + len, sizeof(err->message) - len, " and %zu more",
                                n - 3);
    if (len < sizeof(err->message))
        snprintf(err->message + len, sizeof(err->message) - len, ")");
}

/* merge: adds every counts file to the extractor, each file once (the same
 * file under two names, a link, or twice in a directory list is read once,
 * with a warning); a network output is refused when a weight is over 2^53. */
static int read_counts(sg_extractor *ex, const file_list *files, const extract_args *a)
{
    size_t mask = 15;
    while (mask < 2 * files->n)
        mask = mask * 2 + 1;
    file_id *set = calloc(mask + 1, sizeof(file_id));
    const char **done = calloc(files->n + 1, sizeof(char *));
    size_t ndone = 0;
    int rc = -1, stdin_read = 0;
    if (!set || !done) {
        cli_error(NULL, "out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < files->n; i++) {
        const char *path = files->paths[i], *same = NULL;
        int is_stdin = !strcmp(path, "-");
        FILE *f = is_stdin ? stdin : fopen(path, "rb");
        struct stat st;
        if (!f) {
            cli_error(path, strerror(errno));
            goto cleanup;
        }
        if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode))
            same = seen_before(set, mask, &st, path);
        else if (is_stdin && stdin_read)
            same = path;
        stdin_read |= is_stdin;
        if (same) {
            if (!a->quiet)
                fprintf(stderr, "stakegraph: warning: %s: same file as %s; read once\n", path,
                        same);
            if (!is_stdin)
                fclose(f);
            continue;
        }
        sg_error err;
        sg_error_clear(&err);
        int bad = sg_extractor_read_counts(ex, is_stdin ? "<stdin>" : path, f, &err);
        if (!is_stdin)
            fclose(f);
        if (bad) {
            if (bad == SG_ERR_LIMIT && err.line == 0)
                name_earlier(&err, done, ndone);
            cli_print_error(&err, NULL);
            goto cleanup;
        }
        done[ndone++] = path;
    }
    rc = 0; /* (counts past 2^53 are refused by sg_extractor_graph, before any output) */
cleanup:
    free(set);
    free(done);
    return rc;
}

/* explain: an actor given on the command line, by id or by a name the
 * gazetteers match as a whole ("AP-HM", "Thierry Schifano"). */
typedef struct {
    const char *id;
    size_t len;
} found_actor;

static int on_found_whole(const sg_mention *m, void *ctx)
{
    found_actor *f = ctx;
    if (m->start == 0 && m->end == f->len)
        f->id = m->id; /* the gazetteer's string: outlives the callback */
    return 0;
}

static long find_actor(const sg_gazetteer *gaz, const sg_extractor *ex, const char *arg)
{
    long i = sg_gazetteer_find(gaz, arg);
    if (i >= 0)
        return i;
    sg_extractor *f = NULL;
    sg_error err;
    size_t len = strlen(arg);
    found_actor fa = {NULL, len}; /* the mention must cover the whole argument */
    if (sg_extractor_fork(&f, ex, &err))
        return -1;
    sg_extractor_on_mention(f, on_found_whole, &fa);
    i = -1;
    if (sg_extractor_add(f, "<argument>", arg, len, &err) == 0 && fa.id)
        i = sg_gazetteer_find(gaz, fa.id);
    sg_extractor_free(f);
    return i;
}

static const char *unit_word(const sg_extract_options *opt, size_t n)
{
    return sg_unit_name(opt->unit, n != 1);
}

/* explain: the summary, then every unit naming both actors. */
static int explain(const extract_args *a, const sg_gazetteer *gaz, sg_extractor *ex,
                   sg_corpus *corpus)
{
    long x = find_actor(gaz, ex, a->explain_a), y = find_actor(gaz, ex, a->explain_b);
    if (x < 0 || y < 0) {
        char what[400];
        snprintf(what, sizeof(what),
                 "'%.200s' is neither an id nor a name in the gazetteers (see 'stakegraph "
                 "extract --mentions' for the names matched)",
                 x < 0 ? a->explain_a : a->explain_b);
        cli_error("explain", what);
        return -1;
    }
    if (x == y) {
        cli_error("explain", "the two actors are the same: give two different ones");
        return -1;
    }
    const char *ia = sg_gazetteer_id(gaz, (size_t)x), *ib = sg_gazetteer_id(gaz, (size_t)y);
    if (strcmp(ia, ib) > 0) {
        const char *t = ia;
        ia = ib;
        ib = t;
        long u = x;
        x = y;
        y = u;
    }
    cli_report r = {0};
    r.quiet = a->quiet;
    r.explain_a = ia;
    r.explain_b = ib;
    sg_run_result res;
    int rc = cli_run(&r, ex, corpus, a->jobs, SG_PERIOD_NONE, 0, 1, &res);
    if (!rc) {
        printf("%s (%s) and %s (%s): %zu %s in %zu document%s\n",
               sg_gazetteer_label(gaz, (size_t)x), ia, sg_gazetteer_label(gaz, (size_t)y), ib,
               r.explain_units, unit_word(&a->opt, r.explain_units), r.explain_docs,
               r.explain_docs == 1 ? "" : "s");
        if (r.explain_len)
            fwrite(r.explain_text, 1, r.explain_len, stdout);
        if (fflush(stdout) || ferror(stdout)) {
            cli_error("<stdout>", strerror(errno ? errno : EIO));
            rc = -1;
        }
    }
    size_t skipped = res.skipped;
    cli_report_free(&r);
    sg_run_result_free(&res);
    return rc || skipped ? -1 : 0;
}

/* extract: runs the corpus, the rows going to their outputs. */
static int count(const extract_args *a, sg_extractor *ex, sg_corpus *corpus, const sinks *sk,
                 cli_report *r, sg_run_result *res)
{
    r->quiet = a->quiet;
    r->mentions = sk->mentions;
    r->mentions_path = a->mentions;
    r->evidence = sk->evidence;
    r->evidence_path = a->evidence;
    r->evidence_format = sk->evidence_format;
    int need = cli_outputs_need_graph(a->outs, (size_t)(a->noutputs ? a->noutputs : 1));
    if (cli_run(r, ex, corpus, a->jobs, a->by_period, need, a->min_weight, res))
        return -1;
    if (a->by_period && res->undated && !a->quiet)
        fprintf(stderr,
                "stakegraph: warning: %zu document%s without a date (or without a month): "
                "only in the whole network\n",
                res->undated, res->undated == 1 ? "" : "s");
    return 0;
}

static int run(int argc, char **argv, int mode)
{
    extract_args a;
    memset(&a, 0, sizeof(a));
    sg_extract_options_init(&a.opt);
    sg_analysis_options_init(&a.analysis);
    sg_render_options_init(&a.render);
    a.analyse = 1;
    a.layout = -1;
    a.merge = mode == 1;
    a.explain = mode == 2;
    int merge = a.merge;
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
    a.opt.record_documents = a.bipartite != NULL;
    status = EXIT_FAIL;
    sg_corpus *corpus = NULL;
    file_list files = {0};
    sg_gazetteer *gaz = NULL;
    sg_extractor *ex = NULL;
    sinks sk;
    memset(&sk, 0, sizeof(sk));
    cli_report r = {0};
    sg_run_result res;
    memset(&res, 0, sizeof(res));
    sg_error err;
    sg_error_clear(&err);
    if (load_gazetteers(&gaz, &a) ||
        collect_inputs(&corpus, &files, &a, argv + first, argc - first))
        goto cleanup;
    if (corpus && sg_corpus_seal(corpus, &err)) {
        cli_print_error(&err, NULL);
        goto cleanup;
    }
    if (merge ? files.n == 0 : sg_corpus_files(corpus) == 0) {
        cli_error(NULL, merge     ? "no counts files (directories are searched for *.pairs files)"
                        : a.jsonl ? "no input corpus (directories are searched for *.jsonl files)"
                                  : "no input documents (directories are searched for *.txt "
                                    "files)");
        goto cleanup;
    }
    if (sg_extractor_new(&ex, gaz, &a.opt, &err)) {
        cli_print_error(&err, NULL);
        goto cleanup;
    }
    if (a.explain) {
        status = explain(&a, gaz, ex, corpus) ? EXIT_FAIL : EXIT_OK;
        goto cleanup;
    }
    if (merge) {
        if (read_counts(ex, &files, &a))
            goto cleanup;
        if (open_outputs(&a, &sk))
            goto cleanup;
    } else if (open_outputs(&a, &sk) || count(&a, ex, corpus, &sk, &r, &res)) {
        goto cleanup;
    }
    status = finish(&a, ex, &sk, &res) ? EXIT_FAIL : EXIT_OK;
    if (status == EXIT_OK && res.skipped) {
        fprintf(stderr, "stakegraph: %zu line%s of the JSON Lines input skipped (see above)\n",
                res.skipped, res.skipped == 1 ? "" : "s");
        status = EXIT_FAIL;
    }
cleanup:
    cli_outputs_abort(a.outs, (size_t)(a.noutputs ? a.noutputs : 1));
    sinks_abort(&sk);
    cli_report_free(&r);
    sg_run_result_free(&res);
    sg_extractor_free(ex);
    sg_gazetteer_free(gaz);
    sg_corpus_free(corpus);
    files_free(&files);
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

int cmd_explain(int argc, char **argv)
{
    return run(argc, argv, 2);
}
