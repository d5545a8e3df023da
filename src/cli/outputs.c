/* The outputs of one run (the library's targets, write.h): all opened before
 * the work starts, written, and only then committed as one set; each failure
 * printed with the file it concerns. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_output_set(sg_target **t, const char *path, const char *format, char *msg, size_t size)
{
    sg_error err;
    sg_error_clear(&err);
    if (sg_target_new(t, path, format, &err)) {
        snprintf(msg, size, "%s", err.message);
        return -1;
    }
    return 0;
}

int cli_outputs_open(sg_target **t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        sg_error err;
        sg_error_clear(&err);
        if (t[i] && sg_target_open(t[i], &err)) {
            cli_print_error(&err, NULL);
            cli_outputs_abort(t, n);
            return -1;
        }
    }
    return 0;
}

void cli_outputs_abort(sg_target **t, size_t n)
{
    for (size_t i = 0; t && i < n; i++) {
        sg_target_free(t[i]);
        t[i] = NULL;
    }
}

static int any(sg_target *const *t, size_t n, sg_target_kind kind, int is)
{
    for (size_t i = 0; i < n; i++)
        if (t[i] && (sg_target_kind_of(t[i]) == kind) == is)
            return 1;
    return 0;
}

int cli_outputs_need_graph(sg_target *const *t, size_t n)
{
    return any(t, n, SG_TARGET_COUNTS, 0);
}

int cli_outputs_need_layout(sg_target *const *t, size_t n)
{
    return any(t, n, SG_TARGET_PICTURE, 1);
}

int cli_outputs_emit(sg_target **t, size_t n, const sg_graph *g, const sg_extractor *ex,
                     const sg_render_options *ro, const sg_timeline *timeline)
{
    sg_error err;
    sg_error_clear(&err);
    for (size_t i = 0; i < n; i++)
        if (sg_target_write(t[i], g, ex, ro, timeline, &err)) {
            cli_print_error(&err, NULL);
            return -1;
        }
    return 0;
}

int cli_outputs_commit(sg_target **t, size_t n, sg_output **rows, size_t nrows)
{
    sg_error err;
    sg_error_clear(&err);
    int rc = sg_targets_commit(t, n, rows, nrows, &err);
    if (rc)
        cli_print_error(&err, NULL);
    cli_outputs_abort(t, n); /* committed: frees them; else also removes the CSV directories */
    return rc ? -1 : 0;
}

int cli_outputs_write(sg_target **t, size_t n, const sg_graph *g, const sg_extractor *ex,
                      const sg_render_options *ro, const sg_timeline *timeline)
{
    if (cli_outputs_emit(t, n, g, ex, ro, timeline)) {
        cli_outputs_abort(t, n);
        return -1;
    }
    return cli_outputs_commit(t, n, NULL, 0);
}
