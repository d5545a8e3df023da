/* GEXF 1.2 for Gephi, static or with a timeline (SPEC §11). */
#include "sg_internal.h"
#include "stakegraph/export.h"

int sg_export_gexf(const sg_graph *g, const sg_timeline *timeline, FILE *f, sg_error *err)
{
    (void)g;
    (void)timeline;
    (void)f;
    return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "GEXF: not yet written");
}
