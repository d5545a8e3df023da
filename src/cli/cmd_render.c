/* stakegraph render: a GraphML network drawn with Graphviz (SPEC §10). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stakegraph/stakegraph.h>

#include "cli.h"

static void help(FILE *f)
{
    fputs("usage: stakegraph render [options] -o OUT... IN.graphml\n"
          "\n"
          "Lays a network out with Graphviz (neato up to 300 actors, sfdp above) and draws\n"
          "it: nodes shaped by type, coloured by community or type, sized by a centrality,\n"
          "lines as wide as the co-occurrence counts, the main actors labelled, a legend.\n"
          "Measures missing from the file are computed with igraph first.\n"
          "\n"
          "  -o, --output FILE   .svg, .png or .pdf for a picture; .graphml, .gexf, .dot or\n"
          "                      .json for the network with its layout (x, y), colours\n"
          "                      (r, g, b) and sizes, which Gephi opens laid out\n"
          "                      (repeatable)\n"
          "  --colour-by WHAT    community (default) or type\n"
          "  --size-by MEASURE   pagerank (default), degree, strength, betweenness,\n"
          "                      eigenvector or mentions\n"
          "  --labels N          label the N most central actors (default: all up to 60\n"
          "                      actors, else 40)\n"
          "  --engine NAME       Graphviz layout engine (default: neato or sfdp)\n"
          "  --title TEXT        caption above the picture\n"
          "  --seed N            seed of the community detection when it is computed here\n"
          "  -h, --help          show this help\n",
          f);
}

static int usage_error(const char *what)
{
    return cli_usage_error("render", what);
}

/* Reads the GraphML `in`, computes the measures it lacks (the file's own are
 * kept), lays it out and writes the n outputs. Returns the exit status. */
static int draw(const char *in, cli_output *outs, size_t n, sg_render_options *ro,
                sg_analysis_options *ao)
{
    sg_error err;
    sg_error_clear(&err);
    sg_graph *g = NULL;
    int rc = sg_graph_read_graphml(&g, in, &err);
    if (!rc &&
        (sg_graph_column_find(g, SG_NODES, "community") < 0 ||
         (strcmp(ro->size_by, "mentions") && sg_graph_column_find(g, SG_NODES, ro->size_by) < 0)))
        rc = sg_graph_analyse(g, ao, &err);
    if (!rc)
        rc = sg_graph_layout(g, ro, &err);
    if (rc) {
        char buf[2048];
        if (!err.file[0]) /* the analysis and the layout name no file */
            snprintf(err.file, sizeof(err.file), "%s", in);
        cli_error(NULL, sg_error_format(&err, buf, sizeof(buf)));
        sg_graph_free(g);
        return EXIT_FAIL;
    }
    int status = !cli_outputs_open(outs, n) && !cli_outputs_write(outs, n, g, NULL, ro, NULL)
                     ? EXIT_OK
                     : EXIT_FAIL;
    sg_graph_free(g);
    return status;
}

int cmd_render(int argc, char **argv)
{
    enum { OPT_COLOUR_BY = 256, OPT_SIZE_BY, OPT_LABELS, OPT_TITLE, OPT_ENGINE, OPT_SEED };
    static const struct option longs[] = {{"output", required_argument, NULL, 'o'},
                                          {"colour-by", required_argument, NULL, OPT_COLOUR_BY},
                                          {"color-by", required_argument, NULL, OPT_COLOUR_BY},
                                          {"size-by", required_argument, NULL, OPT_SIZE_BY},
                                          {"labels", required_argument, NULL, OPT_LABELS},
                                          {"title", required_argument, NULL, OPT_TITLE},
                                          {"engine", required_argument, NULL, OPT_ENGINE},
                                          {"seed", required_argument, NULL, OPT_SEED},
                                          {"help", no_argument, NULL, 'h'},
                                          {NULL, 0, NULL, 0}};
    sg_render_options ro;
    sg_analysis_options ao;
    sg_render_options_init(&ro);
    sg_analysis_options_init(&ao);
    const char **paths = calloc((size_t)argc + 1, sizeof(char *));
    cli_output *outs = calloc((size_t)argc + 1, sizeof(cli_output));
    size_t n = 0;
    int c, status = EXIT_USAGE;
    char msg[400];
    if (!paths || !outs) {
        free(paths);
        free(outs);
        return EXIT_FAIL;
    }
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":o:h", longs, NULL)) != -1) {
        switch (c) {
        case 'o': paths[n++] = optarg; break;
        case OPT_COLOUR_BY:
        case OPT_SIZE_BY:
        case OPT_LABELS:
        case OPT_TITLE:
            if (cli_render_option(&ro, c - OPT_COLOUR_BY, optarg, msg, sizeof(msg))) {
                status = usage_error(msg);
                goto done;
            }
            break;
        case OPT_ENGINE: ro.engine = optarg; break;
        case OPT_SEED:
            if (cli_parse_seed(optarg, &ao.seed)) {
                status = usage_error("invalid --seed (an integer from 0 to 4294967295)");
                goto done;
            }
            break;
        case 'h':
            help(stdout);
            status = EXIT_OK;
            goto done;
        case ':':
            snprintf(msg, sizeof(msg), "option '%.200s' needs a value", argv[optind - 1]);
            status = usage_error(msg);
            goto done;
        default:
            snprintf(msg, sizeof(msg), "unknown option '%.200s'", argv[optind - 1]);
            status = usage_error(msg);
            goto done;
        }
    }
    if (optind != argc - 1) {
        status = usage_error("give exactly one GraphML file");
        goto done;
    }
    if (n == 0) {
        status =
            usage_error("no output: give -o OUT.svg (or .png, .pdf, .graphml, .gexf, .dot, .json)");
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        if (cli_output_set(&outs[i], paths[i], NULL, msg, sizeof(msg)) ||
            (outs[i].counts &&
             snprintf(msg, sizeof(msg), "'%.200s': counts come from extract, not from a GraphML",
                      paths[i]))) {
            status = usage_error(msg);
            goto done;
        }
    status = draw(argv[optind], outs, n, &ro, &ao);
done:
    free(paths);
    free(outs);
    return status;
}
