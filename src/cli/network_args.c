/* The options of extract, merge and explain: one table for the three
 * (each option says which commands take it), read into extract_args. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "network.h"

enum { EX = CMD_EXTRACT, MG = CMD_MERGE, EP = CMD_EXPLAIN };

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
    OPT_KEEP_CREDITS,
    OPT_EXACT
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
    {OPT_SEED, "seed", "N",
     "seed of the community detection and of the betweenness's sample (default 1)", EX | MG},
    {OPT_EXACT, "exact", NULL,
     "exact betweenness whatever the size (by default, above about 5e7 actors x (actors + "
     "edges), it is estimated from a sample of sources, and the network says so)",
     EX | MG},
    CLI_SKIP_OPTIONS(EX | MG),
    {OPT_BACKBONE, "backbone", "ALPHA", "keep only edges with backbone_alpha < ALPHA", EX | MG},
    {OPT_LAYOUT, "layout", NULL,
     "write x, y, size, r, g, b into the network (default: up to 5,000 actors)", EX | MG},
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

/* Applies option `c` (its value in `arg`) to the extract_args `ctx`.
 * Returns 0 or a usage error's exit status. */
static int apply_option(void *ctx, int c, const char *arg)
{
    extract_args *a = ctx;
    const char *cmd = a->merge ? "merge" : a->explain ? "explain" : "extract";
    char msg[512];
    switch (c) {
    case 'g': a->gazetteers[a->ngazetteers++] = arg; break;
    case OPT_UNIT:
        if (sg_extract_options_set_unit(&a->opt, arg)) {
            snprintf(msg, sizeof(msg),
                     "invalid --unit '%.200s' (sentence, paragraph, document or window:N)", arg);
            return cli_usage_error(cmd, msg);
        }
        break;
    case 'f': a->format = arg; break;
    case 'o': a->outputs[a->noutputs++] = arg; break;
    case OPT_MENTIONS: a->mentions = arg; break;
    case OPT_MIN_WEIGHT:
        if (parse_min_weight(arg, &a->min_weight)) {
            snprintf(msg, sizeof(msg), "invalid --min-weight '%.200s' (a number >= 0)", arg);
            return cli_usage_error(cmd, msg);
        }
        break;
    case OPT_STRICT: a->opt.strict = 1; break;
    case OPT_VARIANTS:
        if (sg_variants_parse(&a->opt.variants, arg)) {
            snprintf(msg, sizeof(msg),
                     "invalid --variants '%.200s' (all, none, or a list of function-words, "
                     "heads, inserted, region, acronym-forms, defined, interrupted, "
                     "shared-heads, fuzzy; -NAME removes one)",
                     arg);
            return cli_usage_error(cmd, msg);
        }
        break;
    case OPT_KEEP_CREDITS: a->opt.keep_furniture = 1; break;
    case OPT_NO_ANALYSE: a->analyse = 0; break;
    case OPT_EXACT: a->analysis.exact = 1; break;
    case OPT_NO_BETWEENNESS:
    case OPT_NO_PAGERANK:
    case OPT_NO_EIGENVECTOR: cli_skip_option(&a->analysis.skip, &a->render, c); break;
    case OPT_LAYOUT: a->layout = 1; break;
    case OPT_MAX_UNIT_ACTORS: {
        unsigned long v;
        if (cli_parse_seed(arg, &v) || v == 1)
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
        if (cli_render_option(&a->render, c - OPT_COLOUR_BY, arg, msg, sizeof(msg)))
            return cli_usage_error(cmd, msg);
        break;
    case OPT_SEED:
        if (cli_parse_seed(arg, &a->analysis.seed))
            return cli_usage_error(cmd, "invalid --seed (an integer from 0 to 4294967295)");
        break;
    case OPT_BACKBONE:
        if (cli_parse_alpha(arg, &a->analysis.backbone))
            return cli_usage_error(cmd,
                                   "invalid --backbone (a significance level, 0 < ALPHA <= 1)");
        break;
    case 'j': {
        unsigned long v;
        if (cli_parse_seed(arg, &v) || v < 1 || v > MAX_JOBS) {
            snprintf(msg, sizeof(msg), "invalid --jobs (1 to %d)", MAX_JOBS);
            return cli_usage_error(cmd, msg);
        }
        a->jobs = (unsigned)v;
        break;
    }
    case OPT_FILES_FROM: a->files_from = arg; break;
    case OPT_EVIDENCE: a->evidence = arg; break;
    case OPT_BIPARTITE: a->bipartite = arg; break;
    case OPT_JSONL: a->jsonl = 1; break;
    case OPT_BY_PERIOD:
        if (!strcmp(arg, "month"))
            a->by_period = SG_PERIOD_MONTH;
        else if (!strcmp(arg, "year"))
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
    if (!(a->outs = calloc((size_t)n, sizeof(sg_target *))))
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
        sg_target *b = NULL;
        char bmsg[400];
        if (cli_output_set(&b, a->bipartite, NULL, bmsg, sizeof(bmsg)))
            return cli_usage_error(cmd, bmsg);
        int network = sg_target_kind_of(b) == SG_TARGET_NETWORK;
        sg_target_free(b);
        if (!network)
            return cli_usage_error(cmd, "--bipartite writes a network (.graphml, .dot, .gexf, "
                                        ".json or a CSV directory), not a picture or counts");
    }
    for (int i = 0; a->by_period && i < n; i++) {
        sg_target_kind kind = sg_target_kind_of(a->outs[i]);
        const char *path = sg_target_path(a->outs[i]);
        if (kind == SG_TARGET_COUNTS)
            return cli_usage_error(cmd, "--by-period does not apply to partial counts (-f pairs): "
                                        "extract each period's documents as a shard instead");
        struct stat st;
        int special = !strcmp(path, "-") ||
                      (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode));
        if (special && strcmp(sg_target_format(a->outs[i]), "gexf"))
            return cli_usage_error(cmd, "--by-period writes one file per period beside the "
                                        "output: give -o FILE, not standard output or a "
                                        "device (or -f gexf, which holds the periods)");
    }
    return 0;
}

int network_parse(network_run *r, int cmd, int argc, char **argv, int *first)
{
    extract_args *a = &r->a;
    sg_extract_options_init(&a->opt);
    sg_analysis_options_init(&a->analysis);
    sg_render_options_init(&a->render);
    a->analyse = 1;
    a->layout = -1;
    a->merge = cmd == CMD_MERGE;
    a->explain = cmd == CMD_EXPLAIN;
    a->gazetteers = calloc((size_t)argc + 1, sizeof(char *));
    a->outputs = calloc((size_t)argc + 1, sizeof(char *));
    if (!a->gazetteers || !a->outputs)
        return cli_usage_error(commands[0].name, "out of memory");
    const cli_command *c = &commands[a->merge ? 1 : a->explain ? 2 : 0];
    int rc = cli_parse_options(c, argc, argv, apply_option, a);
    if (!rc)
        rc = check_args(a, argc, argv, c->name);
    if (!rc)
        *first = optind;
    a->opt.record_documents = a->bipartite != NULL;
    return rc;
}
