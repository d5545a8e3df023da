/* stakegraph explain: the units of text that link two actors, the evidence
 * of their edge. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "network.h"

static const char *unit_word(const sg_extract_options *opt, size_t n)
{
    return sg_unit_name(opt->unit, n != 1);
}

/* explain: the summary, then every unit naming both actors. */
static int explain(const extract_args *a, const sg_gazetteer *gaz, sg_extractor *ex,
                   sg_corpus *corpus)
{
    long x = sg_extractor_find_actor(ex, a->explain_a),
         y = sg_extractor_find_actor(ex, a->explain_b);
    if (x < 0 || y < 0) {
        char what[400];
        snprintf(what, sizeof(what),
                 "'%.200s' is neither an id nor a name in the gazetteers (see 'stakegraph "
                 "extract --mentions' for the names matched)",
                 x < 0 ? a->explain_a : a->explain_b);
        cli_error("explain", what);
        return -1;
    }
    if (x == y) {
        cli_error("explain", "the two actors are the same: give two different ones");
        return -1;
    }
    const char *ia = sg_gazetteer_id(gaz, (size_t)x), *ib = sg_gazetteer_id(gaz, (size_t)y);
    if (strcmp(ia, ib) > 0) {
        const char *t = ia;
        ia = ib;
        ib = t;
        long u = x;
        x = y;
        y = u;
    }
    cli_report r = {0};
    r.quiet = a->quiet;
    r.explain_a = ia;
    r.explain_b = ib;
    sg_run_result res;
    int rc = cli_run(&r, ex, corpus, &a->run, &res);
    if (!rc) {
        printf("%s (%s) and %s (%s): %zu %s in %zu document%s\n",
               sg_gazetteer_label(gaz, (size_t)x), ia, sg_gazetteer_label(gaz, (size_t)y), ib,
               r.explain_units, unit_word(&a->opt, r.explain_units), r.explain_docs,
               r.explain_docs == 1 ? "" : "s");
        if (r.explain_len)
            fwrite(r.explain_text, 1, r.explain_len, stdout);
        if (fflush(stdout) || ferror(stdout)) {
            cli_error("<stdout>", strerror(errno ? errno : EIO));
            rc = -1;
        }
    }
    size_t skipped = res.skipped;
    cli_report_free(&r);
    sg_run_result_free(&res);
    return rc || skipped ? -1 : 0;
}

int cmd_explain(int argc, char **argv)
{
    network_run r;
    int status = network_begin(&r, CMD_EXPLAIN, argc, argv);
    if (!status)
        status = explain(&r.a, r.gaz, r.ex, r.corpus) ? EXIT_FAIL : EXIT_OK;
    network_end(&r);
    return status < 0 ? EXIT_OK : status;
}
