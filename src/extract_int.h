/* The extractor's state, read by graph.c to build the network. */
#ifndef SG_EXTRACT_INT_H
#define SG_EXTRACT_INT_H

#include "cooccur.h"
#include "match.h"
#include "segment.h"
#include "stakegraph/extract.h"

/* One document's actors, for the bipartite graph. */
typedef struct {
    char *name;
    char **meta; /* key, value, key, value, ... */
    size_t nmeta;
    uint32_t *ents; /* distinct entities, with their mentions */
    long *counts;
    size_t n;
} sg_docrec;

struct sg_extractor {
    const sg_gazetteer *gaz;
    sg_extract_options opt;
    sg_matcher *matcher; /* shared by forks: freed by the extractor that made it */
    int owns_matcher;
    sg_regex_md *md;
    sg_short_cache *shorts; /* the organisations' short names met (short_names.c) */
    sg_folded folded;
    sg_units units;
    sg_hits hits;
    sg_cooc counts;
    uint32_t *unit_entities;
    size_t unit_cap;
    long ndocs;
    int read_counts; /* counts were added by sg_extractor_read_counts */
    sg_mention_fn on_mention;
    void *mention_ctx;
    sg_warning_fn on_warning;
    void *warning_ctx;
    sg_cooccurrence_fn on_cooc;
    void *cooc_ctx;
    size_t *first_hit; /* per entity: its first hit in the current unit (evidence) */
    long *hit_stamp;   /* per entity: the unit first_hit belongs to */
    long stamp;
    size_t line_pos, line; /* evidence: byte line_pos of the document is on line `line` */
    sg_docrec *docs;       /* record_documents */
    size_t ndocrec, doccap;
};

void sg_docrec_free(sg_docrec *d);

/* qsort's order of pointers to records: by name, then (a JSON Lines id given
 * twice) by metadata, so that which one comes first does not depend on which
 * thread read which (bipartite.c). */
int sg_docrec_cmp(const void *x, const void *y);

/* The bipartite graph (bipartite.c). */
int sg_bipartite_build(sg_graph **out, const sg_extractor *ex, sg_error *err);

/* Builds the network from counts (graph.c). */
int sg_graph_build(sg_graph **out, const sg_gazetteer *gaz, const sg_matcher *m, const sg_cooc *c,
                   double min_weight, sg_error *err);

#endif
