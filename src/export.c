/* The formats: their names, the extensions that stand for them, and the
 * dispatch to each format's writer. */
#include <stdio.h>
#include <string.h>

#include "sg_internal.h"
#include "stakegraph/export.h"

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
