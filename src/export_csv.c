/* CSV tables for pandas and R (SPEC §11). */
#include "sg_internal.h"
#include "stakegraph/export.h"

int sg_export_csv_nodes(const sg_graph *g, FILE *f, sg_error *err)
{
    (void)g;
    (void)f;
    return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "CSV: not yet written");
}

int sg_export_csv_edges(const sg_graph *g, FILE *f, sg_error *err)
{
    (void)g;
    (void)f;
    return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "CSV: not yet written");
}
