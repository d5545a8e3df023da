/* Output files written completely or not at all (SPEC §6): a temporary file
 * beside the target, renamed over it only once every byte is on disk. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sg_internal.h"
#include "stakegraph/export.h"

struct sg_output {
    FILE *f;
    char *path; /* final path */
    char *tmp;  /* temporary path, NULL when writing in place */
    int is_stdout;
    int tmp_made; /* the temporary file exists and must go on abort */
};

/* Special files are written in place: devices, pipes, and anything under /dev
 * or /proc (/dev/stdout is a link to whatever descriptor 1 is, even a regular
 * file, and must never be replaced). */
static int in_place(const char *path, const struct stat *st, int exists)
{
    return !strncmp(path, "/dev/", 5) || !strncmp(path, "/proc/", 6) ||
           (exists && !S_ISREG(st->st_mode));
}

/* Opens a temporary file beside `target` (the file itself, not a link to it). */
static int open_temporary(sg_output *o, const char *target, const struct stat *st, int exists)
{
    size_t n = strlen(target) + 16;
    free(o->path);
    o->path = sg_strdup(target);
    o->tmp = malloc(n);
    if (!o->path || !o->tmp)
        return SG_ERR_NOMEM;
    snprintf(o->tmp, n, "%s.tmpXXXXXX", target);
    int fd = mkstemp(o->tmp);
    if (fd < 0)
        return SG_ERR_IO;
    o->tmp_made = 1;
    /* mkstemp makes 0600; keep the mode of the file we replace, else 0644 */
    fchmod(fd, exists ? (st->st_mode & 07777) : 0644);
    o->f = fdopen(fd, "wb");
    if (!o->f) {
        close(fd);
        return SG_ERR_IO;
    }
    return 0;
}

int sg_output_open(sg_output **out, const char *path, sg_error *err)
{
    sg_output *o = calloc(1, sizeof(*o));
    if (!o || !(o->path = sg_strdup(path))) {
        free(o);
        return sg_error_set(err, SG_ERR_NOMEM, path, 0, -1, "out of memory");
    }
    struct stat st;
    int exists = stat(path, &st) == 0, rc = 0;
    char *real = NULL;
    if (!strcmp(path, "-")) {
        o->f = stdout;
        o->is_stdout = 1;
    } else if (exists && S_ISDIR(st.st_mode)) {
        sg_output_abort(o);
        return sg_error_set(err, SG_ERR_IO, path, 0, -1, "is a directory");
    } else if (in_place(path, &st, exists)) {
        o->f = fopen(path, "wb");
    } else {
        /* a symbolic link stays a link: the file it points to is replaced */
        real = exists ? realpath(path, NULL) : NULL;
        rc = open_temporary(o, real ? real : path, &st, exists);
    }
    int e = errno;
    free(real);
    if (rc == SG_ERR_NOMEM) {
        sg_output_abort(o);
        return sg_error_set(err, rc, path, 0, -1, "out of memory");
    }
    if (!o->f) {
        sg_output_abort(o);
        return sg_error_set(err, SG_ERR_IO, path, 0, -1, "cannot write: %s", strerror(e));
    }
    *out = o;
    return 0;
}

FILE *sg_output_stream(sg_output *o)
{
    return o->f;
}

static void release(sg_output *o)
{
    free(o->path);
    free(o->tmp);
    free(o);
}

int sg_output_flush(sg_output *o, sg_error *err)
{
    int failed = ferror(o->f) || fflush(o->f) != 0;
    int e = errno;
    if (!failed && o->tmp && fsync(fileno(o->f)) != 0 && errno != EINVAL) {
        failed = 1;
        e = errno;
    }
    if (failed)
        return sg_error_set(err, SG_ERR_IO, o->path, 0, -1, "cannot write: %s",
                            e ? strerror(e) : "write error");
    return 0;
}

int sg_output_commit(sg_output *o, sg_error *err)
{
    int failed = ferror(o->f) || fflush(o->f) != 0;
    int e = errno;
    if (!o->is_stdout) {
        if (!failed && o->tmp && fsync(fileno(o->f)) != 0 && errno != EINVAL) {
            failed = 1;
            e = errno;
        }
        if (fclose(o->f) != 0 && !failed) {
            failed = 1;
            e = errno;
        }
    }
    o->f = NULL;
    if (!failed && o->tmp && rename(o->tmp, o->path) != 0) {
        failed = 1;
        e = errno;
    }
    if (failed) {
        if (o->tmp)
            unlink(o->tmp);
        sg_error_set(err, SG_ERR_IO, o->path, 0, -1, "cannot write: %s",
                     e ? strerror(e) : "write error");
        release(o);
        return SG_ERR_IO;
    }
    release(o);
    return 0;
}

void sg_output_abort(sg_output *o)
{
    if (!o)
        return;
    if (o->f && !o->is_stdout)
        fclose(o->f);
    if (o->tmp && o->tmp_made)
        unlink(o->tmp);
    release(o);
}

int sg_export_file(const sg_graph *g, sg_format fmt, const char *path, sg_error *err)
{
    sg_output *o = NULL;
    int rc = sg_output_open(&o, path, err);
    if (rc)
        return rc;
    rc = sg_export(g, fmt, sg_output_stream(o), err);
    if (rc) {
        sg_output_abort(o);
        if (err && !err->file[0])
            snprintf(err->file, sizeof(err->file), "%s", path);
        return rc;
    }
    return sg_output_commit(o, err);
}

int sg_format_parse(sg_format *out, const char *name)
{
    if (!strcmp(name, "graphml"))
        *out = SG_FORMAT_GRAPHML;
    else if (!strcmp(name, "dot") || !strcmp(name, "gv"))
        *out = SG_FORMAT_DOT;
    else if (!strcmp(name, "gexf"))
        *out = SG_FORMAT_GEXF;
    else if (!strcmp(name, "json"))
        *out = SG_FORMAT_JSON;
    else if (!strcmp(name, "csv"))
        *out = SG_FORMAT_CSV;
    else
        return SG_ERR_INVALID;
    return 0;
}

int sg_format_from_path(sg_format *out, const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return SG_ERR_INVALID;
    if (!strcmp(dot, ".graphml") || !strcmp(dot, ".xml"))
        *out = SG_FORMAT_GRAPHML;
    else if (!strcmp(dot, ".dot") || !strcmp(dot, ".gv"))
        *out = SG_FORMAT_DOT;
    else if (!strcmp(dot, ".gexf"))
        *out = SG_FORMAT_GEXF;
    else if (!strcmp(dot, ".json"))
        *out = SG_FORMAT_JSON;
    else
        return SG_ERR_INVALID;
    return 0;
}

int sg_export(const sg_graph *g, sg_format fmt, FILE *f, sg_error *err)
{
    switch (fmt) {
    case SG_FORMAT_GRAPHML: return sg_export_graphml(g, f, err);
    case SG_FORMAT_DOT: return sg_export_dot(g, f, err);
    case SG_FORMAT_GEXF: return sg_export_gexf(g, NULL, f, err);
    case SG_FORMAT_JSON: return sg_export_json(g, f, err);
    case SG_FORMAT_CSV:
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1,
                            "CSV is two tables: write them with sg_export_csv_nodes and "
                            "sg_export_csv_edges");
    default: return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "unknown format");
    }
}
