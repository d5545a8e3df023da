/* CSV, JSON and GEXF writers, and first_documents in GraphML (SPEC §6, §11):
 * exact bytes where the format is ours to choose, values read back where a
 * reader decides (jansson for JSON; tests/checks/check_gexf.py and networkx for GEXF). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <jansson.h>
#include <zlib.h>

#include "stakegraph/stakegraph.h"

typedef int (*writer_fn)(const sg_graph *, FILE *, sg_error *);

/* Writes `g` with `fn` (or GEXF with `tl` when fn is NULL) into memory. */
static char *written(writer_fn fn, const sg_graph *g, const sg_timeline *tl, int expect)
{
    char *buf = NULL;
    size_t len = 0;
    sg_error err;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    int rc = fn ? fn(g, f, &err) : sg_export_gexf(g, tl, f, &err);
    fclose(f);
    assert_int_equal(rc, expect);
    return buf;
}

static sg_gazetteer *gazetteer(const char *tsv)
{
    sg_gazetteer *gaz;
    sg_error err;
    assert_int_equal(sg_gazetteer_new(&gaz, &err), 0);
    assert_int_equal(sg_gazetteer_load_buffer(gaz, "g.tsv", tsv, strlen(tsv), &err), 0);
    return gaz;
}

/* The network of documents "<prefix>0", "<prefix>1", ... */
static sg_graph *network(const sg_gazetteer *gaz, const char *prefix, const char *const *texts,
                         size_t n)
{
    sg_error err;
    sg_extractor *ex;
    sg_graph *g;
    assert_int_equal(sg_extractor_new(&ex, gaz, NULL, &err), 0);
    for (size_t i = 0; i < n; i++) {
        char name[32];
        snprintf(name, sizeof(name), "%s%zu", prefix, i);
        assert_int_equal(sg_extractor_add(ex, name, texts[i], strlen(texts[i]), &err), 0);
    }
    assert_int_equal(sg_extractor_graph(&g, ex, 0, &err), 0);
    sg_extractor_free(ex);
    return g;
}

/* Labels, ids and cells with commas and quotes; a document name with one. */
static const char *const quoting_tsv = "id\tlabel\ttype\taliases\tnote\tcity\n"
                                       "p:a,1\tJean \"Le Grand\", Dupont\tperson\tDupont\tx,y\t9\n"
                                       "o:b\tAcme\torganisation\t\t\t\n";

static sg_graph *quoting_graph(sg_gazetteer **gaz)
{
    const char *text = "Dupont rencontre Acme. Acme signe.";
    sg_error err;
    sg_extractor *ex;
    sg_graph *g;
    *gaz = gazetteer(quoting_tsv);
    assert_int_equal(sg_extractor_new(&ex, *gaz, NULL, &err), 0);
    assert_int_equal(sg_extractor_add(ex, "d,1", text, strlen(text), &err), 0);
    assert_int_equal(sg_extractor_graph(&g, ex, 0, &err), 0);
    sg_extractor_free(ex);
    return g;
}

static void csv_quoting(void **state)
{
    (void)state;
    sg_gazetteer *gaz;
    sg_graph *g = quoting_graph(&gaz);
    char *nodes = written(sg_export_csv_nodes, g, NULL, 0);
    assert_string_equal(nodes,
                        "id,label,type,mentions,documents,city,note,units\n"
                        "o:b,Acme,organisation,2,1,,,2\n"
                        "\"p:a,1\",\"Jean \"\"Le Grand\"\", Dupont\",person,1,1,9,\"x,y\",1\n");
    char *edges = written(sg_export_csv_edges, g, NULL, 0);
    assert_string_equal(edges, "source,target,weight,documents,first_documents\n"
                               "o:b,\"p:a,1\",1,1,\"d,1\"\n");
    free(nodes);
    free(edges);
    sg_graph_free(g);
    sg_gazetteer_free(gaz);
}

/* A foreign GraphML: a label with a line break, attributes named like the
 * fixed columns (a string `mentions`... is refused by gazetteers, not by
 * files), parallel edges, a self-loop, first documents with a comma, a
 * quote and more names than are kept. */
static const char *const foreign_graphml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "  <key id=\"l\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "  <key id=\"t\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "  <key id=\"m\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>\n"
    "  <key id=\"s\" for=\"node\" attr.name=\"sector\" attr.type=\"string\"/>\n"
    "  <key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "  <key id=\"f\" for=\"edge\" attr.name=\"first_documents\" attr.type=\"string\"/>\n"
    "  <key id=\"src\" for=\"edge\" attr.name=\"source\" attr.type=\"double\"/>\n"
    "  <key id=\"j\" for=\"edge\" attr.name=\"jaccard\" attr.type=\"double\"/>\n"
    "  <graph edgedefault=\"undirected\">\n"
    "    <node id=\"a\"><data key=\"l\">Two&#10;lines</data><data key=\"t\">person</data>"
    "<data key=\"m\">3</data><data key=\"s\">public, \"state\"</data></node>\n"
    "    <node id=\"b\"><data key=\"l\">Bee</data><data key=\"t\">place</data>"
    "<data key=\"m\">1</data></node>\n"
    "    <node id=\"c\"><data key=\"l\">Sea</data><data key=\"t\">organisation</data>"
    "<data key=\"m\">1</data></node>\n"
    "    <node id=\"d\"><data key=\"l\">Dee</data><data key=\"t\">place</data>"
    "<data key=\"m\">1</data></node>\n"
    "    <edge source=\"b\" target=\"a\"><data key=\"w\">2.5</data>"
    "<data key=\"f\">d1 | d,2 | d\"3</data><data key=\"src\">7</data>"
    "<data key=\"j\">0.25</data></edge>\n"
    "    <edge source=\"a\" target=\"b\"><data key=\"w\">1</data><data key=\"f\">zz</data>"
    "<data key=\"j\">0.5</data></edge>\n"
    "    <edge source=\"c\" target=\"c\"><data key=\"w\">1</data>"
    "<data key=\"f\">loop</data></edge>\n"
    "    <edge source=\"a\" target=\"c\"><data key=\"w\">1</data></edge>\n"
    "    <edge source=\"a\" target=\"d\"><data key=\"w\">1</data>"
    "<data key=\"f\">p | q | r | s</data></edge>\n"
    "  </graph>\n"
    "</graphml>\n";

static sg_graph *read_text(const char *text)
{
    char path[] = "/tmp/sg_formats_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    sg_graph *g;
    sg_error err;
    int rc = sg_graph_read_graphml(&g, path, &err);
    unlink(path);
    if (rc)
        fail_msg("%s", err.message);
    return g;
}

/* Reads `len` bytes of `text` as GraphML; expects a refusal with `line` (0: any)
 * and a message containing `want`. */
static void refused(const char *text, size_t len, long line, const char *want)
{
    char path[] = "/tmp/sg_formats_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, len), (ssize_t)len);
    close(fd);
    sg_graph *g = NULL;
    sg_error err;
    int rc = sg_graph_read_graphml(&g, path, &err);
    unlink(path);
    assert_int_equal(rc, SG_ERR_PARSE);
    assert_null(g);
    if (!strstr(err.message, want))
        fail_msg("message '%s' lacks '%s'", err.message, want);
    if (line)
        assert_int_equal(err.line, line);
}

/* Issue 17: what igraph's reader said obscurely ("Graph index was too large",
 * "Document is empty") or read wrong (NaN as 1, 0x10 as 16) is refused with
 * a message that says what the file is and where the bad value stands. */
static void graphml_refusals(void **state)
{
    (void)state;
    refused("", 0, 0, "empty file");
    refused("\x1f\x8b\x08\x00rest", 8, 0, "a corrupt gzip file");
    static const char gexf[] =
        "<?xml version=\"1.0\"?>\n<gexf xmlns=\"http://gexf.net/1.3\">\n</gexf>\n";
    refused(gexf, strlen(gexf), 2, "a GEXF file");
    static const char svg[] = "<?xml version=\"1.0\"?>\n<!-- a comment -->\n<svg></svg>\n";
    refused(svg, strlen(svg), 3, "root element is <svg>");
    refused("hello", 5, 1, "starts with 'hello'");
    static const char head[] =
        "<?xml version=\"1.0\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        "  <key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
        "  <key id='n' for='node' attr.name='units' attr.type='int'/>\n"
        "  <graph edgedefault=\"undirected\">\n"
        "    <node id=\"a\"><data key='n'>3</data></node><node id=\"b\"/>\n";
    char buf[1024];
    snprintf(buf, sizeof(buf),
             "%s    <edge source=\"a\" target=\"b\"><data key=\"w\">%s</data></edge>\n"
             "  </graph>\n</graphml>\n",
             head, "2,5");
    refused(buf, strlen(buf), 7, "write a decimal point");
    const char *bad[] = {"NaN", "0x10", "inf", "1e999"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
        snprintf(buf, sizeof(buf),
                 "%s    <edge source=\"a\" target=\"b\"><data key=\"w\">%s</data></edge>\n"
                 "  </graph>\n</graphml>\n",
                 head, bad[i]);
        refused(buf, strlen(buf), 7, "is not a finite decimal number");
    }
    /* an integer column with a decimal value */
    snprintf(buf, sizeof(buf), "%s", head);
    char *units = strstr(buf, "'n'>3<");
    memcpy(units + 4, "x", 1);
    strcat(buf, "  </graph>\n</graphml>\n");
    refused(buf, strlen(buf), 6, "is not a whole number");
    /* and a good one still reads: 2.5, 1e3 and a value with spaces */
    snprintf(buf, sizeof(buf),
             "%s    <edge source=\"a\" target=\"b\"><data key=\"w\"> 1e3 </data></edge>\n"
             "  </graph>\n</graphml>\n",
             head);
    sg_graph *g = read_text(buf);
    double w;
    size_t s, t;
    sg_graph_edge(g, 0, &s, &t, &w, NULL);
    assert_true(w == 1000);
    sg_graph_free(g);
}

/* Collects the warnings' messages, one a line. */
static void collect(const sg_error *w, void *ctx)
{
    char *buf = ctx;
    size_t n = strlen(buf);
    snprintf(buf + n, 4096 - n, "%ld: %s\n", w->line, w->message);
}

/* Issue 17: what the reading changes in a foreign graph is said, each thing
 * once; a graph of stakegraph's own reads without a word. */
static void graphml_changes_said(void **state)
{
    (void)state;
    static const char foreign[] =
        "<?xml version=\"1.0\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        "  <key id=\"d0\" for=\"edge\" attr.name=\"weight\" attr.type=\"long\"/>\n"
        "  <key id=\"d1\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
        "  <key id=\"a\" for=\"all\" attr.name=\"colour\" attr.type=\"string\"/>\n"
        "  <key id=\"i\" for=\"node\" attr.name=\"id\" attr.type=\"string\"/>\n"
        "  <graph edgedefault=\"directed\">\n"
        "    <node id=\"a\"><data key=\"i\">not-a</data></node><node id=\"b\"/><node id=\"c\"/>\n"
        "    <edge source=\"a\" target=\"b\"><data key=\"d0\">1</data></edge>\n"
        "    <edge source=\"b\" target=\"a\"><data key=\"d1\">2.5</data></edge>\n"
        "    <edge source=\"a\" target=\"b\"/><edge source=\"c\" target=\"c\"/>\n"
        "    <hyperedge><endpoint node=\"a\"/><endpoint node=\"c\"/></hyperedge>\n"
        "  </graph>\n"
        "  <graph edgedefault=\"undirected\"><node id=\"z\"/></graph>\n"
        "</graphml>\n";
    char path[] = "/tmp/sg_formats_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, foreign, strlen(foreign)), (ssize_t)strlen(foreign));
    close(fd);
    char said[4096] = "";
    sg_graph *g = NULL;
    sg_error err;
    int rc = sg_graph_read_graphml_warn(&g, path, collect, said, &err);
    unlink(path);
    if (rc)
        fail_msg("%s", err.message);
    static const char *const want[] = {"0: a directed graph, read as undirected",
                                       "0: 2 <graph> elements",
                                       "0: 1 hyperedge left out",
                                       "6: a node attribute named 'id': read as the column 'id_'",
                                       "0: 1 self-loop left out",
                                       "0: 2 parallel edges merged"};
    for (size_t i = 0; i < sizeof(want) / sizeof(*want); i++)
        if (!strstr(said, want[i]))
            fail_msg("no '%s' in:\n%s", want[i], said);
    /* read, not warned of: the for="all" key and networkx's two weight keys */
    if (strstr(said, "for=\"all\"") || strstr(said, "'weight'"))
        fail_msg("warned of what is read:\n%s", said);
    double w;
    size_t s, t;
    sg_graph_edge(g, 0, &s, &t, &w, NULL);
    assert_true(w == 4.5); /* 1 (the int key) + 2.5 (the double key) + 1 (none) */
    assert_string_equal(sg_graph_node_id(g, 0), "a");
    assert_int_equal(sg_graph_edge_count(g), 1);
    sg_graph_free(g);
    /* a network of stakegraph's own: not a word */
    said[0] = '\0';
    char out[] = "/tmp/sg_formats_XXXXXX";
    fd = mkstemp(out);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    sg_graph *own = read_text(foreign_graphml);
    assert_int_equal(sg_export_graphml(own, f, &err), 0);
    fclose(f);
    sg_graph_free(own);
    assert_int_equal(sg_graph_read_graphml_warn(&g, out, collect, said, &err), 0);
    unlink(out);
    assert_string_equal(said, "");
    sg_graph_free(g);
}

/* Writes len bytes of text to a temporary file and reads it, the warnings
 * collected in said (4096 bytes); the reading's status in *rc. */
static sg_graph *read_warned(const void *text, size_t len, char *said, int *rc, sg_error *err)
{
    char path[] = "/tmp/sg_formats_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, len), (ssize_t)len);
    close(fd);
    sg_graph *g = NULL;
    said[0] = '\0';
    *rc = sg_graph_read_graphml_warn(&g, path, collect, said, err);
    unlink(path);
    return g;
}

static size_t node_named(const sg_graph *g, const char *id)
{
    for (size_t i = 0; i < sg_graph_node_count(g); i++)
        if (!strcmp(sg_graph_node_id(g, i), id))
            return i;
    fail_msg("no node '%s'", id);
    return 0;
}

static const char *attr_of(const sg_graph *g, size_t i, const char *name)
{
    for (size_t a = 0; a < sg_graph_attr_count(g); a++)
        if (!strcmp(sg_graph_attr_name(g, a), name))
            return sg_graph_node_attr(g, i, a);
    fail_msg("no attribute '%s'", name);
    return NULL;
}

static double column_of(const sg_graph *g, sg_domain d, const char *name, size_t i)
{
    long c = sg_graph_column_find(g, d, name);
    if (c < 0)
        fail_msg("no column '%s'", name);
    return sg_graph_column_value(g, d, (size_t)c, i);
}

/* Issue 17: what igraph's reader ignored or mixed up is read: keys for="all"
 * or without `for`, several keys of one name (int and double: the sum of
 * networkx's two weight keys; strings and numbers: strings, said), keys
 * whatever their id, a node attribute named id (kept as id_, said), graph-tool's
 * short and a boolean key with a numeric one, defaults; vector types and
 * yEd's graphics are left out (a CDATA holding "</data>" too), said with
 * their count, and an edge declared directed in an undirected graph is said. */
static const char faithful_graphml[] =
    "<?xml version=\"1.0\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:y=\"urn:y\">\n"
    "  <key id=\"colour\" attr.name=\"colour\" attr.type=\"string\"/>\n"
    "  <key id=\"all_w\" for=\"all\" attr.name=\"score\" attr.type=\"double\"/>\n"
    "  <key id=\"d0\" for=\"edge\" attr.name=\"weight\" attr.type=\"long\"/>\n"
    "  <key id=\"d1\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "  <key id=\"x1\" for=\"node\" attr.name=\"rank\" attr.type=\"int\"/>\n"
    "  <key id=\"x2\" for=\"node\" attr.name=\"rank\" attr.type=\"string\"/>\n"
    "  <key id=\"weight\" for=\"node\" attr.name=\"id\" attr.type=\"string\"/>\n"
    "  <key id=\"v\" for=\"node\" attr.name=\"pos\" attr.type=\"vector_float\"/>\n"
    "  <key id=\"b\" for=\"edge\" attr.name=\"flag\" attr.type=\"boolean\"/>\n"
    "  <key id=\"b2\" for=\"edge\" attr.name=\"flag\" attr.type=\"int\"/>\n"
    "  <key id=\"sh\" for=\"node\" attr.name=\"small\" attr.type=\"short\"/>\n"
    "  <key id=\"y\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n"
    "  <key id=\"lv\" for=\"node\" attr.name=\"level\" attr.type=\"double\">\n"
    "    <default>7</default></key>\n"
    "  <graph edgedefault=\"undirected\"><data key=\"colour\">blue</data>\n"
    "    <node id=\"a\"><data key=\"colour\">red</data><data key=\"all_w\">0.5</data>"
    "<data key=\"x1\">3</data><data key=\"weight\">alpha</data><data key=\"v\">1, 2</data>"
    "<data key=\"sh\">4</data>"
    "<data key=\"y\"><y:ShapeNode><y:NodeLabel>A</y:NodeLabel></y:ShapeNode></data></node>\n"
    "    <node id=\"b\"><data key=\"x2\">high</data><data key=\"v\">3, 4</data>"
    "<data key=\"lv\">2</data><data key=\"no\"><![CDATA[</data>]]></data></node>\n"
    "    <edge source=\"a\" target=\"b\"><data key=\"d0\">1</data><data key=\"all_w\">2</data>"
    "<data key=\"colour\">green</data><data key=\"b\">true</data></edge>\n"
    "    <edge source=\"b\" target=\"c\" directed=\"true\"><data key=\"d1\">2.5</data>"
    "<data key=\"b2\">5</data>"
    "<data key=\"zz\">?</data></edge>\n"
    "    <node id=\"c\"/>\n"
    "  </graph>\n"
    "</graphml>\n";

static void graphml_read_faithfully(void **state)
{
    (void)state;
    char said[4096];
    sg_error err;
    int rc;
    sg_graph *g = read_warned(faithful_graphml, strlen(faithful_graphml), said, &rc, &err);
    if (rc)
        fail_msg("%s", err.message);
    size_t a = node_named(g, "a"), b = node_named(g, "b"), c = node_named(g, "c");
    assert_string_equal(attr_of(g, a, "colour"), "red");
    assert_null(attr_of(g, b, "colour"));
    assert_string_equal(attr_of(g, a, "id_"), "alpha");
    assert_string_equal(attr_of(g, a, "rank"), "3");
    assert_string_equal(attr_of(g, b, "rank"), "high");
    assert_true(column_of(g, SG_NODES, "score", a) == 0.5);
    assert_true(column_of(g, SG_NODES, "small", a) == 4);
    assert_true(column_of(g, SG_NODES, "level", a) == 7); /* the default */
    assert_true(column_of(g, SG_NODES, "level", b) == 2);
    assert_true(column_of(g, SG_NODES, "level", c) == 7);
    assert_int_equal(sg_graph_edge_count(g), 2);
    double total = 0, w;
    size_t s, t;
    for (size_t e = 0; e < 2; e++) {
        sg_graph_edge(g, e, &s, &t, &w, NULL);
        total += w;
        int ab = (s == a && t == b) || (s == b && t == a);
        assert_true(column_of(g, SG_EDGES, "flag", e) == (ab ? 1 : 5));
        if (ab)
            assert_true(column_of(g, SG_EDGES, "score", e) == 2);
    }
    assert_true(total == 3.5);
    static const char *const want[] = {
        "8: keys named 'rank' for nodes hold strings and numbers: read as one column of strings",
        "9: a node attribute named 'id': read as the column 'id_'",
        "10: the key 'pos' (attr.type vector_float, for node) left out, and its 2 values",
        "14: the key 'y' (yfiles.type nodegraphics, for node) left out, and its 1 value: yEd's",
        "0: 2 <data> elements of a key no <key> declares left out",
        "0: the edge attribute of strings 'colour' left out, and its 1 value",
        "0: 1 edge declared directed=\"true\" in an undirected graph, read as undirected"};
    for (size_t i = 0; i < sizeof(want) / sizeof(*want); i++)
        if (!strstr(said, want[i]))
            fail_msg("no '%s' in:\n%s", want[i], said);
    if (strstr(said, "'weight'") || strstr(said, "score") || strstr(said, "flag"))
        fail_msg("warned of what is read:\n%s", said);
    sg_graph_free(g);
}

/* gzip of len bytes of text, as gzip writes it; *n its length. */
static unsigned char *gzipped(const void *text, size_t len, size_t *n)
{
    z_stream z;
    memset(&z, 0, sizeof(z));
    assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
    size_t cap = deflateBound(&z, (uLong)len) + 64;
    unsigned char *out = malloc(cap);
    assert_non_null(out);
    z.next_in = (unsigned char *)(uintptr_t)text;
    z.avail_in = (uInt)len;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    *n = cap - z.avail_out;
    deflateEnd(&z);
    return out;
}

/* Issue 17: a gzipped GraphML (.graphml.gz, whatever its name) is read, also
 * of two gzip members; a corrupt or truncated one is refused with the file. */
static void graphml_gzip(void **state)
{
    (void)state;
    char said[4096];
    sg_error err;
    int rc;
    size_t n;
    unsigned char *gz = gzipped(faithful_graphml, strlen(faithful_graphml), &n);
    sg_graph *g = read_warned(gz, n, said, &rc, &err);
    if (rc)
        fail_msg("%s", err.message);
    assert_int_equal(sg_graph_node_count(g), 3);
    assert_string_equal(attr_of(g, node_named(g, "a"), "id_"), "alpha");
    assert_non_null(strstr(said, "9: a node attribute named 'id'"));
    sg_graph_free(g);
    /* two members: the halves of the file */
    size_t half = strlen(faithful_graphml) / 2, n1, n2;
    unsigned char *m1 = gzipped(faithful_graphml, half, &n1);
    unsigned char *m2 = gzipped(faithful_graphml + half, strlen(faithful_graphml) - half, &n2);
    unsigned char *both = malloc(n1 + n2);
    assert_non_null(both);
    memcpy(both, m1, n1);
    memcpy(both + n1, m2, n2);
    g = read_warned(both, n1 + n2, said, &rc, &err);
    if (rc)
        fail_msg("%s", err.message);
    assert_int_equal(sg_graph_edge_count(g), 2);
    sg_graph_free(g);
    /* truncated, corrupt, compressed twice */
    assert_null(read_warned(gz, n - 12, said, &rc, &err));
    assert_int_equal(rc, SG_ERR_PARSE);
    assert_non_null(strstr(err.message, "a corrupt gzip file (truncated"));
    assert_true(strncmp(err.file, "/tmp/sg_formats_", 16) == 0);
    gz[n / 2] ^= 0x55;
    assert_null(read_warned(gz, n, said, &rc, &err));
    assert_non_null(strstr(err.message, "a corrupt gzip file"));
    gz[n / 2] ^= 0x55;
    size_t n3;
    unsigned char *twice = gzipped(gz, n, &n3);
    assert_null(read_warned(twice, n3, said, &rc, &err));
    assert_non_null(strstr(err.message, "gzip-compressed twice"));
    free(gz);
    free(m1);
    free(m2);
    free(both);
    free(twice);
}

static void graphml_first_documents_read(void **state)
{
    (void)state;
    sg_graph *g = read_text(foreign_graphml);
    const char *const *names;
    assert_int_equal(sg_graph_edge_count(g), 3); /* a-b merged, c-c dropped */
    size_t s, t;
    double w;
    sg_graph_edge(g, 0, &s, &t, &w, NULL);
    assert_string_equal(sg_graph_node_id(g, s), "a");
    assert_string_equal(sg_graph_node_id(g, t), "b");
    assert_true(w == 3.5);
    /* the merged edge keeps the names of the first one in the file */
    assert_int_equal(sg_graph_edge_first_documents(g, 0, &names), 3);
    assert_string_equal(names[0], "d1");
    assert_string_equal(names[1], "d,2");
    assert_string_equal(names[2], "d\"3");
    assert_int_equal(sg_graph_edge_first_documents(g, 1, &names), 0); /* a-c: none */
    assert_int_equal(sg_graph_edge_first_documents(g, 2, &names), 3); /* a-d: the first 3 */
    assert_string_equal(names[2], "r");
    sg_graph_free(g);
}

static void csv_from_graphml(void **state)
{
    (void)state;
    sg_graph *g = read_text(foreign_graphml);
    char *nodes = written(sg_export_csv_nodes, g, NULL, 0);
    assert_string_equal(nodes, "id,label,type,mentions,documents,sector\n"
                               "a,\"Two\nlines\",person,3,0,\"public, \"\"state\"\"\"\n"
                               "b,Bee,place,1,0,\n"
                               "c,Sea,organisation,1,0,\n"
                               "d,Dee,place,1,0,\n");
    /* the edge column called `source` is not written: one header, one value */
    char *edges = written(sg_export_csv_edges, g, NULL, 0);
    assert_string_equal(edges, "source,target,weight,documents,first_documents,jaccard\n"
                               "a,b,3.5,0,\"d1 | d,2 | d\"\"3\",0.25\n"
                               "a,c,1,0,,0\n"
                               "a,d,1,0,p | q | r,0\n");
    free(nodes);
    free(edges);
    sg_graph_free(g);
}

/* Formula injection (OWASP): text cells starting with = + - @ TAB or CR,
 * wherever they are (id, label, type, attribute, column name, source and
 * target, first documents), are quoted behind a single quote; numbers are
 * not: a numeric column's -12.5, counts, and a text cell that is a plain
 * negative number ("-12.5" stays a number for pandas and a spreadsheet). */
static const char *const formula_graphml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "  <key id=\"l\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "  <key id=\"t\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "  <key id=\"s\" for=\"node\" attr.name=\"sector\" attr.type=\"string\"/>\n"
    "  <key id=\"alt\" for=\"node\" attr.name=\"alt\" attr.type=\"string\"/>\n"
    "  <key id=\"h\" for=\"node\" attr.name=\"@h\" attr.type=\"string\"/>\n"
    "  <key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>\n"
    "  <key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "  <key id=\"f\" for=\"edge\" attr.name=\"first_documents\" attr.type=\"string\"/>\n"
    "  <graph edgedefault=\"undirected\">\n"
    "    <node id=\"a\"><data key=\"l\">=HYPERLINK(\"http://x\",\"y\")</data>"
    "<data key=\"t\">person</data><data key=\"s\">@SUM(A1)</data>"
    "<data key=\"alt\">-12.5</data><data key=\"x\">-12.5</data></node>\n"
    "    <node id=\"+1\"><data key=\"l\">-x</data><data key=\"t\">-place</data>"
    "<data key=\"s\">&#9;tab</data><data key=\"alt\">-1-2</data>"
    "<data key=\"h\">ok</data><data key=\"x\">3</data></node>\n"
    "    <node id=\"c\"><data key=\"l\">&#13;cr</data><data key=\"t\">place</data>"
    "<data key=\"s\">a=b</data><data key=\"alt\">-</data><data key=\"x\">-0.25</data></node>\n"
    "    <edge source=\"a\" target=\"+1\"><data key=\"w\">2</data>"
    "<data key=\"f\">=cmd|' /C calc'!A0 | -d2</data></edge>\n"
    "    <edge source=\"a\" target=\"c\"><data key=\"w\">1</data>"
    "<data key=\"f\">d1 | =d2</data></edge>\n"
    "  </graph>\n"
    "</graphml>\n";

static void csv_formulas(void **state)
{
    (void)state;
    sg_graph *g = read_text(formula_graphml);
    char *nodes = written(sg_export_csv_nodes, g, NULL, 0);
    assert_string_equal(nodes, "id,label,type,mentions,documents,sector,alt,\"'@h\",x\n"
                               "a,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",person,0,0,"
                               "\"'@SUM(A1)\",-12.5,,-12.5\n"
                               "\"'+1\",\"'-x\",\"'-place\",0,0,\"'\ttab\",\"'-1-2\",ok,3\n"
                               "c,\"'\rcr\",place,0,0,a=b,\"'-\",,-0.25\n");
    char *edges = written(sg_export_csv_edges, g, NULL, 0);
    assert_string_equal(edges, "source,target,weight,documents,first_documents\n"
                               "a,\"'+1\",2,0,\"'=cmd|' /C calc'!A0 | -d2\"\n"
                               "a,c,1,0,d1 | =d2\n");
    free(nodes);
    free(edges);
    sg_graph_free(g);
}

static void graphml_first_documents_written(void **state)
{
    (void)state;
    sg_graph *g = read_text(foreign_graphml);
    char *x = written(sg_export_graphml, g, NULL, 0);
    assert_non_null(strstr(x, "  <key id=\"e_first_documents\" for=\"edge\" "
                              "attr.name=\"first_documents\" attr.type=\"string\"/>\n"));
    assert_non_null(strstr(x, "<data key=\"e_documents\">0</data>\n      <data "
                              "key=\"e_first_documents\">d1 | d,2 | d&quot;3</data>\n"));
    /* read back, written again: the same bytes */
    sg_graph *h = read_text(x);
    char *y = written(sg_export_graphml, h, NULL, 0);
    assert_string_equal(x, y);
    free(x);
    free(y);
    sg_graph_free(h);
    sg_graph_free(g);
    /* no edge with first documents: no key */
    const char *plain = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                        "  <graph edgedefault=\"undirected\">\n"
                        "    <node id=\"a\"/><node id=\"b\"/><edge source=\"a\" target=\"b\"/>\n"
                        "  </graph>\n</graphml>\n";
    g = read_text(plain);
    x = written(sg_export_graphml, g, NULL, 0);
    assert_null(strstr(x, "first_documents"));
    free(x);
    sg_graph_free(g);
}

static json_t *member(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    if (!v)
        fail_msg("no key '%s'", key);
    return v;
}

static void json_values(void **state)
{
    (void)state;
    sg_gazetteer *gaz;
    sg_graph *g = quoting_graph(&gaz);
    char *text = written(sg_export_json, g, NULL, 0);
    char *again = written(sg_export_json, g, NULL, 0);
    assert_string_equal(text, again); /* deterministic */
    assert_int_equal(text[strlen(text) - 1], '\n');
    json_error_t jerr;
    json_t *root = json_loads(text, 0, &jerr);
    if (!root)
        fail_msg("not JSON: %s (line %d)", jerr.text, jerr.line);
    assert_true(json_is_false(member(root, "directed")));
    assert_true(json_is_false(member(root, "multigraph")));
    assert_int_equal(json_integer_value(member(member(root, "graph"), "units")), 2);
    json_t *nodes = member(root, "nodes"), *links = member(root, "links");
    assert_int_equal(json_array_size(nodes), 2);
    json_t *b = json_array_get(nodes, 0), *a = json_array_get(nodes, 1);
    assert_string_equal(json_string_value(member(a, "id")), "p:a,1");
    assert_string_equal(json_string_value(member(a, "label")), "Jean \"Le Grand\", Dupont");
    assert_string_equal(json_string_value(member(a, "type")), "person");
    assert_string_equal(json_string_value(member(a, "note")), "x,y");
    assert_string_equal(json_string_value(member(a, "city")), "9"); /* a string cell */
    assert_true(json_is_integer(member(a, "mentions")));
    assert_int_equal(json_integer_value(member(b, "mentions")), 2);
    assert_true(json_is_integer(member(b, "units")));
    assert_null(json_object_get(b, "note")); /* an empty cell: no key */
    assert_int_equal(json_array_size(links), 1);
    json_t *l = json_array_get(links, 0);
    assert_string_equal(json_string_value(member(l, "source")), "o:b");
    assert_string_equal(json_string_value(member(l, "target")), "p:a,1");
    assert_true(json_is_real(member(l, "weight")) && json_real_value(member(l, "weight")) == 1.0);
    assert_int_equal(json_integer_value(member(l, "documents")), 1);
    json_t *first = member(l, "first_documents");
    assert_int_equal(json_array_size(first), 1);
    assert_string_equal(json_string_value(json_array_get(first, 0)), "d,1");
    json_decref(root);
    free(text);
    free(again);
    sg_graph_free(g);
    sg_gazetteer_free(gaz);
}

static void json_foreign(void **state)
{
    (void)state;
    sg_graph *g = read_text(foreign_graphml);
    char *text = written(sg_export_json, g, NULL, 0);
    json_t *root = json_loads(text, 0, NULL);
    assert_non_null(root);
    json_t *a = json_array_get(member(root, "nodes"), 0);
    assert_string_equal(json_string_value(member(a, "label")), "Two\nlines");
    assert_null(json_object_get(member(root, "graph"), "units")); /* unknown */
    json_t *l = json_array_get(member(root, "links"), 0);
    /* the column called `source` is left out: "source" stays the node id */
    assert_string_equal(json_string_value(member(l, "source")), "a");
    assert_true(json_real_value(member(l, "weight")) == 3.5);
    assert_true(json_real_value(member(l, "jaccard")) == 0.25);
    assert_int_equal(json_array_size(member(l, "first_documents")), 3);
    assert_string_equal(json_string_value(json_array_get(member(l, "first_documents"), 1)), "d,2");
    assert_null(json_object_get(json_array_get(member(root, "links"), 1), "first_documents"));
    /* reals with the fewest digits that read back: 0.25, not 0.25000000000000000 */
    assert_non_null(strstr(text, "\"jaccard\": 0.25}"));
    json_decref(root);
    free(text);
    sg_graph_free(g);
}

static void gexf_static(void **state)
{
    (void)state;
    sg_gazetteer *gaz;
    sg_graph *g = quoting_graph(&gaz);
    char *x = written(NULL, g, NULL, 0);
    assert_non_null(strstr(x, "<gexf xmlns=\"http://www.gexf.net/1.2draft\""));
    assert_non_null(strstr(x, "<graph mode=\"static\" defaultedgetype=\"undirected\">"));
    assert_null(strstr(x, "spell"));
    assert_non_null(strstr(x, "<node id=\"p:a,1\" label=\"Jean &quot;Le Grand&quot;, Dupont\">"));
    assert_non_null(strstr(x, "<attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>"));
    assert_non_null(strstr(x, "<attvalue for=\"note\" value=\"x,y\"/>"));
    /* colours by type (those of the pictures), size from the mentions */
    assert_non_null(strstr(x, "<color r=\"78\" g=\"121\" b=\"167\"/>\n        <size "
                              "value=\"14.14\"/>")); /* organisation, 2 mentions */
    assert_non_null(strstr(x, "<color r=\"225\" g=\"87\" b=\"89\"/>\n        <size "
                              "value=\"10\"/>")); /* person, 1 mention */
    assert_null(strstr(x, "<position"));          /* no layout */
    assert_non_null(
        strstr(x, "<edge id=\"0\" source=\"o:b\" target=\"p:a,1\" weight=\"1\">\n"
                  "        <attvalues>\n          <attvalue for=\"documents\" value=\"1\"/>\n"
                  "          <attvalue for=\"first_documents\" value=\"d,1\"/>\n"));
    free(x);
    sg_graph_free(g);
    sg_gazetteer_free(gaz);
}

static const char *const timeline_tsv = "id\tlabel\ttype\n"
                                        "o:a\tAlphacorp\torganisation\n"
                                        "o:b\tBetacorp\torganisation\n"
                                        "x:c\tGammaville\tplace\n";

/* Runs `cmd` on the file holding `text`; returns its exit status. */
static int run_on(const char *cmd, const char *text)
{
    char path[] = "/tmp/sg_formats_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    char line[2048];
    snprintf(line, sizeof(line), cmd, path);
    int rc = system(line);
    unlink(path);
    return rc;
}

static const char *const networkx_check = SG_SYSTEM_PYTHON
    " -c 'import networkx, sys; G = networkx.read_gexf(sys.argv[1]); "
    "a = G.nodes[\"o:a\"]; c = G.nodes[\"x:c\"]; "
    "assert G.graph[\"mode\"] == \"dynamic\", G.graph; "
    "assert a[\"spells\"] == [(\"2024-01-01\", \"2024-01-31\"), "
    "(\"2024-03-01\", \"2024-03-31\")], a; "
    "assert c[\"spells\"] == [(\"2024-02-01\", \"2024-03-31\")], c; "
    "assert (a[\"mentions_2024-01\"], a[\"mentions_2024-02\"], a[\"mentions_2024-03\"]) == "
    "(1, 0, 2), a; "
    "assert G.edges[\"o:a\", \"o:b\"][\"weight_2024-03\"] == 1.0; "
    "assert a[\"mentions\"] == 3 and G.edges[\"o:a\", \"o:b\"][\"weight\"] == 2' %s";

static void gexf_timeline(void **state)
{
    (void)state;
    sg_gazetteer *gaz = gazetteer(timeline_tsv);
    /* a and b in January and March, c in February and March */
    const char *const jan[] = {"Alphacorp et Betacorp."};
    const char *const feb[] = {"Gammaville seule."};
    const char *const mar[] = {"Alphacorp et Betacorp.", "Alphacorp et Gammaville."};
    const char *const all[] = {jan[0], feb[0], mar[0], mar[1]};
    sg_graph *p[3] = {network(gaz, "jan", jan, 1), network(gaz, "feb", feb, 1),
                      network(gaz, "mar", mar, 2)};
    sg_graph *g = network(gaz, "d", all, 4);
    const char *const labels[] = {"2024-01", "2024-02", "2024-03"};
    sg_timeline tl = {3, labels, (const sg_graph *const *)p};
    char *x = written(NULL, g, &tl, 0);
    assert_non_null(
        strstr(x, "<graph mode=\"dynamic\" defaultedgetype=\"undirected\" timeformat=\"date\">"));
    /* one static block a class (graphology-gexf keeps the last only), a
     * column a period */
    assert_null(strstr(x, "mode=\"dynamic\">"));
    assert_non_null(strstr(x, "<attribute id=\"units\" title=\"units\" type=\"integer\"/>\n"
                              "      <attribute id=\"mentions_2024-01\" title=\"mentions_2024-01\" "
                              "type=\"integer\"/>\n"
                              "      <attribute id=\"mentions_2024-02\" title=\"mentions_2024-02\" "
                              "type=\"integer\"/>\n"
                              "      <attribute id=\"mentions_2024-03\" title=\"mentions_2024-03\" "
                              "type=\"integer\"/>\n    </attributes>\n"
                              "    <attributes class=\"edge\" mode=\"static\">"));
    assert_non_null(strstr(x, "<attribute id=\"weight_2024-03\" title=\"weight_2024-03\" "
                              "type=\"double\"/>\n    </attributes>"));
    /* a: two spells (absent in February), its mentions per month */
    assert_non_null(strstr(x, "<node id=\"o:a\" label=\"Alphacorp\">\n        <attvalues>\n"
                              "          <attvalue for=\"type\" value=\"organisation\"/>\n"
                              "          <attvalue for=\"mentions\" value=\"3\"/>\n"
                              "          <attvalue for=\"documents\" value=\"3\"/>\n"
                              "          <attvalue for=\"units\" value=\"3\"/>\n"
                              "          <attvalue for=\"mentions_2024-01\" value=\"1\"/>\n"
                              "          <attvalue for=\"mentions_2024-02\" value=\"0\"/>\n"
                              "          <attvalue for=\"mentions_2024-03\" value=\"2\"/>\n"
                              "        </attvalues>\n        <spells>\n"
                              "          <spell start=\"2024-01-01\" end=\"2024-01-31\"/>\n"
                              "          <spell start=\"2024-03-01\" end=\"2024-03-31\"/>\n"
                              "        </spells>\n"));
    /* c: February (29 days in 2024) and March joined into one spell */
    assert_non_null(strstr(x, "<attvalue for=\"mentions_2024-02\" value=\"1\"/>\n"
                              "          <attvalue for=\"mentions_2024-03\" value=\"1\"/>"));
    assert_non_null(strstr(x, "        <spells>\n"
                              "          <spell start=\"2024-02-01\" end=\"2024-03-31\"/>\n"
                              "        </spells>\n        <color r=\"89\" g=\"161\" b=\"79\"/>"));
    /* edges: a-b in January and March (weight 1 each), a-c in March */
    assert_non_null(strstr(x, "<edge id=\"0\" source=\"o:a\" target=\"o:b\" weight=\"2\">"));
    assert_non_null(strstr(x, "          <attvalue for=\"weight_2024-01\" value=\"1\"/>\n"
                              "          <attvalue for=\"weight_2024-02\" value=\"0\"/>\n"
                              "          <attvalue for=\"weight_2024-03\" value=\"1\"/>\n"
                              "        </attvalues>\n        <spells>\n"
                              "          <spell start=\"2024-01-01\" end=\"2024-01-31\"/>\n"
                              "          <spell start=\"2024-03-01\" end=\"2024-03-31\"/>\n"
                              "        </spells>\n      </edge>\n"
                              "      <edge id=\"1\" source=\"o:a\" target=\"x:c\" weight=\"1\">"));
    assert_int_equal(run_on(SG_SYSTEM_PYTHON " " SG_CHECK_GEXF " %s", x), 0);
    assert_int_equal(run_on(networkx_check, x), 0);
    free(x);
    for (int k = 0; k < 3; k++)
        sg_graph_free(p[k]);
    sg_graph_free(g);
    sg_gazetteer_free(gaz);
}

/* An element named only in undated documents is in no period: it gets the
 * whole timeline as its spell (Gephi's reading of an element without spells),
 * and 0 in every period's column. */
static void gexf_undated(void **state)
{
    (void)state;
    sg_gazetteer *gaz = gazetteer(timeline_tsv);
    const char *const jan[] = {"Alphacorp et Betacorp."};
    const char *const all[] = {jan[0], "Gammaville et Betacorp."};
    sg_graph *p[1] = {network(gaz, "jan", jan, 1)};
    sg_graph *g = network(gaz, "d", all, 2);
    const char *const labels[] = {"2024-01"};
    sg_timeline tl = {1, labels, (const sg_graph *const *)p};
    char *x = written(NULL, g, &tl, 0);
    assert_non_null(strstr(x, "<node id=\"x:c\" label=\"Gammaville\">\n        <attvalues>\n"
                              "          <attvalue for=\"type\" value=\"place\"/>\n"
                              "          <attvalue for=\"mentions\" value=\"1\"/>\n"
                              "          <attvalue for=\"documents\" value=\"1\"/>\n"
                              "          <attvalue for=\"units\" value=\"1\"/>\n"
                              "          <attvalue for=\"mentions_2024-01\" value=\"0\"/>\n"
                              "        </attvalues>\n        <spells>\n"
                              "          <spell start=\"2024-01-01\" end=\"2024-01-31\"/>\n"
                              "        </spells>\n"));
    assert_int_equal(run_on(SG_SYSTEM_PYTHON " " SG_CHECK_GEXF " %s", x), 0);
    free(x);
    sg_graph_free(p[0]);
    sg_graph_free(g);
    sg_gazetteer_free(gaz);
}

/* Every period is the same graph: the spells show the calendar. */
static char *spells_of(const sg_graph *g, const char *const *labels, size_t n, int expect)
{
    const sg_graph *p[8];
    for (size_t k = 0; k < n; k++)
        p[k] = g;
    sg_timeline tl = {n, labels, p};
    return written(NULL, g, &tl, expect);
}

static void gexf_calendar(void **state)
{
    (void)state;
    sg_gazetteer *gaz = gazetteer(timeline_tsv);
    const char *const text[] = {"Alphacorp et Betacorp."};
    sg_graph *g = network(gaz, "d", text, 1);
    /* February: 29 days in leap years (2000, 2024), 28 otherwise (1900, 2100) */
    const char *const feb[] = {"1900-02", "2000-02", "2023-02", "2024-02", "2100-02"};
    char *x = spells_of(g, feb, 5, 0);
    assert_non_null(strstr(x, "<spell start=\"1900-02-01\" end=\"1900-02-28\"/>\n"
                              "          <spell start=\"2000-02-01\" end=\"2000-02-29\"/>\n"
                              "          <spell start=\"2023-02-01\" end=\"2023-02-28\"/>\n"
                              "          <spell start=\"2024-02-01\" end=\"2024-02-29\"/>\n"
                              "          <spell start=\"2100-02-01\" end=\"2100-02-28\"/>\n"));
    free(x);
    /* consecutive periods join, across a year too; a gap splits */
    const char *const months[] = {"2023-11", "2023-12", "2024-01", "2024-03"};
    x = spells_of(g, months, 4, 0);
    assert_non_null(strstr(x,
                           "<spells>\n          <spell start=\"2023-11-01\" end=\"2024-01-31\"/>\n"
                           "          <spell start=\"2024-03-01\" end=\"2024-03-31\"/>\n"
                           "        </spells>"));
    free(x);
    const char *const years[] = {"2022", "2023", "2025"};
    x = spells_of(g, years, 3, 0);
    assert_non_null(strstr(x,
                           "<spells>\n          <spell start=\"2022-01-01\" end=\"2023-12-31\"/>\n"
                           "          <spell start=\"2025-01-01\" end=\"2025-12-31\"/>\n"
                           "        </spells>"));
    assert_non_null(strstr(x, "<attvalue for=\"mentions_2023\" value=\"1\"/>"));
    free(x);
    /* not a period, or not in order: refused before anything is written */
    const char *const bad[][2] = {{"2024-13", "2025"},    {"2024-3", "2025"},  {"24", "2025"},
                                  {"2024-03", "2024-02"}, {"2024", "2024-06"}, {"0000", "2024"}};
    for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
        x = spells_of(g, bad[i], 2, SG_ERR_INVALID);
        assert_string_equal(x, "");
        free(x);
    }
    /* an empty timeline is a static graph */
    sg_timeline none = {0, NULL, NULL};
    x = written(NULL, g, &none, 0);
    assert_non_null(strstr(x, "mode=\"static\""));
    free(x);
    sg_graph_free(g);
    sg_gazetteer_free(gaz);
}

/* A full device is an error, never a silent success. */
static void write_errors(void **state)
{
    (void)state;
    sg_gazetteer *gaz;
    sg_graph *g = quoting_graph(&gaz);
    writer_fn fns[] = {sg_export_csv_nodes, sg_export_csv_edges, sg_export_json, NULL};
    for (size_t i = 0; i < sizeof(fns) / sizeof(*fns); i++) {
        FILE *f = fopen("/dev/full", "w");
        sg_error err;
        assert_non_null(f);
        int rc = fns[i] ? fns[i](g, f, &err) : sg_export_gexf(g, NULL, f, &err);
        assert_int_equal(rc, SG_ERR_IO);
        assert_non_null(strstr(err.message, "cannot write"));
        fclose(f);
    }
    sg_graph_free(g);
    sg_gazetteer_free(gaz);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(csv_quoting),
        cmocka_unit_test(csv_formulas),
        cmocka_unit_test(graphml_first_documents_read),
        cmocka_unit_test(graphml_refusals),
        cmocka_unit_test(graphml_changes_said),
        cmocka_unit_test(graphml_read_faithfully),
        cmocka_unit_test(graphml_gzip),
        cmocka_unit_test(csv_from_graphml),
        cmocka_unit_test(graphml_first_documents_written),
        cmocka_unit_test(json_values),
        cmocka_unit_test(json_foreign),
        cmocka_unit_test(gexf_static),
        cmocka_unit_test(gexf_timeline),
        cmocka_unit_test(gexf_undated),
        cmocka_unit_test(gexf_calendar),
        cmocka_unit_test(write_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
