/* The suggester's places of reference (sg_suggest_options.places): the
 * places they list that the gazetteers miss are proposed with their own ids
 * and labels, but names that read as something else. Every text and place
 * here is invented for the test or a commune's official name. */
#include "suggest_test_util.h"

/* The places of reference: communes as gazetteers/france lists them. */
static const char *const reference = "id\tlabel\ttype\taliases\tguard\n"
                                     "place:commune:94076\tVillejuif\tplace\t\t\n"
                                     "place:commune:2A272\tSartène\tplace\t\t\n"
                                     "place:commune:66009\tArles-sur-Tech\tplace\t\t\n"
                                     "place:commune:74010\tAlex\tplace\t\t\n"
                                     "place:commune:81277\tLe Ségur\tplace\t\t\n"
                                     "place:commune:69069\tCraponne\tplace\t\t\n"
                                     "place:commune:30012\tAramon\tplace\t\tcue\n"
                                     "place:commune:65011\tAntin\tplace\t\t\n"
                                     "place:commune:54395\tNancy\tplace\t\t\n"
                                     "place:commune:30032\tBeaucaire\tplace\t\t\n"
                                     "place:commune:13055\tMarseille\tplace\t\t\n"
                                     "place:commune:21363\tMagnien\tplace\t\t\n";

/* The gazetteers to complete: Marseille, and a place whose id a reference
 * place has too. */
static const char *const own = "id\tlabel\ttype\n"
                               "place:marseille\tMarseille\tplace\n"
                               "place:commune:2A272\tPropriano\tplace\n";

static sg_suggestion_list *run_places(const char *text)
{
    sg_error err;
    sg_gazetteer *places = NULL;
    assert_int_equal(sg_gazetteer_new(&places, &err), 0);
    assert_int_equal(
        sg_gazetteer_load_buffer(places, "ref.tsv", reference, strlen(reference), &err), 0);
    sg_suggest_options opt;
    sg_suggest_options_init(&opt);
    assert_null(opt.places);
    opt.places = places;
    const char *texts[] = {text, NULL};
    sg_suggestion_list *l = run_opt(own, texts, &opt);
    sg_gazetteer_free(places); /* the list does not depend on it */
    return l;
}

static void places_of_reference(void **state)
{
    (void)state;
    sg_suggestion_list *l = run_places(
        /* (a preposition starting a sentence is no part of the name) */
        "Il a travaillé à Villejuif, puis à Marseille. À Sartène, la start-up recrute, "
        "et à Villejuif.\n");
    const sg_suggestion *r = row(l, "Villejuif");
    assert_non_null(r);
    assert_string_equal(r->id, "place:commune:94076"); /* the reference's id */
    assert_string_equal(r->type, "place");
    assert_string_equal(r->kind, "place");
    assert_int_equal(r->count, 2); /* read once: min_count 2 would not keep a sequence */
    /* the id is the gazetteers' already: one of the row's own */
    r = row(l, "Sartène");
    assert_non_null(r);
    assert_string_equal(r->id, "place:sartene");
    hasnt(l, "Marseille"); /* the gazetteers name it */
    sg_suggestion_list_free(l);
}

static void places_that_read_otherwise(void **state)
{
    (void)state;
    sg_suggestion_list *l = run_places(
        /* a variant of the reference's: Arles is not Arles-sur-Tech */
        "Le ministre était à Arles. "
        /* a first name, a storm's */
        "La tempête Alex a tout emporté. "
        /* the name of a commune with its article in lower case */
        "Les mesures du Ségur, le Ségur de la santé. "
        /* inside another name, by a capital or a capital and de: a person's,
           a district's */
        "Le canal Adam de Craponne et Nancy Martin. Des quartiers tels que La Beaucaire, la "
        "Florane et Bertin. "
        /* a guarded name */
        "Les salariés à Aramon manifestent. "
        /* an organisation's name more often than not */
        "Le fonds Antin investit, aux côtés d’Antin Partners et d’Antin.\n"
        /* after an initial: a photographer's surname */
        "— P.MAGNIEN / 20 MINUTES\nLe portrait, par J. Magnien.\n");
    for (const char *w[] = {"Arles-sur-Tech", "Alex", "Le Ségur", "Craponne", "Nancy", "Beaucaire",
                            "Aramon", "Magnien"},
                    **p = w;
         p < w + sizeof(w) / sizeof(*w); p++)
        if (row(l, *p) && !strcmp(row(l, *p)->type, "place"))
            fail_msg("proposed as a place: %s", *p);
    const sg_suggestion *r = row(l, "Antin");
    if (r && !strcmp(r->type, "place"))
        fail_msg("Antin proposed as a place");
    sg_suggestion_list_free(l);
}

/* Without places of reference, no row is one (a capitalised word after "à"
 * is a sequence, with its own id). */
static void no_places_of_reference(void **state)
{
    (void)state;
    const char *texts[] = {"Il a travaillé à Villejuif.\n", NULL};
    sg_suggestion_list *l = run(empty_gaz, texts);
    for (size_t i = 0; i < sg_suggestion_list_count(l); i++)
        assert_string_not_equal(sg_suggestion_list_get(l, i)->kind, "place");
    const sg_suggestion *r = row(l, "Villejuif");
    assert_true(!r || strcmp(r->id, "place:commune:94076"));
    sg_suggestion_list_free(l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(places_of_reference),
        cmocka_unit_test(places_that_read_otherwise),
        cmocka_unit_test(no_places_of_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
