/* stakegraph — gazetteers: the entities to find and their names (SPEC §3). */
#ifndef STAKEGRAPH_GAZETTEER_H
#define STAKEGRAPH_GAZETTEER_H

#include <stddef.h>

#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A set of entities loaded from one or more TSV files. Not thread-safe while
 * loading; read-only (and safe to share between threads) once an extractor
 * has been made from it. */
typedef struct sg_gazetteer sg_gazetteer;

/* Makes an empty gazetteer in *out (set only on success). */
int sg_gazetteer_new(sg_gazetteer **out, sg_error *err);

/* Frees the gazetteer; NULL-safe. Extractors made from it must be freed first. */
void sg_gazetteer_free(sg_gazetteer *gaz);

/* Parses a TSV gazetteer held in memory. `name` is used in error messages.
 * All or nothing: on error the gazetteer is left exactly as it was, and `err`
 * names the file and line (duplicate id, missing column, bad UTF-8, empty
 * alias, invalid pattern, reserved column name). */
int sg_gazetteer_load_buffer(sg_gazetteer *gaz, const char *name, const char *data, size_t len,
                             sg_error *err);

/* Loads one file, or every `*.tsv` of a directory in sorted order (all or
 * nothing for the whole directory). */
int sg_gazetteer_load_path(sg_gazetteer *gaz, const char *path, sg_error *err);

/* Number of entities loaded. */
size_t sg_gazetteer_count(const sg_gazetteer *gaz);

/* Looks up an entity index by id; returns -1 when absent. */
long sg_gazetteer_find(const sg_gazetteer *gaz, const char *id);

/* Id, label and type of entity `i` (0 <= i < count). Owned by the gazetteer. */
const char *sg_gazetteer_id(const sg_gazetteer *gaz, size_t i);
const char *sg_gazetteer_label(const sg_gazetteer *gaz, size_t i);
const char *sg_gazetteer_type(const sg_gazetteer *gaz, size_t i);

#ifdef __cplusplus
}
#endif
#endif
