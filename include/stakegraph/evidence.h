/* stakegraph — evidence: the units of text behind an edge's weight, as rows
 * an analyst can read (SPEC §11). Fed by sg_extractor_on_cooccurrence or
 * sg_run_options.on_cooccurrence. */
#ifndef STAKEGRAPH_EVIDENCE_H
#define STAKEGRAPH_EVIDENCE_H

#include <stddef.h>

#include "error.h"
#include "export.h"
#include "extract.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    SG_EVIDENCE_TSV = 0, /* source, target, doc, start, end, source_start, source_end,
                            target_start, target_end, snippet: tab-separated */
    SG_EVIDENCE_JSONL,   /* the same fields as one JSON object a line */
    SG_EVIDENCE_LINES    /* "doc:line: the whole unit", as grep prints (explain) */
} sg_evidence_format;

/* The header line of a format (with its line break; "" when it has none).
 * Static storage. */
const char *sg_evidence_header(sg_evidence_format f);

/* Appends the row for `c` (one line, with its line break) to the string *buf
 * of *len bytes (in *cap, NUL-terminated; start from NULL, 0, 0; grown with
 * realloc: the caller frees it). Text is made one line of valid UTF-8
 * (invalid bytes as U+FFFD, control characters and runs of white space one
 * space); the snippet is the unit, cut around the two mentions when it is
 * over 300 bytes. Returns SG_OK or SG_ERR_NOMEM (*buf is then unchanged). */
int sg_evidence_row(char **buf, size_t *len, size_t *cap, sg_evidence_format f,
                    const sg_cooccurrence *c);

/* The size about which the evidence rows' snippets are cut (bytes). */
#define SG_EVIDENCE_SNIPPET_MAX 300

/* A snippet of the unit with both mentions, at most about `max` bytes, as one
 * line of valid UTF-8 ("…" where it is cut); sg_evidence_row's snippet with
 * max = SG_EVIDENCE_SNIPPET_MAX. The caller frees it; NULL when out of
 * memory. */
char *sg_evidence_snippet(const sg_cooccurrence *c, size_t max);

/* The evidence format a file name asks for: JSON Lines when it ends in
 * ".jsonl" or ".json", else TSV. */
sg_evidence_format sg_evidence_format_of(const char *path);

/* Opens `path` for evidence rows (sg_output_open; "-": standard output) in
 * the format its name asks for (into *format) and writes the format's
 * header. On failure fills err (the file and why) and returns its code;
 * *out is set only on success, to end as export.h says. */
int sg_evidence_open(sg_output **out, sg_evidence_format *format, const char *path, sg_error *err);

/* Opens `path` for mention rows and writes their TSV header, "doc start end
 * id type text match" (as sg_evidence_open). */
int sg_mentions_open(sg_output **out, const char *path, sg_error *err);

/* Appends the TSV row of mention `m` (doc, start, end, id, type, the
 * matched text, how it matched; tabs and line breaks in a field made
 * spaces; with its line break) to *buf, as sg_evidence_row does. Returns
 * SG_OK or SG_ERR_NOMEM. */
int sg_mention_row(char **buf, size_t *len, size_t *cap, const sg_mention *m);

#ifdef __cplusplus
}
#endif
#endif
