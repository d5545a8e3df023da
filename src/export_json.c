/* networkx node-link JSON (SPEC §11): {"directed": false, "multigraph":
 * false, "graph": {...}, "nodes": [{"id": ..., ...}], "links": [{"source":
 * ..., "target": ..., ...}], "edges": [the same]}, which
 * networkx.node_link_graph reads as it is: before networkx 3.6 from "links",
 * from 3.6 on from "edges" (issue 17).
 *
 * jansson (which writes every JSON of the library here; jsonl.c reads
 * corpora with it) encodes every string and every real; the writer streams
 * the document, one node or link a line, instead of building it with
 * json_object: a DOM of a million links would take gigabytes, and one dump
 * gives every real the same precision (17 digits: 238.96000000000001), where
 * each value here gets the fewest digits that read back as the same double
 * (as in GraphML and CSV). Keys come in a fixed order, so the bytes depend
 * only on the graph.
 *
 * Key names never repeat: as in GraphML, a gazetteer column or a numeric
 * column named like a fixed key (nodes: id, label, type, mentions,
 * documents; links: source, target, weight, documents, first_documents) is
 * left out, and so is a gazetteer column that a numeric column of the same
 * name replaces. An absent gazetteer value is an absent key; integers are
 * JSON integers; a non-finite number (never stored, but foreign graphs...)
 * is left out, as JSON cannot write it. */
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "stakegraph/analysis.h"
#include "stakegraph/export.h"
#include "xmlesc.h"

static const char *const node_fixed[] = {"id", "label", "type", "mentions", "documents", NULL};
static const char *const edge_fixed[] = {"source",    "target",          "weight",
                                         "documents", "first_documents", NULL};

static int is_fixed(sg_domain d, const char *name)
{
    return sg_name_listed(d == SG_NODES ? node_fixed : edge_fixed, name);
}

typedef struct {
    FILE *f;
    int failed; /* out of memory, or jansson could not write */
} writer;

/* How the writing ended: 0, SG_ERR_NOMEM (jansson could not make a value)
 * or SG_ERR_IO (the stream failed; the caller clears errno before writing, so
 * that it says why). */
static int written(writer *w, sg_error *err)
{
    if (w->failed && !ferror(w->f))
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    if (ferror(w->f) || fflush(w->f) != 0)
        return sg_error_set(err, SG_ERR_IO, NULL, 0, -1, "cannot write: %s",
                            strerror(errno ? errno : EIO));
    return 0;
}

/* A JSON string; jansson refuses invalid UTF-8, which becomes U+FFFD. */
static void string(writer *w, const char *s)
{
    json_t *v = json_string(s);
    if (!v) {
        char *clean = sg_utf8_clean(s);
        v = clean ? json_string(clean) : NULL;
        free(clean);
    }
    if (!v || json_dumpf(v, w->f, JSON_ENCODE_ANY))
        w->failed = 1;
    json_decref(v);
}

/* ", "key": " (no comma before the first key of an object). */
static void key(writer *w, const char *k, int first)
{
    if (!first)
        fputs(", ", w->f);
    string(w, k);
    fputs(": ", w->f);
}

static void integer(writer *w, long long v)
{
    fprintf(w->f, "%lld", v);
}

/* A real with the fewest significant digits (15 to 17) that read back as v;
 * jansson adds ".0" to an integral value, so that it stays a real. */
static void real(writer *w, double v)
{
    int prec = 15;
    char tmp[64];
    if (v == 0)
        v = 0; /* not -0.0 */
    for (; prec < 17; prec++) {
        snprintf(tmp, sizeof(tmp), "%.*g", prec, v);
        if (strtod(tmp, NULL) == v) /* (same locale both ways) */
            break;
    }
    json_t *j = json_real(v);
    if (!j || json_dumpf(j, w->f, JSON_ENCODE_ANY | JSON_REAL_PRECISION(prec)))
        w->failed = 1;
    json_decref(j);
}

/* A finite value: an integer for an integer column (when it fits in 64
 * bits), else a real. */
static void number(writer *w, double v, int is_int)
{
    if (is_int && fabs(v) < SG_INT64_LIMIT)
        integer(w, (long long)v);
    else
        real(w, v);
}

/* A column value: an integer for an integer column (when it fits), else a
 * real; nothing (not even the key) when it is not finite. */
static void column(writer *w, const char *name, double v, int is_int)
{
    if (!isfinite(v))
        return;
    key(w, name, 0);
    number(w, v, is_int);
}

static void columns(writer *w, const sg_graph *g, sg_domain d, size_t i)
{
    for (size_t c = 0; c < sg_graph_column_count(g, d); c++) {
        const char *name = sg_graph_column_name(g, d, c);
        if (!is_fixed(d, name))
            column(w, name, sg_graph_column_value(g, d, c, i), sg_graph_column_is_int(g, d, c));
    }
}

static void node(writer *w, const sg_graph *g, size_t i, const unsigned char *attr_written)
{
    fputs("  {", w->f);
    key(w, "id", 1);
    string(w, sg_graph_node_id(g, i));
    key(w, "label", 0);
    string(w, sg_graph_node_label(g, i));
    key(w, "type", 0);
    string(w, sg_graph_node_type(g, i));
    key(w, "mentions", 0);
    integer(w, sg_graph_node_mentions(g, i));
    key(w, "documents", 0);
    integer(w, sg_graph_node_documents(g, i));
    for (size_t a = 0; a < sg_graph_attr_count(g); a++) {
        const char *v = sg_graph_node_attr(g, i, a);
        if (v && attr_written[a]) {
            key(w, sg_graph_attr_name(g, a), 0);
            string(w, v);
        }
    }
    columns(w, g, SG_NODES, i);
    fputc('}', w->f);
}

static void link(writer *w, const sg_graph *g, size_t e)
{
    size_t s, t;
    double weight;
    long docs;
    const char *const *names;
    sg_graph_edge(g, e, &s, &t, &weight, &docs);
    fputs("  {", w->f);
    key(w, "source", 1);
    string(w, sg_graph_node_id(g, s));
    key(w, "target", 0);
    string(w, sg_graph_node_id(g, t));
    key(w, "weight", 0);
    real(w, isfinite(weight) ? weight : 0);
    key(w, "documents", 0);
    integer(w, docs);
    size_t k = sg_graph_edge_first_documents(g, e, &names);
    if (k) {
        key(w, "first_documents", 0);
        fputc('[', w->f);
        for (size_t j = 0; j < k; j++) {
            if (j)
                fputs(", ", w->f);
            string(w, names[j]);
        }
        fputc(']', w->f);
    }
    columns(w, g, SG_EDGES, e);
    fputc('}', w->f);
}

int sg_export_json(const sg_graph *g, FILE *f, sg_error *err)
{
    writer w = {f, 0};
    size_t nattr = sg_graph_attr_count(g);
    unsigned char *attr_written = calloc(nattr + 1, 1);
    if (!attr_written)
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    for (size_t a = 0; a < nattr; a++)
        attr_written[a] = (unsigned char)sg_attr_written(g, a, node_fixed);
    errno = 0;
    fputs("{\"directed\": false, \"multigraph\": false, \"graph\": {", f);
    int first = 1;
    if (sg_graph_units(g) > 0) {
        key(&w, "units", 1);
        integer(&w, sg_graph_units(g));
        first = 0;
    }
    for (size_t i = 0; i < sg_graph_meta_count(g); i++)
        if (strcmp(sg_graph_meta_key(g, i), "units")) {
            key(&w, sg_graph_meta_key(g, i), first);
            string(&w, sg_graph_meta_value(g, i));
            first = 0;
        }
    fputs("},\n\"nodes\": [", f);
    for (size_t i = 0; i < sg_graph_node_count(g) && !w.failed && !ferror(f); i++) {
        fputs(i ? ",\n" : "\n", f);
        node(&w, g, i, attr_written);
    }
    /* the edges twice: networkx before 3.6 reads "links", 3.6 and later
     * "edges", and the README's one-liner must read the file in both */
    static const char *const lists[] = {"\n],\n\"links\": [", "\n],\n\"edges\": ["};
    for (size_t l = 0; l < 2; l++) {
        fputs(lists[l], f);
        for (size_t e = 0; e < sg_graph_edge_count(g) && !w.failed && !ferror(f); e++) {
            fputs(e ? ",\n" : "\n", f);
            link(&w, g, e);
        }
    }
    fputs("\n]}\n", f);
    free(attr_written);
    return written(&w, err);
}

/* A summary's number: null when not finite (JSON has no inf: a sum of weights
 * of 1e308). */
static void summary_real(writer *w, double v)
{
    if (isfinite(v))
        real(w, v);
    else
        fputs("null", w->f);
}

/* A node's value in column `name`: an integer for an integer column, 0 when
 * the column is missing. */
static void node_value(writer *w, const sg_graph *g, const char *name, size_t i)
{
    long c = sg_graph_column_find(g, SG_NODES, name);
    double v = c < 0 ? 0 : sg_graph_column_value(g, SG_NODES, (size_t)c, i);
    if (isfinite(v))
        number(w, v, c >= 0 && sg_graph_column_is_int(g, SG_NODES, (size_t)c));
    else
        fputs("null", w->f);
}

int sg_graph_summary_write_json(const sg_graph *g, const sg_graph_summary *s, size_t top, FILE *f,
                                sg_error *err)
{
    writer w = {f, 0};
    size_t n = sg_graph_node_count(g);
    size_t *order = sg_alloc_array(n + 1, sizeof(size_t));
    if (!order)
        return sg_error_set(err, SG_ERR_NOMEM, NULL, 0, -1, "out of memory");
    errno = 0;
    fprintf(f, "{\"nodes\": %zu, \"edges\": %zu, \"density\": ", s->nodes, s->edges);
    summary_real(&w, s->density);
    fputs(", \"total_weight\": ", f);
    summary_real(&w, s->total_weight);
    fprintf(f, ", \"components\": %zu, \"isolated\": %zu, \"communities\": %zu", s->components,
            s->isolated, s->communities);
    fputs(", \"modularity\": ", f);
    summary_real(&w, s->modularity);
    for (size_t i = 0; i < sg_graph_meta_count(g); i++) {
        key(&w, sg_graph_meta_key(g, i), 0);
        string(&w, sg_graph_meta_value(g, i));
    }
    fputs(", \"top\": {", f);
    const char *m;
    int first = 1;
    for (size_t k = 0; (m = sg_centrality_name(k)) && !w.failed; k++) {
        if (sg_graph_column_find(g, SG_NODES, m) < 0) /* not computed (--no-betweenness...) */
            continue;
        key(&w, m, first);
        first = 0;
        fputc('[', f);
        int rc = sg_graph_rank_nodes(g, m, order);
        if (rc) {
            free(order);
            if (rc == SG_ERR_INVALID)
                return sg_error_set(err, rc, NULL, 0, -1, "no node attribute '%s'", m);
            return sg_error_set(err, rc, NULL, 0, -1, "out of memory");
        }
        for (size_t r = 0; r < top && r < n && !w.failed; r++) {
            fputs(r ? ", {" : "{", f);
            key(&w, "id", 1);
            string(&w, sg_graph_node_id(g, order[r]));
            key(&w, "label", 0);
            string(&w, sg_graph_node_label(g, order[r]));
            key(&w, "value", 0);
            node_value(&w, g, m, order[r]);
            key(&w, "community", 0);
            node_value(&w, g, "community", order[r]);
            fputc('}', f);
        }
        fputc(']', f);
    }
    fputs("}}\n", f);
    free(order);
    return written(&w, err);
}

char *sg_json_evidence_line(const sg_cooccurrence *c, const char *doc, const char *snippet)
{
    json_t *o =
        json_pack("{s:s, s:s, s:s, s:I, s:I, s:I, s:I, s:I, s:I, s:s}", "source", c->source,
                  "target", c->target, "doc", doc, "start", (json_int_t)c->start, "end",
                  (json_int_t)c->end, "source_start", (json_int_t)c->source_start, "source_end",
                  (json_int_t)c->source_end, "target_start", (json_int_t)c->target_start,
                  "target_end", (json_int_t)c->target_end, "snippet", snippet);
    char *line = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    json_decref(o);
    return line;
}
