/* Network analysis (SPEC §9): igraph's own algorithms for the node measures
 * and communities; the edge normalisations are closed formulas over the
 * counts. Every igraph call runs under the guard of graph_int.h. */
#include <igraph.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "child.h"
#include "graph_int.h"
#include "sg_internal.h"
#include "stakegraph/analysis.h"

/* Debian's igraph runs PRPACK's PageRank with OpenMP, whose parallel sums
 * round differently from one run to the next on networks of a few hundred
 * actors (the last digits of `pagerank` changed between two identical runs).
 * The calling thread asks OpenMP for one thread, which only sets that
 * thread's own setting; the symbol is OpenMP's own (libgomp, which igraph
 * loads), declared weak so that an igraph without OpenMP needs nothing. */
extern void omp_set_num_threads(int n) __attribute__((weak));

static void one_openmp_thread(void)
{
    if (omp_set_num_threads)
        omp_set_num_threads(1);
}

void sg_analysis_options_init(sg_analysis_options *opt)
{
    opt->seed = 1;
    opt->backbone = 0;
    opt->exact = 0;
    opt->exact_work = 0;
    opt->skip = 0;
    opt->jobs = 0;
    opt->on_step = NULL;
    opt->step_ctx = NULL;
}

static int nomem(sg_error *err)
{
    return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
}

static int ig_failed(sg_error *err, const char *what)
{
    return sg_error_set(err, SG_ERR_GRAPH, NULL, 0, -1, "igraph (%s): %s", what, sg_ig_reason());
}

/* Node strengths from the edge arrays. */
static void strengths(const sg_graph *g, double *s, double *deg)
{
    for (size_t i = 0; i < g->n; i++)
        s[i] = deg[i] = 0;
    for (size_t e = 0; e < g->m; e++) {
        s[g->src[e]] += g->weight[e];
        s[g->dst[e]] += g->weight[e];
        deg[g->src[e]]++;
        deg[g->dst[e]]++;
    }
}

/* Disparity filter (Serrano, Boguñá, Vespignani 2009, PNAS 106:6483): for
 * an edge of weight w at a node of strength s and degree k > 1,
 * alpha = (1 - w/s)^(k-1), the probability that a uniform random split of s
 * over k edges gives one share >= w. The edge's alpha is the smaller of its
 * two ends (significant for either actor); an end of degree 1 gives 1. */
static double disparity(double w, double s, double k)
{
    if (k <= 1 || s <= 0)
        return 1.0;
    double p = w / s;
    return pow(1.0 - (p < 1 ? p : 1), k - 1);
}

static int edge_measures(sg_graph *g, const sg_analysis_options *opt, sg_error *err)
{
    size_t n = g->n, m = g->m;
    double *s = sg_alloc_array(n + 1, sizeof(double)), *k = sg_alloc_array(n + 1, sizeof(double));
    double *v = sg_alloc_array(4 * (m + 1), sizeof(double));
    int rc = 0;
    if (!s || !k || !v) {
        rc = nomem(err);
        goto done;
    }
    strengths(g, s, k);
    double *alpha = v, *jac = v + (m + 1), *assoc = v + 2 * (m + 1), *npmi = v + 3 * (m + 1);
    double total = 0;
    for (size_t e = 0; e < m; e++)
        total += g->weight[e];
    long ucol = sg_graph_column_find(g, SG_NODES, "units");
    double N = (double)g->units;
    for (size_t e = 0; e < m; e++) {
        size_t a = g->src[e], b = g->dst[e];
        double c = g->weight[e];
        double da = disparity(c, s[a], k[a]), db = disparity(c, s[b], k[b]);
        alpha[e] = da < db ? da : db;
        /* Association strength (van Eck & Waltman 2009, JASIST 60:1635):
         * observed weight over its expectation s_a s_b / 2W when the
         * strengths are kept and the links placed at random. */
        assoc[e] = s[a] > 0 && s[b] > 0 ? c * 2.0 * total / (s[a] * s[b]) : 0;
        if (ucol >= 0 && N > 0) {
            double fa = g->cols[0][ucol].v[a], fb = g->cols[0][ucol].v[b];
            /* Jaccard: units with both over units with either. */
            jac[e] = fa + fb - c > 0 ? c / (fa + fb - c) : 0;
            /* Normalised PMI (Bouma 2009): log(p_ab / (p_a p_b)) / -log p_ab
             * over units; 1 when the pair is in every unit. */
            double pab = c / N, pa = fa / N, pb = fb / N;
            if (pab >= 1)
                npmi[e] = 1;
            else if (pab > 0 && pa > 0 && pb > 0)
                npmi[e] = log(pab / (pa * pb)) / -log(pab);
            else
                npmi[e] = 0;
        }
    }
    if (ucol >= 0 && N > 0) {
        if ((rc = sg_graph_set_column(g, SG_EDGES, "jaccard", 0, jac, err)) ||
            (rc = sg_graph_set_column(g, SG_EDGES, "association", 0, assoc, err)) ||
            (rc = sg_graph_set_column(g, SG_EDGES, "npmi", 0, npmi, err)))
            goto done;
    } else if ((rc = sg_graph_set_column(g, SG_EDGES, "association", 0, assoc, err))) {
        goto done;
    }
    if ((rc = sg_graph_set_column(g, SG_EDGES, "backbone_alpha", 0, alpha, err)))
        goto done;
    if (opt->backbone > 0) {
        unsigned char *keep = calloc(m + 1, 1);
        if (!keep) {
            rc = nomem(err);
            goto done;
        }
        long acol = sg_graph_column_find(g, SG_EDGES, "backbone_alpha");
        for (size_t e = 0; e < m; e++)
            keep[e] = g->cols[1][acol].v[e] < opt->backbone;
        rc = sg_graph_keep_edges(g, keep, err);
        free(keep);
    }
done:
    free(s);
    free(k);
    free(v);
    return rc;
}

typedef struct {
    size_t size, first, label;
} group;

static int cmp_group(const void *x, const void *y)
{
    const group *p = x, *q = y;
    if (p->size != q->size)
        return p->size > q->size ? -1 : 1;
    return p->first < q->first ? -1 : p->first > q->first;
}

/* Renumbers a membership vector: the largest group is 0, ties broken by the
 * smallest node index in the group, so the numbers do not depend on the
 * algorithm's internal labels. */
static int renumber(const igraph_vector_int_t *memb, size_t n, double *out, size_t *ngroups)
{
    size_t ng = 0;
    for (size_t i = 0; i < n; i++)
        if ((size_t)VECTOR(*memb)[i] + 1 > ng)
            ng = (size_t)VECTOR(*memb)[i] + 1;
    group *gr = sg_alloc_array(ng + 1, sizeof(group));
    size_t *rank = sg_alloc_array(ng + 1, sizeof(size_t));
    if (!gr || !rank) {
        free(gr);
        free(rank);
        return SG_ERR_NOMEM;
    }
    for (size_t c = 0; c < ng; c++)
        gr[c] = (group){0, SIZE_MAX, c};
    for (size_t i = 0; i < n; i++) {
        group *x = &gr[VECTOR(*memb)[i]];
        x->size++;
        if (x->first == SIZE_MAX)
            x->first = i;
    }
    size_t used = 0;
    for (size_t c = 0; c < ng; c++)
        if (gr[c].size)
            gr[used++] = gr[c];
    qsort(gr, used, sizeof(group), cmp_group);
    for (size_t r = 0; r < used; r++)
        rank[gr[r].label] = r;
    for (size_t i = 0; i < n; i++)
        out[i] = (double)rank[VECTOR(*memb)[i]];
    *ngroups = used;
    free(gr);
    free(rank);
    return 0;
}

typedef struct {
    igraph_vector_t w, dist, res, pr, eig;
    igraph_vector_int_t ires, memb;
    igraph_t ig; /* the network, made for the analysis */
    /* The betweenness's graph (arcs_made): each edge as two arcs, numbered
     * node by node (see make_arcs), their lengths in arc_dist. */
    igraph_t arcs;
    igraph_vector_t arc_dist;
    int arcs_made;
    sg_measure_ready_fn ready;
    void *ctx;
} ig_work;

/* Names the step for the error messages (ig_failed) and the progress. */
static void step_to(const sg_analysis_options *opt, const char **step, const char *name)
{
    *step = name;
    if (opt->on_step)
        opt->on_step(name, opt->step_ctx);
}

/* A step's igraph call failed: the caller names the step (ig_failed). */
enum { IG_FAILED = 1 };

/* The graph from the node and edge arrays (undirected, edge e = g's e). */
static int make_igraph(igraph_t *ig, const sg_graph *g)
{
    igraph_vector_int_t ev;
    if (igraph_vector_int_init(&ev, (igraph_integer_t)(2 * g->m)))
        return IG_FAILED;
    for (size_t e = 0; e < g->m; e++) {
        VECTOR(ev)[2 * e] = (igraph_integer_t)g->src[e];
        VECTOR(ev)[2 * e + 1] = (igraph_integer_t)g->dst[e];
    }
    igraph_error_t rc = igraph_create(ig, &ev, (igraph_integer_t)g->n, IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&ev);
    return rc ? IG_FAILED : 0;
}

/* The graph and the vectors of the measures: the weights, their inverses as
 * distances, results. Returns 0 or IG_FAILED; *inited counts those to
 * destroy. */
static int work_init(ig_work *k, const sg_graph *g, int *inited)
{
    if (make_igraph(&k->ig, g))
        return IG_FAILED;
    *inited = 1;
    if (igraph_vector_init(&k->w, (igraph_integer_t)g->m))
        return IG_FAILED;
    *inited = 2;
    if (igraph_vector_init(&k->dist, (igraph_integer_t)g->m))
        return IG_FAILED;
    *inited = 3;
    if (igraph_vector_init(&k->res, 0))
        return IG_FAILED;
    *inited = 4;
    if (igraph_vector_int_init(&k->ires, 0))
        return IG_FAILED;
    *inited = 5;
    if (igraph_vector_int_init(&k->memb, 0))
        return IG_FAILED;
    *inited = 6;
    if (igraph_vector_init(&k->pr, 0))
        return IG_FAILED;
    *inited = 7;
    if (igraph_vector_init(&k->eig, 0))
        return IG_FAILED;
    *inited = 8;
    for (size_t e = 0; e < g->m; e++) {
        VECTOR(k->w)[e] = g->weight[e];
        VECTOR(k->dist)[e] = 1.0 / g->weight[e];
    }
    return 0;
}

static void work_free(ig_work *k, int inited)
{
    if (k->arcs_made) {
        igraph_destroy(&k->arcs);
        igraph_vector_destroy(&k->arc_dist);
        k->arcs_made = 0;
    }
    if (inited >= 8)
        igraph_vector_destroy(&k->eig);
    if (inited >= 7)
        igraph_vector_destroy(&k->pr);
    if (inited >= 6)
        igraph_vector_int_destroy(&k->memb);
    if (inited >= 5)
        igraph_vector_int_destroy(&k->ires);
    if (inited >= 4)
        igraph_vector_destroy(&k->res);
    if (inited >= 3)
        igraph_vector_destroy(&k->dist);
    if (inited >= 2)
        igraph_vector_destroy(&k->w);
    if (inited >= 1)
        igraph_destroy(&k->ig);
}

/* The betweenness's graph: igraph's weighted betweenness relaxes each edge
 * of a node in turn, reading the edge's ends and length at the edge's
 * number, scattered over the whole arrays for the undirected graph (an
 * edge is numbered once, for both its ends). Here each edge is two arcs,
 * numbered node by node (a counting sort on the tail, in edge order), so
 * that a node's arcs are neighbours in memory: 25-35% less time a source on
 * the dense benchmark's 146,000 links (none where the arrays fit in the
 * cache: 3,000 actors and 12,000 links take the same time). Its values are the undirected graph's
 * bit for bit, halved: a node's arcs (igraph_inclist, IGRAPH_OUT) come
 * sorted by head, then by number, as its undirected edges come (by
 * neighbour, then by number: the tails are in edge order), so every
 * search relaxes the same lengths in the same order, and the undirected
 * betweenness is the directed one times 0.5 (igraph scales it so), an
 * exact product. Made once, before a sampled betweenness's fork: the child
 * reads the caller's (it made its own, 0.08 s of CPU on the dense
 * benchmark); the helper process makes its own. Returns 0 or IG_FAILED. */
static int make_arcs(ig_work *k, const sg_graph *g)
{
    if (k->arcs_made)
        return 0;
    size_t n = g->n, m = g->m;
    size_t *at = sg_alloc_array(n + 1, sizeof(size_t));
    igraph_vector_int_t ev;
    if (!at)
        return IG_FAILED;
    if (igraph_vector_int_init(&ev, (igraph_integer_t)(4 * m))) {
        free(at);
        return IG_FAILED;
    }
    if (igraph_vector_init(&k->arc_dist, (igraph_integer_t)(2 * m))) {
        igraph_vector_int_destroy(&ev);
        free(at);
        return IG_FAILED;
    }
    memset(at, 0, (n + 1) * sizeof(size_t));
    for (size_t e = 0; e < m; e++) {
        at[g->src[e]]++;
        at[g->dst[e]]++;
    }
    for (size_t v = 0, sum = 0; v < n; v++) { /* at[v]: the first arc of v */
        size_t c = at[v];
        at[v] = sum;
        sum += c;
    }
    for (size_t e = 0; e < m; e++) {
        size_t a = g->src[e], b = g->dst[e], i = at[a]++, j = at[b]++;
        VECTOR(ev)[2 * i] = (igraph_integer_t)a;
        VECTOR(ev)[2 * i + 1] = (igraph_integer_t)b;
        VECTOR(ev)[2 * j] = (igraph_integer_t)b;
        VECTOR(ev)[2 * j + 1] = (igraph_integer_t)a;
        VECTOR(k->arc_dist)[i] = VECTOR(k->arc_dist)[j] = VECTOR(k->dist)[e];
    }
    free(at);
    igraph_error_t rc = igraph_create(&k->arcs, &ev, (igraph_integer_t)n, IGRAPH_DIRECTED);
    igraph_vector_int_destroy(&ev);
    if (rc) {
        igraph_vector_destroy(&k->arc_dist);
        return IG_FAILED;
    }
    k->arcs_made = 1;
    return 0;
}

/* Betweenness is exact (Brandes 2001: one Dijkstra a node, O(n m + n^2 log
 * n)) while n (n + m) is at most SG_BETWEENNESS_EXACT_WORK: a few seconds
 * here. Above, it is estimated from a sample of k sources (Brandes & Pich
 * 2007): the paths from k nodes drawn at random (seeded, without
 * replacement) to every node, scaled by n / k, which is unbiased; k is the
 * number of single-source runs that fit in the same work, at least
 * SG_BETWEENNESS_MIN_SOURCES. The graph then says so ("betweenness"). */
static size_t betweenness_sources(const sg_graph *g, const sg_analysis_options *opt)
{
    double per = (double)g->n + (double)g->m; /* one single-source run */
    double work = opt->exact_work > 0 ? opt->exact_work : SG_BETWEENNESS_EXACT_WORK;
    if (opt->exact || (double)g->n * per <= work)
        return g->n;
    double k = ceil(work / per);
    k = k < SG_BETWEENNESS_MIN_SOURCES ? SG_BETWEENNESS_MIN_SOURCES : k;
    return k >= (double)g->n ? g->n : (size_t)k;
}

/* splitmix64: the sources' draw, the same on every machine for a seed. */
static uint64_t next_random(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/* What the caller does beside the first part, in single-source runs of the
 * betweenness: PageRank, the eigenvector centrality and Louvain (the dense
 * benchmark's 5,600 actors and 140,000 links: 0.29 s, Louvain 0.25 of them,
 * against 3.1 ms a source), and a picture's layout when one is drawn, in a
 * thread of the caller (0.24 s more): 110, between the two (measured,
 * medians of 7 runs on 2 cores: the default run 1.95 s with 50, 1.93 with
 * 110; with an SVG 2.29 and 2.24). The split is the same with or without a
 * picture, so that the values never depend on the outputs asked. */
#define REST_IN_SOURCES 110

/* A sampled betweenness is the sum of the sources' shares, made in two
 * parts: the first `split` sources (in a child process when one may run,
 * beside the other measures) and the others (in the caller). The sum is
 * always part one plus part two, so the values do not depend on whether a
 * child ran. */
typedef struct {
    ig_work *k;
    const sg_graph *g;
    igraph_vector_int_t src; /* the ns sources, in increasing order */
    size_t ns, split;
    int drawn;      /* src to destroy */
    sg_child child; /* the first part's process, if any */
} sample;

/* The paths from sources [from, to) into res (n values). */
static int betweenness_part(ig_work *k, const sample *s, size_t from, size_t to,
                            igraph_vector_t *res)
{
    if (from == to) {
        if (igraph_vector_resize(res, igraph_vcount(&k->ig)))
            return IG_FAILED;
        igraph_vector_null(res);
        return 0;
    }
    igraph_vector_int_t part = {0}; /* (filled by the view) */
    igraph_vector_int_view(&part, VECTOR(s->src) + from, (igraph_integer_t)(to - from));
    if (make_arcs(k, s->g) ||
        igraph_betweenness_subset(&k->arcs, res, igraph_vss_all(), 1, igraph_vss_vector(&part),
                                  igraph_vss_all(), &k->arc_dist))
        return IG_FAILED;
    igraph_vector_scale(res, 0.5); /* as igraph does on the undirected graph */
    return 0;
}

int sg_graph_betweenness_from(const sg_graph *g, const long *sources, size_t k, double *out)
{
    ig_work w;
    igraph_vector_int_t src;
    igraph_vector_t res;
    w.arcs_made = 0;
    sg_ig_enter();
    int rc = IG_FAILED;
    if (igraph_vector_init(&w.dist, (igraph_integer_t)g->m))
        goto no_dist;
    for (size_t e = 0; e < g->m; e++)
        VECTOR(w.dist)[e] = 1.0 / g->weight[e];
    if (igraph_vector_int_init(&src, (igraph_integer_t)k))
        goto no_src;
    for (size_t i = 0; i < k; i++)
        VECTOR(src)[i] = (igraph_integer_t)sources[i];
    if (igraph_vector_init(&res, 0))
        goto no_res;
    sample s = {.k = &w, .g = g, .src = src, .ns = k, .split = 0};
    if (!(rc = betweenness_part(&w, &s, 0, k, &res)))
        memcpy(out, VECTOR(res), g->n * sizeof(double));
    igraph_vector_destroy(&res);
no_res:
    igraph_vector_int_destroy(&src);
no_src:
    if (w.arcs_made) {
        igraph_destroy(&w.arcs);
        igraph_vector_destroy(&w.arc_dist);
    }
    igraph_vector_destroy(&w.dist);
no_dist:
    sg_ig_leave();
    return rc ? SG_ERR_GRAPH : 0;
}

/* The first part into out (an sg_child_fn: in the child, or here when no
 * child gave it). */
static int first_part(void *ctx, double *out, size_t n)
{
    const sample *s = ctx;
    igraph_vector_t res;
    if (igraph_vector_init(&res, (igraph_integer_t)n))
        return IG_FAILED;
    int rc = betweenness_part(s->k, s, 0, s->split, &res);
    if (!rc)
        memcpy(out, VECTOR(res), n * sizeof(double));
    igraph_vector_destroy(&res);
    return rc;
}

/* The first part in the helper process (an sg_helper_fn): `in` holds n, m
 * and split (three uint64_t), then the edges' ends (2 m size_t), their
 * distances (m doubles) and the part's sources (split igraph_integer_t),
 * as first_part's sample gives them (part_send). */
static int part_in_helper(const void *in, size_t len, double *out, size_t n)
{
    uint64_t head[3];
    memcpy(head, in, sizeof(head));
    size_t m = (size_t)head[1], split = (size_t)head[2];
    if (head[0] != n || len != sizeof(head) + m * (2 * sizeof(size_t) + sizeof(double)) +
                                   split * sizeof(igraph_integer_t))
        return IG_FAILED;
    const char *p = (const char *)in + sizeof(head); /* (malloc'ed: aligned for each) */
    sg_graph g;
    memset(&g, 0, sizeof(g));
    g.n = n;
    g.m = m;
    g.src = (size_t *)p;
    g.dst = (size_t *)(p + m * sizeof(size_t));
    ig_work k;
    k.arcs_made = 0;
    igraph_vector_view(&k.dist, (const double *)(p + 2 * m * sizeof(size_t)), (igraph_integer_t)m);
    sample s = {.k = &k, .g = &g, .ns = split, .split = split};
    igraph_vector_int_view(
        &s.src, (const igraph_integer_t *)(p + m * (2 * sizeof(size_t) + sizeof(double))),
        (igraph_integer_t)split);
    sg_ig_enter();
    int rc = split ? first_part(&s, out, n) : IG_FAILED;
    if (k.arcs_made) {
        igraph_destroy(&k.arcs);
        igraph_vector_destroy(&k.arc_dist);
    }
    sg_ig_leave();
    return rc;
}

/* Sends the first part to the helper; returns 0, or -1 when it took none. */
static int part_send(sample *s)
{
    const sg_graph *g = s->g;
    size_t n = g->n, m = g->m;
    uint64_t head[3] = {n, m, s->split};
    const void *piece[] = {head, g->src, g->dst, VECTOR(s->k->dist), VECTOR(s->src)};
    size_t len[] = {sizeof(head), m * sizeof(size_t), m * sizeof(size_t), m * sizeof(double),
                    s->split * sizeof(igraph_integer_t)};
    return sg_child_send(&s->child, part_in_helper, piece, len, 5, n);
}

/* Draws the sources of a sampled betweenness and starts its first part. */
static int sample_start(sample *s, ig_work *k, const sg_graph *g, const sg_analysis_options *opt)
{
    size_t n = g->n;
    s->k = k;
    s->g = g;
    s->ns = betweenness_sources(g, opt);
    s->drawn = 0;
    s->child.pid = -1;
    s->child.helper = 0;
    if (s->ns == n || (opt->skip & SG_MEASURE_BETWEENNESS))
        return 0;
    if (igraph_vector_int_init_range(&s->src, 0, (igraph_integer_t)n))
        return IG_FAILED;
    s->drawn = 1;
    uint64_t state = opt->seed;
    for (size_t i = 0; i < s->ns; i++) { /* a partial Fisher-Yates shuffle */
        size_t j = i + (size_t)(next_random(&state) % (n - i));
        igraph_integer_t t = VECTOR(s->src)[i];
        VECTOR(s->src)[i] = VECTOR(s->src)[j];
        VECTOR(s->src)[j] = t;
    }
    igraph_vector_int_resize(&s->src, (igraph_integer_t)s->ns); /* (shrinks: cannot fail) */
    igraph_vector_int_sort(&s->src);
    /* the caller's part takes the other measures too: the two take as long */
    s->split = (s->ns + REST_IN_SOURCES + 1) / 2;
    s->split = s->split > s->ns ? s->ns : s->split;
    /* the helper when one runs (it makes its own arcs); else a fork,
       after the arcs are made (both processes read the same) */
    if (s->split && sg_child_second(opt->jobs) && sg_child_helper_free() && !part_send(s))
        return 0;
    if (make_arcs(k, g))
        return IG_FAILED;
    sg_child_start(&s->child, opt->jobs, first_part, s, n);
    return 0;
}

static void sample_end(sample *s)
{
    sg_child_cancel(&s->child);
    if (s->drawn)
        igraph_vector_int_destroy(&s->src);
    s->drawn = 0;
}

/* Exact: the whole betweenness into k->res. Sampled: the caller's part. */
static int betweenness(sg_graph *g, ig_work *k, sample *s, const sg_analysis_options *opt)
{
    if (s->ns == g->n) {
        if (make_arcs(k, g) ||
            igraph_betweenness(&k->arcs, &k->res, igraph_vss_all(), 1, &k->arc_dist))
            return IG_FAILED;
        igraph_vector_scale(&k->res, 0.5); /* as igraph does on the undirected graph */
        return 0;
    }
    if (opt->on_step) {
        char what[96];
        snprintf(what, sizeof(what), "betweenness (sampled: %zu of %zu sources)", s->ns, g->n);
        opt->on_step(what, opt->step_ctx);
    }
    return betweenness_part(k, s, s->split, s->ns, &k->res);
}

/* Sampled: adds the first part (the child's, or made here) to k->res and
 * scales the sum; the graph says how it was made. */
static int betweenness_finish(sg_graph *g, ig_work *k, sample *s, const sg_analysis_options *opt,
                              sg_error *err)
{
    size_t n = g->n, ns = s->ns;
    if (ns == n)
        return 0;
    double *first = sg_alloc_array(n + 1, sizeof(double));
    if (!first)
        return nomem(err);
    /* (without the child's values, the same function makes them here) */
    if (sg_child_finish(&s->child, first, n) && first_part(s, first, n)) {
        free(first);
        return IG_FAILED;
    }
    for (size_t i = 0; i < n; i++)
        VECTOR(k->res)[i] = first[i] + VECTOR(k->res)[i];
    free(first);
    igraph_vector_scale(&k->res, (double)n / (double)ns);
    char how[160];
    snprintf(how, sizeof(how),
             "sampled: %zu of %zu sources (seed %lu), paths scaled by %zu/%zu; --exact for "
             "all",
             ns, n, opt->seed, n, ns);
    return sg_graph_set_meta(g, "betweenness", how, err);
}

/* degree and strength (stored), then pagerank, betweenness and eigenvector
 * into k (stored by store_measures). Returns 0, IG_FAILED (*step names it)
 * or an error set in err. */
static int centralities(sg_graph *g, ig_work *k, sample *s, const sg_analysis_options *opt,
                        double *out, const char **step, sg_error *err)
{
    size_t n = g->n, m = g->m;
    int rc;
    step_to(opt, step, "degree");
    if (igraph_degree(&k->ig, &k->ires, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS))
        return IG_FAILED;
    for (size_t i = 0; i < n; i++)
        out[i] = (double)VECTOR(k->ires)[i];
    if ((rc = sg_graph_set_column(g, SG_NODES, "degree", 1, out, err)))
        return rc;

    step_to(opt, step, "strength");
    if (igraph_strength(&k->ig, &k->res, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, &k->w))
        return IG_FAILED;
    if ((rc = sg_graph_set_column(g, SG_NODES, "strength", 0, VECTOR(k->res), err)))
        return rc;

    /* The measures below do not change when every weight is multiplied by
     * one number, but weights far from 1 (a foreign file's 1e308) overflow
     * ARPACK and the modularity: such weights are divided by the largest. */
    double wmax = 0;
    for (size_t e = 0; e < m; e++)
        wmax = g->weight[e] > wmax ? g->weight[e] : wmax;
    if (wmax > 1e100 || (wmax > 0 && wmax < 1e-100))
        for (size_t e = 0; e < m; e++) {
            VECTOR(k->w)[e] = g->weight[e] / wmax;
            VECTOR(k->dist)[e] = wmax / g->weight[e];
        }

    *step = "betweenness";
    if (sample_start(s, k, g, opt))
        return IG_FAILED;
    /* pagerank first: it sizes a picture's nodes, so the layout may start */
    igraph_real_t value;
    if (!(opt->skip & SG_MEASURE_PAGERANK)) {
        step_to(opt, step, "pagerank");
        one_openmp_thread();
        if (igraph_pagerank(&k->ig, IGRAPH_PAGERANK_ALGO_PRPACK, &k->pr, &value, igraph_vss_all(),
                            0, 0.85, &k->w, NULL))
            return IG_FAILED;
        if (k->ready && (rc = k->ready(g, "pagerank", VECTOR(k->pr), k->ctx, err)))
            return rc;
    }
    if (!(opt->skip & SG_MEASURE_BETWEENNESS)) {
        step_to(opt, step, "betweenness");
        if ((rc = betweenness(g, k, s, opt)))
            return rc;
    }
    if (opt->skip & SG_MEASURE_EIGENVECTOR)
        return 0;
    step_to(opt, step, "eigenvector");
    /* ARPACK may draw a start vector: seeded (with a constant: --seed is for
     * the communities), every graph of a run (one per period) gets the
     * values a run on that graph alone gets */
    igraph_rng_seed(igraph_rng_default(), 1);
    igraph_arpack_options_t arpack;
    igraph_arpack_options_init(&arpack);
    return igraph_eigenvector_centrality(&k->ig, &k->eig, &value, 0, 1, &k->w, &arpack) ? IG_FAILED
                                                                                        : 0;
}

/* community (Louvain, seeded) and component into comm and comp, both
 * numbered by decreasing size. Returns as centralities does. */
static int groups(sg_graph *g, const sg_analysis_options *opt, ig_work *k, double *comm,
                  double *comp, const char **step, sg_error *err)
{
    size_t ngroups = 0;
    step_to(opt, step, "communities");
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)opt->seed);
    if (igraph_community_multilevel(&k->ig, &k->w, 1.0, &k->memb, NULL, NULL))
        return IG_FAILED;
    if (renumber(&k->memb, g->n, comm, &ngroups))
        return nomem(err);

    step_to(opt, step, "components");
    igraph_integer_t ncomp;
    if (igraph_connected_components(&k->ig, &k->memb, NULL, &ncomp, IGRAPH_WEAK))
        return IG_FAILED;
    return renumber(&k->memb, g->n, comp, &ngroups) ? nomem(err) : 0;
}

/* The columns after strength, in their order. */
static int store_measures(sg_graph *g, ig_work *k, const sg_analysis_options *opt,
                          const double *comm, const double *comp, sg_error *err)
{
    int rc = 0;
    if (!(opt->skip & SG_MEASURE_BETWEENNESS))
        rc = sg_graph_set_column(g, SG_NODES, "betweenness", 0, VECTOR(k->res), err);
    if (!rc && !(opt->skip & SG_MEASURE_PAGERANK))
        rc = sg_graph_set_column(g, SG_NODES, "pagerank", 0, VECTOR(k->pr), err);
    if (!rc && !(opt->skip & SG_MEASURE_EIGENVECTOR))
        rc = sg_graph_set_column(g, SG_NODES, "eigenvector", 0, VECTOR(k->eig), err);
    if (!rc)
        rc = sg_graph_set_column(g, SG_NODES, "community", 1, comm, err);
    return rc ? rc : sg_graph_set_column(g, SG_NODES, "component", 1, comp, err);
}

/* Runs igraph's measures on the network, each stored as a node column. Returns 0,
 * or the failing step's error. */
static int node_measures(sg_graph *g, const sg_analysis_options *opt, sg_measure_ready_fn ready,
                         void *ctx, sg_error *err)
{
    double *out = sg_alloc_array(2 * (g->n + 1), sizeof(double));
    if (!out)
        return nomem(err);
    double *comp = out + g->n + 1;
    ig_work k;
    k.arcs_made = 0;
    k.ready = ready;
    k.ctx = ctx;
    sample s = {.drawn = 0, .child = {.pid = -1, .fd = -1, .helper = 0}};
    int inited = 0;
    const char *step = "vectors";
    sg_ig_enter();
    int rc = work_init(&k, g, &inited);
    if (!rc)
        rc = centralities(g, &k, &s, opt, out, &step, err);
    if (!rc)
        rc = groups(g, opt, &k, out, comp, &step, err);
    if (!rc && !(opt->skip & SG_MEASURE_BETWEENNESS)) {
        step = "betweenness";
        rc = betweenness_finish(g, &k, &s, opt, err);
    }
    if (!rc)
        rc = store_measures(g, &k, opt, out, comp, err);
    if (rc == IG_FAILED)
        rc = ig_failed(err, step);
    sample_end(&s);
    work_free(&k, inited);
    sg_ig_leave();
    free(out);
    return rc;
}

int sg_graph_analyse(sg_graph *g, const sg_analysis_options *opt, sg_error *err)
{
    return sg_graph_analyse_then(g, opt, NULL, NULL, err);
}

int sg_graph_analyse_then(sg_graph *g, const sg_analysis_options *opt, sg_measure_ready_fn ready,
                          void *ctx, sg_error *err)
{
    sg_analysis_options defaults;
    if (!g)
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "invalid argument");
    if (!opt) {
        sg_analysis_options_init(&defaults);
        opt = &defaults;
    }
    int rc = edge_measures(g, opt, err);
    return rc ? rc : node_measures(g, opt, ready, ctx, err);
}

/* A maximum spanning forest of g (igraph's Prim on the distances 1 / weight),
 * of the edges among the nodes `shown` (NULL: all): keep[e] set for its
 * edges. Returns 0 or IG_FAILED. */
static int spanning_forest(const sg_graph *g, const unsigned char *shown, unsigned char *keep)
{
    igraph_t ig;
    igraph_vector_t dist;
    igraph_vector_int_t tree, ev;
    size_t *edge = sg_alloc_array(g->m + 1, sizeof(size_t)), m = 0;
    if (!edge)
        return IG_FAILED;
    int rc = IG_FAILED;
    for (size_t e = 0; e < g->m; e++)
        if (!shown || (shown[g->src[e]] && shown[g->dst[e]]))
            edge[m++] = e;
    if (igraph_vector_int_init(&ev, (igraph_integer_t)(2 * m)))
        goto no_ev;
    for (size_t k = 0; k < m; k++) {
        VECTOR(ev)[2 * k] = (igraph_integer_t)g->src[edge[k]];
        VECTOR(ev)[2 * k + 1] = (igraph_integer_t)g->dst[edge[k]];
    }
    if (igraph_create(&ig, &ev, (igraph_integer_t)g->n, IGRAPH_UNDIRECTED))
        goto no_graph;
    if (igraph_vector_init(&dist, (igraph_integer_t)m))
        goto no_dist;
    if (igraph_vector_int_init(&tree, 0))
        goto no_tree;
    for (size_t k = 0; k < m; k++) {
        double w = g->weight[edge[k]];
        VECTOR(dist)[k] = w > 0 ? 1.0 / w : HUGE_VAL;
    }
    if (!igraph_minimum_spanning_tree(&ig, &tree, &dist)) {
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(&tree); i++)
            keep[edge[VECTOR(tree)[i]]] = 1;
        rc = 0;
    }
    igraph_vector_int_destroy(&tree);
no_tree:
    igraph_vector_destroy(&dist);
no_dist:
    igraph_destroy(&ig);
no_graph:
    igraph_vector_int_destroy(&ev);
no_ev:
    free(edge);
    return rc;
}

int sg_graph_backbone_edges(const sg_graph *g, double alpha, const unsigned char *shown,
                            unsigned char *keep, size_t *kept, sg_error *err)
{
    double *s = sg_alloc_array(g->n + 1, sizeof(double)),
           *k = sg_alloc_array(g->n + 1, sizeof(double));
    int rc = 0;
    if (!s || !k) {
        rc = nomem(err);
        goto done;
    }
    memset(keep, 0, g->m);
    sg_ig_enter();
    rc = spanning_forest(g, shown, keep);
    sg_ig_leave();
    if (rc) {
        rc = ig_failed(err, "spanning forest");
        goto done;
    }
    strengths(g, s, k);
    *kept = 0;
    for (size_t e = 0; e < g->m; e++) {
        size_t a = g->src[e], b = g->dst[e];
        double w = g->weight[e];
        if (!shown || (shown[a] && shown[b]))
            keep[e] |= disparity(w, s[a], k[a]) < alpha || disparity(w, s[b], k[b]) < alpha;
        *kept += keep[e];
    }
done:
    free(s);
    free(k);
    return rc;
}

/* The modularity of the partition in node column ccol, weighted. */
static int modularity(const sg_graph *g, long ccol, double *out, sg_error *err)
{
    igraph_t ig;
    igraph_vector_int_t memb;
    igraph_vector_t w;
    int made = 0, rc = 0;
    sg_ig_enter();
    if (make_igraph(&ig, g) || !(made = 1) ||
        igraph_vector_int_init(&memb, (igraph_integer_t)g->n)) {
        rc = ig_failed(err, "modularity");
    } else {
        if (igraph_vector_init(&w, (igraph_integer_t)g->m)) {
            rc = ig_failed(err, "modularity");
        } else {
            for (size_t i = 0; i < g->n; i++)
                VECTOR(memb)[i] = (igraph_integer_t)g->cols[0][ccol].v[i];
            for (size_t e = 0; e < g->m; e++)
                VECTOR(w)[e] = g->weight[e];
            igraph_real_t q = 0;
            if (igraph_modularity(&ig, &memb, &w, 1.0, 0, &q))
                rc = ig_failed(err, "modularity");
            *out = isfinite(q) ? q : 0;
            igraph_vector_destroy(&w);
        }
        igraph_vector_int_destroy(&memb);
    }
    if (made)
        igraph_destroy(&ig);
    sg_ig_leave();
    return rc;
}

int sg_graph_summarise(sg_graph *g, sg_graph_summary *s, sg_error *err)
{
    memset(s, 0, sizeof(*s));
    long ccol = sg_graph_column_find(g, SG_NODES, "community");
    int rc;
    if (ccol < 0) {
        if ((rc = sg_graph_analyse(g, NULL, err)))
            return rc;
        ccol = sg_graph_column_find(g, SG_NODES, "community");
    }
    long comp = sg_graph_column_find(g, SG_NODES, "component");
    long deg = sg_graph_column_find(g, SG_NODES, "degree");
    s->nodes = g->n;
    s->edges = g->m;
    s->density = g->n > 1 ? (double)g->m / ((double)g->n * (double)(g->n - 1) / 2.0) : 0;
    for (size_t e = 0; e < g->m; e++)
        s->total_weight += g->weight[e];
    for (size_t i = 0; i < g->n; i++) {
        double cv = g->cols[0][ccol].v[i];
        if (!(cv >= 0 && cv < (double)g->n))
            return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1,
                                "community numbers must be between 0 and the node count");
        size_t c = (size_t)cv;
        if (c + 1 > s->communities)
            s->communities = c + 1;
        double kv = comp >= 0 ? g->cols[0][comp].v[i] : 0;
        if (!(kv >= 0 && kv < (double)g->n)) /* a foreign file's column */
            return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1,
                                "component numbers must be between 0 and the node count");
        if (comp >= 0 && (size_t)kv + 1 > s->components)
            s->components = (size_t)kv + 1;
        if (deg >= 0 && g->cols[0][deg].v[i] == 0)
            s->isolated++;
    }
    if (g->m == 0)
        return 0; /* modularity is undefined without edges: reported as 0 */
    return modularity(g, ccol, &s->modularity, err);
}

int sg_measure_skip(unsigned *skip, const char *name)
{
    static const char *const names[] = {"betweenness", "pagerank", "eigenvector"};
    for (unsigned i = 0; name && i < 3; i++)
        if (!strcmp(name, names[i])) {
            *skip |= 1u << i;
            return 0;
        }
    return SG_ERR_INVALID;
}

const char *sg_centrality_name(size_t i)
{
    static const char *const names[] = {"degree", "strength", "betweenness", "pagerank",
                                        "eigenvector"};
    return i < sizeof(names) / sizeof(*names) ? names[i] : NULL;
}
