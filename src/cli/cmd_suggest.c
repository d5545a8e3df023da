/* stakegraph suggest: the names a corpus has and the gazetteers miss, written
 * as gazetteer rows to review (SPEC §15). The work is the library's
 * (stakegraph/suggest.h); this file reads the options and says what failed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <sys/stat.h>

#include <stakegraph/stakegraph.h>

#include "cli.h"

enum { OPT_MIN_COUNT = 256, OPT_JSONL, OPT_PLACES, OPT_NO_PLACES };

static const cli_option options[] = {
    {OPT_JSONL, "jsonl", NULL, "the CORPUS files are JSON Lines (directories: *.jsonl)", 0},
    {'g', "gazetteer", "PATH", "the gazetteers to complete (repeatable; default: the bundled ones)",
     0},
    {OPT_MIN_COUNT, "min-count", "N",
     "capitalised sequences seen fewer than N times are left out (default 2); definitions, "
     "acronyms in capitals, names after an organisation's head and people count from 1",
     0},
    {OPT_PLACES, "places", "PATH",
     "places of reference whose names the gazetteers miss are proposed as they are written "
     "there, with their ids (repeatable; default: the regions, departments and communes of "
     "the bundled gazetteers/france)",
     0},
    {OPT_NO_PLACES, "no-places", NULL, "no places of reference", 0},
    {'o', "output", "FILE", "write there (completely or not at all), not to standard output", 0},
    {'q', "quiet", NULL, "no warnings", 0},
    {0, NULL, NULL, NULL, 0}};

static const cli_command command = {
    "suggest",
    1,
    "usage: stakegraph suggest [-g PATH]... [--places PATH]... [--no-places] [--min-count N]\n"
    "                         [--jsonl] [-o FILE] CORPUS...\n"
    "\n"
    "Proposes the entities that the gazetteers miss, as gazetteer rows to review and\n"
    "paste: acronym definitions ('Long Form (ACR)', 'ACR (Long Form)'), acronyms in\n"
    "capitals, people (a first name and a surname, a title such as M., Mme, Dr, Pr,\n"
    "a role, a verb of saying), and capitalised sequences not at the start of a\n"
    "sentence. Names the gazetteers already match, generic words (CHU, Nord,\n"
    "Agence...) and credits or bylines are left out. The places of France the\n"
    "gazetteers do not list (a commune, a department, a region) are proposed with\n"
    "their official names and ids.\n"
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
    const char **places;
    int nplaces, no_places;
    sg_suggest_options opt;
    int jsonl, quiet;
    const char *output;
} suggest_args;

static int apply(void *ctx, int id, const char *name, const char *arg)
{
    suggest_args *a = ctx;
    sg_error err;
    switch (id) {
    case 'g': a->gazetteers[a->ngazetteers++] = arg; break;
    case OPT_JSONL: a->jsonl = 1; break;
    case OPT_PLACES: a->places[a->nplaces++] = arg; break;
    case OPT_NO_PLACES: a->no_places = 1; break;
    case 'o': a->output = arg; break;
    case 'q': a->quiet = 1; break;
    default:
        if (sg_suggest_options_set(&a->opt, name, arg, &err))
            return cli_usage_error("suggest", err.message);
    }
    return 0;
}

static void on_skip(const sg_error *w, void *ctx)
{
    if (!*(const int *)ctx)
        fprintf(stderr, "stakegraph: %s:%ld: %s; line skipped\n", w->file, w->line, w->message);
}

/* The places of reference: those given, else the bundled places of France
 * (none when they are not there), in *out (NULL for none). */
static int load_places(const suggest_args *a, sg_gazetteer **out, sg_error *err)
{
    static const char *const france[] = {"regions.tsv", "departements.tsv", "communes.tsv"};
    *out = NULL;
    if (a->no_places)
        return 0;
    if (a->nplaces)
        return cli_gazetteers_load(out, a->places, a->nplaces, err);
    char paths[3][PATH_MAX];
    const char *given[3];
    int n = 0;
    for (int i = 0; i < 3; i++) {
        struct stat st;
        int k = snprintf(paths[n], PATH_MAX, "%s/france/%s", cli_default_gazetteers(), france[i]);
        if (k > 0 && k < PATH_MAX && stat(paths[n], &st) == 0 && S_ISREG(st.st_mode)) {
            given[n] = paths[n];
            n++;
        }
    }
    return n ? cli_gazetteers_load(out, given, n, err) : 0;
}

static int suggest(const suggest_args *a, sg_corpus *docs)
{
    sg_error err;
    sg_error_clear(&err);
    sg_gazetteer *gaz = NULL, *places = NULL;
    sg_suggestion_list *rows = NULL;
    size_t bad = 0;
    sg_suggest_options opt = a->opt;
    int rc = cli_gazetteers_load(&gaz, a->gazetteers, a->ngazetteers, &err);
    if (!rc)
        rc = load_places(a, &places, &err);
    opt.places = places;
    if (!rc)
        rc = sg_suggest_corpus(&rows, gaz, docs, &opt, on_skip, (void *)&a->quiet, &bad, &err);
    if (!rc)
        rc = sg_suggestion_list_write(rows, a->output, &err);
    if (rc)
        cli_print_error(&err, NULL);
    sg_suggestion_list_free(rows);
    sg_gazetteer_free(places);
    sg_gazetteer_free(gaz);
    return rc || bad ? EXIT_FAIL : EXIT_OK;
}

int cmd_suggest(int argc, char **argv)
{
    suggest_args a = {0};
    sg_suggest_options_init(&a.opt);
    a.opt.keep_documents = 0; /* the documents are read twice rather than kept */
    sg_corpus *docs = NULL;
    int status = EXIT_FAIL;
    if (!(a.gazetteers = calloc((size_t)argc + 1, sizeof(char *))) ||
        !(a.places = calloc((size_t)argc + 1, sizeof(char *)))) {
        free(a.gazetteers);
        cli_error(NULL, "out of memory");
        return EXIT_FAIL;
    }
    int rc = cli_parse_options(&command, argc, argv, apply, &a);
    if (!rc && optind >= argc)
        rc = cli_usage_error("suggest",
                             "no input (give files, directories or - for standard input)");
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
    free(a.places);
    return status;
}
