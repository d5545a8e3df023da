/* Whether a GraphML file read back was written by stakegraph, so that the
 * analysis and the layout replace the columns of stakegraph's own networks
 * (a new layout, other sizes) and never those of another program's (Gephi's
 * r, g, b, size; a networkx user's community), which keep their values and
 * names beside stakegraph's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph_int.h"
#include "sg_internal.h"

/* Keys only stakegraph's writer declares so (export_graphml.c write_keys). */
static const char *const markers[] = {
    "<key id=\"v_mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>",
    "<key id=\"e_documents\" for=\"edge\" attr.name=\"documents\" attr.type=\"int\"/>"};

/* The start of the <graph> element in s, or NULL (keys come before it). */
static const char *graph_start(const char *s)
{
    for (const char *p = strstr(s, "<graph"); p; p = strstr(p + 1, "<graph")) {
        char c = p[6];
        if (c == ' ' || c == '>' || c == '\t' || c == '\n' || c == '\r')
            return p;
    }
    return NULL;
}

/* The head of the file, up to its <graph> (at most HEAD_MAX bytes): where
 * the keys are. NULL when the file cannot be read again or has no <graph>
 * there. */
#define HEAD_MAX (4u << 20)
static char *read_head(const char *path)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : NULL;
    char *head = f ? malloc(HEAD_MAX + 1) : NULL;
    size_t len = 0;
    char *end = NULL;
    while (head && !end && len < HEAD_MAX) {
        size_t got = fread(head + len, 1, HEAD_MAX - len < 65536 ? HEAD_MAX - len : 65536, f);
        if (!got)
            break;
        len += got;
        head[len] = '\0';
        end = (char *)graph_start(len > got + 16 ? head + len - got - 16 : head);
    }
    if (f)
        fclose(f);
    if (!end) {
        free(head);
        return NULL;
    }
    *end = '\0';
    return head;
}

static int written_by_stakegraph(const char *head)
{
    for (size_t k = 0; k < sizeof(markers) / sizeof(*markers); k++)
        if (!strstr(head, markers[k]))
            return 0;
    return 1;
}

/* Whether the head declares column c an integer, as stakegraph's writer does
 * (igraph's reader reads every number as a double). */
static int declared_int(const char *head, sg_domain d, const char *name)
{
    static const char *const types[] = {"int", "long"};
    char key[256];
    for (int t = 0; t < 2; t++) {
        snprintf(key, sizeof(key), "for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>",
                 d == SG_EDGES ? "edge" : "node", name, types[t]);
        if (strlen(name) < 100 && strstr(head, key))
            return 1;
    }
    return 0;
}

static int attr_named(const sg_graph *g, const char *name)
{
    for (size_t a = 0; a < g->nattr; a++)
        if (!strcmp(g->attr_names[a], name))
            return 1;
    return 0;
}

/* A column "sg_<name>" beside a column or an attribute "<name>":
 * stakegraph's <name>; in stakegraph's own file, a column declared an
 * integer stays one. */
static void own_columns(sg_graph *g, sg_domain d, const char *head)
{
    sg_column *cols = g->cols[d == SG_EDGES];
    for (size_t c = 0; c < g->ncols[d == SG_EDGES]; c++) {
        const char *base = cols[c].name + 3;
        if (!strncmp(cols[c].name, "sg_", 3) && !cols[c].own &&
            (sg_graph_column_written(g, d, base) >= 0 || (d == SG_NODES && attr_named(g, base))))
            cols[c].own = sg_strdup(base); /* (NULL: a plain column) */
        if (head && !g->foreign && declared_int(head, d, cols[c].name))
            cols[c].is_int = 1;
    }
}

int sg_graph_read_origin(sg_graph *g, const char *path)
{
    if (!g)
        return 0;
    char *head = path ? read_head(path) : NULL;
    g->foreign = !head || !written_by_stakegraph(head);
    for (int d = 0; d < 2; d++) {
        for (size_t c = 0; c < g->ncols[d]; c++)
            g->cols[d][c].foreign = g->foreign;
        own_columns(g, d ? SG_EDGES : SG_NODES, head);
    }
    free(head);
    return g->foreign;
}
