/* stakegraph merge: the partial counts of corpus shards added up into the
 * network a single extract would write (SPEC §13). */
#include <stdio.h>

#include "network.h"

static void same_file(const char *path, const char *same, void *ctx)
{
    const extract_args *a = ctx;
    cli_steps_end(a->steps);
    if (!a->quiet)
        fprintf(stderr, "stakegraph: warning: %s: same file as %s; read once\n", path, same);
}

/* merge: adds every counts file to the extractor (a network output is
 * refused later when a weight is over 2^53). */
static int read_counts(sg_extractor *ex, char **files, size_t n, const extract_args *a)
{
    sg_error err;
    sg_error_clear(&err);
    char what[64];
    snprintf(what, sizeof(what), "reading %zu counts file%s", n, n == 1 ? "" : "s");
    cli_step(what, a->steps);
    if (sg_extractor_read_counts_paths(ex, (const char *const *)files, n, same_file, (void *)a,
                                       &err)) {
        cli_print_error(&err, NULL);
        return -1;
    }
    return 0;
}

int cmd_merge(int argc, char **argv)
{
    network_run r;
    int status = network_begin(&r, CMD_MERGE, argc, argv);
    if (!status)
        status = read_counts(r.ex, r.files, r.nfiles, &r.a) || network_open_outputs(&r)
                     ? EXIT_FAIL
                     : network_finish(&r);
    network_end(&r);
    return status < 0 ? EXIT_OK : status;
}
