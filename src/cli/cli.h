/* The command line's own helpers (it uses only the public headers). */
#ifndef SG_CLI_H
#define SG_CLI_H

#include <stddef.h>

#include <stakegraph/stakegraph.h>

/* Exit statuses (SPEC §7). */
enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

/* --by-period: none, month or year. */
typedef enum { PERIOD_NONE = 0, PERIOD_MONTH, PERIOD_YEAR } period_unit;

typedef struct jsonl_corpus jsonl_corpus;

/* Input documents in sorted order, without repeats. With --jsonl, `paths`
 * are the JSON Lines files and the documents their lines (`jsonl`). */
typedef struct {
    char **paths;
    size_t n, cap;
    jsonl_corpus *jsonl;
} doc_list;

/* --jsonl: maps every file of `docs` and indexes its non-blank lines as
 * documents. Prints the error and returns -1 on failure. */
int jsonl_open(doc_list *docs);
void jsonl_close(jsonl_corpus *c);
/* The number of documents, and document k's file (and line, 0 for text files). */
size_t docs_count(const doc_list *docs);
const char *docs_file(const doc_list *docs, size_t k, size_t *line);

/* One parsed JSON Lines document. */
typedef struct {
    char *name;       /* its "id" */
    const char *text; /* its "text" (inside json), len bytes */
    size_t len;
    sg_meta *meta; /* every other scalar field, "date" included */
    size_t nmeta;
    int has_date;
    char period[16]; /* the period of its date ("2024", "2024-03"), "" if none */
    void *json;      /* the parsed line (jansson) */
} jsonl_doc;

/* Parses document k; on failure writes why to msg and returns -1 (free the
 * document either way). */
int jsonl_parse(const doc_list *docs, size_t k, period_unit unit, jsonl_doc *out, char *msg,
                size_t size);
void jsonl_doc_free(jsonl_doc *d);

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
/* The same from an open file descriptor (left open). */
int inputs_read_fd(int fd, char **buf, size_t *cap, size_t *len, char *msg, size_t size);

/* Documents matched by `jobs` threads (SPEC §12): every byte written (the
 * mentions, warnings on stderr) is in document order and the counts added to
 * `ex` are the same whatever the number of threads. */
enum { MAX_JOBS = 256 };
typedef struct {
    char *label;      /* "2024", "2024-03" */
    sg_extractor *ex; /* the counts of its documents */
} period_counts;

/* Evidence rows (--evidence): TSV or JSON Lines; or, for explain, the units
 * linking two actors as readable text. */
typedef enum { EVIDENCE_NONE = 0, EVIDENCE_TSV, EVIDENCE_JSONL, EVIDENCE_EXPLAIN } evidence_kind;

typedef struct {
    sg_extractor *ex; /* receives the counts */
    const doc_list *docs;
    unsigned jobs;
    int quiet;
    sg_output *mentions; /* NULL: no mention rows */
    const char *mentions_path;
    evidence_kind evidence;
    sg_output *evidence_out; /* NULL with EVIDENCE_EXPLAIN: rows go to explain_text */
    const char *evidence_path;
    const char *explain_a, *explain_b; /* explain: the two ids */
    period_unit by_period;
    /* results */
    period_counts *periods; /* by_period: the documents of each period, in order of
                               labels; their counts are NOT in ex (the caller adds them) */
    size_t nperiods;
    size_t undated;   /* by_period: documents without a date (counted in ex) */
    size_t bad_lines; /* --jsonl lines skipped (each reported) */
    char *explain_text;
    size_t explain_len, explain_cap, explain_units, explain_docs;
} run_plan;

/* Prints the error and returns -1 on failure (nothing is then added). */
int workers_run(run_plan *plan);
void workers_free_periods(run_plan *plan);

/* Evidence rows and explain's lines for one counted pair, appended to a
 * growing string (NULL-safe). Returns -1 when out of memory. */
typedef struct {
    char *s;
    size_t len, cap;
    int failed;
} text_buf;
void buf_add(text_buf *b, const char *s, size_t n);
typedef struct {
    const char *text; /* the document the cursor is in */
    size_t pos, line; /* byte pos is on line `line` */
} line_cursor;
void evidence_row(text_buf *b, evidence_kind kind, const sg_cooccurrence *c, line_cursor *lc);
/* A short snippet of the unit with both mentions, as valid UTF-8 on one line. */
void evidence_snippet(text_buf *b, const sg_cooccurrence *c, size_t max);
/* The number of online cores (1 to MAX_JOBS). */
unsigned workers_default_jobs(void);

/* Prints "stakegraph: <command>: <what>" and the --help hint on stderr;
 * returns EXIT_USAGE. */
int cli_usage_error(const char *command, const char *what);

/* Prints "stakegraph: <where>: <what>" on stderr. */
void cli_error(const char *where, const char *what);

/* One output: a network (format) or a picture ("svg", "png", "pdf"). CSV is
 * two files, `path` being their directory: out is DIR/nodes.csv and
 * edges_out DIR/edges.csv. */
typedef struct {
    const char *path; /* "-" = standard output; the directory for CSV */
    sg_format format;
    const char *picture; /* NULL for a network */
    int counts;          /* partial counts for `merge` (-f pairs) */
    sg_output *out;
    sg_output *edges_out; /* CSV only */
    char *csv_paths[2];   /* CSV: DIR/nodes.csv, DIR/edges.csv (owned while open) */
    int made_dir;         /* CSV: the directory was made by this run (removed on failure) */
} cli_output;

/* Decides the kind of output from `format` (-f) or else from the path's
 * extension (no extension: GraphML). On an unknown one, or for CSV without
 * a directory (-f csv needs -o DIR; a .csv path is refused), writes the
 * reason to msg and returns -1. path NULL = standard output. */
int cli_output_set(cli_output *o, const char *path, const char *format, char *msg, size_t size);
/* Opens every output (printing the error and closing all on failure); for
 * CSV, makes the directory first when it does not exist (one level). */
int cli_outputs_open(cli_output *o, size_t n);
void cli_outputs_abort(cli_output *o, size_t n);
/* Non-zero when one of the outputs is a network or a picture (not counts). */
int cli_outputs_need_graph(const cli_output *o, size_t n);
/* Non-zero when one of the outputs is a picture. */
int cli_outputs_need_layout(const cli_output *o, size_t n);
/* Writes the graph (or the counts of `ex`) to every output, flushes them all,
 * then commits them; on failure prints the error and leaves the uncommitted
 * ones untouched. `timeline` (may be NULL) makes GEXF outputs dynamic. */
int cli_outputs_write(cli_output *o, size_t n, const sg_graph *g, const sg_extractor *ex,
                      const sg_render_options *ro, const sg_timeline *timeline);
/* The two halves of cli_outputs_write: writes (printing the error on
 * failure, committing nothing), then flushes all and renames all into place
 * (on failure prints the error and leaves the uncommitted ones untouched). */
int cli_outputs_emit(cli_output *o, size_t n, const sg_graph *g, const sg_extractor *ex,
                     const sg_render_options *ro, const sg_timeline *timeline);
/* The second half also commits the nrows other outputs in `rows` (mentions,
 * evidence; NULL entries skipped) in the same set, and sets them to NULL. */
int cli_outputs_commit(cli_output *o, size_t n, sg_output **rows, size_t nrows);

/* Option values: 0 on success, -1 when `s` is not valid. */
int cli_parse_seed(const char *s, unsigned long *seed);
int cli_parse_alpha(const char *s, double *alpha);
/* --colour-by (which 0), --size-by (1), --labels (2), --title (3). */
int cli_render_option(sg_render_options *ro, int which, const char *arg, char *msg, size_t size);

/* The bundled gazetteers' directory: $STAKEGRAPH_GAZETTEERS, the install's
 * data directory, or gazetteers/ of the source tree. */
const char *cli_default_gazetteers(void);
/* A new gazetteer holding the `n` paths given with -g (none: the bundled
 * gazetteers). On failure fills err and returns its code (nothing to free). */
int cli_gazetteers_load(sg_gazetteer **out, const char *const *paths, int n, sg_error *err);

int cmd_extract(int argc, char **argv);
int cmd_gazetteer(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_suggest(int argc, char **argv);

#endif
