/* stakegraph explain: the units of text that link two actors, the evidence
 * of their edge. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "network.h"

/* explain: an actor given on the command line, by id or by a name the
 * gazetteers match as a whole ("AP-HM", "Thierry Schifano"). */
typedef struct {
    const char *id;
    size_t len;
} found_actor;

static int on_found_whole(const sg_mention *m, void *ctx)
{
    found_actor *f = ctx;
    if (m->start == 0 && m->end == f->len)
        f->id = m->id; /* the gazetteer's string: outlives the callback */
    return 0;
}

static long find_actor(const sg_gazetteer *gaz, const sg_extractor *ex, const char *arg)
{
    long i = sg_gazetteer_find(gaz, arg);
    if (i >= 0)
        return i;
    sg_extractor *f = NULL;
    sg_error err;
    size_t len = strlen(arg);
    found_actor fa = {NULL, len}; /* the mention must cover the whole argument */
    if (sg_extractor_fork(&f, ex, &err))
        return -1;
    sg_extractor_on_mention(f, on_found_whole, &fa);
    i = -1;
    if (sg_extractor_add(f, "<argument>", arg, len, &err) == 0 && fa.id)
        i = sg_gazetteer_find(gaz, fa.id);
    sg_extractor_free(f);
    return i;
}

static const char *unit_word(const sg_extract_options *opt, size_t n)
{
    return sg_unit_name(opt->unit, n != 1);
}

/* explain: the summary, then every unit naming both actors. */
static int explain(const extract_args *a, const sg_gazetteer *gaz, sg_extractor *ex,
                   sg_corpus *corpus)
{
    long x = find_actor(gaz, ex, a->explain_a), y = find_actor(gaz, ex, a->explain_b);
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
