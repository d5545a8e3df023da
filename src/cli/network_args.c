/* The options of extract, merge and explain: one table for the three
 * (each option says which commands take it), read into extract_args. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    OPT_EXACT,
    OPT_DISCOVER,
    OPT_NO_DISCOVER
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
     "DIR/edges.csv), svg, png, pdf, html or pairs, for a single output (default: from -o's "
     "extension, else graphml)",
     EX | MG},
    {'o', "output", "FILE",
     "where to write the network (.graphml, .dot, .gexf, .json), its picture (.svg, .png, "
     ".pdf), its interactive view (.html) or the partial counts for 'stakegraph merge' "
     "(.pairs); repeatable (default: standard output)",
     EX | MG},
    {'j', "jobs", "N",
     "threads (default: all cores; 1: also no second process for a sampled betweenness); "
     "the output is the same",
     EX | EP},
    {OPT_FILES_FROM, "files-from", "FILE",
     "also read the inputs' paths from FILE, one a line (- for standard input), as "
     "map-reduce engines hand them out",
     0},
    {OPT_MENTIONS, "mentions", "FILE",
     "also write every mention as TSV: doc start end id type text match (exact, folded, "
     "variant, acronym, surname, fuzzy, pattern, known, short or found: how it matched)",
     EX},
    {OPT_EVIDENCE, "evidence", "FILE",
     "also write, for every edge and unit, the document, the unit's bytes, both mentions and "
     "a snippet (TSV; JSON Lines when FILE ends in .jsonl)",
     EX},
    {OPT_BIPARTITE, "bipartite", "FILE", "also write the actor-document graph (format from FILE)",
     EX},
    {OPT_BY_PERIOD, "by-period", "month|year",
     "(--jsonl, with dates) also write one network per period beside each output "
     "(net.graphml: net.2024.graphml, ...); a GEXF output gets the periods as spells, an HTML "
     "view a period slider, instead",
     EX},
    {OPT_MIN_WEIGHT, "min-weight", "N", "keep only edges with weight >= N (nodes are kept)",
     EX | MG},
    {OPT_STRICT, "strict", NULL, "invalid UTF-8 is an error instead of a warning", EX | EP},
    {OPT_VARIANTS, "variants", "LIST",
     "the variants of names to match: all (default), none, or a list of function-words, "
     "heads, inserted, region, acronym-forms, defined, interrupted, shared-heads, fuzzy, "
     "known (names borrowed from the bundled gazetteer's entry for the same organisation), "
     "short-names (an organisation named in full, then by one word of its name), initials (a "
     "person by the initials of their first names and their surname: 'J.-P. Leleux'), "
     "periphrases (a place by the press's periphrasis: Hexagone for France, Principauté for "
     "Monaco), qualifiers (a name without its qualifier in brackets: 'Ehpad La Pinède' for "
     "'Ehpad La Pinède (Sanary-sur-Mer)'); "
     "-NAME removes one ('-fuzzy': all but fuzzy)",
     EX | EP},
    {OPT_DISCOVER, "discover", NULL,
     "also find the people named in full, the bodies defined with their acronym and the bodies "
     "named by an establishment's head ('la clinique X') that the gazetteers miss (as "
     "'stakegraph suggest' does), and add them to the network as actors "
     "found in the corpus (node column found, mention match 'found'); the default without -g",
     EX | EP},
    {OPT_NO_DISCOVER, "no-discover", NULL,
     "only the gazetteers' actors, also without -g (the default with -g, and for .pairs "
     "outputs, which merge adds up with the same gazetteers)",
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

/* Applies option `c` (its value in `arg`) to the extract_args `ctx`.
 * Returns 0 or a usage error's exit status. */
static int apply_option(void *ctx, int c, const char *name, const char *arg)
{
    extract_args *a = ctx;
    sg_error err;
    int rc = 0;
    switch (c) {
    case 'g': a->gazetteers[a->ngazetteers++] = arg; break;
    case 'f': a->format = arg; break;
    case 'o': a->outputs[a->noutputs++] = arg; break;
    case OPT_MENTIONS: a->mentions = arg; break;
    case OPT_FILES_FROM: a->files_from = arg; break;
    case OPT_EVIDENCE: a->evidence = arg; break;
    case OPT_BIPARTITE: a->bipartite = arg; break;
    case OPT_JSONL: a->jsonl = 1; break;
    case OPT_DISCOVER: a->discover = 1; break;
    case OPT_NO_DISCOVER: a->discover = 0; break;
    case 'q': a->quiet = 1; break;
    case 'j': /* the extraction's threads, and the analysis's processes */
        if (!(rc = sg_run_options_set(&a->run, name, arg, &err)))
            rc = sg_write_options_set(&a->write, name, arg, &err);
        break;
    case OPT_BY_PERIOD: rc = sg_run_options_set(&a->run, name, arg, &err); break;
    case OPT_UNIT:
    case OPT_STRICT:
    case OPT_VARIANTS:
    case OPT_KEEP_CREDITS:
    case OPT_MAX_UNIT_ACTORS: rc = sg_extract_options_set(&a->opt, name, arg, &err); break;
    default: rc = sg_write_options_set(&a->write, name, arg, &err); /* analysis, pictures */
    }
    return rc ? cli_usage_error(a->merge     ? "merge"
                                : a->explain ? "explain"
                                             : "extract",
                                err.message)
              : 0;
}

/* Whether names are found in the corpus (--discover): by default when the
 * bundled gazetteers are used, but never for partial counts, which merge
 * adds up only if every shard was read with the same gazetteers. */
static int check_discover(extract_args *a, int n, const char *cmd)
{
    int counts = 0;
    for (int i = 0; i < n; i++)
        counts |= sg_target_kind_of(a->outs[i]) == SG_TARGET_COUNTS;
    if (a->discover == 1 && counts)
        return cli_usage_error(cmd, "--discover finds other names in each shard: the partial "
                                    "counts (.pairs) of merge need the same gazetteers everywhere");
    if (a->discover < 0)
        a->discover = !a->merge && a->ngazetteers == 0 && !counts;
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
    if (a->run.by_period && !a->jsonl)
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
    sg_error err;
    if (!(a->outs = calloc((size_t)n, sizeof(sg_target *))))
        return cli_usage_error(cmd, "out of memory");
    for (int i = 0; i < n; i++)
        if (sg_target_new(&a->outs[i], a->noutputs ? a->outputs[i] : NULL, a->format, &err))
            return cli_usage_error(cmd, err.message);
    if (!a->write.analyse && (a->write.layout == 1 || sg_targets_need_layout(a->outs, (size_t)n)))
        return cli_usage_error(cmd, "pictures and --layout need the analysis: drop --no-analyse");
    if (a->bipartite) {
        sg_target *b = NULL;
        if (sg_target_new(&b, a->bipartite, NULL, &err))
            return cli_usage_error(cmd, err.message);
        int network = sg_target_kind_of(b) == SG_TARGET_NETWORK;
        sg_target_free(b);
        if (!network)
            return cli_usage_error(cmd, "--bipartite writes a network (.graphml, .dot, .gexf, "
                                        ".json or a CSV directory), not a picture or counts");
    }
    for (int i = 0; a->run.by_period && i < n; i++)
        if (sg_target_check_periods(a->outs[i], &err))
            return cli_usage_error(cmd, err.message);
    return check_discover(a, n, cmd);
}

int network_parse(network_run *r, int cmd, int argc, char **argv, int *first)
{
    extract_args *a = &r->a;
    sg_extract_options_init(&a->opt);
    sg_write_options_init(&a->write);
    sg_run_options_init(&a->run);
    a->merge = cmd == CMD_MERGE;
    a->discover = -1;
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
    int view = 0; /* the HTML view lists each actor's documents */
    for (int i = 0; !rc && i < (a->noutputs ? a->noutputs : 1); i++)
        view |= sg_target_is_view(a->outs[i]);
    a->opt.record_documents = a->bipartite != NULL || view;
    return rc;
}
