/* Gazetteer check (SPEC §15): each kind of finding, and names that must not
 * be flagged. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "stakegraph/gazetteer.h"

#define HEADER "id\tlabel\ttype\taliases\tguard\n"

typedef struct {
    char text[8192];
    size_t n, errors;
} seen;

static void collect(const sg_finding *f, void *ctx)
{
    seen *s = ctx;
    size_t used = strlen(s->text);
    snprintf(s->text + used, sizeof(s->text) - used, "%s:%ld:%s:%s:%s\n", f->file, f->line,
             f->error ? "error" : "warning", f->kind, f->message);
    s->n++;
    s->errors += f->error != 0;
}

/* The findings of one buffer, with a small word list. */
static void check(const char *tsv, seen *s)
{
    static const char words[] = "tours\norange\nétat\nmars\n";
    FILE *w = fopen("test_gazcheck.words", "w");
    assert_non_null(w);
    fputs(words, w);
    fclose(w);
    sg_gazetteer *g;
    sg_error err;
    assert_int_equal(sg_gazetteer_new(&g, &err), 0);
    assert_int_equal(sg_gazetteer_load_buffer(g, "t.tsv", tsv, strlen(tsv), &err), 0);
    memset(s, 0, sizeof(*s));
    assert_int_equal(sg_gazetteer_check(g, "test_gazcheck.words", collect, s, &err), 0);
    sg_gazetteer_free(g);
}

static void expect(const seen *s, const char *needle)
{
    if (!strstr(s->text, needle))
        fail_msg("no '%s' in:\n%s", needle, s->text);
}

static void expect_none(const seen *s, const char *needle)
{
    if (strstr(s->text, needle))
        fail_msg("unexpected '%s' in:\n%s", needle, s->text);
}

static void shared_names(void **state)
{
    (void)state;
    seen s;
    check(HEADER "place:a\tSaint-Martin\tplace\t\tcue\n"
                 "place:b\tSaint Martin\tplace\t\tcue\n"
                 "org:c\tSAINT-MARTIN\torganisation\t\t\n"
                 "org:d\tStm\torganisation\t=STM\t\n"
                 "org:e\tBidule\torganisation\tSTM\t\n",
          &s);
    /* b loses to a (id order), folded the same (dash = space) */
    expect(&s, "t.tsv:3:warning:shared:name 'Saint Martin' of place:b is also 'Saint-Martin' of "
               "place:a (t.tsv:2)");
    /* an acronym and an exact name in capitals match the same texts: exact wins */
    expect(&s, "t.tsv:6:warning:shared:name 'STM' of org:e is also '=STM' of org:d");
    /* the acronym only takes the capitals from the plain names: shadowed, not shared */
    expect_none(&s, "t.tsv:2:warning:shared");
    expect_none(&s, "t.tsv:4:warning:shared");
    assert_int_equal(s.errors, 0);
}

static void shadowed_names(void **state)
{
    (void)state;
    seen s;
    check(HEADER "org:ars\tAgence régionale de santé\torganisation\tARS\t\n"
                 "place:ars\tArs\tplace\t\tcue\n"
                 "org:var\tConseil du Var\torganisation\t=Var\t\n"
                 "place:var\tVar\tplace\t\t\n"
                 "place:nice\tNice\tplace\t\t\n"
                 "org:chu\tCHU de Nice\torganisation\tHôpital de Nice\t\n",
          &s);
    expect(&s, "t.tsv:3:warning:shadowed:name 'Ars' of place:ars is also 'ARS' of org:ars "
               "(t.tsv:2): written in capitals");
    expect(&s, "t.tsv:5:warning:shadowed:name 'Var' of place:var is also '=Var' of org:var "
               "(t.tsv:4): written in that exact case");
    /* a longer name containing another is leftmost-longest doing its job */
    expect_none(&s, "t.tsv:6:");
    expect_none(&s, "t.tsv:7:");
    /* the acronym and the exact name lose nothing */
    expect_none(&s, "t.tsv:2:");
    expect_none(&s, "t.tsv:4:");
}

static void redundant_names(void **state)
{
    (void)state;
    seen s;
    check(HEADER "org:a\tSynerpa\torganisation\tSYNERPA|Synérpa|=Synérpa\t\n"
                 "place:gap\tGap\tplace\t=Gap\t\n"
                 "org:b\tBidule\torganisation\tFOO|=FOO\t\n",
          &s);
    expect(&s, "t.tsv:2:warning:redundant:name 'SYNERPA' of org:a adds nothing: its name "
               "'Synerpa'");
    expect(&s, "t.tsv:2:warning:redundant:name '=Synérpa' of org:a");
    expect(&s, "t.tsv:2:warning:redundant:name 'Synérpa' of org:a");
    expect_none(&s, "name 'Synerpa' of org:a adds"); /* the first one stays */
    /* a label repeated as =label is matched only in that case: nothing redundant */
    expect_none(&s, "t.tsv:3:");
    /* the same texts in one entity: the later name is the redundant one */
    expect(&s, "t.tsv:4:warning:redundant:name '=FOO' of org:b adds nothing: its name 'FOO'");
    expect_none(&s, "name 'FOO' of org:b adds");
}

static void common_words(void **state)
{
    (void)state;
    seen s;
    check(HEADER "place:tours\tTours\tplace\t\t\n"
                 "place:orange\tOrange\tplace\t\texact\n"
                 "place:mars\tMars\tplace\t!Mars\tcue\n"
                 "org:etat\tÉtat\torganisation\tETAT|=ÉTAT\t\n"
                 "place:y\tY\tplace\ty\t\n"
                 "org:eu\tUnion européenne\torganisation\tUE|Eu|ars\t\n"
                 "place:var\tVar\tplace\t\t\n",
          &s);
    expect(&s, "t.tsv:2:warning:common-word:name 'Tours' of place:tours is the common French "
               "word 'tours'");
    expect_none(&s, "t.tsv:3:"); /* guarded entry */
    /* a name written !name is never guarded */
    expect(&s, "t.tsv:4:warning:common-word:name '!Mars' of place:mars");
    expect_none(&s, "common-word:name '!Mars' of place:mars is the common French word 'mars' "
                    "and matches in any case, without a guard (guard column: exact, confirm, cue "
                    "or never)\nt.tsv:4:warning:common-word"); /* once: the label is guarded */
    /* ... and the unguarded alias makes the guard of the label pointless */
    expect(&s, "t.tsv:4:warning:redundant:name 'Mars' of place:mars adds nothing: its name "
               "'!Mars'");
    /* plain 'État' folds to a word; the acronym and the exact name do not count */
    expect(&s, "t.tsv:5:warning:common-word:name 'État' of org:etat");
    expect_none(&s, "common-word:name 'ETAT'");
    expect_none(&s, "common-word:name '=ÉTAT'");
    /* very short: 'y' in any case, not the one-letter acronym 'Y' */
    expect(&s, "t.tsv:6:warning:short:name 'y' of place:y");
    expect_none(&s, "short:name 'Y' of");
    expect(&s, "t.tsv:7:warning:short:name 'Eu' of org:eu");
    expect(&s, "t.tsv:7:warning:short:name 'ars' of org:eu");
    expect_none(&s, "name 'UE'");
    /* not in this word list, three letters but capitalised */
    expect_none(&s, "t.tsv:8:");
}

static void no_word_list(void **state)
{
    (void)state;
    sg_gazetteer *g;
    sg_error err;
    seen s;
    memset(&s, 0, sizeof(s));
    const char *tsv = HEADER "place:tours\tTours\tplace\t\t\n";
    assert_int_equal(sg_gazetteer_new(&g, &err), 0);
    assert_int_equal(sg_gazetteer_load_buffer(g, "t.tsv", tsv, strlen(tsv), &err), 0);
    assert_int_equal(sg_gazetteer_check(g, NULL, collect, &s, &err), 0);
    assert_int_equal(s.n, 0);
    assert_true(sg_gazetteer_check(g, "/nonexistent/words", collect, &s, &err) == SG_ERR_IO);
    assert_int_equal(s.n, 0);
    sg_gazetteer_free(g);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Errors of the loader, each with its line, several a file, across files. */
static void file_errors(void **state)
{
    (void)state;
    write_file("test_gazcheck_a.tsv", HEADER "org:a\tA one\torganisation\t\t\n"
                                             "org:b\tB one\torganisation\tx||y\t\n"
                                             "org:a\tA again\torganisation\t\t\n"
                                             "org:c\tC\n"
                                             "org:d\tD one\torganisation\t\tsometimes\n"
                                             "org:e\tE one\torganisation\t\t\n");
    write_file("test_gazcheck_b.tsv", "id\tlabel\ttype\tpattern\n"
                                      "org:e\tE two\torganisation\t\n"
                                      "org:f\tF one\torganisation\t(?i)clinique[\n");
    const char *paths[] = {"test_gazcheck_a.tsv", "test_gazcheck_b.tsv"};
    seen s;
    memset(&s, 0, sizeof(s));
    size_t nerrors = 99;
    sg_error err;
    assert_int_equal(sg_gazetteer_check_paths(paths, 2, NULL, collect, &s, &nerrors, &err), 0);
    expect(&s, "test_gazcheck_a.tsv:3:error:load:empty alias");
    expect(&s, "test_gazcheck_a.tsv:4:error:duplicate-id:duplicate id 'org:a' (first defined at "
               "test_gazcheck_a.tsv:2)");
    expect(&s, "test_gazcheck_a.tsv:5:error:load:missing column 'type'");
    expect(&s, "test_gazcheck_a.tsv:6:error:load:unknown guard 'sometimes'");
    expect(&s, "test_gazcheck_b.tsv:2:error:duplicate-id:duplicate id 'org:e' (first defined at "
               "test_gazcheck_a.tsv:7)");
    expect(&s, "test_gazcheck_b.tsv:3:error:load:invalid pattern");
    assert_int_equal(nerrors, 6);
    assert_int_equal(s.errors, 6);
    /* sorted by file and line */
    assert_true(strstr(s.text, "_a.tsv:3:") < strstr(s.text, "_a.tsv:4:"));
    assert_true(strstr(s.text, "_a.tsv:6:") < strstr(s.text, "_b.tsv:2:"));
    remove("test_gazcheck_a.tsv");
    remove("test_gazcheck_b.tsv");
}

/* A bad header stops the file (its rows would be misread); a missing file is
 * an error of its own; the other files are still checked. */
static void header_errors(void **state)
{
    (void)state;
    write_file("test_gazcheck_h.tsv", "# comment\nid\tlabel\n");
    write_file("test_gazcheck_ok.tsv", HEADER "place:tours\tTours\tplace\t\t\n");
    const char *paths[] = {"test_gazcheck_h.tsv", "test_gazcheck_none.tsv", "test_gazcheck_ok.tsv"};
    seen s;
    memset(&s, 0, sizeof(s));
    sg_error err;
    assert_int_equal(sg_gazetteer_check_paths(paths, 3, NULL, collect, &s, NULL, &err), 0);
    expect(&s, "test_gazcheck_h.tsv:2:error:load:the header has no 'type' column");
    expect(&s, "test_gazcheck_none.tsv:0:error:load:cannot open");
    assert_int_equal(s.errors, 3); /* + "nothing of this file is checked further" */
    remove("test_gazcheck_h.tsv");
    remove("test_gazcheck_ok.tsv");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shared_names),    cmocka_unit_test(shadowed_names),
        cmocka_unit_test(redundant_names), cmocka_unit_test(common_words),
        cmocka_unit_test(no_word_list),    cmocka_unit_test(file_errors),
        cmocka_unit_test(header_errors),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    remove("test_gazcheck.words");
    return rc;
}
