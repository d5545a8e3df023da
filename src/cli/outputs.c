/* The outputs of one run: networks (GraphML, DOT) and pictures (SVG, PNG,
 * PDF), each written completely or not at all. All are opened before the
 * work starts, written, and only then committed. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The kind of output for a format name (from -f or an extension). */
static int kind_of(cli_output *o, const char *name)
{
    static const char *const pictures[] = {"svg", "png", "pdf"};
    if (!strcmp(name, "pairs")) {
        o->counts = 1;
        return 0;
    }
    if (!sg_format_parse(&o->format, name)) {
        o->picture = NULL;
        return 0;
    }
    for (size_t i = 0; i < 3; i++)
        if (!strcmp(name, pictures[i])) {
            o->picture = pictures[i];
            return 0;
        }
    return -1;
}

int cli_output_set(cli_output *o, const char *path, const char *format, char *msg, size_t size)
{
    memset(o, 0, sizeof(*o));
    o->path = path ? path : "-";
    if (format) {
        if (kind_of(o, format)) {
            snprintf(msg, size, "unknown format '%.200s' (graphml, dot, svg, png, pdf or pairs)",
                     format);
            return -1;
        }
        return 0;
    }
    /* A name without an extension (/dev/stdout, a pipe) gets GraphML; an
     * unknown extension (.csv) is refused rather than written as GraphML. */
    const char *base = strrchr(o->path, '/');
    base = base ? base + 1 : o->path;
    const char *dot = strrchr(base, '.');
    o->format = SG_FORMAT_GRAPHML;
    if (!path || !dot)
        return 0;
    if (!sg_format_from_path(&o->format, path))
        return 0;
    if (!strcmp(dot, ".pairs")) {
        o->counts = 1;
        return 0;
    }
    if ((o->picture = sg_render_format_from_path(path)))
        return 0;
    snprintf(msg, size,
             "cannot tell the format from '%.200s' (.graphml, .dot, .gv, .svg, .png, .pdf or "
             ".pairs; or use -f)",
             path);
    return -1;
}

static void print_error(const sg_error *err)
{
    char buf[2048];
    cli_error(NULL, sg_error_format(err, buf, sizeof(buf)));
}

int cli_outputs_open(cli_output *o, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        sg_error err;
        sg_error_clear(&err);
        if (sg_output_open(&o[i].out, o[i].path, &err)) {
            print_error(&err);
            cli_outputs_abort(o, n);
            return -1;
        }
    }
    return 0;
}

void cli_outputs_abort(cli_output *o, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        sg_output_abort(o[i].out);
        o[i].out = NULL;
    }
}

int cli_outputs_need_graph(const cli_output *o, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!o[i].counts)
            return 1;
    return 0;
}

int cli_outputs_need_layout(const cli_output *o, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (o[i].picture)
            return 1;
    return 0;
}

int cli_outputs_flush(cli_output *o, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        sg_error err;
        sg_error_clear(&err);
        if (o[i].out && sg_output_flush(o[i].out, &err)) {
            print_error(&err);
            cli_outputs_abort(o, n);
            return -1;
        }
    }
    return 0;
}

int cli_outputs_write(cli_output *o, size_t n, const sg_graph *g, const sg_extractor *ex,
                      const sg_render_options *ro)
{
    sg_error err;
    sg_error_clear(&err);
    for (size_t i = 0; i < n; i++) {
        FILE *f = sg_output_stream(o[i].out);
        int rc = o[i].counts    ? sg_extractor_write_counts(ex, f, &err)
                 : o[i].picture ? sg_render(g, o[i].picture, ro, f, &err)
                                : sg_export(g, o[i].format, f, &err);
        if (rc) {
            if (!err.file[0])
                snprintf(err.file, sizeof(err.file), "%s", o[i].path);
            print_error(&err);
            cli_outputs_abort(o, n);
            return -1;
        }
    }
    if (cli_outputs_flush(o, n))
        return -1;
    for (size_t i = 0; i < n; i++) {
        int rc = sg_output_commit(o[i].out, &err);
        o[i].out = NULL;
        if (rc) {
            print_error(&err);
            cli_outputs_abort(o, n);
            return -1;
        }
    }
    return 0;
}
