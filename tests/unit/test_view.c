/* The HTML view's units (marked snippets, kept per edge) and its page: the
 * data that no text can break out of (issue 18). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "sg_internal.h"
#include "stakegraph/stakegraph.h"
#include "view_int.h"

/* A co-occurrence of the names a and b (their first occurrences in text). */
static sg_cooccurrence unit_of(const char *text, const char *a, const char *b)
{
    const char *pa = strstr(text, a), *pb = strstr(text, b);
    assert_non_null(pa);
    assert_non_null(pb);
    sg_cooccurrence c = {"doc.txt",
                         0,
                         strlen(text),
                         "org:a",
                         "org:b",
                         (size_t)(pa - text),
                         (size_t)(pa - text) + strlen(a),
                         (size_t)(pb - text),
                         (size_t)(pb - text) + strlen(b),
                         text,
                         strlen(text),
                         3};
    return c;
}

/* The snippet's piece [spans[k], spans[k + 1]). */
static char *piece(const char *s, const size_t *spans, int k)
{
    return sg_strndup(s + spans[k], spans[k + 1] - spans[k]);
}

static void marks_follow_cleaning(void **state)
{
    (void)state;
    /* runs of white space and a line break collapse to one space, before and
     * inside the names; invalid UTF-8 becomes U+FFFD */
    const char *text = "Le  \xff  CH\n  de Digne   et\t\tl'ARS   Paca  signent.";
    sg_cooccurrence c = unit_of(text, "CH\n  de Digne", "ARS   Paca");
    size_t sp[4];
    char *s = sg_evidence_snippet_marked(&c, 400, sp);
    assert_string_equal(s, "Le \xef\xbf\xbd CH de Digne et l'ARS Paca signent.");
    size_t at[6] = {0, sp[0], sp[1], sp[2], sp[3], strlen(s)};
    const char *want[] = {"Le \xef\xbf\xbd ", "CH de Digne", " et l'", "ARS Paca", " signent."};
    for (int k = 0; k < 5; k++) {
        char *p = piece(s, at, k);
        assert_string_equal(p, want[k]);
        free(p);
    }
    free(s);
    /* the second name first in the text: spans are in the text's order */
    c = unit_of("l'ARS et l'AP-HM", "AP-HM", "ARS");
    s = sg_evidence_snippet_marked(&c, 400, sp);
    assert_int_equal(sp[0], 2);
    assert_int_equal(sp[1], 5);
    assert_int_equal(sp[2], 11);
    assert_int_equal(sp[3], 16);
    free(s);
}

static void marks_in_a_cut_unit(void **state)
{
    (void)state;
    /* a long unit is cut around the names, which stay marked whole */
    char text[2000];
    memset(text, 0, sizeof(text));
    for (int i = 0; i < 40; i++)
        strcat(text, "mot ");
    strcat(text, "Alpha ");
    for (int i = 0; i < 300; i++)
        strcat(text, "xx ");
    strcat(text, "Beta");
    for (int i = 0; i < 40; i++)
        strcat(text, " fin");
    sg_cooccurrence c = unit_of(text, "Alpha", "Beta");
    size_t sp[4];
    char *s = sg_evidence_snippet_marked(&c, 400, sp);
    assert_true(strlen(s) < 500);
    assert_non_null(strstr(s, "\xe2\x80\xa6")); /* "…" where cut */
    char *a = piece(s, (size_t[]){sp[0], sp[1]}, 0), *b = piece(s, (size_t[]){sp[2], sp[3]}, 0);
    assert_string_equal(a, "Alpha");
    assert_string_equal(b, "Beta");
    free(a);
    free(b);
    free(s);
    /* one name inside the other: one span, the second empty */
    c = unit_of("Le CHU de Nice ouvre.", "CHU de Nice", "Nice");
    s = sg_evidence_snippet_marked(&c, 400, sp);
    a = piece(s, (size_t[]){sp[0], sp[1]}, 0);
    assert_string_equal(a, "CHU de Nice");
    assert_int_equal(sp[2], sp[3]);
    free(a);
    free(s);
}

static void store_keeps_the_first_units(void **state)
{
    (void)state;
    sg_unit_store *st = sg_unit_store_new(2);
    assert_non_null(st);
    const char *text = "Alpha et Beta.";
    for (int i = 0; i < 5; i++) {
        sg_cooccurrence c = unit_of(text, "Alpha", "Beta");
        c.doc = i < 3 ? "a.txt" : "b.txt";
        c.line = (size_t)i + 1;
        assert_int_equal(sg_unit_store_add(st, &c), SG_OK);
    }
    sg_cooccurrence other = unit_of(text, "Alpha", "Beta");
    other.source = "org:b";
    other.target = "org:c";
    assert_int_equal(sg_unit_store_add(st, &other), SG_OK);
    /* found in either order; two kept of five, in order */
    const sg_view_edge *e = sg_unit_store_find(st, "org:b", "org:a");
    assert_non_null(e);
    assert_ptr_equal(e, sg_unit_store_find(st, "org:a", "org:b"));
    assert_int_equal(e->nkept, 2);
    assert_int_equal(e->total, 5);
    assert_int_equal(st->units[e->kept[0]].line, 1);
    assert_int_equal(st->units[e->kept[1]].line, 2);
    assert_int_equal(st->ndocs, 2); /* a.txt, and the other edge's */
    assert_null(sg_unit_store_find(st, "org:a", "org:c"));
    assert_int_equal(sg_unit_store_find(st, "org:c", "org:b")->total, 1);
    sg_unit_store_free(st);
    /* many edges: the table grows and finds each again */
    st = sg_unit_store_new(0);
    char ids[2000][12];
    for (int i = 0; i < 1000; i++) {
        snprintf(ids[2 * i], 12, "a%04d", i);
        snprintf(ids[2 * i + 1], 12, "b%04d", i);
        sg_cooccurrence c = unit_of(text, "Alpha", "Beta");
        c.source = ids[2 * i];
        c.target = ids[2 * i + 1];
        for (int k = 0; k <= i % 3; k++)
            assert_int_equal(sg_unit_store_add(st, &c), SG_OK);
    }
    for (int i = 0; i < 1000; i++) {
        e = sg_unit_store_find(st, ids[2 * i + 1], ids[2 * i]);
        assert_non_null(e);
        assert_int_equal(e->total, (size_t)(i % 3 + 1));
        assert_int_equal(e->nkept, 0);
    }
    assert_int_equal(st->nunits, 0);
    sg_unit_store_free(st);
}

/* The data <script> of a page, as a string (caller frees). */
static char *data_of(const char *page)
{
    const char *open = strstr(page, "<script type=\"application/json\" id=\"sg-data\">");
    assert_non_null(open);
    open = strchr(open, '>') + 1;
    const char *close = strstr(open, "</script>");
    assert_non_null(close);
    return sg_strndup(open, (size_t)(close - open));
}

static void page_keeps_text_inside(void **state)
{
    (void)state;
    const char *gaz_text = "id\tlabel\ttype\taliases\n"
                           "org:x\t</script><b>X\xe2\x80\xa8</b>\torganisation\tXcorp\n"
                           "org:y\tY & <Co>\torganisation\tYcorp\n";
    sg_gazetteer *gaz = NULL;
    sg_error err;
    assert_int_equal(sg_gazetteer_new(&gaz, &err), SG_OK);
    assert_int_equal(sg_gazetteer_load_buffer(gaz, "t.tsv", gaz_text, strlen(gaz_text), &err),
                     SG_OK);
    sg_extract_options eo;
    sg_extract_options_init(&eo);
    eo.record_documents = 1;
    sg_extractor *ex = NULL;
    assert_int_equal(sg_extractor_new(&ex, gaz, &eo, &err), SG_OK);
    const char *text = "Xcorp et Ycorp </script><script>alert(1)</script>.";
    sg_document d = {"d<1>", text, strlen(text), NULL, 0};
    assert_int_equal(sg_extractor_add_document(ex, &d, &err), SG_OK);
    sg_graph *g = NULL;
    assert_int_equal(sg_extractor_graph(&g, ex, 1, &err), SG_OK);
    assert_int_equal(sg_graph_layout(g, NULL, &err), SG_OK);
    sg_render_options ro;
    sg_render_options_init(&ro);
    ro.title = "T </title><script>";
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    sg_view_sources src = {ex, NULL, NULL};
    int rc = sg_view_write(g, &ro, &src, f, &err);
    fclose(f);
    if (!sg_view_available()) { /* a build without node: said how to get it */
        assert_int_equal(rc, SG_ERR_INVALID);
        assert_non_null(strstr(err.message, "node and npm"));
    } else {
        assert_int_equal(rc, SG_OK);
        assert_non_null(strstr(buf, "<title>T &lt;/title&gt;&lt;script&gt;</title>"));
        char *data = data_of(buf);
        /* no '<', '>' or '&' nor a raw U+2028 in the data: escaped */
        assert_null(strpbrk(data, "<>&"));
        assert_null(strstr(data, "\xe2\x80\xa8"));
        assert_non_null(strstr(data, "\"\\u003c/script\\u003e\\u003cb\\u003eX\\u2028"));
        assert_non_null(strstr(data, "\"Y \\u0026 \\u003cCo\\u003e\""));
        assert_non_null(strstr(data, "\"name\":\"d\\u003c1\\u003e\""));
        free(data);
    }
    free(buf);
    sg_graph_free(g);
    sg_extractor_free(ex);
    sg_gazetteer_free(gaz);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(marks_follow_cleaning),
        cmocka_unit_test(marks_in_a_cut_unit),
        cmocka_unit_test(store_keeps_the_first_units),
        cmocka_unit_test(page_keeps_text_inside),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
