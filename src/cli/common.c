/* Messages, progress, the bundled gazetteers, and the outputs opened. */
#include <errno.h>
#include <limits.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_usage_error(const char *command, const char *what)
{
    fprintf(stderr, "stakegraph: %s: %s\nTry 'stakegraph %s --help'.\n", command, what, command);
    return EXIT_USAGE;
}

/* The progress line open on stderr, if any: the documents' count (kept:
 * ended with a line break) or a step (erased), ended before anything else
 * is written there. */
static enum { LINE_NONE = 0, LINE_KEEP, LINE_ERASE } progress_line;

void cli_line_open(int keep)
{
    progress_line = keep ? LINE_KEEP : LINE_ERASE;
}

void cli_line_end(void)
{
    if (progress_line == LINE_KEEP)
        fputc('\n', stderr);
    else if (progress_line == LINE_ERASE)
        fputs("\r\033[K", stderr);
    progress_line = LINE_NONE;
}

void cli_error(const char *where, const char *what)
{
    cli_line_end();
    if (where && *where)
        fprintf(stderr, "stakegraph: %s: %s\n", where, what);
    else
        fprintf(stderr, "stakegraph: %s\n", what);
}

void cli_print_error(const sg_error *err, const char *file)
{
    char buf[2048];
    sg_error e = *err;
    if (!e.file[0] && file)
        snprintf(e.file, sizeof(e.file), "%s", file);
    cli_error(NULL, sg_error_format(&e, buf, sizeof(buf)));
}

void cli_warning(const sg_error *w, void *ctx)
{
    (void)ctx;
    char buf[2048];
    cli_line_end();
    fprintf(stderr, "stakegraph: warning: %s\n", sg_error_format(w, buf, sizeof(buf)));
}

/* The reading's warnings: printed as such, or (strict) as errors, counted. */
typedef struct {
    int strict;
    size_t count;
} read_report;

static void read_warning(const sg_error *w, void *ctx)
{
    read_report *r = ctx;
    r->count++;
    if (r->strict)
        cli_print_error(w, NULL);
    else
        cli_warning(w, NULL);
}

int cli_read_graphml(sg_graph **out, const char *path, int strict)
{
    read_report r = {strict, 0};
    sg_error err;
    sg_error_clear(&err);
    *out = NULL;
    if (sg_graph_read_graphml_warn(out, path, read_warning, &r, &err)) {
        cli_print_error(&err, path);
        return -1;
    }
    if (strict && r.count) {
        sg_graph_free(*out);
        *out = NULL;
        cli_error(path, "refused (--strict): the reading would change or leave out what the "
                        "errors above say");
        return -1;
    }
    sg_graph_read_origin(*out, path);
    return 0;
}

void cli_warn_renamed(const sg_graph *g, const char *file)
{
    sg_error w;
    sg_error_clear(&w);
    if (sg_graph_renamed_warning(g, file, &w))
        cli_warning(&w, NULL);
}

const char *cli_default_gazetteers(void)
{
    struct stat st;
    const char *env = getenv("STAKEGRAPH_GAZETTEERS");
    if (env && *env)
        return env;
    /* an installed binary (PREFIX/bin/stakegraph) uses PREFIX/share/stakegraph/gazetteers,
     * wherever the prefix was moved to */
    static char installed[PATH_MAX];
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            int k = snprintf(installed, sizeof(installed), "%.*s/../share/stakegraph/gazetteers",
                             (int)(sizeof(installed) - 64), exe);
            if (k > 0 && (size_t)k < sizeof(installed) && stat(installed, &st) == 0 &&
                S_ISDIR(st.st_mode))
                return installed;
        }
    }
    if (stat(SG_SOURCE_GAZETTEERS, &st) == 0 && S_ISDIR(st.st_mode))
        return SG_SOURCE_GAZETTEERS;
    return SG_INSTALL_GAZETTEERS;
}

int cli_gazetteers_load_making(sg_gazetteer **out, const char *const *paths, int n,
                               const sg_extract_options *opt, sg_extractor_maker **mk,
                               sg_error *err)
{
    sg_gazetteer *gaz = NULL;
    int rc = sg_gazetteer_new(&gaz, err);
    if (!rc && mk && (rc = sg_extractor_begin(mk, gaz, opt, err)))
        *mk = NULL;
    if (!rc && n == 0)
        rc = sg_gazetteer_load_path(gaz, cli_default_gazetteers(), err);
    for (int i = 0; !rc && i < n; i++)
        rc = sg_gazetteer_load_path(gaz, paths[i], err);
    if (mk && *mk)
        sg_extractor_loaded(*mk, rc == 0);
    if (rc) {
        if (mk && *mk)
            sg_extractor_end(*mk, NULL, NULL);
        if (mk)
            *mk = NULL;
        sg_gazetteer_free(gaz);
        return rc;
    }
    *out = gaz;
    return 0;
}

int cli_gazetteers_load(sg_gazetteer **out, const char *const *paths, int n, sg_error *err)
{
    return cli_gazetteers_load_making(out, paths, n, NULL, NULL, err);
}

double cli_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_steps_init(cli_steps *s, int quiet)
{
    s->on = !quiet && isatty(2);
    s->start = cli_seconds();
}

void cli_step(const char *step, void *ctx)
{
    cli_steps *s = ctx;
    if (!s->on)
        return;
    fprintf(stderr, "\r\033[Kstakegraph: %s... (%.1f s)", step, cli_seconds() - s->start);
    fflush(stderr);
    cli_line_open(0);
}

void cli_steps_end(cli_steps *s)
{
    if (s->on)
        cli_line_end();
}

int cli_view_check(sg_target *const *t, size_t n)
{
    sg_error err;
    sg_error_clear(&err);
    if (!sg_targets_view_check(t, n, &err))
        return 0;
    cli_print_error(&err, NULL);
    return -1;
}

int cli_outputs_open(sg_target **t, size_t n)
{
    sg_error err;
    sg_error_clear(&err);
    if (sg_targets_open(t, n, &err)) {
        cli_print_error(&err, NULL);
        sg_targets_free(t, n);
        return -1;
    }
    return 0;
}
