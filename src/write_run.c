/* Writing what a run gives (write.h): the network and each period's,
 * analysed and laid out, the counts, the actor-document graph, and the
 * rows streamed during the run, committed as one set. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sg_internal.h"
#include "stakegraph/render.h"
#include "stakegraph/write.h"

int sg_targets_open(sg_target *const *t, size_t n, sg_error *err)
{
    for (size_t i = 0; i < n; i++) {
        int rc = t[i] ? sg_target_open(t[i], err) : 0;
        if (rc)
            return rc;
    }
    return 0;
}

void sg_targets_free(sg_target **t, size_t n)
{
    for (size_t i = 0; t && i < n; i++) {
        sg_target_free(t[i]);
        t[i] = NULL;
    }
}

static int any(sg_target *const *t, size_t n, sg_target_kind kind, int is)
{
    for (size_t i = 0; i < n; i++)
        if (t[i] && (sg_target_kind_of(t[i]) == kind) == is)
            return 1;
    return 0;
}

int sg_targets_need_graph(sg_target *const *t, size_t n)
{
    return any(t, n, SG_TARGET_COUNTS, 0);
}

int sg_targets_need_layout(sg_target *const *t, size_t n)
{
    return any(t, n, SG_TARGET_PICTURE, 1);
}

/* The targets to write: those Graphviz draws (`pictures`: SVG, PNG, PDF) or
 * the others, each with its graph, read only while they are written. */
typedef struct {
    sg_target *const *t;
    const sg_graph *const *g;
    const sg_timeline *const *tl;
    size_t n;
    const sg_extractor *ex;
    sg_render_options ro;
    int pictures, rc;
    sg_error err;
} write_set;

static int drawn(const sg_target *t)
{
    return sg_target_kind_of(t) == SG_TARGET_PICTURE && !sg_target_is_view(t);
}

/* Standard output or a descriptor ("-" and "/dev/stdout" are one stream):
 * such targets are written one after the other, as given. */
static int shared_stream(const sg_target *t)
{
    const char *p = sg_target_path(t);
    return !strcmp(p, "-") || !strncmp(p, "/dev/", 5) || !strncmp(p, "/proc/", 6);
}

static void *write_some(void *arg)
{
    write_set *w = arg;
    for (size_t i = 0; i < w->n && !w->rc; i++)
        if (drawn(w->t[i]) == w->pictures)
            w->rc = sg_target_write(w->t[i], w->g[i], w->ex, &w->ro, w->tl[i], &w->err);
    return NULL;
}

/* 1 for a large picture, 2 for the other files, 4 for a target that keeps
 * the targets one after the other: a small picture (no thread for it) or a
 * shared stream. */
static int beside_bit(const sg_target *t, const sg_graph *g)
{
    if (shared_stream(t))
        return 4;
    if (!drawn(t))
        return 2;
    return sg_graph_node_count(g) > SG_LAYOUT_LARGE ? 1 : 4;
}

/* Writes each target, the pictures of a large network in a thread of their
 * own beside the other files (a large network's drawing takes as long as its GraphML);
 * commits the targets and the nrows `rows` as one set. */
static int write_commit(sg_target *const *t, size_t n, const sg_graph *const *g,
                        const sg_timeline *const *tl, const sg_extractor *ex,
                        const sg_render_options *ro, sg_output **rows, size_t nrows, sg_error *err)
{
    write_set pic = {t, g, tl, n, ex, *ro, 1, 0, {0}}, other = pic;
    other.pictures = 0;
    int both = 0;
    for (size_t i = 0; i < n; i++)
        both |= beside_bit(t[i], g[i]);
    pthread_t thread;
    int beside = both == 3;
    if (beside) {
        for (size_t i = 0; i < n && ro->on_step; i++)
            if (drawn(t[i])) { /* told here: the thread tells nothing */
                char what[64];
                snprintf(what, sizeof(what), "drawing (%s)", sg_target_format(t[i]));
                ro->on_step(what, ro->step_ctx);
            }
        pic.ro.on_step = NULL;
        beside = pthread_create(&thread, NULL, write_some, &pic) == 0;
    }
    if (!beside) /* one after the other, in their order */
        for (size_t i = 0; i < n; i++) {
            int rc = sg_target_write(t[i], g[i], ex, ro, tl[i], err);
            if (rc)
                return rc;
        }
    else {
        write_some(&other);
        pthread_join(thread, NULL);
    }
    write_set *failed = other.rc ? &other : pic.rc ? &pic : NULL;
    if (failed && err)
        *err = failed->err;
    return failed ? failed->rc : sg_targets_commit(t, n, rows, nrows, err);
}

int sg_targets_write(sg_target *const *t, size_t n, const sg_graph *g, const sg_extractor *ex,
                     const sg_render_options *ro, const sg_timeline *timeline, sg_error *err)
{
    const sg_graph **gs = sg_alloc_array(n + 1, sizeof(*gs));
    const sg_timeline **tl = sg_alloc_array(n + 1, sizeof(*tl));
    sg_render_options defaults;
    if (!ro)
        sg_render_options_init(&defaults);
    int rc = gs && tl ? 0 : sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    for (size_t i = 0; !rc && i < n; i++) {
        gs[i] = g;
        tl[i] = timeline;
    }
    if (!rc)
        rc = write_commit(t, n, gs, tl, ex, ro ? ro : &defaults, NULL, 0, err);
    free((void *)gs);
    free((void *)tl);
    return rc;
}

char *sg_period_path(const char *path, const char *label)
{
    size_t len = strlen(path);
    while (len > 1 && path[len - 1] == '/') /* "tables/" is the directory "tables" */
        len--;
    const char *base = path;
    for (size_t i = 0; i < len; i++)
        if (path[i] == '/')
            base = path + i + 1;
    const char *dot = NULL;
    for (const char *q = base; q < path + len; q++)
        if (*q == '.')
            dot = q;
    size_t cut = dot && dot != base ? (size_t)(dot - path) : len;
    size_t n = len + strlen(label) + 2;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%.*s.%s%.*s", (int)cut, path, label, (int)(len - cut), path + cut);
    return s;
}

int sg_target_check_periods(const sg_target *t, sg_error *err)
{
    struct stat st;
    const char *path = sg_target_path(t);
    if (sg_target_kind_of(t) == SG_TARGET_COUNTS)
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1,
                            "--by-period does not apply to partial counts (-f pairs): extract "
                            "each period's documents as a shard instead");
    int special = !strcmp(path, "-") ||
                  (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode));
    if (special && !sg_target_holds_periods(t))
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1,
                            "--by-period writes one file per period beside the output: give -o "
                            "FILE, not standard output or a device (or -f gexf or -f html, which "
                            "hold the periods)");
    return 0;
}

void sg_write_options_init(sg_write_options *opt)
{
    memset(opt, 0, sizeof(*opt));
    opt->min_weight = 1;
    opt->analyse = 1;
    opt->layout = -1;
    sg_analysis_options_init(&opt->analysis);
    sg_render_options_init(&opt->render);
}

/* Every output of a run, each with its graph: the main ones, then one per
 * output and period, then the bipartite graph. */
typedef struct {
    sg_target **t;
    const sg_graph **g;
    const sg_timeline **tl;
    size_t n;
} output_plan;

static void step(const sg_write_options *o, const char *what)
{
    if (o->on_step)
        o->on_step(what, o->step_ctx);
}

static int want_layout(const sg_write_options *o, sg_target *const *t, size_t n, const sg_graph *g)
{
    if (!o->analyse || o->layout == 0)
        return sg_targets_need_layout(t, n);
    if (o->layout == 1 || sg_targets_need_layout(t, n))
        return 1;
    size_t actors = sg_graph_node_count(g);
    if (actors > SG_AUTO_LAYOUT_MAX) {
        sg_error w;
        sg_error_set(&w, SG_ERR_LIMIT, NULL, 0, -1,
                     "%zu actors: no layout written (use --layout to force it)", actors);
        if (o->on_warning)
            o->on_warning(&w, o->warning_ctx);
        return 0;
    }
    return 1;
}

int sg_network_prepare(sg_graph *g, const sg_write_options *o, int layout, sg_error *err)
{
    if (o->analyse && layout)
        return sg_graph_analyse_layout(g, &o->analysis, &o->render, err);
    int rc = o->analyse ? sg_graph_analyse(g, &o->analysis, err) : 0;
    if (!rc && layout)
        rc = sg_graph_layout(g, &o->render, err);
    return rc;
}

/* A network's analysis and (when wanted) layout: of every actor when no
 * picture is drawn (the actors a picture leaves out are left out of its
 * layout only). */
static int prepare(sg_graph *g, const sg_write_options *o, sg_target *const *t, size_t n,
                   sg_error *err)
{
    int layout = want_layout(o, t, n, g), pictures = 0;
    for (size_t i = 0; i < n; i++)
        pictures |= drawn(t[i]);
    if (!layout || pictures)
        return sg_network_prepare(g, o, layout, err);
    sg_write_options whole = *o;
    whole.render.picture_actors = 0;
    return sg_network_prepare(g, &whole, layout, err);
}

/* Moves target *t (set NULL) into the plan. */
static void plan_add(output_plan *op, sg_target **t, const sg_graph *g, const sg_timeline *tl)
{
    op->t[op->n] = *t;
    *t = NULL;
    op->g[op->n] = g;
    op->tl[op->n] = tl;
    op->n++;
}

/* One output beside each output (not counts, not a GEXF or a view, which
 * hold the periods) for each period, of the same kind: "net.2024.graphml". */
static int plan_periods(output_plan *op, size_t n, const sg_run_result *res, sg_error *err)
{
    for (size_t i = 0; i < n; i++) {
        if (sg_target_kind_of(op->t[i]) == SG_TARGET_COUNTS || sg_target_holds_periods(op->t[i]))
            continue;
        for (size_t k = 0; k < res->nperiods; k++) {
            sg_target *t = NULL;
            char *path = sg_period_path(sg_target_path(op->t[i]), res->labels[k]);
            int rc = path ? sg_target_new_like(&t, op->t[i], path, err) : SG_ERR_NOMEM;
            free(path);
            if (rc)
                return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
            plan_add(op, &t, res->graphs[k], NULL);
        }
    }
    return 0;
}

/* Each period's network and the whole one, analysed and laid out; the
 * bipartite graph; the rows flushed. */
static int make_graphs(sg_graph **g, sg_graph **bip, sg_target *const *t, size_t n, int bipartite,
                       sg_output **rows, size_t nrows, const sg_extractor *ex, sg_run_result *res,
                       const sg_write_options *o, sg_error *err)
{
    int need = sg_targets_need_graph(t, n), rc = 0;
    for (size_t k = 0; !rc && need && res && k < res->nperiods; k++) {
        char what[64];
        snprintf(what, sizeof(what), "the network of %s", res->labels[k]);
        step(o, what);
        rc = prepare(res->graphs[k], o, t, n, err);
    }
    step(o, "the network");
    if (!rc && need && !(rc = sg_extractor_graph(g, ex, o->min_weight, err)))
        rc = prepare(*g, o, t, n, err);
    if (!rc && bipartite)
        rc = sg_extractor_bipartite(bip, ex, err);
    /* the rows are complete: check them before any output is renamed */
    for (size_t i = 0; !rc && i < nrows; i++)
        if (rows[i])
            rc = sg_output_flush(rows[i], err);
    step(o, "writing");
    return rc;
}

int sg_run_write(sg_target **t, size_t n, sg_target **bipartite, sg_output **rows, size_t nrows,
                 const sg_extractor *ex, sg_run_result *res, const sg_write_options *opt,
                 sg_error *err)
{
    size_t np = res ? res->nperiods : 0, cap = n * (np + 1) + 2;
    sg_graph *g = NULL, *bip = NULL;
    output_plan op = {sg_alloc_array(cap, sizeof(sg_target *)),
                      sg_alloc_array(cap, sizeof(sg_graph *)),
                      sg_alloc_array(cap, sizeof(sg_timeline *)), 0};
    int rc = 0;
    if (!op.t || !op.g || !op.tl)
        rc = sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    if (!rc)
        rc = make_graphs(&g, &bip, t, n, bipartite && *bipartite, rows, nrows, ex, res, opt, err);
    /* every output in one list, opened, written, flushed, then renamed */
    for (size_t i = 0; !rc && i < n; i++)
        plan_add(&op, &t[i], g, np && sg_target_holds_periods(t[i]) ? &res->timeline : NULL);
    if (!rc && np && !(rc = plan_periods(&op, n, res, err)))
        rc = sg_targets_open(op.t + n, op.n - n, err);
    if (!rc && bipartite && *bipartite)
        plan_add(&op, bipartite, bip, NULL);
    if (!rc)
        rc = write_commit(op.t, op.n, op.g, op.tl, ex, &opt->render, rows, nrows, err);
    sg_targets_free(op.t, op.n);
    sg_targets_free(t, n);
    if (bipartite)
        sg_targets_free(bipartite, 1);
    free(op.t);
    free((void *)op.g);
    free((void *)op.tl);
    sg_graph_free(g);
    sg_graph_free(bip);
    return rc;
}
