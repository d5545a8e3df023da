/* The outputs of one run: networks (GraphML, DOT, GEXF, JSON, CSV tables)
 * and pictures (SVG, PNG, PDF), each written completely or not at all. All
 * are opened before the work starts, written, and only then committed.
 *
 * CSV is two files, nodes.csv and edges.csv, so `-f csv -o DIR` writes them
 * into DIR (made when missing, one level, and removed again when the run
 * fails before writing into it). Without -o there is no directory: a usage
 * error. A path ending in .csv names one file, which CSV cannot be: refused,
 * rather than made a directory called "x.csv" or written as GraphML. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* Non-zero when the file name in `path` ends in ".csv". */
static int csv_name(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    return dot && !strcasecmp(dot, ".csv");
}

/* -f csv: `path` must name the directory of the two tables. */
static int csv_directory(const char *path, char *msg, size_t size)
{
    if (!path || !strcmp(path, "-")) {
        snprintf(msg, size,
                 "-f csv writes two files, nodes.csv and edges.csv: give the "
                 "directory to write them into with -o DIR");
        return -1;
    }
    if (csv_name(path)) {
        snprintf(msg, size,
                 "-f csv writes nodes.csv and edges.csv into a directory: give -o DIR, not a "
                 ".csv file ('%.200s')",
                 path);
        return -1;
    }
    return 0;
}

int cli_output_set(cli_output *o, const char *path, const char *format, char *msg, size_t size)
{
    memset(o, 0, sizeof(*o));
    o->path = path ? path : "-";
    if (format) {
        if (kind_of(o, format)) {
            snprintf(msg, size,
                     "unknown format '%.200s' (graphml, dot, gexf, json, csv, svg, png, pdf or "
                     "pairs)",
                     format);
            return -1;
        }
        if (!o->counts && !o->picture && o->format == SG_FORMAT_CSV)
            return csv_directory(path, msg, size);
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
    if (csv_name(path)) {
        snprintf(msg, size,
                 "'%.200s': CSV is two tables, nodes.csv and edges.csv, written into a "
                 "directory: use -f csv -o DIR",
                 path);
        return -1;
    }
    snprintf(msg, size,
             "cannot tell the format from '%.200s' (.graphml, .dot, .gv, .gexf, .json, .svg, "
             ".png, .pdf or .pairs; or use -f)",
             path);
    return -1;
}

static int is_csv(const cli_output *o)
{
    return !o->counts && !o->picture && o->format == SG_FORMAT_CSV;
}

/* "DIR/name" (caller frees). */
static char *join(const char *dir, const char *name)
{
    size_t len = strlen(dir), size = len + strlen(name) + 2;
    char *p = malloc(size);
    if (p)
        snprintf(p, size, "%s%s%s", dir, len && dir[len - 1] == '/' ? "" : "/", name);
    return p;
}

/* Makes the directory if needed and opens DIR/nodes.csv and DIR/edges.csv;
 * prints the error and returns -1 on failure. */
static int open_csv(cli_output *o)
{
    struct stat st;
    sg_error err;
    char msg[300];
    sg_error_clear(&err);
    if (mkdir(o->path, 0777) == 0) {
        o->made_dir = 1;
    } else if (errno != EEXIST) {
        snprintf(msg, sizeof(msg), "cannot make the directory: %s", strerror(errno));
        cli_error(o->path, msg);
        return -1;
    } else if (stat(o->path, &st) != 0 || !S_ISDIR(st.st_mode)) {
        cli_error(o->path, "not a directory (-f csv writes nodes.csv and edges.csv into one)");
        return -1;
    }
    if (!(o->csv_paths[0] = join(o->path, "nodes.csv")) ||
        !(o->csv_paths[1] = join(o->path, "edges.csv"))) {
        cli_error(o->path, "out of memory");
        return -1;
    }
    if (sg_output_open(&o->out, o->csv_paths[0], &err) ||
        sg_output_open(&o->edges_out, o->csv_paths[1], &err)) {
        cli_print_error(&err, NULL);
        return -1;
    }
    return 0;
}

int cli_outputs_open(cli_output *o, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        sg_error err;
        sg_error_clear(&err);
        int rc = is_csv(&o[i]) ? open_csv(&o[i]) : sg_output_open(&o[i].out, o[i].path, &err);
        if (rc) {
            if (!is_csv(&o[i])) /* (open_csv prints its own) */
                cli_print_error(&err, NULL);
            cli_outputs_abort(o, n);
            return -1;
        }
    }
    return 0;
}

/* Forgets the CSV file names; the directory now stays. */
static void release(cli_output *o)
{
    free(o->csv_paths[0]);
    free(o->csv_paths[1]);
    o->csv_paths[0] = o->csv_paths[1] = NULL;
    o->made_dir = 0;
}

void cli_outputs_abort(cli_output *o, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        sg_output_abort(o[i].out);
        sg_output_abort(o[i].edges_out);
        o[i].out = o[i].edges_out = NULL;
        if (o[i].made_dir) /* only when empty: a table committed before a failure stays */
            rmdir(o[i].path);
        release(&o[i]);
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

/* Writes output `o`; *where is set to the file concerned. */
static int write_one(cli_output *o, const sg_graph *g, const sg_extractor *ex,
                     const sg_render_options *ro, const sg_timeline *timeline, const char **where,
                     sg_error *err)
{
    FILE *f = sg_output_stream(o->out);
    *where = o->path;
    if (o->counts)
        return sg_extractor_write_counts(ex, f, err);
    if (o->picture)
        return sg_render(g, o->picture, ro, f, err);
    if (o->format == SG_FORMAT_GEXF)
        return sg_export_gexf(g, timeline, f, err);
    if (o->format != SG_FORMAT_CSV)
        return sg_export(g, o->format, f, err);
    *where = o->csv_paths[0];
    int rc = sg_export_csv_nodes(g, f, err);
    if (rc)
        return rc;
    *where = o->csv_paths[1];
    return sg_export_csv_edges(g, sg_output_stream(o->edges_out), err);
}

int cli_outputs_emit(cli_output *o, size_t n, const sg_graph *g, const sg_extractor *ex,
                     const sg_render_options *ro, const sg_timeline *timeline)
{
    sg_error err;
    sg_error_clear(&err);
    for (size_t i = 0; i < n; i++) {
        const char *where = o[i].path;
        if (write_one(&o[i], g, ex, ro, timeline, &where, &err)) {
            if (!err.file[0])
                snprintf(err.file, sizeof(err.file), "%s", where);
            cli_print_error(&err, NULL);
            return -1;
        }
    }
    return 0;
}

int cli_outputs_commit(cli_output *o, size_t n, sg_output **rows, size_t nrows)
{
    sg_error err;
    sg_error_clear(&err);
    size_t total = 2 * n + nrows;
    sg_output **all = calloc(total ? total : 1, sizeof(*all));
    if (!all) {
        cli_error(NULL, "out of memory");
        cli_outputs_abort(o, n);
        return -1;
    }
    /* one set: every file new, or (when one cannot be renamed) every file as before */
    for (size_t i = 0; i < n; i++) {
        all[2 * i] = o[i].out;
        all[2 * i + 1] = o[i].edges_out;
        o[i].out = o[i].edges_out = NULL;
    }
    for (size_t i = 0; i < nrows; i++) {
        all[2 * n + i] = rows[i];
        rows[i] = NULL;
    }
    int rc = sg_outputs_commit(all, total, &err);
    free(all);
    if (rc)
        cli_print_error(&err, NULL);
    for (size_t i = 0; i < n; i++)
        if (!rc)
            release(&o[i]);
    if (rc)
        cli_outputs_abort(o, n); /* removes the directories made for CSV */
    return rc ? -1 : 0;
}

int cli_outputs_write(cli_output *o, size_t n, const sg_graph *g, const sg_extractor *ex,
                      const sg_render_options *ro, const sg_timeline *timeline)
{
    if (cli_outputs_emit(o, n, g, ex, ro, timeline)) {
        cli_outputs_abort(o, n);
        return -1;
    }
    return cli_outputs_commit(o, n, NULL, 0);
}
