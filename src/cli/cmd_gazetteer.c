/* stakegraph gazetteer check: what the loader refuses and names that will
 * surprise (SPEC §15). */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <stakegraph/stakegraph.h>

#include "cli.h"

#define DEFAULT_WORDS "/usr/share/dict/french"

static void help(FILE *f)
{
    fputs("usage: stakegraph gazetteer check [--words FILE | --no-words] [FILE|DIR]...\n"
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
          "\n"
          "  --words FILE  the word list, one word a line (default " DEFAULT_WORDS ",\n"
          "                Debian's wfrench); missing: a warning, and no common-word check\n"
          "  --no-words    no common-word check\n"
          "  -h, --help    show this help\n"
          "\n"
          "exit status: 0 no error (warnings allowed), 1 errors, 2 usage error\n",
          f);
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
    static const struct option longs[] = {{"words", required_argument, NULL, 'w'},
                                          {"no-words", no_argument, NULL, 'n'},
                                          {"help", no_argument, NULL, 'h'},
                                          {NULL, 0, NULL, 0}};
    const char *words = DEFAULT_WORDS;
    int c, explicit_words = 0;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":h", longs, NULL)) != -1) {
        char msg[300];
        switch (c) {
        case 'w':
            words = optarg;
            explicit_words = 1;
            break;
        case 'n': words = NULL; break;
        case 'h': help(stdout); return EXIT_OK;
        case ':':
            snprintf(msg, sizeof(msg), "option '%.200s' needs a value", argv[optind - 1]);
            return cli_usage_error("gazetteer check", msg);
        default:
            snprintf(msg, sizeof(msg), "unknown option '%.200s'", argv[optind - 1]);
            return cli_usage_error("gazetteer check", msg);
        }
    }
    tally t = {0, 0};
    if (words && access(words, R_OK) != 0) {
        if (explicit_words)
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
        char buf[2048];
        cli_error(NULL, sg_error_format(&err, buf, sizeof(buf)));
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
        help(stdout);
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
