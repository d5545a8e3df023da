/* The analysis API (SPEC §9): edge normalisations, disparity backbone, node
 * measures, communities and the graph summary, on networks small enough to
 * be worked out by hand.
 *
 * The hand network. Gazetteer: four organisations whose ids sort in the
 * order Alpha, Beta, Gamma, Delta (org:a < org:b < org:c < org:d), so the
 * node indices are a=0 (Alpha), b=1 (Beta), c=2 (Gamma), d=3 (Delta).
 * Document (sentence unit), four sentences:
 *   1 "Alpha et Beta signent."            {a, b}
 *   2 "Alpha, Beta et Gamma discutent."   {a, b, c}
 *   3 "Gamma rencontre Delta."            {c, d}
 *   4 "Alpha conclut."                    {a}
 * Units N = 4. Units per entity f: a 3 (1,2,4), b 2 (1,2), c 2 (2,3), d 1 (3).
 * Edge weights (units with both ends), in (source, target) order:
 *   e0 = (a,b) c=2 (1,2)    e1 = (a,c) c=1 (2)
 *   e2 = (b,c) c=1 (2)      e3 = (c,d) c=1 (3)
 * Degrees k: a 2, b 2, c 3, d 1. Strengths s: a 2+1=3, b 2+1=3,
 * c 1+1+1=3, d 1. Total weight W = 2+1+1+1 = 5, so 2W = 10. */
#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include <igraph.h>

#include "stakegraph/stakegraph.h"
#include "child.h"      /* sg_child_*, the second process of a sampled betweenness */
#include "graph_int.h"  /* the picture's edges kept by the layout */
#include "render_int.h" /* sg_layout_job_*, the layout's settings */

#define TOL 1e-12

static const char *GAZ = "id\tlabel\ttype\taliases\n"
                         "org:a\tAlpha\torganisation\t\n"
                         "org:b\tBeta\torganisation\t\n"
                         "org:c\tGamma\torganisation\t\n"
                         "org:d\tDelta\torganisation\t\n";

/* The hand-worked document: four sentences (N = 4). */
static const char *TEXT = "Alpha et Beta signent. Alpha, Beta et Gamma discutent. "
                          "Gamma rencontre Delta. Alpha conclut.";

/* Builds the network of `text` (one document, sentence unit) through the
 * public API. */
static sg_graph *build(const char *text)
{
    sg_error err;
    sg_gazetteer *gaz;
    sg_extractor *ex;
    sg_graph *g;
    assert_int_equal(sg_gazetteer_new(&gaz, &err), 0);
    assert_int_equal(sg_gazetteer_load_buffer(gaz, "g.tsv", GAZ, strlen(GAZ), &err), 0);
    assert_int_equal(sg_extractor_new(&ex, gaz, NULL, &err), 0);
    assert_int_equal(sg_extractor_add(ex, "d1", text, strlen(text), &err), 0);
    assert_int_equal(sg_extractor_graph(&g, ex, 0, &err), 0);
    sg_extractor_free(ex);
    sg_gazetteer_free(gaz);
    return g;
}

static sg_graph *analysed(const char *text, const sg_analysis_options *opt)
{
    sg_error err;
    sg_graph *g = build(text);
    assert_int_equal(sg_graph_analyse(g, opt, &err), 0);
    return g;
}

/* Value of the column `name` (which must exist) on node or edge `i`. */
static double col(const sg_graph *g, sg_domain d, const char *name, size_t i)
{
    long c = sg_graph_column_find(g, d, name);
    if (c < 0)
        fail_msg("missing column %s", name);
    return sg_graph_column_value(g, d, (size_t)c, i);
}

static void assert_near(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol))
        fail_msg("got %.17g, want %.17g (tolerance %g)", got, want, tol);
}

static void assert_edge(const sg_graph *g, size_t e, size_t src, size_t dst, double weight)
{
    size_t s, t;
    double w;
    long docs;
    sg_graph_edge(g, e, &s, &t, &w, &docs);
    assert_int_equal(s, src);
    assert_int_equal(t, dst);
    assert_near(w, weight, 0);
}

/* The counts the analysis starts from: checks the extractor saw the hand
 * network (and so that sentence segmentation is as assumed above). */
static void hand_network(void **state)
{
    (void)state;
    sg_graph *g = build(TEXT);
    assert_int_equal(sg_graph_units(g), 4);
    assert_int_equal(sg_graph_node_count(g), 4);
    assert_string_equal(sg_graph_node_label(g, 0), "Alpha");
    assert_string_equal(sg_graph_node_label(g, 1), "Beta");
    assert_string_equal(sg_graph_node_label(g, 2), "Gamma");
    assert_string_equal(sg_graph_node_label(g, 3), "Delta");
    const double f[4] = {3, 2, 2, 1};
    for (size_t i = 0; i < 4; i++)
        assert_near(col(g, SG_NODES, "units", i), f[i], 0);
    assert_int_equal(sg_graph_edge_count(g), 4);
    assert_edge(g, 0, 0, 1, 2);
    assert_edge(g, 1, 0, 2, 1);
    assert_edge(g, 2, 1, 2, 1);
    assert_edge(g, 3, 2, 3, 1);
    sg_graph_free(g);
}

static void edge_measures(void **state)
{
    (void)state;
    sg_graph *g = analysed(TEXT, NULL);
    assert_int_equal(sg_graph_edge_count(g), 4);

    /* Jaccard c / (f_a + f_b - c):
     *   ab 2/(3+2-2) = 2/3     ac 1/(3+2-1) = 1/4
     *   bc 1/(2+2-1) = 1/3     cd 1/(2+1-1) = 1/2 */
    const double jaccard[4] = {2.0 / 3, 1.0 / 4, 1.0 / 3, 1.0 / 2};

    /* Association c 2W / (s_a s_b), 2W = 10:
     *   ab 2*10/(3*3) = 20/9   ac 1*10/(3*3) = 10/9
     *   bc 1*10/(3*3) = 10/9   cd 1*10/(3*1) = 10/3 */
    const double association[4] = {20.0 / 9, 10.0 / 9, 10.0 / 9, 10.0 / 3};

    /* NPMI log(p_ab / (p_a p_b)) / -log p_ab, p = count / 4:
     *   ab p_ab 1/2, p_a 3/4, p_b 1/2: ratio (1/2)/(3/8) = 4/3,
     *      npmi = log(4/3) / log 2
     *   ac p_ab 1/4, p_a 3/4, p_c 1/2: ratio (1/4)/(3/8) = 2/3,
     *      npmi = log(2/3) / log 4 (negative: less often together than chance)
     *   bc p_ab 1/4, p_b 1/2, p_c 1/2: ratio (1/4)/(1/4) = 1, npmi = 0
     *   cd p_ab 1/4, p_c 1/2, p_d 1/4: ratio (1/4)/(1/8) = 2,
     *      npmi = log 2 / log 4 = 1/2 */
    const double npmi[4] = {log(4.0 / 3) / log(2.0), log(2.0 / 3) / log(4.0), 0, 0.5};

    /* Disparity alpha at an end: (1 - w/s)^(k-1) if k > 1, else 1; the
     * edge keeps the smaller of its two ends.
     *   ab w 2: a (1-2/3)^1 = 1/3, b (1-2/3)^1 = 1/3           -> 1/3
     *   ac w 1: a (1-1/3)^1 = 2/3, c (k=3) (1-1/3)^2 = 4/9     -> 4/9
     *   bc w 1: b (1-1/3)^1 = 2/3, c 4/9                       -> 4/9
     *   cd w 1: c 4/9, d (k=1) 1                               -> 4/9 */
    const double alpha[4] = {1.0 / 3, 4.0 / 9, 4.0 / 9, 4.0 / 9};

    for (size_t e = 0; e < 4; e++) {
        assert_near(col(g, SG_EDGES, "jaccard", e), jaccard[e], TOL);
        assert_near(col(g, SG_EDGES, "association", e), association[e], TOL);
        assert_near(col(g, SG_EDGES, "npmi", e), npmi[e], TOL);
        assert_near(col(g, SG_EDGES, "backbone_alpha", e), alpha[e], TOL);
    }
    sg_graph_free(g);
}

/* NPMI is 1 when the pair is in every unit: one sentence with both
 * entities, N = 1, p_ab = p_a = p_b = 1. Jaccard 1/(1+1-1) = 1; both ends
 * have degree 1 so alpha = 1; association 1*2*1/(1*1) = 2. */
static void npmi_every_unit(void **state)
{
    (void)state;
    sg_graph *g = analysed("Alpha et Beta signent.", NULL);
    assert_int_equal(sg_graph_units(g), 1);
    assert_int_equal(sg_graph_edge_count(g), 1);
    assert_near(col(g, SG_EDGES, "npmi", 0), 1, TOL);
    assert_near(col(g, SG_EDGES, "jaccard", 0), 1, TOL);
    assert_near(col(g, SG_EDGES, "backbone_alpha", 0), 1, TOL);
    assert_near(col(g, SG_EDGES, "association", 0), 2, TOL);
    sg_graph_free(g);
}

static void node_measures(void **state)
{
    (void)state;
    sg_graph *g = analysed(TEXT, NULL);

    /* Degree, strength and units from the header comment. */
    const double degree[4] = {2, 2, 3, 1};
    const double strength[4] = {3, 3, 3, 1};
    const double units[4] = {3, 2, 2, 1};
    for (size_t i = 0; i < 4; i++) {
        assert_near(col(g, SG_NODES, "degree", i), degree[i], 0);
        assert_near(col(g, SG_NODES, "strength", i), strength[i], TOL);
        assert_near(col(g, SG_NODES, "units", i), units[i], 0);
        /* Connected: a-b, a-c, b-c, c-d reach every node: one component, 0. */
        assert_near(col(g, SG_NODES, "component", i), 0, 0);
        double cv = col(g, SG_NODES, "community", i);
        assert_true(cv >= 0 && cv < 4 && cv == floor(cv));
    }

    /* Betweenness, distances 1/weight: ab 1/2, ac 1, bc 1, cd 1.
     * Shortest paths of the six pairs:
     *   a-b: direct 1/2 (a-c-b is 2)              inner nodes: none
     *   a-c: direct 1 (a-b-c is 3/2)              none
     *   b-c: direct 1 (b-a-c is 3/2)              none
     *   c-d: direct 1                             none
     *   a-d: a-c-d 2 (a-b-c-d is 5/2), unique     c
     *   b-d: b-c-d 2 (b-a-c-d is 5/2), unique     c
     * So c = 2 and a = b = d = 0 (undirected: each pair counted once). */
    const double betweenness[4] = {0, 0, 2, 0};
    for (size_t i = 0; i < 4; i++)
        assert_near(col(g, SG_NODES, "betweenness", i), betweenness[i], TOL);

    /* PageRank, damping d = 17/20, teleport (1-d)/4 = 3/80, each node passes
     * its rank along its edges in proportion w/s (no dangling node).
     * a and b are swapped by an automorphism, so p_a = p_b = x; p_c = y,
     * p_d = z:
     *   x = 3/80 + d (x*2/3 + y*1/3)       (from b: 2/3, from c: 1/3)
     *   y = 3/80 + d (x*1/3 + x*1/3 + z)   (from a, b: 1/3 each; d: 1/1)
     *   z = 3/80 + d (y*1/3)
     * Times 240: 104x = 9 + 68y; 240y = 9 + 136x + 204z; 240z = 9 + 68y.
     * So z = 104x/240 = 13x/30 and y = (104x - 9)/68; then
     *   (60/17)(104x - 9) = 9 + 136x + 88.4x, times 85:
     *   31200x - 2700 = 765 + 19074x, x = 3465/12126 = 1155/4042,
     *   y = (120120/4042 - 36378/4042)/68 = 2463/8084,
     *   z = 13*1155/(30*4042) = 1001/8084,
     * and 2x + y + z = (4620 + 2463 + 1001)/8084 = 1. */
    const double pagerank[4] = {1155.0 / 4042, 1155.0 / 4042, 2463.0 / 8084, 1001.0 / 8084};
    double sum = 0;
    for (size_t i = 0; i < 4; i++) {
        assert_near(col(g, SG_NODES, "pagerank", i), pagerank[i], 1e-12);
        sum += col(g, SG_NODES, "pagerank", i);
    }
    assert_near(sum, 1, TOL);

    /* Eigenvector centrality (scaled so that the largest is 1). By the a/b
     * symmetry x = (1, 1, y, z) with weighted adjacency rows
     *   a: 2b + c, b: 2a + c, c: a + b + d, d: c
     * so lambda = 2 + y, lambda y = 2 + z, lambda z = y; lambda is the
     * largest root of l^3 - 2l^2 - 3l + 2 = 0 (about 2.8136), y = lambda - 2
     * < 1, so a and b hold the maximum 1. ARPACK is iterative: looser
     * tolerance. */
    double ea = col(g, SG_NODES, "eigenvector", 0), eb = col(g, SG_NODES, "eigenvector", 1);
    double ec = col(g, SG_NODES, "eigenvector", 2), ed = col(g, SG_NODES, "eigenvector", 3);
    assert_near(ea, 1, 1e-9);
    assert_near(eb, 1, 1e-9);
    double lambda = 2 + ec;
    assert_near(lambda * ec, 2 + ed, 1e-9);
    assert_near(lambda * ed, ec, 1e-9);
    assert_near(lambda * lambda * lambda - 2 * lambda * lambda - 3 * lambda + 2, 0, 1e-8);
    assert_true(lambda > 2.81 && lambda < 2.82);

    /* Communities. Louvain from singletons, gain of moving node i into C
     * proportional to k_iC - s_i S_C / 2W (2W = 10):
     *   c: to a 1 - 9/10 = 0.1, to b 0.1, to d 1 - 3/10 = 0.7   -> {c,d}
     *   a: to b 2 - 9/10 = 1.1, to c 0.1 (or {c,d}: 1 - 12/10 < 0) -> {a,b}
     *   d: to c 1 - 3/10 = 0.7; b: to a 1.1
     * whatever the order, the moves end in {a,b} {c,d}; merging the two
     * gives Q = 0 < Q({a,b}{c,d}):
     *   Q = sum_C (L_C/W - (S_C/2W)^2) = (2/5 - (6/10)^2) + (1/5 - (4/10)^2)
     *     = 0.04 + 0.04 = 0.08
     * (the best of the 15 partitions: {a,b,c}{d} gives 4/5 - 0.82 = -0.02,
     * one community 0). Both have 2 nodes; the tie goes to the one with
     * the smallest node: {a,b} = 0, {c,d} = 1. */
    const double community[4] = {0, 0, 1, 1};
    for (size_t i = 0; i < 4; i++)
        assert_near(col(g, SG_NODES, "community", i), community[i], 0);
    sg_graph_free(g);
}

static void backbone(void **state)
{
    (void)state;
    sg_analysis_options opt;
    sg_analysis_options_init(&opt);
    assert_int_equal(opt.seed, 1);
    assert_true(opt.backbone == 0);

    /* alpha: ab 1/3, ac bc cd 4/9 (edge_measures). With 0.4, only ab
     * (1/3 < 0.4 < 4/9) survives; the four nodes stay. */
    opt.backbone = 0.4;
    sg_graph *g = analysed(TEXT, &opt);
    assert_int_equal(sg_graph_node_count(g), 4);
    assert_int_equal(sg_graph_edge_count(g), 1);
    assert_edge(g, 0, 0, 1, 2);
    /* The edge columns follow their edge (computed on the full network). */
    assert_near(col(g, SG_EDGES, "backbone_alpha", 0), 1.0 / 3, TOL);
    assert_near(col(g, SG_EDGES, "jaccard", 0), 2.0 / 3, TOL);
    /* Node measures on the remaining edge: a-b of weight 2, c and d
     * isolated. Components by decreasing size, ties by smallest node:
     * {a,b} 0, {c} 1, {d} 2. */
    const double degree[4] = {1, 1, 0, 0};
    const double strength[4] = {2, 2, 0, 0};
    const double component[4] = {0, 0, 1, 2};
    for (size_t i = 0; i < 4; i++) {
        assert_near(col(g, SG_NODES, "degree", i), degree[i], 0);
        assert_near(col(g, SG_NODES, "strength", i), strength[i], TOL);
        assert_near(col(g, SG_NODES, "betweenness", i), 0, TOL);
        assert_near(col(g, SG_NODES, "component", i), component[i], 0);
    }
    sg_error err;
    sg_graph_summary s;
    assert_int_equal(sg_graph_summarise(g, &s, &err), 0);
    assert_int_equal(s.nodes, 4);
    assert_int_equal(s.edges, 1);
    assert_int_equal(s.components, 3);
    assert_int_equal(s.isolated, 2);
    assert_near(s.density, 1.0 / 6, TOL); /* 1 / (4*3/2) */
    assert_near(s.total_weight, 2, TOL);
    /* Whatever the partition, only a community holding a-b has weight
     * (W = 2, S = 4): L/W - (S/2W)^2 = 1 - 1 = 0 when a and b are together;
     * apart, each has -(2/4)^2, Q = -1/2. Louvain joins them (gain 2 - 2*2/4
     * = 1 > 0): Q = 0. */
    assert_near(s.modularity, 0, TOL);
    sg_graph_free(g);

    /* 0.5: every alpha (at most 4/9) is below it, all four edges stay. */
    opt.backbone = 0.5;
    g = analysed(TEXT, &opt);
    assert_int_equal(sg_graph_node_count(g), 4);
    assert_int_equal(sg_graph_edge_count(g), 4);
    sg_graph_free(g);

    /* 0.3: every alpha (at least 1/3) is above it: no edge, four nodes. */
    opt.backbone = 0.3;
    g = analysed(TEXT, &opt);
    assert_int_equal(sg_graph_node_count(g), 4);
    assert_int_equal(sg_graph_edge_count(g), 0);
    for (size_t i = 0; i < 4; i++)
        assert_near(col(g, SG_NODES, "degree", i), 0, 0);
    sg_graph_free(g);
}

static void same_communities_every_run(void **state)
{
    (void)state;
    sg_analysis_options opt;
    sg_analysis_options_init(&opt);
    for (unsigned long seed = 1; seed <= 3; seed++) {
        opt.seed = seed;
        sg_graph *g1 = analysed(TEXT, &opt), *g2 = analysed(TEXT, &opt);
        for (size_t i = 0; i < 4; i++)
            assert_true(col(g1, SG_NODES, "community", i) == col(g2, SG_NODES, "community", i));
        sg_graph_free(g1);
        sg_graph_free(g2);
    }
}

static void summary(void **state)
{
    (void)state;
    sg_error err;
    sg_graph_summary s;
    /* Not analysed yet: sg_graph_summarise runs the analysis first. */
    sg_graph *g = build(TEXT);
    assert_true(sg_graph_column_find(g, SG_NODES, "community") < 0);
    assert_int_equal(sg_graph_summarise(g, &s, &err), 0);
    assert_true(sg_graph_column_find(g, SG_NODES, "community") >= 0);
    assert_int_equal(s.nodes, 4);
    assert_int_equal(s.edges, 4);
    assert_near(s.density, 4.0 / 6, TOL); /* 4 / (4*3/2) */
    assert_int_equal(s.components, 1);
    assert_int_equal(s.isolated, 0);
    assert_near(s.total_weight, 5, TOL);
    assert_true(s.modularity >= -0.5 && s.modularity <= 1);
    /* The communities {a,b} {c,d} of node_measures: Q = 0.08, 2 of them. */
    assert_int_equal(s.communities, 2);
    assert_near(s.modularity, 0.08, TOL);

    /* The modularity is that of the `community` column, whatever it holds:
     * all in one community, Q = L/W - (S/2W)^2 = 1 - 1 = 0. */
    const double one[4] = {0, 0, 0, 0};
    assert_int_equal(sg_graph_set_column(g, SG_NODES, "community", 1, one, &err), 0);
    assert_int_equal(sg_graph_summarise(g, &s, &err), 0);
    assert_int_equal(s.communities, 1);
    assert_near(s.modularity, 0, TOL);
    /* {a,b,c} {d}: (4/5 - (9/10)^2) + (0 - (1/10)^2) = -0.01 - 0.01 = -0.02. */
    const double abc_d[4] = {0, 0, 0, 1};
    assert_int_equal(sg_graph_set_column(g, SG_NODES, "community", 1, abc_d, &err), 0);
    assert_int_equal(sg_graph_summarise(g, &s, &err), 0);
    assert_int_equal(s.communities, 2);
    assert_near(s.modularity, -0.02, TOL);
    sg_graph_free(g);
}

/* The summary as JSON (stats --json): the counts, then each centrality's
 * top actors; a total weight that is not finite is null (JSON has no inf). */
static void summary_json(void **state)
{
    (void)state;
    sg_error err;
    sg_graph_summary s;
    sg_graph *g = build(TEXT);
    assert_int_equal(sg_graph_summarise(g, &s, &err), 0);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(sg_graph_summary_write_json(g, &s, 1, f, &err), 0);
    fclose(f);
    assert_non_null(strstr(buf, "{\"nodes\": 4, \"edges\": 4, "));
    assert_non_null(strstr(buf, "\"total_weight\": 5.0, "));
    assert_non_null(strstr(buf, "\"top\": {\"degree\": [{\"id\": "));
    assert_non_null(strstr(buf, "\"eigenvector\": [{\"id\": "));
    assert_null(strstr(buf, "}, {")); /* one actor per centrality */
    assert_string_equal(buf + len - 3, "}}\n");
    free(buf);
    s.total_weight = INFINITY;
    f = open_memstream(&buf, &len);
    assert_int_equal(sg_graph_summary_write_json(g, &s, 0, f, &err), 0);
    fclose(f);
    assert_non_null(strstr(buf, "\"total_weight\": null, "));
    assert_non_null(strstr(buf, "\"degree\": []"));
    free(buf);
    assert_string_equal(sg_centrality_name(0), "degree");
    assert_null(sg_centrality_name(5));
    sg_graph_free(g);
}

/* No mention at all: 0 nodes, 0 edges. */
static void empty_graph(void **state)
{
    (void)state;
    sg_error err;
    sg_graph_summary s;
    sg_graph *g = analysed("Rien ici. Personne non plus.", NULL);
    assert_int_equal(sg_graph_node_count(g), 0);
    assert_int_equal(sg_graph_edge_count(g), 0);
    assert_int_equal(sg_graph_summarise(g, &s, &err), 0);
    assert_int_equal(s.nodes, 0);
    assert_int_equal(s.edges, 0);
    assert_int_equal(s.components, 0);
    assert_int_equal(s.communities, 0);
    assert_int_equal(s.isolated, 0);
    assert_near(s.density, 0, 0);
    assert_near(s.total_weight, 0, 0);
    assert_near(s.modularity, 0, 0);
    sg_graph_free(g);

    /* Also through summarise alone (it analyses first). */
    g = build("Rien ici.");
    assert_int_equal(sg_graph_summarise(g, &s, &err), 0);
    assert_int_equal(s.nodes, 0);
    assert_near(s.modularity, 0, 0);
    sg_graph_free(g);
}

/* Two entities in different sentences: 2 nodes, no edge. */
static void nodes_without_edges(void **state)
{
    (void)state;
    sg_error err;
    sg_graph_summary s;
    sg_graph *g = analysed("Alpha signe. Beta conclut.", NULL);
    assert_int_equal(sg_graph_node_count(g), 2);
    assert_int_equal(sg_graph_edge_count(g), 0);
    /* Each node alone: degree 0, strength 0, betweenness 0; components by
     * smallest node: a 0, b 1. PageRank with no edge: all rank is
     * teleported uniformly, 1/2 each. */
    double sum = 0;
    for (size_t i = 0; i < 2; i++) {
        assert_near(col(g, SG_NODES, "degree", i), 0, 0);
        assert_near(col(g, SG_NODES, "strength", i), 0, 0);
        assert_near(col(g, SG_NODES, "betweenness", i), 0, 0);
        assert_near(col(g, SG_NODES, "component", i), (double)i, 0);
        double cv = col(g, SG_NODES, "community", i);
        assert_true(cv >= 0 && cv < 2 && cv == floor(cv));
        assert_near(col(g, SG_NODES, "pagerank", i), 0.5, TOL);
        sum += col(g, SG_NODES, "pagerank", i);
    }
    assert_near(sum, 1, TOL);
    assert_int_equal(sg_graph_summarise(g, &s, &err), 0);
    assert_int_equal(s.nodes, 2);
    assert_int_equal(s.edges, 0);
    assert_int_equal(s.components, 2);
    assert_int_equal(s.isolated, 2);
    assert_near(s.density, 0, 0);
    assert_near(s.total_weight, 0, 0);
    /* Without edges no move has a positive gain: each node is its own
     * community. Modularity is undefined, reported as 0. */
    assert_int_equal(s.communities, 2);
    assert_near(s.modularity, 0, 0);
    sg_graph_free(g);
}

/* Ranking: betweenness (0, 0, 2, 0) puts Gamma first, then the others in
 * node order (ties); degree (2, 2, 3, 1): Gamma, Alpha, Beta, Delta. An
 * unknown measure is refused. */
static void ranking(void **state)
{
    (void)state;
    sg_graph *g = analysed(TEXT, NULL);
    size_t order[4];
    assert_int_equal(sg_graph_rank_nodes(g, "betweenness", order), 0);
    assert_int_equal(order[0], 2);
    assert_int_equal(order[1], 0);
    assert_int_equal(order[2], 1);
    assert_int_equal(order[3], 3);
    assert_int_equal(sg_graph_rank_nodes(g, "degree", order), 0);
    assert_int_equal(order[0], 2);
    assert_int_equal(order[1], 0);
    assert_int_equal(order[2], 1);
    assert_int_equal(order[3], 3);
    assert_int_equal(sg_graph_rank_nodes(g, "nosuch", order), SG_ERR_INVALID);
    sg_graph_free(g);
}

/* N counts units with text only: the usual final line break of a file, CRLF,
 * or trailing blank lines do not add an empty sentence or paragraph. */
static void trailing_break_is_no_unit(void **state)
{
    (void)state;
    static const char *const texts[] = {"Alpha et Beta.", "Alpha et Beta.\n", "Alpha et Beta.\r\n",
                                        "Alpha et Beta. \n", "Alpha et Beta.\n\n\n"};
    for (size_t t = 0; t < sizeof(texts) / sizeof(*texts); t++) {
        sg_graph *g = build(texts[t]);
        assert_int_equal(sg_graph_units(g), 1);
        sg_graph_free(g);
    }
    sg_graph *g = build("Alpha et Beta.\nBeta.\n"); /* two sentences */
    assert_int_equal(sg_graph_units(g), 2);
    sg_graph_free(g);
    /* so the test document with a final line break still has N = 4 */
    size_t n = strlen(TEXT);
    char *with_break = malloc(n + 2);
    assert_non_null(with_break);
    memcpy(with_break, TEXT, n);
    memcpy(with_break + n, "\n", 2);
    g = build(with_break);
    assert_int_equal(sg_graph_units(g), 4);
    sg_graph_free(g);
    free(with_break);
}

/* A ring of N nodes with chords, as GraphML in a temporary file. */
enum { RING = 300 };

static char *ring_graphml(void)
{
    static char path[] = "/tmp/sg-ring-XXXXXX";
    memcpy(path + sizeof(path) - 7, "XXXXXX", 6); /* (a template again, when called again) */
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    static unsigned char seen[RING][RING];
    memset(seen, 0, sizeof(seen));
    fputs("<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
          "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
          "<graph edgedefault=\"undirected\">\n",
          f);
    for (int i = 0; i < RING; i++)
        fprintf(f, "<node id=\"n%d\"/>\n", i);
    for (int i = 0; i < RING; i++) {
        int ends[2] = {(i + 1) % RING, (i * 7 + 3) % RING};
        for (int k = 0; k < 2; k++) {
            int a = i < ends[k] ? i : ends[k], b = i < ends[k] ? ends[k] : i;
            if (a == b || seen[a][b])
                continue;
            seen[a][b] = 1;
            fprintf(f, "<edge source=\"n%d\" target=\"n%d\"><data key=\"w\">%d</data></edge>\n", a,
                    b, 1 + (i % 3));
        }
    }
    fputs("</graph>\n</graphml>\n", f);
    assert_int_equal(fclose(f), 0);
    return path;
}

static double *betweenness_of(const char *path, const sg_analysis_options *opt, const char **how)
{
    sg_graph *g;
    sg_error err;
    assert_int_equal(sg_graph_read_graphml(&g, path, &err), 0);
    assert_int_equal(sg_graph_analyse(g, opt, &err), 0);
    static char meta[256];
    *how = NULL;
    for (size_t i = 0; i < sg_graph_meta_count(g); i++)
        if (!strcmp(sg_graph_meta_key(g, i), "betweenness"))
            *how = strncpy(meta, sg_graph_meta_value(g, i), sizeof(meta) - 1);
    double *v = calloc(RING, sizeof(double));
    for (size_t i = 0; i < RING; i++)
        v[i] = col(g, SG_NODES, "betweenness", i);
    sg_graph_free(g);
    return v;
}

/* Above the size where it is exact, betweenness comes from a seeded sample of
 * sources, scaled: close to the exact values, the same for a seed, and the
 * graph says how it was made. */
static void sampled_betweenness(void **state)
{
    (void)state;
    const char *path = ring_graphml(), *how;
    sg_analysis_options o;
    sg_analysis_options_init(&o);
    o.exact_work = 1e4; /* (a network this small would be exact by default) */
    o.exact = 1;
    double *exact = betweenness_of(path, &o, &how);
    assert_null(how);
    o.exact = 0;
    double *a = betweenness_of(path, &o, &how);
    assert_non_null(how);
    assert_true(!strncmp(how, "sampled: 100 of 300 sources (seed 1)", 36));
    double *b = betweenness_of(path, &o, &how);
    assert_memory_equal(a, b, RING * sizeof(double)); /* seeded */
    double se = 0, sa = 0, see = 0, saa = 0, sea = 0;
    for (int i = 0; i < RING; i++) {
        se += exact[i], sa += a[i];
        see += exact[i] * exact[i], saa += a[i] * a[i], sea += exact[i] * a[i];
    }
    double r = (RING * sea - se * sa) / sqrt((RING * see - se * se) * (RING * saa - sa * sa));
    assert_true(r > 0.9);                  /* correlated */
    assert_true(fabs(sa - se) / se < 0.1); /* unbiased: the totals agree */
    /* its two parts, in two processes or in one: the same values */
    o.jobs = 1;
    free(b);
    b = betweenness_of(path, &o, &how);
    assert_memory_equal(a, b, RING * sizeof(double));
    o.jobs = 2;
    free(b);
    b = betweenness_of(path, &o, &how);
    assert_memory_equal(a, b, RING * sizeof(double));
    o.seed = 2;
    free(b);
    b = betweenness_of(path, &o, &how);
    assert_true(strstr(how, "(seed 2)") != NULL);
    assert_true(memcmp(a, b, RING * sizeof(double)) != 0);
    free(exact);
    free(a);
    free(b);
    unlink(path);
}

/* igraph's weighted betweenness of g's edges as an undirected graph (lengths
 * 1 / weight), from `sources` (NULL: all). */
static double *igraph_undirected_betweenness(const sg_graph *g, const igraph_vector_int_t *sources)
{
    igraph_t ig;
    igraph_vector_int_t ev;
    igraph_vector_t dist, res;
    assert_int_equal(igraph_vector_int_init(&ev, (igraph_integer_t)(2 * g->m)), 0);
    assert_int_equal(igraph_vector_init(&dist, (igraph_integer_t)g->m), 0);
    assert_int_equal(igraph_vector_init(&res, 0), 0);
    for (size_t e = 0; e < g->m; e++) {
        VECTOR(ev)[2 * e] = (igraph_integer_t)g->src[e];
        VECTOR(ev)[2 * e + 1] = (igraph_integer_t)g->dst[e];
        VECTOR(dist)[e] = 1.0 / g->weight[e];
    }
    assert_int_equal(igraph_create(&ig, &ev, (igraph_integer_t)g->n, IGRAPH_UNDIRECTED), 0);
    if (sources)
        assert_int_equal(igraph_betweenness_subset(&ig, &res, igraph_vss_all(), 0,
                                                   igraph_vss_vector(sources), igraph_vss_all(),
                                                   &dist),
                         0);
    else
        assert_int_equal(igraph_betweenness(&ig, &res, igraph_vss_all(), 0, &dist), 0);
    double *v = malloc(g->n * sizeof(double));
    assert_non_null(v);
    memcpy(v, VECTOR(res), g->n * sizeof(double));
    igraph_vector_destroy(&res);
    igraph_vector_destroy(&dist);
    igraph_vector_int_destroy(&ev);
    igraph_destroy(&ig);
    return v;
}

/* The betweenness runs on a copy of the network made of two arcs an edge,
 * numbered node by node (faster): its values are igraph's on the undirected
 * network bit for bit, exact and from a set of sources (a sampled
 * betweenness's part). The ring's lengths 1, 1/2, 1/3 make many shortest
 * paths of equal length, whose order counts in the sums. */
static void betweenness_as_undirected(void **state)
{
    (void)state;
    const char *path = ring_graphml();
    sg_graph *g;
    sg_error err;
    sg_analysis_options o;
    sg_analysis_options_init(&o);
    o.exact = 1;
    assert_int_equal(sg_graph_read_graphml(&g, path, &err), 0);
    assert_int_equal(sg_graph_analyse(g, &o, &err), 0);
    double *want = igraph_undirected_betweenness(g, NULL);
    for (size_t i = 0; i < g->n; i++) {
        double got = col(g, SG_NODES, "betweenness", i);
        assert_memory_equal(&got, &want[i], sizeof(double));
    }
    free(want);
    /* sampled: sources 0, 2, 4, ... as one part against igraph on them */
    igraph_vector_int_t src;
    assert_int_equal(igraph_vector_int_init(&src, 0), 0);
    for (igraph_integer_t v = 0; v < (igraph_integer_t)g->n; v += 2)
        assert_int_equal(igraph_vector_int_push_back(&src, v), 0);
    want = igraph_undirected_betweenness(g, &src);
    size_t k = (size_t)igraph_vector_int_size(&src);
    long *from = malloc(k * sizeof(long));
    double *got = malloc(g->n * sizeof(double));
    assert_true(from && got);
    for (size_t i = 0; i < k; i++)
        from[i] = (long)VECTOR(src)[i];
    assert_int_equal(sg_graph_betweenness_from(g, from, k, got), 0);
    assert_memory_equal(got, want, g->n * sizeof(double));
    free(got);
    free(from);
    free(want);
    igraph_vector_int_destroy(&src);
    sg_graph_free(g);
    unlink(path);
}

static int child_pid(void *ctx, double *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = (double)getpid() + (double)i / 4;
    return ctx != NULL; /* fails when given a context */
}

static int child_sleeps(void *ctx, double *out, size_t n)
{
    (void)ctx, (void)out, (void)n;
    sleep(60);
    return 0;
}

/* A child process computes values beside the caller (sg_child): they come
 * from another process; without one (jobs 1), or when it fails or is
 * stopped, the caller is told to compute them itself. */
static void child_process(void **state)
{
    (void)state;
    double v[3000]; /* more than a pipe holds at once */
    sg_child c;
    sg_child_start(&c, 2, child_pid, NULL, 3000);
    assert_true(c.pid > 0);
    assert_int_equal(sg_child_finish(&c, v, 3000), 0);
    assert_true(v[0] != (double)getpid());
    assert_true(v[2999] == v[0] + 2999.0 / 4);
    assert_int_equal(c.pid, -1);

    sg_child_start(&c, 1, child_pid, NULL, 3000);
    assert_int_equal(c.pid, -1);
    assert_int_equal(sg_child_finish(&c, v, 3000), -1);

    sg_child_start(&c, 2, child_pid, (void *)v, 3000); /* fn fails */
    assert_true(c.pid > 0);
    assert_int_equal(sg_child_finish(&c, v, 3000), -1);

    time_t t0 = time(NULL);
    sg_child_start(&c, 2, child_sleeps, NULL, 3);
    assert_true(c.pid > 0);
    sg_child_cancel(&c);
    assert_int_equal(c.pid, -1);
    assert_true(time(NULL) - t0 < 30);
    sg_child_cancel(&c); /* (nothing left to stop) */
}

static volatile sig_atomic_t sigchld_count;

static void count_sigchld(int sig)
{
    (void)sig;
    sigchld_count++;
}

static int helper_fails(const void *in, size_t len, double *out, size_t n)
{
    (void)in, (void)len, (void)out, (void)n;
    return 1;
}

static int helper_sleeps(const void *in, size_t len, double *out, size_t n)
{
    (void)in, (void)len, (void)out, (void)n;
    sleep(60);
    return 0;
}

/* A helper process started early (sg_analysis_helper_start) computes a
 * sampled betweenness's first part instead of a fork of the caller: the same
 * values, no process started or ended during the analysis (no SIGCHLD), the
 * helper free again after each job; a failed job leaves it; a job stopped
 * midway ends it (reaped: no zombie), and the analyses fork again; a fork of
 * the caller uses none; sg_analysis_helper_stop ends and reaps it. */
static void helper_process(void **state)
{
    (void)state;
    if (sysconf(_SC_NPROCESSORS_ONLN) < 2) {
        assert_int_equal(sg_analysis_helper_start(), -1);
        skip();
    }
    const char *path = ring_graphml(), *how;
    sg_analysis_options o;
    sg_analysis_options_init(&o);
    o.exact_work = 1e4; /* sampled */
    o.jobs = 1;
    double *want = betweenness_of(path, &o, &how);
    assert_non_null(how);
    o.jobs = 2;
    struct sigaction sa, old;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = count_sigchld;
    sigemptyset(&sa.sa_mask);
    assert_int_equal(sigaction(SIGCHLD, &sa, &old), 0);

    assert_int_equal(sg_child_helper_free(), 0);
    assert_int_equal(sg_analysis_helper_start(), 0);
    assert_int_equal(sg_analysis_helper_start(), 0); /* (one helper) */
    assert_int_equal(sg_child_helper_free(), 1);
    sigchld_count = 0;
    for (int round = 0; round < 2; round++) { /* the helper serves analysis after analysis */
        double *got = betweenness_of(path, &o, &how);
        assert_memory_equal(got, want, RING * sizeof(double));
        free(got);
        assert_int_equal(sg_child_helper_free(), 1);
    }
    assert_int_equal(sigchld_count, 0); /* (a fork's child would have ended) */

    sg_child c;
    double v[4];
    const void *piece[] = {"abc"};
    size_t len[] = {3};
    assert_int_equal(sg_child_send(&c, helper_fails, piece, len, 1, 4), 0);
    assert_int_equal(sg_child_helper_free(), 0); /* (busy) */
    assert_int_equal(sg_child_finish(&c, v, 4), -1);
    assert_int_equal(sg_child_helper_free(), 1);

    pid_t pid = fork(); /* a fork of the caller has no helper */
    if (pid == 0)
        _exit(sg_child_helper_free() == 0 && sg_child_send(&c, helper_fails, piece, len, 1, 4) < 0
                  ? 0
                  : 1);
    int status = -1;
    assert_true(pid > 0);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    assert_int_equal(sg_child_helper_free(), 1);

    time_t t0 = time(NULL);
    sigchld_count = 0;
    assert_int_equal(sg_child_send(&c, helper_sleeps, piece, len, 1, 4), 0);
    sg_child_cancel(&c); /* the helper is stopped */
    assert_true(time(NULL) - t0 < 30);
    assert_int_equal(sg_child_helper_free(), 0);
    assert_int_equal(sg_child_send(&c, helper_fails, piece, len, 1, 4), -1);
    assert_int_equal(waitpid(-1, NULL, WNOHANG), -1); /* reaped: no child left */
    assert_int_equal(errno, ECHILD);
    double *got = betweenness_of(path, &o, &how); /* forked again */
    assert_memory_equal(got, want, RING * sizeof(double));
    free(got);
    assert_true(sigchld_count >= 2);

    assert_int_equal(sg_analysis_helper_start(), 0); /* a new one, stopped and reaped */
    assert_int_equal(sg_child_helper_free(), 1);
    sg_analysis_helper_stop();
    assert_int_equal(sg_child_helper_free(), 0);
    assert_int_equal(waitpid(-1, NULL, WNOHANG), -1);
    assert_int_equal(errno, ECHILD);
    sg_analysis_helper_stop(); /* (none left to stop) */

    assert_int_equal(sigaction(SIGCHLD, &old, NULL), 0);
    free(want);
    unlink(path);
}

/* Measures a caller skips are not computed, and the summary goes without them. */
static void skipped_measures(void **state)
{
    (void)state;
    sg_analysis_options o;
    sg_analysis_options_init(&o);
    assert_int_equal(sg_measure_skip(&o.skip, "betweenness"), 0);
    assert_int_equal(sg_measure_skip(&o.skip, "pagerank"), 0);
    assert_int_equal(sg_measure_skip(&o.skip, "closeness"), SG_ERR_INVALID);
    assert_int_equal(o.skip, SG_MEASURE_BETWEENNESS | SG_MEASURE_PAGERANK);
    sg_graph *g = analysed(TEXT, &o);
    assert_true(sg_graph_column_find(g, SG_NODES, "betweenness") < 0);
    assert_true(sg_graph_column_find(g, SG_NODES, "pagerank") < 0);
    assert_true(sg_graph_column_find(g, SG_NODES, "eigenvector") >= 0);
    assert_true(sg_graph_column_find(g, SG_NODES, "community") >= 0);
    sg_graph_summary s;
    sg_error err;
    assert_int_equal(sg_graph_summarise(g, &s, &err), 0);
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_int_equal(sg_graph_summary_write_text(g, &s, 3, f, &err), 0);
    fclose(f);
    assert_non_null(strstr(text, "main actors (by degree)"));
    assert_null(strstr(text, "betweenness"));
    assert_non_null(strstr(text, "eigenvector"));
    free(text);
    sg_graph_free(g);
}

/* A path a-b-c-d as networkx writes it (ids d0, d1): a community of the
 * user's (7 everywhere), and the degrees stakegraph would compute. */
static const char foreign_columns[] =
    "<?xml version='1.0' encoding='utf-8'?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "  <key id=\"d0\" for=\"node\" attr.name=\"community\" attr.type=\"long\" />\n"
    "  <key id=\"d1\" for=\"node\" attr.name=\"degree\" attr.type=\"long\" />\n"
    "  <graph edgedefault=\"undirected\">\n"
    "    <node id=\"a\"><data key=\"d0\">7</data><data key=\"d1\">1</data></node>\n"
    "    <node id=\"b\"><data key=\"d0\">7</data><data key=\"d1\">2</data></node>\n"
    "    <node id=\"c\"><data key=\"d0\">7</data><data key=\"d1\">2</data></node>\n"
    "    <node id=\"d\"><data key=\"d0\">7</data><data key=\"d1\">1</data></node>\n"
    "    <edge source=\"a\" target=\"b\" /><edge source=\"b\" target=\"c\" />\n"
    "    <edge source=\"c\" target=\"d\" />\n"
    "  </graph>\n"
    "</graphml>\n";

static sg_graph *read_analysed(const char *path, int *foreign)
{
    sg_graph *g;
    sg_error err;
    assert_int_equal(sg_graph_read_graphml(&g, path, &err), 0);
    *foreign = sg_graph_read_origin(g, path);
    assert_int_equal(sg_graph_analyse(g, NULL, &err), 0);
    return g;
}

/* Issue 17: the analysis never replaces a foreign file's column with other
 * values (the community: stakegraph's goes beside it as sg_community, found
 * by its own name), takes one holding its own values as it is (the degree),
 * and replaces the columns of a file stakegraph wrote. */
static void foreign_columns_kept(void **state)
{
    (void)state;
    char path[] = "/tmp/sg_origin_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, foreign_columns, strlen(foreign_columns)),
                     (ssize_t)strlen(foreign_columns));
    close(fd);
    int foreign;
    sg_graph *g = read_analysed(path, &foreign);
    assert_int_equal(foreign, 1);
    long mine = sg_graph_column_find(g, SG_NODES, "community");
    assert_true(mine >= 0);
    assert_string_equal(sg_graph_column_name(g, SG_NODES, (size_t)mine), "sg_community");
    assert_string_equal(sg_graph_column_renamed(g, SG_NODES, (size_t)mine), "community");
    assert_true(col(g, SG_NODES, "community", 0) != 7); /* stakegraph's */
    size_t kept = 0, renamed = 0;
    for (size_t c = 0; c < sg_graph_column_count(g, SG_NODES); c++) {
        const char *name = sg_graph_column_name(g, SG_NODES, c);
        renamed += sg_graph_column_renamed(g, SG_NODES, c) != NULL;
        if (!strcmp(name, "community"))
            for (size_t i = 0; i < 4; i++, kept++)
                assert_true(sg_graph_column_value(g, SG_NODES, c, i) == 7);
        assert_string_not_equal(name, "sg_degree");
    }
    assert_int_equal(kept, 4);
    assert_int_equal(renamed, 1);
    /* written by stakegraph, read again: its own, replaced in place */
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    sg_error err;
    assert_int_equal(sg_export_graphml(g, f, &err), 0);
    assert_int_equal(fclose(f), 0);
    sg_graph_free(g);
    g = read_analysed(path, &foreign);
    assert_int_equal(foreign, 0);
    mine = sg_graph_column_find(g, SG_NODES, "community");
    assert_string_equal(sg_graph_column_name(g, SG_NODES, (size_t)mine), "sg_community");
    assert_int_equal(sg_graph_column_is_int(g, SG_NODES, (size_t)mine), 1);
    const double other[4] = {9, 9, 9, 9};
    assert_int_equal(sg_graph_set_column(g, SG_NODES, "degree", 1, other, &err), 0);
    assert_int_equal(sg_graph_set_column(g, SG_NODES, "community", 1, other, &err), 0);
    assert_true(col(g, SG_NODES, "degree", 0) == 9 && col(g, SG_NODES, "community", 0) == 9);
    for (size_t c = 0; c < sg_graph_column_count(g, SG_NODES); c++) {
        const char *name = sg_graph_column_name(g, SG_NODES, c);
        assert_null(sg_graph_column_renamed(g, SG_NODES, c));
        assert_true(strcmp(name, "sg_degree") && strncmp(name, "sg_community_", 13));
        if (!strcmp(name, "community")) /* the file's, still */
            assert_true(sg_graph_column_value(g, SG_NODES, c, 0) == 7);
    }
    sg_graph_free(g);
    unlink(path);
}

/* Every node column of a and b: the same names, in the same order, with
 * the same bits. */
static void assert_same_columns(const sg_graph *a, const sg_graph *b)
{
    assert_int_equal(sg_graph_column_count(a, SG_NODES), sg_graph_column_count(b, SG_NODES));
    for (size_t c = 0; c < sg_graph_column_count(a, SG_NODES); c++) {
        assert_string_equal(sg_graph_column_name(a, SG_NODES, c),
                            sg_graph_column_name(b, SG_NODES, c));
        for (size_t i = 0; i < sg_graph_node_count(a); i++) {
            double x = sg_graph_column_value(a, SG_NODES, c, i);
            double y = sg_graph_column_value(b, SG_NODES, c, i);
            if (memcmp(&x, &y, sizeof(double)))
                fail_msg("column %s, node %zu: %.17g, %.17g", sg_graph_column_name(a, SG_NODES, c),
                         i, x, y);
        }
    }
}

static sg_graph *laid_out(const char *path, const sg_render_options *ro, int beside)
{
    sg_graph *g;
    sg_error err;
    assert_int_equal(sg_graph_read_graphml(&g, path, &err), 0);
    if (beside) {
        assert_int_equal(sg_graph_analyse_layout(g, NULL, ro, &err), 0);
    } else {
        assert_int_equal(sg_graph_analyse(g, NULL, &err), 0);
        assert_int_equal(sg_graph_layout(g, ro, &err), 0);
    }
    return g;
}

/* A ring of n nodes with chords i -- i + 7, as GraphML in a temporary file
 * (its path static). */
static char *large_ring_graphml(int n)
{
    static char path[] = "/tmp/sg-large-ring-XXXXXX";
    memcpy(path + sizeof(path) - 7, "XXXXXX", 6); /* (a name for each call) */
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
          "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
          "<graph edgedefault=\"undirected\">\n",
          f);
    for (int i = 0; i < n; i++)
        fprintf(f, "<node id=\"n%d\"/>\n", i);
    for (int i = 0; i < n; i++)
        fprintf(f,
                "<edge source=\"n%d\" target=\"n%d\"><data key=\"w\">%d</data></edge>\n"
                "<edge source=\"n%d\" target=\"n%d\"><data key=\"w\">1</data></edge>\n",
                i, (i + 1) % n, 1 + i % 3, i, (i + 7) % n);
    fputs("</graph>\n</graphml>\n", f);
    assert_int_equal(fclose(f), 0);
    return path;
}

/* The layout run beside the analysis (in a thread of its own, once pagerank
 * is known, for more than 2,000 actors) gives what the analysis then the
 * layout give, run after run;
 * sized by another measure, the layout follows the analysis, the same too. */
static void layout_beside_analysis(void **state)
{
    (void)state;
    const char *path = large_ring_graphml(2100); /* above SG_LAYOUT_LARGE: a thread */
    sg_render_options ro;
    sg_render_options_init(&ro);
    /* Graphviz 2.42's sfdp lays out the first graph of a process otherwise
     * than the next ones (the same with or without threads): one thrown away */
    sg_graph_free(laid_out(path, &ro, 0));
    for (int by = 0; by < 2; by++) {
        ro.size_by = by ? "degree" : "pagerank";
        sg_graph *one = laid_out(path, &ro, 0);
        assert_true(sg_graph_column_find(one, SG_NODES, "x") >= 0);
        for (int run = 0; run < 2; run++) {
            sg_graph *two = laid_out(path, &ro, 1);
            assert_same_columns(one, two);
            sg_graph_free(two);
        }
        sg_graph_free(one);
    }
    unlink(path);
}

/* The graph a layout job gives its engine, as DOT text (malloc'd). */
static char *layout_dot(int large)
{
    double diam[3] = {0.2, 0.3, 0.4};
    size_t ends[4] = {0, 1, 1, 2};
    sg_layout_job *job = NULL;
    assert_int_equal(sg_layout_job_new(&job, 3, diam, 2, ends, "sfdp", large), 0);
    FILE *f = tmpfile();
    assert_non_null(f);
    assert_int_equal(sg_layout_job_write(job, f), 0);
    long len = ftell(f);
    char *text = calloc((size_t)len + 1, 1);
    rewind(f);
    assert_int_equal(fread(text, 1, (size_t)len, f), (size_t)len);
    fclose(f);
    sg_layout_job_free(job);
    return text;
}

/* sfdp's settings for a large graph (above SG_LAYOUT_LARGE actors): overlaps
 * removed by scaling, a fast quadtree, and the repulsive force asked for as
 * 1/d (its default exponent is a marker just off -1, which costs a pow() an
 * interaction), no edges routed (the job reads the places only); a smaller
 * graph's layout keeps Graphviz's defaults. */
static void large_layout_settings(void **state)
{
    (void)state;
    char *large = layout_dot(1), *small = layout_dot(0);
    assert_non_null(strstr(large, "overlap=prism0"));
    assert_non_null(strstr(large, "quadtree=fast"));
    assert_non_null(strstr(large, "repulsiveforce=1"));
    assert_null(strstr(large, "splines=false"));     /* "": no edges routed */
    assert_non_null(strstr(small, "splines=false")); /* as it always was */
    assert_null(strstr(small, "prism0"));
    assert_null(strstr(small, "quadtree"));
    assert_null(strstr(small, "repulsiveforce"));
    free(large);
    free(small);
}

/* g's SVG picture (malloc'd text). */
static char *svg_of(const sg_graph *g, const sg_render_options *ro)
{
    sg_error err = {0};
    FILE *f = tmpfile();
    assert_non_null(f);
    assert_int_equal(sg_render(g, "svg", ro, f, &err), 0);
    long len = ftell(f);
    char *text = calloc((size_t)len + 1, 1);
    rewind(f);
    assert_int_equal(fread(text, 1, (size_t)len, f), (size_t)len);
    fclose(f);
    return text;
}

static size_t count_of(const char *text, const char *what)
{
    size_t k = 0;
    for (const char *p = text; (p = strstr(p, what)); p++)
        k++;
    return k;
}

/* The `class="edge"` lines of g's SVG picture. */
static size_t edges_drawn(const sg_graph *g, const sg_render_options *ro)
{
    char *text = svg_of(g, ro);
    size_t k = count_of(text, "class=\"edge\"");
    free(text);
    return k;
}

/* A large network's drawing draws the edges its layout chose (its backbone,
 * found once: the layout keeps them in the graph), unless the edges have
 * changed since. */
static void picture_edges_kept(void **state)
{
    (void)state;
    static char path[] = "/tmp/sg-picture-edges-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
          "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
          "<graph edgedefault=\"undirected\">\n",
          f);
    int n = SG_LAYOUT_LARGE + 10, chords = SG_PICTURE_EDGES_MAX / n + 1;
    for (int i = 0; i < n; i++)
        fprintf(f, "<node id=\"n%d\"/>\n", i);
    for (int i = 0; i < n; i++)
        for (int k = 1; k <= chords; k++)
            fprintf(f, "<edge source=\"n%d\" target=\"n%d\"><data key=\"w\">%d</data></edge>\n", i,
                    (i + k) % n, 1 + (i * k) % 7);
    fputs("</graph>\n</graphml>\n", f);
    assert_int_equal(fclose(f), 0);
    sg_graph *g = NULL;
    sg_error err = {0};
    assert_int_equal(sg_graph_read_graphml(&g, path, &err), 0);
    unlink(path);
    size_t m = sg_graph_edge_count(g);
    assert_true(m > SG_PICTURE_EDGES_MAX);
    sg_render_options ro; /* every actor shown */
    sg_render_options_init(&ro);
    ro.picture_actors = 0;
    assert_int_equal(sg_graph_layout(g, &ro, &err), 0);
    assert_non_null(g->picture_keep);
    size_t kept = g->picture_kept;
    assert_true(kept < m);
    assert_int_equal(edges_drawn(g, &ro), kept);
    /* the kept choice is what is drawn: every edge, when it says so */
    memset(g->picture_keep, 1, m);
    g->picture_kept = m;
    assert_int_equal(edges_drawn(g, &ro), m);
    /* other actors shown: the edges found again */
    assert_true(edges_drawn(g, NULL) < m);
    /* a weight changed since: the backbone found again */
    g->weight[0] += 1;
    assert_true(edges_drawn(g, &ro) < m);
    sg_graph_free(g);
}

/* A picture of a network of more than picture_actors actors shows that
 * many, the largest by the sizing measure, and the edges among them, and
 * says so in its legend; the actors left out keep a place in the data,
 * beside a partner; 0 shows every actor, as does a network of at most
 * picture_actors (SG_PICTURE_ACTORS by default). */
static void picture_actors(void **state)
{
    (void)state;
    const char *path = large_ring_graphml(300);
    sg_render_options ro;
    sg_render_options_init(&ro);
    assert_int_equal(ro.picture_actors, SG_PICTURE_ACTORS);
    sg_error err;
    assert_int_equal(sg_render_options_set(&ro, "picture-actors", "x", &err), SG_ERR_INVALID);
    assert_int_equal(sg_render_options_set(&ro, "picture-actors", "50", &err), 0);
    assert_int_equal(ro.picture_actors, 50);
    sg_graph *g = laid_out(path, &ro, 0);
    size_t n = sg_graph_node_count(g), order[300];
    assert_int_equal(sg_graph_rank_nodes(g, "pagerank", order), 0);
    long xc = sg_graph_column_find(g, SG_NODES, "x"), yc = sg_graph_column_find(g, SG_NODES, "y");
    for (size_t i = 0; i < n; i++) {
        assert_true(isfinite(sg_graph_column_value(g, SG_NODES, (size_t)xc, i)));
        assert_true(isfinite(sg_graph_column_value(g, SG_NODES, (size_t)yc, i)));
    }
    /* a left-out actor beside a partner: no two at one place */
    for (size_t a = 0; a < n; a++)
        for (size_t b = a + 1; b < n; b++)
            assert_false(sg_graph_column_value(g, SG_NODES, (size_t)xc, a) ==
                             sg_graph_column_value(g, SG_NODES, (size_t)xc, b) &&
                         sg_graph_column_value(g, SG_NODES, (size_t)yc, a) ==
                             sg_graph_column_value(g, SG_NODES, (size_t)yc, b));
    char *svg = svg_of(g, &ro), title[64];
    assert_int_equal(count_of(svg, "class=\"node\""), 50 + 1); /* and the legend */
    assert_non_null(strstr(svg, "Actors: the 50 largest of 300 (by pagerank"));
    assert_non_null(strstr(svg, "links among them, of 600"));
    for (size_t r = 0; r < n; r++) {
        snprintf(title, sizeof(title), "<title>%s</title>", sg_graph_node_id(g, order[r]));
        assert_true((strstr(svg, title) != NULL) == (r < 50));
    }
    free(svg);
    /* every actor: 0, or as many as the network has */
    for (int k = 0; k < 2; k++) {
        ro.picture_actors = k ? 300 : 0;
        sg_graph_free(g);
        g = laid_out(path, &ro, 0);
        svg = svg_of(g, &ro);
        assert_int_equal(count_of(svg, "class=\"node\""), 300 + 1);
        assert_int_equal(count_of(svg, "class=\"edge\""), 600);
        assert_null(strstr(svg, "Actors:"));
        free(svg);
    }
    sg_graph_free(g);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hand_network),
        cmocka_unit_test(summary_json),
        cmocka_unit_test(edge_measures),
        cmocka_unit_test(npmi_every_unit),
        cmocka_unit_test(node_measures),
        cmocka_unit_test(backbone),
        cmocka_unit_test(same_communities_every_run),
        cmocka_unit_test(summary),
        cmocka_unit_test(empty_graph),
        cmocka_unit_test(nodes_without_edges),
        cmocka_unit_test(trailing_break_is_no_unit),
        cmocka_unit_test(sampled_betweenness),
        cmocka_unit_test(betweenness_as_undirected),
        cmocka_unit_test(child_process),
        cmocka_unit_test(helper_process),
        cmocka_unit_test(skipped_measures),
        cmocka_unit_test(ranking),
        cmocka_unit_test(foreign_columns_kept),
        cmocka_unit_test(layout_beside_analysis),
        cmocka_unit_test(large_layout_settings),
        cmocka_unit_test(picture_edges_kept),
        cmocka_unit_test(picture_actors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
