/* The extractor's state, read by graph.c to build the network. */
#ifndef SG_EXTRACT_INT_H
#define SG_EXTRACT_INT_H

#include "cooccur.h"
#include "match.h"
#include "segment.h"
#include "stakegraph/extract.h"

struct sg_extractor {
    const sg_gazetteer *gaz;
    sg_extract_options opt;
    sg_matcher *matcher; /* shared by forks: freed by the extractor that made it */
    int owns_matcher;
    sg_regex_md *md;
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
};

/* Builds the network from counts (graph.c). */
int sg_graph_build(sg_graph **out, const sg_gazetteer *gaz, const sg_matcher *m, const sg_cooc *c,
                   double min_weight, sg_error *err);

#endif
