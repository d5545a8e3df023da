/* The command line's own helpers (it uses only the public headers). */
#ifndef SG_CLI_H
#define SG_CLI_H

#include <getopt.h> /* optind: the first operand after cli_parse_options */
#include <stddef.h>
#include <stdio.h>

#include <stakegraph/corpus.h>
#include <stakegraph/evidence.h>
#include <stakegraph/stakegraph.h>
#include <stakegraph/write.h>

/* Exit statuses (SPEC §7). */
enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

/* A corpus of the paths given (files, directories searched for files ending
 * in `suffix`, "-"), sorted, each once; files that are not regular are
 * skipped with a warning (unless quiet). Prints the error and returns -1 on
 * failure. */
int cli_corpus(sg_corpus **out, sg_corpus_format format, const char *suffix, char *const *args,
               size_t nargs, int quiet);
/* The warning for a path skipped (an sg_skip_fn; ctx: an int, quiet). */
void cli_skipped(const char *path, const char *why, void *ctx);

/* What extract and explain do with a run's findings: mention and evidence
 * rows to their files, warnings and progress to stderr, or (explain) the
 * units naming two actors gathered as text. */
typedef struct {
    int quiet;
    sg_output *mentions; /* NULL: no mention rows */
    const char *mentions_path;
    sg_output *evidence; /* NULL: no evidence rows (unless explaining) */
    const char *evidence_path;
    sg_evidence_format evidence_format;
    sg_unit_store *units;              /* NULL: no HTML view to show units in */
    const char *explain_a, *explain_b; /* explain: the two ids (a < b) */
    /* results */
    char *explain_text;
    size_t explain_len, explain_cap, explain_units, explain_docs;
    /* the run's own */
    int failed; /* a callback failed and said why */
    int progress_on, doc_counted;
    double start, last;
    char *row;
    size_t row_len, row_cap;
} cli_report;

/* Runs the corpus through ex as `run` says (jobs, periods; its callbacks
 * replaced), reporting as `r` says; the periods, networks and counts in
 * *res (see corpus.h). Prints the error and returns -1 on failure. */
int cli_run(cli_report *r, sg_extractor *ex, sg_corpus *c, const sg_run_options *run,
            sg_run_result *res);
void cli_report_free(cli_report *r);

/* Prints "stakegraph: <command>: <what>" and the --help hint on stderr;
 * returns EXIT_USAGE. */
int cli_usage_error(const char *command, const char *what);

/* Prints "stakegraph: <where>: <what>" on stderr (ending a progress line
 * first). */
void cli_error(const char *where, const char *what);
/* A progress line is now open on stderr: kept (ended with a line break) or
 * erased when anything else is written there (cli_line_end). */
void cli_line_open(int keep);
void cli_line_end(void);
/* A monotonic clock, in seconds. */
double cli_seconds(void);
/* The steps of a long computation (reading a network, each measure, the
 * layout, drawing, writing) shown on one line of a terminal's stderr, each
 * replacing the last, with the time since the first; nothing when stderr is
 * not a terminal or with -q. cli_step is an sg_step_fn (ctx: the cli_steps). */
typedef struct {
    int on;
    double start;
    double last; /* the last line of a step's own progress */
} cli_steps;
void cli_steps_init(cli_steps *s, int quiet);
void cli_step(const char *step, void *ctx);
/* Clears the line (before a message, and at the end). */
void cli_steps_end(cli_steps *s);

/* Prints a library error: "stakegraph: FILE:LINE: MESSAGE"; `file` (may be
 * NULL) names the file when the error names none (analysis, layout). */
void cli_print_error(const sg_error *err, const char *file);
/* A library warning on stderr (an sg_warning_fn; ctx unused). */
void cli_warning(const sg_error *w, void *ctx);
/* Says in one line which columns of the file read kept their names and
 * values while stakegraph's of the same names were written under others
 * (sg_graph_column_renamed). */
void cli_warn_renamed(const sg_graph *g, const char *file);
/* Reads the GraphML at `path` for stats and render, printing the reading's
 * warnings; with `strict`, printed as errors and the file refused (nothing
 * read, *out NULL). Returns 0, or -1 after printing the error. */
int cli_read_graphml(sg_graph **out, const char *path, int strict);

/* Refuses, before any work, an HTML view that this build cannot write
 * (built without node and npm): prints why and returns -1; else 0. */
int cli_view_check(sg_target *const *t, size_t n);

/* Opens the n outputs (sg_targets_open), or prints the error, frees them
 * all and returns -1. */
int cli_outputs_open(sg_target **t, size_t n);

/* One option of a command's table, from which both the parsing and --help
 * come. */
typedef struct {
    int id;            /* getopt_long's value: the short option's letter, or >= 256 */
    const char *names; /* its long name, then its aliases: "colour-by|color-by" */
    const char *value; /* the value's name in --help ("PATH"); NULL: it takes none */
    const char *help;  /* what --help says (wrapped); NULL: not listed */
    unsigned commands; /* the commands (cli_command.id bits) that take it; 0: all */
} cli_option;

typedef struct {
    const char *name;          /* "extract", "gazetteer check" */
    unsigned id;               /* its bit, for options shared by several commands */
    const char *usage;         /* --help before the options: usage and description */
    const char *footer;        /* --help after them, or NULL */
    const char *refusal;       /* why another command's option does not apply here */
    const cli_option *options; /* ends with an entry whose id is 0 */
} cli_command;

/* Applies option `id` (its first long name in `name`, its value in `arg`,
 * NULL for a flag). Returns 0 or a usage error's exit status. */
typedef int (*cli_apply_fn)(void *ctx, int id, const char *name, const char *arg);

/* Reads argv's options with the command's table (optind is then the first
 * operand). Returns 0, -1 after printing --help, or a usage error's status. */
int cli_parse_options(const cli_command *cmd, int argc, char **argv, cli_apply_fn apply, void *ctx);
void cli_print_help(const cli_command *cmd, FILE *f);

/* The picture options extract, merge and render share (sg_render_options_set). */
enum {
    OPT_COLOUR_BY = 300,
    OPT_SIZE_BY,
    OPT_LABELS,
    OPT_TITLE,
    OPT_LANG,
    OPT_HTML_EVIDENCE,
    OPT_PICTURE_ACTORS
};
#define CLI_PICTURE_OPTIONS(commands)                                                              \
    {OPT_COLOUR_BY, "colour-by|color-by", "WHAT", "pictures: community (default) or type",         \
     commands},                                                                                    \
        {OPT_SIZE_BY, "size-by", "MEASURE",                                                        \
         "pictures: node area by pagerank (default), degree, strength, betweenness, "              \
         "eigenvector or mentions",                                                                \
         commands},                                                                                \
        {OPT_LABELS, "labels", "N",                                                                \
         "pictures: label the N most central actors (default: all up to 60 actors, else 40)",      \
         commands},                                                                                \
        {OPT_PICTURE_ACTORS, "picture-actors", "N",                                                \
         "pictures: show the N largest actors of a larger network (default 2000; 0: all)",         \
         commands},                                                                                \
        {OPT_LANG, "lang", "fr|en", "the HTML view's interface language (default fr)", commands},  \
        {OPT_HTML_EVIDENCE, "html-evidence", "N",                                                  \
         "the HTML view: units of text shown for each link (default 5; the others counted)",       \
         commands},                                                                                \
    {                                                                                              \
        OPT_TITLE, "title", "TEXT", "pictures: a caption above the picture", commands              \
    }

/* --no-betweenness, --no-pagerank, --no-eigenvector (sg_analysis_options_set),
 * for the commands that analyse. */
enum { OPT_NO_BETWEENNESS = 320, OPT_NO_PAGERANK, OPT_NO_EIGENVECTOR };
/* stats' and render's --strict (id: the command's own). */
#define CLI_STRICT_OPTION(id)                                                                      \
    {                                                                                              \
        id, "strict", NULL,                                                                        \
            "refuse the file when its reading would change or leave out anything (a directed "     \
            "graph, self-loops, parallel edges, other graphs, hyperedges, attributes): the "       \
            "warnings become errors and nothing is written",                                       \
            0                                                                                      \
    }
#define CLI_SKIP_OPTIONS(commands)                                                                 \
    {OPT_NO_BETWEENNESS, "no-betweenness", NULL,                                                   \
     "do not compute the betweenness (the longest measure on large networks)", commands},          \
        {OPT_NO_PAGERANK, "no-pagerank", NULL,                                                     \
         "do not compute the pagerank (pictures are then sized by degree)", commands},             \
    {                                                                                              \
        OPT_NO_EIGENVECTOR, "no-eigenvector", NULL, "do not compute the eigenvector centrality",   \
            commands                                                                               \
    }
/* --jobs for stats and render: the analysis's processes. */
#define CLI_JOBS_OPTION                                                                            \
    {                                                                                              \
        'j', "jobs", "N",                                                                          \
            "1: no second process for a sampled betweenness (default: one when the machine has "   \
            "more "                                                                                \
            "than one core); the values are the same",                                             \
            0                                                                                      \
    }
/* --top: 0 on success, -1 when `s` is not an integer from 0 to 4294967295. */
int cli_parse_seed(const char *s, unsigned long *seed);

/* The bundled gazetteers' directory: $STAKEGRAPH_GAZETTEERS, the install's
 * data directory, or gazetteers/ of the source tree. */
const char *cli_default_gazetteers(void);
/* A new gazetteer holding the `n` paths given with -g (none: the bundled
 * gazetteers). On failure fills err and returns its code (nothing to free). */
int cli_gazetteers_load(sg_gazetteer **out, const char *const *paths, int n, sg_error *err);
/* The same with its extractor made as it loads (sg_extractor_begin): on
 * success *mk is to be ended (sg_extractor_end) before the gazetteer is
 * freed; on failure there is nothing to end. */
int cli_gazetteers_load_making(sg_gazetteer **out, const char *const *paths, int n,
                               const sg_extract_options *opt, sg_extractor_maker **mk,
                               sg_error *err);

int cmd_extract(int argc, char **argv);
int cmd_gazetteer(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_suggest(int argc, char **argv);

#endif
