/* Helpers of the targets that export networks: in-memory exports, a
 * scratch file for the GraphML reader (which reads a path), and round trips
 * through stakegraph's own GraphML reader and Graphviz's DOT parser. */
#ifndef SG_FUZZ_GRAPH_H
#define SG_FUZZ_GRAPH_H

#include <graphviz/cgraph.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "stakegraph/stakegraph.h"

static char fuzz_dir[4096], fuzz_scratch[4200];

static inline void fuzz_scratch_remove(void)
{
    unlink(fuzz_scratch);
    rmdir(fuzz_dir);
}

/* A file in a private directory (created once per process), for the GraphML
 * reader, which reads a path. The file is removed after each read and the
 * directory at exit (libFuzzer ends without exit handlers: an empty
 * directory may stay behind after a fuzzing run). */
static inline const char *fuzz_scratch_path(void)
{
    if (!fuzz_dir[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(fuzz_dir, sizeof(fuzz_dir), "%s/sgfuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
        FUZZ_CHECK(mkdtemp(fuzz_dir) != NULL);
        snprintf(fuzz_scratch, sizeof(fuzz_scratch), "%s/in.graphml", fuzz_dir);
        atexit(fuzz_scratch_remove);
    }
    return fuzz_scratch;
}

static inline void fuzz_write_scratch(const void *data, size_t len)
{
    FILE *f = fopen(fuzz_scratch_path(), "wb");
    FUZZ_CHECK(f != NULL);
    FUZZ_CHECK(fwrite(data, 1, len, f) == len || len == 0);
    FUZZ_CHECK(fclose(f) == 0);
}

/* Reads the scratch file with stakegraph's GraphML reader, then removes it. */
static inline int fuzz_read_scratch(sg_graph **g, sg_error *err)
{
    int rc = sg_graph_read_graphml(g, fuzz_scratch_path(), err);
    unlink(fuzz_scratch);
    return rc;
}

/* Exports `g` into memory; returns the NUL-terminated bytes (caller frees). */
static inline char *fuzz_export_mem(const sg_graph *g, sg_format fmt, size_t *len)
{
    char *buf = NULL;
    sg_error err;
    FILE *f = open_memstream(&buf, len);
    FUZZ_CHECK(f != NULL);
    int rc = sg_export(g, fmt, f, &err);
    FUZZ_CHECK(fclose(f) == 0);
    FUZZ_CHECK(rc == SG_OK);
    return buf;
}

/* Parses DOT with Graphviz; returns 0 and the counts, or -1. */
static inline int fuzz_dot_counts(const char *dot, size_t *nodes, size_t *edges)
{
    Agraph_t *dg = agmemread(dot);
    if (!dg)
        return -1;
    *nodes = (size_t)agnnodes(dg);
    *edges = (size_t)agnedges(dg);
    agclose(dg);
    return 0;
}

static inline int fuzz_streq(const char *a, const char *b)
{
    return (!a && !b) || (a && b && !strcmp(a, b));
}

/* Two networks with the same nodes (ids, labels, types), edges and weights. */
static inline void fuzz_check_same(const sg_graph *a, const sg_graph *b)
{
    size_t n = sg_graph_node_count(a), m = sg_graph_edge_count(a);
    FUZZ_CHECK(sg_graph_node_count(b) == n);
    FUZZ_CHECK(sg_graph_edge_count(b) == m);
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(fuzz_streq(sg_graph_node_id(a, i), sg_graph_node_id(b, i)));
        FUZZ_CHECK(fuzz_streq(sg_graph_node_label(a, i), sg_graph_node_label(b, i)));
        FUZZ_CHECK(fuzz_streq(sg_graph_node_type(a, i), sg_graph_node_type(b, i)));
        FUZZ_CHECK(sg_graph_node_mentions(a, i) == sg_graph_node_mentions(b, i));
    }
    for (size_t e = 0; e < m; e++) {
        size_t s1, t1, s2, t2;
        double w1, w2;
        sg_graph_edge(a, e, &s1, &t1, &w1, NULL);
        sg_graph_edge(b, e, &s2, &t2, &w2, NULL);
        FUZZ_CHECK(s1 == s2 && t1 == t2 && w1 == w2);
    }
}

typedef int (*fuzz_writer)(const sg_graph *, FILE *, sg_error *);

static inline int fuzz_gexf_static(const sg_graph *g, FILE *f, sg_error *err)
{
    return sg_export_gexf(g, NULL, f, err);
}

/* Writes `g` with `fn` into memory: valid UTF-8 without a NUL (caller frees). */
static inline char *fuzz_write_text(fuzz_writer fn, const sg_graph *g, size_t *len)
{
    char *buf = NULL;
    sg_error err;
    FILE *f = open_memstream(&buf, len);
    FUZZ_CHECK(f != NULL);
    int rc = fn(g, f, &err);
    FUZZ_CHECK(fclose(f) == 0);
    FUZZ_CHECK(rc == SG_OK);
    FUZZ_CHECK(strlen(buf) == *len && fuzz_utf8_valid(buf, *len));
    return buf;
}

/* JSON, CSV and GEXF (SPEC §11): the JSON parses with one node and one link
 * per node and edge; the GEXF holds no character XML forbids; the CSV tables
 * have a header line. */
static inline void fuzz_check_other_formats(const sg_graph *g)
{
    size_t len;
    char *json = fuzz_write_text(sg_export_json, g, &len);
    json_error_t jerr;
    json_t *root = json_loadb(json, len, 0, &jerr);
    if (!root)
        fprintf(stderr, "our JSON does not parse: %s\n%.4000s\n", jerr.text, json);
    FUZZ_CHECK(root != NULL);
    FUZZ_CHECK(json_array_size(json_object_get(root, "nodes")) == sg_graph_node_count(g));
    FUZZ_CHECK(json_array_size(json_object_get(root, "links")) == sg_graph_edge_count(g));
    json_decref(root);
    free(json);
    char *gexf = fuzz_write_text(fuzz_gexf_static, g, &len);
    const unsigned char *u = (const unsigned char *)gexf;
    for (size_t i = 0; i < len; i++) {
        FUZZ_CHECK(u[i] >= 0x20 || u[i] == '\t' || u[i] == '\n' || u[i] == '\r');
        FUZZ_CHECK(!(u[i] == 0xEF && i + 2 < len && u[i + 1] == 0xBF &&
                     (u[i + 2] == 0xBE || u[i + 2] == 0xBF)));
    }
    FUZZ_CHECK(len > 8 && !strcmp(gexf + len - 8, "</gexf>\n"));
    free(gexf);
    char *nodes = fuzz_write_text(sg_export_csv_nodes, g, &len);
    FUZZ_CHECK(!strncmp(nodes, "id,label,type,mentions,documents", 32));
    free(nodes);
    char *edges = fuzz_write_text(sg_export_csv_edges, g, &len);
    FUZZ_CHECK(!strncmp(edges, "source,target,weight,documents,first_documents", 46));
    free(edges);
}

/* Writes `g` as GraphML, DOT, JSON, CSV and GEXF and checks them. With
 * `read_back`, also reads the GraphML back with stakegraph (same network) and
 * the DOT with Graphviz (same numbers of nodes and edges). */
static inline void fuzz_check_exports(const sg_graph *g, int read_back)
{
    size_t len = 0, dlen = 0, dn = 0, de = 0;
    char *xml = fuzz_export_mem(g, SG_FORMAT_GRAPHML, &len);
    fuzz_check_graphml(xml, len);
    char *dot = fuzz_export_mem(g, SG_FORMAT_DOT, &dlen);
    FUZZ_CHECK(strlen(dot) == dlen);
    fuzz_check_other_formats(g);
    if (read_back) {
        sg_graph *back = NULL;
        sg_error err;
        fuzz_write_scratch(xml, len);
        int rc = fuzz_read_scratch(&back, &err);
        if (rc)
            fprintf(stderr, "reading our own GraphML back: %s\n%.4000s\n", err.message, xml);
        FUZZ_CHECK(rc == SG_OK);
        fuzz_check_same(g, back);
        sg_graph_free(back);
        FUZZ_CHECK(fuzz_dot_counts(dot, &dn, &de) == 0);
        FUZZ_CHECK(dn == sg_graph_node_count(g));
        FUZZ_CHECK(de == sg_graph_edge_count(g));
    }
    free(xml);
    free(dot);
}

#endif
