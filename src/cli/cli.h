/* The command line's own helpers (it uses only the public headers). */
#ifndef SG_CLI_H
#define SG_CLI_H

#include <stddef.h>

#include <stakegraph/stakegraph.h>

/* Exit statuses (SPEC §7). */
enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

/* Input documents in sorted order, without repeats. */
typedef struct {
    char **paths;
    size_t n, cap;
} doc_list;

/* Expands files, directories (every file ending in `suffix`, recursively)
 * and "-" (stdin). On failure prints "stakegraph: PATH: reason" and returns -1. */
int inputs_collect(doc_list *docs, char *const *args, int nargs, const char *suffix);
void inputs_free(doc_list *docs);

/* The non-empty lines of a file ("-": standard input), each a path: for
 * --files-from. Prints the error and returns -1 on failure. */
int inputs_read_list(const char *path, char ***lines, size_t *n);

/* Reads a whole document ("-" is stdin) into *buf (of *cap bytes, grown as
 * needed and kept for the next document). On failure writes the reason to
 * msg and returns -1. */
int inputs_read(const char *path, char **buf, size_t *cap, size_t *len, char *msg, size_t size);

/* Documents matched by `jobs` threads (SPEC §12): every byte written (the
 * mentions, warnings on stderr) is in document order and the counts added to
 * `ex` are the same whatever the number of threads. */
enum { MAX_JOBS = 256 };
typedef struct {
    sg_extractor *ex; /* receives the counts */
    const doc_list *docs;
    unsigned jobs;
    int quiet;
    sg_output *mentions; /* NULL: no mention rows */
    const char *mentions_path;
} run_plan;

/* Prints the error and returns -1 on failure (nothing is then added). */
int workers_run(const run_plan *plan);
/* The number of online cores (1 to MAX_JOBS). */
unsigned workers_default_jobs(void);

/* Prints "stakegraph: <command>: <what>" and the --help hint on stderr;
 * returns EXIT_USAGE. */
int cli_usage_error(const char *command, const char *what);

/* Prints "stakegraph: <where>: <what>" on stderr. */
void cli_error(const char *where, const char *what);

/* One output file: a network (format) or a picture ("svg", "png", "pdf"). */
typedef struct {
    const char *path; /* "-" = standard output */
    sg_format format;
    const char *picture; /* NULL for a network */
    int counts;          /* partial counts for `merge` (-f pairs) */
    sg_output *out;
} cli_output;

/* Decides the kind of output from `format` (-f) or else from the path's
 * extension (no extension: GraphML). On an unknown one, writes the reason to
 * msg and returns -1. path NULL = standard output. */
int cli_output_set(cli_output *o, const char *path, const char *format, char *msg, size_t size);
/* Opens every output (printing the error and closing all on failure). */
int cli_outputs_open(cli_output *o, size_t n);
void cli_outputs_abort(cli_output *o, size_t n);
/* Non-zero when one of the outputs is a network or a picture (not counts). */
int cli_outputs_need_graph(const cli_output *o, size_t n);
/* Non-zero when one of the outputs is a picture. */
int cli_outputs_need_layout(const cli_output *o, size_t n);
/* Flushes and checks every output (printing the error and aborting all on
 * failure) without committing any. */
int cli_outputs_flush(cli_output *o, size_t n);
/* Writes the graph (or the counts of `ex`) to every output, flushes them all,
 * then commits them; on failure prints the error and leaves the uncommitted
 * ones untouched. */
int cli_outputs_write(cli_output *o, size_t n, const sg_graph *g, const sg_extractor *ex,
                      const sg_render_options *ro);

/* Option values: 0 on success, -1 when `s` is not valid. */
int cli_parse_seed(const char *s, unsigned long *seed);
int cli_parse_alpha(const char *s, double *alpha);
/* --colour-by (which 0), --size-by (1), --labels (2), --title (3). */
int cli_render_option(sg_render_options *ro, int which, const char *arg, char *msg, size_t size);

int cmd_extract(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_render(int argc, char **argv);

#endif
