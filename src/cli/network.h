/* What extract, merge and explain share: their options (one table,
 * network_args.c), setting up a run (gazetteers, inputs, the extractor) and
 * writing the networks (network.c). Private to those three commands. */
#ifndef SG_CLI_NETWORK_H
#define SG_CLI_NETWORK_H

#include "cli.h"

/* The commands, as bits of the options they take. */
enum { CMD_EXTRACT = 1, CMD_MERGE = 2, CMD_EXPLAIN = 4 };

typedef struct {
    const char **gazetteers;
    int ngazetteers;
    sg_extract_options opt;
    const char *format;
    const char **outputs;
    int noutputs;
    sg_target **outs; /* noutputs (or 1: standard output) */
    const char *mentions;
    int quiet;
    sg_write_options write; /* the networks: min weight, analysis, layout, pictures */
    sg_run_options run;     /* jobs, periods (its callbacks are cli_run's) */
    int merge;              /* stakegraph merge: the inputs are counts files */
    int explain;            /* stakegraph explain A B INPUT... */
    const char *files_from; /* a file listing inputs, one a line */
    const char *evidence;   /* --evidence FILE */
    const char *bipartite;  /* --bipartite FILE */
    int jsonl;              /* --jsonl: the inputs are JSON Lines corpora */
    int discover;           /* --discover (1), --no-discover (0), unset (-1) */
    const char *explain_a, *explain_b;
    cli_steps *steps; /* the progress of the analysis, layout and writing */
} extract_args;

/* The outputs besides the networks: streamed rows, the bipartite graph. */
typedef struct {
    sg_output *rows[2]; /* mentions, evidence */
    sg_evidence_format evidence_format;
    sg_target *bipartite; /* NULL when not asked for */
    sg_unit_store *units; /* the units the HTML views show, NULL without a view */
} sinks;

/* One run of extract, merge or explain: what it reads and what it writes. */
typedef struct {
    extract_args a;
    sg_gazetteer *gaz;
    sg_corpus *corpus; /* extract, explain */
    char **files;      /* merge: the counts files */
    size_t nfiles;
    sg_extractor *ex;
    sg_extractor_maker *maker; /* makes ex while the gazetteer loads */
    sinks sk;
    cli_report report;
    sg_run_result res;
    cli_steps steps;
} network_run;

/* Reads the options of command `cmd` (CMD_*) into r->a (network_args.c).
 * Returns 0, -1 after --help, or a usage error's status; *first is the
 * first operand. */
int network_parse(network_run *r, int cmd, int argc, char **argv, int *first);

/* Parses the options, loads the gazetteers, finds the inputs and makes the
 * extractor. Returns 0 to go on, -1 when the help was printed (exit 0), or
 * the exit status after saying what failed. Free with network_end either
 * way. */
int network_begin(network_run *r, int cmd, int argc, char **argv);
void network_end(network_run *r);

/* Opens the outputs before the work, so that an unwritable path fails at
 * once. Prints the error and returns -1 on failure. */
int network_open_outputs(network_run *r);

/* Builds the network (and each period's), analyses it, lays it out when
 * wanted, and writes every output, committed together. Returns the exit
 * status (1 also when JSON Lines lines were skipped). */
int network_finish(network_run *r);

#endif
