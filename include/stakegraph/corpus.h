/* stakegraph — running a corpus: documents in, `jobs` threads, results in
 * document order (SPEC §11, §12).
 *
 * A corpus is a list of documents: files and directories of text files, JSON
 * Lines files (one document a line), or documents given in memory. Running
 * it feeds every document to an extractor with as many threads as asked and
 * calls the caller's callbacks (mentions, co-occurrences, warnings,
 * progress) in the calling thread, in document order, so that what a caller
 * writes is the same whatever the number of threads. With periods, each
 * document's date puts it in a period, and the run gives each period's
 * network as well as the whole one. */
#ifndef STAKEGRAPH_CORPUS_H
#define STAKEGRAPH_CORPUS_H

#include <stddef.h>

#include "error.h"
#include "export.h"
#include "extract.h"
#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What the files of a corpus hold. */
typedef enum {
    SG_CORPUS_TEXT = 0, /* each file is a document, named by its path */
    SG_CORPUS_JSONL     /* each non-blank line of each file is a document: a JSON object
                           {"id", "text", and optional "date", "source", "url", ...}; the
                           other scalar fields become its metadata */
} sg_corpus_format;

/* The documents of a run. Made, filled, then run (and read) by one thread
 * at a time; sg_corpus_run only reads it. */
typedef struct sg_corpus sg_corpus;

/* An empty corpus. `suffix` is the ending of the file names taken from
 * directories (NULL: ".txt" for text, ".jsonl" for JSON Lines); it is copied. */
int sg_corpus_new(sg_corpus **out, sg_corpus_format format, const char *suffix, sg_error *err);
void sg_corpus_free(sg_corpus *c);

/* Adds a file, every file under a directory whose name ends in the suffix
 * (recursively, skipping names that start with '.'; other files than regular
 * ones are skipped and reported to `on_skip` when it is not NULL), or "-"
 * (standard input). Files are read in
 * the byte order of their paths, each path once, when the corpus is run;
 * they are not opened here (except directories, walked now). JSON Lines
 * files are read when the corpus is first counted or run. On failure (a
 * path that does not exist, a directory that cannot be read, nesting over 64
 * levels) fills err with the path and returns its code; the paths added
 * before stay. */
typedef void (*sg_skip_fn)(const char *path, const char *why, void *ctx);
int sg_corpus_add_path(sg_corpus *c, const char *path, sg_skip_fn on_skip, void *ctx,
                       sg_error *err);

/* Lists of paths. The non-empty lines of the file at `path` ("-": standard
 * input), each a path, line breaks removed, into *lines (*n of them; free
 * them with sg_path_list_free): the inputs a map-reduce engine hands out.
 * Refused (err: the file, "<stdin>", and the line): a NUL byte in a line,
 * "-" in a list read from standard input. On failure *lines is not set. */
int sg_path_list_read(char ***lines, size_t *n, const char *path, sg_error *err);
/* Frees the n paths and the list; NULL-safe. */
void sg_path_list_free(char **paths, size_t n);
/* Each of the nargs `args` expanded on its own as sg_corpus_add_path does
 * (a file, the files under a directory whose names end in `suffix`, "-"),
 * the lists joined and sorted in byte order with repeats kept (so that a
 * file named twice, under one name or two, can be told), into *paths (*n of
 * them; free them with sg_path_list_free). On failure fills err (the path)
 * and returns its code; *paths is not set. */
int sg_paths_expand(char ***paths, size_t *n, const char *suffix, char *const *args, size_t nargs,
                    sg_skip_fn on_skip, void *ctx, sg_error *err);

/* Adds a document given in memory (copied: name, text and metadata). Such
 * documents come after every file, in the order they were added. A "date"
 * key in the metadata dates it (as in JSON Lines). */
int sg_corpus_add_document(sg_corpus *c, const sg_document *doc, sg_error *err);

/* Sorts the paths, reads the JSON Lines files and indexes their lines (done
 * by the first call that needs it; calling it first reports those errors
 * before anything else is done). On failure fills err with the file. */
int sg_corpus_seal(sg_corpus *c, sg_error *err);

/* The number of documents (0 until the corpus is sealed). */
size_t sg_corpus_count(const sg_corpus *c);
/* The number of files added (text or JSON Lines), and file k's path, in the
 * order they are read (after sg_corpus_seal). */
size_t sg_corpus_files(const sg_corpus *c);
const char *sg_corpus_file(const sg_corpus *c, size_t k);

/* Reading the documents one at a time, without a run (suggest does). */
typedef struct sg_corpus_reader sg_corpus_reader;
/* A reader of `c` (sealed first), which must outlive it and not change. */
int sg_corpus_reader_new(sg_corpus_reader **out, sg_corpus *c, sg_error *err);
/* Reads document k (< sg_corpus_count) into *doc, valid until the next read
 * or the reader is freed. Returns SG_OK; SG_ERR_PARSE for a JSON Lines line
 * that is not a document (err: its file, line and why: skip it); or another
 * code (err: the file that cannot be read). */
int sg_corpus_read(sg_corpus_reader *r, size_t k, sg_document *doc, sg_error *err);
void sg_corpus_reader_free(sg_corpus_reader *r);

/* Periods: none, a month ("2024-03") or a year ("2024"). */
typedef enum { SG_PERIOD_NONE = 0, SG_PERIOD_MONTH, SG_PERIOD_YEAR } sg_period_unit;

/* The period of a date ("YYYY", "YYYY-MM" or "YYYY-MM-DD", then maybe a time:
 * "2024-03-05T10:00:00+01:00") into label (NUL-terminated, at most `size`
 * bytes; 8 are enough). Returns SG_OK, SG_ERR_PARSE for a value that is not
 * such a date, or SG_ERR_LIMIT for a year alone with SG_PERIOD_MONTH (label
 * then ""). SG_PERIOD_NONE checks the date and gives its year. */
int sg_period_of(const char *date, sg_period_unit unit, char *label, size_t size);

/* Progress, after each batch of documents (in the calling thread). */
typedef struct {
    size_t done, total; /* documents */
    size_t bytes;       /* bytes of text read so far */
} sg_progress;

typedef struct {
    unsigned jobs;            /* threads; 0: one a core (at most 256) */
    sg_period_unit by_period; /* periods of the documents' dates */
    int period_graphs;        /* by_period: build each period's network (result.graphs) */
    double min_weight;        /* for the period networks (sg_extractor_graph) */
    /* Callbacks, all called in the calling thread, in document order, with
     * the pointers they get valid only during the call; NULL: not wanted. A
     * non-zero return from on_document, on_mention or on_cooccurrence stops the run
     * (SG_ERR_IO). Warnings: invalid UTF-8, empty documents, too many actors
     * in a unit (from the extractor); a JSON Lines line skipped (code
     * SG_ERR_PARSE, file and line set; the run goes on and counts it in
     * result.skipped); a date without a month with SG_PERIOD_MONTH. */
    int (*on_document)(const sg_document *doc, size_t index, void *ctx); /* before each
        document's mentions: its name and length, and its text when on_cooccurrence is set
        without offsets_only (else NULL); no metadata. index: its place in the corpus */
    sg_mention_fn on_mention;
    sg_cooccurrence_fn on_cooccurrence;
    sg_warning_fn on_warning;
    void (*on_progress)(const sg_progress *p, void *ctx);
    void *ctx;        /* passed to every callback */
    int offsets_only; /* on_cooccurrence gets the offsets without the text (c->text NULL,
                         c->len the document's length), for a caller that reads the text
                         later if at all: the run then keeps no copy of each document for
                         the replay (0, the default: the text is given) */
} sg_run_options;

/* Fills `opt` with the defaults: one thread a core, no periods, no callbacks,
 * min_weight 1. */
void sg_run_options_init(sg_run_options *opt);

/* The most threads a run takes. */
#define SG_MAX_JOBS 256

/* Sets one option by name, from text (as sg_extract_options_set): "jobs"
 * (1 to SG_MAX_JOBS), "by-period" (month or year), "min-weight" (a number
 * >= 0).
 * Returns SG_OK or SG_ERR_INVALID, as that function does. */
int sg_run_options_set(sg_run_options *opt, const char *name, const char *value, sg_error *err);

/* What a run found besides the extractor's counts. The caller frees it with
 * sg_run_result_free. */
typedef struct {
    size_t documents; /* documents counted */
    size_t bytes;     /* bytes of text read */
    size_t skipped;   /* JSON Lines lines skipped (each reported as a warning) */
    size_t undated;   /* by_period: documents without a date (or without a month): in the
                         whole network only */
    size_t nperiods;  /* by_period: the periods seen, in order of their labels */
    char **labels;
    sg_graph **graphs;    /* period_graphs: each period's network (owned), else NULL */
    sg_timeline timeline; /* the same, for sg_export_gexf (labels and graphs) */
} sg_run_result;

/* Runs the corpus through `ex` (which ends with the counts of every document,
 * periods included, as if it had seen them all itself, whatever the number of
 * threads). The extractor's own callbacks are not called (the run's are);
 * forks of it are made and freed. On failure (a file that cannot be read, a
 * document the extractor refuses, a callback that stops the run) fills err
 * (its file and line name the document) and returns its code; the counts of
 * `ex` may then hold part of the corpus and `result` holds nothing to use
 * (free it). `result` may be NULL. */
int sg_corpus_run(sg_extractor *ex, sg_corpus *c, const sg_run_options *opt, sg_run_result *result,
                  sg_error *err);

/* Frees what the result holds (its graphs too) and zeroes it; NULL-safe. */
void sg_run_result_free(sg_run_result *r);

#ifdef __cplusplus
}
#endif
#endif
