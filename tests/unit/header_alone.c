/* Compiled with -std=c11 -pedantic -Werror: the umbrella header stands alone. */
#include <stakegraph/stakegraph.h>

int header_alone_probe(void);
int header_alone_probe(void)
{
    return SG_OK;
}
