/* Names found in the corpus (suggest.h, sg_gazetteer_add_found and
 * sg_gazetteer_find_in_corpus): which rows become actors, how their
 * mentions say so, and the node column that marks them. Every text here is
 * invented for the test. */
#include "suggest_test_util.h"

static const char *const text =
    "Le docteur Karim Benali, médecin urgentiste, a rencontré l’ARS Paca. M. Benali a "
    "insisté.\n\nL’Observatoire régional des urgences (ORU) publie son rapport.\n\n"
    "M. Girardin a répondu.\n";

static const char *const ars =
    "id\tlabel\ttype\taliases\norg:ars-paca\tAgence régionale de santé\torganisation\tARS Paca\n";

static sg_gazetteer *gazetteer(void)
{
    sg_error err;
    sg_gazetteer *gaz = NULL;
    assert_int_equal(sg_gazetteer_new(&gaz, &err), 0);
    assert_int_equal(sg_gazetteer_load_buffer(gaz, "t.tsv", ars, strlen(ars), &err), 0);
    return gaz;
}

/* The rows of `kinds` only; a person by surname alone never. */
static void kinds_taken(void **state)
{
    (void)state;
    const char *texts[] = {text, NULL};
    sg_suggestion_list *rows = run(ars, texts);
    assert_non_null(row(rows, "Girardin")); /* suggest proposes it ... */
    struct {
        unsigned kinds;
        int person, body;
    } cases[] = {
        {SG_FOUND_PEOPLE, 1, 0}, {SG_FOUND_DEFINITIONS, 0, 1}, {SG_FOUND_DEFAULT, 1, 1}, {0, 0, 0}};
    for (size_t k = 0; k < sizeof(cases) / sizeof(*cases); k++) {
        sg_error err;
        sg_gazetteer *gaz = gazetteer();
        assert_int_equal(sg_gazetteer_add_found(gaz, rows, cases[k].kinds, &err), 0);
        assert_int_equal(sg_gazetteer_count(gaz),
                         1 + (size_t)cases[k].person + (size_t)cases[k].body);
        assert_int_equal(sg_gazetteer_find(gaz, "person:karim-benali") >= 0, cases[k].person);
        assert_int_equal(sg_gazetteer_find(gaz, "org:observatoire-regional-des-urgences") >= 0,
                         cases[k].body);
        assert_int_equal(sg_gazetteer_find(gaz, "person:girardin"), -1); /* ... never taken */
        sg_gazetteer_free(gaz);
    }
    sg_suggestion_list_free(rows);
}

/* A body named by an establishment's head ("la clinique Verlanne", "la
 * Mutuelle du Lubéron") is a "named" row, taken by default; a capitalised
 * sequence without one ("Pos Nordal") is a "sequence" row, not taken, and
 * so is a compound that starts with a head ("Centre-Femme-Enfant-Vallon",
 * a project's name). */
static void named_bodies(void **state)
{
    (void)state;
    const char *texts[] = {"Les patients sont transférés vers la clinique Verlanne. La Mutuelle "
                           "du Lubéron rembourse. Le cabinet Pos Nordal conseille Pos Nordal. "
                           "Le pôle s'appellera Centre-Femme-Enfant-Vallon.",
                           NULL};
    sg_suggestion_list *rows = run(ars, texts);
    assert_string_equal(row(rows, "Clinique Verlanne")->kind, "named");
    assert_string_equal(row(rows, "Mutuelle du Lubéron")->kind, "named");
    const sg_suggestion *project = row(rows, "Centre-Femme-Enfant-Vallon");
    assert_non_null(project);
    assert_string_not_equal(project->kind, "named");
    sg_error err;
    sg_gazetteer *gaz = gazetteer();
    assert_int_equal(sg_gazetteer_add_found(gaz, rows, SG_FOUND_DEFAULT, &err), 0);
    assert_true(sg_gazetteer_find(gaz, "org:clinique-verlanne") >= 0);
    assert_true(sg_gazetteer_find(gaz, "org:mutuelle-du-luberon") >= 0);
    for (size_t i = 0; i < sg_suggestion_list_count(rows); i++) {
        const sg_suggestion *r = sg_suggestion_list_get(rows, i);
        if (strcmp(r->kind, "named") && strcmp(r->kind, "person") && strcmp(r->kind, "definition"))
            assert_int_equal(sg_gazetteer_find(gaz, r->id), -1);
    }
    sg_gazetteer_free(gaz);
    gaz = gazetteer();
    assert_int_equal(sg_gazetteer_add_found(gaz, rows, SG_FOUND_PEOPLE, &err), 0);
    assert_int_equal(sg_gazetteer_find(gaz, "org:clinique-verlanne"), -1);
    sg_gazetteer_free(gaz);
    sg_suggestion_list_free(rows);
}

static int on_mention(const sg_mention *m, void *ctx)
{
    char *log = ctx;
    size_t n = strlen(log);
    snprintf(log + n, 1024 - n, "%.*s=%s;", (int)(m->end - m->start), m->text, m->match);
    return 0;
}

/* Over a corpus: the found actors' mentions match "found" (the surname
 * too), the gazetteer's as before, and the network's nodes say which were
 * found, and as what. */
static void corpus_mentions_and_nodes(void **state)
{
    (void)state;
    sg_error err;
    sg_gazetteer *gaz = gazetteer();
    sg_corpus *c = NULL;
    sg_document d = {"d", text, strlen(text), NULL, 0};
    assert_int_equal(sg_corpus_new(&c, SG_CORPUS_TEXT, NULL, &err), 0);
    assert_int_equal(sg_corpus_add_document(c, &d, &err), 0);
    assert_int_equal(sg_gazetteer_find_in_corpus(gaz, c, SG_FOUND_DEFAULT, NULL, NULL, &err), 0);
    sg_extractor *ex = NULL;
    assert_int_equal(sg_extractor_new(&ex, gaz, NULL, &err), 0);
    char log[1024] = "";
    sg_extractor_on_mention(ex, on_mention, log);
    assert_int_equal(sg_extractor_add(ex, "d", text, strlen(text), &err), 0);
    assert_string_equal(log, "Karim Benali=found;ARS Paca=exact;Benali=found;"
                             "Observatoire régional des urgences=found;ORU=found;");
    sg_graph *g = NULL;
    assert_int_equal(sg_extractor_graph(&g, ex, 1, &err), 0);
    size_t a = 0;
    while (a < sg_graph_attr_count(g) && strcmp(sg_graph_attr_name(g, a), "found"))
        a++;
    assert_true(a < sg_graph_attr_count(g));
    int seen = 0;
    for (size_t i = 0; i < sg_graph_node_count(g); i++) {
        const char *id = sg_graph_node_id(g, i), *v = sg_graph_node_attr(g, i, a);
        if (!strcmp(id, "org:ars-paca"))
            assert_null(v), seen |= 1;
        else if (!strcmp(id, "person:karim-benali"))
            assert_string_equal(v, "person"), seen |= 2;
        else if (!strcmp(id, "org:observatoire-regional-des-urgences"))
            assert_string_equal(v, "definition"), seen |= 4;
    }
    assert_int_equal(seen, 7);
    sg_graph_free(g);
    sg_extractor_free(ex);
    sg_corpus_free(c);
    sg_gazetteer_free(gaz);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kinds_taken),
        cmocka_unit_test(named_bodies),
        cmocka_unit_test(corpus_mentions_and_nodes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
