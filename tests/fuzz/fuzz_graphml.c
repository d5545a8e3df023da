/* Fuzz target: reading GraphML back (sg_graph_read_graphml, igraph's reader
 * behind it; sg_graph_read_origin), then both exports of what was read, its summary from the
 * file's own columns, the analysis, the summary again and both exports. The GraphML written must be
 * clean XML and must read back as the same network; the DOT must parse with as many nodes and
 * edges. */
#include <string.h>

#include "fuzz.h"
#include "fuzz_graph.h"
#include "stakegraph/stakegraph.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sg_graph *g = NULL;
    sg_error err;
    fuzz_write_scratch(data, size);
    int rc = fuzz_read_scratch(&g, &err);
    if (rc) {
        FUZZ_CHECK(rc < 0 && err.code == rc && err.message[0]);
        FUZZ_CHECK(!strcmp(err.file, fuzz_scratch_path()));
        FUZZ_CHECK(g == NULL);
        return 0;
    }
    size_t n = sg_graph_node_count(g), m = sg_graph_edge_count(g);
    for (size_t i = 0; i < n; i++)
        FUZZ_CHECK(sg_graph_node_id(g, i) && sg_graph_node_label(g, i) && sg_graph_node_type(g, i));
    for (size_t e = 0; e < m; e++) {
        size_t s, t;
        double w;
        sg_graph_edge(g, e, &s, &t, &w, NULL);
        FUZZ_CHECK(s < t && t < n); /* no self-loops, merged, sorted */
        FUZZ_CHECK(w > 0);
    }
    /* stakegraph's own file or another program's: the analysis then keeps
     * the latter's columns and puts its own beside them */
    int foreign = sg_graph_read_origin(g, fuzz_scratch_path());
    FUZZ_CHECK(foreign == 0 || foreign == 1);
    fuzz_check_exports(g, 1);

    /* the summary of the file's own columns (it analyses only when the file
     * has no `community`): foreign values must be refused, not trusted */
    sg_graph_summary sum;
    rc = sg_graph_summarise(g, &sum, &err);
    FUZZ_CHECK(rc == SG_OK || (rc < 0 && err.message[0]));

    sg_analysis_options opt;
    sg_analysis_options_init(&opt);
    opt.backbone = size % 2 ? 0.5 : 0;
    rc = sg_graph_analyse(g, &opt, &err);
    if (rc)
        fprintf(stderr, "analysis: %s\n", err.message);
    FUZZ_CHECK(rc == SG_OK);
    FUZZ_CHECK(sg_graph_summarise(g, &sum, &err) == SG_OK);
    FUZZ_CHECK(sum.nodes == sg_graph_node_count(g) && sum.edges == sg_graph_edge_count(g));
    fuzz_check_exports(g, 1);
    sg_graph_free(g);
    return 0;
}
