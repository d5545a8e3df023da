/* The public extractor API: options, warnings, strict mode, callbacks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "stakegraph/stakegraph.h"

static const char *GAZ = "id\tlabel\ttype\taliases\n"
                         "org:ars\tARS Paca\torganisation\tARS\n"
                         "place:nice\tNice\tplace\t\n";

typedef struct {
    int warnings, mentions, stop;
    long long offset;
    char last[512];
} seen;

static void on_warning(const sg_error *w, void *ctx)
{
    seen *s = ctx;
    s->warnings++;
    s->offset = w->offset;
    strcpy(s->last, w->message);
}

static int on_mention(const sg_mention *m, void *ctx)
{
    seen *s = ctx;
    s->mentions++;
    assert_int_equal(m->end - m->start, strlen(m->id) == 7 ? 3 : 4);
    return s->stop;
}

static sg_extractor *make(sg_gazetteer **gaz, const sg_extract_options *opt, seen *s)
{
    sg_error err;
    sg_extractor *ex;
    assert_int_equal(sg_gazetteer_new(gaz, &err), 0);
    assert_int_equal(sg_gazetteer_load_buffer(*gaz, "g.tsv", GAZ, strlen(GAZ), &err), 0);
    assert_int_equal(sg_extractor_new(&ex, *gaz, opt, &err), 0);
    sg_extractor_on_warning(ex, on_warning, s);
    sg_extractor_on_mention(ex, on_mention, s);
    return ex;
}

static void unit_options(void **state)
{
    (void)state;
    sg_extract_options o;
    sg_extract_options_init(&o);
    assert_int_equal(o.unit, SG_UNIT_SENTENCE);
    assert_int_equal(sg_extract_options_set_unit(&o, "window:12"), 0);
    assert_int_equal(o.unit, SG_UNIT_WINDOW);
    assert_int_equal(o.window, 12);
    assert_int_equal(sg_extract_options_set_unit(&o, "paragraph"), 0);
    assert_int_equal(o.unit, SG_UNIT_PARAGRAPH);
    assert_int_equal(sg_extract_options_set_unit(&o, "window:0"), SG_ERR_INVALID);
    assert_int_equal(sg_extract_options_set_unit(&o, "window:3x"), SG_ERR_INVALID);
    assert_int_equal(sg_extract_options_set_unit(&o, "window:-3"), SG_ERR_INVALID);
    assert_int_equal(sg_extract_options_set_unit(&o, "phrase"), SG_ERR_INVALID);
    assert_int_equal(sg_extract_options_set_unit(&o, "window"), SG_ERR_INVALID);
    assert_int_equal(sg_extract_options_set_unit(&o, "windows:3"), SG_ERR_INVALID);
    /* one table of names: written back as read, singular and plural */
    static const char *const specs[] = {"sentence", "paragraph", "document", "window:7"};
    for (size_t i = 0; i < 4; i++) {
        char buf[32];
        assert_int_equal(sg_extract_options_set_unit(&o, specs[i]), 0);
        sg_extract_options_unit(&o, buf, sizeof(buf));
        assert_string_equal(buf, specs[i]);
    }
    assert_string_equal(sg_unit_name(SG_UNIT_PARAGRAPH, 1), "paragraphs");
    assert_string_equal(sg_unit_name(SG_UNIT_WINDOW, 0), "window");
    assert_string_equal(sg_unit_name((sg_unit)9, 0), "?");
}

static void warnings_and_strict(void **state)
{
    (void)state;
    seen s = {0};
    sg_gazetteer *gaz;
    sg_error err;
    sg_extractor *ex = make(&gaz, NULL, &s);
    const char *bad = "Nice \xff et ARS.";
    assert_int_equal(sg_extractor_add(ex, "d1", bad, strlen(bad), &err), 0);
    assert_int_equal(s.warnings, 1);
    assert_int_equal(s.offset, 5);
    assert_non_null(strstr(s.last, "invalid UTF-8"));
    assert_int_equal(sg_extractor_add(ex, "d2", "  \n", 3, &err), 0);
    assert_int_equal(s.warnings, 2);
    assert_string_equal(s.last, "empty document");
    assert_int_equal(sg_extractor_add(ex, "d3", "\xff\xfeN\0", 4, &err), SG_ERR_UTF8);
    assert_int_equal(sg_extractor_documents(ex), 2);
    sg_extractor_free(ex);
    sg_gazetteer_free(gaz);

    sg_extract_options o;
    sg_extract_options_init(&o);
    o.strict = 1;
    memset(&s, 0, sizeof(s));
    ex = make(&gaz, &o, &s);
    assert_int_equal(sg_extractor_add(ex, "d1", bad, strlen(bad), &err), SG_ERR_UTF8);
    assert_string_equal(err.file, "d1");
    assert_int_equal(err.offset, 5);
    sg_graph *g;
    assert_int_equal(sg_extractor_graph(&g, ex, 0, &err), 0);
    assert_int_equal(sg_graph_node_count(g), 0); /* nothing of the refused document */
    sg_graph_free(g);
    sg_extractor_free(ex);
    sg_gazetteer_free(gaz);
}

static void failing_callback_counts_nothing(void **state)
{
    (void)state;
    seen s = {0};
    sg_gazetteer *gaz;
    sg_error err;
    sg_extractor *ex = make(&gaz, NULL, &s);
    assert_int_equal(sg_extractor_add(ex, "d1", "Nice et ARS.", 12, &err), 0);
    assert_int_equal(s.mentions, 2);
    s.stop = 1;
    assert_int_equal(sg_extractor_add(ex, "d2", "ARS et Nice.", 12, &err), SG_ERR_IO);
    sg_graph *g;
    assert_int_equal(sg_extractor_graph(&g, ex, 0, &err), 0);
    double w;
    long docs;
    assert_int_equal(sg_graph_edge_count(g), 1);
    sg_graph_edge(g, 0, NULL, NULL, &w, &docs);
    assert_true(w == 1.0); /* d2 was not counted */
    assert_int_equal(docs, 1);
    assert_int_equal(sg_graph_node_mentions(g, 0), 1);
    sg_graph_free(g);
    sg_extractor_free(ex);
    sg_gazetteer_free(gaz);
}

/* An actor named on a command line: by id, or by a name matched as a whole. */
static void find_actor(void **state)
{
    (void)state;
    sg_gazetteer *gaz;
    seen s = {0};
    sg_extractor *ex = make(&gaz, NULL, &s);
    assert_int_equal(sg_extractor_find_actor(ex, "place:nice"),
                     sg_gazetteer_find(gaz, "place:nice"));
    assert_int_equal(sg_extractor_find_actor(ex, "ars paca"), sg_gazetteer_find(gaz, "org:ars"));
    assert_int_equal(sg_extractor_find_actor(ex, "ARS"), sg_gazetteer_find(gaz, "org:ars"));
    assert_int_equal(sg_extractor_find_actor(ex, "ARS et Nice"), -1); /* not as a whole */
    assert_int_equal(sg_extractor_find_actor(ex, "Marseille"), -1);
    assert_int_equal(s.mentions, 0); /* the extractor's own callbacks are not called */
    sg_extractor_free(ex);
    sg_gazetteer_free(gaz);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(unit_options),
        cmocka_unit_test(find_actor),
        cmocka_unit_test(warnings_and_strict),
        cmocka_unit_test(failing_callback_counts_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
