/* The counting rule (SPEC §5). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "cooccur.h"
#include "sg_internal.h"

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

/* Two tables of the same size whose union does not fit in it: the table
 * that takes the other's pairs is grown first (cooccur.c: grown in the middle
 * of the walk over the other's slots, it had taken them at a local load
 * above one, 80 million probes for 88,000 pairs; a speed, not a result: the
 * sums are checked here, the probes were counted by hand). */
static void merging_tables_whose_union_must_grow(void **state)
{
    (void)state;
    enum { N = 3000, EACH = 1400 }; /* 1,400 pairs in 2,048 slots each */
    sg_cooc a, b;
    assert_int_equal(sg_cooc_init(&a, N), 0);
    assert_int_equal(sg_cooc_init(&b, N), 0);
    srand(7);
    uint32_t u[2];
    while (a.used < EACH) {
        u[0] = (uint32_t)rand() % N, u[1] = (uint32_t)rand() % N;
        assert_int_equal(sg_cooc_unit(&a, 0, NULL, u, 2, 0, NULL), 0);
    }
    while (b.used < EACH) {
        u[0] = (uint32_t)rand() % N, u[1] = (uint32_t)rand() % N;
        assert_int_equal(sg_cooc_unit(&b, 1, NULL, u, 2, 0, NULL), 0);
    }
    assert_int_equal(a.mask, b.mask);
    long weights = 0;
    for (size_t i = 0; i <= a.mask; i++)
        weights += a.pairs[i].weight + b.pairs[i].weight;
    assert_int_equal(sg_cooc_merge(&a, &b), 0);
    long merged = 0;
    size_t pairs = 0;
    for (size_t i = 0; i <= a.mask; i++)
        if (a.pairs[i].key) {
            merged += a.pairs[i].weight;
            pairs++;
        }
    assert_int_equal(merged, weights);
    assert_int_equal(pairs, a.used);
    assert_true(a.used > EACH);
    assert_int_equal(b.used, 0);
    assert_true(a.used * 4 <= (a.mask + 1) * 3);
    sg_cooc_free(&a);
    sg_cooc_free(&b);
}

/* Blocks of 1.5 MiB or more start on a 2 MiB boundary (transparent huge
 * pages) and are freed with free; sg_calloc_array's are zeroed. */
static void large_blocks_on_huge_pages(void **state)
{
    (void)state;
    const size_t huge = (size_t)2 << 20;
    unsigned char *p = sg_calloc_array(3 << 19, 1); /* 1.5 MiB */
    assert_non_null(p);
    assert_int_equal((uintptr_t)p % huge, 0);
    for (size_t i = 0; i < (3 << 19); i += 4093)
        assert_int_equal(p[i], 0);
    assert_int_equal(p[(3 << 19) - 1], 0);
    free(p);
    long *q = sg_alloc_array(huge / sizeof(long) + 1, sizeof(long));
    assert_non_null(q);
    assert_int_equal((uintptr_t)q % huge, 0);
    q[huge / sizeof(long)] = 1; /* (rounded up to two huge pages) */
    free(q);
    void *small = sg_calloc_array(1000, 8);
    assert_non_null(small);
    assert_int_equal(((unsigned char *)small)[7999], 0);
    free(small);
    assert_null(sg_alloc_array(SIZE_MAX / 2, 4));
    assert_null(sg_calloc_array(SIZE_MAX / 2, 4));
    assert_null(sg_alloc_array(SIZE_MAX - 100, 1));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(counting_rule),
        cmocka_unit_test(node_counts),
        cmocka_unit_test(many_pairs_grow_the_table),
        cmocka_unit_test(crowded_unit_is_capped),
        cmocka_unit_test(merging_tables_whose_union_must_grow),
        cmocka_unit_test(large_blocks_on_huge_pages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
