/* stakegraph — writing networks (SPEC §6). */
#ifndef STAKEGRAPH_EXPORT_H
#define STAKEGRAPH_EXPORT_H

#include <stdio.h>

#include "error.h"
#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { SG_FORMAT_GRAPHML = 0, SG_FORMAT_DOT } sg_format;

/* Parses "graphml" or "dot"; returns SG_OK or SG_ERR_INVALID. */
int sg_format_parse(sg_format *out, const char *name);

/* Guesses the format from a file name's extension (.graphml, .xml, .dot, .gv).
 * Returns SG_OK or SG_ERR_INVALID when the extension is unknown. */
int sg_format_from_path(sg_format *out, const char *path);

/* Writes `g` as GraphML / DOT to `f`. The stream stays open; write errors
 * are reported as SG_ERR_IO. */
int sg_export_graphml(const sg_graph *g, FILE *f, sg_error *err);
int sg_export_dot(const sg_graph *g, FILE *f, sg_error *err);
int sg_export(const sg_graph *g, sg_format fmt, FILE *f, sg_error *err);

/* An output file written completely or not at all: a regular (or new) file is
 * written to a temporary file beside it and renamed on commit; a non-regular
 * file (pipe, /dev/stdout, device) is written in place. "-" is stdout. */
typedef struct sg_output sg_output;

int sg_output_open(sg_output **out, const char *path, sg_error *err);
FILE *sg_output_stream(sg_output *o);
/* Flushes and checks every write so far, and syncs a temporary file to disk,
 * without renaming it: a run with several outputs flushes them all before it
 * commits any, so a failure leaves every previous file untouched. */
int sg_output_flush(sg_output *o, sg_error *err);
/* Flushes, checks every write, closes and renames into place. Frees `o`. */
int sg_output_commit(sg_output *o, sg_error *err);
/* Closes and removes the temporary file; the previous file is untouched.
 * Frees `o`; NULL-safe. */
void sg_output_abort(sg_output *o);

/* Convenience: open, export, commit (abort on any failure). */
int sg_export_file(const sg_graph *g, sg_format fmt, const char *path, sg_error *err);

#ifdef __cplusplus
}
#endif
#endif
