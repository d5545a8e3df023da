/* Options by name from text (sg_*_options_set): the rules of each value and
 * the messages that name them; and the names of the periods' files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "stakegraph/stakegraph.h"

static void extract_options(void **state)
{
    (void)state;
    sg_extract_options o;
    sg_extract_options_init(&o);
    sg_error err;
    assert_int_equal(sg_extract_options_set(&o, "unit", "window:5", &err), 0);
    assert_int_equal(o.unit, SG_UNIT_WINDOW);
    assert_int_equal(o.window, 5);
    assert_int_equal(sg_extract_options_set(&o, "unit", "window:0", &err), SG_ERR_INVALID);
    assert_string_equal(err.message, "invalid --unit 'window:0' (sentence, paragraph, document "
                                     "or window:N)");
    assert_int_equal(sg_extract_options_set(&o, "variants", "-fuzzy", &err), 0);
    assert_int_equal(o.variants, SG_VARIANT_ALL & ~SG_VARIANT_FUZZY);
    assert_int_equal(sg_extract_options_set(&o, "variants", "fuzzy,bogus", &err), SG_ERR_INVALID);
    assert_int_equal(sg_extract_options_set(&o, "max-unit-actors", "1", &err), SG_ERR_INVALID);
    assert_string_equal(err.message, "invalid --max-unit-actors (0 for no limit, or at least 2)");
    assert_int_equal(sg_extract_options_set(&o, "max-unit-actors", "0", &err), 0);
    assert_int_equal(o.max_unit_actors, 0);
    assert_int_equal(sg_extract_options_set(&o, "max-unit-actors", "-2", &err), SG_ERR_INVALID);
    assert_int_equal(sg_extract_options_set(&o, "strict", NULL, &err), 0);
    assert_int_equal(sg_extract_options_set(&o, "keep-credits", NULL, &err), 0);
    assert_true(o.strict && o.keep_furniture);
    assert_int_equal(sg_extract_options_set(&o, "seed", "1", &err), SG_ERR_INVALID);
    assert_string_equal(err.message, "unknown option '--seed'");
}

static void network_options(void **state)
{
    (void)state;
    sg_write_options w;
    sg_write_options_init(&w);
    sg_error err;
    assert_true(w.min_weight == 1 && w.analyse && w.layout == -1);
    assert_int_equal(sg_write_options_set(&w, "min-weight", "2.5", &err), 0);
    assert_true(w.min_weight == 2.5);
    assert_int_equal(sg_write_options_set(&w, "min-weight", "-1", &err), SG_ERR_INVALID);
    assert_string_equal(err.message, "invalid --min-weight '-1' (a number >= 0)");
    assert_int_equal(sg_write_options_set(&w, "min-weight", "2e15", &err), SG_ERR_INVALID);
    assert_int_equal(sg_write_options_set(&w, "layout", NULL, &err), 0);
    assert_int_equal(w.layout, 1);
    assert_int_equal(sg_write_options_set(&w, "no-layout", NULL, &err), 0);
    assert_int_equal(w.layout, 0);
    assert_int_equal(sg_write_options_set(&w, "no-analyse", NULL, &err), 0);
    assert_int_equal(w.analyse, 0);
    /* the analysis's options */
    assert_int_equal(sg_write_options_set(&w, "seed", "4294967295", &err), 0);
    assert_int_equal(w.analysis.seed, 4294967295UL);
    assert_int_equal(sg_write_options_set(&w, "seed", "4294967296", &err), SG_ERR_INVALID);
    assert_string_equal(err.message, "invalid --seed (an integer from 0 to 4294967295)");
    assert_int_equal(sg_write_options_set(&w, "seed", "+1", &err), SG_ERR_INVALID);
    assert_int_equal(sg_write_options_set(&w, "backbone", "0", &err), SG_ERR_INVALID);
    assert_int_equal(sg_write_options_set(&w, "backbone", "1", &err), 0);
    assert_true(w.analysis.backbone == 1);
    assert_int_equal(sg_write_options_set(&w, "exact", NULL, &err), 0);
    assert_int_equal(sg_write_options_set(&w, "no-betweenness", NULL, &err), 0);
    assert_int_equal(w.analysis.skip, SG_MEASURE_BETWEENNESS);
    /* without the pagerank, pictures sized by it are sized by degree */
    assert_string_equal(w.render.size_by, "pagerank");
    assert_int_equal(sg_write_options_set(&w, "no-pagerank", NULL, &err), 0);
    assert_string_equal(w.render.size_by, "degree");
    assert_int_equal(w.analysis.skip, SG_MEASURE_BETWEENNESS | SG_MEASURE_PAGERANK);
    /* the pictures' options */
    assert_int_equal(sg_write_options_set(&w, "size-by", "mentions", &err), 0);
    assert_int_equal(sg_write_options_set(&w, "no-pagerank", NULL, &err), 0);
    assert_string_equal(w.render.size_by, "mentions");
    assert_int_equal(sg_write_options_set(&w, "size-by", "", &err), SG_ERR_INVALID);
    assert_int_equal(sg_write_options_set(&w, "colour-by", "type", &err), 0);
    assert_int_equal(w.render.colour_by, SG_COLOUR_TYPE);
    assert_int_equal(sg_write_options_set(&w, "colour-by", "size", &err), SG_ERR_INVALID);
    assert_string_equal(err.message, "invalid --colour-by 'size' (community or type)");
    assert_int_equal(sg_write_options_set(&w, "labels", "7", &err), 0);
    assert_int_equal(w.render.labels, 7);
    assert_int_equal(sg_write_options_set(&w, "labels", "-1", &err), SG_ERR_INVALID);
    assert_int_equal(sg_write_options_set(&w, "title", "T", &err), 0);
    assert_int_equal(sg_write_options_set(&w, "engine", "neato", &err), 0);
    assert_string_equal(w.render.engine, "neato");
    assert_int_equal(sg_write_options_set(&w, "unit", "sentence", &err), SG_ERR_INVALID);
    /* the analysis alone knows nothing of pictures */
    sg_analysis_options a;
    sg_analysis_options_init(&a);
    assert_int_equal(sg_analysis_options_set(&a, "no-eigenvector", NULL, &err), 0);
    assert_int_equal(a.skip, SG_MEASURE_EIGENVECTOR);
    assert_int_equal(sg_analysis_options_set(&a, "no-closeness", NULL, &err), SG_ERR_INVALID);
    sg_render_options r;
    sg_render_options_init(&r);
    assert_int_equal(sg_render_options_set(&r, "seed", "1", &err), SG_ERR_INVALID);
}

static void run_and_suggest_options(void **state)
{
    (void)state;
    sg_run_options o;
    sg_run_options_init(&o);
    sg_error err;
    assert_int_equal(sg_run_options_set(&o, "jobs", "0", &err), SG_ERR_INVALID);
    assert_string_equal(err.message, "invalid --jobs (1 to 256)");
    assert_int_equal(sg_run_options_set(&o, "jobs", "257", &err), SG_ERR_INVALID);
    assert_int_equal(sg_run_options_set(&o, "jobs", "256", &err), 0);
    assert_int_equal(o.jobs, SG_MAX_JOBS);
    assert_int_equal(sg_run_options_set(&o, "by-period", "month", &err), 0);
    assert_int_equal(o.by_period, SG_PERIOD_MONTH);
    assert_int_equal(sg_run_options_set(&o, "by-period", "week", &err), SG_ERR_INVALID);
    assert_string_equal(err.message, "invalid --by-period (month or year)");
    assert_int_equal(sg_run_options_set(&o, "min-weight", "3", &err), 0);
    assert_true(o.min_weight == 3);
    sg_suggest_options s;
    sg_suggest_options_init(&s);
    assert_int_equal(sg_suggest_options_set(&s, "min-count", "0", &err), SG_ERR_INVALID);
    assert_string_equal(err.message, "invalid --min-count (a positive integer)");
    assert_int_equal(sg_suggest_options_set(&s, "min-count", "1000000001", &err), SG_ERR_INVALID);
    assert_int_equal(sg_suggest_options_set(&s, "min-count", "5", &err), 0);
    assert_int_equal(s.min_count, 5);
}

static void period_paths(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"out/net.graphml", "out/net.2024.graphml"},
        {"net", "net.2024"},
        {"tables/", "tables.2024"},
        {"a.b/c", "a.b/c.2024"},
        {".hidden", ".hidden.2024"},
        {"x.tar.gz", "x.tar.2024.gz"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
        char *p = sg_period_path(cases[i][0], "2024");
        assert_string_equal(p, cases[i][1]);
        free(p);
    }
    sg_target *t = NULL;
    sg_error err;
    assert_int_equal(sg_target_new(&t, "-", "graphml", &err), 0);
    assert_int_equal(sg_target_check_periods(t, &err), SG_ERR_INVALID);
    sg_target_free(t);
    assert_int_equal(sg_target_new(&t, "-", "gexf", &err), 0);
    assert_int_equal(sg_target_check_periods(t, &err), 0); /* holds the periods itself */
    sg_target_free(t);
    assert_int_equal(sg_target_new(&t, "/dev/null", "dot", &err), 0);
    assert_int_equal(sg_target_check_periods(t, &err), SG_ERR_INVALID);
    sg_target_free(t);
    assert_int_equal(sg_target_new(&t, "n.pairs", NULL, &err), 0);
    assert_int_equal(sg_target_check_periods(t, &err), SG_ERR_INVALID);
    assert_non_null(strstr(err.message, "partial counts"));
    sg_target_free(t);
    assert_int_equal(sg_target_new(&t, "not/yet/n.graphml", NULL, &err), 0);
    assert_int_equal(sg_target_check_periods(t, &err), 0);
    sg_target_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(extract_options),
        cmocka_unit_test(network_options),
        cmocka_unit_test(run_and_suggest_options),
        cmocka_unit_test(period_paths),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
