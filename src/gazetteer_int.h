/* The gazetteer's internal representation, read by the matcher and the graph. */
#ifndef SG_GAZETTEER_INT_H
#define SG_GAZETTEER_INT_H

#include <pthread.h>
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
    SG_GUARD_LISTED,
    /* (a hit's only) a reading several departments' bodies share, read as
     * the one of the document's department (SKEL_LOCAL) */
    SG_GUARD_LOCAL
};

typedef struct {
    char *id, *label, *type;
    char **aliases; /* as written, '=' prefix kept (in the gazetteer's slot blocks) */
    size_t naliases;
    char *pattern;         /* PCRE2 pattern or NULL */
    char *surname;         /* people: explicit surname or NULL */
    unsigned char guard;   /* SG_GUARD_*: how its guarded names match (aliases
                              written "!name" are never guarded) */
    unsigned char found;   /* added by sg_gazetteer_add_found: found in the corpus */
    uint16_t variants_off; /* SG_VARIANT_* turned off for this entry (`variants`) */
    char **attrs;          /* value per attribute index < nattrs (NULL = absent; slot blocks) */
    size_t nattrs;
    const char *file; /* owned by the gazetteer */
    long line;
} sg_entity;

/* A reader of the entities while they load (sg_extractor_begin: the matcher
 * built in a second thread as the rows are read). The loading thread
 * publishes the entities it added; the array of entities is moved (grown)
 * only while the reader is not reading it. */
typedef struct sg_gaz_feed {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    size_t published; /* entities [0, published) may be read */
    size_t expected;  /* rows of the files being loaded: a size for the reader's tables */
    int reading;      /* the reader reads entities: the array must not move */
    int halted;       /* a load failed (its entities are going): the reader stops */
    int done;         /* no more entities */
} sg_gaz_feed;

struct sg_gazetteer {
    sg_entity *ents;
    size_t n, cap;
    sg_gaz_feed *feed; /* NULL but while an extractor is built beside the loading */
    char **attr_names;
    size_t nattr, attr_cap;
    char **files;
    size_t nfiles, files_cap;
    char **texts; /* per file: its text, cut into the entities' strings */
    size_t texts_cap;
    uint64_t *index; /* open addressing: id hash << 32 | (entity index + 1), 0 = empty */
    size_t index_mask;
    /* the entities' aliases and attributes (their arrays of char *), taken
     * from blocks that never move */
    char ***slot_blocks;
    size_t nslot_blocks, slot_blocks_cap;
    char **slots_next;
    size_t slots_left;
};

/* The reader's side of a feed: waits until entities past `from` are
 * published, then returns their end (entities [from, end) may be read until
 * sg_gaz_feed_release); returns `from` when the loading is done or halted
 * and nothing more is to be read. */
size_t sg_gaz_feed_take(sg_gaz_feed *f, size_t from);
void sg_gaz_feed_release(sg_gaz_feed *f);
/* The loader's side: no more entities (`ok`: all loaded; else the reader stops). */
void sg_gaz_feed_close(sg_gazetteer *g, int ok);

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
