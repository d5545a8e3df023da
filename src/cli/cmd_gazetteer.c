/* stakegraph gazetteer check: what the loader refuses and names that will
 * surprise (SPEC §15). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <stakegraph/stakegraph.h>

#include "cli.h"

#define DEFAULT_WORDS "/usr/share/dict/french"

enum { OPT_WORDS = 256, OPT_NO_WORDS };

static const cli_option options[] = {{OPT_WORDS, "words", "FILE",
                                      "the word list, one word a line (default " DEFAULT_WORDS
                                      ", Debian's wfrench); "
                                      "missing: a warning, and no common-word check",
                                      0},
                                     {OPT_NO_WORDS, "no-words", NULL, "no common-word check", 0},
                                     {0, NULL, NULL, NULL, 0}};

static const cli_command command = {
    "gazetteer check",
    1,
    "usage: stakegraph gazetteer check [--words FILE | --no-words] [FILE|DIR]...\n"
    "\n"
    "Checks gazetteers (files, or every *.tsv of a directory; none: the bundled\n"
    "ones) and prints one finding a line, FILE:LINE: error|warning: MESSAGE [kind],\n"
    "sorted by file and line, then a summary.\n"
    "\n"
    "errors (what the loader refuses; each line, then the rest of the file):\n"
    "  load          missing column, bad UTF-8, empty alias, invalid pattern, ...\n"
    "  duplicate-id  an id defined twice, in one file or in two\n"
    "warnings:\n"
    "  shared        a name of two entities matching the same texts: one never wins\n"
    "  shadowed      a plain name whose spelling in capitals (or exact case) is\n"
    "                another entity's acronym (or =exact name)\n"
    "  redundant     a name that another name of its entity already covers\n"
    "  common-word   an unguarded name that is a common French word (--words)\n"
    "  short         an unguarded name of 1-2 characters or 3 lower-case letters\n"
    "\n",
    "\nexit status: 0 no error (warnings allowed), 1 errors, 2 usage error\n",
    NULL,
    options};

typedef struct {
    const char *words;
    int explicit_words;
} check_args;

static int apply(void *ctx, int id, const char *name, const char *arg)
{
    check_args *a = ctx;
    (void)name;
    a->words = id == OPT_WORDS ? arg : NULL;
    a->explicit_words = id == OPT_WORDS;
    return 0;
}

typedef struct {
    size_t errors, warnings;
} tally;

static void print_finding(const sg_finding *f, void *ctx)
{
    tally *t = ctx;
    if (f->line > 0)
        printf("%s:%ld: ", f->file, f->line);
    else if (f->file[0])
        printf("%s: ", f->file);
    printf("%s: %s [%s]\n", f->error ? "error" : "warning", f->message, f->kind);
    if (f->error)
        t->errors++;
    else
        t->warnings++;
}

static int check(int argc, char **argv)
{
    check_args a = {DEFAULT_WORDS, 0};
    int rc = cli_parse_options(&command, argc, argv, apply, &a);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    const char *words = a.words;
    tally t = {0, 0};
    if (words && access(words, R_OK) != 0) {
        if (a.explicit_words)
            return cli_usage_error("gazetteer check", "cannot read the --words file");
        printf("%s: warning: cannot read the word list (install Debian's wfrench): common "
               "words not checked [common-word]\n",
               words);
        t.warnings++;
        words = NULL;
    }
    const char *bundled = cli_default_gazetteers();
    const char *const *paths = (const char *const *)argv + optind;
    size_t npaths = (size_t)(argc - optind);
    if (npaths == 0) {
        paths = &bundled;
        npaths = 1;
    }
    sg_error err;
    sg_error_clear(&err);
    if (sg_gazetteer_check_paths(paths, npaths, words, print_finding, &t, NULL, &err)) {
        cli_print_error(&err, NULL);
        return EXIT_FAIL;
    }
    printf("%zu error%s, %zu warning%s\n", t.errors, t.errors == 1 ? "" : "s", t.warnings,
           t.warnings == 1 ? "" : "s");
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_error("standard output", "write error");
        return EXIT_FAIL;
    }
    return t.errors ? EXIT_FAIL : EXIT_OK;
}

int cmd_gazetteer(int argc, char **argv)
{
    if (argc >= 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
        cli_print_help(&command, stdout);
        return EXIT_OK;
    }
    if (argc < 2)
        return cli_usage_error("gazetteer", "give a subcommand: check");
    if (!strcmp(argv[1], "check"))
        return check(argc - 1, argv + 1);
    char msg[300];
    snprintf(msg, sizeof(msg), "unknown subcommand '%.200s' (check)", argv[1]);
    return cli_usage_error("gazetteer", msg);
}
