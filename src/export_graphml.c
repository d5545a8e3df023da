/* GraphML for Gephi, networkx, igraph and Cytoscape (SPEC §6): typed keys
 * for nodes and edges only, label and name on nodes, weight as a double. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "sg_internal.h"
#include "stakegraph/export.h"
#include "xmlesc.h"

static void key(FILE *f, const char *id, const char *domain, const char *name, const char *type)
{
    fprintf(f, "  <key id=\"%s\" for=\"%s\" attr.name=\"", id, domain);
    sg_xml_write(f, name);
    fprintf(f, "\" attr.type=\"%s\"/>\n", type);
}

static void data_str(FILE *f, const char *key_id, const char *value)
{
    fprintf(f, "      <data key=\"%s\">", key_id);
    sg_xml_write(f, value);
    fputs("</data>\n", f);
}

static void write_keys(const sg_graph *g, FILE *f)
{
    key(f, "v_label", "node", "label", "string");
    key(f, "v_name", "node", "name", "string");
    key(f, "v_type", "node", "type", "string");
    key(f, "v_mentions", "node", "mentions", "int");
    key(f, "v_documents", "node", "documents", "int");
    for (size_t a = 0; a < sg_graph_attr_count(g); a++) {
        char id[32];
        snprintf(id, sizeof(id), "v_attr%zu", a);
        key(f, id, "node", sg_graph_attr_name(g, a), "string");
    }
    key(f, "e_weight", "edge", "weight", "double");
    key(f, "e_documents", "edge", "documents", "int");
}

static void write_node(const sg_graph *g, size_t i, FILE *f)
{
    fputs("    <node id=\"", f);
    sg_xml_write(f, sg_graph_node_id(g, i));
    fputs("\">\n", f);
    data_str(f, "v_label", sg_graph_node_label(g, i));
    data_str(f, "v_name", sg_graph_node_label(g, i));
    data_str(f, "v_type", sg_graph_node_type(g, i));
    fprintf(f, "      <data key=\"v_mentions\">%ld</data>\n", sg_graph_node_mentions(g, i));
    fprintf(f, "      <data key=\"v_documents\">%ld</data>\n", sg_graph_node_documents(g, i));
    for (size_t a = 0; a < sg_graph_attr_count(g); a++) {
        const char *v = sg_graph_node_attr(g, i, a);
        if (!v)
            continue;
        char id[32];
        snprintf(id, sizeof(id), "v_attr%zu", a);
        data_str(f, id, v);
    }
    fputs("    </node>\n", f);
}

int sg_export_graphml(const sg_graph *g, FILE *f, sg_error *err)
{
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
          "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
          "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
          "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
          f);
    write_keys(g, f);
    fputs("  <graph id=\"G\" edgedefault=\"undirected\">\n", f);
    for (size_t i = 0; i < sg_graph_node_count(g); i++)
        write_node(g, i, f);
    for (size_t e = 0; e < sg_graph_edge_count(g); e++) {
        size_t s, t;
        double w;
        long docs;
        char num[64];
        sg_graph_edge(g, e, &s, &t, &w, &docs);
        sg_format_double(num, sizeof(num), w);
        fputs("    <edge source=\"", f);
        sg_xml_write(f, sg_graph_node_id(g, s));
        fputs("\" target=\"", f);
        sg_xml_write(f, sg_graph_node_id(g, t));
        fprintf(f, "\">\n      <data key=\"e_weight\">%s</data>\n", num);
        fprintf(f, "      <data key=\"e_documents\">%ld</data>\n    </edge>\n", docs);
    }
    fputs("  </graph>\n</graphml>\n", f);
    if (ferror(f) || fflush(f) != 0)
        return sg_error_set(err, SG_ERR_IO, NULL, 0, -1, "cannot write: %s",
                            strerror(errno ? errno : EIO));
    return 0;
}
