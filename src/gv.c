/* Graphviz behind one door (gv.h): the process's context, its lock, the
 * error sink, and the few cgraph and gvc calls stakegraph makes. */
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "gv.h"
#include "sg_internal.h"
#include "xmlesc.h"

/* One Graphviz context for the whole process, used under a lock: Graphviz
 * is not reentrant, and Graphviz 2.43's pango plugin keeps a pointer to a
 * font name owned by the context, so freeing a context and making another
 * one reads freed memory. The context lives until the process exits. */
static pthread_mutex_t gv_lock = PTHREAD_MUTEX_INITIALIZER;
static GVC_t *gv_shared;

/* Graphviz reports through agerr: the last error, for our messages. */
static char gv_reason[512];

static int gv_error(char *msg)
{
    snprintf(gv_reason, sizeof(gv_reason), "%s", msg);
    size_t n = strlen(gv_reason);
    while (n && (gv_reason[n - 1] == '\n' || gv_reason[n - 1] == ' '))
        gv_reason[--n] = 0;
    return 0;
}

struct sg_gv {
    Agraph_t *graph;
    int laid; /* a layout to free */
    agusererrf errf;
    agerrlevel_t level;
};

static int kind_of(sg_gv_kind kind)
{
    return kind == SG_GV_GRAPH ? AGRAPH : kind == SG_GV_NODE ? AGNODE : AGEDGE;
}

int sg_gv_open(sg_gv **out, const char *name)
{
    *out = NULL;
    sg_gv *g = calloc(1, sizeof(*g));
    if (!g)
        return SG_ERR_NOMEM;
    pthread_mutex_lock(&gv_lock);
    gv_reason[0] = 0;
    g->errf = agseterrf(gv_error);
    g->level = agseterr(AGERR);
    if (!gv_shared)
        gv_shared = gvContext();
    if (!gv_shared || !(g->graph = agopen((char *)name, Agstrictundirected, NULL))) {
        sg_gv_close(g);
        return SG_ERR_NOMEM;
    }
    *out = g;
    return 0;
}

void sg_gv_close(sg_gv *g)
{
    if (!g)
        return;
    sg_gv_unlayout(g);
    if (g->graph)
        agclose(g->graph);
    agseterrf(g->errf);
    agseterr(g->level);
    pthread_mutex_unlock(&gv_lock);
    free(g);
}

sg_gv_obj *sg_gv_root(sg_gv *g)
{
    return (sg_gv_obj *)g->graph;
}

sg_gv_obj *sg_gv_node(sg_gv *g, const char *name)
{
    return (sg_gv_obj *)agnode(g->graph, (char *)name, 1);
}

sg_gv_obj *sg_gv_edge(sg_gv *g, sg_gv_obj *a, sg_gv_obj *b)
{
    return (sg_gv_obj *)agedge(g->graph, (Agnode_t *)a, (Agnode_t *)b, NULL, 1);
}

sg_gv_sym *sg_gv_declare(sg_gv *g, sg_gv_kind kind, const char *name, const char *dflt)
{
    return (sg_gv_sym *)agattr(g->graph, kind_of(kind), (char *)name, (char *)dflt);
}

sg_gv_sym *sg_gv_find(sg_gv *g, sg_gv_kind kind, const char *name)
{
    return (sg_gv_sym *)agattr(g->graph, kind_of(kind), (char *)name, NULL);
}

int sg_gv_set_sym(sg_gv_obj *obj, sg_gv_sym *sym, const char *value)
{
    return agxset(obj, (Agsym_t *)sym, (char *)value) == 0 ? 0 : SG_ERR_NOMEM;
}

int sg_gv_set(sg_gv_obj *obj, const char *name, const char *value)
{
    return agsafeset(obj, (char *)name, (char *)value, "") == 0 ? 0 : SG_ERR_NOMEM;
}

int sg_gv_setf(sg_gv_obj *obj, const char *name, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    sg_vsnprintf_c(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    return sg_gv_set(obj, name, buf);
}

int sg_gv_set_html(sg_gv *g, sg_gv_obj *obj, const char *name, const char *html)
{
    char *h = agstrdup_html(g->graph, (char *)html);
    if (!h)
        return SG_ERR_NOMEM;
    int rc = agsafeset(obj, (char *)name, h, "");
    agstrfree(g->graph, h);
    return rc == 0 ? 0 : SG_ERR_NOMEM;
}

int sg_gv_layout(sg_gv *g, const char *engine)
{
    sg_gv_unlayout(g);
    sg_c_numeric saved = sg_c_numeric_enter();
    int failed = gvLayout(gv_shared, g->graph, engine) != 0;
    sg_c_numeric_leave(saved);
    if (failed)
        return SG_ERR_GRAPH;
    g->laid = 1;
    return 0;
}

void sg_gv_unlayout(sg_gv *g)
{
    if (g->laid)
        gvFreeLayout(gv_shared, g->graph);
    g->laid = 0;
}

void sg_gv_node_coord(const sg_gv_obj *node, double *x, double *y)
{
    Agnode_t *n = (Agnode_t *)node;
    *x = ND_coord(n).x;
    *y = ND_coord(n).y;
}

void sg_gv_node_size(const sg_gv_obj *node, double *w, double *h)
{
    Agnode_t *n = (Agnode_t *)node;
    *w = ND_width(n) * 72.0;
    *h = ND_height(n) * 72.0;
}

int sg_gv_node_xlabel(const sg_gv_obj *node, double *dx, double *dy)
{
    Agnode_t *n = (Agnode_t *)node;
    textlabel_t *l = ND_xlabel(n);
    if (!l || !l->set)
        return -1;
    *dx = l->pos.x - ND_coord(n).x;
    *dy = l->pos.y - ND_coord(n).y;
    return 0;
}

int sg_gv_render(sg_gv *g, const char *format, FILE *f)
{
    char *data = NULL;
    unsigned int len = 0;
    sg_c_numeric saved = sg_c_numeric_enter();
    int failed = gvRenderData(gv_shared, g->graph, format, &data, &len) != 0 || !data;
    sg_c_numeric_leave(saved);
    if (failed)
        return SG_ERR_GRAPH;
    errno = 0;
    int written = fwrite(data, 1, len, f) == len && fflush(f) == 0 && !ferror(f);
    int e = errno ? errno : EIO;
    gvFreeRenderData(data);
    errno = e;
    return written ? 0 : SG_ERR_IO;
}

int sg_gv_write(sg_gv *g, FILE *f)
{
    errno = 0;
    int ok = agwrite(g->graph, f) == 0 && !ferror(f) && fflush(f) == 0;
    if (!ok && !errno)
        errno = EIO;
    return ok ? 0 : SG_ERR_IO;
}

const char *sg_gv_reason(void)
{
    return gv_reason;
}

int sg_gv_failed(sg_error *err, const char *what)
{
    const char *reason = sg_gv_reason();
    return sg_error_set(err, SG_ERR_GRAPH, NULL, 0, -1, "Graphviz (%s): %s", what,
                        reason[0] ? reason : "failed");
}
