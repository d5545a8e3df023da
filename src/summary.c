/* A network's summary as the text `stakegraph stats` prints: the counts,
 * the communities with their main actors, and the top actors by each
 * centrality (the JSON form is in export_json.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "stakegraph/analysis.h"

/* The centralities the summary ranks actors by (the library's list). */
enum { MAX_MEASURES = 16 };

static size_t measure_count(void)
{
    size_t n = 0;
    while (n < MAX_MEASURES && sg_centrality_name(n))
        n++;
    return n;
}

static size_t *rank_by(const sg_graph *g, const char *measure)
{
    size_t *order = malloc((sg_graph_node_count(g) + 1) * sizeof(size_t));
    if (order && sg_graph_rank_nodes(g, measure, order)) {
        free(order);
        return NULL;
    }
    return order;
}

/* Display width of UTF-8 text, in code points. */
static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

/* Prints at most `w` code points of `s` (a longer name is cut and ends with
 * "…"); returns the number printed. */
static size_t print_cut(FILE *f, const char *s, size_t w)
{
    size_t k = 0, total = width(s);
    for (; *s; s++) {
        int lead = ((unsigned char)*s & 0xC0) != 0x80;
        if (lead && total > w && k + 1 == w)
            break;
        k += lead;
        fputc(*s, f);
    }
    if (total > w) {
        fputs("\xe2\x80\xa6", f);
        k++;
    }
    return k;
}

static void print_padded(FILE *f, const char *s, size_t w)
{
    for (size_t k = print_cut(f, s, w); k < w; k++)
        fputc(' ', f);
}

static double value(const sg_graph *g, const char *name, size_t i)
{
    long c = sg_graph_column_find(g, SG_NODES, name);
    double v = c < 0 ? 0 : sg_graph_column_value(g, SG_NODES, (size_t)c, i);
    return v == 0 ? 0 : v; /* never "-0" */
}

static void print_table(FILE *f, const sg_graph *g, const sg_graph_summary *s,
                        size_t *const *orders, size_t top)
{
    size_t n = sg_graph_node_count(g);
    fprintf(f, "nodes        %zu\n", s->nodes);
    fprintf(f, "edges        %zu (total weight %.0f)\n", s->edges, s->total_weight);
    fprintf(f, "density      %.4f\n", s->density);
    fprintf(f, "components   %zu (%zu isolated actors)\n", s->components, s->isolated);
    fprintf(f, "communities  %zu (Louvain)\n", s->communities);
    fprintf(f, "modularity   %.4f\n", s->modularity);
    for (size_t i = 0; i < sg_graph_meta_count(g); i++) /* a measure not made the usual way */
        fprintf(f, "%-12s %s\n", sg_graph_meta_key(g, i), sg_graph_meta_value(g, i));
    /* communities: size and first members by pagerank (by degree without it) */
    size_t shown = s->communities < 12 ? s->communities : 12, by = orders[3] ? 3 : 0;
    if (shown)
        fprintf(f, "\ncommunity  actors  main actors (by %s)\n", sg_centrality_name(by));
    for (size_t c = 0; c < shown; c++) {
        size_t size = 0, listed = 0;
        for (size_t i = 0; i < n; i++)
            size += (size_t)value(g, "community", i) == c;
        fprintf(f, "%9zu  %6zu  ", c, size);
        for (size_t r = 0; r < n && listed < 4; r++) {
            size_t i = orders[by][r];
            if ((size_t)value(g, "community", i) != c)
                continue;
            fputs(listed ? ", " : "", f);
            print_cut(f, sg_graph_node_short_name(g, i), 28);
            listed++;
        }
        fputc('\n', f);
    }
    for (size_t m = 0; m < measure_count(); m++) {
        if (!orders[m]) /* not computed (--no-betweenness, ...) */
            continue;
        size_t w = 5;
        for (size_t r = 0; r < top && r < n; r++) {
            size_t lw = width(sg_graph_node_short_name(g, orders[m][r]));
            w = lw > w ? lw : w;
        }
        w = w > 40 ? 40 : w;
        fprintf(f, "\n rank  ");
        print_padded(f, "actor", w);
        fprintf(f, "  %-12s  community\n", sg_centrality_name(m));
        for (size_t r = 0; r < top && r < n; r++) {
            size_t i = orders[m][r];
            fprintf(f, "%5zu  ", r + 1);
            print_padded(f, sg_graph_node_short_name(g, i), w);
            double v = value(g, sg_centrality_name(m), i);
            if (m < 2)
                fprintf(f, "  %-12.0f  %9.0f\n", v, value(g, "community", i));
            else
                fprintf(f, "  %-12.4g  %9.0f\n", v, value(g, "community", i));
        }
    }
}

int sg_graph_summary_write_text(const sg_graph *g, const sg_graph_summary *s, size_t top, FILE *f,
                                sg_error *err)
{
    size_t *orders[MAX_MEASURES] = {NULL};
    int rc = 0;
    for (size_t m = 0; !rc && m < measure_count(); m++)
        if (sg_graph_column_find(g, SG_NODES, sg_centrality_name(m)) >= 0 &&
            !(orders[m] = rank_by(g, sg_centrality_name(m))))
            rc = sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    if (!rc && !orders[0]) /* degree: always computed, the last resort below */
        rc = sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "no node attribute 'degree'");
    if (!rc) {
        print_table(f, g, s, orders, top);
        if (fflush(f) || ferror(f))
            rc = sg_error_set(err, SG_ERR_IO, NULL, 0, -1, "write error");
    }
    for (size_t m = 0; m < measure_count(); m++)
        free(orders[m]);
    return rc;
}
