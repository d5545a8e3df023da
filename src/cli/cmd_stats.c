/* stakegraph stats: a network's summary and its most central actors (SPEC §9). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stakegraph/stakegraph.h>

#include "cli.h"

/* The centralities the summary ranks actors by (the library's list). */
enum { MAX_MEASURES = 16 };

static size_t measure_count(void)
{
    size_t n = 0;
    while (n < MAX_MEASURES && sg_centrality_name(n))
        n++;
    return n;
}

enum { OPT_JSON = 256, OPT_TOP, OPT_SEED };

static const cli_option options[] = {
    {OPT_JSON, "json", NULL, "print JSON instead of tables", 0},
    {OPT_TOP, "top", "N", "actors per centrality (default 10)", 0},
    {OPT_SEED, "seed", "N", "seed of the community detection (default 1)", 0},
    {0, NULL, NULL, NULL, 0}};

static const cli_command command = {
    "stats",
    1,
    "usage: stakegraph stats [--json] [--top N] [--seed N] FILE.graphml\n"
    "\n"
    "Prints the network's size, density, components, communities and modularity,\n"
    "and the top actors by each centrality with their community. The measures are\n"
    "computed again with igraph (the same as extract's), so any GraphML works.\n"
    "\n",
    NULL,
    NULL,
    options};

typedef struct {
    int json;
    unsigned long top;
    sg_analysis_options opt;
} stats_args;

static int apply(void *ctx, int id, const char *arg)
{
    stats_args *a = ctx;
    if (id == OPT_JSON)
        a->json = 1;
    else if (id == OPT_TOP && (cli_parse_seed(arg, &a->top) || a->top == 0))
        return cli_usage_error("stats", "invalid --top (a positive integer)");
    else if (id == OPT_SEED && cli_parse_seed(arg, &a->opt.seed))
        return cli_usage_error("stats", "invalid --seed (an integer from 0 to 4294967295)");
    return 0;
}

static int usage_error(const char *what)
{
    return cli_usage_error("stats", what);
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
static size_t print_cut(const char *s, size_t w)
{
    size_t k = 0, total = width(s);
    for (; *s; s++) {
        int lead = ((unsigned char)*s & 0xC0) != 0x80;
        if (lead && total > w && k + 1 == w)
            break;
        k += lead;
        putchar(*s);
    }
    if (total > w) {
        fputs("\xe2\x80\xa6", stdout);
        k++;
    }
    return k;
}

static void print_padded(const char *s, size_t w)
{
    for (size_t k = print_cut(s, w); k < w; k++)
        putchar(' ');
}

static double value(const sg_graph *g, const char *name, size_t i)
{
    long c = sg_graph_column_find(g, SG_NODES, name);
    double v = c < 0 ? 0 : sg_graph_column_value(g, SG_NODES, (size_t)c, i);
    return v == 0 ? 0 : v; /* never "-0" */
}

static void print_table(const sg_graph *g, const sg_graph_summary *s, size_t *const *orders,
                        size_t top)
{
    size_t n = sg_graph_node_count(g);
    printf("nodes        %zu\n", s->nodes);
    printf("edges        %zu (total weight %.0f)\n", s->edges, s->total_weight);
    printf("density      %.4f\n", s->density);
    printf("components   %zu (%zu isolated actors)\n", s->components, s->isolated);
    printf("communities  %zu (Louvain)\n", s->communities);
    printf("modularity   %.4f\n", s->modularity);
    /* communities: size and first members by pagerank */
    size_t shown = s->communities < 12 ? s->communities : 12;
    if (shown)
        printf("\ncommunity  actors  main actors (by pagerank)\n");
    for (size_t c = 0; c < shown; c++) {
        size_t size = 0, listed = 0;
        for (size_t i = 0; i < n; i++)
            size += (size_t)value(g, "community", i) == c;
        printf("%9zu  %6zu  ", c, size);
        for (size_t r = 0; r < n && listed < 4; r++) {
            size_t i = orders[3][r];
            if ((size_t)value(g, "community", i) != c)
                continue;
            fputs(listed ? ", " : "", stdout);
            print_cut(sg_graph_node_short_name(g, i), 28);
            listed++;
        }
        putchar('\n');
    }
    for (size_t m = 0; m < measure_count(); m++) {
        size_t w = 5;
        for (size_t r = 0; r < top && r < n; r++) {
            size_t lw = width(sg_graph_node_short_name(g, orders[m][r]));
            w = lw > w ? lw : w;
        }
        w = w > 40 ? 40 : w;
        printf("\n rank  ");
        print_padded("actor", w);
        printf("  %-12s  community\n", sg_centrality_name(m));
        for (size_t r = 0; r < top && r < n; r++) {
            size_t i = orders[m][r];
            printf("%5zu  ", r + 1);
            print_padded(sg_graph_node_short_name(g, i), w);
            double v = value(g, sg_centrality_name(m), i);
            if (m < 2)
                printf("  %-12.0f  %9.0f\n", v, value(g, "community", i));
            else
                printf("  %-12.4g  %9.0f\n", v, value(g, "community", i));
        }
    }
}

int cmd_stats(int argc, char **argv)
{
    stats_args a = {0, 10, {0}};
    sg_analysis_options_init(&a.opt);
    int rc = cli_parse_options(&command, argc, argv, apply, &a);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    if (optind != argc - 1)
        return usage_error("give exactly one GraphML file");
    sg_error err;
    sg_error_clear(&err);
    sg_graph *g = NULL;
    sg_graph_summary s;
    size_t *orders[MAX_MEASURES] = {NULL};
    int status = EXIT_FAIL;
    if (sg_graph_read_graphml(&g, argv[optind], &err) || sg_graph_analyse(g, &a.opt, &err) ||
        sg_graph_summarise(g, &s, &err)) {
        cli_print_error(&err, argv[optind]); /* (the analysis names no file) */
        goto done;
    }
    for (size_t m = 0; m < measure_count(); m++)
        if (!(orders[m] = rank_by(g, sg_centrality_name(m)))) {
            cli_error(NULL, "out of memory");
            goto done;
        }
    if (a.json) {
        if (sg_graph_summary_write_json(g, &s, a.top, stdout, &err)) {
            char buf[2048];
            cli_error("standard output", sg_error_format(&err, buf, sizeof(buf)));
            goto done;
        }
    } else {
        print_table(g, &s, orders, a.top);
    }
    status = fflush(stdout) == 0 && !ferror(stdout) ? EXIT_OK : EXIT_FAIL;
    if (status)
        cli_error("standard output", "write error");
done:
    for (size_t m = 0; m < measure_count(); m++)
        free(orders[m]);
    sg_graph_free(g);
    return status;
}
