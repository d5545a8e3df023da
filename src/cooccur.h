/* Co-occurrence counting (SPEC §5). */
#ifndef SG_COOCCUR_H
#define SG_COOCCUR_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    long mentions, documents, last_doc;
    long units;     /* units in which the entity is mentioned */
    long last_unit; /* the last unit that counted it (first-mention order) */
} sg_node_count;

#include "stakegraph/graph.h" /* SG_FIRST_DOCUMENTS */

/* A document's name shared by every pair that keeps it among its first
 * documents: one allocation a document, a reference count, not a copy a
 * pair. The pointer is the name itself (a C string); NULL-safe. */
char *sg_docname_new(const char *name);
char *sg_docname_ref(char *name);
void sg_docname_release(char *name);

typedef struct {
    uint64_t key; /* ((a << 32) | b) + 1 with a < b entity indices; 0 = empty */
    long weight, documents, last_doc;
    char *first[SG_FIRST_DOCUMENTS]; /* the smallest document names (byte order),
                                        sorted, NULL-padded: sg_docname references */
} sg_pair_count;

typedef struct {
    sg_node_count *nodes; /* one per entity */
    size_t nentities;
    long units;           /* units of text seen, with or without mentions */
    long unit_seq;        /* units given to sg_cooc_unit so far */
    sg_pair_count *pairs; /* open addressing */
    size_t mask, used;
    uint32_t *scratch;
    size_t scratch_cap;
    int keep_pairs;       /* non-zero: sg_cooc_unit records its pairs */
    uint32_t *last_pairs; /* the pairs of the last unit: 2 a pair */
    size_t last_n, last_cap;
} sg_cooc;

int sg_cooc_init(sg_cooc *c, size_t nentities);
void sg_cooc_free(sg_cooc *c);

/* Counts one mention of `entity` in document `doc` (documents are numbered
 * from 0 in the order they are added). */
void sg_cooc_mention(sg_cooc *c, long doc, uint32_t entity);

/* Counts one unit of document `doc` whose mentions name `entities` (any
 * order, repeats allowed): +1 for each distinct entity's units and for every
 * unordered pair of distinct ones. Units without mentions are counted by the
 * caller in `units`. */
/* A unit naming more than `cap` distinct entities (cap >= 2; 0 = no cap) is
 * crowded (a list, a table): each entity is then paired only with the next
 * cap - 1 distinct entities in order of first mention, so the work stays
 * linear; *capped is set to 1. */
/* `name` is the document's name made by sg_docname_new (NULL: not kept);
 * pairs that keep it take a reference. */
int sg_cooc_unit(sg_cooc *c, long doc, char *name, const uint32_t *entities, size_t n, size_t cap,
                 int *capped);

/* The pairs the last sg_cooc_unit counted: 2 * n entity indices (a < b), in
 * the scratch of `c`, valid until the next call. */
const uint32_t *sg_cooc_last_pairs(const sg_cooc *c, size_t *n);

/* Adds counts made elsewhere (another thread, another machine) for other
 * documents: a pair's weight and documents, an entity's mentions, documents
 * and units. Returns 0, SG_ERR_NOMEM, or SG_ERR_LIMIT when a sum would
 * overflow (the counts are then partly added). */
int sg_cooc_add_pair(sg_cooc *c, uint32_t a, uint32_t b, long weight, long documents);
/* Offers document `name` (copied) as one of pair (a, b)'s first documents;
 * the pair must exist. Returns 0 or SG_ERR_NOMEM. */
int sg_cooc_offer_name(sg_cooc *c, uint32_t a, uint32_t b, const char *name);
int sg_cooc_add_node(sg_cooc *c, uint32_t entity, long mentions, long documents, long units);

/* Moves every count of `from` (same entities, other documents) into `into`,
 * leaving `from` empty; same returns (after a failure both hold parts). */
int sg_cooc_merge(sg_cooc *into, sg_cooc *from);

#endif
