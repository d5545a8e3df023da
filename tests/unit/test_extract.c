/* The public extractor API: options, warnings, strict mode, callbacks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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

/* A gazetteer of `n` entities (rows from `first`), people, places and
 * organisations with aliases, a surname and a pattern, as a TSV. */
static char *rows(size_t first, size_t n)
{
    size_t cap = 200 * n + 200, len = 0;
    char *t = malloc(cap);
    assert_non_null(t);
    len += (size_t)snprintf(t + len, cap - len, "id\tlabel\ttype\taliases\tpattern\tsurname\n");
    for (size_t i = first; i < first + n; i++) {
        if (i % 3 == 0)
            len += (size_t)snprintf(t + len, cap - len,
                                    "person:%05zu\tJeanne Bertin%zu\tperson\t\t\t\n", i, i);
        else if (i % 3 == 1)
            len += (size_t)snprintf(t + len, cap - len,
                                    "place:%05zu\tVille-sur-Orb%zu\tplace\t\t\t\n", i, i);
        else
            len += (size_t)snprintf(
                t + len, cap - len,
                "org:%05zu\tAgence régionale de santé %zu\torganisation\tARS%zu\t%s\t\n", i, i, i,
                i == 2 ? "ARS-Z[0-9]+" : "");
    }
    return t;
}

typedef struct {
    char *out;
    size_t size, len;
} listed;

static int list_mention(const sg_mention *m, void *ctx)
{
    listed *l = ctx;
    l->len += (size_t)snprintf(l->out + l->len, l->size - l->len, "%s@%zu ", m->id, m->start);
    return 0;
}

/* The mentions of `text` by `ex`, "id@start" joined. */
static void mentions_of(sg_extractor *ex, const char *text, char *out, size_t size)
{
    listed l = {out, size, 0};
    out[0] = '\0';
    sg_error err;
    sg_extractor_on_mention(ex, list_mention, &l);
    assert_int_equal(sg_extractor_add(ex, "d", text, strlen(text), &err), 0);
    sg_extractor_on_mention(ex, NULL, NULL);
}

/* An extractor made while its gazetteer loads (two files, the second moving
 * the array of entities while the matcher reads it) finds what one made
 * after the loading finds; a failed loading leaves nothing to free. */
static void made_while_loading(void **state)
{
    (void)state;
    char *a = rows(0, 1500), *b = rows(1500, 700);
    const char *text =
        "Jeanne Bertin3 et Jeanne Bertin1503. Mme Bertin1503, l'ARS41 de Ville-sur-Orb1501 et "
        "l'Agence régionale de santé 2 (ARS-Z17) avec Ville-sur-Orb4.";
    sg_error err;
    sg_gazetteer *g1, *g2;
    sg_extractor *e1, *e2;
    assert_int_equal(sg_gazetteer_new(&g1, &err), 0);
    assert_int_equal(sg_gazetteer_load_buffer(g1, "a.tsv", a, strlen(a), &err), 0);
    assert_int_equal(sg_gazetteer_load_buffer(g1, "b.tsv", b, strlen(b), &err), 0);
    assert_int_equal(sg_extractor_new(&e1, g1, NULL, &err), 0);

    sg_extractor_maker *mk;
    assert_int_equal(sg_gazetteer_new(&g2, &err), 0);
    assert_int_equal(sg_extractor_begin(&mk, g2, NULL, &err), 0);
    assert_int_equal(sg_gazetteer_load_buffer(g2, "a.tsv", a, strlen(a), &err), 0);
    assert_int_equal(sg_gazetteer_load_buffer(g2, "b.tsv", b, strlen(b), &err), 0);
    sg_extractor_loaded(mk, 1);
    assert_int_equal(sg_extractor_end(mk, &e2, &err), 0);

    char m1[2048], m2[2048];
    mentions_of(e1, text, m1, sizeof(m1));
    mentions_of(e2, text, m2, sizeof(m2));
    assert_string_equal(m1, m2);
    /* (a surname, a pattern, places: all read) */
    assert_non_null(strstr(strstr(m1, "person:01503@"), "person:01503@41 "));
    assert_non_null(strstr(m1, "org:00002@"));
    assert_non_null(strstr(m1, "place:01501@"));
    sg_extractor_free(e1);
    sg_extractor_free(e2);
    sg_gazetteer_free(g1);

    /* entities loaded before the making began are compiled too */
    assert_int_equal(sg_extractor_begin(&mk, g2, NULL, &err), 0);
    sg_extractor_loaded(mk, 1);
    assert_int_equal(sg_extractor_end(mk, &e2, &err), 0);
    mentions_of(e2, text, m2, sizeof(m2));
    assert_string_equal(m1, m2);
    sg_extractor_free(e2);
    sg_gazetteer_free(g2);

    /* a failed loading (a duplicate id in the second file): the work is
     * discarded, or ending asks for an extractor there is not */
    for (int ask = 0; ask < 2; ask++) {
        assert_int_equal(sg_gazetteer_new(&g2, &err), 0);
        assert_int_equal(sg_extractor_begin(&mk, g2, NULL, &err), 0);
        assert_int_equal(sg_gazetteer_load_buffer(g2, "a.tsv", a, strlen(a), &err), 0);
        assert_int_equal(sg_gazetteer_load_buffer(g2, "a2.tsv", a, strlen(a), &err), SG_ERR_PARSE);
        sg_extractor_loaded(mk, 0);
        e2 = NULL;
        if (ask) {
            assert_int_equal(sg_extractor_end(mk, &e2, &err), SG_ERR_INVALID);
            assert_null(e2);
        } else {
            assert_int_equal(sg_extractor_end(mk, NULL, NULL), 0);
        }
        sg_gazetteer_free(g2);
    }
    free(a);
    free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(unit_options),        cmocka_unit_test(find_actor),
        cmocka_unit_test(warnings_and_strict), cmocka_unit_test(failing_callback_counts_nothing),
        cmocka_unit_test(made_while_loading),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
