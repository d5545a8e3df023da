/* Suggesting over a corpus, and writing the rows (suggest.h). */
#include <stdio.h>

#include "sg_internal.h"
#include "stakegraph/suggest.h"

typedef int (*doc_fn)(sg_suggester *s, const char *name, const char *text, size_t len,
                      sg_error *err);

/* Gives every document to fn; a line that is not a document is reported to
 * on_skip (when not NULL) and counted in *skipped (when not NULL). */
static int each_document(sg_corpus *c, doc_fn fn, sg_suggester *s, sg_warning_fn on_skip, void *ctx,
                         size_t *skipped, sg_error *err)
{
    sg_corpus_reader *rd = NULL;
    int rc = sg_corpus_reader_new(&rd, c, err);
    for (size_t k = 0; !rc && k < sg_corpus_count(c); k++) {
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

int sg_suggest_corpus(sg_suggestion_list **out, const sg_gazetteer *gaz, sg_corpus *c,
                      const sg_suggest_options *opt, sg_warning_fn on_skip, void *ctx,
                      size_t *skipped, sg_error *err)
{
    sg_suggester *s = NULL;
    int rc = sg_suggester_new(&s, gaz, opt, err);
    if (!rc)
        rc = each_document(c, sg_suggester_add, s, on_skip, ctx, skipped, err);
    if (!rc && opt && !opt->keep_documents)
        rc = each_document(c, sg_suggester_recount, s, NULL, NULL, NULL, err);
    if (!rc)
        rc = sg_suggester_run(s, out, err);
    sg_suggester_free(s);
    return rc;
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
