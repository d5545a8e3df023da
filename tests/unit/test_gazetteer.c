/* Gazetteer loading: format, errors with file and line, all or nothing (SPEC §3). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "gazetteer_int.h"
#include "stakegraph/gazetteer.h"

static int load(sg_gazetteer *g, const char *tsv, sg_error *err)
{
    sg_error_clear(err);
    return sg_gazetteer_load_buffer(g, "test.tsv", tsv, strlen(tsv), err);
}

static void good_file(void **state)
{
    (void)state;
    sg_gazetteer *g;
    sg_error err;
    assert_int_equal(sg_gazetteer_new(&g, &err), 0);
    assert_int_equal(load(g,
                          "# comment\n\n"
                          "id\tlabel\ttype\taliases\tkind\r\n"
                          "org:a\tAssistance publique\torganisation\tAP-HM|=Ap\thospital\r\n"
                          "p:x\tJean-Paul Segade\tperson\t\t\n",
                          &err),
                     0);
    assert_int_equal(sg_gazetteer_count(g), 2);
    assert_int_equal(sg_gazetteer_find(g, "p:x"), 1);
    assert_int_equal(sg_gazetteer_find(g, "nope"), -1);
    const sg_entity *e = sg_gazetteer_entity(g, 0);
    assert_int_equal(e->naliases, 2);
    assert_string_equal(e->aliases[1], "=Ap");
    assert_int_equal(g->nattr, 1);
    assert_string_equal(g->attr_names[0], "kind");
    assert_string_equal(e->attrs[0], "hospital");
    assert_null(sg_gazetteer_entity(g, 1)->attrs[0]); /* empty cell = absent */
    sg_gazetteer_free(g);
}

/* Each bad input: the message and the line it names. */
static void expect_error(const char *tsv, long line, const char *needle)
{
    sg_gazetteer *g;
    sg_error err;
    assert_int_equal(sg_gazetteer_new(&g, &err), 0);
    assert_int_equal(load(g, "id\tlabel\ttype\nok\tOK\tplace\n", &err), 0);
    assert_true(load(g, tsv, &err) < 0);
    assert_string_equal(err.file, "test.tsv");
    assert_int_equal(err.line, line);
    if (!strstr(err.message, needle))
        fail_msg("message '%s' lacks '%s'", err.message, needle);
    /* nothing half-loaded: the earlier file is all that is there */
    assert_int_equal(sg_gazetteer_count(g), 1);
    assert_int_equal(g->nattr, 0);
    sg_gazetteer_free(g);
}

static void errors(void **state)
{
    (void)state;
    expect_error("id\tlabel\ttype\nx\tX\tplace\nok\tDup\tplace\n", 3, "duplicate id 'ok'");
    expect_error("id\tlabel\ttype\tkind\nx\tX\tplace\tk\ny\tY\n", 3, "missing column 'type'");
    expect_error("id\tlabel\ttype\nx\tX\tplace\textra\n", 2, "4 fields");
    expect_error("id\tlabel\ttype\taliases\nx\tX\tplace\tA||B\n", 2, "empty alias");
    expect_error("id\tlabel\ttype\taliases\nx\tX\tplace\tA|\n", 2, "empty alias");
    expect_error("id\tlabel\ttype\tpattern\nx\tX\tplace\t(unclosed\n", 2, "invalid pattern");
    expect_error("id\tlabel\ttype\nx\tX\tpl\xff"
                 "ace\n",
                 2, "invalid UTF-8");
    expect_error("id\tlabel\ttype\tsize\n", 1, "reserved");
    expect_error("id\tlabel\n", 1, "no 'type' column");
    expect_error("id\tlabel\ttype\nx\t\tplace\n", 2, "empty 'label'");
    expect_error("id\tlabel\ttype\taliases\nx\tX\tplace\t(--)\n", 2, "no letter or digit");
    expect_error("id\tlabel\ttype\tvariants\nx\tX\tplace\tsometimes\n", 2,
                 "unknown variants 'sometimes'");
    expect_error("id\tlabel\ttype\nx y\tX\tplace\n", 2, "white space");
    expect_error("id\tkind\ttype\tlabel\tkind\n", 1, "twice");
    expect_error("# only a comment\n", 0, "no header");
    expect_error("id\tlabel\ttype\tguard\nx\tX\tplace\tcue\ny\tY\tplace\tsometimes\n", 3,
                 "unknown guard 'sometimes'");
    expect_error("id\tlabel\ttype\taliases\nx\tX\tplace\tA|!\n", 2, "empty alias");
    expect_error("id\tlabel\ttype\taliases\nx\tX\tplace\t!(.)\n", 2, "no letter or digit");
    /* names beyond ASCII are folded to be checked */
    expect_error("id\tlabel\ttype\taliases\nx\tX\tplace\t\xc2\xab \xe2\x80\x94 \xc2\xbb\n", 2,
                 "no letter or digit");
    expect_error("id\tlabel\ttype\taliases\nx\tX\tplace\tA\xe2\x80\xa9\xc3\x89\n", 2,
                 "spans a paragraph break");
}

/* The guard column is read (not copied as an attribute), "!" and "!=" aliases
 * load, and a guard changes the gazetteer's fingerprint. */
static void guards(void **state)
{
    (void)state;
    sg_gazetteer *g, *h;
    sg_error err;
    assert_int_equal(sg_gazetteer_new(&g, &err), 0);
    assert_int_equal(load(g,
                          "id\tlabel\ttype\taliases\tguard\n"
                          "a\tOrange\tplace\t!Orange-Vaucluse|!=ORANGE\tcue\n"
                          "b\tTours\tplace\t\texact\nc\tMars\tplace\t\tconfirm\n"
                          "d\tY\tplace\t\tnever\ne\tNice\tplace\t\t\n",
                          &err),
                     0);
    assert_int_equal(g->nattr, 0);
    assert_int_equal(g->ents[0].guard, SG_GUARD_CUE);
    assert_int_equal(g->ents[1].guard, SG_GUARD_EXACT);
    assert_int_equal(g->ents[2].guard, SG_GUARD_CONFIRM);
    assert_int_equal(g->ents[3].guard, SG_GUARD_NEVER);
    assert_int_equal(g->ents[4].guard, SG_GUARD_NONE);
    assert_int_equal(sg_gazetteer_new(&h, &err), 0);
    assert_int_equal(load(h,
                          "id\tlabel\ttype\taliases\tguard\n"
                          "a\tOrange\tplace\t!Orange-Vaucluse|!=ORANGE\texact\n"
                          "b\tTours\tplace\t\texact\nc\tMars\tplace\t\tconfirm\n"
                          "d\tY\tplace\t\tnever\ne\tNice\tplace\t\t\n",
                          &err),
                     0);
    assert_true(sg_gazetteer_fingerprint(g) != sg_gazetteer_fingerprint(h));
    sg_gazetteer_free(g);
    sg_gazetteer_free(h);
}

static void directories_are_sorted(void **state)
{
    (void)state;
    sg_gazetteer *g;
    sg_error err;
    assert_int_equal(sg_gazetteer_new(&g, &err), 0);
    assert_true(sg_gazetteer_load_path(g, "/nonexistent/dir", &err) < 0);
    assert_string_equal(err.file, "/nonexistent/dir");
    sg_gazetteer_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(good_file),
        cmocka_unit_test(errors),
        cmocka_unit_test(guards),
        cmocka_unit_test(directories_are_sorted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
