/* stakegraph suggest: the names a corpus has and the gazetteers miss, written
 * as gazetteer rows to review (SPEC §15). The work is the library's
 * (stakegraph/suggest.h); this file reads the options and the documents and
 * writes the rows. The documents are read twice (candidates, then counts)
 * rather than kept in memory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stakegraph/stakegraph.h>

#include "cli.h"

enum { OPT_MIN_COUNT = 256, OPT_JSONL };

static const cli_option options[] = {
    {OPT_JSONL, "jsonl", NULL, "the CORPUS files are JSON Lines (directories: *.jsonl)", 0},
    {'g', "gazetteer", "PATH", "the gazetteers to complete (repeatable; default: the bundled ones)",
     0},
    {OPT_MIN_COUNT, "min-count", "N",
     "capitalised sequences seen fewer than N times are left out (default 2); definitions, "
     "acronyms in capitals, names after an organisation's head and people count from 1",
     0},
    {'o', "output", "FILE", "write there (completely or not at all), not to standard output", 0},
    {'q', "quiet", NULL, "no warnings", 0},
    {0, NULL, NULL, NULL, 0}};

static const cli_command command = {
    "suggest",
    1,
    "usage: stakegraph suggest [-g PATH]... [--min-count N] [--jsonl] [-o FILE] CORPUS...\n"
    "\n"
    "Proposes the entities that the gazetteers miss, as gazetteer rows to review and\n"
    "paste: acronym definitions ('Long Form (ACR)', 'ACR (Long Form)'), acronyms in\n"
    "capitals, people (a first name and a surname, a title such as M., Mme, Dr, Pr,\n"
    "a role, a verb of saying), and capitalised sequences not at the start of a\n"
    "sentence. Names the gazetteers already match, generic words (CHU, Nord,\n"
    "Agence...) and credits or bylines are left out.\n"
    "\n"
    "The output is TSV with a header: id, label, type, aliases, surname (people),\n"
    "count (mentions in the corpus once the row is added) and example (the sentence\n"
    "of the first one), sorted by count, then label. It loads as a gazetteer as it\n"
    "is (count and example become attributes). Types are guesses: check them.\n"
    "CORPUS: text files, directories (every *.txt inside) or -.\n"
    "\n",
    "\nExit status: 0 success, 1 failure, 2 usage error.\n",
    NULL,
    options};

typedef struct {
    const char **gazetteers;
    int ngazetteers;
    unsigned long min_count;
    int jsonl, quiet;
    const char *output;
} suggest_args;

static int apply(void *ctx, int id, const char *arg)
{
    suggest_args *a = ctx;
    switch (id) {
    case 'g': a->gazetteers[a->ngazetteers++] = arg; break;
    case OPT_MIN_COUNT:
        if (cli_parse_seed(arg, &a->min_count) || a->min_count == 0 || a->min_count > 1000000000UL)
            return cli_usage_error("suggest", "invalid --min-count (a positive integer)");
        break;
    case OPT_JSONL: a->jsonl = 1; break;
    case 'o': a->output = arg; break;
    case 'q': a->quiet = 1; break;
    }
    return 0;
}

static int parse_args(suggest_args *a, int argc, char **argv)
{
    int rc = cli_parse_options(&command, argc, argv, apply, a);
    if (!rc && optind >= argc)
        return cli_usage_error("suggest",
                               "no input (give files, directories or - for standard input)");
    return rc;
}

typedef int (*doc_fn)(sg_suggester *s, const char *name, const char *text, size_t len,
                      sg_error *err);

/* Gives every document to fn; a bad JSON Lines line is reported (unless
 * quiet, or bad is NULL) and counted in *bad. Prints the error on failure. */
static int each_document(sg_corpus *c, int quiet, size_t *bad, doc_fn fn, sg_suggester *s)
{
    sg_corpus_reader *rd = NULL;
    sg_error err;
    sg_error_clear(&err);
    int rc = sg_corpus_reader_new(&rd, c, &err);
    for (size_t k = 0; !rc && k < sg_corpus_count(c); k++) {
        sg_document d;
        rc = sg_corpus_read(rd, k, &d, &err);
        if (rc == SG_ERR_PARSE) {
            rc = 0;
            if (bad) {
                (*bad)++;
                if (!quiet)
                    fprintf(stderr, "stakegraph: %s:%ld: %s; line skipped\n", err.file, err.line,
                            err.message);
            }
        } else if (!rc) {
            rc = fn(s, d.name, d.text, d.len, &err);
        }
    }
    if (rc)
        cli_print_error(&err, NULL);
    sg_corpus_reader_free(rd);
    return rc;
}

/* A TSV cell never holds a tab or a line break (the library's strings do not). */
static int write_rows(const sg_suggestion_list *rows, const char *path)
{
    sg_error err;
    sg_error_clear(&err);
    sg_output *o = NULL;
    if (sg_output_open(&o, path ? path : "-", &err)) {
        cli_print_error(&err, NULL);
        return -1;
    }
    FILE *f = sg_output_stream(o);
    fputs("id\tlabel\ttype\taliases\tsurname\tcount\texample\n", f);
    for (size_t i = 0; i < sg_suggestion_list_count(rows); i++) {
        const sg_suggestion *r = sg_suggestion_list_get(rows, i);
        fprintf(f, "%s\t%s\t%s\t%s\t%s\t%zu\t%s\n", r->id, r->label, r->type, r->aliases,
                r->surname, r->count, r->example);
    }
    if (sg_output_commit(o, &err)) {
        cli_print_error(&err, NULL);
        return -1;
    }
    return 0;
}

static int suggest(const suggest_args *a, sg_corpus *docs)
{
    sg_error err;
    sg_error_clear(&err);
    sg_gazetteer *gaz = NULL;
    sg_suggester *s = NULL;
    sg_suggestion_list *rows = NULL;
    size_t bad = 0;
    int rc = cli_gazetteers_load(&gaz, a->gazetteers, a->ngazetteers, &err);
    if (!rc) {
        sg_suggest_options opt;
        sg_suggest_options_init(&opt);
        opt.min_count = (unsigned)a->min_count;
        opt.keep_documents = 0;
        rc = sg_suggester_new(&s, gaz, &opt, &err);
    }
    if (rc) {
        cli_print_error(&err, NULL);
        goto cleanup;
    }
    if ((rc = each_document(docs, a->quiet, &bad, sg_suggester_add, s)) ||
        (rc = each_document(docs, 1, NULL, sg_suggester_recount, s)))
        goto cleanup;
    if ((rc = sg_suggester_run(s, &rows, &err))) {
        cli_print_error(&err, NULL);
        goto cleanup;
    }
    rc = write_rows(rows, a->output);
cleanup:
    sg_suggestion_list_free(rows);
    sg_suggester_free(s);
    sg_gazetteer_free(gaz);
    return rc ? EXIT_FAIL : bad ? EXIT_FAIL : EXIT_OK;
}

int cmd_suggest(int argc, char **argv)
{
    suggest_args a = {0};
    a.min_count = 2;
    sg_corpus *docs = NULL;
    int status = EXIT_FAIL;
    if (!(a.gazetteers = calloc((size_t)argc + 1, sizeof(char *)))) {
        cli_error(NULL, "out of memory");
        return EXIT_FAIL;
    }
    int rc = parse_args(&a, argc, argv);
    if (rc) {
        status = rc < 0 ? EXIT_OK : rc;
        goto cleanup;
    }
    sg_error err;
    sg_error_clear(&err);
    if (cli_corpus(&docs, a.jsonl ? SG_CORPUS_JSONL : SG_CORPUS_TEXT, NULL, argv + optind,
                   (size_t)(argc - optind), 0))
        goto cleanup;
    if (sg_corpus_seal(docs, &err)) {
        cli_print_error(&err, NULL);
        goto cleanup;
    }
    status = suggest(&a, docs);
cleanup:
    sg_corpus_free(docs);
    free(a.gazetteers);
    return status;
}
