/* stakegraph — writing networks (SPEC §6). */
#ifndef STAKEGRAPH_EXPORT_H
#define STAKEGRAPH_EXPORT_H

#include <stdio.h>

#include "error.h"
#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    SG_FORMAT_GRAPHML = 0,
    SG_FORMAT_DOT,
    SG_FORMAT_GEXF, /* GEXF 1.2 (Gephi) */
    SG_FORMAT_JSON, /* networkx node-link JSON */
    SG_FORMAT_CSV   /* two tables: nodes.csv and edges.csv */
} sg_format;

/* Parses "graphml", "dot", "gexf", "json" or "csv"; returns SG_OK or SG_ERR_INVALID. */
int sg_format_parse(sg_format *out, const char *name);

/* Guesses the format from a file name's extension (.graphml, .xml, .dot, .gv,
 * .gexf, .json; CSV has no single file, so no extension).
 * Returns SG_OK or SG_ERR_INVALID when the extension is unknown. */
int sg_format_from_path(sg_format *out, const char *path);

/* Writes `g` as GraphML / DOT to `f`. The stream stays open; write errors
 * are reported as SG_ERR_IO. The writers (these and those below) only read
 * `g`: several threads may write one graph at once. The DOT writer builds
 * the graph with Graphviz, under the Graphviz lock (render.h), so DOT exports
 * from several threads run one at a time. */
int sg_export_graphml(const sg_graph *g, FILE *f, sg_error *err);
int sg_export_dot(const sg_graph *g, FILE *f, sg_error *err);
/* networkx node-link JSON (networkx.node_link_graph reads it): "directed",
 * "multigraph", "graph", "nodes" (each with "id" and every attribute) and
 * "links" (each with "source", "target" and every attribute). */
int sg_export_json(const sg_graph *g, FILE *f, sg_error *err);
/* CSV tables (RFC 4180, UTF-8, a header line) that pandas.read_csv and R's
 * read.csv read as they are: nodes (id, label, type, mentions, documents,
 * the gazetteer columns, the numeric columns) and edges (source, target,
 * weight, documents, first_documents, the numeric columns). */
int sg_export_csv_nodes(const sg_graph *g, FILE *f, sg_error *err);
int sg_export_csv_edges(const sg_graph *g, FILE *f, sg_error *err);

/* A network seen period by period (months or years): graphs[k] is the
 * network of the documents of period labels[k] ("2024" or "2024-03"),
 * labels in increasing order; node ids are the same in every graph. */
typedef struct {
    size_t n;
    const char *const *labels;
    const sg_graph *const *graphs;
} sg_timeline;

/* GEXF 1.2 for Gephi: node and edge attributes, viz:color (the r, g, b
 * columns when set, else a colour by type), viz:size (the size column, else
 * from mentions) and viz:position (x, y when set). With a timeline (non-NULL,
 * n > 0), the graph is dynamic: each node and edge has spells (the periods
 * in which it appears, consecutive periods joined) and per-period values of
 * its counts, for Gephi's timeline. `timeline` is only read during the call. */
int sg_export_gexf(const sg_graph *g, const sg_timeline *timeline, FILE *f, sg_error *err);

/* Writes `g` in `fmt` (not SG_FORMAT_CSV, which is two files: SG_ERR_INVALID). */
int sg_export(const sg_graph *g, sg_format fmt, FILE *f, sg_error *err);

/* An output file written completely or not at all. "-" is standard output;
 * "/dev/stdout", "/dev/stderr", "/dev/fd/N" and "/proc/self/fd/N" are the
 * descriptor itself; a character device, FIFO or socket (at the name, or
 * behind a link of the runner's or root's) is written in place. Any other
 * name is written to a temporary file in the name's directory and renamed
 * over the name on commit: the name is replaced, a symbolic link there is
 * never followed. New files get 0666 less the umask; a replaced file of the
 * runner's keeps its permission bits.
 *
 * sg_output_open refuses, before anything is written: a directory, a block
 * device, a write-protected file, another user's file in a sticky directory,
 * and a name that another output still open in this process has (however it
 * is spelt). Outputs may be opened, written and committed from any thread
 * (the list of open outputs has its own lock); one output is used by one
 * thread at a time.
 *
 * Ownership: an output from sg_output_open is ended, and freed, by
 * sg_output_commit, sg_outputs_commit or sg_output_abort, never fclose. */
typedef struct sg_output sg_output;

/* Opens `path` (copied) for writing; *out is set only on success. */
int sg_output_open(sg_output **out, const char *path, sg_error *err);
/* The stream to write to, owned by the output: valid until it is committed or
 * aborted, which close it (standard output, for "-", is flushed, not closed). */
FILE *sg_output_stream(sg_output *o);
/* Flushes and checks every write so far (and syncs a temporary file to disk,
 * with sg_outputs_set_sync), without renaming it: a run with several outputs
 * flushes them all before it commits any, so a failure leaves every previous
 * file untouched. */
int sg_output_flush(sg_output *o, sg_error *err);
/* Whether outputs are synced to disk (fsync) before they are renamed into
 * place: off by default, as gzip's --synchronous and rsync's --fsync are.
 * The rename alone makes an output complete or absent whatever the program
 * does (an error, a signal, a crash); the sync also puts its data on the
 * disk before the rename, so that a crash of the machine leaves the new file
 * or the previous one (the directory is not synced), at the disk's pace (the
 * dense benchmark's 42 MB GraphML: 40-50 ms on the development machine).
 * Process-wide; read when an output is flushed or committed. */
void sg_outputs_set_sync(int on);
int sg_outputs_sync(void);
/* Sets the sync from the environment: STAKEGRAPH_SYNC set to 1, yes, true or
 * on (any case) turns it on, anything else leaves it off. Returns the
 * setting. The command line and the Python package call it at their start. */
int sg_outputs_sync_from_env(void);
/* Flushes, checks every write, closes and renames into place. Frees `o`. */
int sg_output_commit(sg_output *o, sg_error *err);
/* Commits the n outputs together (NULL entries are skipped): every write is
 * checked (and synced) first, then each temporary file is exchanged with the
 * file it replaces; if one cannot be, those already in place are exchanged
 * back, so that the set is all new or all as before. SIGINT, SIGTERM, SIGHUP
 * and SIGQUIT are held in the calling thread meanwhile. Frees every output
 * and sets the entries to NULL, on success and on failure. */
int sg_outputs_commit(sg_output **outs, size_t n, sg_error *err);
/* Closes and removes the temporary file; the previous file is untouched.
 * Frees `o`; NULL-safe. */
void sg_output_abort(sg_output *o);
/* Removes the temporary file of every output not yet committed or aborted,
 * and nothing else. Async-signal-safe: for a handler of SIGINT, SIGTERM and
 * the like, which then ends the process (the outputs are not usable after). */
void sg_output_remove_temporaries(void);

/* Convenience: open, export, commit (abort on any failure). Threads: as the
 * writer of `fmt`. */
int sg_export_file(const sg_graph *g, sg_format fmt, const char *path, sg_error *err);

#ifdef __cplusplus
}
#endif
#endif
