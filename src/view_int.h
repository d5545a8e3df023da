/* The view's internals shared by its two files: the units kept for it
 * (view_units.c) and the writer of the HTML file (view.c). */
#ifndef SG_VIEW_INT_H
#define SG_VIEW_INT_H

#include <stddef.h>
#include <stdint.h>

#include "stakegraph/view.h"

/* A unit kept: its snippet, one line of valid UTF-8, and where the two names
 * are in it (evidence.c's sg_evidence_snippet_marked). */
typedef struct {
    size_t doc; /* its document: an index into the store's docs */
    size_t line;
    char *text;
    size_t spans[4];
} sg_view_unit;

/* An edge's units: the first ones kept, and how many there were in all. */
typedef struct {
    char *pair; /* the source id, NUL, the target id, NUL (source < target) */
    size_t *kept;
    size_t nkept, kept_cap, total;
} sg_view_edge;

struct sg_unit_store {
    size_t per_edge;
    sg_view_unit *units;
    size_t nunits, units_cap;
    sg_view_edge *edges;
    size_t nedges, edges_cap;
    size_t *slots; /* open addressing: edge index + 1, 0 = empty */
    size_t mask;
    char **docs; /* the documents' names, in the order of their first unit */
    size_t ndocs, docs_cap;
};

/* The units of the edge between the actors `a` and `b` (either order), or NULL. */
const sg_view_edge *sg_unit_store_find(const sg_unit_store *s, const char *a, const char *b);

#endif
