/* stakegraph: the command line. One file per subcommand; this one only
 * dispatches. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <stakegraph/stakegraph.h>

#include "cli.h"

static void usage(FILE *f)
{
    fputs("usage: stakegraph <command> [options]\n"
          "\n"
          "Builds the network of the actors named in French text (who is mentioned\n"
          "with whom, how often, in which documents) from gazetteers of organisations,\n"
          "people and places, and writes it for Gephi, networkx, igraph and Graphviz.\n"
          "\n"
          "commands:\n"
          "  extract    find the actors in documents and write their co-occurrence network\n"
          "  stats      summarise a network: density, communities, most central actors\n"
          "  render     draw a network as SVG, PNG or PDF with Graphviz\n"
          "  merge      add up the partial counts of corpus shards (extract -f pairs)\n"
          "  explain    print the sentences that link two actors (the evidence of an edge)\n"
          "  gazetteer  check gazetteer files (gazetteer check FILE...)\n"
          "  suggest    propose the names the gazetteers miss, as gazetteer rows to review\n"
          "\n"
          "options:\n"
          "  -h, --help     show this help (stakegraph extract --help for the command's)\n"
          "  -V, --version  show the version\n"
          "\n"
          "environment: STAKEGRAPH_SYNC=1 (yes, true, on) syncs every output file to disk\n"
          "before it replaces the previous one; STAKEGRAPH_GAZETTEERS: the default\n"
          "gazetteers\n"
          "\n"
          "exit status: 0 success, 1 failure, 2 usage error\n",
          f);
}

/* A signal that ends the run removes the temporary files of the outputs it
 * leaves unwritten (the previous files stay), then ends it as it would have. */
static void on_fatal_signal(int sig)
{
    sg_output_remove_temporaries();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void handle_signals(void)
{
    static const int fatal[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE};
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_fatal_signal;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++) {
        struct sigaction old;
        /* a signal ignored by the parent (nohup, a background job) stays ignored */
        if (sigaction(fatal[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(fatal[i], &sa, NULL);
    }
    /* past a file-size limit (ulimit -f), a write fails with EFBIG and is
     * reported with the file's name, rather than the run killed in silence */
    signal(SIGXFSZ, SIG_IGN);
}

int main(int argc, char **argv)
{
    handle_signals();
    /* outputs synced to disk before they are renamed into place: asked for
     * (README "How outputs are written"), as gzip's --synchronous is */
    sg_outputs_sync_from_env();
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help")) {
        usage(stdout);
        return EXIT_OK;
    }
    if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version")) {
        printf("stakegraph %s\n", sg_version());
        return EXIT_OK;
    }
    if (!strcmp(cmd, "extract"))
        return cmd_extract(argc - 1, argv + 1);
    if (!strcmp(cmd, "stats"))
        return cmd_stats(argc - 1, argv + 1);
    if (!strcmp(cmd, "render"))
        return cmd_render(argc - 1, argv + 1);
    if (!strcmp(cmd, "merge"))
        return cmd_merge(argc - 1, argv + 1);
    if (!strcmp(cmd, "explain"))
        return cmd_explain(argc - 1, argv + 1);
    if (!strcmp(cmd, "gazetteer"))
        return cmd_gazetteer(argc - 1, argv + 1);
    if (!strcmp(cmd, "suggest"))
        return cmd_suggest(argc - 1, argv + 1);
    fprintf(stderr, "stakegraph: unknown command '%s'\n", cmd);
    usage(stderr);
    return EXIT_USAGE;
}
