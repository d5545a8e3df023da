/* Parsers for option values shared by the subcommands. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

int cli_parse_seed(const char *s, unsigned long *seed)
{
    char *end = NULL;
    if (!isdigit((unsigned char)*s))
        return -1;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || v > 4294967295ULL)
        return -1;
    *seed = (unsigned long)v;
    return 0;
}

int cli_parse_alpha(const char *s, double *alpha)
{
    char *end = NULL;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !(v > 0 && v <= 1))
        return -1;
    *alpha = v;
    return 0;
}

int cli_render_option(sg_render_options *ro, int which, const char *arg, char *msg, size_t size)
{
    switch (which) {
    case 0:
        if (sg_colour_by_parse(&ro->colour_by, arg)) {
            snprintf(msg, size, "invalid --colour-by '%.200s' (community or type)", arg);
            return -1;
        }
        return 0;
    case 1:
        if (!*arg) {
            snprintf(msg, size, "--size-by needs a measure (pagerank, degree, ...)");
            return -1;
        }
        ro->size_by = arg;
        return 0;
    case 2: {
        unsigned long n;
        if (cli_parse_seed(arg, &n)) {
            snprintf(msg, size, "invalid --labels '%.200s' (a number of actors)", arg);
            return -1;
        }
        ro->labels = (long)n;
        return 0;
    }
    default: ro->title = arg; return 0;
    }
}
