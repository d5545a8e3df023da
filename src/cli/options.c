/* Parsers for option values shared by the subcommands. */
#include <ctype.h>
#include <errno.h>
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
