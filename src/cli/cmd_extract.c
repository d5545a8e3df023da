/* stakegraph extract: documents -> co-occurrence network (SPEC §7). The
 * options and the writing of the networks are shared with merge and
 * explain (network.h); the corpus is run by the library (corpus.h). */
#include <stdio.h>

#include "network.h"

/* Runs the corpus, the rows going to their outputs. */
static int count(network_run *n)
{
    const extract_args *a = &n->a;
    cli_report *r = &n->report;
    r->quiet = a->quiet;
    r->mentions = n->sk.rows[0];
    r->mentions_path = a->mentions;
    r->evidence = n->sk.rows[1];
    r->evidence_path = a->evidence;
    r->evidence_format = n->sk.evidence_format;
    r->units = n->sk.units;
    sg_run_options run = a->run;
    run.period_graphs = sg_targets_need_graph(a->outs, (size_t)(a->noutputs ? a->noutputs : 1));
    run.min_weight = a->write.min_weight;
    if (cli_run(r, n->ex, n->corpus, &run, &n->res))
        return -1;
    if (run.by_period && n->res.undated && !a->quiet)
        fprintf(stderr,
                "stakegraph: warning: %zu document%s without a date (or without a month): "
                "only in the whole network\n",
                n->res.undated, n->res.undated == 1 ? "" : "s");
    return 0;
}

int cmd_extract(int argc, char **argv)
{
    network_run r;
    int status = network_begin(&r, CMD_EXTRACT, argc, argv);
    if (!status)
        status = network_open_outputs(&r) || count(&r) ? EXIT_FAIL : network_finish(&r);
    network_end(&r);
    return status < 0 ? EXIT_OK : status;
}
