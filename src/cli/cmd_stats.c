/* stakegraph stats: a network's summary and its most central actors (SPEC §9). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stakegraph/stakegraph.h>

#include "cli.h"

enum { OPT_JSON = 256, OPT_TOP, OPT_SEED, OPT_EXACT, OPT_STRICT };

static const cli_option options[] = {
    {OPT_JSON, "json", NULL, "print JSON instead of tables", 0},
    {OPT_TOP, "top", "N", "actors per centrality (default 10)", 0},
    {OPT_SEED, "seed", "N",
     "seed of the community detection and of the betweenness's sample (default 1)", 0},
    {OPT_EXACT, "exact", NULL,
     "exact betweenness whatever the size (by default, above about 5e7 nodes x (nodes + "
     "edges), it is estimated from a sample of sources, and the output says so)",
     0},
    CLI_SKIP_OPTIONS(0),
    CLI_JOBS_OPTION,
    CLI_STRICT_OPTION(OPT_STRICT),
    {'o', "output", "FILE",
     "also write the network with its measures (.graphml, .gexf, .dot, .json, or -f csv "
     "DIR through extract's rules)",
     0},
    {0, NULL, NULL, NULL, 0}};

static const cli_command command = {
    "stats",
    1,
    "usage: stakegraph stats [--json] [--top N] [--seed N] [--exact] [--strict] [-o FILE]\n"
    "                        FILE.graphml\n"
    "\n"
    "Prints the network's size, density, components, communities and modularity,\n"
    "and the top actors by each centrality with their community. The measures are\n"
    "computed again with igraph (the same as extract's), so any GraphML works\n"
    "(gzipped too); what its reading changes or leaves out is said in warnings.\n"
    "\n",
    NULL,
    NULL,
    options};

static int usage_error(const char *what)
{
    return cli_usage_error("stats", what);
}

typedef struct {
    int json, strict;
    unsigned long top;
    sg_analysis_options opt;
    const char *output;
} stats_args;

static int apply(void *ctx, int id, const char *name, const char *arg)
{
    stats_args *a = ctx;
    sg_error err;
    if (id == OPT_JSON)
        a->json = 1;
    else if (id == OPT_STRICT)
        a->strict = 1;
    else if (id == 'o')
        a->output = arg;
    else if (id == OPT_TOP && (cli_parse_seed(arg, &a->top) || a->top == 0))
        return cli_usage_error("stats", "invalid --top (a positive integer)");
    else if (id != OPT_TOP && sg_analysis_options_set(&a->opt, name, arg, &err))
        return cli_usage_error("stats", err.message);
    return 0;
}

int cmd_stats(int argc, char **argv)
{
    stats_args a = {0, 0, 10, {0}, NULL};
    sg_analysis_options_init(&a.opt);
    int rc = cli_parse_options(&command, argc, argv, apply, &a);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    if (optind != argc - 1)
        return usage_error("give exactly one GraphML file");
    sg_target *out = NULL;
    sg_error err;
    sg_error_clear(&err);
    if (a.output && sg_target_new(&out, a.output, NULL, &err))
        return usage_error(err.message);
    if (out && sg_target_kind_of(out) != SG_TARGET_NETWORK) {
        sg_target_free(out);
        return usage_error("-o writes the network (.graphml, .gexf, .dot, .json): pictures "
                           "come from render");
    }
    sg_graph *g = NULL;
    sg_graph_summary s;
    int status = EXIT_FAIL;
    cli_steps steps;
    cli_steps_init(&steps, 0);
    a.opt.on_step = cli_step;
    a.opt.step_ctx = &steps;
    if (a.opt.jobs != 1) /* the betweenness's second process, forked while small */
        sg_analysis_helper_start();
    cli_step("reading", &steps);
    if ((out && cli_outputs_open(&out, 1)) || cli_read_graphml(&g, argv[optind], a.strict)) {
        cli_steps_end(&steps);
        goto done;
    }
    if (sg_graph_analyse(g, &a.opt, &err) || (cli_step("summary", &steps), 0) ||
        sg_graph_summarise(g, &s, &err)) {
        cli_steps_end(&steps);
        cli_print_error(&err, argv[optind]); /* (the analysis names no file) */
        goto done;
    }
    cli_warn_renamed(g, argv[optind]);
    cli_step("writing", &steps);
    int failed = out && sg_targets_write(&out, 1, g, NULL, NULL, NULL, &err);
    cli_steps_end(&steps);
    if (failed) {
        cli_print_error(&err, NULL);
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
    sg_analysis_helper_stop();
    sg_target_free(out);
    sg_graph_free(g);
    return status;
}
