/* The gazetteer's internal representation, read by the matcher and the graph. */
#ifndef SG_GAZETTEER_INT_H
#define SG_GAZETTEER_INT_H

#include <stddef.h>
#include <stdint.h>

#include "stakegraph/gazetteer.h"

/* The `guard` column (SPEC §15): when a name that is also a common word
 * (Orange, Tours) counts as a mention. */
enum {
    SG_GUARD_NONE = 0,
    SG_GUARD_EXACT,   /* only with its exact capitals, as written */
    SG_GUARD_CONFIRM, /* only in a document where an unguarded name of the entry matches */
    SG_GUARD_CUE,     /* only right after a cue: "à", "de", "d’", "en", "commune de", ... */
    SG_GUARD_NEVER,   /* never */
    /* (a hit's only, not a column's) only in a list with another organisation:
     * a hospital's site named like a town ("Cimiez", variants_read.c) */
    SG_GUARD_LISTED
};

typedef struct {
    char *id, *label, *type;
    char **aliases; /* as written, '=' prefix kept */
    size_t naliases;
    char *pattern;         /* PCRE2 pattern or NULL */
    char *surname;         /* people: explicit surname or NULL */
    unsigned char guard;   /* SG_GUARD_*: how its guarded names match (aliases
                              written "!name" are never guarded) */
    uint16_t variants_off; /* SG_VARIANT_* turned off for this entry (`variants`) */
    char **attrs;          /* value per attribute index < nattrs (NULL = absent) */
    size_t nattrs;
    const char *file; /* owned by the gazetteer */
    long line;
} sg_entity;

struct sg_gazetteer {
    sg_entity *ents;
    size_t n, cap;
    char **attr_names;
    size_t nattr, attr_cap;
    char **files;
    size_t nfiles, files_cap;
    uint64_t *index; /* open addressing: id hash << 32 | (entity index + 1), 0 = empty */
    size_t index_mask;
};

const sg_entity *sg_gazetteer_entity(const sg_gazetteer *gaz, size_t i);

/* A hash of every entity's content (ids, names, patterns, columns), the same
 * whatever the order of the files, rows and columns: two gazetteers with the
 * same fingerprint give the same network. */
uint64_t sg_gazetteer_fingerprint(const sg_gazetteer *gaz);

/* The *.tsv files of directory `dir` (hidden ones left out), as paths in
 * byte order (*out and each path: caller frees). SG_ERR_IO when it cannot be
 * opened (errno says why), SG_ERR_NOMEM. */
int sg_gazetteer_dir_files(const char *dir, char ***out, size_t *count);

#endif
