/* Suggesting over a corpus, writing the rows, and adding them to the
 * gazetteers as entities found in the corpus (suggest.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gazetteer_int.h"
#include "sg_internal.h"
#include "stakegraph/suggest.h"

typedef int (*doc_fn)(sg_suggester *s, const char *name, const char *text, size_t len,
                      sg_error *err);

/* Who is told of each document read, and may stop the reading. */
typedef struct {
    sg_stop_fn fn;
    void *ctx;
    size_t done, total;
} stopper;

/* Gives every document to fn; a line that is not a document is reported to
 * on_skip (when not NULL) and counted in *skipped (when not NULL). */
static int each_document(sg_corpus *c, doc_fn fn, sg_suggester *s, sg_warning_fn on_skip, void *ctx,
                         size_t *skipped, stopper *stop, sg_error *err)
{
    sg_corpus_reader *rd = NULL;
    int rc = sg_corpus_reader_new(&rd, c, err);
    for (size_t k = 0; !rc && k < sg_corpus_count(c); k++) {
        if (stop && stop->fn && stop->fn(stop->done++, stop->total, stop->ctx)) {
            rc = sg_error_set(err, SG_ERR_IO, NULL, 0, -1, "stopped");
            break;
        }
        sg_document d;
        sg_error bad;
        sg_error_clear(&bad);
        rc = sg_corpus_read(rd, k, &d, &bad);
        if (rc == SG_ERR_PARSE) {
            rc = 0;
            if (skipped)
                (*skipped)++;
            if (on_skip)
                on_skip(&bad, ctx);
        } else if (rc) {
            if (err)
                *err = bad;
        } else {
            rc = fn(s, d.name, d.text, d.len, err);
        }
    }
    sg_corpus_reader_free(rd);
    return rc;
}

static int suggest_corpus(sg_suggestion_list **out, const sg_gazetteer *gaz, sg_corpus *c,
                          const sg_suggest_options *opt, sg_warning_fn on_skip, void *ctx,
                          size_t *skipped, stopper *stop, sg_error *err)
{
    sg_suggester *s = NULL;
    int rc = sg_suggester_new(&s, gaz, opt, err);
    if (!rc)
        rc = each_document(c, sg_suggester_add, s, on_skip, ctx, skipped, stop, err);
    if (!rc && opt && !opt->keep_documents)
        rc = each_document(c, sg_suggester_recount, s, NULL, NULL, NULL, stop, err);
    if (!rc)
        rc = sg_suggester_run(s, out, err);
    sg_suggester_free(s);
    return rc;
}

int sg_suggest_corpus(sg_suggestion_list **out, const sg_gazetteer *gaz, sg_corpus *c,
                      const sg_suggest_options *opt, sg_warning_fn on_skip, void *ctx,
                      size_t *skipped, sg_error *err)
{
    return suggest_corpus(out, gaz, c, opt, on_skip, ctx, skipped, NULL, err);
}

/* A TSV cell never holds a tab or a line break (the library's strings do not). */
int sg_suggestion_list_write(const sg_suggestion_list *l, const char *path, sg_error *err)
{
    sg_output *o = NULL;
    int rc = sg_output_open(&o, path ? path : "-", err);
    if (rc)
        return rc;
    FILE *f = sg_output_stream(o);
    fputs("id\tlabel\ttype\taliases\tsurname\tcount\texample\n", f);
    for (size_t i = 0; i < sg_suggestion_list_count(l); i++) {
        const sg_suggestion *r = sg_suggestion_list_get(l, i);
        fprintf(f, "%s\t%s\t%s\t%s\t%s\t%zu\t%s\n", r->id, r->label, r->type, r->aliases,
                r->surname, r->count, r->example);
    }
    return sg_output_commit(o, err); /* (a write error is found there) */
}

/* The kind of a row as a bit of SG_FOUND_*; a person is taken only with a
 * first name (a surname alone would match other people of that name). */
static unsigned found_kind(const sg_suggestion *r)
{
    if (!strcmp(r->kind, "person"))
        return r->surname[0] && strcmp(r->label, r->surname) ? SG_FOUND_PEOPLE : 0;
    if (!strcmp(r->kind, "definition"))
        return SG_FOUND_DEFINITIONS;
    if (!strcmp(r->kind, "acronym"))
        return SG_FOUND_ACRONYMS;
    if (!strcmp(r->kind, "named"))
        return SG_FOUND_NAMED;
    return !strcmp(r->kind, "sequence") ? SG_FOUND_SEQUENCES : 0;
}

int sg_gazetteer_add_found(sg_gazetteer *gaz, const sg_suggestion_list *rows, unsigned kinds,
                           sg_error *err)
{
    const char *name = "(names found in the corpus)";
    if (!gaz)
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "invalid argument");
    char *tsv = NULL;
    size_t len = 0, taken = 0;
    FILE *f = open_memstream(&tsv, &len);
    if (!f)
        return sg_error_set(err, SG_ERR_NOMEM, name, 0, -1, "out of memory");
    fputs("id\tlabel\ttype\taliases\tsurname\tfound\n", f);
    for (size_t i = 0; i < sg_suggestion_list_count(rows); i++) {
        const sg_suggestion *r = sg_suggestion_list_get(rows, i);
        if (found_kind(r) & kinds) {
            fprintf(f, "%s\t%s\t%s\t%s\t%s\t%s\n", r->id, r->label, r->type, r->aliases, r->surname,
                    r->kind);
            taken++;
        }
    }
    if (fclose(f) || !tsv) {
        free(tsv);
        return sg_error_set(err, SG_ERR_NOMEM, name, 0, -1, "out of memory");
    }
    size_t n0 = gaz->n;
    int rc = taken ? sg_gazetteer_load_buffer(gaz, name, tsv, len, err) : 0;
    free(tsv);
    for (size_t i = n0; !rc && i < gaz->n; i++)
        gaz->ents[i].found = 1;
    return rc;
}

int sg_gazetteer_find_in_corpus(sg_gazetteer *gaz, sg_corpus *c, unsigned kinds, sg_stop_fn stop,
                                void *ctx, sg_error *err)
{
    sg_suggest_options opt;
    sg_suggest_options_init(&opt);
    opt.keep_documents = 0;
    sg_suggestion_list *rows = NULL;
    stopper st = {stop, ctx, 0, 2 * sg_corpus_count(c)};
    int rc = sg_corpus_seal(c, err);
    if (!rc)
        rc = suggest_corpus(&rows, gaz, c, &opt, NULL, NULL, NULL, &st, err);
    if (!rc)
        rc = sg_gazetteer_add_found(gaz, rows, kinds, err);
    sg_suggestion_list_free(rows);
    return rc;
}
