/* The nouns of ways: the one list of the rules that read a name as a
 * street's ("avenue de Toulon", "rue Pasteur", "la place de Gaulle") and of
 * the suggester's. */
#include <string.h>

#include "sg_internal.h"

unsigned sg_way_noun(const char *t, size_t n)
{
    static const struct {
        const char *w;
        unsigned kind;
    } ways[] = {
        {"allee", SG_WAY_STREET},   {"allees", SG_WAY_STREET},    {"avenue", SG_WAY_STREET},
        {"bd", SG_WAY_STREET},      {"boulevard", SG_WAY_STREET}, {"chemin", SG_WAY_ROAD},
        {"cours", SG_WAY_WORD},     {"impasse", SG_WAY_STREET},   {"place", SG_WAY_SQUARE},
        {"promenade", SG_WAY_WALK}, {"quai", SG_WAY_STREET},      {"route", SG_WAY_ROAD},
        {"rue", SG_WAY_STREET},     {"square", SG_WAY_SQUARE},    {"traverse", SG_WAY_WORD},
    };
    /* (asked before every surname and many names: the first letter first) */
    for (size_t k = 0; n > 0 && k < sizeof(ways) / sizeof(*ways); k++)
        if (ways[k].w[0] == t[0] && strlen(ways[k].w) == n && !memcmp(t, ways[k].w, n))
            return ways[k].kind;
    return 0;
}
