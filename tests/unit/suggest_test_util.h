/* The suggester's tests' helpers: run a suggester on texts written for
 * the test and look for a row (test_suggest.c, test_suggest_rules.c). */
#ifndef SG_TEST_SUGGEST_UTIL_H
#define SG_TEST_SUGGEST_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <stakegraph/stakegraph.h>

static const char *const empty_gaz = "id\tlabel\ttype\n";

/* The rows `texts` (NULL-terminated) give with the gazetteer `tsv`. */
static inline sg_suggestion_list *run_opt(const char *tsv, const char *const *texts,
                                          const sg_suggest_options *opt)
{
    sg_error err;
    sg_gazetteer *gaz = NULL;
    sg_suggester *s = NULL;
    sg_suggestion_list *rows = NULL;
    assert_int_equal(sg_gazetteer_new(&gaz, &err), 0);
    assert_int_equal(sg_gazetteer_load_buffer(gaz, "t.tsv", tsv, strlen(tsv), &err), 0);
    assert_int_equal(sg_suggester_new(&s, gaz, opt, &err), 0);
    for (size_t i = 0; texts[i]; i++) {
        char name[32];
        snprintf(name, sizeof(name), "d%zu", i);
        assert_int_equal(sg_suggester_add(s, name, texts[i], strlen(texts[i]), &err), 0);
    }
    if (opt && !opt->keep_documents)
        for (size_t i = 0; texts[i]; i++)
            assert_int_equal(sg_suggester_recount(s, "x", texts[i], strlen(texts[i]), &err), 0);
    assert_int_equal(sg_suggester_run(s, &rows, &err), 0);
    sg_suggester_free(s);
    sg_gazetteer_free(gaz);
    return rows;
}

/* min_count 1: even a sequence seen once is proposed, so that what is left
 * out is left out by the rule under test. */
static inline sg_suggestion_list *run(const char *tsv, const char *const *texts)
{
    sg_suggest_options opt;
    sg_suggest_options_init(&opt);
    opt.min_count = 1;
    return run_opt(tsv, texts, &opt);
}

static inline sg_suggestion_list *run1(const char *text)
{
    const char *texts[] = {text, NULL};
    return run(empty_gaz, texts);
}

static inline const sg_suggestion *row(const sg_suggestion_list *l, const char *label)
{
    for (size_t i = 0; i < sg_suggestion_list_count(l); i++)
        if (!strcmp(sg_suggestion_list_get(l, i)->label, label))
            return sg_suggestion_list_get(l, i);
    return NULL;
}

static inline void has(const sg_suggestion_list *l, const char *label, const char *type)
{
    const sg_suggestion *r = row(l, label);
    if (!r) {
        for (size_t i = 0; i < sg_suggestion_list_count(l); i++)
            print_message("  row: %s\n", sg_suggestion_list_get(l, i)->label);
        fail_msg("not proposed: %s", label);
    }
    if (type && strcmp(r->type, type))
        fail_msg("%s: type %s, wanted %s", label, r->type, type);
}

static inline void hasnt(const sg_suggestion_list *l, const char *label)
{
    if (row(l, label))
        fail_msg("proposed: %s", label);
}

#endif
