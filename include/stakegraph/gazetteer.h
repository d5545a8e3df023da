/* stakegraph — gazetteers: the entities to find and their names (SPEC §3). */
#ifndef STAKEGRAPH_GAZETTEER_H
#define STAKEGRAPH_GAZETTEER_H

#include <stddef.h>

#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A set of entities loaded from one or more TSV files. The caller frees it
 * with sg_gazetteer_free. The strings it returns are its own, valid until it
 * is freed. Threads: loading (sg_gazetteer_load_buffer, _load_path) changes
 * it and needs it to itself; the other functions but sg_gazetteer_free only
 * read it, so any number of threads may read one gazetteer at once. Extractors and
 * suggesters keep a pointer to it and read it from their own threads: load
 * nothing more into it while one exists. */
typedef struct sg_gazetteer sg_gazetteer;

/* Makes an empty gazetteer in *out (set only on success; the caller frees it). */
int sg_gazetteer_new(sg_gazetteer **out, sg_error *err);

/* Frees the gazetteer; NULL-safe. Extractors made from it must be freed first. */
void sg_gazetteer_free(sg_gazetteer *gaz);

/* Parses a TSV gazetteer held in memory. `name` is used in error messages
 * (NULL: "<gazetteer>"). The gazetteer copies what it keeps: `data` and
 * `name` are only read during the call. All or nothing: on error the
 * gazetteer is left exactly as it was, and `err` names the file and line
 * (duplicate id, missing column, bad UTF-8, empty alias, invalid pattern,
 * reserved column name). */
int sg_gazetteer_load_buffer(sg_gazetteer *gaz, const char *name, const char *data, size_t len,
                             sg_error *err);

/* Loads one file, or every `*.tsv` of a directory in sorted order (all or
 * nothing for the whole directory). */
int sg_gazetteer_load_path(sg_gazetteer *gaz, const char *path, sg_error *err);

/* Number of entities loaded (0 for NULL). */
size_t sg_gazetteer_count(const sg_gazetteer *gaz);

/* Looks up an entity index by id; returns -1 when absent (or `gaz` is NULL). */
long sg_gazetteer_find(const sg_gazetteer *gaz, const char *id);

/* Id, label and type of entity `i` (0 <= i < count, not checked). Owned by the
 * gazetteer, valid until it is freed. */
const char *sg_gazetteer_id(const sg_gazetteer *gaz, size_t i);
const char *sg_gazetteer_label(const sg_gazetteer *gaz, size_t i);
const char *sg_gazetteer_type(const sg_gazetteer *gaz, size_t i);

/* One finding of a gazetteer check. Every pointer is valid only during the
 * callback. */
typedef struct {
    int error;           /* 1: the loader refuses it (an error); 0: a warning */
    const char *kind;    /* "load", "duplicate-id", "shared", "shadowed", "redundant",
                            "common-word", "short" */
    const char *file;    /* the gazetteer file ("" when none) */
    long line;           /* 1-based; 0 when about the whole file */
    const char *message; /* one line, no file or line in it */
} sg_finding;

/* Called in the checking thread, before the check returns; `ctx` is the
 * caller's, passed through. A NULL `fn` reports nothing. */
typedef void (*sg_finding_fn)(const sg_finding *finding, void *ctx);

/* Warnings about the names of a loaded gazetteer (README "Checking a
 * gazetteer"): names of two entities that match the same texts ("shared"),
 * names whose spelling in capitals or exact case goes to another entity
 * ("shadowed"), names that add nothing to another name of their entity
 * ("redundant"), and unguarded names that are common French words of the
 * word list `words` (one word a line, e.g. /usr/share/dict/french; NULL:
 * not checked) or very short ("common-word", "short"). Calls `fn` once per
 * finding, sorted by file, line and message. Returns 0, or SG_ERR_IO (the
 * word list cannot be read) / SG_ERR_NOMEM with `err` set; `fn` is then not
 * called. Reads `gaz` only. */
int sg_gazetteer_check(const sg_gazetteer *gaz, const char *words, sg_finding_fn fn, void *ctx,
                       sg_error *err);

/* Checks gazetteer files (a file, or every `*.tsv` of a directory): each file
 * is loaded on its own, and every line the loader refuses is an error
 * finding (the loader stops at the first: the check reports it, blanks the
 * line and goes on, up to 50 errors a file); ids defined in two files are
 * errors too; then the warnings of sg_gazetteer_check over every entity
 * loaded. Findings are sorted by file, line and message. *nerrors (may be
 * NULL) receives the number of error findings. Returns 0, or a negative
 * status (out of memory, unreadable word list) with `err` set. Loads into
 * gazetteers of its own, freed before it returns: safe from any thread. */
int sg_gazetteer_check_paths(const char *const *paths, size_t npaths, const char *words,
                             sg_finding_fn fn, void *ctx, size_t *nerrors, sg_error *err);

#ifdef __cplusplus
}
#endif
#endif
