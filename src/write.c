/* Writing a network to the files its names ask for (write.h).
 *
 * CSV is two files, nodes.csv and edges.csv, so a CSV target is a directory
 * (made when missing, one level, and removed again when the run fails before
 * writing into it). A path ending in .csv names one file, which CSV cannot
 * be: refused, rather than made a directory called "x.csv" or written as
 * GraphML. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sg_internal.h"
#include "stakegraph/view.h"
#include "stakegraph/write.h"

struct sg_target {
    char *path;
    sg_target_kind kind;
    sg_format format;           /* a network */
    const char *picture;        /* "svg", "png", "pdf", "html" (static) */
    const sg_unit_store *units; /* html: the units shown behind the edges (may be NULL) */
    sg_output *out, *edges_out; /* edges_out: CSV's second table */
    char *csv_paths[2];         /* CSV: DIR/nodes.csv, DIR/edges.csv */
    int made_dir;               /* CSV: the directory was made here (removed on failure) */
};

static const char *const format_names[] = {"graphml", "dot", "gexf", "json", "csv"};

/* The kind of output for a format name (from -f or an extension). */
static int kind_of(sg_target *t, const char *name)
{
    static const char *const pictures[] = {"svg", "png", "pdf", "html"};
    if (!strcmp(name, "pairs")) {
        t->kind = SG_TARGET_COUNTS;
        return 0;
    }
    if (!sg_format_parse(&t->format, name))
        return 0;
    for (size_t i = 0; i < 4; i++)
        if (!strcmp(name, pictures[i])) {
            t->kind = SG_TARGET_PICTURE;
            t->picture = pictures[i];
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

static int is_csv(const sg_target *t)
{
    return t->kind == SG_TARGET_NETWORK && t->format == SG_FORMAT_CSV;
}

/* A CSV target's path must name the directory of the two tables. */
static int csv_directory(const char *path, sg_error *err)
{
    if (!strcmp(path, "-"))
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1,
                            "-f csv writes two files, nodes.csv and edges.csv: give the "
                            "directory to write them into with -o DIR");
    if (csv_name(path))
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1,
                            "-f csv writes nodes.csv and edges.csv into a directory: give -o "
                            "DIR, not a .csv file ('%.200s')",
                            path);
    return 0;
}

/* The kind from the path's extension: a name without one (/dev/stdout, a
 * pipe) gets GraphML; an unknown one (.csv) is refused rather than written
 * as GraphML. */
static int kind_from_path(sg_target *t, const char *path, sg_error *err)
{
    const char *base = strrchr(t->path, '/');
    base = base ? base + 1 : t->path;
    const char *dot = strrchr(base, '.');
    t->format = SG_FORMAT_GRAPHML;
    if (!path || !dot || !sg_format_from_path(&t->format, path))
        return 0;
    if (!strcmp(dot, ".pairs")) {
        t->kind = SG_TARGET_COUNTS;
        return 0;
    }
    if ((t->picture = sg_render_format_from_path(path))) {
        t->kind = SG_TARGET_PICTURE;
        return 0;
    }
    if (csv_name(path))
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1,
                            "'%.200s': CSV is two tables, nodes.csv and edges.csv, written into "
                            "a directory: use -f csv -o DIR",
                            path);
    return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1,
                        "cannot tell the format from '%.200s' (.graphml, .dot, .gv, .gexf, "
                        ".json, .svg, .png, .pdf, .html or .pairs; or use -f)",
                        path);
}

int sg_target_new(sg_target **out, const char *path, const char *format, sg_error *err)
{
    sg_target *t = calloc(1, sizeof(*t));
    if (!t || !(t->path = sg_strdup(path ? path : "-"))) {
        free(t);
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    }
    int rc = 0;
    if (format && kind_of(t, format))
        rc = sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1,
                          "unknown format '%.200s' (graphml, dot, gexf, json, csv, svg, png, "
                          "pdf, html or pairs)",
                          format);
    else if (format && is_csv(t))
        rc = csv_directory(t->path, err);
    else if (!format)
        rc = kind_from_path(t, path, err);
    if (rc) {
        sg_target_free(t);
        return rc;
    }
    *out = t;
    return 0;
}

int sg_target_new_like(sg_target **out, const sg_target *like, const char *path, sg_error *err)
{
    return sg_target_new(out, path, sg_target_format(like), err);
}

int sg_target_holds_periods(const sg_target *t)
{
    return (t->kind == SG_TARGET_NETWORK && t->format == SG_FORMAT_GEXF) || sg_target_is_view(t);
}

int sg_target_is_view(const sg_target *t)
{
    return t->kind == SG_TARGET_PICTURE && !strcmp(t->picture, "html");
}

int sg_targets_view_check(sg_target *const *t, size_t n, sg_error *err)
{
    for (size_t i = 0; i < n; i++)
        if (t[i] && sg_target_is_view(t[i]) && sg_view_check(err)) {
            snprintf(err->file, sizeof(err->file), "%s", t[i]->path);
            return SG_ERR_INVALID;
        }
    return SG_OK;
}

int sg_targets_view_units(sg_target *const *t, size_t n, size_t per_edge, sg_unit_store **units)
{
    *units = NULL;
    for (size_t i = 0; i < n; i++) {
        if (!t[i] || !sg_target_is_view(t[i]))
            continue;
        if (!*units && !(*units = sg_unit_store_new(per_edge)))
            return SG_ERR_NOMEM;
        t[i]->units = *units;
    }
    return SG_OK;
}

void sg_target_set_units(sg_target *t, const sg_unit_store *units)
{
    t->units = units;
}

sg_target_kind sg_target_kind_of(const sg_target *t)
{
    return t->kind;
}

const char *sg_target_path(const sg_target *t)
{
    return t->path;
}

const char *sg_target_format(const sg_target *t)
{
    if (t->kind == SG_TARGET_COUNTS)
        return "pairs";
    if (t->kind == SG_TARGET_PICTURE)
        return t->picture;
    return (size_t)t->format < sizeof(format_names) / sizeof(*format_names)
               ? format_names[t->format]
               : "graphml";
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

/* Makes the directory if needed and opens DIR/nodes.csv and DIR/edges.csv. */
static int open_csv(sg_target *t, sg_error *err)
{
    struct stat st;
    if (mkdir(t->path, 0777) == 0)
        t->made_dir = 1;
    else if (errno != EEXIST)
        return sg_error_set(err, SG_ERR_IO, t->path, 0, -1, "cannot make the directory: %s",
                            strerror(errno));
    else if (stat(t->path, &st) != 0 || !S_ISDIR(st.st_mode))
        return sg_error_set(err, SG_ERR_IO, t->path, 0, -1,
                            "not a directory (-f csv writes nodes.csv and edges.csv into one)");
    if (!(t->csv_paths[0] = join(t->path, "nodes.csv")) ||
        !(t->csv_paths[1] = join(t->path, "edges.csv")))
        return sg_error_set(err, SG_ERR_NOMEM, t->path, 0, -1, "out of memory");
    int rc = sg_output_open(&t->out, t->csv_paths[0], err);
    return rc ? rc : sg_output_open(&t->edges_out, t->csv_paths[1], err);
}

int sg_target_open(sg_target *t, sg_error *err)
{
    return is_csv(t) ? open_csv(t, err) : sg_output_open(&t->out, t->path, err);
}

/* Forgets the CSV file names; the directory now stays. */
static void release(sg_target *t)
{
    free(t->csv_paths[0]);
    free(t->csv_paths[1]);
    t->csv_paths[0] = t->csv_paths[1] = NULL;
    t->made_dir = 0;
}

void sg_target_free(sg_target *t)
{
    if (!t)
        return;
    sg_output_abort(t->out);
    sg_output_abort(t->edges_out);
    if (t->made_dir) /* only when empty: a table committed before a failure stays */
        rmdir(t->path);
    release(t);
    free(t->path);
    free(t);
}

int sg_target_write(sg_target *t, const sg_graph *g, const sg_extractor *ex,
                    const sg_render_options *ro, const sg_timeline *timeline, sg_error *err)
{
    if (!t->out)
        return sg_error_set(err, SG_ERR_INVALID, t->path, 0, -1, "not open");
    FILE *f = sg_output_stream(t->out);
    const char *where = t->path;
    int rc;
    if (t->kind == SG_TARGET_COUNTS)
        rc = sg_extractor_write_counts(ex, f, err);
    else if (t->kind == SG_TARGET_PICTURE && !strcmp(t->picture, "html")) {
        sg_view_sources src = {ex, t->units, timeline};
        rc = sg_view_write(g, ro, &src, f, err);
    } else if (t->kind == SG_TARGET_PICTURE)
        rc = sg_render(g, t->picture, ro, f, err);
    else if (t->format == SG_FORMAT_GEXF)
        rc = sg_export_gexf(g, timeline, f, err);
    else if (t->format != SG_FORMAT_CSV)
        rc = sg_export(g, t->format, f, err);
    else {
        where = t->csv_paths[0];
        rc = sg_export_csv_nodes(g, f, err);
        if (!rc) {
            where = t->csv_paths[1];
            rc = sg_export_csv_edges(g, sg_output_stream(t->edges_out), err);
        }
    }
    if (rc && err && !err->file[0])
        snprintf(err->file, sizeof(err->file), "%s", where);
    return rc;
}

int sg_targets_commit(sg_target *const *t, size_t n, sg_output **rows, size_t nrows, sg_error *err)
{
    size_t total = 2 * n + nrows;
    sg_output **all = sg_alloc_array(total + 1, sizeof(*all));
    if (!all)
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    /* one set: every file new, or (when one cannot be renamed) every file as before */
    for (size_t i = 0; i < n; i++) {
        all[2 * i] = t[i]->out;
        all[2 * i + 1] = t[i]->edges_out;
        t[i]->out = t[i]->edges_out = NULL;
    }
    for (size_t i = 0; i < nrows; i++) {
        all[2 * n + i] = rows[i];
        rows[i] = NULL;
    }
    int rc = sg_outputs_commit(all, total, err);
    free(all);
    for (size_t i = 0; !rc && i < n; i++)
        release(t[i]); /* (on failure, freeing the targets removes their directories) */
    return rc;
}

int sg_graph_write(const sg_graph *g, const char *path, const char *format,
                   const sg_render_options *ro, const sg_timeline *timeline, sg_error *err)
{
    sg_target *t = NULL;
    int rc = sg_target_new(&t, path, format, err);
    if (!rc && sg_target_kind_of(t) == SG_TARGET_COUNTS)
        rc = sg_error_set(err, SG_ERR_INVALID, path, 0, -1,
                          "counts come from an extractor, not from a graph");
    if (!rc)
        rc = sg_target_open(t, err);
    if (!rc)
        rc = sg_target_write(t, g, NULL, ro, timeline, err);
    if (!rc)
        rc = sg_targets_commit(&t, 1, NULL, 0, err);
    sg_target_free(t);
    return rc;
}
