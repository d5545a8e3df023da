/* GraphML and DOT escaping, numbers and atomic outputs (SPEC §6). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "stakegraph/stakegraph.h"
#include "xmlesc.h"

/* Writes via `fn` into memory and returns the NUL-terminated bytes. */
static char *capture(void (*fn)(FILE *, const char *), const char *arg)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    fn(f, arg);
    fclose(f);
    return buf;
}

static void xml_escaping(void **state)
{
    (void)state;
    char *s = capture(sg_xml_write, "a\"b\\c<d>&e'f\x01g\th\xc3\xa9i\xff");
    assert_string_equal(s,
                        "a&quot;b\\c&lt;d&gt;&amp;e&apos;f\xef\xbf\xbdg&#9;h\xc3\xa9i\xef\xbf\xbd");
    free(s);
}

static void dot_cleaning(void **state)
{
    (void)state;
    char *s = sg_dot_clean("a\\b\"c\nd\x02\xc3\xa9<&");
    assert_string_equal(s, "a\\\\b\"c d\xef\xbf\xbd\xc3\xa9<&");
    free(s);
}

static void numbers(void **state)
{
    (void)state;
    char b[64];
    sg_format_double(b, sizeof(b), 3);
    assert_string_equal(b, "3");
    sg_format_double(b, sizeof(b), 0.25);
    assert_string_equal(b, "0.25");
    sg_format_double(b, sizeof(b), 1.0 / 3.0);
    assert_true(strtod(b, NULL) == 1.0 / 3.0);
    sg_format_double(b, sizeof(b), 1.0 / 0.0);
    assert_string_equal(b, "0");
}

/* A graph from a tiny gazetteer with hostile labels. */
static sg_graph *hostile_graph(sg_gazetteer **gaz)
{
    const char *tsv = "id\tlabel\ttype\tnote\n"
                      "a\"1\tLe \"Quote\" & <Co> Santé\torganisation\tx\\y\n"
                      "b\\2\tBack\\slash Été\tperson\t\n";
    const char *text = "Le \"Quote\" & <Co> Santé et Back\\slash Été.";
    sg_error err;
    sg_extractor *ex;
    sg_graph *g;
    assert_int_equal(sg_gazetteer_new(gaz, &err), 0);
    assert_int_equal(sg_gazetteer_load_buffer(*gaz, "h.tsv", tsv, strlen(tsv), &err), 0);
    assert_int_equal(sg_extractor_new(&ex, *gaz, NULL, &err), 0);
    assert_int_equal(sg_extractor_add(ex, "d", text, strlen(text), &err), 0);
    assert_int_equal(sg_extractor_graph(&g, ex, 0, &err), 0);
    sg_extractor_free(ex);
    return g;
}

static char *export_to_memory(const sg_graph *g, sg_format fmt)
{
    char *buf = NULL;
    size_t len = 0;
    sg_error err;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(sg_export(g, fmt, f, &err), 0);
    fclose(f);
    return buf;
}

static void graphml_hostile_labels(void **state)
{
    (void)state;
    sg_gazetteer *gaz;
    sg_graph *g = hostile_graph(&gaz);
    assert_int_equal(sg_graph_node_count(g), 2);
    assert_int_equal(sg_graph_edge_count(g), 1);
    char *x = export_to_memory(g, SG_FORMAT_GRAPHML);
    assert_non_null(strstr(x, "<node id=\"a&quot;1\">"));
    assert_non_null(strstr(x, "Le &quot;Quote&quot; &amp; &lt;Co&gt; Santé"));
    assert_non_null(strstr(x, "Back\\slash \xc3\x89t\xc3\xa9"));
    assert_non_null(
        strstr(x, "<key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>"));
    assert_non_null(strstr(x, "<edge source=\"a&quot;1\" target=\"b\\2\">"));
    free(x);
    char *d = export_to_memory(g, SG_FORMAT_DOT);
    assert_non_null(strstr(d, "strict graph"));
    assert_non_null(strstr(d, "label=\"Back\\\\slash \xc3\x89t\xc3\xa9\""));
    assert_non_null(strstr(d, "label=\"Le \\\"Quote\\\" & <Co> Santé\""));
    free(d);
    sg_graph_free(g);
    sg_gazetteer_free(gaz);
}

static void atomic_output(void **state)
{
    (void)state;
    char dir[] = "/tmp/sg_test_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof(path), "%s/out.graphml", dir);
    FILE *f = fopen(path, "w");
    fputs("previous", f);
    fclose(f);
    sg_output *o;
    sg_error err;
    assert_int_equal(sg_output_open(&o, path, &err), 0);
    fputs("half-written", sg_output_stream(o));
    sg_output_abort(o);
    char buf[64] = {0};
    f = fopen(path, "r");
    assert_non_null(fgets(buf, sizeof(buf), f));
    fclose(f);
    assert_string_equal(buf, "previous"); /* untouched, and no temporary left */
    assert_int_equal(sg_output_open(&o, path, &err), 0);
    fputs("new", sg_output_stream(o));
    assert_int_equal(sg_output_commit(o, &err), 0);
    f = fopen(path, "r");
    assert_non_null(fgets(buf, sizeof(buf), f));
    fclose(f);
    assert_string_equal(buf, "new");
    unlink(path);
    assert_int_equal(rmdir(dir), 0); /* fails if a temporary file was left */
    /* a full device is an error, not a silent success */
    assert_int_equal(sg_output_open(&o, "/dev/full", &err), 0);
    for (int i = 0; i < 10000; i++)
        fputs("0123456789", sg_output_stream(o));
    assert_int_equal(sg_output_commit(o, &err), SG_ERR_IO);
    assert_string_equal(err.file, "/dev/full");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(xml_escaping),  cmocka_unit_test(dot_cleaning),
        cmocka_unit_test(numbers),       cmocka_unit_test(graphml_hostile_labels),
        cmocka_unit_test(atomic_output),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
