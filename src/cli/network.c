/* What extract, merge and explain share besides their options: setting up
 * a run (gazetteers, inputs, the extractor), the outputs opened before the
 * work, and the networks written after it. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "network.h"

static int load_gazetteers(sg_gazetteer **out, const extract_args *a)
{
    sg_error err;
    sg_error_clear(&err);
    if (cli_gazetteers_load(out, a->gazetteers, a->ngazetteers, &err)) {
        cli_print_error(&err, NULL);
        return -1;
    }
    return 0;
}

static void files_free(file_list *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->paths[i]);
    free(f->paths);
    memset(f, 0, sizeof(*f));
}

static int cmp_path(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* merge: each argument expanded on its own and the lists joined (sorted,
 * repeats kept), so that a file named twice, under one name or two, is
 * found by read_counts alone (device and inode) and warned about. */
static int collect_each(file_list *files, char *const *args, size_t nargs, int quiet)
{
    for (size_t i = 0; i < nargs; i++) {
        sg_corpus *one = NULL;
        if (cli_corpus(&one, SG_CORPUS_TEXT, ".pairs", args + i, 1, quiet))
            return -1;
        sg_corpus_seal(one, NULL); /* (text files: sorting only) */
        size_t n = sg_corpus_files(one);
        char **p = realloc(files->paths, (files->n + n + 1) * sizeof(char *));
        if (p)
            files->paths = p;
        for (size_t k = 0; p && k < n; k++)
            if ((p[files->n] = strdup(sg_corpus_file(one, k))))
                files->n++;
            else
                p = NULL;
        sg_corpus_free(one);
        if (!p) {
            cli_error(NULL, "out of memory");
            return -1;
        }
    }
    if (files->n > 1)
        qsort(files->paths, files->n, sizeof(char *), cmp_path);
    return 0;
}

/* The inputs on the command line and in --files-from: a corpus, or (merge)
 * a list of counts files. */
static int collect_inputs(sg_corpus **corpus, file_list *files, const extract_args *a, char **args,
                          int nargs)
{
    char **lines = NULL, **all = NULL;
    size_t n = 0;
    if (a->files_from && inputs_read_list(a->files_from, &lines, &n))
        return -1;
    int rc = -1;
    if (n > (size_t)INT_MAX - (size_t)nargs - 1) {
        cli_error(a->files_from, "too many inputs");
    } else if (!(all = calloc(n + (size_t)nargs + 1, sizeof(char *)))) {
        cli_error(NULL, "out of memory");
    } else {
        if (nargs > 0)
            memcpy(all, args, (size_t)nargs * sizeof(char *));
        if (n > 0) /* lines is NULL without --files-from */
            memcpy(all + nargs, lines, n * sizeof(char *));
        rc = a->merge ? collect_each(files, all, (size_t)nargs + n, a->quiet)
                      : cli_corpus(corpus, a->jsonl ? SG_CORPUS_JSONL : SG_CORPUS_TEXT, NULL, all,
                                   (size_t)nargs + n, a->quiet);
    }
    for (size_t i = 0; i < n; i++)
        free(lines[i]);
    free(lines);
    free(all);
    return rc;
}

static int write_header(sg_output *o)
{
    FILE *f = sg_output_stream(o);
    fputs("doc\tstart\tend\tid\ttype\ttext\tmatch\n", f);
    return ferror(f) ? -1 : 0;
}

static void sinks_abort(sinks *sk)
{
    sg_output_abort(sk->mentions);
    sg_output_abort(sk->evidence);
    sg_target_free(sk->bipartite);
    sk->mentions = sk->evidence = NULL;
    sk->bipartite = NULL;
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !strcmp(s + n - k, suffix);
}

static int write_evidence_header(sg_output *o)
{
    FILE *f = sg_output_stream(o);
    fputs(sg_evidence_header(SG_EVIDENCE_TSV), f);
    return ferror(f) ? -1 : 0;
}

/* Opens a row output and writes its header; prints the error on failure. */
static int open_rows(sg_output **o, const char *path, int (*head)(sg_output *))
{
    sg_error err;
    sg_error_clear(&err);
    if (sg_output_open(o, path, &err)) {
        cli_print_error(&err, NULL);
        return -1;
    }
    if (head && head(*o)) {
        cli_error(path, strerror(errno ? errno : EIO));
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
    if (cli_outputs_open(a->outs, n))
        return -1;
    int rc = 0;
    if (a->mentions)
        rc = open_rows(&sk->mentions, a->mentions, write_header);
    if (!rc && a->evidence) {
        int jl = has_suffix(a->evidence, ".jsonl") || has_suffix(a->evidence, ".json");
        sk->evidence_format = jl ? SG_EVIDENCE_JSONL : SG_EVIDENCE_TSV;
        rc = open_rows(&sk->evidence, a->evidence, jl ? NULL : write_evidence_header);
    }
    if (!rc && a->bipartite) {
        char msg[400];
        cli_output_set(&sk->bipartite, a->bipartite, NULL, msg, sizeof(msg)); /* checked */
        rc = cli_outputs_open(&sk->bipartite, 1);
    }
    if (rc) {
        sinks_abort(sk);
        cli_outputs_abort(a->outs, n);
        return -1;
    }
    return 0;
}

/* Layout (Graphviz) when a picture is asked for, or by default for networks
 * small enough to lay out in a second or two (issue 16: a dense corpus's
 * 6,000 actors and 260,000 edges took sfdp 1.8 s, more than the extraction;
 * Gephi lays a network out itself). */
enum { AUTO_LAYOUT_MAX = 5000 };

static int want_layout(const extract_args *a, const sg_graph *g)
{
    size_t n = (size_t)(a->noutputs ? a->noutputs : 1);
    if (!a->analyse || a->layout == 0)
        return cli_outputs_need_layout(a->outs, n);
    if (a->layout == 1 || cli_outputs_need_layout(a->outs, n))
        return 1;
    if (sg_graph_node_count(g) > AUTO_LAYOUT_MAX) {
        cli_steps_end(a->steps);
        if (!a->quiet)
            fprintf(stderr,
                    "stakegraph: warning: %zu actors: no layout written (use --layout to "
                    "force it)\n",
                    sg_graph_node_count(g));
        return 0;
    }
    return 1;
}

/* "out/net.graphml" for period "2024": "out/net.2024.graphml"; a name
 * without an extension (a CSV directory) gets ".2024" at the end. */
static char *period_path(const char *path, const char *label)
{
    size_t len = strlen(path);
    while (len > 1 && path[len - 1] == '/') /* "tables/" is the directory "tables" */
        len--;
    const char *base = path;
    for (size_t i = 0; i < len; i++)
        if (path[i] == '/')
            base = path + i + 1;
    const char *dot = NULL;
    for (const char *q = base; q < path + len; q++)
        if (*q == '.')
            dot = q;
    size_t cut = dot && dot != base ? (size_t)(dot - path) : len;
    size_t n = len + strlen(label) + 2;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%.*s.%s%.*s", (int)cut, path, label, (int)(len - cut), path + cut);
    return s;
}

/* A network's analysis and (when wanted) layout. */
static int prepare(sg_graph *g, const extract_args *a, sg_error *err)
{
    int rc = 0;
    if (a->analyse)
        rc = sg_graph_analyse(g, &a->analysis, err);
    if (!rc && want_layout(a, g))
        rc = sg_graph_layout(g, &a->render, err);
    return rc;
}

/* The network of `ex` with its analysis and (when wanted) layout. */
static int network(sg_graph **g, const extract_args *a, const sg_extractor *ex, sg_error *err)
{
    int rc = sg_extractor_graph(g, ex, a->min_weight, err);
    return rc ? rc : prepare(*g, a, err);
}

/* Every network output of a run, each with its graph: the main ones, then
 * one per output and period, then the bipartite graph. */
typedef struct {
    sg_target **t;
    const sg_graph **g;
    const sg_timeline **tl;
    size_t n;
} output_plan;

/* Moves target *t (set NULL) into the plan. */
static void plan_add(output_plan *op, sg_target **t, const sg_graph *g, const sg_timeline *tl)
{
    op->t[op->n] = *t;
    *t = NULL;
    op->g[op->n] = g;
    op->tl[op->n] = tl;
    op->n++;
}

/* One output beside each output (not counts, not GEXF, which holds the
 * periods) for each period, of the same kind: "net.2024.graphml". */
static int plan_periods(output_plan *op, sg_target *const *outs, size_t n, const sg_run_result *res)
{
    for (size_t i = 0; i < n; i++) {
        const char *format = sg_target_format(outs[i]);
        if (!strcmp(format, "pairs") || !strcmp(format, "gexf"))
            continue;
        for (size_t k = 0; k < res->nperiods; k++) {
            sg_error err;
            sg_target *t = NULL;
            char *path = period_path(sg_target_path(outs[i]), res->labels[k]);
            int rc = path ? sg_target_new_like(&t, outs[i], path, &err) : SG_ERR_NOMEM;
            free(path);
            if (rc) {
                cli_error(NULL, "out of memory");
                return -1;
            }
            plan_add(op, &t, res->graphs[k], NULL);
        }
    }
    return 0;
}

static int finish(extract_args *a, sg_extractor *ex, sinks *sk, sg_run_result *res);

int network_finish(network_run *r)
{
    if (finish(&r->a, r->ex, &r->sk, &r->res))
        return EXIT_FAIL;
    if (r->res.skipped) {
        fprintf(stderr, "stakegraph: %zu line%s of the JSON Lines input skipped (see above)\n",
                r->res.skipped, r->res.skipped == 1 ? "" : "s");
        return EXIT_FAIL;
    }
    return EXIT_OK;
}

static int finish(extract_args *a, sg_extractor *ex, sinks *sk, sg_run_result *res)
{
    sg_error err;
    sg_error_clear(&err);
    size_t n = (size_t)(a->noutputs ? a->noutputs : 1), np = res->nperiods;
    int need = cli_outputs_need_graph(a->outs, n), rc = 0;
    sg_graph *g = NULL, *bip = NULL;
    sg_graph **pg = res->graphs;
    size_t cap = n * (np + 1) + 2;
    output_plan op = {calloc(cap, sizeof(sg_target *)), calloc(cap, sizeof(sg_graph *)),
                      calloc(cap, sizeof(sg_timeline *)), 0};
    const sg_timeline *tl = &res->timeline;
    if (!op.t || !op.g || !op.tl) {
        cli_error(NULL, "out of memory");
        free(op.t);
        free((void *)op.g);
        free((void *)op.tl);
        return -1;
    }
    /* each period's network (made by the run) analysed and laid out */
    for (size_t k = 0; !rc && need && k < np; k++) {
        char what[64];
        snprintf(what, sizeof(what), "the network of %s", res->labels[k]);
        cli_step(what, a->steps);
        rc = prepare(pg[k], a, &err);
    }
    cli_step("the network", a->steps);
    if (!rc && need)
        rc = network(&g, a, ex, &err);
    if (!rc && sk->bipartite)
        rc = sg_extractor_bipartite(&bip, ex, &err);
    /* the rows are complete: check them before any output is renamed */
    if (!rc && sk->mentions)
        rc = sg_output_flush(sk->mentions, &err);
    if (!rc && sk->evidence)
        rc = sg_output_flush(sk->evidence, &err);
    cli_step("writing", a->steps);
    if (rc) {
        cli_steps_end(a->steps);
        cli_print_error(&err, NULL);
    }
    /* every output in one list, opened, written, flushed, then renamed */
    for (size_t i = 0; !rc && i < n; i++)
        if (!strcmp(sg_target_format(a->outs[i]), "gexf") && np)
            plan_add(&op, &a->outs[i], g, tl);
        else
            plan_add(&op, &a->outs[i], g, NULL);
    size_t first_period = op.n;
    if (!rc)
        rc = plan_periods(&op, op.t, n, res);
    if (!rc && op.n > first_period)
        rc = cli_outputs_open(op.t + first_period, op.n - first_period) ? -1 : 0;
    if (!rc && sk->bipartite)
        plan_add(&op, &sk->bipartite, bip, NULL);
    for (size_t i = 0; !rc && i < op.n; i++)
        rc = cli_outputs_emit(&op.t[i], 1, op.g[i], ex, &a->render, op.tl[i]);
    if (!rc) {
        sg_output *rows[2] = {sk->mentions, sk->evidence};
        sk->mentions = sk->evidence = NULL;
        rc = cli_outputs_commit(op.t, op.n, rows, 2);
    }
    cli_steps_end(a->steps);
    cli_outputs_abort(op.t, op.n);
    free(op.t);
    free((void *)op.g);
    free((void *)op.tl);
    sg_graph_free(g);
    sg_graph_free(bip);
    return rc ? -1 : 0;
}

/* A list of counts files (merge). */
int network_begin(network_run *r, int cmd, int argc, char **argv)
{
    memset(r, 0, sizeof(*r));
    int first = 0, rc = network_parse(r, cmd, argc, argv, &first);
    if (rc)
        return rc; /* -1: the help was printed */
    extract_args *a = &r->a;
    cli_steps_init(&r->steps, a->quiet);
    a->steps = &r->steps;
    a->analysis.on_step = a->render.on_step = cli_step;
    a->analysis.step_ctx = a->render.step_ctx = &r->steps;
    sg_error err;
    sg_error_clear(&err);
    if (load_gazetteers(&r->gaz, a) ||
        collect_inputs(&r->corpus, &r->files, a, argv + first, argc - first))
        return EXIT_FAIL;
    if (r->corpus && sg_corpus_seal(r->corpus, &err)) {
        cli_print_error(&err, NULL);
        return EXIT_FAIL;
    }
    if (a->merge ? r->files.n == 0 : sg_corpus_files(r->corpus) == 0) {
        cli_error(NULL, a->merge   ? "no counts files (directories are searched for *.pairs files)"
                        : a->jsonl ? "no input corpus (directories are searched for *.jsonl files)"
                                   : "no input documents (directories are searched for *.txt "
                                     "files)");
        return EXIT_FAIL;
    }
    if (sg_extractor_new(&r->ex, r->gaz, &a->opt, &err)) {
        cli_print_error(&err, NULL);
        return EXIT_FAIL;
    }
    return 0;
}

void network_end(network_run *r)
{
    extract_args *a = &r->a;
    if (a->outs) /* (NULL after a usage error) */
        cli_outputs_abort(a->outs, (size_t)(a->noutputs ? a->noutputs : 1));
    sinks_abort(&r->sk);
    cli_report_free(&r->report);
    sg_run_result_free(&r->res);
    sg_extractor_free(r->ex);
    sg_gazetteer_free(r->gaz);
    sg_corpus_free(r->corpus);
    files_free(&r->files);
    free(a->gazetteers);
    free(a->outputs);
    free(a->outs);
}
