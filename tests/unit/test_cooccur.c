/* The counting rule (SPEC §5). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "cooccur.h"

static const sg_pair_count *pair(const sg_cooc *c, uint32_t a, uint32_t b)
{
    uint64_t key = (((uint64_t)a << 32) | b) + 1;
    for (size_t i = 0; i <= c->mask; i++)
        if (c->pairs[i].key == key)
            return &c->pairs[i];
    return NULL;
}

static void counting_rule(void **state)
{
    (void)state;
    sg_cooc c;
    assert_int_equal(sg_cooc_init(&c, 4), 0);
    /* doc 0, unit 1: entities 2, 0, 2, 1 -> pairs 0-1, 0-2, 1-2 once each */
    uint32_t u1[] = {2, 0, 2, 1};
    assert_int_equal(sg_cooc_unit(&c, 0, NULL, u1, 4, 0, NULL), 0);
    /* doc 0, unit 2: 0 and 2 again */
    uint32_t u2[] = {0, 2};
    assert_int_equal(sg_cooc_unit(&c, 0, NULL, u2, 2, 0, NULL), 0);
    /* doc 1: 2 and 0, and a unit with one entity (no pair, no self-loop) */
    uint32_t u3[] = {2, 0};
    uint32_t u4[] = {3, 3};
    assert_int_equal(sg_cooc_unit(&c, 1, NULL, u3, 2, 0, NULL), 0);
    assert_int_equal(sg_cooc_unit(&c, 1, NULL, u4, 2, 0, NULL), 0);
    assert_int_equal(c.used, 3);
    assert_int_equal(pair(&c, 0, 2)->weight, 3);
    assert_int_equal(pair(&c, 0, 2)->documents, 2);
    assert_int_equal(pair(&c, 0, 1)->weight, 1);
    assert_int_equal(pair(&c, 1, 2)->documents, 1);
    assert_null(pair(&c, 3, 3));
    sg_cooc_free(&c);
}

static void node_counts(void **state)
{
    (void)state;
    sg_cooc c;
    assert_int_equal(sg_cooc_init(&c, 2), 0);
    sg_cooc_mention(&c, 0, 1);
    sg_cooc_mention(&c, 0, 1);
    sg_cooc_mention(&c, 3, 1);
    assert_int_equal(c.nodes[1].mentions, 3);
    assert_int_equal(c.nodes[1].documents, 2);
    assert_int_equal(c.nodes[0].mentions, 0);
    sg_cooc_free(&c);
}

static void many_pairs_grow_the_table(void **state)
{
    (void)state;
    sg_cooc c;
    uint32_t ids[100];
    assert_int_equal(sg_cooc_init(&c, 100), 0);
    for (uint32_t i = 0; i < 100; i++)
        ids[i] = i;
    assert_int_equal(sg_cooc_unit(&c, 0, NULL, ids, 100, 0, NULL), 0);
    assert_int_equal(c.used, 100 * 99 / 2);
    assert_int_equal(pair(&c, 17, 98)->weight, 1);
    sg_cooc_free(&c);
}

/* A crowded unit: 100 distinct entities with a cap of 10. Each is paired
 * with the next 9 in order of first mention: entities 0..90 have 9 partners
 * after them, 91..99 have 8, 7, ..., 0; 91 * 9 + 36 = 855 pairs, not 4,950.
 * Order is first mention, not id: with the ids reversed (99 first), 99 pairs
 * with 98..90 and not with 89. Repeats do not count. */
static void crowded_unit_is_capped(void **state)
{
    (void)state;
    sg_cooc c;
    uint32_t ids[120];
    int capped = 0;
    assert_int_equal(sg_cooc_init(&c, 100), 0);
    for (uint32_t i = 0; i < 100; i++)
        ids[i] = 99 - i;
    for (uint32_t i = 100; i < 120; i++)
        ids[i] = 99; /* mentioned again */
    assert_int_equal(sg_cooc_unit(&c, 0, NULL, ids, 120, 10, &capped), 0);
    assert_int_equal(capped, 1);
    assert_int_equal(c.used, 855);
    assert_non_null(pair(&c, 90, 99));
    assert_null(pair(&c, 89, 99));
    assert_int_equal(c.nodes[99].units, 1);
    assert_int_equal(c.nodes[0].units, 1);
    /* at the cap exactly, nothing is left out */
    capped = 0;
    assert_int_equal(sg_cooc_unit(&c, 1, NULL, ids, 10, 10, &capped), 0);
    assert_int_equal(capped, 0);
    sg_cooc_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(counting_rule),
        cmocka_unit_test(node_counts),
        cmocka_unit_test(many_pairs_grow_the_table),
        cmocka_unit_test(crowded_unit_is_capped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
