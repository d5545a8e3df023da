/* Paragraphs, French-aware sentences and token windows (SPEC §5). */
#ifndef SG_SEGMENT_H
#define SG_SEGMENT_H

#include <stddef.h>

#include "normalise.h"
#include "stakegraph/extract.h"

/* Unit boundaries in folded coordinates: unit k covers [starts[k], starts[k+1])
 * (the last one runs to the end). Reused between documents. */
typedef struct {
    size_t *starts;
    size_t count, cap;
} sg_units;

/* Computes the units of the folded document `f` for `unit` (window size `window`). */
int sg_segment(sg_units *u, const sg_folded *f, sg_unit unit, unsigned window);
void sg_units_free(sg_units *u);

/* The unit that contains folded offset `pos`. */
size_t sg_units_find(const sg_units *u, size_t pos);

#endif
