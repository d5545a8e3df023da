/* Folding with offsets back into the original text (SPEC §3, §4). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "normalise.h"

static sg_folded fold(const char *s)
{
    sg_folded f;
    memset(&f, 0, sizeof(f));
    assert_int_equal(sg_fold(&f, s, strlen(s), 0), 0);
    return f;
}

static void case_and_accents(void **state)
{
    (void)state;
    sg_folded f = fold("HÔPITAL Européen");
    assert_string_equal(f.text, "hopital europeen");
    /* 'Ô' is two bytes at offset 1; 'p' comes from offset 3 */
    assert_int_equal(f.src[1], 1);
    assert_int_equal(f.src[2], 3);
    assert_true(f.flags[0] & SG_F_UPPER);
    assert_true(f.flags[8] & SG_F_UPPER);
    assert_true(f.flags[9] & SG_F_LOWER);
    assert_int_equal(f.src[f.len], strlen("HÔPITAL Européen"));
    sg_folded_free(&f);
}

/* An ordinal's raised letters are small letters ("la 4ᵉ", "le 1ᵉʳ"), not a
 * capital's: "la 4ᵉ de Vaucluse" is no name of a body. */
static void raised_letters(void **state)
{
    (void)state;
    sg_folded f = fold("4\xe1\xb5\x89 1\xe1\xb5\x89\xca\xb3");
    assert_string_equal(f.text, "4e 1er");
    assert_true(f.flags[1] & SG_F_LOWER);
    assert_false(f.flags[1] & SG_F_UPPER);
    assert_true(f.flags[4] & SG_F_LOWER);
    assert_true(f.flags[5] & SG_F_LOWER);
    sg_folded_free(&f);
}

static void typography(void **state)
{
    (void)state;
    sg_folded f = fold("l\xe2\x80\x99"
                       "AP\xe2\x80\x91HM \xe2\x80\x93 Paoli-Calmettes\xc2\xa0"
                       "et\xe2\x80\xaf:");
    assert_string_equal(f.text, "l'ap hm paoli calmettes et :");
    sg_folded_free(&f);
    f = fold("C\xc5\x93ur \xef\xac\x81n");
    assert_string_equal(f.text, "coeur fin");
    sg_folded_free(&f);
}

/* An ampersand is a word of its own, spaced or not ("B&A" folds as "B & A",
 * the spaces from the ampersand's offset), also in a block that the fast
 * path folds 16 bytes at a time. */
static void ampersand(void **state)
{
    (void)state;
    sg_folded f = fold("B&A et B & A");
    assert_string_equal(f.text, "b & a et b & a");
    assert_int_equal(f.src[1], 1);
    assert_int_equal(f.src[2], 1);
    assert_int_equal(f.src[3], 1);
    assert_int_equal(f.src[4], 2);
    assert_int_equal(f.flags[2], 0);
    sg_folded_free(&f);
    f = fold("Les laboratoires Johnson&Johnson et Procter&Gamble recrutent");
    assert_string_equal(f.text, "les laboratoires johnson & johnson et procter & gamble recrutent");
    sg_folded_free(&f);
}

static void white_space_and_paragraphs(void **state)
{
    (void)state;
    sg_folded f = fold("a \t b\nc\r\n\r\nd\r\re");
    assert_string_equal(f.text, "a b c\nd\ne");
    /* the space between a and b points at the first white space character */
    assert_int_equal(f.src[1], 1);
    assert_int_equal(f.src[6], 11); /* 'd' after CRLF CRLF */
    sg_folded_free(&f);
}

/* Random texts of letters, punctuation, white space, dashes and 'é' folded
 * as a simple model says: a run of white space and dashes is one ' ' (or
 * '\n' with two line breaks) from the run's first byte, with no class; 'é'
 * is 'e' from its first byte; ASCII is itself in lower case. Checks the
 * folder's word-at-a-time path (single spaces inside a run) against it. */
static void runs_against_model(void **state)
{
    (void)state;
    static const char *const pieces[] = {"a",  "B", "z",  ".",    " ",
                                         "  ", "-", "\n", "\n\n", "\xc3\xa9"};
    unsigned seed = 7;
    for (int round = 0; round < 3000; round++) {
        char in[128] = "", want[128];
        uint32_t src[128];
        unsigned char fl[128];
        size_t n = 0, w = 0, ws = 0, breaks = 0, pending = 0;
        for (int k = 0; k < 1 + round % 20; k++) {
            seed = seed * 1103515245u + 12345u;
            strcat(in, pieces[(seed >> 16) % 10]);
        }
        n = strlen(in);
        for (size_t i = 0; i <= n; i++) {
            unsigned char c = (unsigned char)in[i];
            if (c == ' ' || c == '-' || c == '\n') {
                ws = pending ? ws : i;
                pending = 1;
                breaks += c == '\n';
                continue;
            }
            if (pending) {
                want[w] = breaks >= 2 ? '\n' : ' ';
                src[w] = (uint32_t)ws;
                fl[w++] = 0;
                pending = breaks = 0;
            }
            if (i == n)
                break;
            int up = c >= 'A' && c <= 'Z', alpha = up || (c >= 'a' && c <= 'z') || c == 0xc3;
            want[w] = c == 0xc3 ? 'e' : up ? (char)(c + 32) : (char)c;
            src[w] = (uint32_t)i;
            fl[w++] = (unsigned char)(alpha ? SG_F_ALNUM | (up ? SG_F_UPPER : SG_F_LOWER) : 0);
            i += c == 0xc3;
        }
        want[w] = '\0';
        sg_folded f = fold(in);
        assert_string_equal(f.text, want);
        for (size_t k = 0; k < w; k++) {
            assert_int_equal(f.src[k], src[k]);
            assert_int_equal(f.flags[k], fl[k]);
        }
        assert_int_equal(f.src[w], n);
        sg_folded_free(&f);
    }
}

static void invalid_and_controls(void **state)
{
    (void)state;
    sg_folded f = fold("a\xff"
                       "b\x01"
                       "c");
    assert_int_equal(f.invalid, 1);
    assert_int_equal(f.first_invalid, 1);
    assert_int_equal(memcmp(f.text,
                            "a\x1f"
                            "b\x1f"
                            "c",
                            5),
                     0);
    assert_int_equal(f.flags[1], 0); /* a replacement is no letter: it separates words */
    sg_folded_free(&f);
}

static void offsets_round_trip(void **state)
{
    (void)state;
    const char *s = "Le CHU de Nice\xcc\x81 et Émilie";
    sg_folded f = fold(s);
    /* "nice" + combining acute: the mention ends after the combining mark */
    const char *p = strstr(f.text, "nice");
    size_t fe = (size_t)(p - f.text) + 4;
    assert_int_equal(sg_folded_orig_end(&f, s, strlen(s), fe), strlen("Le CHU de Nice\xcc\x81"));
    size_t e = (size_t)(strstr(f.text, "emilie") - f.text);
    assert_int_equal(f.src[e], strlen("Le CHU de Nice\xcc\x81 et "));
    assert_int_equal(sg_folded_from_orig(&f, f.src[e]), e);
    sg_folded_free(&f);
}

static void names(void **state)
{
    (void)state;
    char *t;
    unsigned char *fl;
    size_t n;
    const char *name = "  Fédération  Hospitalière ";
    assert_int_equal(sg_fold_name(&t, &fl, &n, name, strlen(name)), 0);
    assert_string_equal(t, "federation hospitaliere");
    assert_int_equal(n, strlen("federation hospitaliere"));
    free(t);
    free(fl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(case_and_accents),
        cmocka_unit_test(raised_letters),
        cmocka_unit_test(typography),
        cmocka_unit_test(ampersand),
        cmocka_unit_test(white_space_and_paragraphs),
        cmocka_unit_test(runs_against_model),
        cmocka_unit_test(invalid_and_controls),
        cmocka_unit_test(offsets_round_trip),
        cmocka_unit_test(names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
