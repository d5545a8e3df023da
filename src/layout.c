/* A layout's positions (render_int.h): circles of given diameters and the
 * edges between them placed by a Graphviz engine (neato or sfdp, overlap
 * removal "prism"), in the calling thread or in a thread of its own, beside
 * the analysis (igraph and Graphviz have a lock each). A job holds copies of
 * what it needs, so that the graph it comes from may change meanwhile. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gv.h"
#include "render_int.h"
#include "sg_internal.h"

struct sg_layout_job {
    size_t n, m;
    double *diam;  /* n diameters, inches */
    size_t *ends;  /* 2 m node indices */
    double *x, *y; /* n positions, points (the result) */
    char engine[32];
    int large; /* sfdp's settings for large graphs */
    pthread_t thread;
    int started; /* a thread to join */
    int rc;      /* the result of a job run in its thread */
    sg_error err;
};

int sg_layout_job_new(sg_layout_job **out, size_t n, const double *diam, size_t m,
                      const size_t *ends, const char *engine, int large)
{
    *out = NULL;
    sg_layout_job *j = calloc(1, sizeof(*j));
    if (!j)
        return SG_ERR_NOMEM;
    j->n = n;
    j->m = m;
    j->large = large;
    snprintf(j->engine, sizeof(j->engine), "%s", engine);
    j->diam = sg_alloc_array(3 * (n + 1), sizeof(double));
    j->ends = sg_alloc_array(2 * (m + 1), sizeof(size_t));
    if (!j->diam || !j->ends) {
        sg_layout_job_free(j);
        return SG_ERR_NOMEM;
    }
    j->x = j->diam + (n + 1);
    j->y = j->diam + 2 * (n + 1);
    if (n)
        memcpy(j->diam, diam, n * sizeof(double));
    if (m)
        memcpy(j->ends, ends, 2 * m * sizeof(size_t));
    *out = j;
    return 0;
}

void sg_layout_job_free(sg_layout_job *j)
{
    if (!j)
        return;
    if (j->started)
        pthread_join(j->thread, NULL);
    free(j->diam);
    free(j->ends);
    free(j);
}

/* The graph to lay out: its settings, the nodes n0, n1, ... and the edges.
 * For large graphs, sfdp's repulsive force is asked for as 1/d (with
 * repulsiveforce=1): its default exponent is a marker just off it (p =
 * -1.0001234), with which every Barnes-Hut interaction calls pow() instead
 * of dividing (the dense bench's backbone of 5,604 actors: 0.46 s instead
 * of 0.60 s, sfdp's user time), for forces d^-0.0001234 apart: within 0.1%
 * at any distance of the layout. And no edges routed (splines=""): the job
 * reads the nodes' places only, which are the same (Graphviz routes edges
 * once they are placed): for the 2,000 actors and 9,732 lines of the
 * dense bench's picture, sfdp on its own 247-259 ms of CPU instead of
 * 259-284 (perf stat -r 10, alternated three times). */
static int build(const sg_layout_job *j, sg_gv *lg, sg_gv_obj **nodes)
{
    sg_gv_obj *root = sg_gv_root(lg);
    if (sg_gv_set(root, "overlap", j->large ? "prism0" : "prism") ||
        (j->large &&
         (sg_gv_set(root, "quadtree", "fast") || sg_gv_set(root, "repulsiveforce", "1"))) ||
        sg_gv_set(root, "splines", j->large ? "" : "false") || sg_gv_set(root, "sep", "+8") ||
        sg_gv_set(root, "start", "1") || sg_gv_set(root, "pack", "true") ||
        sg_gv_set(root, "outputorder", "edgesfirst"))
        return SG_ERR_NOMEM;
    for (size_t i = 0; i < j->n; i++) {
        char name[32];
        snprintf(name, sizeof(name), "n%zu", i);
        if (!(nodes[i] = sg_gv_node(lg, name)) || sg_gv_set(nodes[i], "shape", "circle") ||
            sg_gv_set(nodes[i], "fixedsize", "true") ||
            sg_gv_setf(nodes[i], "width", "%.4f", j->diam[i]) ||
            sg_gv_setf(nodes[i], "height", "%.4f", j->diam[i]) || sg_gv_set(nodes[i], "label", ""))
            return SG_ERR_NOMEM;
    }
    for (size_t e = 0; e < j->m; e++)
        if (!sg_gv_edge(lg, nodes[j->ends[2 * e]], nodes[j->ends[2 * e + 1]]))
            return SG_ERR_NOMEM;
    return 0;
}

int sg_layout_job_run(sg_layout_job *j, sg_error *err)
{
    if (j->n == 0)
        return 0;
    sg_gv_obj **nodes = calloc(j->n, sizeof(sg_gv_obj *));
    sg_gv *lg = NULL;
    int rc = SG_ERR_NOMEM;
    if (!nodes || sg_gv_open(&lg, "layout") || build(j, lg, nodes))
        goto done;
    if (sg_gv_layout(lg, j->engine) != 0) {
        rc = sg_gv_failed(err, j->engine);
        goto done_set;
    }
    for (size_t i = 0; i < j->n; i++)
        sg_gv_node_coord(nodes[i], &j->x[i], &j->y[i]);
    rc = 0;
done:
    if (rc == SG_ERR_NOMEM)
        sg_error_set(err, rc, NULL, 0, -1, "out of memory");
done_set:
    sg_gv_close(lg);
    free(nodes);
    return rc;
}

int sg_layout_job_write(const sg_layout_job *j, FILE *f)
{
    sg_gv_obj **nodes = calloc(j->n + 1, sizeof(sg_gv_obj *));
    sg_gv *lg = NULL;
    int rc = SG_ERR_NOMEM;
    if (nodes && !sg_gv_open(&lg, "layout") && !build(j, lg, nodes))
        rc = sg_gv_write(lg, f);
    sg_gv_close(lg);
    free(nodes);
    return rc;
}

static void *run_thread(void *arg)
{
    sg_layout_job *j = arg;
    j->rc = sg_layout_job_run(j, &j->err);
    return NULL;
}

int sg_layout_job_start(sg_layout_job *j)
{
    pthread_attr_t attr;
    if (pthread_attr_init(&attr))
        return SG_ERR_NOMEM;
    /* Graphviz recurses (packing, quadtrees): the stack of a main thread */
    pthread_attr_setstacksize(&attr, (size_t)16 << 20);
    int rc = pthread_create(&j->thread, &attr, run_thread, j);
    pthread_attr_destroy(&attr);
    if (rc)
        return SG_ERR_NOMEM;
    j->started = 1;
    return 0;
}

int sg_layout_job_wait(sg_layout_job *j, sg_error *err)
{
    if (!j->started)
        return sg_layout_job_run(j, err);
    pthread_join(j->thread, NULL);
    j->started = 0;
    if (j->rc && err)
        *err = j->err;
    return j->rc;
}

const double *sg_layout_job_x(const sg_layout_job *j)
{
    return j->x;
}

const double *sg_layout_job_y(const sg_layout_job *j)
{
    return j->y;
}
