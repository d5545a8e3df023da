/* What a picture of a network shows and where (render_int.h): the actors
 * it shows (all, or the largest of a large network), the links it draws (a
 * large network's backbone), the layout of those (layout.c's job, beside the
 * analysis when both run) and the places of the actors left out. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "graph_int.h"
#include "gv.h"
#include "render_int.h"
#include "sg_internal.h"
#include "stakegraph/analysis.h"
#include "stakegraph/render.h"

enum { NEATO_MAX = 300 };

static const char *engine_for(const sg_graph *g, const sg_render_options *opt)
{
    if (opt->engine && *opt->engine)
        return opt->engine;
    return sg_graph_node_count(g) <= NEATO_MAX ? "neato" : "sfdp";
}

/* A hash of g's edges, their ends and weights: the edges a layout chose to
 * draw are the drawing's while the edges hash the same. */
static uint64_t edges_stamp(const sg_graph *g)
{
    uint64_t h = 0xcbf29ce484222325u ^ g->m;
    for (size_t e = 0; e < g->m; e++) {
        uint64_t w;
        memcpy(&w, &g->weight[e], sizeof(w));
        h = (h ^ g->src[e]) * 0x100000001b3u;
        h = (h ^ g->dst[e]) * 0x100000001b3u;
        h = (h ^ w) * 0x100000001b3u;
    }
    return h;
}

/* The actors a picture shows: all (*shown NULL) or, for a network of more
 * than opt->picture_actors actors (when not 0), that many, the largest by
 * the measure that sizes them (`values`, NULL: the sizing column of opt),
 * ties in id order: shown[i] for them. */
int sg_picture_actors(const sg_graph *g, const sg_render_options *opt, const double *values,
                      unsigned char **shown, sg_error *err)
{
    size_t n = sg_graph_node_count(g), want = (size_t)opt->picture_actors;
    *shown = NULL;
    if (opt->picture_actors <= 0 || n <= want)
        return 0;
    long scol = sg_render_size_column(g, opt->size_by);
    double *v = values ? NULL : sg_alloc_array(n, sizeof(double));
    size_t *order = sg_alloc_array(n, sizeof(size_t));
    unsigned char *s = calloc(n, 1);
    for (size_t i = 0; v && i < n; i++)
        v[i] = sg_render_size_value(g, scol, i);
    int rc = (!values && !v) || !order || !s ? SG_ERR_NOMEM
                                             : sg_rank_values(values ? values : v, n, order);
    for (size_t k = 0; !rc && k < want; k++)
        s[order[k]] = 1;
    free(v);
    free(order);
    if (rc) {
        free(s);
        return sg_error_set(err, rc, NULL, 0, -1, "out of memory");
    }
    *shown = s;
    return 0;
}

/* A picture of a network of more than SG_LAYOUT_LARGE actors and
 * SG_PICTURE_EDGES_MAX edges draws its backbone: 146,000 lines are a grey
 * cloud that hides the groups, cost seconds to lay out and draw, and make
 * an SVG of 44 MB. */
int sg_backbone_pictured(const sg_graph *g)
{
    return sg_graph_node_count(g) > SG_LAYOUT_LARGE &&
           sg_graph_edge_count(g) > SG_PICTURE_EDGES_MAX;
}

/* The edges a picture lays out and draws, among the actors `shown` (NULL:
 * all): every edge (*keep NULL, *kept m), every edge between two actors
 * shown, or the backbone (sg_graph_backbone_edges at SG_PICTURE_ALPHA)
 * among them (backbone_pictured). */
int sg_picture_edges(const sg_graph *g, const unsigned char *shown, unsigned char **keep,
                     size_t *kept, sg_error *err)
{
    size_t n = sg_graph_node_count(g), m = sg_graph_edge_count(g);
    *keep = NULL;
    *kept = m;
    if (!shown && !sg_backbone_pictured(g))
        return 0;
    unsigned char *k = malloc(m + 1);
    if (!k)
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    int rc = 0;
    if (g->picture_keep && g->picture_m == m && g->picture_stamp == edges_stamp(g) &&
        g->picture_n == n && !g->picture_shown == !shown &&
        (!shown || !memcmp(shown, g->picture_shown, n))) {
        memcpy(k, g->picture_keep, m);
        *kept = g->picture_kept;
    } else if (sg_backbone_pictured(g)) {
        rc = sg_graph_backbone_edges(g, SG_PICTURE_ALPHA, shown, k, kept, err);
    } else {
        *kept = 0;
        for (size_t e = 0; e < m; e++)
            *kept += k[e] = shown[g->src[e]] && shown[g->dst[e]];
    }
    if (rc)
        free(k);
    else
        *keep = k;
    return rc;
}

/* Keeps the actors and edges a layout found for g's picture (shown, keep,
 * NULL: all) for the drawing: the backbone's spanning forest and filter
 * cost the dense bench 25 ms each time, in the drawing's thread, at the
 * end of the run. Takes both. */
static void remember_picture(sg_graph *g, unsigned char *shown, unsigned char *keep, size_t kept)
{
    free(g->picture_keep);
    free(g->picture_shown);
    g->picture_keep = keep;
    g->picture_shown = shown;
    g->picture_n = g->n;
    g->picture_m = g->m;
    g->picture_kept = kept;
    if (keep)
        g->picture_stamp = edges_stamp(g);
}

/* A layout job for g's actors `shown` (NULL: all) and its edges `keep`
 * (NULL: all), its nodes sized by the measure `values` (NULL: the sizing
 * column of opt). The job's node k is the k-th actor shown. */
static int layout_job(sg_layout_job **out, const sg_graph *g, const sg_render_options *opt,
                      const double *values, const unsigned char *shown, const unsigned char *keep,
                      sg_error *err)
{
    size_t n = sg_graph_node_count(g), m = sg_graph_edge_count(g), kept = 0, laid = 0;
    long scol = sg_render_size_column(g, opt->size_by);
    double *diam = sg_alloc_array(n + 1, sizeof(double)), vmax = 0;
    size_t *ends = sg_alloc_array(2 * (m + 1), sizeof(size_t));
    size_t *at = sg_alloc_array(n + 1, sizeof(size_t)); /* actor -> job node */
    int rc = SG_ERR_NOMEM;
    if (!diam || !ends || !at)
        goto done;
    for (size_t i = 0; i < n; i++)
        vmax = fmax(vmax, values ? values[i] : sg_render_size_value(g, scol, i));
    for (size_t i = 0; i < n; i++)
        if (!shown || shown[i]) {
            at[i] = laid;
            diam[laid++] =
                sg_render_diameter(values ? values[i] : sg_render_size_value(g, scol, i), vmax);
        }
    for (size_t e = 0; e < m; e++)
        if (!keep || keep[e]) {
            size_t a, b;
            sg_graph_edge(g, e, &a, &b, NULL, NULL);
            ends[2 * kept] = at[a];
            ends[2 * kept + 1] = at[b];
            kept++;
        }
    const char *engine = engine_for(g, opt);
    rc = sg_layout_job_new(out, laid, diam, kept, ends, engine,
                           n > SG_LAYOUT_LARGE && !strcmp(engine, "sfdp"));
done:
    if (rc)
        sg_error_set(err, rc, NULL, 0, -1, "out of memory");
    free(diam);
    free(ends);
    free(at);
    return rc;
}

/* Places the actors a picture leaves out (x, y, size: points, those of the
 * actors shown already set), so that the network's data opens laid out
 * with them too: each beside its strongest partner placed before it (the
 * actors shown, then round by round those placed in the round before),
 * the k-th around one partner at the golden angle k times, further out as
 * k grows; those with no such partner (components without any actor shown)
 * in rows below the drawing. */
static int place_left_out(const sg_graph *g, const unsigned char *shown, double *x, double *y,
                          const double *size)
{
    size_t n = sg_graph_node_count(g), m = sg_graph_edge_count(g);
    size_t *best = sg_alloc_array(n + 1, sizeof(size_t)), *around = calloc(n + 1, sizeof(size_t));
    double *bw = sg_alloc_array(n + 1, sizeof(double));
    unsigned char *placed = malloc(n + 1);
    if (!best || !around || !bw || !placed) {
        free(best);
        free(around);
        free(bw);
        free(placed);
        return SG_ERR_NOMEM;
    }
    memcpy(placed, shown, n);
    for (int more = 1; more;) {
        more = 0;
        for (size_t i = 0; i < n; i++) {
            best[i] = SIZE_MAX;
            bw[i] = -HUGE_VAL;
        }
        for (size_t e = 0; e < m; e++) {
            size_t a, b;
            double w;
            sg_graph_edge(g, e, &a, &b, &w, NULL);
            for (int end = 0; end < 2; end++) {
                size_t from = end ? b : a, to = end ? a : b;
                if (placed[from] == 1 && !placed[to] && w > bw[to]) {
                    best[to] = from;
                    bw[to] = w;
                }
            }
        }
        for (size_t i = 0; i < n; i++) {
            if (best[i] == SIZE_MAX)
                continue;
            size_t p = best[i], k = ++around[p];
            double angle = 2.399963229728653 * (double)k;
            double r = size[p] + (2 * size[i] + 2) * sqrt((double)k);
            x[i] = round((x[p] + r * cos(angle)) * 100.0) / 100.0;
            y[i] = round((y[p] + r * sin(angle)) * 100.0) / 100.0;
            placed[i] = 2; /* a partner from the next round on */
            more = 1;
        }
        for (size_t i = 0; i < n; i++)
            placed[i] = placed[i] ? 1 : 0;
    }
    double minx = HUGE_VAL, miny = HUGE_VAL, maxx = -HUGE_VAL, step = 0;
    for (size_t i = 0; i < n; i++) {
        if (placed[i]) {
            minx = fmin(minx, x[i] - size[i]);
            maxx = fmax(maxx, x[i] + size[i]);
            miny = fmin(miny, y[i] - size[i]);
        } else {
            step = fmax(step, 2 * size[i] + 8);
        }
    }
    size_t per_row = (size_t)fmax(1, floor((maxx - minx) / fmax(step, 1)));
    for (size_t i = 0, k = 0; i < n; i++)
        if (!placed[i]) {
            x[i] = round((minx + step * ((double)(k % per_row) + 0.5)) * 100.0) / 100.0;
            y[i] = round((miny - step * ((double)(k / per_row) + 1)) * 100.0) / 100.0;
            k++;
        }
    free(best);
    free(around);
    free(bw);
    free(placed);
    return 0;
}

/* The layout's columns once the job has run: x, y (to 0.01 point: the
 * engines' last bits vary from run to run), size, and the colours (from
 * the communities, which may have been found while the job ran); the
 * actors left out of the picture (not `shown`, NULL: none) placed beside
 * their partners. */
static int layout_columns(sg_graph *g, const sg_render_options *opt, const sg_layout_job *job,
                          const unsigned char *shown, sg_error *err)
{
    size_t n = sg_graph_node_count(g);
    long scol = sg_render_size_column(g, opt->size_by);
    double vmax = sg_render_column_max(g, scol);
    double *cols = sg_alloc_array(6 * (n + 1), sizeof(double));
    if (!cols)
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    size_t csize[SG_PALETTE];
    sg_render_community_sizes(g, csize);
    double *x = cols, *y = cols + (n + 1), *size = cols + 2 * (n + 1);
    double *r = cols + 3 * (n + 1), *gr = cols + 4 * (n + 1), *b = cols + 5 * (n + 1);
    for (size_t i = 0, k = 0; i < n; i++) {
        int c = sg_render_colour_of(g, opt, i, csize);
        if (!shown || shown[i]) {
            x[i] = round(sg_layout_job_x(job)[k] * 100.0) / 100.0;
            y[i] = round(sg_layout_job_y(job)[k] * 100.0) / 100.0;
            k++;
        }
        size[i] =
            round(sg_render_diameter(sg_render_size_value(g, scol, i), vmax) * 3600.0) / 100.0;
        r[i] = sg_palette[c][0];
        gr[i] = sg_palette[c][1];
        b[i] = sg_palette[c][2];
    }
    static const char *const names[] = {"x", "y", "size", "r", "g", "b"};
    int rc = shown ? place_left_out(g, shown, x, y, size) : 0;
    if (rc)
        sg_error_set(err, rc, NULL, 0, -1, "out of memory");
    for (int c = 0; c < 6 && !rc; c++) /* r, g, b whole numbers */
        rc = sg_graph_set_column(g, SG_NODES, names[c], c >= 3, cols + c * (n + 1), err);
    free(cols);
    return rc;
}

static void layout_step(const sg_graph *g, const sg_render_options *opt)
{
    if (opt->on_step) {
        char what[64];
        snprintf(what, sizeof(what), "layout (%s)", engine_for(g, opt));
        opt->on_step(what, opt->step_ctx);
    }
}

int sg_graph_layout(sg_graph *g, const sg_render_options *opt, sg_error *err)
{
    sg_render_options defaults;
    if (!opt) {
        sg_render_options_init(&defaults);
        opt = &defaults;
    }
    if (sg_graph_column_find(g, SG_NODES, "community") < 0) {
        int rc = sg_graph_analyse(g, NULL, err);
        if (rc)
            return rc;
    }
    if (opt->size_by && strcmp(opt->size_by, "mentions") &&
        sg_render_size_column(g, opt->size_by) < 0)
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1,
                            "no node attribute '%s' to size the nodes by", opt->size_by);
    size_t kept;
    unsigned char *keep = NULL, *shown = NULL;
    sg_layout_job *job = NULL;
    int rc = sg_picture_actors(g, opt, NULL, &shown, err);
    if (!rc)
        rc = sg_picture_edges(g, shown, &keep, &kept, err);
    if (!rc)
        rc = layout_job(&job, g, opt, NULL, shown, keep, err);
    if (!rc) {
        layout_step(g, opt);
        rc = sg_layout_job_run(job, err);
    }
    if (!rc)
        rc = layout_columns(g, opt, job, shown, err);
    sg_layout_job_free(job);
    if (!rc) {
        remember_picture(g, shown, keep, kept);
    } else {
        free(keep);
        free(shown);
    }
    return rc;
}

/* sg_graph_analyse_layout's state: the job, started when the analysis has
 * the measure that sizes the nodes. */
typedef struct {
    const sg_render_options *opt;
    sg_layout_job *job;
    unsigned char *shown; /* the actors it lays out (NULL: all) */
    unsigned char *keep;  /* the edges it lays out (NULL: all), kept of them */
    size_t kept;
} beside;

static int start_beside(const sg_graph *g, const char *measure, const double *values, void *ctx,
                        sg_error *err)
{
    beside *b = ctx;
    if (b->job || strcmp(measure, b->opt->size_by))
        return 0;
    int rc = sg_picture_actors(g, b->opt, values, &b->shown, err);
    if (!rc)
        rc = sg_picture_edges(g, b->shown, &b->keep, &b->kept, err);
    if (!rc)
        rc = layout_job(&b->job, g, b->opt, values, b->shown, b->keep, err);
    if (!rc && sg_layout_job_start(b->job))
        return 0; /* no thread: it runs after the analysis */
    return rc;
}

int sg_graph_analyse_layout(sg_graph *g, const sg_analysis_options *aopt,
                            const sg_render_options *ropt, sg_error *err)
{
    sg_render_options defaults;
    if (!ropt) {
        sg_render_options_init(&defaults);
        ropt = &defaults;
    }
    beside b = {ropt, NULL, NULL, NULL, 0};
    /* a thread for a layout that takes time only: a small network's run
     * stays as it was, memory included (Graphviz crashes when memory runs
     * out, and a thread's stack and heap are more of it) */
    int rc = ropt->size_by && sg_graph_node_count(g) > SG_LAYOUT_LARGE
                 ? sg_graph_analyse_then(g, aopt, start_beside, &b, err)
                 : sg_graph_analyse(g, aopt, err);
    if (!rc && !b.job)
        rc = sg_graph_layout(g, ropt, err);
    else if (!rc) {
        layout_step(g, ropt);
        if (!(rc = sg_layout_job_wait(b.job, err)))
            rc = layout_columns(g, ropt, b.job, b.shown, err);
        if (!rc) {
            remember_picture(g, b.shown, b.keep, b.kept);
            b.keep = b.shown = NULL;
        }
    }
    sg_layout_job_free(b.job);
    free(b.keep);
    free(b.shown);
    return rc;
}
