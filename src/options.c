/* Options by name, from text (the sg_*_options_set functions of extract.h,
 * analysis.h, render.h, write.h, corpus.h and suggest.h): the rules of each
 * value, and the message when a value breaks them, in one place for the
 * command line and any other front end. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "stakegraph/stakegraph.h"

/* Not an option of this struct: the caller tries the next one. */
enum { NOT_MINE = 1 };

/* An integer from 0 to 4294967295, in decimal digits only. */
static int parse_u32(const char *s, unsigned long *out)
{
    char *end = NULL;
    if (!s || !isdigit((unsigned char)*s))
        return -1;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || v > 4294967295ULL)
        return -1;
    *out = (unsigned long)v;
    return 0;
}

/* A number (strtod) in [lo, hi], or in (lo, hi] when `open_lo`. */
static int parse_number(const char *s, double lo, double hi, int open_lo, double *out)
{
    char *end = NULL;
    if (!s)
        return -1;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !(open_lo ? v > lo : v >= lo) || v > hi)
        return -1;
    *out = v;
    return 0;
}

/* A message quoting the value given (a literal format, for the checks). */
#define invalid(err, fmt, value)                                                                   \
    sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, fmt, value ? value : "")

static int fail(sg_error *err, const char *what)
{
    return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "%s", what);
}

static int unknown(int rc, const char *name, sg_error *err)
{
    return rc == NOT_MINE ? invalid(err, "unknown option '--%.200s'", name) : rc;
}

static int extract_set(sg_extract_options *opt, const char *name, const char *value, sg_error *err)
{
    unsigned long v;
    if (!strcmp(name, "unit")) {
        if (!value || sg_extract_options_set_unit(opt, value))
            return invalid(err,
                           "invalid --unit '%.200s' (sentence, paragraph, document or "
                           "window:N)",
                           value);
    } else if (!strcmp(name, "variants")) {
        if (sg_variants_parse(&opt->variants, value))
            return invalid(err,
                           "invalid --variants '%.200s' (all, none, or a list of function-words, "
                           "heads, inserted, region, acronym-forms, defined, interrupted, "
                           "shared-heads, fuzzy, known; -NAME removes one)",
                           value);
    } else if (!strcmp(name, "max-unit-actors")) {
        if (parse_u32(value, &v) || v == 1)
            return fail(err, "invalid --max-unit-actors (0 for no limit, or at least 2)");
        opt->max_unit_actors = (unsigned)v;
    } else if (!strcmp(name, "strict")) {
        opt->strict = 1;
    } else if (!strcmp(name, "keep-credits")) {
        opt->keep_furniture = 1;
    } else {
        return NOT_MINE;
    }
    return 0;
}

int sg_extract_options_set(sg_extract_options *opt, const char *name, const char *value,
                           sg_error *err)
{
    return unknown(extract_set(opt, name, value, err), name, err);
}

/* --jobs N: threads of a run, processes of an analysis. */
static int jobs(unsigned *out, const char *value, sg_error *err)
{
    unsigned long v;
    if (parse_u32(value, &v) || v < 1 || v > SG_MAX_JOBS)
        return sg_error_set(err, SG_ERR_INVALID, NULL, 0, -1, "invalid --jobs (1 to %d)",
                            SG_MAX_JOBS);
    *out = (unsigned)v;
    return 0;
}

static int analysis_set(sg_analysis_options *opt, const char *name, const char *value,
                        sg_error *err)
{
    if (!strcmp(name, "seed")) {
        if (parse_u32(value, &opt->seed))
            return fail(err, "invalid --seed (an integer from 0 to 4294967295)");
    } else if (!strcmp(name, "backbone")) {
        if (parse_number(value, 0, 1, 1, &opt->backbone))
            return fail(err, "invalid --backbone (a significance level, 0 < ALPHA <= 1)");
    } else if (!strcmp(name, "exact")) {
        opt->exact = 1;
    } else if (!strcmp(name, "jobs")) {
        return jobs(&opt->jobs, value, err);
    } else if (strncmp(name, "no-", 3) || sg_measure_skip(&opt->skip, name + 3)) {
        return NOT_MINE;
    }
    return 0;
}

int sg_analysis_options_set(sg_analysis_options *opt, const char *name, const char *value,
                            sg_error *err)
{
    return unknown(analysis_set(opt, name, value, err), name, err);
}

static int render_set(sg_render_options *opt, const char *name, const char *value, sg_error *err)
{
    unsigned long v;
    if (!strcmp(name, "colour-by")) {
        if (!value || sg_colour_by_parse(&opt->colour_by, value))
            return invalid(err, "invalid --colour-by '%.200s' (community or type)", value);
    } else if (!strcmp(name, "size-by")) {
        if (!value || !*value)
            return fail(err, "--size-by needs a measure (pagerank, degree, ...)");
        opt->size_by = value;
    } else if (!strcmp(name, "labels")) {
        if (parse_u32(value, &v))
            return invalid(err, "invalid --labels '%.200s' (a number of actors)", value);
        opt->labels = (long)v;
    } else if (!strcmp(name, "picture-actors")) {
        if (parse_u32(value, &v))
            return invalid(err, "invalid --picture-actors '%.200s' (a number of actors, 0: all)",
                           value);
        opt->picture_actors = (long)v;
    } else if (!strcmp(name, "title")) {
        opt->title = value;
    } else if (!strcmp(name, "engine")) {
        opt->engine = value;
    } else if (!strcmp(name, "lang")) {
        if (!value || (strcmp(value, "fr") && strcmp(value, "en")))
            return invalid(err, "invalid --lang '%.200s' (fr or en)", value);
        opt->lang = value;
    } else if (!strcmp(name, "html-evidence")) {
        if (parse_u32(value, &v))
            return invalid(err, "invalid --html-evidence '%.200s' (units a link, 0 or more)",
                           value);
        opt->view_evidence = (long)v;
    } else {
        return NOT_MINE;
    }
    return 0;
}

int sg_render_options_set(sg_render_options *opt, const char *name, const char *value,
                          sg_error *err)
{
    return unknown(render_set(opt, name, value, err), name, err);
}

static int min_weight(double *out, const char *value, sg_error *err)
{
    if (parse_number(value, 0, 1e15, 0, out))
        return invalid(err, "invalid --min-weight '%.200s' (a number >= 0)", value);
    return 0;
}

int sg_write_options_set(sg_write_options *opt, const char *name, const char *value, sg_error *err)
{
    if (!strcmp(name, "min-weight"))
        return min_weight(&opt->min_weight, value, err);
    if (!strcmp(name, "no-analyse")) {
        opt->analyse = 0;
        return 0;
    }
    if (!strcmp(name, "layout") || !strcmp(name, "no-layout")) {
        opt->layout = name[0] == 'l';
        return 0;
    }
    /* without the pagerank, pictures are sized by degree unless told otherwise */
    if (!strcmp(name, "no-pagerank") && opt->render.size_by &&
        !strcmp(opt->render.size_by, "pagerank"))
        opt->render.size_by = "degree";
    int rc = analysis_set(&opt->analysis, name, value, err);
    if (rc == NOT_MINE)
        rc = render_set(&opt->render, name, value, err);
    return unknown(rc, name, err);
}

int sg_run_options_set(sg_run_options *opt, const char *name, const char *value, sg_error *err)
{
    if (!strcmp(name, "jobs")) {
        return jobs(&opt->jobs, value, err);
    } else if (!strcmp(name, "by-period")) {
        if (value && !strcmp(value, "month"))
            opt->by_period = SG_PERIOD_MONTH;
        else if (value && !strcmp(value, "year"))
            opt->by_period = SG_PERIOD_YEAR;
        else
            return fail(err, "invalid --by-period (month or year)");
    } else if (!strcmp(name, "min-weight")) {
        return min_weight(&opt->min_weight, value, err);
    } else {
        return unknown(NOT_MINE, name, err);
    }
    return 0;
}

int sg_suggest_options_set(sg_suggest_options *opt, const char *name, const char *value,
                           sg_error *err)
{
    unsigned long v;
    if (strcmp(name, "min-count"))
        return unknown(NOT_MINE, name, err);
    if (parse_u32(value, &v) || v == 0 || v > 1000000000UL)
        return fail(err, "invalid --min-count (a positive integer)");
    opt->min_count = (unsigned)v;
    return 0;
}
