/* UTF-8 decoding with replacement: maximal subparts, overlongs, surrogates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "decode.h"

static uint32_t next(const char *s, size_t len, size_t *i, int *bad)
{
    *bad = 0;
    return sg_utf8_next((const unsigned char *)s, len, i, bad);
}

static void valid_sequences(void **state)
{
    (void)state;
    const char *s = "a\xc3\xa9\xe2\x80\x99\xf0\x9f\x98\x80";
    size_t i = 0;
    int bad;
    assert_int_equal(next(s, 10, &i, &bad), 'a');
    assert_int_equal(next(s, 10, &i, &bad), 0xE9);
    assert_int_equal(next(s, 10, &i, &bad), 0x2019);
    assert_int_equal(next(s, 10, &i, &bad), 0x1F600);
    assert_int_equal(i, 10);
    assert_int_equal(bad, 0);
    assert_int_equal(sg_utf8_check(s, 10), -1);
}

static void invalid_sequences(void **state)
{
    (void)state;
    size_t i = 0;
    int bad;
    /* overlong '/' (C0 AF): two single-byte errors */
    assert_int_equal(next("\xc0\xaf", 2, &i, &bad), 0xFFFD);
    assert_int_equal(bad, 1);
    assert_int_equal(i, 1);
    /* overlong 3-byte (E0 80 AF): E0 alone is the maximal subpart */
    i = 0;
    assert_int_equal(next("\xe0\x80\xaf", 3, &i, &bad), 0xFFFD);
    assert_int_equal(i, 1);
    /* surrogate ED A0 80 */
    i = 0;
    assert_int_equal(next("\xed\xa0\x80", 3, &i, &bad), 0xFFFD);
    assert_int_equal(i, 1);
    /* truncated E2 80 then 'x': one replacement for both bytes */
    i = 0;
    assert_int_equal(next("\xe2\x80x", 3, &i, &bad), 0xFFFD);
    assert_int_equal(i, 2);
    assert_int_equal(next("\xe2\x80x", 3, &i, &bad), 'x');
    /* above U+10FFFF */
    i = 0;
    assert_int_equal(next("\xf4\x90\x80\x80", 4, &i, &bad), 0xFFFD);
    assert_int_equal(bad, 1);
    assert_int_equal(sg_utf8_check("ab\xffz", 4), 2);
}

static void byte_order_marks(void **state)
{
    (void)state;
    assert_int_equal(sg_utf8_bom("\xef\xbb\xbfx", 4), 3);
    assert_int_equal(sg_utf8_bom("x", 1), 0);
    assert_true(sg_utf16_bom("\xff\xfex\0", 4));
    assert_false(sg_utf16_bom("xx", 2));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(valid_sequences),
        cmocka_unit_test(invalid_sequences),
        cmocka_unit_test(byte_order_marks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
