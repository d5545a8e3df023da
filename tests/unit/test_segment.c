/* French-aware sentence splitting, paragraphs and windows (SPEC §5). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "segment.h"

/* Number of units of `s` for `unit`, and the folded text of unit k. */
static size_t count_units(const char *s, sg_unit unit, unsigned window)
{
    sg_folded f;
    sg_units u;
    memset(&f, 0, sizeof(f));
    memset(&u, 0, sizeof(u));
    assert_int_equal(sg_fold(&f, s, strlen(s), 0), 0);
    assert_int_equal(sg_segment(&u, &f, unit, window), 0);
    size_t n = u.count;
    sg_units_free(&u);
    sg_folded_free(&f);
    return n;
}

static size_t sentences(const char *s)
{
    return count_units(s, SG_UNIT_SENTENCE, 0);
}

static void plain_sentences(void **state)
{
    (void)state;
    assert_int_equal(sentences("Une phrase. Une autre ! Et une troisième ? Fin…"), 4);
    assert_int_equal(sentences("«Nous avançons.» La suite."), 2);
    /* an ellipsis in brackets marks a cut: what follows in capitals is a new sentence */
    assert_int_equal(sentences("Il l'a dit (…) Ensuite rien."), 2);
    assert_int_equal(sentences("Il l'a dit (…) et ensuite rien."), 1);
}

static void abbreviations_and_titles(void **state)
{
    (void)state;
    assert_int_equal(sentences("M. Segade et Mme Royère sont là. Ils parlent."), 2);
    assert_int_equal(sentences("Le Dr. Ba et le Pr. Lévy. Fin."), 2);
    assert_int_equal(sentences("MM. Dupont et Durand. Fin."), 2);
    assert_int_equal(sentences("Voir cf. la note. Fin."), 2);
    assert_int_equal(sentences("J.-P. Segade dirige. Fin."), 2);
    assert_int_equal(sentences("Des lits, des blocs, etc. et des urgences. Fin."), 2);
    assert_int_equal(sentences("Des lits, des blocs, etc. Les urgences aussi."), 2);
}

static void numbers_and_lower_case(void **state)
{
    (void)state;
    assert_int_equal(sentences("Un budget de 18,5 millions et 3.2 pour cent. Fin."), 2);
    assert_int_equal(sentences("« Qui paiera ? » demande-t-il. Fin."), 2);
    assert_int_equal(sentences("« Qui paiera\xe2\x80\xaf?\xc2\xa0» Personne. Fin."), 3);
    assert_int_equal(sentences("Il mesure 10 m. Ensuite il part."), 2);
}

static void paragraphs_and_titles(void **state)
{
    (void)state;
    assert_int_equal(
        count_units("Titre\n\nPremier paragraphe. Deux.\n\nTrois", SG_UNIT_PARAGRAPH, 0), 3);
    assert_int_equal(sentences("Titre sans point\n\nUne phrase"), 2);
    /* a single line break does not end a sentence */
    assert_int_equal(sentences("Une phrase\ncoupée en deux."), 1);
    assert_int_equal(count_units("a. b. c.\n\nd.", SG_UNIT_DOCUMENT, 0), 1);
}

static void windows(void **state)
{
    (void)state;
    /* 5 tokens in blocks of 2: 3 windows; a paragraph restarts the count */
    assert_int_equal(count_units("un deux trois quatre cinq", SG_UNIT_WINDOW, 2), 3);
    assert_int_equal(count_units("un deux trois\n\nquatre", SG_UNIT_WINDOW, 2), 3);
    assert_int_equal(count_units("Jean-Paul", SG_UNIT_WINDOW, 1), 2);
}

/* The segmenter skips text eight bytes at a time: a terminator or a
 * paragraph break is found at every offset within those eight, and in the
 * bytes left after the last eight. */
static void every_offset(void **state)
{
    (void)state;
    char buf[64];
    for (size_t at = 0; at < 24; at++) {
        const char *stops[] = {". Fin", "! Fin", "? Fin", "\n\nFin"};
        for (size_t k = 0; k < 4; k++) {
            memset(buf, 'a', sizeof(buf));
            snprintf(buf + at + 1, sizeof(buf) - at - 1, "%s", stops[k]);
            assert_int_equal(sentences(buf), 2);
            if (k == 3)
                assert_int_equal(count_units(buf, SG_UNIT_PARAGRAPH, 0), 2);
        }
    }
}

static void find_unit(void **state)
{
    (void)state;
    size_t starts[] = {0, 5, 9};
    sg_units u = {starts, 3, 3};
    assert_int_equal(sg_units_find(&u, 0), 0);
    assert_int_equal(sg_units_find(&u, 4), 0);
    assert_int_equal(sg_units_find(&u, 5), 1);
    assert_int_equal(sg_units_find(&u, 100), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_sentences),
        cmocka_unit_test(abbreviations_and_titles),
        cmocka_unit_test(numbers_and_lower_case),
        cmocka_unit_test(paragraphs_and_titles),
        cmocka_unit_test(windows),
        cmocka_unit_test(every_offset),
        cmocka_unit_test(find_unit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
