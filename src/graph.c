/* The network: node and edge arrays built from the counts, columns and
 * first documents. This is also igraph's adapter: igraph's error handler
 * aborts, so every call (in analysis.c and graphml_read.c) runs under our
 * own handler, which frees igraph's cleanup stack and turns the error into
 * a return code, and under one process-wide lock. */
#include <igraph.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"
#include "gazetteer_int.h"
#include "graph_int.h"
#include "match_int.h"
#include "sg_internal.h"
#include "stakegraph/graph.h"

static _Thread_local char igraph_reason[256]; /* per thread, like igraph's handlers */

static void guard_handler(const char *reason, const char *file, int line, igraph_error_t code)
{
    (void)file;
    (void)line;
    (void)code;
    /* igraph passes an error up its call chain with an empty reason: keep
     * the first, the one that says what was wrong */
    if (reason && *reason && !igraph_reason[0])
        snprintf(igraph_reason, sizeof(igraph_reason), "%s", reason);
    IGRAPH_FINALLY_FREE();
}

static void quiet_warning(const char *reason, const char *file, int line)
{
    (void)reason;
    (void)file;
    (void)line;
}

/* igraph is built without thread safety (IGRAPH_THREAD_SAFE is 0 in
 * Debian's 0.10): its error handlers and cleanup stack are process-wide, so
 * igraph runs under one lock, taken again by nested guards (recursive). */
static pthread_mutex_t igraph_lock;
static pthread_once_t igraph_lock_once = PTHREAD_ONCE_INIT;

static void igraph_lock_init(void)
{
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&igraph_lock, &a);
    pthread_mutexattr_destroy(&a);
}

/* The caller's handlers, kept while the lock is held (by the outermost
 * sg_ig_enter of the thread that holds it). */
static igraph_error_handler_t *saved_error;
static igraph_warning_handler_t *saved_warning;
static int depth;

void sg_ig_enter(void)
{
    pthread_once(&igraph_lock_once, igraph_lock_init);
    pthread_mutex_lock(&igraph_lock);
    igraph_reason[0] = '\0';
    if (depth++ == 0) {
        saved_error = igraph_set_error_handler(guard_handler);
        saved_warning = igraph_set_warning_handler(quiet_warning);
    }
}

void sg_ig_leave(void)
{
    if (--depth == 0) {
        igraph_set_error_handler(saved_error);
        igraph_set_warning_handler(saved_warning);
    }
    pthread_mutex_unlock(&igraph_lock);
}

void sg_ig_forked(void)
{
    igraph_lock_init();
    depth = 0;
}

const char *sg_ig_reason(void)
{
    return igraph_reason[0] ? igraph_reason : "igraph error";
}

void sg_graph_free(sg_graph *g)
{
    if (!g)
        return;
    free(g->picture_keep);
    free(g->picture_shown);
    for (size_t i = 0; i < 2 * g->nmeta; i++)
        free(g->meta[i]);
    free(g->meta);
    for (int d = 0; d < 2; d++) {
        for (size_t c = 0; c < g->ncols[d]; c++) {
            free(g->cols[d][c].name);
            free(g->cols[d][c].own);
            free(g->cols[d][c].v);
        }
        free(g->cols[d]);
    }
    for (size_t i = 0; i < g->n; i++) {
        if (g->id)
            free(g->id[i]);
        if (g->label)
            free(g->label[i]);
        if (g->type)
            free(g->type[i]);
    }
    if (g->attrs)
        for (size_t i = 0; i < g->n * g->nattr; i++)
            free(g->attrs[i]);
    for (size_t a = 0; a < g->nattr; a++)
        free(g->attr_names[a]);
    free(g->id);
    free(g->label);
    free(g->type);
    free(g->mentions);
    free(g->documents);
    free(g->attr_names);
    free(g->attrs);
    free(g->src);
    free(g->dst);
    free(g->weight);
    free(g->edocs);
    if (g->fdocs && !g->fdocs_text)
        for (size_t i = 0; i < g->m * SG_FIRST_DOCUMENTS; i++)
            free(g->fdocs[i]);
    free(g->fdocs);
    free(g->fdocs_text);
    free(g);
}

size_t sg_graph_edge_first_documents(const sg_graph *g, size_t e, const char *const **names)
{
    size_t k = 0;
    if (!g->fdocs || e >= g->m) {
        *names = NULL;
        return 0;
    }
    const char *const *v = (const char *const *)&g->fdocs[e * SG_FIRST_DOCUMENTS];
    while (k < SG_FIRST_DOCUMENTS && v[k])
        k++;
    *names = v;
    return k;
}

size_t sg_graph_node_count(const sg_graph *g)
{
    return g->n;
}
size_t sg_graph_edge_count(const sg_graph *g)
{
    return g->m;
}
const char *sg_graph_node_id(const sg_graph *g, size_t i)
{
    return g->id[i];
}
const char *sg_graph_node_label(const sg_graph *g, size_t i)
{
    return g->label[i];
}
const char *sg_graph_node_type(const sg_graph *g, size_t i)
{
    return g->type[i];
}
long sg_graph_node_mentions(const sg_graph *g, size_t i)
{
    return g->mentions[i];
}
long sg_graph_node_documents(const sg_graph *g, size_t i)
{
    return g->documents[i];
}
const char *sg_graph_node_short_name(const sg_graph *g, size_t i)
{
    for (size_t a = 0; a < g->nattr; a++)
        if (!strcmp(g->attr_names[a], "short") && g->attrs[i * g->nattr + a] &&
            g->attrs[i * g->nattr + a][0])
            return g->attrs[i * g->nattr + a];
    return g->label[i];
}

size_t sg_graph_attr_count(const sg_graph *g)
{
    return g->nattr;
}
const char *sg_graph_attr_name(const sg_graph *g, size_t a)
{
    return g->attr_names[a];
}

const char *sg_graph_node_attr(const sg_graph *g, size_t i, size_t a)
{
    return g->attrs[i * g->nattr + a];
}

void sg_graph_edge(const sg_graph *g, size_t e, size_t *source, size_t *target, double *weight,
                   long *documents)
{
    if (source)
        *source = g->src[e];
    if (target)
        *target = g->dst[e];
    if (weight)
        *weight = g->weight[e];
    if (documents)
        *documents = g->edocs[e];
}

static size_t domain_size(const sg_graph *g, sg_domain d)
{
    return d == SG_EDGES ? g->m : g->n;
}

size_t sg_graph_column_count(const sg_graph *g, sg_domain d)
{
    return g->ncols[d == SG_EDGES];
}

const char *sg_graph_column_name(const sg_graph *g, sg_domain d, size_t c)
{
    return g->cols[d == SG_EDGES][c].name;
}

const char *sg_graph_column_renamed(const sg_graph *g, sg_domain d, size_t c)
{
    if (c >= sg_graph_column_count(g, d) || !g->cols[d == SG_EDGES][c].renamed)
        return NULL;
    return g->cols[d == SG_EDGES][c].own;
}

/* Appends ", [edge ]name" to buf (count names so far). */
static void list_name(char *buf, size_t size, size_t count, int edge, const char *name)
{
    size_t len = strlen(buf);
    if (len < size)
        snprintf(buf + len, size - len, "%s%s%s", count ? ", " : "", edge ? "edge " : "", name);
}

int sg_graph_renamed_warning(const sg_graph *g, const char *file, sg_error *w)
{
    char kept[512] = "", ours[512] = "";
    size_t count = 0;
    for (int d = 0; d < 2; d++)
        for (size_t c = 0; c < sg_graph_column_count(g, d ? SG_EDGES : SG_NODES); c++) {
            sg_domain dom = d ? SG_EDGES : SG_NODES;
            const char *own = sg_graph_column_renamed(g, dom, c);
            if (!own)
                continue;
            list_name(kept, sizeof(kept), count, d, own);
            list_name(ours, sizeof(ours), count++, d, sg_graph_column_name(g, dom, c));
        }
    if (count)
        sg_error_set(w, SG_ERR_INVALID, file, 0, -1,
                     "the file's own %s kept as %s; stakegraph's written as %s", kept,
                     count == 1 ? "it is" : "they are", ours);
    return count > 0;
}

int sg_graph_column_is_int(const sg_graph *g, sg_domain d, size_t c)
{
    return g->cols[d == SG_EDGES][c].is_int;
}

double sg_graph_column_value(const sg_graph *g, sg_domain d, size_t c, size_t i)
{
    return g->cols[d == SG_EDGES][c].v[i];
}

long sg_graph_column_find(const sg_graph *g, sg_domain d, const char *name)
{
    const sg_column *cols = g->cols[d == SG_EDGES];
    long written = -1;
    for (size_t c = 0; c < g->ncols[d == SG_EDGES]; c++) {
        if (cols[c].own && !strcmp(cols[c].own, name))
            return (long)c; /* stakegraph's, beside a file's column of that name */
        if (written < 0 && !strcmp(cols[c].name, name))
            written = (long)c;
    }
    return written;
}

long sg_graph_column_written(const sg_graph *g, sg_domain d, const char *name)
{
    for (size_t c = 0; c < g->ncols[d == SG_EDGES]; c++)
        if (!strcmp(g->cols[d == SG_EDGES][c].name, name))
            return (long)c;
    return -1;
}

int sg_graph_set_meta(sg_graph *g, const char *key, const char *value, sg_error *err)
{
    if (!g || !key || !value)
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "invalid argument");
    char *v = sg_strdup(value);
    if (!v)
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    for (size_t i = 0; i < g->nmeta; i++)
        if (!strcmp(g->meta[2 * i], key)) {
            free(g->meta[2 * i + 1]);
            g->meta[2 * i + 1] = v;
            return 0;
        }
    char **m = sg_realloc_array(g->meta, 2 * (g->nmeta + 1), sizeof(char *));
    char *k = sg_strdup(key);
    if (m)
        g->meta = m;
    if (!m || !k) {
        free(v);
        free(k);
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    }
    g->meta[2 * g->nmeta] = k;
    g->meta[2 * g->nmeta + 1] = v;
    g->nmeta++;
    return 0;
}

size_t sg_graph_meta_count(const sg_graph *g)
{
    return g ? g->nmeta : 0;
}

const char *sg_graph_meta_key(const sg_graph *g, size_t i)
{
    return g && i < g->nmeta ? g->meta[2 * i] : NULL;
}

const char *sg_graph_meta_value(const sg_graph *g, size_t i)
{
    return g && i < g->nmeta ? g->meta[2 * i + 1] : NULL;
}

long sg_graph_units(const sg_graph *g)
{
    return g->units;
}

/* A name for stakegraph's column `name` that no column or attribute of g is
 * written under: "sg_<name>", else "sg_<name>_2", "_3"... Allocated. */
static char *free_name(const sg_graph *g, sg_domain d, const char *name)
{
    size_t len = strlen(name) + 32;
    char *s = malloc(len);
    for (unsigned k = 1; s; k++) {
        if (k == 1)
            snprintf(s, len, "sg_%s", name);
        else
            snprintf(s, len, "sg_%s_%u", name, k);
        int taken = sg_graph_column_written(g, d, s) >= 0;
        for (size_t a = 0; d == SG_NODES && a < g->nattr && !taken; a++)
            taken = !strcmp(g->attr_names[a], s);
        if (!taken)
            break;
    }
    return s;
}

/* Whether stakegraph's column `name` would take the place of something of
 * the file's with other values: a foreign column of that name holding other
 * values, or a foreign node attribute (a string) of that name. */
static int collides(const sg_graph *g, sg_domain d, long at, const char *name, const double *v)
{
    if (at >= 0) {
        const sg_column *c = &g->cols[d == SG_EDGES][at];
        for (size_t i = 0; c->foreign && i < domain_size(g, d); i++)
            if (c->v[i] != v[i])
                return 1;
        return 0;
    }
    for (size_t a = 0; d == SG_NODES && g->foreign && a < g->nattr; a++)
        if (!strcmp(g->attr_names[a], name))
            return 1;
    return 0;
}

int sg_graph_set_column(sg_graph *g, sg_domain d, const char *name, int is_int,
                        const double *values, sg_error *err)
{
    if (!g || !name || !*name || (!values && domain_size(g, d)))
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "invalid argument");
    int k = d == SG_EDGES;
    size_t n = domain_size(g, d);
    double *v = sg_alloc_array(n + 1, sizeof(double));
    if (!v)
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    for (size_t i = 0; i < n; i++)
        v[i] = isfinite(values[i]) ? (is_int ? round(values[i]) : values[i]) : 0.0;
    long at = sg_graph_column_find(g, d, name);
    int renamed = collides(g, d, at, name, v);
    if (at >= 0 && !renamed) {
        sg_column *c = &g->cols[k][at];
        if (c->foreign) { /* the same values: the file's column as it is */
            free(v);
            return 0;
        }
        free(c->v);
        c->v = v;
        c->is_int = is_int;
        return 0;
    }
    char *written = renamed ? free_name(g, d, name) : sg_strdup(name);
    char *own = renamed ? sg_strdup(name) : NULL;
    sg_column *cols = sg_realloc_array(g->cols[k], g->ncols[k] + 1, sizeof(sg_column));
    if (cols)
        g->cols[k] = cols;
    if (!cols || !written || (renamed && !own)) {
        free(v);
        free(written);
        free(own);
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    }
    if (at >= 0) { /* the file's column: found by its name again */
        free(cols[at].own);
        cols[at].own = NULL;
        cols[at].renamed = 0;
    }
    cols[g->ncols[k]++] = (sg_column){written, is_int, v, own, renamed, 0};
    return 0;
}

typedef struct {
    double v;
    size_t i;
} ranked;

static int cmp_ranked(const void *x, const void *y)
{
    const ranked *a = x, *b = y;
    if (a->v != b->v)
        return a->v > b->v ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

int sg_rank_values(const double *v, size_t n, size_t *order)
{
    ranked *r = sg_alloc_array(n + 1, sizeof(ranked));
    if (!r)
        return SG_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        r[i] = (ranked){v[i], i};
    qsort(r, n, sizeof(ranked), cmp_ranked);
    for (size_t i = 0; i < n; i++)
        order[i] = r[i].i;
    free(r);
    return 0;
}

int sg_graph_rank_nodes(const sg_graph *g, const char *measure, size_t *order)
{
    long col = sg_graph_column_find(g, SG_NODES, measure);
    int counts = !strcmp(measure, "mentions") || !strcmp(measure, "documents");
    if (col < 0 && !counts)
        return SG_ERR_INVALID;
    double *v = sg_alloc_array(g->n + 1, sizeof(double));
    if (!v)
        return SG_ERR_NOMEM;
    for (size_t i = 0; i < g->n; i++)
        v[i] = col >= 0            ? g->cols[0][col].v[i]
               : measure[0] == 'm' ? (double)g->mentions[i]
                                   : (double)g->documents[i];
    int rc = sg_rank_values(v, g->n, order);
    free(v);
    return rc;
}

int sg_graph_keep_edges(sg_graph *g, const unsigned char *keep, sg_error *err)
{
    size_t m = 0;
    for (size_t e = 0; e < g->m; e++) {
        if (!keep[e]) {
            for (size_t k = 0; g->fdocs && k < SG_FIRST_DOCUMENTS; k++) {
                if (!g->fdocs_text)
                    free(g->fdocs[e * SG_FIRST_DOCUMENTS + k]);
                g->fdocs[e * SG_FIRST_DOCUMENTS + k] = NULL;
            }
            continue;
        }
        g->src[m] = g->src[e];
        g->dst[m] = g->dst[e];
        g->weight[m] = g->weight[e];
        g->edocs[m] = g->edocs[e];
        if (g->fdocs)
            for (size_t k = 0; k < SG_FIRST_DOCUMENTS; k++) {
                char *name = g->fdocs[e * SG_FIRST_DOCUMENTS + k];
                g->fdocs[e * SG_FIRST_DOCUMENTS + k] = NULL;
                g->fdocs[m * SG_FIRST_DOCUMENTS + k] = name;
            }
        for (size_t c = 0; c < g->ncols[1]; c++)
            g->cols[1][c].v[m] = g->cols[1][c].v[e];
        m++;
    }
    g->m = m;
    free(g->picture_keep); /* (another network's picture) */
    free(g->picture_shown);
    g->picture_keep = g->picture_shown = NULL;
    (void)err;
    return 0;
}

sg_graph *sg_graph_alloc(size_t n, size_t m, size_t nattr)
{
    sg_graph *g = calloc(1, sizeof(*g));
    if (!g)
        return NULL;
    g->id = calloc(n + 1, sizeof(char *));
    g->label = calloc(n + 1, sizeof(char *));
    g->type = calloc(n + 1, sizeof(char *));
    g->mentions = calloc(n + 1, sizeof(long));
    g->documents = calloc(n + 1, sizeof(long));
    g->attr_names = calloc(nattr + 1, sizeof(char *));
    g->attrs = calloc(n * nattr + 1, sizeof(char *));
    g->src = calloc(m + 1, sizeof(size_t));
    g->dst = calloc(m + 1, sizeof(size_t));
    g->weight = calloc(m + 1, sizeof(double));
    g->edocs = calloc(m + 1, sizeof(long));
    if (!g->id || !g->label || !g->type || !g->mentions || !g->documents || !g->attr_names ||
        !g->attrs || !g->src || !g->dst || !g->weight || !g->edocs ||
        (nattr && n > SIZE_MAX / nattr)) {
        sg_graph_free(g);
        return NULL;
    }
    g->n = n;
    g->nattr = nattr;
    return g;
}

typedef struct {
    size_t a, b;
    long weight, documents;
    const sg_pair_count *pair;
} edge_tmp;

/* Scatters the m edges of `from` into `to` by their end `b` (which_a 0) or
 * `a` (1), keeping their order within one node: a counting sort. */
static void scatter_edges(edge_tmp *to, const edge_tmp *from, size_t m, size_t *count, size_t n,
                          int which_a)
{
    memset(count, 0, (n + 1) * sizeof(size_t));
    for (size_t e = 0; e < m; e++)
        count[(which_a ? from[e].a : from[e].b) + 1]++;
    for (size_t i = 0; i < n; i++)
        count[i + 1] += count[i];
    for (size_t e = 0; e < m; e++)
        to[count[which_a ? from[e].a : from[e].b]++] = from[e];
}

/* The edges in (a, b) order, the pairs being distinct: by b, then by a
 * (stable), two linear passes where a qsort of a dense network's 842,000
 * edges took a tenth of the extraction. Returns 0 or SG_ERR_NOMEM. */
static int sort_edges(edge_tmp *tmp, size_t m, size_t n)
{
    edge_tmp *by_b = sg_alloc_array(m + 1, sizeof(edge_tmp));
    size_t *count = sg_alloc_array(n + 2, sizeof(size_t));
    if (!by_b || !count) {
        free(by_b);
        free(count);
        return SG_ERR_NOMEM;
    }
    scatter_edges(by_b, tmp, m, count, n, 0);
    scatter_edges(tmp, by_b, m, count, n, 1);
    free(by_b);
    free(count);
    return 0;
}

static int dup_or_null(char **dst, const char *s)
{
    *dst = NULL;
    return s && !(*dst = sg_strdup(s)) ? SG_ERR_NOMEM : 0;
}

/* Extra columns in name order, so that the order in which gazetteers are
 * given does not change the output. */
static size_t *attr_order(const sg_gazetteer *gaz)
{
    size_t *order = sg_alloc_array(gaz->nattr + 1, sizeof(size_t));
    if (order && sg_order_strings(order, (const char *const *)gaz->attr_names, gaz->nattr)) {
        free(order);
        return NULL;
    }
    return order;
}

static int copy_nodes(sg_graph *g, const sg_gazetteer *gaz, const sg_cooc *c, const uint32_t *ents)
{
    g->id = calloc(g->n + 1, sizeof(char *));
    g->label = calloc(g->n + 1, sizeof(char *));
    g->type = calloc(g->n + 1, sizeof(char *));
    g->mentions = sg_alloc_array(g->n + 1, sizeof(long));
    g->documents = sg_alloc_array(g->n + 1, sizeof(long));
    g->attr_names = calloc(gaz->nattr + 1, sizeof(char *));
    g->attrs = calloc(g->n * gaz->nattr + 1, sizeof(char *));
    if (!g->id || !g->label || !g->type || !g->mentions || !g->documents || !g->attr_names ||
        !g->attrs)
        return SG_ERR_NOMEM;
    size_t *order = attr_order(gaz);
    if (!order)
        return SG_ERR_NOMEM;
    g->nattr = gaz->nattr;
    int rc = 0;
    for (size_t a = 0; a < gaz->nattr && !rc; a++)
        rc = dup_or_null(&g->attr_names[a], gaz->attr_names[order[a]]);
    for (size_t i = 0; i < g->n && !rc; i++) {
        const sg_entity *e = &gaz->ents[ents[i]];
        if (dup_or_null(&g->id[i], e->id) || dup_or_null(&g->label[i], e->label) ||
            dup_or_null(&g->type[i], e->type))
            rc = SG_ERR_NOMEM;
        g->mentions[i] = c->nodes[ents[i]].mentions;
        g->documents[i] = c->nodes[ents[i]].documents;
        for (size_t a = 0; a < gaz->nattr && !rc; a++)
            if (order[a] < e->nattrs)
                rc = dup_or_null(&g->attrs[i * g->nattr + a], e->attrs[order[a]]);
    }
    free(order);
    return rc;
}

/* The edges' first documents, copied into one block (g->fdocs_text) with
 * each document's name once: the counts share one string a document (the
 * dense corpus's 146,000 edges name 8,000 documents), found by address. */
typedef struct {
    const char **name;
    size_t *at, mask, n;
} name_set;

/* The slot where `name` (an address) is, or would go, in a table of mask + 1. */
static size_t name_slot(const char *const *names, size_t mask, const char *name)
{
    size_t h = (size_t)(((uintptr_t)name * 0x9E3779B97F4A7C15ULL) >> 20) & mask;
    while (names[h] && names[h] != name)
        h = (h + 1) & mask;
    return h;
}

/* The offset in the block of `name` (given one if new, `bytes` growing). */
static int name_offset(name_set *s, const char *name, size_t *bytes, size_t *out)
{
    if ((s->n + 1) * 2 > s->mask + 1) {
        size_t nmask = s->mask * 2 + 1;
        const char **nn = calloc(nmask + 1, sizeof(char *));
        size_t *na = sg_alloc_array(nmask + 1, sizeof(size_t));
        if (!nn || !na) {
            free(nn);
            free(na);
            return SG_ERR_NOMEM;
        }
        for (size_t i = 0; i <= s->mask; i++)
            if (s->name[i]) {
                size_t h = name_slot(nn, nmask, s->name[i]);
                nn[h] = s->name[i];
                na[h] = s->at[i];
            }
        free(s->name);
        free(s->at);
        s->name = nn;
        s->at = na;
        s->mask = nmask;
    }
    size_t h = name_slot(s->name, s->mask, name);
    if (!s->name[h]) {
        s->name[h] = name;
        s->at[h] = *bytes;
        *bytes += strlen(name) + 1;
        s->n++;
    }
    *out = s->at[h];
    return 0;
}

static int copy_first_documents(sg_graph *g, const edge_tmp *tmp, size_t m)
{
    name_set s = {calloc(1024, sizeof(char *)), sg_alloc_array(1024, sizeof(size_t)), 1023, 0};
    size_t bytes = 0;
    int rc = s.name && s.at ? 0 : SG_ERR_NOMEM;
    /* each slot first holds its name's offset + 1 in the block to come */
    for (size_t e = 0; e < m && !rc; e++) {
        /* sorted, the edges' counts are all over the table: ask for them ahead */
        if (e + 8 < m)
            __builtin_prefetch(tmp[e + 8].pair->first);
        for (size_t k = 0; k < SG_FIRST_DOCUMENTS && tmp[e].pair->first[k] && !rc; k++) {
            size_t at = 0;
            rc = name_offset(&s, tmp[e].pair->first[k], &bytes, &at);
            g->fdocs[e * SG_FIRST_DOCUMENTS + k] = (char *)(uintptr_t)(at + 1);
        }
    }
    if (!rc && !(g->fdocs_text = malloc(bytes + 1)))
        rc = SG_ERR_NOMEM;
    if (!rc) {
        for (size_t h = 0; h <= s.mask; h++)
            if (s.name[h])
                memcpy(g->fdocs_text + s.at[h], s.name[h], strlen(s.name[h]) + 1);
        for (size_t i = 0; i < m * SG_FIRST_DOCUMENTS; i++)
            if (g->fdocs[i])
                g->fdocs[i] = g->fdocs_text + ((uintptr_t)g->fdocs[i] - 1);
    } else {
        memset(g->fdocs, 0, m * SG_FIRST_DOCUMENTS * sizeof(char *));
    }
    free(s.name);
    free(s.at);
    return rc;
}

static int collect_edges(sg_graph *g, const sg_cooc *c, const size_t *node_of, double min_weight)
{
    edge_tmp *tmp = sg_alloc_array(c->used + 1, sizeof(edge_tmp));
    if (!tmp)
        return SG_ERR_NOMEM;
    size_t m = 0;
    for (size_t s = 0; s <= c->mask; s++) {
        const sg_pair_count *p = &c->pairs[s];
        if (!p->key || (double)p->weight < min_weight)
            continue;
        uint64_t k = p->key - 1;
        size_t a = node_of[(uint32_t)(k >> 32)], b = node_of[(uint32_t)k];
        tmp[m++] = (edge_tmp){a < b ? a : b, a < b ? b : a, p->weight, p->documents, p};
    }
    if (m > 1 && sort_edges(tmp, m, g->n)) {
        free(tmp);
        return SG_ERR_NOMEM;
    }
    g->src = sg_alloc_array(m + 1, sizeof(size_t));
    g->dst = sg_alloc_array(m + 1, sizeof(size_t));
    g->weight = sg_alloc_array(m + 1, sizeof(double));
    g->edocs = sg_alloc_array(m + 1, sizeof(long));
    g->fdocs = sg_calloc_array(m * SG_FIRST_DOCUMENTS + 1, sizeof(char *));
    if (!g->src || !g->dst || !g->weight || !g->edocs || !g->fdocs) {
        free(tmp);
        return SG_ERR_NOMEM;
    }
    g->m = m;
    if (copy_first_documents(g, tmp, m)) {
        free(tmp);
        return SG_ERR_NOMEM;
    }
    for (size_t e = 0; e < m; e++) {
        g->src[e] = tmp[e].a;
        g->dst[e] = tmp[e].b;
        g->weight[e] = (double)tmp[e].weight;
        g->edocs[e] = tmp[e].documents;
    }
    g->m = m;
    free(tmp);
    return 0;
}

int sg_graph_build(sg_graph **out, const sg_gazetteer *gaz, const sg_matcher *m, const sg_cooc *c,
                   double min_weight, sg_error *err)
{
    size_t ne = gaz->n;
    sg_graph *g = calloc(1, sizeof(*g));
    uint32_t *ents = sg_alloc_array(ne + 1, sizeof(uint32_t));
    size_t *node_of = sg_alloc_array(ne + 1, sizeof(size_t));
    int rc = SG_ERR_NOMEM;
    if (!g || !ents || !node_of)
        goto cleanup;
    /* nodes: mentioned entities in id order (rank order) */
    uint32_t *by_rank = sg_alloc_array(ne + 1, sizeof(uint32_t));
    if (!by_rank)
        goto cleanup;
    for (size_t i = 0; i < ne; i++)
        by_rank[sg_matcher_rank(m, (uint32_t)i)] = (uint32_t)i;
    for (size_t r = 0; r < ne; r++) {
        uint32_t e = by_rank[r];
        if (c->nodes[e].mentions > 0) {
            node_of[e] = g->n;
            ents[g->n++] = e;
        }
    }
    free(by_rank);
    if (copy_nodes(g, gaz, c, ents) || collect_edges(g, c, node_of, min_weight))
        goto cleanup;
    double *units = sg_alloc_array(g->n + 1, sizeof(double));
    if (!units)
        goto cleanup;
    for (size_t i = 0; i < g->n; i++)
        units[i] = (double)c->nodes[ents[i]].units;
    rc = sg_graph_set_column(g, SG_NODES, "units", 1, units, err);
    free(units);
    if (rc)
        goto cleanup_set;
    g->units = c->units;
    free(ents);
    free(node_of);
    *out = g;
    return 0;
cleanup:
    sg_error_set(err, rc, NULL, 0, -1, "out of memory");
cleanup_set:
    free(ents);
    free(node_of);
    sg_graph_free(g);
    return rc;
}
