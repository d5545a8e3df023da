/* What extract, merge and explain share besides their options: setting up
 * a run (gazetteers, inputs, the extractor), the outputs opened before the
 * work, and the networks written after it (sg_run_write). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "network.h"

/* The inputs on the command line and in --files-from: a corpus, or (merge)
 * a list of counts files, each argument expanded on its own and the lists
 * joined with repeats kept, so that a file named twice is found by
 * sg_extractor_read_counts_paths (device and inode) and warned about. */
static int collect_inputs(network_run *r, char **args, int nargs)
{
    const extract_args *a = &r->a;
    char **lines = NULL, **all = NULL;
    size_t n = 0;
    sg_error err;
    sg_error_clear(&err);
    if (a->files_from && sg_path_list_read(&lines, &n, a->files_from, &err)) {
        cli_print_error(&err, NULL);
        return -1;
    }
    int rc = -1, quiet = a->quiet;
    if (n > (size_t)INT_MAX - (size_t)nargs - 1) {
        cli_error(a->files_from, "too many inputs");
    } else if (!(all = calloc(n + (size_t)nargs + 1, sizeof(char *)))) {
        cli_error(NULL, "out of memory");
    } else {
        if (nargs > 0)
            memcpy(all, args, (size_t)nargs * sizeof(char *));
        if (n > 0) /* lines is NULL without --files-from */
            memcpy(all + nargs, lines, n * sizeof(char *));
        if (!a->merge)
            rc = cli_corpus(&r->corpus, a->jsonl ? SG_CORPUS_JSONL : SG_CORPUS_TEXT, NULL, all,
                            (size_t)nargs + n, a->quiet);
        else if ((rc = sg_paths_expand(&r->files, &r->nfiles, ".pairs", all, (size_t)nargs + n,
                                       cli_skipped, &quiet, &err)))
            cli_print_error(&err, NULL);
    }
    sg_path_list_free(lines, n);
    free(all);
    return rc ? -1 : 0;
}

static void sinks_abort(sinks *sk)
{
    sg_output_abort(sk->rows[0]);
    sg_output_abort(sk->rows[1]);
    sg_target_free(sk->bipartite);
    sk->rows[0] = sk->rows[1] = NULL;
    sk->bipartite = NULL;
}

/* The HTML views' units of text behind the links, kept during the run
 * (extract: merge has no text). Returns 0, or -1 after saying why. */
static int keep_units(network_run *r, size_t n)
{
    const extract_args *a = &r->a;
    if (cli_view_check(a->outs, n))
        return -1;
    if (!a->merge &&
        sg_targets_view_units(a->outs, n, (size_t)a->write.render.view_evidence, &r->sk.units)) {
        cli_error(NULL, "out of memory");
        return -1;
    }
    return 0;
}

/* Opens the outputs before the work starts, so that an unwritable path fails
 * at once rather than after the corpus has been read. */
int network_open_outputs(network_run *r)
{
    const extract_args *a = &r->a;
    sinks *sk = &r->sk;
    size_t n = (size_t)(a->noutputs ? a->noutputs : 1);
    sg_error err;
    sg_error_clear(&err);
    if (keep_units(r, n))
        return -1;
    int rc = sg_targets_open(a->outs, n, &err);
    if (!rc && a->mentions)
        rc = sg_mentions_open(&sk->rows[0], a->mentions, &err);
    if (!rc && a->evidence)
        rc = sg_evidence_open(&sk->rows[1], &sk->evidence_format, a->evidence, &err);
    if (!rc && a->bipartite && !(rc = sg_target_new(&sk->bipartite, a->bipartite, NULL, &err)))
        rc = sg_target_open(sk->bipartite, &err);
    if (rc) {
        cli_print_error(&err, NULL);
        sinks_abort(sk);
        sg_targets_free(a->outs, n);
        return -1;
    }
    return 0;
}

/* A network too large to lay out by default. */
static void on_write_warning(const sg_error *w, void *ctx)
{
    char msg[2048];
    cli_line_end();
    if (!((const extract_args *)ctx)->quiet)
        fprintf(stderr, "stakegraph: warning: %s\n", sg_error_format(w, msg, sizeof(msg)));
}

int network_finish(network_run *r)
{
    extract_args *a = &r->a;
    sg_error err;
    sg_error_clear(&err);
    a->write.on_warning = on_write_warning;
    a->write.warning_ctx = a;
    size_t n = (size_t)(a->noutputs ? a->noutputs : 1);
    int rc =
        sg_run_write(a->outs, n, &r->sk.bipartite, r->sk.rows, 2, r->ex, &r->res, &a->write, &err);
    cli_steps_end(a->steps);
    if (rc) {
        cli_print_error(&err, NULL);
        return EXIT_FAIL;
    }
    if (r->res.skipped) {
        fprintf(stderr, "stakegraph: %zu line%s of the JSON Lines input skipped (see above)\n",
                r->res.skipped, r->res.skipped == 1 ? "" : "s");
        return EXIT_FAIL;
    }
    return EXIT_OK;
}

/* The progress of the reading for names the gazetteers miss, on a terminal. */
static int discover_progress(size_t done, size_t total, void *ctx)
{
    cli_steps *s = ctx;
    double t = cli_seconds();
    if (s->on && (done == 0 || t - s->last >= 0.5)) {
        char step[96];
        snprintf(step, sizeof(step), "finding the names the gazetteers miss, %zu%%",
                 total ? done * 100 / total : 0);
        cli_step(step, s);
        s->last = t;
    }
    return 0;
}

int network_begin(network_run *r, int cmd, int argc, char **argv)
{
    memset(r, 0, sizeof(*r));
    int first = 0, rc = network_parse(r, cmd, argc, argv, &first);
    if (rc)
        return rc; /* -1: the help was printed */
    extract_args *a = &r->a;
    /* the betweenness's second process, forked now that the process is
       small (sg_analysis_helper_start) */
    if (!a->explain && a->write.analyse && a->write.analysis.jobs != 1 &&
        sg_targets_need_graph(a->outs, (size_t)(a->noutputs ? a->noutputs : 1)))
        sg_analysis_helper_start();
    cli_steps_init(&r->steps, a->quiet);
    a->steps = &r->steps;
    a->write.on_step = a->write.analysis.on_step = a->write.render.on_step = cli_step;
    a->write.step_ctx = a->write.analysis.step_ctx = a->write.render.step_ctx = &r->steps;
    sg_error err;
    sg_error_clear(&err);
    /* names found in the corpus change the gazetteer: the extractor is made
       after them, not while the gazetteers load */
    if (cli_gazetteers_load_making(&r->gaz, a->gazetteers, a->ngazetteers, &a->opt,
                                   a->discover ? NULL : &r->maker, &err)) {
        cli_print_error(&err, NULL);
        return EXIT_FAIL;
    }
    if (collect_inputs(r, argv + first, argc - first))
        return EXIT_FAIL;
    if (r->corpus && sg_corpus_seal(r->corpus, &err)) {
        cli_print_error(&err, NULL);
        return EXIT_FAIL;
    }
    if (a->discover && r->corpus) {
        if (sg_gazetteer_find_in_corpus(r->gaz, r->corpus, SG_FOUND_DEFAULT, discover_progress,
                                        &r->steps, &err) ||
            sg_extractor_begin(&r->maker, r->gaz, &a->opt, &err)) {
            cli_print_error(&err, NULL);
            return EXIT_FAIL;
        }
        sg_extractor_loaded(r->maker, 1);
    }
    if (a->merge ? r->nfiles == 0 : sg_corpus_files(r->corpus) == 0) {
        cli_error(NULL, a->merge   ? "no counts files (directories are searched for *.pairs files)"
                        : a->jsonl ? "no input corpus (directories are searched for *.jsonl files)"
                                   : "no input documents (directories are searched for *.txt "
                                     "files)");
        return EXIT_FAIL;
    }
    sg_extractor_maker *mk = r->maker;
    r->maker = NULL;
    if (sg_extractor_end(mk, &r->ex, &err)) {
        cli_print_error(&err, NULL);
        return EXIT_FAIL;
    }
    return 0;
}

void network_end(network_run *r)
{
    extract_args *a = &r->a;
    sg_analysis_helper_stop();
    sg_targets_free(a->outs, (size_t)(a->noutputs ? a->noutputs : 1));
    sinks_abort(&r->sk);
    cli_report_free(&r->report);
    sg_unit_store_free(r->sk.units);
    sg_run_result_free(&r->res);
    if (r->maker)
        sg_extractor_end(r->maker, NULL, NULL);
    sg_extractor_free(r->ex);
    sg_gazetteer_free(r->gaz);
    sg_corpus_free(r->corpus);
    sg_path_list_free(r->files, r->nfiles);
    free(a->gazetteers);
    free(a->outputs);
    free(a->outs);
}
