/* stakegraph stats: a network's summary and its most central actors (SPEC §9). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stakegraph/stakegraph.h>

#include "cli.h"

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

static int usage_error(const char *what)
{
    return cli_usage_error("stats", what);
}

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
    int status = EXIT_FAIL;
    if (sg_graph_read_graphml(&g, argv[optind], &err) || sg_graph_analyse(g, &a.opt, &err) ||
        sg_graph_summarise(g, &s, &err)) {
        cli_print_error(&err, argv[optind]); /* (the analysis names no file) */
        goto done;
    }
    if (a.json ? sg_graph_summary_write_json(g, &s, a.top, stdout, &err)
               : sg_graph_summary_write_text(g, &s, a.top, stdout, &err)) {
        cli_print_error(&err, "standard output");
        goto done;
    }
    status = fflush(stdout) == 0 && !ferror(stdout) ? EXIT_OK : EXIT_FAIL;
    if (status)
        cli_error("standard output", "write error");
done:
    sg_graph_free(g);
    return status;
}
