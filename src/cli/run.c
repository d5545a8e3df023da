/* extract's and explain's side of a run (the library runs the corpus,
 * corpus.h): mention and evidence rows to their files, warnings and
 * progress to stderr, explain's units gathered as text. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

void cli_skipped(const char *path, const char *why, void *ctx)
{
    if (!*(const int *)ctx)
        fprintf(stderr, "stakegraph: warning: %s: %s\n", path, why);
}

int cli_corpus(sg_corpus **out, sg_corpus_format format, const char *suffix, char *const *args,
               size_t nargs, int quiet)
{
    sg_error err;
    sg_error_clear(&err);
    sg_corpus *c = NULL;
    int rc = sg_corpus_new(&c, format, suffix, &err);
    for (size_t i = 0; !rc && i < nargs; i++)
        rc = sg_corpus_add_path(c, args[i], cli_skipped, &quiet, &err);
    if (rc) {
        cli_print_error(&err, NULL);
        sg_corpus_free(c);
        return -1;
    }
    *out = c;
    return 0;
}

static void on_progress(const sg_progress *p, void *ctx)
{
    cli_report *r = ctx;
    double t = cli_seconds();
    int final = p->done == p->total;
    if (!r->progress_on || (!final && t - r->last < 0.5))
        return;
    r->last = t;
    double mb = (double)p->bytes / 1e6, dt = t - r->start;
    fprintf(stderr, "\r%zu/%zu documents, %.1f MB, %.1f MB/s", p->done, p->total, mb,
            dt > 0 ? mb / dt : 0.0);
    cli_line_open(1);
    if (final)
        cli_line_end();
}

static void on_warning(const sg_error *w, void *ctx)
{
    cli_report *r = ctx;
    char msg[2048];
    sg_error_format(w, msg, sizeof(msg));
    cli_line_end();
    if (w->code == SG_ERR_PARSE && w->line > 0) /* a line skipped: an error that does not
                                                   stop the run (status 1 at the end) */
        fprintf(stderr, "stakegraph: %s\n", msg);
    else if (!r->quiet)
        fprintf(stderr, "stakegraph: warning: %s\n", msg);
}

/* Writes the row in r->row to an output; -1 (after saying why) on failure. */
static int write_row(cli_report *r, sg_output *o, const char *path)
{
    FILE *f = sg_output_stream(o);
    if (fwrite(r->row, 1, r->row_len, f) != r->row_len || ferror(f)) {
        char what[300];
        snprintf(what, sizeof(what), "cannot write: %s", strerror(errno ? errno : EIO));
        cli_error(path, what);
        r->failed = 1;
        return -1;
    }
    r->row_len = 0;
    return 0;
}

static int out_of_memory(cli_report *r)
{
    cli_error(NULL, "out of memory");
    r->failed = 1;
    return -1;
}

static int on_mention(const sg_mention *m, void *ctx)
{
    cli_report *r = ctx;
    if (sg_mention_row(&r->row, &r->row_len, &r->row_cap, m))
        return out_of_memory(r);
    return write_row(r, r->mentions, r->mentions_path);
}

static int on_document(const sg_document *d, size_t index, void *ctx)
{
    (void)d, (void)index;
    ((cli_report *)ctx)->doc_counted = 0;
    return 0;
}

static int on_cooccurrence(const sg_cooccurrence *c, void *ctx)
{
    cli_report *r = ctx;
    if (r->explain_a) {
        if (strcmp(c->source, r->explain_a) || strcmp(c->target, r->explain_b))
            return 0;
        r->explain_units++;
        r->explain_docs += !r->doc_counted;
        r->doc_counted = 1;
        if (sg_evidence_row(&r->explain_text, &r->explain_len, &r->explain_cap, SG_EVIDENCE_LINES,
                            c))
            return out_of_memory(r);
        return 0;
    }
    if (r->units && sg_unit_store_add(r->units, c))
        return out_of_memory(r);
    if (!r->evidence)
        return 0;
    if (sg_evidence_row(&r->row, &r->row_len, &r->row_cap, r->evidence_format, c))
        return out_of_memory(r);
    return write_row(r, r->evidence, r->evidence_path);
}

int cli_run(cli_report *r, sg_extractor *ex, sg_corpus *c, const sg_run_options *run,
            sg_run_result *res)
{
    sg_run_options o = *run;
    o.on_document = r->explain_a ? on_document : NULL;
    o.on_mention = r->mentions ? on_mention : NULL;
    o.on_cooccurrence = r->evidence || r->units || r->explain_a ? on_cooccurrence : NULL;
    o.on_warning = on_warning;
    o.on_progress = on_progress;
    o.ctx = r;
    r->progress_on = isatty(2) && !r->quiet;
    r->start = r->last = cli_seconds();
    sg_error err;
    sg_error_clear(&err);
    int rc = sg_corpus_run(ex, c, &o, res, &err);
    cli_line_end();
    if (rc && !r->failed)
        cli_print_error(&err, NULL);
    return rc ? -1 : 0;
}

void cli_report_free(cli_report *r)
{
    free(r->explain_text);
    free(r->row);
    r->explain_text = r->row = NULL;
}
