/* stakegraph render: a GraphML network drawn with Graphviz (SPEC §10). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stakegraph/stakegraph.h>

#include "cli.h"

enum { OPT_ENGINE = 256, OPT_SEED, OPT_EXACT, OPT_STRICT };

static const cli_option options[] = {
    {'o', "output", "FILE",
     ".svg, .png or .pdf for a picture; .html for the interactive view; .graphml, .gexf, .dot "
     "or .json for the network with "
     "its layout (x, y), colours (r, g, b) and sizes, which Gephi opens laid out (repeatable)",
     0},
    CLI_PICTURE_OPTIONS(0),
    {OPT_ENGINE, "engine", "NAME", "Graphviz layout engine (default: neato or sfdp)", 0},
    {OPT_SEED, "seed", "N",
     "seed of the community detection and of the betweenness's sample when they are "
     "computed here",
     0},
    {OPT_EXACT, "exact", NULL, "exact betweenness whatever the size, when computed here", 0},
    CLI_SKIP_OPTIONS(0),
    CLI_JOBS_OPTION,
    CLI_STRICT_OPTION(OPT_STRICT),
    {0, NULL, NULL, NULL, 0}};

static const cli_command command = {
    "render",
    1,
    "usage: stakegraph render [options] -o OUT... IN.graphml\n"
    "\n"
    "Lays a network out with Graphviz (neato up to 300 actors, sfdp above) and draws\n"
    "it: nodes shaped by type, coloured by community or type, sized by a centrality,\n"
    "lines as wide as the co-occurrence counts, the main actors labelled, a legend.\n"
    "Measures missing from the file are computed with igraph first. Any GraphML\n"
    "works (gzipped too); what its reading changes or leaves out is said in warnings.\n"
    "\n",
    NULL,
    NULL,
    options};

typedef struct {
    const char **paths;
    size_t n;
    int strict;
    sg_write_options w; /* the analysis and the pictures */
} render_args;

static int apply(void *ctx, int id, const char *name, const char *arg)
{
    render_args *a = ctx;
    sg_error err;
    if (id == 'o')
        a->paths[a->n++] = arg;
    else if (id == OPT_STRICT)
        a->strict = 1;
    else if (sg_write_options_set(&a->w, name, arg, &err))
        return cli_usage_error("render", err.message);
    return 0;
}

static int usage_error(const char *what)
{
    return cli_usage_error("render", what);
}

/* Reads the GraphML `in` (strict: refused when the reading would change it), computes the measures
 * it lacks (the file's own are kept), lays it out and writes the n outputs. Returns the exit
 * status. */
static int draw(const char *in, int strict, sg_target **outs, size_t n, sg_render_options *ro,
                sg_analysis_options *ao)
{
    sg_error err;
    sg_error_clear(&err);
    sg_graph *g = NULL;
    cli_steps steps;
    cli_steps_init(&steps, 0);
    ro->on_step = ao->on_step = cli_step;
    ro->step_ctx = ao->step_ctx = &steps;
    if (ao->jobs != 1) /* the betweenness's second process, forked while small */
        sg_analysis_helper_start();
    cli_step("reading", &steps);
    if (cli_read_graphml(&g, in, strict)) {
        cli_steps_end(&steps);
        sg_analysis_helper_stop();
        return EXIT_FAIL;
    }
    int rc = 0, pictures = 0;
    for (size_t i = 0; i < n; i++) /* without a picture, every actor laid out */
        pictures |= sg_target_kind_of(outs[i]) == SG_TARGET_PICTURE && !sg_target_is_view(outs[i]);
    if (!pictures)
        ro->picture_actors = 0;
    if (sg_graph_column_find(g, SG_NODES, "community") < 0 ||
        (strcmp(ro->size_by, "mentions") && sg_graph_column_find(g, SG_NODES, ro->size_by) < 0))
        rc = sg_graph_analyse_layout(g, ao, ro, &err);
    else
        rc = sg_graph_layout(g, ro, &err);
    if (!rc)
        cli_warn_renamed(g, in);
    if (rc)
        cli_print_error(&err, in); /* (the analysis and the layout name no file) */
    else if (cli_outputs_open(outs, n))
        rc = -1;
    else if ((rc = sg_targets_write(outs, n, g, NULL, ro, NULL, &err)))
        cli_print_error(&err, NULL);
    cli_steps_end(&steps);
    sg_analysis_helper_stop();
    sg_graph_free(g);
    return rc ? EXIT_FAIL : EXIT_OK;
}

int cmd_render(int argc, char **argv)
{
    render_args a = {0};
    a.paths = calloc((size_t)argc + 1, sizeof(char *));
    sg_target **outs = calloc((size_t)argc + 1, sizeof(sg_target *));
    sg_write_options_init(&a.w);
    int status = EXIT_USAGE;
    char msg[400];
    sg_error err;
    if (!a.paths || !outs) {
        status = EXIT_FAIL;
        goto done;
    }
    int rc = cli_parse_options(&command, argc, argv, apply, &a);
    if (rc) {
        status = rc < 0 ? EXIT_OK : rc;
        goto done;
    }
    if (optind != argc - 1) {
        status = usage_error("give exactly one GraphML file");
        goto done;
    }
    if (a.n == 0) {
        status =
            usage_error("no output: give -o OUT.svg (or .png, .pdf, .html, .graphml, .gexf, .dot, "
                        ".json)");
        goto done;
    }
    for (size_t i = 0; i < a.n; i++)
        if ((sg_target_new(&outs[i], a.paths[i], NULL, &err) &&
             snprintf(msg, sizeof(msg), "%s", err.message)) ||
            (sg_target_kind_of(outs[i]) == SG_TARGET_COUNTS &&
             snprintf(msg, sizeof(msg), "'%.200s': counts come from extract, not from a GraphML",
                      a.paths[i]))) {
            status = usage_error(msg);
            goto done;
        }
    status = cli_view_check(outs, a.n)
                 ? EXIT_FAIL
                 : draw(argv[optind], a.strict, outs, a.n, &a.w.render, &a.w.analysis);
done:
    sg_targets_free(outs, a.n);
    free(a.paths);
    free(outs);
    return status;
}
